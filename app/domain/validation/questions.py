"""Hand-written questions: choice and multiple questions (choices and the right answers among
them) and select questions (the right passages of one paragraph or the headline).
"""

from __future__ import annotations

from app.domain.article import HEADLINE_BLOCK, SKILLS, HandQuestion, Span
from app.domain.safe_yaml import Entry, MappingNode, Node, ScalarNode, SequenceNode
from app.domain.text import display_form, match_form
from app.domain.validation.fields import closest, describe, is_list_or_empty, show
from app.domain.validation.quotes import CheckerBase, Located, block_name

QUESTION_TYPES = ("choice", "multiple", "select")
CHOICE_KEYS = ("choices", "answer")
SELECT_KEYS = ("paragraph", "in", "answers")
QUESTION_KEYS = ("type", "skill", "prompt", *CHOICE_KEYS, *SELECT_KEYS, "note")
SELECT_ANSWER_KEYS = ("quote", "occurrence", "key")


class QuestionChecks(CheckerBase):
    """Checks ``questions``: each one's keys for its type, its answers and, for a select
    question, that selecting every word of the passage would not pay."""

    def _questions(self, entry: Entry | None) -> list[HandQuestion]:
        questions: list[HandQuestion] = []
        for number, node in enumerate(self.check.items(entry, "the article", "- type: choice"), start=1):
            question = self._question(node, f"question {number}")
            if question is not None:
                questions.append(question)
        return questions

    def _question(self, node: Node, where: str) -> HandQuestion | None:
        type_node = node.get("type") if isinstance(node, MappingNode) else None
        question_type = type_node.text if isinstance(type_node, ScalarNode) else None
        misplaced: dict[str, str] = {}
        if question_type == "select":
            for key in CHOICE_KEYS:
                misplaced[key] = (
                    f"'{key}' is for choice and multiple questions; a select question uses answers"
                )
        elif question_type in ("choice", "multiple"):
            for key in SELECT_KEYS:
                misplaced[key] = (
                    f"'{key}' is for select questions; a {question_type} question uses choices and answer"
                )
        fields = self.check.fields(node, "question", QUESTION_KEYS, misplaced)
        if fields is None:
            return None
        self.check.require(fields, node, where, ("type", "skill", "prompt"))
        question_type = self.check.choice(fields.get("type"), where, QUESTION_TYPES)
        skill = self.check.choice(fields.get("skill"), where, SKILLS)
        prompt = self.check.text(fields.get("prompt"), where)
        note = self._note(fields, where)
        if question_type is None:
            return None
        if question_type == "select":
            select = self._select_answers(fields, node, where)
            if select is None or skill is None or prompt is None or misplaced.keys() & fields.keys():
                return None
            block, spans, keys = select
            return HandQuestion(
                "select",
                skill,
                display_form(prompt),
                note,
                block=block,
                spans=spans,
                keys=keys,
                line=node.line,
            )
        chosen = self._choice_answers(fields, node, where, question_type)
        if chosen is None or skill is None or prompt is None or misplaced.keys() & fields.keys():
            return None
        choices, answers = chosen
        return HandQuestion(
            question_type, skill, display_form(prompt), note, choices=choices, answers=answers, line=node.line
        )

    def _choice_answers(
        self, fields: dict[str, Entry], node: Node, where: str, question_type: str
    ) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
        if not self.check.require(fields, node, where, CHOICE_KEYS):
            return None
        choices: list[str] = []
        seen: dict[str, int] = {}
        ok = True
        for item in self.check.items(fields["choices"], where, "- First choice"):
            if not isinstance(item, ScalarNode) or item.value is None or not item.text.strip():
                self.check.error(item.line, f"each choice in {where} must be text, not {describe(item)}")
                ok = False
                continue
            key = match_form(item.text)
            if key in seen:
                self.check.error(item.line, f"choice {show(item.text)} appears twice in {where}")
                ok = False
            seen.setdefault(key, len(choices))
            choices.append(display_form(item.text))
        choices_node = fields["choices"].value
        if isinstance(choices_node, SequenceNode) and len(choices_node.items) < 2:
            self.check.error(fields["choices"].line, f"{where} needs at least two choices")
            ok = False
        answer_entry = fields["answer"]
        answer_nodes = self._answer_nodes(answer_entry, where, question_type)
        if answer_nodes is None:
            return None
        answers: list[int] = []
        for item in answer_nodes:
            if not isinstance(item, ScalarNode) or item.value is None or not item.text.strip():
                self.check.error(
                    item.line, f"each answer in {where} must be the text of a choice, not {describe(item)}"
                )
                ok = False
                continue
            index = seen.get(match_form(item.text))
            if index is None:
                message = (
                    f"answer {show(item.text)} is not one of the choices of {where}; "
                    "copy the right choice exactly"
                )
                suggestion = closest(display_form(item.text), choices)
                if suggestion:
                    message += f" (did you mean {show(suggestion)}?)"
                self.check.error(item.line, message)
                ok = False
            elif index in answers:
                self.check.error(item.line, f"answer {show(item.text)} is listed twice in {where}")
                ok = False
            else:
                answers.append(index)
        if not ok or not answers:
            return None
        return tuple(choices), tuple(sorted(answers))

    def _answer_nodes(self, entry: Entry, where: str, question_type: str) -> tuple[Node, ...] | None:
        node = entry.value
        if question_type == "choice":
            if isinstance(node, SequenceNode):
                self.check.error(
                    entry.line,
                    f"{where} is a choice question, which has one answer; "
                    "use type: multiple for several answers",
                )
                return None
            return (node,)
        if not isinstance(node, SequenceNode):
            self.check.error(
                entry.line,
                f"'answer' of {where} must be a list of the right choices (- ...), not {describe(node)}",
            )
            return None
        if not node.items:
            self.check.error(entry.line, f"'answer' of {where} is empty; list the right choices")
            return None
        return node.items

    def _select_answers(
        self, fields: dict[str, Entry], node: Node, where: str
    ) -> tuple[int, tuple[Span, ...], tuple[Span, ...]] | None:
        self.check.require(fields, node, where, ("answers",))
        block = self._select_block(fields, node, where)
        answer_items = self.check.items(fields.get("answers"), where, '- quote: "..."')
        if "answers" in fields and not answer_items and is_list_or_empty(fields["answers"].value):
            self.check.error(
                fields["answers"].line, f'{where} has no answers; add at least one - quote: "..."'
            )
        spans: list[Span] = []
        keys: list[Span] = []
        ok = True
        for number, item in enumerate(answer_items, start=1):
            answer_fields = self.check.fields(item, "answer", SELECT_ANSWER_KEYS)
            if answer_fields is None:
                ok = False
                continue
            answer_where = f"answer {number} of {where}"
            self.check.require(answer_fields, item, answer_where, ("quote",))
            if block is None:
                continue
            located = self._locate(answer_fields, answer_where, block, select=True)
            if located is None:
                ok = False
                continue
            spans.append(located.span)
            key_entry = answer_fields.get("key")
            if key_entry is not None:
                key = self._key_inside(key_entry, answer_where, located)
                if key is None:
                    ok = False
                else:
                    keys.append(key)
        if block is None or not ok or not spans or self.text is None:
            return None
        self._warn_if_dense(block, spans, node, where)
        return block, tuple(spans), tuple(keys)

    def _key_inside(self, entry: Entry, where: str, answer: Located) -> Span | None:
        """``key:`` names the words of an answer that are enough to count it as found."""
        key = self.check.text(entry, where)
        if key is None:
            return None
        span = self._find_inside(key, answer)
        if span is None:
            self.check.error(
                entry.line,
                f"key {show(key)} is not inside the quote of {where}; "
                "the key must be words of the answer's own quote (the words that are enough to find it)",
            )
        return span

    def _select_block(self, fields: dict[str, Entry], node: Node, where: str) -> int | None:
        paragraph_entry = fields.get("paragraph")
        in_entry = fields.get("in")
        if paragraph_entry is None and in_entry is None:
            self.check.error(
                node.line, f"{where} needs paragraph: N (or in: title) to say which words are shown"
            )
            return None
        if paragraph_entry is not None and in_entry is not None:
            self.check.error(in_entry.line, f"{where} has both paragraph and in; keep only one")
            return None
        if in_entry is not None:
            place = self.check.text(in_entry, where)
            if place == "title":
                return HEADLINE_BLOCK
            if place is not None:
                self.check.error(
                    in_entry.line,
                    f"'in' in {where} must be title, not {place!r}; to show a paragraph, use paragraph: N",
                )
            return None
        paragraph = self.check.positive_int(paragraph_entry, where)
        if paragraph is None or self.text is None:
            return None
        count = len(self.text.paragraph_scope)
        if paragraph > count:
            assert paragraph_entry is not None
            self.check.error(
                paragraph_entry.line,
                f"paragraph {paragraph} is out of range: the text has {count} paragraphs",
            )
            return None
        return paragraph

    def _warn_if_dense(self, block: int, spans: list[Span], node: Node, where: str) -> None:
        """Selecting every word must not pay: F1 of select-all is 2d/(1+d) for gold density d."""
        assert self.text is not None
        total = len(self.text.blocks[block].words)
        gold = len({word for span in spans for word in range(span.start, span.end)})
        if total and gold * 3 > total:
            self.check.warning(
                node.line,
                f"in {where} the right words are {gold} of the {total} words of {block_name(block)}, "
                "more than a third, so selecting every word would score over 0.5; "
                "use a longer passage or fewer words",
            )
