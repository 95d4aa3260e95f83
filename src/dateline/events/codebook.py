"""The CAMEO codebook: labels, Goldstein values, quad classes and PLOVER types.

Tables (built by ``scripts/build_event_tables.py``, sources in the data README):

- ``cameo_codes.tsv``: code, label, Goldstein value, Phoenix quad;
- ``cameo2plover.tsv``: the CAMEO to PLOVER 2021 table (CC BY-SA 4.0).

A code that has no row of its own takes its parent's value: ``0251`` -> ``025`` ->
``02``. The PLOVER table starts at root 03, so root 02 (appeals) is mapped to REQUEST
here and root 01 (public statements) has no PLOVER type.
"""

from __future__ import annotations

from functools import lru_cache

from dateline.events.dictionaries import shipped_text

#: Roots without a row in the PLOVER table: appeals are requests, statements nothing.
PLOVER_EXTRA = {"02": "REQUEST"}

#: PLOVER 0.5 types of older records and their 2021 equivalents.
PLOVER_OLD_TYPES = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
}


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in shipped_text(name).splitlines()[1:] if line.strip()]


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, float | None]]:
    table = {}
    for code, label, value, _quad in _rows("cameo_codes.tsv"):
        table[code] = (label, float(value) if value else None)
    return table


@lru_cache(maxsize=1)
def _plover() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in _rows("cameo2plover.tsv"):
        if len(row) > 1 and row[1]:
            # root 08 has two headers (CONCEDE, then RETREAT): the first is the root's
            table.setdefault(row[0], row[1])
    return table


@lru_cache(maxsize=1)
def _modes() -> dict[str, tuple[str, tuple[str, ...]]]:
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in _rows("cameo2plover.tsv"):
        code, _type, mode, context = (row + ["", "", "", ""])[:4]
        contexts = tuple(c.strip() for c in context.split(";") if c.strip())
        table.setdefault(code.strip(), (mode.strip(), contexts))
    return table


def plover_mode_context(code: str) -> tuple[str | None, list[str]]:
    """PLOVER mode and contexts of a CAMEO code (its own row, else its parent's:
    ``0251`` -> ``025`` -> ``02``)."""
    table = _modes()
    for candidate in parents(code):
        if candidate in table:
            mode, contexts = table[candidate]
            return mode or None, list(contexts)
    return None, []


def parents(code: str) -> list[str]:
    """``code`` and its ancestors, most specific first: ``0251`` -> 0251, 025, 02."""
    out = [code]
    while len(code) > 2:
        code = code[:-1]
        out.append(code)
    return out


def root(code: str) -> str:
    """The two-digit root of a CAMEO code."""
    return code[:2]


def is_cameo(code: str | None) -> bool:
    """Whether ``code`` is a CAMEO event code (2-4 digits under roots 01-20)."""
    return bool(code) and code.isdigit() and 2 <= len(code) <= 4 and "01" <= code[:2] <= "20"


def label(code: str) -> str | None:
    """The codebook label of ``code`` (or of its nearest labelled parent)."""
    for candidate in parents(code):
        entry = _codes().get(candidate)
        if entry and entry[0]:
            return entry[0]
    return None


def goldstein(code: str) -> float | None:
    """Goldstein intensity (-10..10) of ``code``; a code without a value takes its parent's."""
    for candidate in parents(code):
        entry = _codes().get(candidate)
        if entry and entry[1] is not None:
            return entry[1]
    return None


def quad_class(code: str) -> int | None:
    """GDELT's quad class: 1 verbal and 2 material cooperation, 3 verbal, 4 material conflict.

    Roots 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4 (GDELT puts statements and
    appeals in quad 1, unlike Phoenix's 0).
    """
    if not is_cameo(code):
        return None
    number = int(code[:2])
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def plover(code: str) -> str | None:
    """The PLOVER 2021 event type of ``code`` (its own row, else its parent's)."""
    if not is_cameo(code):
        return None
    table = _plover()
    for candidate in parents(code):
        if candidate in table:
            return table[candidate]
    return PLOVER_EXTRA.get(code[:2])


def plover_type(name: str) -> str:
    """A PLOVER type name in its 2021 form (older DEMAND, FIGHT, ... mapped)."""
    name = name.strip().upper()
    return PLOVER_OLD_TYPES.get(name, name)
