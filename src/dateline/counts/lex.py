"""Splitting a text into the pieces the counts stage reads, and masking non-counts.

The counts stage does not rely on spaCy's tokens to find numbers: news writes
"$13.6M", "PS2.7m", "5-10W", "2.4bn" and "12:01" in ways a general tokenizer splits
unevenly. :func:`lex` cuts a text into :class:`Lexeme` pieces instead: a run of digits
(with thousands separators and decimals), a run of letters, or one other character;
each piece knows whether white space comes before it (``gap``), so "5km" and "5 km"
read alike while "XC40" (letters glued to digits) can be told apart from "40".

:func:`masked` finds stretches that hold digits but are not counts at all (clock
times, ISO dates, phone numbers, web addresses, version numbers) so that the digits
inside them are never read as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_LEX = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)

#: Stretches of text whose digits are not counts. Each pattern is a plain regular
#: expression; the order does not matter (all masks are applied).
_MASKS = (
    # clock times: 12:01, 9:35:07, 5:25 a.m. (also a score such as "2:1")
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b",
    # 1.05am, 7 pm, 2 p.m. (a number glued or next to am/pm)
    r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\b\.?|[AaPp][Mm]\b)",
    # ISO dates and timestamps: 2019-09-01, 2019-09-01T10:38:07.190Z
    r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?",
    # slashed dates and fractions of the calendar: 12/16/2022, 24/7, 9/11
    r"\b\d{1,4}/\d{1,2}(?:/\d{2,4})?\b",
    # phone numbers: (555) 123-4567, 555-123-4567, +44 20 7946 0958
    r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    r"\+\d{1,3}(?:[\s-]\d{2,5}){2,4}\b",
    # web and mail addresses
    r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+",
    # version numbers and addresses with three or more dotted parts: 1.2.3, 10.0.0.1
    r"\b\d+\.\d+\.\d+(?:\.\d+)*\b",
)
_MASK = re.compile("|".join(f"(?:{pattern})" for pattern in _MASKS))


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One piece of text: ``kind`` is ``num``, ``word`` or ``sym``."""

    kind: str
    text: str
    start: int
    end: int
    gap: bool  # white space (or the start of the text) comes before it
    lower: str  # ``text`` in lower case (kept: every table lookup needs it)
    line_start: bool = False  # first on its line (a list number: "2. Never ...")


def lex(text: str) -> list[Lexeme]:
    """Cut ``text`` into lexemes, in order."""
    lexemes: list[Lexeme] = []
    previous_end = -1
    for match in _LEX.finditer(text):
        start, end = match.span()
        gap = previous_end < 0 or start > previous_end
        line_start = previous_end < 0 or "\n" in text[previous_end:start]
        piece = match.group()
        lexemes.append(Lexeme(match.lastgroup or "sym", piece, start, end, gap, piece.lower(),
                              line_start))
        previous_end = end
    return lexemes


def masked(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` whose digits are not counts (times, dates, phones)."""
    return [match.span() for match in _MASK.finditer(text)]


def word_at(lexemes: Sequence[Lexeme], index: int) -> str:
    """Lower-cased text of lexeme ``index`` ('' past either end of the text)."""
    return lexemes[index].lower if 0 <= index < len(lexemes) else ""


def glued(lexemes: Sequence[Lexeme], index: int) -> bool:
    """Whether lexeme ``index`` exists and follows the previous one without a space."""
    return 0 <= index < len(lexemes) and not lexemes[index].gap


def split_form(form: str) -> tuple[str, ...]:
    """The lexeme texts of a table form ("US$" -> ("US", "$"), "km/h" -> 3 pieces)."""
    return tuple(lexeme.text for lexeme in lex(form))
