"""Who is signed in, and the HTTP headers every response carries."""

from __future__ import annotations

import functools
from typing import Any, cast

from flask import Flask, Response, current_app
from sqlalchemy import Select

from app.extensions import db, login_manager

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    app.after_request(_security_headers)


def load_user(user_id: str) -> object | None:
    """Session ids look like ``teacher:7:0`` or ``student:12:1`` (kind, key, epoch).

    The epoch is bumped when a password or rejoin code changes, which ends every
    older session without any server-side session store.
    """
    from app.models import Student, Teacher

    try:
        kind, key, epoch = user_id.split(":")
        statement = _user_statements()[kind]
        user = cast("Teacher | Student | None", db.session.scalar(statement, {"id": int(key)}))
    except (ValueError, KeyError):
        return None
    if user is None or user.session_epoch != int(epoch):
        return None
    if isinstance(user, Student) and (user.removed or user.school_class.archived):
        return None
    return user


@functools.cache
def _user_statements() -> dict[str, Select[Any]]:
    """The query for each kind of session, built once: it runs on every signed-in request.

    A student's class is read on every student page (archived? its name, its zone), so with them.
    """
    from sqlalchemy import bindparam, select
    from sqlalchemy.orm import joinedload

    from app.models import Student, Teacher

    return {
        "teacher": select(Teacher).where(Teacher.id == bindparam("id")),
        "student": select(Student)
        .options(joinedload(Student.school_class))
        .where(Student.id == bindparam("id")),
    }


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if current_app.config.get("SOURCEWISE_ENV") == "production":
        # Production is served over HTTPS only (README): browsers must never try plain HTTP again.
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Pages for a signed-in user must not come back from the cache with Back on a shared computer.
    if response.mimetype == "text/html" and _signed_in():
        response.headers["Cache-Control"] = "no-store"
    return response


def _signed_in() -> bool:
    from flask import has_request_context
    from flask_login import current_user

    return has_request_context() and bool(current_user.is_authenticated)
