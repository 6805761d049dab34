"""Speaker recall of claims (extract/claims/channels.py and friends): coordinated speakers, issuers of
documents, media that carry or cite, run-on sentences and repeated cues. Sentences written for these tests."""

from __future__ import annotations

import warnings

import pytest

from claim_helpers import atts_of, spans_of

from crosswire.extract.claims.core import find_claims
from crosswire.extract.entities.core import mentions_from_doc

pytestmark = pytest.mark.model


def claims_of(nlp, text: str, outlet: str | None = "Meridian"):
    doc = nlp(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return find_claims(doc, doc_id="d", outlet=outlet, mentions=mentions_from_doc(doc, "d"))


def speakers(claims, word: str) -> list[str]:
    return [c.speaker.text for c in claims if c.speaker and word in c.text]


# -- coordinated speakers ------------------------------------------------------------------


# A Claim holds one speaker: the first conjunct, whole, not the merged phrase resolved to its first country.
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Canada, Japan and the Red Cross said the shelter in Korvan was full.", "shelter", ["Canada"]),
        ("Spain and Portugal said the bridge talks had stalled.", "bridge", ["Spain"]),
        ("The Red Cross and Canada said the shelter in Korvan was full.", "shelter", ["The Red Cross"]),
        ("Bosnia and Herzegovina said the border post at Drin was open.", "border", ["Bosnia and Herzegovina"]),
    ],
)
def test_claims_coordinated_speakers_first_conjunct_whole(nlp_sm, text, word, expected):
    assert speakers(claims_of(nlp_sm, text), word) == expected


def test_claims_coordinated_speakers_not_merged_into_one_name(nlp_sm):
    (c,) = claims_of(nlp_sm, "Spain and Portugal said the bridge talks had stalled.")
    assert c.chain == ["Meridian", "Spain"] and c.speaker.canonical == "Spain"


def test_claims_coordinated_phrase_stays_whole_for_the_attribution(nlp_sm):
    doc, found = atts_of(nlp_sm, "Canada, Japan and the Red Cross said the shelter in Korvan was full.")
    assert spans_of(doc, found[0])[0] == "Canada, Japan and the Red Cross"


# -- issuers of documents ------------------------------------------------------------------


def test_claims_possessive_statement_speaks_for_its_issuer(nlp_sm):
    doc, found = atts_of(nlp_sm, "The agency's statement said the dam at Velor would be drained by March.")
    (att,) = found
    src, cue, content = spans_of(doc, att)
    assert (src, cue) == ("The agency's", "statement said") and "dam at Velor" in content
    (c,) = claims_of(nlp_sm, "The agency's statement said the dam at Velor would be drained by March.")
    assert c.speaker.text == "The agency"


def test_claims_according_to_possessive_statement(nlp_sm):
    (c,) = claims_of(nlp_sm, "According to the navy's statement, two trawlers were seized near Ostra.")
    assert c.speaker.text == "the navy" and c.cue == "According to"


def test_claims_said_in_a_statement_that(nlp_sm):
    (c,) = claims_of(nlp_sm, "The health ministry said in a statement that the clinic in Bralo would reopen.")
    assert c.speaker.text == "The health ministry" and c.text.startswith("the clinic in Bralo")


def test_claims_video_possessor_is_not_an_issuer(nlp_sm):
    doc, found = atts_of(nlp_sm, "His first videos show that the camp had no fences.")
    assert all(spans_of(doc, a)[0] != "His" for a in found)


# -- media as links of the chain -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [
        ("The harbour master told CNN that the port at Lessa would stay shut.", "The harbour master", "CNN"),
        ("“We have no fuel left,” the field nurse told Reuters.", "the field nurse", "Reuters"),
    ],
)
def test_claims_told_medium_speaker_and_chain(nlp_sm, text, speaker, channel):
    (c,) = claims_of(nlp_sm, text)
    assert c.speaker.text == speaker and c.chain[1] == channel and not c.first_hand


def test_claims_comments_carried_by_agency(nlp_sm):
    (c,) = claims_of(nlp_sm, "Dorin Vasko said in comments carried by the Interfax news agency that the pipeline was safe.")
    assert c.speaker.text == "Dorin Vasko" and c.chain == ["Meridian", "Interfax", "Dorin Vasko"]
    assert c.text == "the pipeline was safe"


def test_claims_trailing_comments_carried_by_left_out_of_content(nlp_sm):
    (c,) = claims_of(nlp_sm, "The mayor of Tarsk said the levee had held, in remarks carried by state television.")
    assert c.text == "the levee had held" and "state television" in c.chain


@pytest.mark.parametrize(
    "text",
    [
        "TASS reports with reference to Zvezda TV that three barges sank near Orlik.",
        "RIA Novosti reported, citing Zvezda TV, that three barges sank near Orlik.",
    ],
)
def test_claims_agency_with_reference_to_broadcaster(nlp_sm, text):
    (c,) = claims_of(nlp_sm, text)
    assert c.speaker.text == "Zvezda TV" and len(c.chain) == 3 and c.chain[-1] == "Zvezda TV"
    assert "barges sank" in c.text


# -- run-on sentences and repeated cues ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first_speaker", "first_content"),
    [
        ("The coast guard said the ferry had docked Fishermen said the nets were empty.", "The coast guard", "the ferry had docked"),
        ("The harbour master said the storm had passed he said the cranes were idle.", "The harbour master", "the storm had passed"),
        ("Mirela Dan said said the school in Pesk would close.", "Mirela Dan", "the school in Pesk would close"),
        ("The UN envoy said the ceasefire would hold the envoy said on Friday.", "The UN envoy", "the ceasefire would hold"),
    ],
)
def test_claims_run_on_and_repeated_cues_keep_speaker_and_content(nlp_sm, text, first_speaker, first_content):
    found = claims_of(nlp_sm, text)
    assert found[0].speaker.text == first_speaker and found[0].text == first_content


def test_claims_repeated_cue_before_and_after(nlp_sm):
    found = claims_of(nlp_sm, "The governor said on Monday the dam would reopen, the governor said.")
    assert [c.text for c in found] == ["the dam would reopen"]
    assert found[0].speaker.text.lower() == "the governor"


def test_claims_nested_report_with_that_is_not_cut(nlp_sm):
    found = claims_of(nlp_sm, "The council said the mayor said that the road was closed.")
    assert found[0].speaker.text == "The council" and "the mayor said" in found[0].text


# -- source phrase extent ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Even the owner of the mill said the river was too low.", "the owner of the mill"),
        ("As many as 40 percent of the farmers said the rain came too late.", "As many as 40 percent of the farmers"),
        ("Ana Petrova in a blog post said the vote was rigged.", "Ana Petrova"),
    ],
)
def test_claims_source_phrase_extent(nlp_sm, text, source):
    doc, found = atts_of(nlp_sm, text)
    assert spans_of(doc, found[0])[0] == source
