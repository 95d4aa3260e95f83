"""Cleaning flattened text dumps: captions, metadata and boilerplate out, the body kept."""

from __future__ import annotations

import textwrap

import pytest

from conftest import TEST_DATA
from dateline.article.cues import load_cues, split_credit
from dateline.article.dates import parse_dateline
from dateline.article.dump import clean_dump
from dateline.article.people import match_byline, match_contributors

BODY = [
    "The council of Eastbrook voted on Tuesday to close the old market hall, which has "
    "stood empty since a fire damaged its roof two years ago.",
    "Councillors said repairs would cost more than a new building and that the site "
    "could be used for housing instead.",
    "Traders who worked in the hall until the fire said they had not been consulted "
    "and would ask the regional court to review the decision.",
    "The vote was not close.",
]


def dump(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Firefighters work at the scene on Monday. AFP", "Firefighters work at the scene on "
         "Monday.", "AFP"),
        ("A view of the harbour at dusk. Getty / AFP", "A view of the harbour at dusk.",
         "Getty / AFP"),
        ("Protesters march through the centre. Photo: Jane Roe", "Protesters march through "
         "the centre.", "Photo: Jane Roe"),
        ("The minister arrives for the talks (AP Photo/John Doe)", "The minister arrives for "
         "the talks", "AP Photo/John Doe"),
        ("Fans celebrate the late goal in the stadium Reuters", "Fans celebrate the late goal "
         "in the stadium", "Reuters"),
    ],
)
def test_caption_line_splits_into_caption_and_credit(line, caption, credit):
    assert split_credit(line, load_cues()) == (caption, credit)


@pytest.mark.parametrize("line", [
    "The company told Reuters that it would appeal.",
    "Officials spoke to reporters according to AP",
    "The mayor said the plan was sound.",
])
def test_sentence_that_names_an_agency_is_not_a_caption(line):
    assert split_credit(line, load_cues()) is None


def test_repeated_caption_becomes_one_image_and_leaves_the_body():
    caption = "Workers clear the site of the market hall. EPA"
    result = clean_dump(dump(caption, caption, caption, "Eastbrook votes to close market hall",
                             *BODY))
    assert [(i.caption, i.credit) for i in result.images] == [
        ("Workers clear the site of the market hall.", "EPA")]
    assert result.paragraphs == BODY


def test_bulleted_gallery_with_each_caption_twice_gives_each_image_once():
    gallery = textwrap.dedent("""\
          • Traders pack up their stalls in 2021. Reuters
            Traders pack up their stalls in 2021. Reuters
          • The roof after the fire. Photo: Mia Lund
            The roof after the fire. Photo: Mia Lund""")
    result = clean_dump(dump("Eastbrook votes to close market hall", BODY[0], BODY[1], gallery,
                             BODY[2], BODY[3]))
    assert [(i.caption, i.credit) for i in result.images] == [
        ("Traders pack up their stalls in 2021.", "Reuters"),
        ("The roof after the fire.", "Photo: Mia Lund")]
    assert result.paragraphs == BODY


def test_repeated_caption_with_an_unlisted_credit_is_still_a_caption():
    caption = "Boats in the old harbour at sunrise. Fjordline Pictures"
    result = clean_dump(dump(caption, caption, caption, "Eastbrook votes to close market hall",
                             *BODY))
    assert result.images[0].credit == "Fjordline Pictures"
    assert result.paragraphs == BODY


def test_language_switcher_share_and_navigation_lines_are_dropped():
    text = dump("Home\nNews\nSport", "Eastbrook votes to close market hall",
                "  • English\n  • Français", "Share\nFacebook\nTwitter\nCopy link", *BODY,
                "Read more\nAdvertisement")
    result = clean_dump(text)
    assert result.paragraphs == BODY
    assert result.title == "Eastbrook votes to close market hall"


def test_datelines_and_contributor_lines_become_fields():
    text = dump("Eastbrook votes to close market hall", *BODY,
                "The Associated Press contributed to this report",
                "Updated: December 16, 2022, 9:57 PM")
    result = clean_dump(text)
    assert result.updated == "2022-12-16T21:57"
    assert result.published is None
    assert result.contributors == ["The Associated Press"]
    assert result.paragraphs == BODY


def test_byline_gives_authors():
    text = dump("Eastbrook votes to close market hall", "By Lena Ek and Omar Said", *BODY)
    result = clean_dump(text)
    assert result.authors == ["Lena Ek", "Omar Said"]
    assert "By Lena Ek" not in " ".join(result.paragraphs)


def test_lines_repeated_in_the_text_are_kept_once():
    text = dump("Eastbrook votes to close market hall", BODY[0], BODY[1], BODY[1], BODY[2],
                BODY[3])
    assert clean_dump(text).paragraphs == BODY


def test_whole_page_dump_with_menus_and_footer_comes_out_clean():
    result = clean_dump((TEST_DATA / "whole-page-dump.txt").read_text())
    assert result.title == "Ministers agree new rules for river shipping"
    assert result.authors == ["Jonas Keller", "Anna Weiss"]
    assert result.published == "2023-04-04T10:12+00:00"
    assert result.contributors == ["Reuters"]
    assert len(result.paragraphs) == 5
    assert result.paragraphs[0].startswith("Transport ministers from five countries")
    assert result.paragraphs[-1] == "The agreement still needs the approval of the five " \
                                    "national parliaments."
    body = " ".join(result.paragraphs)
    for noise in ("Most read", "Flooding closes", "Privacy policy", "Advertisement", "Getty"):
        assert noise not in body
    assert result.images[0].credit == "Getty Images"


def test_hard_wrapped_dump_is_unwrapped_into_paragraphs():
    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in BODY)
    result = clean_dump(dump("Eastbrook votes to close market hall", wrapped))
    assert result.paragraphs == BODY


def test_user_credit_table_extends_the_built_in_one(tmp_path):
    table = tmp_path / "credits.txt"
    table.write_text("# my agency\nNordbild\n")
    line = "Snow covers the valley road. Nordbild"
    assert split_credit(line, load_cues()) is None
    assert split_credit(line, load_cues(credits_files=(str(table),)))[1] == "Nordbild"


def test_user_boilerplate_table_extends_the_built_in_one(tmp_path):
    table = tmp_path / "cues.txt"
    table.write_text(r"listen to this story \(\d+ min\)" + "\n")
    noisy = dump("Eastbrook votes to close market hall", "Listen to this story (4 min)", *BODY)
    cues = load_cues(boilerplate_files=(str(table),))
    assert "Listen to this story (4 min)" not in clean_dump(noisy, cues).paragraphs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: December 16, 2022, 9:57 PM", ("updated", "2022-12-16T21:57")),
        ("Published 2:16 AM EST Nov 20, 2019", ("published", "2019-11-20T02:16-05:00")),
        ("16 March 2021", ("published", "2021-03-16")),
        ("Last updated on 2020-07-08 at 14:05", ("updated", "2020-07-08T14:05")),
        ("The council met on December 16, 2022 to vote on the plan for the harbour.", None),
    ],
)
def test_datelines_are_parsed_to_iso(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("The Associated Press contributed to this report", ["The Associated Press"]),
        ("Additional reporting by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("With AFP", ["AFP"]),
        ("Reuters contributed reporting.", ["Reuters"]),
        ("The mayor contributed a statement about the budget to the meeting.", []),
    ],
)
def test_contributor_lines(line, names):
    assert match_contributors(line) == names


def test_byline_rejects_sentences():
    assert match_byline("By the end of the year the bridge will reopen.") == []
