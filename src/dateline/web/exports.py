"""``GET /api/export/{format}``: the store in an export format, streamed.

Text formats stream line by line from a connection of their own (the stream outlives
the request handler's thread); ``csv`` and ``parquet`` write one file per table into a
temporary folder, sent as one zip archive and removed afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from dateline.store import Store

#: Media type and file suffix of each text format.
TEXT_TYPES = {
    "gdelt-events": ("text/tab-separated-values; charset=utf-8", "export.CSV"),
    "gdelt-mentions": ("text/tab-separated-values; charset=utf-8", "mentions.CSV"),
    "gkg": ("text/tab-separated-values; charset=utf-8", "gkg.csv"),
    "plover": ("application/x-ndjson; charset=utf-8", "plover.jsonl"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "articles.jsonl"),
}
#: Lines sent per chunk of the stream.
BATCH = 200


def export_response(db: Path, fmt: str, all_modes: bool) -> Response:
    if fmt in TEXT_TYPES:
        media, name = TEXT_TYPES[fmt]
        return StreamingResponse(_stream(db, fmt, all_modes), media_type=media,
                                 headers=_attachment(f"dateline-{name}"))
    return _zipped(db, fmt)


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _stream(db: Path, fmt: str, all_modes: bool) -> Iterator[bytes]:
    from dateline.export import lines

    store = Store.reader(db)
    try:
        batch: list[str] = []
        for line in lines(store, fmt, all_modes):
            batch.append(line)
            if len(batch) >= BATCH:
                yield ("\n".join(batch) + "\n").encode("utf-8")
                batch = []
        if batch:
            yield ("\n".join(batch) + "\n").encode("utf-8")
    finally:
        store.close()


def _zipped(db: Path, fmt: str) -> Response:
    from dateline.export.tables import write_csv, write_parquet

    folder = Path(tempfile.mkdtemp(prefix="dateline-export-"))
    store = Store.reader(db)
    try:
        (write_csv if fmt == "csv" else write_parquet)(store, folder / fmt)
    finally:
        store.close()
    archive = folder / f"dateline-{fmt}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted((folder / fmt).iterdir()):
            bundle.write(path, path.name)
    return FileResponse(archive, media_type="application/zip", filename=archive.name,
                        background=BackgroundTask(shutil.rmtree, folder, True))
