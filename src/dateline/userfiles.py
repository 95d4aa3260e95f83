"""The user's own table files (credits, boilerplate cues, event dictionaries).

Named in settings or options, they are read once when a run starts; one that is
missing or not UTF-8 text stops the run with one line that names it.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from dateline.errors import ConfigError


def read_user_file(name: str | Path, what: str) -> tuple[Path, str]:
    """The path and text of a user's table file (gunzipped when it ends in ``.gz``).

    ``what`` names the kind of file in the error ("credits table", "event dictionary").
    """
    path = Path(name).expanduser()
    if not path.is_file():
        raise ConfigError(f"{what} {path}: no such file")
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if b"\x00" in data:
            raise ValueError("binary data")
        return path, data.decode("utf-8")
    except (OSError, ValueError, EOFError) as exc:  # UnicodeDecodeError is a ValueError
        reason = str(exc)[:120]
        raise ConfigError(f"{what} {path}: not a UTF-8 text file ({reason})") from exc
