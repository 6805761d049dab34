"""What a protest is about is not done to it: a rally against a killing is peaceful and kills no one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2013-09-14", places=places_from_doc(doc))


def test_a_protest_against_a_killing_is_peaceful_and_kills_no_one(nlp_sm):
    text = "Students rallied in Dhaka to protest the killing of three classmates by police on Sunday."
    rallies = [e for e in _events(nlp_sm, text) if e.trigger == "rallied"]
    assert rallies and rallies[0].acled["sub_event_type"] == "Peaceful protest" and rallies[0].fatalities is None
    text = "Hundreds of children gathered peacefully outside parliament to protest the police killing."
    assert [e.acled["sub_event_type"] for e in _events(nlp_sm, text) if e.acled] == ["Peaceful protest"]
