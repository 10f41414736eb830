"""Issue 13: "How sure are you?" and question kinds switched off, from the teacher's forms to the
student's answer (with and without the quiz script), the results page, the dashboard and the export."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.domain.generate import KINDS
from app.extensions import db
from app.models import Assignment, Attempt, Response, SchoolClass, Student, Teacher
from app.services import content, quizzes
from tests.factories import (
    SAMPLE_ARTICLE,
    import_sample,
    login_student,
    login_teacher,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
    right_answer,
    wrong_answer,
)

JSON = {"Accept": "application/json"}
HAND_KINDS = {name for name, kind in KINDS.items() if kind.hand_written}


class World:
    def __init__(self, app: Flask) -> None:
        with app.app_context():
            self.teacher = make_teacher("owner@school.example")
            self.school_class = make_class(self.teacher, "Year 9 English")
            self.students = [make_student(self.school_class, name) for name in ("Ann", "Bob")]
            self.version = import_sample()
            self.class_id = self.school_class.id
            self.teacher_id = self.teacher.id
            self.version_id = self.version.id
            self.student_ids = [s.id for s in self.students]
            db.session.expunge_all()


@pytest.fixture
def world(app: Flask) -> World:
    return World(app)


@pytest.fixture
def teacher(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    login_teacher(client, "owner@school.example")
    return client


def text_of(response: Any) -> str:
    return str(response.get_data(as_text=True))


def assign_form(world: World, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "class_id": str(world.class_id),
        "version_id": str(world.version_id),
        "title": "",
        "due_at": "",
        "late_policy": "accept",
        "attempts_policy": "one",
        "feedback_mode": "practice",
        "answers_shown": "submitted",
    }
    data.update(changes)
    return data


def newest_assignment() -> Assignment:
    assignment = db.session.scalars(select(Assignment).order_by(Assignment.id.desc())).first()
    assert assignment is not None
    return assignment


def generated_kinds_of(assignment: Assignment) -> set[str]:
    return {q.kind for q in quizzes.questions_of(assignment.quiz) if q.kind not in HAND_KINDS}


def start(app: Flask, client: FlaskClient, student_index: int, world: World, assignment_id: int) -> int:
    with app.app_context():
        student = db.session.get_one(Student, world.student_ids[student_index])
        login_student(client, student)
    started = client.post(f"/assignments/{assignment_id}/start")
    match = re.fullmatch(r"/attempts/(\d+)", started.location)
    assert match, started.location
    return int(match.group(1))


def stored(app: Flask, attempt_id: int) -> dict[int, tuple[float, str | None]]:
    with app.app_context():
        rows = db.session.scalars(select(Response).where(Response.attempt_id == attempt_id))
        return {r.position: (r.score, r.confidence) for r in rows}


# --- The teacher's forms ----------------------------------------------------------------------------


def test_assign_form_lists_every_generated_kind_and_the_confidence_box(teacher: FlaskClient) -> None:
    page = text_of(teacher.get("/teacher/assign"))
    assert 'name="ask_confidence"' in page
    for name, kind in KINDS.items():
        box = f'name="kinds_off" type="checkbox" value="{name}"'
        assert (box in page) != kind.hand_written, name
        if not kind.hand_written:
            assert kind.title.replace("'", "&#39;") in page


def test_assign_with_confidence_on_and_a_kind_off(app: Flask, teacher: FlaskClient, world: World) -> None:
    with app.app_context():
        usual = generated_kinds_of(make_assignment(make_class(make_teacher()), import_sample(), seed=11))
    off = sorted(usual)[:2]
    response = teacher.post(
        "/teacher/assign", data=assign_form(world, ask_confidence="y", kinds_off=off, title="Sure?")
    )
    assert response.status_code == 302, text_of(response)
    with app.app_context():
        assignment = newest_assignment()
        assert assignment.title == "Sure?"
        assert assignment.ask_confidence is True
        assert assignment.kinds_off == [name for name in KINDS if name in off]
        kinds = {q.kind for q in quizzes.questions_of(assignment.quiz)}
        assert kinds and not kinds & set(off)
        assert kinds & HAND_KINDS  # the teacher's own questions stay


def test_assign_without_the_boxes_asks_nothing_and_leaves_nothing_out(
    app: Flask, teacher: FlaskClient, world: World
) -> None:
    assert teacher.post("/teacher/assign", data=assign_form(world)).status_code == 302
    with app.app_context():
        assignment = newest_assignment()
        assert assignment.ask_confidence is False
        assert assignment.kinds_off == []


def test_an_unknown_kind_is_a_form_error(app: Flask, teacher: FlaskClient, world: World) -> None:
    response = teacher.post("/teacher/assign", data=assign_form(world, kinds_off=["no_such_kind"]))
    assert response.status_code == 200
    assert 'id="kinds_off-error"' in text_of(response)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 0


def _article_without_own_questions(tmp_path: Path) -> Path:
    """The sample article without its teacher's questions, under another id."""
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    text = text[: text.index("\nquestions:")] + "\n"
    text = text.replace("id: raqqa-assault-2015", "id: raqqa-without-questions", 1)
    path = tmp_path / "raqqa-without-questions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_switching_off_every_kind_an_article_has_is_refused_with_a_clear_message(
    app: Flask, teacher: FlaskClient, world: World, tmp_path: Path
) -> None:
    with app.app_context():
        [outcome] = content.import_paths([str(_article_without_own_questions(tmp_path))])
        assert outcome.status != "error", outcome.problems
        versions = content.latest_versions(db.session.get_one(Teacher, world.teacher_id))
        bare = next(v for v in versions if v.article.slug == "raqqa-without-questions")
        bare_id = bare.id
    everything = [name for name in KINDS if name not in HAND_KINDS]
    response = teacher.post(
        "/teacher/assign", data=assign_form(world, version_id=str(bare_id), kinds_off=everything)
    )
    page = text_of(response)
    assert response.status_code == 200
    assert re.search(r'id="kinds_off-error">[^<]*no questions to ask', page), page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 0
    # With the same kinds off, an article with the teacher's own questions still has a quiz.
    response = teacher.post("/teacher/assign", data=assign_form(world, kinds_off=everything))
    assert response.status_code == 302
    with app.app_context():
        kinds = {q.kind for q in quizzes.questions_of(newest_assignment().quiz)}
        assert kinds and kinds <= HAND_KINDS


