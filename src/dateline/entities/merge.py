"""Grouping the mentions of one article into canonical entities.

- People: a full name ("Antony Blinken") absorbs every shorter mention that ends in
  its last name ("Blinken", "Mr Blinken"), whatever label spaCy gave the short one,
  unless that word is a known place or country; two full names with the same first
  and last words are one person. A lone last name goes to the nearest full name
  before it (the one the reader has in mind), else the first one after it.
- Countries: "US", "U.S.", "United States" and "America" are one GPE; "Mexican" and
  "Mexicans" one NORP.
- Everything else: the same words, ignoring case and a leading "the"; a leading
  country word does not make another organisation ("US Border Patrol" and "Border
  Patrol"); an acronym joins the organisation whose initials it spells.
"""

from __future__ import annotations

from collections import Counter

from dateline.countries import (
    country_code,
    country_name_code,
    demonym_code,
    place_country,
)
from dateline.entities.mentions import Found

#: Words after a surname that are not the surname ("Jr.", "III").
_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV", "V"})


class Group:
    """Mentions that name one entity, in reading order."""

    def __init__(self, first: Found) -> None:
        self.mentions: list[Found] = [first]

    def add(self, mention: Found) -> None:
        self.mentions.append(mention)

    @property
    def label(self) -> str:
        """The most frequent label (a person's wins once it has a full name).

        A one-word "person" never written with a first name or honorific but written
        after "in", "near"... and known as a place is that place ("in Surrey").
        """
        labels = Counter(m.label for m in self.mentions)
        people = [m for m in self.mentions if m.label == "PERSON"]
        if any(len(m.words) > 1 for m in people):
            return "PERSON"
        if people and not any(m.honorific or m.role for m in people) and any(
                m.after_locative for m in self.mentions) and place_country(
                self.mentions[0].text):
            return "GPE"
        return max(labels, key=lambda lab: (labels[lab], -self._first_index(lab)))

    def _first_index(self, label: str) -> int:
        return next(i for i, m in enumerate(self.mentions) if m.label == label)


def group_mentions(mentions: list[Found]) -> list[Group]:
    """Groups of ``mentions`` (given in reading order), one per entity."""
    lone_names = _promote_people(mentions)
    groups: list[Group] = list(dict.fromkeys(_full_names(mentions).values()))
    people: dict[str, list[Group]] = {}
    for group in groups:
        people.setdefault(last_name(group.mentions[0].words).lower(), []).append(group)
    firsts = _first_names(groups, people)
    by_key: dict[tuple[str, str], Group] = {}
    for mention in mentions:
        if mention.label == "PERSON" and len(mention.words) > 1:
            continue
        person = _person_for(mention, people)
        if person is None and mention.label == "PERSON" and len(mention.words) == 1:
            person = firsts.get(mention.text.lower())
        if person is not None:
            person.add(mention)
            continue
        key = _key(mention)
        if key[0] == "name" and key[1] in lone_names:
            key = ("person", key[1])
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = Group(mention)
            groups.append(group)
        else:
            group.add(mention)
    groups = _merge_acronyms(groups)
    for group in groups:
        group.mentions.sort(key=lambda m: m.order)
    groups.sort(key=lambda g: g.mentions[0].order)
    return groups


def _promote_people(mentions: list[Found]) -> set[str]:
    """Make spaCy's labels of one person agree within the article.

    When a word is tagged PERSON on its own somewhere ("Rudolph"), a two- or three-word
    capitalised mention ending in it is a person too ("Mason Rudolph", tagged ORG),
    and a lone mention of the same word with another label belongs to the same
    entity (its label then goes by majority). Countries and places are never
    promoted. Returns the lower-cased lone person names.
    """
    lone = {
        m.text.lower() for m in mentions
        if m.label == "PERSON" and len(m.words) == 1 and not _is_place_word(m)
    }
    for mention in mentions:
        words = mention.words
        if (mention.label in ("ORG", "GPE", "NORP", "FAC") and 1 < len(words) <= 3
                and words[-1].lower() in lone and all(w.istitle() for w in words)
                and not place_country(mention.text)):
            mention.label = "PERSON"
    return lone


