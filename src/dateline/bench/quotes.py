"""``dateline bench quotes``: quotations against a gold set, by span overlap.

Two layouts, recognised from the files:

* **GGT** (a ``.jsonl`` file, or a folder holding one): one article per line with gold
  ``quotes`` (``quote_span``, ``speaker_resolved``, ``direct``). Figures ``f1_03``,
  ``f1_08``, ``direct_f1_03``, ``speaker_accuracy``, ``n``.
* **PolNeAR** (a folder with ``text/`` and ``attributions/``, or a folder of such split
  folders): brat standoff Source/Cue/Content spans. Figures ``source_f1``, ``cue_f1``,
  ``content_f1`` (at overlap >= 0.5), ``n``.

Overlap of two spans is the characters they share over the length of the longer one;
predicted and gold spans are paired one to one, greedily by largest overlap. The gold
text goes straight to the stage (no article cleaning), so offsets are the gold's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, prf
from dateline.entities.find import find_entities
from dateline.errors import BenchError
from dateline.parse.nlp import load_nlp
from dateline.parse.segments import Segment, text_segments
from dateline.quotes.find import Attribution, find_attributions

#: Character ranges of one span; a discontinuous gold span has several.
Span = tuple[tuple[int, int], ...]
#: Error examples kept in the details, per kind.
SAMPLE = 25
BATCH = 32


# ---- scoring ---------------------------------------------------------------------------


def span_length(span: Span) -> int:
    """Number of characters a span covers."""
    return sum(end - start for start, end in span)


def overlap(a: Span, b: Span) -> float:
    """Shared characters of ``a`` and ``b`` over the length of the longer one."""
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    longest = max(span_length(a), span_length(b))
    return shared / longest if longest else 0.0


def greedy_pairs(predicted: list[Span], gold: list[Span]) -> list[tuple[int, int, float]]:
    """One-to-one ``(predicted index, gold index, overlap)`` pairs, largest overlap first."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score <= 0:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, score))
    return pairs


def f1_at(pairs: list[tuple[int, int, float]], n_pred: int, n_gold: int,
          threshold: float) -> tuple[int, float]:
    """True positives and F1 of ``pairs`` counted at ``threshold``."""
    tp = sum(1 for _, _, score in pairs if score >= threshold)
    return tp, prf(tp, n_pred - tp, n_gold - tp)[2]


def same_speaker(predicted: str | None, predicted_person: bool, gold: str,
                 gold_person: bool) -> bool:
    """Equal ignoring case, or two people whose names end in the same word."""
    if not predicted:
        return False
    predicted, gold = predicted.strip().lower(), gold.strip().lower()
    if predicted == gold:
        return True
    return predicted_person and gold_person and bool(gold.split()) and \
        predicted.split()[-1] == gold.split()[-1]


# ---- running the stage -----------------------------------------------------------------


def attributions_of(texts: list[str], options: dict[str, Any]) -> Iterator[list[Attribution]]:
    """The stage's attributions for each text, parsed in batches."""
    nlp = load_nlp(options.get("model"))
    docs = nlp.pipe(texts, batch_size=BATCH)
    for text, doc in zip(texts, docs, strict=True):
        segments: list[Segment] = text_segments(text)
        segments[0].doc = doc
        yield find_attributions(segments, find_entities(segments))


