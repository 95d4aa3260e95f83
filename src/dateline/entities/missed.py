"""People spaCy's small model misses or mislabels, found from the words around them.

- **Speakers.** A capitalised proper noun outside any entity that is the subject of a
  speech verb ("Poulter said", "said Na'moks", "Kowalczyk told reporters") is a
  person: places and organisations speak too, but spaCy rarely misses those, while it
  often misses an unusual surname.
- **Unknown places that act.** A one-word "place" no gazetteer knows that is the
  subject of a verb ("Belkacemi says", "Mulder didn't hesitate") is a person.
- **Places in capitals.** Country names and peoples written in capitals, and places that
  open a line (datelines), which the small model mostly misses.
- **Titles inside a name.** A span tagged as an organisation or place that holds a
  capitalised title followed by one to three name words ("Wet'suwet'en Hereditary
  Chief Na'moks", "Police Commissioner Jane Doe") is a person, named by those words;
  the title is read as their role.
- **First names of full names.** Done when mentions are grouped
  (:mod:`~dateline.entities.merge`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.symbols import PROPN, nsubj

from dateline.countries import country_name_code, demonym_code, place_country
from dateline.entities.tables import tables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Lemmas of verbs whose subject is someone speaking or writing.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "explain", "note", "write", "ask", "answer", "reply", "recall",
    "insist", "argue", "warn", "admit", "acknowledge", "claim", "respond",
    "stress", "speak", "testify", "tweet", "remark", "joke", "laugh", "complain",
    "concede", "confirm", "deny", "declare", "predict", "urge", "describe", "suggest",
})
#: Labels of spans that may hide a titled person ("Hereditary Chief Na'moks" as ORG).
HIDING_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
#: spaCy's code for a token outside any entity (``Token.ent_iob``).
OUTSIDE = 2
#: A word of three capital letters or more.
_CAPITALS = re.compile(r"\b[A-Z][A-Z'’.-]*[A-Z]\b")
#: Most words of a place name written in capitals ("BOSNIA AND HERZEGOVINA" aside).
MAX_PLACE_WORDS = 3
#: Most name words after a title inside a span ("Chief Na'moks", "Mayor Jane Ann Doe").
MAX_NAME_WORDS = 3


def speaker_names(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of untagged proper names that are the subject of a speech verb."""
    found = []
    for token in doc:
        # Integer attributes first: this walks every token of the article.
        if token.dep != nsubj or token.pos != PROPN or token.ent_iob != OUTSIDE:
            continue
        if token.head.lemma_ not in SPEECH_LEMMAS or not _plain_name_word(token):
            continue
        start = token.i
        while start > 0 and token.i - start < MAX_NAME_WORDS - 1 and \
                _plain_name_word(doc[start - 1]) and doc[start - 1].head.i == token.i:
            start -= 1
        found.append((start, token.i + 1))
    return found


def capital_places(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of untagged place names written in capitals in ``doc``
    (the parse of ``text``): a country or people anywhere ("ROMANIA BEAT LITHUANIA",
    "SCOTTISH"), any known place in a dateline ("BELGRADE 1996-08-30", "OTTAWA —").
    spaCy's small model reads few names in capitals; a town's name in a capitalised
    headline is too often a word ("NICE", "READING") to be taken elsewhere."""
    found: list[tuple[int, int, str]] = []
    capitals = _capital_words(doc, text)
    end = 0
    for i in capitals:
        if i < end:
            continue  # inside a name found already ("NEW YORK")
        # Only as many words as run on in capitals are tried ("NEW YORK", "CHAD").
        run = 1
        while run < MAX_PLACE_WORDS and i + run in capitals:
            run += 1
        for length in range(run, 0, -1):
            label = _capital_place(doc, i, length)
            if label is not None:
                found.append((i, i + length, label))
                end = i + length
                break
    return found


def _capital_words(doc: Doc, text: str) -> dict[int, None]:
    """Indices of the untagged words written in capitals (found in the text, not token by
    token), in order."""
    found: dict[int, None] = {}
    for match in _CAPITALS.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and _capital_word(span[0]):
            found[span.start] = None
    return found


def _capital_place(doc: Doc, start: int, length: int) -> str | None:
    span = doc[start:start + length]
    text = " ".join(t.text for t in span).title()
    if country_name_code(text):
        return "GPE"
    if length == 1 and demonym_code(text):
        return "NORP"
    if place_country(text) and _opens_line(doc, start) and \
            _dateline_follows(doc, start + length):
        return "GPE"
    return None


def _capital_word(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token) > 2 and \
        token.ent_iob_ == "O" and not token.is_stop


def _dateline_follows(doc: Doc, i: int) -> bool:
    """True when what follows a place is how a dateline goes on: a comma, a dash, a
    bracket or a date ("OTTAWA —", "MILTON, Ont.", "BELGRADE 1996-08-30")."""
    if i >= len(doc):
        return False
    token = doc[i]
    return token.text in (",", "-", "–", "—", "(") or token.like_num or token.text[:1].isdigit()


def _opens_line(doc: Doc, i: int) -> bool:
    """True when token ``i`` starts the text or a line."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def acting_unknown_place(doc: Doc, start: int, end: int, label: str) -> bool:
    """True for a one-word "place" that no gazetteer knows and that is the subject of a
    verb ("Belkacemi says", "Mulder didn't hesitate"): an unusual surname the tagger
    took for a town. Known places act for their governments ("Ottawa said") and stay
    places; a small town rarely does anything in news prose."""
    if label != "GPE" or end - start != 1:
        return False
    token = doc[start]
    return token.dep_ == "nsubj" and token.head.pos_ == "VERB" and \
        token.is_title and not place_country(token.text)


def _plain_name_word(token: Token) -> bool:
    """A capitalised proper noun outside any entity that is no place, people or title."""
    if token.pos_ != "PROPN" or token.ent_iob_ != "O" or not token.text[:1].isupper():
        return False
    if not (token.is_title or "'" in token.text or "’" in token.text) or len(token) < 2:
        return False
    text = token.text
    lowered = text.lower()
    book = tables()
    return not (lowered in book.titles or text in book.honorifics or lowered in book.credits
                or place_country(text))


def titled_person(doc: Doc, start: int, end: int, label: str) -> int | None:
    """Where the name starts when tokens ``start:end`` (a non-person span) are a title
    and a name ("Hereditary Chief Na'moks"): after the span's last title word, when one
    to three capitalised words that are no titles follow it to the end."""
    if label not in HIDING_LABELS or end - start < 2:
        return None
    titles = tables().titles
    for i in range(end - 2, max(start, end - 1 - MAX_NAME_WORDS) - 1, -1):
        if doc[i].lower_ in titles and doc[i].is_title:
            if all(_name_like(t, titles) for t in doc[i + 1:end]):
                return i + 1
            return None
    return None


def _name_like(token: Token, titles: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.lower_ not in titles and \
        any(c.isalpha() for c in token.text) and not token.is_punct
