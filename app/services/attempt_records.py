"""An attempt with what its quiz pages need around it, read as plain rows in one SQL statement.

Every question page and answer reads the same things: the attempt, its assignment's rules, which
quiz (and article text) it is, and the student's extension.  Through the ORM that is five objects
a request; here it is one row, kept in frozen records.  Changing any of these goes through the
ORM's models, loaded by id (``app.services.quizzes``); the records are only for reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.engine import Row

from app.models import (
    SKILL_COLUMNS,
    ArticleVersion,
    Assignment,
    Attempt,
    AttemptFigures,
    Extension,
    Quiz,
    Response,
    SchoolClass,
)


@dataclass(frozen=True)
class ClassZone:
    """The time zone of an assignment's class, which its due dates are shown in."""

    time_zone: str


@dataclass(frozen=True)
class QuizRecord:
    """Which quiz an assignment uses: what its cached questions and article text are keyed by."""

    id: int
    article_version_id: int
    seed: int
    created_at: datetime
    content_hash: str  # of the article version's text


@dataclass(frozen=True)
class AssignmentRecord:
    id: int
    class_id: int
    title: str
    due_at: datetime | None
    attempts_policy: str
    feedback_mode: str
    late_policy: str
    answers_shown: str
    ask_confidence: bool
    quiz: QuizRecord
    school_class: ClassZone


@dataclass(frozen=True)
class ExtensionRecord:
    due_at: datetime | None
    extra_attempts: int


@dataclass(frozen=True)
class AttemptRecord(AttemptFigures):
    id: int
    assignment_id: int
    student_id: int
    number: int
    seed: int | None
    started_at: datetime
    submitted_at: datetime | None
    score: float
    max_score: float
    sources_score: float
    sources_max: float
    claims_score: float
    claims_max: float
    framing_score: float
    framing_max: float
    assignment: AssignmentRecord


_attempt = cast(Table, Attempt.__table__)
_assignment = cast(Table, Assignment.__table__)
_quiz = cast(Table, Quiz.__table__)
_version = cast(Table, ArticleVersion.__table__)
_extension = cast(Table, Extension.__table__)
_class = cast(Table, SchoolClass.__table__)
_response = cast(Table, Response.__table__)

_ATTEMPT_FIELDS = (
    "id",
    "assignment_id",
    "student_id",
    "number",
    "seed",
    "started_at",
    "submitted_at",
    "score",
    "max_score",
    *(column for pair in SKILL_COLUMNS.values() for column in pair),
)
_ASSIGNMENT_FIELDS = (
    "id",
    "class_id",
    "title",
    "due_at",
    "attempts_policy",
    "feedback_mode",
    "late_policy",
    "answers_shown",
    "ask_confidence",
)


@dataclass(frozen=True)
class AnswerRecord:
    """One stored answer of an attempt, as the quiz pages show it."""

    position: int
    answer: list[int]
    score: float
    max_score: float
    verdict: str
    confidence: str | None


_ANSWER_FIELDS = ("position", "answer", "score", "max_score", "verdict", "confidence")


def _attempt_statement(with_answers: bool) -> Select[Any]:
    """The attempt row; ``with_answers``: one row per stored answer (one with NULLs for none)."""
    around = (
        _attempt.join(_assignment, _assignment.c.id == _attempt.c.assignment_id)
        .join(_quiz, _quiz.c.id == _assignment.c.quiz_id)
        .join(_version, _version.c.id == _quiz.c.article_version_id)
        .join(_class, _class.c.id == _assignment.c.class_id)
        .outerjoin(
            _extension,
            (_extension.c.assignment_id == _attempt.c.assignment_id)
            & (_extension.c.student_id == _attempt.c.student_id),
        )
    )
    answers: tuple[Any, ...] = ()
    if with_answers:
        around = around.outerjoin(_response, _response.c.attempt_id == _attempt.c.id)
        answers = tuple(_response.c[name].label(f"answer__{name}") for name in _ANSWER_FIELDS)
    return (
        select(
            *(_attempt.c[name] for name in _ATTEMPT_FIELDS),
            *(_assignment.c[name].label(f"assignment__{name}") for name in _ASSIGNMENT_FIELDS),
            _quiz.c.id.label("quiz_id"),
            _quiz.c.article_version_id,
            _quiz.c.seed.label("quiz_seed"),
            _quiz.c.created_at.label("quiz_created_at"),
            _version.c.content_hash,
            _class.c.time_zone,
            _extension.c.id.label("extension_id"),
            _extension.c.due_at.label("extension_due_at"),
            _extension.c.extra_attempts,
            *answers,
        )
        .select_from(around)
        .where(_attempt.c.id == bindparam("attempt_id"), _attempt.c.student_id == bindparam("student_id"))
    )


# An attempt's answers alone (the teacher's view of an attempt), in AnswerRecord's order.
ANSWERS_OF_ATTEMPT = select(*(_response.c[name] for name in _ANSWER_FIELDS)).where(
    _response.c.attempt_id == bindparam("attempt_id")
)
# Built once, with bound parameters: they run on every quiz page and answer.
STUDENT_ATTEMPT = _attempt_statement(with_answers=False)
# A quiz page also shows the answers: read with the attempt, in the same statement.
STUDENT_ATTEMPT_WITH_ANSWERS = _attempt_statement(with_answers=True)


def records_of(row: Row[Any]) -> tuple[AttemptRecord, ExtensionRecord | None]:
    """The attempt (with its assignment and quiz) and the student's extension of one STUDENT_ATTEMPT row."""
    values = row._mapping
    quiz = QuizRecord(
        values["quiz_id"],
        values["article_version_id"],
        values["quiz_seed"],
        values["quiz_created_at"],
        values["content_hash"],
    )
    assignment = AssignmentRecord(
        **{name: values[f"assignment__{name}"] for name in _ASSIGNMENT_FIELDS},
        quiz=quiz,
        school_class=ClassZone(values["time_zone"]),
    )
    attempt = AttemptRecord(**{name: values[name] for name in _ATTEMPT_FIELDS}, assignment=assignment)
    extension = None
    if values["extension_id"] is not None:
        extension = ExtensionRecord(values["extension_due_at"], values["extra_attempts"])
    return attempt, extension


def answers_of(rows: Sequence[Row[Any]]) -> dict[int, AnswerRecord]:
    """The stored answers, by position, of the rows of STUDENT_ATTEMPT_WITH_ANSWERS."""
    answers = {}
    for row in rows:
        values = row._mapping
        if values["answer__position"] is not None:
            record = AnswerRecord(**{name: values[f"answer__{name}"] for name in _ANSWER_FIELDS})
            answers[record.position] = record
    return answers
