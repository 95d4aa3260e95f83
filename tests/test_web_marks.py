"""Marking an article's text: escaped, nested, every fact at its span."""

from __future__ import annotations

from html.parser import HTMLParser

from dateline.records import Article, Event, Quote, TimeExpr, Where
from dateline.web.marks import Span, fact_spans, mark_text


class _Check(HTMLParser):
    """Collects the text and checks that tags nest."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Check:
    check = _Check()
    check.feed(html)
    check.close()
    assert not check.stack
    return check


def test_text_is_escaped_and_kept_whole():
    text = 'A <script>alert("x")</script> & <img onerror=1> end'
    html = str(mark_text(text, [Span(2, 30, "quote", 'by "<b>"', {"speaker": "<i>"})]))
    assert "<script>" not in html and "<img" not in html
    check = _parse(html)
    assert "".join(check.text) == text
    assert check.tags == [("mark", {"class": "fact quote", "title": 'by "<b>"',
                                    "data-speaker": "<i>"})]


def test_crossing_spans_still_nest():
    text = "one two three four five"
    spans = [Span(0, 13, "event", "e"), Span(4, 18, "quote", "q", after="— X"),
             Span(8, 13, "entity", "n"), Span(14, 18, "time", "t")]
    check = _parse(str(mark_text(text, spans)))
    assert "".join(check.text) == "one two three four— X five"  # the note after the quote
    kinds = [attrs["class"].split()[1] for _tag, attrs in check.tags if _tag == "mark"]
    assert kinds.count("quote") == 2  # closed at the event's end, reopened after it
    assert set(kinds) == {"event", "quote", "entity", "time"}


def test_spans_outside_the_text_are_dropped():
    check = _parse(str(mark_text("short", [Span(2, 40, "count", "c"), Span(3, 3, "time", "t")])))
    assert not check.tags and "".join(check.text) == "short"


def test_fact_spans_cover_each_part():
    article = Article(id="a" * 16, title="Mayor speaks", paragraphs=["She said it on Monday."])
    article.quotes = [Quote("Ana", "Ana", "said", False, "it", Where("body", 0, 9, 11))]
    article.dates = [TimeExpr("Monday", "DATE", "2024-03-11", Where("body", 0, 15, 21))]
    article.events = [Event("010", "01", "She said it on Monday.", Where("body", 0, 0, 22))]
    spans = fact_spans(article)
    assert {s.kind for s in spans[("body", 0)]} == {"quote", "time", "event"}
    assert ("title", 0) not in spans
