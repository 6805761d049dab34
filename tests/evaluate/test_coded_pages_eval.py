"""Scoring every happening of a page against a coder's list (evaluate/coded_pages.py)."""

from __future__ import annotations

import json

import pytest

from crosswire.evaluate.coded_pages import match_page, read_coded, score_pages


def _gold(n: int, **fields) -> dict:
    base = {"doc": "p1", "n": n, "background": False, "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "date": "2020-05-03", "lat": 10.0, "lon": 20.0,
            "fatalities": 4, "evidence": n * 100}
    return base | fields


def _row(sub: str = "Air/drone strike", event_type: str = "Explosions/Remote violence", *, lat: float = 10.0,
         lon: float = 20.0, date: str | None = "2020-05-03", dead: int | None = 4) -> dict:
    return {"acled": {"event_type": event_type, "sub_event_type": sub}, "date": date,
            "places": [{"name": "X", "lat": lat, "lon": lon}],
            "fatalities": None if dead is None else {"low": dead, "high": dead}, "modality": "asserted"}


def test_a_second_row_for_one_happening_is_a_false_positive():
    scored = score_pages([{"id": "p1"}], [_gold(1)], {"p1": [_row(), _row()]})
    assert scored["happenings_found"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert len(scored["false_rows"]) == 1


def test_rows_match_the_happening_at_their_place():
    gold = [_gold(1, lat=10.0, lon=20.0), _gold(2, lat=12.0, lon=22.0, fatalities=0)]
    rows = [_row(lat=12.0, lon=22.0, dead=None), _row(lat=10.0, lon=20.0)]
    matches = {g: r for g, r, _ in match_page(gold, rows)}
    assert matches == {0: 1, 1: 0}
    assert score_pages([{"id": "p1"}], gold, {"p1": rows})["fields"]["fatalities_exact"] == 1.0


def test_a_missed_happening_is_wrong_in_every_field_and_unknown_fields_are_left_out():
    gold = [_gold(1), _gold(2, date=None, lat=30.0, lon=40.0)]
    scored = score_pages([{"id": "p1"}], gold, {"p1": [_row()]})
    assert scored["happenings_found"]["recall"] == 0.5
    assert scored["fields"]["place"] == 0.5
    assert scored["fields"]["date"] == 1.0  # the second happening has no gold date
    assert scored["matched_fields"]["type"] == 1.0
    assert scored["misses"] == [{"doc": "p1", "n": 2, "sub_event_type": "Air/drone strike"}]


def test_background_happenings_excuse_a_row_but_are_not_recalled():
    gold = [_gold(1, background=True)]
    scored = score_pages([{"id": "p1"}], gold, {"p1": [_row()]})
    assert scored["happenings"] == 0
    assert scored["happenings_found"]["precision"] == 1.0


def test_rows_on_a_page_with_no_happening_are_false_and_other_kinds_elsewhere_do_not_match():
    labels = [{"doc": "p2", "n": 0, "none": True}, _gold(1)]
    rows = {"p1": [_row("Peaceful protest", "Protests", lat=50.0, lon=50.0)], "p2": [_row()]}
    scored = score_pages([{"id": "p1"}, {"id": "p2"}], labels, rows)
    assert scored["rows"] == 2
    assert scored["happenings_found"]["precision"] == 0.0
    assert scored["lead"]["event_type"] == 0.0


def test_read_coded_keeps_a_parts_labels_only(tmp_path):
    docs = [{"id": f"p{i}", "url": f"https://example.org/{i}", "text": "x"} for i in range(40)]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(_gold(1, doc=d["id"])) + "\n" for d in docs))
    tune, tune_labels = read_coded(tmp_path, "tune")
    report, _ = read_coded(tmp_path, "report")
    assert tune and report and len(tune) + len(report) == 40
    assert {label["doc"] for label in tune_labels} == {d["id"] for d in tune}
    with pytest.raises(ValueError):
        read_coded(tmp_path, "all")


@pytest.mark.model
def test_crosswire_eval_pages_runs_the_pipeline_over_a_coded_folder(tmp_path):
    from typer.testing import CliRunner

    from crosswire.cli import app

    pages = [
        {"id": "p1", "url": "https://example.org/2021/03/02/raid",
         "text": "Gunmen killed three villagers in Kano on Monday, police said. "
                 "The gunmen fled on motorcycles after the attack."},
        {"id": "p2", "url": "https://example.org/2021/03/02/rain",
         "text": "Heavy rain is expected across the region this week, forecasters said."},
    ]
    labels = [{"doc": "p1", "n": 1, "background": False, "event_type": "Violence against civilians",
               "sub_event_type": "Attack", "date": "2021-03-01", "lat": 12.0, "lon": 8.52, "fatalities": 3,
               "evidence": 0},
              {"doc": "p2", "n": 0, "none": True}]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pages))
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(x) + "\n" for x in labels))
    done = CliRunner().invoke(app, ["eval", "pages", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert "happenings_found.recall" in done.output and "1.0000" in done.output
    assert CliRunner().invoke(app, ["eval", "pages", str(tmp_path / "missing")]).exit_code != 0
