"""`suggested: true` on sources, mentions, claims and framing: valid, with warnings, and listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.article_yaml import yaml_to_document
from app.domain.validation import refusal_message, unreviewed_suggestions, validate_article
from app.domain.vocabulary import Vocabulary, load_vocabulary

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
ARTICLE = """\
id: reviewed-or-not
title: "Mayor Slams Bridge Plan"
text: |
  The mayor said the bridge may cost more. Residents say it is needed.
sources:
  - id: mayor
    name: The mayor
    type: named_official
    suggested: true
    mentions:
      - quote: "The mayor said"
  - id: residents
    name: Residents
    type: vague
    mentions:
      - quote: "Residents say"
        suggested: true
claims:
  - quote: "the bridge may cost more"
    status: attributed
    source: mayor
    cues: [may]
    suggested: true
framing:
  - quote: "Slams"
    in: title
    technique: loaded_language
    suggested: SUGGESTED
"""


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary((QUESTIONS / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert loaded is not None, problems
    return loaded


def test_suggestions_are_warnings_on_their_lines_and_counted_on_the_id_line(vocabulary: Vocabulary) -> None:
    result = validate_article(ARTICLE.replace("SUGGESTED", "true"), "a.yaml", vocabulary)
    assert result.ok and result.article is not None
    assert [str(p) for p in result.warnings] == [
        "a.yaml:1: warning: 4 suggestions not yet reviewed; the article cannot be imported or assigned until "
        "each one is accepted (remove suggested: true) or deleted",
        "a.yaml:9: warning: source 'mayor' is a suggestion not yet reviewed: check it, then remove "
        "suggested: true (or delete the annotation)",
        "a.yaml:17: warning: mention 1 of source 'residents' is a suggestion not yet reviewed: check it, "
        "then remove suggested: true (or delete the annotation)",
        "a.yaml:23: warning: claim 1 is a suggestion not yet reviewed: check it, then remove suggested: true "
        "(or delete the annotation)",
        "a.yaml:28: warning: framing 1 is a suggestion not yet reviewed: check it, then remove "
        "suggested: true (or delete the annotation)",
    ]
    found = unreviewed_suggestions(result.article)
    assert [(s.kind, s.where, s.quote, s.line) for s in found] == [
        ("source", "source 'mayor'", "The mayor", 9),
        ("mention", "mention 1 of source 'residents'", "Residents say", 17),
        ("claim", "claim 1", "the bridge may cost more", 23),
        ("framing", "framing 1", "Slams", 28),
    ]
    # The same list from the document, without lines.
    document = yaml_to_document(ARTICLE.replace("SUGGESTED", "true"))
    assert [(s.kind, s.where, s.quote) for s in unreviewed_suggestions(document)] == [
        (s.kind, s.where, s.quote) for s in found
    ]
    assert refusal_message(found, shown=2) == (
        "4 suggestions not yet reviewed: source 'mayor' (The mayor); mention 1 of source 'residents' "
        "(Residents say); and 2 more. Accept each one (remove suggested: true) or delete it, then try again"
    )


def test_suggested_false_is_a_reviewed_annotation(vocabulary: Vocabulary) -> None:
    text = ARTICLE.replace("suggested: true", "suggested: false").replace("SUGGESTED", "false")
    result = validate_article(text, "a.yaml", vocabulary)
    assert result.ok and result.article is not None
    assert result.warnings == ()
    assert unreviewed_suggestions(result.article) == []


def test_suggested_must_be_true_or_false(vocabulary: Vocabulary) -> None:
    result = validate_article(ARTICLE.replace("SUGGESTED", "maybe"), "a.yaml", vocabulary)
    assert [str(p) for p in result.errors] == [
        "a.yaml:28: 'suggested' in framing 1 must be true or false, not 'maybe'"
    ]
