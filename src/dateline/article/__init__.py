"""The article layer: one :class:`RawDocument` in, one clean :class:`Article` out.

HTML goes through :mod:`.html` (trafilatura, htmldate, figure captions); flattened
text dumps through :mod:`.dump`. Both give title, dates, people, paragraphs and
images; this module adds what every article has: ``id``, ``sources``, ``site``,
``language``, ``warnings`` and ``versions``.
"""

from __future__ import annotations

from dateline.article.cues import Cues, load_cues
from dateline.article.dump import clean_dump
from dateline.article.html import extract_html
from dateline.article.ids import article_id, url_host
from dateline.article.prose import detect_language, word_count
from dateline.records import Article, RawDocument, Rejected, Sighting
from dateline.versions import article_versions

__all__ = ["build_article", "load_cues", "Cues"]

#: Fewer words than this is a page fragment (a menu, an error page), not an article.
MIN_ARTICLE_WORDS = 15


def build_article(raw: RawDocument, cues: Cues | None = None) -> Article | Rejected:
    """Clean one raw document into an article (or say why it is not one)."""
    cues = cues or load_cues()
    meta = raw.meta
    if raw.kind == "html":
        found = extract_html(raw.content, raw.url, cues)
    else:
        found = clean_dump(raw.content, cues, title_hint=meta.get("title"))
    title = meta.get("title") or found.title
    if not found.paragraphs:
        reason = "; ".join(found.warnings) or "no article text found"
        return Rejected(raw.origin, f"not an article: {reason}")
    text = "\n\n".join(found.paragraphs)
    words = word_count(text)
    if words < MIN_ARTICLE_WORDS:
        return Rejected(raw.origin, f"not an article: only {words} words of text")
    url = raw.url or found.url
    site = found.site or meta.get("site") or url_host(url)
    published = found.published or meta.get("published")
    updated = found.updated or meta.get("updated")
    if published and updated and updated <= published:
        updated = None
    warnings = list(found.warnings)
    if not (published or updated):
        warnings.append("no publication or update date found")
    language = detect_language(text)
    if language is None:
        warnings.append("language could not be detected")
    return Article(
        id=article_id(title, text),
        title=title,
        paragraphs=list(found.paragraphs),
        source=raw.source,
        url=url,
        site=site,
        sources=[Sighting(url=url, site=site, fetched=raw.fetched)],
        published=published,
        updated=updated,
        authors=list(found.authors) or _list(meta.get("authors")),
        contributors=list(found.contributors),
        language=language,
        images=list(found.images),
        warnings=warnings,
        versions=article_versions(cues.digest),
    )


def _list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) and value else []
