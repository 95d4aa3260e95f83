"""The embedded article store: one SQLite file, browsable by any SQLite tool.

Only this module writes to the database. Each article is written in its own
transaction, so a run that is killed loses nothing already stored, and the WAL
journal lets a reader browse while a run writes. The same article (same ``id``)
stored twice is one row; a new URL or source it was seen at becomes a new sighting.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from dateline.checkpoints import checkpoint
from dateline.errors import StoreError
from dateline.records import Article, Event, RawDocument, Sighting, Where, to_dict
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION

AddOutcome = Literal["stored", "present"]

DEFAULT_DB = "dateline.db"

_HEX = re.compile(r"[0-9a-f]{1,16}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _where(where: Where | None) -> tuple:
    if where is None:
        return (None, None, None, None)
    return (where.part, where.index, where.start, where.end)


class Store:
    """An open dateline database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.OperationalError as exc:  # read-only, full, locked, I/O error
            self.db.close()
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: not a dateline database or damaged: {exc}") from exc

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """Open an existing, up-to-date store read-only (no migration, no writes).

        The connection may be handed between threads (one at a time), so a server can
        keep one per worker thread; in WAL mode it sees each write as soon as it commits.
        """
        store = cls.__new__(cls)
        store.path = Path(path)
        uri = "file:" + quote(str(store.path.resolve())) + "?mode=ro"
        try:
            store.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None,
                                       check_same_thread=False)
            store.db.row_factory = sqlite3.Row
            version = store.schema_version
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: cannot open database: {exc}") from exc
        if version != SCHEMA_VERSION:
            store.db.close()
            raise StoreError(f"{store.path}: schema version {version}, this dateline reads "
                             f"{SCHEMA_VERSION}; open it once for writing to migrate it")
        return store

    # --- lifecycle --------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this "
                             f"dateline knows ({SCHEMA_VERSION}); upgrade dateline")
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self):
        return _Transaction(self.db, self.path)

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    # --- writing ----------------------------------------------------------------------

    def add(self, article: Article, raw: RawDocument | None = None) -> AddOutcome:
        """Store an article, or record a new sighting of one already stored."""
        with self._transaction():
            row = self.db.execute("SELECT record FROM articles WHERE id = ?",
                                  (article.id,)).fetchone()
            if row is not None:
                self._add_sightings(article.id, article.sources, article.source,
                                    Article.from_dict(json.loads(row["record"])))
                return "present"
            self._insert(article, raw)
            return "stored"

    def replace(self, article: Article) -> None:
        """Rewrite a stored article's record and facts (after re-running its stages)."""
        with self._transaction():
            self.db.execute(
                "UPDATE articles SET title=?, text=?, published=?, updated=?, language=?, "
                "record=?, versions=?, processed_at=? WHERE id=?",
                (article.title, article.text, article.published, article.updated,
                 article.language, json.dumps(article.to_dict(), ensure_ascii=False),
                 json.dumps(article.versions), _now(), article.id))
            self._delete_facts(article.id)
            self._write_facts(article)

    def _insert(self, article: Article, raw: RawDocument | None) -> None:
        now = _now()
        self.db.execute(
            "INSERT INTO articles (id, title, text, url, site, source, published, updated, "
            "language, record, versions, stored_at, processed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.title, article.text, article.url, article.site,
             article.source, article.published, article.updated, article.language,
             json.dumps(article.to_dict(), ensure_ascii=False), json.dumps(article.versions),
             now, now))
        for sighting in article.sources:
            self._insert_sighting(article.id, sighting, article.source or "")
        if raw is not None:
            self.db.execute(
                "INSERT INTO raw_documents (article_id, kind, url, fetched, meta, content) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (article.id, raw.kind, raw.url, raw.fetched, json.dumps(raw.meta),
                 zlib.compress(raw.content.encode("utf-8"), 6)))
        checkpoint("store")  # crash tests kill a run here, inside the transaction
        self._write_facts(article)

    def _insert_sighting(self, article_id: str, sighting: Sighting, source: str) -> bool:
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO sightings (article_id, url, site, fetched, source, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, sighting.url, sighting.site, sighting.fetched, source, _now()))
        return cursor.rowcount > 0

    def _add_sightings(self, article_id: str, sightings: list[Sighting], source: str | None,
                       stored: Article) -> None:
        added = [s for s in sightings if self._insert_sighting(article_id, s, source or "")]
        known = {(s.url, s.site) for s in stored.sources}
        new = [s for s in added if (s.url, s.site) not in known]
        if new:
            stored.sources.extend(new)
            self.db.execute("UPDATE articles SET record = ? WHERE id = ?",
                            (json.dumps(stored.to_dict(), ensure_ascii=False), article_id))

    # --- facts ------------------------------------------------------------------------

    def _delete_facts(self, article_id: str) -> None:
        for table in ("mentions", "article_entities", "quotes", "time_expressions", "counts",
                      "places", "event_mentions"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM events WHERE id NOT IN "
                        "(SELECT DISTINCT event_id FROM event_mentions)")

    def _entity_id(self, name: str, type_: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO entities (name, type) VALUES (?, ?)",
                        (name, type_))
        return self.db.execute("SELECT id FROM entities WHERE name = ? AND type = ?",
                               (name, type_)).fetchone()[0]

    def _write_facts(self, article: Article) -> None:
        ids: dict[str, int] = {}
        for entity in article.entities:
            entity_id = self._entity_id(entity.name, entity.type)
            ids.setdefault(entity.name, entity_id)
            self.db.execute(
                "INSERT OR REPLACE INTO article_entities (article_id, entity_id, role, country, "
                "sector, sector_label, mention_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article.id, entity_id, entity.role, entity.country, entity.sector,
                 entity.sector_label, len(entity.mentions)))
            self.db.executemany(
                "INSERT INTO mentions (article_id, entity_id, text, part, idx, start, end) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(article.id, entity_id, m.text, *_where(m.where)) for m in entity.mentions])
        self.db.executemany(
            "INSERT INTO quotes (article_id, speaker, speaker_entity_id, cue, direct, text, "
            "part, idx, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, q.speaker, ids.get(q.speaker_entity or ""), q.cue, int(q.direct),
              q.text, *_where(q.where)) for q in article.quotes])
        self.db.executemany(
            "INSERT INTO time_expressions (article_id, text, type, value, mod, part, idx, "
            "start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, t.text, t.type, t.value, t.mod, *_where(t.where))
             for t in article.dates])
        self.db.executemany(
            "INSERT INTO counts (article_id, value, value_max, unit, about, change, text, "
            "part, idx, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, c.value, c.value_max, c.unit, c.about, c.change, c.text,
              *_where(c.where)) for c in article.counts])
        self.db.executemany(
            "INSERT INTO places (article_id, name, text, country, admin1, lat, lon, feature, "
            "geonameid, part, idx, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, p.name, p.text, p.country, p.admin1, p.lat, p.lon, p.feature,
              p.geonameid, *_where(p.where)) for p in article.places])
        for event in article.events:
            self._add_event_mention(article.id, event)

    def _add_event_mention(self, article_id: str, event: Event) -> None:
        """Link an event mention to the merged event it reports (creating it if new).

        Mentions merge when they agree on date, source code, target code, CAMEO root and
        whether the event occurred, and on place country where both know it.
        """
        occurred = int(event.mode == "occurred")
        country = event.place.country if event.place else None
        row = self.db.execute(
            "SELECT id, place_country FROM events WHERE date IS ? AND source_code IS ? "
            "AND target_code IS ? AND cameo_root = ? AND occurred = ? "
            "AND (place_country IS NULL OR ? IS NULL OR place_country = ?) "
            "ORDER BY id LIMIT 1",
            (event.date, event.source_code, event.target_code, event.cameo_root, occurred,
             country, country)).fetchone()
        if row is None:
            event_id = self.db.execute(
                "INSERT INTO events (date, source_code, target_code, cameo_root, occurred, "
                "place_country, first_added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event.date, event.source_code, event.target_code, event.cameo_root, occurred,
                 country, _now())).lastrowid
        else:
            event_id = row["id"]
            if row["place_country"] is None and country:
                self.db.execute("UPDATE events SET place_country = ? WHERE id = ?",
                                (country, event_id))
        place = event.place
        self.db.execute(
            "INSERT INTO event_mentions (event_id, article_id, record, source, source_country, "
            "source_sector, source_code, target, target_country, target_sector, target_code, "
            "cameo, cameo_root, plover, quad_class, goldstein, date, date_from_text, "
            "place_name, place_country, place_lat, place_lon, sentence, part, idx, start, end, "
            "from_caption, mode, confidence, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?)",
            (event_id, article_id, json.dumps(to_dict(event), ensure_ascii=False),
             event.source, event.source_country, event.source_sector, event.source_code,
             event.target, event.target_country, event.target_sector, event.target_code,
             event.cameo, event.cameo_root, event.plover, event.quad_class, event.goldstein,
             event.date, int(event.date_from_text),
             place.name if place else None, country, place.lat if place else None,
             place.lon if place else None, event.sentence, *_where(event.where),
             int(event.from_caption), event.mode, event.confidence, _now()))

    # --- reading ----------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id (or a unique id prefix), or None."""
        if not _HEX.fullmatch(article_id.lower()):
            return None  # ids are hex; anything else (a LIKE wildcard) matches nothing
        rows = self.db.execute("SELECT record FROM articles WHERE id LIKE ? LIMIT 2",
                               (article_id.lower() + "%",)).fetchall()
        if len(rows) != 1:
            return None
        return Article.from_dict(json.loads(rows[0]["record"]))

    def exists(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?",
                               (article_id,)).fetchone() is not None

    def iter_ids(self) -> Iterator[str]:
        """The id of every stored article."""
        for (article_id,) in self.db.execute("SELECT id FROM articles"):
            yield article_id

    def raw(self, article_id: str) -> RawDocument | None:
        row = self.db.execute("SELECT * FROM raw_documents WHERE article_id = ?",
                              (article_id,)).fetchone()
        if row is None:
            return None
        source = self.db.execute("SELECT source FROM articles WHERE id = ?",
                                 (article_id,)).fetchone()["source"]
        return RawDocument(source=source or "", origin=f"{source} (stored {article_id})",
                           kind=row["kind"], content=zlib.decompress(row["content"]).decode(),
                           url=row["url"], fetched=row["fetched"], meta=json.loads(row["meta"]))

    def iter_articles(self) -> Iterator[Article]:
        for row in self.db.execute("SELECT record FROM articles ORDER BY rowid"):
            yield Article.from_dict(json.loads(row["record"]))

    def stale_ids(self, current: dict[str, str]) -> list[str]:
        """Ids of articles whose ``versions`` differ from ``current`` on any key it names."""
        stale = []
        for row in self.db.execute("SELECT id, versions FROM articles ORDER BY rowid"):
            versions = json.loads(row["versions"])
            if any(versions.get(key) != value for key, value in current.items()):
                stale.append(row["id"])
        return stale

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        """Articles matching a full-text query (FTS5 syntax; plain words also work)."""
        sql = ("SELECT a.id, a.title, a.site, a.published, "
               "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            return self.db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote, a hyphen): search the words as phrases.
            words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            return self.db.execute(sql, (words, limit)).fetchall() if words else []


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain inner semicolons)."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        if text.endswith(";") and sqlite3.complete_statement(text):
            statements.append(text)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error), for autocommit connections.

    A write the disk refuses (full, read-only, I/O error) rolls the one article back
    and becomes a :class:`StoreError`: what earlier transactions stored is kept.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from exc

    def __exit__(self, exc_type, exc, _traceback) -> None:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.OperationalError as error:
                self._rollback()
                raise self._error(error) from error
        self._rollback()
        if isinstance(exc, sqlite3.OperationalError):
            raise self._error(exc) from exc

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may have rolled back already (a full disk does)

    def _error(self, exc: sqlite3.OperationalError) -> StoreError:
        return StoreError(f"{self.path}: cannot write ({exc}); what was stored before "
                          "is kept")
