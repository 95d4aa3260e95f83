"""Who a quotation's speaker is: canonical entity names, pronouns and descriptions.

A speaker phrase that is a named entity takes the entity's canonical name ("Mr
Blinken" -> "Antony Blinken"). A pronoun resolves to the most recent compatible
mention before it, preferring the subject of a clause (the usual antecedent of a
subject pronoun): "he"/"she" to a person of that gender or of unknown gender,
"it"/"they" to the last speaker that is not a person. A definite description resolves
when the article ties it to a name: "the mayor" to the person introduced as "Mayor Doug
McCallum", "the company" to the last organisation named, "the Civic Action study" to
Civic Action (``speaker_nouns.tsv``). Anything else stays as written ("the letter").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.language.entities import entity_at
from dateline.language.quotes_genders import gender_votes
from dateline.language.quotes_lexicon import lexicon, normalise_name
from dateline.language.quotes_parse import appositive_of, coordinated, phrase_span
from dateline.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.language.segments import Segment

PERSONAL = {"he": "m", "she": "f"}
NONPERSONAL = frozenset({"it", "they"})
#: Entity types that can speak; a law or a date in subject position stays as written.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group"}
#: Dependents of a person's name that give the role it is introduced with.
TITLE_DEPS = frozenset({"compound", "amod", "appos", "nmod"})
#: Determiners of a definite description ("the mayor", "this company").
DEFINITE = frozenset({"the", "this", "that"})
#: Clause roles that make a mention the preferred antecedent of a subject pronoun.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many person mentions back a pronoun looks for a subject before it settles for
#: the nearest compatible mention (a paragraph or two of news text).
SUBJECT_WINDOW = 6

#: Position of a character in the article: (segment number, character offset).
Key = tuple[int, int]


@dataclass(slots=True)
class Named:
    """A resolved speaker: the name to report, its entity, and what kind of thing it is."""

    name: str
    entity: Entity | None = None
    kind: str = "thing"  # person | org | place | group | thing
    head: Token | None = field(default=None, repr=False)


@dataclass(slots=True)
class Mention:
    """One mention of a named entity outside quotation marks."""

    key: Key
    name: str
    entity: Entity | None
    kind: str
    root: Token | None

    @property
    def subject(self) -> bool:
        return self.root is not None and self.root.dep_ in SUBJECT_DEPS


class SpeakerResolver:
    """Names speakers of one article; built once per call of the stage."""

    def __init__(self, segments: list[Segment], entities: list[Entity],
                 quoted: dict[int, list[tuple[int, int]]]) -> None:
        self.segments = segments
        self.entities = entities
        self.order = {(s.part, s.index): n for n, s in enumerate(segments)}
        self.quoted = quoted
        self.mentions = self._mentions()
        self.people = [m for m in self.mentions if m.kind == "person"]
        self.keys = [m.key for m in self.people]
        self.full_names = self._full_names()
        self.gender = gender_votes(segments, self.people, self._inside_quote)
        self.titles = self._titles()

    # ---- mentions -------------------------------------------------------------------

    def _inside_quote(self, order: int, start: int) -> bool:
        return any(s <= start < e for s, e in self.quoted.get(order, ()))

    def _mentions(self) -> list[Mention]:
        found: dict[Key, Mention] = {}
        for entity in self.entities:
            kind = KIND_OF_TYPE.get(entity.type)
            for mention in entity.mentions if kind else ():
                order = self.order.get((mention.where.part, mention.where.index))
                if order is not None:
                    self._add(found, order, mention.where.start, mention.where.end,
                              entity.name, entity, kind)
        # Names the entity stage did not keep still help to resolve pronouns.
        for order, segment in enumerate(self.segments):
            for ent in segment.doc.ents if segment.doc is not None else ():
                kind = KIND_OF_TYPE.get(ent.label_)
                if kind and (order, ent.start_char) not in found:
                    self._add(found, order, ent.start_char, ent.end_char, ent.text, None, kind)
        return sorted(found.values(), key=lambda m: m.key)

    def _add(self, found: dict[Key, Mention], order: int, start: int, end: int, name: str,
             entity: Entity | None, kind: str) -> None:
        if self._inside_quote(order, start):
            return
        doc = self.segments[order].doc
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        found[(order, start)] = Mention((order, start), name, entity, kind,
                                        span.root if span is not None else None)

    def _full_names(self) -> dict[str, Mention]:
        """Surname -> the fullest name ending in it: a person's first, then any name of
        two or three capitalised words (the tagger sometimes takes a person for a place).
        """
        names: dict[str, Mention] = {}
        firsts: dict[str, set[str]] = {}
        for mention in sorted(self.mentions, key=lambda m: (m.kind == "person",
                                                             len(m.name.split()))):
            words = mention.name.split()
            if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                names[words[-1].lower()] = mention
                if mention.kind == "person":
                    firsts.setdefault(words[0].lower(), set()).add(mention.name)
        # A first name alone ("Jayme said") names the one person of that first name.
        by_name = {m.name: m for m in self.people}
        for first, full in firsts.items():
            if len(full) == 1 and first not in names:
                names[first] = by_name[next(iter(full))]
        return names

    def note(self, key: Key, named: Named) -> None:
        """Count a speaker that is a person as a mention, for later pronouns."""
        if named.kind != "person" or any(m.key == key for m in self.people):
            return
        n = bisect.bisect_left(self.keys, key)
        self.keys.insert(n, key)
        self.people.insert(n, Mention(key, named.name, named.entity, "person", named.head))

    def _titles(self) -> dict[str, set[str]]:
        """Role words each person is introduced with ("Mayor Doug McCallum": mayor)."""
        titles: dict[str, set[str]] = {}
        for mention in self.people:
            words = titles.setdefault(mention.name, set())
            if mention.entity is not None and mention.entity.role:
                words.update(mention.entity.role.lower().split())
            root = mention.root
            if root is None:
                continue
            for child in root.children:
                if child.dep_ in TITLE_DEPS and child.pos_ == "NOUN":
                    words.add(child.lemma_.lower())
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                words.add(root.head.lemma_.lower())
        return titles

    # ---- naming ---------------------------------------------------------------------

    def name(self, segment: Segment, head: Token, key: Key, floor: int = 0) -> Named | None:
        """The speaker named by ``head`` (a subject token); None for an agency."""
        if coordinated(head):
            start, end = phrase_span(head, floor)
            return Named(segment.text[start:end], None, "group", head)
        named = self._entity_name(segment, head)
        if named is None:
            appos = appositive_of(head)
            named = self._entity_name(segment, appos) if appos is not None else None
            if named is not None and named.kind != "person":
                named = None
        if named is None and head.pos_ == "NOUN":
            named = self._description(segment, head, key)
        if named is None:
            named = self._as_written(segment, head, floor)
        if normalise_name(named.name) in lexicon().agencies:
            return None
        return named

    def _as_written(self, segment: Segment, head: Token, floor: int) -> Named:
        """The speaker phrase as written; a proper name the tagger missed is taken for a
        person (companies and bodies are the names it rarely misses)."""
        start, end = phrase_span(head, floor)
        text = segment.text[start:end]
        if head.pos_ == "PROPN" and 1 <= len(text.split()) <= 3:
            return self._as_person(Named(text, None, "person", head))
        kind = "group" if head.tag_ in ("NNS", "NNPS") else "thing"
        return Named(text, None, kind, head)

    def _entity_name(self, segment: Segment, token: Token) -> Named | None:
        where = segment.where(token.idx, token.idx + len(token.text))
        entity = entity_at(self.entities, where)
        if entity is not None and entity.type in SPEAKER_TYPES:
            return self._as_person(Named(entity.name, entity, KIND_OF_TYPE[entity.type], token))
        if token.ent_type_ in SPEAKER_TYPES:
            for ent in token.doc.ents:
                if ent.start <= token.i < ent.end:
                    named = Named(ent.text, None, KIND_OF_TYPE[ent.label_], token)
                    return self._as_person(named)
        return None

    def _as_person(self, named: Named) -> Named:
        """A speaker named by surname alone takes the full name the article gives
        ("Nunes said" beside "Amanda Nunes"): news style names people in full once."""
        words = named.name.split()
        if len(words) != 1 and not (len(words) == 2 and words[0].lower().rstrip(".") in
                                    ("mr", "mrs", "ms", "dr", "miss")):
            return named
        full = self.full_names.get(words[-1].lower())
        if full is None or full.name == named.name:
            return named
        if full.kind != "person" and named.head is not None and named.head.ent_type_ == "GPE":
            return named  # "Canada said" is the country, not "Statistics Canada"
        return Named(full.name, full.entity, "person", named.head)

    def _description(self, segment: Segment, head: Token, key: Key) -> Named | None:
        """A common-noun speaker tied to a name: an author, an organisation, a role."""
        noun_class = lexicon().speaker_nouns.get(head.lemma_.lower())
        if noun_class == "document":
            return self._author(segment, head)
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        if noun_class in ("org", "place"):
            return self._last_named(key, noun_class, head)
        if head.tag_ == "NN":
            return self._role_holder(key, head)
        return None

    def _author(self, segment: Segment, head: Token) -> Named | None:
        """Who a document speaks for: "Foster's book", "a statement by Jane Doe"."""
        for child in head.children:
            if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
                return self._entity_name(segment, child)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return self._entity_name(segment, grandchild)
        return None

    def _last_named(self, key: Key, kinds: str | tuple[str, ...],
                    head: Token | None) -> Named | None:
        """The last organisation (or place, or group) named before ``key``."""
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        for n in range(bisect.bisect_left(self.mentions, key, key=lambda m: m.key) - 1, -1, -1):
            mention = self.mentions[n]
            if mention.kind in kinds:
                return Named(mention.name, mention.entity, mention.kind, head)
        return None

    def _role_holder(self, key: Key, head: Token) -> Named | None:
        """The person last introduced with the role noun ``head`` ("the mayor")."""
        role = head.lemma_.lower()
        for n in range(bisect.bisect_left(self.keys, key) - 1, -1, -1):
            mention = self.people[n]
            if role in self.titles.get(mention.name, ()):
                return Named(mention.name, mention.entity, "person", head)
        return None

    def subject_between(self, since: Key, key: Key) -> Named | None:
        """The last person who is the subject of a clause between ``since`` and ``key``."""
        for n in range(bisect.bisect_left(self.keys, key) - 1, -1, -1):
            mention = self.people[n]
            if mention.key < since:
                return None
            if mention.subject:
                return Named(mention.name, mention.entity, "person")
        return None

    # ---- pronouns -------------------------------------------------------------------

    def pronoun(self, key: Key, pronoun: str, recent: list[Named]) -> Named | None:
        """The referent of a pronoun speaker at ``key``."""
        word = pronoun.lower()
        if word in PERSONAL:
            return self._person_before(key, PERSONAL[word])
        if word in NONPERSONAL:
            wanted = ("org", "place", "thing") if word == "it" else ("org", "group")
            for named in reversed(recent):
                if named.kind in wanted:
                    return named
            return self._last_named(key, wanted[:2], None)
        return None

    def _person_before(self, key: Key, gender: str) -> Named | None:
        """The most recent compatible person before ``key``: among the last few people
        named, the subject of a main clause first, then any subject, then the nearest."""
        start = bisect.bisect_left(self.keys, key) - 1
        best, best_rank = None, 0
        for n in range(start, max(-1, start - SUBJECT_WINDOW), -1):
            mention = self.people[n]
            if self.gender.get(mention.name, gender) != gender:
                continue
            rank = 1 + mention.subject + (mention.subject and mention.root.head.dep_ == "ROOT")
            if rank > best_rank:
                best, best_rank = mention, rank
            if rank == 3:
                break
        return Named(best.name, best.entity, "person") if best else None


def is_pronoun(token: Token) -> bool:
    """True for a personal pronoun a speaker can be ("he", "she", "it", "they")."""
    return token.lower_ in PERSONAL or token.lower_ in NONPERSONAL
