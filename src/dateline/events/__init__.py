"""The event stage: CAMEO/PLOVER-coded events with actors, dates and places.

Entry point of the stage: :data:`STAGE` (its ``run`` calls
:func:`dateline.events.coder.find_events` with the coder for the user's dictionaries).
Other entry points:

- :func:`dateline.events.coder.find_events` codes an article's parsed segments into
  :class:`~dateline.records.Event` records;
- :func:`dateline.events.coder.code_sentence` codes one parsed sentence (the benchmark
  uses it with PETRARCH's conventions, :data:`dateline.events.coder.PETRARCH`);
- :class:`dateline.events.actors.ActorDictionary` and
  :func:`dateline.events.verbs.load_verbs` load the shipped dictionaries and any
  further ones in the PETRARCH formats;
- :mod:`dateline.events.codebook` answers PLOVER type, quad class and Goldstein value
  of a CAMEO code.

Modules: ``dictionaries`` (PETRARCH actor/agent/discard formats and the shipped
tables), ``verbs`` (verb dictionary reader), ``patterns`` (pattern matching),
``syntax`` (reading the parse), ``actors`` (actor codes of noun phrases),
``governing`` (which of several verbs states the event), ``participants`` (sources
and targets), ``nominal`` (events named by nouns), ``modes``, ``intent`` (intents,
threats, appeals, demands, refusals), ``context`` (dates, places, entity names of an
article), ``coder``.
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import EVENT_STAGE


def run(article, context: StageContext) -> None:
    from dateline.events.coder import coder_for, find_events

    dictionaries = context.options.dictionaries if context.options else ((), (), ())
    article.events = find_events(context.segments, article.entities, article.dates,
                                 article.places, context.anchor, coder_for(*dictionaries),
                                 article.quotes)


STAGE = Stage(name="events",
              reads=("segments", "anchor", "entities", "quotes", "dates", "places"),
              sets=("events",), version=("events", EVENT_STAGE), run=run)
