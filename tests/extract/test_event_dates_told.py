"""A day that hangs on the verb telling of an event is the telling's day, not the event's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _dates(nlp, text: str, trigger: str) -> list[str | None]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return [e.date for e in find_events(doc, doc_id="t", published="2013-03-14", places=places_from_doc(doc))
            if e.trigger == trigger]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police said Tuesday that officers shot the teenager.", "shot"),
    ("An autopsy on Wednesday revealed that Gray was hit by seven bullets.", "hit"),
    ("The anger intensified Wednesday when a medical report revealed Mills was hit by four bullets.", "hit"),
    ("A neighbour told reporters Wednesday that the boy was shot by police.", "shot"),
    ("Footage of the raid in which soldiers killed four men was published on Tuesday.", "killed"),  # the record's day
    # a time told as vague is no day, and borrows none from the sentence before
    ("Police arrested a man on Wednesday. Police believe the woman was killed sometime within the past few days.",
     "killed"),
])
def test_the_day_of_a_statement_does_not_date_what_it_tells(nlp_sm, text: str, trigger: str) -> None:
    assert _dates(nlp_sm, text, trigger) == [None]


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("Officers shot the teenager on Saturday, police said Tuesday.", "shot", "2013-03-09"),
    ("The army said it killed 20 militants in Gao on Tuesday.", "killed", "2013-03-12"),
    ("On Monday, the ministry said, its jets struck 12 targets.", "struck", "2013-03-11"),
    # a party telling of its own act, or declaring it, dates it by the telling
    ("Army officers announced on Tuesday that they had removed the president.", "removed", "2013-03-12"),
    ("On Tuesday, Iraqi forces declared Mosul liberated after driving the fighters out.", "liberated", "2013-03-12"),
])
def test_the_events_own_day_is_kept(nlp_sm, text: str, trigger: str, day: str) -> None:
    assert _dates(nlp_sm, text, trigger) == [day]
