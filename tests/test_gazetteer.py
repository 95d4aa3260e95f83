"""The offline gazetteer: names, countries, divisions, abbreviations, is_place."""

from __future__ import annotations

import pytest

from dateline.places.gazetteer import division_names, is_place, lookup
from dateline.places.names import normalize
from dateline.places.resolve import haversine


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("St. Petersburg", "Saint Petersburg"),
        ("Ciudad Juárez", "CIUDAD JUAREZ"),
        ("the Netherlands", "Netherlands"),
        ("Mt. Vernon", "Mount Vernon"),
    ],
)
def test_spellings_of_one_name_share_a_key(written, other):
    assert normalize(written) == normalize(other)


@pytest.mark.parametrize(
    ("name", "code"),
    [("Mexico", "MEX"), ("Mexican", "MEX"), ("U.S.", "USA"), ("Britain", "GBR"), ("Iran", "IRN")],
)
def test_country_names_and_demonyms_give_the_country_first(name, code):
    first = lookup(name)[0]
    assert (first.feature, first.country) == ("country", code)


@pytest.mark.parametrize(
    ("name", "admin1", "lat", "lon"),
    [
        ("Laurel County", "Kentucky", 37.11, -84.12),
        ("Fairfax County", "Virginia", 38.83, -77.28),
        ("Ohio", "Ohio", 40.37, -82.80),
        ("Ontario", "Ontario", 50.0, -86.0),
    ],
)
def test_divisions_and_counties_have_points(name, admin1, lat, lon):
    area = next(c for c in lookup(name) if c.feature in ("admin1", "admin2"))
    assert area.admin1 == admin1
    assert haversine(area.lat, area.lon, lat, lon) < 161


@pytest.mark.parametrize(("town", "admin1"), [("Marfa", "Texas"), ("Gatlinburg", "Tennessee")])
def test_small_towns_are_in_the_index(town, admin1):
    assert any(c.admin1 == admin1 and c.feature == "city" for c in lookup(town))


@pytest.mark.parametrize(
    ("abbreviation", "admin1"), [("Ky.", "Kentucky"), ("Calif.", "California"), ("Ont.", "Ontario")]
)
def test_division_abbreviations_resolve(abbreviation, admin1):
    assert lookup(abbreviation)[0].admin1 == admin1


@pytest.mark.parametrize(
    ("written", "bare"),
    [("Dagestan, Respublika", "Dagestan"), ("Province of Quebec", "Quebec")],
)
def test_division_names_drop_the_kind_of_division(written, bare):
    assert bare in division_names(written)


@pytest.mark.parametrize(
    "name", ["Paris", "Texas", "Laurel County", "Mexico", "Persian Gulf", "Bavaria", "Africa"]
)
def test_known_places_are_places(name):
    assert is_place(name)


@pytest.mark.parametrize("name", ["Joe Biden", "Tuesday", "Reuters", "Marfa", "us"])
def test_people_words_and_small_towns_are_not_well_known_places(name):
    assert not is_place(name)


def test_an_unknown_name_has_no_candidates():
    assert lookup("Qwertyzzyville") == []
