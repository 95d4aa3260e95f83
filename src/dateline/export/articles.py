"""What the exports need to know about the articles behind events: records, offsets, sites.

:class:`Articles` loads stored article records on demand and keeps them while one batch
of events is written; it also finds where in an article an actor is named and which
place mention lies nearest to it (GDELT's actor char offsets and actor locations).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from dateline.export.document import Document
from dateline.export.geo import clean
from dateline.query import url_host
from dateline.records import Article, Event, Place, Where
from dateline.store import Store


class Articles:
    """Stored articles by id, loaded once each until :meth:`clear`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._articles: dict[str, Article] = {}
        self._documents: dict[str, Document] = {}

    def clear(self) -> None:
        """Forget the loaded articles (call between batches to bound memory)."""
        self._articles.clear()
        self._documents.clear()

    def get(self, article_id: str) -> Article:
        """The stored record of ``article_id``."""
        if article_id not in self._articles:
            row = self.store.db.execute("SELECT record FROM articles WHERE id = ?",
                                        (article_id,)).fetchone()
            self._articles[article_id] = Article.from_dict(json.loads(row["record"]))
        return self._articles[article_id]

    def document(self, article_id: str) -> Document:
        """The article's :class:`Document` (title, body, captions) for offsets."""
        if article_id not in self._documents:
            self._documents[article_id] = Document(self.get(article_id))
        return self._documents[article_id]


def site_name(article: Article) -> str:
    """The site an article comes from: its site, else its URL's host, else ""."""
    site = article.site or next((s.site for s in article.sources if s.site), None)
    return clean(site or url_host(article.url) or "")


def citation(article: Article) -> str:
    """The article's URL, else a textual citation ("site: title", or its source)."""
    if article.url:
        return clean(article.url)
    cited = ": ".join(p for p in (site_name(article), clean(article.title)) if p)
    return cited or clean(article.source) or article.id


def actor_where(article: Article, event: Event, name: str | None) -> Where | None:
    """Where, inside the event's sentence, the actor ``name`` is written.

    A mention of the entity with that canonical name comes first ("Mr Blinken" for
    Antony Blinken); else the name itself, found ignoring case; else None.
    """
    if not name:
        return None
    span = event.where
    for entity in article.entities:
        if entity.name != name:
            continue
        for mention in entity.mentions:
            at = mention.where
            if (at.part, at.index) == (span.part, span.index) and span.start <= at.start < span.end:
                return at
    try:
        text = article.part_text(span.part, span.index)[span.start:span.end]
    except IndexError:
        return None
    found = text.lower().find(name.lower())
    if found < 0:
        return None
    start = span.start + found
    return Where(span.part, span.index, start, start + len(name))


def nearest_place(article: Article, where: Where | None,
                  document: Document | None = None) -> Place | None:
    """The resolved place mention of the same paragraph (or caption) nearest ``where``;
    given the article's ``document``, else the nearest anywhere in the article."""
    if where is None:
        return None
    here = [p for p in article.places if p.country and p.where
            and (p.where.part, p.where.index) == (where.part, where.index)]
    if here:
        return min(here, key=lambda p: abs(p.where.start - where.start))
    target = document.offset(where) if document is not None else None
    if target is None:
        return None
    placed = [(document.offset(p.where), p) for p in article.places if p.country and p.where]
    placed = [(offset, p) for offset, p in placed if offset is not None]
    return min(placed, key=lambda item: abs(item[0] - target))[1] if placed else None


def stamp(moment: str | None) -> str:
    """An ISO 8601 moment as GDELT's YYYYMMDDHHMMSS, in UTC when it carries a zone.

    A moment without a zone (an article's own local time) keeps its clock reading; a
    bare date gets 000000.
    """
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        digits = "".join(ch for ch in moment if ch.isdigit())
        return (digits + "0" * 14)[:14] if len(digits) >= 8 else ""
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC)
    return parsed.strftime("%Y%m%d%H%M%S")
