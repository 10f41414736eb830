"""Headline against body, with the evidence: which sentence of the article backs up the headline's
words?  Asked for headline words the teacher marked as saying more than the article (a
headline-only technique such as ``headline_body_mismatch``), so the key is "none of them".  The
sentences offered are the ones the teacher's note quotes while explaining the mismatch: the
passages a reader could take for support, which the teacher says do not give it.  Such a sentence
often backs the headline up in part (the weaker fact, or someone saying the headline's words), so a
sentence that shares a word with the headline's marked words is never offered, and the question asks
which sentence says *all* the headline says: each offered sentence says less, which is what the
teacher's mark says of the whole article."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

from app.domain.article import HEADLINE_BLOCK, SOURCED_STATUSES, Framing, Span
from app.domain.kinds.base import (
    MIN_CHOICES,
    QuestionKind,
    _defined,
    _notes,
    content_words,
    headline_asks,
    says_who_only,
    starts_with_a_link,
    without_outer_quotes,
)
from app.domain.passage import ArticleReading, words_of
from app.domain.question import CHOICE, Question
from app.domain.text import Block, display_form, figures, match_form

NONE_OF_THEM = "None of them: each says less than the headline"
# A sentence longer than this is too much to read as one choice.
MAX_SENTENCE_WORDS = 40
MAX_SENTENCES = 3
_QUOTED_IN_NOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_DOUBLE_QUOTES = '"\u201c\u201d'
_LEAD = re.compile(r"\S*$")
_TAIL = re.compile(r"^\S*")
# Compared by their first letters, so "bans" meets "banned" and "tests" meets "tested"; a sentence
# wrongly left out costs a choice, a sentence wrongly offered could be a second key.
ROOT_LETTERS = 3
SOURCED_WITHOUT_HEDGE = SOURCED_STATUSES


def word_roots(text: str) -> set[str]:
    return content_words(text, ROOT_LETTERS)


def sentence_text(block: Block, start: int, end: int) -> str:
    """A sentence as the article prints it, with its own quotation marks and final stop."""
    lead = _LEAD.search(block.gaps[start])
    tail = _TAIL.match(block.gaps[end])
    body = block.text[block.starts[start] : block.ends[end - 1]]
    text = display_form((lead.group() if lead else "") + body + (tail.group() if tail else ""))
    # A quotation that runs on into the next sentence is closed here, so the choice reads whole.
    marks = sum(text.count(mark) for mark in _DOUBLE_QUOTES)
    if marks % 2 and text[:1] in _DOUBLE_QUOTES:
        text += '"'
    elif marks % 2:
        text = '"' + text  # the sentence starts inside a quotation that began before it
    return text


# Words with which a sentence turns against what came before, warns, denies or plays down ("The
# before and after numbers are not really comparable," the officer said).
_TURNING_WORDS = frozenset(
    [
        "but", "however", "although", "though", "despite", "warned", "warns", "cautioned",
        "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "cannot",
        "denied", "denies", "disputed", "disputes", "questioned", "doubt", "doubts",
        "fell", "fallen", "fewer", "less", "only", "rejected", "rejects", "dismissed", "dismisses",
        "refuted", "refutes",
    ]
)  # fmt: skip


class HeadlineEvidence(QuestionKind):
    name = "headline_evidence"
    title = "Headline against body: the evidence"
    skill = "framing"
    type = CHOICE

    def __init__(self, said_in_the_body: Callable[[ArticleReading, Span], str | None]) -> None:
        # How "headline against the article" finds a sentence that says the headline's words; given
        # by the registry, whose module holds it (it imports this one).
        self.said_in_the_body = said_in_the_body

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        vocabulary = reading.vocabulary
        for index, framing in enumerate(reading.article.framing):
            if framing.span.block != HEADLINE_BLOCK or framing.technique not in vocabulary.headline_only:
                continue
            if self.said_in_the_body(reading, framing.span) is not None:
                # "Puts Patients in the Driving Seat", quoted whole in paragraph 2: "none of them says
                # all that these words say" would be false (review 331).
                continue
            if says_who_only(reading, framing.span, framing.note) or starts_with_a_link(framing.span.quote):
                continue  # "Scientists Say": the article may well match these words
            if headline_asks(reading.article):
                # "Are Patients' Lives Being Gambled Away ...?": cut out of the question, its words
                # read as a statement it never made (review 270); "headline against the article" asks.
                continue
            try:
                technique = vocabulary.technique(framing.technique)
            except KeyError:
                continue
            headline_roots = word_roots(framing.span.quote) | figures(framing.span.quote)
            sentences = [
                (text, place)
                for text, place in self.noted_sentences(reading, framing)
                if not (word_roots(text) | figures(text)) & headline_roots
                and not self.states_a_sourced_claim(reading, place)
                and not self.argues_against(reading, place)
            ]
            if len(sentences) < MIN_CHOICES - 1:
                continue  # the note points at too few sentences to choose from
            shown = rng.sample(sentences, min(MAX_SENTENCES, len(sentences)))
            quote = without_outer_quotes(display_form(framing.span.quote))
            reason = (
                f'None of these sentences says all that "{quote}" says: the article says less than the '
                "headline."
            )
            yield self.choice(
                rng,
                prompt=(
                    f'The headline says "{quote}". Which of these sentences from the article says all '
                    f"that {'this word says' if len(quote.split()) == 1 else 'these words say'}, if any?"
                ),
                explanation=_defined(_notes([reason, framing.note], reason), technique),
                right=NONE_OF_THEM,
                wrong=[text for text, _ in shown],
                span=framing.span,
                about=[f"framing:{index}"],
                line=framing.line,
                extra={
                    "framing": index,
                    "spans": [
                        [HEADLINE_BLOCK, framing.span.start, framing.span.end],
                        *(where for _, where in shown),
                    ],
                },
            )

    @staticmethod
    def argues_against(reading: ArticleReading, place: list[int]) -> bool:
        """A sentence that turns against the headline ("It may work out, but ..."; "warned that it
        could become a burden"): nobody would take it for the headline's evidence, so offered as a
        wrong answer it gives the key away.  A hedged one ("is reportedly set to") stays: noticing
        its hedge is the lesson."""
        block, first, last = place
        words = set(words_of(reading.blocks[block], (first, last)))
        return bool(words & _TURNING_WORDS) or any(word.endswith(("n't", "n\u2019t")) for word in words)

    @staticmethod
    def states_a_sourced_claim(reading: ArticleReading, place: list[int]) -> bool:
        """The sentence holds a claim the teacher marked as sourced with no hedge in it ("The release
        calls the results 'clear evidence'"): it may say the headline's claim in other words, so its
        shortfall is not plain to see."""
        block, first, last = place
        return any(
            claim.span.block == block
            and claim.span.start < last
            and first < claim.span.end
            and claim.status in SOURCED_WITHOUT_HEDGE
            and not claim.cues
            for claim in reading.article.claims
        )

    @staticmethod
    def noted_sentences(reading: ArticleReading, framing: Framing) -> list[tuple[str, list[int]]]:
        """The article's sentences that hold a phrase the framing's note quotes (the headline's own
        words aside), each found exactly once in the paragraphs."""
        headline = reading.blocks[HEADLINE_BLOCK]
        own_words = {w.casefold() for w in headline.words[framing.span.start : framing.span.end]}
        found: dict[tuple[int, int, int], str] = {}
        for phrase in _QUOTED_IN_NOTE.findall(framing.note):
            words = Block.from_text(match_form(phrase)).words
            if not words or {w.casefold() for w in words} <= own_words:
                continue  # the note quoting the headline itself
            places = [
                (index, *reading.blocks[index].word_range(*hit))
                for index in range(1, len(reading.blocks))
                for hit in reading.blocks[index].find_all(phrase)
            ]
            if len(places) != 1:
                continue  # not in the paragraphs, or in several places: which sentence is meant?
            block_index, start, end = places[0]
            for first, last in reading.sentences(block_index):
                if first <= start and end <= last and last - first <= MAX_SENTENCE_WORDS:
                    block = reading.blocks[block_index]
                    found[(block_index, first, last)] = sentence_text(block, first, last)
        return [(text, [b, s, e]) for (b, s, e), text in sorted(found.items())]
