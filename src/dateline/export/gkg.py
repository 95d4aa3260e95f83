"""GDELT Global Knowledge Graph 2.1 export: one tab-separated row of 27 fields per article.

The inner delimiters follow GDELT's files: ``;`` between the items of a list; inside an
item, ``#`` for counts, locations and dates, ``,`` for names with offsets and for
amounts; quotations are ``#``-separated items of ``|``-separated fields. Text that
would contain a delimiter has it replaced by a space. Offsets are character offsets in
the article's :class:`~dateline.export.document.Document` (title, body, captions).

Fields dateline does not produce stay empty: Themes, V2Themes, V2Tone, GCAM, social
embeds, TranslationInfo (see ``docs/export.md``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from xml.sax.saxutils import escape

from dateline.export.articles import citation, nearest_place, site_name, stamp
from dateline.export.document import Document
from dateline.export.gdelt import CITATION_ONLY, WEB
from dateline.export.geo import clean, geo_block
from dateline.records import Article, Count, Place
from dateline.store import Store

GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
    "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone",
    "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
    "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)

#: Characters that delimit GKG items and fields; never left inside a value.
DELIMITERS = ";#,|"

_WORD = re.compile(r"[a-z]+")
#: A TIMEX value with a year (or XXXX), maybe a month and a day, and nothing finer
#: than a time after them.
_DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)")


@lru_cache(maxsize=1)
def count_types() -> dict[str, str]:
    """Word -> GDELT count type (KILL, WOUND, ARREST, ...), from ``gkg_count_types.tsv``."""
    text = resources.files("dateline.data.export").joinpath("gkg_count_types.tsv").read_text(
        encoding="utf-8")
    rows = csv.reader((line for line in io.StringIO(text) if not line.startswith("#")),
                      delimiter="\t")
    return {row[0].strip().lower(): row[1].strip().upper() for row in rows if len(row) >= 2}


def count_type(count: Count) -> str | None:
    """The GDELT count type of ``count``, from the words of what it counts."""
    types = count_types()
    for word in _WORD.findall((count.about or "").lower()):
        if word in types:
            return types[word]
    return None


def _at(document: Document, where) -> str:
    """The document offset of ``where`` as text ("" when unknown)."""
    offset = document.offset(where)
    return "" if offset is None else str(offset)


def _value(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _field(text: str | None) -> str:
    return clean(text, DELIMITERS)


def _location(place: Place | None, v2: bool) -> list[str]:
    """A location's GKG fields: V1 drops GDELT's ADM2 field (the fifth)."""
    # a location's fields may hold commas ("Austin, Texas, United States")
    block = [clean(value, "#;") for value in geo_block(place)]
    return block if v2 else block[:4] + block[5:]


def counts(article: Article, document: Document, v2: bool) -> str:
    """Counts / V2Counts: ``TYPE#number#object#<location>[#offset]`` items."""
    items = []
    for count in article.counts:
        kind = count_type(count)
        if kind is None:
            continue
        place = nearest_place(article, count.where, document)
        fields = [kind, _value(count.value), _field(count.about), *_location(place, False)]
        if v2:
            fields.append(_at(document, count.where))
        items.append("#".join(fields))
    return ";".join(items)


def locations(article: Article, document: Document, v2: bool) -> str:
    """Locations (each place once) / V2Locations (every mention, with its offset)."""
    items, seen = [], set()
    for place in article.places:
        if not place.country:
            continue
        fields = _location(place, v2)
        if v2:
            items.append("#".join([*fields, _at(document, place.where)]))
        elif tuple(fields) not in seen:
            seen.add(tuple(fields))
            items.append("#".join(fields))
    return ";".join(items)


def names(article: Article, document: Document, types: tuple[str, ...] | None,
          v2: bool) -> str:
    """Names of entities of ``types`` (all types for None): V1 each name once, V2 every
    mention as ``name,offset``."""
    items: list[str] = []
    for entity in article.entities:
        if types is not None and entity.type not in types:
            continue
        name = _field(entity.name)
        if not v2:
            if name not in items:
                items.append(name)
            continue
        for mention in entity.mentions:
            items.append(f"{name},{_at(document, mention.where)}")
    return ";".join(items)


def dates(article: Article, document: Document) -> str:
    """Dates: ``resolution#month#day#year#offset`` (resolution 1 year, 2 month, 3 day,
    4 a month and day without a year)."""
    items = []
    for timex in article.dates:
        value = timex.value or ""
        full = _DATE_VALUE.match(value)
        if timex.type not in ("DATE", "TIME") or not full:
            continue
        year, month, day = full.group(1), full.group(2), full.group(3)
        if year == "XXXX":
            if not (month and day):
                continue
            resolution, year = 4, "0"
        else:
            resolution = 3 if day else 2 if month else 1
        fields = [resolution, int(month or 0), int(day or 0), int(year),
                  _at(document, timex.where)]
        items.append("#".join(str(f) for f in fields))
    return ";".join(items)


def quotations(article: Article, document: Document) -> str:
    """Quotations: ``offset|length|verb|quote`` items separated by ``#``."""
    items = []
    for quote in article.quotes:
        length = quote.where.end - quote.where.start
        items.append("|".join([_at(document, quote.where), str(length), _field(quote.cue),
                               _field(quote.text)]))
    return "#".join(items)


def amounts(article: Article, document: Document) -> str:
    """Amounts: ``amount,object,offset`` for every count."""
    items = []
    for count in article.counts:
        thing = count.about or count.unit
        items.append(f"{_value(count.value)},{_field(thing)},{_at(document, count.where)}")
    return ";".join(items)


def _extras(article: Article) -> str:
    """GDELT's XML extras: the page title and authors."""
    extras = ""
    if article.title:
        extras += f"<PAGE_TITLE>{escape(clean(article.title))}</PAGE_TITLE>"
    if article.authors:
        extras += f"<PAGE_AUTHORS>{escape(clean('; '.join(article.authors)))}</PAGE_AUTHORS>"
    return extras


def gkg_row(article: Article, record_id: str) -> list[str]:
    """The 27 GKG 2.1 fields of one article."""
    document = Document(article)
    urls = [image.url for image in article.images if image.url]
    return [
        record_id, stamp(article.published or article.updated),
        str(WEB if article.url else CITATION_ONLY), site_name(article), citation(article),
        counts(article, document, False), counts(article, document, True), "", "",
        locations(article, document, False), locations(article, document, True),
        names(article, document, ("PERSON",), False),
        names(article, document, ("PERSON",), True),
        names(article, document, ("ORG",), False), names(article, document, ("ORG",), True),
        "", dates(article, document), "", clean(urls[0]) if urls else "",
        ";".join(clean(u, ";") for u in urls), "", "", quotations(article, document),
        names(article, document, None, True), amounts(article, document), "",
        _extras(article),
    ]


def gkg_lines(store: Store) -> Iterator[str]:
    """GKG 2.1 lines (tab-separated, no newline), one per stored article.

    GKGRECORDID is the article's processing time (UTC, YYYYMMDDHHMMSS), a dash and the
    article's row number in the store: unique, and stable across exports.
    """
    rows = store.db.execute("SELECT rowid, record, processed_at FROM articles ORDER BY rowid")
    for row in rows:
        article = Article.from_dict(json.loads(row["record"]))
        yield "\t".join(gkg_row(article, f"{stamp(row['processed_at'])}-{row['rowid']}"))
