"""The AEB layout (article-extraction-benchmark) and its scoring.

Layout: ``ground-truth.json`` maps an id to ``{"articleBody", "url"}``; the page is
``html/<id>.html.gz``. Scoring reproduces the benchmark's own evaluation: tokens are
the case-sensitive ``\\w+`` matches; each page's word 4-gram shingles are compared
as multisets; a page's tp/fp/fn are normalised to sum to 1; precision is averaged
over pages with tp+fp > 0, recall over pages with tp+fn > 0 (a page with fp = fn = 0
scores 1 on both); F1 is the harmonic mean of the two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from dateline.bench import f1
from dateline.errors import BenchError

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    body: str
    path: Path

    def html(self) -> str:
        return gzip.decompress(self.path.read_bytes()).decode("utf-8", "replace")


def load_pages(data: Path, limit: int | None = None) -> list[Page]:
    """Gold pages of an AEB folder (or of each subfolder holding one), in id order."""
    folders = [data] if (data / "ground-truth.json").exists() else sorted(
        p.parent for p in data.rglob("ground-truth.json"))
    if not folders:
        raise BenchError(f"{data}: no ground-truth.json (AEB layout) found")
    pages = []
    for folder in folders:
        gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(gold):
            path = folder / "html" / f"{key}.html.gz"
            if path.exists():
                pages.append(Page(key, gold[key].get("url", ""), gold[key]["articleBody"], path))
    return pages[:limit] if limit else pages


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Benchmark precision, recall and F1 over per-page normalised counts."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def iter_scored(pages: list[Page], extract) -> Iterator[tuple[Page, str, tuple]]:
    """``(page, predicted body, counts)`` for each page, ``extract(page) -> str``."""
    for page in pages:
        predicted = extract(page)
        yield page, predicted, page_counts(page.body, predicted)
