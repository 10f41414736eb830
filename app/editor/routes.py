"""The article editor: "New article" (a pasted text or a .txt/.html file becomes a draft), the
editor page, its live check (JSON), saving a version and downloading the YAML file.

Thin views: each reads its input, calls app.services.editor, and renders or redirects.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app.auth.access import refuse_unless_teacher, signed_in_teacher
from app.auth.forms import flash_form_errors, show_problem
from app.domain.generate import KIND_TITLES
from app.editor.forms import EditorForm, NewArticleForm
from app.models import ArticleVersion
from app.services import content, editor
from app.teacher.routes import UPLOAD_MESSAGES, _upload_name

bp = Blueprint("editor", __name__, template_folder="templates")

SAFE_FILE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


@bp.before_request
def only_teachers() -> Response | None:
    return refuse_unless_teacher()


def _vocabulary_choices() -> dict[str, list[dict[str, str]]]:
    vocabulary = content.current_vocabulary()
    return {
        "source_types": [{"id": e.id, "label": e.label} for e in vocabulary.source_types],
        "claim_statuses": [{"id": e.id, "label": e.label} for e in vocabulary.claim_statuses],
        "techniques": [{"id": e.id, "label": e.label} for e in vocabulary.techniques],
    }


def _render_editor(
    state: editor.EditorState,
    version: ArticleVersion | None = None,
    form: EditorForm | None = None,
    status: int = 200,
) -> tuple[str, int]:
    if form is None:
        form = EditorForm(formdata=None, yaml=state.yaml_text)
    else:
        form.yaml.data = state.yaml_text
        form.document_json.data = ""
    setup = {
        "state": state.to_json(),
        "vocabulary": _vocabulary_choices(),
        "checkUrl": url_for("editor.check"),
    }
    return (
        render_template(
            "editor/editor.html",
            state=state,
            version=version,
            form=form,
            setup=setup,
            preview=_preview_context(state),
        ),
        status,
    )


def _preview_context(state: editor.EditorState) -> dict[str, Any]:
    article = state.result.article
    return {
        "questions": state.questions,
        "findings": state.findings,
        "unmarked": state.unmarked,
        "blocks": article.blocks if article is not None else (),
        "valid": article is not None,
        "kind_titles": KIND_TITLES,
    }


# --- New article ---------------------------------------------------------------------------------


@bp.route("/library/new", methods=["GET", "POST"])
def new_article() -> Response | str | tuple[str, int]:
    form = NewArticleForm()
    if request.method == "GET":
        return render_template("editor/new_article.html", form=form)
    if not form.validate_on_submit():
        flash_form_errors(form)
        return render_template("editor/new_article.html", form=form), 422
    storage = form.file.data
    try:
        if storage is not None and storage.filename:
            data = storage.read(editor.MAX_DRAFT_BYTES + 1)
            document = editor.new_draft(upload=data, filename=_upload_name(storage.filename))
        elif (form.pasted.data or "").strip():
            document = editor.new_draft(pasted=form.pasted.data or "")
        else:
            show_problem(form, "pasted", "Paste an article, or choose a .txt or .html file.")
            return render_template("editor/new_article.html", form=form), 422
        state = editor.state_of_document(document)
    except content.ContentError as exc:
        field = "file" if storage is not None and storage.filename else "pasted"
        show_problem(form, field, str(exc))
        return render_template("editor/new_article.html", form=form), 422
    return _render_editor(state)


# --- Editing a stored version --------------------------------------------------------------------


@bp.get("/library/versions/<int:version_id>/edit")
def edit_version(version_id: int) -> tuple[str, int]:
    version = content.version_for_teacher(signed_in_teacher(), version_id)
    return _render_editor(editor.state_of_yaml(version.source_text), version=version)


@bp.get("/library/versions/<int:version_id>/download")
def download_version(version_id: int) -> Response:
    version = content.version_for_teacher(signed_in_teacher(), version_id)
    return _yaml_download(version.source_text, version.article.slug)


# --- The live check ------------------------------------------------------------------------------


def _json_error(message: str, status: int) -> tuple[Response, int]:
    return jsonify({"error": message}), status


@bp.post("/library/editor/check")
def check() -> Response | tuple[Response, int]:
    """The editor's document (JSON ``{"document": {...}}``) checked: its YAML, the validator's
    problems with the annotation each concerns, where each quote is, and the preview."""
    try:
        payload = request.get_json(silent=True)
    except RecursionError:
        payload = None
    if not isinstance(payload, dict):
        return _json_error('Send the article as JSON: {"document": {...}}.', 400)
    try:
        document = editor.clean_document(payload.get("document"))
        state = editor.state_of_document(document)
    except editor.EditorError as exc:
        return _json_error(str(exc), 422)
    except content.ContentError as exc:
        return _json_error(f"The library cannot check articles right now: {exc}", 503)
    body = state.to_json()
    body["preview_html"] = render_template("editor/_preview.html", preview=_preview_context(state))
    return jsonify(body)


# --- Saving and downloading ----------------------------------------------------------------------


def _submitted_yaml(form: EditorForm) -> str:
    """The editor's document written as YAML when the script sent it, else the typed YAML."""
    document_json = form.document_json.data or ""
    if document_json.strip():
        try:
            document = json.loads(document_json)
        except (ValueError, RecursionError) as exc:
            raise editor.EditorError("The editor sent an article that is not valid JSON.") from exc
        return editor.yaml_of(editor.clean_document(document))
    return (form.yaml.data or "").replace("\r\n", "\n").replace("\r", "\n")


@bp.post("/library/editor/save")
def save() -> Response | tuple[str, int]:
    form = EditorForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _render_editor(editor.state_of_yaml(""), form=form, status=422)
    try:
        yaml_text = _submitted_yaml(form)
        outcome, result = editor.save(yaml_text, signed_in_teacher())
    except editor.EditorError as exc:
        flash(str(exc), "error")
        return _render_editor(editor.state_of_yaml(""), form=form, status=422)
    except content.ContentError as exc:
        flash(f"The library cannot check articles right now: {exc}", "error")
        return _render_editor(editor.state_of_yaml(""), form=form, status=503)
    if outcome.status == "error":
        state = editor.with_problems(editor.state_of_yaml(yaml_text), result.problems)
        flash("Not saved: fix the problems listed below, then save again.", "error")
        return _render_editor(state, form=form, status=422)
    version = editor.version_of(outcome)
    title = version.title
    message = UPLOAD_MESSAGES[outcome.status].format(version=outcome.version)
    flash(f"Saved “{title}”: {message}. You can download its YAML file below.", "success")
    return redirect(url_for("editor.edit_version", version_id=version.id))


@bp.post("/library/editor/download")
def download() -> Response | tuple[str, int]:
    form = EditorForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _render_editor(editor.state_of_yaml(""), form=form, status=422)
    try:
        yaml_text = _submitted_yaml(form)
        editor.check_yaml_size(yaml_text)
    except editor.EditorError as exc:
        flash(str(exc), "error")
        return _render_editor(editor.state_of_yaml(""), form=form, status=422)
    return _yaml_download(yaml_text, editor.file_id_of(yaml_text))


def _yaml_download(text: str, article_id: str) -> Response:
    name = article_id if SAFE_FILE_ID.fullmatch(article_id) else "article"
    response = Response(text, mimetype="application/yaml")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.yaml"'
    return response
