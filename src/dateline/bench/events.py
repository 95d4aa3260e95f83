"""The ``events`` benchmark: CAMEO coding against PETRARCH records, PLOVER and ConfliBERT.

``dateline bench events --data PATH`` recognises what lies under PATH:

- PETRARCH validation records (``*.xml`` with ``<Sentence>`` elements): each sentence is
  coded on its own from its ``<Text>`` with its date, and its (source, target, event)
  triples compared with the gold codings. Actors come from the actor and agent
  dictionaries beside each file (fictional countries); verb patterns stay dateline's.
  The two known files follow two codebooks: the UD-PETRARCH 2.02 records (dependency
  parses, recognised by their header) are CAMEO-coded, the petrarch2 unit-test records
  WEIS-based, so each file is scored apart. Figures: ``f1_root`` (root code),
  ``f1_full`` (exact code), ``n`` (scored sentences) of the CAMEO-coded file (of the
  only file when just one is given); every file's figures, with ``precision_root`` and
  ``recall_root``, are in the details;
- whole real articles with every event annotated (``articles.jsonl``, see
  :mod:`dateline.bench.article_events`): ``event_f1``, ``precision``, ``recall``,
  ``full_f1``, ``mode_accuracy``, ``n`` (articles);
- PLOVER gold records (``PLOVER_GSR*``): the PLOVER type of each sentence's main event
  against the record's type (older types mapped). Figures: ``plover_macro_f1`` over
  the types present in the gold, ``n``;
- ConfliBERT CAMEO sentences (``cameo_class/test.tsv``): the five-way class of the main
  event (0 statement or appeal, 1 verbal cooperation, 2 material cooperation, 3 verbal
  conflict, 4 material conflict; no event is 0). Figures: ``accuracy``, ``n``.

Pointed at a folder holding all three, it runs them all and prints one line whose
names are those above, with the PLOVER and ConfliBERT counts as ``n_plover`` and
``n_conflibert``.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, article_events, prf
from dateline.errors import BenchError
from dateline.events import codebook
from dateline.events.actors import ActorDictionary
from dateline.events.coder import PETRARCH, CodedEvent, Rules, code_sentence, default_coder
from dateline.events.syntax import depth

#: A sentence's main event is the one the coder is surest of; among equals, the one
#: highest in the parse. Events of any actors count: the type is what is scored.
ANY_ACTORS = Rules(require_source=False)
ERROR_SAMPLE = 25


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score the sets found under ``data`` (see the module docs)."""
    from dateline.parse.nlp import load_nlp

    nlp = load_nlp(options.get("model"))
    limit = options.get("limit")
    petrarch = _petrarch_files(data)
    plover = _plover_file(data)
    conflibert = _conflibert_file(data)
    articles = article_events.articles_file(data)
    if not (petrarch or plover or conflibert or articles):
        raise BenchError(f"{data}: no PETRARCH records, PLOVER records, ConfliBERT "
                         "test.tsv or articles.jsonl found; point --data at one of those sets")
    figures: dict[str, float | int] = {}
    details: dict[str, Any] = {}
    several = sum(map(bool, (petrarch, plover, conflibert, articles))) > 1
    if articles:
        part, details["articles"] = article_events.run_articles(articles, options)
        figures.update(_renamed(part, "articles") if several else part)
    if petrarch:
        part, details["petrarch"] = _run_petrarch(petrarch, nlp, limit)
        figures.update(part)
    if plover:
        part, details["plover"] = _run_plover(plover, nlp, limit)
        figures.update(_renamed(part, "plover") if several else part)
    if conflibert:
        part, details["conflibert"] = _run_conflibert(conflibert, nlp, limit)
        figures.update(_renamed(part, "conflibert") if several else part)
    return BenchResult(task="events", data=str(data), figures=figures, details=details)


def _renamed(figures: dict, name: str) -> dict:
    return {("n_" + name if key == "n" else key): value for key, value in figures.items()}


# ---------------------------------------------------------------- finding the sets