def _limited(items: list, options: dict[str, Any]) -> list:
    limit = options.get("limit")
    return items[:limit] if limit else items


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score the quotations stage over the gold set at ``data`` (GGT or PolNeAR)."""
    if data.is_file() and data.suffix == ".jsonl":
        return _run_ggt(data, options)
    if data.is_dir():
        lines = sorted(data.glob("*.jsonl"))
        if lines:
            return _run_ggt(lines[0], options)
        splits = _polnear_splits(data)
        if splits:
            return _run_polnear(data, splits, options)
    raise BenchError(f"{data}: not a quotes gold set; expected a GGT .jsonl file or a "
                     "PolNeAR folder with text/ and attributions/")


# ---- GGT -------------------------------------------------------------------------------


def _run_ggt(path: Path, options: dict[str, Any]) -> BenchResult:
    rows = _limited([json.loads(line) for line in path.read_text("utf-8").splitlines()
                     if line.strip()], options)
    totals = {"pred": 0, "gold": 0, "tp03": 0, "tp08": 0, "dpred": 0, "dgold": 0,
              "dtp": 0, "spk_ok": 0, "spk_n": 0}
    errors: dict[str, list] = {"missed": [], "spurious": [], "speaker": []}
    per_article = []
    found = attributions_of([row["text"] for row in rows], options)
    for row, attributions in zip(rows, found, strict=True):
        counts = _score_ggt_article(row, attributions, errors)
        for key, value in counts.items():
            totals[key] += value
        per_article.append({"article_id": row.get("article_id"), **counts})
    figures = _ggt_figures(totals)
    details = {"totals": totals, "per_article": per_article,
               "errors": {k: v[:SAMPLE] for k, v in errors.items()},
               "error_counts": {k: len(v) for k, v in errors.items()}}
    return BenchResult("quotes", str(path), figures, details)


def _ggt_figures(t: dict[str, int]) -> dict[str, float | int]:
    return {
        "f1_03": prf(t["tp03"], t["pred"] - t["tp03"], t["gold"] - t["tp03"])[2],
        "f1_08": prf(t["tp08"], t["pred"] - t["tp08"], t["gold"] - t["tp08"])[2],
        "direct_f1_03": prf(t["dtp"], t["dpred"] - t["dtp"], t["dgold"] - t["dtp"])[2],
        "speaker_accuracy": t["spk_ok"] / t["spk_n"] if t["spk_n"] else 0.0,
        "n": t["gold"],
    }


def _score_ggt_article(row: dict, found: list[Attribution], errors: dict) -> dict[str, int]:
    gold = [q for q in row["quotes"] if q.get("quote", "").strip() and q.get("quote_span")]
    text = row["text"]
    people = {p.strip().lower() for p in row.get("people", [])}
    pred_spans = [((a.start, a.end),) for a in found]
    gold_spans = [(tuple(q["quote_span"]),) for q in gold]
    pairs = greedy_pairs(pred_spans, gold_spans)
    tp03, _ = f1_at(pairs, len(found), len(gold), 0.3)
    tp08, _ = f1_at(pairs, len(found), len(gold), 0.8)
    counts = {"pred": len(found), "gold": len(gold), "tp03": tp03, "tp08": tp08}
    counts.update(_direct_counts(found, gold))
    ok = n = 0
    for i, j, score in pairs:
        if score < 0.3:
            continue
        named, resolved = found[i].speaker, gold[j]["speaker_resolved"]
        right = same_speaker(named.name if named else None,
                             bool(named and named.kind == "person"), resolved,
                             resolved.strip().lower() in people)
        ok, n = ok + right, n + 1
        if not right:
            errors["speaker"].append({"quote": text[found[i].start:found[i].end][:80],
                                      "predicted": named.name if named else None,
                                      "gold": resolved, "gold_mention": gold[j]["speaker"]})
    counts.update(spk_ok=ok, spk_n=n)
    matched_p = {i for i, _, s in pairs if s >= 0.3}
    matched_g = {j for _, j, s in pairs if s >= 0.3}
    errors["missed"].extend(gold[j]["quote"][:120] for j in range(len(gold))
                            if j not in matched_g)
    errors["spurious"].extend(text[a.start:a.end][:120] for i, a in enumerate(found)
                              if i not in matched_p)
    return counts


def _direct_counts(found: list[Attribution], gold: list[dict]) -> dict[str, int]:
    """Counts against the gold direct quotes, with our direct quotes only."""
    pred = [((a.start, a.end),) for a in found if a.direct]
    golds = [(tuple(q["quote_span"]),) for q in gold if q.get("direct") is True]
    tp, _ = f1_at(greedy_pairs(pred, golds), len(pred), len(golds), 0.3)
    return {"dpred": len(pred), "dgold": len(golds), "dtp": tp}


# ---- PolNeAR ---------------------------------------------------------------------------

ROLES = ("Source", "Cue", "Content")


def _polnear_splits(data: Path) -> list[Path]:
    if (data / "text").is_dir() and (data / "attributions").is_dir():
        return [data]
    return sorted(p for p in data.iterdir()
                  if p.is_dir() and (p / "text").is_dir() and (p / "attributions").is_dir())


def read_brat(text: str) -> dict[str, list[Span]]:
    """Gold spans per role from one brat standoff file (``T`` lines only)."""
    spans: dict[str, list[Span]] = {role: [] for role in ROLES}
    for line in text.splitlines():
        if not line.startswith("T") or "\t" not in line:
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        label, _, ranges = fields[1].partition(" ")
        if label not in spans:
            continue
        try:
            spans[label].append(tuple(
                (int(a), int(b)) for a, b in (part.split() for part in ranges.split(";"))
            ))
        except ValueError:
            continue  # a continuation line of a multi-line surface text
    return spans


def _polnear_items(splits: list[Path]) -> list[tuple[str, Path, Path]]:
    items = []
    for split in splits:
        for text_file in sorted((split / "text").glob("*.txt")):
            annotations = sorted((split / "attributions").glob(f"{text_file.stem}_*.ann"))
            if annotations:
                items.append((split.name, text_file, annotations[0]))
    return items


def _run_polnear(data: Path, splits: list[Path], options: dict[str, Any]) -> BenchResult:
    items = _limited(_polnear_items(splits), options)
    texts = [text_file.read_text("utf-8") for _, text_file, _ in items]
    totals = {role: {"pred": 0, "gold": 0, "tp": 0} for role in ROLES}
    errors: dict[str, list] = {"missed_content": [], "spurious_content": []}
    for (_, _, ann), text, found in zip(items, texts, attributions_of(texts, options),
                                        strict=True):
        gold = read_brat(ann.read_text("utf-8"))
        predicted = _predicted_roles(found)
        for role in ROLES:
            pairs = greedy_pairs(predicted[role], gold[role])
            tp, _ = f1_at(pairs, len(predicted[role]), len(gold[role]), 0.5)
            totals[role]["pred"] += len(predicted[role])
            totals[role]["gold"] += len(gold[role])
            totals[role]["tp"] += tp
            if role == "Content":
                _content_errors(text, pairs, predicted[role], gold[role], errors)
    figures: dict[str, float | int] = {}
    for role in ROLES:
        t = totals[role]
        figures[f"{role.lower()}_f1"] = prf(t["tp"], t["pred"] - t["tp"], t["gold"] - t["tp"])[2]
    figures["n"] = totals["Content"]["gold"]
    details = {"articles": len(items), "splits": [s.name for s in splits], "totals": totals,
               "errors": {k: v[:SAMPLE] for k, v in errors.items()}}
    return BenchResult("quotes", str(data), figures, details)


def _predicted_roles(found: list[Attribution]) -> dict[str, list[Span]]:
    return {
        "Source": [(a.source,) for a in found if a.source],
        "Cue": [(a.cue,) for a in found if a.cue],
        "Content": [((a.start, a.end),) for a in found],
    }


def _content_errors(text: str, pairs, predicted: list[Span], gold: list[Span],
                    errors: dict) -> None:
    matched_p = {i for i, _, s in pairs if s >= 0.5}
    matched_g = {j for _, j, s in pairs if s >= 0.5}
    errors["missed_content"].extend(
        " ... ".join(text[s:e] for s, e in g)[:120] for j, g in enumerate(gold)
        if j not in matched_g)
    errors["spurious_content"].extend(
        text[p[0][0]:p[0][1]][:120] for i, p in enumerate(predicted) if i not in matched_p)
