"""HTML pages: body and metadata through trafilatura and htmldate, captions from figures.

trafilatura finds the main text and the page's metadata (title, authors, site name);
htmldate finds the publication date (``original_date=True``) and the last update.
Image captions with their photo credits come from ``figure``/``figcaption`` and
common caption and credit markup, which trafilatura leaves out; a caption is never
kept as a body paragraph.
"""

from __future__ import annotations

import re
import warnings
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from dateline.article.cues import Cues, normalise_credit, split_credit
from dateline.article.dump import take_metadata_lines
from dateline.article.found import Found, text_key
from dateline.records import Image

# trafilatura settings measured on the `extract` bench (docs/article.md): comments are
# not the article, and favour_precision trims the tails of link lists.
_TRAFILATURA_OPTIONS = {"include_comments": False, "favor_precision": True,
                        "include_tables": True, "with_metadata": True}

_CAPTION_CLASS = re.compile(r"caption|figcaption|wp-caption-text|image-desc|photo-desc|"
                            r"media-desc|img-desc|legend", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|byline-photo|photographer|image-source|"
                           r"img-source|photo-source|attribution", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def extract_html(html: str, url: str | None, cues: Cues) -> Found:
    """Body, metadata, dates and captions of one HTML page."""
    import trafilatura

    # trafilatura and htmldate get the string: their own parsing (encoding fixes,
    # parser options) measurably beats handing them our lxml tree.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(html, url=url, **_TRAFILATURA_OPTIONS)
    result = Found()
    meta = None
    images = find_captions(parse_html(html), url, cues)
    result.images = images
    if document is None:
        result.warnings.append("trafilatura found no main text in the HTML page")
    else:
        result.title = _clean(document.title) or None
        result.site = _clean(document.sitename) or None
        result.url = document.url or None
        result.authors = _split_authors(document.author)
        result.paragraphs = _paragraphs(document.text or "", images)
        title = text_key(result.title or "")
        if result.paragraphs and title and text_key(result.paragraphs[0]) == title:
            result.paragraphs.pop(0)  # the headline is the title, not a paragraph
        result.paragraphs, meta = take_metadata_lines(result.paragraphs)
        result.authors = result.authors or meta.authors
        result.contributors = meta.contributors
    published, updated = find_dates(html, url)
    if meta is not None:
        published, updated = published or meta.published, updated or meta.updated
    stamps = _timestamps(html)
    result.published = _with_time(published, stamps["published"])
    result.updated = _with_time(updated, stamps["updated"])
    return result


def parse_html(html: str) -> etree._Element:
    """An lxml tree of an HTML page given as text."""
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        # lxml refuses strings with an XML encoding declaration; bytes are fine.
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"))


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    return [name.strip() for name in re.split(r";|\|", author) if name.strip()]


def _paragraphs(text: str, images: list[Image]) -> list[str]:
    """trafilatura's text as paragraphs, without lines that are image captions."""
    captions = {text_key(image.caption) for image in images}
    captions |= {text_key(f"{image.caption} {image.credit}") for image in images if image.credit}
    paragraphs = []
    for line in text.split("\n"):
        line = _clean(line)
        if line and text_key(line) not in captions:
            paragraphs.append(line)
    return paragraphs


# --- dates -------------------------------------------------------------------------

def find_dates(html: str, url: str | None) -> tuple[str | None, str | None]:
    """``(published, updated)`` by htmldate; ``updated`` only when later than published.

    The page is parsed once, by htmldate's own loader, for both searches (the same
    results as handing it the text twice, in half the time).
    """
    from htmldate import find_date
    from htmldate.utils import load_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = load_html(html)
            if tree is None:
                return None, None
            published = find_date(tree, url=url, extensive_search=True, original_date=True)
            latest = find_date(tree, url=url, extensive_search=True, original_date=False)
        except (ValueError, TypeError):
            return None, None
    published = published if published and _has_day_evidence(html, published) else None
    latest = latest if latest and _has_day_evidence(html, latest) else None
    updated = latest if latest and (published is None or latest > published) else None
    return published, updated


_STAMP_SOURCES = {
    "published": re.compile(
        r"""(?:(?:property|name|itemprop)=["'](?:article:published_time|datePublished|"""
        r"""pubdate|publishdate|date|dc\.date\.issued|og:published_time)["'][^>]*?"""
        r"""content=["']|"datePublished"\s*:\s*")([^"'<>]{10,40})""", re.IGNORECASE),
    "updated": re.compile(
        r"""(?:(?:property|name|itemprop)=["'](?:article:modified_time|dateModified|"""
        r"""og:updated_time|last-modified)["'][^>]*?content=["']|"dateModified"\s*:\s*")"""
        r"""([^"'<>]{10,40})""", re.IGNORECASE),
}
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?")


def _timestamps(html: str) -> dict[str, list[str]]:
    """Full ISO timestamps the page's metadata gives for publication and update."""
    found: dict[str, list[str]] = {}
    for kind, pattern in _STAMP_SOURCES.items():
        values = []
        for match in pattern.finditer(html[:500_000]):
            stamp = _ISO_STAMP.match(match.group(1).strip())
            if stamp:
                values.append(stamp.group(0).replace(" ", "T"))
        found[kind] = values
    return found


def _with_time(day: str | None, stamps: list[str]) -> str | None:
    """The page's own full timestamp for ``day`` when its metadata has one.

    htmldate gives the day; the time of day (and zone, as written) comes from the
    same page's metadata when it names that day.
    """
    if day is None:
        return None
    for stamp in stamps:
        if stamp.startswith(day):
            return re.sub(r"\.\d+", "", stamp)  # fractions of a second add nothing
    return day


def _has_day_evidence(html: str, date: str) -> bool:
    """False for a 1 January that the page gives no sign of as a day.

    htmldate fills a year-only find (often a copyright line, "© 2020") with January 1;
    reporting that as a publication day is wrong more often than right, so such a
    date must appear in the page in a numeric form (2020-01-01, 2020/01/01, 01.01.2020).
    """
    if not date.endswith("-01-01"):
        return True
    year = date[:4]
    forms = (f"{year}-01-01", f"{year}/01/01", f"01.01.{year}", f"1.1.{year}",
             f"{year}0101", f"01/01/{year}")
    return any(form in html for form in forms)


# --- captions ----------------------------------------------------------------------

_GALLERY_COUNTER = re.compile(r"^(?:image|photo|picture|slide)?\s*\d+\s*(?:of|/)\s*\d+\s*",
                              re.IGNORECASE)


def find_captions(tree: etree._Element, url: str | None, cues: Cues) -> list[Image]:
    """Captions (with credits and image URLs) of ``figure`` and caption markup.

    Caption-like class names are common on things that are not captions ("Caption
    Close" buttons, comment counters), so a class-based caption counts only near an
    image, and a caption needs four words and must not be a boilerplate cue.
    """
    images: list[Image] = []
    seen: set[str] = set()
    for node in _caption_nodes(tree):
        caption, credit = _caption_and_credit(node, cues)
        caption = _GALLERY_COUNTER.sub("", caption).strip()
        if len(caption.split()) < 4 or cues.is_boilerplate(caption):
            continue
        key = text_key(caption)
        if key in seen:
            continue
        seen.add(key)
        images.append(Image(caption=caption, credit=credit, url=_image_url(node, url)))
    return images


def _caption_nodes(tree: etree._Element) -> list[etree._Element]:
    nodes = list(tree.iter("figcaption"))
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("figcaption", "body", "html"):
            continue
        classes = f"{element.get('class', '')} {element.get('itemprop', '')}"
        if _CAPTION_CLASS.search(classes) and not _has_ancestor(element, "figcaption") \
                and not any(_has_ancestor(element, n) for n in nodes) and _near_image(element):
            nodes.append(element)
    # Keep the outermost caption element when captions nest.
    return [n for n in nodes if not any(o is not n and _is_inside(n, o) for o in nodes)]


def _near_image(element: etree._Element) -> bool:
    """Whether an image sits in the element's figure, parent or grandparent."""
    if _has_ancestor(element, "figure"):
        return True
    scope = element.getparent()
    for _ in range(2):
        if scope is None:
            return False
        if any(True for _ in scope.iter("img", "picture")):
            return True
        scope = scope.getparent()
    return False


def _has_ancestor(element: etree._Element, tag_or_node) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is tag_or_node or ancestor.tag == tag_or_node:
            return True
    return False


def _is_inside(node: etree._Element, other: etree._Element) -> bool:
    return any(ancestor is other for ancestor in node.iterancestors())


def _caption_and_credit(node: etree._Element, cues: Cues) -> tuple[str, str | None]:
    """Caption text without its credit, and the credit (markup first, then text)."""
    credit = None
    for child in node.iter():
        if child is node or not isinstance(child.tag, str):
            continue
        classes = f"{child.get('class', '')} {child.get('itemprop', '')}"
        if _CREDIT_CLASS.search(classes) or child.tag in ("small", "cite"):
            credit = credit or _clean(child.text_content())
    text = _clean(node.text_content())
    if credit:
        text = _clean(text.replace(credit, "")) if credit in text else text
        return text.strip(" |-–—"), normalise_credit(credit) or None
    split = split_credit(text, cues)
    if split:
        return split
    return text, None


def _image_url(node: etree._Element, base: str | None) -> str | None:
    container = node.getparent() if node.tag == "figcaption" else node
    for candidate in (container, node.getparent()):
        if candidate is None:
            continue
        for img in candidate.iter("img"):
            src = img.get("src") or img.get("data-src") or img.get("data-original")
            if src and not src.startswith("data:"):
                return urljoin(base, src) if base else src
    return None
