"""Reading a spaCy dependency parse for the coder: verbs, clauses, subjects, objects.

Every helper takes spaCy tokens and compares them by position (``token.i``): spaCy
makes a new ``Token`` object on each access, so identity (``is``) never holds.
"""

from __future__ import annotations

from dateline.events.patterns import Clause

#: Children whose subtrees are other clauses, not part of the verb's own clause.
OTHER_CLAUSE = frozenset({"conj", "cc", "advcl", "parataxis", "punct", "mark", "dep",
                          "preconj", "meta"})
#: Verbs whose object is the subject of their complement ("urged Bree to help").
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "persuade", "order", "force", "allow", "tell", "encourage",
    "invite", "press", "pressure", "compel", "permit", "help", "enable", "require",
})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Labels by which a word belongs to the noun phrase of its head.
NP_INNER = frozenset({"compound", "amod", "flat", "nmod", "nummod", "det", "case",
                      "quantmod", "poss"})
#: Prepositions of place: their object is where the event happens.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout",
                            "around", "within"})


def is_verb(token) -> bool:
    """A main verb (spaCy's VERB, or a VB* tag the tagger did not call an auxiliary)."""
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def verb_keys(token) -> list[str]:
    """Dictionary keys for a verb: its lemma, else its text less a regular ending.

    The lemmatizer misses rare verbs ("cordoned" -> "cordone"), so the text is also
    stripped of -ed/-ing/-s (with a doubled consonant or y/ie restored).
    """
    keys = [token.lemma_.lower()]
    text = token.lower_
    for ending in ("ied", "ies"):
        if text.endswith(ending):
            keys.append(text[: -len(ending)] + "y")
    for ending in ("ing", "ed", "es", "s"):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            stem = text[: -len(ending)]
            keys.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "tapped" -> "tap"
            keys.append(stem + "e")  # "issued" -> "issue"
    return list(dict.fromkeys(k for k in keys if k))


def depth(token) -> int:
    """Steps from ``token`` up to its sentence root."""
    steps = 0
    while token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def noun_head(token):
    """The head of the noun phrase ``token`` is part of ("Biden" in "Biden's team")."""
    while token.dep_ in NP_INNER and token.head.i != token.i:
        token = token.head
    return token


def np_tokens(head) -> list:
    """The noun phrase of ``head`` without its relative and participial clauses."""
    out = []
    for token in head.subtree:
        inside_clause = any(a.dep_ in {"relcl", "acl"} and a.i != head.i
                            for a in token.ancestors if head.is_ancestor(a))
        if not inside_clause and not (token.dep_ in {"relcl", "acl"} and token.i != head.i):
            out.append(token)
    return out


def clause_of(verb) -> Clause:
    """The words a verb's patterns see: its subject's words before it, its clause after.

    Phrases of time ("on Friday", "last week") are left out: "telephoned X on Tuesday"
    must not match a pattern ``* (ON ...)``.
    """
    kept, own = [verb], []
    subject = subject_of(verb)[0]
    for child in verb.children:
        if child.dep_ in OTHER_CLAUSE or _temporal(child) or _attribution(child):
            continue
        words = [t for t in child.subtree if not _temporal(t)]
        (own if _own_clause(child, subject) else kept).extend(words)
    pre = [t for t in kept if t.i < verb.i]
    if subject is not None:
        pre = sorted(set(pre) | set(np_tokens(subject)), key=lambda t: t.i)
    post = sorted((t for t in kept if t.i > verb.i and not _in_modifier_clause(t, verb)),
                  key=lambda t: t.i)
    around = sorted((t for t in kept + own if t.i > verb.i), key=lambda t: t.i)
    if subject is not None and is_passive(verb):
        return _active_order(verb, subject, pre, post, around)
    return Clause(verb, pre, post, _vp_heads(verb), around)


def _active_order(verb, subject, pre: list, post: list, around: list) -> Clause:
    """A passive clause in the order of its active form, for matching patterns.

    "The treaty was signed by Arnor" is matched as "Arnor signed the treaty": the
    ``by`` phrase stands before the verb, the subject after it, so that ``* TREATY``
    applies to both voices.
    """
    patient = set(np_tokens(subject))
    agent = agent_of(verb)
    doer = [t for t in agent.head.subtree] if agent is not None else []
    doer_set = set(doer)
    before = [t for t in doer if t.i != agent.head.i] if agent is not None else []
    before += [t for t in pre if t not in patient]
    after = sorted(patient, key=lambda t: t.i) + [t for t in post if t not in doer_set]
    heads = _vp_heads(verb) | {subject.i}
    return Clause(verb, before, after, heads, around)


