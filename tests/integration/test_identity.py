"""Students' identity: names compared as they read, one name per class, merging two records,
class settings, and the gradebook, exports and class page agreeing after a merge or a removal."""

from __future__ import annotations

import csv
import io
import threading
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.extensions import db
from app.models import Attempt, Extension, SchoolClass, Student
from app.services import classes, dashboard, exports, quizzes
from app.services.classes import ClassError, NameTakenError
from tests.factories import (
    login_teacher,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
    right_answer,
    wrong_answer,
)


def work(student: Student, assignment, right: int, submit: bool = True) -> Attempt:
    """One attempt: the first ``right`` questions right, the rest wrong."""
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.attempt_view(attempt).questions
    for position, question in enumerate(questions):
        answer = right_answer(question) if position < right else wrong_answer(question)
        quizzes.record_answer(db.session.get(Attempt, attempt.id), position, answer)
    if submit:
        quizzes.submit_attempt(db.session.get(Attempt, attempt.id))
    return db.session.get_one(Attempt, attempt.id)


def students_named(class_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(Student.display_name).where(Student.class_id == class_id, Student.removed_at.is_(None))
        )
    )


# --- Names -------------------------------------------------------------------------------------


def test_joined_names_are_cleaned_of_invisible_and_control_characters(app_ctx: Flask) -> None:
    school_class = make_class()
    student = classes.join_class(school_class.join_code, "  Ada\u200b \u202eLovelace\x1b[31m \x00 ")
    assert student.display_name == "Ada Lovelace[31m"
    with pytest.raises(ClassError, match="Type a display name"):
        classes.join_class(school_class.join_code, "\u200b\u200d\u2066 \x07")


@pytest.mark.parametrize(
    "look_alike",
    ["Ada", "ADA", " ada ", "Ａｄａ", "A\u200bda", "\u202eAda\u202c"],
)
def test_a_name_already_in_the_class_is_refused_look_alikes_included(app_ctx: Flask, look_alike: str) -> None:
    school_class = make_class()
    make_student(school_class, "Ada")
    with pytest.raises(NameTakenError) as raised:
        classes.join_class(school_class.join_code, look_alike)
    assert raised.value.class_code == school_class.join_code
    assert students_named(school_class.id) == ["Ada"]


def test_names_cannot_take_the_key_a_removed_student_left(app_ctx: Flask) -> None:
    school_class = make_class()
    removed = make_student(school_class, "Ada")
    classes.remove_student(removed, delete_attempts=False)
    for name in (f"~{removed.id}", f"～{removed.id}"):
        with pytest.raises(ClassError, match="not “~”"):
            classes.join_class(school_class.join_code, name)
    with pytest.raises(ClassError, match="too long"):
        classes.join_class(school_class.join_code, "ﷺ" * 10)  # each one spells out as 18 letters


def test_the_same_name_in_another_class_is_fine(app_ctx: Flask) -> None:
    teacher = make_teacher()
    first, second = make_class(teacher, "9A"), make_class(teacher, "9B")
    make_student(first, "Ada")
    assert make_student(second, "Ada").display_name == "Ada"


def test_a_removed_students_name_is_free_again(app_ctx: Flask) -> None:
    school_class = make_class()
    classes.remove_student(make_student(school_class, "Ada"), delete_attempts=False)
    assert make_student(school_class, "ada").display_name == "ada"


def test_parallel_joins_with_one_name_make_one_student(app: Flask) -> None:
    with app.app_context():
        code = make_class().join_code
        class_id = db.session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code))
    outcomes: list[str] = []
    barrier = threading.Barrier(6)

    def join() -> None:
        with app.app_context():
            barrier.wait()
            try:
                classes.join_class(code, "Sam")
                outcomes.append("joined")
            except NameTakenError:
                outcomes.append("taken")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=join) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["joined"] + ["taken"] * 5
    with app.app_context():
        assert students_named(class_id) == ["Sam"]


