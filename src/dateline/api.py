"""The Python API: :func:`extract` for one page, :func:`iter_articles` for many.

::

    import dateline

    article = dateline.extract("page.html")             # a path ...
    article = dateline.extract(html_string, url="https://example.org/a")  # ... or content
    print(article.title, article.published, len(article.quotes))

    for article in dateline.iter_articles(["archive.warc.gz", "dumps/"]):
        print(article.id, article.title)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.pipeline import Outcome, annotated, outcomes_of, process
from dateline.read.sniff import sniff_format
from dateline.records import Article, RawDocument, Rejected
from dateline.settings import Settings, load_settings


def extract(source: str | os.PathLike[str], *, url: str | None = None,
            settings: Settings | None = None, **options) -> Article:
    """One article from a file path or from the page's content (HTML or a text dump).

    ``options`` override settings (``model=``, ``language=False``, ``events=False``,
    ``max_bytes=``...). Raises :class:`~dateline.errors.InputError` when the input
    cannot be read or holds no article.
    """
    settings = (settings or load_settings()).with_options(**options)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_path(source)):
        for outcome in process([str(source)], settings):
            return _article_or_raise(outcome, url)
        raise InputError(str(source), "no document found")
    kind = "html" if sniff_format(source.encode("utf-8")[:65536]) == "html" else "text"
    raw = RawDocument(source=url or "<string>", origin=url or "<string>", kind=kind,
                      content=source, url=url)
    for outcome in annotated(outcomes_of([raw], settings), settings):
        return _article_or_raise(outcome, url)
    raise InputError(raw.origin, "no document found")


def iter_articles(inputs: Iterable[str | os.PathLike[str]], *,
                  settings: Settings | None = None, **options) -> Iterator[Article]:
    """Articles from files, folders, globs or ``-``; inputs that fail are skipped.

    Use :func:`iter_outcomes` to see the rejections and their reasons too.
    """
    for outcome in iter_outcomes(inputs, settings=settings, **options):
        if isinstance(outcome.result, Article):
            yield outcome.result


def iter_outcomes(inputs: Iterable[str | os.PathLike[str]], *,
                  settings: Settings | None = None, **options) -> Iterator[Outcome]:
    """Every document's outcome: an :class:`Article` or a :class:`Rejected`."""
    settings = (settings or load_settings()).with_options(**options)
    yield from process([str(i) for i in inputs], settings)


def _is_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    return text == "-" or Path(text).exists()


def _article_or_raise(outcome: Outcome, url: str | None) -> Article:
    if isinstance(outcome.result, Rejected):
        raise InputError(outcome.result.origin, outcome.result.reason)
    if url and not outcome.result.url:
        outcome.result.url = url
    return outcome.result
