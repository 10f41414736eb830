"""The quiz generator: every kind, derivable answers, determinism, balance and coverage."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.article import SKILLS, Article, Claim, Span, Vocabulary
from app.domain.audit import key_position_bias
from app.domain.generate import KIND_TITLES, KINDS, all_questions, build_quiz
from app.domain.kinds.base import MIN_CHOICES, QuestionKind, _source_features, gold_is_sparse, source_label
from app.domain.kinds.headline_check import (
    HEADLINE_FORMS,
    HEADLINE_ONE_WORD_FORMS,
    HEADLINE_SAYS_MORE,
    HEADLINE_WORDS_SAY_MORE,
)
from app.domain.kinds.support import (
    SUPPORT_CHOICES,
    SUPPORT_DEFINITIONS,
    SUPPORT_FACT,
    SUPPORT_HEDGED,
    SUPPORT_NAMED,
    SUPPORT_UNNAMED,
)
from app.domain.kinds.who_said_it import NOT_SAID
from app.domain.passage import sentences
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.quiz_rules import clash_sets, conflicts, gives_key_away, share_wrong_answers, touches_headline
from app.domain.scoring import free_words, score_answer
from app.domain.statistics import ASKED_FOR, CONFUSION_KINDS
from app.domain.text import match_form
from app.domain.validation.article import validate_article
from tests.unit.article_factory import (
    OTHER_RECORD,
    ArticleBuilder,
    add_other_record,
    library_article,
    library_builder,
    one_source_article,
    random_articles,
    vocabulary,
)
from tests.unit.article_factory import (
    select_phrases as _select,
)

VOCABULARY = vocabulary()
GENERATED_KINDS = [name for name, kind in KINDS.items() if not kind.hand_written]
HAND_KINDS = [name for name, kind in KINDS.items() if kind.hand_written]


# A teacher's vocabulary that still offers the expert and the cause techniques as wrong answers (the
# shipped one counts them as told by the form of the words, review 92): name the technique's own rules.
OFFERS_EXPERT_AND_CAUSE = replace(VOCABULARY, shown_by_form=frozenset({"scare_quotes", "false_dilemma"}))
# And one that asks "what kind of source" about named people too (the shipped one does not, review 97):
# the kind's own rules.
ASKS_NAMED_PEOPLE = replace(VOCABULARY, told_by_name=frozenset())


def questions_of(
    article: Article, kind: str, seed: int = 1, vocabulary: Vocabulary = VOCABULARY
) -> list[Question]:
    return [q for q in all_questions(article, vocabulary, random.Random(seed)) if q.kind == kind]


def right_choice(question: Question) -> str:
    (index,) = question.answer
    return question.choices[index]


def wrong_choices(question: Question) -> list[str]:
    return [c for i, c in enumerate(question.choices) if i not in question.answer]


def by_quote_choice(questions: list[Question], choice: str) -> Question:
    found = [q for q in questions if choice in [q.choices[i] for i in q.answer]]
    assert len(found) == 1, f"{len(found)} questions keyed {choice!r}"
    return found[0]


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
        "headline_check",
        "spot_technique",
        "find_framing",
        "how_to_check",
        "source_chain",
        "headline_evidence",
        "headline_quote",
        "statement_kind",
        "whose_words",
        "headline_word",
        "hand_choice",
        "hand_multiple",
        "hand_select",
    ]
    for name, kind in KINDS.items():
        assert isinstance(kind, QuestionKind)
        assert kind.name == name
        assert kind.type in (CHOICE, MULTIPLE, SELECT)
        assert kind.skill in SKILLS or (kind.hand_written and kind.skill == "")


def test_every_kind_names_itself_for_teachers_and_the_statistics() -> None:
    # The dashboard, the previews and the confusions read these from the kind: none may be missing.
    assert {name: kind.title for name, kind in KINDS.items()} == KIND_TITLES
    assert set(CONFUSION_KINDS) <= set(KINDS) and set(ASKED_FOR) <= set(KINDS)
    for name, kind in KINDS.items():
        assert kind.title.strip(), name
        if kind.type == SELECT:
            assert ASKED_FOR[name] == kind.asked_for and kind.asked_for.strip(), name
            assert not kind.confusion_title, name
        else:
            assert not kind.asked_for, name
            assert CONFUSION_KINDS.get(name, "") == kind.confusion_title, name
    assert set(CONFUSION_KINDS) == {
        "who_said_it",
        "source_type",
        "support",
        "name_technique",
        "statement_kind",
        "whose_words",
        "headline_word",
    }


def test_the_library_article_allows_every_kind() -> None:
    questions = all_questions(library_article(), ASKS_NAMED_PEOPLE, random.Random(0))
    # Naming the technique needs clearly wrong techniques that the article uses elsewhere:
    # see the name_technique tests for an article that has them.
    # Its paragraphs 1 and 4 have more words than their marked claims: no "find the unverified claims".
    # It has no headline words marked as saying more than the article: no headline check.
    # Nor enough plain descriptive words outside its claims for "spot the technique".
    # Its claims say no kind (observation, opinion, prediction), its relays are one step long and its
    # headline has no words marked as saying more than the article: no reasoning kind. "How would you
    # check it" has only the Gazette's report, and no other record or outlet to offer as the wrong
    # place to look (see tests/unit/test_reasoning_kinds.py).
    # Its paragraphs' framing is marked twice over ("a disaster") or stands beside attributions or a
    # "reportedly", so whose words it is could be argued: no "whose framing" (test_whose_words.py).
    # Its headline's loaded "Fume" has only "Hours" to offer beside it: no "headline's loaded word"
    # (test_headline_word.py).
    # Its one claim "who said it" could ask is the unnamed parent's, with no other unnamed person to
    # offer beside "one unnamed parent": no "who said it" (test_review_rules.py, reviews 305 to 308).
    assert {q.kind for q in questions} == set(KINDS) - {
        "who_said_it",
        "headline_word",
        "name_technique",
        "find_unverified",
        "headline_check",
        "spot_technique",
        "source_chain",
        "headline_evidence",
        "statement_kind",
        "whose_words",
        "how_to_check",
    }
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
    questions = questions_of(library_article(another_unnamed=True), "who_said_it")
    question = by_quote(questions, "the evening hours were the only time working families were free to visit")
    assert right_choice(question) == "one unnamed parent"
    # The Gazette relayed the parent's words, so naming it would also be right: it is never offered.
    assert "the Riverside Gazette" not in question.choices
    assert NOT_SAID in question.choices
    # Nor the critics: a vague group the parent may belong to (review 98).
    assert "unnamed critics" not in question.choices
    # Another unnamed person is on offer, so the key is not the one source shown by what it is.
    assert "an unnamed librarian" in question.choices
    assert len(question.choices) == 4
    assert question.explanation == (
        "The article gives this to one unnamed parent "
        '("One parent told the Riverside Gazette" in paragraph 3).'
    )
    assert question.skill == "sources"


def test_who_said_it_never_offers_a_source_tied_to_the_key_by_its_name_or_a_person_for_a_study() -> None:
    b = ArticleBuilder(
        "App",
        [
            # No figure in the claim: a figure from a record beside people only is not asked (review 54).
            "The app group scored higher on word tests, the researchers reported in the Westbury study.",
            '"These are exciting results," said Professor Ruth Adebayo, who led the study.',
            '"Now I feel sharp again," said Margaret Osei, a retired nurse.',
            "The Kingsford Council said it would not fund the app. Dr Lena Fischer said the gain was small.",
            "Several earlier studies found no lasting benefit. A government survey published in May found "
            "that older people use apps less.",
        ],
    )
    # A second record: a wrong answer of the key's own kind (review 63).
    b.source(
        "survey", "a government survey", "document_or_data", ["A government survey published in May found"]
    )
    b.source(
        "study", "the Westbury study", "document_or_data", ["the researchers reported in the Westbury study"]
    )
    b.source(
        "adebayo",
        "Professor Ruth Adebayo, who led the study",
        "named_person",
        ["said Professor Ruth Adebayo"],
    )
    b.source("osei", "Margaret Osei, a retired nurse", "named_person", ["said Margaret Osei"])
    b.source("council", "the Kingsford Council", "named_organisation", ["The Kingsford Council said"])
    b.source("fischer", "Dr Lena Fischer", "named_person", ["Dr Lena Fischer said"])
    b.source("studies", "several earlier studies", "vague", ["Several earlier studies found"])
    b.claim("The app group scored higher on word tests", "attributed", source="study")
    b.claim("Now I feel sharp again", "attributed", source="osei")
    article = b.build()
    for seed in range(20):
        questions = {q.extra["claim"]: q for q in questions_of(article, "who_said_it", seed)}
        # Adebayo led the study the key names: a student could defend her.
        assert "Ruth Adebayo" not in questions[0].choices
        # Only a person says "I": no council and no studies on offer (people by their names alone,
        # without their titles).
        assert set(wrong_choices(questions[1])) <= {
            "Ruth Adebayo",
            "Lena Fischer",
            NOT_SAID,
        }


def test_who_said_it_stem_never_nests_double_quotation_marks() -> None:
    b = ArticleBuilder(
        "Wolves",
        [
            'Tom Reed said there were "at least a dozen" wolves this year. '
            "Ann Lee, a vet, said none were sick."
        ],
    )
    b.source("reed", "Tom Reed", "named_person", ["Tom Reed said"])
    b.source("lee", "Ann Lee, a vet", "named_person", ["Ann Lee, a vet, said"])
    b.claim('there were "at least a dozen" wolves this year', "attributed", source="reed")
    b.claim("none were sick", "attributed", source="lee")
    question = by_quote(
        questions_of(b.build(), "who_said_it"), 'there were "at least a dozen" wolves this year'
    )
    assert "'at least a dozen'" in question.prompt and question.prompt.count('"') == 2


def test_who_said_it_skips_a_stem_holding_the_keys_role_or_a_gendered_pronoun() -> None:
    text = [
        "Karen Doyle, the district spokesperson, said the district would keep the ban next year.",
        "Marcus Obi said detentions at his school had fallen. Ruth Bell said lunch queues were shorter.",
        "The Bright Institute said test scores rose by a tenth in one year.",
    ]
    b = ArticleBuilder("Phones", text)
    b.source(
        "doyle",
        "Karen Doyle, the district spokesperson",
        "named_official",
        ["Karen Doyle, the district spokesperson, said"],
    )
    b.source("obi", "Marcus Obi", "named_person", ["Marcus Obi said"])
    b.source("bell", "Ruth Bell", "named_person", ["Ruth Bell said"])
    b.source("bright", "the Bright Institute", "named_organisation", ["The Bright Institute said"])
    b.claim("the district would keep the ban next year", "attributed", source="doyle")
    b.claim("detentions at his school had fallen", "attributed", source="obi")
    b.claim("lunch queues were shorter", "attributed", source="bell")
    asked = {q.quote for q in questions_of(b.build(), "who_said_it")}
    assert asked == {"lunch queues were shorter"}


def test_who_said_it_skips_words_that_call_the_key_group_by_a_common_noun() -> None:
    # "the force received only 27 complaints": the force is the police (review 28).
    text = [
        "Kenton Police said the force received only 27 complaints last year.",
        "Ruth Bell said lunch queues were shorter. Marcus Obi said the council was slow to act.",
    ]
    b = ArticleBuilder("Buses", text)
    b.source("police", "Kenton Police", "named_organisation", ["Kenton Police said"])
    b.source("bell", "Ruth Bell", "named_person", ["Ruth Bell said"])
    b.source("obi", "Marcus Obi", "named_person", ["Marcus Obi said"])
    b.claim("the force received only 27 complaints last year", "attributed", source="police")
    b.claim("lunch queues were shorter", "attributed", source="bell")
    b.claim("the council was slow to act", "attributed", source="obi")
    asked = {q.quote for q in questions_of(b.build(), "who_said_it")}
    # A person's words about a body are still asked: they do not point at the speaker.
    assert asked == {"lunch queues were shorter", "the council was slow to act"}


def test_no_choice_question_quotes_a_claim_in_a_fragment_of_two_words() -> None:
    # 'Who does the article say this comes from: "might help"?': what is claimed? (review 29)
    text = [
        "A ban might help, said Dr Hannah Pryce. Ruth Bell said lunch queues were shorter.",
        "Marcus Obi said the shop sold more drinks in June than in May.",
    ]
    b = ArticleBuilder("Drinks", text)
    b.source("pryce", "Dr Hannah Pryce", "named_person", ["said Dr Hannah Pryce"])
    b.source("bell", "Ruth Bell", "named_person", ["Ruth Bell said"])
    b.source("obi", "Marcus Obi", "named_person", ["Marcus Obi said"])
    b.claim("might help", "attributed", source="pryce", kind="prediction")
    b.claim("lunch queues were shorter", "attributed", source="bell", kind="observation")
    b.claim("the shop sold more drinks in June than in May", "attributed", source="obi")
    questions = [q for q in all_questions(b.build(), VOCABULARY, random.Random(1)) if q.type == CHOICE]
    assert questions
    assert all(q.quote != "might help" for q in questions)


def test_who_said_it_a_claim_starting_it_or_they_offers_no_person() -> None:
    # "it questioned 812 adults": a poll, not a person; grammar would rule the people out.
    b = ArticleBuilder(
        "Race",
        [
            "The Linwood poll said it questioned 812 adults in October.",
            "Dr Ana Marsh said the race was level. Mayor Okafor said little. The Echo said turnout fell.",
            "The Hartley campaign said the mayor had failed. Some voters say the poll is wrong.",
        ],
    )
    b.source("poll", "the Linwood poll", "document_or_data", ["The Linwood poll said"])
    b.source("voters", "some voters", "vague", ["Some voters say"])
    b.source("marsh", "Dr Ana Marsh", "named_person", ["Dr Ana Marsh said"])
    b.source("okafor", "Mayor Okafor", "named_official", ["Mayor Okafor said"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("campaign", "the Hartley campaign", "named_organisation", ["The Hartley campaign said"])
    b.claim("it questioned 812 adults in October", "attributed", source="poll")
    for seed in range(20):
        for question in questions_of(b.build(), "who_said_it", seed):
            # Nor "some voters": "it" is one group or record, not many people.
            assert not {"Dr Ana Marsh", "Mayor Okafor", "some voters"} & set(question.choices)


def test_who_said_it_never_offers_a_source_named_in_the_claims_own_sentence() -> None:
    # "the campaign said the poll showed ...": the poll could be defended.
    b = ArticleBuilder(
        "Race",
        [
            "The Hartley campaign said the Linwood poll showed a city that has run out of patience.",
            "Dr Ana Marsh said the race was level. Mayor Okafor said little on Monday.",
        ],
    )
    b.source("campaign", "the Hartley campaign", "named_organisation", ["The Hartley campaign said"])
    b.source("poll", "the Linwood poll", "document_or_data", ["the Linwood poll showed"])
    b.source("marsh", "Dr Ana Marsh", "named_person", ["Dr Ana Marsh said"])
    b.source("okafor", "Mayor Okafor", "named_official", ["Mayor Okafor said"])
    b.claim("a city that has run out of patience", "attributed", source="campaign")
    for seed in range(20):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "the Linwood poll" not in question.choices


def test_spot_technique_wrong_answers_are_no_verb_forms() -> None:
    # "were hearing", "not allowed": a participle inside a verb is no describing word.
    b = ArticleBuilder(
        "Race",
        [
            "Voters were hearing bitter attacks every night. Staff were not allowed to speak, and the "
            "crowded hall emptied quickly after the long meeting ended.",
        ],
    )
    b.frame("bitter", "loaded_language")
    b.framing_complete = {1}
    for seed in range(10):
        for question in questions_of(b.build(), "spot_technique", seed):
            assert not {'"hearing"', '"allowed"'} & set(question.choices)


def test_spot_technique_wrong_answers_are_no_verbs_or_nouns_that_end_like_describing_words() -> None:
    # "swapped chips" and "vegetable pasta" beside the key "scandal": a verb with its object and a
    # dish, which nobody would take for loaded language (review 240, a fail); "drive" of "I don't
    # drive" and "evening buses" beside "axe" (review 241).
    from app.domain.kinds.spot_technique import _describing
    from app.domain.text import Block

    text = Block.from_text(
        "The menu, which swapped chips for vegetable pasta, lost the evening buses. I don't drive. "
        "A growing number stayed at the crowded hall, quietly, with careful planning and an official letter."
    )
    for word, describing in (
        ("swapped", False),
        ("vegetable", False),
        ("evening", False),
        ("drive", False),
        ("growing", True),
        ("crowded", True),
        ("quietly", True),
        ("careful", True),
        ("official", True),
    ):
        assert _describing(text, text.words.index(word)) is describing, word


def test_spot_technique_wrong_answers_are_no_nouns_after_a_determiner() -> None:
    # "morning" of "every morning" and "attendant" of "by an attendant" beside the key "Brazen": only
    # the key described anything, so it was found at a glance (review 236, a fail).
    b = ArticleBuilder(
        "Bikes",
        [
            "Commuters leave their bikes at the station every morning. Brazen thieves now strike in "
            "daylight.",
            "A hub elsewhere checks bikes in and out by an attendant. Riders pay a small fee.",
        ],
    )
    b.frame("Brazen", "loaded_language", note="It makes the thieves sound shameless.")
    b.framing_complete = {1, 2}
    for seed in range(10):
        for question in questions_of(b.build(), "spot_technique", seed):
            assert not {'"morning"', '"attendant"'} & set(question.choices)
    from app.domain.kinds.spot_technique import _a_noun_alone
    from app.domain.text import Block

    text = Block.from_text("They come every morning, checked by an attendant, and the growing queue waits.")
    for word, noun in (("morning", True), ("attendant", True), ("growing", False), ("checked", False)):
        start = text.words.index(word)
        assert _a_noun_alone(text, start, start + 1) == noun, word


def test_a_find_question_never_shares_a_quiz_with_phrases_taken_from_its_passage() -> None:
    find = Question("find_framing", SELECT, "framing", "Select the framing", "", block=4, extra={"about": []})
    spot = Question(
        "spot_technique",
        CHOICE,
        "framing",
        "Which?",
        "",
        choices=("a", "b", "c"),
        answer=(0,),
        extra={"about": [], "spans": [[2, 0, 1], [4, 5, 6]]},
    )
    assert conflicts(find, spot) and conflicts(spot, find)
    assert not conflicts(find, replace(spot, extra={"about": [], "spans": [[2, 0, 1], [3, 5, 6]]}))


def test_who_said_it_names_the_source_of_an_attributed_claim() -> None:
    quote = "the evening hours were the only time working families were free to visit"
    article = library_article(another_unnamed=True)
    question = by_quote(questions_of(article, "who_said_it"), quote)
    assert right_choice(question) == "one unnamed parent"
    assert question.focus is not None
    block, start, end = question.focus
    assert " ".join(article.block(block).words[start:end]) == quote


def test_who_said_it_beside_critics_offers_no_person_and_no_article_does_not_say() -> None:
    # "Critics" is a vague source: "the article does not say" who they are could be defended, and so
    # could any person the article quotes (one of the critics?). The library article has only people
    # and the outlet one of them told, so its critics' claim is not asked.
    quotes = [q.quote for q in questions_of(library_article(), "who_said_it")]
    assert "the cuts are a disaster for children" not in quotes


def _plain_fact() -> Article:
    b = ArticleBuilder(
        "Library Hours",
        [
            # The vote's sentence between Ms Lopez and the claim: the source of the sentence just
            # before a claim whose key is "The article does not say" is not offered, across a
            # paragraph break too (review 218).
            "Council spokesperson Maria Lopez said the change would save money. The vote is on Monday.",
            # Critics in a paragraph of their own: beside the sentence of a claim whose key is "The
            # article does not say", they would not be offered.
            "The library was built in 1952. It has two floors.",
            "Critics say the cuts are a disaster.",
            "One parent told the Gazette that evenings matter most to working families.",
            "Councillor Tom Reed said the vote would be close.",
        ],
    )
    # A loose group and a private person stand or fall together as wrong choices (review 476): the
    # councillor keeps four choices.
    b.source("reed", "Tom Reed, a councillor", "named_official", ["Councillor Tom Reed said"])
    b.source(
        "lopez",
        "Maria Lopez, the council spokesperson",
        "named_official",
        ["Council spokesperson Maria Lopez said"],
    )
    b.source("critics", "unnamed critics", "vague", ["Critics say"])
    b.source("parent", "one unnamed parent", "anonymous", ["One parent told the Gazette"])
    b.claim("The library was built in 1952", "unattributed", note="The writer gives no source for this.")
    b.claim("the cuts are a disaster", "attributed", source="critics")
    return b.build()


def test_who_said_it_for_an_unsourced_claim_is_the_article_does_not_say() -> None:
    question = by_quote(questions_of(_plain_fact(), "who_said_it"), "The library was built in 1952")
    assert right_choice(question) == NOT_SAID
    # Named sources by their names alone (review 91), the others by their whole labels.
    shown = {s.name.split(",")[0] if s.type.startswith("named") else s.name for s in _plain_fact().sources}
    assert set(wrong_choices(question)) <= shown | {NOT_SAID}


def test_an_attribution_earlier_in_the_paragraph_may_carry_over() -> None:
    """ "Critics say ... . The library was built in 1952": the critics could be the source of both."""
    quote = "is one of the oldest in the county"
    assert all(q.quote != quote for q in questions_of(library_article(), "who_said_it"))
    assert all(q.quote != quote for q in questions_of(library_article(), "support"))


def test_the_article_does_not_say_moves_between_places() -> None:
    """Pinned last it was the key in half the questions: always picking it beat chance."""
    places = {
        q.choices.index(NOT_SAID)
        for seed in range(20)
        for q in questions_of(_plain_fact(), "who_said_it", seed)
        if NOT_SAID in q.choices
    }
    assert places == {0, 1, 2, 3}


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


def _ministers() -> ArticleBuilder:
    b = ArticleBuilder(
        "Talks Go On",
        [
            "Minister Ana Ruiz said that Governor Paul Kent has backed the new bridge plan.",
            "Paul Kent was not available. A farmer, Tom Bell, said the road would flood.",
            '"The talks will take months," he added.',
        ],
    )
    b.source("ruiz", "Ana Ruiz, the transport minister", "named_official", ["Minister Ana Ruiz said that"])
    b.source("kent", "Paul Kent, the governor", "named_official", ["Paul Kent was not available"])
    b.source("bell", "Tom Bell, a farmer", "named_person", ["A farmer, Tom Bell, said"])
    b.source(
        "ruiz-or-kent", "Ruiz or Kent (the article does not make clear which)", "named_official", ["he added"]
    )
    b.source("ruiz-aide", "an aide to Ana Ruiz", "anonymous", ["Paul Kent was not available"])
    b.claim("Governor Paul Kent has backed the new bridge plan", "attributed", source="ruiz")
    b.claim("the road would flood", "attributed", source="bell")
    b.claim("The talks will take months", "attributed", source="ruiz-or-kent")
    return b


def test_who_said_it_skips_a_claim_whose_words_name_its_source_in_lowercase() -> None:
    b = ArticleBuilder(
        "Savings",
        [
            "According to a budget memo, the finance office put the savings at half a million dollars. "
            "Ana Ruiz said the plan would also cut bus costs across the district next year. Parent Tom "
            "Hale said the buses were often late.",
        ],
    )
    b.source("hale", "Tom Hale, a parent", "named_person", ["Parent Tom Hale said"])
    b.source(
        "memo", "a budget memo from the finance office", "document_or_data", ["According to a budget memo"]
    )
    b.source("ruiz", "Ana Ruiz", "named_official", ["Ana Ruiz said"])
    b.claim("the finance office put the savings at half a million dollars", "attributed", source="memo")
    b.claim("the plan would also cut bus costs across the district", "attributed", source="ruiz")
    questions = questions_of(b.build(), "who_said_it")
    assert [q.quote for q in questions] == ["the plan would also cut bus costs across the district"]


def test_who_said_it_and_support_skip_a_claim_beside_an_unmarked_attribution() -> None:
    """ "Zipp says" left unmarked: the words may be Zipp's, not the source the teacher gave."""
    text = [
        "Zipp warned that riders had moved onto busy roads. Its scooters have carried riders on "
        "two million trips since 2021, Zipp says in its yearly report to the city council.",
    ]
    b = ArticleBuilder("Scooters", text)
    b.source("zipp", "Zipp, the scooter firm", "named_organisation", ["Zipp warned"])
    b.source("council", "the city council", "named_organisation", ["the city council"])
    b.claim("riders had moved onto busy roads", "attributed", source="zipp")
    b.claim("Its scooters have carried riders on two million trips since 2021", "attributed", source="zipp")
    article = b.build()
    trips = "Its scooters have carried riders on two million trips since 2021"
    assert trips not in [q.quote for q in questions_of(article, "who_said_it")]
    assert trips not in [q.quote for q in questions_of(article, "support")]
    assert "riders had moved onto busy roads" in [q.quote for q in questions_of(article, "support")]


