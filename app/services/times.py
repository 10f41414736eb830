"""Dates in a class's time zone: the one place where typed and shown times are converted.

Times are stored in UTC.  A teacher types a due date as a wall-clock time in the class's zone
(``SchoolClass.time_zone``; "" means the server's, config DEFAULT_TIME_ZONE), and every page
shows times back in that zone with its name, never in UTC.  Built on app.domain.deadlines.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from flask import current_app

from app.domain import deadlines
from app.models import SchoolClass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def default_zone_name() -> str:
    return str(current_app.config.get("DEFAULT_TIME_ZONE", "UTC") or "UTC")


@runtime_checkable
class Zoned(Protocol):
    """A class, as its row or as a signed-in student's pages know it (app.security.ClassOfStudent)."""

    @property
    def time_zone(self) -> str: ...


def zone_of(school_class: Zoned | None) -> ZoneInfo:
    """The class's zone; the server's default for no class, or a class without one (or an unknown one)."""
    return deadlines.zone(school_class.time_zone if school_class is not None else "", default_zone_name())


def zone_name(school_class: SchoolClass) -> str:
    return zone_of(school_class).key


def to_utc(school_class: SchoolClass, local: datetime | None) -> datetime | None:
    """A wall-clock time typed for the class (naive) as an aware UTC datetime."""
    if local is None:
        return None
    if local.tzinfo is not None:
        raise ValueError("expected a wall-clock (naive) time")
    return deadlines.local_to_utc(local, zone_of(school_class))


def to_local(school_class: SchoolClass, moment: datetime | None) -> datetime | None:
    """A stored UTC moment as the class's wall-clock time (naive), e.g. to fill a form field."""
    if moment is None:
        return None
    return deadlines.utc_to_local(moment, zone_of(school_class)).replace(tzinfo=None)


def format_local(moment: datetime | None, school_class: Zoned | None, *, with_zone: bool = True) -> str:
    """``Tue 1 Dec 2026, 09:00 (Europe/London)``: a stored moment as people in the class read it."""
    if moment is None:
        return ""
    tz = zone_of(school_class)
    local = deadlines.utc_to_local(moment, tz)
    text = f"{DAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"
    return f"{text} ({tz.key})" if with_zone else text
