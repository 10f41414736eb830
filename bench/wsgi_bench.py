"""The WSGI application the HTTP benchmark serves: Sourcewise, with a bare Flask "hello" app beside it.

    gunicorn -c gunicorn.conf.py "bench.wsgi_bench:application"

Both run in the same gunicorn workers, so the hello route measures what the server,
the WSGI layer and Flask cost on their own, in the same run and on the same cores as
the app's pages: the ratio of the two is what the app's own work costs.  Sourcewise
is configured from the environment exactly as `app:create_app()` is.
"""

from __future__ import annotations

from flask import Flask, abort
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from app import create_app
from bench.http_bench import SIGNED_IN_FLOOR

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


def make_application() -> DispatcherMiddleware:
    return DispatcherMiddleware(with_signed_in_floor(create_app()), {HELLO_PREFIX: hello_app()})


application = make_application()
