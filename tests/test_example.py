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
