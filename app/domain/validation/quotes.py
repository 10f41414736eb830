"""Finding an annotation's quote in the article's text, and saying where it is when it is not.

:class:`QuoteText` searches the headline and paragraphs (bounded: a quote's places are searched
only as far as needed); :class:`CheckerBase` turns a ``quote:``/``occurrence:``/``in:`` entry
into a :class:`~app.domain.article.Span` or a problem naming the quote's other places, or the
closest passage when it is misspelt.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.article import HEADLINE_BLOCK, Span, Suggestion, Vocabulary, paragraph_blocks
from app.domain.safe_yaml import Entry, MappingNode, Node, SequenceNode
from app.domain.text import Block, count_words, display_form, find_all, match_form, word_range
from app.domain.validation.fields import FieldChecker, join_words, show

# Misspelt quotes: how many closest-passage searches one file may cost, and how
# many text windows one search compares, so a huge broken file stays quick.
MAX_CLOSEST_SEARCHES = 12
MAX_WINDOWS_PER_SEARCH = 4000
MIN_SIMILARITY = 0.5
# ... and a suggestion must share this share of the quote's words, each spelt at least this alike.
MIN_SHARED_WORDS = 0.6
WORD_SIMILARITY = 0.7
# How many places of an ambiguous quote are looked for and named.
PLACES_SHOWN = 10
# The highest occurrence: N (a bound on the work one file may cost, in questions/README.md).
MAX_OCCURRENCE = 200


@dataclass(frozen=True)
class Located:
    """A quote found in the text: its words, and its characters in the block's match form."""

    span: Span
    char_start: int
    char_end: int


def block_name(block: int) -> str:
    """How messages name a block: "the title" or "paragraph N"."""
    return "the title" if block == HEADLINE_BLOCK else f"paragraph {block}"


def where_found(blocks: Sequence[int]) -> str:
    """Where a quote's places are, for a message: "in paragraph 2", "in paragraphs 1 and 3"."""
    if len(blocks) == 1:
        return f"in {block_name(blocks[0])}"
    if len(set(blocks)) == 1:
        return f"all in {block_name(blocks[0])}"
    return "in paragraphs " + join_words([str(b) for b in blocks])


