"""Actors: noun phrases of a parse coded with CAMEO actor and agent codes.

An actor code is a country or organisation code (``USA``, ``IGOUNO``, ``NGO``) followed
by agent codes (``USAGOV``, ``MEXCOP``), or agent codes alone (``---JUD``) when the
phrase names a role but no country. The codes come from dictionaries in the PETRARCH
formats (:mod:`dateline.events.dictionaries`): dateline ships the Phoenix dictionaries
as compact tables, and :meth:`ActorDictionary.extend` adds a user's own files.

A noun phrase is resolved by scanning its words for the longest dictionary phrases,
actors first, then agents: "Mexican police" -> ``MEX`` + ``~COP`` = ``MEXCOP``;
"MSF Arnor diplomat" -> ``NGO~`` + ``ARN`` + ``~GOV`` = ``NGOARNGOV``. Coordinated
phrases give one actor each ("Arnor and Gondor"), and a role without a country borrows
the countries of the phrase it is coordinated with ("lawmakers and officials in Arnor").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dateline.entities.roles import names_a_topic
from dateline.events.dictionaries import (
    ActorEntry,
    AgentEntry,
    open_text,
    read_actor_table,
    read_actors,
    read_agent_table,
    read_agents,
    shipped_text,
)
from dateline.resident import resident

NULL_ACTOR = "---"

#: Dependency labels of a noun's modifiers that belong to its actor phrase.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "case", "det",
                           "npadvmod", "quantmod", "prep", "pobj", "appos", "flat"})
#: Prepositions whose object qualifies the noun's actor ("soldiers from Gondor", "the
#: government of Arnor", "lawmakers in Fornost", "workers at the port of Pelargir");
#: other prepositions ("ties with X") introduce a different participant.
ACTOR_PREPS = frozenset({"of", "from", "in", "at"})
#: Roles that speak for someone else, whose ``for`` phrase names the actor: "a
#: spokeswoman for the UN" speaks for the UN (the role itself has no agent code).
SPEAKING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen",
                            "spokeswomen", "spokespeople", "spokespersons"})
#: Nouns of quantity or membership that stand before the actor they count: "hundreds
#: of farmers" are farmers, "members of the opposition" the opposition.
QUANTITY_NOUNS = frozenset({
    "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores",
    "million", "millions", "ten", "tens", "group", "crowd", "number", "handful", "couple",
    "majority", "member", "some", "many", "several", "most", "all", "few", "one", "two",
    "three", "none", "each", "both",
})


#: Nouns of places that are only where something happens: "the Mexican city of
#: Tijuana", "the U.S.-Mexico border", "a camp near Bree". Such a phrase locates, it
#: does not act ("the country", "the capital", "the headquarters of X" may stand for a
#: government or a body and are not listed).
PLACE_NOUNS = frozenset({
    "city", "town", "village", "border", "region", "area", "district", "province",
    "territory", "settlement", "camp", "prison", "jail", "street", "neighborhood",
    "neighbourhood", "port", "suburb", "outskirts", "hometown", "county", "island",
    "valley", "desert", "coast", "crossing", "path", "route", "road", "highway",
})


@dataclass(slots=True)
class Hit:
    """A dictionary phrase found over tokens ``start``..``end`` (exclusive) of a list."""

    start: int
    end: int
    code: str | None
    agent: bool = False
    before: bool = False


@dataclass(slots=True)
class Actor:
    """A coded participant: the phrase, its head token and its CAMEO actor code.

    ``weak``: the phrase names a thing the actor only owns or locates ("Eriador's death
    toll"); ``background``: it was taken as a target only because nothing else was
    named (a place, a topic), so two doers may rather act on each other.
    """

    name: str
    head: object
    code: str | None
    country: str | None = None
    sector: str | None = None
    tokens: list = field(default_factory=list)
    weak: bool = False
    shared: str | None = None
    background: bool = False

    @property
    def coded(self) -> bool:
        return self.code is not None

    @property
    def proper(self) -> bool:
        """The phrase is a name (an entity may code it when the dictionaries do not)."""
        return self.head.pos_ == "PROPN"


def _index(entries: Iterable) -> dict[str, list]:
    index: dict[str, list] = {}
    for entry in entries:
        index.setdefault(entry.phrase[0], []).append(entry)
    for bucket in index.values():
        bucket.sort(key=lambda e: -len(e.phrase))
    return index


def distinct_named(a: Actor, b: Actor) -> bool:
    """Two actors with one code are still two parties when their phrases differ, neither
    is a reflexive pronoun and the code names more than a country ("the Gondor
    president criticised Senator Hurin", "the ambassador called the president"):
    CAMEO codes such events; the same phrase again or "himself" is the actor itself."""
    for actor in (a, b):
        if actor.head.lower_.endswith(("self", "selves")):
            return False
    if not (a.code and len(a.code) > 3):
        # a bare country twice ("Russia ... Moscow") is one state, not two parties
        return False
    if a.head.i == b.head.i or {t.i for t in a.tokens} & {t.i for t in b.tokens}:
        return False
    return _bare(a.name) != _bare(b.name)


def _bare(name: str) -> str:
    """A phrase without case and a leading article, to compare two actors' names."""
    words = name.lower().split()
    return " ".join(words[1:] if words and words[0] in {"the", "a", "an"} else words)


class ActorDictionary:
    """Actor and agent phrases indexed for longest-match scanning over tokens."""

    def __init__(self, actors: Iterable[ActorEntry] = (),
                 agents: Iterable[AgentEntry] = ()) -> None:
        self.actors = list(actors)
        self.agents = list(agents)
        self._actors = _index(self.actors)
        self._agents = _index(self.agents)

    @classmethod
    def default(cls) -> ActorDictionary:
        """The shipped Phoenix dictionaries (country, international, non-state actors)."""
        return _default()

    @classmethod
    def from_files(cls, actor_files: Sequence[Path] = (), agent_files: Sequence[Path] = (),
                   include_default: bool = False) -> ActorDictionary:
        """Dictionaries read from PETRARCH-format files, optionally over the shipped ones."""
        base = _default() if include_default else cls()
        return base.extend(actor_files, agent_files)

    def extend(self, actor_files: Sequence[Path] = (),
               agent_files: Sequence[Path] = ()) -> ActorDictionary:
        """A new dictionary with these files' entries added (theirs win on equal phrases)."""
        actors = [e for path in actor_files for e in read_actors(open_text(Path(path)))]
        agents = [e for path in agent_files for e in read_agents(open_text(Path(path)))]
        return ActorDictionary(actors + self.actors, agents + self.agents)

    # ------------------------------------------------------------ scanning

    def scan(self, tokens: Sequence, date: str | None = None) -> list[Hit]:
        """Longest actor phrases, then agent phrases among the rest, left to right."""
        hits: list[Hit] = []
        taken = [False] * len(tokens)
        for i in range(len(tokens)):
            if taken[i] or not _capitalised(tokens[i]):
                continue
            entry, n = self._longest(self._actors, tokens, i)
            if entry is not None:
                code = entry.code_on(date)
                if code in _countries() and _inside_name(tokens[i], tokens[i + n - 1]):
                    continue  # "Jordan" Whitfield, Ann "Murray"-Hale: a name, no place
                hits.append(Hit(i, i + n, None if code == NULL_ACTOR else code))
                taken[i:i + n] = [True] * n
        for i in range(len(tokens)):
            if taken[i]:
                continue
            entry, n = self._longest(self._agents, tokens, i)
            if entry is not None and not any(taken[i:i + n]):
                if entry.code:  # a phrase listed without a code is a role of no sector
                    hits.append(Hit(i, i + n, entry.code, agent=True, before=entry.before))
                taken[i:i + n] = [True] * n
        hits.sort(key=lambda h: h.start)
        return hits

    @staticmethod
    def _longest(index: dict[str, list], tokens: Sequence, i: int):
        for key in _keys(tokens[i]):
            for entry in index.get(key, ()):
                n = len(entry.phrase)
                if i + n <= len(tokens) and _phrase_at(entry.phrase, tokens, i):
                    return entry, n
        return None, 0


def _keys(token) -> tuple[str, ...]:
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lemma == lower:
        lemma = _singular(token) or lower
    return (lower,) if lemma == lower else (lower, lemma)


def _singular(token) -> str | None:
    """The singular of a plural proper noun the lemmatizer leaves as it is: the tagger
    takes "the Ukrainians" for a name (NNPS), whose lemma is "Ukrainians"; the
    dictionaries list the people by their singular ("UKRAINIAN")."""
    lower = token.lower_
    if token.tag_ != "NNPS" or not lower.endswith("s") or lower.endswith("ss"):
        return None
    return lower[:-1]


def _phrase_at(phrase: tuple[str, ...], tokens: Sequence, i: int) -> bool:
    last = len(phrase) - 1
    for k, word in enumerate(phrase):
        token = tokens[i + k]
        if k and token.i != tokens[i + k - 1].i + 1:
            return False
        if token.lower_ == word:
            continue
        # the last word may be inflected: "officials" for OFFICIAL, "polices" no
        if k == last and token.pos_ in {"NOUN", "PROPN"} and \
                word in (token.lemma_.lower(), _singular(token)):
            continue
        return False
    return True


def _inside_name(first, last) -> bool:
    """Tokens ``first`` to ``last`` are part of a longer person's name (spaCy PERSON)."""
    doc = last.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return first.ent_type_ == "PERSON" and (
        first.ent_iob_ == "I" or (after is not None and after.ent_iob_ == "I"
                                  and after.ent_type_ == "PERSON"))


def _capitalised(token) -> bool:
    """Actor names are proper: a lower-case "american" is not the United States."""
    first = token.text[:1]
    return first.isupper() or (not first.isalpha() and token.text[1:2].isupper())


@lru_cache(maxsize=1)
def _default() -> ActorDictionary:
    with resident():
        actors = read_actor_table(shipped_text("actors.tsv.gz"))
        actors = read_actor_table(shipped_text("local_actors.tsv")) + actors
        agents = read_agent_table(shipped_text("local_agents.tsv"))
        agents += read_agent_table(shipped_text("agents.tsv"))
        return ActorDictionary(actors, agents)


# ---------------------------------------------------------------- codes

@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    # CAMEO country codes that are not ISO 3166 alpha-3
    codes |= {"KSV", "PSE", "SCG", "YUG", "USR", "CSK", "GMW", "GME", "TMP", "ROM", "ZAR"}
    return frozenset(codes)


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """``USAGOV`` -> ("USA", "GOV"); ``IGOUNO`` -> (None, "IGO"); ``---JUD`` -> (None, "JUD")."""
    if not code:
        return None, None
    head, rest = code[:3], code[3:6] or None
    if head == NULL_ACTOR:
        return None, rest
    if head in _countries():
        return head, rest
    return None, head


def _same_body(code: str, agent: str) -> bool:
    """"UN officials" are the organisation itself (IGOUNO), "militants of the Islamic
    State" the armed group (IMGMUSISI): the agent adds nothing to such a code."""
    return (agent == "GOV" and code.startswith("IGO")) or \
        (agent == "UAF" and code.startswith("IMG"))


def combine(country: str | None, agents: Sequence[Hit]) -> str | None:
    """A country/organisation code with its agents: before-agents first, then the rest.

    An agent already in the code is not repeated (``USAGOV`` + ``~GOV`` stays ``USAGOV``),
    and an organisation's officials or an armed group's fighters are the organisation
    (``IGOUNO``, ``IMGMUSISI``).
    """
    if country is None and not agents:
        return None
    code = country or ""
    groups = {code[k:k + 3] for k in range(0, len(code), 3)}
    prefix = ""
    for agent in agents:
        for k in range(0, len(agent.code), 3):  # "GOVMED" is two agent codes
            part = agent.code[k:k + 3]
            if part in groups or _same_body(code, part):
                continue
            groups.add(part)
            if agent.before:
                prefix += part
            else:
                code += part
    if country is None and not prefix:
        return NULL_ACTOR + code
    return prefix + code


# ---------------------------------------------------------------- noun phrases

def phrase_tokens(head) -> list:
    """The head noun with the modifiers that qualify its actor, in text order.

    Coordinated nouns, relative and participial clauses are left out (they are other
    actors or other events); prepositional phrases count only for ``of``/``from``/``in``.
    """
    out = [head]
    stack = [c for c in head.children if _keeps(c)]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if _keeps(c, inner=True))
    return sorted((t for t in out if t == head or not in_dateline(t)), key=lambda t: t.i)


def _keeps(child, inner: bool = False) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in ACTOR_PREPS or (
            child.lower_ == "for" and child.head.lower_ in SPEAKING_ROLES)
    if child.dep_ in {"conj", "cc"} and inner:
        return True  # "the ambassadors of Arnor, Osgiliath and Gondor"
    return child.dep_ in MODIFIER_DEPS


def conjuncts(head) -> list:
    """``head`` and the nouns coordinated with it ("Arnor, Rohan and Bree")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}:
            out.extend(conjuncts(child))
    return out


#: Words that end a dateline: "LONDON (AP) —", "NEW DELHI:", "(CNN)".
DATELINE_ENDS = frozenset({"—", "–", "-", "--", ":"})
#: A dateline has at most this many words.
DATELINE_WORDS = 8


def dateline_end(doc) -> int:
    """Index of the first token after a dateline that opens ``doc`` (0 when none).

    A dateline is a place in capitals (with its state or country after a comma) and an
    agency in brackets, ended by a dash or a colon, or a bracketed agency alone:
    "LONDON (AP) —", "HANOI, Vietnam (AP) —", "NEW DELHI:", "(CNN)". It
    says where the story was filed and who filed it; its words act in no event.
    """
    cached = doc.user_data.get("dateline_end")
    if cached is not None:
        return cached
    end = 0
    depth = 0
    comma = False
    for token in doc[:DATELINE_WORDS + 1]:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
            if token.i + 1 < len(doc) and doc[token.i + 1].text not in DATELINE_ENDS and \
                    doc[0].text == "(":
                end = token.i + 1  # "(CNN) President ...": the agency alone
                break
        elif token.text in DATELINE_ENDS and not depth and token.i:
            if token.text in {"-", "--"} and doc[token.i - 1].text != ")":
                break  # "EU - Turkey talks": a hyphen ends a dateline only after "(AP)"
            end = token.i + 1
            break
        elif token.text == "," and not depth:
            comma = True
        elif token.is_alpha and not depth and not token.is_upper and not (
                comma and token.is_title and doc[0].is_upper):
            break  # "HANOI, Vietnam (AP) —": after the capitals, a state or country
        elif token.is_alpha and depth and token.i - doc[0].i > DATELINE_WORDS:
            break
    doc.user_data["dateline_end"] = end
    return end


def in_dateline(token) -> bool:
    """``token`` is a word of the dateline that opens its paragraph."""
    return token.i < dateline_end(token.doc)


def resolve(head, dictionary: ActorDictionary, date: str | None = None) -> list[Actor]:
    """The actors a noun phrase headed by ``head`` names, one per coordinated part.

    Parts without a code stay in the list (``code`` None) so the caller sees the phrase.
    A dateline's words name no actor (:func:`dateline_end`).
    """
    if in_dateline(head):
        # the parser may hang the real phrase on the dateline: "HANOI (AP) — Secretary
        # Esper accused" has Esper in apposition to HANOI
        end = dateline_end(head.doc)
        after = [t for t in head.subtree if t.i >= end and t.head.i < end]
        return resolve(after[0], dictionary, date) if after else []
    parts = [_resolve_single(c, dictionary, date) for c in conjuncts(head)]
    donors = next((p for p in parts if any(has_actor(a) for a in p)), None)
    out: list[Actor] = []
    for part in parts:
        # a name ("the Rapid Support Forces") is its own actor, not a role to complete
        if donors is not None and all(role_only(a) and not a.proper for a in part):
            part = _borrow(part, donors)
        out.extend(part)
    return out


def role_only(actor: Actor) -> bool:
    """An actor named by a role alone ("officials"): its code starts with ``---``."""
    return bool(actor.code) and actor.code.startswith(NULL_ACTOR)


def has_actor(actor: Actor) -> bool:
    """An actor with a country or organisation code (not ``---`` alone)."""
    return bool(actor.code) and not actor.code.startswith(NULL_ACTOR)


def core_noun(head):
    """The noun a phrase is about: ``head``, or what a quantity head counts.

    "Hundreds of farmers" -> farmers; "members of the opposition" -> opposition.
    """
    for _ in range(3):
        if head.lemma_.lower() not in QUANTITY_NOUNS and head.pos_ != "NUM":
            break
        inner = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if inner is None:
            break
        head = inner
    return head


def _resolve_single(head, dictionary: ActorDictionary, date: str | None) -> list[Actor]:
    tokens = phrase_tokens(head)
    hits = dictionary.scan(tokens, date)
    agents = [h for h in hits if h.agent]
    # "a Ukraine specialist" knows Ukraine; the phrase does not name the actor's country
    countries = [h for h in hits if not h.agent and h.code
                 and not names_a_topic(tokens[h.end - 1])]
    name = _name(tokens)
    core = core_noun(head)
    at = tokens.index(core) if core in tokens else tokens.index(head)
    # "Eriador's death toll", "an attack in Ithilen": the actor only qualifies a thing;
    # "the Mexican city of Tijuana", "the border": a place, where others act
    weak = core.pos_ == "NOUN" and (is_place_noun(core) or (
        not any(h.start <= at < h.end for h in hits) and all(
            _owner(tokens[h.start], core) for h in hits if not h.agent)))
    if not countries:
        code = combine(None, agents)
        country, sector = split_code(code)
        return [Actor(name, head, code, country, sector, tokens, weak)]
    modifiers = [h for h in agents if not h.start <= at < h.end]
    out = []
    for hit in _coordinated(countries, tokens, agents):
        for part in (hit.code or "").split("/"):
            code = combine(part, agents)
            country, sector = split_code(code)
            out.append(Actor(name, head, code, country, sector, tokens, weak,
                             shared=combine(part, modifiers)))
    return out


def is_place_noun(token) -> bool:
    """A common noun of a place that only locates (:data:`PLACE_NOUNS`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS


def _owner(token, head) -> bool:
    """``token`` sits in a possessive or a prepositional phrase of ``head``.

    "Mexico's" in "Mexico's policies", "Ithilen" in "an attack in Ithilen"; not a
    modifier of the noun itself ("Russian students").
    """
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ == "from":
            return False  # "negotiators from Gondor": where people come from, not a thing
        if token.dep_ == "pobj" and token.head.lower_ == "for" and \
                token.head.head.lower_ in SPEAKING_ROLES:
            return False  # "a spokesman for the ministry" speaks for it
        if token.dep_ in {"poss", "pobj"}:
            return True
        token = token.head
    return False


def _coordinated(hits: list[Hit], tokens: Sequence, agents: Sequence[Hit] = ()) -> list[Hit]:
    """The first actor of a phrase and those coordinated with it.

    "The ambassadors of Arnor, Osgiliath and Gondor" names three; "Ithilen's minister
    Calimehtar" names one, by its first actor (the dictionary also knows the man).
    """
    kept = [hits[0]]
    for hit in hits[1:]:
        deps = {t.dep_ for t in tokens[hit.start:hit.end]}
        same = next((k for k in kept if (hit.code or "")[:3] == (k.code or "")[:3]), None)
        if "conj" in deps:
            kept.append(hit)
        elif "appos" in deps and same is None and not _names_role(hit, tokens, agents):
            # "Arnor, Gondor": a list the parser read as an apposition; "Biden, the US
            # president" names one country twice and stays one actor
            kept.append(hit)
        elif same is None and _heads_a_list(hit, kept, tokens):
            # "Arnor, Calenardhon and the awful Gondor" parsed with the first names as
            # an ``nmod`` of the last: a list whose last member is the head
            kept.append(hit)
        elif same is not None and hit.code and same.code and len(hit.code) > 3:
            # "Chinese President Xi Jinping": the person's code (CHNGOV) says more
            # about the same country (CHN)
            same.code = combine_codes(same.code, hit.code[3:])
    return kept


def _heads_a_list(hit: Hit, kept: list[Hit], tokens: Sequence) -> bool:
    """A first actor of the phrase hangs as ``nmod`` on a word of ``hit``."""
    words = {tokens[i].i for i in range(hit.start, hit.end)}
    return any(t.dep_ == "nmod" and t.head.i in words
               for k in kept for t in tokens[k.start:k.end])


def _names_role(hit: Hit, tokens: Sequence, agents: Sequence[Hit]) -> bool:
    """The hit names who holds a role (an agent noun) it is in apposition to ("Ithilen's
    minister Calimehtar": the minister of Ithilen, whatever country the dictionary
    gives the man), not a further actor of a list ("Arnor, Gondor") nor someone beside
    a word that is no role ("Belarus's ally, Putin").
    """
    roles = {tokens[i].i for a in agents for i in range(a.start, a.end)}
    return any(t.dep_ == "appos" and t.head.i in roles for t in tokens[hit.start:hit.end])


def _borrow(part: list[Actor], donors: list[Actor]) -> list[Actor]:
    """Give a role-only actor the actor codes of a coordinated phrase.

    "Lawmakers and officials in Arnor": officials -> ARN + GOV. What the donor shares
    is its code without the agents of its own head noun ("Danish Islamist media and
    government" -> DNKMUS + GOV).
    """
    out = []
    for actor in part:
        agent = (actor.code or "").removeprefix(NULL_ACTOR)
        for donor in donors:
            if has_actor(donor):
                code = combine_codes(donor.shared or donor.code, agent)
                country, sector = split_code(code)
                out.append(Actor(actor.name, actor.head, code, country, sector,
                                 actor.tokens, actor.weak))
    return out or part


COUNTERPARTS = frozenset({"counterpart", "counterparts"})


def as_counterpart(actor: Actor, other: Actor | None) -> Actor:
    """"His Russian counterpart" holds, in Russia, the office of ``other``.

    ``other`` is the event's other participant ("Chinese President Xi" -> CHNGOV): the
    counterpart takes its agent codes after its own country (RUS -> RUSGOV). A
    counterpart without a country stays as it is.
    """
    if actor.head.lemma_.lower() not in COUNTERPARTS or other is None or not other.code:
        return actor
    country, _ = split_code(actor.code)
    other_country, _ = split_code(other.code)
    if country is None or other_country is None or len(other.code) <= 3:
        return actor
    code = combine_codes(actor.code or country, other.code[3:])
    return Actor(actor.name, actor.head, code, country, split_code(code)[1], actor.tokens,
                 actor.weak, actor.shared)


def combine_codes(code: str, agents: str) -> str:
    """``code`` followed by the three-letter agent codes of ``agents`` it lacks."""
    groups = {code[k:k + 3] for k in range(0, len(code), 3)}
    for k in range(0, len(agents), 3):
        agent = agents[k:k + 3]
        if agent not in groups:
            code += agent
            groups.add(agent)
    return code


def _name(tokens: Sequence) -> str:
    """The phrase as written, from its first to its last kept token ("a federal judge")."""
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text
