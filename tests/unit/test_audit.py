"""The question audit: one test per check, on small questions and articles built to break it."""

from __future__ import annotations

import random
from dataclasses import replace

from app.domain.arrangement import Arrangement
from app.domain.audit import (
    audit_article,
    claims_cutting_mentions,
    headline_not_asked,
    key_in_stem,
    key_position_bias,
    key_stands_out,
    overlapping_questions,
    passage_not_fully_annotated,
    position_words,
    quiz_profile,
    short_quizzes,
    thin_skills,
    too_close_choices,
)
from app.domain.generate import KINDS, all_questions, build_quiz
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from app.domain.scoring import score_answer
from tests.unit.article_factory import ArticleBuilder, library_article, vocabulary

VOCABULARY = vocabulary()


def choice(
    prompt: str, choices: tuple[str, ...], answer: int, *, note: str = "", line: int = 7, **extra: object
) -> Question:
    return Question(
        kind="hand_choice",
        type=CHOICE,
        skill="sources",
        prompt=prompt,
        explanation=note,
        choices=choices,
        answer=(answer,),
        extra={"line": line, **extra},
    )


def test_key_text_in_the_stem_is_found() -> None:
    question = choice(
        'In "one angler, who did not want to be named", which is an unnamed source?',
        ("An unnamed source", "A news outlet", "A document"),
        0,
    )
    (finding,) = key_in_stem(question)
    assert finding.line == 7
    assert finding.message.endswith('the prompt contains the right answer "An unnamed source"; reword it')
    assert (
        key_in_stem(
            choice("What kind of source is it?", ("An unnamed source", "A news outlet", "A document"), 0)
        )
        == []
    )


def test_a_wrong_answer_too_close_to_the_key_is_found() -> None:
    question = choice("Who is Sarhad?", ("Named person", "Named official", "Document or data"), 0)
    (finding,) = too_close_choices(question, VOCABULARY, in_headline=False)
    assert finding.line == 7 and '"Named official" is too close' in finding.message
    assert (
        too_close_choices(
            choice("?", ("Named person", "News outlet", "Document or data"), 0), VOCABULARY, False
        )
        == []
    )


def test_a_headline_technique_offered_for_paragraph_words_is_found() -> None:
    question = choice("Which technique?", ("Loaded language", "Headline does not match", "False choice"), 0)
    messages = [f.message for f in too_close_choices(question, VOCABULARY, in_headline=False)]
    assert any("only for the headline" in m for m in messages)
    assert not any(
        "only for the headline" in m
        for m in (f.message for f in too_close_choices(question, VOCABULARY, True))
    )


def test_a_note_naming_choice_positions_is_found() -> None:
    question = Question(
        "hand_multiple",
        MULTIPLE,
        "framing",
        "Which show it?",
        "The first two show it; the last two do not.",
        choices=("a", "b", "c", "d"),
        answer=(0, 1),
        extra={"line": 12},
    )
    (finding,) = position_words(question)
    assert finding.line == 12 and '"The first two"' in finding.message
    fine = Question(
        "hand_multiple",
        MULTIPLE,
        "framing",
        "Which?",
        "The inspector's words show it.",
        choices=("a", "b"),
        answer=(0,),
    )
    assert position_words(fine) == []


def test_a_right_choice_much_longer_than_the_others_is_found() -> None:
    question = choice(
        "Who paid for the study?",
        ("Lumora Health, the company that makes the app", "Westbury University", "The journal", "Nobody"),
        0,
        line=31,
    )
    (finding,) = key_stands_out(question)
    assert finding.line == 31 and "8 words" in finding.message and "length" in finding.message
    even = choice(
        "Who paid?", ("Lumora Health, the app's maker", "Westbury University, the researchers' employer"), 0
    )
    assert key_stands_out(even) == []
    # The only choice with a description added, and the longest by far.
    explained = choice(
        "Who paid?",
        ("Lumora Health, the company that makes the app", "Westbury University", "The article does not say"),
        0,
    )
    assert len(key_stands_out(explained)) == 1


