"""What a number counts or measures (``Count.about``), read from the dependency parse.

(The parse also gives a change that the words next to the number do not show: "grow
sales by 35 per cent" is up, see :func:`change_by`.)

In order:

1. a counted noun: the noun the number modifies ("10,000 violent attacks" ->
   "violent attacks", "13000 workers" -> "workers"), or the noun after "of" ("tens
   of thousands of dollars", "a third of those screened");
2. "N times" counts how often something was done: the verb and its object
   ("expelling individuals more than 2.4 million times" -> "expelling individuals");
3. a measured amount: the noun it modifies ("a 25% tax" -> "tax", "$150,000
   contract"), the noun it belongs to ("turnover of 1.3 billion shekels" ->
   "turnover"), else the subject of its clause ("core inflation rose 0.3%" -> "core
   inflation", "a disorderly exit would cost it $800 million" -> "disorderly exit").

A pronoun subject gives no ``about``. Phrases are trimmed of determiners and
possessive pronouns and kept to :data:`MAX_WORDS` words.
"""

from __future__ import annotations

NOUNS = frozenset({"NOUN", "PROPN"})
#: Relations by which a measured amount modifies the noun it describes.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
OBJECT_OF_PREPOSITION = frozenset({"pobj"})
#: Leading parts of a noun phrase left out of ``about``.
TRIM_POS = frozenset({"DET", "PRON", "PUNCT", "ADP", "CCONJ", "NUM", "PART", "SYM", "ADV"})
#: Long subjects are cut to their last words (the head noun and its nearest modifiers).
MAX_WORDS = 8
#: How far up the parse to look for the clause of a measured amount.
MAX_CLIMB = 6


def _span(doc, start: int, end: int):
    """The tokens covering characters ``start``..``end`` of ``doc`` (None if none)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def find_about(doc, start: int, end: int, unit: str | None, unit_kind: str | None) -> str | None:
    """What the count at characters ``start``..``end`` of ``doc`` is about."""
    span = _span(doc, start, end)
    if span is None:
        return None
    root = span.root
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ == "of":
        target = _child(following, OBJECT_OF_PREPOSITION)
        if target is not None:
            return _phrase(target, span.end)
    if (unit or "").split(" per ")[0] == "time":
        head = root.head
        if root.dep_ in MODIFIER_DEPS and head.pos_ in NOUNS and head.i >= span.end:
            return _phrase(head, span.end)  # "a 20-fold increase"
        return _verb_phrase(root)
    if unit_kind == "count":
        return _phrase(root, root.i)
    if unit_kind is None:
        head = root.head
        if head.i >= span.end and head.pos_ in NOUNS:
            return _phrase(head, span.end)
        run = _noun_run(doc, span.end)
        if run is not None:
            return run
    return _measured(root, span)


def _noun_run(doc, start: int) -> str | None:
    """The adjectives and nouns right after a bare number ("3m homes", "40 tanks")."""
    end = start
    while end < len(doc) and end - start < MAX_WORDS and (
            doc[end].pos_ in NOUNS or doc[end].pos_ == "ADJ"
            or (doc[end].text == "-" and not doc[end].whitespace_)):
        end += 1
    while end > start and doc[end - 1].pos_ not in NOUNS:
        end -= 1
    if end == start:
        return None
    return doc[start:end].text


def _child(token, deps: frozenset[str]):
    return next((child for child in token.children if child.dep_ in deps), None)


def _measured(root, span) -> str | None:
    """The noun a measured amount describes, or the subject of its clause."""
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.pos_ in NOUNS and head.i >= span.end:
        return _phrase(head, span.end)
    owner = head.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and owner.pos_ in NOUNS and \
            not span.start <= owner.i < span.end:
        return _phrase(owner, 0)
    verb = _clause(root)
    subject = _child(verb, SUBJECT_DEPS) if verb is not None else None
    if subject is None or subject.pos_ == "PRON" or span.start <= subject.i < span.end:
        return None
    return _phrase(subject, 0)


def _clause(token):
    """The verb (or auxiliary) that heads the clause of ``token``."""
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_phrase(root) -> str | None:
    """ "expelling individuals": the verb a "N times" modifies, with its object."""
    verb = _clause(root)
    if verb is None:
        return None
    obj = _child(verb, OBJECT_DEPS)
    if obj is None or obj.pos_ == "PRON":
        return verb.text
    if obj.i < verb.i:
        return f"{_phrase(obj, 0)} {verb.text}"
    return f"{verb.text} {_phrase(obj, verb.i + 1)}"


def _trimmed(token) -> bool:
    """A word left off the front of a phrase: a determiner, a number, a glued unit."""
    glued_to_number = token.i > 0 and token.doc[token.i - 1].like_num and \
        not token.doc[token.i - 1].whitespace_
    return token.pos_ in TRIM_POS or token.like_num or glued_to_number


def _phrase(noun, not_before: int) -> str | None:
    """The noun with the modifiers before it, from token ``not_before`` on, trimmed."""
    doc = noun.doc
    first = max(noun.left_edge.i, not_before)
    if first > noun.i:
        first = noun.i
    tokens = list(doc[first:noun.i + 1])[-MAX_WORDS:]
    while tokens and tokens[0] is not noun and _trimmed(tokens[0]):
        tokens.pop(0)
    if not tokens:
        return None
    return doc[tokens[0].i:tokens[-1].i + 1].text.strip() or None


def change_by(doc, start: int, end: int, changes: dict[str, str]) -> str | None:
    """ "up"/"down" when the count is "by N" after a change verb ("grow sales by 35%")."""
    span = _span(doc, start, end)
    if span is None:
        return None
    root = span.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "by":
        return None
    verb = preposition.head
    if verb.pos_ not in ("VERB", "NOUN"):
        return None
    return changes.get(verb.lemma_.lower()) or changes.get(verb.lower_)
