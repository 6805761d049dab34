"""A report's air strike told again in plain words is the air strike (extract/events/strikes.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.strikes import is_plain_attack, strikes_told_again
from crosswire.records import Event, Evidence, Party


def event(n: int, trigger: str, *, mode=None, actor=None, modality="asserted", type_="ASSAULT") -> Event:
    sub = "Air/drone strike" if mode == "aerial" else "Armed clash"
    return Event(id=f"e{n}", doc="d", type=type_, mode=mode, acled={"event_type": "x", "sub_event_type": sub},
                 actor=actor, target=None, places=[], date=None, date_text=None, date_precision=None,
                 fatalities=None, according_to=None, modality=modality, reported_by=None, trigger=trigger,
                 evidence=Evidence(n, n + 1, "s"))


COALITION = Party("the U.S.-led coalition", None, "ent-us", "USA")
US = Party("U.S.", "United States", "ent-usa", "USA")
ISIS = Party("ISIS militants", "Islamic State", "ent-is", "IRQ")


def subs(events):
    return [e.acled["sub_event_type"] for e in strikes_told_again(events)]


def test_plain_attacks_by_nobody_named_or_the_striking_side_are_the_air_strike():
    told = [event(0, "airstrike", mode="aerial", actor=COALITION), event(1, "attack"), event(2, "wounded"),
            event(3, "struck", actor=Party("U.S. forces", None, "ent-usf", "USA"))]
    assert subs(told) == ["Air/drone strike"] * 4


def test_another_side_or_a_weapon_of_its_own_keeps_its_coding():
    told = [event(0, "airstrike", mode="aerial", actor=US), event(1, "attacked", actor=ISIS),
            event(2, "shot", mode="firearms"), event(3, "fought", type_="FIGHT")]
    assert subs(told) == ["Air/drone strike", "Armed clash", "Armed clash", "Armed clash"]


def test_no_strike_told_as_having_happened_changes_nothing():
    told = [event(0, "airstrike", mode="aerial", modality="planned"), event(1, "the attack")]
    assert subs(told) == ["Air/drone strike", "Armed clash"]
    assert not is_plain_attack(event(2, "protest", type_="PROTEST"))


@pytest.mark.model
def test_in_a_report_the_strike_told_again_is_coded_as_the_strike(nlp_sm):
    from crosswire.extract.events.core import find_events

    text = ("Iraqi officials said Baghdadi was wounded in a U.S.-led airstrike on a convoy near Mosul on Friday.\n\n"
            "A local channel said one of his aides was killed.\n\n"
            "Separately, ISIS militants attacked a checkpoint near Kirkuk.\n")
    found = find_events(nlp_sm(text), doc_id="t", published=None)
    assert [e.acled["sub_event_type"] for e in found] == ["Air/drone strike", "Air/drone strike", "Armed clash"]


def test_with_no_striker_named_a_state_attacking_is_the_strike_an_armed_group_is_not():
    coalition = Party("US-led coalition", None, None, None, kind="military")
    told = [event(0, "air strike", mode="aerial"), event(1, "attack", actor=coalition),
            event(2, "attacked", actor=Party("Isis militants", None, "ent-is", "IRQ", kind="armed group"))]
    assert subs(told) == ["Air/drone strike", "Air/drone strike", "Armed clash"]


def test_a_strike_told_with_no_doer_is_the_one_named_sides():
    coalition = Party("the US-led coalition", None, None, None, kind="military", start=4, end=24)
    told = strikes_told_again([event(0, "air strikes", mode="aerial", actor=coalition),
                               event(1, "airstrike", mode="aerial")])
    assert told[1].actor is not None and told[1].actor.text == "the US-led coalition"
    assert (told[1].actor.start, told[1].actor.end) == (None, None)  # lent from another sentence


def test_two_sides_striking_lend_no_doer():
    russia = Party("Russian jets", None, "ent-ru", "RUS")
    coalition = Party("coalition aircraft", None, None, None)
    told = strikes_told_again([event(0, "bombed", mode="aerial", actor=russia),
                               event(1, "struck", mode="aerial", actor=coalition), event(2, "airstrike", mode="aerial")])
    assert told[2].actor is None
