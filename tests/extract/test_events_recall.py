"""Recall of event phrasings that found nothing or the wrong kind (issue 11): gunfights, riots
with thrown missiles, bodies found, killings by gunmen, protest phrasings, arrests, looting,
rioting vs battles, hit-and-runs vs rammings, and generic nouns as targets. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.records import Event


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2020-05-05", places=places_from_doc(doc))


def _one(nlp, text: str) -> Event:
    events = [e for e in _events(nlp, text) if e.modality in {"asserted", "reported"}]
    assert len(events) == 1, [(e.trigger, e.type, e.acled) for e in events]
    return events[0]


def _sub(event: Event) -> tuple[str, str] | None:
    return (event.acled["event_type"], event.acled["sub_event_type"]) if event.acled else None


ARMED_CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
VIOLENT_DEMO = ("Riots", "Violent demonstration")
MOB = ("Riots", "Mob violence")
PEACEFUL = ("Protests", "Peaceful protest")
ARRESTS = ("Strategic developments", "Arrests")
LOOTING = ("Strategic developments", "Looting/property destruction")


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("A shoot-out between two rival gangs took place in Kingston on Sunday.", "two rival gangs", None),
    ("A shootout erupted between rival cartels in Culiacan.", "rival cartels", None),
    ("A gunfight broke out between police and gang members in Port-au-Prince, leaving three dead.",
     "police", "gang members"),
    ("An exchange of fire occurred between militiamen and bandits near Zamfara.", "militiamen", "bandits"),
    ("Gang members and police exchanged gunfire in Cite Soleil on Tuesday.", "Gang members", "police"),
    ("Soldiers and rebels traded fire near Beni on Monday.", "Soldiers", "rebels"),
])
def test_gunfights_are_armed_clashes(nlp_sm, text: str, actor: str, target: str | None) -> None:
    event = _one(nlp_sm, text)
    assert (event.type, _sub(event)) == ("FIGHT", ARMED_CLASH)
    assert event.actor is not None and event.actor.text == actor
    assert (event.target.text if event.target else None) == target


@pytest.mark.model
def test_a_shooting_that_took_place_is_one_event_with_no_place_as_target(nlp_sm) -> None:
    event = _one(nlp_sm, "Police said the shooting took place near the market in Lagos.")
    assert event.type == "ASSAULT" and event.modality == "reported" and event.target is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "sub", "target"), [
    ("Rioters threw Molotov cocktails at a bank in Athens.", VIOLENT_DEMO, "bank"),
    ("Youths hurled petrol bombs at a police station in Belfast on Monday night.", VIOLENT_DEMO, "police station"),
    ("Protesters threw stones at police in Nairobi.", VIOLENT_DEMO, "police"),
    ("Masked youths pelted police with stones in Srinagar.", VIOLENT_DEMO, "police"),
    ("A mob threw rocks at the police station in Kaduna.", MOB, "police station"),
])
def test_thrown_missiles_are_riots(nlp_sm, text: str, sub: tuple[str, str], target: str) -> None:
    event = _one(nlp_sm, text)
    assert _sub(event) == sub
    assert event.target is not None and event.target.text == target


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The old stone houses of the village were restored.",
    "Workers carried rocks to the site.",
])
def test_stones_not_thrown_are_no_riot(nlp_sm, text: str) -> None:
    assert not [e for e in _events(nlp_sm, text) if e.acled and e.acled["event_type"] == "Riots"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "dead"), [
    ("The body of a man with gunshot wounds was found in Culiacan on Monday.", 1),
    ("Three bodies bearing marks of torture were found in a ditch outside Juarez.", 3),
    ("Police found the bodies of two women with stab wounds in Durban.", 2),
    ("Two bodies riddled with bullets were discovered on a road near Tegucigalpa.", 2),
])
def test_bodies_found_with_marks_of_violence(nlp_sm, text: str, dead: int) -> None:
    event = _one(nlp_sm, text)
    assert (event.type, _sub(event)) == ("ASSAULT", ATTACK)
    assert event.actor is None
    assert event.fatalities is not None and event.fatalities.low == event.fatalities.high == dead


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rescuers recovered the bodies of 12 miners from the flooded shaft.",
    "The body of the singer was found at his home; he had died of a heart attack.",
])
def test_bodies_without_marks_of_violence_are_no_attack(nlp_sm, text: str) -> None:
    assert not [e for e in _events(nlp_sm, text) if e.acled and e.acled["event_type"] == "Violence against civilians"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("A man was shot dead by unidentified gunmen in Peshawar on Friday.", "unidentified gunmen", "man"),
    ("A woman was killed by armed men in Maiduguri.", "armed men", "woman"),
    ("A trader was shot and killed by unknown assailants in Karachi.", "unknown assailants", "trader"),
    ("Gunmen shot dead a shopkeeper in Quetta.", "Gunmen", "shopkeeper"),
])
def test_killings_by_gunmen_are_attacks(nlp_sm, text: str, actor: str, target: str) -> None:
    event = _one(nlp_sm, text)
    assert (event.type, _sub(event)) == ("ASSAULT", ATTACK)
    assert event.actor is not None and event.actor.text == actor
    assert event.target is not None and event.target.text == target
    assert event.fatalities is not None and event.fatalities.low == 1


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Teachers staged a sit-in outside the ministry in Rabat.",
    "Opposition supporters held a rally in Harare on Saturday.",
    "Thousands took to the streets of Khartoum to demand civilian rule.",
    "Students marched through Dhaka on Monday.",
    "Hundreds demonstrated in front of parliament in Tbilisi.",
    "Residents gathered outside the governor's office in Kano to protest against power cuts.",
    "Doctors went on strike in Nairobi over unpaid wages.",
    "Villagers blocked a road in protest at the killing of a farmer.",
])
def test_protest_phrasings(nlp_sm, text: str) -> None:
    event = _one(nlp_sm, text)
    assert (event.type, _sub(event)) == ("PROTEST", PEACEFUL)
    assert event.target is None or event.target.text not in {"strike", "road", "streets"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A protest is planned for Friday in Lagos.",
    "Unions said a general strike is scheduled for next week.",
    "Organisers announced a planned rally in Accra.",
])
def test_scheduled_protests_are_planned(nlp_sm, text: str) -> None:
    events = _events(nlp_sm, text)
    assert events and all(e.modality == "planned" for e in events if e.type == "PROTEST")


@pytest.mark.model
def test_feared_riots_are_not_asserted(nlp_sm) -> None:
    assert not [e for e in _events(nlp_sm, "There are fears that riots could break out in the capital.")
                if e.modality == "asserted"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "sub"), [
    ("Demonstrators clashed with police in Santiago.", VIOLENT_DEMO),
    ("Youths clashed with police in Soweto on Tuesday.", VIOLENT_DEMO),
    ("Residents clashed with soldiers in Kasese.", VIOLENT_DEMO),
    ("Rebels clashed with soldiers in Kasese.", ARMED_CLASH),
    # the state's forces against nobody armed, where the sentence names a protest
    ("Riot police clashed with anarchists who had joined a climate march in Lyon.", VIOLENT_DEMO),
    ("Soldiers clashed with gunmen who had fired on a march in Byblos.", ARMED_CLASH),
])
def test_riots_are_not_battles(nlp_sm, text: str, sub: tuple[str, str]) -> None:
    assert _sub(_one(nlp_sm, text)) == sub


@pytest.mark.model
def test_soldiers_clashing_with_road_blocking_protesters_is_a_riot(nlp_sm) -> None:
    text = "Soldiers clashed with protesters blocking the coast road near Byblos on Wednesday."
    clashes = [e for e in _events(nlp_sm, text) if e.type == "FIGHT"]
    assert clashes and all(_sub(e) == VIOLENT_DEMO for e in clashes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "target"), [
    ("Police arrested 12 people in Harare on Monday.", "12 people"),
    ("A journalist was detained in Istanbul.", "journalist"),
    ("Dozens of students were rounded up in Kampala.", "students"),
    ("Dozens of opposition supporters were rounded up in Kampala.", "opposition supporters"),
])
def test_arrests(nlp_sm, text: str, target: str) -> None:
    event = _one(nlp_sm, text)
    assert (event.type, event.mode, _sub(event)) == ("COERCE", "arrest", ARRESTS)
    assert event.target is not None and event.target.text == target


@pytest.mark.model
@pytest.mark.parametrize(("text", "sub"), [
    ("Rioters looted shops in Durban.", MOB),
    ("Looters ransacked supermarkets in Pietermaritzburg.", MOB),
    ("Shops were looted in Durban as riots spread.", MOB),
    ("The looting of shops continued in Johannesburg.", LOOTING),
    ("Rebels looted shops in Bambari.", LOOTING),
])
def test_looting(nlp_sm, text: str, sub: tuple[str, str]) -> None:
    events = [e for e in _events(nlp_sm, text) if e.mode == "property"]
    assert events and _sub(events[0]) == sub


@pytest.mark.model
@pytest.mark.parametrize(("text", "type_"), [
    ("A car rammed into a crowd of protesters in Charlottesville, killing one woman.", "ASSAULT"),
    ("A driver deliberately drove his car into pedestrians in Toronto, killing ten people.", "ASSAULT"),
    ("The driver rammed his truck into a market in Nice, killing 86 people.", "ASSAULT"),
    ("A hit-and-run driver killed a cyclist in Leeds.", "ACCIDENT"),
    ("A man was killed in a hit-and-run in Accra.", "ACCIDENT"),
])
def test_rammings_are_attacks_and_hit_and_runs_accidents(nlp_sm, text: str, type_: str) -> None:
    event = _one(nlp_sm, text)
    assert event.type == type_
    if type_ == "ASSAULT":
        assert _sub(event) == ATTACK


@pytest.mark.model
@pytest.mark.parametrize(("text", "target", "kind"), [
    ("Coalition jets struck eight targets in Raqqa.", None, None),
    ("Jets struck several areas in Hama.", None, None),
    ("Russian aircraft bombed positions of ISIL near Palmyra.", "ISIL", "armed group"),
    ("Warplanes hit ISIL dens in Deir ez-Zor.", "ISIL", "armed group"),
    ("Airstrikes destroyed Islamic State facilities in Mosul.", "Islamic State", "armed group"),
    ("The army shelled rebel positions in Idlib.", "rebel", "armed group"),
])
def test_generic_targets_give_their_owner(nlp_sm, text: str, target: str | None, kind: str | None) -> None:
    event = _one(nlp_sm, text)
    assert (event.target.text if event.target else None) == target
    assert (event.target.kind if event.target else None) == kind


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A UN body found evidence of torture in detention centres.",
    "Russia rammed through legislation on foreign agents.",
    "He threw a party in Lagos.",
])
def test_lookalikes_are_no_violence(nlp_sm, text: str) -> None:
    assert not [e for e in _events(nlp_sm, text) if e.type in {"ASSAULT", "FIGHT"} or e.mode == "riot"]


@pytest.mark.model
def test_a_ramming_targets_what_was_rammed_not_the_vehicle(nlp_sm) -> None:
    event = _one(nlp_sm, "The driver rammed his truck into a market in Nice, killing 86 people.")
    assert event.target is not None and event.target.text == "market"


@pytest.mark.model
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Rioters set fire to a bank and threw Molotov cocktails at riot police in Santiago.", "Rioters", "riot police"),
    ("Angry youths clashed with police in Conakry, throwing stones.", "Angry youths", "police"),
])
def test_a_riot_told_with_its_missiles_is_one_violent_demonstration(nlp_sm, text: str, actor: str, target: str) -> None:
    event = _one(nlp_sm, text)
    assert _sub(event) == VIOLENT_DEMO
    assert event.actor is not None and event.actor.text == actor
    assert event.target is not None and event.target.text == target


@pytest.mark.model
def test_parties_of_a_shootout_engaged_in(nlp_sm) -> None:
    event = next(e for e in _events(nlp_sm, "Police and gangsters engaged in a shootout in Kingston on Friday.")
                 if e.type == "FIGHT")
    assert _sub(event) == ARMED_CLASH
    assert (event.actor.text, event.target.text) == ("Police", "gangsters")


@pytest.mark.model
def test_a_man_alone_is_neither_armed_group_nor_rioter(nlp_sm) -> None:
    event = _one(nlp_sm, "A man set fire to a mosque in Oslo.")
    assert _sub(event) == LOOTING and event.actor is not None and event.actor.kind is None


def test_a_bare_weapon_is_not_the_actor_but_a_named_ones_owner_may_be(nlp_sm):
    from crosswire.extract.events.core import find_events

    doc = nlp_sm("A bullet struck the deputy in the head.")
    (event,) = [e for e in find_events(doc, doc_id="t", published=None) if e.type == "ASSAULT"]
    assert event.actor is None and event.target is not None and event.target.text == "deputy"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Four members of Boko Haram were killed near Garel on Monday.",
    "Two commanders of the Islamic State were killed near Garel on Monday.",
])
def test_members_of_an_armed_group_killed_are_a_battle_not_an_attack_on_civilians(nlp_sm, text: str) -> None:
    assert _sub(_one(nlp_sm, text)) == ARMED_CLASH


@pytest.mark.model
def test_troops_clashing_where_stones_are_thrown_is_a_riot(nlp_sm) -> None:
    clashes = [e for e in _events(nlp_sm, "Troops shot dead a man on Friday during stone-throwing clashes near Garel.")
               if e.type == "FIGHT"]
    assert clashes and all(_sub(e) == VIOLENT_DEMO for e in clashes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "sub"), [
    ("Gunmen attacked the main peacekeeping base in Garel on Monday.", ARMED_CLASH),  # a base's force fights
    ("Militants attacked a refugee camp near Garel, killing five people.", ("Violence against civilians", "Attack")),
])
def test_an_attack_on_a_base_is_on_its_force(nlp_sm, text: str, sub: tuple[str, str]) -> None:
    assert _sub(_one(nlp_sm, text)) == sub


@pytest.mark.model
@pytest.mark.parametrize(("text", "coded"), [
    ("Air defences intercepted four drones over Garel on Monday.", True),
    ("The navy intercepted a boat carrying rifles and ammunition off Garel.", True),
    ("Two men were intercepted by villagers who accused them of stealing a goat.", False),
    ("Troops carried out an operation to intercept two boats on the river.", False),
])
def test_an_interception_is_disrupted_weapons_use_only_when_arms_are_stopped(nlp_sm, text: str, coded: bool) -> None:
    found = [e for e in _events(nlp_sm, text) if (e.acled or {}).get("sub_event_type") == "Disrupted weapons use"]
    assert bool(found) is coded
