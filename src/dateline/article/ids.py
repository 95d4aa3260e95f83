"""Article identity: the same article read twice, or syndicated under several URLs,
has the same ``id``.

``id`` is the first 16 hex digits of SHA-256 over ``normalise(title) + "\\n" +
normalise(text)`` (UTF-8), where :func:`normalise`:

1. applies Unicode NFKC (full-width forms, ligatures, non-breaking spaces);
2. folds case (``str.casefold``);
3. maps curly quotes and apostrophes to straight ones and dashes to ``-``;
4. collapses every run of white space to one space and strips the ends.

An article without a title hashes an empty title.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "‟": '"', "«": '"', "»": '"', "‐": "-", "‑": "-",
                         "‒": "-", "–": "-", "—": "-", "―": "-"})
_SPACE = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """The normal form hashed into an article id (see module docstring)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def article_id(title: str | None, text: str) -> str:
    """16 hex digits identifying an article by its title and body."""
    key = normalise(title) + "\n" + normalise(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def url_host(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (None without a URL): a site's fallback name."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
