"""Teacher accounts in the browser: first start, setup token, log in and out, password changes."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, func, select

from app.auth.routes import LOGIN_FAILED, SETUP_DONE
from app.extensions import db
from app.models import Teacher
from app.services import accounts
from tests.conftest import make_config
from tests.factories import PASSWORD, login_teacher, make_class, make_student, make_teacher

NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def config_overrides() -> dict[str, Any]:
    """Parametrize a test with this name to change settings that are read when the app is made."""
    return {}


@pytest.fixture
def app_config(migrated_database: str, tmp_path: Path, config_overrides: dict[str, Any]) -> dict[str, Any]:
    return make_config(migrated_database, tmp_path, **config_overrides)


def _token(app: Flask) -> str:
    with app.app_context():
        return accounts.setup_token()


def _teacher_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Teacher)) or 0


def _new_teacher(app: Flask, email: str = "ada@school.example") -> str:
    with app.app_context():
        return make_teacher(email).email


def _setup_form(**changes: str) -> dict[str, str]:
    data = {
        "display_name": "Ada Lovelace",
        "email": "Ada@School.example",
        "new_password": PASSWORD,
        "confirm_password": PASSWORD,
    }
    data.update(changes)
    return data


# --- First start --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/login", "/teacher/classes", "/teacher/library", "/account"])
def test_with_no_teacher_every_page_leads_to_setup(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == "/setup"


def test_student_pages_and_static_files_do_not_lead_to_setup(client: FlaskClient) -> None:
    assert client.get("/join").status_code == 200
    assert client.get("/static/css/app.css").status_code == 200


def test_setup_without_token_explains_where_the_address_is_and_logs_it(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = client.get("/setup")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "printed in the console" in page
    assert _token(app) not in page
    assert f"Open /setup?token={_token(app)} on this server" in caplog.text
    assert "http://" not in caplog.text  # never a host taken from the request
    assert 'name="new_password"' not in page


def test_setup_with_a_wrong_token_is_refused(app: Flask, client: FlaskClient) -> None:
    response = client.get("/setup?token=0123456789abcdef0123456789abcdef")
    assert response.status_code == 403
    assert "That setup address is not right" in response.get_data(as_text=True)
    response = client.post("/setup?token=wrong", data=_setup_form())
    assert response.status_code == 403
    assert _teacher_count(app) == 0


@pytest.mark.parametrize("config_overrides", [{"PASSWORD_HASH_METHOD": "scrypt"}])  # as in production
def test_setup_with_the_right_token_creates_the_first_teacher_and_signs_in(
    app: Flask, client: FlaskClient
) -> None:
    token = _token(app)
    page = client.get(f"/setup?token={token}")
    assert page.status_code == 200
    assert 'name="new_password"' in page.get_data(as_text=True)

    response = client.post(f"/setup?token={token}", data=_setup_form())
    assert response.status_code == 302
    assert response.headers["Location"] == "/teacher/classes"
    with app.app_context():
        teacher = db.session.scalars(select(Teacher)).one()
        assert teacher.email == "ada@school.example"
        assert teacher.display_name == "Ada Lovelace"
        assert teacher.password_hash.startswith("scrypt:")
        assert PASSWORD not in teacher.password_hash
    assert client.get("/teacher/classes").status_code == 200
    assert app.extensions[SETUP_DONE] is True


def test_setup_shows_problems_next_to_their_fields(app: Flask, client: FlaskClient) -> None:
    token = _token(app)
    response = client.post(
        f"/setup?token={token}", data=_setup_form(new_password="short", confirm_password="short")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in page
    assert re.search(r'id="new_password-error">Use a password of 10 to 200 characters', page)
    assert 'aria-describedby="new_password-hint new_password-error"' in page

    response = client.post(
        f"/setup?token={token}", data=_setup_form(confirm_password="something else entirely")
    )
    assert "The two passwords are not the same." in response.get_data(as_text=True)

    response = client.post(f"/setup?token={token}", data=_setup_form(email="not-an-address"))
    page = response.get_data(as_text=True)
    assert 'id="email-error">That does not look like an email address' in page

    response = client.post(f"/setup?token={token}", data=_setup_form(email="a" * 250 + "@x.org"))
    assert "An email address has at most 254 characters." in response.get_data(as_text=True)
    assert _teacher_count(app) == 0


def test_a_second_setup_is_refused_once_a_teacher_exists(app: Flask, client: FlaskClient) -> None:
    token = _token(app)
    assert client.post(f"/setup?token={token}", data=_setup_form()).status_code == 302
    other = app.test_client()
    response = other.get(f"/setup?token={token}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
    response = other.post(f"/setup?token={token}", data=_setup_form(email="mallory@school.example"))
    assert response.status_code == 302
    assert _teacher_count(app) == 1
    assert "Setup is already done" in other.get("/login").get_data(as_text=True)


def test_once_a_teacher_exists_pages_stop_checking(app: Flask, client: FlaskClient) -> None:
    _new_teacher(app)
    assert client.get("/login").status_code == 200  # the first request finds the teacher and remembers
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get("/login").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements == []


# --- Log in and out ------------------------------------------------------------------------------


def test_login_renews_the_session_and_goes_to_the_classes(app: Flask, client: FlaskClient) -> None:
    email = _new_teacher(app)
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    response = client.post("/login", data={"email": " ADA@school.example ", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/teacher/classes"
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith("teacher:")
    assert email in client.get("/account").get_data(as_text=True)


@pytest.mark.parametrize(
    ("email", "password"),
    [("ada@school.example", "wrong password here"), ("nobody@school.example", PASSWORD)],
)
def test_a_wrong_email_or_password_gets_one_generic_message(
    app: Flask, client: FlaskClient, email: str, password: str
) -> None:
    _new_teacher(app)
    response = client.post("/login", data={"email": email, "password": password})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert LOGIN_FAILED in page
    assert 'aria-invalid="true"' in page
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_login_with_empty_fields_says_what_is_missing(app: Flask, client: FlaskClient) -> None:
    _new_teacher(app)
    page = client.post("/login", data={"email": "", "password": ""}).get_data(as_text=True)
    assert 'id="email-error">Type your email address.' in page
    assert 'id="password-error">Type your password.' in page


def test_login_follows_a_local_next_page_only(app: Flask, client: FlaskClient) -> None:
    _new_teacher(app)
    response = client.get("/teacher/library")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    response = client.post(
        "/login?next=/teacher/library", data={"email": "ada@school.example", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/teacher/library"

    other = app.test_client()
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = other.post(
            "/login",
            query_string={"next": target},
            data={"email": "ada@school.example", "password": PASSWORD},
        )
        assert response.headers["Location"] == "/teacher/classes", target


def test_logout_ends_the_session(app: Flask, client: FlaskClient) -> None:
    email = _new_teacher(app)
    login_teacher(client, email)
    response = client.post("/logout")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    response = client.get("/teacher/classes")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("config_overrides", [{"RATELIMIT_ENABLED": True}])
def test_login_is_rate_limited(app: Flask, client: FlaskClient) -> None:
    _new_teacher(app)
    statuses = [
        client.post(
            "/login", data={"email": "ada@school.example", "password": f"guess number {n}"}
        ).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    again = {"email": "ada@school.example", "password": "guess number 12"}
    assert "Too many tries" in client.post("/login", data=again).get_data(as_text=True)
    assert client.get("/login").status_code == 200  # only POSTs count


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_auth_posts_without_a_csrf_token_are_refused(app: Flask, client: FlaskClient) -> None:
    email = _new_teacher(app)
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 400
    assert client.post("/logout").status_code == 400
    assert client.post(f"/setup?token={_token(app)}", data=_setup_form()).status_code == 400
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/login", data={"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
    )
    assert response.status_code == 302


# --- Changing the password -----------------------------------------------------------------------


def _password_form(
    current: str = PASSWORD, new: str = NEW_PASSWORD, confirm: str | None = None
) -> dict[str, str]:
    return {
        "current_password": current,
        "new_password": new,
        "confirm_password": new if confirm is None else confirm,
    }


def test_change_password_keeps_this_session_and_ends_the_others(app: Flask, client: FlaskClient) -> None:
    email = _new_teacher(app)
    login_teacher(client, email)
    elsewhere = app.test_client()
    login_teacher(elsewhere, email)

    response = client.post("/account", data=_password_form())
    assert response.status_code == 302
    assert "Your password is changed." in client.get("/account").get_data(as_text=True)
    assert client.get("/teacher/classes").status_code == 200
    assert elsewhere.get("/teacher/classes").status_code == 302

    fresh = app.test_client()
    assert LOGIN_FAILED in fresh.post("/login", data={"email": email, "password": PASSWORD}).get_data(
        as_text=True
    )
    login_teacher(fresh, email, NEW_PASSWORD)


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            _password_form(current="not my password"),
            "current_password",
            "Your current password is not right.",
        ),
        (_password_form(new="short"), "new_password", "Use a password of 10 to 200 characters."),
        (_password_form(new="x" * 201), "new_password", "Use a password of 10 to 200 characters."),
        (
            _password_form(confirm="a different one"),
            "confirm_password",
            "The two passwords are not the same.",
        ),
        (_password_form(current=""), "current_password", "Type your current password."),
    ],
)
def test_change_password_problems_are_shown_next_to_the_field(
    app: Flask, client: FlaskClient, form: dict[str, str], field: str, message: str
) -> None:
    email = _new_teacher(app)
    login_teacher(client, email)
    response = client.post("/account", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'id="{field}-error">{message}' in page
    assert 'role="alert"' in page  # the flash at the top
    login_teacher(app.test_client(), email, PASSWORD)  # unchanged


def test_account_page_is_for_teachers_only(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        student = make_student(make_class(make_teacher()))
        class_code, rejoin_code = student.school_class.join_code, student.rejoin_code
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    client.post("/rejoin", data={"class_code": class_code, "rejoin_code": rejoin_code})
    assert client.get("/account").status_code == 403
    assert client.post("/account", data=_password_form()).status_code == 403
