"""The quizzes service: attempts, idempotent answers, rescoring and the attempts policy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.domain.arrangement import Arrangement
from app.domain.question import SELECT
from app.extensions import db
from app.models import ATTEMPTS_UNLIMITED, FEEDBACK_TEST, Attempt, Response, utcnow
from app.services import quizzes
from app.services.errors import NotFound
from app.services.quizzes import IN_PROGRESS, NOT_STARTED, SUBMITTED, QuizError
from tests.factories import make_assignment, make_class, make_student, right_answer, wrong_answer


def response_count(attempt: Attempt) -> int:
    return db.session.scalar(select(func.count(Response.id)).where(Response.attempt_id == attempt.id)) or 0


def stored_responses(attempt: Attempt) -> list[Response]:
    return list(db.session.scalars(select(Response).where(Response.attempt_id == attempt.id)))


@pytest.fixture
def setup(app_ctx):
    school_class = make_class()
    student = make_student(school_class, "Ada")
    return school_class, student


def test_start_attempt_resumes_the_open_attempt(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    first = quizzes.start_attempt(student, assignment)
    again = quizzes.start_attempt(student, assignment)
    assert again.id == first.id
    assert first.number == 1
    assert first.max_score == len(assignment.quiz.questions)
    questions = quizzes.questions_of(assignment.quiz)
    assert first.sources_max + first.claims_max + first.framing_max == len(questions)
    assert first.claims_max == sum(1 for q in questions if q.skill == "claims")


def test_record_answer_is_idempotent_in_practice(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    question = quizzes.questions_of(assignment.quiz)[0]

    first = quizzes.record_answer(attempt, 0, right_answer(question))
    again = quizzes.record_answer(attempt, 0, right_answer(question))
    # A different answer sent later (a stale tab) does not replace the answer already given feedback.
    different = quizzes.record_answer(attempt, 0, wrong_answer(question))

    assert first.id == again.id == different.id
    assert response_count(attempt) == 1
    [stored] = stored_responses(attempt)
    assert stored.answer == sorted(int(v) for v in right_answer(question))
    assert stored.score == 1.0
    assert db.session.get(Attempt, attempt.id).score == 1.0


def test_record_answer_in_a_test_replaces_until_submitted(setup):
    school_class, student = setup
    assignment = make_assignment(school_class, feedback_mode=FEEDBACK_TEST)
    attempt = quizzes.start_attempt(student, assignment)
    question = quizzes.questions_of(assignment.quiz)[0]

    quizzes.record_answer(attempt, 0, wrong_answer(question))
    quizzes.record_answer(attempt, 0, wrong_answer(question))
    assert response_count(attempt) == 1
    assert db.session.get(Attempt, attempt.id).score == 0.0

    quizzes.record_answer(attempt, 0, right_answer(question))
    assert response_count(attempt) == 1
    assert db.session.get(Attempt, attempt.id).score == 1.0

    quizzes.submit_attempt(attempt)
    quizzes.record_answer(attempt, 0, wrong_answer(question))  # after submitting: ignored
    [stored] = stored_responses(attempt)
    assert stored.score == 1.0
    assert db.session.get(Attempt, attempt.id).score == 1.0


def test_a_new_answer_after_submitting_is_refused(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    quizzes.submit_attempt(attempt)
    question = quizzes.questions_of(assignment.quiz)[1]
    with pytest.raises(QuizError, match="already submitted"):
        quizzes.record_answer(attempt, 1, right_answer(question))
    assert response_count(attempt) == 0


@pytest.mark.parametrize("raw", [[], ["abc"], ["-1"], ["999"], ["1.0"], ["+1"], [" "]])
def test_record_answer_refuses_answers_that_are_not_indexes(setup, raw):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    with pytest.raises(QuizError):
        quizzes.record_answer(attempt, 0, raw)
    assert response_count(attempt) == 0


def test_record_answer_refuses_two_values_for_a_one_choice_question(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.questions_of(assignment.quiz)
    position = next(i for i, q in enumerate(questions) if q.type == "choice")
    with pytest.raises(QuizError, match="Choose an answer"):
        quizzes.record_answer(attempt, position, ["0", "1"])


def test_record_answer_for_a_question_outside_the_quiz_is_404(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    for position in (-1, len(assignment.quiz.questions)):
        with pytest.raises(NotFound):
            quizzes.record_answer(attempt, position, ["0"])


def test_attempt_score_equals_the_sum_of_its_stored_responses(setup):
    school_class, student = setup
    assignment = make_assignment(school_class, feedback_mode=FEEDBACK_TEST)
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.questions_of(assignment.quiz)
    for position, question in enumerate(questions):
        # Right, wrong and partly right answers (a select question's gold words and a far wrong one,
        # for every select question after the first two, wherever the quiz puts them).
        if position % 3 == 0 and not (question.type == SELECT and position > 1):
            raw = right_answer(question)
        elif position % 3 == 1 and not (question.type == SELECT and position > 1):
            raw = wrong_answer(question)
        elif question.type == SELECT:
            far = [
                i
                for i in range(len(question.words))
                if all(i < s - 2 or i >= e + 2 for s, e in question.gold)
            ]
            raw = right_answer(question) + [str(far[0])]
        else:
            raw = right_answer(question)
        quizzes.record_answer(attempt, position, raw)
    # Change two answers: the total must follow.
    quizzes.record_answer(attempt, 1, right_answer(questions[1]))
    quizzes.record_answer(attempt, 0, wrong_answer(questions[0]))
    submitted = quizzes.submit_attempt(attempt)

    responses = stored_responses(attempt)
    assert len(responses) == len(questions)
    assert submitted.score == pytest.approx(sum(r.score for r in responses))
    for skill in ("sources", "claims", "framing"):
        expected = sum(r.score for r in responses if r.skill == skill)
        assert getattr(submitted, f"{skill}_score") == pytest.approx(expected)
    assert any(0 < r.score < 1 for r in responses) or not any(q.type == SELECT for q in questions)


def test_one_attempt_policy_refuses_a_second_attempt(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    quizzes.submit_attempt(attempt)
    with pytest.raises(QuizError, match="already done"):
        quizzes.start_attempt(student, assignment)
    assert db.session.scalar(select(func.count(Attempt.id))) == 1


def test_unlimited_policy_starts_new_attempts_and_keeps_the_best(setup):
    school_class, student = setup
    assignment = make_assignment(school_class, attempts_policy=ATTEMPTS_UNLIMITED)
    questions = quizzes.questions_of(assignment.quiz)

    first = quizzes.start_attempt(student, assignment)
    for position, question in enumerate(questions):
        quizzes.record_answer(first, position, right_answer(question))
    quizzes.submit_attempt(first)

    second = quizzes.start_attempt(student, assignment)
    assert second.id != first.id and second.number == 2
    quizzes.record_answer(second, 0, wrong_answer(quizzes.attempt_view(second).questions[0]))
    quizzes.submit_attempt(second)

    [item] = quizzes.student_assignments(student)
    assert item.status == SUBMITTED
    assert item.attempts_used == 2
    assert item.kept is not None and item.kept.id == first.id
    assert item.kept.percent == pytest.approx(100.0)
    assert item.can_start_again

    third = quizzes.start_attempt(student, assignment)
    assert third.number == 3


def test_submit_twice_changes_nothing(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    question = quizzes.questions_of(assignment.quiz)[0]
    quizzes.record_answer(attempt, 0, right_answer(question))
    first = quizzes.submit_attempt(attempt)
    submitted_at, score = first.submitted_at, first.score
    second = quizzes.submit_attempt(attempt)
    assert second.submitted_at == submitted_at
    assert second.score == score == 1.0


def test_student_assignments_status_and_progress(setup):
    school_class, student = setup
    not_started = make_assignment(school_class, title="Not started yet")
    in_progress = make_assignment(school_class, title="Half done", due_at=utcnow() - timedelta(days=1))
    attempt = quizzes.start_attempt(student, in_progress)
    for position, question in enumerate(quizzes.questions_of(in_progress.quiz)[:3]):
        quizzes.record_answer(attempt, position, right_answer(question))

    items = {item.assignment.title: item for item in quizzes.student_assignments(student)}
    assert items["Not started yet"].status == NOT_STARTED
    assert items["Not started yet"].open_attempt is None
    assert not items["Not started yet"].is_late(utcnow())
    half = items["Half done"]
    assert half.status == IN_PROGRESS
    assert half.answered == 3
    assert half.is_late(utcnow())
    assert not_started.id != in_progress.id


def test_student_assignments_only_lists_the_students_class(setup):
    school_class, student = setup
    make_assignment(school_class, title="Ours")
    make_assignment(make_class(name="Another class"), title="Theirs")
    assert [item.assignment.title for item in quizzes.student_assignments(student)] == ["Ours"]


def test_attempt_view_finds_the_next_unanswered_question(setup):
    school_class, student = setup
    assignment = make_assignment(school_class, feedback_mode=FEEDBACK_TEST)
    attempt = quizzes.start_attempt(student, assignment)
    questions = quizzes.questions_of(assignment.quiz)
    for position in (0, 1, 3):
        quizzes.record_answer(attempt, position, right_answer(questions[position]))
    view = quizzes.attempt_view(attempt)
    assert view.total == len(questions)
    assert view.answered == 3
    assert view.first_unanswered() == 2
    assert view.next_unanswered(3) == 4
    assert view.next_unanswered(len(questions) - 1) == 2  # wraps round to the start
    assert view.answers_changeable
    assert view.result(0) is not None and view.result(0).verdict == "right"
    assert view.result(2) is None
    assert view.blocks[0].text.startswith("Western Allies Join")


def test_skill_percentages_leave_out_skills_not_asked(setup):
    school_class, student = setup
    assignment = make_assignment(school_class)
    attempt = quizzes.start_attempt(student, assignment)
    attempt.framing_max = 0.0  # as if the quiz asked no framing question
    attempt.sources_score, attempt.sources_max = 1.0, 4.0
    percentages = quizzes.skill_percentages(attempt)
    assert percentages["framing"] is None
    assert percentages["sources"] == pytest.approx(25.0)
    db.session.rollback()


def test_a_retake_has_its_own_order_and_answers_are_stored_as_the_quiz_has_them(setup):
    school_class, student = setup
    assignment = make_assignment(school_class, attempts_policy=ATTEMPTS_UNLIMITED)
    stored = quizzes.questions_of(assignment.quiz)
    first = quizzes.start_attempt(student, assignment)
    assert first.seed is None
    assert quizzes.attempt_view(first).questions == stored  # the first attempt is the class's quiz
    quizzes.submit_attempt(first)

    second = quizzes.start_attempt(student, assignment)
    assert second.seed is not None
    view = quizzes.attempt_view(second)
    arrangement = Arrangement.shuffled(stored, second.seed)
    assert view.questions == arrangement.questions(stored)
    assert sorted(q.prompt for q in view.questions) == sorted(q.prompt for q in stored)
    # Every answer given as shown is stored at the quiz's own position, in the quiz's own choice order.
    for shown_position, question in enumerate(view.questions):
        quizzes.record_answer(second, shown_position, right_answer(question))
    responses = {r.position: r for r in stored_responses(second)}
    assert sorted(responses) == list(range(len(stored)))
    for position, question in enumerate(stored):
        assert responses[position].score == 1.0
        if question.type != SELECT:
            assert responses[position].answer == list(question.answer)
    again = quizzes.attempt_view(db.session.get(Attempt, second.id))
    assert all(again.result(p).verdict == "right" for p in range(len(stored)))
    assert [again.answer_of(p) for p in range(len(stored))] == [
        [int(i) for i in right_answer(q)] for q in view.questions
    ]
