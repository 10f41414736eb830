"""The reasoning kinds (issue 13): how would you check it, the source chain, headline against body
with the evidence, and observation/opinion/prediction.  Each is asked exactly where the annotations
make its key certain and nowhere else, the same way for the same seed, and passes the audit on the
project's articles and on an article none of them was written for (data/unseen_bridge_article.yaml).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from itertools import permutations
from pathlib import Path

import pytest

from app.domain.article import SKILLS, Article
from app.domain.audit import audit_article
from app.domain.generate import KINDS, all_questions, build_quiz
from app.domain.kinds.headline_evidence import NONE_OF_THEM
from app.domain.kinds.how_to_check import CHECKABLE_KEY, WRONG_STEPS
from app.domain.kinds.source_chain import ARROW, THIS_ARTICLE
from app.domain.kinds.statement_kind import OBSERVATION, OPINION, PREDICTION, STATEMENT_CHOICES
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, Question
from app.domain.quiz_rules import clash_sets, conflicts, gives_key_away
from app.domain.validation import validate_article
from tests.unit.article_factory import (
    OTHER_RECORD,
    QUESTIONS_DIR,
    ArticleBuilder,
    add_other_record,
    project_vocabulary,
    vocabulary,
)

VOCABULARY = vocabulary()
PROJECT_VOCABULARY = project_vocabulary()
UNSEEN = Path(__file__).parent / "data" / "unseen_bridge_article.yaml"
NEW_KINDS = ("how_to_check", "source_chain", "headline_evidence", "statement_kind")


def of_kind(article: Article, kind: str, seed: int = 0, voc: object = None) -> list[Question]:
    questions = all_questions(article, VOCABULARY if voc is None else voc, random.Random(seed))  # type: ignore[arg-type]
    return [q for q in questions if q.kind == kind]


def key(question: Question) -> str:
    (index,) = question.answer
    return question.choices[index]


def load(path: Path) -> Article:
    result = validate_article(path.read_bytes(), str(path), PROJECT_VOCABULARY)
    assert result.article is not None, result.problems
    return result.article


def project_articles() -> list[Path]:
    return sorted(p for p in QUESTIONS_DIR.glob("*.yaml") if p.name != "vocabulary.yaml")


def test_the_new_kinds_are_registered_under_the_skill_they_test() -> None:
    skills = {name: KINDS[name].skill for name in NEW_KINDS}
    assert skills == {
        "how_to_check": "claims",
        "source_chain": "sources",
        "headline_evidence": "framing",
        "statement_kind": "claims",
    }
    assert all(KINDS[name].type == CHOICE and KINDS[name].title for name in NEW_KINDS)


# --- Observation, opinion or prediction ----------------------------------------------------------


def statements() -> ArticleBuilder:
    b = ArticleBuilder(
        "Pool Opens Again",
        [
            "The pool reopened on Friday after a new roof was fitted. "
            "The new roof is ugly. Visitor numbers will rise by summer.",
        ],
    )
    return b


def test_statement_kind_is_asked_exactly_where_the_teacher_set_kind() -> None:
    b = statements()
    b.claim("The pool reopened on Friday", "unattributed", kind="observation")
    b.claim("The new roof is ugly", "unattributed", kind="opinion")
    b.claim("Visitor numbers will rise by summer", "unattributed", kind="prediction")
    b.claim("a new roof was fitted", "unattributed")  # no kind: never guessed
    questions = of_kind(b.build(), "statement_kind")
    assert {q.quote: key(q) for q in questions} == {
        "The pool reopened on Friday": OBSERVATION,
        "The new roof is ugly": OPINION,
        "Visitor numbers will rise by summer": PREDICTION,
    }
    for question in questions:
        assert sorted(question.choices) == sorted(STATEMENT_CHOICES)
        assert question.skill == "claims" and not gives_key_away(question)
        assert len(question.extra["definitions"]) == 3 and all(question.extra["definitions"])
        assert key(question) in question.explanation  # the explanation ends with the key's definition


def test_a_claim_whose_note_describes_its_source_is_about_that_source_too() -> None:
    # "Only one unnamed staffer says this", shown after the statement question, answers "what kind
    # of source is the staffer"; a note that does not describe the source leaves them apart.
    b = ArticleBuilder(
        "Cameras",
        ["The cameras were bought in a hurry, one council staffer said on Monday."],
    )
    b.source("staffer", "a council staffer", "anonymous", ["one council staffer said"])
    b.claim(
        "The cameras were bought in a hurry",
        "attributed",
        source="staffer",
        kind="opinion",
        note="Only one unnamed staffer says this.",
    )
    article = b.build()
    (statement,) = of_kind(article, "statement_kind")
    assert "source:staffer" in statement.extra["about"]
    b.claims[0] = replace(b.claims[0], note="Nobody checked the dates.")
    (statement,) = of_kind(b.build(), "statement_kind")
    assert not any(subject.startswith("source:") for subject in statement.extra["about"])


def test_statement_kind_skips_an_observation_in_a_sentence_about_the_future() -> None:
    # The claim's words read as a count; the sentence makes it a forecast of spending.
    b = ArticleBuilder(
        "Cameras",
        ["The draft budget for next year lists another $310,000 a year to run them.", "The pool reopened."],
    )
    b.claim("another $310,000 a year to run them", "unattributed", kind="observation")
    b.claim("The pool reopened", "unattributed", kind="observation")
    assert [q.quote for q in of_kind(b.build(), "statement_kind")] == ["The pool reopened"]


def test_statement_kind_skips_words_marked_as_two_kinds() -> None:
    b = statements()
    b.claim("The new roof is ugly", "unattributed", kind="opinion")
    b.claim("roof is ugly", "unattributed", kind="observation")
    assert of_kind(b.build(), "statement_kind") == []


def test_statement_kind_skips_a_non_opinion_holding_words_marked_as_framing() -> None:
    """Marked framing is somebody's view: "An opinion" could be defended too."""
    b = statements()
    b.claim("Visitor numbers will rise by summer", "unattributed", kind="prediction")
    assert [key(q) for q in of_kind(b.build(), "statement_kind")] == ["A prediction"]
    b.frame("will rise", "exaggeration_minimisation")
    assert of_kind(b.build(), "statement_kind") == []
    opinion = statements()
    opinion.claim("The new roof is ugly", "unattributed", kind="opinion")
    opinion.frame("ugly", "loaded_language")
    assert [key(q) for q in of_kind(opinion.build(), "statement_kind")] == ["An opinion"]


