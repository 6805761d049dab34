"""Happenings told in passing: history a report recalls, and a war's running toll.

A report about today's strike recalls the massacre of 1968 on its anniversary, "the clashes of
2002", or that barrel bombs "are believed to have killed thousands of civilians". Each is told
as having happened, and each would be an ACLED row dated decades back, or a strike's toll of a
thousand. Such mentions get the status ``background``: they group only with each other (their
own happening, kept and listed), and the ACLED export, which writes what happened in the
report's time, leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date as Date

from ..extract.events.tallies import running_toll
from ..records import HAPPENED, Event

# How long a coarse date lasts: a year-precision date is its whole year.
SPAN_DAYS = {"week": 7, "month": 31, "year": 366}

# A happening that ended more than this long before its report is told in passing (an anniversary,
# a comparison, the history of a conflict): ACLED codes events from reports of their own time.
BACKGROUND_DAYS = 365


def _report_days(events: Sequence[Event], doc_dates: Mapping[str, str | None]) -> dict[str, Date]:
    """Each document's own day: its stated publication day, else the latest day it dates an event."""
    days: dict[str, Date] = {}
    for ev in events:
        if ev.date and ev.date_precision in ("day", None) and ev.modality in HAPPENED:
            day = day_of(ev.date)
            if day is not None and (ev.doc not in days or day > days[ev.doc]):
                days[ev.doc] = day
    for doc, stated in doc_dates.items():
        day = day_of(stated or "")
        if day is not None:
            days[doc] = day
    return days


def day_of(text: str) -> Date | None:
    """The day an ISO date (or date-time) names, or None when it names none."""
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def told_in_passing(events: Sequence[Event], doc_dates: Mapping[str, str | None]) -> list[Event]:
    """Mentions of what happened long before their report (the 1968 massacre an anniversary
    recalls, "the clashes of 2002") with the status ``background``: they group only with each
    other, and their happening is no row of the ACLED export (blind coding of real pages: 4 of
    26 false rows of the tune part were such history)."""
    days = _report_days(events, doc_dates)
    out = []
    for ev in events:
        start = day_of(ev.date or "")
        report = days.get(ev.doc)
        if ev.modality not in HAPPENED:
            out.append(ev)
            continue
        end = start.toordinal() + SPAN_DAYS.get(ev.date_precision or "", 1) - 1 if start is not None else None
        long_before = end is not None and report is not None and report.toordinal() - end > BACKGROUND_DAYS
        if long_before or running_toll(ev) or ((start is None or ev.date_basis == "context") and _cumulative(ev)):
            ev = replace(ev, modality="background")
        out.append(ev)
    return out


# A toll told only as a magnitude ("believed to have killed thousands of civilians") with no day
# is a war's running toll, not one happening's: on a real page it became a strike's 1,000 dead.
# (Hundreds are left alone: "hundreds were killed in the massacre" is often one happening.)
_MAGNITUDE = re.compile(r"\b(?:thousands|millions)\s+of\b", re.I)


def _cumulative(ev: Event) -> bool:
    text = (ev.fatalities.text or "") if ev.fatalities is not None else ""
    return bool(_MAGNITUDE.search(text)) and not re.search(r"\d", text)

