"""Forms for signing in, first setup and changing a password."""

from __future__ import annotations

from flask import flash
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Optional

from app.services.accounts import MAX_DISPLAY_NAME, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

_NEW_PASSWORD_LENGTH = Length(
    min=MIN_PASSWORD_LENGTH,
    max=MAX_PASSWORD_LENGTH,
    message=f"Use a password of {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
)


class LoginForm(FlaskForm):
    email = EmailField(
        "Email",
        [
            InputRequired("Type your email address."),
            Length(
                max=MAX_EMAIL_LENGTH, message=f"An email address has at most {MAX_EMAIL_LENGTH} characters."
            ),
        ],
    )
    password = PasswordField(
        "Password",
        [
            InputRequired("Type your password."),
            Length(max=MAX_PASSWORD_LENGTH, message="That password is too long."),
        ],
    )


class SetupForm(FlaskForm):
    display_name = StringField(
        "Your name (optional)",
        [Optional(), Length(max=MAX_DISPLAY_NAME, message=f"Use at most {MAX_DISPLAY_NAME} characters.")],
    )
    email = EmailField(
        "Email",
        [
            InputRequired("Type your email address: it is your login name."),
            Length(
                max=MAX_EMAIL_LENGTH, message=f"An email address has at most {MAX_EMAIL_LENGTH} characters."
            ),
        ],
    )
    new_password = PasswordField(
        "Choose a password", [InputRequired("Choose a password."), _NEW_PASSWORD_LENGTH]
    )
    confirm_password = PasswordField(
        "Type the password again",
        [
            InputRequired("Type the password again."),
            EqualTo("new_password", message="The two passwords are not the same."),
        ],
    )


class PasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password",
        [InputRequired("Type your current password."), Length(max=MAX_PASSWORD_LENGTH)],
    )
    new_password = PasswordField(
        "New password", [InputRequired("Choose a new password."), _NEW_PASSWORD_LENGTH]
    )
    confirm_password = PasswordField(
        "Type the new password again",
        [
            InputRequired("Type the new password again."),
            EqualTo("new_password", message="The two passwords are not the same."),
        ],
    )


def show_problem(form: FlaskForm, field_name: str | None, message: str) -> None:
    """Show a problem the server found next to its field, and in the page's messages."""
    field = getattr(form, field_name, None) if field_name else None
    if field is not None:
        field.errors = [*field.errors, message]
    flash(message, "error")


def flash_form_errors(form: FlaskForm) -> None:
    """After a failed submit: one message at the top, the details stay next to their fields."""
    if form.errors:
        flash("Please correct the problems marked below.", "error")
