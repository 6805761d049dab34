"""Where a person lives ("Tays, 32, of Franklin") is not where the event happened (extract/events/places.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _places(nlp, text: str) -> list[list[str]]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return [[p.text for p in e.places] for e in find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))
            if e.acled]


@pytest.mark.parametrize("text", [
    "Officers arrested Christopher Tays, 32, of Franklin, after stopping his car in Columbus on Monday.",
    "A 19-year-old man from Dayton was shot dead in Cincinnati on Monday.",
    "Police arrested John Smith of Dayton in Cincinnati on Monday.",
])
def test_a_residence_gives_way_to_the_place_of_the_event(nlp_sm, text: str) -> None:
    found = _places(nlp_sm, text)
    assert found and all(p and p[0] in {"Columbus", "Cincinnati"} for p in found), found


def test_a_residence_is_not_carried_to_the_next_line_but_is_the_last_resort(nlp_sm) -> None:
    lines = ("Police said Mary Burton, 57, of Dayton, was arrested on Monday.\n"
             "Officers also arrested a second man on a warrant.\n")
    first, second = _places(nlp_sm, lines)
    assert first == ["Dayton"] and second == []


def test_people_of_a_town_attacked_there_are_no_residence(nlp_sm) -> None:
    assert _places(nlp_sm, "Government forces shelled residents of Aleppo on Monday.") == [["Aleppo"]]
