"""Where an article names places: NER's place entities, corrected with the gazetteer.

Sources, merged so that each span counts once (:func:`place_mentions`):

* the mentions of GPE, LOC and FAC entities (from the entities stage, else spaCy's
  own entities of each segment's ``doc``);
* a well-known place name that NER took for a person: a one-word "person" who is
  never named in full ("Alexandria woman charged"), or one with a place cue around
  it ("in Alexandria", "Alexandria, Va.");
* a place that opens or closes an organisation's or a facility's name: "the
  Mansfield Police Department", "the University of Hartford" (not a street: "Memphis
  Street" is no mention of Memphis);
* a division written as an abbreviation right after a place ("Paris, Ky.").

Nationality words are not place mentions ("Mexican officials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.parse.segments import Segment
from dateline.places.gazetteer import gazetteer, is_demonym, is_place, lookup
from dateline.places.resolve import qualifier_areas
from dateline.records import Entity

PLACE_TYPES = ("GPE", "LOC", "FAC")
#: Entity types whose names may open or close with a place.
HOST_TYPES = ("ORG", "FAC")
#: Words before a name that make it a place even when NER took it for a person
#: ("in Alexandria"). "of" is left out: "the son of Jordan".
LOCATIVE = {
    "in", "at", "from", "near", "outside", "across", "around", "to", "toward", "towards",
    "throughout",
}
#: A one-word "person" never named in full is taken for a place only when the place
#: is prominent: a country, a state, or a city this big ("Alexandria", not "Obama").
LONE_NAME_POPULATION = 100_000
#: Words before a name that make it a person after all ("President Obama").
TITLES = {
    "president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep",
    "rep.", "gov", "gov.", "mayor", "coach", "judge", "sheriff", "officer", "pastor", "rev.",
    "saint", "st.", "king", "queen", "prince", "pope",
}
#: Words that open institutions' names and are also the names of towns somewhere
#: ("University", Florida; "Union", New Jersey): never a place opening a name.
INSTITUTION_WORDS = {
    "university", "college", "school", "church", "hospital", "police", "department",
    "county", "city", "state", "national", "international", "central", "north", "south",
    "east", "west", "united", "union", "first", "community", "american", "royal", "federal",
    "general", "independence", "liberty", "victory", "progress", "unity",
}
#: Characters after a mention that may hold its qualifier (", South Carolina").
AFTER_CHARS = 40
_ABBREVIATION_AFTER = re.compile(r",\s*((?:[A-Z][a-z]{0,4}\.\s?){1,2}|[A-Z]{2}\b)")
_STREET = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|highway|hwy|drive|dr|boulevard|blvd|lane|ln|way|"
    r"parkway|pkwy|trail|court|place|square|bridge|pike)\.?$",
    re.IGNORECASE,
)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(slots=True)
class PlaceMention:
    """A span of a segment that names a place, and the NER type it came from."""

    text: str
    type: str
    segment: Segment
    start: int
    end: int

    @property
    def after(self) -> str:
        """The text right after the mention, where a qualifier would stand."""
        return self.segment.text[self.end : self.end + AFTER_CHARS]


#: (group name, NER type, segment, start, end) of one entity mention.
Span = tuple[str, str, Segment, int, int]


def _named_spans(segments: list[Segment], entities: list[Entity]) -> list[Span]:
    """(group name, type, segment, start, end) of every entity mention.

    From the entities stage when it ran (it saw the same parse and may have retyped
    a span on purpose), else from spaCy's entities; the group name is the entity's
    canonical name, or the text itself for spaCy's.
    """
    spans = []
    if entities:
        by_part = {(s.part, s.index): s for s in reversed(segments)}  # the first one wins
        for entity in entities:
            for mention in entity.mentions:
                where = mention.where
                segment = by_part.get((where.part, where.index))
                if segment is not None:
                    spans.append((entity.name, entity.type, segment, where.start, where.end))
        return spans
    for segment in segments:
        for ent in segment.doc.ents if segment.doc is not None else ():
            spans.append((ent.text, ent.label_, segment, ent.start_char, ent.end_char))
    return spans


def _misread_people(spans: list[Span]) -> list[PlaceMention]:
    """Well-known place names that NER took for people (see the module's docstring)."""
    people = [s for s in spans if s[1] == "PERSON"]
    full_names = {word for name, *_ in people if " " in name for word in name.split()}
    found = []
    for name, _, segment, start, end in people:
        text = segment.text[start:end]
        if not is_place(text):
            continue
        mention = PlaceMention(text, "GPE", segment, start, end)
        previous = _previous_word(segment, start)
        lone = " " not in name and name not in full_names and previous not in TITLES
        if (lone and _prominent(text)) or previous in LOCATIVE or qualifier_areas(mention.after):
            found.append(mention)
    return found


def _prominent(name: str) -> bool:
    """Whether the best-known place of this name is a country, a state or a big city."""
    return any(
        c.feature in ("country", "admin1") or c.population >= LONE_NAME_POPULATION
        for c in lookup(name)
        if not c.alias
    )


def _previous_word(segment: Segment, start: int) -> str:
    words = segment.text[:start].split()
    return words[-1].lower() if words else ""


def _embedded_places(spans: list[Span]) -> list[PlaceMention]:
    """A known place opening or closing an organisation's or facility's name."""
    found = []
    for _, kind, segment, start, end in spans:
        text = segment.text[start:end]
        if kind not in HOST_TYPES or (kind == "FAC" and _STREET.search(text)):
            continue
        for offset, part in _place_parts(text):
            begin = start + offset
            found.append(PlaceMention(part, "GPE", segment, begin, begin + len(part)))
    return found


def _place_parts(name: str) -> list[tuple[int, str]]:
    """(offset, text) of the place opening a name ("Mansfield Police") or closing it
    after "of" ("University of Hartford"), tried longest first."""
    parts = []
    body = _LEADING_THE.sub("", name)
    shift = len(name) - len(body)
    words = body.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        head = _POSSESSIVE.sub("", " ".join(words[:size]))
        if words[0].lower() in INSTITUTION_WORDS or " of " in head:
            break
        if is_place(head):
            parts.append((shift, head))
            break
    if " of " in body:
        tail = body.rsplit(" of ", 1)[1]
        tail = _LEADING_THE.sub("", tail)
        if is_place(tail) and tail != body:
            parts.append((len(name) - len(tail), tail))
    return parts


def _abbreviations(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Ky." in "Paris, Ky.": a division abbreviation right after a place mention."""
    found = []
    for mention in mentions:
        match = _ABBREVIATION_AFTER.match(mention.after)
        if match and gazetteer().abbreviation(match.group(1)):
            start = mention.end + match.start(1)
            text = match.group(1).strip()
            found.append(PlaceMention(text, "GPE", mention.segment, start, start + len(text)))
    return found


def place_mentions(segments: list[Segment], entities: list[Entity]) -> list[PlaceMention]:
    """Every place mention of an article, each span once, in reading order."""
    spans = _named_spans(segments, entities)
    mentions = [
        PlaceMention(segment.text[start:end], kind, segment, start, end)
        for _, kind, segment, start, end in spans
        if kind in PLACE_TYPES
    ]
    mentions += _misread_people(spans) + _embedded_places(spans)
    mentions += _abbreviations(mentions)
    order = {id(s): n for n, s in enumerate(segments)}
    unique: dict[tuple[int, int, int], PlaceMention] = {}
    for mention in mentions:
        if is_demonym(mention.text):
            continue
        key = (order[id(mention.segment)], mention.start, mention.end)
        if not any(k[0] == key[0] and k[1] < key[2] and key[1] < k[2] for k in unique):
            unique[key] = mention
    return [unique[k] for k in sorted(unique)]
