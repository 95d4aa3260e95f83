"""The counts stage: numbers with what they count ("more than 10,000 violent attacks").

:func:`find_counts` reads the segments of an article (already parsed) and returns one
:class:`~dateline.records.Count` per quantity: ``value`` normalised ("2.4 million" is
2400000, "two-thirds" 0.667), ``value_max`` for a range ("15 to 17", "5-6"), ``unit``
in dateline's own vocabulary (``data/counts/units.tsv``: percent, dollar, kilometre,
year, people, ...; None for a bare count), ``about`` (what is counted or measured),
``change`` as NewsQuant marks it ("=", "~", ">", "<", "up", "down"), ``text`` (the
bound, number and unit as written) and ``where``.

The work is in small modules, in pipeline order:

- :mod:`.counts_lex`: cut the text into lexemes; mask clock times, dates, phones;
- :mod:`.counts_numbers`: read each number (digits, words, scales, fractions);
- :mod:`.counts_context`: its currency, sign, unit, rate, bound and change;
- :mod:`.counts_filters`: drop what is not a count (dates, years, names, ranks);
- :mod:`.counts_ranges`: join ranges ("between 5% and 6%");
- :mod:`.counts_about`: what it counts, from the dependency parse.

Everything but ``about`` and the name and pronoun checks works on the text alone;
those read the segment's spaCy ``Doc``, so the stage costs little on top of the parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.counts.about import change_by, find_about
from dateline.counts.context import (
    attach_cues,
    attach_prefix,
    attach_unit,
    currency_before,
)
from dateline.counts.filters import DocIndex, judge, mark_tables
from dateline.counts.lex import Lexeme, lex, masked
from dateline.counts.numbers import Atom, read_number
from dateline.counts.ranges import join_ranges, share_marks
from dateline.counts.tables import Tables, tables
from dateline.parse.segments import Segment
from dateline.records import Count

__all__ = ["find_counts", "segment_counts"]


def find_counts(segments: list[Segment]) -> list[Count]:
    """Every count in ``segments`` (each with its parsed ``doc``), in reading order."""
    table = tables()
    counts: list[Count] = []
    for segment in segments:
        counts.extend(segment_counts(segment, table))
    return counts


def segment_counts(segment: Segment, table: Tables | None = None) -> list[Count]:
    """The counts of one segment."""
    table = table or tables()
    lexemes = lex(segment.text)
    if not _may_hold_numbers(lexemes, table):
        return []
    atoms = _read_atoms(lexemes, table)
    if not atoms:
        return []
    masks = masked(segment.text)
    index = DocIndex(segment.doc)
    for atom in atoms:
        atom.skip = judge(lexemes, atom, table, masks, index)
    mark_tables(lexemes, atoms)
    share_marks(lexemes, atoms)
    return [
        _count(segment, lexemes, atom, table)
        for atom in join_ranges(lexemes, atoms) if atom.skip is None
    ]


def _read_atoms(lexemes: Sequence[Lexeme], table: Tables) -> list[Atom]:
    """Every number with its currency, unit and cues; reading resumes after the unit."""
    atoms: list[Atom] = []
    index = 0
    while index < len(lexemes):
        lexeme = lexemes[index]
        if lexeme.kind != "num" and lexeme.lower not in table.starters \
                and lexeme.lower not in ("a", "an"):
            index += 1
            continue
        money = lexeme.kind == "num" and currency_before(lexemes, index, table)
        atom = read_number(lexemes, index, table, bool(money))
        if atom is None:
            index += 1
            continue
        attach_prefix(lexemes, atom, table)
        attach_unit(lexemes, atom, table)
        attach_cues(lexemes, atom, table)
        atoms.append(atom)
        index = max(atom.unit_end, atom.last, index + 1)
    return atoms


def _may_hold_numbers(lexemes: Sequence[Lexeme], table: Tables) -> bool:
    """A cheap test that skips segments without digits or number words."""
    return any(lexeme.kind == "num" or lexeme.lower in table.starters for lexeme in lexemes)


def _count(segment: Segment, lexemes: Sequence[Lexeme], atom: Atom, table: Tables) -> Count:
    start = lexemes[atom.cue_first].start
    number_start = lexemes[atom.first].start
    end = lexemes[atom.unit_end - 1].end
    if atom.change == "=":
        atom.change = change_by(segment.doc, number_start, end, table.changes) or "="
    return Count(
        value=_tidy(atom.value),
        text=segment.text[start:end],
        where=segment.where(start, end),
        value_max=None if atom.value_max is None else _tidy(atom.value_max),
        unit=atom.unit,
        about=find_about(segment.doc, number_start, end, atom.unit, atom.unit_kind),
        change=atom.change,
    )


def _tidy(value: float) -> float:
    """Round away float noise from scaling ("2.4 million" -> 2400000.0, not ...0.0000001)."""
    return float(round(value, 9)) if abs(value) < 1e6 else float(round(value, 3))
