"""Where articles were read: the sites that make an event's ``num_sources``."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.article.ids import url_host
from dateline.query.sql import chunks, marks
from dateline.store import Store


def site_keys(store: Store, article_ids: Iterable[str]) -> dict[str, set[str]]:
    """Article id -> the sites it was seen at (sighting site, else URL host).

    An article with no known site has its own id as its only key, so that it counts
    as one source and never merges with another unknown one.
    """
    ids = sorted(set(article_ids))
    keys: dict[str, set[str]] = {i: set() for i in ids}
    for chunk in chunks(ids):
        places = marks(chunk)
        rows = store.db.execute(
            f"SELECT article_id, site, url FROM sightings WHERE article_id IN ({places}) "
            f"UNION ALL SELECT id, site, url FROM articles WHERE id IN ({places})",
            [*chunk, *chunk])
        for article_id, site, url in rows:
            key = (site or "").strip().lower() or url_host(url)
            if key:
                keys[article_id].add(key)
    for article_id, found in keys.items():
        if not found:
            found.add(f"article:{article_id}")
    return keys


def num_sources(sites: dict[str, set[str]], article_ids: Iterable[str]) -> int:
    """The distinct sites of ``article_ids`` (``sites`` from :func:`site_keys`)."""
    return len(set().union(*(sites.get(a, set()) for a in article_ids)))
