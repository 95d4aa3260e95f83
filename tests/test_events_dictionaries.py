"""The readers of the PETRARCH dictionary formats and the CAMEO codebook lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events import codebook, intent, nominal
from dateline.events.actors import ActorDictionary, combine_codes, resolve, split_code
from dateline.events.dictionaries import (
    normalise_date,
    phrase_words,
    read_actor_table,
    read_actors,
    read_agents,
    read_discards,
    write_actor_table,
)
from dateline.events.verbs import VerbDictionary, parse_codes

DATA = Path(__file__).parent / "data" / "events"


def _actors() -> dict:
    entries = read_actors((DATA / "actors.txt").read_text())
    return {entry.phrase: entry for entry in entries}


@pytest.mark.parametrize("phrase", [("arnor",), ("arnorian",), ("minas", "tirith")])
def test_actor_reader_gives_synonyms_the_code_of_their_record(phrase):
    actors = _actors()
    expected = "GON" if phrase == ("minas", "tirith") else "ARN"
    assert actors[phrase].code_on("20200101") == expected


@pytest.mark.parametrize(("date", "code"), [
    ("19990601", "ARN"), ("20050101", "ARNGOV"), ("20150101", "ARNREB"),
])
def test_actor_code_follows_its_date_restriction(date, code):
    assert _actors()[("hamfast", "gamgee")].code_on(date) == code


@pytest.mark.parametrize(("text", "expected"), [
    ("090120", "20090120"), ("451231", "19451231"), ("20121109", "20121109"),
])
def test_six_digit_dictionary_dates_pivot_at_2030(text, expected):
    assert normalise_date(text) == expected


def test_actor_table_round_trips_dated_codes():
    entries = read_actors((DATA / "actors.txt").read_text())
    again = read_actor_table(write_actor_table(entries))
    assert [(e.phrase, e.codes) for e in again] == [(e.phrase, e.codes) for e in entries]


@pytest.mark.parametrize("phrase", [
    ("students",), ("congressmen",), ("congresswoman",), ("police",),
])
def test_agent_reader_expands_plurals_and_substitution_sets(phrase):
    found = {e.phrase for e in read_agents((DATA / "agents.txt").read_text())}
    assert phrase in found


def test_agent_reader_keeps_no_plural_for_empty_braces():
    found = {e.phrase for e in read_agents((DATA / "agents.txt").read_text())}
    assert ("polices",) not in found


def test_agent_code_with_trailing_tilde_goes_before_the_country():
    agents = {e.phrase: e for e in read_agents((DATA / "agents.txt").read_text())}
    assert agents[("msf",)].before and not agents[("police",)].before


@pytest.mark.parametrize(("text", "words"), [
    ("BARAD-DUR", ("barad", "-", "dur")),
    ("PEOPLE'S_ARMY", ("people", "'s", "army")),
    ("U.S._ARMY_", ("u.s.", "army")),
])
def test_phrases_split_like_the_parser_splits_words(text, words):
    assert phrase_words(text) == words


def test_discard_reader_marks_story_discards_with_plus():
    entries = read_discards("BASEBALL\n+WORLD CUP  # sport\n")
    assert [(d.phrase, d.story) for d in entries] == [
        (("baseball",), False), (("world", "cup"), True)]


VERBS = """
&FOOD
+RICE
+GRAIN_

