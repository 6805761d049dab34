"""A driver hitting a pedestrian is a traffic death, not an attack an ACLED coder would code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2013-09-14"


@pytest.mark.parametrize("text", [
    "A driver has been charged with DWI after police say he struck and killed a woman in Queens last night.",
    "Last night 23-year-old Vishwanand Subryan struck Chohan with his 2013 Toyota Camry as he was traveling north.",
    "A 59-year-old mother of two died when a drunken driver struck her with his car and then drove off, police said.",
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
    text = "A Dayton man has been charged with second-degree murder in a hit and run that killed a cyclist on Route 4."
    killed = [e for e in read_events(PUBLISHED, text) if e.trigger == "killed"]
    assert killed and all(e.type == "ACCIDENT" and e.acled is None for e in killed)
