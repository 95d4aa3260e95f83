"""Stored quotes: by speaker, by full-text search, with their article's details."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from dateline.errors import ConfigError
from dateline.query.sql import like, marks
from dateline.records import to_dict
from dateline.store import Store


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
        "ORDER BY e.name", (like(name.strip()),)).fetchall()
    names = sorted({row["name"] for row in rows})
    if len(names) > 1:
        shown = "; ".join(names[:10]) + (" ..." if len(names) > 10 else "")
        raise ConfigError(f"--speaker {name!r} matches {len(names)} speakers ({shown}); "
                          "give more of the name")
    return [tuple(row) for row in rows]


_PART_ORDER = "CASE q.part WHEN 'title' THEN 0 WHEN 'body' THEN 1 ELSE 2 END"


def find_quotes(store: Store, speaker: str | None = None, search: str | None = None,
                limit: int | None = 50, offset: int = 0) -> list[QuoteRow]:
    """Quotes by ``speaker`` (see :func:`speaker_entities`) and/or matching ``search``
    (full-text, FTS5 syntax or plain words, over the quote text); newest articles first,
    or best matches first when searching; ``offset`` skips that many (paging)."""
    conditions, params = [], []
    if speaker:
        entities = speaker_entities(store, speaker)
        if not entities:
            return []
        ids = [e[0] for e in entities]
        conditions.append(f"(q.speaker_entity_id IN ({marks(ids)}) OR "
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
           + f" ORDER BY {order}" + (" LIMIT ? OFFSET ?" if limit else ""))
    if limit:
        params += [limit, max(offset, 0)]
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
        try:
            return store.db.execute(sql, fixed).fetchall()
        except sqlite3.OperationalError:
            return []  # not even as words (a NUL character): nothing matches


def _quote(row) -> QuoteRow:
    return QuoteRow(
        id=row["id"], article_id=row["article_id"], speaker=row["speaker"],
        speaker_entity=row["entity"], cue=row["cue"], direct=bool(row["direct"]),
        text=row["text"],
        where={"part": row["part"], "index": row["idx"], "start": row["start"],
               "end": row["end"]},
        title=row["title"], site=row["site"], url=row["url"], published=row["published"])
