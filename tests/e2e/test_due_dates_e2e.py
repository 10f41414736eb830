"""A quiz that closes at its due date, in real Chromium.

A student has a question page open when the due date passes.  Their next answer is refused with a
plain message, the attempt is handed in with the answers it had (dated at the due date), and their
quiz list says "Closed" with no way to start again.  Then the teacher's settings page shows the
due date in the class's time zone and lists the extension given to another student.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import FEEDBACK_TEST, LATE_CLOSE, Article, ArticleVersion, Assignment, Attempt, utcnow
from app.services import accounts, classes, quizzes
from tests.factories import PASSWORD, right_answer

SAMPLE_SLUG = "raqqa-assault-2015"
TEACHER_EMAIL = "close.e2e@school.example"


def _rejoin(page: Any, join_code: str, rejoin_code: str) -> None:
    page.goto("/rejoin")
    page.get_by_label("Class code").fill(join_code)
    page.get_by_label("Rejoin code").fill(rejoin_code)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/quizzes$"))


def test_a_student_answering_after_the_close_is_told_and_their_work_is_handed_in(
    live_app: Flask,
    new_visitor: Callable[..., Any],
    axe_check: Callable[[Any, str], Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    with live_app.app_context():
        teacher = accounts.create_teacher(TEACHER_EMAIL, PASSWORD)
        school_class = classes.create_class(teacher, "Year 9 closing")
        school_class.time_zone = "Europe/Berlin"
        db.session.commit()
        student = classes.join_class(school_class.join_code, "Ines")
        late_student = classes.join_class(school_class.join_code, "Jon")
        version = db.session.scalars(
            select(ArticleVersion)
            .join(Article)
            .where(Article.slug == SAMPLE_SLUG)
            .order_by(ArticleVersion.number.desc())
        ).first()
        assert version is not None
        assignment = quizzes.assign_quiz(
            school_class,
            version,
            title="Closing quiz",
            due_at=utcnow() + timedelta(hours=1),
            feedback_mode=FEEDBACK_TEST,
            late_policy=LATE_CLOSE,
            seed=5,
        )
        quizzes.set_extension(assignment, late_student, due_at=utcnow() + timedelta(days=2), extra_attempts=0)
        questions = quizzes.questions_of(assignment.quiz)
        first_choice = next(i for i, q in enumerate(questions) if q.type == "choice")
        second_choice = next(i for i, q in enumerate(questions) if q.type == "choice" and i > first_choice)
        codes = (school_class.join_code, student.rejoin_code)
        assignment_id, student_id = assignment.id, student.id
        right = [int(v) for v in right_answer(questions[first_choice])]

    ines = new_visitor("Ines")
    page = ines.page
    _rejoin(page, *codes)
    expect(page.locator("main")).to_contain_text("(Europe/Berlin)")
    page.get_by_role("button", name=re.compile(r"^Start\W+Closing quiz$")).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_url = page.url.rsplit("/questions/", 1)[0]

    # One answer saved before the close.
    page.goto(f"{attempt_url}/questions/{first_choice + 1}")
    page.locator(f"#q{first_choice + 1}-choice-{right[0]}").check()
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page).not_to_have_url(re.compile(rf"/questions/{first_choice + 1}$"))

    # The next question is open on screen when the due date passes.
    page.goto(f"{attempt_url}/questions/{second_choice + 1}")
    with live_app.app_context():
        due = utcnow() - timedelta(seconds=1)
        db.session.get_one(Assignment, assignment_id).due_at = due
        db.session.commit()
    page.locator(f"#q{second_choice + 1}-choice-0").check()
    page.get_by_role("button", name=re.compile("Save")).click()

    expect(page).to_have_url(re.compile(r"/attempts/\d+/results$"))
    flash = page.locator(".flashes")
    expect(flash).to_contain_text("This quiz closed at")
    expect(flash).to_contain_text("(Europe/Berlin). Your answers from before then are handed in.")
    expect(page.locator(".total-score")).to_contain_text("You scored 1 out of")
    with live_app.app_context():
        attempt = db.session.scalars(select(Attempt).where(Attempt.student_id == student_id)).one()
        assert attempt.submitted_at is not None
        assert abs((attempt.submitted_at - due).total_seconds()) < 1e-3, "handed in at the due date"
        assert attempt.score == 1.0

    page.get_by_role("link", name="Back to my quizzes").click()
    card = page.locator("li.assignment", has_text="Closing quiz")
    expect(card).to_contain_text("Closed")
    expect(card.get_by_role("button")).to_have_count(0)
    expect(card.get_by_role("link", name=re.compile("Review"))).to_be_visible()
    axe_check(page, "quiz-list-closed")
    ines.assert_no_browser_problems()

    # The teacher sees the due date in the class's zone and Jon's own, later date.
    teacher = new_visitor("the teacher")
    tpage = teacher.page
    tpage.goto("/login")
    tpage.get_by_label("Email").fill(TEACHER_EMAIL)
    tpage.get_by_label("Password").fill(PASSWORD)
    tpage.get_by_role("button", name="Log in").click()
    tpage.goto(f"/teacher/assignments/{assignment_id}/edit")
    expect(tpage.get_by_role("heading", level=1)).to_have_text("Settings of “Closing quiz”")
    extensions = tpage.get_by_role("region", name="Extensions table")
    expect(extensions).to_contain_text("Jon")
    expect(extensions).to_contain_text("(Europe/Berlin)")
    expect(tpage.get_by_label("Due (optional)")).to_have_value(re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d"))
    axe_check(tpage, "assignment-settings")
    assert_fits_phone(tpage, "assignment-settings")

    # Deleting asks first, saying what goes.
    tpage.get_by_role("link", name=re.compile("Delete")).click()
    expect(tpage.get_by_role("heading", level=1)).to_have_text("Delete “Closing quiz”?")
    expect(tpage.locator("main")).to_contain_text("1 attempt(s) by 1 student(s) will be removed")
    axe_check(tpage, "delete-assignment")
    tpage.get_by_role("button", name=re.compile("Delete the assignment")).click()
    expect(tpage).to_have_url(re.compile(r"/teacher/classes/\d+$"))
    expect(tpage.locator(".flashes")).to_contain_text("“Closing quiz” is deleted")
    with live_app.app_context():
        assert db.session.get(Assignment, assignment_id) is None
        assert db.session.scalar(select(Attempt).where(Attempt.student_id == student_id)) is None
    teacher.assert_no_browser_problems()
