"""A person's role, and the country and sector it implies, from the words around a name.

Two places in English news hold a role:

- a title written before the name: "US Secretary of State Antony Blinken",
  "Mexican Foreign Minister Marcelo Ebrard", "former president Trump";
- an apposition: "Marcelo Ebrard, Mexico's foreign minister," or "the mayor of
  Springfield, Jane Doe,".

A phrase counts as a role only when it ends in a role noun of the role table
(``roles.tsv`` over ``sectors_phoenix.tsv``), so "On Friday Joe Biden" has none. The
country comes from a country word inside the phrase ("US", "Mexican", "Mexico's",
"of Mexico") or from a national institution it names ("State Department spokesman").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.countries import country_code, country_name_code, place_country
from dateline.entities.tables import (
    find_institution,
    head_role,
    org_sector,
    role_of,
    tables,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words that qualify an office without being one ("former president").
MODIFIERS = frozenset({
    "former", "acting", "deputy", "vice", "interim", "outgoing", "incoming", "late",
    "then", "ex", "assistant", "associate", "senior", "chief", "top", "federal", "-",
})
#: Function words allowed inside a role ("Secretary of State", "Minister for Europe").
_CONNECTORS = frozenset({"of", "for", "the", "and", "-", "'s", "’s", "on"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s"})
#: Entity types that end a title written before a name.
_STOP_TYPES = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
#: Sectors of state offices: an office of an organisation ("club president") is none.
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL"})
#: Longest title looked at before a name, in tokens.
_MAX_TITLE = 9
#: Longest apposition looked at, in tokens (longer ones are clauses, not roles).
_MAX_APPOSITION = 14


@dataclass(slots=True)
class RoleFact:
    """A role as written, and what it says about the person holding it."""

    text: str
    sector: str | None
    national: bool
    country: str | None
    start: int = 0
    end: int = 0
    noun_start: int = 0
    #: The country is written as a place or nationality ("Ukrainian President"), not
    #: known from an institution ("White House press secretary").
    country_written: bool = False


def person_role(doc: Doc, start: int, end: int, outer: int | None = None) -> RoleFact | None:
    """The role of the person named by tokens ``start:end`` of ``doc``, if any.

    ``outer`` is where spaCy's entity began when the name was trimmed from it
    ("Queen Elizabeth" -> "Elizabeth"): the trimmed words may be read as a title.
    """
    return role_before(doc, start, outer) or role_in_apposition(doc, start, end)


def role_before(doc: Doc, start: int, outer: int | None = None) -> RoleFact | None:
    """A title written just before a name ("US District Judge" Matthew Kacsmaryk)."""
    words = tables().role_words
    first = start
    outer = start if outer is None else outer
    while first > 0 and start - first < _MAX_TITLE:
        token = doc[first - 1]
        if first - 1 < outer and not _title_word(token, words):
            break
        first -= 1
        if token.is_sent_start:
            break
    if first == start:
        return None
    return _analyse([doc[i] for i in range(first, start)])


def _title_word(token: Token, words: frozenset[str]) -> bool:
    """True when ``token`` can be part of a title written before a name."""
    if token.ent_type_ in _STOP_TYPES and not _possessor(token):
        return False
    lower = token.lower_
    if lower in words or lower in MODIFIERS or lower in _CONNECTORS:
        return True
    if token.is_title or token.is_upper:
        return token.pos_ in ("PROPN", "NOUN", "ADJ") and not token.is_punct
    return False


def _possessor(token: Token) -> bool:
    """True for a word of a possessive name before a title ("Delhi's" Chief Minister),
    which spaCy sometimes tags PERSON."""
    doc = token.doc
    if token.text in _POSSESSIVE_MARKS:
        return True
    i = token.i
    while i < len(doc) and doc[i].ent_iob_ in ("B", "I") and doc[i].text not in _POSSESSIVE_MARKS:
        i += 1
        if i < len(doc) and doc[i].ent_iob_ == "B":
            return False
    return i < len(doc) and doc[i].text in _POSSESSIVE_MARKS


def role_in_apposition(doc: Doc, start: int, end: int) -> RoleFact | None:
    """A role in an apposition next to the name: "X, Mexico's foreign minister,"."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            tokens = [doc[i] for i in range(child.left_edge.i, child.right_edge.i + 1)]
            if len(tokens) <= _MAX_APPOSITION:
                return _analyse(tokens, head=child)
    if root.dep_ != "appos" or root.head.i >= start:
        return None
    for head in _heads_before(root.head):
        tokens = [doc[i] for i in range(head.left_edge.i, start) if doc[i].text != ","]
        found = _analyse(tokens, head=head) if len(tokens) <= _MAX_APPOSITION else None
        if found is not None:
            return found
    return None


