"""Verbs that govern other verbs: which of them states the event.

A sentence often has several coded verbs for one act: "vowed to wage war", "agreed to
provide aid", "gathered outside parliament to protest", "is expected to attack", "said
Gondor attacked Rohan". :func:`settle` decides which verbs give way:

- a complement is part of its governor's event ("vowed to wage war"), and an appeal,
  demand or threat takes the specific code of the act it governs ("urged Gondor to
  release the prisoners": 0253; :func:`dateline.events.intent.governed_code`);
- a commitment is coded by what is committed to ("agreed to provide aid": intent to
  provide aid; "plans to impose restrictions": a threat);
- a passive frame gives way to what it frames ("is expected to attack"), a gathering
  or journey to its purpose ("gathered to protest"), a speech verb to the event it
  reports;
- "X said Y must do Z" becomes X's demand of Z (:func:`_demands`).
"""

from __future__ import annotations

from dataclasses import replace

from dateline.events import implied, intent, syntax
from dateline.events.modes import PERSONAL_PRONOUNS, SPEECH
from dateline.events.patterns import Match


def settle(matches: dict, intent_codes: bool) -> set:
    """The verbs of ``matches`` whose event is part of another's, or gives way to it.

    ``matches`` (verb -> :class:`Match`) is updated in place where a governing verb
    takes the code of what it governs (demands; with ``intent_codes`` appeals and
    threats).
    """
    _questions(matches)
    _denied_acceptance(matches)
    _detentions(matches)
    _wishes(matches)
    _pressing(matches)
    if not intent_codes:
        return _suppressed(matches, False)
    demanded = _demands(matches)
    _demand_verbs(matches)
    return _suppressed(matches, True) | demanded


#: Verbs that say "demand" outright; the CAMEO dictionary's block of "demand" also
#: holds "press", "push", "campaign", whose appeal codes (02x) stay.
DEMAND_VERBS = frozenset({"demand"})


def _demand_verbs(matches: dict) -> None:
    """"Demanded talks" is a demand (106), though a pattern gives the appeal (026)."""
    for verb, match in list(matches.items()):
        if verb.lemma_ in DEMAND_VERBS and (match.code or "")[:2] == "02":
            matches[verb] = replace(match, code=intent.as_demand(match.code))


#: Verbs that request something or ask a question.
ASKING = frozenset({"ask"})


def _questions(matches: dict) -> None:
    """"Asked X about Y", "I asked, on whose authority?" put a question, which is no
    appeal (020): asking is a request only with what is asked for ("asked X to help",
    "asked for aid", "asked X for support") or a pattern that names it."""
    for verb, match in list(matches.items()):
        if verb.lemma_ not in ASKING or match.pattern is not None:
            continue
        asked = any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "for")
                    for c in verb.children)
        if not asked and not match.form.after:
            matches[verb] = replace(match, code=None, reverse=None)


#: Verbs whose denial rejects what they take: "will not accept the claims", "did not
#: accept the offer", "refuses to tolerate" (12x, "Reject").
ACCEPTING = frozenset({"accept", "tolerate"})


def denies_acceptance(verb) -> bool:
    """``verb`` (of :data:`ACCEPTING`) is denied by a "not" or "never" of its own."""
    return verb.lemma_.lower() in ACCEPTING and any(
        c.dep_ == "neg" for c in verb.children)


def _denied_acceptance(matches: dict) -> None:
    """"Will not accept attempts to assert claims" rejects them: a refusal (120) where
    accepting the object codes nothing (a pattern's code is refused by the intent
    rules: "will not accept refugees", 1223)."""
    for verb, match in list(matches.items()):
        if denies_acceptance(verb) and not codes(match):
            matches[verb] = replace(match, code="120", reverse=None)


def _detentions(matches: dict) -> None:
    """"He was held there", "prisoners held without charge": a detention (173) where
    the verb codes nothing else (the coder keeps it only when a person undergoes it;
    :func:`dateline.events.implied.detention_frame`)."""
    for verb, match in list(matches.items()):
        if not codes(match) and implied.detention_frame(verb):
            matches[verb] = replace(match, code="173", reverse=None)


#: Verbs of wanting: of another's act a demand, of a thing no act.
WISHING = frozenset({"want", "need"})


