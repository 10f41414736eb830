"""Forms a student fills in.  Every POST carries a CSRF token (Flask-WTF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from app.services.classes import MAX_NAME


def _collapse_spaces(value: str | None) -> str | None:
    # The service stores names with single spaces, so the length limit applies to that form.
    return " ".join(value.split()) if isinstance(value, str) else value


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class JoinForm(FlaskForm):
    class_code = StringField(
        "Class code",
        filters=[_strip],
        validators=[DataRequired("Type the class code your teacher gave you."), Length(max=20)],
    )
    display_name = StringField(
        "Your name",
        filters=[_collapse_spaces],
        validators=[
            DataRequired("Type a display name."),
            Length(max=MAX_NAME, message=f"Use at most {MAX_NAME} characters."),
        ],
    )


class RejoinForm(FlaskForm):
    class_code = StringField(
        "Class code",
        filters=[_strip],
        validators=[DataRequired("Type the class code your teacher gave you."), Length(max=20)],
    )
    rejoin_code = StringField(
        "Your rejoin code",
        filters=[_strip],
        validators=[DataRequired("Type your personal rejoin code."), Length(max=20)],
    )


class ActionForm(FlaskForm):
    """A button that changes something (start, answer, submit, sign out): only the CSRF token.

    The answer itself is read from ``request.form.getlist("answer")``: word and
    choice indexes are checked by the answer type in app.domain.scoring.
    """
