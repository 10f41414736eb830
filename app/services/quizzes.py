"""Assignments, attempts and answers: from a student's click to a stored score.

Answers are idempotent: a question is answered at most once per attempt (a
unique constraint backs this up), so a double click, a resent form or two
workers racing never count an answer twice.  An attempt's scores are always
recomputed from its stored responses, never incremented (an answer recomputes them in Python
from the responses it reads under the attempt's lock anyway, so no extra query).
"""

from __future__ import annotations

import fcntl
import os
import secrets
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app.database import read_connection
from app.domain import deadlines
from app.domain.arrangement import Arrangement
from app.domain.article import SKILLS
from app.domain.cache import LRUCache
from app.domain.confidence import ConfidenceError, parse_confidence
from app.domain.generate import KINDS
from app.domain.names import clean_display_name
from app.domain.question import Question
from app.domain.scoring import ANSWER_TYPES, Result, score_answer
from app.domain.statistics import (
    IN_PROGRESS,
    NOT_STARTED,
    SUBMITTED,
    Calibration,
    ScoredAnswer,
    calibration,
)
from app.domain.text import Block
from app.extensions import db
from app.models import (
    ATTEMPTS_ONE,
    ATTEMPTS_UNLIMITED,
    FEEDBACK_PRACTICE,
    FEEDBACK_TEST,
    LATE_ACCEPT,
    LATE_CLOSE,
    SHOW_ANSWERS_AFTER_DUE,
    SHOW_ANSWERS_AFTER_SUBMIT,
    SHOW_ANSWERS_NEVER,
    SKILL_COLUMNS,
    ArticleVersion,
    Assignment,
    Attempt,
    Extension,
    Quiz,
    Response,
    SchoolClass,
    Student,
    StudentRef,
    Teacher,
    utcnow,
)
from app.services.attempt_records import (
    ANSWERS_OF_ATTEMPT,
    STUDENT_ATTEMPT,
    STUDENT_ATTEMPT_WITH_ANSWERS,
    AnswerRecord,
    AssignmentRecord,
    AttemptRecord,
    ExtensionRecord,
    QuizRecord,
    answers_of,
    records_of,
)
from app.services.content import create_quiz, parse_version, version_blocks
from app.services.errors import NotFound, ServiceError
from app.services.times import format_local


class QuizError(ServiceError, ValueError):
    """Something the student or teacher can fix; the message says how.

    ``field`` names the form field the message is about, when there is one.
    """


# Database ids are 32-bit on every database this runs on; a bigger number is no id at all.
MAX_ID = 2**31 - 1
MAX_EXTRA_ATTEMPTS = 20


def _now(now: datetime | None) -> datetime:
    return utcnow() if now is None else now


# --- Assigning ------------------------------------------------------------------------------


def switchable_kinds() -> dict[str, str]:
    """Generated question kinds a teacher may switch off, name -> title, in KINDS order
    (hand-written questions are always asked)."""
    return {name: kind.title for name, kind in KINDS.items() if not kind.hand_written}


def _clean_kinds_off(kinds_off: Iterable[str]) -> list[str]:
    chosen = set(kinds_off)
    unknown = chosen - set(switchable_kinds())
    if unknown:
        raise QuizError("Choose question kinds from the list.", "kinds_off")
    return [name for name in switchable_kinds() if name in chosen]


NO_QUESTIONS_LEFT = (
    "With those kinds switched off this article has no questions to ask. Leave at least one kind on "
    "that the article has questions for."
)


def _check_settings(
    school_class: SchoolClass,
    *,
    due_at: datetime | None,
    attempts_policy: str,
    feedback_mode: str,
    late_policy: str,
    answers_shown: str,
    now: datetime | None,
    previous_due: datetime | None = None,
) -> None:
    """Refuse settings that do not fit together; with ``now``, also a new due date already past."""
    if attempts_policy not in (ATTEMPTS_ONE, ATTEMPTS_UNLIMITED):
        raise QuizError("Choose one attempt or unlimited attempts.", "attempts_policy")
    if feedback_mode not in (FEEDBACK_PRACTICE, FEEDBACK_TEST):
        raise QuizError("Choose when students see feedback.", "feedback_mode")
    if late_policy not in (LATE_ACCEPT, LATE_CLOSE):
        raise QuizError("Choose what happens after the due date.", "late_policy")
    if answers_shown not in (SHOW_ANSWERS_AFTER_SUBMIT, SHOW_ANSWERS_AFTER_DUE, SHOW_ANSWERS_NEVER):
        raise QuizError("Choose when students see the right answers.", "answers_shown")
    if now is not None and due_at is not None and due_at <= now and due_at != previous_due:
        raise QuizError(
            f"That time has already passed. It is now {format_local(now, school_class)}.", "due_at"
        )
    if late_policy == LATE_CLOSE and due_at is None:
        raise QuizError("To close the quiz at its due date, set a due date (or accept late work).", "due_at")
    if feedback_mode == FEEDBACK_TEST and answers_shown == SHOW_ANSWERS_AFTER_DUE and due_at is None:
        raise QuizError("To show the right answers after the due date, set a due date.", "due_at")


