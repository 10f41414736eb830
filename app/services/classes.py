"""Classes and their students: join codes, rosters, rejoin codes."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from app.domain.codes import generate_code, is_valid_code, normalise_code
from app.domain.names import clean_display_name, freed_key, name_key
from app.extensions import db
from app.models import Assignment, Attempt, Extension, Response, SchoolClass, Student, Teacher, utcnow
from app.services.errors import NotFound, ServiceError

T = TypeVar("T")
_system_random = random.SystemRandom()
MAX_NAME = 40  # a student's display name
MAX_CLASS_NAME = 120
MAX_NAME_KEY = 64  # Student.name_key's column: a few characters grow under NFKC (ligatures)


class ClassError(ServiceError, ValueError):
    """Something the user can fix; the message says how."""


class NameTakenError(ClassError):
    """Another student of the class already has this name (as compared by ``name_key``)."""

    field = "display_name"

    def __init__(self, name: str, class_code: str) -> None:
        super().__init__(
            f"Someone in this class is already called “{name}”. If that is you, rejoin with your "
            f"rejoin code. If not, add the first letter of your surname, like “{name} B.”."
        )
        self.name = name
        self.class_code = class_code


def _unique_join_code() -> str:
    for _ in range(50):
        code = generate_code(_system_random)
        if db.session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code)) is None:
            return code
    raise RuntimeError("could not find a free join code")


def _clean_class_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ClassError("Give the class a name.")
    if len(name) > MAX_CLASS_NAME:
        raise ClassError(f"Use at most {MAX_CLASS_NAME} characters for the class name.")
    return name


def _commit_with_fresh_code(attempt: Callable[[], T], what: str) -> T:
    """Run ``attempt`` (which draws a random code and stages a row) and commit, drawing again when
    another request took the same code between the check and the insert."""
    for _ in range(5):
        result = attempt()
        try:
            db.session.commit()
            return result
        except IntegrityError:
            db.session.rollback()
    raise RuntimeError(f"could not {what}")


def create_class(teacher: Teacher, name: str) -> SchoolClass:
    name = _clean_class_name(name)

    def stage() -> SchoolClass:
        school_class = SchoolClass(teacher_id=teacher.id, name=name, join_code=_unique_join_code())
        db.session.add(school_class)
        return school_class

    return _commit_with_fresh_code(stage, "create the class")


def rename_class(school_class: SchoolClass, name: str) -> None:
    school_class.name = _clean_class_name(name)
    db.session.commit()


def set_archived(school_class: SchoolClass, archived: bool) -> None:
    school_class.archived_at = utcnow() if archived else None
    db.session.commit()


def regenerate_join_code(school_class: SchoolClass) -> str:
    """A new join code; the old one stops working at once (students already in stay in)."""
    class_id = school_class.id

    def stage() -> str:
        # After a rollback the instance is expired: load it again before changing it.
        current = db.session.get_one(SchoolClass, class_id)
        current.join_code = _unique_join_code()
        return current.join_code

    return _commit_with_fresh_code(stage, "find a free join code")


def class_for_teacher(teacher: Teacher, class_id: int) -> SchoolClass:
    """The teacher's own class, or 404: another teacher's class does not exist for them."""
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or school_class.teacher_id != teacher.id:
        raise NotFound
    return school_class


@dataclass(frozen=True)
class ClassSummary:
    school_class: SchoolClass
    students: int
    assignments: int


def classes_of(teacher: Teacher) -> list[ClassSummary]:
    """The teacher's classes with student and assignment counts, in a fixed number of queries."""
    student_counts = (
        select(Student.class_id, func.count(Student.id).label("n"))
        .where(Student.removed_at.is_(None))
        .group_by(Student.class_id)
        .subquery()
    )
    assignment_counts = (
        select(Assignment.class_id, func.count(Assignment.id).label("n"))
        .group_by(Assignment.class_id)
        .subquery()
    )
    rows = db.session.execute(
        select(SchoolClass, student_counts.c.n, assignment_counts.c.n)
        .outerjoin(student_counts, student_counts.c.class_id == SchoolClass.id)
        .outerjoin(assignment_counts, assignment_counts.c.class_id == SchoolClass.id)
        .where(SchoolClass.teacher_id == teacher.id)
        .order_by(SchoolClass.archived_at.is_not(None), SchoolClass.name)
    ).all()
    return [ClassSummary(c, s or 0, a or 0) for c, s, a in rows]


