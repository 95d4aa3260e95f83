"""Commands that read a store: ``events``, ``quotes``, ``entities`` and ``export``.

Each opens the database (never creating one), calls one function of
:mod:`dateline.query` or :mod:`dateline.export`, and prints: a table by default, JSON
Lines with ``--json``. Errors become one ``Error:`` line (see ``dateline.cli``).
The lead registers them on the ``dateline`` group with ``cli.add_command``.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap

import click

from dateline.cli_common import db_option, friendly_errors, settings_with
from dateline.export import FOLDER_FORMATS, FORMATS

#: Widest a table cell gets before it is cut with an ellipsis.
CELL = 32


def _limit_option(command):
    return click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0),
                        help="How many results at most (0 = all).")(command)


def _json_option(command):
    return click.option("--json", "as_json", is_flag=True,
                        help="Print JSON Lines (one object per result) instead of a table.")(
                            command)


def _open(db):
    from dateline.query import open_store

    return open_store(settings_with(db=db).db)


def _cut(text: object, width: int = CELL) -> str:
    text = "" if text is None else " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _table(headers: list[str], rows: list[list[str]], notes: list[str] | None = None) -> str:
    """Aligned columns; ``notes[i]`` (if any) printed indented under row i."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for i, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if notes and notes[i]:
            lines.append(textwrap.fill(notes[i], width=100, initial_indent="    ",
                                       subsequent_indent="    "))
    return "\n".join(lines)


def _none(what: str) -> None:
    click.echo(f"no matching {what}", err=True)


def _actor(name: str | None, code: str | None) -> str:
    if name and code:
        return f"{_cut(name, 24)} ({code})"
    return _cut(name or code or "-")


def _event_cells(data: dict) -> list[str]:
    place = data["place"] or {}
    where = ", ".join(p for p in (place.get("name"), place.get("country")) if p) or "-"
    event = " ".join(p for p in (data["cameo"], data["plover"]) if p)
    if not data["occurred"]:
        event += f" ({data['mode']})"
    return [data["date"] or "-", _actor(data["source"], data["source_code"]), event,
            _actor(data["target"], data["target_code"]), _cut(where, 28),
            str(data["num_mentions"]), str(data["num_sources"]), str(data["num_articles"])]


@click.command()
@db_option
@click.option("--actor", help="Source or target name or code contains TEXT (any case).")
@click.option("--country", help="Source or target country (ISO 3166 alpha-3, e.g. MEX).")
@click.option("--type", "event_type",
              help="CAMEO code prefix (04, 043) or PLOVER type (CONSULT).")
@click.option("--since", help="Events on or after DATE (YYYY-MM-DD, the article's own time).")
@click.option("--until", help="Events on or before DATE (YYYY-MM-DD).")
@click.option("--all-modes", is_flag=True,
              help="Include events that did not occur as stated (negated, hypothetical, ...).")
@_json_option
@_limit_option
@friendly_errors
def events(db, actor, country, event_type, since, until, all_modes, as_json, limit) -> None:
    """List merged events: who did what to whom, when, where, how often reported.

    M, S and A are GDELT's NumMentions, NumSources and NumArticles; the indented line
    is one sentence that reports the event.
    """
    from dateline.query import EventQuery, find_events

    query = EventQuery(actor=actor, country=country, type=event_type, since=since,
                       until=until, all_modes=all_modes, limit=limit or None)
    with _open(db) as store:
        found = [event.to_dict() for event in find_events(store, query)]
    if not found:
        return _none("event")
    if as_json:
        for data in found:
            click.echo(json.dumps(data, ensure_ascii=False))
        return
    headers = ["DATE", "SOURCE", "EVENT", "TARGET", "PLACE", "M", "S", "A"]
    click.echo(_table(headers, [_event_cells(d) for d in found],
                      [f"“{d['sentence']}”" for d in found]))


@click.command()
@db_option
@click.option("--speaker", help="Quotes by this person or body: its canonical name, or a "
                                "part of it that names one speaker (any case).")
@click.option("--search", help="Full-text search over the quote text (FTS5 syntax or words).")
@_json_option
@_limit_option
@friendly_errors
def quotes(db, speaker, search, as_json, limit) -> None:
    """List stored quotes, newest articles first (best matches first with --search)."""
    from dateline.query import find_quotes

    with _open(db) as store:
        found = find_quotes(store, speaker=speaker, search=search, limit=limit or None)
    if not found:
        return _none("quote")
    for quote in found:
        if as_json:
            click.echo(json.dumps(quote.to_dict(), ensure_ascii=False))
            continue
        who = quote.speaker_entity or quote.speaker or "(unknown speaker)"
        kind = "direct" if quote.direct else "indirect"
        head = [who, quote.cue or "-", kind, (quote.published or "")[:10] or "-",
                quote.site or quote.article_id]
        click.echo("  ".join(head))
        click.echo(textwrap.fill(f"“{quote.text}”", width=100, initial_indent="    ",
                                 subsequent_indent="    "))


@click.command()
@db_option
@click.option("--type", "entity_type", help="Entity type: PERSON, ORG, GPE, NORP, ...")
@click.option("--name", help="Name contains TEXT (any case).")
@click.option("--sort", "order", type=click.Choice(["quotes", "mentions", "articles"]),
              default="quotes", show_default=True,
              help="Most quoted, most mentioned or in most articles first.")
@_json_option
@_limit_option
@friendly_errors
def entities(db, entity_type, name, order, as_json, limit) -> None:
    """List canonical entities across articles, with their role, country and sector."""
    from dateline.query import find_entities

    with _open(db) as store:
        found = find_entities(store, type=entity_type, name=name, order=order,
                              limit=limit or None)
    if not found:
        return _none("entity")
    if as_json:
        for row in found:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    headers = ["NAME", "TYPE", "ARTICLES", "MENTIONS", "QUOTES", "ROLE", "COUNTRY", "SECTOR"]
    rows = [[_cut(r.name), r.type, str(r.articles), str(r.mentions), str(r.quotes),
             _cut(r.role or "-", 24), r.country or "-", r.sector or "-"] for r in found]
    click.echo(_table(headers, rows))


@click.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(FORMATS),
              help="What to write (see docs/export.md).")
@click.option("--out", type=click.Path(), default=None,
              help="Output file (text formats; default standard output) or folder "
                   "(csv, parquet: one file per table).")
@click.option("--all-modes", is_flag=True,
              help="Include events that did not occur as stated (gdelt-*, plover).")
@friendly_errors
def export(db, fmt, out, all_modes) -> None:
    """Write the store as GDELT 2.0 Events/Mentions, GKG 2.1, PLOVER, JSON Lines, CSV or
    Parquet."""
    from dateline.export import export as write

    with _open(db) as store:
        try:
            count = write(store, fmt, out, all_modes=all_modes, stream=sys.stdout)
        except BrokenPipeError:
            # the reader stopped early (`| head`): end quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
    if out is not None:
        click.echo(f"wrote {count} {'rows' if fmt in FOLDER_FORMATS else 'records'} "
                   f"to {out}", err=True)
