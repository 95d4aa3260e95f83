"""The article layer's editable tables: photo credits, boilerplate cues, language names.

The built-in tables live in ``dateline/data/article/``; users add entries from their
own files (same format) with ``--credits`` / ``--boilerplate``, the
``DATELINE_CREDITS`` / ``DATELINE_BOILERPLATE`` variables or the config file.
Nothing here is keyed to a site: every rule the cleaner applies comes from these
tables or from the shape of a line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dateline.errors import ConfigError

_DATA = "dateline.data.article"

# Words that introduce a credit with a photographer or a free-form source:
# "Photo: Jane Doe", "Photograph by J. Doe/Reuters", "Credit: City of Springfield".
_CREDIT_LEADS = (
    r"(?:photos?|photographs?|pictures?|pics?|images?|credits?|illustrations?|graphics?|"
    r"videos?|footage|courtesy(?: of)?|foto|fotos|bild|crédit(?:s)? photo)"
)


def _read_lines(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _builtin(name: str) -> str:
    return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")


def _user_files(names: tuple[str, ...], what: str) -> list[Path]:
    paths = []
    for name in names:
        path = Path(name).expanduser()
        if not path.is_file():
            raise ConfigError(f"{what} table {path}: no such file")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Cues:
    """Compiled tables the dump cleaner applies (build with :func:`load_cues`)."""

    credits: tuple[str, ...]
    boilerplate: tuple[re.Pattern[str], ...]
    languages: frozenset[str]
    credit_unit: str = field(repr=False)
    digest: str = ""

    def is_boilerplate(self, line: str) -> bool:
        """Whether a whole line is navigation, sharing, sign-up, cookie or footer text."""
        return any(pattern.fullmatch(line) for pattern in self.boilerplate)

    def is_language_name(self, line: str) -> bool:
        return line.casefold() in self.languages


@lru_cache(maxsize=8)
def load_cues(credits_files: tuple[str, ...] = (), boilerplate_files: tuple[str, ...] = ()
              ) -> Cues:
    """Built-in tables plus the user's files (see :mod:`dateline.settings`)."""
    credits_text = _builtin("credits.txt")
    for path in _user_files(tuple(credits_files), "credits"):
        credits_text += "\n" + path.read_text(encoding="utf-8")
    boiler_text = _builtin("boilerplate.txt")
    for path in _user_files(tuple(boilerplate_files), "boilerplate"):
        boiler_text += "\n" + path.read_text(encoding="utf-8")
    languages_text = _builtin("languages.txt")

    credits = tuple(dict.fromkeys(_read_lines(credits_text)))
    patterns = []
    for expression in _read_lines(boiler_text):
        try:
            patterns.append(re.compile(expression, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"boilerplate cue {expression!r} is not a valid "
                              f"regular expression: {exc}") from exc
    names = sorted(credits, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(name) for name in names) + ")"
    digest = hashlib.sha256(
        (credits_text + boiler_text + languages_text).encode()).hexdigest()[:8]
    return Cues(credits=credits, boilerplate=tuple(patterns),
                languages=frozenset(n.casefold() for n in _read_lines(languages_text)),
                credit_unit=unit, digest=digest)


@lru_cache(maxsize=8)
def credit_patterns(cues: Cues) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes for a caption's trailing credit.

    Returns ``(trailing, parenthesised, whole)``: a credit after the caption's last
    sentence ("... in Washington. AFP"), a credit in parentheses at the end
    ("... (AP Photo/Jane Doe)"), and a line that is nothing but a credit.
    """
    unit = cues.credit_unit
    # A person's name before or after an agency: "Jane Doe/Reuters", "AP Photo/Jane Doe".
    person = r"[\w.'’-]+(?: [\w.'’-]+){0,4}"
    agency_chain = rf"{unit}(?:\s?(?:/|\||,|&|and|via|for|-)\s?{unit})*"
    credit = (
        rf"(?:{agency_chain}(?:\s?/\s?{person})?"
        rf"|{person}\s?/\s?{agency_chain}"
        rf"|{_CREDIT_LEADS}\s?(?::|by|-|–|—)\s?[^\s].{{1,80}}"
        rf"|©\s?.{{2,80}})"
    )
    trailing = re.compile(
        rf"(?P<caption>.{{10,}}?[.!?…”\"’')\]])\s+(?P<credit>{credit})\s*\.?", re.IGNORECASE)
    parenthesised = re.compile(
        rf"(?P<caption>.{{10,}}?)\s*[(\[](?P<credit>{credit})[)\]]\s*\.?", re.IGNORECASE)
    whole = re.compile(rf"[(\[]?(?P<credit>{credit})[)\]]?\.?", re.IGNORECASE)
    return trailing, parenthesised, whole


def split_credit(text: str, cues: Cues) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a photo credit, else None.

    The caption must keep at least three words, so that a short line such as
    "Photo: AFP" is a bare credit, not a caption.
    """
    trailing, parenthesised, _ = credit_patterns(cues)
    for pattern in (parenthesised, trailing):
        match = pattern.fullmatch(text)
        if match and len(match.group("caption").split()) >= 3:
            return match.group("caption").strip(), match.group("credit").strip()
    return None