def assign_quiz(
    school_class: SchoolClass,
    version: ArticleVersion,
    *,
    title: str = "",
    due_at: datetime | None = None,
    attempts_policy: str = ATTEMPTS_ONE,
    feedback_mode: str = FEEDBACK_PRACTICE,
    late_policy: str = LATE_ACCEPT,
    answers_shown: str = SHOW_ANSWERS_AFTER_SUBMIT,
    ask_confidence: bool = False,
    kinds_off: Iterable[str] = (),
    seed: int | None = None,
    refuse_past_due: bool = False,
    now: datetime | None = None,
) -> Assignment:
    """Freeze a quiz from the article version and assign it: later edits never change it.

    A teacher's form sets ``refuse_past_due``: a due date already past is then a mistake.
    ``kinds_off``: generated question kinds the quiz leaves out.
    """
    kinds = _clean_kinds_off(kinds_off)
    _check_settings(
        school_class,
        due_at=due_at,
        attempts_policy=attempts_policy,
        feedback_mode=feedback_mode,
        late_policy=late_policy,
        answers_shown=answers_shown,
        now=_now(now) if refuse_past_due else None,
    )
    quiz = create_quiz(version, secrets.randbelow(2**31) if seed is None else seed, kinds)
    if not quiz.questions:
        db.session.rollback()
        if kinds:
            raise QuizError(NO_QUESTIONS_LEFT, "kinds_off")
        raise QuizError("This article has no questions to ask yet.")
    assignment = Assignment(
        class_id=school_class.id,
        quiz_id=quiz.id,
        title=clean_display_name(title) or version.title,
        due_at=due_at,
        attempts_policy=attempts_policy,
        feedback_mode=feedback_mode,
        late_policy=late_policy,
        answers_shown=answers_shown,
        ask_confidence=ask_confidence,
        kinds_off=kinds,
    )
    db.session.add(assignment)
    db.session.commit()
    return assignment


def update_assignment(
    assignment: Assignment,
    *,
    title: str,
    due_at: datetime | None,
    attempts_policy: str,
    feedback_mode: str,
    late_policy: str,
    answers_shown: str,
    ask_confidence: bool | None = None,
    kinds_off: Iterable[str] | None = None,
    refuse_past_due: bool = False,
    now: datetime | None = None,
) -> Assignment:
    """Change an assignment's settings, refusing changes that would spoil work already done.

    Switching question kinds off or on draws the quiz again (same seed), so it can only change
    until a student has started.  Asking "How sure are you?" may change at any time: it never
    changes a score.  ``None`` leaves either setting as it is.

    Once a student has started, the feedback mode is fixed: practice answers are final once
    their feedback was seen, test answers can still change, so switching would let students
    change answers they have seen the key for (or see keys mid-test).  "One attempt" cannot
    come back once a student has taken the quiz more than once.  Everything else may change:
    scores are always recomputed from stored answers, and the kept attempt is the best one
    whatever the policy.
    """
    _check_settings(
        assignment.school_class,
        due_at=due_at,
        attempts_policy=attempts_policy,
        feedback_mode=feedback_mode,
        late_policy=late_policy,
        answers_shown=answers_shown,
        now=_now(now) if refuse_past_due else None,
        previous_due=assignment.due_at,
    )
    kinds = None if kinds_off is None else _clean_kinds_off(kinds_off)
    started = db.session.scalar(select(func.count(Attempt.id)).where(Attempt.assignment_id == assignment.id))
    if kinds is not None and set(kinds) != set(assignment.kinds_off or []):
        if started:
            raise QuizError(
                "Students have already started this quiz, so its questions stay as they are. To leave out "
                "other kinds, assign the article again as a new quiz.",
                "kinds_off",
            )
        _redraw_with_kinds(assignment, kinds)
    if feedback_mode != assignment.feedback_mode and started:
        raise QuizError(
            "Students have already started this quiz, so when they see feedback can no longer change. "
            "To change it, assign the article again as a new quiz.",
            "feedback_mode",
        )
    if attempts_policy == ATTEMPTS_ONE and assignment.attempts_policy != ATTEMPTS_ONE:
        repeaters = db.session.scalar(
            select(func.count()).select_from(
                select(Attempt.student_id)
                .where(Attempt.assignment_id == assignment.id)
                .group_by(Attempt.student_id)
                .having(func.count(Attempt.id) > 1)
                .subquery()
            )
        )
        if repeaters:
            raise QuizError(
                f"{repeaters} student(s) have already taken this quiz more than once, so it cannot go "
                "back to one attempt. Their best score is kept.",
                "attempts_policy",
            )
    assignment.title = clean_display_name(title) or assignment.quiz.article_version.title
    assignment.due_at = due_at
    assignment.attempts_policy = attempts_policy
    assignment.feedback_mode = feedback_mode
    assignment.late_policy = late_policy
    assignment.answers_shown = answers_shown
    if ask_confidence is not None:
        assignment.ask_confidence = ask_confidence
    assignment.updated_at = _now(now)
    db.session.commit()
    return assignment


def _redraw_with_kinds(assignment: Assignment, kinds: list[str]) -> None:
    """Build the assignment's quiz again with the same seed and other kinds left out (no commit;
    the caller checked that no student has started).  The replaced quiz goes if nothing else uses it."""
    from app.services.content import ContentError

    old = assignment.quiz
    try:
        quiz = create_quiz(old.article_version, old.seed, kinds)
    except ContentError as error:
        db.session.rollback()
        raise QuizError(
            f"This version of the article no longer passes the checks, so its quiz cannot change: {error}",
            "kinds_off",
        ) from error
    if not quiz.questions:
        db.session.rollback()
        raise QuizError(NO_QUESTIONS_LEFT, "kinds_off")
    assignment.quiz_id = quiz.id
    assignment.kinds_off = kinds
    db.session.flush()
    still_used = select(func.count()).select_from(Assignment).where(Assignment.quiz_id == old.id)
    if not db.session.scalar(still_used):
        db.session.delete(old)


@dataclass(frozen=True)
class AssignmentWork:
    """What deleting an assignment would remove."""

    attempts: int
    students: int
    extensions: int


def work_of(assignment: Assignment) -> AssignmentWork:
    attempts, students = db.session.execute(
        select(func.count(Attempt.id), func.count(func.distinct(Attempt.student_id))).where(
            Attempt.assignment_id == assignment.id
        )
    ).one()
    extensions = db.session.scalar(
        select(func.count(Extension.id)).where(Extension.assignment_id == assignment.id)
    )
    return AssignmentWork(int(attempts), int(students), int(extensions or 0))


