"""Who is signed in, and the HTTP headers every response carries."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from flask import Flask, Response, current_app, g, render_template, request, session
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import Select

from app.domain.cache import LRUCache
from app.extensions import db, login_manager

if TYPE_CHECKING:
    from app.models import Student

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
    app.session_interface = SessionCookies()
    # Every form's hidden field and the quiz pages take the token from here (see csrf_token).
    app.jinja_env.globals["csrf_token"] = csrf_token


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, unchanged, except that the signing serializer is built once
    per key rather than twice a request (reading the cookie, then writing it)."""

    def __init__(self) -> None:
        self._serializers: dict[tuple[object, ...], URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        try:
            return self._serializers[keys]
        except KeyError:
            serializer = super().get_signing_serializer(app)
            self._serializers[keys] = serializer
            return serializer


# Signing a CSRF token costs more than the rest of a quiz page's frame, and a page by a signed-in
# student signs one; the signed token of a session is reused for a minute.  Its age still counts
# from when it was signed, against WTF_CSRF_TIME_LIMIT (a school day), so a token is reused only
# while at most a hundredth of that limit has passed: a page always gets a token with nearly all
# its life ahead.
CSRF_TOKEN_REUSE_SECONDS = 60.0
_CSRF_FIELD = "csrf_token"
_signed_csrf_tokens: LRUCache[tuple[object, str], tuple[float, str]] = LRUCache(maxsize=4096)


def csrf_token() -> str:
    """The CSRF token for a form: Flask-WTF's ``generate_csrf``, the same signed token for the same
    session's raw token within CSRF_TOKEN_REUSE_SECONDS."""
    from flask_wtf.csrf import generate_csrf

    raw = session.get(_CSRF_FIELD)
    if not isinstance(raw, str) or _CSRF_FIELD in g:
        return str(generate_csrf())
    config = current_app.config
    key = (config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key, raw)
    time_limit = config.get("WTF_CSRF_TIME_LIMIT")
    reuse_for = min(CSRF_TOKEN_REUSE_SECONDS, time_limit / 100) if time_limit else CSRF_TOKEN_REUSE_SECONDS
    now = time.monotonic()
    reused = _signed_csrf_tokens.get(key)
    if reused is not None and now - reused[0] < reuse_for:
        setattr(g, _CSRF_FIELD, reused[1])  # where generate_csrf keeps a request's token
        return reused[1]
    token = str(generate_csrf())
    _signed_csrf_tokens.put(key, (now, token))
    return token


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


@dataclass(frozen=True)
class ClassOfStudent:
    """The signed-in student's class, as the student's pages show it."""

    id: int
    name: str
    join_code: str
    one_to_one_devices: bool
    time_zone: str  # due dates are shown in it (app.services.times)


@dataclass(frozen=True)
class SignedInStudent:
    """The student a session names, read with one SQL statement rather than through the ORM: every
    student request reads it, and a student's pages only show it or pass its ``id`` on.  The ORM's
    ``Student`` is for changing a student (services load it by ``id``)."""

    id: int
    class_id: int
    display_name: str
    rejoin_code: str
    session_token: str
    session_epoch: int
    school_class: ClassOfStudent

    # Flask-Login protocol, as app.models.Student has it: the same ids, so either may be current.
    is_authenticated = True
    is_active = True
    is_anonymous = False
    removed = False  # a removed student's session is refused (load_user)

    def get_id(self) -> str:
        return f"student:{self.session_token}:{self.session_epoch}"

    @classmethod
    def of(cls, student: Student) -> SignedInStudent:
        """The identity of a student just signed in (login_user was given the ORM's row)."""
        school_class = student.school_class
        return cls(
            student.id,
            student.class_id,
            student.display_name,
            student.rejoin_code,
            student.session_token,
            student.session_epoch,
            ClassOfStudent(
                school_class.id,
                school_class.name,
                school_class.join_code,
                school_class.one_to_one_devices,
                school_class.time_zone,
            ),
        )


def current_student() -> SignedInStudent | None:
    """The signed-in student of this request; None for a teacher or a visitor."""
    from flask_login import current_user

    from app.models import Student

    user = current_user._get_current_object()
    if isinstance(user, SignedInStudent):
        return user
    if isinstance(user, Student):
        return SignedInStudent.of(user)
    return None


def load_user(user_id: str) -> object | None:
    """Session ids look like ``teacher:<token>:0`` or ``student:<token>:1`` (kind, token, epoch).

    The token is random per account (never the integer key, which a restored backup hands out
    again to someone else).  The epoch is bumped when a password or rejoin code changes, which
    ends every older session without any server-side session store.  A removed student, or one
    of an archived class, is signed out.
    """
    from app.models import SESSION_TOKEN_LENGTH, Teacher

    kind, _, rest = user_id.partition(":")
    token, _, epoch = rest.partition(":")
    well_formed = 0 < len(token) <= SESSION_TOKEN_LENGTH and epoch.isascii() and epoch.isdigit()
    if kind not in ("teacher", "student") or not well_formed:
        return None
    if kind == "student":
        return _signed_in_student(token, int(epoch))
    teacher = db.session.scalar(_teacher_statement(), {"token": token})
    if teacher is None or teacher.session_epoch != int(epoch):
        return None
    return cast(Teacher, teacher)


def _signed_in_student(token: str, epoch: int) -> SignedInStudent | None:
    from app.database import read_connection

    row = read_connection().execute(_student_statement(), {"token": token}).one_or_none()
    if row is None or row.session_epoch != epoch or row.removed_at is not None or row.archived_at is not None:
        return None
    school_class = ClassOfStudent(
        row.class_id, row.class_name, row.join_code, bool(row.one_to_one_devices), row.time_zone
    )
    return SignedInStudent(
        row.id, row.class_id, row.display_name, row.rejoin_code, token, epoch, school_class
    )


@functools.cache
def _teacher_statement() -> Select[Any]:
    """Built once: it runs on every signed-in teacher's request."""
    from sqlalchemy import bindparam, select

    from app.models import Teacher

    return select(Teacher).where(Teacher.session_token == bindparam("token"))


@functools.cache
def _student_statement() -> Select[Any]:
    """Built once: it runs on every signed-in student's request (the student with their class)."""
    from sqlalchemy import bindparam, select

    from app.models import SchoolClass, Student

    # Table columns, not the models' attributes: the ORM would wrap plain rows in its own machinery.
    students, classes = Student.__table__.c, SchoolClass.__table__.c
    return (
        select(
            students.id,
            students.class_id,
            students.display_name,
            students.rejoin_code,
            students.session_epoch,
            students.removed_at,
            classes.name.label("class_name"),
            classes.join_code,
            classes.one_to_one_devices,
            classes.time_zone,
            classes.archived_at,
        )
        .join_from(Student.__table__, SchoolClass.__table__, classes.id == students.class_id)
        .where(students.session_token == bindparam("token"))
    )


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
