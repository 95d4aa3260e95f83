"""Tables built once into the user's cache folder, so that a new process reads them fast.

Some of what a process loads is slow to make and the same every time: the compiled
verb patterns of the event coder, the language identifier's model (shipped
LZMA-compressed). Each is built once into a file of :func:`cache_dir` and read back by
later processes. The rules are those of the gazetteer's index
(:mod:`dateline.places.index`):

- the file's name carries a digest of everything the table is made from (its data,
  the code that builds it, the versions of the packages involved), so a change to any
  of them makes a new file on first use;
- files of other digests that have not been written for :data:`STALE_AFTER` seconds
  are removed (another installed version of dateline that still uses its file
  rebuilds it at most once a day);
- a file is written under a temporary name and renamed into place, so no process ever
  reads a half-written one; a file that fails its check (length and CRC-32, or the
  format's own) is rebuilt, never trusted;
- a cache folder that cannot be written costs only time: the table is built in memory
  in every process, as before the cache existed.
"""

from __future__ import annotations

import hashlib
import os
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

#: Start of a checked file: magic, payload length, CRC-32 of the payload.
_HEADER = struct.Struct("<8sQI")
_MAGIC = b"dlcache1"
#: Files of a table's other digests older than this (seconds) are removed.
STALE_AFTER = 24 * 3600


def cache_dir() -> Path:
    """Where dateline keeps built tables: ``$DATELINE_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``."""
    if os.environ.get("DATELINE_CACHE_DIR"):
        return Path(os.environ["DATELINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def digest(parts: Iterable[bytes | str]) -> str:
    """16 hex digits over ``parts`` (file contents, versions, code)."""
    sha = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "little"))  # ("ab", "c") differs from ("a", "bc")
        sha.update(data)
    return sha.hexdigest()[:16]


def publish(path: Path, write: Callable[[Path], None]) -> None:
    """Make ``path`` by ``write(temporary_path)``, then rename it into place.

    Other files of the same table (``NAME-*`` of the same suffix, other digests) not
    written for :data:`STALE_AFTER` seconds are removed. Raises ``OSError`` when the
    folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write(partial)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())  # the rename must never publish unwritten pages
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    table = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{table}-*{path.suffix}"):
        if old == path or old.name.rsplit("-", 1)[0] != table:
            continue
        try:
            if old.stat().st_mtime < time.time() - STALE_AFTER:
                old.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: harmless


def write_checked(path: Path, payload: bytes) -> None:
    """Write ``payload`` after a header of its length and CRC-32 (see :func:`read_checked`)."""
    path.write_bytes(_HEADER.pack(_MAGIC, len(payload), zlib.crc32(payload)) + payload)


def read_checked(path: Path) -> bytes | None:
    """The payload of a file :func:`write_checked` wrote; None when it is missing,
    cut short, longer than written, or its CRC-32 does not match."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER.size:
        return None
    magic, length, crc = _HEADER.unpack_from(data)
    payload = data[_HEADER.size:]
    if magic != _MAGIC or len(payload) != length or zlib.crc32(payload) != crc:
        return None
    return payload


def build_all(rebuild: bool = False) -> list[Path]:
    """Build every cached table now (``dateline index``), each only when missing,
    stale or damaged unless ``rebuild``; their paths. Raises ``OSError`` when the
    cache folder cannot be written."""
    from dateline.article import language_model
    from dateline.events.verbs import shipped_verbs, verbs_cache_path
    from dateline.places.index import ensure

    paths = [ensure(rebuild=rebuild)]
    shipped_verbs(rebuild=rebuild)
    paths.append(verbs_cache_path())
    if not paths[-1].is_file():
        raise OSError(f"{paths[-1]}: could not be written")
    try:
        paths.append(language_model.ensure(rebuild=rebuild))
    except ImportError:
        pass  # a py3langid this cache does not know loads its own model
    return paths
