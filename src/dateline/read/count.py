"""How many documents a run's inputs hold, when that is known without reading them."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.read import expand_path

#: Name parts of files that may hold many documents (WARC archives, JSON Lines).
_CONTAINER_HINTS = (".warc", ".arc", ".json", ".ndjson")


def count_documents(inputs: Iterable[str]) -> int | None:
    """The number of documents in ``inputs`` when each is one file holding one document
    (HTML pages, dumps, gzipped or not); None for standard input, WARC archives, JSON
    files and paths that match nothing. A guess by file name: contents are not read."""
    total = 0
    for name in inputs:
        if str(name) == "-":
            return None
        paths = expand_path(str(name))
        if not paths:
            return None
        for path in paths:
            if any(hint in path.name.lower() for hint in _CONTAINER_HINTS):
                return None
        total += len(paths)
    return total
