"""The article validator: every error kind with the exact FILE:LINE it must print."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.article import Article, Claim, Framing, HandQuestion, Source, Span, Vocabulary
from app.domain.text import Block, find_all, match_form, word_range
from app.domain.validation import (
    ARTICLE_KEYS,
    CLAIM_KEYS,
    FRAMING_KEYS,
    MENTION_KEYS,
    QUESTION_KEYS,
    SOURCE_KEYS,
    Problem,
    ValidationResult,
    collect_article_files,
    validate_article,
    validate_files,
)
from app.domain.vocabulary import load_vocabulary

DATA = Path(__file__).parent / "data"

# Lines 1-6 of most test articles; the part under test starts on line 7.
HEADER = """\
id: fair-rain
title: "Rain 'Ruins' the Fair"
text: |
  Organisers said the fair will reopen on Sunday.

  The mayor reportedly wants to cancel it, a council worker told the Gazette. The mayor said so.
"""
# One valid annotation, for tests about something else.
FRAMING = """\
framing:
  - quote: "'Ruins'"
    in: title
    technique: scare_quotes
"""


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    loaded, problems = load_vocabulary((DATA / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert problems == []
    assert loaded is not None
    return loaded


def problems(source: str | bytes, vocabulary: Vocabulary) -> list[str]:
    result = validate_article(source, "a.yaml", vocabulary)
    if result.errors:
        assert result.article is None, "a file with errors must not yield an article"
    return [str(problem) for problem in result.problems]


# --------------------------------------------------------------------------- a valid article


VALID = (
    HEADER
    + """\
published: 2024-06-01
level: 7
fictional: true
quiz: {length: 5}
sources:
  - id: organisers
    name: the organisers
    type: named_person
    mentions:
      - quote: Organisers said
  - id: council-worker
    name: a council worker
    type: anonymous
    via: gazette
    mentions:
      - quote: a council worker told the Gazette
  - id: gazette
    name: the Gazette
    type: news_outlet
    mentions:
      - quote: the Gazette
claims:
  - quote: the fair will reopen on Sunday
    status: attributed
    source: organisers
  - quote: The mayor reportedly wants to cancel it
    status: hedged
    cues: [reportedly]
    note: Nobody checked.
framing:
  - quote: "\u2018Ruins\u2019"
    in: title
    technique: scare_quotes
    note: Whose word is "ruins"?
