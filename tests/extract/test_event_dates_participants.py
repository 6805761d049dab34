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
    text = ("Jurors on Tuesday chose death for a robber convicted of murdering a night guard in June 2005. "
            "He had been found guilty by those jurors last month of the murder of a police officer.")
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


def test_a_clause_set_days_apart_does_not_take_the_main_clause_s_day(nlp_sm) -> None:
    events = _events(nlp_sm, "Sunday's rampage happened only weeks after a farmer killed 10 people at a fair in Ohio.")
    assert [e.date for e in events if e.trigger == "killed"] == [None]


def test_coordinated_relative_clauses_share_their_day(nlp_sm) -> None:
    text = "Detectives are looking into the death of a boy who was killed and a girl who was hurt early Sunday."
    assert [e.date for e in _events(nlp_sm, text) if e.trigger == "killed"] == ["2013-03-10"]


@pytest.mark.parametrize(("text", "trigger", "modality"), [
    # a verdict on how an event went takes the event as having happened
    ("Officials said the shooting at the nursing home could have been bloodier.", "shooting", "reported"),
    # a negated past condition tells what did happen
    ("Officials said the shooting at the nursing home could have been bloodier if Officer Garner hadn't wounded "
     "Stewart.", "shooting", "reported"),
    ("A strike could kill civilians.", "strike", "hypothetical"),
    ("Officials said the shooting at the nursing home could have happened.", "shooting", "hypothetical"),
])
def test_hindsight_and_counterfactuals(nlp_sm, text: str, trigger: str, modality: str) -> None:
    assert [e.modality for e in _events(nlp_sm, text) if e.trigger == trigger] == [modality]


def test_a_day_no_event_carried_dates_the_next_sentences(nlp_sm) -> None:
    text = ("A guard kept a man from driving off with an ambulance at about 9 p.m. Sunday. "
            "The man climbed into the cab. The guard detained the man.")
    assert [e.date for e in _events(nlp_sm, text) if e.trigger == "detained"] == ["2013-03-10"]


@pytest.mark.parametrize("first", [
    "A man admitted in court on Monday that he had stolen a car.",  # a court's day
    "The judge set his sentencing for March 20.",  # a schedule
    "Police said on Monday that they were looking for a car.",  # a statement's day
])
def test_no_day_is_borrowed_from_a_court_a_schedule_or_a_statement(nlp_sm, first: str) -> None:
    text = first + " The officer detained the driver."
    assert [e.date for e in _events(nlp_sm, text) if e.trigger == "detained"] == [None]


def test_a_later_death_with_a_day_of_its_own_is_not_folded_into_the_earlier_event(nlp_sm) -> None:
    text = ("Deputies arrested three people Thursday night after a chase. The officer shot the driver of the van. "
            "Deputies named a cook who was killed early Saturday in a robbery shooting.")
    dated = [(e.trigger, e.date, e.fatalities.low if e.fatalities else None) for e in _events(nlp_sm, text)
             if e.type == "ASSAULT"]
    assert ("shot", "2013-03-14", None) in dated  # published on a Thursday
    assert any(day == "2013-03-09" and dead == 1 for _, day, dead in dated)


def test_an_arrest_in_a_dated_crime_is_not_dated_by_the_crime(nlp_sm) -> None:
    dated = {e.trigger: e.date for e in _events(nlp_sm, "Two cousins were arrested in Friday's deadly stabbing at a bar.")}
    assert dated["arrested"] is None
    assert dated["stabbing"] == "2013-03-08"


def test_a_told_act_keeps_the_date_of_its_own_phrase(nlp_sm) -> None:
    text = "A farmer admitted in court on Monday that he gunned down his neighbour at a market in July 2011."
    assert [(e.date, e.date_precision) for e in _events(nlp_sm, text) if e.type == "ASSAULT"] == [("2011-07-01", "month")]


def test_who_is_accused_is_alleged_but_the_killing_takes_its_episode_s_day(nlp_sm) -> None:
    text = ("Two brothers were held in Sunday's fatal stabbing of a cook behind a diner. "
            "The pair are accused of killing the cook over a debt, deputies said.")
    killing = [e for e in _events(nlp_sm, text) if e.trigger == "killing"]
    assert [(e.modality, e.date) for e in killing] == [("alleged", "2013-03-10")]


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Woman stabbed near a park in Dallas.", None, "Woman"),  # a headline's dropped "was"
    ("Teen shot dead outside a school in Dallas.", None, "Teen"),
    ("A man shot his neighbour in Dallas.", "man", "his neighbour"),  # something done to someone: he did it
])
def test_a_headline_passive_names_the_victim(nlp_sm, text: str, actor: str | None, target: str) -> None:
    [event] = [e for e in _events(nlp_sm, text) if e.type == "ASSAULT"]
    assert ((event.actor.text if event.actor else None), event.target.text) == (actor, target)
