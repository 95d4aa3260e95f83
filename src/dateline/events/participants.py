"""Who takes part in a coded verb's event: its sources and targets.

- **source**: the subject (:func:`dateline.events.syntax.subject_of` inherits it
  through control, coordination, participles and relative clauses); in the passive
  the subject is the target and the ``by`` phrase the source;
- **target**: a pattern's ``+``, else the first noun phrase after the verb that names
  an actor (:func:`_first_actor`): objects, prepositional objects, complements, then
  the verb's purpose clause ("signed an accord to supply Gondor") or, for a purpose
  clause, what it is the purpose of ("summoned the envoy to protest");
- pronouns stand for an actor named before them ("urging it to act"), possessive
  pronouns lend theirs ("Arnor said its troops", :func:`resolve_pronoun`);
- a "counterpart" holds the other side's office ("met his Russian counterpart").
"""

from __future__ import annotations

from dataclasses import replace

from dateline.events import syntax
from dateline.events.actors import (
    Actor,
    ActorDictionary,
    as_counterpart,
    combine_codes,
    has_actor,
    resolve,
    role_only,
    split_code,
)
from dateline.events.patterns import Match

#: Parts of speech that head a noun phrase an actor may be named by.
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"})
PRONOUNS = frozenset({"it", "them", "him", "her", "he", "she", "they", "its", "their"})
#: Possessive pronouns that stand for an actor named before them.
POSSESSIVES = frozenset({"its", "their", "his", "her"})
#: Agent codes of the forces an actor sends, deploys or withdraws.
FORCES = frozenset({"MIL", "COP"})
#: Entity types of names that may be a participant without a dictionary code.
NAMED_TYPES = frozenset({"PERSON", "ORG"})
#: Prepositions whose object is what a role is talked about, not a participant.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def sides(verb, match: Match, actors: ActorDictionary, day: str | None,
          source_from_clause: bool = False) -> tuple[list[Actor], list[Actor], list[str]]:
    """The sources and targets of a coded verb, and notes on how they were found.

    ``source_from_clause``: a passive without "by" takes the first actor of its clause
    as source (PETRARCH's convention).
    """
    subject, passive = syntax.subject_of(verb)
    clause = match.clause or syntax.clause_of(verb)
    subject_actors, skip = _subjects(verb, subject, actors, day)
    notes: list[str] = []
    if passive:
        targets, sources = subject_actors, []
        agent = syntax.agent_of(verb)
        if agent is not None:
            sources = resolve(agent, actors, day)
        elif source_from_clause:
            sources = _first_actor(clause.around, actors, day, skip)
            notes.append("source from the clause of a passive")
    else:
        sources = subject_actors
        targets = _targets(verb, match, clause.around, actors, day, skip, sources)
        if _each_other(verb) and sum(a.coded or a.proper for a in sources) > 1:
            targets = list(sources)  # "A and B accused each other": each the other
    if match.source_at is not None:
        marked = resolve(syntax.noun_head(match.source_at), actors, day)
        if any(a.coded for a in marked):
            sources, targets = marked, sources
    sources, targets = _counterparts(sources, targets)
    return sources, targets, notes


def _subjects(verb, subject, actors: ActorDictionary, day) -> tuple[list[Actor], set]:
    """The actors of the verb's subject (and of a second subject the parser hung on
    it: "Lions, tigers, and Gondor welcomed"), and the words they cover."""
    if subject is None:
        return [], set()
    found = resolve_pronoun(subject, actors, day, {verb})
    skip = set(syntax.np_tokens(subject))
    for other in _more_subjects(verb, subject):
        found += resolve_pronoun(other, actors, day, {verb})
        skip |= set(syntax.np_tokens(other))
    return found, skip


def _targets(verb, match: Match, around: list, actors: ActorDictionary, day, skip: set,
             sources: list[Actor]) -> list[Actor]:
    """A pattern's ``+``, else the first actor of the clause, of the verb's purpose
    clause, or of the act a purpose clause is for (module docs)."""
    targets = []
    if match.target_at is not None:
        targets = resolve(syntax.noun_head(match.target_at), actors, day)
    if any(t.coded and not t.weak for t in targets):
        return targets
    avoid = frozenset(a.code for a in sources if a.code)
    for tokens in (_own_clause(around, verb), _purposes(verb), _purposed(verb)):
        found = _first_actor(tokens, actors, day, skip, avoid)
        if found:
            return found
    return []


#: Reciprocal pronouns, by their last word and the word before it.
RECIPROCALS = {"other": "each", "another": "one"}