questions:
  - type: choice
    skill: sources
    prompt: Who told the Gazette?
    choices: [The mayor, A council worker]
    answer: A council worker
  - type: multiple
    skill: sources
    prompt: Which of these are sources in the article?
    choices: [The organisers, The mayor's wife, The Gazette]
    answer: [The Gazette, The organisers]
  - type: select
    skill: claims
    prompt: Select the word that shows doubt.
    paragraph: 2
    answers:
      - quote: reportedly
"""
)


def test_valid_article_becomes_the_expected_article(vocabulary: Vocabulary) -> None:
    result = validate_article(VALID, "a.yaml", vocabulary)

    assert result.problems == ()
    assert result.ok
    # Paragraph 1: Organisers(0) said(1) the(2) fair(3) will(4) reopen(5) on(6) Sunday(7)
    # Paragraph 2: The(0) mayor(1) reportedly(2) wants(3) to(4) cancel(5) it(6) a(7) council(8)
    #              worker(9) told(10) the(11) Gazette(12) The(13) mayor(14) said(15) so(16)
    # Title:       Rain(0) Ruins(1) the(2) Fair(3)
    assert result.article == Article(
        id="fair-rain",
        title="Rain 'Ruins' the Fair",
        paragraphs=(
            "Organisers said the fair will reopen on Sunday.",
            "The mayor reportedly wants to cancel it, a council worker told the Gazette. The mayor said so.",
        ),
        sources=(
            Source("organisers", "the organisers", "named_person", (Span(1, 0, 2, "Organisers said"),)),
            Source(
                "council-worker",
                "a council worker",
                "anonymous",
                (Span(2, 7, 13, "a council worker told the Gazette"),),
                via="gazette",
            ),
            Source("gazette", "the Gazette", "news_outlet", (Span(2, 11, 13, "the Gazette"),)),
        ),
        claims=(
            Claim(Span(1, 2, 8, "the fair will reopen on Sunday"), "attributed", "organisers"),
            Claim(
                Span(2, 0, 7, "The mayor reportedly wants to cancel it"),
                "hedged",
                cues=(Span(2, 2, 3, "reportedly"),),
                note="Nobody checked.",
            ),
        ),
        framing=(Framing(Span(0, 1, 2, "\u2018Ruins\u2019"), "scare_quotes", 'Whose word is "ruins"?'),),
        questions=(
            HandQuestion(
                "choice",
                "sources",
                "Who told the Gazette?",
                choices=("The mayor", "A council worker"),
                answers=(1,),
            ),
            HandQuestion(
                "multiple",
                "sources",
                "Which of these are sources in the article?",
                choices=("The organisers", "The mayor's wife", "The Gazette"),
                answers=(0, 2),
            ),
            HandQuestion(
                "select",
                "claims",
                "Select the word that shows doubt.",
                block=2,
                spans=(Span(2, 2, 3, "reportedly"),),
            ),
        ),
        fictional=True,
        quiz_length=5,
        meta={"published": "2024-06-01", "level": "7"},
    )


def test_valid_fixture_file_spans_cover_the_quoted_words(vocabulary: Vocabulary) -> None:
    result = validate_article((DATA / "valid_article.yaml").read_bytes(), "valid_article.yaml", vocabulary)
    assert result.problems == ()
    article = result.article
    assert article is not None
    assert len(article.paragraphs) == 4
    spans = [m for s in article.sources for m in s.mentions]
    spans += [c.span for c in article.claims] + [f.span for f in article.framing]
    for span in spans:
        words = article.block(span.block).words[span.start : span.end]
        quoted = [w for w in span.quote.replace('"', " ").replace("'", " ").replace(",", " ").split()]
        assert list(words) == quoted, span
    assert article.source("ypg-fighter").via == "cnn"
    assert article.quiz_length == 6
    assert article.meta == {
        "outlet": "Example News",
        "published": "2015-11-16",
        "url": "https://example.org/raqqa",
        "level": "8",
    }


def test_quiz_length_defaults_to_twelve(vocabulary: Vocabulary) -> None:
    result = validate_article(HEADER + FRAMING, "a.yaml", vocabulary)
    assert result.article is not None
    assert result.article.quiz_length == 12
    assert result.article.fictional is False


def test_problem_format() -> None:
    assert str(Problem("q/a.yaml", 3, "bad")) == "q/a.yaml:3: bad"
    assert str(Problem("q/a.yaml", 3, "dense", "warning")) == "q/a.yaml:3: warning: dense"


# --------------------------------------------------------------------------- YAML-level refusals


def test_yaml_syntax_error_with_line(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing:\n  - quote: Rain: Ruins\n"
    [message] = problems(source, vocabulary)
    assert message.startswith("a.yaml:8: YAML syntax error: mapping values are not allowed")


def test_yaml_tags_that_construct_objects_are_refused(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing: !!python/object/apply:os.system ['echo pwned']\n"
    assert problems(source, vocabulary) == [
        "a.yaml:7: YAML tag '!!python/object/apply:os.system' is not allowed: tags that construct objects "
        "are not allowed; remove the tag and write a plain value"
    ]


def test_alias_bomb_is_refused(vocabulary: Vocabulary) -> None:
    source = HEADER + 'sources: &lol ["lol", "lol"]\nclaims: [*lol, *lol, *lol]\n'
    [message] = problems(source, vocabulary)
    assert message.startswith("a.yaml:7: anchors and aliases (&lol, *lol) are not allowed")


def test_file_over_one_megabyte_is_refused(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "note: " + "x" * 1_000_000 + "\n"
    [message] = problems(source, vocabulary)
    assert message.startswith("a.yaml:1: the file is 1,000,")
    assert "over the 1 MB limit" in message


def test_binary_file_is_refused(vocabulary: Vocabulary) -> None:
    assert problems(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", vocabulary) == [
        "a.yaml:3: the file contains binary data (NUL bytes); save it as plain UTF-8 text"
    ]


def test_deep_nesting_is_refused(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing: " + "[" * 10_000 + "]" * 10_000 + "\n"
    assert problems(source, vocabulary) == ["a.yaml:7: the file is nested more than 50 levels deep"]


def test_empty_file(vocabulary: Vocabulary) -> None:
    assert problems("", vocabulary) == [
        "a.yaml:1: the file is empty; an article needs at least id, title and text"
    ]


def test_file_that_is_a_list(vocabulary: Vocabulary) -> None:
    assert problems("- id: a\n", vocabulary) == [
        "a.yaml:1: an article file must be a mapping of keys (id:, title:, text:, ...), not a list"
    ]


# --------------------------------------------------------------------------- keys


def test_unknown_key_suggests_the_closest(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: organisers
    name: the organisers
    type: named_person
    mentions:
      - qoute: Organisers said
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:12: unknown key 'qoute' in mention; did you mean 'quote'?",
        "a.yaml:12: mention 1 of source 'organisers' is missing the required key 'quote'",
    ]


def test_unknown_top_level_key(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "claim:\n  - quote: wants to cancel it\n"
    assert problems(source, vocabulary) == [
        "a.yaml:11: unknown key 'claim' in the article; did you mean 'claims'?"
    ]


def test_unknown_key_without_a_close_match_lists_the_known_keys(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "    colour: red\n"
    assert problems(source, vocabulary) == [
        "a.yaml:11: unknown key 'colour' in framing; known keys: quote, technique, occurrence, in, note, "
        "suggested"
    ]


def test_repeated_key(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "    technique: loaded_language\n"
    assert problems(source, vocabulary) == [
        "a.yaml:11: key 'technique' appears twice in this framing (first at line 10); keep only one"
    ]


def test_missing_required_keys_are_all_reported_at_once(vocabulary: Vocabulary) -> None:
    source = """\
id: fair-rain
text: Organisers said the fair will reopen on Sunday.
sources:
  - id: organisers
    mentions:
      - occurrence: 1
  - name: the Gazette
    type: news_outlet
    mentions: [{quote: fair}]
claims:
  - quote: will reopen
framing:
  - quote: Sunday
questions:
  - type: choice
    skill: sources
    prompt: Who?
    choices: [A, B]
  - type: select
    skill: claims
    paragraph: 1
  - skill: claims
"""
    assert problems(source, vocabulary) == [
        "a.yaml:1: the article is missing the required key 'title'",
        "a.yaml:4: source 'organisers' is missing the required key 'name'",
        "a.yaml:4: source 'organisers' is missing the required key 'type'",
        "a.yaml:6: mention 1 of source 'organisers' is missing the required key 'quote'",
        "a.yaml:7: source 2 is missing the required key 'id'",
        "a.yaml:11: claim 1 is missing the required key 'status'",
        "a.yaml:13: framing 1 is missing the required key 'technique'",
        "a.yaml:15: question 1 is missing the required key 'answer'",
        "a.yaml:19: question 2 is missing the required key 'prompt'",
        "a.yaml:19: question 2 is missing the required key 'answers'",
        "a.yaml:22: question 3 is missing the required key 'type'",
        "a.yaml:22: question 3 is missing the required key 'prompt'",
    ]


def test_wrong_value_types(vocabulary: Vocabulary) -> None:
    source = """\
id: fair-rain
title: [Rain, Fair]
text:
  first: Organisers said the fair will reopen on Sunday.
fictional: maybe
quiz: 12
sources:
  - id: organisers
    name: the organisers
    type: named_person
    mentions: Organisers said
claims: wants to cancel it
framing:
  - Sunday
"""
    assert problems(source, vocabulary) == [
        "a.yaml:2: 'title' in the article must be text, not a list",
        "a.yaml:3: 'text' in the article must be text, not a mapping (key: value lines)",
        "a.yaml:5: 'fictional' in the article must be true or false, not 'maybe'",
        "a.yaml:6: 'quiz' must be a mapping like {length: 8}, not a number",
        "a.yaml:11: 'mentions' in source 'organisers' must be a list (- quote: \"...\"), not text",
        "a.yaml:12: 'claims' in the article must be a list (- quote: \"...\"), not text",
        "a.yaml:14: each framing must be a mapping (key: value lines), not text",
    ]


def test_id_format(vocabulary: Vocabulary) -> None:
    source = HEADER.replace("id: fair-rain", "id: Fair_Rain 2024") + FRAMING
    assert problems(source, vocabulary) == [
        "a.yaml:1: id 'Fair_Rain 2024' must use only lowercase letters, digits and hyphens, "
        "e.g. 'fair-rain-2024'"
    ]


def test_source_id_format(vocabulary: Vocabulary) -> None:
    source = HEADER + "sources:\n  - id: The Mayor\n    name: the mayor\n    type: named_person\n"
    source += "    mentions: [{quote: The mayor said}]\n"
    assert problems(source, vocabulary) == [
        "a.yaml:8: source id 'The Mayor' must use only lowercase letters, digits and hyphens, "
        "e.g. 'the-mayor'"
    ]


# --------------------------------------------------------------------------- quotes


def test_quote_not_in_text_shows_the_closest_passage(vocabulary: Vocabulary) -> None:
    source = (DATA / "valid_article.yaml").read_text()
    broken = source.replace(
        'quote: "a fighter with the Kurdish YPG unit told CNN"',
        'quote: "a fighter with the Kurdish YPG unit tld CNN"',
    )
    assert problems(broken, vocabulary) == [
        'a.yaml:26: quote "a fighter with the Kurdish YPG unit tld CNN" is not in the text; '
        'closest passage in paragraph 2: "a fighter with the Kurdish YPG unit told CNN"'
    ]


def test_quote_with_nothing_close_says_to_copy_it(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "claims:\n  - quote: xylophone quartet zebra\n    status: hedged\n"
    assert problems(source, vocabulary) == [
        'a.yaml:12: quote "xylophone quartet zebra" is not in the text; '
        "copy the words exactly from the article, or remove this annotation if those words are no "
        "longer in it"
    ]


def test_a_deleted_quote_gets_no_passage_that_only_looks_alike_letter_by_letter(
    vocabulary: Vocabulary,
) -> None:
    # Letters alone put "the mayor announced a new park" close to unrelated words of the text.
    source = HEADER + FRAMING + "claims:\n  - quote: the mayor announced a new park\n    status: hedged\n"
    assert problems(source, vocabulary) == [
        'a.yaml:12: quote "the mayor announced a new park" is not in the text; '
        "copy the words exactly from the article, or remove this annotation if those words are no "
        "longer in it"
    ]


def test_a_tab_in_the_indentation_is_named_as_a_tab(vocabulary: Vocabulary) -> None:
    for source in (HEADER + "claims:\n\t- quote: x\n", HEADER + "framing:\n  - quote: x\n\t  in: title\n"):
        reported = problems(source, vocabulary)
        assert len(reported) == 1
        assert "indentation must use spaces, not tabs" in reported[0]
        assert "special character" not in reported[0]


def test_an_unknown_technique_lists_every_valid_one(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing:\n  - quote: \"'Ruins'\"\n    in: title\n    technique: spin\n"
    [message] = problems(source, vocabulary)
    assert "vocabulary.yaml" not in message
    for technique in vocabulary.techniques:
        assert technique.id in message


def test_quote_in_the_title_without_in_title(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing:\n  - quote: Rain 'Ruins'\n    technique: scare_quotes\n"
    assert problems(source, vocabulary) == [
        "a.yaml:8: quote \"Rain 'Ruins'\" is not in the text, but it is in the title; add in: title"
    ]


def test_quote_not_in_the_title(vocabulary: Vocabulary) -> None:
    source = HEADER + "framing:\n  - quote: Rain 'Ruined'\n    in: title\n    technique: scare_quotes\n"
    assert problems(source, vocabulary) == [
        "a.yaml:8: quote \"Rain 'Ruined'\" is not in the title; closest passage: \"Rain 'Ruins'\""
    ]


def test_quote_matching_ignores_curly_quotes_and_line_breaks(vocabulary: Vocabulary) -> None:
    source = HEADER + 'claims:\n  - quote: "cancel it,\n      a council\u2019s"\n    status: hedged\n'
    # "council's" is not in the text, "council" is: the apostrophe makes a different word.
    assert problems(source, vocabulary) == [
        'a.yaml:8: quote "cancel it, a council\u2019s" is not in the text; '
        'closest passage in paragraph 2: "cancel it, a council"'
    ]
    fixed = HEADER + 'claims:\n  - quote: "cancel it,\n      a  council"\n    status: hedged\n'
    assert problems(fixed, vocabulary) == []


def test_quote_that_occurs_more_than_once_lists_where(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
sources:
  - id: mayor
    name: the mayor
    type: named_person
    mentions:
      - quote: The mayor
      - quote: said
"""
    )
    assert problems(source, vocabulary) == [
        'a.yaml:16: quote "The mayor" occurs 2 times (all in paragraph 2); '
        "add occurrence: N (1 to 2) to say which one",
        'a.yaml:17: quote "said" occurs 2 times (in paragraphs 1 and 2); '
        "add occurrence: N (1 to 2) to say which one",
    ]


