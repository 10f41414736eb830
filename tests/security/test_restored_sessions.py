"""A session names its account by a random per-account token, never by the integer key: after a
backup is restored, the key of yesterday's student goes to someone new, and yesterday's cookie
must not open that new account."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, text

from app.extensions import db
from app.models import Student, Teacher
from tests.factories import login_student, login_teacher, make_class, make_student, make_teacher


def _next_id_is(table: str, key: int) -> None:
    """What a restore does to the counter: the next row gets ``key`` again.  SQLite reuses the
    highest key of a deleted row by itself; PostgreSQL's sequence is set back, as pg_restore does."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :key, false)"), {"key": key}
        )
        db.session.commit()


def test_an_old_student_cookie_does_not_open_a_new_student_with_the_same_key(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        school_class = make_class()
        yesterday = make_student(school_class, "Yesterday")
        login_student(client, yesterday)
        old_key, class_id = yesterday.id, school_class.id
    assert client.get("/quizzes").status_code == 200

    with app.app_context():  # the backup is restored: yesterday's student never existed
        db.session.execute(delete(Student).where(Student.id == old_key))
        db.session.commit()
        _next_id_is("students", old_key)
        newcomer = make_student(db.session.get_one(type(school_class), class_id), "Newcomer")
        assert newcomer.id == old_key
        newcomer_client = app.test_client()
        login_student(newcomer_client, newcomer)

    response = client.get("/quizzes")
    assert response.status_code == 302 and "/quizzes" not in response.headers["Location"]
    assert newcomer_client.get("/quizzes").status_code == 200


def test_an_old_teacher_cookie_does_not_open_a_new_teacher_with_the_same_key(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        teacher = make_teacher("yesterday@school.example")
        old_key = teacher.id
    login_teacher(client, "yesterday@school.example")
    assert client.get("/teacher/classes").status_code == 200

    with app.app_context():
        db.session.execute(delete(Teacher).where(Teacher.id == old_key))
        db.session.commit()
        _next_id_is("teachers", old_key)
        assert make_teacher("newcomer@school.example").id == old_key

    response = client.get("/teacher/classes")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_session_ids_carry_no_database_key(app: Flask) -> None:
    with app.app_context():
        teacher = make_teacher()
        student = make_student(make_class(teacher))
        for account in (teacher, student):
            kind, token, epoch = account.get_id().split(":")
            assert token == account.session_token and len(token) == 32 and epoch == "0"
        assert teacher.session_token != student.session_token
