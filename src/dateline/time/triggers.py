"""Where to try the grammar: trigger words, so patterns never scan a whole text.

Running some forty patterns over every character of an article costs more than the
parse itself. Every time expression holds at least one telling word (a month, a
weekday, a unit, a digit, "now", ...): :func:`kind_of` looks each word of the text up
in a table, and each pattern is tried (``match``, not ``search``) only at the starts of
the few words before and at such a word, and only if the word is of a kind the
pattern can contain (:data:`KINDS`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from dateline.time.lexicon import lexicon

#: How far before a trigger word a match may start: "at least the past 18 months"
#: starts four words before "months"; "more than two thousand years" five.
WORDS_BACK = 6
CHARS_BACK = 60

ALL = ("NUM", "MONTH", "WEEKDAY", "UNIT", "QUARTER", "CENTURY", "SEASON", "PART", "REL",
       "DECADE", "SET", "FIXED")

#: pattern name -> kinds of trigger word it can contain.
KINDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("NUM",),
    "slash_date": ("NUM",),
    "clock": ("NUM", "PART"),
    "clock_words": ("NUM",),
    "clock_oclock": ("NUM",),
    "part_of_day": ("PART",),
    "part_after": ("PART",),
    "tonight": ("PART",),
    "part_alone": ("PART",),
    "month_day": ("MONTH",),
    "week_of": ("MONTH",),
    "month_year": ("MONTH",),
    "month": ("MONTH",),
    "season": ("SEASON",),
    "year": ("NUM",),
    "fiscal_year": ("NUM",),
    "spoken_year": ("NUM",),
    "decade": ("DECADE",),
    "century": ("CENTURY",),
    "relday": ("REL",),
    "weekday": ("WEEKDAY",),
    "rel_unit": ("UNIT", "CENTURY"),
    "in_the_unit": ("UNIT",),
    "year_end": ("UNIT",),
    "quarter": ("QUARTER",),
    "quarter_rel": ("QUARTER",),
    "year_earlier": ("UNIT",),
    "ago": ("UNIT", "QUARTER", "CENTURY"),
    "vague_ago": ("UNIT",),
    "duration": ("UNIT", "QUARTER", "CENTURY"),
    "few_units": ("UNIT", "QUARTER", "CENTURY"),
    "unit_adj": ("UNIT", "QUARTER", "CENTURY"),
    "bare_units": ("UNIT", "CENTURY"),
    "set_every": ("SET",),
    "set_times": ("SET",),
    "set_per": ("SET",),
    "fixed": ALL,
    "holiday": ALL,
}

_WORD = re.compile(r"[\w'’]+")
#: Words too common to trigger anything by themselves.
_STOP = {"the", "a", "an", "of", "in", "as", "at", "to", "for", "on", "and", "or", "is",
         "more", "less", "so", "st", "day"}
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$")
_DECADE = re.compile(r"^(?:\d{3}0|['’]\d0)['’]?s$")
_PERIOD_CODE = re.compile(r"^(?:Q[1-4]|H[12])$")
_FIXED_KINDS = {
    "QUARTER": ("quarter", "quarters", "half", "halves", "period"),
    "CENTURY": ("century", "centuries"),
    "UNIT": ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
             "weeks", "weekend", "weekends", "fortnight", "fortnights", "month", "months",
             "year", "years", "decade", "decades", "millennium", "millennia"),
    "PART": ("morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night",
             "nights", "tonight", "overnight", "noon", "midnight", "midday"),
    "REL": ("today", "yesterday", "tomorrow", "ago", "hence"),
    "SET": ("every", "each", "once", "twice", "thrice", "times", "per"),
    "DECADE": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
               "eighties", "nineties"),
}


@lru_cache(maxsize=1)
def word_kinds() -> tuple[dict[str, str], dict[str, str]]:
    """Two lookups: lower-cased word -> kind, and capitalised name -> kind (months and
    weekdays count only capitalised, like the patterns)."""
    lex = lexicon()
    words: dict[str, str] = {}
    for phrase in list(lex.fixed) + list(lex.holidays):
        candidates = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _STOP]
        if candidates:
            words[max(candidates, key=len)] = "FIXED"
    for word in lex.numbers:
        if " " not in word and word not in ("a", "an"):
            words[word] = "NUM"
    for word in lex.seasons:
        words[word] = "SEASON"
    for kind, members in _FIXED_KINDS.items():
        for word in members:
            words[word] = kind
    names = {w: "MONTH" for w in lex.months} | {w: "WEEKDAY" for w in lex.weekdays}
    return words, names


def kind_of(word: str) -> str | None:
    """The trigger kind of one word of the text, or None."""
    if _DIGIT.search(word):
        if _DECADE.match(word):
            return "DECADE"
        return "QUARTER" if _PERIOD_CODE.match(word) else "NUM"
    words, names = word_kinds()
    lowered = _POSSESSIVE.sub("", word.lower()).strip("'’")
    if not lowered:
        return None
    if word[0].isupper() and (kind := names.get(lowered) or names.get(lowered[:-1])):
        return kind
    return words.get(lowered)


def attempts(text: str) -> dict[str, list[int]]:
    """pattern name -> the positions worth a ``match`` there, in text order."""
    words = list(_WORD.finditer(text))
    starts = [w.start() for w in words]
    by_kind: dict[str, set[int]] = {}
    for index, word in enumerate(words):
        kind = kind_of(word.group())
        if kind is None:
            continue
        at = starts[index]
        first = bisect_left(starts, at - CHARS_BACK, max(0, index - WORDS_BACK), index)
        by_kind.setdefault(kind, set()).update(starts[first:index + 1])
    out: dict[str, list[int]] = {}
    for name, kinds in KINDS.items():
        found = set().union(*(by_kind[k] for k in kinds if k in by_kind))
        if found:
            out[name] = sorted(found)
    return out
