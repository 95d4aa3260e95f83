"""Versions of the stages, stamped on every record's ``versions``.

Bump a stage's number when a change alters what it produces, so that
``dateline run --reprocess`` re-runs it on articles stored by an older version.
"""

from __future__ import annotations

from functools import lru_cache

from dateline import __version__

#: The article layer: reading, HTML extraction, dump cleaning, ids.
ARTICLE_STAGE = "1"

#: The language layer: entities, quotes, time, counts. 2: a national office written
#: bare takes the home country, not a country other offices are written with ("US
#: story about Ukraine"); an envoy's "to X" is not the envoy's country.
LANGUAGE_STAGE = "2"

#: The event layer: places, actors, event coding. 2: force done to things dropped,
#: shared passive auxiliaries, one record per event of a sentence, carrier and
#: spokesperson roles, English place names, place entities' countries from the
#: gazetteer. 3: actors over the whole article (roles and people without a country
#: take the article's, from its institutions; he/she/I/we stand for a person named
#: before or a quotation's speaker), places that only locate are no actors, a
#: participle with a by-phrase is passive, officers are police, no main place of the
#: article without a dateline or a dominant place. Also in 3, the verbs: a passive
#: arrest, conviction or deportation takes the institution that does it, speech acts
#: stated outright need no target, stated intents happened, verbs of thinking, wishes,
#: questions and figures of speech are no acts, condemning words are 111, named
#: meetings and calls, modes of ideas, fears, aims and clauses of time. 4 (verbs):
#: convictions and verdicts 116, detention of people held, refusals ("balk", "will not
#: accept"), suits, annexation, rulings of illegality, claimed attacks, past years no
#: discard, arrested pronouns and names kept for the article. 5 (actor countries):
#: the article's country passes over one written as the nationality of an office when
#: another is written bare; people named by a role take the country of the story's
#: places, and of the police that act on them; an entity coded at one mention is
#: coded so at the others; "UK"; no country from a place word inside a person's
#: name or from the country an expert covers.
#: 6 (nouns): nouns of events in more frames (after "during", both sides named, "led a
#: march", "took part in talks"), with their own modes, hosted visits, clashes of
#: crowds and police.
#: 7 (more events): "the Ukrainians" (a plural name) is its country; crushing or
#: dispersing protests and police force on protesters are 175; defending a policy 052;
#: passive accusations without named accusers; "look into" 090; calling people
#: criminal 111; two parties of one code keep both directions of a mutual act;
#: talking to someone 040, to the press 010.
EVENT_STAGE = "7"


def article_versions(tables_digest: str) -> dict[str, str]:
    """Versions behind an article record (language facts add theirs later); a new dict."""
    return dict(_article_versions(tables_digest))


@lru_cache(maxsize=8)
def _article_versions(tables_digest: str) -> tuple[tuple[str, str], ...]:
    import htmldate
    import trafilatura

    return tuple({
        "dateline": __version__,
        "article": ARTICLE_STAGE,
        "trafilatura": trafilatura.__version__,
        "htmldate": htmldate.__version__,
        "article_tables": tables_digest,
    }.items())
