"""Place resolution in context, place mentions of an article, and the main place."""

from __future__ import annotations

import pytest

from dateline.places.find import find_places, main_place
from dateline.places.resolve import Toponym, resolve
from dateline.records import Entity, Mention, Place, Where


def _resolve(*names: str) -> list:
    """Resolve names written one after another: "El Paso", ", Texas" gives "El Paso, Texas"."""
    toponyms = []
    for number, name in enumerate(names):
        after = names[number + 1] if number + 1 < len(names) else ""
        toponyms.append(Toponym(name.lstrip(", "), after if after.startswith(",") else ". "))
    return resolve(toponyms)


@pytest.mark.parametrize(
    ("name", "qualifier", "admin1"),
    [
        ("El Paso", ", Texas", "Texas"),
        ("Paris", ", Texas", "Texas"),
        ("Paris", ", Ky.", "Kentucky"),
        ("London", ", Ont.", "Ontario"),
        ("Springfield", ", Illinois", "Illinois"),
    ],
)
def test_a_named_state_picks_the_place_inside_it(name, qualifier, admin1):
    assert _resolve(name, qualifier)[0].admin1 == admin1


@pytest.mark.parametrize(
    ("name", "country"), [("Paris", "FRA"), ("Moscow", "RUS"), ("Washington", "USA")]
)
def test_a_famous_name_alone_means_the_famous_place(name, country):
    found = _resolve(name)[0]
    assert found.country == country and found.feature == "city"


@pytest.mark.parametrize(
    ("name", "country", "local_name"),
    [("Cologne", "DEU", "Köln"), ("Lerida", "ESP", "Lleida"), ("Calcutta", "IND", "Kolkata")],
)
def test_an_english_exonym_means_the_large_place_not_a_namesake(name, country, local_name):
    found = _resolve(name)[0]
    assert (found.country, found.name) == (country, local_name)


@pytest.mark.parametrize(
    ("names", "admin1"),
    [
        (["Alexandria", "Arlington", "Fairfax County"], "Virginia"),
        (["Springfield", "Chicopee", "Holyoke"], "Massachusetts"),
        (["Athens", "Clarke County", "Atlanta"], "Georgia"),
    ],
)
def test_nearby_places_decide_an_ambiguous_name(names, admin1):
    assert _resolve(*names)[0].admin1 == admin1


@pytest.mark.parametrize(
    ("names", "country"),
    [(["Alexandria", "Cairo", "Egypt"], "EGY"), (["Georgia", "Tbilisi", "Russia"], "GEO")],
)
def test_the_countries_of_the_article_decide_an_ambiguous_name(names, country):
    assert _resolve(*names)[0].country == country


def test_a_state_name_in_a_us_article_is_the_state():
    found = _resolve("Georgia", "Atlanta", "Savannah")[0]
    assert (found.feature, found.country) == ("admin1", "USA")


@pytest.mark.parametrize("name", ["Tijuana", "Paris"])
def test_a_town_is_meant_rather_than_the_district_named_after_it(name):
    assert _resolve(name)[0].feature == "city"


def test_an_unknown_name_resolves_to_nothing():
    assert _resolve("Qwertyzzyville") == [None]


def test_places_of_a_text_are_resolved_with_their_offsets(parse):
    text = "Officials in El Paso, Texas, met their counterparts from Mexico on Monday."
    places = find_places(parse(text), [])
    by_text = {p.text: p for p in places}
    assert by_text["El Paso"].admin1 == "Texas"
    assert by_text["Mexico"].feature == "country"
    assert all(text[p.where.start : p.where.end] == p.text for p in places)


def test_demonyms_are_not_place_mentions(parse):
    places = find_places(parse("Mexican officials arrived in Texas on Monday."), [])
    assert [p.text for p in places] == ["Texas"]


def test_a_county_mention_gets_coordinates(parse):
    places = find_places(parse("A bridge in Laurel County, Kentucky, was closed."), [])
    county = next(p for p in places if p.feature == "admin2")
    assert county.admin1 == "Kentucky"
    assert (county.lat, county.lon) == pytest.approx((37.1, -84.1), abs=1.0)


def test_an_unresolvable_place_entity_is_kept_with_null_fields(parse):
    text = "The fair returns to Qwertyzzyville next week."
    segments = parse(text)
    start = text.index("Qwertyzzyville")
    where = Where("body", 0, start, start + len("Qwertyzzyville"))
    entity = Entity("Qwertyzzyville", "GPE", [Mention("Qwertyzzyville", where)])
    places = find_places(segments, [entity])
    assert [(p.text, p.lat, p.country) for p in places] == [("Qwertyzzyville", None, None)]


