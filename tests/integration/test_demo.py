"""`flask demo`: a demo teacher and class whose simulated students answered quizzes."""

from __future__ import annotations

import csv
import io
import random
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import func, select

from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.scoring import score_answer
from app.domain.statistics import STATES
from app.extensions import db
from app.models import ArticleVersion, Assignment, Attempt, Response, SchoolClass, Student, Teacher
from app.services import demo, exports, quizzes
from tests.conftest import QUESTIONS_DIR
from tests.factories import login_teacher

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def _field(output: str, label: str) -> str:
    match = re.search(rf"^{label}:\s+(\S+)$", output, re.MULTILINE)
    assert match, output
    return match.group(1)


def test_demo_twice_makes_two_classes_for_one_teacher_who_can_log_in(
    app: Flask, runner: FlaskCliRunner, client: FlaskClient
) -> None:
    first = runner.invoke(args=["demo", "--students", "6", "--assignments", "2", "--seed", "1"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo", "--students", "5", "--assignments", "4"])
    assert second.exit_code == 0, second.output
    email = _field(first.output, "Teacher login")
    assert email == _field(second.output, "Teacher login") == demo.DEMO_EMAIL
    codes = [_field(first.output, "Class join code"), _field(second.output, "Class join code")]
    assert codes[0] != codes[1]
    assert "existed already" in second.output
    with app.app_context():
        # A fresh database: the sample questions were imported first.
        articles = [p for p in QUESTIONS_DIR.glob("*.yaml") if p.name != "vocabulary.yaml"]
        assert db.session.scalar(select(func.count()).select_from(ArticleVersion)) == len(articles)
        assert db.session.scalar(select(func.count()).select_from(Teacher)) == 1
        demo_classes = list(db.session.scalars(select(SchoolClass).order_by(SchoolClass.id)))
        assert [c.name for c in demo_classes] == ["Demo class 1", "Demo class 2"]
        assert [c.join_code for c in demo_classes] == codes
        counts = [
            db.session.scalar(select(func.count()).select_from(Student).where(Student.class_id == c.id))
            for c in demo_classes
        ]
        assert counts == [6, 5]
        assert db.session.scalar(select(func.count()).select_from(Assignment)) == 6
    # The password printed last is the one that works now.
    login_teacher(client, email, _field(second.output, "Password"))
    assert client.get("/teacher/exports").status_code == 200


def test_demo_refuses_an_empty_class(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["demo", "--students", "0"])
    assert result.exit_code != 0


def test_demo_refuses_a_production_database_unless_forced(app: Flask, runner: FlaskCliRunner) -> None:
    app.config["SOURCEWISE_ENV"] = "production"
    refused = runner.invoke(args=["demo", "--students", "2", "--assignments", "1", "--seed", "1"])
    assert refused.exit_code != 0
    assert "production" in refused.output and "--force" in refused.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Teacher)) == 0
    forced = runner.invoke(args=["demo", "--students", "2", "--assignments", "1", "--seed", "1", "--force"])
    assert forced.exit_code == 0, forced.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Teacher)) == 1


@pytest.fixture
def big_demo(app_ctx: Flask) -> demo.DemoResult:
    return demo.create_demo(students=60, assignments=5, seed=7, now=NOW)


def test_profiles_show_their_pattern_over_many_questions(big_demo: demo.DemoResult) -> None:
    by_profile: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    rows = db.session.execute(
        select(Attempt.student_id, Response.skill, Response.score).join(Response.attempt)
    ).all()
    for student_id, skill, score in rows:
        by_profile[big_demo.profiles[student_id]][skill].append(score)
    mean = {
        (profile, skill): sum(scores) / len(scores)
        for profile, skills in by_profile.items()
        for skill, scores in skills.items()
    }
    assert set(by_profile) == {profile.name for profile in demo.PROFILES}
    strong = "strong on sources, weak on framing"
    assert mean[strong, "sources"] > mean[strong, "framing"] + 0.3
    assert mean["misses hedged claims", "sources"] > mean["misses hedged claims", "claims"] + 0.2
    for skill in ("sources", "claims", "framing"):
        assert mean["careful", skill] > 0.75
        assert mean["guessing", skill] < 0.4
        assert mean["careful", skill] > mean["average", skill] > mean["guessing", skill]


