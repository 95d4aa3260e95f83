"""A server running in a background thread on loopback, for benchmarks and tests."""

from __future__ import annotations

import socket
import threading
import time

from dateline.errors import ConfigError
from dateline.web.config import WebConfig


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class LiveServer:
    """``with LiveServer(config) as server: ... server.url ...``: uvicorn in a thread."""

    def __init__(self, config: WebConfig, host: str = "127.0.0.1", port: int | None = None,
                 start_timeout: float = 30.0) -> None:
        import uvicorn

        from dateline.web.serve import create_app

        self.host = host
        self.port = port or free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.start_timeout = start_timeout
        self.server = uvicorn.Server(uvicorn.Config(create_app(config), host=host,
                                                    port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="dateline-live",
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + self.start_timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise ConfigError(f"the server on {self.url} did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
