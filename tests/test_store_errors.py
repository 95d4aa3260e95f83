"""A full or read-only disk: one error line, non-zero exit, and what was stored is kept.

Tests run as root, where file permissions do not stop writes, so the disk's refusal
comes from SQLite itself: ``PRAGMA max_page_count`` makes the database full
(SQLITE_FULL, "database or disk is full") and ``PRAGMA query_only`` makes it refuse
writes ("attempt to write a readonly database"), as a full or read-only disk would.
"""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.store import Store

TEXTS = [
    ("Harbour bridge closes for repairs", "The city closed the harbour bridge on Tuesday "
     "after engineers found cracks in two supports, the port authority said."),
    ("River tunnel closes for repairs", "The city closed the river tunnel on Wednesday "
     "after engineers found water in two of its shafts, the transport office said."),
    ("Airport runway closes for repairs", "The city closed the airport's short runway on "
     "Thursday after engineers found cracks in its surface, the airport said."),
]


@pytest.fixture
def inputs(tmp_path):
    for number, (title, body) in enumerate(TEXTS):
        (tmp_path / f"{number}.txt").write_text(f"{title}\n\n{body}\n\n{body.upper()}\n")
    return [str(tmp_path / f"{number}.txt") for number in range(len(TEXTS))]


def _refusing(monkeypatch, pragma: str) -> None:
    """Every Store opened from now on runs ``pragma`` once the schema is in place."""
    opened = Store.__init__

    def __init__(self, path="dateline.db"):
        opened(self, path)
        self.db.execute(pragma)

    monkeypatch.setattr(Store, "__init__", __init__)


def _stored_ids(db) -> list[str]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in connection.execute("SELECT id FROM articles")]


def _run(*args):
    return CliRunner().invoke(cli, ["run", "--no-events", *args], catch_exceptions=False)


def test_a_full_disk_is_one_error_line_and_earlier_articles_are_kept(inputs, tmp_path,
                                                                     monkeypatch):
    db = str(tmp_path / "d.db")
    assert _run("--db", db, inputs[0]).exit_code == 0
    kept = _stored_ids(db)
    with sqlite3.connect(db) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    _refusing(monkeypatch, f"PRAGMA max_page_count = {pages}")
    result = _run("--db", db, *inputs[1:])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {db}: cannot write") and "full" in line
    assert "Traceback" not in result.output
    after = _stored_ids(db)
    assert after[:len(kept)] == kept and len(after) < len(inputs)  # the last one did not fit
    # what the run reported stored before the disk filled up is there
    reported = [line.split()[1] for line in result.stdout.splitlines()
                if line.startswith("stored ")]
    assert after[len(kept):] == reported


def test_a_read_only_database_is_one_error_line_and_nothing_stored_is_lost(inputs, tmp_path,
                                                                          monkeypatch):
    db = str(tmp_path / "d.db")
    assert _run("--db", db, *inputs[:2]).exit_code == 0
    kept = _stored_ids(db)
    _refusing(monkeypatch, "PRAGMA query_only = ON")
    result = _run("--db", db, inputs[2])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {db}: cannot write") and "readonly" in line
    assert _stored_ids(db) == kept and len(kept) == 2
