"""The data tables of the counts stage, read once per process.

Three small tab-separated files in ``dateline/data/counts/`` (their README.md says what
each kind means and how to add a row):

- ``numbers.tsv``: number words, scales ("million", "bn"), fractions, vague plurals;
- ``units.tsv``: currencies, percent, units of measure and time -> our unit names;
- ``cues.tsv``: bounds ("more than"), change verbs ("rose"), labels ("Title", "No."),
  clock-time words.

Month names (a day next to one is a date, not a count) come from the time stage's
``data/time/words.tsv``, so the project keeps one list of them.

A phrase is matched lexeme by lexeme (see :mod:`dateline.counts.lex`), so
"US$" also matches "US $" and "km/h" matches however it is spaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.counts.lex import Lexeme, split_form
from dateline.errors import ModelError
from dateline.time.lexicon import lexicon as time_words

DATA = Path(__file__).resolve().parents[1] / "data" / "counts"

#: Forms this short match exactly as written: "m" is a metre, "M" a million, "kW"
#: and "KW" may differ; longer forms ("percent", "Danish crowns") match in any case.
EXACT_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of a table: its ``kind``, the form split into lexemes, and its value."""

    kind: str
    words: tuple[str, ...]
    value: str
    exact: bool

    def fits(self, lexemes: Sequence[Lexeme], start: int) -> bool:
        """Whether this phrase is written at ``lexemes[start:]``."""
        if start < 0 or start + len(self.words) > len(lexemes):
            return False
        for offset, word in enumerate(self.words):
            text = lexemes[start + offset].text
            if not (text == word if self.exact else text.lower() == word.lower()):
                return False
        return True


class PhraseIndex:
    """Phrases indexed by their first and last lexeme, longest first."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._first: dict[str, list[Phrase]] = {}
        self._last: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            self._first.setdefault(phrase.words[0].lower(), []).append(phrase)
            self._last.setdefault(phrase.words[-1].lower(), []).append(phrase)
        for bucket in (*self._first.values(), *self._last.values()):
            bucket.sort(key=lambda phrase: -len(phrase.words))

    def at(self, lexemes: Sequence[Lexeme], start: int,
           kinds: frozenset[str] | None = None,
           accept: Callable[[Phrase], bool] | None = None) -> Phrase | None:
        """The longest phrase (of ``kinds``; that ``accept`` takes) beginning at ``start``."""
        if not 0 <= start < len(lexemes):
            return None
        for phrase in self._first.get(lexemes[start].lower, ()):
            if (kinds is None or phrase.kind in kinds) and phrase.fits(lexemes, start) \
                    and (accept is None or accept(phrase)):
                return phrase
        return None

    def before(self, lexemes: Sequence[Lexeme], end: int,
               kinds: frozenset[str] | None = None) -> Phrase | None:
        """The longest phrase (of ``kinds``, if given) that ends just before ``end``."""
        if not 0 < end <= len(lexemes):
            return None
        for phrase in self._last.get(lexemes[end - 1].lower, ()):
            start = end - len(phrase.words)
            if (kinds is None or phrase.kind in kinds) and phrase.fits(lexemes, start):
                return phrase
        return None


@dataclass(frozen=True, slots=True)
class Tables:
    """Every table the counts stage uses."""

    cardinals: dict[str, float]
    scales: dict[str, float]
    suffixes: dict[str, float]
    dozen: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, float]
    units: PhraseIndex
    cues: PhraseIndex
    names: PhraseIndex  # names that end in a number ("S&P 500", "FTSE 100")
    labels: frozenset[str]
    months: frozenset[str]  # capitalised month names and abbreviations ("Sept")
    starters: frozenset[str]  # lower-cased words that may begin a number in words
    changes: dict[str, str]  # change word -> "up" / "down" ("rose" -> "up")


def read_rows(name: str, width: int = 3) -> list[tuple[str, ...]]:
    """The rows of table ``name``: ``width`` tab-separated fields (kind, form, value),
    blank lines and ``#`` comments skipped."""
    path = DATA / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"{path}: counts table missing; reinstall dateline") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if len(fields) != width:
            raise ModelError(f"{path}:{number}: expected {width} tab-separated fields, "
                             f"got {line!r}")
        rows.append(fields)
    return rows


def _phrases(rows: Iterable[tuple[str, ...]], exact_short: bool) -> list[Phrase]:
    return [
        Phrase(kind, split_form(form), value, exact_short and len(form) <= EXACT_LENGTH)
        for kind, form, value in rows
    ]


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Load (once) every counts table."""
    numbers: dict[str, dict[str, float]] = {}
    for kind, word, value in read_rows("numbers.tsv"):
        key = word if kind == "suffix" else word.lower()
        numbers.setdefault(kind, {})[key] = float(value)
    cue_rows = read_rows("cues.tsv")
    starters = frozenset().union(
        *(numbers.get(kind, {}) for kind in ("cardinal", "scale", "dozen", "vague", "fraction")))
    return Tables(
        cardinals=numbers.get("cardinal", {}),
        scales=numbers.get("scale", {}),
        suffixes=numbers.get("suffix", {}),
        dozen=numbers.get("dozen", {}),
        fractions=numbers.get("fraction", {}),
        vague=numbers.get("vague", {}),
        units=PhraseIndex(_phrases(read_rows("units.tsv"), exact_short=True)),
        cues=PhraseIndex(_phrases(
            (row for row in cue_rows if row[0] in {"before", "after", "change", "zone"}),
            exact_short=False,
        )),
        names=PhraseIndex(_phrases(
            (row for row in cue_rows if row[0] == "name"), exact_short=False)),
        labels=frozenset(form.lower() for kind, form, _ in cue_rows if kind == "label"),
        # one list of month names for the whole project: the time stage's
        months=frozenset(name.title() for name in time_words().months),
        starters=starters,
        changes={form.lower(): mark for kind, form, mark in cue_rows if kind == "change"},
    )
