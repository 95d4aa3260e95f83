"""Named entities of one article, grouped into canonical entities.

The stage reads spaCy's entities of every segment (title, paragraphs, captions),
cleans them (:mod:`~dateline.entities.mentions`), finds roles
(:mod:`~dateline.entities.roles`), groups mentions into entities
(:mod:`~dateline.entities.merge`) and then gives each entity its canonical
name, role, country and CAMEO sector. Public entry points: :func:`find_entities` and
:func:`entity_at`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from dateline.countries import (
    country_code,
    country_name,
    country_name_code,
    demonym_code,
    place_country,
)
from dateline.entities.mentions import (
    KEPT_TYPES,
    Found,
    segment_mentions,
    tokens_matching,
)
from dateline.entities.merge import Group, group_mentions, last_name, name_suffix
from dateline.entities.roles import RoleFact
from dateline.entities.tables import (
    find_institution,
    org_sector,
    sector_label,
    tables,
)
from dateline.parse.segments import Segment
from dateline.records import Entity, Mention, Where

__all__ = ["KEPT_TYPES", "entities_by_segment", "entity_at", "find_entities"]

#: Sectors of the state: an organisation of one of these with no country named takes
#: the article's home country ("the Border Patrol", "the Supreme Court").
STATE_SECTORS = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY"})
#: Evidence order for roles and countries: the body first, captions last.
_PART_RANK = {"body": 0, "title": 1, "caption": 2}
#: Reading order of a mention: segment rank * stride + token index (no segment holds
#: ten million tokens).
_ORDER_STRIDE = 10_000_000
#: Bodies named after the person who leads them ("the Biden administration").
_PERSONAL_BODIES = frozenset({
    "administration", "government", "campaign", "presidency", "cabinet", "era", "camp",
})
#: Captions repeat the story's places; they count half toward the home country.
_CAPTION_WEIGHT = 0.5
#: Least share of the country votes the dominant country must hold. A third keeps a
#: story about two countries (the worked example: USA 19.5 votes, MEX 10) and refuses a
#: round-up that names five countries once each.
_DOMINANT_SHARE = 1 / 3


def find_entities(segments: list[Segment]) -> list[Entity]:
    """Canonical entities of the parsed ``segments`` of one article, in reading order."""
    mentions = _all_mentions(segments)
    mentions.extend(_last_name_mentions(segments, mentions))
    mentions.sort(key=lambda m: m.order)
    groups = group_mentions(mentions)
    home = home_country(country_votes(mentions), marked_countries(mentions), least=2)
    return [_entity(group, home) for group in groups]


def _all_mentions(segments: list[Segment]) -> list[Found]:
    """Cleaned mentions of every segment, numbered in reading order."""
    mentions: list[Found] = []
    for rank, segment in enumerate(segments):
        for mention in segment_mentions(segment):
            mention.order = rank * _ORDER_STRIDE + mention.start
            mentions.append(mention)
    return mentions


def _last_name_mentions(segments: list[Segment], mentions: list[Found]) -> list[Found]:
    """Untagged capitalised words equal to a known person's last name ("Ebrard")."""
    names = {last_name(m.words) for m in mentions
             if m.label == "PERSON" and (len(m.words) > 1 or m.spoke)}
    names = {n for n in names if len(n) > 1 and not name_suffix(n)}
    if not names:
        return []
    extra = _leaders_of_bodies(mentions, names)
    covered = {(id(m.segment), i) for m in mentions for i in range(m.start, m.end)}
    # Headlines in capitals name people in capitals too ("HAVEL" for Havel).
    forms = sorted(names | {n.upper() for n in names})
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
    for rank, segment in enumerate(segments):
        if segment.doc is None:
            continue
        for token in tokens_matching(segment.doc, segment.text, pattern):
            if (id(segment), token.i) in covered:
                continue  # already a mention ("Poulter said", found as a speaker)
            if token.ent_iob_ == "O" and (token.is_title or (
                    token.is_upper and not token.is_stop)):  # "MAY" may be a verb
                start = _first_name_start(segment.doc, token)
                found = Found(segment, start, token.i + 1, "PERSON",
                              segment.doc[start:token.i + 1].text)
                found.order = rank * _ORDER_STRIDE + token.i
                extra.append(found)
    return extra


