"""``dateline bench api``: a bounded load on the HTTP API, and datasette on the same file.

1. The store: ``--db FILE`` as given, else one built here: the bundled examples (or
   ``--data PATH``) through every stage, then copied to 5,000 articles with new
   ids and dates (:func:`dateline.bench.stores.scaled_store`).
2. ``dateline serve --workers N`` on 127.0.0.1, and ``datasette serve`` on the same
   file with canned queries that return what ``/api/events`` returns for a CAMEO-type
   filter, ranked the same way: :data:`DATASETTE_SAME_PLAN_SQL` and
   :data:`DATASETTE_WALK_SQL` (the two plans dateline's server chooses from) and
   :data:`DATASETTE_SQL` (the query as one would first write it).
3. A fixed mix of :data:`MIX_REQUESTS` requests (full-text search, events with
   filters, article pages, actor network) from :data:`CLIENTS` concurrent clients;
   then :data:`PAIR_REQUESTS` events requests to dateline and as many to each datasette
   query, same filters, same client, same concurrency, the four taking turns in
   :data:`ROUNDS` slices. Every request has a timeout;
   the run ends by itself.

Last line: ``api: requests_per_s=... p50_ms=... p95_ms=... errors=...
ratio_to_datasette=...``: the mix's throughput and latencies, its failed requests
(any status but 200, any timeout), and the events throughput of dateline over that of
datasette running the faster of the two same-plan queries (the ratio to the plainer SQL
is in the JSON).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult
from dateline.errors import BenchError

#: Articles in the store the bench builds.
ARTICLES = 5000
#: Concurrent clients, requests in the mix, and requests per server in the events pair.
CLIENTS = 50
MIX_REQUESTS = 5000
PAIR_REQUESTS = 1000
#: Slices the events requests are cut into, each server taking turns.
ROUNDS = 10
#: Seconds one request may take before it counts as an error.
TIMEOUT = 30.0
#: Results per events page, in both servers.
PAGE = 50

#: The columns both datasette queries answer: each event with its lead mention (its
#: first) and the figures.
_EVENT_COLUMNS = """
SELECT e.id, e.date, m.source, m.source_code, m.source_country, m.cameo, m.plover,
       m.quad_class, m.goldstein, m.target, m.target_code, m.target_country,
       m.place_name, m.place_country, m.mode, m.sentence, m.article_id,
       (SELECT count(*) FROM event_mentions c WHERE c.event_id = e.id) AS num_mentions,
       (SELECT count(DISTINCT c.article_id) FROM event_mentions c
        WHERE c.event_id = e.id) AS num_articles
FROM events e
JOIN event_mentions m ON m.id = (SELECT min(x.id) FROM event_mentions x
                                 WHERE x.event_id = e.id)
"""

#: What datasette runs for ``/api/events?type=T&limit=50``: the events that occurred
#: with a mention of a CAMEO code starting with T, newest first, then most mentioned,
#: with the columns of the lead mention (its first) and the figures.
DATASETTE_SQL = _EVENT_COLUMNS + """WHERE e.occurred = 1
  AND e.id IN (SELECT t.event_id FROM event_mentions t WHERE t.cameo LIKE :type || '%')
ORDER BY e.date IS NULL, e.date DESC, num_mentions DESC, e.id
LIMIT 50
"""

#: The same answer by the plan dateline's server uses (``find_events``): first the
#: 50th newest date among the matching events, then only the events on or after it
#: ranked, and the type matched with GLOB so its index serves. ``find_events`` lists
#: the matching events first (``IN``, this form) when few match, and walks the events
#: newest first testing each (``EXISTS``, :data:`DATASETTE_WALK_SQL`) when many do.
#: datasette runs both forms; the figure on the last line compares with the faster.
DATASETTE_SAME_PLAN_SQL = """
WITH matching AS (
  SELECT t.event_id FROM event_mentions t WHERE t.cameo GLOB :type || '*'),
last AS (
  SELECT e.date FROM events e WHERE e.occurred = 1 AND e.id IN (SELECT event_id FROM matching)
  ORDER BY e.date DESC LIMIT 1 OFFSET 49)
""" + _EVENT_COLUMNS + """WHERE e.occurred = 1 AND e.id IN (SELECT event_id FROM matching)
  AND (e.date >= (SELECT date FROM last) OR (SELECT date FROM last) IS NULL)
ORDER BY e.date IS NULL, e.date DESC, num_mentions DESC, e.id
LIMIT 50
"""

#: :data:`DATASETTE_SAME_PLAN_SQL` with each event tested as it is read (``EXISTS``).
_MATCHES = """EXISTS (
    SELECT 1 FROM event_mentions t WHERE t.event_id = e.id AND t.cameo GLOB :type || '*')"""
DATASETTE_WALK_SQL = """
WITH last AS (
  SELECT e.date FROM events e WHERE e.occurred = 1 AND """ + _MATCHES + """
  ORDER BY e.date DESC LIMIT 1 OFFSET 49)
