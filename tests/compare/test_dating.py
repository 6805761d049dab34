"""Tests of publication dates inferred from a story's dated reports (compare/dating.py)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.compare import dating
from crosswire.compare.dating import infer_dates
from crosswire.records import Document, Event, Evidence


def _doc(doc_id: str, text: str, published: str | None = None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", None, None, None, published, None, "en", text, [])


def _event(doc: Document, sentence: str, type_: str, day: str | None, date_text: str | None) -> Event:
    start = doc.text.index(sentence)
    return Event(f"{doc.id}-{type_}", doc.id, type_, None, None, None, None, [], day, date_text,
                 "day" if day else None, None, None, "asserted", None, sentence.split()[1],
                 Evidence(start, start + len(sentence), sentence))


WIRE = _doc("3495feab4e453b70", "Since the army launched air raids on Kessal last Wednesday, reactions differ.\n"
            "On Monday, the ministry said 25 missions were flown.", "2015-10-07")


def test_weekday_matches_the_dated_report_of_the_same_happening() -> None:
    undated = _doc("aj", "The army called Wednesday's raids on Kessal a success.\n"
                   "Officials met late on Wednesday in Geneva.")
    result = infer_dates([undated, WIRE])
    assert result["aj"]["date"] == "2015-09-30"  # the raids' day: the earliest consistent date
    basis = result["aj"]["basis"]
    assert "Wednesday" in basis and "3495feab" in basis and "published 2015-10-07" in basis
    assert "2015-09-30" in basis
    assert "3495feab4e453b70" not in result  # a dated report is never re-dated


def test_yesterday_dates_the_report_a_day_after_the_event() -> None:
    undated = _doc("u", "Yesterday's raids on Kessal killed four, the army said.")
    dated = _doc("d", "The raids on Kessal on Monday killed four.", "2015-10-08")
    assert infer_dates([undated, dated])["u"]["date"] == "2015-10-06"


def test_future_expressions_are_not_evidence() -> None:
    undated = _doc("u", "Talks could start tomorrow, the envoy said.")
    dated = _doc("d", "The talks began on Monday.", "2015-10-07")
    result = infer_dates([undated, dated])["u"]
    assert result["date"] == "2015-10-07"
    assert result["basis"].startswith("none of its relative dates matches a dated report")


def test_no_relative_dates_falls_back_to_earliest_dated_report() -> None:
    undated = _doc("u", "The raids continued, the army said.")
    later = _doc("late", "The raids on Monday killed four.", "2015-10-09")
    earlier = _doc("early", "The raids began on Saturday.", "2015-10-04")
    result = infer_dates([undated, later, earlier])["u"]
    assert result["date"] == "2015-10-04"
    assert "it has no relative dates" in result["basis"]
    assert "earliest dated report in its story (doc early" in result["basis"]


def test_story_without_dated_reports_dates_nothing() -> None:
    assert infer_dates([_doc("u", "Wednesday's raids killed four."), _doc("v", "The raids went on today.")]) == {}


def test_inferred_dates_are_not_evidence_for_other_documents() -> None:
    inferred = Document("i", "i.txt", None, None, None, None, {"date": "2015-09-30", "basis": "x"}, "en",
                        "The raids on Wednesday killed four.", [])
    assert infer_dates([_doc("u", "Wednesday's raids killed four."), inferred]) == {}


def test_event_type_decides_between_two_matching_days() -> None:
    dated = _doc("d", "Jets bombed the depot on Monday.\nThe envoys held talks on Monday, a week before.", "2015-10-07")
    events = {"d": [_event(dated, "Jets bombed the depot on Monday.", "ASSAULT", "2015-10-05", "Monday"),
                    _event(dated, "The envoys held talks on Monday, a week before.", "CONSULT", "2015-09-28", "Monday")]}
    undated = _doc("u", "Monday's bombing flattened a warehouse.")
    assert infer_dates([undated, dated], events)["u"]["date"] == "2015-09-28"  # no type of its own: earliest
    events["u"] = [_event(undated, "Monday's bombing flattened a warehouse.", "ASSAULT", None, None)]
    result = infer_dates([undated, dated], events)["u"]
    assert result["date"] == "2015-10-05"
    assert "the 2015-10-05 bombed" in result["basis"]


def test_run_date_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoToday(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            raise AssertionError("the run date must not be used")

    monkeypatch.setattr(dating, "date", NoToday)
    undated = _doc("u", "Today's raids on Kessal killed four.")
    dated = _doc("d", "The raids on Kessal on Tuesday killed four.", "2001-05-03")
    assert infer_dates([undated, dated])["u"]["date"] == "2001-05-01"
