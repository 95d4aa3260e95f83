"""What a CAMEO 2.0 coder can reach on the UD-PETRARCH 2.02 validation records.

Some gold codings of that file follow its own validation dictionary where CAMEO 2.0
codes otherwise (``docs/data/petrarch-disagreements.tsv`` lists them with the reason).
Given an ``events`` bench result (JSON under ``bench/results/``, which holds every
error sentence of the CAMEO-coded file with its missed, extra and wrong-code triples),
this prints:

- the ceiling: the figures of a coder that codes every other sentence as the gold does
  and the listed sentences as dateline does now (a root-level disagreement keeps its
  misses and extras at root and full level, a full-level one its wrong codes);
- dateline's figures on the file without the listed sentences;
- the errors left, by class;
- the ceiling again with the ``probe`` sentences counted as reachable (they test the
  validation program, not the codebook).

    python scripts/petrarch_ceiling.py bench/results/events-petrarch-validate-*.json

(given several results, it reads the newest).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "docs" / "data" / "petrarch-disagreements.tsv"


def disagreements(path: Path = TABLE) -> dict[str, tuple[str, str]]:
    """id -> (level, class) of the listed sentences."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    return {row["id"]: (row["level"], row["class"]) for row in reader}


def f1(tp: int, gold: int, predicted: int) -> float:
    return round(2 * tp / (gold + predicted), 4) if gold + predicted else 0.0


def ceiling(result: dict, listed: dict[str, tuple[str, str]]) -> dict:
    details = result["details"]["petrarch"]
    name = details["reported_file"]
    counts = details["files"][name]["counts"]
    gold, predicted = counts["gold"], counts["predicted"]
    errors = [e for e in details["errors"] if e["file"] == name]
    lost = Counter()
    kept = {"root": Counter(counts), "full": Counter(counts)}
    classes: Counter = Counter()
    for error in errors:
        missed, extra, wrong = (len(error[k]) for k in ("missed", "extra", "wrong_code"))
        level, kind = listed.get(error["id"], (None, "dateline"))
        classes[kind] += missed + extra
        if level == "root":
            lost.update(root=missed, root_extra=extra, full=missed + wrong,
                        full_extra=extra + wrong)
        elif level == "full":
            lost.update(full=wrong, full_extra=wrong)
        # the file less its disagreements: root-level ones for the root figure, all
        # listed ones for the full figure
        for scope in ("root", "full"):
            if level is None or (scope == "root" and level == "full"):
                continue
            kept[scope]["gold"] -= len(error["gold"])
            kept[scope]["predicted"] -= len(error["predicted"])
            kept[scope]["tp_" + scope] -= _matches(error, 2 if scope == "root" else 4)
    root, full = kept["root"], kept["full"]
    return {
        "file": name,
        "now": {"f1_root": f1(counts["tp_root"], gold, predicted),
                "f1_full": f1(counts["tp_full"], gold, predicted)},
        "ceiling": {
            "f1_root": f1(gold - lost["root"], gold, gold - lost["root"] + lost["root_extra"]),
            "f1_full": f1(gold - lost["full"], gold, gold - lost["full"] + lost["full_extra"])},
        "without_listed": {
            "f1_root": f1(root["tp_root"], root["gold"], root["predicted"]),
            "gold_root": root["gold"],
            "f1_full": f1(full["tp_full"], full["gold"], full["predicted"]),
            "gold_full": full["gold"]},
        "root_errors_by_class": dict(classes),
    }


def _matches(error: dict, digits: int) -> int:
    """Triples of a sentence matched on the code's first ``digits`` digits."""
    gold = Counter((s, t, c[:digits]) for s, t, c in error["gold"])
    predicted = Counter((s, t, c[:digits]) for s, t, c in error["predicted"])
    return sum((gold & predicted).values())


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: petrarch_ceiling.py BENCH_RESULT.json [...] (the newest is read)",
              file=sys.stderr)
        return 2
    newest = max((Path(a) for a in argv), key=lambda path: path.stat().st_mtime)
    result = json.loads(newest.read_text(encoding="utf-8"))
    listed = disagreements()
    figures = ceiling(result, listed)
    # probes test the validation program, not the codebook: reachable in principle
    codebook = {k: v for k, v in listed.items() if v[1] != "probe"}
    figures["ceiling_probes_reachable"] = ceiling(result, codebook)["ceiling"]
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
