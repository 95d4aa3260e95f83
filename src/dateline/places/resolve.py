"""Which place each name of an article means: disambiguation in context.

Every name gets its candidates from the gazetteer and a score in log10 units:

* a **prior**: the candidate's population (log10), plus a bonus by kind of place
  (a country or state is what a bare "Georgia" usually means), minus a penalty when
  only an alternate name matched;
* a **qualifier**: "El Paso, Texas", "Paris, Ky.", "London (Ont.)": candidates inside
  the named division or country win outright, the others drop;
* **support** from the article's other places: a candidate inside a state or country
  the article names, or near another place it names, gains. Support is computed from
  the other names' current beliefs and the scores are recomputed a few times, so
  "Paris" and "Lamar County" settle on Texas together.

All mentions with the same name share one reading ("one sense per discourse").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dateline.places.gazetteer import Candidate, gazetteer, lookup
from dateline.places.names import normalize

#: Bonus (log10 units, i.e. a factor of 10 in population per point) by kind of
#: place: a bare name that is a country or a state usually means that, not one of
#: the towns named after it.
FEATURE_BONUS = {
    "country": 2.0,
    "admin1": 1.0,
    "admin2": 0.5,
    "city": 0.0,
}
#: A national capital is named far more often than its population says ("Washington").
CAPITAL_BONUS = 1.0
#: A national capital that shares its name with another state of its country is what
#: the bare name means ("Washington"); the state is written "Washington state". (Not
#: when the capital lies in its namesake: "Dublin", "Berlin" are both.)
CAPITAL_NAMESAKE_BONUS = 1.5
NAMESAKE_KM = 300.0
#: Cost of a district that shares its name with a town inside it: the town is meant.
TOWN_NAMESAKE_PENALTY = 1.5
#: Hand-kept features (continents, seas, regions) have no population: they are in the
#: table because news names them, so they count as a place of a million people.
FEATURE_POPULATION = 1_000_000
#: An alternate name ("Franklin" for Columbus) is a much weaker signal than a main one.
ALIAS_PENALTY = 2.5
#: Population floor: a village of 50 and one of 500 are equally likely a priori.
MIN_PRIOR_POPULATION = 500
#: Weight of one other place of the article that fully supports a candidate: worth a
#: 1,000-fold population difference, so one neighbouring place outweighs a famous
#: namesake. Chosen on LGL, where 2.5 to 3.5 is a plateau (1.5: 3 points lower).
SUPPORT_WEIGHT = 3.0
#: Reward for a candidate inside the qualifier ("Paris, Ky."), penalty for the others.
QUALIFIER_BONUS = 8.0
#: Distance (km) up to which two places count as neighbours, and the scale of the
#: decay beyond it.
NEAR_KM = 40.0
DECAY_KM = 80.0
#: Support between a place and the state or country it lies in: weaker than between
#: two neighbouring towns, since a state holds many towns of the same name.
INSIDE_ADMIN1 = 0.8
INSIDE_COUNTRY = 0.5
#: Least support between two places of the same first-level division, and of the
#: same country: an article about Texas towns makes another Texas town likelier. A
#: country-wide floor (0.3) cost 2 points on LGL: it lets every town of a big
#: country support every other.
SAME_ADMIN1 = 0.3
SAME_COUNTRY = 0.0
#: Base of the soft maximum turning scores into beliefs. Below 10 (the base of the
#: scores), beliefs stay soft while support propagates, so a reading that starts
#: second can still gather the support of its neighbours.
BELIEF_BASE = 5.0
#: A large feature (region, sea, range) supports the countries within this distance.
WIDE_KM = 2000.0
#: Rounds of support propagation; damped beliefs settle after four or five.
ROUNDS = 5
#: Candidates kept per name (most likely first), and per other name when scoring
#: support: bounds the work on very common names.
MAX_CANDIDATES = 40
SUPPORT_CANDIDATES = 6

_POSSESSIVE = re.compile(r"['’]s?$")
_QUALIFIER = re.compile(
    r"\s*(?:,|\()\s*((?:[A-Z][\w'’.-]*\.?)(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
)
_AREA_FEATURES = {"country", "admin1", "admin2"}
#: Hand-kept large features: related to countries by distance (see _wide_relation).
_WIDE = {"continent", "region", "water", "mountain"}
#: Areas that support only the places inside them, not those near their point.
_NOT_BY_DISTANCE = {"country", "continent", "admin1"}


@dataclass(slots=True)
class Toponym:
    """A place name to resolve: the text as written and the text right after it."""

    text: str
    after: str = ""


@dataclass(slots=True)
class _Name:
    """All mentions of one name in the article, and the belief over its readings."""

    key: str
    candidates: list[Candidate]
    prior: list[float]
    qualifiers: list[Candidate] = field(default_factory=list)
    score: list[float] = field(default_factory=list)
    belief: list[float] = field(default_factory=list)


def candidates(text: str) -> list[Candidate]:
    """The gazetteer's readings of a name as written ("Russia's" reads "Russia")."""
    text = _POSSESSIVE.sub("", text.strip()) or text.strip()
    division = gazetteer().abbreviation(text)
    if division and ("." in text or text.isupper()):
        return [division]  # "Ind.", "N.Y.", "KY": an abbreviation as written
    found = lookup(text)
    if not found and division:
        found = [division]
    if not found and text.lower().startswith("the "):
        found = lookup(text[4:])
    main = [c for c in found if not c.alias][:MAX_CANDIDATES]
    return main + [c for c in found if c.alias][: max(0, MAX_CANDIDATES - len(main))]


