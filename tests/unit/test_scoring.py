"""Scoring: one choice, several choices, select words (SemEval-2020 span F1), feedback, skill totals."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.article import Article
from app.domain.generate import KINDS, all_questions
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.scoring import (
    ANSWER_TYPES,
    PARTIAL,
    RIGHT,
    WRONG,
    Result,
    feedback_for_selection,
    runs,
    score_answer,
    skill_totals,
    span_scores,
)
from app.domain.text import Block
from tests.unit.article_factory import library_article, random_articles, vocabulary, word_span

VECTOR = (
    "Raqqa is reportedly set to be assaulted within days, "
    "a fighter with the YPG told CNN, according to ARA News."
)


def vector_question() -> Question:
    block = Block.from_text(VECTOR)
    gold = (word_span(block, "a fighter with the YPG told CNN"), word_span(block, "according to ARA News"))
    return Question(
        kind="find_sources",
        type=SELECT,
        skill="sources",
        prompt="Select every attribution.",
        explanation="",
        block=1,
        words=block.words,
        gaps=block.gaps,
        gold=gold,
    )


def words_of(block: Block, *quotes: str) -> set[int]:
    selected: set[int] = set()
    for quote in quotes:
        start, end = word_span(block, quote)
        selected.update(range(start, end))
    return selected


def choice_question(answer: tuple[int, ...], count: int = 4, kind: str = CHOICE) -> Question:
    return Question(
        kind="hand_choice" if kind == CHOICE else "hand_multiple",
        type=kind,
        skill="framing",
        prompt="Which?",
        explanation="",
        choices=tuple(f"choice {i}" for i in range(count)),
        answer=answer,
    )


# --- the issue's test vector -------------------------------------------------------------------------


def test_the_issue_test_vector() -> None:
    question = vector_question()
    block = Block.from_text(VECTOR)
    assert question.gold == ((9, 16), (16, 20))
    selected = words_of(block, "fighter with the YPG told CNN", "ARA News", "reportedly")
    precision, recall, f1 = span_scores(question.gold, selected)
    assert round(recall, 3) == 0.679
    assert recall == pytest.approx((6 / 7 + 2 / 4) / 2)
    assert round(precision, 3) == 0.667
    assert precision == pytest.approx((1 + 1 + 0) / 3)
    assert round(f1, 3) == 0.673
    result = score_answer(question, tuple(sorted(selected)))
    assert result.score == pytest.approx(f1)
    assert result.verdict == PARTIAL


def test_the_test_vector_feedback() -> None:
    question = vector_question()
    block = Block.from_text(VECTOR)
    selected = words_of(block, "fighter with the YPG told CNN", "ARA News", "reportedly")
    feedback = feedback_for_selection(question, selected)
    # 6 of 7 words found; 2 of 4 is exactly half, which counts as found.
    assert [(g["text"], g["selected"], g["found"]) for g in feedback["gold"]] == [
        ("a fighter with the YPG told CNN", 6, True),
        ("according to ARA News", 2, True),
    ]
    assert feedback["extra"] == [{"start": 2, "end": 3, "text": "reportedly"}]
    marks = feedback["words"]
    assert len(marks) == len(question.words)
    assert marks[2] == "extra"
    assert marks[9] == "missed"  # "a"
    assert marks[10:16] == ["hit"] * 6
    assert marks[16:18] == ["missed", "missed"]
    assert marks[18:20] == ["hit", "hit"]
    assert marks[0] is None
    json.dumps(feedback)


def test_a_gold_span_with_less_than_half_selected_is_missed() -> None:
    question = vector_question()
    block = Block.from_text(VECTOR)
    feedback = feedback_for_selection(question, words_of(block, "ARA"))
    assert [g["found"] for g in feedback["gold"]] == [False, False]
    assert feedback["extra"] == []


# --- span scores -------------------------------------------------------------------------------------


def test_runs_group_adjacent_indexes() -> None:
    assert runs([5, 1, 2, 3, 7, 8, 2]) == [(1, 4), (5, 6), (7, 9)]
    assert runs([]) == []


def test_span_scores_edge_cases() -> None:
    gold = [(2, 4), (8, 10)]
    assert span_scores(gold, []) == (0.0, 0.0, 0.0)
    assert span_scores(gold, [2, 3, 8, 9]) == (1.0, 1.0, 1.0)
    assert span_scores([], []) == (1.0, 1.0, 1.0)
    assert span_scores([], [1, 2]) == (1.0, 1.0, 1.0)
    assert span_scores(gold, [0, 1]) == (0.0, 0.0, 0.0)
    # One selected span bridging both gold spans: all gold found, 4 of its 8 words are gold.
    assert span_scores(gold, range(2, 10)) == pytest.approx((0.5, 1.0, 2 / 3))


def test_selecting_everything_scores_2d_over_1_plus_d() -> None:
    gold = [(0, 2), (6, 7)]  # 3 gold words of 9: density a third
    precision, recall, f1 = span_scores(gold, range(9))
    assert (precision, recall) == pytest.approx((1 / 3, 1.0))
    assert f1 == pytest.approx(0.5)


# --- answer types ------------------------------------------------------------------------------------


def test_answer_types_registry() -> None:
    assert set(ANSWER_TYPES) == {CHOICE, MULTIPLE, SELECT}
    for name, answer_type in ANSWER_TYPES.items():
        assert answer_type.name == name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["2"], (2,)),
        ([" 0 "], (0,)),
        (["1", "1"], (1,)),
        ([], None),
        (["1", "2"], None),
        (["4"], None),
        (["-1"], None),
        (["+1"], None),
        (["one"], None),
        (["1.0"], None),
        (["\u0661"], None),  # an Arabic-Indic digit one
        ([""], None),
    ],
)
def test_parse_one_choice(raw: list[str], expected: tuple[int, ...] | None) -> None:
    assert ANSWER_TYPES[CHOICE].parse(raw, choice_question((1,))) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([], ()),
        (["3", "0", "3"], (0, 3)),
        (["0", "4"], None),
        (["0", "x"], None),
    ],
)
def test_parse_several_choices(raw: list[str], expected: tuple[int, ...] | None) -> None:
    assert ANSWER_TYPES[MULTIPLE].parse(raw, choice_question((0, 2), kind=MULTIPLE)) == expected


def test_parse_selected_words() -> None:
    question = vector_question()
    select = ANSWER_TYPES[SELECT]
    assert select.parse(["19", "2", "2"], question) == (2, 19)
    assert select.parse([], question) == ()
    assert select.parse(["20"], question) is None
    assert select.parse(["2", "a"], question) is None


def test_one_choice_scores_one_or_zero() -> None:
    question = choice_question((1,))
    right = score_answer(question, (1,))
    assert (right.score, right.verdict) == (1.0, RIGHT)
    wrong = score_answer(question, (3,))
    assert (wrong.score, wrong.verdict) == (0.0, WRONG)
    assert score_answer(question, ()).score == 0.0
    assert score_answer(question, (1, 3)).score == 0.0
    assert wrong.detail == {"selected": [3], "correct": [1]}


@pytest.mark.parametrize(
    ("right", "picked", "expected"),
    [
        ((0, 2), (0, 2), 1.0),
        ((0, 2), (0,), 0.5),
        ((0, 2), (0, 1), 0.0),
        ((0, 2), (0, 1, 2), 0.5),
        ((0, 2), (), 0.0),
        ((0, 2), (1, 3), 0.0),  # floor at 0, never negative
        ((0, 1, 2), (0, 1, 3), 1 / 3),
        ((0, 1, 2), (0, 1), 2 / 3),
        ((0, 1, 2), (0, 1, 2, 3), 2 / 3),
        ((1,), (1,), 1.0),
    ],
)
def test_several_choices_partial_credit(
    right: tuple[int, ...], picked: tuple[int, ...], expected: float
) -> None:
    result = score_answer(choice_question(right, kind=MULTIPLE), picked)
    assert result.score == pytest.approx(expected)
    assert result.verdict == (RIGHT if expected == 1 else WRONG if expected == 0 else PARTIAL)


def test_several_choices_feedback_marks_every_choice() -> None:
    result = score_answer(choice_question((0, 2), kind=MULTIPLE), (0, 1))
    assert result.detail["choices"] == ["right", "wrong", "missed", None]
    json.dumps(result.detail)


def test_select_result_carries_feedback_precision_and_recall() -> None:
    question = vector_question()
    result = score_answer(question, (9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19))
    assert result.verdict == RIGHT
    assert result.detail["precision"] == result.detail["recall"] == 1.0
    assert all(g["found"] for g in result.detail["gold"])
    assert score_answer(question, ()).verdict == WRONG
    json.dumps(result.detail)


def test_verdict_tolerates_rounding() -> None:
    thirds = Question(
        "hand_select",
        SELECT,
        "claims",
        "?",
        "",
        words=("a",) * 9,
        gaps=("",) * 10,
        gold=((0, 3), (3, 6), (6, 9)),
    )
    result = score_answer(thirds, tuple(range(9)))
    assert result.verdict == RIGHT
    assert isinstance(result, Result)


def test_scores_survive_a_trip_through_json() -> None:
    for question in all_questions(library_article(), vocabulary(), random.Random(3)):
        stored = Question.from_dict(json.loads(json.dumps(question.to_dict())))
        assert score_answer(stored, perfect_answer(stored)).score == 1.0


# --- skill totals ------------------------------------------------------------------------------------


def test_skill_totals_add_up_and_list_every_skill() -> None:
    totals = skill_totals([("sources", 1.0, 1.0), ("claims", 0.5, 1.0), ("sources", 0.25, 1.0)])
    assert totals == {"sources": (1.25, 2.0), "claims": (0.5, 1.0), "framing": (0.0, 0.0)}
    assert skill_totals([]) == {"sources": (0.0, 0.0), "claims": (0.0, 0.0), "framing": (0.0, 0.0)}


# --- properties --------------------------------------------------------------------------------------


def perfect_answer(question: Question) -> tuple[int, ...]:
    if question.type == SELECT:
        return tuple(sorted({i for s, e in question.gold for i in range(s, e)}))
    return question.answer


@st.composite
def gold_and_selection(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], set[int]]:
    size = draw(st.integers(1, 40))
    gold = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, size - 1))
        gold.append((start, draw(st.integers(start + 1, size))))
    return size, gold, draw(st.sets(st.integers(0, size - 1)))


@given(gold_and_selection())
def test_span_scores_lie_between_zero_and_one(case: tuple[int, list[tuple[int, int]], set[int]]) -> None:
    _, gold, selected = case
    precision, recall, f1 = span_scores(gold, selected)
    for value in (precision, recall, f1):
        assert 0.0 <= value <= 1.0
    assert f1 <= max(precision, recall) + 1e-12


@given(gold_and_selection())
def test_selecting_exactly_the_gold_words_scores_one(
    case: tuple[int, list[tuple[int, int]], set[int]],
) -> None:
    _, gold, _ = case
    gold_words = {i for s, e in gold for i in range(s, e)}
    assert span_scores(gold, gold_words)[2] == pytest.approx(1.0)


def _questions(article: Article, seed: int) -> list[Question]:
    return all_questions(article, vocabulary(), random.Random(seed))


@settings(max_examples=150, deadline=None)
@given(random_articles(), st.integers(0, 2**32))
def test_a_perfect_answer_scores_one_for_every_generated_question(article: Article, seed: int) -> None:
    for question in _questions(article, seed):
        result = score_answer(question, perfect_answer(question))
        assert result.score == pytest.approx(1.0)
        assert result.verdict == RIGHT


@settings(max_examples=150, deadline=None)
@given(random_articles(), st.integers(0, 2**32), st.data())
def test_every_score_lies_between_zero_and_one(article: Article, seed: int, data: st.DataObject) -> None:
    for question in _questions(article, seed):
        if question.type == SELECT:
            limit = len(question.words)
            answer = data.draw(st.sets(st.integers(0, limit - 1)))
        elif question.type == MULTIPLE:
            answer = data.draw(st.sets(st.integers(0, len(question.choices) - 1)))
        else:
            answer = {data.draw(st.integers(0, len(question.choices) - 1))}
        raw = [str(i) for i in answer]
        parsed = ANSWER_TYPES[question.type].parse(raw, question)
        assert parsed == tuple(sorted(answer))
        result = score_answer(question, parsed)
        assert 0.0 <= result.score <= 1.0
        assert result.verdict in (RIGHT, PARTIAL, WRONG)
        json.dumps(result.detail)


@settings(max_examples=150, deadline=None)
@given(random_articles(), st.integers(0, 2**32))
def test_selecting_every_word_of_a_generated_question_scores_at_most_half(
    article: Article, seed: int
) -> None:
    for question in _questions(article, seed):
        if question.type != SELECT or KINDS[question.kind].hand_written:
            continue
        assert score_answer(question, tuple(range(len(question.words)))).score <= 0.5 + 1e-9
