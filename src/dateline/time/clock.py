"""Builders for clock times and parts of the day: "10:35 a.m. Friday", "9:57 PM",
"noon Thursday", "4 in the morning", "Friday morning", "last night", "tonight".

Clock times without a day take the day the story last mentioned (or the anchor's),
as a narrative's "at 10 p.m." belongs to the day it is telling.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.time.calendar import fmt_day
from dateline.time.context import FUTURE, Context, Value, mod_of
from dateline.time.days import dayref_date, norm
from dateline.time.lexicon import lexicon
from dateline.time.quantity import parse_number

Match = re.Match[str]

#: Parts of the day whose hours are after noon: "7 in the evening" is 19:00.
_PM_PARTS = {"afternoon", "evening", "night"}
#: Words before a part of the day that count from the story's day ("that night",
#: "the next morning"), and by how many days.
_STORY_DAY_SHIFTS = {"that": 0, "the same": 0, "the next": 1, "the following": 1,
                     "the previous": -1}


def _day_prefix(day: date | None) -> str:
    """The date part of a TIME value, ``XXXX-XX-XX`` when the day is unknown."""
    return fmt_day(day) if day else "XXXX-XX-XX"


def _clock(text: str) -> tuple[int, int] | None:
    """``(hour, minute)`` of "10:35 a.m.", "10 p.m.", "noon", "midnight"."""
    lowered = text.lower()
    if lowered in ("noon", "midday"):
        return 12, 0
    if lowered == "midnight":
        return 24, 0
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?", lowered)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3] == "p" and hour < 12:
        hour += 12
    elif m[3] == "a" and hour == 12:
        hour = 0
    return hour, minute


def build_clock(m: Match, ctx: Context) -> Value | None:
    """"10:35 a.m. Friday", "9:57 PM", "noon Thursday" -> ``YYYY-MM-DDThh:mm``."""
    clock = _clock(m["clock"])
    if clock is None:
        return None
    hour, minute = clock
    if m["part"] and m["part"].lower() in _PM_PARTS and hour < 12:
        hour += 12
    day = dayref_date(ctx, m["day"], m.span()) if m["day"] else ctx.story_day()
    return Value("TIME", f"{_day_prefix(day)}T{hour:02d}:{minute:02d}", mod_of(m["mod"]))


def build_clock_words(m: Match, ctx: Context) -> Value | None:
    """"4 in the morning", "seven o'clock" -> a clock time on the reference day."""
    hour_value = parse_number(m["hour"])
    if hour_value is None or not 1 <= hour_value <= 12:
        return None
    hour = int(hour_value)
    part = (m.groupdict().get("part") or "").lower()
    if part in _PM_PARTS and hour < 12:
        hour += 12
    return Value("TIME", f"{_day_prefix(ctx.story_day())}T{hour:02d}:00")


def _part_code(word: str) -> str:
    return lexicon().parts[word.lower().rstrip("s")]


def build_part_of_day(m: Match, ctx: Context) -> Value | None:
    """"Friday morning", "last night", "this evening" -> ``YYYY-MM-DDTMO``."""
    day_word, part = norm(m["day"]), m["part"]
    code = _part_code(part)
    weekday = lexicon().weekday(m["day"])
    if part.lower().endswith("s") and weekday is not None:
        return Value("SET", f"XXXX-WXX-{weekday}T{code}")  # "Tuesday nights"
    day = _part_day(ctx, day_word, code, m)
    return Value("TIME", f"{_day_prefix(day)}T{code}", mod_of(m["mod"]))


def _part_day(ctx: Context, word: str, code: str, m: Match) -> date | None:
    anchor = ctx.anchor_day
    if word in ("this", "today", "tonight"):
        return anchor
    if word == "last":
        # "last night" is yesterday's; "last morning" is not said.
        return anchor - timedelta(days=1) if anchor and code == "NI" else None
    shift = _STORY_DAY_SHIFTS.get(word)
    if shift is not None:
        base = ctx.story_day()
        return base + timedelta(days=shift) if base else None
    return dayref_date(ctx, m["day"], m.span())


def build_part_after(m: Match, ctx: Context) -> Value | None:
    """"afternoon yesterday", "mid-afternoon Friday"."""
    day = dayref_date(ctx, m["day"], m.span())
    return Value("TIME", f"{_day_prefix(day)}T{_part_code(m['part'])}", mod_of(m["mod"]))


def build_part_alone(m: Match, ctx: Context) -> Value | None:
    """"mid afternoon", "late morning": a part of the day the story is about."""
    day = ctx.story_day()
    return Value("TIME", f"{_day_prefix(day)}T{_part_code(m['part'])}", mod_of(m["mod"]))


def build_tonight(m: Match, ctx: Context) -> Value | None:
    """"tonight" is today's night; "overnight" the night before a past-tense event."""
    day = ctx.anchor_day
    if day and m["word"].lower() == "overnight" and ctx.tense(*m.span()) != FUTURE:
        day -= timedelta(days=1)
    return Value("TIME", f"{_day_prefix(day)}TNI", mod_of(m["mod"]))
