"""The command line: output shapes, summaries, errors and exit status."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Harbour bridge closes for repairs\n\nThe city closed the harbour bridge on Tuesday "
        "after engineers found cracks in two supports.\n\nFerries will run every ten minutes "
        "until the bridge reopens, the port authority said.\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT)
    (tmp_path / "two.txt").write_text(TEXT.replace("harbour bridge", "river tunnel"))
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    return tmp_path


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_extract_prints_one_json_record_per_line(runner, inputs):
    result = invoke(runner, "extract", "--no-language", str(inputs / "one.txt"),
                    str(inputs / "two.txt"))
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["title"] for r in records] == ["Harbour bridge closes for repairs"] * 2
    assert result.exit_code == 0


def test_extract_pretty_prints_an_object_for_one_and_an_array_for_several(runner, inputs):
    one = json.loads(invoke(runner, "extract", "--no-language", "--pretty",
                            str(inputs / "one.txt")).output)
    several = json.loads(invoke(runner, "extract", "--no-language", "--pretty",
                                str(inputs / "one.txt"), str(inputs / "two.txt")).output)
    assert isinstance(one, dict) and isinstance(several, list) and len(several) == 2


def test_bad_input_is_one_line_on_stderr_and_the_batch_goes_on(runner, inputs):
    result = invoke(runner, "extract", "--no-language", str(inputs))
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors == [f"dateline: {inputs / 'bad.bin'}: binary file, not HTML, text, WARC or "
                      "JSON Lines"]
    assert len(result.stdout.splitlines()) == 2
    assert result.exit_code == 0


def test_exit_status_is_non_zero_only_when_nothing_could_be_read(runner, inputs):
    assert invoke(runner, "extract", "--no-language", str(inputs / "bad.bin")).exit_code == 1


def test_run_stores_articles_and_ends_with_a_summary_line(runner, inputs, tmp_path):
    db = str(tmp_path / "x.db")
    first = invoke(runner, "run", "--no-language", "--db", db, str(inputs))
    second = invoke(runner, "run", "--no-language", "--db", db, str(inputs))
    summary = r"read 3, stored {}, already present {}, failed 1 in \d+\.\d s \({} articles/s\)"
    rate = r"\d+\.\d\d"
    assert re.fullmatch(summary.format(2, 0, rate), first.stdout.splitlines()[-1])
    assert re.fullmatch(summary.format(0, 2, rate), second.stdout.splitlines()[-1])
    assert sum(line.startswith("stored ") for line in first.stdout.splitlines()) == 2


def test_show_and_search_read_the_store(runner, inputs, tmp_path):
    db = str(tmp_path / "x.db")
    invoke(runner, "run", "--no-language", "--db", db, str(inputs / "one.txt"))
    found = invoke(runner, "search", "--db", db, "ferries").stdout
    article_id = found.split()[0]
    shown = invoke(runner, "show", "--db", db, article_id[:8]).stdout
    assert shown.startswith("Harbour bridge closes for repairs")
    record = json.loads(invoke(runner, "show", "--db", db, "--json", article_id).stdout)
    assert record["id"] == article_id


def test_show_unknown_id_is_one_error_line(runner, tmp_path):
    result = runner.invoke(cli, ["show", "--db", str(tmp_path / "x.db"), "ffff"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no stored article has id 'ffff'")


def test_max_bytes_option_limits_document_size(runner, inputs):
    result = invoke(runner, "extract", "--no-language", "--max-bytes", "50",
                    str(inputs / "one.txt"))
    assert "size limit" in result.stderr and result.exit_code == 1


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"dateline ([a-z-]+)", readme))
    assert set(cli.commands) <= documented, set(cli.commands) - documented


WAR_NEWS = ("Arnor and Rohan hold talks\n\nPublished 3 March 2021\n\n"
            "Arnor criticised Gondor on Tuesday over the closure of the border between "
            "the two countries, which has kept traders waiting at the crossing for a week.\n\n"
            "Ferries on the river will carry goods until the crossing reopens, the harbour "
            "office said in a statement on Wednesday.\n")


def test_user_event_dictionaries_code_their_actors(runner, tmp_path):
    article = tmp_path / "war.txt"
    article.write_text(WAR_NEWS)
    plain = json.loads(invoke(runner, "extract", str(article)).stdout)
    assert not [e for e in plain["events"] if e["source_code"] == "ARN"]
    data = ROOT / "tests" / "data" / "events"
    coded = json.loads(invoke(runner, "extract", "--actors", str(data / "actors.txt"),
                              "--agents", str(data / "agents.txt"), str(article)).stdout)
    assert ("ARN", "GON", "11") in {(e["source_code"], e["target_code"], e["cameo_root"])
                                    for e in coded["events"]}
    assert coded["versions"]["event_dictionaries"] != plain["versions"]["event_dictionaries"]


@pytest.mark.parametrize("option", ["--actors", "--verbs", "--credits", "--boilerplate"])
@pytest.mark.parametrize(("name", "content", "message"), [
    ("nope.txt", None, "nope.txt: no such file"),
    ("binary.txt", b"\x00\x01\xff" * 50, "binary.txt: not a UTF-8 text file"),
])
def test_bad_user_table_is_one_error_line_before_any_work(runner, tmp_path, option, name,
                                                         content, message):
    article = tmp_path / "war.txt"
    article.write_text(WAR_NEWS)
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = runner.invoke(cli, ["run", "--db", str(tmp_path / "x.db"), option,
                                 str(tmp_path / name), str(article)])
    assert result.exit_code != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "stored" not in result.stdout


def test_ci_runs_the_readme_test_command_as_written():
    readme = (ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```")[0]
    commands = quick_start.strip().splitlines()
    assert len(commands) == 2 and all(c.startswith("python3 -m venv .venv && ") for c in commands)
    ci_lines = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci_lines[-1] == commands[1]
