"""CSV exports of scores, responses and a Canvas gradebook, streamed from the database.

Every export is a generator: rows come from the database through a streaming
cursor (``yield_per``: a server-side cursor on PostgreSQL, SQLite's own lazy
cursor), are turned into CSV by :mod:`app.domain.csv_export` one at a time and
leave as chunks of a few kilobytes.  Memory stays flat whatever the size of the
history.  Exports only read; nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, or_, select, true

from app.domain import csv_export
from app.domain.codes import normalise_code
from app.domain.csv_export import ScoreRecord, SkillScore
from app.domain.deadlines import effective_due
from app.domain.question import Question
from app.domain.statistics import MISSING, assignment_state
from app.extensions import db
from app.models import (
    SKILL_COLUMNS,
    Article,
    ArticleVersion,
    Assignment,
    Attempt,
    Extension,
    Quiz,
    Response,
    SchoolClass,
    Student,
    Teacher,
)
from app.services.classes import class_for_teacher
from app.services.errors import ServiceError
from app.services.quizzes import submit_overdue_attempts

SCORES = "scores"
RESPONSES = "responses"
GRADEBOOK = "gradebook"
KINDS: tuple[str, ...] = (SCORES, RESPONSES, GRADEBOOK)
# Rows fetched from the cursor at a time: big enough to be fast, small enough to stay flat.
ROWS_PER_FETCH = 1000


class ExportError(ServiceError, ValueError):
    """An export that cannot be made; the message says why."""


@dataclass(frozen=True)
class Scope:
    """Which classes an export covers: one class, one teacher's classes, or (neither) all."""

    class_id: int | None = None
    teacher_id: int | None = None

    def clause(self) -> ColumnElement[bool]:
        if self.class_id is not None:
            return SchoolClass.id == self.class_id
        if self.teacher_id is not None:
            return SchoolClass.teacher_id == self.teacher_id
        return true()


@dataclass(frozen=True)
class CsvExport:
    filename: str
    chunks: Iterator[str]


def teacher_export(
    teacher: Teacher,
    kind: str,
    *,
    now: datetime,
    class_id: int | None = None,
    excel: bool = False,
    missing_as_zero: bool = False,
) -> CsvExport:
    """An export of one of the teacher's classes (404 for anyone else's), or of all of them.

    ``now`` decides which unsubmitted work is already missing, and dates the file name;
    ``missing_as_zero`` gives missing work 0% in the scores and gradebook exports.
    """
    if class_id is None:
        scope, label = Scope(teacher_id=teacher.id), "all-classes"
    else:
        school_class = class_for_teacher(teacher, class_id)
        scope, label = Scope(class_id=class_id), school_class.join_code
    chunks = export_chunks(kind, scope, now=now, excel=excel, missing_as_zero=missing_as_zero)
    return CsvExport(csv_export.export_filename(kind, label, now.date()), chunks)


def class_by_code(code: str) -> SchoolClass:
    """For the shell: the class with this join code (archived ones too)."""
    school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.join_code == normalise_code(code)))
    if school_class is None:
        raise ExportError(f"No class has the code {code!r}.")
    return school_class


def export_chunks(
    kind: str, scope: Scope, *, now: datetime, excel: bool = False, missing_as_zero: bool = False
) -> Iterator[str]:
    """The CSV text of an export, chunk by chunk.  Nothing is read until the first chunk is asked for.

    ``missing_as_zero``: missing work (due date passed, nothing handed in) is 0% in the
    scores and gradebook exports instead of empty.
    """
    if kind not in KINDS:
        raise ExportError(f"Unknown export {kind!r}: choose one of {', '.join(KINDS)}.")
    return _chunks_of_handed_in_work(kind, scope, now, excel, missing_as_zero)


def _chunks_of_handed_in_work(
    kind: str, scope: Scope, now: datetime, excel: bool, missing_as_zero: bool
) -> Iterator[str]:
    # Work of assignments that closed is handed in first, as every page that reads attempts does
    # (at the first chunk, so building the export still reads nothing).
    submit_overdue_attempts(now=now, teacher_id=scope.teacher_id, class_id=scope.class_id)
    if kind == GRADEBOOK:
        yield from _gradebook_chunks(scope, now, excel=excel, missing_as_zero=missing_as_zero)
        return
    if kind == SCORES:
        header, rows = csv_export.SCORES_COLUMNS, score_rows(scope, now, missing_as_zero)
    else:
        header, rows = csv_export.RESPONSES_COLUMNS, response_rows(scope)
    yield from csv_export.csv_chunks(header, rows, excel=excel)


