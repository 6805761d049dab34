"""Tests of the CAMEO evaluation (evaluate/cameo.py): actor dictionaries, matching, a short run."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.evaluate.cameo import (
    actor_matches,
    evaluate_cameo,
    event_counts,
    read_actor_dictionary,
    score_sentence,
)
from crosswire.records import Evidence, Event, Party

# A made-up dictionary in the PETRARCH actor format (names and codes invented here).
DICTIONARY = """<!-- TEST DICTIONARY -->
VALDORIA  [VAL]
+VALDORIAN
NORTH_KESTREL [NKS] # comment
BARON OF MIRROW
\t[--- <950630]
\t[MIR]
"""


def test_read_actor_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    names = read_actor_dictionary(path)
    assert names["valdoria"] == "VAL" and names["valdorian"] == "VAL"
    assert names["north kestrel"] == "NKS"
    assert names["baron of mirrow"] == "MIR"


def test_actor_matches_by_country_prefix() -> None:
    russia = Party("Russian police", country="RUS")
    assert actor_matches(russia, "RUSCOP", {})
    assert not actor_matches(russia, "USA", {})
    assert actor_matches(None, "---", {})
    assert actor_matches(russia, "IGOUNO", {})  # no country prefix: any party
    assert actor_matches(Party("the Valdorian army"), "VALMIL", {"valdoria": "VAL", "valdorian": "VAL"})


def _event(type_: str, actor: Party | None, target: Party | None) -> Event:
    return Event("e", "d", type_, None, None, actor, target, [], None, None, None, None, None,
                 "asserted", None, "t", Evidence(0, 1, "x"))


def test_score_sentence() -> None:
    record = {"events": [{"eventcode": "042", "sourcecode": "USAGOV", "targetcode": "CHN"}], "noevents": False}
    hit = _event("CONSULT", Party("US", country="USA"), Party("China", country="CHN"))
    wrong_dyad = _event("CONSULT", Party("China", country="CHN"), Party("US", country="USA"))
    assert score_sentence(record, [hit], {}) == {"found": True, "type_only": True}
    assert score_sentence(record, [wrong_dyad], {}) == {"found": False, "type_only": True}
    assert score_sentence({"events": [], "noevents": True}, [hit], {}) == {"false_positive": True}


@pytest.mark.eval
@pytest.mark.model
def test_evaluate_cameo_small(shared_dir: Path, nlp_sm) -> None:
    dev = shared_dir / "eval" / "petrarch-cameo" / "dev"
    if not dev.is_dir():
        pytest.skip("petrarch-cameo dev split is not present")
    result = evaluate_cameo(dev, limit=10, nlp=nlp_sm)
    assert set(result["per_subset"]) == {"gsr_en", "unit_en"}
    assert {"gsr_es_protest", "gsr_es_fight"} <= set(result["skipped"])
    rates = result["systems"]["crosswire"]
    per_subset = result["per_subset"]
    # The overall rate is the sentence-weighted mean of the subsets' rates, and event counts add up.
    assert rates["sentences"] == sum(s["sentences"] for s in per_subset.values()) <= 20
    weighted = sum(s["type_only"] * s["sentences"] for s in per_subset.values()) / rates["sentences"]
    assert rates["type_only"] == pytest.approx(weighted, abs=0.002)
    events = rates["events"]["type"]
    assert events["gold"] == sum(s["events"]["type"]["gold"] for s in per_subset.values()) > 0
    assert events["right"] <= min(events["gold"], events["predicted"])


def test_event_counts_are_one_to_one() -> None:
    record = {"events": [{"eventcode": "042", "sourcecode": "USAGOV", "targetcode": "CHN"},
                         {"eventcode": "043", "sourcecode": "CHN", "targetcode": "USA"}], "noevents": False}
    us, china = Party("US", country="USA"), Party("China", country="CHN")
    # One CONSULT event cannot serve both gold events; the stray PROTEST is a false positive.
    counts = event_counts(record, [_event("CONSULT", us, china), _event("PROTEST", None, None)], {})
    assert counts == {"gold": 2, "predicted": 2, "type": 1, "dyad_and_type": 1}
    counts = event_counts(record, [_event("CONSULT", china, us), _event("CONSULT", us, china)], {})
    assert counts == {"gold": 2, "predicted": 2, "type": 2, "dyad_and_type": 2}
    assert event_counts({"events": [], "noevents": True}, [_event("CONSULT", us, china)], {}) == {
        "gold": 0, "predicted": 1, "type": 0, "dyad_and_type": 0}