def delete_assignment(assignment: Assignment) -> None:
    """Remove the assignment with its attempts, answers and extensions (so its scores leave every
    page and export), and its frozen quiz when no other assignment uses it."""
    attempt_ids = select(Attempt.id).where(Attempt.assignment_id == assignment.id)
    db.session.execute(delete(Response).where(Response.attempt_id.in_(attempt_ids)))
    db.session.execute(delete(Attempt).where(Attempt.assignment_id == assignment.id))
    db.session.execute(delete(Extension).where(Extension.assignment_id == assignment.id))
    quiz_id = assignment.quiz_id
    db.session.delete(assignment)
    db.session.flush()
    if db.session.scalar(select(Assignment.id).where(Assignment.quiz_id == quiz_id).limit(1)) is None:
        db.session.execute(delete(Quiz).where(Quiz.id == quiz_id))
    db.session.commit()


# --- Due dates, closing and extensions ------------------------------------------------------


# An attempt and what is around it, as the ORM's rows (to change them, and on the teacher's pages)
# or as the records a student's quiz pages read in one statement (app.services.attempt_records).
AttemptLike = Attempt | AttemptRecord
AssignmentLike = Assignment | AssignmentRecord
ExtensionLike = Extension | ExtensionRecord
QuizLike = Quiz | QuizRecord


def extension_of(assignment: AssignmentLike, student_id: int) -> Extension | None:
    return db.session.scalar(
        select(Extension).where(Extension.assignment_id == assignment.id, Extension.student_id == student_id)
    )


def due_for(assignment: AssignmentLike, extension: ExtensionLike | None) -> datetime | None:
    """The student's own due date: their extension's when it has one, else the class's."""
    return deadlines.effective_due(assignment.due_at, extension.due_at if extension is not None else None)


def closed_for(assignment: AssignmentLike, extension: ExtensionLike | None, now: datetime) -> bool:
    return deadlines.is_closed(assignment.late_policy == LATE_CLOSE, due_for(assignment, extension), now)


def attempts_allowed(assignment: AssignmentLike, extension: ExtensionLike | None) -> int | None:
    """How many attempts the student may make; None for no limit."""
    if assignment.attempts_policy == ATTEMPTS_UNLIMITED:
        return None
    return 1 + (extension.extra_attempts if extension is not None else 0)


def answers_released(
    assignment: AssignmentLike, submitted: bool, due: datetime | None, now: datetime
) -> bool:
    """Whether a submitted attempt may show the right answers and explanations.

    Practice shows them after each answer.  A test shows them as the teacher chose: once
    submitted, once the student's due date has passed, or never.
    """
    if assignment.feedback_mode == FEEDBACK_PRACTICE:
        return True
    if not submitted or assignment.answers_shown == SHOW_ANSWERS_NEVER:
        return False
    if assignment.answers_shown == SHOW_ANSWERS_AFTER_DUE:
        return due is None or now >= due
    return True


def closed_message(assignment: AssignmentLike, due: datetime | None) -> str:
    when = format_local(due, assignment.school_class) if due is not None else "its due date"
    return f"This quiz closed at {when}. Your answers from before then are handed in."


def submit_overdue_attempts(
    *,
    now: datetime | None = None,
    teacher_id: int | None = None,
    class_id: int | None = None,
    student_id: int | None = None,
    assignment_id: int | None = None,
    attempt_id: int | None = None,
) -> int:
    """Hand in every unsubmitted attempt whose assignment has closed for its student.

    Closing is lazy: nothing runs at the due date, so every page that reads attempts (a quiz
    page, the student's list, the gradebook and dashboard, exports) calls this first, narrowed
    to what it reads.  Each overdue attempt is submitted with the answers it has, dated at the
    student's due date.  Idempotent and safe when two requests do it at once: each attempt is
    locked and checked again before it is changed.  Returns how many attempts it submitted.
    """
    moment = _now(now)
    statement = (
        select(Attempt, Assignment, Extension)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .outerjoin(
            Extension,
            (Extension.assignment_id == Attempt.assignment_id) & (Extension.student_id == Attempt.student_id),
        )
        .where(Attempt.submitted_at.is_(None), Assignment.late_policy == LATE_CLOSE)
    )
    if teacher_id is not None:
        owned = select(SchoolClass.id).where(SchoolClass.teacher_id == teacher_id)
        statement = statement.where(Assignment.class_id.in_(owned))
    if class_id is not None:
        statement = statement.where(Assignment.class_id == class_id)
    if student_id is not None:
        statement = statement.where(Attempt.student_id == student_id)
    if assignment_id is not None:
        statement = statement.where(Attempt.assignment_id == assignment_id)
    if attempt_id is not None:
        statement = statement.where(Attempt.id == attempt_id)
    overdue = [
        (attempt, due_for(assignment, extension))
        for attempt, assignment, extension in db.session.execute(statement).tuples()
        if closed_for(assignment, extension, moment)
    ]
    submitted = 0
    for attempt, due in overdue:
        locked = _lock(attempt)
        if locked.submitted_at is None:
            _rescore(locked)
            locked.submitted_at = due
            submitted += 1
        db.session.commit()
    return submitted


def current_students(school_class: SchoolClass) -> list[Student]:
    """The class's students (not removed), by name: who can be given an extension."""
    return list(
        db.session.scalars(
            select(Student)
            .where(Student.class_id == school_class.id, Student.removed_at.is_(None))
            .order_by(func.lower(Student.display_name), Student.id)
        )
    )


def extensions_of(assignment: Assignment) -> list[Extension]:
    return list(
        db.session.scalars(
            select(Extension)
            .join(Student, Student.id == Extension.student_id)
            .options(joinedload(Extension.student))
            .where(Extension.assignment_id == assignment.id)
            .order_by(func.lower(Student.display_name), Student.id)
        )
    )


