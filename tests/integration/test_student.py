"""The student pages: join, rejoin, the quiz list, taking a quiz, feedback and results."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import timedelta
from html import unescape

import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import func, select

from app.domain.generate import all_questions
from app.domain.question import SELECT, Question
from app.extensions import db
from app.models import (
    ATTEMPTS_UNLIMITED,
    FEEDBACK_TEST,
    Assignment,
    Attempt,
    Response,
    SchoolClass,
    Student,
    utcnow,
)
from app.services import classes, quizzes
from app.services.content import current_vocabulary, parse_version
from tests.conftest import QUESTIONS_DIR
from tests.factories import (
    import_sample,
    login_student,
    login_teacher,
    make_assignment,
    make_class,
    make_student,
    make_teacher,
    right_answer,
    wrong_answer,
)

# --- Helpers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    class_code: str
    student_id: int
    assignment_id: int
    questions: list[Question]


def make_setup(app: Flask, client: FlaskClient | None = None, name: str = "Ada", **options: object) -> Setup:
    """A class with one student and one assignment of the sample quiz; the client signed in as the student."""
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, name)
        assignment = make_assignment(school_class, **options)
        setup = Setup(
            school_class.join_code, student.id, assignment.id, quizzes.questions_of(assignment.quiz)
        )
        if client is not None:
            login_student(client, student)
    return setup


def start(client: FlaskClient, setup: Setup) -> int:
    response = client.post(f"/assignments/{setup.assignment_id}/start")
    assert response.status_code == 302
    match = re.fullmatch(r"/attempts/(\d+)", response.location)
    assert match, response.location
    return int(match.group(1))


def text_of(response) -> str:
    """The page as a reader gets it: no tags, entities decoded, white space collapsed."""
    text = re.sub(r"<[^>]+>", "", response.get_data(as_text=True))
    return " ".join(unescape(text).split())


def count_responses(app: Flask, attempt_id: int) -> int:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Response.id)).where(Response.attempt_id == attempt_id)) or 0
        )


def stored(app: Flask, attempt_id: int) -> dict[int, Response]:
    with app.app_context():
        rows = db.session.scalars(select(Response).where(Response.attempt_id == attempt_id))
        result = {row.position: row for row in rows}
        db.session.expunge_all()
        return result


def get_attempt(app: Flask, attempt_id: int) -> Attempt:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        db.session.expunge_all()
        return attempt


def select_position(setup: Setup) -> int:
    return next(i for i, q in enumerate(setup.questions) if q.type == SELECT)


def choice_position(setup: Setup) -> int:
    return next(i for i, q in enumerate(setup.questions) if q.type == "choice")


def assert_no_inline_code(html: str) -> None:
    """The CSP forbids inline scripts, event handlers and style attributes: the page must not need them."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"\sstyle\s*=", html), "inline style attribute"
    assert "<style" not in html


# --- Joining --------------------------------------------------------------------------------


def test_join_page_has_labelled_fields(client):
    response = client.get("/join")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert '<label for="class_code">' in html
    assert '<label for="display_name">' in html
    assert_no_inline_code(html)


def test_join_signs_in_and_shows_the_rejoin_code_once(app, client):
    with app.app_context():
        school_class = make_class(name="Year 9 English")
        join_code = school_class.join_code

    response = client.post("/join", data={"class_code": join_code.lower(), "display_name": "  Bea   Smith "})
    assert response.status_code == 302
    assert response.location == "/welcome"

    with app.app_context():
        student = db.session.scalars(select(Student)).one()
        rejoin_code = student.rejoin_code
        assert student.display_name == "Bea Smith"
        assert student.school_class.join_code == join_code

    welcome = client.get("/welcome")
    html = text_of(welcome)
    assert welcome.status_code == 200
    assert rejoin_code in html
    assert join_code in html
    assert "Write it down" in html
    assert welcome.headers["Cache-Control"] == "no-store"
    assert "another device" in html
    assert "teacher can show it" in html

    # Shown once: coming back leads to the quiz list, without the code.
    again = client.get("/welcome")
    assert again.status_code == 302 and again.location == "/quizzes"
    home = client.get("/quizzes")
    assert home.status_code == 200
    assert rejoin_code not in home.get_data(as_text=True)
    assert "Bea Smith" in text_of(home)


