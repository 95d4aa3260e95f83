"""The web benchmarks' pieces: scaled stores, the request mix, the datasette query."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.bench.api import DATASETTE_QUERIES, _mix
from dateline.bench.stores import copy_article, scaled_store, shift_day
from dateline.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_shift_day():
    assert shift_day("2024-02-28T10:00", 2) == "2024-03-01T10:00"
    assert shift_day("2024-05", 3) == "2024-05"  # not a whole day: unchanged
    assert shift_day(None, 3) is None and shift_day("2024-01-01", 0) == "2024-01-01"


def test_scaled_store_copies_with_new_ids_and_dates(web_db, tmp_path):
    with Store(web_db) as store:
        originals = list(store.iter_articles())
    copy = copy_article(originals[0], 7, 3)
    assert copy.id != originals[0].id and copy.paragraphs == originals[0].paragraphs
    assert copy.sources[0].url.endswith("#copy-7")
    target = tmp_path / "big.db"
    count = 3 * len(originals) + 1
    assert scaled_store(web_db, target, count) == count
    with Store(target) as big, Store(web_db) as small:
        events = big.db.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        assert events >= 3 * small.db.execute("SELECT count(*) FROM event_mentions").fetchone()[0]


def test_mix_paths_all_answer(web_config):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    paths = _mix(web_config.db, 60)
    assert {p.split("?")[0].rsplit("/", 1)[0] for p in paths} >= {"/api", "/articles"}
    with TestClient(create_app(web_config)) as client:
        for path in paths:
            assert client.get(path).status_code == 200, path


def test_datasette_query_ranks_like_the_api(web_config):
    from dateline.query import EventQuery, find_events

    with Store(web_config.db) as store:
        root = store.db.execute("SELECT cameo_root FROM events GROUP BY cameo_root "
                                "ORDER BY count(*) DESC").fetchone()[0]
        expected = [e.id for e in find_events(store, EventQuery(type=root, limit=50))]
    db = sqlite3.connect(web_config.db)
    for sql in DATASETTE_QUERIES.values():
        got = [row[0] for row in db.execute(sql, {"type": root})]
        assert got == expected and got
