"""Tests for extract/claims/colons.py: "Name: what they said" lines and clauses that end in a colon and a quote."""

from __future__ import annotations

import pytest

from claim_helpers import atts_of, spans_of




@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # a named person ending a clause, then a colon and a quote: the object speaks, not the subject
        ("The timing of the surge does not surprise Democratic pollster Maria Lund: “Lesser-known candidates who win "
         "early contests have seen the biggest boost.”", "Democratic pollster Maria Lund", "Lesser-known candidates who win"),
        # a headline: the name, then the topic or the audience, then what they said
        ("Gomez on the Senate Vote to Release the Files: ‘I Think It Will Pass.’\n\nSen. Ana Gomez spoke on Friday.",
         "Gomez", "I Think It Will Pass."),
        ("Walsh to the Teachers Union: We Will Fund Every School\n\nThe mayor spoke on Monday.", "Walsh", "We Will Fund Every School"),
        # "(More) from X:" after a spaced dash or a sentence introduces X's words
        ("Polls were early - More from Lund and Petrov: “Data collected by our firm confirms that both issues were in play.”",
         "Lund and Petrov", "Data collected by our firm"),
        ("Not every survey is alike. From the study: “Overall, polls that ran over more days gave more reliable estimates.”",
         "the study", "Overall, polls that"),
        # a party tag's hyphen is no dash that would start the source after it
        ('Rep. Ann Bly (R-S.C.):"Nobody but you has ever quoted that number to me."', "Rep. Ann Bly (R-S.C.)",
         "Nobody but you has ever"),
        # a name in front of a common noun names a group
        ("Ramos camp: The new tariff threatens the harbor jobs\n\nMore text follows here.", "Ramos camp", "The new tariff threatens"),
        # transcript lines past the first paragraph: a name, then a full clause
        ("The panel went on.\n\nLund: Well, the tax plan is bad for savers.\n\nPetrov: It works for nobody at all.", "Lund",
         "the tax plan is bad for savers"),
    ],
)
def test_claims_colon_sources(nlp_sm, text, source, content):
    doc, found = atts_of(nlp_sm, text)
    got = [spans_of(doc, a) for a in found]
    assert any(s == source and c == ":" and content in t for s, c, t in got), got


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a section heading about a candidate, not a quote of him
        "The race is open.\n\nCruz: Just hang on.\n\nNo candidate has less at stake than Cruz.",
        "The race is open.\n\nSmith: A closing surge.\n\nThe senator sounded the most confident of the four.",
        # a phrase headed by a common noun, a topic after a preposition, a label
        "The race is open.\n\nAnother problem for Sanders: There are more women than men of voting age.",
        'She spoke twice. Of the mayor: "I do not trust a word he says."',
        "The Latest: Smith wins the county caucuses\n\nMore text follows here.",
        "Read the latest updates below:\n\n“The senator took the stage late on Monday.”",
    ],
)
def test_claims_colon_negatives(nlp_sm, text):
    doc, found = atts_of(nlp_sm, text)
    assert not [a for a in found if doc[a.cue[0]].text == ":"], [spans_of(doc, a) for a in found]


@pytest.mark.model
def test_claims_colon_source_phrase_stops_before_the_quote(nlp_sm):
    doc, found = atts_of(nlp_sm, "The result pleased campaign adviser Tom Reyes: “We knew the suburbs would carry us, and they did.”")
    assert [spans_of(doc, a)[:2] for a in found] == [("campaign adviser Tom Reyes", ":")]