def _entity(text: str, sentence: str, kind: str) -> Entity:
    """An entity of ``kind`` whose one mention is ``text`` in ``sentence``."""
    start = sentence.index(text)
    return Entity(text, kind, [Mention(text, Where("body", 0, start, start + len(text)))])


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "place"),
    [
        ("Officers of the Shreveport Police Department came.", "Shreveport Police Department",
         "ORG", "Shreveport"),
        ("She teaches at the University of Hartford now.", "University of Hartford", "ORG",
         "Hartford"),
        ("He moved to Alexandria last year.", "Alexandria", "PERSON", "Alexandria"),
    ],
)
def test_places_inside_names_and_misread_as_people_are_found(parse, sentence, name, kind, place):
    places = find_places(parse(sentence), [_entity(name, sentence, kind)])
    assert [p.text for p in places] == [place]
    assert places[0].lat is not None


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("The parade went down Memphis Street.", "Memphis Street", "FAC"),
        ("President Obama spoke on Monday.", "Obama", "PERSON"),
    ],
)
def test_streets_and_famous_people_are_not_places(parse, sentence, name, kind):
    assert find_places(parse(sentence), [_entity(name, sentence, kind)]) == []


def _place(name: str, feature: str, part: str = "body", index: int = 1, start: int = 50) -> Place:
    return Place(name=name, text=name, country="USA", lat=1.0, lon=1.0, feature=feature,
                 where=Where(part, index, start, start + len(name)))


def test_main_place_is_the_dateline_place():
    places = [_place("United States", "country"), _place("El Paso", "city", index=0, start=0)]
    assert main_place(places).name == "El Paso"


def test_main_place_prefers_a_repeated_town_to_the_country():
    places = [_place("United States", "country"), _place("Dayton", "city")]
    places += [_place("Dayton", "city", start=90), _place("Dayton", "city", start=130)]
    assert main_place(places).name == "Dayton"


def test_main_place_needs_a_place_that_dominates_the_article():
    # a story that names several places about as often has no main place
    places = [_place("Casablanca", "city"), _place("Dayton", "city", start=90),
              _place("Dayton", "city", start=130), _place("Boise", "city", start=170)]
    assert main_place(places) is None
    places += [_place("Dayton", "city", start=210)]
    assert main_place(places).name == "Dayton"


@pytest.mark.parametrize(("opening", "dateline"), [
    ("EL PASO, Texas - Agents said ...", True),
    ("(CNN) EL PASO - Agents said ...", True),
    ("In El Paso, agents said ...", False),
])
def test_a_dateline_place_opens_the_first_paragraph(opening, dateline):
    start = opening.lower().index("el paso")
    places = [_place("El Paso", "city", index=0, start=start), _place("Boise", "city")]
    found = main_place(places, opening)
    assert (found is not None and found.name == "El Paso") is dateline


def test_main_place_is_none_without_resolved_places():
    assert main_place([Place(name="Nowhere", text="Nowhere")]) is None


LGL_LIKE = """<articles><article docid="1">
<text><![CDATA[Floods hit Paris, Texas, on Monday.]]></text><toponyms>
<toponym><start>11</start><end>16</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><name>Paris</name><fcode>PPL</fcode><lat>33.66</lat><lon>-95.56</lon>
</gaztag></toponym><toponym><start>18</start><end>23</end><phrase>Texas</phrase></toponym>
</toponyms></article></articles>"""

GWN_LIKE = """<articles><article><text>Rain fell on Paris, Texas, and on the street.</text>
<toponyms><toponym><extractedName>Paris</extractedName><type>Literal</type><start>13</start>
<end>18</end><latitude>33.66</latitude><longitude>-95.56</longitude></toponym>
<toponym><extractedName>street</extractedName><type>Literal_Expression</type><start>38</start>
<end>44</end></toponym></toponyms></article></articles>"""


@pytest.mark.parametrize("layout", [LGL_LIKE, GWN_LIKE])
def test_the_geo_bench_reads_lgl_and_geowebnews_layouts(tmp_path, layout):
    from dateline.bench.geo import load

    path = tmp_path / "gold.xml"
    path.write_text(layout, encoding="utf-8")
    (article,) = load(path)
    first = article.toponyms[0]
    assert (first.phrase, first.lat, first.lon) == ("Paris", 33.66, -95.56)
    assert article.text[first.start : first.end] == "Paris"
    assert "street" not in [t.phrase for t in article.toponyms]


def test_a_place_entity_takes_the_country_its_mentions_resolved_to():
    from dateline.places.find import align_entity_countries

    def where(index: int, start: int) -> Where:
        return Where("body", index, start, start + 6)

    town = Entity("Lerida", "GPE", [Mention("Lerida", where(0, 10)),
                                    Mention("Lerida", where(2, 0))], country="COL")
    split = Entity("Georgia", "GPE", [Mention("Georgia", where(1, 0)),
                                      Mention("Georgia", where(3, 0))], country="GEO")
    person = Entity("Jordi Puig", "PERSON", [Mention("Jordi Puig", where(0, 10))])
    places = [Place("Lleida", "Lerida", country="ESP", where=where(0, 10)),
              Place("Lleida", "Lerida", country="ESP", where=where(2, 0)),
              Place("Georgia", "Georgia", country="USA", where=where(1, 0)),
              Place("Georgia", "Georgia", country="GEO", where=where(3, 0))]
    align_entity_countries([town, split, person], places)
    assert (town.country, split.country, person.country) == ("ESP", "GEO", None)
