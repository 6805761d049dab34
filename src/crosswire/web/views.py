"""What the API returns and the pages draw: plain data read from the store, one function per view.

Every page is a rendering of one of these dicts and the API serves the same dict as its JSON
twin, so a page can never show something its twin does not say. Records follow the export
contract (``export.contract_record``); the views add counts, the story report and map points.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..export import HAPPENED, MODALITIES, contract_record
from ..extract.events.ontology import EVENT_TYPES
from ..query import filter_claims, filter_events
from ..records import Document
from ..store import Store
from ..story_report import SHOWN_CONFIDENCE, story_report


class UnknownValue(ValueError):
    """A filter value crosswire does not know; the message lists the ones it does."""


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list, with the total so a client knows how far to go."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def _counts(store: Store, sql: str) -> dict[str, int]:
    return {key: int(n) for key, n in store.con.execute(sql).fetchall()}


def story_summaries(store: Store, q: str | None = None) -> list[dict[str, Any]]:
    """Stories, newest first (by their last event day; undated last), each with its counts.

    ``q`` keeps stories whose title, outlets or any document's title contain it (any case).
    """
    claims_per_doc = _counts(store, "SELECT doc, count(*) FROM claims GROUP BY doc")
    happenings = _counts(store, "SELECT story, count(*) FROM happenings GROUP BY story")
    contradictions = _counts(store, "SELECT story, count(*) FROM relations WHERE type = 'contradicts' "
                                    f"AND confidence >= {SHOWN_CONFIDENCE} GROUP BY story")
    doc_titles = dict(store.con.execute("SELECT id, coalesce(title, '') FROM documents").fetchall())
    needle = (q or "").strip().lower()
    out = []
    for story in store.stories():
        if needle:
            words = [story.title, *story.outlets, *(doc_titles.get(d, "") for d in story.docs)]
            if not any(needle in (w or "").lower() for w in words):
                continue
        record = contract_record("story", story)
        record["counts"] = {"documents": len(story.docs), "events": happenings.get(story.id, 0),
                            "claims": sum(claims_per_doc.get(d, 0) for d in story.docs),
                            "contradictions": contradictions.get(story.id, 0)}
        out.append(record)
    # Newest first: two sorts, because undated stories go last whichever way dates run.
    out.sort(key=lambda r: r["end"] or r["start"] or "", reverse=True)
    out.sort(key=lambda r: (r["end"] or r["start"]) is None)
    return out


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


def document_summaries(store: Store, q: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Documents in source order: the contract record without its text and removed lines
    (``/api/documents/{id}`` has them), filtered by words of the title or by outlet/host."""
    needle, where = (q or "").lower(), (outlet or "").lower()
    out = []
    for row in store.rows("documents", order="source, id"):
        if needle and needle not in (row["title"] or "").lower():
            continue
        if where and not any(where in (row[k] or "").lower() for k in ("outlet", "host")):
            continue
        record = {k: v for k, v in contract_record("document", row).items() if k not in {"text", "boilerplate"}}
        out.append(record)
    return out


def document_view(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document: its contract record, where it came from, its events and claims, and its
    text cut into segments that say which evidence covers them (for highlighting)."""
    doc = store.find_document(doc_id)
    if doc is None:
        return None
    row = next(store.rows("documents", "id = ?", [doc.id]))
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
                   "run_id": row.get("run_id"), "produced_by": row.get("produced_by")},
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


def event_list(store: Store, *, type_: str | None = None, status: str | None = None, country: str | None = None,
               start: str | None = None, end: str | None = None, doc: str | None = None,
               mentions: bool = False) -> list[dict[str, Any]]:
    """Happenings (or every mention) matching the filters, as ``crosswire events`` selects them.

    ``status`` is a comma-separated list of modalities, or ``happened`` for those reported as
    having taken place. Unknown types and statuses raise UnknownValue naming the valid ones.
    """
    if type_ and type_.upper() not in EVENT_TYPES:
        raise UnknownValue(f"unknown event type {type_!r}; known: {', '.join(sorted(EVENT_TYPES))}")
    wanted = statuses(status)
    found = filter_events(store, type_=type_, country=country, start=start, end=end, doc=doc, mentions=mentions)
    kind = "event" if mentions else "happening"
    return [contract_record(kind, ev) for ev in found if not wanted or ev.modality in wanted]


def statuses(status: str | None) -> set[str]:
    """The modalities a ``status``/``--modality`` value names ("happened" = asserted, reported)."""
    wanted: set[str] = set()
    for word in (status or "").lower().replace(" ", "").split(","):
        if not word:
            continue
        if word != "happened" and word not in MODALITIES:
            raise UnknownValue(f"unknown status {word!r}; known: {', '.join(MODALITIES)}, happened")
        wanted |= set(HAPPENED) if word == "happened" else {word}
    return wanted


def claim_list(store: Store, *, speaker: str | None = None, story: str | None = None,
               doc: str | None = None) -> list[dict[str, Any]]:
    """Claims by speaker (name, canonical name, affiliation or a co-speaker's), story or document."""
    found = filter_claims(store, speaker=speaker, doc=doc)
    if story:
        stories = [s for s in store.stories() if s.id.startswith(story)]
        docs = {d for s in stories for d in s.docs}
        found = [c for c in found if c.doc in docs]
    return [contract_record("claim", c) for c in found]


def entity_list(store: Store, *, q: str | None = None, type_: str | None = None) -> list[dict[str, Any]]:
    """Entities whose canonical name or an alias contains ``q``, most documents first."""
    needle = (q or "").lower()
    out = []
    for e in sorted(store.entities(), key=lambda e: (-len(e.docs), e.canonical)):
        if type_ and e.type.upper() != type_.upper():
            continue
        if needle and not any(needle in a.lower() for a in [e.canonical, *e.aliases]):
            continue
        out.append(contract_record("entity", e))
    return out
