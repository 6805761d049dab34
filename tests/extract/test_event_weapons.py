"""A generic attack told with its weapon is typed by the weapon (extract/events/weapons.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.core import find_events

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]


def _subtypes(nlp, text: str) -> list[str | None]:
    return [(e.acled or {}).get("sub_event_type") for e in find_events(nlp(text), doc_id="t", published=None)]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Four soldiers were killed after their truck was hit by a roadside bomb near Garel.",
     "Remote explosive/landmine/IED"),
    ("Three civilians were killed when a mortar attack hit the town of Varkesh.",
     "Shelling/artillery/missile attack"),
    ("Two traders were killed in a rocket strike on the market in Oskar.", "Shelling/artillery/missile attack"),
])
def test_the_weapon_tied_to_a_killing_types_it(nlp_sm, text: str, sub_type: str) -> None:
    assert sub_type in _subtypes(nlp_sm, text)


@pytest.mark.parametrize(("text", "sub_type"), [
    # a weapon that is no remote violence leaves the target to decide
    ("Gunmen killed three villagers with machetes in Kano.", "Attack"),
    ("Gunmen shot dead two police officers with rifles near Garel.", "Armed clash"),
])
def test_other_weapons_leave_the_type_to_the_target(nlp_sm, text: str, sub_type: str) -> None:
    assert sub_type in _subtypes(nlp_sm, text)


def test_barrel_bombs_are_dropped_from_the_air(nlp_sm) -> None:
    assert "Air/drone strike" in _subtypes(nlp_sm, "Government forces dumped barrel bombs on a district of Varkesh, "
                                                   "killing ten civilians.")


def test_a_bomber_in_a_suicide_bombing_report_is_a_person_not_an_aircraft(nlp_sm) -> None:
    text = ("A suicide bomber blew himself up at a market in Garel on Sunday, killing 11 people. "
            "The bomber struck shortly after nine in the morning.")
    assert "Air/drone strike" not in _subtypes(nlp_sm, text)
    assert "Air/drone strike" in _subtypes(nlp_sm, "Russian bombers struck a depot near Garel on Sunday.")


def _bombings(nlp, text: str) -> list[str | None]:
    return [(e.acled or {}).get("sub_event_type") for e in find_events(nlp(text), doc_id="t", published=None)
            if e.trigger.lower().startswith("bomb")]


@pytest.mark.parametrize("text", [
    "Bombings in three southern towns killed four people on Sunday, police said.",
    "Two labourers died in Garel on Monday, a day after bombings and shootings left twenty people dead.",
])
def test_a_bombing_with_no_aircraft_is_a_planted_bomb(nlp_sm, text: str) -> None:
    found = _bombings(nlp_sm, text)
    assert found and set(found) == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "Jets bombed the town of Varkesh on Sunday, killing four people.",  # aircraft in the sentence
    "The army bombed rebel positions near Varkesh on Sunday.",  # a state's forces fly
    "Warplanes struck Varkesh on Sunday.\n\nThe bombing killed four people in the market.",  # the report's air strike
])
def test_a_bombing_by_aircraft_or_a_state_stays_an_air_strike(nlp_sm, text: str) -> None:
    found = _bombings(nlp_sm, text)
    assert found and set(found) == {"Air/drone strike"}