--- GRANT [070] ---
GIVE {GAVE GIVEN}
DONATE [071]
- * &FOOD [073]
- * (TO REFUGEES) [0733]
"""


def test_verb_reader_reads_blocks_verbs_patterns_and_synsets():
    verbs = VerbDictionary().read(VERBS)
    block = verbs.forms("give", "gave")[0].block
    assert block.code == "070"
    assert [p.code for p in block.patterns] == ["073", "0733"]
    assert ("rices",) in verbs.synsets["FOOD"] and ("grains",) not in verbs.synsets["FOOD"]


def test_verb_line_code_overrides_its_block_code():
    verbs = VerbDictionary().read(VERBS)
    form = verbs.forms("donate", "donate")[0]
    assert form.has_code and form.code == "071"


def test_later_verb_file_adds_to_a_block_of_the_same_name():
    verbs = VerbDictionary().read(VERBS).read("--- GRANT [070] ---\nBESTOW\n")
    assert verbs.forms("bestow", "bestow")[0].block is verbs.forms("give", "give")[0].block


def test_later_verb_file_pattern_with_the_same_words_replaces_the_earlier():
    verbs = VerbDictionary().read(VERBS).read("--- GRANT [070] ---\n- * &FOOD [0733]\n")
    block = verbs.forms("give", "give")[0].block
    assert [(p.text, p.code) for p in block.patterns] == [
        ("* (TO REFUGEES)", "0733"), ("* &FOOD", "0733")]


def test_later_verb_file_takes_a_verb_out_of_a_block():
    verbs = VerbDictionary().read(VERBS).read(
        "--- GRANT [070] ---\n!GIVE {GAVE GIVEN}\n--- HAND [074] ---\nGIVE {GAVE}\n")
    assert [f.block.name for f in verbs.forms("give", "give")] == ["HAND"]
    assert [f.block.name for f in verbs.forms("gave", "gave")] == ["HAND"]
    assert verbs.forms("given", "given") == []
    assert [f.block.name for f in verbs.forms("donate", "donate")] == ["GRANT"]


def test_repeated_pattern_within_one_file_keeps_both():
    verbs = VerbDictionary().read(VERBS + "- * &FOOD [074]\n")
    block = verbs.forms("give", "give")[0].block
    assert [p.code for p in block.patterns] == ["073", "0733", "074"]


@pytest.mark.parametrize(("intent_code", "refusal"), [("0333", "1223"), ("036", "125")])
def test_refusal_of_an_intent_code_refuses_the_deed_it_intends(intent_code, refusal):
    assert intent.refusal_code(intent_code) == refusal


@pytest.mark.parametrize(("governor", "act", "code"), [
    ("020", "084", "0253"), ("020", "046", "026"), ("100", "073", "1033"),
    ("130", "163", "1312"), ("130", "190", "138"), ("051", "190", None),
])
def test_appeal_demand_and_threat_take_the_code_of_the_governed_act(governor, act, code):
    assert intent.governed_code(governor, act) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Arnor launched air strikes.", "195"), ("Arnor launched strikes.", None),
    ("The talks ended.", "046"),
])
def test_event_noun_table_tries_two_words_before_one(nlp, text, code):
    noun = next(t for t in reversed(nlp(text)) if t.pos_ == "NOUN")
    assert nominal.code_of(noun) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Officials criticised Gondor.", "---GOV"), ("The forces withdrew.", "---MIL"),
])
def test_local_agents_add_news_role_nouns(nlp, text, code):
    head = next(t for t in nlp(text) if t.dep_ == "nsubj")
    assert [a.code for a in resolve(head, ActorDictionary.default())] == [code]


@pytest.mark.parametrize(("text", "codes"), [
    ("042:043", ("042", "043")), ("---", (None, None)), (":054", (None, "054")),
    ("190", ("190", None)),
])
def test_pattern_codes_read_source_and_reverse_parts(text, codes):
    assert parse_codes(text) == codes


def test_user_dictionaries_extend_the_shipped_ones(tmp_path):
    extra = tmp_path / "extra.actors.txt"
    extra.write_text("FREEDONIA_ [FRD]\n")
    actors = ActorDictionary.default().extend([extra])
    assert ("freedonia",) in {e.phrase for e in actors.actors}
    assert ("mexico",) in {e.phrase for e in actors.actors}


@pytest.mark.parametrize(("code", "parts"), [
    ("USAGOV", ("USA", "GOV")), ("IGOUNO", (None, "IGO")), ("---JUD", (None, "JUD")),
])
def test_actor_codes_split_into_country_and_sector(code, parts):
    assert split_code(code) == parts


def test_combining_codes_does_not_repeat_an_agent():
    assert combine_codes("USAGOV", "GOVMED") == "USAGOVMED"


@pytest.mark.parametrize(("code", "plover"), [
    ("043", "CONSULT"), ("020", "REQUEST"), ("0251", "REQUEST"), ("010", None),
    ("163", "COERCE"), ("084", "RETREAT"), ("080", "CONCEDE"), ("1712", "ASSAULT"),
])
def test_plover_type_follows_the_2021_table_with_appeals_as_requests(code, plover):
    assert codebook.plover(code) == plover


@pytest.mark.parametrize(("code", "quad"), [
    ("010", 1), ("057", 1), ("061", 2), ("112", 3), ("130", 3), ("141", 4), ("160", 4),
    ("190", 4),
])
def test_quad_class_is_gdelts_by_root(code, quad):
    assert codebook.quad_class(code) == quad


def test_goldstein_of_a_code_without_a_value_is_its_parents():
    assert codebook.goldstein("1241") == codebook.goldstein("124")
    assert codebook.goldstein("019") == codebook.goldstein("01")


@pytest.mark.parametrize(("old", "new"), [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"),
    ("INVESTIGATE", "ACCUSE"), ("PROTEST", "PROTEST"),
])
def test_old_plover_types_map_to_2021_names(old, new):
    assert codebook.plover_type(old) == new
