"""``dateline bench geo``: place resolution over gold toponyms (LGL, TR-News, GeoWebNews).

The gold toponym spans are given, so resolution is measured alone: each gold span is
resolved with the article's other gold toponyms and its text as context, and scored
by the distance between our point and the gold one.

Figures, in order:

* ``acc_161km``: share of gold toponyms with coordinates resolved within 161 km
  (100 miles); no answer counts as a miss;
* ``oracle_acc_161km``: share for which the gazetteer holds any candidate within
  161 km, the ceiling of the data;
* ``mean_error_km``: mean distance over the toponyms we answered;
* ``recognition_f1``: our own place mentions (:func:`dateline.places.find.find_places`)
  against all gold spans, overlapping spans counting as a match;
* ``n``: gold toponyms with coordinates.

``--limit N`` scores the first N articles.

Layouts read (one or more ``*.xml`` files, or a folder of them): LGL and TR-News
(``<toponym>`` with ``<start>``, ``<end>``, ``<phrase>``, ``<gaztag>`` holding
``<lat>``/``<lon>``/``<fcode>``), GeoWebNews (``<toponym>`` with ``<latitude>``,
``<longitude>``, ``<type>``; common-noun ``*_Expression`` spans are skipped) and
GeoVirus (``<location>`` with ``<lat>``/``<lon>``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.bench import BenchResult, prf, ratio
from dateline.errors import BenchError
from dateline.places.mentions import AFTER_CHARS
from dateline.places.resolve import Toponym, candidates, haversine, resolve

#: The usual threshold of geocoding accuracy: 100 miles.
THRESHOLD_KM = 161.0
ERROR_SAMPLES = 40


@dataclass(slots=True)
class GoldToponym:
    """One gold toponym span; ``lat``/``lon`` are None when the gold has no point."""

    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    fcode: str = ""
    name: str = ""


@dataclass(slots=True)
class GoldArticle:
    """One gold article: its text and toponyms."""

    id: str
    text: str
    toponyms: list[GoldToponym]


# -- loading ---------------------------------------------------------------------


def _float(element: ET.Element | None, *paths: str) -> float | None:
    if element is None:
        return None
    for path in paths:
        value = (element.findtext(path) or "").strip()
        if value:
            try:
                return float(value)
            except ValueError:
                return None
    return None


def _toponym(element: ET.Element, text: str) -> GoldToponym | None:
    """A gold toponym from any of the known layouts (None for common-noun spans)."""
    if (element.findtext("type") or "").endswith("_Expression"):
        return None
    try:
        start, end = int(element.findtext("start") or ""), int(element.findtext("end") or "")
    except ValueError:
        return None
    gaztag = element.find("gaztag")
    holder = gaztag if gaztag is not None else element
    lat = _float(holder, "lat", "latitude")
    lon = _float(holder, "lon", "longitude")
    phrase = element.findtext("phrase") or element.findtext("extractedName") or text[start:end]
    return GoldToponym(
        start=start, end=end, phrase=phrase.strip(), lat=lat, lon=lon,
        fcode=(holder.findtext("fcode") or "").strip(),
        name=(holder.findtext("name") or "").strip(),
    )


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError:
        from lxml import etree

        try:  # recover from stray ampersands and the like
            parser = etree.XMLParser(recover=True, huge_tree=True)
            return ET.fromstring(etree.tostring(etree.parse(str(path), parser)))
        except (etree.XMLSyntaxError, OSError) as exc:
            raise BenchError(f"{path}: not readable as XML ({exc})") from exc


def load(data: Path) -> list[GoldArticle]:
    """Gold articles of every ``*.xml`` at ``data`` (a file or a folder)."""
    files = sorted(data.rglob("*.xml")) if data.is_dir() else [data]
    articles: list[GoldArticle] = []
    for path in files:
        for number, element in enumerate(_parse(path).iter("article")):
            text = element.findtext("text") or ""
            spans = [*element.iter("toponym"), *element.iter("location")]
            toponyms = [t for t in (_toponym(s, text) for s in spans) if t]
            toponyms.sort(key=lambda t: t.start)
            ident = element.get("docid") or f"{path.stem}-{number}"
            articles.append(GoldArticle(ident, text, toponyms))
    if not any(a.toponyms for a in articles):
        raise BenchError(f"{data}: no <toponym> or <location> spans found; is it LGL-like XML?")
    return articles


# -- scoring ---------------------------------------------------------------------


def feature_class(fcode: str) -> str:
    """A GeoNames feature code's class for the breakdown."""
    if fcode.startswith("PCL"):
        return "country"
    if fcode in ("ADM1", "ADM2"):
        return fcode.lower()
    if fcode.startswith("ADM"):
        return "admin_other"
    if fcode.startswith("PPL"):
        return "city"
    return "other" if fcode else "unknown"


