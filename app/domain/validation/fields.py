"""Generic checking of YAML fields, shared by the article validator and the vocabulary.

A :class:`FieldChecker` collects the problems of one file (at most ``MAX_PROBLEMS`` shown,
the rest counted) and reads typed values out of the line-numbered tree of
:mod:`app.domain.safe_yaml`, reporting every wrong type, unknown or repeated key on its line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.safe_yaml import Entry, MappingNode, Node, ScalarNode, SequenceNode
from app.domain.text import display_form

ERROR = "error"
WARNING = "warning"

# At most this many problems are shown for one file (a file of 90,000 unknown keys).
MAX_PROBLEMS = 200
# Ids of articles and sources.
ARTICLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID_LENGTH = 100


@dataclass(frozen=True)
class Problem:
    """One finding, printed as ``FILE:LINE: message`` (warnings say so)."""

    path: str
    line: int
    message: str
    severity: str = ERROR  # or WARNING

    def __str__(self) -> str:
        if self.severity == WARNING:
            return f"{self.path}:{self.line}: warning: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


def describe(node: Node) -> str:
    """What a value looks like, in words a teacher knows ("a list", "a number")."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.value is None:
        return "empty"
    if isinstance(node.value, bool):
        return "true/false"
    if isinstance(node.value, int | float):
        return "a number"
    return "text"


