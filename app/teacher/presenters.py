"""Shaping data for teacher pages: an uploaded file as numbered lines with its problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.validation import Problem

# A broken upload can be long; past this many lines only the lines near a problem are shown.
MAX_LINES_SHOWN = 1500
CONTEXT_LINES = 3


@dataclass
class SourceLine:
    number: int
    text: str
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class SkippedLines:
    first: int
    last: int


def decode_for_display(data: bytes) -> str:
    """The uploaded bytes as text to show; undecodable bytes and NULs become U+FFFD."""
    return data.decode("utf-8", errors="replace").replace("\x00", "\ufffd")


def numbered_lines(
    text: str, problems: Iterable[Problem]
) -> tuple[list[SourceLine | SkippedLines], list[Problem]]:
    """The file's lines with each problem attached to its line, and the problems no line can hold.

    A problem on line 0 or past the end (an empty file, a file too big to read) is
    only listed at the top of the page.  Only the lines shown become objects: a hostile file of
    90,000 short lines would otherwise cost the request more than reading it did.
    """
    texts = text.splitlines()
    by_line: dict[int, list[Problem]] = {}
    unplaced: list[Problem] = []
    for problem in problems:
        if 1 <= problem.line <= len(texts):
            by_line.setdefault(problem.line, []).append(problem)
        else:
            unplaced.append(problem)
    if len(texts) <= MAX_LINES_SHOWN:
        return [
            SourceLine(number, line, by_line.get(number, [])) for number, line in enumerate(texts, 1)
        ], unplaced
    wanted = sorted(
        {
            number
            for problem_line in by_line
            for number in range(problem_line - CONTEXT_LINES, problem_line + CONTEXT_LINES + 1)
            if 1 <= number <= len(texts)
        }
    )
    shown: list[SourceLine | SkippedLines] = []
    next_unshown = 1
    for number in wanted:
        if number > next_unshown:
            shown.append(SkippedLines(next_unshown, number - 1))
        shown.append(SourceLine(number, texts[number - 1], by_line.get(number, [])))
        next_unshown = number + 1
    if next_unshown <= len(texts):
        shown.append(SkippedLines(next_unshown, len(texts)))
    return shown, unplaced
