"""Driving documents through the stages: read, article layer, then language and events.

:func:`process` runs the stages over any inputs and yields one :class:`Outcome` per
document, in input order. The language stage runs on batches of articles (one
``nlp.pipe`` call per batch). :func:`run_into_store` does the same into a
:class:`~dateline.store.Store`, skipping the language stage for articles the store
already holds, and counts what happened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.article import build_article, load_cues
from dateline.read import iter_documents
from dateline.records import Article, RawDocument, Rejected
from dateline.settings import Settings


@dataclass(slots=True)
class Outcome:
    """What became of one document: an article, or a rejection with its reason."""

    raw: RawDocument | None
    result: Article | Rejected


@dataclass
class Summary:
    """Counts of a run, for its one-line summary."""

    read: int = 0
    stored: int = 0
    present: int = 0
    failed: int = 0
    #: wall-clock seconds of the run (0 until it ends)
    seconds: float = 0.0
    #: True when the run was stopped (Ctrl-C) before its inputs ran out
    interrupted: bool = False

    @property
    def articles(self) -> int:
        return self.stored + self.present

    def line(self) -> str:
        counts = (f"read {self.read}, stored {self.stored}, already present {self.present}, "
                  f"failed {self.failed}")
        if not self.seconds:
            return counts
        rate = self.articles / self.seconds
        return f"{counts} in {self.seconds:.1f} s ({rate:.2f} articles/s)"


def _language_options(settings: Settings):
    from dateline.pipeline.stages import LanguageOptions

    return LanguageOptions(model=settings.model, events=settings.events,
                           batch_size=settings.batch_size,
                           max_chars=settings.max_language_chars, actor_files=settings.actors,
                           agent_files=settings.agents, verb_files=settings.verbs)


def articles_of(inputs: Iterable[str], settings: Settings,
                exclude: Iterable[Path] = ()) -> Iterator[Outcome]:
    """The article layer alone over ``inputs`` (files in ``exclude`` passed over)."""
    yield from outcomes_of(iter_documents(inputs, settings.max_bytes, exclude), settings)


def outcomes_of(items: Iterable[RawDocument | Rejected], settings: Settings
                ) -> Iterator[Outcome]:
    """The article layer over documents already read (rejections pass through)."""
    cues = load_cues(settings.credits, settings.boilerplate)
    for item in items:
        if isinstance(item, Rejected):
            yield Outcome(None, item)
        else:
            yield Outcome(item, build_article(item, cues))


def process(inputs: Iterable[str], settings: Settings,
            skip: Callable[[Article], bool] | None = None,
            exclude: Iterable[Path] = ()) -> Iterator[Outcome]:
    """All stages over ``inputs``; ``skip(article)`` True leaves out the language stage."""
    yield from annotated(articles_of(inputs, settings, exclude), settings, skip)


def annotated(outcomes: Iterable[Outcome], settings: Settings,
              skip: Callable[[Article], bool] | None = None) -> Iterator[Outcome]:
    """The language and event stages over article-layer outcomes, in batches."""
    if settings.language and settings.events:
        from dateline.events.coder import coder_for

        # read the user's event dictionaries now: a missing file fails before any work
        coder_for(settings.actors, settings.agents, settings.verbs)
    batch: list[Outcome] = []
    for outcome in outcomes:
        batch.append(outcome)
        if len(batch) >= settings.batch_size:
            yield from _annotated(batch, settings, skip)
            batch = []
    yield from _annotated(batch, settings, skip)


def _annotated(batch: list[Outcome], settings: Settings,
               skip: Callable[[Article], bool] | None) -> list[Outcome]:
    if settings.language:
        from dateline.pipeline.stages import annotate

        todo = [o.result for o in batch
                if isinstance(o.result, Article) and not (skip and skip(o.result))]
        if todo:
            annotate(todo, _language_options(settings))
    return batch


def run_into_store(inputs: Iterable[str], store, settings: Settings,
                   on_outcome: Callable[[Outcome, str], None] | None = None,
                   runner=None, stop: Callable[[], bool] | None = None) -> Summary:
    """Process ``inputs`` into ``store``; ``on_outcome(outcome, status)`` after each one.

    ``status`` is ``stored``, ``present`` or ``failed``. Articles already in the store
    only gain a sighting: the language stage does not run on them again. ``runner``
    (:mod:`dateline.pipeline.runners`) runs the batches, in this process by default, in
    worker processes or on a Dask cluster otherwise; this process alone writes, in input
    order. ``stop()`` is asked after each batch is written: True ends the run there.
    """
    from dateline.pipeline.runners import InProcess

    started = time.perf_counter()
    own_files = [store.path.with_name(store.path.name + suffix) for suffix in ("", "-wal", "-shm")]
    runner = runner or InProcess(settings)
    documents = iter_documents(inputs, settings.max_bytes, own_files)

    def write_batch(_number: int, batch: list[Outcome], summary: Summary) -> None:
        for outcome in batch:
            _write(outcome, store, summary, on_outcome)

    return drive(documents, runner, settings, store, write_batch, stop, started)


def drive(documents: Iterable[RawDocument | Rejected], runner, settings: Settings, known,
          write_batch: Callable[[int, list[Outcome], Summary], None],
          stop: Callable[[], bool] | None = None, started: float | None = None) -> Summary:
    """Run ``documents`` in batches on ``runner`` and hand each batch back, in input
    order, to ``write_batch(number, outcomes, summary)``, which writes it and counts it.

    ``known`` (the store, or the ids a target holds) lets the runner skip the language
    stage for articles already written. ``stop()`` is asked after each batch: True ends
    the run there, marked interrupted. On any error the runner's work is cancelled.
    ``started`` (a ``time.perf_counter()`` reading) is when the run began, for its
    seconds.
    """
    from dateline.pipeline.work import batches, release_memory

    started = time.perf_counter() if started is None else started
    summary = Summary()
    try:
        for number, batch in enumerate(runner.results(batches(documents, settings.batch_size),
                                                      known)):
            write_batch(number, batch, summary)
            del batch  # its documents and records: the heap is trimmed without them
            release_memory()
            if stop is not None and stop():
                summary.interrupted = True
                break
    except BaseException:
        runner.close(cancel=True)
        raise
    runner.close(cancel=summary.interrupted)
    summary.seconds = time.perf_counter() - started
    return summary


def store_outcomes(outcomes: Iterable[Outcome], store, settings: Settings,
                   on_outcome: Callable[[Outcome, str], None] | None = None) -> Summary:
    """The language and event stages over article-layer ``outcomes``, into ``store``.

    An upload to the web API, read from its request body, goes through here: in this
    process, written as :func:`run_into_store` writes.
    """
    summary = Summary()
    for outcome in annotated(outcomes, settings, skip=lambda a: store.exists(a.id)):
        _write(outcome, store, summary, on_outcome)
    return summary


def _write(outcome: Outcome, store, summary: Summary,
           on_outcome: Callable[[Outcome, str], None] | None) -> None:
    summary.read += 1
    if isinstance(outcome.result, Rejected):
        summary.failed += 1
        status = "failed"
    else:
        status = store.add(outcome.result, outcome.raw)
        if status == "stored":
            summary.stored += 1
        else:
            summary.present += 1
    if on_outcome:
        on_outcome(outcome, status)


def reprocess(store, settings: Settings,
              on_article: Callable[[Article], None] | None = None) -> int:
    """Re-run the stages on stored articles made by older stage versions; returns how many.

    The article layer re-runs from the stored raw document when the article stage or
    its tables changed; the language and event stages re-run on the result.
    """
    from dateline.parse.nlp import load_nlp
    from dateline.pipeline.stages import annotate, language_versions
    from dateline.versions import article_versions

    cues = load_cues(settings.credits, settings.boilerplate)
    current = article_versions(cues.digest)
    if settings.language:
        options = _language_options(settings)
        current |= language_versions(load_nlp(settings.model), options)
    done = 0
    for article_id in store.stale_ids(current):
        article = _rebuilt(store, article_id, cues)
        if article is None:
            continue
        if settings.language:
            annotate([article], _language_options(settings))
        store.replace(article)
        done += 1
        if on_article:
            on_article(article)
    return done


def _rebuilt(store, article_id: str, cues) -> Article | None:
    """The article rebuilt from its raw document (same id kept), or as stored."""
    stored = store.get(article_id)
    raw = store.raw(article_id)
    if stored is None:
        return None
    if raw is None:
        return stored
    rebuilt = build_article(raw, cues)
    if isinstance(rebuilt, Rejected):
        return stored
    # Keep identity and sightings: a cleaner change must not split one article in two.
    rebuilt.id, rebuilt.sources, rebuilt.source = stored.id, stored.sources, stored.source
    return rebuilt
