"""Forms of the article editor: a new article from a text or a file, and the editor's save."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import HiddenField, TextAreaField
from wtforms.validators import Length, Optional

from app.services.editor import MAX_DRAFT_BYTES, MAX_EDITOR_BYTES

# Characters, not bytes: the services check the bytes again.
MAX_PASTE_CHARACTERS = MAX_DRAFT_BYTES
MAX_YAML_CHARACTERS = MAX_EDITOR_BYTES
# The document is JSON of the YAML's content: a little longer than the YAML.
MAX_DOCUMENT_CHARACTERS = 2 * MAX_EDITOR_BYTES


class NewArticleForm(FlaskForm):
    pasted = TextAreaField(
        "Paste the article",
        [
            Optional(),
            Length(max=MAX_PASTE_CHARACTERS, message=f"Paste at most {MAX_PASTE_CHARACTERS:,} characters."),
        ],
    )
    file = FileField(
        "Or upload a file (.txt or .html)",
        [
            FileAllowed(
                ["txt", "text", "html", "htm"],
                "Upload a .txt file (plain text) or an .html page saved from a browser.",
            )
        ],
    )


class EditorForm(FlaskForm):
    """The YAML text (typed by the teacher without JavaScript, or kept up to date by the editor),
    and the editor's document, which takes precedence when the script sends it."""

    yaml = TextAreaField(
        "The article's YAML file",
        [
            Length(
                max=MAX_YAML_CHARACTERS,
                message=f"The file may have at most {MAX_YAML_CHARACTERS:,} characters.",
            )
        ],
    )
    document_json = HiddenField(
        validators=[Length(max=MAX_DOCUMENT_CHARACTERS, message="The article is too long to save.")]
    )
