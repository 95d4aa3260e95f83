"""The application factory: pages, API, static assets, error shape, security headers."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from dateline import __version__
from dateline.web import api, errors, pages
from dateline.web.config import WebConfig
from dateline.web.db import Readers

HERE = Path(__file__).resolve().parent
#: Worker threads per server process that run request handlers.
THREADS = int(os.environ.get("DATELINE_SERVE_THREADS", "4"))

#: Scripts, styles, fonts and map shapes come from this server only; inline script and
#: style are refused, so text that slipped into markup could still not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (a link may be followed), else None."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["safe_url"] = safe_url
    templates.env.filters["path"] = lambda text: quote(str(text), safe="")
    templates.env.globals["version"] = __version__
    return templates


def create_app(config: WebConfig) -> FastAPI:
    """The dateline web app over the store ``config.db`` (which must exist)."""
    readers = Readers(config.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Few threads run the (blocking) handlers: more would only take turns on the GIL,
        # each with a connection and page cache of its own.
        to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        readers.close()

    app = FastAPI(title="dateline", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="Articles, quotes, entities and coded events of a dateline "
                              "store. Errors: `{\"error\": {status, message, parameter}}`. "
                              "Writes need `Authorization: Bearer <token>`.")
    app.state.config = config
    app.state.readers = readers
    app.state.templates = _templates()
    errors.install(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
