"""Shared test fixtures.

Real third-party articles and gold sets live in ``../shared`` beside the checkout and
are never copied into the project. :func:`shared_path` finds them; when one is
missing the test is skipped on a developer's machine but fails under ``CI=true``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
TEST_DATA = Path(__file__).resolve().parent / "data"


def shared_path(relative: str) -> Path:
    """Path of ``../shared/<relative>``; skip (or fail under CI=true) when missing."""
    path = SHARED / relative
    if not path.exists():
        message = f"{path} is missing (the shared data folder must sit beside the checkout)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for the whole test session."""
    from dateline.parse.nlp import load_nlp

    return load_nlp()


#: The date the event-coding tests code their sentences on.
EVENT_DATE = "2023-06-01"


@pytest.fixture
def code(nlp):
    """Code one sentence with the shipped dictionaries: ``code("text", rules=None)``
    gives its coded events (a module may define its own ``code`` instead)."""
    from dateline.events.coder import code_sentence, default_coder

    coder = default_coder()

    def _code(text: str, rules=None):
        kwargs = {"rules": rules} if rules else {}
        return code_sentence(nlp(text), coder.actors, coder.verbs, date=EVENT_DATE, **kwargs)

    return _code


def article_events(text: str | list[str], published: str = "2024-03-05") -> list:
    """The events of an article of one paragraph (``text``) or of several, through
    every stage (the ``nlp`` fixture loads the model first)."""
    from dateline.pipeline.stages import annotate
    from dateline.records import Article

    paragraphs = [text] if isinstance(text, str) else text
    article = Article(id="b", title=None, paragraphs=paragraphs, language="en",
                      published=published)
    annotate([article])
    return article.events


def triples(events) -> set[tuple]:
    """(source code, target code, CAMEO root) of each coded event."""
    return {(e.source_code, e.target_code, e.root) for e in events}


@pytest.fixture
def parse(nlp):
    """Parse a plain text into one body segment with its Doc: ``parse("text")``."""
    from dateline.parse.segments import parse_segments, text_segments

    def _parse(text: str):
        return parse_segments(text_segments(text), nlp)

    return _parse


def warc_record(uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                date: str = "2024-05-01T10:00:00Z", record_type: str = "response") -> bytes:
    """One WARC record holding an HTTP response (for tests that need a WARC file)."""
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


@pytest.fixture
def make_warc():
    """``make_warc([(uri, body_bytes), ...]) -> bytes`` of a WARC archive."""

    def _make(records, **kwargs) -> bytes:
        return b"".join(warc_record(uri, body, **kwargs) for uri, body in records)

    return _make


# --- the web app: one store built from the examples, one live server, one browser ----

WEB_TOKEN = "test-token-5f2c9a"
HOSTILE = TEST_DATA / "web"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, nlp) -> Path:
    """A store of the bundled examples and the hostile test pages, events included."""
    from dateline.pipeline import run_into_store
    from dateline.settings import Settings
    from dateline.store import Store

    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        summary = run_into_store([str(ROOT / "examples"), str(HOSTILE)], store, Settings())
    assert summary.stored >= 6, summary.line()
    return path


@pytest.fixture(scope="session")
def web_config(web_db):
    from dateline.web import WebConfig

    return WebConfig(db=web_db, token=WEB_TOKEN)


@pytest.fixture(scope="session")
def live_server(web_config):
    """The app served by uvicorn on 127.0.0.1 (a free port) for the whole session."""
    from dateline.web.live import LiveServer

    with LiveServer(web_config) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (the system's). Skipped without one, except under CI=true."""
    from dateline.web.browser import chromium, find_chromium

    if find_chromium() is None:
        message = "no chromium + chromedriver (apt-get install chromium chromium-driver)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    driver = chromium(1280, 900)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


#: Columns that hold the time a row was written: they differ between any two runs.
_CLOCK_COLUMNS = {"stored_at", "processed_at", "seen_at", "first_added", "added"}


def store_contents(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a dateline database, in rowid order, without the
    columns that hold write times: two stores are the same when these are equal."""
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        contents = {}
        for table in tables:
            names = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                     if row[1] not in _CLOCK_COLUMNS]
            columns = ", ".join(f'"{name}"' for name in names)
            contents[table] = connection.execute(
                f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
        return contents
    finally:
        connection.close()
