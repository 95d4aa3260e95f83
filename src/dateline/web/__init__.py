"""dateline's web app and HTTP API over the SQLite store (``dateline serve``).

:func:`create_app` builds the ASGI application (FastAPI): HTML pages at ``/``
(search), ``/articles/{id}``, ``/events``, ``/entities/{id or name}`` and ``/quotes``,
the JSON API under ``/api`` (described by ``/openapi.json``), and the static assets
they need, all shipped in this package so the pages work offline. :func:`serve` runs it
on uvicorn. Read-only unless a token is configured; see ``docs/web.md``.
"""

from __future__ import annotations

from dateline.web.config import WebConfig, load_token
from dateline.web.serve import create_app, serve

__all__ = ["WebConfig", "create_app", "load_token", "serve"]
