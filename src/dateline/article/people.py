"""Contributor lines and bylines of flattened pages.

"The Associated Press contributed to this report" names a contributor; "By Jane Doe
and John Roe" names authors. Contributor patterns are data
(``dateline/data/article/contributors.txt``); bylines have one fixed shape.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_BYLINE = re.compile(r"^(?:by|words by|written by|text by|von|par|por)\s+(?P<who>.+)$",
                     re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|de|da|van|von|der|al|el|bin"
                   r"|ibn|la|le|di|du|dos|del))*$")


@lru_cache(maxsize=1)
def _contributor_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("dateline.data.article").joinpath("contributors.txt").read_text(
        encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return tuple(re.compile(line, re.IGNORECASE) for line in lines
                 if line and not line.startswith("#"))


def match_contributors(line: str) -> list[str]:
    """The contributors a contributor line names ([] when it is not one)."""
    if len(line) > 200:
        return []
    for pattern in _contributor_patterns():
        match = pattern.fullmatch(line.strip())
        if match:
            names = [n.strip(" .") for n in _SPLIT_NAMES.split(match.group("who"))]
            return [n for n in names if n and len(n.split()) <= 6]
    return []


def match_byline(line: str) -> list[str]:
    """The authors of a byline ("By Jane Doe and John Roe, Reuters") or []."""
    if len(line) > 120:
        return []
    match = _BYLINE.match(line.strip())
    if not match:
        return []
    who = re.split(r"\s+[|•·]\s+|\s+(?:-|–|—)\s+|\bupdated\b|\bpublished\b", match.group("who"),
                   flags=re.IGNORECASE)[0]
    names = [n.strip(" .") for n in _SPLIT_NAMES.split(who)]
    names = [n for n in names if n and not re.search(r"\d", n)]
    if not names or not all(_NAME.match(n) and len(n.split()) <= 5 for n in names):
        return []
    return names