def _first_name_start(doc, token) -> int:
    """Start of the full name an untagged last name ends ("Ian" in "Ian Poulter's"):
    untagged capitalised proper nouns the parser ties to it, titles excluded."""
    start = token.i
    while start > 0 and token.i - start < 2:
        before = doc[start - 1]
        if not (before.pos_ == "PROPN" and before.is_title and before.ent_iob_ == "O"
                and before.head.i == token.i and before.dep_ == "compound"
                and before.lower_ not in tables().titles
                and before.text not in tables().honorifics):
            break
        start -= 1
    return start


def _leaders_of_bodies(mentions: list[Found], names: set[str]) -> list[Found]:
    """A person's mention inside "the Biden Administration" (tagged ORG as a whole):
    the organisation stays, and its first word is also a mention of the person."""
    extra = []
    for mention in mentions:
        words = mention.words
        if (mention.label != "PERSON" and len(words) == 2 and words[0] in names
                and words[1].lower() in _PERSONAL_BODIES):
            found = Found(mention.segment, mention.start, mention.start + 1, "PERSON", words[0])
            found.order = mention.order
            extra.append(found)
    return extra


def country_votes(mentions: list[Found]) -> Counter[str]:
    """Votes of the places and peoples mentioned for the countries they belong to."""
    votes: Counter[str] = Counter()
    for mention in mentions:
        if mention.label in ("GPE", "NORP"):
            code = place_country(mention.text) if mention.label == "GPE" else demonym_code(
                mention.text)
            if code:
                weight = _CAPTION_WEIGHT if mention.segment.part == "caption" else 1.0
                votes[code] += weight
    return votes


def dominant_of(votes: Counter[str], least: float) -> str | None:
    """The most voted country, if it has ``least`` votes and a third of them all."""
    if not votes:
        return None
    code, count = votes.most_common(1)[0]
    # A country named once, or one among many equally named, is no article's subject.
    if count < least or count < _DOMINANT_SHARE * sum(votes.values()):
        return None
    return code


def marked_countries(mentions: list[Found]) -> set[str]:
    """The countries of :func:`foreign_countries` for the people's roles."""
    return foreign_countries(m.role for m in mentions if m.label == "PERSON")


def foreign_countries(roles: Iterable[RoleFact | None]) -> set[str]:
    """Countries written as the nationality of a national office ("Ukrainian President
    Volodymyr Zelensky", "Mexico's foreign minister") in an article that also names a
    national office with no country ("President Trump"): the bare office is of another
    country, the article's own. Empty when no office is written bare."""
    written, bare = set(), False
    for role in roles:
        if role is None or not role.national:
            continue
        if role.country_written:
            written.add(role.country)
        bare = bare or role.country is None
    return written if bare else set()


def home_country(votes: Counter[str], marked: set[str], least: float = 1) -> str | None:
    """The country of the offices an article names without a nationality ("President
    Trump", "the Interior Minister").

    News names its own country's officials bare and foreign ones with their nationality
    ("Ukrainian President Zelensky"). So when the most voted country is ``marked``
    (:func:`foreign_countries`) and the runner-up (with two votes at least) is not, the
    runner-up is the home country: a US story about Ukraine names Ukraine most. Else
    the most voted one stays: a story about one foreign country, or one that writes
    the offices of both its countries with their nationality.
    """
    dominant = dominant_of(votes, least)
    if dominant is None or dominant not in marked:
        return dominant
    ranked = votes.most_common(2)
    if len(ranked) == 2 and ranked[1][0] not in marked and ranked[1][1] >= max(least, 2):
        return ranked[1][0]
    return dominant


def _entity(group: Group, home: str | None) -> Entity:
    """The record of one group: name, type, mentions, role, country, sector."""
    label = group.label
    entity = Entity(name=_canonical_name(group, label), type=label)
    entity.mentions = [
        Mention(text=m.text, where=m.segment.where(_char_start(m), _char_end(m)))
        for m in group.mentions
    ]
    if label == "PERSON":
        _person_facts(entity, group, home)
    elif label == "ORG":
        _org_facts(entity, home)
    elif label in ("GPE", "LOC", "FAC"):
        entity.country = place_country(entity.name) or next(
            (m.country for m in group.mentions if m.country), None)
    elif label == "NORP":
        entity.country = demonym_code(entity.name)
    entity.sector_label = sector_label(entity.sector)
    return entity


