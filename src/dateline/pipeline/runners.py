"""Where the batches of a run are processed: here, in local worker processes, or on Dask.

A runner turns batches of raw documents into batches of outcomes
(:func:`dateline.pipeline.work.process_batch`) and hands them back **in input order**,
so that the one writer (the parent, :func:`dateline.pipeline.run_into_store`) stores
exactly what a run in one process stores. At most a few batches per worker are in
flight, so memory stays flat however long the input is.

- :class:`InProcess`: ``--workers 1``; asks the store itself which articles it holds.
- :class:`LocalPool`: ``--workers N``; N processes (spawned, so each starts clean and
  loads the model once), fed the ids stored when the run began.
- :class:`~dateline.pipeline.cluster.DaskRunner`: ``--dask ADDRESS``.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dateline.errors import DatelineError
from dateline.pipeline.work import Item, KnownIds, run_batch, warm_up
from dateline.records import RawDocument
from dateline.settings import Settings

#: Batches in flight per worker: one running, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2
#: Parts a batch is cut into for the workers: small parts keep every worker busy to the
#: end of a run (no long last batch on one worker while the others wait) and a slow
#: part at the head of the queue holds the others back less.
PARTS_PER_BATCH = 4


class InProcess:
    """Every batch in this process, one after the other (``--workers 1``)."""

    def __init__(self, settings: Settings, target=None) -> None:
        self.settings = settings
        self.target = target
        if settings.language and settings.events:
            from dateline.events.coder import coder_for

            # read the user's event dictionaries now: a missing file fails before any work
            coder_for(settings.actors, settings.agents, settings.verbs)

    def results(self, batches: Iterable[list[Item]], known=None) -> Iterator[list]:
        is_known = known.exists if hasattr(known, "exists") else known
        for number, batch in enumerate(batches):
            # the writer trims the heap once the batch is stored
            yield run_batch(batch, self.settings, is_known, number, self.target, trim=False)

    def close(self, cancel: bool = False) -> None:
        """Nothing to release."""


# --- local worker processes --------------------------------------------------------------

_worker_known: KnownIds | None = None
_worker_error: DatelineError | None = None


def _start_worker(settings: Settings, known: KnownIds) -> None:
    """Initializer of a worker process: load everything once; keep a start-up error to
    report with the first batch (an initializer that raises only says 'broken pool')."""
    global _worker_known, _worker_error
    _worker_known = known
    try:
        warm_up(settings)
    except DatelineError as exc:
        _worker_error = exc


def _worker_batch(items: list[Item], settings: Settings, number: int, target) -> list:
    """The results (articles or rejections) of ``items``, without their raw documents,
    which the parent holds already."""
    if _worker_error is not None:
        raise _worker_error
    return [outcome.result for outcome in run_batch(items, settings, _worker_known, number,
                                                    target)]


def snapshot(known) -> KnownIds:
    """The ids ``known`` holds (a store, a :class:`KnownIds`, or None), to ship to workers."""
    if known is None:
        return KnownIds()
    if hasattr(known, "iter_ids"):
        return KnownIds(known.iter_ids())
    return known


class LocalPool:
    """Batches in ``workers`` processes of this machine; results back in input order.

    Each batch goes to the workers in :data:`PARTS_PER_BATCH` parts (whole, with a
    Parquet target, whose files are named by batch), and comes back whole: the writer
    still stores, and Ctrl-C still stops, batch by batch.
    """

    def __init__(self, settings: Settings, workers: int, target=None) -> None:
        self.settings = settings
        self.workers = workers
        self.target = target
        self.executor: ProcessPoolExecutor | None = None
        #: batches sent, in input order, each with the futures of its parts
        self.pending: deque[tuple[list[Item], list[Future]]] = deque()

    def results(self, batches: Iterable[list[Item]], known=None) -> Iterator[list]:
        batches = iter(batches)
        first, second = next(batches, None), next(batches, None)
        if second is None:
            # one batch or none: starting workers would cost more than it saves
            runner = InProcess(self.settings, self.target)
            yield from runner.results([first] if first else [], known)
            return
        batches = itertools.chain([first, second], batches)
        known = snapshot(known)
        # spawn, not fork: a forked copy of a parent that loaded spaCy or opened SQLite
        # is not safe; each worker starts clean and loads the model itself
        self.executor = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(self.settings, known))
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for number, batch in enumerate(batches):
            self.pending.append((batch, self._submit(batch, number)))
            if len(self.pending) >= limit:
                yield self._next()
        while self.pending:
            yield self._next()

    def _submit(self, batch: list[Item], number: int) -> list[Future]:
        if self.target is not None:
            return [self.executor.submit(_worker_batch, batch, self.settings, number,
                                         self.target)]
        size = -(-len(batch) // PARTS_PER_BATCH)
        return [self.executor.submit(_worker_batch, batch[at:at + size], self.settings,
                                     number, None)
                for at in range(0, len(batch), size)]

    def _next(self) -> list:
        from dateline.pipeline.run import Outcome

        batch, parts = self.pending.popleft()
        try:
            results = [result for part in parts for result in part.result()]
        except BrokenProcessPool as exc:
            raise DatelineError(f"a worker process died ({exc}); what was stored is kept, "
                                "run again to complete the rest") from exc
        # the raw documents never travel back: the parent still holds them
        return [Outcome(item if isinstance(item, RawDocument) else None, result)
                for item, result in zip(batch, results, strict=True)]

    def close(self, cancel: bool = False) -> None:
        """Shut the workers down; ``cancel`` drops the batches in flight at once."""
        if self.executor is None:
            return
        for _, parts in self.pending:
            for future in parts:
                future.cancel()
        self.pending.clear()
        if cancel:
            # Python 3.11 has no public way to stop a busy worker; its batch is dropped
            # anyway, and nothing of it was stored
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None


def runner_for(settings: Settings, workers: int | None = None, dask: str | None = None,
               target=None):
    """The runner a run asks for: Dask when an address is given, else by worker count.

    ``target`` (a :class:`~dateline.pipeline.parquet.ParquetTarget`) has the workers
    write Parquet files themselves."""
    if dask:
        from dateline.pipeline.cluster import DaskRunner

        return DaskRunner(settings, dask, workers, target)
    count = workers if workers is not None else settings.workers
    if count <= 1:
        return InProcess(settings, target)
    return LocalPool(settings, count, target)
