"""Store -> JSON Lines (exactly per spec/export.md), CSV and Parquet files.

The ACLED export (``acled_rows``) writes one row per happening (compare/happenings.py: the
mentions of one event within and across a story's documents, with every outlet that told it),
and only happenings reported as having happened (modality ``asserted`` or ``reported``): ACLED
codes what took place, and a statement, a charge, a denial, a plan or a possibility did not
take place as the event it names.

CSV files are opened in spreadsheets, which run a cell starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return as a formula, and article text can start with anything. So
CSV text cells that start so get a leading ``'`` (OWASP's CSV-injection advice; see
``csv_cell``). JSONL and Parquet are read by programs and keep every value as stored.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import Errors, SettingsError
from .records import HAPPENED, Claim, Document, Entity, Event, Happening, Rejection, Relation, Story, as_row, record_fields
from .store import Store

# kind -> (table, record class, order). Order keeps exports diffable between runs.
KINDS: dict[str, tuple[str, type, str]] = {
    "document": ("documents", Document, "source, id"),
    "entity": ("entities", Entity, "type, canonical, id"),
    "event": ("events", Event, "doc, json_extract(evidence, '$.start')::INT, id"),
    "happening": ("happenings", Happening, "doc, json_extract(evidence, '$.start')::INT, id"),
    "claim": ("claims", Claim, "doc, json_extract(evidence, '$.start')::INT, id"),
    "story": ("stories", Story, "start NULLS LAST, id"),
    "relation": ("relations", Relation, "story, score DESC, id"),
    "rejection": ("rejections", Rejection, "source, id"),
}
FORMATS = ("jsonl", "csv", "parquet", "acled")
# Every event modality (records.Event.modality); records.HAPPENED are those that say it happened.
EVENT_MODALITIES = ("asserted", "reported", "stated", "alleged", "denied", "planned", "hypothetical")
# A happening may also be "background": it took place over a year before its reports (history
# told in passing, compare/background.told_in_passing), and is no row of the ACLED export.
MODALITIES = (*EVENT_MODALITIES, "background")


def records(store: Store, kinds: tuple[str, ...] = tuple(KINDS)) -> Iterator[dict[str, Any]]:
    """Every stored record of the given kinds as an export object with its ``kind``."""
    for kind in kinds:
        table, _, order = KINDS[kind]
        for row in store.rows(table, order=order):
            yield contract_record(kind, row)


def contract_record(kind: str, record: Any) -> dict[str, Any]:
    """One record (a record object or a stored row) as the export object of its ``kind``."""
    row = record if isinstance(record, dict) else as_row(record)
    return {"kind": kind, **{n: row.get(n) for n in record_fields(KINDS[kind][1]) if n != "raw"}}


def export(store: Store, fmt: str, out: Path | None, kinds: tuple[str, ...] = tuple(KINDS)) -> dict[str, int]:
    """Write the store's records; returns how many of each kind were written.

    JSONL goes to one file (or stdout when ``out`` is None); CSV and Parquet write one file
    per kind next to ``out`` (``out.stem + "-" + kind``), nested fields as JSON text in CSV;
    CSV text cells that a spreadsheet would run as a formula start with ``'`` (``csv_cell``).

    Example:
        >>> export(store, "jsonl", Path("seeds.jsonl"))          # doctest: +SKIP
        {'document': 2, 'entity': 57, 'rejection': 0}
    """
    if fmt not in FORMATS:
        raise SettingsError(Errors.E403.format(valid=list(FORMATS), value=fmt))
    counts = {k: 0 for k in kinds}
    if fmt == "jsonl":
        handle = open(out, "w", encoding="utf-8") if out else None
        sink = handle or sys.stdout
        try:
            for rec in records(store, kinds):
                sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
                counts[rec["kind"]] += 1
        finally:
            if handle:
                handle.close()
        return counts
    if out is None:
        raise SettingsError(f"--format {fmt} writes files: give -o PATH")
    if fmt == "acled":
        return {"event": export_acled(store, out)}
    for kind in kinds:
        rows = [{k: v for k, v in r.items() if k != "kind"} for r in records(store, (kind,))]
        counts[kind] = len(rows)
        target = kind_file(out, kind, fmt)
        names = [n for n in record_fields(KINDS[kind][1]) if n != "raw"]
        flat = [{n: _flat(r.get(n)) for n in names} for r in rows]
        if fmt == "csv":
            with open(target, "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=names)
                writer.writeheader()
                writer.writerows({n: csv_cell(v) for n, v in r.items()} for r in flat)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.table({n: [r[n] for r in flat] for n in names}) if flat else pa.table({n: pa.array([], pa.string()) for n in names})
            pq.write_table(table, target)
    return counts


def kind_file(out: Path, kind: str, fmt: str) -> Path:
    """The file a CSV or Parquet export writes one kind to: ``out.csv`` -> ``out-event.csv``."""
    return out.with_name(f"{out.stem}-{kind}.{fmt}")


def _flat(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as written to a CSV cell: text a spreadsheet would run as a formula gets a leading ``'``.

    Only text is changed. Numbers come from numeric columns (a latitude of -3.5, a score of
    -0.5) and stay numbers, which a spreadsheet reads as numbers, never as formulas. Text is
    quoted even when it reads as a number (a title "-3"): it is text, and the quote keeps it so.

    Example:
        >>> csv_cell("=1+1"), csv_cell("-2+3"), csv_cell(-3.5), csv_cell("Kessel"), csv_cell(None)
        ("'=1+1", "'-2+3", -3.5, 'Kessel', None)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes",
)
# ACLED's codes: geo 1 = the named town itself, 2 = near it / part of a region, 3 = only a
# larger region is known; time 1 = the day, 2 = the week or a few days, 3 = the month.
_GEO_PRECISION = {"point": 1, "admin1": 3, "country": 3, "continent": 3}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Happenings with an ACLED mapping reported as having happened (:data:`HAPPENED`), one row
    per happening in ACLED's column layout, in the order their first mention is told; stated,
    alleged, denied, planned and hypothetical ones stay in the JSONL, CSV and Parquet exports
    with their modality.

    ``event_id_cnty`` is the happening's id; ``source`` lists every outlet that told it.
    Fatalities follow ACLED's convention (the lowest reported figure, 0 when none is
    reported); the lead mention's sentence goes into ``notes`` so every row can be checked.
    """
    from .extract.places.countries import name_by_iso2

    countries = name_by_iso2()
    for h in store.rows("happenings", order=KINDS["happening"][2]):
        if not h.get("acled") or h.get("modality") not in HAPPENED:
            continue
        place = (h.get("places") or [None])[0] or {}
        geo = _GEO_PRECISION.get(place.get("precision") or "", None)
        if geo == 1 and place.get("note"):
            geo = 2
        yield {
            "event_id_cnty": h["id"],
            "event_date": h.get("date"),
            "event_type": h["acled"].get("event_type"),
            "sub_event_type": h["acled"].get("sub_event_type"),
            "actor1": _party_name(h.get("actor")),
            "actor2": _party_name(h.get("target")),
            "country": countries.get(place.get("country") or ""),
            "admin1": place.get("admin1"),
            "location": place.get("name"),
            "latitude": place.get("lat"),
            "longitude": place.get("lon"),
            "geo_precision": geo,
            "time_precision": _TIME_PRECISION.get(h.get("date_precision") or ""),
            "fatalities": (h.get("fatalities") or {}).get("low", 0),
            "source": "; ".join(h.get("sources") or []),
            "notes": (h.get("evidence") or {}).get("text"),
        }


def _party_name(party: dict[str, Any] | None) -> str | None:
    if not party:
        return None
    return party.get("canonical") or party.get("text")


def export_acled(store: Store, out: Path) -> int:
    """Write ACLED-shaped CSV of the events that happened (formula-like text quoted, see
    ``csv_cell``); returns the number of rows."""
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for row in acled_rows(store):
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
            n += 1
    return n
