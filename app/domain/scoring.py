"""Scoring a student's answer to one question, and adding scores up per skill.

Each answer type (one choice, several choices, select words) is an object in
:data:`ANSWER_TYPES` that parses raw form values and checks a parsed answer.

Select-words questions are marked the way a teacher marks them on paper (see
:func:`mark_selection`): each right passage counts as found when its key words are
selected, words right next to a right passage cost nothing, and every other wrong
word costs its share of the marks, so selecting everything earns nothing.
"""

from __future__ import annotations

import math
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
    """Select words: found spans times the share of wrong words left alone (see :func:`selection_score`)."""

    name = SELECT

    def parse(self, raw: Sequence[str], question: Question) -> tuple[int, ...] | None:
        return _parse_indexes(raw, len(question.words))

    def check(self, question: Question, answer: tuple[int, ...]) -> Result:
        selected = [i for i in answer if 0 <= i < len(question.words)]
        marking = mark_selection(
            len(question.words),
            question.gold,
            question.keys,
            selected,
            free_words(question),
            core_words(question),
            little_words(question.words),
        )
        detail = feedback_for_selection(question, selected, marking)
        detail.update(found_share=marking.found_share, wrong_share=marking.wrong_share)
        return _result(marking.score, detail)


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


# Words this close to a right span cost nothing: "said that" for "said", a name beside a verb.
NEAR = 2
# With fewer wrong words than this left after the allowance, the allowance shrinks, never below one
# word each side: a word right beside the answer never costs (the generator asks nothing where one
# word each side leaves too few words to tell a careful reader from a guesser).  It shrinks before
# the answer first: the words after a hedge or a reporting verb finish its phrase ("could [run dry]",
# "said [in a] statement"), so a careful reader selects them more often than the words before it.
MIN_WRONG_WORDS = 3
# Fewer words to mark than this, and a wrong word costs less than its share (see Marking.wrong_share).
SHORT_PASSAGE_WORDS = 8
# The most that wrong words cost in such a passage, short of selecting all of it.
SHORT_PASSAGE_MOST_COST = 0.75
# (words before, words after) each right span that cost nothing, tried in turn.
_ALLOWANCES = ((NEAR, NEAR), (1, NEAR), (1, 1))


@dataclass(frozen=True)
class Marking:
    """How a word selection was marked: per right span its credit, and the wrong words.

    ``credits``: per gold span, 1 when it counts as found (its key words selected, or at
    least half its words when it has no key), else the share of the way there.
    ``near``: words next to a right span (selected or not), which cost nothing.
    ``wrong_words``: the other words outside every right span; ``wrong_selected`` of them
    were selected.
    """

    credits: tuple[float, ...]
    near: frozenset[int]
    wrong_words: int
    wrong_selected: int
    # Every word that is not right was selected: the passage selected whole, a guess.
    everything: bool = False

    @property
    def found_share(self) -> float:
        return sum(self.credits) / len(self.credits) if self.credits else 1.0

    @property
    def wrong_share(self) -> float:
        """The share of the marks the wrong words cost: their share of the words to mark, where
        there are SHORT_PASSAGE_WORDS of them or more.  With fewer, one wrong word would cost a third
        or a quarter (a careful reader who also took "the limit" of "may extend the limit" lost a
        third, reviews 377, 381, 387, 392), so the first costs what it would among
        SHORT_PASSAGE_WORDS and the cost grows faster after it, up to SHORT_PASSAGE_MOST_COST: "could
        be released on the island" for "could" in "could be released on the island as early as 2028"
        took all three words to mark and scored nothing (review 425).  Selecting the whole passage
        still costs everything."""
        if not self.wrong_words:
            return 0.0
        share = self.wrong_selected / self.wrong_words
        if self.wrong_words >= SHORT_PASSAGE_WORDS or self.wrong_words < 2:
            return share
        cost = float(share ** (math.log(SHORT_PASSAGE_WORDS) / math.log(self.wrong_words)))
        return cost if self.everything else min(cost, SHORT_PASSAGE_MOST_COST)

    @property
    def score(self) -> float:
        return self.found_share * (1.0 - self.wrong_share)


# A core: (how many of its words find the span, the word indexes that count).
Core = tuple[int, tuple[int, ...]]


# Words that alone find no part of a right span: "to" of "expected to" is no hedge found (reviews
# 210, 214: it earned half marks).  They still count once a word that means something is chosen.
# Not kinds.base.FUNCTION_WORDS: that holds "may", "could" and "every", which are hedges or framing.
LITTLE_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "that", "and", "or", "as"}
)


_PUNCTUATION = ".,;:!?\"'“”‘’()[]"


def little_words(words: Sequence[str]) -> frozenset[int]:
    """Indexes of the passage's LITTLE_WORDS."""
    return frozenset(i for i, word in enumerate(words) if word.strip(_PUNCTUATION).lower() in LITTLE_WORDS)


