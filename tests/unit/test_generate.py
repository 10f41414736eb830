"""The quiz generator: every kind, derivable answers, determinism, balance and coverage."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.article import SKILLS, Article, Claim, Span
from app.domain.generate import (
    KINDS,
    MIN_CHOICES,
    NOT_SAID,
    SUPPORT_CHOICES,
    SUPPORT_HEDGED,
    SUPPORT_NAMED,
    SUPPORT_NONE,
    SUPPORT_UNNAMED,
    QuestionKind,
    all_questions,
    build_quiz,
    gold_is_sparse,
)
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.text import match_form
from tests.unit.article_factory import (
    ArticleBuilder,
    library_article,
    library_builder,
    one_source_article,
    random_articles,
    vocabulary,
)

VOCABULARY = vocabulary()
GENERATED_KINDS = [name for name, kind in KINDS.items() if not kind.hand_written]
HAND_KINDS = [name for name, kind in KINDS.items() if kind.hand_written]


def questions_of(article: Article, kind: str, seed: int = 1) -> list[Question]:
    return [q for q in all_questions(article, VOCABULARY, random.Random(seed)) if q.kind == kind]


def right_choice(question: Question) -> str:
    (index,) = question.answer
    return question.choices[index]


def wrong_choices(question: Question) -> list[str]:
    return [c for i, c in enumerate(question.choices) if i not in question.answer]


def by_quote(questions: list[Question], quote: str) -> Question:
    found = [q for q in questions if q.quote == quote]
    assert len(found) == 1, f"{len(found)} questions about {quote!r}"
    return found[0]


# --- The registry -----------------------------------------------------------------------------------


def test_kinds_are_a_registry_of_objects_in_a_stable_order() -> None:
    assert list(KINDS) == [
        "who_said_it",
        "source_type",
        "find_sources",
        "support",
        "find_unverified",
        "spot_hedge",
        "name_technique",
        "find_framing",
        "hand_choice",
        "hand_multiple",
        "hand_select",
    ]
    for name, kind in KINDS.items():
        assert isinstance(kind, QuestionKind)
        assert kind.name == name
        assert kind.type in (CHOICE, MULTIPLE, SELECT)
        assert kind.skill in SKILLS or (kind.hand_written and kind.skill == "")


def test_the_library_article_allows_every_kind() -> None:
    questions = all_questions(library_article(), VOCABULARY, random.Random(0))
    assert {q.kind for q in questions} == set(KINDS)
    for question in questions:
        kind = KINDS[question.kind]
        assert question.type == kind.type
        assert question.skill == (kind.skill or question.skill)
        assert question.skill in SKILLS
        assert question.prompt
        if not kind.hand_written:
            assert question.explanation, question.kind


def test_questions_survive_a_trip_through_json() -> None:
    for question in all_questions(library_article(), VOCABULARY, random.Random(5)):
        data = json.loads(json.dumps(question.to_dict()))
        assert Question.from_dict(data) == question


# --- who_said_it -------------------------------------------------------------------------------------


def test_who_said_it_answers_with_the_original_source_not_the_relay() -> None:
    questions = questions_of(library_article(), "who_said_it")
    question = by_quote(questions, "the evening hours were the only time working families could visit")
    assert right_choice(question) == "one unnamed parent"
    # The Gazette relayed the parent's words, so naming it would also be right: it is never offered.
    assert "the Riverside Gazette" not in question.choices
    assert question.choices[-1] == NOT_SAID
    assert question.explanation == "We only know this parent through the Gazette."
    assert question.skill == "sources"


def test_who_said_it_names_the_source_of_an_attributed_claim() -> None:
    question = by_quote(
        questions_of(library_article(), "who_said_it"), "the cuts are a disaster for children"
    )
    assert right_choice(question) == "unnamed critics"
    assert NOT_SAID in wrong_choices(question)
    assert len(question.choices) >= MIN_CHOICES
    assert question.focus is not None
    block, start, end = question.focus
    assert " ".join(library_article().block(block).words[start:end]) == "the cuts are a disaster for children"


@pytest.mark.parametrize(
    "quote", ["is one of the oldest in the county", "will reportedly close two hours earlier"]
)
def test_who_said_it_for_an_unsourced_claim_is_the_article_does_not_say(quote: str) -> None:
    question = by_quote(questions_of(library_article(), "who_said_it"), quote)
    assert right_choice(question) == NOT_SAID
    assert question.answer == (len(question.choices) - 1,)
    assert set(wrong_choices(question)) <= {s.name for s in library_article().sources}


def test_one_source_gives_no_who_said_it() -> None:
    assert questions_of(one_source_article(), "who_said_it") == []


def test_a_source_and_its_relay_alone_give_no_who_said_it() -> None:
    b = ArticleBuilder(
        "Storm Hits Coast",
        [
            "A fisherman told the Coast Times that the waves were the highest he had seen "
            "in forty years at sea."
        ],
    )
    b.source("times", "the Coast Times", "news_outlet", ["the Coast Times"])
    b.source("fisherman", "a fisherman", "anonymous", ["A fisherman told"], via="times")
    b.claim("the waves were the highest he had seen", "attributed", source="fisherman")
    assert questions_of(b.build(), "who_said_it") == []


def test_who_said_it_needs_a_known_source_for_a_sourced_claim() -> None:
    article = library_article()
    broken = Claim(article.claims[1].span, "attributed", source="nobody")
    article = Article(article.id, article.title, article.paragraphs, article.sources, (broken,))
    assert questions_of(article, "who_said_it") == []
    assert questions_of(article, "support") == []


# --- source_type -------------------------------------------------------------------------------------


def test_source_type_asks_once_per_mention_with_the_vocabulary_label() -> None:
    article = library_article()
    questions = questions_of(article, "source_type")
    assert len(questions) == sum(len(s.mentions) for s in article.sources)
    for question in questions:
        source = article.source(question.extra["source"])
        assert right_choice(question) == VOCABULARY.source_type(source.type).label
        assert len(question.choices) == 4
        labels = {entry.label for entry in VOCABULARY.source_types}
        assert set(question.choices) <= labels
        definition_of = {entry.label: entry.definition for entry in VOCABULARY.source_types}
        assert question.extra["definitions"] == [definition_of[c] for c in question.choices]


def test_source_type_never_offers_a_type_that_is_also_right() -> None:
    b = ArticleBuilder(
        "Fighters Ready",
        ["A fighter with the YPG told CNN that the city would be taken within days, and the army agreed."],
    )
    b.source("cnn", "CNN", "news_outlet", ["told CNN"])
    b.source("fighter", "an unnamed YPG fighter", "anonymous", ["A fighter with the YPG told CNN"], via="cnn")
    b.source("mayor", "Mayor Ali Hassan", "named_official", ["the army agreed"])
    article = b.build()
    for seed in range(30):
        for question in questions_of(article, "source_type", seed):
            source = question.extra["source"]
            if source == "fighter":
                # "told CNN" is inside the fighter's mention: "News outlet" would be right too.
                assert "News outlet" not in question.choices
                assert "Named organisation" not in question.choices
            if source == "cnn":
                assert "Anonymous source" not in question.choices
                assert "Named organisation" not in question.choices  # a news outlet is a named organisation
            if source == "mayor":
                assert "Named person" not in question.choices  # a named official is a named person


# --- find_sources ------------------------------------------------------------------------------------


def test_find_sources_gold_is_every_mention_in_the_paragraph() -> None:
    article = library_article()
    questions = questions_of(article, "find_sources")
    paragraph_3 = next(q for q in questions if q.block == 3)
    assert paragraph_3.answer_text == ["One parent told the Riverside Gazette", "According to the Gazette"]
    assert paragraph_3.words == article.block(3).words
    assert paragraph_3.gaps == article.block(3).gaps
    # Paragraphs 1 and 5 name no source, so they have no question.
    assert sorted(q.block for q in questions) == [2, 3, 4]


def test_overlapping_gold_spans_merge_into_one() -> None:
    b = ArticleBuilder(
        "Fighters Ready",
        [
            "A fighter with the YPG told CNN that the city would be taken within days, "
            "and the army agreed with him."
        ],
    )
    b.source("cnn", "CNN", "news_outlet", ["told CNN"])
    b.source("fighter", "an unnamed YPG fighter", "anonymous", ["A fighter with the YPG told CNN"], via="cnn")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text == ["A fighter with the YPG told CNN"]


def test_no_select_question_where_gold_is_over_a_third_of_the_words() -> None:
    b = ArticleBuilder("Short Item", ["Experts say the bridge is safe, officials said."])
    b.source("experts", "experts", "vague", ["Experts say"])
    b.source("officials", "officials", "vague", ["officials said"])
    b.claim("the bridge is safe", "hedged", cues=["safe"])
    b.frame("the bridge is safe", "doubt")
    article = b.build()
    # 4 gold words of 8 for find_sources and find_unverified; spot_hedge has 1 of 4 words.
    assert questions_of(article, "find_sources") == []
    assert questions_of(article, "find_unverified") == []
    assert questions_of(article, "find_framing") == []
    assert len(questions_of(article, "spot_hedge")) == 1


def test_gold_is_sparse() -> None:
    assert gold_is_sparse([(0, 3)], 9)
    assert not gold_is_sparse([(0, 3)], 8)
    assert not gold_is_sparse([], 9)
    assert gold_is_sparse([(0, 2), (1, 3)], 9)  # overlapping words count once


# --- support -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("will reportedly close two hours earlier", SUPPORT_HEDGED),
        ("the change would save about 40,000 dollars a year", SUPPORT_NAMED),  # attributed, named official
        ("the library is used least in the evening", SUPPORT_NAMED),  # disputed
        ("more than 300 people have signed a petition against the plan", SUPPORT_NAMED),  # corroborated
        ("the evening hours were the only time working families could visit", SUPPORT_UNNAMED),  # anonymous
        ("the cuts are a disaster for children", SUPPORT_UNNAMED),  # vague
        ("is one of the oldest in the county", SUPPORT_NONE),
    ],
)
def test_support_follows_status_and_source_type(quote: str, expected: str) -> None:
    question = by_quote(questions_of(library_article(), "support"), quote)
    assert question.prompt.startswith("How well supported is this claim")
    assert sorted(question.choices) == sorted(SUPPORT_CHOICES)
    assert right_choice(question) == expected
    assert question.skill == "claims"


def test_support_explanation_is_the_teachers_note() -> None:
    question = by_quote(questions_of(library_article(), "support"), "is one of the oldest in the county")
    assert question.explanation == "The writer gives no source for this."


def test_support_skips_a_hedged_claim_that_names_its_source() -> None:
    # "The mayor suggested ..." is both hedged and sourced: either answer is defensible, so no question.
    article = library_article()
    hedged = article.claims[0]
    assert hedged.status == "hedged" and hedged.source is None
    sourced = Claim(hedged.span, "hedged", source=article.sources[0].id, cues=hedged.cues)
    article = Article(article.id, article.title, article.paragraphs, article.sources, (sourced,))
    assert questions_of(article, "support") == []


def test_support_skips_words_annotated_twice_with_different_support() -> None:
    article = library_article()
    first = article.claims[1]
    twin = Claim(first.span, "unattributed")
    article = Article(article.id, article.title, article.paragraphs, article.sources, (first, twin))
    assert questions_of(article, "support") == []


# --- find_unverified and spot_hedge ------------------------------------------------------------------


def test_find_unverified_gold_is_the_hedged_and_unattributed_claims() -> None:
    questions = questions_of(library_article(), "find_unverified")
    assert {q.block: q.answer_text for q in questions} == {
        1: ["will reportedly close two hours earlier"],
        4: ["is one of the oldest in the county"],
    }


def test_spot_hedge_shows_the_claim_and_asks_for_its_cues() -> None:
    article = library_article()
    questions = questions_of(article, "spot_hedge")
    assert len(questions) == 2
    question = by_quote(questions, "will reportedly close two hours earlier")
    assert question.words == ("will", "reportedly", "close", "two", "hours", "earlier")
    assert question.gaps == ("", " ", " ", " ", " ", " ", "")
    assert question.gold == ((1, 2),)
    assert question.block == 1
    offset = question.extra["offset"]
    assert article.block(1).words[offset + 1] == "reportedly"


# --- name_technique and find_framing -----------------------------------------------------------------


def test_name_technique_gives_the_label_and_three_wrong_techniques() -> None:
    question = by_quote(questions_of(library_article(), "name_technique"), "'Slashes'")
    assert right_choice(question) == "Scare quotes"
    assert len(question.choices) == 4
    assert "the headline" in question.prompt
    assert question.explanation == "The quotation marks make the cut sound dramatic."


def test_name_technique_never_offers_another_technique_of_the_same_words() -> None:
    article = library_article()
    for seed in range(40):
        questions = questions_of(article, "name_technique", seed)
        disaster = by_quote(questions, "a disaster")
        assert right_choice(disaster) == "Exaggeration or minimising"
        assert "Loaded language" not in disaster.choices
        for_children = by_quote(questions, "a disaster for children")
        assert "Exaggeration or minimising" not in for_children.choices
        assert "Emotional appeal" not in for_children.choices  # broader than loaded language
        angered = by_quote(questions, "a move that has angered many families")
        assert not {"Appeal to fear", "Flag waving", "Loaded language"} & set(angered.choices)


def test_find_framing_covers_the_headline_and_paragraphs() -> None:
    questions = questions_of(library_article(), "find_framing")
    assert {q.block: q.answer_text for q in questions} == {
        0: ["Slashes"],
        1: ["a move that has angered many families"],
        4: ["a disaster for children"],
    }


# --- hand-written ------------------------------------------------------------------------------------


def test_hand_written_questions_keep_their_right_answers_after_shuffling() -> None:
    for seed in range(10):
        questions = all_questions(library_article(), VOCABULARY, random.Random(seed))
        hand = {q.kind: q for q in questions if q.kind in HAND_KINDS}
        assert hand["hand_choice"].answer_text == ["It makes the cut sound dramatic"]
        assert hand["hand_choice"].skill == "framing"
        assert hand["hand_choice"].explanation == "Nobody in the article uses the word 'slashes'."
        assert sorted(hand["hand_multiple"].answer_text) == ["Maria Lopez", "the Riverside Gazette"]
        assert hand["hand_multiple"].type == MULTIPLE
        assert hand["hand_select"].answer_text == ["expected", "unlikely"]
        assert hand["hand_select"].block == 5


# --- no question without a derivable answer ----------------------------------------------------------


def test_an_article_without_annotations_gives_no_questions() -> None:
    article = ArticleBuilder("Nothing Here", ["Just a plain paragraph with no annotations at all."]).build()
    assert all_questions(article, VOCABULARY, random.Random(1)) == []
    assert build_quiz(article, VOCABULARY, seed=1) == []


def test_unknown_vocabulary_ids_give_no_question() -> None:
    b = ArticleBuilder(
        "Odd Item", ["A neighbour said the new park is a gift from heaven for the whole town."]
    )
    b.source("neighbour", "a neighbour", "gossip", ["A neighbour said"])
    b.frame("a gift from heaven", "hyperbole")
    article = b.build()
    assert questions_of(article, "source_type") == []
    assert questions_of(article, "name_technique") == []


# --- properties over arbitrary articles --------------------------------------------------------------


def _relay_names(article: Article, source_id: str) -> set[str]:
    names: set[str] = set()
    seen: set[str] = set()
    current: str | None = source_id
    while current is not None and current not in seen:
        seen.add(current)
        source = article.source(current)
        names.add(match_form(source.name).casefold())
        current = source.via
    return names


@settings(max_examples=150, deadline=None)
@given(random_articles(), st.integers(0, 2**32))
def test_every_generated_question_has_one_readable_answer(article: Article, seed: int) -> None:
    for question in all_questions(article, VOCABULARY, random.Random(seed)):
        kind = KINDS[question.kind]
        assert question.type == kind.type
        assert question.skill in SKILLS
        if question.type == SELECT:
            assert question.gold
            assert all(0 <= s < e <= len(question.words) for s, e in question.gold)
            assert len(question.gaps) == len(question.words) + 1
            if not kind.hand_written:
                assert gold_is_sparse(question.gold, len(question.words))
            continue
        folded = [match_form(c).casefold() for c in question.choices]
        assert len(set(folded)) == len(folded), question.choices
        assert all(0 <= i < len(question.choices) for i in question.answer)
        if question.type == CHOICE:
            assert len(question.answer) == 1
        if kind.hand_written:
            continue
        assert len(question.choices) >= MIN_CHOICES
        if question.kind == "who_said_it":
            claim = article.claims[question.extra["claim"]]
            sourced = claim.source is not None and claim.status != "unattributed"
            expected = article.source(claim.source).name if sourced and claim.source else NOT_SAID
            assert right_choice(question) == expected
            also_right: set[str] = set()
            for other in article.claims:
                if other.span.overlaps(claim.span) and other.source and other.status != "unattributed":
                    also_right |= _relay_names(article, other.source)
            assert not {match_form(c).casefold() for c in wrong_choices(question)} & also_right
        if question.kind == "support":
            claim = article.claims[question.extra["claim"]]
            assert right_choice(question) == _expected_support(article, claim)
        if question.kind == "source_type":
            source = article.source(question.extra["source"])
            mention = source.mentions[question.extra["mention"]]
            assert right_choice(question) == VOCABULARY.source_type(source.type).label
            overlapping = {
                VOCABULARY.source_type(other.type).label
                for other in article.sources
                if any(m.overlaps(mention) for m in other.mentions)
            }
            assert not overlapping & set(wrong_choices(question))
        if question.kind == "name_technique":
            framing = article.framing[question.extra["framing"]]
            assert right_choice(question) == VOCABULARY.technique(framing.technique).label
            overlapping = {
                VOCABULARY.technique(other.technique).label
                for other in article.framing
                if other.span.overlaps(framing.span)
            }
            assert not overlapping & set(wrong_choices(question))


def _expected_support(article: Article, claim: Claim) -> str:
    table = {"hedged": SUPPORT_HEDGED, "unattributed": SUPPORT_NONE}
    if claim.status in table:
        return table[claim.status]
    assert claim.source is not None
    unnamed = article.source(claim.source).type in ("anonymous", "vague")
    return SUPPORT_UNNAMED if unnamed else SUPPORT_NAMED


@settings(max_examples=100, deadline=None)
@given(random_articles(), st.integers(0, 2**32))
def test_quiz_properties_hold_for_arbitrary_articles(article: Article, seed: int) -> None:
    pool = all_questions(article, VOCABULARY, random.Random(seed))
    quiz = build_quiz(article, VOCABULARY, seed)
    assert quiz == build_quiz(article, VOCABULARY, seed)
    hand = [q for q in pool if q.kind in HAND_KINDS]
    assert all(q in quiz for q in hand)
    assert len(quiz) == max(len(hand), min(article.quiz_length, len(pool)))
    generated_kinds = [q.kind for q in quiz if q.kind not in HAND_KINDS]
    available = {q.kind for q in pool if q.kind not in HAND_KINDS}
    if len(set(generated_kinds)) < len(generated_kinds):  # a kind repeats only once all are covered
        assert set(generated_kinds) == available


# --- build_quiz --------------------------------------------------------------------------------------


def test_same_seed_same_quiz_and_different_seeds_differ() -> None:
    article = library_article()
    first = build_quiz(article, VOCABULARY, seed=7)
    assert first == build_quiz(article, VOCABULARY, seed=7)
    assert [q.to_dict() for q in first] == [q.to_dict() for q in build_quiz(article, VOCABULARY, seed=7)]
    others = [build_quiz(article, VOCABULARY, seed=s) for s in (8, 9, 10)]
    assert all([q.prompt for q in other] != [q.prompt for q in first] for other in others)


def test_choice_order_is_shuffled_by_the_seed() -> None:
    article = library_article()
    orders = {
        tuple(
            q.choices
            for q in questions_of(article, "support", seed) + questions_of(article, "who_said_it", seed)
        )
        for seed in range(5)
    }
    assert len(orders) == 5


def test_default_quiz_is_twelve_balanced_questions_covering_every_kind() -> None:
    article = library_article()
    for seed in range(20):
        quiz = build_quiz(article, VOCABULARY, seed)
        assert len(quiz) == 12
        assert Counter(q.skill for q in quiz) == {"sources": 4, "claims": 4, "framing": 4}
        assert {q.kind for q in quiz} == set(KINDS)
        assert len({id(q) for q in quiz}) == 12
        assert len({json.dumps(q.to_dict(), sort_keys=True) for q in quiz}) == 12


def test_a_short_quiz_covers_distinct_kinds_before_repeating() -> None:
    article = library_article()
    for length in range(3, 12):
        for seed in range(10):
            quiz = build_quiz(article, VOCABULARY, seed, length=length)
            generated = [q.kind for q in quiz if q.kind not in HAND_KINDS]
            assert len(quiz) == length
            expected_distinct = min(len(generated), len(GENERATED_KINDS))
            assert len(set(generated)) == expected_distinct
            counts = Counter(q.skill for q in quiz)
            assert max(counts.values()) - min(counts[s] for s in SKILLS) <= 1, (length, counts)


def test_a_long_quiz_stays_balanced() -> None:
    article = library_article()
    for seed in range(10):
        counts = Counter(q.skill for q in build_quiz(article, VOCABULARY, seed, length=24))
        assert counts == {"sources": 8, "claims": 8, "framing": 8}


def test_the_article_sets_the_default_length() -> None:
    article = library_article(quiz_length=6)
    quiz = build_quiz(article, VOCABULARY, seed=3)
    assert len(quiz) == 6
    assert len(build_quiz(article, VOCABULARY, seed=3, length=9)) == 9


def test_hand_written_questions_are_always_in_the_quiz() -> None:
    article = library_article()
    for length in (1, 2, 5, 12, 30):
        quiz = build_quiz(article, VOCABULARY, seed=length, length=length)
        assert sorted(q.kind for q in quiz if q.kind in HAND_KINDS) == sorted(HAND_KINDS)
        assert len(quiz) == max(length, len(HAND_KINDS))


def test_fewer_questions_than_the_length_gives_them_all() -> None:
    article = one_source_article()
    pool = all_questions(article, VOCABULARY, random.Random(0))
    quiz = build_quiz(article, VOCABULARY, seed=0)
    assert sorted(q.kind for q in quiz) == sorted(q.kind for q in pool)
    assert len(quiz) == len(pool) == 3


def test_quiz_questions_carry_focus_or_passage() -> None:
    for question in build_quiz(library_article(), VOCABULARY, seed=11):
        if question.type == SELECT:
            assert question.words and question.block is not None
        elif not KINDS[question.kind].hand_written:
            assert question.focus is not None and question.quote


def test_builder_span_helper_finds_quotes() -> None:
    b = library_builder()
    assert b.span("Critics say") == Span(4, 0, 2, "Critics say")
    with pytest.raises(ValueError, match="occurs"):
        b.span("the")
