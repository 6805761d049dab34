"""Findings a reader would reject on sight: rounded figures, graded words, places named in passing, no comment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.compare.cues import analyse
from crosswire.compare.relations import compare_claims
from crosswire.compare.stance import Quantity, counts_disagree, number_clash


def test_a_rounded_figure_restates_the_exact_one() -> None:
    a = analyse("Up to 48,300 workers could lose their jobs at the carmaker")
    b = analyse("A cut of 48,000 workers at the carmaker")
    assert number_clash(a, b) == ("48300 ~ 48000 (workers)", False)


@pytest.mark.parametrize(("one", "other"), [("36 civilians were killed", "40 civilians were killed"),
                                            ("1,200 people were killed", "2,000 people were killed")])
def test_small_or_distant_figures_still_clash(one: str, other: str) -> None:
    assert number_clash(analyse(one), analyse(other))[1] is True


@given(st.integers(1, 10_000_000), st.integers(1, 10_000_000))
def test_count_disagreement_is_symmetric(x: int, y: int) -> None:
    def q(n: int) -> Quantity:
        return next(iter(analyse(f"{n:,} workers lost their jobs").quantities))
    assert counts_disagree(q(x), q(y)) == counts_disagree(q(y), q(x))


def test_a_graded_word_asserts_neither_side() -> None:
    a = analyse("A deputy fired a non-lethal rubber round at the van")
    b = analyse("The deputy used his less lethal rubber round, breaking the van window")
    assert compare_claims(a, b, 0.7) is None


def test_a_country_named_in_passing_is_no_contradiction_without_one_event() -> None:
    a = analyse("Neither the talks nor the calls of Americans taking part were under U.S. monitoring")
    b = analyse("The envoy offered Russian consular offices in the United States for the calls")
    assert compare_claims(a, b, 0.7) is None


def test_a_party_asserted_and_denied_still_contradicts() -> None:
    finding = compare_claims(analyse("Strikes hit only ISIL targets"),
                             analyse("The strikes were not aimed at ISIL targets"), 0.8)
    assert (finding.type, finding.kind) == ("contradicts", "polarity")


def _claim(text: str, cue: str, polarity: str = "positive", doc: str = "d"):
    from crosswire.records import Claim, Evidence

    return Claim(id=text[:8], doc=doc, speaker=None, chain=[], text=text, direct=False, cue=cue, event=None,
                 evidence=Evidence(0, len(text), text), polarity=polarity)


def test_a_denial_cue_contradicts_what_a_report_asserts() -> None:
    from crosswire.compare.relations import claim_analysis

    denial = claim_analysis(_claim("rumours that it is going to cut 30 percent of its staff", "has denied", "negative"))
    report = claim_analysis(_claim("about 30% of the carmaker's 90,000-strong staff would be cut", "said"))
    finding = compare_claims(denial, report, 0.75)
    assert (finding.type, finding.kind) == ("contradicts", "denial")


def test_a_denial_never_supports_an_assertion() -> None:
    from crosswire.compare.relations import claim_analysis

    denial = claim_analysis(_claim("that the plant will close in June", "denied", "negative"))
    report = claim_analysis(_claim("the plant will close in June, workers said", "said"))
    finding = compare_claims(denial, report, 0.9)
    assert finding is None or finding.type == "contradicts"


@pytest.mark.parametrize(("x", "y", "same"), [
    ("robert x", "forbes' robert x", True),
    ("conners", "ms conner", True),
    ("vladimir putin", "putin", True),
    ("russian foreign ministry", "russian defence ministry", False),
    ("officials", "us officials", False),  # nothing distinctive to tell them by: not one origin
])
def test_one_origin_named_two_ways(x: str, y: str, same: bool) -> None:
    from crosswire.compare.questions import same_origin

    assert same_origin(x, y) is same


@given(st.text(alphabet="abcdefgh ", max_size=30), st.text(alphabet="abcdefgh ", max_size=30))
def test_one_origin_is_symmetric(x: str, y: str) -> None:
    from crosswire.compare.questions import same_origin

    assert same_origin(x, y) == same_origin(y, x)


def test_a_quote_cut_at_another_place_is_a_relay() -> None:
    from crosswire.compare.questions import independent

    a = _claim("I had no weapons, I was not looting anything, I was only riding with my boyfriend", "said", doc="d1")
    b = _claim("I had no weapons, I was not looting anything", "told", doc="d2")
    assert independent(a, b) is False
    c = _claim("The van carried food and blankets for the shelter", "said", doc="d3")
    assert independent(a, c) is True  # other words from another article: another origin


def test_a_state_word_describing_a_thing_is_no_state_of_the_subject() -> None:
    from crosswire.compare.stance import antonym_clash

    hurt = analyse("the dog has a broken leg, a dead eye and other wounds")
    assert antonym_clash(hurt, analyse("the dog is badly hurt but alive")) is None
    assert antonym_clash(analyse("the dog was dead"), analyse("the dog is alive")) == ("dead", "alive")
