"""An article as a plain document (dicts, lists, text) and back to the YAML a teacher writes.

The YAML file stays the format of record: the draft command and the browser editor build a
*document* (the same structure as an article file: ``id``, ``title``, ``text``, ``sources``...),
and :func:`document_to_yaml` writes it as readable block YAML, keys in the order
questions/README.md uses, the text as a literal block and long notes folded.
:func:`yaml_to_document` reads a file back through the project's safe loader
(:mod:`app.domain.safe_yaml`), keeping every value as the validator sees it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.safe_yaml import MappingNode, Node, SequenceNode, load_with_lines

# Keys in the order a teacher reads them, per part of the file; unknown keys follow, as given.
TOP_LEVEL_ORDER = (
    "id",
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "license",
    "level",
    "fictional",
    "quiz",
    "text",
    "sources",
    "claims",
    "framing",
    "framing_complete",
    "questions",
)
SOURCE_ORDER = ("id", "name", "type", "via", "suggested", "mentions", "note")
MENTION_ORDER = ("quote", "occurrence", "in", "suggested")
CLAIM_ORDER = ("quote", "occurrence", "in", "status", "source", "cues", "suggested", "note")
FRAMING_ORDER = ("quote", "occurrence", "in", "technique", "suggested", "note")
QUESTION_ORDER = ("type", "skill", "prompt", "paragraph", "in", "choices", "answer", "answers", "note")
ANSWER_ORDER = ("quote", "occurrence", "key")
# The order of a list item's keys, by the key of the list it is in.
ITEM_ORDERS: dict[str, tuple[str, ...]] = {
    "sources": SOURCE_ORDER,
    "mentions": MENTION_ORDER,
    "claims": CLAIM_ORDER,
    "framing": FRAMING_ORDER,
    "questions": QUESTION_ORDER,
    "answers": ANSWER_ORDER,
}
# Keys whose values are not text: the validator reads true/false and numbers from them.
BOOLEAN_KEYS = frozenset({"fictional", "suggested"})
NUMBER_KEYS = frozenset({"occurrence", "length", "paragraph"})
# Text longer than this (after its key) is folded over several lines with ">-".
WIDTH = 100
INDENT = "  "

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*(?: [A-Za-z0-9][A-Za-z0-9_.\-']*)*")
# Words YAML 1.1 reads as something other than text.
_NOT_TEXT = re.compile(
    r"(?i:y|n|yes|no|true|false|on|off|null|~)|[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?|\d{4}-\d\d?-\d\d?.*"
)


def document_to_yaml(document: Mapping[str, Any]) -> str:
    """The document as block YAML, as a teacher writes it: keys in the README's order,
    ``text: |`` with a blank line between paragraphs, long notes folded, quotes in double quotes.

    Loading the result with :func:`yaml_to_document` gives the same document back (text is
    compared as the validator does: paragraphs split on blank lines, white space folded)."""
    lines: list[str] = []
    _mapping(lines, document, TOP_LEVEL_ORDER, 0, parent=None)
    # Sections start after a blank line, like the README's example.
    out: list[str] = []
    for line in lines:
        if out and not line.startswith(" ") and line.split(":", 1)[0] in ("text", *ITEM_ORDERS):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def yaml_to_document(text: str) -> dict[str, Any]:
    """The document of an article file, read with the safe loader (raises
    :class:`~app.domain.safe_yaml.YamlProblem` on broken YAML).

    Values are kept as the validator reads them: text as written (``answer: Yes`` stays
    "Yes"), true/false for ``fictional`` and ``suggested``, numbers for ``occurrence``,
    ``length`` and ``paragraph``.  A file that is not a mapping gives an empty document."""
    root = load_with_lines(text)
    if not isinstance(root, MappingNode):
        return {}
    converted = _plain(root, None)
    assert isinstance(converted, dict)
    return converted


def _plain(node: Node, key: str | None) -> Any:
    if isinstance(node, MappingNode):
        return {entry.key: _plain(entry.value, entry.key) for entry in node.entries}
    if isinstance(node, SequenceNode):
        return [_plain(item, key) for item in node.items]
    if node.value is None:
        return None
    if key in BOOLEAN_KEYS and isinstance(node.value, bool):
        return node.value
    if key in NUMBER_KEYS and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return node.text


def _ordered_keys(mapping: Mapping[str, Any], order: Sequence[str]) -> list[str]:
    known = [key for key in order if key in mapping]
    return known + [key for key in mapping if key not in order]


def _mapping(
    lines: list[str], mapping: Mapping[str, Any], order: Sequence[str], depth: int, parent: str | None
) -> None:
    """Write ``mapping``'s entries at ``depth``; the first line of a list item is written by the
    caller's "- " prefix, so entries here always start on their own line."""
    pad = INDENT * depth
    for key in _ordered_keys(mapping, order):
        value = mapping[key]
        if value is None:
            continue
        if key == "text" and parent is None and isinstance(value, str):
            lines.extend(_text_block(pad, value))
        elif isinstance(value, Mapping):
            lines.append(f"{pad}{key}:")
            _mapping(lines, value, (), depth + 1, key)
        elif isinstance(value, list | tuple):
            _list(lines, pad, key, value, depth)
        else:
            lines.extend(_scalar_lines(pad, key, value))


