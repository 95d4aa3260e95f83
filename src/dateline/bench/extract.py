"""``dateline bench extract``: body extraction from HTML over the AEB layout.

Each page goes through dateline's own HTML path (the article layer) and its body
(paragraphs joined by blank lines) is scored against the gold ``articleBody``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.article import build_article, load_cues
from dateline.bench import BenchResult
from dateline.bench.aeb import aggregate, iter_scored, load_pages
from dateline.records import Article, RawDocument


def body_of(html: str, url: str, cues) -> str:
    """The body dateline extracts from one HTML page ('' when it finds none)."""
    raw = RawDocument(source=url, origin=url, kind="html", content=html, url=url)
    article = build_article(raw, cues)
    return article.text if isinstance(article, Article) else ""


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    pages = load_pages(data, options.get("limit"))
    cues = load_cues()
    counts, worst = [], []
    for page, _predicted, page_counts in iter_scored(
            pages, lambda page: body_of(page.html(), page.url, cues)):
        counts.append(page_counts)
        worst.append((page_counts[0], page.id, page.url))
    figures = aggregate(counts)
    worst.sort()
    return BenchResult(
        task="extract", data=str(data),
        figures={"precision": figures["precision"], "recall": figures["recall"],
                 "f1": figures["f1"], "n": len(pages)},
        details={"worst_pages": [{"id": i, "url": u, "tp": round(t, 3)}
                                 for t, i, u in worst[:15]]},
    )
