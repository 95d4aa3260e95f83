"""The whole-article part of the events benchmark agrees with the set's reference scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_path
from dateline.bench.article_events import (
    articles_file,
    gold_article,
    predict,
    read_gold,
    score,
    write_predictions,
)
from dateline.bench.events import codebook_of

ARTICLES = "eval/events/articles"
COMPARED = ("event_f1", "precision", "recall", "full_f1", "mode_accuracy")


def _reference(gold: list[dict], predicted: list[dict], folder: Path) -> dict[str, float]:
    """Figures of ``score.py`` (run as a subprocess) on the same gold and predictions."""
    scorer = shared_path(f"{ARTICLES}/score.py")
    gold_file = folder / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    predicted_file = write_predictions(predicted, folder / "pred.jsonl")
    done = subprocess.run([sys.executable, str(scorer), str(gold_file), str(predicted_file)],
                          capture_output=True, text=True, check=True)
    last = done.stdout.strip().splitlines()[-1]
    pairs = dict(part.split("=") for part in last.split(":", 1)[1].split())
    return {name: float(pairs[name]) for name in COMPARED}


def _event(sentence, cameo, source="", target="", mode="asserted"):
    return {"sentence": sentence, "cameo": cameo, "source_code": source,
            "target_code": target, "mode": mode}


def _predicted(sentence, cameo, source=None, target=None, mode="occurred"):
    return {"sentence": sentence, "cameo": cameo, "cameo_root": cameo[:2],
            "source_code": source, "target_code": target, "mode": mode}


def test_scores_equal_the_reference_scorer_on_made_up_records(tmp_path):
    # Written for this test: statements, modes, curly quotes, a sentence holding two
    # gold events, countries that differ, an article with no prediction at all.
    gold = [
        {"id": "a", "url": "http://x/a", "title": None, "events": [
            _event("the mayor's office fined the firm", "172", "USAGOV", "USABUS"),
            _event("the mayor\u2019s office fined the firm", "172", "USAGOV", "USABUS"),
            _event("Officials met the envoy", "043", "USAGOV", "FRAGOV"),
            _event("Officials said the talks went well", "010", "USAGOV"),
            _event("troops may enter the town", "190", "USAMIL", "", "hypothetical"),
        ]},
        {"id": "b", "url": "http://x/b", "title": None, "events": [
            _event("Rebels shelled the port", "190", "SYRREB", "SYRCVL")]},
    ]
    predicted = [{"url": "http://x/a", "title": None, "events": [
        _predicted("Yesterday the Mayor's office fined the firm twice.", "172", "USAGOV", "USABUS"),
        _predicted("Officials met the envoy in Paris.", "043", "USAGOV", "DEUGOV"),
        _predicted("Officials met the envoy in Paris.", "036", "USAGOV", "DEUGOV"),
        _predicted("Officials said the talks went well.", "010", "USAGOV"),
        _predicted("He warned troops may enter the town.", "190", "USAMIL", None, "occurred"),
        _predicted("Protesters marched downtown.", "141", "USACVL", None, "hypothetical"),
    ]}]
    tally = score(gold, predicted)
    ours = tally.figures(len(gold))
    assert tally.tp == 2 and tally.tp_full == 1 and tally.gold == 4 and tally.predicted == 4
    assert tally.missing == 1
    reference = _reference(gold, predicted, tmp_path)
    assert {name: ours[name] for name in COMPARED} == reference


def test_the_bench_on_real_articles_gives_the_reference_scorers_figures(tmp_path):
    gold = read_gold(shared_path(f"{ARTICLES}/articles.jsonl"))[:3]
    predicted = predict(gold)
    assert all(p["title"] is None for p in predicted)
    ours = score(gold, predicted).figures(len(gold))
    assert {name: ours[name] for name in COMPARED} == _reference(gold, predicted, tmp_path)


def test_the_articles_set_is_recognised_by_its_files(tmp_path):
    assert articles_file(tmp_path) is None
    (tmp_path / "articles.jsonl").write_text('{"id": "x", "events": []}\n')
    assert articles_file(tmp_path) is None  # no text: not a whole-article gold set
    (tmp_path / "articles.jsonl").write_text('{"id": "x", "text": "A.", "events": []}\n')
    assert articles_file(tmp_path) == tmp_path / "articles.jsonl"


def test_gold_text_becomes_paragraphs_without_a_title():
    article = gold_article({"id": "x", "url": "http://x", "published": "2020-01-02",
                            "text": "First line.\n\n  Second line. \nThird."})
    assert article.paragraphs == ["First line.", "Second line.", "Third."]
    assert article.title is None and article.published == "2020-01-02"


@pytest.mark.parametrize(("header", "codebook"), [
    ("#   UD-PETRARCH FUNCTIONAL VALIDATION RECORDS", "CAMEO"),
    ("#   PETRARCH UNIT TEST RECORDS", "WEIS"),
])
def test_petrarch_files_are_told_apart_by_their_header(tmp_path, header, codebook):
    path = tmp_path / "records.xml"
    path.write_text(f"<Validation>\n<!--\n{header}\n-->\n</Validation>\n")
    assert codebook_of(path) == codebook
