"""Exports: the CSV layouts, kept attempts and states, CSV injection, streaming, access, the shell."""

from __future__ import annotations

import csv
import inspect
import io
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_login import login_user
from sqlalchemy import event, select

from app.domain import csv_export
from app.domain.question import SELECT, Question
from app.domain.scoring import runs
from app.extensions import db
from app.models import (
    ATTEMPTS_UNLIMITED,
    Article,
    Assignment,
    Attempt,
    Extension,
    Quiz,
    SchoolClass,
    Student,
    Teacher,
    utcnow,
)
from app.services import classes, exports, quizzes
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
TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]
BOM = b"\xef\xbb\xbf"


# --- Helpers --------------------------------------------------------------------------------


def work(
    student: Student, assignment: Assignment, right: int, answered: int | None = None, submit: bool = True
) -> Attempt:
    """Answer the first ``answered`` questions (all by default), the first ``right`` of them right."""
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.attempt_view(attempt).questions  # as this attempt shows them
    for position, question in enumerate(questions[: len(questions) if answered is None else answered]):
        answer = right_answer(question) if position < right else wrong_answer(question)
        attempt = db.session.get(Attempt, attempt.id)
        quizzes.record_answer(attempt, position, answer)
    if submit:
        quizzes.submit_attempt(db.session.get(Attempt, attempt.id))
    return db.session.get(Attempt, attempt.id)


