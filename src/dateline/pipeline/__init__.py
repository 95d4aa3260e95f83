"""The pipeline: inputs -> raw documents -> articles -> language and events -> store.

:mod:`.run` drives documents through the stages (:func:`process`, :func:`annotated`,
:func:`run_into_store`, :func:`reprocess`); :mod:`.stages` holds the order of the
language and event stages and which of them run (:func:`annotate`). A run into the
store goes batch by batch: :mod:`.work` is one batch's work, :mod:`.runners` runs the
batches in this process or in worker processes, :mod:`.cluster` on Dask, and
:mod:`.parquet` has the workers write Parquet tables instead of the store.
"""

from dateline.pipeline.run import (
    Outcome,
    Summary,
    annotated,
    articles_of,
    outcomes_of,
    process,
    reprocess,
    run_into_store,
    store_outcomes,
)
from dateline.pipeline.stages import LanguageOptions, annotate

__all__ = ["LanguageOptions", "Outcome", "Summary", "annotate", "annotated", "articles_of",
           "outcomes_of", "process", "reprocess", "run_into_store",
           "store_outcomes"]
