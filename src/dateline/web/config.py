"""What a server is told: its store, its write token, its upload limit."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import ConfigError
from dateline.settings import Settings

#: Environment variable holding the write token (``--token-file`` wins over it).
TOKEN_VARIABLE = "DATELINE_TOKEN"


@dataclass(frozen=True)
class WebConfig:
    """A server's settings. ``token`` None means read-only: every write is refused."""

    db: Path
    settings: Settings = field(default_factory=Settings)
    token: str | None = field(default=None, repr=False)

    @property
    def max_bytes(self) -> int:
        """Largest request body an upload may send (the ``--max-bytes`` rule)."""
        return self.settings.max_bytes


def load_token(token_file: str | Path | None = None) -> str | None:
    """The write token: the first line of ``token_file``, else ``$DATELINE_TOKEN``,
    else None. An empty or unreadable token file is an error, not a silent read-only
    server."""
    if token_file is not None:
        path = Path(token_file)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"--token-file {path}: cannot read it: {exc}") from exc
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError(f"--token-file {path}: the file is empty; write the token on "
                              "its first line")
        return token
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    return token or None
