"""The counts stage: numbers with what they count ("expelled more than 2.4 million times").

Entry point: :data:`STAGE` (its ``run`` calls :func:`dateline.counts.find.find_counts`).

Modules: ``find`` (entry points), ``numbers`` and ``lex`` (reading numbers),
``ranges``, ``about`` (what is counted), ``context``, ``filters`` (what is not a
count), ``tables`` (the shipped tables).
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import LANGUAGE_STAGE


def run(article, context: StageContext) -> None:
    from dateline.counts.find import find_counts

    article.counts = find_counts(context.segments)


STAGE = Stage(name="counts", reads=("segments",), sets=("counts",),
              version=("language", LANGUAGE_STAGE), run=run)
