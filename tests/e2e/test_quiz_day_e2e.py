"""Taking a quiz on a real school day, in real Chromium (the question page):

- Enter on a focused word or choice selects it and never sends a half answer; only the button does;
- an answer sent while the network is down stays ticked, the page says it is not saved yet, a
  reload keeps it, and once the network is back it is saved exactly once, even when the first
  reply was lost after the server had saved it;
- on a 360 px phone the question and its answers come before the article, and the page lands on
  the error or the verdict after a submit, with and without JavaScript; the desktop layout stays;
- in a test, "Next question" and "Review all answers" save what is ticked instead of dropping it.

Each test signs in a new student (through the rejoin page) on the sample article's quiz, whose
question order is fixed by the assignment's seed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.domain.question import Question
from app.extensions import db
from app.models import FEEDBACK_PRACTICE, FEEDBACK_TEST, Attempt, Response
from app.services import quizzes
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import make_assignment, make_class, make_student

PRACTICE_TITLE = "Practice: the Raqqa article"
TEST_TITLE = "Test: the Raqqa article"
NOT_SAVED = "Your answer is not saved yet."
# Long enough for a key press to have sent the form if it were going to.
SETTLE_MS = 400


@dataclass(frozen=True)
class Quiz:
    class_code: str
    questions: list[Question]

    def first(self, kind: str, *, with_focus: bool = False) -> int:
        """The number (from 1) of the first question of this type (with a focus paragraph)."""
        return next(
            n
            for n, q in enumerate(self.questions, start=1)
            if q.type == kind and (q.focus is not None or not with_focus)
        )


@pytest.fixture(scope="module")
def quiz(live_app: Flask) -> Quiz:
    with live_app.app_context():
        school_class = make_class(name="Year 8 Media")
        practice = make_assignment(school_class, title=PRACTICE_TITLE, feedback_mode=FEEDBACK_PRACTICE)
        test = make_assignment(school_class, title=TEST_TITLE, feedback_mode=FEEDBACK_TEST)
        questions = quizzes.questions_of(practice.quiz)
        # Both assignments have the same seed, so the same questions in the same order.
        assert [q.prompt for q in quizzes.questions_of(test.quiz)] == [q.prompt for q in questions]
        return Quiz(school_class.join_code, questions)


@dataclass
class Taker:
    """A student on their own device, started on a quiz."""

    visitor: Any  # the conftest's Visitor: its browser context, page and reported problems
    attempt_url: str
    attempt_id: int

    @property
    def page(self) -> Any:
        return self.visitor.page

    @property
    def context(self) -> Any:
        return self.visitor.context


def _start(live_app: Flask, new_visitor: Callable[..., Any], quiz: Quiz, title: str, **options: Any) -> Taker:
    """A new student on a new device, signed in (with the rejoin page) and started on ``title``;
    the page is on question 1."""
    with live_app.app_context():
        student = make_student(_class_of(quiz))
        rejoin_code = student.rejoin_code
    visitor = new_visitor(f"student {rejoin_code}", **options)
    page = visitor.page
    page.goto("/rejoin")
    page.get_by_label("Class code").fill(quiz.class_code)
    page.get_by_label("Your rejoin code").fill(rejoin_code)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/quizzes$"))
    page.locator("li.assignment").filter(has_text=title).get_by_role(
        "button", name=re.compile("^Start")
    ).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_url = page.url.rsplit("/questions/", 1)[0]
    return Taker(visitor, attempt_url, int(attempt_url.rsplit("/", 1)[1]))


def _class_of(quiz: Quiz) -> Any:
    from app.models import SchoolClass

    return db.session.scalars(select(SchoolClass).where(SchoolClass.join_code == quiz.class_code)).one()


def _responses(live_app: Flask, attempt_id: int) -> list[Response]:
    with live_app.app_context():
        rows = list(
            db.session.scalars(
                select(Response).where(Response.attempt_id == attempt_id).order_by(Response.position)
            )
        )
        db.session.expunge_all()
        return rows


def _attempt(live_app: Flask, attempt_id: int) -> Attempt:
    with live_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None
        db.session.expunge_all()
        return attempt


def _answer_posts(page: Any) -> list[str]:
    """Every POST the page sends to a question URL (an answer), in order."""
    posts: list[str] = []
    page.on(
        "request",
        lambda request: (
            posts.append(request.url)
            if request.method == "POST" and re.search(r"/questions/\d+$", request.url)
            else None
        ),
    )
    return posts


def _assert_only_expected_problems(student: Taker, *expected: str) -> None:
    """Like ``assert_no_browser_problems``, but the console errors that Chromium logs for failures
    this test causes on purpose (``expected`` patterns: a lost connection, a refused answer's 422)
    are allowed."""
    problems = student.visitor.problems
    problems[:] = [p for p in problems if not any(re.search(e, p) for e in expected)]
    student.visitor.assert_no_browser_problems()


def _in_viewport(locator: Any, height: int) -> bool:
    box = locator.bounding_box()
    assert box is not None, "the element is not shown"
    # A pixel of slack: a paragraph scrolled to the top can sit at y = -0.1 from sub-pixel layout.
    return bool(box["y"] >= -1 and box["y"] + min(box["height"], 40) <= height)


def _scrolled_into_viewport(page: Any, locator: Any, height: int, timeout_ms: int = 5000) -> bool:
    """``_in_viewport`` once the browser has scrolled (to the address's #fragment, a followed link or
    an autofocused field): it does that after the page is laid out, which on a busy machine can
    come after the element is already visible.  Still false if it never scrolls there."""
    for _ in range(timeout_ms // 100):
        if _in_viewport(locator, height):
            return True
        page.wait_for_timeout(100)
    return _in_viewport(locator, height)


# --- Enter must not submit a half answer -----------------------------------------------------------


def test_enter_and_space_toggle_words_and_choices_and_only_the_button_sends(
    live_app: Flask, new_visitor: Callable[..., Any], quiz: Quiz
) -> None:
    student = _start(live_app, new_visitor, quiz, PRACTICE_TITLE)
    page = student.page
    posts = _answer_posts(page)

    select_number = quiz.first("select")
    page.goto(f"{student.attempt_url}/questions/{select_number}")
    passage = page.locator("[data-select-words]")
    expect(passage).to_have_class(re.compile(r"\benhanced\b"))
    boxes = passage.locator("input.word-box")
    boxes.nth(0).focus()
    page.keyboard.press("Enter")
    expect(boxes.nth(0), "Enter on a word must select it").to_be_checked()
    page.keyboard.press("Enter")
    expect(boxes.nth(0), "Enter again must unselect it").not_to_be_checked()
    page.keyboard.press("Space")
    expect(boxes.nth(0), "Space must select it").to_be_checked()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(boxes.nth(1)).to_be_checked()
    expect(passage.locator(".selection-count")).to_have_text("2 words selected.")
    page.wait_for_timeout(SETTLE_MS)
    assert posts == [], f"Enter on a word sent the answer: {posts}"
    expect(page).to_have_url(re.compile(rf"/questions/{select_number}$"))

    multiple_number = quiz.first("multiple")
    page.goto(f"{student.attempt_url}/questions/{multiple_number}")
    ticks = page.locator("fieldset.question input[type=checkbox]")
    ticks.nth(0).focus()
    page.keyboard.press("Enter")
    expect(ticks.nth(0), "Enter on a tick box must tick it").to_be_checked()
    page.keyboard.press("Enter")
    expect(ticks.nth(0), "Enter again must untick it").not_to_be_checked()
    page.keyboard.press("Space")
    expect(ticks.nth(0)).to_be_checked()

    choice_number = quiz.first("choice")
    page.goto(f"{student.attempt_url}/questions/{choice_number}")
    radios = page.locator("fieldset.question input[type=radio]")
    radios.nth(1).focus()
    page.keyboard.press("Enter")
    expect(radios.nth(1), "Enter on a choice must choose it").to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(radios.nth(2)).to_be_checked()
    page.keyboard.press("Enter")
    page.wait_for_timeout(SETTLE_MS)
    assert posts == [], f"Enter on a choice sent the answer: {posts}"
    assert _responses(live_app, student.attempt_id) == [], "no answer may be recorded by Enter"

    # Only the button sends; the feedback page opens at the verdict, and on a wide screen
    # it does not scroll away from the top.
    page.get_by_role("button", name="Check my answer").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/questions/{choice_number}/feedback#verdict$"))
    expect(page.locator("#verdict .verdict")).to_be_visible()
    assert page.evaluate("window.scrollY") == 0, "on a desktop the feedback page stays at its top"
    [response] = _responses(live_app, student.attempt_id)
    assert response.position == choice_number - 1 and response.answer == [2]
    student.visitor.assert_no_browser_problems()


# --- A lost connection loses nothing ------------------------------------------------------------------


def test_an_answer_sent_offline_stays_survives_a_reload_and_is_saved_once_when_back_online(
    live_app: Flask, new_visitor: Callable[..., Any], quiz: Quiz
) -> None:
    student = _start(live_app, new_visitor, quiz, PRACTICE_TITLE)
    page, context = student.page, student.context
    number = quiz.first("choice")
    question_url = f"{student.attempt_url}/questions/{number}"
    page.goto(question_url)
    radio = page.locator("fieldset.question input[type=radio]").nth(1)
    radio.check()
    status = page.locator(".save-status")

    # 1. The network is down: the page stays, the answer stays ticked, and the page says so.
    context.set_offline(True)
    page.get_by_role("button", name="Check my answer").click()
    expect(status).to_contain_text(NOT_SAVED)
    expect(status).to_contain_text("tries again by itself")
    expect(radio).to_be_checked()
    expect(page).to_have_url(question_url)
    assert _responses(live_app, student.attempt_id) == []

    # 2. Still failing (the server is restarting) when the student reloads: the answer is ticked again.
    def refuse(route: Any) -> None:
        if route.request.method == "POST":
            route.abort("connectionrefused")
        else:
            route.continue_()

    page.route(question_url, refuse)
    context.set_offline(False)
    # Leaving the page with the answer unsaved asks first; here the student leaves anyway, and
    # loads the page anew (not the browser's own restoring of a reloaded form).
    dialogs: list[str] = []

    def leave_anyway(dialog: Any) -> None:
        dialogs.append(dialog.type)
        dialog.accept()

    page.once("dialog", leave_anyway)
    page.get_by_role("link", name="My quizzes").click()
    expect(page).to_have_url(re.compile(r"/quizzes$"))
    assert dialogs == ["beforeunload"], f"leaving an unsaved answer must ask first: {dialogs}"
    page.goto(question_url)
    expect(radio, "the unsaved answer must be ticked again when the page is loaded again").to_be_checked()
    expect(status).to_contain_text(NOT_SAVED)
    expect(status).to_contain_text("Press “Check my answer” to save it.")
    assert _responses(live_app, student.attempt_id) == []
    page.unroute(question_url)

    # 3. Back again, but the server's first reply is lost after it saved the answer: the page sends
    #    it again, and the second send counts as the same answer.
    sends: list[int] = []

    def lose_first_reply(route: Any) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        sends.append(len(sends) + 1)
        if len(sends) == 1:
            route.fetch()  # the server gets and saves the answer ...
            route.abort("connectionreset")  # ... and the reply never arrives
        else:
            route.continue_()

    page.route(question_url, lose_first_reply)
    page.get_by_role("button", name="Check my answer").click()
    expect(page).to_have_url(re.compile(rf"/questions/{number}/feedback#verdict$"))
    expect(page.locator("#verdict .verdict")).to_contain_text(re.compile("Right|Partly right|Wrong"))
    assert len(sends) >= 2, f"the answer must have been sent again after the lost reply, sends: {sends}"

    responses = _responses(live_app, student.attempt_id)
    assert len(responses) == 1, f"one answer expected, got {len(responses)}"
    [response] = responses
    assert response.position == number - 1 and response.answer == [1]
    attempt = _attempt(live_app, student.attempt_id)
    assert attempt.score == response.score, "the answer's score is counted once"
    assert page.evaluate("Object.keys(sessionStorage).length") == 0, "a saved answer is forgotten"
    _assert_only_expected_problems(
        student, r"net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET)$"
    )


# --- Phones ------------------------------------------------------------------------------------------


def test_on_a_phone_the_question_comes_first_and_a_submit_lands_on_the_error_or_the_verdict(
    live_app: Flask, new_visitor: Callable[..., Any], quiz: Quiz, screenshot: Callable[..., Any]
) -> None:
    student = _start(live_app, new_visitor, quiz, PRACTICE_TITLE, viewport=PHONE)
    page = student.page
    number = quiz.first("choice", with_focus=True)
    paragraph = quiz.questions[number - 1].focus[0]  # type: ignore[index]
    page.goto(f"{student.attempt_url}/questions/{number}")

    height = PHONE["height"]
    assert _in_viewport(page.locator("legend.prompt"), height), "the question must be above the fold"
    assert _in_viewport(page.locator("fieldset.question input").first, height), (
        "the first answer must be above the fold"
    )
    article = page.locator("article.news-article")
    assert article.bounding_box()["y"] > page.locator("fieldset.question").bounding_box()["y"]  # type: ignore[index]
    screenshot(page, "student-quiz-question-phone")

    # The article is one tap away, at the paragraph the question is about.
    page.locator(".read-article").get_by_role("link", name=f"paragraph {paragraph}").click()
    assert _scrolled_into_viewport(page, page.locator(f"#article-p{paragraph}"), height)
    page.get_by_role("link", name="Back to the question").click()
    assert _scrolled_into_viewport(page, page.locator("#question-heading"), height)

    # Nothing chosen: the message is on screen and has the focus.
    page.get_by_role("button", name="Check my answer").click()
    error = page.locator("fieldset.question .field-error")
    expect(error).to_have_text("Choose an answer.")
    expect(error).to_be_focused()
    assert _scrolled_into_viewport(page, error, height)

    page.locator("fieldset.question input[type=radio]").first.check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page).to_have_url(re.compile(rf"/questions/{number}/feedback#verdict$"))
    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_be_visible()
    assert _scrolled_into_viewport(page, verdict, height), "after a submit a phone must show the verdict"
    screenshot(page, "student-quiz-feedback-phone")

    # The desktop layout stays: the article on the left, the question beside it at the top.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{student.attempt_url}/questions/{number + 1}")
    article_box = page.locator(".article-panel").bounding_box()
    question_box = page.locator(".question-panel").bounding_box()
    assert article_box["x"] < question_box["x"] and abs(article_box["y"] - question_box["y"]) < 5  # type: ignore[index]
    expect(page.locator(".read-article")).to_be_hidden()
    _assert_only_expected_problems(student, r"status of 422")


def test_on_a_phone_without_javascript_a_submit_lands_on_the_error_or_the_verdict(
    live_app: Flask, new_visitor: Callable[..., Any], quiz: Quiz
) -> None:
    student = _start(live_app, new_visitor, quiz, PRACTICE_TITLE, viewport=PHONE, javascript=False)
    page = student.page
    number = quiz.first("select")
    page.goto(f"{student.attempt_url}/questions/{number}")
    height = PHONE["height"]
    assert _in_viewport(page.locator("legend.prompt"), height)

    page.get_by_role("button", name="Check my answer").click()
    error = page.locator("fieldset.question .field-error")
    expect(error).to_have_text("Select at least one word.")
    expect(error, "the refused page opens at its message (autofocus)").to_be_focused()
    assert _scrolled_into_viewport(page, error, height)

    page.locator("input.word-box").nth(2).check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page).to_have_url(re.compile(rf"/questions/{number}/feedback#verdict$"))
    assert _scrolled_into_viewport(page, page.locator("#verdict .verdict"), height)
    [response] = _responses(live_app, student.attempt_id)
    assert response.answer == [2]
    _assert_only_expected_problems(student, r"status of 422")


# --- Tests: moving on saves what is ticked ------------------------------------------------------------


def test_in_a_test_next_previous_and_review_save_the_ticked_answer(
    live_app: Flask,
    new_visitor: Callable[..., Any],
    quiz: Quiz,
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
) -> None:
    student = _start(live_app, new_visitor, quiz, TEST_TITLE)
    page = student.page
    total = len(quiz.questions)

    def answer_here(number: int) -> None:
        """Tick the first answer (or the first two words) of the question on the page."""
        if quiz.questions[number - 1].type == "select":
            labels = page.locator(".word label")
            labels.nth(0).click()
            labels.nth(1).click()
        else:
            page.locator("fieldset.question input[name=answer]").first.check()

    def expected(number: int) -> list[int]:
        return [0, 1] if quiz.questions[number - 1].type == "select" else [0]

    axe_check(page, "quiz-test-mode-question")
    answer_here(1)
    screenshot(page, "student-quiz-test-mode-desktop")
    page.get_by_role("button", name="Next question").click()
    expect(page).to_have_url(f"{student.attempt_url}/questions/2")
    assert [(r.position, r.answer) for r in _responses(live_app, student.attempt_id)] == [(0, expected(1))]

    # Nothing ticked: Next skips, as before.
    page.get_by_role("button", name="Next question").click()
    expect(page).to_have_url(f"{student.attempt_url}/questions/3")
    assert len(_responses(live_app, student.attempt_id)) == 1

    answer_here(3)
    page.get_by_role("button", name="Previous question").click()
    expect(page).to_have_url(f"{student.attempt_url}/questions/2")
    answer_here(2)
    page.get_by_role("button", name="Review all answers and submit").click()
    expect(page).to_have_url(f"{student.attempt_url}/review")
    expect(page.locator(".progress-line")).to_contain_text(f"3 of {total} answered")
    saved = [(r.position, r.answer) for r in _responses(live_app, student.attempt_id)]
    assert saved == [(0, expected(1)), (1, expected(2)), (2, expected(3))]

    # The saved answer shows ticked and can still be changed.
    page.goto(f"{student.attempt_url}/questions/1")
    expect(page.locator("fieldset.question input[name=answer]").nth(0)).to_be_checked()
    student.visitor.assert_no_browser_problems()
