"""A threat told with a catenative verb is planned, not done; a possessive pronoun names no actor."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2014-09-02", places=places_from_doc(doc))


@pytest.mark.parametrize(("text", "trigger", "modality"), [
    ("Rebels will continue to attack the base, a commander said.", "attack", "planned"),
    ("Our knife will continue to strike the necks of your people, the militant says.", "strike", "planned"),
    ("Rebels continued to attack the base on Monday.", "attack", "asserted"),
])
def test_the_future_of_a_catenative_verb_is_the_events(nlp_sm, text: str, trigger: str, modality: str) -> None:
    assert [e.modality for e in _events(nlp_sm, text) if e.trigger == trigger] == [modality]


def test_a_possessive_pronoun_is_no_actor(nlp_sm) -> None:
    text = '"Just as your missiles continue to strike our people, we will go on," the militant says.'
    assert all(e.actor is None or e.actor.text.lower() not in {"your", "our"} for e in _events(nlp_sm, text))
