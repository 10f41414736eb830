"""CSRF tokens expire (8 hours in production); a form sent from a page open too long gets a
friendly page that keeps what was typed, ready to send again with a fresh token."""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.config import Config
from tests.conftest import make_config
from tests.factories import make_class, make_teacher
from tests.security.support import csrf_token, csrf_token_in

LIFETIME_SECONDS = 1


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path) -> dict[str, Any]:
    return make_config(
        migrated_database, tmp_path, WTF_CSRF_ENABLED=True, WTF_CSRF_TIME_LIMIT=LIFETIME_SECONDS
    )


def test_tokens_last_a_school_day_by_default(tmp_path: Path) -> None:
    assert Config({"SOURCEWISE_INSTANCE": str(tmp_path)}).WTF_CSRF_TIME_LIMIT == 8 * 60 * 60


def test_an_expired_form_keeps_what_was_typed_and_can_be_sent_again(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        code = make_class().join_code
    token = csrf_token(client, "/join")
    time.sleep(LIFETIME_SECONDS + 1)
    response = client.post("/join", data={"csrf_token": token, "class_code": code, "display_name": "Ama B."})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "This page was open too long" in page
    assert 'value="Ama B."' in page and f'value="{code}"' in page
    fresh = csrf_token_in(page)
    assert fresh and fresh != token
    again = client.post("/join", data={"csrf_token": fresh, "class_code": code, "display_name": "Ama B."})
    assert again.status_code == 302
    assert "/welcome" in again.headers["Location"]


def test_an_expired_login_does_not_put_the_password_back_in_the_page(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_teacher()  # with no teacher yet, /login leads to the first-teacher setup
    token = csrf_token(client, "/login")
    time.sleep(LIFETIME_SECONDS + 1)
    secret = "correct horse battery staple"
    response = client.post(
        "/login", data={"csrf_token": token, "email": "t@school.example", "password": secret}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert secret not in page
    assert "t@school.example" in page


def test_a_missing_token_gets_no_resend_button(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        code = make_class().join_code
    client.get("/join")
    response = client.post("/join", data={"class_code": code, "display_name": "Forged"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "That form could not be checked" in page
    assert "Forged" not in page