#: Verbs of pressing another to act: "pressured Gondor to leave" demands what it
#: presses for (10x), as "urged" appeals for it (02x).
PRESSING = frozenset({"pressure", "pressurise", "pressurize"})


def _pressing(matches: dict) -> None:
    """"Arnor pressured Gondor to leave the base": a demand that Gondor leave (the
    demand code of the act, 100 when it codes nothing), not coercion (170)."""
    for verb, match in list(matches.items()):
        if verb.lemma_.lower() not in PRESSING or match.pattern is not None:
            continue
        act = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}
                    and syntax.is_infinitive(c)), None)
        if act is not None:
            inner = matches.get(act)
            matches[verb] = replace(match, code=intent.demand_code(
                main_code(inner) if inner else None), reverse=None)


def _wishes(matches: dict) -> None:
    """"Arnor wants Gondor to lift the tariffs" demands the act of Gondor (10x, as
    "said Gondor must"); "Arnor wants the option", "needs more security" state a wish,
    no act. Wanting to act oneself ("wants to attack") is left to the intent rules.
    """
    for verb, match in list(matches.items()):
        if verb.lemma_ not in WISHING:
            continue
        own = [c for c in verb.children if c.dep_ == "xcomp"]
        other = [c for c in verb.children if c.dep_ == "ccomp" and
                 any(g.dep_ == "nsubj" for g in c.children) and syntax.is_infinitive(c)]
        if other:
            act = matches.get(other[0])
            doer = next(g for g in other[0].children if g.dep_ == "nsubj")
            matches[verb] = replace(match, code=intent.demand_code(
                main_code(act) if act else None), reverse=None, pattern=None,
                target_at=doer)
        elif not own or verb.lemma_ == "need":
            matches[verb] = replace(match, code=None, reverse=None)


def codes(match: Match) -> bool:
    """Whether a match codes an event in either direction."""
    return match.code is not None or match.reverse is not None


def _suppressed(matches: dict, intent_codes: bool) -> set:
    """Verbs whose event is part of another verb's event, or gives way to it.

    A complement is part of its governor's event ("vowed to wage war"), except that a
    commitment is coded by what is committed to ("agreed to provide aid" is an intent
    to provide aid, "plans to impose restrictions" a threat, with ``intent_codes``), a
    passive frame by what it frames ("is expected to attack") and a gathering or
    journey by its purpose ("gathered to protest"); a speech verb gives way to the
    event it reports.
    """
    # in the order of ``matches`` (shallowest verb first), not a set: a set of tokens
    # iterates in an order that changes from run to run (a token hashes with its Doc's
    # id), and which governed act refines a code first must not
    coded = [v for v, m in matches.items() if codes(m)]
    out: set = set()
    for verb in coded:
        used = set(matches[verb].used)
        for other in coded:
            if other == verb or not (other in used or syntax.controlled_by(other, verb)):
                continue
            if syntax.claimed_act(other) and other.head.head.head == verb:
                continue  # "claimed responsibility for shooting down": both happened
            if verb.lemma_ in SPEECH and _reported(other, verb):
                # "the paper says he was arrested": a pattern of the speech verb that
                # names the reported act ("* ARREST") leaves the act to its own verb,
                # which knows who did it to whom
                out.add(verb)
            elif intent_codes and verb.lemma_ in intent.GOVERNORS and \
                    intent.restated(main_code(matches[other]) or ""):
                out.add(verb)  # "plans to impose restrictions": a threat, 132
            elif _raising(verb, other) or _purpose_wins(verb, other, matches) or \
                    _time_frame(verb, other):
                out.add(verb)
            else:
                out.add(other)
                if intent_codes:
                    _refine(matches, verb, other)
    for verb in [v for v in coded if v not in out]:
        if (verb.lemma_ in SPEECH or (matches[verb].code or "").startswith("01")) and \
                (matches[verb].code or "")[:2] != "10":
            if any(o != verb and o not in out and syntax.in_complement(o, verb)
                   for o in coded):
                out.add(verb)
    return out


def _refine(matches: dict, verb, other) -> None:
    """Give an appeal, demand or threat the code of the act it governs (``intent``)."""
    code = intent.governed_code(matches[verb].code, main_code(matches[other]))
    if code is not None:
        matches[verb] = replace(matches[verb], code=code)


