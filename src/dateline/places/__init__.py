"""The places stage: an offline gazetteer and the resolution of an article's place names.

Entry point: :data:`STAGE` (its ``run`` calls :func:`dateline.places.find.find_places`,
then gives place entities the country their mentions resolved to).

Modules, in the order a name flows through them:

``names``       how place names compare (one normal form)
``gazetteer``   the index: countries, divisions, features, GeoNames towns
``mentions``    which spans of an article name places
``resolve``     which place each name means, in context
``find``        ``Place`` records and the article's main place

Other stages call :func:`dateline.places.find.find_places`,
:func:`dateline.places.find.main_place`, :func:`dateline.places.gazetteer.lookup` and
:func:`dateline.places.gazetteer.is_place`.
"""

from __future__ import annotations

from dateline.stage import Stage, StageContext
from dateline.versions import EVENT_STAGE


def run(article, context: StageContext) -> None:
    from dateline.places.find import align_entity_countries, find_places

    article.places = find_places(context.segments, article.entities)
    align_entity_countries(article.entities, article.places)


# Places are versioned with the event layer: they run only with it.
STAGE = Stage(name="places", reads=("segments", "entities"), sets=("places", "entities.country"),
              version=("events", EVENT_STAGE), run=run)