def test_who_said_it_never_offers_a_name_the_stem_shows() -> None:
    question = by_quote(
        questions_of(_ministers().build(), "who_said_it"), "Governor Paul Kent has backed the new bridge plan"
    )
    assert right_choice(question) == "Ana Ruiz"
    assert "Paul Kent, the governor" not in question.choices  # named in the stem: a trap, not a distractor


def test_who_said_it_never_offers_a_choice_sharing_a_name_with_the_key() -> None:
    question = by_quote(questions_of(_ministers().build(), "who_said_it"), "the road would flood")
    assert right_choice(question) == "Tom Bell"
    for seed in range(20):
        for other in questions_of(_ministers().build(), "who_said_it", seed):
            if right_choice(other).startswith("Ana Ruiz"):
                assert "an aide to Ana Ruiz" not in other.choices


def test_who_said_it_skips_a_source_nobody_can_pin_down() -> None:
    """ "he added" after two speakers: the key would say the article is unclear, beside "does not say"."""
    questions = questions_of(_ministers().build(), "who_said_it")
    assert all(q.quote != "The talks will take months" for q in questions)
    assert all("Ruiz or Kent" not in " ".join(q.choices) for q in questions)


def test_who_said_it_skips_a_claim_whose_quote_holds_its_own_attribution() -> None:
    b = ArticleBuilder(
        "Mayor Speaks", ["Mayor Jo Diaz said taxes will rise.", "Experts say costs will fall."]
    )
    b.source("diaz", "Jo Diaz, the mayor", "named_official", ["Mayor Jo Diaz said"])
    b.source("experts", "experts", "vague", ["Experts say"])
    b.claim("Mayor Jo Diaz said taxes will rise", "attributed", source="diaz")
    assert questions_of(b.build(), "who_said_it") == []


def test_who_said_it_skips_an_unsourced_claim_beside_an_unmarked_attribution() -> None:
    b = ArticleBuilder(
        "Flood Warning",
        [
            "The river rose two metres overnight, officials said.",
            "Ann Lee, a farmer, said her fields were lost.",
        ],
    )
    b.source("lee", "Ann Lee, a farmer", "named_person", ["Ann Lee, a farmer, said"])
    b.claim("The river rose two metres overnight", "unattributed")
    assert all(
        q.quote != "The river rose two metres overnight" for q in questions_of(b.build(), "who_said_it")
    )


# --- source_type -------------------------------------------------------------------------------------


def test_source_type_asks_once_per_source_with_the_vocabulary_label_and_definitions() -> None:
    article = library_article()
    questions = questions_of(article, "source_type", vocabulary=ASKS_NAMED_PEOPLE)
    # Once per source at most: a source whose only wrong types are far off at a glance is not asked.
    asked = [q.extra["source"] for q in questions]
    assert len(asked) == len(set(asked)) and set(asked) <= {s.id for s in article.sources} and asked
    for question in questions:
        source = article.source(question.extra["source"])
        assert right_choice(question) == VOCABULARY.source_type(source.type).label
        assert MIN_CHOICES <= len(question.choices) <= 4
        assert set(question.choices) <= {entry.label for entry in VOCABULARY.source_types}
        definition_of = {entry.label: entry.definition for entry in VOCABULARY.source_types}
        assert question.extra["definitions"] == [definition_of[c] for c in question.choices]
        # The explanation ends with the key's label and definition.
        assert question.explanation.endswith(
            f"{right_choice(question)}: {definition_of[right_choice(question)]}"
        )


def test_source_type_never_offers_a_type_the_mentions_own_words_suggest() -> None:
    b = ArticleBuilder(
        "Memory app",
        [
            "Several earlier studies of similar apps found small effects at best.",
            "In a statement, Lumora's chief executive, Mark Devlin, called the results a breakthrough.",
            "Ruth Adebayo, a researcher, said the results were clear on Monday.",
            "Critics disagreed.",
        ],
    )
    b.source("studies", "several earlier studies", "vague", ["Several earlier studies of similar apps found"])
    b.source(
        "devlin",
        "Mark Devlin",
        "named_person",
        ["In a statement, Lumora's chief executive, Mark Devlin, called"],
    )
    b.source("adebayo", "Ruth Adebayo", "named_person", ["Ruth Adebayo, a researcher, said"])
    b.source("critics", "critics", "vague", ["Critics disagreed"])
    document, organisation = (
        VOCABULARY.source_type(t).label for t in ("document_or_data", "named_organisation")
    )
    for seed in range(20):
        by_source = {
            q.extra["source"]: q for q in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE)
        }
        # "studies": the definition of a document or data lists a study, so it is no wrong answer;
        # with "An unnamed source" too close, only named types are left, and nothing is asked.
        assert "studies" not in by_source
        # Devlin speaks for Lumora, whose name is in the mention: the organisation is defensible too,
        # and with no other named type left, nothing is asked about him.
        assert "devlin" not in by_source
    offered = {
        c
        for seed in range(20)
        for q in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE)
        if q.extra["source"] == "adebayo"
        for c in wrong_choices(q)
    }
    assert {organisation, document} <= offered  # nothing suggests them for Adebayo


def test_source_type_a_record_named_just_after_the_mention_is_no_wrong_answer() -> None:
    # "Garnett wrote in a post on Instagram": the words reached the article as a written post.
    b = ArticleBuilder(
        "Ice Baths",
        [
            "Leo Garnett wrote in a post on Instagram that the challenge was safe for adults.",
            "Nurses say the hospital treated seven people. The Harwick Post reported two more cases.",
        ],
    )
    b.source("garnett", "Leo Garnett", "named_person", ["Leo Garnett wrote"])
    b.source("nurses", "nurses", "vague", ["Nurses say"])
    b.source("post", "the Harwick Post", "news_outlet", ["The Harwick Post reported"])
    document = VOCABULARY.source_type("document_or_data").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "garnett":
                assert document not in question.choices


def test_source_type_offers_wrong_types_that_look_like_the_key_both_ways() -> None:
    # Named or not, people or not: with only far-off types left, "is someone named here?" finds it,
    # and with only people on offer for a newspaper, "is it a person?" does (review 21).
    by_label = {entry.label: entry.id for entry in VOCABULARY.source_types}
    asked = 0
    for seed in range(20):
        for question in questions_of(library_article(), "source_type", seed, ASKS_NAMED_PEOPLE):
            source = library_article().source(question.extra["source"])
            named, people = _source_features(VOCABULARY, source.type)
            wrong = [_source_features(VOCABULARY, by_label[c]) for c in wrong_choices(question)]
            assert any(w[0] == named for w in wrong) and any(w[1] == people for w in wrong)
            asked += 1
    assert asked


def test_source_type_never_offers_the_type_of_a_source_the_words_passed_through() -> None:
    b = ArticleBuilder(
        "Drink",
        [
            "Another parent, Tom Rivers, was less worried. The drink is fine, he told the Westshire Echo.",
            "Dr Ruth Adeyemi said the drink was risky. The Vantor company said it was safe.",
        ],
    )
    b.source("echo", "the Westshire Echo", "news_outlet", ["he told the Westshire Echo"])
    b.source("rivers", "Tom Rivers, a parent", "named_person", ["Another parent, Tom Rivers"], via="echo")
    b.source("adeyemi", "Dr Ruth Adeyemi", "named_person", ["Dr Ruth Adeyemi said"])
    b.source("vantor", "the Vantor company", "named_organisation", ["The Vantor company said"])
    outlet = VOCABULARY.source_type("news_outlet").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "rivers":
                assert outlet not in question.choices


def test_source_type_a_recording_on_a_named_platform_is_asked_without_document_or_organisation() -> None:
    b = ArticleBuilder(
        "Wolves",
        [
            "A video shared more than 20,000 times on Facebook claims to show a wolf pack near the school.",
            "Dr Ana Ruiz said the video was filmed in Poland. The Wildlife Trust said it had no reports.",
        ],
    )
    b.source(
        "video",
        "a video shared on Facebook",
        "vague",
        ["A video shared more than 20,000 times on Facebook claims"],
    )
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("trust", "the Wildlife Trust", "named_organisation", ["The Wildlife Trust said"])
    document, organisation = (
        VOCABULARY.source_type(t).label for t in ("document_or_data", "named_organisation")
    )
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "video":
                assert document not in question.choices and organisation not in question.choices


