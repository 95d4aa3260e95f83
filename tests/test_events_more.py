"""More events found on whole articles (issue 9): general rules, each with its sentences.

Sentences written for these tests, coded with the shipped dictionaries (real
countries, invented people).
"""

from __future__ import annotations

import pytest


def summary(events) -> set[tuple]:
    return {(e.source_code, e.target_code, e.code[:2]) for e in events}


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
