"""The word tables of the time stage, read once from ``data/time/*.tsv``.

:func:`lexicon` returns a :class:`Lexicon`: the tables as dictionaries (lower-cased
keys) plus regular-expression alternations built from them, which the grammar in
:mod:`dateline.time.rules` drops into its patterns. Users extend the stage
by adding rows to the tables (see ``data/time/README.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dateline.errors import ModelError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "time"


@dataclass(frozen=True)
class Fixed:
    """A phrase with a fixed TIMEX3 type, value and mod (``now`` is PRESENT_REF)."""

    type: str
    value: str
    mod: str | None


@dataclass
class Lexicon:
    """All time tables; keys are lower case."""

    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    zones: list[str] = field(default_factory=list)
    fixed: dict[str, Fixed] = field(default_factory=dict)
    modifiers: dict[str, tuple[str, str]] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    abbreviations: set[str] = field(default_factory=set)

    def month(self, word: str) -> int | None:
        """Month number of a name or abbreviation ("Sept." -> 9)."""
        return self.months.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> int | None:
        """ISO weekday (Monday = 1) of a name or abbreviation, plural or possessive."""
        key = re.sub(r"(?:['’]s|s)$", "", word.lower().rstrip("."))
        return self.weekdays.get(key) or self.weekdays.get(word.lower().rstrip("."))


def read_rows(name: str) -> list[list[str]]:
    """The rows of ``data/time/<name>`` (tab-separated, ``#`` comments and blanks skipped)."""
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"{path}: time table missing; reinstall dateline") from exc
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The time tables, loaded once per process."""
    lex = Lexicon()
    for kind, word, value, *_ in read_rows("words.tsv"):
        _add_word(lex, kind, word, value)
    for phrase, type_, value, *rest in read_rows("expressions.tsv"):
        lex.fixed[phrase.lower()] = Fixed(type_, value, (rest[0] if rest else "") or None)
    for phrase, mod, where in read_rows("modifiers.tsv"):
        lex.modifiers[phrase.lower()] = (mod, where)
    for name, rule in read_rows("holidays.tsv"):
        lex.holidays[name.lower()] = rule
    return lex


def _add_word(lex: Lexicon, kind: str, word: str, value: str) -> None:
    key = word.lower()
    if kind in ("month", "month_abbr"):
        lex.months[key] = int(value)
    elif kind in ("weekday", "weekday_abbr"):
        lex.weekdays[key] = int(value)
    elif kind == "season":
        lex.seasons[key] = value
    elif kind == "part":
        lex.parts[key] = value
    elif kind == "unit":
        lex.units[key] = value
    elif kind == "number":
        lex.numbers[key] = value
    elif kind == "ordinal":
        lex.ordinals[key] = int(value)
    elif kind == "zone":
        lex.zones.append(word)
    else:
        raise ModelError(f"data/time/words.tsv: unknown kind {kind!r} for {word!r}")
    if kind.endswith("_abbr"):
        lex.abbreviations.add(key)


def alternation(words: list[str] | set[str], capitalised: bool = False) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank run.

    With ``capitalised`` each word matches only with a capital first letter or in full
    capitals (so the month "May" is not the verb "may"); otherwise any case.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        if capitalised:
            parts.append(_cap(word))
        else:
            parts.append(r"(?i:" + re.escape(word).replace(r"\ ", r"\s+") + ")")
    return "(?:" + "|".join(parts) + ")"


def _cap(word: str) -> str:
    head, tail = word[0], word[1:]
    first = f"[{head.upper()}]"
    return f"(?:{first}{re.escape(tail.lower())}|{re.escape(word.upper())})"


@lru_cache(maxsize=1)
def snippets() -> dict[str, str]:
    """Regex pieces built from the tables, keyed by the names the grammar uses."""
    lex = lexicon()
    months = [w for w in lex.months if w not in lex.abbreviations]
    month_abbr = [w for w in lex.months if w in lex.abbreviations]
    days = [w for w in lex.weekdays if w not in lex.abbreviations]
    day_abbr = [w for w in lex.weekdays if w in lex.abbreviations]
    number_words = [w for w in lex.numbers if w not in ("a", "an")]
    return {
        # Full month names, or abbreviations with an optional period ("Aug", "Aug.").
        "MONTH": "(?:" + alternation(months, True) + "|" + alternation(month_abbr, True)
        + r"\.?)(?!\w|['’][a-rt-z])",
        # Weekday names (also plural or possessive); abbreviations only with a period,
        # since "Sun" or "Sat" alone are mostly other words.
        "WEEKDAY": "(?:" + alternation(days, True) + r"(?:['’]s|s)?(?![\w'])|"
        + alternation(day_abbr, True) + r"\.)",
        "SEASON": alternation(list(lex.seasons)),
        "PART": alternation(list(lex.parts)),
        "UNIT": alternation(list(lex.units)),
        "NUMWORD": alternation(number_words),
        "ORDINAL": alternation(list(lex.ordinals)),
        "ZONE": alternation(lex.zones, False).replace("(?i:", "(?:"),
    }
