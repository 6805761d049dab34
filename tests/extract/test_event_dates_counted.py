"""Days counted from another event, and a court report's days (issue 11).

The fourteenth blind reading found a trial report's violence dated by its verdict and by the
jury's recommendation, and "four days earlier" counted from the report's own day. So:

* "N days earlier/later", "the day before" count from a date the sentence states, never
  from the publication date; with none the event stays undated;
* "on 9 May, two days after the bombing" puts the bombing two days before 9 May;
* two violent acts a sentence dates apart are two events, and a toll is counted once;
* a date on a verdict ("convicted March 20 of murder") is not the crime's;
* "recommended that he be executed" has not happened.
Every sentence is written for this file.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.extract.dates import event_date

PUBLISHED = "2015-10-07"


def _dated(text: str, trigger: str, anchor: str | None = PUBLISHED):
    mention = event_date(text, text.index(trigger), anchor)
    return None if mention is None else (mention.date, mention.precision)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # counted from the day the sentence states
    ("The guard was killed on 24 June, while looking into a robbery in which the gang shot a clerk "
     "four days earlier.", "shot", ("2015-06-20", "day")),
    ("Rebels shelled the depot on 3 May and the army struck back two days later.", "struck back", ("2015-05-05", "day")),
    ("The clinic was bombed on Monday, 5 October; a school nearby had been hit the day before.", "hit",
     ("2015-10-04", "day")),
    # the day the sentence states still dates its own event
    ("The guard was killed on 24 June, while looking into a robbery in which the gang shot a clerk "
     "four days earlier.", "killed", ("2015-06-24", "day")),
    # nothing to count from: unknown, not counted from the report's day
    ("Four days earlier, gunmen had shot a clerk in the same street.", "shot", (None, "day")),
    ("A day earlier, a car bomb had wrecked the market.", "wrecked", (None, "day")),
    # the trigger is what the expression counts from: it dates another event
    ("Police detained the driver two days after the bombing of the bus depot.", "bombing", (None, "day")),
    ("Police detained the driver on 9 May, two days after the bombing of the bus depot.", "bombing",
     ("2015-05-07", "day")),
    ("Police detained the driver on 9 May, two days after the bombing of the bus depot.", "detained",
     ("2015-05-09", "day")),
    # "ago" counts from the report, as before
    ("Gunmen shot a clerk four days ago.", "shot", ("2015-10-03", "day")),
])
def test_counted_days(text: str, trigger: str, expected) -> None:
    assert _dated(text, trigger) == expected


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), n=st.integers(1, 30),
       word=st.sampled_from(["later", "after"]))
def test_counted_days_add_to_the_stated_day(day: date, n: int, word: str) -> None:
    stated = f"{day.day} {day.strftime('%B')} {day.year}"
    text = f"The clerk was shot on {stated}, and the guard was stabbed {n} days {word}."
    assert _dated(text, "stabbed", None) == ((day + timedelta(days=n)).isoformat(), "day")
    assert _dated(text, "shot", None) == (day.isoformat(), "day")


def _events(nlp, text: str):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published=PUBLISHED, places=places_from_doc(doc))


@pytest.mark.model
def test_acts_dated_apart_are_two_events_and_the_toll_is_counted_once(nlp_sm) -> None:
    events = _events(nlp_sm, "The guard was killed on 24 June, while looking into a robbery in which the gang "
                          "shot a clerk in the leg four days earlier.")
    by_trigger = {e.trigger: e for e in events}
    assert {"killed", "shot"} <= set(by_trigger)
    assert by_trigger["killed"].date == "2015-06-24" and by_trigger["killed"].fatalities.low == 1
    assert by_trigger["shot"].date == "2015-06-20" and by_trigger["shot"].fatalities is None


@pytest.mark.model
def test_acts_of_one_day_share_the_toll(nlp_sm) -> None:
    events = _events(nlp_sm, "Militia fighters overran the village of Karsa on 2 March 2022 after the garrison "
                          "withdrew; four farmers died in the assault.")
    assert any(e.fatalities is not None and e.fatalities.low == 4 for e in events)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kemp was convicted May 4 of first-degree murder for the stabbing of a cashier.",
    "The builder was convicted Tuesday of manslaughter in the death of a roofer.",
])
def test_a_verdict_day_dates_no_crime(nlp_sm, text: str) -> None:
    for event in _events(nlp_sm, text):
        if event.type == "ASSAULT":
            assert event.modality not in {"asserted", "reported"} or event.date is None, event


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A jury recommended on Friday that Kemp be executed.",
    "The council demanded that the hostages be shot at dawn.",
    "The panel ordered that the two deserters be shot.",
    "The elders decreed that the thief be beaten in public.",
    "The gang leader arranged for the informer to be shot.",
    "The general planned to have the prisoners shot.",
])
def test_what_a_recommendation_asks_for_has_not_happened(nlp_sm, text: str) -> None:
    assert not [e for e in _events(nlp_sm, text) if e.modality in {"asserted", "reported"} and e.acled]


@pytest.mark.model
def test_undated_background_takes_no_day_from_a_recommendation(nlp_sm) -> None:
    text = ("A jury recommended on Friday that Kemp be executed.\n"
            "He had shot the cashier while hiding behind the counter, the judge noted.")
    shot = [e for e in _events(nlp_sm, text) if e.trigger == "shot"]
    assert shot and shot[0].date is None
