"""Deciding which numbers are not counts: dates, years, clock times, names, ranks.

:func:`judge` returns the reason a number is not a count, or None. The judgements,
in the order they are tried:

- ``masked``: inside a clock time, ISO date, phone number, address or version;
- ``ordinal``/``decade``: "22nd", "1990s" (set while reading the number);
- ``identifier``: glued to letters ("XC40", "9AB8", "TA-35", "COVID-19", "3-D");
- ``time``: followed by a clock word ("2 pm", "0401 GMT");
- ``date``: a day next to a month name ("Oct. 31", "9 May");
- ``year``: a bare four-digit number from 1900 to 2100 without a bound or unit
  ("in 2019", "the 2020 Escape"); a range with a smaller count rescues it later;
- ``label``: after a labelling noun ("Title 42", "Section 427", "No. 1", "Game 6");
- ``name``: a bare number after a proper noun ("Stoxx 50", "iPhone 12", "S&P 500")
  unless it counts a plural noun ("told Reuters 12 migrants");
- ``model``: a bare number naming the proper noun after it ("787 Dreamliner");
- ``list``: a number that starts a line as a list item ("2. Never urged ...");
- ``pronoun``: "one" used as a pronoun ("the same one", "each one", "on one").

:func:`mark_tables` then drops runs of bare numbers ("5040 5 1 17 27"): table cells.

Numbers with a currency, a unit or thousands separators are never names or years:
"$2000", "2,000 km" and "2000%" are counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from dateline.counts.lex import Lexeme, glued, word_at
from dateline.counts.numbers import Atom
from dateline.counts.tables import Tables

#: Words glued before a number by a hyphen that keep it a count ("now-18", "sub-300").
HYPHEN_PREFIXES = frozenset({
    "now", "then", "just", "minus", "approximately", "roughly", "nearly", "almost",
    "about", "around", "sub", "over", "under", "some",
})
#: Unit kinds that make a number a quantity even where it looks like a year or name.
QUANTITY_KINDS = frozenset({"percent", "currency", "count", "age"})
#: Words before "one" that make it a pronoun ("the same one", "each one").
ONE_PRONOUN_BEFORE = frozenset({
    "the", "each", "every", "any", "no", "same", "this", "that", "which", "another",
    "anyone", "someone", "only", "last", "next", "right", "wrong", "new", "old", "big",
})
#: Words after "one" that make it a pronoun or an idiom ("one another", "one by one").
ONE_PRONOUN_AFTER = frozenset({"another", "by", "or", "and", "day", "time", "way"})
#: Bare four-digit numbers in this span read as years: news rarely writes counts of
#: this size without a thousands separator, and often writes history and forecasts.
YEAR_RANGE = (1800, 2199)
#: This many bare numbers in a row are the cells of a table.
TABLE_RUN = 3
#: Units after a year that leave it a year ("in 2019 months later").
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "point"})
#: The cue kind of clock words after a number ("pm", "GMT").
ZONE_KINDS = frozenset({"zone"})


class DocIndex:
    """The spaCy token at a character offset of the segment (None without a parse)."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._starts: list[int] | None = None  # built on first use: most segments need none

    def token(self, char: int):
        """The token that covers (or last started before) character ``char``."""
        if self.doc is None or len(self.doc) == 0:
            return None
        if self._starts is None:
            self._starts = [token.idx for token in self.doc]
        return self.doc[max(bisect_right(self._starts, char) - 1, 0)]


def number_index(lexemes: Sequence[Lexeme], atom: Atom) -> int:
    """The first lexeme of the number itself (after any currency or sign)."""
    index = atom.first
    while index < atom.last and lexemes[index].kind == "sym":
        index += 1
    while index < atom.last - 1 and lexemes[index].kind == "word" and \
            lexemes[index + 1].kind == "num":
        index += 1  # currency code glued or spaced before digits ("US $5", "EUR50")
    return index


