"""Builders for reporting periods and counted-back times.

Quarters and halves ("third-quarter", "the fourth quarter of 1989", "Q1"), the
comparison periods of financial news ("the year-earlier quarter", "the latest
period", "a year ago" after a quarter), and "N units ago/earlier/later".
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.time.calendar import (
    fmt_day,
    fmt_month,
    fmt_week,
    quarter_of,
    shift_month,
    shift_quarter,
    shift_years,
)
from dateline.time.context import FUTURE, Context, Value, mod_of
from dateline.time.days import norm, rel_sign
from dateline.time.lexicon import lexicon
from dateline.time.quantity import duration_value, parse_number, unit_code

Match = re.Match[str]

#: How a modifier of a counted-back time reads as a mod of the point reached:
#: "more than four years ago" lies before the point four years back.
_AGO_MODS = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE",
             "EQUAL_OR_LESS": "ON_OR_AFTER"}
#: Words that move "the quarter" from the anchor's: "last quarter", "the next quarter".
_QUARTER_SHIFTS = {"last": -1, "the last": -1, "the previous": -1, "the past": -1,
                   "next": 1, "the next": 1, "the coming": 1}


def build_quarter(m: Match, ctx: Context) -> Value | None:
    """"the third quarter", "third-quarter", "the 1988 second quarter", "Q1", "first half"."""
    if m["qn"]:
        number, letter = int(m["qn"][1]), m["qn"][0]
        explicit = int(m["qy"]) if m["qy"] else None
    else:
        letter = "H" if m["u"].lower() == "half" else "Q"
        number = _ordinal(m["n"], 2 if letter == "H" else 4)
        explicit = _explicit_year(m, ctx)
    if number is None:
        return None
    if explicit is None:
        flag = norm(m.groupdict().get("flag"))
        explicit = _implicit_year(ctx, number, letter, flag, m.span())
    if explicit is None:
        return Value("DATE", f"XXXX-{letter}{number}")
    return Value("DATE", f"{explicit:04d}-{letter}{number}")


def _ordinal(word: str, last: int) -> int | None:
    word = word.lower()
    number = lexicon().ordinals.get(word)
    if number is None and (m := re.match(r"(\d)", word)):
        number = int(m[1])
    if number == -1:
        return last
    return number if number and 1 <= number <= last else None


def _explicit_year(m: Match, ctx: Context) -> int | None:
    if m["y1"] or m["y2"]:
        return int(m["y1"] or m["y2"])
    rel = m["rel"] or m["rel2"]
    if rel and ctx.anchor:
        return ctx.anchor.day.year + (rel_sign(rel) or 0)
    return None


def _implicit_year(ctx: Context, number: int, letter: str, flag: str,
                   span: tuple[int, int]) -> int | None:
    """A quarter's year: the anchor's, or the year before for a quarter still ahead
    unless the sentence looks forward (a January story's "fourth quarter" is the last
    one; results are reported for quarters that are over)."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.day.year
    current = quarter_of(ctx.anchor.day.month)
    if letter == "H":
        current = 1 if current <= 2 else 2
    if flag in ("year-earlier", "year-ago"):
        return (ctx.refs.year or year) - 1
    tense = ctx.tense(*span)
    if number > current and tense != FUTURE:
        return year - 1
    return year


def build_quarter_rel(m: Match, ctx: Context) -> Value | None:
    """"the quarter", "the latest period", "the year-ago quarter", "the 1988 period"."""
    rel, unit = norm(m["rel"]), m["u"].lower()
    if unit == "half":
        return None
    period = _reference_period(ctx, rel, unit)
    if period is None:
        return None
    if m["ago"] or "year-earlier" in rel or "year-ago" in rel or "corresponding" in rel:
        period = _year_before(period)
    if year := re.search(r"\d{4}", rel):
        period = year[0] + period[4:] if re.match(r"\d{4}", period) else year[0]
    refers = not (m["ago"] or re.search(r"year-|corresponding|\d{4}", rel))
    if period.startswith("P"):
        return Value("DURATION", period, refers=refers)
    return Value("DATE", period, refers=refers)