def _each_other(verb) -> bool:
    """The verb's object is "each other" or "one another" (or what they own: "attacked
    each other's policies"), not under another verb."""
    for token in verb.subtree:
        first = RECIPROCALS.get(token.lower_)
        if first is None or not any(c.lower_ == first for c in token.children) and \
                token.nbor(-1).lower_ != first:
            continue
        owner = next((a for a in token.ancestors if syntax.is_verb(a)), None)
        if owner == verb:
            return True
    return False


def _more_subjects(verb, subject) -> list:
    """Further subjects the parser hung beside ``subject`` on the verb that has it.

    "Lions, tigers, and Gondor welcomed", "Kenya, Ethiopia agree to ..." (a second
    ``nsubj``); "Putin, Xi sign deal" (a name before the subject left as ``dep``).
    """
    if subject is None or subject.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    holder = subject.head
    return [c for c in holder.children if c != subject and c.pos_ != "PRON" and (
        c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "dep" and c.pos_ == "PROPN"
                                             and c.i < subject.i))]


def _purposes(verb) -> list:
    """Words of the verb's purpose clauses: "signed an accord to supply Gondor" is with
    Gondor when the accord itself names no one."""
    return [t for c in verb.children if c.dep_ == "advcl" and syntax.is_infinitive(c)
            for t in c.subtree]


def _purposed(verb) -> list:
    """For a purpose clause, the words of the act it is the purpose of: "summoned the
    envoy to protest the attack" protests to the envoy."""
    if verb.dep_ not in {"advcl", "xcomp"} or not syntax.is_infinitive(verb):
        return []
    return [t for t in syntax.clause_of(verb.head).post if not verb.is_ancestor(t)
            and t != verb]


def _counterparts(sources: list[Actor], targets: list[Actor]) -> tuple[list, list]:
    """"Met his Russian counterpart": the counterpart takes the other side's office."""
    first_source = next((a for a in sources if a.coded), None)
    first_target = next((a for a in targets if a.coded), None)
    return ([as_counterpart(a, first_target) for a in sources],
            [as_counterpart(a, first_source) for a in targets])


def _own_clause(tokens: list, verb) -> list:
    """``tokens`` without relative clauses: "policies, which some in Washington
    criticised" does not make "some in Washington" a participant of the main verb."""
    relatives = [t for t in tokens if t.dep_ == "relcl"]
    return [t for t in tokens
            if not any(r == t or r.is_ancestor(t) for r in relatives)]


def _first_actor(tokens, actors: ActorDictionary, day, skip: set,
                 avoid: frozenset[str] = frozenset()) -> list[Actor]:
    """The actors of the first noun phrase in ``tokens`` that names one.

    A place the verb happens at ("arrested students in Moscow"), a thing an actor only
    qualifies ("discussed Mexico's policies") and a role named as a topic ("an
    agreement on border security") count only when nothing else does, and are marked
    as background (a coordinated subject then acts on itself: "Arnor and Gondor met in
    Bree"). Unnamed forces or arms the source moves ("sent troops to Mali", "fired
    artillery shells at Bree") give way to where they go. Actors in a clause that
    describes a noun count only when nothing else does.
    Actors coded like the other participant (``avoid``) do not count: an actor does
    not act on itself ("Albania denounced ... Albanian unrest").
    """
    seen: set = set()
    fallback: list[Actor] = []
    named: list[Actor] = []
    moved: list[Actor] = []
    modifiers = {t.i for t in tokens if t.dep_ in {"acl", "relcl"}}
    for token in tokens:
        if token.pos_ not in NOUN_POS or token in skip:
            continue
        head = syntax.noun_head(token)
        if head in seen or head in skip:
            continue
        seen.add(head)
        resolved = resolve_pronoun(head, actors, day, skip)
        # words of a phrase already read are no phrase of their own ("positions in Iraq")
        seen.update(t for a in resolved for t in a.tokens)
        # a role that only qualifies a thing ("the path of a migrant", "15 per cent of
        # customers") is nobody's target; a named owner may be ("Mexico's policies")
        found = [a for a in resolved if a.coded and a.code not in avoid
                 and not (a.weak and role_only(a))]
        if not found:
            if not named and _named_actor(head, resolved):
                named = [a for a in resolved if a.head == head][:1]
            continue
        if moved:
            if syntax.is_destination(head):
                return found
            continue
        if not fallback and _moved_forces(head, found):
            moved = found
        elif _background(head, found) or _in_modifier(head, modifiers):
            fallback = fallback or [replace(a, background=True) for a in found]
        else:
            return found
    # a person or body named but in no dictionary ("arrested Jane Roe") is the target
    # when nothing coded is; the article's entities give it a country
    return moved or named or fallback


