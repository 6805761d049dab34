"""What the pages draw beyond the lists of ``query``: one story, one document, a page of a list.

Every page is a rendering of one of these dicts (or of a ``query`` list) and the API serves
the same dict as its JSON twin, so a page can never show something its twin does not say.
Records follow the export contract (``export.contract_record``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..export import contract_record
from ..records import Document
from ..store import Store
from ..story_report import story_report


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list, with the total so a client knows how far to go."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def story_view(store: Store, story_id: str, *, every_relation: bool = False) -> dict[str, Any] | None:
    """One story: its record, the who-says-what report (as ``crosswire story --json``) and the
    places of its happenings for the map; None when no single story has that id or prefix."""
    report = story_report(store, story_id, every_relation=every_relation)
    if report is None:
        return None
    sid = report["story"]["id"]
    story = next(s for s in store.stories() if s.id == sid)
    return {"story": contract_record("story", story), "report": report, "places": _map_points(store, sid)}


def _map_points(store: Store, story_id: str) -> list[dict[str, Any]]:
    """One point per place, with the happenings placed there (each links to its lead sentence)."""
    points: dict[tuple[str, float, float], dict[str, Any]] = {}
    for h in store.happenings(story_id):
        for p in h.places:
            key = (p.name, round(p.lat, 4), round(p.lon, 4))
            point = points.setdefault(key, {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
                                            "precision": p.precision, "events": []})
            point["events"].append({"id": h.events[0] if h.events else h.id, "doc": h.doc, "type": h.type,
                                    "date": h.date, "modality": h.modality, "sources": h.sources})
    return list(points.values())


def document_view(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document: its contract record, where it came from, its events and claims, and its
    text cut into segments that say which evidence covers them (for highlighting)."""
    doc = store.find_document(doc_id)
    if doc is None:
        return None
    # Only the provenance columns: the record above already holds the text.
    provenance = next(store.rows("documents", "id = ?", [doc.id], columns=("run_id", "produced_by")))
    raw = store.con.execute("SELECT size FROM raw_inputs WHERE id = ?", [doc.id]).fetchall()
    events = store.events(doc.id)
    claims = store.claims(doc.id)
    spans = [(e.evidence.start, e.evidence.end, "ev", e.id) for e in events]
    spans += [(c.evidence.start, c.evidence.end, "cl", c.id) for c in claims]
    return {
        "document": contract_record("document", doc),
        "origin": {"source": doc.source, "url": doc.url, "host": doc.host, "format": doc.format,
                   "encoding": doc.encoding, "dateline": doc.dateline, "words": doc.words,
                   "raw_input": {"id": doc.id, "bytes": int(raw[0][0])} if raw else None,
                   "run_id": provenance["run_id"], "produced_by": provenance["produced_by"]},
        "events": [contract_record("event", e) for e in events],
        "claims": [contract_record("claim", c) for c in claims],
        "segments": segments(doc, spans),
    }


def segments(doc: Document, spans: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """The clean text cut at every evidence boundary: each piece with the kinds of evidence that
    cover it ("ev", "cl") and the ids of the evidence that starts there (anchors to link to)."""
    text = doc.text
    spans = [(max(0, a), min(len(text), b), kind, sid) for a, b, kind, sid in spans if 0 <= a < b]
    cuts = sorted({0, len(text), *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    starting: dict[int, list[str]] = defaultdict(list)
    for a, _, kind, sid in sorted(spans):
        starting[a].append(f"{kind}-{sid}")
    out = []
    for a, b in zip(cuts, cuts[1:]):
        kinds = sorted({kind for s, e, kind, _ in spans if s <= a and b <= e})
        out.append({"start": a, "end": b, "text": text[a:b], "kinds": kinds, "anchors": starting.get(a, [])})
    return out
