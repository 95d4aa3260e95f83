"""The SQLite store: one row per article, sightings, search, migrations, resuming."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.article import build_article
from dateline.errors import StoreError
from dateline.pipeline import reprocess, run_into_store
from dateline.records import RawDocument, Sighting
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.schema import SCHEMA_VERSION

TEXT = ("Harbour bridge closes for repairs\n\nThe city closed the harbour bridge on Tuesday "
        "after engineers found cracks in two supports.\n\nFerries will run every ten minutes "
        "until the bridge reopens, the port authority said.\n")
OTHER = TEXT.replace("harbour bridge", "river tunnel").replace("Harbour bridge", "River tunnel")
SETTINGS = Settings(language=False)


def raw(content=TEXT, url="https://a.example/story", source="feed.txt") -> RawDocument:
    return RawDocument(source=source, origin=source, kind="text", content=content, url=url)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as opened:
        yield opened


def test_new_store_is_migrated_to_the_current_schema_in_wal_mode(store):
    assert store.schema_version == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_article_twice_is_one_row_and_a_new_url_is_a_new_sighting(store):
    document = raw()
    assert store.add(build_article(document), document) == "stored"
    assert store.add(build_article(document), document) == "present"
    copy = raw(url="https://b.example/syndicated", source="other.txt")
    assert store.add(build_article(copy), copy) == "present"
    assert store.count() == 1
    stored = store.get(build_article(document).id)
    assert [s.url for s in stored.sources] == ["https://a.example/story",
                                               "https://b.example/syndicated"]
    assert store.db.execute("SELECT count(*) FROM sightings").fetchone()[0] == 2


def test_full_text_search_finds_title_and_body_words(store):
    for content in (TEXT, OTHER):
        store.add(build_article(raw(content)), None)
    assert [r["title"] for r in store.search("tunnel")] == ["River tunnel closes for repairs"]
    assert len(store.search("ferries")) == 2
    assert store.search('"unbalanced quote') == []  # bad FTS syntax is searched as words


def test_get_accepts_a_unique_id_prefix(store):
    article = build_article(raw())
    store.add(article, None)
    assert store.get(article.id[:6]).id == article.id
    assert store.get("zzzz") is None
    assert store.get("%") is None


def test_stored_articles_can_be_iterated_in_storage_order(store):
    for content in (TEXT, OTHER):
        store.add(build_article(raw(content)), None)
    assert [a.title for a in store.iter_articles()] == ["Harbour bridge closes for repairs",
                                                        "River tunnel closes for repairs"]


def test_raw_document_is_kept_for_reprocessing(store):
    document = raw()
    article = build_article(document)
    store.add(article, document)
    assert store.raw(article.id).content == TEXT


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database at all " * 50)
    with pytest.raises(StoreError, match="not a dateline database"):
        Store(path)


def test_run_stores_nothing_twice_and_counts_what_happened(tmp_path, store):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "empty.txt").write_text("")
    first = run_into_store([str(tmp_path)], store, SETTINGS)
    second = run_into_store([str(tmp_path)], store, SETTINGS)
    assert (first.read, first.stored, first.present, first.failed) == (3, 2, 0, 1)
    assert (second.read, second.stored, second.present, second.failed) == (3, 0, 2, 1)
    assert store.count() == 2


def test_a_run_killed_midway_keeps_what_it_stored_and_the_next_run_completes(tmp_path):
    for index in range(4):
        (tmp_path / f"{index}.txt").write_text(TEXT.replace("Tuesday", f"day {index}"))
    path = tmp_path / "run.db"

    class Killed(Exception):
        pass

    def kill_after_two(_outcome, status):
        if status == "stored" and store.count() == 2:
            raise Killed

    with Store(path) as store, pytest.raises(Killed):
        run_into_store([str(tmp_path / "*.txt")], store, SETTINGS, kill_after_two)
    with Store(path) as store:
        assert store.count() == 2
        summary = run_into_store([str(tmp_path / "*.txt")], store, SETTINGS)
        assert (summary.stored, summary.present) == (2, 2)
        assert store.count() == 4


def test_reprocess_reruns_articles_made_by_older_versions(store):
    document = raw()
    article = build_article(document)
    article.versions["article"] = "0"
    article.paragraphs = ["stale text"]
    store.add(article, document)
    assert reprocess(store, SETTINGS) == 1
    refreshed = store.get(article.id)
    assert refreshed.paragraphs[0].startswith("The city closed")
    assert refreshed.versions["article"] != "0"
    assert reprocess(store, SETTINGS) == 0


def test_sightings_of_an_article_keep_their_sites(store):
    article = build_article(raw())
    article.sources = [Sighting(url="https://a.example/x", site="A News")]
    store.add(article, None)
    row = store.db.execute("SELECT site FROM sightings").fetchone()
    assert row["site"] == "A News"
