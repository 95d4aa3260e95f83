"""Events named by nouns (issue 9): frames, sides and modes of ``events.nominal``.

Sentences written for these tests, coded with the shipped dictionaries (real
countries). Expectations are (source code, target code, CAMEO root) triples unless a
test says otherwise.
"""

from __future__ import annotations

import pytest

from conftest import triples


def nouns(events) -> list:
    return [e for e in events if "noun" in e.notes]


# ---------------------------------------------------------------- frames

def test_protest_after_a_preposition_of_time_happened(code):
    events = nouns(code("Two people died during protests against the Kenyan government."))
    assert [(e.source_code, e.target_code, e.root, e.mode) for e in events] == [
        ("---OPP", "KENGOV", "14", "occurred")]


@pytest.mark.parametrize("text", [
    "Students launched marches across Nairobi on Friday.",
    "Kenyan students led a march through Nairobi.",
])
def test_a_light_verb_makes_its_subject_the_doer(code, text):
    assert {(e.source_code[3:], e.root) for e in nouns(code(text))} == {("EDU", "14")}


def test_a_participle_of_occurrence_frames_the_noun(code):
    events = nouns(code("With protests spreading across Kenya, the president cancelled "
                        "his trip."))
    assert ("---OPP", None, "14") in triples(events)


@pytest.mark.parametrize("verb", ["engaged", "participated"])
def test_taking_part_in_talks_is_talking(code, verb):
    events = code(f"Kenya {verb} in talks with Uganda on Monday.")
    assert {(e.source_code, e.target_code, e.root) for e in events} == {
        ("KEN", "UGA", "04"), ("UGA", "KEN", "04")}


# ---------------------------------------------------------------- sides

def test_a_clash_of_protesters_and_police_is_riot_and_repression(code):
    events = nouns(code("A man was hurt during a clash between protesters and police."))
    assert {(e.source_code, e.target_code, e.code) for e in events} == {
        ("---OPP", "---COP", "145"), ("---COP", "---OPP", "175")}


def test_a_clash_of_two_armies_stays_a_fight(code):
    events = nouns(code("Clashes between Indian and Pakistani troops broke out."))
    assert {e.root for e in events} == {"19"}


def test_by_names_the_doer_and_of_the_victim(code):
    events = nouns(code("Lawmakers recalled the illegal occupation by Iraq of Kuwait."))
    assert ("IRQ", "KWT", "19") in triples(events)


def test_a_possessive_alone_undergoes_an_arrest(code):
    events = nouns(code("The Kenyan reporter's arrest by Ugandan police drew protests."))
    assert {(e.source_code, e.target_code[:3], e.root) for e in events if e.root == "17"} \
        == {("UGACOP", "KEN", "17")}


def test_an_arrest_without_its_doer_is_no_event(code):
    events = nouns(code("The Kenyan reporter's arrest drew protests."))
    assert not [e for e in events if e.root == "17"]


def test_a_visit_is_hosted(code):
    events = nouns(code("The Kenyan president's trip to Beijing was about trade."))
    assert {("KENGOV", "CHN", "042"), ("CHN", "KENGOV", "043")} <= {
        (e.source_code, e.target_code, e.code) for e in events}


def test_joint_patrols_of_two_countries_are_mutual(code):
    events = nouns(code("Kenyan and Ugandan joint patrols continued along the border."))
    assert {("KEN", "UGA", "06"), ("UGA", "KEN", "06")} <= triples(events)


@pytest.mark.parametrize("text", [
    "The detention lasted a week.",
    "Criticism grew louder in the capital.",
    "Uganda rejected the demands.",
    "Tanzania criticised the naval blockade of Kenya.",  # a role alone is no side
])
def test_an_event_noun_without_its_sides_is_no_event(code, text):
    assert not [e for e in nouns(code(text)) if e.root not in {"14"}]


# ---------------------------------------------------------------- modes

def test_a_dated_meeting_happened(code):
    events = nouns(code("The minister may testify about a May 3 meeting between Kenya "
                        "and Uganda."))
    assert events and {e.mode for e in events} == {"occurred"}


@pytest.mark.parametrize(("text", "mode"), [
    ("Kenya called for talks between Uganda and Tanzania.", "hypothetical"),
    ("Kenya welcomed the planned talks between Uganda and Tanzania.", "future"),
    ("Kenya welcomed next month's talks between Uganda and Tanzania.", "future"),
])
def test_wanted_or_planned_talks_have_not_happened(code, text, mode):
    events = nouns(code(text))
    assert events and {e.mode for e in events} == {mode}


# ---------------------------------------------------------------- undergone, asked

def test_a_subject_that_draws_condemnation_is_its_target(code):
    events = nouns(code("Kenya drew condemnation from Uganda over the arrests."))
    assert ("UGA", "KEN", "11") in triples(events)


def test_a_request_to_someone_named_with_its_doer_is_an_appeal(code):
    events = nouns(code("Lawmakers said Uganda's request to the Kenyan president to "
                        "free the reporters was unusual."))
    assert {(e.source_code, e.target_code, e.root, e.mode) for e in events} == {
        ("UGA", "KENGOV", "02", "occurred")}


def test_who_speaks_during_a_meeting_takes_part_in_it(code):
    events = nouns(code("During a meeting with the Ugandan president, the Kenyan foreign "
                        "minister said trade would grow."))
    assert {("KENGOV", "UGAGOV", "04"), ("UGAGOV", "KENGOV", "04")} <= triples(events)


def test_a_visit_paid_to_a_country_is_a_visit(code):
    events = nouns(code("The Kenyan president paid a visit to Uganda on Monday."))
    assert ("KENGOV", "UGA", "042") in {(e.source_code, e.target_code, e.code)
                                        for e in events}


def test_demands_agreed_to_were_made(code):
    events = nouns(code("Kenya agreed to Uganda's demands to Tanzania."))
    assert {e.mode for e in events if e.root == "10"} == {"occurred"}


@pytest.mark.parametrize(("text", "force"), [
    ("The Kenyan senator's attacks on Ugandan newspapers continued to draw fire.", False),
    ("Lawmakers discussed the Kenyan army's attacks on Somali militants.", True),
])
def test_attacks_by_a_politician_are_no_force(code, text, force):
    assert bool([e for e in nouns(code(text)) if e.root == "19"]) is force
