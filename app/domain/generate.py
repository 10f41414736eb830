"""Quiz questions generated from an annotated article, and the choice of a quiz.

Each question kind is a small class registered in :data:`KINDS`; a kind turns an
article's annotations into questions and returns none where the answer could not
be read from the text (too few distractors, no gold words, gold too dense).
Randomness comes only from the ``random.Random`` passed in, so a seed fixes a quiz.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from app.domain.article import (
    SOURCED_STATUSES,
    TITLE_BLOCK,
    UNVERIFIED_STATUSES,
    Article,
    Claim,
    HandQuestion,
    Source,
    Span,
    Vocabulary,
    VocabularyEntry,
)
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.text import Block, display_form, match_form

NOT_SAID = "The article does not say"
SUPPORT_NAMED = "a named source"
SUPPORT_UNNAMED = "only an unnamed or vague source"
SUPPORT_HEDGED = "hedged by the writer"
SUPPORT_NONE = "no source at all"
SUPPORT_CHOICES = (SUPPORT_NAMED, SUPPORT_UNNAMED, SUPPORT_HEDGED, SUPPORT_NONE)
_SUPPORT_EXPLAINED = {
    SUPPORT_NAMED: "The article names the source of this claim.",
    SUPPORT_UNNAMED: "The only source the article gives for this claim is unnamed or vague.",
    SUPPORT_HEDGED: "The writer hedges this claim instead of confirming it.",
    SUPPORT_NONE: "The article gives no source at all for this claim.",
}
UNNAMED_SOURCE_TYPES = frozenset({"anonymous", "vague"})

# Fewer than three choices makes guessing too cheap to learn anything from the answer.
MIN_CHOICES = 3
MAX_VOCABULARY_DISTRACTORS = 3
MAX_SOURCE_CHOICES = 4
# Gold words may be at most 1/MAX_GOLD_SHARE of the words shown, so that selecting
# everything scores at most F1 = 2d / (1 + d) = 0.5.
MAX_GOLD_SHARE = 3

# Vocabulary ids where one is a broader name for the other: a student picking the
# broader one for the narrower case would also be right, so they never distract
# from each other.
_BROADER_THAN: dict[str, frozenset[str]] = {
    "named_person": frozenset({"named_official"}),
    "named_organisation": frozenset({"news_outlet"}),
    "emotional_appeal": frozenset({"appeal_to_fear_prejudice", "flag_waving", "loaded_language"}),
}


def _close_call(a: str, b: str) -> bool:
    return b in _BROADER_THAN.get(a, frozenset()) or a in _BROADER_THAN.get(b, frozenset())


def _same_text(a: str, b: str) -> bool:
    return match_form(a).casefold() == match_form(b).casefold()


def _distinct(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for text in texts:
        key = match_form(text).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept


def _where(block: int) -> str:
    return "the headline" if block == TITLE_BLOCK else f"paragraph {block}"


def _focus(span: Span) -> tuple[int, int, int]:
    return (span.block, span.start, span.end)


def _notes(notes: Iterable[str], fallback: str) -> str:
    kept = _distinct(note.strip() for note in notes)
    return " ".join(kept) if kept else fallback


def _words_to_select(spans: Iterable[Span]) -> str:
    quotes = ", ".join(f'"{display_form(span.quote)}"' for span in spans)
    return f"The words to select: {quotes}."


def _merge_overlapping(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Overlapping spans become one (the union is what is asked); adjacent ones stay apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def gold_is_sparse(gold: Iterable[tuple[int, int]], word_count: int) -> bool:
    """True when there are gold words and they are at most a third of the words shown."""
    gold_words = {i for start, end in gold for i in range(start, end)}
    return bool(gold_words) and MAX_GOLD_SHARE * len(gold_words) <= word_count


class QuestionKind:
    """One kind of question. Subclasses set the class attributes and implement ``generate``."""

    name: ClassVar[str]
    skill: ClassVar[str]  # "" for hand-written kinds: each question carries the teacher's skill
    type: ClassVar[str]
    hand_written: ClassVar[bool] = False

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        raise NotImplementedError

    def choice(
        self,
        rng: random.Random,
        *,
        prompt: str,
        explanation: str,
        right: str,
        wrong: Iterable[str],
        span: Span | None = None,
        last: str | None = None,
        definitions: dict[str, str] | None = None,
        skill: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Question | None:
        """A one-choice question, choices shuffled; ``last`` (e.g. "does not say") stays last."""
        options = _distinct([right, *(text for text in wrong if not _same_text(text, right))])
        pinned = [text for text in options if last is not None and _same_text(text, last)]
        shuffled = [text for text in options if text not in pinned]
        rng.shuffle(shuffled)
        choices = shuffled + pinned
        if len(choices) < MIN_CHOICES:
            return None
        extra = dict(extra or {})
        if definitions:
            extra["definitions"] = [definitions.get(text, "") for text in choices]
        return Question(
            kind=self.name,
            type=CHOICE,
            skill=skill or self.skill,
            prompt=prompt,
            explanation=explanation,
            choices=tuple(choices),
            answer=(choices.index(right),),
            focus=_focus(span) if span is not None else None,
            quote=display_form(span.quote) if span is not None else "",
            extra=extra,
        )

    def select(
        self,
        *,
        prompt: str,
        explanation: str,
        block_index: int,
        block: Block,
        gold: Iterable[tuple[int, int]],
        span: Span | None = None,
        skill: str | None = None,
        require_sparse: bool = True,
        extra: dict[str, Any] | None = None,
    ) -> Question | None:
        """A select-words question over the words of ``block``; ``gold`` are word spans in it."""
        spans = _merge_overlapping((s, e) for s, e in gold if 0 <= s < e <= len(block.words))
        if not spans:
            return None
        if require_sparse and not gold_is_sparse(spans, len(block.words)):
            return None
        return Question(
            kind=self.name,
            type=SELECT,
            skill=skill or self.skill,
            prompt=prompt,
            explanation=explanation,
            block=block_index,
            words=block.words,
            gaps=block.gaps,
            gold=spans,
            focus=_focus(span) if span is not None else None,
            quote=display_form(span.quote) if span is not None else "",
            extra=dict(extra or {}),
        )


def _vocabulary_wrong(
    entries: Sequence[VocabularyEntry], right_id: str, also_right: set[str], rng: random.Random
) -> list[VocabularyEntry]:
    """Up to three vocabulary entries that are certainly wrong answers."""
    taken = {right_id, *also_right}
    candidates = [
        entry
        for entry in entries
        if entry.id not in taken and not any(_close_call(entry.id, other) for other in taken)
    ]
    return rng.sample(candidates, min(MAX_VOCABULARY_DISTRACTORS, len(candidates)))


def _relay_chain(article: Article, source: Source) -> set[str]:
    """The source's id and every source that relayed it (its ``via`` chain)."""
    chain = {source.id}
    current = source
    while current.via is not None and current.via not in chain:
        chain.add(current.via)
        try:
            current = article.source(current.via)
        except KeyError:
            break
    return chain


