"""The ``counts`` bench: values (and units) of quantities in NewsQuant's news sentences.

``dateline bench counts --data NEWSQUANT_DIR`` reads
``NewsQuant.json`` (a list of ``{"text", "quantities"}``; values are strings, ranges
written ``low-high`` in either order), feeds each sentence straight to the counts stage
and pairs predicted and gold quantities of a sentence one to one:

- a gold single value pairs with a predicted count without ``value_max`` whose
  ``value`` equals it (relative tolerance :data:`TOLERANCE`); a gold range pairs with a
  predicted range with the same two ends, in either order;
- pairs are chosen greedily, best first: a pair whose unit (and then change) also
  agrees wins over one where only the value does.

Figures: ``value_f1``, ``value_unit_f1`` (the pair's unit agrees too: our unit mapped
by ``data/counts/newsquant_units.tsv`` equals the gold ``normalized_unit``, where gold
"-" is our None; NewsQuant treats a counted noun as the unit, so a count without a
unit whose ``about`` starts right after the number is compared by the lemmas of
``about``), ``n`` (gold quantities). ``details`` holds value+change F1, recall per
unit and per change mark, and samples of misses and false alarms.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, prf
from dateline.counts.find import find_counts
from dateline.counts.tables import read_rows
from dateline.errors import BenchError
from dateline.parse.nlp import load_nlp
from dateline.parse.segments import parse_segments, text_segments
from dateline.records import Count

#: Values agree when they differ by less than this share (gold writes 1/3 as 0.333...).
TOLERANCE = 1e-4
_NUMBER = r"-?\d*\.?\d+(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*-\s*({_NUMBER})\s*$")
SAMPLES = 40


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold quantity: value (low, high or None), normalised unit, change, concept."""

    low: float
    high: float | None
    unit: str
    change: str
    concept: str
    raw: str


def parse_value(text: str) -> tuple[float, float | None]:
    """ "19.0" -> (19, None); "15.0-17.0" -> (15, 17); "2415.0-2315.0" keeps its order."""
    match = _RANGE.match(text)
    if match:
        return float(match.group(1)), float(match.group(2))
    return float(text), None


def load_gold(data: Path) -> list[dict[str, Any]]:
    """The sentences of the NewsQuant file at ``data`` (the folder or the file)."""
    path = data / "NewsQuant.json" if data.is_dir() else data
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchError(f"{path}: not a NewsQuant file ({exc})") from exc
    if not isinstance(items, list) or (items and "quantities" not in items[0]):
        raise BenchError(f"{path}: expected a JSON list of {{text, quantities}}")
    return items


def _golds(item: dict[str, Any]) -> list[Gold]:
    golds = []
    for quantity in item["quantities"]:
        try:
            low, high = parse_value(str(quantity["value"]))
        except ValueError:
            continue
        golds.append(Gold(low, high, str(quantity.get("normalized_unit", "-")).lower(),
                          str(quantity.get("change", "=")), str(quantity.get(
                              "referred_concepts", "-")), str(quantity["value"])))
    return golds


def unit_map() -> dict[str, str]:
    """Our unit name -> NewsQuant's normalized_unit, from the data table."""
    return dict(read_rows("newsquant_units.tsv", width=2))


def newsquant_unit(count: Count, doc, mapping: dict[str, str]) -> str:
    """Our unit in NewsQuant's words ("-" when unitless, the counted noun's lemmas)."""
    if count.unit is not None:
        if count.unit in mapping:
            return mapping[count.unit]
        return " per ".join(mapping.get(part, part) for part in count.unit.split(" per "))
    if count.about and doc is not None:
        text = doc.text  # spaCy rebuilds it on each access
        start = text.find(count.about, count.where.end)
        if start >= 0 and not text[count.where.end:start].strip():
            span = doc.char_span(start, start + len(count.about), alignment_mode="expand")
            if span is not None:
                return "".join(t.lemma_ + t.whitespace_ for t in span).strip().lower()
    return "-"


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-9)


def value_matches(gold: Gold, count: Count) -> bool:
    """Same value, or the same two ends of a range in either order."""
    if gold.high is None:
        return count.value_max is None and _close(gold.low, count.value)
    if count.value_max is None:
        return False
    ends = (count.value, count.value_max)
    return (_close(gold.low, ends[0]) and _close(gold.high, ends[1])) or (
        _close(gold.low, ends[1]) and _close(gold.high, ends[0]))