def is_bare(atom: Atom) -> bool:
    """No currency, no unit, no scale, no bound, no sign: a number that may be a name."""
    return (atom.currency is None and atom.unit is None and atom.scale == 1
            and atom.cue_first == atom.first and atom.sign == 0)


def year_like(atom: Atom) -> bool:
    """A four-digit number that reads as a year ("in 2019", "2019 days after")."""
    if not (atom.plain and atom.kind == "digits" and atom.currency is None
            and YEAR_RANGE[0] <= atom.value <= YEAR_RANGE[1]):
        return False
    if atom.scale != 1 or atom.cue_first != atom.first or atom.sign:
        return False
    # a unit of time or a point after a year is a coincidence ("in 2019 months later")
    return atom.unit is None or atom.unit in TIME_UNITS


def judge(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables,
          masks: Sequence[tuple[int, int]], index: DocIndex) -> str | None:
    """Why ``atom`` is not a count, or None when it is one."""
    if atom.skip:
        return atom.skip
    start, end = lexemes[atom.first].start, lexemes[atom.last - 1].end
    if any(mask_start < end and start < mask_end for mask_start, mask_end in masks):
        return "masked"
    return (_identifier(lexemes, atom) or _clock(lexemes, atom, tables)
            or ("name" if tables.names.before(lexemes, atom.last) else None)
            or _date(lexemes, atom, tables) or ("year" if year_like(atom) else None)
            or _label(lexemes, atom, tables) or _name(lexemes, atom, index)
            or _list_number(lexemes, atom)
            or _pronoun(lexemes, atom, index))


def _identifier(lexemes: Sequence[Lexeme], atom: Atom) -> str | None:
    """Digits glued to letters or hyphenated to a word: part of a name or code."""
    first = atom.first
    if glued(lexemes, first):
        before = lexemes[first - 1]
        if before.kind == "word":
            return "identifier"
        if before.text in ("'", "’") and atom.plain and len(lexemes[first].text) == 2:
            return "year"  # "the ’13 season", "class of '98"
        if before.text in ("-", "/") and glued(lexemes, first - 1) and \
                lexemes[first - 2].kind == "word" and \
                lexemes[first - 2].lower not in HYPHEN_PREFIXES:
            return "identifier"  # "TA-35", "COVID-19", "FHC/ABJ/03"
    number = lexemes[number_index(lexemes, atom)].text
    if len(number) > 1 and number[0] == "0" and number[1].isdigit():
        return "identifier"  # leading zeros: a code or a clock time ("007", "0401")
    last = atom.last
    if atom.unit_end == last and glued(lexemes, last) and lexemes[last].kind == "word":
        return "identifier"
    if word_at(lexemes, last) == "-" and glued(lexemes, last) and glued(lexemes, last + 1):
        following = lexemes[last + 1].text if last + 1 < len(lexemes) else ""
        if len(following) == 1 and following.isupper() and atom.unit_end == last:
            return "identifier"  # "3-D", "4-H"
    return None


