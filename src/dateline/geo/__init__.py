"""Places: an offline gazetteer and the resolution of an article's place names.

Modules, in the order a name flows through them:

``names``       how place names compare (one normal form)
``gazetteer``   the index: countries, divisions, features, GeoNames towns
``mentions``    which spans of an article name places
``resolve``     which place each name means, in context
``places``      ``Place`` records and the article's main place

Other stages call :func:`dateline.geo.places.find_places`,
:func:`dateline.geo.places.main_place`, :func:`dateline.geo.gazetteer.lookup` and
:func:`dateline.geo.gazetteer.is_place`.
"""
