"""What the teacher sees of the class's work, in real Chromium: one student's answers opened
from the gradebook, and the printable quiz and its answer key printed to PDF (A4 and Letter).

The class is made through the services (a teacher, two students, the sample article's quiz
taken all right and half right); the teacher then uses the pages as a person would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.models import Article, ArticleVersion
from app.services import accounts, classes, quizzes
from tests.factories import right_answer, wrong_answer

SAMPLE_SLUG = "raqqa-assault-2015"
EMAIL = "print.teacher@school.example"
PASSWORD = "amber lantern quiet river"
TITLE = "Raqqa: who says what"
# A page break per question would be far more; fewer than two pages would mean the article or
# the questions are missing.
MIN_PAGES, MAX_PAGES = 2, 14


@pytest.fixture(scope="module")
def world(live_app: Flask) -> dict[str, Any]:
    with live_app.app_context():
        teacher = accounts.create_teacher(EMAIL, PASSWORD)
        school_class = classes.create_class(teacher, "Year 8 Paper")
        version = db.session.scalars(
            select(ArticleVersion).join(Article).where(Article.slug == SAMPLE_SLUG)
        ).first()
        assert version is not None
        assignment = quizzes.assign_quiz(school_class, version, title=TITLE, seed=5)
        ann = classes.join_class(school_class.join_code, "Ann Lee")
        bob = classes.join_class(school_class.join_code, "Bob Diaz")
        attempts = {}
        for student, right in ((ann, 99), (bob, 6)):
            attempt = quizzes.start_attempt(student, assignment)
            questions = quizzes.attempt_view(attempt).questions
            for position, question in enumerate(questions):
                answer = right_answer(question) if position < right else wrong_answer(question)
                quizzes.record_answer(attempt, position, answer)
            attempts[student.display_name] = quizzes.submit_attempt(attempt).id
        questions = quizzes.questions_of(assignment.quiz)
        return {
            "class_id": school_class.id,
            "assignment_id": assignment.id,
            "attempts": attempts,
            "questions": questions,
        }


@pytest.fixture(scope="module")
def teacher(new_visitor: Callable[..., Any], world: dict[str, Any]) -> Any:
    visitor = new_visitor("the teacher")
    page = visitor.page
    page.goto("/login")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/teacher/classes$"))
    return visitor


def test_teacher_opens_one_students_answers_from_the_gradebook(
    teacher: Any,
    world: dict[str, Any],
    axe_check: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    page = teacher.page
    page.goto(f"/teacher/classes/{world['class_id']}/dashboard")
    # The gradebook with its states legend and averages toggle stays accessible and fits a phone.
    expect(page.locator(".state-legend")).to_contain_text("missing")
    axe_check(page, "teacher-dashboard-states")
    assert_fits_phone(page, "teacher-dashboard-states")
    page.get_by_role("link", name=re.compile(f"Bob Diaz’s answers to {TITLE}")).click()
    expect(page).to_have_url(re.compile(rf"/teacher/attempts/{world['attempts']['Bob Diaz']}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bob Diaz’s answers: {TITLE}")
    questions = world["questions"]
    items = page.locator("li.answer-item")
    expect(items).to_have_count(len(questions))
    # Each question has its verdict in words and its score; the first six right, the others not.
    for index in range(len(questions)):
        verdict = items.nth(index).locator(".verdict")
        expect(verdict).to_contain_text("score")
        if index < 6:
            expect(verdict).to_contain_text("Right")
        else:
            expect(verdict).not_to_contain_text("Right")
    # A choice question shows the student's answer and the key in words.
    choice = next(i for i, q in enumerate(questions) if q.type == "choice")
    expect(items.nth(choice).locator(".tag-correct")).to_contain_text("right answer")
    expect(items.nth(choice).locator(".tag-chosen")).to_contain_text("student’s answer")
    # A select-words question marks the words in the passage, each mark named in text too.
    select_index = next(i for i, q in enumerate(questions) if q.type == "select")
    marks = items.nth(select_index).locator(".answer-passage .passage-mark")
    expect(marks.first).to_be_attached()
    expect(marks.first.locator(".visually-hidden").first).to_have_text(
        re.compile(r"\((found|missed|extra|near): ")
    )
    axe_check(page, "teacher-student-answers")
    assert_fits_phone(page, "teacher-student-answers")
    teacher.assert_no_browser_problems()


def _pdf_pages(data: bytes) -> int:
    """Pages of a PDF Chromium wrote: its page objects ("/Type /Page", not "/Pages")."""
    assert data.startswith(b"%PDF-"), "not a PDF"
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_print_view_and_answer_key_print_cleanly_to_pdf(
    teacher: Any,
    world: dict[str, Any],
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    page = teacher.page
    page.goto(f"/teacher/assignments/{world['assignment_id']}/quiz")
    # The class's quiz: students have started, so it can no longer be drawn again, and it says why.
    expect(page.locator("#draw-closed")).to_contain_text("already started")
    expect(page.get_by_role("button", name="Draw another quiz")).to_have_count(0)
    axe_check(page, "teacher-class-quiz")
    assert_fits_phone(page, "teacher-class-quiz")
    page.get_by_role("link", name="Print this quiz").click()
    expect(page).to_have_url(re.compile(r"/print$"))
    axe_check(page, "teacher-print-quiz")
    assert_fits_phone(page, "teacher-print-quiz")
    explanations = [q.explanation for q in world["questions"] if q.explanation]

    page.emulate_media(media="print")
    try:
        screenshot(page, "teacher-print-quiz-as-printed")
        printed = page.locator("body").inner_text()  # only what print shows (no site header)
        assert "Name:" in printed and TITLE in printed
        assert "Log out" not in printed and "ready to print" not in printed
        assert "Answer key" not in printed and "Why:" not in printed and "right answer" not in printed
        assert not [text for text in explanations if text in printed], (
            "the key leaked into the students' copy"
        )
        assert printed.count("☐") >= sum(len(q.choices) for q in world["questions"] if q.type != "select")
        sizes = {}
        for paper in ("A4", "Letter"):
            sizes[paper] = _pdf_pages(page.pdf(format=paper, print_background=False))
            assert MIN_PAGES <= sizes[paper] <= MAX_PAGES, (paper, sizes[paper])
    finally:
        page.emulate_media(media="screen")

    page.goto(f"/teacher/assignments/{world['assignment_id']}/print/key")
    page.emulate_media(media="print")
    try:
        screenshot(page, "teacher-print-key-as-printed")
        key = page.locator("body").inner_text()
        assert "Answer key" in key and key.count("Answer:") == len(world["questions"])
        assert all(text in key for text in explanations)
        assert "Name:" not in key
        for paper in ("A4", "Letter"):
            pages = _pdf_pages(page.pdf(format=paper))
            assert 1 <= pages <= MAX_PAGES, (paper, pages)
    finally:
        page.emulate_media(media="screen")
    teacher.assert_no_browser_problems()
