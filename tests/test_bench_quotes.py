"""The scoring functions of ``dateline bench quotes``."""

from __future__ import annotations

import pytest

from dateline.bench.quotes import f1_at, greedy_pairs, overlap, read_brat, same_speaker


@pytest.mark.parametrize(("a", "b", "expected"), [
    (((0, 10),), ((0, 10),), 1.0),
    (((0, 10),), ((5, 10),), 0.5),
    (((0, 10),), ((10, 20),), 0.0),
    (((0, 4), (6, 10)), ((0, 10),), 0.8),
])
def test_overlap_is_shared_characters_over_the_longer_span(a, b, expected):
    assert overlap(a, b) == pytest.approx(expected)


def test_greedy_pairing_takes_the_largest_overlap_first_one_to_one():
    predicted = [((0, 10),), ((0, 8),)]
    gold = [((0, 8),)]
    assert greedy_pairs(predicted, gold) == [(1, 0, 1.0)]


def test_f1_counts_only_pairs_at_the_threshold():
    pairs = [(0, 0, 0.9), (1, 1, 0.4)]
    assert f1_at(pairs, 2, 2, 0.8) == (1, 0.5)
    assert f1_at(pairs, 2, 2, 0.3) == (2, 1.0)


@pytest.mark.parametrize(("predicted", "person", "gold", "gold_person", "right"), [
    ("Doug McCallum", True, "doug mccallum", True, True),
    ("McCallum", True, "Doug McCallum", True, True),
    ("McCallum", False, "Doug McCallum", True, False),
    ("the city", False, "the City of Surrey", False, False),
    (None, False, "Doug McCallum", True, False),
])
def test_speaker_matches_ignoring_case_or_by_surname_of_people(
        predicted, person, gold, gold_person, right):
    assert same_speaker(predicted, person, gold, gold_person) is right


def test_brat_reader_keeps_discontinuous_spans():
    text = "T1\tSource 0 4\tPoll\nT7\tContent 209 236;91 186\tin favor ...\nE1\tAttribution:T1\n"
    spans = read_brat(text)
    assert spans["Source"] == [((0, 4),)]
    assert spans["Content"] == [((209, 236), (91, 186))]
