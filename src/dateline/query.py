"""Read-only queries over a dateline store: merged events, quotes, entities.

The store merges event mentions into events as it writes them (see
``Store._add_event_mention``); this module reads them back with the figures GDELT
gives each event, computed at query time:

* ``num_mentions``: the event's mentions (one per article sentence that reports it);
* ``num_articles``: the distinct articles among them;
* ``num_sources``: the distinct sites those articles were read at (every sighting of
  every article: the sighting's ``site``, else its URL's host; an article seen nowhere
  known counts as a source of its own).

Functions take an open :class:`~dateline.store.Store` and never write to it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import ConfigError, StoreError
from dateline.records import Event, Place, to_dict
from dateline.store import Store

__all__ = [
    "EntityRow", "EventMention", "EventQuery", "MergedEvent", "QuoteRow", "event_counts",
    "find_entities", "find_events", "find_quotes", "iter_events", "open_store",
    "site_keys", "speaker_entities", "url_host",
]

#: Rows fetched per SQL ``IN (...)`` list: well under SQLite's variable limit.
CHUNK = 500

#: The 16 PLOVER 2021 types dateline codes (and the older names ``--type`` accepts).
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                    "FIGHT": "ASSAULT"}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def open_store(path: str | Path) -> Store:
    """Open an existing store for reading; a missing file is an error, not a new store."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database (store articles first with "
                         "`dateline run PATHS --db FILE`)")
    return Store(path)


# --- events -----------------------------------------------------------------------------


@dataclass(slots=True)
class EventMention:
    """One article's report of an event: the coded :class:`Event` and where it came from."""

    id: int
    event_id: int
    article_id: str
    event: Event
    added: str


