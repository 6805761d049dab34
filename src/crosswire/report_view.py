"""Rich rendering of a story report (the dict from story_report.py); no logic of its own.

Every cell goes through ``display.safe``: titles, speakers and claims are article text.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .display import fit_columns, safe, safe_row


def dead_text(low: int, high: int, victims: str | None) -> str:
    """A toll as shown in tables: "36 civilians", "35-40 militants"."""
    figure = str(low) if low == high else f"{low}-{high}"
    return figure + (f" {victims}" if victims else "")


def when_text(date: str | None, date_text: str | None, basis: str | None) -> str:
    """An event's date as shown in tables: "~" when read from context, "? Tuesday" when unresolved."""
    if date:
        return ("~" if basis == "context" else "") + date
    return f"? {date_text}" if date_text else "?"


def _dead(d: dict[str, Any] | None) -> str:
    return dead_text(d["low"], d["high"], d.get("victims")) if d else ""


# Claims listed under one position of a dispute in the terminal; the rest are counted.
POSITION_CLAIMS = 3


def _position(position: dict) -> str:
    """One side of a dispute: its answer, who takes it (where) and the first claims' words."""
    claims = position["claims"]
    who = sorted({f"{c['speaker']} ({c['outlet']})" for c in claims})
    lines = [f"{position['answer']}: {'; '.join(who)}"]
    lines += [c["text"] for c in claims[:POSITION_CLAIMS]]
    if len(claims) > POSITION_CLAIMS:
        lines.append(f"... and {len(claims) - POSITION_CLAIMS} more")
    return "\n".join(lines)


def render_story(console: Console, report: dict[str, Any]) -> None:
    """Print the timeline, claims by side, contradictions, differing numbers and coverage."""
    st = report["story"]
    console.rule(Text.assemble(safe(st["title"], "bold"), safe(f"  ({st['start'] or '?'} .. {st['end'] or '?'})")))
    for d in st["docs"]:
        date = d["published"] or (f"~{d['published_inferred']['date']} ({d['published_inferred']['basis']})"
                                  if d["published_inferred"] else "undated")
        console.print(safe(f"  {d['id'][:12]}  {d['outlet']}: {d['title']}  [{date}]"))

    timeline = Table(title="timeline", caption="~ dated from an earlier sentence of the same report")
    for col in ("date", "what", "who -> whom", "where", "dead", "says who", "outlet"):
        timeline.add_column(col, overflow="fold")
    for e in report["timeline"]:
        says = e["modality"] + (f": {e['reported_by']}" if e["reported_by"] else "")
        timeline.add_row(*safe_row(when_text(e["date"], e["date_text"], e.get("date_basis")),
                                   e["type"] + (f"/{e['mode']}" if e["mode"] else ""),
                                   f"{e['actor'] or '?'} -> {e['target'] or '?'}", ", ".join(e["places"]),
                                   _dead(e["dead"]), says, e["outlet"]))
    console.print(fit_columns(timeline, console.width))

    sides = Table(title="claims by side")
    for col in ("side", "speaker", "via", "claim"):
        sides.add_column(col, overflow="fold")
    for side, claims in report["sides"].items():
        for i, c in enumerate(claims):
            text = (f"“{c['text']}”" if c["direct"] else c["text"]) + (" [denies]" if c["polarity"] == "negative" else "")
            sides.add_row(*safe_row(side if i == 0 else "", c["speaker"], " <- ".join(c["chain"]), text))
        sides.add_section()
    console.print(fit_columns(sides, console.width))

    held = report.get("relations_held_back", 0)
    title = "where they disagree (and agree)" + (f": {held} less certain held back (--all shows them)" if held else "")
    rel = Table(title=title)
    for col in ("relation", "question", "one side", "other side", "reason", "confidence"):
        rel.add_column(col, overflow="fold")
    for d in report.get("disputes", []):
        told = [_position(p) for p in d["positions"]]
        rel.add_row(*safe_row(f"dispute ({d['pairs']} pair{'s' if d['pairs'] != 1 else ''})", d["question"],
                              told[0], told[1], d["reason"], f"{d.get('confidence') or 0:.2f}"))
    for r in report["relations"]:
        if r["type"] != "supports":
            continue  # told above, as disputes
        answers = r.get("answers") or ["", ""]
        kind = r["type"] + {False: " (one origin: a relay)", None: " (origins named by nobody)"}.get(r.get("independent"), "")
        rel.add_row(*safe_row(kind, r.get("question") or r["about"],
                              f"{r['a']['speaker']} ({r['a']['side']}): {answers[0]}\n{r['a']['text']}",
                              f"{r['b']['speaker']} ({r['b']['side']}): {answers[1]}\n{r['b']['text']}",
                              r["reason"], f"{r.get('confidence') or 0:.2f}"))
    console.print(fit_columns(rel, console.width))

    if report["numbers"]:
        nums = Table(title="numbers that differ across outlets")
        for col in ("event", "victims", "figures"):
            nums.add_column(col, overflow="fold")
        for n in report["numbers"]:
            nums.add_row(*safe_row(n["type"], n["victims"], "; ".join(f"{fig}: {', '.join(o)}" for fig, o in n["figures"].items())))
        console.print(fit_columns(nums, console.width))

    cov = Table(title="coverage by outlet")
    for col in ("outlet", "events", "claims", "sides quoted", "leaves out"):
        cov.add_column(col, overflow="fold")
    for c in report["coverage"]:
        cov.add_row(*safe_row(c["outlet"], c["events"], c["claims"], ", ".join(c["sides"]), ", ".join(c["leaves_out"])))
    console.print(fit_columns(cov, console.width))
