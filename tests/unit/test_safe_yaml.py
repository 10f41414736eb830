"""The defensive YAML reader: a line-numbered tree, and clear refusals of dangerous input."""

from __future__ import annotations

import pytest

from app.domain.safe_yaml import (
    MAX_BYTES,
    MAX_DEPTH,
    Entry,
    MappingNode,
    ScalarNode,
    SequenceNode,
    YamlProblem,
    load_with_lines,
)

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def refusal(data: str | bytes) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        load_with_lines(data)
    return caught.value


def test_tree_keeps_the_line_of_every_key_item_and_value() -> None:
    tree = load_with_lines("id: raqqa\nsources:\n  - id: cnn\n    mentions:\n      - quote: told CNN\n")

    assert isinstance(tree, MappingNode)
    assert tree.keys() == ["id", "sources"]
    assert tree.entries[0] == Entry("id", 1, ScalarNode("raqqa", "raqqa", 1))
    sources = tree.get("sources")
    assert isinstance(sources, SequenceNode)
    assert sources.line == 3
    first = sources.items[0]
    assert isinstance(first, MappingNode)
    assert first.line == 3
    mentions = first.get("mentions")
    assert isinstance(mentions, SequenceNode)
    mention = mentions.items[0]
    assert isinstance(mention, MappingNode)
    assert mention.entries == (Entry("quote", 5, ScalarNode("told CNN", "told CNN", 5)),)


def test_scalars_get_core_types_and_keep_the_text_written() -> None:
    tree = load_with_lines(
        "n: 12\nf: 1.5\nb: true\nyes_word: Yes\nnothing:\nquoted: '12'\ndate: 2015-11-16\nplain: !!str 7\n"
    )
    assert isinstance(tree, MappingNode)
    values = {entry.key: entry.value for entry in tree.entries}
    assert values["n"] == ScalarNode(12, "12", 1)
    assert values["f"] == ScalarNode(1.5, "1.5", 2)
    assert values["b"] == ScalarNode(True, "true", 3)
    # YAML 1.1 reads "Yes" as true, but a choice "Yes" must stay readable as text.
    assert values["yes_word"] == ScalarNode(True, "Yes", 4)
    assert values["nothing"] == ScalarNode(None, "", 5)
    assert values["quoted"] == ScalarNode("12", "12", 6)
    # Dates stay as the text written; the validator parses them itself.
    assert values["date"] == ScalarNode("2015-11-16", "2015-11-16", 7)
    assert values["plain"] == ScalarNode("7", "7", 8)


def test_repeated_keys_are_kept_for_the_validator_to_report() -> None:
    tree = load_with_lines("a: 1\na: 2\n")
    assert isinstance(tree, MappingNode)
    assert [(e.key, e.line) for e in tree.entries] == [("a", 1), ("a", 2)]


def test_empty_document_is_an_empty_scalar() -> None:
    assert load_with_lines("") == ScalarNode(None, "", 1)
    assert load_with_lines("# only a comment\n") == ScalarNode(None, "", 1)


def test_a_byte_order_mark_is_ignored() -> None:
    tree = load_with_lines(b"\xef\xbb\xbfid: x\n")
    assert isinstance(tree, MappingNode)
    assert tree.keys() == ["id"]


def test_a_huge_integer_stays_text_instead_of_failing() -> None:
    digits = "9" * 5000  # longer than Python's int() accepts by default
    tree = load_with_lines(f"n: {digits}\n")
    assert isinstance(tree, MappingNode)
    assert tree.get("n") == ScalarNode(digits, digits, 1)


def test_syntax_error_names_the_line_from_the_parser() -> None:
    problem = refusal("id: a\ntitle: Breaking: news\n")
    assert problem.line == 2
    assert problem.message.startswith("YAML syntax error: mapping values are not allowed")
    assert "double quotes" in problem.message


def test_unclosed_quote_names_a_line() -> None:
    problem = refusal("id: a\ntitle: 'Breaking news\ntext: x\n")
    assert problem.line >= 2
    assert "YAML syntax error" in problem.message


@pytest.mark.parametrize(
    "source",
    [
        "a: !!python/object:os.system x\n",
        "a: !!python/object/apply:os.system ['ls']\n",
        "a: !!python/name:builtins.eval\n",
        "a: !!binary aGVsbG8=\n",
        "a: !custom 1\n",
        "a: !!set {x: null}\n",
        "a: !!python/tuple [1, 2]\n",
    ],
)
def test_tags_that_construct_objects_are_refused(source: str) -> None:
    problem = refusal(source)
    assert problem.line == 1
    assert "tags that construct objects are not allowed" in problem.message


