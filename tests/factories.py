"""Test data, made through the services so tests exercise the real code paths.

Call these inside an app context.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

from app.domain.question import SELECT, Question
from app.extensions import db
from app.models import ArticleVersion, Assignment, SchoolClass, Student, Teacher
from app.services import accounts, classes, content, quizzes

QUESTIONS_DIR = Path(__file__).resolve().parent.parent / "questions"
SAMPLE_ARTICLE = QUESTIONS_DIR / "raqqa-assault-2015.yaml"
PASSWORD = "correct horse battery"
_counter = itertools.count(1)


def make_teacher(email: str | None = None, password: str = PASSWORD) -> Teacher:
    return accounts.create_teacher(email or f"teacher{next(_counter)}@school.example", password)


def make_class(teacher: Teacher | None = None, name: str = "Year 9 English") -> SchoolClass:
    return classes.create_class(teacher or make_teacher(), name)


def make_student(school_class: SchoolClass, name: str | None = None) -> Student:
    return classes.join_class(school_class.join_code, name or f"Student {next(_counter)}")


def import_sample(path: Path = SAMPLE_ARTICLE) -> ArticleVersion:
    [outcome] = content.import_paths([str(path)])
    assert outcome.status != "error", outcome.problems
    version = db.session.scalar(
        select(ArticleVersion)
        .join(ArticleVersion.article)
        .where(ArticleVersion.number == outcome.version)
        .where(ArticleVersion.article.has(slug=outcome.slug))
    )
    assert version is not None
    return version


def make_assignment(
    school_class: SchoolClass, version: ArticleVersion | None = None, **options: object
) -> Assignment:
    options.setdefault("seed", 7)
    return quizzes.assign_quiz(school_class, version or import_sample(), **options)  # type: ignore[arg-type]


def login_teacher(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code in (302, 303), response.status_code


def login_student(client: FlaskClient, student: Student) -> None:
    """Sign the test client in as ``student`` (what /join or /rejoin does)."""
    response = client.post(
        "/rejoin", data={"class_code": student.school_class.join_code, "rejoin_code": student.rejoin_code}
    )
    assert response.status_code in (302, 303), response.status_code


def right_answer(question: Question) -> list[str]:
    """Form values that answer ``question`` perfectly."""
    if question.type == SELECT:
        return [str(i) for start, end in question.gold for i in range(start, end)]
    return [str(i) for i in question.answer]


def wrong_answer(question: Question) -> list[str]:
    """Form values that score 0: a wrong choice, or a word outside every gold span."""
    if question.type == SELECT:
        gold = {i for start, end in question.gold for i in range(start, end)}
        return [str(next(i for i in range(len(question.words)) if i not in gold))]
    return [str(next(i for i in range(len(question.choices)) if i not in question.answer))]


@contextmanager
def count_queries(app: Flask | None = None) -> Iterator[list[str]]:
    """Collect the SQL statements run while the block runs (for tests that count queries).

    Without ``app``, the engine of the current app context is watched.
    """
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    if app is None:
        engine = db.engine
    else:
        with app.app_context():
            engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
