"""Place mentions of an article, resolved to gazetteer entries.

:func:`find_places` collects the place names of an article and resolves them all
together (:mod:`dateline.places.resolve`), so each name is read in the light of the
others. :func:`main_place` picks the place the article is about.

Which mentions count (see :mod:`dateline.places.mentions`): GPE, LOC and FAC
entities, place names NER took for people, places opening an organisation's name
("the Mansfield Police Department"), and division abbreviations ("Paris, Ky.").
Demonyms ("Mexican officials") are not place mentions: the entities stage turns them
into an actor's country. Mentions the gazetteer cannot resolve are kept with null
fields when they are GPE or LOC (a real place our data lacks) and dropped when FAC
(buildings, roads, airports).
"""

from __future__ import annotations

import re

from dateline.parse.segments import Segment
from dateline.places.gazetteer import Candidate
from dateline.places.mentions import PlaceMention, place_mentions
from dateline.places.resolve import Toponym, resolve
from dateline.records import Entity, Place


def _place(mention: PlaceMention, found: Candidate | None) -> Place:
    where = mention.segment.where(mention.start, mention.end)
    if found is None:
        return Place(name=mention.text, text=mention.text, where=where)
    return Place(
        name=found.name,
        text=mention.text,
        country=found.country,
        admin1=found.admin1,
        lat=round(found.lat, 5),
        lon=round(found.lon, 5),
        feature=found.feature,
        geonameid=found.geonameid,
        where=where,
    )


def find_places(segments: list[Segment], entities: list[Entity]) -> list[Place]:
    """Every place mention of an article, resolved in the context of the others.

    ``segments`` are parsed (``segment.doc`` set); ``entities`` come from
    :func:`dateline.entities.find.find_entities` (an empty list makes this use
    spaCy's entities directly). Unresolved GPE/LOC mentions keep null fields;
    unresolved FAC mentions are dropped.
    """
    mentions = place_mentions(segments, entities)
    resolved = resolve([Toponym(m.text, m.after) for m in mentions])
    return [
        _place(mention, found)
        for mention, found in zip(mentions, resolved, strict=True)
        if found is not None or mention.type != "FAC"
    ]


def align_entity_countries(entities: list[Entity], places: list[Place]) -> None:
    """Give place entities the country their resolved mentions lie in.

    The entities stage looks a place name up alone ("Lerida": the largest town of that
    main name, in Colombia); the gazetteer reads it with the article's other places and
    its English names (Lleida, Spain). Where all of an entity's resolved mentions agree
    on a country, that country replaces the entity's, and the actors that borrow it
    follow. An entity the lookup placed in no country keeps none: a name no table knows
    as a place ("Mars") is left to the gazetteer's places, not made a country's.
    """
    by_where = {(p.where.part, p.where.index, p.where.start): p.country
                for p in places if p.where is not None and p.country}
    for entity in entities:
        if entity.type not in {"GPE", "LOC", "FAC"} or entity.country is None:
            continue
        countries = {by_where.get((m.where.part, m.where.index, m.where.start))
                     for m in entity.mentions} - {None}
        if len(countries) == 1:
            entity.country = countries.pop()


#: How telling a mention of each kind of place is of where the article is: a town
#: says more than the country around it.
SPECIFICITY = {"city": 1.5, "admin2": 1.3, "admin1": 1.0, "country": 0.8}
#: A place in the title, or in the opening words of the first paragraph (a dateline,
#: "EL PASO, Texas -"), is what the article is about.
TITLE_WEIGHT = 2.0
DATELINE_CHARS = 40
#: Mentions a place needs, besides half the article's place score, to be its main
#: place without a dateline.
DOMINANT_MENTIONS = 3


def main_place(places: list[Place], opening: str | None = None) -> Place | None:
    """The place the article is about, when the article gives evidence of one, else None.

    Evidence is either a dateline or a place that dominates the article:

    - a resolved place mentioned in the first 40 characters of the first body
      paragraph, with nothing but capitals and punctuation before it when that
      paragraph's text is given as ``opening`` ("EL PASO, Texas -", "(CNN) LONDON -";
      not "In October, Rep. X visited El Paso");
    - otherwise each resolved place scores the number of its mentions (a title mention
      counts 2) times its specificity (city 1.5, county 1.3, state 1.0, country 0.8,
      other 0.5); the highest score wins (ties to the place mentioned first) when it
      has at least three mentions and half the score of all places. An article that
      names many places about as often gives no main place.

    The first mention of the winner is returned.
    """
    resolved = [p for p in places if p.lat is not None and p.where is not None]
    if not resolved:
        return None
    body = [p for p in resolved if p.where.part == "body"]
    first_index = min((p.where.index for p in body), default=None)
    dateline = [
        p for p in body if p.where.index == first_index == 0 and p.where.start < DATELINE_CHARS
        and (opening is None or _dateline_prefix(opening[:p.where.start]))
    ]
    if dateline:
        return min(dateline, key=lambda p: p.where.start)
    scores: dict[tuple, float] = {}
    mentions: dict[tuple, int] = {}
    first: dict[tuple, Place] = {}
    for place in resolved:
        key = (place.geonameid, place.name, place.country)
        weight = TITLE_WEIGHT if place.where.part == "title" else 1.0
        scores[key] = scores.get(key, 0.0) + weight * SPECIFICITY.get(place.feature or "", 0.5)
        mentions[key] = mentions.get(key, 0) + 1
        first.setdefault(key, place)
    # max keeps the first of equal scores: keys are in order of first mention
    best = max(scores, key=scores.__getitem__)
    if mentions[best] < DOMINANT_MENTIONS or scores[best] * 2 < sum(scores.values()):
        return None
    return first[best]


def _dateline_prefix(text: str) -> bool:
    """Text before a dateline's place: capitals, punctuation, a bracketed source only."""
    outside = re.sub(r"\([^)]*\)", "", text)
    return not any(c.islower() for c in outside)
