"""Matching: every pattern over a text, overlaps settled, builders called in order.

Patterns are tried where trigger words are (:mod:`~dateline.time.triggers`);
where matches overlap the longest wins (ties go to
the pattern listed first in :data:`dateline.time.patterns.TEMPLATES`), so
"Friday, Oct. 23, 1998" is one date, not a weekday, a month and a year. The chosen
matches are then built left to right, so that each can refer to the times before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateline.time import clock, periods, points, spans, years
from dateline.time.context import Context, Value
from dateline.time.patterns import compiled
from dateline.time.triggers import attempts

Builder = Callable[[re.Match[str], Context], Value | None]

#: pattern name -> builder.
BUILDERS: dict[str, Builder] = {
    "iso_date": points.build_iso_date,
    "slash_date": points.build_slash_date,
    "clock": clock.build_clock,
    "clock_words": clock.build_clock_words,
    "clock_oclock": clock.build_clock_words,
    "part_of_day": clock.build_part_of_day,
    "part_after": clock.build_part_after,
    "tonight": clock.build_tonight,
    "part_alone": clock.build_part_alone,
    "month_day": points.build_month_day,
    "week_of": points.build_week_of,
    "month_year": points.build_month_year,
    "month": points.build_month,
    "season": points.build_season,
    "year": years.build_year,
    "fiscal_year": years.build_fiscal_year,
    "spoken_year": years.build_spoken_year,
    "decade": years.build_decade,
    "century": years.build_century,
    "relday": points.build_relday,
    "weekday": points.build_weekday,
    "rel_unit": years.build_rel_unit,
    "in_the_unit": years.build_in_the_unit,
    "year_end": years.build_year_end,
    "quarter": periods.build_quarter,
    "quarter_rel": periods.build_quarter_rel,
    "year_earlier": periods.build_year_earlier,
    "ago": periods.build_ago,
    "vague_ago": periods.build_vague_ago,
    "duration": spans.build_duration,
    "few_units": spans.build_few_units,
    "unit_adj": spans.build_unit_adj,
    "bare_units": spans.build_bare_units,
    "set_every": spans.build_set_every,
    "set_times": spans.build_set_times,
    "set_per": spans.build_set_times,
    "fixed": spans.build_fixed,
    "holiday": points.build_holiday,
}


@dataclass(slots=True)
class Found:
    """One time expression found in a text."""

    start: int
    end: int
    value: Value


Candidate = tuple[int, int, int, str, re.Match[str]]


def candidates(text: str) -> list[Candidate]:
    """Every match of a pattern tried at a trigger word: ``(start, end, priority, name,
    match)`` of its extent."""
    positions = attempts(text)
    patterns = compiled()
    found = []
    for priority, (name, pattern) in enumerate(patterns.items()):
        for position in positions.get(name, ()):
            match = pattern.match(text, position)
            if match is None or match.end() == match.start():
                continue
            start, end = _trim(text, *span_of(match))
            if end > start:
                found.append((start, end, priority, name, match))
    return found


def span_of(m: re.Match[str]) -> tuple[int, int]:
    """The extent of a match: its ``x`` group when there is one, else the whole match."""
    groups = m.re.groupindex
    for name in ("x", "x2"):
        if name in groups and m.group(name) is not None:
            return m.span(name)
    return m.span()


#: Words TimeML leaves out of an extent: a possessive ("its fourth quarter"), the
#: article of a time used as a modifier ("a third-quarter loss", "the Oct. 23 vote").
_LEAD_OUT = re.compile(
    r"(?i:its|their|his|her|our)\s+"
    r"|(?i:a|an|the)\s+(?=[\w']+-(?i:quarter|half|year|month|week|day|hour)\b)"
    r"|(?i:the)\s+(?=[A-Z][a-z]{2,8}\.?\s+\d)"
)
#: ... and the possessive ending ("Friday's").
_TAIL_OUT = re.compile(r"['’]s$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop blanks, a trailing comma and the words TimeML keeps out of an extent."""
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if lead := _LEAD_OUT.match(text, start, end):
        start = lead.end()
    if tail := _TAIL_OUT.search(text, start, end):
        end = tail.start()
    return start, end


def select(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """Non-overlapping matches, longest first, then by pattern priority; in text order.

    A match its builder rejects ("May" as a verb) is passed over, so a shorter match
    inside it can still be taken.
    """
    taken: list[Candidate] = []
    for candidate in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        start, end, _, name, match = candidate
        if any(start < other[1] and end > other[0] for other in taken):
            continue
        if BUILDERS[name](match, ctx) is not None:
            taken.append(candidate)
    return sorted(taken, key=lambda t: t[0])


def find(text: str, ctx: Context) -> Iterator[Found]:
    """The time expressions of ``text``, built in reading order (references updated)."""
    for start, end, _, name, match in select(candidates(text), ctx):
        value = BUILDERS[name](match, ctx)
        if value is None:
            continue
        if value.refers:
            ctx.refs.note(value.value, value.type)
        yield Found(start, end, value)
