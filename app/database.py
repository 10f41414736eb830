"""Per-connection database settings."""

from __future__ import annotations

import functools
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

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
    app.teardown_appcontext(_close_read_connection)


# Requests that change nothing (the quiz pages, every page a student opens) read through a pooled
# connection outside any transaction: on PostgreSQL in autocommit, so a page costs no BEGIN and
# ROLLBACK round trips to the server, and no ORM session is opened for it.  Nothing is lost by it:
# each statement still reads one consistent snapshot, as it does in a READ COMMITTED transaction.
_SAFE_METHODS = frozenset({"GET", "HEAD"})
_READ_CONNECTION = "sourcewise_read_connection"


def read_connection() -> Connection:
    """Where a request's hot reads run (the signed-in user, a quiz page's attempt): on GET and HEAD
    a connection of its own, outside any transaction; on other requests, and outside requests, the
    session's connection, so the reads belong to the transaction of what the request changes.

    A GET that does change something (an attempt handed in at its due date) does it through
    ``db.session`` and its own transaction, and reads its result here afterwards.
    """
    from app.extensions import db

    if not has_request_context() or request.method not in _SAFE_METHODS:
        return db.session.connection()
    connection: Connection | None = g.get(_READ_CONNECTION)
    if connection is None:
        connection = db.engine.connect()
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        setattr(g, _READ_CONNECTION, connection)
    return connection


def discard_read_connection() -> None:
    """Give the request's read connection back now (an error page must not reuse a broken one:
    the next read takes a fresh connection from the pool)."""
    connection: Connection | None = g.pop(_READ_CONNECTION, None)
    if connection is None:
        return
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - a connection that died: the pool replaces it; go on
        current_app.logger.warning("Could not close a read connection", exc_info=True)


def _close_read_connection(_error: BaseException | None) -> None:
    # Must not raise: Flask-SQLAlchemy's own teardown (the session's connection) runs after this one.
    discard_read_connection()


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
    from flask import render_template

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


__all__ = ["discard_read_connection", "init_app", "read_connection", "Engine"]
