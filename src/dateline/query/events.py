"""Merged events read back from the store, with the figures GDELT gives each event.

The store merges event mentions into events as it writes them (see
``Store._add_event_mention``); the figures are computed at query time:

* ``num_mentions``: the event's mentions (one per article sentence that reports it);
* ``num_articles``: the distinct articles among them;
* ``num_sources``: the distinct sites those articles were read at (every sighting of
  every article: the sighting's ``site``, else its URL's host; an article seen nowhere
  known counts as a source of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from functools import partial
from math import isqrt
from typing import Any

import orjson

from dateline.errors import ConfigError
from dateline.events.codebook import plover_type
from dateline.query.sites import num_sources, site_keys
from dateline.query.sql import chunks, like, marks
from dateline.records import Event, Place, to_dict
from dateline.store import Store

#: The 16 PLOVER 2021 types dateline codes (``--type`` also accepts the older names that
#: :func:`dateline.events.codebook.plover_type` maps).
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})

#: CAMEO quad classes: verbal/material cooperation, verbal/material conflict.
QUAD_CLASSES = (1, 2, 3, 4)
#: How an event is stated (``Event.mode``).
MODES = ("occurred", "negated", "hypothetical", "future", "reported")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"[A-Z]{3}")


class EventMention:
    """One article's report of an event: the coded :class:`Event` and where it came from.

    ``event`` may be given as the stored JSON data of the event: it is then built on
    first use, and :meth:`MergedEvent.to_dict` reads the data as it is (a page of
    events from the API builds no record at all). Or it may be a function that reads
    that data from the store when it is first asked for: a page of events then reads
    only the records it shows. ``cameo`` and ``confidence`` (which pick an event's lead
    mention) are then given too; else they are read from the event.
    """

    __slots__ = ("_data", "_event", "_fetch", "added", "article_id", "cameo", "confidence",
                 "event_id", "id", "placed")

    def __init__(self, id: int, event_id: int, article_id: str,
                 event: Event | dict[str, Any] | Callable[[], dict[str, Any]], added: str,
                 *, cameo: str | None = None, confidence: float | None = None,
                 placed: bool | None = None) -> None:
        self.id = id
        self.event_id = event_id
        self.article_id = article_id
        self.added = added
        self._event = event if isinstance(event, Event) else None
        self._data = event if isinstance(event, dict) else None
        self._fetch = event if callable(event) and self._event is None else None
        if cameo is None or placed is None:
            cameo, placed = self.data["cameo"], self.data.get("place") is not None
        self.cameo, self.placed = cameo, placed
        self.confidence = _confidence(self.data) if confidence is None else confidence

    def keep(self, data: dict[str, Any]) -> None:
        """Take ``data`` as the stored record (read with others in one query)."""
        self._data, self._fetch = data, None

    @property
    def event(self) -> Event:
        if self._event is None:
            self._event = Event.from_dict(self.data)
        return self._event

    @property
    def data(self) -> dict[str, Any]:
        """The event as JSON-ready data."""
        if self._data is None:
            if self._fetch is not None:
                self._data, self._fetch = self._fetch(), None
            else:
                self._data = to_dict(self._event)
        return self._data

    def __repr__(self) -> str:
        return (f"EventMention(id={self.id}, event_id={self.event_id}, "
                f"article_id={self.article_id!r}, event={self.event!r}, added={self.added!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventMention):
            return NotImplemented
        return (self.id, self.event_id, self.article_id, self.added, self.data) == (
            other.id, other.event_id, other.article_id, other.added, other.data)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was


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
    #: The mention that speaks for the event: of its most frequent CAMEO code, the most
    #: confident (the earliest on ties).
    lead: EventMention = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.num_articles = len({m.article_id for m in self.mentions})
        self.lead = _lead(self.mentions)

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def place(self) -> Place | None:
        """The lead mention's place, else the first place any mention has."""
        lead = self.lead.event.place
        return lead or next((m.event.place for m in self.mentions
                             if m.placed and m.event.place), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: the lead mention's fields plus the merge figures."""
        lead = self.lead.data
        place = lead.get("place") or next(
            (m.data["place"] for m in self.mentions if m.placed and m.data.get("place")), None)
        data = {"id": self.id, "date": self.date}
        for name in ("source", "source_code", "source_country", "source_sector", "cameo",
                     "cameo_root", "plover", "quad_class", "goldstein", "target",
                     "target_code", "target_country", "target_sector"):
            data[name] = lead.get(name)
        data.update(place=_place(place), num_mentions=self.num_mentions,
                    num_sources=self.num_sources, num_articles=self.num_articles,
                    occurred=self.occurred, mode=lead.get("mode", "occurred"),
                    sentence=lead["sentence"],
                    article_id=self.lead.article_id,
                    articles=sorted({m.article_id for m in self.mentions}),
                    first_added=self.first_added)
        return data


def _lead(mentions: list[EventMention]) -> EventMention:
    """Of the most frequent CAMEO code among ``mentions``, the most confident mention
    (the earliest on ties)."""
    votes: dict[str, int] = {}
    for mention in mentions:
        votes[mention.cameo] = votes.get(mention.cameo, 0) + 1
    best = max(votes.values())
    ranked = sorted(mentions, key=lambda m: (-m.confidence, m.id))
    return next(m for m in ranked if votes[m.cameo] == best)


def _confidence(data: dict[str, Any]) -> float:
    value = data.get("confidence")
    return 0.5 if value is None else value


def _place(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """A stored place as :class:`Place` writes it (every field, ``None`` when absent)."""
    if data is None:
        return None
    return {name: data.get(name) for name in PLACE_FIELDS}


#: The fields of a place, in order.
PLACE_FIELDS = tuple(f.name for f in fields(Place))


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
    quad_class: int | None = None
    mode: str | None = None
    offset: int = 0


def _type_condition(code: str) -> tuple[str, list[str]]:
    """SQL on mention ``m`` for a CAMEO code prefix ("04", "043") or a PLOVER type."""
    code = code.strip()
    if code.isdigit() and 1 <= len(code) <= 4:
        # GLOB (not LIKE): case-sensitive, so the cameo index serves the prefix
        return "m.cameo GLOB ?", [code + "*"]
    name = plover_type(code)
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


def date_condition(column: str, value: str, op: str, name: str) -> tuple[str, list]:
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
        params += [like(query.actor)] * 4
    if query.country:
        code = query.country.strip().upper()
        if not _COUNTRY.fullmatch(code):
            raise ConfigError(f"--country {query.country!r}: give an ISO 3166 alpha-3 code "
                              "(USA, MEX, ...)")
        conditions.append("(m.source_country = ? OR m.target_country = ?)")
        params += [code, code]
    if query.type:
        condition, values = _type_condition(query.type)
        conditions.append(condition)
        params += values
    if query.quad_class is not None:
        if query.quad_class not in QUAD_CLASSES:
            raise ConfigError(f"--quad-class {query.quad_class!r}: give 1 (verbal cooperation), "
                              "2 (material cooperation), 3 (verbal conflict) or 4 (material "
                              "conflict)")
        conditions.append("m.quad_class = ?")
        params.append(query.quad_class)
    if query.mode:
        if query.mode not in MODES:
            raise ConfigError(f"--mode {query.mode!r}: use one of {', '.join(MODES)}")
        conditions.append("m.mode = ?")
        params.append(query.mode)
    return conditions, params


def event_conditions(query: EventQuery, probe: bool = False) -> tuple[str, list]:
    """The WHERE clause (on events ``e``) of ``query``.

    The mention filters select the matching event ids first (``IN``), or, with
    ``probe``, test each event as it is read (``EXISTS``): the better plan when many
    events match and only the newest are wanted.
    """
    conditions, params = [], []
    mention, mention_params = _mention_conditions(query)
    if not query.all_modes and query.mode in (None, "occurred"):
        # with a list of matching ids, the unary + keeps SQLite from walking every event
        # that occurred through the (occurred, date) index to test each against the list
        conditions.append("+e.occurred = 1" if mention and not probe else "e.occurred = 1")
    for value, op, name in ((query.since, ">=", "since"), (query.until, "<=", "until")):
        if value:
            condition, values = date_condition("e.date", value.strip(), op, name)
            conditions.append(condition)
            params += values
    if mention:
        if probe:
            conditions.append("EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id "
                              "AND " + " AND ".join(mention) + ")")
        else:
            conditions.append("e.id IN (SELECT m.event_id FROM event_mentions m WHERE "
                              + " AND ".join(mention) + ")")
        params += mention_params
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def find_events(store: Store, query: EventQuery = EventQuery(), *,
                lazy: bool = False) -> list[MergedEvent]:
    """Merged events matching ``query``: most recent first, then most reported.

    ``actor`` matches a source or target name or code (case-insensitive substring);
    ``country`` a source or target country (alpha-3); ``type`` a CAMEO code prefix or a
    PLOVER type; ``since``/``until`` compare the event date as written in the article's
    own time (its first 10 characters); ``quad_class`` and ``mode`` match a mention's.
    Only events that occurred, unless ``all_modes`` or another ``mode`` is asked for.
    ``offset`` skips that many events (paging; with ``limit``).

    With ``lazy``, each mention's stored record is read when it is first asked for, so
    the events must be used while ``store`` is open (the API's pages read only their
    lead mentions' records).
    """
    where, params = event_conditions(query, probe=bool(query.limit) and _common(store, query))
    if query.limit:
        # Only events dated on or after the page's last date can be on the page: find
        # that date through the date index, and rank (by mentions too) just those.
        last = store.db.execute(f"SELECT e.date FROM events e{where} ORDER BY e.date DESC "
                                "LIMIT 1 OFFSET ?",
                                [*params, max(query.offset, 0) + query.limit - 1]).fetchone()
        if last is not None and last[0] is not None:
            where += (" AND " if where else " WHERE ") + "e.date >= ?"
            params.append(last[0])
    sql = ("SELECT e.id FROM events e" + where + " ORDER BY e.date IS NULL, e.date DESC, "
           "(SELECT count(*) FROM event_mentions c WHERE c.event_id = e.id) DESC, e.id")
    if query.limit:
        sql += " LIMIT ? OFFSET ?"
        params += [query.limit, max(query.offset, 0)]
    ids = [row[0] for row in store.db.execute(sql, params)]
    return [event for chunk in chunks(ids) for event in _load(store, chunk, records=not lazy)]


def _common(store: Store, query: EventQuery) -> bool:
    """Whether the mention filters of ``query`` match enough mentions that walking the
    events newest first and testing each (``EXISTS``) fills a page sooner than listing
    every matching event first (``IN``).

    With M of N events matching, a page of L after O skipped takes about (O + L) * N / M
    tests by walking and M ids by listing: walking wins when M * M > (O + L) * N. M is
    counted only that far.
    """
    mention, params = _mention_conditions(query)
    if not mention:
        return False
    events = store.db.execute("SELECT max(id) FROM events").fetchone()[0] or 0
    enough = max(1, isqrt(((query.limit or 0) + max(query.offset, 0)) * events))
    found = store.db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM event_mentions m WHERE " + " AND ".join(mention)
        + f" LIMIT {enough})", params).fetchone()[0]
    return found >= enough


def iter_events(store: Store, all_modes: bool = False) -> Iterator[MergedEvent]:
    """Every merged event in id order (only those that occurred unless ``all_modes``)."""
    where = "" if all_modes else " WHERE occurred = 1"
    ids = [row[0] for row in store.db.execute(f"SELECT id FROM events{where} ORDER BY id")]
    for chunk in chunks(ids):
        yield from _load(store, chunk)


def event_counts(store: Store) -> dict[int, tuple[int, int, int]]:
    """Event id -> (NumMentions, NumSources, NumArticles) for every event with a mention.

    The figures of :class:`MergedEvent`, from the mentions' article ids alone (no
    event record is decoded).
    """
    articles: dict[int, list[str]] = {}
    for event_id, article_id in store.db.execute(
            "SELECT m.event_id, m.article_id FROM event_mentions m "
            "JOIN events e ON e.id = m.event_id ORDER BY m.event_id, m.id"):
        articles.setdefault(event_id, []).append(article_id)
    sites = site_keys(store, {a for ids in articles.values() for a in ids})
    return {event_id: (len(ids), num_sources(sites, ids), len(set(ids)))
            for event_id, ids in articles.items()}


def _load(store: Store, ids: list[int], records: bool = True) -> list[MergedEvent]:
    """The merged events with ``ids`` (at most :data:`~dateline.query.sql.CHUNK`), in
    that order, with mentions and figures.

    With ``records`` False the lead mentions' records are read at once and the others'
    when first asked for (a page of events shows the leads only).
    """
    if not ids:
        return []
    db = store.db
    events = {row["id"]: row for row in
              db.execute(f"SELECT * FROM events WHERE id IN ({marks(ids)})", ids)}
    mentions: dict[int, list[EventMention]] = {i: [] for i in ids}
    record = "record" if records else "NULL AS record"
    for row in db.execute(f"SELECT id, event_id, article_id, {record}, added, cameo, "
                          "confidence, place_name IS NOT NULL AS placed FROM event_mentions "
                          f"WHERE event_id IN ({marks(ids)}) ORDER BY id", ids):
        event = (orjson.loads(row["record"]) if records
                 else partial(_read_record, store, row["id"]))
        mentions[row["event_id"]].append(EventMention(
            row["id"], row["event_id"], row["article_id"], event, row["added"],
            cameo=row["cameo"], confidence=row["confidence"], placed=bool(row["placed"])))
    sites = site_keys(store, {m.article_id for ms in mentions.values() for m in ms})
    merged = []
    for event_id in ids:
        row, found = events[event_id], mentions[event_id]
        if not found:
            continue
        merged.append(MergedEvent(
            id=event_id, date=row["date"], source_code=row["source_code"],
            target_code=row["target_code"], cameo_root=row["cameo_root"],
            occurred=bool(row["occurred"]), first_added=row["first_added"], mentions=found,
            num_sources=num_sources(sites, (m.article_id for m in found))))
    if not records:
        _read_leads(store, merged)
    return merged


def _read_leads(store: Store, events: list[MergedEvent]) -> None:
    """Read in one query the records a page of ``events`` shows: each lead mention's,
    and when it has no place, that of the first mention with one."""
    shown: dict[int, EventMention] = {}
    for event in events:
        lead = event.lead
        shown[lead.id] = lead
        if not lead.placed:
            placed = next((m for m in event.mentions if m.placed), None)
            if placed is not None:
                shown[placed.id] = placed
    for mention_id, record in store.db.execute(
            f"SELECT id, record FROM event_mentions WHERE id IN ({marks(shown)})", list(shown)):
        shown[mention_id].keep(orjson.loads(record))


def _read_record(store: Store, mention_id: int) -> dict[str, Any]:
    """The stored record of one event mention, as JSON data."""
    row = store.db.execute("SELECT record FROM event_mentions WHERE id = ?",
                           (mention_id,)).fetchone()
    return orjson.loads(row[0])