def test_an_insert_racing_past_the_check_becomes_the_name_taken_message(
    app_ctx: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check finds nobody, but another join commits first: the unique key refuses the second row."""
    school_class = make_class()
    code = school_class.join_code
    make_student(school_class, "Sam")
    real_holder = classes._holder_of
    calls = []

    def first_misses(class_id: int, key: str) -> int | None:
        calls.append(key)
        return None if len(calls) == 1 else real_holder(class_id, key)

    monkeypatch.setattr(classes, "_holder_of", first_misses)
    with pytest.raises(NameTakenError):
        classes.join_class(code, "sam")
    assert students_named(school_class.id) == ["Sam"]


def test_renaming_to_a_taken_name_is_refused_and_to_ones_own_is_not(app_ctx: Flask) -> None:
    school_class = make_class()
    ada, bob = make_student(school_class, "Ada"), make_student(school_class, "Bob")
    with pytest.raises(NameTakenError):
        classes.rename_student(bob, "ＡＤＡ")
    db.session.refresh(bob)
    assert bob.display_name == "Bob"
    classes.rename_student(ada, "ADA")  # the same name in capitals is still Ada's own
    assert ada.display_name == "ADA"


def test_the_teacher_sees_a_form_error_for_a_taken_name(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher)
        make_student(school_class, "Ada")
        bob = make_student(school_class, "Bob")
        email, class_id, bob_id = teacher.email, school_class.id, bob.id
    login_teacher(client, email)
    page = client.post(f"/teacher/classes/{class_id}/students/{bob_id}", data={"name": "ada"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "already called “ada”" in html and 'aria-invalid="true"' in html
    with app.app_context():
        assert db.session.get_one(Student, bob_id).display_name == "Bob"


def test_joining_with_a_taken_name_explains_and_links_to_rejoin(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        school_class = make_class()
        make_student(school_class, "Ada")
        code, class_id = school_class.join_code, school_class.id
    page = client.post("/join", data={"class_code": code, "display_name": " ada "})
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "That name is taken" in html
    assert f'href="/rejoin?class_code={code}"' in html
    assert "first letter of your surname" in html
    rejoin = client.get(f"/rejoin?class_code={code}").get_data(as_text=True)
    assert f'value="{code}"' in rejoin
    assert client.post("/join", data={"class_code": code, "display_name": "Ada B."}).status_code == 302
    with app.app_context():
        assert sorted(students_named(class_id)) == ["Ada", "Ada B."]


# --- Merging ----------------------------------------------------------------------------------


def test_merging_moves_attempts_renumbered_and_removes_the_other_record(app_ctx: Flask) -> None:
    school_class = make_class()
    first = make_assignment(school_class, attempts_policy="unlimited")
    second = make_assignment(school_class, attempts_policy="unlimited", seed=9)
    kept, twin, other = (make_student(school_class, n) for n in ("Ada", "Ada L", "Bob"))
    work(kept, first, right=1)
    work(kept, first, right=2)
    twin_first = [work(twin, first, right=3), work(twin, first, right=0, submit=False)]
    twin_second = work(twin, second, right=4)
    work(other, first, right=1)
    db.session.add(Extension(assignment_id=second.id, student_id=twin.id, extra_attempts=2))
    db.session.add(Extension(assignment_id=first.id, student_id=twin.id, extra_attempts=1))
    db.session.add(Extension(assignment_id=first.id, student_id=kept.id, extra_attempts=3))
    db.session.commit()
    epoch, twin_id = twin.session_epoch, twin.id

    assert classes.merge_students(kept, twin) == 3

    numbers = {
        (a.assignment_id, a.id): a.number
        for a in db.session.scalars(select(Attempt).where(Attempt.student_id == kept.id))
    }
    assert sorted(n for (assignment, _), n in numbers.items() if assignment == first.id) == [1, 2, 3, 4]
    assert numbers[(first.id, twin_first[0].id)] == 3 and numbers[(first.id, twin_first[1].id)] == 4
    assert numbers[(second.id, twin_second.id)] == 1
    assert db.session.scalar(select(func.count()).where(Attempt.student_id == twin_id)) == 0
    merged = db.session.get_one(Student, twin_id)
    assert merged.removed and merged.name_key == f"~{twin_id}" and merged.session_epoch == epoch + 1
    extensions = {
        e.assignment_id: e.extra_attempts
        for e in db.session.scalars(select(Extension).where(Extension.student_id == kept.id))
    }
    assert extensions == {first.id: 3, second.id: 2}
    # The merged-away name can be used again.
    assert make_student(school_class, "Ada L").display_name == "Ada L"


def test_merging_is_refused_across_classes_and_with_oneself(app_ctx: Flask) -> None:
    teacher = make_teacher()
    ada = make_student(make_class(teacher, "9A"), "Ada")
    bob = make_student(make_class(teacher, "9B"), "Bob")
    with pytest.raises(ClassError):
        classes.merge_students(ada, ada)
    with pytest.raises(ClassError):
        classes.merge_students(ada, bob)
    assert not db.session.get_one(Student, bob.id).removed


def test_the_teacher_merges_after_confirming_and_the_merged_student_is_signed_out(app: Flask) -> None:
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher)
        assignment = make_assignment(school_class)
        ada, twin = make_student(school_class, "Ada"), make_student(school_class, "Ada twice")
        work(twin, assignment, right=2)
        email, class_id, ada_id, twin_id = teacher.email, school_class.id, ada.id, twin.id
        code, twin_rejoin = school_class.join_code, twin.rejoin_code
    twin_device = app.test_client()
    twin_device.post("/rejoin", data={"class_code": code, "rejoin_code": twin_rejoin})
    assert twin_device.get("/quizzes").status_code == 200
    teacher_client = app.test_client()
    login_teacher(teacher_client, email)
    base = f"/teacher/classes/{class_id}/students/{twin_id}"
    chooser = teacher_client.get(f"{base}/merge").get_data(as_text=True)
    assert f'<option value="{ada_id}">Ada</option>' in chooser
    choice = teacher_client.get(f"{base}/merge?into={ada_id}")
    assert choice.status_code == 302 and choice.location.endswith(f"{base}/merge/{ada_id}")
    confirm = teacher_client.get(choice.location)
    assert "Merge Ada twice into Ada?" in confirm.get_data(as_text=True)
    with app.app_context():  # asking changes nothing
        assert db.session.scalar(select(func.count()).where(Attempt.student_id == twin_id)) == 1
    done = teacher_client.post(f"{base}/merge/{ada_id}", follow_redirects=True)
    assert "Ada twice is merged into Ada: 1 attempt(s) moved." in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Attempt.student_id == ada_id)) == 1
    assert twin_device.get("/quizzes").status_code == 302  # signed out


# --- Counts agree after a merge or a removal --------------------------------------------------


def export_rows(class_id: int) -> list[dict[str, str]]:
    text = "".join(
        exports.export_chunks(exports.SCORES, exports.Scope(class_id=class_id), now=datetime.now(UTC))
    )
    header, *rows = list(csv.reader(io.StringIO(text)))
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_gradebook_exports_and_class_page_agree_after_a_merge_and_removals(app_ctx: Flask) -> None:
    school_class = make_class()
    first = make_assignment(school_class, attempts_policy="unlimited", title="First")
    second = make_assignment(school_class, attempts_policy="unlimited", seed=9, title="Second")
    ada, twin, bob, cy, dee = (make_student(school_class, n) for n in ("Ada", "Ada 2", "Bob", "Cy", "Dee"))
    work(ada, first, right=1)
    work(twin, first, right=4)
    work(twin, second, right=2, submit=False)
    work(bob, first, right=2)
    work(bob, second, right=3)
    work(cy, first, right=5)
    work(dee, second, right=1)
    classes.merge_students(ada, twin)
    classes.remove_student(cy, delete_attempts=False)  # Cy's scores stay
    classes.remove_student(dee, delete_attempts=True)  # Dee's go

    now = datetime.now(UTC)
    board = dashboard.class_dashboard(school_class, now)
    overview = classes.class_overview(school_class)
    rows = export_rows(school_class.id)

    # The same students everywhere: the roster, plus removed students whose scores stayed.
    roster = {row.student.id for row in overview.roster}
    assert roster == {ada.id, bob.id}
    board_students = {row.student.id for row in board.rows}
    assert board_students == roster | {cy.id}
    public_ids = {s.public_id: s.id for s in (ada, twin, bob, cy, dee)}
    assert {public_ids[r["student_id"]] for r in rows} == board_students

    # Per student and assignment: the same number of attempts and the same kept score.
    exported = {(public_ids[r["student_id"]], r["assignment"]): r for r in rows}
    for row in board.rows:
        for cell in row.cells:
            record = exported.get((row.student.id, cell.assignment.title))
            if cell.attempts == 0:
                assert record is None or record["attempts"] in ("", "0")
                continue
            assert record is not None
            assert int(record["attempts"]) == cell.attempts
            if cell.kept is None:  # only work in progress: the gradebook keeps no score yet
                assert record["submitted_at"] == ""
            else:
                assert float(record["score"]) == pytest.approx(cell.kept.score)
    ada_row = next(row for row in board.rows if row.student.id == ada.id)
    assert [cell.attempts for cell in ada_row.cells] == [2, 1]

    # The class page's counts agree with the gradebook's submitted cells of roster students.
    submitted_by_student = {
        row.student.id: sum(1 for c in row.cells if c.kept is not None and c.kept.submitted)
        for row in board.rows
    }
    for row in overview.roster:
        assert row.submitted == submitted_by_student[row.student.id]
    for assignment_row in overview.assignments:
        on_roster = sum(
            1
            for row in board.rows
            if row.student.id in roster
            for c in row.cells
            if c.assignment.id == assignment_row.assignment.id and c.kept is not None and c.kept.submitted
        )
        assert assignment_row.submitted == on_roster


# --- Class settings ---------------------------------------------------------------------------


def test_the_teacher_sets_devices_and_time_zone(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        teacher = make_teacher()
        school_class = make_class(teacher)
        email, class_id = teacher.email, school_class.id
    login_teacher(client, email)
    page = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "Students have their own devices (1:1)" in page
    assert '<option selected value="">The server&#39;s time zone (UTC)</option>' in page
    saved = client.post(
        f"/teacher/classes/{class_id}/settings", data={"one_to_one_devices": "y", "time_zone": "Europe/Paris"}
    )
    assert saved.status_code == 302
    with app.app_context():
        stored = db.session.get_one(SchoolClass, class_id)
        assert (stored.one_to_one_devices, stored.time_zone) == (True, "Europe/Paris")
    refused = client.post(f"/teacher/classes/{class_id}/settings", data={"time_zone": "Mars/Olympus_Mons"})
    assert refused.status_code == 200 and 'aria-invalid="true"' in refused.get_data(as_text=True)
    settings_url = f"/teacher/classes/{class_id}/settings"
    assert client.post(settings_url, data={"time_zone": "x" * 5000}).status_code == 200
    assert client.post(settings_url, data={"time_zone": "x\x00"}).status_code == 400
    with app.app_context():
        assert db.session.get_one(SchoolClass, class_id).time_zone == "Europe/Paris"


def test_turning_one_to_one_devices_off_signs_the_class_out(app: Flask) -> None:
    with app.app_context():
        school_class = make_class()
        classes.update_settings(school_class, True, "")
        student = make_student(school_class, "Ada")
        code, rejoin = school_class.join_code, student.rejoin_code
    device = app.test_client()
    device.post("/rejoin", data={"class_code": code, "rejoin_code": rejoin})
    assert device.get("/quizzes").status_code == 200
    with app.app_context():
        classes.update_settings(db.session.get_one(SchoolClass, school_class.id), False, "")
    assert device.get("/quizzes").status_code == 302


def test_the_default_time_zone_comes_from_the_environment() -> None:
    from app.config import Config

    assert Config({}).DEFAULT_TIME_ZONE == "UTC"
    assert Config({"SOURCEWISE_TIME_ZONE": "Europe/Berlin"}).DEFAULT_TIME_ZONE == "Europe/Berlin"


# --- The student's own pages -------------------------------------------------------------------


def test_a_student_sees_who_is_signed_in_and_their_own_rejoin_code(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, "Ada")
        make_student(school_class, "Bob")
        code, rejoin = school_class.join_code, student.rejoin_code
    client.post("/rejoin", data={"class_code": code, "rejoin_code": rejoin})
    home = client.get("/quizzes").get_data(as_text=True)
    assert "Signed in as <strong>Ada</strong>" in home and 'href="/not-you"' in home
    mine = client.get("/my-code")
    assert mine.headers["Cache-Control"] == "no-store"
    assert rejoin in mine.get_data(as_text=True)
    not_you = client.get("/not-you").get_data(as_text=True)
    assert "Not Ada?" in not_you
    left = client.post("/leave", data={"then": "join"})
    assert left.status_code == 302 and left.location == "/join"
    assert client.get("/my-code").status_code == 302
