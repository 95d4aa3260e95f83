"""Reading the dependency parse for quotations: cue verbs, their subjects, their clauses.

All helpers take spaCy tokens and return tokens or character spans; none of them
knows about articles or records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.quotes.lexicon import ReportingVerb, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words that open an embedded question, not a reported statement ("asked whether").
WH_MARKS = frozenset({"whether", "if", "how", "what", "why", "who", "whom", "when",
                      "where", "which"})
#: Modifiers kept in a speaker phrase written out as is ("the city's chief planner").
PHRASE_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case",
                              "quantmod", "predet", "nn", "advmod"})
#: Modifiers after a common noun kept in a speaker phrase: "some in the Muslim
#: community", "people arrested last week", "a person familiar with the talks". A name
#: keeps none ("Jane Doe in Ottawa said" is Jane Doe).
POST_MODIFIERS = frozenset({"prep", "acl", "amod"})
#: Dependents of a cue that are its speaker: the active subject only (the subject of a
#: passive cue, "she was told", is who heard it).
SUBJECT_DEPS = ("nsubj",)
#: How far up the tree a participle or conjunct looks for the subject it shares.
MAX_CLIMB = 3
#: Longest list of conjuncts followed when looking for its "and".
MAX_CONJUNCTS = 8
#: A reported clause has at least this many words ("it is" is not a statement).
MIN_CLAUSE_WORDS = 3
#: Pronouns that can stand as the subject of a cue.
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we"})
#: Relative pronouns that stand for the noun their clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def may_report(token: Token) -> bool:
    """True when the lemma of ``token`` is in the reporting-verb table: one cheap test
    that rules out most tokens before :func:`reporting_verb` tries each frame."""
    return token.lemma_.lower() in lexicon().verbs


def reporting_verb(token: Token, frame: str) -> ReportingVerb | None:
    """The table row when ``token`` is a reporting verb that can introduce ``frame``."""
    if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
        return None
    for row in lexicon().verbs.get(token.lemma_.lower(), ()):
        if frame not in row.frames:
            continue
        if row.particle and not any(
            c.dep_ == "prt" and c.lower_ == row.particle for c in token.children
        ):
            continue
        return row
    return None


def cue_span(token: Token, row: ReportingVerb) -> tuple[int, int]:
    """Characters of the cue as written: the verb, and its particle when it has one."""
    end = token.idx + len(token.text)
    if row.particle:
        for child in token.children:
            if child.dep_ == "prt" and child.lower_ == row.particle:
                end = max(end, child.idx + len(child.text))
    return token.idx, end


def subject_of(verb: Token, lo: int = 0, hi: int | None = None) -> Token | None:
    """The speaker token of a cue verb: its subject, or the one it shares.

    "said Telford" and "Telford said" both give Telford. A participle or conjunct
    ("..., adding", "and added") has no subject of its own and shares its head's; a
    relative pronoun ("the letter, which said") stands for the noun it modifies. Only
    tokens in characters ``lo:hi`` (the cue's paragraph) count.
    """
    hi = len(verb.doc.text) if hi is None else hi
    for _ in range(MAX_CLIMB):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and lo <= c.idx < hi]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
        inverted = _inverted_subject(verb)
        if inverted is not None and lo <= inverted.idx < hi:
            return inverted
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "as":
            return _quoted_as(verb.head.head, lo, hi)
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _quoted_as(verb: Token, lo: int, hi: int) -> Token | None:
    """The speaker of "he was quoted as saying", "she is on record as saying": the
    subject, passive included, of the verb that "as saying" completes."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and lo <= child.idx < hi:
            return child
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The name next to the verb ("said Smith", "Smith says") when the parser gave it
    another role."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.head.i == verb.i and nxt.pos_ == "PROPN":
        return nxt
    before = verb.nbor(-1) if verb.i > 0 else None
    while before is not None and before.i > 0 and before.is_lower and \
            before.dep_ in ("advmod", "aux", "neg"):
        before = before.nbor(-1)
    if before is not None and (_is_name(before) or before.lower_ in SUBJECT_PRONOUNS):
        return before
    return None


def _is_name(token: Token) -> bool:
    """A proper name, even one the tagger mistook ("DeBoer" tagged as an auxiliary)."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and bool(token.ent_type_))


def phrase_span(head: Token, floor: int = 0) -> tuple[int, int]:
    """Characters of the noun phrase of ``head``: its determiners and modifiers on the left
    and an "of" phrase (for a common noun, any phrase or participle) on the right, up to
    a comma, without relative clauses and appositions; nothing before character
    ``floor`` (the start of the paragraph).
    """
    start = head
    for child in head.lefts:
        if child.dep_ in PHRASE_LEFT_DEPS:
            start = min(start, child.left_edge, key=lambda t: t.i)
    end = head
    for child in head.rights:
        if child.i == end.i + 1 and (child.dep_ == "prep" and child.lower_ == "of" or (
                child.dep_ in POST_MODIFIERS and head.pos_ != "PROPN")):
            end = _before_comma(child, _modifier_end(child))
        if child.dep_ == "conj":  # "Immigration, civil rights, and human rights leaders"
            end = max(end, child, key=lambda t: t.i)
            end = max(end, _phrase_end(child), key=lambda t: t.i)
    while start.i < head.i and (start.is_punct or start.is_space or start.idx < floor):
        start = start.nbor(1)
    if head.head.i > head.i:  # a subject's phrase ends before its verb
        end = min(end, head.head.nbor(-1), key=lambda t: t.i)
    return start.idx, end.idx + len(end.text)


def _modifier_end(modifier: Token) -> Token:
    """Last token of a modifier after a noun, without what is coordinated to it ("familiar
    with the talks" in "familiar with the talks but unauthorized to speak")."""
    end = modifier
    for child in modifier.rights:
        if child.dep_ in ("cc", "conj", "relcl", "punct"):
            break
        end = child.right_edge
    return end


def _before_comma(first: Token, last: Token) -> Token:
    """``last``, or the token before the first comma after ``first`` ("member of the
    public, whose name is redacted" ends at "public")."""
    for token in first.doc[first.i + 1:last.i + 1]:
        if token.text in (",", "—", "–"):
            return token.nbor(-1)
    return last


def _phrase_end(head: Token) -> Token:
    """Last token of a conjunct's phrase (its own conjuncts included)."""
    end = head
    for child in head.rights:
        if child.dep_ in ("conj", "compound", "amod") or (
                child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge if child.dep_ == "prep" else _phrase_end(child),
                      key=lambda t: t.i)
    return end


def coordinated(head: Token) -> bool:
    """True when ``head`` heads a coordination ("Jane Doe and John Roe", "police, firefighters
    and paramedics"). A list without "and"/"or", or a name joined to common nouns, is an
    apposition the parser took for one ("their allies, members of ...", "Jane Doe, health
    promotion and nutrition manager")."""
    conjuncts = [child for child in head.rights if child.dep_ == "conj"]
    if not conjuncts:
        return False
    if any((c.pos_ == "PROPN") != (head.pos_ == "PROPN") for c in conjuncts):
        return False
    chain = [head]
    while chain[-1] is not None and len(chain) <= MAX_CONJUNCTS:
        chain.append(next((c for c in chain[-1].rights if c.dep_ == "conj"), None))
    return any(c.dep_ == "cc" for t in chain if t is not None for c in t.children)


def appositive_of(head: Token) -> Token | None:
    """The name in apposition to ``head`` ("the chief executive, Jane Doe, said")."""
    for child in head.rights:
        if child.dep_ == "appos":
            return child
    return None


def clause_span(clause: Token) -> tuple[int, int] | None:
    """Characters of a reported clause without the punctuation around it; None for an
    embedded question ("whether ...") or a clause too short to be a statement.
    """
    tokens = [t for t in clause.subtree]
    if clause.dep_ in ("oprd", "pobj"):
        tokens = [t for t in tokens if t.i >= clause.left_edge.i]
    elif tokens[0].lower_ in WH_MARKS or any(
        c.dep_ == "mark" and c.lower_ in WH_MARKS for c in clause.children
    ):
        return None
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"‘'" or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"’'" or
                      tokens[-1].is_space):
        tokens.pop()
    if sum(t.is_alpha for t in tokens) < (1 if clause.dep_ in ("oprd", "pobj")
                                          else MIN_CLAUSE_WORDS):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def complement_of(verb: Token) -> Token | None:
    """The clause a reporting verb reports: its ``ccomp`` child, the one after it first.

    A clause before the verb ("The bridge will reopen, officials said") must be a whole
    clause with its own subject, set off by a comma; a fronted phrase the parser took
    for a clause ("After the vote, May acknowledged ...") is not a report.
    """
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in clauses:
        if clause.i > verb.i:
            return clause
    for clause in clauses:
        after = clause.right_edge.i + 1
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
        if has_subject and after < len(verb.doc) and verb.doc[after].text in (",", "”", '"'):
            return clause
    return None


def infinitive_of(verb: Token) -> Token | None:
    """The to-infinitive of a request ("urged residents to conserve water"), if any."""
    has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    for child in verb.children:
        if child.dep_ == "xcomp" and has_object and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
    return None


def naming_of(verb: Token) -> Token | None:
    """The description a naming verb gives ("described the scene as chaos",
    "called the program a success"), when the verb has a subject of its own."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def according_to(token: Token) -> tuple[Token, Token] | None:
    """``(to, source)`` when ``token`` is "according" in "according to X"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return child, grandchild
    return None
