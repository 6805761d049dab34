"""What did not happen is not exported as having happened, and statements are not placed where
the events they talk about happened (extract/events/modality.py, extract/events/places.py).

Every sentence is written for this file; towns are real so that the gazetteer resolves them.
"""

from __future__ import annotations

import pytest

from crosswire.records import Event

pytestmark = pytest.mark.model


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))


def _one(nlp, text: str, type_: str) -> Event:
    found = [e for e in _events(nlp, text) if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.modality) for e in _events(nlp, text)]
    return found[0]


@pytest.mark.parametrize(("text", "type_", "modality"), [
    # A verbal act happened as words: stated, and its words are a claim.
    ("The opposition accused the governor of corruption.", "ACCUSE", "stated"),
    ("The foreign minister condemned the blockade of the port.", "DISAPPROVE", "stated"),
    ("The envoy urged both sides to return to the table.", "DEMAND", "stated"),
    ("Aid agencies expressed concern about the rising prices.", "DISAPPROVE", "stated"),
    # ... but summoning an ambassador is an act.
    ("The ministry summoned the French ambassador on Monday.", "DISAPPROVE", "asserted"),
    # What an accusation or a worry says happened is alleged.
    ("The mayor accused the militia of shelling the market in Kandahar.", "ASSAULT", "alleged"),
    ("Aid groups fear that government jets bombed a clinic near Aleppo.", "ASSAULT", "alleged"),
    ("The council voiced concern, saying rebels had attacked two villages near Aleppo.", "ASSAULT", "alleged"),
    ("Officials are worried because militants have shelled the border town every night.", "ASSAULT", "alleged"),
    # A denial, and a definition: nothing happened.
    ("The army dismissed claims that its jets bombed a school in Idlib.", "ASSAULT", "denied"),
    # What one refused to do was not done; the refusal was.
    ("The rebels are the only group to have refused to sign a peace deal with the government.", "AGREE", "denied"),
    ("The rebels refused to attend the talks in Kandahar.", "REJECT", "asserted"),
    ("To patrol, in police jargon, is to ensure that gangs do not attack the market.", "ASSAULT", "hypothetical"),
    # Aims and demands are wanted, not done.
    ("The militia only seeks to attack the port.", "ASSAULT", "planned"),
    ("The rebels launched the offensive with the aim of seizing Kandahar.", "FIGHT", "planned"),
    ("Protest leaders called for a ceasefire in Aleppo.", "AGREE", "planned"),
    ("The ministry said it is prepared to resume talks with the rebels.", "CONSULT", "planned"),
    ("Rebels began to shell Kandahar on Monday.", "ASSAULT", "asserted"),  # under way, not planned
    # What stays as it was: a report, an event a reaction names, the cause of a worry given as its time.
    ("The army said rebels shelled Kandahar on Monday.", "ASSAULT", "reported"),
    ("The minister denounced the air strike on Kandahar.", "ASSAULT", "asserted"),
    ("Residents said they were scared after jets bombed the town.", "ASSAULT", "reported"),
])
def test_modality_of_what_did_not_happen(nlp_sm, text: str, type_: str, modality: str) -> None:
    assert _one(nlp_sm, text, type_).modality == modality


def test_a_purpose_clause_is_an_aim_and_its_head_an_act(nlp_sm) -> None:
    by_trigger = {e.trigger: e.modality for e in _events(nlp_sm, "Police fired tear gas so as to disperse protesters in Kabul.")}
    assert by_trigger == {"tear gas": "asserted", "disperse": "planned"}


def test_an_occasion_of_a_statement_is_no_event(nlp_sm) -> None:
    text = "The governor said during a visit to Kabul that jets had bombed Kandahar."
    assert [e.type for e in _events(nlp_sm, text)] == ["ASSAULT"]
    # A meeting with a named partner is news of its own.
    assert [e.type for e in _events(nlp_sm, "The minister spoke during talks with the Pakistani envoy in Kabul.")] == ["CONSULT"]


