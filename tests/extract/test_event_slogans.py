"""What is only said, chanted or written is no event: slogans, chants, banners; and a passive
verb borrows no doer from the clause it is joined to."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2021-03-10"


@pytest.mark.parametrize("text", [
    'The crowd shouted "They killed our children!" outside the police station.',
    "Placards outside the ministry read : `` The army kills '' and `` Down with the regime of assassins '' .",
    "Marchers carried placards saying “Stop the killing” through the centre.",
])
def test_a_slogan_chant_or_banner_tells_of_no_event(read_events, text: str) -> None:
    assert not [e for e in read_events(PUBLISHED, text) if e.type in {"ASSAULT", "FIGHT"}]


def test_a_quoted_report_of_a_killing_is_still_an_event(read_events) -> None:
    events = read_events(PUBLISHED, 'A witness said: "Police shot the boy in the street on Saturday."')
    assert [e for e in events if e.type == "ASSAULT"]


def test_a_passive_joined_to_an_active_clause_has_no_doer(read_events) -> None:
    text = "Officials said 565 shops were looted and several banks were being completely destroyed by fire."
    assert all(e.actor is None or "shop" not in e.actor.text for e in read_events(PUBLISHED, text))
    shops = "In Lyon, we had 312 shops suffering heavy damage or being totally destroyed, she said."
    assert all(e.actor is None or "shop" not in e.actor.text for e in read_events(PUBLISHED, shops))


def test_a_place_on_a_sports_team_is_no_fight(read_events) -> None:
    events = read_events(PUBLISHED, "She fought on the county's boxing team and coached cadets.")
    assert not [e for e in events if e.type == "FIGHT"]