def test_source_type_a_person_speaking_for_a_group_is_asked_without_organisation() -> None:
    # "its director, Priya Sandhu, said"; "said Gareth Lowe, the association's chairman".
    b = ArticleBuilder(
        "Zoo",
        [
            "Ashdale Zoo closed its aviary, and its director, Priya Sandhu, said the birds were safe. "
            "Rents rose, said Gareth Lowe, the association's chairman. The Echo said little.",
            "Dr Ana Ruiz said the ban was right. The Farmers' Council said it was wrong.",
        ],
    )
    b.source("sandhu", "Priya Sandhu", "named_person", ["its director, Priya Sandhu, said"])
    b.source("lowe", "Gareth Lowe", "named_person", ["said Gareth Lowe"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("council", "the Farmers' Council", "named_organisation", ["The Farmers' Council said"])
    organisation = VOCABULARY.source_type("named_organisation").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] in ("sandhu", "lowe"):
                assert organisation not in question.choices


def test_source_type_a_person_tied_to_a_group_by_any_mention_is_asked_without_organisation() -> None:
    # "Mr Lyle said", where the first mention says he is the council's director of enforcement.
    b = ArticleBuilder(
        "Gummies",
        [
            "Robert Lyle, director of enforcement at the Advertising Council, wrote to the firm on Monday.",
            '"A company cannot turn a small study into a promise," Mr Lyle said. The Echo said little.',
            "Dr Ana Ruiz said the study was small. The Farmers' Union said it was wrong.",
        ],
    )
    lyle = "Robert Lyle, director of enforcement at the Advertising Council, wrote"
    b.source("lyle", "Robert Lyle", "named_official", [lyle, "Mr Lyle said"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("union", "the Farmers' Union", "named_organisation", ["The Farmers' Union said"])
    organisation = VOCABULARY.source_type("named_organisation").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "lyle":
                assert organisation not in question.choices


def test_source_type_a_description_after_the_mention_can_tie_a_person_to_a_group() -> None:
    # "said Dave Marsh, regional secretary of the Retail Workers Union": he speaks for the union.
    b = ArticleBuilder(
        "Stores",
        [
            "Thousands of jobs are at risk, said Dave Marsh, regional secretary of the Retail Workers Union.",
            "The Echo said little. Dr Ana Ruiz said cuts were small. The Farmers' Union said it was wrong.",
            "Some shoppers say the store was always busy.",
        ],
    )
    b.source("marsh", "Dave Marsh", "named_person", ["said Dave Marsh"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("union", "the Farmers' Union", "named_organisation", ["The Farmers' Union said"])
    b.source("shoppers", "some shoppers", "vague", ["Some shoppers say"])
    organisation = VOCABULARY.source_type("named_organisation").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "marsh":
                assert organisation not in question.choices


def test_source_type_a_relative_clause_after_the_mention_can_tie_a_person_to_a_group() -> None:
    # "Maria Lindqvist, who founded the parents' group Safe Steps": a plural possessive's apostrophe
    # does not end the description (review 28).
    b = ArticleBuilder(
        "Buses",
        [
            "Maria Lindqvist, who founded the parents' group Safe Steps, called the vote a victory.",
            "The Echo said little. Dr Ana Ruiz said cuts were small. The Farmers' Union said it was wrong.",
            "Some shoppers say the store was always busy.",
        ],
    )
    b.source("lindqvist", "Maria Lindqvist", "named_person", ["Maria Lindqvist"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("union", "the Farmers' Union", "named_organisation", ["The Farmers' Union said"])
    b.source("shoppers", "some shoppers", "vague", ["Some shoppers say"])
    organisation = VOCABULARY.source_type("named_organisation").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "lindqvist":
                assert organisation not in question.choices


def test_source_type_stem_never_names_the_source_or_its_type() -> None:
    for question in questions_of(library_article(), "source_type", vocabulary=ASKS_NAMED_PEOPLE):
        source = library_article().source(question.extra["source"])
        assert source.name not in question.prompt
        assert right_choice(question).casefold() not in question.prompt.casefold()
        assert question.prompt.startswith('What kind of source does the article rely on in "')


def test_source_type_asks_at_a_mention_that_names_the_source() -> None:
    b = ArticleBuilder(
        "Fighters Ready",
        [
            "One Kurdish commander told reporters that morale was high.",
            '"We will win," said the commander, identified as Sarhad. "We are ready," he added.',
        ],
    )
    b.source(
        "sarhad",
        "Sarhad, a Kurdish commander",
        "named_person",
        ["One Kurdish commander told reporters", "said the commander, identified as Sarhad", "he added"],
    )
    (question,) = questions_of(b.build(), "source_type", vocabulary=ASKS_NAMED_PEOPLE)
    assert question.quote == "said the commander, identified as Sarhad"


def test_source_type_skips_a_source_with_only_pronoun_mentions() -> None:
    b = ArticleBuilder(
        "Talks", ['"It will take months," he added, as the talks went on late into the night.']
    )
    b.source("someone", "Ruiz or Kent", "named_official", ["he added"])
    assert questions_of(b.build(), "source_type", vocabulary=ASKS_NAMED_PEOPLE) == []


def test_source_type_never_offers_a_type_that_is_also_right() -> None:
    b = ArticleBuilder(
        "Fighters Ready",
        ["A fighter with the YPG told CNN that the city would be taken within days, and the army agreed."],
    )
    b.source("cnn", "CNN", "news_outlet", ["told CNN"])
    b.source("fighter", "an unnamed YPG fighter", "anonymous", ["A fighter with the YPG told CNN"], via="cnn")
    article = b.build()
    for seed in range(30):
        for question in questions_of(article, "source_type", seed, ASKS_NAMED_PEOPLE):
            source = question.extra["source"]
            if source == "fighter":
                # "told CNN" is inside the fighter's mention: "News outlet" would be right too.
                assert "News outlet" not in question.choices
                assert "Vague source" not in question.choices  # too close to anonymous
            if source == "cnn":
                assert "Named organisation" not in question.choices  # a news outlet is a named organisation


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


def test_find_sources_key_stops_at_the_reporting_verb() -> None:
    b = ArticleBuilder(
        "Plan Backed",
        [
            "Minister Ana Ruiz said that the bridge plan was backed by most of the regional councils "
            "last week."
        ],
    )
    b.source("ruiz", "Ana Ruiz", "named_official", ["Minister Ana Ruiz said that"])
    b.claim("the bridge plan was backed by most of the regional councils", "attributed", source="ruiz")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text == ["Minister Ana Ruiz said"]


def _indexes(question: Question, *phrases: str) -> tuple[int, ...]:
    """The word indexes of each phrase in the question's passage, each found after the last one."""
    found: list[int] = []
    start = 0
    for phrase in phrases:
        wanted = phrase.split()
        start = next(
            i
            for i in range(start, len(question.words))
            if list(question.words[i : i + len(wanted)]) == wanted
        )
        found += range(start, start + len(wanted))
        start += len(wanted)
    return tuple(found)


def _closure() -> ArticleBuilder:
    b = ArticleBuilder(
        "Plant To Close",
        [
            "The plant will close in March, said Dr Priya Nair, an economist. One café owner said "
            "takings had fallen by a third. In a statement, the company said every worker would be "
            "offered a transfer.",
        ],
    )
    b.source("nair", "Dr Priya Nair, an economist", "named_person", ["said Dr Priya Nair"])
    b.source("cafe", "an unnamed café owner", "anonymous", ["One café owner said"])
    b.source("firm", "Dunmore Foods", "named_organisation", ["In a statement, the company said"])
    b.claim("The plant will close in March", "attributed", source="nair")
    b.claim("takings had fallen by a third", "attributed", source="cafe")
    b.claim("every worker would be offered a transfer", "attributed", source="firm")
    return b


def test_find_sources_who_speaks_and_the_verb_are_enough() -> None:
    (question,) = questions_of(_closure().build(), "find_sources")
    assert question.answer_text == [
        "said Dr Priya Nair",
        "One café owner said",
        "In a statement the company said",
    ]
    # The surname, the speaker's noun and the reporting verb: no title, first name or "how".
    keys = [" ".join(question.words[s:e]) for s, e in question.keys]
    assert keys == ["said", "Nair", "owner", "said", "company", "said"]
    careful = _indexes(question, "said", "Nair", "café owner said", "the company said")
    assert score_answer(question, careful).score == 1.0
    # The verbs alone find none of them; selecting every word earns nothing.
    verbs_only = tuple(i for i, word in enumerate(question.words) if word == "said")
    assert score_answer(question, verbs_only).score < 0.6
    assert score_answer(question, tuple(range(len(question.words)))).score == 0.0


def test_find_sources_the_owner_in_a_possessive_is_not_who_speaks() -> None:
    # "The club's latest annual report shows": the report is the source, not the club.
    b = ArticleBuilder(
        "Rovers",
        ["The club's latest annual report shows that it lost six million pounds last year, its fourth loss."],
    )
    b.source(
        "report", "the club's annual report", "document_or_data", ["The club's latest annual report shows"]
    )
    b.claim("it lost six million pounds last year", "attributed", source="report")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["report", "shows"]
    assert score_answer(question, _select(question, "annual report shows")).score == 1.0


def test_find_sources_a_speakers_title_or_a_relative_clause_is_not_the_reporting_verb() -> None:
    b = ArticleBuilder(
        "Robots",
        [
            "The robots are safe on busy pavements and quiet side streets alike, said Dana Mensah, a "
            "spokesperson for Trundl, on Monday. One Trundl employee, who asked not to be named, called "
            "the new delivery robots clumsy and slow on the hills near the station.",
        ],
    )
    b.source(
        "mensah",
        "Dana Mensah, a spokesperson for Trundl",
        "named_person",
        ["said Dana Mensah, a spokesperson for Trundl"],
    )
    b.source(
        "employee",
        "an unnamed Trundl employee",
        "anonymous",
        ["One Trundl employee, who asked not to be named"],
    )
    b.claim(
        "The robots are safe on busy pavements and quiet side streets alike", "attributed", source="mensah"
    )
    b.claim("the new delivery robots clumsy and slow", "attributed", source="employee")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["said", "Mensah", "employee"]


def test_find_sources_skips_a_passage_with_a_mention_that_only_names_a_speaker() -> None:
    # "Another parent, Tom Rivers, was less worried ... he told the Echo": requiring the name is
    # arguable, and so is showing the teacher's mention as no answer (review 21).
    b = ArticleBuilder(
        "Drink",
        [
            "Another parent, Tom Rivers, was less worried about the drink, he told the Westshire Echo "
            "on Friday."
        ],
    )
    b.source("echo", "the Westshire Echo", "news_outlet", ["he told the Westshire Echo"])
    b.source("rivers", "Tom Rivers, a parent", "named_person", ["Another parent, Tom Rivers"], via="echo")
    b.claim("was less worried about the drink", "attributed", source="rivers")
    assert questions_of(b.build(), "find_sources") == []


def test_find_sources_a_mention_giving_its_sentences_claim_a_source_is_always_required() -> None:
    # "A study ..., published last year, found that ...": "found" is no listed verb, yet it is the
    # attribution of its sentence; "its authors said" in another sentence does not make it free.
    b = ArticleBuilder(
        "Bird Flu",
        [
            "A study from the University of Northmoor, published last year, found that crowded sheds "
            "spread the virus faster. Its authors said more research was needed before any ban.",
        ],
    )
    b.source(
        "study",
        "a study from the University of Northmoor",
        "document_or_data",
        ["A study from the University of Northmoor, published last year, found", "Its authors said"],
    )
    b.claim("crowded sheds spread the virus faster", "attributed", source="study")
    b.claim("more research was needed before any ban", "attributed", source="study")
    (question,) = questions_of(b.build(), "find_sources")
    assert len(question.answer_text) == 2


def test_a_claim_whose_source_is_named_only_in_another_sentence_gets_no_who_or_support_question() -> None:
    # "... the Agency's figures show. About 310,000 birds have been culled": the attribution may or
    # may not carry over, so "stated as a fact" or "the article does not say" could be defended.
    b = ArticleBuilder(
        "Bird Flu",
        [
            "Fourteen farms are infected, the Animal Health Agency said on Monday. About 310,000 birds "
            "have been culled so far. Ann Lee, a farmer, said the rules were fair.",
        ],
    )
    b.source("agency", "the Animal Health Agency", "named_organisation", ["the Animal Health Agency said"])
    b.source("lee", "Ann Lee, a farmer", "named_person", ["Ann Lee, a farmer, said"])
    b.claim("About 310,000 birds have been culled so far", "attributed", source="agency")
    b.claim("the rules were fair", "attributed", source="lee")
    article = b.build()
    for kind in ("who_said_it", "support"):
        assert all(
            q.quote != "About 310,000 birds have been culled so far" for q in questions_of(article, kind)
        )


def test_find_sources_skips_a_passage_with_a_bare_name_marked_as_a_mention() -> None:
    # "Dr Helen Marsh ... was more cautious. She said ...": the name attributes nothing itself.
    b = ArticleBuilder(
        "Doping",
        [
            "Dr Helen Marsh, a sports doctor, was more cautious on Monday evening. She said the second "
            "test would settle the matter within three weeks, and that nobody should rush to judge.",
        ],
    )
    b.source("marsh", "Dr Helen Marsh", "named_person", ["Dr Helen Marsh", "She said"])
    b.claim("the second test would settle the matter within three weeks", "attributed", source="marsh")
    assert questions_of(b.build(), "find_sources") == []


def test_find_sources_a_speakers_own_second_hand_source_costs_nothing() -> None:
    b = ArticleBuilder(
        "Reading",
        # Words of his own outside the quotation too: with only the quotation and "said Ayaan Mir",
        # the marks alone would give the answer away and nothing is asked (review 221).
        [
            "Ayaan Mir, a pupil, said he listens every night. "
            '"My English teacher thinks audiobooks do not count as reading," said Ayaan Mir.'
        ],
    )
    b.source("mir", "Ayaan Mir", "named_person", ["Ayaan Mir, a pupil, said", "said Ayaan Mir"])
    b.claim("My English teacher thinks audiobooks do not count as reading", "attributed", source="mir")
    (question,) = questions_of(b.build(), "find_sources")
    right = ("Mir", "said", "said Ayaan Mir")
    assert score_answer(question, _select(question, *right)).score == 1.0
    assert score_answer(question, _select(question, "My English teacher thinks", *right)).score == 1.0


def test_find_sources_the_speaker_of_sources_close_to_someone_is_sources() -> None:
    b = ArticleBuilder(
        "Transfer",
        ["Marsh is set to join Kingsbridge this summer, according to sources close to the player."],
    )
    b.source(
        "close", "sources close to the player", "anonymous", ["according to sources close to the player"]
    )
    b.claim("Marsh is set to join Kingsbridge this summer", "attributed", source="close")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["according", "sources"]


def test_who_said_it_skips_a_claim_sharing_a_word_with_how_the_article_describes_the_key() -> None:
    # "the hospital was not ready" beside "Dr Brooke, an A&E doctor at Harbridge General Hospital".
    b = ArticleBuilder(
        "Scooters",
        [
            "Dr Hannah Brooke, a doctor at Harbridge General Hospital, treated 131 riders last year. "
            "She said the hospital was not ready for so many injuries. Councillor Ann Reed said the "
            "scheme was a success. A council officer said two cameras had been moved.",
        ],
    )
    brooke = "Dr Hannah Brooke, a doctor at Harbridge General Hospital"
    b.source("brooke", "Dr Hannah Brooke", "named_person", [brooke, "She said"])
    b.source("reed", "Councillor Ann Reed", "named_official", ["Councillor Ann Reed said"])
    b.source("officer", "a council officer", "anonymous", ["A council officer said"])
    b.claim("the hospital was not ready for so many injuries", "attributed", source="brooke")
    assert questions_of(b.build(), "who_said_it") == []


def test_find_sources_the_speaker_is_the_word_before_a_relative_clause() -> None:
    # "the company that supplies it insists": "company", not the "it" inside the clause.
    b = ArticleBuilder(
        "Water",
        ["The brown tint is harmless and will pass, the company that supplies it insists on its website."],
    )
    b.source("firm", "Kelvingate Water", "named_organisation", ["the company that supplies it insists"])
    b.claim("The brown tint is harmless and will pass", "attributed", source="firm")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["company", "insists"]
    assert score_answer(question, _select(question, "company that supplies it insists")).score == 1.0


def test_find_sources_a_relative_clause_does_not_hold_the_reporting_verb() -> None:
    b = ArticleBuilder(
        "Promise Denied",
        [
            "The site would stay open for five years, a long-serving worker, who asked not to be named, "
            "told the local radio station on Friday.",
        ],
    )
    b.source(
        "worker",
        "a long-serving worker",
        "anonymous",
        ["a long-serving worker, who asked not to be named, told"],
    )
    b.claim("The site would stay open for five years", "attributed", source="worker")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["worker", "told"]
    assert score_answer(question, _indexes(question, "worker", "told")).score == 1.0


def test_find_sources_an_attribution_without_the_name_needs_the_words_after_the_verb() -> None:
    b = ArticleBuilder(
        "Study Says",
        ["Breakfast helps pupils think, according to new research from the university this week."],
    )
    b.source("survey", "the survey of families", "document_or_data", ["according to new research"])
    b.claim("Breakfast helps pupils think", "attributed", source="survey")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["according", "research"]


def test_find_sources_gives_each_sources_note_once() -> None:
    b = ArticleBuilder(
        "Scooter Crash",
        [
            "One rider said the streets were too crowded. The council will meet on Monday to vote on "
            "the rules, he said, and the city's mayor told the Echo she would support a ban.",
        ],
    )
    b.source(
        "rider",
        "an unnamed rider",
        "anonymous",
        ["One rider said", "he said"],
        note="We do not know who he is.",
    )
    b.source(
        "mayor",
        "the city's mayor",
        "named_official",
        ["the city's mayor told the Echo"],
        note="She runs the city.",
    )
    b.claim("the streets were too crowded", "attributed", source="rider")
    b.claim("The council will meet on Monday to vote on the rules", "attributed", source="rider")
    b.claim("she would support a ban", "attributed", source="mayor")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.explanation.count("We do not know who he is.") == 1
    assert '"One rider said", "he said": We do not know who he is.' in question.explanation
    assert question.explanation.count("She runs the city.") == 1


def test_find_sources_skips_a_paragraph_with_an_unmarked_attribution() -> None:
    b = ArticleBuilder(
        "Flood Warning",
        [
            "Ann Lee, a farmer, said her fields were lost. The river rose two metres, officials said, "
            "and more rain is due on the coast tomorrow afternoon."
        ],
    )
    b.source("lee", "Ann Lee, a farmer", "named_person", ["Ann Lee, a farmer, said"])
    b.claim("her fields were lost", "attributed", source="lee")
    assert questions_of(b.build(), "find_sources") == []


@pytest.mark.parametrize(
    "verb",
    ["pointed out", "cautioned", "conceded", "acknowledged", "described", "agreed that", "accepted that"],
)
def test_find_sources_knows_the_less_common_reporting_verbs(verb: str) -> None:
    # "She also pointed out that ...", unmarked: a careful reader selects it, so it must be in the key.
    b = ArticleBuilder(
        "Memory",
        [f"Dr Lena Fischer said the gain was small. She also {verb} that the volunteers knew their group."],
    )
    b.source("fischer", "Dr Lena Fischer", "named_person", ["Dr Lena Fischer said"])
    b.claim("the gain was small", "attributed", source="fischer")
    assert questions_of(b.build(), "find_sources") == []


def test_find_sources_skips_a_paragraph_whose_sourced_claim_has_no_marked_mention_in_its_sentence() -> None:
    # "Later she felt that ...": the claim's own sentence says who it comes from, in words nobody
    # marked, whatever the verb.
    b = ArticleBuilder(
        "Trial",
        ["Helen Ashby, 54, told the jury she saw two men. Later she felt that the light had been poor."],
    )
    b.source("ashby", "Helen Ashby", "named_person", ["Helen Ashby, 54, told the jury"])
    b.claim("she saw two men", "attributed", source="ashby")
    b.claim("the light had been poor", "attributed", source="ashby")
    assert questions_of(b.build(), "find_sources") == []


def test_find_sources_skips_a_paragraph_with_a_sentence_nobody_annotated() -> None:
    b = ArticleBuilder(
        "Flood Warning",
        [
            "Ann Lee, a farmer, said her fields were lost. "
            "The river rose two metres overnight and the main road to the village was closed by noon."
        ],
    )
    b.source("lee", "Ann Lee, a farmer", "named_person", ["Ann Lee, a farmer, said"])
    assert questions_of(b.build(), "find_sources") == []
    b.claim("The river rose two metres overnight", "unattributed")
    assert len(questions_of(b.build(), "find_sources")) == 1


def test_overlapping_gold_spans_merge_into_one() -> None:
    b = ArticleBuilder(
        "Fighters Ready",
        [
            "A fighter with the YPG told CNN that the city would be taken within days, "
            "and that the whole army would be ready for the long fight ahead of them."
        ],
    )
    b.source("cnn", "CNN", "news_outlet", ["told CNN"])
    b.source("fighter", "an unnamed YPG fighter", "anonymous", ["A fighter with the YPG told CNN"], via="cnn")
    b.claim("the city would be taken within days", "attributed", source="fighter")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text == ["A fighter with the YPG told CNN"]


def test_no_select_question_where_gold_is_over_half_the_words() -> None:
    b = ArticleBuilder("Short Item", ["Experts say it is safe, officials said."])
    b.source("experts", "experts", "vague", ["Experts say"])
    b.source("officials", "officials", "vague", ["officials said"])
    b.frame("Experts say it is safe", "doubt")
    article = b.build()
    # 4 attribution words of 7, 5 framing words of 7.
    assert questions_of(article, "find_sources") == []
    assert questions_of(article, "find_framing") == []


def test_gold_is_sparse() -> None:
    assert gold_is_sparse([(0, 3)], 12)
    assert not gold_is_sparse([(0, 2)], 4)  # too few other words left to cost marks
    assert not gold_is_sparse([(0, 6)], 11)  # more than half
    assert not gold_is_sparse([], 9)


# --- support -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("the decision is unlikely to be reversed", SUPPORT_HEDGED),
        ("more than 300 people have signed a petition against the plan", SUPPORT_NAMED),  # corroborated
        ("the cuts are a disaster for children", SUPPORT_UNNAMED),  # vague
    ],
)
def test_support_follows_status_and_source_type(quote: str, expected: str) -> None:
    question = by_quote(questions_of(library_article(), "support"), quote)
    assert question.prompt.startswith("How well does the article support this claim")
    assert sorted(question.choices) == sorted(SUPPORT_CHOICES)
    assert right_choice(question) == expected
    assert question.skill == "claims"
    assert question.extra["definitions"] == [SUPPORT_DEFINITIONS[c] for c in question.choices]


def test_support_explanation_says_why_then_the_teachers_note_then_the_definition() -> None:
    question = by_quote(questions_of(_plain_fact(), "support"), "The library was built in 1952")
    assert right_choice(question) == SUPPORT_FACT
    assert question.explanation == (
        'The writer states this as a fact, with no source and no word such as "may" or "reportedly". '
        f"The writer gives no source for this. {SUPPORT_FACT}: {SUPPORT_DEFINITIONS[SUPPORT_FACT]}"
    )
    named = by_quote(
        questions_of(library_article(), "support"),
        "more than 300 people have signed a petition against the plan",
    )
    assert named.explanation.startswith(
        'The article gives this to the Riverside Gazette ("According to the Gazette")'
    )
    # A named official's forecast ("would save"): naming who made it does not support it (review 36).
    assert all(
        q.quote != "the change would save about 40,000 dollars a year"
        for q in questions_of(library_article(), "support")
    )


def test_support_skips_a_claim_relayed_by_a_source_of_the_other_kind() -> None:
    """An unnamed parent who told a named newspaper: "unnamed" and "named" could both be defended."""
    quote = "the evening hours were the only time working families were free to visit"
    assert all(q.quote != quote for q in questions_of(library_article(), "support"))


def test_support_skips_a_hedged_claim_that_names_its_source() -> None:
    article = library_article()
    hedged = article.claims[0]
    assert hedged.status == "hedged" and hedged.source is None
    sourced = Claim(hedged.span, "hedged", source=article.sources[0].id, cues=hedged.cues)
    article = Article(article.id, article.title, article.paragraphs, article.sources, (sourced,))
    assert questions_of(article, "support") == []


def test_support_skips_an_attributed_claim_with_hedge_words() -> None:
    b = ArticleBuilder(
        "Plan",
        ['Minister Ana Ruiz said that "the Kurds could be the boots on the ground" in the coming months.'],
    )
    b.source("ruiz", "Ana Ruiz", "named_official", ["Minister Ana Ruiz said"])
    b.claim("the Kurds could be the boots on the ground", "attributed", source="ruiz")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_document_that_points_at_no_particular_one() -> None:
    # "an internal police memo": which memo? A student could defend "unnamed" as well as "named".
    b = ArticleBuilder(
        "Cameras",
        ["An internal police memo says a trial of eight cameras led to 11 arrests last year."],
    )
    b.source("memo", "an internal police memo", "document_or_data", ["An internal police memo says"])
    b.claim("a trial of eight cameras led to 11 arrests", "attributed", source="memo")
    assert questions_of(b.build(), "support") == []
    # Nor does the teacher's name make it particular: the words students see decide.
    b.sources[0] = replace(b.sources[0], name="the police department's 2024 camera report")
    assert questions_of(b.build(), "support") == []
    named = ArticleBuilder(
        "Cameras",
        ["The police department's 2024 camera report says a trial of eight cameras led to 11 arrests."],
    )
    named.source(
        "report",
        "the police department's 2024 camera report",
        "document_or_data",
        ["The police department's 2024 camera report says"],
    )
    named.claim("a trial of eight cameras led to 11 arrests", "attributed", source="report")
    assert [right_choice(q) for q in questions_of(named.build(), "support")] == [SUPPORT_NAMED]


def test_support_skips_a_claim_given_by_a_stand_in_whatever_else_names_the_source() -> None:
    # "Police say" names the force earlier in the paragraph, but the claim's own sentence gives it
    # to "a spokesperson": named and unnamed could both be defended (review 28).
    b = ArticleBuilder(
        "Buses",
        [
            "Kenton Police say the figures may mislead. A spokesperson for Kenton Police said the "
            "force received only 27 complaints last year."
        ],
    )
    b.source(
        "police",
        "Kenton Police",
        "named_organisation",
        ["Kenton Police say", "A spokesperson for Kenton Police said"],
    )
    b.claim("the force received only 27 complaints last year", "attributed", source="police")
    assert questions_of(b.build(), "support") == []
    # Given in its own sentence by the named force, it is asked.
    b = ArticleBuilder(
        "Buses",
        [
            "A police spokesperson said the figures may mislead. Kenton Police said the "
            "force received only 27 complaints last year."
        ],
    )
    b.source(
        "police",
        "Kenton Police",
        "named_organisation",
        ["A police spokesperson said", "Kenton Police said"],
    )
    b.claim("the force received only 27 complaints last year", "attributed", source="police")
    assert [right_choice(q) for q in questions_of(b.build(), "support")] == [SUPPORT_NAMED]


def test_support_skips_an_unnamed_source_held_by_a_named_platform() -> None:
    # "a video shared 400,000 times on TikTok": "a source the article names" could be defended.
    b = ArticleBuilder(
        "Drink",
        ["The drink contains a secret chemical, a video shared 400,000 times on TikTok claims."],
    )
    b.source("video", "a viral video", "vague", ["a video shared 400,000 times on TikTok claims"])
    b.claim("The drink contains a secret chemical", "attributed", source="video")
    assert questions_of(b.build(), "support") == []


def test_support_skips_an_opinion() -> None:
    # Naming who holds a view does not make the view well supported.
    b = ArticleBuilder("Wolves", ["Wolves belong in these hills, said Tom Reed, a farmer, on Monday night."])
    b.source("reed", "Tom Reed, a farmer", "named_person", ["said Tom Reed, a farmer,"])
    b.claim("Wolves belong in these hills", "attributed", source="reed", kind="opinion")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_forecast() -> None:
    # "Stated as a fact" cannot fit what nobody can know yet, whatever the words.
    b = ArticleBuilder(
        "Library",
        ["The hub is due to open in the autumn. The council will hire two new staff for it next spring."],
    )
    b.claim("The hub is due to open in the autumn", "unattributed", kind="prediction")
    b.claim("The council will hire two new staff for it", "unattributed")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_disputed_claim() -> None:
    # "A source the article names" would read as "supported" for words the article contradicts.
    b = ArticleBuilder(
        "Ice Baths",
        ['"Jaxon always tells people to start slowly," Leo Garnett wrote. The video has no such warning.'],
    )
    b.source("garnett", "Leo Garnett", "named_person", ["Leo Garnett wrote"])
    b.claim("Jaxon always tells people to start slowly", "disputed", source="garnett")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_sourced_forecast_evidence_as_subject_posted_media_and_a_doubting_sentence() -> None:
    b = ArticleBuilder(
        "Water",
        [
            "The water will run clear within days, said Tom Hale, the firm's director.",
            "The figures point to a growing problem across the town.",
            "Photos posted to the Kelvingate Noticeboard group show baths full of brown water.",
            "Families are queuing for bottled water, and shops have reportedly run out.",
        ],
    )
    b.source("hale", "Tom Hale", "named_official", ["said Tom Hale"])
    b.source(
        "photos", "the photos", "document_or_data", ["Photos posted to the Kelvingate Noticeboard group show"]
    )
    b.claim("The water will run clear within days", "attributed", source="hale", kind="prediction")
    b.claim("The figures point to a growing problem across the town", "unattributed")
    b.claim("baths full of brown water", "attributed", source="photos")
    b.claim("Families are queuing for bottled water", "unattributed")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_fact_the_teachers_note_calls_something_else() -> None:
    b = ArticleBuilder("Library", ["The branch closes in March. Book loans fell by a third last year."])
    b.claim("The branch closes in March", "unattributed", note="This is only a plan, not a fact yet.")
    b.claim("Book loans fell by a third last year", "unattributed", note="A figure anyone can check.")
    assert [q.quote for q in questions_of(b.build(), "support")] == ["Book loans fell by a third last year"]


def test_claim_questions_skip_headline_words_the_teacher_says_overstate() -> None:
    # "Who said it: the study" would teach that the study backs the headline, which it does not.
    b = ArticleBuilder(
        "Gummies Boost Exam Results, Study Finds",
        ["According to the study, pupils scored four points higher on one practice test."],
    )
    b.source("study", "the study", "document_or_data", ["Study Finds", "According to the study"])
    b.claim("Gummies Boost Exam Results", "attributed", source="study")
    b.claim("pupils scored four points higher on one practice test", "attributed", source="study")
    b.frame("Boost Exam Results", "headline_body_mismatch", note="Only a practice test was measured.")
    article = b.build()
    for kind in ("who_said_it", "support"):
        assert all("Boost" not in q.prompt for q in questions_of(article, kind)), kind
    assert any("pupils scored" in q.prompt for q in questions_of(article, "support"))


def test_a_claim_in_a_sentence_naming_a_source_as_owner_is_not_the_writers_own() -> None:
    # "Under the agency's plan, ...": "a source the article names" could be defended.
    b = ArticleBuilder(
        "Wolves",
        [
            "Under the agency's plan, farmers can apply for free electric fencing this spring.",
            "The Ardley Wildlife Agency counted nine wolves in the hills last winter.",
        ],
    )
    b.source(
        "agency", "the Ardley Wildlife Agency", "named_organisation", ["The Ardley Wildlife Agency counted"]
    )
    b.claim("farmers can apply for free electric fencing", "unattributed")
    article = b.build()
    assert questions_of(article, "support") == [] and questions_of(article, "who_said_it") == []


def test_support_skips_an_unattributed_claim_with_unmarked_hedge_words() -> None:
    b = ArticleBuilder("Plan", ["The bridge may open in May next year, two years late and over budget."])
    b.claim("The bridge may open in May next year", "unattributed")
    assert questions_of(b.build(), "support") == []


def test_support_skips_a_claim_whose_source_is_not_named_in_its_paragraph() -> None:
    b = ArticleBuilder(
        "Talks",
        ["Minister Ana Ruiz spoke on Monday.", '"The talks will take months," she added, looking tired.'],
    )
    b.source("ruiz", "Ana Ruiz", "named_official", ["Minister Ana Ruiz spoke", "she added"])
    b.claim("The talks will take months", "attributed", source="ruiz")
    assert questions_of(b.build(), "support") == []


def test_support_skips_words_annotated_twice_with_different_support() -> None:
    article = library_article()
    first = article.claims[1]
    twin = Claim(first.span, "unattributed")
    article = Article(article.id, article.title, article.paragraphs, article.sources, (first, twin))
    assert questions_of(article, "support") == []


# --- find_unverified and spot_hedge ------------------------------------------------------------------


def test_who_said_it_skips_hedged_claims() -> None:
    """ "Reportedly" says someone reported it: "the article does not say" would be arguable."""
    assert all(
        q.quote != "will reportedly close two hours earlier"
        for q in questions_of(library_article(), "who_said_it")
    )


def test_support_skips_a_reported_claim_with_a_source_named_nearby() -> None:
    assert all(
        q.quote != "will reportedly close two hours earlier"
        for q in questions_of(library_article(), "support")
    )


def _unverified_paragraph() -> ArticleBuilder:
    return ArticleBuilder(
        "Bridge Plan",
        [
            "The new bridge will reportedly cost twice the budget. Work started in May last year. "
            "Mayor Jo Diaz said the council has checked the figures twice and found no mistakes in them.",
        ],
    )


def test_find_unverified_gold_is_the_hedged_and_unattributed_claims_with_cues_as_keys() -> None:
    b = _unverified_paragraph()
    b.source("diaz", "Jo Diaz, the mayor", "named_official", ["Mayor Jo Diaz said"])
    b.claim("will reportedly cost twice the budget", "hedged", cues=["reportedly"])
    b.claim("Work started in May last year", "unattributed")
    b.claim("the council has checked the figures twice", "attributed", source="diaz")
    (question,) = questions_of(b.build(), "find_unverified")
    assert question.answer_text == ["will reportedly cost twice the budget", "Work started in May last year"]
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["reportedly"]
    assert "Do not select claims that come with a source" in question.prompt
    # The instruction's examples are hedges the passage does not hold: "reportedly", the key, named
    # in the stem gave it away (review 333).
    assert 'with words like "allegedly" or "might"' in question.prompt


def test_find_unverified_skips_a_sentence_with_room_for_an_unmarked_claim() -> None:
    """ "The library was built in 1952 and [is one of the oldest]": the first half is a claim too."""
    assert all(q.block != 4 for q in questions_of(library_article(), "find_unverified"))


def test_find_unverified_skips_a_paragraph_with_a_hedged_claim_that_has_a_source() -> None:
    b = ArticleBuilder(
        "Plan",
        [
            "The bridge will reportedly open next year. Minister Ana Ruiz suggested that the road "
            "might close for the whole of the summer holidays."
        ],
    )
    b.source("ruiz", "Ana Ruiz", "named_official", ["Minister Ana Ruiz suggested"])
    b.claim("The bridge will reportedly open next year", "hedged", cues=["reportedly"])
    b.claim(
        "the road might close for the whole of the summer holidays", "hedged", source="ruiz", cues=["might"]
    )
    assert questions_of(b.build(), "find_unverified") == []


def test_find_unverified_skips_a_paragraph_with_an_unmarked_hedge() -> None:
    b = ArticleBuilder(
        "Plan",
        [
            "The bridge will reportedly open next year, and the new road may follow soon after, "
            "with the whole project paid for by the regional government in the north."
        ],
    )
    b.claim("The bridge will reportedly open next year", "hedged", cues=["reportedly"])
    assert questions_of(b.build(), "find_unverified") == []


def test_spot_hedge_shows_the_claim_and_asks_for_its_cues() -> None:
    article = library_article()
    questions = questions_of(article, "spot_hedge")
    # Not "the decision is unlikely to be reversed": with "to be reversed" free, three words are
    # left to mark.
    assert len(questions) == 1
    question = by_quote(questions, "will reportedly close two hours earlier")
    assert question.words == ("will", "reportedly", "close", "two", "hours", "earlier")
    assert question.gaps == ("", " ", " ", " ", " ", " ", "")
    assert question.gold == ((1, 2),)
    assert question.keys == ((1, 2),)
    assert question.block == 1
    offset = question.extra["offset"]
    assert article.block(1).words[offset + 1] == "reportedly"


def test_a_number_with_thousands_commas_is_one_word_beside_the_answer() -> None:
    # "£180,000" as "180" and "000" made the "000" beside the answer cost a quarter of the marks.
    b = ArticleBuilder("Library", ["Officials say the hub may cost £180,000 a year to run and staff."])
    b.claim("the hub may cost £180,000 a year to run and staff", "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert "180,000" in question.words and "000" not in question.words
    with_number = _select(question, "may cost 180,000")
    assert score_answer(question, with_number).score == 1.0


def test_spot_hedge_an_approximate_cue_beside_a_word_of_doubt_is_free_not_required() -> None:
    # "are thought to take up to ten minutes longer": the doubt is in "thought to".
    b = ArticleBuilder(
        "Street", ["Bus journeys are thought to take up to ten minutes longer, the operator said."]
    )
    b.claim(
        "Bus journeys are thought to take up to ten minutes longer", "hedged", cues=["thought to", "up to"]
    )
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.answer_text == ["thought to"]
    assert score_answer(question, _select(question, "thought to")).score == 1.0
    assert score_answer(question, _select(question, "thought to", "up to")).score == 1.0
    # Alone, the approximate words are the hedge.
    b = ArticleBuilder("Jobs", ["Up to 400 jobs will go at the plant next year, the union said."])
    b.claim("Up to 400 jobs will go at the plant next year", "hedged", cues=["Up to"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.answer_text == ["Up to"]


def test_spot_hedge_an_approximate_cue_the_note_names_as_a_hedge_is_still_not_required() -> None:
    # "Could" alone was half marks for "could ... as early as" (review 28).
    b = ArticleBuilder(
        "Street", ["Bus journeys are thought to take up to ten minutes longer, the operator said."]
    )
    b.claim(
        "Bus journeys are thought to take up to ten minutes longer",
        "hedged",
        cues=["thought to", "up to"],
        note="'Thought to' and 'up to' show nobody has measured it.",
    )
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.answer_text == ["thought to"]
    assert score_answer(question, _select(question, "thought to")).score == 1.0
    assert score_answer(question, _select(question, "thought to", "up to")).score == 1.0


def test_spot_hedge_approximate_cues_alone_only_for_a_claim_marked_hedged_with_no_doubt_beside() -> None:
    # "Studies suggest cameras can cut ... by up to half": readers pick "can", or the "suggest"
    # outside the words shown; "up to" gives a size, not a doubt (review 28).
    b = ArticleBuilder(
        "Buses", ["Studies suggest cameras can cut passing by up to half, though results vary."]
    )
    b.source("studies", "studies", "vague", ["Studies suggest"])
    b.claim("cameras can cut passing by up to half", "attributed", source="studies", cues=["up to"])
    assert questions_of(b.build(), "spot_hedge") == []
    b = ArticleBuilder("Buses", ["Officials suggest cameras will cut passing by up to half next year."])
    b.claim("cameras will cut passing by up to half", "hedged", cues=["up to"])
    assert questions_of(b.build(), "spot_hedge") == []


def test_find_framing_a_word_the_note_offers_as_plainer_is_no_key() -> None:
    b = ArticleBuilder("Transfer", ["Marsh will join their bitter rivals across the city next season."])
    b.frame(
        "bitter rivals",
        "loaded_language",
        note="'Bitter' adds anger. 'Rivals' alone would say the same thing.",
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["bitter"]


def test_find_framing_words_marked_with_two_techniques_are_explained_once() -> None:
    b = ArticleBuilder(
        "Scooters", ["The city has fallen in love with scooters since the trial began in May."]
    )
    b.frame("fallen in love", "loaded_language", note="Love is a feeling.")
    b.frame("fallen in love", "exaggeration_minimisation", note="One poll is not a city.")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert question.explanation.count('"fallen in love"') == 2  # in the lead and before its notes
    assert "Love is a feeling. One poll is not a city." in question.explanation


def test_spot_hedge_skips_a_claim_with_a_hedge_word_that_is_not_a_cue() -> None:
    b = ArticleBuilder(
        "Raid", ["The city is reportedly set to be attacked by three armies in a major operation."]
    )
    b.claim(
        "is reportedly set to be attacked by three armies in a major operation", "hedged", cues=["reportedly"]
    )
    assert questions_of(b.build(), "spot_hedge") == []


def test_spot_hedge_skips_a_claim_that_holds_a_condition() -> None:
    # "if the team were relegated" doubts the claim too: selecting it would be defensible.
    text = "The analyst said the lease could become a burden if the team were relegated next season."
    b = ArticleBuilder("Stadium", [text])
    b.claim("the lease could become a burden if the team were relegated", "hedged", cues=["could"])
    assert questions_of(b.build(), "spot_hedge") == []
    b = ArticleBuilder("Stadium", [text])
    b.claim("the lease could become a burden", "hedged", cues=["could"])
    assert len(questions_of(b.build(), "spot_hedge")) == 1


def test_spot_hedge_skips_a_claim_with_another_phrase_of_doubt() -> None:
    # "we won't know for years" says it is unconfirmed more plainly than the cue.
    b = ArticleBuilder("Coral", ["It could work, but we won't know for years, the professor said on Friday."])
    b.claim("It could work, but we won't know for years", "hedged", cues=["could"])
    assert questions_of(b.build(), "spot_hedge") == []


def test_spot_hedge_the_doubting_word_of_a_hedge_phrase_is_its_key() -> None:
    b = ArticleBuilder(
        "Petition", ["The board is expected to discuss the petition at its next meeting in the spring."]
    )
    b.claim("The board is expected to discuss the petition", "hedged", cues=["expected to"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert [question.words[s] for s, _ in question.keys] == ["expected"]
    assert score_answer(question, _indexes(question, "expected")).score == 1.0
    assert score_answer(question, _indexes(question, "is expected to")).score == 1.0


def test_spot_hedge_skips_a_claim_at_risk_that_is_not_a_cue() -> None:
    text = ["Up to 400 jobs are at risk in a town where the plant has been the biggest employer for years."]
    claim = "Up to 400 jobs are at risk in a town where the plant has been the biggest employer"
    b = ArticleBuilder("Jobs", text)
    b.claim(claim, "hedged", cues=["Up to"])
    assert questions_of(b.build(), "spot_hedge") == []  # "at risk" is not confirmed either
    b = ArticleBuilder("Jobs", text)
    b.claim(claim, "hedged", cues=["Up to", "at risk"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.answer_text == ["at risk"]  # "Up to 400" beside it is free (approximate_words)
    assert score_answer(question, _select(question, "Up to 400", "at risk")).score == 1.0


# --- name_technique and find_framing -----------------------------------------------------------------


def _framed() -> ArticleBuilder:
    b = ArticleBuilder(
        "Killer Storm Hits",
        [
            'A killer storm hit the coast on Monday, and the so-called "flood wall" failed again.',
            "As every expert agrees, the only choice is to move the town or lose it for good.",
            "The storm knocked down trees along the coast road and closed the harbour for a day.",
            "All of this happened because the council spent the money on a new town hall.",
        ],
    )
    b.frame("killer storm", "loaded_language", note="'Killer' makes the storm sound like a murderer.")
    b.frame('"flood wall"', "scare_quotes", note="The quotation marks suggest it is not a real wall.")
    b.frame("As every expert agrees", "appeal_to_authority")
    b.frame("the only choice is to move the town or lose it", "false_dilemma")
    b.frame("happened because the council spent the money", "causal_oversimplification")
    return b


def test_name_technique_offers_only_clearly_wrong_techniques_the_article_uses_elsewhere() -> None:
    article = _framed().build()
    used = {VOCABULARY.technique(f.technique).label for f in article.framing}
    broad = {VOCABULARY.technique(t).label for t in VOCABULARY.broad_techniques}
    for seed in range(20):
        questions = {
            q.quote: q for q in questions_of(article, "name_technique", seed, OFFERS_EXPERT_AND_CAUSE)
        }
        killer = questions["killer storm"]
        assert right_choice(killer) == "Loaded language"
        # Not scare quotes or a false choice: a student rules them out by the form of the words.
        assert set(wrong_choices(killer)) == {"Appeal to authority", "Oversimplified cause"}
        assert killer.prompt == 'Which technique is used in paragraph 1: "killer storm"?'
        assert killer.explanation.startswith(
            "'Killer' makes the storm sound like a murderer. Loaded language: "
        )
        for question in questions.values():
            assert set(wrong_choices(question)) <= used - broad


def test_name_technique_needs_two_plausible_wrong_answers() -> None:
    b = ArticleBuilder(
        "Storm", ["A killer storm hit the coast on Monday and the damage was terrible for all."]
    )
    b.frame("killer storm", "loaded_language")
    b.frame("terrible", "exaggeration_minimisation")
    assert questions_of(b.build(), "name_technique") == []  # only broad techniques: nothing clearly wrong


def test_name_technique_offers_headline_techniques_only_for_the_headline() -> None:
    b = _framed()
    b.frame("Killer", "headline_body_mismatch")
    article = b.build()
    for seed in range(20):
        for question in questions_of(article, "name_technique", seed, OFFERS_EXPERT_AND_CAUSE):
            if question.focus is not None and question.focus[0] != 0:
                assert "Headline does not match" not in question.choices


def test_name_technique_offers_repetition_only_for_words_that_do_not_recur() -> None:
    b = _framed()
    b.frame("closed the harbour", "repetition")
    article = b.build()
    offered: Counter[str] = Counter()
    for seed in range(30):
        for question in questions_of(article, "name_technique", seed, OFFERS_EXPERT_AND_CAUSE):
            offered[question.quote] += "Repetition" in question.choices
    assert offered["killer storm"] == 0  # "storm" occurs again
    assert any(count > 0 for quote, count in offered.items() if quote != "killer storm"), offered
    # Scare quotes name themselves: '"flood wall"' is not asked at all (review 43).
    assert '"flood wall"' not in offered


def test_name_technique_never_offers_a_technique_told_by_the_form_of_the_words() -> None:
    # "Spy" in a headline: scare quotes (no quotation marks) and a false choice (no options) are
    # ruled out at a glance; words in quotation marks or offering options may well use them.
    article = _framed().build()
    for seed in range(40):
        for question in questions_of(article, "name_technique", seed, OFFERS_EXPERT_AND_CAUSE):
            for label in ("Scare quotes", "False choice"):
                assert label not in wrong_choices(question), (question.quote, seed)


def test_headline_check_asks_whether_the_article_backs_up_the_headline() -> None:
    b = library_builder()
    b.frame("Slashes", "headline_body_mismatch", note="The article says two hours a day, not a slash.")
    forms = set()
    for seed in range(20):
        (question,) = questions_of(b.build(), "headline_check", seed)
        asked, right, choices = next(f for f in HEADLINE_ONE_WORD_FORMS if question.prompt.endswith(f[0]))
        assert question.prompt == f'The headline says "Slashes". {asked}'
        assert right_choice(question) == right
        assert sorted(question.choices) == sorted(choices)
        forms.add(asked)
    # Either way round, so the key is not "Less" every time (reviews 29 and 30).
    assert forms == {f[0] for f in HEADLINE_ONE_WORD_FORMS}
    assert {f[1] for f in HEADLINE_FORMS} == {HEADLINE_SAYS_MORE, HEADLINE_WORDS_SAY_MORE}
    assert question.explanation.startswith("The article says two hours a day, not a slash. ")
    assert touches_headline(question)


def _spotted() -> ArticleBuilder:
    b = ArticleBuilder(
        "Storm Hits Coast",
        [
            "A killer storm hit the coast on Monday. Crews worked quickly and reopened the harbour, "
            "which had flooded, while volunteers cleared fallen branches from the crowded market square.",
            "The mayor praised the heroic volunteers. Repairs started on Tuesday with careful planning, and "
            "the council expected them to finish before the weekend.",
        ],
    )
    b.frame("killer storm", "loaded_language", note="'Killer' makes the storm sound like a murderer.")
    b.frame("heroic", "loaded_language")
    b.framing_complete = {1, 2}
    return b


def test_spot_technique_offers_plain_descriptive_phrases_away_from_framing() -> None:
    article = _spotted().build()
    question = by_quote_choice(questions_of(article, "spot_technique"), '"killer storm"')
    assert question.prompt.startswith("Loaded language: ")
    assert question.prompt.endswith("Which of these words from the article are an example of it?")
    assert question.focus is None  # a highlight would show the answer
    framing_words = {(f.span.block, i) for f in article.framing for i in range(f.span.start, f.span.end)}
    for choice in wrong_choices(question):
        text = choice.strip('"')
        assert 1 <= len(text.split()) <= 3  # about as long as the key
        places = {
            (b, i)
            for b, block in enumerate(article.blocks)
            for s, e in block.find_all(text)
            for i in range(*block.word_range(s, e))
        }
        assert places and not places & framing_words, choice
        assert any(w.endswith(("ed", "ing", "ly")) for w in text.split()), choice
        # It ends where its clause does ("local boy lift" of "... lift the trophy" would not), in a
        # sentence with no framing in it.
        for b, block in enumerate(article.blocks):
            for start, end in (block.word_range(*found) for found in block.find_all(text)):
                assert end == len(block.words) or block.gaps[end].strip(), choice
                sentence = next(x for x in sentences(block) if x[0] <= start < x[1])
                assert not any(
                    f.span.block == b and f.span.start < sentence[1] and sentence[0] < f.span.end
                    for f in article.framing
                ), choice
    # The plain phrases are part of what the question is about: no second one may reuse them.
    assert len(question.extra["spans"]) == 1 + len(wrong_choices(question))


def test_spot_technique_wrong_answers_are_whole_phrases_cut_from_different_words() -> None:
    b = ArticleBuilder(
        "Plant Closes",
        [
            "The mayor said the council would fight for every single job in the town. Up to 400 jobs "
            "are affected in a town where the plant has been the biggest employer for sixty years, and "
            "nearby shops reported slower trading during the long summer holidays.",
        ],
    )
    b.frame("fight for every single job", "slogans", note="A short phrase that sounds good.")
    b.framing_complete = {1}
    for seed in range(12):
        for question in questions_of(b.build(), "spot_technique", seed=seed):
            wrong = [tuple(span) for span in question.extra["spans"][1:]]
            for i, (block, start, end) in enumerate(wrong):
                assert not any(
                    block == other_block and start < other_end and other_start < end
                    for other_block, other_start, other_end in wrong[i + 1 :]
                ), question.choices
            assert not any("where" in choice.split() for choice in question.choices), question.choices


def test_spot_technique_needs_passages_marked_complete() -> None:
    b = _spotted()
    b.framing_complete = set()
    assert questions_of(b.build(), "spot_technique") == []


def test_spot_technique_in_the_headline_needs_a_complete_headline() -> None:
    b = library_builder()
    b.framing_complete.discard(0)
    assert all(q.extra["spans"][0][0] != 0 for q in questions_of(b.build(), "spot_technique"))


def test_find_framing_asks_only_where_the_teacher_marked_all_framing() -> None:
    questions = questions_of(library_article(), "find_framing")
    # Not the headline: with one free word beside "Slashes" and "Fume", 2 of its 7 words are left to
    # tell a careful reader from a guesser.
    assert {q.block: q.answer_text for q in questions} == {
        1: ["move that has angered many families"],
        4: ["disaster for children"],
    }
    b = library_builder()
    b.framing_complete = {4}
    assert [q.block for q in questions_of(b.build(), "find_framing")] == [4]


def test_find_framing_the_words_a_note_quotes_from_a_span_alone_find_it() -> None:
    b = ArticleBuilder(
        "Cameras",
        ["The alliance called the vote a blank cheque for spying on ordinary people and said it may sue."],
    )
    b.frame(
        "a blank cheque for spying on ordinary people",
        "loaded_language",
        note='"Blank cheque" and "spying" are strong words chosen to alarm readers.',
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "blank cheque", "spying")).score == 1.0
    # Each phrase the note quotes is an equal share, whatever its length (review 453).
    assert score_answer(question, _select(question, "spying")).score == 0.5
    assert score_answer(question, _select(question, "blank")).score == 0.25


def test_find_framing_an_emotive_word_of_the_vocabulary_alone_finds_its_span() -> None:
    b = ArticleBuilder(
        "Wolves",
        ["The farmer said the wolves had turned a quiet valley into a war zone over the summer months."],
    )
    b.frame("turned a quiet valley into a war zone", "loaded_language")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "war zone")).score == 1.0


def test_find_framing_an_emotive_word_finds_its_span_when_the_note_quotes_all_of_it() -> None:
    b = ArticleBuilder(
        "Reading", ["Teachers say they are fighting a losing battle against phones in every classroom."]
    )
    b.frame("fighting a losing battle", "loaded_language", note='"Fighting a losing battle" sounds like war.')
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "battle")).score == 1.0


def test_find_framing_a_two_word_span_has_its_emotive_word_as_key() -> None:
    # "flood of": "of" alone must not find it.
    b = ArticleBuilder(
        "Rents",
        ["A flood of about 3,000 students will arrive in the town next autumn, the council expects."],
    )
    b.frame("flood of", "loaded_language")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "flood")).score == 1.0
    assert score_answer(question, _select(question, "of")).score < 1.0


def test_find_framing_the_rest_of_a_short_quotation_costs_nothing() -> None:
    b = ArticleBuilder(
        "Memory",
        [
            "The press office breathlessly described the findings as "
            '"a major step forward in the fight against forgetfulness" in a release sent to journalists '
            "on Monday, which did not mention who paid for the work."
        ],
    )
    b.frame("fight against forgetfulness", "loaded_language")
    b.frame("breathlessly", "loaded_language")  # framing outside the quotation too: not a giveaway
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert (
        score_answer(
            question, _select(question, "breathlessly", "a major step forward", "fight against forgetfulness")
        ).score
        == 1.0
    )
    assert score_answer(question, _select(question, "fight against forgetfulness", "journalists")).score < 1.0


def test_find_framing_skips_a_passage_whose_only_quotation_marks_are_the_answer() -> None:
    text = 'Each jar holds a "focus formula" of iron and zinc, and costs {} at most chemists.'
    b = ArticleBuilder("Gummies", [text.format("£8")])
    b.frame('"focus formula"', "scare_quotes")
    b.framing_complete = {1}
    assert questions_of(b.build(), "find_framing") == []
    # Beside a speaker's quoted words, the quotation marks no longer point at the answer.
    speaker = ' "My son takes two every morning before school," one parent said.'
    b = ArticleBuilder("Gummies", [text.format("£8") + speaker])
    b.frame('"focus formula"', "scare_quotes")
    b.framing_complete = {1}
    assert len(questions_of(b.build(), "find_framing")) == 1


def test_find_framing_the_writers_own_opinion_marked_as_a_claim_costs_nothing() -> None:
    # "the drivers ... are fed up": a careful reader may take the writer's view for framing.
    b = ArticleBuilder(
        "Street",
        [
            "The trial has killed the street. The drivers stuck in the queues on Bridge Road every "
            "evening are fed up with the council."
        ],
    )
    b.frame("killed the street", "loaded_language", note='"Killed" is far stronger than the facts.')
    fed_up = "The drivers stuck in the queues on Bridge Road every evening are fed up"
    b.claim(fed_up, "unattributed", kind="opinion")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "killed the street", "fed up")).score == 1.0
    assert score_answer(question, _select(question, "killed the street", "council")).score < 1.0


def test_find_framing_a_speakers_disputed_claim_or_opinion_costs_nothing() -> None:
    # "say more than the facts show": an MP's disputed "the evidence could not be clearer" fits the
    # instruction, so selecting it costs nothing (review 29).
    b = ArticleBuilder(
        "Drinks",
        [
            "The MP called the drinks a ticking time bomb. The evidence could not be clearer, "
            "she said, and the industry rejected her figures."
        ],
    )
    b.source("mp", "the MP", "named_official", ["she said"])
    b.frame("ticking time bomb", "loaded_language", note="A bomb is far stronger than the facts.")
    b.claim("The evidence could not be clearer", "disputed", source="mp")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    chosen = _select(question, "ticking time bomb", "The evidence could not be clearer")
    assert score_answer(question, chosen).score == 1.0


def test_find_framing_skips_a_passage_where_selecting_the_quotations_alone_scores_full_marks() -> None:
    # The span sits in a short quotation whose other words are free: "select what is quoted" wins.
    b = ArticleBuilder(
        "Memory",
        [
            "The press office described the findings as "
            '"a major step forward in the fight against forgetfulness" in a release sent to journalists '
            "on Monday, which did not mention who paid for the work."
        ],
    )
    b.frame("fight against forgetfulness", "loaded_language")
    b.framing_complete = {1}
    assert questions_of(b.build(), "find_framing") == []


def test_source_type_asks_nothing_about_a_vague_source_with_no_unnamed_people_left_to_offer() -> None:
    # "Many locals say" against named people and a document: "An unnamed source" is too close.
    b = ArticleBuilder(
        "Wind Farm",
        [
            "Many locals say the turbines will be too loud. Dr Nia Rowlands said the evidence was weak.",
            "The planning report found little effect on prices. Mayor Ann Reed said the vote was fair.",
        ],
    )
    b.source("locals", "many locals", "vague", ["Many locals say"])
    b.source("rowlands", "Dr Nia Rowlands", "named_person", ["Dr Nia Rowlands said"])
    b.source("report", "the planning report", "document_or_data", ["The planning report found"])
    b.source("reed", "Mayor Ann Reed", "named_official", ["Mayor Ann Reed said"])
    for seed in range(10):
        assert all(
            q.extra["source"] != "locals"
            for q in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE)
        )


def test_find_framing_skips_a_passage_with_an_unmarked_emotive_word() -> None:
    b = ArticleBuilder(
        "Storm",
        ["A shocking storm hit the coast on Monday, and the damage left by the floods was devastating."],
    )
    b.frame("shocking", "loaded_language")
    b.framing_complete = {1}
    assert questions_of(b.build(), "find_framing") == []
    b.frame("devastating", "loaded_language")
    assert len(questions_of(b.build(), "find_framing")) == 1


def test_find_framing_the_loaded_word_alone_finds_a_span_that_starts_with_an_article() -> None:
    b = ArticleBuilder(
        "Plant Closes",
        ["The closure is the latest blow to a town that has already lost its mine and its railway."],
    )
    b.frame("the latest blow", "loaded_language", note="'Blow' makes the closure sound like a punch.")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert question.answer_text == ["latest blow"]
    assert score_answer(question, _indexes(question, "blow")).score == 1.0
    assert score_answer(question, _indexes(question, "the latest blow")).score == 1.0


def test_find_framing_two_meaning_words_find_a_long_span_without_key_words() -> None:
    """Half of a seven-word span would ask a student who saw the framing for four words."""
    b = ArticleBuilder(
        "Energy Drink",
        [
            "The makers say the drink is completely harmless and fun for the whole family, "
            "although the label advises against more than one can a day."
        ],
    )
    b.frame("completely harmless and fun for the whole family", "exaggeration_minimisation")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "completely harmless")).score == 1.0
    assert score_answer(question, _select(question, "harmless")).score == 0.5
    # Function words are not meaning words: on their own they earn nothing (see scoring.LITTLE_WORDS).
    assert score_answer(question, _select(question, "for the")).score == 0.0
    assert score_answer(question, _select(question, "for the whole")).score == 0.5  # "whole": one of two
    assert score_answer(question, _select(question, "the label advises against")).score == 0.0


def test_find_framing_one_plain_word_never_finds_a_two_word_span_without_key_words() -> None:
    b = ArticleBuilder(
        "Trial",
        ["The council called the car-free trial a runaway success for the town centre and its cafes."],
    )
    b.frame("runaway success", "exaggeration_minimisation", note="Only one count was made.")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "success")).score == 0.5
    assert score_answer(question, _select(question, "runaway success")).score == 1.0


