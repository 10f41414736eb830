"""Configuration: safe defaults, environment overrides, production refuses weak keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import create_app
from app.config import Config, ConfigError


def test_sqlite_in_the_instance_folder_by_default(tmp_path: Path) -> None:
    config = Config({"SOURCEWISE_INSTANCE": str(tmp_path)})
    assert f"sqlite:///{tmp_path / 'sourcewise.db'}" == config.SQLALCHEMY_DATABASE_URI


def test_database_url_overrides_and_uses_psycopg3(tmp_path: Path) -> None:
    config = Config({"SOURCEWISE_INSTANCE": str(tmp_path), "DATABASE_URL": "postgres://u@db:5432/school"})
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://u@db:5432/school"


def test_generated_secret_key_is_random_and_kept_per_install(tmp_path: Path) -> None:
    first = Config({"SOURCEWISE_INSTANCE": str(tmp_path / "a")}).SECRET_KEY
    again = Config({"SOURCEWISE_INSTANCE": str(tmp_path / "a")}).SECRET_KEY
    other = Config({"SOURCEWISE_INSTANCE": str(tmp_path / "b")}).SECRET_KEY
    assert first == again
    assert first != other
    assert len(first) >= 32
    assert (tmp_path / "a" / "secret_key").stat().st_mode & 0o077 == 0


def test_passwords_are_hashed_with_scrypt_unless_configured(tmp_path: Path) -> None:
    assert Config({"SOURCEWISE_INSTANCE": str(tmp_path)}).PASSWORD_HASH_METHOD == "scrypt"
    production = {"SOURCEWISE_ENV": "production", "SOURCEWISE_INSTANCE": str(tmp_path)}
    production["SECRET_KEY"] = STRONG_KEY
    production["DATABASE_URL"] = "postgresql://sourcewise@127.0.0.1:5432/sourcewise"
    assert Config(production).PASSWORD_HASH_METHOD == "scrypt"


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "dev",
        "changeme",
        "short-key",
        "a" * 24,
        "a" * 40,
        "changemechangemechangeme",
        "changeme" * 5,
    ],
)
def test_production_refuses_a_missing_or_known_secret_key(tmp_path: Path, key: str | None) -> None:
    environ = {"SOURCEWISE_ENV": "production", "SOURCEWISE_INSTANCE": str(tmp_path)}
    if key is not None:
        environ["SECRET_KEY"] = key
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Config(environ)


STRONG_KEY = "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d0e9f2a5c8b1d4e7f0a3c6b9d2e5f"


def test_production_cookies_are_secure(tmp_path: Path) -> None:
    config = Config(
        {
            "SOURCEWISE_ENV": "production",
            "SOURCEWISE_INSTANCE": str(tmp_path),
            "SECRET_KEY": STRONG_KEY,
            "DATABASE_URL": "postgresql://sourcewise@127.0.0.1:5432/sourcewise",
        }
    )
    assert config.SESSION_COOKIE_SECURE and config.REMEMBER_COOKIE_SECURE
    assert config.SESSION_COOKIE_HTTPONLY and config.SESSION_COOKIE_SAMESITE == "Lax"


def test_sqlite_connections_use_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    app = create_app(
        {
            "SECRET_KEY": "k" * 32,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        db.engine.dispose()


def test_signed_in_pages_are_not_cached_and_public_pages_may_be(app, client) -> None:
    from tests.factories import login_teacher, make_teacher

    assert "no-store" not in client.get("/login").headers.get("Cache-Control", "")
    with app.app_context():
        teacher = make_teacher()
        email = teacher.email
    login_teacher(client, email)
    assert client.get("/teacher/classes").headers["Cache-Control"] == "no-store"
