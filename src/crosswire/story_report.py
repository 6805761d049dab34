"""A story's who-says-what report as plain data: timeline, sides, contradictions, coverage.

The CLI renders it with Rich and a web page can render the same dict: the report holds
every number and reason, the views hold no logic.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .compare.sides import UNRESOLVED, story_sides
from .records import SHOWN_CONFIDENCE, Claim, Event, Relation, Story
from .store import Store

def _who(claim: Claim | None) -> str:
    if claim is None or claim.speaker is None:
        return "?"
    names = [sp.canonical or sp.text for sp in [claim.speaker, *claim.co_speakers]]
    return ", ".join(names)


def _party(p: Any) -> str | None:
    return None if p is None else (p.canonical or p.text)


def _event_row(ev: Event, outlet: str) -> dict[str, Any]:
    f = ev.fatalities
    return {
        "id": ev.id, "doc": ev.doc, "date": ev.date, "date_text": ev.date_text, "date_basis": ev.date_basis, "type": ev.type, "mode": ev.mode,
        "actor": _party(ev.actor), "target": _party(ev.target), "places": [p.name for p in ev.places],
        "dead": None if f is None else {"low": f.low, "high": f.high, "victims": f.victims},
        "modality": ev.modality, "reported_by": ev.reported_by, "outlet": outlet, "evidence": ev.evidence.text,
    }




def is_shown(relation: Relation) -> bool:
    """Whether a relation is confident enough to be shown by default."""
    return relation.confidence >= SHOWN_CONFIDENCE


def story_report(store: Store, story_id: str, *, every_relation: bool = False) -> dict[str, Any] | None:
    """Everything ``crosswire story`` shows, or None when no story has that id (or prefix).

    Relations below SHOWN_CONFIDENCE are left out (and counted) unless ``every_relation``."""
    matches = [s for s in store.stories() if s.id.startswith(story_id)]
    if len(matches) != 1:
        return None
    story: Story = matches[0]
    docs = {d.id: d for d in store.documents(story.docs)}
    outlet = {d: (docs[d].outlet or docs[d].host or docs[d].source) if d in docs else d for d in story.docs}
    events = [e for d in story.docs for e in store.events(d)]
    claims = [c for d in story.docs for c in store.claims(d)]
    by_id = {c.id: c for c in claims}
    sides_in_order = story_sides(claims)
    side = dict(zip((c.id for c in claims), sides_in_order))

    timeline = sorted((_event_row(e, outlet[e.doc]) for e in events),
                      key=lambda r: (r["date"] is None, r["date"] or "", r["outlet"]))
    sides: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        sides[side[c.id]].append({
            "id": c.id, "doc": c.doc, "speaker": _who(c), "affiliation": c.speaker.affiliation if c.speaker else None,
            "outlet": outlet[c.doc], "chain": c.chain, "cue": c.cue, "text": c.text, "direct": c.direct,
            "first_hand": c.first_hand, "polarity": c.polarity,
        })
    relations = []
    stored = sorted(store.relations(story.id), key=lambda r: (-r.confidence, -r.score, r.id))
    shown = [r for r in stored if every_relation or is_shown(r)]
    for r in shown:
        a, b = (by_id.get(cid) for cid in r.claims)
        relations.append({
            "id": r.id, "type": r.type, "about": r.about, "reason": r.reason, "score": r.score,
            "question": r.question, "answers": r.answers, "independent": r.independent, "confidence": r.confidence,
            "dispute": r.dispute,
            "a": {"id": r.claims[0], "doc": a.doc if a else None, "speaker": _who(a), "side": side.get(a.id) if a else None, "text": a.text if a else None,
                  "outlet": outlet.get(a.doc) if a else None},
            "b": {"id": r.claims[1], "doc": b.doc if b else None, "speaker": _who(b), "side": side.get(b.id) if b else None, "text": b.text if b else None,
                  "outlet": outlet.get(b.doc) if b else None},
        })
    return {
        "story": {"id": story.id, "title": story.title, "start": story.start, "end": story.end,
                  "docs": [{"id": d, "outlet": outlet[d], "title": docs[d].title if d in docs else None,
                            "published": docs[d].published if d in docs else None,
                            "published_inferred": docs[d].published_inferred if d in docs else None}
                           for d in story.docs]},
        "timeline": timeline,
        # Largest sides first; claims nobody could be named for come last.
        "sides": dict(sorted(sides.items(), key=lambda kv: (kv[0] in {UNRESOLVED, "unattributed"}, -len(kv[1])))),
        "relations": relations,
        "disputes": disputes(relations),
        "relations_held_back": len(stored) - len(shown),
        "numbers": differing_numbers(events, outlet),
        "coverage": coverage(claims, events, outlet, sides_in_order),
    }


def disputes(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contradictions of a report grouped by dispute, most confident first: the question, and
    the two positions with the claims that take each (read from which claims contradict which).

    A claim contradicting a claim of one position takes the other; the most confident pair sets
    the first two positions, and a claim reached both ways keeps the first it got.
    """
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in relations:
        if r["type"] == "contradicts":
            groups[r.get("dispute") or r["id"]].append(r)
    out = []
    for did, pairs in groups.items():
        pairs.sort(key=lambda r: (-(r["confidence"] or 0), -r["score"], r["id"]))
        position: dict[str, int] = {}
        claims: dict[str, dict[str, Any]] = {}
        answers: list[dict[str, int]] = [defaultdict(int), defaultdict(int)]
        pending = list(pairs)
        while pending:  # in confidence order, each pair once one of its claims has a position
            r = next((r for r in pending if r["a"]["id"] in position or r["b"]["id"] in position), pending[0])
            pending.remove(r)
            a, b = r["a"], r["b"]
            if a["id"] not in position:
                position[a["id"]] = 1 - position[b["id"]] if b["id"] in position else 0
            position.setdefault(b["id"], 1 - position[a["id"]])
            weight = _naming_weight(r)
            for side, said in ((a, (r.get("answers") or ["", ""])[0]), (b, (r.get("answers") or ["", ""])[1])):
                claims.setdefault(side["id"], side)
                if said:
                    answers[position[side["id"]]][said] += weight
        head = pairs[0]
        asked: dict[str, int] = defaultdict(int)
        for r in pairs:
            asked[r["question"] or r["about"]] += _naming_weight(r)
        question = max(asked, key=lambda q: (asked[q], q == (head["question"] or head["about"])))
        out.append({
            "id": did, "question": question, "reason": head["reason"],
            "confidence": head["confidence"], "pairs": len(pairs),
            "independent": any(r["independent"] for r in pairs),
            "positions": [{"answer": max(answers[k], key=lambda x: (answers[k][x], x)) if answers[k] else "",
                           "claims": [claims[c] for c in position if position[c] == k]} for k in (0, 1)],
        })
    return sorted(out, key=lambda d: (-(d["confidence"] or 0), d["id"]))


