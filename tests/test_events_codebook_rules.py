"""Rules of the PETRARCH side of issue 9, grounded in the CAMEO 2.0 codebook.

Sentences written for these tests, coded with the shipped dictionaries (real
countries). Each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from dateline.bench.events import _differences
from dateline.events.coder import code_sentence, default_coder

DATE = "2023-06-01"


@pytest.fixture
def code(nlp):
    coder = default_coder()

    def _code(text: str):
        events = code_sentence(nlp(text), coder.actors, coder.verbs, date=DATE)
        return {(e.source_code, e.target_code, e.code, e.mode) for e in events}

    return _code


@pytest.mark.parametrize("text", [
    "The Peruvian president did not even meet the Chilean envoy.",
    "Bolivia did not ever attack Paraguay.",
])
def test_not_hung_on_an_adverb_negates_the_verb(code, text):
    assert code(text)
    assert all(mode == "negated" for *_, mode in code(text))


def test_not_only_negates_nothing(code):
    found = code("Ecuador not only condemned Peru but also recalled its ambassador.")
    assert ("ECU", "PER", "111", "occurred") in found


@pytest.mark.parametrize("text", [
    "The Turkish president celebrated Eid with Azerbaijani soldiers in Baku.",
    "The Indian prime minister celebrated Diwali with Nepalese officials.",
])
def test_celebrating_a_feast_with_others_is_a_symbolic_act(code, text):
    assert {c for _, _, c, _ in code(text)} == {"017"}


def test_celebrating_a_success_stays_praise(code):
    found = code("The Kenyan president congratulated Uganda on its election.")
    assert {c[:2] for _, _, c, _ in found} == {"05"}


def test_calling_for_a_boycott_rallies_opposition(code):
    found = code("Ireland called for a boycott against Israel.")
    assert ("IRL", "ISR", "113", "occurred") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian troops marched toward the Ukrainian border.", ("RUSMIL", "UKR", "150")),
    ("Thousands of Chilean students marched against the government.",
     ("CHLEDU", "---GOV", "141")),
])
def test_armed_forces_that_march_show_force_civilians_protest(code, text, expected):
    assert expected in {(s, t, c) for s, t, c, _ in code(text)}


def test_differences_split_misses_extras_and_wrong_codes():
    gold = [("ARN", "GON", "112"), ("ARN", "ROH", "040")]
    predicted = [("ARN", "GON", "111"), ("ROH", "ARN", "040")]
    found = _differences(gold, predicted)
    assert found["missed"] == [("ARN", "ROH", "04")]
    assert found["extra"] == [("ROH", "ARN", "04")]
    assert found["wrong_code"] == [("ARN", "GON", "112")]


def _load_ceiling_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "petrarch_ceiling.py"
    spec = importlib.util.spec_from_file_location("petrarch_ceiling", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ceiling_leaves_out_what_the_codebook_codes_otherwise():
    script = _load_ceiling_script()
    # four gold triples, three predicted: one right, one differing in the full code
    # only (listed at full level), one root miss and extra (listed at root level)
    errors = [
        {"file": "f.xml", "id": "A", "gold": [["X", "Y", "112"]],
         "predicted": [["X", "Y", "111"]], "missed": [], "extra": [],
         "wrong_code": [["X", "Y", "112"]]},
        {"file": "f.xml", "id": "B", "gold": [["X", "Y", "212"]],
         "predicted": [["X", "Y", "173"]], "missed": [["X", "Y", "21"]],
         "extra": [["X", "Y", "17"]], "wrong_code": []},
        {"file": "f.xml", "id": "C", "gold": [["X", "Z", "040"]], "predicted": [],
         "missed": [["X", "Z", "04"]], "extra": [], "wrong_code": []},
    ]
    result = {"details": {"petrarch": {
        "reported_file": "f.xml", "errors": errors,
        "files": {"f.xml": {"counts": {"gold": 4, "predicted": 3, "tp_root": 2,
                                       "tp_full": 1}}}}}}
    listed = {"A": ("full", "dictionary"), "B": ("root", "dictionary")}
    figures = script.ceiling(result, listed)
    assert figures["now"] == {"f1_root": round(4 / 7, 4), "f1_full": round(2 / 7, 4)}
    # B stays missed with its extra; all else perfect: tp 3 of gold 4, predicted 4
    assert figures["ceiling"]["f1_root"] == 0.75
    # A and B lost at full level, each with an extra: tp 2, predicted 4
    assert figures["ceiling"]["f1_full"] == round(4 / 8, 4)
    # without B (root) the file holds 3 gold, 2 predicted, 2 root matches
    assert figures["without_listed"]["f1_root"] == 0.8
    assert figures["root_errors_by_class"] == {"dictionary": 2, "dateline": 1}


@pytest.fixture
def code_invented(nlp):
    from pathlib import Path

    from dateline.events.actors import ActorDictionary

    data = Path(__file__).parent / "data" / "events"
    actors = ActorDictionary.from_files([data / "actors.txt"], [data / "agents.txt"])
    verbs = default_coder().verbs

    def _code(text: str):
        events = code_sentence(nlp(text), actors, verbs, date="2020-01-01")
        return {(e.source_code, e.target_code, e.root) for e in events}

    return _code


def test_a_name_in_apposition_to_a_role_is_who_holds_it(code_invented):
    # the dictionary places Elbereth in Rohan; the phrase makes her Gondor's minister
    assert code_invented("Gondor's minister Elbereth condemned Arnor.") == {
        ("GONGOV", "ARN", "11")}


def test_a_name_beside_no_role_stays_an_actor_of_its_own(code_invented):
    found = code_invented("Gondor's closest friend, Elbereth, condemned Arnor.")
    assert ("ROHGOV", "ARN", "11") in found


def test_an_act_under_a_noun_of_refusal_did_not_happen(code):
    found = code("Chile regretted Peru's refusal to meet the Bolivian envoy.")
    meetings = {(s, t, m) for s, t, c, m in found if c.startswith("04")}
    assert meetings and all(m == "negated" for *_, m in meetings)


def test_a_list_parsed_as_a_modifier_of_its_last_member_keeps_every_member(code_invented):
    # the parser hangs "Arnor" on "Gondor" as nmod and drops the list's last "and"
    found = code_invented("Arnor, Rohan and the awful Gondor welcomed the ceasefire.")
    assert {s for s, t, r in found} == {"ARN", "ROH", "GON"}
