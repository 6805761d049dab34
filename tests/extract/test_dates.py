"""Tests for crosswire.extract.dates: finding date expressions and resolving them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.extract.dates import WEEKDAYS, event_date, find_dates, resolve_expression

WED = "2015-10-07"  # a Wednesday, as a wire story's dateline
WED_EARLIER = "2015-09-30"  # also a Wednesday
WEEKDAY_NAMES = [name.capitalize() for name in WEEKDAYS]


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("last Wednesday", WED, ("2015-09-30", "day")),
        ("Last Wednesday", WED, ("2015-09-30", "day")),
        ("on Monday", WED, ("2015-10-05", "day")),
        ("on Tuesday", WED, ("2015-10-06", "day")),
        ("Sunday", WED, ("2015-10-04", "day")),
        ("earlier Tuesday", WED, ("2015-10-06", "day")),
        ("Wednesday’s operation", WED_EARLIER, ("2015-09-30", "day")),
        ("late on Wednesday", WED_EARLIER, ("2015-09-30", "day")),
        ("last Wednesday", "2015-10-09", ("2015-10-07", "day")),  # written on a Friday
        ("next Monday", WED, ("2015-10-12", "day")),
        ("on Sunday night", WED, ("2015-10-04", "day")),
        ("On 12 March 2019", WED, ("2019-03-12", "day")),
        ("March 12, 2019", None, ("2019-03-12", "day")),
        ("12 Mar. 2019", None, ("2019-03-12", "day")),
        ("2019-03-12", None, ("2019-03-12", "day")),
        ("on March 12", WED, ("2015-03-12", "day")),
        ("on March 12", None, (None, "day")),
        ("on December 30", "2016-01-02", ("2015-12-30", "day")),
        ("on the 12th of March", WED, ("2015-03-12", "day")),
        ("on the 5th,", WED, ("2015-10-05", "day")),
        ("in March 2019", None, ("2019-03-01", "month")),
        ("on March 16 of 1968", WED, ("1968-03-16", "day")),
        ("in March", WED, ("2015-03-01", "month")),
        ("in November", WED, ("2014-11-01", "month")),
        ("in 2019", None, ("2019-01-01", "year")),
        ("since 2019", None, ("2019-01-01", "year")),
        ("today", WED, ("2015-10-07", "day")),
        ("tonight", WED, ("2015-10-07", "day")),
        ("overnight", WED, ("2015-10-07", "day")),
        ("this morning", WED, ("2015-10-07", "day")),
        ("yesterday", WED, ("2015-10-06", "day")),
        ("last night", WED, ("2015-10-06", "day")),
        ("the day before", WED, ("2015-10-06", "day")),
        ("two days ago", WED, ("2015-10-05", "day")),
        ("three days earlier", WED, ("2015-10-04", "day")),
        ("in the last 24 hours", WED, ("2015-10-07", "day")),
        ("in the past 24 hours", WED, ("2015-10-07", "day")),
        ("last week", WED, ("2015-09-28", "week")),
        ("earlier this week", WED, ("2015-10-05", "week")),
        ("last month", WED, ("2015-09-01", "month")),
        ("last year", WED, ("2014-01-01", "year")),
        ("last weekend", WED, ("2015-10-03", "week")),
        ("last weekend", "2015-10-04", ("2015-09-26", "week")),  # said on a Sunday
        ("over the weekend", "2015-10-05", ("2015-10-03", "week")),
        ("yesterday", None, (None, "day")),
        ("last week", None, (None, "week")),
    ],
)
def test_dates_resolve_expression(expr: str, anchor: str | None, expected: tuple[str | None, str | None]) -> None:
    assert resolve_expression(expr, anchor) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("will meet on Monday", ("2015-10-12", "day")),
        ("on Wednesday", ("2015-10-14", "day")),  # same weekday, future: next week's
        ("in March", ("2016-03-01", "month")),
        ("last Monday", ("2015-10-05", "day")),  # "last" wins over tense
    ],
)
def test_dates_future_tense(expr: str, expected: tuple[str | None, str | None]) -> None:
    assert resolve_expression(expr, WED, tense="future") == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 19-year-old was among them.",
        "He served for five years.",
        "A 24-hour curfew was imposed.",
        "Ahead of the 2015 elections, in the 2015 elections.",
        "The blast killed 2019 people.",
        "Russia's Su-25 jets flew 20 sorties.",
        "He may leave, and the march went on.",
        "Some 35-40 terrorists were killed.",
        "Dana Roe, 19, of 1935 Orchard St., was arrested.",  # a house number
        "a man of 1201 N. Main Street",
        "",
    ],
)
def test_dates_not_dates(text: str) -> None:
    assert find_dates(text, WED) == []


def test_dates_offsets_index_the_text() -> None:
    text = "Since Moscow launched airstrikes in Syria last Wednesday, on Monday and in 2019, yesterday."
    found = find_dates(text, WED)
    assert [m.text for m in found] == ["last Wednesday", "Monday", "2019", "yesterday"]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.relative for m in found] == [True, True, False, True]


def test_dates_undated_document_keeps_relative_unresolved() -> None:
    found = find_dates("He said Monday that talks held on 12 March 2019 failed.", None)
    assert [(m.text, m.date) for m in found] == [("Monday", None), ("12 March 2019", "2019-03-12")]


def _event(text: str, trigger: str, anchor: str | None, **kw: str) -> str | None:
    mention = event_date(text, text.index(trigger), anchor, **kw)
    return mention.date if mention else None


@pytest.mark.parametrize(
    ("text", "trigger", "anchor", "expected"),
    [
        ("Since Moscow launched airstrikes on IS targets in Syria last Wednesday, Russian actions have drawn responses.",
         "airstrikes", WED, "2015-09-30"),
        ("The Polish Foreign Ministry summoned Belarus's ambassador in Warsaw again on Monday to protest the incursions.",
         "summoned", WED, "2015-10-05"),
        ("Lavrenko said on Tuesday while meeting with Egyptian Trade Minister Karim Fathy in Cairo.",
         "meeting", WED, "2015-10-06"),
        ("Macron called Wednesday’s operation a decisive blow against the jihadists.", "operation", WED_EARLIER, "2015-09-30"),
        ("Kerry said talks will begin as soon as tomorrow, after a meeting with Lavrov late on Wednesday in New York.",
         "meeting", WED_EARLIER, "2015-09-30"),
        ("A truce signed in 2019 collapsed when militants attacked the town on Tuesday.", "attacked", WED, "2015-10-06"),
        ("Militants, who have held the town since 2019, attacked it on Tuesday.", "attacked", WED, "2015-10-06"),
        ("The strike carried out on Tuesday killed five people.", "strike", WED, "2015-10-06"),
        ("Ministers will meet on Monday.", "meet", WED, "2015-10-12"),
        ("The army has shelled the town since 2019.", "shelled", WED, None),
        ("Gunmen killed two guards on Sunday night, police said on Monday.", "killed", WED, "2015-10-04"),
        ("Gunmen killed two guards in March 2019, police said on Monday.", "killed", WED, "2019-03-01"),
        ("The raid happened, officials said.", "raid", WED, None),
    ],
)
def test_dates_event_date(text: str, trigger: str, anchor: str | None, expected: str | None) -> None:
    assert _event(text, trigger, anchor) == expected


def test_dates_event_date_prefers_day_precision() -> None:
    text = "In 2015 the group attacked a checkpoint on Tuesday."
    mention = event_date(text, text.index("attacked"), WED)
    assert mention is not None and (mention.text, mention.precision) == ("Tuesday", "day")


def test_dates_event_date_explicit_tense_overrides() -> None:
    text = "They meet on Monday."
    assert _event(text, "meet", WED, tense="future") == "2015-10-12"
    assert _event(text, "meet", WED) == "2015-10-05"


anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@given(anchor=anchors, name=st.sampled_from(WEEKDAY_NAMES))
def test_dates_bare_weekday_is_within_week_on_or_before(anchor: date, name: str) -> None:
    resolved, precision = resolve_expression(name, anchor.isoformat())
    assert resolved is not None and precision == "day"
    d = date.fromisoformat(resolved)
    assert anchor - timedelta(days=6) <= d <= anchor
    assert d.weekday() == WEEKDAYS[name.lower()]


@given(anchor=anchors, name=st.sampled_from(WEEKDAY_NAMES))
def test_dates_last_weekday_is_strictly_before_within_week(anchor: date, name: str) -> None:
    resolved, _ = resolve_expression(f"last {name}", anchor.isoformat())
    assert resolved is not None
    d = date.fromisoformat(resolved)
    assert anchor - timedelta(days=7) <= d < anchor
    assert d.weekday() == WEEKDAYS[name.lower()]


@given(anchor=anchors, name=st.sampled_from(WEEKDAY_NAMES))
def test_dates_future_weekday_is_strictly_after_within_week(anchor: date, name: str) -> None:
    resolved, _ = resolve_expression(name, anchor.isoformat(), tense="future")
    assert resolved is not None
    d = date.fromisoformat(resolved)
    assert anchor < d <= anchor + timedelta(days=7)


@given(expr=st.text(max_size=80), anchor=st.one_of(st.none(), st.text(max_size=12), st.dates().map(date.isoformat)))
def test_dates_resolution_never_raises(expr: str, anchor: str | None) -> None:
    resolve_expression(expr, anchor)
    for m in find_dates(expr, anchor):
        assert expr[m.start:m.end] == m.text


@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), anchor=st.one_of(st.none(), anchors.map(date.isoformat)))
def test_dates_iso_round_trips(d: date, anchor: str | None) -> None:
    assert resolve_expression(d.isoformat(), anchor) == (d.isoformat(), "day")


@given(anchor=st.dates(), expr=st.sampled_from(["next month", "last year", "next weekend", "two years ago", "tomorrow", "next Monday"]))
def test_dates_extreme_anchors_do_not_raise(anchor: date, expr: str) -> None:
    resolve_expression(expr, anchor.isoformat())


@given(anchor=anchors, name=st.sampled_from(WEEKDAY_NAMES), which=st.sampled_from(["last", "next"]))
def test_dates_weekday_of_last_or_next_week_is_in_that_calendar_week(anchor: date, name: str, which: str) -> None:
    resolved, precision = resolve_expression(f"{name} {which} week", anchor.isoformat())
    assert resolved is not None and precision == "day"
    d = date.fromisoformat(resolved)
    monday = anchor - timedelta(days=anchor.weekday())
    week = monday + timedelta(days=-7 if which == "last" else 7)
    assert week <= d < week + timedelta(days=7) and d.weekday() == WEEKDAYS[name.lower()]
