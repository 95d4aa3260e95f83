"""How place names are compared: one normal form for gazetteer keys and text.

"St. Petersburg", "Saint Petersburg" and "ST PETERSBURG" share the key
``saint petersburg``; accents, case, periods and apostrophes do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Abbreviated words written out, so both spellings share a key.
_WORDS = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "mtn": "mountain",
    "ft": "fort",
    "pt": "point",
    "is": "island",
    "co": "county",
    "twp": "township",
}

_DROP = re.compile(r"[.'\u2019`]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The comparison key of a place name (lower case, ASCII, words spelled out).

    A leading "the" is dropped ("the Netherlands"), "&" reads "and". Abbreviations
    are expanded only when they are not the whole name, so "IS" stays "is".
    """
    if not name.isascii():  # "Juárez" -> "Juarez"; letters of other scripts vanish
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _DROP.sub("", name.lower().replace("&", " and "))
    words = _NON_WORD.sub(" ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1:
        words = [_WORDS.get(w, w) for w in words]
    return " ".join(words)


def is_latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters (accents allowed)."""
    if name.isascii():
        return True
    return not any(
        char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")
        for char in name
        if not char.isascii()
    )
