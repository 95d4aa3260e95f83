"""Batches on a Dask cluster: ``dateline run --dask ADDRESS`` (or ``--dask local``).

Each batch of raw documents is one Dask task running
:func:`dateline.pipeline.work.run_batch` on a worker; the worker process keeps the model,
the coder and the gazetteer loaded between tasks. Results come back in input order to
the one writer. A worker that dies takes its running batches with it: the scheduler
runs them again elsewhere, and since the writer only ever sees each batch's result once
(and adds articles by id), the store ends as if nothing had happened.

Dask is optional: ``pip install "dateline[dask]"``.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Iterable, Iterator

from dateline.errors import DatelineError
from dateline.pipeline.work import Item, run_batch
from dateline.settings import Settings

#: Times a batch whose task raised (not one whose worker died) is tried again.
RETRIES = 2
#: Batches in flight per worker thread.
IN_FLIGHT_PER_THREAD = 2
#: Seconds to wait for the scheduler when connecting.
CONNECT_TIMEOUT = 30

INSTALL_HINT = 'pip install "dateline[dask]"  (which installs dask[distributed])'


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DatelineError(f"--dask needs Dask, which is not installed: {INSTALL_HINT}") \
            from exc
    return distributed


class DaskRunner:
    """Batches as tasks on a Dask cluster; ``address`` ``local`` starts one here with
    ``workers`` processes (default: the ``workers`` setting)."""

    def __init__(self, settings: Settings, address: str, workers: int | None = None,
                 target=None) -> None:
        self.distributed = _distributed()
        self.settings = settings
        self.address = address
        self.workers = workers or settings.workers
        self.target = target
        self.run_id = uuid.uuid4().hex[:12]
        self.client = None
        self.cluster = None
        self.pending: deque = deque()

    def _connect(self):
        distributed = self.distributed
        try:
            if self.address == "local":
                self.cluster = distributed.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise DatelineError(f"cannot reach the Dask scheduler at {self.address}: {exc}") \
                from exc
        return self.client

    def results(self, batches: Iterable[list[Item]], known=None) -> Iterator[list]:
        from dateline.pipeline.runners import snapshot

        client = self._connect()
        # the stored ids go to every worker once, not with every batch
        known_ids = client.scatter(snapshot(known), broadcast=True)
        threads = sum(client.nthreads().values()) or 1
        limit = max(2, threads * IN_FLIGHT_PER_THREAD)
        for number, batch in enumerate(batches):
            self.pending.append(client.submit(
                run_batch, batch, self.settings, known_ids, number, self.target,
                key=f"dateline-batch-{self.run_id}-{number}", pure=False, retries=RETRIES))
            if len(self.pending) >= limit:
                yield self._next()
        while self.pending:
            yield self._next()

    def _next(self) -> list:
        future = self.pending.popleft()
        try:
            return future.result()
        finally:
            future.release()

    def close(self, cancel: bool = False) -> None:
        """Cancel what is still in flight; disconnect (and stop a local cluster)."""
        if self.client is not None:
            if self.pending:
                self.client.cancel(list(self.pending))
            self.pending.clear()
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