def _edit_form(assignment: Assignment, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": assignment.title,
        "due_at": "",
        "late_policy": assignment.late_policy,
        "attempts_policy": assignment.attempts_policy,
        "feedback_mode": assignment.feedback_mode,
        "answers_shown": assignment.answers_shown,
    }
    data.update(changes)
    return data


def test_edit_turns_confidence_on_and_switches_kinds_off_until_a_student_starts(
    app: Flask, teacher: FlaskClient, world: World
) -> None:
    with app.app_context():
        assignment = make_assignment(db.session.get_one(SchoolClass, world.class_id))
        assignment_id, old_quiz_id, seed = assignment.id, assignment.quiz_id, assignment.quiz.seed
        off = sorted(generated_kinds_of(assignment))[:1]
        form = _edit_form(assignment, ask_confidence="y", kinds_off=off)
    page = text_of(teacher.get(f"/teacher/assignments/{assignment_id}/edit"))
    assert 'name="ask_confidence"' in page and 'name="kinds_off"' in page
    response = teacher.post(f"/teacher/assignments/{assignment_id}/edit", data=form)
    assert response.status_code == 302, text_of(response)
    with app.app_context():
        assignment = db.session.get_one(Assignment, assignment_id)
        assert assignment.ask_confidence is True
        assert assignment.kinds_off == off
        assert assignment.quiz_id != old_quiz_id and assignment.quiz.seed == seed  # drawn again, same seed
        assert not generated_kinds_of(assignment) & set(off)
        form = _edit_form(assignment, ask_confidence="y", kinds_off=off)
    page = text_of(teacher.get(f"/teacher/assignments/{assignment_id}/edit"))
    assert 'checked id="ask_confidence"' in page
    assert re.search(
        rf'<input checked id="kinds_off-\d+" name="kinds_off" type="checkbox" value="{off[0]}">', page
    )

    student_client = app.test_client()
    start(app, student_client, 0, world, assignment_id)
    # Once a student has started, the questions stay; confidence may still change.
    changed = dict(form, kinds_off=[])
    response = teacher.post(f"/teacher/assignments/{assignment_id}/edit", data=changed)
    assert response.status_code == 422
    assert re.search(r'id="kinds_off-error">[^<]*already started', text_of(response))
    response = teacher.post(f"/teacher/assignments/{assignment_id}/edit", data=dict(form, ask_confidence=""))
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.get_one(Assignment, assignment_id)
        assert assignment.ask_confidence is False and assignment.kinds_off == off


# --- Answering -----------------------------------------------------------------------------------------


def _confident_assignment(app: Flask, world: World, **options: Any) -> tuple[int, list[Any]]:
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        assignment = make_assignment(school_class, ask_confidence=True, **options)
        return assignment.id, quizzes.questions_of(assignment.quiz)


