"""Parties that are no party: a projectile as the doer, a street as the target; and the doer an
ACLED coder writes when the text names none (arrests are made by the police)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.parties import implied_actor

pytestmark = pytest.mark.model


PUBLISHED = "2013-03-14"


def test_an_arrest_with_no_doer_is_by_the_police_marked_as_not_in_the_text(read_events) -> None:
    arrests = [e for e in read_events(PUBLISHED, "In East Flatbush, 46 were arrested Wednesday night.")
               if e.acled and e.acled["sub_event_type"] == "Arrests"]
    assert arrests and arrests[0].actor is not None and arrests[0].actor.text == "police"
    assert arrests[0].actor.start is None and arrests[0].actor.end is None


def test_a_named_arrester_is_kept(read_events) -> None:
    arrests = [e for e in read_events(PUBLISHED, "Soldiers arrested three men in the village on Monday.")
               if e.acled and e.acled["sub_event_type"] == "Arrests"]
    assert arrests and arrests[0].actor is not None and arrests[0].actor.text == "Soldiers"


def test_only_arrests_imply_a_doer() -> None:
    assert implied_actor({"event_type": "Battles", "sub_event_type": "Armed clash"}) is None
    assert implied_actor(None) is None


@pytest.mark.parametrize("text", [
    "Shots struck the teen seven times on Saturday, the autopsy found.",
    "A tossed brick struck a police officer in the face during the riot on Wednesday.",
])
def test_a_projectile_is_no_doer(read_events, text: str) -> None:
    assert all(e.actor is None for e in read_events(PUBLISHED, text) if e.type == "ASSAULT")


def test_a_street_is_no_target(read_events) -> None:
    events = read_events(PUBLISHED, "Police fired shots along Church Avenue in Brooklyn on Saturday night.")
    assert all(e.target is None or "Avenue" not in e.target.text for e in events)


def test_a_cue_verb_parsed_as_a_noun_is_neither_party_nor_fact(read_events) -> None:
    (shot,) = [e for e in read_events(PUBLISHED, "Prosecutors allege Barnes shot Whitaker after she told him she was leaving.")
               if e.trigger == "shot"]
    assert shot.actor is not None and shot.actor.text == "Barnes" and shot.modality == "alleged"


def test_a_town_naming_a_protest_is_its_place_not_its_actor(read_events) -> None:
    events = [e for e in read_events(PUBLISHED, "One student at the Athens demonstration on Saturday said police fired tear gas.")
              if e.trigger == "demonstration"]
    assert events and events[0].actor is None and [p.name for p in events[0].places] == ["Athens"]


@pytest.mark.parametrize(("text", "actor"), [
    ("She pulled out a .357 Magnum and opened fire, killing two women.", None),
    ("A stray bullet killed a boy.", None),
    ("Rebel guns pounded the town on Monday.", "Rebel guns"),  # the guns name whose they are
])
def test_a_weapon_is_no_doer_unless_it_names_whose(read_events, text: str, actor: str | None) -> None:
    events = [e for e in read_events(PUBLISHED, text) if e.acled]
    assert events and (events[0].actor.text if events[0].actor else None) == actor


@pytest.mark.parametrize(("text", "target"), [
    ("Two masked gunmen opened fire on Mr Osei outside his home on Monday.", "Mr Osei"),  # never "fire"
    ("Police said a former clerk shot three co-workers on Monday.", "three co-workers"),  # one word, not "three co"
])
def test_the_target_is_the_person_shot_written_whole(read_events, text: str, target: str) -> None:
    attacks = [e for e in read_events(PUBLISHED, text) if e.type == "ASSAULT"]
    assert attacks and all(e.target is not None and e.target.text == target for e in attacks)


@pytest.mark.parametrize(("text", "actor", "country"), [
    ("Officials said the militant leader was wounded in a U.S.-led airstrike on a convoy.", "U.S.", "USA"),
    ("US-led strikes destroyed a convoy near Mosul.", "US", "USA"),
    # The side the noun itself names leads: the coalition struck.
    ("Saudi-led coalition air strikes hit Sanaa on Monday.", "coalition", None),
])
def test_the_side_that_leads_a_strike_is_its_doer(read_events, text: str, actor: str, country: str | None) -> None:
    (event,) = [e for e in read_events(PUBLISHED, text) if e.acled]
    assert event.actor is not None and event.actor.text == actor and event.actor.country == country
    assert text[event.actor.start:event.actor.end] == actor


def test_a_walkout_led_by_a_union_is_no_attack(read_events) -> None:
    text = "Police used tear gas to disperse protesters blocking a highway in Quito during a CONAIE-led strike."
    assert [e.acled["sub_event_type"] for e in read_events(PUBLISHED, text) if e.acled] == ["Protest with intervention"]


@pytest.mark.model
def test_the_letter_of_an_abbreviation_is_no_place(nlp_sm) -> None:
    from crosswire.extract.places.core import places_from_doc

    doc = nlp_sm("Jihadi John may have been injured in U.S.-led airstrikes last week, the government said.")
    assert places_from_doc(doc) == []


@pytest.mark.parametrize(("text", "target"), [
    ("The beheading of the journalist in August shocked the world.", "journalist"),
    ("The group released footage of more beheadings including aid worker David Haines.", "aid worker David Haines"),
])
def test_a_killing_noun_names_its_victim_after_of_or_including(read_events, text: str, target: str) -> None:
    (event,) = [e for e in read_events(PUBLISHED, text) if e.acled]
    assert event.acled["sub_event_type"] == "Attack" and event.target is not None and event.target.text == target


def test_a_detention_told_as_a_cause_is_no_arrest_row(read_events) -> None:
    text = "Heavy fighting broke out in Tripoli between two brigades on Monday after the detention of a brigade commander."
    assert [e.acled["sub_event_type"] for e in read_events(PUBLISHED, text) if e.acled] == ["Armed clash"]


def test_the_group_called_is_is_no_verb(read_events) -> None:
    (event,) = [e for e in read_events(PUBLISHED, "IS beheaded two aid workers in Raqqa on Monday.") if e.acled]
    assert event.actor is not None and event.actor.text == "IS"
    (event,) = [e for e in read_events(PUBLISHED, "It IS clear that rebels attacked the base on Monday.") if e.acled]
    assert event.actor is not None and event.actor.text == "rebels"


def test_glass_is_no_doer_whoever_the_clause_after_it_names(read_events) -> None:
    text = "A woman was hurt by glass that shattered when police shot at the window of her car on Monday."
    actors = [e.actor.text for e in read_events(PUBLISHED, text) if e.type == "ASSAULT" and e.actor is not None]
    assert actors == ["police"]


def test_a_demonstrative_is_no_doer(read_events) -> None:
    events = read_events(PUBLISHED, "This marked a major gain in the battle for the refinery on Sunday.")
    assert all(e.actor is None or e.actor.text.casefold() != "this" for e in events)
