"""The event coder: who did what to whom, from each sentence's dependency parse.

For every verb of a sentence that the CAMEO verb dictionary knows
(:mod:`dateline.events.patterns`):

1. the verb's clause (words before and after it, without coordinated or adverbial
   clauses; a passive in its active order) is matched against its patterns, which
   give the CAMEO code;
2. verbs that govern others settle which of them states the event
   (:mod:`dateline.events.governing`): "vowed to wage war", "agreed to provide aid",
   "gathered to protest", "is expected to attack", "said Gondor attacked Rohan";
3. its sources and targets are found (:mod:`dateline.events.participants`): the
   subject, inherited through control and coordination, the ``by`` phrase of a
   passive; the first noun phrase after the verb that names an actor;
4. coordinated actors give one event each; a coordinated subject without a target
   gives the reciprocal events of a mutual act ("Arnor and Gondor renewed ties");
5. the mode (:mod:`dateline.events.modes`), intent, threat and refusal codes
   (:mod:`dateline.events.intent`) and a confidence are attached.

Nouns of events framed as happening ("talks between Arnor and Gondor resumed") are
coded too (:mod:`dateline.events.nominal`).

:func:`code_sentence` codes one sentence (the benchmark's entry point);
:func:`find_events` codes an article's segments into :class:`~dateline.records.Event`
records with dates, places and entity names (:mod:`dateline.events.context`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dateline.entities.find import entities_by_segment
from dateline.events import codebook, governing, implied, intent, nominal, participants, syntax
from dateline.events.actors import (
    QUANTITY_NOUNS,
    Actor,
    ActorDictionary,
    core_noun,
    distinct_named,
    is_place_noun,
    role_only,
)
from dateline.events.context import (
    dominant_country,
    is_discarded_sentence,
    is_discarded_story,
    mention_codes,
    places_country,
    share_places,
    to_record,
)
from dateline.events.coreference import Antecedents, fill_pronouns, is_personal
from dateline.events.modes import mode_of
from dateline.events.patterns import Match, match_verb
from dateline.events.verbs import VerbDictionary, load_verbs
from dateline.parse.segments import Segment
from dateline.places.find import main_place
from dateline.records import Entity, Event, Place, Quote, TimeExpr
from dateline.userfiles import read_user_file


@dataclass(frozen=True, slots=True)
class Rules:
    """Coding conventions that differ between PETRARCH's and dateline's own.

    ``require_dyad``: keep only events with a coded source and target (PETRARCH).
    ``passive_source_from_clause``: a passive without "by" takes the first actor of its
    clause as source ("was shot dead in Osgiliath" -> Osgiliath; PETRARCH).
    ``weak_sources``: an actor that only qualifies a thing may act ("Eriador's death
    toll rose" -> Eriador; PETRARCH). dateline's default keeps such phrases as targets
    only.
    ``require_source``: off, every coded verb gives an event, actors or not (for
    classifying what a sentence reports).
    ``intent_codes``: cooperation stated as intent ("will provide aid", "agreed to
    meet", "is willing to withdraw") is coded as CAMEO's "express intent" (03x), as
    the CAMEO codebook asks; PETRARCH codes the verb as it stands.
    ``noun_events``: a noun of an event framed as happening ("talks between Arnor and
    Gondor resumed", "resigned in protest") is coded (:mod:`dateline.events.nominal`).
    """

    require_dyad: bool = False
    passive_source_from_clause: bool = False
    weak_sources: bool = False
    require_source: bool = True
    intent_codes: bool = True
    noun_events: bool = True
    #: a passive act without a doer named takes the institution that does it by
    #: definition ("was arrested": the police; :mod:`dateline.events.implied`)
    implied_sources: bool = True
    #: a personal pronoun ("he", "we") may be an actor: the article resolves it
    #: (:mod:`dateline.events.coreference`); one sentence alone cannot
    personal_pronouns: bool = False
    #: two different phrases with one code are two parties ("the president criticised
    #: the senator", both USAGOV), as CAMEO codes them; PETRARCH's validation records
    #: code no event between actors of one code
    same_code_pairs: bool = True


NEWS = Rules()
#: dateline's conventions over a whole article (:func:`find_events`).
ARTICLE = Rules(personal_pronouns=True)
PETRARCH = Rules(require_dyad=True, passive_source_from_clause=True, weak_sources=True,
                 intent_codes=False, implied_sources=False, same_code_pairs=False)

#: Verb forms the tagger calls verbs that never state an event ("according to").
NOT_EVENTS = frozenset({"according"})
#: Roots that are mutual when two doers name no one else: "Arnor and Gondor renewed
#: ties", "met", "signed a deal", "clashed". "Arnor and Gondor condemned the attack" or
#: "said" is no condemnation or statement of each other.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "07", "08", "19"})
#: Verbs that are mutual whatever their code: "traded accusations", "exchanged threats".
MUTUAL_VERBS = frozenset({"exchange", "trade", "swap", "clash", "fight", "spar", "battle"})
#: Roots of events that need no target: statements, protests, force, violence.
SOURCE_ONLY_ROOTS = frozenset({"01", "14", "15", "18", "19", "20"})
#: Roots of speech that carries an act, which news often states without naming at
#: whom it is aimed: "opposed the plan", "called for an end to the violence",
#: "threatened to use force", "rejected the proposal".
SPEECH_ACT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
#: Verbs that state such an act outright; other verbs need a pattern to code one
#: without a target ("suggested", "warned that", "failed to" are too loose alone).
SPEECH_ACT_VERBS = frozenset({
    "oppose", "condemn", "criticize", "criticise", "denounce", "deplore", "slam",
    "assail", "lambast", "lambaste", "rebuke", "castigate", "decry", "accuse", "blame",
    "reject", "refuse", "balk", "accept", "tolerate", "urge", "appeal", "beg", "implore",
    "plead", "demand", "threaten", "protest",
})

#: Roots and codes whose patterns name what the act is about, so that a matched pattern
#: needs no target: sanctions and coercion ("imposed a curfew"), and defending a policy
#: or an act in words (052, "defended the decision": the codebook's "explain or defend
#: policy" is about a thing). Other codes of root 05 have patterns of the CAMEO
#: dictionary too loose to stand without a target.
PATTERN_ONLY_ROOTS = frozenset({"16", "17"})
PATTERN_ONLY_CODES = frozenset({"052"})
#: Sectors whose investigation of a thing is an event (091, "Investigate crime"): the
#: police search a car or a house, which is no actor.
INVESTIGATORS = frozenset({"COP"})
#: Roots of force: assault, fight, mass violence.
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: Verbs of the CAMEO force blocks that news mostly uses in other senses ("hit a
#: record", "battle to win", "bid on contracts", "break for recess", "died of the
#: disease"): without a victim and a pattern they code nothing.
FIGURATIVE_FORCE_VERBS = frozenset({"hit", "break", "battle", "bid", "die", "match",
                                    "hammer", "pit", "grapple", "struggle", "kick",
                                    # "dreams shattered", "protests exploded", "clashes
                                    # erupted", "engaged each other": things happening
                                    "shatter", "explode", "erupt", "engage"})
#: Synonym sets of the verb dictionary whose words, as the object of a verb of force,
#: make it force even without a coded victim: arms, forces, places, people.
FORCE_OBJECT_SETS = ("WEAPON", "WMD", "AIRCRAFT", "MILITARY", "SECURITY", "TOWN",
                     "STRONGHOLD", "CAR", "PEOPLE", "HOSTAGE", "SUSPECT", "REFUGEE",
                     "OPPOSITION", "LEADER", "PKO")


@dataclass(slots=True)
class CodedEvent:
    """One event coded from one sentence, before it becomes a record."""

    code: str
    verb: object
    source: Actor | None
    target: Actor | None
    mode: str = "occurred"
    confidence: float = 0.5
    pattern: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return codebook.root(self.code)

    @property
    def plover(self) -> str | None:
        return codebook.plover(self.code)

    @property
    def source_code(self) -> str | None:
        return self.source.code if self.source else None

    @property
    def target_code(self) -> str | None:
        return self.target.code if self.target else None


@dataclass(slots=True)
class Coder:
    """The dictionaries an event coder uses; build once, code many sentences."""

    actors: ActorDictionary
    verbs: VerbDictionary
    #: a short hash of the user's dictionary files ("" with the shipped ones alone)
    digest: str = ""

    @classmethod
    def default(cls, actor_files: tuple[Path, ...] = (), agent_files: tuple[Path, ...] = (),
                verb_files: tuple[Path, ...] = ()) -> Coder:
        """The shipped dictionaries, extended with any PETRARCH-format files given.

        A file that does not exist or is not UTF-8 text raises
        :class:`~dateline.errors.ConfigError` (:mod:`dateline.userfiles`).
        """
        digest = hashlib.sha256()
        checked = []
        for files in (actor_files, agent_files, verb_files):
            found = [read_user_file(name, "event dictionary") for name in files]
            for _, text in found:
                digest.update(text.encode())
            checked.append(tuple(path for path, _ in found))
        actor_files, agent_files, verb_files = checked
        actors = ActorDictionary.default()
        if actor_files or agent_files:
            actors = actors.extend(actor_files, agent_files)
        any_files = actor_files or agent_files or verb_files
        return cls(actors, load_verbs(verb_files), digest.hexdigest()[:8] if any_files else "")


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The coder with the shipped dictionaries (built once per process)."""
    return Coder.default()


@lru_cache(maxsize=4)
def coder_for(actor_files: tuple[str, ...] = (), agent_files: tuple[str, ...] = (),
              verb_files: tuple[str, ...] = ()) -> Coder:
    """The coder for a run's settings: the shipped one, or one with the user's files."""
    if not (actor_files or agent_files or verb_files):
        return default_coder()
    return Coder.default(actor_files, agent_files, verb_files)


# ---------------------------------------------------------------- sentences

def code_sentence(sentence, actors: ActorDictionary | None = None,
                  verbs: VerbDictionary | None = None, date: str | None = None,
                  rules: Rules = NEWS) -> list[CodedEvent]:
    """The events a parsed sentence (a spaCy ``Span`` or ``Doc``) states.

    ``date`` (``YYYYMMDD`` or ISO) selects date-restricted actor codes. ``rules``
    chooses PETRARCH's conventions or dateline's (:class:`Rules`). Events are kept
    when their source is coded or a name (an entity may code it later) and they have
    a target, unless their kind needs none (statements, protests, force).
    """
    actors = actors or ActorDictionary.default()
    verbs = verbs or load_verbs()
    day = date.replace("-", "")[:8] if date else None
    matches = _verb_matches(sentence, verbs)
    suppressed = governing.settle(matches, rules.intent_codes)
    events: list[CodedEvent] = []
    coded = {v: governing.main_code(m) for v, m in matches.items() if governing.codes(m)}
    nouns = nominal.noun_events(sentence, actors, day, coded) if rules.noun_events else []
    framed = {n.verb for n in nouns if n.frames}
    for verb, match in matches.items():
        if verb in suppressed or verb in framed or not governing.codes(match):
            continue
        found = participants.sides(verb, match, actors, day, rules.passive_source_from_clause)
        if rules.implied_sources and not found[0] and syntax.subject_of(verb)[1] and \
                syntax.agent_of(verb) is None:
            sources, note = implied.unnamed_doer(verb, actors, day, match.code)
            found = (sources, found[1], found[2] + [note] if note else found[2])
        if rules.implied_sources and not syntax.subject_of(verb)[1]:
            found = (implied.doer_by_role(verb, found[0]),
                     found[1] or implied.named_object(verb), found[2])
        if implied.detention_frame(verb) and match.code == "173" and not any(
                t.coded or t.proper or is_personal(t.head) for t in found[1]):
            continue  # "the venue was held": only people are detained
        for event in _pairs(verb, match, *found):
            _finish(event, match, rules)
            if not _one_sided(event):
                events.append(event)
    for event in events:
        _unarmed_force(event)
        _armed_march(event)
        _repression(event)
        _press(event)
    for noun in nouns:
        # "Arnor's call with Gondor" is Gondor's call with Arnor too; a visit is hosted
        match = Match(noun.code, noun.reverse, None, None)
        notes = ["noun"] if noun.frames else ["noun", "named"]
        for event in _pairs(noun.verb, match, noun.sources, noun.targets, notes):
            _finish(event, match, rules)
            event.mode = noun.mode or event.mode  # "a July 10 meeting" happened
            events.append(event)
    arms = verbs.synset_heads(FORCE_OBJECT_SETS)
    return [e for e in _dedupe(events) if _keep(e, rules, arms)]


def _verb_matches(sentence, verbs: VerbDictionary) -> dict:
    """Each verb of the sentence the dictionary knows, with its pattern match."""
    found: dict = {}
    # a participle used as a preposition ("given that", "following the talks",
    # "including") states no act of its own
    verbs_here = (t for t in sentence if syntax.is_verb(t) and t.lower_ not in NOT_EVENTS
                  and t.dep_ != "prep"
                  and (governing.judges(t) or not governing.states_opinion(t)))
    for token in sorted(verbs_here, key=syntax.depth):
        # the first key the dictionary knows: the lemma, else a stripped form
        forms = next((known for key in syntax.verb_keys(token)
                      if (known := verbs.forms(key, token.lower_))), [])
        if forms:
            match = match_verb(syntax.clause_of(token), forms)
            if match is not None and governing.judges(token):
                # "called the process a sham": a denunciation (111), whatever the verb
                match = replace(match, code="111", reverse=None, pattern=None)
            if match is not None:
                found[token] = match
    return found


# ---------------------------------------------------------------- pairing

def _own_thing(target: Actor, match: Match) -> bool:
    """An unnamed role as the object of cooperation is the doers' own: "Arnor and Gondor
    agreed to reopen embassies" reopen them to each other."""
    return intent.cooperative(match.code) and role_only(target) and target.head.dep_ == "dobj"


#: Object pronouns that stand for someone other than the doers ("blocking them").
OTHER_PRONOUNS = frozenset({"them", "him", "her", "it", "me", "us", "you"})


def _pronoun_object(verb) -> bool:
    """The verb's object is a pronoun for others: "Arnor and Gondor are blocking them"
    is no act of the two on each other, though the pronoun is not resolved."""
    return any(c.dep_ == "dobj" and c.lower_ in OTHER_PRONOUNS for c in verb.children)


def _pairs(verb, match: Match, sources: list[Actor], targets: list[Actor],
           notes: list[str]) -> list[CodedEvent]:
    """One event per source and target; reciprocal events for a coordinated subject."""
    named_sources = [s for s in sources if s.coded or s.proper] or sources[:1]
    # a personal pronoun ("arrested him") is kept for the article to resolve
    named_targets = [t for t in targets if t.coded or t.proper or is_personal(t.head)]
    pattern = match.pattern.text if match.pattern else None
    coded_sources = [s for s in named_sources if (s.coded or s.proper) and not s.weak]
    strong_target = any(not (t.weak or t.background or _own_thing(t, match))
                        for t in named_targets)
    if len(coded_sources) > 1 and not strong_target and match.code and \
            not _pronoun_object(verb) and \
            (match.code[:2] in MUTUAL_ROOTS or verb.lemma_ in MUTUAL_VERBS):
        # "Arnor and Gondor renewed ties": each does it with the other
        return [CodedEvent(match.code, verb, a, b, pattern=pattern,
                           notes=notes + ["reciprocal"])
                for a in coded_sources for b in coded_sources
                if a is not b and (a.code is None or a.code != b.code
                                   or distinct_named(a, b))]
    events: list[CodedEvent] = []
    for source in named_sources or [None]:
        for target in named_targets or [None]:
            if source is target or (source and target and source.code and
                                    source.code == target.code and
                                    not distinct_named(source, target)):
                continue
            if match.code:
                events.append(CodedEvent(match.code, verb, source, target, pattern=pattern,
                                         notes=list(notes)))
            if match.reverse and source is not None and target is not None:
                events.append(CodedEvent(match.reverse, verb, target, source,
                                         pattern=pattern, notes=notes + ["reverse"]))
    return events


# ---------------------------------------------------------------- mode, confidence, filter

def _finish(event: CodedEvent, match: Match, rules: Rules) -> None:
    """Attach the mode (and, for stated intent, the intent code) and a confidence.

    Confidence starts at 0.55 for a verb's default code and 0.7 for a matched pattern
    (a pattern is evidence beyond the verb); +0.15 when both actors are coded, -0.1 when
    only one is, -0.15 when the source was taken from a passive's clause, -0.1 for a
    mode other than occurred. Clamped to 0.05-0.95.
    """
    # the grammatical subject, so that an event and its reverse share one mode
    head = syntax.subject_of(event.verb)[0]
    event.mode = mode_of(event.verb, head)
    anchors = [event.verb] + [t for t in match.used if syntax.is_verb(t)]
    # a noun that names an event inside a clause about something else ("would pave the
    # way for talks") borrows that clause's mode, not its intent
    stated = "named" not in event.notes
    if stated and rules.intent_codes and any(intent.is_intent(t) for t in anchors):
        if event.mode == "negated" and intent.refusable(event.code) and \
                not any(intent.wished(t) for t in anchors):
            # "will not meet" is a refusal, which happened, like "refused to meet"
            event.code, event.mode = intent.refusal_code(event.code), "occurred"
            event.notes.append("refusal")
        elif event.mode != "negated" and intent.restated(event.code):
            # the code names the statement (an intent, a threat); the mode still says
            # that the act itself lies ahead ("will meet": 036, future)
            event.code = intent.restated(event.code)
            event.notes.append("intent")
            if event.mode == "future" and any(intent.is_stated(t) for t in anchors):
                # "agreed to meet", "said it would impose tariffs": the statement of
                # intent (or threat) that the code names happened
                event.mode = "occurred"
    if event.mode == "negated" and event.root == "12" and governing.denies_acceptance(
            event.verb):
        # "did not accept the offer": the rejection happened
        event.mode = "occurred"
        event.notes.append("refusal")
    score = 0.7 if match.pattern is not None else 0.55
    both = bool(event.source and event.source.coded and event.target and event.target.coded)
    score += 0.15 if both else -0.1
    if any("passive" in note for note in event.notes):
        score -= 0.15
    if event.mode != "occurred":
        score -= 0.1
    event.confidence = round(min(0.95, max(0.05, score)), 2)


#: Sectors of actors that carry no arms as such: civilians, workers, criminals,
#: students, the media, businesses, churches, refugees.
UNARMED_SECTORS = frozenset({"CVL", "PPL", "LAB", "CRM", "EDU", "HLH", "MED", "REL", "BUS",
                             "AGR", "REF", "HRI", "NGO", "ENV", "DEV"})
#: Verbs of a fight between people: physical assault (182) when the unarmed fight.
BRAWL_VERBS = frozenset({"fight", "clash", "beat", "scuffle", "brawl", "punch", "wrestle"})


def _unarmed_force(event: CodedEvent) -> None:
    """Force by an unarmed actor is assault (18), not military force (19).

    CAMEO's root 19 ("Fight") is conventional military force; civilians, criminals or
    workers who fight or attack commit assault (18): physical assault (182) for a
    fight between people, 180 otherwise. Only a role the code names counts: a name
    alone says nothing of arms.
    """
    source = event.source
    if event.root != "19" or source is None or not source.code:
        return
    if source.code[3:6] in UNARMED_SECTORS:
        event.code = "182" if event.verb.lemma_.lower() in BRAWL_VERBS else "180"
        event.notes.append("unarmed")


#: Sectors of armed forces, whose march is a show of force.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"})
#: Verbs of marching, which CAMEO's dictionary codes as protest (14).
MARCH_VERBS = frozenset({"march", "parade"})


def _armed_march(event: CodedEvent) -> None:
    """Troops or police that march demonstrate force (150), they do not protest (14).

    CAMEO.2.0.txt codes "march" as a demonstration (140), which civilians hold; the
    codebook's 150 ("Demonstrate military or police power") is what armed forces do
    when they march to a border or parade. Only a role the code names counts.
    """
    source = event.source
    if event.root != "14" or source is None or not source.code:
        return
    if source.code[3:6] in ARMED_SECTORS and event.verb.lemma_.lower() in MARCH_VERBS:
        event.code = "150"
        event.notes.append("armed")


#: Sectors of the forces of a state that keep order.
ORDER_SECTORS = frozenset({"COP", "MIL"})


def _repression(event: CodedEvent) -> None:
    """Force that police or troops use on protesters is violent repression (175).

    The codebook's 175 ("Use tactics of violent repression") is the state's force
    against those who protest or oppose it; its 19 ("Fight") is combat between armed
    sides. "Security forces killed protesters", "troops fired on demonstrators" are
    175; force against rebels (REB) stays fighting. Only roles the codes name count.
    """
    source, target = event.source, event.target
    if event.root != "19" or source is None or target is None:
        return
    if (source.code or "")[3:6] in ORDER_SECTORS and (target.code or "")[3:6] == "OPP":
        event.code = "175"
        event.notes.append("repression")


#: Verbs of talking, whose consultation (04) of the press is a statement.
TALKING_VERBS = frozenset({"talk", "speak"})


def _press(event: CodedEvent) -> None:
    """Talking to the media is a statement (010), not a consultation (04): "spoke to
    reporters", "talked to the BBC" (GUIDELINES: statements are root 01)."""
    target = event.target
    if event.root != "04" or target is None or target.sector != "MED":
        return
    if event.verb.lemma_.lower() in TALKING_VERBS:
        event.code = "010"
        event.notes.append("press")


def _one_sided(event: CodedEvent) -> bool:
    """The reverse of a stated intent or refusal: "Arnor said it would not meet Gondor"
    is Arnor's refusal alone, though meeting is mutual."""
    return "reverse" in event.notes and ("intent" in event.notes or "refusal" in event.notes)


def _keep(event: CodedEvent, rules: Rules, arms: frozenset[str] = frozenset()) -> bool:
    source, target = event.source, event.target
    if not rules.same_code_pairs and source and target and source.code and \
            source.code == target.code:
        return False
    if rules.require_dyad:
        return bool(source and source.coded and target and target.coded)
    if not rules.require_source:
        return True
    pronouns = rules.personal_pronouns
    if _unnamed_accuser(event):
        return True
    if source is None or not (source.coded or source.proper or
                              (pronouns and is_personal(source.head))):
        return False
    if source.weak and not rules.weak_sources:
        return False
    if event.root in FORCE_ROOTS and event.pattern is None and target.weak and \
            event.verb.lemma_.lower() in FIGURATIVE_FORCE_VERBS if target else False:
        return False  # "parties battle to win the UK's election": no victim
    if target is None or not (target.coded or target.proper or
                              (pronouns and is_personal(target.head))):
        if event.root in SPEECH_ACT_ROOTS and not _loose_speech(event):
            return True
        if (event.root in PATTERN_ONLY_ROOTS or event.code in PATTERN_ONLY_CODES) and \
                event.pattern is not None:
            return True
        if event.root == "09" and (event.source.code or "")[3:6] in INVESTIGATORS:
            # "officers searched the car": the police investigate things (091)
            return True
        if pronouns and _acts_on_a_thing(event):
            return True
        return event.root in SOURCE_ONLY_ROOTS and not _force_without_a_victim(event, arms)
    return True


#: Verbs of blame and criticism, whose passive news uses to report an accusation made
#: by people it does not name or names only by a common noun ("was accused of lying",
#: "is criticised by critics for").
BLAME_VERBS = frozenset({
    "accuse", "blame", "condemn", "criticize", "criticise", "denounce", "deplore",
    "slam", "assail", "lambast", "lambaste", "rebuke", "castigate", "decry",
})


def _unnamed_accuser(event: CodedEvent) -> bool:
    """A passive accusation or criticism of a named actor whose accusers the sentence
    does not name ("the party was accused of misleading voters"), or names only as
    people of no code ("is accused by critics of"): the accusation is stated as having
    been made, so it is an event, with the accusers' side left empty or uncoded
    (GUIDELINES: an actor whose country is unknown gets no country)."""
    source, target = event.source, event.target
    if event.root != "11" or target is None or not (target.coded or target.proper):
        return False
    verb = event.verb
    if verb.lemma_.lower() not in BLAME_VERBS or not syntax.subject_of(verb)[1]:
        return False
    return source is None or not (source.coded or source.proper)


def _loose_speech(event: CodedEvent) -> bool:
    """A speech act with no one it is aimed at, coded neither by a pattern nor by a
    verb that states it outright: "suggested", "warned that", "X said it must"."""
    return event.pattern is None and event.verb.lemma_.lower() not in SPEECH_ACT_VERBS \
        and not governing.judges(event.verb)


def _acts_on_a_thing(event: CodedEvent) -> bool:
    """A named state or body that speaks for or against a thing ("the US welcomed the
    exchange", "China rejected the plan"): an event with no target (GUIDELINES: a thing
    is no target). Other acts done to a thing ("released two videos", "discussed
    investigations") are mostly no act between actors."""
    source = event.source
    if event.root not in VERBAL_ROOTS or source is None or not source.country:
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in event.verb.children)


#: Roots of words said about a thing as much as to someone: appeals, praise, demands,
#: criticism, rejection, threats ("welcomed the exchange", "rejected the plan").
VERBAL_ROOTS = frozenset({"02", "05", "10", "11", "12", "13"})


#: Nouns of a territory or a state that force is done to, besides the place nouns of
#: :data:`dateline.events.actors.PLACE_NOUNS`.
TERRITORY_NOUNS = frozenset({"country", "nation", "state", "capital", "base", "enclave",
                             "homeland", "peninsula"})


def _force_without_a_victim(event: CodedEvent, arms: frozenset[str]) -> bool:
    """Force coded by its verb alone, done to an object that is no actor, or by a verb
    mostly used figuratively, with no victim named.

    Verbs of force also take things: "London has been fighting dirty air", "a hunter
    killed a rabbit", "kicks the can down the road", "hurt herself". A pattern that
    names the object ("fired tear gas") is evidence of force; the verb alone, with a
    thing for its object, is not; nor is a verb of :data:`FIGURATIVE_FORCE_VERBS` with
    no actor to suffer it. An object that counts people ("killed three",
    "wounded dozens"), a personal pronoun ("shot him") or a word of the dictionary's
    sets of arms, forces, places and people (``arms``: "fired a missile", "shelled the
    town") may still be force.
    """
    if event.root not in FORCE_ROOTS or event.pattern is not None:
        return False
    verb = event.verb
    if verb.lemma_.lower() in FIGURATIVE_FORCE_VERBS:
        return True  # "communities hit hardest", "Congress will break", "people died"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:  # "killed and ate a rabbit": the object the verbs share
        objects = [c for v in verb.conjuncts if v.i > verb.i
                   for c in v.children if c.dep_ == "dobj"][:1]
    for child in objects:
        core = core_noun(child)
        words = {core.lemma_.lower(), core.lower_}
        if is_place_noun(core) or words & TERRITORY_NOUNS:
            continue  # "invaded the country", "shelled the village": force on a place
        if core.pos_ == "NOUN" and not words & QUANTITY_NOUNS and not words & arms:
            return True
        reflexive = core.pos_ == "PRON" and core.lower_.endswith(("self", "selves"))
        if reflexive or core.lower_ in {"it", "this", "that"}:
            return True
    return False


def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
    """The events less repeats of one event found twice. Two parties with one code are
    told apart by their phrases: "the ambassador spoke with the president" (both
    USAGOV) is the ambassador's act and its reverse, the president's."""
    seen: set = set()
    out = []
    for event in events:
        key = (event.code, event.source_code, event.target_code, event.verb.i,
               _phrase_key(event.source), _phrase_key(event.target))
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


# ---------------------------------------------------------------- articles

def find_events(segments: list[Segment], entities: list[Entity], dates: list[TimeExpr],
                places: list[Place], anchor: str | None,
                coder: Coder | None = None, quotes: list[Quote] = ()) -> list[Event]:
    """The coded events of an article's parsed segments (title, body, captions).

    ``anchor`` is the publication date (ISO); it selects date-restricted actor codes and
    is the date of events no time expression dates. Caption events carry
    ``from_caption``. Sentences and stories matching the discard list give no events,
    and an event whose source neither the dictionaries nor the entities code is dropped,
    except an accusation stated in the passive without its accusers
    (:func:`_unnamed_accuser`).
    """
    coder = coder or default_coder()
    day = anchor[:10] if anchor else None
    if is_discarded_story(segments):
        return []
    opening = next((s.text for s in segments if s.part == "body" and s.index == 0), None)
    main = main_place(places, opening)
    codes = mention_codes(entities, segments, coder.actors, day)
    country = dominant_country(entities, segments, coder.actors, day, codes)
    people = places_country(entities)
    antecedents = Antecedents(segments, entities, list(quotes))
    # each sentence looks only at the facts of its own segment: indexed once, so a
    # long article costs its length, not its length times its facts
    entities_at = entities_by_segment(entities)
    dates_at = _by_segment(dates)
    places_at = _by_segment(places)
    events: list[Event] = []
    for segment in segments:
        if segment.doc is None:
            continue
        key = (segment.part, segment.index)
        for sentence in segment.doc.sents:
            if is_discarded_sentence(sentence):
                continue
            for coded in code_sentence(sentence, coder.actors, coder.verbs, date=day,
                                       rules=ARTICLE):
                record = to_record(coded, segment, sentence, entities_at.get(key, []),
                                   dates_at.get(key, []), places_at.get(key, []),
                                   country, day, codes, people)
                if not fill_pronouns(record, coded, segment, antecedents, coder.actors,
                                     entities, country, day, codes):
                    continue
                if record.source_code or _unnamed_accuser(coded):
                    events.append(record)
    events = _distinct(events)
    share_places(events, [e.place is not None for e in events], main)
    return events


def _by_segment(facts: list) -> dict[tuple, list]:
    """Facts with a ``where`` by (part, index) of their segment, in their order."""
    found: dict[tuple, list] = {}
    for fact in facts:
        if fact.where is not None:
            found.setdefault((fact.where.part, fact.where.index), []).append(fact)
    return found


def _distinct(events: list[Event]) -> list[Event]:
    """One record per event a sentence states, the most confident kept.

    Two verbs of one sentence can give the same event once their actors are coded
    ("people notice it and talk about it"): same code, actors, mode and date.
    """
    best: dict[tuple, int] = {}
    out: list[Event] = []
    for event in events:
        where = event.where
        key = (where.part, where.index, where.start, event.cameo, event.source,
               event.source_code, event.target, event.target_code, event.mode, event.date)
        if key not in best:
            best[key] = len(out)
            out.append(event)
        elif event.confidence > out[best[key]].confidence:
            out[best[key]] = event
    return out


def _phrase_key(actor: Actor | None) -> tuple[int, ...]:
    """Where an actor's phrase lies in its sentence (token indices), to tell apart two
    actors of one code."""
    if actor is None:
        return ()
    return tuple(t.i for t in actor.tokens) or (actor.head.i,)