#: Verbs of the means an act is done with: "used force to crush the protests", "employed
#: tear gas to disperse the crowd" state the act they serve, not an act of their own.
MEANS_VERBS = frozenset({"use", "employ"})


def _purpose_wins(verb, other, matches: dict) -> bool:
    """A purpose says what a gathering or journey was for.

    "Gathered outside parliament to protest" is a protest, "flew to Kyiv to sign a
    deal" a signing, and an act done to protest is a protest ("shunned work to
    protest"), unless it is violence; the means serves its end ("used force to crush
    the protests"). "Met officials to discuss" stays a meeting (the
    purpose is of the same kind), "invited Gondor to sign" an invitation (the object,
    not the subject, is to act).
    """
    if not syntax.is_infinitive(other):
        return False
    own, purpose = main_code(matches[verb]) or "", main_code(matches[other]) or ""
    if verb.lemma_ in MEANS_VERBS and other.dep_ in {"xcomp", "advcl"} and \
            purpose[:2] not in {"", "01"}:
        return True  # "used force to crush the protests": the means serves the act
    if other.dep_ == "xcomp":
        # "threatened to strike" states what is threatened: only a journey or gathering
        # ("visited Ghana to sign") takes a purpose as its complement
        if own[:2] != "04" or verb.lemma_ in syntax.OBJECT_CONTROL:
            return False
    elif other.dep_ != "advcl":
        return False
    if purpose[:2] == "14" and own[:2] not in {"14", "18", "19", "20"}:
        return True
    return own[:2] == "04" and purpose[:2] not in {"", "01", "04"}


#: Nouns of a stretch of time, which a verb such as "take" or "spend" measures.
DURATION_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year",
                            "decade", "time", "while"})


#: Verbs that measure the time an act took.
TIME_TAKING = frozenset({"take", "spend"})


def _time_frame(verb, other) -> bool:
    """``verb`` only says how long ``other`` took: "the jury took ten minutes to find
    him guilty", "spent years trying to" (no seizure, no act of its own)."""
    if verb.lemma_.lower() not in TIME_TAKING or other.dep_ not in {"xcomp", "advcl"} or \
            other.head != verb:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in DURATION_NOUNS or
                                 o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _reported(act, speech) -> bool:
    """``act`` lies in the clause that ``speech`` reports ("says [he was arrested]"),
    not in its infinitive complement ("called on Gondor [to help]")."""
    if not syntax.in_complement(act, speech):
        return False
    token = act
    while token.head != speech:
        token = token.head
    return token.dep_ in {"ccomp", "parataxis"}


def _raising(verb, other) -> bool:
    """``verb`` is a passive without a doer that only frames ``other``: "Arnor is
    expected to attack", "was said to have signed" state the attack, the signing."""
    return syntax.is_passive(verb) and syntax.agent_of(verb) is None and \
        other.dep_ == "xcomp" and other.head == verb


def _demands(matches: dict) -> set:
    """Turn "X said Y must do Z" into X demanding Z of Y; returns the verbs of Z.

    The speech verb takes the demand code of the act (10x, 100 when the act codes
    nothing); the act itself is no event. Only for another actor: "X said it must
    act" is X's own business.
    """
    done: set = set()
    for speech in [v for v in matches if v.lemma_ in SPEECH]:
        for act in _said(speech):
            if not intent.is_obligation(act):
                continue
            speaker, doer = syntax.subject_of(speech)[0], syntax.subject_of(act)[0]
            # a pronoun subject: "X said it must act" is no demand of another
            if doer is None or (speaker is not None and (
                    doer.lower_ in PERSONAL_PRONOUNS or doer.lemma_ == speaker.lemma_)):
                continue
            inner = matches.get(act)
            code = intent.demand_code(main_code(inner) if inner else None)
            # the one who must act is the target, wherever the parse puts it
            matches[speech] = replace(matches[speech], code=code, reverse=None, pattern=None,
                                      target_at=doer)
            if inner is not None:
                done.add(act)
    return done


def _said(speech) -> list:
    """What a speech verb says: its complement ("said [Y must go]") or the clause it
    is appended to ("[Y must go], X said")."""
    said = [c for c in speech.children if c.dep_ == "ccomp"]
    if speech.dep_ == "parataxis" and speech.head.i != speech.i:
        said.append(speech.head)
    return said


