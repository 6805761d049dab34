"""Mentions grouped into happenings: one row per strike, however often and by whomever it is told."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.compare.happenings import find_happenings, group_mentions, party_key
from crosswire.records import Event, Evidence, Fatalities, Party, Place

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
ATTACK = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
PROTEST = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
TALBISEH = Place("Talbiseh", "Talbiseh", 34.84, 36.73, "SY", 1)
HOMS = Place("Homs", "Homs", 34.73, 36.72, "SY", 2)
HAMA = Place("Hama", "Hama", 35.13, 36.76, "SY", 3)
SYRIA = Place("Syria", "Syria", 35.0, 38.0, "SY", 4, precision="country")
KYIV = Place("Kyiv", "Kyiv", 50.45, 30.52, "UA", 5)
RUSSIA = Party("Russia", "Russia", "ent-ru", "RUS")
RU_FORCES = Party("Russian Aerospace Forces", "Russian Aerospace Forces", "ent-vks", "RUS")
COALITION = Party("the US-led coalition", "US-led coalition", "ent-co", "USA")


def mention(n: int, doc: str = "a", *, actor: Party | None = RUSSIA, places=(TALBISEH,), date="2015-09-30",
            precision="day", acled=STRIKE, modality="asserted", dead: int | None = None, start: int | None = None) -> Event:
    text = f"sentence {n}"
    at = n * 100 if start is None else start
    return Event(id=f"{doc}{n}", doc=doc, type="ASSAULT", mode="aerial", acled=acled, actor=actor, target=None,
                 places=list(places), date=date, date_text=None, date_precision=precision if date else None,
                 fatalities=None if dead is None else Fatalities(dead, dead), according_to=None, modality=modality,
                 reported_by=None, trigger="strike", evidence=Evidence(at, at + len(text), text))


def groups(events, order=None):
    return [[e.id for e in g] for g in group_mentions(events, order or {})]


def test_a_reports_vague_mentions_join_its_specific_one():
    events = [mention(0, places=(SYRIA,), date=None), mention(1), mention(2, actor=Party("its warplanes"), places=())]
    assert groups(events) == [["a0", "a1", "a2"]]


def test_two_towns_near_each_other_are_one_strike_but_far_apart_are_two():
    assert groups([mention(0), mention(1, places=(HOMS,))]) == [["a0", "a1"]]  # about 12 km
    assert groups([mention(0), mention(1, places=(HAMA,))]) == [["a0"], ["a1"]]  # about 33 km


def test_different_days_different_actors_or_statuses_stay_apart():
    assert groups([mention(0), mention(1, date="2015-10-06")]) == [["a0"], ["a1"]]
    assert groups([mention(0), mention(1, actor=COALITION)]) == [["a0"], ["a1"]]
    assert groups([mention(0), mention(1, modality="denied")]) == [["a0"], ["a1"]]
    assert groups([mention(0), mention(1, acled=ATTACK)]) == [["a0"], ["a1"]]


def test_asserted_and_reported_are_both_the_event_that_happened():
    (h,) = find_happenings("s", [mention(0, modality="reported"), mention(1)], {"a": "Wire"})
    assert h.modality == "asserted" and h.sources == ["Wire"]


def test_an_unnamed_party_is_itself_unless_it_stands_in_for_one_named():
    assert party_key(Party("its air force")) is None and party_key(Party("the jets")) is None
    assert party_key(Party("a coalition")) == "text:coalition"
    assert groups([mention(0), mention(1, actor=Party("a coalition"))]) == [["a0"], ["a1"]]


def test_same_country_actors_agree():
    assert groups([mention(0), mention(1, actor=RU_FORCES)]) == [["a0", "a1"]]


def test_across_outlets_the_same_day_and_an_actor_or_place_join_them():
    events = [mention(0, "a"), mention(0, "b", places=(HOMS,), actor=None)]
    (h,) = find_happenings("s", events, {"a": "Xinhua", "b": "Al Jazeera"}, {"b": 0, "a": 1})
    assert h.sources == ["Al Jazeera", "Xinhua"] and h.docs == ["b", "a"] and h.doc == "b"


def test_across_outlets_a_vague_mention_does_not_join():
    # Undated in the other outlet: nothing ties it to this day's strike but the kind of event.
    assert groups([mention(0, "a"), mention(0, "b", date=None)]) == [["a0"], ["b0"]]
    # Same day, but no place and no actor in common to say it is the same strike.
    assert groups([mention(0, "a"), mention(0, "b", actor=None, places=())]) == [["a0"], ["b0"]]


def test_complete_link_keeps_a_vague_mention_from_chaining_two_strikes():
    events = [mention(0, places=(TALBISEH,)), mention(1, places=(KYIV,)), mention(2, places=())]
    got = groups(events)
    assert ["a0"] in got or ["a1"] in got
    assert sorted(len(g) for g in got) == [1, 2]


def test_fields_come_from_every_mention():
    events = [mention(0, places=(SYRIA,), date=None, dead=3), mention(1, dead=35, start=250),
              mention(2, places=(HOMS,), dead=None), mention(0, "b", dead=30, places=(HOMS,))]
    (h,) = find_happenings("s", events, {"a": "Xinhua", "b": "Al Jazeera"}, {"a": 0, "b": 1})
    assert h.date == "2015-09-30" and h.places[0] in (TALBISEH, HOMS) and SYRIA not in h.places
    # a report's largest count is its total; across outlets the lowest total is kept
    assert h.fatalities is not None and h.fatalities.low == 30
    assert h.events[0] == "a0" and h.evidence.text == "sentence 0" and len(h.events) == 4


def test_find_happenings_is_stable_under_input_order():
    events = [mention(0), mention(1, places=(HOMS,)), mention(2, date="2015-10-06"), mention(0, "b", actor=RU_FORCES)]
    first = find_happenings("s", events, {"a": "X", "b": "Y"})
    again = find_happenings("s", list(reversed(events)), {"a": "X", "b": "Y"})
    assert [h.id for h in first] == [h.id for h in again]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from([None, "2015-09-30", "2015-10-01"]),
                          st.sampled_from([(), (TALBISEH,), (HOMS,), (HAMA,), (SYRIA,), (KYIV,)]),
                          st.sampled_from([None, RUSSIA, COALITION, Party("its jets")]),
                          st.sampled_from(["asserted", "reported", "denied"])), max_size=12))
def test_every_mention_is_in_exactly_one_happening_and_groups_are_pairwise_compatible(specs):
    events = [replace(mention(n, doc, actor=actor, places=places, date=date, modality=mod), id=f"m{n}")
              for n, (doc, date, places, actor, mod) in enumerate(specs)]
    found = find_happenings("s", events, {"a": "A", "b": "B", "c": "C"})
    ids = [i for h in found for i in h.events]
    assert sorted(ids) == sorted(e.id for e in events)
    by_id = {e.id: e for e in events}
    for h in found:
        members = [by_id[i] for i in h.events]
        dates = {m.date for m in members if m.date}
        assert len(dates) <= 1
        countries = {p.country for m in members for p in m.places}
        assert len(countries) <= 1
        statuses = {"happened" if m.modality in ("asserted", "reported") else m.modality for m in members}
        assert len(statuses) == 1


def test_of_two_events_in_one_sentence_the_one_told_first_leads():
    text = "a bomber blew himself up among lawyers gathered at the hospital"
    bomb = replace(mention(0, acled=ATTACK), id="zz", trigger="blew", evidence=Evidence(0, len(text), text))
    rally = replace(mention(1, acled=PROTEST), id="aa", trigger="gathered", evidence=Evidence(0, len(text), text))
    assert [h.events for h in find_happenings("s", [rally, bomb], {})] == [["zz"], ["aa"]]


def test_two_outlets_telling_of_the_same_named_victim_tell_of_one_killing_even_undated():
    gray = Party("Kimani Gray", "Kimani Gray", "ent-gray", None, kind="person")
    other = Party("Ana Lopez", "Ana Lopez", "ent-lopez", None, kind="person")
    a = replace(mention(0, "a", date=None, actor=None, acled=ATTACK), target=gray)
    b = replace(mention(0, "b", date=None, actor=Party("two officers"), places=(HOMS,), acled=ATTACK), target=gray)
    c = replace(mention(0, "c", date=None, actor=None, acled=ATTACK), target=other)
    assert groups([a, b, c]) == [["a0", "b0"], ["c0"]]
    # a different day still keeps them apart: the victim does not override a date conflict
    d = replace(mention(0, "d", date="2015-10-06", acled=ATTACK), target=gray)
    e = replace(mention(0, "e", date="2015-10-01", acled=ATTACK), target=gray)
    assert groups([d, e]) == [["d0"], ["e0"]]


def test_two_outlets_naming_one_victim_join_even_when_one_parse_missed_that_it_is_a_person():
    named = Party("Sotiris Vale", "Sotiris Vale", "ent-vale", None, "person")
    misread = replace(named, text="Vale", kind=None)  # the other outlet's parse took the name for a place
    a = replace(mention(0, "a", actor=None, places=(), date=None, acled=ATTACK), target=named)
    b = replace(mention(0, "b", actor=None, places=(), date=None, acled=ATTACK), target=misread)
    assert groups([a, b]) == [["a0", "b0"]]
    unit = replace(named, kind="military")  # a named unit is no single victim
    c = replace(mention(0, "c", actor=None, places=(), date=None, acled=ATTACK), target=unit)
    assert sorted(groups([a, c])) == [["a0"], ["c0"]]


def test_two_named_victims_in_one_report_are_two_killings():
    first = Party("Sotiris Vale", "Sotiris Vale", "ent-vale", None, "person")
    second = Party("the photographer Ana Brenn", "Ana Brenn", "ent-brenn", None, "person")
    a = replace(mention(0, "a", actor=None, places=(), date=None, acled=ATTACK), target=first)
    b = replace(mention(1, "a", actor=None, places=(), date=None, acled=ATTACK), target=second)
    vague = mention(2, "a", actor=None, places=(), date=None, acled=ATTACK)  # "the killing", no one named
    assert sorted(groups([a, b])) == [["a0"], ["a1"]]
    assert len(groups([a, b, vague])) == 2  # the vague one joins one of them, never both


def test_a_day_lent_by_context_yields_to_a_named_victim_and_never_dates_the_happening():
    victim = Party("Kimani Gray", entity="ent-gray", kind="person")
    stated = replace(mention(0, acled=ATTACK), date_basis="sentence", target=replace(victim, text="Gray", entity=None, kind=None))
    lent = replace(mention(1, acled=ATTACK, date="2015-10-06"), date_basis="context", target=victim)
    assert groups([stated, lent]) == [["a0", "a1"]]  # "Gray" is the Kimani Gray named in full
    third = replace(mention(2, acled=ATTACK, date="2015-10-06"), date_basis="context", target=victim)
    (h,) = find_happenings("s", [stated, lent, third], {"a": "Wire"})
    assert h.date == "2015-09-30"  # the stated day, though two mentions were lent another
    unnamed = replace(lent, target=None)
    assert groups([stated, unnamed]) == [["a0"], ["a1"]]  # without one victim a lent day still splits


def test_two_stated_days_still_split_a_report():
    a, b = replace(mention(0), date_basis="sentence"), replace(mention(1, date="2015-10-06"), date_basis="sentence")
    assert groups([a, b]) == [["a0"], ["a1"]]


def test_unnamed_parties_of_one_kind_join_but_of_two_kinds_stay_apart():
    police, officers = Party("police", kind="police"), Party("two plainclothes officers", kind="police")
    protesters = Party("protesters", kind="civilians")
    assert groups([mention(0, actor=police), mention(1, actor=officers)]) == [["a0", "a1"]]
    assert groups([mention(0, actor=police), mention(1, actor=protesters)]) == [["a0"], ["a1"]]


def test_a_named_victim_joins_two_outlets_groups_started_by_vague_mentions():
    victim = Party("Steven Sotloff", entity="ent-sotloff", kind="person")
    a0 = replace(mention(0, "a", acled=ATTACK), target=victim)
    b0 = replace(mention(0, "b", acled=ATTACK, actor=None, date="2015-10-02"), date_basis="context")
    b1 = replace(mention(1, "b", acled=ATTACK, actor=None, date=None), target=replace(victim, text="Sotloff"))
    assert sorted(map(sorted, groups([a0, b0, b1], {"a": 0, "b": 1}))) == [["a0", "b0", "b1"]]
    other = replace(b1, target=Party("James Foley", entity="ent-foley", kind="person"))
    assert len(groups([a0, b0, other], {"a": 0, "b": 1})) >= 2  # two people: two killings


def test_a_shared_year_does_not_join_two_outlets_mentions():
    a = mention(0, "a", acled=ATTACK, date="2012-01-01", precision="year")
    b = mention(0, "b", acled=ATTACK, date="2012-01-01", precision="year", places=(HOMS,))
    assert len(groups([a, b], {"a": 0, "b": 1})) == 2
    same_day = [replace(x, date="2015-09-30", date_precision="day") for x in (a, b)]
    assert len(groups(same_day, {"a": 0, "b": 1})) == 1  # the same day and towns 12 km apart: one


def test_one_named_attacker_in_two_outlets_is_one_shooting():
    hiller = Party("Yvonne Hiller", entity="ent-hiller", kind="person")
    a = mention(0, "a", acled=ATTACK, actor=hiller, places=(), date=None)
    b = mention(0, "b", acled=ATTACK, actor=replace(hiller, text="Hiller", entity=None, kind=None), places=(), date=None)
    assert len(groups([a, b], {"a": 0, "b": 1})) == 1
    other = mention(0, "b", acled=ATTACK, actor=Party("Amy Bishop", entity="ent-bishop", kind="person"), places=(), date=None)
    assert len(groups([a, other], {"a": 0, "b": 1})) == 2


def test_a_happening_no_mention_dates_takes_its_reports_day_as_a_week():
    undated = [mention(0, date=None), mention(1, date=None, places=(HOMS,))]
    (h,) = find_happenings("s", undated, {}, doc_dates={"a": "2015-10-02T08:00:00"})
    assert (h.date, h.date_precision, h.date_basis) == ("2015-10-02", "week", "report")


def test_a_stated_day_is_never_replaced_by_the_reports_day():
    (h,) = find_happenings("s", [mention(0), mention(1, date=None)], {}, doc_dates={"a": "2015-10-02"})
    assert (h.date, h.date_precision, h.date_basis) == ("2015-09-30", "day", "text")


def test_what_did_not_happen_or_has_no_dated_report_stays_undated():
    (denied,) = find_happenings("s", [mention(0, date=None, modality="denied")], {}, doc_dates={"a": "2015-10-02"})
    (planned,) = find_happenings("s", [mention(0, date=None, modality="planned")], {}, doc_dates={"a": "2015-10-02"})
    (no_report_day,) = find_happenings("s", [mention(0, date=None)], {}, doc_dates={"a": None})
    assert [h.date for h in (denied, planned, no_report_day)] == [None, None, None]
    assert no_report_day.date_basis is None


KESSEL_TOWN = Place("Kessel", "Kessel", 34.9, 36.8, "SY", 11)
SUICIDE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}
BLAST = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}


def test_one_reports_undated_suicide_bombing_and_blast_in_a_town_of_that_country_are_one():
    events = [mention(0, actor=None, places=(SYRIA,), date=None, acled=SUICIDE),
              mention(1, actor=None, places=(KESSEL_TOWN,), date=None, acled=BLAST)]
    (h,) = find_happenings("s", events, {})
    assert h.acled == SUICIDE and [p.name for p in h.places] == ["Kessel"]


def test_undated_blasts_in_two_far_towns_or_with_no_place_stay_two():
    far = [mention(0, actor=None, places=(TALBISEH,), date=None, acled=SUICIDE),
           mention(1, actor=None, places=(KYIV,), date=None, acled=BLAST)]
    unplaced = [mention(0, actor=None, places=(TALBISEH,), date=None, acled=SUICIDE),
                mention(1, actor=None, places=(), date=None, acled=BLAST)]
    assert len(find_happenings("s", far, {})) == 2
    assert len(find_happenings("s", unplaced, {})) == 2


def test_a_named_persons_death_is_one_happening_whatever_day_place_or_doer_two_outlets_read():
    victim = Party("Maren Oduya", "Maren Oduya", "ent-oduya", None, kind="person")
    # One outlet dates the killing by the day its video came out and places it at her hometown;
    # another dates and places it otherwise and calls the killer "the same man".
    a = replace(mention(0, "a", acled=ATTACK, dead=1, places=(KYIV,), date="2015-10-06"), target=victim)
    b = replace(mention(0, "b", acled=ATTACK, dead=1, actor=Party("the same man"), date="2015-09-30"),
                target=replace(victim, text="Oduya"))
    assert groups([a, b]) == [["a0", "b0"]]
    # Told as an attack nobody died of, two days are two attacks.
    assert groups([replace(a, fatalities=None), replace(b, fatalities=None)]) == [["a0"], ["b0"]]
    # Two named victims' deaths stay two, whatever else agrees.
    other = replace(b, target=Party("Ilan Reshet", "Ilan Reshet", "ent-reshet", None, kind="person"))
    assert groups([a, other]) == [["a0"], ["b0"]]


def test_the_same_man_stands_in_for_a_party_named_before():
    assert party_key(Party("the same man")) is None and party_key(Party("same group")) is None
    assert party_key(Party("gunmen")) is not None


def test_two_outlets_undated_strikes_on_one_town_are_one_strike():
    a, b = mention(0, "a", date=None), mention(0, "b", date=None, actor=None, places=(HOMS,))  # about 12 km
    assert groups([a, b]) == [["a0", "b0"]]
    # Towns apart, or one outlet dating it (the other may tell another day's strike), stay two.
    assert groups([a, mention(0, "b", date=None, places=(HAMA,))]) == [["a0"], ["b0"]]
    assert groups([a, mention(0, "b")]) == [["a0"], ["b0"]]
    # A country named as a whole is no town.
    assert groups([mention(0, "a", date=None, places=(SYRIA,)), mention(0, "b", date=None, places=(SYRIA,))]) \
        == [["a0"], ["b0"]]


def test_one_named_death_told_as_fact_and_as_a_claim_is_one_happening_told_as_fact():
    victim = Party("Maren Oduya", "Maren Oduya", "ent-oduya", None, kind="person")
    fact = replace(mention(0, "a", acled=ATTACK, dead=1, date=None), target=victim)
    claim = replace(mention(0, "b", acled=ATTACK, dead=1, date=None, modality="alleged"), target=victim)
    (h,) = find_happenings("s", [fact, claim], {"a": "Wire", "b": "Paper"})
    assert h.modality == "asserted" and sorted(h.docs) == ["a", "b"]
    # Without one named victim, an allegation and a fact stay two.
    assert groups([replace(fact, target=None), replace(claim, target=None)]) == [["a0"], ["b0"]]
    # A denied death is never the death that happened.
    denied = replace(claim, modality="denied")
    assert groups([fact, denied]) == [["a0"], ["b0"]]


def test_one_sentence_or_one_toll_ties_violent_kinds_of_one_report_whatever_their_actors():
    text = "militants killed 12 soldiers and briefly seized a base"
    clash = replace(mention(0, acled={"event_type": "Battles", "sub_event_type": "Armed clash"}, dead=12),
                    id="c", evidence=Evidence(0, len(text), text))
    seized = replace(mention(1, acled={"event_type": "Strategic developments",
                                        "sub_event_type": "Non-state actor overtakes territory"}, actor=COALITION),
                     id="s", evidence=Evidence(0, len(text), text))
    assert [sorted(h.events) for h in find_happenings("s", [clash, seized], {})] == [["c", "s"]]
    lede = replace(mention(2, acled=STRIKE, dead=10), id="l")
    monitor = replace(mention(3, acled=ATTACK, dead=10, actor=COALITION), id="m")
    assert [sorted(h.events) for h in find_happenings("s", [lede, monitor], {})] == [["l", "m"]]


def test_one_toll_does_not_tie_mentions_a_day_or_a_town_apart():
    first = replace(mention(0, acled=STRIKE, dead=10, places=(TALBISEH,)), id="a")
    elsewhere = replace(mention(1, acled=ATTACK, dead=10, places=(KYIV,)), id="b")
    next_day = replace(mention(2, acled=ATTACK, dead=10, date="2015-10-01"), id="c")
    assert len(find_happenings("s", [first, elsewhere, next_day], {})) == 3


def test_history_told_in_passing_is_background_and_stays_apart():
    anniversary = replace(mention(0, dead=504, date="1968-03-16", start=0), id="old")
    today = replace(mention(1, dead=3, date="2023-03-16", start=50), id="new")
    found = {tuple(h.events): h.modality for h in find_happenings("s", [anniversary, today], {})}
    assert found == {("new",): "asserted", ("old",): "background"}
    # A year is its last day: "last year" in a report of February is recent, "in 2002" is not.
    last_year = replace(mention(2, date="2022-01-01", precision="year", start=0), id="ly")
    feb = replace(mention(3, date="2023-02-10", start=60, places=(KYIV,)), id="feb")
    assert {tuple(h.events): h.modality for h in find_happenings("s", [last_year, feb], {})}[("ly",)] == "asserted"
    undated_doc = replace(mention(4, date="2002-01-01", precision="year"), id="y2002")
    assert find_happenings("s", [undated_doc], {}, doc_dates={"a": "2017-04-20"})[0].modality == "background"
    assert find_happenings("s", [undated_doc], {})[0].modality == "asserted"  # no day to measure from


def test_a_toll_told_only_as_thousands_with_no_day_of_its_own_is_a_wars_running_toll():
    running = replace(mention(0, date=None), id="run",
                      fatalities=Fatalities(1000, 1000, "civilians", "killed thousands of civilians"))
    strike = replace(mention(1, dead=14), id="strike")
    found = {tuple(h.events): (h.modality, h.fatalities.low if h.fatalities else None)
             for h in find_happenings("s", [running, strike], {})}
    assert found == {("strike",): ("asserted", 14), ("run",): ("background", 1000)}


@pytest.mark.parametrize(("sentence", "toll"), [
    ("At least 900 civilians have been killed since the rebels entered the valley in March.", "900 civilians"),
    ("Since the unrest began on 3 May, more than 80 people have died across the province.", "80 people"),
    ("Envoys asked for an inquiry into the deaths of 120 marchers since October.", "deaths of 120 marchers"),
    ("More than 2,000 soldiers have been killed in the decade-long insurgency.", "2,000 soldiers"),
])
def test_a_running_count_is_no_happening_of_the_report(sentence: str, toll: str):
    n = int("".join(ch for ch in toll if ch.isdigit()))
    tally = replace(mention(0, date=None), id="tally", evidence=Evidence(0, len(sentence), sentence),
                    fatalities=Fatalities(n, n, None, toll))
    strike = replace(mention(1, dead=14), id="strike")
    found = {tuple(h.events): (h.modality, h.fatalities.low if h.fatalities else None)
             for h in find_happenings("s", [tally, strike], {})}
    assert found == {("strike",): ("asserted", 14), ("tally",): ("background", n)}


@pytest.mark.parametrize("sentence", [
    "Five people have been killed in the attack on the village, police said.",  # one happening, perfect tense
    "Police have been on alert since the bombing, which killed five people.",  # 'since', but the toll is one attack's
])
def test_one_happenings_toll_is_not_a_running_count(sentence: str):
    from crosswire.extract.events.tallies import running_toll

    told = replace(mention(0), evidence=Evidence(0, len(sentence), sentence),
                   fatalities=Fatalities(5, 5, None, "five people"))
    assert not running_toll(told)


CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}
OTHER = {"event_type": "Strategic developments", "sub_event_type": "Other"}


def told(n: int, sentence: str, trigger: str, *, acled=ATTACK, target: str | None = None, dead: int | None = None,
         date: str | None = None, actor: Party | None = None, places=(TALBISEH,)) -> Event:
    """A mention whose sentence, trigger and target offsets are real (the sentence starts at n * 100)."""
    at = n * 100
    party = None
    if target is not None:
        where = at + sentence.index(target)
        party = Party(target, start=where, end=where + len(target))
    return replace(mention(n, actor=actor, places=places, date=date, acled=acled, dead=dead), trigger=trigger,
                   target=party, evidence=Evidence(at, at + len(sentence), sentence))


def test_a_definite_retelling_of_another_kind_joins_the_happening_told_before():
    lede = told(0, "Gunmen killed nine police officers near Talbiseh on Monday.", "killed", acled=CLASH,
                target="nine police officers", dead=9, date="2015-09-28", actor=Party("Gunmen"))
    ambush = told(1, "The officers killed in the ambush were on a routine patrol.", "ambush", places=())
    raids = told(2, "The raids also caused heavy damage to shops.", "raids", acled=OTHER, places=())
    victims = told(3, "The men were shot in the back, a doctor said.", "shot", target="men", places=())
    assert groups([lede, ambush, raids, victims]) == [["a0", "a1", "a2", "a3"]]


@pytest.mark.parametrize(("sentence", "trigger", "target"), [
    ("In a separate incident, the officers were ambushed near a bridge.", "ambushed", "officers"),  # set apart
    ("Another attack killed the driver of a truck.", "attack", "driver"),
    ("A man was shot in the back near the market.", "shot", "man"),  # nothing definite
    ("The talks followed the attack on the base, officials said.", "attack", None),  # an earlier happening's
])
def test_what_is_set_apart_or_indefinite_is_no_retelling(sentence: str, trigger: str, target: str | None):
    lede = told(0, "Gunmen killed nine police officers near Talbiseh on Monday.", "killed", acled=CLASH,
                target="nine police officers", dead=9, date="2015-09-28", actor=Party("Gunmen"))
    later = told(1, sentence, trigger, target=target, places=(), actor=Party("Rebels", kind="armed group"))
    assert groups([lede, later]) == [["a0"], ["a1"]]


def test_a_retelling_with_its_own_toll_town_or_day_stays_apart():
    lede = told(0, "Gunmen killed nine police officers near Talbiseh on Monday.", "killed", acled=CLASH, dead=9,
                date="2015-09-28", actor=Party("Gunmen"), target="nine police officers")
    for later in (told(1, "The attack killed four traders.", "attack", dead=4, places=()),
                  told(1, "The attack on the market in Hama left many wounded.", "attack",
                       places=(replace(HAMA, start=129, end=133),)),  # its own town, named in its sentence
                  told(1, "The attack on the market left many wounded.", "attack", date="2015-10-03", places=())):
        assert groups([lede, replace(later, actor=Party("Rebels", kind="armed group"))]) == [["a0"], ["a1"]]


def test_a_retellings_place_lent_by_the_sentences_before_does_not_set_it_apart():
    lede = told(0, "Gunmen killed nine police officers near Talbiseh on Monday.", "killed", acled=CLASH,
                target="nine police officers", dead=9, date="2015-09-28", actor=Party("Gunmen"))
    lent = replace(HAMA, start=150, end=154)  # named in the sentence before the retelling, not in it
    ambush = told(3, "The officers killed in the ambush were on a routine patrol in Syria's second city.", "ambush",
                  places=(lent,))
    assert groups([lede, ambush]) == [["a0", "a3"]]


def test_a_retelling_that_opens_the_report_joins_the_happening_told_after_it():
    caption = told(0, "The man was shot in the head and taken to a hospital.", "shot", target="man", places=())
    lede = told(1, "Soldiers shot dead a man near Talbiseh on Friday during stone-throwing clashes.", "shot",
                target="a man", date="2015-09-25", actor=Party("Soldiers", kind="military"))
    assert groups([caption, lede]) == [["a0", "a1"]]


def test_todays_attack_retells_the_lede_and_a_thing_named_definitely_does_not():
    lede = told(0, "A roadside bomb killed a ranger near Talbiseh on Tuesday.", "bomb", acled=BLAST, dead=1,
                date="2015-09-29", target="a ranger")
    today = told(1, "Today's attack followed bombings in three provinces at the weekend.", "attack",
                 date="2015-09-29", places=())
    embassy = told(2, "Three guards were hurt when a rocket landed on the US embassy.", "rocket", acled=STRIKE,
                   target="US embassy", places=())
    assert groups([lede, today, embassy]) == [["a0", "a1"], ["a2"]]


def test_a_retelling_joins_the_happening_that_shares_its_toll_not_merely_the_first():
    caption = told(0, "Police prepare to clear the square during clashes.", "clashes", acled=CLASH, places=())
    killing = told(1, "Gunmen killed two protesters near Talbiseh on Monday.", "killed", dead=2, target="two protesters",
                   date="2015-09-28", actor=Party("Gunmen"))
    retold = told(2, "They shot the two protesters in the back, a doctor said.", "shot", dead=2,
                  target="two protesters", places=())
    found = groups([caption, killing, retold])
    assert ["a1", "a2"] in found


def test_a_determiner_across_a_comma_makes_no_retelling():
    from crosswire.extract.events.retellings import retells

    clause = told(0, "When the rebels saw the army, they opened fire on the patrol.", "opened fire", places=())
    assert not retells(replace(clause, target=None))