def qualifier_areas(after: str) -> list[Candidate]:
    """Divisions and countries named right after a place ("…, Texas", "…, Ky.")."""
    match = _QUALIFIER.match(after)
    if not match:
        return []
    words = match.group(1).split()
    division = gazetteer().abbreviation(words[0]) or gazetteer().abbreviation(" ".join(words[:2]))
    if division:
        return [division]
    for size in range(len(words), 0, -1):
        phrase = _POSSESSIVE.sub("", " ".join(words[:size]).rstrip(".,"))
        areas = [c for c in lookup(phrase) if c.feature in _AREA_FEATURES and not c.alias]
        if areas:
            return areas
    return []


def distance_km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two candidates' points."""
    return haversine(a.lat, a.lon, b.lat, b.lon)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def inside(place: Candidate, area: Candidate) -> bool:
    """Whether ``place`` lies in ``area`` (a country, a first- or second-level division)."""
    if place is area or place.feature == "country":
        return False
    if area.feature == "country":
        return place.country == area.country
    if area.feature == "admin1":
        return place.feature != "admin1" and place.admin1_code == area.admin1_code
    if area.feature == "admin2":
        return place.feature == "city" and place.admin1_code == area.admin1_code and (
            distance_km(place, area) <= NEAR_KM
        )
    return False


def relation(a: Candidate, b: Candidate) -> float:
    """How much two readings of two different names support each other (0 to 1)."""
    if inside(a, b) or inside(b, a):
        if "country" in (a.feature, b.feature):
            return INSIDE_COUNTRY
        return INSIDE_ADMIN1 if "admin1" in (a.feature, b.feature) else 1.0
    if a.feature in _WIDE or b.feature in _WIDE:
        return _wide_relation(a, b)
    if a.feature in _NOT_BY_DISTANCE or b.feature in _NOT_BY_DISTANCE:
        return 0.0
    km = distance_km(a, b)
    if km <= NEAR_KM:
        return 1.0
    near = math.exp(-(km - NEAR_KM) / DECAY_KM)
    if a.admin1_code and a.admin1_code == b.admin1_code:
        return max(near, SAME_ADMIN1)
    return max(near, SAME_COUNTRY) if a.country == b.country else near * 0.5


def _wide_relation(a: Candidate, b: Candidate) -> float:
    """A region, sea or range and a country or another such feature: near or not.

    "Middle East" beside "Egypt" and "Iraq" is the region, not a Maryland village.
    """
    if {a.feature, b.feature} & {"city", "admin2"}:
        return 0.0  # a town near a region says little: regions are large
    return 1.0 if distance_km(a, b) <= WIDE_KM else 0.0


def prior(candidate: Candidate) -> float:
    """Score of a reading before context: population and kind of place."""
    population = candidate.population
    if candidate.feature not in FEATURE_BONUS:
        population = population or FEATURE_POPULATION
    score = math.log10(max(population, MIN_PRIOR_POPULATION))
    if candidate.alias and candidate.feature != "country":
        # a division's alternate names are mostly other languages' ("Alexandria"
        # for the Egyptian governorate): no bonus for being a division
        return score - ALIAS_PENALTY
    score += CAPITAL_BONUS if candidate.capital else 0.0
    return score + FEATURE_BONUS.get(candidate.feature, 0.0)


