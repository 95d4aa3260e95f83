"""Exports: GDELT Events/Mentions/GKG read back with the published column lists, FIPS
codes in the geographic columns, PLOVER fields, JSON Lines, CSV and Parquet tables.

The store is the three invented articles of ``test_query.build_store``.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import shared_path
from dateline.export import FORMATS, export, lines
from dateline.export.countries import fips, iso3_from_fips
from dateline.export.document import Document
from dateline.export.gkg import count_type
from dateline.query import open_store
from dateline.records import Count, Where
from test_query import build_store

SCHEMA = "eval/events/gdelt-schema/"


@pytest.fixture(autouse=True)
def _divisions(monkeypatch):
    """GeoNames division codes without loading the gazetteer (kept fast and offline)."""
    codes = {("DEU", "Berlin"): "16", ("DEU", "Hamburg"): "04"}
    monkeypatch.setattr("dateline.export.geo._division_code",
                        lambda iso3, name: codes.get((iso3, name)))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("export") / "news.db")
    with open_store(path) as opened:
        yield opened


def published_columns(kind: str) -> list[str]:
    """Column names of a GDELT table from the published header files."""
    if kind == "events":
        path = shared_path(SCHEMA + "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
        rows = list(csv.reader(path.open(encoding="utf-8")))
        return [row[0] for row in rows[1:]]
    name = {"mentions": "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv",
            "gkg": "GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv"}[kind]
    rows = list(csv.reader(shared_path(SCHEMA + name).open(encoding="utf-8"), delimiter="\t"))
    return [row[1] for row in rows[1:] if row[1] != "Add New Fields"]


def records(store, fmt: str, kind: str, all_modes: bool = False) -> list[dict[str, str]]:
    """The export's rows as dicts keyed by the published column names."""
    names = published_columns(kind)
    out = []
    for line in lines(store, fmt, all_modes):
        fields = line.split("\t")
        assert len(fields) == len(names), f"{fmt}: {len(fields)} fields, not {len(names)}"
        out.append(dict(zip(names, fields, strict=True)))
    return out


def _meeting(rows: list[dict[str, str]]) -> dict[str, str]:
    return next(r for r in rows if r["EventRootCode"] == "04")


# --- column counts ----------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "kind", "width"), [
    ("gdelt-events", "events", 61), ("gdelt-mentions", "mentions", 16), ("gkg", "gkg", 27),
])
def test_gdelt_lines_have_the_published_number_of_columns(store, fmt, kind, width):
    assert len(published_columns(kind)) == width
    rows = list(lines(store, fmt))
    assert rows and all(len(row.split("\t")) == width for row in rows)


@pytest.mark.parametrize(("fmt", "count", "all_count"), [
    ("gdelt-events", 3, 4), ("gdelt-mentions", 5, 6), ("gkg", 3, 3), ("plover", 5, 6),
    ("jsonl", 3, 3),
])
def test_exports_leave_out_what_did_not_occur_unless_all_modes(store, fmt, count, all_count):
    assert len(list(lines(store, fmt))) == count
    assert len(list(lines(store, fmt, all_modes=True))) == all_count


# --- GDELT events -----------------------------------------------------------------------


@pytest.mark.parametrize(("column", "value"), [
    ("SQLDATE", "20240502"), ("MonthYear", "202405"), ("Year", "2024"),
    ("Actor1Code", "CANGOV"), ("Actor1Name", "AMELIA HART"), ("Actor1CountryCode", "CAN"),
    ("Actor1Type1Code", "GOV"), ("Actor2Code", "DEUGOV"), ("Actor2CountryCode", "DEU"),
    ("Actor1KnownGroupCode", ""), ("Actor1EthnicCode", ""), ("Actor1Religion1Code", ""),
    ("IsRootEvent", "1"), ("EventCode", "040"), ("EventBaseCode", "040"),
    ("EventRootCode", "04"), ("QuadClass", "1"), ("GoldsteinScale", "1"),
    ("NumMentions", "3"), ("NumSources", "3"), ("NumArticles", "2"), ("AvgTone", ""),
    ("ActionGeo_Type", "4"), ("ActionGeo_FullName", "Berlin, Berlin, Germany"),
    ("ActionGeo_CountryCode", "GM"), ("ActionGeo_ADM1Code", "GM16"),
    ("ActionGeo_FeatureID", "2950159"), ("ActionGeo_Lat", "52.5244"),
    ("Actor1Geo_CountryCode", "GM"), ("Actor2Geo_CountryCode", "GM"),
    ("SOURCEURL", "https://dailyglobe.example/2024/05/02/trade"),
])
def test_gdelt_event_columns_of_the_merged_meeting(store, column, value):
    assert _meeting(records(store, "gdelt-events", "events"))[column] == value