def test_find_framing_an_emotive_words_plural_is_emotive_too() -> None:
    b = ArticleBuilder(
        "Skin Cream",
        ["The advert says the cream works miracles on tired skin, though the maker has published no trial."],
    )
    b.frame("works miracles on tired skin", "exaggeration_minimisation")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, _select(question, "miracles")).score == 1.0
    # Left unmarked, it keeps the passage from being asked.
    b.framing.clear()
    b.frame("advert", "loaded_language")
    assert questions_of(b.build(), "find_framing") == []


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
    assert questions_of(article, "source_type", vocabulary=ASKS_NAMED_PEOPLE) == []
    assert questions_of(article, "name_technique") == []


def test_no_generated_question_gives_its_key_away_in_the_stem() -> None:
    for seed in range(10):
        for question in all_questions(library_article(), VOCABULARY, random.Random(seed)):
            if not KINDS[question.kind].hand_written:
                assert not gives_key_away(question), question.prompt


# --- properties over arbitrary articles --------------------------------------------------------------


def _relay_names(article: Article, source_id: str) -> set[str]:
    names: set[str] = set()
    seen: set[str] = set()
    current: str | None = source_id
    while current is not None and current not in seen:
        seen.add(current)
        source = article.source(current)
        names.add(match_form(source_label(source)).casefold())
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
        assert not gives_key_away(question)
        if question.kind == "who_said_it":
            claim = article.claims[question.extra["claim"]]
            sourced = claim.source is not None and claim.status != "unattributed"
            expected = source_label(article.source(claim.source)) if sourced and claim.source else NOT_SAID
            assert right_choice(question) == expected
            also_right: set[str] = set()
            for other in article.claims:
                if other.span.overlaps(claim.span) and other.source and other.status != "unattributed":
                    also_right |= _relay_names(article, other.source)
            assert not {match_form(c).casefold() for c in wrong_choices(question)} & also_right
        if question.kind == "source_type":
            source = article.source(question.extra["source"])
            assert right_choice(question) == VOCABULARY.source_type(source.type).label
            block, start, end = question.focus or (0, 0, 0)
            shown = Span(block, start, end, "")
            overlapping = {
                VOCABULARY.source_type(other.type).label
                for other in article.sources
                if any(m.overlaps(shown) for m in other.mentions)
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


@settings(max_examples=100, deadline=None)
@given(random_articles(), st.integers(0, 2**32))
def test_quiz_properties_hold_for_arbitrary_articles(article: Article, seed: int) -> None:
    pool = all_questions(article, VOCABULARY, random.Random(seed))
    quiz = build_quiz(article, VOCABULARY, seed)
    assert quiz == build_quiz(article, VOCABULARY, seed)
    hand = [q for q in pool if q.kind in HAND_KINDS]
    assert sorted(q.prompt for q in hand) == sorted(q.prompt for q in quiz if q.kind in HAND_KINDS)
    assert len(quiz) <= max(len(hand), article.quiz_length)
    generated = [q for q in quiz if q.kind not in HAND_KINDS]
    # No two questions about the same words, claim, source or framing (hand-written ones aside).
    for index, question in enumerate(generated):
        assert not any(conflicts(question, other) for other in quiz if other is not question)


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


def test_no_two_questions_of_a_quiz_are_about_the_same_words_or_annotation() -> None:
    article = library_article()
    for seed in range(30):
        quiz = build_quiz(article, VOCABULARY, seed)
        for index, question in enumerate(quiz):
            for other in quiz[:index]:
                assert not conflicts(question, other), (question.prompt, other.prompt)


def test_a_hand_written_question_wins_over_generated_ones_on_the_same_words() -> None:
    b = library_builder()
    b.hand_choice(
        "claims",
        'Who reported that "more than 300 people have signed a petition"?',
        ["The Gazette", "The council", "Critics"],
        "The Gazette",
    )
    article = b.build()
    for seed in range(20):
        quiz = build_quiz(article, VOCABULARY, seed)
        assert all(q.quote != "more than 300 people have signed a petition against the plan" for q in quiz)


def test_a_quiz_never_asks_about_a_claim_a_teachers_question_gives_in_other_words() -> None:
    b = ArticleBuilder(
        "Phones",
        [
            "Obi said the school got two extra maths teachers and a new tutoring scheme this year. "
            "Ruth Bell said lunch queues were shorter.",
        ],
    )
    b.source("obi", "Mr Obi", "named_person", ["Obi said"])
    b.source("bell", "Ruth Bell", "named_person", ["Ruth Bell said"])
    b.claim("the school got two extra maths teachers and a new tutoring scheme", "attributed", source="obi")
    b.claim("lunch queues were shorter", "attributed", source="bell")
    b.hand_choice(
        "claims",
        "What did the school spend the money on?",
        ["More maths teachers and a tutoring scheme for the school", "New phones", "A longer lunch"],
        "More maths teachers and a tutoring scheme for the school",
    )
    for seed in range(10):
        quotes = {q.quote for q in build_quiz(b.build(), VOCABULARY, seed)}
        assert "the school got two extra maths teachers and a new tutoring scheme" not in quotes


def test_a_quiz_always_asks_about_an_annotated_headline() -> None:
    b = library_builder()
    b.questions.clear()  # the hand-written headline question would count
    b.frame("Slashes", "headline_body_mismatch", note="The article says two hours a day, not a slash.")
    article = b.build()
    for seed in range(40):
        for length in (3, 6, 12):
            quiz = build_quiz(article, VOCABULARY, seed, length=length)
            assert any(touches_headline(q) for q in quiz), (seed, length)


def test_no_choice_position_is_the_key_much_more_than_its_share() -> None:
    quizzes = [build_quiz(library_article(), VOCABULARY, seed) for seed in range(200)]
    assert key_position_bias(quizzes) == []


def test_default_quiz_is_twelve_questions_balanced_as_far_as_the_article_allows() -> None:
    article = library_article()
    pool = all_questions(article, VOCABULARY, random.Random(0))
    for seed in range(20):
        quiz = build_quiz(article, VOCABULARY, seed)
        assert len({json.dumps(q.to_dict(), sort_keys=True) for q in quiz}) == len(quiz)
        if len(quiz) < 12:
            # Shorter only when every other question is about something the quiz asks already.
            asked = {q.prompt for q in quiz}
            assert all(any(conflicts(q, o) for o in quiz) for q in pool if q.prompt not in asked)
        counts = Counter(q.skill for q in quiz)
        for skill in SKILLS:
            if counts[skill] < max(counts.values()) - 1:
                # Every other question of that skill is about words or annotations the quiz asks about.
                left = [q for q in pool if q.skill == skill and q.prompt not in {o.prompt for o in quiz}]
                assert all(any(conflicts(q, o) for o in quiz) for q in left), (skill, counts)


def test_a_short_quiz_covers_distinct_kinds_before_repeating() -> None:
    article = library_article()
    for length in range(4, 10):
        for seed in range(10):
            quiz = build_quiz(article, VOCABULARY, seed, length=length)
            generated = [q.kind for q in quiz if q.kind not in HAND_KINDS]
            pool = all_questions(article, VOCABULARY, random.Random(seed))
            if len(quiz) < length:  # shorter only when nothing else could join it
                asked = {q.prompt for q in quiz}
                assert all(any(conflicts(q, o) for o in quiz) for q in pool if q.prompt not in asked)
            for kind in {k for k in generated if generated.count(k) > 1}:
                # Skills are balanced first (with fourteen kinds, one of each would tilt a quiz towards
                # the skill with most kinds); within a skill, a kind repeats only when no question of
                # a kind of that skill not yet used could join the quiz.
                skill = KINDS[kind].skill
                # Select-words questions fill at most a third of a quiz where others are left (a
                # phone's heavy going): an unused kind of them may wait.
                selects_full = sum(q.type == SELECT for q in quiz) >= max(2, math.ceil(length / 3))
                unused = [
                    q
                    for q in pool
                    if q.kind not in generated
                    and q.kind not in HAND_KINDS
                    and q.skill == skill
                    and not (selects_full and q.type == SELECT)
                ]
                assert all(any(conflicts(q, o) for o in quiz) for q in unused), generated


def test_the_article_sets_the_default_length() -> None:
    article = library_article(quiz_length=6)
    quiz = build_quiz(article, VOCABULARY, seed=3)
    assert len(quiz) == 6
    longer = build_quiz(article, VOCABULARY, seed=3, length=9)
    assert 6 < len(longer) <= 9  # as long as the article allows without two questions on one thing


def test_hand_written_questions_are_always_in_the_quiz() -> None:
    article = library_article(another_unnamed=True)
    for length in (1, 2, 5, 12, 30):
        quiz = build_quiz(article, VOCABULARY, seed=length, length=length)
        assert sorted(q.kind for q in quiz if q.kind in HAND_KINDS) == sorted(HAND_KINDS)
        assert len(quiz) >= max(min(length, 8), len(HAND_KINDS))


def test_fewer_questions_than_the_length_gives_them_all() -> None:
    article = one_source_article()
    quiz = build_quiz(article, VOCABULARY, seed=0)
    # Every question concerns Sam Reed's one claim: one of them.
    assert [q.kind for q in quiz] in (["source_type"], ["support"], ["find_sources"])


def test_quiz_questions_carry_focus_or_passage() -> None:
    for question in build_quiz(library_article(), VOCABULARY, seed=11):
        if question.type == SELECT:
            assert question.words and question.block is not None
        elif not KINDS[question.kind].hand_written and question.kind != "spot_technique":
            assert question.focus is not None and question.quote


def test_builder_span_helper_finds_quotes() -> None:
    b = library_builder()
    assert b.span("Critics say") == Span(4, 0, 2, "Critics say")
    with pytest.raises(ValueError, match="occurs"):
        b.span("the")


# --- rules added after readers judged unseen articles ------------------------------------------------


def test_a_spokesperson_for_a_group_is_no_mention_to_classify_by() -> None:
    b = ArticleBuilder(
        "Fire",
        [
            "A spokesperson for Dunmere Fire Service confirmed that divers had been at the scene on Monday.",
            "Police said the road would stay closed until the weekend.",
        ],
    )
    b.source(
        "fire",
        "Dunmere Fire Service",
        "named_organisation",
        ["A spokesperson for Dunmere Fire Service confirmed"],
    )
    b.source("police", "police", "vague", ["Police said"])
    b.claim("divers had been at the scene on Monday", "attributed", source="fire")
    article = b.build()
    assert all(
        q.extra["source"] != "fire"
        for q in questions_of(article, "source_type", vocabulary=ASKS_NAMED_PEOPLE)
    )
    assert questions_of(article, "support") == []


def test_a_named_spokesperson_is_a_named_person() -> None:
    question = by_quote(
        questions_of(library_article(), "source_type", vocabulary=ASKS_NAMED_PEOPLE),
        "Council spokesperson Maria Lopez said",
    )
    assert right_choice(question) == "Named official"


def test_a_speakers_role_between_commas_is_free_to_select() -> None:
    b = ArticleBuilder(
        "Stadium Deal",
        [
            "Rovers' owner, the property developer Martin Hale, has promised to pay for the roof. "
            "The council will vote on the plan next Thursday evening at the town hall.",
        ],
    )
    b.source("hale", "Martin Hale, the club's owner", "named_person", ["has promised"])
    b.claim("to pay for the roof", "attributed", source="hale")
    b.claim("The council will vote on the plan next Thursday evening", "unattributed")
    (question,) = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in free_words(question)] == [
        "the property developer Martin Hale"
    ]
    with_name = [i for i, w in enumerate(question.words) if w in ("Martin", "Hale", "has", "promised")]
    assert score_answer(question, tuple(with_name)).score == 1.0


