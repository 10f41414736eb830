"""The POST half of the access matrix (TABLE in test_access_matrix.py), and ids that are not yours.

Each test starts from the module's world as built (``restored_world``), because a
successful POST changes it.  Within a test the visitors who must be refused go first
(ROLES order), so they all see the world as it was built.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import create_app
from app.extensions import db
from app.models import Assignment, Teacher
from tests.security.support import (
    CLASS_NAME,
    JOIN,
    LOGIN,
    OTHER_TEACHER,
    POST_FORMS,
    ROLES,
    STUDENT,
    TEACHER,
    World,
    build_path,
    table_snapshot,
)
from tests.security.test_access_matrix import POST_CASES, TABLE, check_response, path_for

Clients = dict[str, FlaskClient]


@pytest.mark.parametrize(("endpoint", "method"), POST_CASES)
def test_post(
    shared_app: Flask, restored_world: World, fresh_clients: Clients, endpoint: str, method: str
) -> None:
    expect = TABLE[endpoint][method]
    path = path_for(shared_app, restored_world, endpoint, expect)
    failures: list[str] = []
    for role in ROLES:
        response = fresh_clients[role].post(path, data=POST_FORMS[endpoint](restored_world))
        check_response(role, expect, response, failures, f"POST {path}")
    assert not failures, "\n".join(failures)


def test_refused_posts_change_nothing(
    shared_app: Flask, restored_world: World, fresh_clients: Clients
) -> None:
    """Every POST a visitor is refused (403, 404, or sent to log in or join) leaves every table as it was."""
    with shared_app.app_context():
        before = table_snapshot()
    refused = 0
    for endpoint, method in POST_CASES:
        expect = TABLE[endpoint][method]
        path = path_for(shared_app, restored_world, endpoint, expect)
        for role in ROLES:
            if expect.outcome(role) in (403, 404, LOGIN, JOIN):
                fresh_clients[role].post(path, data=POST_FORMS[endpoint](restored_world))
                refused += 1
    with shared_app.app_context():
        assert table_snapshot() == before
    assert refused > 50


# Routes naming a class and one of its students.
CLASS_AND_STUDENT = sorted(
    (endpoint, method)
    for endpoint, methods in TABLE.items()
    for method in methods
    if endpoint
    in {
        "teacher.student_page",
        "teacher.reset_rejoin_code",
        "teacher.remove_student",
        "teacher.choose_merge",
        "dashboard.student",
    }
)


@pytest.mark.parametrize(("endpoint", "method"), CLASS_AND_STUDENT)
def test_a_student_of_another_class_under_the_teachers_own_class_is_not_found(
    shared_app: Flask, restored_world: World, fresh_clients: Clients, endpoint: str, method: str
) -> None:
    world = restored_world
    with shared_app.app_context():
        before = table_snapshot()
    for class_id, student_id in (
        (world.class_id, world.outsider_id),
        (world.other_class_id, world.student_id),
    ):
        path = build_path(shared_app, endpoint, {"class_id": class_id, "student_id": student_id})
        data = POST_FORMS[endpoint](world) if method == "POST" else None
        response = fresh_clients[TEACHER].open(path, method=method, data=data)
        assert response.status_code == 404, (path, response.status_code)
    with shared_app.app_context():
        assert table_snapshot() == before


def test_a_student_cannot_answer_submit_or_start_in_another_class(
    shared_app: Flask, restored_world: World, fresh_clients: Clients
) -> None:
    student = fresh_clients[STUDENT]
    with shared_app.app_context():
        before = table_snapshot()
    attempt = restored_world.outsider_attempt_id
    assert student.post(f"/attempts/{attempt}/questions/1", data={"answer": "0"}).status_code == 404
    assert student.post(f"/attempts/{attempt}/submit").status_code == 404
    assert student.post(f"/assignments/{restored_world.other_assignment_id}/start").status_code == 404
    with shared_app.app_context():
        assert table_snapshot() == before


def test_assigning_to_another_teachers_class_creates_nothing(
    shared_app: Flask, restored_world: World, fresh_clients: Clients
) -> None:
    other_teacher = fresh_clients[OTHER_TEACHER]
    with shared_app.app_context():
        before = db.session.scalars(select(Assignment.id)).all()
    response = other_teacher.post("/teacher/assign", data=POST_FORMS["teacher.assign"](restored_world))
    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True)
    with shared_app.app_context():
        assert db.session.scalars(select(Assignment.id)).all() == before
    # Nor does the assign page offer the other teacher's class when asked for it by id.
    page = other_teacher.get(f"/teacher/assign?class_id={restored_world.class_id}")
    assert CLASS_NAME not in page.get_data(as_text=True)


def test_a_session_signed_with_another_key_is_ignored(shared_app: Flask, restored_world: World) -> None:
    """Sessions are signed cookies: naming a teacher in one needs the server's SECRET_KEY."""
    settings = {key: value for key, value in shared_app.config.items() if key.isupper()}
    forger = create_app(settings | {"SECRET_KEY": "an-attacker-guess-at-the-secret-key"})
    with shared_app.app_context():
        # What Flask-Login stores for this teacher (kind, random token, epoch).
        teacher_id = db.session.get_one(Teacher, restored_world.teacher_id).get_id()
    for signer, accepted in ((forger, False), (shared_app, True)):
        maker = signer.test_client()
        with maker.session_transaction() as session:
            session["_user_id"] = teacher_id
            session["_fresh"] = True
        cookie = maker.get_cookie("session")
        assert cookie is not None
        visitor = shared_app.test_client()
        visitor.set_cookie("session", cookie.value)
        # The real key makes a working session, so the forged one fails because of the key alone.
        assert visitor.get("/teacher/classes").status_code == (200 if accepted else 302)
