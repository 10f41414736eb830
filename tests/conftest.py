"""Shared fixtures: a migrated database per test session, a fresh app per test.

The database is SQLite by default.  With SOURCEWISE_TEST_DATABASE set to a
PostgreSQL URL, every test session gets its own schema in that database (so runs
never see each other's rows) and fails, rather than skips, when it cannot connect.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the unit tests run without Flask or SQLAlchemy installed: import lazily
    from flask import Flask
    from flask.testing import FlaskClient

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = PROJECT_ROOT / "questions"


def _postgres_schema_url(base_url: str, schema: str) -> str:
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base_url = os.environ.get("SOURCEWISE_TEST_DATABASE", "")
    if not base_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    if not base_url.startswith("postgresql"):
        pytest.fail(f"SOURCEWISE_TEST_DATABASE must be a PostgreSQL URL, got {base_url!r}")
    from sqlalchemy import create_engine, text

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server must fail the run
        pytest.fail(f"PostgreSQL was asked for ({base_url}) but cannot be used: {exc}")
    try:
        yield _postgres_schema_url(base_url, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def make_config(database_url: str, tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production-use",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "QUESTIONS_DIR": str(QUESTIONS_DIR),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        # scrypt costs real CPU per teacher; production keeps it (tests/integration/test_config.py).
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def migrated_database(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The schema comes from the migrations, as in production, once per session."""
    from flask_migrate import upgrade

    from app import create_app

    app = create_app(make_config(database_url, tmp_path_factory.mktemp("migrate")))
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()
    return database_url


def _empty_all_tables(app: Flask) -> None:
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context():
        db.session.remove()
        tables = [t for t in db.metadata.sorted_tables]
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in reversed(tables):
                    connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path) -> dict[str, Any]:
    """Overridable in a test module to change settings (for example CSRF on)."""
    return make_config(migrated_database, tmp_path)


@pytest.fixture
def app(app_config: dict[str, Any]) -> Iterator[Flask]:
    from app import create_app

    application = create_app(app_config)
    yield application
    _empty_all_tables(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


@pytest.fixture
def app_ctx(app: Flask) -> Iterator[Flask]:
    with app.app_context():
        yield app
