"""The JSON API under ``/api``: the store's queries and exports, and uploads.

Every read opens no new database: it takes its thread's read-only store
(:class:`~dateline.web.db.Readers`). Lists page with ``limit`` and an opaque
``cursor`` (``next_cursor`` of the previous page, null on the last).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from dateline.query import (
    ArticleQuery,
    EventQuery,
    find_articles,
    find_entities,
    find_events,
    find_quotes,
    network,
    places,
    timeline,
)
from dateline.query.entities import ENTITY_ORDERS
from dateline.query.events import MODES
from dateline.store import Store
from dateline.web.errors import ApiError
from dateline.web.paging import decode_cursor, page

router = APIRouter(prefix="/api", tags=["api"])

#: Longest value a text parameter may have (longer is a 422, not a slow query).
TEXT_MAX = 500
#: Most results one page may ask for.
LIMIT_MAX = 500

Text = Annotated[str | None, Query(max_length=TEXT_MAX)]
DateText = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD, YYYY-MM or YYYY")]
Cursor = Annotated[str | None, Query(max_length=40, description="next_cursor of the previous page")]


def reader(request: Request) -> Store:
    """This thread's read-only store."""
    return request.app.state.readers.get()


Reader = Annotated[Store, Depends(reader)]


def event_query(
    actor: Annotated[str | None, Query(max_length=TEXT_MAX,
                                       description="Source or target name or code contains")
                     ] = None,
    country: Annotated[str | None, Query(max_length=3,
                                         description="ISO 3166 alpha-3 of source or target")
                       ] = None,
    type: Annotated[str | None, Query(max_length=20,
                                      description="CAMEO code prefix (04) or PLOVER type")
                    ] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    mode: Annotated[Literal[MODES] | None, Query()] = None,  # type: ignore[valid-type]
    since: DateText = None,
    until: DateText = None,
    all_modes: bool = False,
) -> EventQuery:
    """The filters of ``dateline events`` as query parameters."""
    return EventQuery(actor=actor or None, country=country or None, type=type or None,
                      quad_class=quad_class, mode=mode, since=since or None,
                      until=until or None, all_modes=all_modes)


Events = Annotated[EventQuery, Depends(event_query)]


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson: a page of 50 events encodes several times faster."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def _json(data: Any) -> JSONResponse:
    """``data`` (plain JSON already) as the response, without another encoding pass."""
    return FastJSONResponse(data)


def _listing(results: list[Any], next_cursor: str | None) -> JSONResponse:
    return _json({"results": results, "next_cursor": next_cursor})


@router.get("/articles", summary="Search articles")
def articles(store: Reader, q: Text = None, site: Text = None, since: DateText = None,
             until: DateText = None, entity: Text = None,
             language: Annotated[str | None, Query(max_length=8)] = None,
             limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 20,
             cursor: Cursor = None) -> JSONResponse:
    """Full-text search (FTS5 syntax or plain words) over titles and text, with filters;
    each hit has a snippet and the offsets of the matched words in it."""
    offset = decode_cursor(cursor)
    query = ArticleQuery(text=q, site=site, since=since, until=until, entity=entity,
                         language=language, limit=limit + 1, offset=offset)
    rows, next_cursor = page(find_articles(store, query), limit, offset)
    return _listing([row.to_dict() for row in rows], next_cursor)


@router.get("/articles/{article_id}", summary="One article's full record")
def article(store: Reader,
            article_id: Annotated[str, Path(max_length=64,
                                            description="the id, or a unique prefix of it")]
            ) -> JSONResponse:
    """The article's record: the same JSON as ``dateline extract``."""
    found = store.get(article_id)
    if found is None:
        raise ApiError(404, f"no stored article has id {article_id!r} (or the prefix is not "
                            "unique)", "article_id")
    return _json(found.to_dict())


@router.get("/events", summary="Merged events")
def events(store: Reader, query: Events,
           limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 50,
           cursor: Cursor = None) -> JSONResponse:
    """Events merged across articles, most recent first, with GDELT's NumMentions,
    NumSources and NumArticles and one sentence that reports each."""
    offset = decode_cursor(cursor)
    found = find_events(store, replace(query, limit=limit + 1, offset=offset), lazy=True)
    rows, next_cursor = page(found, limit, offset)
    return _listing([row.to_dict() for row in rows], next_cursor)


