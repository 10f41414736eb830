"""Article documents to YAML and back: every file in questions/ keeps its annotations, and odd
text survives the quoting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.article_yaml import document_to_yaml, yaml_to_document
from app.domain.text import split_paragraphs
from app.domain.validation import collect_article_files, validate_article
from app.domain.vocabulary import Vocabulary, load_vocabulary

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
ARTICLES = collect_article_files([str(QUESTIONS)])


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary((QUESTIONS / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert loaded is not None, problems
    return loaded


@pytest.mark.parametrize("path", ARTICLES, ids=[Path(p).name for p in ARTICLES])
def test_every_article_round_trips_to_the_same_annotations(path: str, vocabulary: Vocabulary) -> None:
    original = validate_article(Path(path).read_bytes(), path, vocabulary)
    assert original.article is not None
    written = document_to_yaml(yaml_to_document(Path(path).read_text(encoding="utf-8")))
    again = validate_article(written, path, vocabulary)
    assert again.errors == ()
    assert again.article == original.article
    # Writing the re-read document again changes nothing: the form is stable.
    assert document_to_yaml(yaml_to_document(written)) == written


def test_keys_come_in_the_readmes_order_with_the_text_as_a_block() -> None:
    document = {
        "framing": [{"note": "Strong word.", "technique": "loaded_language", "quote": "chaos"}],
        "text": "First paragraph.\n\nSecond: with a colon.",
        "title": "A title: with a colon",
        "id": "an-article",
        "sources": [
            {
                "mentions": [{"quote": "The mayor said"}],
                "type": "named_official",
                "name": "The mayor",
                "id": "mayor",
                "suggested": True,
            }
        ],
    }
    assert document_to_yaml(document) == (
        "id: an-article\n"
        'title: "A title: with a colon"\n'
        "\n"
        "text: |\n"
        "  First paragraph.\n"
        "\n"
        "  Second: with a colon.\n"
        "\n"
        "sources:\n"
        "  - id: mayor\n"
        '    name: "The mayor"\n'
        "    type: named_official\n"
        "    suggested: true\n"
        "    mentions:\n"
        '      - quote: "The mayor said"\n'
        "\n"
        "framing:\n"
        '  - quote: "chaos"\n'
        "    technique: loaded_language\n"
        "    note: Strong word.\n"
    )


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "null",
        "~",
        "12",
        "1.5e3",
        "2015-11-16",
        "a: b",
        "# not a comment",
        "'single' and \"double\"",
        '"starts with a quote"',
        "they'd",
        "tab\there",
        "- dash first",
        "trailing space ",
        "ünïcödé “curly” — dash",
        "@at [brackets] {braces} & * ! | > %",
    ],
)
def test_odd_text_survives(value: str) -> None:
    document = {"id": "odd", "title": value, "level": value, "framing": [{"quote": value, "note": value}]}
    assert yaml_to_document(document_to_yaml(document)) == document


def test_a_quotation_mark_and_a_line_break_read_back_as_written() -> None:
    # Found by the property test below: single quotes would fold the line break into a space.
    document = {"id": "odd", "title": '"\n', "claims": [{"quote": 'a "b"\nc', "note": '"\n'}]}
    assert yaml_to_document(document_to_yaml(document)) == document


def test_a_long_note_is_folded_and_reads_back_the_same() -> None:
    note = " ".join(["This note is long enough to be folded over several lines."] * 5)
    document = {"id": "long", "claims": [{"quote": "x", "status": "hedged", "note": note}]}
    written = document_to_yaml(document)
    assert "note: >-" in written
    assert all(len(line) <= 100 for line in written.splitlines())
    assert yaml_to_document(written) == document


def test_numbers_and_booleans_keep_their_type_where_the_validator_reads_them() -> None:
    document = {
        "id": "typed",
        "fictional": True,
        "quiz": {"length": 8},
        "claims": [{"quote": "a", "occurrence": 2}],
    }
    assert yaml_to_document(document_to_yaml(document)) == document


@settings(max_examples=300, deadline=None)
@given(value=st.text(max_size=60), words=st.lists(st.text(min_size=1, max_size=15), max_size=4))
def test_any_text_reads_back_as_written(value: str, words: list[str]) -> None:
    document = {"id": "any", "title": value, "claims": [{"quote": value, "cues": words, "note": value}]}
    assert yaml_to_document(document_to_yaml(document)) == document


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200))
def test_any_article_text_keeps_its_paragraphs(text: str) -> None:
    written = document_to_yaml({"id": "any", "title": "T", "text": text})
    assert split_paragraphs(yaml_to_document(written).get("text") or "") == split_paragraphs(text)
