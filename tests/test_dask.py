"""Runs on a Dask cluster (a LocalCluster of two worker processes on 127.0.0.1), and
Parquet written by the workers."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from conftest import ROOT, store_contents
from dateline.errors import DatelineError
from dateline.pipeline import run_into_store
from dateline.pipeline.cluster import DaskRunner
from dateline.pipeline.parquet import COLUMNS, PARTITION, run_into_parquet
from dateline.settings import Settings
from dateline.store import Store
from test_scale import TEXTS

distributed = pytest.importorskip("distributed") if os.environ.get("CI") != "true" \
    else __import__("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as local, \
            distributed.Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask-inputs")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "aid-copy.txt").write_text(TEXTS["aid.txt"], encoding="utf-8")
    (folder / "broken.bin").write_bytes(b"\x00\xff" * 64)
    for example in ("wire.jsonl", "harbour-bridge-dump.txt"):
        shutil.copy(ROOT / "examples" / example, folder / example)
    return folder


def _store_run(inputs: Path, db: Path, runner=None, on_outcome=None, **options):
    settings = Settings(batch_size=1, workers=1, **options)
    with Store(db) as store:
        return run_into_store([str(inputs)], store, settings, on_outcome,
                              runner=runner(settings) if runner else None)


def test_a_dask_run_stores_what_one_process_stores(cluster, inputs, tmp_path):
    local, _ = cluster
    one = _store_run(inputs, tmp_path / "one.db")
    on_dask = _store_run(inputs, tmp_path / "dask.db",
                         lambda s: DaskRunner(s, local.scheduler_address))
    assert (on_dask.read, on_dask.stored, on_dask.present, on_dask.failed) == \
        (one.read, one.stored, one.present, one.failed)
    contents = store_contents(tmp_path / "one.db")
    assert contents["event_mentions"] and contents["quotes"]
    assert store_contents(tmp_path / "dask.db") == contents


def test_parquet_from_dask_workers_holds_each_article_once(cluster, inputs, tmp_path):
    import pyarrow.dataset as ds

    local, _ = cluster
    settings = Settings(batch_size=1, language=False)
    out = tmp_path / "tables"
    first = run_into_parquet([str(inputs)], out, settings, dask=local.scheduler_address)
    with Store(tmp_path / "same.db") as store:
        in_sqlite = run_into_store([str(inputs)], store, settings)
        ids = sorted(store.iter_ids())
        sightings = store.db.execute("SELECT count(*) FROM sightings").fetchone()[0]
    assert (first.stored, first.present, first.failed) == \
        (in_sqlite.stored, in_sqlite.present, in_sqlite.failed)
    articles = ds.dataset(out / "articles", partitioning="hive").to_table()
    assert sorted(articles["id"].to_pylist()) == ids
    assert PARTITION in articles.column_names
    assert ds.dataset(out / "sightings", partitioning="hive").count_rows() == sightings
    assert set(p.name for p in out.iterdir()) <= set(COLUMNS)
    # a second run over the same inputs adds no article and no sighting
    again = run_into_parquet([str(inputs)], out, settings)
    assert again.stored == 0 and again.present == first.stored + first.present
    assert ds.dataset(out / "articles", partitioning="hive").count_rows() == len(ids)
    assert ds.dataset(out / "sightings", partitioning="hive").count_rows() == sightings


def test_a_worker_killed_mid_run_loses_nothing_and_counts_nothing_twice(cluster, inputs,
                                                                          tmp_path):
    local, client = cluster
    _store_run(inputs, tmp_path / "calm.db", events=False)
    pids = list(client.run(os.getpid).values())
    killed = []

    def kill_one_worker(outcome, status):
        if not killed:  # the first batch is back; others are running on both workers
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    summary = _store_run(inputs, tmp_path / "killed.db",
                         lambda s: DaskRunner(s, local.scheduler_address), kill_one_worker,
                         events=False)
    assert killed and summary.failed == 1
    assert store_contents(tmp_path / "killed.db") == store_contents(tmp_path / "calm.db")


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DatelineError, match=r'pip install "dateline\[dask\]"'):
        DaskRunner(Settings(), "local")
