"""The records that flow between dateline's stages.

Every stage takes one of these records and returns one; field names are part of the
public contract (they appear in JSON output, the SQLite store and the exports), so
rename nothing without a migration.

The shape, top down::

    RawDocument          what a reader found: bytes or text plus where it came from
    Article              one clean news article
      .sources[]         Sighting: every URL/site where this same article was read
      .images[]          Image: caption, credit, url
      .entities[]        Entity: canonical name, type, role, country, sector, mentions[]
      .quotes[]          Quote: speaker, cue, text, direct
      .dates[]           TimeExpr: TIMEX3 type/value/mod
      .counts[]          Count: value, unit, what is counted
      .places[]          Place: a place mention resolved to a gazetteer entry
      .events[]          Event: CAMEO/PLOVER-coded event with actors, date and place

Each fact carries ``where`` (a :class:`Where`) pointing at the text it came from:
``part`` is ``title``, ``body`` or ``caption``; ``index`` is the paragraph or caption
number (0 for the title); ``start``/``end`` are character offsets in that text.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, Literal

Part = Literal["title", "body", "caption"]


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of dataclass ``cls`` (looked up once per class)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def to_dict(record: Any) -> Any:
    """Turn a record (or list/dict of records) into plain JSON-ready data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {name: to_dict(getattr(record, name)) for name in _field_names(type(record))}
    if isinstance(record, list | tuple):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    """Build dataclass ``cls`` from a dict, ignoring keys it does not know."""
    if data is None:
        return None
    names = _field_names(cls)
    return cls(**{key: value for key, value in data.items() if key in names})


@dataclass(slots=True)
class Where:
    """Where a fact was found: a span of one part of the article."""

    part: Part
    index: int
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Where:
        return _build(cls, data)


@dataclass(slots=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``kind`` is the detected format: ``html``, ``text`` (a flattened dump) or
    ``record`` (a JSON Lines object whose fields are in ``meta``). ``origin`` names
    the file and, inside a container (WARC, JSON Lines), the record, for messages.
    """

    source: str
    origin: str
    kind: Literal["html", "text"]
    content: str
    url: str | None = None
    fetched: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Rejected:
    """A document that could not become an article, and why (rejection is data)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Sighting:
    """One place an article was read from."""

    url: str | None
    site: str | None
    fetched: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sighting:
        return _build(cls, data)


@dataclass(slots=True)
class Image:
    """An image of the article: its caption, the photo credit, and its URL if known."""

    caption: str
    credit: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Image:
        return _build(cls, data)


@dataclass(slots=True)
class Mention:
    """One mention of an entity, as written."""

    text: str
    where: Where

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(text=data["text"], where=Where.from_dict(data["where"]))


@dataclass(slots=True)
class Entity:
    """A canonical entity of one article, with all its mentions."""

    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    sector_label: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        entity = _build(cls, data)
        entity.mentions = [Mention.from_dict(m) for m in data.get("mentions", [])]
        return entity


@dataclass(slots=True)
class Quote:
    """A direct or indirect quotation with its speaker."""

    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    direct: bool
    text: str
    where: Where

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        quote = _build(cls, data)
        quote.where = Where.from_dict(data["where"])
        return quote


@dataclass(slots=True)
class TimeExpr:
    """A time expression normalised as a TimeML TIMEX3 value."""

    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    where: Where
    mod: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpr:
        timex = _build(cls, data)
        timex.where = Where.from_dict(data["where"])
        return timex


@dataclass(slots=True)
class Count:
    """A number with what it counts ("more than 10,000 violent attacks")."""

    value: float
    text: str
    where: Where
    value_max: float | None = None
    unit: str | None = None
    about: str | None = None
    change: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Count:
        count = _build(cls, data)
        count.where = Where.from_dict(data["where"])
        return count


@dataclass(slots=True)
class Place:
    """A place mention resolved to a gazetteer entry (fields null when unresolved)."""

    name: str
    text: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    geonameid: int | None = None
    where: Where | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        if data is None:
            return None
        place = _build(cls, data)
        place.where = Where.from_dict(data["where"]) if data.get("where") else None
        return place


@dataclass(slots=True)
class Event:
    """A coded event: who did what to whom, when and where, with its evidence."""

    cameo: str
    cameo_root: str
    sentence: str
    where: Where
    source: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    source_code: str | None = None
    target: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    target_code: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    date_from_text: bool = False
    place: Place | None = None
    from_caption: bool = False
    mode: Literal["occurred", "negated", "hypothetical", "future", "reported"] = "occurred"
    confidence: float = 0.5

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        event = _build(cls, data)
        event.where = Where.from_dict(data["where"])
        event.place = Place.from_dict(data.get("place"))
        return event


@dataclass(slots=True)
class Article:
    """One clean news article and, once the later stages ran, what it reports."""

    id: str
    title: str | None
    paragraphs: list[str]
    source: str | None = None
    url: str | None = None
    site: str | None = None
    sources: list[Sighting] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    language: str | None = None
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, with ``text`` placed after ``paragraphs``."""
        data = to_dict(self)
        ordered: dict[str, Any] = {}
        for key, value in data.items():
            ordered[key] = value
            if key == "paragraphs":
                ordered["text"] = self.text
        return ordered

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        article = _build(cls, data)
        article.sources = [Sighting.from_dict(s) for s in data.get("sources", [])]
        article.images = [Image.from_dict(i) for i in data.get("images", [])]
        article.entities = [Entity.from_dict(e) for e in data.get("entities", [])]
        article.quotes = [Quote.from_dict(q) for q in data.get("quotes", [])]
        article.dates = [TimeExpr.from_dict(t) for t in data.get("dates", [])]
        article.counts = [Count.from_dict(c) for c in data.get("counts", [])]
        article.places = [p for p in (Place.from_dict(p) for p in data.get("places", [])) if p]
        article.events = [Event.from_dict(e) for e in data.get("events", [])]
        return article

    def part_text(self, part: Part, index: int) -> str:
        """The text a ``Where`` refers to."""
        if part == "title":
            return self.title or ""
        if part == "body":
            return self.paragraphs[index]
        return self.images[index].caption
