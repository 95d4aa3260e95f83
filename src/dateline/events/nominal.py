"""Events named by a noun: "talks between Arnor and Gondor resumed", "resigned in protest".

A verb's patterns code most events a noun names ("held talks with", "condemned the
attack"). The frames below do not go through a verb's patterns, and are coded here
from the table of event nouns (``event_nouns.tsv``):

- the noun is the subject of a verb of occurrence ("talks resumed", "clashes broke
  out", "protests erupted", "a meeting took place", "talks were held", "there were
  clashes"): the occurrence verb gives the event its mode and date;
- the noun is the object of "in" on a verb ("walked out in protest", "took part in
  talks with"), or of a light verb that codes nothing itself ("had a phone call with",
  "launched marches", "joined the protests"): the verb's subject does it;
- the noun names an event its clause takes as given: the object of a preposition of
  time ("died during protests against the junta", "after clashes between Arnor and
  Gondor"), or a phrase that names both its sides wherever it stands ("Arnor's call
  with Gondor was irregular", "the occupation by Arnor of Bree", "Arnorian-Gondorian
  joint patrols"). Here the noun's own words must name who acts: a noun whose sides
  are not stated ("the meeting", "a disinformation campaign") is no event; who acts
  "during" or "in" a meeting, call or visit with someone takes part in it;
- the clause's subject undergoes the event ("Arnor drew condemnation from Gondor",
  "faced Gondorian criticism"): the noun's doer acts on it.

A quantity of events counts as the events ("the latest round of protests escalated",
"days of clashes between ...").

Participants come from the noun's own words: its doer is a possessive, an adjective or
compound ("Arnorian strikes", "student protests"), or a ``by``/``from`` phrase; its
other side a ``with``/``against``/``on``/``to``/``at`` phrase, and an ``of`` phrase
for acts done to someone ("the detention of activists", "criticism of Gondor"; the
doers of protests, the members of a meeting); actors ``between`` two sides act on each
other. Prepositional phrases the parser hangs on the occurrence verb ("talks resumed
between ...") count too.

A named event takes its mode from its own words where they tell it: a date or "last",
"recent" say it happened ("a July 10 meeting", "last week's call"); "next", "planned",
or a word of wanting above it ("called for talks", "a request for a meeting", "paved
the way for talks") that it is yet to happen. Otherwise the clause's verb tells it.
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
    "explode", "broaden", "grow", "swell", "widen", "persist", "rock", "sweep", "grip",
    "engulf", "spiral",
})
#: Particles or objects an occurrence verb needs: "broke out", "took place".
NEEDS = {"break": {"out"}, "take": {"place"}, "kick": {"off"}, "get": {"under", "underway"},
         "go": {"ahead", "on"}}
#: Verbs whose object, a noun of an event, is what their subject does: "had talks",
#: "launched marches", "led a protest", "joined the protests".
LIGHT_VERBS = frozenset({"have", "hold", "conduct", "make", "stage", "carry", "launch",
                         "lead", "join", "mount", "wage", "organize", "organise",
                         "attend", "pay"})
#: Light verbs whose own codes say less than their object: "led a march".
BARE_LIGHT_VERBS = frozenset({"lead", "join", "launch", "mount", "wage", "organize",
                              "organise", "attend", "pay"})
#: Verbs whose "in" object is what their subject does: "took part in talks".
IN_VERBS = frozenset({"participate", "engage", "take", "join"})
#: Prepositions of time whose object is an event taken as given: "during protests".
WHILE_PREPS = frozenset({"during", "amid", "amidst", "after", "following", "throughout"})
#: Prepositions whose meeting, call or visit the clause's subject takes part in:
#: "during a visit to Bree, Arnor's envoy said", "in a call with Gondor".
MEETING_PREPS = WHILE_PREPS | {"at", "in"}
#: Nouns that count events, transparent to the frames: "a round of talks began".
SPAN_NOUNS = frozenset({"round", "wave", "series", "spate", "string", "day", "week",
                        "month", "night", "year", "hour", "weekend"})
DOER_PREPS = frozenset({"by", "from"})
OTHER_PREPS = frozenset({"with", "against", "on", "to", "at"})
#: Codes whose ``of`` phrase names who does it ("protests of workers") or who take part
#: ("a meeting of ministers"), not who undergoes it.
OF_DOER_ROOTS = frozenset({"14"})
OF_MEMBER_ROOTS = frozenset({"04"})

#: Codes of nouns whose event both sides do (a meeting, a call, talks, joint patrols),
#: and the code of the other side's part where it differs (a visit is hosted).
REVERSE_CODES = {"040": "040", "041": "041", "046": "046", "044": "044", "062": "062",
                 "042": "043"}
#: Codes both sides do alike (a meeting, a call, joint patrols): doers named together do
#: them with each other.
MUTUAL_CODES = frozenset(c for c, r in REVERSE_CODES.items() if c == r)
#: Prepositions that name the other side of a meeting, call or visit: "a call with",
#: "talks between", "a visit to", "a meeting with".
OWN_PHRASE_PREPS = frozenset({"with", "between", "to"})


@dataclass(slots=True)
class NounEvent:
    """An event a noun names: its code, the verb that frames it, its sides."""

    code: str
    noun: object
    verb: object
    sources: list[Actor]
    targets: list[Actor]
    #: the verb states the event (a frame); False for a phrase that names the event
    #: inside a clause about something else ("Trump's call with Zelensky was
    #: irregular", "died during protests"), whose verb only lends the event its mode
    #: and date and may state an event of its own
    frames: bool = True
    #: the mode the noun's own words give ("a July 10 meeting": occurred), else None
    mode: str | None = None

    @property
    def reverse(self) -> str | None:
        """The code of the other side's part in a two-sided event, else None."""
        return REVERSE_CODES.get(self.code)


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, str]:
    """The shipped table of event nouns (lower-case noun or two words -> CAMEO code)."""
    table = {}
    for line in shipped_text("event_nouns.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, _, code = line.partition("\t")
            table[noun.strip()] = code.strip().split("\t")[0]
    return table


def code_of(noun) -> str | None:
    """The code of an event noun ("air strikes" before "strikes"), else None."""
    if noun.pos_ not in {"NOUN", "PROPN"} and not _gerund_noun(noun):
        return None
    table = event_nouns()
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and \
                f"{child.lower_} {noun.lower_}" in table:
            return table[f"{child.lower_} {noun.lower_}"]
    return table.get(noun.lower_)


def _gerund_noun(token) -> bool:
    """A form in -ing the tagger calls a verb but that stands as a noun with a
    determiner or number: "had one in-person meeting with him"."""
    return token.pos_ == "VERB" and token.lower_.endswith("ing") and \
        token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} and \
        any(c.dep_ in {"det", "nummod", "poss"} for c in token.children)


