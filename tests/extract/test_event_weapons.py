"""A generic attack told with its weapon is typed by the weapon (extract/events/weapons.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.core import find_events

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]


def _subtypes(nlp, text: str) -> list[str | None]:
    return [(e.acled or {}).get("sub_event_type") for e in find_events(nlp(text), doc_id="t", published=None)]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Four soldiers were killed after their truck was hit by a roadside bomb near Garel.",
     "Remote explosive/landmine/IED"),
    ("Three civilians were killed when a mortar attack hit the town of Varkesh.",
     "Shelling/artillery/missile attack"),
    ("Two traders were killed in a rocket strike on the market in Oskar.", "Shelling/artillery/missile attack"),
])
def test_the_weapon_tied_to_a_killing_types_it(nlp_sm, text: str, sub_type: str) -> None:
    assert sub_type in _subtypes(nlp_sm, text)


@pytest.mark.parametrize(("text", "sub_type"), [
    # a weapon that is no remote violence leaves the target to decide
    ("Gunmen killed three villagers with machetes in Kano.", "Attack"),
    ("Gunmen shot dead two police officers with rifles near Garel.", "Armed clash"),
])
def test_other_weapons_leave_the_type_to_the_target(nlp_sm, text: str, sub_type: str) -> None:
    assert sub_type in _subtypes(nlp_sm, text)