def test_join_renews_the_session(app, client):
    with app.app_context():
        join_code = make_class().join_code
    with client.session_transaction() as session:
        session["planted"] = "before joining"
    client.post("/join", data={"class_code": join_code, "display_name": "Cy"})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith("student:")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"class_code": "ZZZZZZ", "display_name": "Dan"}, "class_code", "No class has that code"),
        ({"class_code": "12", "display_name": "Dan"}, "class_code", "6 letters and digits"),
        ({"class_code": "", "display_name": "Dan"}, "class_code", "Type the class code"),
        ({"class_code": "VALID", "display_name": ""}, "display_name", "Type a display name"),
        ({"class_code": "VALID", "display_name": "    "}, "display_name", "Type a display name"),
        ({"class_code": "VALID", "display_name": "x" * 41}, "display_name", "at most 40 characters"),
    ],
)
def test_join_bad_input_shows_the_message_next_to_the_field(app, client, data, field, message):
    with app.app_context():
        join_code = make_class().join_code
    data = {key: (join_code if value == "VALID" else value) for key, value in data.items()}
    response = client.post("/join", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in unescape(html)
    # The error is linked to its field, which is marked invalid.
    field_tag = re.search(rf'<input[^>]*\bid="{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert f"{field}-error" in field_tag
    assert re.search(
        rf'<div id="{field}-error">\s*<p class="field-error">[^<]*{re.escape(message)}', unescape(html)
    )
    with app.app_context():
        assert db.session.scalar(select(func.count(Student.id))) == 0
    assert client.get("/quizzes").status_code == 302  # not signed in


def test_join_an_archived_class_is_refused(app, client):
    with app.app_context():
        school_class = make_class()
        classes.set_archived(school_class, True)
        join_code = school_class.join_code
    response = client.post("/join", data={"class_code": join_code, "display_name": "Eve"})
    assert response.status_code == 422
    assert "No class has that code" in text_of(response)


def test_rejoin_continues_as_the_same_student(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)

    other = app.test_client()
    with app.app_context():
        rejoin_code = db.session.get(Student, setup.student_id).rejoin_code
    page = other.get("/rejoin")
    assert page.status_code == 200
    assert '<label for="rejoin_code">' in page.get_data(as_text=True)
    response = other.post(
        "/rejoin", data={"class_code": setup.class_code, "rejoin_code": rejoin_code.lower()}
    )
    assert response.status_code == 302 and response.location == "/quizzes"
    home = other.get("/quizzes")
    assert "Continue" in home.get_data(as_text=True)
    assert f"/attempts/{attempt_id}" in home.get_data(as_text=True)


@pytest.mark.parametrize(
    ("class_code", "rejoin_code", "field", "message"),
    [
        ("VALID", "ZZZZZZ", "rejoin_code", "does not match anyone"),
        ("VALID", "", "rejoin_code", "Type your personal rejoin code"),
        ("ZZZZZZ", "OWN", "class_code", "No class has that code"),
        ("", "OWN", "class_code", "Type the class code"),
    ],
)
def test_rejoin_with_a_wrong_code_shows_the_message_next_to_the_field(
    app, client, class_code, rejoin_code, field, message
):
    setup = make_setup(app)
    with app.app_context():
        own = db.session.get(Student, setup.student_id).rejoin_code
    data = {
        "class_code": setup.class_code if class_code == "VALID" else class_code,
        "rejoin_code": own if rejoin_code == "OWN" else rejoin_code,
    }
    response = client.post("/rejoin", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in unescape(html)
    field_tag = re.search(rf'<input[^>]*\bid="{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert client.get("/quizzes").status_code == 302


def test_leave_signs_the_student_out_for_good(app, client):
    make_setup(app, client)
    assert client.get("/quizzes").status_code == 200
    response = client.post("/leave")
    assert response.status_code == 302 and response.location == "/rejoin"
    # Neither the session nor the remember-me cookie signs the student in any more.
    after = client.get("/quizzes")
    assert after.status_code == 302 and after.location == "/join"


def test_a_removed_student_is_signed_out(app, client):
    setup = make_setup(app, client)
    with app.app_context():
        classes.remove_student(db.session.get(Student, setup.student_id), delete_attempts=False)
    assert client.get("/quizzes").location == "/join"


def test_student_names_are_escaped(app, client):
    setup = make_setup(app, client, name="<script>alert(1)</script>")
    html = client.get("/quizzes").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert setup.student_id


# --- The quiz list --------------------------------------------------------------------------


def test_home_lists_assignments_with_status_due_date_and_actions(app, client):
    setup = make_setup(app, client, title="Raqqa practice", due_at=utcnow() - timedelta(hours=2))
    page = client.get("/quizzes")
    html, text = page.get_data(as_text=True), text_of(page)
    assert "My quizzes" in text
    assert "Raqqa practice" in text
    assert re.search(r"<dt>Status</dt><dd><strong>Not started</strong>", html)
    assert re.search(r"Due\s*\w{3} \d+ \w{3} \d{4}, \d\d:\d\d \(UTC\) Late: the due date has passed", text)
    assert f'action="/assignments/{setup.assignment_id}/start"' in html
    assert "Start: Raqqa practice" in text
    assert_no_inline_code(html)


def test_home_without_assignments(app, client):
    with app.app_context():
        login_student(client, make_student(make_class()))
    assert "No quizzes yet" in text_of(client.get("/quizzes"))


# --- Taking a quiz in practice mode ---------------------------------------------------------


def test_practice_quiz_from_start_to_results(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    total = len(setup.questions)

    resume = client.get(f"/attempts/{attempt_id}")
    assert resume.status_code == 302
    assert resume.location == f"/attempts/{attempt_id}/questions/1"

    for number, question in enumerate(setup.questions, start=1):
        page = client.get(f"/attempts/{attempt_id}/questions/{number}")
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert f"Question {number} of {total}" in html
        assert html.count("<h1>") == 1
        assert f'<progress id="quiz-progress" max="{total}" value="{number - 1}">' in html
        assert '<article class="news-article"' in html
        assert "Western Allies Join" in text_of(page)
        assert_no_inline_code(html)
        if question.type == "choice":
            assert html.count('type="radio" name="answer"') == len(question.choices)
        elif question.type == "multiple":
            assert html.count('type="checkbox" name="answer"') == len(question.choices)
        else:
            assert html.count('class="word-box" name="answer"') == len(question.words)
            assert "select-words.js" in html
        if question.focus is not None:
            assert '<mark class="focus">' in html

        answered = client.post(
            f"/attempts/{attempt_id}/questions/{number}", data={"answer": right_answer(question)}
        )
        assert answered.status_code == 302
        # The feedback page opens at the verdict (on a phone the article comes before it).
        assert answered.location == f"/attempts/{attempt_id}/questions/{number}/feedback#verdict"

        feedback = client.get(answered.location)
        feedback_text = text_of(feedback)
        assert feedback.status_code == 200
        assert "Right" in feedback_text and "score 1 out of 1" in feedback_text
        if question.explanation:
            assert question.explanation.split("\n")[0][:40] in feedback_text
        if number < total:
            assert f'href="/attempts/{attempt_id}/questions/{number + 1}"' in feedback.get_data(as_text=True)
        else:
            assert f'action="/attempts/{attempt_id}/submit"' in feedback.get_data(as_text=True)
            assert "Finish and see my results" in feedback_text

    assert count_responses(app, attempt_id) == total
    done = client.get(f"/attempts/{attempt_id}")
    assert done.location == f"/attempts/{attempt_id}/review"

    submitted = client.post(f"/attempts/{attempt_id}/submit")
    assert submitted.status_code == 302 and submitted.location == f"/attempts/{attempt_id}/results"
    results = client.get(submitted.location)
    html = results.get_data(as_text=True)
    text = text_of(results)
    assert results.status_code == 200
    assert f"You scored {total} out of {total} (100%)" in text
    assert "Score by skill" in text
    for skill in ("sources", "claims", "framing"):
        asked = sum(1 for q in setup.questions if q.skill == skill)
        assert asked  # the sample quiz asks about every skill
        assert re.search(
            rf"{skill.capitalize()}:[^<]*</th>\s*<td>{asked} out of {asked}</td>\s*<td>100%", html
        )
    assert text.count("✓ right answer") >= sum(len(q.answer) for q in setup.questions if q.type != SELECT)
    assert "Try again" not in text  # one attempt only

    home = client.get("/quizzes")
    assert "Submitted: your kept score is 100% (12 out of 12)".replace("12", str(total)) in text_of(home)
    assert f'href="/attempts/{attempt_id}/results"' in home.get_data(as_text=True)
    assert f'action="/assignments/{setup.assignment_id}/start"' not in home.get_data(as_text=True)


def test_practice_answer_is_final_and_never_recorded_twice(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    position = choice_position(setup)
    question = setup.questions[position]
    url = f"/attempts/{attempt_id}/questions/{position + 1}"

    first = client.post(url, data={"answer": right_answer(question)})
    resent = client.post(url, data={"answer": right_answer(question)})  # double click / resent form
    changed = client.post(url, data={"answer": wrong_answer(question)})  # a stale tab
    assert first.location == resent.location == changed.location == f"{url}/feedback#verdict"
    assert count_responses(app, attempt_id) == 1
    [response] = stored(app, attempt_id).values()
    assert response.score == 1.0
    assert response.answer == [int(v) for v in right_answer(question)]
    assert get_attempt(app, attempt_id).score == 1.0
    # The question page itself now leads to its feedback.
    assert client.get(url).location == f"{url}/feedback"


def test_reload_resumes_at_the_first_unanswered_question(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    for number in (1, 2, 3):
        client.post(
            f"/attempts/{attempt_id}/questions/{number}",
            data={"answer": wrong_answer(setup.questions[number - 1])},
        )
    # Starting again, or opening the attempt later, resumes at question 4.
    assert start(client, setup) == attempt_id
    assert client.get(f"/attempts/{attempt_id}").location == f"/attempts/{attempt_id}/questions/4"
    home = text_of(client.get("/quizzes"))
    assert "In progress" in home and f"3 of {len(setup.questions)} questions answered" in home
    assert f'href="/attempts/{attempt_id}"' in client.get("/quizzes").get_data(as_text=True)


def test_feedback_before_answering_leads_back_to_the_question(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    response = client.get(f"/attempts/{attempt_id}/questions/2/feedback")
    assert response.location == f"/attempts/{attempt_id}/questions/2"


def test_select_words_feedback_shows_found_missed_and_extra(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    position = select_position(setup)
    question = setup.questions[position]
    gold_words = [i for start_, end in question.gold for i in range(start_, end)]
    # The word farthest from the gold: a word right next to it would cost nothing (see scoring.NEAR).
    outside = max(
        (i for i in range(len(question.words)) if i not in gold_words),
        key=lambda i: min(abs(i - g) for g in gold_words),
    )
    # One gold word, plus one word outside the gold: partly right (or wrong for tiny spans).
    answer = [str(gold_words[0]), str(outside)]
    client.post(f"/attempts/{attempt_id}/questions/{position + 1}", data={"answer": answer})
    page = client.get(f"/attempts/{attempt_id}/questions/{position + 1}/feedback")
    html = page.get_data(as_text=True)
    text = text_of(page)
    assert page.status_code == 200
    assert "Partly right" in text or "Wrong" in text
    assert 'class="passage-mark mark-hit"' in html
    assert 'class="passage-mark mark-extra"' in html
    assert "(found: " in text and "(extra: " in text
    assert "right words you selected" in text  # the legend
    if len(gold_words) > 1:
        assert 'class="passage-mark mark-missed"' in html
        assert "(missed: " in text
    assert "+ extra" in text
    assert_no_inline_code(html)


def test_select_words_passage_keeps_the_text_exactly(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    position = select_position(setup)
    question = setup.questions[position]
    html = client.get(f"/attempts/{attempt_id}/questions/{position + 1}").get_data(as_text=True)
    passage = re.search(r'<div class="passage select-passage"[^>]*>(.*?)</div>', html, re.S).group(1)
    # Without the checkboxes, the passage reads exactly as the words with the text between them.
    plain = unescape(re.sub(r"<[^>]+>", "", passage))
    expected = question.gaps[0] + "".join(
        w + g for w, g in zip(question.words, question.gaps[1:], strict=True)
    )
    assert plain == expected
    # Each word is a real checkbox with its own label, named "answer" with the word index.
    for index, word in enumerate(question.words):
        word_id = f"q{position + 1}-w{index}"
        assert (
            f'<input type="checkbox" class="word-box" name="answer" value="{index}" id="{word_id}">'
            f'<label for="{word_id}">{escape(word)}</label>'
        ) in html


@pytest.mark.parametrize("raw", [None, ["99"], ["abc"], ["-1"], ["1.5"], ["0", "1"]])
def test_bad_answers_are_refused_next_to_the_question(app, client, raw):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    position = choice_position(setup)
    data = {} if raw is None else {"answer": raw}
    response = client.post(f"/attempts/{attempt_id}/questions/{position + 1}", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose an answer." in html
    assert f'aria-describedby="q{position + 1}-hint q{position + 1}-error"' in html
    assert f'id="q{position + 1}-error"' in html
    assert 'aria-invalid="true"' in html
    assert count_responses(app, attempt_id) == 0


def test_a_select_question_with_no_word_selected_is_refused(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    position = select_position(setup)
    response = client.post(f"/attempts/{attempt_id}/questions/{position + 1}", data={})
    assert response.status_code == 422
    assert "Select at least one word." in text_of(response)
    out_of_range = client.post(
        f"/attempts/{attempt_id}/questions/{position + 1}",
        data={"answer": [str(len(setup.questions[position].words))]},
    )
    assert out_of_range.status_code == 422
    assert count_responses(app, attempt_id) == 0


@pytest.mark.parametrize("number", [0, 13, 99])
def test_question_numbers_outside_the_quiz_are_404(app, client, number):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    number = len(setup.questions) + 1 if number == 13 else number
    assert client.get(f"/attempts/{attempt_id}/questions/{number}").status_code == 404
    assert (
        client.post(f"/attempts/{attempt_id}/questions/{number}", data={"answer": ["0"]}).status_code == 404
    )
    assert client.get(f"/attempts/{attempt_id}/questions/{number}/feedback").status_code == 404


# --- Taking a quiz in test mode -------------------------------------------------------------


def test_test_mode_review_change_submit_and_results(app, client):
    setup = make_setup(app, client, feedback_mode=FEEDBACK_TEST)
    attempt_id = start(client, setup)
    total = len(setup.questions)

    for number, question in enumerate(setup.questions, start=1):
        page = client.get(f"/attempts/{attempt_id}/questions/{number}")
        assert "Test:" in text_of(page)
        response = client.post(
            f"/attempts/{attempt_id}/questions/{number}", data={"answer": wrong_answer(question)}
        )
        expected = (
            f"/attempts/{attempt_id}/questions/{number + 1}"
            if number < total
            else f"/attempts/{attempt_id}/review"
        )
        assert response.location == expected
        # No feedback before submitting.
        early = client.get(f"/attempts/{attempt_id}/questions/{number}/feedback")
        assert early.location == f"/attempts/{attempt_id}/questions/{number}"

    review = client.get(f"/attempts/{attempt_id}/review")
    html = text_of(review)
    assert review.status_code == 200
    assert html.count("Answered") >= total
    assert "Not answered" not in html
    assert f'href="/attempts/{attempt_id}/questions/1"' in review.get_data(as_text=True)

    # Go back and change question 1: still one stored answer, now the right one.
    page = client.get(f"/attempts/{attempt_id}/questions/1")
    ticked = wrong_answer(setup.questions[0])[0]
    assert re.search(rf'value="{ticked}" id="q1-(choice-|w){ticked}" checked', page.get_data(as_text=True))
    changed = client.post(
        f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(setup.questions[0])}
    )
    assert changed.location == f"/attempts/{attempt_id}/review"
    client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(setup.questions[0])})
    assert count_responses(app, attempt_id) == total
    assert stored(app, attempt_id)[0].score == 1.0

    submitted = client.post(f"/attempts/{attempt_id}/submit")
    assert submitted.location == f"/attempts/{attempt_id}/results"
    again = client.post(f"/attempts/{attempt_id}/submit")  # submitting twice changes nothing
    assert again.location == f"/attempts/{attempt_id}/results"
    attempt = get_attempt(app, attempt_id)
    assert attempt.submitted and attempt.score == 1.0

    results = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert f"You scored 1 out of {total}" in results
    assert results.count("your answer") >= total - sum(1 for q in setup.questions if q.type == SELECT)

    # After submitting: feedback for every question, answers frozen.
    for number in range(1, total + 1):
        assert client.get(f"/attempts/{attempt_id}/questions/{number}/feedback").status_code == 200
    assert (
        client.get(f"/attempts/{attempt_id}/questions/2").location
        == f"/attempts/{attempt_id}/questions/2/feedback"
    )
    late = client.post(
        f"/attempts/{attempt_id}/questions/2", data={"answer": right_answer(setup.questions[1])}
    )
    assert late.location == f"/attempts/{attempt_id}/results"
    assert stored(app, attempt_id)[1].score == 0.0
    assert client.get(f"/attempts/{attempt_id}").location == f"/attempts/{attempt_id}/results"
    assert client.get(f"/attempts/{attempt_id}/review").location == f"/attempts/{attempt_id}/results"


def test_test_mode_resend_records_one_answer(app, client):
    setup = make_setup(app, client, feedback_mode=FEEDBACK_TEST)
    attempt_id = start(client, setup)
    question = setup.questions[0]
    for _ in range(2):
        client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(question)})
    client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": wrong_answer(question)})
    assert count_responses(app, attempt_id) == 1
    assert stored(app, attempt_id)[0].score == 0.0  # in a test, the last answer before submitting counts
    assert get_attempt(app, attempt_id).score == 0.0


def test_submitting_with_unanswered_questions_scores_them_zero(app, client):
    setup = make_setup(app, client, feedback_mode=FEEDBACK_TEST)
    attempt_id = start(client, setup)
    client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(setup.questions[0])})
    review = text_of(client.get(f"/attempts/{attempt_id}/review"))
    assert f"{len(setup.questions) - 1} questions are not answered yet" in review
    client.post(f"/attempts/{attempt_id}/submit")
    results = text_of(client.get(f"/attempts/{attempt_id}/results"))
    assert f"You scored 1 out of {len(setup.questions)}" in results
    assert "Not answered" in results
    feedback = text_of(client.get(f"/attempts/{attempt_id}/questions/2/feedback"))
    assert "Not answered" in feedback and "✓ right answer" in feedback or "Right answer" in feedback


def test_results_before_submitting_lead_to_the_review(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    assert client.get(f"/attempts/{attempt_id}/results").location == f"/attempts/{attempt_id}/review"


# --- Attempts policy ------------------------------------------------------------------------


def test_one_attempt_cannot_be_started_again(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    client.post(f"/attempts/{attempt_id}/submit")
    response = client.post(f"/assignments/{setup.assignment_id}/start")
    assert response.location == "/quizzes"
    assert "already done this quiz" in text_of(client.get("/quizzes"))
    with app.app_context():
        assert db.session.scalar(select(func.count(Attempt.id))) == 1


def test_unlimited_attempts_offer_try_again_and_keep_the_best(app, client):
    setup = make_setup(app, client, attempts_policy=ATTEMPTS_UNLIMITED)
    first = start(client, setup)
    for number, question in enumerate(setup.questions, start=1):
        client.post(f"/attempts/{first}/questions/{number}", data={"answer": right_answer(question)})
    client.post(f"/attempts/{first}/submit")
    results = client.get(f"/attempts/{first}/results").get_data(as_text=True)
    assert "Try again" in results
    assert f'action="/assignments/{setup.assignment_id}/start"' in results

    second = start(client, setup)
    assert second != first
    assert client.get(f"/attempts/{second}").location == f"/attempts/{second}/questions/1"
    client.post(f"/attempts/{second}/questions/1", data={"answer": wrong_answer(setup.questions[0])})
    client.post(f"/attempts/{second}/submit")
    home = text_of(client.get("/quizzes"))
    assert "your kept score is 100%" in home
    assert f'href="/attempts/{first}/results"' in client.get("/quizzes").get_data(as_text=True)
    assert "Try again" in home


# --- Who may see what -----------------------------------------------------------------------


def student_urls(attempt_id: int, assignment_id: int) -> list[tuple[str, str]]:
    return [
        ("GET", f"/attempts/{attempt_id}"),
        ("GET", f"/attempts/{attempt_id}/questions/1"),
        ("POST", f"/attempts/{attempt_id}/questions/1"),
        ("GET", f"/attempts/{attempt_id}/questions/1/feedback"),
        ("GET", f"/attempts/{attempt_id}/review"),
        ("POST", f"/attempts/{attempt_id}/submit"),
        ("GET", f"/attempts/{attempt_id}/results"),
        ("POST", f"/assignments/{assignment_id}/start"),
    ]


def test_another_students_attempt_is_404(app, client):
    setup = make_setup(app, client)
    attempt_id = start(client, setup)
    client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(setup.questions[0])})

    intruder = app.test_client()
    with app.app_context():
        classmate = make_student(db.session.scalars(select(SchoolClass)).one(), "Classmate")
        login_student(intruder, classmate)
    for method, url in student_urls(attempt_id, setup.assignment_id):
        if url.endswith("/start"):
            continue  # a classmate may start the class's assignment: their own attempt
        response = intruder.open(url, method=method, data={"answer": ["0"]})
        assert response.status_code == 404, (method, url)
    assert count_responses(app, attempt_id) == 1
    assert not get_attempt(app, attempt_id).submitted


def test_a_student_of_another_class_cannot_start_the_assignment(app, client):
    setup = make_setup(app)
    with app.app_context():
        login_student(client, make_student(make_class(name="Other class")))
    assert client.post(f"/assignments/{setup.assignment_id}/start").status_code == 404
    assert client.post("/assignments/9999/start").status_code == 404


def test_anonymous_visitors_are_sent_to_join(app, client):
    student_client = app.test_client()
    setup = make_setup(app, student_client)
    attempt_id = start(student_client, setup)
    for method, url in [
        ("GET", "/quizzes"),
        ("GET", "/welcome"),
        *student_urls(attempt_id, setup.assignment_id),
    ]:
        response = client.open(url, method=method, data={"answer": ["0"]})
        assert response.status_code == 302, (method, url)
        assert response.location == "/join", (method, url)


def test_teachers_are_refused_on_student_pages(app, client):
    setup = make_setup(app)
    student_client = app.test_client()
    with app.app_context():
        login_student(student_client, db.session.get(Student, setup.student_id))
        teacher = make_teacher("teacher-on-student-pages@school.example")
        login_teacher(client, teacher.email)
    attempt_id = start(student_client, setup)
    for method, url in [
        ("GET", "/quizzes"),
        ("GET", "/welcome"),
        *student_urls(attempt_id, setup.assignment_id),
    ]:
        response = client.open(url, method=method, data={"answer": ["0"]})
        assert response.status_code == 403, (method, url)
    assert count_responses(app, attempt_id) == 0


def test_the_join_page_stays_open_to_everyone(app, client):
    make_setup(app, client)
    html = text_of(client.get("/join"))
    assert "You are signed in as Ada" in html


# --- CSRF and rate limits -------------------------------------------------------------------


class TestWithCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    @staticmethod
    def token(html: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def test_posts_without_a_token_are_refused(self, app, client):
        setup = make_setup(app)
        with app.app_context():
            rejoin_code = db.session.get(Student, setup.student_id).rejoin_code
        credentials = {"class_code": setup.class_code, "rejoin_code": rejoin_code}
        assert (
            client.post("/join", data={"class_code": setup.class_code, "display_name": "X"}).status_code
            == 400
        )
        assert client.post("/rejoin", data=credentials).status_code == 400

        token = self.token(client.get("/rejoin").get_data(as_text=True))
        assert client.post("/rejoin", data={**credentials, "csrf_token": token}).status_code == 302

        assert client.post(f"/assignments/{setup.assignment_id}/start").status_code == 400
        home = client.get("/quizzes").get_data(as_text=True)
        started = client.post(
            f"/assignments/{setup.assignment_id}/start", data={"csrf_token": self.token(home)}
        )
        assert started.status_code == 302
        attempt_id = int(started.location.rsplit("/", 1)[1])

        url = f"/attempts/{attempt_id}/questions/1"
        answer = right_answer(setup.questions[0])
        assert client.post(url, data={"answer": answer}).status_code == 400
        assert count_responses(app, attempt_id) == 0
        page = client.get(url).get_data(as_text=True)
        assert client.post(url, data={"answer": answer, "csrf_token": self.token(page)}).status_code == 302
        assert count_responses(app, attempt_id) == 1

        assert client.post(f"/attempts/{attempt_id}/submit").status_code == 400
        assert client.post("/leave").status_code == 400
        assert client.get("/quizzes").status_code == 200  # still signed in


class TestRateLimit:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "RATELIMIT_ENABLED": True, "JOIN_WRONG_CODE_LIMIT": "3 per minute"}

    def test_guessing_codes_is_rate_limited(self, app, client):
        with app.app_context():
            join_code = make_class().join_code
        for _ in range(3):
            assert (
                client.post("/rejoin", data={"class_code": join_code, "rejoin_code": "ZZZZZZ"}).status_code
                == 422
            )
        blocked = client.post("/rejoin", data={"class_code": join_code, "rejoin_code": "ZZZZZZ"})
        assert blocked.status_code == 429
        assert "Too many tries" in text_of(blocked)
        # The form comes back with what was typed, not a bare error page.
        assert f'value="{join_code}"' in blocked.get_data(as_text=True)
        assert client.get("/rejoin").status_code == 200  # only POSTs count
        # Wrong codes on /join and /rejoin share one count: joining is refused now too.
        refused = client.post("/join", data={"class_code": join_code, "display_name": "Guess"})
        assert refused.status_code == 429
        assert 'value="Guess"' in refused.get_data(as_text=True)

    def test_right_codes_do_not_count_as_guesses(self, app, client):
        with app.app_context():
            join_code = make_class().join_code
        for number in range(6):
            joined = app.test_client().post(
                "/join", data={"class_code": join_code, "display_name": f"Pupil {number}"}
            )
            assert joined.status_code == 302
        # A taken name is no wrong code either.
        for _ in range(4):
            taken = client.post("/join", data={"class_code": join_code, "display_name": "Pupil 0"})
            assert taken.status_code == 422


# --- The shared macros for the teacher's preview --------------------------------------------


def test_question_macros_show_answers_for_a_preview(app):
    setup = make_setup(app)
    template = (
        '{% from "quiz/_question.html" import render_article, render_question %}'
        "{{ render_article(blocks, question.focus, id_prefix='p1') }}"
        "{% for q in questions %}{{ render_question(q, loop.index0, show_answers=true) }}{% endfor %}"
    )
    assignment_questions = setup.questions
    with app.test_request_context():
        assignment = db.session.get(Assignment, setup.assignment_id)
        blocks = quizzes.article_blocks(assignment.quiz.article_version)
        html = render_template_string(
            template, blocks=blocks, question=assignment_questions[0], questions=assignment_questions
        )
    text = unescape(html)
    assert 'id="p1-headline"' in html
    assert text.count("✓ right answer") == sum(
        len(q.answer) for q in assignment_questions if q.type != SELECT
    )
    assert text.count("Right answer:") == len(assignment_questions)
    assert 'class="passage-mark mark-gold"' in html
    for question in assignment_questions:
        if question.explanation:
            assert question.explanation[:30] in text


def test_choices_that_are_vocabulary_labels_show_their_definitions(app, client):
    """ "Unnamed" or "vague", "loaded language" or "exaggeration": a 13-year-old chooses by meaning."""
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class, "Ada")
        # A sample with two kinds of question whose choices are vocabulary labels ("what kind of
        # source" is no longer asked about the named people of the samples, review 97).
        version = import_sample(QUESTIONS_DIR / "practice-viral-health-post.yaml")
        # A quiz long enough to hold every question, so it has both kinds whatever the draw.
        assignment = make_assignment(school_class, version)
        assignment.quiz.questions = [
            q.to_dict() for q in all_questions(parse_version(version), current_vocabulary(), random.Random(1))
        ]
        db.session.commit()
        questions = quizzes.questions_of(assignment.quiz)
        login_student(client, student)
        assignment_id = assignment.id
    attempt_id = start(client, Setup("", 0, assignment_id, questions))
    seen = set()
    for number, question in enumerate(questions, start=1):
        # (No sample article has a fair "name the technique" or "what kind of source" question any
        # more: they show their definitions the same way, through extra["definitions"].)
        if not question.extra.get("definitions"):
            continue
        html = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
        for choice, definition in zip(question.choices, question.extra["definitions"], strict=True):
            assert definition, choice
            label = f'<span class="choice-label">{escape(choice)}</span>'
            assert label in html
            after = html[html.index(label) :]
            assert after.index(f"{escape(definition)}</span>") < after.index("</label>")
        seen.add(question.kind)
    assert seen == {"statement_kind", "support"}
