"""The event stage: CAMEO/PLOVER-coded events with actors, dates and places.

Entry points:

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