def test_occurrence_picks_one_match_and_must_be_in_range(vocabulary: Vocabulary) -> None:
    mentions = """\
sources:
  - id: mayor
    name: the mayor
    type: named_person
    mentions:
      - quote: The mayor
        occurrence: 2
      - quote: The mayor said
        occurrence: 2
      - quote: said
        occurrence: 0
"""
    assert problems(HEADER + FRAMING + mentions, vocabulary) == [
        'a.yaml:19: occurrence: 2 is out of range: quote "The mayor said" occurs only once (in paragraph 2)',
        "a.yaml:21: 'occurrence' in mention 3 of source 'mayor' must be a whole number from 1 up, not '0'",
    ]
    fixed = HEADER + FRAMING + mentions.replace("        occurrence: 2\n      - quote: said\n", "")
    fixed = fixed.replace("        occurrence: 0\n", "")
    result = validate_article(fixed, "a.yaml", vocabulary)
    assert result.article is not None
    assert result.article.sources[0].mentions == (
        Span(2, 13, 15, "The mayor"),
        Span(2, 13, 16, "The mayor said"),
    )


def test_quote_without_words(vocabulary: Vocabulary) -> None:
    source = HEADER + 'framing:\n  - quote: "\'"\n    in: title\n    technique: scare_quotes\n'
    assert problems(source, vocabulary) == ['a.yaml:8: quote "\'" has no words; quote at least one word']


