"""Event-extraction scores (ACLED type, fatalities, place, date) on hand-labelled conflict reports."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosswire.evaluate import prf
from crosswire.extract.events.ontology import ACLED_TYPES
from crosswire.extract.places.core import haversine_km

if TYPE_CHECKING:
    from spacy.language import Language

# A predicted place counts when it lies within this distance of the gold point: the
# measurement target for ACLED-style reports (a town and its outskirts, not the district).
PLACE_KM = 25.0
# The floors the event extractor is measured against on held-out ACLED-style reports.
TARGETS: dict[str, float] = {"type": 0.85, "fatalities_exact": 0.90, "place": 0.80, "date": 0.90}
# The per-report checks, in the order they are reported.
METRICS = ("found", "type", "event_type", "fatalities_exact", "place", "date")
# The ACLED codebook's event types and their 25 sub-event types: one table, in the ontology.
ACLED_SUB_EVENT_TYPES = ACLED_TYPES


def read_reports(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold reports of a JSON Lines file, the first ``limit`` of them."""
    with Path(path).open(encoding="utf-8") as fh:
        reports = [json.loads(line) for line in fh if line.strip()]
    return reports[:limit] if limit is not None else reports


def _acled(event: dict[str, Any]) -> tuple[str | None, str | None]:
    acled = event.get("acled") or {}
    return acled.get("event_type"), acled.get("sub_event_type")


