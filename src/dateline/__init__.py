"""dateline: raw news in; clean articles and what they report out.

The public API::

    import dateline
    article = dateline.extract("page.html")          # one page -> Article
    for article in dateline.iter_articles(["dumps/"]):  # many inputs -> Articles
        ...

See the README for the record's fields and the command line.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "iter_articles", "iter_outcomes"]


def __getattr__(name: str):
    # Import lazily: `import dateline` stays cheap for the CLI's --help and for tests.
    if name in ("extract", "iter_articles", "iter_outcomes"):
        from dateline import api

        return getattr(api, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
