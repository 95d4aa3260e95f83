"""What every query shares: opening a store for reading, and small SQL helpers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.errors import StoreError
from dateline.store import Store

#: Rows fetched per SQL ``IN (...)`` list: well under SQLite's variable limit.
CHUNK = 500


def open_store(path: str | Path) -> Store:
    """Open an existing store for reading; a missing file is an error, not a new store."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database (store articles first with "
                         "`dateline run PATHS --db FILE`)")
    return Store(path)


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its wildcards taken literally
    (use with ``ESCAPE '\\'``)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    """``items`` in slices of at most ``size``, for ``IN (...)`` lists."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def marks(items: Sequence) -> str:
    """As many ``?`` placeholders as ``items``, comma-separated."""
    return ", ".join("?" * len(items))


def fts_words(text: str) -> str:
    """``text`` as an FTS5 query of quoted words (for text that is not valid FTS5)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())