def coded(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows ``crosswire export --format acled`` writes: ACLED-coded happenings (or events)
    reported as having happened."""
    from crosswire.export import HAPPENED

    return [e for e in events if _acled(e)[1] and e.get("modality", "asserted") in HAPPENED]


def report_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The event crosswire reports for a one-event report: its first ACLED-coded event, else its first.

    The answer key never picks it: a user reading the ACLED export of a report sees its
    rows in text order, and a report's lede names its event first.
    """
    return next(iter(coded(events)), events[0] if events else None)


def predicted_fatalities(event: dict[str, Any]) -> int | None:
    """The event's fatality count as scored: the low end of its range, or None when not stated."""
    fatalities = event.get("fatalities")
    if not fatalities or fatalities.get("low") is None:
        return None
    return int(fatalities["low"])


def fatalities_match(event: dict[str, Any], gold_count: int) -> bool:
    """Whether the low count equals the gold count; no count matches only a gold count of 0.

    ACLED codes 0 when no deaths are reported, while crosswire leaves fatalities null
    rather than invent a number, so null and 0 agree; null against a real toll is a miss.
    """
    low = predicted_fatalities(event)
    return (low if low is not None else 0) == gold_count


def nearest_place(event: dict[str, Any], lat: float, lon: float) -> tuple[float, str] | None:
    """The distance (km) and name of the event's place closest to a point, or None without places."""
    best: tuple[float, str] | None = None
    for place in event.get("places") or []:
        if place.get("lat") is None or place.get("lon") is None:
            continue
        km = haversine_km(float(place["lat"]), float(place["lon"]), lat, lon)
        if best is None or km < best[0]:
            best = (km, str(place.get("name") or place.get("text")))
    return best


def score_report(gold: dict[str, Any], events: Sequence[dict[str, Any]]) -> tuple[dict[str, bool], list[str]]:
    """Each check of :data:`METRICS` for one report, and what was wrong in words.

    Example:
        >>> gold = {"sub_event_type": "Arrests", "event_type": "Strategic developments",
        ...         "fatalities": 0, "lat": 0.0, "lon": 0.0, "date": "2020-01-01"}
        >>> score_report(gold, [])[0]["found"]
        False
    """
    event = report_event(events)
    if event is None:
        return {name: False for name in METRICS}, ["no event"]
    event_type, sub_type = _acled(event)
    near = nearest_place(event, float(gold["lat"]), float(gold["lon"]))
    checks = {
        "found": True,
        "type": event_type == gold["event_type"] and sub_type == gold["sub_event_type"],
        "event_type": event_type == gold["event_type"],
        "fatalities_exact": fatalities_match(event, int(gold["fatalities"])),
        "place": near is not None and near[0] <= PLACE_KM,
        "date": event.get("date") == gold["date"],
    }
    problems = []
    if not checks["type"]:
        gold_type = f"{gold['event_type']} / {gold['sub_event_type']}"
        problems.append(f"type: {event_type} / {sub_type}, gold {gold_type}")
    if not checks["fatalities_exact"]:
        problems.append(f"fatalities: {predicted_fatalities(event)}, gold {gold['fatalities']}")
    if not checks["place"]:
        where = f"nearest {near[1]} at {near[0]:.0f} km" if near else "no place"
        problems.append(f"place: {where}, gold {gold['location']}")
    if not checks["date"]:
        problems.append(f"date: {event.get('date')}, gold {gold['date']}")
    return checks, problems


def _shares(rows: list[dict[str, bool]]) -> dict[str, float | int]:
    shares: dict[str, float | int] = {"reports": len(rows)}
    for name in METRICS:
        shares[name] = round(sum(r[name] for r in rows) / len(rows), 4) if rows else 0.0
    return shares


def event_level(gold: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Precision, recall and F1 over every ACLED-coded event crosswire writes and every gold event.

    Each report has one gold event. A coded event of the report with the gold sub-type is its
    match (one at most); every other coded event is a false positive, however plausible, since
    ACLED codes one event per report. ``type`` counts a match; ``all fields`` needs its toll,
    place and date right too.
    """
    predicted_rows = right_type = right_all = 0
    for report in gold:
        rows = coded(predicted.get(report["id"], []))
        predicted_rows += len(rows)
        match = next((e for e in rows if _acled(e)[1] == report["sub_event_type"]), None)
        if match is None:
            continue
        right_type += 1
        checks, _ = score_report(report, [match])
        right_all += checks["fatalities_exact"] and checks["place"] and checks["date"]
    return {"type": prf(right_type, predicted_rows, len(gold)),
            "all fields": prf(right_all, predicted_rows, len(gold))}


def score_reports(gold: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Score exported events against gold reports: the report's own event, and every coded event.

    Per report, the event :func:`report_event` picks is compared with the gold: ``type``
    needs both ACLED event type and sub-event type, ``event_type`` only the first;
    ``fatalities_exact`` compares ``fatalities.low`` with the gold count, a null count
    matching only a gold 0 (:func:`fatalities_match`); ``place`` needs any of the event's
    places within :data:`PLACE_KM` of the gold point; ``date`` needs the same ISO date;
    ``found`` that any event was read at all. A report without events fails every check.
    Each metric is the share of all reports that pass it. :func:`event_level` adds
    precision and recall over every coded event and every gold event.

    Args:
        gold: Gold reports (``id``, ``event_type``, ``sub_event_type``, ``fatalities``,
            ``location``, ``lat``, ``lon``, ``date``).
        predicted: Report id to the exported event dicts (``spec/export.md`` shape) read
            from it; a missing id counts as no events.

    Returns:
        ``{"metrics": {...}, "events": {...}, "per_sub_type": {sub-type: {...}}, "misses": [...]}``;
        each miss is ``{"id", "sub_event_type", "events", "problems"}``.

    Example:
        >>> gold = [{"id": "r1", "event_type": "Battles", "sub_event_type": "Armed clash",
        ...          "fatalities": 0, "location": "X", "lat": 0.0, "lon": 0.0, "date": "2020-01-01"}]
        >>> score_reports(gold, {})["metrics"]["found"]
        0.0
    """
    rows: list[dict[str, bool]] = []
    by_sub_type: dict[str, list[dict[str, bool]]] = defaultdict(list)
    misses: list[dict[str, Any]] = []
    for report in gold:
        events = predicted.get(report["id"], [])
        checks, problems = score_report(report, events)
        rows.append(checks)
        by_sub_type[report["sub_event_type"]].append(checks)
        if problems:
            misses.append({"id": report["id"], "sub_event_type": report["sub_event_type"],
                           "events": len(events), "problems": problems})
    return {
        "metrics": _shares(rows),
        "events": event_level(gold, predicted),
        "per_sub_type": {sub: _shares(by_sub_type[sub]) for sub in sorted(by_sub_type)},
        "misses": misses,
    }


def evaluate_reports(path: Path, *, nlp: Language | None = None,
                     limit: int | None = None) -> dict[str, Any]:
    """Run crosswire on each gold report as an undated document and score its events.

    Each report is parsed, its places resolved, and its events read with no publication
    date (the reports state their dates), then exported with ``as_row`` and scored by
    :func:`score_reports`.

    Args:
        path: A JSON Lines file of gold reports (``tests/data/gold/acled_reports.jsonl``).
        nlp: A spaCy pipeline; crosswire's pinned one when omitted.
        limit: Only the first ``limit`` reports.

    Example:
        >>> result = evaluate_reports(Path("tests/data/gold/acled_reports.jsonl"), limit=5)  # doctest: +SKIP
        >>> sorted(result["systems"]["crosswire"])  # doctest: +SKIP
        ['date', 'event_type', 'fatalities_exact', 'found', 'place', 'reports', 'type']
    """
    # Imported here: the extractor loads ontologies and spaCy helpers that scoring alone
    # (and the gold-file tests) never need.
    from crosswire.compare.happenings import find_happenings
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc
    from crosswire.records import as_row

    if nlp is None:
        from crosswire.nlp.pipeline import load_nlp

        nlp = load_nlp()
    reports = read_reports(path, limit)
    predicted: dict[str, list[dict[str, Any]]] = {}
    for report, doc in zip(reports, nlp.pipe(r["text"] for r in reports)):
        places = places_from_doc(doc)
        events = find_events(doc, doc_id=report["id"], published=None, places=places)
        # What a user reads is the ACLED export: one row per happening, not per mention.
        predicted[report["id"]] = [as_row(h) for h in find_happenings(None, events, {})]
    scored = score_reports(reports, predicted)
    return {
        "dataset": str(path),
        "reports": len(reports),
        "systems": {"crosswire": {**scored["metrics"], "events": scored["events"]}},
        "per_sub_type": scored["per_sub_type"],
        "misses": scored["misses"],
        "targets": TARGETS,
    }
