"""Tables a process builds once and keeps: building them without the cyclic collector.

The event dictionaries, the language identifier and the spaCy model are hundreds of
thousands of objects that live as long as the process. While they are built, Python's
cyclic garbage collector runs again and again (it counts allocations) and each full
pass walks every object alive, so a cold start spent a second or more of CPU walking
objects that are never garbage. :func:`resident` pauses the collector while such a
table is built, then moves everything alive into the collector's permanent generation
(:func:`gc.freeze`), which later passes skip. Memory is still freed by reference
counting as always; what freezing gives up is collecting reference *cycles* among the
objects alive at that moment, which in a dateline process are modules, settings and
the tables themselves.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def resident() -> Iterator[None]:
    """Build a long-lived table inside this block: no collector passes, then frozen.

    The collector is switched back on afterwards only if it was on before (nested
    blocks and callers that turned it off themselves keep their choice), also when the
    block raises; a block that raises freezes nothing (what it left is garbage).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
