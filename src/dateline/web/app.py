"""The application factory: pages, API, static assets, error shape, security headers."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


#: Headers every response carries (unless the handler set its own).
SECURITY_HEADERS = ((b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"))


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to each HTTP response as it starts.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` runs every request
    through a task group and a stream, which cost about as much as a small query.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS
                            if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


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

    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