def closest(word: str, candidates: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def show(text: str, limit: int = 100) -> str:
    """A quote as it appears in a message: one line, double-quoted, not too long."""
    text = display_form(text)
    if len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    return f'"{text}"'


def join_words(words: Sequence[str], last: str = "and") -> str:
    """Joins words as "a, b and c" (or "a, b or c")."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def is_list_or_empty(node: Node) -> bool:
    """An empty list, or no value at all (anything else is reported as the wrong type)."""
    return isinstance(node, SequenceNode) or (isinstance(node, ScalarNode) and node.value is None)


def valid_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and ARTICLE_ID.match(value) is not None


def id_format_message(what: str, value: str) -> str:
    example = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:MAX_ID_LENGTH] or "my-article-2024"
    if len(value) > MAX_ID_LENGTH:
        return f"{what} is {len(value)} characters long; keep it to {MAX_ID_LENGTH}, e.g. {example!r}"
    return f"{what} {value!r} must use only lowercase letters, digits and hyphens, e.g. {example!r}"


class FieldChecker:
    """Collects problems for one file and reads typed values out of the YAML tree."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.not_shown = 0  # problems past MAX_PROBLEMS, counted only
        self.not_shown_errors = 0
        self.first_not_shown_line = 0
        self._has_errors = False

    def _add(self, problem: Problem) -> None:
        self._has_errors = self._has_errors or problem.severity == ERROR
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
            return
        if not self.not_shown:
            self.first_not_shown_line = problem.line
        self.not_shown += 1
        self.not_shown_errors += problem.severity == ERROR

    def error(self, line: int, message: str) -> None:
        self._add(Problem(self.path, line, message))

    def warning(self, line: int, message: str) -> None:
        self._add(Problem(self.path, line, message, WARNING))

    @property
    def has_errors(self) -> bool:
        return self._has_errors

    @property
    def full(self) -> bool:
        """Whether further problems are only counted, not shown."""
        return len(self.problems) >= MAX_PROBLEMS

    def sorted_problems(self) -> tuple[Problem, ...]:
        shown = sorted(self.problems, key=lambda p: p.line)
        if self.not_shown_errors:
            more = "problem" if self.not_shown == 1 else "problems"
            shown.append(
                Problem(
                    self.path,
                    self.first_not_shown_line,
                    f"and {self.not_shown} more {more} from here on, not shown: "
                    "fix these first, then check again",
                )
            )
        elif self.not_shown:
            # Only warnings left out (a draft's many suggestions): the file is still valid.
            more = "warning" if self.not_shown == 1 else "warnings"
            shown.append(
                Problem(
                    self.path,
                    self.first_not_shown_line,
                    f"and {self.not_shown} more {more} from here on, not shown",
                    WARNING,
                )
            )
        return tuple(shown)

    def fields(
        self, node: Node, kind: str, known: Sequence[str], misplaced: dict[str, str] | None = None
    ) -> dict[str, Entry] | None:
        """The keys of a mapping; reports unknown and repeated keys.  None if not a mapping.

        ``misplaced`` maps keys that are known elsewhere to a message explaining why
        they do not belong here.
        """
        if not isinstance(node, MappingNode):
            self.error(node.line, f"each {kind} must be a mapping (key: value lines), not {describe(node)}")
            return None
        found: dict[str, Entry] = {}
        for entry in node.entries:
            if entry.key in found:
                self.error(
                    entry.line,
                    f"key '{entry.key}' appears twice in this {kind} (first at line "
                    f"{found[entry.key].line}); keep only one",
                )
                continue
            if misplaced and entry.key in misplaced:
                self.error(entry.line, misplaced[entry.key])
            elif entry.key not in known:
                if self.full:
                    self.error(entry.line, "")  # counted only: no suggestion work for an unshown line
                    found[entry.key] = entry
                    continue
                suggestion = closest(entry.key, known)
                hint = f"did you mean '{suggestion}'?" if suggestion else f"known keys: {', '.join(known)}"
                self.error(entry.line, f"unknown key '{entry.key}' in {kind}; {hint}")
            found[entry.key] = entry
        return found

    def require(self, fields: dict[str, Entry], node: Node, where: str, keys: Sequence[str]) -> bool:
        missing = [key for key in keys if key not in fields]
        for key in missing:
            self.error(node.line, f"{where} is missing the required key '{key}'")
        return not missing

    def text(self, entry: Entry | None, where: str) -> str | None:
        """A non-empty piece of text.  Numbers and yes/no count as the text written."""
        if entry is None:
            return None
        node = entry.value
        if not isinstance(node, ScalarNode):
            self.error(entry.line, f"'{entry.key}' in {where} must be text, not {describe(node)}")
            return None
        if node.value is None or not node.text.strip():
            self.error(entry.line, f"'{entry.key}' in {where} is empty")
            return None
        return node.text

    def items(self, entry: Entry | None, where: str, example: str) -> tuple[Node, ...]:
        """The items of a list (an empty value counts as an empty list)."""
        if entry is None:
            return ()
        node = entry.value
        if isinstance(node, SequenceNode):
            return node.items
        if isinstance(node, ScalarNode) and node.value is None:
            return ()
        self.error(entry.line, f"'{entry.key}' in {where} must be a list ({example}), not {describe(node)}")
        return ()

    def positive_int(self, entry: Entry | None, where: str, maximum: int | None = None) -> int | None:
        if entry is None:
            return None
        node = entry.value
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            if maximum is None or value <= maximum:
                return value
            self.error(entry.line, f"'{entry.key}' in {where} must be at most {maximum}, not {value}")
            return None
        shown = node.text if isinstance(node, ScalarNode) else describe(node)
        self.error(entry.line, f"'{entry.key}' in {where} must be a whole number from 1 up, not {shown!r}")
        return None

    def boolean(self, entry: Entry | None, where: str) -> bool | None:
        if entry is None:
            return None
        node = entry.value
        if isinstance(node, ScalarNode) and isinstance(node.value, bool):
            return node.value
        shown = node.text if isinstance(node, ScalarNode) else describe(node)
        self.error(entry.line, f"'{entry.key}' in {where} must be true or false, not {shown!r}")
        return None

    def choice(self, entry: Entry | None, where: str, allowed: Sequence[str]) -> str | None:
        """Text that must be one of a few ids; suggests the closest one."""
        value = self.text(entry, where)
        if value is None or entry is None:
            return None
        if value in allowed:
            return value
        message = f"'{entry.key}' in {where} must be {join_words(allowed, 'or')}, not '{value}'"
        suggestion = closest(value, allowed)
        if suggestion:
            message += f"; did you mean '{suggestion}'?"
        self.error(entry.line, message)
        return None
