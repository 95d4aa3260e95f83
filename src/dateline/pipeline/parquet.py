"""``dateline run --parquet DIR``: the workers write the tables as Parquet themselves.

For stores that outgrow one SQLite file. Each batch's worker writes its rows into
``DIR/<table>/published_date=<YYYY-MM-DD>/part-<run>-<batch>.parquet`` (Hive-style
partitions by the article's publication date, ``unknown`` when it has none), which
pandas, DuckDB, Spark and pyarrow read as one dataset per table. Files are written
under a temporary name and renamed, so a reader never sees half a file, and a batch
that is run again (a lost Dask worker) overwrites its own files.

One article, one row: the parent (which sees every batch's ids in order) keeps the ids
written so far; an article that an earlier batch already wrote (the same story read
from two URLs) has its rows taken out of the later batch's files again, its sighting
kept. Articles that ``DIR`` held before the run only gain sightings, and only new ones:
the parent also keeps a 64-bit hash of each (article, URL, source) sighting, read from ``DIR``
at the start, and takes a sighting read again out of its batch's file.

The tables, one row per article or per fact, linked by ``article_id``:

articles, sightings, entities (per article, with its mention count), mentions, quotes,
time_expressions, counts, places, event_mentions.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dateline.pipeline.run import Outcome, Summary, drive
from dateline.pipeline.work import KnownIds
from dateline.records import Article, Rejected, to_dict
from dateline.settings import Settings

PARTITION = "published_date"

# (column, arrow type name) per table; the facts' ``where`` becomes part/idx/start/end.
_WHERE = [("part", "string"), ("idx", "int64"), ("start", "int64"), ("end", "int64")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "string"), ("title", "string"), ("text", "string"),
                 ("url", "string"), ("site", "string"), ("source", "string"),
                 ("published", "string"), ("updated", "string"), ("language", "string"),
                 ("record", "string"), ("versions", "string")],
    "sightings": [("article_id", "string"), ("url", "string"), ("site", "string"),
                  ("fetched", "string"), ("source", "string")],
    "entities": [("article_id", "string"), ("name", "string"), ("type", "string"),
                 ("role", "string"), ("country", "string"), ("sector", "string"),
                 ("sector_label", "string"), ("mention_count", "int64")],
    "mentions": [("article_id", "string"), ("name", "string"), ("type", "string"),
                 ("text", "string"), *_WHERE],
    "quotes": [("article_id", "string"), ("speaker", "string"),
               ("speaker_entity", "string"), ("cue", "string"), ("direct", "bool_"),
               ("text", "string"), *_WHERE],
    "time_expressions": [("article_id", "string"), ("text", "string"), ("type", "string"),
                         ("value", "string"), ("mod", "string"), *_WHERE],
    "counts": [("article_id", "string"), ("value", "float64"), ("value_max", "float64"),
               ("unit", "string"), ("about", "string"), ("change", "string"),
               ("text", "string"), *_WHERE],
    "places": [("article_id", "string"), ("name", "string"), ("text", "string"),
               ("country", "string"), ("admin1", "string"), ("lat", "float64"),
               ("lon", "float64"), ("feature", "string"), ("geonameid", "int64"), *_WHERE],
    "event_mentions": [("article_id", "string"), ("cameo", "string"),
                       ("cameo_root", "string"), ("plover", "string"),
                       ("quad_class", "int64"), ("goldstein", "float64"),
                       ("source", "string"), ("source_code", "string"),
                       ("source_country", "string"), ("target", "string"),
                       ("target_code", "string"), ("target_country", "string"),
                       ("date", "string"), ("place_name", "string"),
                       ("place_country", "string"), ("place_lat", "float64"),
                       ("place_lon", "float64"), ("mode", "string"),
                       ("confidence", "float64"), ("from_caption", "bool_"),
                       ("sentence", "string"), ("record", "string"), *_WHERE],
}


def _where(where) -> dict:
    if where is None:
        return {"part": None, "idx": None, "start": None, "end": None}
    return {"part": where.part, "idx": where.index, "start": where.start, "end": where.end}


def table_rows(article: Article, whole: bool = True) -> dict[str, list[dict]]:
    """The rows ``article`` adds to each table; only its sightings unless ``whole``."""
    rows: dict[str, list[dict]] = {table: [] for table in COLUMNS}
    aid = article.id
    rows["sightings"] = [{"article_id": aid, "url": s.url, "site": s.site,
                          "fetched": s.fetched, "source": article.source}
                         for s in article.sources]
    if not whole:
        return rows
    rows["articles"].append({
        "id": aid, "title": article.title, "text": article.text, "url": article.url,
        "site": article.site, "source": article.source, "published": article.published,
        "updated": article.updated, "language": article.language,
        "record": json.dumps(article.to_dict(), ensure_ascii=False),
        "versions": json.dumps(article.versions)})
    for e in article.entities:
        rows["entities"].append({"article_id": aid, "name": e.name, "type": e.type,
                                 "role": e.role, "country": e.country, "sector": e.sector,
                                 "sector_label": e.sector_label,
                                 "mention_count": len(e.mentions)})
        rows["mentions"] += [{"article_id": aid, "name": e.name, "type": e.type,
                              "text": m.text, **_where(m.where)} for m in e.mentions]
    rows["quotes"] = [{"article_id": aid, "speaker": q.speaker,
                       "speaker_entity": q.speaker_entity, "cue": q.cue,
                       "direct": q.direct, "text": q.text, **_where(q.where)}
                      for q in article.quotes]
    rows["time_expressions"] = [{"article_id": aid, "text": t.text, "type": t.type,
                                 "value": t.value, "mod": t.mod, **_where(t.where)}
                                for t in article.dates]
    rows["counts"] = [{"article_id": aid, "value": c.value, "value_max": c.value_max,
                       "unit": c.unit, "about": c.about, "change": c.change, "text": c.text,
                       **_where(c.where)} for c in article.counts]
    rows["places"] = [{"article_id": aid, "name": p.name, "text": p.text,
                       "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
                       "feature": p.feature, "geonameid": p.geonameid, **_where(p.where)}
                      for p in article.places]
    rows["event_mentions"] = [_event_row(aid, e) for e in article.events]
    return rows


def _event_row(article_id: str, event) -> dict:
    place = event.place
    return {"article_id": article_id, "cameo": event.cameo, "cameo_root": event.cameo_root,
            "plover": event.plover, "quad_class": event.quad_class,
            "goldstein": event.goldstein, "source": event.source,
            "source_code": event.source_code, "source_country": event.source_country,
            "target": event.target, "target_code": event.target_code,
            "target_country": event.target_country, "date": event.date,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "place_lat": place.lat if place else None,
            "place_lon": place.lon if place else None, "mode": event.mode,
            "confidence": event.confidence, "from_caption": event.from_caption,
            "sentence": event.sentence,
            "record": json.dumps(to_dict(event), ensure_ascii=False), **_where(event.where)}


def publication_date(article: Article) -> str:
    """The partition an article's rows go to: its publication (else update) day."""
    when = article.published or article.updated or ""
    day = when[:10]
    return day if len(day) == 10 and day[4] == "-" and day[7] == "-" else "unknown"