def _heads_before(head: Token) -> list[Token]:
    """The noun a name is in apposition to, and the noun above it when the parser
    hung the name on the object of "of" ("the mayor of Houston, Tom Reyes")."""
    heads = [head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        heads.append(head.head.head)
    return heads


def _analyse(tokens: list[Token], head: Token | None = None) -> RoleFact | None:
    """Role, sector and country of a title or apposition, or None if it holds no role.

    ``head`` is the noun the phrase is about (for appositions); a title's head is its
    last word.
    """
    tokens = _strip_function_words(_cut_clause(tokens))
    if not tokens:
        return None
    last = tokens.index(head) if head is not None and head in tokens else len(tokens) - 1
    lowered = [t.lower_ for t in tokens]
    found = head_role(lowered[: last + 1])
    if found is None:
        return None
    role_start, role = found
    first = _extend_left(tokens, role_start)
    tokens, lowered, role_start = tokens[first:], lowered[first:], role_start - first
    role_tokens = _strip_function_words(_drop_country_prefix(tokens))
    if not role_tokens:
        return None
    country = _country_of(tokens)
    written = country is not None
    sector = role.sector
    institution = find_institution([t.text for t in tokens])
    national = role.national or _national_without_modifiers(lowered[role_start:])
    if institution is not None:
        country = country or institution.country
        sector = sector or institution.sector
    else:
        organisation = _organisation_in(tokens, role_start, last - first) if role.generic else []
        if organisation:  # "Hockey Association president": not a national office
            national = False
            sector = org_sector(organisation) or (
                None if sector in _STATE_SECTORS else sector)
    text = _expand(role_tokens)
    return RoleFact(
        text=text, sector=sector, national=national, country=country,
        start=tokens[0].i, end=tokens[-1].i + 1, noun_start=tokens[role_start].i,
        country_written=written,
    )


def _organisation_in(tokens: list[Token], noun_start: int, noun_end: int) -> list[str]:
    """Lower-cased words of the first organisation (spaCy ORG) named in a role phrase
    outside its role noun ("Cloverdale Hockey Association" president), else []."""
    words: list[str] = []
    for i, token in enumerate(tokens):
        inside = noun_start <= i <= noun_end
        if token.ent_type_ == "ORG" and not inside:
            words.append(token.lower_)
        elif words:
            break
    return words


def _extend_left(tokens: list[Token], start: int) -> int:
    """Index where a role begins: its role noun phrase and the qualifiers before it.

    Qualifiers are modifiers ("former"), capitalised words (countries, institutions,
    "Foreign") and connectors between them; a lower-case word that is neither ends
    the role ("under former president" -> "former president").
    """
    while start > 0:
        token = tokens[start - 1]
        lower = token.lower_
        if not (lower in MODIFIERS or lower in _CONNECTORS or token.is_title
                or token.is_upper or token.text in _POSSESSIVE_MARKS):
            break
        start -= 1
    return start


def _cut_clause(tokens: list[Token]) -> list[Token]:
    """Tokens before a comma or relative pronoun (the rest is another clause)."""
    for i, token in enumerate(tokens):
        if token.text in (",", ";", "(", ")", "—", "–") or token.lower_ in ("who", "which"):
            return tokens[:i]
    return tokens


def _strip_function_words(tokens: list[Token]) -> list[Token]:
    """Drop determiners and connectors at either end of a phrase."""
    edge = _CONNECTORS | {"a", "an", "its", "his", "her", "their"}
    while tokens and (tokens[0].lower_ in edge or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in edge or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _is_country_token(token: Token) -> bool:
    """A word naming a country or nationality ("US", "Mexican", "Mexico")."""
    return country_code(token.text) is not None


def _drop_country_prefix(tokens: list[Token]) -> list[Token]:
    """The phrase without its leading country words ("US", "Mexico 's") or a leading
    possessive place ("Delhi 's" Chief Minister): the country is kept apart."""
    i = 0
    while i < len(tokens) and (_is_country_token(tokens[i]) or
                               tokens[i].text in _POSSESSIVE_MARKS):
        i += 1
    marks = [j for j, t in enumerate(tokens[:4]) if t.text in _POSSESSIVE_MARKS]
    if marks and marks[0] >= i and place_country(_join(tokens[i: marks[0]]) if marks[0] > i
                                                 else ""):
        i = marks[0] + 1
    return tokens[i:]


#: Nouns of people who know or cover a country without belonging to it: "a Ukraine
#: specialist", "the White House Russia adviser", "a China expert".
EXPERTISE_NOUNS = frozenset({
    "specialist", "expert", "analyst", "adviser", "advisor", "scholar", "watcher",
    "hand", "correspondent", "czar", "tsar",
})


def names_a_topic(token: Token) -> bool:
    """``token`` is a country's name written out (not its demonym, not an abbreviation)
    as the subject of an expertise ("Ukraine" in "a Ukraine specialist"): the country
    is the topic, not the person's. "A Ukrainian specialist" is Ukrainian, and so is
    "a US adviser": abbreviations stand for the adjective."""
    return (token.dep_ == "compound" and token.head.lemma_.lower() in EXPERTISE_NOUNS
            and not token.is_upper and country_name_code(token.text) is not None)


def _country_of(tokens: list[Token]) -> str | None:
    """The first country a phrase names: a country word or a place ("of Springfield").

    A country after "to" is where an envoy is sent ("ambassador to Britain", "special
    envoy to Ukraine"), not the holder's: the phrase is read up to it. A country that
    is the topic of an expertise ("a Ukraine specialist") is passed over.
    """
    cut = next((i for i, t in enumerate(tokens) if t.lower_ == "to"), len(tokens))
    tokens = [t for t in tokens[:cut] if not names_a_topic(t)]
    for token in tokens:
        code = country_code(token.text)
        if code:
            return code
    for token, after in zip(tokens, tokens[1:], strict=False):
        if after.text in _POSSESSIVE_MARKS and token.is_title:  # "Kano's Governor"
            code = place_country(token.text)
            if code:
                return code
    for token in tokens:
        if token.ent_iob_ == "B" and token.ent_type_ in ("GPE", "LOC", "PERSON", "ORG"):
            ent = next((e for e in token.doc.ents if e.start == token.i), None)
            code = place_country(ent.text) if ent is not None else None
            if code:
                return code
    return None


def _national_without_modifiers(words: list[str]) -> bool:
    """True when the office without "former", "acting"... is a national one."""
    core = [w for w in words if w not in MODIFIERS]
    found = role_of(core) if core else None
    return bool(found and found.national)


def _join(tokens: list[Token]) -> str:
    """The text of tokens as written (their own spacing when consecutive)."""
    if not tokens:
        return ""
    if tokens[-1].i - tokens[0].i + 1 == len(tokens):
        return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text
    return " ".join(t.text for t in tokens)


def _expand(tokens: list[Token]) -> str:
    """Role text with abbreviated titles written out ("South Dakota Gov." ->
    "South Dakota Governor"), from the honorifics table."""
    honorifics = tables().honorifics
    if not any(honorifics.get(t.text) for t in tokens):
        return _join(tokens)
    return " ".join(honorifics.get(t.text) or t.text for t in tokens)