@dataclass(frozen=True)
class RosterRow:
    student: Student
    submitted: int  # assignments with a submitted attempt
    in_progress: int  # assignments started but not submitted
    average_percent: float | None  # over the kept scores of submitted assignments


def roster(school_class: SchoolClass) -> list[RosterRow]:
    """Students of the class with their progress, in three queries whatever the class size."""
    students = list(
        db.session.scalars(
            select(Student)
            .where(Student.class_id == school_class.id, Student.removed_at.is_(None))
            .order_by(func.lower(Student.display_name))
        )
    )
    best = (
        select(
            Attempt.student_id,
            Attempt.assignment_id,
            func.max(Attempt.score / func.nullif(Attempt.max_score, 0)).label("best"),
        )
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Assignment.class_id == school_class.id, Attempt.submitted_at.is_not(None))
        .group_by(Attempt.student_id, Attempt.assignment_id)
        .subquery()
    )
    submitted = {
        student_id: (count, average)
        for student_id, count, average in db.session.execute(
            select(best.c.student_id, func.count(), func.avg(best.c.best)).group_by(best.c.student_id)
        )
    }
    # A Result has .keys() (its column names), so dict() needs the rows as a list.
    open_attempts = dict(
        db.session.execute(
            select(Attempt.student_id, func.count(func.distinct(Attempt.assignment_id)))
            .join(Assignment, Assignment.id == Attempt.assignment_id)
            .where(Assignment.class_id == school_class.id, Attempt.submitted_at.is_(None))
            .group_by(Attempt.student_id)
        )
        .tuples()
        .all()
    )
    rows = []
    for student in students:
        count, average = submitted.get(student.id, (0, None))
        rows.append(
            RosterRow(
                student,
                count,
                open_attempts.get(student.id, 0),
                None if average is None else round(100.0 * float(average), 1),
            )
        )
    return rows


def open_classes_of(teacher: Teacher) -> list[SchoolClass]:
    """The classes a quiz can be assigned to: the teacher's, not archived, by name."""
    return list(
        db.session.scalars(
            select(SchoolClass)
            .where(SchoolClass.teacher_id == teacher.id, SchoolClass.archived_at.is_(None))
            .order_by(func.lower(SchoolClass.name), SchoolClass.id)
        )
    )


def submitted_counts(school_class: SchoolClass) -> dict[int, int]:
    """For each assignment of the class, how many students on the roster have submitted it."""
    rows = db.session.execute(
        select(Attempt.assignment_id, func.count(func.distinct(Attempt.student_id)))
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(Student, Student.id == Attempt.student_id)
        .where(
            Assignment.class_id == school_class.id,
            Attempt.submitted_at.is_not(None),
            Student.removed_at.is_(None),
        )
        .group_by(Attempt.assignment_id)
    )
    return dict(rows.tuples().all())


@dataclass(frozen=True)
class AssignmentRow:
    assignment: Assignment
    submitted: int  # students on the roster with a submitted attempt


@dataclass(frozen=True)
class ClassOverview:
    school_class: SchoolClass
    roster: list[RosterRow]
    assignments: list[AssignmentRow]


def class_overview(school_class: SchoolClass) -> ClassOverview:
    """Everything the class page shows, in a fixed number of queries whatever the class size."""
    from app.services.quizzes import assignments_of, submit_overdue_attempts

    submit_overdue_attempts(class_id=school_class.id)
    counts = submitted_counts(school_class)
    return ClassOverview(
        school_class,
        roster(school_class),
        [AssignmentRow(a, counts.get(a.id, 0)) for a in assignments_of(school_class)],
    )


def student_in_class(school_class: SchoolClass, student_id: int) -> Student:
    student = db.session.get(Student, student_id)
    if student is None or student.class_id != school_class.id or student.removed:
        raise NotFound
    return student


