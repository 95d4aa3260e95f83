"""The JSON API: every endpoint, every error status, auth, uploads and size limits.

Requests go through the app in-process (Starlette's test client over httpx) against a
store built once from the bundled examples (see ``web_db`` in conftest.py); tests that
write work on a copy of it.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from conftest import ROOT, WEB_TOKEN
from dateline.store import Store
from dateline.web import WebConfig, create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _client(config: WebConfig):
    from fastapi.testclient import TestClient

    return TestClient(create_app(config), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(web_config):
    with _client(web_config) as test_client:
        yield test_client


@pytest.fixture
def store_copy(web_db, tmp_path):
    """A copy of the examples' store that a test may write to."""
    copy = tmp_path / "copy.db"
    with Store(web_db) as source, Store(copy) as target:
        source.db.backup(target.db)
    return copy


def _error(response, status: int, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    assert "Traceback" not in response.text
    if parameter is not None:
        assert body["error"]["parameter"] == parameter
    return body["error"]


# --- articles --------------------------------------------------------------------------

def test_search_finds_and_highlights(client):
    found = client.get("/api/articles", params={"q": "bridge"}).json()
    titles = [hit["title"] for hit in found["results"]]
    assert any("bridge" in (t or "").lower() for t in titles)
    hit = found["results"][0]
    assert hit["highlights"], hit
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower().startswith("bridge")
    assert {"events", "quotes", "site", "published"} <= set(hit)


def test_search_filters(client):
    every = client.get("/api/articles", params={"limit": 100}).json()["results"]
    assert len(every) >= 6
    with_site = [a for a in every if a["site"]]
    site = with_site[0]["site"]
    by_site = client.get("/api/articles", params={"site": site.upper()}).json()["results"]
    assert by_site and all(a["site"] == site for a in by_site)
    dated = sorted(a["published"][:10] for a in every if a["published"])
    since = client.get("/api/articles", params={"since": dated[-1]}).json()["results"]
    assert since and all(a["published"][:10] >= dated[-1] for a in since)
    until = client.get("/api/articles", params={"until": dated[0]}).json()["results"]
    assert until and all(a["published"][:10] <= dated[0] for a in until)
    ana = client.get("/api/articles", params={"entity": "ana duarte"}).json()["results"]
    assert ana and len(ana) < len(every)
    assert client.get("/api/articles", params={"language": "en"}).json()["results"]
    assert client.get("/api/articles", params={"language": "xx"}).json()["results"] == []


def test_article_paging_with_cursor(client):
    seen, cursor = [], None
    for _ in range(20):
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/articles", params=params).json()
        seen += [a["id"] for a in page["results"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    every = [a["id"] for a in client.get("/api/articles", params={"limit": 100}).json()["results"]]
    assert seen == every and len(set(seen)) == len(seen)


def test_article_record_is_the_extract_json(client, web_db):
    with Store(web_db) as store:
        article_id = store.db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        expected = store.get(article_id).to_dict()
    assert client.get(f"/api/articles/{article_id}").json() == expected
    assert client.get(f"/api/articles/{article_id[:10]}").json()["id"] == article_id


def test_unknown_article_is_404(client):
    _error(client.get("/api/articles/0000000000000000"), 404, "article_id")
    _error(client.get("/api/articles/%25%27%22"), 404, "article_id")
    page = client.get("/articles/0000000000000000")  # the page: an HTML error page
    assert page.status_code == 404 and "no stored article" in page.text
    _error(client.get("/api/nothing-here"), 404)


# --- events, network, timeline, places ---------------------------------------------------

def test_events_and_their_filters(client):
    every = client.get("/api/events", params={"limit": 500}).json()["results"]
    assert every and all(e["occurred"] for e in every)
    consult = client.get("/api/events", params={"type": "04", "limit": 500}).json()["results"]
    assert consult and len(consult) < len(every)
    assert all(e["cameo"].startswith("04") for e in consult)
    plover = client.get("/api/events", params={"type": "CONSULT"}).json()["results"]
    assert {e["id"] for e in plover} <= {e["id"] for e in consult}
    country = next(e["source_country"] for e in every if e["source_country"])
    found = client.get("/api/events", params={"country": country.lower(), "limit": 500})
    assert found.json()["results"]
    assert all(country in (e["source_country"], e["target_country"])
               for e in found.json()["results"])
    quad = client.get("/api/events", params={"quad_class": 4, "limit": 500}).json()["results"]
    assert quad and all(e["quad_class"] == 4 for e in quad)
    modes = client.get("/api/events", params={"all_modes": "true", "limit": 500}).json()
    assert len(modes["results"]) >= len(every)
    for mode in {e["mode"] for e in modes["results"]} - {"occurred"}:
        only = client.get("/api/events", params={"mode": mode}).json()["results"]
        assert only and all(e["mode"] == mode for e in only)
    dates = sorted(e["date"] for e in every if e["date"])
    later = client.get("/api/events", params={"since": dates[-1]}).json()["results"]
    assert later and all(e["date"] >= dates[-1] for e in later)
    actor = every[0]["source"]
    named = client.get("/api/events", params={"actor": actor.upper()}).json()["results"]
    assert every[0]["id"] in {e["id"] for e in named}


def test_event_paging(client):
    every = [e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["results"]]
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert [e["id"] for e in first["results"] + second["results"]] == every[:6]


@pytest.mark.parametrize(("params", "parameter"), [
    ({"since": "2024-02-30"}, "since"), ({"until": "yesterday"}, "until"),
    ({"type": "XYZ"}, "type"), ({"country": "U1"}, "country"), ({"quad_class": 9}, "quad_class"),
    ({"quad_class": "two"}, "quad_class"), ({"mode": "maybe"}, "mode"), ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"), ({"cursor": "not-a-cursor"}, "cursor"),
    ({"actor": "x" * 5000}, "actor"),
])
def test_bad_event_parameters_are_422(client, params, parameter):
    _error(client.get("/api/events", params=params), 422, parameter)


def test_network_timeline_places_agree_with_events(client):
    events = client.get("/api/events", params={"limit": 500}).json()["results"]
    days = client.get("/api/timeline").json()["days"]
    assert sum(d["events"] for d in days) == sum(1 for e in events if len(e["date"] or "") >= 10)
    assert all(1 <= d["quad_class"] <= 4 for d in days)
    dyads = client.get("/api/network").json()["dyads"]
    assert dyads and all(d["events"] >= 1 and d["source"] and d["target"] for d in dyads)
    assert [d["events"] for d in dyads] == sorted((d["events"] for d in dyads), reverse=True)
    places = client.get("/api/places").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    every = client.get("/api/network", params={"limit": 500}).json()["dyads"]
    by_quad = [client.get("/api/network", params={"quad_class": q, "limit": 500}).json()["dyads"]
               for q in (1, 2, 3, 4)]
    assert sum(d["events"] for dyads in by_quad for d in dyads) == sum(d["events"] for d in every)
    _error(client.get("/api/timeline", params={"since": "2024-13"}), 422, "since")


# --- quotes, entities ---------------------------------------------------------------------

def test_quotes_by_speaker_and_words(client):
    ana = client.get("/api/quotes", params={"speaker": "Ana Duarte"}).json()["results"]
    assert ana and all(q["speaker_entity"] == "Ana Duarte" for q in ana)
    words = client.get("/api/quotes", params={"q": "bridge"}).json()["results"]
    assert words and all("bridge" in q["text"].lower() for q in words)
    assert client.get("/api/quotes", params={"speaker": "Nobody Atall"}).json()["results"] == []


def test_ambiguous_speaker_is_422(client):
    people = [e["name"] for e in client.get(
        "/api/entities", params={"type": "PERSON", "limit": 200}).json()["results"]
        if e["quotes"]]
    letters = {c for name in people for c in name.lower() if c.isalpha()}
    shared = next(c for c in sorted(letters) if sum(c in n.lower() for n in people) > 1)
    _error(client.get("/api/quotes", params={"speaker": shared}), 422, "speaker")


def test_entities(client):
    people = client.get("/api/entities", params={"type": "person"}).json()["results"]
    assert people and all(e["type"] == "PERSON" for e in people)
    named = client.get("/api/entities", params={"name": "duarte"}).json()["results"]
    assert [e["name"] for e in named] == ["Ana Duarte"]
    ordered = client.get("/api/entities", params={"order": "mentions", "limit": 10}).json()
    counts = [e["mentions"] for e in ordered["results"]]
    assert counts == sorted(counts, reverse=True)
    _error(client.get("/api/entities", params={"order": "size"}), 422, "order")


# --- exports ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["gdelt-events", "gdelt-mentions", "gkg", "plover", "jsonl"])
def test_text_exports_stream_what_the_cli_writes(client, web_db, fmt):
    from dateline.export import lines

    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    with Store(web_db) as store:
        expected = list(lines(store, fmt))
    got = response.text.splitlines()
    assert len(got) == len(expected) > 0
    if fmt in ("plover", "jsonl"):
        assert all(json.loads(line) for line in got)


def test_table_exports_come_zipped(client):
    response = client.get("/api/export/csv")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "articles.csv" in names and "events.csv" in names
    parquet = client.get("/api/export/parquet")
    assert "events.parquet" in zipfile.ZipFile(io.BytesIO(parquet.content)).namelist()
    _error(client.get("/api/export/pdf"), 422, "fmt")


# --- hostile query strings ----------------------------------------------------------------

HOSTILE_VALUES = ['"', "'", "%", "_", "\\", "%_%", "a' OR '1'='1", '"; DROP TABLE articles; --',
                  "NEAR(", "bridge*", "title:bridge", "AND", "-bridge", "(", ")", "^", "*",
                  "\u0000", "😀", "ä" * 400, "x" * 499, "{}", "[]", "<script>"]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_never_fail(client, value):
    checks = [("/api/articles", "q"), ("/api/articles", "site"), ("/api/articles", "entity"),
              ("/api/events", "actor"), ("/api/quotes", "q"), ("/api/quotes", "speaker"),
              ("/api/entities", "name"), ("/api/network", "actor"), ("/", "q"),
              ("/quotes", "q")]
    for path, name in checks:
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 422), (path, name, value, response.text[:300])
        assert "Traceback" not in response.text
    assert client.get("/api/articles", params={"q": "x" * 5000}).status_code == 422


def test_fts_syntax_still_finds_by_words(client):
    plain = client.get("/api/articles", params={"q": "harbour bridge"}).json()["results"]
    broken = client.get("/api/articles", params={"q": 'harbour "bridge'}).json()["results"]
    assert plain and {a["id"] for a in broken} <= {a["id"] for a in plain}
    assert client.get("/api/articles", params={"q": "100%"}).status_code == 200


# --- writes: auth, uploads, limits --------------------------------------------------------

def _upload(client, files=None, content=None, token=WEB_TOKEN, headers=None):
    headers = dict(headers or {})
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/api/documents", files=files, content=content, headers=headers)


def test_writes_refused_without_a_configured_token(web_db):
    with _client(WebConfig(db=web_db)) as read_only:
        _error(_upload(read_only, content=b"text"), 403)
        _error(_upload(read_only, content=b"text", token=None), 403)


def test_writes_need_the_right_token(web_config):
    with _client(web_config) as client:
        missing = _upload(client, content=b"text", token=None)
        _error(missing, 401, "authorization")
        assert missing.headers["www-authenticate"] == "Bearer"
        _error(_upload(client, content=b"text", token="wrong"), 403, "authorization")
        _error(_upload(client, content=b"text", token=WEB_TOKEN + "x"), 403)
        _error(_upload(client, content=b"x", headers={"Authorization": "Basic abc"}, token=None),
               401)


def test_upload_stores_reports_present_and_refused(store_copy):
    config = WebConfig(db=store_copy, token=WEB_TOKEN)
    new = (b"<html><head><title>Valmont opens a night market</title></head><body><article>"
           b"<p>The town of Valmont opened a night market on Friday, with 40 stalls along the "
           b"river.</p><p>\"It is the busiest the quay has been in years,\" said councillor "
           b"Ines Laval.</p></article></body></html>")
    again = (ROOT / "examples" / "council-vote.html").read_bytes()
    with _client(config) as client:
        before = client.get("/api/articles", params={"limit": 100}).json()["results"]
        reply = _upload(client, files=[("file", ("night-market.html", new)),
                                       ("file", ("council-vote.html", again)),
                                       ("file", ("empty.txt", b"   \n")),
                                       ("file", ("bad.jsonl", b'{"text": "ok"\n{broken\n'))])
        assert reply.status_code == 200, reply.text
        body = reply.json()
        assert [a["title"] for a in body["stored"]] == ["Valmont opens a night market"]
        assert len(body["present"]) == 1
        reasons = " ".join(r["reason"] for r in body["refused"])
        assert "empty" in reasons and body["summary"]["refused"] == len(body["refused"]) >= 2
        after = client.get("/api/articles", params={"limit": 100}).json()["results"]
        assert len(after) == len(before) + 1
        stored_id = body["stored"][0]["id"]
        assert client.get(f"/api/articles/{stored_id}").json()["quotes"]
        raw = _upload(client, content=new, headers={"X-Filename": "again.html"})
        assert raw.json()["summary"] == {"read": 1, "stored": 0, "present": 1, "refused": 0}


def test_upload_of_nothing_is_422(store_copy):
    with _client(WebConfig(db=store_copy, token=WEB_TOKEN)) as client:
        _error(_upload(client, content=b""), 422, "file")
        _error(_upload(client, files=[("other", ("a.txt", b"some text"))]), 422, "file")


def test_upload_over_the_limit_is_413_before_reading(store_copy):
    from dateline.settings import Settings

    config = WebConfig(db=store_copy, token=WEB_TOKEN, settings=Settings(max_bytes=1000))
    with _client(config) as client:
        _error(_upload(client, content=b"x" * 1001), 413)
        assert _upload(client, content=b"x" * 1000).status_code == 200

        def chunks():  # no Content-Length: the body is counted as it arrives
            for _ in range(100):
                yield b"y" * 100

        _error(_upload(client, content=chunks()), 413)
        # the token is checked first: an unauthenticated large body is a 401, not a 413
        _error(_upload(client, content=b"x" * 5000, token=None), 401)


def test_new_articles_show_without_a_restart(store_copy, tmp_path):
    from dateline.pipeline import run_into_store
    from dateline.settings import Settings

    page = tmp_path / "late.txt"
    page.write_text("Valmont library extends its opening hours\n\nThe Valmont public "
                    "library will open until 9 pm on weekdays from next month, the town "
                    "council said on Tuesday.\n", encoding="utf-8")
    with _client(WebConfig(db=store_copy)) as client:
        before = client.get("/api/articles", params={"limit": 100}).json()["results"]
        with Store(store_copy) as writer:  # as `dateline run` would, while the server reads
            assert run_into_store([str(page)], writer, Settings(language=False)).stored == 1
        after = client.get("/api/articles", params={"limit": 100}).json()["results"]
        assert len(after) == len(before) + 1
        assert client.get("/api/articles", params={"q": "library"}).json()["results"]


# --- the schema ---------------------------------------------------------------------------

def test_openapi_documents_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes",
            "/api/entities", "/api/network", "/api/timeline", "/api/places",
            "/api/export/{fmt}", "/api/documents"} <= paths
    assert "multipart/form-data" in schema["paths"]["/api/documents"]["post"]["requestBody"][
        "content"]


def test_pages_answer(client):
    for path in ("/", "/?q=bridge", "/events", "/quotes", "/quotes?speaker=Ana%20Duarte",
                 "/entities/Ana%20Duarte", "/static/app.css", "/static/countries-110m.json"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "default-src 'self'" in client.get("/").headers["content-security-policy"]
    assert client.get("/entities/Nobody%20Atall").status_code == 404
    assert client.get("/?since=2024-02-30").status_code == 422


@pytest.mark.parametrize("path", ["/api/events", "/api/articles/nothing-like-this",
                                  "/api/events?since=May", "/static/app.js", "/"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert "object-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    # each once, even where the handler's response had headers of its own
    assert len(headers.get_list("content-security-policy")) == 1


def test_event_summaries_match_their_records(web_db):
    """``/api/events`` reads stored JSON as it is: the same summary the records give."""
    from dateline.query import iter_events
    from dateline.records import to_dict

    with Store(web_db) as store:
        events = list(iter_events(store, all_modes=True))
    assert events
    for event in events:
        lead = event.lead
        expected = {"id": event.id, "date": event.date}
        for name in ("source", "source_code", "source_country", "source_sector", "cameo",
                     "cameo_root", "plover", "quad_class", "goldstein", "target",
                     "target_code", "target_country", "target_sector"):
            expected[name] = getattr(lead.event, name)
        expected.update(place=to_dict(event.place), num_mentions=event.num_mentions,
                        num_sources=event.num_sources, num_articles=event.num_articles,
                        occurred=event.occurred, mode=lead.event.mode,
                        sentence=lead.event.sentence, article_id=lead.article_id,
                        articles=sorted({m.article_id for m in event.mentions}),
                        first_added=event.first_added)
        assert event.to_dict() == expected


def test_malformed_multipart_is_400(store_copy):
    with _client(WebConfig(db=store_copy, token=WEB_TOKEN)) as client:
        reply = _upload(client, content=b"--xyz\r\nnot a part header\r\n",
                        headers={"Content-Type": "multipart/form-data; boundary=xyz"})
        _error(reply, 400, "file")


def test_unreadable_store_is_503(tmp_path):
    with _client(WebConfig(db=tmp_path / "gone.db")) as client:
        _error(client.get("/api/articles"), 503)
        assert client.get("/").status_code == 503
