"""Who "he" and "she" are: the salience of the people an article names.

A small version of the Lappin–Leass model of pronoun resolution. Every mention of a
person earns points for its place in its sentence (being mentioned at all, more as a
subject or object, more again as the subject of a main clause or as the speaker of a
quotation); the points halve with every sentence between the mention and the pronoun,
and a person's salience is the sum over their mentions. A pronoun refers to the most
salient person of a compatible gender, and once resolved it counts as a mention of that
person itself, so a person stays salient through "He ... His ... he said". Recency thus
outweighs grammar across sentences, while within one sentence the subject beats the
object ("Smith met Jones. He said ..." is Smith).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.parse.segments import Segment

#: Position of a character in the article: (segment number, character offset).
Key = tuple[int, int]

#: Clause roles of a subject mention.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Points of a mention, after Lappin and Leass (1994) scaled by 1/100: being mentioned
#: (recency) counts most; a subject, an object, a name not inside another phrase
#: (head emphasis) and a speaker of a quotation add to it. One sentence of distance
#: (the halving) outweighs the difference between a subject and an object.
RECENCY, SUBJECT, OBJECT, OBLIQUE, HEAD, MAIN_CLAUSE, SPEAKER = \
    1.0, 0.8, 0.5, 0.4, 0.8, 0.5, 1.5
#: Dependencies of a name inside another noun phrase ("Smith's office", "the Smith case").
EMBEDDED_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
#: Salience halves with every sentence back.
DECAY = 0.5
#: Mentions further back than this many sentences count only when no nearer one fits
#: (their recency weight would be a millionth of a fresh one's).
WINDOW = 20
#: What each such older mention counts: then who the story is most about wins ("she"
#: for the story's one woman, named long before).
TOPIC = 1e-6
#: A person of known, matching gender is a likelier antecedent of a gendered pronoun
#: than one the article gives no evidence about.
UNKNOWN_GENDER = 0.7
#: A line break: it always ends a sentence.
_LINE_BREAK = re.compile("\n")
#: Third-person pronouns that refer to a person, with their grammatical gender.
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


@dataclass(slots=True)
class Named:
    """A resolved speaker: the name to report, its entity, and what kind of thing it is."""

    name: str
    entity: Entity | None = None
    kind: str = "thing"  # person | org | place | group | thing
    head: Token | None = field(default=None, repr=False)


@dataclass(slots=True)
class Mention:
    """One mention of a named entity (or a pronoun resolved to one) outside quotation
    marks, from ``key`` to character ``end`` of its segment."""

    key: Key
    name: str
    entity: Entity | None
    kind: str
    root: Token | None
    end: int = 0
    sentence: int = 0
    speaker: bool = False
    caption: bool = False

    def named(self, head: Token | None = None) -> Named:
        """The speaker this mention names; ``head`` is the token of the cue's subject."""
        return Named(self.name, self.entity, self.kind, head)

    @property
    def subject(self) -> bool:
        """True for the subject of a clause ("Smith said", "Smith was arrested")."""
        return self.root is not None and self.root.dep_ in SUBJECT_DEPS

    @property
    def main_subject(self) -> bool:
        """True for the subject of a main clause (not of a relative or reported one)."""
        return self.subject and self.root.head.dep_ == "ROOT"

    def points(self) -> float:
        """This mention's salience in its own sentence."""
        dep = self.root.dep_ if self.root is not None else ""
        role = SUBJECT if self.subject else OBJECT if dep in ("dobj", "dative") else \
            OBLIQUE if dep == "pobj" else 0.0
        return RECENCY + role + HEAD * (dep not in EMBEDDED_DEPS) + \
            MAIN_CLAUSE * self.main_subject + SPEAKER * self.speaker


class Sentences:
    """Numbers the sentences of an article; a paragraph break always ends one."""

    def __init__(self, segments: list[Segment]) -> None:
        self.starts: list[list[int]] = []
        self.base: list[int] = []
        total = 0
        for segment in segments:
            starts = set() if segment.doc is None else \
                {sent.start_char for sent in segment.doc.sents}
            starts.update(match.end() for match in _LINE_BREAK.finditer(segment.text))
            starts.add(0)
            ordered = sorted(starts)
            self.starts.append(ordered)
            self.base.append(total)
            total += len(ordered)

    def index(self, key: Key) -> int:
        """Number of the sentence holding ``key`` in the whole article."""
        order, offset = key
        return self.base[order] + bisect.bisect_right(self.starts[order], offset) - 1


