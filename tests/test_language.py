"""The language layer over whole articles: one pass, facts that point at their text."""

from __future__ import annotations

from pathlib import Path

import pytest

import dateline
from dateline.pipeline.stages import LanguageOptions, annotate
from dateline.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def harbour() -> Article:
    return dateline.extract(EXAMPLES / "harbour-bridge-dump.txt")


def spans(article: Article):
    """Every fact's (kind, text, where)."""
    for entity in article.entities:
        for mention in entity.mentions:
            yield "mention", mention.text, mention.where
    for kind in ("dates", "counts"):
        for fact in getattr(article, kind):
            yield kind, fact.text, fact.where
    for place in article.places:
        if place.where is not None:
            yield "place", place.text, place.where


def test_every_fact_points_at_the_text_it_was_found_in(harbour):
    checked = 0
    for kind, text, where in spans(harbour):
        source = harbour.part_text(where.part, where.index)
        assert source[where.start:where.end] == text, (kind, text, where)
        checked += 1
    assert checked > 10


def test_quotes_and_events_point_inside_their_part(harbour):
    for fact in [*harbour.quotes, *harbour.events]:
        source = harbour.part_text(fact.where.part, fact.where.index)
        assert 0 <= fact.where.start < fact.where.end <= len(source)


def test_example_article_gets_every_kind_of_fact(harbour):
    names = {e.name for e in harbour.entities}
    assert {"Ana Duarte", "Tomas Reyes"} <= names
    assert {q.speaker for q in harbour.quotes} >= {"Ana Duarte", "Tomas Reyes"}
    assert any(t.text == "Tuesday" and t.value == "2024-03-12" for t in harbour.dates)
    assert any(c.value == 45000 for c in harbour.counts)
    assert harbour.versions["model"].startswith("en_core_web")


def test_captions_are_evidence_too(harbour):
    assert any(m.where.part == "caption" for e in harbour.entities for m in e.mentions)


def test_article_in_another_language_keeps_its_record_and_gets_a_warning():
    article = Article(id="x", title="Brücke gesperrt", language="de", paragraphs=[
        "Die Stadt hat die Brücke am Dienstag gesperrt, sagte Bürgermeisterin Anna Berg."])
    annotate([article], LanguageOptions(events=False))
    assert article.entities == [] and article.quotes == [] and article.dates == []
    assert any("not supported" in w for w in article.warnings)


def test_article_without_a_date_keeps_unanchored_values_and_a_warning():
    article = Article(id="y", title=None, language="en", paragraphs=[
        "The council will vote on Monday, the mayor said on Friday."])
    annotate([article], LanguageOptions(events=False))
    assert article.dates and all(not (t.value or "").startswith("20") for t in article.dates)
    assert any("unanchored" in w for w in article.warnings)
