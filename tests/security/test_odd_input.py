"""Odd input gets a 4xx with a message, never a 500: ids past the database's integer range,
NUL characters (PostgreSQL cannot store them) and values longer than their columns.
Runs on SQLite and, with SOURCEWISE_TEST_DATABASE, on PostgreSQL."""

from __future__ import annotations

import html
import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.factories import login_student, login_teacher, make_class, make_student, make_teacher

HUGE_IDS = ("2147483648", "99999999999999999999", str(2**63))
NUL_MESSAGE = "invisible control character (NUL)"


def _int_routes(app: Flask, prefix: str) -> list[str]:
    """Every GET route under ``prefix`` with an id in its path, the ids left as placeholders."""
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" in (rule.methods or ()) and "<int:" in rule.rule and rule.rule.startswith(prefix):
            paths.append(rule.rule)
    return sorted(paths)


def _with_id(path: str, value: str) -> str:
    return re.sub(r"<int:[^>]+>", value, path)


@pytest.mark.parametrize("value", HUGE_IDS)
def test_ids_past_the_integer_range_are_not_found_for_a_teacher(
    app: Flask, client: FlaskClient, value: str
) -> None:
    with app.app_context():
        login_teacher(client, make_teacher().email)
    paths = _int_routes(app, "/teacher")
    assert len(paths) >= 5
    for path in paths:
        response = client.get(_with_id(path, value))
        assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("value", HUGE_IDS)
def test_ids_past_the_integer_range_are_not_found_for_a_student(
    app: Flask, client: FlaskClient, value: str
) -> None:
    with app.app_context():
        login_student(client, make_student(make_class()))
    paths = [p for p in _int_routes(app, "/") if not p.startswith("/teacher")]
    assert any(p.startswith("/attempts") for p in paths)
    for path in paths:
        response = client.get(_with_id(path, value))
        assert response.status_code == 404, (path, response.status_code)


def test_the_largest_id_postgresql_stores_is_an_ordinary_not_found(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        login_teacher(client, make_teacher().email)
    assert client.get("/teacher/classes/2147483647").status_code == 404


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/login", {"email": "a\x00@school.example", "password": "whatever password"}),
        ("/join", {"class_code": "ABCDEF", "display_name": "Sam\x00"}),
        ("/rejoin", {"class_code": "AB\x00DEF", "rejoin_code": "ABCDEF"}),
    ],
)
def test_nul_characters_in_public_forms_are_refused_with_a_message(
    client: FlaskClient, path: str, fields: dict[str, str]
) -> None:
    response = client.post(path, data=fields)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.get_data(as_text=True)


def _signed_in_teacher_class(app: Flask, client: FlaskClient) -> int:
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher)
        login_teacher(client, teacher.email)
        return school_class.id


@pytest.mark.parametrize(
    ("template", "fields"),
    [
        ("/teacher/classes", {"name": "Year 9\x00"}),
        ("/teacher/classes/{c}/rename", {"name": "Year\x00 10"}),
    ],
)
def test_nul_characters_in_a_teachers_forms_are_refused_with_a_message(
    app: Flask, client: FlaskClient, template: str, fields: dict[str, str]
) -> None:
    path = template.format(c=_signed_in_teacher_class(app, client))
    response = client.post(path, data=fields)
    assert response.status_code == 400, path
    assert NUL_MESSAGE in response.get_data(as_text=True)


def test_a_nul_character_in_an_uploaded_file_name_is_refused(app: Flask, client: FlaskClient) -> None:
    _signed_in_teacher_class(app, client)
    upload = client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(b"id: x\n"), "bad\x00name.yaml")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 400


def test_nul_in_a_query_string_is_refused(client: FlaskClient) -> None:
    assert client.get("/join?code=AB%00CD").status_code == 400


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("outlet: " + "O" * 256, "'outlet' is 256 characters long; keep it to 255 characters"),
        ("level: " + "L" * 81, "'level' is 81 characters long; keep it to 80 characters"),
    ],
)
def test_values_longer_than_their_columns_are_upload_errors(
    app: Flask, client: FlaskClient, line: str, expected: str
) -> None:
    with app.app_context():
        login_teacher(client, make_teacher().email)
    article = (
        "id: long-values\ntitle: Long values\ntext: The mayor said the fair will reopen.\n"
        f"{line}\nclaims:\n  - quote: the fair will reopen\n    status: hedged\n"
    )
    response = client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(article.encode()), "long.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert expected in html.unescape(response.get_data(as_text=True))


def test_an_article_title_longer_than_an_assignment_title_is_an_upload_error(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        login_teacher(client, make_teacher().email)
    article = (
        f"id: long-title\ntitle: {'T' * 201}\ntext: The mayor said the fair will reopen.\n"
        "claims:\n  - quote: the fair will reopen\n    status: hedged\n"
    )
    response = client.post(
        "/teacher/library/upload",
        data={"file": (io.BytesIO(article.encode()), "long.yaml")},
        content_type="multipart/form-data",
    )
    assert "the title is 201 characters long; keep it to 200" in response.get_data(as_text=True)
