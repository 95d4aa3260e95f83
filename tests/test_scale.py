"""Runs in several processes: the same store as one process, Ctrl-C, the summary line."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, store_contents
from dateline.pipeline import run_into_store
from dateline.pipeline.runners import InProcess, LocalPool, runner_for
from dateline.pipeline.work import KnownIds, batches
from dateline.settings import Settings, load_settings
from dateline.store import Store

# Small texts written for these tests: events, quotes, places, one syndicated twice.
TEXTS = {
    "ministers.txt": "Ministers meet in Lisbon over fishing quotas\n\nThe fisheries ministers "
    "of Portugal and Spain met in Lisbon on Friday to settle this year's sardine quotas, "
    "officials said.\n\n\"We want a fair share for our fleets,\" the Spanish minister, Rosa "
    "Ibarra, told reporters.\n",
    "strike.txt": "Dockers strike in Rotterdam\n\nAbout 2,000 dock workers walked off the job "
    "in Rotterdam on Monday, halting container traffic at Europe's largest port.\n\nThe "
    "union accused the port operator of breaking a wage agreement.\n",
    "aid.txt": "Japan pledges flood aid to Pakistan\n\nJapan promised $20 million in "
    "emergency aid to Pakistan on Wednesday after floods displaced 300,000 people in Sindh "
    "province.\n",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "aid-copy.txt").write_text(TEXTS["aid.txt"], encoding="utf-8")  # syndicated
    (folder / "broken.bin").write_bytes(b"\x00\xff" * 64)
    for example in (ROOT / "examples").iterdir():
        shutil.copy(example, folder / example.name)
    return folder


def _run(inputs: Path, db: Path, workers: int, **options) -> object:
    settings = Settings(batch_size=2, workers=workers, **options)
    with Store(db) as store:
        return run_into_store([str(inputs)], store, settings, runner=runner_for(settings))


def test_two_workers_store_exactly_what_one_process_stores(inputs, tmp_path):
    one = _run(inputs, tmp_path / "one.db", workers=1)
    two = _run(inputs, tmp_path / "two.db", workers=2)
    assert (two.read, two.stored, two.present, two.failed) == \
        (one.read, one.stored, one.present, one.failed)
    assert one.stored >= 8 and one.present >= 1 and one.failed == 1
    first, second = store_contents(tmp_path / "one.db"), store_contents(tmp_path / "two.db")
    assert first["event_mentions"] and first["quotes"] and first["places"]
    assert first == second


def test_a_second_parallel_run_only_adds_sightings(inputs, tmp_path):
    db = tmp_path / "again.db"
    _run(inputs, db, workers=1, language=False)
    before = store_contents(db)
    again = _run(inputs, db, workers=2, language=False)
    assert again.stored == 0 and again.present == again.read - again.failed
    assert store_contents(db) == before


def test_a_batch_skips_the_language_stage_for_known_articles():
    from dateline.pipeline.work import process_batch
    from dateline.records import RawDocument

    raw = RawDocument(source="a.txt", origin="a.txt", kind="text", content=TEXTS["aid.txt"])
    settings = Settings(events=False)
    fresh = process_batch([raw], settings)[0].result
    assert fresh.entities
    known = process_batch([raw], settings, KnownIds([fresh.id]))[0].result
    assert known.id == fresh.id and not known.entities and not known.dates


def test_runner_for_picks_processes_by_worker_count():
    assert isinstance(runner_for(Settings(workers=1)), InProcess)
    pool = runner_for(Settings(workers=3))
    assert isinstance(pool, LocalPool) and pool.workers == 3


def test_workers_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_WORKERS", "3")
    assert load_settings().workers == 3
    monkeypatch.setenv("DATELINE_WORKERS", "0")
    with pytest.raises(Exception, match="workers"):
        load_settings()


def test_known_ids_answer_membership():
    known = KnownIds(["44bcb1bfac6bdfcb", "0000000000000001"])
    assert "44bcb1bfac6bdfcb" in known and "0000000000000001" in known
    assert "44bcb1bfac6bdfcc" not in known and "not-an-id" not in known
    assert "44bcb1bfac6bdfcb" not in KnownIds()


def test_batches_keep_order_and_size():
    assert list(batches(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_summary_line_has_time_and_rate(inputs, tmp_path):
    summary = _run(inputs, tmp_path / "s.db", workers=1, language=False)
    assert re.fullmatch(r"read \d+, stored \d+, already present \d+, failed 1 in \d+\.\d s "
                        r"\(\d+\.\d\d articles/s\)", summary.line())


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_after_the_current_batch_and_keeps_what_was_stored(tmp_path, workers):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        (folder / f"{i:03}.txt").write_text(
            f"Council meeting number {i}\n\nThe town council met for the {i}th time on "
            "Monday to discuss the budget for roads, schools and the new library, and voted "
            "to hear the residents of the harbour district at its next session.\n\nThe "
            "mayor said the council would publish its decisions within a week.\n")
    db = tmp_path / "ctrl-c.db"
    env = dict(os.environ, DATELINE_BATCH_SIZE="5", PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "run", "--no-language", "--workers",
         str(workers), "--db", str(db), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)
    # wait until the run is storing, then interrupt it as a terminal's Ctrl-C would
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("stored "):
            break
    os.killpg(process.pid, signal.SIGINT)  # to the whole group, workers too, as a terminal does
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    summary = out.splitlines()[-1]
    match = re.fullmatch(r"read (\d+), stored (\d+), already present 0, failed 0 in .*", summary)
    assert match, summary
    read, stored = int(match[1]), int(match[2])
    assert 0 < stored < 200 and read == stored and stored % 5 == 0  # whole batches only
    assert "Traceback" not in err and "stopped by Ctrl-C" in err
    with Store(db) as store:
        assert store.count() == stored
    rest = subprocess.run([sys.executable, "-m", "dateline.cli", "run", "--no-language",
                           "--workers", "1", "-q", "--db", str(db), str(folder)],
                          capture_output=True, text=True, env=env, check=True)
    assert rest.stdout.splitlines()[-1].startswith(f"read 200, stored {200 - stored}, "
                                                   f"already present {stored}, failed 0")


def test_parquet_in_one_process_writes_each_article_once(inputs, tmp_path):
    import pyarrow.dataset as ds

    from dateline.pipeline.parquet import run_into_parquet

    settings = Settings(batch_size=1, workers=1, events=False)
    summary = run_into_parquet([str(inputs)], tmp_path / "out", settings)
    with Store(tmp_path / "same.db") as store:
        run_into_store([str(inputs)], store, settings)
        quotes = store.db.execute("SELECT count(*) FROM quotes").fetchone()[0]
        dates = store.db.execute("SELECT count(*) FROM time_expressions").fetchone()[0]
    tables = tmp_path / "out"
    ids = ds.dataset(tables / "articles", partitioning="hive").to_table()["id"].to_pylist()
    assert len(ids) == len(set(ids)) == summary.stored and summary.present >= 1
    sightings = ds.dataset(tables / "sightings", partitioning="hive").to_table()
    assert set(sightings["article_id"].to_pylist()) == set(ids)
    assert quotes and ds.dataset(tables / "quotes", partitioning="hive").count_rows() == quotes
    assert ds.dataset(tables / "time_expressions", partitioning="hive").count_rows() == dates
    assert not list(tables.rglob(".*.tmp"))


def test_parquet_run_again_over_the_same_inputs_adds_no_row(inputs, tmp_path):
    import pyarrow.dataset as ds

    from dateline.pipeline.parquet import COLUMNS, run_into_parquet

    settings = Settings(batch_size=2, workers=1, language=False)
    out = tmp_path / "out"
    first = run_into_parquet([str(inputs)], out, settings)

    def rows() -> dict[str, int]:
        return {table: ds.dataset(out / table, partitioning="hive").count_rows()
                for table in COLUMNS if (out / table).exists()}

    before = rows()
    again = run_into_parquet([str(inputs)], out, settings)
    assert again.stored == 0 and again.present == first.stored + first.present
    assert rows() == before and before["sightings"] >= first.stored


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(monkeypatch):
    from dateline.cli import _Progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert _Progress(quiet=False, total=3).bar is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert _Progress(quiet=True, total=3).bar is None
    shown = _Progress(quiet=False, total=3)
    assert shown.bar is not None and shown.bar.total == 3
    shown.close()


def test_document_count_is_known_for_plain_files_only(inputs):
    from dateline.read.count import count_documents

    plain = [str(inputs / name) for name in TEXTS]
    assert count_documents(plain) == len(TEXTS)
    assert count_documents([str(inputs / "wire.jsonl")]) is None
    assert count_documents(["-"]) is None


def test_errors_raised_in_a_worker_travel_back_whole():
    import pickle

    from dateline.errors import ConfigError, InputError

    error = pickle.loads(pickle.dumps(InputError("feed.jsonl (line 3)", "not valid JSON")))
    assert (error.origin, error.reason) == ("feed.jsonl (line 3)", "not valid JSON")
    assert str(pickle.loads(pickle.dumps(ConfigError("bad value")))) == "bad value"
