"""Cookies: HttpOnly and SameSite=Lax always, Secure in production; a new session at every sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from app import create_app
from app.config import Config
from app.extensions import db
from app.models import SchoolClass, Teacher
from app.services import accounts
from tests.conftest import make_config
from tests.factories import PASSWORD, make_class, make_student, make_teacher
from tests.security.support import csrf_token, csrf_token_in

STRONG_KEY = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6"
HTTPS = "https://school.example"


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path) -> dict[str, Any]:
    """CSRF on, as in production, so pages put a token in the session before anyone signs in."""
    return make_config(migrated_database, tmp_path, WTF_CSRF_ENABLED=True)


@pytest.fixture
def production_app(app: Flask, migrated_database: str, tmp_path: Path) -> Iterator[Flask]:
    """The app as a school runs it: SOURCEWISE_ENV=production and a strong SECRET_KEY.

    It shares the test database with ``app``, whose teardown empties the tables.
    """
    environ = {
        "SOURCEWISE_ENV": "production",
        "SECRET_KEY": STRONG_KEY,
        "DATABASE_URL": migrated_database,
        "SOURCEWISE_INSTANCE": str(tmp_path / "production"),
    }
    production = create_app(Config(environ, RATELIMIT_ENABLED=False))
    yield production
    with production.app_context():
        db.engine.dispose()


def set_cookie(response: TestResponse, name: str) -> dict[str, str | bool]:
    """The attributes of the Set-Cookie header for ``name`` (flags map to True)."""
    for header in response.headers.getlist("Set-Cookie"):
        first, *attributes = [part.strip() for part in header.split(";")]
        key, _, value = first.partition("=")
        if key == name:
            parsed: dict[str, str | bool] = {"value": value}
            for attribute in attributes:
                attr_name, has_value, attr_value = attribute.partition("=")
                parsed[attr_name.lower()] = attr_value if has_value else True
            return parsed
    raise AssertionError(f"no Set-Cookie for {name!r} in {response.headers.getlist('Set-Cookie')}")


def assert_flags(cookie: dict[str, str | bool], *, secure: bool) -> None:
    assert cookie.get("httponly") is True, cookie
    assert str(cookie.get("samesite", "")).lower() == "lax", cookie
    assert bool(cookie.get("secure")) is secure, cookie


def teacher_login(client: FlaskClient, email: str, **request: Any) -> TestResponse:
    token = csrf_token_over(client, "/login", **request)
    form = {"email": email, "password": PASSWORD, "csrf_token": token}
    return client.post("/login", data=form, headers=same_origin(request), **request)


def same_origin(request: dict[str, Any]) -> dict[str, str]:
    """Over HTTPS Flask-WTF also wants a same-origin Referer, as browsers send for the site's own forms."""
    base = request.get("base_url")
    return {"Referer": f"{base}/"} if base else {}


def csrf_token_over(client: FlaskClient, path: str, **request: Any) -> str:
    page = client.get(path, **request)
    token = csrf_token_in(page.get_data(as_text=True))
    assert token
    return token


def test_development_cookies_are_httponly_and_lax(app: Flask) -> None:
    with app.app_context():
        teacher = make_teacher()
        student = make_student(make_class(teacher))
        email, code, rejoin = teacher.email, student.school_class.join_code, student.rejoin_code
    client = app.test_client()
    assert_flags(set_cookie(teacher_login(client, email), "session"), secure=False)
    student_client = app.test_client()
    token = csrf_token(student_client, "/rejoin")
    response = student_client.post(
        "/rejoin", data={"class_code": code, "rejoin_code": rejoin, "csrf_token": token}
    )
    assert response.status_code == 302
    session_cookie = set_cookie(response, "session")
    assert_flags(session_cookie, secure=False)
    # A shared computer: the sign-in ends when the browser closes (no expiry, no remember-me cookie).
    assert "expires" not in session_cookie and "max-age" not in session_cookie
    assert "remember_token=" not in " ".join(response.headers.getlist("Set-Cookie"))


