"""Assignments, attempts and answers: from a student's click to a stored score.

Answers are idempotent: a question is answered at most once per attempt (a
unique constraint backs this up), so a double click, a resent form or two
workers racing never count an answer twice.  An attempt's scores are always
recomputed from its stored responses, never incremented.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app.domain.arrangement import Arrangement
from app.domain.article import SKILLS
from app.domain.question import Question
from app.domain.scoring import ANSWER_TYPES, Result, score_answer
from app.domain.text import Block
from app.extensions import db
from app.models import (
    ATTEMPTS_ONE,
    ATTEMPTS_UNLIMITED,
    FEEDBACK_PRACTICE,
    FEEDBACK_TEST,
    ArticleVersion,
    Assignment,
    Attempt,
    Quiz,
    Response,
    SchoolClass,
    Student,
    Teacher,
    utcnow,
)
from app.services.content import create_quiz, parse_version


class QuizError(ValueError):
    """Something the student or teacher can fix; the message says how."""


# --- Assigning ------------------------------------------------------------------------------


def assign_quiz(
    school_class: SchoolClass,
    version: ArticleVersion,
    *,
    title: str = "",
    due_at: datetime | None = None,
    attempts_policy: str = ATTEMPTS_ONE,
    feedback_mode: str = FEEDBACK_PRACTICE,
    seed: int | None = None,
) -> Assignment:
    """Freeze a quiz from the article version and assign it: later edits never change it."""
    if attempts_policy not in (ATTEMPTS_ONE, ATTEMPTS_UNLIMITED):
        raise QuizError("Choose one attempt or unlimited attempts.")
    if feedback_mode not in (FEEDBACK_PRACTICE, FEEDBACK_TEST):
        raise QuizError("Choose when students see feedback.")
    quiz = create_quiz(version, secrets.randbelow(2**31) if seed is None else seed)
    if not quiz.questions:
        db.session.rollback()
        raise QuizError("This article has no questions to ask yet.")
    assignment = Assignment(
        class_id=school_class.id,
        quiz_id=quiz.id,
        title=title.strip() or version.title,
        due_at=due_at,
        attempts_policy=attempts_policy,
        feedback_mode=feedback_mode,
    )
    db.session.add(assignment)
    db.session.commit()
    return assignment


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
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.school_class.teacher_id != teacher.id:
        abort(404)
    return assignment


def assignment_for_student(student: Student, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.class_id != student.class_id:
        abort(404)
    return assignment


def questions_of(quiz: Quiz) -> list[Question]:
    return [Question.from_dict(data) for data in quiz.questions]


# --- A student's view of their assignments --------------------------------------------------

NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
SUBMITTED = "submitted"


@dataclass(frozen=True)
class StudentAssignment:
    assignment: Assignment
    status: str
    attempts_used: int
    open_attempt: Attempt | None
    kept: Attempt | None  # the best submitted attempt
    answered: int = 0  # questions answered in the open attempt

    @property
    def can_start_again(self) -> bool:
        return (
            self.open_attempt is None
            and self.kept is not None
            and self.assignment.attempts_policy == ATTEMPTS_UNLIMITED
        )

    def is_late(self, now: datetime) -> bool:
        due = self.assignment.due_at
        if due is None:
            return False
        if self.kept is not None and self.kept.submitted_at is not None:
            return self.kept.submitted_at > due
        return now > due


def student_assignments(student: Student) -> list[StudentAssignment]:
    """The student's assignments with their status, in three queries."""
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
            ).all()
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
        result.append(StudentAssignment(assignment, status, len(own), open_attempt, kept, answered))
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


def start_attempt(student: Student, assignment: Assignment) -> Attempt:
    """Resume the open attempt, or start one if the policy allows.  Safe to call twice at once."""
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
    if attempts and assignment.attempts_policy == ATTEMPTS_ONE:
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
        sources_max=float(maxima["sources"]),
        claims_max=float(maxima["claims"]),
        framing_max=float(maxima["framing"]),
    )
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


def attempt_for_student(student: Student, attempt_id: int) -> Attempt:
    """The student's own attempt, with its assignment, quiz and article version; 404 for anyone else's."""
    # Every quiz page and answer comes through here: the version's YAML source is only needed
    # to parse the article once per process (article_blocks caches it), so it is not read each time.
    version = joinedload(Attempt.assignment).joinedload(Assignment.quiz).joinedload(Quiz.article_version)
    attempt = db.session.get(Attempt, attempt_id, options=[version.defer(ArticleVersion.source_text)])
    if attempt is None or attempt.student_id != student.id:
        abort(404)
    return attempt


def responses_by_position(attempt: Attempt) -> dict[int, Response]:
    rows = db.session.scalars(select(Response).where(Response.attempt_id == attempt.id))
    return {r.position: r for r in rows}


def first_unanswered(attempt: Attempt, answered: dict[int, Response] | None = None) -> int | None:
    answered = responses_by_position(attempt) if answered is None else answered
    for position in range(len(attempt.assignment.quiz.questions)):
        if position not in answered:
            return position
    return None


# --- What a quiz page shows -----------------------------------------------------------------

# Article versions never change once stored, so their blocks are parsed once per process.
_BLOCKS_CACHE_SIZE = 64
_blocks_cache: dict[str, tuple[Block, ...]] = {}


def article_blocks(version: ArticleVersion) -> tuple[Block, ...]:
    """The headline (block 0) and paragraphs of an article version, cut into words."""
    blocks = _blocks_cache.get(version.content_hash)
    if blocks is None:
        blocks = parse_version(version).blocks
        if len(_blocks_cache) >= _BLOCKS_CACHE_SIZE:
            _blocks_cache.clear()
        _blocks_cache[version.content_hash] = blocks
    return blocks


