"""Select every annotated span of one kind in a passage: :class:`FindInPassage`, the shared base
of "find the attributions", "find unverified claims" and "find the framing"."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from app.domain.article import Article
from app.domain.kinds.base import QuestionKind, _notes, _paragraph_indexes, _phrase, in_stem, where
from app.domain.passage import ArticleReading
from app.domain.question import Question


def _labelled_notes(texts: Sequence[str], gold: Sequence[tuple[Any, ...]]) -> list[str]:
    """The teachers' notes of several passages, each after the words it is about, so that notes
    written for different sources are not read as one."""
    # A source's note shown with more beside it at one mention (the outlet that passed its words on)
    # is that fuller note at its other mentions too, so it is printed once (reviews 413, 417, 421).
    fuller = {
        str(item[2]): max((str(other[1]).strip() for other in gold if other[2] == item[2]), key=len)
        for item in gold
    }
    notes = []
    for text, item in zip(texts, gold, strict=True):
        note, subject = str(item[1]).strip(), str(item[2])
        if note:
            notes.append((text, fuller[subject] if note in fuller[subject] else note))
    # One note per source or span, however many of its words are asked for ("One rider", "he said").
    by_note: dict[str, list[str]] = {}
    for text, note in notes:
        by_note.setdefault(note, []).append(text)
    if len(by_note) <= 1:
        return list(by_note)
    # Two notes on the same words (one span marked with two techniques) follow those words once.
    by_words: dict[tuple[str, ...], list[str]] = {}
    for note, words in by_note.items():
        by_words.setdefault(tuple(dict.fromkeys(words)), []).append(note)
    # In a stem's form: a span that stops inside a quotation ('much-hyped "paperless future') shows
    # its marks closed and single (review 120).
    return [
        ", ".join(f'"{in_stem(text)}"' for text in words) + ": " + " ".join(notes)
        for words, notes in by_words.items()
    ]


def _words_to_select(texts: Iterable[str]) -> str:
    quotes = ", ".join(f'"{text}"' for text in dict.fromkeys(texts))
    return f"The words to select: {quotes}."


class FindInPassage(QuestionKind):
    """Select every annotated span of one kind in a passage: one question per passage that has some.

    Subclasses say which passages to ask about, which spans (with their notes and key words)
    are gold in one passage, and whether the passage is annotated completely enough to ask.
    """

    task = ""  # e.g. "every attribution in {where}: ..." (``{where}`` names the passage)
    draws_at_random = False  # a passage to select in: nothing to shuffle
    # One plausible word too many in a ten-word headline cost a third of the marks (reviews 35 and
    # 36); with six words or more that cost marks, at most a sixth.
    min_wrong_words_in_headline = 6
    lead = "The words to select: {words}."  # why the key is the key, before the teachers' notes

    def passages(self, article: Article) -> Iterable[int]:
        return _paragraph_indexes(article)

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        """(word range, note, subject such as "claim:3", annotation line) of each gold span."""
        raise NotImplementedError

    def keys_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        return []

    def free_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        return []

    def cores_in(
        self, reading: ArticleReading, block: int, keys: Sequence[tuple[int, int]]
    ) -> list[tuple[int, list[int]]]:
        """(how many, which words) find a gold span that has no key words (see scoring.span_credit)."""
        return []

    def keys_and_cores_in(
        self, reading: ArticleReading, block: int
    ) -> tuple[list[tuple[int, int]], list[tuple[int, list[int]]]]:
        """The key words and the cores of the passage's gold spans, worked out together where one
        depends on the other."""
        keys = self.keys_in(reading, block)
        return keys, self.cores_in(reading, block, keys)

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        raise NotImplementedError

    def task_in(self, reading: ArticleReading, block: int) -> str:
        """What to select, for this passage (``{where}`` names it)."""
        return self.task

    def lead_in(self, reading: ArticleReading, block: int) -> str:
        """Why the key is the key, for this passage (``{words}`` lists the gold spans)."""
        return self.lead

    def also_right_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        """Words that are right to select but not needed, which the explanation names so that a
        student who selected them does not read the answer as saying they were wrong."""
        return []

    def claims_about(self, reading: ArticleReading, block: int) -> list[int]:
        """The claims of the passage the question is about: its answer shows which of them have a
        source (or none), so all of them (see FindFraming)."""
        return [index for index, _ in reading.claims_in(block)]

    def claims_spoken_of(self, reading: ArticleReading, block: int, explanation: str) -> list[int]:
        """Claims of the passage not in ``claims_about`` whose source the explanation speaks of (see
        quiz_rules.speaks_of_the_source_of)."""
        return []

    def guessed_without_reading(self, reading: ArticleReading, block: int, question: Question) -> bool:
        """The passage's punctuation or shape alone points at every answer (see FindFraming)."""
        return False

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for index in self.passages(reading.article):
            gold = self.gold_in(reading, index)
            if not gold or not self.fully_annotated(reading, index):
                continue
            free = self.free_in(reading, index)
            block = reading.blocks[index]
            texts = [_phrase(reading, index, s, e) for (s, e), *_ in gold]
            also = [_phrase(reading, index, s, e) for s, e in self.also_right_in(reading, index)]
            also_right = (
                " Right to select too, though not needed: "
                + ", ".join(f'"{in_stem(t)}"' for t in dict.fromkeys(also))
                + "."
                if also
                else ""
            )
            keys, cores = self.keys_and_cores_in(reading, index)
            extra: dict[str, Any] = {"free": [list(span) for span in free]}
            if cores:
                extra["cores"] = [[need, words] for need, words in cores]
            explanation = _notes(
                [
                    # 'so-called "crackdown' reads "so-called 'crackdown'" (review 68).
                    self.lead_in(reading, index).format(
                        words=", ".join(f'"{in_stem(t)}"' for t in dict.fromkeys(texts))
                    )
                    + also_right,
                    *_labelled_notes(texts, gold),
                ],
                _words_to_select(texts),
            )
            spoken_of = self.claims_spoken_of(reading, index, explanation)
            if spoken_of:
                extra["speaks_of_claims"] = spoken_of
            question = self.select(
                prompt="Select " + self.task_in(reading, index).format(where=where(index)),
                explanation=explanation,
                block_index=index,
                block=block,
                gold=[span for span, *_ in gold],
                keys=keys,
                extra=extra,
                about=[subject for _, _, subject, _ in gold]
                + [f"claim:{i}" for i in self.claims_about(reading, index)],
                line=min(line for *_, line in gold),
            )
            if question is not None and not self.guessed_without_reading(reading, index, question):
                yield question
