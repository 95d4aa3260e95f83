"""The worked example: the events of ../shared/examples/blinken-ebrard.expected.json."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from dateline.events.coder import find_events
from dateline.parse.segments import Segment, parse_segments

ANCHOR = "2022-12-16T21:57:00"


def split_example(text: str) -> tuple[str, list[str], list[str]]:
    """Title, body paragraphs and captions of the flattened example page.

    The dump repeats each caption (a "•" line, then the caption again) and starts
    with the lead photo's caption; a block of two or more lines is page furniture.
    """
    title, body, captions = None, [], []
    for block in (b.strip() for b in text.split("\n\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("•"):
            captions += [line.lstrip("• ").strip() for line in lines if line.startswith("•")]
        elif len(lines) == 1 and title is None:
            title = lines[0]
        elif len(lines) == 1 and not lines[0].startswith("Updated:"):
            body.append(lines[0])
    captions = [c for c in captions if c not in {"English", "Arabic"}]
    return title or "", body, captions


@pytest.fixture(scope="module")
def example(nlp):
    text = shared_path("examples/blinken-ebrard.txt").read_text(encoding="utf-8")
    expected = json.loads(shared_path("examples/blinken-ebrard.expected.json").read_text())
    title, body, captions = split_example(text)
    segments = [Segment("title", 0, title)]
    segments += [Segment("body", i, p) for i, p in enumerate(body)]
    segments += [Segment("caption", i, c) for i, c in enumerate(captions)]
    parse_segments(segments, nlp)
    from dateline.entities.find import find_entities
    from dateline.places.find import find_places
    from dateline.time.find import find_times

    entities = find_entities(segments)
    events = find_events(segments, entities, find_times(segments, ANCHOR),
                         find_places(segments, entities), ANCHOR)
    return events, expected


def matches(event, wanted: dict) -> bool:
    """Whether ``event`` has every field of an expected event (``_any``: one of)."""
    for key, value in wanted.items():
        if key == "sentence_contains":
            ok = value in event.sentence
        elif key == "place_any":
            ok = event.place is not None and event.place.name in value
        elif key.endswith("_any"):
            ok = getattr(event, key[:-4]) in value
        else:
            ok = getattr(event, key) == value
        if not ok:
            return False
    return True


@pytest.mark.parametrize("number", range(4))
def test_example_events_are_found(example, number):
    events, expected = example
    wanted = expected["events"][number]
    assert any(matches(e, wanted) for e in events), wanted


def test_example_absent_events_are_not_marked_occurred(example):
    events, expected = example
    for absent in expected["events_absent"]:
        assert not any(matches(e, absent) for e in events), absent
