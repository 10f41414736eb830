"""`flask --app app backup`: one file, readable by its owner only, that opens and restores."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import create_engine, text

from app.extensions import db
from app.services.backups import postgres_environment
from tests.factories import make_class, make_student


def _restored_student_names(app: Flask, backup: Path) -> list[str]:
    """Restore the backup somewhere new, as the README says, and read the students back."""
    with app.app_context():
        url = db.engine.url
    if url.get_backend_name() == "sqlite":
        copy = backup.with_name("restored.db")
        copy.write_bytes(backup.read_bytes())
        with sqlite3.connect(copy) as connection:
            return [row[0] for row in connection.execute("SELECT display_name FROM students ORDER BY id")]
    database = f"restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        environ = {**os.environ, **postgres_environment(url), "PGDATABASE": database}
        environ.pop("PGOPTIONS", None)
        restored = subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={database}", str(backup)],
            env=environ,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert restored.returncode == 0, restored.stderr
        schema = str(url.query["options"]).split("=")[-1]
        reader = create_engine(url.set(database=database, query={}))
        with reader.connect() as connection:
            names = connection.scalars(
                text(f'SELECT display_name FROM "{schema}".students ORDER BY id')
            ).all()
        reader.dispose()
        return list(names)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def test_a_backup_is_private_opens_and_restores(app: Flask, runner: FlaskCliRunner, tmp_path: Path) -> None:
    with app.app_context():
        school_class = make_class()
        make_student(school_class, "Ada")
        make_student(school_class, "Grace")
    backup = tmp_path / "nightly.backup"
    result = runner.invoke(args=["backup", str(backup)])
    assert result.exit_code == 0, result.output
    assert "passed its check" in result.output and "To restore it:" in result.output
    assert backup.stat().st_mode & 0o777 == 0o600
    assert _restored_student_names(app, backup) == ["Ada", "Grace"]


def test_a_backup_never_overwrites_a_file(app: Flask, runner: FlaskCliRunner, tmp_path: Path) -> None:
    existing = tmp_path / "keep.me"
    existing.write_text("last week's backup")
    result = runner.invoke(args=["backup", str(existing)])
    assert result.exit_code != 0 and "exists already" in result.output
    assert existing.read_text() == "last week's backup"
