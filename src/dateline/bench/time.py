"""Benchmark ``time``: TIMEX3 extents and values over TimeML files, scored as TempEval-3.

``dateline bench time --data TBAQ_DIR`` (the TempEval-3 TBAQ folder) reads every
``*.tml`` under the folder (subfolders pooled, in name order), takes the plain text of ``<TEXT>``
with the gold TIMEX3 spans (the DCT excluded), runs the time stage on that text as
one body segment anchored at the document's DCT, and scores:

- ``extent_f1_relaxed``: F1 of extents, a prediction matching a gold extent it
  overlaps by at least one character;
- ``extent_f1_strict``: the same, counting only identical extents;
- ``value_f1``: TempEval-3's value F1. TempEval-3 scores an attribute over the
  relaxed matches: value accuracy = matches with the gold value / matches, and value
  F1 = value accuracy x relaxed extent F1. With matches paired one to one (here
  greedily, largest overlap first) that equals the F1 of precision = right values /
  predictions and recall = right values / gold expressions, which is what is computed;
- ``n``: gold TIMEX3 count.

Values are compared as strings, exactly (TempEval-3 does the same).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, f1, prf, ratio
from dateline.errors import BenchError
from dateline.parse.nlp import load_nlp
from dateline.parse.segments import parse_segments, text_segments
from dateline.records import TimeExpr
from dateline.time.find import find_times

#: How many error samples of each kind the details keep.
SAMPLES = 60


@dataclass
class GoldTimex:
    """One gold TIMEX3 of a document's text."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None


@dataclass
class TmlDoc:
    """One TimeML document: its name, subfolder, DCT, plain text and gold TIMEX3s."""

    name: str
    part: str
    dct: str
    text: str
    gold: list[GoldTimex]


@dataclass
class Tally:
    """Counts for one slice of the set."""

    gold: int = 0
    pred: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "pred", "relaxed", "strict", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        _, _, relaxed = prf(self.relaxed, self.pred - self.relaxed, self.gold - self.relaxed)
        _, _, strict = prf(self.strict, self.pred - self.strict, self.gold - self.strict)
        value_p, value_r = ratio(self.value, self.pred), ratio(self.value, self.gold)
        return {"extent_f1_relaxed": round(relaxed, 4), "extent_f1_strict": round(strict, 4),
                "value_f1": round(f1(value_p, value_r), 4), "n": self.gold}


@dataclass
class Errors:
    """Samples of what went wrong, for the details."""

    missed: list[dict[str, str]] = field(default_factory=list)
    spurious: list[dict[str, str]] = field(default_factory=list)
    wrong_value: list[dict[str, str]] = field(default_factory=list)
    wrong_by_gold: Counter[str] = field(default_factory=Counter)

    def keep(self, kind: str, item: dict[str, str]) -> None:
        bucket = getattr(self, kind)
        if len(bucket) < SAMPLES:
            bucket.append(item)


def read_tml(path: Path, part: str) -> TmlDoc:
    """Parse one ``.tml`` file: DCT, the text of ``<TEXT>`` and its TIMEX3 offsets."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise BenchError(f"{path}: not well-formed TimeML ({exc})") from exc
    dct_node = root.find("DCT/TIMEX3")
    text_node = root.find("TEXT")
    if dct_node is None or text_node is None:
        raise BenchError(f"{path}: no <DCT> or <TEXT>; is this a TimeML file?")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    _walk(text_node, pieces, gold)
    return TmlDoc(path.stem, part, dct_node.get("value", ""), "".join(pieces), gold)


def _walk(node: ET.Element, pieces: list[str], gold: list[GoldTimex]) -> None:
    """Append ``node``'s text to ``pieces``, noting where each TIMEX3 starts and ends."""
    if node.text:
        pieces.append(node.text)
    for child in node:
        start = sum(map(len, pieces))
        _walk(child, pieces, gold)
        if child.tag == "TIMEX3":
            end = sum(map(len, pieces))
            gold.append(GoldTimex(start, end, child.get("type", ""), child.get("value", ""),
                                  child.get("mod")))
        if child.tail:
            pieces.append(child.tail)