def _full_names(mentions: list[Found]) -> dict[int, Group]:
    """Multi-word person mentions grouped by (first word, last word); by mention id."""
    by_ends: dict[tuple[str, str], Group] = {}
    out: dict[int, Group] = {}
    for mention in mentions:
        words = mention.words
        if mention.label != "PERSON" or len(words) < 2:
            continue
        key = (words[0].lower(), last_name(words).lower())
        group = by_ends.get(key)
        if group is None:
            group = by_ends[key] = Group(mention)
        else:
            group.add(mention)
        out[id(mention)] = group
    return out


def _first_names(groups: list[Group], people: dict[str, list[Group]]) -> dict[str, Group]:
    """First name -> the one person of the article with that first name ("Kody" for
    Kody Cook), when no one has it as a last name: stories about families and children
    call people by their first name."""
    by_first: dict[str, list[Group]] = {}
    for group in groups:
        by_first.setdefault(group.mentions[0].words[0].lower(), []).append(group)
    return {first: found[0] for first, found in by_first.items()
            if len(found) == 1 and first not in people and len(first) > 1}


def _person_for(mention: Found, people: dict[str, list[Group]]) -> Group | None:
    """The full-name group a one-word mention refers to, by its last name."""
    if len(mention.words) != 1:
        return None
    candidates = people.get(mention.text.lower())
    if not candidates:
        return None
    if mention.label != "PERSON" and not mention.honorific and _is_place_word(mention):
        return None
    before = [g for g in candidates if g.mentions[0].order < mention.order]
    if before:
        return max(before, key=lambda g: max(m.order for m in g.mentions
                                             if m.order < mention.order))
    return candidates[0]


def last_name(words: list[str]) -> str:
    """The last name of a full name, skipping suffixes ("Martin Luther King Jr.")."""
    while len(words) > 2 and name_suffix(words[-1]):
        words = words[:-1]
    return words[-1]


def name_suffix(word: str) -> bool:
    """True for a word written after a surname that is no name itself ("Jr.", "III")."""
    return word.rstrip(".").upper() in _SUFFIXES


def _is_place_word(mention: Found) -> bool:
    """True when a one-word mention is a country, demonym or known place."""
    text = mention.text
    return bool(country_code(text) or
                (mention.label in ("GPE", "LOC", "FAC") and place_country(text)))


def _key(mention: Found) -> tuple[str, str]:
    """What two non-person mentions of one entity share.

    A one-word "person" that is a country's name and nobody's last name here is
    the country ("Jordan" is Michael Jordan only when he is in the article).
    """
    text = mention.text
    if mention.label == "PERSON" and not mention.honorific and country_name_code(text):
        mention.label = "GPE"
    if mention.label == "GPE":
        code = country_name_code(text)
        if code:
            return ("country", code)
    if mention.label == "NORP":
        code = demonym_code(text)
        if code:
            return ("people", code)
    words = text.replace("’", "'").split()
    if len(words) > 1 and mention.label == "ORG" and country_code(words[0]):
        words = words[1:]
    kind = "person" if mention.label == "PERSON" else "name"
    return (kind, " ".join(words).lower().removesuffix("'s"))


def _initials(text: str) -> str:
    """Initials of the capitalised words ("Federal Bureau of Investigation" -> "FBI")."""
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def _merge_acronyms(groups: list[Group]) -> list[Group]:
    """Fold an all-capital ORG ("FBI") into the ORG whose initials it spells."""
    long_forms: dict[str, Group] = {}
    for group in groups:
        name = _longest(group)
        if group.label == "ORG" and len(name.split()) > 1:
            long_forms.setdefault(_initials(name), group)
    kept = []
    for group in groups:
        name = _longest(group)
        target = long_forms.get(name) if name.isupper() and group.label == "ORG" else None
        if target is not None and target is not group:
            target.mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _longest(group: Group) -> str:
    """The longest mention text of a group (by words, then characters)."""
    return max((m.text for m in group.mentions), key=lambda t: (len(t.split()), len(t)))
