"""The vocabulary file: source types, claim statuses and techniques, with clear errors."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.article import VocabularyEntry
from app.domain.vocabulary import load_vocabulary

DATA = Path(__file__).parent / "data"

STATUSES = """\
claim_statuses:
  - {id: hedged, label: Hedged, definition: Not confirmed.}
  - {id: unattributed, label: Unattributed, definition: Nobody said it.}
  - {id: attributed, label: Attributed, definition: Someone said it.}
  - {id: disputed, label: Disputed, definition: Someone denies it.}
  - {id: corroborated, label: Corroborated, definition: Several say it.}
"""
# Lines 1-4; STATUSES follows on lines 5-10.
SOURCE_TYPES = """\
source_types:
  - id: named_person
    label: A named person
    definition: Someone the article names.
"""
TECHNIQUES = """\
techniques:
  - {id: loaded_language, label: Loaded language, definition: Words that stir feelings.}
"""


def messages(source: str) -> list[str]:
    vocabulary, problems = load_vocabulary(source, "vocabulary.yaml")
    assert vocabulary is None
    return [str(p) for p in problems]


def test_the_test_vocabulary_loads_in_file_order() -> None:
    vocabulary, problems = load_vocabulary((DATA / "vocabulary.yaml").read_bytes(), "vocabulary.yaml")
    assert problems == []
    assert vocabulary is not None
    assert [e.id for e in vocabulary.source_types] == ["named_person", "news_outlet", "anonymous"]
    assert [e.id for e in vocabulary.claim_statuses] == [
        "hedged",
        "unattributed",
        "attributed",
        "disputed",
        "corroborated",
    ]
    assert vocabulary.technique("scare_quotes") == VocabularyEntry(
        "scare_quotes", "Scare quotes", "Quotation marks that cast doubt on a phrase."
    )
    assert (
        vocabulary.source_type("named_person").definition
        == 'Someone the article names, like "Jean-Yves Le Drian".'
    )


def test_block_and_flow_entries_both_work() -> None:
    vocabulary, problems = load_vocabulary(SOURCE_TYPES + STATUSES + TECHNIQUES, "vocabulary.yaml")
    assert problems == []
    assert vocabulary is not None
    assert vocabulary.source_types == (
        VocabularyEntry("named_person", "A named person", "Someone the article names."),
    )
    assert vocabulary.techniques == (
        VocabularyEntry("loaded_language", "Loaded language", "Words that stir feelings."),
    )


def test_a_teacher_can_add_a_technique() -> None:
    extra = "  - id: whataboutism\n    label: Whataboutism\n    definition: Changing the subject.\n"
    vocabulary, problems = load_vocabulary(SOURCE_TYPES + STATUSES + TECHNIQUES + extra, "v.yaml")
    assert problems == []
    assert vocabulary is not None
    assert vocabulary.technique("whataboutism").label == "Whataboutism"


def test_missing_section() -> None:
    assert messages(SOURCE_TYPES + STATUSES) == [
        "vocabulary.yaml:1: the vocabulary is missing the required key 'techniques'"
    ]


def test_empty_section() -> None:
    assert messages(SOURCE_TYPES + STATUSES + "techniques: []\n") == [
        "vocabulary.yaml:11: 'techniques' is empty; add at least one - id: ..., label: ..., definition: ..."
    ]


def test_unknown_and_missing_keys_in_an_entry() -> None:
    source = SOURCE_TYPES.replace("    definition:", "    defintion:") + STATUSES + TECHNIQUES
    assert messages(source) == [
        "vocabulary.yaml:2: source type 'named_person' is missing the required key 'definition'",
        "vocabulary.yaml:4: unknown key 'defintion' in source type; did you mean 'definition'?",
    ]


def test_unknown_section_suggests_the_closest() -> None:
    assert messages(SOURCE_TYPES + STATUSES + TECHNIQUES + "technique: []\n") == [
        "vocabulary.yaml:13: unknown key 'technique' in the vocabulary; did you mean 'techniques'?"
    ]


def test_duplicate_and_badly_formed_ids() -> None:
    source = (
        SOURCE_TYPES
        + STATUSES
        + TECHNIQUES
        + "  - {id: loaded_language, label: Again, definition: Twice.}\n"
        + "  - {id: Name-Calling, label: Name calling, definition: Labels.}\n"
    )
    assert messages(source) == [
        "vocabulary.yaml:13: technique id 'loaded_language' is defined twice (first at line 12)",
        "vocabulary.yaml:14: technique id 'Name-Calling' must be lowercase letters, digits and underscores, "
        "starting with a letter (e.g. loaded_language)",
    ]


def test_claim_statuses_must_be_the_ones_the_quiz_knows() -> None:
    statuses = STATUSES.replace("disputed, label: Disputed", "rumour, label: Rumour")
    assert messages(SOURCE_TYPES + statuses + TECHNIQUES) == [
        "vocabulary.yaml:5: claim_statuses must define 'disputed': the quiz generator relies on it",
        "vocabulary.yaml:9: claim status 'rumour' is not one the quiz knows "
        "(attributed, corroborated, disputed, hedged, unattributed); a new status needs a change in the code",
    ]


def test_empty_label() -> None:
    source = SOURCE_TYPES.replace("A named person", '""') + STATUSES + TECHNIQUES
    assert messages(source) == ["vocabulary.yaml:3: 'label' in source type 'named_person' is empty"]


def test_not_a_mapping_and_yaml_errors() -> None:
    assert messages("- a\n- b\n") == [
        "vocabulary.yaml:1: the vocabulary must be a mapping with source_types, claim_statuses, techniques, "
        "not a list"
    ]
    [problem] = messages("source_types: !!python/object:os.system x\n")
    assert problem.startswith("vocabulary.yaml:1: YAML tag '!!python/object:os.system' is not allowed")


@settings(max_examples=100, deadline=None)
@given(data=st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_never_raises(data: str | bytes) -> None:
    vocabulary, problems = load_vocabulary(data, "v.yaml")
    assert (vocabulary is None) == any(p.severity == "error" for p in problems)


def test_subject_groups_are_lists_of_words() -> None:
    base = SOURCE_TYPES + STATUSES + TECHNIQUES
    vocabulary, problems = load_vocabulary(
        base + "subject_groups:\n  - [Bus, route]\n  - [alone]\n", "v.yaml"
    )
    assert problems == [] and vocabulary is not None
    assert vocabulary.subject_groups == (frozenset({"bus", "route"}),)  # a lone word groups nothing
    assert messages(base + "subject_groups:\n  - bus\n") == [
        "vocabulary.yaml:14: each item of 'subject_groups' must be a list of words like [bus, route], "
        "not text"
    ]
