"""What a text speaks of, by the vocabulary's ``subject_groups``: words that speak of one subject
("bus", "route", "timetable").  A record named with a word of a group is about what the group's other
words speak of, so the kinds can tell a record that fits the words from one that cannot."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.text import match_form

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _words(text: str) -> list[str]:
    """The text's words, lowercase, without a possessive ending ("water" of "Severnbrook Water's")."""
    return [word.removesuffix("'s") for word in _WORD.findall(match_form(text).casefold())]


def subjects_of(text: str, groups: Sequence[frozenset[str]]) -> set[int]:
    """The groups (by index) that a word of ``text``, or two words together ("car park"), belong to."""
    words = _words(text)
    found = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return {index for index, group in enumerate(groups) if group & found}


def record_subjects(label: str, groups: Sequence[frozenset[str]]) -> set[int]:
    """What a record's name says it is about: its plain words, not its owner's ("trauma" of "the
    hospital's trauma report", "rainfall" of "the Met Office rainfall figures", "timetable" of "the
    timetable on Vantage Buses' website"), nor the words of a name ("Kestrel Water's annual report"
    is about nothing in particular)."""
    words = label.split()
    named = [word for word in words if match_form(word).casefold() not in _NAME_GLUE]
    if named and all(word[:1].isupper() and not _OWNER.search(match_form(word)) for word in named):
        # A record called by its own name, with no owner and no plain words: "the Fan Price Index" is
        # about prices (review 401: "costs £412" beside it gave the key away).
        return subjects_of(label, groups)
    plain = " ".join(word for word in words if not word[:1].isupper() and not _OWNER.search(match_form(word)))
    return subjects_of(plain, groups)


_OWNER = re.compile(r"(?:'s|s')\Z")
# Words inside a record's own name, or before it, that are no part of what it is about.
_NAME_GLUE = frozenset({"the", "a", "an", "of", "and", "for", "on", "in"})
