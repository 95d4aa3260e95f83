"""What an article adds to a coded sentence: dates, places and entity names.

- **date**: a time expression governs an event when its phrase hangs from the event's
  verb (the nearest verb above it in the parse), or lies within the verb's clause or
  between its subject and the verb ("a judge on Thursday blocking ..."). Its calendar
  date (:func:`dateline.time.find.date_of`) is the event's date; otherwise the
  publication date, with ``date_from_text`` False.
- **place**: a place mentioned in the event's sentence (one under the verb first),
  else the article's main place when it has one (a dateline, or a place that
  dominates the article: :func:`dateline.places.find.main_place`, called by the
  coder), else none.
- **names**: an actor whose phrase holds an entity mention takes the entity's canonical
  name, and its country and sector when the dictionaries found none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from dateline.entities.find import dominant_of, foreign_countries, home_country
from dateline.entities.roles import RoleFact, names_a_topic, person_role
from dateline.events import codebook
from dateline.events.actors import NULL_ACTOR, Actor, core_noun, is_place_noun, split_code
from dateline.events.dictionaries import read_discards, shipped_text
from dateline.events.syntax import LOCATIVE_PREPS, is_locative
from dateline.parse.segments import Segment
from dateline.records import Entity, Event, Place, TimeExpr, Where
from dateline.time.find import date_of

#: Agent codes of the state: a role named without a country ("a federal judge", "the
#: police") belongs to the article's country. Civilians, refugees, protesters do not:
#: the story is often about foreigners ("Central American mothers").
STATE_SECTORS = frozenset({"GOV", "JUD", "COP", "MIL", "LEG", "SPY", "ELI", "PTY"})
#: Agent codes a role named without a country takes the article's country for: the
#: state's, and the people of the story (civilians, protesters, suspects, workers...)
#: unless the phrase names where they are from (see :func:`fill_actor`).
CONTEXT_SECTORS = STATE_SECTORS | frozenset({
    "CVL", "OPP", "CRM", "LAB", "EDU", "BUS", "MED", "HLH", "REL", "AGR", "HRI", "REB",
    "UAF", "PPL", "CHR"})
#: Entity types whose mentions say where a phrase's actor is from.
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: Entity types of named actors that take the article's country when none is known.
NAMED_ACTOR_TYPES = frozenset({"PERSON", "ORG"})


def _inside(where: Where | None, segment_where: Where) -> bool:
    return (where is not None and where.part == segment_where.part
            and where.index == segment_where.index
            and segment_where.start <= where.start and where.end <= segment_where.end)


def _span_root(doc, where: Where):
    span = doc.char_span(where.start, where.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _nearest_verb(token):
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token


def governs(root, verb, subject) -> bool:
    """Whether the phrase with head ``root`` dates the event of ``verb``."""
    if _nearest_verb(root) == verb:
        return True
    left = min((t.i for t in verb.subtree), default=verb.i)
    right = max((t.i for t in verb.subtree), default=verb.i)
    if subject is not None:
        left = min(left, subject.i)
    return left <= root.i <= right and not any(
        a.pos_ == "VERB" and a != verb and verb.is_ancestor(a) for a in root.ancestors)


def event_date(doc, sentence_where: Where, verb, subject,
               dates: list[TimeExpr]) -> str | None:
    """The calendar date of the time expression that governs the event, if any."""
    for timex in dates:
        if not _inside(timex.where, sentence_where):
            continue
        day = date_of(timex)
        if not day:
            continue
        root = _span_root(doc, timex.where)
        if root is not None and governs(root, verb, subject):
            return day
    return None


def event_place(doc, sentence_where: Where, verb, places: list[Place],
                actor_tokens: set) -> Place | None:
    """A resolved place of the event's own sentence, if any.

    A place inside an actor's phrase ("the US secretary", "Mexican police") says who,
    not where, and is passed over; a place under the event's verb comes first.
    """
    here = []
    for place in places:
        if place.lat is None or not _inside(place.where, sentence_where):
            continue
        root = _span_root(doc, place.where)
        if root is None or root.i in actor_tokens:
            continue
        if verb.is_ancestor(root):
            return place
        here.append(place)
    return here[0] if here else None


def share_places(events: list[Event], placed: list[bool], main: Place | None) -> None:
    """Give events without a place of their own one from a mention of the same event.

    A title and a paragraph often report one event, only one of them saying where:
    events of the same root between the same pair of countries share the place a
    sentence gave. What remains takes the article's main place.
    """
    known: dict[tuple, Place] = {}
    for event, own in zip(events, placed, strict=True):
        if own and event.place is not None:
            known.setdefault(_event_key(event), event.place)
    for event, own in zip(events, placed, strict=True):
        if not own:
            event.place = known.get(_event_key(event), main)


def _event_key(event: Event) -> tuple:
    pair = frozenset((event.source_country, event.target_country))
    return event.cameo_root, pair


#: Per named entity, (type, canonical name) -> the actor codes the dictionaries give its
#: mentions (None for a mention they do not code), in mention order.
MentionCodes = dict[tuple[str, str], list[str | None]]


def mention_codes(entities: list[Entity], segments: list[Segment], dictionary,
                  day: str | None = None) -> MentionCodes:
    """The actor codes of each person's and organisation's mentions (:data:`MentionCodes`)."""
    docs = {(s.part, s.index): s.doc for s in segments if s.doc is not None}
    if dictionary is None or not docs:
        return {}
    day = day.replace("-", "")[:8] if day else None
    return {(e.type, e.name): [_coded(m.where, docs, dictionary, day) for m in e.mentions]
            for e in entities if e.type in NAMED_ACTOR_TYPES}


def known_code(entity: Entity | None, codes: MentionCodes | None) -> str | None:
    """The code the dictionaries give one of the entity's mentions ("Dana Voss" for a
    later "Voss"), if any."""
    if entity is None or not codes:
        return None
    return next((c for c in codes.get((entity.type, entity.name), ()) if c), None)


def places_country(entities: list[Entity]) -> str | None:
    """The country the article's places and peoples are most in (named twice or more,
    with a third of the votes): where its people are ("protesters", "students").

    The people of a story are where it happens, while its institutions may be another
    country's (a story about Hong Kong quotes Beijing's officials): only mentions of
    places and peoples vote here, not the people and bodies the dictionaries code.
    """
    votes: Counter = Counter()
    for entity in entities:
        if entity.type in PLACE_TYPES and entity.country:
            votes[entity.country] += len(entity.mentions) or 1
    return dominant_of(votes, least=2)


def dominant_country(entities: list[Entity], segments: list[Segment] = (),
                     dictionary=None, day: str | None = None,
                     codes: MentionCodes | None = None) -> str | None:
    """The country the article's people, bodies and places most belong to.

    Used for a role named without a country ("a federal judge", "police"): news
    reports name the country of their own institutions once, if at all. Each mention
    of a place, a people or an organisation votes for its entity's country. A person
    or an organisation the actor dictionaries code (given ``segments`` and
    ``dictionary``) votes twice for the dictionaries' country: such names are the
    story's institutions ("the White House", "Antony Blinken"), while the country the
    entities stage gave a person without one written is itself a guess from the places
    (a story about the US inquiry into Ukraine names Ukraine most). A country must hold
    a third of the votes, and one written as the nationality of a person's national
    office is passed over for one never so written
    (:func:`~dateline.entities.find.home_country`). ``codes``: the
    :func:`mention_codes`, when the caller has them already.
    """
    docs = {(s.part, s.index): s.doc for s in segments if s.doc is not None}
    if codes is None:
        codes = mention_codes(entities, segments, dictionary, day)
    votes: Counter = Counter()
    roles: list[RoleFact | None] = []
    for entity in entities:
        if entity.type == "PERSON" and docs:
            roles.extend(_roles(entity, docs))
        if entity.type in NAMED_ACTOR_TYPES and dictionary is not None and docs:
            coded = [split_code(c)[0] for c in codes.get((entity.type, entity.name), ()) if c]
            if any(coded):
                votes.update({c: 2 for c in coded if c})
                continue
            if entity.type == "PERSON":
                continue  # no country written with the person: the guess does not vote
        if entity.country:
            votes[entity.country] += len(entity.mentions) or 1
    # a country must hold a third of the votes to be what the article is about; one
    # written as an office's nationality ("Ukrainian President") is foreign to it
    return home_country(votes, foreign_countries(roles))


def _roles(entity: Entity, docs: dict) -> Iterator[RoleFact | None]:
    """The role written with each mention of a person ("Ukrainian President")."""
    for mention in entity.mentions:
        span = _span_at(mention.where, docs)
        if span is not None and len(span):
            yield person_role(span.doc, span.start, span.end)


def _span_at(where: Where, docs: dict):
    """The tokens of the parsed segment at ``where`` (None when it was not parsed)."""
    doc = docs.get((where.part, where.index))
    return doc.char_span(where.start, where.end, alignment_mode="expand") if doc else None


def _coded(where: Where, docs: dict, dictionary, day: str | None) -> str | None:
    """The actor code the dictionaries give the words at ``where`` (``day``: YYYYMMDD)."""
    span = _span_at(where, docs)
    if span is None:
        return None
    for hit in dictionary.scan(list(span), day):
        if not hit.agent and hit.code:
            return hit.code
    return None


def _mentions_in(actor: Actor, entities: list[Entity], segment_where: Where):
    """(entity, is at the head) for each entity mention inside the actor's phrase."""
    if not actor.tokens:
        return
    start = min(t.idx for t in actor.tokens)
    end = max(t.idx + len(t.text) for t in actor.tokens)
    head_start, head_end = actor.head.idx, actor.head.idx + len(actor.head.text)
    for entity in entities:
        for mention in entity.mentions:
            at = mention.where
            if at.part != segment_where.part or at.index != segment_where.index:
                continue
            if at.start < start or at.end > end:
                continue
            yield entity, at.start <= head_start and head_end <= at.end


