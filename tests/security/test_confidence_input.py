"""Issue 13's new inputs under CSRF: the "How sure are you?" rating sent with an answer and the
assignment settings (confidence on, kinds off).  Odd values are a 4xx with a message, never a 500,
and store nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from app.models import Assignment, Response
from app.services import quizzes
from tests.factories import PASSWORD, make_assignment, make_class, make_student, make_teacher, right_answer

NUL_MESSAGE = "invisible control character (NUL)"


@pytest.fixture
def app_config(app_config: dict[str, Any]) -> dict[str, Any]:
    return {**app_config, "WTF_CSRF_ENABLED": True}


def token(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


class Setup:
    def __init__(self, app: Flask) -> None:
        with app.app_context():
            teacher = make_teacher("owner@school.example")
            school_class = make_class(teacher)
            student = make_student(school_class, "Ann")
            assignment = make_assignment(school_class, ask_confidence=True)
            self.assignment_id = assignment.id
            self.questions = quizzes.questions_of(assignment.quiz)
            self.class_code = school_class.join_code
            self.rejoin_code = student.rejoin_code


def signed_in_student(client: FlaskClient, setup: Setup) -> int:
    credentials = {"class_code": setup.class_code, "rejoin_code": setup.rejoin_code}
    page = client.get("/rejoin").get_data(as_text=True)
    assert client.post("/rejoin", data={**credentials, "csrf_token": token(page)}).status_code == 302
    home = client.get("/quizzes").get_data(as_text=True)
    started = client.post(f"/assignments/{setup.assignment_id}/start", data={"csrf_token": token(home)})
    assert started.status_code == 302
    return int(started.location.rsplit("/", 1)[1])


def stored(app: Flask, attempt_id: int) -> list[tuple[int, str | None]]:
    with app.app_context():
        rows = db.session.scalars(select(Response).where(Response.attempt_id == attempt_id))
        return [(r.position, r.confidence) for r in rows]


def test_a_rating_without_a_token_is_refused(app: Flask, client: FlaskClient) -> None:
    setup = Setup(app)
    attempt_id = signed_in_student(client, setup)
    url = f"/attempts/{attempt_id}/questions/1"
    answer = right_answer(setup.questions[0])
    assert client.post(url, data={"answer": answer, "confidence": "certain"}).status_code == 400
    assert (
        client.post(
            url, data={"answer": answer, "confidence": "certain"}, headers={"Accept": "application/json"}
        ).status_code
        == 400
    )
    assert stored(app, attempt_id) == []
    page = client.get(url).get_data(as_text=True)
    reply = client.post(url, data={"answer": answer, "confidence": "certain", "csrf_token": token(page)})
    assert reply.status_code == 302
    assert stored(app, attempt_id) == [(0, "certain")]


@pytest.mark.parametrize(
    ("odd", "status"),
    [("999", 422), ("-1", 422), ("certain\x00", 400), ("\x00", 400), ("c" * 100_000, 422), ("<script>", 422)],
)
def test_odd_ratings_are_a_4xx_and_store_nothing(
    app: Flask, client: FlaskClient, odd: str, status: int
) -> None:
    setup = Setup(app)
    attempt_id = signed_in_student(client, setup)
    url = f"/attempts/{attempt_id}/questions/1"
    page = client.get(url).get_data(as_text=True)
    data = {"answer": right_answer(setup.questions[0]), "confidence": odd, "csrf_token": token(page)}
    reply = client.post(url, data=data)
    assert reply.status_code == status
    body = reply.get_data(as_text=True)
    assert (NUL_MESSAGE if status == 400 else "Choose how sure you are") in body
    assert "<script>" not in body.replace("&lt;script&gt;", "")
    assert stored(app, attempt_id) == []


def _teacher_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    login = {"email": "owner@school.example", "password": PASSWORD, "csrf_token": token(page)}
    assert client.post("/login", data=login).status_code == 302
    return client


def test_assignment_settings_need_a_token_and_refuse_odd_kinds(app: Flask) -> None:
    setup = Setup(app)
    client = _teacher_client(app)
    url = f"/teacher/assignments/{setup.assignment_id}/edit"
    settings = {
        "title": "Quiz",
        "late_policy": "accept",
        "attempts_policy": "one",
        "feedback_mode": "practice",
        "answers_shown": "submitted",
    }
    assert client.post(url, data={**settings, "ask_confidence": ""}).status_code == 400
    with app.app_context():
        assert db.session.get_one(Assignment, setup.assignment_id).ask_confidence is True
    for odd in ("no_such_kind", "who_said_it\x00", "k" * 10_000):
        page = client.get(url).get_data(as_text=True)
        reply = client.post(url, data={**settings, "kinds_off": odd, "csrf_token": token(page)})
        assert reply.status_code in (400, 422), (odd[:20], reply.status_code)
    with app.app_context():
        assignment = db.session.get_one(Assignment, setup.assignment_id)
        assert assignment.kinds_off == [] and assignment.ask_confidence is True
