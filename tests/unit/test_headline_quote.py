"""Whose words the headline quotes: asked only where the article itself says whose words they are."""

from __future__ import annotations

import random
from dataclasses import replace

from app.domain.article import Article
from app.domain.generate import all_questions, build_quiz
from app.domain.kinds.headline_quote import NOBODY, NOBODY_ONE_WORD, quotations
from app.domain.question import Question
from app.domain.text import Block
from tests.unit.article_factory import ArticleBuilder, vocabulary

VOCABULARY = vocabulary()


def asked(article: Article, seed: int = 1) -> list[Question]:
    return [q for q in all_questions(article, VOCABULARY, random.Random(seed)) if q.kind == "headline_quote"]


def parking(title: str = "Parking 'Cash Grab' Empties High Street", chair_line: str = "") -> ArticleBuilder:
    b = ArticleBuilder(
        title,
        [
            "The council brought in charges at its two car parks in April, the council said.",
            chair_line
            or '"This is a cash grab, pure and simple," said Gail Pryce, chair of the Drivers\' Alliance.',
            "Shopkeeper Dawn Whitlow said her takings were down. A radio caller, Maureen, said she now "
            "shops online.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source("pryce", "Gail Pryce, chair of the Drivers' Alliance", "named_person", ["said Gail Pryce"])
    b.source("whitlow", "Dawn Whitlow, a shopkeeper", "named_person", ["Shopkeeper Dawn Whitlow said"])
    b.source("maureen", "a radio caller", "anonymous", ["A radio caller, Maureen, said"])
    return b


def test_headline_quotations_single_or_double() -> None:
    block = Block.from_text("Parking 'Cash Grab' Empties Ashcombe's High Street as \"Chaos\" Grows")
    assert [block.words[s:e] for s, e in quotations(block)] == [("Cash", "Grab"), ("Chaos",)]
    # A possessive's apostrophe opens nothing.
    assert quotations(Block.from_text("Ashcombe Traders' Fury Over Parking")) == []


def test_asks_whose_words_the_headline_quotes_where_the_article_quotes_a_named_speaker() -> None:
    b = parking()
    b.frame("'Cash Grab'", "scare_quotes", note="The headline does not say whose phrase this is.")
    for seed in range(1, 6):
        (question,) = asked(b.build(), seed)
        assert question.skill == "framing"
        # By name alone, as in "who said it" (review 184); the explanation gives the whole label.
        assert question.answer_text == ["Gail Pryce"]
        assert "Gail Pryce, chair of the Drivers' Alliance" in question.explanation
        assert NOBODY in question.choices and len(question.choices) == 4
        assert '"Cash Grab"' in question.prompt and "Pryce" not in question.prompt
        assert '"This is a cash grab, pure and simple"' in question.explanation
        assert "The headline does not say whose phrase this is." in question.explanation


def test_a_pronoun_speaker_counts_when_the_paragraph_named_her_just_before() -> None:
    b = ArticleBuilder(
        "'Meltdown' at Castlebrook A&E",
        [
            "One nurse told the Castlebrook Echo that corridors were full. "
            '"It felt like a meltdown," she said.',
            "Patient Dennis Hart said he waited nine hours. The trust said staff worked hard.",
        ],
    )
    b.source("nurse", "an unnamed nurse", "anonymous", ["One nurse told the Castlebrook Echo", "she said"])
    b.source("echo", "the Castlebrook Echo", "news_outlet", ["the Castlebrook Echo"])
    b.source("hart", "Dennis Hart, a patient", "named_person", ["Patient Dennis Hart said"])
    b.source("trust", "the hospital trust", "named_organisation", ["The trust said"])
    (question,) = asked(b.build())
    assert question.answer_text == ["an unnamed nurse"]
    assert "the Castlebrook Echo" not in question.choices  # she told it: it relayed her words


def test_not_asked_where_the_article_does_not_say_whose_words_they_are() -> None:
    # The headline says who.
    assert asked(parking("'Cash Grab' Empties High Street, Drivers Say").build()) == []
    # The words are the writer's own in the body, or the writer's scare quotes there.
    own = parking(chair_line="Drivers call the charges a cash grab, said Gail Pryce.")
    assert asked(own.build()) == []
    scare = parking(chair_line='The so-called "cash grab" goes on, said Gail Pryce.')
    scare.frame('"cash grab"', "scare_quotes")
    assert asked(scare.build()) == []
    # Two people use the word, in other forms too.
    twice = parking(
        chair_line='"It is grabbing money, pure and simple," said Gail Pryce. "Cash Grab" indeed.'
    )
    assert asked(parking("Parking 'Grab' Empties High Street").build())
    assert asked(twice.build()) == []
    # Only "she said", and someone else is mentioned in between.
    b = ArticleBuilder(
        "'Meltdown' at Castlebrook A&E",
        [
            "One nurse told the Castlebrook Echo that corridors were full, and a patient said he waited for "
            'hours. "It felt like a meltdown," she said.',
            "The trust said staff worked hard. Dennis Hart, a patient, said the food was cold.",
        ],
    )
    b.source("nurse", "an unnamed nurse", "anonymous", ["One nurse told the Castlebrook Echo", "she said"])
    b.source("patient", "an unnamed patient", "anonymous", ["a patient said"])
    b.source("trust", "the hospital trust", "named_organisation", ["The trust said"])
    b.source("hart", "Dennis Hart, a patient", "named_person", ["Dennis Hart, a patient, said"])
    assert asked(b.build()) == []


def test_a_quiz_asks_what_the_headline_claims_before_whose_words_it_quotes() -> None:
    b = parking("Parking 'Cash Grab' Empties High Street")
    b.frame("Empties High Street", "headline_body_mismatch", note="Takings fell at one shop.")
    article = b.build()
    assert asked(article)
    for seed in range(1, 11):
        quiz = build_quiz(article, VOCABULARY, seed)
        assert any(q.kind == "headline_check" for q in quiz)


def test_asks_the_same_where_nobody_in_the_article_uses_the_headlines_quoted_words() -> None:
    # "Sprint Star's 'Miracle' Powder": the marks make the word look like someone's (reviews 49, 55).
    b = parking("Parking 'Disaster' Empties High Street")
    b.frame("'Disaster'", "scare_quotes", note="Nobody in the article calls it a disaster.")
    (question,) = asked(b.build())
    # Of one word, "this word" and "uses it" ("these words" of "Unavoidable" read as a slip, review 474).
    assert question.answer_text == [NOBODY_ONE_WORD]
    assert question.prompt.endswith("Who in the article uses this word?")
    assert len(question.choices) == 4
    assert "Nobody in the article calls it a disaster." in question.explanation
    assert 'uses the word "Disaster": it appears only in the headline' in question.explanation
    # The word in another form ("disastrous"), or a note giving it to a source: not asked.
    other_form = parking(
        "Parking 'Disaster' Empties High Street", chair_line="It was disastrous, said Gail Pryce."
    )
    assert asked(other_form.build()) == []
    b = parking("Parking 'Disaster' Empties High Street")
    b.frame("'Disaster'", "scare_quotes", note="Gail Pryce called it that on the radio.")
    assert asked(b.build()) == []


def test_a_teachers_question_on_the_same_headline_words_keeps_it_out_of_the_quiz() -> None:
    # The library article's own question asks why 'Slashes' is in quotation marks.
    from tests.unit.article_factory import library_article

    article = library_article()
    assert [q.answer_text for q in asked(article)] == [[NOBODY_ONE_WORD]]
    for seed in range(1, 11):
        assert not any(q.kind == "headline_quote" for q in build_quiz(article, VOCABULARY, seed))


def test_an_explanation_quoting_the_headlines_word_keeps_the_question_out_of_its_quiz() -> None:
    # A note quoting the company's "total detox" answers whose word the headline's 'Detox' is (review 73).
    from app.domain.quiz_rules import reveals

    b = parking()
    b.frame("'Cash Grab'", "scare_quotes")
    (question,) = asked(b.build())
    other = replace(question, kind="who_said_it", explanation='Ms Pryce called it "a cash grab" on air.')
    assert reveals(other, question)


def test_a_note_naming_a_title_not_a_name_still_allows_nobody() -> None:
    # "The headline gets to insult the councillor": "councillor" is a title, not who said it (review 84).
    b = parking("Parking 'Disaster' Empties High Street")
    b.frame(
        "'Disaster'", "scare_quotes", note="The headline gets to insult the councillor without saying who."
    )
    (question,) = asked(b.build())
    assert question.answer_text == [NOBODY_ONE_WORD]


def test_not_asked_where_the_speakers_label_repeats_a_quoted_word() -> None:
    # 'Housing Emergency' from "Aisha Rahman, the students' union housing officer": the only choice
    # holding a word of the quotation is the key (review 88).
    b = parking()
    assert asked(b.build())
    article = b.build()
    article = replace(
        article,
        sources=tuple(
            replace(s, name="Gail Pryce, who runs the Cash Watch drivers' group") if s.id == "pryce" else s
            for s in article.sources
        ),
    )
    assert asked(article) == []


def test_asks_whose_words_the_headline_says_as_its_own_where_one_speaker_is_quoted() -> None:
    # "Holbrook High Bans Toxic Energy Drinks" where only a parent called them "toxic": the headline
    # made one speaker's word its own and no question asked about it (review 187).
    b = parking(
        "Parking Cash Grab Empties High Street",
        '"This is a cash grab, pure and simple," said Gail Pryce, chair of the Drivers\' Alliance.',
    )
    b.frame("Cash Grab", "loaded_language", note="A grab sounds like theft.")
    (question,) = asked(b.build())
    assert question.prompt == 'The headline says "Cash Grab". Who in the article uses these words?'
    assert question.answer_text == ["Gail Pryce"]
    assert NOBODY in question.choices
    assert "no quotation marks" in question.explanation
    # Unmarked framing words nobody in the article uses are the headline's own: not asked here.
    b = parking("Parking Blunder Empties High Street")
    b.frame("Blunder", "loaded_language", note="A blunder is a stupid mistake.")
    assert asked(b.build()) == []


def test_a_headline_that_names_a_record_or_nobody_does_not_say_whose_words_it_quotes() -> None:
    # "Teens ... Are 'Running on Empty' in Exams, Survey Shows": the survey is evidence, not whose
    # words the quotation marks hold (review 192); "One-Way Nightmare Blamed for Falling Trade":
    # nobody does the blaming (review 191); "..., Packed Meeting Told": the meeting heard the words,
    # it did not say them (review 216). "..., Says Chair" does say who.
    for title, asked_about in (
        ("Parking 'Cash Grab' Empties High Street, Survey Shows", True),
        ("Parking 'Cash Grab' Blamed for Empty High Street", True),
        ("Parking 'Cash Grab' Empties High Street, Packed Meeting Told", True),
        ("Parking 'Cash Grab' Empties High Street, Says Chair", False),
        ("Parking 'Cash Grab' Empties High Street, Chair Told Meeting", False),
    ):
        b = parking(title)
        b.frame("'Cash Grab'", "scare_quotes", note="The headline does not say whose phrase this is.")
        questions = asked(b.build())
        assert bool(questions) is asked_about, title
        if questions:
            assert questions[0].answer_text == ["Gail Pryce"], title


def test_not_asked_where_the_speaker_denies_the_headlines_words() -> None:
    # "Starving Pupils ..." where the one pupil who says the word says "Nobody's actually starving":
    # the key called the pupil's view what the headline states, the opposite of what was said
    # (review 215).
    for line in (
        "\"Nobody's actually a cash grab here,\" said Gail Pryce, chair of the Drivers' Alliance.",
        '"This is not a cash grab, pure and simple," said Gail Pryce, chair of the Drivers\' Alliance.',
        '"I would never call it a cash grab," said Gail Pryce, chair of the Drivers\' Alliance.',
        # Seven words off, through "talking about" (review 278: "Nobody is talking about closing the
        # unit for good").
        '"Nobody is talking about the charge as a cash grab," said Gail Pryce, chair of '
        "the Drivers' Alliance.",
    ):
        b = parking("Parking Cash Grab Empties High Street", line)
        b.frame("Cash Grab", "loaded_language", note="A grab sounds like theft.")
        assert asked(b.build()) == [], line
        b = parking("Parking 'Cash Grab' Empties High Street", line)
        b.frame("'Cash Grab'", "scare_quotes", note="The headline does not say whose phrase this is.")
        assert asked(b.build()) == [], line
    # A denial of another verb, the words only in its object's phrase, is about something else: the
    # speaker still calls it a cash grab (review 262, "cannot keep pouring money into a crumbling
    # building").
    b = parking(
        "Parking 'Cash Grab' Empties High Street",
        '"We cannot keep feeding coins into a cash grab like this," said Gail Pryce, chair of the '
        "Drivers' Alliance.",
    )
    b.frame("'Cash Grab'", "scare_quotes", note="The headline does not say whose phrase this is.")
    assert [q.answer_text for q in asked(b.build())] == [["Gail Pryce"]]
    # A denial in an earlier clause is about something else.
    b = parking(
        "Parking Cash Grab Empties High Street",
        '"Nobody asked us, and this is a cash grab," said Gail Pryce, chair of the Drivers\' Alliance.',
    )
    b.frame("Cash Grab", "loaded_language", note="A grab sounds like theft.")
    assert [q.answer_text for q in asked(b.build())] == [["Gail Pryce"]]


def test_a_pronoun_speaker_counts_when_its_own_sentence_names_the_body_before_it() -> None:
    # 'after the town council voted ... as part of what it calls "efficiencies"': "it" is the council
    # that the sentence has just named, and the headline's 'Efficiencies' was never asked (review 214).
    def library(first: str) -> ArticleBuilder:
        b = ArticleBuilder(
            "'Efficiencies' Slash Library Hours",
            [
                first,
                '"It is a cut, not a saving," said Martin Okoro, chair of the Friends of Eastbrook Library.',
                "Unison, the union for council workers, said it had not been consulted.",
            ],
        )
        b.source("council", "Hollowmere Town Council", "named_organisation", ["what it calls"])
        b.source(
            "okoro",
            "Martin Okoro, chair of the Friends of Eastbrook Library",
            "named_person",
            ["said Martin Okoro"],
        )
        b.source("unison", "Unison", "named_organisation", ["Unison, the union for council workers, said"])
        b.frame("'Efficiencies'", "scare_quotes", note="The quotation marks cast doubt on the word.")
        return b

    (question,) = asked(
        library(
            "Two branch libraries will open three days a week after the town council voted to cut their "
            'hours as part of what it calls "efficiencies".'
        ).build()
    )
    assert question.answer_text == ["Hollowmere Town Council"]
    assert "Unison" in question.choices
    # "It" after someone else named in the sentence is not plainly the council.
    assert (
        asked(
            library(
                "Two branch libraries will open three days a week, Unison heard, as part of what it "
                'calls "efficiencies".'
            ).build()
        )
        == []
    )


def test_a_question_headline_never_states_its_own_words_as_a_speakers_view() -> None:
    # "Is Harbourne's Maternity Unit About to Go Dark for Good?": the explanation said "one speaker's
    # view becomes what the headline states" of a headline that states nothing (review 278).
    for title, asked_about in (
        ("Parking Cash Grab Empties High Street", True),
        ("Is Parking a Cash Grab Emptying the High Street?", False),
    ):
        b = parking(title)
        b.frame("Cash Grab", "loaded_language", note="A grab sounds like theft.")
        assert bool(asked(b.build())) is asked_about, title