def slot_of(noun):
    """Where the event stands in its clause: the noun, or the quantity that counts it
    ("the latest round of protests escalated": the round)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SPAN_NOUNS:
        return head.head
    return noun


def frame_of(noun, coded: dict | None = None):
    """The verb that states that the event of ``noun`` happens, or None.

    ``coded``: the codes of the verbs the verb patterns code; a light verb among them
    ("held talks") is left to its patterns, and so is a verb of protest done "in
    protest" ("walked off the job in protest" is a strike).
    """
    coded = coded or {}
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_ in LIGHT_VERBS:
        # "had a phone call with"; "held talks" is left to the verb's patterns, but
        # "led a march" is no leading and "joined the protests" no joining
        return None if verb in coded and verb.lemma_ not in BARE_LIGHT_VERBS else verb
    if noun.dep_ == "pobj" and verb.lower_ == "in":
        # "resigned in protest" (the idiom, no article): the verb's act is the protest;
        # "killed in protests" is no protest by the killed
        doer = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
        if doer is not None and doer.lemma_ in IN_VERBS and verb.head.i == doer.i:
            # "took part in talks with", "engaged in clashes with": the noun is what
            # the subject does, whatever the verb alone would code
            return doer
        idiom = noun.lower_ == "protest" and not any(c.dep_ == "det" for c in noun.children)
        return doer if idiom and (coded.get(doer) or "")[:2] != "14" else None
    if noun.dep_ == "attr" and verb.lemma_ == "be" and \
            any(c.dep_ == "expl" for c in verb.children):
        return verb  # "there were clashes"
    happening = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                      and c.lemma_ in OCCURRENCE and c.lemma_ not in NEEDS), None)
    if happening is not None:
        return happening  # "with protests exploding", "clashes raging in the north"
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
        slot = slot_of(noun)
        undergone = _undergone(code, noun, slot, actors, day, coded or {})
        if undergone is not None:
            out += _split_clash(undergone)
            continue
        verb = frame_of(slot, coded)
        if verb is not None:
            framed = _sides(code, noun, slot, verb, actors, day)
            # a meeting or visit with no one ("paid a visit to the prison") is none
            if framed.targets or len(framed.sources) > 1 or code[:2] != "04":
                out += _split_clash(framed)
            continue
        named = _named_with_sides(code, noun, slot, actors, day)
        if named is not None:
            named.mode = own_mode(noun)
            out += _split_clash(named)
    return [e for e in out if not _words_of_force(e)]


def _words_of_force(event: NounEvent) -> bool:
    """"The senator's attacks on the press" are words, not force: a noun that news
    uses both ways is force only when states or armed forces do it."""
    return event.noun.lower_ in WORDY_FORCE_NOUNS and event.code[:2] == "19" and \
        not all(map(_armed_or_state, event.sources))


# ---------------------------------------------------------------- participants

def _role(word: str, code: str) -> str | None:
    """What the object of preposition ``word`` is in an event of ``code``: ``doer``,
    ``other``, ``between`` (each side with the others), or None (a member, a topic)."""
    if word == "between":
        return "between"
    if word in DOER_PREPS:
        return "doer"
    if word == "of":
        if code[:2] in OF_DOER_ROOTS:
            return "doer"
        return None if code[:2] in OF_MEMBER_ROOTS else "other"
    return "other" if word in OTHER_PREPS else None


def _prep_sides(code: str, preps, actors: ActorDictionary, day, keep) -> tuple[list, list,
                                                                            list]:
    """Doers, other sides and ``between`` parties of the prepositional phrases."""
    doers, others, between = [], [], []
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [a for a in resolve(obj, actors, day) if keep(a)]
            role = _role(prep.lower_, code)
            if role == "doer" and not others and _role("of", code) == "other":
                # "the occupation by Arnor of Bree": the parser hangs "of Bree" on Arnor
                others = [a for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj"
                          for a in resolve(o, actors, day) if keep(a)]
            if role == "between" or (prep.lower_ == "among" and len(found) > 1):
                between += found
            elif role == "doer" and not doers:
                doers = found
            elif role == "other" and not others:
                others = found
    return doers, others, between


def _sides(code: str, noun, slot, verb, actors: ActorDictionary, day) -> NounEvent:
    """Doers and other sides of the event of ``noun`` framed by ``verb`` (module docs)."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if verb.i != slot.head.i or slot.dep_ != "pobj":
        preps += [c for c in verb.children if c.dep_ in {"prep", "agent"}]
    if slot.i != noun.i:
        preps += [c for c in slot.children if c.dep_ == "prep" and c.lower_ != "of"]
    sources, targets, between = _prep_sides(code, preps, actors, day,
                                            lambda a: a.coded or a.proper)
    if (slot.dep_ == "pobj" and slot.head.lower_ == "in") or slot.dep_ == "dobj":
        subject = subject_of(verb)[0]
        sources = resolve(subject, actors, day) if subject is not None else []
    own, undergoing = _own_sides(code, noun, bool(targets), actors, day,
                                 lambda a: a.coded)
    sources, targets = sources or own, targets or undergoing
    if between and not sources:
        return NounEvent(code, noun, verb, between, [])  # they act on each other
    if not sources and code[:2] == "14":
        sources = [_protesters(noun)]
    return NounEvent(code, noun, verb, sources, targets or between)


