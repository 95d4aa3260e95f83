"""The article record: identity, fields, language, versions."""

from __future__ import annotations

import pytest

import dateline
from dateline.article import build_article
from dateline.article.ids import article_id, normalise
from dateline.errors import InputError
from dateline.records import Article, RawDocument

TEXT = ("Harbour bridge closes for repairs\n\nThe city closed the harbour bridge on Tuesday "
        "after engineers found cracks in two supports.\n\nFerries will run every ten minutes "
        "until the bridge reopens.\n")


def article(content=TEXT, url=None, kind="text", meta=None) -> Article:
    raw = RawDocument(source=url or "file.txt", origin="file.txt", kind=kind, content=content,
                      url=url, meta=meta or {})
    result = build_article(raw)
    assert isinstance(result, Article)
    return result


def test_normalise_folds_case_quotes_dashes_and_spacing():
    assert normalise("  It’s  “Fine” —\u00a0OK ") == "it's \"fine\" - ok"


def test_id_is_16_hex_digits_of_sha256_over_title_and_body():
    assert article_id("Title", "Body") == article_id("TITLE", "body ")
    assert len(article_id("Title", "Body")) == 16
    assert article_id("Title", "Body") != article_id("Title", "Other body")


def test_same_article_under_two_urls_has_one_id():
    first = article(url="https://a.example/story")
    second = article(url="https://b.example/copy")
    assert first.id == second.id
    assert first.sources[0].url != second.sources[0].url


def test_record_has_text_joined_by_blank_lines_and_detected_language():
    record = article()
    assert record.text == "\n\n".join(record.paragraphs)
    assert record.to_dict()["text"] == record.text
    assert record.language == "en"


def test_versions_name_dateline_and_the_libraries():
    versions = article().versions
    assert {"dateline", "article", "trafilatura", "htmldate", "article_tables"} <= set(versions)


def test_jsonl_metadata_fills_what_the_text_lacks():
    record = article(meta={"title": "Given title", "published": "2024-03-01T08:00"})
    assert record.title == "Given title"
    assert record.published == "2024-03-01T08:00"


def test_article_without_a_date_carries_a_warning():
    assert any("date" in w for w in article().warnings)


def test_non_english_article_keeps_its_language():
    german = ("Brücke wegen Reparaturen gesperrt\n\nDie Stadt hat die Hafenbrücke am Dienstag "
              "gesperrt, nachdem Ingenieure Risse in zwei Stützen gefunden hatten.\n\nFähren "
              "fahren alle zehn Minuten, bis die Brücke wieder geöffnet wird.\n")
    assert article(german).language == "de"


def test_record_round_trips_through_a_dict():
    record = article(url="https://a.example/story")
    assert Article.from_dict(record.to_dict()) == record


def test_api_extract_takes_page_content_as_well_as_a_path():
    article = dateline.extract(TEXT, url="https://a.example/story", language=False)
    assert article.title == "Harbour bridge closes for repairs"
    assert article.url == "https://a.example/story"


def test_api_extract_raises_an_input_error_naming_the_input_when_there_is_no_article():
    with pytest.raises(InputError, match="not an article"):
        dateline.extract("<html><body><nav>Home</nav></body></html>", language=False)
