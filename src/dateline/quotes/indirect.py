"""Indirect quotations: reporting verbs with the clause they report.

"Officials said the bridge would reopen", "The bridge would reopen, officials said",
"urged residents to conserve water", "described the scene as chaos", and "according to
X". Quoted fragments inside the clause belong to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.quotes.parse import (
    according_to,
    clause_span,
    complement_of,
    cue_span,
    infinitive_of,
    may_report,
    naming_of,
    reporting_verb,
    subject_of,
)
from dateline.quotes.units import (
    Attribution,
    Paragraph,
    in_paragraph,
    loose_subject,
    source_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Share of an indirect clause inside a direct quote above which the verb is that
#: quote's cue rather than the head of a separate indirect quote.
DIRECT_OVERLAP = 0.5


def indirect_quotes(para: Paragraph, direct: list[Attribution]) -> list[Attribution]:
    """Reported clauses of reporting verbs outside quotation marks, and "according to"."""
    found: list[Attribution] = []
    for token in para.tokens:
        if _in_quoted(para, token.idx):
            continue
        found_clause = _reported_clause(para, token)
        if found_clause is None:
            continue
        (start, end), cue, head, verb = found_clause
        if _mostly_direct(start, end, direct):
            continue
        start, end = _cover_fragments(para, start, end)
        head = in_paragraph(para, head) or loose_subject(para, verb, para.start)
        found.append(Attribution(para.segment, para.order, para.number, para.start, start, end,
                                 direct=False, cue=cue, head=head, verb=verb,
                                 source=source_span(head, para.start)))
    return _outermost(found)


def _reported_clause(para: Paragraph, token: Token):
    """``(content span, cue span, speaker head)`` when ``token`` heads a report."""
    pair = according_to(token)
    if pair is not None:
        span = _according_content(para, token)
        cue = (token.idx, pair[0].idx + len(pair[0].text))
        return (span, cue, pair[1], token) if span else None
    if not may_report(token):
        return None
    row = reporting_verb(token, "that")
    clause = complement_of(token) if row else None
    if clause is None:
        row = reporting_verb(token, "to")
        clause = infinitive_of(token) if row else None
    if clause is None:
        row = reporting_verb(token, "naming")
        clause = naming_of(token) if row else None
    if clause is None:
        return None
    span = clause_span(clause)
    if span is None:
        return None
    span = max(span[0], para.start), min(span[1], para.end)
    if span[0] >= span[1]:
        return None
    return span, cue_span(token, row), subject_of(token, para.start, para.end), token


def _according_content(para: Paragraph, according: Token) -> tuple[int, int] | None:
    """The clause that "according to X" attributes: its head's words without it."""
    head = according.head
    skip = {t.i for t in according.subtree}
    tokens = [t for t in head.subtree if t.i not in skip and not t.is_space
              and para.start <= t.idx < para.end]
    side = [t for t in tokens if t.i < according.i] if according.i > head.i else \
        [t for t in tokens if t.i > according.i]
    while side and side[0].is_punct:
        side.pop(0)
    while side and side[-1].is_punct:
        side.pop()
    if sum(t.is_alpha for t in side) < 3:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _in_quoted(para: Paragraph, position: int) -> bool:
    return any(q.start <= position < q.end for q in para.quoted)


def _mostly_direct(start: int, end: int, direct: list[Attribution]) -> bool:
    """True when a clause lies mostly inside a direct quote (the verb is its cue)."""
    for quote in direct:
        shared = min(end, quote.end) - max(start, quote.start)
        if shared > DIRECT_OVERLAP * (end - start):
            return True
    return False


def _cover_fragments(para: Paragraph, start: int, end: int) -> tuple[int, int]:
    """Widen a clause to whole quoted fragments it cuts ("were “very pleased ...”")."""
    for quote in para.quoted:
        if quote.start < end and quote.end > start:
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Resolve reports inside another report's clause.

    A participle or conjunct set off after the clause ("..., noting that ...",
    "... and added that ...") is a report of its own: the outer clause ends before it.
    A report nested in the reported clause ("said officials told him ...") is part of
    the outer one and is dropped.
    """
    kept = []
    for item in found:
        outer = _container(item, found)
        if outer is None:
            kept.append(item)
        elif item.verb is not None and item.verb.dep_ in ("advcl", "conj"):
            outer.end = min(outer.end, _clause_cut(item.verb, outer.start))
            if not any(c.dep_ == "nsubj" for c in item.verb.children):
                item.head, item.source = outer.head, outer.source  # the outer speaker's
            kept.append(item)
    return [item for item in kept if item.end > item.start]


def _container(item: Attribution, found: list[Attribution]) -> Attribution | None:
    cue_start = item.cue[0] if item.cue else item.start
    for other in found:
        if other is not item and other.start <= cue_start < other.end:
            return other
    return None


def _clause_cut(verb: Token, floor: int) -> int:
    """Where a clause ends when the participle ``verb`` (and its subtree) is cut off,
    without the comma or conjunction before it."""
    first = verb.left_edge
    while first.i > 0 and (first.nbor(-1).is_punct or first.nbor(-1).dep_ == "cc" or
                           first.nbor(-1).is_space):
        first = first.nbor(-1)
        if first.idx <= floor:
            break
    return max(floor, first.idx)

