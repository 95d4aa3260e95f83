"""Builders for days, months and seasons: "Aug. 7, 1998", "Friday", "last April",
"this summer", "Christmas".

Each builder takes the regex match of its pattern (see
:mod:`dateline.time.patterns`) and the :class:`Context`, and returns a
:class:`Value` or None to drop the match. Without an anchor, the parts the text does
not give stay ``X`` (``XXXX-12-16``, ``XXXX-WXX-5``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.time.calendar import (
    easter,
    fmt_day,
    fmt_month,
    fmt_week,
    nth_weekday,
    safe_day,
)
from dateline.time.context import FUTURE, Context, Value, mod_of
from dateline.time.days import (
    DAY_SHIFTS,
    dayref_date,
    infer_year,
    month_with_rel,
    nearest_day,
    norm,
    parse_month_day,
    rel_sign,
    two_digit_year,
    weekday_date,
)
from dateline.time.lexicon import lexicon

Match = re.Match[str]

#: Words before a bare "May", "March" or month abbreviation that make it a month
#: (without one, "May" is more often the verb or a name).
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|from|of|during|before|after|to|between|and|or"
    r"|on|early|late|mid|last|next|this|each|every|for|a|the)|[,(])\s*$",
    re.I,
)
#: The month each season starts in (winter counts from its December).
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def build_month_year(m: Match, ctx: Context) -> Value | None:
    """"July 1997", "June last year", "January '98"."""
    month = lexicon().month(m["m"])
    if m["y"]:
        year = int(m["y"])
    elif m["yy"]:
        year = two_digit_year(int(m["yy"]), ctx)
    elif ctx.anchor:
        year = ctx.anchor.day.year + (rel_sign(m["rel"]) or 0)
    else:
        return Value("DATE", f"XXXX-{month:02d}", mod_of(m["mod"]))
    return Value("DATE", fmt_month(year, month), mod_of(m["mod"]))


def build_month(m: Match, ctx: Context) -> Value | None:
    """"April", "last October", "early December" (a bare "May" needs a cue before it)."""
    word = m["m"]
    month = lexicon().month(word)
    if month is None:
        return None
    if not (m["rel"] or m["mod"]) and not _month_word_is_month(word, m, ctx):
        return None
    year = month_with_rel(ctx, month, m["rel"], m.span())
    value = fmt_month(year, month) if year else f"XXXX-{month:02d}"
    return Value("DATE", value, mod_of(m["mod"]))


def _month_word_is_month(word: str, m: Match, ctx: Context) -> bool:
    """Whether a bare month word is the month, not the verb "may" or a name ("April Ryan")."""
    key = word.lower().rstrip(".")
    ambiguous = key in ("may", "march", "june", "april", "august") \
        or key in lexicon().abbreviations
    if not ambiguous:
        return True
    if not _MONTH_CUES.search(ctx.before(m.start(), 25)):
        return False
    following = ctx.after(m.end(), 20)
    return not re.match(r"\s+[A-Z][a-z]", following)


def build_season(m: Match, ctx: Context) -> Value | None:
    """"this summer", "last fall", "the winter of 1994"."""
    code = lexicon().seasons[m["s"].lower()]
    rel = norm(m["rel"])
    if not rel and not m["y"] and not _season_cue(m, ctx):
        return None
    if rel in ("the", "that") and not m["y"] and re.match(r"\s+of\s+(?!\d)", ctx.after(m.end())):
        return None  # "the fall of the Wall"
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        return Value("DATE", f"XXXX-{code}", mod_of(m["mod"]))
    else:
        year = _season_year(ctx, code, rel, m.span())
    return Value("DATE", f"{year:04d}-{code}", mod_of(m["mod"] or m["mod2"]))


def _season_cue(m: Match, ctx: Context) -> bool:
    """A bare season word is a time only after a preposition ("in summer"), and never
    "fall"/"spring", which are mostly verbs and nouns of other senses."""
    if m["s"].lower() in ("fall", "spring"):
        return False
    return bool(re.search(r"\b(?:in|during|over|since|until|through|by|this|early|late)\s*$",
                          ctx.before(m.start(), 15), re.I))


def _season_year(ctx: Context, code: str, rel: str, span: tuple[int, int]) -> int:
    """The year of a season instance (winter counts from its December)."""
    anchor = ctx.anchor.day
    start = _SEASON_START[code]
    # The season instance holding the anchor, or the latest one begun before it.
    current = anchor.year if anchor.month >= start else anchor.year - 1
    running = anchor.month in _season_months(start)
    sign = rel_sign(rel)
    if sign == -1:
        return current - 1 if running else current
    if sign == 1:
        return current + 1
    if rel == "this":
        return current if running or anchor.month >= start else current + 1
    tense = ctx.tense(*span)
    if tense == FUTURE and not running:
        return current + 1
    return current


def _season_months(start: int) -> set[int]:
    return {(start - 1 + k) % 12 + 1 for k in range(3)}


def build_iso_date(m: Match, ctx: Context) -> Value | None:
    """"2022-12-16" and "2022-12-16T21:57" as written."""
    day = safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["h"]:
        return Value("TIME", f"{fmt_day(day)}T{m['h']}:{m['mi']}")
    return Value("DATE", fmt_day(day))


def build_slash_date(m: Match, ctx: Context) -> Value | None:
    """"12/16/2022" (US order; day first when the first number cannot be a month)."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (first, second) if first <= 12 else (second, first)
    if year < 100:
        year += 1900 if year > 50 else 2000
    parsed = safe_day(year, month, day)
    return Value("DATE", fmt_day(parsed)) if parsed else None


