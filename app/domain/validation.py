"""Checks an article file and turns it into an :class:`~app.domain.article.Article`.

Every problem is reported at once, as ``FILE:LINE: message``, where LINE is the line
of the offending key or list item and the message says what is wrong and how to
fix it.  The happy path is linear in the size of the file: the slow search for the
passage closest to a misspelt quote only runs when a quote is not found.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.domain.article import (
    SKILLS,
    SOURCED_STATUSES,
    TITLE_BLOCK,
    Article,
    Claim,
    Framing,
    HandQuestion,
    Source,
    Span,
    Vocabulary,
    VocabularyEntry,
)
from app.domain.safe_yaml import (
    MAX_BYTES,
    Entry,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    YamlProblem,
    load_with_lines,
)
from app.domain.text import (
    Block,
    count_words,
    display_form,
    find_all,
    match_form,
    split_paragraphs,
    word_range,
)

ERROR = "error"
WARNING = "warning"

ARTICLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID_LENGTH = 100
MAX_QUIZ_LENGTH = 100
QUESTION_TYPES = ("choice", "multiple", "select")
VOCABULARY_FILE_NAMES = frozenset({"vocabulary.yaml", "vocabulary.yml"})
ARTICLE_SUFFIXES = (".yaml", ".yml")

META_KEYS = ("outlet", "author", "published", "url", "license", "level")
ARTICLE_KEYS = (
    "id",
    "title",
    "text",
    "fictional",
    "quiz",
    "sources",
    "claims",
    "framing",
    "framing_complete",
    "questions",
    *META_KEYS,
)
SOURCE_KEYS = ("id", "name", "type", "via", "mentions", "note")
MENTION_KEYS = ("quote", "occurrence", "in")
CLAIM_KEYS = ("quote", "status", "source", "cues", "occurrence", "in", "note")
FRAMING_KEYS = ("quote", "technique", "occurrence", "in", "note")
CHOICE_KEYS = ("choices", "answer")
SELECT_KEYS = ("paragraph", "in", "answers")
QUESTION_KEYS = ("type", "skill", "prompt", *CHOICE_KEYS, *SELECT_KEYS, "note")
SELECT_ANSWER_KEYS = ("quote", "occurrence", "key")
QUIZ_KEYS = ("length",)

# Misspelt quotes: how many closest-passage searches one file may cost, and how
# many text windows one search compares, so a huge broken file stays quick.
MAX_CLOSEST_SEARCHES = 12
MAX_WINDOWS_PER_SEARCH = 4000
MIN_SIMILARITY = 0.5
# ... and a suggestion must share this share of the quote's words, each spelt at least this alike.
MIN_SHARED_WORDS = 0.6
WORD_SIMILARITY = 0.7
LIST_IDS_UP_TO = 8
# How many places of an ambiguous quote are looked for and named.
PLACES_SHOWN = 10
# Bounds on the work one file may cost (documented in questions/README.md): quotes to locate,
# the highest occurrence: N, and problems reported (a file of 90,000 unknown keys).
MAX_ANNOTATIONS = 500
MAX_OCCURRENCE = 200
MAX_PROBLEMS = 200
MAX_PARAGRAPH_WORDS = 1000
# The lengths the database stores (app/models.py): a longer value is refused here, not cut there.
MAX_TITLE_LENGTH = 200  # an assignment is titled after its article
META_LENGTHS = {"level": 80, "outlet": 255}
ANNOTATED_SECTIONS = ("sources", "claims", "framing", "questions")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = ERROR  # or WARNING

    def __str__(self) -> str:
        if self.severity == WARNING:
            return f"{self.path}:{self.line}: warning: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    path: str
    article: Article | None
    problems: tuple[Problem, ...]
    id_line: int = 1  # the line of the article's id, where findings about the whole article point

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------- helpers


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


class FieldChecker:
    """Collects problems for one file and reads typed values out of the YAML tree."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.not_shown = 0  # problems past MAX_PROBLEMS, counted only
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
        if self.not_shown:
            more = "problem" if self.not_shown == 1 else "problems"
            shown.append(
                Problem(
                    self.path,
                    self.first_not_shown_line,
                    f"and {self.not_shown} more {more} from here on, not shown: "
                    "fix these first, then check again",
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


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class _Located:
    span: Span
    char_start: int
    char_end: int


def _block_name(block: int) -> str:
    return "the title" if block == TITLE_BLOCK else f"paragraph {block}"


def _places(blocks: Sequence[int]) -> str:
    if len(blocks) == 1:
        return f"in {_block_name(blocks[0])}"
    if len(set(blocks)) == 1:
        return f"all in {_block_name(blocks[0])}"
    return "in paragraphs " + join_words([str(b) for b in blocks])


class _Text:
    """The title and paragraphs of one article, ready for finding quotes."""

    def __init__(self, title: str, paragraphs: Sequence[str], title_known: bool = True) -> None:
        self.title_known = title_known
        self.blocks = tuple(Block.from_text(t) for t in (title, *paragraphs))
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
        if best is None or not _resembles(needle, self.haystacks[best[0]][best[1] : best[2]].lower()):
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


def _resembles(quote: str, passage: str) -> bool:
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


def _count_quotes(node: Node) -> int:
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


# --------------------------------------------------------------------------- the article


class _ArticleChecker:
    def __init__(self, path: str, vocabulary: Vocabulary) -> None:
        self.check = FieldChecker(path)
        self.vocabulary = vocabulary
        self.text: _Text | None = None
        self.id: str | None = None
        self.id_line = 1
        # Every source id written in the file, even of sources with other errors,
        # so one broken source does not make each claim about it an error too.
        self.source_id_lines: dict[str, int] = {}

    # -- the whole file

    def run(self, data: str | bytes) -> Article | None:
        try:
            root = load_with_lines(data)
        except YamlProblem as problem:
            self.check.error(problem.line, problem.message)
            return None
        if isinstance(root, ScalarNode) and root.value is None:
            self.check.error(1, "the file is empty; an article needs at least id, title and text")
            return None
        if not isinstance(root, MappingNode):
            self.check.error(
                root.line,
                f"an article file must be a mapping of keys (id:, title:, text:, ...), not {describe(root)}",
            )
            return None
        fields = self.check.fields(root, "the article", ARTICLE_KEYS)
        assert fields is not None  # root is a mapping
        where = "the article"
        self.check.require(fields, root, where, ("id", "title", "text"))
        article_id = self._article_id(fields.get("id"))
        title = self.check.text(fields.get("title"), where)
        if title is not None and len(display_form(title)) > MAX_TITLE_LENGTH:
            self.check.error(
                fields["title"].line,
                f"the title is {len(display_form(title))} characters long; keep it to {MAX_TITLE_LENGTH}",
            )
            title = None
        body = self._body(fields.get("text"))
        fictional = self.check.boolean(fields.get("fictional"), where)
        quiz_length = self._quiz_length(fields.get("quiz"))
        meta = self._meta(fields)
        if body is not None:
            # Without a title, quotes in the paragraphs can still be checked.
            self.text = _Text(title or "", body, title_known=title is not None)
        annotations = sum(_count_quotes(fields[key].value) for key in ANNOTATED_SECTIONS if key in fields)
        if annotations > MAX_ANNOTATIONS:
            # Each quote is searched for in the whole text: the work per file must stay bounded.
            self.check.error(
                1,
                f"the article has {annotations} quotes in its annotations; at most {MAX_ANNOTATIONS} are "
                "allowed: split the article or annotate fewer passages",
            )
            return None
        sources = self._sources(fields.get("sources"))
        claims = self._claims(fields.get("claims"))
        framing = self._framing(fields.get("framing"))
        framing_complete = self._framing_complete(fields.get("framing_complete"))
        questions = self._questions(fields.get("questions"))
        if not any(self._has_items(fields.get(key)) for key in ("sources", "claims", "framing")):
            self.check.error(
                1, "the article has no annotations; add at least one of sources, claims or framing"
            )
        if self.check.has_errors or article_id is None or title is None or body is None:
            return None
        article = Article(
            id=article_id,
            title=display_form(title),
            paragraphs=tuple(body),
            sources=tuple(sources),
            claims=tuple(claims),
            framing=tuple(framing),
            framing_complete=frozenset(framing_complete),
            questions=tuple(questions),
            fictional=bool(fictional),
            meta=meta,
        )
        return article if quiz_length is None else replace(article, quiz_length=quiz_length)

    @staticmethod
    def _has_items(entry: Entry | None) -> bool:
        return entry is not None and isinstance(entry.value, SequenceNode) and bool(entry.value.items)

    def _article_id(self, entry: Entry | None) -> str | None:
        value = self.check.text(entry, "the article")
        if value is None or entry is None:
            return None
        self.id, self.id_line = value, entry.line
        if _valid_id(value):
            return value
        self.check.error(entry.line, _id_format_message("id", value))
        return None

    def _body(self, entry: Entry | None) -> list[str] | None:
        value = self.check.text(entry, "the article")
        if value is None or entry is None:
            return None
        paragraphs = split_paragraphs(value)
        for number, paragraph in enumerate(paragraphs, start=1):
            words = count_words(paragraph)
            if words > MAX_PARAGRAPH_WORDS:
                # Questions read a paragraph word by word against every annotation in it.
                self.check.error(
                    entry.line,
                    f"paragraph {number} of the text has {words} words; a paragraph may have at most "
                    f"{MAX_PARAGRAPH_WORDS}: split it with a blank line",
                )
                return None
        return paragraphs

    def _quiz_length(self, entry: Entry | None) -> int | None:
        if entry is None:
            return None
        if not isinstance(entry.value, MappingNode):
            self.check.error(
                entry.line, f"'quiz' must be a mapping like {{length: 8}}, not {describe(entry.value)}"
            )
            return None
        fields = self.check.fields(entry.value, "quiz", QUIZ_KEYS)
        assert fields is not None  # a mapping
        return self.check.positive_int(fields.get("length"), "quiz", MAX_QUIZ_LENGTH)

    def _meta(self, fields: dict[str, Entry]) -> dict[str, str]:
        meta: dict[str, str] = {}
        for key in META_KEYS:
            value = self.check.text(fields.get(key), "the article")
            if value is None:
                continue
            value = display_form(value)
            entry = fields[key]
            if key == "published" and not _is_iso_date(value):
                self.check.error(
                    entry.line,
                    f"'published' must be a date like 2015-11-16, or 2015-11 when the day is unknown, "
                    f"not {value!r}",
                )
                continue
            if key == "url" and not re.match(r"https?://\S+\Z", value, re.IGNORECASE):
                self.check.error(
                    entry.line, f"'url' must be a web address starting with https://, not {value!r}"
                )
                continue
            if len(value) > META_LENGTHS.get(key, len(value)):
                self.check.error(
                    entry.line,
                    f"'{key}' is {len(value)} characters long; keep it to {META_LENGTHS[key]} characters",
                )
                continue
            meta[key] = value
        return meta

    # -- finding quotes

    def _locate(
        self, fields: dict[str, Entry], where: str, block: int | None, select: bool = False
    ) -> _Located | None:
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
        if block == TITLE_BLOCK and not text.title_known:
            return None  # the missing title is reported already
        # Enough places to name the chosen occurrence, or to show an ambiguity: never all of them.
        wanted = max(occurrence or 1, PLACES_SHOWN)
        matches = text.find(quote, text.paragraph_scope if block is None else (block,), wanted)
        if not matches:
            self.check.error(quote_entry.line, self._not_found_message(quote, block, select))
            return None
        places = _places([m[0] for m in matches])
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
        return _Located(Span(block_index, first, last, quote), start, end)

    def _not_found_message(self, quote: str, block: int | None, select: bool) -> str:
        assert self.text is not None
        text = self.text
        message = f"quote {show(quote)} is not in {'the text' if block is None else _block_name(block)}"
        # A quote in the wrong part of the article: say where it is instead.
        other_blocks = [TITLE_BLOCK] if block is None else [b for b in range(len(text.blocks)) if b != block]
        elsewhere = text.find(quote, other_blocks, 1)
        if elsewhere:
            found_in = elsewhere[0][0]
            if block is None:
                return f"{message}, but it is in the title; add in: title"
            if block == TITLE_BLOCK and not select:
                return f"{message}, but it is in {_block_name(found_in)}; remove in: title"
            return f"{message}, but it is in {_block_name(found_in)}"
        passage = text.closest_passage(quote, text.paragraph_scope if block is None else (block,))
        if passage is None:
            return (
                f"{message}; copy the words exactly from the article, "
                "or remove this annotation if those words are no longer in it"
            )
        found_in, words = passage
        if block is None:
            return f"{message}; closest passage in {_block_name(found_in)}: {show(words)}"
        return f"{message}; closest passage: {show(words)}"

    def _block_of(self, fields: dict[str, Entry], where: str) -> int | None:
        """``in: title`` means the headline; ``in: text`` (the default) the paragraphs (None)."""
        place = self.check.choice(fields.get("in"), where, ("title", "text"))
        return TITLE_BLOCK if place == "title" else None

    # -- sources

    def _sources(self, entry: Entry | None) -> list[Source]:
        sources: list[Source] = []
        first_line: dict[str, int] = {}
        via_entries: list[tuple[str, Entry]] = []
        valid = True
        for number, node in enumerate(self.check.items(entry, "the article", "- id: ..."), start=1):
            fields = self.check.fields(node, "source", SOURCE_KEYS)
            if fields is None:
                valid = False
                continue
            source_id = self.check.text(fields.get("id"), f"source {number}")
            where = f"source '{source_id}'" if source_id else f"source {number}"
            ok = self.check.require(fields, node, where, ("id", "name", "type", "mentions"))
            if source_id is not None:
                if not _valid_id(source_id):
                    self.check.error(fields["id"].line, _id_format_message("source id", source_id))
                    ok = False
                elif source_id in first_line:
                    self.check.error(
                        fields["id"].line,
                        f"source id '{source_id}' is used twice (first at line {first_line[source_id]}); "
                        "give each source its own id",
                    )
                    ok = False
                else:
                    first_line[source_id] = fields["id"].line
            name = self.check.text(fields.get("name"), where)
            source_type = self._vocabulary_id(
                fields.get("type"), where, self.vocabulary.source_types, "source type"
            )
            via = self.check.text(fields.get("via"), where)
            if via is not None and source_id is not None:
                via_entries.append((source_id, fields["via"]))
            note = self._note(fields, where)
            mentions = self._mentions(fields.get("mentions"), where)
            if source_id is None or name is None or source_type is None or mentions is None or not ok:
                valid = False
                continue
            sources.append(
                Source(source_id, display_form(name), source_type, mentions, via, note, line=node.line)
            )
        self.source_id_lines = first_line
        self._check_via(via_entries, first_line)
        return sources if valid else []

    def _mentions(self, entry: Entry | None, where: str) -> tuple[Span, ...] | None:
        if entry is None:
            return None
        items = self.check.items(entry, where, '- quote: "..."')
        if not items:
            if is_list_or_empty(entry.value):
                self.check.error(entry.line, f'{where} has no mentions; add at least one - quote: "..."')
            return None
        spans: list[Span] = []
        for number, node in enumerate(items, start=1):
            fields = self.check.fields(node, "mention", MENTION_KEYS)
            if fields is None:
                continue
            mention_where = f"mention {number} of {where}"
            self.check.require(fields, node, mention_where, ("quote",))
            located = self._locate(fields, mention_where, self._block_of(fields, mention_where))
            if located is not None:
                spans.append(located.span)
        return tuple(spans) if len(spans) == len(items) else None

    def _check_via(self, via_entries: list[tuple[str, Entry]], source_lines: dict[str, int]) -> None:
        relays: dict[str, str] = {}
        for source_id, entry in via_entries:
            via = entry.value.text if isinstance(entry.value, ScalarNode) else ""
            if via == source_id:
                self.check.error(
                    entry.line, f"source '{source_id}' cannot be relayed by itself; fix or remove via"
                )
            elif via not in source_lines:
                self.check.error(
                    entry.line, _unknown_source_message(f"via of source '{source_id}'", via, source_lines)
                )
            else:
                relays[source_id] = via
        # A chain of relays must end somewhere: A via B via A says nothing.
        reported: set[str] = set()
        for source_id, entry in via_entries:
            seen = [source_id]
            current = relays.get(source_id)
            while current is not None and current not in seen:
                seen.append(current)
                current = relays.get(current)
            if current is not None and current == source_id and source_id not in reported:
                reported.update(seen)
                chain = " -> ".join([*seen, source_id])
                self.check.error(entry.line, f"sources relay each other in a circle ({chain}); fix via")

    # -- claims and framing

    def _claims(self, entry: Entry | None) -> list[Claim]:
        claims: list[Claim] = []
        all_ids = self.source_id_lines
        for number, node in enumerate(self.check.items(entry, "the article", '- quote: "..."'), start=1):
            fields = self.check.fields(node, "claim", CLAIM_KEYS)
            if fields is None:
                continue
            where = f"claim {number}"
            self.check.require(fields, node, where, ("quote", "status"))
            located = self._locate(fields, where, self._block_of(fields, where))
            status = self._vocabulary_id(
                fields.get("status"), where, self.vocabulary.claim_statuses, "status"
            )
            source = self.check.text(fields.get("source"), where)
            if source is not None and source not in all_ids:
                self.check.error(fields["source"].line, _unknown_source_message(where, source, all_ids))
            if status in SOURCED_STATUSES and "source" not in fields:
                self.check.error(
                    node.line,
                    f"{where} has status '{status}' but no source; add source: <the id of a source>",
                )
            if status == "unattributed" and source is not None:
                self.check.error(
                    fields["source"].line,
                    f"{where} is unattributed but names source '{source}'; "
                    "use status: attributed, or remove source",
                )
            note = self._note(fields, where)
            quote_node = fields["quote"].value if "quote" in fields else None
            quote = quote_node.text if isinstance(quote_node, ScalarNode) else ""
            cues = self._cues(fields.get("cues"), where, located, quote)
            if located is None or status is None or cues is None:
                continue
            claims.append(Claim(located.span, status, source, cues, note, line=node.line))
        return claims

    def _cues(
        self, entry: Entry | None, where: str, claim: _Located | None, quote: str
    ) -> tuple[Span, ...] | None:
        if entry is None:
            return ()
        spans: list[Span] = []
        ok = True
        for node in self.check.items(entry, where, "[word, word]"):
            if not isinstance(node, ScalarNode) or node.value is None or not node.text.strip():
                self.check.error(
                    node.line, f"each cue in {where} must be a word or phrase, not {describe(node)}"
                )
                ok = False
                continue
            cue = node.text
            inside = self._find_inside(cue, claim)
            if inside is None:
                # When the claim itself was not found, still check the cue against its quote.
                if claim is not None or not (quote and Block.from_text(quote).find_all(cue)):
                    self.check.error(
                        node.line,
                        f"cue {show(cue)} is not inside the quote of {where}; "
                        "a cue must be words of the claim's own quote",
                    )
                ok = False
                continue
            spans.append(inside)
        return tuple(spans) if ok else None

    def _find_inside(self, cue: str, claim: _Located | None) -> Span | None:
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

    def _framing(self, entry: Entry | None) -> list[Framing]:
        framing: list[Framing] = []
        for number, node in enumerate(self.check.items(entry, "the article", '- quote: "..."'), start=1):
            fields = self.check.fields(node, "framing", FRAMING_KEYS)
            if fields is None:
                continue
            where = f"framing {number}"
            self.check.require(fields, node, where, ("quote", "technique"))
            located = self._locate(fields, where, self._block_of(fields, where))
            technique = self._vocabulary_id(
                fields.get("technique"), where, self.vocabulary.techniques, "technique"
            )
            note = self._note(fields, where)
            if located is not None and technique is not None:
                framing.append(Framing(located.span, technique, note, line=node.line))
        return framing

    def _framing_complete(self, entry: Entry | None) -> list[int]:
        """``framing_complete: [title, 2, 5]``: the passages where the teacher marked every framing word."""
        blocks: list[int] = []
        count = len(self.text.paragraph_scope) if self.text is not None else 0
        for node in self.check.items(entry, "the article", "[title, 1, 3]"):
            text = node.text.strip() if isinstance(node, ScalarNode) else ""
            if text == "title":
                blocks.append(TITLE_BLOCK)
            elif text.isdigit() and int(text) >= 1 and (self.text is None or int(text) <= count):
                blocks.append(int(text))
            else:
                self.check.error(
                    node.line,
                    f"each item of framing_complete must be title or a paragraph number from 1 to {count}, "
                    f"not {show(text) if text else describe(node)}",
                )
        return blocks

    def _vocabulary_id(
        self, entry: Entry | None, where: str, entries: tuple[VocabularyEntry, ...], what: str
    ) -> str | None:
        value = self.check.text(entry, where)
        if value is None or entry is None:
            return None
        ids = [e.id for e in entries]
        if value in ids:
            return value
        message = f"{what} '{value}' is not in the vocabulary"
        suggestion = closest(value, ids)
        if suggestion:
            message += f"; did you mean '{suggestion}'?"
        # Every id, however many: a teacher in the browser cannot open vocabulary.yaml.
        message += f" (valid: {', '.join(ids)})"
        self.check.error(entry.line, message)
        return None

    def _note(self, fields: dict[str, Entry], where: str) -> str:
        if "note" not in fields:
            return ""
        return display_form(self.check.text(fields["note"], where) or "")

    # -- hand-written questions

    def _questions(self, entry: Entry | None) -> list[HandQuestion]:
        questions: list[HandQuestion] = []
        for number, node in enumerate(self.check.items(entry, "the article", "- type: choice"), start=1):
            question = self._question(node, f"question {number}")
            if question is not None:
                questions.append(question)
        return questions

    def _question(self, node: Node, where: str) -> HandQuestion | None:
        type_node = node.get("type") if isinstance(node, MappingNode) else None
        question_type = type_node.text if isinstance(type_node, ScalarNode) else None
        misplaced: dict[str, str] = {}
        if question_type == "select":
            for key in CHOICE_KEYS:
                misplaced[key] = (
                    f"'{key}' is for choice and multiple questions; a select question uses answers"
                )
        elif question_type in ("choice", "multiple"):
            for key in SELECT_KEYS:
                misplaced[key] = (
                    f"'{key}' is for select questions; a {question_type} question uses choices and answer"
                )
        fields = self.check.fields(node, "question", QUESTION_KEYS, misplaced)
        if fields is None:
            return None
        self.check.require(fields, node, where, ("type", "skill", "prompt"))
        question_type = self.check.choice(fields.get("type"), where, QUESTION_TYPES)
        skill = self.check.choice(fields.get("skill"), where, SKILLS)
        prompt = self.check.text(fields.get("prompt"), where)
        note = self._note(fields, where)
        if question_type is None:
            return None
        if question_type == "select":
            select = self._select_answers(fields, node, where)
            if select is None or skill is None or prompt is None or misplaced.keys() & fields.keys():
                return None
            block, spans, keys = select
            return HandQuestion(
                "select",
                skill,
                display_form(prompt),
                note,
                block=block,
                spans=spans,
                keys=keys,
                line=node.line,
            )
        chosen = self._choice_answers(fields, node, where, question_type)
        if chosen is None or skill is None or prompt is None or misplaced.keys() & fields.keys():
            return None
        choices, answers = chosen
        return HandQuestion(
            question_type, skill, display_form(prompt), note, choices=choices, answers=answers, line=node.line
        )

    def _choice_answers(
        self, fields: dict[str, Entry], node: Node, where: str, question_type: str
    ) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
        if not self.check.require(fields, node, where, CHOICE_KEYS):
            return None
        choices: list[str] = []
        seen: dict[str, int] = {}
        ok = True
        for item in self.check.items(fields["choices"], where, "- First choice"):
            if not isinstance(item, ScalarNode) or item.value is None or not item.text.strip():
                self.check.error(item.line, f"each choice in {where} must be text, not {describe(item)}")
                ok = False
                continue
            key = match_form(item.text)
            if key in seen:
                self.check.error(item.line, f"choice {show(item.text)} appears twice in {where}")
                ok = False
            seen.setdefault(key, len(choices))
            choices.append(display_form(item.text))
        choices_node = fields["choices"].value
        if isinstance(choices_node, SequenceNode) and len(choices_node.items) < 2:
            self.check.error(fields["choices"].line, f"{where} needs at least two choices")
            ok = False
        answer_entry = fields["answer"]
        answer_nodes = self._answer_nodes(answer_entry, where, question_type)
        if answer_nodes is None:
            return None
        answers: list[int] = []
        for item in answer_nodes:
            if not isinstance(item, ScalarNode) or item.value is None or not item.text.strip():
                self.check.error(
                    item.line, f"each answer in {where} must be the text of a choice, not {describe(item)}"
                )
                ok = False
                continue
            index = seen.get(match_form(item.text))
            if index is None:
                message = (
                    f"answer {show(item.text)} is not one of the choices of {where}; "
                    "copy the right choice exactly"
                )
                suggestion = closest(display_form(item.text), choices)
                if suggestion:
                    message += f" (did you mean {show(suggestion)}?)"
                self.check.error(item.line, message)
                ok = False
            elif index in answers:
                self.check.error(item.line, f"answer {show(item.text)} is listed twice in {where}")
                ok = False
            else:
                answers.append(index)
        if not ok or not answers:
            return None
        return tuple(choices), tuple(sorted(answers))

    def _answer_nodes(self, entry: Entry, where: str, question_type: str) -> tuple[Node, ...] | None:
        node = entry.value
        if question_type == "choice":
            if isinstance(node, SequenceNode):
                self.check.error(
                    entry.line,
                    f"{where} is a choice question, which has one answer; "
                    "use type: multiple for several answers",
                )
                return None
            return (node,)
        if not isinstance(node, SequenceNode):
            self.check.error(
                entry.line,
                f"'answer' of {where} must be a list of the right choices (- ...), not {describe(node)}",
            )
            return None
        if not node.items:
            self.check.error(entry.line, f"'answer' of {where} is empty; list the right choices")
            return None
        return node.items

    def _select_answers(
        self, fields: dict[str, Entry], node: Node, where: str
    ) -> tuple[int, tuple[Span, ...], tuple[Span, ...]] | None:
        self.check.require(fields, node, where, ("answers",))
        block = self._select_block(fields, node, where)
        answer_items = self.check.items(fields.get("answers"), where, '- quote: "..."')
        if "answers" in fields and not answer_items and is_list_or_empty(fields["answers"].value):
            self.check.error(
                fields["answers"].line, f'{where} has no answers; add at least one - quote: "..."'
            )
        spans: list[Span] = []
        keys: list[Span] = []
        ok = True
        for number, item in enumerate(answer_items, start=1):
            answer_fields = self.check.fields(item, "answer", SELECT_ANSWER_KEYS)
            if answer_fields is None:
                ok = False
                continue
            answer_where = f"answer {number} of {where}"
            self.check.require(answer_fields, item, answer_where, ("quote",))
            if block is None:
                continue
            located = self._locate(answer_fields, answer_where, block, select=True)
            if located is None:
                ok = False
                continue
            spans.append(located.span)
            key_entry = answer_fields.get("key")
            if key_entry is not None:
                key = self._key_inside(key_entry, answer_where, located)
                if key is None:
                    ok = False
                else:
                    keys.append(key)
        if block is None or not ok or not spans or self.text is None:
            return None
        self._warn_if_dense(block, spans, node, where)
        return block, tuple(spans), tuple(keys)

    def _key_inside(self, entry: Entry, where: str, answer: _Located) -> Span | None:
        """``key:`` names the words of an answer that are enough to count it as found."""
        key = self.check.text(entry, where)
        if key is None:
            return None
        span = self._find_inside(key, answer)
        if span is None:
            self.check.error(
                entry.line,
                f"key {show(key)} is not inside the quote of {where}; "
                "the key must be words of the answer's own quote (the words that are enough to find it)",
            )
        return span

    def _select_block(self, fields: dict[str, Entry], node: Node, where: str) -> int | None:
        paragraph_entry = fields.get("paragraph")
        in_entry = fields.get("in")
        if paragraph_entry is None and in_entry is None:
            self.check.error(
                node.line, f"{where} needs paragraph: N (or in: title) to say which words are shown"
            )
            return None
        if paragraph_entry is not None and in_entry is not None:
            self.check.error(in_entry.line, f"{where} has both paragraph and in; keep only one")
            return None
        if in_entry is not None:
            place = self.check.text(in_entry, where)
            if place == "title":
                return TITLE_BLOCK
            if place is not None:
                self.check.error(
                    in_entry.line,
                    f"'in' in {where} must be title, not {place!r}; to show a paragraph, use paragraph: N",
                )
            return None
        paragraph = self.check.positive_int(paragraph_entry, where)
        if paragraph is None or self.text is None:
            return None
        count = len(self.text.paragraph_scope)
        if paragraph > count:
            assert paragraph_entry is not None
            self.check.error(
                paragraph_entry.line,
                f"paragraph {paragraph} is out of range: the text has {count} paragraphs",
            )
            return None
        return paragraph

    def _warn_if_dense(self, block: int, spans: list[Span], node: Node, where: str) -> None:
        """Selecting every word must not pay: F1 of select-all is 2d/(1+d) for gold density d."""
        assert self.text is not None
        total = len(self.text.blocks[block].words)
        gold = len({word for span in spans for word in range(span.start, span.end)})
        if total and gold * 3 > total:
            self.check.warning(
                node.line,
                f"in {where} the right words are {gold} of the {total} words of {_block_name(block)}, "
                "more than a third, so selecting every word would score over 0.5; "
                "use a longer passage or fewer words",
            )


def is_list_or_empty(node: Node) -> bool:
    """An empty list, or no value at all (anything else is reported as the wrong type)."""
    return isinstance(node, SequenceNode) or (isinstance(node, ScalarNode) and node.value is None)


def _valid_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and ARTICLE_ID.match(value) is not None


def _id_format_message(what: str, value: str) -> str:
    example = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:MAX_ID_LENGTH] or "my-article-2024"
    if len(value) > MAX_ID_LENGTH:
        return f"{what} is {len(value)} characters long; keep it to {MAX_ID_LENGTH}, e.g. {example!r}"
    return f"{what} {value!r} must use only lowercase letters, digits and hyphens, e.g. {example!r}"


def _unknown_source_message(where: str, source_id: str, known: Iterable[str]) -> str:
    ids = sorted(known)
    message = f"{where} names source '{source_id}', which is not a source in this file"
    suggestion = closest(source_id, ids)
    if suggestion:
        return f"{message}; did you mean '{suggestion}'?"
    if not ids:
        return f"{message}; add it under sources"
    if len(ids) <= LIST_IDS_UP_TO:
        return f"{message} (sources: {', '.join(ids)})"
    return message


_YEAR_OR_MONTH = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


def _is_iso_date(value: str) -> bool:
    # A year or a month is allowed: for an old article the exact day is often unknown.
    if _YEAR_OR_MONTH.fullmatch(value):
        return True
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
        except ValueError:
            continue
        return True
    return False


# --------------------------------------------------------------------------- public API


def _check_article(
    data: str | bytes, path: str, vocabulary: Vocabulary
) -> tuple[ValidationResult, _ArticleChecker]:
    checker = _ArticleChecker(path, vocabulary)
    article = checker.run(data)
    result = ValidationResult(
        path,
        article if not checker.check.has_errors else None,
        checker.check.sorted_problems(),
        checker.id_line,
    )
    return result, checker


def validate_article(data: str | bytes, path: str, vocabulary: Vocabulary) -> ValidationResult:
    """Check one article file's contents; ``path`` is only used in the messages."""
    return _check_article(data, path, vocabulary)[0]


def collect_article_files(paths: list[str]) -> list[str]:
    """The article files named by ``paths`` (files, or folders searched recursively
    for *.yaml and *.yml), without vocabulary files; sorted, each once.  A path that
    does not exist is kept so that validating it reports the fact."""
    found: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in files:
                    is_article = name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
                    if is_article and name not in VOCABULARY_FILE_NAMES:
                        found.add(os.path.join(folder, name))
        elif os.path.basename(path) not in VOCABULARY_FILE_NAMES:
            found.add(path)
    return sorted(found)


def _read(path: str) -> bytes | Problem:
    try:
        with open(path, "rb") as handle:
            # One byte over the limit is enough for the size check to refuse it.
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Problem(path, 1, "no such file or folder")
    except OSError as error:
        return Problem(path, 1, f"cannot read the file: {error.strerror or error}")


def validate_files(paths: list[str], vocabulary: Vocabulary) -> list[ValidationResult]:
    """Validate every article file under ``paths``; an id used by two files is an error
    in the second one (in the sorted order)."""
    results: list[ValidationResult] = []
    first_use: dict[str, str] = {}
    for path in collect_article_files(paths):
        data = _read(path)
        if isinstance(data, Problem):
            results.append(ValidationResult(path, None, (data,)))
            continue
        result, checker = _check_article(data, path, vocabulary)
        article_id = checker.id
        if article_id is not None and _valid_id(article_id):
            if article_id in first_use:
                duplicate = Problem(
                    path,
                    checker.id_line,
                    f"id '{article_id}' is already used by {first_use[article_id]}; "
                    "give each article its own id",
                )
                problems = tuple(sorted((*result.problems, duplicate), key=lambda p: p.line))
                result = ValidationResult(path, None, problems)
            else:
                first_use[article_id] = path
        results.append(result)
    return results
