"""Behaviour of the quotations stage on short passages written for these tests."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from dateline.entities.find import find_entities
from dateline.parse.segments import Segment, parse_segments
from dateline.quotes.find import find_quotes
from dateline.quotes.marks import find_quoted_spans


@pytest.fixture
def quotes(nlp):
    """Quotes of an article given as its body paragraphs: ``quotes("p1", "p2")``."""

    def _quotes(*paragraphs: str):
        segments = [Segment("body", i, text) for i, text in enumerate(paragraphs)]
        parse_segments(segments, nlp)
        return find_quotes(segments, find_entities(segments))

    return _quotes


def only(found, direct: bool | None = None):
    """The single quote of ``found`` (of the given kind)."""
    kept = [q for q in found if direct is None or q.direct is direct]
    assert len(kept) == 1, kept
    return kept[0]


# ---- quotation marks -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("“We are ready,” she said.", ["“We are ready,”"]),
    ('He said "we are ready" and left.', ['"we are ready"']),
    ("Il a dit : « Nous sommes prêts » hier.", ["« Nous sommes prêts »"]),
    ("She said ‘we are ready to go’ and left.", ["‘we are ready to go’"]),
    ("“I think so,\" he said.", ["“I think so,\""]),
])
def test_quotation_marks_of_every_style_delimit_passages(text, expected):
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == expected


@pytest.mark.parametrize("text", [
    "The players’ union met on Friday.",
    "It wasn’t a quote, and rock ’n’ roll isn’t either.",
    "Music of the ’90s",
])
def test_apostrophes_are_not_quotation_marks(text):
    assert find_quoted_spans(text) == []


def test_passage_left_open_runs_to_the_end_of_its_paragraph():
    text = "“We talked for hours. Nothing changed."
    (span,) = find_quoted_spans(text)
    assert not span.closed
    assert text[span.start:span.end] == "“We talked for hours. Nothing changed"


# ---- direct quotes and their cues ------------------------------------------------------


@pytest.mark.parametrize("paragraph", [
    "Mayor Jane Holloway told reporters: “The bridge will reopen in March.”",
    "Mayor Jane Holloway said: “The bridge will reopen in March.”",
])
def test_colon_quote_takes_the_speaker_before_it(quotes, paragraph):
    quote = only(quotes(paragraph))
    assert (quote.speaker, quote.direct) == ("Jane Holloway", True)
    assert quote.text == "The bridge will reopen in March."


@pytest.mark.parametrize(("paragraph", "cue"), [
    ("“We will not back down,” Mark Trent said on Tuesday.", "said"),
    ("“We will not back down,” said Mark Trent, the union leader.", "said"),
    ("“We will not back down,” Mark Trent told the crowd.", "told"),
])
def test_speaker_after_the_quote(quotes, paragraph, cue):
    quote = only(quotes(paragraph))
    assert (quote.speaker, quote.cue, quote.direct) == ("Mark Trent", cue, True)


def test_name_and_colon_cue_a_headline_quote(nlp):
    segments = parse_segments([
        Segment("title", 0, "Blinken: “We are preparing for the summit”"),
        Segment("body", 0, "US Secretary of State Antony Blinken spoke on Friday."),
    ], nlp)
    quote = only(find_quotes(segments, find_entities(segments)))
    assert (quote.speaker, quote.cue, quote.where.part) == ("Antony Blinken", ":", "title")


def test_direct_quote_span_covers_marks_and_text_drops_them(quotes):
    paragraph = "“We will not back down,” Mark Trent said."
    quote = only(quotes(paragraph))
    assert paragraph[quote.where.start:quote.where.end] == "“We will not back down,”"
    assert quote.text == "We will not back down"


def test_partial_quote_stays_inside_its_reported_clause(quotes):
    paragraph = "Jane Holloway said the plan was “a betrayal of every promise” to voters."
    quote = only(quotes(paragraph))
    assert quote.direct is False
    assert quote.text == "the plan was “a betrayal of every promise” to voters"
    assert quote.speaker == "Jane Holloway"


def test_second_quote_after_the_cue_keeps_the_speaker(quotes):
    found = quotes("“We talked for hours,” Mark Trent said. “Nothing changed.”")
    assert [q.speaker for q in found] == ["Mark Trent", "Mark Trent"]
    assert found[1].cue is None


# ---- several paragraphs ----------------------------------------------------------------


def test_quote_over_several_paragraphs_has_one_speaker(quotes):
    found = quotes(
        "Union leader Mark Trent met the mayor on Monday.",
        "“We talked for hours. Nothing changed.",
        "“We will strike next week if we must,” he said.",
    )
    assert [(q.where.index, q.speaker) for q in found] == [
        (1, "Mark Trent"), (2, "Mark Trent")]


def test_quote_paragraph_without_cue_continues_the_previous_speaker(quotes):
    found = quotes(
        "“This policy is cruel and must end now,” the letter read.",
        "“It has harmed thousands of families.”",
    )
    assert [q.speaker for q in found] == ["the letter", "the letter"]
    assert found[1].cue is None


# ---- speakers ------------------------------------------------------------------------


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (("Mark Trent, the union leader, met the mayor.", "“We will strike,” he said."),
     "Mark Trent"),
    (("Ms Holloway met Mr Trent on Monday.", "“It was a hard meeting,” she said."),
     "Jane Holloway"),
    (("Mr Trent met Ms Holloway on Monday.", "“It was a hard meeting,” he said."),
     "Mark Trent"),
])
def test_pronoun_speaker_resolves_to_a_compatible_person(quotes, paragraphs, speaker):
    intro = "Jane Holloway and Mark Trent are rivals."
    found = quotes(intro, *paragraphs)
    assert found[-1].speaker == speaker


def test_surname_speaker_takes_the_canonical_full_name(quotes):
    found = quotes("US Secretary of State Antony Blinken met his counterpart.",
                   "Mr Blinken said: “We are ready.”")
    quote = only(found)
    assert (quote.speaker, quote.speaker_entity) == ("Antony Blinken", "Antony Blinken")


@pytest.mark.parametrize("agency", ["AFP", "Reuters", "The Associated Press"])
def test_photo_agency_is_never_a_speaker(quotes, agency):
    found = quotes(f"“The border is closed,” {agency} said.")
    assert all(q.speaker is None or agency.lower() not in q.speaker.lower() for q in found)


def test_description_stays_as_written(quotes):
    quote = only(quotes("“Title 42 must end now,” the letter read."))
    assert (quote.speaker, quote.speaker_entity) == ("the letter", None)


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (("Mr. Tom Hale said the plant would close.", "Mr. Erik Lund, a farmer, spoke next.",
      "“We need the water,” he said."), "Erik Lund"),
    (("Mr. Tom Hale said the plant would close.", "Mr. Erik Lund, a farmer, greeted him.",
      "“We need the water,” he said."), "Erik Lund"),
])
def test_pronoun_speaker_is_the_most_recent_salient_person(quotes, paragraphs, speaker):
    assert quotes(*paragraphs)[-1].speaker == speaker


def test_people_of_a_caption_left_in_the_body_are_no_antecedent(quotes):
    found = quotes(
        "Mr. Karl Holm said the clinic would open in May.",
        "Mr. Ben Ake, a retired nurse, looks at photos of the clinic. (Jane Roe/CBC)",
        "“It is a good day for the town,” he said.",
    )
    assert found[-1].speaker == "Karl Holm"


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (("Mayor Jane Doerring issued a statement on Friday.",
      "Her statement said the bridge would reopen in May."), "Jane Doerring"),
    (("Canadian Pacific Railway released a report on Monday.",
      "The report said cold weather slows trains."), "Canadian Pacific Railway"),
    (("A study released by Civic Action says that retail hires the young.",), "Civic Action"),
])
def test_document_speaks_for_its_author(quotes, paragraphs, speaker):
    assert quotes(*paragraphs)[-1].speaker_entity == speaker


def test_organisation_description_names_the_organisation_holding_its_noun(quotes):
    found = quotes(
        "The Parole Board of Canada and the Crown met on Friday.",
        "The parole board said the offender had behaved well in prison.",
    )
    assert found[-1].speaker_entity == "Parole Board of Canada"


def test_organisation_speaker_is_given_by_its_canonical_name(quotes):
    quote = only(quotes("The United Nations said farming is a leading source of emissions."))
    assert (quote.speaker, quote.speaker_entity) == ("United Nations", "United Nations")


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (("The WHL commissioner said the league had not been served with a claim.",
      "“We will review it,” WHL commissioner Ron Robison said in a statement."),
     "Ron Robison"),
    (("Guenther Schuh founded the carmaker in 2015. Schuh knows the risk.",
      "“No carmaker makes money on small cars,” the lanky professor said."),
     "Guenther Schuh"),
    (("William Shrubsall was released from prison in May.",
      "The 47-year-old said he would move to New York."), "William Shrubsall"),
])
def test_definite_description_names_the_person_it_refers_to(quotes, paragraphs, speaker):
    assert quotes(*paragraphs)[0 if "WHL" in paragraphs[0] else -1].speaker == speaker


def test_indefinite_description_names_the_person_introduced_next(quotes):
    found = quotes("A Vancouver hockey coach says he is amazed by the response to a video.",
                   "Coach Stephen Gillis needs a kidney, his players say.")
    assert found[0].speaker == "Stephen Gillis"


def test_description_of_an_unnamed_person_stays_as_written(quotes):
    found = quotes(
        "A judge in Halifax ruled that Peter Smith was dangerous.",
        "The judge said he saw no prospect of controlling the threat.",
    )
    assert found[-1].speaker == "The judge"


@pytest.mark.parametrize(("paragraph", "speaker"), [
    ("“I needed a role model,” Guenther Schuh, the company's founder and the mastermind "
     "behind Europe's best-selling electric van, said inside his factory.", "Guenther Schuh"),
    ("“We heard the shots,” St. Charles Police Lt. Tom Wilkison said.", "Tom Wilkison"),
    ("Amanda Nash, health promotion and nutrition manager with Heart and Stroke, said the "
     "new rules are welcome.", "Amanda Nash"),
    ("Another member of the public, whose name is redacted, said the plan was cruel.",
     "Another member of the public"),
    ("Some in the Muslim community say the support has dried up.",
     "Some in the Muslim community"),
    ("People arrested last week said the police had used force.", "People arrested last week"),
])
def test_speaker_phrase_is_the_name_not_its_apposition(quotes, paragraph, speaker):
    assert only(quotes(paragraph)).speaker == speaker


def test_quoted_as_saying_takes_the_passive_subject(quotes):
    found = quotes("Mayor Doug McCallum spoke about the city's debt on Monday.",
                   "“The debt is simply untenable,” he was quoted as saying in a release.")
    assert found[-1].speaker == "Doug McCallum"


def test_they_speaker_is_the_plural_subject_before_it(quotes):
    found = quotes("Republican senators are eager to confirm judges, and they say they "
                   "will not consider the bill.")
    assert only(found).speaker == "Republican senators"


# ---- indirect quotes -----------------------------------------------------------------


@pytest.mark.parametrize(("paragraph", "speaker", "text"), [
    ("Officials said the bridge would reopen next month.", "Officials",
     "the bridge would reopen next month"),
    ("The bridge would reopen next month, officials said.", "officials",
     "The bridge would reopen next month"),
    ("The group states that rights advocates have documented 10,000 attacks.", "The group",
     "that rights advocates have documented 10,000 attacks"),
    ("Clinton leads Trump by four points, according to the poll.", "the poll",
     "Clinton leads Trump by four points"),
])
def test_reporting_verb_with_its_clause_is_an_indirect_quote(quotes, paragraph, speaker, text):
    quote = only(quotes(paragraph))
    assert (quote.speaker, quote.text, quote.direct) == (speaker, text, False)


@pytest.mark.parametrize("paragraph", [
    "She asked whether the bridge would reopen.",
    "After the vote, the minister acknowledged the defeat.",
    "The company said nothing.",
])
def test_no_quote_without_a_reported_statement(quotes, paragraph):
    assert quotes(paragraph) == []


# ---- the worked example --------------------------------------------------------------


def _example_body(text: str) -> list[str]:
    """Body paragraphs of the example dump: one-line blocks of a dozen words or more
    (captions come in repeated multi-line blocks, menus as bullets)."""
    blocks = [block.strip() for block in text.split("\n\n")]
    return [b for b in blocks if b and "\n" not in b and not b.startswith("•")
            and len(b.split()) >= 12]


def _bare(phrase: str) -> str:
    """A speaker phrase without its leading article ("the letter" is gold "letter")."""
    first, _, rest = phrase.partition(" ")
    return rest if first.lower() in ("the", "a", "an") and rest else phrase


def test_example_article_quotes_match_the_gold(quotes):
    text = shared_path("examples/blinken-ebrard.txt").read_text("utf-8")
    gold = json.loads(shared_path("examples/blinken-ebrard.expected.json").read_text("utf-8"))
    found = quotes(*_example_body(text))
    for expected in gold["quotes"]:
        match = [q for q in found if q.text.startswith(expected["text_starts"])]
        assert match, expected["text_starts"]
        allowed = {_bare(s) for s in expected.get("speaker_any") or [expected["speaker"]]}
        assert _bare(match[0].speaker) in allowed
        assert match[0].direct is expected["direct"]
    speakers = {q.speaker for q in found}
    assert not speakers & set(gold["quotes_absent_speakers"])
