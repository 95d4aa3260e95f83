"""Who a quotation's speaker is: canonical entity names, pronouns and descriptions.

A speaker phrase that is a named entity takes the entity's canonical name ("Mr
Blinken" -> "Antony Blinken"; "the United Nations" -> "United Nations", the issue's
contract: a named speaker is given by its canonical entity name). "He"/"she" go to the
most salient person of a compatible gender (:mod:`quotes_salience`), "they" to the plural
subject just before it, else to the last group or organisation that spoke, "it" to the
last organisation or thing that spoke. A description resolves when the article ties it
to a name (:mod:`quotes_descriptions`): "the mayor" to the person introduced as "Mayor
Doug McCallum", "the parole board" to the Parole Board of Canada, "the company" to the
organisation in view, "the report" to its author. Anything else stays as written ("the
letter"). Captions left in the body are no antecedents (:mod:`quotes_captions`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.entities.find import entities_by_segment, entity_at
from dateline.quotes.captions import caption_like
from dateline.quotes.descriptions import (
    DEFINITE,
    DescriptionMixin,
    Document,
    is_age,
)
from dateline.quotes.genders import gender_votes
from dateline.quotes.lexicon import lexicon, normalise_name
from dateline.quotes.parse import appositive_of, coordinated, phrase_span
from dateline.quotes.salience import (
    PRONOUN_GENDERS,
    Key,
    Mention,
    Named,
    People,
    Sentences,
)
from dateline.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.parse.segments import Segment

PERSONAL = {"he": "m", "she": "f"}
NONPERSONAL = frozenset({"it", "they"})
#: A third-person pronoun that refers to a person ("he", "her", "himself").
_PRONOUN = re.compile(r"\b(?:" + "|".join(PRONOUN_GENDERS) + r")\b", re.IGNORECASE)
#: An indefinite description ("A hockey coach says") names the person given its title
#: at most this many sentences later.
INTRODUCTION_SENTENCES = 3
#: "They" looks for a plural subject in its own sentence and this many before it.
PLURAL_SENTENCES = 1
#: Entity types that can speak, and the kind of speaker each is; a law or a date in
#: subject position stays as written.
KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group"}
SPEAKER_TYPES = frozenset(KIND_OF_TYPE)
#: Dependents of a person's name that give the role it is introduced with.
TITLE_DEPS = frozenset({"compound", "amod", "appos", "nmod"})


class SpeakerResolver(DescriptionMixin):
    """Names speakers of one article; built once per call of the stage."""

    def __init__(self, segments: list[Segment], entities: list[Entity],
                 quoted: dict[int, list[tuple[int, int]]]) -> None:
        self.segments = segments
        self.entities = entities
        self.original: dict[int, Entity] = {}  # a segment's copy -> the entity
        self.entities_at = entities_by_segment(entities, self.original)
        self.order = {(s.part, s.index): n for n, s in enumerate(segments)}
        self.sentences = Sentences(segments)
        self.captions = self._captions()
        self.quoted = quoted
        self.mentions = self._mentions()
        self.mention_keys = [m.key for m in self.mentions]
        self.bodies: list[tuple[Key, int, Named]] = []
        self._documents: list[Document] | None = None
        names = [m for m in self.mentions if m.kind == "person"]
        pronouns = self._pronouns()
        self.gender = gender_votes(segments, names, pronouns)
        self.people = People(names, pronouns, self.gender)
        self.full_names = self._full_names()
        self.titles = self._titles()

    @property
    def documents(self) -> list[Document]:
        """The documents the article ties to an author (found on first use)."""
        if self._documents is None:
            self._documents = self._find_documents()
        return self._documents

    # ---- mentions -------------------------------------------------------------------

    def _inside_quote(self, order: int, start: int) -> bool:
        return any(s <= start < e for s, e in self.quoted.get(order, ()))

    def _in_caption(self, order: int, start: int) -> bool:
        return any(s <= start < e for s, e in self.captions[order])

    def _captions(self) -> list[list[tuple[int, int]]]:
        """Character ranges of each segment that are captions (a caption segment, or a
        caption paragraph left in a body)."""
        ranges = []
        for segment in self.segments:
            if segment.part == "caption":
                ranges.append([(0, len(segment.text))])
                continue
            ranges.append([m.span() for m in re.finditer(r"[^\n]+", segment.text)
                           if caption_like(m.group())])
        return ranges

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
                                        span.root if span is not None else None, end,
                                        self.sentences.index((order, start)),
                                        caption=self._in_caption(order, start))

    def _pronouns(self) -> list[tuple[Mention, str]]:
        """Every "he", "his", "she", "her"... outside quotation marks and captions,
        unresolved (found in the text first: walking every token costs more)."""
        found = []
        for order, segment in enumerate(self.segments):
            doc = segment.doc
            for match in _PRONOUN.finditer(segment.text) if doc is not None else ():
                span = doc.char_span(match.start(), match.end())
                if span is None or len(span) != 1 or span[0].pos_ != "PRON":
                    continue
                token, key = span[0], (order, match.start())
                if self._inside_quote(*key) or self._in_caption(*key):
                    continue
                found.append((Mention(key, "", None, "person", token, match.end(),
                                      self.sentences.index(key)),
                              PRONOUN_GENDERS[token.lower_]))
        return found

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
        """Count a speaker that is a person as a salient mention, for later pronouns;
        keep the others for later descriptions ("the group")."""
        if named.kind in ("org", "group") and not self._in_caption(*key):
            self.bodies.append((key, self.sentences.index(key), named))
        if named.kind != "person":
            return
        listed = self.people.covering(key)
        if listed is not None:
            listed.speaker = True  # the speaker is a name (or pronoun) already listed
            return
        end = key[1] + len(named.head.text) if named.head is not None else key[1]
        mention = Mention(key, named.name, named.entity, "person", named.head, end,
                          self.sentences.index(key), speaker=True)
        self.people.add(mention)

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
        if named is None and (head.pos_ == "NOUN" or is_age(head)):
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
        local = entity_at(self.entities_at.get((where.part, where.index), []), where)
        entity = self.original[id(local)] if local is not None else None
        if entity is not None and entity.type in SPEAKER_TYPES:
            kind = KIND_OF_TYPE[entity.type]
            return self._as_person(Named(entity.name, entity,
                                         kind, token))
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
            return self._document_speaker(segment, head, key)
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return self._introduced(key, head) if head.tag_ == "NN" else None
        if noun_class in ("org", "body", "place"):
            return self._body(key, head, noun_class)
        if head.tag_ == "NN" or is_age(head):
            return self._person_description(key, head)
        return None

    def _introduced(self, key: Key, head: Token) -> Named | None:
        """The person an indefinite description introduces before naming them, in the
        next sentences ("A Vancouver hockey coach says ... Coach Stephen Gillis ..."),
        when the article gives that person the description's title."""
        role = head.lemma_.lower()
        sentence = self.sentences.index(key)
        for mention in self.people:
            if mention.key > key and mention.sentence - sentence <= INTRODUCTION_SENTENCES \
                    and role in self.titles.get(mention.name, ()):
                return mention.named(head)
        return None

    def subject_between(self, since: Key, key: Key) -> Named | None:
        """The last person who is the subject of a clause between ``since`` and ``key``."""
        for mention in self.people.before(key):
            if mention.key < since:
                return None
            if mention.subject:
                return mention.named()
        return None

    # ---- pronouns -------------------------------------------------------------------

    def pronoun(self, key: Key, pronoun: str, recent: list[Named]) -> Named | None:
        """The referent of a pronoun speaker at ``key``."""
        word = pronoun.lower()
        if word in PERSONAL:
            return self._person_before(key, PERSONAL[word])
        if word == "they":
            named = self._plural_subject(key)
            if named is not None:
                return named
        if word in NONPERSONAL:
            wanted = ("org", "place", "thing") if word == "it" else ("org", "group")
            for named in reversed(recent):
                if named.kind in wanted:
                    return named
            return self._last_named(key, wanted[:2], None)
        return None

    def _plural_subject(self, key: Key) -> Named | None:
        """What "they" stands for: the nearest plural subject before ``key`` in its
        sentence or the one before ("Several executives have warned ... They say",
        "Republican senators are eager ..., and they say")."""
        sentence = self.sentences.index(key)
        for order, token in self._tokens_before(key):
            if sentence - self.sentences.index((order, token.idx)) > PLURAL_SENTENCES:
                return None
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") \
                    and not self._inside_quote(order, token.idx) \
                    and not self._in_caption(order, token.idx):
                return self.name(self.segments[order], token, (order, token.idx))
        return None

    def _tokens_before(self, key: Key):
        """``(segment number, token)`` before ``key``, nearest first, over segments."""
        order, offset = key
        for number in range(order, -1, -1):
            doc = self.segments[number].doc
            if doc is None:
                continue
            for token in reversed(doc):
                if number < order or token.idx < offset:
                    yield number, token

    def _person_before(self, key: Key, gender: str) -> Named | None:
        """The most salient person of a compatible gender before ``key``."""
        best = self.people.resolve(key, self.sentences.index(key), gender)
        return best.named() if best else None


def is_pronoun(token: Token) -> bool:
    """True for a personal pronoun a speaker can be ("he", "she", "it", "they")."""
    return token.lower_ in PERSONAL or token.lower_ in NONPERSONAL