def arrangement_of(attempt: Attempt, questions: list[Question]) -> Arrangement:
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

    attempt: Attempt
    questions: list[Question]
    responses: dict[int, Response]
    blocks: tuple[Block, ...]
    arrangement: Arrangement

    @property
    def assignment(self) -> Assignment:
        return self.attempt.assignment

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
        return self.attempt.submitted and self.assignment.attempts_policy == ATTEMPTS_UNLIMITED

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


def attempt_view(attempt: Attempt) -> AttemptView:
    """Load what an attempt's pages show, in a fixed number of queries whatever the quiz length."""
    assignment = attempt.assignment
    stored = questions_of(assignment.quiz)
    arrangement = arrangement_of(attempt, stored)
    responses = responses_by_position(attempt)
    return AttemptView(
        attempt=attempt,
        questions=arrangement.questions(stored),
        responses={arrangement.shown_position(p): r for p, r in responses.items() if 0 <= p < len(stored)},
        blocks=article_blocks(assignment.quiz.article_version),
        arrangement=arrangement,
    )


def _lock(attempt: Attempt) -> Attempt:
    """Serialise writers to one attempt, and read it again once they are.

    PostgreSQL locks the attempt's row.  SQLite has no row locks: its database-wide write
    lock is taken now (BEGIN IMMEDIATE) instead of at the first INSERT, so what the caller
    reads next (submitted yet? answered already?) cannot change before it commits.
    """
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    return db.session.scalars(
        select(Attempt)
        .where(Attempt.id == attempt.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def record_answer(attempt: Attempt, position: int, raw_values: list[str]) -> Response:
    """Store the answer to one question and rescore the attempt.

    Sending the same question again returns the stored response unchanged (in a
    test, before submitting, it replaces the earlier answer instead).
    """
    stored_questions = questions_of(attempt.assignment.quiz)
    if not 0 <= position < len(stored_questions):
        abort(404)
    # ``position`` and the raw values are as the attempt shows them; store them as the quiz has them.
    arrangement = arrangement_of(attempt, stored_questions)
    shown = arrangement.question(stored_questions, position)
    position = arrangement.stored_position(position)
    question = stored_questions[position]
    shown_answer = ANSWER_TYPES[shown.type].parse(raw_values, shown)
    answer = (
        None if shown_answer is None else tuple(arrangement.stored_answer(position, question, shown_answer))
    )
    test_mode = attempt.assignment.feedback_mode == FEEDBACK_TEST  # read before _lock() refreshes attempt
    attempt = _lock(attempt)
    existing = db.session.scalar(
        select(Response).where(Response.attempt_id == attempt.id, Response.position == position)
    )
    changeable = test_mode and not attempt.submitted
    if existing is not None and not changeable:
        db.session.rollback()
        return existing
    if attempt.submitted:
        db.session.rollback()
        raise QuizError("This quiz is already submitted.")
    if not answer:
        db.session.rollback()
        raise QuizError("Select at least one word." if question.type == "select" else "Choose an answer.")
    result = score_answer(question, answer)
    if existing is not None:
        existing.answer = list(answer)
        existing.score = result.score
        existing.verdict = result.verdict
        existing.answered_at = utcnow()
        response = existing
    else:
        response = Response(
            attempt_id=attempt.id,
            position=position,
            skill=question.skill,
            answer=list(answer),
            score=result.score,
            max_score=1.0,
            verdict=result.verdict,
        )
        db.session.add(response)
    try:
        db.session.flush()
        _rescore(attempt)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        stored = db.session.scalar(
            select(Response).where(Response.attempt_id == attempt.id, Response.position == position)
        )
        if stored is None:
            raise
        return stored
    return response


def _rescore(attempt: Attempt) -> None:
    sums = dict(
        db.session.execute(
            select(Response.skill, func.sum(Response.score))
            .where(Response.attempt_id == attempt.id)
            .group_by(Response.skill)
        ).all()
    )
    attempt.sources_score = float(sums.get("sources") or 0.0)
    attempt.claims_score = float(sums.get("claims") or 0.0)
    attempt.framing_score = float(sums.get("framing") or 0.0)
    attempt.score = sum(float(sums.get(skill) or 0.0) for skill in SKILLS)


def submit_attempt(attempt: Attempt) -> Attempt:
    """Hand in the attempt; unanswered questions score 0.  Submitting twice changes nothing."""
    attempt = _lock(attempt)
    if attempt.submitted_at is None:
        _rescore(attempt)
        attempt.submitted_at = utcnow()
    db.session.commit()
    return attempt


def skill_percentages(attempt: Attempt) -> dict[str, float | None]:
    """Percent by skill, None for a skill the quiz did not ask about."""
    pairs = {
        "sources": (attempt.sources_score, attempt.sources_max),
        "claims": (attempt.claims_score, attempt.claims_max),
        "framing": (attempt.framing_score, attempt.framing_max),
    }
    return {skill: (100.0 * s / m if m else None) for skill, (s, m) in pairs.items()}


# --- Drawing another quiz for an assignment (the teacher's quiz tab) --------------------------


def draw_another_quiz(assignment: Assignment, seed: int | None = None) -> Assignment:
    """Give the class another quiz from the same article version, until a student has started.

    The assignment's row is locked first (PostgreSQL: a student's new attempt, which
    references it, waits for this to commit, and one already inserted makes this wait
    and then see it; SQLite: the database write lock), so no student can start the old
    quiz while it is being replaced.  The replaced quiz is deleted.
    """
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
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
        quiz = create_quiz(old.article_version, seed)
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
