"""Cold-start time: ``dateline extract`` of one article against loading spaCy alone.

Both run as fresh processes of the same Python, in turns (so a busy spell of the
machine falls on both), :data:`ROUNDS` times each; the medians give
``start_ratio`` = extract's seconds / the model load's seconds. The gazetteer index
and the other cached tables (:func:`dateline.cachefiles.build_all`) are built
beforehand, as they are after the first run on a machine. Wall-clock seconds
are the figure; the processes' CPU seconds are kept too, as they vary less when
other work shares the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

from dateline.errors import BenchError

ROUNDS = 3


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (which must succeed)."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}")
    return wall, (after.children_user - before.children_user
                  + after.children_system - before.children_system)


def start_times(article: Path, model: str) -> dict[str, float]:
    """Seconds of the two cold starts and their ratios (wall and CPU)."""
    from dateline.cachefiles import build_all

    build_all()
    load = [sys.executable, "-c", f"import spacy; spacy.load({model!r})"]
    extract = [sys.executable, "-m", "dateline.cli", "extract", "--model", model, str(article)]
    runs: dict[str, list[tuple[float, float]]] = {"load": [], "extract": []}
    for _ in range(ROUNDS):
        runs["load"].append(_timed(load))
        runs["extract"].append(_timed(extract))
    load_wall, extract_wall = (median(w for w, _ in runs[k]) for k in ("load", "extract"))
    load_cpu, extract_cpu = (median(c for _, c in runs[k]) for k in ("load", "extract"))
    return {
        "article": str(article),
        "rounds": ROUNDS,
        "spacy_load_seconds": round(load_wall, 3),
        "extract_seconds": round(extract_wall, 3),
        "start_ratio": extract_wall / load_wall if load_wall else 0.0,
        "spacy_load_cpu_seconds": round(load_cpu, 3),
        "extract_cpu_seconds": round(extract_cpu, 3),
        "start_ratio_cpu": round(extract_cpu / load_cpu, 4) if load_cpu else 0.0,
    }
