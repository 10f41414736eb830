"""Calibration (issue 13, "How sure are you?"): how often answers at each confidence level were right."""

from __future__ import annotations

import pytest

from app.domain import statistics as stats
from app.domain.confidence import CONFIDENCE_LEVELS, ConfidenceError, parse_confidence


def answer(score: float, confidence: str | None, max_score: float = 1.0) -> stats.ScoredAnswer:
    return stats.ScoredAnswer((0,), score, max_score, confidence)


def test_every_level_is_listed_in_order_even_without_answers() -> None:
    result = stats.calibration([])
    assert [level.level for level in result.levels] == ["guessing", "fairly_sure", "certain"]
    assert [level.label for level in result.levels] == ["Guessing", "Fairly sure", "Certain"]
    assert result.rated == 0 and result.unrated == 0
    assert all(level.right_percent is None and level.score_percent is None for level in result.levels)


def test_counts_answers_and_fully_right_answers_per_level() -> None:
    result = stats.calibration(
        [
            answer(1.0, "certain"),
            answer(1.0, "certain"),
            answer(0.0, "certain"),
            answer(0.5, "certain"),  # partly right: not fully right, half in the mean score
            answer(1.0, "guessing"),
            answer(0.0, "guessing"),
            answer(1.0, "fairly_sure"),
            answer(1.0, None),
            answer(0.0, None),
        ]
    )
    certain = result.level("certain")
    assert (certain.answers, certain.right) == (4, 2)
    assert certain.right_percent == pytest.approx(50.0)
    assert certain.score_percent == pytest.approx(62.5)
    guessing = result.level("guessing")
    assert (guessing.answers, guessing.right, guessing.right_percent) == (2, 1, pytest.approx(50.0))
    fairly = result.level("fairly_sure")
    assert (fairly.answers, fairly.right, fairly.right_percent) == (1, 1, pytest.approx(100.0))
    assert result.rated == 7
    assert result.unrated == 2


def test_right_is_full_marks_as_a_fraction_of_the_maximum() -> None:
    result = stats.calibration([answer(2.0, "certain", max_score=2.0), answer(0.9999999999, "certain")])
    assert result.level("certain").right == 2
    assert result.level("certain").score_percent == pytest.approx(100.0)


def test_an_unknown_stored_level_counts_as_unrated() -> None:
    result = stats.calibration([answer(1.0, "sure-ish"), answer(1.0, "")])
    assert result.rated == 0
    assert result.unrated == 2


def test_only_the_three_levels_parse() -> None:
    assert list(CONFIDENCE_LEVELS) == ["guessing", "fairly_sure", "certain"]
    for level in CONFIDENCE_LEVELS:
        assert parse_confidence(level) == level
    assert parse_confidence(None) is None
    assert parse_confidence("") is None
    for odd in ("999", "Certain", " certain", "certain\x00", "x" * 10_000, "1"):
        with pytest.raises(ConfidenceError):
            parse_confidence(odd)
