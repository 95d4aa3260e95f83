"""The texts a language stage reads: an article's title, paragraphs and captions.

Language stages never see an :class:`~dateline.records.Article` directly; they see a
list of :class:`Segment` objects, each one part of the article with its parsed spaCy
``Doc``. Offsets inside a segment's ``text`` (and its ``doc``) are exactly the
``start``/``end`` of the :class:`~dateline.records.Where` a fact reports, so a stage
builds ``Where`` with :meth:`Segment.where`.

Benchmarks feed gold text straight to a stage with :func:`text_segments`: the whole
text becomes one ``body`` segment, so offsets refer to the gold text itself. Stages
must therefore cope with a segment that holds several paragraphs (separated by
newlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.records import Article, Part, Where

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class Segment:
    """One part of an article (title, a paragraph or a caption) and its parse."""

    part: Part
    index: int
    text: str
    doc: Doc | None = None

    def where(self, start: int, end: int) -> Where:
        """A ``Where`` for characters ``start:end`` of this segment."""
        return Where(part=self.part, index=self.index, start=start, end=end)


def article_segments(article: Article) -> list[Segment]:
    """Title, body paragraphs and image captions of ``article``, in reading order.

    Captions come last: they are evidence too, but not part of the body's flow.
    """
    segments: list[Segment] = []
    if article.title:
        segments.append(Segment("title", 0, article.title))
    segments.extend(Segment("body", i, text) for i, text in enumerate(article.paragraphs))
    segments.extend(
        Segment("caption", i, image.caption) for i, image in enumerate(article.images)
    )
    return segments


def text_segments(text: str) -> list[Segment]:
    """A plain text as one ``body`` segment (offsets are offsets into ``text``)."""
    return [Segment("body", 0, text)]


def parse_segments(segments: list[Segment], nlp, batch_size: int = 32) -> list[Segment]:
    """Fill ``doc`` of every segment with ``nlp.pipe`` (batched); returns the list.

    A segment longer than the model's ``max_length`` (spaCy refuses it with E088: a
    dump or JSON text with no line breaks) is parsed in pieces cut at line or sentence
    ends (:func:`split_long`), and the pieces' docs are joined into one, so its
    offsets still match the segment's text.
    """
    from spacy.tokens import Doc

    pieces = [split_long(s.text, nlp.max_length) for s in segments]
    docs = nlp.pipe((text for texts in pieces for text in texts), batch_size=batch_size)
    for segment, texts in zip(segments, pieces, strict=True):
        parts = [next(docs) for _ in texts]
        segment.doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts,
                                                                     ensure_whitespace=False)
    return segments


#: The size of the pieces of a text over the model's limit. spaCy's parser needs about
#: 1 GB of memory per 100,000 characters of one text, so pieces stay well below that.
PIECE_CHARS = 100_000

_SENTENCE_END = re.compile(r"[.!?][\"\u201d')\]]*\s+")


def split_long(text: str, limit: int, piece: int = PIECE_CHARS) -> list[str]:
    """``text`` itself when it is at most ``limit`` characters; else pieces of at most
    ``min(limit, piece)`` characters that join back to ``text``, each cut after a line
    break, else after a sentence end, else after a space (else anywhere)."""
    if len(text) <= limit:
        return [text]
    size = max(1, min(limit, piece))
    pieces = []
    while len(text) > size:
        window = text[:size]
        cut = _cut(window)
        pieces.append(text[:cut])
        text = text[cut:]
    if text:
        pieces.append(text)
    return pieces


def _cut(window: str) -> int:
    """Where to end a piece of ``window``: the last good break in its second half."""
    half = len(window) // 2
    newline = window.rfind("\n", half)
    if newline >= 0:
        return newline + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    space = max(window.rfind(" ", half), window.rfind("\t", half))
    return space + 1 if space >= 0 else len(window)
