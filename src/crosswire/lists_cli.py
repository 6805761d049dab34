"""The list commands: `docs`, `entities`, `events`, `claims`, `stories`.

Each draws a table, or with ``--json`` prints one export-contract object per line (what the
API's lists answer, from the same ``query`` functions), and takes ``--limit``. Dates and ids
never wrap: a table piped to a file keeps each on one line.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table

from .cli import DbOption, _fail, _open_store, app, console
from .display import fit_columns, safe, safe_row

JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line (the export contract) instead of a table.")]


def _limit_option(default: int | None) -> Any:
    return typer.Option(help="Show at most this many" + (" (0: all)." if default else "."), min=0)


# JSON escapes C0 controls itself; C1 controls (an 8-bit CSI is \x9b) pass through
# ensure_ascii=False, and a terminal would obey them. They only occur inside strings.
_C1 = re.compile("[\x7f-\x9f]")


def print_json_lines(found: Iterable[dict[str, Any]]) -> None:
    """Objects as JSON Lines on stdout, safe on a terminal, UTF-8 kept readable."""
    out = sys.stdout
    for obj in found:
        line = json.dumps(obj, ensure_ascii=False)
        out.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n")


def _cut(items: list[Any], limit: int | None) -> list[Any]:
    return items if not limit else items[:limit]


def _table(title: str, *columns: str, no_wrap: tuple[str, ...] = ("id", "date", "start", "end")) -> Table:
    table = Table(title=safe(title))
    for col in columns:
        table.add_column(col, no_wrap=col in no_wrap, overflow="fold")
    return table


def _listing(fn: Any, **kwargs: Any) -> list[dict[str, Any]]:
    from .query import UnknownValue

    try:
        return fn(**kwargs)
    except UnknownValue as exc:
        raise _fail(str(exc)) from None


@app.command()
def docs(db: DbOption = Path("crosswire.duckdb"),
         limit: Annotated[int, _limit_option(200)] = 200,
         json_: JsonOption = False) -> None:
    """List stored documents: id, outlet, host, date, title, words, status.

    Example: crosswire docs --db seeds.duckdb --limit 20
    """
    from .query import document_summaries

    with _open_store(db) as store:
        found = _cut(document_summaries(store), limit)
        rejected = list(store.rows("rejections", order="source"))
    if json_:
        print_json_lines(found)
        return
    table = _table(f"documents in {db}", "id", "outlet", "host", "date", "title", "words", "status")
    for row in found:
        inferred = (row["published_inferred"] or {}).get("date")
        date = row["published"] or (f"~{inferred}" if inferred else "")
        status = f"copy of {row['duplicate_of'][:12]}" if row["duplicate_of"] else "ok"
        table.add_row(*safe_row(row["id"][:12], row["outlet"], row["host"], date, row["title"], row["words"], status))
    for row in rejected:
        table.add_row(*safe_row(row["id"][:12], "", "", "", row["source"], "", f"rejected ({row['stage']}): {row['reason']}"))
    console.print(fit_columns(table, console.width))


@app.command()
def entities(db: DbOption = Path("crosswire.duckdb"),
             name: Annotated[Optional[str], typer.Option(help="Only entities whose names contain this.")] = None,
             limit: Annotated[Optional[int], _limit_option(None)] = None,
             json_: JsonOption = False) -> None:
    """List resolved entities with their aliases and document counts, most documents first.

    Example: crosswire entities --db seeds.duckdb --name lavrov
    """
    from .query import entity_list

    with _open_store(db) as store:
        found = _cut(entity_list(store, q=name), limit)
    if json_:
        print_json_lines(found)
        return
    table = _table("entities", "type", "canonical", "aliases", "docs")
    for e in found:
        table.add_row(*safe_row(e["type"], e["canonical"], " | ".join(a for a in e["aliases"] if a != e["canonical"]),
                                len(e["docs"])))
    console.print(fit_columns(table, console.width))


@app.command()
def events(
    db: DbOption = Path("crosswire.duckdb"),
    type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    country: Annotated[Optional[str], typer.Option(
        help="Country of a place, the actor or the target: ISO code (SY, SYR) or English name.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="Earliest event date, YYYY-MM-DD.")] = None,
    to: Annotated[Optional[str], typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only events told by documents whose id starts with this.")] = None,
    modality: Annotated[Optional[str], typer.Option(
        help="Only these modalities, comma-separated: asserted, reported, stated, alleged, denied, planned, "
             "hypothetical, background (a happening long before its report); 'happened' = asserted,reported.")] = None,
    mentions: Annotated[bool, typer.Option(
        "--mentions", help="One row per mention (each sentence of each document) instead of per happening.")] = False,
    limit: Annotated[Optional[int], _limit_option(None)] = None,
    json_: JsonOption = False,
) -> None:
    """List events: date, type/mode, actor -> target, place, dead, status (modality), sources.

    One row per happening: the mentions of one event within and across a story's documents,
    with every outlet that told it; --mentions lists each mention instead. An unknown --type,
    --modality or --country is refused with the values crosswire knows.

    Example: crosswire events --db seeds.duckdb --type ASSAULT --country SY --from 2015-09-30 --to 2015-10-07
    Example: crosswire events --db seeds.duckdb --modality happened --mentions --json
    """
    from .query import event_list
    from .report_view import dead_text, when_text

    with _open_store(db) as store:
        found = _cut(_listing(event_list, store=store, type_=type_, status=modality, country=country, start=from_,
                              end=to, doc=doc, mentions=mentions), limit)
        # A happening carries its sources; only mentions need their document's outlet.
        outlets = ({r["id"]: r["outlet"] or r["host"] or r["source"]
                    for r in store.rows("documents", columns=("id", "outlet", "host", "source"))}
                   if mentions and not json_ else {})
    if json_:
        print_json_lines(found)
        return
    columns = ("date", "type/mode", "actor -> target", "place", "dead", "status", "source" if mentions else "sources")
    table = _table(f"{len(found)} {'event mentions' if mentions else 'events'}", *columns)
    if not mentions:
        table.add_column("mentions", justify="right")
    for ev in found:
        who = " -> ".join((p["canonical"] or p["text"]) if p else "?" for p in (ev["actor"], ev["target"]))
        places = ", ".join(p["name"] for p in ev["places"])
        f = ev["fatalities"]
        dead = "" if f is None else dead_text(f["low"], f["high"], f["victims"])
        kind = ev["type"] + (f"/{ev['mode']}" if ev["mode"] else "")
        if mentions:
            status = ev["modality"] + (f" ({ev['reported_by']})" if ev["reported_by"] else "")
            table.add_row(*safe_row(when_text(ev["date"], ev["date_text"], ev["date_basis"]), kind, who, places, dead,
                                    status, outlets.get(ev["doc"], "")))
        else:
            table.add_row(*safe_row(ev["date"] or "", kind, who, places, dead, ev["modality"], ", ".join(ev["sources"]),
                                    str(len(ev["events"]))))
    console.print(fit_columns(table, console.width))


@app.command()
def claims(
    db: DbOption = Path("crosswire.duckdb"),
    speaker: Annotated[Optional[str], typer.Option(help="Only claims whose speaker, canonical name or affiliation contains this.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only claims of documents whose id starts with this.")] = None,
    story: Annotated[Optional[str], typer.Option(help="Only claims of this story (an id prefix is enough).")] = None,
    limit: Annotated[Optional[int], _limit_option(None)] = None,
    json_: JsonOption = False,
) -> None:
    """List claims: speaker, affiliation, attribution chain, cue and what is claimed.

    Example: crosswire claims --db seeds.duckdb --speaker Lavrov
    """
    from .query import claim_list

    with _open_store(db) as store:
        found = _cut(claim_list(store, speaker=speaker, doc=doc, story=story), limit)
    if json_:
        print_json_lines(found)
        return
    table = _table(f"{len(found)} claims", "speaker", "affiliation", "chain", "cue", "text")
    for c in found:
        sp = c["speaker"]
        who = ", ".join(s["canonical"] or s["text"] for s in [sp, *c["co_speakers"]]) if sp else "?"
        text = (f"“{c['text']}”" if c["direct"] else c["text"]) + ("  [denial]" if c["polarity"] == "negative" else "")
        table.add_row(*safe_row(who, (sp or {}).get("affiliation") or "", " <- ".join(c["chain"]), c["cue"], text))
    console.print(fit_columns(table, console.width))


@app.command()
def stories(db: DbOption = Path("crosswire.duckdb"),
            search: Annotated[Optional[str], typer.Option("--search", help="Only stories whose title, outlets or "
                                                          "documents' titles contain this.")] = None,
            limit: Annotated[Optional[int], _limit_option(None)] = None,
            json_: JsonOption = False) -> None:
    """List stories, newest first: id, dates, outlets, and how many documents, events, claims and disputes
    (a dispute is one question two sides answer differently, however many pairs of claims tell it).

    Example: crosswire stories --db seeds.duckdb
    """
    from .query import story_summaries

    with _open_store(db) as store:
        found = _cut(story_summaries(store, search), limit)
    if json_:
        print_json_lines(found)
        return
    table = _table("stories", "id", "start", "end", "title", "outlets", "docs", "events", "claims", "disputes")
    for st in found:
        n = st["counts"]
        table.add_row(*safe_row(st["id"][:12], st["start"], st["end"], st["title"], ", ".join(st["outlets"]),
                                n["documents"], n["events"], n["claims"], n["disputes"]))
    console.print(fit_columns(table, console.width))
