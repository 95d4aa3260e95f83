"""Personal pronouns that stand for a person named elsewhere in the article.

A sentence's own words resolve "it", "them", "its" (:mod:`dateline.events.participants`);
a personal pronoun often points further back. Two readings, both conservative:

- **I, we, me, us** inside a quotation are its speaker ("'We will not accept it,' the
  minister said"): the quotes stage resolved who speaks;
- **he, she, him, her** are the person named last before the pronoun, in its own
  paragraph or the one before ("Ana Duarte met the envoy. She urged him ...");
  only a person mention counts, never an organisation or a place.

The person is coded as an actor of the sentence that names it would be (the
dictionaries, else the entity's country and sector, else the article's country), so
an event "he" did is the person's event. A pronoun no one stands for keeps no actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.events.actors import ActorDictionary, resolve
from dateline.parse.segments import Segment
from dateline.records import Entity, Quote, Where

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
THIRD_PERSON = frozenset({"he", "she", "him", "her"})
PERSONAL = FIRST_PERSON | THIRD_PERSON
#: How many paragraphs back a third-person pronoun looks for its person.
PARAGRAPHS_BACK = 1
PART_ORDER = {"title": 0, "body": 1, "caption": 2}


def is_personal(token) -> bool:
    """A personal pronoun this module may resolve (not "it", "they")."""
    return token.pos_ == "PRON" and token.lower_ in PERSONAL


@dataclass(slots=True)
class PersonMention:
    entity: Entity
    where: Where
    segment: Segment

    @property
    def order(self) -> tuple[int, int, int]:
        return (PART_ORDER.get(self.where.part, 3), self.where.index, self.where.start)


class Antecedents:
    """The people an article names, in reading order, and its quotations' speakers."""

    def __init__(self, segments: list[Segment], entities: list[Entity],
                 quotes: list[Quote]) -> None:
        by_place = {(s.part, s.index): s for s in segments if s.doc is not None}
        self.people: list[PersonMention] = sorted(
            (PersonMention(e, m.where, by_place[(m.where.part, m.where.index)])
             for e in entities if e.type == "PERSON" for m in e.mentions
             if (m.where.part, m.where.index) in by_place),
            key=lambda p: p.order)
        self.quotes = quotes
        self.entities = entities

    def person_for(self, pronoun, segment: Segment) -> PersonMention | None:
        """The mention of the person ``pronoun`` (a token of ``segment``) stands for."""
        word = pronoun.lower_
        at = (PART_ORDER.get(segment.part, 3), segment.index, pronoun.idx)
        if word in FIRST_PERSON:
            return self._speaker(pronoun, segment)
        if word not in THIRD_PERSON or segment.part != "body":
            return None
        before = [p for p in self.people if p.order < at and p.where.part == "body"
                  and segment.index - p.where.index <= PARAGRAPHS_BACK]
        return before[-1] if before else None

    def _speaker(self, pronoun, segment: Segment) -> PersonMention | None:
        for quote in self.quotes:
            where = quote.where
            if (where.part, where.index) != (segment.part, segment.index):
                continue
            if not where.start <= pronoun.idx < where.end or not quote.speaker_entity:
                continue
            mentions = [p for p in self.people if p.entity.name == quote.speaker_entity]
            # the mention nearest the quotation: the speaker as named there
            here = [p for p in mentions if p.where.index == segment.index]
            return (here or mentions or [None])[0]
        return None

    def actor(self, person: PersonMention, dictionary: ActorDictionary, day: str | None):
        """The person as an actor of the sentence that names it (code may be None)."""
        doc = person.segment.doc
        span = doc.char_span(person.where.start, person.where.end, alignment_mode="expand")
        if span is None or not len(span):
            return None, None
        found = [a for a in resolve(span.root, dictionary, day) if a.code]
        return (found[0] if found else resolve(span.root, dictionary, day)[0]), \
            person.segment.where(span.sent.start_char, span.sent.end_char)


def fill_pronouns(record, coded, segment: Segment, antecedents: Antecedents,
                  dictionary: ActorDictionary, entities: list[Entity],
                  country: str | None, day: str | None, codes=None) -> bool:
    """Give a record's personal-pronoun source and target the person they stand for
    (``codes``: the article's :func:`~dateline.events.context.mention_codes`).

    Returns False when the source is such a pronoun and no coded person stands for it
    (the event has no actor then), or when the target is one and the event needs it.
    """
    from dateline.events.context import fill_actor

    for side, actor in (("source", coded.source), ("target", coded.target)):
        if actor is None or getattr(record, f"{side}_code") or not is_personal(actor.head):
            continue
        person = antecedents.person_for(actor.head, segment)
        found, where = antecedents.actor(person, dictionary, day) if person else (None, None)
        fields = fill_actor(found, entities, where, country, codes) if found is not None \
            else None
        if not fields or not fields["code"]:
            if side == "source" or record.cameo_root not in SOURCE_ONLY_ROOTS:
                return False
            record.target = None
            continue
        setattr(record, side, fields["name"])
        setattr(record, f"{side}_country", fields["country"])
        setattr(record, f"{side}_sector", fields["sector"])
        setattr(record, f"{side}_code", fields["code"])
    return True


#: Roots of events that need no target (as the coder's).
SOURCE_ONLY_ROOTS = frozenset({"01", "14", "15", "18", "19", "20"})
