"""Running the app: check the store, then uvicorn on loopback unless told otherwise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.errors import ConfigError
from dateline.settings import Settings
from dateline.web.config import WebConfig


def create_app(config: WebConfig):
    """The ASGI app for ``config`` (see :mod:`dateline.web.app`)."""
    from dateline.web.app import create_app as build

    return build(config)


def prepare_store(db: Path) -> None:
    """Fail early on a missing store; migrate an old one (when it can be written)."""
    from dateline.query import open_store

    open_store(db).close()


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          settings: Settings | None = None, token: str | None = None,
          announce: Callable[[str], None] = print, log_level: str = "warning") -> None:
    """Serve the store ``db`` until interrupted (Ctrl-C stops it cleanly)."""
    import uvicorn

    path = Path(db)
    prepare_store(path)
    config = WebConfig(db=path, settings=settings or Settings(), token=token)
    shown = f"[{host}]" if ":" in host else host
    mode = "writes need the token" if token else "read-only (no token configured)"
    announce(f"dateline: serving {path} at http://{shown}:{port}/ ({mode}); Ctrl-C stops")
    try:
        uvicorn.run(create_app(config), host=host, port=port, log_level=log_level)
    except OSError as exc:  # the port is taken, the host unknown
        raise ConfigError(f"--host/--port: cannot serve on {host}:{port}: {exc}") from exc
