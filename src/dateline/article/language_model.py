"""py3langid's language identifier, its model read from the cache folder.

py3langid ships its model as an LZMA-compressed NumPy archive; decompressing it takes
about 0.5 s of CPU, a third of a cold ``dateline extract`` beyond the spaCy model. The
archive is decompressed once into :func:`~dateline.cachefiles.cache_dir`
(``langid-DIGEST.npz``, about 70 MB; the digest covers py3langid's version and its
model file) and read from there by later processes in a fraction of that. The archive
checks itself: each array carries a CRC-32 that is verified as it is read, and a file
cut short has no directory, so a damaged file is decompressed again, not trusted.

The identifier is the one py3langid builds (same arrays, same constructor); a py3langid
whose model layout this module does not know is left to load its model itself.
"""

from __future__ import annotations

import io
import lzma
import zipfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from dateline.cachefiles import cache_dir, digest, publish
from dateline.resident import resident

#: Errors of reading a damaged or foreign archive: it is rebuilt.
_BAD_ARCHIVE = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)


@lru_cache(maxsize=1)
def identifier() -> Any:
    """The language identifier of :func:`py3langid.classify` (built once per process)."""
    with resident():
        try:
            return _cached_identifier()
        except ImportError:  # another py3langid layout: its own loader
            import py3langid

            return py3langid  # its module-level classify loads the model itself


def _cached_identifier() -> Any:
    path, compressed = _model_files()
    try:
        return _identifier(path)
    except _BAD_ARCHIVE:
        pass  # missing, stale or damaged: decompress again
    archive = lzma.decompress(compressed)
    try:
        publish(path, lambda partial: partial.write_bytes(archive))
    except OSError:  # a read-only cache folder: this process reads it from memory
        return _identifier(io.BytesIO(archive))
    return _identifier(path)


def ensure(rebuild: bool = False) -> Path:
    """The decompressed model's file, written first when missing, damaged or ``rebuild``.

    Raises ``OSError`` when the cache folder cannot be written, ``ImportError`` with a
    py3langid whose model layout this module does not know.
    """
    path, compressed = _model_files()
    if not rebuild:
        try:
            _identifier(path)
            return path
        except _BAD_ARCHIVE:
            pass
    archive = lzma.decompress(compressed)
    publish(path, lambda partial: partial.write_bytes(archive))
    return path


def _model_files() -> tuple[Path, bytes]:
    """The cache file's path and the bytes of py3langid's compressed model."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    compressed = (Path(MODEL_DIR) / MODEL_FILE).read_bytes()
    name = f"langid-{digest([metadata.version('py3langid'), compressed])}.npz"
    return cache_dir() / name, compressed


def _identifier(archive) -> Any:
    """The identifier from the decompressed archive, as py3langid's loader builds it."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(archive, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]))


def classify(text: str) -> tuple[str, float]:
    """``(language, score)`` of ``text``, as :func:`py3langid.classify` gives them."""
    return identifier().classify(text)
