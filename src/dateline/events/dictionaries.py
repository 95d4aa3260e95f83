"""Readers for the PETRARCH/TABARI dictionary formats, and the compact tables dateline ships.

The CAMEO coding dictionaries (``CAMEO.2.0.txt``, ``Phoenix.*.actors.txt``,
``Phoenix.agents.txt``, ``Phoenix.discards.txt``) are plain text in formats inherited
from TABARI. This module reads them into small records:

- actors: a phrase and its CAMEO code(s), some valid only between two dates
  (``[USAGOV >090120]``); see :class:`ActorEntry`;
- agents: a role noun and its agent code, placed after the country code (``[~GOV]``)
  or before it (``[NGO~]``); see :class:`AgentEntry`;
- verbs: verb synonym blocks with their patterns; see :mod:`dateline.events.patterns`
  for the pattern records and their matching;
- discards: phrases that mark a sentence (or, with ``+``, a story) as not codable.

Phrases become tuples of lower-case words split the way spaCy's English tokenizer splits
them (``BARAD-DUR`` -> ``barad - dur``, ``PEOPLE'S`` -> ``people 's``), so they can be
compared token by token with a parse.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.errors import ModelError

#: The package that holds the shipped tables (``src/dateline/data/events``).
DATA = "dateline.data.events"

#: A word of a phrase: dotted abbreviations stay whole ("u.s."), hyphens and "'s" split.
_WORD = re.compile(r"'s\b|\w+(?:\.\w+)*\.?|[^\w\s]", re.IGNORECASE)
_XML_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\d{6,8})\s*-\s*(\d{6,8})$")
_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def phrase_words(text: str) -> tuple[str, ...]:
    """Lower-case words of a dictionary phrase (``_`` and blanks separate words)."""
    return tuple(w.lower() for w in _WORD.findall(text.replace("_", " ")))


def open_text(path: Path) -> str:
    """The text of ``path`` (gzip when it ends in ``.gz``); errors name the file."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
                return handle.read()
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ModelError(f"{path}: cannot read dictionary ({exc.strerror})") from exc


def shipped_text(name: str) -> str:
    """The text of the shipped table ``name`` (gunzipped when it ends in ``.gz``)."""
    data = resources.files(DATA).joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def content_lines(text: str) -> Iterator[str]:
    """Lines of a dictionary with XML-style and ``#``/``;`` comments removed.

    Leading whitespace is kept (actor date restrictions are indented); blank lines are
    dropped.
    """
    text = _XML_COMMENT.sub("", text)
    for raw in text.splitlines():
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if line.strip():
            yield line


# ---------------------------------------------------------------- dates