def _priors(found: list[Candidate]) -> list[float]:
    """Priors of one name's readings, with two namesake rules.

    A capital beats a namesake state elsewhere in its country ("Washington"), and a
    town beats the district named after it around it ("Tijuana" the city, not the
    municipality): both say where the name points more precisely.
    """
    states = [c for c in found if c.feature == "admin1" and not c.alias]
    towns = [c for c in found if c.feature == "city" and not c.alias]

    def namesake_state(city: Candidate) -> bool:
        return city.capital and any(
            s.country == city.country and distance_km(s, city) > NAMESAKE_KM for s in states
        )

    def town_inside(area: Candidate) -> bool:
        return area.feature == "admin2" and any(inside(t, area) for t in towns)

    return [
        prior(c)
        + (CAPITAL_NAMESAKE_BONUS if namesake_state(c) else 0.0)
        - (TOWN_NAMESAKE_PENALTY if town_inside(c) else 0.0)
        for c in found
    ]


def _qualifier_score(name: _Name, candidate: Candidate) -> float:
    if not name.qualifiers:
        return 0.0
    if any(inside(candidate, area) for area in name.qualifiers):
        return QUALIFIER_BONUS
    return -QUALIFIER_BONUS


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [BELIEF_BASE ** (s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


#: Relations already computed in one :func:`resolve` call, by the two readings' ids: the
#: leading readings change little from round to round.
_Relations = dict[tuple[int, int], float]


def _relation(a: Candidate, b: Candidate, known: _Relations) -> float:
    """:func:`relation`, computed once per pair of readings."""
    pair = (id(a), id(b))
    value = known.get(pair)
    if value is None:
        value = known[pair] = relation(a, b)
    return value


def _support(candidate: Candidate, name: _Name, leading: dict[str, list],
             known: _Relations) -> float:
    """Sum over the other names of their best-believed reading's relation to ``candidate``.

    ``leading`` holds each name's most believed readings as (belief, candidate).
    """
    total = 0.0
    for key, readings in leading.items():
        if key != name.key:
            total += max(
                (belief * _relation(candidate, c, known) for belief, c in readings), default=0.0
            )
    return total


def _leading(names: list[_Name]) -> dict[str, list]:
    """Each name's most believed readings, (belief, candidate), for :func:`_support`."""
    return {
        name.key: sorted(zip(name.belief, name.candidates, strict=True), key=lambda p: -p[0])[
            :SUPPORT_CANDIDATES
        ]
        for name in names
    }


def _qualifies(name: _Name, areas: list[Candidate]) -> bool:
    """A qualifier applies only to a name some reading of which lies inside it.

    "Georgia, Texas" is a list, not a place in Texas: a name whose main reading is
    itself a state or country takes no qualifier.
    """
    if any(c.feature in ("country", "admin1") and not c.alias for c in name.candidates):
        return False
    return any(inside(c, area) for c in name.candidates for area in areas)


def _key(text: str) -> str:
    return normalize(_POSSESSIVE.sub("", text.strip()))


def _names(toponyms: list[Toponym]) -> list[_Name]:
    """One :class:`_Name` per distinct name, with its candidates and qualifiers."""
    names: dict[str, _Name] = {}
    for toponym in toponyms:
        key = _key(toponym.text)
        name = names.get(key)
        if name is None:
            found = candidates(toponym.text)
            name = names[key] = _Name(key, found, _priors(found))
        areas = qualifier_areas(toponym.after)
        if areas and _qualifies(name, areas):
            name.qualifiers.extend(areas)
    return [n for n in names.values() if n.candidates]


def _propagate(names: list[_Name]) -> None:
    """Settle the beliefs of all names: prior and qualifier, then rounds of support."""
    for name in names:
        name.score = [
            p + _qualifier_score(name, c) for p, c in zip(name.prior, name.candidates, strict=True)
        ]
        name.belief = _softmax(name.score)
    known: _Relations = {}
    for _ in range(ROUNDS):
        leading = _leading(names)
        scores = [
            [
                s + SUPPORT_WEIGHT * _support(c, name, leading, known)
                for s, c in zip(name.score, name.candidates, strict=True)
            ]
            for name in names
        ]
        for name, score in zip(names, scores, strict=True):
            fresh = _softmax(score)
            # damped: all names move at once, and undamped beliefs can swap back
            # and forth between two readings that support each other
            name.belief = [(old + new) / 2 for old, new in zip(name.belief, fresh, strict=True)]


def resolve(toponyms: list[Toponym]) -> list[Candidate | None]:
    """The most likely reading of each toponym, in context (None when unknown)."""
    names = _names(toponyms)
    _propagate(names)
    best = {
        name.key: name.candidates[max(range(len(name.belief)), key=name.belief.__getitem__)]
        for name in names
    }
    return [best.get(_key(t.text)) for t in toponyms]
