"""HTML pages: trafilatura body and metadata, dates, and captions kept out of the body."""

from __future__ import annotations

from conftest import TEST_DATA
from dateline.article import build_article, load_cues
from dateline.article.html import extract_html
from dateline.records import Article, RawDocument, Rejected

PAGE = (TEST_DATA / "page.html").read_text()


def test_html_page_gives_title_site_author_and_full_timestamp():
    result = extract_html(PAGE, "https://gazette.example.org/library", load_cues())
    assert result.title == "Lakeside town opens new library"
    assert result.site == "The Northern Gazette"
    assert result.authors == ["Sofia Lind"]
    assert result.published == "2023-09-14T08:30:00"


def test_body_keeps_paragraphs_in_order_without_headline_nav_or_footer():
    result = extract_html(PAGE, None, load_cues())
    assert len(result.paragraphs) == 4
    assert result.paragraphs[0].startswith("The town of Lakeside opened")
    assert result.paragraphs[-1].startswith("The building cost")
    text = " ".join(result.paragraphs)
    assert "Home" not in text and "All rights reserved" not in text


def test_figure_captions_come_with_credits_and_image_urls_and_stay_out_of_the_body():
    result = extract_html(PAGE, "https://gazette.example.org/library", load_cues())
    assert [(i.caption, i.credit) for i in result.images] == [
        ("Children read in the new library on its first morning.", "Photo: Erik Moen"),
        ("The reading room looks out over the lake.", "AP Photo/Karl Berg")]
    assert result.images[1].url == "https://gazette.example.org/img/reading-room.jpg"
    text = " ".join(result.paragraphs)
    assert "Children read" not in text and "reading room looks out" not in text


def test_page_without_text_is_rejected_with_a_reason():
    raw = RawDocument(source="x", origin="empty.html", kind="html",
                      content="<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = build_article(raw)
    assert isinstance(result, Rejected) and result.reason.startswith("not an article")


def test_malformed_html_still_gives_an_article():
    broken = ("<html><body><div><p>The harbour master said the ferry would sail again on "
              "Friday after repairs to its engine were finished overnight.<p>Passengers "
              "were offered refunds.</div></span></body")
    result = build_article(RawDocument(source="x", origin="broken.html", kind="html",
                                       content=broken))
    assert isinstance(result, Article)
    assert "ferry would sail again" in result.text


def test_url_host_is_the_site_when_the_page_names_none():
    page = ("<html><body><article><p>The harbour master said the ferry would sail again on "
            "Friday after repairs to its engine.</p><p>Passengers were offered refunds "
            "for the cancelled trips this week.</p></article></body></html>")
    raw = RawDocument(source="x", origin="x", kind="html", content=page,
                      url="https://www.portnews.example.com/ferry")
    assert build_article(raw).site == "portnews.example.com"
