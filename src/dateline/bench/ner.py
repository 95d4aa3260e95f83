"""The ``ner`` bench: entity mentions on CoNLL-2003 (test split), conlleval style.

Each document of ``test.txt`` is rebuilt from its tokens (tokens joined by a space,
sentences by a newline), parsed with spaCy and passed to
:func:`~dateline.entities.find.find_entities` as one body segment. Every mention
of every entity is scored with the entity's type mapped onto CoNLL's four classes;
a prediction is right when its token span and class equal a gold entity's.
The same documents are also scored with spaCy's raw ``doc.ents`` (same mapping) so
the effect of the stage's own rules shows in ``details``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, prf
from dateline.errors import BenchError

#: Our types -> CoNLL classes; types not listed (DATE, MONEY, ...) are not scored.
TYPE_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
}
CLASSES = ("PER", "ORG", "LOC", "MISC")
#: Errors kept in ``details`` (enough to see patterns, small enough to read).
ERROR_SAMPLE = 60

Span = tuple[int, int, str]  # first token, token after the last, class


class Document:
    """One CoNLL document: its tokens, sentence breaks and gold entity spans."""

    def __init__(self, sentences: list[list[tuple[str, str]]]) -> None:
        self.tokens = [token for sentence in sentences for token, _ in sentence]
        self.gold = _spans([tag for sentence in sentences for _, tag in sentence])
        self.text, self.starts = _layout(sentences)
        self.index = {start: i for i, start in enumerate(self.starts)}


def read_conll(path: Path) -> list[Document]:
    """Documents of a CoNLL-2003 file (``-DOCSTART-`` lines separate documents)."""
    documents: list[Document] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                sentences.append(sentence)
            sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            if sentence:
                sentences.append(sentence)
            if sentences:
                documents.append(Document(sentences))
            sentences, sentence = [], []
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        sentences.append(sentence)
    if sentences:
        documents.append(Document(sentences))
    return documents


def _spans(tags: list[str]) -> set[Span]:
    """Entity spans of an IOB2 tag sequence (an I- without B- starts an entity too)."""
    spans: set[Span] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        begins = tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind)
        if start is not None and (tag == "O" or begins):
            spans.add((start, i, kind))
            start, kind = None, None
        if begins:
            start, kind = i, tag[2:]
    return spans


def _layout(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[int]]:
    """The document's text and the character offset of each token."""
    pieces: list[str] = []
    starts: list[int] = []
    offset = 0
    for sentence in sentences:
        for j, (token, _) in enumerate(sentence):
            if j:
                pieces.append(" ")
                offset += 1
            starts.append(offset)
            pieces.append(token)
            offset += len(token)
        pieces.append("\n")
        offset += 1
    return "".join(pieces), starts


def _token_span(doc: Document, start: int, end: int, kind: str) -> Span | None:
    """Gold token span of characters ``start:end``, or None if not on token edges."""
    first = doc.index.get(start)
    if first is None:
        return None
    last = first
    while last < len(doc.tokens) and doc.starts[last] + len(doc.tokens[last]) < end:
        last += 1
    if last >= len(doc.tokens) or doc.starts[last] + len(doc.tokens[last]) != end:
        return None
    return (first, last + 1, kind)


def _ours(document: Document, spacy_doc) -> set[Span]:
    """Our stage's mentions of one document, as token spans with CoNLL classes."""
    from dateline.entities.find import find_entities
    from dateline.parse.segments import Segment

    segment = Segment("body", 0, document.text, spacy_doc)
    spans: set[Span] = set()
    for entity in find_entities([segment]):
        kind = TYPE_MAP.get(entity.type)
        for mention in entity.mentions if kind else []:
            span = _token_span(document, mention.where.start, mention.where.end, kind)
            spans.add(span or (-mention.where.start - 1, -1, kind))
    return spans


def _raw(document: Document, spacy_doc) -> set[Span]:
    """spaCy's own ``doc.ents`` of one document, same mapping."""
    spans: set[Span] = set()
    for ent in spacy_doc.ents:
        kind = TYPE_MAP.get(ent.label_)
        if kind:
            span = _token_span(document, ent.start_char, ent.end_char, kind)
            spans.add(span or (-ent.start_char - 1, -1, kind))
    return spans


class Tally:
    """True positives, false positives and false negatives, overall and per class."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, gold: set[Span], predicted: set[Span]) -> None:
        for span in gold & predicted:
            self.counts["tp", span[2]] += 1
        for span in predicted - gold:
            self.counts["fp", span[2]] += 1
        for span in gold - predicted:
            self.counts["fn", span[2]] += 1

    def figures(self, kind: str | None = None) -> dict[str, float]:
        kinds = [kind] if kind else list(CLASSES)
        tp, fp, fn = (sum(self.counts[c, k] for k in kinds) for c in ("tp", "fp", "fn"))
        precision, recall, f1 = prf(tp, fp, fn)
        return {"precision": round(precision, 4), "recall": round(recall, 4),
                "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score the entities stage (and raw spaCy) on CoNLL-2003 test documents."""
    from dateline.parse.nlp import load_nlp

    path = data / "test.txt" if data.is_dir() else data
    if not path.exists():
        raise BenchError(f"{path}: no CoNLL-2003 test file; point --data at the folder "
                         "holding test.txt")
    documents = read_conll(path)[: options.get("limit") or None]
    nlp = load_nlp(options.get("model"))
    ours, raw = Tally(), Tally()
    errors: list[dict[str, Any]] = []
    docs = nlp.pipe((d.text for d in documents), batch_size=32)
    for number, (document, spacy_doc) in enumerate(zip(documents, docs, strict=True)):
        predicted = _ours(document, spacy_doc)
        ours.add(document.gold, predicted)
        raw.add(document.gold, _raw(document, spacy_doc))
        if len(errors) < ERROR_SAMPLE:
            errors.extend(_errors(number, document, predicted))
    n = sum(len(d.gold) for d in documents)
    overall = ours.figures()
    return BenchResult(
        task="ner",
        data=str(data),
        figures={"f1": overall["f1"], "n": n},
        details={
            "documents": len(documents),
            "ours": overall,
            "ours_per_class": {k: ours.figures(k) for k in CLASSES},
            "raw_spacy": raw.figures(),
            "raw_spacy_per_class": {k: raw.figures(k) for k in CLASSES},
            "model": nlp.meta.get("name"),
            "errors": errors[:ERROR_SAMPLE],
        },
    )


def _errors(number: int, document: Document, predicted: set[Span]) -> list[dict[str, Any]]:
    """A few missed and spurious spans of one document, as text."""
    def text(span: Span) -> str:
        return " ".join(document.tokens[span[0]: span[1]]) if span[1] >= 0 else "(off-token)"

    out = []
    for span in sorted(document.gold - predicted)[:3]:
        out.append({"doc": number, "kind": "missed", "class": span[2], "text": text(span)})
    for span in sorted(predicted - document.gold)[:3]:
        out.append({"doc": number, "kind": "spurious", "class": span[2], "text": text(span)})
    return out