class QuoteText:
    """The title and paragraphs of one article, ready for finding quotes."""

    def __init__(self, title: str, paragraphs: Sequence[str], title_known: bool = True) -> None:
        self.title_known = title_known
        # The paragraphs' cut into words is shared with the article the checker returns.
        self.blocks = (Block.from_text(title), *paragraph_blocks(tuple(paragraphs)))
        # The same characters, offsets and length as each block's text, so a cheap
        # substring test can skip the blocks a quote cannot be in.
        self.haystacks = tuple(match_form(block.text) for block in self.blocks)
        self.paragraph_scope = tuple(range(1, len(self.blocks)))
        self.closest_searches_left = MAX_CLOSEST_SEARCHES

    def find(self, quote: str, scope: Sequence[int], limit: int) -> list[tuple[int, int, int]]:
        """The first ``limit`` (block, char_start, char_end) where the quote occurs, in reading order.

        Bounded: a hostile file quoting one word of a text made of that word would otherwise
        list hundreds of thousands of places for every quote.
        """
        needle = match_form(quote)
        found: list[tuple[int, int, int]] = []
        for index in scope:
            if len(found) >= limit:
                break
            matches = find_all(self.haystacks[index], needle, limit - len(found))
            found.extend((index, start, end) for start, end in matches)
        return found

    def words(self, block: int, start: int, end: int) -> tuple[int, int]:
        return word_range(self.blocks[block], start, end)

    def closest_passage(self, quote: str, scope: Sequence[int]) -> tuple[int, str] | None:
        """The passage of about the quote's length most like it (only used on errors)."""
        if self.closest_searches_left <= 0:
            return None
        self.closest_searches_left -= 1
        needle = match_form(quote).lower()
        size = count_words(quote)
        widths = sorted({max(1, size - 1), size, size + 1})
        # Windows of about the quote's length at every word; on a huge text, only every n-th.
        count = sum(len(self.blocks[index].words) for index in scope) * len(widths)
        stride = max(1, -(-count // MAX_WINDOWS_PER_SEARCH))
        windows = (
            (index, block.starts[i], block.ends[i + width - 1])
            for index in scope
            for block in (self.blocks[index],)
            for width in widths
            for i in range(0, len(block.words) - width + 1, stride)
        )
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(needle)
        best_ratio, best = MIN_SIMILARITY, None
        for index, start, end in windows:
            matcher.set_seq1(self.haystacks[index][start:end].lower())
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best_ratio, best = ratio, (index, start, end)
        if best is None or not resembles(needle, self.haystacks[best[0]][best[1] : best[2]].lower()):
            return None
        index, start, end = best
        shown = self.blocks[index].text
        # Windows start and end on words; show the quote's own punctuation around them too.
        if not needle[0].isalnum():
            while start > 0 and not shown[start - 1].isspace() and not shown[start - 1].isalnum():
                start -= 1
        if not needle[-1].isalnum():
            while end < len(shown) and not shown[end].isspace() and not shown[end].isalnum():
                end += 1
        return index, shown[start:end]


def resembles(quote: str, passage: str) -> bool:
    """Whether most of the quote's words appear, spelt alike, in the passage.

    Letters alone match a deleted quote to unrelated words of the same length ("the mayor
    announced a new park" to "he had noticed foam near"); a suggestion must share the words.
    """
    quote_words = re.findall(r"\w+", quote)
    passage_words = re.findall(r"\w+", passage)
    if not quote_words:
        return False
    alike = sum(
        1
        for word in quote_words
        if word in passage_words or difflib.get_close_matches(word, passage_words, 1, WORD_SIMILARITY)
    )
    return alike / len(quote_words) >= MIN_SHARED_WORDS


def count_quotes(node: Node) -> int:
    """How many ``quote:`` keys the tree under ``node`` holds (one per located annotation)."""
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            count += sum(1 for entry in current.entries if entry.key == "quote")
            stack.extend(entry.value for entry in current.entries)
        elif isinstance(current, SequenceNode):
            stack.extend(current.items)
    return count


class CheckerBase:
    """The state every part of the article check shares, and finding quotes in the text.

    ``check`` collects the file's problems; ``text`` is the headline and paragraphs once the
    article's ``text:`` has been read (None when it is missing or broken: quotes are then not
    looked for, and nothing more is reported about them).  The checks of the sections
    (:mod:`.annotations`, :mod:`.questions`) and of the whole file (:mod:`.article`) are
    subclasses, joined in :class:`~app.domain.validation.article.ArticleChecker`.
    """

    def __init__(self, path: str, vocabulary: Vocabulary) -> None:
        self.check = FieldChecker(path)
        self.vocabulary = vocabulary
        self.text: QuoteText | None = None
        # Every source id written in the file, even of sources with other errors,
        # so one broken source does not make each claim about it an error too.
        self.source_id_lines: dict[str, int] = {}
        # Annotations still marked suggested: true, in file order.
        self.suggestions: list[Suggestion] = []

    def _locate(
        self, fields: dict[str, Entry], where: str, block: int | None, select: bool = False
    ) -> Located | None:
        """Find ``fields['quote']`` in one block, or in the paragraphs when ``block`` is None,
        honouring ``occurrence``.  ``select``: the block is a select question's passage."""
        quote_entry = fields.get("quote")
        quote = self.check.text(quote_entry, where)
        occurrence_entry = fields.get("occurrence")
        occurrence = self.check.positive_int(occurrence_entry, where, MAX_OCCURRENCE)
        if quote is None or quote_entry is None or self.text is None:
            return None
        if count_words(quote) == 0:
            self.check.error(quote_entry.line, f"quote {show(quote)} has no words; quote at least one word")
            return None
        text = self.text
        if block == HEADLINE_BLOCK and not text.title_known:
            return None  # the missing title is reported already
        # Enough places to name the chosen occurrence, or to show an ambiguity: never all of them.
        wanted = max(occurrence or 1, PLACES_SHOWN)
        matches = text.find(quote, text.paragraph_scope if block is None else (block,), wanted)
        if not matches:
            self.check.error(quote_entry.line, self._not_found_message(quote, block, select))
            return None
        places = where_found([m[0] for m in matches])
        if occurrence is None and occurrence_entry is None and len(matches) > 1:
            if len(matches) < wanted:
                times, choices = f"{len(matches)} times", f"1 to {len(matches)}"
            else:
                times, choices = f"at least {len(matches)} times", "1, 2, 3 ..."
            self.check.error(
                quote_entry.line,
                f"quote {show(quote)} occurs {times} ({places}); "
                f"add occurrence: N ({choices}) to say which one",
            )
            return None
        if occurrence is None:
            if occurrence_entry is not None:
                return None  # already reported as not a number
            occurrence = 1
        if occurrence > len(matches):
            assert occurrence_entry is not None
            times = "once" if len(matches) == 1 else f"{len(matches)} times"
            self.check.error(
                occurrence_entry.line,
                f"occurrence: {occurrence} is out of range: "
                f"quote {show(quote)} occurs only {times} ({places})",
            )
            return None
        block_index, start, end = matches[occurrence - 1]
        first, last = text.words(block_index, start, end)
        return Located(Span(block_index, first, last, quote), start, end)

    def _not_found_message(self, quote: str, block: int | None, select: bool) -> str:
        assert self.text is not None
        text = self.text
        message = f"quote {show(quote)} is not in {'the text' if block is None else block_name(block)}"
        # A quote in the wrong part of the article: say where it is instead.
        everywhere_else = [b for b in range(len(text.blocks)) if b != block]
        other_blocks = [HEADLINE_BLOCK] if block is None else everywhere_else
        elsewhere = text.find(quote, other_blocks, 1)
        if elsewhere:
            found_in = elsewhere[0][0]
            if block is None:
                return f"{message}, but it is in the title; add in: title"
            if block == HEADLINE_BLOCK and not select:
                return f"{message}, but it is in {block_name(found_in)}; remove in: title"
            return f"{message}, but it is in {block_name(found_in)}"
        passage = text.closest_passage(quote, text.paragraph_scope if block is None else (block,))
        if passage is None:
            return (
                f"{message}; copy the words exactly from the article, "
                "or remove this annotation if those words are no longer in it"
            )
        found_in, words = passage
        if block is None:
            return f"{message}; closest passage in {block_name(found_in)}: {show(words)}"
        return f"{message}; closest passage: {show(words)}"

    def _block_of(self, fields: dict[str, Entry], where: str) -> int | None:
        """``in: title`` means the headline; ``in: text`` (the default) the paragraphs (None)."""
        place = self.check.choice(fields.get("in"), where, ("title", "text"))
        return HEADLINE_BLOCK if place == "title" else None

    def _find_inside(self, cue: str, claim: Located | None) -> Span | None:
        if claim is None or self.text is None:
            return None
        block = claim.span.block
        haystack = self.text.haystacks[block]
        # Only inside the claim's own quote (a cue of one word must not scan a huge paragraph).
        for start, end in find_all(haystack, match_form(cue), None, claim.char_start, claim.char_end):
            first, last = self.text.words(block, start, end)
            if first < last:
                return Span(block, first, last, cue)
        return None

    def _note(self, fields: dict[str, Entry], where: str) -> str:
        if "note" not in fields:
            return ""
        return display_form(self.check.text(fields["note"], where) or "")
