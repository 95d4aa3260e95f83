"""``dateline bench scale``: speed with 1 and 2 worker processes, and memory as input grows.

Over the HTML pages of an AEB set, each measurement is one ``dateline run`` in a child
process into a new store, timed from start to exit (Python start, model loading and
worker start-up included, as a user would see it):

- ``articles_per_s_1`` / ``articles_per_s_2``: articles stored per second with
  ``--workers 1`` and ``--workers 2``, each count run twice in the order
  :data:`SPEED_ORDER` (1, 2, 2, 1) and its two runs' articles over their seconds;
  ``speedup`` = the second over the first. The JSON details hold every run and say
  whether a store of each count holds the same records (``same_store``).
- ``peak_mb_100`` / ``peak_mb_1000``: the peak resident memory (MB) of a run (default
  workers) over 100 and over 1,000 documents: the set's first 100 pages, once and then
  ten times, each copy a JSON Lines record under its own URL and title so that every
  one is a new article, summed over the run's process and all its children (sampled
  every 0.1 s from ``/proc``); ``memory_ratio`` = the second over the first (flat
  memory: close to 1).

The JSON details also hold ``warc``: the pages written over and over into one WARC file
of at least 1 GiB, then read through (``dateline.read.iter_documents``, the reader every
run uses) in a child process, with its peak memory, beside the same over a WARC of about
100 MiB: streaming means the two peaks are about the same.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, ratio
from dateline.bench.aeb import Page, load_pages
from dateline.errors import BenchError

SAMPLE_SECONDS = 0.1
#: The speed runs, by worker count, in this order: each count runs once early and once
#: late, so a machine that slows down or speeds up during the bench (a shared host's
#: cores vary by a fifth over minutes) weighs on both counts alike.
SPEED_ORDER = (1, 2, 2, 1)


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    if not Path("/proc/self/status").exists():
        raise BenchError("bench scale measures memory from /proc: it runs on Linux only")
    pages = load_pages(data, options.get("limit"))
    model = options.get("model")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        paths = [str(page.path) for page in pages]
        runs = {workers: [] for workers in (1, 2)}
        for number, workers in enumerate(SPEED_ORDER):
            runs[workers].append(_measured_run(paths, tmp / f"speed-{number}.db", model,
                                               workers=workers))
        same = _records(tmp / "speed-0.db") == _records(tmp / "speed-1.db")
        # the same pages in both feeds: the larger repeats them, so only the input's
        # size differs (more distinct pages would load more of the tables and caches)
        sample = pages[:100]
        small = _measured_run([str(_feed(sample, 100, tmp / "feed-100.jsonl"))],
                              tmp / "m100.db", model)
        large = _measured_run([str(_feed(sample, 1000, tmp / "feed-1000.jsonl"))],
                              tmp / "m1000.db", model)
        warc = warc_streaming(pages, tmp)
    rate_1, rate_2 = (ratio(sum(r["stored"] for r in runs[w]), sum(r["seconds"] for r in runs[w]))
                      for w in (1, 2))
    return BenchResult(
        task="scale", data=str(data),
        figures={"articles_per_s_1": rate_1, "articles_per_s_2": rate_2,
                 "speedup": ratio(rate_2, rate_1),
                 "peak_mb_100": small["peak_mb"], "peak_mb_1000": large["peak_mb"],
                 "memory_ratio": ratio(large["peak_mb"], small["peak_mb"])},
        details={"pages": len(pages), "cores": os.cpu_count(), "same_store": same,
                 "speed_order": list(SPEED_ORDER), "workers_1": runs[1], "workers_2": runs[2],
                 "feed_pages": len(sample), "memory_100": small,
                 "memory_1000": large, "warc": warc, "load_average": os.getloadavg()},
    )


def _measured_run(inputs: list[str], db: Path, model: str | None,
                  workers: int | None = None) -> dict[str, Any]:
    """One ``dateline run`` in a child process: seconds, peak memory, its summary."""
    command = [sys.executable, "-m", "dateline.cli", "run", "-q", "--db", str(db)]
    if workers is not None:
        command += ["--workers", str(workers)]
    if model:
        command += ["--model", model]
    started = time.perf_counter()
    child = subprocess.Popen(command + inputs, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    peak = _PeakMemory(child.pid)
    peak.start()
    out, err = child.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if child.returncode != 0:
        raise BenchError(f"dateline run failed ({child.returncode}): {err.strip()[-500:]}")
    summary = out.strip().splitlines()[-1]
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"workers": workers, "documents": _documents(summary), "stored": stored,
            "seconds": round(seconds, 3), "peak_mb": round(peak.peak / 2**20, 1),
            "summary": summary}


def _documents(summary: str) -> int:
    return int(summary.split(",")[0].removeprefix("read "))


def _feed(pages: list[Page], count: int, path: Path) -> Path:
    """``count`` documents, the pages over and over, each copy a new article (own URL
    and title), as JSON Lines."""
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            page = pages[number % len(pages)]
            copy = number // len(pages)
            record = {"html": page.html(), "url": f"https://bench.invalid/{copy}/{page.id}",
                      "title": f"Page {page.id}, copy {copy}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def warc_streaming(pages: list[Page], folder: Path) -> dict[str, Any]:
    """Peak memory of reading a WARC of about 100 MiB and one of at least 1 GiB."""
    figures = {}
    for name, size in (("small", 100 * 2**20), ("large", 2**30)):
        path = _warc(pages, size, folder / f"{name}.warc")
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _READ_ALL, str(path)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = _PeakMemory(child.pid)
        peak.start()
        out, err = child.communicate()
        peak.stop()
        if child.returncode != 0:
            raise BenchError(f"reading {path} failed: {err.strip()[-500:]}")
        figures[name] = {"bytes": path.stat().st_size, "documents": int(out.split()[0]),
                         "seconds": round(time.perf_counter() - started, 3),
                         "peak_mb": round(peak.peak / 2**20, 1)}
        path.unlink()
    figures["memory_ratio"] = round(ratio(figures["large"]["peak_mb"],
                                          figures["small"]["peak_mb"]), 4)
    return figures


# Reads every document of one input, as a run does, and prints how many there were.
_READ_ALL = ("import sys\nfrom dateline.read import iter_documents\n"
             "print(sum(1 for _ in iter_documents([sys.argv[1]])))\n")


def _warc(pages: list[Page], size: int, path: Path) -> Path:
    """A WARC file of at least ``size`` bytes: the pages as responses, over and over."""
    bodies = [page.html().encode("utf-8") for page in pages]
    written, number = 0, 0
    with path.open("wb") as handle:
        while written < size:
            body = bodies[number % len(bodies)]
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            head = (f"WARC/1.0\r\nWARC-Type: response\r\n"
                    f"WARC-Target-URI: https://bench.invalid/{number}\r\n"
                    f"WARC-Date: 2024-01-01T00:00:00Z\r\n"
                    f"WARC-Record-ID: <urn:uuid:{number:032x}>\r\n"
                    f"Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(http)}\r\n\r\n").encode()
            record = head + http + b"\r\n\r\n"
            handle.write(record)
            written += len(record)
            number += 1
    return path


def _records(db: Path) -> list[tuple]:
    """The stored articles' ids and records (write times left out)."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, record FROM articles ORDER BY id").fetchall()
        events = connection.execute("SELECT article_id, record FROM event_mentions "
                                    "ORDER BY article_id, id").fetchall()
    return rows + events


class _PeakMemory:
    """The peak of the summed resident memory of a process and its descendants."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    """``root`` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _rss(pid: int) -> int:
    """Resident memory of one process in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
