"""Verb patterns: their records and how they are matched against a parsed clause.

A pattern ``- pre * post [code]`` (read by :mod:`dateline.events.verbs`): ``*`` is the
verb; words after it must occur after the verb in its clause, in order (a blank allows
words between, ``_`` and ``{A B}`` do not); ``(PREP words)`` is a prepositional phrase;
``&NAME`` any phrase of a synonym set; ``$`` and ``+`` mark where the source and target
actors are; ``[042:043]`` codes source->target 042 and target->source 043; ``[---]``
codes nothing.

The clause a pattern is matched against is supplied by the coder as token lists
(:class:`Clause`), so matching itself knows nothing of the parser's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.events.dictionaries import plural

NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class Term:
    """Alternatives, each a run of consecutive words (a word, a ``{phrase}``, a synset).

    ``forms`` holds, for each word of each option, the strings a token may show for it
    (the word and its regular plural), computed once when the dictionary is read.
    """

    options: tuple[tuple[str, ...], ...]
    forms: tuple[tuple[frozenset[str], ...], ...] = ()
    size: int = 0
    first: frozenset[str] = frozenset()


def make_term(options: tuple[tuple[str, ...], ...]) -> Term:
    """A :class:`Term` with its word forms, size and first words precomputed."""
    forms = tuple(tuple(_word_forms(w) for w in option) for option in options)
    size = min((len(o) for o in options), default=0)
    first = frozenset().union(*(option[0] for option in forms if option))
    return Term(options, forms, size, first)


def _word_forms(word: str) -> frozenset[str]:
    return frozenset({word, plural(word), word.rstrip(".")})


@dataclass(frozen=True, slots=True)
class Group:
    """A prepositional phrase ``(PREP words...)``: words found under the preposition."""

    prep: Term
    inner: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Marker:
    """``$`` (source here), ``+`` (target here), ``^`` (skip), ``%`` (compound)."""

    kind: str


Element = Term | Group | Marker


@dataclass(slots=True)
class Pattern:
    """One pattern line: elements before and after the verb, and its codes.

    ``weight`` is how specific it is (the number of words it requires); ``terms`` all
    its word terms, to rule it out quickly when a clause lacks one of them.
    """

    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None
    reverse: str | None
    text: str
    weight: int = 0
    terms: tuple[Term, ...] = ()

    def __post_init__(self) -> None:
        self.weight = _weight(self.pre) + _weight(self.post)
        self.terms = tuple(_terms(self.pre) + _terms(self.post))


def _terms(elements: Sequence[Element]) -> list[Term]:
    out: list[Term] = []
    for element in elements:
        if isinstance(element, Term):
            out.append(element)
        elif isinstance(element, Group):
            out.append(element.prep)
            out.extend(_terms(element.inner))
    return out


def _weight(elements: Sequence[Element]) -> int:
    total = 0
    for element in elements:
        if isinstance(element, Term):
            total += element.size
        elif isinstance(element, Group):
            total += element.prep.size + _weight(element.inner)
    return total


@dataclass(slots=True)
class VerbBlock:
    """A verb synonym block: its default code and the patterns its verbs share."""

    name: str
    code: str | None
    reverse: str | None = None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb of a block: its key word, the words that must precede/follow it."""

    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    reverse: str | None
    has_code: bool
    block: VerbBlock


@dataclass(slots=True)
class Match:
    """The outcome of matching a verb's patterns: codes and where the actors are.

    ``clause`` is the clause it was matched against, kept for finding the actors.
    """

    code: str | None
    reverse: str | None
    pattern: Pattern | None
    form: VerbForm
    used: list = field(default_factory=list)
    source_at: object | None = None
    target_at: object | None = None
    clause: Clause | None = None


# ---------------------------------------------------------------- matching

def token_keys(token) -> frozenset[str]:
    """The strings a pattern word may equal: the token's text and its lemma.

    A participle that qualifies a noun ("a controlled substance", "the armed
    man") matches by its text alone: it does not name the act of its lemma, which a
    pattern's noun ("CONTROL") would otherwise meet.
    """
    if token.dep_ == "amod" and token.tag_ in {"VBN", "VBD"}:
        return frozenset((token.lower_,))
    return frozenset((token.lower_, token.lemma_.lower()))