def attributed_source(article: Article, claim: Claim) -> Source | None:
    """The source the article gives for a claim; an unattributed claim has none whatever its annotation."""
    if claim.source is None or claim.status == "unattributed":
        return None
    try:
        return article.source(claim.source)
    except KeyError:
        return None


def _paragraph_indexes(article: Article) -> range:
    return range(1, len(article.paragraphs) + 1)


def _spans_in(spans: Iterable[Span], block: int) -> list[Span]:
    return [span for span in spans if span.block == block]


class WhoSaidIt(QuestionKind):
    name = "who_said_it"
    skill = "sources"
    type = CHOICE

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for index, claim in enumerate(article.claims):
            question = self._for_claim(article, index, claim, rng)
            if question is not None:
                questions.append(question)
        return questions

    def _for_claim(self, article: Article, index: int, claim: Claim, rng: random.Random) -> Question | None:
        source = attributed_source(article, claim)
        if source is not None:
            right = source.name
        elif claim.status in UNVERIFIED_STATUSES:
            right = NOT_SAID
        else:
            return None  # a sourced status whose source is unknown: nothing to read
        # Anyone who relayed the source, or is given for the same words in another claim,
        # could also be said to be where the words come from: never a wrong choice.
        also_right: set[str] = set()
        for other in article.claims:
            if other.span.overlaps(claim.span):
                other_source = attributed_source(article, other)
                if other_source is not None:
                    also_right |= _relay_chain(article, other_source)
        right_names = [right, *(s.name for s in article.sources if s.id in also_right)]
        names = [
            name
            for name in _distinct(s.name for s in article.sources)
            if not any(_same_text(name, taken) for taken in right_names)
        ]
        wanted = MAX_SOURCE_CHOICES - (1 if source is not None else 0)
        wrong_sources = rng.sample(names, min(wanted, len(names)))
        if len(wrong_sources) + (1 if source is not None else 0) < 2:
            return None  # with one source on offer the question would not test anything
        if source is not None:
            explanation = _notes([claim.note, source.note], f"The article attributes this to {source.name}.")
        else:
            explanation = _notes([claim.note], "The article gives no source for this.")
        return self.choice(
            rng,
            prompt=f'Who does the article say this comes from: "{display_form(claim.span.quote)}"?',
            explanation=explanation,
            right=right,
            wrong=[*wrong_sources, NOT_SAID],
            span=claim.span,
            last=NOT_SAID,
            extra={"claim": index},
        )


