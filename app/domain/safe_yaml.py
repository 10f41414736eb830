"""A small, defensive YAML reader for files written by teachers.

It reads one YAML document into a tree of plain values that remembers the line of
every key, list item and scalar, so the validator can say *where* something is
wrong.  It refuses everything a teacher never needs and an attacker might use:
tags that construct objects, anchors and aliases (alias bombs), very deep nesting,
huge files and binary data.  The tree is built straight from the parser's event
stream in one loop (never recursively), so no input can cause a RecursionError,
and the nesting depth is checked before any deep structure exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
import yaml.constructor
import yaml.events
import yaml.nodes
import yaml.reader
import yaml.resolver

MAX_BYTES = 1_000_000
MAX_DEPTH = 50
# Keys, items and texts in one file: a real article has a few thousand; building the tree of a
# 1 MB file of 90,000 tiny keys would cost a request seconds.
MAX_NODES = 20_000

# libyaml's event parser is much faster than the pure-Python one; both are safe
# because we only ever read events, never construct objects through PyYAML.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null"))
_NON_SPECIFIC_TAG = "!"
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class YamlProblem(Exception):
    """Why a file could not be read as YAML, and the (1-based) line to look at."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


ScalarValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class ScalarNode:
    """A plain value.  ``text`` is the value as written (after YAML quoting rules),
    before YAML guessed a type: ``answer: Yes`` has value True but text "Yes"."""

    value: ScalarValue
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``key: value`` pair; ``line`` is the line of the key."""

    key: str
    line: int
    value: Node


@dataclass(frozen=True, slots=True)
class MappingNode:
    """Keys in file order; a repeated key is kept (the validator reports it)."""

    entries: tuple[Entry, ...]
    line: int

    def get(self, key: str) -> Node | None:
        for entry in self.entries:
            if entry.key == key:
                return entry.value
        return None

    def keys(self) -> list[str]:
        return [entry.key for entry in self.entries]


@dataclass(frozen=True, slots=True)
class SequenceNode:
    """List items in order; each item carries its own line."""

    items: tuple[Node, ...]
    line: int


Node = ScalarNode | MappingNode | SequenceNode


def load_with_lines(data: str | bytes) -> Node:
    """Parse one YAML document into a :data:`Node` tree, or raise :class:`YamlProblem`.

    An empty document gives ``ScalarNode(None, "", 1)``.
    """
    text = _decode(data)
    try:
        return _build_tree(yaml.parse(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = _character_name(error.character)
        raise YamlProblem(
            line, f"the file contains a control character ({character}) YAML does not allow; delete it"
        ) from None
    except yaml.YAMLError as error:  # any other parser complaint, without a position
        raise YamlProblem(1, f"YAML syntax error: {error}") from None


def _character_name(character: object) -> str:
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"U+{code:04X}"


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as error:
            line = data.count("\n", 0, error.start) + 1
            raise YamlProblem(line, "the text contains characters that are not valid Unicode") from None
    else:
        raw = bytes(data)
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            1,
            f"the file is {len(raw):,} bytes, over the 1 MB limit ({MAX_BYTES:,} bytes); "
            "split it into smaller files",
        )
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw.count(b"\n", 0, nul) + 1
        raise YamlProblem(line, "the file contains binary data (NUL bytes); save it as plain UTF-8 text")
    if isinstance(data, str):
        return data
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise YamlProblem(
            line, "the file is not UTF-8 text; save it as UTF-8 (most editors offer this under 'Save as')"
        ) from None


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    message = f"YAML syntax error: {error.problem or error.context or 'cannot read this line'}"
    context_mark = error.context_mark
    if error.context and error.problem and context_mark is not None:
        message += f" ({error.context} at line {context_mark.line + 1})"
    if _is_tab_problem(error, text):
        return YamlProblem(
            line, "indentation must use spaces, not tabs: replace the tabs on this line with spaces"
        )
    hint = _syntax_hint(error.problem or "")
    return YamlProblem(line, message + hint)


def _is_tab_problem(error: yaml.MarkedYAMLError, text: str) -> bool:
    """A tab where YAML expects indentation (PyYAML reports "a tab character that violates
    indentation" or "found character '\\t' that cannot start any token")."""
    problem = error.problem or ""
    if "tab character" in problem or "'\\t'" in problem:
        return True
    mark = error.problem_mark
    if mark is None:
        return False
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return False
    indentation = lines[mark.line][: mark.column + 1]
    return "\t" in indentation and not indentation.strip(" \t")


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "; if a value contains ': ', put the whole value in double quotes"
    if "found character that cannot start any token" in problem or "cannot start any token" in problem:
        return "; put values that start with a special character (such as @, ` or %) in double quotes"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "; check the indentation of this line and the lines above it"
    return ""


class _Open:
    """A mapping or list being filled while its events are read."""

    __slots__ = ("is_mapping", "line", "items", "entries", "key", "key_line")

    def __init__(self, is_mapping: bool, line: int) -> None:
        self.is_mapping = is_mapping
        self.line = line
        self.items: list[Node] = []
        self.entries: list[Entry] = []
        self.key: str | None = None
        self.key_line = 0

    def close(self) -> Node:
        if self.is_mapping:
            return MappingNode(tuple(self.entries), self.line)
        return SequenceNode(tuple(self.items), self.line)


def _build_tree(events: Iterator[yaml.events.Event]) -> Node:
    stack: list[_Open] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.events.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlProblem(
                    line,
                    f"the file has more than {MAX_NODES:,} keys, list items and texts; an article needs "
                    "far fewer: check that this is the right file",
                )
        if isinstance(event, yaml.events.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(line, "only one YAML document per file is allowed; remove the second '---'")
            continue
        if isinstance(event, yaml.events.NodeEvent) and event.anchor is not None:
            raise YamlProblem(
                line,
                f"anchors and aliases (&{event.anchor}, *{event.anchor}) are not allowed: an alias can blow "
                "a small file up into a huge one; write each value out in full",
            )
        node: Node
        if isinstance(event, yaml.events.ScalarEvent):
            node = _scalar(event, line)
        elif isinstance(event, yaml.events.CollectionStartEvent):
            is_mapping = isinstance(event, yaml.events.MappingStartEvent)
            _check_collection_tag(event.tag, is_mapping, line)
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(line, f"the file is nested more than {MAX_DEPTH} levels deep")
            stack.append(_Open(is_mapping, line))
            continue
        elif isinstance(event, yaml.events.CollectionEndEvent):
            node = stack.pop().close()
        else:  # stream start/end, document end
            continue
        if not stack:
            root = node
            continue
        parent = stack[-1]
        if not parent.is_mapping:
            parent.items.append(node)
        elif parent.key is None:
            if not isinstance(node, ScalarNode):
                raise YamlProblem(node.line, "a key must be a plain word, not a list or a mapping")
            parent.key = node.text
            parent.key_line = node.line
        else:
            parent.entries.append(Entry(parent.key, parent.key_line, node))
            parent.key = None
    return root if root is not None else ScalarNode(None, "", 1)


def _display_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _refuse_tag(tag: str, line: int) -> YamlProblem:
    return YamlProblem(
        line,
        f"YAML tag {_display_tag(tag)!r} is not allowed: tags that construct objects are not allowed; "
        "remove the tag and write a plain value",
    )


def _check_collection_tag(tag: str | None, is_mapping: bool, line: int) -> None:
    allowed = _CORE + ("map" if is_mapping else "seq")
    if tag is not None and tag not in (allowed, _NON_SPECIFIC_TAG):
        raise _refuse_tag(tag, line)


def _scalar(event: yaml.events.ScalarEvent, line: int) -> ScalarNode:
    text = event.value
    tag = event.tag
    if tag == _NON_SPECIFIC_TAG:  # a lone "!" means "just text" in YAML
        return ScalarNode(text, text, line)
    explicit = tag is not None
    if tag is None:
        tag = str(_RESOLVER.resolve(yaml.nodes.ScalarNode, text, event.implicit))  # type: ignore[no-untyped-call]
    elif tag not in _SCALAR_TAGS:
        raise _refuse_tag(tag, line)
    try:
        value = _scalar_value(tag, text)
    except (ValueError, KeyError, yaml.constructor.ConstructorError):
        if explicit:
            raise YamlProblem(line, f"{text[:40]!r} is not a valid {_display_tag(tag)} value") from None
        # An implicit number too long for int(): the text is still a fine value.
        value = text
    return ScalarNode(value, text, line)


def _scalar_value(tag: str, text: str) -> ScalarValue:
    node = yaml.nodes.ScalarNode(tag, text)
    if tag == _CORE + "int":
        return int(_CONSTRUCTOR.construct_yaml_int(node))
    if tag == _CORE + "float":
        return float(_CONSTRUCTOR.construct_yaml_float(node))
    if tag == _CORE + "bool":
        return bool(_CONSTRUCTOR.construct_yaml_bool(node))
    if tag == _CORE + "null":
        return None
    # str, and dates, timestamps and the like, which stay as the text written.
    return text
