"""Cleaning a flattened text dump: what an HTML-to-text step left of a news page.

A dump is a list of lines in which the page's article is mixed with what surrounded
it: image captions with their photo credits (often repeated, or twice each in a
bulleted gallery), language switchers, share and navigation lines, datelines
("Updated: December 16, 2022, 9:57 PM"), contributor lines, and for whole pages the
menus, link lists and footers. The cleaner works in passes, each one removing a kind
of line and recording what it learnt:

1. split into lines, unwrap hard-wrapped paragraphs, strip bullets, drop repeats;
2. take out captions (-> ``images``), datelines (-> ``published``/``updated``),
   contributor and byline lines (-> ``contributors``/``authors``), language
   switchers and boilerplate cues (tables in :mod:`dateline.article.cues`);
3. score what remains as prose or not, and keep the densest run of prose: the body;
4. the title is the headline-like line nearest above the body.

No rule is keyed to a site: the credit list and the boilerplate cues are data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dateline.article.cues import Cues, load_cues, split_credit
from dateline.article.dates import parse_dateline, split_dateline
from dateline.article.found import Found, text_key
from dateline.article.people import match_byline, match_contributors
from dateline.article.prose import Prose, prose_scorer
from dateline.records import Image

_BULLET = re.compile(r"^(?:[•·▪◦●○■□►▶‣⁃∙*+>]|-(?=\s)|\d{1,2}[.)](?=\s))\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200c-\u200f\u2060\ufeff\u00ad]")


@dataclass(slots=True)
class Line:
    """One line of the dump and what the cleaner decided about it."""

    text: str
    bulleted: bool = False
    kind: str = "text"  # text, caption, credit, meta, boilerplate, barrier, language, repeat
    key: str = ""  # text_key(text), computed once

    def __post_init__(self) -> None:
        self.key = text_key(self.text)


def clean_dump(text: str, cues: Cues | None = None, title_hint: str | None = None,
               language: str | None = None) -> Found:
    """Recover title, body, captions and metadata from a flattened text dump."""
    cues = cues or load_cues()
    lines = split_lines(text)
    result = Found()
    _mark_repeats(lines)
    _take_metadata(lines, result)
    _take_captions(lines, cues, result)
    _mark_navigation(lines, cues)
    scorer = prose_scorer(language, " ".join(line.text for line in lines if line.kind == "text"))
    start, end = _body_span(lines, scorer)
    result.paragraphs = [line.text for line in lines[start:end]
                         if line.kind == "text" and scorer.keep_in_body(line.text)]
    result.title, result.site = _find_title(lines, start, title_hint, scorer)
    if result.title and result.paragraphs and _same(result.paragraphs[0], result.title):
        result.paragraphs.pop(0)
    if not result.paragraphs:
        result.warnings.append("no article body found in the text dump")
    if result.title is None:
        result.warnings.append("no title found in the text dump")
    return result


# --- pass 1: lines -------------------------------------------------------------------

# Markdown that converters such as html2text leave: images, links, emphasis, headings.
# (Converters that wrap lines break long URLs too, so a URL may hold line breaks.)
_MD_URL = r"\((?:[^()\s]|\n(?=\S)|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"
_MD_IMAGE = re.compile(r"!\[[^\]]*\]" + _MD_URL)
_MD_LINK = re.compile(r"\[([^\]]*)\]" + _MD_URL)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([-*_#\[\]()!.+>`|])")


def strip_markdown(text: str) -> str:
    """Plain text from the Markdown an HTML-to-text converter may have written.

    Images go, links keep their text, emphasis and heading marks go; plain text
    passes through unchanged (it has none of these shapes).
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    return _MD_ESCAPE.sub(r"\1", text)


def split_lines(text: str) -> list[Line]:
    """Normalised, non-empty lines; hard-wrapped paragraphs joined back together."""
    text = strip_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = [_normalise(line) for line in text.split("\n")]
    width = wrap_width(raw)
    blocks = _unwrap(raw, width) if width else raw
    lines = []
    for block in blocks:
        stripped = block.strip()
        if not stripped:
            continue
        body = _BULLET.sub("", stripped, count=1).strip()
        if body:
            lines.append(Line(text=body, bulleted=body != stripped))
    return lines


def _normalise(line: str) -> str:
    line = unicodedata.normalize("NFC", _INVISIBLE.sub("", line))
    return _SPACES.sub(" ", line).rstrip()