def normalise_date(text: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` as ``YYYYMMDD``.

    Two-digit years follow the TABARI convention of a pivot: 00-30 are 2000-2030, the
    rest 1931-1999 (the dictionaries' earliest six-digit dates are 1930s births).
    """
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        century = "20" if year <= 30 else "19"
        return century + text
    if len(text) == 7:  # a typo in one Phoenix entry ("2004017"): read as YYYYMDD
        return text[:4] + "0" + text[4:]
    return text


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive, ``YYYYMMDD``; None is open)."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: str) -> bool:
        """Whether ``date`` (``YYYYMMDD``) lies within this code's range."""
        return (self.start is None or date >= self.start) and (
            self.end is None or date <= self.end
        )


def parse_code(text: str) -> DatedCode | None:
    """``USAGOV 010120-090120``, ``HOB <950601``, ``HOBREB > 990816`` or ``GON``."""
    text = text.strip()
    if not text:
        return None
    code, _, restriction = text.partition(" ")
    restriction = restriction.replace(" ", "")
    if not restriction:
        return DatedCode(code)
    if restriction.startswith("<"):
        return DatedCode(code, end=normalise_date(restriction[1:]))
    if restriction.startswith(">"):
        return DatedCode(code, start=normalise_date(restriction[1:]))
    match = _DATE_RANGE.match(restriction)
    if match:
        return DatedCode(code, normalise_date(match[1]), normalise_date(match[2]))
    return DatedCode(code)


# ---------------------------------------------------------------- actors

@dataclass(slots=True)
class ActorEntry:
    """An actor phrase and its codes; the first dated code covering a date wins."""

    phrase: tuple[str, ...]
    codes: list[DatedCode] = field(default_factory=list)

    def code_on(self, date: str | None) -> str | None:
        """The code valid on ``date`` (``YYYYMMDD``); the undated default otherwise.

        Without a date, the default is used, else the code whose range ends last
        (the entry's most recent role).
        """
        if date:
            for code in self.codes:
                if code.dated and code.covers(date):
                    return code.code
        defaults = [c for c in self.codes if not c.dated]
        if defaults:
            return defaults[-1].code
        if not date and self.codes:
            return max(self.codes, key=lambda c: c.end or "99999999").code
        return None


def read_actors(text: str) -> list[ActorEntry]:
    """Actor entries of a PETRARCH/TABARI actor dictionary.

    A record is a primary phrase with optional ``[code]`` blocks, ``+synonym`` lines and
    indented ``[code date-restriction]`` lines; every phrase of the record shares its
    codes.
    """
    entries: list[ActorEntry] = []
    record: list[ActorEntry] = []
    codes: list[DatedCode] = []

    def close() -> None:
        for entry in record:
            entry.codes = list(codes)
        entries.extend(e for e in record if e.phrase)

    for line in content_lines(text):
        stripped = line.strip()
        blocks = [parse_code(b) for b in _CODE_BLOCK.findall(stripped)]
        phrase_text = _CODE_BLOCK.sub(" ", stripped).strip()
        if stripped.startswith("+"):
            record.append(ActorEntry(phrase_words(phrase_text[1:])))
        elif stripped.startswith("[") or not phrase_text:
            pass  # a line of date restrictions for the current record
        elif record and not codes and not blocks:
            # a synonym written without its "+" (a few Phoenix records): the record
            # has no code yet, so this line cannot start a record of its own
            record.append(ActorEntry(phrase_words(phrase_text)))
        else:
            close()
            record, codes = [ActorEntry(phrase_words(phrase_text))], []
        codes.extend(b for b in blocks if b)
    close()
    return entries


# ---------------------------------------------------------------- agents

@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun and its agent code; ``before`` puts the code before the country."""

    phrase: tuple[str, ...]
    code: str
    before: bool = False


def plural(word: str) -> str:
    """The regular English plural the dictionaries assume (S, IES, ES)."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def read_agents(text: str) -> list[AgentEntry]:
    """Agent entries of a PETRARCH agent dictionary, plurals and substitutions expanded.

    ``PHRASE {PLURAL} [~CODE]``: without braces a regular plural is generated; ``{}``
    means none. ``!PERSON!`` markers are replaced by every item of their set.
    """
    substitutions: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in content_lines(text):
        stripped = line.strip()
        sub = _SUBSTITUTION.match(stripped)
        if sub:
            substitutions[sub[1]] = [s.strip() for s in sub[2].split(",") if s.strip()]
            continue
        code_match = _CODE_BLOCK.search(stripped)
        if not code_match or "~" not in code_match[1]:
            continue
        raw_code = code_match[1].replace(" ", "")
        before = raw_code.endswith("~")
        code = raw_code.strip("~")
        head = stripped[: code_match.start()]
        plural_text = None
        braces = re.search(r"\{([^}]*)\}", head)
        if braces:
            plural_text = braces[1].strip()
            head = head[: braces.start()]
        for phrase in _expand_substitutions(head.strip(), substitutions):
            words = phrase_words(phrase)
            if not words:
                continue
            entries.append(AgentEntry(words, code, before))
            if plural_text is None and "!" not in head:
                entries.append(AgentEntry(words[:-1] + (plural(words[-1]),), code, before))
        if plural_text:
            entries.append(AgentEntry(phrase_words(plural_text), code, before))
    return entries


def _expand_substitutions(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", phrase)
    if not match or match[1] not in substitutions:
        return [phrase.replace("!", "")]
    out: list[str] = []
    for item in substitutions[match[1]]:
        out.extend(_expand_substitutions(
            phrase[: match.start()] + item + phrase[match.end():], substitutions
        ))
    return out


# ---------------------------------------------------------------- discards

@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase that marks a sentence (or, when ``story``, its whole article) uncodable."""

    phrase: tuple[str, ...]
    story: bool = False


def read_discards(text: str) -> list[Discard]:
    """Discard phrases; a leading ``+`` marks a story-level discard."""
    out = []
    for line in content_lines(text):
        stripped = line.strip()
        story = stripped.startswith("+")
        words = phrase_words(stripped.lstrip("+"))
        if words:
            out.append(Discard(words, story))
    return out


# ---------------------------------------------------------------- shipped TSV tables

def write_actor_table(entries: Iterable[ActorEntry]) -> str:
    """Actor entries as TSV: ``phrase<TAB>CODE[ start-end]|CODE...`` (dates YYYYMMDD)."""
    lines = []
    for entry in entries:
        codes = "|".join(_code_text(c) for c in entry.codes)
        lines.append(f"{' '.join(entry.phrase)}\t{codes}")
    return "\n".join(lines) + "\n"


def _code_text(code: DatedCode) -> str:
    if not code.dated:
        return code.code
    return f"{code.code} {code.start or ''}-{code.end or ''}"


def read_actor_table(text: str) -> list[ActorEntry]:
    """Actor entries from the TSV written by :func:`write_actor_table`."""
    entries = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, _, codes = line.partition("\t")
        parsed = []
        for item in codes.split("|"):
            code, _, span = item.partition(" ")
            if not code:
                continue
            start, _, end = span.partition("-")
            parsed.append(DatedCode(code, start or None, end or None))
        entries.append(ActorEntry(tuple(phrase.split(" ")), parsed))
    return entries


def write_agent_table(entries: Iterable[AgentEntry]) -> str:
    """Agent entries as TSV: ``phrase<TAB>~CODE`` or ``phrase<TAB>CODE~``."""
    lines = []
    for entry in entries:
        code = f"{entry.code}~" if entry.before else f"~{entry.code}"
        lines.append(f"{' '.join(entry.phrase)}\t{code}")
    return "\n".join(lines) + "\n"


def read_agent_table(text: str) -> list[AgentEntry]:
    """Agent entries from the TSV written by :func:`write_agent_table`."""
    entries = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, _, code = line.partition("\t")
        entries.append(AgentEntry(tuple(phrase.split(" ")), code.strip("~"),
                                  code.endswith("~")))
    return entries
