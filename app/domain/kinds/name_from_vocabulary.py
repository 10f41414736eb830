"""Naming words with a vocabulary entry: :class:`NameFromVocabulary`, the shared base of "kind
of source" and "name the technique", whose choices are vocabulary labels shown with their
definitions, and the entries that are certainly wrong answers."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from app.domain.article import Span, Vocabulary, VocabularyEntry
from app.domain.kinds.base import QuestionKind
from app.domain.question import Question

MAX_VOCABULARY_DISTRACTORS = 3


def _vocabulary_wrong(
    vocabulary: Vocabulary,
    entries: Sequence[VocabularyEntry],
    right_id: str,
    also_right: set[str],
    rng: random.Random,
    allowed: Iterable[str] | None = None,
) -> list[VocabularyEntry]:
    """Up to three vocabulary entries that are certainly wrong answers (``allowed`` limits the
    candidates)."""
    candidates = _wrong_candidates(vocabulary, entries, right_id, also_right, allowed)
    return rng.sample(candidates, min(MAX_VOCABULARY_DISTRACTORS, len(candidates)))


def _wrong_candidates(
    vocabulary: Vocabulary,
    entries: Sequence[VocabularyEntry],
    right_id: str,
    also_right: set[str],
    allowed: Iterable[str] | None = None,
) -> list[VocabularyEntry]:
    taken = {right_id, *also_right}
    permitted = None if allowed is None else set(allowed)
    return [
        entry
        for entry in entries
        if entry.id not in taken
        and (permitted is None or entry.id in permitted)
        and not any(vocabulary.are_too_close(entry.id, other) for other in taken)
    ]


class NameFromVocabulary(QuestionKind):
    """Name some words of the article with a vocabulary entry (a kind of source, a technique): the
    key is the right entry's label, the wrong answers other entries' labels, each choice shown
    with its definition."""

    def name_it(
        self,
        rng: random.Random,
        right: VocabularyEntry,
        wrong: Sequence[VocabularyEntry],
        *,
        prompt: str,
        explanation: str,
        span: Span,
        about: Iterable[str],
        line: int,
        extra: dict[str, Any],
    ) -> Question | None:
        return self.choice(
            rng,
            prompt=prompt,
            explanation=explanation,
            right=right.label,
            wrong=[entry.label for entry in wrong],
            span=span,
            about=about,
            line=line,
            definitions={entry.label: entry.definition for entry in (right, *wrong)},
            extra=extra,
        )
