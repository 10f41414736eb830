"""A session's signed CSRF token is reused for a short while (signing one is a large share of a
quiz page's work), never across sessions or keys, and never once a real share of its time limit
has passed: every token a page shows is accepted, with nearly all its life ahead."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, session
from flask.testing import FlaskClient
from flask_wtf.csrf import validate_csrf
from itsdangerous import TimestampSigner
from wtforms import ValidationError

from app import security
from tests.conftest import make_config
from tests.factories import make_class
from tests.security.support import csrf_token


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path) -> dict[str, Any]:
    return make_config(migrated_database, tmp_path, WTF_CSRF_ENABLED=True)


class Clock:
    """Stands in for time.monotonic in app.security, and for the time tokens are signed at (to the
    second, so a token signed again a second later differs)."""

    def __init__(self) -> None:
        self.started = time.time()
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def signing_time(self) -> int:
        return int(self.started + self.now - 1000.0)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    security._signed_csrf_tokens.clear()  # another test's tokens, signed at other made-up times
    monkeypatch.setattr(security.time, "monotonic", clock)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _signer: clock.signing_time())
    return clock


def _token_for(app: Flask, raw: str) -> str:
    """The token a page of the session holding ``raw`` shows (base.html's forms call csrf_token)."""
    with app.test_request_context("/"):
        session["csrf_token"] = raw
        return security.csrf_token()


def _accepted(app: Flask, raw: str, token: str) -> bool:
    with app.test_request_context("/"):
        session["csrf_token"] = raw
        try:
            validate_csrf(token)
        except ValidationError:
            return False
        return True


def test_a_session_gets_the_same_token_for_a_minute_and_it_is_accepted(app: Flask, clock: Clock) -> None:
    first = _token_for(app, "raw token of one session")
    clock.now += security.CSRF_TOKEN_REUSE_SECONDS - 1
    assert _token_for(app, "raw token of one session") == first
    clock.now += 2
    assert _token_for(app, "raw token of one session") != first
    assert _accepted(app, "raw token of one session", first)


def test_sessions_never_share_a_token(app: Flask, clock: Clock) -> None:
    one, other = _token_for(app, "raw token of one session"), _token_for(app, "raw token of another")
    assert one != other
    assert not _accepted(app, "raw token of another", one)


def test_a_new_secret_key_signs_a_new_token(app: Flask, clock: Clock) -> None:
    first = _token_for(app, "raw token of one session")
    app.config["WTF_CSRF_SECRET_KEY"] = "another key, for CSRF tokens only"
    assert _token_for(app, "raw token of one session") != first


def test_a_short_time_limit_is_never_eaten_into(app: Flask, clock: Clock) -> None:
    app.config["WTF_CSRF_TIME_LIMIT"] = 100  # seconds: reused for one second at most
    first = _token_for(app, "raw token of one session")
    clock.now += 0.5
    assert _token_for(app, "raw token of one session") == first
    clock.now += 1.5
    assert _token_for(app, "raw token of one session") != first


def test_a_student_page_shows_a_token_its_form_accepts(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        code = make_class().join_code
    token = csrf_token(client, "/join")
    client.post("/join", data={"csrf_token": token, "class_code": code, "display_name": "Ama B."})
    signed_in_token = csrf_token(client, "/quizzes")  # from base.html's Sign out form
    assert client.post("/leave", data={"csrf_token": signed_in_token}).status_code == 302