def _petrarch_files(data: Path) -> list[Path]:
    files = [data] if data.is_file() else sorted(data.rglob("*.xml"))
    return [f for f in files if f.suffix == ".xml" and "<Sentence" in _text(f)]


def _plover_file(data: Path) -> Path | None:
    files = [data] if data.is_file() else sorted(data.rglob("PLOVER_GSR*"))
    return next((f for f in files if f.name.startswith("PLOVER_GSR")), None)


def _conflibert_file(data: Path) -> Path | None:
    if data.is_file():
        return data if data.name == "test.tsv" else None
    return next(iter(sorted(data.rglob("cameo_class/test.tsv"))), None)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _main_event(events: list[CodedEvent]) -> CodedEvent | None:
    """What a sentence reports: the event of the verb highest in its parse.

    Statements (root 01, no PLOVER type) count only when nothing else is coded;
    among events of one verb the surest wins.
    """
    kept = [e for e in events if e.mode != "negated"]
    typed = [e for e in kept if e.plover] or kept
    if not typed:
        return None
    return min(typed, key=lambda e: (depth(e.verb), -e.confidence, e.verb.i))


# ---------------------------------------------------------------- PETRARCH records

_ATTR = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')


def read_records(text: str) -> list[dict[str, Any]]:
    """Sentences of a PETRARCH validation file, read leniently.

    Comments and ``<PLEvent ...>`` pseudo-tags are removed; a ``<Sentence>`` runs to the
    next one, so a self-closing tag followed by its codings, text and parse works too.
    Each record: ``id``, ``date``, ``category``, ``evaluate``, ``text``, ``codings``
    (dicts of the ``EventCoding`` attributes).
    """
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"<PLEvent[^\n]*", "", text)
    records = []
    for part in re.split(r"<Sentence\s", text)[1:]:
        head, _, body = part.partition(">")
        attrs = dict(_ATTR.findall(head))
        found = re.search(r"<Text>(.*?)</Text>", body, re.DOTALL)
        if not found or "id" not in attrs:
            continue
        codings = [dict(_ATTR.findall(c)) for c in re.findall(r"<EventCoding([^>]*)>", body)]
        records.append({
            "id": attrs["id"], "date": attrs.get("date"), "category": attrs.get("category"),
            "evaluate": attrs.get("evaluate", "true").lower() != "false",
            "text": html.unescape(" ".join(found[1].split())), "codings": codings,
        })
    return records


def _dictionaries(path: Path) -> ActorDictionary:
    """The actor and agent files a records file names (``<Actorfile>``), else beside it."""
    text = _text(path)
    folder = path.parent
    actors = [folder / n.strip() for n in re.findall(r"<Actorfile>(.*?)</Actorfile>", text)]
    agents = [folder / n.strip() for n in re.findall(r"<Agentfile>(.*?)</Agentfile>", text)]
    actors = [p for p in actors if p.exists()] or sorted(folder.glob("*[Aa]ctors*.txt"))
    agents = [p for p in agents if p.exists()] or sorted(folder.glob("*[Aa]gents*.txt"))
    return ActorDictionary.from_files(actors, agents)


def _gold(record: dict) -> list[tuple[str, str, str]] | None:
    """Gold triples of a record; None when it is not scored (error codings, evaluate)."""
    if not record["evaluate"] or any("error" in c for c in record["codings"]):
        return None
    triples = []
    for coding in record["codings"]:
        if coding.get("noevents", "").lower() == "true":
            continue
        if "eventcode" in coding:
            triples.append((coding.get("sourcecode", ""), coding.get("targetcode", ""),
                            coding["eventcode"]))
    return triples


def _matched(gold: list[tuple], predicted: list[tuple]) -> int:
    """Size of the multiset intersection of two lists of triples."""
    return sum((Counter(gold) & Counter(predicted)).values())


