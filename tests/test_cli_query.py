"""The store-reading commands: ``dateline events``, ``quotes``, ``entities``, ``export``.

The store is the three invented articles of ``test_query.build_store``.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from test_query import build_store


@pytest.fixture(autouse=True)
def _divisions(monkeypatch):
    """No gazetteer load for ADM1 codes: these tests are about the commands."""
    monkeypatch.setattr("dateline.export.geo._division_code", lambda iso3, name: None)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("cli") / "news.db"))


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# --- events -----------------------------------------------------------------------------


def test_events_table_shows_the_merged_event_once_with_its_counts(db):
    result = run("events", "--db", db, "--actor", "hart")
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if line.startswith("2024-")]
    assert len(rows) == 1
    assert rows[0].split()[-3:] == ["3", "3", "2"]


def test_events_table_quotes_an_evidence_sentence(db):
    result = run("events", "--db", db, "--type", "PROTEST")
    assert "farmers protested against the German government" in result.output


@pytest.mark.parametrize(("args", "plovers"), [
    ((), ["COERCE", "CONSULT", "PROTEST"]),
    (("--all-modes",), ["AGREE", "COERCE", "CONSULT", "PROTEST"]),
    (("--country", "CAN"), ["CONSULT"]),
    (("--type", "17"), ["COERCE"]),
    (("--since", "2024-05-01"), ["COERCE", "CONSULT"]),
    (("--until", "2024-04-30"), ["PROTEST"]),
    (("--actor", "DEUCOP"), ["COERCE"]),
])
def test_events_json_lines_follow_the_filters(db, args, plovers):
    result = run("events", "--db", db, "--json", *args)
    assert result.exit_code == 0
    assert sorted(e["plover"] for e in json_lines(result.output)) == plovers


def test_events_json_carries_gdelt_figures(db):
    found = json_lines(run("events", "--db", db, "--json", "--type", "04").output)
    assert {k: found[0][k] for k in ("num_mentions", "num_sources", "num_articles")} == {
        "num_mentions": 3, "num_sources": 3, "num_articles": 2}


def test_events_with_all_modes_marks_events_that_did_not_occur(db):
    result = run("events", "--db", db, "--all-modes", "--type", "AGREE")
    assert "(hypothetical)" in result.output


def test_events_without_match_says_so_and_succeeds(db):
    result = run("events", "--db", db, "--actor", "nobody")
    assert result.exit_code == 0 and "no matching event" in result.output


@pytest.mark.parametrize("args", [("--type", "VISIT"), ("--since", "yesterday")])
def test_events_bad_filter_is_one_error_line(db, args):
    result = run("events", "--db", db, *args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1


def test_missing_database_is_one_error_line_and_not_created(tmp_path):
    path = tmp_path / "absent.db"
    result = run("events", "--db", str(path))
    assert result.exit_code == 1 and "Error: " in result.output
    assert not path.exists()


# --- quotes and entities ----------------------------------------------------------------


@pytest.mark.parametrize("speaker", ["Amelia Hart", "hart"])
def test_quotes_by_speaker_across_articles_is_one_query(db, speaker):
    found = json_lines(run("quotes", "--db", db, "--speaker", speaker, "--json").output)
    assert sorted(q["article_id"] for q in found) == ["a000000000000001", "b000000000000002"]
    assert {q["speaker_entity"] for q in found} == {"Amelia Hart"}


def test_quotes_table_shows_speaker_and_text(db):
    result = run("quotes", "--db", db, "--speaker", "Jonas Weber")
    assert "Jonas Weber" in result.output and "We will be back" in result.output


def test_quotes_ambiguous_speaker_is_an_error(db):
    result = run("quotes", "--db", db, "--speaker", "jo")
    assert result.exit_code == 1 and "give more of the name" in result.output


def test_quotes_search_finds_quote_text(db):
    found = json_lines(run("quotes", "--db", db, "--search", "productive", "--json").output)
    assert [q["text"] for q in found] == ["the talks had been productive"]


def test_entities_json_lists_articles_and_most_common_role(db):
    found = json_lines(run("entities", "--db", db, "--type", "PERSON", "--json").output)
    hart = next(e for e in found if e["name"] == "Amelia Hart")
    assert (hart["articles"], hart["role"], hart["quotes"]) == (2, "Foreign Minister", 2)


def test_entities_table_sorted_by_mentions(db):
    result = run("entities", "--db", db, "--sort", "mentions", "--limit", "2")
    names = [line.split("  ")[0] for line in result.output.splitlines()[1:]]
    assert names == ["Amelia Hart", "Lukas Brandt"]


# --- export -----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "width"), [
    ("gdelt-events", 61), ("gdelt-mentions", 16), ("gkg", 27),
])
def test_export_gdelt_to_standard_output(db, fmt, width):
    result = run("export", "--db", db, "--format", fmt)
    assert result.exit_code == 0
    assert {len(line.split("\t")) for line in result.output.splitlines()} == {width}


def test_export_plover_all_modes_adds_the_hypothetical_event(db):
    plain = json_lines(run("export", "--db", db, "--format", "plover").output)
    every = json_lines(run("export", "--db", db, "--format", "plover", "--all-modes").output)
    assert len(every) == len(plain) + 1


def test_export_parquet_writes_one_file_per_table(db, tmp_path):
    result = run("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "pq"))
    assert result.exit_code == 0
    assert (tmp_path / "pq" / "events.parquet").is_file()
    assert (tmp_path / "pq" / "articles.parquet").is_file()


def test_export_table_format_without_out_is_an_error(db):
    result = run("export", "--db", db, "--format", "csv")
    assert result.exit_code == 1 and "--out" in result.output


def test_export_to_file_reports_what_it_wrote(db, tmp_path):
    path = tmp_path / "articles.jsonl"
    result = run("export", "--db", db, "--format", "jsonl", "--out", str(path))
    assert result.exit_code == 0 and "wrote 3 records" in result.output
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3