def written_whole(outcomes: Iterable[Outcome], known) -> list[Article]:
    """The articles of a batch its worker writes in full: new to the folder (not
    ``known``), and the first of their id in the batch."""
    is_known = known if callable(known) else (known.__contains__ if known is not None
                                              else (lambda _id: False))
    whole, seen = [], set()
    for outcome in outcomes:
        article = outcome.result
        if isinstance(article, Article) and article.id not in seen and not is_known(article.id):
            whole.append(article)
        if isinstance(article, Article):
            seen.add(article.id)
    return whole


@dataclass(frozen=True)
class ParquetTarget:
    """Where (and as which run) workers write their batches' Parquet files."""

    folder: str
    run_id: str

    def file_name(self, number: int) -> str:
        return f"part-{self.run_id}-{number:06d}.parquet"

    def write_batch(self, outcomes: list[Outcome], number: int, known) -> None:
        """Write one batch's rows, one file per table and publication day."""
        whole = {id(a) for a in written_whole(outcomes, known)}
        by_day: dict[str, dict[str, list[dict]]] = {}
        for outcome in outcomes:
            article = outcome.result
            if not isinstance(article, Article):
                continue
            day = by_day.setdefault(publication_date(article), {t: [] for t in COLUMNS})
            for table, rows in table_rows(article, id(article) in whole).items():
                day[table] += rows
        for day, tables in by_day.items():
            for table, rows in tables.items():
                if rows:
                    self._write(Path(self.folder) / table / f"{PARTITION}={day}",
                                self.file_name(number), table, rows)

    def _write(self, folder: Path, name: str, table: str, rows: list[dict]) -> None:
        import pyarrow.parquet as pq

        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        pq.write_table(_arrow_table(table, rows), temporary)
        os.replace(temporary, folder / name)

    def drop(self, number: int, article_ids: set[str]) -> None:
        """Take these articles' rows (all but their sightings) out of batch ``number``."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        for table in COLUMNS:
            if table == "sightings":
                continue
            key = "id" if table == "articles" else "article_id"
            for path in Path(self.folder, table).glob(f"{PARTITION}=*/{self.file_name(number)}"):
                data = pq.read_table(path, partitioning=None)
                kept = data.filter(pc.invert(pc.is_in(data[key], value_set=_strings(article_ids))))
                if kept.num_rows == 0:
                    path.unlink()
                elif kept.num_rows < data.num_rows:
                    self._write_table(path, kept)

    def keep_new_sightings(self, number: int, seen: set[int]) -> None:
        """Take out of batch ``number`` each sighting ``seen`` holds (an article read again
        from the same URL and source, in this run or an earlier one); add the rest to ``seen``."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for path in sorted(Path(self.folder, "sightings").glob(
                f"{PARTITION}=*/{self.file_name(number)}")):
            data = pq.read_table(path, partitioning=None)
            keep = []
            for key in _sighting_keys(data):
                keep.append(key not in seen)
                seen.add(key)
            if all(keep):
                continue
            kept = data.filter(pa.array(keep))
            if kept.num_rows == 0:
                path.unlink()
            else:
                self._write_table(path, kept)

    def _write_table(self, path: Path, data) -> None:
        import pyarrow.parquet as pq

        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        pq.write_table(data, temporary)
        os.replace(temporary, path)