# --------------------------------------------------------------------------- ids and references


def test_repeated_source_id(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: mayor
    name: the mayor
    type: named_person
    mentions: [{quote: reportedly wants}]
  - id: mayor
    name: the mayor again
    type: named_person
    mentions: [{quote: The mayor said}]
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:12: source id 'mayor' is used twice (first at line 8); give each source its own id"
    ]


def test_claim_naming_no_source_suggests_the_closest(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: council-worker
    name: a council worker
    type: anonymous
    mentions: [{quote: a council worker told}]
claims:
  - quote: wants to cancel it
    status: attributed
    source: council-wroker
  - quote: the fair will reopen on Sunday
    status: attributed
    source: organisers
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:15: claim 1 names source 'council-wroker', which is not a source in this file; "
        "did you mean 'council-worker'?",
        "a.yaml:18: claim 2 names source 'organisers', which is not a source in this file "
        "(sources: council-worker)",
    ]


def test_via_naming_no_source_itself_or_a_circle(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: worker
    name: a council worker
    type: anonymous
    via: gazete
    mentions: [{quote: a council worker told}]
  - id: gazette
    name: the Gazette
    type: news_outlet
    via: gazette
    mentions: [{quote: the Gazette}]
  - id: mayor
    name: the mayor
    type: named_person
    via: organisers
    mentions: [{quote: The mayor said}]
  - id: organisers
    name: the organisers
    type: named_person
    via: mayor
    mentions: [{quote: Organisers said}]
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:11: via of source 'worker' names source 'gazete', which is not a source in this file; "
        "did you mean 'gazette'?",
        "a.yaml:16: source 'gazette' cannot be relayed by itself; fix or remove via",
        "a.yaml:21: sources relay each other in a circle (mayor -> organisers -> mayor); fix via",
    ]


