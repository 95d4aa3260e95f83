"""The doer of a passive act that news leaves unnamed because only one kind of actor does it.

"He was arrested a block away", "the man was convicted and sentenced to life", "150
migrants were deported": no ``by`` phrase names who acted, but an arrest is made by
the police, a conviction or a sentence handed down by a court, a deportation carried
out by the government. The CAMEO coding guidelines of the whole-article gold keep such
a passive act with its inferred source (a court for a sentencing), and so does this
module, for the few verbs whose doer is an institution by definition:

- a coordinated passive verb shares its governor's ``by`` phrase first: "was caught by
  police and deported" is a deportation by the police;
- otherwise the verb's institution is the source: arrest and detention (police, ``COP``),
  conviction, sentencing, jailing and indictment (a court, ``JUD``), deportation and
  extradition (the government, ``GOV``). The actor has no country
  (``---COP``); in an article the country comes from the context like any state role.

An arrest by "officers", "agents" or "detectives" (roles the dictionaries leave
uncoded, since officers also serve armies and firms) is an arrest by the police
(:func:`doer_by_role`).

A verb whose object is a person named but not coded ("police arrested Tom Smith",
"the president assailed Jane Doe") takes that person as its target
(:func:`named_object`): the dictionaries code office holders, not the people news
arrests, sues or criticises; in an article the entity stage may give them a country.

Verbs that other actors do as well ("was held", "was caught", "was released", "was
expelled from the party") get no inferred doer.
"""

from __future__ import annotations

from dateline.events import syntax
from dateline.events.actors import Actor, ActorDictionary, resolve
from dateline.events.coreference import is_personal

#: Verb lemmas whose unnamed doer is an institution: (agent code, name for the record).
INSTITUTION_OF = {
    "arrest": ("---COP", "police"),
    "detain": ("---COP", "police"),
    "apprehend": ("---COP", "police"),
    "handcuff": ("---COP", "police"),
    "rearrest": ("---COP", "police"),
    "convict": ("---JUD", "court"),
    "sentence": ("---JUD", "court"),
    "jail": ("---JUD", "court"),
    "imprison": ("---JUD", "court"),
    "indict": ("---JUD", "court"),
    "deport": ("---GOV", "government"),
    "extradite": ("---GOV", "government"),
}


def shared_agent(verb, actors: ActorDictionary, day: str | None) -> list[Actor]:
    """The ``by`` phrase of the passive verb that ``verb`` is coordinated with ("was
    caught by police and deported"), resolved to actors; [] when there is none."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return []  # "... was rescued by police was released": a clause of its own
    agent = syntax.agent_of(verb.head)
    if agent is None or not syntax.is_passive(verb.head):
        return []
    return resolve(agent, actors, day)


#: Verbs that are a detention only when a person undergoes them without a doer
#: named and nothing else is said of them ("he was held there", "prisoners held
#: without charge"); "talks were held", "was held responsible" are no detention.
DETAINING = frozenset({"hold"})
#: Dependents by which a verb of :data:`DETAINING` says something else than keeping
#: someone: an object, a predicate ("held responsible", "held to be").
NOT_DETAINED = frozenset({"dobj", "acomp", "oprd", "xcomp", "attr", "ccomp", "dative"})


def detention_frame(verb) -> bool:
    """``verb`` of :data:`DETAINING`, passive (or a bare participle after its noun:
    "the sailors were held there"), with no ``by`` phrase and no object or predicate."""
    if verb.lemma_.lower() not in DETAINING or syntax.agent_of(verb) is not None:
        return False
    passive = syntax.subject_of(verb)[1]
    return passive and not any(c.dep_ in NOT_DETAINED for c in verb.children)


def implied_source(verb, code: str | None = None) -> Actor | None:
    """The institution that does ``verb`` by definition (module docs), or None; a
    detention (``code`` 17x of a verb of :data:`DETAINING`) is the police's."""
    found = INSTITUTION_OF.get(verb.lemma_.lower())
    if found is None and verb.lemma_.lower() in DETAINING and (code or "")[:2] == "17":
        found = ("---COP", "police")
    if found is None:
        return None
    code, name = found
    return Actor(name=name, head=verb, code=code, sector=code[3:], tokens=[])


def unnamed_doer(verb, actors: ActorDictionary, day: str | None,
                 code: str | None = None) -> tuple[list[Actor], str]:
    """The source of a passive ``verb`` (coded ``code``) without a ``by`` phrase of its
    own, and a note saying how it was found; ([], "") when the sentence does not tell."""
    shared = [a for a in shared_agent(verb, actors, day) if a.coded or a.proper]
    if shared:
        return shared, "source from a coordinated passive's by phrase"
    implied = implied_source(verb, code)
    if implied is not None:
        return [implied], "source implied by the passive verb"
    return [], ""


#: Entity types of a name that is no person or body: places, nationalities, things.
NOT_ACTOR_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT",
                             "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME"})


def named_object(verb) -> list[Actor]:
    """The direct object of ``verb`` when it is a person's name the dictionaries do
    not code (module docs); [] otherwise.

    The name must be a person the parser recognised, except after a verb whose object
    is a person by definition (:data:`INSTITUTION_OF`: one arrests, convicts or
    deports people), where any name that is no place or thing will do: "officers
    arrested Quarle" though the parser did not take "Quarle" for a person.
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:  # "found [him guilty]": the subject of the object's predicate
        obj = next((g for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"
                    for g in c.children if g.dep_ == "nsubj"), None)
    if obj is not None and is_personal(obj):
        # "police arrested him": the article says who he is (coreference)
        return [Actor(name=obj.text, head=obj, code=None, tokens=[obj])]
    if obj is None or obj.pos_ != "PROPN":
        return []
    if obj.ent_type_ != "PERSON" and (verb.lemma_.lower() not in INSTITUTION_OF
                                      or obj.ent_type_ in NOT_ACTOR_TYPES):
        return []
    tokens = [t for t in obj.subtree if t.ent_type_ == obj.ent_type_ or t == obj]
    name = " ".join(t.text for t in tokens)
    return [Actor(name=name, head=obj, code=None, tokens=tokens)]


#: Role nouns that, as the doer of an arrest or a detention, are the police.
ARRESTING_ROLES = frozenset({"officer", "agent", "detective", "trooper", "investigator",
                             "deputy", "marshal", "constable"})


def doer_by_role(verb, sources: list[Actor]) -> list[Actor]:
    """``sources`` with an uncoded role of :data:`ARRESTING_ROLES` doing an act of the
    police (arrest, detention) coded as the police; the others unchanged."""
    found = INSTITUTION_OF.get(verb.lemma_.lower())
    if found is None or found[0] != "---COP":
        return sources
    out = []
    for actor in sources:
        if actor.code is None and actor.head.lemma_.lower() in ARRESTING_ROLES:
            actor = Actor(name=actor.name, head=actor.head, code=found[0], sector="COP",
                          tokens=actor.tokens)
        out.append(actor)
    return out
