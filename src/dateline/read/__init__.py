"""Reading raw news: paths in, :class:`RawDocument` (or :class:`Rejected`) out.

An input is a file, a folder (read recursively), a glob pattern, or ``-`` for standard
input. Each file's format is recognised from its content (see :mod:`.sniff`):

- HTML pages and flattened text dumps: one document each;
- WARC / WARC.gz: streamed record by record (``response`` records holding HTML);
- JSON Lines: one document per line (``html`` or ``text``, optional ``url``,
  ``title``, ``published``); a plain JSON object or array of such objects too;
- any of these gzipped.

Nothing here raises for bad input: a file or record that cannot be read becomes a
:class:`Rejected` with a one-line reason, and reading goes on with the next one.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.checkpoints import checkpoint
from dateline.read.jsonl import iter_json, iter_jsonl
from dateline.read.sniff import decode, looks_binary, sniff_format
from dateline.read.warc import iter_warc
from dateline.records import RawDocument, Rejected

#: Default size limit of one document, after decompression (50 MB).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_HEAD_BYTES = 65536

Item = RawDocument | Rejected


def iter_documents(inputs: Iterable[str | os.PathLike[str]],
                   max_bytes: int = DEFAULT_MAX_BYTES,
                   exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Every document (or rejection) found in ``inputs``, in order.

    Files in ``exclude`` (the run's own database, say) are passed over.
    """
    skip = {p.resolve() for p in exclude}
    for name in inputs:
        if str(name) == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", "-", max_bytes)
            continue
        paths = expand_path(str(name))
        if not paths:
            yield Rejected(str(name), "no such file, folder or matching path")
        for path in paths:
            if path.resolve() not in skip:
                checkpoint("read")
                yield from read_file(path, max_bytes)


def expand_path(name: str) -> list[Path]:
    """The files a path names: itself, a folder's files (recursive), or a glob's matches."""
    path = Path(name)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    if path.exists():
        return [path]
    matches = [Path(m) for m in sorted(glob.glob(name, recursive=True))]
    files: list[Path] = []
    for match in matches:
        files.extend(expand_path(str(match)) if match.is_dir() else [match])
    return files


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Documents of one file; a file that cannot be opened is one rejection."""
    origin = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
            kind = sniff_format(head)
            if kind in ("html", "text") and path.stat().st_size > max_bytes:
                yield Rejected(origin, f"document is over the size limit ({_mb(max_bytes)})")
                return
            stream.seek(0)
            yield from _read_sniffed(stream, head, kind, origin, str(path), max_bytes)
    except OSError as exc:
        yield Rejected(origin, f"cannot read file: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, origin: str, source: str,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Documents of an unseekable stream (standard input)."""
    head = stream.read(_HEAD_BYTES)
    replay = io.BufferedReader(_Replay(head, stream))  # type: ignore[arg-type]
    yield from _read_sniffed(replay, head, sniff_format(head), origin, source, max_bytes)


def _read_sniffed(stream: BinaryIO, head: bytes, kind: str, origin: str, source: str,
                  max_bytes: int) -> Iterator[Item]:
    if not head.strip():
        yield Rejected(origin, "empty file")
        return
    if kind == "warc":
        yield from iter_warc(stream, origin, source, max_bytes)
        return
    if kind == "gzip":
        yield from _read_gzip(stream, origin, source, max_bytes)
        return
    if kind == "jsonl":
        yield from iter_jsonl(stream, origin, source, max_bytes)
        return
    if kind == "json":
        yield from iter_json(stream.read(max_bytes + 1), origin, source, max_bytes)
        return
    yield _single(stream.read(max_bytes + 1), kind, origin, source, max_bytes)


def _read_gzip(stream: BinaryIO, origin: str, source: str, max_bytes: int) -> Iterator[Item]:
    """A gzipped input: sniff what is inside, then read it as that format.

    Decompression streams (no seeking back), so standard input works too, and a
    document is never inflated past ``max_bytes`` (+1 to tell that it is over).
    """
    try:
        inner = gzip.GzipFile(fileobj=stream)
        head = inner.read(_HEAD_BYTES)
        kind = sniff_format(head)
        if kind == "gzip":
            yield Rejected(origin, "gzip inside gzip is not supported")
            return
        replay = io.BufferedReader(_Replay(head, inner))  # type: ignore[arg-type]
        if not head.strip():
            yield Rejected(origin, "empty file (after decompression)")
        elif kind == "warc":
            yield from iter_warc(replay, origin, source, max_bytes)
        elif kind == "jsonl":
            yield from iter_jsonl(replay, origin, source, max_bytes)
        elif kind == "json":
            yield from iter_json(replay.read(max_bytes + 1), origin, source, max_bytes)
        else:
            data = replay.read(max_bytes + 1)
            yield _single(data, kind, origin, source, max_bytes, compressed=True)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(origin, f"malformed gzip stream: {exc}")


def _single(data: bytes, kind: str, origin: str, source: str, max_bytes: int,
            compressed: bool = False) -> Item:
    """One HTML page or text dump from its bytes."""
    if len(data) > max_bytes:
        what = "expands past" if compressed else "is over"
        return Rejected(origin, f"document {what} the size limit ({_mb(max_bytes)})")
    if not data.strip():
        return Rejected(origin, "empty file")
    if looks_binary(data):
        return Rejected(origin, "binary file, not HTML, text, WARC or JSON Lines")
    try:
        text = decode(data)
    except UnicodeError as exc:
        return Rejected(origin, str(exc))
    return RawDocument(source=source, origin=origin, kind=kind, content=text)  # type: ignore[arg-type]


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size} bytes"


class _Replay(io.RawIOBase):
    """A raw stream that yields ``head`` first, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
        else:
            data = self._stream.read(len(buffer))
            size = len(data)
            buffer[:size] = data
        self._position += size
        return size

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        # Readers ask where they are with seek(0, SEEK_CUR); real seeking is impossible.
        if offset == 0 and whence == io.SEEK_CUR:
            return self._position
        raise io.UnsupportedOperation("this stream cannot seek")
