"""Canonical entities across the store's articles, with their figures and attributes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.errors import ConfigError
from dateline.query.sql import like
from dateline.records import to_dict
from dateline.store import Store


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
                  order: str = "quotes", limit: int | None = 50,
                  offset: int = 0) -> list[EntityRow]:
    """Canonical entities with their number of articles, mentions and quotes.

    ``type`` is an entity type (PERSON, ORG, GPE, ...); ``name`` a case-insensitive
    substring of the name; ``order`` one of ``quotes`` (most quoted first),
    ``mentions`` or ``articles``. Role, country and sector are each the most common
    value over the entity's articles. ``offset`` skips that many (paging; with ``limit``).
    """
    if order not in ENTITY_ORDERS:
        raise ConfigError(f"order {order!r}: use one of {', '.join(ENTITY_ORDERS)}")
    conditions, params = [], []
    if type:
        conditions.append("e.type = ?")
        params.append(type.strip().upper())
    if name:
        conditions.append("lower(e.name) LIKE ? ESCAPE '\\'")
        params.append(like(name.strip()))
    sql = ("SELECT e.id, e.name, e.type, count(ae.article_id) AS articles, "
           "sum(ae.mention_count) AS mentions, "
           "(SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id) AS quotes "
           "FROM entities e JOIN article_entities ae ON ae.entity_id = e.id"
           + (" WHERE " + " AND ".join(conditions) if conditions else "")
           + f" GROUP BY e.id ORDER BY {ENTITY_ORDERS[order]}, e.name"
           + (" LIMIT ? OFFSET ?" if limit else ""))
    if limit:
        params += [limit, max(offset, 0)]
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


def get_entity(store: Store, key: str | int) -> EntityRow | None:
    """The entity with id ``key`` (digits), else the one named ``key`` (any case; of
    several types, the one in most articles), with its figures; None if unknown."""
    text = str(key).strip()
    if text.isdigit():
        row = store.db.execute("SELECT id FROM entities WHERE id = ?", (int(text),)).fetchone()
    else:
        row = store.db.execute(
            "SELECT e.id FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
            "WHERE lower(e.name) = lower(?) GROUP BY e.id ORDER BY count(ae.article_id) DESC, "
            "e.id LIMIT 1", (text,)).fetchone()
    if row is None:
        return None
    found = store.db.execute(
        "SELECT e.id, e.name, e.type, count(ae.article_id) AS articles, "
        "sum(ae.mention_count) AS mentions, "
        "(SELECT count(*) FROM quotes q WHERE q.speaker_entity_id = e.id) AS quotes "
        "FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
        "WHERE e.id = ? GROUP BY e.id", (row[0],)).fetchone()
    entity = EntityRow(found["id"], found["name"], found["type"], found["articles"],
                       found["mentions"] or 0, found["quotes"])
    _add_attributes(store, entity)
    return entity


def entity_timeline(store: Store, entity_id: int) -> list[dict[str, Any]]:
    """Mentions of an entity per day of its articles' dates: ``[{date, mentions,
    articles}]``, oldest first (articles without a date are left out)."""
    rows = store.db.execute(
        "SELECT substr(coalesce(a.published, a.updated), 1, 10) AS day, "
        "sum(ae.mention_count) AS mentions, count(*) AS articles "
        "FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
        "WHERE ae.entity_id = ? AND length(coalesce(a.published, a.updated)) >= 10 "
        "GROUP BY day ORDER BY day", (entity_id,))
    return [{"date": r["day"], "mentions": r["mentions"], "articles": r["articles"]}
            for r in rows]


def related_entities(store: Store, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    """The entities that share most articles with this one: ``[{id, name, type,
    articles}]``."""
    rows = store.db.execute(
        "SELECT e.id, e.name, e.type, count(*) AS n FROM article_entities mine "
        "JOIN article_entities other ON other.article_id = mine.article_id "
        "AND other.entity_id != mine.entity_id JOIN entities e ON e.id = other.entity_id "
        "WHERE mine.entity_id = ? GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
        (entity_id, limit))
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "articles": r["n"]}
            for r in rows]