def _technique_question(key: str, *wrong: str) -> Question:
    return Question(
        "name_technique",
        CHOICE,
        "framing",
        f"Which technique is used: {key}?",
        "",
        choices=(key, *wrong),
        answer=(0,),
        extra={"about": [key]},
    )


def test_two_questions_sharing_their_wrong_answers_around_different_keys_conflict() -> None:
    """The choices that are not in both would be the keys."""
    first = _technique_question("Loaded language", "False choice", "Scare quotes")
    second = _technique_question("Slogan", "False choice", "Scare quotes")
    assert conflicts(first, second)
    # One shared wrong answer leaves a guesser nothing sure; a key offered in the other question too
    # (a fixed scale of choices) shows nothing.
    assert not conflicts(first, _technique_question("Slogan", "False choice", "Doubt"))
    assert not conflicts(first, _technique_question("False choice", "Loaded language", "Scare quotes"))


def test_two_questions_with_the_same_choices_and_key_conflict() -> None:
    """'Spy' and 'Rushes Through', each "Loaded language" among the same three: one question twice."""
    first = _technique_question("Loaded language", "Appeal to authority", "Repetition")
    second = replace(first, prompt="Which technique is used: Spy?", extra={"about": ["Spy"]})
    assert conflicts(first, second) and clash_sets([first, second]) == [{1}, {0}]
    # A fixed scale ("how well supported") offers every choice every time: the same key is no repeat.
    scale = replace(first, kind="support", prompt="How well?")
    assert not conflicts(scale, replace(scale, prompt="How well, here?", extra={"about": ["other"]}))


