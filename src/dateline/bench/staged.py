"""Where the time of a run goes: the seconds of each stage, from files to the store.

One process takes the files through the same steps as ``dateline run`` with one
worker (read, article, then batches parsed and passed through each stage, then
stored), with a clock around each step. It measures; the records it stores are
those of a plain run.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from time import perf_counter

#: The steps timed, in the order a document meets them.
STEPS = ("reading", "article", "parse", "entities", "quotes", "time", "counts", "places",
         "events", "store")


def _timed_items(items: Iterable, timings: dict[str, float], key: str) -> Iterator:
    """``items``, with the time spent producing each one added to ``timings[key]``."""
    iterator = iter(items)
    while True:
        started = perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            timings[key] += perf_counter() - started
            return
        timings[key] += perf_counter() - started
        yield item


def stage_seconds(paths: list[str], model: str | None, batch_size: int
                  ) -> tuple[dict[str, float], int, float]:
    """Seconds per step over ``paths`` into a new store; articles stored; total seconds."""
    from dateline.article import build_article, load_cues
    from dateline.pipeline.stages import LanguageOptions, annotate
    from dateline.read import iter_documents
    from dateline.records import Article, RawDocument
    from dateline.settings import Settings
    from dateline.store import Store

    settings = Settings(model=model, batch_size=batch_size)
    options = LanguageOptions(model=model, batch_size=batch_size)
    timings = dict.fromkeys(STEPS, 0.0)
    cues = load_cues(settings.credits, settings.boilerplate)
    stored = 0
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "stages.db") as store:
        started = perf_counter()

        def flush(batch: list[tuple[RawDocument, Article]]) -> int:
            new = [a for _, a in batch if not store.exists(a.id)]
            if new:
                annotate(new, options, timings)
            clock = perf_counter()
            added = sum(store.add(a, raw) == "stored" for raw, a in batch)
            timings["store"] += perf_counter() - clock
            return added

        batch: list[tuple[RawDocument, Article]] = []
        for item in _timed_items(iter_documents(paths, settings.max_bytes), timings, "reading"):
            if not isinstance(item, RawDocument):
                continue
            clock = perf_counter()
            article = build_article(item, cues)
            timings["article"] += perf_counter() - clock
            if isinstance(article, Article):
                batch.append((item, article))
            if len(batch) >= batch_size:
                stored += flush(batch)
                batch = []
        stored += flush(batch)
        total = perf_counter() - started
    return {k: round(v, 3) for k, v in timings.items()}, stored, total
