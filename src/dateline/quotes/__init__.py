"""The quotes stage: direct, partial and indirect quotations with a resolved speaker.

Entry point: :data:`STAGE` (its ``run`` calls :func:`dateline.quotes.find.find_quotes`).

Modules: ``find`` (entry points, speaker chains), ``direct`` and ``indirect`` (the
two kinds of quotation), ``marks`` (quotation marks), ``parse`` (reading the parse),
``speakers``, ``descriptions``, ``genders``, ``salience`` (who a speaker is),
``captions``, ``units``, ``lexicon`` (the shipped word lists).
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import LANGUAGE_STAGE


def run(article, context: StageContext) -> None:
    from dateline.quotes.find import find_quotes

    article.quotes = find_quotes(context.segments, article.entities)


STAGE = Stage(name="quotes", reads=("segments", "entities"), sets=("quotes",),
              version=("language", LANGUAGE_STAGE), run=run)