def test_a_student_with_their_own_device_is_remembered_for_30_days_at_most(app: Flask) -> None:
    with app.app_context():
        student = make_student(make_class())
        student.school_class.one_to_one_devices = True
        db.session.commit()
        code, rejoin = student.school_class.join_code, student.rejoin_code
    client = app.test_client()
    token = csrf_token(client, "/rejoin")
    response = client.post("/rejoin", data={"class_code": code, "rejoin_code": rejoin, "csrf_token": token})
    assert response.status_code == 302
    for name in ("session", "remember_token"):
        cookie = set_cookie(response, name)
        assert_flags(cookie, secure=False)
        expires = parsedate_to_datetime(str(cookie["expires"]))
        lasts = expires - datetime.now(UTC)
        assert timedelta(days=29) < lasts <= timedelta(days=30, minutes=1), (name, lasts)


def test_production_cookies_are_secure_too(app: Flask, production_app: Flask) -> None:
    assert production_app.config["SESSION_COOKIE_SECURE"] is True
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher)
        email, code, school_class_id = teacher.email, school_class.join_code, school_class.id
    client = production_app.test_client()
    response = teacher_login(client, email, base_url=HTTPS)
    assert response.status_code == 302
    assert_flags(set_cookie(response, "session"), secure=True)

    # A student joining a 1:1 class is remembered on the device: that cookie is protected the same way.
    with app.app_context():
        db.session.get_one(SchoolClass, school_class_id).one_to_one_devices = True
        db.session.commit()
    student_client = production_app.test_client()
    token = csrf_token_over(student_client, "/join", base_url=HTTPS)
    form = {"class_code": code, "display_name": "Ada", "csrf_token": token}
    response = student_client.post("/join", data=form, base_url=HTTPS, headers={"Referer": f"{HTTPS}/join"})
    assert response.status_code == 302
    assert_flags(set_cookie(response, "session"), secure=True)
    assert_flags(set_cookie(response, "remember_token"), secure=True)


def test_teacher_login_starts_a_new_session(app: Flask) -> None:
    with app.app_context():
        email = make_teacher().email
    client = app.test_client()
    old_token = csrf_token(client, "/login")
    before = client.get_cookie("session")
    assert before is not None  # the login page put its CSRF token in a session

    response = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": old_token})
    assert response.status_code == 302
    after = client.get_cookie("session")
    assert after is not None and after.value != before.value
    assert client.get("/teacher/classes").status_code == 200

    # A session cookie planted before login (session fixation) does not carry the login...
    planted = app.test_client()
    planted.set_cookie("session", before.value)
    assert planted.get("/teacher/classes").status_code == 302
    # ...and the token of the old session does not work in the new one.
    assert client.post("/teacher/classes", data={"name": "New", "csrf_token": old_token}).status_code == 400


@pytest.mark.parametrize("route", ["/join", "/rejoin"])
def test_student_sign_in_starts_a_new_session(app: Flask, route: str) -> None:
    with app.app_context():
        student = make_student(make_class())
        code, rejoin = student.school_class.join_code, student.rejoin_code
    client = app.test_client()
    token = csrf_token(client, route)
    before = client.get_cookie("session")
    assert before is not None
    form = {"class_code": code, "csrf_token": token}
    form |= {"display_name": "Ada"} if route == "/join" else {"rejoin_code": rejoin}
    assert client.post(route, data=form).status_code == 302
    after = client.get_cookie("session")
    assert after is not None and after.value != before.value
    assert client.get("/quizzes").status_code == 200
    planted = app.test_client()
    planted.set_cookie("session", before.value)
    assert planted.get("/quizzes").status_code == 302


def test_a_password_change_ends_sessions_elsewhere(app: Flask) -> None:
    with app.app_context():
        email = make_teacher().email
    laptop, phone = app.test_client(), app.test_client()
    teacher_login(laptop, email)
    teacher_login(phone, email)
    token = csrf_token(laptop, "/account")
    form = {"current_password": PASSWORD, "new_password": "x" * 12, "confirm_password": "x" * 12}
    assert laptop.post("/account", data=form | {"csrf_token": token}).status_code == 302
    assert laptop.get("/teacher/classes").status_code == 200
    assert phone.get("/teacher/classes").status_code == 302
    with app.app_context():
        teacher = db.session.scalar(select(Teacher).where(Teacher.email == email))
        assert teacher is not None and teacher.session_epoch == 1
        assert accounts.authenticate(email, "x" * 12) is not None
