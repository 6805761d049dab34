"""A threat told with a catenative verb is planned, not done; a possessive pronoun names no actor."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2014-09-02"


@pytest.mark.parametrize(("text", "trigger", "modality"), [
    ("Rebels will continue to attack the base, a commander said.", "attack", "planned"),
    ("Our knife will continue to strike the necks of your people, the militant says.", "strike", "planned"),
    ("Rebels continued to attack the base on Monday.", "attack", "asserted"),
])
def test_the_future_of_a_catenative_verb_is_the_events(read_events, text: str, trigger: str, modality: str) -> None:
    assert [e.modality for e in read_events(PUBLISHED, text) if e.trigger == trigger] == [modality]


def test_a_possessive_pronoun_is_no_actor(read_events) -> None:
    text = '"Just as your missiles continue to strike our people, we will go on," the militant says.'
    assert all(e.actor is None or e.actor.text.lower() not in {"your", "our"} for e in read_events(PUBLISHED, text))


@pytest.mark.parametrize("text", [
    "Just as your rockets continue to strike our villages, our blades will keep striking your soldiers.",
    "The rebels keep shelling the market town every night.",
    "Government artillery continues to pound the valley, residents say.",
])
def test_what_goes_on_in_the_present_is_no_one_event(read_events, text: str) -> None:
    assert not [e for e in read_events(PUBLISHED, text) if e.modality in {"asserted", "reported"}]


def test_what_went_on_on_a_day_is_an_event(read_events) -> None:
    events = read_events(PUBLISHED, "Government rockets continued to strike the town on Tuesday, killing four.")
    assert [e.modality for e in events if e.type == "ASSAULT"][:1] == ["asserted"]


def test_a_blade_or_a_gun_names_no_doer(read_events) -> None:
    events = read_events(PUBLISHED, "Our knife will strike the necks of your people, the masked man said.")
    assert events and all(e.actor is None for e in events)
    named = read_events(PUBLISHED, "A Houthi knife attack wounded two guards.")
    assert [e.actor.text for e in named if e.actor] == ["Houthi"]  # a modifier still names the owner
