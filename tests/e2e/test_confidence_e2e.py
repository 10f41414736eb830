""" "How sure are you?" in real Chromium (issue 13, item 4):

- a teacher assigns the sample article with the rating on and one question kind switched off,
  on the assign form (axe clean);
- a student answers every question and rates how sure they are each time, the first time with
  the keyboard only; the rating sits under the answers, fits a 360 px screen, passes axe, and the
  feedback repeats it; the score is the same as without ratings;
- the results page and the class dashboard show how often each level was right (axe clean, 360 px).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.domain import statistics as stats
from app.domain.generate import KIND_TITLES
from app.domain.question import SELECT, Question
from app.extensions import db
from app.models import Article, ArticleVersion, Assignment, Attempt, Response
from app.services import quizzes
from tests.factories import PASSWORD, SAMPLE_ARTICLE, make_class, make_student, make_teacher

TEACHER_EMAIL = "sure@school.example"
CLASS_NAME = "Year 10 Media"
TITLE = "How sure are you? Raqqa"
SWITCHED_OFF = "source_type"
LEVELS = ("certain", "fairly_sure", "guessing")
LABELS = {"certain": "Certain", "fairly_sure": "Fairly sure", "guessing": "Guessing"}


@pytest.fixture(scope="module")
def school(live_app: Flask) -> dict[str, Any]:
    with live_app.app_context():
        teacher = make_teacher(TEACHER_EMAIL)
        school_class = make_class(teacher, CLASS_NAME)
        student = make_student(school_class, "Rosa")
        version = db.session.scalars(
            select(ArticleVersion)
            .join(Article)
            .where(Article.slug == SAMPLE_ARTICLE.stem)
            .order_by(ArticleVersion.number.desc())
        ).first()
        assert version is not None
        return {
            "class_id": school_class.id,
            "class_code": school_class.join_code,
            "rejoin_code": student.rejoin_code,
            "article_label": f"{version.title} (version {version.number})",
        }


def _heading(page: Any) -> Any:
    return page.get_by_role("heading", level=1)


def test_teacher_assigns_with_the_rating_on_and_a_kind_off(
    live_app: Flask,
    new_visitor: Callable[..., Any],
    school: dict[str, Any],
    axe_check: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    teacher = new_visitor("the teacher")
    page = teacher.page
    page.goto("/login")
    page.get_by_label("Email").fill(TEACHER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/teacher/classes$"))
    page.goto(f"/teacher/assign?class_id={school['class_id']}")
    expect(_heading(page)).to_have_text("Assign a quiz")
    page.get_by_label("Article", exact=True).select_option(label=school["article_label"])
    page.get_by_label("Title students see (optional)").fill(TITLE)
    page.get_by_label("After each question (practice)").check()
    page.get_by_label(re.compile("How sure are you")).check()
    kinds = page.get_by_role("group", name="Question kinds to leave out")
    for title in KIND_TITLES.values():
        if not title.startswith("Teacher's question"):
            expect(kinds.get_by_label(title, exact=True), f"a box for {title}").to_be_visible()
    kinds.get_by_label(KIND_TITLES[SWITCHED_OFF], exact=True).check()
    axe_check(page, "confidence-assign-form")
    assert_fits_phone(page, "confidence-assign-form")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/teacher/classes/{school['class_id']}$"))
    with live_app.app_context():
        assignment = db.session.scalars(select(Assignment).where(Assignment.title == TITLE)).one()
        assert assignment.ask_confidence is True
        assert assignment.kinds_off == [SWITCHED_OFF]
        assert SWITCHED_OFF not in {q.kind for q in quizzes.questions_of(assignment.quiz)}
    teacher.assert_no_browser_problems()


def _questions(live_app: Flask) -> list[Question]:
    with live_app.app_context():
        assignment = db.session.scalars(select(Assignment).where(Assignment.title == TITLE)).one()
        return quizzes.questions_of(assignment.quiz)


def _tick_answer(page: Any, number: int, question: Question, right: bool) -> None:
    """Tick the right answer, or a wrong one, by clicking the labels (as a student taps them)."""
    if question.type == SELECT:
        gold = [i for start, end in question.gold for i in range(start, end)]
        words = gold if right else [next(i for i in range(len(question.words)) if i not in gold)]
    elif right:
        words = list(question.answer)
    else:
        words = [next(i for i in range(len(question.choices)) if i not in question.answer)]
    prefix = f"q{number}-w" if question.type == SELECT else f"q{number}-choice-"
    for index in words:
        page.locator(f"label[for='{prefix}{index}']").click()


def test_student_rates_every_answer_and_sees_calibration(
    live_app: Flask,
    new_visitor: Callable[..., Any],
    school: dict[str, Any],
    axe_check: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    questions = _questions(live_app)
    student = new_visitor("Rosa")
    page = student.page
    page.goto("/rejoin")
    page.get_by_label("Class code").fill(school["class_code"])
    page.get_by_label("Your rejoin code").fill(school["rejoin_code"])
    page.get_by_role("button", name="Continue").click()
    page.locator("li.assignment").filter(has_text=TITLE).get_by_role(
        "button", name=re.compile("^Start")
    ).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_id = int(page.url.rsplit("/questions/", 1)[0].rsplit("/", 1)[1])

    plan: dict[int, str] = {}
    for number, question in enumerate(questions, start=1):
        expect(_heading(page)).to_have_text(f"Question {number} of {len(questions)}")
        rating = page.get_by_role("group", name=re.compile("How sure are you"))
        expect(rating).to_be_visible()
        level = LEVELS[(number - 1) % len(LEVELS)]
        _tick_answer(page, number, question, right=number % 3 != 0)
        if number == 1:
            # Keyboard only: focus the first level, then arrow keys move and choose, as radios do.
            rating.get_by_label("Guessing", exact=True).focus()
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            expect(rating.get_by_label("Certain", exact=True)).to_be_checked()
            # Enter on a rating chooses it and never sends the answer.
            page.keyboard.press("Enter")
            page.wait_for_timeout(300)
            expect(page).to_have_url(re.compile(r"/questions/1$"))
            axe_check(page, "confidence-question")
            assert_fits_phone(page, "confidence-question")
        else:
            rating.get_by_label(LABELS[level], exact=True).click()
        plan[number - 1] = level
        page.get_by_role("button", name="Check my answer").click()
        expect(page).to_have_url(re.compile(rf"/questions/{number}/feedback#verdict$"))
        expect(page.locator(".confidence-said")).to_have_text(f"You said you were: {LABELS[level]}.")
        if number < len(questions):
            page.get_by_role("link", name="Next question").click()
        else:
            page.get_by_role("button", name="Finish and see my results").click()
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt_id}/results$"))

    with live_app.app_context():
        responses = list(db.session.scalars(select(Response).where(Response.attempt_id == attempt_id)))
        assert {r.position: r.confidence for r in responses} == plan
        attempt = db.session.get_one(Attempt, attempt_id)
        # The rating never counts: the score is the sum of the answers' own scores.
        assert attempt.score == pytest.approx(sum(r.score for r in responses))
        expected = stats.calibration(
            stats.ScoredAnswer((), r.score, r.max_score, r.confidence) for r in responses
        )
    section = page.get_by_role("region", name="How sure you were", exact=True)
    expect(section).to_be_visible()
    certain = expected.level("certain")
    expect(section).to_contain_text(f"When you were certain, you were fully right {certain.right} time")
    table = section.locator("table#your-calibration")
    for level in expected.levels:
        row = table.locator("tbody tr").filter(has_text=level.label)
        expect(row.locator("td").first).to_have_text(str(level.answers))
    axe_check(page, "confidence-results")
    assert_fits_phone(page, "confidence-results")
    student.assert_no_browser_problems()

    teacher = new_visitor("the teacher again")
    tpage = teacher.page
    tpage.goto("/login")
    tpage.get_by_label("Email").fill(TEACHER_EMAIL)
    tpage.get_by_label("Password").fill(PASSWORD)
    tpage.get_by_role("button", name="Log in").click()
    tpage.goto(f"/teacher/classes/{school['class_id']}/dashboard")
    calibration = tpage.get_by_role("region", name="How sure students were", exact=True)
    expect(calibration).to_be_visible()
    per_student = calibration.locator("table#student-calibration")
    rosa = per_student.locator("tbody tr").filter(has_text="Rosa")
    expect(rosa).to_have_count(1)
    cells = rosa.locator("td")
    for index, level in enumerate(expected.levels):
        expect(cells.nth(index)).to_have_text(
            f"{level.right} of {level.answers} ({level.right_percent:.0f}%)"
        )
    class_table = calibration.locator("table#class-calibration")
    expect(class_table.locator("tbody tr").filter(has_text="Certain").locator("td").first).to_have_text(
        str(certain.answers)
    )
    axe_check(tpage, "confidence-dashboard")
    assert_fits_phone(tpage, "confidence-dashboard")
    teacher.assert_no_browser_problems()


def test_without_javascript_the_rating_is_sent_with_the_answer(
    live_app: Flask, new_visitor: Callable[..., Any], school: dict[str, Any]
) -> None:
    with live_app.app_context():
        from app.models import SchoolClass

        student = make_student(db.session.get_one(SchoolClass, school["class_id"]), "Noor")
        rejoin_code = student.rejoin_code
    questions = _questions(live_app)
    visitor = new_visitor("Noor without JavaScript", javascript=False)
    page = visitor.page
    page.goto("/rejoin")
    page.get_by_label("Class code").fill(school["class_code"])
    page.get_by_label("Your rejoin code").fill(rejoin_code)
    page.get_by_role("button", name="Continue").click()
    page.locator("li.assignment").filter(has_text=TITLE).get_by_role(
        "button", name=re.compile("^Start")
    ).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_id = int(page.url.rsplit("/questions/", 1)[0].rsplit("/", 1)[1])
    # Without the script every select-words box is an ordinary tick box with its label.
    _tick_answer(page, 1, questions[0], right=True)
    page.get_by_role("group", name=re.compile("How sure are you")).get_by_label(
        "Fairly sure", exact=True
    ).check()
    # (No axe run here: axe is a script, and this page runs none; the same markup passed axe above.)
    page.get_by_role("button", name="Check my answer").click()
    expect(page).to_have_url(re.compile(r"/questions/1/feedback#verdict$"))
    expect(page.locator(".confidence-said")).to_have_text("You said you were: Fairly sure.")
    with live_app.app_context():
        rows = list(db.session.scalars(select(Response).where(Response.attempt_id == attempt_id)))
        assert [(r.position, r.confidence, r.score) for r in rows] == [(0, "fairly_sure", 1.0)]
    visitor.assert_no_browser_problems()