def test_a_quiz_never_holds_two_questions_sharing_their_wrong_answers() -> None:
    # The sample articles: without the rule, 20 seeds gave six such pairs (source type, who said it,
    # name the technique).
    samples = sorted(Path(__file__).resolve().parents[2].joinpath("questions").glob("*.yaml"))
    articles = [validate_article(path.read_text(), str(path), VOCABULARY).article for path in samples]
    for article in articles:
        if article is None:
            continue  # vocabulary.yaml
        for seed in range(20):
            quiz = build_quiz(article, VOCABULARY, seed)
            for i, first in enumerate(quiz):
                for second in quiz[i + 1 :]:
                    assert not share_wrong_answers(first, second), (first.prompt, second.prompt)


def test_a_quiz_holds_at_most_one_headline_check() -> None:
    """Its key is always "Less": a second one would be answered by the first."""
    b = library_builder()
    b.frame("Slashes", "headline_body_mismatch", note="The article says two hours a day, not a slash.")
    b.frame("Fume", "headline_body_mismatch", note="One parent is quoted, not all of them.")
    article = b.build()
    first, second = questions_of(article, "headline_check")
    assert conflicts(first, second) and clash_sets([first, second]) == [{1}, {0}]
    for seed in range(20):
        kinds = [q.kind for q in build_quiz(article, VOCABULARY, seed)]
        assert kinds.count("headline_check") <= 1


