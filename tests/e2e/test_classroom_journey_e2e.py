"""The classroom in real Chromium (issue 3, "What it must show"), as one journey in order:

1. a teacher sets up the install, creates a class and assigns the sample article's quiz;
2. a student joins with the class code, answers every question (a select-words one by keyboard),
   reloads in the middle and continues, finishes and sees the score by skill;
3. the student rejoins on a fresh browser context with the rejoin code and sees the finished attempt;
4. the teacher sees the student's score on the roster;
5. without JavaScript, a select-words question is a list of real checkboxes and still works.

The steps share the ``journey`` dict; a step whose earlier step failed is skipped, so only the
first failure is reported.  The join page, quiz question pages and roster are checked with
axe-core, and screenshots go to tests/e2e/artifacts/.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from app.domain.codes import CODE_ALPHABET, CODE_LENGTH
from app.domain.kinds.support import SUPPORT_DEFINITIONS
from app.extensions import db
from app.models import Article, ArticleVersion, Assignment, Attempt, Response, SchoolClass, Student
from app.services import accounts
from tests.unit.article_factory import project_vocabulary

SAMPLE_SLUG = "raqqa-assault-2015"
QUIZ_LENGTH = 12
TEACHER_NAME = "Ana Rivera"
TEACHER_EMAIL = "ana.rivera@school.example"
TEACHER_PASSWORD = "plum kettle orbit maple"
CLASS_NAME = "Year 9 English, group B"
STUDENT_NAME = "Zoë Okafor"
NO_SCRIPT_STUDENT = "Sam (no script)"
CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
# The quiz is reloaded before this question is answered, and the student comes back to it.
RESUME_AT = 7
# Words toggled by keyboard on the first select-words question: from the first word, Right then
# Space twice over, which selects the second and third words.
KEYBOARD_SELECTION = [1, 2]
SKILL_ROWS = {"sources": "Sources", "claims": "Claims", "framing": "Framing"}


@pytest.fixture(scope="module")
def journey() -> dict[str, Any]:
    return {}


def _needs(journey: dict[str, Any], *keys: str) -> None:
    missing = [key for key in keys if key not in journey]
    if missing:
        pytest.skip(f"an earlier step of the journey did not finish (no {', '.join(missing)})")


def _heading(page: Any) -> Any:
    return page.get_by_role("heading", level=1)


def _flash(page: Any) -> Any:
    return page.locator(".flashes")


# --- 1. The teacher -------------------------------------------------------------------------


def test_1_teacher_sets_up_the_install_creates_a_class_and_assigns_the_sample_quiz(
    live_app: Flask, new_visitor: Callable[..., Any], journey: dict[str, Any]
) -> None:
    teacher = new_visitor("the teacher")
    page = teacher.page

    page.goto("/")
    expect(page, "with no teacher yet, the front page must lead to /setup").to_have_url(
        re.compile(r"/setup$")
    )
    expect(_heading(page)).to_have_text("Set up Sourcewise")
    expect(page.locator("main"), "/setup must say where the setup address is printed").to_contain_text(
        "printed in the console"
    )

    with live_app.app_context():
        # Stands in for reading the address in the console.
        token = accounts.setup_token()
    page.goto(f"/setup?token={token}")
    expect(_heading(page)).to_have_text("Create the first teacher account")
    page.get_by_label("Your name (optional)").fill(TEACHER_NAME)
    page.get_by_label("Email").fill(TEACHER_EMAIL)
    page.get_by_label("Choose a password").fill(TEACHER_PASSWORD)
    page.get_by_label("Type the password again").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page, "creating the first account must lead to the class list").to_have_url(
        re.compile(r"/teacher/classes$")
    )
    expect(_flash(page)).to_contain_text("Your account is ready")

    page.get_by_label("Class name").fill(CLASS_NAME)
    page.get_by_role("button", name="Create class").click()
    expect(page, "a new class must open its own page").to_have_url(re.compile(r"/teacher/classes/\d+$"))
    expect(_heading(page)).to_have_text(CLASS_NAME)
    join_code = page.locator(".join-code .code").inner_text().strip()
    assert CODE.fullmatch(join_code), f"the join code on the class page looks wrong: {join_code!r}"
    class_url = page.url

    with live_app.app_context():
        version = db.session.scalars(
            select(ArticleVersion)
            .join(Article)
            .where(Article.slug == SAMPLE_SLUG)
            .order_by(ArticleVersion.number.desc())
        ).first()
        assert version is not None, f"the sample article {SAMPLE_SLUG} was not imported"
        article_label = f"{version.title} (version {version.number})"
        article_title = version.title

    page.get_by_role("link", name="Assign a quiz").click()
    expect(_heading(page)).to_have_text("Assign a quiz")
    expect(page.get_by_label("Class", exact=True), "the class must be chosen already").to_have_value(
        re.compile(r"\d+")
    )
    page.get_by_label("Article", exact=True).select_option(label=article_label)
    page.get_by_label("One attempt").check()
    page.get_by_label("After each question (practice)").check()
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page, "assigning must lead back to the class page").to_have_url(class_url)
    expect(_flash(page)).to_contain_text(f"“{article_title}” is assigned to {CLASS_NAME}")
    assignments = page.get_by_role("region", name="Assignment table")
    expect(assignments).to_contain_text(article_title)
    expect(assignments).to_contain_text("Practice: feedback after each question")

    with live_app.app_context():
        school_class = db.session.scalars(select(SchoolClass).where(SchoolClass.join_code == join_code)).one()
        assignment = db.session.scalars(
            select(Assignment).where(Assignment.class_id == school_class.id)
        ).one()
        assert assignment.feedback_mode == "practice"
        assert assignment.quiz.article_version.article.slug == SAMPLE_SLUG
    teacher.assert_no_browser_problems()
    journey.update(
        teacher=teacher,
        class_url=class_url,
        join_code=join_code,
        assignment_title=article_title,
    )


# --- 2. The student takes the quiz ------------------------------------------------------------


def _question_type(page: Any) -> str:
    classes = page.locator("fieldset.question").get_attribute("class") or ""
    for kind in ("choice", "multiple", "select"):
        if f"question-{kind}" in classes.split():
            return kind
    raise AssertionError(f"unknown question type on {page.url}: fieldset classes {classes!r}")


def _focused_id(page: Any) -> str:
    return str(page.evaluate("document.activeElement ? document.activeElement.id : ''"))


def _select_words_by_keyboard(page: Any, number: int) -> None:
    """Tab to the passage, move with the arrow keys, toggle with Space, submit with the keyboard."""
    passage = page.locator("[data-select-words]")
    expect(passage, "the select-words script must enhance the passage").to_have_class(
        re.compile(r"\benhanced\b")
    )
    boxes = passage.locator("input.word-box")
    tab_stops = page.evaluate(
        "Array.from(document.querySelectorAll('[data-select-words] input.word-box'))"
        ".filter(box => box.tabIndex >= 0).length"
    )
    assert tab_stops == 1, f"the passage must be one tab stop (roving tabindex), it has {tab_stops}"

    presses = 0
    in_passage = "document.activeElement && !!document.activeElement.closest('[data-select-words]')"
    while not page.evaluate(in_passage):
        presses += 1
        assert presses <= 40, "Tab never reached the select-words passage"
        page.keyboard.press("Tab")
    first = f"q{number}-w0"
    assert _focused_id(page) == first, f"Tab must land on the passage's first word, not #{_focused_id(page)}"

    for index in KEYBOARD_SELECTION:
        page.keyboard.press("ArrowRight")
        assert _focused_id(page) == f"q{number}-w{index}", (
            f"ArrowRight must move to word {index}, the focus is on #{_focused_id(page)}"
        )
        page.keyboard.press("Space")
        expect(boxes.nth(index), f"Space must select word {index}").to_be_checked()
    expect(passage.locator(".selection-count")).to_have_text(f"{len(KEYBOARD_SELECTION)} words selected.")

    # The selection shows by more than colour: an outline and an underline on the selected word.
    style = page.evaluate(
        "id => { const s = getComputedStyle(document.querySelector(`label[for='${id}']`));"
        " return [s.outlineStyle, s.textDecorationLine]; }",
        f"q{number}-w{KEYBOARD_SELECTION[0]}",
    )
    assert style[0] != "none" and "underline" in style[1], (
        f"a selected word must be outlined and underlined, not colour only (outline {style[0]!r}, "
        f"text-decoration {style[1]!r})"
    )
    expect(boxes.nth(0), "the first word was only passed over, not selected").not_to_be_checked()

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Check my answer", (
        f"Tab after the passage must reach the answer button, not {focused!r}"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/questions/{number}/feedback#verdict$"))


def _answer_with_mouse(page: Any, kind: str) -> None:
    fieldset = page.locator("fieldset.question")
    if kind == "choice":
        fieldset.locator("input[type=radio]").first.check()
    elif kind == "multiple":
        fieldset.locator("input[type=checkbox]").first.check()
    else:
        words = fieldset.locator(".word label")
        words.nth(0).click()
        words.nth(1).click()
        expect(fieldset.locator(".selection-count")).to_have_text("2 words selected.")
    page.get_by_role("button", name="Check my answer").click()


# Questions whose choices are vocabulary labels: each shows its definition (a 13-year-old cannot
# tell "unnamed" from "vague" by the label alone).
# (The sample's quiz may hold no source-type question: "how well supported" shows its scale's
# definitions the same way.)
DEFINED_CHOICES = {
    "source type or support": ("What kind of source", "How well does the article support"),
    "technique": ("Which technique is used",),
}
LABELLED_KINDS = ("source_type", "support")
# A "spot the technique" question states the technique's definition in its prompt instead.
SPOT_TECHNIQUE = re.compile(r"^(?P<label>[^:]+): .*Which of these words from the (article|headline)")
TECHNIQUE_KINDS = ("name_technique", "spot_technique")


def _with_definition_questions(live_app: Flask, title: str) -> bool:
    """The class's quiz is drawn at random; the journey needs one with a source-type (or support)
    question, and a technique question where the article allows one, so draw again (as a teacher
    could) until it has them.  Whether the quiz holds a technique question."""
    from app.domain.generate import all_questions, build_quiz
    from app.services.content import create_quiz, current_vocabulary, parse_version
    from app.services.quizzes import questions_of

    with live_app.app_context():
        assignment = db.session.scalars(select(Assignment).where(Assignment.title == title)).one()
        version = assignment.quiz.article_version
        article = parse_version(version)
        pool = {q.kind for q in all_questions(article, current_vocabulary(), random.Random(0))}
        wanted = [set(LABELLED_KINDS)] + ([set(TECHNIQUE_KINDS)] if pool & set(TECHNIQUE_KINDS) else [])
        kinds = {q.kind for q in questions_of(assignment.quiz)}
        if all(kinds & group for group in wanted):
            return len(wanted) > 1
        for seed in range(1, 500):
            kinds = {q.kind for q in build_quiz(article, current_vocabulary(), seed)}
            if all(kinds & group for group in wanted):
                assignment.quiz = create_quiz(version, seed)
                db.session.commit()
                return len(wanted) > 1
        raise AssertionError(f"no seed gives a quiz with a question of each of {wanted}")


def _assert_technique_defined_in_prompt(prompt: str) -> None:
    vocabulary = project_vocabulary()
    meaning = {e.label: e.definition for e in vocabulary.techniques}
    match = SPOT_TECHNIQUE.match(prompt)
    assert match and match["label"] in meaning, f"no technique named in {prompt!r}"
    assert meaning[match["label"]] in prompt, "the prompt must give the technique's definition"


def _assert_choices_show_definitions(page: Any, what: str) -> None:
    vocabulary = project_vocabulary()
    meaning = {e.label: e.definition for e in (*vocabulary.source_types, *vocabulary.techniques)}
    meaning.update(SUPPORT_DEFINITIONS)
    choices = page.locator("li.choice")
    count = choices.count()
    assert count >= 3, f"a {what} question needs choices"
    for index in range(count):
        label = choices.nth(index).locator(".choice-label").inner_text().strip()
        definition = choices.nth(index).locator(".choice-definition")
        expect(definition, f"the {what} choice {label!r} must show its definition").to_be_visible()
        expect(definition).to_have_text(re.compile(re.escape(meaning[label])))
        # The definition is part of the radio button's accessible name.
        expect(page.get_by_role("radio", name=re.compile(re.escape(meaning[label][:30])))).to_have_count(1)


def test_2_student_joins_answers_every_question_resumes_after_a_reload_and_sees_the_skills(
    live_app: Flask,
    new_visitor: Callable[..., Any],
    journey: dict[str, Any],
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    _needs(journey, "join_code", "assignment_title")
    has_technique = _with_definition_questions(live_app, journey["assignment_title"])
    student = new_visitor("the student")
    page = student.page

    page.goto("/join")
    expect(_heading(page)).to_have_text("Join your class")
    expect(page.locator("input[name=csrf_token]"), "the live app must run with CSRF on").to_have_value(
        re.compile(r".{20,}")
    )
    axe_check(page, "join-page")
    page.get_by_label("Class code").fill(journey["join_code"])
    page.get_by_label("Your name").fill(STUDENT_NAME)
    page.get_by_role("button", name="Join the class").click()

    expect(page, "joining must show the rejoin code").to_have_url(re.compile(r"/welcome$"))
    expect(_heading(page)).to_have_text(f"Welcome, {STUDENT_NAME}")
    rejoin_code = page.locator(".rejoin-code").inner_text().strip()
    assert CODE.fullmatch(rejoin_code), f"the rejoin code looks wrong: {rejoin_code!r}"
    page.reload()
    expect(page, "the rejoin code is shown once: a reload leads to the quiz list").to_have_url(
        re.compile(r"/quizzes$")
    )
    expect(page.locator("main")).not_to_contain_text(rejoin_code)

    card = page.locator("li.assignment").filter(has_text=journey["assignment_title"])
    expect(card).to_contain_text("Not started")
    card.get_by_role("button", name=re.compile(r"^Start")).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_id = int(re.search(r"/attempts/(\d+)/", page.url).group(1))  # type: ignore[union-attr]
    expect(_heading(page)).to_have_text(f"Question 1 of {QUIZ_LENGTH}")

    kinds: dict[int, str] = {}
    defined: set[str] = set()
    keyboard_question = None
    for number in range(1, QUIZ_LENGTH + 1):
        expect(_heading(page), "the quiz must go on at the next question").to_have_text(
            f"Question {number} of {QUIZ_LENGTH}"
        )
        if number == RESUME_AT:
            page.reload()
            expect(_heading(page), "a reload must stay on the unanswered question").to_have_text(
                f"Question {number} of {QUIZ_LENGTH}"
            )
            page.goto("/quizzes")
            card = page.locator("li.assignment").filter(has_text=journey["assignment_title"])
            expect(card).to_contain_text("In progress")
            expect(card).to_contain_text(f"{number - 1} of {QUIZ_LENGTH} questions answered")
            card.get_by_role("link", name=re.compile(r"^Continue")).click()
            expect(_heading(page), "Continue must resume at the first unanswered question").to_have_text(
                f"Question {number} of {QUIZ_LENGTH}"
            )
        kind = _question_type(page)
        kinds[number] = kind
        first_of_kind = list(kinds.values()).count(kind) == 1
        prompt = page.locator("legend.prompt").inner_text()
        for label, starts in DEFINED_CHOICES.items():
            if kind == "choice" and prompt.startswith(starts) and label not in defined:
                _assert_choices_show_definitions(page, label)
                defined.add(label)
        if kind == "choice" and SPOT_TECHNIQUE.match(prompt) and "technique" not in defined:
            _assert_technique_defined_in_prompt(prompt)
            defined.add("technique")
        if kind == "choice" and first_of_kind:
            axe_check(page, "quiz-choice-question")
            screenshot(page, "student-quiz-choice-desktop")
            assert_fits_phone(page, "student-quiz-choice")
        if kind == "select" and first_of_kind:
            axe_check(page, "quiz-select-words-question")
            screenshot(page, "student-quiz-select-words-desktop")
            assert_fits_phone(page, "student-quiz-select-words")
            keyboard_question = number
            _select_words_by_keyboard(page, number)
        else:
            _answer_with_mouse(page, kind)

        expect(_heading(page), "each answer must be followed by its feedback (practice mode)").to_have_text(
            f"Question {number} of {QUIZ_LENGTH}: how you did"
        )
        expect(page.locator(".feedback .verdict")).to_contain_text(re.compile(r"Right|Partly right|Wrong"))
        if number == keyboard_question:
            expect(page.locator(".selection-feedback")).to_be_visible()
            axe_check(page, "quiz-select-words-feedback")
        if number == 3:
            # Post/Redirect/Get: reloading the feedback page shows it again and sends nothing.
            page.reload()
            expect(_heading(page)).to_have_text(f"Question {number} of {QUIZ_LENGTH}: how you did")
        if number < QUIZ_LENGTH:
            page.get_by_role("link", name="Next question").click()
        else:
            page.get_by_role("button", name="Finish and see my results").click()

    assert "choice" in kinds.values(), f"the quiz had no one-choice question: {kinds}"
    expected = set(DEFINED_CHOICES) if has_technique else set(DEFINED_CHOICES) - {"technique"}
    assert defined == expected, f"no source-type or technique question seen: {defined}"
    assert keyboard_question is not None, f"the quiz had no select-words question: {kinds}"

    expect(page).to_have_url(re.compile(rf"/attempts/{attempt_id}/results$"))
    expect(_heading(page)).to_have_text("Your results")
    with live_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None and attempt.submitted_at is not None, "the attempt must be submitted"
        responses = db.session.scalars(select(Response).where(Response.attempt_id == attempt_id)).all()
        by_position = {r.position: r for r in responses}
        assert len(responses) == QUIZ_LENGTH and sorted(by_position) == list(range(QUIZ_LENGTH)), (
            f"one answer per question expected, got positions {sorted(r.position for r in responses)}"
        )
        assert by_position[keyboard_question - 1].answer == KEYBOARD_SELECTION, (
            "the browser must send the word indexes selected by keyboard"
        )
        percent = f"{attempt.percent:.0f}%"
        skill_percents = {
            skill: f"{100 * getattr(attempt, f'{skill}_score') / getattr(attempt, f'{skill}_max'):.0f}%"
            for skill in SKILL_ROWS
            if getattr(attempt, f"{skill}_max")
        }
    expect(page.locator(".total-score")).to_contain_text(percent)
    skills = page.locator("table.skill-table tbody tr")
    assert set(skill_percents) == set(SKILL_ROWS), (
        f"the quiz must test every skill, it tests {skill_percents}"
    )
    for skill, label in SKILL_ROWS.items():
        expect(skills.filter(has_text=label), f"the {label} row of the skill table").to_contain_text(
            skill_percents[skill]
        )
    expect(page.locator("ol.results-list > li"), "the results review every question").to_have_count(
        QUIZ_LENGTH
    )
    student.assert_no_browser_problems()
    journey.update(
        rejoin_code=rejoin_code,
        attempt_id=attempt_id,
        percent=percent,
        select_numbers=[n for n, kind in kinds.items() if kind == "select"],
    )


# --- 3. The student comes back on another device ------------------------------------------------


def test_3_student_rejoins_on_a_fresh_browser_and_sees_the_finished_attempt(
    new_visitor: Callable[..., Any], journey: dict[str, Any]
) -> None:
    _needs(journey, "rejoin_code", "attempt_id", "percent")
    device = new_visitor("the student on another device")
    page = device.page

    page.goto("/quizzes")
    expect(page, "a new device is not signed in").to_have_url(re.compile(r"/join$"))
    page.goto("/rejoin")
    expect(_heading(page)).to_have_text("Rejoin your class")
    page.get_by_label("Class code").fill(journey["join_code"])
    page.get_by_label("Your rejoin code").fill(journey["rejoin_code"].lower())
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(r"/quizzes$"))
    expect(_flash(page)).to_contain_text(f"Welcome back, {STUDENT_NAME}")
    card = page.locator("li.assignment").filter(has_text=journey["assignment_title"])
    expect(card, "the finished attempt must show as submitted").to_contain_text("Submitted")
    expect(card).to_contain_text(f"your kept score is {journey['percent']}")
    card.get_by_role("link", name=re.compile(r"^Review")).click()
    expect(page).to_have_url(re.compile(rf"/attempts/{journey['attempt_id']}/results$"))
    expect(_heading(page)).to_have_text("Your results")
    expect(page.locator(".total-score")).to_contain_text(journey["percent"])
    device.assert_no_browser_problems()


# --- 4. The teacher's roster ---------------------------------------------------------------------


def test_4_teacher_sees_the_score_on_the_roster(
    journey: dict[str, Any],
    axe_check: Callable[..., Any],
    screenshot: Callable[..., Any],
    assert_fits_phone: Callable[..., None],
) -> None:
    _needs(journey, "teacher", "class_url", "percent")
    teacher = journey["teacher"]
    page = teacher.page

    page.goto(journey["class_url"])
    roster = page.locator("table.roster")
    headers = [text.strip() for text in roster.locator("thead th").all_inner_texts()]
    assert "Average score" in headers, f"the roster has no Average score column: {headers}"
    row = roster.locator("tbody tr").filter(has_text=STUDENT_NAME)
    expect(row, "the student must be on the roster").to_have_count(1)
    cells = row.locator("th, td")
    expect(cells.nth(headers.index("Average score"))).to_have_text(journey["percent"])
    expect(cells.nth(headers.index("Submitted"))).to_have_text("1 of 1")
    axe_check(page, "teacher-roster")
    screenshot(page, "teacher-roster")
    assert_fits_phone(page, "teacher-roster")
    teacher.assert_no_browser_problems()


# --- 5. Without JavaScript ------------------------------------------------------------------------


def test_5_select_words_works_without_javascript(
    live_app: Flask, new_visitor: Callable[..., Any], journey: dict[str, Any], screenshot: Callable[..., Any]
) -> None:
    _needs(journey, "join_code", "select_numbers")
    student = new_visitor("a student without JavaScript", javascript=False)
    page = student.page

    page.goto("/join")
    page.get_by_label("Class code").fill(journey["join_code"])
    page.get_by_label("Your name").fill(NO_SCRIPT_STUDENT)
    page.get_by_role("button", name="Join the class").click()
    expect(page).to_have_url(re.compile(r"/welcome$"))
    page.get_by_role("link", name=re.compile(r"show my quizzes")).click()
    page.locator("li.assignment").filter(has_text=journey["assignment_title"]).get_by_role(
        "button", name=re.compile(r"^Start")
    ).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/questions/1$"))
    attempt_url = page.url.rsplit("/questions/", 1)[0]

    number = journey["select_numbers"][0]
    page.goto(f"{attempt_url}/questions/{number}")
    passage = page.locator("[data-select-words]")
    expect(passage, "without JavaScript nothing enhances the passage").not_to_have_class(
        re.compile(r"\benhanced\b")
    )
    expect(passage.get_by_text("Tick each word you want to select.")).to_be_visible()
    boxes = passage.locator("input.word-box")
    expect(boxes.first, "without JavaScript each word is a visible checkbox").to_be_visible()
    boxes.nth(0).check()
    boxes.nth(1).check()
    screenshot(page, "student-quiz-select-words-no-javascript")
    page.get_by_role("button", name="Check my answer").click()

    expect(_heading(page)).to_have_text(f"Question {number} of {QUIZ_LENGTH}: how you did")
    expect(page.locator(".feedback .verdict")).to_contain_text(re.compile(r"Right|Partly right|Wrong"))
    expect(page.locator(".selection-feedback")).to_contain_text("Your selection compared with the answer")
    with live_app.app_context():
        attempt_id = int(attempt_url.rsplit("/", 1)[1])
        response = db.session.scalars(
            select(Response).where(Response.attempt_id == attempt_id, Response.position == number - 1)
        ).one()
        assert response.answer == [0, 1], f"the checkboxes must send word indexes, got {response.answer}"
        student_row = db.session.scalars(
            select(Student).where(Student.display_name == NO_SCRIPT_STUDENT)
        ).one()
        assert student_row.school_class.join_code == journey["join_code"]
    student.assert_no_browser_problems()