def _strings(values: Iterable[str]):
    import pyarrow as pa

    return pa.array(sorted(values), type=pa.string())


def _arrow_table(table: str, rows: list[dict]):
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])
    return pa.Table.from_pylist(rows, schema=schema)


def _sighting_keys(data) -> list[int]:
    """A hash per row of a sightings table of what makes a sighting one (the SQLite
    store's unique key): article id, URL and source; 64 bits keep a million sightings in
    a few tens of megabytes, with a collision about once in 10^7 runs."""
    columns = (data[name].to_pylist() for name in ("article_id", "url", "source"))
    return [hash((article_id, url or "", source or ""))
            for article_id, url, source in zip(*columns, strict=True)]


def stored_sightings(folder: str | Path) -> set[int]:
    """The keys of the sightings a Parquet folder already holds."""
    import pyarrow.parquet as pq

    keys: set[int] = set()
    for path in sorted(Path(folder, "sightings").glob(f"{PARTITION}=*/*.parquet")):
        table = pq.read_table(path, columns=["article_id", "url", "source"],
                              partitioning=None)
        keys.update(_sighting_keys(table))
    return keys


def stored_ids(folder: str | Path) -> list[str]:
    """The ids of the articles a Parquet folder already holds."""
    import pyarrow.parquet as pq

    ids: list[str] = []
    for path in sorted(Path(folder, "articles").glob(f"{PARTITION}=*/*.parquet")):
        ids += pq.read_table(path, columns=["id"], partitioning=None)["id"].to_pylist()
    return ids


def run_into_parquet(inputs: Iterable[str], folder: str | Path, settings: Settings,
                     on_outcome: Callable[[Outcome, str], None] | None = None,
                     dask: str | None = None, stop: Callable[[], bool] | None = None
                     ) -> Summary:
    """Like :func:`~dateline.pipeline.run_into_store`, into a Parquet folder written by
    the workers; ``status`` is ``stored`` for an article written whole, else
    ``present`` (or ``failed``)."""
    from dateline.pipeline.runners import runner_for
    from dateline.read import iter_documents

    started = time.perf_counter()
    root = Path(folder).resolve()
    root.mkdir(parents=True, exist_ok=True)
    target = ParquetTarget(str(root), time.strftime("%Y%m%dT%H%M%S") + uuid.uuid4().hex[:6])
    known = KnownIds(stored_ids(root))
    sighted = stored_sightings(root)
    runner = runner_for(settings, dask=dask, target=target)
    written: set[str] = set()

    def write_batch(number: int, batch: list[Outcome], summary: Summary) -> None:
        """Count the batch its worker wrote; take out what an earlier batch wrote."""
        whole = {id(a) for a in written_whole(batch, known)}
        again = {a.id for a in (o.result for o in batch)
                 if id(a) in whole and a.id in written}
        if again:
            target.drop(number, again)
        target.keep_new_sightings(number, sighted)
        for outcome in batch:
            summary.read += 1
            article = outcome.result
            if isinstance(article, Rejected):
                summary.failed += 1
                status = "failed"
            elif id(article) in whole and article.id not in again:
                summary.stored += 1
                written.add(article.id)
                status = "stored"
            else:
                summary.present += 1
                status = "present"
            if on_outcome:
                on_outcome(outcome, status)

    documents = iter_documents(inputs, settings.max_bytes, [root])
    return drive(documents, runner, settings, known, write_batch, stop, started)
