"""Reads the vocabulary file: source types, claim statuses and framing techniques.

A teacher may add a source type or a technique without touching code.  Claim
statuses are different: the quiz generator derives answers from them, so the file
must define exactly the statuses the code knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.domain.article import SOURCED_STATUSES, UNVERIFIED_STATUSES, Vocabulary, VocabularyEntry
from app.domain.safe_yaml import Entry, MappingNode, ScalarNode, SequenceNode, YamlProblem, load_with_lines
from app.domain.text import display_form
from app.domain.validation.fields import FieldChecker, Problem, describe, is_list_or_empty

VOCABULARY_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
# Each section of the file, and what one of its entries is called in messages.
SECTIONS = {"source_types": "source type", "claim_statuses": "claim status", "techniques": "technique"}
ENTRY_KEYS = ("id", "label", "definition")
# Optional sections: rules about the ids above (lists of ids), and word lists (one word or
# phrase per item) that the generator uses to tell whether a passage is fully annotated.
ID_RULES = {
    "too_close": "groups of ids",
    "headline_only": "technique",
    "needs_recurring_words": "technique",
    "needs_quotation_marks": "technique",
    "shown_by_form": "technique",
    "broad_techniques": "technique",
    "sweep_techniques": "technique",
    "named_source_types": "source type",
    "person_source_types": "source type",
    "told_by_name": "source type",
}
WORD_LISTS = (
    "attribution_words",
    "hedge_words",
    "reporting_hedges",
    "loaded_words",
    "stand_in_words",
    "record_words",
    "approximate_words",
    "institution_words",
    "staff_words",
    "fellow_words",
    "role_words",
    "sweeping_words",
    "minimising_words",
    "vague_authority_words",
)
# Groups of words (lists of lists): words that speak of one subject.
WORD_GROUPS = ("subject_groups",)
ALL_SECTIONS = (*SECTIONS, *ID_RULES, *WORD_LISTS, *WORD_GROUPS)
# The statuses the generator and the validator rely on (see app.domain.article).
KNOWN_STATUSES = tuple(sorted(SOURCED_STATUSES | UNVERIFIED_STATUSES))


def load_vocabulary(data: str | bytes, path: str) -> tuple[Vocabulary | None, list[Problem]]:
    """The vocabulary in ``data`` and every problem found; None when any is an error."""
    check = FieldChecker(path)
    try:
        root = load_with_lines(data)
    except YamlProblem as problem:
        return None, [Problem(path, problem.line, problem.message)]
    if not isinstance(root, MappingNode):
        check.error(
            root.line,
            f"the vocabulary must be a mapping with {', '.join(SECTIONS)}, not {describe(root)}",
        )
        return None, list(check.sorted_problems())
    fields = check.fields(root, "the vocabulary", ALL_SECTIONS)
    assert fields is not None  # root is a mapping
    check.require(fields, root, "the vocabulary", tuple(SECTIONS))
    sections = {key: _section(check, fields.get(key)) for key in SECTIONS}
    statuses_entry = fields.get("claim_statuses")
    if statuses_entry is not None and sections["claim_statuses"]:
        _check_statuses(check, statuses_entry, sections["claim_statuses"])
    known = {
        "technique": {entry.id for entry in sections["techniques"]},
        "source type": {entry.id for entry in sections["source_types"]},
    }
    groups = tuple(
        frozenset(group)
        for group in _id_groups(check, fields.get("too_close"), known["technique"] | known["source type"])
    )
    id_sets = {
        key: frozenset(_ids(check, fields.get(key), known[kind], kind))
        for key, kind in ID_RULES.items()
        if key != "too_close"
    }
    words = {key: _words(check, fields.get(key)) for key in WORD_LISTS}
    word_groups = {key: _word_groups(check, fields.get(key)) for key in WORD_GROUPS}
    if check.has_errors:
        return None, list(check.sorted_problems())
    vocabulary = Vocabulary(
        source_types=sections["source_types"],
        claim_statuses=sections["claim_statuses"],
        techniques=sections["techniques"],
        too_close=groups,
        headline_only=id_sets["headline_only"],
        needs_recurring_words=id_sets["needs_recurring_words"],
        needs_quotation_marks=id_sets["needs_quotation_marks"],
        shown_by_form=id_sets["shown_by_form"],
        broad_techniques=id_sets["broad_techniques"],
        sweep_techniques=id_sets["sweep_techniques"],
        named_source_types=id_sets["named_source_types"],
        person_source_types=id_sets["person_source_types"],
        told_by_name=id_sets["told_by_name"],
        attribution_words=words["attribution_words"],
        hedge_words=words["hedge_words"],
        reporting_hedges=words["reporting_hedges"],
        loaded_words=words["loaded_words"],
        stand_in_words=words["stand_in_words"],
        record_words=words["record_words"],
        approximate_words=words["approximate_words"],
        institution_words=words["institution_words"],
        staff_words=words["staff_words"],
        fellow_words=words["fellow_words"],
        role_words=words["role_words"],
        sweeping_words=words["sweeping_words"],
        minimising_words=words["minimising_words"],
        vague_authority_words=words["vague_authority_words"],
        subject_groups=word_groups["subject_groups"],
    )
    return vocabulary, list(check.sorted_problems())


def _ids(check: FieldChecker, entry: Entry | None, known: set[str], kind: str) -> list[str]:
    """A list of ids of one kind, each checked against the entries above."""
    if entry is None:
        return []
    ids: list[str] = []
    for node in check.items(entry, "the vocabulary", "[id, id]"):
        if not isinstance(node, ScalarNode) or not node.text.strip():
            check.error(node.line, f"each item of '{entry.key}' must be a {kind} id, not {describe(node)}")
            continue
        if node.text not in known:
            check.error(
                node.line,
                f"'{node.text}' in '{entry.key}' is not a {kind} id of this file "
                f"(valid: {', '.join(sorted(known))})",
            )
            continue
        ids.append(node.text)
    return ids


def _groups(
    check: FieldChecker, entry: Entry | None, what: str, example: str, read: Callable[[Entry], Sequence[str]]
) -> list[Sequence[str]]:
    """A list of lists of ``what`` (``- [a, b]``), each read with ``read``; a group of one groups
    nothing."""
    if entry is None:
        return []
    groups: list[Sequence[str]] = []
    for node in check.items(entry, "the vocabulary", f"- [{what[:-1]}, {what[:-1]}]"):
        if not isinstance(node, SequenceNode):
            check.error(
                node.line,
                f"each item of '{entry.key}' must be a list of {what} like {example}, not {describe(node)}",
            )
            continue
        group = read(Entry(entry.key, node.line, node))
        if len(group) >= 2:
            groups.append(group)
    return groups


def _id_groups(check: FieldChecker, entry: Entry | None, known: set[str]) -> list[list[str]]:
    return [
        list(group)
        for group in _groups(
            check, entry, "ids", "[a, b]", lambda item: _ids(check, item, known, "source type or technique")
        )
    ]


def _words(check: FieldChecker, entry: Entry | None) -> tuple[str, ...]:
    """A word list: lowercase words or phrases, matched on whole words."""
    if entry is None:
        return ()
    words: list[str] = []
    for node in check.items(entry, "the vocabulary", "[word, word]"):
        if not isinstance(node, ScalarNode) or not node.text.strip():
            check.error(
                node.line, f"each item of '{entry.key}' must be a word or phrase, not {describe(node)}"
            )
            continue
        words.append(display_form(node.text).casefold())
    return tuple(dict.fromkeys(words))


def _word_groups(check: FieldChecker, entry: Entry | None) -> tuple[frozenset[str], ...]:
    """Groups of words, each a list: ``- [bus, route, timetable]``."""
    groups = _groups(check, entry, "words", "[bus, route]", lambda item: _words(check, item))
    return tuple(frozenset(group) for group in groups)


def _section(check: FieldChecker, entry: Entry | None) -> tuple[VocabularyEntry, ...]:
    if entry is None:
        return ()
    items = check.items(entry, "the vocabulary", "- id: ...")
    if not items:
        if is_list_or_empty(entry.value):
            check.error(
                entry.line, f"'{entry.key}' is empty; add at least one - id: ..., label: ..., definition: ..."
            )
        return ()
    kind = SECTIONS[entry.key]
    result: list[VocabularyEntry] = []
    first_line: dict[str, int] = {}
    for number, node in enumerate(items, start=1):
        fields = check.fields(node, kind, ENTRY_KEYS)
        if fields is None:
            continue
        entry_id = check.text(fields.get("id"), f"{kind} {number}")
        where = f"{kind} '{entry_id}'" if entry_id else f"{kind} {number}"
        check.require(fields, node, where, ENTRY_KEYS)
        label = check.text(fields.get("label"), where)
        definition = check.text(fields.get("definition"), where)
        if entry_id is None:
            continue
        line = fields["id"].line
        if not VOCABULARY_ID.match(entry_id):
            check.error(
                line,
                f"{kind} id {entry_id!r} must be lowercase letters, digits and underscores, "
                "starting with a letter (e.g. loaded_language)",
            )
            continue
        if entry_id in first_line:
            check.error(
                line, f"{kind} id '{entry_id}' is defined twice (first at line {first_line[entry_id]})"
            )
            continue
        first_line[entry_id] = line
        if label is not None and definition is not None:
            result.append(VocabularyEntry(entry_id, display_form(label), display_form(definition)))
    return tuple(result)


def _check_statuses(check: FieldChecker, entry: Entry, statuses: tuple[VocabularyEntry, ...]) -> None:
    ids = [status.id for status in statuses]
    for status_id in KNOWN_STATUSES:
        if status_id not in ids:
            check.error(
                entry.line,
                f"claim_statuses must define '{status_id}': the quiz generator relies on it",
            )
    for status in statuses:
        if status.id not in KNOWN_STATUSES:
            line = _id_line(entry, status.id)
            check.error(
                line,
                f"claim status '{status.id}' is not one the quiz knows "
                f"({', '.join(KNOWN_STATUSES)}); a new status needs a change in the code",
            )


def _id_line(entry: Entry, entry_id: str) -> int:
    items = entry.value.items if isinstance(entry.value, SequenceNode) else ()
    for item in items:
        if isinstance(item, MappingNode):
            id_node = item.get("id")
            if isinstance(id_node, ScalarNode) and id_node.text == entry_id:
                return id_node.line
    return entry.line
