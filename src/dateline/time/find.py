"""The time stage: every time expression of an article, as a TimeML TIMEX3 value.

:func:`find_times` reads the segments of an article (title, paragraphs, captions,
already parsed) and returns :class:`~dateline.records.TimeExpr` records: ``text``,
``where``, ``type`` (DATE, TIME, DURATION, SET), ``value`` and ``mod``, normalised
against the anchor (the publication date). In a news story a bare weekday is the
last such day on or before the anchor, unless the tense or a word points forward
("will meet on Monday", "next Monday"); "next week" is the anchor's ISO week plus
one; "early next year" is the next year with mod START.

How: a regular grammar (:mod:`~dateline.time.patterns`, built from the
word tables in ``data/time/``) finds the expressions; builders
(:mod:`~dateline.time.points`, ``timex_periods``, ``timex_spans``) turn
each into a value, using the spaCy parse only for the tense of the governing verb
and for a few ambiguous words. Without an anchor the values stay underspecified
(``XXXX-12-16``, ``XXXX-WXX-5``); the caller adds the warning.

:func:`date_of` gives the calendar date a value names, for the events stage.
"""

from __future__ import annotations

import re

from dateline.parse.segments import Segment
from dateline.records import TimeExpr
from dateline.time.calendar import parse_anchor, quarter_of
from dateline.time.context import Context, References
from dateline.time.rules import find

__all__ = ["date_of", "find_times", "parse_anchor"]

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T)")


def find_times(segments: list[Segment], anchor: str | None) -> list[TimeExpr]:
    """All time expressions of ``segments``, in order, normalised against ``anchor``.

    ``anchor`` is an ISO 8601 date or date-time ("2022-12-16", "2022-12-16T21:57",
    with or without zone) or None. Segments should carry their parse (``doc``); without
    one the tense cues are skipped and bare weekdays count back from the anchor.
    """
    parsed_anchor = parse_anchor(anchor)
    refs = References()
    if parsed_anchor is not None:
        day = parsed_anchor.day
        refs.limit = f"{day.year:04d}-Q{quarter_of(day.month)}"
    found: list[TimeExpr] = []
    for segment in segments:
        ctx = Context(segment.text, parsed_anchor, segment.doc, refs)
        for hit in find(segment.text, ctx):
            found.append(TimeExpr(
                text=segment.text[hit.start:hit.end],
                type=hit.value.type,  # type: ignore[arg-type]
                value=hit.value.value,
                where=segment.where(hit.start, hit.end),
                mod=hit.value.mod,
            ))
    return found


def date_of(timex: TimeExpr) -> str | None:
    """The calendar date a TIMEX3 value names: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    A clock time gives its day ("2022-12-16T21:57" -> "2022-12-16"); weeks, quarters,
    seasons, decades, durations, sets and ``*_REF`` values give None.
    """
    if timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    match = _CALENDAR.match(timex.value)
    if match is None:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}"
    return year
