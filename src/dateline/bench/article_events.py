"""Whole-article events: every coded event of real articles against annotators' events.

``dateline bench events --data FOLDER`` runs this part when FOLDER (or the file given)
holds ``articles.jsonl`` whose records carry ``text`` and ``events`` (the layout of
``shared/eval/events/articles``). Each article's ``text`` is split into paragraphs at
newlines and goes, with ``published`` as the anchor, ``url`` as its url and no title,
through the same language and event stages as ``dateline extract``.

The figures follow the set's reference scorer (``score.py`` beside the gold):

- statements (root 01) are left out on both sides; a predicted event counts when its
  mode is ``occurred`` or ``reported``, a gold one when its mode is ``asserted``;
- **event**: the gold sentence snippet lies inside the predicted event's sentence (both
  normalised: curly quotes straightened, spaces collapsed, lower case) and the CAMEO
  roots agree, matched greedily one to one in gold order;
- **full**: an event match whose source and target countries (the first three letters
  of the actor codes, ``---`` for none) agree too;
- **mode_accuracy**: over pairs matched on sentence and root in any mode, the share
  whose asserted-ness agrees.

Last line: ``event_f1 precision recall full_f1 mode_accuracy n`` (``n`` = articles).
The predicted records are written to ``bench/results/events-articles-predictions.jsonl``
(run ``score.py GOLD that-file --detail`` to read them article by article). The details
hold the counts, and per article every gold event found (``ok``) or
missed (``miss``) and every predicted event that matches none (``fp``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.bench import RESULTS_DIR, prf, ratio
from dateline.errors import BenchError
from dateline.records import Article

GOLD_FILE = "articles.jsonl"
#: Where the predicted article records go (JSON Lines, what ``score.py`` reads as PRED).
PREDICTIONS = RESULTS_DIR / "events-articles-predictions.jsonl"
ASSERTED_PREDICTED = ("occurred", "reported")


def articles_file(data: Path) -> Path | None:
    """The whole-article gold under ``data``: an ``articles.jsonl`` with texts and events."""
    if data.is_file():
        candidates = [data] if data.name == GOLD_FILE else []
    else:
        candidates = sorted(data.rglob(GOLD_FILE))
    for path in candidates:
        first = next((line for line in _lines(path) if line.strip()), "")
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "text" in record and "events" in record:
            return path
    return None


def _lines(path: Path) -> Iterable[str]:
    with path.open(encoding="utf-8") as handle:
        yield from handle


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold articles of ``path``, one dict a line (blank lines skipped)."""
    articles = []
    for number, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        try:
            articles.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise BenchError(f"{path}:{number}: not a JSON record ({error.msg})") from error
    return articles


def gold_article(record: dict[str, Any]) -> Article:
    """The article ``dateline extract`` would make of a gold record's text (no title)."""
    paragraphs = [p.strip() for p in (record.get("text") or "").split("\n") if p.strip()]
    return Article(id=str(record.get("id") or record.get("url")), title=None,
                   paragraphs=paragraphs, url=record.get("url"),
                   published=record.get("published"), language="en")


def predict(records: list[dict[str, Any]], model: str | None = None) -> list[dict[str, Any]]:
    """Article records (as ``dateline extract`` prints them) for the gold articles."""
    from dateline.pipeline.stages import LanguageOptions, annotate

    articles = [gold_article(r) for r in records]
    annotate(articles, LanguageOptions(model=model))
    return [a.to_dict() for a in articles]


# ---------------------------------------------------------------- scoring

def norm(text: str | None) -> str:
    """Quotes straightened, spaces collapsed, lower case (as the reference scorer)."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def country(code: str | None) -> str:
    """First three letters of an actor code, ``---`` for none."""
    code = (code or "").strip().upper()
    return code[:3] if code else "---"


def root_of(code: Any) -> str:
    code = str(code or "").strip()
    return code[:2] if len(code) >= 2 else ""


@dataclass(slots=True)
class Item:
    """One event on either side, as the scorer compares it."""

    text: str  # gold: the snippet; predicted: the sentence
    root: str
    source: str
    target: str
    asserted: bool
    raw: dict[str, Any]


def gold_items(record: dict[str, Any]) -> list[Item]:
    """A gold article's events of roots 02-20, in any mode."""
    return [Item(norm(e.get("sentence")), root_of(e.get("cameo")), country(e.get("source_code")),
                 country(e.get("target_code")), e.get("mode", "asserted") == "asserted", e)
            for e in record.get("events") or [] if root_of(e.get("cameo")) not in ("", "01")]


def predicted_items(record: dict[str, Any]) -> list[Item]:
    """A predicted article's events of roots 02-20, in any mode."""
    items = []
    for event in record.get("events") or []:
        root = event.get("cameo_root") or root_of(event.get("cameo"))
        if root in ("", "01", None):
            continue
        items.append(Item(norm(event.get("sentence")), str(root),
                          country(event.get("source_code")), country(event.get("target_code")),
                          event.get("mode") in ASSERTED_PREDICTED, event))
    return items


