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
    """Fill ``doc`` of every segment with ``nlp.pipe`` (batched); returns the list."""
    docs = nlp.pipe((s.text for s in segments), batch_size=batch_size)
    for segment, doc in zip(segments, docs, strict=True):
        segment.doc = doc
    return segments