def test_a_reference_back_is_no_new_event(nlp_sm) -> None:
    # Before, "these attacks" became a second event, placed where the officials were.
    events = _events(nlp_sm, "Rebels shelled Kandahar on Monday. Officials in Kabul published the targets of these attacks.")
    assert [e.trigger for e in events] == ["shelled"]


def _place_names(event: Event) -> set[str]:
    return {p.text for p in event.places}


@pytest.mark.parametrize("text", [
    "The governor said during a visit to Kabul that jets had bombed Kandahar.",
    "Rebels shelled Kandahar, the army said in Kabul.",
    "The minister told reporters in Kabul that rebels had shelled Kandahar.",
])
def test_where_words_were_said_is_not_where_the_event_happened(nlp_sm, text: str) -> None:
    assert _place_names(_one(nlp_sm, text, "ASSAULT")) == {"Kandahar"}


def test_a_statement_place_stays_for_the_speakers_own_act(nlp_sm) -> None:
    event = _one(nlp_sm, "Rebel commanders announced in Aleppo that they had captured the airport.", "FIGHT")
    assert _place_names(event) == {"Aleppo"}


def test_a_relative_clause_about_a_party_is_background(nlp_sm) -> None:
    text = "The Taliban, which has carried out attacks in Kandahar, signed a deal with Pakistan."
    assert _place_names(_one(nlp_sm, text, "ASSAULT")) == {"Kandahar"}
    assert "Kandahar" not in _place_names(_one(nlp_sm, text, "AGREE"))
    text = "Britain, which leads a coalition carrying out air strikes in Iraq, agrees with Turkey on the need for talks."
    # A body described by what it does in a present-tense clause: a campaign, no strike of its own.
    assert not [e for e in _events(nlp_sm, text) if e.type == "ASSAULT"]
    assert "Iraq" not in _place_names(_one(nlp_sm, text, "AGREE"))
    text = "Britain said a coalition carrying out air strikes in Iraq killed 12 villagers on Monday."
    assert _place_names(_one(nlp_sm, text, "ASSAULT")) == {"Iraq"}


def test_a_toponym_that_says_who_leads_is_no_place(nlp_sm) -> None:
    event = _one(nlp_sm, "Jets struck a bridge near Mosul as US-led forces advanced.", "ASSAULT")
    assert _place_names(event) == {"Mosul"}


def test_every_modality_is_in_the_export_vocabulary(nlp_sm) -> None:
    from crosswire.export import MODALITIES

    text = ("The mayor accused the militia of shelling the market. The envoy urged both sides to talk. "
            "Rebels will attack the port. The army denied that its jets bombed a school. Jets may have hit a bridge.")
    assert {e.modality for e in _events(nlp_sm, text)} <= set(MODALITIES)


@pytest.mark.parametrize(("text", "modality"), [
    # A past outcome in a relative clause says the event happened; the modal hedges the rest.
    ("Officials say a stabbing that killed a passenger on a commuter train may have followed a theft.", "reported"),
    ("The bombing, which wounded 30 people, may have been carried out by a splinter group.", "asserted"),
    ("The attack, which killed 12 people, could lead to reprisals.", "asserted"),
    # A rule about any such event, or an outcome hedged or denied in its own clause, is not.
    ("Any strike that killed civilians would be a war crime.", "hypothetical"),
    ("Officials fear an attack that would kill civilians.", "hypothetical"),
    ("The strike that did not kill anyone may have hit a depot.", "hypothetical"),
])
def test_an_event_told_by_its_past_outcome_happened(nlp_sm, text: str, modality: str) -> None:
    assert _one(nlp_sm, text, "ASSAULT").modality == modality


@pytest.mark.parametrize("text", [
    "Hospitals moved their supplies to secure bases for the treatment of the injured leaders.",
    "They were transferred to two captured army barracks and treated there.",
    "Officials estimate that there are around 500 militants fighting for the group in Syria and Iraq.",
    "Such rounds have killed people in the past by causing internal bleeding.",
])
def test_descriptions_of_people_and_places_by_their_past_are_no_events(nlp_sm, text: str) -> None:
    assert [e for e in _events(nlp_sm, text) if e.acled] == []


