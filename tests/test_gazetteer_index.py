"""The gazetteer's SQLite index: same answers as the index in memory, safe to build twice."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from dateline.places import index
from dateline.places.gazetteer import Gazetteer


def _small() -> Gazetteer:
    """A gazetteer of a few hand-written entries (building the real one takes 20 s)."""
    gaz = Gazetteer()
    gaz.iso3.update({"US": "USA", "FR": "FRA"})
    gaz.iso2.update({"USA": "US", "FRA": "FR"})
    gaz.countries["US"] = gaz.add(("United States", "country", "US", "", 39.8, -98.5,
                                   331_000_000, 6252001), ["United States"], ["America"])
    gaz.admin1_names["US.TX"] = "Texas"
    gaz.admin1s["US.TX"] = gaz.add(("Texas", "admin1", "US", "US.TX", 31.2, -99.3,
                                    29_000_000, 4736286), ["Texas"], [])
    gaz.abbreviations["Tex."] = "US.TX"
    gaz.add(("Paris", "city", "US", "US.TX", 33.66, -95.55, 24_000, 4717560), ["Paris"], [])
    gaz.add(("Paris", "city", "FR", "", 48.85, 2.35, 2_138_551, 2988507), ["Paris"],
            ["Lutece"])
    gaz.add(("Lutece", "city", "FR", "", 48.0, 2.0, 600, 1), ["Lutece"], [])
    gaz.capitals.add(2988507)
    return gaz


def test_the_disk_index_answers_as_the_index_in_memory(tmp_path):
    gaz = _small()
    index.write(gaz, tmp_path / "g.sqlite")
    disk = index.DiskGazetteer(tmp_path / "g.sqlite")
    for name in ("Paris", "PARIS", "Lutece", "Texas", "America", "United States", "Nowhere"):
        assert disk.lookup(name) == gaz.lookup(name), name
    assert [c.country for c in disk.lookup("Paris")] == ["FRA", "USA"]
    assert disk.lookup("Paris")[0].capital and disk.lookup("Paris")[1].admin1 == "Texas"
    assert disk.lookup("Lutece")[0].alias is False and disk.lookup("Lutece")[1].alias is True
    assert disk.country("USA") == gaz.country("USA") == gaz.country("US")
    assert disk.abbreviation("Tex.") == gaz.abbreviation("Tex.")
    assert disk.admin1("US.XX") is None and disk.country("ZZZ") is None


def test_a_lookup_result_can_be_changed_by_the_caller(tmp_path):
    index.write(_small(), tmp_path / "g.sqlite")
    disk = index.DiskGazetteer(tmp_path / "g.sqlite")
    disk.lookup("Paris").clear()
    assert len(disk.lookup("Paris")) == 2  # the memo hands out copies


def test_damaged_or_partial_files_are_not_used(tmp_path):
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert not index._usable(path)
    index.write(_small(), path)
    assert index._usable(path)
    assert not list(tmp_path.glob("*.tmp"))  # the temporary file was renamed or removed


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("DATELINE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert index.cache_dir() == tmp_path / "dateline"
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "mine"))
    assert index.cache_dir() == tmp_path / "mine"
    assert index.index_path().parent == tmp_path / "mine"
    assert index.index_path().name.startswith("gazetteer-500-")


def test_two_processes_writing_the_index_at_once_leave_a_whole_file(tmp_path):
    """Each writer renames a complete file into place; readers never see a partial one."""
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_gazetteer_index import _small
        from dateline.places import index
        for _ in range(5):
            index.write(_small(), index.Path(sys.argv[1]))
    """)
    path = tmp_path / "g.sqlite"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writers = [subprocess.Popen([sys.executable, "-c", script, str(path)], env=env)
               for _ in range(3)]
    assert all(w.wait(timeout=60) == 0 for w in writers)
    assert index._usable(path)
    assert index.DiskGazetteer(path).lookup("Paris")[0].country == "FRA"
    assert not list(tmp_path.glob("*.tmp"))


def test_the_shipped_index_is_built_once_and_then_opened(tmp_path, monkeypatch):
    """``ensure`` does not rebuild a usable index (a stale one of another digest goes)."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    path = index.index_path()
    index.write(_small(), path)  # stands in for the built index
    stale = tmp_path / "gazetteer-500-0000000000000000.sqlite"
    index.write(_small(), stale)
    built = []
    monkeypatch.setattr(index, "build", lambda *_: built.append(1) or _small())
    assert index.ensure() == path and not built
    assert index.ensure(rebuild=True) == path and built == [1]
    assert not stale.exists()
