"""The word tables of the quotations stage, read once from ``dateline/data/quotes``.

``reporting_verbs.tsv`` lists the verbs that attribute speech (lemma, kind, frames);
``agencies.txt`` the photo and wire agencies that are never a speaker;
``speaker_nouns.tsv`` the common nouns that stand for a speaker named elsewhere ("the
company", "the study"). All are plain text a user can extend; see
``data/quotes/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.errors import ModelError

#: Kinds of reporting verb used as cues. "thought" verbs (believe, think) are listed in
#: the table but attribute opinions, not statements, so they are off by default.
CUE_KINDS = frozenset({"speech", "writing", "report", "request"})

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """One row of the reporting-verb table."""

    lemma: str
    particle: str | None
    kind: str
    frames: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The tables the stage reads, keyed for lookup by lemma."""

    verbs: dict[str, tuple[ReportingVerb, ...]]
    agencies: frozenset[str]
    speaker_nouns: dict[str, str]


def _data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of ``data/quotes/<name>``."""
    try:
        text = (DATA / name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"quotes table {name!r} is missing from dateline/data/quotes; "
                         "reinstall dateline") from exc
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _parse_verb(line: str) -> ReportingVerb:
    fields = line.split("\t")
    if len(fields) != 3:
        raise ModelError(f"reporting_verbs.tsv: expected 'lemma<TAB>kind<TAB>frames', "
                         f"got {line!r}")
    words = fields[0].strip().lower().split()
    frames = frozenset(f.strip() for f in fields[2].split(",") if f.strip())
    return ReportingVerb(words[0], words[1] if len(words) > 1 else None,
                         fields[1].strip(), frames)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The reporting verbs (cue kinds only) and agency names, loaded once."""
    verbs: dict[str, list[ReportingVerb]] = {}
    for line in _data_lines("reporting_verbs.tsv"):
        verb = _parse_verb(line)
        if verb.kind in CUE_KINDS:
            verbs.setdefault(verb.lemma, []).append(verb)
    agencies = frozenset(normalise_name(line) for line in _data_lines("agencies.txt"))
    nouns = dict(_pair(line, "speaker_nouns.tsv") for line in _data_lines("speaker_nouns.tsv"))
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, agencies, nouns)


def _pair(line: str, name: str) -> tuple[str, str]:
    fields = line.split("\t")
    if len(fields) != 2:
        raise ModelError(f"{name}: expected two tab-separated fields, got {line!r}")
    return fields[0].strip().lower(), fields[1].strip()


def normalise_name(name: str) -> str:
    """Lower case, without a leading "the" and surrounding spaces, for comparisons."""
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name
