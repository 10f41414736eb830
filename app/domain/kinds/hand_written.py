"""The teacher's own questions, written in the article file: choice questions with one right
answer or several, and select questions over a passage the teacher chose."""

from __future__ import annotations

import random
from collections.abc import Iterator

from app.domain.article import HandQuestion
from app.domain.kinds.base import QuestionKind
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.quiz_rules import hand_footprint


class HandChoiceKind(QuestionKind):
    """A teacher's own choice questions of this kind's type, asked as written with the choices
    shuffled; subclasses say how many right answers the kind takes."""

    skill = ""
    hand_written = True

    def takes(self, hand: HandQuestion) -> bool:
        raise NotImplementedError

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for hand in reading.article.questions:
            if hand.type == self.type and self.takes(hand):
                yield self._shuffled(hand, reading, rng)

    def _shuffled(self, hand: HandQuestion, reading: ArticleReading, rng: random.Random) -> Question | None:
        choices, answers = hand.choices, set(hand.answers)
        if len(choices) < 2 or any(not 0 <= i < len(choices) for i in answers):
            return None
        order = list(range(len(choices)))
        rng.shuffle(order)
        return Question(
            kind=self.name,
            type=hand.type,
            skill=hand.skill,
            prompt=hand.prompt,
            explanation=hand.note,
            choices=tuple(choices[i] for i in order),
            answer=tuple(sorted(order.index(i) for i in answers)),
            extra={
                "spans": hand_footprint(reading.blocks, [hand.prompt, *choices]),
                "about": [],
                "line": hand.line,
            },
        )


class HandChoice(HandChoiceKind):
    name = "hand_choice"
    title = "Teacher's question (one choice)"
    type = CHOICE

    def takes(self, hand: HandQuestion) -> bool:
        return len(set(hand.answers)) == 1


class HandMultiple(HandChoiceKind):
    name = "hand_multiple"
    title = "Teacher's question (several choices)"
    type = MULTIPLE

    def takes(self, hand: HandQuestion) -> bool:
        return bool(hand.answers)


class HandSelect(QuestionKind):
    name = "hand_select"
    title = "Teacher's question (select words)"
    asked_for = "the teacher's passages"
    skill = ""
    type = SELECT
    hand_written = True

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        for hand in reading.article.questions:
            if hand.type != self.type or hand.block is None or not 0 <= hand.block < len(reading.blocks):
                continue
            # The teacher chose this passage; the validator only warns about dense gold.
            yield self.select(
                prompt=hand.prompt,
                explanation=hand.note,
                block_index=hand.block,
                block=reading.blocks[hand.block],
                gold=[(span.start, span.end) for span in hand.spans if span.block == hand.block],
                keys=[(key.start, key.end) for key in hand.keys if key.block == hand.block],
                about=[],
                line=hand.line,
                skill=hand.skill,
                require_sparse=False,
            )
