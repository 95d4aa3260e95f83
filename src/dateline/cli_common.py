"""Helpers the ``dateline`` command modules share: error lines, settings, ``--db``."""

from __future__ import annotations

import functools
import sys

import click

from dateline.errors import DatelineError


def friendly_errors(command):
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


def settings_with(**options):
    from dateline.settings import load_settings

    return load_settings().with_options(**options)


def db_option(command):
    return click.option("--db", default=None, type=click.Path(dir_okay=False),
                        help="SQLite database file (default: dateline.db here).")(command)
