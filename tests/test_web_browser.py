"""The pages as a person uses them: a real headless Chromium against a live server on
127.0.0.1, over the store of the bundled examples (and two hostile pages).

Needs Debian's ``chromium`` and ``chromium-driver``; skipped without them on a
developer's machine, failed under ``CI=true`` (``.ci/run`` installs them).
"""

from __future__ import annotations

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

WAIT = 20


def _open(browser, live_server, path: str) -> None:
    browser.get(live_server.url + path)
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def _not_pwned(browser) -> None:
    assert browser.execute_script("return window.__pwned === undefined"), \
        browser.execute_script("return String(window.__pwned)")


def _events_drawn(browser, at_least: int) -> None:
    WebDriverWait(browser, WAIT).until(
        lambda d: int(d.find_element(By.TAG_NAME, "body").get_attribute("data-refreshed") or 0)
        >= at_least and d.find_element(By.TAG_NAME, "body").get_attribute("data-loading")
        == "false")


def _submit(browser, field: str, text: str, url_part: str) -> None:
    """Type ``text`` into the form field ``field``, submit, and wait for the new page."""
    box = browser.find_element(By.NAME, field)
    box.send_keys(text)
    box.submit()
    WebDriverWait(browser, WAIT).until(lambda d: url_part in d.current_url)


def test_search_then_open_an_article_with_its_quotes(browser, live_server):
    _open(browser, live_server, "/")
    _submit(browser, "q", "bridge", "q=bridge")
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert hits
    assert hits[0].find_elements(By.CSS_SELECTOR, "mark.hl")  # the match highlighted
    link = next(h.find_element(By.CSS_SELECTOR, "a.hit-title") for h in hits
                if "bridge" in h.text.lower())
    link.click()
    WebDriverWait(browser, WAIT).until(lambda d: "/articles/" in d.current_url)
    quotes = browser.find_elements(By.CSS_SELECTOR, "article mark.fact.quote")
    speakers = {q.get_attribute("data-speaker") for q in quotes}
    assert "Ana Duarte" in speakers
    quote = next(q for q in quotes if q.get_attribute("data-speaker") == "Ana Duarte")
    assert quote.is_displayed()
    assert quote.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)",
                                                                     "transparent")
    notes = [n.text for n in browser.find_elements(By.CSS_SELECTOR, "article .quote-note")]
    assert any("Ana Duarte" in n for n in notes)
    for kind in ("entity", "time", "count", "event"):
        assert browser.find_elements(By.CSS_SELECTOR, f"article mark.fact.{kind}"), kind
    assert browser.find_element(By.CSS_SELECTOR, "a.json").get_attribute("href").endswith(
        "/api/articles/" + browser.find_element(By.ID, "article").get_attribute("data-id"))
    _not_pwned(browser)


def test_events_page_draws_and_narrows(browser, live_server):
    _open(browser, live_server, "/events")
    _events_drawn(browser, 1)
    timeline = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar-q")
    edges = browser.find_elements(By.CSS_SELECTOR, "#network path.edge")
    countries = browser.find_elements(By.CSS_SELECTOR, "#map path.country")
    dots = browser.find_elements(By.CSS_SELECTOR, "#map circle.place")
    assert timeline and edges and dots and len(countries) > 100
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-table tr.event-row")
    assert rows and all(r.find_element(By.CSS_SELECTOR, "td.evidence a").text for r in rows)

    field = browser.find_element(By.NAME, "type")
    field.send_keys("04")
    browser.find_element(By.NAME, "actor").click()  # leaving the field fires `change`
    _events_drawn(browser, 2)
    narrowed = browser.find_elements(By.CSS_SELECTOR, "#event-table tr.event-row")
    assert 0 < len(narrowed) < len(rows)
    assert all(" 04" in " " + r.find_elements(By.TAG_NAME, "td")[2].text for r in narrowed)
    assert "type=04" in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network path.edge")) <= len(edges)

    Select(browser.find_element(By.NAME, "quad_class")).select_by_value("4")
    _events_drawn(browser, 3)
    assert not browser.find_elements(By.CSS_SELECTOR, "#event-table tr.event-row")
    assert "No matching event" in browser.find_element(By.ID, "event-table").text
    _not_pwned(browser)


def test_entity_and_quotes_pages(browser, live_server):
    _open(browser, live_server, "/entities/Ana%20Duarte")
    assert "Ana Duarte" in browser.find_element(By.CSS_SELECTOR, "h1.entity-name").text
    assert browser.find_elements(By.CSS_SELECTOR, "#mention-bars rect.bar")
    assert browser.find_elements(By.CSS_SELECTOR, "li.quote-item blockquote")
    assert browser.find_elements(By.CSS_SELECTOR, "ul.related li a")

    _open(browser, live_server, "/quotes")
    _submit(browser, "speaker", "Ana Duarte", "speaker=")
    items = browser.find_elements(By.CSS_SELECTOR, "li.quote-item")
    assert items and all("Ana Duarte" in i.find_element(By.CSS_SELECTOR, ".speaker").text
                         for i in items)
    _not_pwned(browser)


def test_hostile_article_renders_as_inert_text(browser, live_server):
    _open(browser, live_server, "/?q=harbour+council+ferry")
    _not_pwned(browser)
    hit = next(h for h in browser.find_elements(By.CSS_SELECTOR, "a.hit-title")
               if "ferry fares" in h.text)
    assert '<script>window.__pwned = "title"</script>' in hit.text
    hit.click()
    WebDriverWait(browser, WAIT).until(lambda d: "/articles/" in d.current_url)
    _not_pwned(browser)
    page = browser.find_element(By.TAG_NAME, "main").text
    for literal in ('<script>window.__pwned = "title"</script>',       # title
                    "<img src=x onerror=\"window.__pwned='body'\">",      # body
                    "<script>window.__pwned='quote'</script>",           # quote
                    "<a href=\"javascript:window.__pwned='link'\">",      # a link in the text
                    "<svg onload=\"window.__pwned='caption'\">"):         # caption
        assert literal in page, literal
    scripts = [s.get_attribute("src") for s in browser.find_elements(By.TAG_NAME, "script")]
    assert all(src and "/static/" in src for src in scripts)
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main svg, main [onerror], "
                                                      "main [onload], main [onmouseover]")
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark.fact.quote"):
        mark.click()
    _not_pwned(browser)

    _open(browser, live_server, "/?q=ferry+crews")  # the JSON Lines one: URL, site, title
    browser.find_element(By.CSS_SELECTOR, "a.hit-title").click()
    WebDriverWait(browser, WAIT).until(lambda d: "/articles/" in d.current_url)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "javascript:window.__pwned='url'" in text  # shown, not linked
    assert "<script>window.__pwned='jsonl quote'</script>" in text
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript'], main img, main b")
    _open(browser, live_server, "/quotes?q=pwned")
    assert "window.__pwned" in browser.find_element(By.TAG_NAME, "main").text
    _open(browser, live_server, "/events?actor=union")
    _events_drawn(browser, 1)
    _not_pwned(browser)
