"""Per-connection database settings."""

from __future__ import annotations

import functools
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

SQLITE_BUSY_TIMEOUT_MS = 15_000


SCHEMA_BEHIND = (
    "The database is not up to date with this version of Sourcewise: run  flask --app app db upgrade"
)


def init_app(app: Flask) -> None:
    from app.extensions import db

    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    app.extensions["sourcewise_schema_current"] = False
    app.before_request(_refuse_while_schema_behind)


def schema_is_current(app: Flask) -> bool:
    """Whether the database has every migration of the code (``alembic_version`` at the heads)."""
    from alembic.migration import MigrationContext

    from app.extensions import db

    heads = _migration_heads(str(app.extensions["migrate"].directory))
    with db.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


@functools.lru_cache(maxsize=4)
def _migration_heads(directory: str) -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory(directory).get_heads())


def _refuse_while_schema_behind() -> Any:
    """Answer 503 with the one line that fixes it, instead of a 500 on every page.

    Checked on the first request of each process, and again on each request while it is
    behind, so the app serves as soon as someone runs the upgrade.
    """
    from flask import current_app, render_template

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.extensions["sourcewise_schema_current"]:
        return None
    if schema_is_current(app):
        app.extensions["sourcewise_schema_current"] = True
        return None
    app.logger.error(SCHEMA_BEHIND)
    return render_template("errors/schema.html"), 503


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers and one writer work at once; the busy timeout makes a second
    # writer wait instead of failing with "database is locked" when several workers share a file.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


__all__ = ["init_app", "Engine"]
