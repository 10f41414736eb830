"""The session-token migration gives every existing teacher and student a different random token
(their old cookies, which named the integer key, stop working: everyone signs in once more)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flask_migrate import upgrade

from app import create_app
from tests.conftest import make_config

BEFORE_TOKENS = "5e9b7d3c2f18"


def test_existing_accounts_get_distinct_random_tokens(tmp_path: Path) -> None:
    database = tmp_path / "school.db"
    app = create_app(make_config(f"sqlite:///{database}", tmp_path))
    with app.app_context():
        upgrade(revision=BEFORE_TOKENS)
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO teachers (id, email, display_name, password_hash, session_epoch, created_at) "
            "VALUES (?, ?, '', 'x', 0, '2026-01-01 00:00:00')",
            [(1, "a@school.example"), (2, "b@school.example")],
        )
        connection.execute(
            "INSERT INTO classes (id, teacher_id, name, join_code, created_at, one_to_one_devices, "
            "time_zone) VALUES (1, 1, 'Class', 'ABCDEF', '2026-01-01 00:00:00', 0, '')"
        )
        connection.executemany(
            "INSERT INTO students (id, class_id, display_name, name_key, rejoin_code, public_id, "
            "session_epoch, created_at) VALUES (?, 1, ?, ?, ?, ?, 0, '2026-01-01 00:00:00')",
            [(1, "Ada", "ada", "AAAAAA", "p1"), (2, "Grace", "grace", "BBBBBB", "p2")],
        )
    with app.app_context():
        upgrade()
    with sqlite3.connect(database) as connection:
        tokens = [
            row[0]
            for table in ("teachers", "students")
            for row in connection.execute(f"SELECT session_token FROM {table}")  # noqa: S608 - fixed names
        ]
    assert len(tokens) == 4 and len(set(tokens)) == 4
    assert all(len(token) == 32 for token in tokens)
