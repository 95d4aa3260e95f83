"""Direct quotations: which quoted passages are quotations, and their cues.

A passage that opens its sentence, or follows a colon, a comma or a reporting verb, is
a quotation; one inside a sentence is a fragment of the clause around it. Its cue is a
reporting verb after it ("“...,” she said") or before it ("He told reporters: “...”").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.quotes.marks import QuotedSpan
from dateline.quotes.parse import according_to, cue_span, reporting_verb, subject_of
from dateline.quotes.speakers import SPEAKER_TYPES
from dateline.quotes.units import (
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
#: Longest abbreviation whose full stop the tokenizer may split off ("Lt", "Sgt", "Gov").
MAX_ABBREVIATION = 4
#: A cue before a quote sits at most this many tokens before the opening mark
#: ("said in a statement released on Friday: “...”"); further away it cues something else.
MAX_LEADER_GAP = 10
#: A cue after a quote sits within this many tokens of the closing mark; long subjects
#: ("said Jane Doe, director of the city's planning department") fit.
MAX_TRAILER_GAP = 14
#: A subject this close to the closing mark may be followed by its verb at any distance.
SUBJECT_START = 4
#: A name before a colon ("Antony Blinken: “...”") has at most this many tokens.
MAX_NAME_TOKENS = 4
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
        if _ends_sentence(tokens[n]):
            return tokens[n + 1:]
    return tokens


def _trailer(para: Paragraph, start: int, end: int) -> list[Token]:
    """Tokens after a quote up to the end of its sentence."""
    tokens = [t for t in para.tokens if start <= t.idx < end]
    for n, token in enumerate(tokens):
        if _ends_sentence(token):
            return tokens[:n]
    return tokens


def _ends_sentence(token: Token) -> bool:
    """True for a full stop (or ! ? …) that ends a sentence, not the stop of an
    abbreviation the tokenizer split off ("Police Lt. Tom Wilkison said")."""
    if token.text not in TERMINALS:
        return False
    if token.text != "." or token.i == 0 or token.i + 1 >= len(token.doc):
        return True
    after = token.nbor(1)
    return after.is_sent_start or after.is_space or not after.text[:1].isupper() or \
        not _abbreviation(token.nbor(-1))


def _abbreviation(token: Token) -> bool:
    """A short capitalised word written right before a full stop ("Lt", "Gen", "St")."""
    return token.text[:1].isupper() and len(token.text) <= MAX_ABBREVIATION and \
        not token.whitespace_


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
    comma = inner.endswith(",")
    searches = [(_trailer_cue, trailer), (_leader_cue, leader)]
    if not comma:
        searches.reverse()
    for search, tokens in searches:
        found = search(tokens, quote, (para.start, para.end), comma)
        if found is not None:
            return found
    return _name_colon(leader)


def _name_colon(leader: list[Token]):
    """``(colon span, name, colon)`` when the words before a quote are a name and a colon."""
    if not 2 <= len(leader) <= MAX_NAME_TOKENS + 1 or leader[-1].text != ":":
        return None
    words = leader[:-1]
    roots = [t for t in words if t.head.i not in {w.i for w in words} or t.head.i == t.i]
    if len(roots) == 1 and roots[0].text[:1].isupper() and roots[0].ent_type_ in SPEAKER_TYPES:
        colon = leader[-1]
        return (colon.idx, colon.idx + 1), roots[0], colon
    return None


def _leader_cue(tokens: list[Token], quote: QuotedSpan, bounds: tuple[int, int],
                comma: bool = False):
    """A cue at the end of the sentence before the quote ("He told reporters: “").
    ``comma`` (whether the quote ends in one) only matters after the quote."""
    colon = bool(tokens) and tokens[-1].text == ":"
    for n in range(len(tokens) - 1, max(-1, len(tokens) - 1 - MAX_LEADER_GAP), -1):
        found = _cue_at(tokens[n], quote, colon, bounds)
        if found is not None:
            return found
    return None


def _trailer_cue(tokens: list[Token], quote: QuotedSpan, bounds: tuple[int, int],
                 comma: bool = False):
    """A cue in the words after the quote ("“...,” said Telford"). After a quote that
    ends in a comma the sentence goes on to its cue, so the verb may have an object of
    its own there ("“...,” she told reporters inside the plant")."""
    for token in tokens[:MAX_TRAILER_GAP]:
        found = _cue_at(token, quote, comma, bounds)
        if found is not None:
            return found
    # A subject right after the quote reaches its verb however long it is ("“...,”
    # Jane Doe, the company's founder and ..., said").
    inside = {t.i for t in tokens}
    for token in tokens[:SUBJECT_START]:
        if token.dep_ == "nsubj" and token.head.i > token.i and token.head.i in inside:
            return _cue_at(token.head, quote, comma, bounds)
    return None


def _cue_at(token: Token, quote: QuotedSpan, colon: bool, bounds: tuple[int, int]):
    """``(cue span, speaker head)`` when ``token`` cues ``quote``, else None."""
    pair = according_to(token)
    if pair is not None:
        return (token.idx, pair[0].idx + len(pair[0].text)), pair[1], token
    row = reporting_verb(token, "direct")
    if row is None or _reports_elsewhere(token, quote, colon or "addressee" in row.frames,
                                         bounds):
        return None
    return cue_span(token, row), subject_of(token, *bounds), token


def _reports_elsewhere(verb: Token, quote: QuotedSpan, object_ok: bool,
                       bounds: tuple[int, int]) -> bool:
    """True when the verb has its own clause (or object) outside the quote: then it
    reports something else ("“Yes.” He denied the claim"). A clause in another
    paragraph is a misparse (the parser joins a paragraph to the one before it)."""
    for child in verb.children:
        if not bounds[0] <= child.idx < bounds[1]:
            continue
        inside = quote.start <= child.idx < quote.end
        if child.dep_ in ("ccomp", "xcomp") and not inside:
            return True
        if child.dep_ == "dobj" and not inside and not object_ok:
            return True
    return False

