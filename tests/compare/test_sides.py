"""Tests of the side a claim speaks for (compare/sides.py)."""

from __future__ import annotations

import pytest

from crosswire.compare.sides import UNRESOLVED, side_of, story_sides
from crosswire.records import Claim, Evidence, Speaker


def _claim(text: str, canonical: str | None = None, affiliation: str | None = None, n: int = 0) -> Claim:
    return Claim(f"c{n}", "d", Speaker(text, canonical, None, affiliation), [], "x", False, "said", None,
                 Evidence(0, 1, "x"))


@pytest.mark.parametrize("text, canonical, affiliation, side", [
    ("Lavrov", "Sergey Lavrov", "Russian Foreign Ministry", "Russia"),  # the alias table
    ("Kestria's interior ministry", None, None, "Kestria"),  # a state organ by its possessor
    ("Varnian army spokesman Major-General Dmitry Orlov", "Dmitry Orlov", None, "Varnia"),  # demonym + organ
    ("Kestrian officials", None, None, "Kestria"),
    ("Varnian Foreign Minister Yelena Marchuk", "Yelena Marchuk", "Varnian", "Varnia"),  # affiliation demonym
    ("Syria's opposition coalition", None, None, "Syria's opposition coalition"),  # not an organ of the state
    ("it", None, None, UNRESOLVED), ("its head", None, None, UNRESOLVED),  # pointers nobody resolved
    ("she", "Ana Kessler", "Dravny General Hospital", "Dravny General Hospital"),  # resolved: her side
    ("The opposition", None, None, "The opposition"),
])
def test_side_of(text, canonical, affiliation, side):
    assert side_of(_claim(text, canonical, affiliation)) == side


def test_a_person_keeps_one_side_across_the_story():
    claims = [_claim("Kestrian Prime Minister Irena Sadowska", "Irena Sadowska", "Kestrian", 1),
              _claim("Sadowska", "Irena Sadowska", None, 2), _claim("Mayor Jonas Brandt", "Jonas Brandt", None, 3)]
    assert story_sides(claims) == ["Kestria", "Kestria", "Jonas Brandt"]


@pytest.mark.parametrize("text, side", [
    ("a Syrian military source", "Syria"), ("Assad's office", "Syria"), ("the Russian Defence Ministry", "Russia"),
])
def test_state_speakers_named_in_passing(text, side):
    assert side_of(_claim(text)) == side


def test_organs_of_a_named_state_and_bare_surnames():
    assert side_of(_claim("The Government of Kestria", "Government of Kestria")) == "Kestria"
    assert side_of(_claim("the Ministry of Foreign Affairs of the Republic of Kestria")) == "Kestria"
    assert side_of(_claim("the Ministry of Interior", "Ministry of Interior")) == "Ministry of Interior"  # whose?
    claims = [_claim("UN envoy Amara Osei", "Amara Osei", "United Nations", 1), _claim("Osei", None, None, 2)]
    assert story_sides(claims)[1] == story_sides(claims)[0]
