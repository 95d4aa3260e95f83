"""The ner bench's CoNLL reading and span scoring (no model needed)."""

from __future__ import annotations

import pytest

from dateline.bench.ner import Tally, _token_span, read_conll

SAMPLE = """-DOCSTART- -X- -X- O

Jane NNP B-NP B-PER
Doe NNP I-NP I-PER
visited VBD B-VP O
North NNP B-NP B-LOC
Freedonia NNP I-NP I-LOC
. . O O

Acme NNP B-NP B-ORG
agreed VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Olympics NNPS B-NP I-MISC
"""


@pytest.fixture
def documents(tmp_path):
    path = tmp_path / "test.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return read_conll(path)


def test_documents_are_split_at_docstart(documents):
    assert len(documents) == 2
    assert documents[0].tokens[:2] == ["Jane", "Doe"]


def test_gold_spans_follow_iob2_and_a_bare_inside_tag_starts_an_entity(documents):
    assert documents[0].gold == {(0, 2, "PER"), (3, 5, "LOC"), (6, 7, "ORG")}
    assert documents[1].gold == {(0, 1, "MISC")}


def test_text_joins_tokens_by_spaces_and_sentences_by_newlines(documents):
    assert documents[0].text == "Jane Doe visited North Freedonia .\nAcme agreed .\n"


@pytest.mark.parametrize(
    ("start", "end", "span"),
    [(0, 8, (0, 2, "PER")), (17, 32, (3, 5, "PER")), (0, 4, (0, 1, "PER")), (1, 8, None),
     (0, 6, None)],
)
def test_character_span_maps_to_tokens_only_on_token_edges(documents, start, end, span):
    assert _token_span(documents[0], start, end, "PER") == span


def test_tally_counts_exact_matches_per_class():
    tally = Tally()
    tally.add({(0, 2, "PER"), (3, 5, "LOC")}, {(0, 2, "PER"), (3, 5, "ORG")})
    overall = tally.figures()
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 1, 1)
    assert tally.figures("PER")["f1"] == 1.0