def load_docs(data: Path) -> list[TmlDoc]:
    """Every ``.tml`` file under ``data``, subfolders pooled, in path order."""
    paths = sorted(data.rglob("*.tml"))
    if not paths:
        raise BenchError(f"{data}: no .tml files; point --data at a TimeML folder")
    return [read_tml(p, p.parent.name if p.parent != data else data.name) for p in paths]


def pair(gold: list[GoldTimex], pred: list[TimeExpr]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, prediction index)`` of overlapping extents,
    largest overlap first."""
    overlaps = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = min(g.end, p.where.end) - max(g.start, p.where.start)
            if shared > 0:
                overlaps.append((shared, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_doc(doc: TmlDoc, pred: list[TimeExpr], errors: Errors) -> Tally:
    """Count matches of one document and note its errors."""
    tally = Tally(gold=len(doc.gold), pred=len(pred))
    pairs = pair(doc.gold, pred)
    for gi, pi in pairs:
        g, p = doc.gold[gi], pred[pi]
        tally.relaxed += 1
        tally.strict += (g.start, g.end) == (p.where.start, p.where.end)
        tally.type += g.type == p.type
        if g.value == p.value:
            tally.value += 1
        else:
            errors.wrong_by_gold[_shape(g.value)] += 1
            errors.keep("wrong_value", {"doc": doc.name, "dct": doc.dct,
                                        "gold_text": doc.text[g.start:g.end], "text": p.text,
                                        "gold": g.value, "ours": p.value or ""})
    _note_unpaired(doc, pred, pairs, errors)
    return tally


def _note_unpaired(doc: TmlDoc, pred: list[TimeExpr], pairs: list[tuple[int, int]],
                   errors: Errors) -> None:
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(doc.gold):
        if gi not in paired_gold:
            errors.keep("missed", {"doc": doc.name, "text": doc.text[g.start:g.end],
                                   "gold": g.value, "context": _context(doc.text, g.start)})
    for pi, p in enumerate(pred):
        if pi not in paired_pred:
            errors.keep("spurious", {"doc": doc.name, "text": p.text, "ours": p.value or "",
                                     "context": _context(doc.text, p.where.start)})


def _context(text: str, start: int) -> str:
    return " ".join(text[max(0, start - 50):start + 60].split())


def _shape(value: str) -> str:
    """A coarse class of a gold value, for counting errors ("YYYY-MM-DD", "P..", "REF")."""
    if value.endswith("_REF"):
        return "REF"
    if value.startswith("P"):
        return "DURATION"
    return "".join("9" if c.isdigit() else c for c in value)


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score the time stage over the TimeML files under ``data``."""
    docs = load_docs(data)
    if options.get("limit"):
        docs = docs[: int(options["limit"])]
    nlp = load_nlp(options.get("model"))
    segments = parse_segments([text_segments(d.text)[0] for d in docs], nlp)
    total, errors, parts = Tally(), Errors(), {}
    for doc, segment in zip(docs, segments, strict=True):
        tally = score_doc(doc, find_times([segment], doc.dct), errors)
        total.add(tally)
        parts.setdefault(doc.part, Tally()).add(tally)
    return BenchResult(
        task="time",
        data=str(data),
        figures=total.figures(),
        details=_details(total, parts, errors, len(docs)),
    )


def _details(total: Tally, parts: dict[str, Tally], errors: Errors, docs: int) -> dict:
    return {
        "documents": docs,
        "predicted": total.pred,
        "matched_relaxed": total.relaxed,
        "value_accuracy": round(ratio(total.value, total.relaxed), 4),
        "type_accuracy": round(ratio(total.type, total.relaxed), 4),
        "by_subfolder": {name: tally.figures() for name, tally in sorted(parts.items())},
        "wrong_values_by_gold_shape": dict(errors.wrong_by_gold.most_common(15)),
        "wrong_value": errors.wrong_value,
        "missed": errors.missed,
        "spurious": errors.spurious,
    }
