"""Captions left inside an article's body: paragraphs that only describe a picture.

Text extraction sometimes keeps a photo caption or a video's blurb between two
paragraphs of the story. The people they name ("Jane Doe, a retired porter, looks at a
display ...") are not who the next "he said" is about, so the speaker stage leaves them
out when it weighs who the article is talking about.
"""

from __future__ import annotations

import re

#: A closing parenthesis at the end of a paragraph, and a video's running time.
_FINAL_BRACKET = re.compile(r"\(([^()]{1,80})\)\s*$")
_RUNNING_TIME = re.compile(r"\s\d{1,2}:\d{2}\s*$")
#: Words of a photo credit in brackets ("(Photo: City of Surrey)", "(Submitted by ...)").
CREDIT_WORDS = frozenset({"photo", "photos", "file", "submitted", "handout", "courtesy",
                          "supplied", "video"})
#: Most words of a bare credit after a sentence ("... for homeless people. (CBC)").
MAX_CREDIT_WORDS = 4


def caption_like(text: str) -> bool:
    """True for a paragraph that is a photo or video caption left in the body: it ends
    with a bracketed credit ("(Jane Doe/CBC)", "(Photo: City of Surrey)", "... people.
    (CBC)") or a video's running time ("... the opioid crisis. 10:43")."""
    if _RUNNING_TIME.search(text):
        return True
    match = _FINAL_BRACKET.search(text)
    if match is None:
        return False
    inner = match.group(1).strip()
    words = inner.replace("/", " ").replace(":", " ").split()
    if "/" in inner or any(w.lower() in CREDIT_WORDS for w in words):
        return True
    after_sentence = text[:match.start()].rstrip().endswith((".", "!", "?", "”", '"'))
    return after_sentence and 0 < len(words) <= MAX_CREDIT_WORDS and \
        all(w[:1].isupper() for w in words)
