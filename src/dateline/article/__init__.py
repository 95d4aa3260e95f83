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
from dateline.parse.segments import split_long
from dateline.records import Article, RawDocument, Rejected, Sighting
from dateline.versions import article_versions

__all__ = ["build_article", "load_cues", "Cues"]

#: Fewer words than this is a page fragment (a menu, an error page), not an article.
MIN_ARTICLE_WORDS = 15

#: A "paragraph" longer than this (characters) is a text that lost its line breaks (a
#: dump or JSON text on one line), not a paragraph: it is cut at sentence ends into
#: paragraphs of at most this size. Past spaCy's limit (1,000,000) it could not be
#: parsed at all, and the language stages slow down steeply on very long segments
#: (measured: quotations take 2 s over 20,000 characters, 79 s over 120,000).
LONG_PARAGRAPH = 10_000


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
    paragraphs = _cut_long(list(found.paragraphs), warnings)
    return Article(
        id=article_id(title, text),
        title=title,
        paragraphs=paragraphs,
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


def _cut_long(paragraphs: list[str], warnings: list[str]) -> list[str]:
    """``paragraphs`` with each one over :data:`LONG_PARAGRAPH` cut at sentence ends.

    The cuts fall on white space, so the article's normalised text (and its id) is
    the same as the uncut text's.
    """
    if all(len(p) <= LONG_PARAGRAPH for p in paragraphs):
        return paragraphs
    cut: list[str] = []
    for paragraph in paragraphs:
        pieces = [p.strip() for p in split_long(paragraph, LONG_PARAGRAPH)]
        if len(pieces) > 1:
            warnings.append(f"a paragraph of {len(paragraph):,} characters was cut into "
                            f"{len(pieces)} at sentence ends")
        cut.extend(p for p in pieces if p)
    return cut


def _list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) and value else []
