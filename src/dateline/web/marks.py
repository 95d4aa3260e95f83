"""An article's text as HTML with every fact marked at its ``where`` span.

Article text is untrusted: every character of it goes through :func:`escape`, and
so does every attribute value; only the ``<mark>`` elements built here are markup.

Facts overlap (an event's sentence holds entities, a quote holds a date), so the text
is cut at every span boundary; each piece is wrapped in the marks that cover it,
outermost (earliest start, then longest) first. A mark that crosses another's end is
closed and reopened, so the HTML always nests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from dateline.records import Article, Where

#: Kinds of fact, outer to inner when two spans are the same.
KINDS = ("event", "quote", "entity", "time", "count")


@dataclass(slots=True)
class Span:
    """One fact's span in one part of the text, and how to show it."""

    start: int
    end: int
    kind: str
    title: str
    data: dict[str, str] = field(default_factory=dict)
    classes: tuple[str, ...] = ()
    after: str | None = None  # text shown right after the span (a quote's speaker)
    anchor: str | None = None  # element id on the span's first piece

    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, KINDS.index(self.kind))

    def open_tag(self, first: bool) -> str:
        attributes = {"class": " ".join(("fact", self.kind, *self.classes)),
                      "title": self.title, **{f"data-{k}": v for k, v in self.data.items()}}
        if first and self.anchor:
            attributes["id"] = self.anchor
        inner = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items())
        return f"<mark {inner}>"


def mark_text(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, with ``spans`` as nested ``<mark>`` elements."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not spans:
        return Markup(escape(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    html: list[str] = []
    open_now: list[Span] = []
    opened: set[int] = set()
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = sorted((s for s in spans if s.start <= left and right <= s.end),
                          key=Span.order)
        keep = 0
        while (keep < len(open_now) and keep < len(covering)
               and open_now[keep] is covering[keep]):
            keep += 1
        for span in reversed(open_now[keep:]):
            html.append(_close(span, left))
        open_now = open_now[:keep]
        for span in covering[keep:]:
            html.append(span.open_tag(id(span) not in opened))
            opened.add(id(span))
            open_now.append(span)
        html.append(str(escape(text[left:right])))
    for span in reversed(open_now):
        html.append(_close(span, len(text)))
    return Markup("".join(html))


def _close(span: Span, at: int) -> str:
    """The closing tag, and the span's trailing note when this is its real end."""
    if span.after and at == span.end:
        return f'</mark><span class="note {span.kind}-note">{escape(span.after)}</span>'
    return "</mark>"


def _key(where: Where | None) -> tuple[str, int] | None:
    return None if where is None else (where.part, where.index)


def fact_spans(article: Article) -> dict[tuple[str, int], list[Span]]:
    """Spans of every fact of ``article``, by (part, index) of the text they are in."""
    spans: dict[tuple[str, int], list[Span]] = {}

    def add(where: Where | None, span_of) -> None:
        key = _key(where)
        if key is not None:
            spans.setdefault(key, []).append(span_of(where))

    for entity in article.entities:
        details = " · ".join(v for v in (entity.role, entity.country, entity.sector_label) if v)
        for mention in entity.mentions:
            add(mention.where, lambda w, e=entity, d=details: Span(
                w.start, w.end, "entity", f"{e.type}: {e.name}" + (f" ({d})" if d else ""),
                {"entity": e.name, "type": e.type}, (f"type-{e.type.lower()}",)))
    for number, quote in enumerate(article.quotes):
        speaker = quote.speaker_entity or quote.speaker or "unknown speaker"
        add(quote.where, lambda w, q=quote, s=speaker, n=number: Span(
            w.start, w.end, "quote",
            f"{'Quote' if q.direct else 'Paraphrase'} by {s}" + (f" ({q.cue})" if q.cue else ""),
            {"speaker": s}, ("direct" if q.direct else "indirect",), f"— {s}", f"quote-{n}"))
    for timex in article.dates:
        add(timex.where, lambda w, t=timex: Span(
            w.start, w.end, "time", f"{t.type} {t.value or '?'}" + (f" {t.mod}" if t.mod else ""),
            {"value": t.value or ""}))
    for count in article.counts:
        add(count.where, lambda w, c=count: Span(
            w.start, w.end, "count", _count_title(c), {"value": _number(c.value)}))
    for number, event in enumerate(article.events):
        add(event.where, lambda w, e=event, n=number: Span(
            w.start, w.end, "event", _event_title(e), {"cameo": e.cameo, "mode": e.mode},
            (f"quad-{e.quad_class or 0}",), None, f"event-{n}"))
    return spans


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _count_title(count) -> str:
    value = _number(count.value)
    if count.value_max is not None:
        value += f"–{_number(count.value_max)}"
    parts = [f"count {value}", count.unit or "", count.about or ""]
    return " ".join(p for p in parts if p)


def _event_title(event) -> str:
    source = event.source or event.source_code or "?"
    actors = f"{source} → {event.target or event.target_code or '-'}"
    code = " ".join(p for p in (event.cameo, event.plover) if p)
    return f"event {code} ({event.mode}): {actors}"