# --- How would you check it ----------------------------------------------------------------------

CHECK_TEXT = [
    "The bus service will end in May, according to a council report. "
    "Fares went up last year, Mayor Tom Hill said.",
    "A driver told the Daily Post that the buses were often late. "
    "Some residents say the timetable was never kept.",
    "According to the Daily Post, nobody was consulted. Critics say the decision is a disgrace.",
]


def checking(text: list[str] = CHECK_TEXT) -> ArticleBuilder:
    b = ArticleBuilder("Bus Service to End", text)
    b.source("report", "the council report", "document_or_data", ["according to a council report"])
    b.source("hill", "Tom Hill, the mayor", "named_official", ["Mayor Tom Hill said"])
    # As teachers annotate an outlet: its name inside "told the Daily Post" is a mention too.
    b.source(
        "post",
        "the Daily Post",
        "news_outlet",
        [b.span("the Daily Post", block=2), "According to the Daily Post"],
    )
    b.source("driver", "an unnamed driver", "anonymous", ["A driver told the Daily Post"], via="post")
    b.source("residents", "some residents", "vague", ["Some residents say"])
    b.source("critics", "unnamed critics", "vague", ["Critics say"])
    return b


def test_how_to_check_keys_come_from_the_source_type_and_its_relay() -> None:
    b = checking()
    b.claim("The bus service will end in May", "attributed", source="report")
    b.claim("the buses were often late", "attributed", source="driver")
    b.claim("the timetable was never kept", "attributed", source="residents")
    questions = of_kind(b.build(), "how_to_check")
    assert {q.quote: key(q) for q in questions} == {
        "The bus service will end in May": "Look at the original yourself: the council report",
        "the buses were often late": "Find the Daily Post's own report of it",
    }
    # "Some residents say": beside "look for a named source", only steps that check nothing would be
    # on offer, and the key would be found without the article (reviews 214 to 219): not asked.
    # Where the key names an outlet or a document, one wrong answer names it too (trusting it
    # unchecked), so the key is not the only choice that names something from the article.
    trusting = {
        "The bus service will end in May": "Nothing: it comes from the council report, so it must be true",
        "the buses were often late": "Nothing: the Daily Post reported it, so it must be true",
    }
    # And one is a real check in the wrong place: the other record or outlet the article names
    # (without it the key was the only real step, found without reading: reviews 224 and 225).
    elsewhere = {
        "The bus service will end in May": "Find the Daily Post's own report of it",
        "the buses were often late": "Look at the original yourself: the council report",
    }
    for question in questions:
        wrong = [c for i, c in enumerate(question.choices) if i not in question.answer]
        expected = trusting[question.quote]
        assert len(wrong) == 3 and set(wrong) - {expected, elsewhere[question.quote]} <= set(WRONG_STEPS)
        assert expected in wrong and elsewhere[question.quote] in wrong
        assert question.skill == "claims" and not gives_key_away(question)
    relayed = next(q for q in questions if q.quote == "the buses were often late")
    # It quotes the words that show the relay, in the claim's own sentence.
    assert '"A driver told the Daily Post"' in relayed.explanation


def test_how_to_check_asks_nothing_where_the_first_step_is_a_judgement() -> None:
    b = checking()
    b.claim("Fares went up last year", "attributed", source="hill")  # named official, no relay
    b.claim("nobody was consulted", "unattributed")  # no source at all
    b.claim("the decision is a disgrace", "attributed", source="critics", kind="opinion")  # a view
    b.frame("a disgrace", "loaded_language")
    assert of_kind(b.build(), "how_to_check") == []


def test_how_to_check_a_document_a_newspaper_obtained_is_checked_through_the_newspaper() -> None:
    """A memo "obtained by the Daily Post" may not be public: reading it yourself is no key."""
    b = ArticleBuilder(
        "Bus Service to End",
        [
            "The service will cost less, according to a council memo obtained by the Daily Post on Monday.",
            OTHER_RECORD,
        ],
    )
    b.source("post", "the Daily Post", "news_outlet", ["obtained by the Daily Post"])
    add_other_record(b)
    b.source("memo", "a council memo", "document_or_data", ["according to a council memo"], via="post")
    b.claim("The service will cost less", "attributed", source="memo")
    (question,) = of_kind(b.build(), "how_to_check")
    assert key(question) == "Find the Daily Post's own report of it"
    assert "can be looked for" not in question.explanation
    # The outlet saw a document: its report may show more of it, not "when they were said".
    assert "more of the document" in question.explanation and "who else was there" not in question.explanation


