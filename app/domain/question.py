"""A generated quiz question, self-contained so it can be stored as JSON.

A quiz is fixed when it is assigned: the questions are stored with everything
needed to show and score them (choices, the words to select from, the right
answer), so later edits to the article never change a question under a student.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Answer types: how a question is answered and checked (see scoring.ANSWER_TYPES).
CHOICE = "choice"  # exactly one choice
MULTIPLE = "multiple"  # any number of choices
SELECT = "select"  # select words in a passage


@dataclass(frozen=True)
class Question:
    kind: str  # who_said_it, source_type, ..., hand_choice (see generate.KINDS)
    type: str  # CHOICE | MULTIPLE | SELECT
    skill: str  # sources | claims | framing
    prompt: str
    explanation: str
    choices: tuple[str, ...] = ()
    answer: tuple[int, ...] = ()  # indexes of the right choices
    # For select questions: the passage shown, as words and the text around them.
    block: int | None = None  # 0 = headline, n = paragraph n
    words: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    gold: tuple[tuple[int, int], ...] = ()  # right spans, word indexes [start, end)
    # Key words inside gold spans: selecting them is enough to find their span (see scoring).
    keys: tuple[tuple[int, int], ...] = ()
    # For choice questions: the part of the article the question is about.
    focus: tuple[int, int, int] | None = None  # (block, start word, end word)
    quote: str = ""  # the quote the question is about, if any
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["gold"] = [list(span) for span in self.gold]
        data["keys"] = [list(span) for span in self.keys]
        data["focus"] = list(self.focus) if self.focus is not None else None
        for key in ("choices", "answer", "words", "gaps"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        focus = data.get("focus")
        return cls(
            kind=data["kind"],
            type=data["type"],
            skill=data["skill"],
            prompt=data["prompt"],
            explanation=data.get("explanation", ""),
            choices=tuple(data.get("choices", ())),
            answer=tuple(data.get("answer", ())),
            block=data.get("block"),
            words=tuple(data.get("words", ())),
            gaps=tuple(data.get("gaps", ())),
            gold=tuple((int(s), int(e)) for s, e in data.get("gold", ())),
            keys=tuple((int(s), int(e)) for s, e in data.get("keys", ())),
            focus=(int(focus[0]), int(focus[1]), int(focus[2])) if focus else None,
            quote=data.get("quote", ""),
            extra=dict(data.get("extra", {})),
        )

    @property
    def answer_text(self) -> list[str]:
        """The right answer in words: the right choices, or the gold passages."""
        if self.type == SELECT:
            return [" ".join(self.words[s:e]) for s, e in self.gold]
        return [self.choices[i] for i in self.answer]