def test_stored_scores_are_what_the_scoring_functions_give(big_demo: demo.DemoResult) -> None:
    attempts = list(db.session.scalars(select(Attempt)))
    assert len(attempts) == big_demo.attempts
    responses = list(db.session.scalars(select(Response)))
    assert len(responses) == big_demo.responses
    by_attempt: dict[int, list[Response]] = defaultdict(list)
    for response in responses:
        by_attempt[response.attempt_id].append(response)
    verdicts: Counter[str] = Counter()
    for attempt in attempts:
        questions = quizzes.questions_of(attempt.assignment.quiz)
        assert attempt.max_score == len(questions)
        assert attempt.framing_max == sum(1 for q in questions if q.skill == "framing")
        own = by_attempt[attempt.id]
        assert attempt.score == pytest.approx(sum(r.score for r in own))
        assert attempt.sources_score == pytest.approx(sum(r.score for r in own if r.skill == "sources"))
        assert attempt.started_at <= min(r.answered_at for r in own)
        if attempt.submitted_at is not None:
            assert len(own) == len(questions)
            assert max(r.answered_at for r in own) <= attempt.submitted_at <= NOW
        else:
            assert 0 < len(own) < len(questions)
        for response in own:
            question = questions[response.position]
            result = score_answer(question, tuple(response.answer))
            assert (response.score, response.verdict, response.skill) == (
                result.score, result.verdict, question.skill
            )  # fmt: skip
            verdicts[response.verdict] += 1
    assert verdicts["right"] and verdicts["wrong"] and verdicts["partial"]


def test_the_class_has_every_state_and_kept_attempts(big_demo: demo.DemoResult) -> None:
    chunks = exports.export_chunks(exports.SCORES, exports.Scope(class_id=big_demo.class_id), now=NOW)
    statuses = Counter(row["status"] for row in csv.DictReader(io.StringIO("".join(chunks), newline="")))
    # Every assignment of the demo has a due date: handed-in work is on time or late, and work not
    # handed in once the due date has passed is missing.
    assert {"not started", "on time", "late", "missing"} <= set(statuses) <= set(STATES)
    assert "submitted" not in statuses
    assert statuses["on time"] > statuses["late"]
    # Every third assignment allows retries, and some students took them.
    assert db.session.scalar(select(func.count()).select_from(Attempt).where(Attempt.number == 2))
    # The last assignment is still open: due after now.
    due = list(db.session.scalars(select(Assignment.due_at).order_by(Assignment.created_at)))
    assert due[-1] > NOW > due[-2]


def test_the_same_seed_gives_the_same_work(app_ctx: Flask) -> None:
    def answers(result: demo.DemoResult) -> list[tuple[str, int, int, list[int]]]:
        rows = db.session.execute(
            select(Student.display_name, Attempt.number, Response.position, Response.answer)
            .join(Attempt, Attempt.student_id == Student.id)
            .join(Response, Response.attempt_id == Attempt.id)
            .where(Student.class_id == result.class_id)
            .order_by(Student.id, Attempt.assignment_id, Attempt.number, Response.position)
        )
        return [tuple(row) for row in rows]

    first = demo.create_demo(students=8, assignments=3, seed=42, now=NOW)
    second = demo.create_demo(students=8, assignments=3, seed=42, now=NOW)
    other = demo.create_demo(students=8, assignments=3, seed=43, now=NOW)
    assert first.join_code != second.join_code
    assert answers(first) == answers(second) != answers(other)


# --- Simulated answers ----------------------------------------------------------------------


def _question(kind_type: str) -> Question:
    if kind_type == SELECT:
        words = tuple(f"w{i}" for i in range(30))
        gaps = (" ",) * 31
        return Question("find_framing", SELECT, "framing", "?", "", words=words, gaps=gaps, gold=((10, 16),))
    answer = (1, 3) if kind_type == MULTIPLE else (2,)
    return Question("support", kind_type, "claims", "?", "", choices=("a", "b", "c", "d"), answer=answer)


@pytest.mark.parametrize("kind_type", [CHOICE, MULTIPLE, SELECT])
def test_mistakes_are_never_fully_right_and_right_answers_mostly_are(kind_type: str) -> None:
    question = _question(kind_type)
    rng = random.Random(3)
    for _ in range(200):
        assert score_answer(question, tuple(demo.simulate_answer(question, 0.0, rng))).score < 1
    right = [score_answer(question, tuple(demo.simulate_answer(question, 1.0, rng))).score for _ in range(99)]
    assert sum(right) / len(right) > 0.9  # select-words answers are sometimes a word short


def test_select_mistakes_are_often_partly_right() -> None:
    question = _question(SELECT)
    rng = random.Random(5)
    answers = [demo.simulate_answer(question, 0.0, rng) for _ in range(99)]
    scores = [score_answer(question, tuple(answer)).score for answer in answers]
    assert any(0 < score < 1 for score in scores) and any(score == 0 for score in scores)


def test_guessing_answers_are_valid_and_rarely_right() -> None:
    rng = random.Random(9)
    for kind_type in (CHOICE, MULTIPLE, SELECT):
        question = _question(kind_type)
        scores = []
        for _ in range(300):
            answer = demo.simulate_answer(question, None, rng)
            limit = len(question.words) if kind_type == SELECT else len(question.choices)
            assert answer and all(0 <= index < limit for index in answer)
            scores.append(score_answer(question, tuple(answer)).score)
        assert sum(scores) / len(scores) < 0.5
