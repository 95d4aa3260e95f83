"""The units the quotations stage works on: paragraphs with their quoted passages, and
attributions (a quotation with the spans of its cue and speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.quotes.marks import CLOSERS, OPENERS, QuotedSpan, find_quoted_spans
from dateline.quotes.parse import phrase_span
from dateline.quotes.speakers import Named, is_pronoun
from dateline.records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.parse.segments import Segment

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Paragraph:
    """One paragraph of a segment, its tokens and its quoted passages."""

    number: int
    order: int
    segment: Segment
    start: int
    end: int
    tokens: list[Token]
    quoted: list[QuotedSpan]


@dataclass(slots=True)
class Attribution:
    """A quotation with the evidence of its attribution (offsets in its segment).

    ``cue`` and ``source`` are the character spans of the cue and of the speaker as
    written; ``speaker`` is the resolved speaker. :func:`find_attributions` returns
    these for the benchmarks; :func:`find_quotes` turns them into records.
    """

    segment: Segment
    order: int
    paragraph: int
    paragraph_start: int
    start: int
    end: int
    direct: bool
    closed: bool = True
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    head: Token | None = field(default=None, repr=False)
    verb: Token | None = field(default=None, repr=False)
    speaker: Named | None = None

    def to_quote(self) -> Quote:
        """The public record of this quotation."""
        text = self.segment.text
        named = self.speaker
        return Quote(
            speaker=named.name if named else None,
            speaker_entity=named.entity.name if named and named.entity else None,
            cue=text[self.cue[0]:self.cue[1]] if self.cue else None,
            direct=self.direct,
            text=inner_text(text[self.start:self.end]) if self.direct
            else text[self.start:self.end],
            where=self.segment.where(self.start, self.end),
        )


def paragraphs(segments: list[Segment]) -> list[Paragraph]:
    """Every non-empty line of every parsed segment, with its tokens and quotes."""
    paras: list[Paragraph] = []
    for order, segment in enumerate(segments):
        if segment.doc is None:
            continue
        for match in _PARAGRAPH.finditer(segment.text):
            if not match.group().strip():
                continue
            start, end = match.span()
            span = segment.doc.char_span(start, end, alignment_mode="expand")
            tokens = [t for t in span if not t.is_space] if span is not None else []
            quoted = [q for q in find_quoted_spans(segment.text, start, end)
                      if any(c.isalnum() for c in segment.text[q.start:q.end])]
            paras.append(Paragraph(len(paras), order, segment, start, end, tokens, quoted))
    return paras


def source_span(head: Token | None, floor: int) -> tuple[int, int] | None:
    """Characters of the speaker as written, from the subject token ``head``."""
    if head is None:
        return None
    if is_pronoun(head):
        return head.idx, head.idx + len(head.text)
    return phrase_span(head, floor)


def loose_subject(para: Paragraph, verb: Token, floor: int) -> Token | None:
    """A subject the parse attached elsewhere: the first name or noun between ``floor``
    and the verb whose head lies outside that stretch ("Jane Doe, a manager, said" when
    the parser joined the line to the paragraph before)."""
    if verb.lower_ == "according":
        return None
    stretch = [t for t in para.tokens if floor <= t.idx < verb.idx]
    inside = {t.i for t in stretch}
    for token in stretch:
        if token.head.i not in inside and token.pos_ in ("PROPN", "NOUN", "PRON"):
            return token
    return None


def in_paragraph(para: Paragraph, token: Token | None) -> Token | None:
    """``token`` when it lies in ``para``: a parse that runs across paragraphs (one
    segment holding a whole text) must not take a speaker from the next one."""
    if token is None or not para.start <= token.idx < para.end:
        return None
    return token


def inner_text(quoted: str) -> str:
    """A direct quote's words without its marks and the comma before the closing mark."""
    text = quoted.strip()
    if text and text[0] in OPENERS:
        text = text[1:]
    if text and text[-1] in CLOSERS:
        text = text[:-1]
    return text.strip().rstrip(",").strip()
