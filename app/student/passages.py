"""Template helpers for showing passages word by word (used by app/templates/quiz/_question.html).

A passage is a list of words with the text between them (``gaps``, one more than
the words).  To mark some words (the part a question is about, the right answer,
what a student found, missed or added) the template asks for *runs*: consecutive
words that share one mark, so each marked stretch is one element with one text
label, however many words it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# How each verdict is shown: words and a symbol, never colour alone.
VERDICTS: dict[str, tuple[str, str]] = {
    "right": ("Right", "✓"),
    "partial": ("Partly right", "◐"),
    "wrong": ("Wrong", "✗"),
}
# The text label of each passage mark, read out with the marked words.
MARK_LABELS: dict[str, str] = {
    "focus": "the part the question is about",
    "gold": "right answer",
    "hit": "found",
    "missed": "missed",
    "extra": "extra",
    "near": "next to the answer, no marks lost",
}


@dataclass(frozen=True)
class WordRun:
    start: int  # first word index
    end: int  # one past the last word
    mark: str | None


def word_runs(marks: Sequence[str | None]) -> list[WordRun]:
    """Consecutive words with the same mark grouped into runs, covering every word in order."""
    runs: list[WordRun] = []
    for index, mark in enumerate(marks):
        if runs and runs[-1].mark == mark:
            runs[-1] = WordRun(runs[-1].start, index + 1, mark)
        else:
            runs.append(WordRun(index, index + 1, mark))
    return runs


def range_marks(word_count: int, spans: Iterable[Sequence[int]], mark: str) -> list[str | None]:
    """``mark`` on the words inside any of the [start, end) spans, None elsewhere."""
    marks: list[str | None] = [None] * word_count
    for start, end in spans:
        for index in range(max(0, start), min(end, word_count)):
            marks[index] = mark
    return marks


def points(value: float | None) -> str:
    """A score for people: 1, 0.5, 0.67 (never 0.6666666)."""
    if value is None:
        return "–"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"