def test_sourced_status_without_source(vocabulary: Vocabulary) -> None:
    source = HEADER + "claims:\n  - quote: wants to cancel it\n    status: disputed\n"
    assert problems(source, vocabulary) == [
        "a.yaml:8: claim 1 has status 'disputed' but no source; add source: <the id of a source>"
    ]


def test_unattributed_claim_naming_a_source(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: mayor
    name: the mayor
    type: named_person
    mentions: [{quote: The mayor said}]
claims:
  - quote: wants to cancel it
    status: unattributed
    source: mayor
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:15: claim 1 is unattributed but names source 'mayor'; "
        "use status: attributed, or remove source"
    ]


# --------------------------------------------------------------------------- vocabulary


def test_values_not_in_the_vocabulary(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
sources:
  - id: mayor
    name: the mayor
    type: anonymus
    mentions: [{quote: The mayor said}]
claims:
  - quote: wants to cancel it
    status: reported
framing:
  - quote: Ruins
    in: title
    technique: loaded_langauge
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:10: source type 'anonymus' is not in the vocabulary; did you mean 'anonymous'? "
        "(valid: named_person, news_outlet, anonymous)",
        "a.yaml:14: status 'reported' is not in the vocabulary "
        "(valid: hedged, unattributed, attributed, disputed, corroborated)",
        "a.yaml:18: technique 'loaded_langauge' is not in the vocabulary; did you mean 'loaded_language'? "
        "(valid: loaded_language, scare_quotes, headline_body_mismatch)",
    ]


# --------------------------------------------------------------------------- a claim's kind


def test_a_claim_may_say_what_kind_of_statement_it_is(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
claims:
  - quote: the fair will reopen on Sunday
    status: unattributed
    kind: prediction
  - quote: wants to cancel it
    status: hedged
"""
    )
    result = validate_article(source, "a.yaml", vocabulary)
    assert list(result.problems) == [] and result.article is not None
    assert [claim.kind for claim in result.article.claims] == ["prediction", None]


def test_a_claims_kind_outside_the_three_is_an_error_at_its_line(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
claims:
  - quote: the fair will reopen on Sunday
    status: unattributed
    kind: opnion
  - quote: wants to cancel it
    status: hedged
    kind: fact
  - quote: The mayor said so
    status: unattributed
    kind: [opinion]
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:10: 'kind' in claim 1 must be observation, opinion or prediction, not 'opnion'; "
        "did you mean 'opinion'?",
        "a.yaml:13: 'kind' in claim 2 must be observation, opinion or prediction, not 'fact'",
        "a.yaml:16: 'kind' in claim 3 must be text, not a list",
    ]


# --------------------------------------------------------------------------- cues


def test_cues_must_lie_inside_their_claim(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + """\
claims:
  - quote: wants to cancel it
    status: hedged
    cues: [reportedly, cancel]
  - quote: The mayor reportedly wants
    status: hedged
    cues:
      - reportedly
      - told
"""
    )
    assert problems(source, vocabulary) == [
        'a.yaml:10: cue "reportedly" is not inside the quote of claim 1; '
        "a cue must be words of the claim's own quote",
        'a.yaml:15: cue "told" is not inside the quote of claim 2; '
        "a cue must be words of the claim's own quote",
    ]


def test_cue_is_checked_even_when_its_claim_is_misquoted(vocabulary: Vocabulary) -> None:
    source = HEADER + "claims:\n  - quote: the mayor reportedly wants\n    status: hedged\n"
    source += "    cues: [reportedly, council]\n"
    result = problems(source, vocabulary)
    assert result[0].startswith(
        'a.yaml:8: quote "the mayor reportedly wants" is not in the text; closest passage'
    )
    assert result[1:] == [
        'a.yaml:10: cue "council" is not inside the quote of claim 1; '
        "a cue must be words of the claim's own quote"
    ]


# --------------------------------------------------------------------------- hand-written questions


def test_choice_answer_must_be_one_of_the_choices(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: choice
    skill: sources
    prompt: Who told the Gazette?
    choices: [The mayor, A council worker]
    answer: A council wroker
  - type: choice
    skill: sources
    prompt: Who told the Gazette?
    choices: [The mayor, A council worker]
    answer: [A council worker]
"""
    )
    assert problems(source, vocabulary) == [
        'a.yaml:16: answer "A council wroker" is not one of the choices of question 1; '
        'copy the right choice exactly (did you mean "A council worker"?)',
        "a.yaml:21: question 2 is a choice question, which has one answer; "
        "use type: multiple for several answers",
    ]


