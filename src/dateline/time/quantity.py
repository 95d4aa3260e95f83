"""Numbers and units of time expressions: "two and a half", "24", "a few"; ``P2Y6M``.

A quantity is a float, or ``None`` for a vague one ("several", "a few"), which
TimeML writes as ``X`` (``PXY``: some years).
"""

from __future__ import annotations

import re

from dateline.time.lexicon import lexicon

#: TimeML duration letter of each unit code of ``words.tsv`` and how many of it
#: make one. Decades and centuries are written in years, as TimeBank does ("two
#: decades" is P20Y); a fortnight is two weeks.
_UNIT_FORM: dict[str, tuple[str, int, bool]] = {
    # code: (letter, multiplier, is a clock unit written after "T")
    "S": ("S", 1, True),
    "MIN": ("M", 1, True),
    "H": ("H", 1, True),
    "D": ("D", 1, False),
    "W": ("W", 1, False),
    "FN": ("W", 2, False),
    "M": ("M", 1, False),
    "Q": ("Q", 1, False),
    "Y": ("Y", 1, False),
    "DE": ("Y", 10, False),
    "CE": ("Y", 100, False),
    "ML": ("Y", 1000, False),
}

#: A fraction of a unit is written in the next smaller unit (2.5 years is P2Y6M).
_SMALLER: dict[str, tuple[str, int]] = {
    "Y": ("M", 12), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24),
    "H": ("MIN", 60), "MIN": ("S", 60),
}


def parse_number(text: str) -> float | None:
    """The value of a written number; None for a vague one ("several").

    Digits ("24", "1,500", "2.5", "2 1/2"), words ("twenty-four", "a hundred", "two
    and a half"), "a"/"an" (1) and "half a" (0.5).
    """
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if m := re.fullmatch(r"(\d+)\s+(\d)/(\d)", text):
        return int(m[1]) + int(m[2]) / int(m[3])
    return _number_words(text)


def _number_words(text: str) -> float | None:
    numbers = lexicon().numbers
    half = 0.5 if re.search(r"\band\s+a\s+half$|^half\s+an?$|^a\s+half$", text) else 0.0
    text = re.sub(r"\s*\band\s+a\s+half$|^half\s+an?$|^a\s+half$", "", text).strip()
    if not text:
        return half or None
    if text in numbers:
        return None if numbers[text] == "X" else float(numbers[text]) + half
    text = re.sub(r"^an?\s+(?=\w)", "", text)  # "a hundred" is "hundred"
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        value = numbers.get(word)
        if value is None or value == "X":
            return None
        number = float(value)
        if number == 1000:
            total += (current or 1) * 1000
            current = 0.0
        elif number == 100:
            current = (current or 1) * 100
        else:
            current += number
        seen = True
    return (total + current + half) if seen else (half or None)


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration of ``amount`` units (unit code of ``words.tsv``): P2W, PT24H, PXY."""
    letter, multiplier, clock = _UNIT_FORM[unit]
    prefix = "PT" if clock else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= multiplier
    whole = int(amount)
    rest = amount - whole
    if rest and unit in _SMALLER and multiplier == 1:
        smaller, factor = _SMALLER[unit]
        small_letter, _, small_clock = _UNIT_FORM[smaller]
        extra = round(rest * factor)
        head = f"{whole}{letter}" if whole else ""
        if small_clock and not clock:
            return f"P{head}T{extra}{small_letter}"
        return f"{prefix}{head}{extra}{small_letter}"
    if rest:
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{whole}{letter}"


def unit_code(word: str) -> str | None:
    """Unit code of a unit word, singular or plural ("centuries" -> "CE")."""
    word = word.lower().rstrip("'’s").replace("centurie", "century")
    units = lexicon().units
    if word in units:
        return units[word]
    if word == "millennia":
        return "ML"
    return units.get(word.rstrip("s"))
