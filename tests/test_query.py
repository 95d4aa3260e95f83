"""Read-only queries over a store: merged events, filters, quotes by speaker, entities.

The store is built from three invented articles (see :func:`build_store`, also used by
``test_export.py`` and ``test_cli_query.py``):

* A (dailyglobe.example): a Canadian and a German minister meet in Berlin (body and
  caption), police arrest protesters, a trip that "could" happen (hypothetical);
* B (morningpost.example, also seen at wire.example): the same meeting;
* C (no URL, no site): a protest in Hamburg a few days earlier.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import ConfigError, StoreError
from dateline.query import (
    EventQuery,
    find_entities,
    find_events,
    find_quotes,
    open_store,
    speaker_entities,
)
from dateline.query import events as query_events
from dateline.records import (
    Article,
    Count,
    Entity,
    Event,
    Image,
    Mention,
    Place,
    Quote,
    Sighting,
    TimeExpr,
    Where,
)
from dateline.store import Store

BERLIN = dict(name="Berlin", country="DEU", admin1="Berlin", lat=52.52437, lon=13.41053,
              feature="city", geonameid=2950159)
HAMBURG = dict(name="Hamburg", country="DEU", admin1="Hamburg", lat=53.57532, lon=10.01534,
               feature="city", geonameid=2911298)

HART = dict(name="Amelia Hart", code="CANGOV", country="CAN", sector="GOV")
BRANDT = dict(name="Lukas Brandt", code="DEUGOV", country="DEU", sector="GOV")


def at(text: str, phrase: str, part: str = "body", index: int = 0) -> Where:
    """The ``Where`` of the first ``phrase`` in ``text``."""
    start = text.index(phrase)
    return Where(part, index, start, start + len(phrase))


def person(name: str, texts: list[tuple[str, str, str, int]], **extra) -> Entity:
    """An entity with a mention of each (text, phrase, part, index)."""
    mentions = [Mention(phrase, at(text, phrase, part, index))
                for text, phrase, part, index in texts]
    return Entity(name=name, type=extra.pop("type", "PERSON"), mentions=mentions, **extra)


def event(sentence: str, part: str, index: int, source: dict, target: dict, cameo: str,
          plover: str | None, place: dict | None, date: str, **extra) -> Event:
    """A coded event whose sentence is the whole paragraph (or caption)."""
    return Event(
        cameo=cameo, cameo_root=cameo[:2], sentence=sentence,
        where=Where(part, index, 0, len(sentence)),
        source=source["name"], source_country=source.get("country"),
        source_sector=source.get("sector"), source_code=source["code"],
        target=target["name"], target_country=target.get("country"),
        target_sector=target.get("sector"), target_code=target["code"],
        plover=plover, quad_class=extra.pop("quad", 1), goldstein=extra.pop("goldstein", 1.0),
        date=date, place=Place(text=place["name"], **place) if place else None, **extra)


def article_a() -> Article:
    title = "Canada and Germany agree to deepen trade ties"
    body = [
        "Canadian Foreign Minister Amelia Hart met German Foreign Minister Lukas Brandt "
        "in Berlin on Thursday.",
        "\u201cWe agreed to expand trade between our two countries,\u201d Hart told reporters.",
        "Police arrested 12 protesters outside the ministry, officials said.",
        "Brandt could travel to Ottawa next month, aides said.",
    ]
    caption = "Amelia Hart and Lukas Brandt shake hands in Berlin."
    police = dict(name="police", code="DEUCOP", country="DEU", sector="COP")
    protesters = dict(name="protesters", code="CVL", sector="CVL")
    canada = dict(name="Canada", code="CAN", country="CAN")
    return Article(
        id="a000000000000001", title=title, paragraphs=body,
        url="https://dailyglobe.example/2024/05/02/trade",
        site="dailyglobe.example", published="2024-05-02T18:00:00+02:00",
        sources=[Sighting("https://dailyglobe.example/2024/05/02/trade", "dailyglobe.example")],
        language="en", images=[Image(caption=caption, url="https://img.example/a.jpg")],
        entities=[
            person("Amelia Hart", [(body[0], "Amelia Hart", "body", 0),
                                   (body[1], "Hart", "body", 1),
                                   (caption, "Amelia Hart", "caption", 0)],
                   role="Foreign Minister", country="CAN", sector="GOV"),
            person("Lukas Brandt", [(body[0], "Lukas Brandt", "body", 0),
                                    (body[3], "Brandt", "body", 3),
                                    (caption, "Lukas Brandt", "caption", 0)],
                   role="Foreign Minister", country="DEU", sector="GOV"),
            person("Berlin", [(body[0], "Berlin", "body", 0)], type="GPE", country="DEU"),
        ],
        quotes=[Quote(speaker="Amelia Hart", speaker_entity="Amelia Hart", cue="told",
                      direct=True, text="We agreed to expand trade between our two countries,",
                      where=at(body[1], "We agreed to expand trade between our two countries,",
                               "body", 1))],
        dates=[TimeExpr("Thursday", "DATE", "2024-05-02", at(body[0], "Thursday")),
               TimeExpr("next month", "DATE", "2024-06", at(body[3], "next month", "body", 3))],
        counts=[Count(12.0, "12 protesters", at(body[2], "12 protesters", "body", 2),
                      unit="people", about="protesters", change="=")],
        places=[Place(text="Berlin", where=at(body[0], "Berlin"), **BERLIN),
                Place(text="Berlin", where=at(caption, "Berlin", "caption", 0), **BERLIN)],
        events=[
            event(body[0], "body", 0, HART, BRANDT, "042", "CONSULT", BERLIN, "2024-05-02",
                  confidence=0.8, goldstein=1.9),
            event(body[2], "body", 2, police, protesters, "173", "COERCE", BERLIN,
                  "2024-05-02", quad=4, goldstein=-5.0),
            event(body[3], "body", 3, BRANDT, canada, "036", "AGREE", None, "2024-05-02",
                  mode="hypothetical", goldstein=4.0),
            event(caption, "caption", 0, HART, BRANDT, "040", "CONSULT", BERLIN, "2024-05-02",
                  from_caption=True),
        ],
    )


def article_b() -> Article:
    body = ["German Foreign Minister Lukas Brandt welcomed Amelia Hart of Canada to Berlin "
            "on Thursday.",
            "Hart said the talks had been productive."]
    url = "https://morningpost.example/world/hart-brandt"
    return Article(
        id="b000000000000002", title="Berlin welcomes Canadian minister", paragraphs=body,
        url=url, site="morningpost.example", published="2024-05-03",
        sources=[Sighting(url, "morningpost.example"),
                 Sighting("https://wire.example/stories/8812", "wire.example")],
        language="en",
        entities=[person("Amelia Hart", [(body[0], "Amelia Hart", "body", 0),
                                         (body[1], "Hart", "body", 1)],
                         role="minister", country="CAN", sector="GOV"),
                  person("Lukas Brandt", [(body[0], "Lukas Brandt", "body", 0)],
                         role="Foreign Minister", country="DEU", sector="GOV")],
        quotes=[Quote(speaker="Amelia Hart", speaker_entity="Amelia Hart", cue="said",
                      direct=False, text="the talks had been productive",
                      where=at(body[1], "the talks had been productive", "body", 1))],
        places=[Place(text="Berlin", where=at(body[0], "Berlin"), **BERLIN)],
        events=[event(body[0], "body", 0, HART, BRANDT, "040", "CONSULT", BERLIN,
                      "2024-05-02", confidence=0.6)],
    )


def article_c() -> Article:
    body = ["Hundreds of farmers protested against the German government in Hamburg on "
            "Sunday, their leader John Otieno said.",
            "\u201cWe will be back,\u201d said Jonas Weber, a farmer."]
    farmers = dict(name="farmers", code="CVL", sector="CVL")
    government = dict(name="the German government", code="DEUGOV", country="DEU",
                      sector="GOV")
    return Article(
        id="c000000000000003", title=None, paragraphs=body, source="dump.txt",
        published="2024-04-29", sources=[Sighting(None, None)], language="en",
        entities=[person("John Otieno", [(body[0], "John Otieno", "body", 0)]),
                  person("Jonas Weber", [(body[1], "Jonas Weber", "body", 1)], role="farmer")],
        quotes=[Quote(speaker="John Otieno", speaker_entity="John Otieno", cue="said",
                      direct=False, text="Hundreds of farmers protested",
                      where=at(body[0], "Hundreds of farmers protested")),
                Quote(speaker="Jonas Weber", speaker_entity="Jonas Weber", cue="said",
                      direct=True, text="We will be back,",
                      where=at(body[1], "We will be back,", "body", 1))],
        places=[Place(text="Hamburg", where=at(body[0], "Hamburg"), **HAMBURG)],
        events=[event(body[0], "body", 0, farmers, government, "141", "PROTEST", HAMBURG,
                      "2024-04-28", quad=4, goldstein=-6.5)],
    )


def build_store(path: Path) -> Path:
    """A store at ``path`` holding the three invented articles."""
    with Store(path) as store:
        for article in (article_a(), article_b(), article_c()):
            store.add(article)
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("query") / "news.db")
    with open_store(path) as opened:
        yield opened


def _plovers(events) -> list[str]:
    return sorted(e.lead.event.plover or "" for e in events)


def _meeting(store):
    return find_events(store, EventQuery(type="CONSULT"))[0]


# --- merging ----------------------------------------------------------------------------


@pytest.mark.parametrize(("figure", "expected"), [
    ("num_mentions", 3),   # body and caption of A, body of B
    ("num_articles", 2),   # A and B
    ("num_sources", 3),    # dailyglobe, morningpost, and wire (a second sighting of B)
])
def test_same_event_in_two_articles_merges_with_gdelt_counts(store, figure, expected):
    assert getattr(_meeting(store), figure) == expected


def test_same_event_in_two_articles_is_one_event(store):
    assert len(find_events(store, EventQuery(actor="hart"))) == 1


def test_article_seen_at_no_known_site_counts_as_one_source(store):
    protest = find_events(store, EventQuery(type="PROTEST"))[0]
    assert (protest.num_sources, protest.num_articles) == (1, 1)


def test_merged_event_speaks_with_its_most_frequent_code(store):
    # two mentions coded 040, one 042: the event reads as 040, the more confident 040
    assert _meeting(store).lead.event.cameo == "040"


# --- filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(actor="hart"), ["CONSULT"]),
    (EventQuery(actor="AMELIA"), ["CONSULT"]),
    (EventQuery(actor="deucop"), ["COERCE"]),
    (EventQuery(actor="farmers"), ["PROTEST"]),
    (EventQuery(country="CAN"), ["CONSULT"]),
    (EventQuery(country="deu"), ["COERCE", "CONSULT", "PROTEST"]),
    (EventQuery(type="04"), ["CONSULT"]),
    (EventQuery(type="042"), ["CONSULT"]),
    (EventQuery(type="1"), ["COERCE", "PROTEST"]),
    (EventQuery(type="consult"), ["CONSULT"]),
    (EventQuery(type="DEMAND"), []),
    (EventQuery(since="2024-05-01"), ["COERCE", "CONSULT"]),
    (EventQuery(until="2024-04-30"), ["PROTEST"]),
    (EventQuery(since="2024-04", until="2024-04"), ["PROTEST"]),
    (EventQuery(since="2024-05-02", until="2024-05-02", type="17"), ["COERCE"]),
])
@pytest.mark.parametrize("walk", [False, True], ids=["list-matching-ids", "walk-newest-first"])
def test_event_filters(store, query, expected, walk, monkeypatch):
    # both plans of find_events give the same events in the same order
    monkeypatch.setattr(query_events, "_common", lambda _store, _query: walk)
    assert _plovers(find_events(store, query)) == expected


@pytest.mark.parametrize(("query", "common"), [
    (EventQuery(type="04", limit=1), True),    # 3 mentions of the meeting, 4 events
    (EventQuery(type="04", limit=50), False),  # too few to fill a page by walking
    (EventQuery(type="04", limit=1, offset=10), False),  # nor to walk past ten
    (EventQuery(type="DEMAND", limit=1), False),
    (EventQuery(limit=1), False),               # no mention filter: nothing to test
])
def test_plan_walks_events_only_when_the_filter_is_common(store, query, common):
    assert query_events._common(store, query) is common


def test_lazy_events_read_the_same_as_eager_ones(store):
    eager = find_events(store, EventQuery(all_modes=True))
    lazy = find_events(store, EventQuery(all_modes=True), lazy=True)
    assert [e.to_dict() for e in lazy] == [e.to_dict() for e in eager]
    # a mention that is not the lead is read when asked for, while the store is open
    meeting = next(e for e in lazy if len(e.mentions) > 1)
    others = [m for m in meeting.mentions if m is not meeting.lead]
    assert [m.event.sentence for m in others] == [
        m.event.sentence for e in eager if e.id == meeting.id for m in e.mentions
        if m.id != meeting.lead.id]


@pytest.mark.parametrize("query", [
    EventQuery(type="VISIT"), EventQuery(country="Germany"), EventQuery(since="2024-13-01"),
    EventQuery(until="May 2024"),
])
def test_bad_filter_is_an_error_that_names_it(store, query):
    with pytest.raises(ConfigError, match="--"):
        find_events(store, query)


@pytest.mark.parametrize(("all_modes", "expected"), [(False, 0), (True, 1)])
def test_hypothetical_event_listed_only_with_all_modes(store, all_modes, expected):
    found = find_events(store, EventQuery(type="AGREE", all_modes=all_modes))
    assert len(found) == expected


def test_events_listed_most_recent_first(store):
    dates = [e.date for e in find_events(store, EventQuery())]
    assert dates == sorted(dates, reverse=True)


def test_limit_caps_the_events_listed(store):
    assert len(find_events(store, EventQuery(limit=1))) == 1


def test_missing_database_is_an_error_and_not_created(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


# --- quotes -----------------------------------------------------------------------------


@pytest.mark.parametrize("speaker", ["Amelia Hart", "amelia hart", "hart", "HART"])
def test_quotes_by_speaker_span_articles(store, speaker):
    found = find_quotes(store, speaker=speaker)
    assert sorted(q.article_id for q in found) == ["a000000000000001", "b000000000000002"]


def test_speaker_substring_naming_two_speakers_is_an_error_listing_them(store):
    with pytest.raises(ConfigError, match="John Otieno; Jonas Weber"):
        speaker_entities(store, "jo")


def test_unknown_speaker_has_no_quotes(store):
    assert find_quotes(store, speaker="Nobody Known") == []


@pytest.mark.parametrize(("search", "expected"), [
    ("trade", ["We agreed to expand trade between our two countries,"]),
    ("productive", ["the talks had been productive"]),
    ("back", ["We will be back,"]),
    ("hart", []),            # a speaker's name is not quote text
    ('"we agreed', ["We agreed to expand trade between our two countries,"]),
])
def test_quote_search_is_full_text_over_quote_text(store, search, expected):
    assert [q.text for q in find_quotes(store, search=search)] == expected


def test_quote_search_and_speaker_combine(store):
    assert find_quotes(store, speaker="hart", search="back") == []


# --- entities ---------------------------------------------------------------------------


def test_entity_counts_its_articles_mentions_and_quotes(store):
    hart = find_entities(store, name="amelia")[0]
    assert (hart.articles, hart.mentions, hart.quotes) == (2, 5, 2)


def test_entity_takes_its_most_common_role(store):
    brandt = find_entities(store, name="brandt")[0]
    assert (brandt.role, brandt.country, brandt.sector) == ("Foreign Minister", "DEU", "GOV")


@pytest.mark.parametrize(("order", "top"), [
    ("quotes", ["Amelia Hart", "John Otieno"]),     # 2 quotes, then 1 (ties by name)
    ("mentions", ["Amelia Hart", "Lukas Brandt"]),  # 5 mentions, then 4
    ("articles", ["Amelia Hart", "Lukas Brandt"]),  # both in 2 articles; Hart more mentioned
])
def test_entities_most_quoted_or_mentioned_first(store, order, top):
    assert [e.name for e in find_entities(store, order=order, limit=2)] == top


def test_entities_filtered_by_type(store):
    assert [e.name for e in find_entities(store, type="gpe")] == ["Berlin"]
