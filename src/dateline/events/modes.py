"""The mode of a coded event: did it happen, or is it denied, possible, planned, claimed?

Read from the dependency parse around the event's verb and the verbs that govern it
(an ``xcomp``/``ccomp`` chain such as "plans to meet", "said it would appeal"):

- ``negated``: the verb or a governing verb is negated ("did not meet", "never signed",
  "refused to sign" when "refuse" itself codes nothing), or a speaker denies it
  ("denied that its troops had attacked");
- ``hypothetical``: a modal of possibility ("may appeal", "could prove", "should"), a
  condition ("if they meet"), or a governing verb of wanting or trying ("wants to
  meet", "seeks to");
- ``future``: "will"/"shall", "is going to", "is about to", or a governing verb of
  planning ("plans to", "is scheduled to"); "would" reporting a past statement ("said
  it would meet") is the future of what was said;
- ``reported``: the event is stated in the complement of a speech verb ("said",
  "claimed", "told reporters") whose speaker is not the event's own source: "X said Y
  attacked Z" is Y's attack as X reports it. An actor announcing its own act ("Arnor
  said it had signed") stays ``occurred``;
- ``occurred`` otherwise.

The first that applies in that order wins, so "will not meet" is negated and "said it
may appeal" hypothetical.
"""

from __future__ import annotations

from dateline.events.syntax import shares_aux

NEGATIONS = frozenset({"not", "n't", "never", "no"})
POSSIBILITY = frozenset({"may", "might", "could", "would", "should", "can", "must", "ca"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONS = frozenset({"if", "unless", "whether"})
#: Governing verbs after which an event is wished or attempted, not done.
WANTING = frozenset({
    "want", "wish", "seek", "try", "attempt", "hope", "consider", "propose", "aim", "need",
    "intend", "mull", "weigh", "contemplate", "offer", "ask", "urge", "call", "demand",
    "threaten", "push", "press", "lobby", "plead", "warn",
    # adjectives of likelihood: "is likely to retaliate" has not happened
    "likely", "unlikely", "possible", "probable",
})
#: Governing verbs after which an event is planned.
PLANNING = frozenset({"plan", "schedule", "prepare", "expect", "set", "due", "vow", "pledge",
                      "promise", "agree", "decide", "resolve", "go", "poise", "poised"})
#: Governing verbs that deny the event they govern.
DENYING = frozenset({"refuse", "fail", "decline", "reject", "deny", "avoid", "stop", "cease"})
#: Verbs of saying, claiming and reporting.
SPEECH = frozenset({
    "say", "tell", "claim", "allege", "report", "state", "announce", "declare", "add",
    "insist", "assert", "contend", "maintain", "note", "confirm", "write", "acknowledge",
    "accuse", "charge", "argue", "suggest", "reveal", "disclose", "indicate", "explain",
})
#: Subject pronouns by which a speaker speaks of itself ("Arnor said it had signed").
PERSONAL_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _aux_words(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "advmod"}}


#: Nouns of "at no time", "in no way", "by no means", "at no point": negations too.
NO_NOUNS = frozenset({"time", "point", "way", "means", "stage"})


def _is_negated(verb) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never"} or _no_phrase(c) or
               _negated_adverb(c) for c in verb.children)


#: "Not only attacked ... but also": a "not" on these adverbs denies nothing.
NOT_ONLY = frozenset({"only", "just", "merely", "simply", "solely"})


#: Nouns that deny the act their clause names: "Eriador's refusal to talk to Gondor".
DENYING_NOUNS = frozenset({"refusal", "failure", "reluctance", "unwillingness"})


def _refused_by_noun(verb) -> bool:
    """The verb completes a noun of refusal or failure ("its refusal to meet")."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in DENYING_NOUNS


def _negated_adverb(child) -> bool:
    """"Did not even meet", "not ever": the parser may hang the "not" on the adverb."""
    return child.dep_ == "advmod" and child.lower_ not in NOT_ONLY and \
        any(g.dep_ == "neg" for g in child.children)


#: Subjects that are no one: "nobody attacked", "neither side fired".
NO_ONE = frozenset({"nobody", "none", "neither", "no-one", "noone"})


def _no_one(verb) -> bool:
    """The verb's own subject denies that anyone acted: "No country has recognised",
    "Neither side fired", "Not Arnor nor Gondor attacked" (but "not only Arnor but
    also Gondor" affirms)."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.lower_ in NO_ONE:
            return True
        for child in subject.children:
            if child.dep_ == "det" and child.lower_ == "no":
                return True
            if child.dep_ in {"neg", "preconj"} and child.lower_ in {"not", "neither"} and \
                    not any(g.lower_ == "only" for g in child.children) and \
                    child.nbor(1).lower_ != "only":
                return True
    return False


def _no_phrase(child) -> bool:
    """"At no time", "in no way": a phrase on the verb whose noun is denied by "no"."""
    if child.dep_ != "prep":
        return False
    return any(o.dep_ == "pobj" and o.lemma_.lower() in NO_NOUNS and
               any(d.lower_ == "no" for d in o.children) for o in child.children)


def _is_conditional(verb) -> bool:
    """Under "if"/"unless"/"whether", including "If X attacks, Y will ..." where the
    parser hangs the "if" on the main verb rather than on the clause it opens."""
    token = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
            return True
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS and c.i < token.i < token.head.i
            for c in token.head.children
        ):
            return True
        if token.dep_ not in {"conj", "xcomp", "ccomp"}:
            break
        token = token.head
    return False


