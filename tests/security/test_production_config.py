"""Production refuses a weak SECRET_KEY (anyone who guesses it can sign in as any teacher) and
tells browsers to use HTTPS only."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.config import Config, ConfigError


@pytest.mark.parametrize("key", ["a" * 24, "a" * 40, "changemechangemechangeme", "changeme" * 5, "ab" * 20])
def test_production_refuses_keys_that_are_long_but_guessable(tmp_path: Path, key: str) -> None:
    environ = {"SOURCEWISE_ENV": "production", "SOURCEWISE_INSTANCE": str(tmp_path), "SECRET_KEY": key}
    with pytest.raises(ConfigError, match="SECRET_KEY is too weak"):
        Config(environ)


STRONG_KEY = "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d0e9f2a5c8b1d4e7f0a3c6b9d2e5f"


def test_production_accepts_a_random_key_and_names_the_weakness_of_others(tmp_path: Path) -> None:
    environ = {"SOURCEWISE_ENV": "production", "SOURCEWISE_INSTANCE": str(tmp_path), "SECRET_KEY": STRONG_KEY}
    environ["DATABASE_URL"] = "postgresql://sourcewise@127.0.0.1:5432/sourcewise"
    assert Config(environ).SECRET_KEY == STRONG_KEY
    with pytest.raises(ConfigError, match="different characters"):
        Config({**environ, "SECRET_KEY": "ab" * 20})


def test_production_responses_ask_browsers_for_https_only(tmp_path: Path) -> None:
    app = create_app(
        Config(
            {
                "SOURCEWISE_ENV": "production",
                "SOURCEWISE_INSTANCE": str(tmp_path),
                "SECRET_KEY": STRONG_KEY,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
            }
        )
    )
    response = app.test_client().get("/static/favicon.svg")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    development = create_app(
        {"SECRET_KEY": "k" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'y.db'}"}
    )
    assert "Strict-Transport-Security" not in development.test_client().get("/static/favicon.svg").headers


# --- Production needs its database named -------------------------------------------------------


def _production_environ(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "SOURCEWISE_ENV": "production",
        "SOURCEWISE_INSTANCE": str(tmp_path / "instance"),
        "SECRET_KEY": STRONG_KEY,
        **extra,
    }


@pytest.fixture
def production_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name, value in _production_environ(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path


def test_production_refuses_to_start_without_a_database_url(production_environment: Path) -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL is not set"):
        create_app()  # the factory, as gunicorn calls it, reads the environment
    explicit_sqlite = f"sqlite:///{production_environment / 'school.db'}"
    environ = _production_environ(production_environment, DATABASE_URL=explicit_sqlite)
    assert explicit_sqlite == Config(environ).SQLALCHEMY_DATABASE_URI


def test_the_commands_refuse_too_and_write_nothing(production_environment: Path) -> None:
    import os
    import subprocess
    import sys

    project = Path(__file__).resolve().parents[2]
    for command in (["db", "upgrade"], ["teacher", "setup-url"]):
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "app", *command],
            cwd=project,
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0
        assert "DATABASE_URL is not set" in result.stderr and "Traceback" not in result.stderr
    instance = production_environment / "instance"
    assert not instance.exists() or not any(instance.iterdir())


# --- Production over plain HTTP says so ---------------------------------------------------------


def _production_app(database_url: str, tmp_path: Path, **extra: str) -> Flask:
    environ = _production_environ(tmp_path, DATABASE_URL=database_url, **extra)
    return create_app(Config(environ, RATELIMIT_ENABLED=False))


def test_production_over_plain_http_says_it_needs_https(
    migrated_database: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = _production_app(migrated_database, tmp_path).test_client()
    with caplog.at_level(logging.ERROR):
        page = client.get("/setup")
        posted = client.post("/join", data={"class_code": "ABC123", "display_name": "Ada"})
    for response in (page, posted):
        assert response.status_code == 403
        text = response.get_data(as_text=True)
        assert "must be reached over HTTPS" in text and "Something in that request" not in text
    assert "this server is in production mode and must be reached over HTTPS; see README" in caplog.text
    # The stylesheet of that page still loads, and HTTPS gets the real page.
    assert client.get("/static/css/app.css").status_code == 200
    assert client.get("/setup", base_url="https://school.example").status_code == 200


def test_a_trusted_network_without_tls_is_an_explicit_and_loud_choice(
    migrated_database: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        app = _production_app(migrated_database, tmp_path, SOURCEWISE_INSECURE_HTTP="1")
    assert "SOURCEWISE_INSECURE_HTTP=1" in caplog.text and "trusted internal network" in caplog.text
    assert app.config["SESSION_COOKIE_SECURE"] is False and app.config["REMEMBER_COOKIE_SECURE"] is False
    response = app.test_client().get("/setup")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers
