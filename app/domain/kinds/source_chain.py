"""The source chain: words that passed through several hands ("the French said ..., a fighter told
CNN") put in order, from the first speaker to this article.  The order comes from the sources'
``via`` (who passed whose words on).  ``via`` is set once per source, for its words in general, and
one paragraph can say that these words took another road ("At a public meeting, Ortiz said ..."),
so it is asked only where every link is named in the claim's own sentence: there the article
itself says which hands these words went through."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

from app.domain.article import Source, Span
from app.domain.kinds.base import (
    MIN_CHOICES,
    QuestionKind,
    _notes,
    _phrase,
    attributed_source,
    in_stem,
    relay_order,
    source_label,
    where,
)
from app.domain.passage import ArticleReading, name_words, names, trim_attribution, words_of
from app.domain.question import CHOICE, Question

THIS_ARTICLE = "this article"
ARROW = " \u2192 "
# With two links there are only two orders: too few choices to ask.  Three links give six orders.
MIN_LINKS = 3
MAX_WRONG_ORDERS = 3


def chain_in_sentence(reading: ArticleReading, chain: list[Source], span: Span) -> list[Span] | None:
    """A mention of every link of the chain inside the span's own sentence(s), in chain order, or
    None when a link is named only elsewhere (then the relay may not have carried these words)."""
    sentences = reading.sentences_of(span)

    def in_sentence(mention: Span) -> bool:
        return mention.block == span.block and any(
            s <= mention.start and mention.end <= e for s, e in sentences
        )

    found: list[Span] = []
    for position, link in enumerate(chain):
        here = [m for m in reading.naming_mentions(link) if in_sentence(m)]
        if not here and position:
            # "A driver told Fenwick FM": the outlet named inside the previous link's mention.
            block = reading.blocks[span.block]
            # Its whole name: "Eastbrook's MP" does not name "the Eastbrook Echo" (review 35).
            whole = name_words(link)
            here = [
                m
                for m in reading.naming_mentions(chain[position - 1])
                if in_sentence(m) and names(block, m, link) and whole <= set(words_of(block, m))
            ]
        if not here:
            return None
        found.append(here[0])
    return found


def chain_text(labels: tuple[str, ...] | list[str]) -> str:
    return ARROW.join([*labels, THIS_ARTICLE])


class SourceChain(QuestionKind):
    name = "source_chain"
    title = "The source chain"
    skill = "sources"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article = reading.article
        for index, claim in enumerate(article.claims):
            source = attributed_source(article, claim)
            if source is None:
                continue
            chain = relay_order(article, source)
            if len(chain) < MIN_LINKS:
                continue
            mentions = chain_in_sentence(reading, chain, claim.span)
            if mentions is not None:
                yield self._ask(reading, rng, index, chain, mentions)

    def _ask(
        self,
        reading: ArticleReading,
        rng: random.Random,
        index: int,
        chain: list[Source],
        mentions: list[Span],
    ) -> Question | None:
        claim = reading.article.claims[index]
        labels = [source_label(link) for link in chain]
        if len({label.casefold() for label in labels}) < len(labels):
            return None  # two links that read the same: the orders could not be told apart
        right = chain_text(labels)
        orders = [chain_text(order) for order in itertools.permutations(labels) if list(order) != labels]
        wrong = rng.sample(orders, min(MAX_WRONG_ORDERS, len(orders)))
        if len(wrong) < MIN_CHOICES - 1:
            return None
        steps = []
        for position, mention in enumerate(mentions):
            block = reading.blocks[mention.block]
            start, end = trim_attribution(block, mention, reading.vocabulary.attribution_words)
            words = _phrase(reading, mention.block, start, end)
            shown = "" if words.casefold() == labels[position].casefold() else f' ("{words}")'
            if position == 0:
                steps.append(f"{labels[position]} said it first{shown}")
            elif position < len(chain) - 1:
                steps.append(f"{labels[position]} passed it on{shown}")
            else:
                steps.append(f"{labels[position]} reported it{shown}, and this article took it from there")
        reason = "The order is: " + "; then ".join(steps) + ". Each step is a chance for the words to change."
        return self.choice(
            rng,
            prompt=(
                f"These words in {where(claim.span.block)} passed through several hands: "
                f'"{in_stem(claim.span.quote)}". In what order did they travel, from the first '
                "person who said them to this article?"
            ),
            explanation=_notes([reason, chain[0].note], reason),
            right=right,
            wrong=wrong,
            span=claim.span,
            about=[f"claim:{index}", f"source:{chain[0].id}"],
            line=claim.line,
            extra={
                "claim": index,
                # The chain's attributions are what the key reads: never beside a question on them.
                "spans": [
                    [claim.span.block, claim.span.start, claim.span.end],
                    *([m.block, m.start, m.end] for m in mentions),
                ],
            },
        )