def _resolution(articles: list[GoldArticle]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Resolution figures over the gold spans, and their breakdown."""
    scored = hits = oracle = answered = 0
    errors_km: list[float] = []
    by_class: dict[str, Counter] = {}
    samples: list[dict[str, Any]] = []
    for article in articles:
        toponyms = [
            Toponym(t.phrase, article.text[t.end : t.end + AFTER_CHARS]) for t in article.toponyms
        ]
        for gold, found in zip(article.toponyms, resolve(toponyms), strict=True):
            if gold.lat is None or gold.lon is None:
                continue
            scored += 1
            counts = by_class.setdefault(feature_class(gold.fcode), Counter())
            counts["n"] += 1
            reachable = any(
                haversine(gold.lat, gold.lon, c.lat, c.lon) <= THRESHOLD_KM
                for c in candidates(gold.phrase)
            )
            oracle += reachable
            counts["oracle"] += reachable
            if found is None:
                counts["unanswered"] += 1
                continue
            answered += 1
            km = haversine(gold.lat, gold.lon, found.lat, found.lon)
            errors_km.append(km)
            if km <= THRESHOLD_KM:
                hits += 1
                counts["hit"] += 1
            elif reachable and len(samples) < ERROR_SAMPLES:
                samples.append({
                    "article": article.id, "text": gold.phrase, "gold": gold.name,
                    "gold_point": [gold.lat, gold.lon], "found": found.name,
                    "found_admin1": found.admin1, "found_country": found.country,
                    "found_feature": found.feature, "km": round(km),
                })
    figures = {
        "acc_161km": round(ratio(hits, scored), 4),
        "oracle_acc_161km": round(ratio(oracle, scored), 4),
        "mean_error_km": round(ratio(sum(errors_km), answered), 1),
        "n": scored,
    }
    breakdown = {
        name: {
            "n": c["n"],
            "acc_161km": round(ratio(c["hit"], c["n"]), 4),
            "oracle_acc_161km": round(ratio(c["oracle"], c["n"]), 4),
            "unanswered": c["unanswered"],
        }
        for name, c in sorted(by_class.items(), key=lambda item: -item[1]["n"])
    }
    details = {
        "answered": answered,
        "median_error_km": round(sorted(errors_km)[len(errors_km) // 2], 1) if errors_km else 0.0,
        "by_feature_class": breakdown,
        "errors_with_a_good_candidate": samples,
    }
    return figures, details


def _recognition(articles: list[GoldArticle], model: str | None) -> tuple[float, dict[str, Any]]:
    """Span F1 of :func:`find_places` against every gold span (overlap counts)."""
    from dateline.entities.find import find_entities
    from dateline.parse.nlp import load_nlp
    from dateline.parse.segments import parse_segments, text_segments
    from dateline.places.find import find_places
    from dateline.places.gazetteer import is_demonym

    nlp = load_nlp(model)
    tp = fp = fn = 0
    literal = Counter()  # the same counts without the gold's demonyms
    misses: Counter = Counter()
    extras: Counter = Counter()
    segments = parse_segments([text_segments(a.text)[0] for a in articles], nlp)
    for article, segment in zip(articles, segments, strict=True):
        gold = [(t.start, t.end) for t in article.toponyms]
        places = find_places([segment], find_entities([segment]))
        found = [(p.where.start, p.where.end) for p in places if p.where]
        matched = {g for g in gold for f in found if f[0] < g[1] and g[0] < f[1]}
        useful = [f for f in found if any(f[0] < g[1] and g[0] < f[1] for g in gold)]
        tp += len(matched)
        fn += len(gold) - len(matched)
        fp += len(found) - len(useful)
        places = [g for g in gold if not is_demonym(article.text[g[0] : g[1]])]
        literal["tp"] += len([g for g in places if g in matched])
        literal["fn"] += len([g for g in places if g not in matched])
        misses.update(article.text[s:e] for s, e in gold if (s, e) not in matched)
        extras.update(article.text[s:e] for s, e in found if (s, e) not in useful)
    precision, recall, f1 = prf(tp, fp, fn)
    _, literal_recall, literal_f1 = prf(literal["tp"], fp, literal["fn"])
    details = {
        "precision": round(precision, 4), "recall": round(recall, 4),
        "f1_without_demonym_spans": round(literal_f1, 4),
        "recall_without_demonym_spans": round(literal_recall, 4),
        "missed": misses.most_common(25), "spurious": extras.most_common(25),
    }
    return f1, details


def run(data: Path, options: dict[str, Any]) -> BenchResult:
    """Score place resolution and recognition over the gold set at ``data``."""
    articles = load(data)
    limit = options.get("limit")
    if limit:
        articles = articles[: int(limit)]
    figures, details = _resolution(articles)
    f1 = 0.0
    if not options.get("no_recognition"):
        f1, details["recognition"] = _recognition(articles, options.get("model"))
    ordered = {
        "acc_161km": figures["acc_161km"],
        "oracle_acc_161km": figures["oracle_acc_161km"],
        "mean_error_km": figures["mean_error_km"],
        "recognition_f1": round(f1, 4),
        "n": figures["n"],
    }
    details["articles"] = len(articles)
    return BenchResult(task="geo", data=str(data), figures=ordered, details=details)

