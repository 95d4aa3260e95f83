"""One batch of raw documents through the article layer and the stages: the unit of work.

:func:`process_batch` is a pure function of its arguments (raw documents, settings,
the ids the store held when the run began): the same batch gives the same outcomes in
the parent process, in a worker of a local process pool, or on a Dask worker. The
model, the event coder, the gazetteer and the cleaner's tables load once per process
(they are cached) and stay loaded for the next batch.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from dateline.article import build_article, load_cues
from dateline.records import Article, RawDocument, Rejected
from dateline.settings import Settings

Item = RawDocument | Rejected


class KnownIds:
    """The article ids a store held when a run began, compact enough to ship to workers.

    Ids are 16 hex digits, so each is kept as one unsigned 64-bit integer in a sorted
    array (8 bytes an article; a million stored articles cost 8 MB per worker).
    """

    def __init__(self, ids: Iterable[str] = ()) -> None:
        import numpy as np

        values = sorted({int(i, 16) for i in ids if _is_id(i)})
        self._ids = np.array(values, dtype=np.uint64)

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, str) or not _is_id(article_id) or not len(self._ids):
            return False
        import numpy as np

        value = np.uint64(int(article_id, 16))
        at = int(np.searchsorted(self._ids, value))
        return at < len(self._ids) and self._ids[at] == value

    def __len__(self) -> int:
        return len(self._ids)


def _is_id(text: str) -> bool:
    return len(text) == 16 and all(c in "0123456789abcdef" for c in text)


@lru_cache(maxsize=4)
def _cues(credits: tuple[str, ...], boilerplate: tuple[str, ...]):
    return load_cues(credits, boilerplate)


def process_batch(items: Sequence[Item], settings: Settings,
                  known: KnownIds | Callable[[str], bool] | None = None) -> list:
    """The article layer, then the language and event stages, over one batch.

    Returns one :class:`~dateline.pipeline.Outcome` per item, in order. Articles
    whose id is ``known`` (already stored) skip the language stage: the writer only
    adds a sighting for them.
    """
    from dateline.pipeline.run import Outcome, _annotated

    cues = _cues(tuple(settings.credits), tuple(settings.boilerplate))
    outcomes = [Outcome(None, item) if isinstance(item, Rejected)
                else Outcome(item, build_article(item, cues)) for item in items]
    if known is None:
        skip = None
    else:
        is_known = known if callable(known) else known.__contains__
        def skip(article: Article) -> bool:
            return is_known(article.id)
    return _annotated(outcomes, settings, skip)


def run_batch(items: Sequence[Item], settings: Settings,
              known: KnownIds | Callable[[str], bool] | None, number: int,
              target=None, trim: bool = True) -> list:
    """:func:`process_batch`; with a Parquet ``target``, also write the batch's rows
    there (as batch ``number`` of the run, so a retried batch overwrites its own files).

    ``trim`` hands the heap's free pages back afterwards (:func:`release_memory`); a
    run in one process leaves that to its writer, which trims once the batch is stored.
    """
    outcomes = process_batch(items, settings, known)
    if target is not None:
        target.write_batch(outcomes, number, known)
    if trim:
        release_memory()
    return outcomes


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``).

    A batch's parses are freed when it ends, but glibc keeps the freed pages, so a
    process's resident memory would stay at the high-water mark of its heaviest batch
    plus whatever fragments later batches leave; trimming after each batch keeps it
    near what the process really holds. Elsewhere than glibc this does nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    import ctypes

    try:
        # the symbols the interpreter is linked with: the C library among them
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except (OSError, TypeError):
        return None


#: A short English article that goes through every stage (so every table loads).
_WARM_UP = ("Talks resume in Geneva\n\nThe foreign minister of France met officials of the "
            "United Nations in Geneva on Monday to discuss the grain agreement, a spokesman "
            "for the ministry said.\n\nThe two sides will meet again next week in Paris.\n")


def warm_up(settings: Settings) -> None:
    """Load what every batch needs (tables, model, coder, gazetteer) once, now.

    The initializer of a local worker process: it also leaves Ctrl-C to the parent,
    which stops the run after the batch it is writing.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sample = RawDocument(source="warm-up", origin="warm-up", kind="text", content=_WARM_UP)
    process_batch([sample], settings)


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
