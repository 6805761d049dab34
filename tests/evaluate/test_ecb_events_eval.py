"""Tests of the ECB+ event evaluation (evaluate/ecb_events.py) on self-written records and on ECB+ dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.evaluate.ecb_events import (
    BASELINE, Gold, argument_checks, evaluate_ecb_events, gold_mentions, match, overlap, rebuild, trigger_span,
)
from crosswire.evaluate.results import Context
from crosswire.evaluate.splits import part_of
from crosswire.records import Event, Evidence, Party, Place, short_id


def _mention(m_id: int, tag: str, sentence: int, numbers: list[int], text: str, chain: str | None = None) -> dict:
    return {"m_id": str(m_id), "tag": tag, "token_ids": [n + 1 for n in numbers], "sentence": sentence,
            "token_numbers": numbers, "text": text, "instance_id": chain, "descriptor": None,
            "coref": "cross_doc" if chain else None}


def _record(doc_id: str, topic: int, lines: list[str], annotated: list[int], mentions: list[dict],
            url: str | None = None) -> dict:
    sentences = [{"index": i, "tokens": line.split()} for i, line in enumerate(lines)]
    return {"id": doc_id, "topic": topic, "part": "ecbplus" if url else "ecb", "story_id": f"{topic}_x", "url": url,
            "text": "\n".join(lines), "sentences": sentences, "coref_annotated_sentences": annotated,
            "mentions": mentions}


# Self-written news in the ECB+ record format. Topic 5 falls in the report part, topic 1 in
# the tune part (checked in test_fixture_topics_sit_in_the_parts_they_test).
REPORT_A = _record("5_1ecbplus", 5, [
    "http : / / news . example / lyon-arrests",
    "Police arrested two protesters in Lyon on Tuesday .",
    "`` The city is calm , '' the mayor said .",
    "Soldiers shelled the border town overnight .",  # annotated, but its action is not: a false positive
    "Officials met in Lyon .",  # not annotated: nothing here is scored
], [1, 2, 3], [
    _mention(1, "HUMAN_PART_ORG", 1, [0], "Police"), _mention(2, "ACTION_OCCURRENCE", 1, [1], "arrested"),
    _mention(3, "HUMAN_PART_PER", 1, [2, 3], "two protesters"), _mention(4, "LOC_GEO", 1, [5], "Lyon"),
    _mention(5, "TIME_DATE", 1, [7], "Tuesday"), _mention(6, "ACTION_STATE", 2, [3, 4], "is calm"),
    _mention(7, "HUMAN_PART_PER", 2, [7, 8], "the mayor"), _mention(8, "ACTION_REPORTING", 2, [9], "said"),
    _mention(9, "HUMAN_PART_PER", 3, [0], "Soldiers"), _mention(10, "ACTION_OCCURRENCE", 4, [1], "met"),
], url="http://news.example/lyon-arrests")
REPORT_B = _record("5_2ecb", 5, [
    "Rebels attacked a convoy near Aleppo .",
    "They killed three drivers , officials said .",  # "They" is chained to "Rebels"; the drivers are not marked
    "Troops raided the camp .",  # the camp is a place in the gold, and no participant is marked
], [1, 2], [
    _mention(1, "HUMAN_PART_ORG", 0, [0], "Rebels", "HUM_REBELS"),
    _mention(2, "HUMAN_PART_ORG", 1, [0], "They", "HUM_REBELS"),
    _mention(3, "ACTION_OCCURRENCE", 1, [1], "killed"), _mention(4, "HUMAN_PART_PER", 1, [5], "officials"),
    _mention(5, "ACTION_REPORTING", 1, [6], "said"), _mention(6, "ACTION_OCCURRENCE", 2, [1], "raided"),
    _mention(7, "LOC_FAC", 2, [2, 3], "the camp"),
])
TUNE_C = _record("1_1ecb", 1, ["Reid checked into rehab ."], [0], [
    _mention(1, "ACTION_OCCURRENCE", 0, [1, 2], "checked into")])


def _write(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def _event(trigger: str, sentence: Evidence, at: int, **fields: object) -> Event:
    base: dict = {"id": short_id("d", str(at), "ASSAULT"), "doc": "d", "type": "ASSAULT", "mode": None, "acled": None,
                  "actor": None, "target": None, "places": [], "date": None, "date_text": None,
                  "date_precision": None, "fatalities": None, "according_to": None, "modality": "asserted",
                  "reported_by": None, "trigger": trigger, "evidence": sentence}
    return Event(**{**base, **fields})


def test_fixture_topics_sit_in_the_parts_they_test() -> None:
    assert (part_of("ecbplus", 5), part_of("ecbplus", 1)) == ("report", "tune")


def test_rebuild_drops_the_url_line_detokenises_and_maps_tokens() -> None:
    text = rebuild(REPORT_A)
    lines = text.text.split("\n")
    assert lines[:2] == ["Police arrested two protesters in Lyon on Tuesday.", '"The city is calm," the mayor said.']
    assert 0 not in text.sentences and len(lines) == 4
    start, end = text.tokens[(2, 3)]  # "is"
    assert text.text[start:end] == "is" and text.text[slice(*text.tokens[(2, 0)])] == '"'
    assert text.text[slice(*text.sentences[3])] == "Soldiers shelled the border town overnight."


def test_gold_mentions_keep_gaps_chains_and_only_known_kinds() -> None:
    record = _record("x", 1, ["Reid checked herself into rehab ."], [0], [
        _mention(1, "ACTION_OCCURRENCE", 0, [1, 3], "checked into"),
        _mention(2, "HUMAN_PART_PER", 0, [0], "Reid", "HUM_REID"), _mention(3, "UNKNOWN_TAG", 0, [4], "rehab")])
    text = rebuild(record)
    golds = gold_mentions(record, text)
    assert [(g.kind, g.chain) for g in golds] == [("participant", "HUM_REID"), ("action", None)]
    assert [text.text[s:e] for s, e in golds[1].pieces] == ["checked", "into"]


def test_overlap_and_greedy_one_to_one_match() -> None:
    assert overlap(((0, 7), (15, 19)), ((5, 17),)) == 4
    # The first prediction shares more with the second gold span and takes it; the second
    # prediction then finds nothing left that it overlaps.
    assert match([((0, 10),), ((8, 12),)], [((0, 4),), ((5, 12),)]) == {0: 1}
    assert match([((0, 4),), ((0, 4),)], [((0, 4),)]) == {0: 0}
    assert match([((0, 4),)], [((4, 8),)]) == {}


def test_trigger_span_is_the_occurrence_the_event_id_names() -> None:
    sentence = Evidence(100, 134, "Shells hit Homs and shells hit Hama")
    assert trigger_span(_event("hit", sentence, 127), "d") == (127, 130)
    assert trigger_span(_event("hit", sentence, 999), "d") == (107, 110)  # no id match: the first one


def test_argument_checks_follow_chains_and_leave_context_dates_unscored() -> None:
    golds = [Gold("HUMAN_PART_ORG", "participant", 0, "HUM_R", ((0, 6),)),
             Gold("HUMAN_PART_ORG", "participant", 1, "HUM_R", ((40, 44),)),
             Gold("ACTION_OCCURRENCE", "action", 1, None, ((45, 51),)),
             Gold("LOC_GEO", "location", 0, None, ((20, 26),)),
             Gold("TIME_DATE", "time", 1, None, ((60, 67),))]
    sentence = Evidence(40, 68, "They killed three on Tuesday")
    rebels = Party("Rebels", start=0, end=6)  # a pronoun's actor, offsets at its antecedent
    event = _event("killed", sentence, 45, actor=rebels, date_text="Tuesday", date_basis="sentence",
                   places=[Place("Aleppo", "Aleppo", 36.2, 37.2, "SY", 1, start=20, end=26)])
    # The place is carried over from sentence 0, and sentence 1 names no place: ECB+ cannot judge it.
    assert argument_checks(event, 1, golds) == {"participant": "right", "location": None, "time": "right"}
    # Once sentence 1 names a place, a carried-over place chained to nothing of it is wrong.
    named = [*golds, Gold("LOC_GEO", "location", 1, "LOC_X", ((56, 59),))]
    assert argument_checks(event, 1, named)["location"] == "wrong"
    chained = [*golds[:3], Gold("LOC_GEO", "location", 0, "LOC_X", ((20, 26),)),
               Gold("LOC_GEO", "location", 1, "LOC_X", ((56, 59),)), golds[4]]
    assert argument_checks(event, 1, chained)["location"] == "right"
    later = _event("killed", sentence, 45, target=Party("three", start=50, end=55), date_text="Monday",
                   date_basis="context")
    assert argument_checks(later, 1, golds) == {"participant": "wrong", "location": None, "time": "context"}


@pytest.mark.model
def test_evaluate_on_fixture_exact_counts(tmp_path: Path, nlp_sm) -> None:
    folder = _write(tmp_path / "ecbplus" / "dev", [REPORT_A, REPORT_B, TUNE_C])
    result = evaluate_ecb_events(folder, part="report", nlp=nlp_sm)
    assert (result["documents"], result["sentences"]) == (2, 5)
    assert result["gold_by_tag"] == {"ACTION_OCCURRENCE": 3, "ACTION_REPORTING": 2, "ACTION_STATE": 1}
    ours, verbs = result["systems"]["crosswire"], result["systems"][BASELINE]
    # arrested, shelled (no gold action), killed, raided; "met" is in an unannotated sentence.
    assert ours["triggers"] == {"precision": 0.75, "recall": 0.5, "f1": 0.6, "matched": 3, "predicted": 4, "gold": 6}
    assert ours["occurrence_recall"] == {"recall": 1.0, "matched": 3, "gold": 3}
    # Police (in the sentence), Rebels (chained to "They"); Troops and the camp are no gold participant.
    assert ours["participant"] == {"accuracy": 0.6667, "of_matched": 0.6667, "right": 2, "scored": 3}
    assert ours["location"] == {"accuracy": 1.0, "of_matched": 0.3333, "right": 1, "scored": 1}
    assert ours["time"] == {"accuracy": 1.0, "of_matched": 0.3333, "right": 1, "scored": 1, "context_dated": 0}
    # Verbs: arrested, said, shelled, killed, said, raided ("is" is AUX); only "shelled" misses.
    assert verbs["triggers"] == {"precision": 0.8333, "recall": 0.8333, "f1": 0.8333, "matched": 5, "predicted": 6,
                                 "gold": 6}
    assert verbs["matched_by_tag"] == {"ACTION_OCCURRENCE": 3, "ACTION_REPORTING": 2}
    assert evaluate_ecb_events(folder, nlp=nlp_sm)["documents"] == 3


@pytest.mark.model
def test_runner_rows_and_cli(tmp_path: Path) -> None:
    from crosswire.cli import app
    from crosswire.evaluate.result_runners import ecb_events

    folder = _write(tmp_path / "eval" / "ecbplus" / "dev", [REPORT_A, REPORT_B, TUNE_C])
    rows = list(ecb_events(Context(shared=tmp_path / "eval", gold=tmp_path, repo=tmp_path)))
    assert [r.crosswire for r in rows] == ["P 0.750 / R 0.500 / F1 0.600", "R 1.000", "0.667 / 1.000 / 1.000"]
    assert rows[0].baseline == f"{BASELINE} P 0.833 / R 0.833 / F1 0.833 (same run)"
    assert rows[0].part == "dev, report part (2 documents)"
    assert {r.tuned for r in rows} == {"no: event rules were never tuned on ECB+"}
    result = CliRunner().invoke(app, ["eval", "ecb-events", str(folder), "--part", "report"])
    assert result.exit_code == 0, result.output
    assert "triggers.precision" in result.output


@pytest.mark.eval
@pytest.mark.model
def test_evaluate_on_ecbplus_dev_small(shared_dir: Path, nlp_sm) -> None:
    dev = shared_dir / "eval" / "ecbplus" / "dev"
    if not (dev / "records.jsonl").is_file():
        pytest.skip("ecbplus dev split is not present")
    result = evaluate_ecb_events(dev, limit=8, part="report", nlp=nlp_sm)
    assert result["documents"] == 8 and result["sentences"] > 0
    gold = sum(result["gold_by_tag"].values())
    for system in result["systems"].values():
        t = system["triggers"]
        assert t["gold"] == gold > 0 and t["matched"] <= min(t["predicted"], gold)
        assert sum(system["matched_by_tag"].values()) == t["matched"]
    ours = result["systems"]["crosswire"]
    assert all(ours[k]["right"] <= ours[k]["scored"] <= ours["triggers"]["matched"]
               for k in ("participant", "location", "time"))
    # Every verb finds most ECB+ actions: the reference the crosswire figure is read against.
    assert result["systems"][BASELINE]["triggers"]["recall"] > 0.5