""" + _EVENT_COLUMNS + "WHERE e.occurred = 1 AND " + _MATCHES + """
  AND (e.date >= (SELECT date FROM last) OR (SELECT date FROM last) IS NULL)
ORDER BY e.date IS NULL, e.date DESC, num_mentions DESC, e.id
LIMIT 50
"""

#: datasette's canned queries: name -> SQL.
DATASETTE_QUERIES = {"events_by_type": DATASETTE_SQL,
                     "events_by_type_same_plan": DATASETTE_SAME_PLAN_SQL,
                     "events_by_type_walk": DATASETTE_WALK_SQL}


@dataclass
class Tally:
    """Latencies (ms) of the answered requests, the failures, and the wall time."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def summary(self) -> dict[str, Any]:
        return {"requests": self.requests, "seconds": round(self.seconds, 3),
                "requests_per_s": round(self.rate(), 2), "p50_ms": round(self.percentile(.5), 2),
                "p95_ms": round(self.percentile(.95), 2), "errors": self.errors,
                "failures": self.failures}


async def _load(base: str, paths: list[str], clients: int = CLIENTS) -> Tally:
    """GET every path (``clients`` at a time) and time each answer."""
    import httpx

    tally = Tally()
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(session: httpx.AsyncClient) -> None:
        while True:
            try:
                path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                response = await session.get(path)
                await response.aread()
                ok, why = response.status_code == 200, f"status {response.status_code}"
            except httpx.HTTPError as exc:
                ok, why = False, type(exc).__name__
            if ok:
                tally.latencies.append((time.perf_counter() - started) * 1000)
            else:
                tally.errors += 1
                tally.failures[why] = tally.failures.get(why, 0) + 1

    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT, limits=limits) as session:
        started = time.perf_counter()
        await asyncio.gather(*(client(session) for _ in range(clients)))
        tally.seconds = time.perf_counter() - started
    return tally


