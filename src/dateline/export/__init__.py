"""Exports of a dateline store: GDELT 2.0 Events/Mentions, GKG 2.1, PLOVER, tables.

Use :func:`export` (what ``dateline export`` calls), or the per-format functions:

=================  ==================================================================
format             what
=================  ==================================================================
``gdelt-events``   GDELT 2.0 Event rows, 61 tab-separated columns (:mod:`.gdelt`)
``gdelt-mentions`` GDELT 2.0 Mentions rows, 16 columns (:mod:`.gdelt`)
``gkg``            GDELT GKG 2.1 rows, 27 columns, one per article (:mod:`.gkg`)
``plover``         PLOVER JSON records, one per line (:mod:`.plover`)
``jsonl``          article records, one per line (:mod:`.tables`)
``csv``            one CSV file per table into a folder (:mod:`.tables`)
``parquet``        one Parquet file per table into a folder (:mod:`.tables`)
=================  ==================================================================

Events and mentions of events that did not occur as stated (negated, hypothetical,
future, reported) are exported only with ``all_modes``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dateline.errors import ConfigError, StoreError

if TYPE_CHECKING:  # the CLI reads FORMATS at start-up: keep this import light
    from dateline.store import Store

__all__ = ["FOLDER_FORMATS", "FORMATS", "TEXT_FORMATS", "export", "lines"]

#: Formats written as lines of text (to a file or standard output).
TEXT_FORMATS = ("gdelt-events", "gdelt-mentions", "gkg", "plover", "jsonl")
#: Formats written as one file per table into a folder.
FOLDER_FORMATS = ("csv", "parquet")
FORMATS = TEXT_FORMATS + FOLDER_FORMATS


def lines(store: Store, fmt: str, all_modes: bool = False) -> Iterator[str]:
    """The lines (without newline) of text format ``fmt``."""
    if fmt == "gdelt-events":
        from dateline.export.gdelt import event_lines

        return event_lines(store, all_modes)
    if fmt == "gdelt-mentions":
        from dateline.export.gdelt import mention_lines

        return mention_lines(store, all_modes)
    if fmt == "gkg":
        from dateline.export.gkg import gkg_lines

        return gkg_lines(store)
    if fmt == "plover":
        from dateline.export.plover import plover_records

        return (json.dumps(r, ensure_ascii=False) for r in plover_records(store, all_modes))
    if fmt == "jsonl":
        from dateline.export.tables import jsonl_lines

        return jsonl_lines(store)
    raise ConfigError(f"format {fmt!r} is not a text format: use one of {', '.join(FORMATS)}")


def export(store: Store, fmt: str, out: str | Path | None = None, *, all_modes: bool = False,
           stream: TextIO | None = None) -> int:
    """Write the store in format ``fmt``; returns the number of records (rows) written.

    Text formats go to the file ``out``, else to ``stream`` (default standard output);
    ``csv`` and ``parquet`` need ``out``, a folder that receives one file per table.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in FOLDER_FORMATS:
        if out is None:
            raise ConfigError(f"--format {fmt} writes one file per table: give --out FOLDER")
        from dateline.export.tables import write_csv, write_parquet

        written = (write_csv if fmt == "csv" else write_parquet)(store, out)
        return sum(written.values())
    if out is None:
        return _write(lines(store, fmt, all_modes), stream or sys.stdout)
    path = Path(out)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; --format {fmt} writes one file")
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        return _write(lines(store, fmt, all_modes), handle)


def _write(rows: Iterator[str], stream: TextIO) -> int:
    count = 0
    for row in rows:
        stream.write(row + "\n")
        count += 1
    return count
