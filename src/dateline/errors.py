"""dateline's exceptions: one tree, so callers can catch ``DatelineError``.

::

    DatelineError
    ├── InputError      a file or record could not be read (names it and says why)
    ├── ConfigError     a setting or option has a bad value (names the key)
    ├── ModelError      a language model or data table is missing or broken
    ├── StoreError      the database could not be opened or written
    └── BenchError      a gold set is missing or has an unknown layout

Errors from libraries underneath are re-raised as one of these with ``raise ... from``.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class InputError(DatelineError):
    """A document could not be read. ``origin`` names the file (and record)."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self):
        # raised in a worker process, it travels back to the parent pickled
        return type(self), (self.origin, self.reason)


class ConfigError(DatelineError):
    """A setting has a value dateline cannot use."""


class ModelError(DatelineError):
    """A language model or data table is missing or cannot be loaded."""


class StoreError(DatelineError):
    """The article store could not be opened, migrated or written."""


class BenchError(DatelineError):
    """A benchmark could not run: the gold set is missing or not in a known layout."""