def _run_petrarch(files: list[Path], nlp, limit: int | None) -> tuple[dict, dict]:
    verbs = default_coder().verbs
    pooled = Counter()
    per_file: dict[str, dict] = {}
    errors: list[dict] = []
    categories: dict[str, Counter] = {}
    scored = {path: _scored_records(path) for path in files}
    for path, records in scored.items():
        actors = _dictionaries(path)
        records = records[:limit] if limit else records
        counts = Counter()
        docs = nlp.pipe((r["text"] for r, _ in records), batch_size=32)
        for (record, gold), doc in zip(records, docs, strict=True):
            events = code_sentence(doc, actors, verbs, date=record["date"], rules=PETRARCH)
            predicted = [(e.source_code, e.target_code, e.code) for e in events
                         if e.mode != "negated"]
            got = _score(gold, predicted, counts)
            category = categories.setdefault(record["category"] or "", Counter())
            _score(gold, predicted, category)
            if got and len(errors) < ERROR_SAMPLE * len(files):
                errors.append({"file": path.name, "id": record["id"], "text": record["text"],
                               "gold": gold, "predicted": predicted})
        pooled.update(counts)
        per_file[path.name] = {"codebook": codebook_of(path), **_figures(counts)}
    cameo = [p for p in files if codebook_of(p) == "CAMEO"]
    reported = cameo[0] if cameo else files[0]
    whole = per_file[reported.name]
    figures = {"f1_root": whole["f1_root"], "f1_full": whole["f1_full"], "n": whole["n"]}
    details = {"reported_file": reported.name, "files": per_file, "pooled": _figures(pooled),
               "categories": {k: _figures(v) for k, v in sorted(categories.items())},
               "gold_agreement": _gold_agreement(scored), "ceiling": _ceiling(scored),
               "errors": errors}
    return figures, details


def codebook_of(path: Path) -> str:
    """``CAMEO`` for UD-PETRARCH records (CoNLL-U parses), else ``WEIS``.

    The petrarch2 unit-test records (Penn bracketed parses) were coded with an old,
    largely WEIS-based validation dictionary (issue 4: 064 where CAMEO says 050, ...).
    """
    head = _text(path)[:5000]
    return "CAMEO" if "UD-PETRARCH" in head or "CoNLL" in head else "WEIS"


def _scored_records(path: Path) -> list[tuple[dict, list[tuple[str, str, str]]]]:
    """The records of a file that are scored, each with its gold triples."""
    return [(r, g) for r in read_records(_text(path)) if (g := _gold(r)) is not None]


def _golds_by_text(scored: dict[Path, list[tuple[dict, list]]]) -> dict[str, dict[str, list]]:
    """file name -> sentence text -> gold triples."""
    return {path.name: {r["text"]: g for r, g in records} for path, records in scored.items()}


def _gold_agreement(scored: dict[Path, list[tuple[dict, list]]]) -> dict[str, Any]:
    """How far the files' gold codings agree where they code the same sentence.

    The petrarch2 unit-test records are coded with an old, largely WEIS-based
    validation dictionary, the UD-PETRARCH records with a CAMEO one; their agreement
    on identical sentences bounds what one CAMEO coder can score on both.
    """
    golds = _golds_by_text(scored)
    out: dict[str, Any] = {}
    names = sorted(golds)
    for k, first in enumerate(names):
        for second in names[k + 1:]:
            shared = set(golds[first]) & set(golds[second])
            counts = Counter()
            for text in shared:
                _score(golds[first][text], golds[second][text], counts)
            out[f"{first} vs {second}"] = {"sentences": len(shared), **_figures(counts)}
    return out


def _ceiling(scored: dict[Path, list[tuple[dict, list]]]) -> dict[str, Any]:
    """Pooled figures of a coder that reproduces one file's gold codings exactly.

    Where another file codes the same sentence differently, such a coder can match only
    one of them: its pooled score bounds what any coder that follows one codebook can
    reach. Sentences the followed file does not hold are taken as coded perfectly.
    """
    golds = _golds_by_text(scored)
    out: dict[str, Any] = {}
    for followed, coded in golds.items():
        counts = Counter()
        for records in scored.values():
            for record, gold in records:
                _score(gold, coded.get(record["text"], gold), counts)
        out[f"following {followed}"] = _figures(counts)
    return out


