"""Recognising a document's format and text encoding from its bytes.

Formats are recognised by content, not by file name: a ``.txt`` that holds HTML is
HTML, and a file named ``page`` that starts with ``WARC/1.0`` is a WARC archive.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Literal

from charset_normalizer import from_bytes

Format = Literal["gzip", "warc", "jsonl", "json", "html", "text"]

GZIP_MAGIC = b"\x1f\x8b"

# Tags that only HTML (not a flattened dump) starts with or contains early on.
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(p|div|article|section|span|a|br|h[1-6]|figure|img|table|ul|li)\b"
                        rb"[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


def sniff_format(head: bytes) -> Format:
    """The format of a document from its first bytes (up to a few KB)."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{") and _looks_like_jsonl(stripped):
        return "jsonl"
    if stripped.startswith((b"{", b"[")) and _looks_like_json(stripped):
        return "json"
    if _HTML_START.match(stripped) or len(_HTML_TAGS.findall(stripped[:8192])) >= 3:
        return "html"
    return "text"


def _looks_like_jsonl(head: bytes) -> bool:
    """True when the first complete line of ``head`` is a JSON object."""
    first_line = head.split(b"\n", 1)[0]
    if b"\n" not in head and len(head) >= 65536:
        return True  # one very long line that starts with "{": let the reader decide
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def _looks_like_json(head: bytes) -> bool:
    """A JSON document spread over lines: '{' or '[' then a quoted key or an object."""
    return re.match(rb'[\[{]\s*("|\{|\])', head) is not None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16 text has NULs too; a BOM says it is text.
        return not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise ``UnicodeError`` when no encoding fits.

    Tries, in order: a byte-order mark, UTF-8, the declared charset (HTTP header or
    HTML ``<meta charset>``), then charset detection; detection must be confident,
    since a wrong guess silently garbles every non-ASCII letter.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _declared_encodings(data, declared):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    raise UnicodeError("undecodable bytes: not UTF-8 and no declared or detectable encoding fits")


def _declared_encodings(data: bytes, declared: str | None) -> list[str]:
    found = [declared] if declared else []
    match = _META_CHARSET.search(data[:16384])
    if match:
        found.append(match.group(1).decode("ascii", "ignore"))
    return [name for name in found if name]
