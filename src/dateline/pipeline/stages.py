"""The language and event stages over articles: one spaCy pass, then each stage in order.

:func:`annotate` parses the title, paragraphs and captions of a batch of articles
with one ``nlp.pipe`` call (:mod:`dateline.parse`), then runs, per article, the
stages of :func:`stages_for` in this order (each may use what the earlier ones set):

=============  ==========================================  ======================
field          stage                                       package
=============  ==========================================  ======================
``entities``   canonical people, organisations, places     ``dateline.entities``
``quotes``     direct and indirect quotations              ``dateline.quotes``
``dates``      time expressions (TIMEX3)                   ``dateline.time``
``counts``     numbers with what they count                ``dateline.counts``
``places``     place mentions on the map                   ``dateline.places``
``events``     CAMEO/PLOVER-coded events                   ``dateline.events``
=============  ==========================================  ======================

This module is the one place that knows the order and which stages run
(``events=False`` leaves out places and events). English only: an article in another
language keeps its record, gets no language facts and a warning.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from time import perf_counter

from dateline import counts, entities, events, places, quotes, time
from dateline.checkpoints import checkpoint
from dateline.parse.nlp import load_nlp, model_version
from dateline.parse.segments import Segment, article_segments, parse_segments
from dateline.records import Article
from dateline.stage import Stage, StageContext
from dateline.versions import EVENT_STAGE, LANGUAGE_STAGE

SUPPORTED_LANGUAGES = frozenset({"en"})

#: The language stages, in order.
LANGUAGE_STAGES: tuple[Stage, ...] = (entities.STAGE, quotes.STAGE, time.STAGE, counts.STAGE)
#: The event stages, after the language ones.
EVENT_STAGES: tuple[Stage, ...] = (places.STAGE, events.STAGE)


@dataclass(frozen=True)
class LanguageOptions:
    """Which model to use and how far to go."""

    model: str | None = None
    events: bool = True
    batch_size: int = 32
    #: longer article texts (characters) skip the stages; None: no limit
    max_chars: int | None = None
    #: the user's event dictionaries (PETRARCH format), read after the shipped ones
    actor_files: tuple[str, ...] = ()
    agent_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()

    @property
    def dictionaries(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        return self.actor_files, self.agent_files, self.verb_files


def stages_for(options: LanguageOptions) -> tuple[Stage, ...]:
    """The stages that run, in order."""
    return LANGUAGE_STAGES + (EVENT_STAGES if options.events else ())


def language_versions(nlp, options: LanguageOptions) -> dict[str, str]:
    """The ``versions`` entries the language (and event) stages add to a record."""
    versions = {"language": LANGUAGE_STAGE, "model": model_version(nlp)}
    if options.events:
        from dateline.events.coder import coder_for

        versions["events"] = EVENT_STAGE
        # the user's dictionaries change what is coded: a run with other files re-codes
        versions["event_dictionaries"] = coder_for(*options.dictionaries).digest or "shipped"
    return versions


def annotate(articles: list[Article], options: LanguageOptions | None = None,
             timings: dict[str, float] | None = None) -> list[Article]:
    """Add entities, quotes, dates, counts (and places and events) to ``articles``.

    With ``timings``, the seconds spent in the parse and in each stage are added to it
    (keys ``parse`` and the stages' names); what the stages produce does not change.
    """
    options = options or LanguageOptions()
    nlp = load_nlp(options.model)
    versions = language_versions(nlp, options)
    english = [a for a in articles if _is_supported(a) and _is_short(a, options.max_chars)]
    segments_of = {id(a): article_segments(a) for a in english}
    checkpoint("parse")
    # Strings and lexemes spaCy adds while parsing the batch are freed when the zone
    # ends, so a long run over ever new names does not grow the vocabulary; the stages
    # turn the parses into plain records inside it, and no Doc outlives it.
    with nlp.memory_zone():
        started = perf_counter()
        parse_segments([s for a in english for s in segments_of[id(a)]], nlp,
                       options.batch_size)
        if timings is not None:
            timings["parse"] = timings.get("parse", 0.0) + perf_counter() - started
        for article in articles:
            if id(article) in segments_of:
                run_stages(article, segments_of[id(article)], options, timings)
                article.versions.update(versions)
        segments_of.clear()
    return articles


def run_stages(article: Article, segments: list[Segment], options: LanguageOptions,
               timings: dict[str, float] | None = None) -> None:
    """Every stage of :func:`stages_for` over one article's parsed segments; with
    ``timings``, each stage's seconds are added under its name."""
    context = StageContext(segments=segments, anchor=anchor_of(article), options=options)
    for stage in stages_for(options):
        started = perf_counter()
        stage.run(article, context)
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + perf_counter() - started
    for message in context.warnings:
        _warn(article, message)


def _is_supported(article: Article) -> bool:
    if article.language in SUPPORTED_LANGUAGES:
        return True
    _warn(article, f"language {article.language or 'unknown'!r} is not supported by the "
                   "language layer yet: no entities, quotes, dates, counts or events")
    return False


def text_length(article: Article) -> int:
    """Characters the language stages would read: title, paragraphs and captions."""
    return (len(article.title or "") + sum(len(p) for p in article.paragraphs)
            + sum(len(i.caption or "") for i in article.images))


def _is_short(article: Article, max_chars: int | None) -> bool:
    length = text_length(article)
    if max_chars is None or length <= max_chars:
        return True
    _warn(article, f"text of {length:,} characters is over the limit of {max_chars:,} for "
                   "the language layer: no entities, quotes, dates, counts or events "
                   "(raise the max_language_chars setting, DATELINE_MAX_LANGUAGE_CHARS or "
                   "--max-language-chars, and run again)")
    print(f"dateline: {article.source or article.url or article.title or 'article'}: "
          f"text of {length:,} characters is over max_language_chars ({max_chars:,}): "
          "stored without language facts", file=sys.stderr)
    return False


def anchor_of(article: Article) -> str | None:
    """The date relative expressions are resolved against: published, else updated."""
    return article.published or article.updated


def _warn(article: Article, message: str) -> None:
    if message not in article.warnings:
        article.warnings.append(message)
