"""Database models (SQLAlchemy 2.0 style).

Models hold data and small derived properties; they never commit.  Services in
app/services/ decide when a unit of work is committed.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from app.domain.article import SKILLS
from app.domain.names import name_key
from app.extensions import db

if TYPE_CHECKING:  # db.Model is made at runtime from Base; mypy sees the declarative base it extends
    from app.extensions import Base as Model
else:
    Model = db.Model


def utcnow() -> datetime:
    return datetime.now(UTC)


SESSION_TOKEN_LENGTH = 32


def new_session_token() -> str:
    """What a session cookie names an account by: random, so an account restored from a backup, or
    made later with a reused integer id, never answers to another account's cookie."""
    return secrets.token_urlsafe(24)  # 32 characters


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Teacher(Model):
    __tablename__ = "teachers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    # Bumped on password change: sessions carry it, so old sessions stop working.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    session_token: Mapped[str] = mapped_column(
        String(SESSION_TOKEN_LENGTH), unique=True, default=new_session_token
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classes: Mapped[list[SchoolClass]] = relationship(back_populates="teacher")

    # Flask-Login protocol
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return f"teacher:{self.session_token}:{self.session_epoch}"


class SchoolClass(Model):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teachers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(6), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # 1:1 devices: each student has their own computer, so a sign-in may outlive the browser
    # (at most 30 days).  Otherwise (shared computers) it ends when the browser closes.
    one_to_one_devices: Mapped[bool] = mapped_column(default=False)
    # An IANA zone name ("Europe/Paris") that due dates are entered and shown in; "" means the
    # server's zone (config DEFAULT_TIME_ZONE).
    time_zone: Mapped[str] = mapped_column(String(64), default="")

    teacher: Mapped[Teacher] = relationship(back_populates="classes")
    students: Mapped[list[Student]] = relationship(back_populates="school_class")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="school_class")

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


def _name_key_of_row(context: Any) -> str:
    return name_key(context.get_current_parameters()["display_name"])


