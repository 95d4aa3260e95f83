"""Country names, short forms and demonyms as ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

import pytest

from dateline.countries import (
    country_code,
    country_name,
    demonym_code,
    place_country,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Russia", "RUS"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Iran", "IRN"),
        ("Vietnam", "VNM"),
        ("the Netherlands", "NLD"),
        ("Mexico's", "MEX"),
    ],
)
def test_country_name_or_short_form_gives_alpha3(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mexican", "MEX"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Guatemalan", "GTM"),
        ("Saudi", "SAU"),
        ("Mexicans", "MEX"),
        ("Saudis", "SAU"),
        ("Chinese", "CHN"),
        ("Swiss", "CHE"),
    ],
)
def test_demonym_gives_alpha3(text, code):
    assert country_code(text) == code
    assert demonym_code(text) == code


@pytest.mark.parametrize("text", ["us", "it", "Texas", "Springfield", "", "Freedonia"])
def test_words_that_are_not_countries_give_none(text):
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("code", "name"),
    [("USA", "United States"), ("MEX", "Mexico"), ("KOR", "South Korea"), ("mx", "Mexico")],
)
def test_country_name_of_a_code(code, name):
    assert country_name(code) == name


def test_country_name_of_an_unknown_code_is_none():
    assert country_name("ZZZ") is None


@pytest.mark.parametrize(
    ("place", "code"),
    [("Texas", "USA"), ("Oaxaca", "MEX"), ("Tijuana", "MEX"), ("Brasilia", "BRA"),
     ("Mexico", "MEX")],
)
def test_place_country_knows_states_and_cities(place, code):
    assert place_country(place) == code
