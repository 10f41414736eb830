"""Name the technique: which framing technique some words of the article use."""

from __future__ import annotations

import random
from collections.abc import Iterator

from app.domain.article import HEADLINE_BLOCK
from app.domain.kinds.base import _defined, _framings, _notes, in_stem, where
from app.domain.kinds.name_from_vocabulary import NameFromVocabulary, _vocabulary_wrong
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, Question


class NameTechnique(NameFromVocabulary):
    """Name the technique of some words.  Most emotive words do several techniques at once, so the
    wrong answers are only techniques that are clearly wrong for these words and that the article
    uses elsewhere (so a student could plausibly pick them); with fewer than two, no question."""

    name = "name_technique"
    title = "Name the technique"
    confusion_title = "Framing techniques"
    skill = "framing"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article, vocabulary = reading.article, reading.vocabulary
        for index, framing, right in _framings(reading):
            span = framing.span
            in_headline = span.block == HEADLINE_BLOCK
            if framing.technique in vocabulary.headline_only:
                # In a paragraph it is no such technique; in the headline the stem's "headline" would
                # point at its label, and the headline kinds ask it (review 93).
                continue
            # The same words tagged with another technique make that one right too.
            also_right = {
                other.technique
                for other_index, other in enumerate(article.framing)
                if other_index != index and other.span.overlaps(span)
            }
            # A wrong technique must be plausible too: one this article uses for other words.
            used_elsewhere = {other.technique for other in article.framing if not other.span.overlaps(span)}
            allowed = [
                entry.id
                for entry in vocabulary.techniques
                if entry.id in used_elsewhere
                and entry.id not in vocabulary.broad_techniques
                and (in_headline or entry.id not in vocabulary.headline_only)
                and not (entry.id in vocabulary.needs_recurring_words and reading.recurs(span))
                and entry.id not in vocabulary.shown_by_form
            ]
            if right.id in vocabulary.shown_by_form:
                continue  # "'Miracle'": its quotation marks name it, and no wrong answer has them (review 43)
            wrong = _vocabulary_wrong(vocabulary, vocabulary.techniques, right.id, also_right, rng, allowed)
            # "is used", not "does the writer use": the words may be a speaker's, quoted.
            yield self.name_it(
                rng,
                right,
                wrong,
                prompt=f'Which technique is used in {where(span.block)}: "{in_stem(span.quote)}"?',
                explanation=_defined(_notes([framing.note], ""), right),
                span=span,
                about=[f"framing:{index}"],
                line=framing.line,
                extra={"framing": index},
            )
