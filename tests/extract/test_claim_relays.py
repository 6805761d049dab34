"""Chains named around the cue: "citing a source", "with reference to", "in comments carried by"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.extract.claims.relays import without


def _claims(nlp, text: str):
    from crosswire.extract.claims.core import find_claims

    return find_claims(nlp(text), doc_id="t", outlet="Xinhua")


@pytest.mark.model
@pytest.mark.parametrize(("text", "chain", "content"), [
    ("RIA Novosti reported, citing a Syrian military source, that 12 targets were destroyed.",
     ["Xinhua", "RIA Novosti", "Syrian military source"], "12 targets were destroyed"),
    ("RIA Novosti reported, with reference to a Syrian military source, that 12 targets were destroyed.",
     ["Xinhua", "RIA Novosti", "Syrian military source"], "12 targets were destroyed"),
    ("Twelve targets were destroyed, RIA Novosti reported, quoting a military source.",
     ["Xinhua", "RIA Novosti", "military source"], "Twelve targets were destroyed"),
    ("Russia will continue the operation, Putin said in comments carried by the TASS news agency.",
     ["Xinhua", "TASS", "Vladimir Putin"], "Russia will continue the operation"),
    ("The strikes hit only terrorists, Lavrov said in an interview with CNN on Sunday.",
     ["Xinhua", "CNN", "Lavrov"], "The strikes hit only terrorists"),
    # an interview with someone who is no medium carries nothing
    ("The strikes hit only terrorists, Lavrov said in an interview with his deputy.",
     ["Xinhua", "Lavrov"], "The strikes hit only terrorists"),
])
def test_the_chain_runs_outlet_carriers_subject_origin(nlp_sm, text: str, chain: list[str], content: str) -> None:
    claims = _claims(nlp_sm, text)
    assert [(c.chain, c.text) for c in claims] == [(chain, content)]
    assert claims[0].first_hand is False or chain == ["Xinhua", "Lavrov"]


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 50)), max_size=6), st.integers(0, 200), st.integers(0, 60))
def test_cutting_a_range_keeps_every_other_character(spans, cut_start, cut_len) -> None:
    ranges = sorted({(a, a + n) for a, n in spans if n > 0})
    cut = (cut_start, cut_start + cut_len)
    before = {i for a, b in ranges for i in range(a, b)}
    after = {i for a, b in without(ranges, cut) for i in range(a, b)}
    assert after == {i for i in before if not cut[0] <= i < cut[1]}


@pytest.mark.model
@pytest.mark.parametrize(("text", "affiliation"), [
    ("A Syrian military source said 12 targets were destroyed.", "Syria"),
    ("A Russian defence ministry spokesman said 12 targets were destroyed.", "Russia"),
    ("A senior official said 12 targets were destroyed.", None),
])
def test_an_unnamed_source_speaks_for_the_state_its_words_name(nlp_sm, text: str, affiliation: str | None) -> None:
    assert [c.speaker.affiliation for c in _claims(nlp_sm, text)] == [affiliation]


@pytest.mark.model
def test_a_refusal_to_comment_is_no_claim(nlp_sm) -> None:
    text = ("The embassy did not respond to requests for comment. A spokesman declined to comment. "
            "The minister declined to comment on the raid, saying it hit only rebels.")
    assert [c.text for c in _claims(nlp_sm, text)] == ["it hit only rebels"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker", "others"), [
    ("The US, NATO and the Syrian opposition said the strikes hit rebel positions.",
     "United States", ["North Atlantic Treaty Organization", "the Syrian opposition"]),
    ("Russia and Iran said the strikes hit only terrorists.", "Russia", ["Iran"]),
    ("They said the strikes hit rebels.", "They", []),  # a pronoun is not split
])
def test_coordinated_speakers_all_make_the_claim(nlp_sm, text: str, speaker: str, others: list[str]) -> None:
    [claim] = _claims(nlp_sm, text)
    assert (claim.speaker.canonical or claim.speaker.text) == speaker
    assert [s.canonical or s.text for s in claim.co_speakers] == others


@pytest.mark.model
def test_an_opposition_does_not_speak_for_the_state_its_nationality_names(nlp_sm) -> None:
    [claim] = _claims(nlp_sm, "The Syrian opposition said all the targets were civilian.")
    assert claim.speaker.affiliation != "Syria"


@pytest.mark.model
@pytest.mark.parametrize(("text", "content"), [
    ("The ministry said on its website that jets carried out strikes on nine targets They included two depots.",
     "jets carried out strikes on nine targets. They included two depots"),  # a lost full stop, put back
    ("The envoy also called for talks with the governments of both countries.",
     "talks with the governments of both countries"),  # the cue's preposition once, not twice
])
def test_a_statement_s_words_stop_where_they_should(nlp_sm, text: str, content: str) -> None:
    assert [c.text for c in _claims(nlp_sm, text)] == [content]
