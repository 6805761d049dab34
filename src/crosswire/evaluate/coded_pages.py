"""Happenings against a coder's labels of real news pages: every event a page reports, not one per report.

The ACLED-note evaluation (evaluate/events.py) asks one question of each report: is its first
coded row its event? Real pages tell several happenings, mention one attack three times, and
tell of earlier ones in passing. Here a coder lists every happening of each page before any
output exists (``labels.jsonl``), and what a user gets, the ACLED rows of a whole ``crosswire
run`` over the pages, is matched to that list one to one. A second row for a happening already
matched is a false positive: one happening, one row.

The folder holds ``docs.jsonl`` (``id``, ``url``, ``text``) and ``labels.jsonl``: one line per
happening (``doc``, ``n``, ``background``, ``event_type``, ``sub_event_type``, ``date``,
``place``, ``lat``, ``lon``, ``fatalities`` ...), or ``{"doc", "n": 0, "none": true}`` for a page
that reports none. Background happenings (told in passing) may be matched, so a row for one is
not a false positive, but recall is over the page's own happenings only.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crosswire.evaluate import splits
from crosswire.evaluate.events import PLACE_KM, _acled, coded, fatalities_match, nearest_place

DATASET = "coded-pages"
FIELDS = ("type", "event_type", "fatalities_exact", "place", "date")


def read_coded(folder: Path, part: str | None = None,
               limit: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The pages of one part (tune/report by page id) and their labels."""
    def lines(name: str) -> list[dict[str, Any]]:
        with (Path(folder) / name).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    docs = splits.select(DATASET, lines("docs.jsonl"), part)[:limit]
    wanted = {d["id"] for d in docs}
    return docs, [label for label in lines("labels.jsonl") if label["doc"] in wanted]


def field_checks(gold: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, bool | None]:
    """Each field of a matched row against its gold happening; None where the coder could not say."""
    event_type, sub_type = _acled(dict(row))
    near = None
    if gold.get("lat") is not None and gold.get("lon") is not None:
        near = nearest_place(dict(row), float(gold["lat"]), float(gold["lon"]))
    return {
        "type": event_type == gold["event_type"] and sub_type == gold["sub_event_type"],
        "event_type": event_type == gold["event_type"],
        "fatalities_exact": fatalities_match(dict(row), int(gold.get("fatalities") or 0)),
        "place": None if gold.get("lat") is None else (near is not None and near[0] <= PLACE_KM),
        "date": None if not gold.get("date") else row.get("date") == gold["date"],
    }


def _unknown(gold: Mapping[str, Any], name: str) -> bool:
    """Whether the coder left a field unsaid (no date, no coordinates): it is left out of its share."""
    return field_checks(gold, {})[name] is None


def _affinity(checks: Mapping[str, bool | None]) -> int:
    return sum(2 if name == "event_type" else 1 for name, ok in checks.items() if ok)


def _admissible(checks: Mapping[str, bool | None]) -> bool:
    """A row can stand for a happening when it has its type or its place: a row of another type
    somewhere else is another (wrong) event, not a poorly read one."""
    return bool(checks["event_type"] or checks["place"])


def match_page(gold: Sequence[Mapping[str, Any]],
               rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, dict[str, bool | None]]]:
    """One-to-one matches ``(gold index, row index, checks)`` of a page, best-agreeing pairs first."""
    pairs = []
    for g, happening in enumerate(gold):
        for r, row in enumerate(rows):
            checks = field_checks(happening, row)
            if _admissible(checks):
                pairs.append((_affinity(checks), -g, -r, g, r, checks))
    pairs.sort(reverse=True)
    taken_gold: set[int] = set()
    taken_rows: set[int] = set()
    matches = []
    for *_, g, r, checks in pairs:
        if g in taken_gold or r in taken_rows:
            continue
        taken_gold.add(g)
        taken_rows.add(r)
        matches.append((g, r, checks))
    return matches


