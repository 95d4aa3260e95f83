"""Tables cached in the user's cache folder: same results as building them, rebuilt when
their data changes or their file is damaged, and a folder that cannot be written works."""

from __future__ import annotations

import gc
import os
import time

import py3langid
import pytest

from dateline import cachefiles
from dateline.article import language_model
from dateline.events import verbs
from dateline.events.dictionaries import shipped_text
from dateline.resident import resident

TEXTS = ("Rebels attacked the town on Monday, the army said in a statement.",
         "Le gouvernement a annoncé une nouvelle loi sur les retraites mardi.",
         "Die Regierung hat am Dienstag ein neues Gesetz vorgestellt.",
         "El presidente viajó a Madrid para reunirse con los ministros.")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def unwritable(tmp_path, monkeypatch):
    """A cache folder that cannot be made (its parent is a file; root ignores modes)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(blocker / "cache"))
    return blocker / "cache"


def _built() -> verbs.VerbDictionary:
    """The shipped verb dictionary compiled from its text, no cache involved."""
    built = verbs.VerbDictionary()
    for name in verbs.SHIPPED:
        built.read(shipped_text(name))
    return built


def _assert_same(a: verbs.VerbDictionary, b: verbs.VerbDictionary) -> None:
    assert a.synsets == b.synsets
    assert a.blocks == b.blocks  # names, codes and every compiled pattern
    assert a.index == b.index    # every verb form, with its block


# -- checked files ---------------------------------------------------------------


def test_a_checked_file_is_read_back_and_a_damaged_one_is_refused(tmp_path):
    path = tmp_path / "t-1.bin"
    cachefiles.write_checked(path, b"payload " * 100)
    assert cachefiles.read_checked(path) == b"payload " * 100
    data = path.read_bytes()
    path.write_bytes(data[:-10])  # cut short
    assert cachefiles.read_checked(path) is None
    path.write_bytes(data[:50] + bytes([data[50] ^ 1]) + data[51:])  # one bit flipped
    assert cachefiles.read_checked(path) is None
    path.write_bytes(data + b"more")  # longer than written
    assert cachefiles.read_checked(path) is None
    assert cachefiles.read_checked(tmp_path / "missing.bin") is None


def test_publishing_renames_a_whole_file_and_removes_only_old_files_of_the_table(tmp_path):
    old, recent, other = (tmp_path / "t-old.bin", tmp_path / "t-recent.bin",
                          tmp_path / "tt-x.bin")
    for path in (old, recent, other):
        path.write_bytes(b"x")
    day_ago = time.time() - cachefiles.STALE_AFTER - 60
    os.utime(old, (day_ago, day_ago))
    os.utime(other, (day_ago, day_ago))
    cachefiles.publish(tmp_path / "t-new.bin", lambda p: p.write_bytes(b"new"))
    assert (tmp_path / "t-new.bin").read_bytes() == b"new"
    assert not old.exists()   # another digest, unused for a day
    assert recent.exists()    # another digest still in use (another install)
    assert other.exists()     # another table
    assert not list(tmp_path.glob("*.tmp"))


def test_a_failed_write_leaves_no_file(tmp_path):
    def fail(partial):
        partial.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        cachefiles.publish(tmp_path / "t-1.bin", fail)
    assert list(tmp_path.iterdir()) == []


def test_the_digest_separates_its_parts():
    assert cachefiles.digest(["ab", "c"]) != cachefiles.digest(["a", "bc"])
    assert cachefiles.digest([b"x"]) == cachefiles.digest(["x"])


# -- the verb patterns -----------------------------------------------------------


def test_the_cached_verb_dictionary_equals_the_compiled_one(cache):
    first = verbs.shipped_verbs()  # compiles and writes the cache
    path = verbs.verbs_cache_path()
    assert path.parent == cache and path.is_file()
    second = verbs.shipped_verbs()  # reads it back
    assert second is not first
    built = _built()
    _assert_same(first, built)
    _assert_same(second, built)


def test_each_load_is_a_new_dictionary_that_user_files_can_extend(cache, tmp_path):
    extra = tmp_path / "extra_verbs.txt"
    extra.write_text("--- TESTVERB [042] ---\nZORBLE\n", encoding="utf-8")
    extended = verbs.load_verbs((extra,))
    assert extended.forms("zorble", "zorble")
    assert not verbs.shipped_verbs().forms("zorble", "zorble")  # the cache is untouched


def test_the_cache_is_rebuilt_when_the_shipped_verbs_change(cache, monkeypatch):
    verbs.shipped_verbs()
    before = verbs.verbs_cache_path()

    def changed(name: str) -> str:
        text = shipped_text(name)
        return text + "\n--- TESTVERB [042] ---\nZORBLE\n" if name == "local_verbs.txt" else text

    monkeypatch.setattr(verbs, "shipped_text", changed)
    after = verbs.verbs_cache_path()
    assert after != before
    assert verbs.shipped_verbs().forms("zorble", "zorble")
    assert after.is_file()
    assert verbs.shipped_verbs().forms("zorble", "zorble")  # read from the new file


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign"])
def test_a_damaged_verb_cache_is_rebuilt_not_trusted(cache, damage):
    verbs.shipped_verbs()
    path = verbs.verbs_cache_path()
    data = path.read_bytes()
    if damage == "truncated":  # a half-written file
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1:])
    else:  # whole and checked, but not a pickle of a dictionary
        cachefiles.write_checked(path, b"not a pickle")
    _assert_same(verbs.shipped_verbs(), _built())
    assert path.read_bytes() == data  # written again


def test_verbs_load_when_the_cache_folder_cannot_be_written(unwritable):
    loaded = verbs.shipped_verbs()
    _assert_same(loaded, _built())
    assert not unwritable.exists()


# -- the language identifier -----------------------------------------------------


def test_the_cached_language_model_classifies_as_py3langid(cache):
    first = language_model._cached_identifier()  # decompresses and writes the cache
    (path,) = cache.glob("langid-*.npz")
    second = language_model._cached_identifier()  # reads it back
    for text in TEXTS:
        assert first.classify(text) == second.classify(text) == py3langid.classify(text)
    assert language_model.ensure() == path


@pytest.mark.parametrize("damage", ["truncated", "flipped"])
def test_a_damaged_language_model_is_rebuilt_not_trusted(cache, damage):
    path = language_model.ensure()
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:
        at = len(data) // 3  # inside the first array: its CRC-32 fails
        path.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:])
    identifier = language_model._cached_identifier()
    assert [identifier.classify(t) for t in TEXTS] == [py3langid.classify(t) for t in TEXTS]
    assert path.stat().st_size == len(data)
    assert path.read_bytes() == data


def test_the_language_model_loads_when_the_cache_folder_cannot_be_written(unwritable):
    identifier = language_model._cached_identifier()
    assert [identifier.classify(t) for t in TEXTS] == [py3langid.classify(t) for t in TEXTS]
    assert not unwritable.exists()


# -- building without the collector ----------------------------------------------


def test_resident_pauses_the_collector_and_restores_it():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with resident():
        assert not gc.isenabled()
        table = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(table)
    with pytest.raises(ValueError), resident():
        raise ValueError("a build that fails")
    assert gc.isenabled()


def test_resident_keeps_a_collector_switched_off_by_the_caller():
    gc.disable()
    try:
        with resident():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