def parse(data: bytes) -> list[list[str]]:
    assert not data.startswith(BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def as_dicts(data: bytes) -> list[dict[str, str]]:
    header, *rows = parse(data)
    return [dict(zip(header, row, strict=True)) for row in rows]


@dataclass
class World:
    class_id: int
    other_class_id: int
    join_code: str
    class_name: str
    titles: list[str]
    public_ids: dict[str, str]
    student_keys: dict[str, int]
    quiz_questions: list[Question]


@pytest.fixture
def world(app: Flask) -> World:
    """Year 9: Ann (all right, both quizzes), Zoë (half right), 李 (in progress), Dan (nothing).

    The first assignment is due next week; the second was due yesterday, so Ann's
    hand-in is late, and Dan, who never started it, is late too.  Another teacher
    has a class of their own.
    """
    with app.app_context():
        teacher = make_teacher(OWNER)
        other = make_teacher(OTHER)
        school_class = make_class(teacher, "Year 9 English")
        other_class = make_class(other, "Other class")
        version = import_sample()
        now = utcnow()
        current = make_assignment(school_class, version, title="Raqqa", due_at=now + timedelta(days=7))
        yesterday = now - timedelta(days=1)
        past = make_assignment(school_class, version, title="Raqqa again", due_at=yesterday, seed=3)
        students = {name: make_student(school_class, name) for name in ("Ann", "Zoë", "李", "Dan")}
        questions = quizzes.questions_of(current.quiz)
        work(students["Ann"], current, right=len(questions))
        work(students["Ann"], past, right=len(questions))
        work(students["Zoë"], current, right=len(questions) // 2)
        work(students["李"], current, right=2, answered=3, submit=False)
        stranger = make_student(other_class, "Stranger")
        work(stranger, make_assignment(other_class, version, title="Elsewhere"), right=1)
        return World(
            class_id=school_class.id,
            other_class_id=other_class.id,
            join_code=school_class.join_code,
            class_name=school_class.name,
            titles=["Raqqa", "Raqqa again"],
            public_ids={name: s.public_id for name, s in students.items()},
            student_keys={name: s.id for name, s in students.items()},
            quiz_questions=questions,
        )


def download(client: FlaskClient, world: World, kind: str, **query: Any) -> Any:
    response = client.get(f"/teacher/classes/{world.class_id}/exports/{kind}.csv", query_string=query)
    assert response.status_code == 200, response.status_code
    return response


# --- Scores ---------------------------------------------------------------------------------


def test_scores_csv_has_one_row_per_student_and_assignment(client: FlaskClient, world: World) -> None:
    login_teacher(client, OWNER)
    response = download(client, world, "scores")
    assert response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8"
    assert re.fullmatch(
        rf'attachment; filename="sourcewise-scores-{world.join_code.lower()}-\d{{4}}-\d{{2}}-\d{{2}}\.csv"',
        response.headers["Content-Disposition"],
    )
    assert response.headers["Cache-Control"] == "no-store"
    header, *rows = parse(response.data)
    assert tuple(header) == csv_export.SCORES_COLUMNS
    table = {(row["student"], row["assignment"]): row for row in as_dicts(response.data)}
    assert len(rows) == 8 and len(table) == 8
    # Students by name, then assignments in the order they were set.
    assert [(r[1], r[3]) for r in rows[:2]] == [("Ann", "Raqqa"), ("Ann", "Raqqa again")]

    ann = table["Ann", "Raqqa"]
    assert ann["class"] == "Year 9 English"
    assert ann["student_id"] == world.public_ids["Ann"]
    assert ann["student_id"] != str(world.student_keys["Ann"])
    assert (ann["quiz_id"], ann["quiz_version"]) == ("raqqa-assault-2015", "1")
    assert (ann["attempts"], ann["status"]) == ("1", "on time")
    assert (ann["score"], ann["max_score"], ann["percent"]) == ("12", "12", "100")
    assert (ann["sources_pct"], ann["claims_pct"], ann["framing_pct"]) == ("100", "100", "100")
    for moment in (ann["started_at"], ann["submitted_at"]):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", moment)
    assert ann["started_at"] <= ann["submitted_at"]

    assert table["Ann", "Raqqa again"]["status"] == "late"  # handed in after the due date
    zoe = table["Zoë", "Raqqa"]
    assert (zoe["status"], zoe["score"], zoe["percent"]) == ("on time", "6", "50")
    in_progress = table["李", "Raqqa"]
    assert (in_progress["status"], in_progress["attempts"]) == ("in progress", "1")
    assert (in_progress["submitted_at"], in_progress["score"]) == ("", "2")
    dan = table["Dan", "Raqqa"]
    assert (dan["status"], dan["attempts"], dan["started_at"], dan["score"], dan["percent"]) == (
        "not started", "0", "", "", ""
    )  # fmt: skip
    # Past the due date with nothing handed in: missing, as on the dashboard.
    assert table["Dan", "Raqqa again"]["status"] == "missing"
    assert table["Zoë", "Raqqa again"]["percent"] == ""  # missing work has no percent by default


def test_the_kept_attempt_is_the_best_submitted_one(app: Flask, client: FlaskClient, world: World) -> None:
    with app.app_context():
        school_class = db.session.get(SchoolClass, world.class_id)
        student = make_student(school_class, "Eve")
        assignment = make_assignment(school_class, title="Practice", attempts_policy=ATTEMPTS_UNLIMITED)
        length = len(assignment.quiz.questions)
        work(student, assignment, right=3)
        work(student, assignment, right=length)
        work(student, assignment, right=6)
        work(student, assignment, right=0, answered=1, submit=False)
    login_teacher(client, OWNER)
    rows = as_dicts(download(client, world, "scores").data)
    [eve] = [row for row in rows if (row["student"], row["assignment"]) == ("Eve", "Practice")]
    assert (eve["attempts"], eve["status"], eve["percent"]) == ("4", "submitted", "100")


def test_removed_students_keep_their_past_work_unless_it_was_deleted(
    app: Flask, client: FlaskClient, world: World
) -> None:
    with app.app_context():
        classes.remove_student(db.session.get(Student, world.student_keys["Ann"]), delete_attempts=False)
        classes.remove_student(db.session.get(Student, world.student_keys["Zoë"]), delete_attempts=True)
        classes.remove_student(db.session.get(Student, world.student_keys["Dan"]), delete_attempts=False)
    login_teacher(client, OWNER)
    rows = as_dicts(download(client, world, "scores").data)
    assert {(row["student"], row["assignment"]) for row in rows} == {
        ("Ann", "Raqqa"), ("Ann", "Raqqa again"), ("李", "Raqqa"), ("李", "Raqqa again"),
    }  # fmt: skip
    responses = as_dicts(download(client, world, "responses").data)
    assert {row["student_id"] for row in responses} == {world.public_ids["Ann"], world.public_ids["李"]}


def _extend(app: Flask, world: World, name: str, title: str, due: Any) -> None:
    """Give one student their own due date for one assignment (as the extension form would)."""
    with app.app_context():
        assignment = db.session.scalars(
            select(Assignment).where(Assignment.class_id == world.class_id, Assignment.title == title)
        ).one()
        db.session.add(
            Extension(assignment_id=assignment.id, student_id=world.student_keys[name], due_at=due)
        )
        db.session.commit()


def test_missing_work_can_count_as_zero_in_scores_and_gradebook(
    app: Flask, client: FlaskClient, world: World
) -> None:
    # Dan has an extension to next week for "Raqqa again": his work there is not missing.
    _extend(app, world, "Dan", "Raqqa again", utcnow() + timedelta(days=7))
    login_teacher(client, OWNER)
    plain = {(r["student"], r["assignment"]): r for r in as_dicts(download(client, world, "scores").data)}
    zero = {
        (r["student"], r["assignment"]): r
        for r in as_dicts(download(client, world, "scores", missing="zero").data)
    }
    assert (plain["Zoë", "Raqqa again"]["status"], plain["Zoë", "Raqqa again"]["percent"]) == ("missing", "")
    assert (zero["Zoë", "Raqqa again"]["status"], zero["Zoë", "Raqqa again"]["percent"]) == ("missing", "0")
    assert (zero["李", "Raqqa again"]["status"], zero["李", "Raqqa again"]["percent"]) == ("missing", "0")
    # The extension moves Dan's due date: not started, not missing, so no zero either.
    assert (zero["Dan", "Raqqa again"]["status"], zero["Dan", "Raqqa again"]["percent"]) == (
        "not started",
        "",
    )
    # Work not due yet, and handed-in work, are unchanged.
    assert zero["Dan", "Raqqa"]["percent"] == "" and zero["Ann", "Raqqa again"]["percent"] == "100"
    assert {key: row for key, row in zero.items() if row["status"] != "missing"} == {
        key: row for key, row in plain.items() if row["status"] != "missing"
    }

    _header, _points, *rows = parse(download(client, world, "gradebook", missing="zero").data)
    assert rows == [
        ["Ann", "", "", "", "Year 9 English", "100", "100"],
        ["Dan", "", "", "", "Year 9 English", "", ""],
        ["Zoë", "", "", "", "Year 9 English", "50", "0"],
        ["李", "", "", "", "Year 9 English", "", "0"],
    ]
    page = client.get(f"/teacher/classes/{world.class_id}/exports").get_data(as_text=True)
    assert f"/teacher/classes/{world.class_id}/exports/scores.csv?missing=zero" in page
    assert f"/teacher/classes/{world.class_id}/exports/gradebook.csv?missing=zero" in page


def test_a_late_hand_in_within_an_extension_is_on_time(app: Flask, client: FlaskClient, world: World) -> None:
    _extend(app, world, "Ann", "Raqqa again", utcnow() + timedelta(days=1))
    login_teacher(client, OWNER)
    table = {(r["student"], r["assignment"]): r for r in as_dicts(download(client, world, "scores").data)}
    assert table["Ann", "Raqqa again"]["status"] == "on time"
    assert table["Zoë", "Raqqa again"]["status"] == "missing"  # extensions are per student


# --- Responses ------------------------------------------------------------------------------


def test_responses_csv_has_one_row_per_answer(client: FlaskClient, world: World) -> None:
    login_teacher(client, OWNER)
    data = download(client, world, "responses").data
    assert tuple(parse(data)[0]) == csv_export.RESPONSES_COLUMNS
    rows = as_dicts(data)
    questions = world.quiz_questions
    # Ann 12 + 12, Zoë 12, 李 3 answers; nothing from the other teacher's class.
    assert len(rows) == 12 + 12 + 12 + 3
    assert {row["class"] for row in rows} == {"Year 9 English"}
    ann_id = world.public_ids["Ann"]
    ann = [row for row in rows if (row["student_id"], row["assignment"]) == (ann_id, "Raqqa")]
    assert [row["question"] for row in ann] == [str(n) for n in range(1, 13)]
    for row, question in zip(ann, questions, strict=True):
        assert (row["attempt"], row["kind"], row["skill"]) == ("1", question.kind, question.skill)
        # The right choices, or the selected words run by run (adjacent right passages make one run).
        if question.type == SELECT:
            gold = {i for s, e in question.gold for i in range(s, e)}
            expected = " | ".join(" ".join(question.words[s:e]) for s, e in runs(gold))
        else:
            expected = " | ".join(question.answer_text)
        assert row["answer"] == expected
        assert (row["score"], row["max"]) == ("1", "1")
    in_progress = [row for row in rows if row["student_id"] == world.public_ids["李"]]
    assert [row["question"] for row in in_progress] == ["1", "2", "3"]
    assert {row["student"] for row in in_progress} == {"李"}
    wrong = in_progress[2]
    picked = int(wrong_answer(questions[2])[0])
    expected = questions[2].words[picked] if questions[2].type == SELECT else questions[2].choices[picked]
    assert (wrong["answer"], wrong["score"]) == (expected, "0")


def test_responses_csv_names_each_student_next_to_their_id(client: FlaskClient, world: World) -> None:
    """The export page says students appear by display name: the responses CSV has the name too."""
    login_teacher(client, OWNER)
    header, *rows = parse(download(client, world, "responses").data)
    assert header[:3] == ["class", "student", "student_id"]
    names_by_id = {row[2]: row[1] for row in rows}
    assert names_by_id == {world.public_ids[name]: name for name in ("Ann", "Zoë", "李")}
    page = client.get(f"/teacher/classes/{world.class_id}/exports").get_data(as_text=True)
    assert "the student’s display name and pseudonymous id" in page


# --- Gradebook ------------------------------------------------------------------------------


def test_gradebook_csv_is_in_the_canvas_layout(client: FlaskClient, world: World) -> None:
    login_teacher(client, OWNER)
    header, points, *rows = parse(download(client, world, "gradebook").data)
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *world.titles]
    assert points == ["    Points Possible", "", "", "", "", "100", "100"]
    assert rows == [
        ["Ann", "", "", "", "Year 9 English", "100", "100"],
        ["Dan", "", "", "", "Year 9 English", "", ""],
        ["Zoë", "", "", "", "Year 9 English", "50", ""],
        ["李", "", "", "", "Year 9 English", "", ""],  # in progress: no grade yet
    ]


def test_all_classes_export_covers_every_own_class_and_no_other(
    app: Flask, client: FlaskClient, world: World
) -> None:
    with app.app_context():
        teacher = db.session.scalar(select(Teacher).where(Teacher.email == OWNER))
        second = make_class(teacher, "Year 10 History")
        make_student(second, "Bea")
        make_assignment(second, title="Raqqa")  # the same title as in Year 9
    login_teacher(client, OWNER)
    response = client.get("/teacher/exports/scores.csv")
    assert response.status_code == 200
    assert "sourcewise-scores-all-classes-" in response.headers["Content-Disposition"]
    rows = as_dicts(response.data)
    assert {row["class"] for row in rows} == {"Year 9 English", "Year 10 History"}
    assert not any(row["student"] == "Stranger" or row["assignment"] == "Elsewhere" for row in rows)

    header, _points, *grades = parse(client.get("/teacher/exports/gradebook.csv").data)
    assert header[5:] == ["Raqqa", "Raqqa #2", "Raqqa again"]  # Year 10 first (by name), titles told apart
    bea = next(row for row in grades if row[0] == "Bea")
    assert bea[4:] == ["Year 10 History", "", "", ""]
    responses = as_dicts(client.get("/teacher/exports/responses.csv").data)
    assert {row["class"] for row in responses} == {"Year 9 English"}  # Bea has not answered anything


# --- Every export: encoding, Excel, injection, streaming ------------------------------------


@pytest.mark.parametrize("kind", exports.KINDS)
def test_excel_option_adds_the_byte_order_mark_and_names_stay_utf8(
    client: FlaskClient, world: World, kind: str
) -> None:
    login_teacher(client, OWNER)
    plain = download(client, world, kind).data
    excel = download(client, world, kind, excel=1).data
    assert not plain.startswith(BOM)
    assert excel == BOM + plain
    assert "Zoë".encode() in plain and "李".encode() in plain


def _make_hostile(app: Flask, world: World, trigger: str) -> dict[str, str]:
    """Put a formula in every text value the exports show; written straight to the database,
    as data imported from elsewhere might be (the forms would trim a leading tab)."""
    values = {
        "class": f"{trigger}1 class",
        "student": f'{trigger}HYPERLINK("https://evil.example","Ann")',
        "student_id": f"{trigger}pid1",
        "assignment": f"{trigger}SUM(A1:A9)",
        "quiz_id": f"{trigger}slug",
        "kind": f"{trigger}kind",
        "skill": f"{trigger}skill",
    }
    with app.app_context():
        school_class = db.session.get(SchoolClass, world.class_id)
        school_class.name = values["class"]
        ann = db.session.get(Student, world.student_keys["Ann"])
        ann.display_name = values["student"]
        ann.public_id = values["student_id"]
        for assignment in db.session.scalars(select(Assignment).where(Assignment.class_id == world.class_id)):
            assignment.title = values["assignment"]
            quiz = db.session.get(Quiz, assignment.quiz_id)
            hostile = []
            for data in quiz.questions:
                data = dict(data)
                data["kind"], data["skill"] = values["kind"], values["skill"]
                data["choices"] = [f"{trigger}{choice}" for choice in data.get("choices", [])]
                data["words"] = [f"{trigger}{word}" for word in data.get("words", [])]
                hostile.append(data)
            quiz.questions = hostile
            article = db.session.get(Article, quiz.article_version.article_id)
            article.slug = values["quiz_id"]
        db.session.commit()
    return values


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_every_text_column_of_every_export_is_inert(
    app: Flask, client: FlaskClient, world: World, trigger: str
) -> None:
    values = _make_hostile(app, world, trigger)
    login_teacher(client, OWNER)
    seen: dict[str, set[str]] = {}
    for kind in exports.KINDS:
        rows = parse(download(client, world, kind).data)
        for row in rows:
            for cell in row:
                assert not cell or cell[0] not in "=+-@\t\r", (kind, cell)
                stripped = cell.lstrip()
                assert not stripped or stripped[0] not in "=+-@" or cell.startswith("'"), (kind, cell)
        header, *body = rows
        if kind == "gradebook":
            seen["gradebook header"] = set(header[5:])
            seen["gradebook student"] = {row[0] for row in body[1:]}
            seen["gradebook section"] = {row[4] for row in body[1:]}
        else:
            for column in header:
                seen.setdefault(f"{kind} {column}", set()).update(row[header.index(column)] for row in body)
    inert = {name: "'" + value for name, value in values.items()}
    assert inert["class"] in seen["scores class"] and inert["class"] in seen["responses class"]
    assert inert["student"] in seen["scores student"] and inert["student"] in seen["responses student"]
    assert inert["student_id"] in seen["scores student_id"]
    assert inert["student_id"] in seen["responses student_id"]
    assert {inert["assignment"]} == seen["scores assignment"] == seen["responses assignment"]
    assert seen["scores quiz_id"] == {inert["quiz_id"]}
    assert seen["responses kind"] == {inert["kind"]} and seen["responses skill"] == {inert["skill"]}
    assert all(answer.startswith("'" + trigger) for answer in seen["responses answer"])
    assert seen["gradebook header"] == {inert["assignment"], inert["assignment"] + " #2"}
    assert inert["student"] in seen["gradebook student"]
    assert seen["gradebook section"] == {inert["class"]}


def test_the_download_is_a_streamed_generator(app: Flask, world: World) -> None:
    with app.test_request_context(f"/teacher/classes/{world.class_id}/exports/responses.csv"):
        login_user(db.session.scalar(select(Teacher).where(Teacher.email == OWNER)))
        response = app.view_functions["exports.download_class"](class_id=world.class_id, kind="responses")
        assert response.is_streamed
        assert not isinstance(response.response, list | tuple)
        body = b"".join(response.iter_encoded())
    assert len(parse(body)) == 1 + 39


def test_an_export_reads_nothing_until_it_is_iterated(app: Flask, world: World) -> None:
    statements: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with app.app_context():
        teacher = db.session.scalar(select(Teacher).where(Teacher.email == OWNER))
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            for kind in exports.KINDS:
                before = len(statements)
                export = exports.teacher_export(teacher, kind, now=utcnow())
                assert inspect.isgenerator(export.chunks)
                assert len(statements) == before
                first = next(export.chunks)
                assert len(statements) > before  # the query runs when the download starts
                assert first.startswith('"')
        finally:
            event.remove(db.engine, "before_cursor_execute", record)


# --- Pages and access ----------------------------------------------------------------------


def test_the_export_pages_offer_every_download_with_the_excel_option(
    client: FlaskClient, world: World
) -> None:
    login_teacher(client, OWNER)
    page = client.get(f"/teacher/classes/{world.class_id}/exports")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count("<h1") == 1 and "Export Year 9 English" in html
    for kind in exports.KINDS:
        assert f'href="/teacher/classes/{world.class_id}/exports/{kind}.csv"' in html
        assert f'href="/teacher/classes/{world.class_id}/exports/{kind}.csv?excel=1"' in html
    overview = client.get("/teacher/exports").get_data(as_text=True)
    assert overview.count("<h1") == 1
    assert f'href="/teacher/classes/{world.class_id}/exports"' in overview
    assert f"/teacher/classes/{world.other_class_id}/exports" not in overview
    assert 'href="/teacher/exports/gradebook.csv?excel=1"' in overview


def test_class_names_are_escaped_on_the_export_page(app: Flask, client: FlaskClient, world: World) -> None:
    with app.app_context():
        db.session.get(SchoolClass, world.class_id).name = "<script>alert(1)</script>"
        db.session.commit()
    login_teacher(client, OWNER)
    html = client.get(f"/teacher/classes/{world.class_id}/exports").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize("kind", list(exports.KINDS))
def test_another_teachers_class_does_not_exist(client: FlaskClient, world: World, kind: str) -> None:
    login_teacher(client, OTHER)
    assert client.get(f"/teacher/classes/{world.class_id}/exports").status_code == 404
    assert client.get(f"/teacher/classes/{world.class_id}/exports/{kind}.csv").status_code == 404
    own = client.get(f"/teacher/exports/{kind}.csv")
    assert b"Year 9 English" not in own.data and world.public_ids["Ann"].encode() not in own.data


EXPORT_PAGES = ["/teacher/exports", "/teacher/exports/scores.csv", "/teacher/classes/{c}/exports",
                "/teacher/classes/{c}/exports/responses.csv"]  # fmt: skip


@pytest.mark.parametrize("template", EXPORT_PAGES)
def test_visitors_are_sent_to_log_in_and_students_are_refused(
    app: Flask, client: FlaskClient, world: World, template: str
) -> None:
    url = template.format(c=world.class_id)
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    with app.app_context():
        login_student(client, db.session.get(Student, world.student_keys["Ann"]))
    assert client.get(url).status_code == 403


def test_an_unknown_export_is_404(client: FlaskClient, world: World) -> None:
    login_teacher(client, OWNER)
    assert client.get("/teacher/exports/passwords.csv").status_code == 404
    assert client.get(f"/teacher/classes/{world.class_id}/exports/passwords.csv").status_code == 404


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, migrated_database: str, tmp_path: Path) -> dict[str, Any]:
        return make_config(migrated_database, tmp_path, WTF_CSRF_ENABLED=True)

    def test_downloads_are_plain_gets_and_posts_are_refused(self, client: FlaskClient, world: World) -> None:
        # Exports change nothing, so they are GET links without a token; nothing here accepts a POST.
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        client.post("/login", data={"email": OWNER, "password": "correct horse battery", "csrf_token": token})
        url = f"/teacher/classes/{world.class_id}/exports/scores.csv"
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 405
        assert client.post("/teacher/exports").status_code == 405


