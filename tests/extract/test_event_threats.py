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
