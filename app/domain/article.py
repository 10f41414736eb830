"""The validated, annotated article: what the validator produces and the generator reads.

Every quote has already been located: a :class:`Span` names the block (0 is the
headline, 1..n the paragraphs) and the words it covers.  Nothing here knows about
YAML, files or the database.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from app.domain.text import Block

SKILLS: tuple[str, ...] = ("sources", "claims", "framing")
# The one table of what each skill is called and what it asks: teachers' tables and charts show
# the name, students' results and the quiz previews the name with the question.
_SKILL_TEXT: dict[str, tuple[str, str]] = {
    "sources": ("Sources", "who says it"),
    "claims": ("Claims", "how well supported"),
    "framing": ("Framing", "words that push a view"),
}
SKILL_NAMES: dict[str, str] = {skill: _SKILL_TEXT[skill][0] for skill in SKILLS}
SKILL_LABELS: dict[str, str] = {skill: "{}: {}".format(*_SKILL_TEXT[skill]) for skill in SKILLS}
# Block 0 is the headline (the YAML's `title:`, `in: title`); paragraphs count from 1.
HEADLINE_BLOCK = 0

# Claim statuses that require a source.
SOURCED_STATUSES = frozenset({"attributed", "disputed", "corroborated"})
# Claims a careful reader should treat as not (yet) verified.
UNVERIFIED_STATUSES = frozenset({"hedged", "unattributed"})
# What kind of statement a claim is, when the teacher says (a claim's optional `kind:`).
CLAIM_KINDS: tuple[str, ...] = ("observation", "opinion", "prediction")


@dataclass(frozen=True)
class Span:
    block: int  # 0 = title, 1.. = paragraph number
    start: int  # first word index in the block
    end: int  # one past the last word
    quote: str  # the quote as the teacher wrote it

    def overlaps(self, other: Span) -> bool:
        return self.block == other.block and self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.block == other.block and self.start <= other.start and other.end <= self.end

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class VocabularyEntry:
    id: str
    label: str
    definition: str


@dataclass(frozen=True)
class Vocabulary:
    """The labels students see, and the rules teachers keep beside them in vocabulary.yaml.

    ``too_close``: groups of ids that are never each other's wrong answer (a student picking
    one for the other could defend it).  ``headline_only``: techniques offered only for words
    in the headline.  ``needs_recurring_words``: techniques offered as a wrong answer only
    for words that do not recur.  ``needs_quotation_marks``: techniques only words in quotation
    marks can use (never asked as "spot the technique": the one quoted phrase would show it).
    ``shown_by_form``: techniques told by the form of the words (quotation marks, a choice
    between options), never a wrong answer: for other words they give themselves away, and
    words of that form may well use them.
    ``broad_techniques``: techniques that could describe almost any framed words, so never
    a wrong answer.  ``named_source_types``: types a mention must name the source
    for (a question shows that mention).  ``attribution_words`` and ``hedge_words``: the
    words that show where information comes from, and that it is not confirmed; the
    generator uses them to ask only about passages the teacher annotated completely.
    """

    source_types: tuple[VocabularyEntry, ...]
    claim_statuses: tuple[VocabularyEntry, ...]
    techniques: tuple[VocabularyEntry, ...]
    too_close: tuple[frozenset[str], ...] = ()
    headline_only: frozenset[str] = frozenset()
    needs_recurring_words: frozenset[str] = frozenset()
    needs_quotation_marks: frozenset[str] = frozenset()
    shown_by_form: frozenset[str] = frozenset()
    broad_techniques: frozenset[str] = frozenset()
    named_source_types: frozenset[str] = frozenset()
    person_source_types: frozenset[str] = frozenset()
    # Source types a mention shows by a name alone ("said Karen Doyle"): "what kind of source" is
    # not asked for them, since the name in the stem gives the key.
    told_by_name: frozenset[str] = frozenset()
    sweep_techniques: frozenset[str] = frozenset()
    attribution_words: tuple[str, ...] = ()
    hedge_words: tuple[str, ...] = ()
    reporting_hedges: tuple[str, ...] = ()
    loaded_words: tuple[str, ...] = ()
    stand_in_words: tuple[str, ...] = ()
    record_words: tuple[str, ...] = ()
    approximate_words: tuple[str, ...] = ()
    institution_words: tuple[str, ...] = ()
    staff_words: tuple[str, ...] = ()
    fellow_words: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    sweeping_words: tuple[str, ...] = ()
    minimising_words: tuple[str, ...] = ()
    vague_authority_words: tuple[str, ...] = ()
    # Groups of words that speak of one subject ("bus", "route", "timetable"): a record named with
    # one is about what the others say.
    subject_groups: tuple[frozenset[str], ...] = ()

    def are_too_close(self, a: str, b: str) -> bool:
        return a != b and any(a in group and b in group for group in self.too_close)

    def source_type(self, type_id: str) -> VocabularyEntry:
        return _by_id(self.source_types, type_id)

    def claim_status(self, status_id: str) -> VocabularyEntry:
        return _by_id(self.claim_statuses, status_id)

    def technique(self, technique_id: str) -> VocabularyEntry:
        return _by_id(self.techniques, technique_id)


def _by_id(entries: tuple[VocabularyEntry, ...], entry_id: str) -> VocabularyEntry:
    for entry in entries:
        if entry.id == entry_id:
            return entry
    raise KeyError(entry_id)


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    via: str | None = None
    note: str = ""
    line: int = field(default=0, compare=False)  # where it starts in its file, for the audit's FILE:LINE


@dataclass(frozen=True)
class Claim:
    span: Span
    status: str
    source: str | None = None
    cues: tuple[Span, ...] = ()
    note: str = ""
    kind: str | None = None  # one of CLAIM_KINDS, or None when the teacher did not say
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Framing:
    span: Span
    technique: str
    note: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Suggestion:
    """An annotation still marked ``suggested: true``: ``kind`` is source, mention, claim or
    framing, ``where`` names it as the validator's messages do ("claim 3"), ``quote`` is its
    words (a source's name for a source) and ``line`` its line in the file."""

    kind: str
    where: str
    quote: str
    line: int = field(default=0, compare=False)

    def describe(self) -> str:
        return f"{self.where} ({self.quote})" if self.quote else self.where


@dataclass(frozen=True)
class HandQuestion:
    """A question the teacher wrote by hand.

    ``type`` is choice, multiple or select.  For choice/multiple, ``answers`` are
    indexes into ``choices``; for select, ``spans`` are the right word spans in
    ``block``.
    """

    type: str
    skill: str
    prompt: str
    note: str = ""
    choices: tuple[str, ...] = ()
    answers: tuple[int, ...] = ()
    block: int | None = None
    spans: tuple[Span, ...] = ()
    keys: tuple[Span, ...] = ()  # select: the words of each answer that show it was found
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    framing: tuple[Framing, ...] = ()
    # The blocks where the teacher marked every framing word (0 = headline): only there can a
    # question ask to find all the framing, or use unmarked words as clearly wrong choices.
    framing_complete: frozenset[int] = frozenset()
    questions: tuple[HandQuestion, ...] = ()
    fictional: bool = False
    quiz_length: int = 12
    meta: dict[str, str] = field(default_factory=dict)  # outlet, author, published, url, license, level
    # Annotations a teacher has not reviewed yet (``suggested: true``): such an article is never
    # imported or assigned.
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Block 0 is the title, then one block per paragraph."""
        return _blocks(self.title, self.paragraphs)

    def block(self, index: int) -> Block:
        return self.blocks[index]

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


_BLOCK_CACHE: dict[tuple[str, tuple[str, ...]], tuple[Block, ...]] = {}


def _blocks(title: str, paragraphs: tuple[str, ...]) -> tuple[Block, ...]:
    key = (title, paragraphs)
    cached = _BLOCK_CACHE.get(key)
    if cached is None:
        if len(_BLOCK_CACHE) > 256:
            _BLOCK_CACHE.clear()
        cached = (Block.from_text(title), *paragraph_blocks(paragraphs))
        _BLOCK_CACHE[key] = cached
    return cached


@functools.lru_cache(maxsize=64)
def paragraph_blocks(paragraphs: tuple[str, ...]) -> tuple[Block, ...]:
    """The paragraphs cut into words, once: the validator and the article share them."""
    return tuple(Block.from_text(text) for text in paragraphs)