def _one_resident(said: str) -> ArticleBuilder:
    """One unnamed resident's claim (a loose group's is not asked: see the test above)."""
    b = ArticleBuilder(
        "Bus Service to End",
        [f"Mayor Tom Hill said fares went up. One resident, who asked not to be named, said {said}."],
    )
    b.source("hill", "Tom Hill, the mayor", "named_official", ["Mayor Tom Hill said"])
    b.source(
        "resident", "an unnamed resident", "anonymous", ["One resident, who asked not to be named, said"]
    )
    b.claim(said, "attributed", source="resident")
    return b


def test_how_to_check_skips_an_unnamed_sources_hedged_forecast() -> None:
    assert [
        key(q) for q in of_kind(_one_resident("the timetable was never kept").build(), "how_to_check")
    ] == [CHECKABLE_KEY]
    assert of_kind(_one_resident("the timetable may never be kept").build(), "how_to_check") == []


def test_how_to_check_skips_an_unnamed_sources_forecast_in_will_or_would() -> None:
    # "would finally give Rovers a chance": a second source cannot check what has not happened yet.
    assert of_kind(_one_resident("the timetable would never be kept").build(), "how_to_check") == []


def test_statement_kind_skips_a_condition_unless_it_is_a_prediction() -> None:
    b = ArticleBuilder("Phones", ["If you take the phones away, children learn, the head said."])
    b.claim("If you take the phones away, children learn", "unattributed", kind="opinion")
    assert of_kind(b.build(), "statement_kind") == []
    # "Once an evening route goes, it never comes back": a condition too (review 188); "once a week"
    # is none.
    for claim, asked in (
        ("Once an evening route goes, it never comes back", False),
        ("The buses ran once a week and the route was popular", True),
    ):
        b = ArticleBuilder("Buses", [f"{claim}, she said."])
        b.claim(claim, "unattributed", kind="opinion")
        assert bool(of_kind(b.build(), "statement_kind")) is asked, claim


def test_statement_kind_skips_a_claim_holding_two_statements_or_a_judgement_in_a_forecast() -> None:
    cases = [
        # A relative clause is a second statement, an observation beside the forecast.
        ("Poorer families, who often have no quiet room, would suffer, she said.", "prediction"),
        # A choice between two courses: a view and a consequence at once.
        ("Parents must buy the vitamins, or watch their children fall behind.", "opinion"),
        # Who is hit hardest is a judgement.
        ("The youngest readers would be hit hardest by the closure, she said.", "prediction"),
        # A view about what will happen is a forecast too.
        ("This decision will ruin the whole town centre, she said.", "opinion"),
        # Two clauses, each with its own subject: one may be observed, the other a view.
        ("FreshWay has lost customers for years, and its stores have not kept up, she said.", "opinion"),
        # A ranking can be measured: "observed" could be defended.
        ("Scooters are one of the safest ways to get around, she said.", "opinion"),
    ]
    for text, kind in cases:
        b = ArticleBuilder("Library", [text])
        b.claim(text.split(", she said")[0].rstrip("."), "unattributed", kind=kind)
        assert of_kind(b.build(), "statement_kind") == [], text
    b = ArticleBuilder("Library", ["Book loans would fall by a fifth next year, the report said."])
    b.claim("Book loans would fall by a fifth next year", "unattributed", kind="prediction")
    assert len(of_kind(b.build(), "statement_kind")) == 1


def test_statement_kind_skips_a_forecast_or_observation_brought_in_as_a_belief_or_judged() -> None:
    # "He believes a ban would only hurt small shops": a view as well as a forecast (review 29).
    cases = [
        (
            "Mr Gupta believes a ban would hurt small shops like his.",
            "a ban would hurt small shops like his",
            "prediction",
        ),
        (
            "Mr Gupta said a ban would only hurt small shops like his.",
            "a ban would only hurt small shops like his",
            "prediction",
        ),
        (
            "She thinks the queues were longer than last year.",
            "the queues were longer than last year",
            "observation",
        ),
    ]
    for text, claim, kind in cases:
        b = ArticleBuilder("Drinks", [text])
        b.claim(claim, "unattributed", kind=kind)
        assert of_kind(b.build(), "statement_kind") == [], text
    b = ArticleBuilder("Drinks", ["Mr Gupta said a ban would hurt small shops like his."])
    b.claim("a ban would hurt small shops like his", "unattributed", kind="prediction")
    assert len(of_kind(b.build(), "statement_kind")) == 1


def test_statement_kind_skips_an_uncounted_observation_and_any_disputed_claim() -> None:
    cases = [
        # "many" was never counted: an impression more than an observation.
        ("Many of her pupils now struggle to finish a novel.", "observation", "unattributed", ""),
        # The teacher's note says it cannot be checked; the key's definition says it could be.
        ("Her pupils now read two books a term.", "observation", "unattributed", "We cannot check it."),
        # Disputed with figures: the opinion key's rival, "observed", could be defended.
        ("Audiobooks saved reading for a generation.", "opinion", "disputed", ""),
    ]
    for text, kind, status, note in cases:
        b = ArticleBuilder("Reading", [text])
        b.claim(text.rstrip("."), status, kind=kind, note=note)
        assert of_kind(b.build(), "statement_kind") == [], text


def test_statement_kind_skips_a_hedged_claim_unless_it_is_a_prediction() -> None:
    # "It is possible this is a doping case": not settled yet, so "a prediction" could be defended.
    b = statements()
    b.claim("The new roof is ugly", "hedged", cues=["is"], kind="opinion")
    assert of_kind(b.build(), "statement_kind") == []


