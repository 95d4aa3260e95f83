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
        params.append(like(name.strip()))
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
