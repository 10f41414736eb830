"""Who is signed in, and the HTTP headers every response carries."""

from __future__ import annotations

import functools
from typing import Any, cast

from flask import Flask, Response, current_app, render_template, request
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


def init_transport(app: Flask) -> None:
    """Before the other extensions' checks (CSRF, rate limits), which would only say "bad request"."""
    app.before_request(refuse_plain_http)
    if app.config.get("INSECURE_HTTP"):
        app.logger.warning(
            "SOURCEWISE_INSECURE_HTTP=1: this production server accepts plain HTTP and its cookies are not "
            "Secure, so anyone on the network can read sign-in cookies. Only do this on a trusted internal "
            "network; see README, Running for a school."
        )


HTTPS_REQUIRED = "this server is in production mode and must be reached over HTTPS; see README"
_HTTPS_WARNED = "sourcewise.https_warned"


def refuse_plain_http() -> tuple[str, int] | None:
    """Production cookies are Secure: over http:// the browser never sends them back, so every form
    would fail with a puzzling 400.  Say what is wrong instead, on the page and in the log."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if not app.config.get("SESSION_COOKIE_SECURE") or request.is_secure:
        return None
    if (request.endpoint or "").split(".")[-1] == "static":
        return None  # the page below needs its stylesheet
    if not app.extensions.get(_HTTPS_WARNED):
        app.extensions[_HTTPS_WARNED] = True  # once per process: every request would flood the log
        app.logger.error(
            "%s (a request for %s came over plain HTTP; behind a proxy, check SOURCEWISE_PROXY_HOPS and "
            "X-Forwarded-Proto, or set SOURCEWISE_INSECURE_HTTP=1 on a trusted network)",
            HTTPS_REQUIRED,
            request.path,
        )
    # No link to an https:// address: one built from the Host header could point anywhere.
    return render_template("errors/https_required.html"), 403


def load_user(user_id: str) -> object | None:
    """Session ids look like ``teacher:<token>:0`` or ``student:<token>:1`` (kind, token, epoch).

    The token is random per account (never the integer key, which a restored backup hands out
    again to someone else).  The epoch is bumped when a password or rejoin code changes, which
    ends every older session without any server-side session store.
    """
    from app.models import SESSION_TOKEN_LENGTH, Student, Teacher

    kind, _, rest = user_id.partition(":")
    token, _, epoch = rest.partition(":")
    statement = _user_statements().get(kind)
    well_formed = 0 < len(token) <= SESSION_TOKEN_LENGTH and epoch.isascii() and epoch.isdigit()
    if statement is None or not well_formed:
        return None
    user = cast("Teacher | Student | None", db.session.scalar(statement, {"token": token}))
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
        "teacher": select(Teacher).where(Teacher.session_token == bindparam("token")),
        "student": select(Student)
        .options(joinedload(Student.school_class))
        .where(Student.session_token == bindparam("token")),
    }


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    config = current_app.config
    if config.get("SOURCEWISE_ENV") == "production" and not config.get("INSECURE_HTTP"):
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
