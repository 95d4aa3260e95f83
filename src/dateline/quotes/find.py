"""Quotations: who said what, directly (in quotation marks) or reported in a clause.

The stage reads parsed segments and the article's canonical entities and returns
:class:`~dateline.records.Quote` records. It works paragraph by paragraph:

1. quotation marks give the quoted passages (:mod:`quotes_marks`); a passage that opens
   a sentence, follows a colon or a cue ("said: “...”") is a direct quote, one inside a
   sentence ("called it “a disgrace”") a fragment (:mod:`quotes_direct`);
2. a direct quote takes its cue from the words after it ("“...,” she said") or before
   it ("He told reporters: “...”"); a reporting verb with a clause outside the marks is
   an indirect quote ("Officials said the bridge would reopen"), fragments included
   (:mod:`quotes_indirect`);
3. speakers are the subjects of the cues, named by :mod:`quotes_speakers`; a quote
   without a cue continues the previous speaker, and so does every paragraph of a
   quote that runs over several paragraphs.

Offsets follow the usual conventions of quotation corpora: a direct quote's ``where``
covers its marks (and the comma inside them), an indirect quote's covers its clause
from "that" on; ``text`` is the quotation without the marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.quotes.direct import direct_quotes
from dateline.quotes.indirect import indirect_quotes
from dateline.quotes.speakers import Named, SpeakerResolver, is_pronoun
from dateline.quotes.units import Attribution, paragraphs
from dateline.records import Entity, Quote

if TYPE_CHECKING:
    from dateline.parse.segments import Segment

__all__ = ["Attribution", "find_attributions", "find_quotes"]

#: A quote without a cue continues the last speaker only when that speaker was quoted at
#: most this many paragraphs before; further back the link is lost.
MAX_CONTINUATION_GAP = 3


def find_quotes(segments: list[Segment], entities: list[Entity]) -> list[Quote]:
    """Direct and indirect quotations of one article's parsed ``segments``."""
    return [a.to_quote() for a in find_attributions(segments, entities)]


def find_attributions(segments: list[Segment], entities: list[Entity]) -> list[Attribution]:
    """Quotations with the spans of their cues and speakers, in reading order."""
    paras = paragraphs(segments)
    found: list[Attribution] = []
    for para in paras:
        direct = direct_quotes(para)
        found.extend(direct)
        found.extend(indirect_quotes(para, direct))
    found.sort(key=lambda a: (a.order, a.start))
    quoted: dict[int, list[tuple[int, int]]] = {}
    for para in paras:
        quoted.setdefault(para.order, []).extend((q.start, q.end) for q in para.quoted)
    _name_speakers(found, SpeakerResolver(segments, entities, quoted))
    return found


# ---- speakers --------------------------------------------------------------------------


def _name_speakers(found: list[Attribution], resolver: SpeakerResolver) -> None:
    """Resolve every cue's speaker, then give cue-less quotes the speaker they continue."""
    recent: list[Named] = []
    for item in found:
        if item.head is None:
            continue
        key = (item.order, item.head.idx)
        if is_pronoun(item.head):
            item.speaker = resolver.pronoun(key, item.head.text, recent) or \
                Named(item.head.text, None, "thing", item.head)
        else:
            item.speaker = resolver.name(item.segment, item.head, key, item.paragraph_start)
        if item.speaker is not None:
            recent.append(item.speaker)
            resolver.note(key, item.speaker)
    _continue_speakers(found, resolver)


def _continue_speakers(found: list[Attribution], resolver: SpeakerResolver) -> None:
    """Give each direct quote without a cue the speaker it continues: the one cued later
    in a quote running over several paragraphs, else the person the sentences before
    it in its paragraph are about, else whoever spoke last, nearby."""
    last: Attribution | None = None
    for n, item in enumerate(found):
        if item.head is None and item.direct:
            item.speaker = _chain_speaker(found, n) or _nearby_speaker(item, last, resolver)
        if item.speaker is not None:
            last = item


def _chain_speaker(found: list[Attribution], n: int) -> Named | None:
    """The speaker cued in a later paragraph of the quote that ``found[n]`` opens."""
    item = found[n]
    for later in found[n + 1:]:
        if item.closed or not later.direct or later.paragraph != item.paragraph + 1 or \
                later.start != later.paragraph_start:
            return None
        if later.head is not None:
            return later.speaker
        item = later
    return None


def _nearby_speaker(item: Attribution, last: Attribution | None,
                    resolver: SpeakerResolver) -> Named | None:
    """The person last the subject in the quote's paragraph, else the last speaker."""
    since = (item.order, item.paragraph_start)
    if last is not None and (last.order, last.end) > since:
        since = (last.order, last.end)
    named = resolver.subject_between(since, (item.order, item.start))
    if named is None and last is not None and \
            item.paragraph - last.paragraph <= MAX_CONTINUATION_GAP:
        named = last.speaker
    return named