def test_a_select_question_on_a_passage_not_fully_annotated_is_found() -> None:
    b = ArticleBuilder(
        "Flood",
        [
            "Ann Lee, a farmer, said her fields were lost. "
            "The river rose two metres, officials said, on the coast."
        ],
    )
    b.source("lee", "Ann Lee, a farmer", "named_person", ["Ann Lee, a farmer, said"])
    article = b.build()
    reading = ArticleReading(article, VOCABULARY)
    block = article.block(1)
    question = Question(
        "find_sources",
        SELECT,
        "sources",
        "Select every attribution in paragraph 1.",
        "",
        block=1,
        words=block.words,
        gaps=block.gaps,
        gold=((0, 5),),
        extra={"line": 3},
    )
    (finding,) = passage_not_fully_annotated(question, reading)
    assert finding.line == 3 and "not annotated" in finding.message


def test_two_questions_on_overlapping_words_are_found() -> None:
    first = choice("Who said it?", ("a", "b", "c"), 0, line=10, about=["claim:1"], spans=[[2, 3, 9]])
    second = choice("How well supported?", ("a", "b", "c"), 0, line=20, about=["claim:4"], spans=[[2, 5, 6]])
    third = choice("Which technique?", ("a", "b", "c"), 0, line=30, about=["framing:0"], spans=[[2, 9, 10]])
    (finding,) = overlapping_questions([first, second, third], seed=3)
    assert finding.line == 20 and "same words or annotation" in finding.message


def test_key_position_bias_is_found() -> None:
    always_first = [[choice("?", ("a", "b", "c", "d"), 0)] for _ in range(100)]
    (problem,) = key_position_bias(always_first)
    assert problem.startswith("choice 1 is the right answer 100 times")
    fair = [[choice("?", ("a", "b", "c", "d"), seed % 4)] for seed in range(100)]
    assert key_position_bias(fair) == []


