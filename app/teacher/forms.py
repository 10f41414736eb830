"""Forms for classes, students, the library and assignments."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, DateTimeLocalField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from app.models import ATTEMPTS_ONE, ATTEMPTS_UNLIMITED, FEEDBACK_PRACTICE, FEEDBACK_TEST
from app.services.classes import MAX_CLASS_NAME, MAX_NAME

MAX_ASSIGNMENT_TITLE = 200


class ClassNameForm(FlaskForm):
    name = StringField(
        "Class name",
        [
            InputRequired("Give the class a name."),
            Length(
                max=MAX_CLASS_NAME, message=f"Use at most {MAX_CLASS_NAME} characters for the class name."
            ),
        ],
    )


class StudentNameForm(FlaskForm):
    name = StringField(
        "Display name",
        [
            InputRequired("Type a display name."),
            Length(max=MAX_NAME, message=f"Use at most {MAX_NAME} characters."),
        ],
    )


class ClassSettingsForm(FlaskForm):
    one_to_one_devices = BooleanField("Students have their own devices (1:1)")
    # Choices (the server's default, then every IANA zone) are set by the view.
    time_zone = SelectField("Time zone for due dates", validate_choice=True)


class MergeStudentForm(FlaskForm):
    """Confirm merging one student into another (both are in the URL): only the CSRF token."""


class RemoveStudentForm(FlaskForm):
    delete_attempts = BooleanField("Also delete this student's past answers")


class UploadForm(FlaskForm):
    file = FileField(
        "Article file (.yaml or .yml)",
        [
            FileRequired("Choose a YAML file to upload."),
            FileAllowed(["yaml", "yml"], "Upload a .yaml or .yml file (the format in questions/README.md)."),
        ],
    )


ATTEMPTS_CHOICES = [
    SelectChoice(ATTEMPTS_ONE, "One attempt"),
    SelectChoice(ATTEMPTS_UNLIMITED, "Unlimited attempts, best score kept"),
]
FEEDBACK_CHOICES = [
    SelectChoice(FEEDBACK_PRACTICE, "After each question (practice)"),
    SelectChoice(FEEDBACK_TEST, "Only after the whole quiz is submitted (test)"),
]
# Labels for pages that list assignments.
ATTEMPTS_LABELS = {choice.value: choice.label for choice in ATTEMPTS_CHOICES}
FEEDBACK_LABELS = {
    FEEDBACK_PRACTICE: "Practice: feedback after each question",
    FEEDBACK_TEST: "Test: feedback at the end",
}


class AssignForm(FlaskForm):
    class_id = SelectField("Class", coerce=int, validate_choice=True)
    version_id = SelectField("Article", coerce=int, validate_choice=True)
    title = StringField(
        "Title students see (optional)",
        [
            Optional(),
            Length(max=MAX_ASSIGNMENT_TITLE, message=f"Use at most {MAX_ASSIGNMENT_TITLE} characters."),
        ],
    )
    # The browser sends a time without a zone; the page says it is read as UTC.
    due_at = DateTimeLocalField(
        "Due (optional, UTC)",
        [Optional()],
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        tz=UTC,
    )
    attempts_policy = RadioField("Attempts", choices=ATTEMPTS_CHOICES, default=ATTEMPTS_ONE)
    feedback_mode = RadioField(
        "When students see feedback", choices=FEEDBACK_CHOICES, default=FEEDBACK_PRACTICE
    )

    def validate_due_at(self, field: DateTimeLocalField) -> None:
        if field.data is not None and field.data <= datetime.now(UTC):
            now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
            raise ValidationError(f"That time has already passed. Times are in UTC; it is now {now} UTC.")
