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
from typing import Any

from flask import current_app
from markupsafe import Markup

from app.domain.cache import LRUCache
from app.domain.text import Block

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


# An article version's text never changes, so its HTML (with one question's part marked) is
# rendered once per process: a quiz page then only renders its question.  Keyed by the
# version's content hash and what the marks depend on; a quiz asks at most a few dozen of them.
_ArticleKey = tuple[str, tuple[int, ...] | None, int | None, str]
_article_html: LRUCache[_ArticleKey, Markup] = LRUCache(maxsize=1024)


def article_html(
    article_key: str,
    blocks: Sequence[Block],
    focus: Sequence[int] | None = None,
    asked_block: int | None = None,
    id_prefix: str = "article",
) -> Markup:
    """``render_article`` of quiz/_question.html for the article with content hash ``article_key``."""
    key = (article_key, tuple(focus) if focus else None, asked_block, id_prefix)
    html = _article_html.get(key)
    if html is None:
        html = _escaped(_question_macros().render_article(blocks, focus, asked_block, id_prefix))
        _article_html.put(key, html)
    return html


# A question's controls are the same for every student who has not answered it yet (the common
# case: each question's first showing), so that HTML is rendered once per process too.  Keyed
# by the quiz (as questions_of keys it), the attempt's order (its seed) and the position.
_QuestionKey = tuple[tuple[object, ...], int | None, int]
_question_html: LRUCache[_QuestionKey, Markup] = LRUCache(maxsize=512)


def question_html(
    quiz_key: tuple[object, ...],
    seed: int | None,
    question: object,
    position: int,
    answered: Sequence[int] | None = None,
    error: str | None = None,
) -> Markup:
    """``render_question`` of quiz/_question.html for a student's page; cached while unanswered."""
    if answered or error:
        return _escaped(
            _question_macros().render_question(question, position, answered=answered, error=error)
        )
    key = (quiz_key, seed, position)
    html = _question_html.get(key)
    if html is None:
        html = _escaped(_question_macros().render_question(question, position))
        _question_html.put(key, html)
    return html


def _question_macros() -> Any:
    """quiz/_question.html's macros (looked up only when a question is rendered, not on a cache hit)."""
    return current_app.jinja_env.get_template("quiz/_question.html").module


def _escaped(rendered: object) -> Markup:
    # Autoescaping is on for .html templates, so a macro's output is already escaped Markup.
    if not isinstance(rendered, Markup):
        raise TypeError("quiz/_question.html must be rendered with autoescaping")
    return rendered