#: Verbs whose subject undergoes the event their object names: "faced criticism from
#: Arnor", "drew Gondorian condemnation", "received a call from", "came under attack".
UNDERGOING_VERBS = frozenset({"face", "draw", "receive", "attract", "meet", "come",
                              "suffer", "endure"})
#: The preposition a verb of undergoing takes before the noun: "met with", "came under".
UNDERGOING_PREPS = {"meet": "with", "come": "under"}


def _undergone(code: str, noun, slot, actors: ActorDictionary, day,
               coded: dict) -> NounEvent | None:
    """An event its clause's subject undergoes ("Arnor faced Gondorian criticism",
    "drew condemnation from Gondor"): the noun's own doer acts on the subject. The
    verb's own patterns win where they code it; a noun without its doer is none."""
    verb = slot.head
    prep = UNDERGOING_PREPS.get(verb.head.lemma_) if slot.dep_ == "pobj" else None
    if prep is not None and verb.lower_ == prep:
        verb = verb.head  # "met with criticism", "came under attack"
    elif slot.dep_ != "dobj" or verb.lemma_ in UNDERGOING_PREPS:
        return None
    if verb.lemma_ not in UNDERGOING_VERBS or verb in coded:
        return None
    preps = [c for c in noun.children if c.dep_ == "prep"] + \
        [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    doers = _prep_sides(code, preps, actors, day, _named)[0]
    doers = doers or _own_sides(code, noun, True, actors, day, _with_country)[0]
    subject = subject_of(verb)[0]
    if not doers or subject is None:
        return None
    return NounEvent(code, noun, verb, doers, resolve(subject, actors, day))


def _protesters(noun) -> Actor:
    """"protests erupted": protesters protest, whoever they are (``---OPP``)."""
    return Actor(name="protesters", head=noun, code="---OPP", sector="OPP", tokens=[])


def _named_with_sides(code: str, noun, slot, actors: ActorDictionary,
                      day) -> NounEvent | None:
    """An event noun taken as given (after a preposition of time), or whose phrase
    names both its sides wherever it stands ("Arnor's call with Gondor", "a meeting
    between Arnor and Gondor", "Arnor's visit to Gondor", "the occupation by Arnor of
    Bree"): the nearest verb above it gives the mode and date.

    A side must be in the noun's own words; a noun with one side or none ("talks",
    "the meeting") says too little about who. After a preposition of time a protest
    needs no named doer ("died during protests": protesters protested).
    """
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    given = slot.dep_ == "pobj" and slot.head.lower_ in WHILE_PREPS
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if code[:2] == "04":
        # consultations and visits: "on", "at" name a topic or a place
        preps = [p for p in preps if p.lower_ in OWN_PHRASE_PREPS]
    doers, others, between = _prep_sides(code, preps, actors, day, _named)
    # a role alone ("naval", "police") says which arm, not whose: no side of its own
    own, undergoing = _own_sides(code, noun, bool(others), actors, day, _with_country)
    doers, others = doers or own, others or undergoing
    if doers and others:
        return NounEvent(code, noun, verb, doers, others, frames=False)
    if len(between) > 1:  # "a meeting between Arnor and Gondor": each with the other
        return NounEvent(code, noun, verb, between, [], frames=False)
    if len(doers) > 1 and code in MUTUAL_CODES:  # "Arnorian-Gondorian joint patrols"
        return NounEvent(code, noun, verb, doers, [], frames=False)
    if not doers and others and code[:2] == "04" and slot.dep_ == "pobj" and \
            slot.head.lower_ in MEETING_PREPS and slot.head.head.pos_ in {"VERB", "AUX"}:
        # "during a meeting with Gondor, Arnor said", "in a call with Gondor, Arnor
        # pledged": who speaks or acts at the meeting takes part in it
        subject = subject_of(slot.head.head)[0]
        doers = [a for a in resolve(subject, actors, day) if _named(a)] if subject else []
        if doers:
            return NounEvent(code, noun, verb, doers, others, frames=False)
    if given and doers and code[:2] in SOURCE_ONLY_ROOTS:
        return NounEvent(code, noun, verb, doers, [], frames=False)
    if given and code[:2] == "14":
        return NounEvent(code, noun, verb, [_protesters(noun)], others, frames=False)
    return None


#: Roots of events that need no one acted upon: protest, force, violence.
SOURCE_ONLY_ROOTS = frozenset({"14", "15", "18", "19", "20"})


#: Nouns of force that news uses for words as often: "the senator's attacks on".
WORDY_FORCE_NOUNS = frozenset({"attack", "attacks", "offensive", "assault", "battle",
                               "battles", "fighting"})
#: Sectors that use force: armed forces, police, rebels, insurgents, militias.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "UAF", "SPY"})


def _armed_or_state(actor: Actor) -> bool:
    """A state by name ("Arnor") or an armed force ("Arnorian troops")."""
    code = actor.code or ""
    return len(code) == 3 and code != "---" or code[3:6] in ARMED_SECTORS


def _named(actor: Actor) -> bool:
    """A coded actor, or a name of a person, group or country ("July 25" is none)."""
    return actor.coded or (actor.proper and actor.head.ent_type_ in NAME_TYPES)


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _with_country(actor: Actor) -> bool:
    """A name, or an actor whose code says whose it is ("Arnorian"), not a role alone
    ("naval": ``---MIL``)."""
    return _named(actor) and (actor.proper or not (actor.code or "").startswith("---"))


#: Roots and codes of acts done to someone, whose possessive alone names who undergoes
#: them: "Navalny's arrest", "the envoy's expulsion", "Bree's occupation"; with an
#: object of its own the possessive acts ("Arnor's occupation of Bree").
UNDERGONE_ROOTS = frozenset({"17", "18", "20"})
UNDERGONE_CODES = frozenset({"174", "192"})


def _own_sides(code: str, noun, has_object: bool, actors: ActorDictionary, day,
               keep) -> tuple[list[Actor], list[Actor]]:
    """Doers and undergoers in the noun's own words: "Arnor's talks", "Arnorian
    strikes", "student protests" act; "Navalny's arrest" undergoes (see
    :data:`UNDERGONE_ROOTS`). Where it happens ("protests in Bree") says nothing of
    who."""
    undergone = not has_object and (code[:2] in UNDERGONE_ROOTS or code in UNDERGONE_CODES)
    doers, undergoers = [], []
    for token in noun.children:
        if token.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        found = [a for a in resolve(token, actors, day) if keep(a)]
        (undergoers if undergone and token.dep_ == "poss" else doers).extend(found)
    return doers, undergoers


# ---------------------------------------------------------------- clashes

#: Nouns of a fight between two sides.
CLASH_NOUNS = frozenset({"clash", "clashes", "skirmish", "skirmishes", "scuffle",
                         "scuffles", "confrontation", "confrontations"})
#: Sectors of armed forces and police, and of crowds that carry no arms as such.
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
CROWD_SECTORS = frozenset({"OPP", "CVL", "PPL", "EDU", "LAB", "AGR", "REL", "REF"})


def _split_clash(event: NounEvent) -> list[NounEvent]:
    """A clash between a crowd and the police or troops is a violent protest by the
    crowd (145) and violent repression by the forces (175), as CAMEO codes a riot, not
    a battle between armies (19)."""
    if event.noun.lower_ not in CLASH_NOUNS or event.code[:2] != "19":
        return [event]
    sides = event.sources + event.targets
    crowd = [a for a in sides if (a.code or "")[3:6] in CROWD_SECTORS]
    forces = [a for a in sides if (a.code or "")[3:6] in FORCE_SECTORS]
    if not crowd or not forces or len(crowd) + len(forces) != len(sides):
        return [event]
    return [NounEvent("145", event.noun, event.verb, crowd, forces, event.frames, event.mode),
            NounEvent("175", event.noun, event.verb, forces, crowd, event.frames, event.mode)]


# ---------------------------------------------------------------- mode

#: Words in a noun's phrase that say the event lies ahead: "the planned talks".
AHEAD_WORDS = frozenset({"next", "upcoming", "planned", "proposed", "possible", "potential",
                         "future", "expected", "scheduled", "coming", "prospective",
                         "likely"})
#: Roots of acts done in words, which a clause of wanting answers rather than wishes:
#: "agreed to Arnor's demands" (made), "agreed to talks" (to come).
UTTERED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
#: Determiners of a phrase whose event is known: "the talks", "this visit".
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Words in a noun's phrase that say the event happened: "last week's call".
PAST_WORDS = frozenset({"last", "recent", "earlier", "previous", "past", "latest",
                        "ongoing", "continuing", "yesterday", "former"})
#: Words above a noun after which its event is wished, asked for or planned: "called
#: for talks", "a request for a meeting", "agreed to a meeting", "paved the way for".
WANTED_BY = frozenset({
    "want", "wish", "seek", "try", "hope", "consider", "propose", "aim", "need", "intend",
    "ask", "urge", "call", "demand", "push", "press", "lobby", "plead", "plan", "schedule",
    "prepare", "expect", "agree", "request", "invite", "invitation", "proposal", "way",
    "bid", "offer", "prospect", "possibility", "chance", "idea", "pave", "arrange",
})


def own_mode(noun) -> str | None:
    """The mode a noun's own words give its event (module docs), else None."""
    words = {c.lower_ for c in noun.children
             if c.dep_ in {"amod", "advmod", "compound", "nmod", "poss", "npadvmod"}}
    words |= {g.lower_ for c in noun.children if c.dep_ == "poss" for g in c.children}
    dates = [c for c in noun.children
             if c.ent_type_ == "DATE" and c.dep_ in {"compound", "nmod", "poss", "npadvmod"}]
    ahead = words | {w.lower_ for d in dates for w in d.subtree}
    if ahead & (AHEAD_WORDS | {"tomorrow", "later"}):
        return "future"  # "the planned talks", "next month's visit"
    if _wanted(noun) and code_of(noun)[:2] not in UTTERED_ROOTS:
        return "hypothetical"
    dated = bool(dates)
    # "the occupation of Bree", "Arnor's call with Gondor": a definite phrase takes
    # its event as known, whatever the clause around it says of something else
    definite = any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
                   for c in noun.children)
    if dated or definite or words & PAST_WORDS:
        return "occurred"
    return None


def _wanted(noun) -> bool:
    """A word of wanting or planning governs the noun, through prepositions: "called
    for talks", "a request for a meeting", "paved the way for talks"."""
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return False
        if head.lemma_.lower() in WANTED_BY:
            return True
        if head.pos_ != "ADP":
            return False
        token = head
    return False