def wrap_width(lines: list[str]) -> int | None:
    """The width a converter wrapped paragraphs at (html2text, lynx, w3m), or None.

    Wrapped text has one width (60-120 columns) that almost no line exceeds, and
    most lines that a non-blank line follows end within a few characters of it.
    """
    lengths = [len(line) for line in lines if line.strip()]
    stripped = [line.strip() for line in lines]
    # A line followed by a different non-blank line, neither of them a list item (a
    # repeat, a gallery pair or a menu is not a wrapped paragraph).
    continued = [len(line) for line, text, following in zip(lines, stripped, stripped[1:],
                                                            strict=False)
                 if text and following and text != following
                 and not _BULLET.match(text) and not _BULLET.match(following)]
    if len(continued) < 5:
        return None
    for width in range(60, 121):
        near = sum(1 for length in continued if width - 15 <= length <= width)
        over = sum(1 for length in lengths if length > width + 1)
        if near >= 5 and near / len(continued) > 0.35 and over / len(lengths) < 0.05:
            return width
    return None


def _unwrap(lines: list[str], width: int) -> list[str]:
    """Join the lines of each wrapped paragraph back into one line.

    A line continues into the next when it reaches near the wrap width; a shorter
    line, a blank line or a list item ends the paragraph.
    """
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or _BULLET.match(stripped):
            if current:
                blocks.append(" ".join(current))
            current = [stripped] if stripped else []
        else:
            current.append(stripped)
        if current and len(line) < width - 20:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _same(a: str, b: str) -> bool:
    return text_key(a) == text_key(b)


def _mark_repeats(lines: list[Line]) -> None:
    """A line seen before (ignoring case, quotes, spacing) is kept once: the first."""
    seen: set[str] = set()
    for line in lines:
        key = line.key
        if key in seen and key:
            line.kind = "repeat"
        seen.add(key)


# --- pass 2: captions, metadata, navigation -------------------------------------------

def _take_captions(lines: list[Line], cues: Cues, result: Found) -> None:
    """Lines ending with a credit are image captions; their repeats go too.

    A line printed several times, or twice in a row in a bulleted gallery, is a
    caption even when its credit is not in the credit table: the short capitalised
    tail after its last sentence is taken as the credit.
    """
    whole = cues.credit_forms.whole
    seen: dict[str, Image] = {}
    caption_keys: set[str] = set()
    repeated = _repeated_keys(lines)
    for index, line in enumerate(lines):
        if line.kind not in ("text", "repeat"):
            continue
        split = split_credit(line.text, cues)
        if split is None and line.key in repeated:
            split = _split_unlisted_credit(line.text)
        if split is None:
            if whole.fullmatch(line.text) and len(line.text.split()) <= 8 \
                    and not cues.is_boilerplate(line.text):
                line.kind = "credit"
                _attach_credit(lines, index, line.text, seen, result, cues)
            continue
        caption, credit = split
        key = text_key(caption)
        line.kind = "caption"
        caption_keys.add(key)
        if key not in seen:
            seen[key] = Image(caption=caption, credit=credit)
            result.images.append(seen[key])
    # A caption also printed without its credit (galleries do this) is still a caption.
    for line in lines:
        if line.kind in ("text", "repeat") and line.key in caption_keys:
            line.kind = "caption"


def _repeated_keys(lines: list[Line]) -> set[str]:
    """Keys of lines printed three times or more, or twice in a row (a gallery pair)."""
    counts: dict[str, int] = {}
    pairs: set[str] = set()
    for index, line in enumerate(lines):
        key = line.key
        counts[key] = counts.get(key, 0) + 1
        if index and lines[index - 1].key == key:
            pairs.add(key)
    return pairs | {key for key, count in counts.items() if count >= 3}


_UNLISTED_CREDIT = re.compile(
    r"(?P<caption>.{10,}?[.!?…”\"’')\]])\s+"
    r"(?P<credit>[A-Z©][\w&.'’/|,-]*(?:\s+[\w&.'’/|,-]+){0,5})\.?")


