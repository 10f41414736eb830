"""The headline's loaded word: asked only where the teacher marked all of the headline's framing."""

from __future__ import annotations

import random

from app.domain.article import Article
from app.domain.generate import all_questions
from app.domain.question import Question
from tests.unit.article_factory import ArticleBuilder, vocabulary

VOCABULARY = vocabulary()
BODY = [
    "Kelsey Rovers will close their youth academy at the end of the season, the club said.",
    "The academy has trained young players for thirty years. The club will cut its costs by a fifth.",
    "Parents said their children had nowhere else to play. The football club will keep its ground.",
]


def asked(article: Article) -> list[Question]:
    return [q for q in all_questions(article, VOCABULARY, random.Random(1)) if q.kind == "headline_word"]


def rovers(
    title: str = "Rovers Axe Youth Academy as Football Club Cuts Costs", complete: bool = True
) -> ArticleBuilder:
    b = ArticleBuilder(title, BODY)
    if complete:
        b.framing_complete = {0}
    return b


def key(question: Question) -> str:
    return question.choices[question.answer[0]]


def test_asks_which_headline_word_pushes_the_reader() -> None:
    b = rovers()
    b.frame(b.span("Axe", block=0), "loaded_language", note='"Axe" sounds brutal: the club is closing it.')
    (question,) = asked(b.build())
    assert key(question) == "Axe"
    assert question.skill == "framing"
    # The stem cannot quote the headline (every choice is in it); the question points at all of it.
    assert "Axe" not in question.prompt
    assert question.focus == (0, 0, len(question.quote.split()))
    # Wrong answers: unmarked words the article uses in lowercase: no name ("Rovers"), no small
    # word, none right before marked words; one of them the headline's action ("Cuts").
    assert set(question.choices) - {"Axe"} <= {"Youth", "Academy", "Football", "Club", "Cuts", "Costs"}
    assert "Cuts" in question.choices
    assert "Rovers" not in question.choices
    assert '"Axe" sounds brutal' in question.explanation
    assert "Loaded language" in question.explanation


def test_not_asked_unless_the_headline_is_marked_completely() -> None:
    b = rovers(complete=False)
    b.frame(b.span("Axe", block=0), "loaded_language")
    assert asked(b.build()) == []


def test_not_asked_about_quoted_words_or_a_headline_overstatement() -> None:
    b = rovers("Rovers 'Axe' Youth Academy as Football Club Cuts Costs")
    b.frame(b.span("'Axe'", block=0), "loaded_language")
    assert asked(b.build()) == []
    b = rovers()
    b.frame(b.span("Cuts Costs", block=0), "headline_body_mismatch")
    assert asked(b.build()) == []


def test_not_asked_where_an_emotive_word_is_left_unmarked() -> None:
    b = rovers("Rovers Axe Youth Academy in Shock Move as Football Club Cuts Costs")
    b.frame(b.span("Axe", block=0), "loaded_language")
    assert "shock" in VOCABULARY.loaded_words
    assert asked(b.build()) == []


def test_not_asked_with_fewer_than_two_plain_words_to_offer() -> None:
    b = rovers("Rovers Axe Kelsey Academy")
    b.frame(b.span("Axe", block=0), "loaded_language")
    assert asked(b.build()) == []


def test_not_asked_with_only_names_of_places_and_things_to_offer() -> None:
    # "Green", "Village" beside "Greedy": the key is the only real choice (reviews 178, 182, 185).
    b = rovers("Rovers Axe Youth Academy at Football Club")
    b.frame(b.span("Axe", block=0), "loaded_language")
    assert asked(b.build()) == []


def test_offers_neither_a_records_verb_nor_a_word_of_time() -> None:
    # "Half of Young People Now Volunteer in Teen Giving Boom, Survey Finds": "Finds" is the headline's
    # attribution, and "Now" says the habit is new, which may be the push itself (review 252).
    b = ArticleBuilder(
        "Volunteering Lifts Charities as Half of Young People Now Help in Giving Boom, Survey Finds",
        [
            "A survey of young people shows that 43 per cent help, and many now give time to charities, "
            "which hope the volunteering will lift their work; some hope to find jobs.",
        ],
    )
    b.framing_complete = {0}
    b.frame(b.span("Half", block=0), "exaggeration_minimisation", note="43 per cent is not half.")
    b.frame(b.span("Boom", block=0), "loaded_language", note="A small rise is no boom.")
    questions = [
        q
        for seed in range(1, 8)
        for q in all_questions(b.build(), VOCABULARY, random.Random(seed))
        if q.kind == "headline_word"
    ]
    assert questions
    for question in questions:
        assert not {"Finds", "Now", "Survey"} & set(question.choices)


def test_never_offers_two_neighbouring_headline_words() -> None:
    # "Town" and "Centre" of "Town Centre Loos" read as one phrase cut in half (review 464).
    b = rovers()
    b.frame(b.span("Axe", block=0), "loaded_language", note='"Axe" sounds brutal: the club is closing it.')
    headline = ["Rovers", "Axe", "Youth", "Academy", "as", "Football", "Club", "Cuts", "Costs"]
    article = b.build()
    for seed in range(30):
        (question,) = [
            q for q in all_questions(article, VOCABULARY, random.Random(seed)) if q.kind == "headline_word"
        ]
        places = sorted(headline.index(word) for word in question.choices if word != "Axe")
        assert all(later - earlier > 1 for earlier, later in zip(places, places[1:])), question.choices