def test_gdelt_event_dateadded_is_utc_timestamp(store):
    added = _meeting(records(store, "gdelt-events", "events"))["DATEADDED"]
    assert len(added) == 14 and added.isdigit()


def test_gdelt_event_fraction_date_counts_days_of_the_year(store):
    # 2 May 2024 is day 123 of a 366-day year: 122 days are gone when it starts
    assert _meeting(records(store, "gdelt-events", "events"))["FractionDate"] == "2024.3333"


def test_gdelt_actor_without_country_has_empty_country_code(store):
    protest = next(r for r in records(store, "gdelt-events", "events")
                   if r["EventRootCode"] == "14")
    assert (protest["Actor1Code"], protest["Actor1CountryCode"],
            protest["Actor1Type1Code"]) == ("CVL", "", "CVL")


def test_gdelt_event_without_url_cites_its_article(store):
    protest = next(r for r in records(store, "gdelt-events", "events")
                   if r["EventRootCode"] == "14")
    assert protest["SOURCEURL"] == "dump.txt"


@pytest.mark.parametrize(("iso3", "code"), [
    ("DEU", "GM"), ("GBR", "UK"), ("USA", "US"), ("CHN", "CH"), ("CHE", "SZ"),
    ("XKX", "KV"), ("SSD", "OD"), ("mex", "MX"), ("ZZZ", None), (None, None),
])
def test_fips_codes_from_iso_alpha3(iso3, code):
    assert fips(iso3) == code


@pytest.mark.parametrize(("code", "iso3"), [("GM", "DEU"), ("UK", "GBR"), ("SZ", "CHE")])
def test_iso_alpha3_from_fips_codes(code, iso3):
    assert iso3_from_fips(code) == iso3


# --- GDELT mentions ---------------------------------------------------------------------


def _document(store, article_id: str) -> Document:
    return Document(store.get(article_id))


def test_gdelt_mentions_are_one_row_per_article_mention(store):
    rows = [r for r in records(store, "gdelt-mentions", "mentions")
            if r["GLOBALEVENTID"] == _meeting(records(store, "gdelt-events", "events"))[
                "GLOBALEVENTID"]]
    assert sorted(r["MentionIdentifier"] for r in rows) == [
        "https://dailyglobe.example/2024/05/02/trade",
        "https://dailyglobe.example/2024/05/02/trade",
        "https://morningpost.example/world/hart-brandt"]


@pytest.mark.parametrize(("column", "name"), [
    ("Actor1CharOffset", "Amelia Hart"), ("Actor2CharOffset", "Lukas Brandt"),
])
def test_gdelt_mention_actor_offsets_point_at_the_names(store, column, name):
    row = next(r for r in records(store, "gdelt-mentions", "mentions")
               if r["MentionIdentifier"].startswith("https://morningpost"))
    text = _document(store, "b000000000000002").text
    offset = int(row[column])
    assert text[offset:offset + len(name)] == name


@pytest.mark.parametrize(("column", "value"), [
    ("MentionType", "1"), ("MentionSourceName", "morningpost.example"), ("SentenceID", "2"),
    ("InRawText", "1"), ("Confidence", "60"), ("MentionDocTone", ""),
])
def test_gdelt_mention_columns(store, column, value):
    row = next(r for r in records(store, "gdelt-mentions", "mentions")
               if r["MentionIdentifier"].startswith("https://morningpost"))
    assert row[column] == value


def test_gdelt_mention_without_url_is_a_citation(store):
    row = next(r for r in records(store, "gdelt-mentions", "mentions")
               if r["MentionIdentifier"] == "dump.txt")
    assert (row["MentionType"], row["MentionSourceName"]) == ("2", "")


def test_gdelt_mention_offsets_count_from_the_body_when_there_is_no_title(store):
    row = next(r for r in records(store, "gdelt-mentions", "mentions")
               if r["MentionIdentifier"] == "dump.txt")
    body = store.get("c000000000000003").paragraphs[0]
    assert int(row["Actor2CharOffset"]) == body.index("the German government")


# --- GKG --------------------------------------------------------------------------------


def _gkg(store, article_id: str) -> dict[str, str]:
    rows = records(store, "gkg", "gkg")
    return next(r for r in rows if r["DocumentIdentifier"] == store.get(article_id).url
                or (not store.get(article_id).url and r["DocumentIdentifier"] == "dump.txt"))


def test_gkg_locations_use_fips_codes_and_offsets(store):
    row = _gkg(store, "a000000000000001")
    assert row["Locations"] == "4#Berlin, Berlin, Germany#GM#GM16#52.5244#13.4105#2950159"
    offsets = [int(item.split("#")[-1]) for item in row["V2Locations"].split(";")]
    text = _document(store, "a000000000000001").text
    assert [text[o:o + 6] for o in offsets] == ["Berlin", "Berlin"]


