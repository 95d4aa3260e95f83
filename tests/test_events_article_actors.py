"""Actors over a whole article: countries from the article, pronouns that point back.

The texts are written for these tests.
"""

import pytest

from conftest import article_events as _code

OPENING = ("Brazil's government said on Monday that exports to Argentina rose in March, "
           "and Brazilian officials in Brasilia welcomed the figures.")


@pytest.fixture(scope="module")
def events(nlp):
    paragraphs = [
        OPENING,
        "Police arrested three protesters outside the ministry in Brasilia on Tuesday.",
        "Central American migrants marched outside the embassy on Tuesday.",
        "Maria Duarte, Brazil's foreign minister, met the French ambassador on Wednesday. "
        "She urged France to lift its tariffs on Brazilian beef.",
        '"We strongly condemn the arrests in Paris," Duarte told reporters.',
        "He denied it.",
    ]
    return _code(paragraphs)


def _find(events, words: str, root: str):
    return [e for e in events if words in e.sentence and e.cameo_root == root]


def test_an_unqualified_role_takes_the_articles_country(events):
    [arrest] = _find(events, "Police arrested", "17")
    assert arrest.source_code == "BRACOP"
    # people acted on take it too: protesters of a Brazilian story are Brazil's
    assert arrest.target_code == "BRAOPP"


def test_people_whose_origin_is_written_keep_it(events):
    marches = _find(events, "Central American migrants", "14")
    assert marches and all(not (e.source_code or "").startswith("BRA") for e in marches)


def test_she_is_the_person_named_before(events):
    [urge] = _find(events, "She urged France", "02")
    assert urge.source == "Maria Duarte" and urge.source_code == "BRAGOV"
    assert urge.target_code == "FRA"


def test_we_in_a_quotation_is_its_speaker(events):
    [blame] = _find(events, "We strongly condemn", "11")
    assert blame.source == "Maria Duarte" and blame.source_code.startswith("BRA")


def test_a_pronoun_no_person_stands_for_gives_no_actor(events):
    assert not [e for e in events if e.sentence == "He denied it."]


def test_a_place_that_only_locates_is_no_actor(nlp):
    events = _code("Senator Jane Ortiz visited the U.S.-Mexico border near Laredo, Texas.")
    assert [(e.cameo_root, e.source, e.target) for e in events] == [
        ("04", "Jane Ortiz", None)]
    events = _code("The governor visited the Mexican city of Monterrey last week.")
    assert all(e.target is None and e.source == "The governor" for e in events)


def test_a_place_named_bare_still_stands_for_its_government(nlp):
    events = _code("The governor visited Mexico last week.")
    assert any(e.target_code == "MEX" for e in events)


def test_a_participle_with_a_by_phrase_is_passive(nlp):
    events = _code("Israel, shielded by the United States, rejected the resolution.")
    support = [e for e in events if e.cameo_root == "07"]
    assert support and all(e.source_code.startswith("USA") and e.target_code == "ISR"
                           for e in support)


def test_a_role_that_only_qualifies_a_thing_is_no_target(nlp):
    events = _code("Soldiers shot at the path of a migrant near the fence.")
    assert [(e.cameo_root, e.target) for e in events] == [("19", None)]


def test_the_articles_country_is_that_of_its_institutions_more_than_its_places(nlp):
    # a story about a US inquiry into events abroad names the foreign country most,
    # but its institutions are American: "the committee" is the US Congress's
    text = [
        "The White House and the State Department refused on Monday to hand over "
        "records about Peru, the committee said.",
        "Peru, Peru and Peru were named in the records about Peru.",
        "Investigators said the Pentagon had reviewed the Peru file twice.",
        "Officers arrested two protesters outside the building on Friday.",
    ]
    events = _code(text, "2024-03-05")
    arrests = [e for e in events if e.cameo_root == "17"]
    assert arrests and all(e.source_code == "USACOP" for e in arrests)


def test_a_country_written_as_an_offices_nationality_is_not_the_articles(nlp):
    # a US story about Peru: Peru's offices carry their nationality and the US ones
    # are written bare, so the police of the story are American
    text = [
        "Peruvian President Rosa Quispe asked the United States for help on Monday. "
        "Peru, Peru and Peru again were named in the request.",
        "Lima and Cusco were flooded, and Peru says more rain is coming to Peru.",
        "President Tom Harlan said the United States would send aid to Peru.",
        "Lawmakers in Washington questioned the plan, and police arrested two "
        "protesters outside the Capitol on Friday.",
    ]
    events = _code(text, "2024-03-05")
    arrests = [e for e in events if e.cameo_root == "17"]
    assert arrests and all(e.source_code == "USACOP" for e in arrests)


def test_a_person_no_dictionary_knows_is_a_target_with_the_articles_country(nlp):
    events = _code("Police in Ohio arrested Jane Roe, 32, of Dayton on Friday. "
                   "Officers also arrested Tom Smith at the scene.")
    assert [(e.cameo_root, e.source_code, e.target, e.target_code) for e in events] == [
        ("17", "USACOP", "Jane Roe", "USA"), ("17", "USACOP", "Tom Smith", "USA")]


@pytest.mark.parametrize(("text", "dateline"), [
    ("(XYZ) President Ana Duarte visited Chile on Monday.", "(XYZ)"),
    ("LIMA (AP) — The president visited Chile on Monday.", "LIMA (AP) —"),
    ("LIMA: The president visited Chile on Monday.", "LIMA:"),
    ("TACNA, Peru (AP) — The president visited Chile.", "TACNA, Peru (AP) —"),
    ("Peru, Chile agree to talks on Monday.", ""),
    ("EU - Turkey talks stalled on Monday.", ""),
    ("NATO (the alliance) warned Russia.", ""),
])
def test_a_dateline_opening_a_paragraph_is_found(nlp, text, dateline):
    from dateline.events.actors import dateline_end

    doc = nlp(text)
    assert doc[:dateline_end(doc)].text == dateline