def _naming_weight(relation: dict[str, Any]) -> int:
    """How much a relation's question and answers count towards naming its dispute: a denial's
    ("no (groundless)" to "is it so that ...?") name it less plainly than the slot's own, so they
    count only when there are no others."""
    return 1 if str(relation.get("reason") or "").startswith("denial:") else 100


def differing_numbers(events: list[Event], outlet: dict[str, str]) -> list[dict[str, Any]]:
    """Death tolls that outlets give for the same kind of event, where they differ."""
    tolls: dict[tuple[str, str | None], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in events:
        if e.fatalities is None:
            continue
        f = e.fatalities
        figure = str(f.low) if f.low == f.high else f"{f.low}-{f.high}"
        tolls[(e.type, f.victims)][figure].add(outlet[e.doc])
    out = []
    for (etype, victims), figures in tolls.items():
        if len(figures) > 1:
            out.append({"type": etype, "victims": victims,
                        "figures": {fig: sorted(outs) for fig, outs in sorted(figures.items())}})
    return out


def coverage(claims: list[Claim], events: list[Event], outlet: dict[str, str],
             sides: list[str] | None = None) -> list[dict[str, Any]]:
    """Per outlet: which sides it quotes, and which sides quoted elsewhere in the story it leaves out."""
    sides_by_outlet: dict[str, set[str]] = defaultdict(set)
    for c, side in zip(claims, sides if sides is not None else story_sides(claims)):
        sides_by_outlet[outlet[c.doc]].add(side)
    all_sides = set().union(*sides_by_outlet.values()) if sides_by_outlet else set()
    events_by_outlet: dict[str, int] = defaultdict(int)
    for e in events:
        events_by_outlet[outlet[e.doc]] += 1
    rows = []
    for name in sorted(set(outlet.values())):
        quoted = sides_by_outlet.get(name, set())
        rows.append({"outlet": name, "sides": sorted(quoted), "leaves_out": sorted(all_sides - quoted),
                     "claims": sum(1 for c in claims if outlet[c.doc] == name), "events": events_by_outlet[name]})
    return rows