def test_the_wounded_taken_away_leave_the_attack_that_wounded_them(nlp_sm) -> None:
    found = [e for e in _events(nlp_sm, "The wounded were taken to hospital after gunmen attacked the market.") if e.acled]
    assert [e.trigger.lower() for e in found] == ["gunmen"] and found[0].actor.text == "gunmen"


@pytest.mark.parametrize("text", [
    "He said fighters who have travelled to fight with extremists will not be able to return.",
    "The government has doubled the number of its troops in the region to fight the militants.",
    "The president authorized sending more troops to assist local forces in fighting the militants.",
])
def test_what_troops_are_sent_to_do_is_an_aim(nlp_sm, text: str) -> None:
    assert [e.modality for e in _events(nlp_sm, text) if e.type == "FIGHT"] == ["planned"]


@pytest.mark.parametrize("text", [
    "He is thought to be one of hundreds of foreign nationals fighting with the militants in the north.",
    "Rebels fighting government forces in the city said they shot down a helicopter.",
])
def test_fighters_described_by_their_fighting_fight_no_battle(nlp_sm, text: str) -> None:
    assert [e for e in _events(nlp_sm, text) if e.type == "FIGHT" and e.trigger.startswith("fight")] == []


@pytest.mark.parametrize("text", [
    "Police fired tear gas to disperse the protesters.",
    "The gunman managed to kill three guards before fleeing.",
    "Rebels began to shell the town on Monday.",
])
def test_an_act_and_its_own_end_and_catenatives_happened(nlp_sm, text: str) -> None:
    assert all(e.modality == "asserted" for e in _events(nlp_sm, text) if e.acled)


@pytest.mark.parametrize(("text", "modality"), [
    # Whoever doubts the harm, the strike it befell someone in was flown.
    ("The commander may have been injured in U.S.-led airstrikes last week, the government said.", "reported"),
    ("Officials could not confirm whether the commander was hit in an air strike near the town.", "reported"),
])
def test_a_strike_someone_was_harmed_in_happened(nlp_sm, text: str, modality: str) -> None:
    found = [e for e in _events(nlp_sm, text) if e.type == "ASSAULT"]
    assert [e.modality for e in found] == [modality] and found[0].mode == "aerial"


def test_a_harm_still_to_come_names_no_strike_that_happened(nlp_sm) -> None:
    found = _events(nlp_sm, "He would be killed in an air strike if he returned.")
    assert not [e for e in found if e.modality in {"asserted", "reported"}]


@pytest.mark.parametrize("text", [
    "They do not flinch at killing anyone who has committed a serious crime.",
    "Futility sometimes comes with large-scale military battles against far-flung terrorist groups.",
    "RelatedMilitants: Officials Confirm Leader was Wounded in Air Strike",
])
def test_rules_generic_battles_and_pasted_links_are_no_events(nlp_sm, text: str) -> None:
    assert [e for e in _events(nlp_sm, text) if e.acled] == []


def test_to_demonstrate_something_is_to_show_it(nlp_sm) -> None:
    assert [e for e in _events(nlp_sm, "The raid demonstrates the pressure we keep on the network.") if e.type == "PROTEST"] == []
    assert [e.type for e in _events(nlp_sm, "Thousands demonstrated in Cairo on Friday.")] == ["PROTEST"]


def test_a_time_is_no_doer(nlp_sm) -> None:
    found = [e for e in _events(nlp_sm, "The aide was killed in the attack late on Friday night, which hit a convoy.") if e.acled]
    assert found and all(e.actor is None or e.actor.text != "night" for e in found)


@pytest.mark.parametrize(("text", "events"), [
    ("The coalition has been conducting airstrikes on militant positions in Iraq and Syria since August.", 0),
    ("Rebels have been shelling the city for weeks.", 0),
    # A battle still going on since a day of this week is news.
    ("Government forces have been fighting rebels near the city since Monday, killing 20.", 1),
])
def test_a_campaign_over_weeks_or_months_is_no_single_event(nlp_sm, text: str, events: int) -> None:
    assert len([e for e in _events(nlp_sm, text) if e.acled]) == events
