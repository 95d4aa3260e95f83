"""The shared parse: the spaCy model (:mod:`.nlp`) and an article's parsed parts (:mod:`.segments`).

Every language and event stage reads the same :class:`~dateline.parse.segments.Segment`
list: the title, each paragraph and each caption, parsed once per article with one
``nlp.pipe`` call per batch.
"""
