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
