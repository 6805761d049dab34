"""Things are not people: a thing taken away is no abduction, a bonfire burning is no attack."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


PUBLISHED = "2013-09-14"


@pytest.mark.parametrize("text", [
    "Police failed to locate the organ and believe it was taken away by the attackers.",
    "Nearby, protesters rest and regroup around bonfires that burn until dawn.",
])
def test_no_violence_done_to_or_by_a_thing(read_events, text: str) -> None:
    assert not [e for e in read_events(PUBLISHED, text) if e.acled is not None]


def test_people_taken_away_are_abducted(read_events) -> None:
    events = read_events(PUBLISHED, "Gunmen took away three villagers on Monday.")
    assert [e.acled["sub_event_type"] for e in events if e.acled] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize(("text", "attacks"), [
    ('"The moment he hit that gas, I went, that woman just died," a witness said.', 0),
    ("He hit the brakes and struck a nerve with the crowd.", 0),
    ("An airstrike hit a gas station in Idlib.", 1),
])
def test_driving_idioms_are_no_violence(read_events, text: str, attacks: int) -> None:
    assert len([e for e in read_events(PUBLISHED, text) if e.acled is not None]) == attacks


@pytest.mark.parametrize("text", [
    "The case first captured the nation's attention when Laci Peterson disappeared.",
    "Last week, we saw an explosion of rage from the students in our town.",
    "She hit her head on the pavement as she fell.",
    "A brown bear attacked a fisherman in Yakutia on Monday.",  # an animal's attack is no conflict event
])
def test_figures_falls_and_animals_are_no_acled_event(read_events, text: str) -> None:
    assert not [e for e in read_events(PUBLISHED, text) if e.acled is not None and e.trigger in {"captured", "explosion", "hit", "attacked"}]


def test_a_ricochet_is_no_doer_and_a_victim_is_not_his_own_killer(read_events) -> None:
    events = read_events(PUBLISHED, "The report concluded the boy was accidentally hit by a ricochet.")
    assert events and all(e.actor is None for e in events)
    shot = read_events(PUBLISHED, "Before he was fatally shot, Deputy Jerry Ortiz was searching for Orozco; Ortiz was shot in the head.")
    assert all(not (e.actor and e.target and e.actor.text.split()[-1] == e.target.text.split()[-1]) for e in shot)