def _score(gold: list[tuple], predicted: list[tuple], counts: Counter) -> bool:
    """Add one sentence's counts; True when it has an error."""
    full = _matched(gold, predicted)
    root = _matched([(s, t, c[:2]) for s, t, c in gold], [(s, t, c[:2]) for s, t, c in predicted])
    counts["n"] += 1
    counts["gold"] += len(gold)
    counts["predicted"] += len(predicted)
    counts["tp_full"] += full
    counts["tp_root"] += root
    return full < max(len(gold), len(predicted))


def _figures(counts: Counter) -> dict[str, float | int]:
    gold, predicted = counts["gold"], counts["predicted"]
    _, _, f1_full = prf(counts["tp_full"], predicted - counts["tp_full"],
                        gold - counts["tp_full"])
    p_root, r_root, f1_root = prf(counts["tp_root"], predicted - counts["tp_root"],
                                  gold - counts["tp_root"])
    return {"f1_full": round(f1_full, 4), "f1_root": round(f1_root, 4),
            "precision_root": round(p_root, 4), "recall_root": round(r_root, 4),
            "n": counts["n"]}


# ---------------------------------------------------------------- PLOVER records

def _run_plover(path: Path, nlp, limit: int | None) -> tuple[dict, dict]:
    coder = default_coder()
    records = [r for r in json.loads(_text(path)) if r.get("event") and r.get("text")]
    records = [r for r in records if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    gold = [codebook.plover_type(r["event"]) for r in records]
    predicted: list[str | None] = []
    errors = []
    docs = nlp.pipe((r["text"] for r in records), batch_size=32)
    for record, doc, want in zip(records, docs, gold, strict=True):
        events = code_sentence(doc, coder.actors, coder.verbs, date=record.get("date"),
                               rules=ANY_ACTORS)
        main = _main_event(events)
        got = main.plover if main else None
        predicted.append(got)
        if got != want and len(errors) < ERROR_SAMPLE * 2:
            errors.append({"id": record.get("id"), "text": record["text"], "gold": want,
                           "predicted": got, "code": main.code if main else None,
                           "verb": main.verb.text if main else None})
    types = sorted(set(gold))
    per_type = {}
    for name in types:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == name)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == name != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == name != p)
        precision, recall, f1 = prf(tp, fp, fn)
        per_type[name] = {"precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(f1, 4), "support": tp + fn}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    figures = {"plover_macro_f1": round(macro, 4), "n": len(records)}
    details = {"types": per_type, "no_event": predicted.count(None), "errors": errors}
    return figures, details


# ---------------------------------------------------------------- ConfliBERT sentences

def five_way(code: str | None) -> int:
    """ConfliBERT's class of a CAMEO code: the Phoenix quad (0 for statements, appeals)."""
    if code is None:
        return 0
    number = int(code[:2])
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13 or number == 16:
        return 3
    return 4


def _run_conflibert(path: Path, nlp, limit: int | None) -> tuple[dict, dict]:
    coder = default_coder()
    rows = []
    for line in _text(path).splitlines():
        sentence, _, label = line.rstrip("\r").rpartition("\t")
        if sentence and label.strip().isdigit():
            rows.append((sentence, int(label)))
    rows = rows[:limit] if limit else rows
    confusion: Counter = Counter()
    correct = 0
    docs = nlp.pipe((s for s, _ in rows), batch_size=32)
    for (_, label), doc in zip(rows, docs, strict=True):
        main = _main_event(code_sentence(doc, coder.actors, coder.verbs, rules=ANY_ACTORS))
        guess = five_way(main.code if main else None)
        confusion[f"{label}->{guess}"] += 1
        correct += guess == label
    per_class = {}
    for label in range(5):
        tp = confusion[f"{label}->{label}"]
        fp = sum(v for k, v in confusion.items() if k.endswith(f"->{label}")) - tp
        fn = sum(v for k, v in confusion.items() if k.startswith(f"{label}->")) - tp
        precision, recall, f1 = prf(tp, fp, fn)
        per_class[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "support": tp + fn}
    figures = {"accuracy": round(correct / len(rows), 4) if rows else 0.0, "n": len(rows)}
    return figures, {"classes": per_class, "confusion": dict(sorted(confusion.items()))}
