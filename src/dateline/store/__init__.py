"""The article store (SQLite by default)."""

from dateline.store.sqlite import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
