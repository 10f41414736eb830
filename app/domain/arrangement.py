"""The order one attempt shows a quiz in: retakes get their own order of questions and choices.

A class's quiz is fixed when it is assigned, and answers are stored against it (the
question's place in the quiz, the choice's place in the question), so statistics compare
like with like.  A retake shows the same questions in another order, each with its
choices in another order, so the feedback of the first attempt is not an answer sheet
for the second.  An :class:`Arrangement` maps between what an attempt shows and what is
stored.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.domain.question import SELECT, Question


@dataclass(frozen=True)
class Arrangement:
    order: tuple[int, ...]  # shown position -> stored position
    choices: tuple[tuple[int, ...], ...]  # per stored position: shown choice -> stored choice

    @classmethod
    def identity(cls, questions: Sequence[Question]) -> Arrangement:
        return cls(tuple(range(len(questions))), tuple(tuple(range(len(q.choices))) for q in questions))

    @classmethod
    def shuffled(cls, questions: Sequence[Question], seed: int) -> Arrangement:
        rng = random.Random(seed)
        order = list(range(len(questions)))
        rng.shuffle(order)
        choices = []
        for question in questions:
            shown = list(range(len(question.choices)))
            if question.type != SELECT:
                rng.shuffle(shown)
            choices.append(tuple(shown))
        return cls(tuple(order), tuple(choices))

    def stored_position(self, shown: int) -> int:
        return self.order[shown]

    def shown_position(self, stored: int) -> int:
        return self.order.index(stored)

    def question(self, questions: Sequence[Question], shown: int) -> Question:
        """The question at a shown position, with its choices in the shown order."""
        question = questions[self.order[shown]]
        order = self.choices[self.order[shown]]
        if question.type == SELECT or list(order) == list(range(len(order))):
            return question
        extra = dict(question.extra)
        if isinstance(extra.get("definitions"), list) and len(extra["definitions"]) == len(order):
            extra["definitions"] = [extra["definitions"][i] for i in order]
        return replace(
            question,
            choices=tuple(question.choices[i] for i in order),
            answer=tuple(sorted(order.index(i) for i in question.answer)),
            extra=extra,
        )

    def questions(self, questions: Sequence[Question]) -> list[Question]:
        return [self.question(questions, shown) for shown in range(len(self.order))]

    def stored_answer(
        self, stored_position: int, question: Question, shown_answer: Sequence[int]
    ) -> list[int]:
        """A choice answer as stored (word indexes of a select answer are the same both ways)."""
        if question.type == SELECT:
            return list(shown_answer)
        order = self.choices[stored_position]
        return sorted(order[i] for i in shown_answer if 0 <= i < len(order))

    def shown_answer(
        self, stored_position: int, question: Question, stored_answer: Sequence[int]
    ) -> list[int]:
        if question.type == SELECT:
            return list(stored_answer)
        order = self.choices[stored_position]
        return sorted(order.index(i) for i in stored_answer if i in order)
