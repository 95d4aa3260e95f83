"""The SQLite schema, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied; opening a
store applies the missing ones in order, each in its own transaction. Never edit a
released migration: add a new one. Any SQLite tool can browse the result:

- ``articles``: one row per article (columns for querying, ``record`` the full JSON);
- ``sightings``: every URL/site/source an article was read from;
- ``raw_documents``: the raw input (zlib-compressed), so stages can be re-run;
- ``articles_fts``: full-text index over title and text;
- ``entities`` (canonical name + type across articles), ``article_entities``,
  ``mentions``, ``quotes`` (+ ``quotes_fts``), ``time_expressions``, ``counts``;
- ``places``, ``events`` (merged across articles) and ``event_mentions``.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, where they were seen, their raw input, full-text search.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT,
        text TEXT NOT NULL,
        url TEXT,
        site TEXT,
        source TEXT,
        published TEXT,
        updated TEXT,
        language TEXT,
        record TEXT NOT NULL,
        versions TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        processed_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_site ON articles(site);

    CREATE TABLE sightings (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT,
        site TEXT,
        fetched TEXT,
        source TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX sightings_unique
        ON sightings(article_id, ifnull(url, ''), source);

    CREATE TABLE raw_documents (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        url TEXT,
        fetched TEXT,
        meta TEXT NOT NULL,
        content BLOB NOT NULL
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: the language layer's facts, linked to their article.
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        UNIQUE (name, type)
    );
    CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        role TEXT,
        country TEXT,
        sector TEXT,
        sector_label TEXT,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX article_entities_entity ON article_entities(entity_id);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        text TEXT NOT NULL,
        part TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker TEXT,
        speaker_entity_id INTEGER REFERENCES entities(id),
        cue TEXT,
        direct INTEGER NOT NULL,
        text TEXT NOT NULL,
        part TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        speaker, text, content='quotes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, speaker, text) VALUES (new.id, new.speaker, new.text);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, speaker, text)
        VALUES ('delete', old.id, old.speaker, old.text);
    END;
    CREATE TABLE time_expressions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        mod TEXT,
        part TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX time_expressions_article ON time_expressions(article_id);
    CREATE INDEX time_expressions_value ON time_expressions(value);
    CREATE TABLE counts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        value REAL NOT NULL,
        value_max REAL,
        unit TEXT,
        about TEXT,
        change TEXT,
        text TEXT NOT NULL,
        part TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX counts_article ON counts(article_id);
    """,
    # 3: the event layer: places, events merged across articles, and their mentions.
    """
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        feature TEXT,
        geonameid INTEGER,
        part TEXT, idx INTEGER, start INTEGER, end INTEGER
    );
    CREATE INDEX places_article ON places(article_id);
    CREATE INDEX places_country ON places(country);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        date TEXT,
        source_code TEXT,
        target_code TEXT,
        cameo_root TEXT NOT NULL,
        occurred INTEGER NOT NULL,
        place_country TEXT,
        first_added TEXT NOT NULL
    );
    CREATE INDEX events_key ON events(date, cameo_root, source_code, target_code);
    CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        record TEXT NOT NULL,
        source TEXT, source_country TEXT, source_sector TEXT, source_code TEXT,
        target TEXT, target_country TEXT, target_sector TEXT, target_code TEXT,
        cameo TEXT NOT NULL,
        cameo_root TEXT NOT NULL,
        plover TEXT,
        quad_class INTEGER,
        goldstein REAL,
        date TEXT,
        date_from_text INTEGER NOT NULL,
        place_name TEXT, place_country TEXT, place_lat REAL, place_lon REAL,
        sentence TEXT NOT NULL,
        part TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        from_caption INTEGER NOT NULL,
        mode TEXT NOT NULL,
        confidence REAL NOT NULL,
        added TEXT NOT NULL
    );
    CREATE INDEX event_mentions_event ON event_mentions(event_id);
    CREATE INDEX event_mentions_article ON event_mentions(article_id);
    """,
    # 4: a covering index for the queries that count events by day, actor pair and place
    # (the web app's timeline, network and map): they read it instead of the wide
    # mention rows (each holds its JSON record); events by date for the newest first;
    # mentions by code and country for the filters.
    """
    CREATE INDEX event_mentions_facets ON event_mentions(
        event_id, quad_class, mode, goldstein, source_code, target_code, source, target,
        source_country, target_country, cameo, plover, place_lat, place_lon, place_name,
        place_country);
    CREATE INDEX events_occurred_date ON events(occurred, date);
    CREATE INDEX event_mentions_cameo ON event_mentions(cameo, event_id);
    CREATE INDEX event_mentions_plover ON event_mentions(plover, event_id);
    CREATE INDEX event_mentions_source_country ON event_mentions(source_country, event_id);
    CREATE INDEX event_mentions_target_country ON event_mentions(target_country, event_id);
    """,
]

#: The schema version a store opened by this dateline has.
SCHEMA_VERSION = len(MIGRATIONS)
