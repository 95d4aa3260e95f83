"""Grammatical gender of the people an article names, from the article itself.

No name lists: an honorific before a name ("Mr", "Ms") counts twice, and a third-person
pronoun counts once for the person who is the subject of the same or the previous
sentence (the usual antecedent of "he"/"she" in news prose). The majority wins; people
with no evidence have no gender and match any pronoun.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.parse.segments import Segment
    from dateline.quotes.salience import Mention

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
                           "princess", "madam", "sister"})
#: An honorific is firmer evidence than a pronoun, which may point elsewhere.
TITLE_WEIGHT = 2
#: A pronoun counts for a subject named at most this many sentences before it.
VOTE_SENTENCES = 1


def gender_votes(segments: list[Segment], people: list[Mention],
                 pronouns: list[tuple[Mention, str]]) -> dict[str, str]:
    """``name -> "m" | "f"`` for the people with evidence of their gender.

    ``people`` are the name mentions and ``pronouns`` the gendered pronouns outside
    quotation marks (with their gender), each with its sentence number. Only the subject
    pronoun of a main clause votes: a possessive or a pronoun in a subordinate clause
    ("Doe noted that Smith's stance stems from his view", "Doe has no idea why her son
    did what he did") is too often someone else's.
    """
    votes: dict[str, Counter] = {}
    for mention in people:
        title = _title_of(segments, mention)
        if title:
            votes.setdefault(mention.name, Counter())[title] += TITLE_WEIGHT
    events = sorted([(m.key, m, None) for m in people] + [(p.key, p, g) for p, g in pronouns],
                    key=lambda event: event[0])
    last: Mention | None = None
    for _, mention, gender in events:
        if gender is None:
            if mention.main_subject:
                last = mention
        elif last is not None and mention.main_subject and \
                mention.sentence - last.sentence <= VOTE_SENTENCES:
            votes.setdefault(last.name, Counter())[gender] += 1
            last = None
    return {name: count.most_common(1)[0][0] for name, count in votes.items()}


def _title_of(segments: list[Segment], mention: Mention) -> str | None:
    """Gender of the honorific written with a name mention ("Mr Blinken")."""
    doc = segments[mention.key[0]].doc
    span = doc.char_span(mention.key[1], mention.end, alignment_mode="expand") \
        if doc is not None else None
    return title_gender(span[0]) if span is not None and len(span) else None


def title_gender(token: Token) -> str | None:
    """Gender of an honorific on or just before a name token ("Mr Blinken")."""
    words = [token.lower_]
    if token.i > 0:
        words.append(token.nbor(-1).lower_)
    for word in words:
        if word in MALE_TITLES:
            return "m"
        if word in FEMALE_TITLES:
            return "f"
    return None
