"""Events named by a noun: "talks between Arnor and Gondor resumed", "resigned in protest".

A verb's patterns code most events a noun names ("held talks with", "condemned the
attack"). Three frames do not go through a verb's patterns, and are coded here from
the table of event nouns (``event_nouns.tsv``):

- the noun is the subject of a verb of occurrence ("talks resumed", "clashes broke
  out", "protests erupted", "a meeting took place", "talks were held", "there were
  clashes"): the occurrence verb gives the event its mode and date;
- the noun is the object of "in" on a verb ("walked out in protest"), or of a light
  verb that codes nothing itself ("had a phone call with"): the verb's subject does
  it.

Participants come from the noun's own words: its doer is a possessive, an adjective or
compound ("Arnorian strikes", "student protests"), or a ``by``/``of``/``from``
phrase; its other side a ``with``/``against``/``on``/``to``/``at`` phrase; actors
``between`` two sides act on each other. Prepositional phrases the parser hangs on the
occurrence verb ("talks resumed between ...") count too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dateline.events.actors import Actor, ActorDictionary, resolve
from dateline.events.dictionaries import shipped_text
from dateline.events.syntax import subject_of

#: Verbs (lemmas) whose subject, a noun of an event, happens: "talks resumed".
OCCURRENCE = frozenset({
    "resume", "begin", "start", "continue", "open", "end", "conclude", "erupt", "flare",
    "intensify", "escalate", "spread", "rage", "occur", "happen", "unfold", "enter",
    "break", "take", "hold", "kick", "get", "go", "convene", "reopen", "restart",
})
#: Particles or objects an occurrence verb needs: "broke out", "took place".
NEEDS = {"break": {"out"}, "take": {"place"}, "kick": {"off"}, "get": {"under", "underway"},
         "go": {"ahead", "on"}}
#: Verbs whose object, a noun of an event, is what their subject does: "had talks".
LIGHT_VERBS = frozenset({"have", "hold", "conduct", "make", "stage", "carry"})
DOER_PREPS = frozenset({"by", "of", "from"})
OTHER_PREPS = frozenset({"with", "against", "on", "to", "at"})


@dataclass(slots=True)
class NounEvent:
    """An event a noun names: its code, the verb that frames it, its sides."""

    code: str
    noun: object
    verb: object
    sources: list[Actor]
    targets: list[Actor]
    #: the verb states the event (a frame); False for a phrase that names the event
    #: with both its sides inside a clause about something else ("Trump's call with
    #: Zelensky was irregular"), whose verb only lends the event its mode and date
    frames: bool = True


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, str]:
    """The shipped table of event nouns (lower-case noun or two words -> CAMEO code)."""
    table = {}
    for line in shipped_text("event_nouns.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, _, code = line.partition("\t")
            table[noun.strip()] = code.strip()
    return table


def code_of(noun) -> str | None:
    """The code of an event noun ("air strikes" before "strikes"), else None."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    table = event_nouns()
    compound = next((c for c in noun.children if c.dep_ == "compound"), None)
    if compound is not None and f"{compound.lower_} {noun.lower_}" in table:
        return table[f"{compound.lower_} {noun.lower_}"]
    return table.get(noun.lower_)


def frame_of(noun, coded: dict | None = None):
    """The verb that states that the event of ``noun`` happens, or None.

    ``coded``: the codes of the verbs the verb patterns code; a light verb among them
    ("held talks") is left to its patterns, and so is a verb of protest done "in
    protest" ("walked off the job in protest" is a strike).
    """
    coded = coded or {}
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_ in LIGHT_VERBS:
        return None if verb in coded else verb  # "had a phone call with"
    if noun.dep_ == "pobj" and verb.lower_ == "in":
        # "resigned in protest" (the idiom, no article): the verb's act is the protest;
        # "killed in protests" is no protest by the killed
        idiom = noun.lower_ == "protest" and not any(c.dep_ == "det" for c in noun.children)
        doer = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
        return doer if idiom and (coded.get(doer) or "")[:2] != "14" else None
    if noun.dep_ == "attr" and verb.lemma_ == "be" and \
            any(c.dep_ == "expl" for c in verb.children):
        return verb  # "there were clashes"
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_ not in OCCURRENCE:
        return None
    if verb.lemma_ == "hold" and noun.dep_ != "nsubjpass":
        return None  # "talks hold" is no holding of talks; "talks were held" is
    needed = NEEDS.get(verb.lemma_)
    if needed is not None and not needed & {c.lower_ for c in verb.children}:
        return None
    return verb


