"""Reading the numbers themselves: digits, number words, scales and fractions.

:func:`read_number` reads the :class:`Atom` that starts at a lexeme: one number as
written, with its value already scaled ("2.4 million", "$13.6M", "half a
million", "twenty-eight", "two-thirds", "tens of thousands"). What surrounds the number
(currency, unit, bounds) and whether it is a count at all is decided later, in
:mod:`dateline.counts.context`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dateline.counts.lex import Lexeme, glued, word_at
from dateline.counts.tables import Tables

#: Glued letters after digits that make the number a rank ("22nd").
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
#: Scale suffixes that are also units ("5m" is five metres, "16b" is not read):
#: they scale only after a currency ("$5m", "PS2.7m", "$4.2b").
MONEY_ONLY_SUFFIXES = frozenset({"m", "b"})
#: Words after "half" that make it the fraction ("half the condos", "half of which").
HALF_FOLLOWERS = frozenset({
    "of", "the", "a", "an", "its", "their", "his", "her", "our", "your", "all", "those",
    "these", "them", "that", "this", "which", "whom", "percent",
})
#: Words before "half" that make it a period or a part, not the number 0.5.
HALF_BLOCKERS = frozenset({
    "first", "second", "this", "last", "next", "the", "a", "previous", "latter", "former",
    "other", "one", "back", "top", "bottom",
})


PLURALS_WITHOUT_S = frozenset({
    "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep",
})
#: "1 in 100" is a share; "3 in 2019" is not.
MAX_RATIO_DENOMINATOR = 100
#: Words ending in "s" that are not plural nouns (for "1.2m people" vs "2m as").
NOT_PLURALS = frozenset({
    "is", "was", "has", "as", "its", "this", "us", "thus", "plus", "versus", "across",
    "unless", "always", "perhaps", "whereas", "towards", "besides", "his", "hers", "yes",
})


@dataclass(slots=True)
class Atom:
    """One number as written: lexemes ``first``..``last`` (exclusive) of the text.

    ``scale`` is the multiplier the text applied ("million" -> 1e6, else 1), kept so a
    range can lend it ("four to five thousand"). ``kind`` is ``digits``, ``words``,
    ``fraction`` or ``vague``. The other fields are filled in by the context readers.
    """

    first: int
    last: int
    value: float
    kind: str
    scale: float = 1.0
    value_max: float | None = None
    plain: bool = False  # digits only, no separator, no decimals: could be a year or name
    currency: str | None = None
    unit: str | None = None
    unit_kind: str | None = None
    unit_end: int = -1  # lexeme after the unit (== last when there is none)
    sign: int = 0
    change: str | None = None
    cue_first: int = -1  # first lexeme of a bound such as "more than"
    skip: str | None = None  # why this is not a count

    def __post_init__(self) -> None:
        if self.unit_end < 0:
            self.unit_end = self.last
        if self.cue_first < 0:
            self.cue_first = self.first


def read_number(lexemes: Sequence[Lexeme], index: int, tables: Tables,
                money: bool) -> Atom | None:
    """The number that starts at lexeme ``index``, or None.

    ``money`` says a currency stands just before it, so "m" and "b" are scales.
    """
    lexeme = lexemes[index]
    if lexeme.kind == "num":
        return read_digits(lexemes, index, tables, money)
    if lexeme.kind == "word":
        return read_words(lexemes, index, tables)
    return None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def read_digits(lexemes: Sequence[Lexeme], index: int, tables: Tables,
                money: bool) -> Atom:
    """A number written in digits, with a glued suffix and scale words after it."""
    text = lexemes[index].text
    atom = Atom(index, index + 1, _number(text), "digits",
                plain=text.isdigit())
    following = index + 1
    if glued(lexemes, following) and lexemes[following].kind == "word":
        suffix = lexemes[following].text
        if suffix.lower() in ORDINAL_SUFFIXES:
            atom.skip, atom.last = "ordinal", following + 1
            return atom
        if suffix in tables.suffixes and (suffix not in MONEY_ONLY_SUFFIXES or money
                                          or _millions_of(lexemes, following + 1, suffix)):
            _scale(atom, tables.suffixes[suffix], following + 1)
        elif suffix.lower() == "s":
            # "1990s", "the 50s", "2018s" (an apostrophe lost): a decade or a name.
            atom.skip, atom.last = "decade", following + 1
            return atom
    _read_exponent(lexemes, atom)
    _read_half_more(lexemes, atom)
    _read_scales(lexemes, atom, tables, money)
    if atom.plain:
        _read_ratio(lexemes, atom, tables)
    return atom


def _read_half_more(lexemes: Sequence[Lexeme], atom: Atom) -> None:
    """ "13 and a half years", "five-and-a-half years": add one half."""
    for words in (("and", "a", "half"), ("-", "and", "-", "a", "-", "half")):
        found = tuple(word_at(lexemes, atom.last + offset) for offset in range(len(words)))
        hyphenated = words[0] == "-"
        tight = all(glued(lexemes, atom.last + offset) for offset in range(len(words)))
        if found == words and (tight or not hyphenated):
            atom.value += 0.5
            atom.plain, atom.last = False, atom.last + len(words)
            return


def _millions_of(lexemes: Sequence[Lexeme], index: int, suffix: str) -> bool:
    """ "1.2m people", "3m jobs": a glued "m" before a plural noun is millions, not metres.

    A measured noun is singular ("a 2m wall", "the 100m sprint"), a counted one plural.
    """
    if suffix != "m" or index >= len(lexemes) or lexemes[index].kind != "word":
        return False
    word = lexemes[index].lower
    if word in PLURALS_WITHOUT_S:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in NOT_PLURALS


def _read_exponent(lexemes: Sequence[Lexeme], atom: Atom) -> None:
    """Scientific notation: "2.998×10−8", "6.02 x 10^23"."""
    index = atom.last
    if word_at(lexemes, index) not in ("×", "x", "*") or word_at(lexemes, index + 1) != "10":
        return
    index += 2
    if word_at(lexemes, index) == "^":
        index += 1
    sign = 1
    if word_at(lexemes, index) in ("-", "−"):
        sign, index = -1, index + 1
    if index < len(lexemes) and lexemes[index].kind == "num" and lexemes[index].text.isdigit() \
            and not lexemes[index].gap:
        atom.value *= 10.0 ** (sign * int(lexemes[index].text))
        atom.plain, atom.last = False, index + 1


def _scale(atom: Atom, factor: float, last: int) -> None:
    atom.value *= factor
    atom.scale *= factor
    atom.plain = False
    atom.last = last


def _read_scales(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables, money: bool) -> None:
    """Scale words after a number: "2.4 million", "4 hundred", "$5 bn", "two dozen"."""
    while atom.last < len(lexemes):
        lexeme = lexemes[atom.last]
        if lexeme.text == "-" and glued(lexemes, atom.last) and glued(lexemes, atom.last + 1) \
                and word_at(lexemes, atom.last + 1) in tables.scales:
            atom.last += 1  # "a 13.8-billion-year period"
            lexeme = lexemes[atom.last]
        if lexeme.kind != "word":
            return
        factor = tables.scales.get(lexeme.lower) or tables.dozen.get(lexeme.lower)
        if factor is None and lexeme.text in tables.suffixes:
            # a spaced short suffix scales only when it cannot be a unit: "5 bn",
            # "$5 m" (money), never "5 m" (metres)
            if len(lexeme.text) > 1 or money:
                factor = tables.suffixes[lexeme.text]
        if factor is None:
            return
        _scale(atom, factor, atom.last + 1)


def read_words(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Atom | None:
    """A number written in words, or None when lexeme ``index`` does not start one."""
    word = lexemes[index].lower
    if word in ("a", "an"):
        return _read_a(lexemes, index, tables)
    if word == "half":
        return _read_half(lexemes, index, tables)
    if word in tables.vague:
        return _read_vague(lexemes, index, tables)
    if word in tables.cardinals:
        return _read_cardinals(lexemes, index, tables)
    return None


def _read_a(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Atom | None:
    """ "a million", "a dozen", "a hundred thousand", "a third of", "a quarter of"."""
    following = word_at(lexemes, index + 1)
    if following in tables.scales or following in tables.dozen:
        atom = Atom(index, index + 1, 1.0, "words")
        _read_scales(lexemes, atom, tables, money=False)
        return atom
    if following in tables.fractions and word_at(lexemes, index + 2) == "of":
        if glued(lexemes, index + 2):
            return None
        return Atom(index, index + 2, 1 / tables.fractions[following], "fraction")
    return None


def _read_half(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Atom | None:
    """ "half a million", "half the condos", "almost half of which"; not "first half"."""
    if word_at(lexemes, index - 1) in HALF_BLOCKERS or glued(lexemes, index + 1):
        return None
    following = word_at(lexemes, index + 1)
    if following in ("a", "an") and word_at(lexemes, index + 2) in tables.scales:
        atom = Atom(index, index + 2, 0.5, "words")
        _read_scales(lexemes, atom, tables, money=False)
        return atom
    if following in HALF_FOLLOWERS:
        return Atom(index, index + 1, 0.5, "fraction")
    return None


def _read_vague(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Atom | None:
    """ "tens of thousands of", "hundreds of millions of", "thousands of", "dozens of".

    The value is the range low..low*10, as NewsQuant normalises "tens of thousands"
    (10000-100000); "dozens of" is read as more than 12.
    """
    low, last = tables.vague[lexemes[index].lower], index + 1
    while word_at(lexemes, last) == "of" and word_at(lexemes, last + 1) in tables.vague:
        low *= tables.vague[word_at(lexemes, last + 1)]
        last += 2
    if word_at(lexemes, last) != "of":
        return None
    if lexemes[index].lower == "dozens" and last == index + 1:
        return Atom(index, last, low, "vague", change=">")
    return Atom(index, last, low, "vague", scale=low, value_max=low * 10)


def _read_cardinals(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Atom:
    """ "seven", "twenty-eight thousand six hundred forty-two", "two-thirds", "one in five"."""
    total, current, last = 0.0, 0.0, index
    scaled = 1.0
    while last < len(lexemes):
        word = lexemes[last].lower
        if word in tables.cardinals:
            current += tables.cardinals[word]
        elif word in tables.scales or word in tables.dozen:
            factor = tables.scales.get(word) or tables.dozen[word]
            scaled *= factor
            if factor >= 1000:
                total, current = total + max(current, 1) * factor, 0.0
            else:
                current = max(current, 1) * factor
        elif not _joins_cardinals(lexemes, last, tables):
            break
        last += 1
    atom = Atom(index, last, total + current, "words", scale=scaled if scaled > 1 else 1.0)
    _read_fraction(lexemes, atom, tables)
    return atom


def _joins_cardinals(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> bool:
    """A hyphen in "twenty-eight" or "and" in "one hundred and five"."""
    word = lexemes[index].lower
    before, after = word_at(lexemes, index - 1), word_at(lexemes, index + 1)
    if word == "-" and not lexemes[index].gap and glued(lexemes, index + 1):
        tens = tables.cardinals.get(before, 0) >= 20 and before in tables.cardinals
        return tens and 0 < tables.cardinals.get(after, 0) < 10
    if word == "and":
        return before in tables.scales and after in tables.cardinals
    return False


def _read_fraction(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """Turn "two-thirds", "one fourth of", "two and a half", "one in five" into values."""
    last, word = atom.last, word_at(lexemes, atom.last)
    hyphen = word == "-" and glued(lexemes, last) and glued(lexemes, last + 1)
    if hyphen:
        last, word = last + 1, word_at(lexemes, last + 1)
    if word in tables.fractions and not (glued(lexemes, last + 1) and
                                          word_at(lexemes, last + 1) == "-"):
        if hyphen or word_at(lexemes, last + 1) == "of":
            atom.value /= tables.fractions[word]
            atom.kind, atom.last = "fraction", last + 1
        return
    if word_at(lexemes, atom.last) in ("and", "-"):
        before = atom.last
        _read_half_more(lexemes, atom)
        if atom.last != before:
            return
    _read_ratio(lexemes, atom, tables)


def _read_ratio(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """ "one out of three", "1 in 5": a share, value numerator / denominator.

    Only small whole numbers, the first smaller: "3 in 2019" is no share.
    """
    last = atom.last
    if (word_at(lexemes, last), word_at(lexemes, last + 1)) == ("out", "of"):
        last += 2
    elif word_at(lexemes, last) == "in":
        last += 1
    else:
        return
    denominator = tables.cardinals.get(word_at(lexemes, last))
    if denominator is None and last < len(lexemes) and lexemes[last].text.isdigit():
        denominator = float(lexemes[last].text)
        if denominator > MAX_RATIO_DENOMINATOR or glued(lexemes, last + 1):
            return
    if denominator and denominator > atom.value >= 1 and atom.value.is_integer():
        atom.value /= denominator
        atom.kind, atom.last = "fraction", last + 1