def pair(golds: list[Gold], counts: list[Count], units: list[str]
         ) -> list[tuple[int, int, bool, bool]]:
    """One-to-one pairs (gold, count, unit agrees, change agrees), best pairs first."""
    candidates = []
    for g, gold in enumerate(golds):
        for c, count in enumerate(counts):
            if value_matches(gold, count):
                unit_ok = units[c] == gold.unit
                change_ok = count.change == gold.change
                candidates.append((not unit_ok, not change_ok, g, c))
    candidates.sort()
    used_gold: set[int] = set()
    used_count: set[int] = set()
    pairs = []
    for unit_bad, change_bad, g, c in candidates:
        if g in used_gold or c in used_count:
            continue
        used_gold.add(g)
        used_count.add(c)
        pairs.append((g, c, not unit_bad, not change_bad))
    return pairs


def _show(count: Count, unit: str) -> str:
    value = f"{count.value:g}" if count.value_max is None else \
        f"{count.value:g}-{count.value_max:g}"
    return f"{value} [{unit}] {count.change} '{count.text}' about={count.about!r}"


def _concept_overlap(gold: Gold, count: Count) -> bool | None:
    """Whether ``about`` shares a word with the gold concept (None when gold has none)."""
    if gold.concept.strip() in ("", "-"):
        return None
    gold_words = set(re.findall(r"\w+", gold.concept.lower()))
    ours = set(re.findall(r"\w+", (count.about or "").lower()))
    return bool(gold_words & ours)


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score the counts stage over the NewsQuant gold set at ``data``."""
    items = load_gold(data)
    if options.get("limit"):
        items = items[: options["limit"]]
    nlp = load_nlp(options.get("model"))
    segments = parse_segments(
        [segment for item in items for segment in text_segments(item["text"])], nlp)
    mapping = unit_map()
    tally: Counter[str] = Counter()
    per_unit: Counter[str] = Counter()
    per_unit_found: Counter[str] = Counter()
    per_change: Counter[str] = Counter()
    per_change_found: Counter[str] = Counter()
    misses: list[str] = []
    false_alarms: list[str] = []
    for item, segment in zip(items, segments, strict=True):
        golds = _golds(item)
        counts = find_counts([segment])
        units = [newsquant_unit(count, segment.doc, mapping) for count in counts]
        pairs = pair(golds, counts, units)
        tally["gold"] += len(golds)
        tally["predicted"] += len(counts)
        tally["value"] += len(pairs)
        tally["unit"] += sum(unit_ok for _, _, unit_ok, _ in pairs)
        tally["change"] += sum(change_ok for _, _, _, change_ok in pairs)
        for g, c, _, _ in pairs:
            overlap = _concept_overlap(golds[g], counts[c])
            if overlap is not None:
                tally["concept_scored"] += 1
                tally["concept"] += overlap
        for gold in golds:
            per_unit[gold.unit] += 1
            per_change[gold.change] += 1
        for g, _, unit_ok, change_ok in pairs:
            per_unit_found[golds[g].unit] += unit_ok
            per_change_found[golds[g].change] += change_ok
        paired_golds = {g for g, *_ in pairs}
        paired_counts = {c for _, c, *_ in pairs}
        for g, gold in enumerate(golds):
            if g not in paired_golds and len(misses) < SAMPLES:
                misses.append(f"{gold.raw} [{gold.unit}] {gold.change} | {item['text'][:160]}")
        for c, count in enumerate(counts):
            if c not in paired_counts and len(false_alarms) < SAMPLES:
                false_alarms.append(f"{_show(count, units[c])} | {item['text'][:160]}")
    return _result(data, tally, per_unit, per_unit_found, per_change, per_change_found,
                   misses, false_alarms, len(items))


def _f1(tally: Counter[str], key: str) -> float:
    tp = tally[key]
    return prf(tp, tally["predicted"] - tp, tally["gold"] - tp)[2]


def _result(data: Path, tally: Counter[str], per_unit: Counter[str],
            per_unit_found: Counter[str], per_change: Counter[str],
            per_change_found: Counter[str], misses: list[str], false_alarms: list[str],
            sentences: int) -> BenchResult:
    precision, recall, _ = prf(tally["value"], tally["predicted"] - tally["value"],
                               tally["gold"] - tally["value"])
    details = {
        "sentences": sentences,
        "predicted": tally["predicted"],
        "value_precision": round(precision, 4),
        "value_recall": round(recall, 4),
        "value_change_f1": round(_f1(tally, "change"), 4),
        "about_overlap": round(tally["concept"] / tally["concept_scored"], 4)
        if tally["concept_scored"] else 0.0,
        "unit_recall": {
            unit: f"{per_unit_found[unit]}/{total}"
            for unit, total in per_unit.most_common(25)
        },
        "change_recall": {
            change: f"{per_change_found[change]}/{total}"
            for change, total in per_change.most_common()
        },
        "misses": misses,
        "false_alarms": false_alarms,
    }
    figures = {
        "value_f1": round(_f1(tally, "value"), 4),
        "value_unit_f1": round(_f1(tally, "unit"), 4),
        "n": tally["gold"],
    }
    return BenchResult(task="counts", data=str(data), figures=figures, details=details)
