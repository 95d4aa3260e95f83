"""``dateline bench dates``: publication dates of HTML pages (htmldate's evaluation layout).

Layout: one or more ``eval_*.json`` files mapping a URL to ``{"file", "date"}`` with
the pages under ``html/``; a ``NaN`` date means the page has none. Scored at day
level: a right date is a true positive, a wrong one a false positive, none a false
negative (a date found on a page without one is a false positive too).
The date dateline gives is the article's ``published`` date, or its ``updated`` date
when the page gives only that.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from dateline.article.html import find_dates
from dateline.bench import BenchResult, prf
from dateline.errors import BenchError
from dateline.read.sniff import decode


def load_entries(data: Path) -> list[tuple[str, Path, str | None, str]]:
    """``(url, html path, gold date or None, gold file name)`` for every entry."""
    files = sorted(data.glob("eval_*.json")) if data.is_dir() else [data]
    if not files:
        raise BenchError(f"{data}: no eval_*.json files (htmldate layout) found")
    entries = []
    for file in files:
        html_dir = file.parent / "html"
        for url, entry in json.loads(file.read_text(encoding="utf-8")).items():
            date = entry.get("date")
            if isinstance(date, float) and math.isnan(date):
                date = None
            entries.append((url, html_dir / entry["file"], date or None, file.name))
    return entries


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    entries = load_entries(data)
    if options.get("limit"):
        entries = entries[: options["limit"]]
    tp = fp = fn = 0
    per_file: dict[str, list[int]] = {}
    errors = []
    for url, path, gold, name in entries:
        html = decode(path.read_bytes())
        published, updated = find_dates(html, url)
        found = (published or updated or "")[:10] or None
        counts = per_file.setdefault(name, [0, 0, 0])
        if found and found == gold:
            tp += 1
            counts[0] += 1
        elif found:
            fp += 1
            counts[1] += 1
            errors.append({"url": url, "gold": gold, "found": found})
        if not found and gold:
            fn += 1
            counts[2] += 1
            errors.append({"url": url, "gold": gold, "found": None})
    precision, recall, f1 = prf(tp, fp, fn)
    return BenchResult(
        task="dates", data=str(data),
        figures={"precision": precision, "recall": recall, "f1": f1, "n": len(entries)},
        details={"tp": tp, "fp": fp, "fn": fn,
                 "per_file": {k: dict(zip(("tp", "fp", "fn"), v, strict=True))
                              for k, v in per_file.items()},
                 "errors": errors[:40]},
    )
