"""A driver hitting a pedestrian is a traffic death, not an attack an ACLED coder would code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2013-09-14", places=places_from_doc(doc))


@pytest.mark.parametrize("text", [
    "A driver has been charged with DWI after police say he struck and killed a woman in Queens last night.",
    "Last night 23-year-old Vishwanand Subryan struck Chohan with his 2013 Toyota Camry as he was traveling north.",
    "A 59-year-old mother of two died when a drunken driver struck her with his car and then drove off, police said.",
])
def test_a_drivers_hit_is_an_accident(nlp_sm, text: str) -> None:
    hits = [e for e in _events(nlp_sm, text) if e.trigger in {"struck", "hit"}]
    assert hits and all(e.type == "ACCIDENT" and e.acled is None for e in hits)


@pytest.mark.parametrize("text", [
    "Rebels struck an army vehicle near Gao on Monday.",
    "Police struck protesters with batons near the car park.",
])
def test_a_vehicle_struck_or_nearby_leaves_an_attack(nlp_sm, text: str) -> None:
    hits = [e for e in _events(nlp_sm, text) if e.trigger == "struck"]
    assert hits and all(e.acled is not None for e in hits)


def test_a_hit_and_run_report_makes_its_hits_accidents(nlp_sm) -> None:
    text = ("Police Release ID Of Woman Killed In Hit And Run\n\nAccording to police, Anthony LaSalle, 36, "
            "hit and killed a 66-year-old woman in the parking lot of the store Wednesday night.")
    events = _events(nlp_sm, text)
    assert events and all(e.acled is None for e in events if e.type in {"ASSAULT", "ACCIDENT"})


def test_a_hit_and_run_attack_by_militants_stays_an_attack(nlp_sm) -> None:
    text = "Gunmen hit a convoy near Gao and killed two soldiers. The army blamed a hit-and-run raid by militants."
    assert [e for e in _events(nlp_sm, text) if e.acled is not None]