def _split_unlisted_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` for a caption whose credit is not in the table."""
    match = _UNLISTED_CREDIT.fullmatch(text)
    if not match or len(match.group("credit")) > 50 or len(match.group("caption").split()) < 3:
        return None
    return match.group("caption").strip(), match.group("credit").strip()


def _attach_credit(lines: list[Line], index: int, credit: str, seen: dict[str, Image],
                   result: Found, cues: Cues) -> None:
    """A credit alone on its line belongs to a short caption line just above it."""
    if index == 0:
        return
    above = lines[index - 1]
    words = len(above.text.split())
    if above.kind == "text" and 3 <= words <= 40 and above.bulleted == lines[index].bulleted \
            and not cues.is_boilerplate(above.text):
        key = above.key
        above.kind = "caption"
        if key not in seen:
            seen[key] = Image(caption=above.text, credit=credit.strip("()[] "))
            result.images.append(seen[key])


def _take_metadata(lines: list[Line], result: Found) -> None:
    """Datelines, contributor lines and bylines become fields, not body text."""
    for line in lines:
        if line.kind not in ("text", "repeat"):
            continue
        dateline = parse_dateline(line.text)
        if dateline is not None:
            label, value = dateline
            line.kind = "meta"
            if label == "updated":
                result.updated = result.updated or value
            else:
                result.published = result.published or value
            continue
        contributors = match_contributors(line.text)
        if contributors:
            line.kind = "meta"
            result.contributors.extend(c for c in contributors if c not in result.contributors)
            continue
        authors = match_byline(line.text)
        if authors:
            line.kind = "meta"
            result.authors.extend(a for a in authors if a not in result.authors)
            rest = split_dateline(line.text)
            if rest and not result.published:
                result.published = rest


def take_metadata_lines(paragraphs: list[str]) -> tuple[list[str], Found]:
    """Paragraphs without datelines, contributor lines and bylines, and what they said.

    HTML extraction keeps such lines as paragraphs; this takes them out the same way
    the dump cleaner does.
    """
    lines = [Line(text=p) for p in paragraphs]
    found = Found()
    _take_metadata(lines, found)
    return [line.text for line in lines if line.kind != "meta"], found


def _mark_navigation(lines: list[Line], cues: Cues) -> None:
    """Boilerplate cues and language switchers (runs of language names)."""
    for index, line in enumerate(lines):
        if line.kind != "text":
            continue
        if cues.is_barrier(line.text):
            line.kind = "barrier"
        elif cues.is_boilerplate(line.text):
            line.kind = "boilerplate"
        elif cues.is_language_name(line.text):
            neighbours = lines[max(0, index - 1): index + 2]
            if line.bulleted or sum(cues.is_language_name(n.text) for n in neighbours) >= 2:
                line.kind = "language"


# --- pass 3: the body ----------------------------------------------------------------

def _body_span(lines: list[Line], scorer: Prose) -> tuple[int, int]:
    """The run of lines with the most prose (maximum-sum subarray of line scores).

    Prose lines add their length; lines that are not prose subtract a penalty, so
    menus and link lists between two prose regions split them; lines already taken
    out (captions, metadata, repeats) count zero, so a gallery inside the article
    does not split it; a section break (comments, author box) cannot be crossed.
    """
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, line in enumerate(lines):
        if line.kind == "barrier":
            running = 0.0
            continue
        score = scorer.score(line.text) if line.kind == "text" else 0.0
        if running <= 0 and score > 0:
            running, start = 0.0, index
        running += score
        if running > best:
            best, best_span = running, (start, index + 1)
        if running < 0:
            running = 0.0
    return best_span


# --- pass 4: the title ---------------------------------------------------------------

_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")


def _find_title(lines: list[Line], body_start: int, hint: str | None,
                scorer: Prose) -> tuple[str | None, str | None]:
    """The headline: the title-like line nearest above the body; and the site if a
    line repeats the headline as "Headline | Site"."""
    title = hint
    if title is None:
        for line in reversed(lines[max(0, body_start - 25): body_start]):
            if line.kind == "text" and scorer.is_headline(line.text):
                title = line.text
                break
    if title is None:
        return None, None
    return title, _site_from_page_title(lines, title)


def _site_from_page_title(lines: list[Line], title: str) -> str | None:
    key = text_key(title)
    for line in lines:
        parts = _SITE_SEPARATORS.split(line.text)
        if len(parts) >= 2 and text_key(parts[0]) == key and 1 <= len(parts[-1].split()) <= 5:
            return parts[-1].strip()
    return None