def test_statement_kind_skips_a_disputed_claim_unless_it_is_an_opinion() -> None:
    # Another source disagrees: "other people could disagree", the opinion's definition, fits too.
    b = statements()
    b.claim("Visitor numbers will rise by summer", "disputed", kind="prediction")
    assert of_kind(b.build(), "statement_kind") == []


def test_how_to_check_skips_an_opinion_whatever_its_source() -> None:
    # Reading the release only shows who holds the view, not whether it is right.
    b = ArticleBuilder(
        "Buses",
        [
            "The new timetable is a mess, according to a council report. Fares went up, Mayor Tom Hill said.",
            OTHER_RECORD,
        ],
    )
    b.source("report", "the council report", "document_or_data", ["according to a council report"])
    add_other_record(b)
    b.source("hill", "Tom Hill, the mayor", "named_official", ["Mayor Tom Hill said"])
    b.claim("The new timetable is a mess", "attributed", source="report")
    assert len(of_kind(b.build(), "how_to_check")) == 1
    b.claims[0] = replace(b.claims[0], kind="opinion")
    assert of_kind(b.build(), "how_to_check") == []


def test_how_to_check_needs_the_relay_named_where_the_claim_is() -> None:
    b = ArticleBuilder(
        "Bus Service to End",
        ["The buses were often late, a driver said.", "He spoke to the Daily Post on Monday."],
    )
    b.source("post", "the Daily Post", "news_outlet", ["the Daily Post"])
    b.source("driver", "an unnamed driver", "anonymous", ["a driver said"], via="post")
    b.claim("The buses were often late", "attributed", source="driver")
    assert of_kind(b.build(), "how_to_check") == []


# --- The source chain ----------------------------------------------------------------------------


def chain_article(*, outlet_elsewhere: bool = False, other_road: bool = False) -> ArticleBuilder:
    paragraphs = ["Rivermouth FM reported that a nurse had heard from a porter that the ward would close."]
    if other_road:
        # The same paragraph names the chain, but says these words came another way.
        paragraphs = [
            "Rivermouth FM reported that a nurse had heard from a porter that the ward was short of beds. "
            "At a public meeting, the porter said the ward would close."
        ]
    if outlet_elsewhere:
        paragraphs = [
            "A nurse said she had heard from a porter that the ward would close.",
            "The nurse was speaking to Rivermouth FM.",
        ]
    b = ArticleBuilder("Ward to Close", paragraphs)
    if outlet_elsewhere:
        b.source("fm", "Rivermouth FM", "news_outlet", ["Rivermouth FM"])
        b.source("nurse", "an unnamed nurse", "anonymous", ["A nurse said"], via="fm")
    else:
        b.source("fm", "Rivermouth FM", "news_outlet", ["Rivermouth FM reported"])
        b.source("nurse", "an unnamed nurse", "anonymous", ["a nurse had heard"], via="fm")
    b.source(
        "porter",
        "an unnamed porter",
        "anonymous",
        ["from a porter", *(["the porter said"] if other_road else [])],
        via="nurse",
    )
    b.claim("the ward would close", "attributed", source="porter")
    return b


def test_the_source_chain_orders_the_links_from_the_first_speaker_to_this_article() -> None:
    (question,) = of_kind(chain_article().build(), "source_chain")
    right = ARROW.join(["an unnamed porter", "an unnamed nurse", "Rivermouth FM", THIS_ARTICLE])
    assert key(question) == right
    orders = {ARROW.join([*order, THIS_ARTICLE]) for order in permutations(right.split(ARROW)[:3])}
    assert len(question.choices) == 4 and set(question.choices) <= orders
    assert question.skill == "sources" and not gives_key_away(question)
    assert question.explanation.startswith("The order is: an unnamed porter said it first")


def test_the_source_chain_is_not_asked_for_short_or_scattered_chains() -> None:
    # A link named only in another paragraph: the article may not make it for these words.
    assert of_kind(chain_article(outlet_elsewhere=True).build(), "source_chain") == []
    # Two links have only two orders: too few choices.
    b = ArticleBuilder("Ward to Close", ["A nurse told Rivermouth FM that the ward would close."])
    b.source("fm", "Rivermouth FM", "news_outlet", ["Rivermouth FM"])
    b.source("nurse", "an unnamed nurse", "anonymous", ["A nurse told Rivermouth FM"], via="fm")
    b.claim("the ward would close", "attributed", source="nurse")
    assert of_kind(b.build(), "source_chain") == []


# --- Headline against body -----------------------------------------------------------------------


def headline_article(
    note: str,
    technique: str = "headline_body_mismatch",
    headline: str = "Town Bans Cars From Centre",
    marked: str = "Bans Cars",
) -> Article:
    b = ArticleBuilder(
        headline,
        [
            "The council voted to study a plan to limit cars in the centre. "
            "A final decision is expected next year.",
            "Councillor Ann Reed said the plan could be ready by the spring.",
        ],
    )
    b.frame(marked, technique, note=note)
    return b.build()


NOTE = (
    'The headline says "Bans Cars", but the council only voted to "study a plan", a decision is '
    '"expected next year" and a councillor says it "could be ready by the spring".'
)


def test_a_chain_named_in_the_paragraph_but_not_in_the_claims_sentence_is_not_asked() -> None:
    # via is set once per source; this sentence says the porter's words reached us another way.
    article = chain_article(other_road=True).build()
    assert of_kind(article, "source_chain") == []
    assert of_kind(article, "how_to_check") == []