def _named_actor(head, resolved: list[Actor]) -> bool:
    """``head`` names a person or an organisation the parser recognised."""
    return head.pos_ == "PROPN" and head.ent_type_ in NAMED_TYPES and bool(resolved) and \
        not syntax.is_locative(head)


def _in_modifier(head, modifiers: set[int]) -> bool:
    """``head`` lies in a clause that describes a noun ("a migrant [trying to return to
    the US]", "Sweden's bid [to join NATO]"): it says who the noun is, not whom the
    verb reaches."""
    return any(a.i in modifiers for a in head.ancestors)


def _background(head, found: list[Actor]) -> bool:
    """A place, an owner of a thing, or a role that is only a topic (see above)."""
    roles = all(role_only(a) for a in found)
    if syntax.is_locative(head):
        # "fired at protesters": people are no place
        return not (head.head.lower_ == "at" and roles)
    if all(a.weak for a in found):
        return True
    return roles and head.dep_ == "pobj" and head.head.lower_ in TOPIC_PREPS and \
        head.head.head.pos_ in {"NOUN", "PROPN"}


def _moved_forces(head, found: list[Actor]) -> bool:
    """Unnamed troops, police or their arms as the verb's object ("sent troops",
    "withdrew forces", "fired artillery shells")."""
    return head.dep_ == "dobj" and all(
        role_only(a) and a.code[3:6] in FORCES for a in found)


def resolve_pronoun(head, actors: ActorDictionary, day, exclude: set) -> list[Actor]:
    """:func:`resolve`, with a pronoun standing for the nearest actor before it.

    Only phrases earlier in the same sentence are candidates, and not those in
    ``exclude`` (the event's other participant): "wrote to the administration, urging
    it to act" -> "it" is the administration. A possessive pronoun lends its actor to
    a role ("Arnor said its troops ..." -> ARNMIL) or to a thing that acts ("its jets
    struck"), not to a thing acted on ("postponed their meeting").
    """
    found = resolve(head, actors, day)
    if head.lower_ in PRONOUNS and not any(a.coded for a in found):
        return _antecedent(head, actors, day, exclude) or found
    owner = next((c for c in head.children
                  if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
    if owner is None or any(a.country or has_actor(a) for a in found):
        return found
    if not any(a.code for a in found) and head.dep_ not in {"nsubj", "nsubjpass"}:
        return found  # "postponed their meeting": a thing of theirs, no actor
    antecedent = _owner_of(owner, actors, day)
    if not antecedent:
        return found
    agents = next((a.code[3:] for a in found if a.code), "")
    weak = any(a.weak and a.code for a in found)  # "his visit" stays a thing
    return [_owned(a, head, agents, weak) for a in antecedent]


def _owner_of(pronoun, actors: ActorDictionary, day) -> list[Actor]:
    """Whom a possessive pronoun stands for: the subject of its clause when named
    before it ("Arnor said its troops", "arrived on his first visit"), else the
    nearest actor before it."""
    verb = next((a for a in pronoun.ancestors if syntax.is_verb(a)), None)
    subject = syntax.subject_of(verb)[0] if verb is not None else None
    while subject is not None and subject.i > pronoun.i and verb.head.i != verb.i:
        verb = verb.head  # a complement's subject comes after: try its governor's
        subject = syntax.subject_of(verb)[0]
    if subject is not None and subject.i < pronoun.i:
        coded = [a for a in resolve(subject, actors, day) if a.coded and not a.weak]
        if coded:
            return coded
    return _antecedent(pronoun, actors, day, set())


def _antecedent(pronoun, actors: ActorDictionary, day, exclude: set) -> list[Actor]:
    """The coded actors of the nearest phrase before ``pronoun`` (see :func:`resolve_pronoun`)."""
    sentence = pronoun.sent
    for token in reversed(list(sentence)[: pronoun.i - sentence.start]):
        if token.pos_ not in {"NOUN", "PROPN"} or token in exclude:
            continue
        candidate = syntax.noun_head(token)
        if candidate in exclude or candidate.i >= pronoun.i:
            continue
        coded = [a for a in resolve(candidate, actors, day) if a.coded and not a.weak]
        if coded:
            return coded
    return []


def _owned(owner: Actor, head, agents: str, weak: bool) -> Actor:
    """The actor of "its troops": the owner's code with the phrase's own agents."""
    code = combine_codes(owner.code, agents) if owner.code else None
    country, sector = split_code(code)
    tokens = syntax.np_tokens(head)
    return Actor(owner.name, head, code, country or owner.country, sector, tokens, weak)