def test_gkg_persons_are_listed_once_and_each_mention_with_offset(store):
    row = _gkg(store, "a000000000000001")
    assert row["Persons"] == "Amelia Hart;Lukas Brandt"
    assert row["V2Persons"].split(";")[0].startswith("Amelia Hart,")
    assert len(row["V2Persons"].split(";")) == 6


def test_gkg_quotation_is_offset_length_verb_quote(store):
    offset, length, verb, quote = _gkg(store, "a000000000000001")["Quotations"].split("|")
    text = _document(store, "a000000000000001").text
    assert (verb, quote) == ("told", "We agreed to expand trade between our two countries")
    assert text[int(offset):int(offset) + int(length)].startswith("We agreed")


@pytest.mark.parametrize(("column", "value"), [
    ("SourceCollectionIdentifier", "1"), ("SourceCommonName", "dailyglobe.example"),
    ("DATE", "20240502160000"), ("Themes", ""), ("V2Tone", ""), ("GCAM", ""),
    ("SharingImage", "https://img.example/a.jpg"),
    ("RelatedImages", "https://img.example/a.jpg"),
])
def test_gkg_columns(store, column, value):
    assert _gkg(store, "a000000000000001")[column] == value


def test_gkg_counts_carry_gdelt_type_and_location(store):
    row = _gkg(store, "a000000000000001")
    assert row["Counts"].startswith("PROTEST#12#protesters#4#Berlin, Berlin, Germany#GM#")
    assert row["Amounts"].startswith("12,protesters,")


def test_gkg_dates_give_resolution_month_day_year_offset(store):
    fields = [item.split("#") for item in _gkg(store, "a000000000000001")["Dates"].split(";")]
    assert [f[:4] for f in fields] == [["3", "5", "2", "2024"], ["2", "6", "0", "2024"]]


def test_gkg_record_without_url_is_a_citation(store):
    row = _gkg(store, "c000000000000003")
    assert (row["SourceCollectionIdentifier"], row["SourceCommonName"]) == ("2", "")


@pytest.mark.parametrize(("about", "kind"), [
    ("people killed", "KILL"), ("wounded civilians", "WOUND"), ("protesters", "PROTEST"),
    ("migrants detained", "ARREST"), ("apples", None), (None, None),
])
def test_gkg_count_type_from_what_is_counted(about, kind):
    count = Count(value=3, text="3", where=Where("body", 0, 0, 1), about=about)
    assert count_type(count) == kind


# --- PLOVER -----------------------------------------------------------------------------

#: Field names of the PLOVER manual (0.8) JSON table.
PLOVER_FIELDS = {"id", "has_event", "date", "time", "enddate", "endtime", "source",
                 "recipient", "event", "event_loc", "event_text", "quad_code", "event_scale",
                 "mode", "context", "link", "text", "text_info", "cite_info", "coder",
                 "coded_date", "coded_time", "comment"}


def _plover(store, all_modes: bool = False) -> list[dict]:
    return [json.loads(line) for line in lines(store, "plover", all_modes)]


def test_plover_records_use_only_manual_fields(store):
    assert all(set(record) <= PLOVER_FIELDS for record in _plover(store, True))


def test_plover_records_have_the_required_fields(store):
    assert all({"id", "date", "source", "event"} <= set(r) for r in _plover(store))


def test_plover_record_of_a_visit(store):
    visit = next(r for r in _plover(store) if r["event"] == ["CONSULT"]
                 and r["id"] == "a000000000000001-1")
    assert visit["source"] == [{"code": "CAN", "sector": "GOV", "actor_text": "Amelia Hart"}]
    assert visit["recipient"][0]["code"] == "DEU"
    assert (visit["mode"], visit["quad_code"], visit["date"]) == (["visit"], 1, "2024-05-02")
    assert visit["event_loc"]["cc3"] == "DEU" and visit["event_loc"]["country_code"] == "DE"


def test_plover_links_mentions_of_one_merged_event(store):
    links = {r["link"] for r in _plover(store) if r["event"] == ["CONSULT"]}
    assert len(links) == 1


def test_plover_hypothetical_event_gets_special_context(store):
    trip = next(r for r in _plover(store, all_modes=True) if r["event"] == ["AGREE"])
    assert "hypothetical" in trip["context"]


# --- JSON Lines, CSV, Parquet -----------------------------------------------------------


def test_jsonl_is_one_article_record_per_line(store):
    ids = [json.loads(line)["id"] for line in lines(store, "jsonl")]
    assert ids == ["a000000000000001", "b000000000000002", "c000000000000003"]


