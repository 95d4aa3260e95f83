"""``dateline bench speed``: how fast the language stage runs, against spaCy alone.

Over the gold bodies of an AEB set, in one process, with the same model and batch
size 32:

1. spaCy's own ``nlp.pipe`` over the bodies (one text per body);
2. dateline's language stage (entities, quotes, time, counts; :func:`annotate` with
   events off) over the same bodies as articles (one segment per paragraph).

``ratio_to_spacy`` = spaCy's seconds / ours (1.0 means no overhead beyond parsing);
``words_per_s`` = words / our seconds. Then, end to end, the set's HTML files go
through every stage into a temporary store: ``articles_per_s``. The model is loaded
and warmed up before any clock starts.

Two more measurements in the same run: ``start_ratio``, the cold start of
``dateline extract`` on the first page against loading the model alone
(:mod:`dateline.bench.startup`), and, in the details, the seconds of each stage
over the pages, from reading the files to storing the records
(:mod:`dateline.bench.staged`).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult
from dateline.bench.aeb import load_pages
from dateline.bench.staged import stage_seconds
from dateline.bench.startup import start_times
from dateline.parse.nlp import default_model_name, load_nlp, model_version
from dateline.pipeline.stages import LanguageOptions, annotate
from dateline.records import Article

BATCH_SIZE = 32


def _articles(bodies: list[str]) -> list[Article]:
    return [Article(id=str(i), title=None, language="en", published="2019-11-20",
                    paragraphs=[p.strip() for p in body.split("\n") if p.strip()])
            for i, body in enumerate(bodies)]


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    pages = load_pages(data, options.get("limit"))
    bodies = [page.body for page in pages]
    words = sum(len(body.split()) for body in bodies)
    start = start_times(pages[0].path, options.get("model") or default_model_name())
    nlp = load_nlp(options.get("model"))
    language = LanguageOptions(model=options.get("model"), events=False, batch_size=BATCH_SIZE)
    annotate(_articles(bodies[:3]), language)  # warm up: tables and lazy imports load here

    started = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=BATCH_SIZE):
        pass
    spacy_seconds = time.perf_counter() - started

    articles = _articles(bodies)
    started = time.perf_counter()
    annotate(articles, language)
    ours_seconds = time.perf_counter() - started

    end_to_end_seconds, stored = _end_to_end(pages, options.get("model"))
    stages, staged_stored, staged_total = stage_seconds(
        [str(page.path) for page in pages], options.get("model"), BATCH_SIZE)
    facts = {name: sum(len(getattr(a, name)) for a in articles)
             for name in ("entities", "quotes", "dates", "counts")}
    return BenchResult(
        task="speed", data=str(data),
        figures={"articles_per_s": stored / end_to_end_seconds if end_to_end_seconds else 0.0,
                 "words_per_s": words / ours_seconds if ours_seconds else 0.0,
                 "ratio_to_spacy": spacy_seconds / ours_seconds if ours_seconds else 0.0,
                 "start_ratio": start.pop("start_ratio")},
        details={"model": model_version(nlp), "texts": len(bodies), "words": words,
                 "spacy_seconds": round(spacy_seconds, 3),
                 "language_stage_seconds": round(ours_seconds, 3),
                 "end_to_end_seconds": round(end_to_end_seconds, 3),
                 "end_to_end_articles_stored": stored, "facts_found": facts,
                 "cold_start": start,
                 "stage_seconds": stages,
                 "stage_seconds_note": "one timed pass (one process) over the same files "
                                       f"into a new store: {staged_stored} articles stored "
                                       f"in {staged_total:.3f} s"},
    )


def _end_to_end(pages, model: str | None) -> tuple[float, int]:
    """Seconds to take the pages' HTML files through every stage into a new store."""
    from dateline.pipeline import run_into_store
    from dateline.settings import Settings
    from dateline.store import Store

    settings = Settings(model=model, batch_size=BATCH_SIZE)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "speed.db") as store:
        started = time.perf_counter()
        summary = run_into_store([str(page.path) for page in pages], store, settings)
        return time.perf_counter() - started, summary.stored
