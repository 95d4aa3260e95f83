"""Resolving days, months and years that a text names only in part.

A weekday, a month or a month-day without a year is placed relative to the anchor,
in the direction the tense points: a news story's "on Thursday" is the last Thursday
on or before the publication day, its "will meet on Thursday" the next one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.time.calendar import (
    safe_day,
    weekday_after,
    weekday_before,
)
from dateline.time.context import FUTURE, PAST, Context
from dateline.time.lexicon import lexicon

#: Relative words before a weekday, month or season, and where they point:
#: -1 the last one before, +1 the next one after, 0 the one of this week/year,
#: and "ref" words that count from the story's last mentioned day.
_REL = {
    "last": -1, "past": -1, "this past": -1, "the previous": -1,
    "next": 1, "coming": 1, "this coming": 1, "the following": 1, "the next": 1,
    "this": 0, "that": 0,
}
_FROM_REFERENCE = {"the previous", "the following", "the next", "that"}
#: Days named by their distance from the anchor.
DAY_SHIFTS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}

#: How much further away (in days) a date counts when it lies on the side of the
#: anchor that the tense contradicts. Small enough that a past-tense sentence can
#: still name a day just ahead ("payable Dec. 7"), large enough to settle a month
#: about half a year off either way.
_TENSE_PENALTY_DAYS = 90
#: News mostly reports what happened: with no tense to go by, a day ahead of the
#: anchor counts this much further than one as far behind it.
_AHEAD_WEIGHT = 1.25


def norm(text: str | None) -> str:
    """Lower case with single spaces (None -> "")."""
    return re.sub(r"\s+", " ", text or "").strip().lower()


def rel_sign(rel: str | None) -> int | None:
    """-1, 0 or +1 for a relative word ("last", "next", "this"), None when absent."""
    return _REL.get(norm(rel)) if rel else None


def base_day(ctx: Context, rel: str | None) -> date | None:
    """The day a relative word counts from: the last mentioned day or the anchor."""
    return ctx.story_day() if norm(rel) in _FROM_REFERENCE else ctx.anchor_day


def weekday_date(ctx: Context, weekday: int, rel: str | None, span: tuple[int, int],
                 backward: bool = False) -> date | None:
    """The day a weekday names, or None without an anchor."""
    base = base_day(ctx, rel)
    if base is None:
        return None
    sign = rel_sign(rel)
    if sign == -1:
        return weekday_before(base, weekday, strict=True)
    if sign == 1:
        return weekday_after(base, weekday, strict=True)
    if sign == 0 and norm(rel) == "this":
        return base + timedelta(days=weekday - base.isoweekday())
    if not backward and ctx.tense(*span) == FUTURE:
        return weekday_after(base, weekday)
    return weekday_before(base, weekday)


def two_digit_year(yy: int, ctx: Context) -> int:
    """The year "'98" or "FY23" names: in the anchor's century (2000 without an anchor),
    or the one before when that would put it more than ten years ahead."""
    now = ctx.anchor.day.year if ctx.anchor else 2000
    year = now // 100 * 100 + yy
    return year - 100 if year > now + 10 else year


def infer_year(ctx: Context, month: int, day: int | None, span: tuple[int, int],
               weekday: int | None = None) -> int | None:
    """The year of a month (and day) given without one, or None without an anchor.

    The year that puts the date nearest the anchor, where a date on the side the
    tense contradicts counts :data:`_TENSE_PENALTY_DAYS` further away: "payable Dec. 7"
    in an October story stays ahead although "declared" is past. A weekday given
    with the date ("Monday, Oct. 26") keeps only the years where it fits.
    """
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor.day
    tense, direct = ctx.tense_and_link(*span)
    penalty = _TENSE_PENALTY_DAYS if day is not None and not direct else 365
    best: tuple[float, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is not None:
            target = safe_day(year, month, day)
            if target is None or (weekday and target.isoweekday() != weekday):
                continue
            gap = (target - anchor).days
        else:
            gap = ((year * 12 + month) - (anchor.year * 12 + anchor.month)) * 30
        cost = gap * _AHEAD_WEIGHT if gap > 0 else -gap
        if tense == PAST and gap > 0:
            # A date the past-tense verb itself is dated by is the last one gone
            # ("stepped down in March", "was released on 3 March"); one hanging on a
            # noun may still lie just ahead ("declared a dividend payable Dec. 7").
            cost += penalty
        elif tense == FUTURE and gap < 0:
            cost += _TENSE_PENALTY_DAYS
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else anchor.year


def nearest_day(ctx: Context, days: list[date], span: tuple[int, int]) -> date:
    """Of candidate days (a holiday in successive years), the nearest to the anchor,
    weighed by the tense as :func:`infer_year` does."""
    anchor = ctx.anchor.day
    tense = ctx.tense(*span)

    def cost(day: date) -> float:
        gap = (day - anchor).days
        penalty = (tense == PAST and gap > 0) or (tense == FUTURE and gap < 0)
        distance = gap * _AHEAD_WEIGHT if gap > 0 else -gap
        return distance + (_TENSE_PENALTY_DAYS if penalty else 0)

    return min(days, key=cost)


def month_with_rel(ctx: Context, month: int, rel: str | None, span: tuple[int, int]
                   ) -> int | None:
    """The year of "last April", "next May", "this June" or a bare "April"."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor.day
    sign = rel_sign(rel)
    if sign == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if sign == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if sign == 0:
        return anchor.year
    return infer_year(ctx, month, None, span)


def parse_month_day(text: str) -> tuple[int, int, int | None] | None:
    """``(month, day, year or None)`` of "Aug. 7, 1998", "7 August", "the 7th of August"."""
    lex = lexicon()
    words = re.findall(r"[A-Za-z]+\.?|\d+", text)
    month = day = year = None
    for word in words:
        if word.isdigit():
            number = int(word)
            if len(word) == 4:
                year = number
            elif day is None and 1 <= number <= 31:
                day = number
        elif month is None and (m := lex.month(word)) is not None:
            month = m
    if month is None or day is None:
        return None
    return month, day, year


def dayref_date(ctx: Context, text: str, span: tuple[int, int]) -> date | None:
    """The day a day reference names: a weekday, a month-day, today/yesterday/tomorrow."""
    lowered = norm(text)
    if lowered in DAY_SHIFTS:
        anchor = ctx.anchor_day
        return anchor + timedelta(days=DAY_SHIFTS[lowered]) if anchor else None
    if (parsed := parse_month_day(text)) is not None:
        month, day, year = parsed
        year = year or infer_year(ctx, month, day, span)
        return safe_day(year, month, day) if year else None
    first = text.split(",")[0].strip()
    if (weekday := lexicon().weekday(first)) is not None:
        return weekday_date(ctx, weekday, None, span)
    return None
