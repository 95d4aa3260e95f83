"""Pause points for crash tests: stop a run at a chosen step so a test can kill it there.

Set ``DATELINE_PAUSE_AT=STEP:N`` (``STEP`` one of ``read``, ``parse``, ``store``) and
``DATELINE_PAUSE_FILE=PATH``: the N-th time the process reaches that step, it writes
``PATH`` and sleeps, for the test to send SIGKILL. ``store`` pauses inside the
article's transaction (rows written, not committed). Unset, a check costs one
comparison; nothing else ever reads these variables.
"""

from __future__ import annotations

import os
import time
from collections import Counter

_SPEC = os.environ.get("DATELINE_PAUSE_AT", "")
_REACHED: Counter[str] = Counter()


def checkpoint(step: str) -> None:
    """Count an arrival at ``step``; pause for good on the one ``DATELINE_PAUSE_AT`` names."""
    if not _SPEC:
        return
    wanted, _, count = _SPEC.partition(":")
    if step != wanted:
        return
    _REACHED[step] += 1
    if _REACHED[step] == int(count or 1):
        path = os.environ.get("DATELINE_PAUSE_FILE")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(f"{step}:{_REACHED[step]}\n")
        while True:
            time.sleep(60)
