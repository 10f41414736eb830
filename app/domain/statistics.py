"""Class statistics: gradebook states, skill percentages and item analysis.

Pure Python over plain data: the dashboard service loads a class's attempts and
answers in a fixed number of queries and everything here is computed in memory.

Item analysis follows Moodle's quiz statistics:

* **facility** is the mean score of a question (0..1) over the kept attempts;
* **discrimination** is the Pearson correlation between the score on the question
  and the score on the rest of the attempt (the attempt's total minus this
  question), so a question does not correlate with itself.  It is undefined
  (None) with fewer than two attempts or when either side does not vary.

Only kept attempts count (the best submitted attempt of each student), so a
student who tried five times weighs as much as one who tried once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from app.domain import deadlines
from app.domain.article import HEADLINE_BLOCK, Article, Vocabulary
from app.domain.confidence import CONFIDENCE_LEVELS
from app.domain.generate import KINDS
from app.domain.question import CHOICE, SELECT, Question
from app.domain.scoring import EPSILON, core_words, little_words, skill_totals, span_found

# Gradebook states, in the words the teacher reads (a student's list of assignments uses the first
# three; on time, late and missing are the due-date rules' own states).
NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
SUBMITTED = "submitted"  # handed in, and there is no due date
ON_TIME = deadlines.ON_TIME  # handed in by the (student's) due date
LATE = deadlines.LATE  # handed in after the due date
MISSING = deadlines.MISSING  # not handed in, and the due date has passed
STATES: tuple[str, ...] = (NOT_STARTED, IN_PROGRESS, SUBMITTED, ON_TIME, LATE, MISSING)

# Moodle's usual thresholds: below these a question deserves a second look.
FACILITY_REVIEW = 0.3
DISCRIMINATION_REVIEW = 0.2
FLAG_HARD = "Hard: facility below 0.3"
FLAG_DISCRIMINATION = "Weak discrimination: below 0.2"

# Shading steps of the article heatmap (0 = nobody selected the word).
HEAT_LEVELS = 10

# Choice questions whose wrong picks say which idea was taken for which.
# Kinds whose wrong choices name a confusion (a label taken for another), and what each select
# kind asks to find: both declared on the kind itself (generate.KINDS).
CONFUSION_KINDS: dict[str, str] = {name: k.confusion_title for name, k in KINDS.items() if k.confusion_title}
ASKED_FOR: dict[str, str] = {name: k.asked_for for name, k in KINDS.items() if k.asked_for}


# --- Small numeric helpers -------------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    """The arithmetic mean, None for no values."""
    items = list(values)
    return sum(items) / len(items) if items else None


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's correlation coefficient; None with fewer than two pairs or a constant side."""
    if len(xs) != len(ys):
        raise ValueError("pearson() needs two sequences of the same length")
    n = len(xs)
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx = sum(d * d for d in dx)
    syy = sum(d * d for d in dy)
    # Float sums of equal values can leave a tiny non-zero variance: treat it as none.
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum(a * b for a, b in zip(dx, dy, strict=True))
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def facility(fractions: Iterable[float]) -> float | None:
    """Mean score of a question as a fraction of its maximum (0..1); None with no attempts."""
    return mean(fractions)


def discrimination(question_scores: Sequence[float], attempt_totals: Sequence[float]) -> float | None:
    """Correlation of the question's score with the rest of the attempt (total minus the question)."""
    rest = [total - score for score, total in zip(question_scores, attempt_totals, strict=True)]
    return pearson(question_scores, rest)


def percent(score: float, maximum: float) -> float | None:
    return 100.0 * score / maximum if maximum else None


def skill_percentages(items: Iterable[tuple[str, float, float]]) -> dict[str, float | None]:
    """Percent per skill from (skill, score, max) items: sum of scores / sum of maxima.

    A skill nobody was asked about is None (not 0%: there is nothing to report).
    """
    return {skill: percent(got, possible) for skill, (got, possible) in skill_totals(items).items()}


