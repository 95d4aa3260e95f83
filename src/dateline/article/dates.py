"""Datelines of flattened pages: "Updated: December 16, 2022, 9:57 PM" and the like.

Values are ISO 8601. A time written without a zone stays local, as written
(``2022-12-16T21:57``); a written zone is kept (``GMT`` -> ``+00:00``). A date
without a time is a plain date (``2022-12-16``).
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_HAS_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?P<label>last updated|updated|last modified|modified|first published|published|"
    r"posted|created|date|publication date|released)\s*(?:on|at)?\s*[:\-–—]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b",
    re.IGNORECASE)
_ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200,
          "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200,
          "MDT": -21600, "PST": -28800, "PDT": -25200, "GST": 14400, "IST": 19800,
          "JST": 32400, "AEST": 36000, "AEDT": 39600}
_ZONE_WORD = re.compile(r"\b(" + "|".join(_ZONES) + r")\b|[+-]\d{2}:?\d{2}\b")
_WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?,?",
                      re.IGNORECASE)


def parse_dateline(line: str) -> tuple[str, str] | None:
    """``(label, iso)`` when the line is a dateline, else None.

    ``label`` is ``updated`` or ``published``. A line is a dateline when it is short,
    holds a full date, and is either labelled ("Updated:", "Published on") or holds
    little besides the date.
    """
    if len(line) > 120 or not _HAS_DATE.search(line):
        return None
    match = _LABEL.match(line.strip())
    if match:
        value = to_iso(match.group("rest"))
        if value is None:
            return None
        label = match.group("label").lower()
        kind = "updated" if ("updated" in label or "modified" in label) else "published"
        return kind, value
    leftover = _HAS_DATE.sub("", _TIME.sub("", _WEEKDAY.sub("", _ZONE_WORD.sub("", line))))
    if len(re.findall(r"[^\W\d_]{2,}", leftover)) > 1:
        return None  # a sentence that mentions a date, not a dateline
    value = to_iso(line)
    return ("published", value) if value else None


def split_dateline(line: str) -> str | None:
    """The ISO date held in a byline such as "By Jane Doe, March 3, 2021", if any."""
    match = _HAS_DATE.search(line)
    if not match:
        return None
    tail = line[match.start():]
    return to_iso(tail)


def to_iso(text: str) -> str | None:
    """ISO 8601 of the first date (and time, and zone, when written) in ``text``."""
    text = text.strip().rstrip(".")
    date_match = _HAS_DATE.search(text)
    if not date_match:
        return None
    time_match = _TIME.search(text, date_match.end()) or _TIME.search(text[: date_match.start()])
    zone_match = _ZONE_WORD.search(text)
    pieces = [date_match.group(0)]
    if time_match:
        clock = time_match.group(0)
        # "21.57" means 21:57; "9.57 a.m." keeps its dots in the a.m. only.
        clock = re.sub(r"(\d)\.(\d{2})", r"\1:\2", clock)
        pieces.append(clock)
    try:
        moment = date_parser.parse(" ".join(pieces), dayfirst=_day_first(date_match.group(0)),
                                   default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if moment.year < 1900:
        return None
    if not time_match:
        return moment.date().isoformat()
    stamp = moment.strftime("%Y-%m-%dT%H:%M" + (":%S" if moment.second else ""))
    if zone_match:
        stamp += _offset(zone_match.group(0))
    return stamp


def _day_first(date_text: str) -> bool:
    # 03/04/2021 is ambiguous; news outside the US writes day first, and so does ISO
    # ordering never reach here. Prefer day-first unless the first number cannot be a day.
    if re.match(r"\d{4}-", date_text):
        return False
    numbers = re.findall(r"\d+", date_text)
    return not (len(numbers) == 3 and len(numbers[0]) <= 2 and int(numbers[1]) > 12)


def _offset(zone: str) -> str:
    if zone.upper() in _ZONES:
        seconds = _ZONES[zone.upper()]
    else:
        sign = -1 if zone.startswith("-") else 1
        digits = zone[1:].replace(":", "")
        seconds = sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