class Student(Model):
    """A student is a display name in one class: no email, no password.

    ``public_id`` is the stable pseudonymous id used in exports instead of the
    database key.
    """

    __tablename__ = "students"
    __table_args__ = (
        UniqueConstraint("class_id", "rejoin_code"),
        UniqueConstraint("class_id", "name_key", name="uq_students_class_name_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(40))
    # The name as compared for duplicates (NFKC, case-folded, single spaces), unique in the class
    # among current students; a removed or merged-away student's key is freed ("~<id>").
    name_key: Mapped[str] = mapped_column(String(64), default=_name_key_of_row)
    rejoin_code: Mapped[str] = mapped_column(String(6))
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    # Bumped when the teacher resets the rejoin code, which signs the student out elsewhere.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    session_token: Mapped[str] = mapped_column(
        String(SESSION_TOKEN_LENGTH), unique=True, default=new_session_token
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    school_class: Mapped[SchoolClass] = relationship(back_populates="students")

    # Flask-Login protocol: a joined student is signed in like a teacher, with a different id kind.
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return f"student:{self.session_token}:{self.session_epoch}"

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class StudentRef(Protocol):
    """What the quiz services need to know of a student: a Student row, or the signed-in
    student of a request (app.security.SignedInStudent), which is read without the ORM."""

    @property
    def id(self) -> int: ...

    @property
    def class_id(self) -> int: ...


class Article(Model):
    """An article by its id in the YAML files; its content lives in versions."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # The teacher who first uploaded it, who alone can add versions; None: the school's, from
    # questions/, changed by `flask questions import` only.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id"), index=True, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", order_by="ArticleVersion.number"
    )


class ArticleVersion(Model):
    """One imported state of an article file.  Never changed once stored."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(255))  # file name it came from
    source_text: Mapped[str] = mapped_column(Text)  # the YAML as imported
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(80), default="")
    outlet: Mapped[str] = mapped_column(String(255), default="")
    fictional: Mapped[bool] = mapped_column(default=False)
    # Number of questions the article allows per skill, for the library page.
    skill_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who stored this version: a teacher's upload, or None for the command line.
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id"), default=None)

    article: Mapped[Article] = relationship(back_populates="versions")


class Quiz(Model):
    """The questions generated from one article version with one seed, frozen as JSON."""

    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id"), index=True)
    seed: Mapped[int] = mapped_column(Integer)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article_version: Mapped[ArticleVersion] = relationship()

    @property
    def length(self) -> int:
        return len(self.questions)


ATTEMPTS_ONE = "one"
ATTEMPTS_UNLIMITED = "unlimited"
FEEDBACK_PRACTICE = "practice"  # after each question
FEEDBACK_TEST = "test"  # after the whole quiz
LATE_ACCEPT = "accept"  # work after the due date is accepted and marked late
LATE_CLOSE = "close"  # the assignment closes at the due date
SHOW_ANSWERS_AFTER_SUBMIT = "submitted"  # test mode: right answers shown once the student submits
SHOW_ANSWERS_AFTER_DUE = "due"  # ... once the due date has passed
SHOW_ANSWERS_NEVER = "never"


class Assignment(Model):
    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id"), index=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    attempts_policy: Mapped[str] = mapped_column(String(16), default=ATTEMPTS_ONE)
    feedback_mode: Mapped[str] = mapped_column(String(16), default=FEEDBACK_PRACTICE)
    late_policy: Mapped[str] = mapped_column(String(16), default=LATE_ACCEPT)
    answers_shown: Mapped[str] = mapped_column(String(16), default=SHOW_ANSWERS_AFTER_SUBMIT)
    # Ask "How sure are you?" with each answer (never scored; the dashboard shows calibration).
    ask_confidence: Mapped[bool] = mapped_column(default=False)
    # Generated question kinds (names in app.domain.generate.KINDS) the quiz leaves out.
    kinds_off: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    school_class: Mapped[SchoolClass] = relationship(back_populates="assignments")
    quiz: Mapped[Quiz] = relationship()


class Extension(Model):
    """One student's own due date or extra attempts on one assignment."""

    __tablename__ = "extensions"
    __table_args__ = (UniqueConstraint("assignment_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # None: the class's
    extra_attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    assignment: Mapped[Assignment] = relationship()
    student: Mapped[Student] = relationship()


# An attempt's score and maximum columns for each skill (the schema keeps one pair per skill).
SKILL_COLUMNS: dict[str, tuple[str, str]] = {skill: (f"{skill}_score", f"{skill}_max") for skill in SKILLS}


class _AttemptColumns(Protocol):
    @property
    def submitted_at(self) -> datetime | None: ...

    @property
    def score(self) -> float: ...

    @property
    def max_score(self) -> float: ...


class AttemptFigures:
    """What an attempt's columns say, for the model and for the records the quiz pages read
    (app.services.attempt_records.AttemptRecord), which have the same columns."""

    @property
    def submitted(self: _AttemptColumns) -> bool:
        return self.submitted_at is not None

    @property
    def percent(self: _AttemptColumns) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def skill_scores(self) -> dict[str, tuple[float, float]]:
        """(score, maximum) per skill, in SKILLS order, read from the per-skill columns."""
        return {
            skill: (getattr(self, score), getattr(self, maximum))
            for skill, (score, maximum) in SKILL_COLUMNS.items()
        }


class Attempt(AttemptFigures, Model):
    """One student's go at one assignment.  Scores are cached sums of its responses."""

    __tablename__ = "attempts"
    __table_args__ = (UniqueConstraint("assignment_id", "student_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    # The order a retake shows questions and choices in (None: the quiz as assigned).
    seed: Mapped[int | None] = mapped_column(Integer, default=None)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    sources_score: Mapped[float] = mapped_column(Float, default=0.0)
    sources_max: Mapped[float] = mapped_column(Float, default=0.0)
    claims_score: Mapped[float] = mapped_column(Float, default=0.0)
    claims_max: Mapped[float] = mapped_column(Float, default=0.0)
    framing_score: Mapped[float] = mapped_column(Float, default=0.0)
    framing_max: Mapped[float] = mapped_column(Float, default=0.0)

    assignment: Mapped[Assignment] = relationship()
    student: Mapped[Student] = relationship()
    responses: Mapped[list[Response]] = relationship(back_populates="attempt", order_by="Response.position")

    def set_skill_maxima(self, maxima: Mapping[str, float]) -> None:
        for skill, (_, maximum) in SKILL_COLUMNS.items():
            setattr(self, maximum, float(maxima[skill]))

    def set_skill_scores(self, scores: Mapping[str, float | None]) -> None:
        """Each skill's score; a skill missing from ``scores`` (nothing answered) scores 0."""
        for skill, (score, _) in SKILL_COLUMNS.items():
            setattr(self, score, float(scores.get(skill) or 0.0))


class Response(Model):
    """A student's answer to one question of an attempt: at most one per question."""

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 0-based question index in the quiz
    skill: Mapped[str] = mapped_column(String(16))  # copied from the question, for per-skill queries
    answer: Mapped[list[int]] = mapped_column(JSON)  # choice indexes or word indexes
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=1.0)
    verdict: Mapped[str] = mapped_column(String(16))
    # How sure the student said they were (app.domain.confidence levels); None: not asked or not said.
    confidence: Mapped[str | None] = mapped_column(String(16), default=None)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