def score_pages(docs: Sequence[Mapping[str, Any]], labels: Sequence[Mapping[str, Any]],
                rows_by_doc: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """Precision and recall of happenings, and each field's accuracy over every page happening.

    ``fields`` are shares of all the pages' own (not background) happenings, so a happening
    never found counts as wrong in every field; ``matched_fields`` are the same over the
    matched ones only. Fields the coder left empty (no date, no coordinates) are left out of
    their share. ``lead`` scores each page's first ACLED row against the page's first own
    happening, the one-event-per-report reading.
    """
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for label in labels:
        if not label.get("none") and label.get("n"):
            by_doc[label["doc"]].append(label)
    records: list[dict[str, str]] = []
    lead_right: dict[str, list[bool]] = defaultdict(list)
    for doc in docs:
        gold = by_doc.get(doc["id"], [])
        rows = list(rows_by_doc.get(doc["id"], []))
        records.extend(page_records(doc["id"], gold, rows))
        own = [g for g, happening in enumerate(gold) if not happening.get("background")]
        if own:
            first = min(own, key=lambda g: gold[g].get("evidence", 0))
            coded_rows = [row for row in rows if _acled(dict(row))[1]]
            checks = field_checks(gold[first], coded_rows[0]) if coded_rows else None
            for name in FIELDS:
                if _unknown(gold[first], name):
                    continue
                lead_right[name].append(bool(checks and checks[name]))
    summary = summarise_records(records)
    summary["lead"] = _shares(lead_right)
    summary["pages"] = len(docs)
    summary["records"] = records
    summary["misses"] = [{"doc": r["page"], "n": int(r["record"].rsplit(":", 1)[1]), "sub_event_type": r["sub_event_type"]}
                         for r in records if r["kind"] == "happening" and r["background"] == "no" and not r["matched_to"]]
    summary["false_rows"] = [r for r in records if r["kind"] == "row" and not r["matched_to"]]
    return summary


def page_records(page: str, gold: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """One record per coded happening of a page and per ACLED row crosswire wrote for it, with
    what each was matched to and, for a happening, each field: CORRECT, WRONG, or NA where the
    coder could not say. These records (ids, types and verdicts, no text) are what is committed."""
    matches = {g: (r, checks) for g, r, checks in match_page(gold, rows)}
    row_to_gold = {r: g for g, (r, _) in matches.items()}
    out = []
    for g, happening in enumerate(gold):
        found = matches.get(g)
        record = {"record": f"G:{page}:{happening['n']}", "page": page, "kind": "happening",
                  "background": "yes" if happening.get("background") else "no",
                  "sub_event_type": happening["sub_event_type"],
                  "matched_to": f"R:{page}:{found[0]}" if found else ""}
        for name in FIELDS:
            record[name] = "NA" if _unknown(happening, name) else "CORRECT" if found and found[1][name] else "WRONG"
        out.append(record)
    for r, row in enumerate(rows):
        g = row_to_gold.get(r)
        out.append({"record": f"R:{page}:{r}", "page": page, "kind": "row", "background": "",
                    "sub_event_type": _acled(dict(row))[1] or "",
                    "matched_to": f"G:{page}:{gold[g]['n']}" if g is not None else "",
                    **{name: "" for name in FIELDS}})
    return out


def summarise_records(records: Sequence[Mapping[str, str]]) -> dict[str, Any]:
    """Precision of rows, recall of the pages' own happenings, and each field's share, from
    :func:`page_records` (so committed records give the same figures as a fresh run)."""
    rows = [r for r in records if r["kind"] == "row"]
    own = [r for r in records if r["kind"] == "happening" and r["background"] == "no"]
    found = [r for r in own if r["matched_to"]]
    every: dict[str, list[bool]] = {name: [r[name] == "CORRECT" for r in own if r[name] != "NA"] for name in FIELDS}
    matched: dict[str, list[bool]] = {name: [r[name] == "CORRECT" for r in found if r[name] != "NA"] for name in FIELDS}
    return {
        "happenings": len(own), "rows": len(rows),
        "happenings_found": _precision_recall(sum(1 for r in rows if r["matched_to"]), len(rows), len(found), len(own)),
        "fields": _shares(every), "matched_fields": _shares(matched),
    }


def _shares(table: Mapping[str, list[bool]]) -> dict[str, float | None]:
    return {name: round(sum(v) / len(v), 4) if v else None for name, v in ((n, table.get(n, [])) for n in FIELDS)}


def _precision_recall(rows_right: int, rows: int, found: int, gold: int) -> dict[str, float]:
    """Precision over rows (a row for a background happening is right), recall over own happenings."""
    p = rows_right / rows if rows else 0.0
    r = found / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def rows_of_run(docs: Sequence[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each page's ACLED rows (happenings reported as having happened) after one ``crosswire run``
    over all the pages, as a user would get them."""
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages.jsonl"
        corpus.write_text("".join(json.dumps({"url": d["url"], "text": d["text"]}) + "\n" for d in docs),
                          encoding="utf-8")
        store = Store(":memory:")
        run([corpus], store, load_settings())
        page_of = {row["id"]: row["url"] for row in store.rows("documents")}
        by_url = {d["url"]: d["id"] for d in docs}
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in store.rows("happenings", order="json_extract(evidence, '$.start')::INT, id"):
            for doc in row.get("docs") or [row["doc"]]:
                page = by_url.get(page_of.get(doc, ""))
                if page is not None:
                    rows[page].append(row)
        store.close()
    return {page: coded(page_rows) for page, page_rows in rows.items()}


def evaluate_coded(folder: Path, *, part: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Run crosswire over a folder of coded pages and score its ACLED rows (:func:`score_pages`)."""
    docs, labels = read_coded(folder, part, limit)
    scored = score_pages(docs, labels, rows_of_run(docs))
    figures = {k: scored[k] for k in ("pages", "happenings", "rows", "happenings_found", "fields",
                                      "matched_fields", "lead")}
    return {"dataset": str(folder), "part": part, "systems": {"crosswire": figures},
            "misses": scored["misses"], "false_rows": scored["false_rows"]}

