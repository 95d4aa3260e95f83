"""Streaming WARC archives record by record with FastWARC.

Only ``response`` records whose payload is HTML become documents; the record's
``WARC-Target-URI`` and ``WARC-Date`` become the article's ``url`` and ``fetched``.
Each record is held to the size limit on its own. A malformed archive yields what it
could read, then one rejection naming the file and the record where reading stopped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from dateline.read.sniff import decode, looks_binary
from dateline.records import RawDocument, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, origin: str, source: str,
              max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """HTML documents of the response records in a WARC stream."""
    number = 0
    found_any = False
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
        for number, record in enumerate(records, 1):
            found_any = True
            yield _document(record, f"{origin} (record {number})", source, max_bytes)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - FastWARC may raise a Rust panic (BaseException)
        where = f"after record {number}" if number else "before the first record"
        yield Rejected(origin, f"malformed WARC {where}: {exc}")
        return
    if not found_any and not _had_any_record(stream):
        yield Rejected(origin, "malformed WARC: no readable record")


def _had_any_record(stream: BinaryIO) -> bool:
    """Whether the archive held records at all (responses or not); False when unknown."""
    try:
        stream.seek(0)
    except (OSError, ValueError):
        return True  # unseekable: we cannot tell, say nothing
    return any(True for _ in ArchiveIterator(stream))


def _content_decode(payload: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo an HTTP ``Content-Encoding`` (gzip or deflate), never past ``max_bytes``."""
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    else:
        raise ValueError(f"unsupported Content-Encoding {encoding!r}")
    try:
        data = inflater.decompress(payload, max_bytes + 1)
    except zlib.error as exc:
        raise ValueError(f"bad {encoding} payload ({exc})") from exc
    if len(data) > max_bytes:
        raise ValueError(f"payload expands past the size limit ({max_bytes} bytes)")
    return data


def _document(record, origin: str, source: str, max_bytes: int) -> RawDocument | Rejected:
    headers = record.headers
    url = headers.get("WARC-Target-URI")
    if record.content_length > max_bytes:
        return Rejected(origin, f"record is over the size limit ({max_bytes} bytes): {url}")
    if record.http_headers is None:
        return Rejected(origin, f"response record without readable HTTP headers: {url}")
    content_type = (record.http_content_type or "").lower()
    if content_type and not content_type.startswith(_HTML_TYPES):
        return Rejected(origin, f"not an HTML response ({content_type}): {url}")
    payload = record.reader.read()
    if len(payload) < record.content_length:
        return Rejected(origin, f"truncated record ({len(payload)} of "
                                f"{record.content_length} bytes): {url}")
    encoding = (record.http_headers.get("Content-Encoding") or "").strip().lower()
    if encoding and encoding != "identity":
        try:
            payload = _content_decode(payload, encoding, max_bytes)
        except ValueError as exc:
            return Rejected(origin, f"{exc}: {url}")
    if not payload.strip():
        return Rejected(origin, f"empty response: {url}")
    if looks_binary(payload):
        return Rejected(origin, f"binary response, not HTML: {url}")
    try:
        text = decode(payload, record.http_charset)
    except UnicodeError as exc:
        return Rejected(origin, f"{exc}: {url}")
    fetched = record.record_date.isoformat() if record.record_date else headers.get("WARC-Date")
    return RawDocument(source=source, origin=origin, kind="html", content=text, url=url,
                       fetched=fetched)
