"""Direct quotations: which quoted passages are quotations, and their cues.

A passage that opens its sentence, or follows a colon, a comma or a reporting verb, is
a quotation; one inside a sentence is a fragment of the clause around it. Its cue is a
reporting verb after it ("“...,” she said") or before it ("He told reporters: “...”").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.language.quotes_marks import QuotedSpan
from dateline.language.quotes_parse import according_to, cue_span, reporting_verb, subject_of
from dateline.language.quotes_units import (
    Attribution,
    Paragraph,
    in_paragraph,
    loose_subject,
    source_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Tokens that end a sentence outside quotation marks.
TERMINALS = frozenset({".", "!", "?", "…"})
#: A cue before a quote sits at most this many tokens before the opening mark
#: ("said in a statement released on Friday: “...”"); further away it cues something else.
MAX_LEADER_GAP = 10
#: A cue after a quote sits within this many tokens of the closing mark; long subjects
#: ("said Jane Doe, director of the city's planning department") fit.
MAX_TRAILER_GAP = 14
#: A name before a colon ("Antony Blinken: “...”") has at most this many tokens.
MAX_NAME_TOKENS = 4
#: Entity labels a "Name: “...”" speaker may have.
NAME_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: A quoted passage with no cue must have this many words to count as a quotation.
MIN_BARE_WORDS = 2


def direct_quotes(para: Paragraph) -> list[Attribution]:
    """The quoted passages of ``para`` that are quotations, with their cues."""
    found: list[Attribution] = []
    for k, quote in enumerate(para.quoted):
        before = para.quoted[k - 1].end if k else para.start
        after = para.quoted[k + 1].start if k + 1 < len(para.quoted) else para.end
        leader = _leader(para, before, quote.start)
        trailer = _trailer(para, quote.end, after)
        if not _standalone(leader):
            continue
        found_cue = _direct_cue(para, quote, leader, trailer)
        if found_cue is None and _words(para, quote) < MIN_BARE_WORDS:
            continue
        attribution = Attribution(para.segment, para.order, para.number, para.start,
                                  quote.start, quote.end, direct=True, closed=quote.closed)
        if found_cue is not None:
            attribution.cue, head, verb = found_cue
            floor = quote.end if quote.end <= verb.idx else para.start
            attribution.verb = verb
            attribution.head = in_paragraph(para, head) or loose_subject(para, verb, floor)
            attribution.source = source_span(attribution.head, para.start)
        found.append(attribution)
    return found


def _leader(para: Paragraph, start: int, end: int) -> list[Token]:
    """Tokens of the sentence before a quote: after the last full stop before it."""
    tokens = [t for t in para.tokens if start <= t.idx < end]
    for n in range(len(tokens) - 1, -1, -1):
        if tokens[n].text in TERMINALS:
            return tokens[n + 1:]
    return tokens


def _trailer(para: Paragraph, start: int, end: int) -> list[Token]:
    """Tokens after a quote up to the end of its sentence."""
    tokens = [t for t in para.tokens if start <= t.idx < end]
    for n, token in enumerate(tokens):
        if token.text in TERMINALS:
            return tokens[:n]
    return tokens


def _standalone(leader: list[Token]) -> bool:
    """True when what precedes a quoted passage makes it a quotation, not a fragment:
    nothing (it opens the sentence), a colon or comma, or a reporting verb.
    """
    if not leader:
        return True
    last = leader[-1]
    if last.text in (":", ",", "—", "–"):
        return True
    if reporting_verb(last, "direct") is not None:
        return True
    return len(leader) > 1 and last.lower_ == "that" and \
        reporting_verb(leader[-2], "direct") is not None


def _words(para: Paragraph, quote: QuotedSpan) -> int:
    return len(para.segment.text[quote.start:quote.end].split())


def _direct_cue(para: Paragraph, quote: QuotedSpan, leader: list[Token],
                trailer: list[Token]):
    """``(cue span, speaker head, cue token)`` of a direct quote, or None without a cue.

    A quote that ends in a comma ("“...,” she said") looks after itself first; a name
    and a colon alone ("Blinken: “We are ready”", headline style) are a cue too.
    """
    inner = para.segment.text[quote.start:quote.end].rstrip("”\"’'» ")
    searches = [(_trailer_cue, trailer), (_leader_cue, leader)]
    if not inner.endswith(","):
        searches.reverse()
    for search, tokens in searches:
        found = search(tokens, quote, (para.start, para.end))
        if found is not None:
            return found
    return _name_colon(leader)


def _name_colon(leader: list[Token]):
    """``(colon span, name, colon)`` when the words before a quote are a name and a colon."""
    if not 2 <= len(leader) <= MAX_NAME_TOKENS + 1 or leader[-1].text != ":":
        return None
    words = leader[:-1]
    roots = [t for t in words if t.head.i not in {w.i for w in words} or t.head.i == t.i]
    if len(roots) == 1 and roots[0].text[:1].isupper() and roots[0].ent_type_ in NAME_TYPES:
        colon = leader[-1]
        return (colon.idx, colon.idx + 1), roots[0], colon
    return None


def _leader_cue(tokens: list[Token], quote: QuotedSpan, bounds: tuple[int, int]):
    """A cue at the end of the sentence before the quote ("He told reporters: “")."""
    colon = bool(tokens) and tokens[-1].text == ":"
    for n in range(len(tokens) - 1, max(-1, len(tokens) - 1 - MAX_LEADER_GAP), -1):
        found = _cue_at(tokens[n], quote, colon, bounds)
        if found is not None:
            return found
    return None


def _trailer_cue(tokens: list[Token], quote: QuotedSpan, bounds: tuple[int, int]):
    """A cue in the words after the quote ("“...,” said Telford")."""
    for token in tokens[:MAX_TRAILER_GAP]:
        found = _cue_at(token, quote, False, bounds)
        if found is not None:
            return found
    return None


def _cue_at(token: Token, quote: QuotedSpan, colon: bool, bounds: tuple[int, int]):
    """``(cue span, speaker head)`` when ``token`` cues ``quote``, else None."""
    pair = according_to(token)
    if pair is not None:
        return (token.idx, pair[0].idx + len(pair[0].text)), pair[1], token
    row = reporting_verb(token, "direct")
    if row is None or _reports_elsewhere(token, quote, colon or "addressee" in row.frames):
        return None
    return cue_span(token, row), subject_of(token, *bounds), token


def _reports_elsewhere(verb: Token, quote: QuotedSpan, object_ok: bool) -> bool:
    """True when the verb has its own clause (or object) outside the quote: then it
    reports something else ("“Yes.” He denied the claim")."""
    for child in verb.children:
        inside = quote.start <= child.idx < quote.end
        if child.dep_ in ("ccomp", "xcomp") and not inside:
            return True
        if child.dep_ == "dobj" and not inside and not object_ok:
            return True
    return False

