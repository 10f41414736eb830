"""`flask teacher setup-url` and `flask teacher create`."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select
from werkzeug.security import check_password_hash

from app.extensions import db
from app.models import Teacher
from app.services import accounts
from tests.factories import PASSWORD, login_teacher, make_teacher


def test_setup_url_prints_the_address_with_the_token(app: Flask, runner: Any) -> None:
    result = runner.invoke(args=["teacher", "setup-url"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        token = accounts.setup_token()
    assert f"http://127.0.0.1:5000/setup?token={token}" in result.output

    result = runner.invoke(args=["teacher", "setup-url", "--base-url", "http://school.example:8000/"])
    assert f"http://school.example:8000/setup?token={token}" in result.output


def test_the_printed_address_opens_the_setup_form(app: Flask, runner: Any) -> None:
    output = runner.invoke(args=["teacher", "setup-url", "--base-url", "http://localhost"]).output
    address = next(line.strip() for line in output.splitlines() if "/setup?token=" in line)
    page = app.test_client().get(address.removeprefix("http://localhost"))
    assert page.status_code == 200
    assert "Create the first teacher account" in page.get_data(as_text=True)


def test_setup_url_has_nothing_to_do_once_a_teacher_exists(app: Flask, runner: Any) -> None:
    with app.app_context():
        make_teacher()
    result = runner.invoke(args=["teacher", "setup-url"])
    assert result.exit_code == 0
    assert "nothing to set up" in result.output
    assert "token=" not in result.output


def test_create_prompts_for_the_password_twice_without_echo(app: Flask, runner: Any) -> None:
    result = runner.invoke(
        args=["teacher", "create", "Grace@School.example", "--name", "Grace Hopper"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Teacher account created for grace@school.example" in result.output
    assert PASSWORD not in result.output  # hidden input is not echoed
    with app.app_context():
        teacher = db.session.scalars(select(Teacher)).one()
        assert teacher.display_name == "Grace Hopper"
        assert check_password_hash(teacher.password_hash, PASSWORD)
    login_teacher(app.test_client(), "grace@school.example")


def test_create_asks_again_when_the_two_passwords_differ(app: Flask, runner: Any) -> None:
    result = runner.invoke(
        args=["teacher", "create", "grace@school.example"],
        input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    login_teacher(app.test_client(), "grace@school.example")


def test_create_refuses_a_short_password_and_a_taken_email(app: Flask, runner: Any) -> None:
    result = runner.invoke(args=["teacher", "create", "grace@school.example"], input="short\nshort\n")
    assert result.exit_code == 1
    assert "at least 10 characters" in result.output
    with app.app_context():
        assert db.session.scalars(select(Teacher)).first() is None
        make_teacher("grace@school.example")
    result = runner.invoke(
        args=["teacher", "create", "GRACE@school.example"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_create_never_takes_the_password_as_an_argument(runner: Any) -> None:
    result = runner.invoke(args=["teacher", "create", "grace@school.example", "--password", PASSWORD])
    assert result.exit_code != 0
    assert "No such option" in result.output
    result = runner.invoke(args=["teacher", "create", "grace@school.example", PASSWORD])
    assert result.exit_code != 0
