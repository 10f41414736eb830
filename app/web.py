"""Registers the feature blueprints, error pages and template helpers."""

from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    from app.auth.routes import bp as auth_bp
    from app.dashboard.routes import bp as dashboard_bp
    from app.exports.routes import bp as exports_bp
    from app.main.routes import bp as main_bp
    from app.student.routes import bp as student_bp
    from app.teacher.routes import bp as teacher_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(teacher_bp, url_prefix="/teacher")
    app.register_blueprint(dashboard_bp, url_prefix="/teacher")
    app.register_blueprint(exports_bp, url_prefix="/teacher")
    app.register_blueprint(student_bp)

    @app.context_processor
    def roles() -> dict[str, object]:
        from flask_login import current_user

        from app.models import Student, Teacher

        return {
            "current_teacher": current_user if isinstance(current_user, Teacher) else None,
            "current_student": current_user if isinstance(current_user, Student) else None,
        }

    @app.template_filter("percent")
    def percent(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}%"

    @app.template_filter("utc")
    def utc(value: object) -> str:
        from datetime import datetime

        if not isinstance(value, datetime):
            return ""
        return value.strftime("%Y-%m-%d %H:%M UTC")

    @app.template_filter("local")
    def local(value: object, school_class: object) -> str:
        """A stored moment in the class's time zone, with the zone's name (app.services.times)."""
        from datetime import datetime

        from app.models import SchoolClass
        from app.services.times import format_local

        if not isinstance(value, datetime) or not isinstance(school_class, SchoolClass):
            return ""
        return format_local(value, school_class)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        return render_template("errors/error.html", error=error), error.code or 500

    @app.errorhandler(Exception)
    def server_error(error: Exception) -> tuple[str, int]:
        app.logger.exception("Unhandled error")
        from app.extensions import db

        db.session.rollback()
        return render_template("errors/500.html"), 500
