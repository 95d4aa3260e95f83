"""What the HTML path and the dump cleaner recover from one page, before it becomes an
:class:`~dateline.records.Article`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.records import Image


@dataclass
class Found:
    """Title, body, images and metadata found in one page."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


_NON_WORD = re.compile(r"\W+")


def text_key(text: str) -> str:
    """How two lines or captions compare: case folded, punctuation and spacing ignored."""
    return _NON_WORD.sub(" ", text.casefold()).strip()
