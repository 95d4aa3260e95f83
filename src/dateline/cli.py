"""The ``dateline`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Errors that
dateline raises on purpose (``DatelineError``) become one ``Error: ...`` line on
standard error and exit status 1; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from dateline import __version__
from dateline.errors import DatelineError


def _friendly_errors(command):
    """Turn a ``DatelineError`` into one line on stderr (traceback with --debug)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except DatelineError as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group()
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def cli(debug: bool) -> None:
    """dateline: raw news in; clean articles, entities, quotes, time, counts and events out."""


@cli.command()
@click.argument("task")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path),
              help="The gold set's folder (or file).")
@click.option("--limit", type=int, default=None, help="Score only the first N items.")
@click.option("--model", default=None, help="spaCy model for language benchmarks.")
@_friendly_errors
def bench(task: str, data: Path, limit: int | None, model: str | None) -> None:
    """Measure TASK over a gold set; JSON goes to bench/results/.

    TASK is one of: extract, dates, dumps, quotes, time, counts, ner, speed, events, geo.
    The last line printed is ``TASK: name=value ...``.
    """
    from dateline.bench import run_task

    options = {"limit": limit, "model": model}
    result, path = run_task(task, data, options)
    click.echo(f"wrote {path}")
    click.echo(result.last_line())


def main() -> None:
    """Entry point of the ``dateline`` console script."""
    cli(prog_name="dateline")


if __name__ == "__main__":
    main()
