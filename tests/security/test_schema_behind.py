"""A database that was never upgraded: one clear line and a 503, never a 500 on every page."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text

from app import create_app
from app.database import SCHEMA_BEHIND, schema_is_current
from tests.conftest import _postgres_schema_url, make_config


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A database with no tables: a file for SQLite, a new schema on PostgreSQL."""
    base_url = os.environ.get("SOURCEWISE_TEST_DATABASE", "")
    if not base_url:
        yield f"sqlite:///{tmp_path / 'never-upgraded.db'}"
        return
    schema = f"behind_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_schema_url(base_url, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _app(url: str, tmp_path: Path) -> Flask:
    return create_app(make_config(url, tmp_path))


@pytest.mark.parametrize("path", ["/", "/join", "/login", "/teacher/classes"])
def test_an_empty_database_gets_the_upgrade_command_not_a_500(
    empty_database: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    app = _app(empty_database, tmp_path)
    client = app.test_client()
    response = client.get(path)
    assert response.status_code == 503, path
    assert "flask --app app db upgrade" in response.get_data(as_text=True)
    assert SCHEMA_BEHIND in caplog.text


def test_a_database_one_migration_behind_is_refused_then_served_once_upgraded(
    empty_database: str, tmp_path: Path
) -> None:
    url = empty_database
    app = _app(url, tmp_path)
    with app.app_context():
        upgrade()
        downgrade(revision="-1")
        assert not schema_is_current(app)
    client = app.test_client()
    assert client.get("/join").status_code == 503
    with app.app_context():
        upgrade()
    assert client.get("/join").status_code in (200, 302)
    with app.app_context():
        from app.extensions import db

        db.engine.dispose()