def _in_modifier_clause(token, verb) -> bool:
    """``token`` lies in a clause that modifies a noun below ``verb`` ("inspectors
    [probing sites for weapons]"): its words describe the noun, not the verb's act."""
    if token.dep_ in {"acl", "relcl"}:
        return True
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.dep_ in {"acl", "relcl"}:
            return True
    return False


def _own_clause(child, subject) -> bool:
    """A complement clause with a subject of its own: "said [Gondor attacked Rohan]".

    Its words belong to its own verb; "says [it] is willing to withdraw", where the
    subject is a pronoun for the speaker, stays part of the saying.
    """
    if child.dep_ != "ccomp":
        return False
    if child.pos_ == "ADJ":
        return False  # "found [him guilty]": a predicate of the verb's object, no clause
    own = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if own is None or own.pos_ == "PRON":
        return False
    return subject is None or own.lemma_ != subject.lemma_


def _attribution(token) -> bool:
    """"according to officials": who says so, not who takes part."""
    return token.lower_ == "according" and token.dep_ in {"prep", "advcl"}


def _temporal(token) -> bool:
    """A time phrase: a DATE/TIME word, or a preposition whose object is one."""
    if token.ent_type_ in {"DATE", "TIME"} and token.pos_ != "VERB":
        return True
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)
    return False


#: Dependents of a verb whose own prepositions belong to the verb phrase.
VP_DEPENDENTS = frozenset({"dobj", "dative", "attr", "oprd", "xcomp", "acomp", "prt"})


def _vp_heads(verb) -> frozenset[int]:
    """The verb, its objects and complements, and the objects of its prepositions."""
    heads = {verb.i}
    for child in verb.children:
        if child.dep_ in VP_DEPENDENTS:
            heads.add(child.i)
            if child.dep_ == "xcomp":
                heads.update(c.i for c in child.children if c.dep_ in VP_DEPENDENTS)
        elif child.dep_ in {"prep", "agent"}:
            heads.update(c.i for c in child.children if c.dep_ == "pobj")
    return frozenset(heads)


def is_passive(verb) -> bool:
    """A passive verb: its auxiliary or subject says so, or a ``by`` agent does (a bare
    participle: "Israel, shielded by the United States, ..." is shielded, not shielding)."""
    return any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children)


def is_infinitive(verb) -> bool:
    """A ``to`` infinitive ("demonstrate to demand justice")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def shares_aux(verb) -> bool:
    """A bare verb coordinated with another shares its auxiliary: in "will meet Gondor
    and sign a treaty", "sign" is as future as "meet"."""
    return verb.dep_ == "conj" and verb.tag_ == "VB"


def subject_of(verb) -> tuple[object | None, bool]:
    """The subject of ``verb`` and whether the verb is passive.

    A verb without a subject of its own inherits one: a relative clause from the noun
    it modifies, a participle from its noun ("a judge blocking"), a complement from its
    governor ("Arnor is about to restore") or, after "urge"/"ask", from the governor's
    object ("urged Bree to help"), a coordinated verb from the first.
    """
    passive = is_passive(verb)
    # the parser sometimes hangs the subject on the auxiliary ("X was [criticized]")
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    candidates = list(verb.children) + [c for a in auxiliaries for c in a.children]
    for child in candidates:
        if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, passive
            return child, passive
    if verb.dep_ == "relcl":
        return verb.head, passive
    if verb.dep_ == "acl":
        # "a judge blocking the policy": the noun acts; "ground seized": it undergoes
        return acl_noun(verb), _participle(verb)
    if verb.dep_ not in {"xcomp", "pcomp", "acomp", "conj", "advcl", "prep"}:
        return None, passive
    if verb.dep_ == "advcl" and verb.tag_ not in {"VBG", "VBN"} and not is_infinitive(verb):
        return None, passive  # "after crowds trashed ...": a clause with its own subject
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
            c.dep_ in {"aux", "auxpass"} for c in verb.children):
        passive = True  # "Forced to choose, Arnor ...": Arnor undergoes the forcing
    governor = verb.head
    while governor.dep_ in {"prep", "acomp", "pcomp"} and not is_verb(governor) and \
            governor.head.i != governor.i:
        governor = governor.head
    if claimed_act(verb):
        governor = governor.head  # "claimed responsibility for shooting": the claimer's
    if governor == verb.head and verb.dep_ == "xcomp" and governor.lemma_ in OBJECT_CONTROL:
        obj = next((c for c in governor.children if c.dep_ in {"dobj", "dative"}), None)
        if obj is not None:
            return obj, passive
    subject, governor_passive = subject_of(governor)
    if verb.dep_ == "conj" and governor_passive and _participle(verb) and not any(
            c.dep_ in {"aux", "auxpass"} for c in verb.children):
        passive = True  # "was convicted and sentenced": the auxiliary serves both
    return subject, passive


