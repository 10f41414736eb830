"""Registers the feature blueprints, error pages and template helpers."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, render_template, request
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import IntegerConverter, Map

# Ids in URLs are database keys: PostgreSQL's INTEGER stops at 2**31 - 1, and a bigger number
# must be "not found" (404), not an overflow in the database (500).
MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    """``<int:...>`` for database ids: a number past the database's range matches no route."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


# The bodies werkzeug reads into ``request.form`` and ``request.files``; any other body leaves them
# empty, so a page's GET need not build them only to find nothing.
_FORM_BODIES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def refuse_nul_characters() -> None:
    """A NUL character cannot be stored by PostgreSQL and is never typed on purpose: say so (400)."""
    values = list(request.args.values())
    if request.mimetype in _FORM_BODIES:
        values += request.form.values()
        values += [storage.filename or "" for storage in request.files.values()]
    if any("\x00" in value for value in values):
        abort(
            400,
            description="The form contained an invisible control character (NUL). "
            "Go back, type the text again instead of pasting it, and send it again.",
        )


def register_converters(app: Flask) -> None:
    """Before any blueprint adds its routes: rules pick their converters when added."""
    app.url_map.converters["int"] = BoundedIntegerConverter


def init_app(app: Flask) -> None:
    register_converters(app)
    app.before_request(refuse_nul_characters)
    from app.auth.routes import bp as auth_bp
    from app.auth.routes import lead_to_setup
    from app.dashboard.routes import bp as dashboard_bp
    from app.dashboard.routes import progress_bp
    from app.domain.article import SKILL_LABELS
    from app.domain.confidence import CONFIDENCE_LEVELS
    from app.editor.routes import bp as editor_bp
    from app.exports.routes import bp as exports_bp
    from app.main.routes import bp as main_bp
    from app.student import passages
    from app.student.routes import bp as student_bp
    from app.teacher.routes import bp as teacher_bp

    # Every blueprint, filter and global of the app is registered here, and nowhere else.
    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.before_request(lead_to_setup)  # app-wide: every page leads to /setup until a teacher exists
    app.register_blueprint(teacher_bp, url_prefix="/teacher")
    app.register_blueprint(editor_bp, url_prefix="/teacher")
    app.register_blueprint(dashboard_bp, url_prefix="/teacher")
    app.register_blueprint(progress_bp)  # the student's /progress page, outside /teacher
    app.register_blueprint(exports_bp, url_prefix="/teacher")
    app.register_blueprint(student_bp)

    # App-wide, so the teacher's quiz preview uses the student's passage macros.
    app.add_template_global(passages.word_runs, "word_runs")
    app.add_template_global(passages.range_marks, "range_marks")
    app.add_template_global(passages.article_html, "article_html")
    app.add_template_global(passages.question_html, "question_html")
    # Tables, not functions: straight into Jinja's globals (add_template_global is typed for callables).
    app.jinja_env.globals.update(
        VERDICTS=passages.VERDICTS,
        MARK_LABELS=passages.MARK_LABELS,
        SKILL_LABELS=SKILL_LABELS,
        CONFIDENCE_LEVELS=CONFIDENCE_LEVELS,
    )
    app.add_template_filter(passages.points, "points")

    @app.context_processor
    def roles() -> dict[str, object]:
        from flask_login import current_user

        from app.models import Teacher
        from app.security import current_student

        return {
            "current_teacher": current_user if isinstance(current_user, Teacher) else None,
            "current_student": current_student(),
        }

    @app.template_filter("percent")
    def percent(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}%"

    from flask_wtf.csrf import CSRFError

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return render_template("errors/csrf.html", **_csrf_page(error)), 400

    @app.template_filter("local")
    def local(value: object, school_class: object) -> str:
        """A stored moment in the class's time zone, with the zone's name (app.services.times)."""
        from datetime import datetime

        from app.services.times import Zoned, format_local

        if not isinstance(value, datetime):
            return ""
        # Not a class's date (an import time): the server's zone.
        return format_local(value, school_class if isinstance(school_class, Zoned) else None)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        # A description of our own says what was wrong; werkzeug's default ones are not for people.
        own_words = bool(error.description) and error.description != type(error).description
        return render_template("errors/error.html", error=error, own_words=own_words), error.code or 500

    from app.services.errors import NotFound as RecordNotFound

    @app.errorhandler(RecordNotFound)
    def record_not_found(_error: RecordNotFound) -> tuple[str, int]:
        # Services raise NotFound for a record this user may not see; here it becomes the 404 page.
        return http_error(NotFound())

    @app.errorhandler(Exception)
    def server_error(error: Exception) -> tuple[str, int]:
        app.logger.exception("Unhandled error")
        from app.database import discard_read_connection
        from app.extensions import db

        # The page below reads the signed-in user again: through fresh connections, not broken ones.
        db.session.rollback()
        discard_read_connection()
        return render_template("errors/500.html"), 500


# What is never put back into a page: secrets, and the token the page will replace.
_NOT_KEPT = ("password", "csrf_token", "token")


def _csrf_page(error: HTTPException) -> dict[str, object]:
    """A form sent from a page open too long: what it said, ready to send again with a fresh token.

    Only for an expired token, which only this user's own page could have held; a missing or
    wrong token (a forged request, blocked cookies) gets no resend button.
    """
    expired = "expired" in (error.description or "")
    kept: list[tuple[str, str]] = []
    if expired and request.method == "POST" and not request.files:
        kept = [
            (name, value)
            for name, values in request.form.lists()
            if not any(word in name.lower() for word in _NOT_KEPT)
            for value in values
        ]
    return {"expired": expired, "kept": kept, "action": request.path}
