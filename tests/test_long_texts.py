"""Texts longer than spaCy's limit (E088): cut, parsed, stored, and the batch goes on.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters). Parsing a
million characters takes minutes here, so these tests lower the limits (the model's
``max_length``, the article layer's ``LONG_PARAGRAPH``) and feed texts just over them.
"""

from __future__ import annotations

import json

import pytest

import dateline.article
from dateline.article import build_article
from dateline.parse.segments import parse_segments, split_long, text_segments
from dateline.pipeline import run_into_store
from dateline.records import RawDocument
from dateline.settings import Settings
from dateline.store import Store

SENTENCE = ("Officials in Geneva said on Tuesday that 300 families had left Kyiv, "
            "the mayor told reporters. ")
SHORT = ("Police in Lyon arrested 12 people on Monday after a protest, officials said.\n\n"
         "The mayor said the city was calm again and that the market would open on Friday.")


@pytest.fixture
def small_limit(nlp):
    """The model refuses texts over 3,000 characters for the length of a test."""
    saved = nlp.max_length
    nlp.max_length = 3000
    yield 3000
    nlp.max_length = saved


def test_pieces_join_back_and_end_at_sentence_ends():
    text = SENTENCE * 200 + "no full stop " * 300
    pieces = split_long(text, 2000)
    assert "".join(pieces) == text
    assert all(len(p) <= 2000 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-3])  # the sentences cut at their ends
    assert split_long("short", 2000) == ["short"]
    assert "".join(split_long("x" * 5000, 2000)) == "x" * 5000  # no break: cut anyway


def test_a_segment_over_the_model_limit_is_parsed_in_pieces_with_its_offsets(nlp,
                                                                            small_limit):
    text = SENTENCE * 60  # about 5,800 characters: spaCy alone raises E088
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (segment,) = parse_segments(text_segments(text), nlp)
    assert segment.doc.text == text
    assert len(list(segment.doc.sents)) >= 60
    for ent in segment.doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
    assert any(ent.text == "Geneva" for ent in segment.doc.ents[-5:])


def _jsonl(path, *texts):
    path.write_text("".join(json.dumps({"title": title, "text": text}) + "\n"
                            for title, text in texts))
    return path


def test_a_one_line_text_over_the_limit_is_stored_and_the_next_document_too(
        tmp_path, small_limit, monkeypatch):
    monkeypatch.setattr(dateline.article, "LONG_PARAGRAPH", 100_000)  # the parse cuts it
    feed = _jsonl(tmp_path / "feed.jsonl", ("A long wire", SENTENCE * 40),
                  ("Arrests in Lyon", SHORT))
    with Store(tmp_path / "d.db") as store:
        summary = run_into_store([str(feed)], store, Settings(db=str(tmp_path / "d.db")))
        articles = list(store.iter_articles())
    assert (summary.stored, summary.failed) == (2, 0)
    long, short = articles
    assert len(long.paragraphs) == 1 and len(long.paragraphs[0]) > small_limit
    assert short.title == "Arrests in Lyon" and short.entities
    for fact in [*long.dates, *long.counts, *(m for e in long.entities for m in e.mentions)]:
        where = fact.where
        assert long.paragraphs[where.index][where.start:where.end] == fact.text
    assert len(long.dates) >= 40


def test_the_article_layer_cuts_a_paragraph_that_lost_its_line_breaks(monkeypatch):
    monkeypatch.setattr(dateline.article, "LONG_PARAGRAPH", 1000)
    text = SENTENCE * 40
    raw = RawDocument(source="feed.jsonl", origin="feed.jsonl (line 1)", kind="text",
                      content=text, meta={"title": "A long wire"})
    article = build_article(raw)
    assert len(article.paragraphs) >= 4
    assert all(len(p) <= 1000 and p.endswith("reporters.") for p in article.paragraphs)
    assert " ".join(article.paragraphs) == text.strip()
    assert any("was cut into" in w for w in article.warnings)
    monkeypatch.setattr(dateline.article, "LONG_PARAGRAPH", 100_000)
    assert build_article(raw).id == article.id  # the cut does not change the id


def test_a_text_over_max_language_chars_is_stored_without_language_facts(tmp_path, capsys):
    feed = _jsonl(tmp_path / "feed.jsonl", ("A long wire", SENTENCE * 10),
                  ("Arrests in Lyon", SHORT))
    settings = Settings(db=str(tmp_path / "d.db"), max_language_chars=500)
    with Store(tmp_path / "d.db") as store:
        summary = run_into_store([str(feed)], store, settings)
        long, short = store.iter_articles()
    assert (summary.stored, summary.failed) == (2, 0)
    assert long.paragraphs and not (long.entities or long.quotes or long.dates
                                    or long.counts or long.events)
    assert any("max_language_chars" in w and "over the limit of 500" in w
               for w in long.warnings)
    assert short.entities and not any("max_language_chars" in w for w in short.warnings)
    note = capsys.readouterr().err.strip().splitlines()
    assert len(note) == 1 and "feed.jsonl" in note[0] and "max_language_chars" in note[0]


def test_max_language_chars_resolves_from_env_and_option(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dateline.cli import cli
    from dateline.errors import ConfigError
    from dateline.settings import DEFAULT_MAX_LANGUAGE_CHARS, load_settings

    monkeypatch.chdir(tmp_path)
    assert load_settings().max_language_chars == DEFAULT_MAX_LANGUAGE_CHARS
    monkeypatch.setenv("DATELINE_MAX_LANGUAGE_CHARS", "1234")
    assert load_settings().max_language_chars == 1234
    assert load_settings().with_options(max_language_chars="99").max_language_chars == 99
    with pytest.raises(ConfigError, match="max_language_chars"):
        load_settings().with_options(max_language_chars=0)
    feed = _jsonl(tmp_path / "feed.jsonl", ("A long wire", SENTENCE * 10))
    result = CliRunner().invoke(cli, ["extract", "--max-language-chars", "300", str(feed)])
    record = json.loads(result.stdout)
    assert result.exit_code == 0 and not record["entities"]
    assert any("max_language_chars" in w for w in record["warnings"])


def _scanned_facts(count: int, monkeypatch) -> int:
    """Entity mentions, dates and places the event and speaker lookups read over an
    article of ``count`` paragraphs."""
    import dateline.events.context as context
    import dateline.quotes.speakers as speakers
    from dateline.pipeline.stages import annotate

    scanned = 0
    inside, entity_at = context._inside, speakers.entity_at

    def counting_inside(*args):
        nonlocal scanned
        scanned += 1
        return inside(*args)

    def counting_entity_at(entities, where):
        nonlocal scanned
        scanned += sum(len(e.mentions) for e in entities)
        return entity_at(entities, where)

    monkeypatch.setattr(context, "_inside", counting_inside)
    monkeypatch.setattr(speakers, "entity_at", counting_entity_at)
    body = "\n\n".join(
        f'"We will not accept this," Maria Lopez said in Geneva on Tuesday {n}. '
        f"Police in Lyon arrested {n + 3} people on Monday, officials said. "
        "The army attacked rebels near Kyiv on Friday, the mayor told reporters."
        for n in range(count))
    article = build_article(RawDocument("a.txt", "a.txt", "text", "Talks\n\n" + body))
    annotate([article])
    assert article.events and article.quotes
    return scanned


def test_fact_lookups_grow_with_the_length_not_its_square(monkeypatch):
    single, double = _scanned_facts(12, monkeypatch), _scanned_facts(24, monkeypatch)
    assert 0 < single and double < 2.6 * single  # every fact for every sentence: 4x