class People:
    """The person mentions of an article in reading order, pronouns resolved on the way.

    Pronouns are resolved lazily, in order, as the stage asks about later positions, so
    a speaker the stage resolves (and notes) counts for the pronouns after it.
    """

    def __init__(self, names: list[Mention], pronouns: list[tuple[Mention, str]],
                 genders: dict[str, str]) -> None:
        self.mentions = list(names)
        self.keys = [m.key for m in names]
        self.genders = genders
        self.pending = sorted(pronouns, key=lambda pair: pair[0].key)
        self.done = 0

    def __iter__(self):
        return iter(self.mentions)

    def before(self, key: Key) -> list[Mention]:
        """Mentions before ``key``, nearest first."""
        self._resolve_upto(key)
        return self._nearest_first(key)

    def covering(self, key: Key) -> Mention | None:
        """The mention whose characters hold ``key``, if any."""
        self._resolve_upto((key[0], key[1] + 1))
        n = bisect.bisect_right(self.keys, key)
        if n and self.keys[n - 1][0] == key[0] and key[1] < self.mentions[n - 1].end:
            return self.mentions[n - 1]
        return None

    def add(self, mention: Mention) -> None:
        """Insert a mention (a speaker the stage resolved) in reading order."""
        n = bisect.bisect_right(self.keys, mention.key)
        self.keys.insert(n, mention.key)
        self.mentions.insert(n, mention)

    def resolve(self, key: Key, sentence: int, gender: str) -> Mention | None:
        """The person a pronoun of ``gender`` at ``key`` (in ``sentence``) refers to."""
        self._resolve_upto(key)
        return self._most_salient(key, sentence, gender)

    def salient(self, key: Key, sentence: int, recent: int) -> Mention | None:
        """The most salient person at ``key``, if mentioned in the last ``recent``
        sentences (what "the professor said" refers to when no title tells)."""
        self._resolve_upto(key)
        best = self._most_salient(key, sentence, None)
        return best if best is not None and sentence - best.sentence <= recent else None

    def _nearest_first(self, key: Key) -> list[Mention]:
        n = bisect.bisect_left(self.keys, key)
        return self.mentions[n - 1::-1] if n else []

    def _most_salient(self, key: Key, sentence: int, gender: str | None) -> Mention | None:
        """The most salient person before ``key``, of ``gender`` or unknown gender
        (any when ``gender`` is None). As in Lappin and Leass, a person counts once per
        sentence (their best mention there): "she ... her ... she" in one sentence is
        not three times as salient as one subject."""
        best: dict[tuple[str, int], float] = {}
        latest: dict[str, Mention] = {}
        for mention in self._nearest_first(key):
            if mention.caption:
                continue  # a picture's caption is not what the story is about
            known = self.genders.get(mention.name) if gender is not None else None
            if known is not None and known != gender:
                continue
            distance = sentence - mention.sentence
            if distance > WINDOW and latest and max(best.values()) > TOPIC:
                break
            weight = mention.points() * DECAY ** distance if distance <= WINDOW else TOPIC
            if gender is not None and known is None:
                weight *= UNKNOWN_GENDER
            slot = (mention.name, mention.sentence)
            best[slot] = max(best.get(slot, 0.0), weight) if distance <= WINDOW else \
                best.get(slot, 0.0) + weight
            latest.setdefault(mention.name, mention)
        if not latest:
            return None
        scores: dict[str, float] = {}
        for (name, _), weight in best.items():
            scores[name] = scores.get(name, 0.0) + weight
        return latest[max(scores, key=scores.__getitem__)]

    def _resolve_upto(self, key: Key) -> None:
        """Resolve the pronouns before ``key`` and add them as mentions."""
        while self.done < len(self.pending) and self.pending[self.done][0].key < key:
            pronoun, gender = self.pending[self.done]
            self.done += 1
            antecedent = self._most_salient(pronoun.key, pronoun.sentence, gender)
            if antecedent is not None:
                pronoun.name, pronoun.entity = antecedent.name, antecedent.entity
                # A subject pronoun is evidence of its antecedent's gender from now on
                # (a possessive is not: "Doe said his view" is often someone else's).
                if pronoun.subject:
                    self.genders.setdefault(antecedent.name, gender)
                self.add(pronoun)
