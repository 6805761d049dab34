"""A driver hitting a pedestrian is a traffic death, not an attack an ACLED coder would code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2013-09-14"


@pytest.mark.parametrize("text", [
    "A trucker has been charged with DWI after police say he struck and killed a cyclist in Yonkers last night.",
    "Last night 31-year-old Darnell Pruitt struck Okafor with his 2009 Honda Accord as he was driving south.",
    "A 64-year-old father of three died when a drunken driver struck him with his truck and then sped off, police said.",
])
def test_a_drivers_hit_is_an_accident(read_events, text: str) -> None:
    hits = [e for e in read_events(PUBLISHED, text) if e.trigger in {"struck", "hit"}]
    assert hits and all(e.type == "ACCIDENT" and e.acled is None for e in hits)


@pytest.mark.parametrize("text", [
    "Rebels struck an army vehicle near Gao on Monday.",
    "Police struck protesters with batons near the car park.",
])
def test_a_vehicle_struck_or_nearby_leaves_an_attack(read_events, text: str) -> None:
    hits = [e for e in read_events(PUBLISHED, text) if e.trigger == "struck"]
    assert hits and all(e.acled is not None for e in hits)


def test_a_hit_and_run_report_makes_its_hits_accidents(read_events) -> None:
    text = ("Police Name Man Killed In Hit And Run\n\nAccording to police, Derek Moran, 41, "
            "hit and killed a 70-year-old man outside a garden centre on Friday night.")
    events = read_events(PUBLISHED, text)
    assert events and all(e.acled is None for e in events if e.type in {"ASSAULT", "ACCIDENT"})


def test_a_hit_and_run_attack_by_militants_stays_an_attack(read_events) -> None:
    text = "Gunmen hit a convoy near Gao and killed two soldiers. The army blamed a hit-and-run raid by militants."
    assert [e for e in read_events(PUBLISHED, text) if e.acled is not None]


def test_a_hit_and_run_charged_as_murder_is_still_a_crash(read_events) -> None:
    text = "A Toledo woman was charged with felony murder in a hit and run that killed a jogger on Highway 9."
    killed = [e for e in read_events(PUBLISHED, text) if e.trigger == "killed"]
    assert killed and all(e.type == "ACCIDENT" and e.acled is None for e in killed)