def test_multiple_answers_must_be_a_list_of_choices(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: multiple
    skill: sources
    prompt: Which are sources?
    choices: [The organisers, The Gazette, The weather]
    answer: The Gazette
  - type: multiple
    skill: sources
    prompt: Which are sources?
    choices: [The organisers, The Gazette, The organisers]
    answer:
      - The Gazette
      - The Mayor
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:16: 'answer' of question 1 must be a list of the right choices (- ...), not text",
        'a.yaml:20: choice "The organisers" appears twice in question 2',
        'a.yaml:23: answer "The Mayor" is not one of the choices of question 2; '
        "copy the right choice exactly",
    ]


def test_choice_answers_tolerate_curly_quotes_and_spacing(vocabulary: Vocabulary) -> None:
    source = HEADER + FRAMING + "questions:\n  - type: choice\n    skill: framing\n    prompt: Which?\n"
    source += '    choices: ["It\'s the mayor\'s", Nobody]\n    answer: "It\u2019s  the mayor\u2019s"\n'
    result = validate_article(source, "a.yaml", vocabulary)
    assert result.problems == ()
    assert result.article is not None
    assert result.article.questions[0].answers == (0,)


def test_select_answers_must_be_in_their_paragraph(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: select
    skill: claims
    prompt: Select the doubt.
    paragraph: 1
    answers:
      - quote: reportedly
  - type: select
    skill: claims
    prompt: Select the doubt.
    paragraph: 3
    answers:
      - quote: reportedly
  - type: select
    skill: framing
    prompt: Select the doubt.
    in: title
    answers:
      - quote: Ruined
"""
    )
    assert problems(source, vocabulary) == [
        'a.yaml:17: quote "reportedly" is not in paragraph 1, but it is in paragraph 2',
        "a.yaml:21: paragraph 3 is out of range: the text has 2 paragraphs",
        'a.yaml:29: quote "Ruined" is not in the title; closest passage: "Ruins"',
    ]


def test_select_question_needs_one_place(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: select
    skill: claims
    prompt: Select.
    answers: [{quote: reportedly}]
  - type: select
    skill: claims
    prompt: Select.
    paragraph: 2
    in: title
    answers: [{quote: reportedly}]
  - type: select
    skill: claims
    prompt: Select.
    in: text
    answers: [{quote: reportedly}]
  - type: select
    skill: claims
    prompt: Select.
    paragraph: 2
    choices: [a, b]
    answers: []
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:12: question 1 needs paragraph: N (or in: title) to say which words are shown",
        "a.yaml:20: question 2 has both paragraph and in; keep only one",
        "a.yaml:25: 'in' in question 3 must be title, not 'text'; to show a paragraph, use paragraph: N",
        "a.yaml:31: 'choices' is for choice and multiple questions; a select question uses answers",
        'a.yaml:32: question 4 has no answers; add at least one - quote: "..."',
    ]


def test_question_type_and_skill_must_be_known(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: essay
    skill: claim
    prompt: Discuss.
  - type: choice
    skill: framing
    prompt: Which?
    choices: [A, B]
    answer: A
    paragraph: 2
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:12: 'type' in question 1 must be choice, multiple or select, not 'essay'",
        "a.yaml:13: 'skill' in question 1 must be sources, claims or framing, not 'claim'; "
        "did you mean 'claims'?",
        "a.yaml:20: 'paragraph' is for select questions; a choice question uses choices and answer",
    ]


def test_dense_select_question_is_a_warning_not_an_error(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
questions:
  - type: select
    skill: framing
    prompt: Select the loaded words.
    in: title
    answers:
      - quote: Rain 'Ruins'
"""
    )
    result = validate_article(source, "a.yaml", vocabulary)
    assert [str(p) for p in result.problems] == [
        "a.yaml:12: warning: in question 1 the right words are 2 of the 4 words of the title, "
        "more than a third, "
        "so selecting every word would score over 0.5; use a longer passage or fewer words"
    ]
    assert result.ok
    assert result.warnings == result.problems
    assert result.errors == ()
    assert result.article is not None


