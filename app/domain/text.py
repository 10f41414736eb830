"""Text handling shared by the validator, the generator and scoring.

An article is split into *blocks*: block 0 is the headline, blocks 1..n are the
paragraphs.  Each block is cut into words; punctuation and white space are kept
between the words (as *gaps*) so the block can be rendered exactly, but they are
never words themselves, so a student selects and is scored on words only.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# Curly quotes and apostrophes map one-to-one onto straight ones, so offsets in
# the matching form of a text are offsets in its display form too.
_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_WHITESPACE = re.compile(r"\s+")
# A word: letters or digits, with inner apostrophes, hyphens or dots ("they'd",
# "anti-ISIS", "U.S").  Everything else is punctuation.
WORD_PATTERN = re.compile(r"\w+(?:['\u2019.\-]\w+)*")


def display_form(text: str) -> str:
    """NFC, with every run of white space folded to one space and trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def match_form(text: str) -> str:
    """The form quotes are matched in: display form with straight quotes."""
    return display_form(text).translate(_STRAIGHTEN)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside one are joined."""
    parts = re.split(r"\n[ \t]*\n", text.strip())
    return [display_form(p) for p in parts if p.strip()]


@dataclass(frozen=True)
class Block:
    """One headline or paragraph, cut into words.

    ``gaps`` has one more item than ``words``: gaps[0] comes before the first word,
    gaps[i + 1] after word i.  ``starts``/``ends`` are character offsets of each
    word in ``text`` (display form).
    """

    text: str
    words: tuple[str, ...]
    gaps: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def from_text(cls, text: str) -> Block:
        text = display_form(text)
        words: list[str] = []
        gaps: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for match in WORD_PATTERN.finditer(text):
            gaps.append(text[position : match.start()])
            words.append(match.group())
            starts.append(match.start())
            ends.append(match.end())
            position = match.end()
        gaps.append(text[position:])
        return cls(text, tuple(words), tuple(gaps), tuple(starts), tuple(ends))

    def word_range(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Word indices [first, last + 1) of the words overlapping a character range."""
        first = bisect.bisect_right(self.ends, start_char)  # first word ending after the range starts
        last = bisect.bisect_left(self.starts, end_char)  # first word starting at or after its end
        return (first, last) if first < last else (0, 0)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Character ranges where ``quote`` occurs on word boundaries (match form)."""
        needle = match_form(quote)
        haystack = match_form(self.text)
        found: list[tuple[int, int]] = []
        if not needle:
            return found
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            before_ok = start == 0 or not _is_word_char(haystack[start - 1]) or not _is_word_char(needle[0])
            after_ok = (
                end == len(haystack) or not _is_word_char(haystack[end]) or not _is_word_char(needle[-1])
            )
            if before_ok and after_ok:
                found.append((start, end))
            start = haystack.find(needle, start + 1)
        return found

    def slice(self, start: int, end: int) -> Block:
        """The words [start, end) as a block of their own (used to show one claim)."""
        if start >= end:
            return Block("", (), ("",), (), ())
        first_char = self.starts[start]
        last_char = self.ends[end - 1]
        return Block.from_text(self.text[first_char:last_char])


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def count_words(text: str) -> int:
    return len(WORD_PATTERN.findall(display_form(text)))
