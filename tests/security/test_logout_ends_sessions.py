"""Sessions are signed cookies: a copy taken before logout must stop working at logout."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.factories import login_teacher, make_teacher


def _session_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_a_cookie_copied_before_logout_no_longer_signs_in(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        email = make_teacher().email
    login_teacher(client, email)
    copied = _session_cookie(client)
    assert client.get("/teacher/classes").status_code == 200
    assert client.post("/logout").status_code == 302

    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/teacher/classes")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_logging_in_again_after_logout_works(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        email = make_teacher().email
    login_teacher(client, email)
    client.post("/logout")
    login_teacher(client, email)
    assert client.get("/teacher/classes").status_code == 200