def test_a_python_object_tag_names_the_tag_and_its_line() -> None:
    problem = refusal("id: a\ntitle: !!python/object/apply:os.system ['echo hi']\n")
    assert problem.line == 2
    assert problem.message.startswith("YAML tag '!!python/object/apply:os.system' is not allowed")


def test_billion_laughs_alias_bomb_is_refused_at_the_first_anchor() -> None:
    problem = refusal(BILLION_LAUGHS)
    assert problem.line == 1
    assert "aliases" in problem.message
    assert "not allowed" in problem.message


def test_an_alias_alone_is_refused() -> None:
    # An alias without an anchor is a parser error; either way it is a YamlProblem.
    problem = refusal("a: 1\nb: *nowhere\n")
    assert problem.line == 2


@pytest.mark.parametrize(
    "source",
    [
        "[" * 10_000 + "]" * 10_000,
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "- " * 10_000 + "x\n",
    ],
    ids=["flow lists", "flow mappings", "block lists"],
)
def test_ten_thousand_levels_of_nesting_are_refused_without_recursion(source: str) -> None:
    problem = refusal(source)
    assert problem.line == 1
    assert problem.message == f"the file is nested more than {MAX_DEPTH} levels deep"


def test_nesting_up_to_the_limit_is_fine() -> None:
    tree = load_with_lines("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    depth = 0
    while isinstance(tree, SequenceNode):
        depth += 1
        tree = tree.items[0] if tree.items else ScalarNode(None, "", 1)
    assert depth == MAX_DEPTH


def test_files_over_one_megabyte_are_refused() -> None:
    big = "text: " + "x" * MAX_BYTES
    for data in (big, big.encode()):
        problem = refusal(data)
        assert problem.line == 1
        assert "over the 1 MB limit" in problem.message


def test_size_counts_bytes_not_characters() -> None:
    # 400,000 three-byte characters are 1.2 MB.
    problem = refusal("text: " + "\u20ac" * 400_000)
    assert "over the 1 MB limit" in problem.message


def test_binary_data_is_refused() -> None:
    problem = refusal(b"id: a\ntitle: \x00\x01\x02\x89PNG")
    assert problem.line == 2
    assert "binary data" in problem.message


def test_text_that_is_not_utf8_is_refused() -> None:
    problem = refusal("id: a\ntitle: caf\xe9\n".encode("latin-1"))
    assert problem.line == 2
    assert "not UTF-8" in problem.message


def test_control_characters_are_refused_with_their_line() -> None:
    problem = refusal("id: a\n\ntitle: \x07bell\n")
    assert problem.line == 3
    assert "character" in problem.message


def test_strings_with_lone_surrogates_are_refused() -> None:
    problem = refusal("id: a\ntitle: \ud800\n")
    assert problem.line == 2


def test_only_one_document_per_file() -> None:
    problem = refusal("id: a\n---\nid: b\n")
    assert problem.line == 2
    assert "only one YAML document" in problem.message


def test_keys_must_be_plain() -> None:
    problem = refusal("? [a, b]\n: c\n")
    assert problem.line == 1
    assert "a key must be a plain word" in problem.message


def test_explicit_type_tags_on_wrong_values_are_clear() -> None:
    problem = refusal("n: !!int abc\n")
    assert problem.message == "'abc' is not a valid !!int value"


def test_the_pure_python_parser_gives_the_same_tree_and_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    # Installs without libyaml fall back to PyYAML's own parser; behaviour must not change.
    import yaml

    import app.domain.safe_yaml as safe_yaml

    source = "id: a\nlist:\n  - {quote: x, n: 2}\n  - yes\n"
    with_default = load_with_lines(source)
    monkeypatch.setattr(safe_yaml, "_LOADER", yaml.SafeLoader)
    assert load_with_lines(source) == with_default
    assert refusal(BILLION_LAUGHS).line == 1
    assert "nested more than" in refusal("[" * 10_000 + "]" * 10_000).message
    assert "tags that construct objects" in refusal("a: !!python/object:os.system x\n").message
    assert refusal("id: a\ntitle: Breaking: news\n").line == 2