def set_extension(
    assignment: Assignment,
    student: Student,
    *,
    due_at: datetime | None,
    extra_attempts: int,
    now: datetime | None = None,
) -> Extension:
    """Give one student a later due date and/or extra attempts (replacing an earlier extension)."""
    moment = _now(now)
    if student.class_id != assignment.class_id or student.removed:
        raise QuizError("Choose a student of this class.", "student_id")
    if not 0 <= extra_attempts <= MAX_EXTRA_ATTEMPTS:
        raise QuizError(f"Give between 0 and {MAX_EXTRA_ATTEMPTS} extra attempts.", "extra_attempts")
    if due_at is None and extra_attempts == 0:
        raise QuizError("Give a later due date, extra attempts, or both.", "due_at")
    if extra_attempts and assignment.attempts_policy == ATTEMPTS_UNLIMITED:
        raise QuizError(
            "This quiz already allows unlimited attempts, so extra attempts change nothing.", "extra_attempts"
        )
    existing = extension_of(assignment, student.id)
    if due_at is not None:
        unchanged = existing is not None and existing.due_at == due_at
        if due_at <= moment and not unchanged:
            raise QuizError(
                f"That time has already passed. It is now {format_local(moment, assignment.school_class)}.",
                "due_at",
            )
        if assignment.due_at is not None and due_at <= assignment.due_at:
            raise QuizError(
                "An extension must end after the class's due date "
                f"({format_local(assignment.due_at, assignment.school_class)}).",
                "due_at",
            )
    for _ in range(2):
        extension = existing or Extension(assignment_id=assignment.id, student_id=student.id)
        extension.due_at = due_at
        extension.extra_attempts = extra_attempts
        db.session.add(extension)
        try:
            db.session.commit()
        except IntegrityError:
            # Saved for the same student at the same moment elsewhere: update that one.
            db.session.rollback()
            existing = extension_of(assignment, student.id)
        else:
            return extension
    raise QuizError("That extension could not be saved; try again.")


def remove_extension(assignment: Assignment, extension_id: int) -> Student:
    """Remove one extension of this assignment (404 for any other); returns whose it was."""
    extension = db.session.get(Extension, extension_id) if 0 < extension_id <= MAX_ID else None
    if extension is None or extension.assignment_id != assignment.id:
        raise NotFound
    student = extension.student
    db.session.delete(extension)
    db.session.commit()
    return student


def assignments_of(school_class: SchoolClass) -> list[Assignment]:
    return list(
        db.session.scalars(
            select(Assignment)
            .options(joinedload(Assignment.quiz).joinedload(Quiz.article_version))
            .where(Assignment.class_id == school_class.id)
            .order_by(Assignment.created_at.desc(), Assignment.id.desc())
        )
    )


def assignment_for_teacher(teacher: Teacher, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id) if 0 < assignment_id <= MAX_ID else None
    if assignment is None or assignment.school_class.teacher_id != teacher.id:
        raise NotFound
    return assignment


def assignment_for_student(student: StudentRef, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id) if 0 < assignment_id <= MAX_ID else None
    if assignment is None or assignment.class_id != student.class_id:
        raise NotFound
    return assignment


# A stored quiz never changes (drawing another quiz makes a new one), so each quiz's questions are
# built from its JSON once per process.  The key is more than the id: SQLite may give a deleted
# quiz's id to the next one, which never has the same version, seed and creation time too.
_QuizKey = tuple[int, int, int, datetime]
_questions_cache: LRUCache[_QuizKey, tuple[Question, ...]] = LRUCache(maxsize=256)


def questions_of(quiz: QuizLike) -> list[Question]:
    key = (quiz.id, quiz.article_version_id, quiz.seed, quiz.created_at)
    questions = _questions_cache.get(key)
    if questions is None:
        # Only read here: the quiz pages read which quiz it is, not its questions' JSON.
        if isinstance(quiz, Quiz):
            stored = quiz.questions
        else:
            stored = db.session.execute(select(Quiz.questions).where(Quiz.id == quiz.id)).scalar_one()
        questions = tuple(Question.from_dict(data) for data in stored)
        _questions_cache.put(key, questions)
    return list(questions)


# --- A student's view of their assignments --------------------------------------------------


@dataclass(frozen=True)
class StudentAssignment:
    assignment: Assignment
    status: str
    attempts_used: int
    open_attempt: Attempt | None
    kept: Attempt | None  # the best submitted attempt
    answered: int = 0  # questions answered in the open attempt
    due: datetime | None = None  # the student's own due date (their extension's, else the class's)
    closed: bool = False  # closed at the due date: no new attempts or answers
    allowed: int | None = 1  # attempts the student may make; None: no limit

    @property
    def can_start(self) -> bool:
        return self.status == NOT_STARTED and self.open_attempt is None and not self.closed

    @property
    def can_start_again(self) -> bool:
        return (
            self.open_attempt is None
            and self.kept is not None
            and not self.closed
            and (self.allowed is None or self.attempts_used < self.allowed)
        )

    def state(self, now: datetime) -> str:
        """deadlines.ON_TIME, LATE, MISSING or NOT_DUE, by the student's own due date."""
        return deadlines.submission_state(self.due, self.kept.submitted_at if self.kept else None, now)

    def is_late(self, now: datetime) -> bool:
        """Handed in after the due date, or not handed in and the due date has passed."""
        return self.state(now) in (deadlines.LATE, deadlines.MISSING)


def student_assignments(student: StudentRef, now: datetime | None = None) -> list[StudentAssignment]:
    """The student's assignments with their status, in four queries (after closing overdue attempts)."""
    moment = _now(now)
    submit_overdue_attempts(now=moment, student_id=student.id)
    assignments = list(
        db.session.scalars(
            select(Assignment)
            .where(Assignment.class_id == student.class_id)
            .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.created_at.desc())
        )
    )
    attempts = list(
        db.session.scalars(select(Attempt).where(Attempt.student_id == student.id).order_by(Attempt.number))
    )
    extensions = {
        e.assignment_id: e
        for e in db.session.scalars(select(Extension).where(Extension.student_id == student.id))
    }
    by_assignment: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_assignment.setdefault(attempt.assignment_id, []).append(attempt)
    open_ids = [a.id for a in attempts if not a.submitted]
    answered_counts: dict[int, int] = {}
    if open_ids:
        answered_counts = dict(
            db.session.execute(
                select(Response.attempt_id, func.count(Response.id))
                .where(Response.attempt_id.in_(open_ids))
                .group_by(Response.attempt_id)
            )
            .tuples()
            .all()
        )
    result = []
    for assignment in assignments:
        own = by_assignment.get(assignment.id, [])
        open_attempt = next((a for a in own if not a.submitted), None)
        kept = best_attempt(own)
        if kept is not None:
            status = SUBMITTED
        elif open_attempt is not None:
            status = IN_PROGRESS
        else:
            status = NOT_STARTED
        answered = answered_counts.get(open_attempt.id, 0) if open_attempt is not None else 0
        extension = extensions.get(assignment.id)
        result.append(
            StudentAssignment(
                assignment,
                status,
                len(own),
                open_attempt,
                kept,
                answered,
                due=due_for(assignment, extension),
                closed=closed_for(assignment, extension, moment),
                allowed=attempts_allowed(assignment, extension),
            )
        )
    return result


