"""The article's annotations: sources (with their mentions and relays), claims (with their
cues) and framing, each checked against the vocabulary and located in the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.article import (
    CLAIM_KINDS,
    HEADLINE_BLOCK,
    SOURCED_STATUSES,
    Claim,
    Framing,
    Source,
    Span,
    Suggestion,
    VocabularyEntry,
)
from app.domain.safe_yaml import Entry, ScalarNode
from app.domain.text import Block, display_form
from app.domain.validation.fields import (
    closest,
    describe,
    id_format_message,
    is_list_or_empty,
    show,
    valid_id,
)
from app.domain.validation.quotes import CheckerBase, Located

SOURCE_KEYS = ("id", "name", "type", "via", "mentions", "note", "suggested")
MENTION_KEYS = ("quote", "occurrence", "in", "suggested")
CLAIM_KEYS = ("quote", "status", "source", "cues", "kind", "occurrence", "in", "note", "suggested")
FRAMING_KEYS = ("quote", "technique", "occurrence", "in", "note", "suggested")
SUGGESTED = "suggested"
# An unknown source's message lists the file's source ids when there are at most this many.
LIST_IDS_UP_TO = 8


class AnnotationChecks(CheckerBase):
    """Checks ``sources``, ``claims``, ``framing`` and ``framing_complete``.

    ``_sources`` runs first: it records every source id written (``source_id_lines``) so that
    claims can name them, even sources with other errors.
    """

    def _sources(self, entry: Entry | None) -> list[Source]:
        sources: list[Source] = []
        first_line: dict[str, int] = {}
        via_entries: list[tuple[str, Entry]] = []
        valid = True
        for number, node in enumerate(self.check.items(entry, "the article", "- id: ..."), start=1):
            fields = self.check.fields(node, "source", SOURCE_KEYS)
            if fields is None:
                valid = False
                continue
            source_id = self.check.text(fields.get("id"), f"source {number}")
            where = f"source '{source_id}'" if source_id else f"source {number}"
            ok = self.check.require(fields, node, where, ("id", "name", "type", "mentions"))
            if source_id is not None:
                if not valid_id(source_id):
                    self.check.error(fields["id"].line, id_format_message("source id", source_id))
                    ok = False
                elif source_id in first_line:
                    self.check.error(
                        fields["id"].line,
                        f"source id '{source_id}' is used twice (first at line {first_line[source_id]}); "
                        "give each source its own id",
                    )
                    ok = False
                else:
                    first_line[source_id] = fields["id"].line
            name = self.check.text(fields.get("name"), where)
            source_type = self._vocabulary_id(
                fields.get("type"), where, self.vocabulary.source_types, "source type"
            )
            via = self.check.text(fields.get("via"), where)
            if via is not None and source_id is not None:
                via_entries.append((source_id, fields["via"]))
            note = self._note(fields, where)
            self._suggested(fields, "source", where, name or "")
            mentions = self._mentions(fields.get("mentions"), where)
            if source_id is None or name is None or source_type is None or mentions is None or not ok:
                valid = False
                continue
            sources.append(
                Source(source_id, display_form(name), source_type, mentions, via, note, line=node.line)
            )
        self.source_id_lines = first_line
        self._check_via(via_entries, first_line)
        return sources if valid else []

    def _mentions(self, entry: Entry | None, where: str) -> tuple[Span, ...] | None:
        if entry is None:
            return None
        items = self.check.items(entry, where, '- quote: "..."')
        if not items:
            if is_list_or_empty(entry.value):
                self.check.error(entry.line, f'{where} has no mentions; add at least one - quote: "..."')
            return None
        spans: list[Span] = []
        for number, node in enumerate(items, start=1):
            fields = self.check.fields(node, "mention", MENTION_KEYS)
            if fields is None:
                continue
            mention_where = f"mention {number} of {where}"
            self.check.require(fields, node, mention_where, ("quote",))
            self._suggested(fields, "mention", mention_where, _quote_text(fields))
            located = self._locate(fields, mention_where, self._block_of(fields, mention_where))
            if located is not None:
                spans.append(located.span)
        return tuple(spans) if len(spans) == len(items) else None

    def _check_via(self, via_entries: list[tuple[str, Entry]], source_lines: dict[str, int]) -> None:
        relays: dict[str, str] = {}
        for source_id, entry in via_entries:
            via = entry.value.text if isinstance(entry.value, ScalarNode) else ""
            if via == source_id:
                self.check.error(
                    entry.line, f"source '{source_id}' cannot be relayed by itself; fix or remove via"
                )
            elif via not in source_lines:
                self.check.error(
                    entry.line, _unknown_source_message(f"via of source '{source_id}'", via, source_lines)
                )
            else:
                relays[source_id] = via
        # A chain of relays must end somewhere: A via B via A says nothing.
        reported: set[str] = set()
        for source_id, entry in via_entries:
            seen = [source_id]
            current = relays.get(source_id)
            while current is not None and current not in seen:
                seen.append(current)
                current = relays.get(current)
            if current is not None and current == source_id and source_id not in reported:
                reported.update(seen)
                chain = " -> ".join([*seen, source_id])
                self.check.error(entry.line, f"sources relay each other in a circle ({chain}); fix via")

    def _claims(self, entry: Entry | None) -> list[Claim]:
        claims: list[Claim] = []
        all_ids = self.source_id_lines
        for number, node in enumerate(self.check.items(entry, "the article", '- quote: "..."'), start=1):
            fields = self.check.fields(node, "claim", CLAIM_KEYS)
            if fields is None:
                continue
            where = f"claim {number}"
            self.check.require(fields, node, where, ("quote", "status"))
            located = self._locate(fields, where, self._block_of(fields, where))
            status = self._vocabulary_id(
                fields.get("status"), where, self.vocabulary.claim_statuses, "status"
            )
            source = self.check.text(fields.get("source"), where)
            if source is not None and source not in all_ids:
                self.check.error(fields["source"].line, _unknown_source_message(where, source, all_ids))
            if status in SOURCED_STATUSES and "source" not in fields:
                self.check.error(
                    node.line,
                    f"{where} has status '{status}' but no source; add source: <the id of a source>",
                )
            if status == "unattributed" and source is not None:
                self.check.error(
                    fields["source"].line,
                    f"{where} is unattributed but names source '{source}'; "
                    "use status: attributed, or remove source",
                )
            note = self._note(fields, where)
            # Optional: observation, opinion or prediction; a typo gets the closest one suggested.
            kind = self.check.choice(fields.get("kind"), where, CLAIM_KINDS)
            quote = _quote_text(fields)
            self._suggested(fields, "claim", where, quote)
            cues = self._cues(fields.get("cues"), where, located, quote)
            if located is None or status is None or cues is None or ("kind" in fields and kind is None):
                continue
            claims.append(Claim(located.span, status, source, cues, note, kind, line=node.line))
        return claims

    def _cues(
        self, entry: Entry | None, where: str, claim: Located | None, quote: str
    ) -> tuple[Span, ...] | None:
        if entry is None:
            return ()
        spans: list[Span] = []
        ok = True
        for node in self.check.items(entry, where, "[word, word]"):
            if not isinstance(node, ScalarNode) or node.value is None or not node.text.strip():
                self.check.error(
                    node.line, f"each cue in {where} must be a word or phrase, not {describe(node)}"
                )
                ok = False
                continue
            cue = node.text
            inside = self._find_inside(cue, claim)
            if inside is None:
                # When the claim itself was not found, still check the cue against its quote.
                if claim is not None or not (quote and Block.from_text(quote).find_all(cue)):
                    self.check.error(
                        node.line,
                        f"cue {show(cue)} is not inside the quote of {where}; "
                        "a cue must be words of the claim's own quote",
                    )
                ok = False
                continue
            spans.append(inside)
        return tuple(spans) if ok else None

    def _framing(self, entry: Entry | None) -> list[Framing]:
        framing: list[Framing] = []
        for number, node in enumerate(self.check.items(entry, "the article", '- quote: "..."'), start=1):
            fields = self.check.fields(node, "framing", FRAMING_KEYS)
            if fields is None:
                continue
            where = f"framing {number}"
            self.check.require(fields, node, where, ("quote", "technique"))
            located = self._locate(fields, where, self._block_of(fields, where))
            technique = self._vocabulary_id(
                fields.get("technique"), where, self.vocabulary.techniques, "technique"
            )
            note = self._note(fields, where)
            self._suggested(fields, "framing", where, _quote_text(fields))
            if located is not None and technique is not None:
                framing.append(Framing(located.span, technique, note, line=node.line))
        return framing

    def _suggested(self, fields: dict[str, Entry], kind: str, where: str, quote: str) -> None:
        """``suggested: true`` marks an annotation the suggester proposed and nobody has reviewed:
        the file stays valid (so it can be opened and edited), with a warning on its line."""
        entry = fields.get(SUGGESTED)
        if entry is None:
            return
        value = self.check.boolean(entry, where)
        if value:
            self.suggestions.append(Suggestion(kind, where, display_form(quote), entry.line))
            self.check.warning(
                entry.line,
                f"{where} is a suggestion not yet reviewed: check it, then remove suggested: true "
                "(or delete the annotation)",
            )

    def _framing_complete(self, entry: Entry | None) -> list[int]:
        """``framing_complete: [title, 2, 5]``: the passages where the teacher marked every framing word."""
        blocks: list[int] = []
        count = len(self.text.paragraph_scope) if self.text is not None else 0
        for node in self.check.items(entry, "the article", "[title, 1, 3]"):
            text = node.text.strip() if isinstance(node, ScalarNode) else ""
            if text == "title":
                blocks.append(HEADLINE_BLOCK)
            elif text.isdigit() and int(text) >= 1 and (self.text is None or int(text) <= count):
                blocks.append(int(text))
            else:
                self.check.error(
                    node.line,
                    f"each item of framing_complete must be title or a paragraph number from 1 to {count}, "
                    f"not {show(text) if text else describe(node)}",
                )
        return blocks

    def _vocabulary_id(
        self, entry: Entry | None, where: str, entries: tuple[VocabularyEntry, ...], what: str
    ) -> str | None:
        value = self.check.text(entry, where)
        if value is None or entry is None:
            return None
        ids = [e.id for e in entries]
        if value in ids:
            return value
        message = f"{what} '{value}' is not in the vocabulary"
        suggestion = closest(value, ids)
        if suggestion:
            message += f"; did you mean '{suggestion}'?"
        # Every id, however many: a teacher in the browser cannot open vocabulary.yaml.
        message += f" (valid: {', '.join(ids)})"
        self.check.error(entry.line, message)
        return None


def _quote_text(fields: dict[str, Entry]) -> str:
    node = fields["quote"].value if "quote" in fields else None
    return node.text if isinstance(node, ScalarNode) else ""


def _unknown_source_message(where: str, source_id: str, known: Iterable[str]) -> str:
    ids = sorted(known)
    message = f"{where} names source '{source_id}', which is not a source in this file"
    suggestion = closest(source_id, ids)
    if suggestion:
        return f"{message}; did you mean '{suggestion}'?"
    if not ids:
        return f"{message}; add it under sources"
    if len(ids) <= LIST_IDS_UP_TO:
        return f"{message} (sources: {', '.join(ids)})"
    return message
