"""What the teacher sees of the class's work: the class's own quiz (and drawing another one),
one student's answers, the printable quiz and its key, gradebook states and averages."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.domain.question import Question
from app.extensions import db
from app.models import ATTEMPTS_UNLIMITED, Assignment, Attempt, Extension, Quiz, SchoolClass, Student, utcnow
from app.services import dashboard, exports, quizzes
from tests.conftest import make_config
from tests.factories import (
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

OWNER = "owner@school.example"
OTHER = "other@school.example"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def take(student: Student, assignment: Assignment, right: int | None = None, submit: bool = True) -> Attempt:
    """Answer every question of a fresh attempt, the first ``right`` right (all by default)."""
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.attempt_view(attempt).questions
    for position, question in enumerate(questions):
        good = right is None or position < right
        quizzes.record_answer(attempt, position, right_answer(question) if good else wrong_answer(question))
    if submit:
        attempt = quizzes.submit_attempt(attempt)
    return attempt


@pytest.fixture
def setup(app: Flask) -> dict[str, int]:
    with app.app_context():
        teacher = make_teacher(OWNER)
        other = make_teacher(OTHER)
        school_class = make_class(teacher, "Year 9 English")
        version = import_sample()
        fresh = make_assignment(school_class, version, title="Nobody started", seed=11)
        started = make_assignment(
            school_class, version, title="Started", seed=12, attempts_policy=ATTEMPTS_UNLIMITED
        )
        ann = make_student(school_class, "Ann")
        bob = make_student(school_class, "Bob")
        first = take(ann, started)
        retake = take(ann, started, right=2)
        bob_attempt = take(bob, started, right=0, submit=False)
        foreign = make_assignment(make_class(other, "Theirs"), version, title="Theirs")
        return {
            "fresh": fresh.id,
            "started": started.id,
            "first": first.id,
            "retake": retake.id,
            "foreign": foreign.id,
            "class": school_class.id,
            "ann": ann.id,
            "bob_open": bob_attempt.id,
        }


@pytest.fixture
def teacher(client: FlaskClient, setup: dict[str, int]) -> FlaskClient:
    login_teacher(client, OWNER)
    return client


def _questions(app: Flask, assignment_id: int) -> list[Question]:
    with app.app_context():
        return quizzes.questions_of(db.session.get(Assignment, assignment_id).quiz)


# --- The class's quiz ------------------------------------------------------------------------


def test_the_quiz_tab_shows_exactly_the_class_quiz_with_keys(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    html = teacher.get(f"/teacher/assignments/{setup['fresh']}/quiz").get_data(as_text=True)
    page = text_of(html)
    questions = _questions(app, setup["fresh"])
    # Every question of the assignment's own frozen quiz, in its order, with the key and the explanation.
    prompts = [text_of(p).strip() for p in re.findall(r'<legend class="prompt">(.*?)</legend>', html, re.S)]
    assert prompts == [unescape(q.prompt) for q in questions]
    assert html.count('<div class="answer-key">') == len(questions)
    for question in questions:
        for text in question.answer_text:
            assert text in page
        if question.explanation:
            assert question.explanation in page
    # Not the library preview's seed-1 quiz: another seed picks other questions.
    with app.app_context():
        assert db.session.get(Assignment, setup["fresh"]).quiz.seed == 11
    assert "Draw another quiz" in page


def test_draw_another_quiz_until_a_student_starts(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    with app.app_context():
        before = db.session.get(Assignment, setup["fresh"])
        old_quiz_id, old_seed, version_id = before.quiz_id, before.quiz.seed, before.quiz.article_version_id
    response = teacher.post(f"/teacher/assignments/{setup['fresh']}/quiz/redraw")
    assert response.status_code == 302
    with app.app_context():
        after = db.session.get(Assignment, setup["fresh"])
        assert after.quiz_id != old_quiz_id and after.quiz.seed != old_seed
        assert after.quiz.article_version_id == version_id  # same article version
        assert after.updated_at is not None
        assert db.session.get(Quiz, old_quiz_id) is None  # the replaced quiz is gone
        new_prompts = [q.prompt for q in quizzes.questions_of(after.quiz)]
    page = text_of(teacher.get(response.headers["Location"]).get_data(as_text=True))
    assert "another quiz" in page and new_prompts[0] in page

    # Once a student has started, the button is replaced by a sentence saying why, and a post is refused.
    html = teacher.get(f"/teacher/assignments/{setup['started']}/quiz").get_data(as_text=True)
    assert "Draw another quiz</button>" not in html
    assert "A student has already started this quiz, so it cannot be drawn again" in text_of(html)
    with app.app_context():
        quiz_id = db.session.get(Assignment, setup["started"]).quiz_id
    response = teacher.post(f"/teacher/assignments/{setup['started']}/quiz/redraw", follow_redirects=True)
    assert "already started" in text_of(response.get_data(as_text=True))
    with app.app_context():
        assert db.session.get(Assignment, setup["started"]).quiz_id == quiz_id


def test_the_quiz_tab_shows_any_attempts_own_order(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    url = f"/teacher/assignments/{setup['started']}/quiz"
    html = teacher.get(url).get_data(as_text=True)
    assert f'<option value="{setup["retake"]}"' in html
    with app.app_context():
        retake = db.session.get(Attempt, setup["retake"])
        shown = quizzes.attempt_view(retake).questions
    html = teacher.get(url, query_string={"attempt": setup["retake"]}).get_data(as_text=True)
    prompts = [text_of(p).strip() for p in re.findall(r'<legend class="prompt">(.*?)</legend>', html, re.S)]
    assert prompts == [unescape(q.prompt) for q in shown]  # the retake's own order
    assert "Ann’s attempt 2" in unescape(text_of(html))
    # Another assignment's attempt, or nonsense, is not found.
    assert teacher.get(url, query_string={"attempt": 10**30}).status_code == 404
    other = f"/teacher/assignments/{setup['fresh']}/quiz"
    assert teacher.get(other, query_string={"attempt": setup["retake"]}).status_code == 404


# --- One student's answers -------------------------------------------------------------------


def test_one_students_attempt_shows_answers_keys_and_scores(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    html = teacher.get(f"/teacher/attempts/{setup['retake']}").get_data(as_text=True)
    page = text_of(html)
    with app.app_context():
        attempt = db.session.get(Attempt, setup["retake"])
        view = quizzes.attempt_view(attempt)
        questions, total = view.questions, len(view.questions)
        score = attempt.score
    assert "Ann’s answers" in page and f"Score: {score:g} out of {total}" in page
    assert page.count("✓ right answer") + page.count("found") >= 1
    # The first two answers were right, the rest wrong, each with its verdict in words.
    verdicts = re.findall(r"<strong>(Right|Partly right|Wrong|Not answered)</strong>", html)
    assert verdicts[:2] == ["Right", "Right"] and len(verdicts) == total
    assert "Right" not in verdicts[2:]
    # Select-words questions mark the selected words in the passage, with a text label.
    if any(q.type == "select" for q in questions):
        assert "passage-mark mark-" in html
        assert "(found: " in html or "(extra: " in html or "(missed: " in html
    assert "student’s answer" in page
    # Links between the student's attempts.
    assert f'href="/teacher/attempts/{setup["first"]}"' in html


def test_an_attempt_not_handed_in_shows_the_answers_so_far(
    teacher: FlaskClient, setup: dict[str, int]
) -> None:
    page = text_of(teacher.get(f"/teacher/attempts/{setup['bob_open']}").get_data(as_text=True))
    assert "Bob’s answers" in page and "Not handed in yet" in page and "Wrong" in page


def test_the_gradebook_links_each_kept_score_to_its_answers(
    teacher: FlaskClient, setup: dict[str, int]
) -> None:
    html = teacher.get(f"/teacher/classes/{setup['class']}/dashboard").get_data(as_text=True)
    assert f'href="/teacher/attempts/{setup["first"]}"' in html  # Ann's kept attempt (all right)
    assert f'href="/teacher/attempts/{setup["retake"]}"' not in html
    # Bob has not handed in: his answers so far are one click away, and say so.
    assert "answers so far" in html and "Not handed in yet" not in html


@pytest.mark.parametrize(
    "template",
    [
        "/teacher/attempts/{first}",
        "/teacher/assignments/{started}/quiz",
        "/teacher/assignments/{started}/print",
        "/teacher/assignments/{started}/print/key",
        f"/teacher/attempts/{10**30}",
        f"/teacher/assignments/{10**30}/quiz",
        f"/teacher/assignments/{10**30}/statistics",
    ],
)
def test_attempts_and_quizzes_of_other_teachers_do_not_exist(
    app: Flask, client: FlaskClient, setup: dict[str, int], template: str
) -> None:
    login_teacher(client, OTHER)
    url = template.format(**setup)
    assert client.get(url).status_code == 404, url
    assert client.post(f"/teacher/assignments/{setup['fresh']}/quiz/redraw").status_code == 404


@pytest.mark.parametrize(
    "template", ["/teacher/attempts/{first}", "/teacher/assignments/{started}/print/key"]
)
def test_students_cannot_see_teacher_views(
    app: Flask, client: FlaskClient, setup: dict[str, int], template: str
) -> None:
    with app.app_context():
        login_student(client, db.session.get(Attempt, setup["first"]).student)
    url = template.format(**setup)
    assert client.get(url).status_code in (302, 403), url


def _token(pattern: str, html: str) -> str:
    found = re.search(pattern, html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, migrated_database: str, tmp_path: Path) -> dict[str, Any]:
        return make_config(migrated_database, tmp_path, WTF_CSRF_ENABLED=True)

    def test_drawing_another_quiz_needs_the_csrf_token(
        self, app: Flask, client: FlaskClient, setup: dict[str, int]
    ) -> None:
        page = client.get("/login").get_data(as_text=True)
        token = _token(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        client.post("/login", data={"email": OWNER, "password": "correct horse battery", "csrf_token": token})
        url = f"/teacher/assignments/{setup['fresh']}/quiz/redraw"
        with app.app_context():
            quiz_id = db.session.get(Assignment, setup["fresh"]).quiz_id
        assert client.post(url).status_code == 400
        with app.app_context():
            assert db.session.get(Assignment, setup["fresh"]).quiz_id == quiz_id
        html = client.get(f"/teacher/assignments/{setup['fresh']}/quiz").get_data(as_text=True)
        form_token = _token(r'name="csrf_token" value="([^"]+)"', html)
        assert client.post(url, data={"csrf_token": form_token}).status_code == 302
        with app.app_context():
            assert db.session.get(Assignment, setup["fresh"]).quiz_id != quiz_id


# --- The printable quiz ----------------------------------------------------------------------


def test_print_view_has_the_quiz_without_the_key_and_the_key_page_has_it(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    questions = _questions(app, setup["fresh"])
    student_html = teacher.get(f"/teacher/assignments/{setup['fresh']}/print").get_data(as_text=True)
    key_html = teacher.get(f"/teacher/assignments/{setup['fresh']}/print/key").get_data(as_text=True)
    sheet = student_html.split('class="print-sheet', 1)[1]
    assert "Name:" in sheet and 'rel="stylesheet" href="/static/css/print.css"' in student_html
    assert sheet.count('class="print-question"') == len(questions)
    assert "Answer key" not in sheet and "Why:" not in sheet and "mark-gold" not in sheet
    for question in questions:
        if question.explanation:
            assert question.explanation not in text_of(sheet)
    assert "☐" in sheet and "Underline the words" in sheet
    assert 'class="print-paragraph-number"' in sheet
    key = text_of(key_html.split('class="print-sheet', 1)[1])
    assert "Answer key" in key and key.count("Answer:") == len(questions)
    for question in questions:
        if question.explanation:
            assert question.explanation in key
    assert " style=" not in student_html and "<script" not in student_html


# --- Gradebook states and averages -----------------------------------------------------------


def test_gradebook_states_follow_each_students_own_due_date(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    with app.app_context():
        assignment = db.session.get(Assignment, setup["fresh"])
        assignment.due_at = utcnow() - timedelta(hours=1)
        db.session.add(
            Extension(
                assignment_id=assignment.id, student_id=setup["ann"], due_at=utcnow() + timedelta(days=1)
            )
        )
        db.session.commit()
    html = teacher.get(f"/teacher/classes/{setup['class']}/dashboard").get_data(as_text=True)
    tbody = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    ann, bob = (text_of(row) for row in tbody.split("<tr>")[1:])
    # "Nobody started" is the first column: Ann has an extension, Bob's due date has passed.
    assert "○ not started" in ann.split("Started")[0] and "own due date" in ann
    assert "✗ missing" in bob
    assert "✗ missing" not in ann


def test_count_missing_work_as_zero_in_averages(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    with app.app_context():
        for key in ("fresh", "started"):
            db.session.get(Assignment, setup[key]).due_at = utcnow() - timedelta(hours=1)
        db.session.commit()
    url = f"/teacher/classes/{setup['class']}/dashboard"
    plain = teacher.get(url).get_data(as_text=True)
    zero = teacher.get(url, query_string={"missing": "zero"}).get_data(as_text=True)
    # Ann: 100% on "Started" (handed in late) and missing "Nobody started"; Bob missing both.
    assert "Class average: 100%" in text_of(plain)
    assert "Class average: 25% (missing work as 0%)" in text_of(zero)  # Ann 50%, Bob 0%
    assert "Count missing work as zero" in plain and "Leave missing work out of the averages" in zero
    # The sort links keep the choice.
    assert "missing=zero" in zero.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert "missing=zero" not in plain.split("<thead>", 1)[1].split("</thead>", 1)[0]


def test_a_redraw_never_leaves_orphan_quizzes(
    app: Flask, teacher: FlaskClient, setup: dict[str, int]
) -> None:
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(Quiz))
    for _ in range(3):
        teacher.post(f"/teacher/assignments/{setup['fresh']}/quiz/redraw")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Quiz)) == count


def test_the_student_page_and_item_analysis_lead_to_answers_and_the_class_quiz(
    teacher: FlaskClient, setup: dict[str, int]
) -> None:
    page = teacher.get(f"/teacher/classes/{setup['class']}/dashboard/students/{setup['ann']}")
    assert f'href="/teacher/attempts/{setup["first"]}"' in page.get_data(as_text=True)
    board = teacher.get(f"/teacher/classes/{setup['class']}/dashboard").get_data(as_text=True)
    assert f'href="/teacher/assignments/{setup["fresh"]}/quiz"' in board
    assert f'href="/teacher/assignments/{setup["fresh"]}/print"' in board
    stats = teacher.get(f"/teacher/assignments/{setup['fresh']}/statistics").get_data(as_text=True)
    assert f'href="/teacher/assignments/{setup["fresh"]}/quiz"' in stats
    assert teacher.get(f"/teacher/classes/{setup['class']}/dashboard/students/{10**30}").status_code == 404
    assert teacher.get(f"/teacher/assignments/{10**30}/statistics/questions/1").status_code == 404


def test_dashboard_and_exports_agree_on_states_and_missing_zeros(app: Flask, setup: dict[str, int]) -> None:
    """Every state and every average of the dashboard matches the scores export, extensions included."""
    with app.app_context():
        for key in ("fresh", "started"):
            db.session.get(Assignment, setup[key]).due_at = utcnow() - timedelta(hours=1)
        db.session.add(
            Extension(
                assignment_id=setup["fresh"], student_id=setup["ann"], due_at=utcnow() + timedelta(days=1)
            )
        )
        db.session.commit()
        now = utcnow()
        school_class = db.session.get(SchoolClass, setup["class"])
        for missing_as_zero in (False, True):
            board = dashboard.class_dashboard(school_class, now, missing_as_zero=missing_as_zero)
            on_board = {
                (row.student.display_name, cell.assignment.title): (cell.state, cell.percent)
                for row in board.rows
                for cell in row.cells
            }
            chunks = exports.export_chunks(
                exports.SCORES,
                exports.Scope(class_id=setup["class"]),
                now=now,
                missing_as_zero=missing_as_zero,
            )
            exported = {
                (row["student"], row["assignment"]): (row["status"], row["percent"])
                for row in csv.DictReader(io.StringIO("".join(chunks), newline=""))
            }
            assert on_board.keys() == exported.keys()
            for key, (state, percent) in on_board.items():
                status, exported_percent = exported[key]
                assert state == status, key
                if percent is not None:
                    assert float(exported_percent) == pytest.approx(percent, abs=0.05), key
                elif state == "missing" and missing_as_zero:
                    assert exported_percent == "0", key
        assert {state for state, _ in on_board.values()} >= {"not started", "late", "missing"}