class SourceType(QuestionKind):
    name = "source_type"
    skill = "sources"
    type = CHOICE

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for source in article.sources:
            try:
                right = vocabulary.source_type(source.type)
            except KeyError:
                continue
            for mention_index, mention in enumerate(source.mentions):
                # Another source quoted in the same words (a fighter "told CNN") makes its type right too.
                also_right = {
                    other.type
                    for other in article.sources
                    if other.id != source.id and any(m.overlaps(mention) for m in other.mentions)
                }
                wrong = _vocabulary_wrong(vocabulary.source_types, right.id, also_right, rng)
                question = self.choice(
                    rng,
                    prompt=(
                        f'In "{display_form(mention.quote)}", the article relies on {source.name}. '
                        "What kind of source is that?"
                    ),
                    explanation=_notes([source.note], f"{right.label}: {right.definition}"),
                    right=right.label,
                    wrong=[entry.label for entry in wrong],
                    span=mention,
                    definitions={entry.label: entry.definition for entry in (right, *wrong)},
                    extra={"source": source.id, "mention": mention_index},
                )
                if question is not None:
                    questions.append(question)
        return questions


class FindInPassage(QuestionKind):
    """Select every annotated span of one kind in a passage: one question per passage that has some.

    Subclasses say which passages to ask about, which spans (with their notes) are gold in one
    passage, and what to ask.
    """

    task = ""  # e.g. "every attribution in {where}: ..." (``{where}`` names the passage)

    def passages(self, article: Article) -> Iterable[int]:
        return _paragraph_indexes(article)

    def gold_in(self, article: Article, block: int) -> list[tuple[Span, str]]:
        raise NotImplementedError

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for index in self.passages(article):
            gold = self.gold_in(article, index)
            question = self.select(
                prompt="Select " + self.task.format(where=_where(index)),
                explanation=_notes((note for _, note in gold), _words_to_select(span for span, _ in gold)),
                block_index=index,
                block=article.block(index),
                gold=[(span.start, span.end) for span, _ in gold],
            )
            if question is not None:
                questions.append(question)
        return questions


class FindSources(FindInPassage):
    name = "find_sources"
    skill = "sources"
    type = SELECT
    task = "every attribution in {where}: the words that tell you where the information comes from."

    def gold_in(self, article: Article, block: int) -> list[tuple[Span, str]]:
        return [
            (mention, source.note)
            for source in article.sources
            for mention in _spans_in(source.mentions, block)
        ]


def support_level(article: Article, claim: Claim) -> str | None:
    """How well the article supports a claim, as one of SUPPORT_CHOICES; None if it cannot be told."""
    if claim.status == "hedged":
        # A hedged claim that also names its source ("Le Drian suggested ...") could fairly be
        # answered "hedged" or "a named source": ask no question rather than mark a defensible answer wrong.
        return SUPPORT_HEDGED if claim.source is None else None
    if claim.status == "unattributed":
        return SUPPORT_NONE
    if claim.status in SOURCED_STATUSES:
        source = attributed_source(article, claim)
        if source is None:
            return None
        return SUPPORT_UNNAMED if source.type in UNNAMED_SOURCE_TYPES else SUPPORT_NAMED
    return None


