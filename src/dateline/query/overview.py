"""Figures over the events a query selects: per day, per actor pair, per place.

Each function takes the same :class:`~dateline.query.events.EventQuery` as
:func:`~dateline.query.events.find_events` (its ``limit``/``offset`` aside) and counts
merged events, so that a timeline, a network, a map and a table drawn from one query
agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.query.events import EventQuery, event_conditions
from dateline.records import to_dict
from dateline.store import Store


@dataclass(slots=True)
class Dyad:
    """Events from one source actor to one target actor."""

    source: str
    target: str
    source_label: str
    target_label: str
    events: int
    mentions: int
    goldstein: float | None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def _selected(query: EventQuery | None, *extra: str) -> tuple[str, list]:
    """SQL selecting the mentions (``em``) of the events ``query`` matches, and
    meeting the ``extra`` conditions."""
    where, params = event_conditions(query or EventQuery())
    conditions = [where.removeprefix(" WHERE ")] if where else []
    conditions += extra
    where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    return f"FROM event_mentions em JOIN events e ON e.id = em.event_id{where}", params


def timeline(store: Store, query: EventQuery | None = None) -> list[dict[str, Any]]:
    """Events per day and quad class: ``[{date, quad_class, events}]``, oldest first.

    Events whose date is not a whole day (a month, a year, none) are left out.
    """
    source, params = _selected(query, "length(e.date) >= 10")
    rows = store.db.execute(
        "SELECT substr(e.date, 1, 10) AS day, em.quad_class AS quad, "
        f"count(DISTINCT e.id) AS n {source} GROUP BY day, quad ORDER BY day, quad", params)
    return [{"date": row["day"], "quad_class": row["quad"], "events": row["n"]}
            for row in rows]


def network(store: Store, query: EventQuery | None = None, limit: int = 40) -> list[Dyad]:
    """The ``limit`` strongest source -> target pairs: most events first.

    An actor is its code when it has one (``USAGOV``), else its name as written; its
    label is the name most mentions give it. ``goldstein`` is the mean over mentions.
    """
    source, params = _selected(query, "coalesce(em.source_code, em.source) IS NOT NULL",
                               "coalesce(em.target_code, em.target) IS NOT NULL")
    rows = store.db.execute(
        "SELECT coalesce(em.source_code, em.source) AS src, "
        "coalesce(em.target_code, em.target) AS tgt, count(DISTINCT e.id) AS events, "
        "count(*) AS mentions, avg(em.goldstein) AS goldstein, "
        "max(em.source) AS src_label, max(em.target) AS tgt_label "
        f"{source} GROUP BY src, tgt ORDER BY events DESC, mentions DESC, src, tgt LIMIT ?",
        [*params, limit])
    return [Dyad(source=row["src"], target=row["tgt"],
                 source_label=_label(row["src"], row["src_label"]),
                 target_label=_label(row["tgt"], row["tgt_label"]),
                 events=row["events"], mentions=row["mentions"],
                 goldstein=None if row["goldstein"] is None else round(row["goldstein"], 2))
            for row in rows]


def _label(code: str, name: str | None) -> str:
    return code if not name or name == code else f"{name} ({code})"


def places(store: Store, query: EventQuery | None = None, limit: int = 500
           ) -> list[dict[str, Any]]:
    """Where the selected events took place: ``[{name, country, lat, lon, events}]``,
    most events first (places without coordinates are left out)."""
    source, params = _selected(query, "em.place_lat IS NOT NULL", "em.place_lon IS NOT NULL")
    rows = store.db.execute(
        "SELECT em.place_name AS name, em.place_country AS country, "
        "round(em.place_lat, 3) AS lat, round(em.place_lon, 3) AS lon, "
        f"count(DISTINCT e.id) AS n {source} GROUP BY name, country, lat, lon "
        "ORDER BY n DESC, name LIMIT ?", [*params, limit])
    return [{"name": row["name"], "country": row["country"], "lat": row["lat"],
             "lon": row["lon"], "events": row["n"]} for row in rows]