def _stream(statement: Select[Any]) -> Iterator[Any]:
    """Rows as plain tuples, fetched ROWS_PER_FETCH at a time (a server-side cursor on PostgreSQL).

    Executed on the session's connection (its transaction), without ORM row
    processing: an export reads columns, never entities.
    """
    return iter(db.session.connection().execute(statement, execution_options={"yield_per": ROWS_PER_FETCH}))


# --- Scores ---------------------------------------------------------------------------------


def _kept_attempts(scope: Scope) -> Any:
    """Each student's kept attempt per assignment (rank 1) and their number of attempts.

    Kept = the best submitted attempt (earlier one on a tie), else the open one, as
    in ``quizzes.best_attempt``; computed with window functions in one query.
    """
    partition = (Attempt.student_id, Attempt.assignment_id)
    ratio = func.coalesce(Attempt.score / func.nullif(Attempt.max_score, 0), 0.0)
    return (
        select(
            Attempt.student_id,
            Attempt.assignment_id,
            Attempt.started_at,
            Attempt.submitted_at,
            Attempt.score,
            Attempt.max_score,
            *(getattr(Attempt, column) for pair in SKILL_COLUMNS.values() for column in pair),
            func.count().over(partition_by=partition).label("attempts"),
            func.row_number()
            .over(
                partition_by=partition,
                order_by=(Attempt.submitted_at.is_(None), ratio.desc(), Attempt.number),
            )
            .label("rank"),
        )
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .where(scope.clause())
        .subquery("kept")
    )


def _scores_statement(scope: Scope) -> Select[Any]:
    """One row per student per assignment of their class, in class, student, assignment order.

    Removed students appear only where they have attempts: their past work stays in
    the scores unless the teacher deleted it.
    """
    kept = _kept_attempts(scope)
    return (
        select(
            SchoolClass.name,
            Student.id,
            Student.display_name,
            Student.public_id,
            Assignment.id,
            Assignment.title,
            Article.slug,
            ArticleVersion.number,
            Assignment.due_at,
            Extension.due_at,
            kept.c.attempts,
            kept.c.started_at,
            kept.c.submitted_at,
            kept.c.score,
            kept.c.max_score,
            *(kept.c[column] for pair in SKILL_COLUMNS.values() for column in pair),
        )
        .select_from(Student)
        .join(SchoolClass, SchoolClass.id == Student.class_id)
        .join(Assignment, Assignment.class_id == Student.class_id)
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .join(ArticleVersion, ArticleVersion.id == Quiz.article_version_id)
        .join(Article, Article.id == ArticleVersion.article_id)
        .outerjoin(
            Extension, and_(Extension.assignment_id == Assignment.id, Extension.student_id == Student.id)
        )
        .outerjoin(
            kept,
            and_(kept.c.student_id == Student.id, kept.c.assignment_id == Assignment.id, kept.c.rank == 1),
        )
        .where(scope.clause(), or_(Student.removed_at.is_(None), kept.c.student_id.is_not(None)))
        .order_by(
            SchoolClass.name,
            SchoolClass.id,
            func.lower(Student.display_name),
            Student.id,
            Assignment.created_at,
            Assignment.id,
        )
    )


def _score_record(row: Any, now: datetime, missing_as_zero: bool = False) -> ScoreRecord:
    (class_name, _student_key, name, public_id, _assignment_key, title, slug, version, due_at, own_due,
     attempts, started_at, submitted_at, score, max_score, *skill_cells) = row  # fmt: skip
    # The student's own due date (an extension) decides, as on the dashboard.
    status = assignment_state(effective_due(due_at, own_due), submitted_at, bool(attempts), now)
    zero = missing_as_zero and status == MISSING
    if not attempts:
        return ScoreRecord(class_name, name, public_id, title, slug, version, 0, status, missing_as_zero=zero)
    return ScoreRecord(
        class_name,
        name,
        public_id,
        title,
        slug,
        version,
        attempts,
        status,
        started_at=started_at,
        submitted_at=submitted_at,
        score=score,
        max_score=max_score,
        # The skill columns come in SKILL_COLUMNS order: a score and its maximum per skill.
        skills={
            skill: SkillScore(skill_cells[2 * i], skill_cells[2 * i + 1])
            for i, skill in enumerate(SKILL_COLUMNS)
        },
        missing_as_zero=zero,
    )


def score_records(
    scope: Scope, now: datetime, missing_as_zero: bool = False
) -> Iterator[tuple[int, int, ScoreRecord]]:
    """(student key, assignment key, record) for every student and assignment in scope, streamed."""
    for row in _stream(_scores_statement(scope)):
        yield row[1], row[4], _score_record(row, now, missing_as_zero)


