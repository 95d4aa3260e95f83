"""Stored articles found by full-text search and filters, a page at a time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from dateline.query.events import date_condition
from dateline.query.sql import fts_words, like
from dateline.records import to_dict
from dateline.store import Store

#: Characters FTS5's ``snippet()`` puts around each match; never in article text
#: (the cleaner drops control characters), turned into offsets before anyone sees them.
_OPEN, _CLOSE = "\x02", "\x03"
#: Characters of the article's start shown when there is no text query.
LEAD_CHARS = 240


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filters of :func:`find_articles` (None = no filter)."""

    text: str | None = None
    site: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(slots=True)
class ArticleHit:
    """One article found: what a results list shows of it."""

    id: str
    title: str | None
    site: str | None
    url: str | None
    published: str | None
    language: str | None
    snippet: str
    events: int
    quotes: int
    highlights: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def find_articles(store: Store, query: ArticleQuery = ArticleQuery()) -> list[ArticleHit]:
    """Articles matching ``query``: best matches first with a text query, else newest.

    ``text`` is an FTS5 query over title and text (plain words work; text that is not
    valid FTS5 is searched as quoted words); ``site`` names the site of any sighting
    (any case); ``since``/``until`` compare the article's date (published, else
    updated) as written; ``entity`` is part of the name of an entity it mentions;
    ``language`` an ISO 639-1 code. Each hit has a snippet, with ``highlights`` the
    ``[start, end]`` offsets of the matched words in it.
    """
    conditions, params = _conditions(query)
    where = (" AND " + " AND ".join(conditions)) if conditions else ""
    counts = ("(SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS events, "
              "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes")
    columns = ("a.id, a.title, a.site, a.url, coalesce(a.published, a.updated) AS published, "
               f"a.language, {counts}")
    page = [query.limit, max(query.offset, 0)]
    if query.text and query.text.strip():
        sql = (f"SELECT {columns}, snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', ' … ', 24) "
               "AS snippet FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               f"WHERE articles_fts MATCH ?{where} ORDER BY rank LIMIT ? OFFSET ?")
        rows = _search(store, sql, query.text.strip(), params + page)
    else:
        sql = (f"SELECT {columns}, substr(a.text, 1, {LEAD_CHARS}) AS snippet "
               f"FROM articles a WHERE 1{where} ORDER BY published IS NULL, published DESC, "
               "a.rowid DESC LIMIT ? OFFSET ?")
        rows = store.db.execute(sql, params + page).fetchall()
    return [_hit(row) for row in rows]


def _conditions(query: ArticleQuery) -> tuple[list[str], list]:
    conditions: list[str] = []
    params: list = []
    if query.site and query.site.strip():
        conditions.append("(lower(a.site) = ? OR a.id IN (SELECT s.article_id FROM sightings s "
                          "WHERE lower(s.site) = ?))")
        params += [query.site.strip().lower()] * 2
    for value, op, name in ((query.since, ">=", "since"), (query.until, "<=", "until")):
        if value and value.strip():
            condition, values = date_condition("coalesce(a.published, a.updated)",
                                               value.strip(), op, name)
            conditions.append(condition)
            params += values
    if query.entity and query.entity.strip():
        conditions.append("a.id IN (SELECT ae.article_id FROM article_entities ae JOIN "
                          "entities e ON e.id = ae.entity_id WHERE lower(e.name) LIKE ? "
                          "ESCAPE '\\')")
        params.append(like(query.entity.strip()))
    if query.language and query.language.strip():
        conditions.append("a.language = ?")
        params.append(query.language.strip().lower())
    return conditions, params


def _search(store: Store, sql: str, text: str, params: list) -> list[sqlite3.Row]:
    """Run a full-text ``sql``; text that is not valid FTS5 is retried as quoted words."""
    try:
        return store.db.execute(sql, [text, *params]).fetchall()
    except sqlite3.OperationalError:
        pass
    words = fts_words(text)
    try:
        return store.db.execute(sql, [words, *params]).fetchall() if words else []
    except sqlite3.OperationalError:
        return []  # not even as words (a NUL character): nothing matches


def _hit(row: sqlite3.Row) -> ArticleHit:
    snippet, highlights = _offsets(row["snippet"] or "")
    return ArticleHit(id=row["id"], title=row["title"], site=row["site"], url=row["url"],
                      published=row["published"], language=row["language"], snippet=snippet,
                      events=row["events"], quotes=row["quotes"], highlights=highlights)


def _offsets(marked: str) -> tuple[str, list[list[int]]]:
    """The snippet without its match markers, and the ``[start, end]`` of each match."""
    text: list[str] = []
    spans: list[list[int]] = []
    length, start = 0, None
    for char in marked:
        if char == _OPEN:
            start = length
        elif char == _CLOSE:
            if start is not None and length > start:
                spans.append([start, length])
            start = None
        else:
            text.append(char)
            length += 1
    return "".join(text), spans


def site_names(store: Store, limit: int = 200) -> list[str]:
    """The sites articles were read at, most articles first (for a filter's choices)."""
    rows = store.db.execute(
        "SELECT site, count(DISTINCT article_id) AS n FROM sightings WHERE site IS NOT NULL "
        "AND site != '' GROUP BY site ORDER BY n DESC, site LIMIT ?", (limit,))
    return [row[0] for row in rows]


def languages(store: Store) -> list[str]:
    """The languages of stored articles, most articles first."""
    rows = store.db.execute("SELECT language, count(*) AS n FROM articles WHERE language IS "
                            "NOT NULL GROUP BY language ORDER BY n DESC, language")
    return [row[0] for row in rows]
