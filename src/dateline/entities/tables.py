"""The data tables of the entities stage, read once per process.

All tables live in ``dateline/data/entities/`` as small tab-separated files that a
user can edit (their README.md says where each comes from):

- ``sectors_phoenix.tsv``: role and organisation nouns -> CAMEO sector, derived from
  the Phoenix agents dictionary; ``roles.tsv`` adds to and overrides it and marks
  national offices;
- ``institutions.tsv``: national institutions and international bodies -> country and
  sector ("State Department" -> USA, GOV);
- ``honorifics.tsv``: words before a name that are not part of it ("Mr", "Sen.");
- ``sector_labels.tsv``: CAMEO sector code -> label in words.

Photo agencies are the article stage's credit table (``data/article/credits.txt``),
read through its loader :func:`dateline.article.cues.load_cues`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ENTITY_DATA = Path(__file__).resolve().parents[1] / "data" / "entities"


@dataclass(frozen=True, slots=True)
class Role:
    """What a role phrase says: its CAMEO sector (or None), whether it is a national
    office, and whether it can head any organisation ("president", "director")."""

    sector: str | None
    national: bool
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Institution:
    """A named institution: the country it belongs to (None if international)."""

    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Tables:
    """Every table the stage uses, with lookups precomputed."""

    roles: dict[str, Role]
    role_words: frozenset[str]
    titles: frozenset[str]
    longest_role: int
    institutions: dict[str, Institution]
    institution_names: tuple[str, ...]
    longest_institution: int
    honorifics: dict[str, str | None]
    credits: frozenset[str]
    labels: dict[str, str]


def rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of ``path`` (``#`` comments and blank lines skipped)."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([cell.strip() for cell in line.split("\t")])
    return out


def _roles(hand_kept: list[list[str]]) -> dict[str, Role]:
    """Phoenix phrases, then the ``hand_kept`` rows of roles.tsv over them."""
    roles = {
        row[0]: Role(row[1], False)
        for row in rows(ENTITY_DATA / "sectors_phoenix.tsv") if len(row) >= 2
    }
    for row in hand_kept:
        if len(row) >= 2:
            sector = None if row[1] in ("", "-") else row[1]
            scope = set(row[2].split(",")) if len(row) > 2 else set()
            roles[row[0].lower()] = Role(sector, "national" in scope, "generic" in scope)
    return roles


def _institutions(table_rows: list[list[str]]) -> dict[str, Institution]:
    """Institution name -> Institution: acronyms ("ICE", "WHO") as written, so that
    the words "ice" and "who" are never institutions; other names lower-cased."""
    table = {}
    for row in table_rows:
        if len(row) >= 3:
            country = None if row[1] in ("", "-") else row[1]
            table[_institution_key(row[0])] = Institution(
                country, None if row[2] == "-" else row[2])
    return table


def _institution_key(name: str) -> str:
    """How an institution name is looked up: acronyms as written, others lower-cased."""
    letters = name.replace(".", "")
    return name if letters.isupper() and " " not in name else name.lower()


def _credits() -> frozenset[str]:
    """Lower-cased photo agency names of the article stage's credit table."""
    # Imported here: the article package loads its extractors, which the entities
    # stage alone (benches, tests) does not otherwise need.
    from dateline.article.cues import load_cues

    return frozenset(name.lower() for name in load_cues().credits)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """All tables, loaded on first use (each file read once)."""
    role_rows = rows(ENTITY_DATA / "roles.tsv")
    institution_rows = rows(ENTITY_DATA / "institutions.tsv")
    roles = _roles(role_rows)
    institutions = _institutions(institution_rows)
    honorifics = {
        row[0]: (None if len(row) < 2 or row[1] == "-" else row[1])
        for row in rows(ENTITY_DATA / "honorifics.tsv")
    }
    labels = {row[0]: row[1] for row in rows(ENTITY_DATA / "sector_labels.tsv") if len(row) > 1}
    return Tables(
        roles=roles,
        role_words=frozenset(word for phrase in roles for word in phrase.split()),
        titles=frozenset(row[0].lower() for row in role_rows if " " not in row[0]),
        longest_role=max((len(p.split()) for p in roles), default=1),
        institutions=institutions,
        institution_names=tuple(row[0] for row in institution_rows if row[0]),
        longest_institution=max((len(n.split()) for n in institutions), default=1),
        honorifics=honorifics,
        credits=_credits(),
        labels=labels,
    )


def singular(word: str) -> str:
    """A regular singular of an English plural noun ("ministers" -> "minister")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def role_of(words: list[str]) -> Role | None:
    """The Role of a lower-cased word sequence, trying its singular too."""
    table = tables().roles
    phrase = " ".join(words)
    found = table.get(phrase)
    if found is None and words:
        found = table.get(" ".join([*words[:-1], singular(words[-1])]))
    return found


def head_role(words: list[str]) -> tuple[int, Role] | None:
    """The longest role phrase that ends at the last word: (its start index, Role)."""
    longest = tables().longest_role
    for start in range(max(0, len(words) - longest), len(words)):
        found = role_of(words[start:])
        if found is not None:
            return start, found
    return None


def institution(name: str) -> Institution | None:
    """The Institution called exactly ``name`` (case matters for acronyms only)."""
    return tables().institutions.get(_institution_key(name))


def find_institution(words: list[str]) -> Institution | None:
    """The first (longest) institution named by a sub-sequence of ``words`` (as written)."""
    longest = tables().longest_institution
    for start in range(len(words)):
        for end in range(min(len(words), start + longest), start, -1):
            found = institution(" ".join(words[start:end]))
            if found is not None:
                return found
    return None


def sector_label(code: str | None) -> str | None:
    """The label in words of a CAMEO sector code."""
    return tables().labels.get(code) if code else None


def org_sector(words: list[str]) -> str | None:
    """Sector of an organisation from its lower-cased name's head noun ("supreme
    court" -> JUD; "ministry of defence" -> GOV, the head standing before "of")."""
    head = words[: words.index("of")] if "of" in words else words
    for candidate in (head, words):
        found = head_role(candidate)
        if found is not None and found[1].sector:
            return found[1].sector
    return None