def test_headline_evidence_offers_the_sentences_the_note_quotes_and_keys_none() -> None:
    (question,) = of_kind(headline_article(NOTE), "headline_evidence")
    assert key(question) == NONE_OF_THEM
    # "... to limit cars in the centre" backs "Bans Cars" up in part: never a wrong choice.
    assert sorted(c for c in question.choices if c != NONE_OF_THEM) == sorted(
        [
            "A final decision is expected next year.",
            "Councillor Ann Reed said the plan could be ready by the spring.",
        ]
    )
    assert question.skill == "framing" and NOTE in question.explanation
    assert question.prompt.endswith("says all that these words say, if any?")
    # Of one word, "this word" ("these words" of "Bans" read as a slip, review 464).
    (one,) = of_kind(headline_article(NOTE, marked="Bans"), "headline_evidence")
    assert one.prompt.endswith("says all that this word says, if any?")


def test_headline_evidence_is_not_asked_where_a_sentence_says_the_headlines_words() -> None:
    # "Puts Patients in the Driving Seat", quoted whole from the trust in paragraph 2: "none of them
    # says all that these words say" was the key (review 331).
    b = ArticleBuilder(
        "New App Puts Patients in the Driving Seat",
        [
            "The hospital trust launched an app for booking blood tests on Monday. "
            "A final review is expected next year.",
            'The trust said the app "puts patients in the driving seat". Councillor Ann Reed said it '
            "could be ready by the spring.",
        ],
    )
    note = (
        "The headline takes the trust's words as its own. The article says a review is \"expected "
        'next year" and a councillor says it "could be ready by the spring".'
    )
    b.frame("Puts Patients in the Driving Seat", "headline_body_mismatch", note=note)
    assert of_kind(b.build(), "headline_evidence") == []
    b.paragraphs = (
        b.paragraphs[0],
        b.paragraphs[1].replace("puts patients in the driving seat", "is simple"),
    )
    assert of_kind(b.build(), "headline_evidence") != []


def test_headline_evidence_never_offers_a_sentence_that_turns_against_the_headline() -> None:
    # "..., but the plan might never happen": nobody would take it for the headline's evidence.
    b = ArticleBuilder(
        "Town Bans Cars From Centre",
        [
            "The council voted to study a plan to limit cars in the centre. "
            "A final decision is expected next year.",
            "Councillor Ann Reed welcomed the vote, but said the plan might never happen.",
        ],
    )
    b.frame("Bans Cars", "headline_body_mismatch", note=NOTE.replace("a councillor says it", "but"))
    assert of_kind(b.build(), "headline_evidence") == []


def test_headline_questions_skip_a_span_that_only_says_who_speaks() -> None:
    # "Scientists Say": the article may well match it; the overstatement is in what they say.
    b = ArticleBuilder(
        "Coral Will Save Reef, Scientists Say",
        ["Two scientists said the coral might help. A survey found that most reefs are still bleaching."],
    )
    b.frame(
        "Scientists Say", "headline_body_mismatch", note='Only "might help", and a survey "found" bleaching.'
    )
    article = b.build()
    assert of_kind(article, "headline_check") == [] and of_kind(article, "headline_evidence") == []


def test_headline_questions_ask_about_who_speaks_where_the_note_says_only_one_does() -> None:
    # "Experts Warn", where the note says the article quotes only one expert: the overstatement is
    # who, and the headline was left unasked (review 241).
    b = ArticleBuilder(
        "Experts Warn Bus Cut Will Leave Estate Stranded",
        ["Dr Lena Marsh, a transport researcher, warned that the cut was a false economy."],
    )
    b.frame(
        "Experts Warn",
        "headline_body_mismatch",
        note='The headline says "experts", but the article quotes only one expert, Dr Lena Marsh.',
    )
    assert len(of_kind(b.build(), "headline_check")) == 1


def test_headline_check_asks_about_one_speaker_even_where_others_say_other_things() -> None:
    # "..., Parents Say" where the note says one parent says it: "Some parents say the cost is another
    # worry" repeats "parents say", not what the headline has them say, and kept the headline out of
    # every quiz (review 268). The stem shows what they are said to say.
    b = ArticleBuilder(
        "Phone Pouches Leave Pupils Cut Off, Parents Say",
        [
            "Sarah Mitchell, whose son is in Year 8, said pupils were cut off from home all day. "
            "Some parents say the cost is another worry.",
        ],
    )
    b.frame("Parents Say", "headline_body_mismatch", note="The article quotes only one parent.")
    (question,) = of_kind(b.build(), "headline_check")
    assert question.prompt.startswith('The headline says "Phone Pouches Leave Pupils Cut Off, Parents Say".')
    b.framing[0] = replace(b.framing[0], note="Parents are not all of this view.")
    assert of_kind(b.build(), "headline_check") == []


def test_headline_questions_ask_about_a_span_whose_reporting_word_means_something_else() -> None:
    # "Asked For" is not "said", and "Nobody" claims something about everyone.
    for headline, span in (
        ("Council Opens Hub Nobody Asked For", "Nobody Asked For"),
        ("Council Opens Hub Parents Asked For", "Parents Asked For"),
    ):
        b = ArticleBuilder(
            headline,
            ["Two parents said they would use the new hub. The council's survey had 212 replies."],
        )
        b.frame(span, "headline_body_mismatch", note="Two parents say they would use it.")
        assert len(of_kind(b.build(), "headline_check")) == 1, headline