def _clean_name(name: str) -> str:
    """The name as stored: trimmed, without invisible or control characters (app.domain.names)."""
    name = clean_display_name(name)
    if not name:
        raise ClassError("Type a display name.", field="display_name")
    if len(name) > MAX_NAME:
        raise ClassError(f"Use at most {MAX_NAME} characters.", field="display_name")
    if name_key(name).startswith("~"):
        # Removed and merged-away students keep "~<id>" as their key (app.domain.names.freed_key).
        raise ClassError("Start your name with a letter or a digit, not “~”.", field="display_name")
    if len(name_key(name)) > MAX_NAME_KEY:
        raise ClassError(
            "That name is too long once its special characters are spelled out. Use a shorter one.",
            field="display_name",
        )
    return name


def _holder_of(class_id: int, key: str) -> int | None:
    """The id of the current student of the class whose name compares equal to ``key``."""
    return db.session.scalar(select(Student.id).where(Student.class_id == class_id, Student.name_key == key))


def rename_student(student: Student, name: str) -> None:
    """A new display name; one another student of the class has (look-alikes included) is refused."""
    cleaned = _clean_name(name)
    key = name_key(cleaned)
    student_id, class_id, code = student.id, student.class_id, student.school_class.join_code
    holder = _holder_of(class_id, key)
    if holder is not None and holder != student_id:
        raise NameTakenError(cleaned, code)
    student.display_name = cleaned
    student.name_key = key
    try:
        db.session.commit()
    except IntegrityError:
        # Somebody joined with that name between the check and the commit.
        db.session.rollback()
        raise NameTakenError(cleaned, code) from None


def _end_student(student: Student) -> None:
    """Off the roster: the name is free again and every device signed in as them is signed out."""
    student.removed_at = utcnow()
    student.name_key = freed_key(student.id)
    student.session_epoch += 1


def remove_student(student: Student, delete_attempts: bool) -> None:
    """Remove from the roster; past attempts stay in the scores unless the teacher deletes them too."""
    _end_student(student)
    if delete_attempts:
        attempt_ids = select(Attempt.id).where(Attempt.student_id == student.id)
        db.session.execute(delete(Response).where(Response.attempt_id.in_(attempt_ids)))
        db.session.execute(delete(Attempt).where(Attempt.student_id == student.id))
    db.session.commit()


def _unique_rejoin_code(class_id: int) -> str:
    for _ in range(50):
        code = generate_code(_system_random)
        taken = db.session.scalar(
            select(Student.id).where(Student.class_id == class_id, Student.rejoin_code == code)
        )
        if taken is None:
            return code
    raise RuntimeError("could not find a free rejoin code")


def reset_rejoin_code(student: Student) -> str:
    """A new code; the old one, and every device signed in with it, stop working."""
    student.rejoin_code = _unique_rejoin_code(student.class_id)
    student.session_epoch += 1
    db.session.commit()
    return student.rejoin_code


def _open_class_by_code(typed_code: str) -> SchoolClass:
    code = normalise_code(typed_code)
    if not is_valid_code(code):
        raise ClassError("A class code has 6 letters and digits, like K7PX3M.", field="class_code")
    school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.join_code == code))
    if school_class is None or school_class.archived:
        raise ClassError("No class has that code. Check it with your teacher.", field="class_code")
    return school_class


def join_class(typed_code: str, display_name: str) -> Student:
    """A new student in the class; a name already in it (look-alikes included) raises NameTakenError.

    Two joins with one name at the same time: the unique name key lets only one insert through, and
    the other gets NameTakenError too.  Any other collision (a rejoin or public code drawn twice)
    is drawn again.
    """
    school_class = _open_class_by_code(typed_code)
    name = _clean_name(display_name)
    key = name_key(name)
    class_id, class_code = school_class.id, school_class.join_code
    if _holder_of(class_id, key) is not None:
        raise NameTakenError(name, class_code)
    for _ in range(5):
        student = Student(
            class_id=class_id,
            display_name=name,
            name_key=key,
            rejoin_code=_unique_rejoin_code(class_id),
            public_id=secrets.token_hex(6),
        )
        db.session.add(student)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            if _holder_of(class_id, key) is not None:
                raise NameTakenError(name, class_code) from None
        else:
            return student
    raise RuntimeError("could not add the student")