def _char_start(mention: Found) -> int:
    return mention.segment.doc[mention.start].idx


def _char_end(mention: Found) -> int:
    last = mention.segment.doc[mention.end - 1]
    return last.idx + len(last.text)


def _canonical_name(group: Group, label: str) -> str:
    """The name an entity is known by: a person's longest full form, a country's name."""
    texts = [m.text for m in group.mentions if m.label == label] or [
        m.text for m in group.mentions]
    if label == "GPE":
        code = next((country_name_code(t) for t in texts if country_name_code(t)), None)
        if code:
            return country_name(code) or texts[0]
    if label == "NORP":
        return min(texts, key=len)
    # Longest in words, then written in mixed case ("Joe Biden" over a headline's
    # "JOE BIDEN"), then longest in characters.
    return max(texts, key=lambda t: (len(t.split()), not t.isupper(), len(t)))


def _person_facts(entity: Entity, group: Group, home: str | None) -> None:
    """Role, country and sector of a person from the roles of its mentions; a national
    office written without a country takes the article's home country
    (:func:`home_country`)."""
    ranked = sorted(group.mentions, key=_evidence_rank)
    stated = next((m.country for m in ranked if m.country), None)
    roles = [m.role for m in ranked if m.role]
    if not roles:
        entity.country = stated
        return
    best = next((r for r in roles if r.sector), roles[0])
    entity.role = best.text
    entity.sector = best.sector
    entity.country = _first_country(roles) or stated
    if entity.country is None and any(r.national for r in roles):
        entity.country = home


def _evidence_rank(mention: Found) -> tuple[int, int]:
    return (_PART_RANK.get(mention.segment.part, 3), mention.order)


def _first_country(roles: list[RoleFact]) -> str | None:
    return next((r.country for r in roles if r.country), None)


def _org_facts(entity: Entity, home: str | None) -> None:
    """Country and sector of an organisation: institution table, then its words; a body
    of the state with no country named takes the article's home country."""
    words = entity.name.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    lowered = [w.lower() for w in words]
    institution = find_institution(words)
    if institution is not None:
        entity.country, entity.sector = institution.country, institution.sector
    entity.country = entity.country or _named_country(words)
    entity.sector = entity.sector or org_sector(lowered)
    if entity.country is None and entity.sector in STATE_SECTORS and institution is None:
        entity.country = home


def _named_country(words: list[str]) -> str | None:
    """The country an organisation's name states: its first word ("Mexican Senate",
    "US Border Patrol") or what follows "of" ("Supreme Court of Mexico")."""
    candidates = words[:1]
    if "of" in words:
        candidates.append(" ".join(words[words.index("of") + 1:]))
    for text in candidates:
        code = country_code(text)
        if code:
            return code
    return None


def entities_by_segment(entities: list[Entity], originals: dict[int, Entity] | None = None
                        ) -> dict[tuple[str, int], list[Entity]]:
    """Per (part, index) segment, its entities in their order, each a copy holding only
    that segment's mentions (``originals`` given: filled with ``id(copy) -> entity``).

    A lookup in one segment then reads that segment's mentions only: over a long
    article, scanning every mention for every lookup grows with its length squared.
    """
    found: dict[tuple[str, int], list[Entity]] = {}
    for entity in entities:
        local: dict[tuple[str, int], list[Mention]] = {}
        for mention in entity.mentions:
            local.setdefault((mention.where.part, mention.where.index), []).append(mention)
        for key, mentions in local.items():
            view = replace(entity, mentions=mentions)
            found.setdefault(key, []).append(view)
            if originals is not None:
                originals[id(view)] = entity
    return found


def entity_at(entities: list[Entity], where: Where) -> Entity | None:
    """The entity with a mention overlapping ``where`` the most (same part and index)."""
    best, best_overlap = None, 0
    for entity in entities:
        for mention in entity.mentions:
            at = mention.where
            if at.part != where.part or at.index != where.index:
                continue
            overlap = min(at.end, where.end) - max(at.start, where.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best