class Support(QuestionKind):
    name = "support"
    skill = "claims"
    type = CHOICE

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for index, claim in enumerate(article.claims):
            right = support_level(article, claim)
            same_words = [other for other in article.claims if other.span == claim.span]
            if right is None or any(support_level(article, other) != right for other in same_words):
                continue  # the same words annotated twice with different support: no single answer
            question = self.choice(
                rng,
                prompt=f'How well supported is this claim: "{display_form(claim.span.quote)}"?',
                explanation=_notes([claim.note], _SUPPORT_EXPLAINED[right]),
                right=right,
                wrong=SUPPORT_CHOICES,
                span=claim.span,
                extra={"claim": index},
            )
            if question is not None:
                questions.append(question)
        return questions


class FindUnverified(FindInPassage):
    name = "find_unverified"
    skill = "claims"
    type = SELECT
    task = "the claims in {where} that are not verified: hedged by the writer or given with no source at all."

    def gold_in(self, article: Article, block: int) -> list[tuple[Span, str]]:
        return [
            (claim.span, claim.note)
            for claim in article.claims
            if claim.span.block == block and claim.status in UNVERIFIED_STATUSES
        ]


class SpotHedge(QuestionKind):
    name = "spot_hedge"
    skill = "claims"
    type = SELECT

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for index, claim in enumerate(article.claims):
            span = claim.span
            cues = [cue for cue in claim.cues if span.contains(cue)]
            if not cues:
                continue
            block = article.block(span.block)
            shown = block.slice(span.start, span.end)
            if shown.words != block.words[span.start : span.end]:
                continue  # the claim's words cannot be shown on their own without shifting the cues
            cue_words = ", ".join(f'"{display_form(cue.quote)}"' for cue in cues)
            question = self.select(
                prompt="Select the word or words that show this claim is not confirmed.",
                explanation=_notes([claim.note], f"The words {cue_words} show the claim is not confirmed."),
                block_index=span.block,
                block=shown,
                gold=[(cue.start - span.start, cue.end - span.start) for cue in cues],
                span=span,
                # Where the words shown start in the article's block, to map them back.
                extra={"claim": index, "offset": span.start},
            )
            if question is not None:
                questions.append(question)
        return questions


class NameTechnique(QuestionKind):
    name = "name_technique"
    skill = "framing"
    type = CHOICE

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for index, framing in enumerate(article.framing):
            try:
                right = vocabulary.technique(framing.technique)
            except KeyError:
                continue
            # The same words tagged with another technique make that one right too.
            also_right = {
                other.technique
                for other_index, other in enumerate(article.framing)
                if other_index != index and other.span.overlaps(framing.span)
            }
            wrong = _vocabulary_wrong(vocabulary.techniques, right.id, also_right, rng)
            question = self.choice(
                rng,
                prompt=(
                    f"Which technique does the writer use in {_where(framing.span.block)}: "
                    f'"{display_form(framing.span.quote)}"?'
                ),
                explanation=_notes([framing.note], f"{right.label}: {right.definition}"),
                right=right.label,
                wrong=[entry.label for entry in wrong],
                span=framing.span,
                definitions={entry.label: entry.definition for entry in (right, *wrong)},
                extra={"framing": index},
            )
            if question is not None:
                questions.append(question)
        return questions


class FindFraming(FindInPassage):
    name = "find_framing"
    skill = "framing"
    type = SELECT
    task = "the framing in {where}: the words chosen to push the reader towards a view."

    def passages(self, article: Article) -> Iterable[int]:
        return (TITLE_BLOCK, *_paragraph_indexes(article))

    def gold_in(self, article: Article, block: int) -> list[tuple[Span, str]]:
        return [(item.span, item.note) for item in article.framing if item.span.block == block]


class HandChoice(QuestionKind):
    name = "hand_choice"
    skill = ""
    type = CHOICE
    hand_written = True

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for hand in article.questions:
            if hand.type != self.type or len(set(hand.answers)) != 1:
                continue
            question = _shuffled_hand_choices(self.name, hand, rng)
            if question is not None:
                questions.append(question)
        return questions


