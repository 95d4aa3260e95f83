"""More events found on whole articles (issue 9): general rules, each with its sentences.

Sentences written for these tests, coded with the shipped dictionaries (real
countries, invented people).
"""

from __future__ import annotations

import pytest

from conftest import article_events

# ---------------------------------------------------------------- people by nationality

@pytest.mark.parametrize(("text", "expected"), [
    # the tagger takes "the Brazilians" for a plural name (NNPS) and leaves its lemma
    ("The envoy discussed the delay with the Brazilians.", ("BRA", "04")),
    ("The Kenyans met the Ugandans in Kampala.", ("UGA", "04")),
])
def test_a_people_named_in_the_plural_is_its_country(code, text, expected):
    assert expected in {(e.target_code, e.root) for e in code(text)}


def test_a_plural_name_that_is_no_people_stays_uncoded(code):
    # a family name in the plural is no nationality
    assert not [e for e in code("The Hendersons met the envoy on Monday.")
                if (e.source_code or "").startswith("HEN")]


# ---------------------------------------------------------------- repression of protests

@pytest.mark.parametrize("text", [
    "Soldiers crushed the protests that began in the capital.",
    "The Kenyan police dispersed the demonstrators with batons.",
    "The army quelled the unrest in the north.",
    # the means serves the act it is used for
    "Security forces used lethal force to crush peaceful protests in the capital.",
    "The police used tear gas to disperse the crowd.",
])
def test_crushing_or_dispersing_protests_is_violent_repression(code, text):
    assert "175" in {e.code for e in code(text)}


@pytest.mark.parametrize("text", [
    "The army crushed the rebels in the north.",
    "The army used helicopters to attack the rebels.",
])
def test_force_on_armed_foes_stays_force(code, text):
    events = code(text)
    assert events and all(e.root == "19" for e in events)


# ---------------------------------------------------------------- defending in words

@pytest.mark.parametrize("text", [
    "British Foreign Secretary John Hart defended the party's actions.",
    "Kenya's president defended his government's handling of the protests.",
    "The Nigerian minister defended the decision to close the border.",
])
def test_defending_an_act_or_a_policy_is_verbal_defence(code, text):
    assert "052" in {e.code for e in code(text)}


def test_defending_a_place_against_a_foe_is_no_verbal_defence(code):
    events = code("The Kenyan army defended the town against the rebels.")
    assert "052" not in {e.code for e in events}


# ---------------------------------------------------------------- accusations in the passive

@pytest.mark.parametrize(("text", "target"), [
    ("The Kenyan minister was criticised for his handling of the floods.", "KENGOV"),
    ("Kenya's opposition leader is accused by critics of promoting higher taxes.", "KENOPP"),
])
def test_a_passive_accusation_without_named_accusers_is_an_event(nlp, text, target):
    events = [e for e in article_events(text) if e.cameo_root == "11"]
    assert [(e.target_code, e.source_code, e.mode) for e in events] == [(target, None, "occurred")]


def test_a_passive_accusation_needs_an_actor_accused(nlp):
    assert not article_events("The report was criticised on Monday.")


def test_other_acts_without_a_doer_stay_dropped(nlp):
    # an unnamed doer is kept only for blame: "was praised" says nothing of who praised
    assert not article_events("The Kenyan minister was praised for his handling of the floods.")


# ---------------------------------------------------------------- looking into

@pytest.mark.parametrize("text", [
    "Kenyan police are looking into whether the victim was a good Samaritan.",
    "Kenyan prosecutors looked into the deal with Uganda.",
])
def test_looking_into_a_matter_is_investigating_it(code, text):
    assert "09" in {e.root for e in code(text)}


def test_looking_into_a_thing_is_no_investigation(code):
    assert not code("The Kenyan minister looked into the box.")


# ---------------------------------------------------------------- two parties of one code

def test_a_mutual_act_of_two_parties_with_one_code_keeps_both_directions(code):
    events = code("Kenya's foreign minister has spoken several times with the Kenyan president.")
    pairs = {(e.source.name, e.target.name) for e in events if e.root == "04"}
    assert len(pairs) == 2 and {a for a, _ in pairs} == {b for _, b in pairs}


def test_one_event_found_twice_is_kept_once(code):
    events = code("Kenya criticised Uganda.")
    assert len([e for e in events if e.root == "11"]) == 1


# ---------------------------------------------------------------- calling people criminals

@pytest.mark.parametrize("text", [
    "“These rioters, they are also criminals,” Kenyan police chief John Otieno said.",
    "The Kenyan minister said the charges against him were lies.",
    "The Kenyan minister said the deal with Uganda was unfair.",
])
def test_calling_people_criminal_or_claims_false_is_criticism(code, text):
    assert "11" in {e.root for e in code(text)}


def test_saying_someone_is_not_corrupt_is_no_criticism(code):
    events = code("The Kenyan minister said the Ugandan president was not corrupt.")
    assert "11" not in {e.root for e in events}


# ---------------------------------------------------------------- force on protesters

@pytest.mark.parametrize("text", [
    "Kenyan police shot dead three protesters in Nairobi.",
    "Witnesses described the impunity of security forces who kill protesters.",
])
def test_force_of_police_on_protesters_is_violent_repression(code, text):
    assert "175" in {e.code for e in code(text)}


def test_force_on_rebels_stays_fighting(code):
    events = code("Kenyan troops attacked the rebels in the north.")
    assert events and {e.root for e in events} == {"19"}


# ---------------------------------------------------------------- talking to someone

def test_talking_to_a_state_is_consulting_it(code):
    events = code("The Kenyan minister talked to Uganda about the floods.")
    assert ("KENGOV", "UGA", "04") in {(e.source_code, e.target_code, e.root) for e in events}


@pytest.mark.parametrize("text", [
    "The Kenyan minister spoke to reporters in Nairobi.",
    "The Kenyan minister talked to the BBC about the floods.",
])
def test_talking_to_the_press_is_a_statement(code, text):
    assert {e.root for e in code(text)} <= {"01"}
