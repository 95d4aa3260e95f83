"""One read-only connection to the store per worker thread.

sqlite3 connections must not be used by two threads at once; the server runs its
request handlers on a pool of threads, so each thread opens its own reader once and
keeps it. In WAL mode a reader sees every article a ``dateline run`` commits, without
a restart.
"""

from __future__ import annotations

import threading
from pathlib import Path

from dateline.store import Store


class Readers:
    """Per-thread read-only :class:`Store` objects over one database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.reader(self.path)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        """Close every reader (at shutdown, when no request runs)."""
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