def entity_of(actor: Actor, entities: list[Entity],
              segment_where: Where) -> tuple[Entity | None, bool]:
    """The entity with a mention inside the actor's phrase, and whether it is the head."""
    best, best_score = None, 0
    for entity, at_head in _mentions_in(actor, entities, segment_where):
        score = 2 if at_head else 1
        if score > best_score:
            best, best_score = entity, score
    return best, best_score == 2


def _names_a_people(actor: Actor, entities: list[Entity], segment_where: Where) -> bool:
    """The phrase names a place or a people ("Central American mothers"): where its
    actor is from is written, even when no country code says it. A country an expert
    covers ("a Peru specialist") says nothing of where the expert is from."""
    words = {t.idx: t for t in actor.tokens}
    for entity, _ in _mentions_in(actor, entities, segment_where):
        if entity.type not in PLACE_TYPES:
            continue
        for mention in entity.mentions:
            token = words.get(mention.where.start)
            if token is not None and mention.where.part == segment_where.part and \
                    mention.where.index == segment_where.index and not names_a_topic(token):
                return True
    return False


def fill_actor(actor: Actor | None, entities: list[Entity], segment_where: Where,
               country: str | None, codes: MentionCodes | None = None,
               people: str | None = None) -> dict:
    """The record fields of an actor: name, country, sector and code.

    ``country`` is the article's (:func:`dominant_country`): a role named without one
    ("the police", "protesters", "six people") and a person or organisation the
    dictionaries and the entities give no country take it, as news reports name the
    country of their own people and institutions once, if at all. A phrase of people
    that names a place or a people ("Central American mothers") keeps what it says; a
    role of the state takes it still ("Democratic lawmakers"). People named by a role
    take ``people`` (:func:`places_country`) first, where given. A person or body the
    dictionaries code at another of its mentions (``codes``: "Dana Voss" for
    "Voss") takes that code first.
    """
    if actor is None:
        return {"name": None, "country": None, "sector": None, "code": None}
    entity, at_head = entity_of(actor, entities, segment_where)
    # "Mr Blinken" is Antony Blinken; "the Biden administration" stays a phrase
    name = entity.name if entity is not None and at_head else actor.name
    code, found_country, sector = actor.code, actor.country, actor.sector
    known = known_code(entity, codes) if found_country is None else None
    if known and code is None and at_head:
        code = known  # the name codes the whole actor
        found_country, sector = split_code(known)
    elif known and split_code(known)[0]:
        found_country = split_code(known)[0]  # "Trump's lawyer": the country only
    if found_country is None and entity is not None and entity.country:
        found_country = entity.country
        sector = sector or entity.sector
    unplaced = found_country is None and not _names_a_people(actor, entities, segment_where)
    if code and code.startswith(NULL_ACTOR):
        state = code[3:6] in STATE_SECTORS  # "Democratic lawmakers" are the state's still
        if found_country is None and (state or unplaced and code[3:6] in CONTEXT_SECTORS):
            # a role without a country: the article's; its people are where it happens
            found_country = country if state else people or country
        code = (found_country or "") + code[3:] or None
    elif code is None and unplaced and entity is not None and at_head and \
            entity.type in NAMED_ACTOR_TYPES:
        found_country = country  # a person or body of the story, country unstated
        sector = sector or entity.sector
        code = (found_country + (sector or "")) if found_country else None
    elif code is None and found_country:
        code = found_country + (sector or "")
    elif code and found_country is None:
        found_country = split_code(code)[0]
    return {"name": name or None, "country": found_country, "sector": sector, "code": code}