#: Verbs of thinking and judging: with a clause or a predicate for object they state
#: what someone thinks ("considers the US biased", "decided that the deal requires
#: more", "recognised that mistakes were made"), which is no act. With a plain object
#: their patterns still apply ("recognised Kosovo", "considered the proposal").
OPINION_VERBS = frozenset({
    "consider", "recognize", "recognise", "decide", "describe", "ensure", "believe",
    "conclude", "view", "regard", "deem", "think", "find", "feel", "realize", "realise",
    "judge", "acknowledge", "determine", "argue",
})


#: Predicates by which a court or jury "finds" someone: a verdict (116, "Find guilty or
#: liable (legally)"), not an opinion.
VERDICTS = frozenset({"guilty", "liable", "culpable"})


def states_opinion(verb) -> bool:
    """``verb`` (of :data:`OPINION_VERBS`) states a thought: it governs a that-clause
    or a predicate of its object ("considers [the US biased]"). A verdict ("found him
    guilty") is an act."""
    if verb.lemma_.lower() not in OPINION_VERBS:
        return False
    if verb.lemma_.lower() == "find" and any(
            t.lower_ in VERDICTS and t.dep_ in {"xcomp", "oprd", "acomp", "ccomp"}
            for c in verb.children for t in (c, *c.children)):
        return False
    for child in verb.children:
        if child.dep_ == "ccomp" or child.dep_ == "oprd":
            return True
        if child.dep_ == "xcomp" and (child.pos_ in {"ADJ", "NOUN"} or child.lemma_ == "be"):
            return True  # "finds the figures reasonable", "finds them to be reasonable"
    return False


#: Words by which a speaker condemns what it speaks of: "called the process a sham",
#: "said the call was inappropriate". CAMEO codes such characterisation as 111
#: ("Criticize or denounce").
PEJORATIVE = frozenset({
    "sham", "farce", "charade", "hoax", "travesty", "disgrace", "witch-hunt", "scandal",
    "inappropriate", "improper", "unacceptable", "illegal", "illegitimate", "irregular",
    "unlawful", "unconstitutional", "absurd", "outrageous", "shameful", "disgraceful",
    "irresponsible", "reckless", "misleading", "deceptive", "baseless", "groundless",
    "ridiculous", "adverse", "appalling", "deplorable", "reprehensible", "unjust",
    # people and claims called criminal or false ("they are criminals", "it was lies")
    "criminal", "corrupt", "dishonest", "fraudulent", "bogus", "lie", "nonsense",
    "hypocritical", "unfair",
})
#: Verbs that characterise their object ("called X a sham", "described X as improper").
CHARACTERISING = frozenset({"call", "describe", "dub", "brand", "label", "term"})
#: Verbs of saying or thinking whose clause may hold the characterisation.
JUDGING = frozenset({"say", "tell", "think", "believe", "find", "consider", "add"})


def _pejorative(token) -> bool:
    words = [token] + [c for c in token.children if c.dep_ in {"amod", "advmod", "conj"}]
    return any(w.lemma_.lower() in PEJORATIVE or w.lower_ in PEJORATIVE for w in words)


def judges(verb) -> bool:
    """Whether ``verb`` condemns what it speaks of in words of :data:`PEJORATIVE`:
    "called the process a sham", "described the call as improper", "said the call was
    inappropriate", "I think it is unacceptable"."""
    lemma = verb.lemma_.lower()
    if lemma in CHARACTERISING:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        # "described the call as improper": the parser may hang "as" on the object
        for child in list(verb.children) + [c for o in objects for c in o.children]:
            if child.dep_ in {"oprd", "xcomp", "ccomp"} and _pejorative(child):
                return True
            if child.dep_ == "prep" and child.lower_ == "as" and any(
                    _pejorative(o) for o in child.children if o.dep_ in {"pobj", "amod"}):
                return True
        return False
    if lemma not in JUDGING:
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if clause.lemma_ != "be" or any(c.dep_ == "neg" for c in clause.children):
            continue
        if any(c.dep_ in {"acomp", "attr"} and _pejorative(c) for c in clause.children):
            return True
    return False


def main_code(match: Match) -> str | None:
    """The code a match gives in either direction."""
    return match.code or match.reverse
