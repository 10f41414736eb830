"""Due dates that mean something, and assignments the teacher controls.

Closing at the due date or accepting late work, the attempt in progress handed in at the close,
per-student extensions (a later date, extra attempts), due dates typed and shown in the class's
time zone, when a test's right answers are shown, and editing and deleting assignments.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.domain import deadlines
from app.extensions import db
from app.models import (
    ATTEMPTS_ONE,
    ATTEMPTS_UNLIMITED,
    FEEDBACK_TEST,
    LATE_ACCEPT,
    LATE_CLOSE,
    SHOW_ANSWERS_AFTER_DUE,
    SHOW_ANSWERS_NEVER,
    Assignment,
    Attempt,
    Extension,
    Quiz,
    Response,
    SchoolClass,
    Student,
    utcnow,
)
from app.services import dashboard, exports, quizzes
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

HOUR = timedelta(hours=1)


def text_of(response: Any) -> str:
    text = re.sub(r"<[^>]+>", "", response.get_data(as_text=True))
    return " ".join(unescape(text).split())


def _set_due(assignment_id: int, due: datetime | None) -> None:
    """The due date moves (instead of the clock): what a student meets when it has passed."""
    assignment = db.session.get_one(Assignment, assignment_id)
    assignment.due_at = due
    db.session.commit()


@pytest.fixture
def world(app_ctx: Flask) -> dict[str, Any]:
    teacher = make_teacher("due@school.example")
    school_class = make_class(teacher, "Year 8")
    return {
        "teacher": teacher,
        "class": school_class,
        "ann": make_student(school_class, "Ann"),
        "bob": make_student(school_class, "Bob"),
        "version": import_sample(),
    }


def _answer_first(assignment: Assignment, attempt: Attempt, count: int, right: bool = True) -> None:
    questions = quizzes.questions_of(assignment.quiz)
    for position in range(count):
        values = right_answer(questions[position]) if right else wrong_answer(questions[position])
        quizzes.record_answer(attempt, position, values)


# --- Close or accept --------------------------------------------------------------------------


def test_a_closing_assignment_refuses_answers_after_the_due_date_and_hands_in_what_it_had(
    world: dict[str, Any],
) -> None:
    assignment = make_assignment(
        world["class"], world["version"], due_at=utcnow() + HOUR, late_policy=LATE_CLOSE
    )
    attempt = quizzes.start_attempt(world["ann"], assignment)
    _answer_first(assignment, attempt, 3)
    due = utcnow() - timedelta(minutes=5)
    _set_due(assignment.id, due)

    question = quizzes.questions_of(assignment.quiz)[3]
    with pytest.raises(quizzes.QuizError, match="This quiz closed at .*handed in"):
        quizzes.record_answer(attempt, 3, right_answer(question))
    stored = db.session.get_one(Attempt, attempt.id)
    assert stored.submitted_at == due, "handed in at the due date, not when it was noticed"
    assert stored.score == 3.0
    assert db.session.scalar(select(func.count(Response.id)).where(Response.attempt_id == attempt.id)) == 3
    # Nothing new either: starting again is refused with the same message.
    with pytest.raises(quizzes.QuizError, match="This quiz closed at"):
        quizzes.start_attempt(world["bob"], assignment)
    assert db.session.scalar(select(func.count(Attempt.id)).where(Attempt.student_id == world["bob"].id)) == 0


def test_accepting_late_work_takes_answers_after_the_due_date_and_marks_them_late(
    world: dict[str, Any],
) -> None:
    assignment = make_assignment(
        world["class"], world["version"], due_at=utcnow() - HOUR, late_policy=LATE_ACCEPT
    )
    attempt = quizzes.start_attempt(world["ann"], assignment)
    _answer_first(assignment, attempt, 2)
    submitted = quizzes.submit_attempt(attempt)
    assert submitted.score == 2.0 and submitted.submitted_at > assignment.due_at
    [item] = quizzes.student_assignments(world["ann"])
    assert not item.closed
    assert item.state(utcnow()) == deadlines.LATE
    [bob_item] = quizzes.student_assignments(world["bob"])
    assert bob_item.can_start and bob_item.state(utcnow()) == deadlines.MISSING


def test_closing_needs_a_due_date(world: dict[str, Any]) -> None:
    with pytest.raises(quizzes.QuizError, match="set a due date"):
        make_assignment(world["class"], world["version"], late_policy=LATE_CLOSE)


# --- The attempt in progress at the close ---------------------------------------------------


def test_the_attempt_in_progress_is_handed_in_when_anything_reads_it_after_the_close(
    app: Flask, world: dict[str, Any]
) -> None:
    assignment = make_assignment(
        world["class"], world["version"], due_at=utcnow() + HOUR, late_policy=LATE_CLOSE
    )
    ann_attempt = quizzes.start_attempt(world["ann"], assignment)
    _answer_first(assignment, ann_attempt, 2)
    bob_attempt = quizzes.start_attempt(world["bob"], assignment)
    _answer_first(assignment, bob_attempt, 1, right=False)
    ann_id, bob_id, due = ann_attempt.id, bob_attempt.id, utcnow() - HOUR
    _set_due(assignment.id, due)

    # The student's list closes their own attempt: listed as submitted and closed, score kept.
    [item] = quizzes.student_assignments(db.session.get_one(Student, world["ann"].id))
    assert item.closed and item.status == quizzes.SUBMITTED and item.open_attempt is None
    assert item.kept is not None and item.kept.score == 2.0 and item.kept.submitted_at == due
    assert item.state(utcnow()) == deadlines.ON_TIME, "handed in at the close is on time"
    assert not item.can_start_again
    assert db.session.get_one(Attempt, bob_id).submitted_at is None, "only the student's own"

    # A teacher's page calls it for the class; a second call (or a racing one) changes nothing.
    assert quizzes.submit_overdue_attempts(class_id=world["class"].id) == 1
    assert quizzes.submit_overdue_attempts(class_id=world["class"].id) == 0
    bob = db.session.get_one(Attempt, bob_id)
    assert bob.submitted_at == due and bob.score == 0.0
    assert db.session.get_one(Attempt, ann_id).submitted_at == due


def test_opening_the_attempt_after_the_close_hands_it_in(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, "Cleo")
        assignment = make_assignment(school_class, due_at=utcnow() + HOUR, late_policy=LATE_CLOSE)
        attempt = quizzes.start_attempt(student, assignment)
        _answer_first(assignment, attempt, 1)
        attempt_id, assignment_id = attempt.id, assignment.id
        login_student(client, student)
        question = quizzes.questions_of(assignment.quiz)[1]
        _set_due(assignment_id, utcnow() - timedelta(minutes=1))
    # The question page was open: the answer sent after the close is refused with a clear message.
    response = client.post(f"/attempts/{attempt_id}/questions/2", data={"answer": right_answer(question)})
    assert response.status_code == 302 and response.location == f"/attempts/{attempt_id}/results"
    page = text_of(client.get(response.location))
    assert "This quiz closed at" in page and "Your answers from before then are handed in." in page
    assert "You scored 1 out of" in page
    home = text_of(client.get("/quizzes"))
    assert "Closed" in home
    assert f'action="/assignments/{assignment_id}/start"' not in client.get("/quizzes").get_data(as_text=True)


# --- Extensions -------------------------------------------------------------------------------


def test_an_extension_date_reopens_a_closed_assignment_for_that_student_only(world: dict[str, Any]) -> None:
    now = utcnow()
    assignment = make_assignment(world["class"], world["version"], due_at=now + HOUR, late_policy=LATE_CLOSE)
    quizzes.set_extension(assignment, world["ann"], due_at=now + 3 * HOUR, extra_attempts=0)
    later = now + 2 * HOUR  # past the class's due date, before Ann's

    ann = quizzes.start_attempt(world["ann"], assignment, now=later)
    with pytest.raises(quizzes.QuizError, match="closed"):
        quizzes.start_attempt(world["bob"], assignment, now=later)
    items = {item.assignment.id: item for item in quizzes.student_assignments(world["ann"], now=later)}
    assert not items[assignment.id].closed and items[assignment.id].due == now + 3 * HOUR
    [bob_item] = quizzes.student_assignments(world["bob"], now=later)
    assert bob_item.closed and bob_item.due == now + HOUR
    # Ann's attempt closes at her own date.
    assert quizzes.submit_overdue_attempts(now=later, student_id=world["ann"].id) == 0
    assert quizzes.submit_overdue_attempts(now=now + 4 * HOUR, student_id=world["ann"].id) == 1
    assert db.session.get_one(Attempt, ann.id).submitted_at == now + 3 * HOUR
    # Late by her own date: handing in between the class's date and hers is on time.
    assert deadlines.submission_state(items[assignment.id].due, later, later) == deadlines.ON_TIME


def test_an_extra_attempt_lets_one_student_take_a_one_attempt_quiz_again(world: dict[str, Any]) -> None:
    assignment = make_assignment(world["class"], world["version"], attempts_policy=ATTEMPTS_ONE)
    first = quizzes.start_attempt(world["ann"], assignment)
    quizzes.submit_attempt(first)
    with pytest.raises(quizzes.QuizError, match="already done"):
        quizzes.start_attempt(world["ann"], assignment)
    quizzes.set_extension(assignment, world["ann"], due_at=None, extra_attempts=1)
    [item] = quizzes.student_assignments(world["ann"])
    assert item.can_start_again and item.allowed == 2
    second = quizzes.start_attempt(world["ann"], assignment)
    assert second.number == 2
    quizzes.submit_attempt(second)
    with pytest.raises(quizzes.QuizError, match="already done"):
        quizzes.start_attempt(world["ann"], assignment)
    assert not quizzes.student_assignments(world["ann"])[0].can_start_again


def test_extensions_are_set_listed_and_removed_from_the_settings_page(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        teacher = make_teacher("ext@school.example")
        school_class = make_class(teacher, "Year 7")
        ann = make_student(school_class, "Ann")
        assignment = make_assignment(school_class, due_at=utcnow() + HOUR, late_policy=LATE_CLOSE)
        assignment_id, ann_id, due = assignment.id, ann.id, assignment.due_at
    login_teacher(client, "ext@school.example")
    url = f"/teacher/assignments/{assignment_id}/extensions"
    later = (due + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, data={"student_id": ann_id, "extension_due_at": later, "extra_attempts": "2"})
    assert response.status_code == 302
    page = text_of(client.get(f"/teacher/assignments/{assignment_id}/edit"))
    assert "Extension for Ann saved." in page
    with app.app_context():
        [extension] = db.session.scalars(select(Extension)).all()
        assert extension.student_id == ann_id and extension.extra_attempts == 2
        assert extension.due_at == (due + timedelta(days=1)).replace(second=0, microsecond=0)
        extension_id = extension.id
    # Refused: earlier than the class's date, nothing given, too many attempts.
    earlier = (due - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    bad = client.post(url, data={"student_id": ann_id, "extension_due_at": earlier, "extra_attempts": "0"})
    assert bad.status_code == 422 and "must end after the class's due date" in text_of(bad)
    assert re.search(r'id="extension_due_at-error">[^<]*must end after', bad.get_data(as_text=True))
    ids = re.findall(r'\sid="([^"]+)"', bad.get_data(as_text=True))
    assert len(ids) == len(set(ids)), "the settings and extension forms share a page: ids must differ"
    bad = client.post(url, data={"student_id": ann_id, "extension_due_at": "", "extra_attempts": "0"})
    assert bad.status_code == 422 and "Give a later due date, extra attempts, or both." in text_of(bad)
    bad = client.post(url, data={"student_id": ann_id, "extra_attempts": "99999999999999999999999"})
    assert bad.status_code == 422 and "Give between 0 and 20 extra attempts." in text_of(bad)
    remove = client.post(f"/teacher/assignments/{assignment_id}/extensions/{extension_id}/remove")
    assert remove.status_code == 302
    assert "Ann's extension is removed" in text_of(client.get(remove.location))
    with app.app_context():
        assert db.session.scalar(select(func.count(Extension.id))) == 0
    assert client.post(f"/teacher/assignments/{assignment_id}/extensions/{2**70}/remove").status_code == 404


# --- Time zones -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local_day", "utc_hour"),
    [("2031-01-14", 14), ("2031-07-15", 13)],  # New York is UTC-5 in winter, UTC-4 in summer
    ids=["winter", "summer"],
)
def test_a_due_date_typed_at_nine_in_the_class_zone_is_stored_in_utc_and_shown_as_nine(
    app: Flask, client: FlaskClient, local_day: str, utc_hour: int
) -> None:
    with app.app_context():
        teacher = make_teacher("tz@school.example")
        school_class = make_class(teacher, "Year 9 New York")
        school_class.time_zone = "America/New_York"
        db.session.commit()
        make_student(school_class, "Ann")
        version = import_sample()
        class_id, version_id = school_class.id, version.id
    login_teacher(client, "tz@school.example")
    form_page = text_of(client.get(f"/teacher/assign?class_id={class_id}"))
    assert "Type it in the class's time zone, America/New_York." in form_page
    response = client.post(
        "/teacher/assign",
        data={
            "class_id": class_id,
            "version_id": version_id,
            "due_at": f"{local_day}T09:00",
            "late_policy": "close",
            "attempts_policy": "one",
            "feedback_mode": "practice",
            "answers_shown": "submitted",
        },
    )
    assert response.status_code == 302, text_of(response)
    with app.app_context():
        assignment = db.session.scalars(select(Assignment).where(Assignment.class_id == class_id)).one()
        year, month, day = map(int, local_day.split("-"))
        assert assignment.due_at == datetime(year, month, day, utc_hour, 0, tzinfo=UTC)
        assignment_id = assignment.id
    class_page = text_of(client.get(f"/teacher/classes/{class_id}"))
    # (The class settings list every zone, "UTC" among them: the due date itself is local.)
    assert "09:00 (America/New_York)" in class_page and f"{utc_hour:02d}:00" not in class_page
    settings = client.get(f"/teacher/assignments/{assignment_id}/edit").get_data(as_text=True)
    assert f'value="{local_day}T09:00"' in settings
    # Saving the settings unchanged keeps the same instant.
    form = {
        "title": "Renamed",
        "due_at": f"{local_day}T09:00",
        "late_policy": "close",
        "attempts_policy": "one",
        "feedback_mode": "practice",
        "answers_shown": "submitted",
    }
    assert client.post(f"/teacher/assignments/{assignment_id}/edit", data=form).status_code == 302
    with app.app_context():
        assignment = db.session.get_one(Assignment, assignment_id)
        assert assignment.due_at.hour == utc_hour and assignment.title == "Renamed"
        assert assignment.updated_at is not None
        ann = db.session.scalars(select(Student).where(Student.class_id == class_id)).one()
        login_student(client, ann)
    assert f"{int(local_day[-2:])} " in text_of(client.get("/quizzes"))
    assert "09:00 (America/New_York)" in text_of(client.get("/quizzes"))


def test_the_server_default_zone_applies_to_a_class_without_its_own(app: Flask) -> None:
    from app.services import times

    app.config["DEFAULT_TIME_ZONE"] = "Europe/Paris"
    with app.app_context():
        school_class = SchoolClass(name="x", join_code="ZZZZZZ", teacher_id=0, time_zone="")
        assert times.zone_name(school_class) == "Europe/Paris"
        stored = times.to_utc(school_class, datetime(2031, 1, 14, 9, 0))
        assert stored == datetime(2031, 1, 14, 8, 0, tzinfo=UTC)
        assert times.format_local(stored, school_class) == "Tue 14 Jan 2031, 09:00 (Europe/Paris)"


# --- When a test's right answers are shown ---------------------------------------------------


def _take_test(app: Flask, client: FlaskClient, **options: Any) -> tuple[int, int]:
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, "Dana")
        assignment = make_assignment(school_class, feedback_mode=FEEDBACK_TEST, **options)
        attempt = quizzes.start_attempt(student, assignment)
        _answer_first(assignment, attempt, 2)
        quizzes.submit_attempt(attempt)
        login_student(client, student)
        return assignment.id, attempt.id


KEY_MARKERS = ("Every question", "See question 1 with the article")


def test_test_answers_shown_once_submitted(app: Flask, client: FlaskClient) -> None:
    _, attempt_id = _take_test(app, client)
    page = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert "You scored 2 out of" in page
    assert all(marker in page for marker in KEY_MARKERS)


def test_test_answers_shown_after_the_due_date(app: Flask, client: FlaskClient) -> None:
    assignment_id, attempt_id = _take_test(
        app, client, due_at=utcnow() + HOUR, answers_shown=SHOW_ANSWERS_AFTER_DUE
    )
    page = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert "You scored 2 out of" in page and "Score by skill" in page
    assert not any(marker in page for marker in KEY_MARKERS)
    assert "You can see the right answers and explanations after the due date" in page
    feedback = text_of(client.get(f"/attempts/{attempt_id}/questions/1/feedback"))
    assert "The right answers are not shown yet." in feedback
    assert "Explanation" not in feedback and "Right answer" not in feedback
    with app.app_context():
        _set_due(assignment_id, utcnow() - timedelta(seconds=1))
    page = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert all(marker in page for marker in KEY_MARKERS)
    assert "not shown yet" not in text_of(client.get(f"/attempts/{attempt_id}/questions/1/feedback"))


def test_test_answers_never_shown(app: Flask, client: FlaskClient) -> None:
    _, attempt_id = _take_test(app, client, answers_shown=SHOW_ANSWERS_NEVER)
    page = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert "You scored 2 out of" in page
    assert "Your teacher chose not to show the right answers for this quiz." in page
    assert not any(marker in page for marker in KEY_MARKERS)


def test_answer_release_follows_the_students_own_due_date(world: dict[str, Any]) -> None:
    now = utcnow()
    assignment = make_assignment(
        world["class"],
        world["version"],
        feedback_mode=FEEDBACK_TEST,
        answers_shown=SHOW_ANSWERS_AFTER_DUE,
        due_at=now + HOUR,
    )
    quizzes.set_extension(assignment, world["ann"], due_at=now + 3 * HOUR, extra_attempts=0)
    views = {}
    for name in ("ann", "bob"):
        attempt = quizzes.submit_attempt(quizzes.start_attempt(world[name], assignment))
        views[name] = quizzes.attempt_view(attempt, now=now + 2 * HOUR)
    assert views["bob"].answers_released
    assert not views["ann"].answers_released and views["ann"].answers_release_at == now + 3 * HOUR


# --- Editing and deleting ---------------------------------------------------------------------


def _settings(**changes: str) -> dict[str, str]:
    data = {
        "title": "Quiz",
        "due_at": "",
        "late_policy": "accept",
        "attempts_policy": "one",
        "feedback_mode": "practice",
        "answers_shown": "submitted",
    }
    data.update(changes)
    return data


def test_settings_that_would_spoil_started_work_are_refused(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher("edit@school.example")
        school_class = make_class(teacher, "Year 10")
        assignment = make_assignment(school_class, attempts_policy=ATTEMPTS_UNLIMITED)
        assignment_id, class_id = assignment.id, school_class.id
    login_teacher(client, "edit@school.example")
    url = f"/teacher/assignments/{assignment_id}/edit"
    assert "Settings of" in text_of(client.get(url))
    # Before anyone starts, everything can change.
    ok = client.post(url, data=_settings(feedback_mode="test", attempts_policy="unlimited"))
    assert ok.status_code == 302
    with app.app_context():
        student = make_student(db.session.get_one(SchoolClass, class_id), "Eve")
        assignment = db.session.get_one(Assignment, assignment_id)
        quizzes.submit_attempt(quizzes.start_attempt(student, assignment))
        quizzes.submit_attempt(quizzes.start_attempt(student, assignment))
    refused = client.post(url, data=_settings(feedback_mode="practice", attempts_policy="unlimited"))
    assert refused.status_code == 422
    assert "Students have already started this quiz" in text_of(refused)
    refused = client.post(url, data=_settings(feedback_mode="test", attempts_policy="one"))
    assert refused.status_code == 422
    assert "1 student(s) have already taken this quiz more than once" in text_of(refused)
    refused = client.post(url, data=_settings(feedback_mode="test", late_policy="close", due_at=""))
    assert refused.status_code == 422 and "set a due date" in text_of(refused)
    refused = client.post(url, data=_settings(feedback_mode="test", due_at="2001-01-01T10:00"))
    assert refused.status_code == 422 and "That time has already passed." in text_of(refused)
    with app.app_context():
        assignment = db.session.get_one(Assignment, assignment_id)
        assert (assignment.feedback_mode, assignment.attempts_policy) == ("test", "unlimited")
        assert assignment.due_at is None


@pytest.mark.parametrize("path", ["edit", "delete"])
def test_another_teacher_and_odd_ids_get_404(app: Flask, client: FlaskClient, path: str) -> None:
    with app.app_context():
        make_teacher("me@school.example")
        theirs = make_assignment(make_class(make_teacher("them@school.example"), "Theirs"))
        their_id = theirs.id
    login_teacher(client, "me@school.example")
    assert client.get(f"/teacher/assignments/{their_id}/{path}").status_code == 404
    assert client.get(f"/teacher/assignments/{2**70}/{path}").status_code == 404
    assert client.post(f"/teacher/assignments/{their_id}/delete").status_code == 404
    assert client.post(f"/teacher/assignments/{their_id}/edit", data=_settings()).status_code == 404
    with app.app_context():
        assert db.session.get(Assignment, their_id) is not None


def test_deleting_an_assignment_asks_first_and_removes_its_scores_everywhere(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        teacher = make_teacher("del@school.example")
        school_class = make_class(teacher, "Year 11")
        students = [make_student(school_class, name) for name in ("Fay", "Gus")]
        kept = make_assignment(school_class, title="Kept quiz", seed=3)
        doomed = make_assignment(
            school_class, title="Doomed quiz", seed=4, due_at=utcnow() + HOUR, late_policy=LATE_CLOSE
        )
        for student in students:
            for assignment in (kept, doomed):
                attempt = quizzes.start_attempt(student, assignment)
                _answer_first(assignment, attempt, 2)
                quizzes.submit_attempt(attempt)
        quizzes.set_extension(doomed, students[0], due_at=None, extra_attempts=1)
        class_id, doomed_id, doomed_quiz = school_class.id, doomed.id, doomed.quiz_id
    login_teacher(client, "del@school.example")
    assert "Settings" in text_of(client.get(f"/teacher/classes/{class_id}"))
    confirm = text_of(client.get(f"/teacher/assignments/{doomed_id}/delete"))
    assert "2 attempt(s) by 2 student(s) will be removed" in confirm
    assert "1 extension(s) will be removed too." in confirm
    with app.app_context():
        assert db.session.get(Assignment, doomed_id) is not None, "the confirmation page deletes nothing"

    response = client.post(f"/teacher/assignments/{doomed_id}/delete")
    assert response.status_code == 302 and response.location == f"/teacher/classes/{class_id}"
    assert "“Doomed quiz” is deleted" in text_of(client.get(response.location))
    with app.app_context():
        assert db.session.get(Assignment, doomed_id) is None
        assert db.session.get(Quiz, doomed_quiz) is None
        assert db.session.scalar(select(func.count(Attempt.id))) == 2
        assert db.session.scalar(select(func.count(Extension.id))) == 0
        school_class = db.session.get_one(SchoolClass, class_id)
        gradebook = dashboard.class_dashboard(school_class, utcnow())
        assert [column.assignment.title for column in gradebook.columns] == ["Kept quiz"]
        assert all(len(row.cells) == 1 for row in gradebook.rows)
        scope = exports.Scope(class_id=class_id)
        for kind in exports.KINDS:
            text = "".join(exports.export_chunks(kind, scope, now=utcnow()))
            assert "Doomed quiz" not in text, kind
            assert "Kept quiz" in text, kind
    assert client.get(f"/teacher/assignments/{doomed_id}/edit").status_code == 404


def test_odd_input_on_the_settings_page_gets_a_message_not_an_error(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher("odd@school.example")
        assignment = make_assignment(make_class(teacher, "Year 12"))
        assignment_id = assignment.id
    login_teacher(client, "odd@school.example")
    url = f"/teacher/assignments/{assignment_id}/edit"
    for changes, message in (
        ({"title": "t" * 201}, "Use at most 200 characters."),
        ({"due_at": "tomorrow"}, "Not a valid datetime value."),
        ({"late_policy": "sometimes"}, "Not a valid choice."),
        ({"answers_shown": "x" * 5000}, "Not a valid choice."),
    ):
        response = client.post(url, data=_settings(**changes))
        assert response.status_code == 422, changes
        assert message in text_of(response), changes
    # A NUL character is refused before any view runs (tests/security/test_odd_input.py).
    assert client.post(url, data=_settings(title="Spot\x00")).status_code == 400
    response = client.post(url, data=_settings(title="  Spot the \u202espin\x1b[31m  "))
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get_one(Assignment, assignment_id).title == "Spot the spin[31m"


def test_closing_at_once_from_several_requests_hands_each_attempt_in_once(app: Flask) -> None:
    import threading

    with app.app_context():
        school_class = make_class()
        assignment = make_assignment(school_class, due_at=utcnow() + HOUR, late_policy=LATE_CLOSE)
        attempt_ids = []
        for n in range(6):
            attempt = quizzes.start_attempt(make_student(school_class, f"Racer {n}"), assignment)
            _answer_first(assignment, attempt, n % 3)
            attempt_ids.append(attempt.id)
        due = utcnow() - HOUR
        _set_due(assignment.id, due)
        class_id = school_class.id

    workers = 4
    barrier = threading.Barrier(workers)
    counts: list[int] = []
    errors: list[BaseException] = []

    def close() -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                counts.append(quizzes.submit_overdue_attempts(class_id=class_id))
            except BaseException as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=close) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sum(counts) == len(attempt_ids), counts  # each attempt handed in by exactly one request
    with app.app_context():
        attempts = db.session.scalars(select(Attempt).where(Attempt.id.in_(attempt_ids))).all()
        assert {a.submitted_at for a in attempts} == {due}
        assert sorted(a.score for a in attempts) == sorted(float(n % 3) for n in range(6))


@pytest.mark.parametrize("reader", ["dashboard", "statistics", "export", "class page"])
def test_every_teacher_view_hands_in_closed_work_before_reading_it(
    app: Flask, world: dict[str, Any], reader: str
) -> None:
    assignment = make_assignment(
        world["class"], world["version"], due_at=utcnow() + HOUR, late_policy=LATE_CLOSE
    )
    attempt = quizzes.start_attempt(world["bob"], assignment)
    _answer_first(assignment, attempt, 1)
    attempt_id, due = attempt.id, utcnow() - HOUR
    _set_due(assignment.id, due)
    school_class = db.session.get_one(SchoolClass, world["class"].id)
    if reader == "dashboard":
        dashboard.load_class(school_class)
    elif reader == "statistics":
        dashboard.assignment_analysis(db.session.get_one(Assignment, assignment.id))
    elif reader == "export":
        export = exports.teacher_export(
            school_class.teacher, exports.SCORES, now=utcnow(), class_id=school_class.id
        )
        assert db.session.get_one(Attempt, attempt_id).submitted_at is None, "nothing read yet"
        text = "".join(export.chunks)
        assert "in progress" not in text
    else:
        from app.services import classes

        classes.class_overview(school_class)
    assert db.session.get_one(Attempt, attempt_id).submitted_at == due