def test_quizzes_with_a_skill_below_a_sixth_of_their_questions_are_found() -> None:
    def quiz(framing: int) -> list[Question]:
        skills = ["framing"] * framing + ["sources", "claims"] * ((12 - framing) // 2)
        return [replace(choice("?", ("a", "b"), 0), skill=skill) for skill in skills]

    (finding,) = thin_skills([quiz(1), quiz(2), quiz(4)], id_line=4)
    assert finding.line == 4
    assert finding.message.startswith("1 of 3 quizzes have only 1 Framing question(s)")
    assert thin_skills([quiz(2), quiz(4)]) == []


def test_quizzes_well_short_of_the_length_asked_for_are_found() -> None:
    article = library_article()  # 12 questions asked for
    quiz = [choice("?", ("a", "b"), 0)]
    (finding,) = short_quizzes(article, [quiz * 7, quiz * 8, quiz * 12], id_line=3)
    assert finding.line == 3
    assert finding.message.startswith("2 of 3 quizzes have only 7 to 8 of the 12 questions asked for")
    assert short_quizzes(article, [quiz * 9, quiz * 12]) == []  # 9 is three quarters of 12


def test_an_annotated_headline_no_quiz_asks_about_is_found() -> None:
    b = ArticleBuilder("Town Hit By Storm Chaos", ["A storm hit the coast on Monday, the office said."])
    b.frame("Chaos", "loaded_language", note="'Chaos' is stronger than the article.")
    article = b.build()
    on_body = [choice("Who said it?", ("a", "b"), 0, spans=[[1, 0, 3]])]
    on_headline = [choice("Which technique?", ("a", "b"), 0, spans=[[0, 4, 5]])]
    (finding,) = headline_not_asked(article, [on_body, on_headline])
    assert finding.message.startswith("1 of 2 quizzes ask nothing about the headline")
    assert headline_not_asked(article, [on_headline]) == []


def test_a_headline_claim_no_quiz_asks_about_is_not_called_a_mismatch() -> None:
    # "Kelmouth Pier to Close for the Summer", a claim the article backs up: the advice to mark it as
    # saying more than the article would have the teacher mislabel it (review 245).
    b = ArticleBuilder(
        "Pier to Close for the Summer", ["The pier will close for the summer, the trust said."]
    )
    b.source("trust", "the trust", "named_organisation", ["the trust said"])
    b.claim(b.span("Pier to Close for the Summer", block=0), "corroborated", source="trust")
    on_body = [choice("Who said it?", ("a", "b"), 0, spans=[[1, 0, 3]])]
    (finding,) = headline_not_asked(b.build(), [on_body])
    assert "if it says anything the article does not back up" in finding.message
    assert "a claim in a headline the article backs up is asked about by no generated question" in (
        finding.message
    )


def test_the_library_article_has_no_findings() -> None:
    # A small article for tests, with quizzes of the 8 questions it has enough annotations for.
    assert audit_article(replace(library_article(), quiz_length=8), VOCABULARY, seeds=20) == []


def test_a_file_breaking_the_rules_points_at_the_lines_that_cause_it() -> None:
    b = ArticleBuilder(
        "Storm Hits", ["A storm hit the coast on Monday and the damage was large for everyone there."]
    )
    b.hand_choice(
        "claims",
        "Which word shows the damage was large?",
        ["large", "storm", "Monday"],
        "large",
        note="The first choice is right.",
    )
    article = b.build()
    findings = audit_article(article, VOCABULARY, seeds=5)
    messages = " ".join(f.message for f in findings)
    assert "the prompt contains the right answer" in messages
    assert '"The first choice"' in messages


# --- retakes -----------------------------------------------------------------------------------------


def test_a_retake_shows_its_own_order_and_stores_answers_as_the_quiz_has_them() -> None:
    quiz = build_quiz(library_article(), VOCABULARY, seed=4)
    identity = Arrangement.identity(quiz)
    assert identity.questions(quiz) == quiz
    orders = {Arrangement.shuffled(quiz, seed).order for seed in range(10)}
    assert len(orders) > 5
    arrangement = Arrangement.shuffled(quiz, 99)
    for shown_position, shown in enumerate(arrangement.questions(quiz)):
        stored_position = arrangement.stored_position(shown_position)
        stored = quiz[stored_position]
        assert shown.prompt == stored.prompt
        assert sorted(shown.choices) == sorted(stored.choices)
        if shown.type != SELECT:
            assert sorted(shown.choices[i] for i in shown.answer) == sorted(
                stored.choices[i] for i in stored.answer
            )
            for picked in range(len(shown.choices)):
                as_stored = arrangement.stored_answer(stored_position, stored, [picked])
                assert stored.choices[as_stored[0]] == shown.choices[picked]
                assert arrangement.shown_answer(stored_position, stored, as_stored) == [picked]
                assert score_answer(shown, (picked,)).score == score_answer(stored, tuple(as_stored)).score
            if "definitions" in shown.extra:
                meaning = dict(zip(stored.choices, stored.extra["definitions"], strict=True))
                assert shown.extra["definitions"] == [meaning[c] for c in shown.choices]


def test_every_kind_in_the_audit_is_registered() -> None:
    reading = ArticleReading(library_article(), VOCABULARY)
    for name, kind in KINDS.items():
        assert kind.name == name
        assert isinstance(kind.generate(reading, random.Random(1)), list)


def test_the_quiz_profile_says_how_long_and_how_alike_the_quizzes_are() -> None:

    article = library_article()
    quizzes = [build_quiz(article, VOCABULARY, seed) for seed in range(1, 6)]
    profile = quiz_profile(article, quizzes)
    assert profile.asked_for == 12
    assert profile.shortest == min(len(q) for q in quizzes) and profile.longest == max(
        len(q) for q in quizzes
    )
    assert sum(profile.per_skill.values()) == sum(len(q) for q in quizzes) / 5
    assert 0 < profile.shared <= 1
    assert quiz_profile(article, [quizzes[0], quizzes[0]]).shared == 1
    text = profile.describe()
    assert text.startswith(f"quizzes have {profile.shortest}") and "% of their questions" in text


def test_the_quiz_profile_names_the_framing_no_generated_question_asks_about() -> None:
    # Seven of an article's nine framing spans were never asked, and nothing told the teacher
    # (review 90).
    from app.domain.audit import audit_with_profile

    b = ArticleBuilder(
        "Shoppers Flock to the New Aisle",
        [
            "The company calls the aisle a gimmick-free zone. Critics said it was a smokescreen.",
            "Sales rose by a tenth in the first month, the company said.",
        ],
    )
    b.frame("Flock", "exaggeration_minimisation")
    b.frame("a smokescreen", "doubt", note="'Smokescreen' says they are hiding something.")
    article = b.build()
    _, profile = audit_with_profile(article, VOCABULARY, seeds=3)
    assert profile.unasked_framing == (
        "'Flock' (the headline, Exaggeration or minimising)",
        "'a smokescreen' (paragraph 1, Doubt)",
    )
    # Each on a line of its own, apart from the quizzes' profile, naming the technique (reviews 275, 281).
    assert profile.notes()[0] == (
        "note: no generated question asks about the framing 'Flock' (the headline, Exaggeration or "
        "minimising): write a question of your own to teach it"
    )
    assert "Flock" not in profile.describe()


def test_the_quiz_profile_names_the_words_that_keep_a_find_question_off_a_paragraph() -> None:
    # An attribution or a hedge left unmarked silently cost the paragraph its "find the ..." question
    # in every review (the engine will not mark a careful student wrong for selecting it); the
    # profile now names each one, with the words around it.
    from app.domain.audit import audit_with_profile, unmarked_words

    b = ArticleBuilder(
        "Bus cut",
        [
            "Wheatley Coaches said the route lost money. Residents say the bus is a lifeline.",
            "The minibus is reportedly full most weeks. The council did not comment.",
            "Nobody has said anything here.",
        ],
    )
    b.source("wheatley", "Wheatley Coaches", "named_organisation", ["Wheatley Coaches said"])
    b.claim("the route lost money", "attributed", source="wheatley")
    b.claim("the bus is a lifeline", "unattributed")
    b.claim("The council did not comment", "unattributed")
    article = b.build()
    assert unmarked_words(ArticleReading(article, VOCABULARY)) == (
        "'lost money. Residents [say] the bus is' (paragraph 1) reads as an attribution but is in no "
        "source's mentions: no 'find the attributions' question is asked about paragraph 1",
        "'The minibus is [reportedly] full most weeks' (paragraph 2) reads as a hedge but is in no claim: "
        "no 'find unverified claims' question is asked about paragraph 2",
        # A paragraph left alone loses no question, but a source may have been forgotten there (reviews
        # 418, 426, 433): one note names its words.
        "paragraph 3 has no annotations, but 'Nobody has [said] anything here' read as an attribution or a "
        "hedge: it may hold a source or a claim",
    )
    _, profile = audit_with_profile(article, VOCABULARY, seeds=3)
    assert "note: 'lost money. Residents [say] the bus is' (paragraph 1)" in profile.notes()[0]
    # With both annotated, nothing is left to name.
    b.source("residents", "residents", "vague", ["Residents say"])
    b.claim("The minibus is reportedly full most weeks", "hedged", cues=["reportedly"])
    (left,) = unmarked_words(ArticleReading(b.build(), VOCABULARY))
    assert left.startswith("paragraph 3 has no annotations")


def test_the_profile_names_a_hedge_word_of_a_sourced_claim_left_out_of_its_cues() -> None:
    # "other shops may close within a year", marked attributed with no cues: the speaker's doubt
    # silently kept "spot the hedge" and "how well supported" off the claim (reviews 146, 147, 148).
    from app.domain.audit import unmarked_words

    b = ArticleBuilder("Move", ["Traders fear other shops may close within a year of the move."])
    b.source("traders", "traders", "vague", ["Traders fear"])
    b.claim("other shops may close within a year of the move", "attributed", source="traders")
    assert unmarked_words(ArticleReading(b.build(), VOCABULARY)) == (
        "'fear other shops [may] close within a' (paragraph 1) reads as a hedge in the claim 'other shops "
        "may close within a year of …' but not among its cues: no 'spot the hedge' question is asked "
        "about this claim",
    )
    listed = ArticleBuilder("Move", ["Traders fear other shops may close within a year of the move."])
    listed.source("traders", "traders", "vague", ["Traders fear"])
    listed.claim(
        "other shops may close within a year of the move", "attributed", source="traders", cues=["may"]
    )
    assert unmarked_words(ArticleReading(listed.build(), VOCABULARY)) == ()


def test_the_headline_advice_offers_only_what_can_still_help() -> None:
    # A question headline already marked complete was told to add framing_complete: [title] (review 136).
    b = ArticleBuilder("Are Lessons a Luxury?", ["Lessons will cost £9.80 from January, the trust said."])
    b.frame("Luxury", "loaded_language", note="'Luxury' makes lessons sound out of reach.")
    b.framing_complete = {0}
    on_body = [choice("Who said it?", ("a", "b"), 0, spans=[[1, 0, 3]])]
    (finding,) = headline_not_asked(b.build(), [on_body])
    assert "framing_complete" not in finding.message
    # A question headline is asked about where its suggestion is marked as more than the article backs.
    assert "asks a question is asked about where you mark the words it suggests" in finding.message
    assert "(headline_body_mismatch)" in finding.message
    assert finding.message.endswith("write a question about it")


def test_a_claim_stated_as_a_fact_that_holds_a_hedge_word_is_found() -> None:
    # "The true number of thefts is probably far higher than 41", marked unattributed: the audit said
    # nothing of the missed hedge (review 140).
    from app.domain.audit import doubted_facts
    from app.domain.passage import ArticleReading

    b = ArticleBuilder(
        "Dogs", ["The true number of thefts is probably far higher than 41. About 40 dogs were lost."]
    )
    b.claim("The true number of thefts is probably far higher than 41", "unattributed")
    b.claim("About 40 dogs were lost", "unattributed")
    (finding,) = doubted_facts(ArticleReading(b.build(), VOCABULARY))
    assert "'probably'" in finding.message and "cues: [probably]" in finding.message


def test_the_quiz_profile_says_when_an_uncovered_hedge_is_inside_a_sources_mention() -> None:
    # "Some studies [suggest]" was named as words "no annotation covers", though the teacher marked it
    # as the studies' mention; no claim can take it as a cue without holding its attribution
    # (reviews 248 and 251).
    from app.domain.audit import unmarked_words

    b = ArticleBuilder("Screens", ["Some studies suggest that pupils remember less from screens."])
    b.source("studies", "some studies", "vague", ["Some studies suggest"])
    b.claim("pupils remember less from screens", "attributed", source="studies")
    assert unmarked_words(ArticleReading(b.build(), VOCABULARY)) == (
        "'Some studies [suggest] that pupils remember' (paragraph 1) reads as a hedge but is in a source's "
        "mention and in no claim: no 'find unverified claims' question is asked about paragraph 1",
    )


def test_the_profile_names_no_relayed_attribution_and_states_what_each_word_costs() -> None:
    # "a former worker told the Millbrook Gazette", marked as the worker and the Gazette: "told" is
    # part of that attribution, and "find the sources" is asked of the paragraph, so the audit must
    # not say it is not (reviews 280, 281: the cost of an unmarked word was misstated).
    from app.domain.audit import unmarked_words

    text = "The system has not been inspected since 2019, a former worker told the Millbrook Gazette."
    b = ArticleBuilder("Plant", [text])
    b.source("worker", "a former worker", "unnamed", ["a former worker"], via="gazette")
    b.source("gazette", "the Millbrook Gazette", "news_outlet", ["the Millbrook Gazette"])
    b.claim("The system has not been inspected since 2019", "attributed", source="worker")
    reading = ArticleReading(b.build(), VOCABULARY)
    assert unmarked_words(reading) == ()
    found = [q for q in all_questions(b.build(), VOCABULARY, random.Random(1)) if q.kind == "find_sources"]
    assert [q.block for q in found] == [1]


def test_the_headline_advice_names_the_sentence_that_says_the_same_and_offers_only_what_works() -> None:
    # "Axe 40%" went unasked and the audit gave a reason that was not the one, and advised
    # "framing_complete: [title]", which could add no question (reviews 284, 285).
    b = ArticleBuilder(
        "Moorline to Axe 40% of Routes",
        ["Moorline will axe 40 per cent of its routes, the company said.", "Riders said it was a blow."],
    )
    b.frame(b.span("Axe 40%", block=0), "headline_body_mismatch", note="Most routes only run less often.")
    article = b.build()
    on_body = [choice("Who said it?", ("a", "b"), 0, spans=[[1, 0, 3]])]
    (finding,) = headline_not_asked(article, [on_body], reading=ArticleReading(article, VOCABULARY))
    assert (
        "'Axe 40%' is not asked about because the article says the same in \"Moorline will axe 40 per cent"
        in finding.message
    )
    # Five words, two of them marked: "find the framing" could not ask about the headline even if
    # it were marked complete, so the audit does not advise it.
    assert "framing_complete" not in finding.message
    assert "its marked words leave too few others to select among" in finding.message
    # A longer headline that complete marking would let "find the framing" ask about: advised.
    long = ArticleBuilder(
        "Bus Firm Moorline Will Axe 40% of Its Rural Routes Next Year as Costs Climb",
        [
            "Moorline will axe 40 per cent of its routes next year, the company said.",
            "Riders said it was a blow.",
        ],
    )
    long.frame(
        long.span("Axe 40%", block=0), "headline_body_mismatch", note="Most routes only run less often."
    )
    article = long.build()
    (finding,) = headline_not_asked(article, [on_body], reading=ArticleReading(article, VOCABULARY))
    assert "mark all of its framing (framing_complete: [title])" in finding.message


def test_the_profile_notes_a_framing_complete_passage_with_no_framing_marked() -> None:
    # A paragraph added above shifted framing_complete: [title, 8] onto a paragraph with no framing,
    # and the real one silently lost its "find the framing" question (review 294).
    b = ArticleBuilder("Bins", ["The council will charge for bins.", "It is a cash grab, critics said."])
    b.frame("cash grab", "loaded_language", note="'Cash grab' makes the charge sound greedy.")
    b.framing_complete = {1}
    profile = quiz_profile(b.build(), [])
    assert profile.notes() == [
        "note: framing_complete lists paragraph 1, which has no framing marked: if a passage was added "
        "above it, its number has shifted; fix framing_complete"
    ]
    b.framing_complete = {2}
    assert quiz_profile(b.build(), []).notes() == []


def test_the_words_around_an_unmarked_word_keep_their_punctuation() -> None:
    # 'services for [everyone] He said the' lost the quotation mark and the full stop, so the teacher
    # could not see that the word was a speaker's (review 338).
    from app.domain.audit import unmarked_words

    b = ArticleBuilder("Buses", ['"Fares will rise in May," added the driver.'])
    b.claim("Fares will rise in May", "unattributed")
    notes = unmarked_words(ArticleReading(b.build(), VOCABULARY))
    assert notes[0].startswith("'rise in May,\" [added] the driver' (paragraph 1)")


def test_a_claim_that_shares_only_a_reporting_word_with_a_mention_is_found() -> None:
    # "..., published in 2021, tells" and "tells schools to keep branded items to a minimum": the
    # questions cut "tells" out of one of them (review 470).
    b = ArticleBuilder(
        "Blazers",
        ["The Department's guidance tells schools to keep branded items to a minimum, Ms Reed said."],
    )
    b.source("guidance", "the Department's guidance", "document_or_data", ["The Department's guidance tells"])
    b.source("reed", "Ms Reed", "named_person", ["Ms Reed said"])
    b.claim("tells schools to keep branded items to a minimum", "attributed", source="guidance")
    (finding,) = claims_cutting_mentions(ArticleReading(b.build(), VOCABULARY))
    assert "share the words 'tells'" in finding.message
    # A claim that holds who says it, as a hedged one may ("Le Drian suggested on Sunday that ..."), is
    # no mistake.
    b = ArticleBuilder("Raids", ["Minister Jean Le Drian suggested on Sunday that raids would grow."])
    b.source("le-drian", "Jean Le Drian", "named_official", ["Minister Jean Le Drian suggested"])
    b.claim("Le Drian suggested on Sunday that raids would grow", "hedged", cues=["suggested"])
    assert claims_cutting_mentions(ArticleReading(b.build(), VOCABULARY)) == []
