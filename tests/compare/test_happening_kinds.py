"""One happening told as several kinds in one report: a strike and its damage, a protest and the
police action against it, a raid told as an attack and as a clash."""

from __future__ import annotations

from crosswire.compare.happenings import find_happenings, group_mentions
from crosswire.compare.kinds import leading_acled, may_tell_one
from crosswire.records import Event, Evidence, Fatalities, Party, Place

ISRAEL = Party("Israeli warplanes", "Israel", "ent-il", "ISR")
POLICE = Party("police", None, None, None, kind="security")
GAZA = Place("Gaza", "Gaza", 31.50, 34.47, "PS", 1)
RAFAH = Place("Rafah", "Rafah", 31.29, 34.25, "PS", 2)


def coded(sub: str) -> dict[str, str]:
    family = {"Air/drone strike": "Explosions/Remote violence", "Suicide bomb": "Explosions/Remote violence", "Remote explosive/landmine/IED": "Explosions/Remote violence",
              "Looting/property destruction": "Strategic developments", "Attack": "Violence against civilians",
              "Armed clash": "Battles", "Peaceful protest": "Protests", "Protest with intervention": "Protests",
              "Excessive force against protesters": "Protests", "Arrests": "Strategic developments"}[sub]
    return {"event_type": family, "sub_event_type": sub}


def mention(n: int, sub: str, doc: str = "a", *, actor: Party | None = None, places=(GAZA,), date="2023-10-13",
            modality="asserted", dead: int | None = None) -> Event:
    text = f"sentence {n}"
    return Event(id=f"{doc}{n}", doc=doc, type="ASSAULT", mode=None, acled=coded(sub), actor=actor, target=None,
                 places=list(places), date=date, date_text=None, date_precision="day" if date else None,
                 fatalities=None if dead is None else Fatalities(dead, dead), according_to=None, modality=modality,
                 reported_by=None, trigger="hit", evidence=Evidence(n * 100, n * 100 + len(text), text))


def groups(events):
    return [[e.id for e in g] for g in group_mentions(events, {})]


def test_a_strike_its_explosions_and_the_damage_nobody_is_named_for_are_one_air_strike():
    events = [mention(0, "Air/drone strike", actor=ISRAEL), mention(1, "Remote explosive/landmine/IED"),
              mention(2, "Looting/property destruction")]
    (h,) = find_happenings("s", events, {"a": "Wire"})
    assert h.acled["sub_event_type"] == "Air/drone strike" and h.events == ["a0", "a1", "a2"]


def test_told_first_as_explosions_the_happening_is_still_coded_as_the_strike():
    events = [mention(0, "Remote explosive/landmine/IED"), mention(1, "Air/drone strike", actor=ISRAEL)]
    (h,) = find_happenings("s", events, {})
    assert h.acled["sub_event_type"] == "Air/drone strike" and h.evidence.text == "sentence 0"


def test_kinds_join_only_on_one_day_and_one_place_or_actor():
    # The report's place alone, with no day, ties nothing: a one-town report's every event has it.
    assert groups([mention(0, "Armed clash", date=None), mention(1, "Attack", date=None)]) == [["a0"], ["a1"]]
    assert groups([mention(0, "Armed clash"), mention(1, "Attack")]) == [["a0", "a1"]]
    assert groups([mention(0, "Armed clash"), mention(1, "Attack", date="2023-10-14")]) == [["a0"], ["a1"]]
    assert groups([mention(0, "Armed clash", places=(RAFAH,)), mention(1, "Attack")]) == [["a0"], ["a1"]]


def test_kinds_of_different_families_or_statuses_stay_apart():
    assert groups([mention(0, "Air/drone strike"), mention(1, "Attack")]) == [["a0"], ["a1"]]
    assert groups([mention(0, "Peaceful protest"), mention(1, "Arrests")]) == [["a0"], ["a1"]]
    assert groups([mention(0, "Armed clash"), mention(1, "Attack", modality="denied")]) == [["a0"], ["a1"]]
    # Damage someone is named for is their own event (looting, arson), not a strike's effect.
    assert groups([mention(0, "Air/drone strike"), mention(1, "Looting/property destruction", actor=POLICE)]) \
        == [["a0"], ["a1"]]


def test_two_outlets_kinds_are_never_joined_they_are_what_a_story_compares():
    events = [mention(0, "Air/drone strike", "a", actor=ISRAEL), mention(0, "Remote explosive/landmine/IED", "b")]
    assert groups(events) == [["a0"], ["b0"]]


def test_police_action_at_a_protest_is_an_intervention_unless_it_kills():
    march, batons = mention(0, "Protest with intervention"), mention(1, "Excessive force against protesters")
    assert leading_acled([march, batons])["sub_event_type"] == "Protest with intervention"
    shot = mention(1, "Excessive force against protesters", dead=2)
    assert leading_acled([march, shot])["sub_event_type"] == "Excessive force against protesters"
    (h,) = find_happenings("s", [mention(0, "Peaceful protest"), batons], {})
    assert h.acled["sub_event_type"] == "Excessive force against protesters"


def test_may_tell_one_is_symmetric():
    kinds = ["Air/drone strike", "Remote explosive/landmine/IED", "Looting/property destruction", "Attack",
             "Armed clash", "Peaceful protest", "Arrests"]
    for x in kinds:
        for y in kinds:
            assert may_tell_one([mention(0, x)], [mention(1, y)]) == may_tell_one([mention(1, y)], [mention(0, x)])


def test_undated_kinds_of_one_report_join_when_one_doer_ties_them():
    gunmen = Party("gunmen", None, None, None)
    told = [mention(0, "Armed clash", date=None, actor=gunmen), mention(1, "Attack", date=None, actor=gunmen)]
    assert groups(told) == [["a0", "a1"]]
    assert groups([mention(0, "Armed clash", date=None, actor=gunmen),
                   mention(1, "Attack", date=None, actor=POLICE)]) == [["a0"], ["a1"]]


def test_the_attack_of_a_report_that_names_the_bomb_is_the_bombing():
    text_sentence = [mention(0, "Suicide bomb"), mention(1, "Attack"), mention(2, "Attack")]
    assert leading_acled(text_sentence)["sub_event_type"] == "Suicide bomb"
    assert leading_acled([mention(0, "Armed clash"), mention(1, "Attack"), mention(2, "Attack")])["sub_event_type"] \
        == "Attack"


def test_a_grenade_told_once_beside_three_roadside_bombs_is_the_bomb():
    from crosswire.compare.kinds import leading_acled
    from crosswire.records import Event, Evidence

    def ev(n: int, sub: str) -> Event:
        return Event(id=f"e{n}", doc="d", type="ASSAULT", mode=None,
                     acled={"event_type": "Explosions/Remote violence", "sub_event_type": sub}, actor=None, target=None,
                     places=[], date=None, date_text=None, date_precision=None, fatalities=None, according_to=None,
                     modality="reported", reported_by=None, trigger="bomb", evidence=Evidence(n, n + 1, "x"))

    ied = "Remote explosive/landmine/IED"
    assert leading_acled([ev(0, "Grenade"), ev(1, ied), ev(2, ied), ev(3, ied)])["sub_event_type"] == ied
    assert leading_acled([ev(0, "Grenade"), ev(1, "Grenade"), ev(2, ied)])["sub_event_type"] == "Grenade"
