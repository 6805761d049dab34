"""Tests of the who-says-what story report (story_report.py) and its rendering (report_view.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from crosswire.records import Claim, Event, Evidence, Fatalities, Speaker
from crosswire.report_view import dead_text, render_story, when_text
from crosswire.story_report import coverage, differing_numbers, story_report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _event(doc: str, low: int, high: int, victims: str | None = "civilians") -> Event:
    return Event(id=f"e-{doc}-{low}", doc=doc, type="ASSAULT", mode=None, acled=None, actor=None, target=None,
                 places=[], date=None, date_text=None, date_precision=None,
                 fatalities=Fatalities(low, high, victims, "x"), according_to=None, modality="asserted",
                 reported_by=None, trigger="shelling", evidence=Evidence(0, 1, "x"))


def _claim(doc: str, speaker: str, affiliation: str | None = None) -> Claim:
    return Claim(f"c-{doc}-{speaker}", doc, Speaker(speaker, speaker, None, affiliation), [], "x", False, "said",
                 None, Evidence(0, 1, "x"))


def test_differing_numbers_lists_each_figure_with_its_outlets():
    outlet = {"a": "Meridian", "b": "Tessin Herald", "c": "Crescent"}
    rows = differing_numbers([_event("a", 14, 14), _event("b", 16, 16), _event("c", 14, 14)], outlet)
    assert rows == [{"type": "ASSAULT", "victims": "civilians",
                     "figures": {"14": ["Crescent", "Meridian"], "16": ["Tessin Herald"]}}]
    assert differing_numbers([_event("a", 14, 14), _event("c", 14, 14)], outlet) == []  # all agree


def test_coverage_says_which_sides_each_outlet_leaves_out():
    outlet = {"a": "Meridian", "b": "VNA"}
    claims = [_claim("a", "Sergey Lavrov", "Russian Foreign Ministry"), _claim("a", "Khaled Khoja", "National Coalition"),
              _claim("b", "Sergey Lavrov", "Russian Foreign Ministry")]
    rows = {r["outlet"]: r for r in coverage(claims, [_event("b", 1, 1)], outlet)}
    assert rows["VNA"]["sides"] == ["Russia"] and rows["VNA"]["leaves_out"] == ["Syrian National Coalition"]
    assert rows["Meridian"]["leaves_out"] == [] and (rows["Meridian"]["claims"], rows["VNA"]["events"]) == (2, 1)


def test_dates_and_tolls_as_shown():
    assert when_text("2015-09-30", "Wednesday", "context") == "~2015-09-30"
    assert when_text("2015-09-30", "Wednesday", "sentence") == "2015-09-30"
    assert when_text(None, "Tuesday", "sentence") == "? Tuesday" and when_text(None, None, None) == "?"
    assert dead_text(35, 40, "militants") == "35-40 militants" and dead_text(36, 36, None) == "36"


@pytest.mark.model
def test_story_report_of_the_sample_corpus():
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    if not EXAMPLES.is_dir():
        pytest.skip("examples/corpus is not present")
    store = Store(":memory:")
    run([EXAMPLES], store, load_settings())
    story = next(s for s in store.stories() if "ceasefire" in (s.title or "").lower() and len(s.docs) > 3)
    report = story_report(store, story.id[:8])  # a prefix is enough
    assert report is not None and report["story"]["id"] == story.id
    assert story_report(store, "no-such-story") is None
    timeline = report["timeline"]
    dated = [r["date"] for r in timeline if r["date"]]
    assert dated == sorted(dated) and all(r["date"] is None for r in timeline[len(dated):])  # undated last
    assert any(r["type"] == "contradicts" and r["reason"] for r in report["relations"])
    # The French and Russian reports joined this story by the names they use.
    assert {"fr", "ru"} <= {d.language for d in store.documents(story.docs)}
    sides = list(report["sides"])
    assert "unresolved speaker" not in sides or sides[-1] == "unresolved speaker"  # nameless claims last
    assert {"Kestria", "Varnia"} <= set(sides)  # states, whatever their organs are called
    console = Console(record=True, width=200)
    render_story(console, report)
    shown = console.export_text()
    for heading in ("timeline", "claims by side", "~ dated from an earlier sentence"):
        assert heading in shown
    # Shown relations carry their question, two answers and a confidence at or above the bar;
    # the rest are counted and come back on request.
    from crosswire.story_report import SHOWN_CONFIDENCE

    assert all(r["confidence"] >= SHOWN_CONFIDENCE and len(r["answers"]) == 2 and r["question"]
               for r in report["relations"])
    every = story_report(store, story.id, every_relation=True)
    assert len(every["relations"]) == len(report["relations"]) + report["relations_held_back"]
    assert every["relations_held_back"] == 0
    store.close()
