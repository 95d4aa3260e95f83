"""Is a line of a dump the article's prose, a headline, or neither?

The measures follow jusText's insight (Pomikálek, 2011): article paragraphs are
longer than navigation and link text, end like sentences, and are dense in the
language's function words (stopwords). jusText's stopword lists (a dependency of
trafilatura) cover 100 languages; for a language without one, length and sentence
shape decide alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.article.language_model import classify

# Scripts written without spaces between words: count their characters instead.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f"
                       r"\uf900-\ufaff\uff66-\uff9f]")
_SENTENCE_END = re.compile(r"[.!?…。！？:;]['\"’”»)\]]*$|['\"’”»]$")
_WORD = re.compile(r"\w+", re.UNICODE)

# ISO 639-1 -> jusText stoplist name, for the languages of most news.
_STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "cs": "Czech", "sv": "Swedish", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
    "da": "Danish", "fi": "Finnish", "tr": "Turkish", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "id": "Indonesian", "ms": "Malay", "ca": "Catalan", "hr": "Croatian",
    "sk": "Slovak", "sl": "Slovenian", "bg": "Bulgarian", "sr": "Serbian", "lt": "Lithuanian",
    "lv": "Latvian", "et": "Estonian", "ar": "Arabic", "fa": "Persian", "he": "Hebrew",
    "hi": "Hindi", "ur": "Urdu", "sw": "Swahili", "tl": "Tagalog", "vi": "Vietnamese",
}

# Thresholds, tuned on the `dumps` bench (see docs/article.md):
# a line of >= 10 words that ends like a sentence and is >= 20% stopwords is prose;
# shorter sentences (>= 4 words) count for less, and anything else costs a penalty
# (about the length of one short sentence: 100 characters), so that menus and link
# lists split prose regions apart while a subheading or two inside an article do not.
_MIN_PROSE_WORDS = 10
_MIN_SENTENCE_WORDS = 4
_MIN_STOPWORD_DENSITY = 0.2
_PENALTY = 100.0


@dataclass(frozen=True)
class Prose:
    """Scores lines for one language (its stopwords, if known)."""

    stopwords: frozenset[str]

    def density(self, text: str) -> float:
        words = _WORD.findall(text.casefold())
        if not words or not self.stopwords:
            return 1.0
        return sum(word in self.stopwords for word in words) / len(words)

    def score(self, text: str) -> float:
        """Positive for prose (its length), negative for everything else."""
        words = word_count(text)
        sentence = bool(_SENTENCE_END.search(text))
        dense = self.density(text) >= _MIN_STOPWORD_DENSITY
        if words >= _MIN_PROSE_WORDS and sentence and dense:
            return float(len(text))
        if words >= 3 * _MIN_PROSE_WORDS and dense:
            return float(len(text))  # a long paragraph whose last sentence lost its stop
        if words >= _MIN_SENTENCE_WORDS and sentence and dense:
            return len(text) / 2
        return -max(_PENALTY, len(text) / 2)

    def keep_in_body(self, text: str) -> bool:
        """Inside the body's span, keep all but one-word lines.

        Subheadings and list items inside an article are the article's; what is
        navigation was already taken out by the boilerplate cues.
        """
        return word_count(text) >= 2 or self.score(text) > 0

    def is_headline(self, text: str) -> bool:
        """A line shaped like a headline: 3-30 words, not ending in a full stop."""
        words = len(text.split())
        return 3 <= words <= 30 and not text.rstrip().endswith((".", ":", ";", ",")) \
            and len(text) <= 250


def word_count(text: str) -> int:
    """Words of a line; in Chinese, Japanese, Korean or Thai, about two characters each."""
    unspaced = len(_UNSPACED.findall(text))
    if unspaced:
        return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2
    return len(text.split())


@lru_cache(maxsize=64)
def _stopwords(language: str | None) -> frozenset[str]:
    name = _STOPLISTS.get(language or "")
    if not name:
        return frozenset()
    import justext

    try:
        return frozenset(word.casefold() for word in justext.get_stoplist(name))
    except (ValueError, OSError):
        return frozenset()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language (py3langid), or None for too little text."""
    if len(_WORD.findall(text)) < 3:
        return None
    code, _ = classify(text[:20000])
    return code


def prose_scorer(language: str | None, sample: str) -> Prose:
    """A scorer for ``language``, detected from ``sample`` when not given."""
    return Prose(_stopwords(language or detect_language(sample)))