# --------------------------------------------------------------------------- the article as a whole


def test_article_without_annotations(vocabulary: Vocabulary) -> None:
    assert problems(HEADER + "sources: []\n", vocabulary) == [
        "a.yaml:1: the article has no annotations; add at least one of sources, claims or framing"
    ]


def test_meta_keys_and_quiz_length(vocabulary: Vocabulary) -> None:
    source = (
        HEADER
        + FRAMING
        + """\
published: 16/11/2015
url: javascript:alert(1)
quiz:
  length: 0
  size: 3
"""
    )
    assert problems(source, vocabulary) == [
        "a.yaml:11: 'published' must be a date like 2015-11-16, or 2015-11 when the day is unknown, "
        "not '16/11/2015'",
        "a.yaml:12: 'url' must be a web address starting with https://, not 'javascript:alert(1)'",
        "a.yaml:14: 'length' in quiz must be a whole number from 1 up, not '0'",
        "a.yaml:15: unknown key 'size' in quiz; known keys: length",
    ]


def test_problems_come_sorted_by_line(vocabulary: Vocabulary) -> None:
    source = HEADER.replace("fair-rain", "Fair") + FRAMING.replace("scare_quotes", "scary") + "colour: red\n"
    lines = [p.line for p in validate_article(source, "a.yaml", vocabulary).problems]
    assert lines == sorted(lines)
    assert len(lines) == 3


# --------------------------------------------------------------------------- files


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def test_collect_article_files(tmp_path: Path) -> None:
    first = write(tmp_path, "b.yaml", "x")
    second = write(tmp_path, "sub/a.yml", "x")
    write(tmp_path, "vocabulary.yaml", "x")
    write(tmp_path, "README.md", "x")
    write(tmp_path, ".hidden/c.yaml", "x")
    explicit = write(tmp_path, "other.txt", "x")

    assert collect_article_files([str(tmp_path)]) == sorted([first, second])
    assert collect_article_files([str(tmp_path), first, explicit]) == sorted([first, second, explicit])
    assert collect_article_files([str(tmp_path / "vocabulary.yaml")]) == []


def test_validate_files_reports_an_id_used_twice(tmp_path: Path, vocabulary: Vocabulary) -> None:
    first = write(tmp_path, "a.yaml", HEADER + FRAMING)
    second = write(tmp_path, "b.yaml", HEADER + FRAMING)
    other = write(tmp_path, "c.yaml", HEADER.replace("fair-rain", "other") + FRAMING)

    results = validate_files([str(tmp_path)], vocabulary)

    assert [r.path for r in results] == [first, second, other]
    assert results[0].ok and results[0].article is not None
    assert [str(p) for p in results[1].problems] == [
        f"{second}:1: id 'fair-rain' is already used by {first}; give each article its own id"
    ]
    assert results[1].article is None
    assert results[2].ok


def test_validate_files_reports_a_missing_file(tmp_path: Path, vocabulary: Vocabulary) -> None:
    missing = str(tmp_path / "nope.yaml")
    [result] = validate_files([missing], vocabulary)
    assert [str(p) for p in result.problems] == [f"{missing}:1: no such file or folder"]


def test_broken_fixture_reports_every_problem(vocabulary: Vocabulary) -> None:
    path = DATA / "broken_article.yaml"
    [result] = validate_files([str(path)], vocabulary)
    assert [f"{p.line}: {p.message}" for p in result.problems] == [
        "1: id 'Rain Fair' must use only lowercase letters, digits and hyphens, e.g. 'rain-fair'",
        "9: source type 'person' is not in the vocabulary; did you mean 'named_person'? "
        "(valid: named_person, news_outlet, anonymous)",
        "11: unknown key 'qoute' in mention; did you mean 'quote'?",
        "11: mention 1 of source 'organisers' is missing the required key 'quote'",
        '13: quote "will reopen on Sundy" is not in the text; '
        'closest passage in paragraph 1: "will reopen on Sunday"',
        "14: status 'hedge' is not in the vocabulary; did you mean 'hedged'? "
        "(valid: hedged, unattributed, attributed, disputed, corroborated)",
        '15: cue "maybe" is not inside the quote of claim 1; a cue must be words of the claim\'s own quote',
    ]
    assert result.path == str(path)
    assert result.article is None