#: Nouns by which an actor owns an act: "claimed responsibility for shooting down the
#: helicopter", "took credit for the bombing".
OWNING_NOUNS = frozenset({"responsibility", "credit"})


def claimed_act(verb) -> bool:
    """``verb`` is the act in "claimed responsibility [for shooting ...]": a gerund
    after a preposition of a noun of :data:`OWNING_NOUNS` that is a verb's object."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    noun = prep.head
    return noun.lemma_.lower() in OWNING_NOUNS and noun.dep_ == "dobj" and is_verb(noun.head)


def _participle(verb) -> bool:
    """A participle, or a past form the tagger took for a past tense though it has no
    object of its own ("was caught by police and deported": "deported" as VBD)."""
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(
        c.dep_ in {"dobj", "dative"} for c in verb.children))


def acl_noun(verb):
    """The noun a participle modifies: its head, or the head's ``of`` object nearer to it.

    The parser often attaches the participle to the first noun of "the heels of a judge
    blocking the policy"; the noun next to the participle is the one that acts.
    """
    head = verb.head
    nearer = [t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ == "of"
              and t.head.head == head and t.i < verb.i]
    return nearer[-1] if nearer else head


def agent_of(verb):
    """The object of a passive verb's ``by`` phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_locative(head) -> bool:
    """``head`` is the object of a place preposition on a verb ("arrested in Moscow")."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and is_verb(prep.head)


#: Prepositions of where or to whom something goes, or where it comes from ("sent
#: troops to Mali", "fired shells at Bree", "a military aid package for Rohan").
DESTINATION_PREPS = frozenset({"to", "into", "from", "towards", "toward", "out", "at",
                               "against", "on", "for"})


def is_destination(head) -> bool:
    """``head`` is the object of a preposition of destination, recipient or origin."""
    prep = head.head
    if prep.lower_ == "of" and prep.head.lower_ == "out":
        prep = prep.head  # "out of Mali"
    return head.dep_ == "pobj" and prep.lower_ in DESTINATION_PREPS


def controlled_by(verb, governor) -> bool:
    """``verb`` completes ``governor``'s event ("vowed to wage war", "rallied to demand")."""
    if verb.dep_ == "advcl" and verb.head == governor and is_infinitive(verb):
        return True
    token = verb
    while token.dep_ in {"xcomp", "pcomp", "prep", "acomp"} and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPS:
            return False  # "returned home after being deported": an act of its own
        token = token.head
        if token == governor:
            return True
    return False


#: Prepositions of time or concession whose clause is an act of its own ("after being
#: deported", "despite being warned"), not part of the verb it hangs on.
ADJUNCT_PREPS = frozenset({"after", "before", "since", "despite", "following", "until",
                           "upon", "during", "besides"})


def in_complement(verb, speech) -> bool:
    """``verb`` is in the reported content of speech verb ``speech``."""
    token = verb
    while token.head.i != token.i:
        if token.head == speech:
            return token.dep_ in {"ccomp", "xcomp", "parataxis"}
        if token.dep_ not in {"ccomp", "conj", "xcomp", "advcl", "relcl", "acl", "pcomp",
                              "prep", "pobj"}:
            return False
        token = token.head
    return False
