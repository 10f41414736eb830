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
    only listed at the top of the page.
    """
    lines = [SourceLine(number, line) for number, line in enumerate(text.splitlines(), start=1)]
    unplaced: list[Problem] = []
    for problem in problems:
        if 1 <= problem.line <= len(lines):
            lines[problem.line - 1].problems.append(problem)
        else:
            unplaced.append(problem)
    if len(lines) <= MAX_LINES_SHOWN:
        return list(lines), unplaced
    wanted = {
        number
        for line in lines
        if line.problems
        for number in range(line.number - CONTEXT_LINES, line.number + CONTEXT_LINES + 1)
    }
    shown: list[SourceLine | SkippedLines] = []
    skipped_from: int | None = None
    for line in lines:
        if line.number in wanted:
            if skipped_from is not None:
                shown.append(SkippedLines(skipped_from, line.number - 1))
                skipped_from = None
            shown.append(line)
        elif skipped_from is None:
            skipped_from = line.number
    if skipped_from is not None:
        shown.append(SkippedLines(skipped_from, len(lines)))
    return shown, unplaced