def test_the_question_page_offers_the_rating_only_when_asked(app: Flask, world: World) -> None:
    confident_id, _ = _confident_assignment(app, world)
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        plain_id = make_assignment(school_class).id
    client = app.test_client()
    attempt_id = start(app, client, 0, world, confident_id)
    page = text_of(client.get(f"/attempts/{attempt_id}/questions/1"))
    assert "How sure are you?" in page
    for level in ("guessing", "fairly_sure", "certain"):
        assert f'name="confidence" value="{level}"' in page
    plain_attempt = start(app, client, 0, world, plain_id)
    assert "How sure are you?" not in text_of(client.get(f"/attempts/{plain_attempt}/questions/1"))


def test_a_rating_is_stored_with_and_without_the_script_and_never_changes_the_score(
    app: Flask, world: World
) -> None:
    assignment_id, questions = _confident_assignment(app, world)
    client = app.test_client()
    attempt_id = start(app, client, 0, world, assignment_id)
    # Without the script: a plain form, redirected to the feedback.
    reply = client.post(
        f"/attempts/{attempt_id}/questions/1",
        data={"answer": right_answer(questions[0]), "confidence": "certain"},
    )
    assert reply.status_code == 302 and reply.location.endswith("/questions/1/feedback#verdict")
    # With the script: the same form data, asking for JSON.
    reply = client.post(
        f"/attempts/{attempt_id}/questions/2",
        data={"answer": wrong_answer(questions[1]), "confidence": "fairly_sure"},
        headers=JSON,
    )
    assert reply.status_code == 200 and reply.get_json()["saved"] is True
    # No rating at all is fine.
    reply = client.post(f"/attempts/{attempt_id}/questions/3", data={"answer": right_answer(questions[2])})
    assert reply.status_code == 302
    assert stored(app, attempt_id) == {0: (1.0, "certain"), 1: (0.0, "fairly_sure"), 2: (1.0, None)}
    feedback = text_of(client.get(f"/attempts/{attempt_id}/questions/1/feedback"))
    assert "You said you were: <strong>Certain</strong>" in feedback

    # The same answers without ratings, by the other student: the same scores.
    other = app.test_client()
    other_attempt = start(app, other, 1, world, assignment_id)
    for number, values in ((1, right_answer(questions[0])), (2, wrong_answer(questions[1]))):
        other.post(f"/attempts/{other_attempt}/questions/{number}", data={"answer": values})
    other.post(f"/attempts/{other_attempt}/questions/3", data={"answer": right_answer(questions[2])})
    with app.app_context():
        rated = db.session.get_one(Attempt, attempt_id)
        unrated = db.session.get_one(Attempt, other_attempt)
        assert (rated.score, rated.skill_scores) == (unrated.score, unrated.skill_scores)
        assert rated.score == 2.0


def test_a_rating_is_not_stored_when_the_assignment_does_not_ask(app: Flask, world: World) -> None:
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        assignment = make_assignment(school_class)
        assignment_id, questions = assignment.id, quizzes.questions_of(assignment.quiz)
    client = app.test_client()
    attempt_id = start(app, client, 0, world, assignment_id)
    client.post(
        f"/attempts/{attempt_id}/questions/1",
        data={"answer": right_answer(questions[0]), "confidence": "certain"},
    )
    assert stored(app, attempt_id) == {0: (1.0, None)}


@pytest.mark.parametrize("odd", ["999", "Certain", "certain ", "x" * 5000, "guessing,certain"])
def test_an_odd_rating_is_refused_and_nothing_is_stored(app: Flask, world: World, odd: str) -> None:
    assignment_id, questions = _confident_assignment(app, world)
    client = app.test_client()
    attempt_id = start(app, client, 0, world, assignment_id)
    url = f"/attempts/{attempt_id}/questions/1"
    reply = client.post(url, data={"answer": right_answer(questions[0]), "confidence": odd})
    assert reply.status_code == 422
    assert "Choose how sure you are" in text_of(reply)
    reply = client.post(url, data={"answer": right_answer(questions[0]), "confidence": odd}, headers=JSON)
    assert reply.status_code == 422
    assert reply.get_json()["saved"] is False
    assert stored(app, attempt_id) == {}


