"""Killings, captures and disappearances of one named person, as reports about hostages and
journalists tell them (a blind reading of real reports found each class). Every sentence is
written for this file.
"""

from __future__ import annotations

import pytest

from crosswire.records import Event

pytestmark = pytest.mark.model


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2021-03-10", places=places_from_doc(doc))


def _one(nlp, text: str, trigger: str) -> Event:
    found = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.type, e.modality) for e in _events(nlp, text)]
    return found[0]


@pytest.mark.parametrize(("text", "trigger"), [
    ("The militants beheaded the aid worker Marta Quell on Monday.", "beheaded"),
    ("Marta Quell was executed by the group in Raqqa.", "executed"),
    ("Quell is the second aid worker murdered by the group this month.", "murdered"),
    ("The rebels murdered the village teacher, residents of Raqqa said.", "murdered"),
    ("The footage shows the aid worker Marta Quell being killed.", "killed"),
])
def test_a_finished_killing_of_one_person_is_one_death(nlp_sm, text: str, trigger: str) -> None:
    event = _one(nlp_sm, text, trigger)
    assert event.fatalities is not None and (event.fatalities.low, event.fatalities.high) == (1, 1)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The rebels executed their plan on Monday.", "executed"),
    ("The group threatened to kill the aid worker.", "kill"),
    ("Gunmen killed two guards and a driver in Raqqa.", "killed"),
])
def test_no_single_death_from_a_plan_a_threat_or_a_count(nlp_sm, text: str, trigger: str) -> None:
    events = [e for e in _events(nlp_sm, text) if e.trigger == trigger]
    assert all(e.fatalities is None or e.fatalities.low != 1 for e in events), events


def test_a_disappeared_person_is_the_victim_not_the_doer(nlp_sm) -> None:
    event = _one(nlp_sm, "Mr Ostrander disappeared in Syria in 2014.", "disappeared")
    assert event.actor is None
    assert event.target is not None and "Ostrander" in event.target.text


def test_a_passive_victim_is_not_also_the_doer(nlp_sm) -> None:
    event = _one(nlp_sm, "Ostrander, 40, was kidnapped in 2014 while reporting from Aleppo.", "kidnapped")
    assert event.actor is None and event.target is not None


def test_a_capture_told_after_a_main_clause_has_no_borrowed_doer(nlp_sm) -> None:
    text = "Ostrander was a freelance photographer covering the war in Syria when he was captured in 2014."
    event = _one(nlp_sm, text, "captured")
    assert event.actor is None  # not the photographer the main clause is about
    assert event.acled is not None and event.acled["sub_event_type"] == "Abduction/forced disappearance"


def test_a_captured_person_named_in_passing_is_an_abduction_with_no_dead(nlp_sm) -> None:
    text = "The group says it beheaded the captured photographer, a monitoring group said."
    captured = [e for e in _events(nlp_sm, text) if e.trigger == "captured"]
    for event in captured:
        assert event.acled is None or event.acled["sub_event_type"] == "Abduction/forced disappearance"
        assert event.fatalities is None


def test_it_in_a_relative_clause_is_its_own_subject(nlp_sm) -> None:
    text = "The group posted a video in which it beheaded a Danish photographer."
    event = _one(nlp_sm, text, "beheaded")
    assert event.actor is None or event.actor.text != "video"


@pytest.mark.parametrize("text", [
    "The group released a video of the hostage on Tuesday.",
    "The ministry released a statement on the clashes.",
])
def test_releasing_a_video_or_statement_frees_no_one(nlp_sm, text: str) -> None:
    assert not [e for e in _events(nlp_sm, text) if e.type == "CONCEDE"]


def test_a_released_captive_is_still_a_release(nlp_sm) -> None:
    events = _events(nlp_sm, "The rebels released the two hostages near Aleppo on Tuesday.")
    assert [e for e in events if e.type == "CONCEDE"]


def test_a_victim_named_in_apposition_is_that_person(nlp_sm) -> None:
    event = _one(nlp_sm, "The group has executed a second foreign photographer, Ana Lopez, in Raqqa.", "executed")
    assert event.target is not None and event.target.text == "Ana Lopez"
    assert event.target.kind == "person"  # not the Afghan army's acronym, ANA
    assert event.acled is not None and event.acled["sub_event_type"] == "Attack"


def test_a_fatal_shooting_of_one_person_is_one_death_even_when_alleged(nlp_sm):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    for text, modality in [("Christopher Simpson is accused of fatally shooting Ka'Loni Flynn of Fort Smith.", "alleged"),
                           ("Three undercover deputies fatally shot the man outside his apartment.", "asserted")]:
        doc = nlp_sm(text)
        shots = [e for e in find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))
                 if e.trigger in {"shot", "shooting"}]
        assert shots and shots[0].modality == modality
        assert shots[0].fatalities is not None and shots[0].fatalities.low == 1
    doc = nlp_sm("Police shot the man in the leg.")
    assert all(e.fatalities is None for e in find_events(doc, doc_id="t", published=None, places=places_from_doc(doc)))
