"""Mentions of one parsed segment: spaCy's entities, cleaned and corrected.

spaCy's small model gets the span or the label of a name wrong in a few regular
ways; each is fixed here with a cheap rule over the tokens around the mention:

- leading "the", honorifics ("Mr", "Sen.") and titles ("President") are not part of
  the name; a trailing possessive is not either;
- a hyphen compound ends the name: "Donald Trump-era" is a mention of Donald Trump;
- a name after an honorific is a person ("Mr Ebrard", even when tagged ORG), and an
  honorific followed by an untagged capitalised word makes a new person mention;
- a demonym tagged ORG or PERSON is a NORP, a country name tagged PERSON a GPE;
- photo agencies are credits: dropped from captions, an ORG elsewhere;
- a "person" that sits where places sit ("in X, Oaxaca state", "in Texas") is a GPE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.countries import country_name_code, demonym_code, place_country
from dateline.entities.missed import (
    acting_unknown_place,
    capital_places,
    speaker_names,
    titled_person,
)
from dateline.entities.roles import RoleFact, person_role
from dateline.entities.tables import tables
from dateline.parse.segments import Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy labels this stage keeps; dates, numbers and money belong to other stages.
KEPT_TYPES = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT",
    "WORK_OF_ART", "LANGUAGE",
})
#: Leading words that belong to the sentence, not to the name.
_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "–", "—"})
#: Prepositions after which a name denotes a place ("in X", "near X").
_LOCATIVE = frozenset({"in", "near", "outside", "across", "into", "at", "from", "to"})
#: Words after "X, Y" that show Y is a region ("Oaxaca state", "Sindh province").
_REGION_WORDS = frozenset({"state", "province", "region", "county", "district", "department"})
#: What separates the agencies of a combined credit ("Getty / AFP", "AFP via Getty").
_CREDIT_SEPARATORS = re.compile(r"\s*(?:/|,|\||\bvia\b|\band\b)\s*")
#: Last words of company names ("Robert Bosch GmbH" is no person).
_COMPANY_SUFFIXES = frozenset({
    "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "nv",
    "bv", "spa", "ab", "asa", "oy", "kk", "pty", "group", "holdings", "limited",
})
#: A score or a date written after a name in results tables ("7-0", "1996-08-31").
_SCORE_OR_DATE = re.compile(r"\d+(?:[-/.:]\d+)+")
#: Marks between the numbers of a score or a date ("7-0", "1996-08-31").
_SCORE_MARKS = frozenset({"-", "–", "/", ":", "."})
#: Second halves of compound adjectives that are not participles ("Trump-era").
_COMPOUND_WORDS = frozenset({
    "era", "style", "like", "born", "type", "wide", "level", "class", "bound", "free",
    "friendly", "proof", "sized", "run", "made", "held", "built", "led", "based",
    "owned", "backed", "linked", "allied", "aligned", "funded", "era's", "age",
})


@dataclass(slots=True)
class Found:
    """One cleaned mention, with what its context says about the entity."""

    segment: Segment
    start: int
    end: int
    label: str
    text: str
    order: int = 0
    honorific: bool = False
    after_locative: bool = False
    outer: int | None = None
    role: RoleFact | None = None
    country: str | None = None
    spoke: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


def segment_mentions(segment: Segment) -> list[Found]:
    """Cleaned mentions of the kept types in one parsed segment."""
    doc = segment.doc
    if doc is None:
        return []
    found: list[Found] = []
    for ent in doc.ents:
        if ent.label_ in KEPT_TYPES:
            mention = _clean(segment, ent)
            if mention is not None:
                found.append(mention)
    found.extend(_honorific_people(segment, doc))
    found.extend(Found(segment, start, end, "PERSON", doc[start:end].text, spoke=True)
                 for start, end in speaker_names(doc))
    found.extend(Found(segment, start, end, label, doc[start:end].text)
                 for start, end, label in capital_places(doc, segment.text))
    found.extend(_institutions(segment, doc))
    found.sort(key=lambda m: m.start)
    titles: list[tuple[int, int]] = []
    for mention in found:
        if mention.label == "PERSON":
            mention.role = person_role(doc, mention.start, mention.end, mention.outer)
            if mention.role is not None:
                titles.append((mention.role.noun_start, mention.role.end))
                _possessor_is_no_person(found, mention.role.start, mention.role.end)
    return [m for m in found if not _inside_title(m, titles)]


def _possessor_is_no_person(found: list[Found], start: int, end: int) -> None:
    """A "person" inside another person's title is a place or an organisation:
    "Delhi's" in "Delhi's Chief Minister Arvind Kejriwal"."""
    for other in found:
        if other.label == "PERSON" and start <= other.start and other.end <= end:
            other.label = "GPE" if place_country(other.text) else "ORG"


def _inside_title(mention: Found, titles: list[tuple[int, int]]) -> bool:
    """True for an organisation that is only a word of a role noun ("State" in
    "Secretary of State"); an institution before the role ("State Department
    spokesman"), countries and peoples stay mentions in their own right."""
    if mention.label in ("PERSON", "GPE", "NORP"):
        return False
    return any(start <= mention.start and mention.end <= end for start, end in titles)


def _clean(segment: Segment, ent: Span) -> Found | None:
    """``ent`` trimmed and relabelled, or None when it is no mention at all."""
    doc = ent.doc
    start, end, label = ent.start, ent.end, ent.label_
    honorifics = tables().honorifics
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].text in honorifics
                           or doc[start].is_space):
        start += 1
    end = _cut_compound(doc, start, end)
    while end > start and _trailing_junk(doc[end - 1], label):
        end -= 1
    end = _without_score(doc, start, end)
    if label == "PERSON":
        start = _skip_titles(doc, start, end)
    named = titled_person(doc, start, end, label)
    if named is not None:  # "Hereditary Chief Na'moks" tagged ORG: the title is a role
        start, label = named, "PERSON"
    if start >= end:
        return None
    text = doc[start:end].text
    honorific = start > 0 and doc[start - 1].text in honorifics
    label = _relabel(segment, doc, start, end, text, label, honorific)
    if label is None:
        return None
    found = Found(segment, start, end, label, text, honorific=honorific, outer=ent.start)
    found.after_locative = start > 0 and doc[start - 1].lower_ in _LOCATIVE
    if label == "PLACE":
        found.label = "GPE"
        found.country = _country_after(doc, end)
    elif label == "PERSON":
        found.country = _of_country(doc, end)
    return found


