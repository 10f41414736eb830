"""Due dates: when an assignment closes, whether work is late or missing, and local times.

Dates are stored in UTC and entered and shown in the class's time zone.  Every function takes
``now`` so the rules can be tested at any moment.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ON_TIME = "on time"
LATE = "late"
MISSING = "missing"
NOT_DUE = "not due"  # nothing submitted, and the due date has not passed (or there is none)


def effective_due(class_due: datetime | None, own_due: datetime | None) -> datetime | None:
    """A student's due date: their extension when they have one, else the class's."""
    return own_due if own_due is not None else class_due


def submission_state(due: datetime | None, submitted_at: datetime | None, now: datetime) -> str:
    if submitted_at is not None:
        return LATE if due is not None and submitted_at > due else ON_TIME
    if due is not None and now > due:
        return MISSING
    return NOT_DUE


def is_closed(close_at_due: bool, due: datetime | None, now: datetime) -> bool:
    """No new attempts or answers: only when the teacher chose to close at a due date now past."""
    return close_at_due and due is not None and now >= due


def is_valid_zone(name: str) -> bool:
    if not name or name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    """The named zone; the fallback for an empty or unknown name."""
    for candidate in (name, fallback, "UTC"):
        if candidate and is_valid_zone(candidate):
            return ZoneInfo(candidate)
    return ZoneInfo("UTC")


def local_to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    """A wall-clock time typed in ``tz`` (naive) as an aware UTC datetime.

    A time skipped by a clock change (02:30 on a spring-forward night) is read as the time it
    would be one hour later; a repeated time (autumn) as its first occurrence.
    """
    # fold=0 does both: in a gap it applies the offset from before the change.
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def utc_to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    """An aware datetime as wall-clock time in ``tz`` (aware, with that zone)."""
    return moment.astimezone(tz)