def heat_level(share: float) -> int:
    """The shading step of a share in 0..1: 0 only for nobody, so any selection shows."""
    if share <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, round(share * HEAT_LEVELS)))


T = TypeVar("T")


def sort_blanks_last(items: Iterable[T], key: Callable[[T], Any], descending: bool = False) -> list[T]:
    """Sort by ``key``; items whose key is None go last in either direction."""
    items = list(items)
    present = [item for item in items if key(item) is not None]
    blank = [item for item in items if key(item) is None]
    return sorted(present, key=key, reverse=descending) + blank


# --- Gradebook states ------------------------------------------------------------------------


def assignment_state(
    due_at: datetime | None,
    kept_submitted_at: datetime | None,
    started: bool,
    now: datetime,
) -> str:
    """The state of one student's assignment.

    ``due_at`` is the student's own due date (``deadlines.effective_due``: an extension
    or the class's); ``kept_submitted_at`` is when the kept (best submitted) attempt was
    handed in, None if nothing was submitted; ``started`` whether any attempt exists.
    Late means handed in after the due date; missing means not handed in once the due
    date has passed (started or not).  Handing in exactly at the due time is on time.
    """
    state = deadlines.submission_state(due_at, kept_submitted_at, now)
    if state == deadlines.ON_TIME:
        return SUBMITTED if due_at is None else ON_TIME
    if state == deadlines.LATE:
        return LATE
    if state == deadlines.MISSING:
        return MISSING
    return IN_PROGRESS if started else NOT_STARTED


def gradebook_average(
    cells: Iterable[tuple[float | None, str]], missing_as_zero: bool = False
) -> float | None:
    """The mean of kept percents over (percent, state) cells; None when there is none.

    Work not handed in has no percent and is left out, unless ``missing_as_zero``: then
    missing work (due date passed, nothing handed in) counts as 0%.  Work not yet due
    is never counted.
    """
    values: list[float] = []
    for value, state in cells:
        if value is not None:
            values.append(value)
        elif missing_as_zero and state == MISSING:
            values.append(0.0)
    return mean(values)


# --- Calibration: how sure students were against how they did --------------------------------


@dataclass(frozen=True)
class CalibrationLevel:
    """The answers given at one confidence level: how many, how many fully right, their score."""

    level: str
    label: str
    answers: int = 0
    right: int = 0
    score: float = 0.0  # the sum of the answers' scores as fractions of their maxima

    @property
    def right_percent(self) -> float | None:
        """How often an answer at this level was fully right; None with no answers."""
        return percent(self.right, self.answers)

    @property
    def score_percent(self) -> float | None:
        """The mean score of these answers (partly right answers count in part)."""
        return percent(self.score, self.answers)


@dataclass(frozen=True)
class Calibration:
    levels: tuple[CalibrationLevel, ...]  # every level, least sure first, even with no answers
    unrated: int = 0  # answers given without a rating

    @property
    def rated(self) -> int:
        return sum(level.answers for level in self.levels)

    def level(self, name: str) -> CalibrationLevel:
        return next(level for level in self.levels if level.level == name)


def calibration(answers: Iterable[ScoredAnswer]) -> Calibration:
    """Count answers per confidence level with how often they were right.

    An answer is right when it earned its full marks; the mean score shows partly right
    select-words answers too.  A level nobody chose has 0 answers and no percentages.
    """
    counts: Counter[str] = Counter()
    rights: Counter[str] = Counter()
    scores: dict[str, float] = {}
    unrated = 0
    for answer in answers:
        level = answer.confidence
        if level is None or level not in CONFIDENCE_LEVELS:
            unrated += 1
            continue
        counts[level] += 1
        rights[level] += int(answer.fraction >= 1 - EPSILON)
        scores[level] = scores.get(level, 0.0) + answer.fraction
    return Calibration(
        tuple(
            CalibrationLevel(level, label, counts[level], rights[level], scores.get(level, 0.0))
            for level, label in CONFIDENCE_LEVELS.items()
        ),
        unrated,
    )