def matched(gold: list[Item], predicted: list[Item], full: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index), in gold order."""
    used: set[int] = set()
    pairs = []
    for g, want in enumerate(gold):
        for p, got in enumerate(predicted):
            if p in used or want.root != got.root or want.text not in got.text:
                continue
            if full and (want.source != got.source or want.target != got.target):
                continue
            used.add(p)
            pairs.append((g, p))
            break
    return pairs


@dataclass
class Tally:
    """Counts pooled over articles."""

    tp: int = 0
    tp_full: int = 0
    predicted: int = 0
    gold: int = 0
    mode_ok: int = 0
    mode_n: int = 0
    missing: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)

    def figures(self, n: int) -> dict[str, float | int]:
        precision, recall, f1 = prf(self.tp, self.predicted - self.tp, self.gold - self.tp)
        _, _, full_f1 = prf(self.tp_full, self.predicted - self.tp_full,
                            self.gold - self.tp_full)
        return {"event_f1": round(f1, 4), "precision": round(precision, 4),
                "recall": round(recall, 4), "full_f1": round(full_f1, 4),
                "mode_accuracy": round(ratio(self.mode_ok, self.mode_n), 4), "n": n}


def _brief(event: dict[str, Any], gold: bool) -> dict[str, Any]:
    keys = (("cameo", "source_code", "target_code", "mode", "sentence") if gold else
            ("cameo", "source", "source_code", "target", "target_code", "mode", "sentence"))
    return {k: event.get(k) for k in keys}


def score(gold_records: list[dict[str, Any]], predicted_records: list[dict[str, Any]]) -> Tally:
    """Score predicted article records against gold ones (matched by url, else title)."""
    by_key: dict[str, dict[str, Any]] = {}
    for record in predicted_records:
        for key in (record.get("url"), norm(record.get("title"))):
            if key:
                by_key[key] = record
    tally = Tally()
    for article in gold_records:
        record = by_key.get(article.get("url")) or by_key.get(norm(article.get("title")))
        if record is None:
            tally.missing += 1
            record = {"events": []}
        gold_all, predicted_all = gold_items(article), predicted_items(record)
        gold = [g for g in gold_all if g.asserted]
        predicted = [p for p in predicted_all if p.asserted]
        pairs = matched(gold, predicted, full=False)
        full_pairs = matched(gold, predicted, full=True)
        any_mode = matched(gold_all, predicted_all, full=False)
        tally.tp += len(pairs)
        tally.tp_full += len(full_pairs)
        tally.predicted += len(predicted)
        tally.gold += len(gold)
        tally.mode_n += len(any_mode)
        tally.mode_ok += sum(gold_all[g].asserted == predicted_all[p].asserted
                             for g, p in any_mode)
        hit_gold = {g: p for g, p in pairs}
        full_gold = {g for g, _ in full_pairs}
        hit_predicted = {p for _, p in pairs}
        tally.articles.append({
            "id": article.get("id"), "url": article.get("url"),
            "gold": len(gold), "predicted": len(predicted), "tp": len(pairs),
            "tp_full": len(full_pairs),
            "ok": [{**_brief(g.raw, True), "full": i in full_gold,
                    "predicted": _brief(predicted[hit_gold[i]].raw, False)}
                   for i, g in enumerate(gold) if i in hit_gold],
            "miss": [_brief(g.raw, True) for i, g in enumerate(gold) if i not in hit_gold],
            "fp": [_brief(p.raw, False) for i, p in enumerate(predicted)
                   if i not in hit_predicted],
        })
    return tally


# ---------------------------------------------------------------- the bench part

def run_articles(path: Path, options: dict[str, Any]) -> tuple[dict, dict]:
    """Figures and details of the whole-article set at ``path`` (``articles.jsonl``)."""
    gold = read_gold(path)
    limit = options.get("limit")
    gold = gold[:limit] if limit else gold
    predicted = predict(gold, options.get("model"))
    tally = score(gold, predicted)
    figures = tally.figures(len(gold))
    details = {"n_gold": tally.gold, "n_predicted": tally.predicted, "tp": tally.tp,
               "tp_full": tally.tp_full, "mode_pairs": tally.mode_n,
               "mode_agree": tally.mode_ok, "missing": tally.missing,
               "articles": tally.articles}
    written = write_predictions(predicted, Path(options.get("predictions") or PREDICTIONS))
    details["predictions_file"] = str(written)
    return figures, details


def write_predictions(records: list[dict[str, Any]], path: Path) -> Path:
    """Write article records as JSON Lines (what ``score.py`` reads as PRED)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
