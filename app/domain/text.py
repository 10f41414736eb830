"""Text handling shared by the validator, the generator and scoring.

An article is split into *blocks*: block 0 is the headline, blocks 1..n are the
paragraphs.  Each block is cut into words; punctuation and white space are kept
between the words (as *gaps*) so the block can be rendered exactly, but they are
never words themselves, so a student selects and is scored on words only.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
# "anti-ISIS", "U.S"), and a number with thousands commas ("180,000", read as one word).
# Everything else is punctuation.
WORD_PATTERN = re.compile(r"\w+(?:['\u2019.\-]\w+|(?<=\d),\d{3}(?![\w]))*")


def display_form(text: str) -> str:
    """NFC, with every run of white space folded to one space and trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


# Quotes, notes, labels and explanations are matched again and again while a quiz is built (a
# quiz compares every pair of its candidates): short texts are worked out once.
MAX_REMEMBERED_TEXT = 1000


@lru_cache(maxsize=32768)
def _remembered_match_form(text: str) -> str:
    return display_form(text).translate(_STRAIGHTEN)


def match_form(text: str) -> str:
    """The form quotes are matched in: display form with straight quotes."""
    if len(text) <= MAX_REMEMBERED_TEXT:
        return _remembered_match_form(text)
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
        return word_range(self, start_char, end_char)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Character ranges where ``quote`` occurs on word boundaries (match form)."""
        return find_all(match_form(self.text), match_form(quote))

    def text_of(self, start: int, end: int) -> str:
        """The text of the words [start, end): ``slice(start, end).text`` without building a block."""
        return self.text[self.starts[start] : self.ends[end - 1]] if start < end else ""

    def slice(self, start: int, end: int) -> Block:
        """The words [start, end) as a block of their own (used to show one claim)."""
        if start >= end:
            return Block("", (), ("",), (), ())
        first_char = self.starts[start]
        last_char = self.ends[end - 1]
        return Block.from_text(self.text[first_char:last_char])


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def figures(text: str) -> set[str]:
    """The numbers of ``text`` without thousands commas ("£850,000" gives "850000")."""
    return {number.replace(",", "") for number in _FIGURE.findall(text)}


def word_range(block: Block, start_char: int, end_char: int) -> tuple[int, int]:
    """Word indices [first, last + 1) of the words of ``block`` overlapping a character range,
    by binary search (words are sorted and do not overlap)."""
    first = bisect.bisect_right(block.ends, start_char)  # first word ending after the range starts
    last = bisect.bisect_left(block.starts, end_char)  # first word starting at or after its end
    return (first, last) if first < last else (0, 0)


def find_all(
    haystack: str, needle: str, limit: int | None = None, start: int = 0, stop: int | None = None
) -> list[tuple[int, int]]:
    """Character ranges where ``needle`` occurs in ``haystack`` on word boundaries, both in
    match form, in order (occurrences may overlap); only in ``[start, stop)`` and at most
    ``limit`` of them.

    The validator computes a block's match form once and searches it for every quote, so a
    huge file is not normalised again per quote.  The search runs in the regular-expression
    engine and stops after ``limit`` matches, so a text of one repeated word costs one pass,
    not a Python step per occurrence.
    """
    if not needle:
        return []
    pattern = _quote_pattern(needle)
    stop = len(haystack) if stop is None else stop
    found: list[tuple[int, int]] = []
    # One search per match, from the next character: occurrences may overlap, as with str.find.
    # No endpos: the word-boundary test must see the character after ``stop``.
    match = pattern.search(haystack, start)
    while match is not None and match.end() <= stop:
        found.append(match.span())
        if limit is not None and len(found) >= limit:
            break
        match = pattern.search(haystack, match.start() + 1)
    return found


@functools.lru_cache(maxsize=256)
def _quote_pattern(needle: str) -> re.Pattern[str]:
    """``needle`` not glued to a word character on a side where it starts or ends with a word.

    The pattern starts with the literal needle, so the engine skips ahead to candidates at C
    speed; the word tests come after it (a lookbehind over the needle itself).
    """
    escaped = re.escape(needle)
    before = f"(?<!\\w{escaped})" if _is_word_char(needle[0]) else ""
    after = r"(?!\w)" if _is_word_char(needle[-1]) else ""
    return re.compile(f"{escaped}{before}{after}")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def count_words(text: str) -> int:
    return len(WORD_PATTERN.findall(display_form(text)))


# Words that say nothing of their own ("with", "the"): phrases are not cut at them, and sharing one
# with a key is no sign of the same meaning.
FUNCTION_WORDS_TEXT = (
    "a an the and or but of to in on at by for with from into onto upon over than that this these those "
    "is are was were be been being has have had will would can could may might must should "
    "it its he she they them their his her we our you your i who whom which what when where "
    "not no so as if then there here also very just only same such each every some any "
    "both either neither all more most many much other another because although while after "
    "before since until about whose"
)
FUNCTION_WORDS = frozenset(FUNCTION_WORDS_TEXT.split())

# Endings of a verb's or a noun's forms ("drags", "dragged", "dragging"; not an adjective's "-y",
# which makes another word: "leaky" is not "leaks").
INFLECTIONS = ("ing", "ed", "es", "s")
_KEPT_DOUBLES = frozenset("lsfz")  # "fall" of "falling", "press" of "pressed"


def inflection_base(word: str, min_root: int = 3, undouble: bool = True) -> str:
    """A lowercase word without its first matching ending and a final "e", keeping at least
    ``min_root`` letters: "drag", "drags", "dragged" and "dragging" meet; ``undouble`` drops the
    letter an ending doubled ("dragged")."""
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= min_root:
            word = word[: -len(ending)]
            if (
                undouble
                and ending in ("ing", "ed")
                and word[-1] == word[-2]
                and word[-1] not in _KEPT_DOUBLES
            ):
                word = word[:-1]
            break
    return word.rstrip("e")
