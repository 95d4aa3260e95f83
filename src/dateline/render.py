"""Plain-text views of records, for ``dateline show`` and friends."""

from __future__ import annotations

import textwrap

from dateline.records import Article


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def render_article(article: Article) -> str:
    """The article as a reader would want it in a terminal: header, body, facts."""
    lines = [article.title or "(no title)", "=" * min(88, len(article.title or "(no title)"))]
    meta = [("id", article.id), ("site", article.site), ("url", article.url),
            ("published", article.published), ("updated", article.updated),
            ("authors", ", ".join(article.authors)),
            ("contributors", ", ".join(article.contributors)),
            ("language", article.language),
            ("sources", str(len(article.sources)) if len(article.sources) > 1 else None)]
    lines += [f"{name:>12}: {value}" for name, value in meta if value]
    lines.append("")
    lines += [_wrap(p, "") + "\n" for p in article.paragraphs]
    if article.images:
        lines.append(f"Images ({len(article.images)})")
        lines += [_wrap(f"- {i.caption}" + (f" [{i.credit}]" if i.credit else ""))
                  for i in article.images]
        lines.append("")
    lines += _facts(article)
    if article.warnings:
        lines.append("Warnings")
        lines += [f"  - {w}" for w in article.warnings]
    return "\n".join(lines).rstrip() + "\n"


def _facts(article: Article) -> list[str]:
    lines: list[str] = []
    if article.entities:
        lines.append(f"Entities ({len(article.entities)})")
        for e in article.entities:
            extra = ", ".join(x for x in (e.role, e.country, e.sector_label or e.sector) if x)
            lines.append(f"  - {e.name} [{e.type}]" + (f" ({extra})" if extra else "")
                         + f" x{len(e.mentions)}")
        lines.append("")
    if article.quotes:
        lines.append(f"Quotes ({len(article.quotes)})")
        for q in article.quotes:
            kind = "direct" if q.direct else "indirect"
            lines.append(_wrap(f"- {q.speaker or '?'} ({q.cue or '-'}, {kind}): {q.text}"))
        lines.append("")
    if article.dates:
        lines.append(f"Time expressions ({len(article.dates)})")
        lines += [f"  - {t.text!r} {t.type} {t.value}" + (f" {t.mod}" if t.mod else "")
                  for t in article.dates]
        lines.append("")
    if article.counts:
        lines.append(f"Counts ({len(article.counts)})")
        for c in article.counts:
            value = f"{c.value:g}" + (f"-{c.value_max:g}" if c.value_max is not None else "")
            lines.append(f"  - {c.change or '='}{value} {c.unit or ''} {c.about or ''}"
                         f"  ({c.text!r})".replace("  ", " "))
        lines.append("")
    if article.places:
        lines.append(f"Places ({len(article.places)})")
        for p in article.places:
            where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None and p.lon is not None else "?"
            lines.append(f"  - {p.text} -> {p.name} ({p.feature or '?'}, {p.country or '?'}, "
                         f"{where})")
        lines.append("")
    if article.events:
        lines.append(f"Events ({len(article.events)})")
        for e in article.events:
            lines.append(_wrap(
                f"- {e.date or '?'} {e.source or '?'} [{e.source_code or '-'}] "
                f"{e.cameo} {e.plover or ''} {e.target or '?'} [{e.target_code or '-'}]"
                f" ({e.mode}{', caption' if e.from_caption else ''})"))
        lines.append("")
    return lines
