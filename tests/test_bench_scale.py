"""The scale benchmark's pieces: the memory feeds and the speed runs' order."""

from __future__ import annotations

import gzip
import json

from dateline.bench.aeb import Page
from dateline.bench.scale import SPEED_ORDER, _feed


def _page(tmp_path, key: str) -> Page:
    path = tmp_path / f"{key}.html.gz"
    path.write_bytes(gzip.compress(f"<html><body><p>Page {key}.</p></body></html>".encode()))
    return Page(key, f"https://example.org/{key}", f"Page {key}.", path)


def test_feed_repeats_its_pages_as_new_articles(tmp_path):
    pages = [_page(tmp_path, "a"), _page(tmp_path, "b")]
    feed = _feed(pages, 5, tmp_path / "feed.jsonl")
    records = [json.loads(line) for line in feed.read_text().splitlines()]
    assert len(records) == 5
    assert [r["html"] for r in records] == [pages[i % 2].html() for i in range(5)]
    # every copy is a new article: its own URL and title
    assert len({r["url"] for r in records}) == 5 and len({r["title"] for r in records}) == 5


def test_each_worker_count_runs_early_and_late():
    # a machine that slows down during the bench weighs on both counts alike
    assert sorted(SPEED_ORDER) == [1, 1, 2, 2]
    assert SPEED_ORDER[0] == SPEED_ORDER[-1] and SPEED_ORDER[1] == SPEED_ORDER[2]
