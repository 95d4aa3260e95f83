"""Builders for years and the units counted from the anchor: "1999", "fiscal 1989",
"the 1990s", "the 20th century", "next week", "last month", "early next year",
"the weekend", "that day", "year-end".
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.time.calendar import fmt_day, fmt_month, fmt_week, shift_month
from dateline.time.context import FUTURE, PAST, Context, Value, mod_of
from dateline.time.days import norm, rel_sign, two_digit_year
from dateline.time.lexicon import lexicon
from dateline.time.quantity import parse_number

Match = re.Match[str]


def build_year(m: Match, ctx: Context) -> Value | None:
    """"1999", "fiscal 1989", "mid-1996", "post-1959", "1994 or later"."""
    year = int(m["y"])
    if not _is_year(m, ctx, year):
        return None
    mod = mod_of(m["mod"])
    if m["pp"]:
        mod = "BEFORE" if m["pp"].lower() == "pre" else "AFTER"
    if m["orl"]:
        mod = "ON_OR_AFTER" if re.search(r"later|after|beyond", m["orl"]) else "ON_OR_BEFORE"
    return Value("DATE", f"{year:04d}", mod)


def _is_year(m: Match, ctx: Context, year: int) -> bool:
    """Whether a four-digit number is a year, not a count ("1,500", "2000 troops")."""
    if m["fiscal"] or m["mod"] or m["pp"]:
        return True
    token = ctx.token_at(m.start("y"))
    if token is not None and token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if (token is not None and token.dep_ == "nummod" and token.head.tag_ == "NNS"
            and token.head.lower_ not in _YEAR_NOUNS):
        return False  # "2000 people"
    if 1900 <= year <= 2039:
        return True
    return token is not None and token.ent_type_ == "DATE"


#: Plural nouns that follow a year without making it a count ("1989 results").
_YEAR_NOUNS = {"results", "earnings", "sales", "figures", "levels", "profits", "elections",
               "olympics", "games", "talks", "accords", "riots", "protests"}


def build_fiscal_year(m: Match, ctx: Context) -> Value | None:
    """"FY2023", "FY23" -> the year."""
    year = int(m["y"])
    if year < 100:
        year = two_digit_year(year, ctx)
    return Value("DATE", f"{year:04d}")


def build_spoken_year(m: Match, ctx: Context) -> Value | None:
    """"nineteen ninety-six", "the year two thousand"."""
    if m["two"]:
        rest = re.sub(r"(?i)two\s+thousand(?:\s+and)?", "", m["two"]).strip()
        extra = parse_number(rest) if rest else 0
        return Value("DATE", f"{2000 + int(extra or 0):04d}") if extra is not None else None
    tail = parse_number(m["yy"])
    if tail is None or not 10 <= tail <= 99 or tail != int(tail):
        return None
    return Value("DATE", f"19{int(tail):02d}")


def build_decade(m: Match, ctx: Context) -> Value | None:
    """"the 1990s", "the '80s", "the late seventies" -> ``199``, ``198``, ``197``."""
    if m["ddd"]:
        decade = m["ddd"]
    else:
        tens = int(m["dd"]) if m["dd"] else _TENS[m["tens"].lower()]
        if m["nt"]:
            century = 19
        elif ctx.anchor:
            now = ctx.anchor.day.year
            century = now // 100 if now // 100 * 100 + tens * 10 <= now else now // 100 - 1
        else:
            return Value("DATE", f"XX{tens}", mod_of(m["mod"] or m["mod2"]))
        decade = f"{century}{tens}"
    return Value("DATE", decade, mod_of(m["mod"] or m["mod2"]))


_TENS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
         "seventies": 7, "eighties": 8, "nineties": 9}


def build_century(m: Match, ctx: Context) -> Value | None:
    """"the 20th century" -> ``19``; "this century" -> the anchor's."""
    if m["n"]:
        number = int(m["n"])
    elif m["o"]:
        number = lexicon().ordinals.get(m["o"].lower(), 0)
    else:
        if ctx.anchor is None:
            return Value("DATE", "XX")
        number = ctx.anchor.day.year // 100 + 1 + (rel_sign(m["rel"]) or 0)
    if number < 1:
        return None
    return Value("DATE", f"{number - 1:02d}", mod_of(m["mod"]))


