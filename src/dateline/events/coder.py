"""The event coder: who did what to whom, from each sentence's dependency parse.

For every verb of a sentence that the CAMEO verb dictionary knows
(:mod:`dateline.events.patterns`):

1. the verb's clause (words before and after it, without coordinated or adverbial
   clauses) is matched against its patterns, which give the CAMEO code;
2. the source is the subject ("Arnor signed"), inherited through control and
   coordination ("Arnor is about to restore", "condemned ... and promised aid"); in the
   passive the subject is the target and the ``by`` phrase the source;
3. the target is the first noun phrase after the verb that names an actor (object,
   prepositional objects, complements; places the verb happens at and things an actor
   only qualifies come last); a pattern's ``+`` picks it instead; a pronoun stands for
   the nearest actor before it in the sentence;
4. coordinated actors give one event each; a coordinated subject without a target
   gives the reciprocal events ("Arnor and Gondor renewed ties");
5. a verb governed by a coded verb is part of that verb's event ("vowed to wage war"),
   and a speech verb whose complement holds an event gives way to it;
6. the mode (:mod:`dateline.events.modes`) and a confidence are attached.

:func:`code_sentence` codes one sentence (the benchmark's entry point);
:func:`find_events` codes an article's segments into :class:`~dateline.records.Event`
records with dates, places and entity names (:mod:`dateline.events.context`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dateline.events import codebook, intent, syntax
from dateline.events.actors import Actor, ActorDictionary, resolve
from dateline.events.context import (
    dominant_country,
    is_discarded_sentence,
    is_discarded_story,
    main_place,
    share_places,
    to_record,
)
from dateline.events.modes import SPEECH, mode_of
from dateline.events.patterns import Match, match_verb
from dateline.events.verbs import VerbDictionary, load_verbs
from dateline.language.segments import Segment
from dateline.records import Entity, Event, Place, TimeExpr


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
    """

    require_dyad: bool = False
    passive_source_from_clause: bool = False
    weak_sources: bool = False
    require_source: bool = True
    intent_codes: bool = True


NEWS = Rules()
PETRARCH = Rules(require_dyad=True, passive_source_from_clause=True, weak_sources=True,
                 intent_codes=False)