@pytest.mark.parametrize(("table", "rows"), [
    ("articles", 3), ("sightings", 4), ("events", 4), ("event_mentions", 6), ("quotes", 4),
    ("places", 4), ("counts", 1), ("time_expressions", 2),
])
def test_parquet_tables_are_readable_with_pyarrow(store, tmp_path, table, rows):
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path)
    assert pq.read_table(tmp_path / f"{table}.parquet").num_rows == rows


def test_parquet_events_carry_merge_figures(store, tmp_path):
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path)
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert max(e["num_mentions"] for e in events) == 3
    assert pq.read_table(tmp_path / "events.parquet").schema.field("num_sources").type == "int64"


def test_csv_tables_are_readable_with_pyarrow(store, tmp_path):
    import pyarrow.csv as pacsv

    written = export(store, "csv", tmp_path)
    tables = {p.stem: pacsv.read_csv(p) for p in tmp_path.glob("*.csv")}
    assert sum(t.num_rows for t in tables.values()) == written
    assert tables["quotes"].num_rows == 4


def test_text_export_to_a_file_counts_records(store, tmp_path):
    path = tmp_path / "events.tsv"
    assert export(store, "gdelt-events", path) == len(path.read_text().splitlines()) == 3


def test_text_export_to_a_stream(store):
    stream = io.StringIO()
    export(store, "jsonl", stream=stream)
    assert len(stream.getvalue().splitlines()) == 3


def test_every_format_is_listed():
    assert set(FORMATS) == {"gdelt-events", "gdelt-mentions", "gkg", "plover", "jsonl",
                            "csv", "parquet"}


# --- offsets and dates ------------------------------------------------------------------


def _article(title, paragraphs, captions=()):
    from dateline.records import Article, Image

    return Article(id="x", title=title, paragraphs=list(paragraphs),
                   images=[Image(caption=c) for c in captions])


@pytest.mark.parametrize(("where", "expected"), [
    (Where("title", 0, 0, 5), 0),
    (Where("body", 0, 4, 9), len("Talks end") + 2 + 4),
    (Where("body", 1, 0, 3), len("Talks end") + 2 + len("The two sides met.") + 2),
    (Where("caption", 0, 0, 3), len("Talks end\n\nThe two sides met.\n\nThey left.\n\n")),
    (Where("caption", 5, 0, 3), None),
])
def test_document_offsets_run_over_title_body_and_captions(where, expected):
    article = _article("Talks end", ["The two sides met.", "They left."], ["Two men."])
    assert Document(article).offset(where) == expected


@pytest.mark.parametrize(("phrase", "sentence"), [
    ("Talks", 1), ("The two", 2), ("Then they", 3), ("They left", 4), ("Two men", 5),
])
def test_document_sentence_numbers_count_sentences_and_parts(phrase, sentence):
    article = _article("Talks end", ["The two sides met. Then they ate.", "They left."],
                       ["Two men."])
    document = Document(article)
    assert document.sentence_number(document.text.index(phrase)) == sentence


@pytest.mark.parametrize(("date", "fields"), [
    ("2024-05-02", ["20240502", "202405", "2024", "2024.3333"]),
    ("2023-12-31T23:00", ["20231231", "202312", "2023", "2023.9973"]),
    ("2023-01-01", ["20230101", "202301", "2023", "2023.0000"]),
    ("2024-05", ["20240500", "202405", "2024", "2024.3306"]),
    ("2024", ["20240000", "202400", "2024", "2024.0000"]),
    (None, ["", "", "", ""]),
])
def test_gdelt_date_fields(date, fields):
    from dateline.export.gdelt import _date_fields

    assert _date_fields(date) == fields


@pytest.mark.parametrize(("moment", "stamp"), [
    ("2024-05-02T18:00:00+02:00", "20240502160000"),
    ("2024-05-02T18:00:00Z", "20240502180000"),
    ("2024-05-02T18:00", "20240502180000"),
    ("2024-05-02", "20240502000000"),
    ("", ""),
])
def test_gdelt_timestamps_are_utc_when_zoned(moment, stamp):
    from dateline.export.articles import stamp as to_stamp

    assert to_stamp(moment) == stamp


@pytest.mark.parametrize(("cameo", "mode", "context"), [
    ("042", "visit", []),            # its own row
    ("0841", "release", ["legal"]),  # a four-digit code's own row
    ("0449", "third-party", []),     # no row of its own: its parent's (044)
])
def test_plover_mode_and_context_from_the_cameo_table(cameo, mode, context):
    from dateline.export.plover import mode_context

    assert mode_context(cameo) == (mode, context)
