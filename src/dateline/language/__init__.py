"""The language and event layers over articles: one spaCy pass, then every stage.

:func:`annotate` parses the title, paragraphs and captions of a batch of articles
with one ``nlp.pipe`` call, then runs, per article, in this order (each stage may use
what the earlier ones found):

=============  ==========================================  ==================
field          stage                                       module
=============  ==========================================  ==================
``entities``   canonical people, organisations, places     ``language.entities``
``quotes``     direct and indirect quotations              ``language.quotes``
``dates``      time expressions (TIMEX3)                   ``language.timex``
``counts``     numbers with what they count                ``language.counts``
``places``     place mentions on the map                   ``geo.places``
``events``     CAMEO/PLOVER-coded events                   ``events.coder``
=============  ==========================================  ==================

English only: an article in another language keeps its record, gets no language
facts and a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.language.nlp import load_nlp, model_version
from dateline.language.segments import Segment, article_segments, parse_segments
from dateline.records import Article
from dateline.versions import EVENT_STAGE, LANGUAGE_STAGE

SUPPORTED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class LanguageOptions:
    """Which model to use and how far to go."""

    model: str | None = None
    events: bool = True
    batch_size: int = 32
    #: the user's event dictionaries (PETRARCH format), read after the shipped ones
    actor_files: tuple[str, ...] = ()
    agent_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()

    @property
    def dictionaries(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        return self.actor_files, self.agent_files, self.verb_files


def language_versions(nlp, options: LanguageOptions) -> dict[str, str]:
    """The ``versions`` entries the language (and event) stages add to a record."""
    versions = {"language": LANGUAGE_STAGE, "model": model_version(nlp)}
    if options.events:
        from dateline.events.coder import coder_for

        versions["events"] = EVENT_STAGE
        # the user's dictionaries change what is coded: a run with other files re-codes
        versions["event_dictionaries"] = coder_for(*options.dictionaries).digest or "shipped"
    return versions


def annotate(articles: list[Article], options: LanguageOptions | None = None) -> list[Article]:
    """Add entities, quotes, dates, counts (and places and events) to ``articles``."""
    options = options or LanguageOptions()
    nlp = load_nlp(options.model)
    versions = language_versions(nlp, options)
    english = [a for a in articles if _is_supported(a)]
    segments_of = {id(a): article_segments(a) for a in english}
    parse_segments([s for a in english for s in segments_of[id(a)]], nlp, options.batch_size)
    for article in articles:
        if id(article) in segments_of:
            _annotate_one(article, segments_of[id(article)], options)
            article.versions.update(versions)
    return articles


def _is_supported(article: Article) -> bool:
    if article.language in SUPPORTED_LANGUAGES:
        return True
    _warn(article, f"language {article.language or 'unknown'!r} is not supported by the "
                   "language layer yet: no entities, quotes, dates, counts or events")
    return False


def anchor_of(article: Article) -> str | None:
    """The date relative expressions are resolved against: published, else updated."""
    return article.published or article.updated


def _annotate_one(article: Article, segments: list[Segment], options: LanguageOptions) -> None:
    from dateline.language.counts import find_counts
    from dateline.language.entities import find_entities
    from dateline.language.quotes import find_quotes
    from dateline.language.timex import find_times

    anchor = anchor_of(article)
    article.entities = find_entities(segments)
    article.quotes = find_quotes(segments, article.entities)
    article.dates = find_times(segments, anchor)
    article.counts = find_counts(segments)
    if anchor is None and article.dates:
        _warn(article, "no publication date: relative time expressions are left unanchored")
    if options.events:
        from dateline.events.coder import coder_for, find_events
        from dateline.geo.places import align_entity_countries, find_places

        article.places = find_places(segments, article.entities)
        align_entity_countries(article.entities, article.places)
        article.events = find_events(segments, article.entities, article.dates,
                                     article.places, anchor, coder_for(*options.dictionaries))


def _warn(article: Article, message: str) -> None:
    if message not in article.warnings:
        article.warnings.append(message)
