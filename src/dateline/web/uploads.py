"""``POST /api/documents``: uploaded documents through the same pipeline as ``dateline run``.

The order of checks is the order that costs least: the token (before any of the body
is read), the declared ``Content-Length`` against the size limit, then the body read
in chunks and dropped as soon as it passes the limit (a body sent without a length
cannot get round it). The limit is the ``--max-bytes`` rule: a request body holds at
most ``max_bytes``; the readers then apply it per document as ``dateline run`` does
(per WARC record, per JSON line, and to what a gzip stream expands to).

Writes go one at a time (a lock) through one writable :class:`~dateline.store.Store`
opened per upload; readers see the new articles as soon as each commits.
"""

from __future__ import annotations

import hmac
import io
import threading
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from dateline.web.config import WebConfig
from dateline.web.errors import ApiError

#: Most files one multipart upload may hold.
MAX_FILES = 100

_write_lock = threading.Lock()


def check_token(request: Request, config: WebConfig) -> None:
    """Refuse a write: 403 when the server has no token, 401 without a bearer token,
    403 with a wrong one (compared in constant time)."""
    if not config.token:
        raise ApiError(403, "writes are disabled: start `dateline serve` with --token-file "
                            "FILE or DATELINE_TOKEN set")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "authorization: send the header `Authorization: Bearer <token>`",
                       "authorization", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), config.token.encode("utf-8")):
        raise ApiError(403, "authorization: the token is not valid", "authorization")


async def read_capped(request: Request, limit: int) -> bytes:
    """The request body, refused with a 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "content-length: not a number", "content-length")
        if int(declared) > limit:
            raise ApiError(413, _too_large(limit))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, _too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> str:
    return (f"request body is over the size limit ({limit} bytes; the server's --max-bytes)")


async def _parts(request: Request, body: bytes, limit: int) -> list[tuple[str, bytes]]:
    """(name, content) of each uploaded document: the ``file`` parts of a multipart
    body, else the whole body as one document."""
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        name = request.headers.get("x-filename", "").strip()[:200] or "upload"
        return [(name, body)]

    async def stream() -> AsyncIterator[bytes]:
        yield body

    parser = MultiPartParser(request.headers, stream(), max_files=MAX_FILES,
                             max_part_size=limit)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise ApiError(400, f"file: malformed multipart body: {exc.message}", "file") from exc
    files = []
    for value in form.getlist("file"):
        if isinstance(value, UploadFile):
            files.append((value.filename or "upload", await value.read()))
            await value.close()
        else:
            files.append(("upload", value.encode("utf-8")))
    if not files:
        raise ApiError(422, "file: the multipart body has no `file` part", "file")
    return files


def _store(config: WebConfig, parts: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Run the pipeline over the uploaded documents into the store; what became of each."""
    from dateline.pipeline import outcomes_of, store_outcomes
    from dateline.read import read_stream
    from dateline.records import Rejected
    from dateline.store import Store

    settings = config.settings
    reply: dict[str, list] = {"stored": [], "present": [], "refused": []}

    def items():
        for name, content in parts:
            yield from read_stream(io.BytesIO(content), f"upload {name}", name,
                                   settings.max_bytes)

    def record(outcome, status: str) -> None:
        if isinstance(outcome.result, Rejected):
            reply["refused"].append({"origin": outcome.result.origin,
                                     "reason": outcome.result.reason})
            return
        article = outcome.result
        reply[status].append({"id": article.id, "title": article.title,
                              "origin": outcome.raw.origin if outcome.raw else None,
                              "events": len(article.events), "quotes": len(article.quotes)})

    with _write_lock, Store(config.db) as store:
        summary = store_outcomes(outcomes_of(items(), settings), store, settings, record)
    return {**reply, "summary": {"read": summary.read, "stored": summary.stored,
                                 "present": summary.present, "refused": summary.failed}}


async def handle_upload(request: Request) -> JSONResponse:
    config: WebConfig = request.app.state.config
    check_token(request, config)
    body = await read_capped(request, config.max_bytes)
    if not body.strip():
        raise ApiError(422, "file: the request body is empty", "file")
    parts = await _parts(request, body, config.max_bytes)
    return JSONResponse(await run_in_threadpool(_store, config, parts))
