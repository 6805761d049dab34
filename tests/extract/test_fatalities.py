"""Tests for crosswire.extract.events.fatalities: death counts, ranges and victim categories."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.extract.events.fatalities import event_fatalities, find_fatalities, parse_figure
from crosswire.records import Fatalities


@pytest.mark.parametrize(
    ("text", "low", "high", "victims"),
    [
        ("Haddad said 48 civilians had been killed in districts held by neither side.", 48, 48, "civilians"),
        ("some 25-30 terrorists killed as a result of a targeted drone strike", 25, 30, "militants"),
        ("Russian airstrikes destroyed an IS headquarters, killing up to 40 terrorists.", 1, 40, "militants"),
        ("At least 12 people were killed in the blast.", 12, 12, None),
        ("More than 20 soldiers died.", 20, 20, "soldiers"),
        ("Over 20 policemen were killed.", 20, 20, "police"),
        ("Between 10 and 15 rebels were killed.", 10, 15, "militants"),
        ("10 to 15 insurgents were killed.", 10, 15, "militants"),
        ("The bombing killed 14 civilians and wounded 31.", 14, 14, "civilians"),
        ("The attack left 5 dead.", 5, 5, None),
        ("The attack left five people dead.", 5, 5, None),
        ("The clashes claimed 3 lives.", 3, 3, None),
        ("The clashes claimed the lives of 3 protesters.", 3, 3, "protesters"),
        ("Blast kills 12 in market.", 12, 12, None),
        ("Three children were killed.", 3, 3, "children"),
        ("Twenty-five troops were killed.", 25, 25, "soldiers"),
        ("A dozen servicemen were killed.", 12, 12, "soldiers"),
        ("Two dozen fighters died.", 24, 24, "militants"),
        ("1,200 people have died since the war began.", 1200, 1200, None),
        ("Dozens of jihadists were killed.", 12, 12, "militants"),
        ("Hundreds of villagers were killed.", 100, 100, "civilians"),
        ("Several gunmen were shot dead.", 10, 10, "militants"),
        ("A few demonstrators were killed.", 3, 3, "protesters"),
        ("Two army officers were killed.", 2, 2, "soldiers"),
        ("Two officers were killed.", 2, 2, "police"),
        ("One of the attackers was killed.", 1, 1, "militants"),
        ("12 people, including three children, were killed.", 12, 12, None),
        ("The death toll rose to 57.", 57, 57, None),
        ("Twelve bodies were found in the river.", 12, 12, None),
        ("No one was killed in the attack.", 0, 0, None),
        ("There were no casualties.", 0, 0, None),
        ("No civilians were killed.", 0, 0, "civilians"),
        ("Fewer than 10 people died.", 1, 9, None),
        ("As many as 30 migrants drowned or died.", 1, 30, "migrants"),
        # "the" before a counted group, and a named person in a list
        ("The blasts killed the three bombers and 30 civilians.", 33, 33, None),
        ("Councillor Marielle Franco and her driver were shot dead by gunmen.", 2, 2, None),
        # one person as a singular subject: a noun phrase or a name
        ("A Kashmiri Pandit shopkeeper was shot dead by suspected militants.", 1, 1, None),
        ("The village chief was killed on Monday.", 1, 1, None),
        ("Environmental activist Berta Caceres was shot dead at her home.", 1, 1, None),
        # the named body the counted belong to, with its acronym
        ("At least four dissidents of the Popular Liberation Front of Varkesh (PLFV) were reportedly killed.", 4, 4, None),
        ("Three officers of the Federal Police were killed.", 3, 3, "police"),
    ],
)
def test_fatalities_event_count(text: str, low: int, high: int, victims: str | None) -> None:
    result = event_fatalities(text)
    assert result is not None
    assert (result.low, result.high, result.victims) == (low, high, victims)
    assert result.text is not None and result.text in text


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Su-25 fighter jets carried out 20 sorties.",
        "Two Turkish F-16s were harassed by an unidentified MiG-29.",
        "UN Resolution 2254 calls for a ceasefire.",
        "Grade 5 students were killed.",  # "Grade 5" is a label, not a count
        "He was killed in 2019.",
        "The 2 sides met at 5 pm.",
        "5 percent were killed, officials estimate.",
        "$5 million was lost.",
        "31 people were wounded.",
        "Four were injured and two were hurt.",
        "36 people were killed or wounded.",  # casualties, not deaths
        "NATO said the strikes led to civilian casualties.",
        "There were no immediate reports of casualties.",
        "The group threatened to kill 5 hostages.",
        "The group claimed 5 attacks.",
        "The attack left 5 villages without power.",
        "Hamas and Islamic Jihad were blamed and killed the truce.",  # two group names are no count
        "The convoy was attacked near Gao.",
        "Mosul was liberated in 2017.",
        "Protesters rioted after the teenager was killed by police.",  # an earlier death
        "Three undercover deputies fatally shot the man outside his apartment.",  # the count is of the shooters
        "The shooting death of 20 - year - old Kim Lowe shocked the town.",  # an age, as pre-tokenised text spaces it
        "",
    ],
)
def test_fatalities_negatives(text: str) -> None:
    assert event_fatalities(text) is None


def test_fatalities_wounded_flagged_not_returned() -> None:
    text = "killing 14 civilians and wounding 31"
    found = find_fatalities(text)
    assert [(f.low, f.victims, f.wounded) for f in found] == [(14, "civilians", False), (31, None, True)]
    assert event_fatalities(text) == Fatalities(14, 14, "civilians", "killing 14 civilians")


def test_fatalities_killed_and_wounded_counts() -> None:
    found = find_fatalities("12 killed and 5 wounded")
    assert [(f.low, f.wounded) for f in found] == [(12, False), (5, True)]


def test_fatalities_no_one_is_not_one() -> None:
    found = find_fatalities("No one was killed.")
    assert [(f.text, f.low) for f in found] == [("No one was killed", 0)]


def test_fatalities_nearest_to_trigger() -> None:
    text = "A car bomb killed 5 soldiers in the north, while an air strike killed 12 civilians in the south."
    near_bomb = event_fatalities(text, text.index("bomb"))
    near_strike = event_fatalities(text, text.index("strike"))
    assert near_bomb is not None and (near_bomb.low, near_bomb.victims) == (5, "soldiers")
    assert near_strike is not None and (near_strike.low, near_strike.victims) == (12, "civilians")


@pytest.mark.parametrize(
    ("words", "value"),
    [("1,200", 1200), ("twenty-five", 25), ("two dozen", 24), ("a dozen", 12), ("half a dozen", 6),
     ("three hundred", 300), ("a hundred", 100), ("seventeen", 17), ("forty", 40), ("banana", None)],
)
def test_fatalities_parse_figure(words: str, value: int | None) -> None:
    assert parse_figure(words) == value


@given(st.text(max_size=200))
def test_fatalities_never_raise_and_ranges_are_ordered(text: str) -> None:
    for f in find_fatalities(text):
        assert 0 <= f.low <= f.high
        assert text[f.start:f.end] == f.text
    event_fatalities(text, len(text) // 2)


_PIECES = ["killed", "killing", "dead", "wounded", "up to", "at least", "between", "and", "-", "35", "40",
           "1,200", "no one", "were", "civilians", "soldiers", "dozens of", "twenty-five", ",", "F-16", "19-year-old"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_fatalities_word_salad_keeps_invariants(words: list[str]) -> None:
    text = " ".join(words)
    for f in find_fatalities(text):
        assert 0 <= f.low <= f.high
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(
    ("text", "low", "victims"),
    [
        # Tolls split over groups are added up (ACLED counts every side).
        ("7 soldiers and 12 militants were killed.", 19, None),
        ("Seven soldiers and two insurgents lost their lives in the fighting.", 9, None),
        ("killing 170 civilians and 13 US soldiers.", 183, None),
        ("killing 10 policemen and their civilian driver.", 11, None),
        ("3 civilians, 2 soldiers and 4 rebels were killed.", 9, None),
        ("5 soldiers and 2 soldiers were killed.", 7, "soldiers"),
        # Killing verbs other than "kill".
        ("Gunmen shot dead 3 farmers.", 3, "civilians"),
        ("3 farmers were shot dead.", 3, "civilians"),
        ("militants shooting dead 141 residents", 141, "civilians"),
        ("Gunmen shot dead two priests and a tour guide inside a church.", 3, None),
        ("Militiamen hacked 18 civilians to death with machetes.", 18, "civilians"),
        ("A crowd stoned two suspected robbers to death.", 2, None),
        ("Two men were beaten to death.", 2, None),
        ("Residents lynched and burned 13 suspected gang members.", 13, None),
        ("The group executed 4 prisoners.", 4, "prisoners"),
        # One person, named by an article.
        ("A social leader was shot dead by gunmen.", 1, None),
        ("A mob beat a dairy farmer to death.", 1, "civilians"),
        ("Students stoned to death a female classmate.", 1, None),
        ("A mob lynched a factory manager.", 1, None),
        ("A rocket hit a house, killing a woman.", 1, "civilians"),
        ("Dozens were wounded and a 3-year-old girl later died.", 1, None),
        # Bodies found and running totals.
        ("The bodies of 4 men were found under the rubble.", 4, None),
        ("Police said 17 people were killed. The toll later rose to 18.", 18, None),
        ("The attack killed 9, bringing the death toll to 20.", 20, None),
    ],
)
def test_fatalities_groups_verbs_and_totals(text: str, low: int, victims: str | None) -> None:
    result = event_fatalities(text)
    assert result is not None and (result.low, result.victims) == (low, victims)


@pytest.mark.parametrize(
    "text",
    [
        "3 soldiers were injured and 2 civilians were wounded.",  # no deaths, wounded in both groups
        "Protesters set cars ablaze after a teenager was killed by police.",  # an earlier death
        "Youths rioted following 2 deaths in custody.",
        "A man was arrested.",  # one person, but no death
        "A bomb exploded in the market.",
        "A 19-year-old was arrested and a convoy was attacked.",
        "The group threatened to behead a hostage.",  # no death word after the person
        "Soldiers and militants were killed.",  # no figure at all
    ],
)
def test_fatalities_new_patterns_negatives(text: str) -> None:
    assert event_fatalities(text) is None


def test_fatalities_group_sum_ignores_wounded_group() -> None:
    found = find_fatalities("3 soldiers were injured and 2 civilians were killed.")
    assert [(f.low, f.wounded) for f in found] == [(3, True), (2, False)]


def test_fatalities_total_is_marked() -> None:
    found = find_fatalities("The toll later rose to 18.")
    assert [(f.low, f.total) for f in found] == [(18, True)]


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "low", "victims"),
    [
        # a headline's present tense
        ("Air strikes kill 27 civilians in Idlib", 27, "civilians"),
        # a count with a subset after it is the count, not the subset
        ("11 including 4 children and a woman were killed in the raid.", 11, None),
        ("17 including 3 children died.", 17, None),
        # groups add up; names after a killing verb are people
        ("9 soldiers and 5 militia members were killed.", 14, None),
        ("Fighting left 2 rebel and 1 military fatalities.", 3, None),
        ("Gunmen stormed the hall, killing Amal Tarik and Rosa Vend.", 2, None),
        # words for one, two, a family
        ("Gunmen killed a family of three.", 3, None),
        ("A family of five were killed.", 5, None),
        ("The officer died in hospital.", 1, "police"),
        ("Police shot and killed a 16-year-old.", 1, None),
        ("A 19-year-old was killed.", 1, None),
        ("A 13-year-old girl was raped and strangled.", 1, None),
        ("Both herders died.", 2, None),
        ("The guards, both of whom died, were unarmed.", 2, None),
        ("Police are investigating a double murder.", 2, None),
        ("The suspect faces trial for the shooting deaths of two guards.", 2, "police"),
        # bare vague plurals follow ACLED's figures
        ("Dozens were killed.", 12, None),
        ("Militants killed hundreds.", 100, None),
        # other killing verbs
        ("A gunman fatally shot eight people.", 8, None),
        ("Gunmen gunned down 4 traders.", 4, None),
        ("The army said it neutralised 17 insurgents.", 17, "militants"),
        ("Residents beat two men and burned them alive.", 2, None),
        ("Kidnappers abducted 3 aid workers and later killed them.", 3, None),
        ("Local elders said 11 combatants from both sides died.", 11, None),  # of both sides: no one category
        # a report's own coded figure
        ("Fatalities coded as 3.", 3, None),
    ],
)
def test_fatalities_words_lists_and_headlines(text: str, low: int, victims: str | None) -> None:
    result = event_fatalities(text)
    assert result is not None and (result.low, result.victims) == (low, victims)
    assert result.text is not None and result.text in text


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    "text",
    [
        "The group threatened to kill a hostage.",  # a threat, not a death
        "Troops will kill 5 rebels, the commander said.",
        "The army neutralised 3 IEDs.",  # "neutralised" is a death only for people
        "Students marched over the deaths of two classmates.",  # the grievance, not this event's dead
        "Youths rioted over the killing of 2 protesters.",
        "Hundreds rioted over the death of a teenager who was killed by police.",
        "The bill died in the Senate.",  # "the" + died needs a person
        "Militants attacked a checkpoint; 40 wounded.",  # injuries are not deaths
        "An unknown number of people were killed.",  # unknown: not stated
        "Rebels killed both sides of the argument.",
    ],
)
def test_fatalities_new_negatives(text: str) -> None:
    assert event_fatalities(text) is None


@pytest.mark.issue(11)
def test_fatalities_earlier_event_is_not_this_event() -> None:
    """A count told after "weeks after" or dated "days ago" belongs to an earlier event."""
    text = "Monday's ambush came only weeks after gunmen fatally shot eight farmers near Marel."
    assert event_fatalities(text, text.index("ambush")) is None
    assert event_fatalities(text, text.index("fatally")) is not None  # the earlier shooting's own count
    text = "Youths rioted in Marel, where police shot dead a teenager eight days ago."
    assert event_fatalities(text, text.index("rioted")) is None
    text = "The guard who shot and killed two miners three years ago faces a retrial."
    found = event_fatalities(text, text.index("shot"))
    assert found is not None and found.low == 2  # the trigger's own words hold the count


@pytest.mark.issue(11)
def test_fatalities_tail_stops_at_a_figure() -> None:
    found = event_fatalities("He shot and killed two miners three years ago.", 3)
    assert found is not None and found.text == "shot and killed two"


@pytest.mark.issue(11)
def test_fatalities_arrest_of_a_suspect_has_no_count() -> None:
    text = "Police arrested a woman in the killings of two shopkeepers."
    assert event_fatalities(text, text.index("arrested")) is None
    found = event_fatalities(text, text.index("killings"))
    assert found is not None and found.low == 2
    text = "The man accused of killing two guards was released."
    assert event_fatalities(text, text.index("accused")) is None
    assert event_fatalities(text, text.index("released")) is None


@pytest.mark.parametrize(("text", "low"), [
    ("Two gunmen killed a police officer.", 1),  # the victim's count, not the gunmen's
    ("Three soldiers were killed the day before.", 3),
    ("Two soldiers killed in clash with rebels.", 2),
    ("3 killed Saturday in Gao.", 3),
])
def test_a_count_before_an_active_killing_verb_is_of_the_doers(text: str, low: int) -> None:
    result = event_fatalities(text)
    assert result is not None and result.low == low
