"""How much database work a quiz page and an answer do (issue 11): a fixed, small number of
statements, whatever the quiz length or how many questions are answered."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.database import discard_read_connection, read_connection
from app.extensions import db
from app.models import FEEDBACK_TEST, LATE_CLOSE, Attempt, Quiz, Student, utcnow
from app.services import quizzes
from tests.factories import (
    count_queries,
    login_student,
    make_assignment,
    make_class,
    make_student,
    right_answer,
)

# The signed-in student with their class; the attempt with its assignment, quiz, article version,
# the student's extension and the attempt's answers.
QUESTION_PAGE_STATEMENTS = 2


def _signed_in_attempt(app: Flask, client: FlaskClient, **options: object) -> tuple[int, list[list[str]]]:
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, "Ada")
        assignment = make_assignment(school_class, **options)
        answers = [right_answer(q) for q in quizzes.questions_of(assignment.quiz)]
        assignment_id = assignment.id
        login_student(client, student)
    response = client.post(f"/assignments/{assignment_id}/start")
    match = re.fullmatch(r"/attempts/(\d+)", response.location)
    assert match, response.location
    return int(match.group(1)), answers


def _statements(app: Flask, client: FlaskClient, method: str, url: str, **kwargs: object) -> list[str]:
    with count_queries(app) as statements:
        response = client.open(url, method=method, **kwargs)  # type: ignore[arg-type]
    assert response.status_code in (200, 302), (url, response.status_code)
    return list(statements)


def test_the_question_page_runs_two_statements(app: Flask, client: FlaskClient) -> None:
    attempt_id, answers = _signed_in_attempt(app, client, feedback_mode=FEEDBACK_TEST)
    # The first page of the process parses the quiz and the article (cached from then on).
    assert client.get(f"/attempts/{attempt_id}/questions/1").status_code == 200

    for number in (2, len(answers)):
        statements = _statements(app, client, "GET", f"/attempts/{attempt_id}/questions/{number}")
        assert len(statements) == QUESTION_PAGE_STATEMENTS, statements

    # Answering questions adds rows to read, not statements.
    for number in range(1, 6):
        response = client.post(
            f"/attempts/{attempt_id}/questions/{number}", data={"answer": answers[number - 1]}
        )
        assert response.status_code == 302
    statements = _statements(app, client, "GET", f"/attempts/{attempt_id}/questions/3")
    assert len(statements) == QUESTION_PAGE_STATEMENTS, statements


def test_the_question_page_reads_outside_any_transaction(app: Flask, client: FlaskClient) -> None:
    """A page changes nothing: it opens no ORM session, and on PostgreSQL its statements run in
    autocommit, so it costs no BEGIN and ROLLBACK round trips (app.database.read_connection)."""
    attempt_id, _answers = _signed_in_attempt(app, client, feedback_mode=FEEDBACK_TEST)
    assert client.get(f"/attempts/{attempt_id}/questions/1").status_code == 200
    session_transactions: list[object] = []
    isolation: list[object] = []

    def session_began(*_args: object) -> None:
        session_transactions.append(_args)

    def statement_ran(connection: Any, *_args: object) -> None:
        isolation.append(connection.get_execution_options().get("isolation_level"))

    with app.app_context():
        engine = db.engine
    event.listen(Session, "after_begin", session_began)
    event.listen(engine, "before_cursor_execute", statement_ran)
    try:
        assert client.get(f"/attempts/{attempt_id}/questions/2").status_code == 200
    finally:
        event.remove(Session, "after_begin", session_began)
        event.remove(engine, "before_cursor_execute", statement_ran)
    assert session_transactions == []
    assert len(isolation) == QUESTION_PAGE_STATEMENTS
    if engine.dialect.name == "postgresql":
        assert isolation == ["AUTOCOMMIT"] * QUESTION_PAGE_STATEMENTS


def test_reads_of_a_change_belong_to_its_transaction(app: Flask) -> None:
    """On a POST the reads run in the session's transaction, so they see what it locked and wrote;
    a GET's own connection is given back when the request ends."""
    with app.test_request_context("/", method="POST"):
        assert read_connection() is db.session.connection()
    with app.test_request_context("/", method="GET"):
        connection = read_connection()
        assert connection is read_connection()
        assert connection is not db.session.connection()
        assert not connection.closed
    assert connection.closed


def test_a_pages_connection_goes_back_to_the_pool_ready_for_transactions(app: Flask) -> None:
    """The autocommit of a page's reads must not outlive the request: the pooled connection may
    next serve an answer, whose lock and insert need a transaction."""
    with app.test_request_context("/", method="GET"):
        connection = read_connection()
        assert connection.execute(select(1)).scalar_one() == 1
        driver = connection.connection.dbapi_connection
        postgresql = connection.dialect.name == "postgresql"
        if postgresql:
            assert getattr(driver, "autocommit") is True
    assert connection.closed
    if postgresql:
        assert getattr(driver, "autocommit") is False
    else:
        assert getattr(driver, "isolation_level") is not None  # sqlite3's own autocommit is None


