"""The answer view on a real school day: answers sent in the background (JSON), sent twice, and
a test's Previous / Next / Review buttons that save what is ticked.

The quiz script posts the same form data with ``Accept: application/json`` and follows the
``next`` URL of the reply; without it (no JavaScript) the view redirects as it always did.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.domain.question import SELECT, Question
from app.extensions import db
from app.models import FEEDBACK_TEST, Attempt, Response
from app.services import quizzes
from tests.factories import (
    login_student,
    make_assignment,
    make_class,
    make_student,
    right_answer,
    wrong_answer,
)

JSON = {"Accept": "application/json"}


def setup_quiz(app: Flask, client: FlaskClient, **options: object) -> tuple[int, list[Question]]:
    """A signed-in student with a started attempt on the sample quiz: (attempt id, its questions)."""
    with app.app_context():
        school_class = make_class()
        student = make_student(school_class)
        assignment = make_assignment(school_class, **options)
        questions = quizzes.questions_of(assignment.quiz)
        login_student(client, student)
        assignment_id = assignment.id
    started = client.post(f"/assignments/{assignment_id}/start")
    match = re.fullmatch(r"/attempts/(\d+)", started.location)
    assert match, started.location
    return int(match.group(1)), questions


def responses(app: Flask, attempt_id: int) -> dict[int, tuple[list[int], float]]:
    with app.app_context():
        rows = db.session.scalars(select(Response).where(Response.attempt_id == attempt_id))
        return {r.position: (list(r.answer), r.score) for r in rows}


def attempt_score(app: Flask, attempt_id: int) -> float:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt is not None
        return attempt.score


def first_of(questions: list[Question], kind: str) -> int:
    """The number (from 1) of the first question of this type."""
    return next(n for n, q in enumerate(questions, start=1) if q.type == kind)


# --- The JSON answer path ------------------------------------------------------------------------


def test_json_answer_is_saved_and_names_the_feedback_at_its_verdict(app, client):
    attempt_id, questions = setup_quiz(app, client)
    number = first_of(questions, "choice")
    url = f"/attempts/{attempt_id}/questions/{number}"

    reply = client.post(url, data={"answer": right_answer(questions[number - 1])}, headers=JSON)

    assert reply.status_code == 200
    assert reply.is_json
    assert reply.get_json() == {"saved": True, "next": f"{url}/feedback#verdict"}
    assert responses(app, attempt_id) == {
        number - 1: ([int(v) for v in right_answer(questions[number - 1])], 1.0)
    }
    assert attempt_score(app, attempt_id) == 1.0


def test_without_the_json_header_the_form_post_redirects_as_before(app, client):
    attempt_id, questions = setup_quiz(app, client)
    url = f"/attempts/{attempt_id}/questions/1"
    reply = client.post(url, data={"answer": right_answer(questions[0])})
    assert reply.status_code == 302
    assert reply.location == f"{url}/feedback#verdict"
    # A browser's own Accept header (HTML first) is not a request for JSON.
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    second = client.post(
        f"/attempts/{attempt_id}/questions/2", data={"answer": wrong_answer(questions[1])}, headers=browser
    )
    assert second.status_code == 302


def test_json_answer_to_correct_gives_the_message_and_saves_nothing(app, client):
    attempt_id, questions = setup_quiz(app, client)
    select_number = first_of(questions, SELECT)
    empty = client.post(f"/attempts/{attempt_id}/questions/{select_number}", data={}, headers=JSON)
    assert empty.status_code == 422
    assert empty.get_json() == {"saved": False, "error": "Select at least one word."}

    choice_number = first_of(questions, "choice")
    bad = client.post(
        f"/attempts/{attempt_id}/questions/{choice_number}", data={"answer": "99"}, headers=JSON
    )
    assert bad.status_code == 422
    assert bad.get_json()["saved"] is False and bad.get_json()["error"]
    assert responses(app, attempt_id) == {}


def test_json_answer_outside_the_quiz_or_without_a_session_is_refused(app, client):
    attempt_id, questions = setup_quiz(app, client)
    assert (
        client.post(f"/attempts/{attempt_id}/questions/99", data={"answer": "0"}, headers=JSON).status_code
        == 404
    )
    # Past the database's integer range no route matches (werkzeug answers 405 for a POST there).
    assert client.post(
        f"/attempts/{attempt_id}/questions/{2**40}", data={"answer": "0"}, headers=JSON
    ).status_code in (404, 405)
    nul = client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": "1\x00"}, headers=JSON)
    assert nul.status_code == 400  # refused with a message before any view runs
    other = app.test_client()
    signed_out = other.post(f"/attempts/{attempt_id}/questions/1", data={"answer": "0"}, headers=JSON)
    assert signed_out.status_code == 302 and signed_out.location == "/join"
    assert responses(app, attempt_id) == {}


def test_a_refused_html_answer_opens_at_its_message(app, client):
    attempt_id, _ = setup_quiz(app, client)
    page = client.post(f"/attempts/{attempt_id}/questions/1", data={})
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert re.search(r'<p class="field-error" id="q1-error" tabindex="-1" autofocus>', html)


def test_the_question_page_puts_the_question_before_the_article(app, client):
    attempt_id, _ = setup_quiz(app, client)
    html = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert html.index('id="question"') < html.index('class="news-article"')
    assert 'href="#article"' in html and 'href="#question"' in html
    assert "data-answer-form" in html and 'name="csrf_token"' in html


# --- A double send is counted once -------------------------------------------------------------------


def test_a_double_send_in_practice_is_one_answer_and_both_lead_to_the_feedback(app, client):
    attempt_id, questions = setup_quiz(app, client)
    number = first_of(questions, "choice")
    url = f"/attempts/{attempt_id}/questions/{number}"
    answer = {"answer": right_answer(questions[number - 1])}

    first = client.post(url, data=answer, headers=JSON)  # the reply to this one was lost ...
    again = client.post(url, data=answer, headers=JSON)  # ... so the page sends it again
    plain = client.post(url, data=answer)  # and a resent form without the script

    assert first.get_json() == again.get_json() == {"saved": True, "next": f"{url}/feedback#verdict"}
    assert plain.status_code == 302 and plain.location == f"{url}/feedback#verdict"
    assert responses(app, attempt_id) == {number - 1: ([int(v) for v in answer["answer"]], 1.0)}
    assert attempt_score(app, attempt_id) == 1.0, "the score is counted once"
    assert client.get(f"{url}/feedback").status_code == 200


def test_a_late_different_send_in_practice_keeps_the_first_answer(app, client):
    attempt_id, questions = setup_quiz(app, client)
    question = questions[0]
    url = f"/attempts/{attempt_id}/questions/1"
    client.post(url, data={"answer": wrong_answer(question)}, headers=JSON)
    changed = client.post(url, data={"answer": right_answer(question)}, headers=JSON)
    assert changed.get_json() == {"saved": True, "next": f"{url}/feedback#verdict"}
    assert responses(app, attempt_id) == {0: ([int(v) for v in wrong_answer(question)], 0.0)}
    assert attempt_score(app, attempt_id) == 0.0


def test_parallel_sends_of_one_answer_make_one_response(app):
    """Two requests racing (a retry while the first is still on its way) store one answer."""
    client = app.test_client()
    attempt_id, questions = setup_quiz(app, client)
    number = first_of(questions, "choice")
    url = f"/attempts/{attempt_id}/questions/{number}"
    answer = {"answer": right_answer(questions[number - 1])}
    cookie = client.get_cookie("session")
    assert cookie is not None

    def send(_: int) -> int:
        racer = app.test_client()
        racer.set_cookie("session", cookie.value)
        return racer.post(url, data=answer, headers=JSON).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(send, range(4)))
    assert statuses == [200] * 4
    with app.app_context():
        count = db.session.scalar(select(func.count(Response.id)).where(Response.attempt_id == attempt_id))
    assert count == 1
    assert attempt_score(app, attempt_id) == 1.0


def test_a_send_after_the_test_was_submitted_leads_to_the_results(app, client):
    attempt_id, questions = setup_quiz(app, client, feedback_mode=FEEDBACK_TEST)
    client.post(
        f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(questions[0])}, headers=JSON
    )
    client.post(f"/attempts/{attempt_id}/submit")

    # The same answer again (its first reply was lost): already stored, so saved.
    again = client.post(
        f"/attempts/{attempt_id}/questions/1", data={"answer": right_answer(questions[0])}, headers=JSON
    )
    assert again.get_json() == {"saved": True, "next": f"/attempts/{attempt_id}/results"}
    # A question never answered before submitting: not saved, and the reply says where to go.
    late = client.post(
        f"/attempts/{attempt_id}/questions/2", data={"answer": right_answer(questions[1])}, headers=JSON
    )
    assert late.status_code == 200
    assert late.get_json() == {"saved": False, "next": f"/attempts/{attempt_id}/results"}
    assert "already submitted" in client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert set(responses(app, attempt_id)) == {0}


# --- A test's Previous / Next / Review buttons save what is ticked -----------------------------------


@pytest.mark.parametrize("as_json", [False, True], ids=["form", "json"])
def test_in_a_test_moving_on_saves_the_ticked_answer_and_goes_where_the_button_says(app, client, as_json):
    attempt_id, questions = setup_quiz(app, client, feedback_mode=FEEDBACK_TEST)
    total = len(questions)
    base = f"/attempts/{attempt_id}"
    headers = JSON if as_json else {}

    def post(number: int, go: str, answer: list[str]) -> str:
        reply = client.post(f"{base}/questions/{number}", data={"answer": answer, "go": go}, headers=headers)
        if as_json:
            assert reply.status_code == 200, reply.get_data(as_text=True)
            return str(reply.get_json()["next"])
        assert reply.status_code == 302
        return str(reply.location)

    assert post(2, "next", wrong_answer(questions[1])) == f"{base}/questions/3"
    assert post(3, "previous", right_answer(questions[2])) == f"{base}/questions/2"
    assert post(4, "review", right_answer(questions[3])) == f"{base}/review"
    assert post(total, "next", right_answer(questions[total - 1])) == f"{base}/review"  # no next: review
    assert post(1, "previous", right_answer(questions[0])) == f"{base}/review"  # no previous: review
    stored = responses(app, attempt_id)
    assert sorted(stored) == [0, 1, 2, 3, total - 1]
    assert stored[1][1] == 0.0 and stored[2][1] == 1.0

    # Nothing ticked: the button skips as a link would, and nothing is saved or refused.
    assert post(5, "next", []) == f"{base}/questions/6"
    assert post(5, "previous", []) == f"{base}/questions/4"
    assert post(5, "review", []) == f"{base}/review"
    assert 4 not in responses(app, attempt_id)

    # A changed answer replaces the saved one (a test can be changed until it is submitted).
    assert post(2, "next", right_answer(questions[1])) == f"{base}/questions/3"
    assert responses(app, attempt_id)[1][1] == 1.0
    assert len(responses(app, attempt_id)) == 5


def test_in_a_test_the_save_button_still_needs_an_answer(app, client):
    attempt_id, _ = setup_quiz(app, client, feedback_mode=FEEDBACK_TEST)
    reply = client.post(f"/attempts/{attempt_id}/questions/1", data={"go": "save"})
    assert reply.status_code == 422
    unknown = client.post(f"/attempts/{attempt_id}/questions/1", data={"go": "elsewhere"})
    assert unknown.status_code == 422  # an unknown button is the save button
    # A NUL character anywhere in a form is refused with a message before any view runs.
    assert client.post(f"/attempts/{attempt_id}/questions/1", data={"go": "save\x00"}).status_code == 400


def test_in_practice_the_move_buttons_do_not_skip_questions(app, client):
    attempt_id, questions = setup_quiz(app, client)
    skipped = client.post(f"/attempts/{attempt_id}/questions/1", data={"go": "next"})
    assert skipped.status_code == 422, "practice has no skipping: nothing ticked is refused"
    answered = client.post(
        f"/attempts/{attempt_id}/questions/1", data={"go": "next", "answer": right_answer(questions[0])}
    )
    assert answered.location == f"/attempts/{attempt_id}/questions/1/feedback#verdict"


@pytest.mark.parametrize("feedback_mode", ["practice", FEEDBACK_TEST])
def test_an_answer_losing_the_race_to_submit_leads_to_the_results(app, client, monkeypatch, feedback_mode):
    """Another tab hands the quiz in while an answer is on its way: the answer is refused, and both
    the form and the quiz script are sent to the results, not back to the question."""
    attempt_id, questions = setup_quiz(app, client, feedback_mode=feedback_mode)
    save_answer = quizzes.save_answer

    def submitted_first(attempt, *args, **kwargs):  # type: ignore[no-untyped-def]
        quizzes.submit_attempt(attempt)
        return save_answer(attempt, *args, **kwargs)

    monkeypatch.setattr(quizzes, "save_answer", submitted_first)
    results = f"/attempts/{attempt_id}/results"
    form = client.post(f"/attempts/{attempt_id}/questions/1", data={"answer": wrong_answer(questions[0])})
    assert (form.status_code, form.location) == (302, results)
    script = client.post(
        f"/attempts/{attempt_id}/questions/2", data={"answer": wrong_answer(questions[1])}, headers=JSON
    )
    assert script.status_code == 200
    assert script.get_json() == {"saved": False, "next": results}
    assert responses(app, attempt_id) == {}
