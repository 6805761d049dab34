"""Where an event happened when its own sentence names no place: the sentences just before it."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-07-08"

# One sentence per line, as wire copy pasted line by line comes; the inserted link line has no stop.
LINES = ("Neighbours mourn couple found dead in Greenville, South Carolina\n"
         "Fire crews were called to the house on Thursday.\n"
         "Police in Greenville said the deaths were being treated as suspicious.\n"
         "Officers shot at on a highway\n"
         "Far to the north, two deputies from the town of Elkins, West Virginia, stopped a stolen car on Friday.\n"
         "Related: Attacks on deputies rise\n"
         "As they spoke to the driver, a truck pulled up beside them.\n"
         "A man in the truck then shot at both deputies on Friday.\n")


@pytest.mark.model
def test_a_line_by_line_text_carries_the_scene_over_its_lines(read_events) -> None:
    events = read_events(PUBLISHED, LINES)
    shooting = next(e for e in events if e.evidence.text.startswith("A man in the truck"))
    assert [p.name for p in shooting.places] == ["Elkins"]


@pytest.mark.model
def test_paragraphs_of_several_sentences_keep_their_own_scene(read_events) -> None:
    text = ("Police in Greenville said two people were found dead on Thursday. The house had burned down.\n\n"
            "The attackers shot at deputies on Friday. Nobody was hurt.\n\n"
            "Officials in Elkins, West Virginia, said the roads were closed. Snow fell all day.\n")
    events = read_events(PUBLISHED, text)
    shooting = next(e for e in events if "shot at deputies" in e.evidence.text)
    assert "Elkins" not in [p.name for p in shooting.places]  # a later paragraph's town is no witness


@pytest.mark.model
def test_a_dateline_or_a_country_named_as_a_doer_is_not_carried_over(read_events) -> None:
    text = ("Strikes go on\n"
            "KHARKIV, July 8 (Agency) -- The defence ministry gave its daily briefing.\n"
            "Since Kharkiv launched its campaign, Paris has urged restraint.\n"
            "The ministry spoke for an hour.\n"
            "Officials were asked about the front.\n"
            "Jets destroyed a depot and killed 12 fighters on Thursday.\n")
    events = read_events(PUBLISHED, text)
    strike = next(e for e in events if e.evidence.text.startswith("Jets destroyed"))
    assert not [p for p in strike.places if p.start is not None]
