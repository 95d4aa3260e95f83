"""Read-only queries over a dateline store: merged events, quotes, entities.

Functions take an open :class:`~dateline.store.Store` (see :func:`open_store`) and
never write to it. Modules:

``events``    merged events and their GDELT figures (:func:`find_events`,
              :func:`iter_events`, :func:`event_counts`)
``quotes``    quotes by speaker or full-text search (:func:`find_quotes`)
``entities``  canonical entities across articles (:func:`find_entities`, :func:`get_entity`,
              :func:`entity_timeline`, :func:`related_entities`)
``articles``  articles by full-text search and filters (:func:`find_articles`)
``overview``  figures over selected events: per day, per actor pair, per place
              (:func:`timeline`, :func:`network`, :func:`places`)
``sites``     the sites an article was read at (:func:`site_keys`, :func:`url_host`)
``sql``       opening a store, and SQL helpers the others share
"""

from __future__ import annotations

from dateline.query.articles import ArticleHit, ArticleQuery, find_articles
from dateline.query.entities import (
    EntityRow,
    entity_timeline,
    find_entities,
    get_entity,
    related_entities,
)
from dateline.query.events import (
    EventMention,
    EventQuery,
    MergedEvent,
    event_counts,
    find_events,
    iter_events,
)
from dateline.query.overview import Dyad, network, places, timeline
from dateline.query.quotes import QuoteRow, find_quotes, speaker_entities
from dateline.query.sites import site_keys, url_host
from dateline.query.sql import open_store

__all__ = [
    "ArticleHit", "ArticleQuery", "Dyad", "entity_timeline", "find_articles", "get_entity",
    "network", "places", "related_entities", "timeline",
    "EntityRow", "EventMention", "EventQuery", "MergedEvent", "QuoteRow", "event_counts",
    "find_entities", "find_events", "find_quotes", "iter_events", "open_store",
    "site_keys", "speaker_entities", "url_host",
]