def test_headline_evidence_never_offers_a_sentence_that_denies_or_plays_down() -> None:
    # '"The numbers are not really comparable," the officer said' argues against the headline.
    b = ArticleBuilder(
        "Shoppers Flood Back to Market Street",
        [
            "Footfall rose by about 12 per cent in the first month. "
            '"The numbers are not really comparable," a council officer said. '
            "Two new cafes opened on the street in May.",
        ],
    )
    note = 'Only "about 12 per cent", "not really comparable", and "Two new cafes opened".'
    b.frame("Flood Back", "headline_body_mismatch", note=note)
    (question,) = of_kind(b.build(), "headline_evidence")
    assert all("comparable" not in choice for choice in question.choices)


def test_headline_evidence_is_not_asked_of_a_question_headline() -> None:
    # "Are Patients' Lives Being Gambled Away ...?": 'The headline says "Lives Being Gambled Away"'
    # made a statement of what it only asks (review 270); "headline against the article" asks instead.
    assert len(of_kind(headline_article(NOTE), "headline_evidence")) == 1
    asked = headline_article(
        NOTE, headline="Is the Town About to Ban Cars From Its Centre?", marked="Ban Cars"
    )
    assert of_kind(asked, "headline_evidence") == []


def test_headline_evidence_needs_a_headline_only_technique_and_two_quoted_sentences() -> None:
    assert of_kind(headline_article(NOTE, technique="loaded_language"), "headline_evidence") == []
    one_sentence = 'The headline says "Bans Cars", but the council only voted to "study a plan".'
    assert of_kind(headline_article(one_sentence), "headline_evidence") == []


# --- Every kind: the same for a seed, fair on the project's articles and on an unseen one ----------


def test_the_new_kinds_are_the_same_for_the_same_seed() -> None:
    article = load(UNSEEN)
    for seed in (1, 7):
        first = [q.to_dict() for q in all_questions(article, PROJECT_VOCABULARY, random.Random(seed))]
        again = [q.to_dict() for q in all_questions(article, PROJECT_VOCABULARY, random.Random(seed))]
        assert first == again
        assert [q.kind for q in build_quiz(article, PROJECT_VOCABULARY, seed)] == [
            q.kind for q in build_quiz(article, PROJECT_VOCABULARY, seed)
        ]


def test_the_unseen_article_gets_each_new_kind_only_where_its_annotations_are_certain() -> None:
    questions = all_questions(load(UNSEEN), PROJECT_VOCABULARY, random.Random(0))
    asked = {kind: sorted(q.quote for q in questions if q.kind == kind) for kind in NEW_KINDS}
    assert asked == {
        # The report (twice), the radio's driver; not the vague shop owners (beside "look for a
        # named source", only steps that check nothing), not the worker's words (two hands, the
        # driver and the radio, between them and this article: which to check first is a
        # judgement), not the named council leader or researcher, nor the opinion.
        "how_to_check": sorted(
            [
                "engineers found a crack in one of its supports",
                "looked about a metre long",
                "the bridge was last repaired in 1998",
            ]
        ),
        "source_chain": ['the bridge was "finished"'],
        # The note's sentences state the council leader's attributed claims with no hedge marked:
        # what they say might be read as the headline in other words, so no question.
        "headline_evidence": [],
        # Every claim with a kind; the worker's words have none.
        "statement_kind": sorted(
            [
                "engineers found a crack in one of its supports",
                "repairs could take several months",
                "looked about a metre long",
                "trade has already fallen by half",
                "Closing the bridge is a disaster for the whole town",
                "traffic on the bypass was likely to double while the bridge is shut",
                "the bridge was last repaired in 1998",
            ]
        ),
    }


@pytest.mark.parametrize("path", [UNSEEN, *project_articles()], ids=lambda p: p.name)
def test_every_article_passes_the_audit_with_the_new_kinds(path: Path) -> None:
    findings = [f.message for f in audit_article(load(path), PROJECT_VOCABULARY, seeds=20)]
    if path == UNSEEN:
        # Its framing is left unmarked on purpose, and the audit tells its teacher so.
        # Its headline question's explanation quotes the council leader's "repairs could take
        # several months", so no question on that claim shares its quiz (review 40), nor "find the
        # sources" on its paragraph, since it says the council leader said so (review 137): 6
        # questions, since a vague source's "who said it" offers no record as a wrong answer (review 81)
        # and its "how would you check it" would offer only steps that check nothing (review 219);
        # its one framing question is a sixth of six.
        assert sorted(m.split(":")[0] for m in findings) == [
            "20 of 20 quizzes have only 6 of the 12 questions asked for",
        ]
    else:
        assert findings == []


def _seed_overlap(article: Article, seeds: int = 20) -> float:
    """How much two seeds' quizzes share, on average (Jaccard of their questions)."""
    quizzes = [
        frozenset((q.kind, q.prompt) for q in build_quiz(article, PROJECT_VOCABULARY, s))
        for s in range(1, seeds + 1)
    ]
    shared = [len(a & b) / len(a | b) for i, a in enumerate(quizzes) for b in quizzes[i + 1 :]]
    return sum(shared) / len(shared)


def test_classes_with_different_seeds_get_different_quizzes() -> None:
    # Two classes (or a retake) should not get nearly the same quiz when the article allows many
    # more questions than one quiz holds: the least-crowding question must not win every seed.
    # Before the pick compared crowding coarsely, the sample articles' mean was 0.70 (three of six
    # at 0.74 to 0.90); an article with few questions of a skill still repeats them.
    # The river article dropped to fewer fair questions when vague sources stopped being asked
    # about (review 27), and again when two source questions on the halves of one sentence stopped
    # sharing a quiz (one's "no source" answered the other, review 78), and again when a vague
    # source's "how would you check it" stopped being asked (only steps that check nothing stood
    # beside its key, review 219): 24 questions for 12 places, its seeds share 0.86 (0.79 before that
    # last change), so the single-article bound is 0.87. The mean was 0.593 until a record offered as
    # the wrong place to check one claim stopped sharing a quiz with any question on that record's
    # claims (its name pointed at their source, review 228): the viral post's seeds went from 0.36 to
    # 0.45 and the mean to 0.607, so the mean bound was 0.61. Then a record's figure stopped being
    # offered beside private people in "who said it" (review 276): fewer wrong choices to vary, the
    # poll article's seeds went from 0.605 to 0.622 and the mean to 0.610, so the bound is 0.62.
    overlaps = [_seed_overlap(load(path)) for path in project_articles()]
    assert sum(overlaps) / len(overlaps) <= 0.62, overlaps
    assert max(overlaps) <= 0.87, overlaps


