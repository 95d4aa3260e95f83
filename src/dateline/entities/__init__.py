"""The entities stage: canonical people, organisations and places, with roles, countries
and sectors ("Mr Blinken" is Antony Blinken, Secretary of State, ``USA``, government).

Entry point: :data:`STAGE` (its ``run`` calls :func:`dateline.entities.find.find_entities`).

Modules: ``find`` (entry points, canonical entities), ``mentions`` (which spans name
whom), ``merge`` (grouping mentions into entities), ``missed`` (names the model
missed), ``roles`` (titles and roles), ``tables`` (the shipped tables).
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import LANGUAGE_STAGE


def run(article, context: StageContext) -> None:
    from dateline.entities.find import find_entities

    article.entities = find_entities(context.segments)


STAGE = Stage(name="entities", reads=("segments",), sets=("entities",),
              version=("language", LANGUAGE_STAGE), run=run)
