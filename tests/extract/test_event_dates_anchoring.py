"""Tests of what a date expression is relative to, and how exact it is (issue 11).

* "yesterday", "overnight", "in the last 24 hours" inside a statement dated by its own
  expression ("On Monday, the ministry said ...") count from the statement's day;
* "reported on 5 March" dates the report: the event happened on or shortly before (week);
* "around 12 March", "in the days before Tuesday" keep the day with a coarser precision.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.extract.dates import WEEKDAYS, event_date, find_dates, resolve_expression

WED = "2015-10-07"  # the Xinhua report's day, a Wednesday
WEEKDAY_NAMES = [name.capitalize() for name in WEEKDAYS]


def _dated(text: str, trigger: str, anchor: str | None = WED):
    mention = event_date(text, text.index(trigger), anchor)
    return None if mention is None else (mention.date, mention.precision)


# -- 1. a relative day inside a dated statement counts from the statement's day -------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # A ministry statement: the 24 hours before Monday's statement.
    ("On Monday, the French Defence ministry said its air force deployed in Mali has carried out "
     "17 sorties in the last 24 hours hitting six camps of the al-Qaeda militant group.",
     "hitting", ("2015-10-05", "day")),
    ("On Monday, the ministry said its jets struck nine targets overnight.", "struck", ("2015-10-05", "day")),
    ("On Monday, the ministry said its jets struck nine targets yesterday.", "struck", ("2015-10-04", "day")),
    ("The ministry said on Monday that its jets had struck nine targets yesterday.", "struck",
     ("2015-10-04", "day")),
    ("The ministry told reporters on Monday that jets struck a depot earlier today.", "struck",
     ("2015-10-05", "day")),
    ("The ministry said Monday its jets struck nine targets the day before yesterday.", "struck",
     ("2015-10-03", "day")),
    # Trailing attribution: the statement's day follows its content.
    ("Jets struck nine targets in the last 24 hours, the ministry said on Monday.", "struck",
     ("2015-10-05", "day")),
    ("Jets struck nine targets yesterday, the ministry said on Monday.", "struck", ("2015-10-04", "day")),
    # A statement dated with a full date.
    ("On 3 October 2015, the ministry said jets struck nine targets yesterday.", "struck",
     ("2015-10-02", "day")),
])
def test_a_relative_day_in_a_dated_statement_counts_from_the_statement(text, trigger, expected):
    assert _dated(text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # No dated statement: the publication day is the anchor, as before.
    ("The ministry said its jets struck nine targets yesterday.", "struck", ("2015-10-06", "day")),
    ("Jets struck nine targets overnight, the ministry said.", "struck", ("2015-10-07", "day")),
    # The reporter's own yesterday, not inside the statement.
    ("Jets struck a depot yesterday, after the ministry said on Monday it would widen its campaign.",
     "struck", ("2015-10-06", "day")),
    # The reporter's own clause after the statement.
    ("The ministry said on Monday it would investigate, and police arrested two men yesterday.", "arrested",
     ("2015-10-06", "day")),
    # A day the statement states outright is not re-anchored.
    ("On Monday, the ministry said its jets struck nine targets on Saturday.", "struck", ("2015-10-03", "day")),
])
def test_a_relative_day_outside_a_dated_statement_keeps_the_publication_day(text, trigger, expected):
    assert _dated(text, trigger) == expected


def test_the_date_text_says_which_day_the_expression_counts_from():
    text = "On Monday, the ministry said its jets struck nine targets yesterday."
    mention = event_date(text, text.index("struck"), WED)
    assert mention is not None and mention.text == "yesterday, as of Monday"
    # Re-dating the kept expression against another anchor (an inferred publication date)
    # counts from the statement again.
    assert resolve_expression(mention.text, "2015-10-09") == ("2015-10-04", "day")
    assert resolve_expression("in the last 24 hours, as of Monday", WED) == ("2015-10-05", "day")


def test_an_undated_document_leaves_the_re_anchored_expression_unresolved():
    text = "On Monday, the ministry said its jets struck nine targets yesterday."
    mention = event_date(text, text.index("struck"), None)
    assert mention is not None and mention.date is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.sampled_from(WEEKDAY_NAMES),
       st.sampled_from([("yesterday", -1), ("overnight", 0), ("in the last 24 hours", 0),
                        ("earlier today", 0), ("the day before yesterday", -2)]))
def test_a_statement_day_anchors_its_relative_day(published, weekday, relative):
    phrase, shift = relative
    text = f"On {weekday}, the ministry said its jets struck nine targets {phrase}."
    said, _ = resolve_expression(f"on {weekday}", published.isoformat())
    assert said is not None
    expected = (date.fromisoformat(said) + timedelta(days=shift)).isoformat()
    assert _dated(text, "struck", published.isoformat()) == (expected, "day")


# -- 2. the day of a report: on or shortly before ---------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Four soldiers were killed in an ambush near Gao, as reported on 5 March.", "killed", ("2015-03-05", "week")),
    ("An ambush near Gao that killed four soldiers was reported on Tuesday.", "ambush", ("2015-10-06", "week")),
    ("Local media reported on Tuesday that gunmen attacked a checkpoint near Gao.", "attacked",
     ("2015-10-06", "week")),
    ("Gunmen attacked a checkpoint near Gao, Reuters reported Tuesday.", "attacked", ("2015-10-06", "week")),
    # Another date told for the event itself wins over the report's.
    ("Local media reported on Tuesday that gunmen attacked a checkpoint near Gao on Sunday.", "attacked",
     ("2015-10-04", "day")),
])
def test_the_date_of_a_report_dates_the_event_to_the_week(text, trigger, expected):
    assert _dated(text, trigger) == expected


def test_a_report_date_keeps_its_cue_in_the_expression():
    mention = next(m for m in find_dates("The attack, as reported on 5 March, killed four.", WED))
    assert (mention.text, mention.date, mention.precision) == ("reported on 5 March", "2015-03-05", "week")
    assert resolve_expression(mention.text, WED) == ("2015-03-05", "week")


# -- 3. approximate dates keep the date, coarser ---------------------------------------------

@pytest.mark.parametrize(("expr", "expected"), [
    ("around 12 March", ("2015-03-12", "week")),
    ("on or around 12 March", ("2015-03-12", "week")),
    ("on or about March 12, 2015", ("2015-03-12", "week")),
    ("about 12 March 2015", ("2015-03-12", "week")),
    ("in the days before Tuesday's vote", ("2015-10-06", "week")),
    ("in the days after 12 March", ("2015-03-12", "week")),
    ("in the week of 12 March", ("2015-03-12", "week")),
    ("late last week", ("2015-09-28", "week")),
    ("early this month", ("2015-10-01", "month")),
    ("late last month", ("2015-09-01", "month")),
    ("in early March", ("2015-03-01", "month")),
    ("mid-March", ("2015-03-01", "month")),
])
def test_approximate_dates_keep_the_date_with_a_coarser_precision(expr, expected):
    assert resolve_expression(expr, WED) == expected


def test_an_approximate_day_dates_the_event():
    text = "Gunmen attacked a checkpoint near Gao on or around 12 March, killing four soldiers."
    assert _dated(text, "attacked") == ("2015-03-12", "week")
    text = "Gunmen attacked a checkpoint near Gao in the days before Tuesday's vote."
    assert _dated(text, "attacked") == ("2015-10-06", "week")


@pytest.mark.parametrize("text", [
    "About 40 people were killed on 12 March.",  # a count, not an approximate date
    "Around 200 protesters marched on Tuesday.",
])
def test_an_approximate_count_does_not_coarsen_the_day(text):
    assert all(m.precision == "day" for m in find_dates(text, WED))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["around", "on or around", "on or about", "roughly", "approximately"]))
def test_any_approximate_full_date_is_that_date_to_the_week(d, cue):
    expr = f"{cue} {d.day} {d.strftime('%B')} {d.year}"
    assert resolve_expression(expr, None) == (d.isoformat(), "week")


# -- in a document: the seeds' sentence --------------------------------------------------

def test_the_xinhua_missions_are_dated_monday(nlp_sm):
    from crosswire.extract.events.core import find_events

    text = ("On Monday, the French Defence ministry said its air force deployed in Mali has carried out "
            "17 sorties in the last 24 hours hitting six camps of the al-Qaeda militant group.")
    events = find_events(nlp_sm(text), doc_id="d", published=WED)
    dated = [(e.trigger, e.date, e.date_text) for e in events if e.date_text and "24 hours" in e.date_text]
    assert dated and all(date_ == "2015-10-05" for _, date_, _ in dated), [(e.trigger, e.date) for e in events]


def test_talk_about_a_day_is_not_a_rough_day():
    text = "The minister spoke about Tuesday's attack on the checkpoint."
    assert [(m.text, m.precision) for m in find_dates(text, WED)] == [("Tuesday's", "day")]
