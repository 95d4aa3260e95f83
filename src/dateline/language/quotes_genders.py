"""Grammatical gender of the people an article names, from the article itself.

No name lists: an honorific before a name ("Mr", "Ms") counts twice, and a third-person
pronoun counts once for the person who is the subject of the same or the previous
sentence (the usual antecedent of "he"/"she" in news prose). The majority wins; people
with no evidence have no gender and match any pronoun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.language.quotes_speakers import Mention
    from dateline.language.segments import Segment

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
                           "princess", "madam", "sister"})
#: An honorific is firmer evidence than a pronoun, which may point elsewhere.
TITLE_WEIGHT = 2
#: A pronoun counts for a subject named at most this many sentence starts before it.
VOTE_SENTENCES = 1


def gender_votes(segments: list[Segment], people: list[Mention],
                 inside_quote: Callable[[int, int], bool]) -> dict[str, str]:
    """``name -> "m" | "f"`` for the people with evidence of their gender."""
    votes: dict[str, Counter] = {}
    by_key = {m.key: m for m in people}
    for order, segment in enumerate(segments):
        if segment.doc is not None:
            _vote(order, segment, by_key, inside_quote, votes)
    return {name: count.most_common(1)[0][0] for name, count in votes.items()}


def _vote(order: int, segment: Segment, by_key: dict, inside_quote, votes: dict) -> None:
    last: str | None = None
    since = 0
    for token in segment.doc:
        if token.is_sent_start:
            since += 1
        mention = by_key.get((order, token.idx))
        if mention is not None:
            title = title_gender(token)
            if title:
                votes.setdefault(mention.name, Counter())[title] += TITLE_WEIGHT
            if mention.subject:
                last, since = mention.name, 0
            continue
        gender = pronoun_gender(token)
        if gender and last and since <= VOTE_SENTENCES and not inside_quote(order, token.idx):
            votes.setdefault(last, Counter())[gender] += 1
            last = None


def pronoun_gender(token: Token) -> str | None:
    """``"m"``/``"f"`` for a gendered third-person pronoun, else None."""
    word = token.lower_
    return "m" if word in MASCULINE else "f" if word in FEMININE else None


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
