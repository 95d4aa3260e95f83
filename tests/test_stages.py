"""The stages as components: one declared entry point each, ordered by the pipeline alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dateline.pipeline.stages import (
    EVENT_STAGES,
    LANGUAGE_STAGES,
    LanguageOptions,
    annotate,
    stages_for,
)
from dateline.records import Article

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
TEXT = ("Mayor Lina Okafor said on Monday that the city of Lagos would close 12 schools. "
        "Police arrested two protesters in Lagos, officials said.")


def _article() -> Article:
    return Article(id="t1", title="Lagos closes schools", paragraphs=[TEXT],
                   published="2024-05-08", language="en")


def test_stages_run_in_the_documented_order():
    names = [s.name for s in stages_for(LanguageOptions())]
    assert names == ["entities", "quotes", "time", "counts", "places", "events"]


def test_without_events_places_and_events_do_not_run():
    assert [s.name for s in stages_for(LanguageOptions(events=False))] == [
        "entities", "quotes", "time", "counts"]


def test_every_stage_reads_only_what_earlier_stages_or_the_parse_set():
    available = {"segments", "anchor"}
    for stage in LANGUAGE_STAGES + EVENT_STAGES:
        missing = set(stage.reads) - available
        assert not missing, f"{stage.name} reads {missing} before any stage sets it"
        available |= {field.split(".")[0] for field in stage.sets}


@pytest.mark.parametrize("events", [True, False])
def test_each_stage_sets_the_fields_it_declares(events):
    article = annotate([_article()], LanguageOptions(events=events))[0]
    for stage in stages_for(LanguageOptions(events=events)):
        for field in stage.sets:
            value = getattr(article, field.split(".")[0])
            assert value, f"{stage.name} declared {field} but left it empty"
        key, version = stage.version
        assert article.versions[key] == version
    if not events:
        assert article.places == [] and article.events == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_the_two_cli_modules_do_not_import_each_other():
    assert "dateline.cli" not in _imports(SRC / "cli_query.py")
    common = _imports(SRC / "cli_common.py")
    assert not any(name.startswith("dateline.cli") for name in common)


def test_no_stage_package_runs_another_stage():
    """Stages may share helpers, but only the pipeline calls a stage's ``run``."""
    for package in ("entities", "quotes", "time", "counts", "places", "events"):
        for path in (SRC / package).glob("*.py"):
            text = path.read_text()
            imports = _imports(path)
            assert ".STAGE" not in text, path
            assert not any(name.startswith("dateline.pipeline") for name in imports), path
