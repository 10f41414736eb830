"""Whose framing: asked only where the article itself settles whose the marked words are."""

from __future__ import annotations

import random

from app.domain.article import Article
from app.domain.generate import all_questions, build_quiz
from app.domain.kinds.whose_words import WRITER
from app.domain.question import Question
from app.domain.quiz_rules import conflicts
from tests.unit.article_factory import ArticleBuilder, vocabulary

VOCABULARY = vocabulary()


def asked(article: Article, seed: int = 1) -> list[Question]:
    return [q for q in all_questions(article, VOCABULARY, random.Random(seed)) if q.kind == "whose_words"]


def key(question: Question) -> str:
    return question.choices[question.answer[0]]


def pool_story(quoted: str = '"This is a cash grab, pure and simple," said Gail Pryce.') -> ArticleBuilder:
    b = ArticleBuilder(
        "Pool Charges Rise",
        [
            "The council will raise swimming charges in April, the council said.",
            quoted,
            "The much-loved pool has stood beside the park for ninety years. Families queue there every "
            "summer.",
            "Shopkeeper Dawn Whitlow said her takings were down. A lifeguard, Sam Ortiz, said the pool "
            "was busy.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source("pryce", "Gail Pryce, a parent", "named_person", ["said Gail Pryce"])
    b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
    b.source("ortiz", "Sam Ortiz, a lifeguard", "named_person", ["A lifeguard, Sam Ortiz, said"])
    return b


def test_words_inside_a_speakers_quotation_are_the_speakers() -> None:
    b = pool_story()
    b.frame("cash grab, pure and simple", "loaded_language", note="A grab sounds like theft.")
    (question,) = asked(b.build())
    assert question.prompt == 'Whose words are these, in paragraph 2: "cash grab, pure and simple"?'
    # By name alone, as in "who said it": a description could answer without the paragraph (review
    # 177); the explanation gives the whole of it.
    assert key(question) == "Gail Pryce"
    assert "Gail Pryce, a parent" in question.explanation
    assert WRITER in question.choices
    assert "the council" not in question.choices or len(question.choices) == 4
    assert "inside quotation marks" in question.explanation
    assert question.explanation.endswith("A grab sounds like theft.")
    assert question.skill == "framing"


def test_words_in_a_paragraph_nobody_speaks_in_are_the_writers() -> None:
    b = pool_story()
    b.frame("much-loved", "loaded_language", note="It tells you how to feel about the pool.")
    (question,) = asked(b.build())
    assert key(question) == WRITER
    assert "writer's own choice" in question.explanation
    wrong = set(question.choices) - {WRITER}
    assert wrong <= {"the council", "Gail Pryce", "Dawn Whitlow", "Sam Ortiz"}


def test_not_asked_where_whose_words_they_are_could_be_argued() -> None:
    # A paragraph with any attribution: "the writer" could be reporting someone.
    b = pool_story()
    b.frame("takings were down", "loaded_language")
    assert asked(b.build()) == []
    # The writer's words echo a speaker's quotation.
    b = pool_story('"Our much-loved pool is a cash cow," said Gail Pryce.')
    b.frame(b.span("much-loved", block=3), "loaded_language")
    assert asked(b.build()) == []
    # "reportedly" in the paragraph: someone unnamed may have said it (review 161).
    b = ArticleBuilder(
        "Chicken Shop Opens",
        [
            "Branches reportedly serve hundreds of pupils, and the chain is an unstoppable force.",
            "Dawn Whitlow said no. Sam Ortiz said yes. The council said it would wait.",
        ],
    )
    b.source("whitlow", "Dawn Whitlow", "named_person", ["Dawn Whitlow said"])
    b.source("ortiz", "Sam Ortiz", "named_person", ["Sam Ortiz said"])
    b.source("council", "the council", "named_organisation", ["The council said"])
    b.frame("an unstoppable force", "loaded_language")
    assert asked(b.build()) == []
    # The writer's scare quotes: quotation marks, yet nobody is quoted.
    b = pool_story()
    b.frame("much-loved", "scare_quotes")
    assert asked(b.build()) == []
    # A note that gives the words to somebody.
    b = pool_story()
    b.frame("much-loved", "loaded_language", note="Dawn Whitlow would call it that.")
    assert asked(b.build()) == []
    # A colon at the end of the paragraph before may lead into someone's words.
    b = ArticleBuilder(
        "Pool Charges Rise",
        [
            "Gail Pryce, a parent, had this to say:",
            "The much-loved pool is being ruined.",
            "Dawn Whitlow said no.",
        ],
    )
    b.source("pryce", "Gail Pryce, a parent", "named_person", ["Gail Pryce, a parent, had this to say"])
    b.source("whitlow", "Dawn Whitlow", "named_person", ["Dawn Whitlow said"])
    b.frame("much-loved", "loaded_language")
    assert asked(b.build()) == []


def test_a_quotation_the_article_gives_to_nobody_in_particular_is_not_asked() -> None:
    b = ArticleBuilder(
        "Pool Charges Rise",
        [
            "The council will raise swimming charges in April, the council said.",
            '"It is a cash grab," one sign at the gate read.',
            "Shopkeeper Dawn Whitlow said her takings were down.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
    b.frame("cash grab", "loaded_language")
    assert asked(b.build()) == []


def test_kept_apart_from_who_said_it_about_the_same_speaker() -> None:
    b = ArticleBuilder(
        "Pool Charges Rise",
        [
            "The council will raise swimming charges in April, the council said.",
            '"This is a cash grab, pure and simple," said Gail Pryce.',
            "Prices had doubled in a year, Gail Pryce told the meeting. Shopkeeper Dawn Whitlow said her "
            "takings were down.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source(
        "pryce", "Gail Pryce, a parent", "named_person", ["said Gail Pryce", "Gail Pryce told the meeting"]
    )
    b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
    b.frame("cash grab, pure and simple", "loaded_language")
    b.claim("Prices had doubled in a year", "attributed", source="pryce")
    b.claim("her takings were down", "attributed", source="whitlow")
    article = b.build()
    (whose,) = asked(article)
    who = [q for q in all_questions(article, VOCABULARY, random.Random(1)) if q.kind == "who_said_it"]
    keyed_to_her = [q for q in who if key(q).startswith("Gail Pryce")]
    assert keyed_to_her and all(conflicts(whose, other) for other in keyed_to_her)


def test_a_quiz_of_an_article_with_its_framing_in_quotations_asks_about_it() -> None:
    b = pool_story()
    b.frame("cash grab, pure and simple", "loaded_language")
    b.frame("much-loved", "loaded_language")
    kinds = {q.kind for seed in range(5) for q in build_quiz(b.build(), VOCABULARY, seed)}
    assert "whose_words" in kinds


def test_not_asked_where_the_speaker_is_a_loose_group() -> None:
    # '"bin tax by the back door"' from "critics", with a union and a bin worker on offer who may be
    # among them (review 182); beside a named speaker the same words are asked.
    def story(speaker: str, mention: str, kind: str) -> Article:
        b = ArticleBuilder(
            "Pool Charges Rise",
            [
                "The council will raise swimming charges in April, the council said.",
                f'"It is a stealth tax on families," {mention}.',
                "Shopkeeper Dawn Whitlow said her takings were down. A lifeguard, Sam Ortiz, said the pool "
                "was busy.",
            ],
        )
        b.source("council", "the council", "named_organisation", ["the council said"])
        b.source("speaker", speaker, kind, [mention])
        b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
        b.source("ortiz", "Sam Ortiz, a lifeguard", "named_person", ["A lifeguard, Sam Ortiz, said"])
        b.frame("stealth tax", "loaded_language")
        return b.build()

    assert asked(story("critics", "critics said", "vague")) == []
    (question,) = asked(story("Gail Pryce, a parent", "said Gail Pryce", "named_person"))
    assert key(question) == "Gail Pryce"


def test_not_asked_where_the_headline_says_the_speakers_words_as_its_own() -> None:
    # "Holbrook High Bans Toxic Energy Drinks" above a parent who called them "toxic": the writer
    # made the word its own, so "the writer of the article" could be defended (review 187). A
    # headline that quotes the words ("'Cash Grab'") still gives them to someone.
    def whose(headline: str) -> list[Question]:
        b = pool_story()
        b.title = headline
        b.frame("cash grab, pure and simple", "loaded_language", note="A grab sounds like theft.")
        return asked(b.build())

    assert whose("Pool Charges Rise") != []
    assert whose("Council's Cash Grab, Pure and Simple, at Pool") == []
    assert whose("Council's 'Cash Grab, Pure and Simple' at Pool") != []
    # "Council Quietly Killing Off Ashbrook Library" above a resident's "quietly killing off this
    # library": the headline says the marked words' meaning, not all of them (review 300, a fail).
    assert whose("Council's Cash Grab at Pool") == []
    assert whose("Council's 'Cash Grab' at Pool") != []
    assert whose("Pure Pool Water, Simple Prices") != []


def test_an_outlet_that_passes_on_someones_words_is_not_their_speaker() -> None:
    # '"... running around on a giant advert," he told the Dunmore Advertiser', the father named in
    # the sentence before: the Advertiser was the key (review 190, a fail).
    b = ArticleBuilder(
        "Pitch",
        [
            "The school will get a new pitch, the council said.",
            "Mark Halloran has started a petition against the plan. "
            '"Nobody asked parents whether we wanted our kids running around on a giant advert," he told '
            "the Dunmore Advertiser.",
            "Shopkeeper Dawn Whitlow said her takings were down. A lifeguard, Sam Ortiz, said the pool "
            "was busy.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source("halloran", "Mark Halloran, a parent", "named_person", ["Mark Halloran"], via="advertiser")
    b.source("advertiser", "the Dunmore Advertiser", "news_outlet", ["told the Dunmore Advertiser"])
    b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
    b.source("ortiz", "Sam Ortiz, a lifeguard", "named_person", ["A lifeguard, Sam Ortiz, said"])
    b.frame("giant advert", "loaded_language", note="An advert is there to sell.")
    assert asked(b.build()) == []


def test_a_persons_words_are_offered_beside_another_person_and_no_outlet() -> None:
    # "incredible", the headteacher's, beside the Kelworth Echo and the council only: "which choice is a
    # person?" found the key, and no paper says "incredible" (review 230).
    def story(others: str) -> ArticleBuilder:
        b = ArticleBuilder(
            "Street",
            [
                '"The difference has been incredible," said headteacher Ruth Adeyemi.',
                f"The council said the trial would go on. {others}",
            ],
        )
        b.source("adeyemi", "Ruth Adeyemi", "named_person", ["said headteacher Ruth Adeyemi"])
        b.source("council", "the council", "named_organisation", ["The council said"])
        b.source("echo", "the Kelworth Echo", "news_outlet", ["the Kelworth Echo reported"])
        return b

    b = story("Traffic fell by a third, the Kelworth Echo reported.")
    b.frame("incredible", "loaded_language", note="A strong word for a small change.")
    assert asked(b.build()) == []
    b = story("Traffic fell by a third, the Kelworth Echo reported. Parent Tom Lyle said it was calmer.")
    b.source("lyle", "Tom Lyle", "named_person", ["Parent Tom Lyle said"])
    b.frame("incredible", "loaded_language", note="A strong word for a small change.")
    for seed in range(1, 6):
        (question,) = asked(b.build(), seed)
        assert "Tom Lyle" in question.choices and "the Kelworth Echo" not in question.choices


def test_no_body_the_speakers_description_ties_them_to() -> None:
    # "the Save Kessington Bank campaign" beside "Margaret Ellery, who started the campaign": her words
    # could be the campaign's (review 227).
    b = ArticleBuilder(
        "Bank",
        [
            '"It will be a ghost town," said Margaret Ellery, who started the campaign.',
            "The Save Kessington Bank campaign said 900 people marched. Shopkeeper Dawn Hill said trade "
            "was down. Police said the march was peaceful.",
        ],
    )
    b.source("ellery", "Margaret Ellery, who started the campaign", "named_person", ["said Margaret Ellery"])
    b.source(
        "campaign",
        "the Save Kessington Bank campaign",
        "named_organisation",
        ["The Save Kessington Bank campaign said"],
    )
    b.source("hill", "Dawn Hill", "named_person", ["Shopkeeper Dawn Hill said"])
    b.source("police", "Kessington Police", "named_organisation", ["Police said"])
    b.frame("ghost town", "loaded_language", note="It makes the town sound dead.")
    for seed in range(1, 6):
        (question,) = asked(b.build(), seed)
        assert key(question) == "Margaret Ellery"
        assert "the Save Kessington Bank campaign" not in question.choices


def test_a_parents_words_offer_no_pupil_and_a_bodys_we_is_not_asked() -> None:
    # "a reckless gamble with our children's futures", from a father, offered two pupils who could not
    # have said it (review 343); "We share our customers' love of the river", from the water company,
    # beside the writer and a person, pointed at the company (review 344).
    b = ArticleBuilder(
        "Pool Charges Rise",
        [
            '"It is a reckless gamble with our children\'s futures," said Gail Pryce.',
            "Tom Reyes, 15, said the pool was busy. Dawn Whitlow, a pupil at Hill School, said it was "
            "cold. Sam Ortiz, a lifeguard, said the pool was old. Ken Hill, a shopkeeper, said it was shut.",
        ],
    )
    b.source("hill", "Ken Hill, a shopkeeper", "named_person", ["Ken Hill, a shopkeeper, said"])
    b.source("pryce", "Gail Pryce, a parent", "named_person", ["said Gail Pryce"])
    b.source("reyes", "Tom Reyes", "named_person", ["Tom Reyes, 15, said"])
    b.source("whitlow", "Dawn Whitlow", "named_person", ["Dawn Whitlow, a pupil at Hill School, said"])
    b.source("ortiz", "Sam Ortiz, a lifeguard", "named_person", ["Sam Ortiz, a lifeguard, said"])
    b.frame("reckless gamble with our children's futures", "loaded_language", note="A gamble is a risk.")
    for seed in range(1, 6):
        (question,) = asked(b.build(), seed)
        assert key(question) == "Gail Pryce"
        assert not {"Tom Reyes", "Dawn Whitlow"} & set(question.choices)
    water = ArticleBuilder(
        "River",
        [
            '"We share our customers\' love of the river," the company said.',
            "Ann Dale, a swimmer, said the water was murky.",
        ],
    )
    water.source("company", "Lenn Water", "named_organisation", ["the company said"])
    water.source("dale", "Ann Dale, a swimmer", "named_person", ["Ann Dale, a swimmer, said"])
    water.frame("love of the river", "emotional_appeal", note="Love makes it sound caring.")
    assert asked(water.build()) == []


def test_not_asked_where_the_headline_says_the_words_in_another_form_or_the_keys_name_does() -> None:
    # "Gives High Street Back to People" above the forum's "give the high street back to people": the
    # headline made them its own, in another form of the verb and without "the" (review 346).
    # "backing British farmers" from "the National Farmers' Union": its name repeats the words (review 348).
    def whose(headline: str, name: str, words: str) -> list[Question]:
        b = ArticleBuilder(
            headline,
            [
                f'"We must {words}," said {name}.',
                "Tom Reyes, a trader, said sales were down. Ann Dale, a driver, said parking was hard.",
            ],
        )
        b.source("speaker", name, "named_organisation", [f"said {name}"])
        b.source("reyes", "Tom Reyes, a trader", "named_person", ["Tom Reyes, a trader, said"])
        b.source("dale", "Ann Dale, a driver", "named_person", ["Ann Dale, a driver, said"])
        b.frame(words, "loaded_language", note="It sounds like a promise.")
        return asked(b.build())

    words = "give the high street back to people"
    assert whose("Town Gives High Street Back to People", "the Cycle Forum", words) == []
    assert len(whose("Town Bans Cars on Saturdays", "the Cycle Forum", words)) == 1
    assert whose("Town Bans Cars on Saturdays", "the National Farmers' Union", "back British farmers") == []
    assert len(whose("Town Bans Cars on Saturdays", "the Cycle Forum", "back British farmers")) == 1
