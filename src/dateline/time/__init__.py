"""The time stage: time expressions (TIMEX3) normalised against the publication date
("on Thursday" in a piece of 16 Dec 2022 is 2022-12-15).

Entry point: :data:`STAGE` (its ``run`` calls :func:`dateline.time.find.find_times`).

Modules: ``find`` (entry points), ``triggers`` and ``patterns`` (where expressions
are), ``spans``, ``rules``, ``points``, ``periods``, ``days``, ``years``, ``clock``,
``quantity``, ``calendar`` (what they mean), ``context`` (the anchor and tense),
``lexicon`` (the shipped word lists).
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import LANGUAGE_STAGE


def run(article, context: StageContext) -> None:
    from dateline.time.find import find_times

    article.dates = find_times(context.segments, context.anchor)
    if context.anchor is None and article.dates:
        context.warnings.append(
            "no publication date: relative time expressions are left unanchored")


STAGE = Stage(name="time", reads=("segments", "anchor"), sets=("dates",),
              version=("language", LANGUAGE_STAGE), run=run)