def test_a_datelines_words_act_in_no_event(nlp):
    events = _code("LIMA (AP) — Police arrested two protesters outside the palace.")
    assert events and all("LIMA" not in (e.source or "") and e.source_code != "PER"
                          for e in events)


def test_each_other_makes_the_act_reciprocal(nlp):
    events = _code("Armenia and Azerbaijan accused one another of shelling villages.")
    assert sorted((e.source_code, e.target_code) for e in events if e.cameo_root == "11") \
        == [("ARM", "AZE"), ("AZE", "ARM")]


def test_a_phrase_the_parser_hung_on_the_dateline_still_acts(nlp):
    events = _code("TACNA, Peru (AP) — Peruvian Foreign Minister Ana Duarte on Monday "
                   "accused Chile of spying on her ministry.")
    assert [(e.source, e.source_code, e.target_code) for e in events
            if e.cameo_root == "11"] == [("Ana Duarte", "PERGOV", "CHL")]


def test_firms_and_state_media_the_phoenix_files_lack_have_their_country(nlp):
    events = _code("Austria's OMV signed a gas deal with Gazprom. "
                   "CCTV accused Japan of lying about the islands.")
    codes = {(e.source_code, e.target_code) for e in events}
    assert {("AUTBUS", "RUSBUS"), ("CHNMED", "JPN")} <= codes


def test_a_state_acting_on_a_thing_is_an_event_without_a_target(nlp):
    events = _code("The United States welcomed the exchange of prisoners on Tuesday.")
    assert [(e.cameo_root, e.source_code, e.target) for e in events] == [("05", "USA", None)]
    # a role without a country acting on a thing is too vague to keep
    assert _code("Officials welcomed the exchange of prisoners on Tuesday.") == []


def test_an_act_done_to_a_thing_that_is_not_said_gives_no_event(nlp):
    events = _code("The United States discussed the investigations on Tuesday.")
    assert [e for e in events if e.cameo_root == "04"] == []


def test_each_country_of_a_coordinated_target_is_a_target(nlp):
    # "UK" is as common a short name as "US": both conjuncts are coded targets
    events = _code("Peru's foreign minister accused the UK and the US of meddling.")
    assert {e.target_code for e in events if e.cameo_root == "11"} == {"GBR", "USA"}


def test_a_place_word_inside_a_persons_name_is_no_country(nlp):
    # "Jordan" and "Murray" (a river) are in the dictionaries as places
    events = _code("Jordan Whitfield criticised Britain on Monday.")
    assert events and all(e.source_code != "JOR" for e in events)
    events = _code("Police in Lagos arrested Tom Murray-Hale on Monday.")
    assert events and all(e.target_code != "AUS" for e in events)


def test_a_name_the_dictionaries_code_at_one_mention_codes_the_others(nlp):
    # the dictionaries know "Saeb Erekat", not the bare "Erekat" said later; the
    # story names Israel most, which is no ground to make him Israeli
    text = ["Israel said on Monday that Israel would build homes; Israel and Jerusalem "
            "welcomed the plan.",
            "Saeb Erekat spoke in Ramallah on Tuesday.",
            "Erekat accused the United States of bias."]
    events = _code(text, "2019-11-19")
    [accusation] = [e for e in events if e.cameo_root == "11"]
    assert accusation.source_code == "PSEGOV"


def test_people_the_police_act_on_or_face_are_of_the_polices_country(nlp):
    # a story naming China most: the students and protesters of a Hong Kong police
    # action are Hong Kong's, not the article's country
    text = ["China, China and Beijing warned on Monday.",
            "Chinese officials in Beijing said China would act.",
            "Hong Kong police arrested students at a university on Tuesday.",
            "Protesters attacked Hong Kong police on Wednesday."]
    events = _code(text, "2019-11-19")
    [arrest] = [e for e in events if e.cameo_root == "17"]
    assert (arrest.source_code, arrest.target_code) == ("HKGCOP", "HKGEDU")
    [attack] = [e for e in events if e.cameo_root == "19"]
    assert (attack.source_code, attack.target_code) == ("HKGOPP", "HKGCOP")


def test_a_country_an_expert_covers_is_not_the_experts(nlp):
    events = _code("Police in Chicago arrested Tom Reyes, a Peru expert, on Monday.")
    assert [(e.cameo_root, e.target, e.target_code) for e in events] == [
        ("17", "Tom Reyes", "USA")]


def test_people_named_by_a_role_are_where_the_story_happens(nlp):
    # China's leaders are the story's most coded actors, Hong Kong its places: the
    # protesters are Hong Kong's
    text = ["Xi Jinping and Li Keqiang warned Britain on Monday.",
            "Xi Jinping told Li Keqiang that Xi Jinping would not bend.",
            "Hong Kong braced for more marches on Tuesday, as shops in Hong Kong and "
            "Kowloon closed.",
            "Protesters blocked roads in the city on Wednesday."]
    events = _code(text, "2019-11-19")
    [blockade] = [e for e in events if e.cameo_root == "14"]
    assert blockade.source_code == "HKGOPP"
    warnings = [e for e in events if e.cameo_root == "13"]
    assert warnings and all(e.source_code == "CHNGOV" for e in warnings)
