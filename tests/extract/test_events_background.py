"""Mentions that are background, not happenings: a legal step's arrest or crime, a state of
affairs told by how long it has lasted, a war's toll to date, a campaign summed up as land
taken, a fire nobody set, a warrant carried out. A blind reading of real news found each class
exported as an ACLED row. Every sentence is written for this file; the last group guards that
the plain events next to them are still read.
"""

from __future__ import annotations

import pytest

from crosswire.records import Event

pytestmark = pytest.mark.model

HAPPENED = {"asserted", "reported"}


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2021-03-10", places=places_from_doc(doc))


def _acled_rows(nlp, text: str) -> list[tuple[str, str, str]]:
    """What the ACLED export would write: events told as having happened with an ACLED code."""
    return [(e.trigger, e.modality, e.acled["sub_event_type"]) for e in _events(nlp, text)
            if e.modality in HAPPENED and e.acled]


@pytest.mark.parametrize("text", [
    # an arrest named by a warrant, a charge or a reward is no arrest
    "A warrant was issued for the driver's arrest after he missed a court date in Dayton.",
    "The charges against him include theft, resisting arrest and assault on an officer.",
    "He is accused of stabbing a guard to avoid arrest.",
    "A $10,000 reward is offered for information leading to the arrest of the gunman.",
    "The detective was hoping to arrest the suspect before the weekend.",
    # carrying out a warrant or a plan puts nobody to death
    "Sheriff's deputies executed a search warrant at a house on Elm Street on Monday.",
    "The council executed the plan within a year.",
    # a state of affairs told by how long it has lasted, and a war's toll to date
    "The fifteen-year siege of the enclave has crippled its hospitals.",
    "A decade-long blockade has emptied the shelves of the port's pharmacies.",
    "The conflict has killed more than 40,000 people since 2011.",
    "The years-long war has displaced half the population.",
    # a campaign summed up as land taken
    "The group, which has seized a vast swathe of territory, sells oil on the black market.",
    "Insurgents who have overrun large sections of Mali and Niger now tax the roads.",
    # a kind of violence, or a share of a set of events, summed up
    "A youth worker said most of the stabbings in the borough involved teenagers.",
    "She said the feud was about neighbours attacking neighbours.",
    # a story's subject, computers broken into, an agreement of nobody in a conflict
    "The documentary about the assassination of the governor premiered in Lagos on Monday.",
    "The phone hacking scandal forced the editor to resign on Friday.",
    "Hackers hacked into the ministry's servers on Monday.",
    "The chief executive agreed to forfeit his bonus on Monday.",
    # a jury's finding names the crime it found true
    "The jury found true the allegations of murder of a police officer.",
    # people who came to look
    "Dozens of onlookers gathered at the scene of the crash on Monday.",
    # a fire nobody set
    "A warehouse in Leeds was gutted after a fire broke out on Sunday.",
    "A timber yard in Hull was destroyed after a blaze spread from a neighbouring unit.",
])
def test_background_is_no_acled_row(nlp_sm, text: str) -> None:
    assert not _acled_rows(nlp_sm, text)


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Fighters seized the airport outside Tripoli on Tuesday.", "Non-state actor overtakes territory"),
    ("Rebels overran an army checkpoint near Hama on Friday.", "Non-state actor overtakes territory"),
    ("Militants captured large parts of the town of Marib on Friday.", "Non-state actor overtakes territory"),
    ("Police arrested two men in Dayton on Monday for resisting a search.", "Arrests"),
    ("Unknown arsonists set fire to the warehouse in Leeds on Sunday.", "Looting/property destruction"),
    ("Soldiers executed three prisoners in the village of Kafr Nabl on Monday.", "Attack"),
    ("Violent protests against the verdict continued in Nairobi on Friday.", "Violent demonstration"),
    ("Two of the attacks took place in Kabul on Monday.", "Attack"),
    ("A 23-year-old gunman shot two guards in Dayton on Monday.", "Attack"),
    ("Attackers hacked three villagers to death with machetes near Beni on Sunday.", "Attack"),
    ("The government and the rebels signed a ceasefire in Juba on Friday.", "Agreement"),
    ("The two sides agreed to a prisoner swap in Doha on Monday.", "Agreement"),
    ("A series of bomb blasts hit the market in Maiduguri on Sunday.", "Remote explosive/landmine/IED"),
    ("Clashes broke out in the capital after a day of demonstrations on Monday.", "Violent demonstration"),
    ("Hundreds of protesters gathered outside parliament in Nairobi on Monday.", "Peaceful protest"),
    ("The siege of the town began on Monday when troops shelled its market.", "Shelling/artillery/missile attack"),
])
def test_plain_events_next_to_background_are_read(nlp_sm, text: str, sub_event: str) -> None:
    assert sub_event in {row[2] for row in _acled_rows(nlp_sm, text)}, _acled_rows(nlp_sm, text)


def test_a_riot_in_protest_is_one_riot(nlp_sm):
    rows = _acled_rows(nlp_sm, "Riots broke out in Patras on Sunday in protest at the shooting of a student.")
    assert "Violent demonstration" in {r[2] for r in rows} and "Peaceful protest" not in {r[2] for r in rows}, rows


def test_a_recommended_execution_has_not_happened(nlp_sm):
    events = [e for e in _events(nlp_sm, "The jury recommended on Friday that the prisoner be executed.")
              if e.trigger == "executed"]
    assert events and all(e.modality not in HAPPENED for e in events)


def test_a_running_count_in_the_next_sentence_is_no_toll_of_the_strike_before(nlp_sm) -> None:
    text = ("Rockets hit the embassy compound in Varkesh on Sunday. Envoys called for an inquiry into "
            "the deaths of 120 marchers since October.")
    rockets = [e for e in _events(nlp_sm, text) if "Rockets" in e.evidence.text]
    assert rockets and all(e.fatalities is None for e in rockets)
    told = ("Rockets hit the embassy compound in Varkesh on Sunday. Two guards were killed.")
    assert any(e.fatalities is not None and e.fatalities.low == 2 for e in _events(nlp_sm, told)
               if "Rockets" in e.evidence.text)
