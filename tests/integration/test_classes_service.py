"""The classes service: classes, join codes, rosters with progress, removing students."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from app.domain.codes import CODE_ALPHABET, CODE_LENGTH
from app.extensions import db
from app.models import Assignment, Attempt, Response, Student
from app.services import classes, quizzes
from tests.factories import (
    count_queries,
    import_sample,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
    right_answer,
    wrong_answer,
)


def take_quiz(student: Student, assignment: Assignment, right: int, submit: bool = True) -> Attempt:
    """Answer the first ``right`` questions right and the rest wrong."""
    attempt = quizzes.start_attempt(student, assignment)
    # The questions as this attempt shows them (a retake has its own order).
    for position, question in enumerate(quizzes.attempt_view(attempt).questions):
        answer = right_answer(question) if position < right else wrong_answer(question)
        quizzes.record_answer(attempt, position, answer)
    if submit:
        attempt = quizzes.submit_attempt(attempt)
    return attempt


def test_create_class_gives_a_unique_code_without_look_alikes(app_ctx: Flask) -> None:
    teacher = make_teacher()
    made = [classes.create_class(teacher, f"  Year  {n} ") for n in range(20)]
    codes = {c.join_code for c in made}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("0O1IL")
    assert made[3].name == "Year 3"


@pytest.mark.parametrize(("name", "message"), [("   ", "Give the class a name."), ("x" * 121, "at most 120")])
def test_class_names_are_checked(app_ctx: Flask, name: str, message: str) -> None:
    teacher = make_teacher()
    with pytest.raises(classes.ClassError, match=message):
        classes.create_class(teacher, name)
    school_class = classes.create_class(teacher, "History")
    with pytest.raises(classes.ClassError, match=message):
        classes.rename_class(school_class, name)
    classes.rename_class(school_class, " History  B ")
    assert school_class.name == "History B"


def test_a_new_join_code_replaces_the_old_one(app_ctx: Flask) -> None:
    school_class = make_class()
    student = make_student(school_class)
    old = school_class.join_code
    new = classes.regenerate_join_code(school_class)
    assert new != old and school_class.join_code == new
    with pytest.raises(classes.ClassError, match="No class has that code"):
        classes.join_class(old, "Latecomer")
    assert classes.rejoin_class(new, student.rejoin_code).id == student.id


def test_archiving_closes_the_class_and_unarchiving_opens_it(app_ctx: Flask) -> None:
    teacher = make_teacher()
    school_class = make_class(teacher, "Zoology")
    other = make_class(teacher, "Art")
    classes.set_archived(school_class, True)
    assert school_class.archived
    with pytest.raises(classes.ClassError):
        classes.join_class(school_class.join_code, "Sam")
    assert [c.id for c in classes.open_classes_of(teacher)] == [other.id]
    summaries = classes.classes_of(teacher)
    assert [s.school_class.name for s in summaries] == ["Art", "Zoology"]  # archived last
    classes.set_archived(school_class, False)
    assert not school_class.archived
    assert classes.join_class(school_class.join_code, "Sam").class_id == school_class.id


def test_classes_of_counts_students_and_assignments(app_ctx: Flask) -> None:
    teacher = make_teacher()
    school_class = make_class(teacher, "A")
    empty = make_class(teacher, "B")
    make_class(make_teacher(), "Someone else's")
    students = [make_student(school_class) for _ in range(3)]
    classes.remove_student(students[0], delete_attempts=False)
    make_assignment(school_class)
    summary = {s.school_class.id: s for s in classes.classes_of(teacher)}
    assert set(summary) == {school_class.id, empty.id}
    assert (summary[school_class.id].students, summary[school_class.id].assignments) == (2, 1)
    assert (summary[empty.id].students, summary[empty.id].assignments) == (0, 0)


def test_class_for_teacher_hides_other_teachers_classes(app_ctx: Flask) -> None:
    from app.services.errors import NotFound

    school_class = make_class()
    assert classes.class_for_teacher(school_class.teacher, school_class.id) is school_class
    with pytest.raises(NotFound):
        classes.class_for_teacher(make_teacher(), school_class.id)
    with pytest.raises(NotFound):
        classes.class_for_teacher(school_class.teacher, 999_999)


def test_roster_shows_progress_with_the_best_attempt_kept(app_ctx: Flask) -> None:
    school_class = make_class()
    version = import_sample()
    practice = make_assignment(school_class, version, attempts_policy="unlimited")
    test = make_assignment(school_class, version, seed=8)
    length = len(practice.quiz.questions)
    ann, bob, cy = (make_student(school_class, name) for name in ("ann", "Bob", "cy"))
    take_quiz(ann, practice, right=length // 2)
    take_quiz(ann, practice, right=length)  # best of two attempts is kept
    take_quiz(ann, test, right=0)
    take_quiz(bob, practice, right=length // 2, submit=False)

    rows = {row.student.display_name: row for row in classes.roster(school_class)}
    assert [row.student.display_name for row in classes.roster(school_class)] == ["ann", "Bob", "cy"]
    assert (rows["ann"].submitted, rows["ann"].in_progress) == (2, 0)
    assert rows["ann"].average_percent == pytest.approx(50.0)  # (100 + 0) / 2
    assert (rows["Bob"].submitted, rows["Bob"].in_progress, rows["Bob"].average_percent) == (0, 1, None)
    assert (rows["cy"].submitted, rows["cy"].in_progress, rows["cy"].average_percent) == (0, 0, None)
    assert cy.id in {row.student.id for row in classes.roster(school_class)}


def test_class_overview_counts_submissions_per_assignment(app_ctx: Flask) -> None:
    school_class = make_class()
    first = make_assignment(school_class)
    second = make_assignment(school_class, seed=9, title="Second go")
    students = [make_student(school_class) for _ in range(3)]
    for student in students:
        take_quiz(student, first, right=1)
    take_quiz(students[0], second, right=1, submit=False)
    classes.remove_student(students[2], delete_attempts=False)

    overview = classes.class_overview(school_class)
    assert [row.assignment.id for row in overview.assignments] == [second.id, first.id]  # newest first
    counts = {row.assignment.id: row.submitted for row in overview.assignments}
    assert counts == {first.id: 2, second.id: 0}  # the removed student no longer counts
    assert len(overview.roster) == 2


def test_removing_a_student_keeps_their_attempts_by_default(app_ctx: Flask) -> None:
    school_class = make_class()
    assignment = make_assignment(school_class)
    student = make_student(school_class)
    attempt = take_quiz(student, assignment, right=2)
    epoch = student.session_epoch
    classes.remove_student(student, delete_attempts=False)
    assert student.removed and student.session_epoch == epoch + 1
    assert db.session.get(Attempt, attempt.id) is not None
    assert student.id not in {row.student.id for row in classes.roster(school_class)}
    with pytest.raises(classes.ClassError):
        classes.rejoin_class(school_class.join_code, student.rejoin_code)


def test_removing_a_student_can_delete_their_answers_too(app_ctx: Flask) -> None:
    school_class = make_class()
    assignment = make_assignment(school_class)
    student, other = make_student(school_class), make_student(school_class)
    take_quiz(student, assignment, right=2)
    kept = take_quiz(other, assignment, right=2)
    classes.remove_student(student, delete_attempts=True)
    assert (
        db.session.scalar(select(func.count()).select_from(Attempt).where(Attempt.student_id == student.id))
        == 0
    )
    remaining = db.session.scalars(select(Response.attempt_id).distinct()).all()
    assert remaining == [kept.id]


def test_renaming_and_resetting_a_student(app_ctx: Flask) -> None:
    school_class = make_class()
    student = make_student(school_class, "Sam")
    classes.rename_student(student, "  Sam   K. ")
    assert student.display_name == "Sam K."
    for bad in ("   ", "x" * 41):
        with pytest.raises(classes.ClassError):
            classes.rename_student(student, bad)
    old, epoch = student.rejoin_code, student.session_epoch
    new = classes.reset_rejoin_code(student)
    assert new != old and student.session_epoch == epoch + 1
    with pytest.raises(classes.ClassError):
        classes.rejoin_class(school_class.join_code, old)
    assert classes.rejoin_class(school_class.join_code, new).id == student.id


def test_student_in_class_refuses_other_classes_and_removed_students(app_ctx: Flask) -> None:
    from app.services.errors import NotFound

    school_class, other_class = make_class(), make_class()
    student, stranger = make_student(school_class), make_student(other_class)
    assert classes.student_in_class(school_class, student.id) is student
    with pytest.raises(NotFound):
        classes.student_in_class(school_class, stranger.id)
    classes.remove_student(student, delete_attempts=False)
    with pytest.raises(NotFound):
        classes.student_in_class(school_class, student.id)


def _queries_for_class_of(size: int, call: Any) -> int:
    teacher = make_teacher()
    school_class = make_class(teacher)
    assignment = make_assignment(school_class)
    for n in range(size):
        student = make_student(school_class)
        if n % 2 == 0:
            take_quiz(student, assignment, right=1, submit=n % 4 == 0)
    db.session.expire_all()
    with count_queries() as statements:
        result = call(teacher, school_class)
        if hasattr(result, "roster"):
            for row in result.roster:
                _ = (row.student.display_name, row.submitted, row.average_percent)
    return len(statements)


@pytest.mark.parametrize(
    "call",
    [
        lambda teacher, school_class: classes.classes_of(teacher),
        lambda teacher, school_class: classes.roster(school_class),
        lambda teacher, school_class: classes.class_overview(school_class),
    ],
    ids=["classes_of", "roster", "class_overview"],
)
def test_queries_do_not_grow_with_the_number_of_students(app_ctx: Flask, call: Any) -> None:
    small = _queries_for_class_of(2, call)
    large = _queries_for_class_of(12, call)
    assert small == large
