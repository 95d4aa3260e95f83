"""GDELT's geographic blocks from dateline places.

A block is the eight fields GDELT repeats for Actor1, Actor2 and the action: Type,
FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.

* Type: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world
  state (first-level division). A county or district (``admin2``) and a named feature
  (a river, an island) are points finer than a state, so they take 3/4. A place with no
  country (a continent, an ocean) has no GDELT type and gives an empty block.
* CountryCode: FIPS 10-4 (from :mod:`dateline.export.countries`).
* ADM1Code: the FIPS country code followed by the GeoNames code of the first-level
  division ("USTX"); GeoNames' division codes are FIPS codes for most countries and
  postal codes for the United States, as GDELT's are. For a country, the country code.
* ADM2Code: empty (GDELT uses GAUL codes, which dateline does not ship).
* FeatureID: the country code for a country, the ADM1 code for a division, else the
  GeoNames id (GDELT uses GNS/GNIS ids there; GeoNames ids are what dateline has).
"""

from __future__ import annotations

from functools import lru_cache

from dateline.errors import DatelineError
from dateline.export.countries import country, fips
from dateline.records import Place

#: Number of fields in one geographic block.
BLOCK = 8

_COUNTRY, _US_STATE, _US_CITY, _WORLD_CITY, _WORLD_STATE = 1, 2, 3, 4, 5


def geo_type(place: Place) -> int | None:
    """GDELT's location type of ``place`` (None for a place without a country)."""
    if not place.country:
        return None
    us = place.country == "USA"
    if place.feature == "country":
        return _COUNTRY
    if place.feature == "admin1":
        return _US_STATE if us else _WORLD_STATE
    return _US_CITY if us else _WORLD_CITY


def full_name(place: Place) -> str:
    """GDELT's full name: ``City, State, Country`` (only the levels that apply)."""
    found = country(place.country)
    names = [place.name]
    if place.feature not in ("country", "admin1") and place.admin1:
        names.append(place.admin1)
    if place.feature != "country" and found:
        names.append(found.name)
    # GDELT repeats a name at each level ("Berlin, Berlin, Germany")
    return ", ".join(n for n in names if n)


@lru_cache(maxsize=4096)
def _division_code(iso3: str, name: str) -> str | None:
    """GeoNames code ("TX") of the first-level division ``name`` of country ``iso3``."""
    from dateline.places.gazetteer import lookup

    try:
        found = lookup(name)
    except (DatelineError, OSError):  # no usable gazetteer: the ADM1 code stays partial
        return None
    for candidate in found:
        if candidate.feature == "admin1" and candidate.country == iso3 and candidate.admin1_code:
            return candidate.admin1_code.split(".", 1)[-1]
    return None


def division_code(place: Place) -> str | None:
    """GeoNames code of the first-level division ``place`` is or lies in ("TX")."""
    if not place.country or place.feature == "country":
        return None
    division = place.name if place.feature == "admin1" else place.admin1
    return _division_code(place.country, division) if division else None


def adm1_code(place: Place) -> str:
    """GDELT ADM1Code of ``place``: FIPS country code plus division code, or ""."""
    country_code = fips(place.country)
    if not country_code:
        return ""
    code = division_code(place)
    return country_code + code if code else country_code


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def feature_id(place: Place, kind: int, adm1: str) -> str:
    """GDELT FeatureID: country code, ADM1 code, or the GeoNames id."""
    if kind == _COUNTRY:
        return fips(place.country) or ""
    if kind in (_US_STATE, _WORLD_STATE):
        return adm1
    return str(place.geonameid) if place.geonameid else ""


def geo_block(place: Place | None) -> list[str]:
    """The eight GDELT geographic fields of ``place`` (all empty without one)."""
    kind = geo_type(place) if place else None
    if place is None or kind is None:
        return [""] * BLOCK
    adm1 = adm1_code(place)
    return [str(kind), clean(full_name(place)), fips(place.country) or "", adm1, "",
            _number(place.lat), _number(place.lon), feature_id(place, kind, adm1)]


def country_place(iso3: str | None) -> Place | None:
    """A country-level :class:`Place` for ``iso3`` (its name and point), or None."""
    found = country(iso3)
    if found is None:
        return None
    return Place(name=found.name, text=found.name, country=found.iso3, lat=found.lat,
                 lon=found.lon, feature="country", geonameid=found.geonameid)


def clean(text: str | None, extra: str = "") -> str:
    """``text`` on one line without tabs (and without the characters in ``extra``)."""
    if not text:
        return ""
    for char in "\t\r\n" + extra:
        text = text.replace(char, " ")
    return " ".join(text.split())