@router.get("/quotes", summary="Quotes by speaker or words")
def quotes(store: Reader,
           speaker: Annotated[str | None, Query(max_length=TEXT_MAX,
                                                description="canonical name or part of it")
                              ] = None,
           q: Annotated[str | None, Query(max_length=TEXT_MAX,
                                          description="words in the quote (FTS5)")] = None,
           limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 50,
           cursor: Cursor = None) -> JSONResponse:
    """Quotes with their speaker and article, newest first (best matches first with q)."""
    offset = decode_cursor(cursor)
    found = find_quotes(store, speaker=speaker or None, search=(q or "").strip() or None,
                        limit=limit + 1, offset=offset)
    rows, next_cursor = page(found, limit, offset)
    return _listing([row.to_dict() for row in rows], next_cursor)


@router.get("/entities", summary="Canonical entities")
def entities(store: Reader,
             type: Annotated[str | None, Query(max_length=20,
                                               description="PERSON, ORG, GPE, ...")] = None,
             name: Text = None,
             order: Annotated[Literal[tuple(ENTITY_ORDERS)], Query()] = "quotes",  # type: ignore[valid-type]
             limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 50,
             cursor: Cursor = None) -> JSONResponse:
    """Entities across articles with their articles, mentions, quotes and attributes."""
    offset = decode_cursor(cursor)
    found = find_entities(store, type=type or None, name=name or None, order=order,
                          limit=limit + 1, offset=offset)
    rows, next_cursor = page(found, limit, offset)
    return _listing([row.to_dict() for row in rows], next_cursor)


@router.get("/network", summary="Actor pairs (dyads) with counts")
def actor_network(store: Reader, query: Events,
                  limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 40) -> JSONResponse:
    """The strongest source -> target pairs of the selected events: events, mentions and
    mean Goldstein score of each."""
    return _json({"dyads": [d.to_dict() for d in network(store, query, limit)]})


@router.get("/timeline", summary="Events per day and quad class")
def event_timeline(store: Reader, query: Events) -> JSONResponse:
    """Counts of the selected events per day and CAMEO quad class (1-4)."""
    return _json({"days": timeline(store, query)})


@router.get("/places", summary="Where the selected events took place")
def event_places(store: Reader, query: Events,
                 limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> JSONResponse:
    """Places with coordinates and the number of selected events at each."""
    return _json({"places": places(store, query, limit)})


@router.get("/export/{fmt}", summary="The store in an export format (streamed)",
            response_class=Response,
            responses={200: {"content": {"text/tab-separated-values": {},
                                         "application/x-ndjson": {},
                                         "application/zip": {}}}})
def export(request: Request,
           fmt: Annotated[Literal["gdelt-events", "gdelt-mentions", "gkg", "plover", "jsonl",
                                  "csv", "parquet"], Path()],
           all_modes: bool = False) -> Response:
    """The formats of ``dateline export``: text formats stream line by line; ``csv`` and
    ``parquet`` (one file per table) come as a zip archive."""
    from dateline.web.exports import export_response

    return export_response(request.app.state.config.db, fmt, all_modes)


@router.post("/documents", summary="Upload documents to store",
             openapi_extra={"requestBody": {"content": {
                 "multipart/form-data": {"schema": {
                     "type": "object",
                     "properties": {"file": {"type": "array",
                                             "items": {"type": "string", "format": "binary"}}},
                 }},
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
             }, "required": True},
                 "security": [{"bearer": []}]})
async def documents(request: Request) -> JSONResponse:
    """Store uploaded HTML, text dumps, JSON Lines or WARC (multipart field ``file``,
    repeatable, or the raw body): the reply lists what was stored, already present, or
    refused and why. Needs ``Authorization: Bearer <token>``."""
    from dateline.web.uploads import handle_upload

    return await handle_upload(request)