def test_an_explanation_that_quotes_another_answer_keeps_the_two_apart() -> None:
    first = Question(
        "hand_choice",
        CHOICE,
        "claims",
        "Which?",
        'The answer is in "reportedly".',
        choices=("a", "b", "c"),
        answer=(0,),
    )
    block = library_article().block(1)
    where = block.words.index("reportedly")
    second = Question(
        "spot_hedge",
        SELECT,
        "claims",
        "Select the hedge.",
        "",
        block=1,
        words=block.words,
        gaps=block.gaps,
        gold=((where, where + 1),),
    )
    assert second.answer_text == ["reportedly"]
    assert conflicts(first, second) and conflicts(second, first)
    # About another paragraph, the quoted word says what a hedge is, not which word of this passage:
    # '"could" shows it is a guess' kept "spot the hedge" out of every quiz of 43 articles.
    elsewhere = replace(first, focus=(2, 0, 3))
    assert not conflicts(elsewhere, second) and not conflicts(second, elsewhere)
    # Unless it names this paragraph, or quotes the word with the passage's words beside it.
    assert conflicts(replace(elsewhere, explanation='("reportedly" in paragraph 1)'), second)
    assert block.words[where + 1] == "close"
    assert conflicts(replace(elsewhere, explanation="The library will reportedly close early."), second)
    assert not conflicts(replace(elsewhere, explanation="It could be checked."), second)


def test_an_explanation_that_speaks_of_the_headline_keeps_apart_from_headline_comparisons() -> None:
    # "Seven is much smaller than the headline makes it sound" answers "what does the article say,
    # compared with the headline?"
    note = Question(
        "support", CHOICE, "claims", "How well?", "Seven is much smaller than the headline makes it sound.",
        ("a", "b"), (0,),
    )  # fmt: skip
    check = Question("headline_check", CHOICE, "framing", "The headline says ...", "", ("a", "b"), (0,))
    assert conflicts(note, check) and conflicts(check, note)
    assert not conflicts(replace(note, explanation="Seven people were treated."), check)


def test_two_statement_kind_or_who_said_it_questions_on_one_paragraph_are_kept_apart() -> None:
    first = Question("statement_kind", CHOICE, "claims", "What kind?", "", ("a", "b"), (0,), focus=(5, 0, 4))
    same_paragraph = replace(first, focus=(5, 8, 12))
    other_paragraph = replace(first, focus=(6, 0, 4))
    assert conflicts(first, same_paragraph) and not conflicts(first, other_paragraph)
    who = replace(first, kind="who_said_it", skill="sources")
    assert conflicts(who, replace(who, focus=(5, 8, 12))) and not conflicts(
        who, replace(who, focus=(6, 0, 4))
    )


def test_every_choice_place_gets_its_turn_as_the_key_in_a_quiz() -> None:
    for seed in range(30):
        quiz = build_quiz(library_article(), VOCABULARY, seed)
        by_size: dict[int, Counter[int]] = {}
        for question in quiz:
            if question.type == CHOICE:
                by_size.setdefault(len(question.choices), Counter())[question.answer[0]] += 1
        for size, places in by_size.items():
            counts = [places[p] for p in range(size)]
            assert max(counts) - min(counts) <= 1, (seed, size, counts)


# --- blind reviews 30 to 33 ---------------------------------------------------------------------------


def test_no_question_about_a_claim_its_sentence_denies() -> None:
    # "The report itself does not say the building is in immediate danger": who said it, how well
    # supported and how to check it would teach the opposite (review 32).
    text = [
        "An engineering report found rust in the roof beams. The report itself does not say the "
        "building is in immediate danger.",
        "Coach Amy Lowe said the club would train elsewhere. Some parents say the pool was always cold.",
    ]
    b = ArticleBuilder("Pool", text)
    b.source(
        "report",
        "the engineering report",
        "document_or_data",
        ["An engineering report found", "The report itself does not say"],
    )
    b.source("lowe", "Amy Lowe", "named_person", ["Coach Amy Lowe said"])
    b.source("parents", "some parents", "vague", ["Some parents say"])
    b.claim("the building is in immediate danger", "attributed", source="report", kind="observation")
    b.claim("the club would train elsewhere", "attributed", source="lowe")
    questions = all_questions(b.build(), VOCABULARY, random.Random(1))
    assert questions and all(q.quote != "the building is in immediate danger" for q in questions)
    # The clause before a comma is another clause: "not" there denies nothing of the claim.
    b = ArticleBuilder(
        "Pool", ["The trust did not reply, but Amy Lowe said the pool was unsafe for swimmers."]
    )
    b.source("lowe", "Amy Lowe", "named_person", ["Amy Lowe said"])
    b.claim("the pool was unsafe for swimmers", "attributed", source="lowe", kind="observation")
    assert of_claim(b.build(), "the pool was unsafe for swimmers")


def of_claim(article: Article, quote: str) -> list[Question]:
    return [q for q in all_questions(article, VOCABULARY, random.Random(1)) if q.quote == quote]


def test_who_said_it_offers_no_record_for_words_in_quotation_marks() -> None:
    # '"Now it's a car park for the show homes," she said': a data set on offer is filler (review 30).
    text = [
        '"Now it is a car park for the show homes," said Doreen Pascoe, who kept a plot for 30 years.',
        "The council's waiting-list figures show 3,812 names. Tom Reed said the list was too long.",
        "Ann Cole said she had waited six years. Critics say the council sold too much land.",
    ]
    b = ArticleBuilder("Plots", text)
    b.source("pascoe", "Doreen Pascoe", "named_person", ["said Doreen Pascoe"])
    b.source(
        "figures",
        "the council's waiting-list figures",
        "document_or_data",
        ["The council's waiting-list figures show"],
    )
    b.source("reed", "Tom Reed", "named_person", ["Tom Reed said"])
    b.source("cole", "Ann Cole", "named_person", ["Ann Cole said"])
    b.source("critics", "critics", "vague", ["Critics say"])
    b.claim("Now it is a car park for the show homes", "attributed", source="pascoe")
    for seed in range(10):
        (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if "car park" in q.quote]
        assert "the council's waiting-list figures" not in question.choices


def test_who_said_it_skips_words_only_someone_in_a_family_role_says() -> None:
    # "My son already spends four hours a day on screens": a teenager on offer is absurd (review 31).
    text = [
        '"My son already spends four hours a day on a screen," said Karen Whitlow, a mother of two.',
        "Team captain Leo Hart, 16, said the games were fun. Dr Ann Cole said grades rose a little.",
    ]
    b = ArticleBuilder("Esports", text)
    b.source("whitlow", "Karen Whitlow", "named_person", ["said Karen Whitlow"])
    b.source("hart", "Leo Hart", "named_person", ["Team captain Leo Hart, 16, said"])
    b.source("cole", "Dr Ann Cole", "named_person", ["Dr Ann Cole said"])
    b.claim("My son already spends four hours a day on a screen", "attributed", source="whitlow")
    # Not "the club was fun": words naming the captain's own body point at him (review 56).
    b.claim("the games were fun", "attributed", source="hart")
    assert [q.quote for q in questions_of(b.build(), "who_said_it")] == ["the games were fun"]


def _checkable(note: str) -> list[Question]:
    text = "One doctor, who asked not to be named, said caffeine can stay in the body for many hours."
    b = ArticleBuilder("Drinks", [text, "Dr Ann Cole said grades rose a little."])
    b.source("doctor", "an unnamed doctor", "anonymous", ["One doctor, who asked not to be named, said"])
    b.source("cole", "Dr Ann Cole", "named_person", ["Dr Ann Cole said"])
    b.claim("caffeine can stay in the body for many hours", "attributed", source="doctor", note=note)
    return questions_of(b.build(), "how_to_check")


def test_how_to_check_skips_a_claim_whose_note_says_it_cannot_be_checked() -> None:
    # The key gives a way to check; the note shown with it says there is none (review 31).
    assert _checkable("Only he knows his daughter: you cannot check it.") == []
    # "cannot check who says this" is why to look for a source that can be checked.
    assert len(_checkable("The only source is one unnamed doctor, so you cannot check who says this.")) == 1
    assert len(_checkable("Only an unnamed doctor says so: you cannot check it from this article.")) == 1


def test_how_to_check_skips_a_document_whose_evidence_the_note_says_is_unpublished() -> None:
    # "Look at the original: the press release" only shows the company said so (review 31).
    text = [
        "The Pixelforge press release says the scheme has helped pupils improve in maths and reading.",
        OTHER_RECORD,
    ]
    for note, asked in (
        ("The company did not publish the figures behind this.", 0),
        ("Read it yourself.", 1),
    ):
        b = ArticleBuilder("Esports", text)
        b.source(
            "release",
            "the Pixelforge press release",
            "document_or_data",
            ["The Pixelforge press release says"],
        )
        add_other_record(b)
        b.claim(
            "the scheme has helped pupils improve in maths and reading",
            "attributed",
            source="release",
            note=note,
        )
        assert len(questions_of(b.build(), "how_to_check")) == asked, note


def test_how_to_check_skips_a_claim_whose_source_is_named_in_another_sentence() -> None:
    # "It found ... . Dozens used almost the same words.": carried over? A guess (review 33).
    text = ["A FairPlate report found 40 fake reviews. Dozens used almost the same words, word for word."]
    b = ArticleBuilder("Reviews", text)
    b.source("report", "the FairPlate report", "document_or_data", ["A FairPlate report found"])
    b.claim("Dozens used almost the same words", "attributed", source="report")
    assert questions_of(b.build(), "how_to_check") == []


def test_support_and_statement_kind_skip_a_claim_the_note_calls_an_opinion() -> None:
    # A columnist's line the note calls "his opinion": naming him does not support it (review 31).
    text = ["A company is now paying a school to make children play more games, columnist Ian Fry wrote."]
    b = ArticleBuilder("Esports", text)
    b.source("fry", "Ian Fry", "named_person", ["columnist Ian Fry wrote"])
    b.claim(
        "A company is now paying a school to make children play more games",
        "attributed",
        source="fry",
        kind="observation",
        note="This is his opinion of the deal, not a fact anyone counted.",
    )
    assert questions_of(b.build(), "support") == [] and questions_of(b.build(), "statement_kind") == []
    # "not just an opinion" calls it something more.
    b.claims[0] = replace(b.claims[0], note="A columnist's reasoning from the figures, not just an opinion.")
    assert len(questions_of(b.build(), "support")) == 1


def test_headline_check_quotes_the_whole_headline_for_words_that_start_with_a_link() -> None:
    # "as Council Sells Off Plots to Builders": alone the words may be true; the link is the
    # overstatement (review 30). Words that start with a preposition are shown with the whole headline
    # too, and named ("for Kelby Residents" states nothing alone, review 365).
    title = "Waiting List Explodes as Council Sells Off Plots"
    b = ArticleBuilder(title, ["The list grew to 3,812 names, the council said. It sold 85 plots."])
    b.frame("as Council Sells Off Plots", "headline_body_mismatch", note="The article does not show why.")
    for seed in (1, 2, 3):
        (question,) = questions_of(b.build(), "headline_check", seed)
        assert question.prompt.startswith(f'The headline says "{title}".')
        # The stem names the marked words, so "these words" is not read as the whole headline
        # (review 325).
        assert 'words "as Council Sells Off Plots"' in question.prompt
    assert questions_of(b.build(), "headline_evidence") == []
    b = ArticleBuilder(
        "Bridge Closed for Good", ["The bridge will reopen when it is safe, the council said."]
    )
    b.frame("for Good", "headline_body_mismatch", note="It will reopen.")
    (question,) = questions_of(b.build(), "headline_check")
    assert question.prompt.startswith('The headline says "Bridge Closed for Good".')
    assert 'words "for Good"' in question.prompt


