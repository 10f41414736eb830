"""Spot the technique: which of these phrases from the article uses a framing technique?"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from app.domain.article import HEADLINE_BLOCK, Span
from app.domain.kinds.base import (
    _AUXILIARIES,
    MIN_CHOICES,
    QuestionKind,
    _defined,
    _distinct,
    _framings,
    _notes,
    _phrase,
    words_subject,
)
from app.domain.kinds.name_from_vocabulary import MAX_VOCABULARY_DISTRACTORS
from app.domain.passage import PRONOUNS, ArticleReading, overlaps, words_of
from app.domain.question import CHOICE, Question
from app.domain.scoring import NEAR
from app.domain.text import FUNCTION_WORDS, Block, match_form


class SpotTechnique(QuestionKind):
    """Which of these phrases from the article uses a technique?  The right phrase is a framing
    span; the wrong ones are unmarked phrases of passages whose framing the teacher marked
    completely, so none of them is framing of any kind, yet each is a real phrase of the article."""

    name = "spot_technique"
    title = "Spot the technique"
    skill = "framing"
    type = CHOICE
    MAX_WORDS = 8

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        vocabulary = reading.vocabulary
        for index, framing, technique in _framings(reading):
            span = framing.span
            if (
                framing.technique in vocabulary.needs_recurring_words  # not visible in one phrase
                or framing.technique in vocabulary.needs_quotation_marks  # the only phrase in quotes
                or span.length > self.MAX_WORDS
                # A speaker's words among the writer's plain ones: the only quotation gives it away.
                or reading.has_quotation_marks(span)
            ):
                continue
            key = _phrase(reading, span.block, span.start, span.end)
            pool = self._plain_phrases(reading, span, framing.technique)
            picked = _apart(rng.sample(pool, len(pool)), MAX_VOCABULARY_DISTRACTORS)
            wrong = [text for text, _ in picked]
            if len(wrong) < MIN_CHOICES - 1:
                continue
            place = "the headline" if span.block == HEADLINE_BLOCK else "the article"
            yield self.choice(
                rng,
                prompt=(
                    f"{technique.label}: {technique.definition} "
                    f"Which of these words from {place} are an example of it?"
                ),
                explanation=_defined(
                    _notes([framing.note], f'"{key}" is an example of {technique.label.lower()}.'), technique
                ),
                right=f'"{key}"',
                wrong=[f'"{text}"' for text in wrong],
                span=None,
                about=[f"framing:{index}", words_subject(key)],
                line=framing.line,
                # The plain phrases count as what the question is about: two such questions sharing
                # them would show which one is the key.
                extra={
                    "framing": index,
                    "spans": [[span.block, span.start, span.end], *(w for _, w in picked)],
                },
            )

    def _plain_phrases(
        self, reading: ArticleReading, key: Span, technique: str
    ) -> list[tuple[str, list[int]]]:
        """Phrases of the key's length that are certainly not framing, yet are real words a reader
        could consider: unmarked content words of passages whose framing the teacher marked
        completely (the headline's for a headline key), away from every framing span, with no
        attribution, hedge or emotive word and no name in them."""
        article = reading.article
        framing = [item.span for item in article.framing]
        mentions = [m for source in article.sources for m in source.mentions]
        claims = [claim.span for claim in article.claims]
        in_headline = key.block == HEADLINE_BLOCK
        blocks = [b for b in sorted(article.framing_complete) if (b == HEADLINE_BLOCK) == in_headline]
        key_words = set(words_of(reading.blocks[key.block], key))
        phrases = []
        for block in blocks:
            text = reading.blocks[block]
            flagged = reading.attribution_hits(block) + reading.hedge_hits(block) + reading.loaded_hits(block)
            # As many words as the key, or one more: a one-word choice beside a two-word key stands out.
            windows = [
                w for size in (key.length, key.length + 1) for w in _content_windows(reading, block, size)
            ]
            for _, start, end in windows:
                # Words right beside a framing span may be part of it ("turning classrooms into a ...").
                probe = Span(block, max(0, start - NEAR - 1), end + NEAR + 1, "")
                words = words_of(text, (start, end))
                if any(probe.overlaps(f) for f in framing) or set(words) <= key_words:
                    continue
                sentence_of = [s for s in reading.sentences(block) if overlaps(s, (start, end))]
                if any(
                    f.block == block and overlaps(s, (f.start, f.end)) for f in framing for s in sentence_of
                ):
                    continue  # the sentence holding a framing span may be framed all through ("local boy")
                if end < len(text.words) and not text.gaps[end].strip():
                    continue  # "local boy lift" of "... lift the trophy": a phrase ends where the clause does
                if any(probe.overlaps(m) for m in mentions):
                    continue  # "named because" of "asked not to be named because": an attribution's words
                if any(Span(block, start, end, "").overlaps(c) for c in claims):
                    continue  # "cures hay fever": a claim's own words may overstate
                if any(overlaps((start, end), hit) for hit in flagged) or set(words) & PRONOUNS:
                    continue
                if set(range(start, end)) & reading.quoted(block):
                    continue  # a speaker's words: not sure they are plain
                if not in_headline and any(w[:1].isupper() for w in text.words[start:end]):
                    continue  # a name is no plausible example of a technique
                if (
                    not _describing(text, start)
                    or (start > 0 and text.words[start - 1].casefold() in _AUXILIARIES)
                    or _a_noun_alone(text, start, end)
                ):
                    # "parents", "newspaper tried": nobody would take them for framing; a phrase led by
                    # a describing word ("targeted strikes") has the form framing often takes.
                    continue
                phrases.append(
                    (_rarity(reading, words), _phrase(reading, block, start, end), [block, start, end])
                )
        # The most distinctive words first: "accusing" tempts a reader more than "parents".
        ranked = sorted(phrases, key=lambda item: item[0])
        texts = _distinct(text for _, text, _ in ranked)[: 2 * MAX_VOCABULARY_DISTRACTORS]
        where_of = {text: span for _, text, span in reversed(ranked)}
        return [(text, where_of[text]) for text in texts]


def _apart(phrases: list[tuple[str, list[int]]], count: int) -> list[tuple[str, list[int]]]:
    """The first ``count`` phrases that share no word of the article with each other: two wrong
    answers cut from the same words ("town where the plant", "plant has been") stand out."""
    picked: list[tuple[str, list[int]]] = []
    for text, (block, start, end) in phrases:
        if len(picked) == count:
            break
        if all(b != block or not overlaps((start, end), (s, e)) for _, (b, s, e) in picked):
            picked.append((text, [block, start, end]))
    return picked


# Endings of words that describe or act ("accusing", "relaxed", "sensible", "quickly"): plain
# words of that kind are what a reader could mistake for framing.
_DESCRIPTIVE_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "ous",
    "ful",
    "ive",
    "al",
    "ent",
    "ant",
    "able",
    "ible",
    "ic",
    "less",
    "est",
)


# Words before a noun: "every morning", "by an attendant".
_DETERMINERS_BEFORE = frozenset(
    {"a", "an", "the", "every", "each", "this", "that", "these", "those", "his", "her", "its", "their"}
    | {"our", "my", "your", "some", "any", "no"}
)


def _a_noun_alone(text: Block, start: int, end: int) -> bool:
    """One word after a determiner that ends its phrase: a noun ("morning" of "every morning",
    "attendant" of "by an attendant"), though it ends like a describing word (review 236)."""
    if (
        end - start != 1
        or start == 0
        or match_form(text.words[start - 1]).casefold() not in _DETERMINERS_BEFORE
    ):
        return False
    if end == len(text.words) or text.gaps[end].strip():
        return True
    following = text.words[end]
    return not (
        following[:1].islower() and following.isalpha() and following.casefold() not in FUNCTION_WORDS
    )


def _descriptive(word: str) -> bool:
    return len(word) >= 5 and word.isalpha() and word.endswith(_DESCRIPTIVE_ENDINGS)


# Endings that make a describing word whatever stands before it ("quickly", "famous", "careless");
# the others ("relaxed", "growing", "local", "vegetable", "drive") are as often a verb or a noun.
_SURELY_DESCRIPTIVE = ("ly", "ous", "ful", "less")
# Common nouns with those endings, and with the others, that begin a phrase like a describing word
# ("vegetable pasta", "evening buses", "warning label"): nobody would take them for framing.
_NOUNS_THAT_END_LIKE_DESCRIBING_WORDS = frozenset(
    ["family", "supply", "assembly", "rally", "reply", "handful", "vegetable", "table", "timetable"]
    + ["constable", "cable", "evening", "morning", "building", "meeting", "parking", "housing"]
    + ["funding", "spending", "training", "clothing", "ceiling", "wedding", "spring", "string"]
    + ["something", "nothing", "anything", "everything", "eating", "reading", "writing", "swimming"]
    + ["shopping", "opening", "warning", "feeling", "beginning", "ending", "setting", "hearing"]
    + ["planning", "painting", "booking", "rating", "ranking", "timing", "boarding", "marking"]
    + ["hospital", "festival", "arrival", "approval", "proposal", "rental", "signal", "animal"]
    + ["capital", "total", "referral", "removal", "renewal", "survival", "potential", "student"]
    + ["parent", "resident", "president", "agent", "event", "government", "department", "moment"]
    + ["payment", "restaurant", "assistant", "tenant", "servant", "applicant", "merchant", "client"]
    + ["patient", "incident", "accident", "statement", "treatment", "equipment", "management"]
    + ["traffic", "clinic", "public", "music", "topic", "republic", "objective", "detective"]
    + ["executive", "representative", "initiative", "alternative", "incentive", "motive", "drive"]
)
# Words after which a word ending in "-ed", "-ing", "-al" or the like describes the noun that follows
# ("the relaxed approach", "a growing number", "with careful planning"), not a verb's action ("which
# swapped chips", "don't drive").
_BEFORE_A_DESCRIBING_WORD = _DETERMINERS_BEFORE | frozenset(
    ["of", "in", "on", "for", "with", "by", "from", "at", "into", "and", "or", "very", "more", "most"]
)


def _describing(text: Block, start: int) -> bool:
    """The phrase at ``start`` begins with a describing word, as framing often does ("targeted
    strikes", "quietly"), not a verb or a noun that ends like one ("swapped chips", "vegetable pasta",
    "drive": review 240, a fail, and 241)."""
    word = match_form(text.words[start]).casefold()
    if not _descriptive(word) or word in _NOUNS_THAT_END_LIKE_DESCRIBING_WORDS:
        return False
    if word.endswith(_SURELY_DESCRIPTIVE):
        return True
    before = match_form(text.words[start - 1]).casefold() if start > 0 else ""
    # Before a noun ("a growing number"), after a word that leads to one.
    return (
        before in _BEFORE_A_DESCRIBING_WORD
        and start + 1 < len(text.words)
        and not text.gaps[start + 1].strip()
        and text.words[start + 1][:1].islower()
        and text.words[start + 1].isalpha()
        and match_form(text.words[start + 1]).casefold() not in FUNCTION_WORDS
    )


def _rarity(reading: ArticleReading, words: Sequence[str]) -> tuple[int, int]:
    """How common a phrase's words are in the article (fewer first), then longer words first."""
    counts = reading.word_counts()
    return (sum(counts.get(w, 0) for w in words), -sum(len(w) for w in words))


# Words that do not start or end a phrase a reader would pick out ("with the", "of the").
_FUNCTION_WORDS = FUNCTION_WORDS

# Words that start a clause: a phrase across one is two half-phrases.
_CLAUSE_WORDS = frozenset(
    ["who", "whom", "whose", "which", "what", "when", "where", "that", "because", "although", "while", "if"]
    + ["since", "until", "unless", "whether"]
)


def _content_windows(reading: ArticleReading, block: int, size: int) -> list[tuple[int, int, int]]:
    """Runs of ``size`` words with only spaces between them, starting and ending with a content word
    of four letters or more, so they read as a phrase of the article ("toxic sludge", not
    "pipe, according")."""
    text = reading.blocks[block]
    words = words_of(text, (0, len(text.words)))
    windows = []
    for start in range(len(words) - size + 1):
        end = start + size
        edges = (words[start], words[end - 1])
        if any(len(w) < 4 or w in _FUNCTION_WORDS or not w.isalpha() for w in edges):
            continue
        if any(w in _CLAUSE_WORDS for w in words[start:end]):
            continue  # "town where the plant": the end of one clause and the start of the next
        if not all(text.gaps[i] == " " for i in range(start + 1, end)):
            continue
        # A phrase stops where the sentence pauses or a small word starts the next phrase.
        opens = start == 0 or text.gaps[start] != " " or words[start - 1] in _FUNCTION_WORDS
        closes = end == len(words) or text.gaps[end] != " " or words[end] in _FUNCTION_WORDS
        if opens and closes:
            windows.append((block, start, end))
    return windows