def score_rows(scope: Scope, now: datetime, missing_as_zero: bool = False) -> Iterator[list[csv_export.Cell]]:
    for _student, _assignment, record in score_records(scope, now, missing_as_zero):
        yield csv_export.scores_row(record)


# --- Responses ------------------------------------------------------------------------------


def _responses_statement(scope: Scope) -> Select[Any]:
    """One row per answer, assignment by assignment, so each quiz is needed in one stretch.

    The answer comes as its JSON text: many students give the same answer, so it is
    decoded and described once per question and distinct answer (see response_rows).
    """
    return (
        select(
            SchoolClass.name,
            Student.display_name,
            Student.public_id,
            Assignment.title,
            Assignment.quiz_id,
            Attempt.number,
            Response.position,
            cast(Response.answer, Text),
            Response.score,
            Response.max_score,
            Response.confidence,
        )
        .select_from(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Student, Student.id == Attempt.student_id)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .where(scope.clause())
        .order_by(
            SchoolClass.name,
            SchoolClass.id,
            Assignment.created_at,
            Assignment.id,
            func.lower(Student.display_name),
            Student.id,
            Attempt.number,
            Response.position,
        )
    )


def _quiz_questions(quiz_id: int) -> list[Question]:
    questions = db.session.scalar(select(Quiz.questions).where(Quiz.id == quiz_id)) or []
    return [Question.from_dict(data) for data in questions]


# Described answers remembered per quiz; bounded, so a quiz with endless distinct answers stays flat.
MAX_REMEMBERED_ANSWERS = 20_000


def response_rows(scope: Scope) -> Iterator[list[csv_export.Cell]]:
    """Rows of the responses CSV.  Only the current assignment's quiz is held in memory."""
    quiz_id: int | None = None
    questions: list[Question] = []
    described: dict[tuple[int, str], tuple[str, str, str]] = {}
    responses_row = csv_export.responses_row
    for (class_name, name, public_id, title, row_quiz_id, attempt, position, answer, score,
         maximum, confidence) in _stream(_responses_statement(scope)):  # fmt: skip
        if row_quiz_id != quiz_id:
            quiz_id, questions = row_quiz_id, _quiz_questions(row_quiz_id)
            described.clear()
        cells = described.get((position, answer))
        if cells is None:
            question = questions[position] if 0 <= position < len(questions) else None
            cells = csv_export.describe_answer(question, json.loads(answer))
            if len(described) < MAX_REMEMBERED_ANSWERS:
                described[position, answer] = cells
        yield responses_row(
            class_name, name, public_id, title, attempt, position, cells, score, maximum, confidence
        )


# --- Gradebook ------------------------------------------------------------------------------


def _assignments_in(scope: Scope) -> list[tuple[int, str]]:
    """(id, title) of every assignment in scope, in the scores export's order."""
    rows = db.session.execute(
        select(Assignment.id, Assignment.title)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .where(scope.clause())
        .order_by(SchoolClass.name, SchoolClass.id, Assignment.created_at, Assignment.id)
    )
    return [(assignment_id, title) for assignment_id, title in rows]


def _gradebook_chunks(scope: Scope, now: datetime, *, excel: bool, missing_as_zero: bool) -> Iterator[str]:
    # A generator, so even the assignment list is read only when the download starts.
    assignments = _assignments_in(scope)
    yield from csv_export.csv_chunks(
        csv_export.gradebook_header([title for _id, title in assignments]),
        _gradebook_rows(
            scope, [assignment_id for assignment_id, _title in assignments], now, missing_as_zero
        ),
        excel=excel,
    )


def _gradebook_rows(
    scope: Scope, assignment_ids: Sequence[int], now: datetime, missing_as_zero: bool = False
) -> Iterator[list[csv_export.Cell]]:
    """The Points Possible row, then one row per student built from their consecutive score rows."""
    yield csv_export.gradebook_points_row(len(assignment_ids))
    column = {assignment_id: index for index, assignment_id in enumerate(assignment_ids)}
    current: int | None = None
    name = section = ""
    percents: list[float | int | None] = []
    for student_key, assignment_key, record in score_records(scope, now, missing_as_zero):
        if student_key != current:
            if current is not None:
                yield csv_export.gradebook_row(name, section, percents)
            current, name, section = student_key, record.student_name, record.class_name
            percents = [None] * len(assignment_ids)
        # Only handed-in work has a grade, and missing work when it counts as zero.
        if record.submitted_at is not None or record.missing_as_zero:
            percents[column[assignment_key]] = record.percent
    if current is not None:
        yield csv_export.gradebook_row(name, section, percents)
