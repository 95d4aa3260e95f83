"""Stores for the web benchmarks: the examples' store, and a large one made from it.

:func:`example_store` runs the whole pipeline (events included) over the inputs, as
``dateline run`` does. :func:`scaled_store` makes a store of ``count`` articles from
the records of a small one without running spaCy again: each copy gets a new id, its
dates moved on by whole days (one day per round through the originals), and a URL of
its own; its facts are written through :meth:`Store.add` like any article's.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from pathlib import Path

from dateline.errors import BenchError
from dateline.records import Article, Sighting
from dateline.store import Store

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def default_inputs() -> list[str]:
    """The examples bundled with the project (``examples/``, from the repository root)."""
    here = Path("examples")
    if not here.is_dir():
        raise BenchError("no inputs: run from the repository root (examples/ beside you) "
                         "or give --data PATH")
    return [str(here)]


def example_store(path: Path, inputs: list[str]) -> int:
    """Store ``inputs`` with every stage into a new store at ``path``; the article count."""
    from dateline.pipeline import run_into_store
    from dateline.settings import load_settings

    settings = load_settings().with_options(db=str(path))
    with Store(path) as store:
        run_into_store(inputs, store, settings)
        count = store.count()
    if not count:
        raise BenchError(f"{', '.join(inputs)}: no article could be stored")
    return count


def shift_day(value: str | None, days: int) -> str | None:
    """``value`` with its leading YYYY-MM-DD moved ``days`` later (else unchanged)."""
    if not value or not days:
        return value
    found = _DAY.match(value)
    if not found:
        return value
    try:
        moved = date(*map(int, found.groups())) + timedelta(days=days)
    except ValueError:
        return value
    return moved.isoformat() + value[10:]


def copy_article(article: Article, number: int, days: int) -> Article:
    """A copy of ``article`` with a new id, dates ``days`` later and its own URL."""
    copy = Article.from_dict(article.to_dict())
    copy.id = hashlib.sha256(f"{article.id}/{number}".encode()).hexdigest()[:16]
    copy.published = shift_day(copy.published, days)
    copy.updated = shift_day(copy.updated, days)
    for event in copy.events:
        event.date = shift_day(event.date, days)
    for timex in copy.dates:
        timex.value = shift_day(timex.value, days)
    url = f"{article.url or 'https://bench.example.org/' + article.id}#copy-{number}"
    copy.url = url
    copy.sources = [Sighting(url=url, site=article.site, fetched=None)]
    return copy


def scaled_store(source: Path, target: Path, count: int) -> int:
    """A store at ``target`` of ``count`` copies of the articles of ``source``."""
    with Store(source) as small:
        originals = list(small.iter_articles())
    if not originals:
        raise BenchError(f"{source}: holds no article to copy")
    with Store(target) as store:
        for number in range(count):
            original = originals[number % len(originals)]
            store.add(copy_article(original, number, number // len(originals)))
        return store.count()
