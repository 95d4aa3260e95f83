"""GDELT 2.0 Event (61 columns) and Mentions (16 columns) exports.

One Event row per merged event, one Mentions row per article mention of it; both
tab-separated, no header, in the column order of the GDELT 2.0 codebooks (the names are
in :data:`EVENT_COLUMNS` and :data:`MENTION_COLUMNS`). What dateline does not measure
stays empty: the known-group, ethnic and religion actor codes, AvgTone and
MentionDocTone (dateline has no tone), ADM2 codes, translation info. See
``docs/export.md`` for every column's source.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from dateline.export.articles import (
    Articles,
    actor_where,
    citation,
    nearest_place,
    site_name,
    stamp,
)
from dateline.export.countries import country
from dateline.export.geo import clean, country_place, geo_block
from dateline.query import EventMention, MergedEvent, iter_events
from dateline.records import Article, Event, Place
from dateline.store import Store

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{n}" for n in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")),
    *(f"Actor2{n}" for n in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{n}" for who in ("Actor1", "Actor2", "Action")
      for n in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)

#: GDELT's MentionType / SourceCollectionIdentifier: a web page, or a citation only.
WEB, CITATION_ONLY = 1, 2


def _date_fields(date: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate of an event date (YYYY[-MM[-DD]]...).

    FractionDate is the year plus the share of it gone before the day starts (so 31
    December stays in its year). A date known only to the month or year keeps 00 for
    the unknown parts, and its FractionDate counts to the start of that month or year.
    """
    digits = (date or "")[:10].replace("-", "")
    if len(digits) < 4 or not digits.isdigit():
        return ["", "", "", ""]
    year = int(digits[:4])
    month = int(digits[4:6]) if len(digits) >= 6 else 0
    day = int(digits[6:8]) if len(digits) >= 8 else 0
    days = 366 if calendar.isleap(year) else 365
    elapsed = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + max(day - 1, 0)
    return [f"{year:04d}{month:02d}{day:02d}", f"{year:04d}{month:02d}", f"{year:04d}",
            f"{year + elapsed / days:.4f}"]


def _actor_fields(name: str | None, code: str | None, country_code: str | None,
                  sector: str | None) -> list[str]:
    """The ten Actor columns: code, name, country, group/ethnic/religion (empty), types.

    The CAMEO actor code ``USAGOVMIL`` splits into the country ``USA`` and the 3-letter
    types ``GOV``, ``MIL``; the entity's sector comes first among the types.
    """
    code = code or ""
    if not country_code and country(code[:3]):
        country_code = code[:3]
    rest = code[3:] if country_code and code.startswith(country_code) else code
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3) if len(rest[i:i + 3]) == 3]
    types = ([sector] if sector else []) + [c for c in chunks if c != sector]
    types = (types + ["", "", ""])[:3]
    return [code, clean(name).upper(), country_code or "", "", "", "", "", *types]


def _actor_geo(article: Article, event: Event, name: str | None,
               country_code: str | None) -> list[str]:
    """Where the actor is: the place mention nearest its name in the same paragraph,
    else its country (at country level), else nothing."""
    place = nearest_place(article, actor_where(article, event, name))
    return geo_block(place or country_place(country_code))


def _is_root(mentions: list[EventMention]) -> bool:
    """Whether the event is reported in a headline or a first paragraph."""
    return any(m.event.where.part == "title"
               or (m.event.where.part == "body" and m.event.where.index == 0)
               for m in mentions)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def event_row(event: MergedEvent, articles: Articles) -> list[str]:
    """The 61 GDELT Event fields of one merged event."""
    lead = event.lead
    coded = lead.event
    article = articles.get(lead.article_id)
    first = articles.get(event.mentions[0].article_id)
    action: Place | None = event.place
    return [
        str(event.id), *_date_fields(event.date),
        *_actor_fields(coded.source, coded.source_code, coded.source_country,
                       coded.source_sector),
        *_actor_fields(coded.target, coded.target_code, coded.target_country,
                       coded.target_sector),
        "1" if _is_root(event.mentions) else "0", coded.cameo, coded.cameo[:3],
        coded.cameo_root, _number(coded.quad_class), _number(coded.goldstein),
        str(event.num_mentions), str(event.num_sources), str(event.num_articles), "",
        *_actor_geo(article, coded, coded.source, coded.source_country),
        *_actor_geo(article, coded, coded.target, coded.target_country),
        *geo_block(action),
        stamp(event.first_added), citation(first),
    ]


def _offset(articles: Articles, mention: EventMention, name: str | None) -> str:
    """Document offset of an actor's name in the mention's sentence, or -1 (GDELT's
    value for an actor not found)."""
    where = actor_where(articles.get(mention.article_id), mention.event, name)
    offset = articles.document(mention.article_id).offset(where)
    return "-1" if offset is None else str(offset)


def mention_row(event: MergedEvent, mention: EventMention, articles: Articles) -> list[str]:
    """The 16 GDELT Mentions fields of one article's mention of ``event``."""
    article = articles.get(mention.article_id)
    document = articles.document(mention.article_id)
    coded = mention.event
    action = document.offset(coded.where)
    return [
        str(event.id), stamp(event.first_added), stamp(mention.added),
        str(WEB if article.url else CITATION_ONLY), site_name(article), citation(article),
        str(document.sentence_number(action) or ""),
        _offset(articles, mention, coded.source), _offset(articles, mention, coded.target),
        "-1" if action is None else str(action), "1", str(round(coded.confidence * 100)),
        str(len(document)), "", "", "",
    ]


def event_lines(store: Store, all_modes: bool = False) -> Iterator[str]:
    """GDELT 2.0 Event export lines (tab-separated, no newline), one per merged event."""
    articles = Articles(store)
    for number, event in enumerate(iter_events(store, all_modes), 1):
        yield "\t".join(event_row(event, articles))
        if number % 500 == 0:
            articles.clear()


def mention_lines(store: Store, all_modes: bool = False) -> Iterator[str]:
    """GDELT 2.0 Mentions export lines, one per event mention."""
    articles = Articles(store)
    for number, event in enumerate(iter_events(store, all_modes), 1):
        for mention in event.mentions:
            yield "\t".join(mention_row(event, mention, articles))
        if number % 500 == 0:
            articles.clear()
