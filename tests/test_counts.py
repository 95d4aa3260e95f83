"""Behaviour of the counts stage (``dateline.counts.find``) and its bench helpers.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from dateline.bench import counts as bench
from dateline.counts.find import find_counts
from dateline.parse.segments import Segment, parse_segments
from dateline.records import Count, Where


@pytest.fixture
def counts(parse):
    """``counts("text")``: the counts the stage finds in one parsed body segment."""

    def _counts(text: str) -> list[Count]:
        return find_counts(parse(text))

    return _counts


def only(found: list[Count]) -> Count:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("The club sold 13,500 season tickets.", 13500),
    ("Police arrested 1,307,000 suspects over the decade.", 1307000),
    ("The index stood at 27,349.19 on the day.", 27349.19),
    ("The rover carried 7.5 tonnes of gear.", 7.5),
    ("Engineers checked .5 inch of the seam.", 0.5),
])
def test_digits_with_separators_and_decimals_are_read(counts, text, value):
    assert only(counts(text)).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [
    ("Three ministers resigned last night.", 3),
    ("The school enrolled twenty-eight thousand six hundred forty-two pupils.", 28642),
    ("She bought a dozen eggs at the market.", 12),
    ("He waited two and a half hours at the border.", 2.5),
    ("The fund lost half a million dollars.", 500000),
    ("Nearly two-thirds of voters backed the plan.", 2 / 3),
    ("A third of the staff work from home.", 1 / 3),
    ("One in five adults smokes daily.", 0.2),
])
def test_number_words_and_fractions_are_read(counts, text, value):
    assert only(counts(text)).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [
    ("The scheme cost 2.4 million euros.", 2.4e6),
    ("Investors lost $5bn in a day.", 5e9),
    ("The bonus pool reached £3.2m this spring.", 3.2e6),
    ("The car now sells for 25k at auction.", 25000),
    ("Lenders wrote off $1.2 trillion.", 1.2e12),
    ("The census covered 1.2m people in the region.", 1.2e6),
    ("The rocket climbed to 6.02 x 10^3 metres.", 6020),
])
def test_magnitudes_scale_the_value(counts, text, value):
    assert only(counts(text)).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "unit"), [
    ("The ticket cost $45 at the gate.", "dollar"),
    ("The bill came to US$1,200 in total.", "dollar"),
    ("Farmers were paid €300 per hectare.", "euro per hectare"),
    ("The fine was £2,000 for each breach.", "pound"),
    ("The council spent 400 dollars on paint.", "dollar"),
    ("Fans paid 15 euros for a seat.", "euro"),
    ("The deal was worth 9 billion yuan.", "chinese yuan"),
    ("The flat rents for HK$21,000 a month.", "hong kong dollar per month"),
    ("The price reached 110 JPY at noon.", "japanese yen"),
])
def test_currencies_give_the_unit(counts, text, unit):
    assert only(counts(text)).unit == unit


@pytest.mark.parametrize(("text", "unit"), [
    ("Turnout was 64% in the capital.", "percent"),
    ("Turnout was 64 per cent in the capital.", "percent"),
    ("Turnout was 64 percent in the capital.", "percent"),
    ("The rate went up by 2 percentage points over the summer.", "percentage point"),
    ("The bank cut rates by 25 basis points in June.", "basis point"),
])
def test_percent_forms_give_percent_units(counts, text, unit):
    assert only(counts(text)).unit == unit


@pytest.mark.parametrize(("text", "unit"), [
    ("The runners covered 42 km before noon.", "kilometre"),
    ("The runners covered 42km before noon.", "kilometre"),
    ("A 6.1-inch screen is standard now.", "inch"),
    ("The storm brought winds of 120 mph to the coast.", "mile per hour"),
    ("The pipeline moves 800,000 barrels a day south.", "barrel per day"),
    ("The 34-year-old striker signed on Monday.", "year of age"),
    ("Rescuers found 12 people alive.", "people"),
])
def test_units_of_measure_and_rates_are_recognised(counts, text, unit):
    assert only(counts(text)).unit == unit


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Prices rose between 5% and 6% in the quarter.", 5, 6),
    ("The model seats 5-7 passengers.", 5, 7),
    ("Fares went from 10 to 12 dollars.", 10, 12),
    ("The crowd was four to five thousand strong.", 4000, 5000),
    ("Analysts expect $10 to $15 billion in bids.", 10e9, 15e9),
    ("The price fell from $2,415 to $2,315 overnight.", 2415, 2315),
    ("Tens of thousands of people marched.", 10000, 100000),
])
def test_ranges_give_value_and_value_max(counts, text, low, high):
    count = only(counts(text))
    assert (count.value, count.value_max) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(("text", "unit"), [
    ("Buses run every 15 to 20 minutes.", "minute"),
    ("Analysts expect $10 to $15 billion in bids.", "dollar"),
    ("It costs eight or nine euros.", "euro"),
])
def test_the_first_number_borrows_the_unit_of_the_second(counts, text, unit):
    assert counts(text)[0].unit == unit


@pytest.mark.parametrize(("text", "change"), [
    ("Rescuers freed more than 300 miners.", ">"),
    ("Rescuers freed at least 300 miners.", ">"),
    ("Rescuers freed about 300 miners.", "~"),
    ("Rescuers freed nearly 300 miners.", "~"),
    ("The grant is worth up to $8 million.", "<"),
    ("The charge takes fewer than 20 minutes.", "<"),
    ("The wall is exactly 13 metres tall.", "="),
    ("Organisers expect 300 guests or more.", ">"),
    ("The lab holds 40 samples.", "="),
])
def test_bounds_and_approximations_set_change(counts, text, change):
    assert only(counts(text)).change == change


@pytest.mark.parametrize(("text", "change"), [
    ("Core inflation rose 0.3% in June.", "up"),
    ("The index fell 2 points on Friday.", "down"),
    ("Shares were up 5% at midday.", "up"),
    ("The benchmark slid 4.8% after the downgrade.", "down"),
    ("The firm expects to grow sales by 35 per cent.", "up"),
    ("In Europe the DAX -1.6% and the CAC +0.4% moved apart.", "down"),
    ("Shares rose about 1.5% in early trade.", "up"),
    ("Shares climbed more than 3% in early trade.", ">"),
])
def test_changes_are_marked_up_or_down(counts, text, change):
    assert counts(text)[0].change == change


@pytest.mark.parametrize("text", [
    "The summit opened on December 16 in Mexico City.",
    "The law was passed in 2019 after a long debate.",
    "The clinic opens at 5:30 pm on weekdays.",
    "The vote is set for 16 December.",
    "He finished 22nd in the final standings.",
    "The rule known as Title 42 was extended.",
    "Hospitals still treat COVID-19 patients.",
    "The S&P 500 closed higher.",
    "The new iPhone 12 Mini went on sale.",
    "Call the helpline on 555-123-4567 today.",
    "Prices peaked in the 1990s.",
    "Fans watched Game 6 at home.",
    "He lives at 575 Wilbraham Road.",
    "She bought the same one again.",
    "2. Never mind the weather",
    "Busch 5040 5 1 17 27",
    "The PS4 console shows 1080p video on a 3440x1440 panel.",
    "The file FHC/ABJ/03 was sealed by agent 007.",
    "She starred in the ’13 season.",
])
def test_what_is_not_a_count_is_skipped(counts, text):
    assert counts(text) == []


@pytest.mark.parametrize(("text", "about"), [
    ("Advocates documented more than 10,000 violent attacks on migrants.", "violent attacks"),
    ("Core inflation rose 0.3% in June.", "Core inflation"),
    ("The levy is a 25% tax on imported cars.", "tax"),
    ("Around 70 per cent of the index is made of exporters.", "index"),
    ("The club has 13000 members in the region.", "members"),
    ("Officials were expelling migrants more than 2 million times a year.",
     "expelling migrants"),
])
def test_about_names_what_is_counted(counts, text, about):
    assert only(counts(text)).about == about


@pytest.mark.parametrize("text", [
    "Officials counted more than 2.4 million crossings in 2022.",
    "About $30 billion, or 60% of its value, was lost.",
    "Between 5% and 6% of pupils, some 1,200 children, were absent.",
])
def test_where_points_at_the_text_of_the_count(parse, text):
    segments = parse(text)
    found = find_counts(segments)
    assert found
    for count in found:
        assert count.where == Where("body", 0, count.where.start, count.where.end)
        assert text[count.where.start:count.where.end] == count.text


def test_counts_are_found_without_a_parse():
    segment = Segment("body", 0, "Exports rose 7% to $2.3 billion.")
    found = find_counts([segment])
    assert [(count.value, count.unit, count.change) for count in found] == [
        (7, "percent", "up"), (2.3e9, "dollar", "=")]


def test_counts_keep_reading_order(counts):
    found = counts("First 3 boats, then 40 trucks and finally 500 cars arrived.")
    assert [count.value for count in found] == [3, 40, 500]


def test_worked_example_counts_are_found(nlp):
    path = shared_path("examples/blinken-ebrard.txt")
    paragraphs = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    segments = [Segment("body", i, paragraph) for i, paragraph in enumerate(paragraphs)]
    found = find_counts(parse_segments(segments, nlp))
    expelled = [count for count in found if count.value == 2400000]
    attacks = [count for count in found if count.value == 10000]
    assert expelled and "individuals" in (expelled[0].about or "")
    assert attacks and attacks[0].about == "violent attacks" and attacks[0].change == ">"


@pytest.mark.parametrize(("raw", "parsed"), [
    ("19.0", (19.0, None)),
    ("15.0-17.0", (15.0, 17.0)),
    ("2415.0-2315.0", (2415.0, 2315.0)),
    ("-1.3", (-1.3, None)),
    ("2.998E-08", (2.998e-08, None)),
])
def test_bench_reads_newsquant_values(raw, parsed):
    assert bench.parse_value(raw) == parsed


@pytest.mark.parametrize(("gold", "value", "value_max", "matches"), [
    ("15.0-17.0", 17.0, 15.0, True),
    ("15.0-17.0", 15.0, None, False),
    ("0.3333333333333333", 0.333333333, None, True),
    ("19.0", 19.0, 20.0, False),
])
def test_bench_pairs_ranges_in_either_order(gold, value, value_max, matches):
    low, high = bench.parse_value(gold)
    gold_quantity = bench.Gold(low, high, "-", "=", "-", gold)
    count = Count(value=value, text="x", where=Where("body", 0, 0, 1), value_max=value_max)
    assert bench.value_matches(gold_quantity, count) is matches


@pytest.mark.parametrize(("unit", "mapped"), [
    ("percent", "percentage"),
    ("dollar per barrel", "dollar per barrel"),
    ("pence", "point"),
    ("parts per billion", "parts-per-billion"),
    (None, "-"),
])
def test_bench_maps_our_units_onto_newsquant(unit, mapped):
    count = Count(value=1.0, text="1", where=Where("body", 0, 0, 1), unit=unit)
    assert bench.newsquant_unit(count, None, bench.unit_map()) == mapped


def test_bench_scores_a_small_gold_file(tmp_path):
    gold = [
        {"text": "Exports fell 7% to $2.3 billion.", "quantities": [
            {"value": "7", "unit": "%", "normalized_unit": "percentage", "change": "down",
             "referred_concepts": "exports"},
            {"value": "2300000000", "unit": "$", "normalized_unit": "dollar", "change": "=",
             "referred_concepts": "exports"},
        ]},
        {"text": "The talks ended on March 29.", "quantities": []},
    ]
    (tmp_path / "NewsQuant.json").write_text(json.dumps(gold), encoding="utf-8")
    result = bench.run(tmp_path, {"limit": None, "model": None})
    assert result.figures == {"value_f1": 1.0, "value_unit_f1": 1.0, "n": 2}
    assert result.details["value_change_f1"] == 1.0


def test_newsquant_value_f1_stays_above_the_floor():
    data = shared_path("eval/counts/newsquant")
    result = bench.run(data, {"limit": 80, "model": None})
    assert result.figures["value_f1"] >= 0.85
