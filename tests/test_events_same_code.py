"""Two parties with one actor code (issue 9): distinct phrases are two actors.

Sentences written for these tests, coded with the shipped dictionaries.
"""

from __future__ import annotations


def roots(events, root: str) -> list[tuple]:
    return [(e.source_code, e.target_code) for e in events if e.code.startswith(root)]


def test_two_officials_of_one_government_are_two_parties(code):
    events = code("The French president criticised the French prime minister on Monday.")
    assert ("FRAGOV", "FRAGOV") in roots(events, "11")


def test_an_actor_does_not_act_on_itself(code):
    events = code("The French president criticised himself on Monday.")
    assert not [e for e in events if e.source_code == e.target_code and e.source_code]