def noun_events(sentence, actors: ActorDictionary, day: str | None,
                coded: dict | None = None) -> list[NounEvent]:
    """The events the nouns of ``sentence`` name in one of the frames (module docs)."""
    out = []
    for noun in sentence:
        code = code_of(noun)
        if code is None:
            continue
        verb = frame_of(noun, coded)
        if verb is not None:
            out.append(_sides(code, noun, verb, actors, day))
            continue
        named = _named_with_sides(code, noun, actors, day)
        if named is not None:
            out.append(named)
    return out


#: Codes of nouns whose event both sides do: a meeting, a call, talks.
MUTUAL_CODES = frozenset({"040", "041", "046"})
#: Prepositions that name the other side inside an event's own phrase: "a call with",
#: "talks between", "a visit to", "a meeting with".
OWN_PHRASE_PREPS = frozenset({"with", "between", "to"})


def _named_with_sides(code: str, noun, actors: ActorDictionary, day) -> NounEvent | None:
    """An event noun whose phrase names both sides ("Arnor's call with Gondor", "a
    meeting between Arnor and Gondor", "Arnor's visit to Gondor"), wherever the phrase
    stands in its sentence: the nearest verb above it gives the mode and date.

    A side must be in the noun's own words (a possessive, a country adjective or a
    ``with``/``between``/``to`` phrase); a noun with one side or none ("talks", "the
    meeting") says too little about who.
    """
    if code[:2] != "04":
        return None  # consultations and visits: other nouns need their frame
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in OWN_PHRASE_PREPS]
    if not preps:
        return None
    others, between = [], []
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [a for a in resolve(obj, actors, day) if _named(a)]
            if prep.lower_ == "between":
                between += found
            elif not others:
                others = found
    doers = [a for t in noun.children if t.dep_ in {"poss", "amod", "compound", "nmod"}
             for a in resolve(t, actors, day) if _named(a)]
    if doers and others:
        return NounEvent(code, noun, verb, doers, others, frames=False)
    if len(between) > 1:  # "a meeting between Arnor and Gondor": each with the other
        return NounEvent(code, noun, verb, between, [], frames=False)
    return None


def _sides(code: str, noun, verb, actors: ActorDictionary, day) -> NounEvent:
    """Doers and other sides of the event of ``noun`` (see the module docs)."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if verb.i != noun.head.i or noun.dep_ != "pobj":
        preps += [c for c in verb.children if c.dep_ in {"prep", "agent"}]
    sources, targets, between = [], [], []
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [a for a in resolve(obj, actors, day) if a.coded or a.proper]
            word = prep.lower_
            if word == "between" or (word == "among" and len(found) > 1):
                between += found
            elif word in DOER_PREPS and not sources:
                sources = found
            elif word in OTHER_PREPS and not targets:
                targets = found
    if (noun.dep_ == "pobj" and noun.head.lower_ == "in") or noun.dep_ == "dobj":
        subject = subject_of(verb)[0]
        sources = resolve(subject, actors, day) if subject is not None else []
    if not sources:
        sources = [a for a in _own_actors(noun, actors, day) if a.coded]
    if between and not sources:
        return NounEvent(code, noun, verb, between, [])  # they act on each other
    if not sources and code[:2] == "14":
        # "protests erupted": protesters protest, whoever they are (``---OPP``)
        sources = [Actor(name="protesters", head=noun, code="---OPP", sector="OPP",
                         tokens=[])]
    return NounEvent(code, noun, verb, sources, targets or between)


def _named(actor: Actor) -> bool:
    """A coded actor, or a name of a person, group or country ("July 25" is none)."""
    return actor.coded or (actor.proper and actor.head.ent_type_ in NAME_TYPES)


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _own_actors(noun, actors: ActorDictionary, day) -> list[Actor]:
    """Actors in the noun's own words: "Arnor's talks", "Arnorian strikes", "student
    protests"; not where it happens ("protests in Bree" say nothing of who)."""
    tokens = [t for t in noun.children if t.dep_ in {"poss", "amod", "compound", "nmod"}]
    found = []
    for token in tokens:
        found += [a for a in resolve(token, actors, day) if a.coded]
    return found