def _of_country(doc: Doc, end: int) -> str | None:
    """Country named right after a person: "Chancellor Olaf Brandt of Germany"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        ent = next((e for e in doc.ents if e.start == end + 1), None)
        return country_name_code(ent.text) if ent is not None else None
    return None


def _country_after(doc: Doc, end: int) -> str | None:
    """Country of the places written after a name ("X, Oaxaca state, Mexico" -> MEX)."""
    for token in doc[end: end + 6]:
        code = place_country(token.text) if token.ent_type_ == "GPE" else None
        if code:
            return code
    return None


def _trailing_junk(token: Token, label: str) -> bool:
    """A token that cannot end a name: a possessive, punctuation, a line break; for a
    person or a place a number ("Nicolas Jarry 6-4", "Faroe Islands 1996-08-31"); for
    any name a score or a date ("Boston Red Sox 7-0"; "Channel 4" keeps its number)."""
    if token.text in _POSSESSIVE or token.is_punct or token.is_space:
        return True
    if not any(c.isdigit() for c in token.text):
        return False
    if label in ("PERSON", "GPE", "LOC"):
        return True
    return _SCORE_OR_DATE.fullmatch(token.text) is not None


def _without_score(doc: Doc, start: int, end: int) -> int:
    """End of a name before a score or date the tokenizer split ("Boston Red Sox 7 - 0")."""
    cut = end
    while cut - start > 2 and doc[cut - 1].is_digit and doc[cut - 2].text in _SCORE_MARKS \
            and doc[cut - 3].is_digit:
        cut -= 2
    if cut < end and cut - start > 1 and doc[cut - 1].is_digit:
        cut -= 1
    return cut


def _cut_compound(doc: Doc, start: int, end: int) -> int:
    """End of the name before a hyphen compound ("Trump-era", "Biden-appointed") or an
    opening bracket ("Federal Bureau of Investigation (FBI")."""
    for i in range(start + 1, end):
        if doc[i].text == "(" or "\n" in doc[i].text:  # no name runs over a line break
            return i
        if (i + 1 < end and doc[i].text in _HYPHENS and not doc[i].whitespace_
                and _compound_word(doc[i + 1].text)):
            return i
    return end


def _compound_word(word: str) -> bool:
    """True for the second half of a compound adjective: "era", "led", "backed".

    Lower-case syllables of names ("Kim Yoon-man") are neither participles nor in
    :data:`_COMPOUND_WORDS`, so such names stay whole.
    """
    if not word.islower():
        return False
    return word in _COMPOUND_WORDS or (len(word) > 3 and word.endswith(("ed", "ing")))


def _skip_titles(doc: Doc, start: int, end: int) -> int:
    """Skip titles ("President", "Judge") that spaCy put inside a person's span.

    Only the hand-kept titles of roles.tsv count: Phoenix's nouns include words that
    are also first names ("Dean", "Christian").
    """
    words = tables().titles
    while end - start > 1 and doc[start].lower_ in words and doc[start].is_title:
        start += 1
    return start


def _relabel(
    segment: Segment, doc: Doc, start: int, end: int, text: str, label: str, honorific: bool
) -> str | None:
    """The corrected label of a mention, or None when it must be dropped."""
    if _is_credit(text):
        if segment.part == "caption" and _ends_caption(segment, doc, end):
            return None
        return "ORG"
    if honorific or acting_unknown_place(doc, start, end, label):
        return "PERSON"
    if label == "ORG" and country_name_code(text):
        return "GPE"
    if country_name_code(text):
        return label
    if label in ("ORG", "PERSON", "GPE") and end - start == 1 and demonym_code(text):
        return "NORP"
    if label == "PERSON":
        if segment.part == "caption" and _before_credit(doc, end):
            return None
        if _placed_like_a_place(doc, start, end, text):
            return "PLACE"
        if doc[end - 1].text.rstrip(".").lower() in _COMPANY_SUFFIXES:
            return "ORG"  # "Robert Bosch GmbH"
    return label


def _is_credit(text: str) -> bool:
    """True when every part of ``text`` ("Getty / AFP", "AFP via Getty") is a credit."""
    credits = tables().credits
    parts = [p.strip(" .;:|").lower() for p in _CREDIT_SEPARATORS.split(text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in credits for p in parts)


def _ends_caption(segment: Segment, doc: Doc, end: int) -> bool:
    """True when only credits and punctuation follow token ``end`` in a caption."""
    rest = segment.text[doc[end - 1].idx + len(doc[end - 1].text):]
    return not rest.strip(" .;:|/,") or _is_credit(rest)


def _before_credit(doc: Doc, end: int) -> bool:
    """True when a name is followed by "/ AGENCY" (a photographer's credit)."""
    return end + 1 < len(doc) and doc[end].text == "/" and _is_credit(doc[end + 1].text)


def _placed_like_a_place(doc: Doc, start: int, end: int, text: str) -> bool:
    """True when a "person" is written where a place is: "in X, Oaxaca state, Mexico".

    Two signs, either enough: the name is followed by a comma and a known place that
    ends the phrase (a region word, another comma, or the end), as in a dateline or
    address; or it comes after a locative preposition and is itself a known country
    or region. People are rarely written either way.
    """
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = doc[end + 1]
        after = doc[end + 2] if end + 2 < len(doc) else None
        if nxt.ent_type_ == "GPE" or place_country(nxt.text):
            ends = after is None or after.is_punct or after.text in _REGION_WORDS
            if ends and not nxt.is_lower:
                return True
    before = doc[start - 1].lower_ if start > 0 else ""
    return before in _LOCATIVE and place_country(text) is not None and end - start <= 2


def _honorific_people(segment: Segment, doc: Doc) -> list[Found]:
    """Person mentions spaCy missed: an honorific and capitalised words ("Mr Ebrard").

    The text is searched with one regular expression first, so that only the few
    tokens after an honorific are looked at (walking every token costs more).
    """
    found = []
    for token in tokens_matching(doc, segment.text, honorific_pattern()):
        if token.i + 1 >= len(doc):
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < 3 and _name_word(doc[end]):
            end += 1
        if end > start:
            found.append(Found(segment, start, end, "PERSON", doc[start:end].text, honorific=True))
    return found


def _institutions(segment: Segment, doc: Doc) -> list[Found]:
    """Institutions of the table that spaCy left untagged ("Border Patrol" agents).

    Only names of two words or more, written as in the table (case matters), and
    only where no entity is: one-word names ("ICE", "WHO") are too often ordinary
    words in a headline.
    """
    found = []
    pattern, position = institution_pattern(), 0
    while match := pattern.search(segment.text, position):
        span = doc.char_span(match.start(), match.end())
        if span is not None and all(t.ent_iob_ == "O" for t in span):
            found.append(Found(segment, span.start, span.end, "ORG", span.text))
            position = match.end()
        else:  # a shorter name may start inside ("US Border Patrol" after a tagged "US")
            position = match.start() + 1
    return found


@lru_cache(maxsize=1)
def institution_pattern() -> re.Pattern[str]:
    """A pattern matching the multi-word institution names as written in the table."""
    names = sorted((n for n in tables().institution_names if " " in n), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


@lru_cache(maxsize=1)
def honorific_pattern() -> re.Pattern[str]:
    """A pattern matching any honorific of the table as a whole word."""
    words = sorted(tables().honorifics, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, words)) + r")(?=\s)")


def tokens_matching(doc: Doc, text: str, pattern: re.Pattern[str]) -> list[Token]:
    """Tokens of ``doc`` (the parse of ``text``) that are exactly a match of ``pattern``.

    ``text`` is passed in because ``doc.text`` is rebuilt token by token on each use.
    """
    out = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            out.append(span[0])
    return out


def _name_word(token) -> bool:
    """A capitalised word outside any entity (the continuation of a missed name)."""
    return token.is_title and token.is_alpha and token.ent_iob_ == "O"