def is_location(actor: Actor) -> bool:
    """A phrase that only says where: a place noun ("the Mexican city of Tijuana", "the
    border") or a place the verb happens at that was taken for want of a participant
    ("visited the border near Laredo"). A place named bare ("Beijing demanded",
    "talks with Kabul") stands for its government and is an actor."""
    core = core_noun(actor.head)
    if actor.weak and is_place_noun(core):
        return True
    if actor.background and is_locative(actor.head):
        return True
    # "the border near Laredo", "a camp in Idlib": a place that locates a place
    prep = actor.head.head
    return actor.head.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and \
        is_place_noun(prep.head)


def _actor(actor: Actor | None) -> Actor | None:
    """The actor, or None when its phrase is only a location (:func:`is_location`)."""
    return None if actor is None or is_location(actor) else actor


def _jurisdiction(actor: dict) -> str | None:
    """The country of a police force taking part in an event: police act at home, so
    the people and bodies they act on or face, named without a country ("Hong Kong
    police besieged a university"), are of that country rather than the article's."""
    return actor["country"] if actor["sector"] == "COP" else None


def to_record(coded, segment: Segment, sentence, entities: list[Entity],
              dates: list[TimeExpr], places: list[Place], country: str | None,
              day: str | None, codes: MentionCodes | None = None,
              people: str | None = None) -> Event:
    """The :class:`~dateline.records.Event` of a coded event in its article.

    ``country``: the article's (:func:`dominant_country`); ``people``: where its people
    are (:func:`places_country`); ``codes``: :func:`mention_codes`.

    ``place`` is only a place of the event's own sentence here: :func:`share_places`
    fills the others.
    """
    where = segment.where(sentence.start_char, sentence.end_char)
    source = fill_actor(_actor(coded.source), entities, where, country, codes, people)
    police = _jurisdiction(source)
    target = fill_actor(_actor(coded.target), entities, where, police or country, codes,
                        police or people)
    if target["country"] and _jurisdiction(target) and police is None:
        # "students attacked Hong Kong police": the people the police face are local
        police = _jurisdiction(target)
        source = fill_actor(_actor(coded.source), entities, where, police, codes, police)
    subject = coded.source.head if coded.source else None
    date = event_date(segment.doc, where, coded.verb, subject, dates)
    # a place that is a participant's phrase says who; one the verb happens at, where
    actor_tokens = {t.i for a in (coded.source, coded.target)
                    if a and not is_locative(a.head) for t in a.tokens}
    # a caption restates the story in a few words: a little less evidence
    confidence = coded.confidence - (0.05 if segment.part == "caption" else 0.0)
    return Event(
        cameo=coded.code,
        cameo_root=codebook.root(coded.code),
        sentence=sentence.text,
        where=where,
        source=source["name"], source_country=source["country"],
        source_sector=source["sector"], source_code=source["code"],
        target=target["name"], target_country=target["country"],
        target_sector=target["sector"], target_code=target["code"],
        plover=codebook.plover(coded.code),
        quad_class=codebook.quad_class(coded.code),
        goldstein=codebook.goldstein(coded.code),
        date=date or day,
        date_from_text=date is not None,
        place=event_place(segment.doc, where, coded.verb, places, actor_tokens),
        from_caption=segment.part == "caption",
        mode=coded.mode,
        confidence=round(max(0.05, confidence), 2),
    )


