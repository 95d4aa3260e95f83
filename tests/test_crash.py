"""SIGKILL in the middle of ``dateline run``, then a rerun: nothing lost, nothing twice.

A run over a few documents is killed (SIGKILL, the whole process group) while
reading, while parsing and while writing an article (inside its transaction), each
time resuming the killed run's work; a last run completes it. The store must then
equal the store of one uninterrupted run: the same articles, facts and events, no
duplicate rows, and SQLite's integrity check ok. The runs pause at those steps with
``DATELINE_PAUSE_AT`` (:mod:`dateline.checkpoints`) so the kill lands where meant.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import store_contents

STORIES = [
    ("Arnor and Rohan hold border talks", "Arnor criticised Gondor on Tuesday over the "
     "closure of the border, which has kept traders waiting at the crossing for a week."),
    ("Harbour bridge closes for repairs", "The city of Port Ellery closed the harbour "
     "bridge on Monday after engineers found cracks in two supports, the mayor said."),
    ("Floods cut power to 12,000 homes", "Floods in Lyon cut power to 12,000 homes on "
     "Sunday, and the army sent 300 soldiers to help, officials said."),
    ("Ministers meet in Geneva", "Negotiators from Ukraine met United Nations officials in "
     "Geneva on Thursday to discuss the grain export agreement, a spokesman said."),
    ("Police arrest 40 protesters", "Police in Madrid arrested 40 protesters on Friday "
     "after clashes near parliament, the interior ministry said in a statement."),
    ("Rail strike halts trains", "A rail strike halted most trains across Belgium on "
     "Wednesday, and the unions said they would strike again next month."),
    ("School reopens after storm", "The school in Dover reopened on Monday, two weeks after "
     "a storm tore off part of its roof, the county council said."),
]

@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Five text files and a JSON Lines file of two (the same stories, other words)."""
    folder = tmp_path_factory.mktemp("crash-inputs")
    for number, (title, body) in enumerate(STORIES[:5]):
        (folder / f"{number}.txt").write_text(f"{title}\n\n{body}\n\nPublished 3 March 2021\n")
    (folder / "feed.jsonl").write_text("".join(
        json.dumps({"title": t, "text": b, "url": f"https://example.org/{n}"}) + "\n"
        for n, (t, b) in enumerate(STORIES[5:])))
    return folder


def _command(inputs: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "run", "--quiet", "--db", str(db),
            str(inputs)]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_PAUSE")}
    # batches of two: reading, parsing and writing alternate during the run
    env |= {"DATELINE_BATCH_SIZE": "2", **extra}
    return env


def _run_to_the_end(inputs: Path, db: Path) -> None:
    done = subprocess.run(_command(inputs, db), env=_env(), capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def _killed_at(inputs: Path, db: Path, step: str, tmp_path: Path) -> None:
    """Run until the process pauses at ``step``, then SIGKILL its process group."""
    marker = tmp_path / f"paused-{step.replace(':', '-')}"
    process = subprocess.Popen(_command(inputs, db), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=_env(DATELINE_PAUSE_AT=step, DATELINE_PAUSE_FILE=str(marker)))
    deadline = time.monotonic() + 240
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the run ended before {step}: {process.stderr.read()}")
        assert time.monotonic() < deadline, f"the run never reached {step}"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (clock columns left out), sorted, as a resumed run may write
    them in another order; checks integrity first, and that full-text search works."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        search = connection.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'said'").fetchone()[0]
    tables = {name: sorted(rows, key=repr) for name, rows in store_contents(db).items()}
    tables["search for 'said'"] = [(search,)]
    return tables


def test_killed_runs_resumed_give_the_store_of_one_uninterrupted_run(inputs, tmp_path):
    reference = tmp_path / "reference.db"
    _run_to_the_end(inputs, reference)
    expected = _tables(reference)
    assert len(expected["articles"]) == len(STORIES)
    assert expected["event_mentions"] and expected["places"]

    db = tmp_path / "killed.db"
    # reading the 4th file (two batches stored), parsing the 2nd batch of what is left,
    # writing the 2nd article of what is left (inside its transaction)
    for step in ("read:4", "parse:2", "store:2"):
        _killed_at(inputs, db, step, tmp_path)
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored_before_the_end = len(_tables(db)["articles"])
    assert 0 < stored_before_the_end < len(STORIES)
    _run_to_the_end(inputs, db)

    found = _tables(db)
    for table, rows in expected.items():
        assert found[table] == rows, f"{table} differs from the uninterrupted run"
    ids = [row[0] for row in found["articles"]]
    assert len(ids) == len(set(ids))