def _interleaved(runs: list[tuple[str, list[str]]], rounds: int = ROUNDS) -> list[Tally]:
    """Each (server, paths) run in ``rounds`` slices, taking turns, so that a change in
    the machine's load during the measurement falls on every server alike."""
    tallies = [Tally() for _ in runs]
    for number in range(rounds):
        for (base, paths), tally in zip(runs, tallies, strict=True):
            size = -(-len(paths) // rounds)
            part = asyncio.run(_load(base, paths[number * size:(number + 1) * size]))
            tally.latencies += part.latencies
            tally.errors += part.errors
            tally.seconds += part.seconds
            for why, count in part.failures.items():
                tally.failures[why] = tally.failures.get(why, 0) + count
    return tallies


def _mix(db: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` request paths: search, events with filters, article pages, network."""
    from urllib.parse import urlencode

    from dateline.store import Store

    with Store(db) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
        titles = [r[0] or "" for r in store.db.execute("SELECT DISTINCT title FROM articles")]
        roots = [r[0] for r in store.db.execute(
            "SELECT DISTINCT cameo_root FROM events ORDER BY cameo_root")]
        countries = [r[0] for r in store.db.execute(
            "SELECT DISTINCT source_country FROM event_mentions WHERE source_country "
            "IS NOT NULL ORDER BY 1")]
        dates = [r[0] for r in store.db.execute(
            "SELECT DISTINCT substr(date, 1, 10) FROM events WHERE length(date) >= 10 "
            "ORDER BY 1")]
    words = sorted({w.strip(".,:;'\"").lower() for t in titles for w in t.split()
                    if len(w.strip(".,:;'\"")) > 4 and w.isascii()})
    if not ids or not roots:
        raise BenchError(f"{db}: the store needs articles and events for this benchmark")
    rng = random.Random(seed)
    filters = [{}, {"type": "ROOT"}, {"country": "COUNTRY"}, {"quad_class": 1},
               {"since": "DATE"}, {"type": "ROOT", "since": "DATE"}]

    def pick_filter() -> dict:
        chosen = dict(rng.choice(filters))
        for key, value in chosen.items():
            if value == "ROOT":
                chosen[key] = rng.choice(roots)
            elif value == "COUNTRY":
                chosen[key] = rng.choice(countries) if countries else "USA"
            elif value == "DATE":
                chosen[key] = dates[len(dates) // 2] if dates else "2024-01-01"
        return chosen

    paths = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            paths.append("/api/articles?" + urlencode({"q": rng.choice(words or ["news"])}))
        elif kind < 0.65:
            paths.append("/api/events?" + urlencode(pick_filter()))
        elif kind < 0.85:
            paths.append(f"/articles/{rng.choice(ids)}")
        else:
            paths.append("/api/network?" + urlencode(pick_filter()))
    return paths


def _wait(url: str, process: subprocess.Popen, what: str, seconds: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{what} stopped before serving (exit {process.returncode})")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise BenchError(f"{what} did not answer at {url} within {seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _datasette_command(db: Path, port: int, metadata: Path) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1",
            "--port", str(port), "--metadata", str(metadata),
            "--setting", "sql_time_limit_ms", str(int(TIMEOUT * 1000))]


def _store(options: dict[str, Any], data: Path | None, work: Path) -> tuple[Path, str]:
    from dateline.bench.stores import default_inputs, example_store, scaled_store

    if options.get("db"):
        db = Path(options["db"])
        if not db.is_file():
            raise BenchError(f"{db}: no such store")
        return db, str(db)
    inputs = [str(data)] if data else default_inputs()
    small = work / "examples.db"
    example_store(small, inputs)
    db = work / "api.db"
    scaled_store(small, db, ARTICLES)
    return db, f"{' + '.join(inputs)} copied to {ARTICLES} articles"


def run(data: Path | None, options: dict[str, Any]) -> BenchResult:
    if importlib.util.find_spec("datasette") is None or importlib.util.find_spec("httpx") is None:
        raise BenchError("bench api compares with datasette and loads with httpx: "
                         "pip install \".[bench]\"")
    from dateline.store import Store
    from dateline.web.live import free_port

    workers = options.get("workers") or max(1, min(4, os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="dateline-bench-api-") as folder:
        work = Path(folder)
        db, described = _store(options, data, work)
        Store(db).close()  # migrate before two servers open it read-only
        with Store(db) as store:
            articles = store.count()
            roots = [r[0] for r in store.db.execute(
                "SELECT cameo_root FROM events GROUP BY cameo_root ORDER BY count(*) DESC")]
        mix = _mix(db, MIX_REQUESTS)
        ours_port, theirs_port = free_port(), free_port()
        metadata = work / "metadata.json"
        metadata.write_text(json.dumps({"databases": {db.stem: {"queries": {
            name: {"sql": sql} for name, sql in DATASETTE_QUERIES.items()}}}}))
        ours = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                                 "--port", str(ours_port), "--workers", str(workers)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        theirs = subprocess.Popen(_datasette_command(db, theirs_port, metadata),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            ours_url, theirs_url = f"http://127.0.0.1:{ours_port}", f"http://127.0.0.1:{theirs_port}"
            _wait(ours_url + "/api/timeline", ours, "dateline serve")
            _wait(theirs_url + f"/{db.stem}.json", theirs, "datasette")
            types = [roots[i % len(roots)] for i in range(PAIR_REQUESTS)]
            ours_events = [f"/api/events?type={t}&limit={PAGE}" for t in types]
            theirs_paths = {name: [f"/{db.stem}/{name}.json?type={t}&_shape=array"
                                   for t in types] for name in DATASETTE_QUERIES}
            asyncio.run(_load(ours_url, mix[:200]))  # warm both up the same way
            asyncio.run(_load(theirs_url, theirs_paths["events_by_type_same_plan"][:200]))
            mixed = asyncio.run(_load(ours_url, mix))
            pair_ours, *tallies = _interleaved(
                [(ours_url, ours_events)]
                + [(theirs_url, paths) for paths in theirs_paths.values()])
            by_query = dict(zip(DATASETTE_QUERIES, tallies, strict=True))
            same = all(_same_answers(ours_url, theirs_url, db.stem, root, query)
                       for root in roots[:3] for query in DATASETTE_QUERIES)
        finally:
            _stop(ours)
            _stop(theirs)
    best = max(by_query["events_by_type_same_plan"], by_query["events_by_type_walk"],
               key=Tally.rate)
    plain = by_query["events_by_type"]
    figures = {"requests_per_s": round(mixed.rate(), 2), "p50_ms": round(mixed.percentile(.5), 2),
               "p95_ms": round(mixed.percentile(.95), 2),
               "errors": mixed.errors + pair_ours.errors
               + sum(tally.errors for tally in by_query.values()),
               "ratio_to_datasette": round(_ratio(pair_ours, best), 4)}
    details = {"articles": articles, "workers": workers, "clients": CLIENTS,
               "cpus": os.cpu_count(), "mix": mixed.summary(),
               "events_dateline": pair_ours.summary(),
               "events_datasette_plain_sql": plain.summary(),
               "events_datasette_same_plan": by_query["events_by_type_same_plan"].summary(),
               "events_datasette_walk": by_query["events_by_type_walk"].summary(),
               "ratio_to_datasette_plain_sql": round(_ratio(pair_ours, plain), 4),
               "datasette_sql": {name: sql.strip() for name, sql in DATASETTE_QUERIES.items()},
               "same_event_ids": same, "datasette": _version("datasette")}
    return BenchResult(task="api", data=described, figures=figures, details=details)


def _ratio(ours: Tally, theirs: Tally) -> float:
    return ours.rate() / theirs.rate() if theirs.rate() else 0.0


def _same_answers(ours: str, theirs: str, database: str, root: str, query: str) -> bool:
    """Whether both servers list the same events, in the same order, for one type."""
    import httpx

    mine = httpx.get(f"{ours}/api/events", params={"type": root, "limit": PAGE},
                     timeout=TIMEOUT).json()["results"]
    other = httpx.get(f"{theirs}/{database}/{query}.json",
                      params={"type": root, "_shape": "array"}, timeout=TIMEOUT).json()
    return [e["id"] for e in mine] == [e["id"] for e in other]


def _version(package: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None