def test_a_test_keeps_the_rating_with_a_changed_answer(app: Flask, world: World) -> None:
    assignment_id, questions = _confident_assignment(app, world, feedback_mode="test")
    client = app.test_client()
    attempt_id = start(app, client, 0, world, assignment_id)
    url = f"/attempts/{attempt_id}/questions/1"
    client.post(url, data={"answer": wrong_answer(questions[0]), "confidence": "certain"})
    page = text_of(client.get(url))
    assert '<input type="radio" name="confidence" value="certain" id="confidence-certain" checked>' in page
    client.post(url, data={"answer": right_answer(questions[0]), "confidence": "guessing"})
    assert stored(app, attempt_id) == {0: (1.0, "guessing")}


# --- Calibration: results, dashboard, export, and who may see them --------------------------------------


def _rated_and_submitted(app: Flask, world: World) -> tuple[int, int, int]:
    """Ann answers 3 questions, certain each time (2 right); Bob guesses once, right. Both hand in."""
    assignment_id, questions = _confident_assignment(app, world)
    ann = app.test_client()
    ann_attempt = start(app, ann, 0, world, assignment_id)
    for number, values in enumerate(
        (right_answer(questions[0]), right_answer(questions[1]), wrong_answer(questions[2])), start=1
    ):
        ann.post(
            f"/attempts/{ann_attempt}/questions/{number}", data={"answer": values, "confidence": "certain"}
        )
    assert ann.post(f"/attempts/{ann_attempt}/submit").status_code == 302
    bob = app.test_client()
    bob_attempt = start(app, bob, 1, world, assignment_id)
    bob.post(
        f"/attempts/{bob_attempt}/questions/1",
        data={"answer": right_answer(questions[0]), "confidence": "guessing"},
    )
    assert bob.post(f"/attempts/{bob_attempt}/submit").status_code == 302
    return assignment_id, ann_attempt, bob_attempt


def test_results_dashboard_and_export_show_calibration(
    app: Flask, teacher: FlaskClient, world: World
) -> None:
    _, ann_attempt, bob_attempt = _rated_and_submitted(app, world)
    ann = app.test_client()
    with app.app_context():
        login_student(ann, db.session.get_one(Student, world.student_ids[0]))
    page = text_of(ann.get(f"/attempts/{ann_attempt}/results"))
    assert "How sure you were" in page
    assert "When you were certain, you were fully right 2 times out of 3 (67%)." in page
    assert re.search(r"<th scope=\"row\">Certain</th><td>3</td><td>2 \(67%\)</td><td>67%</td>", page), page
    # Another student's results are not Ann's to see.
    assert ann.get(f"/attempts/{bob_attempt}/results").status_code == 404

    board = text_of(teacher.get(f"/teacher/classes/{world.class_id}/dashboard"))
    assert "How sure students were" in board
    assert re.search(
        r"<th scope=\"row\">Ann</th><td>–</td><td>–</td><td>2 of 3 \(67%\)</td><td>0</td>", board
    ), board
    assert re.search(
        r"<th scope=\"row\">Bob</th><td>1 of 1 \(100%\)</td><td>–</td><td>–</td><td>0</td>", board
    )
    assert re.search(
        r"<th scope=\"row\">Class</th><td>1 of 1 \(100%\)</td><td>–</td><td>2 of 3 \(67%\)</td>", board
    )

    # Another teacher sees none of it.
    stranger = app.test_client()
    with app.app_context():
        make_teacher("stranger@school.example")
    login_teacher(stranger, "stranger@school.example")
    assert stranger.get(f"/teacher/classes/{world.class_id}/dashboard").status_code == 404

    export = teacher.get(f"/teacher/classes/{world.class_id}/exports/responses.csv")
    assert export.status_code == 200, export.status_code
    rows = list(csv.DictReader(io.StringIO(text_of(export))))
    assert rows and "confidence" in rows[0]
    by_student: dict[str, list[str]] = {}
    for row in rows:
        by_student.setdefault(row["student"], []).append(row["confidence"])
    assert by_student == {"Ann": ["certain"] * 3, "Bob": ["guessing"]}


def test_drawing_another_quiz_keeps_the_kinds_switched_off(app: Flask, world: World) -> None:
    with app.app_context():
        school_class = db.session.get_one(SchoolClass, world.class_id)
        usual = generated_kinds_of(make_assignment(school_class, seed=5))
        off = sorted(usual)[:2]
        assignment = make_assignment(school_class, seed=5, kinds_off=off)
        for seed in (6, 7, 8):
            assignment = quizzes.draw_another_quiz(assignment, seed=seed)
            assert assignment.quiz.seed == seed
            assert not generated_kinds_of(assignment) & set(off)
            assert assignment.kinds_off == [name for name in KINDS if name in off]  # stored in KINDS order
