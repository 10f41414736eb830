"""SQL metacharacters in every field of every form (and in the query strings pages read) do
nothing: no 500, every table still there with its rows, nobody signed in by them, and
text stored exactly as typed.
"""

from __future__ import annotations

import io
from dataclasses import fields

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from app.models import SchoolClass, Student
from tests.security.support import (
    ANONYMOUS,
    POST_FORMS,
    SAMPLE_ARTICLE,
    TEACHER,
    World,
    row_counts,
    table_names,
)
from tests.security.test_access_matrix import TABLE, actor, path_for

SQL_PAYLOADS = ("' OR 1=1 --", '"; DROP TABLE students; --', "%", "_")
SIGN_IN_FORMS = frozenset({"auth.login", "student.rejoin", "student.join"})
Clients = dict[str, FlaskClient]


FIELDS = sorted(
    (endpoint, field)
    for endpoint, build in POST_FORMS.items()
    for field in build(World(**{f.name: 0 for f in fields(World)}))  # only the field names matter
)


def test_every_field_of_every_form_is_tried(shared_app: Flask) -> None:
    posts = {rule.endpoint for rule in shared_app.url_map.iter_rules() if "POST" in (rule.methods or ())}
    with_fields = {endpoint for endpoint, _ in FIELDS}
    # Forms that are only a button send nothing but their CSRF token.
    assert posts - with_fields == {
        "auth.logout",
        "student.leave",
        "student.start",
        "student.submit",
        "teacher.archive_class",
        "teacher.unarchive_class",
        "teacher.new_join_code",
        "teacher.reset_rejoin_code",
        "teacher.merge_student",  # the confirmation of a merge: both students are in the URL
        "teacher.remove_extension",
        "teacher.delete_assignment",
        "dashboard.redraw_quiz",
    }


@pytest.mark.parametrize(("endpoint", "field"), FIELDS)
def test_sql_metacharacters_in_a_form_field_do_nothing(
    shared_app: Flask, restored_world: World, fresh_clients: Clients, endpoint: str, field: str
) -> None:
    world = restored_world
    role = actor(endpoint)
    path = path_for(shared_app, world, endpoint, TABLE[endpoint]["POST"])
    with shared_app.app_context():
        tables = table_names()
        students = row_counts()["students"]
    for payload in SQL_PAYLOADS:
        form = POST_FORMS[endpoint](world)
        form[field] = (
            (io.BytesIO(SAMPLE_ARTICLE.read_bytes()), f"{payload}.yaml") if field == "file" else payload
        )
        client = fresh_clients[role] if role != ANONYMOUS else shared_app.test_client()
        response = client.post(path, data=form)
        assert response.status_code < 500, (endpoint, field, payload, response.status_code)
        with shared_app.app_context():
            assert table_names() == tables
            assert row_counts()["students"] >= students
        if endpoint in SIGN_IN_FORMS and not (endpoint == "student.join" and field == "display_name"):
            # A payload instead of a code, an email or a password signs nobody in.
            assert response.status_code != 302, (endpoint, field, payload)
            assert client.get("/quizzes").status_code == 302
            assert client.get("/teacher/classes").status_code == 302


def test_names_are_stored_exactly_as_typed(
    shared_app: Flask, restored_world: World, fresh_clients: Clients
) -> None:
    world = restored_world
    for payload in SQL_PAYLOADS:
        visitor = shared_app.test_client()
        name = f"Pupil {payload}"
        assert (
            visitor.post("/join", data={"class_code": world.class_code, "display_name": name}).status_code
            == 302
        )
        with shared_app.app_context():
            assert db.session.scalar(select(Student).where(Student.display_name == name)) is not None
        class_name = f"Class {payload}"
        teacher = fresh_clients[TEACHER]
        assert (
            teacher.post(f"/teacher/classes/{world.class_id}/rename", data={"name": class_name}).status_code
            == 302
        )
        with shared_app.app_context():
            school_class = db.session.get(SchoolClass, world.class_id)
            assert school_class is not None and school_class.name == class_name


QUERY_PAGES = [
    ("dashboard.class_dashboard", {"sort": None, "dir": None}),
    ("teacher.preview", {"seed": None, "all": None}),
    ("teacher.assign", {"class_id": None, "version_id": None}),
    ("exports.download_class", {"excel": None}),
    ("auth.login", {"next": None}),
]


@pytest.mark.parametrize(("endpoint", "parameters"), QUERY_PAGES)
def test_sql_metacharacters_in_query_strings_do_nothing(
    shared_app: Flask, shared_world: World, signed_in: Clients, endpoint: str, parameters: dict[str, None]
) -> None:
    path = path_for(shared_app, shared_world, endpoint, TABLE[endpoint]["GET"])
    client = signed_in[ANONYMOUS if endpoint == "auth.login" else TEACHER]
    for payload in SQL_PAYLOADS:
        response = client.get(path, query_string=dict.fromkeys(parameters, payload))
        response.get_data()
        response.close()
        assert response.status_code == 200, (path, payload, response.status_code)


@pytest.mark.parametrize("payload", SQL_PAYLOADS)
@pytest.mark.parametrize("template", ["/teacher/classes/{}", "/attempts/{}", "/teacher/exports/{}.csv"])
def test_sql_metacharacters_in_path_ids_are_not_found(
    shared_app: Flask, signed_in: Clients, template: str, payload: str
) -> None:
    path = template.format(payload)
    assert signed_in[TEACHER].get(path).status_code == 404
