"""Records that are no events at all (a blind reading of real news found each class): negated
events, figurative or non-violent senses of violent verbs, court steps about a violent act, and
counterfactuals. Only ``asserted`` and ``reported`` count as having happened, so each of these
must be something else or nothing. Every sentence is written for this file.
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


def _happened(nlp, text: str) -> list[Event]:
    return [e for e in _events(nlp, text) if e.modality in HAPPENED]


def _show(events: list[Event]) -> list[tuple[str, str, str | None]]:
    return [(e.trigger, e.modality, e.acled["sub_event_type"] if e.acled else None) for e in events]


# --- 1. Negated events did not happen -------------------------------------------------------

@pytest.mark.parametrize(("text", "type_"), [
    ("The suspect was not taken into custody.", "COERCE"),
    ("Police did not fire on the crowd in Lagos.", "ASSAULT"),
    ("No one was arrested after the march in Lagos.", "COERCE"),
    ("Nobody was hurt in the incident in Kabul.", "ASSAULT"),
    ("Nobody was killed when the market burned in Kabul.", "ASSAULT"),
    ("No one was injured, police in Kabul said.", "ASSAULT"),
    ("No civilians were killed in the operation near Kandahar.", "ASSAULT"),
    ("The gunmen killed nobody, witnesses in Kabul said.", "ASSAULT"),
    ("The device failed to detonate outside the mosque in Kabul.", "ASSAULT"),
    ("The bomb failed to explode near the checkpoint in Kandahar.", "ASSAULT"),
    ("The rebels never attacked the town of Kandahar.", "ASSAULT"),
    ("Soldiers did not open fire on protesters in Lagos, the army said.", "ASSAULT"),
    ("None of the hostages were killed in Mogadishu.", "ASSAULT"),
    ("Police have not arrested anyone over the shooting in Lagos.", "COERCE"),
])
def test_negated_events_did_not_happen(nlp_sm, text: str, type_: str) -> None:
    happened = [e for e in _happened(nlp_sm, text) if e.type == type_]
    assert not happened, _show(_events(nlp_sm, text))


# --- 2. Figurative or non-violent senses -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The scandal destroyed his chances of winning the election.",
    "The defeat destroyed their hopes of promotion.",
    "The affair destroyed her career and her credibility.",
    "After ten years with the firm he struck out on his own.",
    "The opposition attacked the plan as reckless.",
    "The senator attacked the proposal in a speech on Monday.",
    "His rival attacked his record on crime during the debate.",
    "Passengers were killing time at the airport in Lagos.",
    "The minister shot down the idea of a new tax.",
    "The club fired the coach after a run of defeats.",
    "The board fired its manager on Tuesday.",
    "The team blew a three-goal lead in the second half.",
    "The company beat the deadline by two days.",
    "She beat the odds to win the seat.",
    "The striker torched the defence twice before half-time.",
    "The film bombed at the box office.",
    "The new tariffs hit exporters hard.",
    "The storm of criticism killed the bill in the Senate.",
])
def test_figurative_senses_are_no_violence(nlp_sm, text: str) -> None:
    violent = [e for e in _happened(nlp_sm, text) if e.type in {"ASSAULT", "FIGHT", "COERCE"}]
    assert not violent, _show(_events(nlp_sm, text))


# --- 3. Court steps are not the violent act ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "A man was convicted of murder in Lagos on Tuesday.",
    "He was sentenced on Monday for the killing of a shopkeeper.",
    "Two men were charged with murder on Friday.",
    "The guard pleaded guilty to assault on Wednesday.",
    "The murder trial opened in Nairobi on Monday.",
    "Jurors found him guilty of killing his neighbour.",
    "He faces life in prison for the shooting.",
    "The officer was acquitted of manslaughter and assault on Thursday.",
    "A court in Nairobi jailed the man for the stabbing of a teenager.",
    "Prosecutors indicted three men for the kidnapping on Monday.",
    "He was found guilty of the 2019 bombing.",
])
def test_court_steps_are_no_violent_event(nlp_sm, text: str) -> None:
    violent = [e for e in _happened(nlp_sm, text)
               if e.acled and e.acled["event_type"] in {"Violence against civilians", "Battles",
                                                        "Explosions/Remote violence", "Riots"}]
    assert not violent, _show(_events(nlp_sm, text))


# --- 4. Counterfactuals and speculation --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The bomb could have killed dozens of people in Kabul.",
    "It would have been a massacre, the governor of Kandahar said.",
    "The guard might have been shot if he had stayed in Kabul.",
    "The blast would have destroyed the whole market in Kabul.",
    "Without the warning, militants could have attacked the school in Kandahar.",
])
def test_counterfactuals_are_hypothetical(nlp_sm, text: str) -> None:
    assert not _happened(nlp_sm, text), _show(_events(nlp_sm, text))


# --- What must still be events -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "type_"), [
    ("Police arrested two men in Lagos on Monday.", "COERCE"),
    ("He was shot dead in Kandahar on Sunday.", "ASSAULT"),
    ("The man who was convicted of murder shot a deputy in 2005.", "ASSAULT"),
    ("Gunmen attacked a police post in Kandahar on Monday.", "ASSAULT"),
    ("Militants destroyed a bridge near Kandahar on Monday.", "COERCE"),
    ("Rioters torched a police station in Lagos.", "COERCE"),
    ("Soldiers opened fire on protesters in Lagos on Tuesday.", "ASSAULT"),
    ("Two people were killed and no one was arrested in Lagos.", "ASSAULT"),
    ("A bomb exploded in Kabul, killing three people.", "ASSAULT"),
    ("Police detained a man who was later charged with murder.", "COERCE"),
    ("Gunmen killed a judge who had convicted a militant of murder.", "ASSAULT"),
    ("Militants stormed a court in Kabul and killed a prosecutor.", "ASSAULT"),
])
def test_real_events_stay(nlp_sm, text: str, type_: str) -> None:
    assert any(e.type == type_ for e in _happened(nlp_sm, text)), _show(_events(nlp_sm, text))


def test_a_figurative_sense_beside_a_real_attack_keeps_the_attack(nlp_sm) -> None:
    text = "The minister attacked the plan, a day after gunmen attacked a convoy near Kandahar."
    happened = [e for e in _happened(nlp_sm, text) if e.type == "ASSAULT"]
    assert len(happened) == 1 and happened[0].target is not None and "convoy" in happened[0].target.text, _show(happened)
    assert any(e.type == "DISAPPROVE" and e.modality == "stated" for e in _events(nlp_sm, text))


def test_the_crime_a_court_step_names_has_no_acled_code_nor_the_steps_date(nlp_sm) -> None:
    events = [e for e in _events(nlp_sm, "A man was convicted of murder in Lagos on Tuesday.") if e.type == "ASSAULT"]
    assert all(e.modality == "alleged" and e.acled is None and e.date is None for e in events), _show(events)
