"""Joining two numbers into a range, lending a unit across "or", sharing marks.

A range is two counts joined by a hyphen, dash or slash ("5-6", "$7/$9"), by "to"
("15 to 17", "from $2,415 to $2,315"), or by "and" after "between" ("between 5% and
6%"). Its first number borrows what only the second one has: the unit ("15 to 22
miles per hour"), the currency ("$3 to 5 billion") and the scale ("four to five
thousand", "$10 to $15 billion"), but a scale only when the first number is small
enough to need one ("$200,000 to $414 million" keeps 200,000).

"A to B" is not a range when A is a change ("rose 0.7 percent to 6,327.80",
"increased by $43.6 billion to $419.2 billion"), nor when both sides carry different
units ("110 JPY to 1 USD"). Joined numbers share their fate: a day range after a
month ("Sept. 20-24") and a year span ("2014-15") are dropped whole, while a year-like
number in a range with a smaller count is a count ("from 1000 to 2000 hires").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dateline.counts.filters import year_like
from dateline.counts.lex import Lexeme, word_at
from dateline.counts.numbers import Atom

DASHES = frozenset({"-", "–", "—"})
#: Reasons to drop a number that also drop the number joined to it.
SHARED_SKIPS = frozenset({"date", "year", "label", "name", "masked", "identifier", "time"})
#: Below this a number may borrow the scale of the range's other end.
BORROW_SCALE_BELOW = 1000
#: A year-like end is a count when the other end is a count at least this large.
RESCUE_YEAR_FROM = 100


def _words(lexemes: Sequence[Lexeme], start: int, end: int) -> list[str]:
    return [lexeme.lower for lexeme in lexemes[start:end]]


def join_ranges(lexemes: Sequence[Lexeme], atoms: list[Atom]) -> list[Atom]:
    """Join ranges among ``atoms`` (in text order); unit lending across "or" too."""
    joined: list[Atom] = []
    index = 0
    while index < len(atoms):
        first = atoms[index]
        second = atoms[index + 1] if index + 1 < len(atoms) else None
        if _dated_range(lexemes, atoms, index):
            joined.append(_range(first, atoms[index + 2]))
            index += 3
            continue
        if second is not None and first.value_max is None and second.value_max is None:
            link = _link(lexemes, first, second)
            if link == "range":
                joined.append(_range(first, second))
                index += 2
                continue
            if link == "or":
                _lend(first, second)
        joined.append(first)
        index += 1
    return joined


def share_marks(lexemes: Sequence[Lexeme], atoms: list[Atom]) -> None:
    """Marks that carry over to the next count.

    A conversion in brackets shares the bound of what it converts ("more than 100
    kilometers (60 miles)", "just under 296 hp (224 kW / 300 PS)"); a count restated
    after "or" shares a change ("up 0.25 points, or 0.01%").
    """
    for first, second in zip(atoms, atoms[1:], strict=False):
        if second.change != "=" or first.skip or second.skip:
            continue
        between = _words(lexemes, first.unit_end, second.cue_first)
        if between in (["("], ["/"]) and first.change in ("<", ">", "~"):
            second.change = first.change
        elif between in (["or"], [",", "or"]) and first.change in ("up", "down"):
            second.change = first.change


def _dated_range(lexemes: Sequence[Lexeme], atoms: list[Atom], index: int) -> bool:
    """ "from 20 mpg in 2008 to 29 mpg (in 2020)": a range with a year on each end."""
    if index + 2 >= len(atoms):
        return False
    first, year, second = atoms[index:index + 3]
    return (year.skip == "year" and first.skip is None and second.skip is None
            and word_at(lexemes, first.cue_first - 1) == "from"
            and _words(lexemes, first.unit_end, year.cue_first) == ["in"]
            and _words(lexemes, year.unit_end, second.cue_first) == ["to"]
            and _compatible(first, second))


def _link(lexemes: Sequence[Lexeme], first: Atom, second: Atom) -> str | None:
    """ "range", "or" or None: how ``first`` and ``second`` are joined in the text."""
    between = _words(lexemes, first.unit_end, second.cue_first)
    if between == ["or"]:
        return "or"
    if len(between) != 1 or second.sign or _year_beside_unit(first, second):
        return None
    word = between[0]
    if word in DASHES:
        spaced = lexemes[first.unit_end].gap, lexemes[second.cue_first].gap
        return "range" if spaced[0] == spaced[1] else None
    if word == "/":
        return "range" if first.currency and second.currency else None
    before = word_at(lexemes, first.cue_first - 1)
    if word == "and":
        return "range" if before == "between" else None
    if word == "to" and before != "by" and (before == "from" or first.change != "up"
                                            and first.change != "down"):
        return "range" if _compatible(first, second) else None
    return None


def _year_beside_unit(first: Atom, second: Atom) -> bool:
    """A year next to a measured number ("20 mpg in 2008 to 29 mpg") is no range end."""
    return (first.skip == "year" and second.unit is not None) or (
        second.skip == "year" and first.unit is not None)


def _compatible(first: Atom, second: Atom) -> bool:
    """Units that may share a range: equal, one missing, or one a rate of the other."""
    if first.unit is None or second.unit is None:
        return True
    return first.unit.split(" per ")[0] == second.unit.split(" per ")[0]


def _lend(first: Atom, second: Atom) -> None:
    """What the second number has and the first lacks: unit, currency, scale."""
    if second.unit is not None and (
            first.unit is None or second.unit.startswith(f"{first.unit} per ")):
        # the second end often carries the whole unit: "$920 to $1730 a week"
        first.unit, first.unit_kind, first.currency = second.unit, second.unit_kind, second.currency
    if first.scale == 1 and second.scale > 1 and abs(first.value) < BORROW_SCALE_BELOW \
            and first.kind in ("digits", "words"):
        first.value *= second.scale
        first.scale = second.scale


def _range(first: Atom, second: Atom) -> Atom:
    """One count for "first to second", sharing skips, units and scale."""
    _lend(first, second)
    if second.unit is None:
        second.unit = first.unit
    skip = _shared_skip(first, second)
    if skip is None and first.value == second.value and first.kind == "digits" and \
            first.unit is None:
        skip = "score"  # "ended 2-2": a tie, not a range
    return replace(
        first, last=second.last, unit_end=second.unit_end, value_max=second.value,
        skip=skip, change=first.change if first.change != "=" else second.change,
    )


def _shared_skip(first: Atom, second: Atom) -> str | None:
    """Why the range is not a count, given why each end would not be one."""
    first_year, second_year = first.skip == "year", second.skip == "year"
    if first_year != second_year:
        other = second if first_year else first
        if other.skip is None and not year_like(other) and abs(other.value) >= RESCUE_YEAR_FROM:
            return None  # "from 1000 to 2000 hires" (but "2014-15" is a span of years)
    for atom in (first, second):
        if atom.skip in SHARED_SKIPS:
            return atom.skip
    return first.skip or second.skip