def _list(lines: list[str], pad: str, key: str, items: Sequence[Any], depth: int) -> None:
    if not items:
        lines.append(f"{pad}{key}: []")
        return
    if all(not isinstance(item, Mapping | list | tuple) for item in items):
        flow = f"{pad}{key}: [{', '.join(_flow_scalar(item) for item in items)}]"
        if len(flow) <= WIDTH:
            lines.append(flow)
            return
        lines.append(f"{pad}{key}:")
        lines.extend(f"{pad}{INDENT}- {_scalar(item)}" for item in items)
        return
    lines.append(f"{pad}{key}:")
    order = ITEM_ORDERS.get(key, ())
    for item in items:
        if isinstance(item, Mapping):
            start = len(lines)
            _mapping(lines, item, order, depth + 2, key)
            if len(lines) == start:
                lines.append(f"{pad}{INDENT}- {{}}")
            else:
                # "- " takes the place of the first entry's indentation.
                lines[start] = f"{pad}{INDENT}- {lines[start][len(pad) + 2 * len(INDENT) :]}"
        elif isinstance(item, list | tuple):
            lines.append(f"{pad}{INDENT}- [{', '.join(_flow_scalar(i) for i in item)}]")
        else:
            lines.append(f"{pad}{INDENT}- {_scalar(item)}")


def _text_block(pad: str, text: str) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    printable = all(_printable(p) for p in paragraphs)
    if not paragraphs or not printable:
        return [f"{pad}text: {_double_quoted(text)}"]
    lines = [f"{pad}text: |"]
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        lines.extend(f"{pad}{INDENT}{line.strip()}" for line in paragraph.split("\n"))
    return lines


def _scalar_lines(pad: str, key: str, value: Any) -> list[str]:
    if isinstance(value, str) and key in ("note", "prompt") and len(pad) + len(key) + len(value) + 2 > WIDTH:
        folded = _folded(pad + INDENT, value)
        if folded is not None:
            return [f"{pad}{key}: >-", *folded]
    if isinstance(value, str) and key in ("quote", "title", "prompt", "name", "answer", "key"):
        return [f"{pad}{key}: {_quoted(value)}"]
    return [f"{pad}{key}: {_scalar(value)}"]


def _folded(pad: str, value: str) -> list[str] | None:
    """Lines of a ``>-`` block that fold back to ``value`` exactly, or None when folding
    would change it (several spaces in a row, line breaks, or characters YAML escapes)."""
    if value != value.strip() or "  " in value or "\n" in value or not _printable(value) or not value:
        return None
    lines: list[str] = []
    current = ""
    for word in value.split(" "):
        if current and len(pad) + len(current) + 1 + len(word) > WIDTH:
            lines.append(pad + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(pad + current)
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not _NOT_TEXT.fullmatch(text):
        return text
    return _quoted(text)


def _flow_scalar(value: Any) -> str:
    # Inside [ ] a plain word may not contain ", " either; _PLAIN never allows commas.
    return _scalar(value)


def _quoted(text: str) -> str:
    """Double quotes, or single quotes when the text has double quotes but no apostrophes and no
    line break (YAML folds a line break inside single quotes into a space)."""
    if '"' in text and "'" not in text and "\n" not in text and "\r" not in text and _printable(text):
        return "'" + text + "'"
    return _double_quoted(text)


# The characters YAML allows in a file as they are (PyYAML's reader refuses the others).
# Line breaks YAML knows beyond \n (NEL, the line and paragraph separators) and the byte-order mark
# are escaped too, or they would read back as spaces or vanish.
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)


def _double_quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar; characters YAML does not allow in a file
    # (DEL, line and paragraph separators...) are written as escapes.
    dumped = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _printable(text: str) -> bool:
    return all(
        char == "\n" or (char.isprintable() and char not in "\u2028\u2029\ufeff") or char == " "
        for char in text
    )