def rejoin_class(typed_code: str, typed_rejoin_code: str) -> Student:
    school_class = _open_class_by_code(typed_code)
    rejoin_code = normalise_code(typed_rejoin_code)
    student = None
    if is_valid_code(rejoin_code):
        student = db.session.scalar(
            select(Student).where(
                Student.class_id == school_class.id,
                Student.rejoin_code == rejoin_code,
                Student.removed_at.is_(None),
            )
        )
    if student is None:
        raise ClassError(
            "That rejoin code does not match anyone in this class. Ask your teacher for it.",
            field="rejoin_code",
        )
    return student


# --- Settings and merging -------------------------------------------------------------------


def update_settings(school_class: SchoolClass, one_to_one_devices: bool, time_zone: str) -> None:
    """Devices and time zone.  Turning 1:1 devices off signs every student of the class out, so no
    long sign-in stays behind on what are now shared computers."""
    from app.domain.deadlines import is_valid_zone

    if time_zone and not is_valid_zone(time_zone):
        raise ClassError("Choose a time zone from the list.")
    if school_class.one_to_one_devices and not one_to_one_devices:
        for student in school_class.students:
            student.session_epoch += 1
    school_class.one_to_one_devices = one_to_one_devices
    school_class.time_zone = time_zone
    db.session.commit()


def merge_students(kept: Student, merged: Student) -> int:
    """Move all of ``merged``'s attempts to ``kept`` and remove ``merged``; returns how many moved.

    For one assignment the moved attempts are numbered after the kept student's own (in their
    old order), so "attempt 2" still means the second one.  Extensions move too; where both
    students have one for an assignment, the kept student gets the later date and the larger
    number of extra attempts.  The merged-away student's name is freed and their devices signed out.
    """
    if kept.id == merged.id:
        raise ClassError("Choose another student to merge with.")
    if kept.class_id != merged.class_id or kept.removed or merged.removed:
        raise ClassError("Both students must be in this class.")
    highest = dict(
        db.session.execute(
            select(Attempt.assignment_id, func.max(Attempt.number))
            .where(Attempt.student_id == kept.id)
            .group_by(Attempt.assignment_id)
        )
        .tuples()
        .all()
    )
    moving = list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.student_id == merged.id)
            .order_by(Attempt.assignment_id, Attempt.number, Attempt.id)
        )
    )
    # Two steps, so no row ever collides with another on (assignment, student, number) midway.
    for attempt in moving:
        attempt.number = -attempt.id
    db.session.flush()
    for attempt in moving:
        number = highest.get(attempt.assignment_id, 0) + 1
        highest[attempt.assignment_id] = number
        attempt.student_id = kept.id
        attempt.number = number
    db.session.flush()
    own = {
        e.assignment_id: e
        for e in db.session.scalars(select(Extension).where(Extension.student_id == kept.id))
    }
    for extension in list(db.session.scalars(select(Extension).where(Extension.student_id == merged.id))):
        mine = own.get(extension.assignment_id)
        if mine is None:
            extension.student_id = kept.id
            continue
        if extension.due_at is not None and (mine.due_at is None or extension.due_at > mine.due_at):
            mine.due_at = extension.due_at
        mine.extra_attempts = max(mine.extra_attempts, extension.extra_attempts)
        db.session.delete(extension)
    _end_student(merged)
    db.session.commit()
    return len(moving)


def merge_candidates(student: Student) -> list[Student]:
    """The other current students of the class, by name: whom ``student`` can be merged into."""
    return list(
        db.session.scalars(
            select(Student)
            .where(
                Student.class_id == student.class_id,
                Student.removed_at.is_(None),
                Student.id != student.id,
            )
            .order_by(func.lower(Student.display_name), Student.id)
        )
    )