def build_rel_unit(m: Match, ctx: Context) -> Value | None:
    """"next week", "last month", "this year", "the weekend", "early next year", "that day"."""
    rel, unit = norm(m["rel"]), m["u"].lower()
    mod = mod_of(m["mod"])
    if unit == "year" and rel == "the" and re.match(r"\s+(?:ended|ending|to\s+date)",
                                                     ctx.after(m.end())):
        return Value("DURATION", "P1Y")  # "for the year ended June 30"
    shift, from_ref = _rel_shift(rel, unit)
    if shift is None:
        return None
    if ctx.anchor is None:
        return Value("DATE", _unanchored(unit), mod)
    value = _unit_value(ctx, unit, shift, from_ref, m.span())
    return Value("DATE", value, mod) if value else None


#: relative word -> (shift in units, counts from the story's reference time).
_SHIFTS: dict[str, tuple[int, bool]] = {
    "this": (0, False), "current": (0, False), "the current": (0, False),
    "the present": (0, False), "last": (-1, False), "past": (-1, False),
    "the past": (-1, False), "the last": (-1, False), "this past": (-1, False),
    "latest": (-1, False), "the latest": (-1, False),
    "next": (1, False), "coming": (1, False), "the coming": (1, False),
    "upcoming": (1, False), "the upcoming": (1, False), "this coming": (1, False),
    "previous": (-1, True), "the previous": (-1, True), "prior": (-1, True),
    "the prior": (-1, True), "the preceding": (-1, True),
    "following": (1, True), "the following": (1, True), "the next": (1, True),
    "the ensuing": (1, True),
    "that": (0, True), "that same": (0, True), "same": (0, True), "the same": (0, True),
    "the very same": (0, True),
    "the": (0, True), "the full": (0, True), "the entire": (0, True), "the whole": (0, True),
}


def _rel_shift(rel: str, unit: str) -> tuple[int | None, bool]:
    shift, from_ref = _SHIFTS.get(rel, (None, False))
    if unit == "day":
        # Only the narrative days ("that day", "the next day"); "the day" alone and
        # "last day" are too often not times.
        if not from_ref or rel == "the":
            return None, False
        return shift, True
    if rel == "the" and unit in ("weekend", "week", "month", "decade", "century"):
        return 0, False  # "the week", "the weekend": counted from the anchor
    return shift, from_ref


def _unanchored(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}[unit]


def _unit_value(ctx: Context, unit: str, shift: int, from_ref: bool,
                span: tuple[int, int]) -> str | None:
    anchor = ctx.anchor.day
    refs = ctx.refs
    if unit == "day":
        return fmt_day(ctx.story_day() + timedelta(days=shift))
    if unit == "week":
        return fmt_week(anchor + timedelta(weeks=shift))
    if unit == "weekend":
        return _weekend(ctx, shift, span)
    if unit == "month":
        year, month = refs.month if from_ref and refs.month else (anchor.year, anchor.month)
        return fmt_month(*shift_month(year, month, shift))
    if unit == "year":
        year = refs.year if from_ref and refs.year else anchor.year
        return f"{year + shift:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + shift:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + shift:02d}"
    return None


def _weekend(ctx: Context, shift: int, span: tuple[int, int]) -> str:
    """"the weekend": the last one in a past-tense sentence, else the coming one."""
    anchor = ctx.anchor.day
    on_weekend = anchor.isoweekday() >= 6
    if shift == 0 and not on_weekend and ctx.tense(*span) != FUTURE:
        shift = -1
    return fmt_week(anchor + timedelta(weeks=shift)) + "-WE"


def build_in_the_unit(m: Match, ctx: Context) -> Value | None:
    """"earlier in the year" -> this year, START."""
    unit = m["u"].lower()
    if ctx.anchor is None:
        return Value("DATE", _unanchored(unit), mod_of(m["mod"]))
    value = _unit_value(ctx, unit, 0, False, m.span())
    return Value("DATE", value, mod_of(m["mod"]))


def build_year_end(m: Match, ctx: Context) -> Value | None:
    """"year-end", "the end of the year": the year (the last one in past tense), END."""
    if ctx.anchor is None:
        return Value("DATE", "XXXX", "END")
    year = ctx.anchor.day.year
    if ctx.tense(*m.span()) == PAST and ctx.anchor.day.month < 12:
        year -= 1
    return Value("DATE", f"{year:04d}", "END")
