"""Sourcewise: the application factory.  Nothing runs at import time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.config import Config

if TYPE_CHECKING:  # importing app.domain must not load Flask, so Flask is imported in create_app
    from flask import Flask


def create_app(config: Config | Mapping[str, Any] | None = None) -> Flask:
    """Build the app.  ``config`` is a Config, or overrides applied on top of the environment."""
    if config is None:
        config = Config()
    elif not isinstance(config, Config):
        config = Config(**dict(config))

    from flask import Flask

    app = Flask(__name__, instance_path=config.INSTANCE_PATH, instance_relative_config=False)
    app.config.from_object(config)

    from app import database, models, security  # noqa: F401  (models: registers the tables)
    from app.extensions import csrf, db, limiter, login_manager, migrate

    security.init_transport(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()))
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    database.init_app(app)
    security.init_app(app)

    from app import cli, web

    web.init_app(app)
    cli.init_app(app)
    hops = int(app.config.get("PROXY_HOPS", 0))
    if hops:
        # Take the client's address, scheme and host from the proxy's X-Forwarded-* headers
        # (only the last ``hops`` values, which the school's own proxies wrote).
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    from app.proxies import warn_about_forwarded_headers

    app.before_request(warn_about_forwarded_headers)
    return app


def _migrations_dir() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "migrations"
