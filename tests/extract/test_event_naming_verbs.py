"""A verb that names an event ("called the murder a crime") carries no one's act: its subject is no doer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_who_calls_a_killing_a_crime_did_not_kill(read_events) -> None:
    events = read_events("2014-09-03", "The envoy called the reporter's murder a despicable crime, the agency said.")
    murders = [e for e in events if e.trigger == "murder"]
    assert murders and all(e.actor is None for e in murders)


def test_who_calls_a_strike_holds_it(read_events) -> None:
    events = read_events("2014-09-03", "Dockers called a general strike for Monday.")
    assert [e.actor.text for e in events if e.actor] == ["Dockers"]


@pytest.mark.parametrize(("text", "modality"), [
    ("The group released a video that purports to show the beheading of the reporter Tomas Vrana.", "alleged"),
    ("A clip apparently showing the killing of two guards spread online.", "alleged"),
    ("The group released a video showing the beheading of the reporter Tomas Vrana.", "asserted"),
])
def test_what_a_record_is_only_claimed_to_show_is_alleged(read_events, text: str, modality: str) -> None:
    killings = [e for e in read_events("2014-09-03", text) if e.trigger in {"beheading", "killing"}]
    assert [e.modality for e in killings] == [modality]
