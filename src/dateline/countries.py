"""Countries by name, short form or demonym, as ISO 3166-1 alpha-3 codes.

Country names and demonyms are kept apart (:func:`country_name_code`,
:func:`demonym_code`; :func:`country_code` tries both), each loaded once from:

1. pycountry's names (``name``, ``common_name``, ``official_name``; "Iran, Islamic
   Republic of" also gives "Iran" when no other country claims that short form);
2. ``data/countries/demonyms.tsv`` (derived from the countryinfo package, MIT);
3. ``data/countries/aliases.tsv`` (hand-kept: "US", "U.S.", "Britain", "Saudi", ...),
   whose rows win.

All-capital abbreviations match only as written ("US" is the United States, "us" is
a pronoun); everything else ignores case. A plural demonym ("Mexicans") is tried
without its final "s". :func:`place_country` also knows first-level subdivisions
(pycountry) and cities (``cities.tsv``, from GeoNames), for the country of a place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from dateline.entities.tables import rows

DATA_DIR = Path(__file__).resolve().parent / "data" / "countries"

#: Leading words that do not change which country is meant ("the Netherlands").
_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: Possessive endings: "Mexico's" and "Mexicos'" name Mexico.
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def _pairs(path: Path) -> list[list[str]]:
    """Rows of ``path`` with a text and a code (a row missing either is skipped)."""
    return [row for row in rows(path) if len(row) >= 2 and row[0] and row[1]]


def _is_abbreviation(text: str) -> bool:
    """True for all-capital short forms like "US", "U.S.", "UAE" (matched exactly)."""
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _pycountry_names() -> dict[str, str]:
    """Lower-cased pycountry names -> alpha-3, plus unclaimed short forms."""
    import pycountry

    names: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_3
        if "," in country.name:
            short.setdefault(country.name.split(",")[0].lower(), set()).add(country.alpha_3)
    for name, codes in short.items():
        if len(codes) == 1 and name not in names:
            names[name] = codes.pop()
    return names


class _Lookup:
    """One kind of country word: exact abbreviations and case-folded forms."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}

    def add(self, text: str, code: str) -> None:
        if _is_abbreviation(text):
            self.exact[text] = code
        else:
            self.folded[text.lower()] = code

    def get(self, text: str) -> str | None:
        if text in self.exact:
            return self.exact[text]
        if _is_abbreviation(text):
            return None
        return self.folded.get(text.lower())


@lru_cache(maxsize=1)
def _tables() -> tuple[_Lookup, _Lookup]:
    """(country names, demonyms), each text -> alpha-3."""
    names, demonyms = _Lookup(), _Lookup()
    names.folded.update(_pycountry_names())
    for text, code, *_ in _pairs(DATA_DIR / "demonyms.tsv"):
        demonyms.add(text, code)
    for text, code, *kind in _pairs(DATA_DIR / "aliases.tsv"):
        (demonyms if kind and kind[0] == "demonym" else names).add(text, code)
    return names, demonyms


def _lookup(text: str, table: _Lookup, plural: bool) -> str | None:
    """Code of ``text`` in ``table``, trying it without "the", possessive, plural "s"."""
    text = " ".join(text.split()).strip(" ,;:")
    if not text:
        return None
    forms = [text]
    bare = _POSSESSIVE.sub("", _THE.sub("", text))
    if bare != text:
        forms.append(bare)
    if plural and len(bare) > 4 and bare.endswith("s") and not bare.endswith("ss"):
        forms.append(bare[:-1])
    for form in forms:
        code = table.get(form)
        if code:
            return code
    return None


@lru_cache(maxsize=8192)
def country_name_code(text: str) -> str | None:
    """alpha-3 when ``text`` is a country's name or short form ("U.S.", "Britain")."""
    return _lookup(text, _tables()[0], plural=False)


@lru_cache(maxsize=8192)
def demonym_code(text: str) -> str | None:
    """alpha-3 when ``text`` is a demonym or national adjective ("Mexican", "Saudis")."""
    return _lookup(text, _tables()[1], plural=True)


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-3 of a country name, short form or demonym, else ``None``.

    >>> country_code("U.S."), country_code("Mexican"), country_code("Ivory Coast")
    ('USA', 'MEX', 'CIV')
    """
    return country_name_code(text) or demonym_code(text)


@lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    """alpha-3 -> the name a reader expects (common name when pycountry has one)."""
    import pycountry

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names["XKX"] = "Kosovo"
    return names


def country_name(code: str) -> str | None:
    """The usual English name of alpha-3 (or alpha-2) ``code``, else ``None``."""
    code = code.strip().upper()
    if len(code) == 2:
        code = _alpha2_to_alpha3().get(code, "")
    return _names_by_code().get(code)


@lru_cache(maxsize=1)
def _alpha2_to_alpha3() -> dict[str, str]:
    """alpha-2 -> alpha-3 for every pycountry country."""
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def alpha3(alpha2: str) -> str | None:
    """alpha-3 of an alpha-2 code ("MX" -> "MEX"), else ``None``."""
    return _alpha2_to_alpha3().get(alpha2.upper())


@lru_cache(maxsize=1)
def _population() -> dict[str, int]:
    """alpha-3 -> population (countryinfo), to break ties between same-named places."""
    import json

    import countryinfo

    people: dict[str, int] = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha3")
        if code:
            people[code] = int(record.get("population") or 0)
    return people


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Lower-cased subdivision and city names -> alpha-3 of their country.

    Subdivisions (states, provinces) come from pycountry; cities of 15,000 people or
    more from ``cities.tsv`` (derived from GeoNames, the most populous city of a
    name kept). A subdivision beats a city of the same name, and a subdivision of a
    more populous country beats one of a smaller country: the reading a news story
    most often means.
    """
    import pycountry

    people = _population()
    to_alpha3 = _alpha2_to_alpha3()
    best: dict[str, tuple[int, str]] = {
        name.lower(): (0, code) for name, code in _city_rows(DATA_DIR / "cities.tsv")
    }
    for sub in pycountry.subdivisions:
        code = to_alpha3.get(sub.country_code)
        if sub.parent_code is not None or code is None:
            continue
        weight = 10**12 + people.get(code, 0)
        for name in {sub.name, re.sub(r"\s*\(.*?\)", "", sub.name)}:
            key = name.lower()
            if key not in best or best[key][0] < weight:
                best[key] = (weight, code)
    table = {name: code for name, (_, code) in best.items()}
    for name, code in [(n, c) for n, c in table.items() if not n.isascii()]:
        table.setdefault(fold_accents(name), code)
    return table


def _city_rows(path: Path) -> list[tuple[str, str]]:
    """(name, code) rows of cities.tsv; a plain split, as the file is large."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and line[0] != "#"]


def fold_accents(text: str) -> str:
    """``text`` without diacritics ("Brasília" -> "Brasilia"), for lookups."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    """alpha-3 of the country a place name lies in: a country (or a people, as
    :func:`country_code`), a state or a city.

    >>> place_country("Mexico"), place_country("Texas"), place_country("Tijuana")
    ('MEX', 'USA', 'MEX')
    """
    code = country_code(name)
    if code:
        return code
    bare = _POSSESSIVE.sub("", _THE.sub("", " ".join(name.split()))).lower()
    places = _places()
    return places.get(bare) or places.get(fold_accents(bare))