def best_attempt(attempts: list[Attempt]) -> Attempt | None:
    """The kept attempt: the best submitted score; the earlier one on a tie."""
    submitted = [a for a in attempts if a.submitted]
    if not submitted:
        return None
    return max(submitted, key=lambda a: (a.percent, -a.number))


# --- Attempts -------------------------------------------------------------------------------


def _skill_maxima(questions: list[Question]) -> Counter[str]:
    return Counter(q.skill for q in questions)


def start_attempt(student: StudentRef, assignment: Assignment, now: datetime | None = None) -> Attempt:
    """Resume the open attempt, or start one if the policy allows.  Safe to call twice at once.

    A closed assignment (for this student) starts nothing, and its open attempt is handed in.
    """
    moment = _now(now)
    extension = extension_of(assignment, student.id)
    if closed_for(assignment, extension, moment):
        submit_overdue_attempts(now=moment, student_id=student.id, assignment_id=assignment.id)
        raise QuizError(closed_message(assignment, due_for(assignment, extension)))
    attempts = list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.assignment_id == assignment.id, Attempt.student_id == student.id)
            .order_by(Attempt.number)
        )
    )
    open_attempt = next((a for a in attempts if not a.submitted), None)
    if open_attempt is not None:
        return open_attempt
    allowed = attempts_allowed(assignment, extension)
    if allowed is not None and len(attempts) >= allowed:
        raise QuizError("You have already done this quiz.")
    questions = questions_of(assignment.quiz)
    maxima = _skill_maxima(questions)
    attempt = Attempt(
        assignment_id=assignment.id,
        student_id=student.id,
        number=len(attempts) + 1,
        # A retake gets its own order of questions and choices; the first attempt is the class's quiz.
        seed=secrets.randbelow(2**31) if attempts else None,
        max_score=float(len(questions)),
    )
    attempt.set_skill_maxima(maxima)
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # The same student started twice at once (double click, two tabs): use the other one.
        db.session.rollback()
        attempt = db.session.scalars(
            select(Attempt).where(
                Attempt.assignment_id == assignment.id,
                Attempt.student_id == student.id,
                Attempt.number == len(attempts) + 1,
            )
        ).one()
    return attempt


def _load_attempt(
    student: StudentRef, attempt_id: int, now: datetime, *, with_answers: bool = False
) -> tuple[AttemptRecord, ExtensionRecord | None, dict[int, AnswerRecord] | None]:
    """The student's own attempt with its assignment, quiz and the student's extension (and, if
    asked, its answers), in one statement; 404 for anyone else's.  Past its due date it is handed
    in first."""
    if not 0 < attempt_id <= MAX_ID:
        raise NotFound
    statement = STUDENT_ATTEMPT_WITH_ANSWERS if with_answers else STUDENT_ATTEMPT
    parameters = {"attempt_id": attempt_id, "student_id": student.id}
    rows = read_connection().execute(statement, parameters).all()
    if not rows:
        raise NotFound
    attempt, extension = records_of(rows[0])
    if attempt.submitted_at is None and closed_for(attempt.assignment, extension, now):
        # Past the due date the attempt is handed in with what it has, before anything shows it.
        submit_overdue_attempts(now=now, attempt_id=attempt.id)
        rows = read_connection().execute(statement, parameters).all()
        attempt, extension = records_of(rows[0])
    return attempt, extension, answers_of(rows) if with_answers else None


def attempt_for_student(student: StudentRef, attempt_id: int, now: datetime | None = None) -> AttemptRecord:
    """The student's own attempt, with its assignment, quiz and article version; 404 for anyone else's."""
    return _load_attempt(student, attempt_id, _now(now))[0]


def student_attempt_view(student: StudentRef, attempt_id: int, now: datetime | None = None) -> AttemptView:
    """``attempt_view(attempt_for_student(...))`` in one statement: the attempt with everything
    around it and its answers."""
    moment = _now(now)
    attempt, extension, answers = _load_attempt(student, attempt_id, moment, with_answers=True)
    return attempt_view(attempt, moment, extension=extension, answers=answers)


def responses_by_position(attempt: AttemptLike) -> dict[int, AnswerRecord]:
    rows = db.session.execute(ANSWERS_OF_ATTEMPT, {"attempt_id": attempt.id})
    return {row.position: AnswerRecord(*row) for row in rows}


# --- What a quiz page shows -----------------------------------------------------------------


def article_blocks_of(quiz: QuizLike) -> tuple[Block, ...]:
    """The blocks of the article version a quiz was made from (parsed once per process)."""
    if isinstance(quiz, Quiz):
        return article_blocks(quiz.article_version)
    return version_blocks(quiz.article_version_id, quiz.content_hash)


def article_blocks(version: ArticleVersion) -> tuple[Block, ...]:
    """The headline (block 0) and paragraphs of an article version, cut into words (parsed once
    per process: ``parse_version`` caches the article)."""
    return parse_version(version).blocks


def arrangement_of(attempt: AttemptLike, questions: list[Question]) -> Arrangement:
    """A first attempt shows the class's quiz as assigned; a retake has its own order (its seed)."""
    if attempt.seed is None:
        return Arrangement.identity(questions)
    return Arrangement.shuffled(questions, attempt.seed)


