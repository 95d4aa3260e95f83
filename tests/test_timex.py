"""The time stage: TIMEX3 values of time expressions against a fixed anchor.

The anchor is Friday 16 December 2022, 21:57 (ISO week 50), as in the worked example.
"""

from __future__ import annotations

import importlib
import json

import pytest

from conftest import shared_path
from dateline.parse.segments import Segment, parse_segments
from dateline.records import TimeExpr, Where
from dateline.time.find import date_of, find_times, parse_anchor

ANCHOR = "2022-12-16T21:57"


@pytest.fixture
def times(parse):
    """``times(text, anchor=ANCHOR)``: ``{expression text: (type, value, mod)}``."""

    def _times(text: str, anchor: str | None = ANCHOR) -> dict[str, tuple]:
        return {t.text: (t.type, t.value, t.mod) for t in find_times(parse(text), anchor)}

    return _times


def value_of(times, text: str, expression: str, anchor: str | None = ANCHOR) -> str | None:
    found = times(text, anchor)
    assert expression in found, f"{expression!r} not found in {found}"
    return found[expression][1]


@pytest.mark.parametrize("text, expression, value", [
    ("Blinken hosted Ebrard at the State Department on Friday.", "Friday", "2022-12-16"),
    ("A federal judge on Thursday blocked the policy.", "Thursday", "2022-12-15"),
    ("The talks ended on Monday without a deal.", "Monday", "2022-12-12"),
    ("The meeting comes days after a judge on Thursday blocked the rule.", "Thursday",
     "2022-12-15"),
    ("Thursday's ruling was appealed.", "Thursday", "2022-12-15"),
])
def test_weekday_resolves_to_most_recent_day_on_or_before_anchor(times, text, expression,
                                                                 value):
    assert value_of(times, text, expression) == value


@pytest.mark.parametrize("text, expression, value", [
    ("The ministers will meet on Monday.", "Monday", "2022-12-19"),
    ("They are going to vote on Wednesday.", "Wednesday", "2022-12-21"),
    ("The court hears the case next Tuesday.", "next Tuesday", "2022-12-20"),
    ("He resigned last Friday.", "last Friday", "2022-12-09"),
])
def test_weekday_points_forward_with_future_tense_or_next(times, text, expression, value):
    assert value_of(times, text, expression) == value


@pytest.mark.parametrize("text, expression, value", [
    ("The summit is next week.", "next week", "2022-W51"),
    ("Talks collapsed last week.", "last week", "2022-W49"),
    ("Parliament voted this week.", "this week", "2022-W50"),
    ("Protests erupted over the weekend.", "the weekend", "2022-W49-WE"),
    ("Voters go to the polls at the weekend.", "the weekend", "2022-W50-WE"),
])
def test_relative_week_is_an_iso_week(times, text, expression, value):
    assert value_of(times, text, expression) == value


@pytest.mark.parametrize("text, expression, value, mod", [
    ("We are preparing for the summit early next year.", "early next year", "2023", "START"),
    ("Prices rose late last year.", "late last year", "2021", "END"),
    ("The plant closes at the end of next month.", "the end of next month", "2023-01", "END"),
    ("The law was passed in mid-2021.", "mid-2021", "2021", "MID"),
])
def test_modifier_sets_mod_and_keeps_value(times, text, expression, value, mod):
    assert times(text)[expression][1:] == (value, mod)


