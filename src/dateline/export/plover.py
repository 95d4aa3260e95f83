"""PLOVER export: one JSON object per line in the fields of the PLOVER manual (0.8).

One record per article mention of an event that has a PLOVER type (CAMEO root 01,
public statements, has none and is left out). The merged event it belongs to is the
record's ``link``, so a user can count an event once across articles; PLOVER leaves
de-duplication to the user. Field mapping (``docs/export.md`` has the full table):

* ``id``: ``<article id>-<n>``, the n-th event of that article;
* ``date``/``time``: the event date as written in the article's own time;
* ``source``/``recipient``: lists of one actor object (``code``: the country or
  non-state code, ``sector``: the agent code, ``actor_text``: the name);
* ``event``: ``[type]``; ``quad_code``: PLOVER's quad of that type; ``event_scale``: the
  CAMEO Goldstein value;
* ``mode``/``context``: from the CAMEO to PLOVER 2021 table for the CAMEO code, plus the
  special contexts ``negation``, ``hypothetical``, ``future`` for events that did not
  (yet) occur (exported with ``--all-modes``);
* ``event_loc``: GeoNames-style location object; ``text``: the sentence; ``text_info``:
  its sentence number and character offsets; ``cite_info``: URL, title, language,
  publication; ``coder``, ``coded_date``, ``coded_time``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from dateline import __version__
from dateline.events.codebook import plover_mode_context
from dateline.export.articles import Articles, site_name
from dateline.export.countries import country
from dateline.export.geo import division_code
from dateline.query import EventMention, MergedEvent, iter_events
from dateline.records import Article, Event, Place
from dateline.store import Store

#: PLOVER's quad categories (manual 0.8), with REQUEST, the 2021 name of DEMAND.
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

#: PLOVER's special contexts for events that did not occur as stated.
SPECIAL_CONTEXT = {"negated": "negation", "hypothetical": "hypothetical", "future": "future"}

#: GeoNames feature class and code of dateline's place features.
FEATURE_CODES = {
    "country": ("A", "PCLI"), "admin1": ("A", "ADM1"), "admin2": ("A", "ADM2"),
    "city": ("P", "PPL"), "continent": ("L", "CONT"), "region": ("L", "RGN"),
}

CODEBOOK = "CAMEO 1.1b3, mapped to PLOVER by CAMEO2PLOVER-2021"


@lru_cache(maxsize=1)
def mode_context(cameo: str) -> tuple[str | None, list[str]]:
    """PLOVER mode and contexts of a CAMEO code, from the events stage's codebook."""
    return plover_mode_context(cameo)


def actor(name: str | None, code: str | None, iso3: str | None,
          sector: str | None) -> dict[str, Any] | None:
    """A PLOVER actor object, or None when there is no actor."""
    if not (name or code):
        return None
    top = iso3 or (code[:3] if code else None)
    data = {"code": top, "sector": sector, "actor_text": name}
    return {key: value for key, value in data.items() if value}


def location(place: Place | None) -> dict[str, Any] | None:
    """A PLOVER location object (GeoNames field names, spaces as underscores)."""
    if place is None:
        return None
    found = country(place.country)
    feature_class, feature_code = FEATURE_CODES.get(place.feature or "", (None, None))
    data = {
        "geonameid": place.geonameid, "name": place.name, "latitude": place.lat,
        "longitude": place.lon, "feature_class": feature_class, "feature_code": feature_code,
        "country_code": found.iso2 if found else None, "cc3": place.country,
        "admin1_code": division_code(place),
    }
    return {key: value for key, value in data.items() if value is not None}


def _date_time(date: str | None) -> dict[str, str]:
    if not date:
        return {}
    day, _, time = date.partition("T")
    return {"date": day[:10], **({"time": time} if time else {})}


def plover_record(event: MergedEvent, mention: EventMention, number: int,
                  articles: Articles) -> dict[str, Any] | None:
    """The PLOVER record of one mention (None for an event without a PLOVER type)."""
    coded: Event = mention.event
    if not coded.plover:
        return None
    article: Article = articles.get(mention.article_id)
    document = articles.document(mention.article_id)
    start = document.offset(coded.where)
    mode, contexts = mode_context(coded.cameo)
    special = SPECIAL_CONTEXT.get(coded.mode)
    source = actor(coded.source, coded.source_code, coded.source_country, coded.source_sector)
    recipient = actor(coded.target, coded.target_code, coded.target_country,
                      coded.target_sector)
    record: dict[str, Any] = {
        "id": f"{mention.article_id}-{number}", "has_event": True,
        **_date_time(coded.date or event.date),
        "source": [source] if source else [], "recipient": [recipient] if recipient else None,
        "event": [coded.plover], "event_loc": location(coded.place),
        "quad_code": QUAD.get(coded.plover), "event_scale": coded.goldstein,
        "mode": [mode] if mode else None,
        "context": (contexts + [special] if special else contexts) or None,
        "link": f"dateline-event-{event.id}", "text": coded.sentence,
        "text_info": {"sequence": document.sentence_number(start), "start": start,
                      "end": None if start is None else start + len(coded.sentence)},
        "cite_info": _cite(article),
        "coder": f"dateline {__version__}",
        "coded_date": mention.added[:10], "coded_time": mention.added[11:19] or None,
    }
    return {key: value for key, value in record.items() if value is not None}


def _cite(article: Article) -> dict[str, Any]:
    data = {"url": article.url, "title": article.title, "language": article.language,
            "publication": site_name(article) or None, "coder": f"dateline {__version__}",
            "codebook": CODEBOOK}
    return {key: value for key, value in data.items() if value}


def plover_records(store: Store, all_modes: bool = False) -> Iterator[dict[str, Any]]:
    """PLOVER records of every event mention with a PLOVER type (see module docs)."""
    articles = Articles(store)
    numbers = _mention_numbers(store)
    for count, event in enumerate(iter_events(store, all_modes), 1):
        for mention in event.mentions:
            record = plover_record(event, mention, numbers[mention.id], articles)
            if record is not None:
                yield record
        if count % 500 == 0:
            articles.clear()


def _mention_numbers(store: Store) -> dict[int, int]:
    """Event mention id -> its 1-based position among its article's events."""
    numbers, last, position = {}, None, 0
    for row in store.db.execute("SELECT id, article_id FROM event_mentions "
                                "ORDER BY article_id, id"):
        position = position + 1 if row["article_id"] == last else 1
        last = row["article_id"]
        numbers[row["id"]] = position
    return numbers