def test_the_default_quiz_mixes_the_new_kinds_in_and_keeps_the_skills_even() -> None:
    article = load(UNSEEN)
    pool = all_questions(article, PROJECT_VOCABULARY, random.Random(0))
    seen: Counter[str] = Counter()
    for seed in range(1, 21):
        quiz = build_quiz(article, PROJECT_VOCABULARY, seed)
        seen.update(q.kind for q in quiz)
        counts = Counter(q.skill for q in quiz)
        for skill in SKILLS:
            if counts[skill] < max(counts.values()) - 1:
                # Only where every other question of that skill is about something the quiz asks.
                asked = {q.prompt for q in quiz}
                left = [q for q in pool if q.skill == skill and q.prompt not in asked]
                assert all(any(conflicts(q, o) for o in quiz) for q in left), (skill, counts)
    assert all(seen[kind] > 0 for kind in NEW_KINDS if any(q.kind == kind for q in pool)), seen
    assert seen["statement_kind"] and seen["how_to_check"] and seen["source_chain"], seen


@pytest.mark.parametrize("path", [UNSEEN, *project_articles()], ids=lambda p: p.name)
def test_the_quiz_builders_clash_table_is_conflicts_for_every_pair(path: Path) -> None:
    pool = all_questions(load(path), PROJECT_VOCABULARY, random.Random(3))
    table = clash_sets(pool)
    for i, question in enumerate(pool):
        for j, other in enumerate(pool):
            if i != j:
                assert (j in table[i]) == conflicts(question, other), (question.prompt, other.prompt)


def test_the_same_seed_gives_the_same_quiz_in_another_process() -> None:
    # Questions are told apart by identity while a quiz is built: nothing may depend on where they
    # happen to sit in memory, or on string hashing.
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from app.domain.generate import build_quiz\n"
        "from app.domain.validation import validate_article\n"
        "from tests.unit.article_factory import project_vocabulary\n"
        "voc = project_vocabulary()\n"
        "out = []\n"
        "for name in sys.argv[1:]:\n"
        "    article = validate_article(Path(name).read_bytes(), name, voc).article\n"
        "    out += [[q.to_dict() for q in build_quiz(article, voc, seed)] for seed in range(1, 6)]\n"
        "print(json.dumps(out, sort_keys=True))\n"
    )
    files = [str(UNSEEN), str(QUESTIONS_DIR / "practice-viral-health-post.yaml")]
    root = Path(__file__).resolve().parents[2]
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, *files],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    ]
    assert runs[0] == runs[1] and json.loads(runs[0])


# --- Rules from fresh readers' reviews ---------------------------------------------------------------


def test_a_statement_that_speaks_of_what_could_happen_is_asked_only_as_a_prediction() -> None:
    b = ArticleBuilder(
        "Fire Closes Shop",
        ["The inspector said rumours online could put an innocent person in danger. The shop burned down."],
    )
    b.source("inspector", "the inspector", "named_official", ["The inspector said"])
    b.claim(
        "rumours online could put an innocent person in danger",
        "attributed",
        source="inspector",
        kind="opinion",
    )
    b.claim("The shop burned down", "unattributed", kind="observation")
    asked = [q.quote for q in of_kind(b.build(), "statement_kind")]
    assert asked == ["The shop burned down"]


STUDY = "according to a study at Eastfield University"


def test_who_said_it_skips_hedged_claims_and_wrong_choices_sharing_the_keys_words() -> None:
    b = ArticleBuilder(
        "Cocoa Study",
        [
            "Cocoa may help memory, according to a study at Eastfield University. "
            "The results were strong, according to a study at Eastfield University.",
            "Dr Amara Okafor, who led the study, spoke on Monday. Mayor Tom Hill said he drinks tea. "
            "Jo Park, a nurse, said she drinks coffee. The Riverside Tea Company said it sells more tea.",
        ],
    )
    b.source("tea", "the Riverside Tea Company", "named_organisation", ["The Riverside Tea Company said"])
    b.source(
        "uni",
        "Eastfield University",
        "named_organisation",
        [b.span(STUDY, block=1, occurrence=1), b.span(STUDY, block=1, occurrence=2)],
    )
    b.source("okafor", "Dr Amara Okafor, who led the study", "named_person", ["Dr Amara Okafor"])
    b.source("hill", "Tom Hill, the mayor", "named_official", ["Mayor Tom Hill said"])
    b.source("park", "Jo Park, a nurse", "named_person", ["Jo Park, a nurse, said"])
    b.claim("Cocoa may help memory", "hedged", source="uni", cues=["may"])
    b.claim("The results were strong", "attributed", source="uni")
    questions = of_kind(b.build(), "who_said_it")
    assert [q.quote for q in questions] == ["The results were strong"]
    assert not any("Okafor" in choice for choice in questions[0].choices)


