"""Quotation marks: where quoted passages open and close in a paragraph.

Works on characters only (no parse), so it is cheap and independent of how the
tokenizer splits punctuation. Curly (“ ”), straight ("), low-high („ “) and guillemet
(« ») double quotes are recognised; single quotes (‘ ’ and ') only where they cannot be
apostrophes: an opening mark after a space or bracket and a closing mark before a space
or punctuation. Quotes nested inside a passage are part of that passage.

A passage still open at the end of its paragraph ends there (``closed`` is False): news
style opens every paragraph of a long quote again and closes only the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Marks that can only open a double-quoted passage.
DOUBLE_OPENERS = "“„«"
#: Marks that can only close one ("”" also closes a "„" and "»" a "«").
DOUBLE_CLOSERS = "”»"
#: Marks whose role depends on the characters around them.
AMBIGUOUS_DOUBLE = '"'
SINGLE_OPENERS = "‘"
SINGLE_CLOSERS = "’"
AMBIGUOUS_SINGLE = "'"
#: Every mark that can open, or close, a passage of either kind.
OPENERS = DOUBLE_OPENERS + AMBIGUOUS_DOUBLE + SINGLE_OPENERS + AMBIGUOUS_SINGLE
CLOSERS = DOUBLE_CLOSERS + AMBIGUOUS_DOUBLE + SINGLE_CLOSERS + AMBIGUOUS_SINGLE

#: Every mark that may open a passage ("”" too, as a typo), to jump from one to the next
#: instead of looking at each character of the paragraph.
_MAY_OPEN = re.compile("[" + re.escape(OPENERS + "”") + "]")
#: Characters after which a mark opens a passage (start of text is another such place).
_BEFORE_OPEN = " \t\n([{—–-/:;"
#: Characters before which a mark closes a passage (end of text is another).
_AFTER_CLOSE = " \t\n)]}—–-.,;:!?…"


@dataclass(slots=True, frozen=True)
class QuotedSpan:
    """Characters ``start:end`` of a text, quotation marks included.

    ``closed`` is False when the passage runs on to the end of its paragraph without a
    closing mark (the next paragraph may continue it).
    """

    start: int
    end: int
    closed: bool = True


def opens_at(text: str, i: int) -> bool:
    """True when the mark at ``text[i]`` stands where a passage can open."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _BEFORE_OPEN and not after.isspace()


def closes_at(text: str, i: int) -> bool:
    """True when the mark at ``text[i]`` stands where a passage can close."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after in _AFTER_CLOSE or after in "”\"’'")


def _opener_kind(text: str, i: int) -> str | None:
    """``"double"``/``"single"`` when ``text[i]`` opens a passage, else None."""
    char = text[i]
    if char in DOUBLE_OPENERS:
        return "double"
    if char in AMBIGUOUS_DOUBLE + "”" and opens_at(text, i):
        # A closing curly mark in opening position is a typo for an opening one.
        return "double"
    if char in SINGLE_OPENERS + AMBIGUOUS_SINGLE and opens_at(text, i):
        # An apostrophe that opens a word ("'90s", "'em") is not a quote; a single
        # quote only counts when a matching close follows in the same paragraph.
        return "single"
    return None


def _closes_double(text: str, i: int, opener: str) -> bool:
    char = text[i]
    if char in DOUBLE_CLOSERS:
        return True
    if char != AMBIGUOUS_DOUBLE:
        return False
    if opener == AMBIGUOUS_DOUBLE:
        return closes_at(text, i) or not opens_at(text, i)
    # Some writers close a curly opener with a straight mark (“..."); a straight mark
    # that opens a word inside a curly passage is a nested quote instead.
    return not opens_at(text, i)


def _closes_single(text: str, i: int) -> bool:
    return text[i] in SINGLE_CLOSERS + AMBIGUOUS_SINGLE and closes_at(text, i)


def _find_close(text: str, i: int, end: int, kind: str) -> int | None:
    """Index of the mark closing the passage opened at ``i``, or None."""
    for j in range(i + 1, end):
        if text[j] == "\n":
            return None
        if kind == "double" and _closes_double(text, j, text[i]):
            return j
        if kind == "single" and _closes_single(text, j):
            if text[j - 1] in "sS" and not _single_ok(text, j, end):
                continue  # plural possessive ("the players’ union"), not a close
            return j
    return None


def _single_ok(text: str, j: int, end: int) -> bool:
    """A single close after "s" counts only when no later close could take its place."""
    return not any(_closes_single(text, k) for k in range(j + 1, end))


def find_quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[QuotedSpan]:
    """Top-level quoted passages of ``text[start:end]`` (one paragraph), in order."""
    end = len(text) if end is None else end
    spans: list[QuotedSpan] = []
    i = start
    while (mark := _MAY_OPEN.search(text, i, end)) is not None:
        i = mark.start()
        kind = _opener_kind(text, i)
        if kind is None:
            i += 1
            continue
        close = _find_close(text, i, end, kind)
        if close is not None:
            spans.append(QuotedSpan(i, close + 1))
            i = close + 1
        elif kind == "double":
            spans.append(QuotedSpan(i, _trim_end(text, i, end), closed=False))
            break
        else:
            i += 1  # a lone single mark is an apostrophe
    return spans


def _trim_end(text: str, start: int, end: int) -> int:
    """End of a passage left open: the paragraph's end less spaces and a final stop."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    # No closing mark: the passage ends with its last word, the stop ends the paragraph.
    if end > start + 1 and text[end - 1] == ".":
        end -= 1
    return end
