"""The ISO 3166 <-> FIPS 10-4 country crosswalk that GDELT's geographic columns need.

Read from ``data/export/countries.tsv`` (derived from GeoNames' countryInfo, CC BY 4.0;
see that folder's README). dateline's records carry ISO 3166-1 alpha-3 codes; GDELT
writes FIPS 10-4 codes ("GM" for Germany, "UK" for the United Kingdom).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.errors import ModelError

DATA = "dateline.data.export"


@dataclass(frozen=True, slots=True)
class Country:
    """One country of the crosswalk, with a point for country-level locations."""

    iso2: str
    iso3: str
    fips: str | None
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None


def _number(text: str, kind: type) -> float | int | None:
    return kind(text) if text else None


@lru_cache(maxsize=1)
def _table() -> dict[str, Country]:
    """ISO alpha-3 -> :class:`Country`."""
    try:
        text = resources.files(DATA).joinpath("countries.tsv").read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"the FIPS country table is missing ({exc}); reinstall dateline "
                         "or run scripts/build_export_tables.py") from exc
    table = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        table[row["iso3"]] = Country(
            iso2=row["iso2"], iso3=row["iso3"], fips=row["fips"] or None,
            geonameid=_number(row["geonameid"], int), name=row["name"],
            lat=_number(row["lat"], float), lon=_number(row["lon"], float))
    return table


def country(iso3: str | None) -> Country | None:
    """The country with ISO 3166-1 alpha-3 code ``iso3`` (any case), or None."""
    return _table().get(iso3.upper()) if iso3 else None


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of the country with alpha-3 ``iso3``: ``DEU`` -> ``GM``."""
    found = country(iso3)
    return found.fips if found else None


@lru_cache(maxsize=1)
def _by_fips() -> dict[str, Country]:
    return {c.fips: c for c in _table().values() if c.fips}


def iso3_from_fips(code: str | None) -> str | None:
    """The ISO alpha-3 code of the country with FIPS 10-4 ``code``: ``UK`` -> ``GBR``."""
    found = _by_fips().get(code.upper()) if code else None
    return found.iso3 if found else None