class HandMultiple(QuestionKind):
    name = "hand_multiple"
    skill = ""
    type = MULTIPLE
    hand_written = True

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for hand in article.questions:
            if hand.type != self.type or not hand.answers:
                continue
            question = _shuffled_hand_choices(self.name, hand, rng)
            if question is not None:
                questions.append(question)
        return questions


def _shuffled_hand_choices(kind: str, hand: HandQuestion, rng: random.Random) -> Question | None:
    choices, answers = hand.choices, set(hand.answers)
    if len(choices) < 2 or any(not 0 <= i < len(choices) for i in answers):
        return None
    order = list(range(len(choices)))
    rng.shuffle(order)
    return Question(
        kind=kind,
        type=hand.type,
        skill=hand.skill,
        prompt=hand.prompt,
        explanation=hand.note,
        choices=tuple(choices[i] for i in order),
        answer=tuple(sorted(order.index(i) for i in answers)),
    )


class HandSelect(QuestionKind):
    name = "hand_select"
    skill = ""
    type = SELECT
    hand_written = True

    def generate(self, article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
        questions = []
        for hand in article.questions:
            if hand.type != self.type or hand.block is None or not 0 <= hand.block < len(article.blocks):
                continue
            # The teacher chose this passage; the validator only warns about dense gold.
            question = self.select(
                prompt=hand.prompt,
                explanation=hand.note,
                block_index=hand.block,
                block=article.block(hand.block),
                gold=[(span.start, span.end) for span in hand.spans if span.block == hand.block],
                skill=hand.skill,
                require_sparse=False,
            )
            if question is not None:
                questions.append(question)
        return questions


KINDS: dict[str, QuestionKind] = {
    kind.name: kind
    for kind in (
        WhoSaidIt(),
        SourceType(),
        FindSources(),
        Support(),
        FindUnverified(),
        SpotHedge(),
        NameTechnique(),
        FindFraming(),
        HandChoice(),
        HandMultiple(),
        HandSelect(),
    )
}


def all_questions(article: Article, vocabulary: Vocabulary, rng: random.Random) -> list[Question]:
    """Every question the article allows, kind by kind in KINDS order."""
    questions: list[Question] = []
    for kind in KINDS.values():
        questions.extend(kind.generate(article, vocabulary, rng))
    return questions


def build_quiz(
    article: Article, vocabulary: Vocabulary, seed: int, length: int | None = None
) -> list[Question]:
    """The quiz a class gets for ``seed``: every hand-written question plus generated ones.

    Generated questions first cover every kind the article allows, then keep the
    three skills as even as possible.  Hand-written questions are always in, even
    if there are more of them than ``length``.
    """
    rng = random.Random(seed)
    target = article.quiz_length if length is None else length
    pool = all_questions(article, vocabulary, rng)
    hand = [question for question in pool if KINDS[question.kind].hand_written]
    generated = [question for question in pool if not KINDS[question.kind].hand_written]
    quiz = hand + _balanced_pick(generated, max(0, target - len(hand)), Counter(q.skill for q in hand), rng)
    rng.shuffle(quiz)
    return quiz


def _balanced_pick(
    questions: list[Question], count: int, skill_counts: Counter[str], rng: random.Random
) -> list[Question]:
    by_kind: dict[str, list[Question]] = {}
    for question in questions:
        by_kind.setdefault(question.kind, []).append(question)
    for kind_questions in by_kind.values():
        rng.shuffle(kind_questions)
    # A fixed random rank per kind breaks ties, so equal kinds do not always go in KINDS order.
    rank = {name: rng.random() for name in by_kind}
    uses: Counter[str] = Counter()
    picked: list[Question] = []
    while len(picked) < count:
        available = [name for name, left in by_kind.items() if left]
        if not available:
            break
        name = min(
            available,
            key=lambda n: (uses[n] > 0, skill_counts[KINDS[n].skill], uses[n], rank[n]),
        )
        question = by_kind[name].pop()
        picked.append(question)
        uses[name] += 1
        skill_counts[question.skill] += 1
    return picked
