"""Speakers named by a description: "the company", "the mayor", "the report".

A description stands for a name the article gives elsewhere:

- an organisation noun ("the railway", "the parole board") names the organisation
  whose name holds that noun ("Canadian Pacific Railway", "Parole Board of Canada"),
  the nearest one before, else the first one after; a generic noun ("the company",
  "the group") with no such name names the most salient organisation before it;
- a place noun ("the city") names the last place named;
- a role noun ("the mayor", "the WHL commissioner") names the person the article gives
  that title ("Mayor Doug McCallum", "commissioner Ron Robison"), before or after;
- a document ("the report", "her statement") speaks for its author: one written with
  it ("the Civic Action study", "a report by the railway company", "a study released
  by Civic Action", "her statement"), else the author of the last document the article
  tied to one ("CP Rail said in a report ...; the report said ...").

The class is a mixin of :class:`~dateline.quotes.speakers.SpeakerResolver`,
which provides the mentions, people and naming methods used here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.entities.tables import singular, tables
from dateline.quotes.lexicon import lexicon
from dateline.quotes.salience import DECAY, WINDOW, Key, Mention, Named

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.parse.segments import Segment

#: A description without a title names the person the article is about only when that
#: person was mentioned this recently (in sentences).
RECENT_SENTENCES = 2
#: An unnamed person introduced by the same noun this recently (in sentences) is what a
#: description refers to, rather than the person in view.
UNNAMED_WINDOW = 6
#: Endings of agent nouns that denote people ("brawler", "defenceman", "economist").
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
#: Units of an age written as a noun ("the 47-year-old", "the six-month-old").
AGE_UNITS = frozenset({"year", "month", "week", "day"})
#: Nouns for a body of people, which "the group" may also name when it spoke as such.
GROUP_NOUNS = frozenset({"group", "coalition", "alliance", "campaign", "organization",
                         "organisation"})
#: An organisation quoted this recently (in sentences) is what "the company" refers to.
RECENT_SPEAKER_SENTENCES = 4
#: Determiners of a definite description ("the mayor", "this company").
DEFINITE = frozenset({"the", "this", "that"})
#: Verbs whose subject is the author of their document object ("the PBO released a
#: report", "prosecutors filed a complaint").
AUTHORING_LEMMAS = frozenset({
    "release", "issue", "publish", "file", "send", "post", "write", "submit", "prepare",
    "produce", "present", "table", "author", "commission", "launch", "email", "e-mail",
    "tweet", "sign", "deliver",
})
#: Dependents of a document noun that name its author ("Foster's book", "the RCMP
#: statement", "her statement").
AUTHOR_DEPS = frozenset({"poss", "compound"})
#: Entity types of words before a document noun that are not its author ("an August
#: report").
NOT_AUTHORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC"})
#: The subject form of a possessive pronoun ("her statement" -> "she").
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: Noun classes of ``speaker_nouns.tsv`` that name an organisation.
ORG_CLASSES = frozenset({"org", "body"})


@dataclass(slots=True)
class Document:
    """A document the article names, with the token naming its author."""

    key: Key
    lemma: str
    segment: Segment
    author: Token


class DescriptionMixin:
    """Resolution of descriptions, for the speaker resolver."""

    # ---- organisations and places ----------------------------------------------------

    def _body(self, key: Key, head: Token, noun_class: str) -> Named | None:
        """The organisation (or place) a definite description names."""
        kinds = ("place", "org") if noun_class == "place" else ("org",)
        nouns = {singular(head.lower_)}
        nouns.update(singular(c.lower_) for c in head.children
                     if c.dep_ == "compound" and c.pos_ == "NOUN")
        named = self._named_with(key, kinds, nouns, head)
        if named is None and noun_class == "place":
            return self._last_named(key, kinds, head)
        if named is None and noun_class == "org":
            return self._body_that_spoke(key, head) or self._salient_body(key, head)
        return named

    def _body_that_spoke(self, key: Key, head: Token) -> Named | None:
        """The organisation (for "the group", also the group of people) quoted last, when
        it spoke in the last few sentences: "Rights leaders wrote a letter ... The group
        states that ..." """
        kinds = ("org", "group") if head.lemma_.lower() in GROUP_NOUNS else ("org",)
        sentence = self.sentences.index(key)
        for spoken, spoken_sentence, named in reversed(self.bodies):
            if spoken < key and sentence - spoken_sentence <= RECENT_SPEAKER_SENTENCES:
                if named.kind in kinds:
                    return Named(named.name, named.entity, named.kind, head)
        return None

    def _named_with(self, key: Key, kinds: tuple[str, ...], nouns: set[str],
                    head: Token) -> Named | None:
        """The mention whose name holds the most of the description's ``nouns`` ("the
        railway company": Canadian Pacific Railway), the nearest before ``key`` first,
        else the first after it."""
        best, best_rank = None, None
        for mention in self.mentions:
            if mention.kind not in kinds:
                continue
            shared = len(nouns & {singular(w.lower()) for w in mention.name.split()})
            if not shared:
                continue
            before = mention.key < key
            rank = (shared, before,
                    mention.key if before else (-mention.key[0], -mention.key[1]))
            if best_rank is None or rank > best_rank:
                best, best_rank = mention, rank
        return best.named(head) if best is not None else None

    def _salient_body(self, key: Key, head: Token) -> Named | None:
        """The most salient organisation before ``key`` (mentions weighed by recency)."""
        sentence = self.sentences.index(key)
        scores: dict[str, float] = {}
        latest: dict[str, Mention] = {}
        for n in range(self._mention_index(key) - 1, -1, -1):
            mention = self.mentions[n]
            distance = sentence - mention.sentence
            if distance > WINDOW:
                break
            if mention.kind != "org" or mention.caption:
                continue
            scores[mention.name] = scores.get(mention.name, 0.0) + \
                mention.points() * DECAY ** distance
            latest.setdefault(mention.name, mention)
        if not scores:
            return None
        return latest[max(scores, key=scores.__getitem__)].named(head)

    def _last_named(self, key: Key, kinds: str | tuple[str, ...],
                    head: Token | None) -> Named | None:
        """The last organisation (or place, or group) named before ``key``."""
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        for n in range(self._mention_index(key) - 1, -1, -1):
            mention = self.mentions[n]
            if mention.kind in kinds and not mention.caption:
                return mention.named(head)
        return None

    def _mention_index(self, key: Key) -> int:
        return bisect.bisect_left(self.mention_keys, key)

    # ---- people ---------------------------------------------------------------------

    def _person_description(self, key: Key, head: Token) -> Named | None:
        """The person a definite description names: the one given that title, else
        the person the last sentences are about, when the noun denotes a person and the
        article has not introduced someone else by it ("a judge ruled ... the judge")."""
        named = self._role_holder(key, head)
        if named is not None or not person_noun(head) or _specific(head) or \
                self._unnamed_before(key, head):
            return named
        best = self.people.salient(key, self.sentences.index(key), RECENT_SENTENCES)
        return best.named(head) if best is not None else None

    def _unnamed_before(self, key: Key, head: Token) -> bool:
        """True when the noun of ``head`` was used before ``key`` for someone unnamed
        ("A Superior Court judge ruled ...", later "the judge said")."""
        lemma = head.lemma_.lower()
        sentence = self.sentences.index(key)
        for order, segment in enumerate(self.segments[:key[0] + 1]):
            for token in self._tokens_from(order, segment, sentence - UNNAMED_WINDOW):
                if (order, token.idx) >= key:
                    break
                if token.lemma_.lower() == lemma and token.pos_ == "NOUN" and \
                        not _names_someone(token) and \
                        sentence - self.sentences.index((order, token.idx)) <= UNNAMED_WINDOW:
                    return True
        return False

    def _tokens_from(self, order: int, segment, first: int):
        """The tokens of segment ``order`` from article sentence number ``first`` on:
        earlier ones are outside any window, and reading every token before each quote
        grows with a long article's length squared."""
        if segment.doc is None:
            return ()
        sentences = self.sentences
        local = first - sentences.base[order]
        if local <= 0:
            return segment.doc
        if local >= len(sentences.starts[order]):
            return ()
        cache = self.__dict__.setdefault("_token_starts", {})  # segment order -> offsets
        starts = cache.get(order)
        if starts is None:
            starts = cache[order] = [t.idx for t in segment.doc]
        at = bisect.bisect_left(starts, sentences.starts[order][local])
        return segment.doc[at:]

    def _role_holder(self, key: Key, head: Token) -> Named | None:
        """The person introduced with the role noun ``head`` ("the mayor"): the nearest
        before ``key``, else the first after it (a title given once, later)."""
        role = head.lemma_.lower()
        for mention in self.people.before(key):
            if role in self.titles.get(mention.name, ()):
                return mention.named(head)
        for mention in self.people:
            if mention.key > key and role in self.titles.get(mention.name, ()):
                return mention.named(head)
        return None

    # ---- documents ------------------------------------------------------------------

    def _document_speaker(self, segment: Segment, head: Token, key: Key) -> Named | None:
        """The author a document speaks for: its own, else the last one tied to a
        document of the same kind, else to any document (a definite one only)."""
        author = _author_token(head)
        if author is not None:
            return self._author_name(segment, author, key)
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        earlier = [d for d in self.documents if d.key < key]
        same = [d for d in earlier if d.lemma == head.lemma_.lower()]
        for document in reversed(same or earlier):
            named = self._author_name(document.segment, document.author, document.key)
            if named is not None:
                return named
        return None

    def _author_name(self, segment: Segment, author: Token, key: Key) -> Named | None:
        """The name of an author token: a name, a description or a pronoun."""
        if author.pos_ == "PRON":
            word = POSSESSIVE_PRONOUNS.get(author.lower_, author.lower_)
            return self.pronoun((key[0], author.idx), word, [])
        if lexicon().speaker_nouns.get(author.lemma_.lower()) == "document":
            return None
        named = self.name(segment, author, key)
        return named if named is not None and named.kind != "thing" else None

    def _find_documents(self) -> list[Document]:
        """Every document noun outside quotation marks that the article ties to an
        author, in reading order."""
        found = []
        nouns = lexicon().speaker_nouns
        for order, segment in enumerate(self.segments):
            for token in segment.doc if segment.doc is not None else ():
                if token.pos_ != "NOUN" or nouns.get(token.lemma_.lower()) != "document":
                    continue
                if self._inside_quote(order, token.idx):
                    continue
                author = _author_of_verb(token) or _author_token(token)
                if author is not None:
                    found.append(Document((order, token.idx), token.lemma_.lower(),
                                          segment, author))
        return found