@pytest.mark.parametrize("text, expression, value", [
    ("Exports fell last month.", "last month", "2022-11"),
    ("The law was passed in March.", "March", "2022-03"),
    ("The new rules take effect in March.", "March", "2023-03"),
    ("He was born in 1999.", "1999", "1999"),
    ("Inflation was low in the 1990s.", "the 1990s", "199"),
    ("Growth slowed in Q1.", "Q1", "2022-Q1"),
    ("Growth slowed in the first quarter.", "the first quarter", "2022-Q1"),
    ("Sales rose in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3"),
    ("Fires raged this summer.", "this summer", "2022-SU"),
    ("Rents rose last spring.", "last spring", "2022-SP"),
    ("Rents will rise next spring.", "next spring", "2023-SP"),
    ("The accord was signed in fiscal 2020.", "fiscal 2020", "2020"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
])
def test_months_years_quarters_seasons(times, text, expression, value):
    assert value_of(times, text, expression) == value


@pytest.mark.parametrize("text, expression, value", [
    ("The ceasefire lasted two weeks.", "two weeks", "P2W"),
    ("Polls close in 24 hours.", "24 hours", "PT24H"),
    ("He served 2 1/2 years in prison.", "2 1/2 years", "P2Y6M"),
    ("Prices rose over the past three months.", "the past three months", "P3M"),
    ("The five-year plan failed.", "five-year", "P5Y"),
    ("The siege has lasted for years.", "years", "PXY"),
    ("The talks took a few days.", "a few days", "PXD"),
])
def test_durations(times, text, expression, value):
    found = times(text)
    assert found[expression][:2] == ("DURATION", value)


def test_duration_modifier_becomes_mod(times):
    assert times("She testified for more than four hours.")["more than four hours"] == (
        "DURATION", "PT4H", "MORE_THAN")


@pytest.mark.parametrize("text, expression, value", [
    ("He visits his mother every Monday.", "every Monday", "XXXX-WXX-1"),
    ("Protesters gather daily outside the embassy.", "daily", "P1D"),
    ("The council meets twice a week.", "twice a week", "P1W"),
    ("The firm spends $1 billion a year on research.", "a year", "P1Y"),
    ("The festival is held each July.", "each July", "XXXX-07"),
])
def test_sets(times, text, expression, value):
    assert times(text)[expression][:2] == ("SET", value)


@pytest.mark.parametrize("text, expression, value", [
    ("Officials met this morning.", "this morning", "2022-12-16TMO"),
    ("The statement came at 9:57 PM.", "9:57 PM", "2022-12-16T21:57"),
    ("Sirens sounded last night.", "last night", "2022-12-15TNI"),
    ("The blast hit Friday morning.", "Friday morning", "2022-12-16TMO"),
    ("Talks broke off at noon Thursday.", "noon Thursday", "2022-12-15T12:00"),
])
def test_times_of_day(times, text, expression, value):
    assert times(text)[expression][:2] == ("TIME", value)


@pytest.mark.parametrize("text, expression", [
    ("The deal was signed on Dec. 16, 2022.", "Dec. 16, 2022"),
    ("The deal was signed on 16 December 2022.", "16 December 2022"),
    ("The deal was signed on 2022-12-16.", "2022-12-16"),
    ("The deal was signed on 12/16/2022.", "12/16/2022"),
    ("The deal was signed on Friday, December 16, 2022.", "Friday, December 16, 2022"),
    ("The deal was signed on the 16th of December.", "the 16th of December"),
    ("The deal was signed on December 16.", "December 16"),
])
def test_absolute_dates_in_several_formats(times, text, expression):
    assert times(text)[expression][:2] == ("DATE", "2022-12-16")


@pytest.mark.parametrize("text, expression, value", [
    ("Now the government must act.", "Now", "PRESENT_REF"),
    ("The rebels recently seized the town.", "recently", "PAST_REF"),
    ("Such attacks may happen in the future.", "the future", "FUTURE_REF"),
    ("Two weeks ago the talks resumed.", "Two weeks ago", "2022-W48"),
    ("Three days ago the talks resumed.", "Three days ago", "2022-12-13"),
    ("A year ago the talks resumed.", "A year ago", "2021"),
    ("Yesterday the talks resumed.", "Yesterday", "2022-12-15"),
])
def test_vague_and_counted_back_expressions(times, text, expression, value):
    assert value_of(times, text, expression) == value


def test_year_earlier_refers_to_quarter_named_before(times):
    text = "Profit rose in the third quarter. It was $3 million a year earlier."
    assert times(text)["a year earlier"][1] == "2021-Q3"


@pytest.mark.parametrize("text, expression, value", [
    ("They met on Friday.", "Friday", "XXXX-WXX-5"),
    ("They met on December 16.", "December 16", "XXXX-12-16"),
    ("They meet next week.", "next week", "XXXX-WXX"),
    ("They met in 1999.", "1999", "1999"),
])
def test_without_anchor_values_stay_unanchored(times, text, expression, value):
    assert value_of(times, text, expression, anchor=None) == value


@pytest.mark.parametrize("text", [
    "May I ask a question?",
    "More than 2000 people attended the rally.",
    "A three-year-old boy was rescued.",
    "The minister is 52 years old.",
    "Prices fall when supply rises.",
    "She watched 60 Minutes and then High Noon.",
])
def test_words_that_are_not_times_are_left_alone(times, text):
    assert times(text) == {}


def test_where_points_at_the_text_of_each_segment(nlp):
    segments = parse_segments([
        Segment("title", 0, "Talks resume on Monday"),
        Segment("body", 0, "Delegates met on Friday. They meet again next week."),
        Segment("caption", 2, "Protesters on Thursday night."),
    ], nlp)
    found = find_times(segments, ANCHOR)
    texts = {s.part: s.text for s in segments}
    assert [(t.where.part, t.text) for t in found] == [
        ("title", "Monday"), ("body", "Friday"), ("body", "next week"),
        ("caption", "Thursday night")]
    for timex in found:
        assert texts[timex.where.part][timex.where.start:timex.where.end] == timex.text


@pytest.mark.parametrize("value, expected", [
    ("2022-12-16", "2022-12-16"),
    ("2022-12-16T21:57", "2022-12-16"),
    ("2022-12-16TMO", "2022-12-16"),
    ("2022-11", "2022-11"),
    ("2023", "2023"),
    ("2022-W51", None),
    ("2022-Q1", None),
    ("PRESENT_REF", None),
])
def test_date_of_gives_calendar_date_a_value_names(value, expected):
    timex = TimeExpr(text="x", type="DATE", value=value, where=Where("body", 0, 0, 1))
    assert date_of(timex) == expected


def test_date_of_ignores_durations_and_sets():
    where = Where("body", 0, 0, 1)
    assert date_of(TimeExpr("x", "DURATION", "P2W", where)) is None
    assert date_of(TimeExpr("x", "SET", "XXXX-WXX-1", where)) is None


@pytest.mark.parametrize("anchor, day", [
    ("2022-12-16", "2022-12-16"),
    ("2022-12-16T21:57", "2022-12-16"),
    ("2022-12-16T21:57:03+01:00", "2022-12-16"),
    ("2022-12-16T21:57Z", "2022-12-16"),
    ("16 December", None),
    (None, None),
])
def test_anchor_accepts_iso_dates_with_or_without_time_and_zone(anchor, day):
    parsed = parse_anchor(anchor)
    assert (parsed.day.isoformat() if parsed else None) == day


def test_example_article_dates_match_its_gold(nlp):
    text = shared_path("examples/blinken-ebrard.txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path("examples/blinken-ebrard.expected.json").read_text())
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    segments = parse_segments([Segment("body", i, p) for i, p in enumerate(paragraphs)], nlp)
    found = {(t.text, t.value) for t in find_times(segments, gold["updated"])}
    for expected in gold["dates"]:
        value = expected.get("value") or expected.get("value_prefix")
        assert any(text == expected["text"] and (v or "").startswith(value)
                   for text, v in found), expected


_TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-12-16" functionInDocument="CREATION_TIME">
20221216</TIMEX3></DCT>
<TEXT>
The envoys met <TIMEX3 tid="t1" type="DATE" value="2022-12-15">Thursday</TIMEX3> and will
meet again <TIMEX3 tid="t2" type="DATE" value="2022-W51">next week</TIMEX3> for
<TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3> of talks.
</TEXT>
</TimeML>
"""


def test_bench_reads_timeml_offsets_and_scores_tempeval_style(tmp_path):
    bench = importlib.import_module("dateline.bench.time")
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "doc.tml").write_text(_TML)
    doc = bench.load_docs(tmp_path)[0]
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["Thursday", "next week", "two days"]
    result = bench.run(tmp_path, {"limit": None, "model": None})
    assert result.figures == {"extent_f1_relaxed": 1.0, "extent_f1_strict": 1.0,
                              "value_f1": 1.0, "n": 3}


@pytest.mark.parametrize("text, extent", [
    ("The company posted a third-quarter loss.", "third-quarter"),
    ("Friday's vote was close.", "Friday"),
    ("Its fourth quarter was weak.", "fourth quarter"),
    ("Profit fell in the third quarter.", "the third quarter"),
])
def test_extent_follows_timeml_leaving_out_possessives_and_modifier_articles(times, text,
                                                                           extent):
    assert extent in times(text)


@pytest.mark.parametrize("text, expression, value", [
    ("The law was passed on 2 January.", "2 January", "2022-01-02"),
    ("On the morning of 24 February, tanks crossed the border.", "24 February", "2022-02-24"),
    ("The board declared a dividend payable Jan. 2.", "Jan. 2", "2023-01-02"),
    ("The vote is set for Jan. 10.", "Jan. 10", "2023-01-10"),
    ("The summit will be held on 10 January.", "10 January", "2023-01-10"),
    ("The minister resigned in November.", "November", "2022-11"),
])
def test_day_without_year_takes_the_year_the_tense_points_to(times, text, expression, value):
    assert value_of(times, text, expression) == value


def test_segments_without_parse_still_resolve_weekdays_backwards():
    found = find_times([Segment("body", 0, "The talks ended on Monday.")], ANCHOR)
    assert [(t.text, t.value) for t in found] == [("Monday", "2022-12-12")]
