"""A day that dates a clause the trigger only describes a party of is not the trigger's day."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(nlp, text: str, published: str = "2013-03-14"):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published=published, places=places_from_doc(doc))


def _dates(nlp, text: str, trigger: str) -> list[str | None]:
    return [e.date for e in _events(nlp, text) if e.trigger == trigger]


@pytest.mark.parametrize(("text", "trigger"), [
    ("On Wednesday the sister of the teen killed by police was arrested while crossing the street.", "killed"),
    ("Anger over the death of a teenager shot by police fueled a riot on Monday.", "shot"),
    ("Protesters marched on Monday over the killing of a teenager.", "killing"),
    # a date in a relative clause is that clause's day
    ("A vigil for Gray, who was shot by police on Saturday, turned ugly as mourners clashed with officers.",
     "clashed"),
])
def test_the_day_of_another_clause_does_not_date_a_party_s_past(nlp_sm, text: str, trigger: str) -> None:
    assert _dates(nlp_sm, text, trigger) == [None]


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("Anger over the death of a teenager fueled a riot on Monday.", "riot", "2013-03-11"),  # the verb's own object
    ("Rockets fired by militants hit a residential building in Ashkelon on 11 March 2013.", "Rockets fired",
     "2013-03-11"),
    ("Security forces fired on worshippers protesting after prayers in Zahedan on 8 March 2013.", "protesting",
     "2013-03-08"),
    ("Brenland will host the next round of talks on 20 March 2013.", "talks", "2013-03-20"),  # a round of talks
    ("A vigil for Gray, who was shot by police on Saturday, turned ugly.", "shot", "2013-03-09"),
])
def test_the_own_day_of_a_verb_s_party_is_kept(nlp_sm, text: str, trigger: str, day: str) -> None:
    assert day in _dates(nlp_sm, text, trigger)


def test_a_court_step_dates_its_crime_only_by_the_crime_s_own_phrase(nlp_sm) -> None:
    text = ("A jury on Tuesday ordered execution for a gang member convicted of murdering a sheriff's deputy "
            "in June 2005. He was found guilty by the same jury last month of the murder of a police officer.")
    murders = [e for e in _events(nlp_sm, text) if e.trigger in {"murdering", "murder"}]
    assert [(e.trigger, e.date, e.date_precision) for e in murders] == [
        ("murdering", "2005-06-01", "month"), ("murder", None, None)]
    assert all(e.acled is None and e.modality == "alleged" for e in murders)


def test_a_year_before_the_crime_dates_it(nlp_sm) -> None:
    events = _events(nlp_sm, "He was convicted on Tuesday of the 2005 murder of a deputy.")
    assert [(e.date, e.date_precision) for e in events if e.trigger == "murder"] == [("2005-01-01", "year")]


def test_a_riot_s_assaults_go_on_the_riot_s_day_not_the_shooting_s(nlp_sm) -> None:
    text = ("Officers shot a teenager on Saturday.\n\nA riot broke out on Monday after the vigil.\n\n"
            "Rioters rushed the entrance of a store, fighting with workers.\n\n"
            "At least one rioter assaulted a customer with a bottle.\n\nA manager of the store was also assaulted.")
    dated = {e.trigger: e.date for e in _events(nlp_sm, text)}  # the last of each trigger
    assert dated["shot"] == "2013-03-09"
    assert dated["fighting"] == "2013-03-11"
    assert [e.date for e in _events(nlp_sm, text) if e.trigger == "assaulted"] == ["2013-03-11", "2013-03-11"]
