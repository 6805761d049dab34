"""Fires nobody set and crashes are no conflict events; a defendant's steps are no agreements."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2014-11-20"


@pytest.mark.parametrize(("text", "kind"), [
    ("The house was destroyed by fire on Tuesday night.", ("ACCIDENT", "fire")),
    ("The blaze, which started in the kitchen, destroyed the house.", ("ACCIDENT", "fire")),
    ("A wildfire burned 2,000 acres near the town.", ("DISASTER", "wildfire")),
    ("Crews attacked the fire from the north side, the chief said.", ("ACCIDENT", "fire")),
    ("Fifteen brush fires were burning in the county on Friday.", ("DISASTER", "wildfire")),
    ("Police say one man was killed after crashing his car on an off-ramp.", ("ACCIDENT", "crash")),
    ("A passenger in the truck was injured and taken to a clinic.", ("ACCIDENT", "crash")),
    ("A gas explosion destroyed a block of flats in the city on Monday.", ("ACCIDENT", "explosion")),
    ("An explosion at a chemical plant killed three workers.", ("ACCIDENT", "explosion")),
])
def test_a_fire_nobody_set_is_no_conflict_event(read_events, text: str, kind: tuple[str, str]) -> None:
    events = read_events(PUBLISHED, text)
    assert events and all((e.type, e.mode) == kind and e.acled is None for e in events)


@pytest.mark.parametrize("text", [
    "Residents burning debris must obtain a permit from the county.",
    "The county lifts its burn ban.",
    "The permits will allow the holders to burn for 60 days.",
    "Officials said they would close the road if it burned closer.",
    "\"This is the worst loss ever to hit our firehouse,\" a captain said.",
    "He signed a confession on Tuesday, prosecutors said.",
    "The brothers agreed to plead guilty.",
])
def test_burning_refuse_and_court_steps_are_no_events(read_events, text: str) -> None:
    assert read_events(PUBLISHED, text) == []


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Arsonists torched a synagogue overnight.", "Looting/property destruction"),
    ("A man set fire to his neighbour's car on Sunday, police said.", "Looting/property destruction"),
    ("Police said the fire that destroyed the mosque was arson.", "Looting/property destruction"),
    ("Gunmen attacked the fire station and killed two guards.", "Attack"),
    ("Rioters burned two police cars on Sunday.", "Violent demonstration"),
    ("A passenger in the bus was shot dead by gunmen.", "Attack"),
    ("Rebels killed three drivers, officials said.", "Attack"),  # drivers name no car of their own
    ("The first missile to hit the city killed four people.", "Shelling/artillery/missile attack"),
    ("An explosion killed five people at a market in Kabul.", "Remote explosive/landmine/IED"),
    ("Government forces dropped chemical weapons on the town.", "Chemical weapon"),
    ("Russia and Turkey signed a ceasefire agreement on Tuesday.", "Agreement"),
])
def test_a_fire_someone_set_and_a_real_agreement_stay(read_events, text: str, sub_event: str) -> None:
    events = read_events(PUBLISHED, text)
    assert any(e.acled and e.acled["sub_event_type"] == sub_event for e in events)


@pytest.mark.parametrize("text", [
    "READ MORE: Guns and ammunition seized in police raid with two arrested",
    "Related: Police arrest two men after shooting in the park",
    "Fighters were emerging from tunnels, then disappearing back into the network, residents said.",
])
def test_links_to_other_stories_and_going_out_of_sight_are_no_events(read_events, text: str) -> None:
    assert not [e for e in read_events(PUBLISHED, text) if e.acled]


def test_a_forced_disappearance_stays(read_events) -> None:
    events = read_events(PUBLISHED, "Three activists were disappeared by security forces in 2015.")
    assert any(e.acled and e.acled["sub_event_type"] == "Abduction/forced disappearance" for e in events)