@dataclass(frozen=True)
class AttemptView:
    """An attempt with its questions, stored answers and article: everything a quiz page shows.

    Positions and choice indexes here are the ones the attempt shows (see ``arrangement``);
    ``responses`` is keyed by shown position.
    """

    attempt: AttemptLike
    questions: list[Question]
    responses: dict[int, AnswerRecord]
    blocks: tuple[Block, ...]
    arrangement: Arrangement
    due: datetime | None = None  # the student's own due date
    closed: bool = False  # the assignment has closed for this student
    # Right answers and explanations may show (always in practice; in a test as the teacher chose).
    answers_released: bool = True
    may_start_again: bool = False  # submitted, and another attempt is allowed and still open

    @property
    def assignment(self) -> AssignmentLike:
        return self.attempt.assignment

    @property
    def attempt_id(self) -> int:
        return self.attempt.id

    @property
    def submitted(self) -> bool:
        return self.attempt.submitted

    @property
    def quiz_key(self) -> tuple[object, ...]:
        """What identifies the quiz's questions (as questions_of caches them), for caching their HTML."""
        quiz = self.assignment.quiz
        return (quiz.id, quiz.article_version_id, quiz.seed, quiz.created_at)

    @property
    def article_key(self) -> str:
        """What identifies the article's text (its version's content hash), for caching its HTML."""
        quiz = self.assignment.quiz
        return quiz.article_version.content_hash if isinstance(quiz, Quiz) else quiz.content_hash

    @property
    def practice(self) -> bool:
        """Feedback after each question (practice) rather than after submitting (test)."""
        return self.assignment.feedback_mode == FEEDBACK_PRACTICE

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return len(self.responses)

    @property
    def answers_changeable(self) -> bool:
        return not self.practice and not self.attempt.submitted

    @property
    def can_try_again(self) -> bool:
        return self.attempt.submitted and self.may_start_again

    @property
    def answers_release_at(self) -> datetime | None:
        """When a submitted test's right answers appear, if they are still to come."""
        if self.answers_released or self.assignment.answers_shown != SHOW_ANSWERS_AFTER_DUE:
            return None
        return self.due

    def first_unanswered(self) -> int | None:
        return next((p for p in range(self.total) if p not in self.responses), None)

    def next_unanswered(self, after: int) -> int | None:
        """The first unanswered question after ``after``, wrapping round to the start."""
        order = [*range(after + 1, self.total), *range(0, after + 1)]
        return next((p for p in order if p not in self.responses), None)

    def answer_of(self, position: int) -> list[int]:
        response = self.responses.get(position)
        if response is None:
            return []
        stored = self.arrangement.stored_position(position)
        return self.arrangement.shown_answer(stored, self.questions[position], response.answer)

    def result(self, position: int) -> Result | None:
        """The scored answer to one question with the details feedback shows; None if unanswered."""
        if position not in self.responses:
            return None
        return score_answer(self.questions[position], tuple(self.answer_of(position)))

    def skill_percentages(self) -> dict[str, float | None]:
        return skill_percentages(self.attempt)

    def confidence_of(self, position: int) -> str | None:
        """How sure the student said they were of their answer to a question (None: not said)."""
        response = self.responses.get(position)
        return response.confidence if response is not None else None

    def calibration(self) -> Calibration:
        """How often the answers at each confidence level were right, in this attempt."""
        return calibration(
            ScoredAnswer((), r.score, r.max_score, r.confidence) for r in self.responses.values()
        )


_UNKNOWN = object()  # attempt_view's extension when the caller has not read it


def attempt_view(
    attempt: AttemptLike,
    now: datetime | None = None,
    *,
    extension: ExtensionLike | None | object = _UNKNOWN,
    answers: dict[int, AnswerRecord] | None = None,
) -> AttemptView:
    """Load what an attempt's pages show, in a fixed number of queries whatever the quiz length.

    ``extension``: the student's extension for this assignment (None for none) when already read;
    ``answers``: the attempt's stored answers by position, when already read.
    """
    moment = _now(now)
    assignment = attempt.assignment
    stored = questions_of(assignment.quiz)
    arrangement = arrangement_of(attempt, stored)
    responses = responses_by_position(attempt) if answers is None else answers
    if extension is _UNKNOWN:
        extension = extension_of(assignment, attempt.student_id)
    extension = cast(ExtensionLike | None, extension)
    due = due_for(assignment, extension)
    closed = closed_for(assignment, extension, moment)
    may_start_again = False
    if attempt.submitted and not closed:
        allowed = attempts_allowed(assignment, extension)
        used = db.session.scalar(
            select(func.count(Attempt.id)).where(
                Attempt.assignment_id == assignment.id, Attempt.student_id == attempt.student_id
            )
        )
        may_start_again = allowed is None or int(used or 0) < allowed
    return AttemptView(
        attempt=attempt,
        questions=arrangement.questions(stored),
        responses={arrangement.shown_position(p): r for p, r in responses.items() if 0 <= p < len(stored)},
        blocks=article_blocks_of(assignment.quiz),
        arrangement=arrangement,
        due=due,
        closed=closed,
        answers_released=answers_released(assignment, attempt.submitted, due, moment),
        may_start_again=may_start_again,
    )


# SQLite has one write lock for the whole file, and a writer that finds it taken sleeps (1, 2, 5,
# 10... ms) before trying again, so under load answers spend longer asleep than working.  Answers
# (the one frequent writer) queue for it instead: the threads of one process on a Python lock, the
# processes on an flock() of a file beside the database, which the kernel hands on the moment it is
# released (and releases if a process dies).  Other writers still rely on SQLite's own lock.
_writer_turn = threading.Lock()
# Opened in each process (the key has its pid): a descriptor inherited through fork() would share
# its lock with the parent instead of queueing against it.
_writer_files: dict[tuple[int, str], int] = {}


