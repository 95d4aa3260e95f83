"""Running the app: check the store, then uvicorn on loopback unless told otherwise."""

from __future__ import annotations

import os
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


#: Environment through which ``serve`` hands its store and limit to worker processes.
DB_VARIABLE = "DATELINE_SERVE_DB"
MAX_BYTES_VARIABLE = "DATELINE_SERVE_MAX_BYTES"


def app_from_environment():
    """The app of a worker process started by ``serve(workers=N)`` (uvicorn factory)."""
    from dateline.settings import load_settings
    from dateline.web.config import load_token

    settings = load_settings().with_options(max_bytes=os.environ.get(MAX_BYTES_VARIABLE))
    return create_app(WebConfig(db=Path(os.environ[DB_VARIABLE]), settings=settings,
                                token=load_token(None)))


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          settings: Settings | None = None, token: str | None = None,
          announce: Callable[[str], None] = print, log_level: str = "warning",
          workers: int = 1) -> None:
    """Serve the store ``db`` until interrupted (Ctrl-C stops it cleanly).

    ``workers`` > 1 runs that many processes on the same port (uvicorn's supervisor);
    they get the store, limit and token through the environment.
    """
    import uvicorn

    from dateline.web.config import TOKEN_VARIABLE

    path = Path(db)
    prepare_store(path)
    settings = settings or Settings()
    config = WebConfig(db=path, settings=settings, token=token)
    shown = f"[{host}]" if ":" in host else host
    mode = "writes need the token" if token else "read-only (no token configured)"
    announce(f"dateline: serving {path} at http://{shown}:{port}/ ({mode}); Ctrl-C stops")
    try:
        if workers > 1:
            os.environ[DB_VARIABLE] = str(path.resolve())
            os.environ[MAX_BYTES_VARIABLE] = str(settings.max_bytes)
            if token:
                os.environ[TOKEN_VARIABLE] = token
            else:
                os.environ.pop(TOKEN_VARIABLE, None)
            # a worker busy on a loaded machine may answer the supervisor's ping late:
            # give it a minute before it is taken for hung and killed mid-request
            uvicorn.run("dateline.web.serve:app_from_environment", factory=True, host=host,
                        port=port, workers=workers, log_level=log_level,
                        timeout_worker_healthcheck=60, timeout_keep_alive=30)
        else:
            uvicorn.run(create_app(config), host=host, port=port, log_level=log_level,
                        timeout_keep_alive=30)
    except OSError as exc:  # the port is taken, the host unknown
        raise ConfigError(f"--host/--port: cannot serve on {host}:{port}: {exc}") from exc