def mode_of(verb, source_head=None) -> str:
    """The mode of the event whose verb is ``verb`` (see the module docs).

    ``source_head`` is the head token of the event's source, to tell a report by a third
    party from an actor announcing its own act.
    """
    chain = [verb] + _control_chain(verb)
    if any(_is_negated(v) for v in chain) or _no_one(verb) or any(
        v.lemma_ in DENYING for v in chain[1:]
    ) or _denied(chain[-1]) or _refused_by_noun(verb):
        return "negated"
    words = set().union(*(_aux_words(v) for v in chain))
    if "would" in words and _after_past_speech(chain[-1]):
        words = (words - {"would"}) | {"will"}  # "said it would meet": "will" reported
    if words & POSSIBILITY or _is_conditional(verb) or any(
        v.lemma_ in WANTING for v in chain[1:]
    ) or _supposed(chain[-1]) or _feared(chain[-1]) or _aimed(chain[-1]):
        return "hypothetical"
    if words & FUTURE_AUX or _going_to(chain) or any(v.lemma_ in PLANNING for v in chain[1:]):
        return "future"
    ahead = _time_clause_ahead(chain[-1])
    if ahead is not None:
        return ahead  # "will keep the base after the troops leave": not yet
    if _reported(verb, source_head):
        return "reported"
    return "occurred"


#: Conjunctions of a clause of time: the clause happens when its main clause does.
TIME_MARKS = frozenset({"after", "before", "once", "until", "when", "while", "as"})


def _time_clause_ahead(verb) -> str | None:
    """The mode of the main clause when ``verb`` heads a clause of time under a main
    clause that lies ahead or may not happen ("will keep its base after the troops
    leave"); None otherwise."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i or not any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children):
        return None
    main = mode_of(verb.head)
    return main if main in {"future", "hypothetical"} else None


def _aimed(verb) -> bool:
    """``verb`` is an infinitive that says what a thing is for or aims at: "an
    agreement for troops to leave", "a plan to attack", "an attempt to force"."""
    return verb.dep_ in {"acl", "relcl", "advcl"} and verb.head.pos_ == "NOUN" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: Nouns whose clause states what is supposed, not what happened: "the idea that Arnor
#: trains rebels", "the notion that he took part".
SUPPOSITION_NOUNS = frozenset({
    "idea", "notion", "theory", "rumour", "rumor", "suggestion", "speculation",
    "possibility", "prospect", "allegation", "claim", "assertion", "suspicion", "fear",
    "hypothesis", "conspiracy",
})


#: Verbs whose complement is feared, hoped or wondered about, not stated as fact:
#: "they worry China is taking back the freedoms".
FEARING = frozenset({"worry", "fear", "hope", "doubt", "wonder", "imagine", "speculate",
                     "suppose", "suspect"})


def _feared(verb) -> bool:
    """``verb`` states what someone fears, hopes or wonders ("worry [China is ...]")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in FEARING


def _supposed(verb) -> bool:
    """``verb`` heads the clause of a noun of supposition ("the idea that ...")."""
    return verb.dep_ in {"acl", "ccomp", "relcl"} and verb.head.pos_ == "NOUN" and \
        verb.head.lemma_.lower() in SUPPOSITION_NOUNS and \
        any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _control_chain(verb) -> list:
    """Governing verbs through ``xcomp``-like links ("plans [to meet]", "is about [to]")."""
    out = []
    token = verb
    while (token.dep_ in {"xcomp", "pcomp", "acomp", "prep", "aux"} or shares_aux(token)) \
            and token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX", "ADJ"}:
            out.append(token)
    return out


def _going_to(chain: list) -> bool:
    return any(v.lemma_ == "go" and v.tag_ == "VBG" for v in chain[1:]) or any(
        c.lower_ == "about" for v in chain[1:] for c in v.children
    ) or any(v.lower_ == "about" for v in chain)


def _denied(verb) -> bool:
    """``verb`` is what a speaker denies: "denied that its troops had attacked"."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in {"deny", "refute"}


def _after_past_speech(verb) -> bool:
    """``verb`` is the complement of a speech verb in the past ("said [it would act]"),
    where "would" is the future of what was said, not a condition."""
    token = verb
    while token.dep_ in {"ccomp", "conj"} and token.head.i != token.i:
        token = token.head
        if token.lemma_ in SPEECH or token.lemma_ in {"warn", "vow", "pledge", "promise"}:
            return token.tag_ in {"VBD", "VBN"}
    return False


def _reported(verb, source_head) -> bool:
    """Whether ``verb`` sits in the complement of a speech verb of another speaker."""
    token = verb
    while token.head.i != token.i and token.dep_ in {"ccomp", "conj", "xcomp", "advcl",
                                                       "parataxis"}:
        dep = token.dep_
        token = token.head
        if dep in {"ccomp", "parataxis"} and token.lemma_ in SPEECH:
            return not _same_party(_subject(token), source_head)
    # "[Y attacked Z], X said": the speech verb appended to the clause it reports
    appended = next((c for c in verb.children if c.dep_ == "parataxis" and c.lemma_ in SPEECH),
                    None)
    return appended is not None and not _same_party(_subject(appended), source_head)


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _same_party(speaker, source_head) -> bool:
    """The speaker is the source itself, or a pronoun standing for it."""
    if speaker is None or source_head is None:
        return speaker is None
    if speaker.lower_ in PERSONAL_PRONOUNS or source_head.lower_ in PERSONAL_PRONOUNS:
        return True  # "Arnor said it had signed": the speaker speaks of itself
    if any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our"}
           for c in source_head.children):
        return True  # "Arnor said its troops had withdrawn": its own
    return speaker.lemma_.lower() == source_head.lemma_.lower()