@contextmanager
def _writers_in_turn() -> Iterator[None]:
    """Around a whole write transaction that starts with _lock(), on a SQLite file; nothing elsewhere."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        yield
        return
    with _writer_turn:
        key = (os.getpid(), url.database)
        descriptor = _writer_files.get(key)
        if descriptor is None:
            descriptor = os.open(f"{url.database}-writer.lock", os.O_RDWR | os.O_CREAT, 0o600)
            _writer_files[key] = descriptor
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)


def _lock(attempt: AttemptLike) -> Attempt:
    """Serialise writers to one attempt, and read it again once they are.

    PostgreSQL locks the attempt's row.  SQLite has no row locks: its database-wide write
    lock is taken now (BEGIN IMMEDIATE) instead of at the first INSERT, so what the caller
    reads next (submitted yet? answered already?) cannot change before it commits.
    """
    _begin_immediate()
    return db.session.scalars(
        select(Attempt)
        .where(Attempt.id == attempt.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


@dataclass(frozen=True)
class SavedAnswer:
    """What the page after an answer needs, read inside the answer's transaction."""

    response_id: int
    attempt_id: int
    total: int
    practice: bool
    submitted: bool
    answered: frozenset[int]  # positions answered, as the attempt shows them

    def next_unanswered(self, after: int) -> int | None:
        """The first unanswered question after ``after``, wrapping round to the start."""
        order = [*range(after + 1, self.total), *range(0, after + 1)]
        return next((p for p in order if p not in self.answered), None)


def record_answer(
    attempt: AttemptLike, position: int, raw_values: list[str], raw_confidence: str | None = None
) -> Response:
    """Store the answer to one question and rescore the attempt.

    Sending the same question again returns the stored response unchanged (in a
    test, before submitting, it replaces the earlier answer instead).
    ``raw_confidence``: how sure the student is (a level of app.domain.confidence, or none),
    stored with the answer when the assignment asks for it; it never changes the score.
    """
    saved = save_answer(attempt, position, raw_values, raw_confidence)
    return db.session.get_one(Response, saved.response_id)


# The answer's transaction is written in SQL expressions rather than through the ORM: it is the
# one frequent writer, and on SQLite every answer waits for the one before it to commit, so the
# fewer microseconds it holds the lock, the more answers a second the whole school gets.
_attempts = cast(Table, Attempt.__table__)
_responses = cast(Table, Response.__table__)
# Locks the attempt (PostgreSQL: its row; SQLite: BEGIN IMMEDIATE took the file's write lock).  Its
# answers are read by the next statement: one joined to the lock would, on PostgreSQL, read them
# as they were before it waited, missing the answer whose transaction it waited for.
_LOCK_ATTEMPT = (
    select(_attempts.c.submitted_at).where(_attempts.c.id == bindparam("attempt_id")).with_for_update()
)
_ANSWERS_OF_ATTEMPT = select(
    _responses.c.id, _responses.c.position, _responses.c.skill, _responses.c.score
).where(_responses.c.attempt_id == bindparam("attempt_id"))
_INSERT_RESPONSE = _responses.insert()
_CHANGE_RESPONSE = (
    _responses.update()
    .where(_responses.c.id == bindparam("response_id"))
    .values(
        answer=bindparam("answer"),
        score=bindparam("score"),
        verdict=bindparam("verdict"),
        confidence=bindparam("confidence"),
        answered_at=bindparam("answered_at"),
    )
)
_SET_SCORES = (
    _attempts.update()
    .where(_attempts.c.id == bindparam("attempt_id"))
    .values(
        score=bindparam("total"),
        **{score: bindparam(score) for score, _maximum in SKILL_COLUMNS.values()},
    )
)


@dataclass(frozen=True)
class _StoredAnswer:
    id: int
    skill: str
    score: float


def _begin_immediate() -> None:
    """On SQLite, take the database's write lock now rather than at the first write (see _lock)."""
    connection = db.session.connection()
    driver = cast(sqlite3.Connection, connection.connection.dbapi_connection)  # when the dialect is sqlite
    if connection.dialect.name == "sqlite" and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _scores_from(answers: Iterable[_StoredAnswer]) -> dict[str, float]:
    """The attempt's score columns from all its answers: the sums _rescore's query makes."""
    sums = {skill: 0.0 for skill in SKILLS}
    for stored in answers:
        sums[stored.skill] = sums.get(stored.skill, 0.0) + float(stored.score)
    columns = {SKILL_COLUMNS[skill][0]: sums[skill] for skill in SKILLS}
    return {"total": sum(sums[skill] for skill in SKILLS), **columns}


