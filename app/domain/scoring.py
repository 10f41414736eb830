"""Scoring a student's answer to one question, and adding scores up per skill.

Each answer type (one choice, several choices, select words) is an object in
:data:`ANSWER_TYPES` that parses raw form values and checks a parsed answer.

Select-words questions use the SemEval-2020 (task 11) span formula counted in
words: with gold spans G and the student's selected spans S (adjacent selected
words form one span), recall is the mean over G of the share of each gold span
that was selected, precision the mean over S of the share of each selected span
that lies inside gold, and the score is their F1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.domain.article import SKILLS
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question

RIGHT = "right"
PARTIAL = "partial"
WRONG = "wrong"
# Scores are sums and ratios of floats; this keeps 0.999999... a right answer.
EPSILON = 1e-9
# Only plain ASCII digits: int() would also accept "+1", " 1_0" or Arabic-Indic digits.
_INDEX = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class Result:
    score: float  # 0..1
    verdict: str  # right | partial | wrong
    detail: dict[str, Any] = field(default_factory=dict)  # JSON-serialisable, for feedback


def verdict_for(score: float) -> str:
    if score >= 1 - EPSILON:
        return RIGHT
    if score <= EPSILON:
        return WRONG
    return PARTIAL


def _result(score: float, detail: dict[str, Any]) -> Result:
    score = min(1.0, max(0.0, score))
    return Result(score=score, verdict=verdict_for(score), detail=detail)


def _parse_indexes(raw: Iterable[str], limit: int) -> tuple[int, ...] | None:
    """Distinct indexes in [0, limit), sorted; None if any value is not one."""
    indexes: set[int] = set()
    for value in raw:
        text = str(value).strip()
        if not _INDEX.fullmatch(text):
            return None
        index = int(text)
        if index >= limit:
            return None
        indexes.add(index)
    return tuple(sorted(indexes))


class AnswerType(Protocol):
    name: str

    def parse(self, raw: Sequence[str], question: Question) -> tuple[int, ...] | None: ...

    def check(self, question: Question, answer: tuple[int, ...]) -> Result: ...


class ChoiceAnswer:
    """Exactly one choice: 1 when it is the right one, else 0."""

    name = CHOICE

    def parse(self, raw: Sequence[str], question: Question) -> tuple[int, ...] | None:
        answer = _parse_indexes(raw, len(question.choices))
        if answer is None or len(answer) != 1:
            return None
        return answer

    def check(self, question: Question, answer: tuple[int, ...]) -> Result:
        picked = sorted(set(answer))
        right = len(picked) == 1 and tuple(picked) == tuple(question.answer)
        detail = {"selected": picked, "correct": list(question.answer)}
        return _result(1.0 if right else 0.0, detail)


class MultipleAnswer:
    """Any number of choices: (right picks - wrong picks) / number of right choices, floor 0."""

    name = MULTIPLE

    def parse(self, raw: Sequence[str], question: Question) -> tuple[int, ...] | None:
        return _parse_indexes(raw, len(question.choices))

    def check(self, question: Question, answer: tuple[int, ...]) -> Result:
        right = set(question.answer)
        picked = {i for i in answer if 0 <= i < len(question.choices)}
        hits = len(picked & right)
        misses = len(picked - right)
        # With nothing right to pick, only an empty answer is right.
        score = max(0.0, (hits - misses) / len(right)) if right else float(not picked)
        marks: list[str | None] = []
        for index in range(len(question.choices)):
            if index in picked:
                marks.append("right" if index in right else "wrong")
            else:
                marks.append("missed" if index in right else None)
        detail = {"selected": sorted(picked), "correct": sorted(right), "choices": marks}
        return _result(score, detail)


class SelectAnswer:
    """Select words: span F1 (see :func:`span_scores`)."""

    name = SELECT

    def parse(self, raw: Sequence[str], question: Question) -> tuple[int, ...] | None:
        return _parse_indexes(raw, len(question.words))

    def check(self, question: Question, answer: tuple[int, ...]) -> Result:
        selected = [i for i in answer if 0 <= i < len(question.words)]
        precision, recall, f1 = span_scores(question.gold, selected)
        detail = feedback_for_selection(question, selected)
        detail.update(precision=precision, recall=recall)
        return _result(f1, detail)


ANSWER_TYPES: dict[str, AnswerType] = {
    answer_type.name: answer_type for answer_type in (ChoiceAnswer(), MultipleAnswer(), SelectAnswer())
}


def score_answer(question: Question, answer: tuple[int, ...]) -> Result:
    return ANSWER_TYPES[question.type].check(question, answer)


def runs(indexes: Iterable[int]) -> list[tuple[int, int]]:
    """Adjacent indexes grouped into spans [start, end), in order."""
    spans: list[tuple[int, int]] = []
    for index in sorted(set(indexes)):
        if spans and spans[-1][1] == index:
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans


def _gold_spans(gold: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end in gold if end > start]


def span_scores(gold: Sequence[tuple[int, int]], selected: Iterable[int]) -> tuple[float, float, float]:
    """(precision, recall, F1) of a word selection against gold word spans [start, end).

    With no gold span the answer is right whatever was selected (1, 1, 1); the
    generator never makes such a question.  An empty selection scores 0.
    """
    gold_spans = _gold_spans(gold)
    if not gold_spans:
        return (1.0, 1.0, 1.0)
    chosen = set(selected)
    selected_spans = runs(chosen)
    if not selected_spans:
        return (0.0, 0.0, 0.0)
    gold_words = {i for start, end in gold_spans for i in range(start, end)}
    recall = sum(len(chosen.intersection(range(s, e))) / (e - s) for s, e in gold_spans) / len(gold_spans)
    precision = sum(len(gold_words.intersection(range(s, e))) / (e - s) for s, e in selected_spans) / len(
        selected_spans
    )
    if precision + recall == 0:
        return (precision, recall, 0.0)
    return (precision, recall, 2 * precision * recall / (precision + recall))


def feedback_for_selection(question: Question, selected: Iterable[int]) -> dict[str, Any]:
    """What to show after a select-words answer.

    ``gold``: each right span with ``found`` (at least half its words selected);
    ``extra``: runs of selected words outside every gold span; ``words``: per
    word "hit" (selected, in gold), "missed" (in gold, not selected), "extra"
    (selected, not in gold) or None.
    """
    word_count = len(question.words)
    chosen = {i for i in selected if 0 <= i < word_count}
    gold_spans = _gold_spans(question.gold)
    gold_words = {i for start, end in gold_spans for i in range(start, end)}

    def text(start: int, end: int) -> str:
        return " ".join(question.words[start:end])

    gold_feedback = []
    for start, end in gold_spans:
        hits = len(chosen.intersection(range(start, end)))
        gold_feedback.append(
            {
                "start": start,
                "end": end,
                "text": text(start, end),
                "selected": hits,
                "found": 2 * hits >= end - start,
            }
        )
    extra = [{"start": s, "end": e, "text": text(s, e)} for s, e in runs(chosen - gold_words)]
    marks: list[str | None] = []
    for index in range(word_count):
        if index in gold_words:
            marks.append("hit" if index in chosen else "missed")
        else:
            marks.append("extra" if index in chosen else None)
    return {"gold": gold_feedback, "extra": extra, "words": marks}


def skill_totals(items: Iterable[tuple[str, float, float]]) -> dict[str, tuple[float, float]]:
    """Sum (skill, score, max) items per skill; every skill appears, with (0, 0) if unused."""
    totals: dict[str, tuple[float, float]] = {skill: (0.0, 0.0) for skill in SKILLS}
    for skill, score, maximum in items:
        got, possible = totals.get(skill, (0.0, 0.0))
        totals[skill] = (got + score, possible + maximum)
    return totals