def word_matches(word: str, token) -> bool:
    """Whether pattern word ``word`` matches ``token`` (text, lemma or regular plural)."""
    return bool(_word_forms(word) & token_keys(token))


@dataclass(frozen=True, slots=True)
class Words:
    """Tokens of a clause with the strings each may match (:func:`token_keys`).

    Patterns compare every token of a clause many times over: the keys are read from
    the parse once per clause.
    """

    tokens: list
    keys: list[frozenset[str]]

    @classmethod
    def of(cls, tokens: Sequence) -> Words:
        tokens = list(tokens)
        return cls(tokens, [token_keys(t) for t in tokens])

    def __len__(self) -> int:
        return len(self.tokens)

    def subset(self, positions: Sequence[int]) -> Words:
        """The words at ``positions``, in that order."""
        return Words([self.tokens[k] for k in positions], [self.keys[k] for k in positions])


def _function_word(token) -> bool:
    return token.pos_ in {"ADP", "PART", "SCONJ"}


def _match_run(option: tuple[frozenset[str], ...], words: Words, start: int,
               heads: frozenset[int]) -> int | None:
    """First index >= start where ``option`` matches consecutive tokens; its end index.

    A lone function word ("at", "on", "to") counts only where it hangs from the verb
    or its objects: deep in a complement clause it says nothing about the verb.
    """
    n = len(option)
    seq, keys = words.tokens, words.keys
    for j in range(start, len(seq) - n + 1):
        if option[0].isdisjoint(keys[j]) or \
                not all(option[k] & keys[j + k] for k in range(1, n)):
            continue
        if n > 1 and seq[j + n - 1].i - seq[j].i != n - 1:
            continue
        if n == 1 and heads and _function_word(seq[j]) and seq[j].head.i not in heads:
            continue
        if n == 1 and heads and _preposition_for_particle(option[0], seq[j]):
            continue
        return j + n - 1
    return None


#: Particles of phrasal verbs that are also prepositions: "fired off a letter" is not
#: "fired into the sea off the coast".
PARTICLES = frozenset({"off", "out", "up", "down", "back", "away", "over"})


def _preposition_for_particle(forms: frozenset[str], token) -> bool:
    """A pattern's particle met by a preposition with an object of its own."""
    return token.lower_ in PARTICLES and token.lower_ in forms and token.dep_ == "prep" \
        and any(c.dep_ == "pobj" for c in token.children)


def _match_term(term: Term, words: Words, start: int, used: list,
                heads: frozenset[int]) -> int | None:
    best: int | None = None
    best_len = 0
    for option in term.forms:
        end = _match_run(option, words, start, heads)
        if end is not None and (best is None or end < best or
                                (end == best and len(option) > best_len)):
            best, best_len = end, len(option)
    if best is not None:
        used.extend(words.tokens[best - best_len + 1: best + 1])
    return best


def match_elements(elements: Sequence[Element], words: Words, used: list,
                   markers: dict, heads: frozenset[int] = frozenset()) -> bool:
    """Match ``elements`` in order over ``words`` (gaps allowed); fill ``used``/``markers``.

    ``heads`` are the positions a preposition of the pattern may hang from (the verb
    and its objects); empty allows any.
    """
    cursor = 0
    for element in elements:
        if isinstance(element, Marker):
            if element.kind in "$+" and cursor < len(words):
                markers[element.kind] = words.tokens[cursor]
            continue
        if isinstance(element, Term):
            end = _match_term(element, words, cursor, used, heads)
        else:
            end = _match_group(element, words, cursor, used, markers, heads)
        if end is None:
            return False
        cursor = end + 1
    return True


