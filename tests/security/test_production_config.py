"""Production refuses a weak SECRET_KEY (anyone who guesses it can sign in as any teacher) and
tells browsers to use HTTPS only."""

from __future__ import annotations

from pathlib import Path

import pytest

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