def test_an_error_page_reads_through_a_fresh_connection(app: Flask) -> None:
    with app.test_request_context("/", method="GET"):
        connection = read_connection()
        discard_read_connection()
        assert connection.closed
        assert read_connection() is not connection
        discard_read_connection()  # twice is harmless


def test_a_quiz_that_closes_later_costs_no_more(app: Flask, client: FlaskClient) -> None:
    """The due-date check uses the extension read with the attempt: no extra query while still open."""
    attempt_id, _answers = _signed_in_attempt(
        app, client, due_at=utcnow() + timedelta(days=1), late_policy=LATE_CLOSE
    )
    assert client.get(f"/attempts/{attempt_id}/questions/1").status_code == 200
    statements = _statements(app, client, "GET", f"/attempts/{attempt_id}/questions/2")
    assert len(statements) == QUESTION_PAGE_STATEMENTS, statements


def test_an_answer_is_one_short_transaction(app: Flask, client: FlaskClient) -> None:
    attempt_id, answers = _signed_in_attempt(app, client)
    assert client.get(f"/attempts/{attempt_id}/questions/1").status_code == 200
    statements = _statements(
        app, client, "POST", f"/attempts/{attempt_id}/questions/1", data={"answer": answers[0]}
    )
    lowered = [s.lower() for s in statements]
    # The student, the attempt, (SQLite: BEGIN IMMEDIATE), the attempt locked, its answers, the INSERT
    # and the attempt's new scores: nothing re-aggregated, nothing read again after the commit.
    assert sum(s.startswith("insert") for s in lowered) == 1, statements
    assert sum(s.startswith("update") for s in lowered) == 1, statements
    assert not any("sum(" in s for s in lowered), statements
    assert len([s for s in lowered if not s.startswith("begin")]) == 6, statements


def test_cached_questions_belong_to_their_own_quiz(app: Flask) -> None:
    """A reused quiz id (SQLite may hand out a deleted quiz's id again) never brings back old questions."""
    with app.app_context():
        stored = make_assignment(make_class()).quiz.questions
    moment = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    first = Quiz(id=999, article_version_id=1, seed=1, created_at=moment, questions=stored[:2])
    again = Quiz(id=999, article_version_id=1, seed=2, created_at=moment, questions=stored[2:5])
    assert [q.prompt for q in quizzes.questions_of(first)] == [d["prompt"] for d in stored[:2]]
    assert [q.prompt for q in quizzes.questions_of(again)] == [d["prompt"] for d in stored[2:5]]
    # The cached list is the caller's own: changing it changes nothing for the next caller.
    quizzes.questions_of(first).clear()
    assert len(quizzes.questions_of(first)) == 2


def test_each_question_page_marks_its_own_part_of_the_cached_article(app: Flask, client: FlaskClient) -> None:
    attempt_id, _answers = _signed_in_attempt(app, client, feedback_mode=FEEDBACK_TEST)
    with app.app_context():
        questions = quizzes.questions_of(db.session.get_one(Attempt, attempt_id).assignment.quiz)
    focused = [(n, q.focus) for n, q in enumerate(questions, start=1) if q.focus]
    assert len({focus[0] for _n, focus in focused}) > 1, "the sample quiz asks about several paragraphs"
    for _round in range(2):  # the second round is served from the cache
        for number, focus in focused:
            html = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
            assert html.count('<mark class="focus">') == 2  # the hint's sample and the passage's
            block_id = "article-headline" if focus[0] == 0 else f"article-p{focus[0]}"
            marked = html[html.index(f'id="{block_id}"') :]
            assert marked.index('<mark class="focus">') < marked.index("</p>" if focus[0] else "</h2>")


def _fieldset(html: str) -> str:
    return html[html.index("<fieldset") : html.index("</fieldset>")]


def test_cached_question_controls_never_carry_another_students_ticks(app: Flask) -> None:
    """An unanswered question's controls are rendered once per process and shared; what a student
    ticked is drawn for that student only."""
    with app.app_context():
        school_class = make_class()
        student_ids = [make_student(school_class, name).id for name in ("Ada", "Ben")]
        assignment = make_assignment(school_class, feedback_mode=FEEDBACK_TEST)
        first_answer = right_answer(quizzes.questions_of(assignment.quiz)[0])
        assignment_id = assignment.id
    clients = [app.test_client(), app.test_client()]
    urls = []
    for client, student_id in zip(clients, student_ids, strict=True):
        with app.app_context():
            login_student(client, db.session.get_one(Student, student_id))
        started = client.post(f"/assignments/{assignment_id}/start")
        urls.append(f"{started.location}/questions/1")
    ada, ben = clients
    untouched = _fieldset(ada.get(urls[0]).get_data(as_text=True))
    # The attribute, not the word in a definition ("could be checked against what happened").
    ticks = re.compile(r"<input[^>]*\schecked\b")
    assert not ticks.search(untouched)
    assert ada.post(urls[0], data={"answer": first_answer}).status_code == 302
    ticked = _fieldset(ada.get(urls[0]).get_data(as_text=True))
    assert len(ticks.findall(ticked)) == len(first_answer)
    assert _fieldset(ben.get(urls[1]).get_data(as_text=True)) == untouched