def _clock(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> str | None:
    if tables.cues.at(lexemes, atom.last, ZONE_KINDS) is not None:
        return "time"
    return None


def _is_month(lexeme_text: str, tables: Tables) -> bool:
    return lexeme_text in tables.months or (
        lexeme_text.isupper() and lexeme_text.title() in tables.months)


def _date(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> str | None:
    """A day or year next to a month name: "Oct. 31", "9 May", "March 2019"."""
    if not atom.plain or atom.currency or atom.unit_kind in QUANTITY_KINDS:
        return None
    if not (1 <= atom.value <= 31 or year_like(atom)):
        return None
    before = atom.first - 1
    if word_at(lexemes, before) == "." and glued(lexemes, before):
        before -= 1
    if 0 <= before < len(lexemes) and _is_month(lexemes[before].text, tables):
        return "date"
    after = atom.last
    if word_at(lexemes, after) == "of":
        after += 1
    if after < len(lexemes) and _is_month(lexemes[after].text, tables) and atom.value <= 31:
        return "date"
    return None


def _label(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> str | None:
    """ "Title 42", "No. 1", "#5", "Game 6": the number names or ranks something."""
    if not is_bare(atom) or atom.kind not in ("digits", "words"):
        return None
    before = atom.first - 1
    if word_at(lexemes, before) == "#":
        return "label"
    if word_at(lexemes, before) == "." and glued(lexemes, before):
        before -= 1
    if word_at(lexemes, before) in tables.labels:
        return "label"
    return None


def _name(lexemes: Sequence[Lexeme], atom: Atom, index: DocIndex) -> str | None:
    """A bare number after a proper noun ("Stoxx 50") or naming one ("787 Dreamliner")."""
    if atom.kind not in ("digits", "words") or atom.currency or atom.unit or atom.sign \
            or atom.cue_first != atom.first:
        return None
    number = index.token(lexemes[atom.last - 1].start)
    if number is None:
        return None
    head = number.head
    if head.i > number.i and head.tag_ == "NNP" and head.is_title:
        return "model"  # "787 Dreamliner", "575 Wilbraham Road", "2B Mindset"
    if atom.scale != 1 or (atom.kind == "digits" and not atom.plain):
        return None
    if atom.kind == "words" and not lexemes[atom.first].text.istitle():
        return None  # "Mass. one of the oldest": only "BBC One" is a name
    first = index.token(lexemes[atom.first].start)
    previous = first.doc[first.i - 1] if first.i > 0 else None
    counts_plural = head.i > number.i and head.tag_ in ("NNS", "NNPS")
    if previous is not None and not counts_plural and _proper(previous):
        return "name"
    return None


def _list_number(lexemes: Sequence[Lexeme], atom: Atom) -> str | None:
    """ "2. Never urged..." or "3) Costs": a number that starts a line and a list item."""
    after = atom.last
    if (lexemes[atom.first].line_start and atom.plain and atom.unit_end == after
            and word_at(lexemes, after) in (".", ")") and glued(lexemes, after)
            and after + 1 < len(lexemes) and lexemes[after + 1].gap):
        return "list"
    return None


def mark_tables(lexemes: Sequence[Lexeme], atoms: Sequence[Atom]) -> None:
    """Three or more bare numbers in a row ("5040 5 1 17 27") are a table, not counts."""
    run: list[Atom] = []
    for atom in [*atoms, None]:
        joined = (atom is not None and run and run[-1].unit_end == atom.first
                  and is_bare(atom) and is_bare(run[-1]))
        if joined:
            run.append(atom)
            continue
        if len(run) >= TABLE_RUN:
            for member in run:
                member.skip = member.skip or "table"
        run = [atom] if atom is not None else []


def _proper(token) -> bool:
    """A proper noun, or a word with inner capitals ("iPhone"), right before a number."""
    if token.is_punct or token.like_num:
        return False
    text = token.text
    inner_capital = any(ch.isupper() for ch in text[1:]) and not text.isupper()
    title_inside = token.is_title and not token.is_sent_start
    return (token.pos_ == "PROPN" and text[:1].isupper()) or inner_capital or title_inside


def _pronoun(lexemes: Sequence[Lexeme], atom: Atom, index: DocIndex) -> str | None:
    """ "one" as a pronoun: "the same one", "each one", "get their hands on one"."""
    if atom.kind != "words" or lexemes[atom.first].lower != "one" or atom.last != atom.first + 1:
        return None
    if atom.unit is not None:
        return None
    before, after = word_at(lexemes, atom.first - 1), word_at(lexemes, atom.last)
    if before in ONE_PRONOUN_BEFORE or after in ONE_PRONOUN_AFTER:
        return "pronoun"
    if after == "-" or (atom.last < len(lexemes) and lexemes[atom.last].kind == "num"):
        return "pronoun"  # "one-off", "one-on-one", "just one 52,000 barrel-a-day refinery"
    if after == "of":
        return None
    token = index.token(lexemes[atom.first].start)
    if token is not None and token.dep_ != "nummod":
        return "pronoun"
    return None