#: Verb forms the tagger calls verbs that never state an event ("according to").
NOT_EVENTS = frozenset({"according"})
#: Roots that are never mutual: "Arnor and Gondor said" is no statement to each other.
ONE_WAY_ROOTS = frozenset({"01", "02", "14"})
#: Roots of events that need no target: statements, protests, force, violence.
SOURCE_ONLY_ROOTS = frozenset({"01", "14", "15", "18", "19", "20"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"})
PRONOUNS = frozenset({"it", "them", "him", "her", "he", "she", "they", "its", "their"})


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

    @classmethod
    def default(cls, actor_files: tuple[Path, ...] = (), agent_files: tuple[Path, ...] = (),
                verb_files: tuple[Path, ...] = ()) -> Coder:
        """The shipped dictionaries, extended with any PETRARCH-format files given."""
        actors = ActorDictionary.default()
        if actor_files or agent_files:
            actors = actors.extend(actor_files, agent_files)
        return cls(actors, load_verbs(tuple(verb_files)))


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The coder with the shipped dictionaries (built once per process)."""
    return Coder.default()


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
    demanded = _demands(matches) if rules.intent_codes else set()
    suppressed = _suppressed(matches, rules) | demanded
    events: list[CodedEvent] = []
    for verb, match in matches.items():
        if verb in suppressed or not _codes(match):
            continue
        for event in _events_of(verb, match, actors, day, rules):
            _finish(event, match, rules)
            events.append(event)
    return [e for e in _dedupe(events) if _keep(e, rules)]


def _codes(match: Match) -> bool:
    """Whether a match codes an event in either direction."""
    return match.code is not None or match.reverse is not None


def _verb_matches(sentence, verbs: VerbDictionary) -> dict:
    """Each verb of the sentence the dictionary knows, with its pattern match."""
    found: dict = {}
    verbs_here = (t for t in sentence if syntax.is_verb(t) and t.lower_ not in NOT_EVENTS)
    for token in sorted(verbs_here, key=syntax.depth):
        # the first key the dictionary knows: the lemma, else a stripped form
        forms = next((known for key in syntax.verb_keys(token)
                      if (known := verbs.forms(key, token.lower_))), [])
        if forms:
            match = match_verb(syntax.clause_of(token), forms)
            if match is not None:
                found[token] = match
    return found


def _suppressed(matches: dict, rules: Rules) -> set:
    """Verbs whose event is part of another verb's event, or gives way to it.

    A complement is part of its governor's event ("vowed to wage war"), except that a
    promise of cooperation is coded by what is promised ("agreed to provide aid" is an
    intent to provide aid, with ``intent_codes``); a speech verb gives way to the
    event it reports.
    """
    coded = {v for v, m in matches.items() if _codes(m)}
    out: set = set()
    for verb in coded:
        used = set(matches[verb].used)
        for other in coded:
            if other == verb or not (other in used or syntax.controlled_by(other, verb)):
                continue
            if rules.intent_codes and verb.lemma_ in intent.GOVERNORS and \
                    intent.cooperative(_main_code(matches[other])):
                out.add(verb)
            else:
                out.add(other)
    for verb in coded - out:
        if (verb.lemma_ in SPEECH or (matches[verb].code or "").startswith("01")) and \
                (matches[verb].code or "")[:2] != "10":
            if any(o != verb and syntax.in_complement(o, verb) for o in coded - out):
                out.add(verb)
    return out


def _demands(matches: dict) -> set:
    """Turn "X said Y must do Z" into X demanding Z of Y; returns the verbs of Z.

    The speech verb takes the demand code of the act (10x, 100 when the act codes
    nothing); the act itself is no event. Only for another actor: "X said it must
    act" is X's own business.
    """
    done: set = set()
    for speech in [v for v in matches if v.lemma_ in SPEECH]:
        for act in speech.children:
            if act.dep_ != "ccomp" or not intent.is_obligation(act):
                continue
            speaker, doer = syntax.subject_of(speech)[0], syntax.subject_of(act)[0]
            if doer is None or (speaker is not None and (
                    doer.lower_ in PRONOUNS or doer.lemma_ == speaker.lemma_)):
                continue
            inner = matches.get(act)
            code = intent.demand_code(_main_code(inner) if inner else None)
            matches[speech] = replace(matches[speech], code=code, reverse=None, pattern=None)
            if inner is not None:
                done.add(act)
    return done


def _main_code(match: Match) -> str | None:
    return match.code or match.reverse


# ---------------------------------------------------------------- participants

def _events_of(verb, match: Match, actors: ActorDictionary, day,
               rules: Rules) -> list[CodedEvent]:
    """The events of one coded verb: its sources and targets paired (steps 2-4)."""
    subject, passive = syntax.subject_of(verb)
    clause = syntax.clause_of(verb)
    skip = set(syntax.np_tokens(subject)) if subject is not None else set()
    subject_actors = _resolve(subject, actors, day, {verb}) if subject is not None else []
    notes: list[str] = []
    if passive:
        targets, sources = subject_actors, []
        agent = syntax.agent_of(verb)
        if agent is not None:
            sources = resolve(agent, actors, day)
        elif rules.passive_source_from_clause:
            sources = _first_actor(clause.around, actors, day, skip)
            notes.append("source from the clause of a passive")
    else:
        sources, targets = subject_actors, []
        if match.target_at is not None:
            targets = resolve(syntax.noun_head(match.target_at), actors, day)
        if not any(t.coded for t in targets):
            avoid = frozenset(a.code for a in sources if a.code)
            targets = _first_actor(_own_clause(clause.around, verb), actors, day, skip,
                                   avoid)
    if match.source_at is not None:
        marked = resolve(syntax.noun_head(match.source_at), actors, day)
        if any(a.coded for a in marked):
            sources, targets = marked, sources
    return _pairs(verb, match, sources, targets, notes)


def _own_clause(tokens: list, verb) -> list:
    """``tokens`` without relative clauses: "policies, which some in Washington
    criticised" does not make "some in Washington" a participant of the main verb."""
    relatives = [t for t in tokens if t.dep_ == "relcl"]
    return [t for t in tokens
            if not any(r == t or r.is_ancestor(t) for r in relatives)]


def _first_actor(tokens, actors: ActorDictionary, day, skip: set,
                 avoid: frozenset[str] = frozenset()) -> list[Actor]:
    """The actors of the first noun phrase in ``tokens`` that names one.

    A place the verb happens at ("arrested students in Moscow") and a thing an actor
    only qualifies ("discussed Mexico's policies") count only when nothing else does;
    actors coded like the other participant (``avoid``) do not count: an actor does
    not act on itself ("Albania denounced ... Albanian unrest").
    """
    seen: set = set()
    fallback: list[Actor] = []
    for token in tokens:
        if token.pos_ not in NOUN_POS or token in skip:
            continue
        head = syntax.noun_head(token)
        if head in seen or head in skip:
            continue
        seen.add(head)
        found = [a for a in _resolve(head, actors, day, skip)
                 if a.coded and a.code not in avoid]
        if not found:
            continue
        if not syntax.is_locative(head) and not all(a.weak for a in found):
            return found
        if not fallback:
            fallback = found
    return fallback


def _resolve(head, actors: ActorDictionary, day, exclude: set) -> list[Actor]:
    """:func:`resolve`, with a pronoun standing for the nearest actor before it.

    Only phrases earlier in the same sentence are candidates, and not those in
    ``exclude`` (the event's other participant): "wrote to the administration, urging
    it to act" -> "it" is the administration.
    """
    found = resolve(head, actors, day)
    if head.lower_ not in PRONOUNS or any(a.coded for a in found):
        return found
    sentence = head.sent
    for token in reversed(list(sentence)[: head.i - sentence.start]):
        if token.pos_ not in {"NOUN", "PROPN"} or token in exclude:
            continue
        candidate = syntax.noun_head(token)
        if candidate in exclude or candidate.i >= head.i:
            continue
        coded = [a for a in resolve(candidate, actors, day) if a.coded and not a.weak]
        if coded:
            return coded
    return found


def _pairs(verb, match: Match, sources: list[Actor], targets: list[Actor],
           notes: list[str]) -> list[CodedEvent]:
    """One event per source and target; reciprocal events for a coordinated subject."""
    named_sources = [s for s in sources if s.coded or s.proper] or sources[:1]
    named_targets = [t for t in targets if t.coded or t.proper]
    pattern = match.pattern.text if match.pattern else None
    coded_sources = [s for s in named_sources if (s.coded or s.proper) and not s.weak]
    strong_target = any(not t.weak for t in named_targets)
    if len(coded_sources) > 1 and not strong_target and match.code and \
            match.code[:2] not in ONE_WAY_ROOTS:
        # "Arnor and Gondor renewed ties": each does it with the other
        return [CodedEvent(match.code, verb, a, b, pattern=pattern,
                           notes=notes + ["reciprocal"])
                for a in coded_sources for b in coded_sources
                if a is not b and (a.code is None or a.code != b.code)]
    events: list[CodedEvent] = []
    for source in named_sources or [None]:
        for target in named_targets or [None]:
            if source and target and source.code and source.code == target.code:
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
    if rules.intent_codes and any(intent.is_intent(t) for t in anchors):
        if event.mode == "negated" and intent.cooperative(event.code):
            # "will not meet" is a refusal, which happened, like "refused to meet"
            event.code, event.mode = intent.refusal_code(event.code), "occurred"
            event.notes.append("refusal")
        elif event.mode != "negated" and intent.restated(event.code):
            # the code names the statement (an intent, a threat); the mode still says
            # that the act itself lies ahead ("will meet": 036, future)
            event.code = intent.restated(event.code)
            event.notes.append("intent")
    score = 0.7 if match.pattern is not None else 0.55
    both = bool(event.source and event.source.coded and event.target and event.target.coded)
    score += 0.15 if both else -0.1
    if any("passive" in note for note in event.notes):
        score -= 0.15
    if event.mode != "occurred":
        score -= 0.1
    event.confidence = round(min(0.95, max(0.05, score)), 2)


def _keep(event: CodedEvent, rules: Rules) -> bool:
    source, target = event.source, event.target
    if rules.require_dyad:
        return bool(source and source.coded and target and target.coded)
    if not rules.require_source:
        return True
    if source is None or not (source.coded or source.proper):
        return False
    if source.weak and not rules.weak_sources:
        return False
    if target is None or not (target.coded or target.proper):
        return event.root in SOURCE_ONLY_ROOTS
    return True


def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
    seen: set = set()
    out = []
    for event in events:
        key = (event.code, event.source_code, event.target_code, event.verb.i)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


# ---------------------------------------------------------------- articles

def find_events(segments: list[Segment], entities: list[Entity], dates: list[TimeExpr],
                places: list[Place], anchor: str | None,
                coder: Coder | None = None) -> list[Event]:
    """The coded events of an article's parsed segments (title, body, captions).

    ``anchor`` is the publication date (ISO); it selects date-restricted actor codes and
    is the date of events no time expression dates. Caption events carry
    ``from_caption``. Sentences and stories matching the discard list give no events,
    and an event whose source neither the dictionaries nor the entities code is dropped.
    """
    coder = coder or default_coder()
    day = anchor[:10] if anchor else None
    if is_discarded_story(segments):
        return []
    main = main_place(places)
    country = dominant_country(entities)
    events: list[Event] = []
    for segment in segments:
        if segment.doc is None:
            continue
        for sentence in segment.doc.sents:
            if is_discarded_sentence(sentence):
                continue
            for coded in code_sentence(sentence, coder.actors, coder.verbs, date=day):
                record = to_record(coded, segment, sentence, entities, dates, places,
                                   country, day)
                if record.source_code:
                    events.append(record)
    share_places(events, [e.place is not None for e in events], main)
    return events