@dataclass(slots=True)
class MergedEvent:
    """One event as the store merged it across articles, with its mentions."""

    id: int
    date: str | None
    source_code: str | None
    target_code: str | None
    cameo_root: str
    occurred: bool
    first_added: str
    mentions: list[EventMention]
    num_sources: int
    num_articles: int = field(init=False)

    def __post_init__(self) -> None:
        self.num_articles = len({m.article_id for m in self.mentions})

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def lead(self) -> EventMention:
        """The mention that speaks for the event: of its most frequent CAMEO code, the
        most confident (the earliest on ties)."""
        votes: dict[str, int] = {}
        for mention in self.mentions:
            votes[mention.event.cameo] = votes.get(mention.event.cameo, 0) + 1
        best = max(votes.values())
        ranked = sorted(self.mentions, key=lambda m: (-m.event.confidence, m.id))
        return next(m for m in ranked if votes[m.event.cameo] == best)

    @property
    def place(self) -> Place | None:
        """The lead mention's place, else the first place any mention has."""
        lead = self.lead.event.place
        return lead or next((m.event.place for m in self.mentions if m.event.place), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: the lead mention's fields plus the merge figures."""
        lead = self.lead.event
        data = {"id": self.id, "date": self.date}
        for name in ("source", "source_code", "source_country", "source_sector", "cameo",
                     "cameo_root", "plover", "quad_class", "goldstein", "target",
                     "target_code", "target_country", "target_sector"):
            data[name] = getattr(lead, name)
        data.update(place=to_dict(self.place), num_mentions=self.num_mentions,
                    num_sources=self.num_sources, num_articles=self.num_articles,
                    occurred=self.occurred, mode=lead.mode, sentence=lead.sentence,
                    article_id=self.lead.article_id,
                    articles=sorted({m.article_id for m in self.mentions}),
                    first_added=self.first_added)
        return data


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of :func:`find_events` (None = no filter)."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    all_modes: bool = False
    limit: int | None = 50


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _type_condition(code: str) -> tuple[str, list[str]]:
    """SQL on mention ``m`` for a CAMEO code prefix ("04", "043") or a PLOVER type."""
    code = code.strip()
    if code.isdigit() and 1 <= len(code) <= 4:
        return "m.cameo LIKE ?", [code + "%"]
    name = PLOVER_OLD_NAMES.get(code.upper(), code.upper())
    if name not in PLOVER_TYPES:
        raise ConfigError(f"--type {code!r}: give a CAMEO code prefix (\"04\", \"043\") or "
                          f"a PLOVER type ({', '.join(sorted(PLOVER_TYPES))})")
    return "m.plover = ?", [name]


def _valid_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _date_condition(column: str, value: str, op: str, name: str) -> tuple[str, list]:
    """Compare the event date's leading characters with YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _valid_date(value):
        raise ConfigError(f"--{name} {value!r}: write a calendar date as YYYY-MM-DD "
                          "(or YYYY-MM, YYYY)")
    return f"substr({column}, 1, {len(value)}) {op} ?", [value]


def _mention_conditions(query: EventQuery) -> tuple[list[str], list]:
    conditions, params = [], []
    if query.actor:
        conditions.append("(lower(m.source) LIKE ? ESCAPE '\\' OR lower(m.target) LIKE ? "
                          "ESCAPE '\\' OR lower(m.source_code) LIKE ? ESCAPE '\\' OR "
                          "lower(m.target_code) LIKE ? ESCAPE '\\')")
        params += [_like(query.actor)] * 4
    if query.country:
        code = query.country.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ConfigError(f"--country {query.country!r}: give an ISO 3166 alpha-3 code "
                              "(USA, MEX, ...)")
        conditions.append("(m.source_country = ? OR m.target_country = ?)")
        params += [code, code]
    if query.type:
        condition, values = _type_condition(query.type)
        conditions.append(condition)
        params += values
    return conditions, params


def _event_conditions(query: EventQuery) -> tuple[str, list]:
    """The WHERE clause (on events ``e``) of ``query``."""
    conditions, params = [], []
    if not query.all_modes:
        conditions.append("e.occurred = 1")
    for value, op, name in ((query.since, ">=", "since"), (query.until, "<=", "until")):
        if value:
            condition, values = _date_condition("e.date", value.strip(), op, name)
            conditions.append(condition)
            params += values
    mention, mention_params = _mention_conditions(query)
    if mention:
        conditions.append("e.id IN (SELECT m.event_id FROM event_mentions m WHERE "
                          + " AND ".join(mention) + ")")
        params += mention_params
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def find_events(store: Store, query: EventQuery = EventQuery()) -> list[MergedEvent]:
    """Merged events matching ``query``: most recent first, then most reported.

    ``actor`` matches a source or target name or code (case-insensitive substring);
    ``country`` a source or target country (alpha-3); ``type`` a CAMEO code prefix or a
    PLOVER type; ``since``/``until`` compare the event date as written in the article's
    own time (its first 10 characters). Only events that occurred, unless ``all_modes``.
    """
    where, params = _event_conditions(query)
    sql = ("SELECT e.id FROM events e" + where + " ORDER BY e.date IS NULL, e.date DESC, "
           "(SELECT count(*) FROM event_mentions c WHERE c.event_id = e.id) DESC, e.id")
    if query.limit:
        sql += " LIMIT ?"
        params.append(query.limit)
    ids = [row[0] for row in store.db.execute(sql, params)]
    return _load(store, ids)


def iter_events(store: Store, all_modes: bool = False) -> Iterator[MergedEvent]:
    """Every merged event in id order (only those that occurred unless ``all_modes``)."""
    where = "" if all_modes else " WHERE occurred = 1"
    ids = [row[0] for row in store.db.execute(f"SELECT id FROM events{where} ORDER BY id")]
    for start in range(0, len(ids), CHUNK):
        yield from _load(store, ids[start:start + CHUNK])


def event_counts(store: Store) -> dict[int, tuple[int, int, int]]:
    """Event id -> (NumMentions, NumSources, NumArticles) for every event."""
    return {event.id: (event.num_mentions, event.num_sources, event.num_articles)
            for event in iter_events(store, all_modes=True)}


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _marks(items: Sequence) -> str:
    return ", ".join("?" * len(items))


def _load(store: Store, ids: list[int]) -> list[MergedEvent]:
    """The merged events with ``ids``, in that order, with mentions and figures."""
    if not ids:
        return []
    db = store.db
    events = {row["id"]: row for row in
              db.execute(f"SELECT * FROM events WHERE id IN ({_marks(ids)})", ids)}
    mentions: dict[int, list[EventMention]] = {i: [] for i in ids}
    for row in db.execute("SELECT id, event_id, article_id, record, added FROM event_mentions "
                          f"WHERE event_id IN ({_marks(ids)}) ORDER BY id", ids):
        mentions[row["event_id"]].append(EventMention(
            row["id"], row["event_id"], row["article_id"],
            Event.from_dict(json.loads(row["record"])), row["added"]))
    sites = site_keys(store, {m.article_id for ms in mentions.values() for m in ms})
    merged = []
    for event_id in ids:
        row, found = events[event_id], mentions[event_id]
        if not found:
            continue
        sources = set().union(*(sites.get(m.article_id, set()) for m in found))
        merged.append(MergedEvent(
            id=event_id, date=row["date"], source_code=row["source_code"],
            target_code=row["target_code"], cameo_root=row["cameo_root"],
            occurred=bool(row["occurred"]), first_added=row["first_added"], mentions=found,
            num_sources=len(sources)))
    return merged


def url_host(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (None without a URL)."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def site_keys(store: Store, article_ids: Iterable[str]) -> dict[str, set[str]]:
    """Article id -> the sites it was seen at (sighting site, else URL host).

    An article with no known site has its own id as its only key, so that it counts
    as one source and never merges with another unknown one.
    """
    ids = sorted(set(article_ids))
    keys: dict[str, set[str]] = {i: set() for i in ids}
    for chunk in _chunks(ids):
        marks = _marks(chunk)
        rows = store.db.execute(
            f"SELECT article_id, site, url FROM sightings WHERE article_id IN ({marks}) "
            f"UNION ALL SELECT id, site, url FROM articles WHERE id IN ({marks})",
            [*chunk, *chunk])
        for article_id, site, url in rows:
            key = (site or "").strip().lower() or url_host(url)
            if key:
                keys[article_id].add(key)
    for article_id, found in keys.items():
        if not found:
            found.add(f"article:{article_id}")
    return keys


# --- quotes -----------------------------------------------------------------------------


@dataclass(slots=True)
class QuoteRow:
    """A stored quote with its article's title, site, URL and date."""

    id: int
    article_id: str
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    direct: bool
    text: str
    where: dict[str, Any]
    title: str | None
    site: str | None
    url: str | None
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def speaker_entities(store: Store, name: str) -> list[tuple[int, str, str]]:
    """Entities (id, name, type) that ``name`` designates as a speaker.

    An exact canonical name (ignoring case) wins; otherwise ``name`` must be a
    substring of the canonical names of exactly one quoted speaker. Several candidates
    raise an error that lists them, so the user can say which.
    """
    db = store.db
    exact = db.execute("SELECT id, name, type FROM entities WHERE lower(name) = lower(?)",
                       (name.strip(),)).fetchall()
    if exact:
        return [tuple(row) for row in exact]
    rows = db.execute(
        "SELECT DISTINCT e.id, e.name, e.type FROM entities e JOIN quotes q "
        "ON q.speaker_entity_id = e.id WHERE lower(e.name) LIKE ? ESCAPE '\\' "
        "ORDER BY e.name", (_like(name.strip()),)).fetchall()
    names = sorted({row["name"] for row in rows})
    if len(names) > 1:
        shown = "; ".join(names[:10]) + (" ..." if len(names) > 10 else "")
        raise ConfigError(f"--speaker {name!r} matches {len(names)} speakers ({shown}); "
                          "give more of the name")
    return [tuple(row) for row in rows]


_PART_ORDER = "CASE q.part WHEN 'title' THEN 0 WHEN 'body' THEN 1 ELSE 2 END"


def find_quotes(store: Store, speaker: str | None = None, search: str | None = None,
                limit: int | None = 50) -> list[QuoteRow]:
    """Quotes by ``speaker`` (see :func:`speaker_entities`) and/or matching ``search``
    (full-text, FTS5 syntax or plain words, over the quote text); newest articles first,
    or best matches first when searching."""
    conditions, params = [], []
    if speaker:
        entities = speaker_entities(store, speaker)
        if not entities:
            return []
        ids = [e[0] for e in entities]
        conditions.append(f"(q.speaker_entity_id IN ({_marks(ids)}) OR "
                          "(q.speaker_entity_id IS NULL AND lower(q.speaker) = lower(?)))")
        params += [*ids, entities[0][1]]
    order = f"published IS NULL, published DESC, q.article_id, {_PART_ORDER}, q.idx, q.start"
    source = "quotes q"
    if search:
        source = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
        # the column on the left restricts the match to the quote text (not the speaker)
        conditions.append("quotes_fts.text MATCH ?")
        params.append(search)
        order = "quotes_fts.rank"
    sql = (f"SELECT q.*, a.title, a.site, a.url, coalesce(a.published, a.updated) AS published, "
           f"e.name AS entity FROM {source} "
           "JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN entities e ON e.id = q.speaker_entity_id"
           + (" WHERE " + " AND ".join(conditions) if conditions else "")
           + f" ORDER BY {order}" + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    return [_quote(row) for row in _run_search(store, sql, params, search)]


def _run_search(store: Store, sql: str, params: list, search: str | None) -> list:
    """Run ``sql``; a search that is not valid FTS5 is retried as quoted words."""
    try:
        return store.db.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        if not search:
            raise
        words = " ".join('"' + w.replace('"', '""') + '"' for w in search.split())
        if not words:
            return []
        fixed = [words if p == search else p for p in params]
        return store.db.execute(sql, fixed).fetchall()


def _quote(row) -> QuoteRow:
    return QuoteRow(
        id=row["id"], article_id=row["article_id"], speaker=row["speaker"],
        speaker_entity=row["entity"], cue=row["cue"], direct=bool(row["direct"]),
        text=row["text"],
        where={"part": row["part"], "index": row["idx"], "start": row["start"],
               "end": row["end"]},
        title=row["title"], site=row["site"], url=row["url"], published=row["published"])


# --- entities ---------------------------------------------------------------------------


@dataclass(slots=True)
class EntityRow:
    """A canonical entity across articles, with its most common attributes."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int
    quotes: int
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    sector_label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


#: ``find_entities`` orders: the figure first, the others break ties.
ENTITY_ORDERS = {
    "quotes": "quotes DESC, mentions DESC, articles DESC",
    "mentions": "mentions DESC, articles DESC, quotes DESC",
    "articles": "articles DESC, mentions DESC, quotes DESC",
}


def find_entities(store: Store, type: str | None = None, name: str | None = None,
                  order: str = "quotes", limit: int | None = 50) -> list[EntityRow]:
    """Canonical entities with their number of articles, mentions and quotes.

    ``type`` is an entity type (PERSON, ORG, GPE, ...); ``name`` a case-insensitive
    substring of the name; ``order`` one of ``quotes`` (most quoted first),
    ``mentions`` or ``articles``. Role, country and sector are each the most common
    value over the entity's articles.
    """
    if order not in ENTITY_ORDERS:
        raise ConfigError(f"order {order!r}: use one of {', '.join(ENTITY_ORDERS)}")
    conditions, params = [], []
    if type:
        conditions.append("e.type = ?")
        params.append(type.strip().upper())
    if name:
        conditions.append("lower(e.name) LIKE ? ESCAPE '\\'")
        params.append(_like(name.strip()))
    sql = ("SELECT e.id, e.name, e.type, count(ae.article_id) AS articles, "
           "sum(ae.mention_count) AS mentions, "
           "(SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id) AS quotes "
           "FROM entities e JOIN article_entities ae ON ae.entity_id = e.id"
           + (" WHERE " + " AND ".join(conditions) if conditions else "")
           + f" GROUP BY e.id ORDER BY {ENTITY_ORDERS[order]}, e.name"
           + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    rows = [EntityRow(r["id"], r["name"], r["type"], r["articles"], r["mentions"] or 0,
                      r["quotes"]) for r in store.db.execute(sql, params)]
    for row in rows:
        _add_attributes(store, row)
    return rows


def _add_attributes(store: Store, row: EntityRow) -> None:
    """Set the most common role, country and sector of an entity across its articles."""
    for column in ("role", "country", "sector"):
        found = store.db.execute(
            f"SELECT {column}, count(*) AS n FROM article_entities WHERE entity_id = ? AND "
            f"{column} IS NOT NULL GROUP BY {column} ORDER BY n DESC, {column} LIMIT 1",
            (row.id,)).fetchone()
        setattr(row, column, found[0] if found else None)
    if row.sector:
        label = store.db.execute(
            "SELECT sector_label FROM article_entities WHERE entity_id = ? AND sector = ? "
            "AND sector_label IS NOT NULL LIMIT 1", (row.id, row.sector)).fetchone()
        row.sector_label = label[0] if label else None
