"""Tests for crosswire.extract.events.disasters: deaths from nature, accidents or illness are no conflict event."""

from __future__ import annotations

import pytest

from crosswire.extract.events.disasters import non_conflict, recast
from crosswire.extract.events.arguments import arguments
from crosswire.extract.events.triggers import find_triggers
from crosswire.records import Event, Evidence

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]


def _read(nlp, text: str) -> list[tuple[str, tuple[str | None, str] | None]]:
    """Each violent-or-other trigger of the text with what non_conflict makes of it."""
    out = []
    for sent in nlp(text).sents:
        for trig in find_triggers(sent):
            actor, target, _ = arguments(trig)
            out.append((trig.text, non_conflict(trig, actor, target, sent)))
    return out


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # a natural hazard as the actor, "the Richter scale" included
        ("An earthquake measuring 6.1 on the Richter scale struck Varkesh, killing 40 people.", "struck",
         ("DISASTER", "earthquake")),
        ("Floods killed 23 people in Marel on Sunday.", "killed", ("DISASTER", "flood")),
        ("Typhoon Orla struck the coast on Friday, killing 60 people.", "struck", ("DISASTER", "storm")),
        # a hazard or accident named as the cause
        ("At least 9 people were killed in a landslide in Oskar.", "killed", ("DISASTER", "landslide")),
        ("Five people were killed in a car crash near Marel.", "killed", ("ACCIDENT", "crash")),
        # a killing that hangs from a verb of accident
        ("A bus plunged into a ravine near Talen, killing 17 passengers.", "killing", ("ACCIDENT", "crash")),
        ("The building collapsed on Wednesday, killing five workers.", "killing", ("ACCIDENT", "collapse")),
        # a driver hitting pedestrians, with no word of intent
        ("A driver hit three pedestrians in Brooklyn on Saturday.", "hit", ("ACCIDENT", "crash")),
        # a car named by its make, model or colour, whatever the parse makes its head
        ("He was hit by a silver Nissan Altima and sent sliding across the road.", "hit", ("ACCIDENT", "crash")),
        ("Ana Ruiz was hit by a 2013 gray Camry near Main Street in Denver.", "hit", ("ACCIDENT", "crash")),
        # firefighting is no battle
        ("Firefighters battled the blaze in Corlan on Monday.", "battled", ("ACCIDENT", "fire")),
        # a group of hazards ("a series of earthquakes"), and a vehicle's own fall in a clause of a
        # coordinated verb (both read wrong as attacks on real pages, realnews v tune part)
        ("A series of earthquakes hit the hills of Oskar on Friday, killing at least 50 people.", "killing",
         ("DISASTER", "earthquake")),
        ("At least 25 passengers were killed and 35 injured after their bus fell into a gorge near Talen.", "killed",
         ("ACCIDENT", "crash")),
        # illness is no event at all
        ("The singer died on Thursday after suffering a heart attack.", "attack", (None, "illness")),
    ],
)
def test_disasters_non_conflict(nlp_sm, text: str, trigger: str, kind: tuple[str | None, str]) -> None:
    assert (trigger, kind) in _read(nlp_sm, text)


@pytest.mark.parametrize(
    "text",
    [
        "A man deliberately drove his car into protesters in Talen, killing one.",  # said to be deliberate
        "Rebels attacked flood victims in Marel on Monday, killing 4.",  # victims of a flood, attacked by rebels
        "Three soldiers were killed in cross fire in Dara on Monday.",  # combat fire
        "Warplanes struck the town of Marel, killing 9 people.",  # aircraft are no traffic
        "The court overturned the ruling, striking down the law.",  # a verb of accident, but no killing
        "A truck hit a checkpoint in Gao in a suicide attack, killing 3 soldiers.",
        "Gunmen in a pickup truck shot dead two soldiers in Kano.",  # armed men in a car
    ],
)
def test_disasters_conflict_stays_conflict(nlp_sm, text: str) -> None:
    read = _read(nlp_sm, text)
    assert read and all(kind is None for _, kind in read), read


def test_disasters_a_flood_in_the_background_leaves_the_killing_an_attack(nlp_sm) -> None:
    read = dict(_read(nlp_sm, "Gunmen killed 12 villagers in Marel, days after floods hit the region."))
    assert read["killed"] is None and read["hit"] == ("DISASTER", "flood")


def _event(type_: str = "ASSAULT") -> Event:
    return Event(id="e", doc="d", type=type_, mode=None, acled={"event_type": "Violence against civilians",
                 "sub_event_type": "Attack"}, actor=None, target=None, places=[], date=None, date_text=None,
                 date_precision=None, date_basis=None, fatalities=None, according_to=None, modality="asserted",
                 reported_by=None, trigger="killed", evidence=Evidence(0, 1, "x"))


def test_disasters_recast_drops_acled_and_actor(nlp_sm) -> None:
    sent = next(nlp_sm("Floods killed 23 people in Marel on Sunday.").sents)
    trig = next(t for t in find_triggers(sent) if t.text == "killed")
    actor, target, _ = arguments(trig)
    event = recast(_event(), trig, actor, target, sent)
    assert event is not None and (event.type, event.mode, event.acled, event.actor) == ("DISASTER", "flood", None, None)


def test_disasters_recast_illness_is_no_event(nlp_sm) -> None:
    sent = next(nlp_sm("She died after suffering a heart attack.").sents)
    trig = next(t for t in find_triggers(sent) if t.text == "attack")
    assert recast(_event(), trig, None, None, sent) is None
    assert recast(None, trig, None, None, sent) is None


def test_disasters_end_to_end_no_acled_code_no_actor(nlp_sm) -> None:
    from crosswire.extract.events.core import find_events

    text = ("An earthquake measuring 6.1 on the Richter scale struck Varkesh on Monday, killing 40 people.\n\n"
            "A driver hit three pedestrians in Marel on Saturday, killing a 16-year-old girl.")
    events = find_events(nlp_sm(text), doc_id="d", published=None)
    assert [(e.type, e.acled, e.actor) for e in events] == [("DISASTER", None, None), ("ACCIDENT", None, None)]
    assert [e.fatalities.low for e in events if e.fatalities] == [40, 1]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # an outbreak named in the clause that tells why the dead died
        ("Some 900 people have been killed in the delta towns, as cholera has spread after the rains.", "killed",
         ("DISASTER", "epidemic")),
        # a hazard the sentence before names, for a death nobody is said to have caused
        ("The tsunami struck the coast of Velmar on Sunday. More than 300 were killed in Ostra and Kell.", "killed",
         ("DISASTER", "tsunami")),
        # animals killed or shot are no conflict event
        ("Campaigners say deputies are killing animals in the flooded parish.", "killing", (None, "animals")),
    ],
)
def test_causes_told_by_a_clause_or_the_sentence_before_and_animals(nlp_sm, text, trigger, kind):
    assert (trigger, kind) in _read(nlp_sm, text)


@pytest.mark.parametrize("text", [
    # a hazard the sentence before names does not excuse armed men, nor an actor named
    "Heavy rain fell on Marel. Five people were killed when gunmen opened fire on the market.",
    "The storm had passed. Rebels killed four soldiers near Ostra.",
])
def test_a_hazard_just_told_does_not_recast_a_killing_with_a_doer(nlp_sm, text):
    assert all(kind is None or kind[0] is not None and kind[0] != "DISASTER" for _, kind in _read(nlp_sm, text)
               if _ == "killed"), _read(nlp_sm, text)
