"""What surrounds a number: its currency, sign, unit, rate, bound and change.

Each reader looks at the lexemes next to an :class:`~.counts_numbers.Atom` and fills
in its fields; none of them decides whether the number is a count (that is
:mod:`dateline.counts.filters`).
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.counts.lex import Lexeme, glued, word_at
from dateline.counts.numbers import Atom
from dateline.counts.tables import Phrase, Tables

UNIT_KINDS = frozenset({"currency", "money", "percent", "measure", "age", "count"})
RATE_KINDS = frozenset({"measure", "per"})
#: Table kinds looked up one at a time (built once, not per number).
CURRENCY_KINDS = frozenset({"currency"})
CHANGE_KINDS = frozenset({"change"})
BEFORE_KINDS = frozenset({"before"})
AFTER_KINDS = frozenset({"after"})
SIGNS = {"-": -1, "−": -1, "–": -1, "+": 1}
#: Words that make the next number a rate's divisor: "$3 a month", "5 per cent a year".
RATE_WORDS = frozenset({"per", "a", "an", "each", "every", "/"})
#: After "a year" / "a day" these words make it a time, not a rate ("a year earlier").
NOT_RATE_AFTER = frozenset({
    "ago", "earlier", "later", "before", "after", "prior", "previously", "on", "from",
    "since", "back", "old", "into",
})
#: Unit forms that must be glued to the number ("10x" is ten times; "2 x 3" is not).
GLUED_ONLY_UNITS = frozenset({"x", "G", "C", "F", '"'})
#: Video resolutions written with "p" ("1080p"), not pence.
VIDEO_LINES = frozenset({144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})
#: The mark of a "before" phrase that is no bound but hides a change word ("gave up").
NO_BOUND = "-"
#: Words that make the bare number after them an age in years.
AGE_WORDS = frozenset({"aged", "ages"})
#: "Ambiguous pounds": with a scale ("5 million pounds") money, otherwise weight.
POUND_WORDS = frozenset({"pound", "pounds"})


def currency_before(lexemes: Sequence[Lexeme], index: int, tables: Tables) -> Phrase | None:
    """The currency symbol or code written just before lexeme ``index`` ("$", "US $")."""
    phrase = tables.units.before(lexemes, index, CURRENCY_KINDS)
    if phrase is None:
        return None
    first = index - len(phrase.words)
    # a code glued to letters before it is part of a word ("XPS5"), not a currency
    if first > 0 and glued(lexemes, first) and lexemes[first - 1].kind == "word":
        return None
    # "PS" is how ASCII folding writes "£" ("PS2.7m"), but "PS4" is a games console
    if phrase.words == ("PS",) and len(lexemes[index].text) == 1 and not (
            glued(lexemes, index + 1) and lexemes[index + 1].text in tables.suffixes):
        return None
    return phrase


def attach_prefix(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """Currency ("$", "EUR", "US $") and sign ("-1.3%", "minus 5") before the number."""
    currency = currency_before(lexemes, atom.first, tables)
    if currency is not None:
        atom.currency = currency.value
        atom.first -= len(currency.words)
    before = atom.first - 1
    sign = SIGNS.get(word_at(lexemes, before))
    if sign and glued(lexemes, atom.first) and _sign_stands_alone(lexemes, before):
        atom.sign, atom.first = sign, before
    elif word_at(lexemes, before) == "minus" or (
            word_at(lexemes, before) == "-" and word_at(lexemes, before - 1) == "minus"):
        atom.sign = -1
        atom.first = before if word_at(lexemes, before) == "minus" else before - 1
    if atom.sign < 0:
        atom.value = -atom.value
        if atom.value_max is not None:
            atom.value_max = -atom.value_max
    atom.cue_first = atom.first


def _sign_stands_alone(lexemes: Sequence[Lexeme], index: int) -> bool:
    """A "-" or "+" that starts a word ("DAX -1.6%"), not a hyphen ("5-6", "TA-35")."""
    return index == 0 or lexemes[index].gap or lexemes[index - 1].text in "([{"


def attach_unit(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """The unit after the number ("%", "per cent", "km", "-year-old", "euros") and a rate."""
    atom.unit_end = start = atom.last
    if atom.kind == "vague" and word_at(lexemes, start) == "of":
        start += 1  # "tens of thousands of dollars", "hundreds of people"
    if word_at(lexemes, start) == "-" and glued(lexemes, start) and glued(lexemes, start + 1):
        start += 1  # "6.1-inch", "five-year", "65-year-old"
    phrase = tables.units.at(lexemes, start, UNIT_KINDS,
                             lambda found: _unit_fits(lexemes, atom, found, start))
    if phrase is not None:
        if phrase.kind in ("currency", "money"):
            atom.unit, atom.unit_kind = atom.currency or phrase.value, "currency"
            atom.unit_end = start + len(phrase.words)
        elif not atom.currency:
            atom.unit, atom.unit_kind = phrase.value, phrase.kind
            atom.unit_end = start + len(phrase.words)
            if phrase.words[-1].lower() in POUND_WORDS and atom.scale >= 1000:
                atom.unit, atom.unit_kind = "pound", "currency"
    if atom.unit is None and atom.currency:
        atom.unit, atom.unit_kind = atom.currency, "currency"
        atom.unit_end = _after_country(lexemes, atom.last, atom.currency)
    if atom.unit is None and word_at(lexemes, atom.cue_first - 1) in AGE_WORDS:
        atom.unit, atom.unit_kind = "year of age", "age"  # "aged 19", "ages 25 to 54"
    if atom.unit is not None:
        _attach_rate(lexemes, atom, tables)


def _after_country(lexemes: Sequence[Lexeme], index: int, currency: str) -> int:
    """Skip "US" / "U.S." written after a dollar amount ("$76 US a barrel")."""
    if currency != "dollar":
        return index
    for form in (("US",), ("U", ".", "S", ".")):
        if tuple(lexeme.text for lexeme in lexemes[index:index + len(form)]) == form:
            return index + len(form)
    return index


def _unit_fits(lexemes: Sequence[Lexeme], atom: Atom, phrase: Phrase, start: int) -> bool:
    """Whether a unit form found after the number really is its unit."""
    if phrase.words[0] in GLUED_ONLY_UNITS and lexemes[start].gap:
        return False
    if phrase.words == ("x",) and glued(lexemes, start + 1):
        return False  # "3440x1440" is a size, not "3440 times"
    if phrase.words == ("p",) and atom.value in VIDEO_LINES:
        return False  # "1080p" is a screen resolution, not pence
    if phrase.kind == "currency":
        # after the number only an ISO code stands for money ("110 JPY"): "300 PS" is
        # horsepower, "PS2.7m" (before) is pounds
        code = "".join(phrase.words)
        return len(code) == 3 and code.isalpha() and code.isupper()
    end = start + len(phrase.words)
    # the form must end where the word ends: "5°Cx" is no Celsius
    return not (glued(lexemes, end) and lexemes[end].kind == "word")


def _attach_rate(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """ "$3,500 a month", "800,000 barrels a day", "km per hour" -> "<unit> per <unit>"."""
    index = atom.unit_end
    if atom.unit_kind == "currency":
        index = _after_country(lexemes, index, atom.unit)
    if word_at(lexemes, index) == "-" and glued(lexemes, index) and glued(lexemes, index + 1):
        index += 1  # "52,000 barrel-a-day refinery"
    word = word_at(lexemes, index)
    if word not in RATE_WORDS:
        return
    start = index + 1
    if word_at(lexemes, start) == "-" and glued(lexemes, start):
        start += 1  # "a-year"
    phrase = tables.units.at(lexemes, start, RATE_KINDS)
    if phrase is None:
        return
    end = start + len(phrase.words)
    if word in ("a", "an", "each", "every") and word_at(lexemes, end) in NOT_RATE_AFTER:
        return
    atom.unit = f"{atom.unit} per {phrase.value}"
    atom.unit_end = end


def attach_cues(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """Bound ("more than" >, "about" ~, "up to" <), sign, or change ("rose" up) marks."""
    if atom.change is None:
        _bound_before(lexemes, atom, tables)
    if atom.change is None and atom.sign:
        atom.change = "up" if atom.sign > 0 else "down"
    if atom.change in (None, "~"):
        # a change verb outranks an approximation ("rose about 1.5%" is up) but not
        # a bound ("climbed more than 3%" stays ">")
        start = atom.cue_first
        index = start - 1 if word_at(lexemes, start - 1) == "by" else start
        verb = tables.cues.before(lexemes, index, CHANGE_KINDS)
        if verb is not None:
            atom.change = verb.value
    _bound_after(lexemes, atom, tables)
    atom.change = atom.change or "="


def _bound_after(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """ "300 or more", "5,000+", "300 guests or more" (past one counted word)."""
    index = atom.unit_end
    after = tables.cues.at(lexemes, index, AFTER_KINDS)
    if after is None and atom.unit is None and word_at(lexemes, index).isalpha():
        index += 1
        after = tables.cues.at(lexemes, index, AFTER_KINDS)
    if after is None or (len(after.words[0]) == 1 and not glued(lexemes, index)):
        return  # a lone "+" counts only glued ("5,000+")
    if atom.change not in ("up", "down"):
        atom.change = after.value
    if index == atom.unit_end:
        atom.unit_end += len(after.words)


def _bound_before(lexemes: Sequence[Lexeme], atom: Atom, tables: Tables) -> None:
    """A bound just before the number, or glued to it by a hyphen ("sub-300 sq m")."""
    first = atom.first
    if word_at(lexemes, first - 1) == "-" and glued(lexemes, first) and glued(lexemes, first - 1):
        first -= 1
        bound = tables.cues.before(lexemes, first, BEFORE_KINDS)
        if bound is not None and len(bound.words) == 1:
            atom.change, atom.cue_first = bound.value, first - 1
        return
    bound = tables.cues.before(lexemes, first, BEFORE_KINDS)
    if bound is None:
        return
    if bound.value == NO_BOUND:
        atom.change = "="  # "gave up 517 yards": no bound, and "up" is no change
    else:
        atom.change, atom.cue_first = bound.value, first - len(bound.words)