def test_spot_hedge_approximate_words_in_the_claim_cost_nothing_beside_the_key() -> None:
    # "likely to cost about £2.3 million": "about" is listed as approximate, not as a cue (review 32);
    # and "more than" is one phrase (review 30).
    b = ArticleBuilder("Pool", ["The repairs were likely to cost about 2.3 million pounds, the trust said."])
    b.claim("The repairs were likely to cost about 2.3 million pounds", "hedged", cues=["likely"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, _select(question, "likely", "about")).score == 1.0
    assert '"About" gives a size or a time roughly' in question.explanation
    b = ArticleBuilder("Plots", ["Some applicants could wait more than ten years for a plot, she said."])
    b.claim("Some applicants could wait more than ten years for a plot", "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, _select(question, "could", "more than")).score == 1.0


def test_a_quiz_holds_two_questions_with_one_key_template_at_most_once() -> None:
    # Two "Look at the original yourself: ..." in one quiz: the second is answered by the pattern.
    first = Question(
        "how_to_check",
        CHOICE,
        "claims",
        "Q1",
        "",
        ("a", "b", "c"),
        (0,),
        extra={"template": "Look at the original yourself"},
    )
    second = replace(first, prompt="Q2")
    other = replace(first, prompt="Q3", extra={"template": "Find"})
    assert conflicts(first, second) and not conflicts(first, other)


def test_find_sources_a_pronoun_mention_inside_the_same_sources_report_is_free() -> None:
    # "the trust disputes that figure, saying that it had counted fewer": the trust is found by
    # "saying"; "it had counted" is free, not required (review 32).
    text = [
        "Its organisers say the petition has 5,000 names, but the trust disputes that figure, saying "
        "that it had counted fewer than 2,000."
    ]
    b = ArticleBuilder("Pool", text)
    b.source("organisers", "the petition's organisers", "vague", ["Its organisers say"])
    b.source(
        "trust",
        "the leisure trust",
        "named_organisation",
        ["the trust disputes that figure, saying", "it had counted"],
    )
    b.claim("the petition has 5,000 names", "attributed", source="organisers")
    b.claim("fewer than 2,000", "attributed", source="trust")
    (question,) = questions_of(b.build(), "find_sources")
    chosen = _select(question, "Its organisers say", "the trust disputes that figure saying")
    assert score_answer(question, chosen).score == 1.0
    with_it = _select(
        question, "Its organisers say", "the trust disputes that figure saying", "it had counted"
    )
    assert score_answer(question, with_it).score == 1.0


def test_support_says_the_writer_states_it_as_a_fact_once() -> None:
    b = ArticleBuilder("Reviews", ["The bistro opened on Mill Street in 2009."])
    b.claim(
        "The bistro opened on Mill Street in 2009",
        "unattributed",
        note="The writer states this as a fact.",
    )
    (question,) = questions_of(b.build(), "support")
    assert question.explanation.startswith("The writer states this as a fact. ")
    assert 'no word such as "may"' not in question.explanation


def test_who_said_it_explanation_quotes_the_attribution_of_the_claims_own_sentence() -> None:
    # '"It feels like they are punishing people," he said. Mr Amis, a retired bus driver, said he
    # pays £40': the later mention attributes other words (review 34).
    text = [
        '"People are being punished for being ill," he said. Mr Amis, a retired bus '
        "driver, said he paid 40 pounds a week.",
        "Coach Amy Lowe said the club would train elsewhere. Some parents say the pool was cold.",
    ]
    b = ArticleBuilder("Parking", text)
    b.source("amis", "Derek Amis", "named_person", ["he said", "Mr Amis, a retired bus driver, said"])
    b.source("lowe", "Amy Lowe", "named_person", ["Coach Amy Lowe said"])
    b.source("parents", "some parents", "vague", ["Some parents say"])
    b.claim("People are being punished for being ill", "attributed", source="amis")
    (question,) = [q for q in questions_of(b.build(), "who_said_it") if "punished" in q.quote]
    assert '("he said" in paragraph 1)' in question.explanation


def test_who_said_it_skips_words_that_speak_as_a_body_when_the_key_speaks_for_one() -> None:
    # "Every penny we make from parking ...", "officers would patrol the park": what the body does
    # tells who speaks for it (reviews 34 and 36).
    text = [
        '"Every penny we make from parking goes to patient care," said Karen Okafor, the trust\'s '
        "director of finance. Inspector Gareth Lowe, of Ashcombe Police, said officers would patrol "
        "the park.",
        "Derek Amis said parking cost him 40 pounds a week. Ann Cole said the fees were unfair.",
        '"We all shared the link," said Jayden Cole, a 15-year-old student.',
    ]
    b = ArticleBuilder("Parking", text)
    b.source("okafor", "Karen Okafor, the trust's director of finance", "named_person", ["said Karen Okafor"])
    b.source(
        "lowe",
        "Gareth Lowe, of Ashcombe Police",
        "named_official",
        ["Inspector Gareth Lowe, of Ashcombe Police, said"],
    )
    b.source("amis", "Derek Amis", "named_person", ["Derek Amis said"])
    b.source("cole", "Ann Cole", "named_person", ["Ann Cole said"])
    b.source("jayden", "Jayden Cole, a 15-year-old student", "named_person", ["said Jayden Cole"])
    b.claim("Every penny we make from parking goes to patient care", "attributed", source="okafor")
    b.claim("officers would patrol the park", "attributed", source="lowe")
    b.claim("We all shared the link", "attributed", source="jayden")
    asked = {q.quote for q in questions_of(b.build(), "who_said_it")}
    # A student's "we" is anyone's: still asked.
    assert asked == {"We all shared the link"}


def test_source_type_a_possessive_group_at_the_start_of_a_sentence_ties_the_person_to_it() -> None:
    # "Northvale's chief executive, Dr Martin Hale, defended the decision" (review 35).
    b = ArticleBuilder(
        "Uniforms",
        [
            "Northvale's chief executive, Dr Martin Hale, defended the decision.",
            "The Echo said little. Dr Ana Ruiz said cuts were small. The Farmers' Union said it was wrong.",
            "Some shoppers say the store was always busy.",
        ],
    )
    b.source(
        "hale",
        "Dr Martin Hale, Northvale's chief executive",
        "named_person",
        ["Northvale's chief executive, Dr Martin Hale, defended"],
    )
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.source("ruiz", "Dr Ana Ruiz", "named_person", ["Dr Ana Ruiz said"])
    b.source("union", "the Farmers' Union", "named_organisation", ["The Farmers' Union said"])
    b.source("shoppers", "some shoppers", "vague", ["Some shoppers say"])
    organisation = VOCABULARY.source_type("named_organisation").label
    for seed in range(20):
        for question in questions_of(b.build(), "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "hale":
                assert organisation not in question.choices


def test_how_to_check_needs_the_whole_name_of_the_relay_in_the_claims_sentence() -> None:
    # "Eastbrook's MP, Sarah Lindqvist, said ..." does not name "the Eastbrook Echo", which she told
    # other words in the next sentence (review 35).
    text = [
        "Eastbrook's MP, Sarah Lindqvist, said she had written to the trust about the change. "
        '"Schools should teach," she told the Eastbrook Echo.'
    ]
    b = ArticleBuilder("Uniforms", text)
    b.source("echo", "the Eastbrook Echo", "news_outlet", ["the Eastbrook Echo"])
    b.source(
        "mp",
        "Sarah Lindqvist",
        "named_official",
        ["Eastbrook's MP, Sarah Lindqvist, said", "she told the Eastbrook Echo"],
        via="echo",
    )
    b.claim("she had written to the trust about the change", "attributed", source="mp", kind="observation")
    assert [q for q in questions_of(b.build(), "how_to_check") if "written" in q.quote] == []


def test_find_sources_a_stand_in_and_its_verb_find_the_attribution() -> None:
    # "A Department for Education spokesperson said": "spokesperson said" is who and how (review 35).
    text = ["A Department for Education spokesperson said it was up to schools to follow the guidance."]
    b = ArticleBuilder("Uniforms", text)
    b.source(
        "dfe",
        "the Department for Education",
        "named_organisation",
        ["A Department for Education spokesperson said"],
    )
    b.claim("it was up to schools to follow the guidance", "attributed", source="dfe")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, _select(question, "spokesperson said")).score >= 0.9


def test_find_sources_a_mention_that_runs_into_a_claim_is_cut_where_the_claim_starts() -> None:
    # "The trust says the money is needed", marked as one mention: the key stops at "says" (review 34).
    text = ["The trust says the money is needed to repair the car parks near the wards."]
    b = ArticleBuilder("Parking", text)
    b.source("trust", "the trust", "named_organisation", ["The trust says the money is needed"])
    b.claim("the money is needed to repair the car parks", "attributed", source="trust")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text == ["The trust says"]


def test_how_to_check_offers_no_share_count_step_for_a_claim_about_shares() -> None:
    # The key "the post's share count" beside "See how many people have shared it" (review 36).
    text = ["The post's share count shows it was shared 40,000 times in two days."]
    for seed in range(10):
        b = ArticleBuilder("Dogs", text)
        b.source("count", "the post's share count", "document_or_data", ["The post's share count shows"])
        b.claim("it was shared 40,000 times in two days", "attributed", source="count")
        for question in questions_of(b.build(), "how_to_check", seed):
            assert not any("shared or liked" in choice for choice in question.choices)


def test_support_skips_a_sourced_promise_the_teacher_did_not_call_an_observation() -> None:
    # "officers would patrol the park this week, the inspector said": a promise (review 36).
    b = ArticleBuilder("Dogs", ["Officers would patrol the park this week, Inspector Gareth Lowe said."])
    b.source("lowe", "Gareth Lowe", "named_official", ["Inspector Gareth Lowe said"])
    b.claim("Officers would patrol the park this week", "attributed", source="lowe")
    assert questions_of(b.build(), "support") == []


def test_spot_hedge_skips_a_claim_whose_cue_says_it_is_not_known() -> None:
    # "too early to say whether the drop will last": not knowing is the claim (review 37).
    b = ArticleBuilder("Lanes", ["One year of figures is too early to say whether the drop will last."])
    b.claim(
        "One year of figures is too early to say whether the drop will last",
        "hedged",
        cues=["too early to say"],
    )
    assert questions_of(b.build(), "spot_hedge") == []


def test_statement_kind_skips_a_forecast_the_note_calls_a_promise() -> None:
    # "the lane was here to stay", from the official who decides (review 37).
    b = ArticleBuilder(
        "Lanes", ["The lane is here to stay and will not be removed, the council leader said."]
    )
    b.claim(
        "The lane is here to stay and will not be removed",
        "unattributed",
        kind="prediction",
        note="This is a promise by the person who decides.",
    )
    assert of_kind_statement(b.build()) == []


def of_kind_statement(article: Article) -> list[Question]:
    return questions_of(article, "statement_kind")


# --- blind reviews 38 to 41 ---------------------------------------------------------------------------


def test_who_said_it_offers_only_people_for_words_only_people_say() -> None:
    # "they had no idea their children were using it": a study, a paper or a firm on offer is no
    # real choice (reviews 39 and 40).
    text = [
        "Many parents say they had no idea their children were using the app at all.",
        "The Courier said the app was popular. Brightline, which makes it, said it was safe to use.",
        "A study by Dr Ann Cole found marks fell. Some teachers say homework got shorter.",
    ]
    b = ArticleBuilder("Homework", text)
    b.source("parents", "many parents", "vague", ["Many parents say"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier said"])
    b.source("brightline", "Brightline", "named_organisation", ["Brightline, which makes it, said"])
    b.source("study", "Dr Ann Cole's study", "document_or_data", ["A study by Dr Ann Cole found"])
    b.source("teachers", "some teachers", "vague", ["Some teachers say"])
    b.claim("they had no idea their children were using the app at all", "attributed", source="parents")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            if "children" in question.quote:
                assert not {"the Courier", "Brightline", "Dr Ann Cole's study"} & set(question.choices)


def test_who_said_it_skips_words_about_the_speakers_own_trade_or_a_bodys_own_rules() -> None:
    # "pubs like mine might not survive" (review 38); "its youth guidelines already recommend two
    # rest days" (review 41).
    text = [
        "Tony Briggs said pubs like mine might not survive another winter. Ann Cole said the park was loud.",
        "The Football Association said its youth guidelines already recommend two rest days a week.",
        "Marcus Obi said the festival was too long. The Echo said tickets sold out.",
    ]
    b = ArticleBuilder("Festival", text)
    b.source("briggs", "Tony Briggs, landlord of the Red Lion", "named_person", ["Tony Briggs said"])
    b.source("cole", "Ann Cole", "named_person", ["Ann Cole said"])
    b.source("fa", "the Football Association", "named_organisation", ["The Football Association said"])
    b.source("obi", "Marcus Obi", "named_person", ["Marcus Obi said"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo said"])
    b.claim("pubs like mine might not survive another winter", "attributed", source="briggs")
    b.claim("its youth guidelines already recommend two rest days a week", "attributed", source="fa")
    b.claim("the festival was too long", "attributed", source="obi")
    asked = {q.quote for q in questions_of(b.build(), "who_said_it")}
    assert asked == {"the festival was too long"}


def test_support_skips_an_unhedged_fact_holding_an_approximate_word() -> None:
    # "protect around 400 homes": an estimate, so "hedged" could be defended (review 40).
    b = ArticleBuilder("Floods", ["The wall will be finished in May. The wall protects around 400 homes."])
    b.claim("The wall protects around 400 homes", "unattributed")
    assert questions_of(b.build(), "support") == []


def test_how_to_check_keeps_a_name_whole_at_a_thousands_comma() -> None:
    # "Dr Adeyemi's study of 1,200 pupils", not "Dr Adeyemi's study of 1" (review 39).
    text = [
        "Dr Adeyemi's study of 1,200 pupils found that marks fell by six per cent in a year.",
        OTHER_RECORD,
    ]
    b = ArticleBuilder("Homework", text)
    add_other_record(b)
    b.source(
        "study",
        "Dr Adeyemi's study of 1,200 pupils",
        "document_or_data",
        ["Dr Adeyemi's study of 1,200 pupils found"],
    )
    b.claim("marks fell by six per cent in a year", "attributed", source="study")
    (question,) = questions_of(b.build(), "how_to_check")
    assert right_choice(question) == "Look at the original yourself: Dr Adeyemi's study of 1,200 pupils"


def test_a_quiz_keeps_apart_an_explanation_and_a_question_on_the_claim_it_quotes() -> None:
    # "Even the insurer only says households 'may find cover very hard to get'" beside "who said
    # 'households may find cover very hard to get'?" (review 40).
    quoted = Question(
        "who_said_it", CHOICE, "sources", "Who?", "", ("a", "b", "c"), (0,),
        quote="households may find cover very hard to get", extra={"claim": 3},
    )  # fmt: skip
    explaining = Question(
        "headline_check", CHOICE, "framing", "Headline?", "Even the insurer only says households "
        "'may find cover very hard to get'.", ("a", "b", "c"), (0,),
    )  # fmt: skip
    other = replace(explaining, explanation="The article says repairs are late.")
    assert conflicts(explaining, quoted) and not conflicts(other, quoted)


def test_a_quiz_keeps_apart_two_questions_of_one_kind_on_one_sentence() -> None:
    # Two "how well supported" on the two halves of one sentence: the first answers the second
    # (review 41).
    text = [
        "Children as young as eight are being scouted by clubs, and families now spend thousands "
        "on private coaching every year."
    ]
    b = ArticleBuilder("Football", text)
    b.claim("Children as young as eight are being scouted by clubs", "unattributed")
    b.claim("families now spend thousands on private coaching every year", "unattributed")
    first, second = questions_of(b.build(), "support")
    assert first.extra["sentence"] == second.extra["sentence"]
    assert conflicts(first, second)


def test_find_framing_asks_about_the_headline_only_where_one_word_too_many_costs_little() -> None:
    # In a ten-word headline one plausible extra word cost a third of the marks (reviews 35, 36).
    short = ArticleBuilder(
        "Council Report Says Festival Noise Broke Limits Across Town", ["The report found 78 decibels."]
    )
    short.frame("Broke", "loaded_language", note="The report found one reading over the limit.")
    short.framing_complete = {0}
    assert questions_of(short.build(), "find_framing") == []
    long = ArticleBuilder(
        "Council Report Says Festival Noise Broke Limits Across The Whole Town On Every Single Night",
        ["The report found 78 decibels."],
    )
    long.frame("Broke", "loaded_language", note="The report found one reading over the limit.")
    long.framing_complete = {0}
    (question,) = questions_of(long.build(), "find_framing")
    assert score_answer(question, _select(question, "Broke", "Whole")).score >= 1 - 1 / 6 - 1e-9


def test_who_said_it_offers_only_people_for_what_someone_saw() -> None:
    # "two of the questions 'looked the same' as the ones in the picture": figures see nothing
    # (review 45).
    text = [
        "One pupil said two of the questions looked the same as the ones in the picture.",
        "The board's figures show 40 leaks since 2019. Mr Reed said the school was calm.",
        "Some parents say the exam should be taken again.",
    ]
    b = ArticleBuilder("Exam", text)
    b.source("pupil", "an unnamed pupil", "anonymous", ["One pupil said"])
    b.source("figures", "the board's figures", "document_or_data", ["The board's figures show"])
    b.source("reed", "Mr Reed", "named_person", ["Mr Reed said"])
    b.source("parents", "some parents", "vague", ["Some parents say"])
    b.claim("two of the questions looked the same as the ones in the picture", "attributed", source="pupil")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            if "looked" in question.quote:
                assert "the board's figures" not in question.choices


def test_find_sources_a_mention_quoted_past_its_verb_keeps_only_who_and_the_verb() -> None:
    # "He said the board", quoted past "said" to be unique (review 45); "told the Gazette" keeps
    # the outlet it was told to.
    text = [
        "Dr Marcus Lee said the board had been careless. He said the board may never find out who "
        "took the picture. One parent told the Gazette it was unfair."
    ]
    b = ArticleBuilder("Exam", text)
    b.source("lee", "Dr Marcus Lee", "named_person", ["Dr Marcus Lee said", "He said the board"])
    b.source("parent", "one parent", "anonymous", ["One parent told the Gazette"])
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text == ["Dr Marcus Lee said", "He said", "One parent told the Gazette"]


def test_statement_kind_skips_an_observation_in_a_sentence_with_a_deadline_to_come() -> None:
    # "she had asked the board for a full report within a fortnight" (review 45).
    b = ArticleBuilder(
        "Exam", ["She had asked the board for a full report within a fortnight, the minister said."]
    )
    b.claim("She had asked the board for a full report", "unattributed", kind="observation")
    assert questions_of(b.build(), "statement_kind") == []


# --- blind reviews 42 to 45 ---------------------------------------------------------------------------


def test_who_said_it_skips_a_brands_words_that_call_it_by_a_compound() -> None:
    # "since the Dunmere-based brand launched in 2021" on the brand's own website (review 43).
    text = [
        "PureGlow's website says sales have tripled since the Dunmere-based brand launched in 2021.",
        "Dr Ann Cole said the tea did nothing. Some fans say they feel better.",
    ]
    b = ArticleBuilder("Tea", text)
    b.source("site", "PureGlow's website", "document_or_data", ["PureGlow's website says"])
    b.source("cole", "Dr Ann Cole", "named_person", ["Dr Ann Cole said"])
    b.source("fans", "some fans", "vague", ["Some fans say"])
    b.claim("sales have tripled since the Dunmere-based brand launched in 2021", "attributed", source="site")
    assert [q for q in questions_of(b.build(), "who_said_it") if "brand" in q.quote] == []


def test_who_said_it_offers_no_source_whose_name_shares_a_noun_with_the_words() -> None:
    # "the leaflet swung the vote" beside "an unsigned leaflet" on offer (review 44).
    text = [
        "Some villagers say the leaflet swung the vote. An unsigned leaflet called the estate a monster.",
        "Harcourt Homes said it would appeal. Jess Barker said she could not afford a house.",
    ]
    b = ArticleBuilder("Estate", text)
    b.source("villagers", "some villagers", "vague", ["Some villagers say"])
    b.source("leaflet", "an unsigned leaflet", "document_or_data", ["An unsigned leaflet called"])
    b.source("harcourt", "Harcourt Homes", "named_organisation", ["Harcourt Homes said"])
    b.source("barker", "Jess Barker", "named_person", ["Jess Barker said"])
    b.claim("the leaflet swung the vote", "attributed", source="villagers")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            if "swung" in question.quote:
                assert "an unsigned leaflet" not in question.choices


def test_who_said_it_offers_only_people_for_a_persons_we() -> None:
    # "We'll probably end up in town" from a young couple: no wildlife trust on offer (review 44).
    text = [
        '"We will probably end up in town," said Jess Barker, who cannot afford a house here.',
        "The Westvale Wildlife Trust said the fields held rare birds. Tom Reed said the roads were busy.",
    ]
    b = ArticleBuilder("Estate", text)
    b.source("barker", "Jess Barker", "named_person", ["said Jess Barker"])
    b.source(
        "trust", "the Westvale Wildlife Trust", "named_organisation", ["The Westvale Wildlife Trust said"]
    )
    b.source("reed", "Tom Reed", "named_person", ["Tom Reed said"])
    b.claim("We will probably end up in town", "attributed", source="barker")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "the Westvale Wildlife Trust" not in question.choices


def test_how_to_check_skips_a_forecast_framing_or_an_unsigned_document() -> None:
    # Re-reading a leaflet only shows it said so (review 44).
    text = [
        "An unsigned leaflet says the estate would bring crime to the village within a year.",
        OTHER_RECORD,
    ]
    b = ArticleBuilder("Estate", text)
    b.source("leaflet", "an unsigned leaflet", "document_or_data", ["An unsigned leaflet says"])
    add_other_record(b)
    b.claim("the estate would bring crime to the village within a year", "attributed", source="leaflet")
    assert questions_of(b.build(), "how_to_check") == []
    b = ArticleBuilder(
        "Estate", ["The council's planning report says the estate floods twice a year.", OTHER_RECORD]
    )
    b.source(
        "report", "the council's planning report", "document_or_data", ["The council's planning report says"]
    )
    add_other_record(b)
    b.claim("the estate floods twice a year", "attributed", source="report")
    assert len(questions_of(b.build(), "how_to_check")) == 1
    b.claims[0] = replace(b.claims[0], kind="prediction")
    assert questions_of(b.build(), "how_to_check") == []
    b.claims[0] = replace(b.claims[0], kind=None)
    b.frame("floods", "loaded_language")
    assert questions_of(b.build(), "how_to_check") == []


def test_statement_kind_skips_a_prediction_that_guesses_about_now() -> None:
    # "could be putting off a visit to the doctor": a guess about now, not later (review 43).
    b = ArticleBuilder("Tea", ["Young people who copy the trend could be putting off a visit to the doctor."])
    b.claim(
        "Young people who copy the trend could be putting off a visit to the doctor",
        "unattributed",
        kind="prediction",
    )
    assert questions_of(b.build(), "statement_kind") == []


def test_spot_hedge_about_to_is_no_rough_size() -> None:
    # "suggested that that is about to change": "about" sizes nothing here, so "change" costs marks
    # (found when "about 400" became free beside a doubt word).
    b = ArticleBuilder("Raqqa", ["Le Drian suggested on Sunday that the plan is about to change for good."])
    b.claim("Le Drian suggested on Sunday that the plan is about to change", "hedged", cues=["suggested"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert "extra" not in question.extra or not question.extra.get("free")
    assert "roughly" not in question.explanation


def test_headline_check_of_one_word_says_this_word_and_of_several_these_words() -> None:
    # "How do these words compare" of the lone "Thousands" read as a slip (reviews 454, 459, 464).
    for marked, forms in (("Slashes", HEADLINE_ONE_WORD_FORMS), ("Slashes' Library Hours", HEADLINE_FORMS)):
        b = library_builder()
        b.frame(marked, "headline_body_mismatch", note="The article says two hours a day, not a slash.")
        for seed in range(10):
            (question,) = questions_of(b.build(), "headline_check", seed)
            asked, right, choices = next(f for f in forms if question.prompt.endswith(f[0]))
            assert right_choice(question) == right
            assert sorted(question.choices) == sorted(choices)
            text = " ".join((question.prompt, *question.choices))
            if forms is HEADLINE_ONE_WORD_FORMS:
                assert "these words" not in text and "They say" not in text
            else:
                assert "this word" not in text
