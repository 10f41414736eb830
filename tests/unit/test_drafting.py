"""Drafts from plain text: the parts of the article, refusals, and drafts that always validate with
only "not yet reviewed" warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.article_yaml import document_to_yaml
from app.domain.drafting import DraftError, article_id_from_headline, build_draft, draft_from_plain_text
from app.domain.lexicons import Lexicons, parse_lexicons
from app.domain.validation import (
    ValidationResult,
    collect_article_files,
    unreviewed_suggestions,
    validate_article,
)
from app.domain.vocabulary import Vocabulary, load_vocabulary

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
PLAIN = """Council Slams 'Reckless' Plan to Close Library

The town library could close in June, according to a report by the council.

"It is a disaster for families," said Councillor Jo Park. She added that 2,000 people use it every week.

Critics say the building is too old. About 40 staff work there.
"""


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary((QUESTIONS / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return parse_lexicons(
        {p.name: p.read_text(encoding="utf-8") for p in (QUESTIONS / "lexicons").glob("*.txt")}
    )


def check(document: dict[str, object], vocabulary: Vocabulary) -> ValidationResult:
    """The draft validates, and every warning is about suggestions not yet reviewed."""
    result = validate_article(document_to_yaml(document), "draft.yaml", vocabulary)
    assert result.errors == ()
    assert result.warnings
    assert all("not yet reviewed" in p.message for p in result.warnings)
    return result


def test_first_line_is_the_headline_and_blank_lines_separate_paragraphs(
    lexicons: Lexicons, vocabulary: Vocabulary
) -> None:
    document = draft_from_plain_text(PLAIN, lexicons)
    assert document["id"] == "council-slams-reckless-plan-to-close-library"
    assert document["title"] == "Council Slams 'Reckless' Plan to Close Library"
    result = check(document, vocabulary)
    assert result.article is not None
    assert result.article.paragraphs == (
        "The town library could close in June, according to a report by the council.",
        '"It is a disaster for families," said Councillor Jo Park. She added that 2,000 people use it '
        "every week.",
        "Critics say the building is too old. About 40 staff work there.",
    )
    # Every annotation is a suggestion, and both ways of counting them agree.
    found = unreviewed_suggestions(result.article)
    assert len(found) == len(unreviewed_suggestions(document)) > 0
    assert {s.kind for s in found} == {"source", "claim", "framing"}
    warning = next(p for p in result.warnings if p.line == result.id_line)
    assert warning.message.startswith(f"{len(found)} suggestions not yet reviewed")


def test_the_draft_finds_the_sources_claims_and_framing_of_the_text(lexicons: Lexicons) -> None:
    document = draft_from_plain_text(PLAIN, lexicons)
    sources = {s["name"]: (s["type"], [m["quote"] for m in s["mentions"]]) for s in document["sources"]}
    assert sources["Councillor Jo Park"] == ("named_official", ["said Councillor Jo Park", "She added"])
    assert sources["a report by the council"][0] == "document_or_data"
    assert sources["Critics"] == ("vague", ["Critics say"])
    framing = {(f["quote"], f["technique"]) for f in document["framing"]}
    assert ("Slams", "loaded_language") in framing
    assert ("'Reckless'", "scare_quotes") in framing
    claims = {c["quote"]: c for c in document["claims"]}
    assert claims["The town library could close in June"]["cues"] == ["could"]


def test_windows_line_ends_and_a_byte_order_mark_are_read(lexicons: Lexicons) -> None:
    document = draft_from_plain_text("\ufeffA headline\r\n\r\nOne paragraph.\r\n\r\nTwo.\r\n", lexicons)
    assert (document["title"], document["text"]) == ("A headline", "One paragraph.\n\nTwo.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("   \n\n  ", "the text is empty"),
        ("Only a headline\n\n", "no paragraphs"),
        ("x" * 201 + "\n\nA paragraph.", "the headline is 201 characters long"),
        ("Headline\n\n" + "word " * 1001, "paragraph 1 has 1001 words"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(text: str, message: str, lexicons: Lexicons) -> None:
    with pytest.raises(DraftError, match=message):
        draft_from_plain_text(text, lexicons)


def test_ids_are_made_from_the_headline() -> None:
    assert (
        article_id_from_headline("Café Owners ‘Furious’ at 50% Rent Rise!")
        == "cafe-owners-furious-at-50-rent-rise"
    )
    assert article_id_from_headline("¿?") == "draft-article"


@pytest.mark.parametrize("path", collect_article_files([str(QUESTIONS)]), ids=lambda p: Path(p).name)
def test_the_draft_of_every_sample_article_validates(
    path: str, lexicons: Lexicons, vocabulary: Vocabulary
) -> None:
    teacher = validate_article(Path(path).read_bytes(), path, vocabulary).article
    assert teacher is not None
    document = build_draft(teacher.title, list(teacher.paragraphs), {}, lexicons)
    result = check(document, vocabulary)
    draft = result.article
    assert draft is not None
    assert draft.paragraphs == teacher.paragraphs
    # No two suggestions of one kind on the same words.
    for spans in (
        [m for s in draft.sources for m in s.mentions],
        [c.span for c in draft.claims],
        [f.span for f in draft.framing],
    ):
        assert not [(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :] if a.overlaps(b)]


def test_a_long_article_full_of_list_words_gives_a_bounded_valid_draft(
    lexicons: Lexicons, vocabulary: Vocabulary
) -> None:
    sentence = 'He said the chaos may be "bad" and never massive. Dr. Ann Lee said 3,000 fish may die. '
    paragraphs = [sentence * 40] * 12  # 9,600 words
    document = build_draft("Chaos Said to Hit Town", paragraphs, {}, lexicons)
    quotes = (
        sum(len(s["mentions"]) for s in document["sources"])
        + len(document["claims"])
        + len(document["framing"])
    )
    assert 0 < quotes <= 3 * 160  # each kind is bounded, far below the validator's 500 quotes
    result = validate_article(document_to_yaml(document), "long.yaml", vocabulary)
    # Hundreds of suggestions: the warnings past the first 200 are counted, and the file stays valid.
    assert result.ok and result.article is not None
    assert result.warnings[-1].message.startswith("and ") and "more warnings" in result.warnings[-1].message


def test_more_than_ten_thousand_words_are_refused(lexicons: Lexicons) -> None:
    with pytest.raises(DraftError, match="10,011 words"):
        build_draft("Long", ["word " * 1000] * 10 + ["word " * 11], {}, lexicons)
