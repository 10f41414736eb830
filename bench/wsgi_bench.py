"""The WSGI application the HTTP benchmark serves: Sourcewise, with a bare Flask "hello" app beside it.

    gunicorn -c gunicorn.conf.py "bench.wsgi_bench:application"

Both run in the same gunicorn workers, so the hello route measures what the server,
the WSGI layer and Flask cost on their own, in the same run and on the same cores as
the app's pages: the ratio of the two is what the app's own work costs.  Sourcewise
is configured from the environment exactly as `app:create_app()` is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, abort
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from app import create_app
from bench.http_bench import RAW_CEILING, SIGNED_IN_FLOOR

HELLO_PREFIX = "/hello"


def hello_app() -> Flask:
    """The smallest Flask app: one route, no database, no session, no template."""
    hello = Flask("hello")

    # Mounted at /hello: the request for "/hello" reaches this app with an empty path.
    @hello.get("/", strict_slashes=False)
    def index() -> str:
        return "Hello, World!"

    return hello


def with_signed_in_floor(app: Flask) -> Flask:
    """A route of the benchmark's own, added to its Sourcewise app: what any page by a signed-in
    student costs before it does anything (the app's hooks, the session, the student's row, the
    headers), measured as the pages are."""
    from app.security import current_student

    def signed_in_floor() -> str:
        if current_student() is None:
            abort(403)
        return "signed in"

    app.add_url_rule(SIGNED_IN_FLOOR, "bench_signed_in_floor", signed_in_floor)
    return app


RAW_PREFIX = RAW_CEILING


def raw_ceiling(app: Flask) -> Callable[[dict[str, Any], Callable[..., Any]], list[bytes]]:
    """A route of the benchmark's own, beside Flask (the app never serves it): the least a question
    page could do without Flask, to measure how far any such path could go. It verifies the session
    cookie with the app's own serializer, reads the student, their class, the attempt and its answers
    in one statement (autocommit, no ping) and sends a fixed body of about 9 KB with the app's kind of
    headers. No rendering, no CSRF token, no hooks: a ceiling, not a design."""
    from sqlalchemy import create_engine, text
    from werkzeug.http import parse_cookie

    from app.extensions import db

    body = ("<p>" + "x" * 96 + "</p>\n").encode() * 87
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    with app.app_context():
        engine = create_engine(db.engine.url, pool_pre_ping=False, isolation_level="AUTOCOMMIT", pool_size=4)
        serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    max_age = int(app.permanent_session_lifetime.total_seconds())
    statement = text(
        "select s.session_epoch, s.removed_at, c.archived_at, c.time_zone, a.submitted_at, r.position,"
        " r.score from students s join classes c on c.id = s.class_id join attempts a on a.student_id = s.id"
        " left join responses r on r.attempt_id = a.id where s.session_token = :token and a.id = :id"
    )
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
        ("Vary", "Cookie"),
    ]

    def raw(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
        session = serializer.loads(cookies[cookie_name], max_age=max_age)
        _kind, token, epoch = session["_user_id"].split(":")
        attempt = int(environ.get("QUERY_STRING", "a=1").partition("=")[2] or 1)
        with engine.connect() as connection:
            rows = connection.execute(statement, {"token": token, "id": attempt}).all()
        if not rows or rows[0].session_epoch != int(epoch):
            start_response("403 Forbidden", [("Content-Length", "0")])
            return [b""]
        start_response("200 OK", headers)
        return [body]

    return raw


def make_application() -> DispatcherMiddleware:
    app = with_signed_in_floor(create_app())
    return DispatcherMiddleware(app, {HELLO_PREFIX: hello_app(), RAW_PREFIX: raw_ceiling(app)})


application = make_application()
