"""``dateline bench dumps``: cleaning flattened whole-page text dumps (AEB pages).

Each AEB page's full HTML (menus, link lists and footers included) is flattened with
a plain HTML-to-text conversion (block elements become lines), and the noise of the
example dump is added around the article, with a seeded random choice per page:

- an image caption with its photo credit, repeated two to four times, above the
  headline; another one alone between two paragraphs;
- a bulleted gallery in which each caption appears twice (bullet, then indented);
- a language switcher under the headline;
- an "Updated: <date>" line and a contributor line after the body.

Captions are the page's own figure captions where it has them (with the page's own
credit, else a credit drawn from a list of common credit forms), else captions
written for this bench. The dump is cleaned by :func:`dateline.article.dump.clean_dump`
and its body scored against the gold as ``extract`` does; ``caption_recall`` is the
share of injected captions found among the images, ``credit_accuracy`` the share of
those whose credit is the injected one. The same pages are also flattened with hard
wrapping at 78 columns and scored in ``details``; so are the dumps of two other
converters when they are installed (``pip install "dateline[bench]"``): html2text
(Markdown, wrapped at 78 columns) and inscriptis.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from dateline.article import load_cues
from dateline.article.dump import clean_dump
from dateline.article.found import text_key
from dateline.article.html import find_captions, parse_html
from dateline.bench import BenchResult, ratio
from dateline.bench.aeb import aggregate, load_pages, page_counts

_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "ul", "ol",
    "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote", "figure",
    "figcaption", "form", "pre", "hr", "dl", "dt", "dd", "address", "details", "summary",
    "button", "label", "option", "select",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object"}

# Credits given to captions that have none on the page: common shapes of real credits
# (agency, combined agencies, "Photo:" with a photographer, agency photo with one).
_CREDITS = ["AFP", "Reuters", "AP", "EPA", "Getty Images", "Getty / AFP", "AFP via Getty Images",
            "Photo: Jane Doe", "Photo: Sam Lee / Reuters", "AP Photo/John Roe", "EPA-EFE",
            "Anadolu Agency", "Xinhua", "Bloomberg", "PA"]
# Captions written for this bench, for pages without figures of their own.
_GENERIC_CAPTIONS = [
    "Visitors walk past the main entrance of the building on a rainy morning.",
    "A general view of the city centre seen from the river bank.",
    "Officials arrive for a meeting at the regional headquarters.",
    "Supporters gather outside the venue before the event begins.",
    "Workers unload supplies from a truck at the edge of town.",
    "A man looks at his phone while waiting at a crowded train station.",
]
_LANGUAGES = [["English", "Arabic"], ["English", "Français"], ["English", "Español", "Deutsch"]]
_CONTRIBUTORS = ["The Associated Press contributed to this report",
                 "Reuters contributed reporting", "Additional reporting by Jane Doe",
                 "With AFP"]


@dataclass
class Injected:
    caption: str
    credit: str


def flatten_html(html: str) -> str:
    """A plain HTML-to-text conversion: every block element starts a new line."""
    tree = parse_html(html)
    pieces: list[str] = []
    _walk(tree, pieces)
    text = "".join(pieces)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _walk(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP_TAGS:
        if element.tail:
            pieces.append(element.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        pieces.append("\n")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
    if block:
        pieces.append("\n")
    if element.tail:
        pieces.append(element.tail)


def wrap_text(text: str, width: int = 78) -> str:
    """Hard-wrap every line at ``width`` columns, paragraphs separated by blank lines."""
    blocks = [textwrap.fill(line, width) for line in text.split("\n") if line.strip()]
    return "\n\n".join(blocks) + "\n"


def add_noise(text: str, gold: str, captions: list[Injected], rng: random.Random) -> str:
    """The example dump's noise around the article inside a flattened page."""
    lines = text.split("\n")
    first, last = _body_bounds(lines, gold)
    top = captions[0]
    head = [f"{top.caption} {top.credit}"] * rng.randint(2, 4) + [""]
    switcher = [f"  • {name}" for name in rng.choice(_LANGUAGES)] + [""]
    gallery = []
    for item in captions[1:6] or captions[:1]:
        gallery += [f"  • {item.caption} {item.credit}", f"    {item.caption} {item.credit}"]
    day = rng.randint(1, 28)
    tail = ["", rng.choice(_CONTRIBUTORS), "",
            f"Updated: {rng.choice(['March', 'June', 'October'])} {day}, 2022, "
            f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM", ""]
    body = lines[first:last]
    middle = max(1, len(body) // 2)
    alone = captions[-1]
    body = body[:middle] + ["", *gallery, ""] + body[middle:]
    if len(body) > 3:
        body.insert(2, f"{alone.caption} {alone.credit}")
    title_at = _title_index(lines, first)
    before = lines[:title_at] + head + lines[title_at:first] + switcher
    return "\n".join(before + body + tail + lines[last:])


def _body_bounds(lines: list[str], gold: str) -> tuple[int, int]:
    """Line indexes where the gold body starts and ends in the flattened page."""
    words = re.findall(r"\w+", gold)
    start_key = " ".join(words[:6])
    end_key = " ".join(words[-6:])
    keys = [" ".join(re.findall(r"\w+", line)) for line in lines]
    first = next((i for i, key in enumerate(keys) if start_key and start_key in key), 0)
    last = next((i + 1 for i in range(len(keys) - 1, first - 1, -1)
                 if end_key and end_key in keys[i]), len(lines))
    return first, max(last, first + 1)


def _title_index(lines: list[str], first: int) -> int:
    """The nearest headline-like line above the body (else the body's first line)."""
    for index in range(first - 1, max(-1, first - 15), -1):
        words = len(lines[index].split())
        if 4 <= words <= 25 and not lines[index].rstrip().endswith("."):
            return index
    return first


def _captions_for(page_html: str, url: str, cues, rng: random.Random) -> list[Injected]:
    found = find_captions(parse_html(page_html), url, cues)
    chosen = [Injected(img.caption, img.credit or rng.choice(_CREDITS)) for img in found[:6]]
    if not chosen:
        chosen = [Injected(c, rng.choice(_CREDITS))
                  for c in rng.sample(_GENERIC_CAPTIONS, rng.randint(2, 4))]
    return chosen


def score_captions(injected: list[Injected], images) -> tuple[int, int, int]:
    """(injected captions, found among images, found with the right credit)."""
    found = {text_key(img.caption): text_key(img.credit or "") for img in images}
    wanted = {text_key(i.caption): text_key(i.credit) for i in injected}
    hits = [key for key in wanted if key in found]
    right = sum(found[key] == wanted[key] for key in hits)
    return len(wanted), len(hits), right


def _other_converters() -> dict[str, Any]:
    """HTML-to-text converters other than ours that happen to be installed."""
    converters: dict[str, Any] = {}
    try:
        import html2text

        def markdown(html: str) -> str:
            converter = html2text.HTML2Text()
            converter.body_width = 78
            return converter.handle(html)

        converters["html2text_78"] = markdown
    except ImportError:
        pass
    try:
        import inscriptis

        converters["inscriptis"] = inscriptis.get_text
    except ImportError:
        pass
    return converters


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    pages = load_pages(data, options.get("limit"))
    cues = load_cues()
    others = _other_converters()
    other_counts: dict[str, list] = {name: [] for name in others}
    plain_counts, wrapped_counts = [], []
    total = hits = right = 0
    misses = []
    for page in pages:
        rng = random.Random(page.id)
        html = page.html()
        captions = _captions_for(html, page.url, cues, rng)
        flat = flatten_html(html)
        for variant, counts in (("plain", plain_counts), ("wrapped", wrapped_counts)):
            text = flat if variant == "plain" else wrap_text(flat)
            dump = add_noise(text, page.body, captions, rng)
            cleaned = clean_dump(dump, cues)
            counts.append(page_counts(page.body, "\n\n".join(cleaned.paragraphs)))
            if variant == "plain":
                n, h, r = score_captions(captions, cleaned.images)
                total, hits, right = total + n, hits + h, right + r
                if h < n:
                    misses.append({"id": page.id, "missed": n - h})
        for name, convert in others.items():
            dump = add_noise(convert(html), page.body, captions, random.Random(page.id))
            cleaned = clean_dump(dump, cues)
            other_counts[name].append(page_counts(page.body, "\n\n".join(cleaned.paragraphs)))
    plain = aggregate(plain_counts)
    wrapped = aggregate(wrapped_counts)
    return BenchResult(
        task="dumps", data=str(data),
        figures={"f1": plain["f1"], "caption_recall": ratio(hits, total),
                 "credit_accuracy": ratio(right, hits), "n": len(pages)},
        details={"plain": plain, "wrapped_78": wrapped,
                 **{name: aggregate(counts) for name, counts in other_counts.items()},
                 "captions_injected": total,
                 "captions_found": hits, "credits_right": right,
                 "pages_with_missed_captions": misses[:20],
                 "worst_pages": sorted(
                     ({"id": p.id, "url": p.url, "tp": round(c[0], 3)}
                      for p, c in zip(pages, plain_counts, strict=True)),
                     key=lambda row: row["tp"])[:15]},
    )
