"""Rules from blind reviews 46 to 49 (new articles judged by readers who had never seen the engine);
each test fails on the engine before the rule."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from app.domain.article import Article, Source, Vocabulary
from app.domain.generate import all_questions, build_quiz
from app.domain.kinds.base import in_stem, person_types, source_label, without_outer_quotes
from app.domain.kinds.headline_check import HEADLINE_SAYS_MORE, HEADLINE_WORDS_SAY_MORE
from app.domain.kinds.how_to_check import CHECKABLE_KEY
from app.domain.kinds.whose_words import WRITER
from app.domain.question import CHOICE, SELECT, Question
from app.domain.quiz_rules import conflicts, quotes_the_claim_of
from app.domain.scoring import score_answer
from tests.unit.article_factory import (
    ANOTHER_UNNAMED_PARAGRAPH,
    OTHER_RECORD,
    ArticleBuilder,
    add_other_record,
    vocabulary,
)
from tests.unit.article_factory import select_phrases as selected

VOCABULARY = vocabulary()


# A vocabulary that asks "what kind of source" about named people too (the shipped one does not,
# review 97), for the rules of that kind.
ASKS_NAMED_PEOPLE = replace(VOCABULARY, told_by_name=frozenset())


UNSEEN = Path(__file__).parent / "data" / "unseen"


def _validated(data: bytes, path: Path) -> Article:
    from app.domain.validation.article import validate_article

    article = validate_article(data, str(path), VOCABULARY).article
    assert article is not None
    return article


def unseen_article(name: str) -> Article:
    """One of the blind reviews' articles (tests/unit/data/unseen)."""
    return _validated((UNSEEN / name).read_bytes(), UNSEEN / name)


def unseen_with_another_unnamed(name: str) -> Article:
    """One of the blind reviews' articles with a last paragraph where another unnamed person speaks:
    "who said it" asks about an unnamed key only beside another one (reviews 305 to 308)."""
    import yaml

    from tests.unit.article_factory import ANOTHER_UNNAMED_PARAGRAPH

    data = yaml.safe_load((UNSEEN / name).read_text(encoding="utf-8"))
    data["text"] = data["text"].rstrip("\n") + "\n\n" + ANOTHER_UNNAMED_PARAGRAPH + "\n"
    data["sources"].append(
        {
            "id": "another-unnamed",
            "name": "an unnamed librarian",
            "type": "anonymous",
            "mentions": [{"quote": "A librarian, who asked not to be named, said"}],
        }
    )
    data["claims"].append(
        {
            "quote": "evening staff would move to Saturday shifts instead",
            "status": "attributed",
            "source": "another-unnamed",
        }
    )
    return _validated(yaml.safe_dump(data).encode(), UNSEEN / name)


def questions_of(
    article: Article, kind: str, seed: int = 1, vocabulary: Vocabulary = VOCABULARY
) -> list[Question]:
    return [q for q in all_questions(article, vocabulary, random.Random(seed)) if q.kind == kind]


def over_seeds(article: Article, kind: str, seeds: range = range(1, 4)) -> list[Question]:
    """The questions of one kind the article gets over several seeds (kinds that draw at random)."""
    return [question for seed in seeds for question in questions_of(article, kind, seed)]


def _attribution_hits(text: str) -> list[str]:
    """The attribution words the engine reads in a one-paragraph article of ``text``."""
    from app.domain.passage import ArticleReading

    reading = ArticleReading(ArticleBuilder("Headline", [text]).build(), VOCABULARY)
    return [" ".join(reading.blocks[1].words[s:e]) for s, e in reading.attribution_hits(1)]


def _hedge_hits(text: str) -> list[str]:
    """The hedge words the engine reads in a one-paragraph article of ``text``."""
    from app.domain.passage import ArticleReading

    reading = ArticleReading(ArticleBuilder("Headline", [text]).build(), VOCABULARY)
    return [" ".join(reading.blocks[1].words[s:e]) for s, e in reading.hedge_hits(1)]


def test_a_stem_closes_a_quotation_the_teachers_quote_leaves_open() -> None:
    # 'the decision was "panic dressed up as caution' stopped before the closing mark (review 47).
    assert in_stem('the decision was "panic dressed up as caution') == (
        "the decision was 'panic dressed up as caution'"
    )
    assert in_stem('caution," he said') == "'caution,' he said"
    assert in_stem("was \u201cnot built") == "was \u2018not built\u2019"
    assert in_stem('a "fine" day') == "a 'fine' day"


def test_headline_words_keep_quotation_marks_around_only_some_of_them() -> None:
    # "Families 'Priced Out'" lost its closing mark in the stem (review 46).
    assert without_outer_quotes("Families 'Priced Out'") == "Families 'Priced Out'"
    assert without_outer_quotes("'Safe'") == "Safe"


def _priced_out(body: str) -> ArticleBuilder:
    b = ArticleBuilder(
        "Families 'Priced Out' as Schools Raise Lunch Prices",
        ["Lunches will cost $3.05 from September, up from $2.40, the board decided.", body],
    )
    b.frame("Families 'Priced Out'", "headline_body_mismatch", note="Most families pay a little more.")
    return b


def test_headline_check_is_not_asked_where_a_sentence_of_the_article_says_the_same() -> None:
    # A board member's "We are pricing out exactly the families ..." makes "the same" defensible
    # (review 46).
    repeated = _priced_out('"We are pricing out exactly the families who need this meal," Tan said.')
    assert questions_of(repeated.build(), "headline_check") == []
    # A sentence that hedges or denies those words says less, as the key does.
    hedged = _priced_out('"We may be pricing out some families who need this meal," Tan said.')
    assert len(questions_of(hedged.build(), "headline_check")) == 1
    denied = _priced_out("The board says no families will be priced out of a meal.")
    assert len(questions_of(denied.build(), "headline_check")) == 1
    # "Our figures suggest the ban helped, but they cannot prove it" beside "Proves" (review 308).
    cannot = _priced_out("The board says it cannot be sure families are priced out of a meal.")
    assert len(questions_of(cannot.build(), "headline_check")) == 1


def test_find_sources_a_role_in_a_named_body_set_off_by_commas_costs_nothing() -> None:
    # "according to Ana Ruiz, director of the Ridgeway Community Food Bank, which ..." (review 46).
    text = [
        "Some households may struggle, according to Ana Ruiz, director of the Ridgeway Community "
        "Food Bank, which has seen demand rise since January."
    ]
    b = ArticleBuilder("Lunches", text)
    b.source("ruiz", "Ana Ruiz", "named_person", ["according to Ana Ruiz"])
    b.claim("Some households may struggle", "hedged", source="ruiz", cues=["may"])
    (question,) = questions_of(b.build(), "find_sources")
    with_role = selected(question, "according to Ana Ruiz director of the Ridgeway Community Food Bank")
    assert score_answer(question, with_role).score == 1.0
    # What follows the role ("which has seen demand rise") still costs marks.
    assert score_answer(question, (*with_role, *selected(question, "has seen demand rise"))).score < 0.9


def _person_among_others(
    first_paragraph: str,
    source_id: str,
    name: str,
    mention: str,
    *,
    source_type: str = "named_person",
    title: str = "Heading Ban",
) -> Article:
    """One person in the first paragraph, beside an outlet, a vague group, a record and an unnamed
    person: every kind of source a "what kind of source" question could offer."""
    b = ArticleBuilder(
        title,
        [
            first_paragraph,
            "The Courier reported the vote. Critics say the rise is unfair.",
            "A report by the district found costs rose. One parent said she would pay.",
        ],
    )
    b.source(source_id, name, source_type, [mention])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("critics", "critics", "vague", ["Critics say"])
    b.source("report", "a report by the district", "document_or_data", ["A report by the district found"])
    b.source("parent", "one parent", "anonymous", ["One parent said"])
    return b.build()


def _board_member(first_paragraph: str, mention: str) -> Article:
    return _person_among_others(
        first_paragraph,
        "tan",
        "Gregory Tan",
        mention,
        source_type="named_official",
        title="Lunch Prices Rise",
    )


def test_source_type_a_role_in_a_body_rules_out_the_organisation_however_it_is_written() -> None:
    # "Board member Gregory Tan" at the start of a sentence (review 46); "The council's elections
    # officer, Martin Okonjo" where the mention is the bare name (review 48).
    organisation = VOCABULARY.source_type("named_organisation").label
    articles = [
        _board_member("Board member Gregory Tan voted against the rise.", "Board member Gregory Tan"),
        _board_member("The council's elections officer, Gregory Tan, voted against it.", "Gregory Tan"),
    ]
    for article in articles:
        asked = 0
        for seed in range(20):
            for question in questions_of(article, "source_type", seed, ASKS_NAMED_PEOPLE):
                if question.extra["source"] == "tan":
                    asked += 1
                    assert organisation not in question.choices, question.prompt
        assert asked


def test_source_type_a_place_after_in_or_from_ties_nobody_to_a_group() -> None:
    # "Ruth Benning, a pharmacist in Harwick": Harwick is a town, not a body (review 49).
    b = ArticleBuilder(
        "Supplement Recalled",
        [
            "Ruth Benning, a pharmacist in Harwick, said the powder should not be sold.",
            "The Courier reported the recall. Critics say the rules are weak.",
            "A report by the agency found a hidden drug. One customer said she felt ill.",
        ],
    )
    b.source(
        "benning",
        "Ruth Benning, a pharmacist in Harwick",
        "named_person",
        ["Ruth Benning, a pharmacist in Harwick, said"],
    )
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("critics", "critics", "vague", ["Critics say"])
    b.source("report", "a report by the agency", "document_or_data", ["A report by the agency found"])
    b.source("customer", "one customer", "anonymous", ["One customer said"])
    assert [
        q.extra["source"]
        for q in questions_of(b.build(), "source_type", vocabulary=ASKS_NAMED_PEOPLE)
        if q.extra["source"] == "benning"
    ]


def test_who_said_it_is_not_asked_when_they_are_most_likely_the_speakers() -> None:
    # "Some parents say they have stopped trusting the agency's website": "they" leaves only the
    # group of people on offer (review 47).
    b = ArticleBuilder(
        "Smoke",
        [
            "Some parents say they have stopped trusting the agency's website.",
            "A 2021 report from Harnell University found sensors overread. The Echo reported the closures.",
        ],
    )
    b.source("parents", "some parents", "vague", ["Some parents say"])
    b.source(
        "report",
        "a 2021 report from Harnell University",
        "document_or_data",
        ["A 2021 report from Harnell University found"],
    )
    b.source("echo", "the Echo", "news_outlet", ["The Echo reported"])
    b.claim("they have stopped trusting the agency's website", "attributed", source="parents")
    assert questions_of(b.build(), "who_said_it") == []


def test_spot_hedge_skips_a_claim_with_a_condition_in_once_or_as_long_as() -> None:
    # "could come within 10 percent once their readings were corrected" (review 47).
    for condition in ("once their readings were corrected", "as long as their readings were corrected"):
        text = f"The report said the sensors could come within 10 percent {condition}."
        b = ArticleBuilder("Sensors", [text])
        b.claim(f"the sensors could come within 10 percent {condition}", "hedged", cues=["could"])
        assert questions_of(b.build(), "spot_hedge") == [], condition


def test_spot_hedge_calls_rough_amounts_rough_not_unconfirmed() -> None:
    # "Aldermoor has about 9,000 registered voters": a rounded figure is not an unconfirmed one
    # (review 48).
    b = ArticleBuilder("Recount", ["Aldermoor has about 9,000 registered voters, the town's website shows."])
    b.claim("Aldermoor has about 9,000 registered voters", "hedged", cues=["about"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert "rough" in question.prompt and "not confirmed" not in question.prompt
    assert "not confirmed" not in question.explanation
    b = ArticleBuilder("Recount", ["The count may take a week, the officer said."])
    b.claim("The count may take a week", "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.prompt == "Select the word or words that show this claim is not confirmed."


def test_find_sources_an_idiom_with_say_inside_a_quotation_is_not_a_speaker() -> None:
    # "It is too early to say," inside the pharmacist's words: selecting it is a mistake (review 49).
    # (Words of her own outside the quotation: with only the quotation and "Benning said", the marks
    # alone would give the answer away and nothing is asked, review 221.)
    text = [
        "Ruth Benning said tests on the powder will go on for several more weeks. "
        '"It is too early to say whether the powder caused it," she said.'
    ]
    b = ArticleBuilder("Recall", text)
    b.source("benning", "Ruth Benning", "named_person", ["Ruth Benning said", "she said"])
    b.claim("It is too early to say whether the powder caused it", "attributed", source="benning")
    (question,) = questions_of(b.build(), "find_sources")
    right = selected(question, "Benning said", "she said")
    assert score_answer(question, (*right, *selected(question, "early to say"))).score < 1.0


def test_find_sources_an_outlet_inside_a_speakers_attribution_is_not_required() -> None:
    # "Mr Tolley told Aldermoor Radio": the speaker and the verb find it (review 48).
    text = ["Mr Tolley told Aldermoor Radio that the count was wrong."]
    b = ArticleBuilder("Recount", text)
    b.source("radio", "Aldermoor Radio", "news_outlet", ["Aldermoor Radio"])
    b.source("tolley", "Mr Tolley", "named_person", ["Mr Tolley told Aldermoor Radio"], via="radio")
    b.claim("the count was wrong", "attributed", source="tolley")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "Mr Tolley told")).score == 1.0
    assert score_answer(question, selected(question, "Mr Tolley told Aldermoor Radio")).score == 1.0


def test_how_to_check_skips_what_happened_to_an_unnamed_speaker() -> None:
    # "she had not slept properly for four days": no record reports one woman's nights (review 49).
    text = ["A gym instructor, who asked not to be named, said she had not slept properly for four days."]
    b = ArticleBuilder("Recall", text)
    b.source(
        "instructor",
        "an unnamed gym instructor",
        "anonymous",
        ["A gym instructor, who asked not to be named, said"],
    )
    b.claim("she had not slept properly for four days", "attributed", source="instructor")
    assert questions_of(b.build(), "how_to_check") == []
    b = ArticleBuilder("Recall", [text[0].replace("she had not slept properly", "the gym had not opened")])
    b.source(
        "instructor",
        "an unnamed gym instructor",
        "anonymous",
        ["A gym instructor, who asked not to be named, said"],
    )
    b.claim("the gym had not opened for four days", "attributed", source="instructor")
    (question,) = questions_of(b.build(), "how_to_check")
    assert question.choices[question.answer[0]] == CHECKABLE_KEY


def _question(kind: str, explanation: str, extra: dict[str, object], quote: str = "") -> Question:
    return Question(
        kind=kind, type=CHOICE, skill="claims", prompt="?", explanation=explanation, quote=quote, extra=extra
    )


def test_an_explanation_quoting_a_claims_sentence_shows_where_that_claim_comes_from() -> None:
    # The headline's note quotes "Whitlock said the volunteers' devices were 'not built for this
    # job'"; "how well supported" on the rest of her sentence is answered by it (review 47).
    sentence = (
        'Whitlock said the volunteers\' devices were "not built for this job" and tend to overread in '
        "humid air."
    )
    note = 'But the article says "Whitlock said the volunteers\' devices were not built for this job".'
    headline = _question("headline_check", note, {"framing": 0})
    extra = {"claim": 3, "sentence_text": sentence}
    support = _question("support", "", extra, quote="tend to overread in humid air")
    assert quotes_the_claim_of(headline, support)
    # A kind whose key is not the source is not answered by the attribution.
    kind = _question("statement_kind", "", extra, quote="tend to overread in humid air")
    assert not quotes_the_claim_of(headline, kind)


# --- Reviews 50 to 53 --------------------------------------------------------------------------------


def test_source_type_a_role_word_or_its_ties_a_person_to_a_body() -> None:
    # "League chairman Graham Pilling said" (review 52), "Its chief executive, Tom Becker, said"
    # (review 51), and a source named "Graham Pilling, the league chairman".
    organisation = VOCABULARY.source_type("named_organisation").label
    articles = [
        _person_among_others(
            "League chairman Graham Pilling said the ban was needed.",
            "pilling",
            "Graham Pilling",
            "League chairman Graham Pilling said",
        ),
        _person_among_others(
            "The association backs it. Its chief executive, Tom Becker, said grants were slow.",
            "pilling",
            "Tom Becker",
            "Its chief executive, Tom Becker, said",
        ),
        _person_among_others(
            "Graham Pilling said the ban was needed.",
            "pilling",
            "Graham Pilling, the league chairman",
            "Graham Pilling said",
        ),
    ]
    for article in articles:
        asked = [
            question
            for seed in range(20)
            for question in questions_of(article, "source_type", seed, ASKS_NAMED_PEOPLE)
            if question.extra["source"] == "pilling"
        ]
        assert asked
        assert all(organisation not in question.choices for question in asked)


def test_find_sources_the_speaker_of_a_possessive_is_the_noun_it_owns() -> None:
    # "the league's board announced": the board announced (review 52).
    text = ["The league will ban heading, the league's board announced on Monday."]
    b = ArticleBuilder("Heading", text)
    b.source("league", "the league", "named_organisation", ["the league's board announced"])
    b.claim("The league will ban heading", "attributed", source="league")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "board announced")).score == 1.0


def test_headline_check_body_words_must_be_the_same_word_not_one_sharing_its_start() -> None:
    # "patients with sickness" does not say "Sickens" (review 53); "sickened" would.
    def article(body: str) -> Article:
        b = ArticleBuilder("Sewage Sickens Swimmers", ["Swimmers used the river all summer.", body])
        b.frame("Sickens", "headline_body_mismatch", note="The article names no sick swimmer.")
        return b.build()

    assert len(questions_of(article("A GP saw patients with sickness last week."), "headline_check")) == 1
    assert questions_of(article("The sewage sickened dozens of swimmers last week."), "headline_check") == []


def test_who_said_it_and_support_skip_what_a_group_feels_told_by_someone_else() -> None:
    # "several other mothers at the club felt the same way", from one mother (review 52).
    b = ArticleBuilder(
        "Heading",
        [
            "Sarah Okonkwo, a parent, said several other mothers at the club felt the same way.",
            "The Courier reported the vote. A report by the league found costs rose.",
        ],
    )
    b.source("okonkwo", "Sarah Okonkwo, a parent", "named_person", ["Sarah Okonkwo, a parent, said"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("report", "a report by the league", "document_or_data", ["A report by the league found"])
    b.claim("several other mothers at the club felt the same way", "attributed", source="okonkwo")
    article = b.build()
    assert questions_of(article, "who_said_it") == []
    assert questions_of(article, "support") == []


def test_find_framing_a_note_saying_instead_of_doing_something_still_quotes_the_key() -> None:
    # 'Mr Frost calls the ban "madness" to make it sound silly, instead of saying what is wrong
    # with it' quotes "madness" as the loaded word (review 52).
    from app.domain.kinds.find_framing import FindFraming
    from app.domain.passage import ArticleReading

    note = 'He calls the ban "madness" to make it sound silly, instead of saying what is wrong with it.'
    b = ArticleBuilder("Ban", ['Dan Frost called the ban "health and safety madness" on Monday night.'])
    b.frame("health and safety madness", "loaded_language", note=note)
    article = b.build()
    keys = FindFraming().keys_in(ArticleReading(article, VOCABULARY), 1)
    assert [" ".join(article_words(article, 1)[s:e]) for s, e in keys] == ["madness"]


def article_words(article: Article, block: int) -> list[str]:
    from app.domain.text import Block

    return list(Block.from_text(article.paragraphs[block - 1]).words)


def _choice(kind: str, key: str, paragraph: int = 1) -> Question:
    return Question(
        kind=kind,
        type=CHOICE,
        skill="sources",
        prompt=f"{kind} {key} {paragraph}?",
        explanation="",
        choices=(key, "other"),
        answer=(0,),
        focus=(paragraph, 0, 3),
        extra={"about": [f"{kind}:{key}:{paragraph}"]},
    )


def test_a_quiz_keeps_apart_two_drawn_questions_with_one_key_and_two_support_on_one_paragraph() -> None:
    # "A named person" twice; "Stated as a fact, with no source" on neighbouring sentences (review 51).
    from app.domain.quiz_rules import choices_give_keys_away

    assert choices_give_keys_away(
        _choice("source_type", "A named person"), _choice("source_type", "A named person", 2)
    )
    assert not choices_give_keys_away(
        _choice("source_type", "A named person"), _choice("source_type", "A vague source")
    )
    assert choices_give_keys_away(_choice("support", "x", 3), _choice("support", "y", 3))
    assert not choices_give_keys_away(_choice("support", "x", 3), _choice("support", "y", 4))


# --- Reviews 54 to 57 --------------------------------------------------------------------------------


def test_who_said_it_offers_no_organisation_beside_a_record_a_body_owns() -> None:
    # "The school's own report to governors shows ..." beside "Ashcombe Park Academy" (review 55).
    b = ArticleBuilder(
        "Phone Ban",
        [
            "The school's own report to governors shows attendance rose to 96 per cent last term.",
            "Ashcombe Park Academy said the ban worked. The Courier reported the figures first.",
            "A pupil, Sam Reid, said lessons were calmer.",
        ],
    )
    b.source(
        "report",
        "the school's report to governors",
        "document_or_data",
        ["The school's own report to governors shows"],
    )
    b.source("academy", "Ashcombe Park Academy", "named_organisation", ["Ashcombe Park Academy said"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("reid", "Sam Reid, a pupil", "named_person", ["A pupil, Sam Reid, said"])
    b.claim("attendance rose to 96 per cent last term", "attributed", source="report")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "Ashcombe Park Academy" not in question.choices


def test_who_said_it_a_statistic_from_a_record_needs_a_record_or_body_on_offer() -> None:
    # "caught 14,212 drivers" from the authority's figures, against a phone-in caller and "some
    # motorists" only (review 54).
    b = ArticleBuilder(
        "Bus Lanes",
        [
            "The cameras caught 14,212 drivers in their first four weeks, the authority's figures show.",
            "Some motorists say the signs are hidden. A caller, Maureen, said she was fined twice.",
        ],
    )
    b.source("figures", "the authority's figures", "document_or_data", ["the authority's figures show"])
    b.source("motorists", "some motorists", "vague", ["Some motorists say"])
    b.source("caller", "a caller named only as Maureen", "anonymous", ["A caller, Maureen, said"])
    b.claim("caught 14,212 drivers in their first four weeks", "attributed", source="figures")
    assert questions_of(b.build(), "who_said_it") == []


def test_who_said_it_offers_one_source_of_a_relay_chain() -> None:
    # "Caroline Dent, the local MP" and "Caroline Dent's newsletter" stand or fall together (review 56).
    b = ArticleBuilder(
        "Wind Farm",
        [
            "Supporters say onshore wind is now the cheapest power there is.",
            "Writing in her newsletter, the MP Caroline Dent said the scheme was too big. "
            "The Courier reported the inquiry. A farmer, Tom Pryce, said he backed it.",
        ],
    )
    b.source("supporters", "supporters", "vague", ["Supporters say"])
    b.source("newsletter", "Caroline Dent's newsletter", "document_or_data", ["Writing in her newsletter"])
    b.source(
        "dent",
        "Caroline Dent, the local MP",
        "named_official",
        ["the MP Caroline Dent said"],
        via="newsletter",
    )
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("pryce", "Tom Pryce, a farmer", "named_person", ["A farmer, Tom Pryce, said"])
    b.claim("onshore wind is now the cheapest power there is", "attributed", source="supporters")
    for seed in range(10):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert not {"Caroline Dent, the local MP", "Caroline Dent's newsletter"} <= set(question.choices)


def test_support_and_who_said_it_skip_a_claim_that_names_its_own_finding() -> None:
    # "larger studies had found only small effects", from Dr Petrakis (review 55); the volunteers'
    # count from Dr Ashdown (review 56). A report's "engineers found" is the report's.
    def article(claim: str, source_type: str) -> Article:
        b = ArticleBuilder("Bans", [f"Dr Ana Petrakis said {claim}."])
        b.source("petrakis", "Dr Ana Petrakis", source_type, ["Dr Ana Petrakis said"])
        b.claim(claim, "attributed", source="petrakis")
        return b.build()

    for claim in (
        "larger studies had found only small effects",
        "the trust's own volunteers recorded three pairs",
    ):
        assert questions_of(article(claim, "named_person"), "support") == [], claim
    assert len(questions_of(article("the figures never showed a cause", "named_person"), "support")) == 1
    assert (
        len(questions_of(article("engineers found a crack in one support", "document_or_data"), "support"))
        == 1
    )


def test_how_to_check_skips_what_happened_to_an_unnamed_speaker_even_through_an_outlet() -> None:
    # A phone-in caller's "she had been fined twice on her way to visit her mother" (review 54), and
    # "nobody had asked her opinion" (review 56).
    for claim in ("she had been fined twice on her way to hospital", "nobody had asked her opinion"):
        b = ArticleBuilder("Fines", [f"A caller told Harbrook Sound that {claim}."])
        b.source("sound", "Harbrook Sound", "news_outlet", ["Harbrook Sound"])
        b.source("caller", "a caller", "anonymous", ["A caller told Harbrook Sound"], via="sound")
        b.claim(claim, "attributed", source="caller")
        assert questions_of(b.build(), "how_to_check") == [], claim


def test_how_to_check_skips_an_unnamed_speakers_forecast_even_through_an_outlet() -> None:
    # "some rounds may be cut from the summer", from an unnamed crew member through the Echo: the
    # Echo's report shows only that someone said it (reviews 266, 270 and 273).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Bins",
            [
                f"A bin crew member told Harbrook Sound that {claim}.",
                "The council's waste strategy sets out the rounds.",
            ],
        )
        b.source("sound", "Harbrook Sound", "news_outlet", ["Harbrook Sound"])
        b.source(
            "strategy", "the council's waste strategy", "document_or_data", ["The council's waste strategy"]
        )
        b.claim("sets out the rounds", "attributed", source="strategy")
        b.source(
            "crew", "a bin crew member", "anonymous", ["A bin crew member told Harbrook Sound"], via="sound"
        )
        b.claim(claim, "attributed", source="crew")
        return [q for q in questions_of(b.build(), "how_to_check") if "rounds" not in q.quote]

    assert asked("some collections may be cut from the summer") == []
    assert asked("some collections will be cut from the summer") == []
    (question,) = asked("some collections were cut last summer")
    assert question.answer_text == ["Find Harbrook Sound's own report of it"]


def test_how_to_check_skips_a_named_speakers_guess_passed_on_by_an_outlet() -> None:
    # "schools with breakfast clubs might simply be better organised", an expert's guess told to the
    # Echo: reading the study it is about could be defended as the first step (review 277).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Breakfast Clubs",
            [
                f"Professor Anil Mehta told the Harwick Echo that {claim}.",
                "The Castlebrook University study looked at 40 schools.",
            ],
        )
        b.source("echo", "the Harwick Echo", "news_outlet", ["the Harwick Echo"])
        b.source(
            "study",
            "the Castlebrook University study",
            "document_or_data",
            ["The Castlebrook University study"],
        )
        b.claim("looked at 40 schools", "attributed", source="study")
        b.source(
            "mehta",
            "Professor Anil Mehta",
            "named_person",
            ["Professor Anil Mehta told the Harwick Echo"],
            via="echo",
        )
        b.claim(claim, "attributed", source="mehta")
        return [q for q in questions_of(b.build(), "how_to_check") if "40" not in q.quote]

    assert asked("schools with breakfast clubs might simply be better organised") == []
    (question,) = asked("schools with breakfast clubs opened earlier")
    assert question.answer_text == ["Find the Harwick Echo's own report of it"]


def test_statement_kind_skips_evidence_and_the_conclusion_drawn_from_it() -> None:
    # "Similar schemes elsewhere suggest that fines may drop": observed and forecast (review 54).
    b = ArticleBuilder(
        "Fines", ["Similar schemes elsewhere suggest that fines may drop by a third, he said."]
    )
    b.claim(
        "Similar schemes elsewhere suggest that fines may drop by a third", "attributed", kind="prediction"
    )
    assert questions_of(b.build(), "statement_kind") == []


def test_headline_evidence_offers_no_sentence_giving_the_headlines_figure_or_rejecting_it() -> None:
    from app.domain.kinds.headline_evidence import HeadlineEvidence
    from app.domain.text import figures

    assert figures("Net Council £850,000") == {"850000"}
    assert figures("as much as £850,000 a year") & figures("Net Council £850,000")
    # "rejected the link" argues against the headline: no reader would take it for support (review 57).
    b = ArticleBuilder(
        "Benefit Cuts Drive Food Bank Demand",
        [
            "Food banks gave out 40,000 parcels this winter.",
            "The Department for Work rejected the link.",
        ],
    )
    b.frame(
        "Benefit Cuts Drive", "headline_body_mismatch", note='"The Department for Work rejected the link."'
    )
    from app.domain.passage import ArticleReading

    reading = ArticleReading(b.build(), VOCABULARY)
    (place,) = [place for text, place in HeadlineEvidence.noted_sentences(reading, b.framing[0])]
    assert HeadlineEvidence.argues_against(reading, place)


def test_who_said_it_skips_words_naming_the_body_of_the_person_who_speaks_for_it() -> None:
    # "the company would pay £140,000 a year" from the company's project director (review 56); a body
    # further on is only a place ("sits on the library roof").
    def article(claim: str) -> Article:
        b = ArticleBuilder(
            "Wind Farm",
            [
                f"Rachel Odum, Greystone's project director, said {claim}.",
                "Supporters say wind is cheap. The Courier reported the inquiry. "
                "A farmer, Tom Pryce, said he backed it.",
            ],
        )
        b.source(
            "odum",
            "Rachel Odum, Greystone's project director",
            "named_person",
            ["Rachel Odum, Greystone's project director, said"],
        )
        b.source("supporters", "supporters", "vague", ["Supporters say"])
        b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
        b.source("pryce", "Tom Pryce, a farmer", "named_person", ["A farmer, Tom Pryce, said"])
        b.claim(claim, "attributed", source="odum")
        return b.build()

    assert (
        questions_of(article("the company would pay into a community fund every year"), "who_said_it") == []
    )
    assert len(questions_of(article("the nearest monitor sits on the library roof"), "who_said_it")) == 1


# --- Reviews 58 to 61 --------------------------------------------------------------------------------


def test_a_group_named_by_a_plural_noun_and_its_feelings_is_a_groups_view() -> None:
    # "families felt 'completely betrayed'", from one campaigner (review 58).
    b = ArticleBuilder(
        "Zoo",
        [
            "Campaigner Grace Okoro said families felt completely betrayed by the decision.",
            "The Courier reported the vote. A report by the charity found the pens were small.",
        ],
    )
    b.source("okoro", "Grace Okoro, a campaigner", "named_person", ["Campaigner Grace Okoro said"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.source("report", "a report by the charity", "document_or_data", ["A report by the charity found"])
    b.claim("families felt completely betrayed by the decision", "attributed", source="okoro")
    article = b.build()
    assert questions_of(article, "who_said_it") == []
    assert questions_of(article, "support") == []


def test_spot_hedge_names_a_listed_cue_the_key_leaves_out() -> None:
    # Cues "could" and "as early as": the key is "could", and the explanation says why "as early as"
    # is not needed, so a note calling both hedges does not argue with the key (review 58).
    b = ArticleBuilder("Zoo", ["The herd could leave the city as early as next spring, the director said."])
    b.claim(
        "The herd could leave the city as early as next spring",
        "hedged",
        cues=["could", "as early as"],
        note='"Could" and "as early as" show this is not certain.',
    )
    (question,) = questions_of(b.build(), "spot_hedge")
    assert question.answer_text == ["could"]
    rough = (
        '"As early as" gives a size or a time roughly: fine to select too, but the word of doubt is "could".'
    )
    assert rough in question.explanation


def test_who_said_it_and_support_skip_a_claim_whose_attribution_is_in_a_later_clause() -> None:
    # "The detectors cost the school £4,000, money Mr Delaney says should have gone on books": he says
    # the clause about books (review 60). "..., according to the budget papers" at the end of the
    # sentence gives the whole of it.
    def article(sentence: str, claim: str, mention: str) -> Article:
        b = ArticleBuilder(
            "Vaping", [sentence, "The Courier reported the survey. Some parents say the rules are weak."]
        )
        b.source("delaney", "Mark Delaney, the head teacher", "named_person", [mention])
        b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
        b.source("parents", "some parents", "vague", ["Some parents say"])
        b.claim(claim, "attributed", source="delaney")
        return b.build()

    later = article(
        "The detectors cost the school £4,000, money Mr Delaney says should have gone on books.",
        "The detectors cost the school £4,000",
        "Mr Delaney says",
    )
    assert questions_of(later, "who_said_it") == [] and questions_of(later, "support") == []
    whole = article(
        "The detectors cost the school £4,000 last term, according to Mr Delaney.",
        "The detectors cost the school £4,000",
        "according to Mr Delaney",
    )
    assert len(questions_of(whole, "support")) == 1


def test_find_framing_a_sweeping_word_is_the_key_of_its_span() -> None:
    # "almost every high street": the plain nouns alone do not find the exaggeration (review 60).
    from app.domain.kinds.find_framing import FindFraming
    from app.domain.passage import ArticleReading

    b = ArticleBuilder("Vaping", ["Vape shops now stand on almost every high street in the county."])
    b.frame("almost every high street", "exaggeration_minimisation")
    article = b.build()
    keys = FindFraming().keys_in(ArticleReading(article, VOCABULARY), 1)
    assert [" ".join(article_words(article, 1)[s:e]) for s, e in keys] == ["every"]


def test_headline_check_a_rough_size_elsewhere_in_the_sentence_does_not_hedge_the_headlines_words() -> None:
    # "Shopkeepers say trade has collapsed, with some reporting takings down by as much as a third"
    # says "Trade Collapses" (review 61); "may be losing almost an hour" does not say "an Hour".
    b = ArticleBuilder(
        "Trade Collapses as Parking Fees Start",
        [
            "Shopkeepers say trade has collapsed since the fees began, with some reporting takings down "
            "by as much as a third.",
            "The council says income rose.",
        ],
    )
    b.frame("Trade Collapses", "headline_body_mismatch", note="Only some shops gave figures.")
    assert questions_of(b.build(), "headline_check") == []


# --- Left from reviews 59 and 61 ---------------------------------------------------------------------


def test_find_sources_is_not_asked_where_a_participle_gives_a_second_source() -> None:
    # "Shopkeepers say trade has collapsed, with some reporting takings down by a third": "some
    # reporting" is an attribution the teacher did not mark (review 61).
    b = ArticleBuilder(
        "Parking",
        [
            "Shopkeepers say trade has collapsed since April, with some reporting takings down by a third.",
            "The council said income from the car parks rose by a third over the same months last year.",
        ],
    )
    b.source("shops", "shopkeepers", "vague", ["Shopkeepers say"])
    b.source("council", "the council", "named_organisation", ["The council said"])
    b.claim("trade has collapsed since April", "attributed", source="shops")
    b.claim("income from the car parks rose by a third", "attributed", source="council")
    assert [q.block for q in questions_of(b.build(), "find_sources")] == [2]


def test_find_sources_a_relative_clause_saying_who_speaks_is_free() -> None:
    # "said Councillor Derek Ashworth, who leads the opposition group on Hallingford Town Council and
    # wants the scheme scrapped": who he is costs nothing; what he wants still does (review 59).
    b = ArticleBuilder(
        "Scooters",
        [
            '"It is reckless," said Councillor Derek Ashworth, who leads the opposition group on Hallingford '
            "Town Council and wants the scheme scrapped when its trial year ends.",
        ],
    )
    b.source("ashworth", "Councillor Derek Ashworth", "named_official", ["said Councillor Derek Ashworth"])
    (question,) = questions_of(b.build(), "find_sources")
    role = "said Councillor Derek Ashworth who leads the opposition group on Hallingford Town Council"
    assert score_answer(question, selected(question, role)).score == 1
    assert score_answer(question, selected(question, role + " and wants the scheme scrapped")).score < 1


def test_find_sources_a_refusal_is_free_not_required() -> None:
    # "A police spokesperson declined to say whether ...", "It did not say ...": who was asked, not
    # where information comes from; a careful reader may leave them out (review 59). A speaker "who
    # asked not to be named" still speaks.
    b = ArticleBuilder(
        "Scooters",
        [
            "Eastmere Police said there had been 46 complaints. It did not say how many involved rental "
            "scooters. A police spokesperson declined to say whether anyone had been charged.",
            "One rider, who asked not to be named, said she felt safe on the scooters and rode one every "
            "day to her job at the hospital.",
        ],
    )
    b.source(
        "police",
        "Eastmere Police",
        "named_organisation",
        ["Eastmere Police said", "It did not say", "A police spokesperson declined to say"],
    )
    b.source("rider", "one rider", "anonymous", ["One rider, who asked not to be named, said"])
    first, second = questions_of(b.build(), "find_sources")
    assert score_answer(first, selected(first, "Police said")).score == 1
    everything_said = selected(
        first, "Eastmere Police said", "It did not say", "A police spokesperson declined to say"
    )
    assert score_answer(first, everything_said).score == 1
    assert score_answer(second, selected(second, "said")).score < 1


# --- Reviews 62 to 65 --------------------------------------------------------------------------------


def test_statement_kind_skips_an_opinion_in_words_about_the_future() -> None:
    # "a disaster waiting to happen", "the only way to secure the club's future": "a prediction" could
    # be defended too (reviews 63 and 65).
    def article(claim: str) -> Article:
        b = ArticleBuilder(
            "School", [f"Parent Gary Whitfield said {claim}. The school said it would review it."]
        )
        b.source("whitfield", "Gary Whitfield, a parent", "named_person", ["Parent Gary Whitfield said"])
        b.claim(claim, "attributed", source="whitfield", kind="opinion")
        return b.build()

    assert questions_of(article("the plan was a disaster waiting to happen"), "statement_kind") == []
    assert (
        questions_of(article("the move is the only way to secure the club's future"), "statement_kind") == []
    )
    assert len(questions_of(article("the plan was a disaster for families"), "statement_kind")) == 1
    # "a whole day without structure is a recipe for disaster": it will end badly (review 327).
    assert questions_of(article("a day without lessons is a recipe for disaster"), "statement_kind") == []


def test_a_closing_attribution_left_unmarked_keeps_the_writers_own_words_unasked() -> None:
    # "... must now be kept indoors. The rules may stay in place for 30 days, officials said.": the
    # officials may speak for the whole paragraph (review 64); "Critics say ..." speaks for what follows.
    def article(second: str) -> Article:
        b = ArticleBuilder(
            "Bird flu",
            [
                f"Inside the zone, all poultry must now be kept indoors. {second}",
                "The agency said the zone covers ten kilometres. Farmer Priya Mistry said she was worried. "
                "The Courier reported the outbreak first.",
            ],
        )
        b.source("agency", "the agency", "named_organisation", ["The agency said"])
        b.source("mistry", "Priya Mistry, a farmer", "named_person", ["Farmer Priya Mistry said"])
        b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
        b.claim("all poultry must now be kept indoors", "unattributed")
        return b.build()

    closing = article("The rules may stay in place for at least 30 days, officials said.")
    assert questions_of(closing, "who_said_it") == [] and questions_of(closing, "support") == []
    opening = article("Critics say the rules came too late for small farms.")
    assert len(questions_of(opening, "who_said_it")) == 1
    # Closing with to whom or when: "..., a former manager told the Castlebury Echo", "..., officials
    # said on Tuesday" (review 152); not "In the end, critics say the rules are wrong".
    for tail in (
        "a former manager told the Courier.",
        "officials said on Tuesday.",
        "officials said in a statement.",
        # A longer description of who speaks (review 181).
        "a paramedic based at the hospital told the Courier.",
        # The source after "according to" (review 264).
        "according to hospital figures.",
        "according to figures from the city's hospital trust.",
    ):
        told = article(f"The rules may stay in place for at least 30 days, {tail}")
        assert questions_of(told, "who_said_it") == [] and questions_of(told, "support") == [], tail
    assert len(questions_of(article("In the end, critics say the rules are wrong."), "who_said_it")) == 1


def test_who_said_it_offers_a_wrong_source_of_the_keys_own_kind() -> None:
    # "it represents more than 2,000 season-ticket holders" from the fans' trust, against two reports;
    # a poll's "58 per cent" against two people: the key is the only one of its kind (review 63).
    def article(other_body: bool) -> Article:
        b = ArticleBuilder(
            "Stadium",
            [
                "The Supporters' Trust, which says it represents more than 2,000 season-ticket holders, "
                "opposes the move.",
                "The planning application says the ground will hold 18,000. A council transport report "
                "found that buses are slow."
                + (" The Riverside Residents' Association said parking is short." if other_body else ""),
            ],
        )
        b.source(
            "trust", "the Supporters' Trust", "named_organisation", ["The Supporters' Trust, which says"]
        )
        b.source(
            "application",
            "the club's planning application",
            "document_or_data",
            ["The planning application says"],
        )
        b.source(
            "report", "a council transport report", "document_or_data", ["A council transport report found"]
        )
        if other_body:
            b.source(
                "residents",
                "the Riverside Residents' Association",
                "named_organisation",
                ["The Riverside Residents' Association said"],
            )
        b.claim("it represents more than 2,000 season-ticket holders", "attributed", source="trust")
        return b.build()

    assert questions_of(article(other_body=False), "who_said_it") == []
    for seed in range(1, 6):
        (question,) = questions_of(article(other_body=True), "who_said_it", seed)
        assert "the Riverside Residents' Association" in question.choices


def test_a_passage_cut_inside_a_quotation_shows_its_marks_in_pairs() -> None:
    # '300,000 birds or more" could be culled': the claim starts inside the farmer's quotation
    # (review 64).
    from app.domain.kinds.base import balanced_gaps

    b = ArticleBuilder(
        "Bird flu",
        ['"300,000 birds or more" could be culled this month, one farmer warned.'],
    )
    b.claim('"300,000 birds or more" could be culled this month', "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    shown = question.gaps[0] + "".join(w + g for w, g in zip(question.words, question.gaps[1:], strict=True))
    assert shown.startswith('"300,000 birds or more" could')
    assert balanced_gaps(("", '," ', " ", "")) == ('"', '," ', " ", "")
    assert balanced_gaps(("", ' "', " ", "")) == ("", ' "', " ", '"')
    assert balanced_gaps(("", ' "', '" ', "")) == ("", ' "', '" ', "")


def test_find_framing_a_note_quoting_the_spans_leading_the_still_names_its_words() -> None:
    # The note quotes "The whole town centre" of the span "the whole town centre will turn into a ghost
    # town": selecting the words the feedback calls framing earns full marks (review 63).
    b = ArticleBuilder(
        "Stadium",
        [
            "Shop owners say they are already dreading the move. Some say the whole town centre will turn "
            "into a ghost town once the club has gone. The high street has lost 14 shops since 2020.",
        ],
    )
    b.frame("already dreading", "loaded_language", note='"Dreading" is a strong word.')
    b.frame(
        "the whole town centre will turn into a ghost town",
        "exaggeration_minimisation",
        note='"The whole town centre" and "ghost town" make the loss sound far bigger.',
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    for chosen in ("whole town centre", "ghost town"):
        assert score_answer(question, selected(question, "dreading", chosen)).score == 1


def test_a_records_unmarked_shows_counts_as_an_attribution() -> None:
    # "Heating bills have nearly tripled since 2021, the report shows. Like many schools, Castlebrook
    # has seen its funding fall behind": the report may speak for the next sentence too (review 65).
    b = ArticleBuilder(
        "School",
        [
            "Heating bills at the school have nearly tripled since 2021, the report shows. Like many "
            "schools, Castlebrook has seen its funding fall behind rising costs for years.",
            "The trust said two schools were watching. Parent Gary Whitfield said it was a disaster.",
        ],
    )
    b.source("trust", "the trust", "named_organisation", ["The trust said"])
    b.source("whitfield", "Gary Whitfield, a parent", "named_person", ["Parent Gary Whitfield said"])
    b.claim(
        "Like many schools, Castlebrook has seen its funding fall behind rising costs for years",
        "unattributed",
    )
    article = b.build()
    assert questions_of(article, "support") == []
    assert questions_of(article, "find_unverified") == []


def test_find_sources_keys_the_noun_a_possessive_owns_and_stops_at_what_describes_it() -> None:
    # "The engineers' report, published on the council's website, warns": the report speaks (review
    # 66); "according to figures published by the company": the figures, not "published" (review 67);
    # "Some people who tried it say": the people.
    from app.domain.passage import ArticleReading, attribution_key_words

    def key_of(text: str, mention: str, name: str) -> list[str]:
        b = ArticleBuilder("Pool", [text])
        b.source("s", name, "document_or_data", [mention])
        article = b.build()
        reading = ArticleReading(article, VOCABULARY)
        block = reading.blocks[1]
        (span,) = article.sources[0].mentions
        hits = reading.attribution_hits(1)
        keys = attribution_key_words(block, (span.start, span.end), article.sources[0], hits)
        return [" ".join(block.words[s:e]) for s, e in keys]

    assert key_of(
        "The engineers' report, published on the council's website, warns that the roof could fail.",
        "The engineers' report, published on the council's website, warns",
        "the engineers' structural survey",
    ) == ["report", "warns"]
    assert key_of(
        "Parents downloaded it 40,000 times, according to figures published by the company that makes it.",
        "according to figures published by the company that makes it",
        "download figures published by Lexora",
    ) == ["according", "figures"]
    assert key_of(
        "Some people who tried it say their sneezing has stopped.",
        "Some people who tried it say",
        "some people who tried it",
    ) == ["people", "say"]


def test_whose_words_the_headline_quotes_offers_nobody_tied_to_the_keys_name() -> None:
    # "Maya Brennan, Lexora's founder" beside "Lexora's press release" (review 67); a town the whole
    # story is set in does not point at the key (review 66).
    b = ArticleBuilder(
        "Kingsmead App 'Instantly' Spots Dyslexia",
        [
            'In a press release, Lexora said the app can tell parents "instantly whether a child is '
            'dyslexic". Kingsmead parents queued for it.',
            '"It works," said Maya Brennan, Lexora\u2019s founder. Dr Rebecca Lindqvist said it was unproven.'
            " Kingsmead teacher Anna Cole said she had doubts. The Kingsmead Echo reported the launch. A"
            " government report found waiting lists were long.",
        ],
    )
    b.source("report", "a government report", "document_or_data", ["A government report found"])
    b.source("release", "Lexora's press release", "document_or_data", ["In a press release, Lexora said"])
    b.source("brennan", "Maya Brennan, Lexora's founder", "named_person", ["said Maya Brennan"])
    b.source("lindqvist", "Dr Rebecca Lindqvist", "named_person", ["Dr Rebecca Lindqvist said"])
    b.source("cole", "Anna Cole, a Kingsmead teacher", "named_person", ["Kingsmead teacher Anna Cole said"])
    b.source("echo", "the Kingsmead Echo", "news_outlet", ["The Kingsmead Echo reported"])
    for seed in range(1, 8):
        (question,) = questions_of(b.build(), "headline_quote", seed)
        assert question.answer_text == ["Lexora's press release"]
        assert "Maya Brennan, Lexora's founder" not in question.choices


def test_who_said_it_does_not_say_offers_no_source_named_in_the_paragraph_before() -> None:
    # "... until 2028, two years later than promised, the revised timetable shows." then "It was
    # supposed to be finished by the end of 2026.": the timetable may be read as its source (review 69).
    b = ArticleBuilder(
        "Flood wall",
        [
            "Kelbridge will wait until 2028 for its flood wall, two years later than promised, the council's "
            "revised timetable shows.",
            "It was supposed to be finished by the end of 2026. Work has not started.",
            "Resident Sunita Rao said she was scared. Graham Pike of the Rivers Agency said money was short. "
            "Rainfall records show a wet winter.",
        ],
    )
    b.source(
        "timetable",
        "the council's revised timetable",
        "document_or_data",
        ["the council's revised timetable shows"],
    )
    b.source("rao", "Sunita Rao, a resident", "named_person", ["Resident Sunita Rao said"])
    b.source(
        "pike",
        "Graham Pike of the Rivers Agency",
        "named_official",
        ["Graham Pike of the Rivers Agency said"],
    )
    b.source("records", "rainfall records", "document_or_data", ["Rainfall records show"])
    b.claim("It was supposed to be finished by the end of 2026", "unattributed")
    for seed in range(1, 8):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "the council's revised timetable" not in question.choices


def test_support_is_not_asked_where_the_attribution_is_a_hedge_word() -> None:
    # "Some say the problem has been made worse ...": "some say" is in the hedge words, so "Hedged by
    # the writer" could be defended beside "An unnamed or vague source" (review 68).
    def article(attribution: str) -> Article:
        b = ArticleBuilder("Shoplifting", [f"{attribution} the police rarely investigate small thefts."])
        b.source("some", "some people", "vague", [attribution])
        b.claim("the police rarely investigate small thefts", "attributed", source="some")
        return b.build()

    assert questions_of(article("Some say"), "support") == []
    assert len(questions_of(article("Many shopkeepers say"), "support")) == 1


def test_find_framing_explanation_keeps_a_scare_quote_inside_its_words_readable() -> None:
    # 'so-called "crackdown' was shown as "so-called "crackdown" (review 68).
    # A speaker's quotation beside it, so that the quoted words alone do not find the answer.
    b = ArticleBuilder(
        "Shoplifting",
        [
            'The so-called "crackdown" could begin in March, the firm says. "We will check bags at every '
            'till in every store from the first day," said its director.'
        ],
    )
    b.frame('so-called "crackdown', "scare_quotes", note="Who calls it that?")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert "\"so-called 'crackdown'\"" in question.explanation


def test_find_framing_scare_quotes_are_found_by_the_quoted_word_or_the_word_that_mocks_it() -> None:
    # 'so-called "crackdown"': "crackdown" alone earned half (review 68).
    b = ArticleBuilder(
        "Shoplifting",
        [
            'The so-called "crackdown" could begin in March, and will include extra checks at the tills. '
            '"We will check bags at every till in every store from the first day," said its director.'
        ],
    )
    b.frame('so-called "crackdown"', "scare_quotes", note='"So-called" and "crackdown" mock the plan.')
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    for chosen in ("crackdown", "so-called", "so-called crackdown"):
        assert score_answer(question, selected(question, chosen)).score == 1
    assert score_answer(question, selected(question, "extra checks")).score == 0


def test_find_framing_the_notes_words_or_the_emotive_ones_each_find_the_span() -> None:
    # '"Run wild" paints a picture' of "let dangerous dogs run wild": "run wild", the words the
    # explanation names, scored 0.4 beside "dangerous" alone 1.0 (review 225).
    b = ArticleBuilder(
        "Dogs",
        [
            "Councillor Tom Ashby said the licence was about the small number of owners who let "
            "dangerous dogs run wild. Owners caught without a licence would be fined two hundred pounds."
        ],
    )
    b.frame("let dangerous dogs run wild", "loaded_language", note='"Run wild" paints a picture of chaos.')
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    for chosen in ("run wild", "dangerous", "let dangerous dogs run wild"):
        assert score_answer(question, selected(question, chosen)).score == 1, chosen
    assert score_answer(question, selected(question, "let")).score < 0.5  # its share of the span
    assert score_answer(question, selected(question, "licence would be fined")).score == 0


# --- Reviews 70 to 73 --------------------------------------------------------------------------------


def test_find_sources_keys_a_record_not_the_time_and_the_agent_of_a_passive() -> None:
    # "A council survey last year found": "survey", not "year" (review 71); "a figure confirmed by
    # police collision data": the data, which the passage must show (review 72); "Gary Pike, 52, who
    # has worked in the town for 20 years" says who he is and costs nothing (review 72).
    b = ArticleBuilder(
        "Lanes",
        [
            "A council survey last year found that a third of pupils cycle to school every day in the "
            "summer term. Asha Patel said 14 cyclists had been injured on the road in five years, a figure "
            "confirmed by police collision data.",
            '"Nobody asked us," said taxi driver Gary Pike, 52, who has worked in the town for 20 years. '
            '"The queues now start before seven in the morning and last until the shops close." '
            # Words of the writer's outside the quotation: with none, the marks alone would give the
            # answer away and nothing is asked (review 221).
            "The new traffic lights on the ring road were put in last March.",
        ],
    )
    b.claim("The new traffic lights on the ring road were put in last March", "unattributed")
    b.source(
        "survey", "a council survey from last year", "document_or_data", ["A council survey last year found"]
    )
    b.source("patel", "Asha Patel", "named_official", ["Asha Patel said"])
    b.source(
        "data", "police collision data", "document_or_data", ["a figure confirmed by police collision data"]
    )
    b.source("pike", "Gary Pike, a taxi driver", "named_person", ["said taxi driver Gary Pike"])
    b.claim("a third of pupils cycle to school every day in the summer term", "attributed", source="survey")
    b.claim("14 cyclists had been injured on the road in five years", "corroborated", source="patel")
    b.claim("Nobody asked us", "attributed", source="pike")
    first, second = questions_of(b.build(), "find_sources")
    keys = [" ".join(first.words[s:e]) for s, e in first.keys]
    assert keys == ["survey", "Patel", "said", "confirmed", "data"]
    assert "police collision data" in first.answer_text[-1]
    role = "said taxi driver Gary Pike 52 who has worked in the town for 20 years"
    assert score_answer(second, selected(second, role)).score == 1


def test_find_sources_an_age_a_role_and_a_who_clause_after_a_name_all_cost_nothing() -> None:
    # "said Leanne Okafor, 34, a shift supervisor at the Market Street branch, who has worked for
    # Bramwell's for nine years": the "who" clause after the role cost a fifth (review 152).
    b = ArticleBuilder(
        "Bakery",
        [
            "The chain was sold in March.",
            '"Now it\'s twenty minutes," said Leanne Okafor, 34, a shift supervisor at the Market Street '
            "branch, who has worked for Bramwell's for nine years. The chain said breaks meet the law.",
        ],
    )
    b.source("okafor", "Leanne Okafor, a shift supervisor", "named_person", ["said Leanne Okafor"])
    b.source("chain", "Bramwell's", "named_organisation", ["The chain said"])
    b.claim("Now it's twenty minutes", "attributed", source="okafor")
    b.claim("breaks meet the law", "attributed", source="chain")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
    whole = (
        "said Leanne Okafor 34 a shift supervisor at the Market Street branch "
        "who has worked for Bramwell's for nine years"
    )
    assert score_answer(question, selected(question, whole, "The chain said")).score == 1


def test_who_said_it_skips_them_from_a_loose_group() -> None:
    # "Some reviewers say the drink gave them headaches": "them" are the speakers, a group (review 73).
    b = ArticleBuilder(
        "Drink",
        [
            "Some reviewers say the drink gave them headaches at night.",
            "Dr Amir Shah said senna explains the cramps. The Medway chain said refunds were rising. "
            "Tom Reed, the firm's boss, said customers come first.",
        ],
    )
    b.source("reviewers", "some reviewers", "vague", ["Some reviewers say"])
    b.source("shah", "Dr Amir Shah", "named_person", ["Dr Amir Shah said"])
    b.source("medway", "the Medway chain", "named_organisation", ["The Medway chain said"])
    b.source("reed", "Tom Reed, the firm's boss", "named_person", ["Tom Reed, the firm's boss, said"])
    b.claim("the drink gave them headaches at night", "attributed", source="reviewers")
    assert questions_of(b.build(), "who_said_it") == []


def test_spot_hedge_a_range_of_numbers_is_free_beside_the_doubt_word() -> None:
    # 'staff had refunded "maybe 30 or 40 cans"': the range is a guess too (review 73).
    b = ArticleBuilder("Drink", ["A worker said staff had refunded maybe 30 or 40 cans in one morning."])
    b.claim("staff had refunded maybe 30 or 40 cans in one morning", "hedged", cues=["maybe"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "maybe 30 or 40")).score == 1
    assert score_answer(question, selected(question, "maybe")).score == 1


def test_spot_hedge_the_word_before_a_free_rough_size_is_free_too() -> None:
    # "Phone bans could raise GCSE results by as much as a grade": the explanation calls "as much as"
    # fine to select, yet "by" beside it cost a quarter (review 147).
    b = ArticleBuilder("Phones", ["Phone bans could raise GCSE results by as much as a grade."])
    b.claim("Phone bans could raise GCSE results by as much as a grade", "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "could", "by as much as")).score == 1
    assert score_answer(question, selected(question, "could")).score == 1
    assert score_answer(question, tuple(range(len(question.words)))).score == 0


def test_spot_hedge_a_rough_size_is_free_with_the_whole_amount_it_sizes() -> None:
    # "could cut vaping on site by as much as 80 per cent within a year": "as much as 80" was free,
    # yet "per cent" after it cost a sixth (review 263).
    claim = "the sensors could cut vaping on the school site by as much as 80 per cent within a year"
    b = ArticleBuilder("Sensors", [f"Supporters say {claim}."])
    b.source("supporters", "supporters", "vague", ["Supporters say"])
    b.claim(claim, "hedged", source="supporters", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "could", "as much as 80 per cent")).score == 1
    too_far = selected(question, "could", "as much as 80 per cent within a year")
    assert score_answer(question, too_far).score < 1
    assert score_answer(question, selected(question, "could")).score == 1


def test_spot_hedge_a_listed_rough_time_is_free_with_what_it_times() -> None:
    # "could be approved as early as next month", cues [could, as early as]: the explanation calls
    # "as early as" fine to select, yet "as early as next month" cost two thirds; with it free, too
    # few words are left to mark in eight, so the question goes (review 151). In a longer claim it
    # stays, and the time is free.
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Homes", [f"The council said {claim}."])
        b.claim(claim, "hedged", cues=["could", "as early as"])
        return questions_of(b.build(), "spot_hedge")

    assert asked("the homes could be approved as early as next month") == []
    (longer,) = asked("the 340 homes on Longmead Fields could be approved as early as next month")
    assert score_answer(longer, selected(longer, "could", "as early as next month")).score == 1


def test_spot_hedge_an_unlisted_rough_time_is_free_with_the_time() -> None:
    # "which could be open to buses as early as March", cue "could", the note quoting "as early as":
    # "as early as" was free but "March" after it cost a third (review 318); with it free, that
    # ten-word claim leaves too few words to mark, so its question goes. Not "about" before a plain
    # word: "about this plan" gives no time.
    claim = "the new lane could be open to buses and taxis as early as March"
    b = ArticleBuilder("Lane", [f"Work began on Monday, and {claim}."])
    b.claim(claim, "hedged", cues=["could"], note='"Could" shows doubt and "as early as" is the best case.')
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "could", "as early as March")).score == 1
    assert score_answer(question, selected(question, "could")).score == 1
    assert '"As early as" gives a size or a time roughly' in question.explanation
    plain = "the council could change its mind about this plan for the lane in the town centre"
    b = ArticleBuilder("Lane", [f"Some think {plain}."])
    b.claim(plain, "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "could", "about this")).score < 1


def test_spot_hedge_a_cue_of_the_hedges_meaning_word_lists_the_hedge() -> None:
    # "The charges are expected to raise around £900,000 a year", cue "expected": the hedge "expected
    # to" was read as unlisted, so no question was asked and the audit asked for a cue already there
    # (review 324).
    from app.domain.audit import audit_article

    claim = "The new parking charges are expected to raise around £900,000 a year for the trust"
    b = ArticleBuilder("Parking", [f"{claim}."])
    b.claim(claim, "hedged", cues=["expected"])
    article = b.build()
    (question,) = questions_of(article, "spot_hedge")
    assert score_answer(question, selected(question, "expected to")).score == 1
    assert not any("expected" in str(finding) for finding in audit_article(article, VOCABULARY))


def test_spot_hedge_a_verbs_fixed_phrase_is_free_with_it() -> None:
    # "The rules may come into force as early as 1 March": "come" was free, "into force" cost a third
    # each (review 330, a fail).
    claim = "the new rules on skateboards may come into force across the whole town centre"
    b = ArticleBuilder("Rules", [f"Councillors said {claim}."])
    b.claim(claim, "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "may come into force")).score == 1
    assert score_answer(question, selected(question, "may come into force across")).score < 1


def test_spot_hedge_more_likely_beside_the_doubt_word_is_free() -> None:
    # "pedestrians may be more likely to be hit by cars on unlit roads": "more likely" compares, so
    # "may" is the key, but a careful reader who also selected "likely" lost a ninth (review 150).
    b = ArticleBuilder("Lights", ["Pedestrians may be more likely to be hit by cars on unlit roads."])
    b.claim("Pedestrians may be more likely to be hit by cars on unlit roads", "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "may", "more likely")).score == 1
    assert score_answer(question, selected(question, "more likely")).score == 0


def test_find_unverified_skips_a_figure_or_a_refusal_marked_only_as_a_mention() -> None:
    # "Storm, who has 3.2 million followers on Instagram, posted a video": a figure with no source,
    # inside what the teacher marked as who speaks; "StarPath did not reply to questions" is the
    # writer's own report (review 73).
    def article(second: str, mention: str) -> Article:
        b = ArticleBuilder("Drink", [f"The launch was a runaway success. {second}"])
        b.source("storm", "Storm", "named_person", [mention])
        b.claim("The launch was a runaway success", "unattributed")
        return b.build()

    assert (
        questions_of(
            article(
                "Storm, who has 3.2 million followers, posted a video.",
                "Storm, who has 3.2 million followers, posted",
            ),
            "find_unverified",
        )
        == []
    )
    assert (
        questions_of(
            article("Her manager did not reply to questions.", "Her manager did not reply"), "find_unverified"
        )
        == []
    )


def test_source_type_a_headteacher_is_tied_to_a_body() -> None:
    # "The headteacher, Paul Dwyer, said the school would listen": "A named organisation" could be
    # defended (review 75); "headteacher" is a role word now, as "head" was.
    organisation = VOCABULARY.source_type("named_organisation").label
    article = _board_member("The headteacher, Gregory Tan, said the school would listen.", "Gregory Tan")
    asked = 0
    for seed in range(20):
        for question in questions_of(article, "source_type", seed, ASKS_NAMED_PEOPLE):
            if question.extra["source"] == "tan":
                asked += 1
                assert organisation not in question.choices, question.prompt
    assert asked


# --- Reviews 74 to 77 --------------------------------------------------------------------------------


def test_who_said_it_a_closing_attribution_is_not_covered_by_the_next_sentences_mention() -> None:
    # '"... is plenty," Mr Mehta added. He said ...': the unmarked "added" sat within reach of the next
    # sentence's "He said", so the explanation quoted another sentence's attribution (review 77).
    b = ArticleBuilder(
        "Bins",
        [
            'Councillor Raj Mehta said the change was about recycling. "Most of them will find a fortnightly '
            'bin is plenty," Mr Mehta added. He said officers would visit the street.',
            "Resident Dawn Pickering said rats were a problem. The Echo reported the vote.",
        ],
    )
    b.source("mehta", "Raj Mehta, a councillor", "named_official", ["Councillor Raj Mehta said", "He said"])
    b.source("pickering", "Dawn Pickering, a resident", "named_person", ["Resident Dawn Pickering said"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo reported"])
    b.claim("Most of them will find a fortnightly bin is plenty", "attributed", source="mehta")
    assert questions_of(b.build(), "who_said_it") == []


def test_whose_words_the_headline_quotes_offers_a_wrong_source_of_the_speakers_kind() -> None:
    # A referee's "Scared" against an association and a radio station (review 74).
    def article(with_person: bool) -> Article:
        b = ArticleBuilder(
            "Referees 'Scared' as Abuse Grows",
            [
                '"I was scared to blow the whistle," said referee Jamie Collins.',
                "The county FA told Radio Northmoor it was worried about referees. The league's records show"
                " 14 cases of abuse of referees."
                + (" Coach Dev Marsh said parents shout." if with_person else ""),
            ],
        )
        b.source("collins", "Jamie Collins, a referee", "named_person", ["said referee Jamie Collins"])
        b.source("fa", "the county FA", "named_organisation", ["The county FA told Radio Northmoor"])
        b.source("radio", "Radio Northmoor", "news_outlet", ["Radio Northmoor"])
        b.source("records", "the league's records", "document_or_data", ["The league's records show"])
        if with_person:
            b.source("marsh", "Dev Marsh, a coach", "named_person", ["Coach Dev Marsh said"])
        return b.build()

    assert questions_of(article(with_person=False), "headline_quote") == []
    for seed in range(1, 6):
        (question,) = questions_of(article(with_person=True), "headline_quote", seed)
        assert "Dev Marsh" in question.choices


def test_support_is_not_asked_where_the_claim_leans_on_unnamed_experts() -> None:
    # "developed with the help of nutrition experts", from the bakery chain (review 76).
    def article(claim: str) -> Article:
        b = ArticleBuilder("Bread", [f"Goldcrust said the loaf was {claim}."])
        b.source("goldcrust", "Goldcrust", "named_organisation", ["Goldcrust said"])
        b.claim(f"the loaf was {claim}", "attributed", source="goldcrust")
        return b.build()

    assert questions_of(article("developed with the help of nutrition experts"), "support") == []
    assert len(questions_of(article("developed over two years in its own bakery"), "support")) == 1


# --- Reviews 78 to 81 --------------------------------------------------------------------------------


def test_a_quiz_keeps_source_questions_on_two_claims_of_one_sentence_apart() -> None:
    # "Stated as a fact, with no source" for one half of a sentence answers who said the other half
    # (review 78).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Parking",
        [
            "Free parking is only guaranteed for blue badge holders, and hospitals made £200 million from "
            "parking last year.",
            "The trust said the money pays for repairs. Union rep Dawn Mercer said it was a tax on the sick. "
            "The Herald reported the figures. The board papers show the rise.",
        ],
    )
    b.source("trust", "the trust", "named_organisation", ["The trust said"])
    b.source("mercer", "Dawn Mercer, a union rep", "named_person", ["Union rep Dawn Mercer said"])
    b.source("herald", "the Herald", "news_outlet", ["The Herald reported"])
    b.source("papers", "the board papers", "document_or_data", ["The board papers show"])
    b.claim("Free parking is only guaranteed for blue badge holders", "unattributed")
    b.claim("hospitals made £200 million from parking last year", "unattributed")
    article = b.build()
    support = questions_of(article, "support")
    who = questions_of(article, "who_said_it")
    pairs = [(s, w) for s in support for w in who if s.extra.get("claim") != w.extra.get("claim")]
    assert pairs
    assert all(conflicts(s, w) for s, w in pairs)


def test_find_sources_keeps_a_mention_whole_past_a_relative_clauses_verb() -> None:
    # "One mother, who asked not to be named, told the Echo": the mention was cut after "asked", and
    # "said Maya Reid, 15, who has gone to the club three evenings a week since she was eleven" is all
    # who she is (review 81).
    b = ArticleBuilder(
        "Youth club",
        [
            '"The club mattered to me," said Maya Reid, 15, who has gone to the club three evenings a week '
            "since she was eleven. One mother, who asked not to be named, said the closure was a joke.",
        ],
    )
    b.source("maya", "Maya Reid, 15", "named_person", ["said Maya Reid"])
    b.source("mother", "an unnamed mother", "anonymous", ["One mother, who asked not to be named, said"])
    b.claim("The club mattered to me", "attributed", source="maya")
    b.claim("the closure was a joke", "attributed", source="mother")
    (question,) = questions_of(b.build(), "find_sources")
    assert question.answer_text[-1] == "One mother who asked not to be named said"
    whole = "said Maya Reid 15 who has gone to the club three evenings a week since she was eleven"
    assert (
        score_answer(question, selected(question, whole, "One mother who asked not to be named said")).score
        == 1
    )


def test_who_said_it_beside_some_say_offers_no_record_either() -> None:
    # "Some say the council has its priorities wrong": a data set holds no opinion, so with only records
    # and one outlet left the key is found by kind (review 81).
    b = ArticleBuilder(
        "Youth club",
        [
            "Some say the council has its priorities wrong.",
            "Police data show a fall in crime. Attendance figures show 120 members. The Echo reported it.",
        ],
    )
    b.source("some", "some people", "vague", ["Some say"])
    b.source("police", "police data", "document_or_data", ["Police data show"])
    b.source("figures", "attendance figures", "document_or_data", ["Attendance figures show"])
    b.source("echo", "the Echo", "news_outlet", ["The Echo reported"])
    b.claim("the council has its priorities wrong", "attributed", source="some")
    assert questions_of(b.build(), "who_said_it") == []


def test_whose_words_the_headline_quotes_follows_a_quotation_into_its_next_sentence() -> None:
    # '"They shut it in March," said Maya Reid. "After March we have got nowhere to go."' (review 81)
    b = ArticleBuilder(
        "Teens Left With 'Nowhere to Go'",
        [
            '"They shut it in March," said Maya Reid. "After March we have got nowhere to go."',
            "Councillor Tom Hale said the cut was wrong. Resident Ann Lee said she agreed.",
        ],
    )
    b.source("maya", "Maya Reid, a club member", "named_person", ["said Maya Reid"])
    b.source("hale", "Tom Hale, a councillor", "named_official", ["Councillor Tom Hale said"])
    b.source("lee", "Ann Lee, a resident", "named_person", ["Resident Ann Lee said"])
    (question,) = questions_of(b.build(), "headline_quote")
    assert question.answer_text == ["Maya Reid"]


# --- Reviews 82 to 85 --------------------------------------------------------------------------------


def test_find_sources_an_age_then_a_role_with_a_who_clause_costs_nothing() -> None:
    # "said Denise Okafor, 46, a healthcare assistant who finishes her shift at the hospital at 10pm"
    # (review 82); and "what she called" is an attribution a paragraph may not leave unmarked.
    b = ArticleBuilder(
        "Bus",
        [
            '"I will have to get a taxi," said Denise Okafor, 46, a healthcare assistant who finishes her '
            "shift at the hospital at 10pm. She said the fare would be twenty pounds.",
        ],
    )
    b.source("okafor", "Denise Okafor, a passenger", "named_person", ["said Denise Okafor", "She said"])
    b.claim("I will have to get a taxi", "attributed", source="okafor")
    b.claim("the fare would be twenty pounds", "attributed", source="okafor")
    (question,) = questions_of(b.build(), "find_sources")
    whole = "said Denise Okafor 46 a healthcare assistant who finishes her shift at the hospital at 10pm"
    assert score_answer(question, selected(question, whole, "She said")).score == 1
    called = ArticleBuilder(
        "Bus",
        [
            "Claire Dunmore told the Echo the firm had made what she called a difficult decision, and the "
            "route will end in May after the review.",
        ],
    )
    called.source("dunmore", "Claire Dunmore", "named_person", ["Claire Dunmore told the Echo"])
    called.claim("the route will end in May after the review", "attributed", source="dunmore")
    assert questions_of(called.build(), "find_sources") == []


def test_spot_hedge_an_age_band_is_no_rough_amount() -> None:
    # "about 2,300 pupils aged 13 to 16": the explanation called "13 to 16" rough (review 85).
    b = ArticleBuilder("Parks", ["The researchers surveyed about 2,300 pupils aged 13 to 16 at 18 schools."])
    b.claim("surveyed about 2,300 pupils aged 13 to 16 at 18 schools", "hedged", cues=["about"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert "13 to 16" not in question.explanation


def test_support_is_not_asked_about_a_claim_marked_as_framing() -> None:
    # "Some of these kids haven't written a paragraph of their own since the summer", marked as
    # exaggeration: a named speaker does not support it (review 83).
    def article(framed: bool) -> Article:
        b = ArticleBuilder(
            "AI",
            ["Teacher Mark Delaney said some of these kids have not written a paragraph since the summer."],
        )
        b.source("delaney", "Mark Delaney, a teacher", "named_person", ["Teacher Mark Delaney said"])
        b.claim(
            "some of these kids have not written a paragraph since the summer", "attributed", source="delaney"
        )
        if framed:
            b.frame(
                "some of these kids have not written a paragraph since the summer",
                "exaggeration_minimisation",
            )
        return b.build()

    assert questions_of(article(framed=True), "support") == []
    assert len(questions_of(article(framed=False), "support")) == 1


def test_who_said_it_offers_no_person_tied_to_a_record_key_by_a_record_word() -> None:
    # "Dr Sunita Rao, the psychologist who led the research" beside "the University of Hallamford
    # study" (review 85).
    b = ArticleBuilder(
        "Parks",
        [
            "Pupils who visited parks scored 12 per cent higher, the study found.",
            "Dr Sunita Rao said green space might help. Ruth Castell of the Open Spaces Alliance said parks "
            "were cheap. NHS figures show waiting lists are long. The Courier reported the study.",
        ],
    )
    b.source("study", "the University of Hallamford study", "document_or_data", ["the study found"])
    b.source(
        "rao", "Dr Sunita Rao, the psychologist who led the research", "named_person", ["Dr Sunita Rao said"]
    )
    b.source("castell", "Ruth Castell, of the Open Spaces Alliance", "named_person", ["Ruth Castell"])
    b.source("nhs", "NHS figures", "document_or_data", ["NHS figures show"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    b.claim("Pupils who visited parks scored 12 per cent higher", "attributed", source="study")
    for seed in range(1, 8):
        (question,) = questions_of(b.build(), "who_said_it", seed)
        assert question.answer_text == ["the University of Hallamford study"]
        assert not any("Rao" in choice for choice in question.choices)


# --- Reviews 86 to 89 --------------------------------------------------------------------------------


def test_support_is_not_asked_where_the_only_hedge_rounds_a_figure() -> None:
    # "The programme has cost about £350,000 so far", marked hedged: "about" rounds it, so "Stated as a
    # fact" could be defended beside "Hedged by the writer" (reviews 86 and 89).
    def article(claim: str, cue: str) -> Article:
        b = ArticleBuilder("Frogs", [f"{claim}, the zoo's own budget aside."])
        b.claim(claim, "hedged", cues=[cue])
        return b.build()

    assert questions_of(article("The programme has cost about £350,000 so far", "about"), "support") == []
    assert (
        len(
            questions_of(
                article("The programme has apparently cost £350,000 so far", "apparently"), "support"
            )
        )
        == 1
    )


def test_find_sources_keys_the_first_verb_and_the_noun_a_possessive_pronoun_owns() -> None:
    # "Mrs Morris denied this, saying ...": "denied" says she spoke; "Its authors argued": the authors
    # speak (review 87).
    from app.domain.passage import ArticleReading, attribution_key_words

    def keys(text: str, mention: str, name: str) -> list[str]:
        b = ArticleBuilder("Lunch", [text])
        b.source("s", name, "named_person", [mention])
        article = b.build()
        reading = ArticleReading(article, VOCABULARY)
        block = reading.blocks[1]
        (span,) = article.sources[0].mentions
        found = attribution_key_words(
            block, (span.start, span.end), article.sources[0], reading.attribution_hits(1)
        )
        return [" ".join(block.words[s:e]) for s, e in found]

    assert keys(
        "Mrs Morris denied this, saying the break was fair.", "Mrs Morris denied this, saying", "Mrs Morris"
    ) == ["Morris", "denied"]
    assert keys(
        "Its authors argued that break time matters.", "Its authors argued", "the study's authors"
    ) == [
        "authors",
        "argued",
    ]


def test_whose_words_the_headline_quotes_finds_the_speaker_named_where_the_quotation_ends() -> None:
    # '"I hate those robot tills. Half the time they break," said Margaret Doyle.' (review 86)
    b = ArticleBuilder(
        "Town Cheers End of 'Robot Tills'",
        [
            '"I hate those robot tills. Half the time they break," said Margaret Doyle.',
            "Shop worker Dan Price said the queues were long. The Courier reported the change.",
        ],
    )
    b.source("doyle", "Margaret Doyle, a shopper", "named_person", ["said Margaret Doyle"])
    b.source("price", "Dan Price, a shop worker", "named_person", ["Shop worker Dan Price said"])
    b.source("courier", "the Courier", "news_outlet", ["The Courier reported"])
    (question,) = questions_of(b.build(), "headline_quote")
    assert question.answer_text == ["Margaret Doyle"]


def test_find_sources_the_name_before_a_pronoun_mention_costs_nothing() -> None:
    # "supermarket chain Harvest Foods opened what it calls Britain's 'first truly plastic-free
    # aisle'": the mention is "what it calls"; a student who selects the company's name as who the
    # words come from was scored as wrong, and the verb "calls" was no key (review 90).
    b = ArticleBuilder(
        "Aisle",
        [
            'Supermarket chain Harvest Foods opened what it calls the "first truly plastic-free aisle" at '
            "its store last month. Shoppers have used it every day, said manager Karen Dobbs.",
        ],
    )
    b.source("harvest", "Harvest Foods, the supermarket chain", "named_organisation", ["what it calls"])
    b.source("dobbs", "Karen Dobbs, store manager", "named_person", ["said manager Karen Dobbs"])
    b.claim("first truly plastic-free aisle", "attributed", source="harvest")
    b.claim("Shoppers have used it every day", "attributed", source="dobbs")
    (question,) = questions_of(b.build(), "find_sources")
    named = selected(question, "Harvest Foods", "what it calls", "said manager Karen Dobbs")
    assert score_answer(question, named).score == 1
    # The pronoun alone does not find "what it calls": its verb is a key word too.
    assert score_answer(question, selected(question, "it", "said", "Dobbs")).score < 1
    assert score_answer(question, selected(question, "it calls", "said", "Dobbs")).score == 1


def test_find_framing_the_particle_of_a_phrasal_verb_is_not_needed() -> None:
    # "choking" and "churn out": selecting "choking" and "churn" lost a quarter of the marks for
    # leaving out "out" (review 90).
    b = ArticleBuilder(
        "Plastic",
        [
            "Campaigners say plastic is choking rivers while factories churn out ever more of it. The "
            "council will publish its survey of the county's rivers in June."
        ],
    )
    b.frame("choking", "appeal_to_fear_prejudice")
    b.frame("churn out", "loaded_language")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "choking", "churn")).score == 1
    assert score_answer(question, selected(question, "choking", "out")).score < 1


def test_name_technique_offers_no_expert_or_cause_technique_for_words_without_that_form() -> None:
    # "staggering", "dumped", "reckless teenagers": "Appeal to authority" and "Oversimplified cause"
    # were the wrong answers every time, ruled out at a glance (no expert named, no cause blamed), and a
    # headline's "Scraps Homework" offered "Headline says more than the article" for a stem that says
    # "in the headline" (reviews 92 and 93).
    b = ArticleBuilder(
        "School Scraps Homework",
        [
            "The school has dropped homework for younger pupils, calling worksheets a staggering waste.",
            "Every expert will tell you that reading is what matters, said the head.",
            "Results fell only because the tests changed, a governor said.",
        ],
    )
    b.frame("Scraps Homework", "headline_body_mismatch")
    b.frame("staggering waste", "loaded_language")
    b.frame("Every expert will tell you", "appeal_to_authority")
    b.frame("only because the tests changed", "causal_oversimplification")
    assert questions_of(b.build(), "name_technique") == []
    assert "appeal_to_authority" in VOCABULARY.shown_by_form
    assert "causal_oversimplification" in VOCABULARY.shown_by_form


def test_who_said_it_shows_named_sources_by_their_names_alone() -> None:
    # "glare from streetlights had hidden the night sky": the key "Dave Price, who runs the Harwood
    # Astronomy Club" matched the claim at a glance beside a road-safety director (review 91).
    b = ArticleBuilder(
        "Lights",
        [
            "Dave Price, who runs the Harwood Astronomy Club, said glare from streetlights had hidden the "
            "night sky over the town for decades.",
            "Ben Carter, director of the road-safety charity RoadAware, said darker streets would mean "
            "more pedestrians hit by cars.",
            "Councillor Amina Okafor said the money saved would keep two libraries open.",
        ],
    )
    b.source(
        "price",
        "Dave Price, who runs the Harwood Astronomy Club",
        "named_person",
        ["Dave Price, who runs the Harwood Astronomy Club, said"],
    )
    b.source(
        "carter",
        "Ben Carter, director of RoadAware",
        "named_person",
        ["Ben Carter, director of the road-safety charity RoadAware, said"],
    )
    b.source(
        "okafor", "Amina Okafor, councillor for finance", "named_official", ["Councillor Amina Okafor said"]
    )
    b.claim(
        "glare from streetlights had hidden the night sky over the town for decades",
        "attributed",
        source="price",
    )
    b.claim("darker streets would mean more pedestrians hit by cars", "attributed", source="carter")
    b.claim("the money saved would keep two libraries open", "attributed", source="okafor")
    questions = questions_of(b.build(), "who_said_it")
    assert questions
    for question in questions:
        assert not any("," in choice for choice in question.choices), question.choices
    sky = next(q for q in questions if "night sky" in q.prompt)
    assert sky.choices[sky.answer[0]] == "Dave Price"
    # The explanation still says who he is.
    assert "Dave Price, who runs the Harwood Astronomy Club" in sky.explanation


def test_who_said_it_asks_a_polls_result_only_beside_another_poll() -> None:
    # "62 per cent of the 900 readers who took part opposed the switch-off": only the online survey
    # has people who took part; the council minutes and an officer on offer gave it away (review 91).
    def article(second_poll: bool) -> Article:
        paragraphs = [
            "The council minutes show the cabinet voted for the plan. An unnamed council officer told the "
            "Echo the savings were smaller than promised.",
            "In the Echo's online survey, 62 per cent of the 900 readers who took part opposed the "
            "switch-off.",
        ]
        if second_poll:
            paragraphs.append("A separate residents' poll found most people had not heard of the plan.")
        b = ArticleBuilder("Lights", paragraphs)
        b.source("minutes", "the council minutes", "document_or_data", ["The council minutes show"])
        b.source(
            "officer", "an unnamed council officer", "anonymous", ["An unnamed council officer told the Echo"]
        )
        b.source("survey", "the Echo's online survey", "document_or_data", ["In the Echo's online survey"])
        b.claim(
            "62 per cent of the 900 readers who took part opposed the switch-off",
            "attributed",
            source="survey",
        )
        b.claim("the savings were smaller than promised", "attributed", source="officer")
        if second_poll:
            b.source("poll", "a residents' poll", "document_or_data", ["A separate residents' poll found"])
            b.claim("most people had not heard of the plan", "attributed", source="poll")
        return b.build()

    def asked(built: Article) -> list[Question]:
        return [
            q
            for seed in range(10)
            for q in questions_of(built, "who_said_it", seed)
            if "took part" in q.prompt
        ]

    assert asked(article(second_poll=False)) == []
    with_poll = asked(article(second_poll=True))
    assert with_poll
    assert all("a residents' poll" in q.choices for q in with_poll)


def test_find_sources_is_not_asked_where_an_unmarked_participle_adds_an_attribution() -> None:
    # "..., adding that officers would watch burglary figures": a careful reader selects "adding"
    # too, and it cost marks (review 91).
    b = ArticleBuilder(
        "Lights",
        [
            "Inspector Hughes said there was no clear evidence that lights prevent crime, adding that "
            "officers would watch burglary figures.",
        ],
    )
    b.source("hughes", "Inspector Rob Hughes", "named_official", ["Inspector Hughes said"])
    b.claim("there was no clear evidence that lights prevent crime", "attributed", source="hughes")
    b.claim("officers would watch burglary figures", "attributed", source="hughes")
    assert questions_of(b.build(), "find_sources") == []
    assert {"adding", "noting", "pointing out"} <= set(VOCABULARY.attribution_words)


def test_how_to_check_is_not_asked_through_an_unmarked_relay_or_of_the_outlets_own_check() -> None:
    # "He pointed out that a 2021 review found ...", "pointed out" unmarked: the review reached the
    # article through him (review 93); "A price check by this newspaper" is not out for readers to look
    # at (review 90).
    def asked(paragraph: str, mention: str, claim: str) -> list[Question]:
        b = ArticleBuilder("Homework", [paragraph, OTHER_RECORD])
        b.source("record", mention.rstrip(" found"), "document_or_data", [mention])
        add_other_record(b)
        b.claim(claim, "attributed", source="record")
        return questions_of(b.build(), "how_to_check")

    relayed = asked(
        "Dr Hirst, a researcher, was doubtful. He pointed out that a 2021 review by the Learning Trust "
        "found homework helps older pupils most.",
        "a 2021 review by the Learning Trust found",
        "homework helps older pupils most",
    )
    assert relayed == []
    direct = asked(
        "Dr Hirst, a researcher, was doubtful. A 2021 review by the Learning Trust found homework helps "
        "older pupils most.",
        "A 2021 review by the Learning Trust found",
        "homework helps older pupils most",
    )
    assert len(direct) == 1
    own_check = asked(
        "A price check by this newspaper last Thursday found four of ten items cost more from the "
        "dispensers.",
        "A price check by this newspaper last Thursday found",
        "four of ten items cost more from the dispensers",
    )
    assert own_check == []


def test_statement_kind_is_not_asked_of_a_count_of_views() -> None:
    # "64 per cent supported the change", marked as an observation: by the definitions shown it says
    # what people think, so "an opinion" could be defended (review 93).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Homework", [f"In the school's survey of parents, {claim}."])
        b.source("survey", "the school's survey of parents", "document_or_data", ["In the school's survey"])
        b.claim(claim, "attributed", source="survey", kind="observation")
        return questions_of(b.build(), "statement_kind")

    assert asked("64 per cent supported the change") == []
    assert asked("one in four said they wanted homework back") == []
    assert len(asked("412 parents returned the form by the end of June")) == 1


def test_a_quiz_asks_for_selected_words_in_at_most_a_third_of_its_questions_where_others_are_left() -> None:
    # Five or six long passages to select from in twelve questions is heavy going, above all on a
    # phone (review 92): with as many questions of other kinds on offer, at most four of twelve.
    from collections import Counter

    from app.domain.generate import _balanced_pick
    from app.domain.question import SELECT

    kinds = {
        "find_sources": ("sources", SELECT),
        "who_said_it": ("sources", CHOICE),
        "spot_hedge": ("claims", SELECT),
        "support": ("claims", CHOICE),
        "find_framing": ("framing", SELECT),
        "headline_check": ("framing", CHOICE),
    }
    # Each choice question with a key of its own (no kind's key three times in a quiz).
    pool = [
        Question(
            kind=kind,
            type=kind_type,
            skill=skill,
            prompt=f"{kind} {n}",
            explanation="",
            **({"choices": (f"key {n}", "other"), "answer": (0,)} if kind_type == CHOICE else {}),
        )
        for kind, (skill, kind_type) in kinds.items()
        for n in range(4)
    ]
    for seed in range(20):
        picked = _balanced_pick(
            pool, {id(q): set() for q in pool}, 12, [], Counter(), random.Random(seed), None
        )
        assert len(picked) == 12
        assert sum(q.type == SELECT for q in picked) <= 4, seed


def test_support_is_not_asked_for_a_record_that_points_at_none_in_particular() -> None:
    # "government road-casualty figures showing that more than a third of pedestrians killed die after
    # dark": which figures? "A source the article names" and "an unnamed or vague source" could both
    # be defended (review 91).
    def asked(name: str, mention: str) -> list[Question]:
        b = ArticleBuilder(
            "Lights", [f"{mention} that more than a third of pedestrians killed on the roads die after dark."]
        )
        b.source("figures", name, "document_or_data", [mention])
        b.claim(
            "more than a third of pedestrians killed on the roads die after dark",
            "attributed",
            source="figures",
        )
        return questions_of(b.build(), "support")

    assert asked("government road-casualty figures", "Government road-casualty figures show") == []
    assert (
        len(
            asked(
                "figures published by the Department for Transport",
                "Figures published by the Department for Transport show",
            )
        )
        == 1
    )


def test_find_sources_keys_the_body_two_plural_owners_name() -> None:
    # "The Teachers' and Lecturers' Union ... has warned": the key word was "and", taken for the noun
    # that "Teachers'" owns (review 97).
    article = unseen_article("review97.yaml")
    (question,) = [q for q in questions_of(article, "find_sources") if q.block == 7]
    keys = [" ".join(question.words[s:e]) for s, e in question.keys]
    keys += [question.words[i] for _, words in question.extra.get("cores", ()) for i in words]
    assert "and" not in keys and "Union" in keys
    chosen = selected(question, "Union", "has warned", "Gareth Pryce said", "he said")
    assert score_answer(question, chosen).score == 1


def test_how_to_check_is_not_asked_of_a_record_its_paragraph_says_is_not_public() -> None:
    # "The full results, including how the questions were worded, have not been made public": the key
    # "Look at the original yourself" asked for what nobody can see (review 97).
    def asked(last_sentence: str) -> list[Question]:
        b = ArticleBuilder(
            "Phones",
            [
                f"A survey of 412 parents by the school's Parent Teacher Association found that 71 per cent "
                f"backed the ban. {last_sentence}",
                OTHER_RECORD,
            ],
        )
        add_other_record(b)
        b.source(
            "survey",
            "the Parent Teacher Association's survey",
            "document_or_data",
            ["A survey of 412 parents by the school's Parent Teacher Association found"],
        )
        b.claim("71 per cent backed the ban", "attributed", source="survey")
        return questions_of(b.build(), "how_to_check")

    assert asked("The full results have not been made public.") == []
    assert len(asked("The full results are on the school's website.")) == 1


def test_source_type_is_not_asked_about_a_person_the_mention_names() -> None:
    # "said headteacher Karen Doyle": beside a document, a news outlet and someone unnamed (the other
    # person type is too close to offer), the name alone gives the key (reviews 92, 94, 96 and 97).
    b = ArticleBuilder(
        "Phones",
        [
            "Detentions fell this term, said headteacher Karen Doyle. The Hartfield Echo reported that "
            "pupils were unhappy. A survey by the parents' association found most parents backed the ban.",
        ],
    )
    b.source("doyle", "Karen Doyle, headteacher", "named_official", ["said headteacher Karen Doyle"])
    b.source("echo", "the Hartfield Echo", "news_outlet", ["The Hartfield Echo reported"])
    b.source(
        "survey",
        "a survey by the parents' association",
        "document_or_data",
        ["A survey by the parents' association found"],
    )
    b.claim("Detentions fell this term", "attributed", source="doyle")
    assert "named_official" in VOCABULARY.told_by_name and "named_person" in VOCABULARY.told_by_name
    assert [q for q in questions_of(b.build(), "source_type") if q.extra["source"] == "doyle"] == []
    asked = questions_of(b.build(), "source_type", vocabulary=ASKS_NAMED_PEOPLE)
    assert [q.extra["source"] for q in asked] == ["doyle"]


def test_find_framing_a_sweeping_word_that_softens_is_no_key() -> None:
    # "all but disappeared": "all" means "almost" there; it was the key, and "disappeared", the word
    # that exaggerates, earned a third of the span (review 97).
    b = ArticleBuilder(
        "Phones",
        ["Since the ban, fights in the corridors have all but disappeared, the head said on Friday."],
    )
    b.source("head", "the head", "named_official", ["the head said"])
    b.frame("all but disappeared", "exaggeration_minimisation")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    keys = [" ".join(question.words[s:e]) for s, e in question.keys]
    assert "all" not in keys
    assert score_answer(question, selected(question, "disappeared")).score == 1
    assert score_answer(question, selected(question, "all")).score < 1


def test_support_names_every_hedge_word_of_the_claim_not_only_its_cues() -> None:
    # "is likely to take up to 45 minutes", with only "up to" as a cue: the explanation gave "up to",
    # a rough size, as the hedge and never named "likely to" (review 94).
    b = ArticleBuilder("Births", ["The 20-mile journey is likely to take up to 45 minutes at night."])
    b.claim("The 20-mile journey is likely to take up to 45 minutes at night", "hedged", cues=["up to"])
    (question,) = questions_of(b.build(), "support")
    assert 'The writer hedges this ("likely", "up to")' in question.explanation


def test_support_is_not_asked_of_a_speakers_words_that_pass_on_what_others_told_them() -> None:
    # '"Our players tell us they feel twenty years younger," said Claire Donnelly': the feeling is
    # the unnamed players', so "An unnamed or vague source" could be defended (review 96, and review 86's
    # "Our customers have told us").
    def asked(quotation: str) -> list[Question]:
        b = ArticleBuilder("App", [f'"{quotation}," said Claire Donnelly, the company\'s chief executive.'])
        b.source("donnelly", "Claire Donnelly, chief executive", "named_person", ["said Claire Donnelly"])
        b.claim(quotation, "attributed", source="donnelly")
        return questions_of(b.build(), "support")

    assert asked("Our players tell us they feel twenty years younger") == []
    assert len(asked("Our players feel twenty years younger")) == 1
    assert len(asked("This kind of study cannot tell us whether the gains last")) == 1


def test_how_to_check_offers_a_real_check_of_another_record_as_a_wrong_answer() -> None:
    # Every wrong answer checked nothing, so "Look at the original yourself: X" was found without
    # reading where the claim came from (review 94). Now one wrong answer looks at another record.
    b = ArticleBuilder(
        "Births",
        [
            "The trust's latest annual report shows 588 babies were born at the unit last year.",
            "NHS England's workforce figures show the number of midwives fell by 2 per cent.",
        ],
    )
    b.source(
        "report",
        "the trust's latest annual report",
        "document_or_data",
        ["The trust's latest annual report shows"],
    )
    b.source(
        "figures",
        "NHS England's workforce figures",
        "document_or_data",
        ["NHS England's workforce figures show"],
    )
    b.claim("588 babies were born at the unit last year", "attributed", source="report")
    b.claim("the number of midwives fell by 2 per cent", "attributed", source="figures")
    questions = questions_of(b.build(), "how_to_check")
    assert len(questions) == 2
    for question in questions:
        key = question.choices[question.answer[0]]
        originals = [c for c in question.choices if c.startswith("Look at the original yourself: ")]
        assert len(originals) == 2 and key in originals
    births = next(q for q in questions if "588" in q.prompt)
    assert (
        births.choices[births.answer[0]] == "Look at the original yourself: the trust's latest annual report"
    )
    assert "Look at the original yourself: NHS England's workforce figures" in births.choices


def test_find_sources_keys_the_last_word_of_a_name_joined_by_and() -> None:
    # "the Kettleby and District Junior Football League announced": the key was "Kettleby", so
    # "League announced" earned half (review 100).
    b = ArticleBuilder(
        "League",
        [
            "The Kettleby and District Junior Football League announced on Monday that parents must stay "
            "silent. Referee Tom Hale said the abuse was getting worse.",
        ],
    )
    b.source(
        "league",
        "the Kettleby and District Junior Football League",
        "named_organisation",
        ["The Kettleby and District Junior Football League announced"],
    )
    b.source("hale", "Tom Hale, a referee", "named_person", ["Referee Tom Hale said"])
    b.claim("parents must stay silent", "attributed", source="league")
    b.claim("the abuse was getting worse", "attributed", source="hale")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "League announced", "Hale said")).score == 1


def test_find_unverified_keys_a_word_of_doubt_the_teacher_gave_no_cue() -> None:
    # "Abuse at junior matches appears to have grown since the pandemic", unattributed with no cues:
    # selecting "appears", as the instruction suggests, earned little (review 100).
    b = ArticleBuilder(
        "League",
        [
            "Abuse at junior matches appears to have grown since the pandemic. Several referees have "
            "stopped taking games, said Ann Cole, the league secretary.",
        ],
    )
    b.source("cole", "Ann Cole, league secretary", "named_person", ["said Ann Cole, the league secretary"])
    b.claim("Abuse at junior matches appears to have grown since the pandemic", "unattributed")
    b.claim("Several referees have stopped taking games", "attributed", source="cole")
    (question,) = questions_of(b.build(), "find_unverified")
    assert score_answer(question, selected(question, "appears")).score == 1


def test_find_framing_keeps_the_our_of_us_against_them() -> None:
    # "our kids and our game": the first "our" was cut from the answer shown, yet it is the flag
    # waving (review 100).
    b = ArticleBuilder("League", ["Parents who scream at referees are ruining our kids and our game."])
    b.frame("our kids and our game", "flag_waving")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert question.answer_text == ["our kids and our game"]


def test_who_said_it_shows_people_without_their_titles() -> None:
    # "Some kinds of blue-green algae produce toxins": the only "Dr" on offer gave the scientist away
    # (review 99).
    b = ArticleBuilder(
        "Reservoir",
        [
            "Dr Priya Malhotra said some kinds of blue-green algae produce toxins. Swimmer Jade Corrigan "
            "said the water smelled strange. Councillor Tom Reed said the beach would stay open.",
        ],
    )
    b.source(
        "malhotra",
        "Dr Priya Malhotra, an environmental scientist",
        "named_person",
        ["Dr Priya Malhotra said"],
    )
    b.source("corrigan", "Jade Corrigan, a swimmer", "named_person", ["Swimmer Jade Corrigan said"])
    b.source("reed", "Councillor Tom Reed", "named_official", ["Councillor Tom Reed said"])
    b.claim("some kinds of blue-green algae produce toxins", "attributed", source="malhotra")
    b.claim("the water smelled strange", "attributed", source="corrigan")
    b.claim("the beach would stay open", "attributed", source="reed")
    questions = questions_of(b.build(), "who_said_it")
    algae = next(q for q in questions if "algae" in q.prompt)
    assert algae.choices[algae.answer[0]] == "Priya Malhotra"
    assert not any(choice.startswith(("Dr ", "Councillor ")) for q in questions for choice in q.choices)


def test_find_sources_never_lets_a_claim_be_selected_free_as_a_description() -> None:
    # "In an online poll on the Courier's website last week, 61 per cent of the 820 readers who voted
    # supported a Saturday ban": the result was free to select as a "who" clause (review 98).
    b = ArticleBuilder(
        "Car Ban",
        [
            "In an online poll on the Courier's website last week, 61 per cent of the 820 readers who "
            "voted supported a Saturday ban, although the poll was open to anyone.",
        ],
    )
    b.source(
        "poll",
        "the Courier's online poll",
        "document_or_data",
        ["In an online poll on the Courier's website last week"],
    )
    b.claim("61 per cent of the 820 readers who voted supported a Saturday ban", "attributed", source="poll")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "online poll", "61 per cent")).score < 1
    assert score_answer(question, selected(question, "online poll")).score == 1


def test_who_said_it_offers_no_vague_group_beside_a_named_speaker() -> None:
    # "the ban would cost about £40,000 a year", from the councillor who leads the plan: "supporters"
    # on offer could be defended, as she is one of them (review 98).
    b = ArticleBuilder(
        "Car Ban",
        [
            "Supporters say a Saturday ban would bring families back to the high street.",
            "Councillor Helen Barker said the ban would cost about £40,000 a year to run. Shop owner Ian "
            "Morley said trade would fall. Resident Ann Quinn said she would stop coming.",
        ],
    )
    b.source("supporters", "supporters", "vague", ["Supporters say"])
    b.source(
        "barker",
        "Helen Barker, cabinet member for transport",
        "named_official",
        ["Councillor Helen Barker said"],
    )
    b.source("morley", "Ian Morley, a shop owner", "named_person", ["Shop owner Ian Morley said"])
    b.source("quinn", "Ann Quinn, a resident", "named_person", ["Resident Ann Quinn said"])
    b.claim("a Saturday ban would bring families back to the high street", "attributed", source="supporters")
    b.claim("the ban would cost about £40,000 a year to run", "attributed", source="barker")
    b.claim("trade would fall", "attributed", source="morley")
    cost = [
        q for seed in range(10) for q in questions_of(b.build(), "who_said_it", seed) if "40,000" in q.prompt
    ]
    assert cost
    assert all("supporters" not in question.choices for question in cost)


def test_headline_quote_offers_no_body_the_speaker_speaks_for() -> None:
    # 'Saturday Car Ban Will Save "Dying" High Street', from "Helen Barker, the council's cabinet
    # member for transport": "Kettleby Town Council" on offer could be defended (review 98).
    article = unseen_article("review98.yaml")
    asked = [q for seed in range(30) for q in questions_of(article, "headline_quote", seed)]
    assert asked
    assert all(q.choices[q.answer[0]].startswith("Helen Barker") for q in asked)
    assert not any("Kettleby Town Council" in q.choices for q in asked)


def test_more_likely_is_a_comparison_not_a_hedge() -> None:
    # "this month's heatwave may have made a harmful bloom more likely", with the cue "may": the
    # "likely" of "more likely" was read as a second, unmarked hedge, so nothing was asked (review 99).
    b = ArticleBuilder(
        "Reservoir", ["Scientists warn that this month's heatwave may have made a harmful bloom more likely."]
    )
    b.claim("this month's heatwave may have made a harmful bloom more likely", "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "may")).score == 1


def test_statement_kind_is_not_asked_of_a_forecast_that_passes_judgement() -> None:
    # "the rope barriers will be impossible to enforce at busy grounds", marked a prediction: "An
    # opinion" could be defended too (review 100).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("League", [f"Some coaches say {claim}."])
        b.claim(claim, "unattributed", kind="prediction")
        return questions_of(b.build(), "statement_kind")

    assert asked("the rope barriers will be impossible to enforce at busy grounds") == []
    assert len(asked("the rope barriers will be put up before the first match in May")) == 1


def test_a_headline_question_whose_explanation_quotes_a_find_questions_answer_is_not_in_its_quiz() -> None:
    # The headline question's explanation quoted "appears to have grown since the pandemic", six words
    # of a claim a "find the unverified claims" question asks students to select (review 100).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Abuse Soars at Junior Matches",
        [
            "Abuse at junior matches appears to have grown since the pandemic. Several referees have "
            "stopped taking games, said Ann Cole, the league secretary.",
        ],
    )
    b.source("cole", "Ann Cole, league secretary", "named_person", ["said Ann Cole, the league secretary"])
    b.claim("Abuse at junior matches appears to have grown since the pandemic", "unattributed")
    b.claim("Several referees have stopped taking games", "attributed", source="cole")
    b.frame(
        "Soars",
        "headline_body_mismatch",
        note='The article only says abuse "appears to have grown since the pandemic".',
    )
    article = b.build()
    (find,) = questions_of(article, "find_unverified")
    (headline,) = questions_of(article, "headline_check")
    assert conflicts(headline, find)


def test_who_said_it_offers_no_person_for_words_about_what_it_did() -> None:
    # "no live bacteria in any of the six loaves it bought from different branches": whoever bought
    # them is an "it", so an unnamed mother on offer is no real choice (review 101).
    b = ArticleBuilder(
        "Loaf",
        [
            "The magazine's laboratory test found no live bacteria in any of the six loaves it bought from "
            "different branches.",
            "One mother of two, who did not want to be named, said her son liked the bread. Dietitian Sara "
            "Okafor said fibre matters more. The bakery said its loaf was gut-friendly.",
            "The company's own survey found that most buyers felt less bloated.",
        ],
    )
    b.source("survey", "the company's own survey", "document_or_data", ["The company's own survey found"])
    b.claim("most buyers felt less bloated", "attributed", source="survey")
    b.source(
        "test", "the magazine's laboratory test", "document_or_data", ["The magazine's laboratory test found"]
    )
    b.source(
        "mother", "a mother of two", "anonymous", ["One mother of two, who did not want to be named, said"]
    )
    b.source("okafor", "Sara Okafor, a dietitian", "named_person", ["Dietitian Sara Okafor said"])
    b.source("bakery", "the bakery", "named_organisation", ["The bakery said"])
    b.claim(
        "no live bacteria in any of the six loaves it bought from different branches",
        "attributed",
        source="test",
    )
    b.claim("her son liked the bread", "attributed", source="mother")
    asked = [
        q
        for seed in range(10)
        for q in questions_of(b.build(), "who_said_it", seed)
        if "bacteria" in q.prompt
    ]
    assert asked
    people = {"a mother of two", "Sara Okafor"}
    assert not any(people & set(q.choices) for q in asked)


def test_closer_to_only_sizes_a_figure_and_a_summary_is_not_the_original() -> None:
    # "The real gain may be closer to £1 million": "closer to" rounds the figure like "about", so it is
    # free beside "may"; "Only a four-page summary has been made public": nobody can look at the full
    # report (review 105).
    b = ArticleBuilder(
        "Race", ["The real gain for the town may be closer to £1 million, one economist said."]
    )
    b.claim("The real gain for the town may be closer to £1 million", "hedged", cues=["may"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "may be closer to")).score == 1
    assert {"closer to", "in the region of"} <= set(VOCABULARY.approximate_words)

    def checks(last: str) -> list[Question]:
        report = ArticleBuilder(
            "Race",
            [
                "A report by consultants Marlow Economics estimates 40,000 spectators would line the "
                f"route. {last}"
            ],
        )
        report.source(
            "report",
            "the Marlow Economics report",
            "document_or_data",
            ["A report by consultants Marlow Economics estimates"],
        )
        report.claim("40,000 spectators would line the route", "attributed", source="report")
        return questions_of(report.build(), "how_to_check")

    assert checks("Only a four-page summary has been made public.") == []
    assert checks("The council says the full report is commercially sensitive.") == []


def test_find_sources_a_reporting_noun_after_a_verb_is_no_key_and_a_whose_clause_is_free() -> None:
    # "Ms Lang rejected claims that ..., she said": "claims" was the key, so "Ms Lang rejected" lost
    # marks; "said Derek Ollerton, 71, whose garden has twice won the town's prize" cost a quarter
    # (review 102).
    b = ArticleBuilder(
        "Ban",
        [
            "Ms Lang rejected claims that the company cared more about profits. It had spent £40 million "
            "on pipes, she said. Gardens were dying, said Derek Ollerton, 71, whose garden on Mill Lane has "
            "twice won the town's best-kept garden prize.",
        ],
    )
    b.source("lang", "Sue Lang, director", "named_person", ["Ms Lang rejected claims", "she said"])
    b.source("ollerton", "Derek Ollerton, a gardener", "named_person", ["said Derek Ollerton"])
    b.claim("It had spent £40 million on pipes", "attributed", source="lang")
    b.claim("Gardens were dying", "attributed", source="ollerton")
    (question,) = questions_of(b.build(), "find_sources")
    assert "claims" not in [" ".join(question.words[s:e]) for s, e in question.keys]
    assert (
        score_answer(
            question, selected(question, "Ms Lang rejected", "she said", "said Derek Ollerton")
        ).score
        == 1
    )
    whose = "said Derek Ollerton 71 whose garden on Mill Lane has twice won the town's best-kept garden prize"
    assert score_answer(question, selected(question, "Ms Lang rejected", "she said", whose)).score == 1


def test_support_is_not_asked_for_a_petition_by_people_nobody_names() -> None:
    # "An online petition started by a group of parents says the park has kept hundreds of children
    # active": named or unnamed could both be defended (review 103).
    b = ArticleBuilder(
        "Skate Park",
        [
            "An online petition started by a group of parents says the park has kept hundreds of "
            "children active."
        ],
    )
    b.source(
        "petition",
        "the online petition",
        "document_or_data",
        ["An online petition started by a group of parents says"],
    )
    b.claim("the park has kept hundreds of children active", "attributed", source="petition")
    assert questions_of(b.build(), "support") == []


def test_how_to_check_never_aims_its_wrong_place_at_a_record_that_could_hold_the_claim() -> None:
    # Review 102 found "WaterWatch's leak report", as the wrong place for a rainfall figure, ruled out
    # by its name, and "the council's rain gauge records" was offered instead.  But a record about
    # the claim's subject could hold the claim, and checking it could be defended as the best first
    # step (reviews 282 and 288): a second key is worse than a wrong answer a student rules out.
    b = ArticleBuilder(
        "Ban",
        [
            "Met Office figures show just 61mm of rain fell in the region between March and June.",
            "The council's rain gauge records are kept at the town hall.",
            "WaterWatch's leak report says the company loses a quarter of its water.",
        ],
    )
    b.source("met", "Met Office figures", "document_or_data", ["Met Office figures show"])
    b.source(
        "gauge", "the council's rain gauge records", "document_or_data", ["The council's rain gauge records"]
    )
    b.source("leaks", "WaterWatch's leak report", "document_or_data", ["WaterWatch's leak report says"])
    b.claim("just 61mm of rain fell in the region between March and June", "attributed", source="met")
    b.claim("the company loses a quarter of its water", "attributed", source="leaks")
    for seed in range(10):
        rain = next(q for q in questions_of(b.build(), "how_to_check", seed) if "61mm" in q.prompt)
        assert "Look at the original yourself: the council's rain gauge records" not in rain.choices
        assert "Look at the original yourself: WaterWatch's leak report" in rain.choices


def test_how_to_check_a_shared_place_name_does_not_make_two_records_one_owners() -> None:
    # "the Age Friends Westmarsh survey" and "figures released by Westmarsh Police" share only the
    # county's name: each is the other's wrong place to look, which was dropped (review 149). Two
    # records of one body ("Westmarsh Police figures", "the Westmarsh Police annual report") still
    # never stand for each other.
    b = ArticleBuilder(
        "Scams",
        [
            "Figures released by Westmarsh Police show reports of phone fraud more than doubled in a year.",
            "The Age Friends Westmarsh survey found six in ten people over 70 had a scam call.",
            "The Westmarsh Police annual report lists 40 arrests.",
        ],
    )
    b.source(
        "police",
        "figures released by Westmarsh Police",
        "document_or_data",
        ["Figures released by Westmarsh Police show"],
    )
    b.source(
        "survey",
        "the Age Friends Westmarsh survey",
        "document_or_data",
        ["The Age Friends Westmarsh survey found"],
    )
    b.source(
        "annual",
        "the Westmarsh Police annual report",
        "document_or_data",
        ["The Westmarsh Police annual report lists"],
    )
    b.claim("reports of phone fraud more than doubled in a year", "attributed", source="police")
    b.claim("six in ten people over 70 had a scam call", "attributed", source="survey")
    for seed in range(10):
        checks = questions_of(b.build(), "how_to_check", seed)
        fraud = next(q for q in checks if "doubled" in q.prompt)
        assert "Look at the original yourself: the Age Friends Westmarsh survey" in fraud.choices
        assert not any("annual report" in choice for choice in fraud.choices)
        calls = next(q for q in checks if "scam call" in q.prompt)
        assert any("Westmarsh Police" in choice and "yourself" in choice for choice in calls.choices)


def test_how_to_check_sends_nobody_to_the_original_of_a_record_the_article_does_not_identify() -> None:
    # "a separate study published last year found no clear link": "Look at the original yourself" has
    # no original to point at (review 147); "a study by the National Reading Trust" has one.
    def asked(name: str, mention: str) -> list[Question]:
        b = ArticleBuilder(
            "Phones", [f"However, {mention} no clear link between phone rules and wellbeing.", OTHER_RECORD]
        )
        b.source("study", name, "document_or_data", [mention])
        add_other_record(b)
        b.claim("no clear link between phone rules and wellbeing", "attributed", source="study")
        return questions_of(b.build(), "how_to_check")

    assert asked("a separate study published last year", "a separate study published last year found") == []
    assert asked("a study by the National Reading Trust", "a study by the National Reading Trust found")
    # A year and a place say when and where it looked, not whose it is (review 322); a body's word
    # or a name does.
    scotland = "a study of pupils in Scotland, published in 2022, found"
    assert asked("a 2022 study of pupils in Scotland", scotland) == []
    assert asked("a council report published in October", "a council report published in October found")
    assert asked("a study in the Lancet", "a study in the Lancet found")
    assert asked("a Northfield University study", "a Northfield University study found")


def test_who_said_it_is_not_asked_of_a_vague_groups_words() -> None:
    # "the trial is really about saving money on heating" from "critics": the union that has just
    # called the council's plan an experiment on children may be one of them, and an outlet seldom
    # makes the demand; people, other groups and records were ruled out before (reviews 61, 64, 77,
    # 81 and 108).
    b = ArticleBuilder(
        "Trial",
        [
            "The National Education Workers' Union said the council was using children as guinea pigs.",
            "Critics say the trial is really about saving money on heating and school buses.",
            "The Bramford Echo reported that attendance rose. Head Carol Whitby said pupils were happier.",
            "Parent Tom Frost said the Friday clubs were full.",
        ],
    )
    b.source("frost", "Tom Frost, a parent", "named_person", ["Parent Tom Frost said"])
    b.claim("the Friday clubs were full", "attributed", source="frost")
    b.source(
        "union",
        "the National Education Workers' Union",
        "named_organisation",
        ["The National Education Workers' Union said"],
    )
    b.source("critics", "critics", "vague", ["Critics say"])
    b.source("echo", "the Bramford Echo", "news_outlet", ["The Bramford Echo reported"])
    b.source("whitby", "Carol Whitby, headteacher", "named_official", ["Head Carol Whitby said"])
    b.claim("the council was using children as guinea pigs", "attributed", source="union")
    b.claim(
        "the trial is really about saving money on heating and school buses", "attributed", source="critics"
    )
    b.claim("pupils were happier", "attributed", source="whitby")
    asked = [q for seed in range(10) for q in questions_of(b.build(), "who_said_it", seed)]
    assert asked
    assert not any("heating" in q.prompt for q in asked)


def test_find_sources_keys_the_head_of_the_speakers_words() -> None:
    # "Residents of Larkspur Road in Kelbrook say" keyed "Road", "according to a log kept by
    # residents" keyed "kept", "a father of two ... told" keyed "two": the right words earned half or
    # three quarters (review 109).
    article = unseen_article("review109.yaml")
    keys = {
        q.block: [" ".join(q.words[s:e]) for s, e in q.keys] for q in questions_of(article, "find_sources")
    }
    assert keys[1] == ["Residents", "say"]
    assert keys[2] == ["according", "log"]
    # The father told a newspaper, which passed his words on: "father" finds him, and "told" (or the
    # paper's name) that it was passed on.
    (fourth,) = [q for q in questions_of(article, "find_sources") if q.block == 4]
    assert score_answer(fourth, selected(fourth, "father", "told", "he said")).score == 1.0
    assert score_answer(fourth, selected(fourth, "two", "told", "he said")).score < 1.0


def test_who_said_it_offers_no_person_the_pronoun_of_the_claim_rules_out() -> None:
    # '"I pay for the food, I pack the lunch, and I decide what goes in it," he said': the only
    # people on offer were women the article calls "she", ruled out by "he" alone (review 111).
    b = ArticleBuilder(
        "Lunchbox",
        [
            'Darren Holt, a father of three, was angry. "I decide what goes in the lunchbox," he said.',
            "Head teacher Joanna Pryce said the rule would stay. She said sugar harmed teeth.",
            "Dr Rachel Ogunde said children needed a balanced diet, she added. Parent Tom Reed said he "
            "agreed.",
        ],
    )
    b.source("holt", "Darren Holt, a father", "named_person", ["Darren Holt", "he said"])
    b.source(
        "pryce",
        "Joanna Pryce, head teacher",
        "named_official",
        ["Head teacher Joanna Pryce said", "She said"],
    )
    b.source("ogunde", "Dr Rachel Ogunde", "named_person", ["Dr Rachel Ogunde said", "she added"])
    b.source("reed", "Tom Reed, a parent", "named_person", ["Parent Tom Reed said"])
    b.claim("I decide what goes in the lunchbox", "attributed", source="holt")
    b.claim("sugar harmed teeth", "attributed", source="pryce")
    b.claim("children needed a balanced diet", "attributed", source="ogunde")
    b.claim("he agreed", "attributed", source="reed")
    asked = [
        q
        for seed in range(10)
        for q in questions_of(b.build(), "who_said_it", seed)
        if "lunchbox" in q.prompt
    ]
    assert asked
    assert not any({"Joanna Pryce", "Rachel Ogunde"} & set(q.choices) for q in asked)


def test_find_sources_a_source_that_did_not_reply_is_not_required() -> None:
    # "The company did not reply when asked about the plans": required, keyed "when asked", and
    # explained as saying where information comes from (review 113).
    b = ArticleBuilder(
        "Mast",
        [
            "Elmridge Council said the mast met every safety rule. The company did not reply when asked "
            "about the plans.",
        ],
    )
    b.source("council", "Elmridge Council", "named_organisation", ["Elmridge Council said"])
    b.source("telvane", "Telvane", "named_organisation", ["The company did not reply when asked"])
    b.claim("the mast met every safety rule", "attributed", source="council")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "Elmridge Council said")).score == 1
    assert "asked" not in [" ".join(question.words[s:e]) for s, e in question.keys]


def test_how_to_check_is_not_asked_of_a_fear() -> None:
    # "Some in the valley fear the cut is only the beginning": no record or second source settles a
    # fear about the future, and the note said "not a fact" (review 112).
    def asked(verb: str) -> list[Question]:
        # One unnamed person: a loose group's claim gets no such question at all (review 219).
        b = ArticleBuilder(
            "Bus", [f"One farmer in the valley {verb} the cut is only the beginning of the losses."]
        )
        b.source(
            "farmer", "an unnamed farmer in the valley", "anonymous", [f"One farmer in the valley {verb}"]
        )
        b.claim("the cut is only the beginning of the losses", "attributed", source="farmer")
        return questions_of(b.build(), "how_to_check")

    assert asked("fears") == []
    assert asked("hopes") == []
    assert len(asked("says")) == 1


def test_find_sources_a_second_verb_of_the_same_speaker_is_not_required() -> None:
    # "Councillor Denise Farrar said the smoke was ... and urged parents ...": the teacher marked
    # "urged" too; she is found by "Farrar said", and leaving "urged" out cost half the marks
    # (review 116).
    b = ArticleBuilder(
        "Smoke",
        [
            "The council's leader, Councillor Denise Farrar, said the smoke was thick and urged parents to "
            "keep children indoors. Schools kept pupils inside at break.",
        ],
    )
    b.source(
        "farrar", "Councillor Denise Farrar", "named_official", ["Councillor Denise Farrar, said", "urged"]
    )
    b.claim("the smoke was thick", "attributed", source="farrar")
    b.claim("Schools kept pupils inside at break", "unattributed")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "Councillor Denise Farrar said")).score == 1
    assert score_answer(question, selected(question, "Councillor Denise Farrar said", "urged")).score == 1


def test_find_sources_is_not_asked_where_a_marked_mentions_verb_comes_again_unmarked() -> None:
    # "A review ... found" is marked; "but it found no clear benefit" in the same sentence is not, and
    # "found" is no attribution word the engine knows: a careful student selects it (review 115).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Marking",
            [
                "A 2023 review of 22 studies by the Education Evidence Trust found that quick feedback "
                f"helped in maths, but {second} no clear benefit in English.",
            ],
        )
        b.source(
            "review",
            "a 2023 review of 22 studies",
            "document_or_data",
            ["A 2023 review of 22 studies by the Education Evidence Trust found"],
        )
        b.claim("quick feedback helped in maths", "attributed", source="review")
        return questions_of(b.build(), "find_sources")

    assert asked("it found") == []
    assert len(asked("there was")) == 1


def test_who_said_it_offers_no_record_for_a_claim_holding_a_speakers_quoted_word() -> None:
    # "the emergency department had been 'rammed' with people" from a nurse: air-quality readings on
    # offer cannot have called it "rammed" (review 116).
    b = ArticleBuilder(
        "Smoke",
        [
            "Readings the council published online showed fine particles at 98 micrograms. A local charity, "
            "the Hebbleton Asthma Group, said calls had doubled.",
            'One nurse, who asked not to be named, said the emergency department had been "rammed" with '
            "people struggling to breathe. Gareth Lumb, a fire officer, said crews were tired.",
            ANOTHER_UNNAMED_PARAGRAPH,
        ],
    )
    b.source(
        "librarian", "an unnamed librarian", "anonymous", ["A librarian, who asked not to be named, said"]
    )
    b.claim("evening staff would move to Saturday shifts instead", "attributed", source="librarian")
    b.source(
        "readings",
        "the council's published air-quality readings",
        "document_or_data",
        ["Readings the council published online showed"],
    )
    b.source(
        "group", "the Hebbleton Asthma Group", "named_organisation", ["the Hebbleton Asthma Group, said"]
    )
    b.source("nurse", "an unnamed nurse", "anonymous", ["One nurse, who asked not to be named, said"])
    b.source("lumb", "Gareth Lumb", "named_person", ["Gareth Lumb, a fire officer, said"])
    b.claim("fine particles at 98 micrograms", "attributed", source="readings")
    b.claim("calls had doubled", "attributed", source="group")
    b.claim(
        'the emergency department had been "rammed" with people struggling to breathe',
        "attributed",
        source="nurse",
    )
    b.claim("crews were tired", "attributed", source="lumb")
    asked = [
        q for seed in range(12) for q in questions_of(b.build(), "who_said_it", seed) if "rammed" in q.prompt
    ]
    assert asked
    assert not any("readings" in choice for q in asked for choice in q.choices)


def test_who_said_it_is_not_asked_where_an_officials_claim_speaks_of_their_body() -> None:
    # "She said the government had no plans to force shops to cap prices", from the consumer affairs
    # minister: beside a store manager and a study, the only official on offer speaks for the
    # government the stem names (review 117).
    def asked(subject: str) -> list[Question]:
        b = ArticleBuilder(
            "Price cap",
            [
                "Consumer affairs minister Rachel Dunstan welcomed the pledge on Tuesday. She said "
                f"{subject} had no plans to force shops to cap prices.",
                "A study co-written by Dr Anika Sorensen found prices rose 9 per cent. One store manager, "
                "who asked not to be named, said staff were worried.",
            ],
        )
        b.source(
            "dunstan",
            "Rachel Dunstan, the consumer affairs minister",
            "named_official",
            ["Consumer affairs minister Rachel Dunstan welcomed the pledge", "She said"],
        )
        b.source(
            "study",
            "a study co-written by Dr Sorensen",
            "document_or_data",
            ["A study co-written by Dr Anika Sorensen found"],
        )
        b.source(
            "manager",
            "an unnamed store manager",
            "anonymous",
            ["One store manager, who asked not to be named, said"],
        )
        b.claim(f"{subject} had no plans to force shops to cap prices", "attributed", source="dunstan")
        b.claim("prices rose 9 per cent", "attributed", source="study")
        b.claim("staff were worried", "attributed", source="manager")
        return [q for q in questions_of(b.build(), "who_said_it") if "no plans" in q.prompt]

    assert asked("the government") == []
    assert len(asked("Britain")) == 1


def test_who_said_it_is_not_asked_where_an_unnamed_insiders_claim_speaks_of_staff() -> None:
    # "staff had been instructed to move some branded products" from "an unnamed Halvey's store
    # manager": the only insider on offer, found by meaning without reading (review 117).
    def asked(name: str) -> list[Question]:
        b = ArticleBuilder(
            "Price cap",
            [
                "Lorna Keyes, a shopper, said prices felt higher. The National Prices Bureau's monthly "
                "report showed food inflation at 9 per cent.",
                "One store manager, who asked not to be named, said staff had been instructed to move some "
                "branded products to higher shelves.",
            ],
        )
        b.source("keyes", "Lorna Keyes, a shopper", "named_person", ["Lorna Keyes, a shopper, said"])
        b.source(
            "bureau",
            "the National Prices Bureau's monthly report",
            "document_or_data",
            ["The National Prices Bureau's monthly report showed"],
        )
        b.source("manager", name, "anonymous", ["One store manager, who asked not to be named, said"])
        b.claim("prices felt higher", "attributed", source="keyes")
        b.claim("food inflation at 9 per cent", "attributed", source="bureau")
        b.claim(
            "staff had been instructed to move some branded products to higher shelves",
            "attributed",
            source="manager",
        )
        return [
            q
            for seed in range(6)
            for q in questions_of(b.build(), "who_said_it", seed)
            if "staff" in q.prompt
        ]

    assert asked("an unnamed Halvey's store manager") == []
    # A manager is one of the staff the words speak of, with or without the body's name (review 177).
    assert asked("an unnamed store manager") == []
    # "an unnamed library assistant" beside "staff had only learned of the cut" (review 193, a fail).
    assert asked("an unnamed store assistant") == []


def test_who_said_it_counts_three_letter_words_the_key_shares_with_the_claim() -> None:
    # "The cap covers own-brand bread" beside "the price-cap list on Halvey's website": "cap" gives
    # the key away, though it is shorter than the four letters words were compared by (review 117).
    def asked(label: str) -> list[Question]:
        b = ArticleBuilder(
            "Price cap",
            [
                "The cap covers own-brand bread, milk and eggs, according to a list published on the "
                "chain's website. A study co-written by Dr Anika Sorensen found prices rose 9 per cent.",
                "Lorna Keyes, a shopper, said prices felt higher.",
            ],
        )
        b.source("list", label, "document_or_data", ["according to a list published on the chain's website"])
        b.source(
            "study",
            "a study co-written by Dr Sorensen",
            "document_or_data",
            ["A study co-written by Dr Anika Sorensen found"],
        )
        b.source("keyes", "Lorna Keyes, a shopper", "named_person", ["Lorna Keyes, a shopper, said"])
        b.claim("The cap covers own-brand bread, milk and eggs", "attributed", source="list")
        b.claim("prices rose 9 per cent", "attributed", source="study")
        b.claim("prices felt higher", "attributed", source="keyes")
        return [q for q in questions_of(b.build(), "who_said_it") if "covers" in q.prompt]

    assert asked("the price-cap list on Halvey's website") == []
    assert len(asked("the price list on Halvey's website")) == 1


def test_a_quiz_keeps_an_unsourced_key_apart_from_any_question_on_its_sentence() -> None:
    # "What kind of statement" on the bus claim, whose note says "The writer gives no source", then
    # "who said it" on the taxi fare of the same sentence: "The article does not say" was easy
    # (review 114).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Baths",
        [
            "The nearest bus stop is a mile from the new site, and a taxi from the town centre costs £9.",
            "Dr Martin Hale said swimming could fall by a third. The council's report put repairs at "
            "£4 million. Ann Cole, a swimmer, said the baths were cold.",
        ],
    )
    b.source("hale", "Dr Martin Hale", "named_person", ["Dr Martin Hale said"])
    b.source("report", "the council's report", "document_or_data", ["The council's report put"])
    b.source("cole", "Ann Cole, a swimmer", "named_person", ["Ann Cole, a swimmer, said"])
    b.claim(
        "The nearest bus stop is a mile from the new site",
        "unattributed",
        kind="observation",
        note="The writer gives no source for this.",
    )
    b.claim("a taxi from the town centre costs £9", "unattributed")
    b.claim("swimming could fall by a third", "attributed", source="hale")
    b.claim("repairs at £4 million", "attributed", source="report")
    b.claim("the baths were cold", "attributed", source="cole")
    article = b.build()
    kinds = questions_of(article, "statement_kind")
    who = [q for q in questions_of(article, "who_said_it") if "taxi" in q.prompt]
    pairs = [(k, w) for k in kinds for w in who if "bus stop" in k.prompt]
    assert pairs
    assert all(conflicts(k, w) for k, w in pairs)


def test_find_framing_is_not_asked_where_single_quotation_marks_show_the_only_span() -> None:
    # "Farmers Count Cost of Dog 'Carnage'": the one marked word is the one in quotation marks, which
    # points at it without reading, in single marks as in double (review 119).
    def asked(headline: str) -> list[Question]:
        b = ArticleBuilder(headline, ["Dogs killed 40 sheep last spring, the park authority said."])
        b.frame("Carnage", "loaded_language", note="'Carnage' makes it sound like a massacre.")
        b.framing_complete = {0}
        return [q for q in questions_of(b.build(), "find_framing") if q.block == 0]

    assert asked("Farmers Count Cost of Dog 'Carnage' as Park Brings In Leads Rule") == []
    assert asked('Farmers Count Cost of Dog "Carnage" as Park Brings In Leads Rule') == []
    assert len(asked("Farmers Count Cost of Dog Carnage as Park Brings In Leads Rule")) == 1


def test_find_framing_keys_the_word_the_note_names_where_every_word_is_emotive() -> None:
    # "savage attacks", both words on the emotive list: "savage" alone, the word the note explains,
    # earned no more than "attacks" (review 119).
    b = ArticleBuilder(
        "Leads rule",
        ["The board voted for the rule following a sharp rise in savage attacks on sheep."],
    )
    b.frame(
        "savage attacks",
        "loaded_language",
        note='"Savage" makes the dogs sound like wild beasts. Plainer words would be "attacks by dogs".',
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "savage")).score == 1


def test_find_sources_weighs_according_to_as_one_word_against_the_source() -> None:
    # "according to the trust's board papers": "according to", which names nobody, earned twice what
    # "board papers" did (review 118).
    b = ArticleBuilder(
        "Parking",
        ["Staff parking will rise to £60 a month, according to the trust's board papers."],
    )
    b.source(
        "papers", "the trust's board papers", "document_or_data", ["according to the trust's board papers"]
    )
    b.claim("Staff parking will rise to £60 a month", "attributed", source="papers")
    (question,) = questions_of(b.build(), "find_sources")
    by_the_phrase = score_answer(question, selected(question, "according to")).score
    by_the_source = score_answer(question, selected(question, "board papers")).score
    assert by_the_source >= by_the_phrase
    assert score_answer(question, selected(question, "according to the trust's board papers")).score == 1


def test_support_is_not_asked_where_an_unnamed_group_in_the_claim_saw_it() -> None:
    # "some of its members have seen takings fall by as much as 20 per cent", from the named traders'
    # association: the people who saw it are unnamed, so "An unnamed or vague source" could be
    # defended (review 121).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Parking", [f"The Brackford Traders' Association says {claim}."])
        b.source(
            "traders",
            "the Brackford Traders' Association",
            "named_organisation",
            ["The Brackford Traders' Association says"],
        )
        b.claim(claim, "attributed", source="traders")
        return questions_of(b.build(), "support")

    assert asked("some of its members have seen takings fall by as much as 20 per cent") == []
    assert asked("many shop owners noticed fewer customers in March") == []
    assert len(asked("takings on the high street fell by 20 per cent in March")) == 1


def test_find_framing_labels_a_note_with_its_span_closed_as_a_stem_shows_it() -> None:
    # 'much-hyped "paperless future' stops before the closing mark: the note was labelled
    # '"much-hyped "paperless future":' (review 120).
    b = ArticleBuilder(
        "Exams",
        ['The fiasco is the latest blow to the much-hyped "paperless future", critics said.'],
    )
    b.frame("fiasco", "loaded_language", note="'Fiasco' means a complete failure.")
    b.frame('much-hyped "paperless future', "scare_quotes", note="The marks mock the plan.")
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert "\"much-hyped 'paperless future'\": The marks mock the plan." in question.explanation


def test_a_quiz_keeps_apart_an_explanation_that_retells_a_claim_with_its_speaker() -> None:
    # "Only one unnamed nurse describes people struggling to breathe", in the headline question's
    # explanation, answered "who said it" on "... 'rammed' with people struggling to breathe" (key: an
    # unnamed nurse at the hospital) in both of the reviewer's quizzes (review 116).
    from app.domain.quiz_rules import conflicts, names_the_speaker_of

    article = unseen_with_another_unnamed("review116.yaml")
    (headline,) = questions_of(article, "headline_check")
    (who,) = [q for q in questions_of(article, "who_said_it") if "rammed" in q.prompt]
    assert "nurse describes people struggling to breathe" in headline.explanation
    assert conflicts(headline, who) and conflicts(who, headline)
    # Not for the others: the explanation names no other speaker beside words of their claims.
    others = [q for q in questions_of(article, "who_said_it") if "rammed" not in q.prompt]
    assert others and not any(names_the_speaker_of(headline, q) for q in others)


def test_a_quiz_keeps_apart_an_explanation_that_names_a_speaker_beside_the_claims_words() -> None:
    # "... written for the company that wants to build, which is why Dr Nandra says it is not
    # independent" beside "who said it" on "the assessment used rainfall records that stopped before
    # the flood" (key: Priya Nandra), in 15 of 40 quizzes (review 224).
    from app.domain.quiz_rules import conflicts, names_the_speaker_of

    article = unseen_article("review224.yaml")
    (sources,) = [q for q in questions_of(article, "find_sources") if "Dr Nandra says" in q.explanation]
    (who,) = [q for q in questions_of(article, "who_said_it") if "rainfall records" in q.prompt]
    assert conflicts(sources, who) and conflicts(who, sources)
    # Not where the explanation names the speaker but none of the claim's words (the claims of its
    # own paragraph aside: a question on them shows their sources anyway).
    others = [
        q
        for q in questions_of(article, "who_said_it")
        if "Nandra" not in " ".join(q.answer_text) and q.focus and q.focus[0] != sources.block
    ]
    assert others and not any(names_the_speaker_of(sources, q) for q in others)


def test_headline_check_asks_of_a_question_headline_what_is_true_of_its_words() -> None:
    # "Is Hartwell University About to Throw Away Its Library?": the stem "The headline says 'Throw
    # Away Its Library'" turned a question into a statement it never made (review 125); asking
    # nothing left the headline, the article's main lesson, out of every quiz (reviews 238 and 250).
    from app.domain.kinds.headline_check import (
        QUESTION_HEADLINE_CHOICES,
        QUESTION_HEADLINE_SAYS_MORE,
        QUESTION_HEADLINE_WORD_SAYS_MORE,
    )

    def asked(headline: str) -> list[Question]:
        b = ArticleBuilder(headline, ["The university will move 60,000 printed books into storage by 2026."])
        b.frame("Throw Away Its Library", "headline_body_mismatch", note="Most books go into storage.")
        return questions_of(b.build(), "headline_check")

    (question,) = asked("Is Hartwell University About to Throw Away Its Library?")
    assert question.prompt.startswith(
        'The headline asks "Is Hartwell University About to Throw Away Its Library?"'
    )
    assert 'The headline says "Throw Away Its Library"' not in question.prompt
    assert set(question.choices) == set(QUESTION_HEADLINE_CHOICES)
    assert question.answer_text == [QUESTION_HEADLINE_SAYS_MORE]
    assert "Most books go into storage." in question.explanation
    # One marked word is "the word" and "it" (review 267).
    b = ArticleBuilder("Will the Limit Bring Gridlock?", ["Journeys may take a minute longer."])
    b.frame("Gridlock", "headline_body_mismatch", note="The article speaks of a minute.")
    (one_word,) = questions_of(b.build(), "headline_check")
    assert 'Which is true of the word "Gridlock"?' in one_word.prompt
    assert one_word.answer_text == [QUESTION_HEADLINE_WORD_SAYS_MORE]
    (statement,) = asked("Hartwell University to Throw Away Its Library")
    assert set(statement.choices).isdisjoint(QUESTION_HEADLINE_CHOICES)
    # Where the article says the marked words itself, no question either way.
    b = ArticleBuilder("Is Hartwell About to Throw Away Its Library?", ["They will throw away the library."])
    b.frame("Throw Away Its Library", "headline_body_mismatch", note="Most books go into storage.")
    assert questions_of(b.build(), "headline_check") == []


def test_spot_hedge_keys_the_doubting_word_of_it_is_thought_to() -> None:
    # Cue "It is thought to": "thought to", a hedge of the vocabulary's own, earned half marks and
    # "thought" a third (review 124).
    b = ArticleBuilder("Petition", ["It is thought to be the biggest petition the council has received."])
    b.claim(
        "It is thought to be the biggest petition the council has received",
        "hedged",
        cues=["It is thought to"],
    )
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "thought to")).score == 1
    assert score_answer(question, selected(question, "thought")).score == 1


def test_spot_hedge_is_not_asked_where_could_is_inside_a_whether_clause() -> None:
    # "officers were looking at whether Dale Road could be opened": "could" is what they weigh up, not
    # a doubt about the claim (review 124).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("One-way", [f"The council said {claim}."])
        b.source("council", "the council", "named_organisation", ["The council said"])
        b.claim(claim, "attributed", source="council", cues=["could"])
        return questions_of(b.build(), "spot_hedge")

    assert asked("officers were looking at whether Dale Road could be opened to cars again") == []
    assert len(asked("Dale Road could be opened to cars again next month")) == 1


def test_headline_quote_offers_no_vague_group_beside_anyone_else() -> None:
    # '"parents"' beside Kerry Walsh, a parent, for whose word 'Fiasco' is (review 124).
    b = ArticleBuilder(
        "One-Way 'Fiasco' Traps Parents",
        [
            'Kerry Walsh, a mother of two, called the scheme "a fiasco". Parents say the queues are long.',
            "Dean Mabry, the council's highways officer, said the scheme would stay. Ruth Farrow, a "
            "traffic expert, said queues often ease.",
        ],
    )
    b.source(
        "walsh", "Kerry Walsh, a mother of two", "named_person", ["Kerry Walsh, a mother of two, called"]
    )
    b.source("parents", "parents", "vague", ["Parents say"])
    b.source(
        "mabry",
        "Dean Mabry, the highways officer",
        "named_official",
        ["Dean Mabry, the council's highways officer, said"],
    )
    b.source(
        "farrow", "Ruth Farrow, a traffic expert", "named_person", ["Ruth Farrow, a traffic expert, said"]
    )
    b.claim("the queues are long", "attributed", source="parents")
    asked = [q for seed in range(10) for q in questions_of(b.build(), "headline_quote", seed)]
    assert asked
    assert not any("parents" in choice for q in asked for choice in q.choices)


def test_who_said_it_does_not_key_no_source_before_an_unmarked_inverted_attribution() -> None:
    # "Footfall is already down 12 per cent. Four shops have closed, and more will follow, said Paul
    # Grieve, who chairs the traders' association": "said" after the comma, the speaker after it, left
    # unmarked; "The article does not say" was the key for the footfall figure (review 123).
    def asked(closing: str) -> list[Question]:
        b = ArticleBuilder(
            "Fountains",
            [
                "Footfall in the town centre is already down 12 per cent on 2022. "
                f"Four shops have closed, {closing}.",
                "Councillor Ann Halloway said the cuts were needed. Critics say the plan is short-sighted.",
            ],
        )
        b.source("halloway", "Ann Halloway, a councillor", "named_official", ["Councillor Ann Halloway said"])
        b.source("critics", "critics", "vague", ["Critics say"])
        b.claim("Footfall in the town centre is already down 12 per cent on 2022", "unattributed")
        b.claim("the cuts were needed", "attributed", source="halloway")
        return [q for q in questions_of(b.build(), "who_said_it") if "Footfall" in q.prompt]

    assert asked("said Paul Grieve, who chairs the Brackwell Traders' Association") == []
    assert asked("said the chair of the traders' association") == []
    assert len(asked("and more may follow next year")) == 1


def test_who_said_it_is_not_asked_where_the_sentence_opens_with_whose_view_it_is() -> None:
    # "For the families who farm the valley, the reservoir is a disaster": the key "The article does
    # not say" beside "farmers in the valley" (review 122).
    def asked(opening: str) -> list[Question]:
        b = ArticleBuilder(
            "Reservoir",
            [
                f"{opening}the reservoir is a disaster for the valley.",
                # Not the sentence right after the claim's (review 218): "The valley has 40 farms."
                "The valley has 40 farms. Eastmere Water said the reservoir was needed. Farmers in the "
                "valley say they will fight it. "
                "A 2022 study found demand would rise.",
            ],
        )
        b.source("eastmere", "Eastmere Water", "named_organisation", ["Eastmere Water said"])
        b.source("farmers", "farmers in the valley", "vague", ["Farmers in the valley say"])
        b.source("study", "a 2022 study", "document_or_data", ["A 2022 study found"])
        b.claim("the reservoir is a disaster for the valley", "unattributed")
        b.claim("the reservoir was needed", "attributed", source="eastmere")
        return [q for q in questions_of(b.build(), "who_said_it") if "disaster" in q.prompt]

    assert asked("For the families who farm the valley, ") == []
    assert len(asked("In the end, ")) == 1


def test_statement_kind_reads_stands_to_as_the_future() -> None:
    # "He stands to lose 300 acres", marked an observation: he loses them only if the plan goes ahead,
    # so "A prediction" could be defended (review 122).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Reservoir", [f"Farmer Tom Aldridge said {claim}."])
        b.source("aldridge", "Tom Aldridge, a farmer", "named_person", ["Farmer Tom Aldridge said"])
        b.claim(claim, "attributed", source="aldridge", kind="observation")
        return questions_of(b.build(), "statement_kind")

    assert asked("he stands to lose 300 acres of grazing land") == []
    assert len(asked("he lost 300 acres of grazing land last year")) == 1


def test_a_quiz_has_no_choice_questions_key_three_times() -> None:
    # Three "how well supported" questions keyed "A source the article names" in one quiz: a guesser
    # learns the pattern (reviews 125, 127 and 128).
    from collections import Counter

    from app.domain.generate import build_quiz

    article = unseen_article("review128.yaml")
    for seed in range(1, 11):
        quiz = build_quiz(article, VOCABULARY, seed)
        keys = Counter((q.kind, tuple(q.answer_text)) for q in quiz if q.type == CHOICE)
        assert max(keys.values()) <= 2, (seed, keys.most_common(1))


def test_who_said_it_offers_no_source_named_earlier_in_the_claims_paragraph() -> None:
    # "Dr Treharne pointed to the closure of Felling Moor ... Passenger numbers on the rest of the line
    # fell by 6 per cent, the review found": the claim may carry on his argument, so he is no clearly
    # wrong answer (review 129).
    b = ArticleBuilder(
        "Station",
        [
            "Dr Owen Treharne pointed to the closure of Felling Moor in 2009. Passenger numbers on the rest "
            "of the line fell by 6 per cent, according to the Office of Rail Standards' review.",
            "Diane Pell, a councillor, said the station was a lifeline. A study by the Rural Transport "
            "Trust found bus links were poor. Margaret Ellwood, a passenger, said she had no car.",
        ],
    )
    b.source("treharne", "Dr Owen Treharne", "named_person", ["Dr Owen Treharne pointed to"])
    b.source(
        "review",
        "the Office of Rail Standards' review",
        "document_or_data",
        ["according to the Office of Rail Standards' review"],
    )
    b.source("pell", "Diane Pell, a councillor", "named_official", ["Diane Pell, a councillor, said"])
    b.source(
        "study",
        "a study by the Rural Transport Trust",
        "document_or_data",
        ["A study by the Rural Transport Trust found"],
    )
    b.source(
        "ellwood", "Margaret Ellwood, a passenger", "named_person", ["Margaret Ellwood, a passenger, said"]
    )
    b.claim("Passenger numbers on the rest of the line fell by 6 per cent", "attributed", source="review")
    b.claim("the station was a lifeline", "attributed", source="pell")
    asked = [
        q
        for seed in range(8)
        for q in questions_of(b.build(), "who_said_it", seed)
        if "6 per cent" in q.prompt
    ]
    assert asked
    assert not any("Owen Treharne" in q.choices for q in asked)


def test_a_quiz_keeps_a_spot_the_hedge_claim_apart_from_an_explanation_quoting_it() -> None:
    # The headline question's note quoted "Reported injuries from gulls may have dropped by as much as
    # half", the passage of a "spot the hedge" question in the same quiz (review 126).
    from app.domain.quiz_rules import conflicts

    article = unseen_article("review126.yaml")
    (headline,) = questions_of(article, "headline_check")
    hedges = [q for q in questions_of(article, "spot_hedge") if "injuries" in " ".join(q.words).lower()]
    assert hedges and "may have dropped by as much as half" in headline.explanation
    assert all(conflicts(headline, q) for q in hedges)


def test_find_sources_lets_a_records_authors_find_it_as_its_noun_does() -> None:
    # "A drainage study by the engineers Halden & Pryor found": a student who selected who wrote it
    # got a third of that attribution, one who selected "study" all of it (review 130).
    def paragraph(record: str, name: str = "the drainage study by Halden & Pryor") -> Question:
        b = ArticleBuilder(
            "Turf",
            [
                "The plan was published on Monday.",
                f"The council insists the risk is small. {record} that the turf would hold water. "
                "Critics say the firm stands to profit.",
            ],
        )
        b.source("council", "the council", "named_organisation", ["The council insists"])
        b.source("study", name, "document_or_data", [f"{record}"])
        b.source("critics", "critics", "vague", ["Critics say"])
        b.claim("the risk is small", "attributed", source="council")
        b.claim("the turf would hold water", "attributed", source="study")
        b.claim("the firm stands to profit", "attributed", source="critics")
        (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
        return question

    by_authors = paragraph("A drainage study by the engineers Halden & Pryor found")
    for authors in ("Halden Pryor found", "engineers", "study"):
        chosen = selected(by_authors, "council insists", authors, "Critics say")
        assert score_answer(by_authors, chosen).score == 1, authors
    assert score_answer(by_authors, selected(by_authors, "council insists", "Critics say")).score < 0.9
    # "Paid for by" names who paid, not who found: the record's noun is still what finds it.
    paid = paragraph("A drainage study, paid for by Halden & Pryor, found")
    assert score_answer(paid, selected(paid, "council insists", "Halden Pryor", "Critics say")).score < 0.9
    # Who was asked may come between: "A survey of 1,150 members by the Supporters' Trust found" (review
    # 148); a month after "by the union in" is no author.
    asked = paragraph("A survey of 150 engineers by Halden & Pryor found", "the engineers' survey")
    assert score_answer(asked, selected(asked, "council insists", "Halden Pryor", "Critics say")).score == 1
    # "A survey of 310 people aged 18 to 30, carried out by Saltmouth College in June, found" (review 157).
    made = paragraph("A survey, carried out by Saltmouth College, found", "the college's survey")
    assert (
        score_answer(made, selected(made, "council insists", "Saltmouth College", "Critics say")).score == 1
    )
    # A time between the noun and "by": "A report last year by the Rural Shops Alliance, a charity that
    # supports them, found" (review 269).
    for record in (
        "A report last year by Halden & Pryor found",
        "A report in 2023 by Halden & Pryor found",
    ):
        dated = paragraph(record, "the Halden & Pryor report")
        chosen = selected(dated, "council insists", "Halden Pryor", "Critics say")
        assert score_answer(dated, chosen).score == 1, record
    when = paragraph("A survey by the union in October found", "the union's survey")
    assert score_answer(when, selected(when, "council insists", "October", "Critics say")).score < 0.9


def test_how_well_supported_is_not_asked_where_the_doubt_is_that_someone_unnamed_holds_it() -> None:
    # "It is thought that other schools are watching closely", keyed "Hedged by the writer, with no
    # source": "It is thought" stands for unnamed people who think it, so "An unnamed or vague
    # source" could be defended (reviews 131 and 132).
    def asked(sentence: str, cue: str) -> list[Question]:
        b = ArticleBuilder("Uniform", ["The school has chosen one supplier.", f"{sentence}."])
        b.claim(sentence, "hedged", cues=[cue])
        return questions_of(b.build(), "support")

    assert asked("It is thought that other schools are watching closely", "It is thought") == []
    assert asked("Other schools reportedly plan to follow", "reportedly") == []
    (hedged,) = asked("Other schools appear to be copying the plan", "appear")
    assert list(hedged.answer_text) == ["Hedged by the writer, with no source"]


def test_find_framing_lets_a_verb_and_its_particle_find_a_long_span() -> None:
    # "shut out" of "shut out of their own town after dark" earned half of it while "their own town"
    # earned all of it (review 132; "give up" of "simply give up on their care altogether", 133).
    b = ArticleBuilder(
        "Night bus",
        [
            "The last bus leaves at 10.40pm.",
            "Without it, the estates will be shut out of their own town after dark. The company said the "
            "route lost money.",
        ],
    )
    b.source("company", "the company", "named_organisation", ["The company said"])
    b.claim("the route lost money", "attributed", source="company")
    b.frame("shut out of their own town after dark", "loaded_language", note="This makes it sound cruel.")
    b.framing_complete = {2}
    (question,) = [q for q in questions_of(b.build(), "find_framing") if q.block == 2]
    assert score_answer(question, selected(question, "shut out")).score == 1
    assert score_answer(question, selected(question, "out")).score < 1


def test_who_said_it_offers_no_record_for_an_opinion() -> None:
    # "the bill is a nightmare", the writer's view, against the guidance, the charity's figures and the
    # price list: a record holds no view, so "The article does not say" was the key at a glance
    # (review 131).
    def asked(people: bool) -> list[Question]:
        b = ArticleBuilder(
            "Uniform",
            [
                "But for cash-strapped families, the bill is a nightmare.",
                "A full set costs £196, according to the school's price list. Figures from the Children's "
                "Trust show one in three pupils get free meals. Government guidance says schools should "
                "keep costs down."
                + (
                    " Joanne Pritchard, a parent, said she was angry. Lorna Avery said demand had doubled."
                    if people
                    else ""
                ),
            ],
        )
        b.source(
            "list", "the school's price list", "document_or_data", ["according to the school's price list"]
        )
        b.source(
            "trust",
            "the Children's Trust figures",
            "document_or_data",
            ["Figures from the Children's Trust show"],
        )
        b.source("guidance", "government guidance", "document_or_data", ["Government guidance says"])
        b.claim("the bill is a nightmare", "unattributed", kind="opinion")
        b.claim("A full set costs £196", "attributed", source="list")
        b.claim("one in three pupils get free meals", "attributed", source="trust")
        if people:
            b.source(
                "pritchard",
                "Joanne Pritchard, a parent",
                "named_person",
                ["Joanne Pritchard, a parent, said"],
            )
            b.source("avery", "Lorna Avery", "named_person", ["Lorna Avery said"])
            b.claim("she was angry", "attributed", source="pritchard")
        return [
            q
            for seed in range(6)
            for q in questions_of(b.build(), "who_said_it", seed)
            if "nightmare" in q.prompt
        ]

    assert asked(people=False) == []
    with_people = asked(people=True)
    assert with_people
    assert not any(
        "price list" in c or "figures" in c or "guidance" in c for q in with_people for c in q.choices
    )


def test_who_said_it_does_not_count_a_relaying_paper_as_a_body_that_acts() -> None:
    # "it uses only approved infill", from PitchPro, against a drainage study and a newspaper that only
    # passed on a resident's words: neither can use infill, so the firm is the key by meaning alone
    # (review 130).
    def asked(with_council: bool) -> list[Question]:
        b = ArticleBuilder(
            "Turf",
            [
                'A drainage study by Halden & Pryor found the layer would hold water. "I had sewage in my '
                'kitchen," one resident told the Castlebridge Echo.'
                + (" Castlebridge Council said the plan was popular." if with_council else ""),
                "PitchPro Surfaces said that it uses only approved infill.",
            ],
        )
        b.source(
            "study", "the drainage study", "document_or_data", ["A drainage study by Halden & Pryor found"]
        )
        b.source("echo", "the Castlebridge Echo", "news_outlet", ["the Castlebridge Echo"])
        b.source(
            "resident", "one resident", "anonymous", ["one resident told the Castlebridge Echo"], via="echo"
        )
        b.source("pitchpro", "PitchPro Surfaces", "named_organisation", ["PitchPro Surfaces said"])
        b.claim("the layer would hold water", "attributed", source="study")
        b.claim("I had sewage in my kitchen", "attributed", source="resident")
        b.claim("it uses only approved infill", "attributed", source="pitchpro")
        if with_council:
            b.source("council", "Castlebridge Council", "named_organisation", ["Castlebridge Council said"])
            b.claim("the plan was popular", "attributed", source="council")
        return [
            q
            for seed in range(6)
            for q in questions_of(b.build(), "who_said_it", seed)
            if "infill" in q.prompt
        ]

    assert asked(with_council=False) == []
    assert asked(with_council=True)


def test_headline_check_counts_no_report_of_the_past_as_saying_what_will_happen() -> None:
    # "Turf Plan Will Flood Homes" was not asked because "Eleven homes on Mill Lane were flooded in
    # February last year" held its words: a past flood does not say the plan will flood homes (review 130).
    def asked(sentence: str) -> list[Question]:
        b = ArticleBuilder(
            "Turf Plan Will Flood Homes",
            [
                "The council wants artificial pitches in the park.",
                f"{sentence} The turf may make flooding worse.",
            ],
        )
        b.frame("Will Flood Homes", "headline_body_mismatch", note="The article only says it may.")
        return questions_of(b.build(), "headline_check")

    assert len(asked("Eleven homes on Mill Lane were flooded in February last year.")) == 1
    assert asked("The new turf will flood homes on Mill Lane.") == []


def test_how_well_supported_with_no_source_is_not_asked_where_the_note_points_at_support() -> None:
    # "The deal may also be making money for the school", keyed "Hedged by the writer, with no
    # source", with the note "The only support is one unnamed teacher": the explanation argued for
    # "An unnamed or vague source" (review 131).
    def asked(note: str) -> list[Question]:
        b = ArticleBuilder(
            "Uniform", ["The school has chosen one supplier.", "The deal appears to pay the school."]
        )
        b.claim("The deal appears to pay the school", "hedged", cues=["appears"], note=note)
        return questions_of(b.build(), "support")

    assert asked('"Appears" shows doubt. The only support is one unnamed teacher, in another paper.') == []
    assert len(asked('"Appears" shows the writer is not sure, and nobody is named.')) == 1


def test_a_passive_reporting_verb_telling_someone_to_do_something_is_no_attribution() -> None:
    # "being asked to bid", "be told about their appointments": the audit called them attributions the
    # teacher had not marked, and their paragraphs got no "find the sources" question (review 133).
    assert _attribution_hits("Patients will be told about their appointments by text.") == []
    assert _attribution_hits("Three firms are being asked to bid for the contract.") == []
    assert _attribution_hits("Children aged six to ten are admitted to hospital.") == []
    assert _attribution_hits("Residents were told that the pool would close.") == ["told"]
    assert _attribution_hits("He was told by police to leave, the Echo reported.") == ["told", "reported"]


def test_appeared_that_says_something_came_into_view_is_no_hedge() -> None:
    # "since they first appeared about 20 years ago": the explanation called "appeared" a hedge (review 86).
    assert _hedge_hits("The machines spread after they first appeared twenty years ago.") == []
    assert _hedge_hits("Cracks had appeared in her garden wall since March.") == []
    assert _hedge_hits("The change appears to have been made without asking anyone.") == ["appears"]
    assert _hedge_hits("It appeared that nobody had been asked.") == ["appeared"]


def test_find_sources_lets_a_reporting_hedge_be_selected_at_no_cost() -> None:
    # "The company reportedly turned down an earlier offer": "reportedly" says someone unnamed reported
    # it, so a student who selects it as an attribution lost marks for a defensible choice (reviews 132
    # and 136).
    b = ArticleBuilder(
        "Night bus",
        [
            "The last bus leaves at 10.40pm.",
            "Wyvern Valley Buses said that passengers could still catch the earlier bus. The company "
            "reportedly turned down an earlier offer from the council to share the cost of the route.",
        ],
    )
    b.source("wyvern", "Wyvern Valley Buses", "named_organisation", ["Wyvern Valley Buses said"])
    b.claim("passengers could still catch the earlier bus", "attributed", source="wyvern")
    b.claim("The company reportedly turned down an earlier offer", "hedged", cues=["reportedly"])
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
    assert score_answer(question, selected(question, "Wyvern Valley Buses said", "reportedly")).score == 1


def test_points_out_is_an_attribution_but_not_after_a_number() -> None:
    # "The trust also points out that ...": "points out" was missing, so only "trust" found the
    # attribution (review 136); "four points out either way" is a margin, not a speaker.
    assert _attribution_hits("The trust also points out that prices have not risen since 2019.") == [
        "points out"
    ]
    assert _attribution_hits("A survey can be about four points out either way.") == []
    assert _attribution_hits("Carol Pennick, 61, said the cut was a betrayal.") == ["said"]


def test_find_framing_keys_tragedy_as_it_keys_tragic() -> None:
    # "a tragedy waiting to happen": "tragedy" alone earned half, the plain "waiting to happen" all of
    # it (review 136; the teacher's note quoted no word).
    b = ArticleBuilder(
        "Pool",
        ["Lessons will cost £9.80.", "Fewer lessons is a tragedy waiting to happen for the town's children."],
    )
    b.frame("a tragedy waiting to happen", "appeal_to_fear_prejudice", note="This makes you afraid.")
    b.framing_complete = {2}
    (question,) = [q for q in questions_of(b.build(), "find_framing") if q.block == 2]
    assert score_answer(question, selected(question, "tragedy")).score == 1


def test_find_sources_lets_any_word_of_a_bodys_name_or_a_records_phrase_find_it() -> None:
    # "Brightfield Renewables, the company behind the scheme, says": the key was "Renewables" only
    # (review 137; "Wyvern" of "Wyvern Valley Buses confirmed", review 132); "Figures from the
    # council's own footfall counters show": the record's noun only, not "Figures" (review 135).
    b = ArticleBuilder(
        "Solar farm",
        [
            "The plan was published on Monday.",
            "Brightfield Renewables, the company behind the scheme, says the farm would power 14,000 homes "
            "across the district for the next forty years. Figures from the council's own footfall counters "
            "show that 4 per cent fewer people came to the market this spring than last spring. Gareth Lowe, "
            "a farmer, said he would object to the plan at the next meeting of the planning committee.",
        ],
    )
    b.source(
        "brightfield",
        "Brightfield Renewables",
        "named_organisation",
        ["Brightfield Renewables, the company behind the scheme, says"],
    )
    b.source(
        "figures",
        "the council's footfall counters",
        "document_or_data",
        ["Figures from the council's own footfall counters show"],
    )
    b.source("lowe", "Gareth Lowe, a farmer", "named_person", ["Gareth Lowe, a farmer, said"])
    b.claim(
        "the farm would power 14,000 homes across the district for the next forty years",
        "attributed",
        source="brightfield",
    )
    b.claim("4 per cent fewer people came to the market this spring", "attributed", source="figures")
    b.claim("he would object to the plan", "attributed", source="lowe")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
    for body, record in (("Brightfield", "Figures"), ("Renewables", "counters")):
        chosen = selected(question, body, "says", record, "show", "Lowe", "said")
        assert score_answer(question, chosen).score == 1, (body, record)
    # A person is still found by the surname: "Gareth said" is not "Lowe said".
    chosen = selected(question, "Brightfield", "says", "Figures", "show", "Gareth", "said")
    assert score_answer(question, chosen).score < 1


def test_how_well_supported_reads_more_notes_and_authorities_that_say_someone_unnamed_backs_it() -> None:
    # "Parents see it very differently", keyed "Stated as a fact", with the note "only one parent is
    # quoted" (review 134; "only one driver, who is not named, is quoted", 135); "inspectors had rated
    # it good" from a named head teacher: the unnamed inspectors found it (review 134).
    def support(sentence: str, claim: str, note: str = "", source: bool = False) -> list[Question]:
        b = ArticleBuilder("School", ["The council wants to merge two schools.", sentence])
        if source:
            b.source("callow", "Ruth Callow, the head teacher", "named_person", ["Ruth Callow said"])
            b.claim(claim, "attributed", source="callow", note=note)
        else:
            b.claim(claim, "unattributed", note=note)
        return questions_of(b.build(), "support")

    parents = "Parents see it very differently and plan to fight the merger."
    assert support(parents, "Parents see it very differently", "Only one parent is quoted.") == []
    assert len(support(parents, "Parents see it very differently", "Nobody is quoted.")) == 1
    rated = "Ruth Callow said inspectors had rated the school good in March."
    assert support(rated, "inspectors had rated the school good in March", source=True) == []
    counted = "Ruth Callow said the school had rated its own lunches good in March."
    assert len(support(counted, "the school had rated its own lunches good in March", source=True)) == 1


def test_no_source_is_not_the_key_where_the_next_sentence_points_back_and_names_one() -> None:
    # "The county has closed three other village schools since 2015. Two of those buildings now stand
    # empty, according to the Rural Schools Trust": the trust may have given both (review 134).
    def support(second: str) -> list[Question]:
        first = "The county has closed three other village schools since 2015"
        b = ArticleBuilder("School", ["The council wants to merge two schools.", f"{first}. {second}"])
        b.source(
            "trust", "the Rural Schools Trust", "named_organisation", ["according to the Rural Schools Trust"]
        )
        b.claim(first, "unattributed")
        return [q for q in questions_of(b.build(), "support") if "closed" in q.prompt]

    assert support("Two of those buildings now stand empty, according to the Rural Schools Trust.") == []
    assert len(support("Pupils now travel further to school, according to the Rural Schools Trust.")) == 1


def test_an_explanation_never_links_a_claim_to_its_source_by_a_mention_saying_nothing() -> None:
    # "The report does not say why fewer people came, and it notes that one of the three counters was
    # out of action": the explanations quoted "The report does not say" as the link (review 135).
    b = ArticleBuilder(
        "Cycle lane",
        [
            "The lane opened in March.",
            "Fewer people walked along the street this spring, according to a council report. The report "
            "does not say why fewer people came, and it notes that one of the three counters was out of "
            "action.",
        ],
    )
    b.source(
        "report",
        "the council's footfall report",
        "document_or_data",
        ["according to a council report", "The report does not say", "it notes"],
    )
    b.claim("Fewer people walked along the street this spring", "attributed", source="report")
    b.claim("one of the three counters was out of action", "attributed", source="report")
    asked = [
        q
        for kind in ("support", "how_to_check")
        for q in questions_of(b.build(), kind)
        if "counters" in q.prompt
    ]
    assert asked
    assert not any("does not say" in q.explanation for q in asked)


def test_how_to_check_is_not_asked_of_what_unnamed_people_feel() -> None:
    # "Some shoppers say they feel safer": no record or second source settles a feeling (reviews 132
    # and 135).
    def asked(claim: str) -> list[Question]:
        # One unnamed person: a loose group's claim gets no such question at all (review 219).
        b = ArticleBuilder("Cycle lane", ["The lane opened in March.", f"One shopper says {claim}."])
        b.source("shopper", "an unnamed shopper", "anonymous", ["One shopper says"])
        b.claim(claim, "attributed", source="shopper")
        return questions_of(b.build(), "how_to_check")

    assert asked("people feel safer on the street since the lane opened") == []
    assert len(asked("the street has fewer parking spaces since the lane opened")) == 1


def test_a_quiz_keeps_find_the_sources_apart_from_an_explanation_telling_who_said_its_words() -> None:
    # The headline question's note: 'a council officer says the letters were "roughly as many in favour
    # as against"', beside "find the sources" on that officer's paragraph (review 137).
    from app.domain.quiz_rules import conflicts

    article = unseen_article("review137.yaml")
    (headline,) = questions_of(article, "headline_check")
    (find,) = [q for q in questions_of(article, "find_sources") if "letters" in " ".join(q.words)]
    assert "a council officer says" in headline.explanation
    assert conflicts(headline, find)
    # "The article says" quoting a paragraph tells nobody's name.
    others = [q for q in questions_of(article, "find_sources") if q.block != find.block]
    assert not all(conflicts(headline, q) for q in others)


def test_how_well_supported_is_not_asked_where_the_speaker_passes_on_what_others_told_them() -> None:
    # '"Teachers tell me they are seeing more headaches," said Dr Mercer': the telling stands before the
    # claim in its sentence, and the unnamed teachers could be defended as the source (review 139).
    def asked(quote: str, claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Drinks", ["The school has banned energy drinks.", f'"{quote}," said Dr Alison Mercer.']
        )
        b.source("mercer", "Dr Alison Mercer, the headteacher", "named_official", ["said Dr Alison Mercer"])
        b.claim(claim, "attributed", source="mercer")
        return questions_of(b.build(), "support")

    claim = "they are seeing more headaches in afternoon lessons"
    assert asked(f"Teachers tell me {claim}", claim) == []
    assert len(asked(f"I can see that {claim}", claim)) == 1


def test_find_sources_keys_the_verb_of_many_of_whom_say_and_every_word_of_a_bodys_name() -> None:
    # "older residents, many of whom say": the key was "many" alone, "say" worth a quarter (review 138);
    # "Access for All Kettlebrook, a charity, warned": "Kettlebrook ... warned" did not find it (138).
    from app.domain.passage import ArticleReading, attribution_key_words

    b = ArticleBuilder("Toilets", ["Older residents, many of whom say they need the toilets, have signed."])
    b.source("residents", "older residents", "vague", ["Older residents, many of whom say"])
    article = b.build()
    reading = ArticleReading(article, VOCABULARY)
    (source,) = article.sources
    block = reading.blocks[1]
    keys = attribution_key_words(block, (0, 6), source, reading.attribution_hits(1))
    assert [" ".join(block.words[s:e]) for s, e in keys] == ["residents", "say"]

    c = ArticleBuilder(
        "Toilets",
        [
            "The council will vote in March.",
            "Access for All Kettlebrook, a charity for disabled people, warned that closing the blocks would "
            "keep many people at home. Margaret Doyle said she would stop going into town on market days.",
        ],
    )
    c.source(
        "access",
        "Access for All Kettlebrook",
        "named_organisation",
        ["Access for All Kettlebrook, a charity for disabled people, warned"],
    )
    c.source("doyle", "Margaret Doyle", "named_person", ["Margaret Doyle said"])
    c.claim("closing the blocks would keep many people at home", "attributed", source="access")
    c.claim("she would stop going into town on market days", "attributed", source="doyle")
    (question,) = [q for q in questions_of(c.build(), "find_sources") if q.block == 2]
    for word in ("Access", "Kettlebrook"):
        assert score_answer(question, selected(question, word, "warned", "Doyle said")).score == 1, word


def test_telling_things_apart_and_a_noun_after_a_number_or_a_determiner_are_no_attributions() -> None:
    # "could not tell school-run cars apart" (review 146); "recorded 412 reports", "with reports to
    # police", "an estimated £640,000" (review 149): each kept a "find the sources" question off its
    # paragraph, and the audit asked the teacher to mark it.
    assert _attribution_hits("The monitors could not tell school-run cars apart from the buses.") == []
    assert _attribution_hits("Police recorded 412 reports last year.") == []
    assert _attribution_hits("With reports to police more than doubling, the force acted.") == []
    assert _attribution_hits("An estimated £640,000 was lost, the police said.") == ["said"]
    assert _attribution_hits("The council reports that 40 homes flooded.") == ["reports"]
    assert _attribution_hits("Smith told reporters the plan was dead.") == ["told"]
    assert _attribution_hits("Some 40 said they would go.") == ["said"]


def test_what_a_record_found_is_an_attribution_but_finding_a_thing_is_not() -> None:
    # "A 2022 review ... concluded that ..., though it found clearer gains for teenagers": "it found"
    # was left unmarked, and "find the sources" asked the paragraph without it (review 156).
    assert _attribution_hits("The review concluded it works, though it found gains for teenagers.") == [
        "concluded",
        "found",
    ]
    assert _attribution_hits("A survey found that most pupils wanted longer breaks.") == ["found"]
    assert _attribution_hits("Dead fish were found near the outfall.") == []
    assert _attribution_hits("The page would not reveal where it found the post.") == ["reveal"]
    assert _attribution_hits('"We found nothing," she said.') == ["said"]


def test_statement_kind_skips_an_opinion_that_people_fear() -> None:
    # "Some residents fear Saltmouth is turning into a retirement village": a fear is of what may
    # come, so "a prediction" could be defended beside the teacher's "opinion" (review 157).
    def asked(verb: str) -> list[Question]:
        b = ArticleBuilder(
            "Rents",
            [f"Rents rose again. Some residents {verb} the town is turning into a retirement village."],
        )
        b.source("residents", "some residents", "vague_source", [f"Some residents {verb}"])
        b.claim(
            "the town is turning into a retirement village", "attributed", source="residents", kind="opinion"
        )
        return questions_of(b.build(), "statement_kind")

    assert asked("fear") == []
    assert asked("worry") == []
    assert len(asked("say")) == 1


def test_asking_for_something_and_being_asked_are_no_attributions() -> None:
    # "Council Axes Library for 'Hub' Nobody Asked For" kept "whose words the headline quotes" off the
    # headline (review 158); "Parents will vote when they are asked in March" kept "find the sources"
    # off its paragraph (review 159).
    assert _attribution_hits("The council built a hub nobody asked for.") == []
    assert _attribution_hits("Parents will vote when they are asked in March.") == []
    assert _attribution_hits("The mayor was asked about it and said the plan was legal.") == ["said"]
    assert _attribution_hits("Reporters asked whether the plan was legal.") == ["asked"]
    # "he already asks students to put phones away": a request (review 173)
    assert _attribution_hits("He already asks students to put phones away.") == []


def test_find_sources_lets_the_record_or_its_makers_find_an_according_to() -> None:
    # "according to figures published by the Northvale Education Trust": "according to figures"
    # scored 0.5, because the trimmed "according" was not taken for the verb and only "Trust" found
    # who (review 159).
    b = ArticleBuilder(
        "Four-Day Week",
        [
            "Sick days among staff fell by a third, according to figures published by the Northvale "
            "Education Trust, which runs the school.",
            "The head said it worked.",
        ],
    )
    b.source(
        "trust",
        "the Northvale Education Trust's figures",
        "document_or_data",
        ["according to figures published by the Northvale Education Trust"],
    )
    b.source("head", "the head", "named_person", ["The head said"])
    b.claim("Sick days among staff fell by a third", "attributed", source="trust")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    for pick in (
        ["according to figures"],
        ["according to", "Northvale Education Trust"],
        ["according", "Trust"],
    ):
        assert score_answer(question, selected(question, *pick)).score == 1, pick
    assert score_answer(question, selected(question, "according to")).score < 1


def test_who_said_it_offers_no_record_for_a_persons_forecast() -> None:
    # "the street could lose a dozen shops by Christmas" from a trader, with the council's footfall
    # counters on offer: a counter forecasts nothing, so nobody would pick it (review 164).
    b = ArticleBuilder(
        "Cycle Lane",
        [
            "Footfall counters run by the council show 4 per cent more people on the street.",
            "Helen Okafor, who chairs the traders' group, warned the street could lose a dozen shops by "
            "Christmas. Gary Holt said his takings were down. Dr Sam Whitfield said lanes take time.",
        ],
    )
    b.source(
        "counters",
        "the council's footfall counters",
        "document_or_data",
        ["Footfall counters run by the council show"],
    )
    b.source(
        "okafor", "Helen Okafor", "named_person", ["Helen Okafor, who chairs the traders' group, warned"]
    )
    b.source("holt", "Gary Holt", "named_person", ["Gary Holt said"])
    b.source("whitfield", "Dr Sam Whitfield", "named_person", ["Dr Sam Whitfield said"])
    b.claim("4 per cent more people on the street", "attributed", source="counters")
    b.claim(
        "the street could lose a dozen shops by Christmas", "attributed", source="okafor", kind="prediction"
    )
    b.claim("his takings were down", "attributed", source="holt")
    for seed in range(8):
        (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if "dozen shops" in q.quote]
        assert "the council's footfall counters" not in question.choices


def test_a_quiz_keeps_its_skills_even_where_the_article_allows_it() -> None:
    # Seeds 1 and 2 of review 162 and 163 had 3 sources, 6 claims and 3 framing questions, where
    # 4/4/4 quizzes existed (reviews 162-164).
    from collections import Counter
    from pathlib import Path

    from app.domain.generate import build_quiz
    from app.domain.validation.article import validate_article

    for name in ("review162.yaml", "review163.yaml", "review164.yaml"):
        path = Path(__file__).parent / "data" / "unseen" / name
        article = validate_article(path.read_bytes(), str(path), VOCABULARY).article
        assert article is not None
        for seed in (1, 2):
            counts = Counter(q.skill for q in build_quiz(article, VOCABULARY, seed))
            assert max(counts.values()) - min(counts[s] for s in ("sources", "claims", "framing")) <= 2, (
                name,
                seed,
                counts,
            )


def test_find_sources_reads_a_speaker_and_the_outlet_they_told_as_one_attribution() -> None:
    # "One keeper, who asked not to be named," and "told the Brackenford Echo" marked as the keeper's
    # and the Echo's mentions were two passages to find, so "keeper ... told" scored 0.83 and the key
    # words 0.67 (review 165); with the verb between them (the README's "Neighbours on Elm Road, who did
    # not want to be named, told the Millbrook Gazette") the paragraph was not asked at all.
    def question(first: str, outlet_mention: str) -> Question:
        b = ArticleBuilder(
            "Skate Park",
            [
                "The council approved the park, the council said.",
                f"{first} the Millbrook Gazette they are worried about noise from skateboards late at "
                "night and about litter on the grass near the houses. Experts say parks cut crime in "
                "towns of every size.",
            ],
        )
        b.source("council", "the council", "named_organisation", ["the council said"])
        b.source("gazette", "the Millbrook Gazette", "news_outlet", [outlet_mention])
        b.source(
            "neighbours", "neighbours on Elm Road", "anonymous", ["Neighbours on Elm Road"], via="gazette"
        )
        b.source("experts", '"experts"', "vague", ["Experts say"])
        b.claim("they are worried about noise from skateboards", "attributed", source="neighbours")
        b.claim("parks cut crime in towns of every size", "attributed", source="experts")
        (asked,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
        return asked

    for first, outlet in (
        ("Neighbours on Elm Road, who did not want to be named, told", "the Millbrook Gazette"),
        ("Neighbours on Elm Road told", "told the Millbrook Gazette"),
    ):
        asked = question(first, outlet)
        assert len(asked.gold) == 2, first
        assert score_answer(asked, selected(asked, "Neighbours", "told", "Experts say")).score == 1, first
        assert score_answer(asked, selected(asked, "Neighbours", "Experts say")).score < 1, first


def test_how_to_check_with_a_note_on_who_says_it_is_kept_from_who_said_it_on_that_source() -> None:
    # "This comes from one keeper with no name, through another newspaper" in the explanation of "how
    # would you check it", beside "who said it" on the keeper's other claim (review 165).

    from app.domain.quiz_rules import conflicts

    article = unseen_with_another_unnamed("review165.yaml")
    questions = all_questions(article, VOCABULARY, random.Random(1))
    (check,) = [q for q in questions if q.kind == "how_to_check" and "kept in the dark" in q.quote]
    (who,) = [q for q in questions if q.kind == "who_said_it" and "probably be calmer" in q.quote]
    assert "keeper" in check.explanation and conflicts(check, who)


def test_a_quiz_keeps_apart_no_source_keys_on_two_claims_of_one_paragraph() -> None:
    # "The article does not say" on one claim of an unsourced background paragraph and "Stated as a
    # fact, with no source" on another: either answer tells the paragraph has no source (review 158).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Library",
        [
            "The library opened in 1928. Its children's corner was rebuilt in 2016 with money raised by "
            "families.",
            "The council said the branch would close. Margaret Lowe said she would miss it. Tom Aldridge "
            "said the plan was wrong. Dr Ann Lee said libraries matter.",
        ],
    )
    b.source("council", "the council", "named_organisation", ["The council said"])
    b.source("lowe", "Margaret Lowe", "named_person", ["Margaret Lowe said"])
    b.source("aldridge", "Tom Aldridge", "named_person", ["Tom Aldridge said"])
    b.source("lee", "Dr Ann Lee", "named_person", ["Dr Ann Lee said"])
    b.claim("The library opened in 1928", "unattributed")
    b.claim("Its children's corner was rebuilt in 2016", "unattributed")
    b.claim("the branch would close", "attributed", source="council")
    article = b.build()
    who = [q for q in questions_of(article, "who_said_it") if q.quote.startswith("The library")]
    support = [q for q in questions_of(article, "support") if q.quote.startswith("Its children")]
    assert who and support
    assert conflicts(who[0], support[0])


def test_statement_kind_skips_how_something_looks_or_seems() -> None:
    # "They look bored in there", marked an opinion: what a visitor saw and what she makes of it, so
    # "observed" could be defended too (review 165). Not "cracks had appeared in the wall".
    def asked(claim: str, kind: str) -> list[Question]:
        b = ArticleBuilder("Zoo", [f"Jenny Okoro said {claim} on Saturday. The zoo said it was sad."])
        b.source("okoro", "Jenny Okoro", "named_person", ["Jenny Okoro said"])
        b.claim(claim, "attributed", source="okoro", kind=kind)
        return questions_of(b.build(), "statement_kind")

    assert asked("the elephants looked bored in there", "opinion") == []
    assert asked("the keepers seemed tired", "opinion") == []
    assert len(asked("the crack looked about a metre long", "observation")) == 1
    assert asked("it felt like a prison", "opinion") == []
    assert len(asked("cracks had appeared in the wall of the elephant house", "observation")) == 1
    assert len(asked("the elephant house was a disgrace", "opinion")) == 1


def test_notes_posts_a_feeling_and_a_gerund_are_no_attributions() -> None:
    # "reading chemistry notes on a watch" (review 163), "nursing posts at the hospital", "can become
    # badly stressed" (review 165), "look at adding loading bays" (review 164): each kept "find the
    # sources" off a fully marked paragraph, and the audit asked the teacher to mark it.
    assert _attribution_hits("He was caught reading chemistry notes on a watch.") == []
    assert _attribution_hits("One in ten nursing posts at the hospital is empty.") == []
    assert _attribution_hits("Elephants can become badly stressed when they are moved.") == []
    assert _attribution_hits("Councillors will look at adding loading bays.") == []
    assert _attribution_hits("The report notes in its summary that costs rose.") == ["notes"]
    assert _attribution_hits("The mayor stressed that the plan was safe.") == ["stressed"]
    assert _attribution_hits("He said it was fine, adding that more was coming.") == ["said", "adding"]


def test_find_sources_keys_who_speaks_not_a_preposition_after_them() -> None:
    # '"teachers across the country"' marked as "teachers across the country report": the key was
    # "across", which alone found the passage (review 168).
    b = ArticleBuilder(
        "Handwriting",
        [
            "Screen time has soared in recent years, and teachers across the country report that more "
            "pupils now start school unable to hold a pencil properly.",
            "The school said it would review the change.",
        ],
    )
    b.source("teachers", '"teachers across the country"', "vague", ["teachers across the country report"])
    b.source("school", "the school", "named_organisation", ["The school said"])
    b.claim("more pupils now start school unable to hold a pencil properly", "attributed", source="teachers")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "teachers")).score == 1
    assert score_answer(question, selected(question, "across")).score < 0.5


def test_find_sources_lets_researchers_and_where_they_work_find_a_study() -> None:
    # "A 2021 study by researchers at Kingsmere University ... found": "researchers ... found" scored
    # 0.64, "Kingsmere University ... found" 0.58; only "study" found it (review 168).
    b = ArticleBuilder(
        "Handwriting",
        [
            "A 2021 study by researchers at Kingsmere University, which followed 150 children for a year, "
            "found that children who formed letters by hand in their first year at school recognised them "
            "faster than children who learned them on a keyboard or a tablet.",
            "The school said it would review the change.",
        ],
    )
    b.source(
        "study",
        "the Kingsmere University study",
        "document_or_data",
        [
            "A 2021 study by researchers at Kingsmere University, which followed 150 children for a "
            "year, found"
        ],
    )
    b.source("school", "the school", "named_organisation", ["The school said"])
    b.claim(
        "children who formed letters by hand in their first year at school recognised them faster",
        "attributed",
        source="study",
    )
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    for who in ("study", "researchers", "Kingsmere University"):
        assert score_answer(question, selected(question, who, "found")).score == 1, who


def test_find_framing_skips_a_passage_holding_words_marked_as_framing_elsewhere() -> None:
    # The headline's 'Greedy Grab' stood unmarked in Baxter's words of a paragraph listed as fully
    # marked: a careful student selects it first, and it cost a third (review 166).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Bed Tax a 'Greedy Grab'",
            [
                "The council plans a £2 charge on every night spent in the town's hotels and guesthouses.",
                f"Owners reacted with fury. Guesthouse owner Tom Baxter called the charge {second} that "
                "punishes the very people who keep this town alive.",
            ],
        )
        b.framing_complete = {0, 2}
        b.frame("'Greedy Grab'", "scare_quotes")
        b.frame("reacted with fury", "loaded_language")
        b.frame("the very people who keep this town alive", "emotional_appeal")
        return [q for q in questions_of(b.build(), "find_framing") if q.block == 2]

    assert asked("a greedy grab") == []
    assert len(asked("a new charge")) == 1


def test_find_framing_finds_words_marked_elsewhere_in_another_form() -> None:
    # The headline's marked "Drag On", and "a saga that has dragged on for four years" unmarked in a
    # paragraph listed as fully marked: "dragged on" scored nothing (review 325). A headline's
    # overstated "Bans" is not the body's plain "ban".
    def asked(headline: str, technique: str, body: str) -> list[Question]:
        marked = headline.rsplit(" ", 2)[-2:]
        b = ArticleBuilder(
            headline,
            [
                "The council said the skate park would not open until next year.",
                f"For skaters, the delay is the latest blow in a long wait. {body}",
            ],
        )
        b.framing_complete = {2}
        b.frame(" ".join(marked), technique)
        b.frame("the latest blow", "loaded_language")
        return [q for q in questions_of(b.build(), "find_framing") if q.block == 2]

    assert asked("Skate Park Could Drag On", "loaded_language", "The row has dragged on for years.") == []
    assert len(asked("Skate Park Could Drag On", "loaded_language", "The row has lasted for years.")) == 1
    assert (
        len(asked("Council Now Bans Skaters", "headline_body_mismatch", "The ban skaters fear is off.")) == 1
    )


def test_who_said_it_offers_only_people_beside_a_persons_everyday_you() -> None:
    # "Half the time they break down and you wait ages for help anyway," said a shopper, with the
    # Office for National Statistics on offer (review 170).
    b = ArticleBuilder(
        "Tills",
        [
            "Shoplifting rose by 9 per cent, according to the Office for National Statistics.",
            '"Half the time they break down and you wait ages for help anyway," said Jean Whitlock. '
            "Carla Benn said the union was pleased. Tom Reddy said he would miss the tills.",
        ],
    )
    b.source("ons", "the Office for National Statistics", "named_organisation", ["according to the Office"])
    b.source("whitlock", "Jean Whitlock", "named_person", ["said Jean Whitlock"])
    b.source("benn", "Carla Benn", "named_person", ["Carla Benn said"])
    b.source("reddy", "Tom Reddy", "named_person", ["Tom Reddy said"])
    b.claim("you wait ages for help anyway", "attributed", source="whitlock")
    b.claim("Shoplifting rose by 9 per cent", "attributed", source="ons")
    for seed in range(6):
        (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if "wait ages" in q.quote]
        assert "the Office for National Statistics" not in question.choices


def test_may_the_month_is_no_hedge() -> None:
    # "The final will be played in May 2028": the audit called "May" an unmarked hedge and "find the
    # unverified claims" left the paragraph out (review 148).
    assert _hedge_hits("The final will be played in May 2028.") == []
    assert _hedge_hits("Rain fell between March and May, half the usual amount.") == []
    assert _hedge_hits("Theresa May said prices may rise.") == ["may"]
    assert _hedge_hits("Prices may rise.") == ["may"]


def test_twice_as_likely_compares_and_doubts_nothing() -> None:
    # "children in damp homes were twice as likely to be admitted": a finding, not a doubt; the audit
    # asked for "likely" as a cue (review 128, found with reviews 146-148's audit rule).
    assert _hedge_hits("Children in damp homes were twice as likely to be admitted.") == []
    assert _hedge_hits("The park is likely to reopen next year.") == ["likely"]


def test_added_before_a_noun_is_no_attribution() -> None:
    # "any drink with added caffeine": the audit called "added" an unmarked attribution (review 139).
    assert _attribution_hits("The ban covers any drink with added caffeine.") == []
    assert _attribution_hits("The head added that the ban would stay.") == ["added"]


def test_a_quiz_keeps_the_headline_question_apart_from_the_bodys_hedged_version_of_its_words() -> None:
    # "Organised Gangs Behind Rural Dog Theft Surge" beside "spot the hedge" on "some of the thefts may
    # be the work of organised gangs": its stem shows the article only says "may" (review 140).
    from app.domain.quiz_rules import conflicts

    article = unseen_article("review140.yaml")
    (headline,) = questions_of(article, "headline_check")
    hedged = [q for q in questions_of(article, "spot_hedge") if "gangs" in " ".join(q.words)]
    assert hedged and all(conflicts(headline, q) for q in hedged)
    plain = [q for q in questions_of(article, "statement_kind") if "gangs" not in q.quote]
    assert plain and not all(conflicts(headline, q) for q in plain)


def test_no_source_is_not_the_key_where_the_note_names_a_source() -> None:
    # "Moss has still not been found", with the note "it most likely came from Joanna Beck": keyed "The
    # article does not say" and "Stated as a fact", with Ms Beck on offer (review 140).
    def asked(note: str) -> list[Question]:
        b = ArticleBuilder(
            "Dogs",
            [
                'Joanna Beck said her collie was taken in March. "I check the padlock twice," she said.',
                "Moss has still not been found. Carla Wendt, a detective, said gangs may be involved.",
            ],
        )
        b.source("beck", "Joanna Beck, a breeder", "named_person", ["Joanna Beck said", "she said"])
        b.source("wendt", "Carla Wendt, a detective", "named_official", ["Carla Wendt, a detective, said"])
        b.claim("her collie was taken in March", "attributed", source="beck")
        b.claim("Moss has still not been found", "unattributed", note=note)
        b.claim("gangs may be involved", "attributed", source="wendt")
        return [
            q
            for kind in ("who_said_it", "support")
            for seed in range(4)
            for q in questions_of(b.build(), kind, seed)
            if "Moss" in q.prompt
        ]

    assert (
        asked("The writer does not say who told them this, though it most likely came from Joanna Beck.")
        == []
    )
    assert asked("The writer does not say who told them this.")


def test_who_said_it_does_not_answer_the_article_does_not_say_where_the_note_guesses_a_source() -> None:
    # "Readings peaked between 8.15am and 9am", noted "It probably comes from the report, but the
    # article does not say so", was keyed "The article does not say" with the report on offer and the
    # explanation arguing for it (review 146).
    def asked(note: str) -> list[Question]:
        b = ArticleBuilder(
            "Air",
            [
                # Not the next sentence, even across a paragraph break: that one's source is never on
                # offer beside "does not say" (review 218).
                "Monitors recorded high levels, according to a report by the council. The school is on "
                "a busy road.",
                "Readings peaked between 8.15am and 9am.",
                "The school has 400 pupils. Parent Sunita Marsh said she walks a longer way.",
            ],
        )
        b.source(
            "report", "the council's report", "document_or_data", ["according to a report by the council"]
        )
        b.source("marsh", "Sunita Marsh, a parent", "named_person", ["Parent Sunita Marsh said"])
        b.claim("Monitors recorded high levels", "attributed", source="report")
        b.claim("Readings peaked between 8.15am and 9am", "unattributed", note=note)
        b.claim("she walks a longer way", "attributed", source="marsh")
        return [
            q
            for seed in range(4)
            for q in questions_of(b.build(), "who_said_it", seed)
            if "8.15am" in q.prompt
        ]

    assert asked("It probably comes from the report, but the article does not say so.") == []
    assert asked("The writer does not say where this comes from.")


def test_no_source_is_not_the_key_where_a_source_opens_the_next_sentence_on_the_same_thing() -> None:
    # "children's lungs are still growing. Experts say even short daily exposure may harm young lungs":
    # the experts may have said both, so "The article does not say" (with "experts" on offer) and
    # "Stated as a fact, with no source" could be argued (reviews 146, 148).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Air",
            [
                "Councillor Priya Venn said no decision would be made until March.",
                f"Children's lungs are still growing. {second}",
            ],
        )
        b.source("venn", "Councillor Priya Venn", "named_official", ["Councillor Priya Venn said"])
        b.source("experts", "experts", "vague", ["Experts say"])
        b.claim("no decision would be made until March", "attributed", source="venn")
        b.claim("Children's lungs are still growing", "unattributed")
        return [
            q
            for kind in ("who_said_it", "support")
            for seed in range(4)
            for q in questions_of(b.build(), kind, seed)
            if "growing" in q.prompt
        ]

    assert asked("Experts say even short daily exposure may harm young lungs.") == []
    assert asked("Experts say more buses would cut traffic at the gates.")


def test_statement_kind_is_not_asked_of_what_someone_plans_to_build() -> None:
    # "The supermarket chain wants to build [a 6,500-square-metre store]", marked an observation: the
    # store is not built, so "A prediction" could be defended (review 144).
    def asked(sentence: str, claim: str) -> list[Question]:
        b = ArticleBuilder("Superstore", ["Traders are worried.", f"{sentence}."])
        b.claim(claim, "unattributed", kind="observation")
        return questions_of(b.build(), "statement_kind")

    store = "a 6,500-square-metre store and 400 parking spaces on Pike's Meadow"
    assert asked(f"The supermarket chain wants to build {store}", store) == []
    assert len(asked(f"Last year the supermarket chain built {store}", store)) == 1


def test_find_sources_lets_the_part_of_a_body_that_speaks_find_it() -> None:
    # "The Kelbridge branch of the Hallam Teachers' Association warned": "branch warned" found half of
    # it, though the branch is who speaks (review 143).
    b = ArticleBuilder(
        "Four-day week",
        [
            "The trial starts in September.",
            "The Kelbridge branch of the Hallam Teachers' Association warned that poorer students may not "
            "have a quiet place to work at home on Fridays. The association said it was not against the "
            "trial itself.",
        ],
    )
    b.source(
        "union",
        "the Hallam Teachers' Association",
        "named_organisation",
        ["The Kelbridge branch of the Hallam Teachers' Association warned", "The association said"],
    )
    b.claim(
        "poorer students may not have a quiet place to work at home on Fridays", "attributed", source="union"
    )
    b.claim("it was not against the trial itself", "attributed", source="union")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 2]
    for word in ("branch", "Kelbridge", "Association"):
        assert score_answer(question, selected(question, word, "warned", "association said")).score == 1, word


def test_blamed_is_an_attribution_but_not_when_someone_is_blamed_for_something() -> None:
    # "The company blamed falling passenger numbers" was no attribution the engine knew (reviews 132
    # and 145); "was blamed for" and "asked for their views" say nothing of a source.
    assert _attribution_hits("Kestrel Water blames the driest spring for 40 years.") == ["blames"]
    assert _attribution_hits("The company was blamed for the flooding.") == []
    assert _attribution_hits("Bin crews had not been asked for their views.") == []


def test_how_well_supported_reads_a_note_guessing_where_the_claim_comes_from() -> None:
    # "The rules probably come from the company's announcement" beside "Stated as a fact, with no
    # source" (review 145).
    def asked(note: str) -> list[Question]:
        b = ArticleBuilder(
            "Hosepipes", ["The ban starts on Friday.", "Customers must not water their gardens."]
        )
        b.claim("Customers must not water their gardens", "unattributed", note=note)
        return questions_of(b.build(), "support")

    assert asked("The rules probably come from the company's announcement.") == []
    assert len(asked("Nobody is named for this rule.")) == 1


def test_spot_hedge_the_verb_a_hedge_doubts_is_free_to_select() -> None:
    # "could also turn out" scored 0.75 and "may be" 0.67 where the claim was short (reviews 171
    # and 174): the verb the hedge doubts finishes its phrase.
    claim = "the repairs to the old bridge could also turn out far dearer than planned"
    b = ArticleBuilder("Bridge", [f"Officials admitted on Monday that {claim}."])
    b.claim(claim, "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "could also turn out")).score == 1.0
    assert score_answer(question, selected(question, "could")).score == 1.0
    assert score_answer(question, selected(question, "the repairs to the old bridge could")).score < 1.0
    claim = "Rents are likely to rise again next spring across the whole of the town"
    b = ArticleBuilder("Rent", [f"{claim}, agents say."])
    b.claim(claim, "hedged", cues=["likely"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "likely to rise")).score == 1.0


def test_spot_hedge_is_not_asked_where_the_doubted_verb_leaves_too_few_words_to_mark() -> None:
    # "Air quality may also be improving": once "also be improving" is free, two words are left,
    # and one word too many would cost half (review 174).
    b = ArticleBuilder("Air", ["Air quality may also be improving, the council says."])
    b.claim("Air quality may also be improving", "hedged", cues=["may"])
    assert questions_of(b.build(), "spot_hedge") == []


def _every_exam_hall(note: str) -> Article:
    text = "Many believe gum could soon be handed out in every exam hall in the country, teachers say."
    b = ArticleBuilder("Gum", [text])
    b.framing_complete = {1}
    b.frame("every exam hall in the country", "exaggeration_minimisation", note=note)
    return b.build()


def test_find_framing_a_sweeping_word_that_opens_an_exaggeration_finds_it() -> None:
    # "every exam hall in the country": the plain nouns "exam hall" found it and "every" did not
    # (review 176, a fail).
    for note in ('One study is a long way from "every exam hall in the country".', "It says too much."):
        (question,) = questions_of(_every_exam_hall(note), "find_framing")
        assert score_answer(question, selected(question, "every")).score == 1.0, note
        assert score_answer(question, selected(question, "exam hall")).score < 1.0, note
    # A note that quotes other words of the span names the core itself.
    (question,) = questions_of(_every_exam_hall('"Exam hall in the country" is too big.'), "find_framing")
    assert score_answer(question, selected(question, "exam hall in the country")).score == 1.0


def test_find_framing_is_not_asked_where_selecting_the_quotation_nearly_finds_it() -> None:
    # "This is a council that finds money for fireworks but not for fans": selecting the whole
    # quotation scored 0.92 without reading it (review 177).
    text = (
        "Opposition councillor Tom Reyes wants the centres open until nine in the evening. "
        '"This is a council that finds money for fireworks but not for fans," he said. '
        "The council said extra evening hours would cost about forty thousand pounds a week."
    )
    b = ArticleBuilder("Centres", [text])
    b.framing_complete = {1}
    b.frame("finds money for fireworks but not for fans", "loaded_language", note="A jibe.")
    assert questions_of(b.build(), "find_framing") == []
    # A short loaded word in a long quotation is still asked: the quotation alone scores little.
    text = text.replace(
        '"This is a council that finds money for fireworks but not for fans,"',
        '"The council has simply left older people in this town to bake in their flats all summer long,"',
    )
    b = ArticleBuilder("Centres", [text])
    b.framing_complete = {1}
    b.frame("bake", "loaded_language", note="Bodies do not bake.")
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "bake")).score == 1.0


def test_find_framing_is_not_asked_where_the_quoted_key_word_and_a_quotation_nearly_find_it() -> None:
    # '"temporary" closure' is found by its quoted word: selecting every quoted word, a speaker's
    # whole quotation too, scored 0.754 without reading (review 218).
    text = (
        'But campaigners fear the "temporary" closure is the first step towards shutting the unit for good. '
        "Save Hartley Green Hospital, a group set up in 2016 when the maternity ward was closed, says more "
        "than 3,000 people have signed its petition in four days. "
        '"They told us the maternity ward was temporary too, and we never got it back," '
        "said the group's chair, Margaret Ellis, 67."
    )
    b = ArticleBuilder("Unit", [text])
    b.framing_complete = {1}
    b.frame(
        '"temporary" closure', "scare_quotes", note='The marks around "temporary" doubt the trust\'s word.'
    )
    assert questions_of(b.build(), "find_framing") == []
    # Where the note does not name the quoted word, the whole span is the key: quotes alone miss it.
    b = ArticleBuilder("Unit", [text])
    b.framing_complete = {1}
    b.frame('"temporary" closure', "scare_quotes", note="The marks make you doubt the trust's word.")
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "temporary closure")).score == 1.0


def test_who_said_it_no_source_key_offers_nobody_from_the_sentences_beside_it() -> None:
    # "had gathered more than 4,000 signatures" with "Some supporters say ..." the next sentence:
    # "some supporters" on offer could be defended (review 175).
    b = ArticleBuilder(
        "Academy",
        [
            "Rovers will close their youth academy in June, chairman Ray Dunn said.",
            "A petition against the decision had gathered more than 4,000 signatures by Wednesday. "
            "Some supporters say the club has wasted money on wages.",
            "The academy costs the club 400,000 pounds a year, its accounts show. Coach Lee Hart said "
            "he was sad.",
        ],
    )
    b.source("dunn", "Ray Dunn, the chairman", "named_person", ["chairman Ray Dunn said"])
    b.source("supporters", "some supporters", "vague", ["Some supporters say"])
    b.source("accounts", "the club's accounts", "document_or_data", ["its accounts show"])
    b.source("hart", "Lee Hart, a coach", "named_person", ["Coach Lee Hart said"])
    b.claim("had gathered more than 4,000 signatures by Wednesday", "unattributed")
    b.claim("the club has wasted money on wages", "attributed", source="supporters")
    for seed in range(1, 30):
        for question in questions_of(b.build(), "who_said_it", seed):
            if "signatures" in question.prompt:
                assert '"some supporters"' not in question.choices, seed
                assert "some supporters" not in question.choices, seed


def test_who_said_it_is_not_asked_where_the_claim_speaks_of_staff_and_the_key_is_one() -> None:
    # "staff had turned away dozens of people" from "an unnamed library worker" (review 177).
    b = ArticleBuilder(
        "Cooling Centres",
        [
            "A library worker, who asked not to be named, said staff had turned away dozens of people "
            "on Monday.",
            "Councillor Dawn Fisher said nobody had been turned away. Resident Ken Obi said the rooms "
            "were cool.",
        ],
    )
    b.source(
        "worker",
        "an unnamed library worker",
        "anonymous",
        ["A library worker, who asked not to be named, said"],
    )
    b.source("fisher", "Dawn Fisher, a councillor", "named_official", ["Councillor Dawn Fisher said"])
    b.source("obi", "Ken Obi, a resident", "named_person", ["Resident Ken Obi said"])
    b.claim("staff had turned away dozens of people on Monday", "attributed", source="worker")
    b.claim("the rooms were cool", "attributed", source="obi")
    asked = [q.prompt for q in questions_of(b.build(), "who_said_it")]
    assert not any("turned away" in prompt for prompt in asked)
    assert any("rooms were cool" in prompt for prompt in asked)


def test_spot_hedge_the_meaning_word_of_a_hedge_phrase_finds_it() -> None:
    # "in danger of": "danger" alone scored a third (review 180).
    claim = "We are in danger of raising a whole generation who never pick up a book"
    b = ArticleBuilder("Books", [f'"{claim}," the librarian said.'])
    b.claim(claim, "hedged", cues=["in danger of"])
    (question,) = questions_of(b.build(), "spot_hedge")
    assert score_answer(question, selected(question, "danger")).score == 1.0
    assert score_answer(question, selected(question, "in danger of")).score == 1.0


def test_find_framing_a_word_in_scare_quotes_elsewhere_is_no_framing_without_its_marks() -> None:
    # '"reading"' in scare quotes in one paragraph kept a plain "reading" elsewhere from being asked
    # about (review 180).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Books",
            [
                "The survey counted reading for pleasure only, and the shameful results shocked the town.",
                second,
            ],
        )
        b.framing_complete = {1}
        b.frame("shameful", "loaded_language")
        b.frame(b.span('"reading"', block=2), "scare_quotes")
        return questions_of(b.build(), "find_framing")

    (question,) = asked('Teenagers say chat apps are "reading" too.')
    assert score_answer(question, selected(question, "shameful")).score == 1.0


def test_statement_kind_is_not_asked_about_a_count_of_feelings() -> None:
    # "seven in ten felt they had been kept well informed": "what someone feels" is the opinion's
    # definition (review 181).
    b = ArticleBuilder("A&E", ["In a survey, seven in ten patients felt they had been kept well informed."])
    b.claim("seven in ten patients felt they had been kept well informed", "attributed", kind="observation")
    assert questions_of(b.build(), "statement_kind") == []


def test_who_said_it_shows_a_record_without_what_its_of_covers() -> None:
    # "the Chamber of Trade's survey of 212 shoppers" beside "four in ten would visit less often"
    # (review 179); "the minutes of the council meeting" keeps its "of": it says whose they are.
    from app.domain.kinds.base import by_their_names

    survey = Source("survey", "the Chamber of Trade's survey of 212 shoppers", "document_or_data", ())
    minutes = Source("minutes", "the minutes of the council meeting", "document_or_data", ())
    shown = by_their_names(VOCABULARY, [survey.name, minutes.name], {s.name: s for s in (survey, minutes)})
    assert shown == ["the Chamber of Trade's survey", "the minutes of the council meeting"]


def test_named_people_keep_a_first_name_that_is_also_a_role() -> None:
    # "Dean Whitlow" shown as "Whitlow" beside "Josh Keane": the only surname gave the key away
    # (reviews 229 and 239). A title still goes ("Dr Priya Malhotra", review 99), and a role before a
    # whole name ("Principal Ana Ruiz").
    from app.domain.kinds.base import by_their_names

    people = [
        Source(str(i), name, "named_person", ())
        for i, name in enumerate(["Dean Whitlow", "Josh Keane", "Dr Priya Malhotra", "Principal Ana Ruiz"])
    ]
    shown = by_their_names(VOCABULARY, [p.name for p in people], {p.name: p for p in people})
    assert shown == ["Dean Whitlow", "Josh Keane", "Priya Malhotra", "Ana Ruiz"]


def test_find_framing_the_verb_before_through_finds_it() -> None:
    # "swept through": "through" alone earned as much as "swept" (review 178).
    text = "Similar bans have swept through primary schools across the county in the past two years."
    b = ArticleBuilder("Cakes", [text])
    b.framing_complete = {1}
    b.frame("swept through", "exaggeration_minimisation", note='"Swept through" sounds like a wave.')
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "swept")).score == 1.0
    assert score_answer(question, selected(question, "through")).score < 1.0


def test_a_quiz_keeps_a_no_source_key_apart_from_an_explanation_saying_so_in_its_paragraph() -> None:
    # "the article never says who counted it" in the explanation of "what kind of statement", then
    # "who said it" on the paragraph's other claim with "The article does not say" (review 178).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Cakes",
        [
            "Last year more than 26,000 children had teeth removed in hospital. Tooth decay is the most "
            "common reason young children go to hospital.",
            "The school said the ban starts in May. Parent Jo Lake said it was silly. Dentist Raj Iyer "
            "said sugar does harm. Governor Ann Pike said it was fair.",
        ],
    )
    b.source("school", "the school", "named_organisation", ["The school said"])
    b.source("lake", "Jo Lake", "named_person", ["Parent Jo Lake said"])
    b.source("iyer", "Raj Iyer", "named_person", ["Dentist Raj Iyer said"])
    b.source("pike", "Ann Pike", "named_person", ["Governor Ann Pike said"])
    b.claim(
        "Last year more than 26,000 children had teeth removed in hospital",
        "unattributed",
        kind="observation",
        note="A big number, but the article never says who counted it.",
    )
    b.claim("Tooth decay is the most common reason young children go to hospital", "unattributed")
    b.claim("the ban starts in May", "attributed", source="school")
    article = b.build()
    (kind,) = [q for q in questions_of(article, "statement_kind") if "26,000" in q.quote]
    (who,) = [q for q in questions_of(article, "who_said_it") if q.quote.startswith("Tooth decay")]
    assert "never says who" in kind.explanation
    assert conflicts(kind, who)


def test_admitted_to_a_place_is_no_attribution() -> None:
    # "after being admitted through A&E": let in, not owning up (review 181).
    assert _attribution_hits("Patients waited after being admitted through A&E, the figures show.") == [
        "show"
    ]
    assert _attribution_hits("Most were admitted overnight.") == []
    assert _attribution_hits("It was admitted that the wards were full.") == ["admitted"]
    assert _attribution_hits("The manager admitted the wards were full.") == ["admitted"]


def test_a_capitalised_word_inside_a_name_is_no_attribution() -> None:
    # "in the United States" read "States" as the verb "states" (review 183).
    assert _attribution_hits("Similar trials in the United States ended early, the union said.") == ["said"]
    assert _attribution_hits("The report states that trials ended early.") == ["states"]


def test_find_sources_the_bodys_name_finds_who_as_well_as_its_spokesperson_or_branch() -> None:
    # "Harlow County Council said" scored 0.57 for "A spokesperson for Harlow County Council said"
    # (review 178), "National Education Union said" 0.5 for the union's branch (review 183).
    b = ArticleBuilder(
        "Cakes",
        [
            "A spokesperson for Harlow County Council said schools were free to set their own rules.",
            "The Kelbrook branch of the National Education Union said it supported the trial in principle "
            "as long as teachers would never have to work on Fridays without extra pay.",
        ],
    )
    b.source(
        "council",
        "Harlow County Council",
        "named_organisation",
        ["A spokesperson for Harlow County Council said"],
    )
    b.source(
        "union",
        "the Kelbrook branch of the National Education Union",
        "named_organisation",
        ["The Kelbrook branch of the National Education Union said"],
    )
    b.claim("schools were free to set their own rules", "attributed", source="council")
    b.claim(
        "it supported the trial in principle as long as teachers would never have to work on Fridays",
        "attributed",
        source="union",
    )
    council, union = questions_of(b.build(), "find_sources")

    def score(question: Question, *phrases: str) -> float:
        return score_answer(question, selected(question, *phrases)).score

    assert score(council, "Harlow County Council said") == 1.0
    assert score(council, "spokesperson", "said") == 1.0
    assert score(council, "Harlow County Council") == 0.5  # who, but not that it was said
    assert score(council, "said") == 0.5
    assert score(union, "National Education Union said") == 1.0
    assert score(union, "branch", "said") == 1.0
    assert score(union, "said") == 0.5


def test_find_sources_the_bodys_name_before_its_spokesperson_finds_who_as_well() -> None:
    # "Post Office denied" scored 0.5 for "A Post Office spokesperson denied this" (review 414).
    b = ArticleBuilder(
        "Shop",
        [
            "A Post Office spokesperson denied this, saying payments to small branches had gone up.",
            "A Department for Education spokesperson said the rules would not change this year.",
        ],
    )
    b.source(
        "post", "the Post Office", "named_organisation", ["A Post Office spokesperson denied this, saying"]
    )
    b.source(
        "dfe",
        "the Department for Education",
        "named_organisation",
        ["A Department for Education spokesperson said"],
    )
    b.claim("payments to small branches had gone up", "attributed", source="post")
    b.claim("the rules would not change this year", "attributed", source="dfe")
    post, dfe = questions_of(b.build(), "find_sources")

    def score(question: Question, *phrases: str) -> float:
        return score_answer(question, selected(question, *phrases)).score

    assert score(post, "Post Office", "denied") == 1.0
    assert score(post, "spokesperson denied") == 1.0
    assert score(post, "Post Office") == 0.5  # who, but not that it was said
    assert score(dfe, "Department for Education spokesperson said") == 1.0
    assert score(dfe, "Education", "said") == 1.0
    assert score(dfe, "said") == 0.5


def test_how_to_check_is_not_asked_where_the_claims_words_name_the_key_and_no_other_record() -> None:
    # "the council's bill for street lighting has almost doubled" beside "the council finance
    # department's report" and a university's crime study: the claim's "council" picks the key
    # without finding where the claim comes from (review 186).
    def asked(study: str) -> list[Question]:
        b = ArticleBuilder(
            "Lights",
            [
                "The council's bill for street lighting has almost doubled since 2021, the council "
                "finance department's report shows.",
                f"{study} found that crime did not rise where lights were dimmed.",
            ],
        )
        b.source(
            "finance",
            "the council finance department's report",
            "document_or_data",
            ["the council finance department's report shows"],
        )
        b.source("study", study, "document_or_data", [f"{study} found"])
        b.claim(
            "The council's bill for street lighting has almost doubled since 2021",
            "attributed",
            source="finance",
        )
        b.claim("crime did not rise where lights were dimmed", "attributed", source="study")
        return [q for q in questions_of(b.build(), "how_to_check") if "bill" in q.prompt]

    assert asked("A Brookfield University study") == []
    # A wrong place whose name meets the claim's subject could hold the claim: never offered, and
    # with no other, nothing is asked (reviews 282, 288).
    assert asked("A council lighting study") == []


def test_how_to_check_is_not_asked_where_the_claim_speaks_of_what_the_keys_record_is_about() -> None:
    # "1,140 crimes in Kelmoor" beside "Westshire Police's recorded crime figures" and a residents'
    # survey: "crimes" picked the key's "crime" without finding where the claim comes from, though the
    # town's name tied the count of shared words (review 332).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Crime",
            [
                f"Westshire Police's recorded crime figures show {claim}.",
                "A survey by the Kelmoor Residents' Association found that most members feel safe at night.",
            ],
        )
        b.source(
            "police",
            "Westshire Police's recorded crime figures",
            "document_or_data",
            ["Westshire Police's recorded crime figures show"],
        )
        b.source(
            "survey",
            "the Kelmoor Residents' Association survey",
            "document_or_data",
            ["A survey by the Kelmoor Residents' Association found"],
        )
        b.claim(claim, "attributed", source="police")
        b.claim("most members feel safe at night", "attributed", source="survey")
        return [q for q in questions_of(b.build(), "how_to_check") if claim in q.prompt]

    assert asked("1,140 incidents in Kelmoor in 2021 and 1,730 last year") != []
    assert asked("1,140 crimes in Kelmoor in 2021 and 1,730 last year") == []
    # Nor in another word of the same subject (the vocabulary's subject_groups, review 338).
    assert asked("1,140 offences in Kelmoor in 2021 and 1,730 last year") == []


def test_how_to_check_reads_the_subject_of_a_records_name_in_other_words() -> None:
    # "the last bus ... now leaves the bus station at 7.15pm" beside "the timetable on Vantage Buses'
    # website": the timetable's subject gave the key away; and "Kelbrook Borough Council's transport
    # report", offered as the wrong place, could hold the times too (review 338).
    def asked(claim: str, record: str, other: str) -> list[Question]:
        b = ArticleBuilder(
            "Buses",
            [
                f"According to {record}, {claim}.",
                f"{other} found that most people in the town walk to work.",
            ],
        )
        b.source("record", record, "document_or_data", [f"According to {record}"])
        b.source("other", other, "document_or_data", [f"{other} found"])
        b.claim(claim, "attributed", source="record")
        b.claim("most people in the town walk to work", "attributed", source="other")
        return [q for q in questions_of(b.build(), "how_to_check") if claim in q.prompt]

    timetable = "the timetable on Vantage Buses' website"
    accounts = "the company's annual accounts"
    housing = "the council's housing report"
    assert asked("the last bus now leaves at 7.15pm", timetable, housing) == []
    assert asked("the evening service now ends at 7.15pm", timetable, housing) != []
    assert asked("the last bus now leaves at 7.15pm", accounts, "the council's transport report") == []
    assert asked("the last bus now leaves at 7.15pm", accounts, housing) != []


def _late_buses(note: str) -> Article:
    b = ArticleBuilder(
        "Buses",
        [
            "The company says the late buses carry an average of just nine passengers a trip, and that "
            "withdrawing them will save around 140,000 pounds a year."
        ],
    )
    b.source("company", "Castlegate Buses", "named_organisation", ["The company says"])
    b.claim("the late buses carry an average of just nine passengers a trip", "attributed", source="company")
    b.claim("withdrawing them will save around 140,000 pounds a year", "attributed", source="company")
    b.framing_complete = {1}
    b.frame("just nine", "exaggeration_minimisation", note=note)
    return b.build()


def test_find_framing_a_word_that_makes_a_number_sound_small_finds_its_span() -> None:
    # "just nine": the plain number "nine" found the span and "just", which the note quotes, did not
    # (review 188).
    for note in ('"Just" makes nine passengers sound like almost nobody.', "It makes nine sound few."):
        (question,) = questions_of(_late_buses(note), "find_framing")
        assert score_answer(question, selected(question, "just")).score == 1.0, note
        assert score_answer(question, selected(question, "nine")).score < 1.0, note


def test_spot_hedge_fewer_than_is_a_rough_size_as_more_than_is() -> None:
    # "with fewer than 50 children, a difference of a few months could easily be down to chance":
    # "fewer than" beside "could" cost 18 per cent where "more than" costs nothing (review 189).
    for size in ("more than", "fewer than"):
        claim = (
            f"with {size} 50 children in the trial, a difference of two months could easily be down to chance"
        )
        b = ArticleBuilder("App", [f"The researcher said that {claim}."])
        b.claim(claim, "hedged", cues=["could"])
        (question,) = questions_of(b.build(), "spot_hedge")
        assert score_answer(question, selected(question, size, "could")).score == 1, size


def test_find_framing_a_sweeping_word_is_a_key_only_where_the_span_sweeps() -> None:
    # "Every child deserves this", an emotional appeal: "Every" alone found it and "child deserves
    # this" did not; what appeals is not the sweep (review 189).
    def question(technique: str) -> Question:
        b = ArticleBuilder(
            "App",
            [
                "The app's founder called it a genuine breakthrough for reading. "
                '"Every child deserves this," she said at the launch in the town library.'
            ],
        )
        b.source("founder", "the founder", "named_person", ["she said"])
        b.framing_complete = {1}
        b.frame("Every child deserves this", technique)
        b.frame("genuine breakthrough", "loaded_language")
        (found,) = questions_of(b.build(), "find_framing")
        return found

    appeal = question("emotional_appeal")
    assert score_answer(appeal, selected(appeal, "genuine breakthrough", "child deserves this")).score == 1
    assert score_answer(appeal, selected(appeal, "genuine breakthrough", "Every")).score < 1
    sweep = question("exaggeration_minimisation")
    assert score_answer(sweep, selected(sweep, "genuine breakthrough", "Every")).score == 1


def test_no_source_is_not_the_key_where_the_next_sentence_opens_with_one_of_the_claims_people() -> None:
    # "Some parents are already sold on the app. One mother, who asked not to be named, said ...":
    # the mother may be the claim's evidence, so "Stated as a fact, with no source" could be argued
    # (review 189; "Parents are worried too", review 188).
    def asked(claim: str) -> list[str]:
        b = ArticleBuilder(
            "App",
            [
                "The company said the app doubles reading progress.",
                f"{claim}. One mother, who asked not to be named, said her son now begs to play it "
                "before bed.",
            ],
        )
        b.source("company", "the company", "named_organisation", ["The company said"])
        b.source("mother", "an unnamed mother", "anonymous", ["One mother, who asked not to be named, said"])
        b.claim("the app doubles reading progress", "attributed", source="company")
        b.claim(claim, "unattributed")
        b.claim("her son now begs to play it before bed", "attributed", source="mother")
        return [
            q.kind
            for kind in ("support", "who_said_it", "find_unverified")
            for q in questions_of(b.build(), kind)
            if claim in q.prompt or (q.block == 2 and kind == "find_unverified")
        ]

    assert asked("Some parents are already sold on the app") == []
    assert asked("Parents are worried too") == []
    assert "support" in asked("The app costs four pounds a month to download")


def test_find_framing_is_not_asked_where_one_run_around_the_answers_fills_the_passage() -> None:
    # "But traders say the plan is a sneaky stealth tax that will hammer the businesses that keep
    # the town alive": 15 of its 20 words scored 1.0 (review 179, a fail).
    def asked(text: str) -> list[Question]:
        b = ArticleBuilder("Parking", [text])
        b.source("traders", "traders", "vague", ["traders say"])
        b.claim("the plan is a sneaky stealth tax", "attributed", source="traders")
        b.framing_complete = {1}
        b.frame("sneaky stealth tax", "loaded_language")
        b.frame("hammer", "loaded_language")
        b.frame("keep the town alive", "emotional_appeal")
        return questions_of(b.build(), "find_framing")

    dense = (
        "But traders say the plan is a sneaky stealth tax that will hammer the businesses that keep the "
        "town alive."
    )
    assert asked(dense) == []
    # With plain words around the framing to leave alone, it is asked.
    (question,) = asked(
        "The council brought in the new parking charges on Monday after a vote in March. But traders say "
        "the plan is a sneaky stealth tax that will hammer the businesses that keep the town alive, and "
        "they have started a petition at the market hall on Fore Street."
    )
    assert score_answer(question, selected(question, "sneaky stealth", "hammer", "town alive")).score == 1


def test_a_next_sentence_sharing_only_a_word_of_time_does_not_speak_of_the_same_thing() -> None:
    # "demand at food banks soaring over the past year. Councillor Dev Mistry ... said ... could cost
    # around 300,000 pounds a year": the shared "year" kept the writer's own claim from every
    # question (review 192).
    def asked(cost: str) -> list[Question]:
        b = ArticleBuilder(
            "Breakfast",
            [
                "The survey comes amid a growing crisis in the town, with demand at food banks soaring over "
                "the past year. Councillor Dev Mistry said a breakfast club in every school could cost "
                f"{cost}.",
                "Karen Whitlow, who runs the charity, said pupils were hungry. Head teacher Tom Reyes said "
                "lessons start at nine.",
            ],
        )
        b.source("mistry", "Councillor Dev Mistry", "named_person", ["Councillor Dev Mistry said"])
        b.source("whitlow", "Karen Whitlow", "named_person", ["Karen Whitlow, who runs the charity, said"])
        b.source("reyes", "Tom Reyes", "named_person", ["Head teacher Tom Reyes said"])
        b.claim("pupils were hungry", "attributed", source="whitlow")
        b.claim("lessons start at nine", "attributed", source="reyes")
        b.claim("demand at food banks soaring over the past year", "unattributed")
        b.claim(f"a breakfast club in every school could cost {cost}", "attributed", source="mistry")
        return [q for q in questions_of(b.build(), "who_said_it") if "soaring" in q.prompt]

    (question,) = asked("around 300,000 pounds a year")
    assert question.answer_text == ["The article does not say"]
    # A word of what the claim speaks of still counts: the councillor may have given both.
    assert asked("the food banks around 300,000 pounds") == []


def test_find_framing_is_not_asked_where_the_quotations_alone_score_three_quarters() -> None:
    # Two framing spans inside a headteacher's two quotations: selecting everything in quotation
    # marks scored 0.77, just under the 0.8 the rule then asked for (review 190). Since her opinion
    # ("With this pitch they can run and play outside every single day of the year") is no longer free
    # to select (review 242), the quotations score 0.65 and the question is asked.
    from app.domain.passage import ArticleReading

    article = unseen_article("review190.yaml")
    (question,) = [q for q in questions_of(article, "find_framing") if q.block == 2]
    quoted = tuple(sorted(ArticleReading(article, VOCABULARY).quoted(2)))
    assert score_answer(question, quoted).score < 0.75


def test_who_said_it_offers_no_outlet_that_only_passed_words_on_for_a_persons_words() -> None:
    # "still tastes exactly the same", a customer's view, offered "the Wyre Valley Echo", which only
    # passed on the baker's words (review 197).
    b = ArticleBuilder(
        "Loaves",
        [
            "Baker Tom Hollins told the Wyre Valley Echo that the loaves were not smaller.",
            "Customer Paul Gregg said the Hollins bread still tastes exactly the same.",
            "Rival baker Sam Okoro said his loaves weigh 800 grams.",
        ],
    )
    b.source("hollins", "Tom Hollins", "named_person", ["Baker Tom Hollins"], via="echo")
    b.source("echo", "the Wyre Valley Echo", "news_outlet", ["told the Wyre Valley Echo"])
    b.source("gregg", "Paul Gregg", "named_person", ["Customer Paul Gregg said"])
    b.source("okoro", "Sam Okoro", "named_person", ["Rival baker Sam Okoro said"])
    b.claim("the loaves were not smaller", "attributed", source="hollins")
    b.claim("the Hollins bread still tastes exactly the same", "attributed", source="gregg", kind="opinion")
    b.claim("his loaves weigh 800 grams", "attributed", source="okoro")
    for seed in range(8):
        (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if "tastes" in q.prompt]
        assert "the Wyre Valley Echo" not in question.choices


def test_find_sources_guidance_is_a_record_word_that_finds_its_attribution() -> None:
    # "Department for Education guidance, issued in February, already advises": "guidance ...
    # advises" scored 0.67, as "guidance" was no record word (review 195).
    b = ArticleBuilder(
        "Phones",
        [
            "Department for Education guidance, issued in February, already advises schools to limit "
            "phone use during the school day and at break times."
        ],
    )
    b.source(
        "dfe",
        "Department for Education guidance",
        "document_or_data",
        ["Department for Education guidance, issued in February, already advises"],
    )
    b.claim("schools to limit phone use during the school day and at break times", "attributed", source="dfe")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "guidance", "already advises")).score == 1


def test_what_someone_has_to_do_is_no_attribution() -> None:
    # "would not have to show its weight": an obligation, read as a record that shows (review 197).
    assert _attribution_hits("A loaf sold unwrapped would not have to show its weight, the agency said.") == [
        "said"
    ]
    assert _attribution_hits("Shops need to tell customers, the figures show.") == ["show"]
    assert _attribution_hits("The figures show prices rose.") == ["show"]


def test_spot_hedge_the_verb_after_probably_is_free() -> None:
    # "I'll probably just play more football": "probably just play" scored 0.67 (review 195). With the
    # verb free, too few words cost marks in that claim, so it is not asked; in a longer one the verb
    # group is free.
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Phones", [f'"{claim}," said Jayden, 12, who is in Year 8 at the school.'])
        b.claim(claim, "hedged", cues=["probably"])
        return questions_of(b.build(), "spot_hedge")

    assert asked("I'll probably just play more football") == []
    (question,) = asked("Most of my friends probably also still play football at lunch every day")
    assert score_answer(question, selected(question, "probably also still play")).score == 1
    assert score_answer(question, selected(question, "probably also still play football at lunch")).score < 1


def test_an_explanation_saying_who_is_saying_a_passages_words_shows_its_attributions() -> None:
    # "The article only has one unnamed walker saying 'several of her friends had already stopped
    # coming'" beside "find the sources" on that paragraph (review 194).
    text = (
        "Another walker who did not want to be named said several of her friends had already stopped "
        "coming since hearing about the plans"
    )
    words = text.split(" ")
    find = Question(
        kind="find_sources",
        type=SELECT,
        skill="sources",
        prompt="?",
        explanation="",
        block=8,
        words=tuple(words),
        gaps=tuple(" " for _ in words),
        gold=((0, 10),),
    )
    headline = _question(
        "headline_check",
        'The article only has one unnamed walker saying "several of her friends had already stopped coming".',
        {"framing": 0},
    )
    assert quotes_the_claim_of(headline, find)
    plain = _question("headline_check", "Several of her friends had already stopped coming.", {"framing": 0})
    assert not quotes_the_claim_of(plain, find)


def test_people_who_fear_are_an_attribution_and_a_fear_is_not() -> None:
    # "residents fear it will get worse", unmarked, cost a careful student marks in "find the sources"
    # (review 194, a fail); "living in fear as thefts rise" and "fears over safety" are nouns.
    assert _attribution_hits("Parking is a problem, and residents fear it will get worse.") == ["fear"]
    assert _attribution_hits("Owners are living in fear as thefts rise.") == []
    assert _attribution_hits("There are growing fears over safety.") == []
    assert _attribution_hits("The fear of crime is high.") == []


def test_find_sources_a_sources_second_verb_finds_that_it_was_said() -> None:
    # "The Friends of Hollin Moor, a volunteer group, said ... and warned that ...": the teacher marked
    # "warned" as a second mention, free to select; "Friends of Hollin Moor ... warned" scored 0.75
    # (review 194; also 183 and 192).
    def question(first: str, again: str, text: str) -> Question:
        b = ArticleBuilder("Parking", [text])
        b.source("friends", "the Friends of Hollin Moor", "named_organisation", [first, again])
        (found,) = questions_of(b.build(), "find_sources")
        return found

    friends = question(
        "The Friends of Hollin Moor, a volunteer group with 900 members, said",
        "warned",
        "The Friends of Hollin Moor, a volunteer group with 900 members, said visitor numbers at other "
        "parks had fallen after charges came in, and warned that drivers would simply park on the "
        "narrow lanes around the park instead.",
    )
    councillor = question(
        "Councillor Ann Farrar said",
        "urged",
        "Councillor Ann Farrar said the smoke from the bonfire was a danger to children with asthma and "
        "urged parents to keep windows closed on the night of the display next week.",
    )

    def score(q: Question, *phrases: str) -> float:
        return score_answer(q, selected(q, *phrases)).score

    assert score(friends, "Friends of Hollin Moor", "warned") == 1.0
    assert score(friends, "Friends of Hollin Moor", "warned", "that") == 1.0  # "that" costs nothing
    # The explanation names it, so a student who selected it does not read it as wrong (reviews 202, 205).
    assert 'Right to select too, though not needed: "warned".' in friends.explanation
    assert score(friends, "Friends of Hollin Moor", "said") == 1.0
    assert score(friends, "Friends of Hollin Moor") == 0.5  # who, but not that it was said
    assert score(friends, "said") == 0.5
    assert score(friends, "warned") == 0.5
    assert score(councillor, "Farrar", "urged") == 1.0
    assert score(councillor, "Farrar", "said") == 1.0
    assert score(councillor, "Farrar") == 0.5
    assert score(councillor, "urged") == 0.5


def test_find_sources_a_names_word_in_lower_case_away_from_the_name_is_not_who() -> None:
    # "The water company Alder Water said": the key was the common noun "water", so "Alder Water
    # said" scored less than "water said" (review 198). "The NHS trust that runs it said" keeps
    # "trust", the name's own noun beside "NHS".
    def question(name: str, mention: str, text: str) -> Question:
        b = ArticleBuilder("River", [text])
        b.source("firm", name, "named_organisation", [mention])
        (found,) = questions_of(b.build(), "find_sources")
        return found

    water = question(
        "Alder Water, the water company",
        "The water company Alder Water said in a statement",
        "The water company Alder Water said in a statement that its treatment works upstream at Fenby "
        "had operated normally throughout July and August.",
    )
    trust = question(
        "North Wexmoor NHS Trust",
        "the NHS trust that runs it said",
        "The minor injuries unit will close every night from next month, the NHS trust that runs it said.",
    )

    def score(q: Question, *phrases: str) -> float:
        return score_answer(q, selected(q, *phrases)).score

    assert score(water, "Alder Water said") == 1.0
    assert score(water, "Water said") == 1.0
    assert score(water, "water", "said") < 1.0  # the common noun, not who speaks
    assert score(trust, "trust", "said") == 1.0


def test_find_sources_according_to_a_record_posted_by_a_body_is_found_by_according_to() -> None:
    # "according to a notice posted by Alder Valley District Council": "posted by" says who made
    # the record; the key was "posted", so "according to" and "Council" scored 0.5 (review 198).
    b = ArticleBuilder(
        "River",
        [
            "Otter's Bend was closed to swimmers ten days ago after water tests found high levels of "
            "bacteria, according to a notice posted by Alder Valley District Council.",
        ],
    )
    b.source(
        "council",
        "Alder Valley District Council",
        "named_organisation",
        ["according to a notice posted by Alder Valley District Council"],
    )
    (question,) = questions_of(b.build(), "find_sources")

    def score(*phrases: str) -> float:
        return score_answer(question, selected(question, *phrases)).score

    assert score("according to", "Council") == 1.0
    assert score("according to", "Alder Valley") == 1.0
    assert score("notice posted by Alder Valley District Council") < 1.0  # not where it is reported


def test_whose_words_the_headline_quotes_a_noun_fears_and_a_word_that_starts_alike_keep_it() -> None:
    # "Council Scraps E-Scooter 'Experiment' as Safety Fears Mount": "Fears" was read as someone
    # fearing (the headline says who), and "Experts" as another form of "Experiment" (review 201).
    def article(headline: str, experts: str) -> Article:
        b = ArticleBuilder(
            headline,
            [
                '"This was an experiment that was never given a fair chance," said Tom Hale, an opposition '
                "councillor.",
                f"{experts} say injuries fell. Councillor Ann Okoro said the scheme cost too much.",
            ],
        )
        b.source("hale", "Tom Hale, an opposition councillor", "named_person", ["said Tom Hale"])
        b.source("experts", "experts", "unnamed_source", [f"{experts} say"])
        b.source("okoro", "Ann Okoro, a councillor", "named_person", ["Councillor Ann Okoro said"])
        b.claim("injuries fell", "attributed", source="experts")
        b.claim("the scheme cost too much", "attributed", source="okoro")
        return b.build()

    plain = "Council Scraps E-Scooter 'Experiment' as Safety Worries Grow"
    fears = "Council Scraps E-Scooter 'Experiment' as Safety Fears Mount"
    assert len(questions_of(article(plain, "Specialists"), "headline_quote")) == 1
    (question,) = questions_of(article(fears, "Experts"), "headline_quote")
    assert question.choices[question.answer[0]] == "Tom Hale"
    # Another form of the word by someone else still keeps it out: whose word would be two answers.
    assert questions_of(article(fears, "Experimental results"), "headline_quote") == []
    assert _attribution_hits("Safety fears mount as the council ends the scheme.") == []
    assert _attribution_hits("Residents fear the scheme will end.") == ["fear"]


def test_whose_words_never_offers_an_outlet_that_only_passed_words_on_for_a_persons_words() -> None:
    # "the Harwood Echo", which only carried a councillor's words, offered for another councillor's
    # "We have to choose between scooters and potholes" (review 201), as who said it never does.
    b = ArticleBuilder(
        "Scooters",
        [
            '"We have to choose between scooters and potholes," said Councillor Denise Okoro.',
            "Margaret Fenwick, the council leader, told the Harwood Echo the scheme cost too much. "
            "Tom Hale, an opposition councillor, said the scheme was never given a chance.",
        ],
    )
    b.source("okoro", "Denise Okoro, a councillor", "named_official", ["said Councillor Denise Okoro"])
    b.source(
        "fenwick",
        "Margaret Fenwick, the council leader",
        "named_official",
        ["Margaret Fenwick, the council leader, told"],
        via="echo",
    )
    b.source("echo", "the Harwood Echo", "news_outlet", ["the Harwood Echo"])
    b.source(
        "hale",
        "Tom Hale, an opposition councillor",
        "named_official",
        ["Tom Hale, an opposition councillor, said"],
    )
    b.claim("the scheme cost too much", "attributed", source="fenwick")
    b.claim("the scheme was never given a chance", "attributed", source="hale")
    b.frame("We have to choose between scooters and potholes", "loaded_language", note="Only two options?")
    for seed in range(1, 8):
        (question,) = questions_of(b.build(), "whose_words", seed)
        assert question.choices[question.answer[0]] == "Denise Okoro"
        assert "the Harwood Echo" not in question.choices


def test_could_no_longer_is_no_hedge() -> None:
    # "said the council could no longer afford the contract": not able any more, not a doubt; the
    # audit asked for it as a cue and the engine then asked for it as the hedge (reviews 196, 201).
    assert _hedge_hits("The leader said the council could no longer afford the contract.") == []
    assert _hedge_hits("The unit could no longer find enough nurses, the trust said.") == []
    assert _hedge_hits("The council could end the contract next year.") == ["could"]


def test_observation_or_opinion_is_not_asked_of_what_the_speaker_has_seen_or_a_records_finding() -> None:
    # "more focused ... than I have seen in twenty years", "the figures showed 'strong backing'":
    # something seen or counted with what is made of it, so "observed" could be defended (review 199).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("School", [f"Karen Doyle, the headteacher, said {claim}."])
        b.source(
            "doyle", "Karen Doyle, the headteacher", "named_person", ["Karen Doyle, the headteacher, said"]
        )
        b.claim(claim, "attributed", source="doyle", kind="opinion")
        return questions_of(b.build(), "statement_kind")

    assert asked("our pupils are more focused than I have seen in twenty years of teaching") == []
    assert asked("the figures showed strong backing for the school's leadership") == []
    # The record just before the claim: "the figures showed that [parking was now a health issue]"
    # (review 204).
    b = ArticleBuilder("Parking", ["Anita Scott said the figures showed that parking was now a problem."])
    b.source("scott", "Anita Scott", "named_person", ["Anita Scott said"])
    b.claim("parking was now a problem", "attributed", source="scott", kind="opinion")
    assert questions_of(b.build(), "statement_kind") == []
    assert len(asked("our pupils are more focused than pupils at any other school")) == 1


def test_no_source_is_not_the_key_where_a_persons_quotation_opens_the_next_sentence() -> None:
    # 'Some residents have reacted with fury. "It's toxic, plain and simple. ...," said Graham
    # Petts': he may be the claim's evidence, with his quotation first (review 198).
    def asked(claim: str) -> list[str]:
        b = ArticleBuilder(
            "River",
            [
                "The council said the river was closed after tests.",
                f'{claim}. "It\'s toxic, plain and simple. My grandchildren swam there," said Graham Petts, '
                "who lives beside the river.",
            ],
        )
        b.source("council", "the council", "named_organisation", ["The council said"])
        b.source("petts", "Graham Petts, a resident", "named_person", ["said Graham Petts"])
        b.claim("the river was closed after tests", "attributed", source="council")
        b.claim(claim, "unattributed")
        return [
            q.kind
            for kind in ("support", "who_said_it")
            for q in questions_of(b.build(), kind)
            if claim in q.prompt
        ]

    assert asked("Some residents have reacted with fury") == []
    assert "support" in asked("The river runs for twelve miles through the town")


def test_headline_check_asks_about_what_a_how_or_why_headline_takes_for_granted() -> None:
    # "How Has Ashbury High's Four-Day Week Boosted Exam Results?" takes the boosted results as true,
    # while the article says they will not be known until August: no quiz asked about the headline
    # (review 199). A yes-or-no question states nothing: it is asked what is true of the marked words,
    # never as a statement (review 125).
    def asked(headline: str, marked: str = "Boosted Exam Results") -> list[Question]:
        b = ArticleBuilder(
            headline,
            [
                "Ashbury High began a four-day week for older pupils in September. Exam results will not be "
                "known until August, and one researcher said it may be too early to say whether it works.",
            ],
        )
        b.frame(marked, "headline_body_mismatch", note="The results are not known yet.")
        return questions_of(b.build(), "headline_check")

    (how,) = asked("How Has Ashbury High's Four-Day Week Boosted Exam Results?")
    assert how.prompt.startswith(
        'The headline asks "How Has Ashbury High\'s Four-Day Week Boosted Exam Results?" Asking "how" '
        'treats "Boosted Exam Results" as already true.'
    )
    assert how.choices[how.answer[0]] in (HEADLINE_SAYS_MORE, HEADLINE_WORDS_SAY_MORE)
    assert len(asked("Why Has Ashbury High's Four-Day Week Boosted Exam Results?")) == 1
    from app.domain.kinds.headline_check import QUESTION_HEADLINE_SAYS_MORE

    for headline in (
        "Has Ashbury High's Four-Day Week Boosted Exam Results?",
        "How Far Has Ashbury High's Four-Day Week Boosted Exam Results?",  # how much
    ):
        (question,) = asked(headline)
        assert question.answer_text == [QUESTION_HEADLINE_SAYS_MORE]
        assert "as already true" not in question.prompt
    assert asked("How Has Ashbury High's Four-Day Week Boosted Exam Results?", "How Has Ashbury") == []


def test_a_quiz_never_offers_the_record_behind_another_questions_claim_as_a_wrong_place_to_check() -> None:
    # "Look at the original yourself: Zoomly's trip figures" (a wrong choice of "how would you check
    # it" on the council report's claim) beside "How well supported: 'Riders have made more than 1.2
    # million trips'": seeing the trip figures named answers it (review 201, 15 of 40 quizzes).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Scooters",
        [
            "Riders have made more than 1.2 million trips, according to figures published by Zoomly.",
            "A report by the council's road safety team recorded 41 injuries in 18 months.",
        ],
    )
    b.source(
        "figures", "Zoomly's trip figures", "document_or_data", ["according to figures published by Zoomly"]
    )
    b.source(
        "report",
        "the road safety team's report",
        "document_or_data",
        ["A report by the council's road safety team recorded"],
    )
    b.claim("Riders have made more than 1.2 million trips", "attributed", source="figures")
    b.claim("41 injuries in 18 months", "attributed", source="report")
    article = b.build()
    supports = {q.extra["claim"]: q for q in questions_of(article, "support")}
    offered = 0
    for seed in range(1, 6):
        for check in questions_of(article, "how_to_check", seed):
            if check.extra["claim"] != 1:
                continue
            offers_figures = any("trip figures" in choice for choice in check.choices)
            offered += offers_figures
            assert offers_figures == (check.extra.get("offered_claims") == [0])
            assert conflicts(check, supports[0]) == offers_figures
    assert offered


def test_whose_framing_shows_the_words_without_the_articles_quotation_marks() -> None:
    # 'Whose words are these, in paragraph 1: "'going soft'"?': the marks rule out the writer before
    # the article is read (review 203).
    b = ArticleBuilder(
        "Homework",
        [
            'Mark Denholm, a father of two, said the school was "going soft" on homework and reading.',
            "Headteacher Ruth Pryce said pupils read for twenty minutes a night. Councillor Ann Lee said "
            "the council would watch the trial.",
        ],
    )
    b.source("denholm", "Mark Denholm, a father", "named_person", ["Mark Denholm, a father of two, said"])
    b.source("pryce", "Ruth Pryce, the headteacher", "named_person", ["Headteacher Ruth Pryce said"])
    b.source("lee", "Ann Lee, a councillor", "named_official", ["Councillor Ann Lee said"])
    b.claim("pupils read for twenty minutes a night", "attributed", source="pryce")
    b.claim("the council would watch the trial", "attributed", source="lee")
    b.frame('"going soft"', "loaded_language", note="A sneer, not a fact.")
    questions = [q for seed in range(1, 4) for q in questions_of(b.build(), "whose_words", seed)]
    assert questions
    for question in questions:
        assert question.prompt == 'Whose words are these, in paragraph 1: "going soft"?'


def test_find_framing_each_phrase_the_note_quotes_finds_the_span() -> None:
    # '"Screaming" is stronger than "shouting", and "grown adults" makes the parents sound like
    # bullies' for "grown adults screaming at them": "screaming" found half of it while the plainer
    # "grown adults" found all of it (review 205, a fail).
    b = ArticleBuilder(
        "Touchline",
        [
            "The league's chair said children should be able to play without grown adults screaming at "
            "them from two yards away, and that the new rope would stay for the whole season.",
        ],
    )
    b.source("chair", "the league's chair", "named_person", ["The league's chair said"])
    b.frame(
        "grown adults screaming at them",
        "loaded_language",
        note='"Screaming" is stronger than "shouting", and "grown adults" makes the parents sound cruel.',
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")

    def score(*phrases: str) -> float:
        return score_answer(question, selected(question, *phrases)).score

    assert score("screaming") == 1.0
    assert score("grown adults") == 1.0
    assert score("at them") < 1.0


def test_headline_check_a_sentence_about_somewhere_else_does_not_say_the_headlines_words() -> None:
    # "Similar bans in other towns may have cut the number of park fires" kept "Council Bans
    # Disposable Barbecues" (only a proposal in the article) out of every quiz (review 202).
    def asked(sentence: str) -> list[Question]:
        b = ArticleBuilder(
            "Ferndale Council Bans Disposable Barbecues",
            ["Disposable barbecues could be banned from Ferndale's parks as early as June.", sentence],
        )
        b.frame("Bans", "headline_body_mismatch", note="Nothing is banned yet: it is only a proposal.")
        return questions_of(b.build(), "headline_check")

    assert len(asked("Similar bans in other towns may have cut the number of park fires.")) == 1
    assert len(asked("Ashby's ban elsewhere in the county cut fires by half.")) == 1
    assert asked("From today the council bans them in every park.") == []


def test_headline_check_the_headlines_own_no_is_no_denial_where_the_article_repeats_it() -> None:
    # "Why Is the Trust Cashing In on Visitors Who Have No Choice?" beside a visitor's "They know we
    # have no choice but to come": the article says the same words, so "the same" could be
    # defended (review 204).
    def asked(quote: str) -> list[Question]:
        b = ArticleBuilder(
            "Why Is Northmoor Trust Charging Visitors Who Have No Choice?",
            ["The trust will charge visitors £3 a day from April.", f'"{quote}," one visitor said.'],
        )
        b.frame("Who Have No Choice", "headline_body_mismatch", note="Only one visitor says so.")
        return questions_of(b.build(), "headline_check")

    assert asked("They know we have no choice but to come") == []
    assert len(asked("It is a lot of money for a short visit")) == 1


def test_no_source_is_not_the_key_where_the_note_guesses_or_points_at_the_source() -> None:
    # "It is probably from the league, but the article does not say so" (review 205), "the article
    # gives one example: a café whose owner is not named" (review 198), "One angry visitor is
    # quoted" (review 204): shown after "no source", each argues for another choice.
    def asked(note: str) -> list[str]:
        b = ArticleBuilder(
            "League",
            [
                "The league said the rope would stay. Coach Sam Reid said parents were shouting less.",
                "The league runs 140 teams of players in the town.",
            ],
        )
        b.source("league", "the league", "named_organisation", ["The league said"])
        b.source("reid", "Sam Reid, a coach", "named_person", ["Coach Sam Reid said"])
        b.claim("the rope would stay", "attributed", source="league")
        b.claim("parents were shouting less", "attributed", source="reid")
        b.claim("The league runs 140 teams of players in the town", "unattributed", note=note)
        return [
            q.kind
            for kind in ("support", "who_said_it")
            for q in questions_of(b.build(), kind)
            if "140" in q.prompt
        ]

    assert asked("It is probably from the league, but the article does not say so.") == []
    assert asked("The article gives one example: a café whose owner is not named.") == []
    assert asked("One angry visitor is quoted.") == []
    assert "support" in asked("The article gives no source for the number of teams.")


def test_whose_words_the_headline_quotes_offers_no_one_whose_own_quotation_uses_one_of_its_words() -> None:
    # "Scorched Earth" offered Helen Marsh, whose "Every summer we find scorched patches of grass" is
    # not clearly wrong (review 202).
    b = ArticleBuilder(
        "Ferndale Bans Barbecues After 'Scorched Earth' Summer",
        [
            '"Every summer we find scorched patches of grass," said Councillor Helen Marsh.',
            '"Last August the whole hillside looked like scorched earth," said resident Tom Adeyemi.',
            '"We sell fewer barbecues than we used to," said shop owner Gary Pike. Park ranger Ann Cole '
            "said fires had doubled.",
        ],
    )
    b.source("marsh", "Helen Marsh, a councillor", "named_official", ["said Councillor Helen Marsh"])
    b.source("adeyemi", "Tom Adeyemi, a resident", "named_person", ["said resident Tom Adeyemi"])
    b.source("pike", "Gary Pike, a shop owner", "named_person", ["said shop owner Gary Pike"])
    b.source("cole", "Ann Cole, a park ranger", "named_person", ["Park ranger Ann Cole said"])
    b.claim("fires had doubled", "attributed", source="cole")
    b.frame("'Scorched Earth'", "scare_quotes", note="Whose words are these?")
    for seed in range(1, 8):
        (question,) = questions_of(b.build(), "headline_quote", seed)
        assert question.choices[question.answer[0]] == "Tom Adeyemi"
        assert "Helen Marsh" not in question.choices


def test_no_source_is_not_the_key_where_the_claims_people_come_after_among() -> None:
    # "the plans have sparked fury among families who visit every day. Margaret Doyle, 71, ... said":
    # she may be one of them, and its evidence (review 204).
    def asked(claim: str) -> list[str]:
        b = ArticleBuilder(
            "Parking",
            [
                "The trust said the charges would start in April.",
                f"{claim}. Margaret Doyle, whose husband is on a ward, said she could not afford it.",
            ],
        )
        b.source("trust", "the trust", "named_organisation", ["The trust said"])
        b.source(
            "doyle",
            "Margaret Doyle, a visitor",
            "named_person",
            ["Margaret Doyle, whose husband is on a ward, said"],
        )
        b.claim("the charges would start in April", "attributed", source="trust")
        b.claim(claim, "unattributed")
        b.claim("she could not afford it", "attributed", source="doyle")
        return [
            q.kind
            for kind in ("support", "who_said_it")
            for q in questions_of(b.build(), kind)
            if claim in q.prompt
        ]

    assert asked("But the plans have sparked fury among families who visit every day") == []
    assert "support" in asked("But the car park has 400 spaces on three floors")


def test_say_inside_too_early_to_say_is_no_attribution() -> None:
    # "it may be too early to say whether ...": a hedge, not someone saying (reviews 199 and 208);
    # "Some say" still names who says.
    assert _attribution_hits("It may be too early to say whether the trial works.") == []
    assert _attribution_hits("Some say the trial works.") == ["say"]


def test_find_framing_a_word_the_note_quotes_finds_the_span_beside_an_emotive_one() -> None:
    # '"Penny-pinching" and "disgrace" are there to make you angry' for "penny-pinching disgrace":
    # only the emotive "disgrace" found it (review 206).
    b = ArticleBuilder(
        "Toilets",
        ["Campaigners called the cut a penny-pinching disgrace and said the saving was tiny."],
    )
    b.source("campaigners", "campaigners", "vague", ["Campaigners called"])
    b.frame(
        "penny-pinching disgrace",
        "loaded_language",
        note='"Penny-pinching" and "disgrace" are there to make you angry at the council.',
    )
    b.framing_complete = {1}
    (question,) = questions_of(b.build(), "find_framing")
    assert score_answer(question, selected(question, "penny-pinching")).score == 1.0
    assert score_answer(question, selected(question, "disgrace")).score == 1.0


def test_find_sources_keys_the_record_not_own_nor_the_participle_after_it() -> None:
    # "Her own research in three towns found" keyed "own" (review 207, a fail); "according to a
    # company statement released on Thursday" keyed "released" (review 209, a fail).
    def question(mention: str, text: str, name: str, kind: str, claim: str) -> Question:
        b = ArticleBuilder("Trolleys", [text])
        b.source("s", name, kind, [mention])
        b.claim(claim, "attributed", source="s")
        (found,) = questions_of(b.build(), "find_sources")
        return found

    research = question(
        "Her own research in three towns found",
        "Her own research in three towns found that average speeds rose again within a year of cameras "
        "going in.",
        "Dr Hannah Lowe, a transport researcher",
        "named_person",
        "average speeds rose again within a year of cameras going in",
    )
    statement = question(
        "according to a company statement released on Thursday",
        "The new trolleys hold about 40 per cent less than the old ones, according to a company statement "
        "released on Thursday.",
        "FreshWay, the supermarket chain",
        "named_organisation",
        "The new trolleys hold about 40 per cent less than the old ones",
    )
    assert score_answer(research, selected(research, "research", "found")).score == 1.0
    assert score_answer(research, selected(research, "own")).score < 1.0
    assert score_answer(statement, selected(statement, "according to a company statement")).score == 1.0
    assert score_answer(statement, selected(statement, "according to", "released")).score < 1.0


def test_find_sources_a_who_clause_after_the_speakers_role_costs_nothing_without_a_comma() -> None:
    # "said Dr Lewis Carrow, a behavioural scientist at Northgate University who was not involved in
    # the trial": free with a comma before "who", 0.85 without (review 209).
    b = ArticleBuilder(
        "Trolleys",
        [
            "The effect may be small, said Dr Lewis Carrow, a behavioural scientist at Northgate University "
            "who was not involved in the trial. Prices and offers matter far more, the company said.",
        ],
    )
    b.source(
        "carrow",
        "Dr Lewis Carrow, a behavioural scientist",
        "named_person",
        ["said Dr Lewis Carrow, a behavioural scientist at Northgate University"],
    )
    b.source("company", "the company", "named_organisation", ["the company said"])
    b.claim("The effect may be small", "attributed", source="carrow", cues=["may"])
    b.claim("Prices and offers matter far more", "attributed", source="company")
    (question,) = questions_of(b.build(), "find_sources")
    whole = (
        "said Dr Lewis Carrow a behavioural scientist at Northgate University "
        + "who was not involved in the trial"
    )
    assert score_answer(question, selected(question, whole, "company said")).score == 1.0


def test_find_sources_a_body_one_owner_names_finds_its_record() -> None:
    # "A survey of 212 parents carried out by the school's parent-teacher association last year
    # found": only "survey" found it, "association ... found" earned an eighth (reviews 199 and 207).
    (question,) = [q for q in questions_of(unseen_article("review207.yaml"), "find_sources") if q.block == 4]
    others = ("Several parents wrote",)
    assert score_answer(question, selected(question, "association", "found", *others)).score == 1.0
    assert score_answer(question, selected(question, "survey", "found", *others)).score == 1.0
    assert score_answer(question, selected(question, "parents", "found", *others)).score < 1.0


def test_find_sources_a_records_named_owner_finds_it() -> None:
    # "Swim England's guidance for pool operators recommends": "Swim England's ... recommends" scored
    # 0.75, where "by Swim England" finds a record (review 239). "the trust's" is no name.
    (question,) = [q for q in questions_of(unseen_article("review239.yaml"), "find_sources") if q.block == 7]
    others = ("The trust points out",)
    assert score_answer(question, selected(question, "England's", "recommends", *others)).score == 1.0
    assert score_answer(question, selected(question, "guidance", "recommends", *others)).score == 1.0
    assert score_answer(question, selected(question, "operators", "recommends", *others)).score < 1.0


def test_find_framing_a_sources_opinion_is_not_free_to_select() -> None:
    # "Some residents say the scheme is a slap in the face for borrowers who always paid on time", the
    # residents' opinion: selecting all of it scored 1.0, its key "slap in the face" (review 242, a
    # fail). Only the writer's own opinions are free to select.
    (question,) = [q for q in questions_of(unseen_article("review242.yaml"), "find_framing") if q.block == 8]
    assert score_answer(question, selected(question, "slap in the face")).score == 1.0
    whole = "the scheme is a slap in the face for borrowers who always paid on time"
    assert score_answer(question, selected(question, whole)).score < 0.75


def test_find_sources_who_speaks_is_the_noun_a_word_of_the_name_describes() -> None:
    # "a senior figure in local youth football has told this newspaper", for "an unnamed senior league
    # official": the key was "senior", and "figure ... has told" scored 0.5 (review 244, a fail).
    (question,) = [q for q in questions_of(unseen_article("review244.yaml"), "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "figure", "has told")).score == 1.0
    assert (
        score_answer(question, selected(question, "senior figure in local youth football has told")).score
        == 1.0
    )
    # "Several mothers waiting at the school gates on Tuesday said": the mothers, not "waiting".
    (question,) = [q for q in questions_of(unseen_article("review211.yaml"), "find_sources") if q.block == 4]
    assert "mothers" in {question.words[start] for start, _ in question.keys}


def test_quiz_keeps_an_explanation_comparing_with_the_headlines_words_apart_from_the_headline() -> None:
    # "it is much smaller than 'thousands'", in an explanation of a claim, beside 'The headline says
    # "Thousands". Compared with the headline, what does the article say?' (review 242): no
    # "headline" in it, yet it answers the headline question.
    from app.domain.generate import build_quiz

    article = unseen_article("review242.yaml")
    for seed in range(1, 11):
        quiz = build_quiz(article, VOCABULARY, seed, length=12)
        headline = [q for q in quiz if q.kind == "headline_check" and "Thousands" in q.prompt]
        leaks = [q for q in quiz if 'much smaller than "thousands"' in q.explanation]
        assert not (headline and leaks), seed


def test_support_is_not_asked_about_a_speakers_own_feeling() -> None:
    # "We were overwhelmed, in the nicest way": "A source the article names" would say the feeling is
    # supported (review 242).
    def asked(said: str) -> list[Question]:
        b = ArticleBuilder("Amnesty", [f'"{said}," said head librarian Margaret Oduya.'])
        b.source("oduya", "Margaret Oduya", "named_person", ["said head librarian Margaret Oduya"])
        b.claim(said, "attributed", source="oduya")
        return questions_of(b.build(), "support")

    assert asked("We were overwhelmed, in the nicest way") == []
    assert asked("I feel let down by the council") == []
    assert len(asked("We lent 1,340 books in the first week")) == 1


def test_no_source_is_not_the_key_where_a_source_next_counts_on_from_the_claim() -> None:
    # "dozens have already closed their pools for good. Industry insiders warn that many more will
    # probably follow this winter": the insiders may be the source of both (review 239).
    def asked(after: str) -> list[Question]:
        b = ArticleBuilder("Pools", [f"Dozens of councils have already closed their pools for good. {after}"])
        b.source("insiders", "industry insiders", "vague", ["Industry insiders warn"])
        b.claim("Dozens of councils have already closed their pools for good", "unattributed")
        return questions_of(b.build(), "support")

    assert asked("Industry insiders warn that many more will probably follow this winter.") == []
    assert len(asked("Industry insiders warn that energy bills will rise again this winter.")) == 1


def test_a_record_that_also_found_is_an_attribution() -> None:
    # "The survey also found": the audit named only the hedge the teacher left unmarked, not this
    # (review 244).
    assert _attribution_hits("The survey also found that most referees quit.") == ["found"]
    assert _attribution_hits("It also found that parents shout.") == ["found"]
    assert _attribution_hits("Fish were also found in the lake.") == []


def test_find_sources_a_who_clause_runs_on_past_an_and_between_two_things() -> None:
    # "said Sandra Pike, 58, who has sold fruit and vegetables from the same corner stall for 22 years":
    # the free description ended at "and", so the rest cost a fifth of the marks (review 248, a fail).
    # "who leads the group and wants the scheme scrapped" still ends at "and": what he wants.
    attribution = (
        "said Sandra Pike, 58, who has sold fruit and vegetables from the same corner stall for 22 years"
    )
    selection = attribution.replace(",", "")
    b = ArticleBuilder(
        "Market",
        [f'"Rents are too high," {attribution}. The council plans to raise stall rents by a fifth in April.'],
    )
    b.source("pike", "Sandra Pike", "named_person", ["said Sandra Pike"])
    b.claim("Rents are too high", "attributed", source="pike", kind="opinion")
    b.claim("The council plans to raise stall rents by a fifth in April", "unattributed")
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, selection)).score == 1.0
    from app.domain.kinds.find_sources import _joins_a_clause
    from app.domain.text import Block

    text = Block.from_text("who leads the group and wants the scheme scrapped, and is a councillor")
    assert _joins_a_clause(text, text.words.index("and"))
    assert _joins_a_clause(text, len(text.words) - 4)
    text = Block.from_text("who has sold fruit and vegetables from the same stall")
    assert not _joins_a_clause(text, text.words.index("and"))


def test_support_unnamed_is_not_the_key_where_a_named_source_on_the_same_thing_follows() -> None:
    # "Public health experts say that a lack of toilets can lead people to drink less water. Dr Priya
    # Sandhu, a lecturer in public health, said the evidence was clear": "A source the article names"
    # could be defended (review 206).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Toilets",
            [
                "Public health experts say that a lack of toilets can lead people to drink less water. "
                f"{second}, said the evidence was clear and consistent."
            ],
        )
        b.source("experts", "public health experts", "vague", ["Public health experts say"])
        b.source("sandhu", "Dr Priya Sandhu", "named_person", [f"{second}, said"])
        b.claim("a lack of toilets can lead people to drink less water", "attributed", source="experts")
        b.claim("the evidence was clear and consistent", "attributed", source="sandhu")
        return [q for q in questions_of(b.build(), "support") if "lack of toilets" in q.prompt]

    assert asked("Dr Priya Sandhu, a lecturer in public health at Hallam Vale University") == []
    assert len(asked("Dr Priya Sandhu, a lecturer in geography at Hallam Vale University")) == 1


def test_shows_no_sign_is_no_attribution() -> None:
    # "Britain's mountain of wasted food shows no sign of shrinking": nobody reports it (review 209).
    assert _attribution_hits("The mountain of wasted food shows no sign of shrinking.") == []
    assert _attribution_hits("The survey shows most food is wasted at home.") == ["shows"]


def test_support_explanation_does_not_call_a_rough_size_a_hedge_beside_a_word_of_doubt() -> None:
    # 'The writer hedges this ("could", "up to")', while spot the hedge says "up to" only gives a
    # size (review 202).
    b = ArticleBuilder("Barbecues", ["Anyone caught could face a fine of up to £100 from June."])
    b.claim("Anyone caught could face a fine of up to £100", "hedged", cues=["could"])
    (question,) = questions_of(b.build(), "support")
    assert question.explanation.startswith('The writer hedges this ("could") and does not say who says so.')


def test_find_sources_a_role_opening_the_sentence_before_the_name_costs_nothing() -> None:
    # "The council's cabinet member for skills, Councillor Ruth Baines, said": 0.88 for the whole
    # attribution, though a role after the name is free (review 208).
    (question,) = [q for q in questions_of(unseen_article("review208.yaml"), "find_sources") if q.block == 12]
    whole = "The council's cabinet member for skills Councillor Ruth Baines said"
    assert score_answer(question, selected(question, whole)).score == 1.0


def test_whose_framing_answered_by_the_writer_does_not_share_a_quiz_with_a_claim_of_its_paragraph() -> None:
    # "Whose words are these: 'hit hardest'?", the writer, explained as "no 'said' or 'according to'
    # in the paragraph", beside "Who does the article say this comes from" on a claim of that
    # paragraph, answered "The article does not say" (review 213, both quizzes).
    from app.domain.quiz_rules import conflicts

    b = ArticleBuilder(
        "Theatre",
        [
            "The theatre's director, Helen Crowther, said the grant had been cut. "
            "Actor Sam Reid said he was sad.",
            "Small venues are hit hardest. Two other venues in the county have closed since 2021.",
        ],
    )
    b.source(
        "crowther",
        "Helen Crowther, the director",
        "named_person",
        ["The theatre's director, Helen Crowther, said"],
    )
    b.source("reid", "Sam Reid, an actor", "named_person", ["Actor Sam Reid said"])
    b.claim("the grant had been cut", "attributed", source="crowther")
    b.claim("he was sad", "attributed", source="reid")
    b.claim("Two other venues in the county have closed since 2021", "unattributed")
    b.frame("hit hardest", "loaded_language", note="Strong words for a small change.")
    article = b.build()
    writer = [q for q in questions_of(article, "whose_words") if "hit hardest" in q.prompt]
    who = [q for q in questions_of(article, "who_said_it") if "venues" in q.prompt]
    assert writer and who
    assert conflicts(writer[0], who[0])


def test_how_to_check_is_not_asked_of_a_feeling_of_unnamed_people() -> None:
    # "Several mothers ... said they were relieved": no record settles someone else's relief (review
    # 211, a fail), as with "they feel safer".
    def asked(claim: str) -> list[Question]:
        # One unnamed person: a loose group's claim gets no such question at all (review 219).
        b = ArticleBuilder("Phones", [f"One mother waiting at the gate said {claim}."])
        b.source(
            "mother",
            "an unnamed mother waiting at the gate",
            "anonymous",
            ["One mother waiting at the gate said"],
        )
        b.claim(claim, "attributed", source="mother")
        return questions_of(b.build(), "how_to_check")

    assert asked("parents were relieved") == []
    assert asked("parents were really worried about the cost") == []
    assert len(asked("the ban started on Monday")) == 1


def test_whose_framing_offers_only_people_for_words_a_speaker_says_of_themselves() -> None:
    # "pricing people like me out of our own street" offered the Eastgate Residents' Association:
    # "me" rules it out before the article is read (review 212).
    article = unseen_article("review212.yaml")
    bodies = {
        source_label(s)
        for s in article.sources
        if s.type not in ("named_person", "named_official", "anonymous")
    }
    for seed in range(1, 8):
        (question,) = [q for q in questions_of(article, "whose_words", seed) if "people like me" in q.prompt]
        assert not bodies & set(question.choices)


def test_whose_framing_offers_only_people_for_a_persons_words_about_us() -> None:
    # "leave us stranded in the middle of a field", a mother's words, offered the bus company: "us"
    # are the people she is one of (review 241); "We're being used as guinea pigs" offered Telvane
    # (review 113).
    for name, words in (("review241.yaml", "leave us stranded"), ("review113.yaml", "guinea pigs")):
        article = unseen_article(name)
        bodies = {
            source_label(s)
            for s in article.sources
            if s.type not in ("named_person", "named_official", "anonymous")
        }
        for seed in range(1, 8):
            (question,) = [q for q in questions_of(article, "whose_words", seed) if words in q.prompt]
            assert not bodies & set(question.choices), (name, question.choices)
            # Nor the writer: a news report's writer says no "us" (review 258's "risk my life").
            assert WRITER not in question.choices


def test_who_said_it_offers_no_outlet_that_was_only_told_things_for_a_persons_words() -> None:
    # "the Westbridge Herald", named only in "The company told the Westbridge Herald", offered for a
    # pupil's view on queues: the company spoke in a statement too, so no `via` could say the Herald
    # only passed its words on (review 240).
    article = unseen_article("review240.yaml")
    for seed in range(1, 8):
        for question in questions_of(article, "who_said_it", seed):
            if "long queues" in question.prompt:
                assert "the Westbridge Herald" not in question.choices


def test_a_show_or_no_promises_after_a_determiner_is_a_noun_not_an_attribution() -> None:
    # "put on a show", "made no promises": nobody reports anything there, yet the audit asked the
    # teacher to mark them and their paragraphs got no "find the sources" question (review 213).
    assert _attribution_hits("The theatre will put on a show for families before it closes.") == []
    assert _attribution_hits("The council made no promises about the building's future.") == []
    assert _attribution_hits("The replies to the survey came from 300 homes.") == []
    assert _attribution_hits("Its shows sold out, the manager said.") == ["said"]
    assert _attribution_hits("The figures show a rise in visitors.") == ["show"]
    assert _attribution_hits("The council promises a decision by May.") == ["promises"]


def test_a_record_still_to_come_a_cause_and_what_one_would_do_are_no_attributions() -> None:
    # "will show its last film" (review 314), "may show whether" and "explains most of the rise"
    # (review 315), "said she would believe" (review 321): the audit asked the teacher to mark each,
    # and each paragraph lost its "find the sources" question.
    assert _attribution_hits("The Regal will show its last film on Sunday.") == []
    assert _attribution_hits("The figures, due in July, may show whether the form works.") == []
    assert _attribution_hits("The new online form explains most of the rise, Ms Hart said.") == ["said"]
    assert _attribution_hits("Ms Reed said she would believe the pool was safe when she saw it.") == ["said"]
    # What was reported, and a speaker explaining, still are.
    assert _attribution_hits("The figures show a rise, and she explains why.") == ["show", "explains"]
    assert _attribution_hits("Ms Reed said she feared the pool would close.") == ["said", "feared"]
    assert _attribution_hits("Ms Reed said, she would believe, that it was safe.") == ["said", "believe"]


def test_a_thing_put_up_a_forecast_a_quality_and_a_bodys_job_are_no_attributions() -> None:
    # Each kept its paragraph's "find the sources" question out, and the audit asked the teacher to
    # mark it: "weighed and posted on a league table" (review 323), "might tell us little" (327),
    # "do not tell the whole story" (326), "better reporting" (328), "a body that advises on radiation
    # safety" (329).
    assert _attribution_hits("Every bin is weighed and posted on a league table in the hall.") == []
    assert _attribution_hits("Critics fear the trial might tell us little.") == ["fear"]
    assert _attribution_hits("But the figures do not tell the whole story, she said.") == ["said"]
    assert _attribution_hits("The rise may reflect better reporting, the firm said.") == ["said"]
    body = "The agency, a body that advises on radiation safety, said the mast was safe."
    assert _attribution_hits(body) == ["said"]
    # Who posted, what was told, and advice given still are.
    assert _attribution_hits("Parents posted on the school's page.") == ["posted"]
    assert _attribution_hits("The agency advises on its website that masts are safe.") == ["advises"]
    assert _attribution_hits("Ms Reed will tell the meeting.") == []


def test_no_skill_asks_more_than_five_questions_of_twelve() -> None:
    # Sources 3, claims 7, framing 2 (review 214) and 6/3/3 (review 215): the framing ran out and
    # claims questions filled the quiz. A question fewer is better than a quiz of one skill.
    from collections import Counter

    from app.domain.generate import build_quiz

    for name, seeds in (("review107.yaml", (2, 3, 4, 5)), ("review112.yaml", (2, 4))):
        article = unseen_article(name)
        for seed in seeds:
            skills = Counter(q.skill for q in build_quiz(article, VOCABULARY, seed, length=12))
            assert max(skills.values()) <= 5, (name, seed, skills)
            # Review 107's framing lost its "spot the technique" questions, whose wrong answers were a
            # noun pair ("warning label", review 240): one seed's quiz is 9 long.
            assert sum(skills.values()) >= 9, (name, seed, skills)


def test_a_reporting_word_used_as_an_adjective_or_for_a_thing_is_no_attribution() -> None:
    # "some reported leaks", "95 per cent of reported leaks": the audit asked the teacher to mark them,
    # and the story's main paragraphs got no "find the sources" question (review 217).
    assert _attribution_hits("The engineer said some reported leaks had been left for months.") == ["said"]
    assert _attribution_hits("The company repairs 95 per cent of reported leaks within five days.") == []
    assert _attribution_hits("The number of reported cases rose.") == []
    assert _attribution_hits("The promised funding never came.") == []
    # "who replied" of a survey's respondents, "shared the results" (reviews 215, 216).
    assert _attribution_hits("Of the 312 parents who replied, most backed the change.") == []
    assert _attribution_hits("The school said it had shared the results with governors.") == ["said"]
    # Still attributions.
    assert _attribution_hits("The council reported leaks to the company.") == ["reported"]
    assert _attribution_hits("The manager, who replied that talks continue, was firm.") == ["replied"]
    assert _attribution_hits("She shared that the pool would close.") == ["shared"]
    assert _attribution_hits("Two residents reported seeing smoke.") == ["reported"]


def test_adding_an_amount_or_a_cause_after_a_passive_is_no_attribution() -> None:
    # "the 50mph limit had added ten minutes to his daily run" (review 223) and "part of the rise
    # could be explained by better record-keeping" (review 225): the audit asked the teacher to mark
    # them, and their paragraphs got no "find the sources" question.
    assert _attribution_hits("He said the limit had added ten minutes to his daily run.") == ["said"]
    assert _attribution_hits("The scheme adds £3 to every bill.") == []
    assert _attribution_hits("The new lane added 40 seconds to the average journey.") == []
    assert _attribution_hits("Part of the rise could be explained by better record-keeping.") == []
    # Still attributions.
    assert _attribution_hits('"It works," he added.') == ["added"]
    assert _attribution_hits("She added that ten more staff would be hired.") == ["added"]
    assert _attribution_hits("Dr Marsh explained that the figures were new.") == ["explained"]


def test_an_attribution_phrase_ending_in_that_is_found_by_its_verb() -> None:
    # "Some shopkeepers fear" marked, "fear that" in the vocabulary: the audit called "that" unmarked and
    # the paragraph got no "find the sources" question (reviews 226 and 227).
    assert _attribution_hits("Some shopkeepers fear that footfall will drop.") == ["fear"]
    assert _attribution_hits("The council agreed that the road was unsafe.") == ["agreed"]
    b = ArticleBuilder(
        "Bank",
        ["Some shopkeepers fear that footfall in the town centre will drop by a third once the bank closes."],
    )
    b.source("shopkeepers", "some shopkeepers", "vague", ["Some shopkeepers fear"])
    b.claim(
        "footfall in the town centre will drop by a third once the bank closes",
        "attributed",
        source="shopkeepers",
    )
    (question,) = questions_of(b.build(), "find_sources")
    assert score_answer(question, selected(question, "shopkeepers fear")).score == 1
    assert score_answer(question, selected(question, "Some shopkeepers fear that")).score == 1


def test_possible_after_a_superlative_is_no_hedge() -> None:
    # "the highest possible rating" says how high, not that it may be so (review 215).
    assert _hedge_hits("The kitchen had the highest possible hygiene rating.") == []
    assert _hedge_hits("Repairs will start as soon as possible.") == []
    assert _hedge_hits("It is possible that the pool will close.") == ["possible"]


def test_support_unnamed_is_not_the_key_where_a_named_persons_quotation_follows() -> None:
    # 'a group of parents who say portions have shrunk "to almost nothing". "My son comes home and
    # goes straight to the fridge. He tells me the pasta bake is three spoonfuls," said Claire
    # Dunmore': a named parent gives the example, so "A source the article names" could be defended
    # (review 215).
    def asked(speaker: str, kind: str) -> list[Question]:
        b = ArticleBuilder(
            "Meals",
            [
                "The switch follows a campaign by parents who say portions have shrunk over the past two "
                'years. "My son comes home and goes straight to the fridge. He tells me the pasta bake is '
                f'three spoonfuls," said {speaker}.'
            ],
        )
        b.source("parents", "parents", "vague", ["parents who say"])
        b.source("speaker", speaker, kind, [f"said {speaker}"])
        b.claim("portions have shrunk over the past two years", "attributed", source="parents")
        return [q for q in questions_of(b.build(), "support") if "portions" in q.prompt]

    assert asked("Claire Dunmore", "named_person") == []
    assert len(asked("one mother", "anonymous")) == 1


def test_find_sources_lets_who_a_records_figures_come_from_find_them() -> None:
    # "Rainfall figures from the Met Office show": "Met Office ... show" scored 0.83 where "figures
    # show" scored 1 (review 217).
    b = ArticleBuilder(
        "Hosepipe Ban",
        [
            "Rainfall figures from the Met Office show the region had just 38 per cent of its usual rain. "
            "The company said demand hit a record.",
            "The company said it would review the ban.",
        ],
    )
    b.source(
        "figures",
        "the Met Office's rainfall figures",
        "document_or_data",
        ["Rainfall figures from the Met Office show"],
    )
    b.source(
        "company",
        "the company",
        "named_organisation",
        [b.span("The company said", block=1), b.span("The company said", block=2)],
    )
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    for who in ("figures", "Met Office"):
        assert (
            score_answer(
                question, (*selected(question, who, "show"), *selected(question, "company said"))
            ).score
            == 1
        ), who


def test_find_sources_lets_the_people_of_a_group_find_it() -> None:
    # "a group of parents who say": "parents ... say" scored 0.75 where "group ... say" scored 1
    # (review 215).
    b = ArticleBuilder(
        "Meals",
        [
            "The decision follows a campaign by a group of parents who say portions have shrunk. "
            "The school said it listened.",
            "The school said the new menu starts in May.",
        ],
    )
    b.source("parents", "a group of parents", "vague", ["a group of parents who say"])
    b.source(
        "school",
        "the school",
        "named_organisation",
        [b.span("The school said", block=1), b.span("The school said", block=2)],
    )
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    for who in ("group", "parents"):
        assert (
            score_answer(
                question, (*selected(question, who, "say"), *selected(question, "school said"))
            ).score
            == 1
        ), who


def test_find_sources_lets_the_people_who_open_a_groups_attribution_find_it() -> None:
    # "Campaigners from the Save Millbank Fields group say": "Campaigners ... say" scored 0.5 where
    # "group say" scored 1 (review 224).
    b = ArticleBuilder(
        "Homes",
        [
            "Campaigners from the Save Millbank Fields group say that building on the fields would push "
            "floodwater straight into the village and flood dozens of homes every winter."
        ],
    )
    b.source(
        "campaign",
        "the Save Millbank Fields group",
        "named_organisation",
        ["Campaigners from the Save Millbank Fields group say"],
    )
    b.claim(
        "building on the fields would push floodwater straight into the village",
        "attributed",
        source="campaign",
    )
    (question,) = questions_of(b.build(), "find_sources")
    for who in ("group", "Campaigners"):
        assert score_answer(question, selected(question, who, "say")).score == 1, who
    assert score_answer(question, selected(question, "say")).score < 1


def test_find_sources_skips_a_paragraph_whose_only_words_outside_quotation_marks_are_the_answer() -> None:
    # '"... thirty words of quotation ...," she said': selecting everything outside the marks scored
    # 1.0 without reading (reviews 211 and 221).
    def asked(second: str) -> list[Question]:
        b = ArticleBuilder(
            "Curfew",
            [
                "The council voted for the curfew on Monday, the council said.",
                f'"{second} We have tried everything else and nothing has worked," said Rachel Owusu.',
            ],
        )
        b.source("council", "the council", "named_organisation", ["the council said"])
        b.source("owusu", "Rachel Owusu", "named_person", ["said Rachel Owusu"])
        return [q for q in questions_of(b.build(), "find_sources") if q.block == 2]

    assert asked("Families tell me they no longer feel safe here after dark.") == []
    b = ArticleBuilder(
        "Curfew",
        [
            "The council voted for the curfew on Monday, the council said.",
            "Rachel Owusu said families no longer felt safe after dark. "
            '"We have tried everything else and nothing has worked," she said.',
        ],
    )
    b.source("council", "the council", "named_organisation", ["the council said"])
    b.source("owusu", "Rachel Owusu", "named_person", ["Rachel Owusu said", "she said"])
    assert len([q for q in questions_of(b.build(), "find_sources") if q.block == 2]) == 1


def test_who_said_it_no_source_key_offers_nobody_who_opens_the_next_paragraph() -> None:
    # "waits of more than four hours are already common", the paragraph's last sentence, with "Figures
    # from NHS England show ... within four hours" opening the next: the figures on offer could be
    # defended (review 218, a fail). Across the paragraph break as within a paragraph (review 175).
    b = ArticleBuilder(
        "Unit",
        [
            "The unit will close at night from March, the hospital trust said. Nurse Ann Cole said staff "
            "were tired.",
            "The unit opened in 1998. Waits of more than four hours are already common.",
            "Figures from the health service show most patients were seen within four hours in January. "
            "Coach Lee Hart said he was sad.",
        ],
    )
    b.source("trust", "the hospital trust", "named_organisation", ["the hospital trust said"])
    b.claim("The unit opened in 1998", "unattributed")
    b.source(
        "figures",
        "the health service's figures",
        "document_or_data",
        ["Figures from the health service show"],
    )
    b.source("cole", "Ann Cole, a nurse", "named_person", ["Nurse Ann Cole said"])
    b.source("hart", "Lee Hart, a coach", "named_person", ["Coach Lee Hart said"])
    b.claim("Waits of more than four hours are already common", "unattributed")
    offered = [
        question.choices
        for seed in range(1, 30)
        for question in questions_of(b.build(), "who_said_it", seed)
        if "four hours are already" in question.prompt
    ]
    assert offered
    assert not any("the health service's figures" in choices for choices in offered)


def test_find_sources_lets_the_description_before_a_bodys_name_find_it() -> None:
    # "announced on Monday by the centre's owners, Castleway Properties": "announced" and "owners"
    # scored 0.5 (review 221, a fail).
    b = ArticleBuilder(
        "Curfew",
        [
            "Children under 16 will be banned after 7pm under new rules announced on Monday by the "
            "centre's owners, Castleway Properties.",
            "Castleway said the rule would be reviewed.",
        ],
    )
    b.source(
        "castleway",
        "Castleway Properties, the centre's owners",
        "named_organisation",
        ["announced on Monday by the centre's owners, Castleway Properties", "Castleway said"],
    )
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    for who in ("owners", "Castleway", "Castleway Properties"):
        assert score_answer(question, selected(question, "announced", who)).score == 1, who
    assert score_answer(question, selected(question, "announced")).score < 1


def test_statement_kind_skips_a_prediction_people_fear_or_expect() -> None:
    # "campaigners fear the 'temporary' closure is the first step towards shutting the unit for good",
    # marked a prediction: what people fear is what they think, so "an opinion" could be defended
    # (review 218), as a feared opinion could be a prediction (review 157).
    def asked(verb: str) -> list[Question]:
        b = ArticleBuilder(
            "Unit",
            [f'The unit will close at night. Campaigners {verb} the "temporary" closure is the end of it.'],
        )
        b.source("campaigners", "campaigners", "vague", [f"Campaigners {verb}"])
        b.claim("The unit will close at night", "unattributed", kind="observation")
        b.claim("the end of it", "attributed", source="campaigners", kind="prediction")
        return [q for q in questions_of(b.build(), "statement_kind") if "end of it" in q.prompt]

    assert asked("fear") == []
    assert asked("worry") == []
    # "the trust expects the new prices to raise a further £900,000" (review 228).
    assert asked("expect") == []
    assert asked("predict") == []
    # "I'm confident it will make our streets safer" (review 226, a fail): a stance after "be".
    assert asked("are confident") == []
    assert asked("are sure") == []
    assert len(asked("say")) == 1
    assert len(asked("say, with certain caveats,")) == 1
    # "for fear of losing her job, said she was left watching six machines": a noun, nobody's belief
    # about the claim (review 200).
    b = ArticleBuilder(
        "Tills",
        ["One worker, who asked not to be named for fear of losing her job, said she was left alone."],
    )
    b.source(
        "worker",
        "an unnamed worker",
        "anonymous",
        ["One worker, who asked not to be named for fear of losing her job, said"],
    )
    b.claim("she was left alone", "attributed", source="worker", kind="observation")
    assert len(questions_of(b.build(), "statement_kind")) == 1


def test_how_to_check_needs_a_real_step_in_the_wrong_place_beside_a_record_or_an_outlet() -> None:
    # "Find the Hartwell Echo's own report of it" beside "Nothing: the Hartwell Echo reported it",
    # "Read the article again" and "See how many people have shared it": the only real step, found
    # without the article (review 225, a fail; review 224).
    def asked(*more: str) -> list[Question]:
        b = ArticleBuilder(
            "Dogs",
            [
                "Its chair, Gwen Pryce, told the Hartwell Echo that Westmere brought in licences in 2019 "
                "and has seen no fall in bites since.",
                *more,
            ],
        )
        b.source("echo", "the Hartwell Echo", "news_outlet", ["the Hartwell Echo"])
        b.source("pryce", "Gwen Pryce", "named_person", ["Its chair, Gwen Pryce, told"], via="echo")
        b.claim(
            "Westmere brought in licences in 2019 and has seen no fall in bites since",
            "attributed",
            source="pryce",
        )
        if more:
            mention = more[0].split(" found")[0]
            b.source("study", mention.replace("A study", "the study"), "document_or_data", [mention])
        return questions_of(b.build(), "how_to_check")

    assert asked() == []
    # A record named elsewhere is a real check in the wrong place.
    (question,) = asked("A study by the Canine Behaviour Institute found most bites happen at home.")
    assert question.choices[question.answer[0]] == "Find the Hartwell Echo's own report of it"
    assert "Look at the original yourself: the study by the Canine Behaviour Institute" in question.choices
    # Not one whose name meets the claim's words: it could hold what the claim says.
    assert asked("A study of bites in Westmere found most happen at home.") == []


def test_a_quiz_keeps_apart_a_record_offered_as_the_wrong_place_and_a_question_on_its_claims() -> None:
    # "Look at the original yourself: official NHS figures published in October" offered as the wrong
    # place to check one claim, beside "How well supported: 'Hospital trusts in England made more than
    # £250 million from parking'", the figures' own claim: their names share no word (review 228).
    from app.domain.quiz_rules import conflicts

    article = unseen_article("review228.yaml")
    offered = "Look at the original yourself: official NHS figures published in October"
    check = next(
        q
        for seed in range(1, 20)
        for q in questions_of(article, "how_to_check", seed)
        if "£40 a week" in q.quote and offered in q.choices
    )
    (support,) = [q for q in questions_of(article, "support") if "£250 million" in q.quote]
    assert conflicts(check, support) and conflicts(support, check)


def test_statement_kind_skips_an_opinion_in_its_definitions_words_or_of_how_something_seemed() -> None:
    # "We just think this is the wrong place": "think" is the opinion's definition, a clue in the stem
    # (review 229); "the road was 'like driving on the moon'": what he saw and what he made of it
    # (review 232).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Roads", [f"Neighbour Gillian Marsh said {claim}."])
        b.source("marsh", "Gillian Marsh", "named_person", ["Neighbour Gillian Marsh said"])
        b.claim(claim, "attributed", source="marsh", kind="opinion")
        return questions_of(b.build(), "statement_kind")

    assert asked("we just think this is the wrong place") == []
    assert asked("the village feels far safer") == []
    assert asked("the old road was 'like driving on the moon'") == []
    assert asked("the old road felt as if it had been bombed") == []
    # An argument by comparison is a view only.
    assert len(asked("blaming scooters for bad riding is like blaming roads for bad driving")) == 1
    assert len(asked("this is the wrong place")) == 1


def test_up_to_is_a_rough_size_only_before_an_amount() -> None:
    # "more than 150 volunteers had signed up to sell tickets": the audit asked for "up to" as a cue,
    # and "how well supported" skipped the claim as hedged (review 231).
    assert _hedge_hits("More than 150 volunteers had signed up to sell tickets.") == []
    assert _hedge_hits("People who had signed up to the newsletter answered.") == []
    assert _hedge_hits("The works could cost up to £40,000.") == ["could", "up to"]
    assert _hedge_hits("Delays of up to a week are expected.") == ["up to"]
    assert _hedge_hits("The plan could cut up to 400 jobs.") == ["could", "up to"]


def test_counted_reports_and_claims_for_money_are_no_attribution() -> None:
    # "Reports of potholes ... have risen", "drivers claiming compensation", "patched when they are
    # reported", "pothole claims are rising" (review 232); "the questions only asked about books"
    # (review 233): the audit asked the teacher to mark them, and their paragraphs lost "find the sources".
    assert _attribution_hits("Reports of potholes on the roads have risen by a fifth.") == []
    assert _attribution_hits("The number of drivers claiming compensation has doubled.") == []
    assert _attribution_hits("Quiet lanes are only patched when they are reported.") == []
    assert _attribution_hits("Insurers say pothole claims are rising.") == ["say"]
    assert _attribution_hits("She said the questions only asked about books.") == ["said"]
    # Still attributions.
    assert _attribution_hits("The council claims residents were consulted.") == ["claims"]
    assert _attribution_hits("He claimed the results were fake.") == ["claimed"]
    assert _attribution_hits("It was reported that the mayor would resign.") == ["reported"]
    assert _attribution_hits("Police reports show a rise.") == ["reports", "show"]


def test_how_to_check_offers_no_other_record_of_the_same_owner_as_the_wrong_place() -> None:
    # "Look at the original yourself: the charity's published accounts" as the wrong place to check
    # "the charity has set aside £18,000 for emergencies", from its business plan: the accounts may be
    # the better check (review 231).
    def wrong_places(other: str) -> list[str]:
        b = ArticleBuilder(
            "Cinema",
            [
                "According to the charity's business plan, £18,000 has been set aside for emergencies.",
                f"{other} show that the building cost £310,000 to repair.",
            ],
        )
        b.source(
            "plan",
            "the charity's business plan",
            "document_or_data",
            ["According to the charity's business plan"],
        )
        b.source("other", other[0].lower() + other[1:], "document_or_data", [f"{other} show"])
        b.claim("£18,000 has been set aside for emergencies", "attributed", source="plan")
        return [
            c
            for q in questions_of(b.build(), "how_to_check")
            for i, c in enumerate(q.choices)
            if i not in q.answer and c.startswith("Look at the original")
        ]

    assert wrong_places("The charity's published accounts") == []
    # Nor a record the same owner's noun names ("a council report" beside "the council's figures",
    # review 235, a fail).
    assert wrong_places("The charity report on the building") == []
    assert wrong_places("The council's grant records") == [
        "Look at the original yourself: the council's grant records"
    ]
    # "the charity's" may be the owner a name gives in full: "Ashcombe Town Council's waiting-list
    # figures" beside "the council's draft allotment rules" (review 238).
    assert wrong_places("Hartley Charity's annual accounts") == []
    # Two names are two owners unless they share the name itself: "Swim England's guidance" beside
    # "NHS England's workforce figures" is left to the name check.


def test_how_to_check_the_key_names_no_more_of_the_claim_than_the_wrong_place() -> None:
    # "Ashcombe's allotment waiting list has grown to six years": the key "Ashcombe Town Council's
    # waiting-list figures" shares three of its words, the wrong place "the National Allotment
    # Society's 2023 survey" one, so matching words finds the key without reading (review 238, a fail).
    def asked(record: str, other: str) -> list[Question]:
        b = ArticleBuilder(
            "Allotments",
            [
                f"Ashcombe's allotment waiting list has grown to six years, according to {record}.",
                f"{other[0].upper() + other[1:]} found that half of towns offer small plots.",
            ],
        )
        b.source("figures", record, "document_or_data", [f"according to {record}"])
        b.source("survey", other, "document_or_data", [f"{other[0].upper() + other[1:]} found"])
        b.claim("Ashcombe's allotment waiting list has grown to six years", "attributed", source="figures")
        return questions_of(b.build(), "how_to_check")

    assert (
        asked("Ashcombe Town Council's waiting-list figures", "a survey by the National Allotment Society")
        == []
    )
    # As many of the claim's words in each name: the names tell nothing.
    assert len(asked("the town council's figures", "a survey by the National Allotment Society")) == 1


def test_how_to_check_asks_nothing_about_a_motive_told_to_a_paper() -> None:
    # "the real reason was money", told to the Castlebridge Courier, beside "Look at the original
    # yourself: FitNation's annual report", which the next paragraph uses on that very point: a motive
    # is a reading of the facts (review 234, a fail).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Gym",
            [f"One member of staff told the Castlebridge Courier that {claim}.", OTHER_RECORD],
        )
        b.source("courier", "the Castlebridge Courier", "news_outlet", ["the Castlebridge Courier"])
        b.source(
            "worker", "an unnamed member of staff", "anonymous", ["One member of staff told"], via="courier"
        )
        add_other_record(b)
        b.claim(claim, "attributed", source="worker")
        return questions_of(b.build(), "how_to_check")

    assert asked("the real reason was money") == []
    assert asked("the branch closed because staff would not work nights") == []
    assert len(asked("the branch had been broken into twice")) == 1


def test_find_sources_costs_nothing_for_who_made_a_record_after_its_mention() -> None:
    # "according to a new study from researchers at Northfield University", with "according to a
    # new study" marked: selecting who made the study as well scored 0.85, though it says who the
    # information comes from as surely as "study" does (practice-phones-sleep.yaml).
    b = ArticleBuilder(
        "Phones and Sleep",
        [
            "Teenagers may lose an hour of sleep a night, according to a new study from researchers at "
            "Northfield University. Parents were not surprised.",
            "The head said it was worrying.",
        ],
    )
    b.source("study", "the Northfield study", "document_or_data", ["according to a new study"])
    b.source("head", "the head", "named_person", ["The head said"])
    b.claim("Teenagers may lose an hour of sleep a night", "hedged", source="study", cues=["may"])
    b.claim("Parents were not surprised", "unverified")
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    whole = ["according to a new study from researchers at Northfield University"]
    assert score_answer(question, selected(question, *whole)).score == 1
    assert score_answer(question, selected(question, "according to a new study")).score == 1
    # Only who made it, and only right after the record: the next sentence still costs.
    assert score_answer(question, selected(question, *whole, "Parents were not surprised")).score < 1


def test_who_said_it_offers_only_people_for_a_persons_words_about_himself() -> None:
    # "Tom Ashby ... said he had 'never had so much as a sniffle'": the stem shows only "never had so
    # much as a sniffle", and a trust that never had a sniffle was on offer (review 247).
    b = ArticleBuilder(
        "River Swimming",
        [
            "The Wenn Valley Trust said the water was clean on dry days.",
            "Lisa Moran said she would keep her children out of the river.",
            'Tom Ashby, who swims every morning, said he had "never had so much as a sniffle" from the '
            "river.",
        ],
    )
    b.source("trust", "the Wenn Valley Trust", "named_organisation", ["The Wenn Valley Trust said"])
    b.source("moran", "Lisa Moran", "named_person", ["Lisa Moran said"])
    b.source("ashby", "Tom Ashby", "named_person", ["Tom Ashby, who swims every morning, said"])
    b.claim("the water was clean on dry days", "attributed", source="trust")
    b.claim("never had so much as a sniffle", "attributed", source="ashby")
    for seed in range(1, 6):
        (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if "sniffle" in q.prompt]
        assert question.choices[question.answer[0]] == "Tom Ashby"
        assert "the Wenn Valley Trust" not in question.choices


def test_who_said_it_offers_only_people_for_the_second_verb_of_a_reported_he() -> None:
    # "Amir Hussain ... said he had been sceptical at first but now found it easier to revise": the
    # claim starts at "now found", its subject "he" before it; a company was on offer (review 268).
    def choices(second: str) -> list[str]:
        b = ArticleBuilder(
            "Phone Pouches",
            [
                "LockSafe Education said the pouches were used in 40 schools.",
                "Sarah Mitchell said pupils felt cut off from their families.",
                f"Amir Hussain, 16, said he had been sceptical at first but {second}.",
            ],
        )
        b.source("locksafe", "LockSafe Education", "named_organisation", ["LockSafe Education said"])
        b.source("mitchell", "Sarah Mitchell", "named_person", ["Sarah Mitchell said"])
        b.source("amir", "Amir Hussain", "named_person", ["Amir Hussain, 16, said"])
        b.claim("the pouches were used in 40 schools", "attributed", source="locksafe")
        b.claim(second, "attributed", source="amir")
        offered = []
        for seed in range(1, 6):
            (question,) = [q for q in questions_of(b.build(), "who_said_it", seed) if second in q.prompt]
            assert question.answer_text == ["Amir Hussain"]
            offered += question.choices
        return offered

    assert "LockSafe Education" not in choices("now found it easier to revise at lunchtime")
    # A clause with a subject of its own is not his: the company stays a fair choice.
    assert "LockSafe Education" in choices("the pouches cost the school far too much")
    assert "LockSafe Education" in choices("most of them were used in 40 schools")


def test_a_group_said_to_be_frightened_is_a_groups_view_not_the_speakers_finding() -> None:
    # "Callum Reid ... said families were frightened of being caught without a way off the island":
    # the feeling is the families', passed on by him, so "a source the article names" could be argued
    # (review 253). A writer's own "Regulars are furious" is still the writer's claim, with no source.
    b = ArticleBuilder(
        "Ferry Cuts",
        [
            "Callum Reid, a fisherman, said families were frightened of being cut off in winter.",
            "Regulars are furious. The ferry company said the route lost money.",
        ],
    )
    b.source("reid", "Callum Reid", "named_person", ["Callum Reid, a fisherman, said"])
    b.source("company", "the ferry company", "named_organisation", ["The ferry company said"])
    b.claim("families were frightened of being cut off in winter", "attributed", source="reid")
    b.claim("Regulars are furious", "unattributed")
    b.claim("the route lost money", "attributed", source="company")
    article = b.build()
    for kind in ("support", "who_said_it"):
        assert not any("frightened" in q.quote for q in questions_of(article, kind)), kind
    assert any("furious" in q.quote for q in questions_of(article, "support"))

    # "his customers were already worried about higher fares", from one taxi driver (review 267).
    def fares(claim: str) -> Article:
        b = ArticleBuilder(
            "Fares",
            [f"Derek Lyle, a taxi driver, said {claim}.", "The ferry company said the route lost money."],
        )
        b.source("lyle", "Derek Lyle", "named_person", ["Derek Lyle, a taxi driver, said"])
        b.source("company", "the ferry company", "named_organisation", ["The ferry company said"])
        b.claim(claim, "attributed", source="lyle")
        b.claim("the route lost money", "attributed", source="company")
        return b.build()

    worried = fares("his customers were already worried about fares")
    assert not any("customers" in q.quote for q in questions_of(worried, "support"))
    paying = fares("his customers were already paying higher fares")
    assert any("customers" in q.quote for q in questions_of(paying, "support"))
    # "the decision had left families 'heartbroken'", from the club's chairman (review 301).
    left = fares('the decision had left families "heartbroken"')
    assert not any("families" in q.quote for q in questions_of(left, "support"))
    made = fares("the cuts had made his customers feel angry")
    assert not any("customers" in q.quote for q in questions_of(made, "support"))
    left_town = fares("the cuts had left families without a bus")
    assert any("families" in q.quote for q in questions_of(left_town, "support"))


def test_find_framing_is_not_asked_where_the_quoted_words_alone_find_a_so_called_span() -> None:
    # 'a so-called "digital revolution"', the paragraph's only quotation: selecting the quoted words
    # scored 1.0 without reading, though "so-called" stands outside the marks (review 251).
    b = ArticleBuilder(
        "Tablets",
        [
            "Every pupil will swap paper textbooks for tablets from September, the school confirmed, in a "
            'so-called "digital revolution" that has split parents.'
        ],
    )
    b.framing_complete = {1}
    b.frame('so-called "digital revolution"', "scare_quotes", note="The marks doubt the school's words.")
    assert questions_of(b.build(), "find_framing") == []


def test_the_most_likely_of_a_comparison_is_no_hedge_but_most_likely_alone_is() -> None:
    # "young people in the South West were the most likely to have volunteered" compares regions; the
    # audit asked for "likely" as the claim's hedge (review 252).
    assert _hedge_hits("Young people in the South West were the most likely to have volunteered.") == []
    assert _hedge_hits("Girls were least likely to say they had no time.") == []
    assert _hedge_hits("The fire was most likely caused by a cigarette.") != []


def test_observation_or_opinion_is_not_asked_of_what_evidence_does_or_does_not_support() -> None:
    # 'told BBC Radio Hartley that the evidence "does not support a wholesale switch"': a reading of
    # evidence, so "observed and reported" could be defended beside "an opinion" (review 251).
    def asked(text: str, claim: str) -> list[Question]:
        b = ArticleBuilder("Tablets", [text])
        b.source("nandra", "Dr Priya Nandra", "named_person", ["Dr Priya Nandra told BBC Radio Hartley"])
        b.claim(claim, "attributed", source="nandra", kind="opinion")
        return questions_of(b.build(), "statement_kind")

    text = 'Dr Priya Nandra told BBC Radio Hartley that the evidence "does not support a wholesale switch".'
    assert asked(text, "does not support a wholesale switch") == []
    text = 'Dr Priya Nandra told BBC Radio Hartley that the plan "is a leap in the dark".'
    assert len(asked(text, "is a leap in the dark")) == 1


def test_find_sources_costs_nothing_for_how_a_record_came_out_after_its_mention() -> None:
    # "According to the trust's business case, published on its website last month, the switch could
    # save ...": selecting the participle phrase too scored 0.87 (review 251); "published on Monday"
    # was already free, by its capital.
    b = ArticleBuilder(
        "Tablets",
        [
            "According to the trust's business case, published on its website last month, the switch "
            "could save 45,000 pounds a year.",
            "The head said it was worth it.",
        ],
    )
    b.source(
        "case", "the trust's business case", "document_or_data", ["According to the trust's business case"]
    )
    b.source("head", "the head", "named_person", ["The head said"])
    b.claim("the switch could save 45,000 pounds a year", "hedged", source="case", cues=["could"])
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    phrase = "According to the trust's business case published on its website last month"
    assert score_answer(question, selected(question, phrase)).score == 1
    assert score_answer(question, selected(question, phrase, "the switch could save")).score < 1


def test_an_insistence_is_an_attribution() -> None:
    # "despite Dr Carver's insistence that money is not the reason": a careful student selects who
    # insists, and lost a ninth of the marks where the teacher had not marked it (review 254).
    assert _attribution_hits(
        "The unit will close, despite Dr Carver's insistence that money is not the reason."
    ) == ["insistence"]
    assert _attribution_hits("He gave assurances that no jobs would go.") == ["assurances"]


def test_who_said_it_offers_no_outlet_that_only_passed_words_on_for_a_body_speaking_of_itself() -> None:
    # "it expected to sell the first houses in 2027", from the developer: the Echo, which only passed
    # on an officer's words, sells no houses, and no reader would pick it (review 257).
    b = ArticleBuilder(
        "Homes",
        [
            "One council officer, who asked not to be named, told the Kennet Valley Echo that the plans "
            "were rushed.",
            "The Save Lenn Meadows campaign said it would ask for a public inquiry.",
            "Residents said the meadow floods. Harrowgate Developments said it expected to sell the first "
            "houses in 2027.",
        ],
    )
    b.source("officer", "an unnamed council officer", "anonymous", ["One council officer"], via="echo")
    b.source("echo", "the Kennet Valley Echo", "news_outlet", ["told the Kennet Valley Echo"])
    b.source(
        "campaign",
        "the Save Lenn Meadows campaign",
        "named_organisation",
        ["The Save Lenn Meadows campaign said"],
    )
    b.source("residents", "residents", "vague", ["Residents said"])
    b.source("harrowgate", "Harrowgate Developments", "named_organisation", ["Harrowgate Developments said"])
    b.claim("the plans were rushed", "attributed", source="officer")
    b.claim("it would ask for a public inquiry", "attributed", source="campaign")
    b.claim("the meadow floods", "attributed", source="residents")
    b.claim("it expected to sell the first houses in 2027", "attributed", source="harrowgate")
    asked = [
        question
        for seed in range(1, 6)
        for question in questions_of(b.build(), "who_said_it", seed)
        if "sell the first houses" in question.quote
    ]
    assert asked
    assert not any("the Kennet Valley Echo" in question.choices for question in asked)


def test_how_well_supported_is_not_asked_of_government_figures_that_name_no_record() -> None:
    # "according to government figures", named by the teacher "government figures on reading at the
    # end of primary school": the "of" far after the record word had read as an owner, so "a source
    # the article names" was the key, where "unnamed or vague" is as defensible (review 255).
    def asked(name: str) -> list[Question]:
        b = ArticleBuilder(
            "Reading",
            [
                "Nearly one in four children left primary school behind in reading, according to "
                "government figures."
            ],
        )
        b.source("figures", name, "document_or_data", ["according to government figures"])
        b.claim(
            "Nearly one in four children left primary school behind in reading",
            "attributed",
            source="figures",
        )
        return questions_of(b.build(), "support")

    assert asked("government figures on reading at the end of primary school") == []
    assert len(asked("figures published by the Department for Education")) == 1


def test_find_sources_a_who_clause_after_a_role_says_who_the_speaker_is_too() -> None:
    # "said Tom Gallagher, 67, a retired civil engineer who has lived on Mill Lane for 30 years and
    # chairs the Save Lenn Meadows campaign": too long for one description, so none of it was free,
    # and the role with its "who" clause cost 22 % (review 257). Now it is free up to the "and".
    text = (
        '"The fields flood every winter," said Tom Gallagher, 67, a retired civil engineer who has lived '
        "on Mill Lane for 30 years and chairs the Save Lenn Meadows campaign. The council said the homes "
        "were safe."
    )
    b = ArticleBuilder("Meadow", [text])
    b.source("gallagher", "Tom Gallagher", "named_person", ["said Tom Gallagher"])
    b.source("council", "the council", "named_organisation", ["The council said"])
    b.claim("The fields flood every winter", "attributed", source="gallagher")
    b.claim("the homes were safe", "attributed", source="council")
    (question,) = questions_of(b.build(), "find_sources")
    described = "said Tom Gallagher 67 a retired civil engineer who has lived on Mill Lane for 30 years"
    assert score_answer(question, selected(question, described, "The council said")).score == 1
    # A shorter one goes on past an "and" before a verb of role: "and chairs the campaign".
    b = ArticleBuilder(
        "Meadow", [text.replace("civil engineer", "engineer").replace("Save Lenn Meadows ", "")]
    )
    b.source("gallagher", "Tom Gallagher", "named_person", ["said Tom Gallagher"])
    b.source("council", "the council", "named_organisation", ["The council said"])
    b.claim("The fields flood every winter", "attributed", source="gallagher")
    b.claim("the homes were safe", "attributed", source="council")
    (question,) = questions_of(b.build(), "find_sources")
    described = "said Tom Gallagher 67 a retired engineer who has lived on Mill Lane for 30 years and "
    described += "chairs the campaign"
    assert score_answer(question, selected(question, described, "The council said")).score == 1


def test_at_risk_after_a_verb_that_puts_someone_there_is_no_hedge() -> None:
    # "the move will put mothers' lives at risk": endangering is what it says; the audit asked the
    # teacher to list "at risk" as the claim's cue (review 254). "Jobs are at risk" still doubts.
    assert _hedge_hits("Staff warn the move will put mothers' lives at risk.") == []
    assert _hedge_hits("The cuts leave the people most at risk with nowhere to turn.") == []
    assert _hedge_hits("Up to forty jobs are at risk.") == ["Up to", "at risk"]


def test_could_not_is_no_hedge() -> None:
    # "the council could not refuse the application": what it was unable to do, a fact; the audit
    # asked the teacher to list "could" as a cue (review 257).
    assert _hedge_hits("Officers said the council could not refuse the application.") == []
    assert _hedge_hits("The figures could not show that the ban caused the rise.") == []
    assert _hedge_hits("The homes could flood every winter.") == ["could"]


def test_what_someone_should_have_done_or_was_asked_not_to_do_is_no_attribution() -> None:
    # "the school should have warned families", "were asked not to tell families", "questions about
    # the claim": nobody there reports anything, and each kept "find the sources" off its paragraph
    # (review 259).
    assert _attribution_hits("Some parents say the school should have warned families weeks ago.") == ["say"]
    assert _attribution_hits("Staff were asked not to tell families.") == []
    assert _attribution_hits("The academy did not respond to questions about the claim.") == []
    assert _attribution_hits("They claim the school knew.") == ["claim"]


def test_headline_check_is_asked_where_the_body_shares_only_a_word_of_when() -> None:
    # "Will Run Dry by August" beside "Every drop we save now is a drop we will have in August":
    # "Run" and "Dry" are too short to match, so the shared "August" alone kept the headline, the
    # article's main lesson, out of every quiz (review 260).
    b = ArticleBuilder(
        "Reservoirs Will Run Dry by August as Firm Bans Hosepipes",
        [
            "The firm banned hosepipes on Friday, the company said.",
            '"Every drop we save now is a drop we will have in August," a councillor said.',
        ],
    )
    b.frame(b.span("Will Run Dry by August", block=0), "headline_body_mismatch", note="Nobody says so.")
    assert len(questions_of(b.build(), "headline_check")) == 1


def test_words_that_report_nobody_are_no_attribution() -> None:
    # Nobody speaks in these, yet each kept "find the sources" off its paragraph and the audit asked
    # the teacher to annotate it (reviews 257, 262, 263, 265).
    for text in (
        'Rents had "already gone through the roof" since the plans were announced.',
        "The closure date has not yet been confirmed.",
        'She said visitors already asked to use her toilet "twenty or thirty times a day".',
        "Families have not been told what happens to the recordings.",
        "Parents were never told how long the footage is kept.",
    ):
        assert [hit for hit in _attribution_hits(text) if hit != "said"] == [], text
    # Still attributions: a passive with who reported it, or what was announced after it, and an
    # active report.
    assert _attribution_hits("The plans were announced by the council on Monday.") == ["announced"]
    assert _attribution_hits("It was announced that the pool will close.") == ["announced"]
    assert _attribution_hits("Parents were told that the footage is deleted.") == ["told"]
    assert _attribution_hits("She asked whether the footage is deleted.") == ["asked"]


def test_not_everyone_is_no_sweeping_framing_word() -> None:
    # "Not everyone is convinced" was read as an unmarked loaded word and kept "find the framing" off
    # its paragraph (review 263); "everyone" alone still sweeps.
    from app.domain.passage import ArticleReading

    def loaded(text: str) -> list[str]:
        reading = ArticleReading(ArticleBuilder("Headline", [text]).build(), VOCABULARY)
        return [" ".join(reading.blocks[1].words[s:e]) for s, e in reading.loaded_hits(1)]

    assert loaded("Not everyone is convinced by the plan.") == []
    assert loaded("Everyone is furious about the plan.") == ["Everyone", "furious"]


def test_requests_things_passed_round_and_records_not_yet_made_are_no_attribution() -> None:
    # Each kept a question off its paragraph (review 271).
    for text in (
        "The charity asked young people aged 14 to 17 to fill in an online form.",
        "The form was shared through schools and youth clubs.",
        "The sauna suite, which was added when the centre was refurbished, is closing.",
        "Residents had been given no chance to have their say before the vote.",
        "Every member will get a say in the decision.",
        "Whether the next survey shows the same picture remains to be seen.",
    ):
        assert _attribution_hits(text) == [], text
    assert _attribution_hits("She asked whether the council planned to close the pool.") == ["asked"]
    assert _attribution_hits("Residents say the vote came too soon.") == ["say"]
    assert _attribution_hits("The figures were shared by the council.") == ["shared"]
    reported = _attribution_hits("The next survey, the charity says, shows the same picture.")
    assert reported == ["says", "shows"]


def test_find_sources_is_not_asked_where_the_words_outside_quotation_marks_nearly_are_the_key() -> None:
    # Selecting every word outside the marks, "the plan made sense" too, scored 0.86 without telling
    # an attribution from what it reports (review 270).
    def asked(reported: str) -> list[Question]:
        b = ArticleBuilder(
            "Stroke Unit",
            [
                "Sandra Bell, who runs a cafe opposite St Anne's in Harrowfield, said "
                f'{reported}. "We have been waiting years for proper stroke care on this side of the '
                'county," she said.'
            ],
        )
        b.source(
            "bell",
            "Sandra Bell, a cafe owner",
            "named_person",
            ["Sandra Bell, who runs a cafe opposite St Anne's in Harrowfield, said", "she said"],
        )
        b.claim(reported, "attributed", source="bell")
        return questions_of(b.build(), "find_sources")

    assert asked("the plan made sense") == []
    # With more reported speech outside the marks, taking it all with the attributions costs enough.
    assert (
        len(asked("the plan made sense because patients would be seen by a specialist within the hour")) == 1
    )


def test_who_speaks_is_never_a_preposition_or_participle_after_the_speakers_noun() -> None:
    # "Residents living beside Hollinbrook's new skate park say": the key words were "beside" and
    # "say", and "Residents say" scored a half (review 276).
    b = ArticleBuilder(
        "Skate Park",
        [
            "Residents living beside Hollinbrook's new skate park say the clatter of boards has turned "
            "their evenings into a nightmare."
        ],
    )
    b.source(
        "residents",
        "residents living beside the park",
        "vague",
        ["Residents living beside Hollinbrook's new skate park say"],
    )
    b.claim(
        "the clatter of boards has turned their evenings into a nightmare", "attributed", source="residents"
    )
    [question] = questions_of(b.build(), "find_sources")
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["Residents", "say"]
    assert score_answer(question, selected(question, "Residents", "say")).score == 1.0


def test_does_not_say_is_not_the_key_beside_only_sources_described_by_what_they_are_about() -> None:
    # "Anyone caught breaking the rules can be fined £1,000" against an unnamed engineer and two
    # sets of figures: none could have set a fine, so the key was found by elimination (review 275).
    def asked(second_speaker: tuple[str, str, str]) -> list[Question]:
        name, kind, said = second_speaker
        b = ArticleBuilder(
            "Hosepipe Ban",
            [
                "Anyone caught breaking the rules can be fined £1,000.",
                "The ban starts on Friday and covers the whole county.",
                "Rainfall was 52 per cent of the average, according to the Environment Agency's drought "
                "report.",
                "Leaks lose 90 million litres a day, according to the figures the company sent to Ofwat.",
                f"Some leaks sit there for weeks, {said}.",
            ],
        )
        b.claim("Anyone caught breaking the rules can be fined £1,000", "unattributed")
        b.source(
            "report",
            "the Environment Agency's drought report",
            "document_or_data",
            ["according to the Environment Agency's drought report"],
        )
        b.claim("Rainfall was 52 per cent of the average", "attributed", source="report")
        b.source(
            "figures",
            "the leakage figures sent to Ofwat",
            "document_or_data",
            ["according to the figures the company sent to Ofwat"],
        )
        b.claim("Leaks lose 90 million litres a day", "attributed", source="figures")
        b.source("speaker", name, kind, [said])
        b.claim("Some leaks sit there for weeks", "attributed", source="speaker")
        return [q for q in questions_of(b.build(), "who_said_it") if q.quote.startswith("Anyone")]

    assert asked(("an unnamed engineer", "anonymous", "one engineer said")) == []
    [question] = asked(("Tom Baxter", "named_person", "said Tom Baxter"))
    assert question.choices[question.answer[0]] == "The article does not say"


def test_statement_kind_skips_a_view_set_beside_a_checkable_fact() -> None:
    # "the council is quietly gutting a vital service while finding £40,000 for new Christmas
    # lights": "observed" could be defended for the money (review 274).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Library Hours", [f"Campaigners say {claim}."])
        b.source("campaigners", "campaigners", "vague", ["Campaigners say"])
        b.claim(claim, "attributed", source="campaigners", kind="opinion")
        return questions_of(b.build(), "statement_kind")

    assert asked("the council is quietly gutting a vital service while finding £40,000 for lights") == []
    assert len(asked("the council is quietly gutting a vital service")) == 1


def test_support_skips_a_record_the_text_gives_no_owner() -> None:
    # "according to figures released under a freedom of information request": the teacher named them
    # "the council's complaint figures", the text names nobody (review 276).
    def asked(mention: str) -> list[Question]:
        b = ArticleBuilder(
            "Skate Park",
            [f"The council has had 47 noise complaints about the park since June, {mention}."],
        )
        b.source("figures", "the council's complaint figures", "document_or_data", [mention])
        b.claim("47 noise complaints about the park since June", "attributed", source="figures")
        return questions_of(b.build(), "support")

    assert asked("according to figures released under a freedom of information request") == []
    assert len(asked("according to figures released by the council")) == 1


def test_find_framing_asks_for_words_that_say_more_only_where_some_are_marked() -> None:
    # The instruction asked for words "that say more than the facts show" in a paragraph where none
    # were marked, inviting an unsourced "thousands of hungry children" (review 277).
    def prompt(technique: str) -> str:
        b = ArticleBuilder(
            "Breakfast Clubs",
            ["Thousands of hungry children are left to struggle through the morning on empty stomachs."],
        )
        b.frame("left to struggle", technique)
        b.framing_complete.add(1)
        [question] = questions_of(b.build(), "find_framing")
        return question.prompt

    assert prompt("loaded_language") == (
        "Select the framing in paragraph 1: the words chosen to push the reader towards a view."
    )
    assert prompt("exaggeration_minimisation").endswith("or that say more than the facts show.")


def test_who_said_it_offers_no_private_person_for_a_records_measurement() -> None:
    # "sound levels at the nearest houses averaged 52 decibels", from a noise survey: a 15-year-old
    # skater on offer was no real choice (review 276).
    b = ArticleBuilder(
        "Skate Park",
        [
            "Sound levels at the nearest houses averaged 52 decibels in the evenings, according to the "
            "Marsh Acoustics study.",
            "The 2022 planning report set a minimum gap of 100 metres.",
            '"We need somewhere to go," said Jayden Cole, 15. Councillor Dev Malhotra said the park was '
            "busy. One neighbour, who asked not to be named, said the noise was constant.",
        ],
    )
    b.source(
        "survey",
        "the Marsh Acoustics study",
        "document_or_data",
        ["according to the Marsh Acoustics study"],
    )
    b.claim(
        "Sound levels at the nearest houses averaged 52 decibels in the evenings",
        "attributed",
        source="survey",
    )
    b.source("report", "the 2022 planning report", "document_or_data", ["The 2022 planning report"])
    b.claim("set a minimum gap of 100 metres", "attributed", source="report")
    b.source("jayden", "Jayden Cole, a skater", "named_person", ["said Jayden Cole"])
    b.claim("We need somewhere to go", "attributed", source="jayden")
    b.source("malhotra", "Councillor Dev Malhotra", "named_official", ["Councillor Dev Malhotra said"])
    b.claim("the park was busy", "attributed", source="malhotra")
    b.source(
        "neighbour", "an unnamed neighbour", "anonymous", ["One neighbour, who asked not to be named, said"]
    )
    b.claim("the noise was constant", "attributed", source="neighbour")
    asked = [
        question
        for seed in range(1, 6)
        for question in questions_of(b.build(), "who_said_it", seed)
        if question.quote.startswith("Sound levels")
    ]
    assert asked
    for question in asked:
        assert "Jayden Cole" not in question.choices
        assert "an unnamed neighbour" not in question.choices


def test_a_reporting_noun_after_a_possessive_or_a_counted_noun_reports_nobody() -> None:
    # "11 of the unit's 34 midwife posts", "stopped believing the trust's promises": nouns, and the
    # paragraphs lost their "find the sources" question to them (review 278).
    found = _attribution_hits("Eleven of the unit's 34 midwife posts are empty, the review found.")
    assert found == ["found"]
    assert _attribution_hits("Some parents say they have stopped believing the trust's promises.") == ["say"]
    assert _attribution_hits("The trust promises a review.") == ["promises"]
    # "two of the library's seven staff posts will go": a number written as a word (review 300).
    assert _attribution_hits("Two of the library's seven staff posts will go, the report says.") == ["says"]


def test_people_counted_as_responding_to_a_survey_report_nothing() -> None:
    # "the consultation report shows that 2,100 people responded and that 54 per cent opposed the
    # plan": respondents, not speakers (review 302).
    found = _attribution_hits("The report shows that 2,100 people responded and that most opposed the plan.")
    assert found == ["shows"]
    assert _attribution_hits("The council responded that the plan was sound.") == ["responded"]


def test_how_to_check_reads_how_a_document_was_seen_after_its_mention() -> None:
    # "according to a briefing document the company sent to store managers and seen by this
    # newspaper": the key told students to read a document they cannot see (review 279).
    def asked(sentence: str, mention: str) -> list[Question]:
        b = ArticleBuilder("Tills", [sentence, OTHER_RECORD])
        add_other_record(b)
        b.source("document", "Fairway's briefing document", "document_or_data", [mention])
        b.claim("each store will keep one staffed till", "attributed", source="document")
        return [q for q in questions_of(b.build(), "how_to_check") if "staffed" in q.quote]

    closed = (
        "Under the plan, each store will keep one staffed till, according to a briefing document the company "
        "sent to store managers and seen by this newspaper."
    )
    assert asked(closed, "according to a briefing document") == []
    # Words after a comma are about something else; the claim's own words are what it says.
    open_one = (
        "Under the plan, each store will keep one staffed till, according to a briefing document, and "
        "a private survey for this newspaper found shoppers liked it."
    )
    assert len(asked(open_one, "according to a briefing document")) == 1


def test_statement_kind_skips_a_claim_whose_note_calls_it_a_forecast() -> None:
    # "He is talking about what might happen, not what did", shown after the key "An opinion"
    # (review 281).
    def asked(note: str) -> list[Question]:
        b = ArticleBuilder(
            "Barbecues", ["Councillor Raj Kapoor said we cannot wait for someone to be killed."]
        )
        b.source("kapoor", "Councillor Raj Kapoor", "named_official", ["Councillor Raj Kapoor said"])
        b.claim(
            "we cannot wait for someone to be killed",
            "attributed",
            source="kapoor",
            kind="opinion",
            note=note,
        )
        return questions_of(b.build(), "statement_kind")

    assert asked("He is talking about what might happen, not what did.") == []
    assert len(asked("He says what the council ought to do.")) == 1


def test_show_up_reports_nobody() -> None:
    # "cash-in-hand jobs rarely show up in surveys": the audit asked the teacher to mark it, and the
    # paragraph lost its "find the sources" question (review 280).
    assert _attribution_hits("Cash-in-hand jobs rarely show up in surveys, youth workers say.") == ["say"]
    assert _attribution_hits("The figures show that jobs are scarce.") == ["show"]


def test_a_quiz_never_offers_the_same_record_twice_as_the_wrong_place_to_check() -> None:
    # "Look at the original yourself: the centre's new price list" beside two claims of one quiz
    # (review 278): the second time it reads as the decoy, and the key is found without the claim.
    from collections import Counter

    from app.domain.generate import build_quiz

    article = unseen_article("review136.yaml")
    offered = Counter(q.extra.get("offered_place") for q in questions_of(article, "how_to_check"))
    assert any(place is not None and count > 1 for place, count in offered.items())
    for seed in range(1, 11):
        places = [
            q.extra["offered_place"]
            for q in build_quiz(article, VOCABULARY, seed, length=12)
            if q.kind == "how_to_check" and "offered_place" in q.extra
        ]
        assert len(places) == len(set(places)), seed


def test_headline_check_counts_a_short_word_the_body_must_say_too() -> None:
    # "Axe 40%" beside "will withdraw or cut back 40 per cent": "Axe" was too short to match and was
    # dropped, so "40 per cent" alone said the same and the headline went unasked in every quiz; so
    # did "Before Ministers Act" beside any sentence naming ministers (reviews 284, 285).
    def asked(body: str) -> int:
        b = ArticleBuilder(
            "Moorline to Axe 40% of Rural Bus Routes",
            [body, "Passengers in Fellside said the cuts would hurt, a survey found."],
        )
        b.frame(b.span("Axe 40%", block=0), "headline_body_mismatch", note="Most routes only run less often.")
        return len(questions_of(b.build(), "headline_check"))

    assert asked("Moorline will withdraw or cut back 40 per cent of its rural routes, the company said.") == 1
    # Said in one of its forms, the short word is said: the article says the same.
    assert asked("Moorline will axe 40 per cent of its rural routes, the company said.") == 0
    assert asked("Moorline has axed 40 per cent of its rural routes, the company said.") == 0
    # Not the "m" of "£4m": a figure's unit is no word to look for.
    from app.domain.kinds.headline_check import _short_words

    assert _short_words("£4m Stage") == frozenset()
    assert _short_words("Before Ministers Act") == {"act"}


def test_who_said_it_is_not_asked_where_the_claim_speaks_of_the_speakers_colleagues() -> None:
    # 'many colleagues were "exhausted by Thursday"' from "an unnamed maths teacher": "colleagues"
    # says the speaker works beside them, and the one choice described as staff is the key (review 283).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Four-day week",
            [
                f"One maths teacher, who did not want to be named, said {claim}.",
                "Joanna Pryce, the head teacher, said the trial was going well.",
                "Mark Delaney, a parent, said his son was happier.",
                "The union said it had not been asked.",
                ANOTHER_UNNAMED_PARAGRAPH,
            ],
        )
        mention = "One maths teacher, who did not want to be named, said"
        b.source("teacher", "an unnamed maths teacher", "anonymous", [mention])
        b.source("pryce", "Joanna Pryce", "named_official", ["Joanna Pryce, the head teacher, said"])
        b.source("delaney", "Mark Delaney", "named_person", ["Mark Delaney, a parent, said"])
        b.source("union", "the union", "named_organisation", ["The union said"])
        b.claim(claim, "attributed", source="teacher")
        b.claim("the trial was going well", "attributed", source="pryce")
        b.claim("his son was happier", "attributed", source="delaney")
        b.claim("it had not been asked", "attributed", source="union")
        b.source(
            "librarian", "an unnamed librarian", "anonymous", ["A librarian, who asked not to be named, said"]
        )
        b.claim("evening staff would move to Saturday shifts instead", "attributed", source="librarian")
        return [q for q in questions_of(b.build(), "who_said_it") if q.extra.get("claim") == 0]

    assert asked('many colleagues were "exhausted by Thursday"') == []
    assert asked('lessons were "exhausting by Thursday"') != []


def test_who_said_it_keys_no_source_only_where_no_source_in_the_paragraph_gives_its_figure() -> None:
    # "Of the 25 routes affected, 11 will stop running altogether", stated with no source, then
    # "Moorline's published timetable changes show that the 11 routes being withdrawn carry about 7 per
    # cent": the timetable could be defended as where the 11 comes from (review 284).
    def asked(shown: str) -> list[Question]:
        b = ArticleBuilder(
            "Bus cuts",
            [
                "Of the 25 routes affected, 11 will stop running altogether. The other 14 will run on "
                "fewer days, mostly on market days. "
                f"Moorline's timetable changes show that {shown} carry about 7 per cent of passengers.",
                "Joan Mercer, 79, said the bus was her lifeline.",
                "Dr Nadia Kowalski, a researcher, said cuts of this kind were common.",
            ],
        )
        b.source(
            "timetable",
            "Moorline's timetable changes",
            "document_or_data",
            ["Moorline's timetable changes show"],
        )
        b.source("mercer", "Joan Mercer", "named_person", ["Joan Mercer, 79, said"])
        b.source("kowalski", "Nadia Kowalski", "named_person", ["Dr Nadia Kowalski, a researcher, said"])
        b.claim("Of the 25 routes affected, 11 will stop running altogether", "unattributed")
        b.claim(f"{shown} carry about 7 per cent of passengers", "attributed", source="timetable")
        b.claim("the bus was her lifeline", "attributed", source="mercer")
        b.claim("cuts of this kind were common", "attributed", source="kowalski")
        return [q for q in questions_of(b.build(), "who_said_it") if q.extra.get("claim") == 0]

    assert asked("the 11 routes being withdrawn") == []
    assert [list(q.answer_text) for q in asked("the routes being withdrawn")] == [
        ["The article does not say"]
    ]


def test_find_sources_lets_a_bodys_description_and_the_verb_after_it_cost_nothing() -> None:
    # "A report published on Monday by the Fair Plate Network, a charity that supports 90 food banks
    # across the region, found": the description and "found" cost a careful student 0.2 (review 285).
    b = ArticleBuilder(
        "Food banks",
        [
            "A report published on Monday by the Fair Plate Network, a charity that supports 90 food "
            "banks across the region, found that demand had risen by 38 per cent in a year. The "
            "charity's chief executive, Ruth Mensah, said the figures were a wake-up call."
        ],
    )
    b.source(
        "report",
        "the Fair Plate Network's report",
        "document_or_data",
        ["A report published on Monday by the Fair Plate Network"],
    )
    b.source("mensah", "Ruth Mensah", "named_person", ["Ruth Mensah, said"])
    b.claim("demand had risen by 38 per cent in a year", "attributed", source="report")
    b.claim("the figures were a wake-up call", "attributed", source="mensah")
    (question,) = questions_of(b.build(), "find_sources")
    whole = selected(
        question,
        "A report published on Monday by the Fair Plate Network a charity that supports 90 food banks "
        "across the region found",
        "Ruth Mensah said",
    )
    assert score_answer(question, whole).score == 1.0


def test_find_sources_lets_the_speaker_of_a_mention_marked_from_its_verb_cost_nothing() -> None:
    # "The company, which runs 62 routes outside the county's towns, said in a statement", marked
    # "said in a statement": "The company" cost marks (review 284).  Not "The ban" of "The ban,
    # announced in a letter, covers": that mention is the aside, and the ban says nothing.
    b = ArticleBuilder(
        "Bus cuts",
        [
            "The company, which runs 62 routes outside the county's towns, said in a statement that the "
            "changes were painful. Fuel costs had risen by a fifth in a year, the statement said.",
            "The ban, announced in a letter sent to families on Friday, covers any drink with added "
            "caffeine. Pupils caught with them will lose them, according to the letter.",
        ],
    )
    b.source(
        "moorline", "Moorline Buses", "named_organisation", ["said in a statement", "the statement said"]
    )
    b.source(
        "letter",
        "the school's letter",
        "document_or_data",
        ["announced in a letter sent to families", "according to the letter"],
    )
    b.claim("the changes were painful", "attributed", source="moorline")
    b.claim("Fuel costs had risen by a fifth in a year", "attributed", source="moorline")
    b.claim("Pupils caught with them will lose them", "attributed", source="letter")
    by_block = {q.block: q for q in questions_of(b.build(), "find_sources")}
    company = selected(by_block[1], "The company", "said in a statement", "the statement said")
    assert score_answer(by_block[1], company).score == 1.0
    assert not any(start == 0 for start, _ in by_block[2].extra.get("free", ()))


def test_how_to_check_never_offers_as_the_wrong_place_a_record_about_the_claims_subject() -> None:
    # "Look at the original yourself: Westshire Police's crime figures" beside "no rise in night-time
    # crime in Kelsey" (review 282), "the council's flood risk assessment" beside "the risk can be
    # managed" (review 288): each could hold the claim, a second defensible key.
    for name, quote, decoy in (
        ("review282.yaml", "no rise in night-time crime", "crime figures"),
        ("review181.yaml", "waited more than 12 hours", "waiting-time figures"),
        ("review257.yaml", "The meadows flooded", "flood map"),
    ):
        asked = [q for q in questions_of(unseen_article(name), "how_to_check") if quote in q.prompt]
        # Review 282's is no longer asked at all: "in Kelsey" met "the University of Westshire study of
        # Kelsey" more than the petition offered beside it (review 373's rule).
        assert asked or name == "review282.yaml", name
        assert not any(decoy in choice for q in asked for choice in q.choices), name


def test_caution_after_a_preposition_or_an_article_is_no_attribution() -> None:
    # "said the results should be treated with caution": the audit called "caution" an unmarked
    # attribution and the paragraph lost its "find the sources" question (review 287).
    assert _attribution_hits("She said the results should be treated with caution.") == ["said"]
    assert _attribution_hits("He added a note of caution about the figures.") == ["added"]
    assert _attribution_hits("Experts caution that the figures are early.") == ["caution"]


def test_knowing_passing_round_and_coming_into_view_are_no_attribution_or_hedge() -> None:
    # "hard to tell whether" (review 293), "was shared more than 12,000 times" (review 292) and
    # "comments had appeared under the post" (review 292) were named as unmarked attributions and
    # hedges, and kept "find the ..." questions off their paragraphs.
    assert _attribution_hits("It is hard to tell whether cafés have lost trade.") == []
    assert _attribution_hits("The post was shared more than 12,000 times.") == []
    assert _attribution_hits("The post was shared by the council on Monday.") == ["shared"]
    assert _attribution_hits("She told reporters the figures were wrong.") == ["told"]
    assert _hedge_hits("Dozens of furious comments had appeared under the post.") == []
    assert _hedge_hits("The lane appeared to cut traffic.") == ["appeared"]


def test_a_headline_verb_with_no_speaker_is_compared_with_the_article() -> None:
    # "Revealed: Council to Hand Rovers £30m": the lone "Revealed" was taken for words that only say
    # who speaks ("Scientists Say"), so the headline went unasked in every quiz (review 290).
    b = ArticleBuilder(
        "Revealed: Council to Hand Rovers £30m for New Stadium",
        [
            "The council is set to lend Rovers £30 million, a senior council source said.",
            "The council said no decision had been made.",
        ],
    )
    b.frame(b.span("Revealed", block=0), "headline_body_mismatch", note="One unnamed source says so.")
    assert len(questions_of(b.build(), "headline_check")) == 1


def test_a_name_in_a_framing_span_does_not_find_it() -> None:
    # "bumper year for shareholders while Brenham's taps sputtered": "Brenham's taps" earned full
    # marks, "bumper" half (review 291).  A name pushes nothing; the span's other words find it.
    article = unseen_article("review291.yaml")
    (question,) = [q for q in questions_of(article, "find_framing") if "bumper" in " ".join(q.words)]
    assert score_answer(question, selected(question, "Brenham's taps")).score < 1.0
    assert score_answer(question, selected(question, "bumper year")).score == 1.0


def test_observation_opinion_or_prediction_is_not_asked_where_the_note_speaks_of_checking_it() -> None:
    # "part of the rise is simply a return to normal", an opinion by its kind, with the note "The
    # article gives no numbers from before the pandemic to check it": the note argues it could be
    # counted, for "observed" (review 289).
    asked = [
        q
        for q in questions_of(unseen_article("review289.yaml"), "statement_kind")
        if "return to normal" in q.prompt
    ]
    assert asked == []


def test_headline_check_shows_the_whole_headline_where_a_hedge_stands_before_the_words() -> None:
    # 'The headline says "Bans"' of "Hollins Park Primary Reportedly Bans Packed Lunches": cut from
    # "Reportedly", the stem misquoted the headline as stating the ban (review 292).
    (question,) = questions_of(unseen_article("review292.yaml"), "headline_check")
    assert '"Hollins Park Primary Reportedly Bans Packed Lunches' in question.prompt


def test_how_well_supported_is_not_asked_of_a_speakers_own_mind_told_as_she() -> None:
    # "she had 'no reason to doubt it' at the time", keyed "A source the article names": only she
    # can know her reasons, so naming her supports nothing (review 292).
    asked = [
        q
        for q in questions_of(unseen_article("review292.yaml"), "support")
        if "no reason to doubt" in q.prompt
    ]
    assert asked == []


def test_a_leaning_adverb_is_not_needed_to_find_a_framing_span() -> None:
    # "yet another blow": "blow", the word that carries it, earned half of the span and "another
    # blow" no more: "yet" counted as a second meaning word (review 294).
    article = unseen_article("review294.yaml")
    (question,) = [q for q in questions_of(article, "find_framing") if "blow" in q.words]
    blow = selected(question, "blow")
    both = selected(question, "hard-pressed families battling soaring bills", "blow")
    assert score_answer(question, both).score == 1.0
    assert score_answer(question, blow).score == 0.5


def test_no_source_is_not_the_key_where_a_person_who_may_be_one_of_the_claims_people_speaks_next() -> None:
    # "The plan has angered many residents" (review 294) and "For many teenagers, late-night
    # scrolling is simply part of life" (review 295), each followed by a named resident's or
    # teenager's quotation: "A source the article names" could be defended.  The people stood after
    # the claim's third word, or were not counted as people.
    for name, quote in (
        ("review294.yaml", "angered many residents"),
        ("review295.yaml", "For many teenagers"),
        # "Not every parent is against the change. Priya Desai, whose son ..., said" (review 302, a fail).
        ("review302.yaml", "Not every parent"),
        # "Local shopkeepers are split" before a named shopkeeper (review 330), "Not everyone is
        # convinced by the app" before a named critic (review 331, a fail).
        ("review330.yaml", "Local shopkeepers are split"),
        ("review331.yaml", "Not everyone is convinced"),
    ):
        article = unseen_article(name)
        for kind in ("who_said_it", "support"):
            assert not [q for q in questions_of(article, kind) if quote in q.prompt], (name, kind)


def test_headline_check_a_speakers_marked_exaggeration_does_not_back_the_headline() -> None:
    # "Teenagers Banned" beside Ryan Doyle's "They've basically banned being a teenager", which the
    # teacher marked as exaggeration: read as the article saying the same, the headline went unasked
    # in every quiz (review 330).
    (question,) = questions_of(unseen_article("review330.yaml"), "headline_check")
    assert '"Teenagers Banned"' in question.prompt


def test_like_of_a_simile_the_note_quotes_is_no_key_word() -> None:
    # "spread through the village like wildfire", the note quoting "Like wildfire": "like" was a key
    # word, so "wildfire" alone earned half the span (review 329).
    article = unseen_article("review329.yaml")
    (question,) = [q for q in questions_of(article, "find_framing") if q.block == 7]
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["wildfire"]
    assert score_answer(question, selected(question, "so-called", "wildfire")).score == 1


def test_a_sweeping_opener_the_note_quotes_is_the_key_of_its_span() -> None:
    # '"Every single shop" is a huge claim' of "every single shop in town would suffer": the key was
    # "single shop", and "every", the word doing the sweeping, found nothing (review 296).
    article = unseen_article("review296.yaml")
    (question,) = [q for q in questions_of(article, "find_framing") if q.block == 8]
    assert [" ".join(question.words[s:e]) for s, e in question.keys] == ["every"]


def test_whose_words_the_headline_quotes_keeps_the_figure_and_its_currency_sign() -> None:
    # 'The headline says "1,000 a Year"' of "£1,000 a Year", and Andrew Pryce, whose own quotation is
    # "the £1,000 figure is simply wrong", offered as a wrong answer (review 297).
    (question,) = questions_of(unseen_article("review297.yaml"), "headline_quote")
    assert '"£1,000 a Year"' in question.prompt
    for seed in range(1, 11):
        for asked in questions_of(unseen_article("review297.yaml"), "headline_quote", seed):
            assert "Andrew Pryce" not in asked.choices


def _find_sources_score(article: Article, block: int, *phrases: str) -> float:
    question = next(q for q in questions_of(article, "find_sources") if q.block == block)
    return score_answer(question, selected(question, *phrases)).score


def test_find_sources_a_branchs_body_named_further_on_finds_who() -> None:
    # "A spokesperson for the Hollinshire branch of the National Education Union said": the union's
    # name earned half (review 289).
    b = ArticleBuilder(
        "Exclusions",
        [
            "A spokesperson for the Hollinshire branch of the National Education Union said teachers "
            "were facing more violence than ever before in the county's classrooms.",
        ],
    )
    b.source(
        "union",
        "the Hollinshire branch of the National Education Union",
        "named_organisation",
        ["A spokesperson for the Hollinshire branch of the National Education Union said"],
    )
    b.claim("teachers were facing more violence than ever before", "attributed", source="union")
    article = b.build()
    assert _find_sources_score(article, 1, "National Education Union said") == 1.0
    assert _find_sources_score(article, 1, "spokesperson", "said") == 1.0
    assert _find_sources_score(article, 1, "Hollinshire branch", "said") == 1.0
    assert _find_sources_score(article, 1, "National Education Union") < 1.0


def test_find_sources_the_verb_of_said_she_feared_is_said() -> None:
    # "One neighbour on Mill Lane, who asked not to be named, said she feared": the key was
    # "feared", what she feels, not that she said it (review 288).
    b = ArticleBuilder(
        "Homes",
        [
            "One neighbour on Mill Lane, who asked not to be named, said she feared the extra cars "
            "would make the lane dangerous for children walking to school. The lane has no pavement "
            "for most of its length, and about 200 pupils use it every day on their way to school.",
        ],
    )
    b.source(
        "neighbour",
        "a neighbour on Mill Lane",
        "anonymous",
        ["One neighbour on Mill Lane, who asked not to be named, said she feared"],
    )
    b.claim("the extra cars would make the lane dangerous", "attributed", source="neighbour")
    b.claim("about 200 pupils use it every day", "unattributed")
    article = b.build()
    assert _find_sources_score(article, 1, "neighbour", "said") == 1.0
    assert _find_sources_score(article, 1, "neighbour", "said she feared") == 1.0


def test_find_sources_the_name_after_a_records_comma_finds_who() -> None:
    # "In a press release on Monday, Brightpage called": "Brightpage called" earned a quarter, as
    # "called" is no reporting word and the press release was the only key (review 287).
    b = ArticleBuilder(
        "Reading app",
        [
            "In a press release on Monday, Brightpage called the results a breakthrough for every child "
            "who struggles with reading and claimed the app could close the gap within a year.",
        ],
    )
    b.source(
        "release",
        "Brightpage's press release",
        "document_or_data",
        ["In a press release on Monday, Brightpage called", "claimed"],
    )
    b.claim("the app could close the gap within a year", "attributed", source="release")
    article = b.build()
    assert _find_sources_score(article, 1, "Brightpage called") == 1.0
    assert _find_sources_score(article, 1, "press release") == 1.0
    assert _find_sources_score(article, 1, "on Monday") < 1.0


def test_headline_check_a_plural_the_article_says_is_one_alone_says_more() -> None:
    # "Schools Ditch Pen and Paper" where one school does and "no other school had yet agreed to
    # follow": "after the school announced" was read as saying "Schools", so the headline's main
    # overstatement went unasked (review 298).
    def asked(last: str) -> list[Question]:
        b = ArticleBuilder(
            "Schools Ditch Pen and Paper for Homework",
            [
                "Handwritten homework will end at Castlebrook Academy after the school announced plans "
                "to move it online.",
                last,
            ],
        )
        b.frame("Schools", "headline_body_mismatch", note="Only one school has decided this.")
        return questions_of(b.build(), "headline_check")

    assert len(asked("But no other school has yet agreed to follow Castlebrook's lead.")) == 1
    assert len(asked("It is the only school in the county to do so.")) == 1
    assert asked("Two more schools in the county will follow in the spring.") == []


def test_how_well_supported_is_not_asked_of_a_headline_claim_the_body_sources() -> None:
    # "Marlow Factory Closure Could Cost 420 Jobs", keyed "Hedged by the writer, with no source",
    # above "could close ..., according to a consultation document" (review 303, a fail): what
    # supports a headline's claim is in the body.
    b = ArticleBuilder(
        "Factory Closure Could Cost 420 Jobs",
        [
            "The biscuit factory could close next year, according to a consultation document. It employs "
            "420 people.",
        ],
    )
    b.source(
        "document", "the consultation document", "document_or_data", ["according to a consultation document"]
    )
    b.claim(b.span("Factory Closure Could Cost 420 Jobs", block=0), "hedged", cues=["Could"])
    b.claim("The biscuit factory could close next year", "hedged", source="document", cues=["could"])
    b.claim("It employs 420 people", "unattributed")
    article = b.build()
    assert not [q for q in questions_of(article, "support") if q.focus and q.focus[0] == 0]


def test_find_sources_a_pronoun_and_second_verb_of_the_source_is_right_to_select_and_finds_the_verb() -> None:
    # "Safer Streets UK says towns ... have seen crashes fall, though it warns that results may take
    # years": "it warns", marked as a mention, scored nothing alone and the explanation left it out
    # (review 302, a fail).
    b = ArticleBuilder(
        "Limit",
        [
            "The road safety charity Safer Streets UK says towns that have switched to 20mph have seen "
            "serious crashes fall by around a fifth, though it warns that results may take two or three "
            "years to come through. The council is expected to review the limit next summer.",
        ],
    )
    b.source(
        "charity",
        "Safer Streets UK",
        "named_organisation",
        ["The road safety charity Safer Streets UK says", "it warns"],
    )
    b.claim(
        "towns that have switched to 20mph have seen serious crashes fall", "attributed", source="charity"
    )
    b.claim("results may take two or three years to come through", "attributed", source="charity")
    b.claim("The council is expected to review the limit next summer", "hedged", cues=["expected"])
    (question,) = [q for q in questions_of(b.build(), "find_sources") if q.block == 1]
    assert '"it warns"' in question.explanation
    assert score_answer(question, selected(question, "it warns")).score == 0.5
    assert score_answer(question, selected(question, "Safer Streets UK", "warns")).score == 1.0
    assert score_answer(question, selected(question, "Safer Streets UK says")).score == 1.0


def _corridors(*, second_unnamed: bool) -> Article:
    paragraphs = [
        "Joan Pryce, the trust's chief executive, said the new unit would open in March.",
        "Samuel Okoye, a governor, said waiting times were improving across the hospital.",
        "One nurse at the hospital, who asked not to be named, said patients were regularly being treated "
        'in corridors. "We are doing our best," she said.',
    ]
    if second_unnamed:
        paragraphs.append(
            "A porter, who did not want to be named, said the lifts had broken twice this week."
        )
    b = ArticleBuilder("Waits", paragraphs)
    b.source(
        "pryce",
        "Joan Pryce, the trust's chief executive",
        "named_person",
        ["Joan Pryce, the trust's chief executive, said"],
    )
    b.source("okoye", "Samuel Okoye, a governor", "named_person", ["Samuel Okoye, a governor, said"])
    b.source(
        "nurse",
        "an unnamed nurse at the hospital",
        "anonymous",
        ["One nurse at the hospital, who asked not to be named, said", "she said"],
    )
    b.claim("the new unit would open in March", "attributed", source="pryce")
    b.claim("waiting times were improving across the hospital", "attributed", source="okoye")
    b.claim("patients were regularly being treated in corridors", "attributed", source="nurse")
    b.frame("doing our best", "loaded_language", note="It asks you to feel for the staff.")
    if second_unnamed:
        b.source("porter", "an unnamed porter", "anonymous", ["A porter, who did not want to be named, said"])
        b.claim("the lifts had broken twice this week", "attributed", source="porter")
    return b.build()


def test_who_said_it_an_unnamed_key_needs_another_unnamed_person_on_offer() -> None:
    # "an unnamed nurse at the hospital" beside "Samuel Okoye" and "Joan Pryce" for "patients were
    # regularly being treated in corridors": the one source shown by what it is fits the words, so it
    # is found without reading (reviews 305 to 308).
    def asked(article: Article) -> list[Question]:
        return [q for q in questions_of(article, "who_said_it") if "corridors" in q.quote]

    assert asked(_corridors(second_unnamed=False)) == []
    for seed in range(1, 6):
        (question,) = [
            q
            for q in questions_of(_corridors(second_unnamed=True), "who_said_it", seed)
            if "corridors" in q.quote
        ]
        assert "an unnamed porter" in question.choices


def test_whose_framing_an_unnamed_speaker_is_offered_beside_another_unnamed_person() -> None:
    # "Everyone on site knew" beside "an unnamed builder who worked on the estate" and two names
    # (review 307). Where there is none, a loaded word rarely fits a role, and framing questions are
    # few: it is still asked.
    assert len(questions_of(_corridors(second_unnamed=False), "whose_words")) == 1
    for seed in range(1, 6):
        (question,) = questions_of(_corridors(second_unnamed=True), "whose_words", seed)
        assert "an unnamed porter" in question.choices


def test_whose_framing_the_writer_is_no_key_in_a_paragraph_that_names_a_person() -> None:
    # "For Ms Cartwright, the council's kind words ring hollow": the view is given as hers though no
    # mention is marked there (review 307).
    def asked(sentence: str) -> list[Question]:
        b = ArticleBuilder(
            "Flood",
            [
                "Leanne Cartwright, a resident, said the water reached her knees.",
                "Tom Bhatt, a councillor, said help was on the way.",
                "Gareth Pryce, the developer's director, said the drains met every rule.",
                sentence,
            ],
        )
        b.source(
            "cartwright",
            "Leanne Cartwright, a resident",
            "named_person",
            ["Leanne Cartwright, a resident, said"],
        )
        b.source("bhatt", "Tom Bhatt, a councillor", "named_person", ["Tom Bhatt, a councillor, said"])
        b.source("pryce", "Gareth Pryce", "named_person", ["Gareth Pryce, the developer's director, said"])
        b.claim("the water reached her knees", "attributed", source="cartwright")
        b.claim("help was on the way", "attributed", source="bhatt")
        b.claim("the drains met every rule", "attributed", source="pryce")
        b.frame("ring hollow", "loaded_language", note="Hollow words sound empty.")
        return questions_of(b.build(), "whose_words")

    assert asked("For Ms Cartwright, the council's kind words ring hollow.") == []
    assert len(asked("For many in the close, the council's kind words ring hollow.")) == 1


def test_onto_is_a_little_word_and_face_being_speaks_of_what_may_happen() -> None:
    # "onto the streets": "onto" earned as much as "streets" (review 301); "hundreds of children face
    # being pushed off the pitch", keyed "Stated as a fact", is the writer's forecast (review 301).
    from app.domain.kinds.statement_kind import speaks_of_the_future

    question = next(
        q for q in questions_of(unseen_article("review301.yaml"), "find_framing") if "onto" in q.words
    )
    assert score_answer(question, selected(question, "bleak", "streets")).score == 1.0
    assert score_answer(question, selected(question, "bleak", "onto")).score < 1.0
    assert speaks_of_the_future("hundreds of children face being pushed off the pitch")
    assert speaks_of_the_future("the library is at risk of closing")
    assert not speaks_of_the_future("the children faced the wall")
    assert not [
        q for q in questions_of(unseen_article("review301.yaml"), "support") if "face being pushed" in q.quote
    ]


def test_spot_the_hedge_likely_finds_a_most_likely_cue() -> None:
    # "The packing line is the most likely cut", cue "most likely": "likely" alone scored 0.5, the same
    # as "most" (review 303).
    (question,) = [
        q for q in questions_of(unseen_article("review303.yaml"), "spot_hedge") if "most" in q.words
    ]
    assert score_answer(question, selected(question, "likely")).score == 1.0
    assert score_answer(question, selected(question, "most likely")).score == 1.0
    assert score_answer(question, selected(question, "most")).score < 0.5


def test_a_passive_blamed_reports_nobody_and_unfairly_denies_it() -> None:
    # "Uniformity Direct says it is being unfairly blamed. In a statement, ...": "blamed" read as an
    # attribution nobody marked, and as saying the headline's "Blamed for" (review 311).
    assert _attribution_hits(
        "The firm says it is being unfairly blamed. The school said it had no choice."
    ) == [
        "says",
        "said",
    ]
    assert _attribution_hits("The firm was blamed.") == []
    assert _attribution_hits("Parents blamed the firm for the rise.") == ["blamed"]
    from app.domain.kinds.headline_check import _DENIAL

    assert _DENIAL.search("it is being unfairly blamed")


def test_a_reporting_word_after_a_plural_quantity_is_a_noun() -> None:
    # "In the United States, several states have moved school start times": "states" read as an
    # attribution nobody marked (review 313).
    assert _attribution_hits("In the United States, several states have moved start times, experts say.") == [
        "say"
    ]
    assert _attribution_hits("Many reports were filed, the council said.") == ["said"]
    assert _attribution_hits("Some claim the plan will fail.") == ["claim"]
    assert _attribution_hits("The report states that trials ended early.") == ["states"]


def test_spot_the_hedge_a_rough_size_beside_a_listed_doubt_need_not_be_a_cue() -> None:
    # "the cancellation could cost it up to £30,000", cue "could": the question was withheld and the
    # audit asked for "up to" as a cue, which only sizes the amount (reviews 307, 312, 313).
    from app.domain.audit import audit_with_profile

    b = ArticleBuilder(
        "Fun run",
        ["The hospice said the cancellation could cost it up to £30,000 in lost sponsorship this year."],
    )
    b.source("hospice", "the hospice", "named_organisation", ["The hospice said"])
    b.claim(
        "the cancellation could cost it up to £30,000 in lost sponsorship",
        "hedged",
        source="hospice",
        cues=["could"],
    )
    article = b.build()
    (question,) = questions_of(article, "spot_hedge")
    assert score_answer(question, selected(question, "could")).score == 1.0
    assert score_answer(question, selected(question, "could", "up to")).score == 1.0
    _, profile = audit_with_profile(article, VOCABULARY, seeds=3)
    assert not any("up to" in note and "cues" in note for note in profile.notes())


def test_find_sources_a_name_before_a_record_finds_who_without_an_apostrophe() -> None:
    # "Met Office figures show that 31mm of rain fell": "Met Office" scored nothing (review 312).
    b = ArticleBuilder(
        "Rain",
        [
            "Met Office figures show that 31mm of rain fell on the town overnight. The path beside the "
            "river was closed by nine o'clock.",
        ],
    )
    b.source("figures", "Met Office rainfall figures", "document_or_data", ["Met Office figures show"])
    b.claim("31mm of rain fell on the town overnight", "attributed", source="figures")
    b.claim("The path beside the river was closed by nine o'clock", "unattributed")
    article = b.build()
    assert _find_sources_score(article, 1, "Met Office", "show") == 1.0
    assert _find_sources_score(article, 1, "figures show") == 1.0
    assert _find_sources_score(article, 1, "show") < 1.0


def test_who_said_it_offers_no_firm_or_record_for_a_persons_we_ve() -> None:
    # "we've got rats in the garden now", from a resident: a waste firm was offered (review 316, a fail).
    b = ArticleBuilder(
        "Bins",
        [
            "Margaret Doyle, who lives on Elm Road, said we've got rats in the garden now.",
            "ClearPath Waste Services said its crews were working overtime.",
            "Tom Reddy, a councillor, said the scheme would be reviewed.",
            "Janet Orme, a neighbour, said her bin had not been emptied for a month.",
        ],
    )
    b.source("doyle", "Margaret Doyle", "named_person", ["Margaret Doyle, who lives on Elm Road, said"])
    b.source("clearpath", "ClearPath Waste Services", "named_organisation", ["ClearPath Waste Services said"])
    b.source("reddy", "Tom Reddy", "named_official", ["Tom Reddy, a councillor, said"])
    b.source("orme", "Janet Orme", "named_person", ["Janet Orme, a neighbour, said"])
    b.claim("we've got rats in the garden now", "attributed", source="doyle")
    b.claim("its crews were working overtime", "attributed", source="clearpath")
    b.claim("the scheme would be reviewed", "attributed", source="reddy")
    b.claim("her bin had not been emptied for a month", "attributed", source="orme")
    for seed in range(1, 6):
        for question in questions_of(b.build(), "who_said_it", seed):
            if "rats" in question.quote:
                assert "ClearPath Waste Services" not in question.choices


def test_told_not_to_is_an_order_and_a_fact_done_by_a_named_body_is_not_stated_as_fact() -> None:
    # "staff have been told not to speak to the press" read as an attribution (review 316); "Its art
    # deco front was listed by Historic England in 1998" keyed "Stated as a fact, with no source",
    # beside "A source the article names" (review 314).
    assert _attribution_hits("Staff have been told not to speak to the press, the union said.") == ["said"]
    assert _attribution_hits("Staff were told the depot would close.") == ["told"]

    def asked(fact: str) -> list[Question]:
        b = ArticleBuilder("Cinema", [f"{fact}. The cinema opened in 1936."])
        b.claim(fact, "unattributed")
        b.claim("The cinema opened in 1936", "unattributed")
        return [q for q in questions_of(b.build(), "support") if q.quote == fact]

    assert asked("Its art deco front was listed by Historic England in 1998") == []
    assert len(asked("Its art deco front was repainted by March 1998")) == 1


def test_sharing_out_a_thing_and_asking_for_money_are_no_attribution() -> None:
    # "bosses shared bonuses worth £1.2 million" (review 334) and "the school had not asked it for any
    # money" (review 335): the audit asked the teacher to mark them, and their paragraphs got no
    # "find the sources" question.
    assert _attribution_hits("The bosses shared bonuses worth £1.2 million last year.") == []
    assert _attribution_hits("The council said the school had not asked it for any money.") == ["said"]
    # Still attributions.
    assert _attribution_hits("Parents shared concerns that the road was unsafe.") == ["shared"]
    assert _attribution_hits("She shared that the pool would close.") == ["shared"]
    assert _attribution_hits("The mayor asked them for comment on the plan.") == ["asked"]
    assert _attribution_hits("She asked whether the pool would close.") == ["asked"]


def test_statement_kind_reads_a_contracted_would_as_what_may_happen() -> None:
    # '"On a Friday night I'd have thirty people on the 44," he said', marked an observation: "I'd"
    # reads as "I would", so "A prediction" could be defended (review 338).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder("Buses", [f'"{claim}," the driver Tom Reed said.'])
        b.source("reed", "Tom Reed, a driver", "named_person", ["the driver Tom Reed said"])
        b.claim(claim, "attributed", source="reed", kind="observation")
        return questions_of(b.build(), "statement_kind")

    assert asked("On a Friday night I'd have thirty people on the 44") == []
    assert len(asked("On a Friday night I had thirty people on the 44")) == 1


def test_who_said_it_offers_no_source_whose_name_speaks_of_another_subject() -> None:
    # "the Met Office rainfall figures" for bosses' bonuses (review 334), "the Northern Weather Service"
    # for a race's entry fees (review 340): a name that speaks of another subject could not have said
    # the words. A name of no listed subject may stand beside anything.
    b = ArticleBuilder(
        "Race",
        [
            "Entry fees will not be refunded, Harrowfield Running Club said. The Northern Weather Service "
            "said it was hot. The Met Office rainfall figures show a dry spring. Ann Dale said she was sad. "
            "Tom Reed said he was angry. The Harrowfield Hospice said it lost money.",
        ],
    )
    b.source("club", "Harrowfield Running Club", "named_organisation", ["Harrowfield Running Club said"])
    b.source(
        "weather", "the Northern Weather Service", "named_organisation", ["The Northern Weather Service said"]
    )
    b.source(
        "rain",
        "the Met Office rainfall figures",
        "document_or_data",
        ["The Met Office rainfall figures show"],
    )
    b.source("dale", "Ann Dale", "named_person", ["Ann Dale said"])
    b.source("reed", "Tom Reed", "named_person", ["Tom Reed said"])
    b.source("hospice", "the Harrowfield Hospice", "named_organisation", ["The Harrowfield Hospice said"])
    b.claim("Entry fees will not be refunded", "attributed", source="club")
    for seed in range(1, 6):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "the Northern Weather Service" not in question.choices
            assert "the Met Office rainfall figures" not in question.choices


def test_who_said_it_is_not_asked_where_only_the_keys_name_speaks_of_the_subject() -> None:
    # "the site had low wildlife value" from "an ecology survey paid for by Kestrel Homes", beside a
    # person and the committee's minutes: the one name about wildlife is the key at a glance (review 345).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Homes",
            [
                f"An ecology survey paid for by Kestrel Homes found {claim}. Dev Patel said he was "
                "worried. The minutes of the planning committee show a vote of five to four.",
            ],
        )
        b.source(
            "survey",
            "an ecology survey paid for by Kestrel Homes",
            "document_or_data",
            ["An ecology survey paid for by Kestrel Homes found"],
        )
        b.source("patel", "Dev Patel", "named_person", ["Dev Patel said"])
        b.source(
            "minutes",
            "the minutes of the planning committee",
            "document_or_data",
            ["The minutes of the planning committee show"],
        )
        b.claim(claim, "attributed", source="survey")
        return [q for q in questions_of(b.build(), "who_said_it") if claim in q.prompt]

    assert asked("the site had low wildlife value") == []
    assert len(asked("the site had low value")) == 1


def test_who_said_it_offers_no_relaying_outlet_where_it_tells_what_the_body_did() -> None:
    # "injuries had fallen every month since it cut the scooters' top speed", from the operator, beside
    # the police and a newspaper that only passed on a rider's words (review 339).
    def asked(claim: str) -> list[Question]:
        b = ArticleBuilder(
            "Scooters",
            [
                f"Voltra said {claim}. Kelsford Police said riders were careless. Ann Dale told the "
                "Kelsford Echo she was scared. Tom Reed said he was not.",
            ],
        )
        b.source("voltra", "Voltra", "named_organisation", ["Voltra said"])
        b.source("police", "Kelsford Police", "named_organisation", ["Kelsford Police said"])
        b.source("echo", "the Kelsford Echo", "news_outlet", ["told the Kelsford Echo"])
        b.source("dale", "Ann Dale", "named_person", ["Ann Dale told the Kelsford Echo"], via="echo")
        b.source("reed", "Tom Reed", "named_person", ["Tom Reed said"])
        b.claim(claim, "attributed", source="voltra")
        return [q for seed in range(1, 6) for q in questions_of(b.build(), "who_said_it", seed)]

    outlets = [
        "the Kelsford Echo" in question.choices
        for question in asked("complaints had fallen every month since it cut the top speed")
    ]
    assert outlets and not any(outlets)
    assert any("the Kelsford Echo" in q.choices for q in asked("complaints fell once the top speed was cut"))


def test_find_the_framing_keys_every_word_the_note_quotes_a_sweeping_one_too() -> None:
    # '"Nobody" and "ever" make it sound as if no manager has ever seen the bus': only "Nobody" was a key,
    # and "from head office ever rides it" scored nothing (review 338). '"All of us"' of "The river belongs
    # to all of us": "us" alone found it, "belongs to all" nothing (review 344).
    def keys_and_score(name: str, words: str, *phrases: str) -> tuple[list[str], float]:
        question = next(
            q for q in questions_of(unseen_article(name), "find_framing") if words in " ".join(q.words)
        )
        keys = [" ".join(question.words[s:e]) for s, e in question.keys]
        return keys, score_answer(question, selected(question, *phrases)).score

    keys, score = keys_and_score("review338.yaml", "Nobody from head office", "ever rides it")
    assert {"Nobody", "ever"} <= set(keys) and score > 0
    keys, score = keys_and_score("review344.yaml", "belongs to all of us", "belongs to all")
    assert "all" in keys and score > 0


def test_letting_people_in_consulting_them_a_surveys_questions_and_walking_up_to_are_not_flagged() -> None:
    # The audit asked teachers to mark "stop admitting women" (review 349), "the questions it asked"
    # (review 343) and "had asked disabled residents before" (review 346) as attributions, and "walk
    # straight up to a fox" as a hedge (review 347).
    assert _attribution_hits("The hospital will stop admitting women at night.") == []
    assert _attribution_hits("The survey was flawed because of the questions it asked.") == []
    assert _attribution_hits("The council had asked disabled residents before it made the change.") == []
    assert _hedge_hits("The chicks would walk straight up to a fox.") == []
    # Still attributions and hedges.
    assert _attribution_hits("The council asked residents whether they wanted it.") == ["asked"]
    assert _attribution_hits("The minister admitting that he was wrong is rare.") == ["admitting"]
    assert _hedge_hits("Delays of up to a week are likely.") == ["up to", "likely"]


def test_no_size_in_signed_up_to_a_no_attribution_in_a_passive_with_a_time_no_doubt_in_a_purpose() -> None:
    # "have reportedly signed up to a 'screen-free summer' challenge": the explanation called "up to" a
    # rough size (review 351). "could be announced as early as next week" and "so that its supply could
    # keep trees alive" were named as an unmarked attribution and hedge (review 353); "a gap the
    # researchers acknowledge" was no attribution, so "paper" was the only key (review 351).
    b = ArticleBuilder("Screens", ["Thousands of families have reportedly signed up to a summer challenge."])
    b.claim(
        "Thousands of families have reportedly signed up to a summer challenge", "hedged", cues=["reportedly"]
    )
    (question,) = questions_of(b.build(), "spot_hedge")
    assert "Up to" not in question.explanation
    assert _attribution_hits("A hosepipe ban could be announced as early as next week.") == []
    assert _attribution_hits("A ban was announced last week by the company.") == ["announced"]
    assert _hedge_hits("The park keeps water so that its limited supply could keep trees alive.") == []
    assert _attribution_hits("It is a gap the researchers acknowledge in their paper.") == ["acknowledge"]


def test_who_said_it_offers_no_record_for_what_a_body_does_and_how_to_check_reads_owners_names() -> None:
    # "it pays for free eye tests in 200 schools", from a charity, offered a study (review 351);
    # "Severnbrook Water's daily supply figures" was the wrong place for reservoir levels (review 353).
    b = ArticleBuilder(
        "Eyes",
        [
            "Clear Sight UK said it pays for free eye tests in 200 schools. The Castlebridge University "
            "study found more short sight. Eye Care Trust said tests matter. Ann Dale said she was worried.",
        ],
    )
    b.source("charity", "Clear Sight UK", "named_organisation", ["Clear Sight UK said"])
    b.source(
        "study",
        "the Castlebridge University study",
        "document_or_data",
        ["The Castlebridge University study found"],
    )
    b.source("trust", "Eye Care Trust", "named_organisation", ["Eye Care Trust said"])
    b.source("dale", "Ann Dale", "named_person", ["Ann Dale said"])
    b.claim("it pays for free eye tests in 200 schools", "attributed", source="charity")
    for seed in range(1, 6):
        for question in questions_of(b.build(), "who_said_it", seed):
            assert "the Castlebridge University study" not in question.choices
    water = ArticleBuilder(
        "Drought",
        [
            "According to the drought report, the reservoirs held 41 per cent. Severnbrook Water's daily "
            "supply figures show that demand rose.",
        ],
    )
    water.source("report", "the drought report", "document_or_data", ["According to the drought report"])
    water.source(
        "figures",
        "Severnbrook Water's daily supply figures",
        "document_or_data",
        ["Severnbrook Water's daily supply figures show"],
    )
    water.claim("the reservoirs held 41 per cent", "attributed", source="report")
    water.claim("demand rose", "attributed", source="figures")
    for question in questions_of(water.build(), "how_to_check"):
        assert not any("supply figures" in choice for choice in question.choices), question.choices


def test_what_someone_dares_or_can_do_is_no_attribution() -> None:
    # "too afraid of eviction to complain" (review 357), "too embarrassed to admit it" (review 356) and
    # "less able than adults to tell when" (review 354) were named as unmarked attributions, and kept
    # "find the sources" off their paragraphs.
    assert _attribution_hits("Many tenants are too afraid of eviction to complain at all.") == []
    assert _attribution_hits("She was too embarrassed to admit it.") == []
    assert _attribution_hits("Children are less able than adults to tell when they are sold to.") == []
    assert _attribution_hits("The council declined to say how much it cost.") == ["say"]


def test_how_well_supported_is_not_asked_of_a_hope_a_promise_or_a_feeling() -> None:
    # A hope ("the zoo hopes to release 20 birds", review 347), a promise told as "would" ("would 'look
    # at the evidence honestly'", review 354), a feeling told as "her" ("left her feeling guilty",
    # review 351) and a group's wishes ("his classmates just wanted decent food", review 348): naming who
    # said it supports none of them, so "A source the article names" would teach the wrong lesson.
    for name, quote in [
        ("review347.yaml", "the zoo hopes to release 20 birds a year by 2028"),
        ("review354.yaml", "look at the evidence honestly"),
        ("review351.yaml", "the news had left her feeling guilty"),
        ("review348.yaml", "most of his classmates just wanted decent food"),
    ]:
        article = unseen_article(name)
        for seed in range(1, 4):
            assert not [q for q in questions_of(article, "support", seed) if q.quote == quote], (name, quote)
    b = ArticleBuilder(
        "Pool",
        [
            "Mayor Ann Dale said the pool would reopen in May. She said the repairs had cost £40,000.",
        ],
    )
    b.source("dale", "Ann Dale", "named_person", ["Mayor Ann Dale said", "She said"])
    b.claim("the repairs had cost £40,000", "attributed", source="dale")
    assert [q.quote for q in questions_of(b.build(), "support")] == ["the repairs had cost £40,000"]


def test_whose_words_offers_no_person_who_speaks_for_the_body() -> None:
    # "nanny state nonsense", from the Outdoor Advertising Association, offered "Graham Pike, the
    # association's director", who may well have said it for the association (review 354).
    article = unseen_article("review354.yaml")
    asked = 0
    for question in over_seeds(article, "whose_words", seeds=range(1, 6)):
        if "nanny state" in question.prompt:
            asked += 1
            assert not any("Pike" in choice for choice in question.choices), question.choices
    assert asked


def test_disputing_is_an_attribution() -> None:
    # "A council spokesperson disputed Ms Obi's account" (review 356): the audit did not read "disputed"
    # as a source's verb, so "find the sources" could not key it.
    assert _attribution_hits("A council spokesperson disputed the figures.") == ["spokesperson", "disputed"]
    assert _attribution_hits("Traders dispute that comparison.") == ["dispute"]
    assert _attribution_hits("They farm the disputed land.") == []


def test_round_68_who_said_it() -> None:
    # A body's promise opening with "to" ("The school has promised to refund every penny") offered the
    # paper that only passed on others' words (review 359, a fail).
    coach = unseen_article("review359.yaml")
    for question in over_seeds(coach, "who_said_it"):
        if question.quote == "to refund every penny by the end of the month":
            assert not any("Echo" in choice for choice in question.choices), question.choices
        # "staff had raised worries about the tyres", from "an unnamed Valemoor driver": the stem's
        # "staff" points at the firm's own man (review 359).
        assert question.quote != "staff had raised worries about the tyres for months"
    # "The article does not say" beside the council report, whose own claim "without reducing visits"
    # speaks of the visits too (review 361).
    library = unseen_article("review361.yaml")
    for question in over_seeds(library, "who_said_it"):
        if question.quote == "evening visits went up once the longer opening hours began":
            assert not any("report" in choice for choice in question.choices), question.choices


def test_round_68_how_to_check() -> None:
    # "the minutes of the council meeting" beside "the council finance department's report": one owner,
    # and "cost" speaks of the finance department's subject (review 358).
    lights = unseen_article("review358.yaml")
    for question in over_seeds(lights, "how_to_check"):
        assert not question.quote.startswith("puts the cost of running"), question.choices


def test_round_68_claims_and_hedges() -> None:
    # "had not asked a single resident before the vote" consults, it attributes nothing (review 358).
    assert _attribution_hits("He said the council had not asked a single resident before the vote.") == [
        "said"
    ]
    assert _attribution_hits("The council asked residents whether they wanted it.") == ["asked"]
    lights = unseen_article("review358.yaml")
    hedges = {q.quote: q for q in questions_of(lights, "spot_hedge")}
    # "in any street where crime rises" is a condition, which doubts the claim too (review 358).
    assert "lights could be switched back on in any street where crime rises" not in hedges
    # The amount's unit is free: "as much as £80,000 a year" (review 358).
    saving = hedges["the switch-off could save as much as £80,000 a year on electricity and repairs"]
    assert score_answer(saving, selected(saving, "could save as much as 80,000 a year")).score == 1
    # "his staff had noticed more pupils arriving": unnamed staff saw it, so "A source the article names"
    # could be argued against "An unnamed or vague source" (review 360).
    drinks = unseen_article("review360.yaml")
    assert not [q for q in questions_of(drinks, "support") if q.quote.startswith("his staff had noticed")]


def test_how_to_check_is_not_asked_beside_an_unmarked_attribution() -> None:
    # '"Some of them come in before school and again at lunch," he said', with "he said" unmarked: who
    # said it is a guess, and so is the key "look for a named source" (review 360).
    drinks = unseen_article("review360.yaml")
    for question in over_seeds(drinks, "how_to_check"):
        assert question.quote != "Some of them come in before school and again at lunch"


def test_round_69_how_well_supported() -> None:
    # "Experts say the evidence on phone bans is mixed. A study ... by researchers at the University of
    # Northbridge found ...": a named study right after may be where it comes from (review 362).
    phones = unseen_article("review362.yaml")
    asked = {q.quote for q in questions_of(phones, "support")}
    assert "the evidence on phone bans is mixed" not in asked
    # "But it feels like they don't trust us": the speaker's own feeling (review 362).
    assert not [quote for quote in asked if "feels like" in quote]
    # "A loaf ... now costs £4.80. Some customers say the higher prices ...": the people of the next
    # sentence speak of the same thing in other words, and may have said both (review 363).
    bakery = unseen_article("review363.yaml")
    assert not [q for q in questions_of(bakery, "support") if q.quote.startswith("A loaf of the chain's")]


def test_round_69_how_to_check_and_framing() -> None:
    # Company accounts hold sales: no wrong place for "sales there had been falling" (review 363).
    bakery = unseen_article("review363.yaml")
    for question in over_seeds(bakery, "how_to_check"):
        if question.quote.startswith("sales there had been falling"):
            assert not any("accounts" in choice for choice in question.choices), question.choices
    # A note that quotes "Every single day" twice quotes one phrase: "Every" finds the span, as the
    # sweeping word it is, and "day" alone does not (review 364).
    kingsway = unseen_article("review364.yaml")
    [question] = [q for q in questions_of(kingsway, "find_framing") if "battleground" in q.words]
    assert score_answer(question, selected(question, "battleground", "Every", "chaos")).score == 1
    assert score_answer(question, selected(question, "battleground", "day", "chaos")).score < 1
    # "Reported accidents", "every reported bump", "19 collisions reported on the stretch": nobody
    # reports anything there (review 364).
    assert _attribution_hits("Reported accidents on Kingsway have doubled.") == []
    assert _attribution_hits("Police log every reported bump.") == []
    assert _attribution_hits("There were 19 collisions reported on the stretch.") == []
    assert _attribution_hits("The figures reported by the council show a rise.") == ["reported", "show"]


def test_whose_words_the_headline_quotes_is_not_kept_off_by_a_shorter_word() -> None:
    # 'Nightmare' in the headline, once in a resident's quotation: "at night" elsewhere is no form of it,
    # and kept the headline's main lesson out of every quiz (review 365).
    skate = unseen_article("review365.yaml")
    assert [q for q in questions_of(skate, "headline_quote") if "Nightmare" in q.prompt]


def test_opinion_is_not_asked_where_the_note_says_the_article_does_not_check_it() -> None:
    # 'young people in Kelby "have nowhere to go"', an opinion whose note says "the article does not
    # check": shown after the answer, it argues that one could, for "observed" (review 365).
    skate = unseen_article("review365.yaml")
    assert not [q for q in questions_of(skate, "statement_kind") if "nowhere to go" in q.quote]


def test_who_said_it_is_not_asked_of_what_people_feel() -> None:
    # "People feel the decision was made before anyone listened to them", from one skater: a group's
    # feeling told by someone else, as "several other mothers felt the same way" (review 365).
    skate = unseen_article("review365.yaml")
    for seed in range(1, 4):
        assert not [q for q in questions_of(skate, "who_said_it", seed) if q.quote.startswith("People feel")]


def test_does_not_say_is_not_asked_where_the_note_guesses_where_it_is() -> None:
    # "This detail is probably in the council's plan", the note on an unattributed claim: shown after the
    # key "The article does not say", it argues for another answer (review 366).
    toll = unseen_article("review366.yaml")
    for question in over_seeds(toll, "who_said_it"):
        assert not question.quote.startswith("drivers who failed to pay within 48 hours")


def test_round_70_a_match_and_a_feeling() -> None:
    # A sport subject group: "the league safety officer's report on the match" could hold 'stewards had
    # "lost control" long before the final whistle' (review 369, a fail), and the match report's subject
    # picks it as the key for "About 40 fans climbed over the barriers".
    club = unseen_article("review369.yaml")
    for question in over_seeds(club, "how_to_check"):
        if question.quote.startswith("stewards had"):
            assert not any("report on the match" in choice for choice in question.choices)
        assert not question.quote.startswith("About 40 fans"), question.choices
    # "she was shaken when young men sprinted past her seat": her own feeling (review 369).
    assert not [q for q in questions_of(club, "support") if q.quote.startswith("she was shaken")]


def test_headline_against_the_article_shows_a_figure_with_its_headline() -> None:
    # 'The headline says "80%"': cut from "Car Park to Swallow 80% of Primary School's Playing Field",
    # the figure matches the article's "about 80 per cent of the field" (review 367, a fail).
    field = unseen_article("review367.yaml")
    for question in over_seeds(field, "headline_check"):
        if question.quote == "80%":
            assert question.prompt.startswith('The headline says "Car Park to Swallow 80%')
            assert 'word "80%"' in question.prompt


def test_round_70_quiz_and_sources() -> None:
    # "the headline talks about Britain, but the numbers come from one school", in the explanation of a
    # question on another claim, beside the headline question on "Britain's Teens": it gives the answer
    # (review 368, 16 of 50 quizzes).
    vaping = unseen_article("review368.yaml")
    for seed in range(1, 51):
        quiz = build_quiz(vaping, VOCABULARY, seed, length=12)
        if any(q.kind == "headline_check" for q in quiz):
            assert not any("across Britain" in q.quote for q in quiz), seed
    # "asks anyone who looks under 25 for proof of age" is a request, no attribution (review 368).
    assert _attribution_hits("The shop asks anyone who looks under 25 for proof of age.") == []


def test_a_reporting_noun_after_a_demonstrative_is_no_attribution() -> None:
    # "That caution did not stop local campaigners": a noun, nobody cautions anyone (review 360).
    assert _attribution_hits("That caution did not stop local campaigners.") == []
    assert _attribution_hits("The study was small. That caution did not stop them.") == []
    assert _attribution_hits("Nobody has checked this claim.") == []
    assert _attribution_hits("Officials rejected those claims on Monday.") == []
    # A relative "that" still introduces the verb, and so does a sentence's subject.
    assert _attribution_hits("It is a study that claims sugar is harmless.") == ["claims"]
    assert _attribution_hits("Doctors caution that sugar is harmful.") == ["caution"]


def test_either_word_of_a_plain_word_before_a_loaded_noun_finds_it() -> None:
    # "a mindless mob", the note quoting both words: "mindless" is as much the label as "mob", so
    # each finds the span (review 369: "mindless" alone found nothing).
    club = unseen_article("review369.yaml")
    [question] = [q for q in questions_of(club, "find_framing") if "mindless" in q.words]
    assert score_answer(question, selected(question, "disgrace", "mindless")).score == 1
    assert score_answer(question, selected(question, "disgrace", "mob")).score == 1
    assert score_answer(question, selected(question, "disgrace")).score < 1
    # "sparked fury": a verb's form before the loaded word says nothing loaded, so "fury" stays the key.
    clinic = unseen_article("review324.yaml")
    [question] = [q for q in questions_of(clinic, "find_framing") if "sparked" in q.words]
    assert (
        score_answer(question, selected(question, "sparked", "tax", "fleecing", "keep him alive")).score < 1
    )


def test_find_the_framing_keeps_apart_only_the_claims_its_explanation_speaks_of() -> None:
    from app.domain.quiz_rules import footprint

    # Loaded words say nothing of where a claim of the passage comes from or how sure it is: the
    # framing of paragraph 4 kept the hedged "could help it win a better rating" out of every quiz
    # (review 372).
    school = unseen_article("review372.yaml")
    [framing] = [q for q in questions_of(school, "find_framing") if q.block == 4]
    [hedge] = [q for q in questions_of(school, "spot_hedge") if q.block == 4]
    assert not footprint(framing)[0] & footprint(hedge)[0]
    quizzes = [build_quiz(school, VOCABULARY, seed, length=12) for seed in range(1, 7)]
    assert any({q.kind for q in quiz} >= {"find_framing", "spot_hedge"} for quiz in quizzes)
    # But an explanation that names the speaker ("Mr Hale's word 'free-for-all'") is about his
    # claims in the passage, and one that speaks of the writer about those with no source.
    shop = unseen_article("review68.yaml")
    [hale] = [q for q in questions_of(shop, "find_framing") if "Hale's" in q.explanation]
    whose = [
        q for q in questions_of(shop, "who_said_it") if q.extra["claim"] in hale.extra["speaks_of_claims"]
    ]
    assert whose and all(conflicts(hale, q) for q in whose)
    [cheering] = [q for q in questions_of(school, "support") if q.extra["claim"] == hedge.extra["claim"]]
    assert "the writer cheering" in framing.explanation and conflicts(framing, cheering)
    assert not conflicts(framing, hedge)


def test_no_source_is_not_the_key_for_a_claim_that_names_its_doer() -> None:
    # "Ofsted rated it as requiring improvement": the inspectors who rated it may be where the fact
    # comes from, so neither "Stated as a fact, with no source" nor "The article does not say" is a
    # safe key (review 372, a fail), as with the passive "listed by Historic England" (review 314).
    school = unseen_article("review372.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in over_seeds(school, kind) if q.quote.startswith("Ofsted rated")], kind
    cinema = unseen_article("review314.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in over_seeds(cinema, kind) if "Historic England" in q.quote], kind


def test_a_describing_noun_before_a_body_after_the_finds_the_source() -> None:
    # "according to the organisers, the Save Cotter's Field campaign": "organisers" says who as well
    # as "campaign" ("according to the organisers" scored 0.5, review 373, a fail).
    field = unseen_article("review373.yaml")
    [question] = [q for q in questions_of(field, "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "according to the organisers")).score == 1
    assert score_answer(question, selected(question, "according", "campaign")).score == 1
    assert score_answer(question, selected(question, "organisers")).score < 1


def test_how_to_check_is_not_asked_where_the_claim_picks_the_key_among_the_places_offered() -> None:
    # "planning officers have recommended ..." beside "the planning officers' report" and "the
    # council's housing waiting-list figures": the stem's words found the key (review 373, a fail),
    # though another record of the article ("the council's planning portal") met the claim as much.
    field = unseen_article("review373.yaml")
    for question in over_seeds(field, "how_to_check", range(1, 9)):
        if question.quote.startswith("planning officers have recommended"):
            assert not any("waiting-list" in choice for choice in question.choices), question.choices


def test_who_said_it_offers_no_group_the_unnamed_speaker_may_belong_to() -> None:
    # "His friend, 14, said a security guard had ordered them out": "two teenagers interviewed outside
    # the centre", in the same paragraph, may include the friend (review 376, a fail).
    centre = unseen_article("review376.yaml")
    asked = [q for q in over_seeds(centre, "who_said_it", range(1, 6)) if "security guard" in q.quote]
    assert asked
    assert not any("two teenagers" in choice for q in asked for choice in q.choices)


def test_asking_an_unnamed_person_drops_their_labels_article() -> None:
    # "Ask the the boy's 14-year-old friend who said it" (review 376).
    centre = unseen_article("review376.yaml")
    steps = [c for q in over_seeds(centre, "how_to_check") for c in q.choices if c.startswith("Ask ")]
    assert steps and not [step for step in steps if "the the" in step.casefold()]


def test_whose_words_the_headline_quotes_offers_only_who_could_say_them() -> None:
    # '"Robbing Our Kids of Their Future"', a father's words: a pupil or a company on offer is no real
    # choice (review 377, a fail), as in "whose framing".
    school = unseen_article("review377.yaml")
    asked = over_seeds(school, "headline_quote", range(1, 5))
    assert asked
    people = {source_label(s).split(",")[0] for s in school.sources if s.type in person_types(VOCABULARY)}
    for question in asked:
        for choice in question.choices:
            assert choice.startswith("Nobody") or any(choice in label for label in people), choice


def test_a_claim_with_the_headlines_marked_figure_keeps_apart_from_the_headline_question() -> None:
    # "A full-time nurse paying the full staff rate for every shift would pay about £1,100 a year"
    # beside "The headline says 'Nurses Face £1,100 Parking Bill'": the claim shows what the figure
    # leaves out (review 374: in 9 of 12 quizzes).
    hospital = unseen_article("review374.yaml")
    quizzes = [build_quiz(hospital, VOCABULARY, seed, length=12) for seed in range(1, 13)]
    assert any(q.kind == "headline_check" for quiz in quizzes for q in quiz)
    for quiz in quizzes:
        if any(q.kind == "headline_check" for q in quiz):
            assert not [q for q in quiz if q.kind != "headline_check" and "1,100" in q.quote]


def test_who_said_it_offers_no_relaying_paper_for_a_bodys_words_about_its_own_thing() -> None:
    # 'Vale Water said its water "meets every legal standard"': the Harrowfield Herald, which only passed
    # on others' words, is no real choice for the company's words about its own water (review 371).
    water = unseen_article("review371.yaml")
    for question in over_seeds(water, "who_said_it", range(1, 6)):
        if "legal standard" in question.quote:
            assert not any("Herald" in choice for choice in question.choices), question.choices


def test_an_explanation_quoting_the_key_words_of_a_framing_answer_keeps_apart_from_it() -> None:
    # 'whether the writer's words "mayhem" and "gangs" are fair', in a note on paragraph 1's sources,
    # beside "find the framing" there, whose answer is "weeks of mayhem" and "gangs of teenagers"
    # (review 376).
    centre = unseen_article("review376.yaml")
    [framing] = [q for q in questions_of(centre, "find_framing") if q.block == 1]
    [sources] = [q for q in questions_of(centre, "find_sources") if q.block == 1]
    assert '"mayhem"' in sources.explanation and conflicts(sources, framing)


def test_one_whose_framing_question_a_paragraph() -> None:
    # "Whose words are these: 'bitter row'?" (the writer: "no quotation marks and no 'said' in the
    # paragraph") answered "Whose words are these: 'gleaming'?" on the same paragraph (review 380).
    pitch = unseen_article("review380.yaml")
    assert len([q for q in questions_of(pitch, "whose_words") if q.focus and q.focus[0] == 1]) >= 2
    for seed in range(1, 11):
        quiz = build_quiz(pitch, VOCABULARY, seed, length=12)
        paragraphs = [q.focus[0] for q in quiz if q.kind == "whose_words" and q.focus]
        assert len(paragraphs) == len(set(paragraphs)), seed


def test_an_explanation_that_says_the_headline_is_different_keeps_apart_from_the_headline_question() -> None:
    # '... very different from the headline's "Drought Crisis"' beside "The headline says 'Taps Could
    # Run Dry'. Compared with the headline, what does the article say?" (review 379: 20 of 50 quizzes).
    water = unseen_article("review379.yaml")
    for seed in range(1, 21):
        quiz = build_quiz(water, VOCABULARY, seed, length=12)
        if any(q.kind == "headline_check" for q in quiz):
            assert not [q for q in quiz if "different from the headline" in q.explanation], seed


def test_no_source_is_not_the_key_where_the_paragraph_carries_on_an_attribution() -> None:
    # "..., Westmere County Council has announced." then "Under the new timetable, the library will also
    # open at 10am ... In total, the library will be open for 44 hours a week": the council may have
    # announced that too (review 381, a fail).
    library = unseen_article("review381.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in over_seeds(library, kind) if "44 hours" in q.quote], kind
    # A hedged claim too: "..., according to a consultation document the council published on
    # Monday." then "Under the plan, ... The merged sixth form could open as early as September 2026"
    # was keyed "Hedged by the writer, with no source" (review 392, a fail).
    merger = unseen_article("review392.yaml")
    assert not [q for q in over_seeds(merger, "support") if "could open" in q.quote]


def test_who_said_it_offers_no_record_of_another_subject_for_words_without_a_figure() -> None:
    # "it uses up old tyres that would otherwise be burned or buried" beside "the club's booking
    # records": booking records hold bookings, not how crumb rubber is made (review 380, a fail).
    pitch = unseen_article("review380.yaml")
    for question in over_seeds(pitch, "who_said_it", range(1, 6)):
        if "tyres" in question.quote or "olive-stone" in question.quote:
            assert not any("booking records" in choice for choice in question.choices), question.choices


def test_a_likeness_a_witness_gives_is_not_asked_as_an_opinion() -> None:
    # "described the mood at the party's table during the count as 'like a funeral'": observed and an
    # opinion could each be defended (review 378).
    election = unseen_article("review378.yaml")
    assert not [q for q in over_seeds(election, "statement_kind") if "like a funeral" in q.quote]


def test_headline_against_the_article_is_not_asked_of_a_headline_that_minimises() -> None:
    # "Only a Handful": "says more" and "says less" read as more or fewer households, so the key was the
    # wrong way round (review 385, a fail).
    grants = unseen_article("review385.yaml")
    assert not [q for q in over_seeds(grants, "headline_check") if "Handful" in q.prompt]


def test_a_reading_of_evidence_in_the_claims_own_words_is_not_asked_as_an_opinion() -> None:
    # "the evidence on four-day weeks was 'thin and mixed'": a reading of evidence, which the next
    # sentence reports, so "observed" could be defended (review 383).
    week = unseen_article("review383.yaml")
    assert not [q for q in over_seeds(week, "statement_kind") if "thin and mixed" in q.quote]


def test_a_headline_word_of_small_words_alone_is_shown_in_its_headline() -> None:
    # "The headline says 'Will'": cut from its headline a modal says nothing, and a capital "Will"
    # reads as a name (review 383).
    week = unseen_article("review383.yaml")
    asked = [q for q in over_seeds(week, "headline_check") if '"Will"' in q.prompt]
    assert asked and all("Four-Day Week Will" in q.prompt for q in asked)


def test_a_headline_question_keeps_apart_from_who_said_its_marked_words() -> None:
    # "'Triumph' is the word of the councillor who backed the scheme", the headline question's
    # explanation, beside "Who does the article say this comes from: 'the first year had been a
    # triumph for Brackenford'" (review 382).
    bikes = unseen_article("review382.yaml")
    headline_kinds = {"headline_check", "headline_evidence", "headline_quote"}
    for seed in range(1, 21):
        quiz = build_quiz(bikes, VOCABULARY, seed, length=12)
        if any(q.kind in headline_kinds for q in quiz):
            assert not [q for q in quiz if q.kind == "who_said_it" and "triumph" in q.quote.casefold()], seed


def test_words_a_speaker_calls_a_pretence_are_not_given_to_them() -> None:
    # 'The headline says "Rescue". Who in the article uses these words?', key the councillor who said
    # "a quick profit dressed up as a rescue": she mocks the word, the headline takes the other side's
    # view (review 386, a fail, in 30 of 30 quizzes).
    store = unseen_article("review386.yaml")
    assert not [q for q in over_seeds(store, "headline_quote") if "Rescue" in q.prompt]


def test_a_listed_phrase_does_not_run_across_a_comma() -> None:
    # "I would recommend one, she said, to anyone": no hedge "said to" (review 385's audit).
    assert "said to" not in _hedge_hits("I would recommend one, she said, to anyone.")
    assert "said to" in _hedge_hits("The mayor is said to be furious.")
    assert _attribution_hits("It rose, according to the council.") == ["according to"]


def test_the_only_way_to_something_is_not_asked_as_an_opinion_or_an_observation() -> None:
    # "night flights are the only way to keep the airport open": an opinion, and a forecast that the
    # airport will close without them (review 393, a fail).
    airport = unseen_article("review393.yaml")
    assert not [q for q in over_seeds(airport, "statement_kind") if "only way" in q.quote]


def test_what_a_request_asks_for_is_not_asked_as_an_observation() -> None:
    # "The application asks for [14 night-time flights a week]": the flights do not exist yet, so "A
    # prediction" could be defended (review 393).
    airport = unseen_article("review393.yaml")
    assert not [q for q in over_seeds(airport, "statement_kind") if "14 night-time flights" in q.quote]


def test_could_in_a_time_clause_is_no_hedge() -> None:
    # "ambulances queued for hours before crews could hand their patients over": able to, not perhaps;
    # the audit told the teacher to mark a plain fact as hedged (review 395).
    assert _hedge_hits("Ambulances queued for hours before crews could hand their patients over.") == []
    assert _hedge_hits("Nobody left until the police could check every car.") == []
    assert _hedge_hits("The ban could stay in place until the autumn.") == ["could"]
    # Not where the time word ends an earlier clause: "may need new passing places before winter, which
    # could add £30,000" (review 413, a fail: "could" alone scored nothing in "spot the hedge").
    assert _hedge_hits("It may need passing places before winter, which could add 30,000.") == [
        "may",
        "could",
    ]


def test_a_reporting_noun_after_a_modifier_or_an_expected_record_is_no_attribution() -> None:
    # "the hospital needs more beds, not more promises", "it expects them to show shorter waits"
    # (review 395), "most of the new posts would probably be seasonal" (review 393).
    assert _attribution_hits("The hospital needs more beds, not more promises.") == []
    assert _attribution_hits("The trust expects them to show shorter waits in April.") == []
    assert _attribution_hits("Most of the new posts would probably be seasonal.") == []
    assert _attribution_hits("Its latest reports show a fall, the trust says.") == ["show", "says"]


def test_review_394_a_named_emotive_word_a_named_records_maker_and_a_records_judgement() -> None:
    freshway = unseen_article("review394.yaml")
    # '"Gimmick" means a trick ... a "green gimmick"' of "nothing more than a green gimmick": the
    # emotive word the note names alone finds the span ("gimmick" alone earned half, a fail).
    (framing,) = [q for q in questions_of(freshway, "find_framing", 1) if q.block == 12]
    assert score_answer(framing, selected(framing, "gimmick")).score == 1.0
    # "Figures from the government's Waste and Resources Agency show": the agency's name, with the
    # verb, finds the mention as "Figures" does (the name earned nothing, a fail).
    (sources,) = [q for q in questions_of(freshway, "find_sources", 1) if q.block == 9]
    assert score_answer(sources, selected(sources, "Agency", "show")).score == 1.0
    # "Freshway's figures do not add up to less waste": a reading of a record, so "observed" and
    # "an opinion" could each be defended.
    assert not [q for q in over_seeds(freshway, "statement_kind") if "add up" in q.quote]


def test_a_speakers_own_doubt_and_experience_told_as_she_is_not_asked_how_well_supported() -> None:
    # "she was sceptical at first but now finds it easier to concentrate in the afternoons": naming
    # who felt it supports nothing, and the note said so (review 396).
    phones = unseen_article("review396.yaml")
    assert not [q for q in over_seeds(phones, "support") if "sceptical" in q.quote]


def test_who_said_it_offers_no_record_on_the_storys_subject_beside_the_article_does_not_say() -> None:
    # "Public toilets have been vanishing from Britain's parks and high streets at an alarming rate"
    # beside "the Continence Care Alliance's 2023 survey" of toilets: the writer may have taken it from
    # the survey, though "toilets" is the headline's word (review 397).
    toilets = unseen_article("review397.yaml")
    asked = [q for q in over_seeds(toilets, "who_said_it", range(1, 6)) if "vanishing" in q.quote]
    assert asked
    for question in asked:
        assert not any("survey" in choice for choice in question.choices), question.choices


def test_review_401_a_records_own_name_its_maker_and_who_is_urged() -> None:
    tickets = unseen_article("review401.yaml")
    # "costs £412 this season" beside "Look at the original yourself: the Fan Price Index": a record
    # called by its own name is about what the name says, so "price" picked the key (a fail).
    assert not [q for q in over_seeds(tickets, "how_to_check") if "£412" in q.quote]
    # "According to the Fan Price Index, a yearly table compiled by the charity Fair Game Football,":
    # who made the record finishes saying where the figure comes from, so it costs nothing (a fail).
    (index,) = [
        q
        for q in questions_of(tickets, "find_sources", 1)
        if q.words[:3] == ("According", "to", "the") and "Fan" in q.words
    ]
    whole = "According to the Fan Price Index a yearly table compiled by the charity Fair Game Football"
    assert score_answer(index, selected(index, whole)).score == 1.0
    # "said the council had 'no say over ticket prices' but urged the club to": the club is who is
    # urged, so "urged" alone finds that the councillor said it.
    (urged,) = [q for q in questions_of(tickets, "find_sources", 1) if "urged" in q.words]
    assert score_answer(urged, selected(urged, "Patel", "said", "urged", "She said")).score == 1.0


def test_no_stated_as_a_fact_where_the_next_sentence_quotes_one_of_the_people_it_speaks_of() -> None:
    # "For many people on the Canal Street estate, that meant a walk of 25 minutes each way", then
    # '"It took me two buses to get there," said Doreen Walsh, who lives on Canal Street' (review 405);
    # "Regular swimmers are divided", then one of them named (review 389).
    turnout = unseen_article("review405.yaml")
    assert not [q for q in over_seeds(turnout, "support") if "Canal Street estate" in q.quote]
    river = unseen_article("review389.yaml")
    assert not [q for q in over_seeds(river, "support") if "swimmers are divided" in q.quote]


def test_how_to_check_a_headline_claim_never_offers_checking_the_headline() -> None:
    # "Reading to Dogs May Help Nervous Young Readers" asked about beside "Check that the headline says
    # the same thing": it points back at the words asked about (review 404, a fail).
    dogs = unseen_article("review404.yaml")
    asked = [q for q in over_seeds(dogs, "how_to_check", range(1, 6)) if q.focus and q.focus[0] == 0]
    assert asked
    for question in asked:
        assert not any("headline" in choice for choice in question.choices), question.choices


def test_a_speakers_own_uncertainty_in_the_first_person_is_not_asked_how_well_supported() -> None:
    # "we can't be sure it was the dogs that made the difference": the study leader's own doubt, which
    # naming her neither supports nor undermines (review 404).
    dogs = unseen_article("review404.yaml")
    assert not [q for q in over_seeds(dogs, "support") if "can't be sure" in q.quote]


def test_the_outlet_that_passed_words_on_earns_its_share_and_its_note_is_shown() -> None:
    # "Priya Lal, a nurse ..., told the Harford Echo": "Lal" and "told" found it, but naming every
    # source ("Priya Lal", "the Harford Echo") earned three quarters and "Harford Echo" alone nothing,
    # and the Echo's note was not shown (review 403, a fail; reviews 395, 396, 398, 401, 402).
    cycle_lane = unseen_article("review403.yaml")
    (question,) = [q for q in questions_of(cycle_lane, "find_sources", 1) if "Lal" in q.words]
    assert score_answer(question, selected(question, "Lal", "told", "she said")).score == 1.0
    assert (
        score_answer(question, selected(question, "Priya Lal", "the Harford Echo", "she said")).score == 1.0
    )
    outlet_alone = score_answer(question, selected(question, "Harford Echo")).score
    assert 0.0 < outlet_alone < 0.5
    echo = next(source for source in cycle_lane.sources if "Echo" in source.name)
    assert echo.note.split(".")[0] in question.explanation


def test_how_to_check_offers_no_wrong_place_the_article_gives_a_claim_on_the_same_thing() -> None:
    # "children were buying vapes online or from older friends instead" beside "Look at the original
    # yourself: the county council's Young People's Health Survey", which the article says found 41 per
    # cent "got their vapes from a friend or an older brother or sister" (review 408, a fail).
    vaping = unseen_article("review408.yaml")
    for question in over_seeds(vaping, "how_to_check", range(1, 6)):
        if "older friends" in question.quote:
            assert not any("Health Survey" in choice for choice in question.choices), question.choices


def test_who_said_it_reads_a_claims_capitalised_first_word_as_a_word_of_it() -> None:
    # "Vaping among teenagers has risen sharply across Britain since 2020" beside the survey of
    # vaping as a wrong choice: "Vaping" is no name, only a sentence's capital (review 408).
    vaping = unseen_article("review408.yaml")
    for question in over_seeds(vaping, "who_said_it", range(1, 6)):
        if "risen sharply" in question.quote:
            assert not any("Health Survey" in choice for choice in question.choices), question.choices


def test_a_ticking_time_bomb_is_not_asked_as_an_opinion() -> None:
    # "Homes built on flood plains are a ticking time bomb for the families who buy them": a bomb
    # goes off later, so "A prediction" could be defended (review 410, a fail).
    flood = unseen_article("review410.yaml")
    assert not [q for q in over_seeds(flood, "statement_kind") if "time bomb" in q.quote]


def test_a_bodys_job_with_whom_it_advises_is_no_attribution() -> None:
    # "the Flood Risk Partnership, which advises councils on flood risk" (review 410's audit).
    assert _attribution_hits("The partnership, which advises councils on flood risk, objected.") == []


def test_who_put_a_record_out_before_its_verb_finds_it_as_the_record_does() -> None:
    # "the company announced in a press release on Monday": "the company announced" earned half, as
    # only "release" found who (review 412, a fail).
    pasty = unseen_article("review412.yaml")
    (question,) = [q for q in questions_of(pasty, "find_sources", 1) if q.block == 1]
    assert score_answer(question, selected(question, "company announced")).score == 1.0
    assert score_answer(question, selected(question, "announced", "press release")).score == 1.0
    assert score_answer(question, selected(question, "company")).score < 1.0


def test_an_estimates_range_beside_the_word_of_doubt_costs_nothing() -> None:
    # 'the [possible] saving at "between £400,000 and £1 million"': "possible" with the range scored
    # nothing (review 416, a fail). The range is free, which leaves too few words to mark there.
    from app.domain.kinds.spot_hedge import _estimate_ranges
    from app.domain.text import Block

    assert _estimate_ranges(Block.from_text("the possible saving at between £400,000 and £1 million")) == [
        [4, 9]
    ]
    assert _estimate_ranges(Block.from_text("pupils aged 13 to 16 may join")) == []
    bins = unseen_article("review416.yaml")
    for question in over_seeds(bins, "spot_hedge"):
        if "between" in question.words:
            whole = selected(question, "possible saving at between £400,000 and £1 million")
            assert score_answer(question, whole).score >= 0.8


def test_a_pronouns_own_verb_is_a_key_word_where_the_vocabulary_lists_none() -> None:
    # "it puts the possible saving at ...", marked "it puts": "it" alone earned the whole mention and
    # "puts" nothing (review 416, a fail).
    bins = unseen_article("review416.yaml")
    (question,) = [q for q in questions_of(bins, "find_sources", 1) if "puts" in q.words]
    keys = [" ".join(question.words[s:e]) for s, e in question.keys]
    assert "puts" in keys and "it" in keys


def test_no_no_source_answer_before_an_unmarked_attribution_closing_the_next_sentence() -> None:
    # "The change affects around 1,100 pupils aged 11 to 18. Lessons will also finish 35 minutes later,
    # at 3.50pm, the letter said, ...", with "the letter said" unmarked, keyed "The article does not
    # say" beside the letter as a wrong choice (review 417, a fail).
    school = unseen_article("review417.yaml")
    for kind in ("who_said_it", "support"):
        assert not [q for q in over_seeds(school, kind) if "1,100 pupils" in q.quote], kind


def test_respondents_who_or_that_replied_are_no_attribution() -> None:
    # "212 of the 340 households that replied": the survey's respondents (review 414's audit).
    assert _attribution_hits("In all, 212 of the 340 households that replied want the shop to stay.") == []


def test_a_passive_told_about_with_an_adverb_between_is_no_attribution() -> None:
    # "Staff were only told about the move last week" (review 409's audit).
    assert _attribution_hits("Staff were only told about the move last week.") == []
    assert _attribution_hits("Staff were told about the move last week.") == []


def test_whose_words_is_not_asked_of_one_word_the_headline_uses_in_another_form() -> None:
    # "crawling", a driver's word, beside the headline's "Towns Forced to Crawl": the writer uses the
    # word too (review 406, a fail).
    speed = unseen_article("review406.yaml")
    assert not [q for q in over_seeds(speed, "whose_words") if q.quote.casefold().strip("'\"") == "crawling"]


def test_who_said_it_offers_no_vets_records_for_words_that_are_not_about_health() -> None:
    # "the zoo's vet records" offered for the weather and for traders' feelings (review 407): a vet's
    # records speak of animals' health, so they could not have said either.
    zoo = unseen_article("review407.yaml")
    for question in over_seeds(zoo, "who_said_it", range(1, 6)):
        assert not any("vet records" in choice for choice in question.choices), question.quote


def test_a_reporting_word_describing_a_noun_is_no_attribution() -> None:
    # "a growing crisis of stressed, exhausted teenagers": an adjective, not "she stressed"; read as an
    # attribution, it kept every "no source" question off the writer's claims (review 411).
    assert _attribution_hits("Teachers face a growing crisis of stressed, exhausted teenagers.") == []
    assert _attribution_hits("There were 12 confirmed cases last week.") == []
    assert _attribution_hits("She stressed that nobody was hurt.") == ["stressed"]


def test_find_sources_words_the_teacher_marked_after_the_verb_cost_nothing() -> None:
    # "the Elmbury Gazette reported at the time", marked whole: "at the time" cost marks (review 421).
    festival = unseen_article("review421.yaml")
    (question,) = [q for q in questions_of(festival, "find_sources") if "Elmbury" in " ".join(q.words)]
    assert score_answer(question, selected(question, "the Elmbury Gazette reported at the time")).score == 1.0
    assert score_answer(question, selected(question, "Gazette reported")).score == 1.0


def test_could_said_again_of_someone_else_after_neither_is_no_hedge() -> None:
    # "My grandchildren couldn't sleep, and neither could I": what she could not do (review 421's audit).
    assert _hedge_hits("My grandchildren couldn't sleep, and neither could I.") == []
    assert _hedge_hits("The pool could close, and so could the library.") == ["could", "could"]


def test_how_to_check_is_not_asked_where_a_claims_unit_names_the_right_record() -> None:
    # "levels of 68 decibels" beside "the council officers' sound readings" and "the council's
    # complaint figures": decibels measure sound, so the key is found without reading (review 421).
    festival = unseen_article("review421.yaml")
    assert not [q for q in over_seeds(festival, "how_to_check") if "decibels" in q.quote]


def test_a_share_of_a_group_does_not_say_what_the_headline_says_of_all() -> None:
    # "One family in eight spent £450 or more on a single child" was taken as saying "Cost Families £450
    # a Child", so no quiz asked about the headline (review 419).
    uniforms = unseen_article("review419.yaml")
    assert [q for q in questions_of(uniforms, "headline_check") if q.quote == "£450 a Child"]


def test_spot_the_hedge_a_range_with_or_beside_the_doubt_is_free() -> None:
    # "could last two or three years": "or three" cost marks (review 419).
    uniforms = unseen_article("review419.yaml")
    (question,) = [q for q in questions_of(uniforms, "spot_hedge") if "blazer" in " ".join(q.words)]
    assert score_answer(question, selected(question, "could last two or three years")).score == 1.0
    assert score_answer(question, selected(question, "could")).score == 1.0


def test_who_said_it_is_not_asked_where_the_words_name_the_keys_own_record() -> None:
    # "it had no plans to change the guidance", from the Department for Education, whose guidance
    # the article quotes: "guidance" points at the key (review 419).
    uniforms = unseen_article("review419.yaml")
    assert not [q for q in over_seeds(uniforms, "who_said_it") if "guidance" in q.quote]


def test_how_to_check_offers_no_transport_record_as_the_wrong_place_for_traffic() -> None:
    # "the transport assessment" offered as the wrong place for "Mill Road was wide enough for the
    # extra traffic": it could hold the claim (review 420).
    estate = unseen_article("review420.yaml")
    for question in over_seeds(estate, "how_to_check"):
        if "traffic" in question.quote:
            assert not any("transport assessment" in c for c in question.choices), question.quote


def test_find_unverified_is_not_asked_where_a_speakers_description_says_how_long() -> None:
    # "Jean Pritchard, 71, who has swum there every morning for 30 years, said": how long she has
    # swum is stated with no source, and selecting it cost marks (review 418).
    pool = unseen_article("review418.yaml")
    assert not [q for q in questions_of(pool, "find_unverified") if "Pritchard" in " ".join(q.words)]


def test_find_sources_who_put_forward_a_plan_costs_nothing() -> None:
    # "under plans put forward by Westmoor District Council" cost 0.2 (review 418).
    pool = unseen_article("review418.yaml")
    (question,) = [q for q in questions_of(pool, "find_sources") if q.block == 1]
    chosen = selected(question, "put forward by Westmoor District Council", "according to a council report")
    assert score_answer(question, chosen).score == 1.0


def test_find_sources_prints_a_sources_note_once_beside_the_outlet_that_passed_it_on() -> None:
    # "Tom Ashby ... told the Harrowfield Echo", "He said", "he said": Mr Ashby's note was printed
    # twice, once with the Echo's note and once alone (reviews 413, 417 and 421).
    festival = unseen_article("review421.yaml")
    (question,) = [q for q in questions_of(festival, "find_sources") if "Ashby" in " ".join(q.words)]
    assert question.explanation.count("makes money from the festival") == 1
    assert "Harrowfield Echo" in question.explanation


def test_find_sources_who_made_a_record_before_its_verb_finds_who_without_by() -> None:
    # "according to figures the charity published on Monday": "according" and "charity" scored 0.5
    # (review 424), where "figures published by the charity" finds who by "charity".
    food = unseen_article("review424.yaml")
    (question,) = [q for q in questions_of(food, "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "according", "charity")).score == 1.0
    assert score_answer(question, selected(question, "according", "figures")).score == 1.0


def test_find_sources_a_speakers_own_source_inside_the_quotation_costs_nothing() -> None:
    # '"A dad came in last week and told us he hadn't eaten ...," she said': only "told" was free, and
    # "A dad came in last week and told us" cost 0.23 (review 424).
    food = unseen_article("review424.yaml")
    (question,) = [q for q in questions_of(food, "find_sources") if "dad" in q.words]
    chosen = selected(
        question, "One volunteer", "told the Harrowby Courier", "A dad came in last week and told us"
    )
    assert score_answer(question, (*chosen, *selected(question, "she said"))).score == 1.0


def test_a_bodys_own_aim_is_not_asked_as_stated_with_no_source() -> None:
    # "The government wants offshore wind farms to produce half of Britain's electricity by 2030": only
    # the government knows its aim, so "A source the article names" could be defended (review 423).
    wind = unseen_article("review423.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in over_seeds(wind, kind) if q.quote.startswith("The government wants")], kind


def test_find_sources_the_body_after_by_finds_who_made_the_record() -> None:
    # "A survey by the harbour committee found": "the harbour committee found" scored nothing (review 423).
    wind = unseen_article("review423.yaml")
    (question,) = [
        q for q in questions_of(wind, "find_sources") if "survey" in q.words and "harbour" in q.words
    ]
    rest = ("Penhale", "said", "residents say")
    assert score_answer(question, selected(question, "harbour committee found", *rest)).score == 1.0
    assert score_answer(question, selected(question, "survey", *rest)).score == 1.0


def test_how_to_check_offers_no_wrong_record_named_by_the_claims_own_noun() -> None:
    # "Kelmoor Academy's published results" offered as the wrong place for "results improved across the
    # county": it could hold the claim (review 422).
    phones = unseen_article("review422.yaml")
    for question in over_seeds(phones, "how_to_check"):
        if "results improved" in question.quote:
            assert not any("published results" in choice for choice in question.choices)


def test_spot_the_hedge_every_word_to_mark_short_of_the_whole_passage_keeps_a_quarter() -> None:
    # "could be released on the island" for "could" in "could be released on the island as early as
    # 2028" scored nothing, as selecting every word does (review 425, a fail).
    zoo = unseen_article("review425.yaml")
    (question,) = [q for q in questions_of(zoo, "spot_hedge") if "released" in q.words]
    assert score_answer(question, selected(question, "could be released on the island")).score == 0.25
    assert score_answer(question, selected(question, "could be released")).score == 1.0
    assert score_answer(question, tuple(range(len(question.words)))).score == 0.0


def test_who_said_it_offers_no_outlet_that_passed_on_a_speaker_of_the_claims_paragraph() -> None:
    # "Studies of phone bans elsewhere have been mixed, he added. A 2023 review ... found small gains":
    # "the Westbridge Echo", which the professor told, could be defended for the review's finding
    # (review 422).
    phones = unseen_article("review422.yaml")
    for question in over_seeds(phones, "who_said_it", range(1, 8)):
        if "small gains" in question.quote:
            assert "the Westbridge Echo" not in question.choices


def test_find_sources_the_maker_after_issued_by_finds_a_press_release() -> None:
    # "according to a press release issued on Monday by Castlegate Developments": "Castlegate
    # Developments" scored nothing, as "release" is a reporting word too (review 429, a fail).
    stadium = unseen_article("review429.yaml")
    (question,) = [q for q in questions_of(stadium, "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "according", "Castlegate Developments")).score == 1.0
    assert score_answer(question, selected(question, "according", "release")).score == 1.0
    assert score_answer(question, selected(question, "Castlegate Developments")).score == 0.5


def test_a_plural_noun_after_of_and_a_plain_word_is_no_attribution() -> None:
    # "the cost of fitting timers to thousands of lamp posts was counted" (review 426's audit).
    text = "He said the cost of fitting timers to thousands of lamp posts was counted."
    assert _attribution_hits(text) == ["said"]


def test_what_a_surveys_respondents_said_is_no_attribution() -> None:
    # "46 per cent said they worked for money, the survey found", "one in five of them said", "twice as
    # likely to say": the survey's answers, which the record gives (review 427's audit).
    assert _attribution_hits("In all, 46 per cent said they worked for money, the survey found.") == ["found"]
    assert _attribution_hits("About one in five of them said they were tired.") == []
    assert _attribution_hits("Boys were twice as likely to say they were tired, the report shows.") == [
        "shows"
    ]
    assert _attribution_hits("Officials said 46 per cent of pupils worked.") == ["said"]


def test_may_of_what_a_rule_allows_up_to_a_limit_is_no_hedge() -> None:
    # "Under national rules, 14- to 16-year-olds may work no more than 12 hours in a school week" (review
    # 427's audit, where the teacher's note said so).
    assert (
        _hedge_hits("Under national rules, 14- to 16-year-olds may work no more than 12 hours a week.") == []
    )
    assert _hedge_hits("Prices may rise by no more than 2 per cent.") == ["may"]
    assert _hedge_hits("It may cost no more than £5.") == ["may"]


def test_a_headline_states_as_fact_what_the_body_gives_to_a_source() -> None:
    # "to Create 900 Jobs and Bring £60m a Year" beside "creating 900 jobs and bringing £60 million a
    # year ..., according to a press release": the body says whose figures they are, so it does not say
    # the same, and no quiz asked about the headline (review 429).
    stadium = unseen_article("review429.yaml")
    asked = {q.quote for q in questions_of(stadium, "headline_check")}
    assert "Bring £60m a Year" in asked


def test_the_audit_names_attributions_and_hedges_in_a_paragraph_left_unannotated() -> None:
    # "Dev Sharma ... said" and "The rumour appears to have started", each in a paragraph with no
    # annotation, went unreported (reviews 418, 426 and 433).
    from app.domain.audit import unmarked_words
    from app.domain.passage import ArticleReading

    notes = unmarked_words(ArticleReading(unseen_article("review433.yaml"), VOCABULARY))
    assert any("has no annotations" in note and "[appears]" in note for note in notes)
    assert any("has no annotations" in note and "[said]" in note for note in notes)


def test_respondents_one_in_five_and_what_a_record_could_not_show_are_no_attribution() -> None:
    # "one in five said they had gone a whole week", "he said it could not show whether" (review 432).
    assert _attribution_hits(
        "One in five said they had gone a week without a visitor, the survey found."
    ) == ["found"]
    assert _attribution_hits("But he said it could not show whether the lunches caused it.") == ["said"]


def test_whose_words_the_headline_quotes_counts_a_short_words_other_forms() -> None:
    # "Saves" asked as one speaker's word ("The school saves money"), though the writer also writes
    # "could save" and "usually save" (review 431, a fail).
    school = unseen_article("review431.yaml")
    assert not [q for q in over_seeds(school, "headline_quote") if q.quote.strip("'\"") == "Saves"]


def test_find_sources_who_published_a_record_after_the_mention_costs_nothing() -> None:
    # "according to a study published on Monday by researchers at Harwood University", marked up to
    # "study": "researchers at Harwood University" cost marks (review 435, a fail).
    uniform = unseen_article("review435.yaml")
    (question,) = [q for q in questions_of(uniform, "find_sources") if q.block == 1]
    chosen = selected(
        question, "according to a study published on Monday by researchers at Harwood University"
    )
    assert score_answer(question, chosen).score == 1.0


def test_a_share_of_respondents_and_fewer_reports_are_no_attribution() -> None:
    # "one in four secondary pupils says", "31 per cent fewer bullying reports" (review 435's audit).
    text = "About one in four secondary pupils says they were bullied, the survey found."
    assert _attribution_hits(text) == ["found"]
    assert _attribution_hits("Schools had 31 per cent fewer bullying reports last year.") == []
    assert _attribution_hits("Teachers say the rules work.") == ["say"]


def test_no_weather_service_is_offered_for_words_that_are_not_about_weather() -> None:
    # "the Met Office" and "forecasters" offered for a witness's "It was a total shambles" and for the
    # lido's history (review 434, a fail).
    lido = unseen_article("review434.yaml")
    for kind in ("who_said_it", "whose_words"):
        for question in over_seeds(lido, kind):
            if "shambles" in question.quote or "1936" in question.quote:
                assert not {"the Met Office", "forecasters"} & set(question.choices), question.quote


def test_support_keys_no_record_as_named_where_the_notes_say_it_cannot_be_traced() -> None:
    # "Research from the United States found ...", keyed "A source the article names" above the
    # teacher's note "This comes from research we cannot identify" (review 431, a fail).
    school = unseen_article("review431.yaml")
    assert not [q for q in questions_of(school, "support") if "5 per cent" in q.quote]
    assert [q for q in questions_of(school, "support") if "Mock exam scores" in q.quote]


def test_statement_kind_asks_nothing_of_an_opinion_of_an_end_to_come_or_of_nothing_to_fear() -> None:
    # 'the lane was "the final nail in the coffin" for small shops' and 'shops had "nothing to fear"
    # from people on bikes', both marked as opinions: "a prediction" could be defended (review 441).
    lane = unseen_article("review441.yaml")
    asked = [q.quote for q in questions_of(lane, "statement_kind")]
    assert not [quote for quote in asked if "coffin" in quote or "nothing to fear" in quote]
    assert [quote for quote in asked if "working exactly as we hoped" in quote]


def test_statement_kind_asks_nothing_of_an_observation_its_note_calls_a_guess() -> None:
    # "Half my customers drive in from the villages", keyed "Something observed" above the note
    # '"half" is his guess: he does not say he counted them' (review 438).
    park = unseen_article("review438.yaml")
    assert not [q for q in questions_of(park, "statement_kind") if "Half my customers" in q.quote]


def test_who_said_it_offers_only_people_for_a_persons_own_doings_with_no_source() -> None:
    # "she spent her savings on a second-hand microscope", with no source, against "the WaterBridge
    # report", "experts" and "ClearFlow Technologies": "does not say" was found without reading (review
    # 440, a fail).
    fair = unseen_article("review440.yaml")
    asked = [q for q in over_seeds(fair, "who_said_it") if q.quote.startswith("she spent her savings")]
    assert asked
    for question in asked:
        assert not {"the WaterBridge report", '"experts"', "ClearFlow Technologies"} & set(question.choices)


def test_how_to_check_offers_no_record_the_article_gives_to_the_keys_owner() -> None:
    # "the minutes of the council meeting" offered as the wrong place to check a cost from "A report by
    # the council's planning officers", and that report for the car park's income from "the council's
    # annual accounts": one council's records may hold each other's figures (review 438).
    park = unseen_article("review438.yaml")
    for question in over_seeds(park, "how_to_check"):
        offered = " ".join(question.choices)
        council_records = ("minutes of the council meeting", "planning officers' report", "annual accounts")
        assert sum(record in offered for record in council_records) <= 1, question.quote


def test_find_sources_a_record_introduced_before_the_words_that_report_it_is_not_required() -> None:
    # "The decision follows an inspection report by the Road Vehicle Inspectorate, ... According to the
    # report, inspectors found ... the report says": the two attributions alone scored 0.667 (review 439).
    coaches = unseen_article("review439.yaml")
    (question,) = [q for q in questions_of(coaches, "find_sources") if q.block == 3]
    assert (
        score_answer(question, selected(question, "According to the report", "the report says")).score == 1.0
    )
    chosen = selected(
        question,
        "an inspection report by the Road Vehicle Inspectorate",
        "According to the report",
        "the report says",
    )
    assert score_answer(question, chosen).score == 1.0
    assert score_answer(question, selected(question, "According to the report")).score < 1.0


def test_find_sources_how_a_source_gave_its_words_opening_the_sentence_costs_nothing() -> None:
    # "In a letter sent to families on Monday, headteacher Dr Ruth Okoye said" scored 0.893 (review 439).
    coaches = unseen_article("review439.yaml")
    (question,) = [q for q in questions_of(coaches, "find_sources") if q.block == 2]
    chosen = selected(
        question,
        "In a letter sent to families on Monday",
        "headteacher Dr Ruth Okoye said",
        "according to the letter",
    )
    assert len(chosen) == 17
    assert score_answer(question, chosen).score == 1.0


def test_whose_words_offers_no_news_outlet_beside_the_writer() -> None:
    # "damning", the writer's own word, with "the Kelsey Gazette" on offer: a reader may take the
    # article for the Gazette's (review 439).
    coaches = unseen_article("review439.yaml")
    for question in over_seeds(coaches, "whose_words", range(1, 6)):
        if question.choices[question.answer[0]] == "The writer of the article, in its own words":
            assert "the Kelsey Gazette" not in question.choices


def test_a_record_the_paper_was_sent_a_copy_of_or_whose_maker_is_not_named_is_not_checked_or_named() -> None:
    # "according to the laboratory's report, a copy of which was sent to this newspaper", with the note
    # "the article does not name the laboratory": "Look at the original yourself" was the key of how to
    # check, and "A source the article names" of how well supported (review 445).
    pool = unseen_article("review445.yaml")
    for question in questions_of(pool, "how_to_check"):
        assert (
            question.choices[question.answer[0]] != "Look at the original yourself: the laboratory's report"
        )
    assert not [q for q in questions_of(pool, "support") if "E. coli" in q.quote]


def test_a_record_whose_name_says_what_the_claim_reports_is_not_asked_about() -> None:
    # "Carrow Valley Water's published overflow records" for "sewage was released there on 31 days last
    # year": "overflow" speaks of the sewage, so the key's name gives it away (review 445).
    pool = unseen_article("review445.yaml")
    for kind in ("who_said_it", "how_to_check"):
        assert not [q for q in over_seeds(pool, kind) if "31 days" in q.quote], kind


def test_tell_a_different_story_is_no_attribution() -> None:
    # "Clean Carrow says its own samples tell a different story" (review 445's audit).
    assert _attribution_hits("But Clean Carrow says its own samples tell a different story.") == ["says"]
    assert _attribution_hits("She said the samples told another story.") == ["said"]
    # A record's own telling is its attribution, as a teacher marked it (review 132).
    assert _attribution_hits("But figures in the council's own review tell a different story.") == ["tell"]


def test_support_asks_nothing_of_what_a_body_wants_or_demands() -> None:
    # "it wants FreshFare to keep at least two staffed tills open at all times", from the union (review 442).
    tills = unseen_article("review442.yaml")
    assert not [q for q in questions_of(tills, "support") if "wants FreshFare" in q.quote]


def test_statement_kind_asks_nothing_of_a_count_of_how_people_find_something() -> None:
    # "38 per cent of people over 65 find self-checkouts 'stressful or confusing'", keyed "Something
    # observed" (review 442): a count of feelings, so "An opinion" could be defended.
    tills = unseen_article("review442.yaml")
    assert not [q for q in questions_of(tills, "statement_kind") if "stressful" in q.quote]


def test_a_groups_feeling_in_the_speakers_quotation_marks_is_theirs() -> None:
    # 'residents of Grange Road were "already furious"', from a councillor: "An unnamed or vague source"
    # could be argued beside the councillor (review 443).
    parking = unseen_article("review443.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in over_seeds(parking, kind) if "furious" in q.quote], kind


def test_who_said_it_quotes_the_mention_that_shows_who_not_a_verb_alone() -> None:
    # 'The article gives this to FreshFare ("added" in paragraph 7)' (review 442).
    tills = unseen_article("review442.yaml")
    (question,) = [q for q in questions_of(tills, "who_said_it") if "Penny Market" in q.quote]
    assert '("A spokesperson said" in paragraph 7)' in question.explanation


def test_find_sources_the_group_after_member_of_finds_who_speaks() -> None:
    # "One member of staff, who asked not to be named, told the Brackwell Echo": "staff" earned nothing
    # beside "member" (review 442).
    tills = unseen_article("review442.yaml")
    (question,) = [q for q in questions_of(tills, "find_sources") if q.block == 9]
    assert score_answer(question, selected(question, "staff", "told", "The worker said")).score == 1.0
    assert score_answer(question, selected(question, "member", "told", "The worker said")).score == 1.0


def test_support_keys_no_unnamed_source_whose_note_points_at_a_named_one() -> None:
    # "Experts say viral videos of old bridges ... are often misleading", keyed "An unnamed or vague
    # source" above the note "Compare this with Mr Okoro, a named engineer who says something similar"
    # (review 449).
    bridge = unseen_article("review449.yaml")
    assert not [q for q in questions_of(bridge, "support") if "misleading" in q.quote]


def test_an_explanation_quotes_who_speaks_before_a_pronoun_and_verb() -> None:
    # 'The article gives this to Sam Okoro ("He added" in paragraph 7)' (review 449).
    bridge = unseen_article("review449.yaml")
    explanations = [q.explanation for q in questions_of(bridge, "who_said_it")]
    assert any('led the inspection, said ... He added" in paragraph 7)' in text for text in explanations)
    assert not any('("He added" in' in text for text in explanations)


def test_a_rulebook_is_not_the_only_other_record_for_a_rule_nor_a_study_for_a_fine() -> None:
    # "Clubs that ignore the rule will get ... a fine of £50", from the league's handbook, against "the
    # Hallam University study" alone: the key was found without reading (review 446, a fail).
    heading = unseen_article("review446.yaml")
    for kind in ("how_to_check", "who_said_it"):
        assert not [q for q in over_seeds(heading, kind) if "fine of" in q.quote], kind


def test_find_framing_a_word_that_softens_is_no_key_word() -> None:
    # "close to a religion": "religion" and "bombshell" scored 0.75, as "close" was a key word (review 446).
    heading = unseen_article("review446.yaml")
    (question,) = [q for q in questions_of(heading, "find_framing") if "religion" in q.words]
    assert score_answer(question, selected(question, "religion", "bombshell")).score == 1.0


def test_find_sources_how_a_record_came_out_after_it_costs_nothing() -> None:
    # ", which was sent to clubs last week" (review 446) and "lodged with the district council last
    # month" (review 447), after the marked record.
    heading = unseen_article("review446.yaml")
    (question,) = [q for q in questions_of(heading, "find_sources") if q.block == 11]
    chosen = selected(
        question, "according to the league's handbook for the new season", "which was sent to clubs last week"
    )
    assert score_answer(question, chosen).score == 1.0
    incinerator = unseen_article("review447.yaml")
    (question,) = [q for q in questions_of(incinerator, "find_sources") if q.block == 1]
    chosen = selected(
        question, "according to a planning application lodged with the district council last month"
    )
    assert score_answer(question, chosen).score == 1.0


def test_sources_of_pollution_is_no_attribution() -> None:
    # "compared with other sources of air pollution" (review 447's audit).
    assert _attribution_hits(
        "Traffic is a bigger risk than other sources of air pollution, the agency said."
    ) == ["said"]
    assert _attribution_hits("Sources close to the council said the plan was dead.") == ["Sources", "said"]


def test_who_said_it_and_support_ask_nothing_of_words_that_give_a_records_finding() -> None:
    # "studies of modern incinerators in Britain had found 'no clear link'", from a health officer: the
    # studies could be given as the source too (review 447).
    incinerator = unseen_article("review447.yaml")
    for kind in ("who_said_it", "support"):
        assert not [q for q in over_seeds(incinerator, kind) if "no clear link" in q.quote], kind


def test_who_said_it_offers_nobody_whose_point_the_key_concedes() -> None:
    # "Mrs Price accepted that the new phonics lessons had played a part", with "Helen Marsh", who had
    # just pointed out the phonics programme, on offer (review 448).
    reading_scheme = unseen_article("review448.yaml")
    asked = [q for q in over_seeds(reading_scheme, "who_said_it") if "phonics" in q.quote]
    assert asked
    assert not [q for q in asked if "Helen Marsh" in q.choices]


def test_support_asks_nothing_of_what_a_speaker_has_never_seen() -> None:
    # '"I have never seen children so keen to pick up a book"', keyed "A source the article names"
    # (review 448).
    reading_scheme = unseen_article("review448.yaml")
    assert not [q for q in questions_of(reading_scheme, "support") if "never seen" in q.quote]


def test_a_question_quoting_the_word_headlines_is_no_question_about_the_headline() -> None:
    # 'Whose words are these, in paragraph 10: "chasing headlines"?' counted as asking about the headline,
    # so the audit said nothing though no quiz asked about it (review 448).
    from app.domain.audit import audit_article

    findings = audit_article(unseen_article("review448.yaml"), VOCABULARY, seeds=5)
    assert any("ask nothing about the headline" in finding.message for finding in findings)


def test_find_framing_each_phrase_a_note_quotes_is_an_equal_share() -> None:
    # '"Every time" and "a lake"' of "Every time it rains hard, that field turns into a lake": "lake" earned
    # a third, and a student who found both spans by "turns into a lake" and "It will come straight
    # through our front doors" scored less than one who selected every quoted word (review 453, a fail).
    estate = unseen_article("review453.yaml")
    (question,) = [q for q in questions_of(estate, "find_framing") if q.block == 3]
    sensible = selected(question, "turns into a lake", "It will come straight through our front doors")
    assert score_answer(question, sensible).score == 0.75
    assert score_answer(question, selected(question, "Every time", "lake", "front doors")).score == 1.0


def test_a_bare_count_of_people_who_answered_is_no_attribution() -> None:
    # "61 of the 84 teachers who replied ..., and 47 said behaviour was worse" (review 451's audit).
    text = (
        "In all, 61 of the 84 teachers who replied said pupils were tired, and 47 said behaviour was worse."
    )
    assert _attribution_hits(text) == ["said"]
    assert _attribution_hits("Police arrested 12 people in 2022 and 47 said they would appeal.") == ["said"]


def test_statement_kind_asks_nothing_of_a_claim_holding_a_word_marked_as_framing_elsewhere() -> None:
    # "People up here will be abandoned", keyed "A prediction", beside the headline's scare-quoted
    # 'Abandoned' (review 450).
    bus = unseen_article("review450.yaml")
    assert not [q for q in questions_of(bus, "statement_kind") if "abandoned" in q.quote]


def test_the_predictions_definition_does_not_repeat_a_forecasts_own_words() -> None:
    # "could fall behind in every subject", keyed "A prediction" under "Says what will or could happen
    # later": the definition matched the claim's own "could" (review 456).
    from app.domain.kinds.statement_kind import PREDICTION, STATEMENT_DEFINITIONS

    definition = STATEMENT_DEFINITIONS[PREDICTION].casefold().split()
    assert not {"will", "could", "may", "might"} & {word.strip(".,:") for word in definition}


def test_a_quiz_asks_spot_the_hedge_once_a_paragraph() -> None:
    # "may" and "could" in neighbouring sentences of paragraph 9, both asked in two quizzes (review 457).
    camera = unseen_article("review457.yaml")
    for seed in range(1, 6):
        hedges = [q.block for q in build_quiz(camera, VOCABULARY, seed, length=12) if q.kind == "spot_hedge"]
        assert len(hedges) == len(set(hedges)), seed


def test_find_sources_the_members_after_board_of_find_who_speaks() -> None:
    # "the theatre's board of trustees announced" then "the trustees said": "trustees announced" scored
    # 0.75 (review 455).
    theatre = unseen_article("review455.yaml")
    (question,) = [q for q in questions_of(theatre, "find_sources") if q.block == 1]
    assert score_answer(question, selected(question, "trustees announced", "the trustees said")).score == 1.0


def test_a_reporting_word_after_a_possessive_and_a_describing_word_is_a_noun() -> None:
    # "the Lantern's final show, a production of Our Town" (review 455's audit).
    assert _attribution_hits("It will be the Lantern's final show, the director said.") == ["said"]
    assert _attribution_hits("The teachers' union claims the plan will fail.") == ["claims"]


def test_whose_words_the_headline_quotes_gives_nobody_a_label_they_say_others_use() -> None:
    # "Yobs" given to the rider who said "people are calling us yobs for using it" (review 458, a fail).
    skate = unseen_article("review458.yaml")
    assert not [q for q in over_seeds(skate, "headline_quote") if "Yobs" in q.quote]


def test_find_sources_a_place_in_an_unnamed_sources_name_is_not_who_speaks() -> None:
    # "One, who owns a stretch of the track near Fellside ..., told", for "an unnamed landowner near
    # Fellside": the key was "Fellside" and "told" (review 460, a fail).
    railway = unseen_article("review460.yaml")
    (question,) = [q for q in questions_of(railway, "find_sources") if q.block == 7]
    assert score_answer(question, selected(question, "One", "told", "residents", "say")).score == 1.0


def test_spot_the_hedge_a_range_with_its_unit_is_free_beside_the_word_of_doubt() -> None:
    # "Rents could rise by another 8 to 10 per cent next year": "could" and "8 to 10 per cent" scored
    # 0.375 (review 461, a fail). "aged 13 to 16" stays an exact band.
    rents = unseen_article("review461.yaml")
    (question,) = [q for q in questions_of(rents, "spot_hedge") if "10" in q.words]
    assert score_answer(question, selected(question, "could", "8 to 10 per cent")).score == 1.0
    assert score_answer(question, selected(question, "could rise by another 8 to 10 per cent")).score >= 0.85


def test_support_asks_nothing_of_what_a_source_recommends() -> None:
    # "The study recommends leaving the tunnel unlit and closing it at night" (review 460).
    railway = unseen_article("review460.yaml")
    assert not [q for q in questions_of(railway, "support") if "unlit" in q.quote]


def test_support_asks_nothing_of_what_a_speaker_says_they_cannot_prove() -> None:
    # "I can't prove the four-day week caused it, but I know what I see in the corridors", keyed "A
    # source the article names" (review 463).
    timetable = unseen_article("review463.yaml")
    assert not [q for q in questions_of(timetable, "support") if "prove" in q.quote]


def test_find_framing_a_name_in_a_phrase_the_note_quotes_is_no_key_word() -> None:
    # "once the pride of Castlebridge", the note quoting "The pride of Castlebridge": "pride" and
    # "devastating" scored 0.75, and "Castlebridge" alone as much as "pride" (review 465, a fail).
    river = unseen_article("review465.yaml")
    (question,) = [q for q in questions_of(river, "find_framing") if q.block == 9]
    assert score_answer(question, selected(question, "pride", "devastating")).score == 1.0
    assert score_answer(question, selected(question, "Castlebridge")).score == 0.0


def test_tells_only_half_the_story_is_no_attribution() -> None:
    # "the 40 per cent figure tells only half the story" (review 462's audit).
    assert _attribution_hits("But the 40 per cent figure tells only half the story, she said.") == ["said"]


def test_who_said_it_offers_beside_an_unnamed_key_of_a_body_another_unnamed_person_of_a_body() -> None:
    # "the money would come from the parks budget", from "an unnamed council officer", beside "an
    # unnamed tenant at the Brook Road site": only the officer could know a budget (review 467, a fail).
    allotments = unseen_article("review467.yaml")
    assert not [q for q in over_seeds(allotments, "who_said_it") if "parks budget" in q.quote]
    # Beside another unnamed person of a body, the question stays: "an unnamed coach at the club"
    # against "an unnamed council officer" (review 469).
    pitches = unseen_article("review469.yaml")
    assert [q for q in over_seeds(pitches, "who_said_it") if "girls' team" in q.quote]


def test_statement_kind_asks_nothing_of_an_opinion_that_something_cannot_go_on() -> None:
    # "Council tax payers cannot keep paying for the pitches on their own": "A prediction" could be
    # defended beside "An opinion" (review 469).
    pitches = unseen_article("review469.yaml")
    assert not [q for q in questions_of(pitches, "statement_kind") if "cannot keep" in q.quote]


def test_support_asks_nothing_of_a_groups_feeling_told_by_someone_else() -> None:
    # "Families who owed a couple of pounds were too embarrassed to come back", from the manager: the
    # feeling is the families' (review 466).
    library = unseen_article("review466.yaml")
    for kind in ("support", "who_said_it"):
        assert not [q for q in questions_of(library, kind) if "embarrassed" in q.quote], kind


def test_cannot_be_sure_is_a_word_of_doubt() -> None:
    # "Ms Keele admitted that the library cannot be sure the change was the reason", keyed "A source the
    # article names" (review 466).
    assert _hedge_hits("The library cannot be sure the change was the reason.") == ["cannot be sure"]
    assert _hedge_hits("It is too soon to tell whether it worked.") == ["too soon to tell"]
    library = unseen_article("review466.yaml")
    assert not [q for q in questions_of(library, "support") if "cannot be sure" in q.quote]


def test_find_framing_a_belittling_word_and_its_noun_each_find_the_span() -> None:
    # '"A few pennies" makes the fines sound tiny': "pennies" alone earned nothing beside "few" (review
    # 466). "just" of "just nine" stays the core (test_generate).
    library = unseen_article("review466.yaml")
    (question,) = [q for q in questions_of(library, "find_framing") if q.block == 3]
    for words in (("few",), ("pennies",), ("few pennies",)):
        assert score_answer(question, selected(question, *words)).score == 1.0, words
    assert score_answer(question, selected(question, "losing readers")).score == 0.0


def test_no_source_is_not_the_key_where_an_unnamed_voice_next_speaks_of_heat() -> None:
    # "Heatstroke can kill a healthy adult within hours if it is not treated. Experts say runners who are
    # not used to hot weather are in the most danger": the experts could be defended (review 468).
    race = unseen_article("review468.yaml")
    assert not [q for q in questions_of(race, "support") if "Heatstroke" in q.quote]


def test_never_told_anyone_is_no_attribution() -> None:
    # "...found land somewhere else and never told anyone" (review 467's audit).
    assert _attribution_hits("Some found land elsewhere and never told anyone, she said.") == ["said"]
    assert _attribution_hits("They told nobody about the plan.") == []
    assert _attribution_hits("He told anyone who would listen that it was a scandal.") == ["told"]


def test_who_said_it_never_offers_two_wrong_choices_that_stand_or_fall_together() -> None:
    # '"other farmers in the valley"' beside "an unnamed farmer downstream", and "Ruth Kendal" beside
    # "the Wenndale Farmers' Group" she chairs: a student rules out both at once (review 472).
    beavers = unseen_article("review472.yaml")
    for question in over_seeds(beavers, "who_said_it", range(1, 11)):
        wrong = {c for i, c in enumerate(question.choices) if i not in question.answer}
        assert not {'"other farmers in the valley"', "an unnamed farmer downstream"} <= wrong
        assert not {"Ruth Kendal", "the Wenndale Farmers' Group"} <= wrong


def test_support_asks_nothing_of_what_happened_against_the_speakers_own_hopes() -> None:
    # "These figures are better than we had hoped", keyed "A source the article names" (review 471).
    limit = unseen_article("review471.yaml")
    assert not [q for q in questions_of(limit, "support") if "hoped" in q.quote]


def test_how_to_check_quotes_the_words_that_show_the_relay_not_a_name_sharing_a_word() -> None:
    # "Dave Pritchard, chairman of the Elmhurst Motorists' Forum," was quoted as showing the relay
    # through "the Elmhurst Echo" (review 471).
    b = ArticleBuilder(
        "Bus Service to End",
        [
            "The bus service will end in May, according to a council report.",
            "Dave Pritchard, chairman of the Elmhurst Bus Users' Forum, told the Elmhurst Echo that the "
            "buses were often late.",
            "According to the Elmhurst Echo, nobody was consulted.",
        ],
    )
    b.source("report", "the council report", "document_or_data", ["according to a council report"])
    b.source(
        "echo",
        "the Elmhurst Echo",
        "news_outlet",
        [b.span("the Elmhurst Echo", block=2), "According to the Elmhurst Echo"],
    )
    b.source(
        "pritchard",
        "Dave Pritchard, chairman of the Elmhurst Bus Users' Forum",
        "named_person",
        ["Dave Pritchard, chairman of the Elmhurst Bus Users' Forum, told"],
        via="echo",
    )
    b.claim("the buses were often late", "attributed", source="pritchard")
    (question,) = questions_of(b.build(), "how_to_check")
    relay = question.explanation.split(". ")[0]
    assert relay.startswith("The writer did not hear this first-hand: it reached this article through the")
    assert "Pritchard" not in relay


def test_a_drive_across_town_speaks_of_traffic() -> None:
    # "the council's first-year road safety report" offered as the wrong place to check "a drive across
    # town now takes ten minutes longer" (review 471).
    limit = unseen_article("review471.yaml")
    for question in questions_of(limit, "how_to_check"):
        assert "drive across town" not in question.quote


def test_find_sources_a_reporting_word_ending_a_records_mention_is_its_verb() -> None:
    # "the club's entry list shows": the key was "list" alone, and "shows" earned nothing (review 468).
    race = unseen_article("review468.yaml")
    (question,) = [q for q in questions_of(race, "find_sources") if "entry" in q.words and q.block == 3]
    assert score_answer(question, selected(question, "list shows")).score == 1.0
    assert score_answer(question, selected(question, "shows")).score == 0.5


def test_who_said_it_explains_she_told_this_newspaper_with_the_mention_that_names_her() -> None:
    # '("she told this newspaper" in paragraph 7)', where "Linda Marsh, who runs Marsh Outfitters on the
    # High Street, said" names her earlier in the paragraph (review 470).
    blazers = unseen_article("review470.yaml")
    explained = [
        q.explanation for q in questions_of(blazers, "who_said_it") if "Linda Marsh" in q.explanation
    ]
    assert explained
    for explanation in explained:
        assert '("she told this newspaper"' not in explanation
        assert "Linda Marsh, who runs Marsh Outfitters on the High Street, said ... she told" in explanation


def test_who_said_it_never_offers_a_loose_group_beside_a_private_person() -> None:
    # '"some regulars"' beside Jean Pollard, who has walked her spaniels at Larkhill every morning for 15
    # years: were one right, so might the other be (review 476, a fail).
    park = unseen_article("review476.yaml")
    for question in over_seeds(park, "who_said_it", range(1, 11)):
        assert not {'"some regulars"', "Jean Pollard"} <= set(question.choices), question.quote


def test_find_sources_the_people_or_the_group_noun_of_a_named_group_find_who_speaks() -> None:
    # "Campaigners from the Friends of Larkhill group say": "Campaigners say" scored half (review 476).
    park = unseen_article("review476.yaml")
    (question,) = [q for q in questions_of(park, "find_sources") if q.block == 6]
    for who in ("Campaigners", "group", "Friends"):
        assert score_answer(question, selected(question, f"{who}", "say", "Some regulars fear")).score == 1.0


def test_find_framing_a_preposition_the_note_quotes_is_no_key_word() -> None:
    # "come under fire", the note quoting "Under fire": "come under" scored full marks (review 474).
    leaks = unseen_article("review474.yaml")
    (question,) = [q for q in questions_of(leaks, "find_framing") if q.block == 5]
    assert score_answer(question, selected(question, "fire")).score == 1.0
    assert score_answer(question, selected(question, "come under")).score == 0.0


def test_spot_the_hedge_frees_break_even_with_its_verb() -> None:
    # "could break even by Christmas": "even" cost marks, and two words were left to cost (review 475).
    post_office = unseen_article("review475.yaml")
    assert not [q for q in questions_of(post_office, "spot_hedge") if "even" in q.words]


def test_find_sources_how_a_record_was_put_up_is_free() -> None:
    # "According to the company's closure notice, which was pinned to the shop door for a month" (review
    # 475).
    post_office = unseen_article("review475.yaml")
    (question,) = [q for q in questions_of(post_office, "find_sources") if q.block == 2]
    every = [" ".join(question.words[s:e]) for s, e in question.gold]
    pinned = "which was pinned to the shop door for a month"
    assert score_answer(question, selected(question, *every, pinned)).score == 1.0


def test_a_reporting_word_before_a_noun_after_a_possessive_is_no_attribution() -> None:
    # "four times the WHO's recommended limit" (review 477's audit).
    assert _attribution_hits("It was four times the WHO's recommended limit, she said.") == ["said"]
    assert _attribution_hits("The council's promised funding never came, she said.") == ["said"]
    assert _attribution_hits("The report recommended closing it.") == ["recommended"]


def test_the_place_a_story_is_set_in_ties_no_sources_together() -> None:
    # "Eastmere" in "the Eastmere Rivers Trust", "Eastmere University" and "an unnamed Eastmere Water
    # engineer": nothing about the headline's quoted word was asked (review 474).
    leaks = unseen_article("review474.yaml")
    (question,) = questions_of(leaks, "headline_quote")
    assert "Mark Olusegun" in question.choices and "Priya Nair" in question.choices
    assert questions_of(leaks, "whose_words")


def test_support_asks_nothing_of_a_groups_mood_in_quotation_marks() -> None:
    # 'Sarah Onyango, the union's branch secretary, said members were "cautiously positive"', keyed "A
    # source the article names" (review 481).
    trial = unseen_article("review481.yaml")
    assert not [q for q in questions_of(trial, "support") if "positive" in q.quote]


def test_a_share_of_people_who_answered_a_survey_said_is_no_attribution() -> None:
    # "81 per cent of the 214 staff who answered a survey said they felt less stressed" (review 481's
    # audit).
    text = "It found that 81 per cent of the 214 staff who answered a survey said they felt calmer."
    assert _attribution_hits(text) == ["found"]


def test_showing_something_to_someone_and_a_letter_explaining_the_change_are_no_attributions() -> None:
    # "bring books from home to show their friends", "sent a letter explaining the change" (review 478's
    # audit): each kept a question out.
    assert _attribution_hits("Pupils bring books from home to show their friends.") == []
    assert _attribution_hits("The school sent a letter explaining the change to parents.") == []
    assert _attribution_hits("The figures show that visits rose.") == ["show"]
    homework = unseen_article("review478.yaml")
    assert [q for q in questions_of(homework, "support") if "still set homework" in q.quote]


def test_not_knowing_a_fact_is_no_hedge() -> None:
    # "some do not know that the food bank is open" (review 480's audit).
    assert _hedge_hits("Some do not know that the food bank is open.") == []
    assert _hedge_hits("Residents do not know whether the road will reopen.") == ["do not know"]


def test_how_to_check_sends_nobody_to_a_bodys_own_records() -> None:
    # "Look at the original yourself: the food bank's own records": nothing says they are out (review
    # 480).
    food = unseen_article("review480.yaml")
    assert not [q for q in questions_of(food, "how_to_check") if "own records" in " ".join(q.answer_text)]


def test_find_sources_frees_a_records_maker_named_right_after_it() -> None:
    # "According to the planning application Northvale Telecom sent to Ashworth District Council": the
    # maker cost 0.23 (review 479).
    mast = unseen_article("review479.yaml")
    (question,) = [
        q for q in questions_of(mast, "find_sources") if {"application", "According"} <= set(q.words)
    ]
    every = [" ".join(question.words[s:e]) for s, e in question.gold]
    maker = "Northvale Telecom sent to Ashworth District Council"
    assert score_answer(question, selected(question, *every, maker)).score == 1.0


def test_spot_the_hedge_asks_nothing_where_a_place_where_something_happens_is_a_condition() -> None:
    # "the switch-off could be reversed on streets where crime rises", key "could": "where crime rises"
    # doubts it too (review 482, a fail).
    lights = unseen_article("review482.yaml")
    assert not [q for q in questions_of(lights, "spot_hedge") if "crime" in q.words]


def test_how_to_check_asks_nothing_where_the_claim_names_the_records_kind_in_another_form() -> None:
    # "most of the councils they studied were in the countryside" beside "the Bramford University study"
    # (review 482, a fail).
    lights = unseen_article("review482.yaml")
    assert not [q for q in questions_of(lights, "how_to_check") if "studied" in q.quote]


def test_support_asks_nothing_of_a_groups_feeling_with_a_hyphened_describing_word() -> None:
    # "her late-night customers were already nervous about walking home" (review 482).
    lights = unseen_article("review482.yaml")
    assert not [q for q in questions_of(lights, "support") if "nervous" in q.quote]


def test_who_said_it_offers_no_curriculum_for_a_price() -> None:
    # "the national curriculum" offered for "private lessons in the county now cost about £9 for half an
    # hour" (review 484, a fail): a curriculum, like guidance or a law, speaks of rules.
    swimming = unseen_article("review484.yaml")
    for question in over_seeds(swimming, "who_said_it", range(1, 11)):
        if "£9" in question.quote:
            assert "the national curriculum" not in question.choices


def test_find_sources_who_made_a_record_ends_at_its_verb() -> None:
    # "A survey by the council's beach wardens recorded": "recorded" alone found the attribution whole,
    # and "wardens" nothing (review 486, a fail).
    beach = unseen_article("review486.yaml")
    (question,) = [q for q in questions_of(beach, "find_sources") if q.block == 2]
    council = ("The council says",)
    assert score_answer(question, selected(question, *council, "recorded")).score == 0.75
    assert score_answer(question, selected(question, *council, "wardens", "recorded")).score == 1.0
    assert score_answer(question, selected(question, *council, "survey", "recorded")).score == 1.0


def test_statement_kind_asks_nothing_of_an_opinion_with_wont() -> None:
    # "A golden hello won't fix a broken contract", keyed "An opinion": "will not fix" was skipped, the
    # contraction was not (review 488, a fail).
    dentists = unseen_article("review488.yaml")
    assert not [q for q in questions_of(dentists, "statement_kind") if "won't" in q.quote]


def test_who_said_it_offers_for_no_source_nobody_named_in_the_sentence_before() -> None:
    # "... according to figures from the Fenmoor Integrated Care Board. Kelsworth, home to about 14,000
    # people, now has no practice ...": the board was offered beside the key "does not say" (review 488,
    # a fail).
    dentists = unseen_article("review488.yaml")
    for question in over_seeds(dentists, "who_said_it", range(1, 11)):
        if "14,000" in question.quote:
            assert "the Fenmoor Integrated Care Board" not in question.choices