def test_a_common_noun_of_a_name_does_not_name_the_source() -> None:
    b = ArticleBuilder("Fire in Kenton", ["A house burned, police said. Kenton Police said nobody was hurt."])
    b.source("police", "Kenton Police", "named_organisation", ["police said", "Kenton Police said"])
    article = b.build()
    reading = ArticleReading(article, VOCABULARY)
    assert [m.quote for m in reading.naming_mentions(article.source("police"))] == ["Kenton Police said"]


def test_headline_evidence_never_offers_a_sentence_stating_a_sourced_claim_without_a_hedge() -> None:
    b = ArticleBuilder(
        "Scientists Prove Cocoa Works",
        [
            "The release calls the results clear evidence. A bigger trial is needed, one researcher said. "
            "The study was small, she added.",
        ],
    )
    b.source("release", "the press release", "document_or_data", ["The release calls"])
    b.claim("clear evidence", "attributed", source="release")
    note = (
        'The headline says "Prove", but "The release calls the results clear evidence" is the '
        'university\'s own view, "A bigger trial is needed" and "The study was small".'
    )
    b.frame("Prove", "headline_body_mismatch", note=note)
    (question,) = of_kind(b.build(), "headline_evidence")
    assert not any("clear evidence" in choice for choice in question.choices)


def test_how_to_check_skips_an_unnamed_sources_prediction_and_chains_of_two_hands() -> None:
    b = checking()
    # A second source does not settle a forecast.
    b.claim("the timetable was never kept", "attributed", source="residents", kind="prediction")
    assert of_kind(b.build(), "how_to_check") == []
    # The porter's words passed through a nurse and then the radio: which to check first is a judgement.
    chained = chain_article().build()
    assert of_kind(chained, "source_chain") and of_kind(chained, "how_to_check") == []


def test_an_explanation_quoting_another_questions_claim_words_keeps_them_apart() -> None:
    about_claim = Question(
        kind="who_said_it",
        type=CHOICE,
        skill="sources",
        prompt='Who does the article say this comes from: "clear evidence"?',
        choices=("the press release", "the mayor", "The article does not say"),
        answer=(0,),
        explanation="The article gives this to the press release.",
        quote="clear evidence",
    )
    quoting = Question(
        kind="headline_check",
        type=CHOICE,
        skill="framing",
        prompt='How does the headline\'s "Prove" compare with the article?',
        choices=("Less", "The same", "More"),
        answer=(0,),
        explanation='The release calls the results "clear evidence", but that is its own view.',
        quote="Prove",
    )
    assert conflicts(about_claim, quoting) and conflicts(quoting, about_claim)
    assert clash_sets([about_claim, quoting]) == [{1}, {0}]


def test_how_to_check_puts_only_a_sources_short_name_in_its_choices() -> None:
    from app.domain.kinds.how_to_check import _possessive, _short

    label = "the Harbridge Echo, a local newspaper"
    assert (
        f"Find {_possessive(_short(label))} own report of it" == "Find the Harbridge Echo's own report of it"
    )
    assert _short("the Northfield University study") == "the Northfield University study"


def test_how_to_check_skips_a_document_readers_cannot_see_and_a_disputed_claim() -> None:
    # "Look at the original yourself: an internal memo" is a step no student can take.
    b = ArticleBuilder(
        "Stores",
        [
            "An internal FreshWay memo seen by this newspaper says the chain lost 60 million pounds in May.",
            "The council's published budget shows the store paid 90,000 pounds in rates last year.",
        ],
    )
    b.source("memo", "an internal FreshWay memo", "document_or_data", ["An internal FreshWay memo seen by"])
    b.source(
        "budget",
        "the council's published budget",
        "document_or_data",
        ["The council's published budget shows"],
    )
    b.claim("the chain lost 60 million pounds in May", "attributed", source="memo")
    b.claim("the store paid 90,000 pounds in rates last year", "attributed", source="budget")
    quotes = [q.quote for q in of_kind(b.build(), "how_to_check")]
    assert quotes == ["the store paid 90,000 pounds in rates last year"]
    b.claims[-1] = replace(b.claims[-1], status="disputed")
    assert of_kind(b.build(), "how_to_check") == []


def test_how_to_check_offers_asking_an_unnamed_person_as_a_real_step_that_cannot_be_taken() -> None:
    # "Look for a named source ..." was the only choice that checked anything, beside three steps
    # that check nothing: a guesser found it without the article (reviews 204, 207, 212, 214-216).
    # Asking the unnamed person is a real step, but the article gives nobody to ask.
    text = [
        "The council will close the depot. One driver, who asked not to be named, said the buses were "
        "often late. Some residents say the timetable was never kept."
    ]
    b = ArticleBuilder("Bus Service to End", text)
    b.source("driver", "an unnamed bus driver", "anonymous", ["One driver, who asked not to be named, said"])
    b.source("residents", "some residents", "vague", ["Some residents say"])
    b.claim("the buses were often late", "attributed", source="driver")
    b.claim("the timetable was never kept", "attributed", source="residents")
    for seed in range(1, 4):
        by_quote = {q.quote: q for q in of_kind(b.build(), "how_to_check", seed)}
        driver = by_quote["the buses were often late"]
        assert key(driver) == CHECKABLE_KEY
        assert "Ask the bus driver who said it whether it is true" in driver.choices
        assert "nobody can ask a source without a name" in driver.explanation
        assert len(driver.choices) == 4 and not gives_key_away(driver)
        # "Ask the residents" is a real check of what residents say, so nothing but steps that check
        # nothing would stand beside the key: not asked (review 219).
        assert "the timetable was never kept" not in by_quote
