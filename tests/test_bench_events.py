"""The PETRARCH part of the events benchmark: lenient reading, gold and ceilings."""

from pathlib import Path

from dateline.bench.events import _ceiling, _gold, _gold_agreement, read_records

# Written for this test in the layout of the validation files, flaws included: a
# comment with "--" and a tag in it, a self-closing <Sentence .../>, a PLEvent line.
RECORDS = """<Sentences>
<!-- header -- with <Sentence id="fake"> inside -->
<Sentence id="A-1" date="20200101" category="VERB" evaluate="true"/>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="042"/>
<PLEvent {"a": 1}>
<Text> Arnor visited Gondor &amp; Rohan. </Text>
<Sentence id="A-2" date="20200102" category="VERB" evaluate="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="111"/>
<Text>Arnor criticised Gondor.</Text></Sentence>
<Sentence id="A-3" date="20200103" category="DEMO">
<EventCoding noevents="True"/>
<Text>The weather was fine.</Text></Sentence>
<Sentence id="A-4" date="20200103" category="ERROR">
<EventCoding error="unparsed"/>
<Text>Garbled.</Text></Sentence>
</Sentences>
"""


def test_records_are_read_leniently():
    records = read_records(RECORDS)
    assert [r["id"] for r in records] == ["A-1", "A-2", "A-3", "A-4"]
    first = records[0]
    assert first["text"] == "Arnor visited Gondor & Rohan."
    assert first["date"] == "20200101" and first["evaluate"]
    assert first["codings"] == [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "042"}]


def test_gold_skips_unevaluated_and_error_records_and_reads_noevents_as_empty():
    golds = [_gold(r) for r in read_records(RECORDS)]
    assert golds == [[("ARN", "GON", "042")], None, [], None]


def _scored(text: str, gold: list[tuple]) -> tuple[dict, list[tuple]]:
    return {"text": text}, gold


def test_ceiling_is_what_following_one_files_gold_can_score():
    # Two files code the same sentence differently and each has one of its own.
    first = [_scored("shared", [("ARN", "GON", "050")]),
             _scored("only first", [("A", "B", "042")])]
    second = [_scored("shared", [("ARN", "GON", "064")]),
              _scored("only second", [("C", "D", "111")])]
    scored = {Path("one.xml"): first, Path("two.xml"): second}
    ceiling = _ceiling(scored)
    # Following either file: 4 gold, 4 predicted, 3 right (the shared sentence once).
    for figures in ceiling.values():
        assert figures["f1_full"] == 0.75 and figures["n"] == 4
    agreement = _gold_agreement(scored)["one.xml vs two.xml"]
    assert agreement["sentences"] == 1 and agreement["f1_full"] == 0.0
    assert agreement["f1_root"] == 0.0
