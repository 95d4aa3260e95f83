"""An article as one character sequence, for the character offsets GDELT columns carry.

dateline locates a fact by ``where`` (part, index, start, end); GDELT by one offset in
the document. The document here is the title, the body paragraphs and the image
captions, in that order, separated by blank lines (``\\n\\n``), so every fact of an
article, captions included, has an offset. Sentence numbers (GDELT's ``SentenceID``)
come from a light splitter: a sentence ends at ``.``, ``!`` or ``?`` (and closing
quotes or brackets) before white space and a capital, digit or opening quote, and at
every part boundary.
"""

from __future__ import annotations

import bisect
import re

from dateline.records import Article, Where

SEPARATOR = "\n\n"

# A sentence break: end punctuation, optional closers, space, then a likely sentence start.
# Abbreviations ("Mr. Smith") split too; the count is an approximation GDELT users
# read as "roughly where in the article".
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


class Document:
    """The text of an article for offsets: title, paragraphs, captions."""

    def __init__(self, article: Article) -> None:
        self.starts: dict[tuple[str, int], int] = {}
        pieces: list[str] = []
        position = 0
        parts = [("title", 0, article.title)] if article.title else []
        parts += [("body", i, text) for i, text in enumerate(article.paragraphs)]
        parts += [("caption", i, image.caption) for i, image in enumerate(article.images)]
        for part, index, text in parts:
            if pieces:
                position += len(SEPARATOR)
            self.starts[(part, index)] = position
            pieces.append(text)
            position += len(text)
        self.text = SEPARATOR.join(pieces)
        self._sentences = self._sentence_starts(parts)

    def __len__(self) -> int:
        return len(self.text)

    def offset(self, where: Where | None) -> int | None:
        """The document offset where ``where`` starts (None for an unknown part)."""
        if where is None:
            return None
        start = self.starts.get((where.part, where.index))
        return None if start is None else start + where.start

    def sentence_number(self, offset: int | None) -> int | None:
        """The 1-based number of the sentence holding ``offset``."""
        if offset is None:
            return None
        return bisect.bisect_right(self._sentences, offset)

    def _sentence_starts(self, parts: list[tuple[str, int, str]]) -> list[int]:
        starts: list[int] = []
        for part, index, text in parts:
            base = self.starts[(part, index)]
            starts.append(base)
            starts.extend(base + m.end() for m in _SENTENCE_BREAK.finditer(text))
        return starts