# --- The shell ------------------------------------------------------------------------------


def test_cli_exports_every_class_to_standard_output(runner: FlaskCliRunner, world: World) -> None:
    result = runner.invoke(args=["export", "scores"])
    assert result.exit_code == 0, result.output
    rows = as_dicts(result.stdout_bytes)
    assert {row["class"] for row in rows} == {"Year 9 English", "Other class"}
    assert "Zoë" in result.stdout and "李" in result.stdout


@pytest.mark.parametrize("kind", exports.KINDS)
def test_cli_exports_one_class_to_a_file(
    runner: FlaskCliRunner, world: World, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"{kind}.csv"
    result = runner.invoke(args=["export", kind, "--class", world.join_code.lower(), "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert f"to {target}" in result.stderr
    data = target.read_bytes()
    stdout = runner.invoke(args=["export", kind, "--class", world.join_code]).stdout_bytes
    assert data == stdout
    assert b"Other class" not in data and b"Year 9 English" in data
    excel = tmp_path / "excel.csv"
    runner.invoke(args=["export", kind, "--class", world.join_code, "--output", str(excel), "--excel"])
    assert excel.read_bytes() == BOM + data


def test_cli_refuses_an_unknown_class_code(runner: FlaskCliRunner, world: World) -> None:
    result = runner.invoke(args=["export", "responses", "--class", "ZZZZZZ"])
    assert result.exit_code != 0
    assert "No class has the code" in result.output
