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
from typing import NamedTuple

from dateline.errors import ConfigError
from dateline.userfiles import read_user_file

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


def _compile(text: str, what: str) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for expression in _read_lines(text):
        try:
            patterns.append(re.compile(expression, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"{what} {expression!r} is not a valid regular expression: "
                              f"{exc}") from exc
    return tuple(patterns)


def _builtin(name: str) -> str:
    return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")


def _user_texts(names: tuple[str, ...], what: str) -> str:
    """The user's table files of one kind, joined (see :mod:`dateline.userfiles`)."""
    return "".join("\n" + read_user_file(name, f"{what} table")[1] for name in names)


@dataclass(frozen=True)
class Cues:
    """Compiled tables the dump cleaner applies (build with :func:`load_cues`)."""

    credits: tuple[str, ...]
    boilerplate: tuple[re.Pattern[str], ...]
    barriers: tuple[re.Pattern[str], ...]
    languages: frozenset[str]
    credit_forms: CreditForms = field(repr=False)
    digest: str = ""

    def is_boilerplate(self, line: str) -> bool:
        """Whether a whole line is navigation, sharing, sign-up, cookie or footer text."""
        return any(pattern.fullmatch(line) for pattern in self.boilerplate)

    def is_barrier(self, line: str) -> bool:
        """Whether a line opens what follows an article (comments, related stories)."""
        return any(pattern.fullmatch(line) for pattern in self.barriers)

    def is_language_name(self, line: str) -> bool:
        return line.casefold() in self.languages


@lru_cache(maxsize=8)
def load_cues(credits_files: tuple[str, ...] = (), boilerplate_files: tuple[str, ...] = ()
              ) -> Cues:
    """Built-in tables plus the user's files (see :mod:`dateline.settings`)."""
    credits_text = _builtin("credits.txt") + _user_texts(tuple(credits_files), "credits")
    boiler_text = _builtin("boilerplate.txt") + _user_texts(tuple(boilerplate_files),
                                                            "boilerplate")
    languages_text = _builtin("languages.txt")

    barrier_text = _builtin("barriers.txt")
    credits = tuple(dict.fromkeys(_read_lines(credits_text)))
    names = sorted(credits, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(name) for name in names) + ")"
    digest = hashlib.sha256(
        (credits_text + boiler_text + barrier_text + languages_text).encode()).hexdigest()[:8]
    return Cues(credits=credits, boilerplate=_compile(boiler_text, "boilerplate cue"),
                barriers=_compile(barrier_text, "section break"),
                languages=frozenset(n.casefold() for n in _read_lines(languages_text)),
                credit_forms=_credit_forms(unit), digest=digest)


class CreditForms(NamedTuple):
    """Regexes for a caption's credit, compiled once per credit table.

    ``trailing``: after the caption's last sentence ("... in Washington. AFP");
    ``parenthesised``: in parentheses ("... (AP Photo/Jane Doe)"); ``unpunctuated``:
    right after the caption's last word ("... celebrates his goal AP Photo/Jane Doe");
    ``whole``: a line that is only a credit.
    """

    trailing: re.Pattern[str]
    parenthesised: re.Pattern[str]
    unpunctuated: re.Pattern[str]
    whole: re.Pattern[str]


def _credit_forms(unit: str) -> CreditForms:
    """The credit regexes for ``unit``, an alternation of the table's credit names."""
    # A person's name before or after an agency: "Jane Doe/Reuters", "AP Photo/Jane Doe".
    person = r"[\w.'’-]+(?: [\w.'’-]+){0,4}"
    suffix = r"(?:\s?(?:-|–)?\s?(?:file|files|pool|handout|contributor|photo|via [\w ]{2,30}))?"
    agency_chain = rf"{unit}(?:\s?(?:/|\||,|&|and|via|for|-)\s?{unit})*{suffix}"
    labelled = (rf"(?:{_CREDIT_LEADS}\s?(?::|by|-|–|—)\s?[^\s].{{1,80}}"
                r"|(?:image|photo|picture|photograph)\s+(?:copyright|credit|courtesy)"
                r"(?:\s+of)?\s*:?\s*.{2,80}"
                r"|(?:photo illustration|submitted photo|file photo|handout photo|"
                r"contributed photo|staff photo)(?:\s*(?:by|:)\s*.{2,80})?)")
    credit = (
        rf"(?:{agency_chain}(?:\s?/\s?{person})?"
        rf"|{person}\s?[/|]\s?{agency_chain}"
        rf"|{labelled}"
        rf"|©\s?.{{2,80}})"
    )
    trailing = re.compile(
        rf"(?P<caption>.{{10,}}?[.!?…”\"’')\]])\s+(?P<credit>{credit})\s*\.?", re.IGNORECASE)
    parenthesised = re.compile(
        rf"(?P<caption>.{{10,}}?)\s*[(\[](?P<credit>{credit})[)\]]\s*\.?", re.IGNORECASE)
    # Without punctuation the credit must be unmistakable: case as listed for agencies.
    unpunctuated = re.compile(
        rf"(?P<caption>.{{10,}}?[\w\d])\s+(?P<credit>(?i:{labelled})|{agency_chain}"
        rf"(?:\s?/\s?{person})?|{person}\s?[/|]\s?{agency_chain})\s*\.?")
    whole = re.compile(rf"[(\[]?(?P<credit>{credit})[)\]]?\.?", re.IGNORECASE)
    return CreditForms(trailing, parenthesised, unpunctuated, whole)


# Words a caption cannot end on when a credit follows without punctuation: "... told
# Reuters", "... according to AP" are sentences that name an agency, not credits.
_CONNECTORS = frozenset("""a an the of to by for from with and or but in on at as via per
told said says tells according reported reports reporting quoted cited citing wrote
writes including than like about into onto over under against between among toward
towards through during after before since until while whereas whom who which that
is was were are be been being has have had do does did""".split())


def split_credit(text: str, cues: Cues) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a photo credit, else None.

    The caption must keep at least three words, so that a short line such as
    "Photo: AFP" is a bare credit, not a caption.
    """
    forms = cues.credit_forms
    for pattern in (forms.parenthesised, forms.trailing, forms.unpunctuated):
        match = pattern.fullmatch(text)
        if not match or len(match.group("caption").split()) < 3:
            continue
        caption = match.group("caption").strip()
        if pattern is forms.unpunctuated and caption.split()[-1].casefold() in _CONNECTORS:
            continue
        return caption, normalise_credit(match.group("credit"))
    return None


_CREDIT_LABEL = re.compile(r"^(?:credits?|photo credit|image credit)\s*(?::|\.{2,}|…|-|–|—)\s*",
                           re.IGNORECASE)


def normalise_credit(credit: str) -> str:
    """A credit without brackets and without a bare "Credit:" label.

    "Photo: Jane Doe" keeps its "Photo:" (it says what is credited), but "Credit...",
    "Credit:" are labels only.
    """
    credit = credit.strip().strip("()[]").strip()
    return _CREDIT_LABEL.sub("", credit).strip(" .")
