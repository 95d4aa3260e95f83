"""Opaque paging cursors: where the next page starts.

A cursor is the offset of the next result, base64url-encoded so that clients pass it
back as given rather than compute it. A cursor that does not decode is a 422 naming
``cursor``.
"""

from __future__ import annotations

import base64
import binascii
import re

from dateline.web.errors import ApiError

_BODY = re.compile(r"o:(\d{1,9})")


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor names (0 without one)."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        text = ""
    found = _BODY.fullmatch(text)
    if not found:
        raise ApiError(422, "cursor: not a cursor this server gave (pass next_cursor back "
                            "unchanged)", "cursor")
    return int(found.group(1))


def page(rows: list, limit: int, offset: int) -> tuple[list, str | None]:
    """The first ``limit`` of ``rows`` (fetched as ``limit + 1``) and the next cursor."""
    if len(rows) > limit:
        return rows[:limit], encode_cursor(offset + limit)
    return rows, None