# --- Item analysis ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoredAnswer:
    """One stored answer: the choice or word indexes and the score they earned."""

    answer: tuple[int, ...]
    score: float
    max_score: float = 1.0
    confidence: str | None = None  # how sure the student said they were (app.domain.confidence)

    @property
    def fraction(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0


# One kept attempt's answers by question position; a missing position was not answered.
AttemptAnswers = Mapping[int, ScoredAnswer]


@dataclass(frozen=True)
class ItemStatistics:
    position: int  # 0-based
    question: Question
    attempts: int  # kept attempts counted
    answered: int  # of which answered this question
    facility: float | None
    discrimination: float | None
    choice_counts: tuple[int, ...] = ()  # per choice: answers that picked it
    gold_found: tuple[int, ...] = ()  # per gold span: answers that found it
    flags: tuple[str, ...] = ()

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def unanswered(self) -> int:
        return self.attempts - self.answered


def review_flags(facility_value: float | None, discrimination_value: float | None) -> tuple[str, ...]:
    """Why a question needs a second look; nothing when a value is unknown."""
    flags = []
    if facility_value is not None and facility_value < FACILITY_REVIEW:
        flags.append(FLAG_HARD)
    if discrimination_value is not None and discrimination_value < DISCRIMINATION_REVIEW:
        flags.append(FLAG_DISCRIMINATION)
    return tuple(flags)


def choice_counts(question: Question, answers: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    """How many answers picked each choice (an answer with several choices counts for each)."""
    counts = [0] * len(question.choices)
    for answer in answers:
        for index in set(answer):
            if 0 <= index < len(counts):
                counts[index] += 1
    return tuple(counts)


def gold_found_counts(question: Question, selections: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    """For each gold span of a select question, how many selections found it."""
    spans = [(start, end) for start, end in question.gold if end > start]
    cores = core_words(question)
    little = little_words(question.words)
    counts = [0] * len(spans)
    for selection in selections:
        chosen = set(selection)
        for index, span in enumerate(spans):
            if span_found(span, question.keys, chosen, cores, little):
                counts[index] += 1
    return tuple(counts)


def item_analysis(questions: Sequence[Question], attempts: Sequence[AttemptAnswers]) -> list[ItemStatistics]:
    """Facility, discrimination and answer spread of every question over the kept attempts.

    An unanswered question scores 0 in a submitted attempt, as it does in the
    attempt's total.
    """
    totals = [sum(answer.score for answer in attempt.values()) for attempt in attempts]
    result = []
    for position, question in enumerate(questions):
        answers = [attempt[position] for attempt in attempts if position in attempt]
        scores = [attempt[position].score if position in attempt else 0.0 for attempt in attempts]
        fractions = [attempt[position].fraction if position in attempt else 0.0 for attempt in attempts]
        facility_value = facility(fractions)
        discrimination_value = discrimination(scores, totals)
        given = [answer.answer for answer in answers]
        result.append(
            ItemStatistics(
                position=position,
                question=question,
                attempts=len(attempts),
                answered=len(answers),
                facility=facility_value,
                discrimination=discrimination_value,
                choice_counts=choice_counts(question, given) if question.type != SELECT else (),
                gold_found=gold_found_counts(question, given) if question.type == SELECT else (),
                flags=review_flags(facility_value, discrimination_value),
            )
        )
    return result


# --- Confusions ------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ChoiceConfusion:
    """A wrong choice picked instead of the right one."""

    kind: str
    right: str
    picked: str


def choice_confusions(question: Question, answers: Iterable[tuple[int, ...]]) -> Counter[ChoiceConfusion]:
    """Count the wrong picks of a one-choice question by (right choice, picked choice).

    Only questions with one right answer: with several right choices there is
    no single answer a wrong pick was taken for.
    """
    confusions: Counter[ChoiceConfusion] = Counter()
    if question.type != CHOICE or len(question.answer) != 1:
        return confusions
    right = question.choices[question.answer[0]]
    for answer in answers:
        for index in set(answer):
            if index != question.answer[0] and 0 <= index < len(question.choices):
                confusions[ChoiceConfusion(question.kind, right, question.choices[index])] += 1
    return confusions


@dataclass(frozen=True)
class Region:
    """An annotated stretch of the words a select question shows, in the question's word indexes."""

    kind: str  # source | claim | cue | framing
    name: str  # what it is: "claim (Hedged)", "framing (Loaded language)", "source mention (CNN)"
    start: int
    end: int
    quote: str

    @property
    def short_name(self) -> str:
        """The kind of annotation without particulars (which source, which technique), for a class."""
        return self.name if self.kind == "claim" else _SHORT_NAMES.get(self.kind, self.kind)


_SHORT_NAMES = {"source": "source mention", "cue": "hedge word", "framing": "framing"}


@dataclass(frozen=True)
class ExtraGroup:
    """Words marked outside gold that fall in one annotation (or in none, when region is None)."""

    region: Region | None
    answers: int  # answers that marked at least one such word
    words: int  # word marks in total


def extra_word_groups(
    question: Question, selections: Iterable[tuple[int, ...]], regions: Sequence[Region]
) -> list[ExtraGroup]:
    """Words selected that are not gold, grouped by the annotation they belong to.

    A word inside two annotations (a framed phrase inside a claim) counts for
    both.  Extra words in no annotation form a last group with ``region=None``.
    Groups nobody fell into are left out; the rest are sorted by answers, most first.
    """
    gold_words = {i for start, end in question.gold for i in range(start, end)}
    per_region_answers = [0] * len(regions)
    per_region_words = [0] * len(regions)
    outside_answers = 0
    outside_words = 0
    for selection in selections:
        extra = set(selection) - gold_words
        if not extra:
            continue
        covered: set[int] = set()
        for index, region in enumerate(regions):
            inside = extra.intersection(range(region.start, region.end))
            if inside:
                per_region_answers[index] += 1
                per_region_words[index] += len(inside)
                covered |= inside
        rest = extra - covered
        if rest:
            outside_answers += 1
            outside_words += len(rest)
    groups = [
        ExtraGroup(region, per_region_answers[i], per_region_words[i])
        for i, region in enumerate(regions)
        if per_region_answers[i]
    ]
    groups.sort(key=lambda group: (-group.answers, -group.words))
    if outside_answers:
        groups.append(ExtraGroup(None, outside_answers, outside_words))
    return groups


@dataclass(frozen=True, order=True)
class SelectConfusion:
    """Asked for one thing, marked words of another annotation."""

    asked: str  # what the question asked for (ASKED_FOR)
    marked: str  # what the extra words were ("claim (Hedged)", "framing", "words in no annotation")


def select_confusions(question: Question, groups: Iterable[ExtraGroup]) -> Counter[SelectConfusion]:
    """The extra-word groups of one question, counted by (asked for, kind of annotation marked)."""
    asked = ASKED_FOR.get(question.kind, question.kind.replace("_", " "))
    counts: Counter[SelectConfusion] = Counter()
    for group in groups:
        marked = group.region.short_name if group.region is not None else "words in no annotation"
        counts[SelectConfusion(asked, marked)] += group.answers
    return counts


def annotation_regions(question: Question, article: Article, vocabulary: Vocabulary) -> list[Region]:
    """The article's annotations that fall within the words a select question shows.

    Questions that show part of a block (a single claim) record where it starts
    in ``extra["offset"]``; spans are moved into the question's word indexes and
    clipped to them.
    """
    if question.type != SELECT or question.block is None:
        return []
    block = question.block
    offset = int(question.extra.get("offset", 0))
    count = len(question.words)
    found: list[tuple[str, str, int, int, str]] = []
    for source in article.sources:
        for mention in source.mentions:
            if mention.block == block:
                name = f"source mention ({source.name})"
                found.append(("source", name, mention.start, mention.end, mention.quote))
    for claim in article.claims:
        if claim.span.block == block:
            found.append(
                (
                    "claim",
                    f"claim ({_label(vocabulary, 'claim', claim.status)})",
                    claim.span.start,
                    claim.span.end,
                    claim.span.quote,
                )
            )
        for cue in claim.cues:
            if cue.block == block:
                found.append(("cue", "hedge word", cue.start, cue.end, cue.quote))
    for item in article.framing:
        if item.span.block == block:
            found.append(
                (
                    "framing",
                    f"framing ({_label(vocabulary, 'technique', item.technique)})",
                    item.span.start,
                    item.span.end,
                    item.span.quote,
                )
            )
    regions = []
    seen: set[tuple[str, int, int]] = set()
    for kind, name, start, end, quote in found:
        start, end = max(0, start - offset), min(count, end - offset)
        if start >= end or (name, start, end) in seen:
            continue
        seen.add((name, start, end))
        regions.append(Region(kind, name, start, end, quote))
    return regions


def _label(vocabulary: Vocabulary, section: str, entry_id: str) -> str:
    lookup = vocabulary.claim_status if section == "claim" else vocabulary.technique
    try:
        return lookup(entry_id).label
    except KeyError:
        return entry_id.replace("_", " ")


def where(block: int | None) -> str:
    """A block index in words: the headline or paragraph n."""
    if block is None:
        return ""
    return "the headline" if block == HEADLINE_BLOCK else f"paragraph {block}"


# --- Heatmap ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatWord:
    index: int
    text: str
    before: str  # the text (spaces, punctuation) before the word
    selected_by: int
    share: float  # of the answers counted, 0..1
    level: int  # heat_level(share)
    gold: bool
    gold_start: bool  # first word of a gold span (for the outline's left edge)
    gold_end: bool  # last word of a gold span


@dataclass(frozen=True)
class Heatmap:
    question: Question
    answers: int  # selections counted (students who answered)
    words: tuple[HeatWord, ...]
    after: str  # text after the last word
    found: tuple[int, ...] = field(default=())  # per gold span, answers that found it

    def segments(self) -> list[tuple[bool, tuple[HeatWord, ...]]]:
        """The words in runs: each gold span on its own (to outline it whole), other words between."""
        runs: list[tuple[bool, list[HeatWord]]] = []
        for word in self.words:
            if runs and runs[-1][0] == word.gold and not word.gold_start:
                runs[-1][1].append(word)
            else:
                runs.append((word.gold, [word]))
        return [(gold, tuple(words)) for gold, words in runs]


def word_shares(word_count: int, selections: Sequence[tuple[int, ...]]) -> list[float]:
    """For each word, the share (0..1) of the selections that contain it; all 0 with none."""
    counts = [0] * word_count
    for selection in selections:
        for index in set(selection):
            if 0 <= index < word_count:
                counts[index] += 1
    total = len(selections)
    return [count / total if total else 0.0 for count in counts]


def heatmap(question: Question, selections: Sequence[tuple[int, ...]]) -> Heatmap:
    """The passage of a select question with each word's share of the class's selections."""
    words = question.words
    shares = word_shares(len(words), selections)
    counts = [0] * len(words)
    for selection in selections:
        for index in set(selection):
            if 0 <= index < len(words):
                counts[index] += 1
    starts = {start for start, end in question.gold if end > start}
    ends = {end - 1 for start, end in question.gold if end > start}
    gold_words = {i for start, end in question.gold for i in range(start, end)}
    gaps = question.gaps
    heat_words = tuple(
        HeatWord(
            index=index,
            text=word,
            before=gaps[index] if index < len(gaps) else " ",
            selected_by=counts[index],
            share=shares[index],
            level=heat_level(shares[index]),
            gold=index in gold_words,
            gold_start=index in starts,
            gold_end=index in ends,
        )
        for index, word in enumerate(words)
    )
    after = gaps[len(words)] if len(gaps) > len(words) else ""
    return Heatmap(question, len(selections), heat_words, after, gold_found_counts(question, selections))
