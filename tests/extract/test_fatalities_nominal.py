"""Deaths told by a noun phrase about one person or a count of persons (extract/events/deaths.py),
read through ``event_fatalities`` and, for which event takes them, through the spaCy model."""

from __future__ import annotations

import pytest

from crosswire.extract.events.fatalities import event_fatalities


def _at(text: str, word: str | None):
    return event_fatalities(text, None if word is None else text.index(word))


@pytest.mark.parametrize(
    ("text", "trigger", "low", "victims"),
    [
        # a singular person killed, named or not, told by the killing's noun
        ("Police are investigating the murder of a deputy in the county.", None, 1, None),
        ("The police killing of a teenager in Exarchia was caught on video.", None, 1, None),
        ("The brutal slaying of a farmer in the old town shocked residents.", None, 1, "civilians"),
        ("Investigators reopened the shooting death of Marcus Obi on Tuesday.", None, 1, None),
        ("The assassination of a provincial governor was claimed by the group.", None, 1, None),
        ("Prosecutors described the fatal stabbing of a 17-year-old outside a club.", None, 1, None),
        ("Gunmen attacked the village, resulting in the death of a civilian.", "attacked", 1, "civilians"),
        ("The death of 14-year-old Nikos in the raid was confirmed.", None, 1, None),
        ("Officials confirmed the lynching of a suspected thief in the market.", None, 1, None),
        # possessive: whose death
        ("His death was confirmed by the army on Monday.", None, 1, None),
        ("Police are investigating the girl's death.", None, 1, None),
        ("The army's killing of the commander was confirmed.", None, 1, None),  # the killer's possessive
        ("Doctors said Okafor's murder was carried out at close range.", None, 1, None),
        # phrases that only tell one death, with a singular subject
        ("Gunmen shot a trader; he succumbed to his wounds on Sunday.", "shot", 1, None),
        ("She later succumbed to her injuries in hospital.", None, 1, None),
        ("He was pronounced dead at the hospital.", None, 1, None),
        ("A pedestrian was hit by the convoy and died at the scene.", None, 1, None),
        ("A 30-year-old man died on the way to hospital.", None, 1, None),
        ("The guard was fatally shot at the gate.", None, 1, "police"),
        ("He was fatally wounded in the ambush.", None, 1, None),
        ("Gunmen opened fire on a checkpoint, fatally wounding a soldier.", "opened", 1, "soldiers"),
        ("He was shot in the head and killed instantly.", None, 1, None),
        # counts of persons told by a noun
        ("Police investigated the killings of two teenagers.", None, 2, None),
        ("The deaths of three workers prompted an inquiry.", None, 3, None),
        ("Detectives are examining the murder of two brothers in the village.", None, 2, None),
        # a stated figure wins over a phrase that implies one
        ("Three people were killed instantly when the bomb went off.", None, 3, None),
    ],
)
def test_nominal_death_counts(text: str, trigger: str | None, low: int, victims: str | None) -> None:
    result = _at(text, trigger)
    assert result is not None, text
    assert (result.low, result.high, result.victims) == (low, low, victims)
    assert result.text is not None and result.text in text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The journalist received death threats after the report.", None),
        ("He faces the death penalty if convicted.", None),
        ("He was sentenced to death in absentia.", None),
        ("His death sentence was commuted.", None),
        ("It was a near-death experience for the climber.", None),
        ("A killing spree was feared after the threats.", None),
        ("He was shot and wounded outside his home.", None),
        ("The officer was critically injured in the blast.", None),
        ("They were killing time at the station.", None),
        ("He was charged with the attempted murder of a police officer.", None),
        ("The group plotted the assassination of a minister.", None),
        ("He faked his death to escape his creditors.", None),
        ("The death of the peace process was declared.", None),  # no person
        ("The shooting of a teenager outside a bar is under investigation.", None),  # shot, not said to have died
        # a court step's ground: the trial or sentence takes no count
        ("The man faces life in prison for the murder of his wife.", None),
        ("The man faces life in prison for the murder of his wife.", "faces"),
        ("The officer went on trial for the killing of a teenager.", "trial"),
        # a protest's or riot's reason: the riot takes no count
        ("Riots sparked by the killing of a teenager spread to five cities.", "Riots"),
        ("Riots sparked by the killing of a teenager spread to five cities.", None),
        ("After the boy's death, riots broke out across the city.", "riots"),
        ("Hundreds protested over the shooting death of Marcus Obi.", "protested"),
        ("Protests followed the police killing of a teenager in Athens.", "Protests"),
        ("The fatal shooting of a 16-year-old by police sparked riots.", "riots"),
        ("Youths rioted in the wake of the murder of a local imam.", "rioted"),
        # named as what a protest was over, the toll goes to no event: the killing's own event
        # would be absorbed into the protest, carrying the toll with it
        ("Riots sparked by the killing of a teenager spread to five cities.", "killing"),
        ("Villagers blocked a road in protest at the killing of a farmer.", "killing"),
    ],
)
def test_nominal_death_negatives(text: str, trigger: str | None) -> None:
    assert _at(text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The police killing of a teenager sparked riots in Athens.", "killing"),
        ("The fatal shooting of a 16-year-old by police sparked riots.", "shooting"),
        ("The man faces life in prison for the murder of his wife.", "murder"),
    ],
)
def test_nominal_death_reason_belongs_to_the_killing(text: str, trigger: str) -> None:
    """A toll told as a reason or a court step's ground is the killing's own, when the killing is the event."""
    result = _at(text, trigger)
    assert result is not None and result.low == 1


def _events(nlp, text: str):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Gunmen attacked a village in Borno, resulting in the death of a civilian.", 1),
        ("Unidentified gunmen shot a trader in Diffa; he succumbed to his wounds on Sunday.", 1),
        ("Gunmen opened fire on a checkpoint, fatally wounding a soldier.", 1),
        ("Police are investigating the murder of a deputy in Ohio.", 1),
        ("Police investigated the killings of two teenagers in Lagos.", 2),
    ],
)
def test_nominal_death_on_the_event(nlp_sm, text: str, low: int) -> None:
    events = _events(nlp_sm, text)
    assert [e.fatalities.low for e in events if e.fatalities is not None] == [low], [(e.type, e.fatalities) for e in events]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Riots broke out in Athens after the police killing of a teenager.",
        "Hundreds protested in Brooklyn over the shooting death of Marcus Obi.",
        "The killing of a teenager by police sparked riots in Athens.",
        "Students marched in Lagos to protest the murder of a classmate.",
    ],
)
def test_nominal_death_not_on_the_riot(nlp_sm, text: str) -> None:
    events = _events(nlp_sm, text)
    assert any(e.type == "PROTEST" for e in events), events
    for event in events:
        if event.type == "PROTEST":
            assert event.fatalities is None, event


@pytest.mark.parametrize("sentence, low", [
    ("The slug killed Deputy Ortiz instantly.", 1),
    ("A sniper killed the deputy near the market.", 1),
    ("Gunmen shot dead a teenager outside the school.", 1),
    ("He tried to kill the deputy.", None),
    ("He plotted to kill his wife.", None),
])
def test_a_killing_verb_with_one_person_as_object_is_one_death(sentence: str, low: int | None) -> None:
    from crosswire.extract.events.deaths import nominal_deaths

    found = nominal_deaths(sentence)
    assert (found[0].low if found else None) == low
