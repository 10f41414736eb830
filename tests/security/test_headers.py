"""The security headers are on every response, error pages and static files included, and an
unexpected error shows a friendly page without any detail of what went wrong inside.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from app import create_app
from tests.conftest import make_config
from tests.factories import make_teacher
from tests.security.support import csp_problems, inspect_html

SECRET_DETAIL = "database password is hunter2"


@pytest.fixture
def failing_app(app: Flask, migrated_database: str, tmp_path: Path) -> Flask:
    """The app with one extra route that fails, answering as in production (no exception propagation).

    It shares the database of ``app``, which empties it afterwards.
    """
    with app.app_context():
        make_teacher()  # so pages are not sent to the first-start setup
    application = create_app(make_config(migrated_database, tmp_path, PROPAGATE_EXCEPTIONS=False))

    def boom() -> str:
        raise RuntimeError(SECRET_DETAIL)

    application.add_url_rule("/boom-for-test", "boom", boom)
    return application


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/static/css/app.css", 200),
        ("GET", "/no-such-page", 404),
        ("POST", "/quizzes", 405),
        ("GET", "/boom-for-test", 500),
        ("GET", "/join", 200),
    ],
)
def test_every_response_carries_the_security_headers(
    failing_app: Flask, method: str, path: str, status: int
) -> None:
    response = failing_app.test_client().open(path, method=method)
    response.close()
    assert response.status_code == status
    assert not csp_problems(response)
    policy = response.headers["Content-Security-Policy"]
    assert (
        "frame-ancestors 'none'" in policy and "base-uri 'self'" in policy and "form-action 'self'" in policy
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_an_unexpected_error_shows_a_friendly_page_without_details(failing_app: Flask) -> None:
    response = failing_app.test_client().get("/boom-for-test")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert SECRET_DETAIL not in body and "Traceback" not in body and "RuntimeError" not in body
    page = inspect_html(body)
    assert not page.active
    assert page.text.count("Go to the front page") == 1


def test_an_error_after_a_broken_read_still_shows_the_page_to_a_signed_in_student(
    app: Flask, migrated_database: str, tmp_path: Path
) -> None:
    """A read connection that broke (a database restart) is dropped before the error page, which
    reads the signed-in student again: the student gets the friendly page, not a bare 500."""
    from app.database import read_connection
    from tests.factories import login_student, make_class, make_student

    application = create_app(make_config(migrated_database, tmp_path, PROPAGATE_EXCEPTIONS=False))

    def broken_read() -> str:
        connection = read_connection()
        connection.execute(select(1))
        connection.invalidate()  # what SQLAlchemy does when the server has gone mid-read
        raise RuntimeError(SECRET_DETAIL)

    application.add_url_rule("/broken-read-for-test", "broken_read", broken_read)
    client = application.test_client()
    with application.app_context():
        make_teacher()
        student = make_student(make_class(), "Ada")
        login_student(client, student)
    response = client.get("/broken-read-for-test")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Go to the front page" in body and SECRET_DETAIL not in body
    assert "Signed in as <strong>Ada</strong>" in body