def save_answer(
    attempt: AttemptLike, position: int, raw_values: list[str], raw_confidence: str | None = None
) -> SavedAnswer:
    """``record_answer``, returning also where the attempt stands, so the next page needs no query.

    One short transaction: lock the attempt and read its answers (one statement), insert (or, in a
    test, update) one, set the attempt's scores from those answers, commit.
    """
    assignment = attempt.assignment
    try:
        confidence = parse_confidence(raw_confidence)
    except ConfidenceError as error:
        raise QuizError(str(error), "confidence") from error
    if not assignment.ask_confidence:
        confidence = None
    stored_questions = questions_of(assignment.quiz)
    if not 0 <= position < len(stored_questions):
        raise NotFound
    # ``position`` and the raw values are as the attempt shows them; store them as the quiz has them.
    arrangement = arrangement_of(attempt, stored_questions)
    shown = arrangement.question(stored_questions, position)
    position = arrangement.stored_position(position)
    question = stored_questions[position]
    shown_answer = ANSWER_TYPES[shown.type].parse(raw_values, shown)
    answer = (
        None if shown_answer is None else tuple(arrangement.stored_answer(position, question, shown_answer))
    )
    # Read before the transaction: the commit expires what the session holds.
    test_mode = assignment.feedback_mode == FEEDBACK_TEST
    attempt_id = attempt.id

    def saved(response_id: int, answered: Iterable[int], submitted: bool) -> SavedAnswer:
        shown_answered = frozenset(
            arrangement.shown_position(p) for p in answered if 0 <= p < len(stored_questions)
        )
        return SavedAnswer(
            response_id, attempt_id, len(stored_questions), not test_mode, submitted, shown_answered
        )

    def hand_in_if_closed() -> None:
        """Too late (the assignment closes at its due date): hand in what the attempt has, dated at
        the due date, and say so."""
        extension = extension_of(assignment, attempt.student_id)
        if not closed_for(assignment, extension, utcnow()):
            return
        due = due_for(assignment, extension)
        locked = _lock(attempt)
        if locked.submitted_at is None:
            _rescore(locked)
            locked.submitted_at = due
        message = closed_message(assignment, due)
        db.session.commit()
        raise QuizError(message)

    # Scored before the transaction: on SQLite every other answer waits while it runs.
    result = score_answer(question, answer) if answer else None

    def transaction() -> SavedAnswer:
        _begin_immediate()
        locked = db.session.execute(_LOCK_ATTEMPT, {"attempt_id": attempt_id}).one_or_none()
        if locked is None:
            db.session.rollback()
            raise NotFound
        submitted = locked.submitted_at is not None
        rows = db.session.execute(_ANSWERS_OF_ATTEMPT, {"attempt_id": attempt_id})
        answers = {r.position: _StoredAnswer(r.id, r.skill, r.score) for r in rows}
        existing = answers.get(position)
        if existing is not None and not (test_mode and not submitted):
            db.session.rollback()
            return saved(existing.id, answers, submitted)
        if assignment.late_policy == LATE_CLOSE:
            hand_in_if_closed()
        if submitted:
            db.session.rollback()
            raise QuizError("This quiz is already submitted.")
        if result is None or answer is None:
            db.session.rollback()
            raise QuizError("Select at least one word." if question.type == "select" else "Choose an answer.")
        values = {
            "answer": list(answer),
            "score": result.score,
            "verdict": result.verdict,
            "confidence": confidence,
            "answered_at": utcnow(),
        }
        try:
            if existing is not None:
                db.session.execute(_CHANGE_RESPONSE, {"response_id": existing.id, **values})
                response_id = existing.id
            else:
                inserted = db.session.execute(
                    _INSERT_RESPONSE,
                    {
                        "attempt_id": attempt_id,
                        "position": position,
                        "skill": question.skill,
                        "max_score": 1.0,
                        **values,
                    },
                )
                [response_id] = cast(Any, inserted).inserted_primary_key
            answers[position] = _StoredAnswer(response_id, question.skill, result.score)
            db.session.execute(_SET_SCORES, {"attempt_id": attempt_id, **_scores_from(answers.values())})
            outcome = saved(response_id, answers, submitted=False)
            db.session.commit()
        except IntegrityError:
            # The same question answered at the same moment elsewhere (the unique constraint; the
            # lock makes this rare): that one counts.
            db.session.rollback()
            stored = db.session.scalar(
                select(Response.id).where(Response.attempt_id == attempt_id, Response.position == position)
            )
            if stored is None:
                raise
            return saved(stored, [*answers, position], submitted=False)
        return outcome

    with _writers_in_turn():
        return transaction()


def _rescore(attempt: Attempt) -> None:
    sums: dict[str, float] = dict(
        db.session.execute(
            select(Response.skill, func.sum(Response.score))
            .where(Response.attempt_id == attempt.id)
            .group_by(Response.skill)
        )
        .tuples()
        .all()
    )
    attempt.set_skill_scores(sums)
    attempt.score = sum(float(sums.get(skill) or 0.0) for skill in SKILLS)


def submit_attempt(attempt: AttemptLike) -> Attempt:
    """Hand in the attempt; unanswered questions score 0.  Submitting twice changes nothing."""
    attempt = _lock(attempt)
    if attempt.submitted_at is None:
        _rescore(attempt)
        moment = utcnow()
        extension = extension_of(attempt.assignment, attempt.student_id)
        # After the close the attempt counts as handed in at the due date, with what it had then.
        closed = closed_for(attempt.assignment, extension, moment)
        attempt.submitted_at = due_for(attempt.assignment, extension) if closed else moment
    db.session.commit()
    return attempt


def skill_percentages(attempt: AttemptLike) -> dict[str, float | None]:
    """Percent by skill, None for a skill the quiz did not ask about."""
    return {skill: (100.0 * s / m if m else None) for skill, (s, m) in attempt.skill_scores.items()}


# --- Drawing another quiz for an assignment (the teacher's quiz tab) --------------------------


def draw_another_quiz(assignment: Assignment, seed: int | None = None) -> Assignment:
    """Give the class another quiz from the same article version, until a student has started.

    The assignment's row is locked first (PostgreSQL: a student's new attempt, which
    references it, waits for this to commit, and one already inserted makes this wait
    and then see it; SQLite: the database write lock), so no student can start the old
    quiz while it is being replaced.  The replaced quiz is deleted.
    """
    _begin_immediate()
    locked = db.session.scalars(
        select(Assignment)
        .where(Assignment.id == assignment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    started = db.session.scalar(
        select(func.count()).select_from(Attempt).where(Attempt.assignment_id == locked.id)
    )
    if started:
        db.session.rollback()
        raise QuizError(
            "A student has already started this quiz, so it stays as it is: their answers belong to it."
        )
    from app.services.content import ContentError  # (kept here: this function was added on its own)

    old = locked.quiz
    while seed is None or seed == old.seed:
        seed = secrets.randbelow(2**31)
    try:
        quiz = create_quiz(old.article_version, seed, locked.kinds_off or [])
    except ContentError as error:
        db.session.rollback()
        raise QuizError(
            "This version of the article no longer passes the checks, so it cannot make another quiz: "
            f"{error}"
        ) from error
    if not quiz.questions:
        db.session.rollback()
        raise QuizError("This article has no questions to ask any more.")
    locked.quiz_id = quiz.id
    locked.updated_at = utcnow()
    db.session.flush()
    still_used = select(func.count()).select_from(Assignment).where(Assignment.quiz_id == old.id)
    if not db.session.scalar(still_used):
        db.session.delete(old)
    db.session.commit()
    return locked
