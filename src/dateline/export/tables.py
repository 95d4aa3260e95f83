"""Plain exports of the store: article records as JSON Lines, tables as CSV or Parquet.

CSV and Parquet write one file per table into a folder, every column as stored (JSON
columns such as ``record`` stay JSON text). The ``events`` table gains the three
figures computed at query time: ``num_mentions``, ``num_sources``, ``num_articles``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import StoreError
from dateline.query import event_counts
from dateline.store import Store

#: The tables exported, in this order (raw inputs and search indexes are left out).
TABLES: tuple[str, ...] = (
    "articles", "sightings", "entities", "article_entities", "mentions", "quotes",
    "time_expressions", "counts", "places", "events", "event_mentions",
)

#: Rows read and written at a time.
BATCH = 2000

_EVENT_FIGURES = ("num_mentions", "num_sources", "num_articles")


def jsonl_lines(store: Store) -> Iterator[str]:
    """Every stored article record, one JSON object per line (as stored)."""
    for (record,) in store.db.execute("SELECT record FROM articles ORDER BY rowid"):
        yield record.replace("\n", " ") if "\n" in record else record


def columns(store: Store, table: str) -> list[tuple[str, str]]:
    """(name, declared SQLite type) of each column of ``table``."""
    return [(row["name"], (row["type"] or "").upper())
            for row in store.db.execute(f"PRAGMA table_info({table})")]


def table_batches(store: Store, table: str) -> Iterator[tuple[list[str], list[tuple]]]:
    """(column names, rows) of ``table`` in batches; events get their three figures."""
    header = _header(store, table)
    counts = event_counts(store) if table == "events" else None
    cursor = store.db.execute(f"SELECT * FROM {table} ORDER BY rowid")
    while rows := cursor.fetchmany(BATCH):
        values = [tuple(row) for row in rows]
        if counts is not None:
            values = [(*row, *counts.get(row[0], (0, 0, 0))) for row in values]
        yield header, values


def _header(store: Store, table: str) -> list[str]:
    """Column names of ``table`` as exported (events with their three figures)."""
    names = [name for name, _ in columns(store, table)]
    return names + list(_EVENT_FIGURES) if table == "events" else names


def _folder(out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: exists and is not a folder; give --out a folder path")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_csv(store: Store, out: str | Path) -> dict[str, int]:
    """Write ``<table>.csv`` (UTF-8, with a header row) per table into folder ``out``;
    returns the number of rows written per table."""
    folder, written = _folder(out), {}
    for table in TABLES:
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(_header(store, table))
            written[table] = 0
            for _, rows in table_batches(store, table):
                writer.writerows(rows)
                written[table] += len(rows)
    return written


def _arrow_type(declared: str):
    """The Arrow type of a declared SQLite column type (SQLite's affinity rules)."""
    import pyarrow as pa

    if "INT" in declared:
        return pa.int64()
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return pa.float64()
    if "BLOB" in declared:
        return pa.binary()
    return pa.string()


def _schema(store: Store, table: str):
    import pyarrow as pa

    fields = [pa.field(name, _arrow_type(kind)) for name, kind in columns(store, table)]
    if table == "events":
        fields += [pa.field(name, pa.int64()) for name in _EVENT_FIGURES]
    return pa.schema(fields)


def write_parquet(store: Store, out: str | Path) -> dict[str, int]:
    """Write ``<table>.parquet`` per table into folder ``out`` (typed columns);
    returns the number of rows written per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder, written = _folder(out), {}
    for table in TABLES:
        schema = _schema(store, table)
        with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
            written[table] = 0
            for header, rows in table_batches(store, table):
                data = {name: [row[i] for row in rows] for i, name in enumerate(header)}
                writer.write_table(pa.Table.from_pydict(data, schema=schema))
                written[table] += len(rows)
            if written[table] == 0:
                writer.write_table(schema.empty_table())
    return written