def _match_group(group: Group, words: Words, start: int, used: list,
                 markers: dict, heads: frozenset[int]) -> int | None:
    """Match ``(PREP words)``: a preposition of the verb, the words under it."""
    seq = words.tokens
    while start < len(seq):
        head_used: list = []
        end = _match_term(group.prep, words, start, head_used, frozenset())
        if end is None:
            return None
        prep = seq[end]
        attached = not heads or prep.head.i in heads
        if heads and not group.inner and prep.head.pos_ not in {"VERB", "AUX"}:
            # a bare "(FOR)" is the verb's ("attacked Gondor for ..."), not an object's
            # ("attacked a camp for refugees")
            attached = False
        if attached and (prep.pos_ == "ADP" or prep.dep_ in {"prep", "agent", "dative"}):
            inside = words.subset([k for k in range(end + 1, len(seq))
                                   if prep.is_ancestor(seq[k])])
            inner_used: list = []
            if match_elements(group.inner, inside, inner_used, markers):
                used.extend(head_used + inner_used)
                return max((seq.index(t) for t in inner_used), default=end)
        start = end + 1
    return None


@dataclass(slots=True)
class Clause:
    """What a verb's patterns are matched against: tokens before and after the verb.

    ``heads``: positions of the verb and its objects, where a pattern's prepositions
    may attach. ``around``: ``post`` with complement clauses that have a subject of
    their own, where the verb's target may still be ("believes Gondor can cope").
    """

    verb: object
    pre: list
    post: list
    heads: frozenset[int] = frozenset()
    around: list = field(default_factory=list)


def match_verb(clause: Clause, forms: Sequence[VerbForm]) -> Match | None:
    """The most specific pattern of the verb's blocks that matches ``clause``.

    A matching multi-word verb (``ask for``) beats the plain verb. A verb listed in
    several blocks has the patterns of all of them. Among patterns the one requiring
    the most words wins; on a tie, the one whose words lie nearest the verb (the
    object before a word deep in a complement), then the first in the file. Without
    a pattern the verb's own code, else its block's code, applies.
    """
    candidates = [f for f in forms if _form_fits(f, clause)]
    if not candidates:
        return None
    top = max(len(f.before) + len(f.after) for f in candidates)
    candidates = [f for f in candidates if len(f.before) + len(f.after) == top]
    best: Match | None = None
    best_key: tuple = (-1, 0)
    pre, post = Words.of(clause.pre), Words.of(clause.post)
    present = frozenset().union(*pre.keys, *post.keys)
    for form in candidates:
        for pattern in form.block.patterns:
            weight = pattern.weight
            if weight < best_key[0] or not _possible(pattern, present):
                continue
            used: list = []
            markers: dict = {}
            if not (match_elements(pattern.pre, pre, used, markers) and
                    match_elements(pattern.post, post, used, markers, clause.heads)):
                continue
            reach = max((abs(t.i - clause.verb.i) for t in used), default=0)
            key = (weight, -reach)
            if key > best_key:
                best = Match(pattern.code, pattern.reverse, pattern, form, used,
                             markers.get("$"), markers.get("+"), clause)
                best_key = key
    if best is not None:
        return best
    form = next((f for f in candidates if f.has_code), None)
    if form is not None:
        return Match(form.code, form.reverse, None, form, clause=clause)
    form = next((f for f in candidates if f.block.code or f.block.reverse), candidates[0])
    return Match(form.block.code, form.block.reverse, None, form, clause=clause)


def _possible(pattern: Pattern, present: frozenset[str]) -> bool:
    """Whether the clause has a first word of every term of ``pattern`` (a quick test
    that rules out most patterns before they are matched in order)."""
    return all(not term.first.isdisjoint(present) for term in pattern.terms)


def _form_fits(form: VerbForm, clause: Clause) -> bool:
    verb = clause.verb
    doc = verb.doc
    for k, word in enumerate(form.after):
        at = verb.i + 1 + k
        if at >= len(doc) or not word_matches(word, doc[at]):
            return False
    for k, word in enumerate(reversed(form.before)):
        at = verb.i - 1 - k
        if at < 0 or not word_matches(word, doc[at]):
            return False
    return True
