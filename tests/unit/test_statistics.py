"""Dashboard statistics on small cases worked out by hand."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.domain import statistics as stats
from app.domain.generate import KINDS
from app.domain.passage import ArticleReading
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question
from tests.unit.article_factory import ArticleBuilder, vocabulary

DUE = datetime(2025, 3, 10, 17, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def choice_question(kind: str = "name_technique", answer: int = 0) -> Question:
    return Question(
        kind=kind,
        type=CHOICE,
        skill="framing",
        prompt="Which technique?",
        explanation="",
        choices=("Loaded language", "Slogan", "Repetition"),
        answer=(answer,),
    )


def select_question(
    gold: tuple[tuple[int, int], ...] = ((1, 3), (5, 6)), kind: str = "find_framing"
) -> Question:
    words = ("The", "savage", "raid", "left", "many", "dead", "yesterday", "morning")
    return Question(
        kind=kind,
        type=SELECT,
        skill="framing",
        prompt="Select the framing.",
        explanation="",
        block=1,
        words=words,
        gaps=("", " ", " ", " ", " ", " ", " ", " ", "."),
        gold=gold,
    )


def answers(*rows: dict[int, tuple[tuple[int, ...], float]]) -> list[dict[int, stats.ScoredAnswer]]:
    return [{pos: stats.ScoredAnswer(answer, score) for pos, (answer, score) in row.items()} for row in rows]


# --- Facility and discrimination -------------------------------------------------------------


def test_facility_is_the_mean_score() -> None:
    # (1 + 0.5 + 0 + 1) / 4 = 2.5 / 4 = 0.625
    assert stats.facility([1.0, 0.5, 0.0, 1.0]) == pytest.approx(0.625)
    assert stats.facility([]) is None


def test_discrimination_worked_example() -> None:
    # Four attempts.  Question scores q = 1, 1, 0, 0; attempt totals t = 4, 3, 1, 2,
    # so the rest of each attempt r = t - q = 3, 2, 1, 2.
    # mean q = 0.5, mean r = 2; deviations dq = .5, .5, -.5, -.5 and dr = 1, 0, -1, 0.
    # sum dq*dr = .5 + 0 + .5 + 0 = 1; sum dq^2 = 1; sum dr^2 = 2.
    # r = 1 / sqrt(1 * 2) = 0.7071.
    assert stats.discrimination([1, 1, 0, 0], [4, 3, 1, 2]) == pytest.approx(0.70710678)


def test_discrimination_can_be_negative() -> None:
    # q = 1, 0; totals 1, 3 -> rest 0, 3: the student who got it right did worse elsewhere.
    # With two points the correlation is exactly -1.
    assert stats.discrimination([1, 0], [1, 3]) == pytest.approx(-1.0)


def test_discrimination_is_undefined_with_few_attempts_or_no_variance() -> None:
    assert stats.discrimination([], []) is None
    assert stats.discrimination([1.0], [3.0]) is None
    # Everybody right: the question does not vary.
    assert stats.discrimination([1, 1, 1], [3, 2, 1]) is None
    # The rest of the attempt does not vary: totals 2, 1 with q = 1, 0 leave rest 1, 1.
    assert stats.discrimination([1, 0], [2, 1]) is None


def test_pearson_needs_equal_lengths() -> None:
    with pytest.raises(ValueError):
        stats.pearson([1.0, 2.0], [1.0])


def test_review_flags_at_the_thresholds() -> None:
    assert stats.review_flags(0.3, 0.2) == ()
    assert stats.review_flags(0.29, 0.2) == (stats.FLAG_HARD,)
    assert stats.review_flags(0.9, 0.19) == (stats.FLAG_DISCRIMINATION,)
    assert stats.review_flags(0.1, -0.5) == (stats.FLAG_HARD, stats.FLAG_DISCRIMINATION)
    # Unknown values are not flagged: there is nothing to say yet.
    assert stats.review_flags(None, None) == ()


def test_item_analysis_by_hand() -> None:
    q1 = choice_question(answer=0)
    q2 = choice_question(answer=2)
    q3 = select_question()
    attempts = answers(
        # Attempt A: q1 right, q2 right, q3 0.5 -> total 2.5
        {0: ((0,), 1.0), 1: ((2,), 1.0), 2: ((1, 2), 0.5)},
        # Attempt B: q1 right, q2 wrong (picked 0), q3 not answered -> total 1
        {0: ((0,), 1.0), 1: ((0,), 0.0)},
        # Attempt C: q1 wrong (picked 1), q2 wrong (picked 1), q3 0.0 -> total 0
        {0: ((1,), 0.0), 1: ((1,), 0.0), 2: ((7,), 0.0)},
    )
    items = stats.item_analysis([q1, q2, q3], attempts)
    first, second, third = items
    # q1: scores 1, 1, 0 -> facility 2/3.  Rest: 1.5, 0, 0.
    # dq = 1/3, 1/3, -2/3; mean rest 0.5 -> dr = 1, -0.5, -0.5.
    # sum dq*dr = 1/3 - 1/6 + 1/3 = 0.5; sum dq^2 = 2/3; sum dr^2 = 1.5; r = 0.5 / sqrt(1) = 0.5.
    assert first.facility == pytest.approx(2 / 3)
    assert first.discrimination == pytest.approx(0.5)
    assert first.choice_counts == (2, 1, 0)
    assert first.answered == 3 and first.unanswered == 0
    assert first.flags == ()
    # q2: scores 1, 0, 0 -> facility 1/3; rest 1.5, 1, 0 -> dq = 2/3, -1/3, -1/3; dr = 2/3, 1/6, -5/6.
    # sum dq*dr = 4/9 - 1/18 + 5/18 = 2/3; sum dq^2 = 2/3; sum dr^2 = 4/9 + 1/36 + 25/36 = 7/6.
    # r = (2/3) / sqrt(2/3 * 7/6) = (2/3) / sqrt(7/9) = 2 / sqrt(7) = 0.7559.
    assert second.facility == pytest.approx(1 / 3)
    assert second.discrimination == pytest.approx(0.7559289)
    assert second.choice_counts == (1, 1, 1)
    # q3: scores 0.5, 0 (unanswered), 0 -> facility 1/6, flagged as hard.
    assert third.facility == pytest.approx(1 / 6)
    assert third.answered == 2 and third.unanswered == 1
    assert third.choice_counts == ()
    # Gold (1, 3) "savage raid": A selected both words; gold (5, 6) "dead": nobody.
    assert third.gold_found == (1, 0)
    assert stats.FLAG_HARD in third.flags


def test_item_analysis_with_no_attempts() -> None:
    [item] = stats.item_analysis([choice_question()], [])
    assert item.facility is None and item.discrimination is None and item.flags == ()
    assert item.choice_counts == (0, 0, 0)


# --- Skills, states and sorting ----------------------------------------------------------------


def test_skill_percentages_sum_scores_over_sum_of_maxima() -> None:
    items = [
        ("sources", 2.0, 3.0),
        ("sources", 1.0, 1.0),  # sources: 3 of 4 = 75%
        ("claims", 0.0, 2.0),  # claims: 0 of 2 = 0%
        ("framing", 0.0, 0.0),  # framing never asked: None, not 0%
    ]
    assert stats.skill_percentages(items) == {"sources": 75.0, "claims": 0.0, "framing": None}
    # Not the mean of per-attempt percentages: 1/1 and 0/3 is 25%, not 50%.
    assert stats.skill_percentages([("claims", 1, 1), ("claims", 0, 3)])["claims"] == 25.0


@pytest.mark.parametrize(
    ("due", "submitted", "started", "now", "expected"),
    [
        (None, None, False, DUE, stats.NOT_STARTED),
        (None, None, True, DUE, stats.IN_PROGRESS),
        (None, DUE, True, DUE + timedelta(days=30), stats.SUBMITTED),
        # Before the due date nothing is late yet.
        (DUE, None, False, DUE - SECOND, stats.NOT_STARTED),
        (DUE, None, True, DUE - SECOND, stats.IN_PROGRESS),
        # At the due instant it is not late yet; one second after, it is.
        (DUE, None, False, DUE, stats.NOT_STARTED),
        # Nothing handed in once the due date has passed: missing, started or not.
        (DUE, None, False, DUE + SECOND, stats.MISSING),
        (DUE, None, True, DUE + SECOND, stats.MISSING),
        # Handed in exactly at the due time: on time, whatever the time now.
        (DUE, DUE, True, DUE + timedelta(days=3), stats.ON_TIME),
        (DUE, DUE - SECOND, True, DUE - SECOND, stats.ON_TIME),
        # Handed in one second after: late, even if it is viewed the same second.
        (DUE, DUE + SECOND, True, DUE + SECOND, stats.LATE),
    ],
)
def test_assignment_state(
    due: datetime | None, submitted: datetime | None, started: bool, now: datetime, expected: str
) -> None:
    assert stats.assignment_state(due, submitted, started, now) == expected


def test_late_missing_and_on_time_are_three_different_states() -> None:
    states = {
        stats.assignment_state(DUE, DUE + SECOND, True, DUE + SECOND),
        stats.assignment_state(DUE, None, True, DUE + SECOND),
        stats.assignment_state(DUE, DUE, True, DUE + SECOND),
    }
    assert states == {stats.LATE, stats.MISSING, stats.ON_TIME}


def test_gradebook_average_counts_missing_work_as_zero_only_when_asked() -> None:
    cells = [
        (80.0, stats.ON_TIME),
        (40.0, stats.LATE),
        (None, stats.MISSING),
        (None, stats.IN_PROGRESS),  # not due yet: never counted
        (None, stats.NOT_STARTED),
    ]
    assert stats.gradebook_average(cells) == 60.0
    assert stats.gradebook_average(cells, missing_as_zero=True) == 40.0
    assert stats.gradebook_average([(None, stats.MISSING)]) is None
    assert stats.gradebook_average([(None, stats.MISSING)], missing_as_zero=True) == 0.0
    assert stats.gradebook_average([], missing_as_zero=True) is None


def test_sort_blanks_last_in_both_directions() -> None:
    rows = [("a", 50.0), ("b", None), ("c", 90.0), ("d", 10.0)]
    assert [r[0] for r in stats.sort_blanks_last(rows, lambda r: r[1])] == ["d", "a", "c", "b"]
    assert [r[0] for r in stats.sort_blanks_last(rows, lambda r: r[1], descending=True)] == [
        "c",
        "a",
        "d",
        "b",
    ]


# --- Answer spread and confusions ------------------------------------------------------------


def test_choice_counts_count_every_pick() -> None:
    question = Question(
        kind="hand_multiple",
        type=MULTIPLE,
        skill="claims",
        prompt="p",
        explanation="",
        choices=("a", "b", "c"),
        answer=(0, 1),
    )
    assert stats.choice_counts(question, [(0, 1), (1,), (0, 2), ()]) == (2, 2, 1)


def test_gold_span_found_at_half_its_words() -> None:
    question = select_question(gold=((0, 3), (5, 7)))
    # Span (0, 3) has 3 words: 1 selected is not half, 2 is.  Span (5, 7): 1 of 2 is half.
    assert stats.gold_found_counts(question, [(0,), (0, 1), (6,), ()]) == (1, 1)


def test_gold_span_found_by_its_core_as_the_student_was_marked() -> None:
    question = replace(select_question(gold=((0, 6),)), extra={"cores": [[2, [1, 2, 5]]]})
    # "savage raid" finds "The savage raid left many dead" (two of its core's words); "savage" does not.
    assert stats.gold_found_counts(question, [(1, 2), (1,), (0, 3, 4)]) == (1,)


def test_choice_confusions_count_wrong_picks_by_right_answer() -> None:
    question = choice_question(answer=0)
    counted = stats.choice_confusions(question, [(0,), (1,), (1,), (2,), ()])
    assert counted == {
        stats.ChoiceConfusion("name_technique", "Loaded language", "Slogan"): 2,
        stats.ChoiceConfusion("name_technique", "Loaded language", "Repetition"): 1,
    }


def test_no_choice_confusions_for_several_right_answers() -> None:
    question = Question(
        kind="hand_multiple",
        type=MULTIPLE,
        skill="claims",
        prompt="p",
        explanation="",
        choices=("a", "b", "c"),
        answer=(0, 1),
    )
    assert stats.choice_confusions(question, [(2,)]) == {}


def test_extra_words_grouped_by_annotation() -> None:
    question = select_question(gold=((1, 3),))  # gold: "savage raid"
    claim = stats.Region("claim", "hedged claim", 3, 6, "left many dead")
    framing = stats.Region("framing", "framing (Exaggeration)", 4, 6, "many dead")
    selections = [
        (1, 2),  # all gold: no extra words
        (1, 2, 5),  # "dead": inside the claim and the framing
        (3,),  # "left": inside the claim only
        (3, 7),  # "left" in the claim, "morning" in no annotation
    ]
    groups = stats.extra_word_groups(question, selections, [claim, framing])
    assert groups == [
        stats.ExtraGroup(claim, 3, 3),
        stats.ExtraGroup(framing, 1, 1),
        stats.ExtraGroup(None, 1, 1),
    ]
    confusions = stats.select_confusions(question, groups)
    assert confusions == {
        stats.SelectConfusion("framing", "hedged claim"): 3,
        stats.SelectConfusion("framing", "framing"): 1,
        stats.SelectConfusion("framing", "words in no annotation"): 1,
    }


def test_annotation_regions_of_a_generated_question() -> None:
    builder = ArticleBuilder(
        "Mayor 'Slashes' Budget",
        ["Officials say the mayor will reportedly cut the savage waste, a local paper said."],
    )
    builder.source("paper", "a local paper", "news_outlet", ["a local paper said"])
    builder.source("officials", "officials", "vague", ["Officials say"])
    builder.claim("the mayor will reportedly cut the savage waste", "hedged", cues=["reportedly"])
    builder.frame("savage waste", "loaded_language")
    article = builder.build()
    [question] = KINDS["find_sources"].generate(ArticleReading(article, vocabulary()), random.Random(1))
    regions = stats.annotation_regions(question, article, vocabulary())
    by_name = {region.name: (region.start, region.end) for region in regions}
    words = question.words
    assert " ".join(words[slice(*by_name["source mention (a local paper)"])]) == "a local paper said"
    assert " ".join(words[slice(*by_name["source mention (officials)"])]) == "Officials say"
    assert (
        " ".join(words[slice(*by_name["claim (Hedged)"])]) == "the mayor will reportedly cut the savage waste"
    )
    assert " ".join(words[slice(*by_name["hedge word"])]) == "reportedly"
    assert " ".join(words[slice(*by_name["framing (Loaded language)"])]) == "savage waste"
    assert {region.short_name for region in regions} >= {
        "source mention",
        "claim (Hedged)",
        "hedge word",
        "framing",
    }
    # A student asked for attributions who marks "savage waste" took framing (in a claim) for a source.
    selection = (
        *range(*by_name["source mention (a local paper)"]),
        *range(*by_name["framing (Loaded language)"]),
    )
    groups = stats.extra_word_groups(question, [selection], regions)
    assert {group.region.short_name for group in groups if group.region} == {"claim (Hedged)", "framing"}


def test_annotation_regions_are_shifted_for_a_part_of_a_block() -> None:
    builder = ArticleBuilder(
        "A title here", ["Yesterday the river was reportedly full of dead fish, they said."]
    )
    builder.claim("the river was reportedly full of dead fish", "hedged", cues=["reportedly"])
    builder.frame("dead fish", "loaded_language")
    article = builder.build()
    [question] = KINDS["spot_hedge"].generate(ArticleReading(article, vocabulary()), random.Random(1))
    assert question.extra["offset"] == 1  # the question shows the claim's words only
    regions = stats.annotation_regions(question, article, vocabulary())
    by_name = {region.name: (region.start, region.end) for region in regions}
    assert by_name["claim (Hedged)"] == (0, len(question.words))
    assert " ".join(question.words[slice(*by_name["framing (Loaded language)"])]) == "dead fish"


def test_no_regions_for_choice_questions() -> None:
    article = ArticleBuilder("A title", ["One paragraph."]).build()
    assert stats.annotation_regions(choice_question(), article, vocabulary()) == []


# --- Heatmap ---------------------------------------------------------------------------------


def test_word_shares_and_heat_levels() -> None:
    # Four students: word 1 selected by all, word 2 by three, word 5 by one, the rest by none.
    selections = [(1, 2), (1, 2, 5), (1, 2), (1,)]
    shares = stats.word_shares(8, selections)
    assert shares == [0.0, 1.0, 0.75, 0.0, 0.0, 0.25, 0.0, 0.0]
    assert [stats.heat_level(s) for s in shares] == [0, 10, 8, 0, 0, 2, 0, 0]
    # Any selection at all shows: 1 in 100 is level 1, not 0.
    assert stats.heat_level(0.01) == 1
    assert stats.word_shares(3, []) == [0.0, 0.0, 0.0]


def test_heatmap_words_segments_and_found() -> None:
    question = select_question(gold=((1, 3), (5, 6)))
    heat = stats.heatmap(question, [(1, 2), (1, 2, 5), (1, 2), (1,)])
    assert heat.answers == 4
    assert [w.selected_by for w in heat.words] == [0, 4, 3, 0, 0, 1, 0, 0]
    assert [w.gold for w in heat.words] == [False, True, True, False, False, True, False, False]
    assert heat.found == (4, 1)  # "savage raid": everybody has at least one of 2 words; "dead": one
    assert heat.after == "."
    segments = [(gold, [w.text for w in words]) for gold, words in heat.segments()]
    assert segments == [
        (False, ["The"]),
        (True, ["savage", "raid"]),
        (False, ["left", "many"]),
        (True, ["dead"]),
        (False, ["yesterday", "morning"]),
    ]


def test_adjacent_gold_spans_stay_separate_segments() -> None:
    question = select_question(gold=((1, 2), (2, 3)))
    heat = stats.heatmap(question, [])
    gold_segments = [[w.text for w in words] for gold, words in heat.segments() if gold]
    assert gold_segments == [["savage"], ["raid"]]
