"""How sure a student is of an answer: an optional rating that never changes the score.

Knowing when you do not know is part of reading news well, so a teacher may ask after each
question how sure the student is; the dashboard and the results page compare the rating with
the score (calibration, in app.domain.statistics).
"""

from __future__ import annotations

# The levels in order from least to most sure: stored value -> what the student reads.
CONFIDENCE_LEVELS: dict[str, str] = {
    "guessing": "Guessing",
    "fairly_sure": "Fairly sure",
    "certain": "Certain",
}
MAX_CONFIDENCE_LENGTH = max(len(level) for level in CONFIDENCE_LEVELS)


class ConfidenceError(ValueError):
    """A rating that is none of the levels (a hand-made request: the page only offers the levels)."""


def parse_confidence(raw: str | None) -> str | None:
    """The level sent with an answer, None when the student gave none; anything else is refused."""
    if raw is None or raw == "":
        return None
    if raw not in CONFIDENCE_LEVELS:
        raise ConfidenceError("Choose how sure you are from the three options, or none of them.")
    return raw
