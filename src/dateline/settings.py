"""One settings object, resolved once: defaults < config file < ``DATELINE_*`` < options.

The config file is ``./dateline.toml`` if present, else
``~/.config/dateline/config.toml``; settings sit at its top level, e.g.::

    db = "news.db"
    model = "en_core_web_md"
    max_bytes = 10_000_000
    max_language_chars = 300_000
    credits = ["my-credits.txt"]
    actors = ["my-actors.txt"]      # event dictionaries in PETRARCH format
    workers = 4                     # processes `dateline run` uses (default: the cores)

Every setting can also be given as an environment variable ``DATELINE_<NAME>``
(lists separated by ``:``) and most as a command-line option.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError
from dateline.read import DEFAULT_MAX_BYTES
from dateline.store import DEFAULT_DB

#: Characters of text (paragraphs and captions) past which the language and event
#: stages are skipped: about a minute of them on a 2-core machine (docs/article.md).
DEFAULT_MAX_LANGUAGE_CHARS = 300_000


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told."""

    db: str = DEFAULT_DB
    max_bytes: int = DEFAULT_MAX_BYTES
    #: an article with a longer text keeps its record but skips the language stages
    max_language_chars: int = DEFAULT_MAX_LANGUAGE_CHARS
    model: str | None = None
    language: bool = True
    events: bool = True
    batch_size: int = 32
    #: processes ``dateline run`` processes batches in (1: in its own process)
    workers: int = field(default_factory=lambda: cpu_count())
    credits: tuple[str, ...] = field(default_factory=tuple)
    boilerplate: tuple[str, ...] = field(default_factory=tuple)
    actors: tuple[str, ...] = field(default_factory=tuple)
    agents: tuple[str, ...] = field(default_factory=tuple)
    verbs: tuple[str, ...] = field(default_factory=tuple)

    def with_options(self, **options: Any) -> Settings:
        """A copy with the command-line options that were given (None = not given)."""
        given = {k: v for k, v in options.items() if v is not None and v != ()}
        return _validated(replace(self, **{k: _coerce(k, v) for k, v in given.items()}))


_TYPES = {f.name: f.type for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _TYPES[name]
    try:
        if kind == "int":
            return int(value)
        if kind == "bool":
            if isinstance(value, str):
                if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise ValueError(value)
                return value.lower() in ("1", "true", "yes", "on")
            return bool(value)
        if kind.startswith("tuple"):
            if isinstance(value, str):
                return tuple(v for v in value.split(os.pathsep) if v)
            return tuple(str(v) for v in value)
        return None if value is None else str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: {value!r} is not a valid {kind}") from exc


def _validated(settings: Settings) -> Settings:
    if settings.max_bytes <= 0:
        raise ConfigError(f"setting 'max_bytes' must be positive, not {settings.max_bytes}")
    if settings.workers <= 0:
        raise ConfigError(f"setting 'workers' must be positive, not {settings.workers}")
    if settings.max_language_chars <= 0:
        raise ConfigError("setting 'max_language_chars' must be positive, "
                          f"not {settings.max_language_chars}")
    if settings.batch_size <= 0:
        raise ConfigError(f"setting 'batch_size' must be positive, not {settings.batch_size}")
    return settings


def cpu_count() -> int:
    """The cores this process may use (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def config_path() -> Path | None:
    for path in (Path("dateline.toml"), Path.home() / ".config" / "dateline" / "config.toml"):
        if path.is_file():
            return path
    return None


def load_settings(path: Path | None = None) -> Settings:
    """Defaults, then the config file, then ``DATELINE_*`` environment variables."""
    values: dict[str, Any] = {}
    path = path or config_path()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config file: {exc}") from exc
        for key, value in data.items():
            if key not in _TYPES:
                raise ConfigError(f"{path}: unknown setting {key!r} "
                                  f"(known: {', '.join(sorted(_TYPES))})")
            values[key] = _coerce(key, value)
    for name in _TYPES:
        env = os.environ.get(f"DATELINE_{name.upper()}")
        if env is not None and env != "":
            values[name] = _coerce(name, env)
    return _validated(Settings(**values))