# --------------------------------------------------------------------------- robustness


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_arbitrary_input_never_raises(data: str | bytes, vocabulary: Vocabulary) -> None:
    result = validate_article(data, "x.yaml", vocabulary)
    assert isinstance(result, ValidationResult)
    assert result.ok == (result.article is not None)


_KEYS = sorted(
    {
        *ARTICLE_KEYS,
        *SOURCE_KEYS,
        *MENTION_KEYS,
        *CLAIM_KEYS,
        *FRAMING_KEYS,
        *QUESTION_KEYS,
        "length",
        "answers",
    }
)
_WORDS = st.sampled_from(
    ["The mayor", "said", "Rain", "'Ruins'", "reportedly", "fair-rain", "hedged", "select", "claims", "2", ""]
)
_SCALARS = st.one_of(_WORDS, st.integers(-3, 5), st.booleans(), st.none(), st.text(max_size=12))
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.sampled_from(_KEYS), children, max_size=6)
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extra=st.dictionaries(st.sampled_from(_KEYS), _TREES, max_size=8))
def test_article_shaped_nonsense_never_raises(extra: dict[str, object], vocabulary: Vocabulary) -> None:
    document = {
        "id": "fair-rain",
        "title": "Rain 'Ruins' the Fair",
        "text": "Organisers said the fair will reopen.\n\nThe mayor reportedly said so. The mayor said so.",
    }
    document.update(extra)  # type: ignore[arg-type]
    result = validate_article(yaml.safe_dump(document), "x.yaml", vocabulary)
    assert isinstance(result, ValidationResult)
    assert result.ok == (result.article is not None)
    for problem in result.problems:
        assert problem.line >= 1
        assert problem.message


_TEXT_CHARS = st.sampled_from(list("ab c_d1'\u2019\".,-\u201c\u201d \n\u00e9e\u0301"))


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(_TEXT_CHARS, max_size=40),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 12)),
    other=st.text(_TEXT_CHARS, max_size=6),
)
def test_fast_find_all_and_word_range_match_the_block_methods(
    text: str, cut: tuple[int, int], other: str
) -> None:
    block = Block.from_text(text)
    haystack = match_form(block.text)
    start, length = cut
    for quote in (block.text[start : start + length], other):
        assert find_all(haystack, match_form(quote)) == block.find_all(quote)
    for first in range(len(block.text) + 1):
        for last in range(first, min(first + 8, len(block.text)) + 1):
            assert word_range(block, first, last) == block.word_range(first, last)


def test_many_quotes_in_a_huge_text_stay_fast(vocabulary: Vocabulary) -> None:
    # Locating each quote must not re-read the whole text: this took ~7 s when it did.
    words = [f"w{i}" for i in range(20_000)]
    paragraphs = [" ".join(words[i : i + 1000]) for i in range(0, len(words), 1000)]
    lines = ["id: big", "title: Big", "text: |"] + [line for p in paragraphs for line in ("  " + p, "")]
    lines.append("framing:")
    for word in words[::40]:
        lines += [f"  - quote: {word}", "    technique: loaded_language"]
    started = time.process_time()  # the work the file causes, whatever else the machine runs
    result = validate_article("\n".join(lines), "big.yaml", vocabulary)
    assert result.article is not None
    assert len(result.article.framing) == 500
    assert time.process_time() - started < 3


def test_a_paragraph_over_a_thousand_words_is_refused(vocabulary: Vocabulary) -> None:
    text = " ".join(["word"] * 1001)
    source = f"id: long\ntitle: Long\ntext: |\n  Short.\n\n  {text}\n"
    source += "claims:\n  - quote: Short\n    status: hedged\n"
    assert problems(source, vocabulary) == [
        "a.yaml:3: paragraph 2 of the text has 1001 words; a paragraph may have at most 1000: "
        "split it with a blank line"
    ]


def test_an_occurrence_past_two_hundred_is_refused(vocabulary: Vocabulary) -> None:
    source = HEADER + "claims:\n  - quote: fair\n    occurrence: 201\n    status: hedged\n"
    assert problems(source, vocabulary) == ["a.yaml:9: 'occurrence' in claim 1 must be at most 200, not 201"]


def test_an_ambiguous_quote_is_counted_only_up_to_a_bound(vocabulary: Vocabulary) -> None:
    text = " ".join(["word"] * 50)
    source = f"id: many\ntitle: Many\ntext: {text}\nclaims:\n  - quote: word\n    status: hedged\n"
    [message] = problems(source, vocabulary)
    assert 'quote "word" occurs at least 10 times (all in paragraph 1)' in message


def test_a_title_longer_than_an_assignment_title_is_refused(vocabulary: Vocabulary) -> None:
    source = HEADER.replace("title: \"Rain 'Ruins' the Fair\"", "title: " + "T" * 201) + FRAMING
    assert "the title is 201 characters long; keep it to 200" in " ".join(problems(source, vocabulary))
