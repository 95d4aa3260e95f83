"""The entities stage: canonical entities with roles, countries and sectors."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from dateline.entities.find import entity_at, find_entities
from dateline.parse.segments import Segment, parse_segments
from dateline.records import Where


def named(entities, name):
    """The entity called ``name`` (fails the test when there is none)."""
    found = [e for e in entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in entities]}"
    return found[0]


@pytest.fixture
def entities_of(parse):
    """Entities of a plain text parsed as one body paragraph."""
    return lambda text: find_entities(parse(text))


@pytest.fixture
def article(nlp):
    """Entities of an article given as (part, text) pairs."""
    def _article(*parts):
        counters: dict[str, int] = {}
        segments = []
        for part, text in parts:
            index = counters.get(part, 0)
            counters[part] = index + 1
            segments.append(Segment(part, index, text))
        return find_entities(parse_segments(segments, nlp))
    return _article


def test_short_and_honorific_mentions_join_the_full_name(entities_of):
    entities = entities_of(
        "Norwegian Foreign Minister Jane Doerring met reporters in Oslo on Monday. "
        "Ms Doerring said the talks were useful, and Doerring later flew home."
    )
    person = named(entities, "Jane Doerring")
    assert [m.text for m in person.mentions] == ["Jane Doerring", "Doerring", "Doerring"]
    assert not [e for e in entities if e.name in ("Doerring", "Ms Doerring")]


def test_mentions_merge_across_title_body_and_captions(article):
    entities = article(
        ("title", "Okafor wins the vote in Lagos"),
        ("body", "Governor Amaka Okafor of Nigeria won a second term on Sunday."),
        ("caption", "Supporters of Ms Okafor celebrate in Lagos."),
    )
    person = named(entities, "Amaka Okafor")
    assert {m.where.part for m in person.mentions} == {"title", "body", "caption"}


@pytest.mark.parametrize(
    "text",
    [
        "Senator Paul Hendricks spoke. Hendricks's plan would reverse a Hendricks-era rule.",
        "Senator Paul Hendricks spoke. The Hendricks administration ended a Paul "
        "Hendricks-era rule.",
    ],
)
def test_possessives_and_hyphen_compounds_are_mentions_of_the_person(entities_of, text):
    entities = entities_of(text)
    person = named(entities, "Paul Hendricks")
    assert len(person.mentions) >= 2
    assert all("-" not in e.name and not e.name.endswith("'s") for e in entities)


def test_administration_named_after_a_person_holds_a_mention_of_them(entities_of):
    entities = entities_of(
        "President Paul Hendricks spoke on Monday. The Hendricks Administration will "
        "appeal the ruling."
    )
    person = named(entities, "Paul Hendricks")
    assert [m.text for m in person.mentions] == ["Paul Hendricks", "Hendricks"]
    assert person.mentions[1].where.start > 40


@pytest.mark.parametrize(
    ("text", "name", "role", "country", "sector"),
    [
        ("US Secretary of Commerce Linda Marsh visited a steel plant in Ohio.",
         "Linda Marsh", "Secretary of Commerce", "USA", "GOV"),
        ("Mexican Foreign Minister Carlos Ibarra arrived in Madrid.",
         "Carlos Ibarra", "Foreign Minister", "MEX", "GOV"),
        ("Karl Jensen, Denmark's finance minister, said the budget was balanced.",
         "Karl Jensen", "finance minister", "DNK", "GOV"),
        ("Tom Reyes, the mayor of Houston, said the roads would reopen.",
         "Tom Reyes", "mayor of Houston", "USA", "GOV"),
        ("Pentagon spokesman Paul Grady said the troops would stay.",
         "Paul Grady", "Pentagon spokesman", "USA", "MIL"),
        ("US District Judge Helen Marsh blocked the rule in Texas.",
         "Helen Marsh", "District Judge", "USA", "JUD"),
        ("The mayor of Houston, Tom Reyes, said the roads would reopen.",
         "Tom Reyes", "mayor of Houston", "USA", "GOV"),
        ("Nebraska Gov. Alan Pruitt signed the bill.",
         "Alan Pruitt", "Nebraska Governor", "USA", "GOV"),
        ("Kano’s Governor Musa Bello agreed.", "Musa Bello", "Governor", "NGA", "GOV"),
    ],
)
def test_title_or_apposition_gives_role_country_and_sector(
    entities_of, text, name, role, country, sector
):
    person = named(entities_of(text), name)
    assert (person.role, person.country, person.sector) == (role, country, sector)


def test_national_office_without_country_takes_the_dominant_country(entities_of):
    entities = entities_of(
        "Protests spread across Peru on Monday. In Lima, Peruvian police fired tear gas. "
        "President Rosa Quispe called for calm as Peru braced for more marches."
    )
    person = named(entities, "Rosa Quispe")
    assert (person.role, person.country) == ("President", "PER")


#: A US story about Peru: Peru is named most, its president with her nationality.
US_STORY_ABOUT_PERU = (
    "Peruvian President Rosa Quispe asked for help. Peru needs aid, and Lima and Cusco "
    "are flooded. President Tom Harlan told {body} the United States would send money "
    "to Peru, and US officials agreed.")


@pytest.mark.parametrize("body", ["Congress", "the Senate"])
def test_a_country_written_with_an_office_is_no_guess_for_offices_written_bare(
        entities_of, body):
    # news names foreign officials with their nationality and its own bare: in a US
    # story about Peru, the bare President is the US one, though Peru is named most
    entities = entities_of(US_STORY_ABOUT_PERU.format(body=body))
    assert named(entities, "Rosa Quispe").country == "PER"
    assert named(entities, "Tom Harlan").country == "USA"


def test_a_body_of_the_state_without_a_country_takes_the_home_country(entities_of):
    entities = entities_of(US_STORY_ABOUT_PERU.format(body="the Senate"))
    assert named(entities, "Senate").country == "USA"


def test_a_story_naming_each_office_with_its_country_keeps_the_dominant_one(entities_of):
    entities = entities_of(
        "Peruvian President Rosa Quispe met US Secretary of State Dan Ruiz in Lima. "
        "Peru and the United States signed a deal; Peru will sell copper. "
        "Interior Minister Juan Soto called it fair."
    )
    assert named(entities, "Juan Soto").country == "PER"


def test_a_country_an_envoy_is_sent_to_is_not_the_envoys(entities_of):
    entities = entities_of("Dan Ruiz, the special envoy to Peru, arrived on Monday.")
    assert named(entities, "Dan Ruiz").country is None


def test_a_country_a_person_is_expert_in_is_not_the_persons(entities_of):
    entities = entities_of("Anna Vale, the former White House Peru adviser, testified "
                           "on Monday.")
    assert named(entities, "Anna Vale").country == "USA"
    # an abbreviation stands for the adjective: a UK adviser is British
    entities = entities_of("Dan Ruiz, a UK adviser, testified on Monday.")
    assert named(entities, "Dan Ruiz").country == "GBR"


def test_no_dominant_country_when_many_are_named_alike(entities_of):
    entities = entities_of(
        "Ministers from France, Spain, Italy, Greece and Portugal met. "
        "President Rosa Quispe spoke."
    )
    assert named(entities, "Rosa Quispe").country is None


def test_possessive_place_before_a_title_is_not_a_person(entities_of):
    entities = entities_of("Kano’s Governor Musa Bello agreed.")
    assert "Kano" not in {e.name for e in entities if e.type == "PERSON"}


def test_former_office_keeps_the_person_national(entities_of):
    entities = entities_of(
        "The ruling in Texas ends a rule of the United States adopted under former "
        "president Alan Trent."
    )
    person = named(entities, "Alan Trent")
    assert person.role == "former president"
    assert person.country == "USA"


def test_role_is_not_made_of_ordinary_words(entities_of):
    person = named(entities_of("On Friday Carla Mendes said the talks had failed."),
                   "Carla Mendes")
    assert person.role is None
    assert person.country is None


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Police chief Maria Lopez said officers had arrested two men.", "Maria Lopez", "COP"),
        ("General Omar Haddad denied the report.", "Omar Haddad", "MIL"),
        ("Professor Ines Duarte published the study.", "Ines Duarte", "EDU"),
    ],
)
def test_role_noun_decides_a_persons_sector(entities_of, text, name, sector):
    person = named(entities_of(text), name)
    assert person.sector == sector
    assert person.sector_label


@pytest.mark.parametrize(
    ("text", "name", "sector", "country"),
    [
        ("The University of Leeds issued a statement.", "University of Leeds", "EDU", None),
        ("The State Department issued a statement.", "State Department", "GOV", "USA"),
        ("The Kremlin declined to comment.", "Kremlin", "GOV", "RUS"),
        ("The US Border Patrol stopped the truck.", "US Border Patrol", "COP", "USA"),
        ("US Border Patrol agents stopped the truck.", "Border Patrol", "COP", "USA"),
    ],
)
def test_organisation_sector_and_country_from_its_name(entities_of, text, name, sector,
                                                        country):
    org = named(entities_of(text), name)
    assert (org.type, org.sector, org.country) == ("ORG", sector, country)


def test_gpe_country_is_the_country_it_lies_in(entities_of):
    entities = entities_of("Flooding hit Texas and Oaxaca while Mexico sent aid.")
    assert named(entities, "Texas").country == "USA"
    assert named(entities, "Oaxaca").country == "MEX"
    assert named(entities, "Mexico").country == "MEX"


def test_country_short_forms_are_one_entity(entities_of):
    entities = entities_of("The US said America would act, and the United States did.")
    country = named(entities, "United States")
    assert len(country.mentions) == 3


def test_acronym_joins_its_long_form(entities_of):
    entities = entities_of(
        "The Federal Bureau of Investigation (FBI) said the FBI had opened an inquiry."
    )
    org = named(entities, "Federal Bureau of Investigation")
    assert [m.text for m in org.mentions] == ["Federal Bureau of Investigation", "FBI"]


def relabelled(nlp, part, text, name, label="PERSON"):
    """A parsed segment whose only entity is ``name``, forced to ``label``."""
    segment = parse_segments([Segment(part, 0, text)], nlp)[0]
    doc = segment.doc
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    doc.ents = [span]
    return [segment]


@pytest.mark.parametrize("credit", ["AFP", "Reuters", "Getty / AFP", "EPA",
                                    "Getty Images via AFP"])
def test_photo_credit_in_a_caption_is_not_an_entity(nlp, credit):
    text = f"Farmers block a road near the border. {credit}"
    assert find_entities(relabelled(nlp, "caption", text, credit)) == []


def test_agency_inside_a_caption_sentence_is_an_organisation(nlp):
    text = "Reuters journalists wait outside the court. AFP"
    [entity] = find_entities(relabelled(nlp, "caption", text, "Reuters"))
    assert (entity.name, entity.type) == ("Reuters", "ORG")


def test_agency_named_in_the_body_is_an_organisation(nlp):
    text = "The minister told Reuters that the talks would resume."
    [entity] = find_entities(relabelled(nlp, "body", text, "Reuters"))
    assert (entity.name, entity.type) == ("Reuters", "ORG")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Families rest at a shelter in San Pedro Tapanatepec, Oaxaca state, Mexico.",
         "San Pedro Tapanatepec"),
        ("Families rest at a shelter in Ciudad Ixtepec, Oaxaca.", "Ciudad Ixtepec"),
        ("Volunteers handed out water in Texas on Sunday.", "Texas"),
    ],
)
def test_place_tagged_as_person_becomes_a_place(nlp, text, name):
    [entity] = find_entities(relabelled(nlp, "caption", text, name))
    assert entity.type == "GPE"


@pytest.mark.parametrize(
    ("text", "span", "label", "mention"),
    [
        ("Results:\nMarta Kovac 6-4 6-2\nDone.", "Marta Kovac 6-4", "PERSON", "Marta Kovac"),
        ("Standings:\nEASTERN LEAGUE\nNORTH GROUP\nTeams", "EASTERN LEAGUE\nNORTH GROUP",
         "ORG", "EASTERN LEAGUE"),
        ("It was the Trade Office's decision.", "the Trade Office's", "ORG", "Trade Office"),
        ("Final: Boston Red Sox 7-0 over Detroit.", "Boston Red Sox 7-0", "ORG",
         "Boston Red Sox"),
        ("They met in Faroe Islands 1996-08-31 at noon.", "Faroe Islands 1996-08-31", "GPE",
         "Faroe Islands"),
    ],
)
def test_mention_span_leaves_out_scores_line_breaks_and_possessives(nlp, text, span, label,
                                                                    mention):
    [entity] = find_entities(relabelled(nlp, "body", text, span, label=label))
    assert [m.text for m in entity.mentions] == [mention]


def untagged(nlp, text, *spans):
    """A parsed body segment whose only entities are ``spans`` ((text, label) pairs)."""
    segment = parse_segments([Segment("body", 0, text)], nlp)[0]
    doc = segment.doc
    ents, position = [], 0
    for name, label in spans:
        start = text.index(name, position)
        position = start + len(name)
        ents.append(doc.char_span(start, position, label=label))
    doc.ents = ents
    return [segment]


def test_untagged_subject_of_a_speech_verb_is_a_person(nlp):
    text = "Ian Poulter won the title. Later, Poulter said the course was hard."
    entities = find_entities(untagged(nlp, text))
    person = named(entities, "Ian Poulter")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Ian Poulter", "Poulter"]


def test_title_inside_an_organisation_span_makes_a_titled_person(nlp):
    text = "Hereditary Chief Na'moks said the talks had failed."
    [entity] = find_entities(untagged(nlp, text, ("Hereditary Chief Na'moks", "ORG")))
    assert (entity.name, entity.type) == ("Na'moks", "PERSON")
    assert "Chief" in entity.role


def test_first_name_alone_is_the_person_of_that_first_name(nlp):
    text = "Kody Cook moved to Moncton in May. Later Kody joined a hockey team."
    entities = find_entities(untagged(nlp, text, ("Kody Cook", "PERSON"), ("Kody", "PERSON")))
    assert [m.text for m in named(entities, "Kody Cook").mentions] == ["Kody Cook", "Kody"]


@pytest.mark.parametrize(("text", "places"), [
    ("ROMANIA BEAT LITHUANIA IN THE FINAL", ["Romania", "Lithuania"]),
    ("BELGRADE 1996-08-30\nThe team won again.", ["BELGRADE"]),
    ("OTTAWA — The government fell.", ["OTTAWA"]),
    ("NICE WIN FOR THE HOME TEAM", []),
])
def test_places_written_in_capitals_are_found(nlp, text, places):
    entities = find_entities(untagged(nlp, text))
    assert [e.name for e in entities if e.type == "GPE"] == places


def test_unknown_place_that_speaks_is_a_person(nlp):
    text = "Belkacemi says she will finally turn the page."
    [entity] = find_entities(untagged(nlp, text, ("Belkacemi", "GPE")))
    assert entity.type == "PERSON"


def test_company_suffix_makes_an_organisation(nlp):
    text = "The contract went to Heinrich Vogel GmbH last year."
    [entity] = find_entities(relabelled(nlp, "body", text, "Heinrich Vogel GmbH"))
    assert entity.type == "ORG"


def test_one_word_person_written_after_in_is_a_known_place(nlp):
    text = "Power lines fell in Nanaimo overnight."
    [entity] = find_entities(relabelled(nlp, "body", text, "Nanaimo"))
    assert entity.type == "GPE"


def test_office_of_an_organisation_is_not_a_national_office(entities_of):
    entities = entities_of(
        "Canada and Canadian clubs were named. Canada again. Toronto Rowing Club "
        "president John Miller said the season would start late."
    )
    person = named(entities, "John Miller")
    assert (person.type, person.role) == ("PERSON", "Toronto Rowing Club president")
    assert person.country is None
    assert person.sector != "GOV"


def test_lower_case_word_is_no_acronym_institution(entities_of):
    entities = entities_of("The Riverside Ice Rink Committee met on Monday.")
    assert all(e.country != "USA" for e in entities)


def test_name_after_an_honorific_is_a_person(nlp):
    text = "Mr Okonjo added that he was pleased."
    [entity] = find_entities(relabelled(nlp, "body", text, "Okonjo", label="ORG"))
    assert entity.type == "PERSON"


def test_entity_at_finds_the_entity_under_a_span(parse):
    segments = parse("Foreign Minister Jane Doerring met Ahmed Salem in Cairo.")
    entities = find_entities(segments)
    start = segments[0].text.index("Salem")
    assert entity_at(entities, Where("body", 0, start - 3, start + 2)).name == "Ahmed Salem"


@pytest.mark.parametrize(("part", "index"), [("body", 1), ("title", 0)])
def test_entity_at_ignores_other_parts(parse, part, index):
    segments = parse("Ahmed Salem met reporters.")
    assert entity_at(find_entities(segments), Where(part, index, 0, 11)) is None


def example_segments(text: str) -> list[Segment]:
    """Title, body paragraphs and captions of the worked example's text dump.

    The title is the last line before the language switcher; body paragraphs are the
    lines after it up to the contributor line, gallery items ("•") are captions
    (each written twice in the dump; the indented copy is skipped).
    """
    lines = [line.rstrip() for line in text.splitlines()]
    switcher = next(i for i, line in enumerate(lines) if line.strip() == "• English")
    title = next(line for line in reversed(lines[:switcher]) if line.strip())
    segments = [Segment("title", 0, title.strip())]
    body = captions = 0
    for line in lines[switcher + 2:]:
        stripped = line.strip()
        if stripped.startswith("The Associated Press contributed"):
            break
        if not stripped or line.startswith("    "):
            continue
        if stripped.startswith("•"):
            segments.append(Segment("caption", captions, stripped.lstrip("• ")))
            captions += 1
        else:
            segments.append(Segment("body", body, stripped))
            body += 1
    return segments


@pytest.fixture(scope="module")
def example(nlp):
    """Entities of the worked example and its expected record."""
    text = shared_path("examples/blinken-ebrard.txt").read_text(encoding="utf-8")
    expected = json.loads(
        shared_path("examples/blinken-ebrard.expected.json").read_text(encoding="utf-8"))
    segments = example_segments(text)
    assert sum(s.part == "body" for s in segments) == 14
    return find_entities(parse_segments(segments, nlp)), expected


def test_example_has_the_expected_entities(example):
    entities, expected = example
    for want in expected["entities"]:
        entity = named(entities, want["name"])
        assert (entity.type, entity.country) == (want["type"], want["country"]), want
        assert want.get("role_contains", "") in (entity.role or ""), want


def test_example_has_no_person_among_the_absent_names(example):
    entities, expected = example
    people = {e.name for e in entities if e.type == "PERSON"}
    assert not people & set(expected["entities_absent"])


@pytest.mark.parametrize("name", ["Reuters", "AFP", "EPA", "Donald Trump-era"])
def test_example_credits_and_compounds_are_no_entity_at_all(example, name):
    entities, _ = example
    assert name not in {e.name for e in entities}
