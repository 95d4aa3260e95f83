"""Calendar arithmetic and TimeML TIMEX3 value strings for the time stage.

Everything here is pure: dates in, value strings out. TIMEX3 values follow ISO 8601
as TimeML extends it: ``2022-12-16`` (day), ``2022-12`` (month), ``2022`` (year),
``202`` (decade), ``20`` (century), ``2022-W50`` (ISO week), ``2022-W50-WE``
(weekend), ``2022-Q4`` (quarter), ``2022-H2`` (half), ``2022-SU`` (season),
``2022-12-16T21:57`` (clock time), ``2022-12-16TMO`` (part of day), ``P2W``
(duration) and the vague ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

#: ``YYYY-MM-DD`` with an optional clock time and zone, as publication dates come.
_ANCHOR = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?\s*$"
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date (and clock time, when known) that relative expressions count from."""

    day: date
    hour: int | None = None
    minute: int | None = None


def parse_anchor(anchor: str | None) -> Anchor | None:
    """Read an ISO 8601 date or date-time (zone ignored); None when absent or unreadable."""
    if not anchor:
        return None
    match = _ANCHOR.match(anchor) or _COMPACT.match(anchor)
    if not match:
        return None
    groups = match.groups()
    try:
        day = date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None
    if len(groups) > 3 and groups[3] is not None:
        return Anchor(day, int(groups[3]), int(groups[4]))
    return Anchor(day)


def fmt_day(day: date) -> str:
    """``YYYY-MM-DD``."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def fmt_month(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def fmt_week(day: date) -> str:
    """The ISO week holding ``day``: ``YYYY-Www`` (the ISO year, not the calendar one)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    """Calendar quarter (1-4) of a month."""
    return (month - 1) // 3 + 1


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """``(year, quarter)`` moved by ``quarters``."""
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def safe_day(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when no such day exists (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_before(anchor: date, weekday: int, strict: bool = False) -> date:
    """The most recent ``weekday`` (1 = Monday) on or (``strict``) before ``anchor``."""
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int, strict: bool = False) -> date:
    """The next ``weekday`` (1 = Monday) on or (``strict``) after ``anchor``."""
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 = last) ``weekday`` of a month (Thanksgiving, Labor Day)."""
    if nth > 0:
        first = date(year, month, 1)
        return weekday_after(first, weekday) + timedelta(weeks=nth - 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return weekday_before(following - timedelta(days=1), weekday)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def shift_years(value: str, years: int) -> str | None:
    """Any dated value moved by whole years, keeping its granularity ("1989-Q3" -> "1988-Q3")."""
    if not re.match(r"\d{4}", value):
        return None
    if value[4:10] == "-02-29":  # a leap day a year away becomes Feb 28
        value = value[:8] + "28" + value[10:]
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def day_of(value: str) -> date | None:
    """The day a day-or-finer value names (``2022-12-16``, ``2022-12-16T21:57``)."""
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return safe_day(int(m[1]), int(m[2]), int(m[3]))
    return None