def person_noun(head: Token) -> bool:
    """True for a noun that denotes a person: a role noun of the entity tables
    ("professor", "commissioner"), an agent noun ("brawler", "defenceman",
    "economist") or an age ("the 47-year-old")."""
    if is_age(head):
        return True
    word = head.lower_
    if lexicon().speaker_nouns.get(head.lemma_.lower()) or head.tag_ != "NN":
        return False
    if word in tables().roles:
        return True
    return len(word) > 4 and word.endswith(PERSON_SUFFIXES)


def _specific(head: Token) -> bool:
    """True for a description that singles out someone new by a proper name ("the Nova
    Scotia judge"), not one that refers back to the person in view."""
    return any(c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"
               for c in head.children)


def is_age(head: Token) -> bool:
    """True for an age used as a noun ("the 47-year-old said")."""
    return head.lower_ == "old" and any(
        c.lower_ in AGE_UNITS and c.dep_ == "npadvmod" for c in head.children)


def _names_someone(noun: Token) -> bool:
    """True when a noun is a title or apposition of a name ("WHL commissioner Ron
    Robison", "Jane Doe, the judge") or what someone is ("as Canada's prime minister",
    "Doe is a lawyer"), so it introduces no unnamed person."""
    if noun.dep_ in ("compound", "appos") and noun.head.pos_ == "PROPN":
        return True
    if noun.dep_ == "attr" or (noun.dep_ == "pobj" and noun.head.lower_ == "as"):
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _author_token(noun: Token) -> Token | None:
    """The author written with a document noun: "Foster's book", "her statement", "the
    RCMP statement", "a report by the railway", "a study released Monday by Civic
    Action", "a statement from the company"."""
    named = [c for c in noun.children if c.dep_ in AUTHOR_DEPS and _may_author(c)]
    if named:
        return named[-1]  # the nearest: "PBO" in "An August PBO report"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return _object_of(child)
        if child.dep_ in ("acl", "relcl"):
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    return _object_of(grandchild)
    return None


def _may_author(token: Token) -> bool:
    """True for a word before a document noun that can name its author: a name (not
    a date), a possessive pronoun, or an organisation noun ("the parole board decision")."""
    if token.ent_type_ in NOT_AUTHORS:
        return False
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("ORG", "PERSON", "NORP"):
        return True
    return lexicon().speaker_nouns.get(token.lemma_.lower()) in ORG_CLASSES


def _author_of_verb(noun: Token) -> Token | None:
    """The subject of the verb that ties a document to its author: "X said in a
    statement", "X wrote in a recent report", "the PBO released a report"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        verb = head.head
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in AUTHORING_LEMMAS:
        verb = noun.head
    else:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    return None


def _object_of(preposition: Token) -> Token | None:
    for child in preposition.children:
        if child.dep_ == "pobj":
            return child
    return None