def span_credit(
    span: tuple[int, int],
    keys: Iterable[tuple[int, int]],
    chosen: set[int],
    cores: Iterable[Core] = (),
    little: frozenset[int] = frozenset(),
) -> float:
    """Credit for one right span: the share of its key words selected, where it has key words (its
    plain words earn nothing: "its library and its bus station" of "stripped of its library and its
    bus station", key "stripped", earned 0.375, review 227); with no key word given, enough words of
    its cores (any two meaning words of a long framing span; its other words earn nothing unless all
    are selected, review 420), or else half of its words, is 1; less earns the share of the way there.
    ``little`` words (see LITTLE_WORDS) earn nothing on their own."""
    start, end = span
    inside = set(range(start, end))
    if inside - little and not (chosen & inside) - little:
        chosen = chosen - little
    # Each key phrase its equal share, whatever its length: "Every time" and "lake", the two phrases a
    # note quotes of "Every time it rains hard, that field turns into a lake", each find half of it
    # ("lake" earned a third, review 453).
    key_spans = [set(range(s, e)) & inside for s, e in keys]
    key_spans = [words for words in key_spans if words]
    if key_spans:
        return sum(len(chosen & words) / len(words) for words in key_spans) / len(key_spans)
    hits = len(chosen & inside)
    # A core belongs to the span its first word is in; its other words may stand outside it (a
    # source's second reporting verb, later in the sentence, finds that the source said it).
    own = [(need, set(words)) for need, words in cores if need > 0 and words and min(words) in inside]
    if own:
        found = sum(min(1.0, len(chosen & words) / need) for need, words in own) / len(own)
        return 1.0 if inside <= chosen else found
    return min(1.0, hits / math.ceil((end - start) / 2))


def mark_selection(
    word_count: int,
    gold: Sequence[tuple[int, int]],
    keys: Sequence[tuple[int, int]],
    selected: Iterable[int],
    free: Sequence[tuple[int, int]] = (),
    cores: Sequence[Core] = (),
    little: frozenset[int] = frozenset(),
) -> Marking:
    """Mark a selection of words against the right spans.

    The score is the share of the right spans found, times the share of the other words
    that were left alone.  Words within ``NEAR`` words of a right span, and ``free`` words
    (a speaker's role right beside an attribution), are neither right nor wrong; ``cores`` say
    which words find a right span that has no key words (see :func:`span_credit`).  So the key
    words alone earn full marks, a word or two too many next to the answer costs nothing, each
    wrong word elsewhere costs its share, and selecting everything earns nothing.
    """
    chosen = {i for i in selected if 0 <= i < word_count}
    spans = _gold_spans(gold)
    gold_words = {i for start, end in spans for i in range(start, end)}
    freely = {i for start, end in free for i in range(max(0, start), min(word_count, end))} - gold_words
    # In a short passage the allowance shrinks, so "is expected to" for "expected to" in eight
    # words still costs nothing.
    for before, after in _ALLOWANCES:
        near = {
            i
            for start, end in spans
            for i in range(max(0, start - before), min(word_count, end + after))
            if i not in gold_words
        } | freely
        if word_count - len(gold_words) - len(near) >= MIN_WRONG_WORDS:
            break
    wrong = set(range(word_count)) - gold_words - near
    credits = tuple(span_credit(span, keys, chosen, cores, little) for span in spans)
    everything = set(range(word_count)) - gold_words <= chosen
    return Marking(credits, frozenset(near), len(wrong), len(chosen & wrong), everything)


def free_words(question: Question) -> list[tuple[int, int]]:
    """Word spans a question lets students select at no cost (``extra["free"]``)."""
    return [(int(s), int(e)) for s, e in question.extra.get("free", ())]


def core_words(question: Question) -> list[Core]:
    """Cores of right spans without key words (``extra["cores"]``): [need, [word indexes]]."""
    return [(int(need), tuple(int(i) for i in words)) for need, words in question.extra.get("cores", ())]


def span_found(
    span: tuple[int, int],
    keys: Iterable[tuple[int, int]],
    chosen: set[int],
    cores: Iterable[Core] = (),
    little: frozenset[int] = frozenset(),
) -> bool:
    return span_credit(span, keys, chosen, cores, little) >= 1 - EPSILON


def feedback_for_selection(
    question: Question, selected: Iterable[int], marking: Marking | None = None
) -> dict[str, Any]:
    """What to show after a select-words answer.

    ``gold``: each right span with ``found``; ``extra``: runs of selected words outside
    every right span (``near`` ones cost nothing); ``words``: per word "hit" (selected,
    right), "missed" (right, not selected), "near" (selected, next to a right span, free),
    "extra" (selected, wrong) or None.
    """
    word_count = len(question.words)
    chosen = {i for i in selected if 0 <= i < word_count}
    if marking is None:
        marking = mark_selection(
            word_count,
            question.gold,
            question.keys,
            chosen,
            free_words(question),
            core_words(question),
            little_words(question.words),
        )
    gold_spans = _gold_spans(question.gold)
    gold_words = {i for start, end in gold_spans for i in range(start, end)}

    def text(start: int, end: int) -> str:
        return " ".join(question.words[start:end])

    gold_feedback = []
    for (start, end), credit in zip(gold_spans, marking.credits, strict=True):
        gold_feedback.append(
            {
                "start": start,
                "end": end,
                "text": text(start, end),
                "selected": len(chosen.intersection(range(start, end))),
                "found": credit >= 1 - EPSILON,
            }
        )
    extra = [
        {"start": s, "end": e, "text": text(s, e), "free": all(i in marking.near for i in range(s, e))}
        for s, e in runs(chosen - gold_words)
    ]
    marks: list[str | None] = []
    for index in range(word_count):
        if index in gold_words:
            marks.append("hit" if index in chosen else "missed")
        elif index in chosen:
            marks.append("near" if index in marking.near else "extra")
        else:
            marks.append(None)
    return {"gold": gold_feedback, "extra": extra, "words": marks}


def skill_totals(items: Iterable[tuple[str, float, float]]) -> dict[str, tuple[float, float]]:
    """Sum (skill, score, max) items per skill; every skill appears, with (0, 0) if unused."""
    totals: dict[str, tuple[float, float]] = {skill: (0.0, 0.0) for skill in SKILLS}
    for skill, score, maximum in items:
        got, possible = totals.get(skill, (0.0, 0.0))
        totals[skill] = (got + score, possible + maximum)
    return totals
