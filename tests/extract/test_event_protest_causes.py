"""What a protest is about is not done to it: a rally against a killing is peaceful and kills no one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2013-09-14"


def test_a_protest_against_a_killing_is_peaceful_and_kills_no_one(read_events):
    text = "Students rallied in Dhaka to protest the killing of three classmates by police on Sunday."
    rallies = [e for e in read_events(PUBLISHED, text) if e.trigger == "rallied"]
    assert rallies and rallies[0].acled["sub_event_type"] == "Peaceful protest" and rallies[0].fatalities is None
    text = "Hundreds of children gathered peacefully outside parliament to protest the police killing."
    assert [e.acled["sub_event_type"] for e in read_events(PUBLISHED, text) if e.acled] == ["Peaceful protest"]
