"""What a stage of the language and event layers is: one entry point and its contract.

Each stage package (:mod:`dateline.entities`, :mod:`dateline.quotes`,
:mod:`dateline.time`, :mod:`dateline.counts`, :mod:`dateline.places`,
:mod:`dateline.events`) declares one :class:`Stage`: the article fields it reads, the
fields it sets, the ``versions`` entry it answers to, and ``run(article, context)``.
The pipeline (:mod:`dateline.pipeline.stages`) alone decides their order and which of
them run; stages never call each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.parse.segments import Segment
    from dateline.records import Article


@dataclass(slots=True)
class StageContext:
    """What the stages of one article share: its parsed segments and time anchor."""

    segments: list[Segment]
    #: the date relative expressions resolve against (published, else updated)
    anchor: str | None
    #: stage options (the user's event dictionaries, for instance)
    options: Any = None
    #: warnings a stage wants on the record
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage: ``run(article, context)`` reads ``reads`` and sets ``sets``."""

    name: str
    #: article fields (or ``segments``/``anchor`` of the context) the stage reads
    reads: tuple[str, ...]
    #: article fields the stage sets
    sets: tuple[str, ...]
    #: the ``versions`` key and value a record made by this stage carries
    version: tuple[str, str]
    run: Callable[[Article, StageContext], None]
