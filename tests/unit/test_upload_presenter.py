"""An uploaded file with problems, shaped as numbered lines for the problems page."""

from __future__ import annotations

from app.domain.validation import Problem
from app.teacher.presenters import CONTEXT_LINES, MAX_LINES_SHOWN, SkippedLines, SourceLine, numbered_lines


def _problem(line: int, message: str = "wrong") -> Problem:
    return Problem("a.yaml", line, message)


def test_a_short_file_shows_every_line_with_its_problems() -> None:
    shown, unplaced = numbered_lines("a: 1\nb: 2\nc: 3\n", [_problem(2), _problem(2, "again"), _problem(0)])
    assert [(line.number, line.text) for line in shown if isinstance(line, SourceLine)] == [
        (1, "a: 1"),
        (2, "b: 2"),
        (3, "c: 3"),
    ]
    assert [p.message for p in shown[1].problems] == ["wrong", "again"]  # type: ignore[union-attr]
    assert shown[0].problems == []  # type: ignore[union-attr]
    assert [p.line for p in unplaced] == [0]


def test_a_long_file_shows_only_the_lines_near_problems_and_counts_the_rest() -> None:
    total = MAX_LINES_SHOWN * 60
    text = "\n".join(f"k{i}: 1" for i in range(1, total + 1))
    shown, unplaced = numbered_lines(text, [_problem(2), _problem(500), _problem(503), _problem(total + 5)])
    assert [p.line for p in unplaced] == [total + 5]
    numbers = [line.number for line in shown if isinstance(line, SourceLine)]
    near_first = list(range(1, 2 + CONTEXT_LINES + 1))
    near_others = list(range(500 - CONTEXT_LINES, 503 + CONTEXT_LINES + 1))
    assert numbers == near_first + near_others
    assert all(line.text == f"k{line.number}: 1" for line in shown if isinstance(line, SourceLine))
    gaps = [(line.first, line.last) for line in shown if isinstance(line, SkippedLines)]
    assert gaps == [(2 + CONTEXT_LINES + 1, 500 - CONTEXT_LINES - 1), (503 + CONTEXT_LINES + 1, total)]


def test_a_long_file_whose_problem_is_on_its_last_line_ends_with_that_line() -> None:
    total = MAX_LINES_SHOWN + 10
    text = "\n".join("x: 1" for _ in range(total))
    shown, _ = numbered_lines(text, [_problem(total)])
    assert isinstance(shown[0], SkippedLines) and shown[0].first == 1
    assert isinstance(shown[-1], SourceLine) and shown[-1].number == total
    assert shown[-1].problems[0].line == total
