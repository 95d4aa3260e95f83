"""The HTML pages: search, article, events, entity and quotes.

Pages are rendered on the server (Jinja2, autoescaped); the events page draws its
timeline, network and map in the browser from the JSON API. A bad filter value shows
as a message on the page (status 422), never as a traceback.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from dateline.errors import ConfigError
from dateline.query import (
    ArticleQuery,
    EventQuery,
    entity_timeline,
    find_articles,
    find_events,
    find_quotes,
    get_entity,
    related_entities,
)
from dateline.query.articles import languages, site_names
from dateline.query.events import MODES
from dateline.store import Store
from dateline.web.api import TEXT_MAX, reader
from dateline.web.errors import ApiError
from dateline.web.marks import fact_spans, mark_text
from dateline.web.paging import decode_cursor, encode_cursor

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=TEXT_MAX)]
Reader = Annotated[Store, Depends(reader)]
#: Results per page on the HTML pages.
PAGE = 20


def _render(request: Request, template: str, context: dict[str, Any],
            status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status)


def _page_links(request: Request, offset: int, more: bool) -> dict[str, str | None]:
    """URLs of the first page (when not on it) and the next one (when there is one),
    with the same filters."""
    params = {k: v for k, v in request.query_params.items() if k != "cursor" and v}
    first = f"{request.url.path}?{urlencode(params)}" if offset > 0 else None
    after = None
    if more:
        params_next = {**params, "cursor": encode_cursor(offset + PAGE)}
        after = f"{request.url.path}?{urlencode(params_next)}"
    return {"first": first, "next": after}


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: Reader, q: Text = None, site: Text = None,
                since: Text = None, until: Text = None, entity: Text = None,
                language: Text = None, cursor: Text = None) -> HTMLResponse:
    offset = decode_cursor(cursor)
    form = {"q": q or "", "site": site or "", "since": since or "", "until": until or "",
            "entity": entity or "", "language": language or ""}
    error, hits = None, []
    try:
        hits = find_articles(store, ArticleQuery(text=q, site=site, since=since, until=until,
                                                 entity=entity, language=language,
                                                 limit=PAGE + 1, offset=offset))
    except ConfigError as exc:
        error = str(exc)
    context = {"form": form, "hits": hits[:PAGE], "error": error, "offset": offset,
               "pages": _page_links(request, offset, len(hits) > PAGE),
               "sites": site_names(store), "languages": languages(store),
               "total": store.count()}
    return _render(request, "search.html", context, 422 if error else 200)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: Reader, article_id: str) -> HTMLResponse:
    article = store.get(article_id[:64])
    if article is None:
        raise ApiError(404, f"no stored article has id {article_id!r}")
    spans = fact_spans(article)

    def marked(part: str, index: int, text: str):
        return mark_text(text, spans.get((part, index), []))

    entities: dict[str, list] = {}
    for entity in sorted(article.entities, key=lambda e: (-len(e.mentions), e.name)):
        entities.setdefault(entity.type, []).append(entity)
    context = {
        "article": article,
        "title": marked("title", 0, article.title or ""),
        "paragraphs": [marked("body", i, p) for i, p in enumerate(article.paragraphs)],
        "captions": [marked("caption", i, image.caption)
                     for i, image in enumerate(article.images)],
        "entities": dict(sorted(entities.items())),
    }
    return _render(request, "article.html", context)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    form = {name: request.query_params.get(name, "")[:TEXT_MAX]
            for name in ("actor", "country", "type", "quad_class", "mode", "since", "until",
                         "all_modes")}
    return _render(request, "events.html", {"form": form, "modes": MODES})


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, store: Reader, key: str) -> HTMLResponse:
    entity = get_entity(store, key[:TEXT_MAX])
    if entity is None:
        raise ApiError(404, f"no entity has id or name {key!r}")
    days = entity_timeline(store, entity.id)
    quotes = find_quotes(store, speaker=entity.name, limit=50) if entity.quotes else []
    events = find_events(store, EventQuery(actor=entity.name, all_modes=True, limit=50))
    context = {"entity": entity, "days": days, "bars": _bars(days),
               "quotes": quotes, "events": [e.to_dict() for e in events],
               "related": related_entities(store, entity.id)}
    return _render(request, "entity.html", context)


def _bars(days: list[dict[str, Any]], width: int = 720, height: int = 120) -> list[dict]:
    """Bar geometry of mentions per day, for a small server-drawn chart."""
    if not days:
        return []
    top = max(d["mentions"] for d in days) or 1
    step = min(width / len(days), 40)  # a few days stay thin bars, not a wall
    return [{"x": round(i * step + 1, 1), "w": round(max(step - 2, 1), 1),
             "h": round(d["mentions"] / top * (height - 20), 1),
             "y": round(height - d["mentions"] / top * (height - 20), 1),
             "date": d["date"], "mentions": d["mentions"]} for i, d in enumerate(days)]


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: Reader, speaker: Text = None, q: Text = None,
                cursor: Text = None) -> HTMLResponse:
    offset = decode_cursor(cursor)
    error, found = None, []
    try:
        found = find_quotes(store, speaker=(speaker or "").strip() or None,
                            search=(q or "").strip() or None, limit=PAGE + 1, offset=offset)
    except ConfigError as exc:
        error = str(exc)
    context = {"form": {"speaker": speaker or "", "q": q or ""}, "quotes": found[:PAGE],
               "error": error, "pages": _page_links(request, offset, len(found) > PAGE)}
    return _render(request, "quotes.html", context, 422 if error else 200)
