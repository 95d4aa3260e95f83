"""The worked example: `dateline extract ../shared/examples/blinken-ebrard.txt --pretty`
agrees with the hand-made record beside it.

The comparison follows the rules stated in the expected file's ``_about``: text
compares ignoring case, surrounding whitespace and curly-vs-straight quotes; a key
ending in ``_any`` holds when the field contains one of the strings; times and dates
match by prefix; lists are "must contain" unless marked exact; ``*_absent`` must not
match.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import shared_path
from dateline.cli import cli


def fold(text: str | None) -> str:
    text = (text or "").strip().casefold()
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(shared_path("examples/blinken-ebrard.expected.json").read_text())


@pytest.fixture(scope="module")
def record() -> dict:
    path = shared_path("examples/blinken-ebrard.txt")
    result = CliRunner().invoke(cli, ["extract", str(path), "--pretty"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_title_updated_and_contributors(record, expected):
    assert fold(record["title"]) == fold(expected["title"])
    assert record["updated"].startswith(expected["updated"])
    assert [fold(c) for c in record["contributors"]] == [fold(c) for c in expected["contributors"]]


def test_paragraphs_exact_count_first_and_last(record, expected):
    assert len(record["paragraphs"]) == expected["paragraphs_exact_count"]
    assert fold(record["paragraphs"][0]) == fold(expected["paragraphs_first"])
    assert fold(record["paragraphs"][-1]) == fold(expected["paragraphs_last"])
    assert record["text"] == "\n\n".join(record["paragraphs"])


def test_every_image_with_its_credit(record, expected):
    assert len(record["images"]) == expected["images_exact_count"]
    found = {(fold(i["caption"]), fold(i["credit"])) for i in record["images"]}
    for image in expected["images"]:
        assert (fold(image["caption"]), fold(image["credit"])) in found, image


def test_boilerplate_stays_out_of_the_text(record, expected):
    text = fold(record["text"])
    for noise in expected["boilerplate_absent_from_text"]:
        assert fold(noise) not in text, noise


def contains_any(value: str | None, options: list[str]) -> bool:
    return any(fold(option) in fold(value) for option in options)


def test_expected_entities_with_type_country_and_role(record, expected):
    by_name = {(fold(e["name"]), e["type"]): e for e in record["entities"]}
    for wanted in expected["entities"]:
        entity = by_name.get((fold(wanted["name"]), wanted["type"]))
        assert entity is not None, wanted["name"]
        assert entity["country"] == wanted["country"], wanted["name"]
        if "role_contains" in wanted:
            assert fold(wanted["role_contains"]) in fold(entity["role"]), wanted["name"]


def test_credits_trump_era_and_places_are_not_people(record, expected):
    people = {fold(e["name"]) for e in record["entities"] if e["type"] == "PERSON"}
    for name in expected["entities_absent"]:
        assert fold(name) not in people, name


def test_expected_quotes_with_resolved_speakers(record, expected):
    for wanted in expected["quotes"]:
        matches = [q for q in record["quotes"]
                   if fold(q["text"]).startswith(fold(wanted["text_starts"]))]
        assert matches, wanted["text_starts"]
        quote = matches[0]
        assert quote["direct"] is wanted["direct"]
        if "speaker" in wanted:
            assert fold(quote["speaker"]) == fold(wanted["speaker"])
        else:
            assert contains_any(quote["speaker"], wanted["speaker_any"]), quote["speaker"]
    speakers = {fold(q["speaker"]) for q in record["quotes"]}
    for absent in expected["quotes_absent_speakers"]:
        assert fold(absent) not in speakers, absent


def test_expected_time_expressions(record, expected):
    for wanted in expected["dates"]:
        values = [d["value"] or "" for d in record["dates"]
                  if fold(d["text"]) == fold(wanted["text"])]
        assert values, wanted["text"]
        if "value" in wanted:
            assert wanted["value"] in values, (wanted, values)
        else:
            assert any(v.startswith(wanted["value_prefix"]) for v in values), (wanted, values)


def test_expected_counts_with_what_they_count(record, expected):
    for wanted in expected["counts"]:
        assert any(c["value"] == wanted["value"] and contains_any(c["about"], wanted["about_any"])
                   for c in record["counts"]), wanted


def event_matches(event: dict, wanted: dict) -> bool:
    place = (event.get("place") or {}).get("name")
    for key, value in wanted.items():
        if key.endswith("_any"):
            field = key.removesuffix("_any")
            actual = place if field == "place" else event.get(field)
            if not contains_any(actual, value):
                return False
        elif key == "sentence_contains":
            if fold(value) not in fold(event["sentence"]):
                return False
        elif key == "date":
            if not (event.get("date") or "").startswith(value):
                return False
        elif fold(str(event.get(key))) != fold(str(value)):
            return False
    return True


def test_expected_events(record, expected):
    for wanted in expected["events"]:
        assert any(event_matches(e, wanted) for e in record["events"]), wanted


def test_caption_event_is_marked_as_from_a_caption(record, expected):
    protests = [e for e in record["events"] if event_matches(e, expected["events"][3])]
    assert protests and all(e["from_caption"] for e in protests)


def test_possible_appeal_is_not_an_event_that_occurred(record, expected):
    for absent in expected["events_absent"]:
        assert not any(event_matches(e, absent) for e in record["events"]), absent
