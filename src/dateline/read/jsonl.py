"""JSON Lines input: one document per line (and plain JSON: an object or an array).

Each line is an object with ``html`` or ``text`` (the page, or a flattened dump), and
optionally ``url``, ``title``, ``published`` (and ``site``, ``fetched``), which the
article stage uses when the page itself does not say. The size limit applies to
each line; a longer line is rejected without being held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from dateline.read.sniff import decode
from dateline.records import RawDocument, Rejected

_META_KEYS = ("title", "published", "updated", "site", "authors", "language")


def iter_jsonl(stream: BinaryIO, origin: str, source: str,
               max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """The documents of a JSON Lines stream, line by line."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"{origin} (line {number})"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Rejected(where, f"line is over the size limit ({max_bytes} bytes)")
            continue
        if not line.strip():
            continue
        yield _document(line, where, source)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_json(data: bytes, origin: str, source: str,
              max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """A whole JSON document: one object, or an array of objects, each one document."""
    if len(data) > max_bytes:
        yield Rejected(origin, f"JSON document is over the size limit ({max_bytes} bytes)")
        return
    try:
        value = json.loads(decode(data))
    except (UnicodeError, ValueError) as exc:
        yield Rejected(origin, f"not valid JSON: {exc}")
        return
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, 1):
        where = f"{origin} (item {number})" if isinstance(value, list) else origin
        yield _from_object(item, where, source)


def _document(line: bytes, origin: str, source: str) -> RawDocument | Rejected:
    try:
        data = json.loads(decode(line))
    except (UnicodeError, ValueError) as exc:
        return Rejected(origin, f"not valid JSON: {exc}")
    return _from_object(data, origin, source)


def _from_object(data, origin: str, source: str) -> RawDocument | Rejected:
    if not isinstance(data, dict):
        return Rejected(origin, "not a JSON object")
    html, text = data.get("html"), data.get("text")
    if isinstance(html, str) and html.strip():
        kind, content = "html", html
    elif isinstance(text, str) and text.strip():
        kind, content = "text", text
    else:
        return Rejected(origin, "object has no non-empty 'html' or 'text' field")
    meta = {key: data[key] for key in _META_KEYS if data.get(key) not in (None, "")}
    url = data.get("url") if isinstance(data.get("url"), str) else None
    fetched = data.get("fetched") if isinstance(data.get("fetched"), str) else None
    return RawDocument(source=source, origin=origin, kind=kind, content=content, url=url,
                       fetched=fetched, meta=meta)  # type: ignore[arg-type]
