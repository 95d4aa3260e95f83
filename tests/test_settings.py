"""Settings: defaults, then the config file, then DATELINE_* variables, then options."""

from __future__ import annotations

import pytest

from dateline.errors import ConfigError
from dateline.settings import Settings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ("DB", "MAX_BYTES", "MODEL", "LANGUAGE", "EVENTS", "BATCH_SIZE", "CREDITS",
                 "BOILERPLATE"):
        monkeypatch.delenv(f"DATELINE_{name}", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))


def test_defaults_without_file_or_variables():
    assert load_settings() == Settings()


def test_config_file_then_variables_then_options_each_override(tmp_path, monkeypatch):
    (tmp_path / "dateline.toml").write_text(
        'db = "file.db"\nmax_bytes = 1000\ncredits = ["a.txt"]\nlanguage = false\n')
    from_file = load_settings()
    assert (from_file.db, from_file.max_bytes, from_file.credits, from_file.language) == (
        "file.db", 1000, ("a.txt",), False)
    monkeypatch.setenv("DATELINE_MAX_BYTES", "2000")
    monkeypatch.setenv("DATELINE_CREDITS", "b.txt:c.txt")
    from_env = load_settings()
    assert (from_env.db, from_env.max_bytes, from_env.credits) == ("file.db", 2000,
                                                                   ("b.txt", "c.txt"))
    assert from_env.with_options(max_bytes=3000, db=None).max_bytes == 3000
    assert from_env.with_options(db=None).db == "file.db"  # an option not given keeps it


@pytest.mark.parametrize(("content", "message"), [
    ("colour = 'blue'\n", "unknown setting 'colour'"),
    ("max_bytes = 'lots'\n", "setting 'max_bytes'"),
    ("max_bytes = -5\n", "'max_bytes' must be positive"),
    ("language = 'perhaps'\n", "setting 'language'"),
    ("db = \n", "cannot read config file"),
])
def test_bad_config_names_the_key(tmp_path, content, message):
    (tmp_path / "dateline.toml").write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings()


def test_bad_variable_names_the_key(monkeypatch):
    monkeypatch.setenv("DATELINE_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="setting 'batch_size'"):
        load_settings()
