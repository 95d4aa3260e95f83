"""What a time expression is resolved against: the anchor, the tense, earlier mentions.

:class:`Context` is built once per segment; :class:`References` lives for a whole
article and remembers the last day, month, year and reporting period mentioned, for
expressions that count from the story's own time ("the following month", "a year
earlier" after "the third quarter", "that day").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dateline.time.calendar import Anchor, day_of
from dateline.time.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAST, UNKNOWN, FUTURE = -1, 0, 1

#: Auxiliaries and modals that put the event after the moment of speaking.
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "going", "gonna"}
#: Verbs whose present tense reports rather than schedules ("says Friday").
_REPORTING = {"say", "tell", "report", "announce", "state", "add", "note", "claim"}
#: Words right before an expression that point forward: a deadline "until Tuesday"
#: lies ahead even after a past verb ("extended its offer until Tuesday"), unless the
#: clause is in the past perfect ("until Thursday, they had not called him").
_FORWARD = re.compile(r"\b(?:until|till|by|starting|beginning)"
                      r"(?:\s+\w+\.?){0,2}\s+$", re.I)
#: Verbs that set dates rather than happen on them.
_SCHEDULING = {"set", "extend", "schedule", "reschedule", "postpone", "delay", "move", "push",
               "expire", "slate", "adjourn", "defer", "advance"}
#: Nouns a date hangs on without changing whose time it is ("the morning of 24 Feb").
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month",
               "year", "quarter", "hours", "time", "date"}
_DEADLINE = re.compile(r"\b(?:until|till)(?:\s+\w+\.?){0,2}\s+$", re.I)


@dataclass
class References:
    """The last times an article mentioned, in reading order (narrative anchoring)."""

    day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    period: str | None = None
    quarter: str | None = None
    #: The anchor's quarter ("2022-Q4"): a quarter after it ("the third quarter of
    #: next year") is a forecast, not the period later comparisons refer to.
    limit: str | None = None

    def note(self, value: str | None, type_: str) -> None:
        """Remember ``value`` as the latest mentioned time of its granularity."""
        if not value or type_ == "SET":
            return
        if type_ == "DURATION":
            # "the nine months" is the period later comparisons ("the year-earlier
            # period") refer to, as much as a quarter is.
            if re.fullmatch(r"P(?:[2-9]|1[01])M", value):
                self.period = value
            return
        if re.match(r"\d{4}-Q\d$", value) and (self.limit is None or value <= self.limit):
            self.period = self.quarter = value
        if re.match(r"\d{4}", value):
            self.year = int(value[:4])
        if m := re.match(r"(\d{4})-(\d{2})", value):
            self.month = (int(m[1]), int(m[2]))
        if day := day_of(value):
            self.day = day


@dataclass
class Context:
    """One segment being read: its text, parse, the anchor and the references."""

    text: str
    anchor: Anchor | None
    doc: Doc | None = None
    refs: References = field(default_factory=References)

    @property
    def anchor_day(self) -> date | None:
        """The anchor's date, or None without an anchor."""
        return self.anchor.day if self.anchor else None

    def story_day(self) -> date | None:
        """The day the story last mentioned, else the anchor's: what "that day" or a
        clock time given without a day belongs to (None without either)."""
        return self.refs.day or self.anchor_day

    def before(self, start: int, chars: int = 30) -> str:
        """Up to ``chars`` characters of text before ``start``."""
        return self.text[max(0, start - chars):start]

    def after(self, end: int, chars: int = 30) -> str:
        """Up to ``chars`` characters of text after ``end``."""
        return self.text[end:end + chars]

    def token_at(self, char: int) -> Token | None:
        """The parsed token that covers character ``char``."""
        if self.doc is None:
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def token_before(self, start: int) -> Token | None:
        """The parsed token that ends right before character ``start``."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        return self.doc[span.start - 1]

    def tense(self, start: int, end: int) -> int:
        """Whether the event the expression dates lies ahead (FUTURE) or behind (PAST)."""
        return self.tense_and_link(start, end)[0]

    def tense_and_link(self, start: int, end: int) -> tuple[int, bool]:
        """The tense, and whether the expression hangs on its verb directly ("was
        passed on 2 January") rather than through a noun ("a dividend payable Jan. 2"),
        where the verb's tense says less about the date."""
        verb, via_noun = self._governor(start, end)
        return self._tense(start, verb, via_noun), not via_noun

    def _tense(self, start: int, verb: Token | None, via_noun: bool) -> int:
        """The tense from the governing verb and the words right before the expression."""
        if verb is not None and verb.lemma_ in _SCHEDULING:
            # "extended the offer to Nov. 16", "has set Nov. 10 as the deadline": a
            # date being set lies ahead as often as not, whatever the tense.
            return UNKNOWN
        tense = verb_tense(verb) if verb is not None else UNKNOWN
        if tense == FUTURE and via_noun and not _explicit_future(verb):
            # "comes on the heels of a judge on Thursday blocking ...": the day dates
            # the noun's event, not the present-tense verb's.
            tense = UNKNOWN
        if tense == UNKNOWN and verb is not None and \
                _bare_participle_before(verb, self.text, start):
            tense = PAST
        before = self.before(start, 30)
        if _FORWARD.search(before) and tense != PAST:
            return FUTURE
        if _DEADLINE.search(before) and not (verb is not None and _past_perfect(verb)):
            return FUTURE
        return tense

    def _governor(self, start: int, end: int) -> tuple[Token | None, bool]:
        """The verb the expression depends on, following heads up the parse, and
        whether the way up passed through a noun."""
        if self.doc is None:
            return None, False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None, False
        token, via_noun = span.root, False
        for _ in range(6):
            inside = span.start <= token.i < span.end
            if token.pos_ in ("VERB", "AUX") and not inside:
                return token, via_noun
            if token.head is token:
                return (token if token.pos_ in ("VERB", "AUX") else None), via_noun
            via_noun = via_noun or (token.pos_ in ("NOUN", "PROPN", "ADJ") and not inside
                                    and token.lower_ not in _TIME_NOUNS)
            token = token.head
        return None, via_noun


def verb_tense(verb: Token) -> int:
    """PAST, FUTURE or UNKNOWN for the clause a verb heads, from its tag and auxiliaries."""
    auxes = _auxiliaries(verb)
    words = {a.lower_ for a in auxes}
    if words & {"has", "have", "had", "'ve", "'d"} and verb.tag_ == "VBN":
        return PAST  # perfect: "has said", "could have gone"
    if words & _FUTURE_AUX or any(a.tag_ == "MD" for a in auxes):
        return FUTURE  # "will meet", "would leave", "might come"
    if verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VB" and "to" in words:
        # "plans to meet Friday", "planned to leave on Thursday": ahead, unless the
        # plan itself is told in the past perfect ("had been due to expire Friday").
        # An infinitive hanging from a noun ("celebrations to mark the entry") says
        # nothing about when.
        head = verb.head
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            return UNKNOWN
        return PAST if _past_perfect(head) else FUTURE
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        # News present tense schedules ("the committee meets Monday"), except for
        # reporting verbs ("says"), which report the past.
        return UNKNOWN if verb.lemma_ in _REPORTING else FUTURE
    return UNKNOWN


def _auxiliaries(verb: Token) -> list[Token]:
    """A verb's auxiliaries; a conjoined verb shares its first conjunct's ("was
    sentenced and released on 3 March")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # Only past markers carry over: "must be returned ... and set Friday as the
        # deadline" does not make "set" a future.
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")
                 and (c.tag_ == "VBD" or c.lemma_ == "have")]
    return auxes


def _explicit_future(verb: Token) -> bool:
    """"will meet", "would leave", "is going to": a future auxiliary or modal."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in _FUTURE_AUX or a.tag_ == "MD" for a in auxes)


def _bare_participle_before(verb: Token, text: str, start: int) -> bool:
    """"the year ended March 31", "the decision, announced Wednesday": a participle
    without auxiliary right before the expression (at ``start`` of the parsed
    ``text``) tells of something done."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    # the segment's text, not ``verb.doc.text``, which spaCy rebuilds on every access
    gap = text[verb.idx + len(verb.text):start]
    return gap.strip() in ("", "on")


def _past_perfect(verb: Token) -> bool:
    """"had been scheduled", "had said": a verb with the auxiliary "had"."""
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


@dataclass(frozen=True, slots=True)
class Value:
    """What a builder makes of a match: TIMEX3 type, value and mod."""

    type: str
    value: str | None
    mod: str | None = None
    #: False for comparisons ("a year earlier"), which later phrases do not refer to.
    refers: bool = True


def mod_of(phrase: str | None) -> str | None:
    """The TIMEX3 mod a modifier phrase sets ("the end of" -> END), or None."""
    if not phrase:
        return None
    key = re.sub(r"[\s-]+", " ", phrase.lower()).strip()
    entry = lexicon().modifiers.get(key)
    return entry[0] if entry else None