def build_month_day(m: Match, ctx: Context) -> Value | None:
    """"Aug. 7, 1998", "December 16", "Friday, Oct. 23", "the 7th of August"."""
    text = m.group()[m.start("m1" if m["m1"] else "d2") - m.start():]
    parsed = parse_month_day(text)
    if parsed is None:
        return None
    month, day, year = parsed
    weekday = lexicon().weekday(m["wd"]) if m["wd"] else None
    year = year or infer_year(ctx, month, day, m.span(), weekday)
    if year is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}", mod_of(m["mod"]))
    parsed_day = safe_day(year, month, day)
    if parsed_day is None:
        return None
    return Value("DATE", fmt_day(parsed_day), mod_of(m["mod"]))


def build_week_of(m: Match, ctx: Context) -> Value | None:
    """"the week of March 6" -> the ISO week holding that day."""
    day = dayref_date(ctx, m["md"], m.span())
    return Value("DATE", fmt_week(day) if day else "XXXX-WXX")


def build_relday(m: Match, ctx: Context) -> Value | None:
    """today, yesterday, tomorrow (and the day before/after) -> the day."""
    if ctx.anchor is None:
        return Value("DATE", "XXXX-XX-XX", mod_of(m["mod"]))
    day = ctx.anchor.day + timedelta(days=DAY_SHIFTS[norm(m["w"])])
    return Value("DATE", fmt_day(day), mod_of(m["mod"]))


def build_weekday(m: Match, ctx: Context) -> Value | None:
    """"Friday", "last Thursday", "next Monday"; plural "Mondays" is a SET."""
    word = m["wd"]
    weekday = lexicon().weekday(word)
    if weekday is None:
        return None
    if re.search(r"[a-z]s$", word) and not word.lower().endswith("'s"):
        return Value("SET", f"XXXX-WXX-{weekday}")
    # "Tuesday's declaration" names a day something already happened on.
    backward = re.search(r"['’]s$", word) is not None
    day = weekday_date(ctx, weekday, m["rel"], m.span(), backward)
    if day is None:
        return Value("DATE", f"XXXX-WXX-{weekday}", mod_of(m["mod"]))
    return Value("DATE", fmt_day(day), mod_of(m["mod"]))


def build_holiday(m: Match, ctx: Context) -> Value | None:
    """"Christmas", "Thanksgiving", "Easter" -> the day in the year the tense suggests."""
    rule = lexicon().holidays.get(norm(m["h"]))
    if rule is None:
        return None
    if ctx.anchor is None:
        fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
        return Value("DATE", f"XXXX-{fixed[1]}-{fixed[2]}" if fixed else "XXXX-XX-XX")
    year = ctx.anchor.day.year
    days = [d for d in (holiday_date(rule, y) for y in (year - 1, year, year + 1)) if d]
    if not days:
        return None
    return Value("DATE", fmt_day(nearest_day(ctx, days, m.span())))


def holiday_date(rule: str, year: int) -> date | None:
    """The day a ``holidays.tsv`` rule gives in ``year``."""
    if m := re.fullmatch(r"(\d\d)-(\d\d)", rule):
        return safe_day(year, int(m[1]), int(m[2]))
    if m := re.fullmatch(r"nth (\d+) (\d) (-?\d)", rule):
        return nth_weekday(year, int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"easter (-?\d+)", rule):
        return easter(year) + timedelta(days=int(m[1]))
    if rule == "election":  # the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    return None
