"""The WSGI application the HTTP benchmark serves: Sourcewise, with a bare Flask "hello" app beside it.

    gunicorn -c gunicorn.conf.py "bench.wsgi_bench:application"

Both run in the same gunicorn workers, so the hello route measures what the server,
the WSGI layer and Flask cost on their own, in the same run and on the same cores as
the app's pages: the ratio of the two is what the app's own work costs.  Sourcewise
is configured from the environment exactly as `app:create_app()` is.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from app import create_app

HELLO_PREFIX = "/hello"


def hello_app() -> Flask:
    """The smallest Flask app: one route, no database, no session, no template."""
    hello = Flask("hello")

    # Mounted at /hello: the request for "/hello" reaches this app with an empty path.
    @hello.get("/", strict_slashes=False)
    def index() -> str:
        return "Hello, World!"

    return hello


def make_application() -> DispatcherMiddleware:
    return DispatcherMiddleware(create_app(), {HELLO_PREFIX: hello_app()})


application = make_application()