def _reference_period(ctx: Context, rel: str, unit: str) -> str | None:
    """The period a "the quarter"-like phrase points at: the last one the story named,
    or else the last full quarter before the anchor (what results are reported for)."""
    now = _anchor_quarter(ctx)
    if rel in ("this", "the current"):
        return f"{now[0]:04d}-Q{now[1]}" if now else "XXXX-QX"
    shift = _QUARTER_SHIFTS.get(rel)
    if shift is not None and unit == "quarter":
        if not now:
            return "XXXX-QX"
        year, quarter = shift_quarter(now[0], now[1], shift)
        return f"{year:04d}-Q{quarter}"
    last_full = None
    if now:
        year, quarter = shift_quarter(now[0], now[1], -1)
        last_full = f"{year:04d}-Q{quarter}"
    period = ctx.refs.period
    if period and (unit == "period" or not period.startswith("P")):
        if "latest" not in rel or last_full is None or period <= last_full:
            return period
    if unit == "period" and rel in ("the", "that"):
        return None  # "the period" with nothing to refer to is not a time
    return last_full or "XXXX-QX"


def _anchor_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.anchor is None:
        return None
    return ctx.anchor.day.year, quarter_of(ctx.anchor.day.month)


def _year_before(period: str) -> str:
    if period.startswith("P") or period.startswith("X"):
        return period
    return shift_years(period, -1) or period


def build_year_earlier(m: Match, ctx: Context) -> Value | None:
    """"year-earlier" / "year-ago" as an adjective: the same period a year before."""
    if ctx.refs.period and not ctx.refs.period.startswith("P"):
        return Value("DATE", _year_before(ctx.refs.period), refers=False)
    if ctx.anchor is None:
        return Value("DATE", "XXXX", refers=False)
    return Value("DATE", f"{(ctx.refs.year or ctx.anchor.day.year) - 1:04d}", refers=False)


def build_ago(m: Match, ctx: Context) -> Value | None:
    """"two weeks ago", "a year earlier", "three days later", "five years from now"."""
    unit = unit_code(m["u"])
    if unit is None:
        return None
    amount = parse_number(m["n"])
    direction = norm(m["dir"])
    mod = mod_of(m["mod"])
    if direction in ("earlier", "later") or (direction == "ago" and _compares(ctx, unit)):
        return _earlier_later(ctx, amount, unit, direction, mod)
    sign = -1 if direction in ("ago", "back") else 1
    if amount is None:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
    value = _count_from_anchor(ctx, amount * sign, unit)
    return Value("DATE", value, _AGO_MODS.get(mod or "", mod))


def _compares(ctx: Context, unit: str) -> bool:
    """Whether "a year ago" compares with a quarter the story reports on (financial
    news: "net fell to $4 million from $5 million a year ago" is that quarter)."""
    return unit == "Y" and ctx.refs.quarter is not None


def _earlier_later(ctx: Context, amount: float | None, unit: str, direction: str,
                   mod: str | None) -> Value:
    """"a year earlier" compares with a period the story named (a date); other counts
    with "earlier"/"later" ("three days later") are durations, as TimeBank has them."""
    if unit == "Y" and amount and amount == int(amount):
        sign = 1 if direction == "later" else -1
        if period := ctx.refs.quarter:
            value = shift_years(period, sign * int(amount)) or period
            return Value("DATE", value, mod, refers=False)
        if ctx.refs.year or ctx.anchor:
            base = ctx.refs.year or ctx.anchor.day.year
            return Value("DATE", f"{base + sign * int(amount):04d}", mod, refers=False)
    return Value("DURATION", duration_value(amount, unit), mod)


def _count_from_anchor(ctx: Context, amount: float, unit: str) -> str:
    """The point ``amount`` units from the anchor, at the unit's granularity."""
    whole = round(amount)
    if ctx.anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX")
    anchor = ctx.anchor.day
    if unit in ("S", "MIN", "H"):
        return fmt_day(anchor)
    if unit == "D":
        return fmt_day(anchor + timedelta(days=whole))
    if unit in ("W", "FN"):
        return fmt_week(anchor + timedelta(weeks=whole * (2 if unit == "FN" else 1)))
    if unit == "M":
        return fmt_month(*shift_month(anchor.year, anchor.month, whole))
    if unit == "Q":
        year, quarter = shift_quarter(anchor.year, quarter_of(anchor.month), whole)
        return f"{year:04d}-Q{quarter}"
    years = whole * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit]
    return f"{anchor.year + years:04d}"


def build_vague_ago(m: Match, ctx: Context) -> Value | None:
    """"years ago", "months ago": some time back."""
    return Value("DATE", "PAST_REF")

