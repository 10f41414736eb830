"""Forms for classes, students, the library and assignments."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.models import (
    ATTEMPTS_ONE,
    ATTEMPTS_UNLIMITED,
    FEEDBACK_PRACTICE,
    FEEDBACK_TEST,
    LATE_ACCEPT,
    LATE_CLOSE,
    SHOW_ANSWERS_AFTER_DUE,
    SHOW_ANSWERS_AFTER_SUBMIT,
    SHOW_ANSWERS_NEVER,
)
from app.services.classes import MAX_CLASS_NAME, MAX_NAME
from app.services.quizzes import MAX_EXTRA_ATTEMPTS, switchable_kinds

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
LATE_CHOICES = [
    SelectChoice(LATE_ACCEPT, "Accept late work and mark it late"),
    SelectChoice(LATE_CLOSE, "Close at the due date: no answers after it, work in progress is handed in"),
]
ANSWERS_SHOWN_CHOICES = [
    SelectChoice(SHOW_ANSWERS_AFTER_SUBMIT, "As soon as they hand in the quiz"),
    SelectChoice(SHOW_ANSWERS_AFTER_DUE, "After the due date"),
    SelectChoice(SHOW_ANSWERS_NEVER, "Never (they only see their scores)"),
]
# Labels for pages that list assignments.
ATTEMPTS_LABELS = {choice.value: choice.label for choice in ATTEMPTS_CHOICES}
FEEDBACK_LABELS = {
    FEEDBACK_PRACTICE: "Practice: feedback after each question",
    FEEDBACK_TEST: "Test: feedback at the end",
}
LATE_LABELS = {LATE_ACCEPT: "Late work accepted", LATE_CLOSE: "Closes at the due date"}
ANSWERS_SHOWN_LABELS = {
    SHOW_ANSWERS_AFTER_SUBMIT: "Right answers shown once handed in",
    SHOW_ANSWERS_AFTER_DUE: "Right answers shown after the due date",
    SHOW_ANSWERS_NEVER: "Right answers never shown",
}
# The browser sends a wall-clock time without a zone: it is read in the class's time zone
# (app.services.times), never as UTC.
DUE_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
TITLE_VALIDATORS = [
    Optional(),
    Length(max=MAX_ASSIGNMENT_TITLE, message=f"Use at most {MAX_ASSIGNMENT_TITLE} characters."),
]


class AssignmentSettingsForm(FlaskForm):
    """What a teacher chooses for an assignment, when assigning it and later."""

    title = StringField("Title students see (optional)", TITLE_VALIDATORS)
    due_at = DateTimeLocalField(
        "Due (optional)",
        [Optional()],
        format=DUE_FORMATS,
        render_kw={"step": 60},
    )
    late_policy = RadioField("After the due date", choices=LATE_CHOICES, default=LATE_ACCEPT)
    attempts_policy = RadioField("Attempts", choices=ATTEMPTS_CHOICES, default=ATTEMPTS_ONE)
    feedback_mode = RadioField(
        "When students see feedback", choices=FEEDBACK_CHOICES, default=FEEDBACK_PRACTICE
    )
    answers_shown = RadioField(
        "In a test, when students see the right answers",
        choices=ANSWERS_SHOWN_CHOICES,
        default=SHOW_ANSWERS_AFTER_SUBMIT,
    )
    ask_confidence = BooleanField("Ask “How sure are you?” with each answer")
    # One box per generated kind, read from the registry when the form is made (new kinds appear).
    kinds_off = SelectMultipleField(
        "Question kinds to leave out",
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds_off.choices = [SelectChoice(name, title) for name, title in switchable_kinds().items()]


class AssignForm(AssignmentSettingsForm):
    class_id = SelectField("Class", coerce=int, validate_choice=True)
    version_id = SelectField("Article", coerce=int, validate_choice=True)


class EditAssignmentForm(AssignmentSettingsForm):
    title = StringField("Title students see", TITLE_VALIDATORS)


class ExtensionForm(FlaskForm):
    student_id = SelectField("Student", coerce=int, validate_choice=True)
    # Not "due_at": the settings form on the same page has that field (and its id).
    extension_due_at = DateTimeLocalField("Their own due date (optional)", [Optional()], format=DUE_FORMATS)
    extra_attempts = IntegerField(
        "Extra attempts",
        [
            Optional(),
            NumberRange(
                min=0,
                max=MAX_EXTRA_ATTEMPTS,
                message=f"Give between 0 and {MAX_EXTRA_ATTEMPTS} extra attempts.",
            ),
        ],
        default=0,
    )


class ConfirmForm(FlaskForm):
    """A button that asks nothing more: the CSRF token only."""
