"""Coding sentences into CAMEO events: actors, verbs, modes, articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events.actors import ActorDictionary
from dateline.events.coder import PETRARCH, Coder, code_sentence, default_coder, find_events
from dateline.parse.segments import Segment, parse_segments
from dateline.records import Place, TimeExpr, Where

DATA = Path(__file__).parent / "data" / "events"


@pytest.fixture(scope="module")
def coder() -> Coder:
    """The shipped verb patterns with the invented actors of tests/data/events."""
    actors = ActorDictionary.from_files([DATA / "actors.txt"], [DATA / "agents.txt"])
    return Coder(actors, default_coder().verbs)


@pytest.fixture
def code(nlp, coder):
    def _code(text: str, date: str = "2020-01-01", rules=None):
        extra = {"rules": rules} if rules else {}
        return code_sentence(nlp(text), coder.actors, coder.verbs, date=date, **extra)

    return _code


def triples(events) -> set[tuple]:
    return {(e.source_code, e.target_code, e.root) for e in events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor accused Gondor of spying.", ("ARN", "GON", "11")),
    ("Arnor criticized Gondor on Monday.", ("ARN", "GON", "11")),
    ("Arnor urged Gondor to release the prisoners.", ("ARN", "GON", "02")),
    ("Arnor has refused to meet Gondor.", ("ARN", "GON", "12")),
])
def test_subject_verb_object_gives_source_code_target(code, text, expected):
    assert expected in triples(code(text))


def test_passive_subject_is_the_target_and_by_phrase_the_source(code):
    assert triples(code("Gondor was attacked by Arnor.")) == {("ARN", "GON", "19")}


def test_coordinated_actors_give_one_event_each(code):
    assert triples(code("Arnor and Rohan condemned Gondor.")) == {
        ("ARN", "GON", "11"), ("ROH", "GON", "11")}


def test_coordinated_subject_without_target_gives_reciprocal_events(code):
    assert triples(code("Arnor and Gondor renewed diplomatic ties.")) == {
        ("ARN", "GON", "05"), ("GON", "ARN", "05")}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Arnor police arrested Gondor students.", "ARNCOP", "GONEDU"),
    ("MSF Arnor criticized the Gondor government.", "NGOARN", "GONGOV"),
    ("Lawmakers and police in Arnor condemned Gondor.", "ARNCOP", "GON"),
])
def test_agents_combine_with_the_country_code(code, text, source, target):
    assert (source, target) in {(e.source_code, e.target_code) for e in code(text)}


@pytest.mark.parametrize(("date", "source"), [
    ("1995-06-01", "ARN"), ("2005-06-01", "ARNGOV"), ("2015-06-01", "ARNREB"),
])
def test_date_restricted_actor_takes_the_code_of_the_story_date(code, date, source):
    events = code("Mr Gamgee criticized Gondor.", date=date)
    assert {e.source_code for e in events} == {source}


@pytest.mark.parametrize(("text", "mode"), [
    ("Arnor criticized Gondor.", "occurred"),
    ("Arnor did not criticize Gondor.", "negated"),
    ("Arnor never met Gondor.", "negated"),
    ("Arnor may attack Gondor.", "hypothetical"),
    ("If Arnor attacks Gondor, Rohan will respond.", "hypothetical"),
    ("Arnor will meet Gondor next week.", "future"),
    ("Arnor claimed that Gondor shelled Rohan.", "reported"),
    ("Arnor said it had signed an agreement with Gondor.", "occurred"),
])
def test_mode_says_whether_the_event_happened(code, text, mode):
    events = code(text)
    assert events and {e.mode for e in events} == {mode}


def test_relative_clause_with_may_is_not_an_event_that_occurred(code):
    events = code("Gondor criticized Arnor, which may appeal against Gondor.")
    appeal = [e for e in events if e.verb.lemma_ == "appeal"]
    assert appeal and all(e.mode == "hypothetical" for e in appeal)


def test_reported_event_is_the_speakers_report_not_a_statement(code):
    assert triples(code("Arnor said Gondor attacked Rohan.")) == {("GON", "ROH", "19")}


@pytest.mark.parametrize(("text", "code_"), [
    ("Arnor will provide food aid to Gondor.", "0333"),
    ("Arnor agreed to meet Gondor.", "036"),
    ("Arnor said it would attack Gondor.", "138"),
])
def test_stated_intent_and_threat_take_cameo_intent_codes(code, text, code_):
    assert code_ in {e.code for e in code(text)}


def test_stated_refusal_of_cooperation_is_a_rejection_that_occurred(code):
    events = code("Arnor said it would not meet Gondor.")
    assert [(e.code, e.mode) for e in events] == [("125", "occurred")]


def test_appeal_takes_the_code_of_the_act_it_governs_directly_in_every_parse(nlp, coder):
    # each Doc hashes its tokens differently (kept alive, the Docs have distinct ids):
    # "to help [finance]" must refine the appeal by "help" (070 -> 023) in every one
    docs = [nlp("Arnor asked Gondor to help finance the bridge.") for _ in range(24)]
    found = {tuple(e.code for e in code_sentence(doc, coder.actors, coder.verbs))
             for doc in docs}
    assert found == {("023",)}


def test_said_another_must_act_is_a_demand_by_the_speaker(code):
    events = code("Arnor said Gondor must release the prisoners.")
    assert ("ARN", "GON", "10") in triples(events)


def test_petrarch_rules_keep_the_verbs_own_code(code):
    events = code("Arnor will meet Gondor next week.", rules=PETRARCH)
    assert {e.code for e in events} == {"040"}


def test_events_carry_plover_quad_and_goldstein(nlp):
    article = parse_segments([Segment("body", 0, "Arnor attacked Gondor.")], nlp)
    # the shipped dictionaries know no Arnor: give the article an entity-free coder
    actors = ActorDictionary.from_files([DATA / "actors.txt"], [DATA / "agents.txt"])
    events = find_events(article, [], [], [], "2020-01-02",
                         coder=Coder(actors, default_coder().verbs))
    assert [(e.plover, e.quad_class, e.goldstein) for e in events] == [
        ("ASSAULT", 4, -10.0)]


def _article(nlp, body: list[str], captions: list[str] = ()) -> list[Segment]:
    segments = [Segment("body", i, t) for i, t in enumerate(body)]
    segments += [Segment("caption", i, t) for i, t in enumerate(captions)]
    return parse_segments(segments, nlp)


def test_event_date_comes_from_the_time_expression_that_governs_it(nlp, coder):
    text = "Arnor attacked Gondor on Friday."
    at = text.index("Friday")
    friday = TimeExpr("Friday", "DATE", "2020-01-03", Where("body", 0, at, at + 6))
    events = find_events(_article(nlp, [text]), [], [friday], [], "2020-01-04", coder)
    assert [(e.date, e.date_from_text) for e in events] == [("2020-01-03", True)]


def test_event_without_time_expression_takes_the_publication_date(nlp, coder):
    events = find_events(_article(nlp, ["Arnor attacked Gondor."]), [], [], [],
                         "2020-01-04T10:00:00", coder)
    assert [(e.date, e.date_from_text) for e in events] == [("2020-01-04", False)]


def test_caption_events_are_marked_from_caption(nlp, coder):
    segments = _article(nlp, ["Rohan criticized Arnor."], ["Arnor police arrest Gondor students."])
    events = find_events(segments, [], [], [], "2020-01-04", coder)
    assert {(e.source_code, e.from_caption) for e in events} == {
        ("ROH", False), ("ARNCOP", True)}


def test_event_place_is_a_place_of_its_own_sentence(nlp, coder):
    text = "Arnor attacked Gondor in Osgiliath."
    at = text.index("Osgiliath")
    city = Place("Osgiliath", "Osgiliath", "GON", lat=1.0, lon=2.0,
                 where=Where("body", 0, at, at + 9))
    events = find_events(_article(nlp, [text]), [], [], [city], "2020-01-04", coder)
    assert [e.place.name for e in events] == ["Osgiliath"]


def test_an_event_two_verbs_state_is_recorded_once_the_surest_kept():
    from dateline.events.coder import _distinct
    from dateline.records import Event, Where

    def event(verb_confidence: float, start: int = 0, cameo: str = "010") -> Event:
        return Event(cameo=cameo, cameo_root=cameo[:2], sentence="s",
                     where=Where("body", 2, start, 40), source="people", source_code="CVL",
                     confidence=verb_confidence)

    kept = _distinct([event(0.45), event(0.6), event(0.6, start=50), event(0.5, cameo="040")])
    assert [(e.where.start, e.cameo, e.confidence) for e in kept] == [
        (0, "010", 0.6), (50, "010", 0.6), (0, "040", 0.5)]