# ---------------------------------------------------------------- discards

#: Discard phrases indexed by their first word.
Phrases = dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=1)
def _discards() -> tuple[Phrases, Phrases]:
    """The sentence-level and the story-level discard phrases (Phoenix's and ours)."""
    entries = [entry for name in ("discards.txt", "local_discards.txt")
               for entry in read_discards(shipped_text(name))]
    return (_by_first_word(d.phrase for d in entries if not d.story and not _bare_year(d.phrase)),
            _by_first_word(d.phrase for d in entries if d.story))


def _bare_year(phrase: tuple[str, ...]) -> bool:
    """A year alone ("1967"): Phoenix's list drops every sentence naming a past year as
    history, but news states past acts as facts ("seized the territories in 1967"),
    and CAMEO codes them; a year with a word of sport ("2014 competition") still
    discards."""
    return len(phrase) == 1 and phrase[0].isdigit()


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> Phrases:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


def _contains(words: list[str], phrases: Phrases) -> bool:
    """Whether one of ``phrases`` occurs in ``words`` (only the phrases that start with
    a word are tried where it stands: the list has some 500 phrases)."""
    for i, word in enumerate(words):
        for phrase in phrases.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return True
    return False


def is_discarded_sentence(sentence) -> bool:
    """A sentence about sport and the like (Phoenix's sentence-level discard list)."""
    return _contains([t.lower_ for t in sentence], _discards()[0])


def is_discarded_story(segments: list[Segment]) -> bool:
    """A story the discard list rules out as a whole (sports channels, typhoons, ...)."""
    phrases = _discards()[1]
    return any(segment.doc is not None and _contains([t.lower_ for t in segment.doc], phrases)
               for segment in segments)
