"""The command-line interface: thin Typer commands over the library, drawn with Rich."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .display import clean, safe, safe_row
from .errors import CrosswireError
from .settings import Settings, load_settings

app = typer.Typer(
    help="crosswire: a cross-checked record of what happened and who says so, from raw news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure crosswire against reference tools on evaluation data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="User settings file (INI, see default.cfg).")]


def _fail(message: str) -> typer.Exit:
    # Messages quote paths, ids and store errors: literal text, kept on one line for scripts.
    err.print(Text.assemble(("error:", "bold red"), " ", clean(message)), soft_wrap=True)
    return typer.Exit(2)


def _settings(config: Path | None, **flags: object) -> Settings:
    try:
        return load_settings(config, **flags)
    except CrosswireError as exc:
        raise _fail(str(exc)) from None


def _open_store(db: Path, *, write: bool = False):  # noqa: ANN202 - Store import is lazy
    """The store at ``db``, read-only unless the command writes.

    Read-only, reading never changes the file, works on a file nobody may write, and many
    readers can share the store. Every way opening fails is one line and exit 2.
    """
    import duckdb

    from .store import Store

    if not write and not db.exists():
        raise _fail(f"no store at {db}; run `crosswire run PATH --db {db}` first")
    try:
        store = Store(db, read_only=not write)
        if not write and _needs_upgrade(db, store):
            # Made by an older crosswire: upgrade its schema once, as any write would, then read.
            store.close()
            Store(db).close()
            store = Store(db, read_only=True)
    except (duckdb.Error, OSError) as exc:
        raise _fail(_store_error(db, exc)) from None
    return store


def _needs_upgrade(db: Path, store) -> bool:  # noqa: ANN001
    import duckdb

    from .store.migrations import MIGRATIONS

    try:
        done = {r[0] for r in store.con.execute("SELECT name FROM _crosswire_migrations").fetchall()}
    except duckdb.CatalogException:
        store.close()
        raise _fail(f"{db} is a DuckDB file but not a crosswire store") from None
    return any(name not in done for name, _ in MIGRATIONS)


# DuckDB: 'Could not set lock on file "x": Conflicting lock is held in /usr/bin/python3 (PID 123). See ...'
_LOCK_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _store_error(db: Path, exc: Exception) -> str:
    text = str(exc)
    if "could not set lock" in text.lower():
        m = _LOCK_HOLDER.search(text)
        holder = f"PID {m['pid']} ({m['program']})" if m else "another process"
        return f"store {db} is busy: {holder} has it open; try again when it has finished"
    first = (text.splitlines() or [type(exc).__name__])[0]
    return f"cannot open store {db}: {first.removeprefix('IO Error: ')}"


class _RichReporter:
    """Draws one progress bar per stage of the runner."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, int] = {}
        self.current: int | None = None

    def stage(self, name: str, total: int | None) -> None:
        if name not in self.tasks:
            self.tasks[name] = self.progress.add_task(name, total=total)
        elif total is not None:
            self.progress.update(self.tasks[name], total=(self.progress.tasks[self.tasks[name]].total or 0) + total)
        self.current = self.tasks[name]

    def advance(self, n: int = 1) -> None:
        if self.current is not None:
            self.progress.advance(self.current, n)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively) of text, HTML, JSONL, WARC, RSS/Atom.")],
    db: DbOption = Path("crosswire.duckdb"),
    config: ConfigOption = None,
    n_process: Annotated[Optional[int], typer.Option(help="spaCy worker processes.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run the stages on a local Dask cluster (needs the dask extra).")] = False,
    workers: Annotated[Optional[int], typer.Option(help="Dask worker processes with --dask (default: CPU count).", min=1)] = None,
) -> None:
    """Ingest, clean and read PATHS into the store; prints a summary that adds up to the inputs.

    Example: crosswire run examples/corpus --db crosswire.duckdb
    """
    from .run import run as run_pipeline

    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(missing)}")
    if workers is not None and not dask:
        raise _fail("--workers needs --dask")
    if dask:
        try:
            from .distributed import run_distributed
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in {"dask", "distributed"}:
                raise
            raise _fail("--dask needs Dask: pip install -e '.[dask]'") from None
    settings = _settings(config, n_process=n_process)
    with _open_store(db, write=True) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=False,
    ) as progress:
        reporter = _RichReporter(progress)
        if dask:
            summary = run_distributed(paths, store, settings, workers=workers, reporter=reporter)
        else:
            summary = run_pipeline(paths, store, settings, reporter)
    table = Table(title=safe(f"run {summary.run_id} -> {db}"))
    cols = ("inputs", "processed", "duplicate", "unchanged", "rejected", "entities", "events", "claims", "stories", "relations")
    for col in cols:
        table.add_column(col, justify="right")
    table.add_row(*(str(getattr(summary, c)) for c in cols))
    console.print(table)
    if summary.rejections:
        rej = Table(title="rejected inputs")
        for col in ("source", "stage", "reason"):
            rej.add_column(col)
        for r in summary.rejections[:50]:
            rej.add_row(*safe_row(r.source, r.stage, r.reason))
        console.print(rej)
        if len(summary.rejections) > 50:
            console.print(f"... and {len(summary.rejections) - 50} more (crosswire export --format jsonl)")


@app.command()
def docs(db: DbOption = Path("crosswire.duckdb"), limit: Annotated[int, typer.Option(help="Rows to show.")] = 200) -> None:
    """List stored documents: id, outlet, host, date, title, words, status.

    Example: crosswire docs --db seeds.duckdb
    """
    with _open_store(db) as store:
        table = Table(title=safe(f"documents in {db}"))
        for col in ("id", "outlet", "host", "date", "title", "words", "status"):
            table.add_column(col, overflow="fold")
        for row in store.rows("documents", order="source, id"):
            if limit <= 0:
                break
            limit -= 1
            date = row["published"] or ((row["published_inferred"] or {}).get("date") and f"~{row['published_inferred']['date']}") or ""
            status = f"copy of {row['duplicate_of'][:12]}" if row["duplicate_of"] else "ok"
            table.add_row(*safe_row(row["id"][:12], row["outlet"], row["host"], date, row["title"], row["words"], status))
        for row in store.rows("rejections", order="source"):
            table.add_row(*safe_row(row["id"][:12], "", "", "", row["source"], "", f"rejected ({row['stage']}): {row['reason']}"))
        console.print(table)


@app.command()
def show(doc_id: Annotated[str, typer.Argument(help="Document id (a prefix is enough) or part of its source path.")],
         db: DbOption = Path("crosswire.duckdb")) -> None:
    """Show one document: metadata, clean text, removed lines and entities.

    Example: crosswire show 3495feab --db seeds.duckdb
    """
    with _open_store(db) as store:
        doc = store.find_document(doc_id)
        if doc is None:
            raise _fail(f"no single document matches {doc_id!r} (try `crosswire docs`)")
        meta = Table(show_header=False, title=safe(doc.id))
        for key in ("source", "outlet", "host", "title", "published", "published_inferred", "language", "encoding",
                    "dateline", "url", "duplicate_of", "words"):
            meta.add_row(key, safe(str(getattr(doc, key))))
        console.print(meta)
        console.rule("text")
        console.print(safe(doc.text))
        console.rule(f"removed ({len(doc.boilerplate)} lines)")
        for line in doc.boilerplate:
            console.print(safe("- " + line, "dim"))
        ents = {e.id: e for e in store.entities()}
        mentions = store.mentions(doc.id)
        table = Table(title=f"entities ({len(mentions)} mentions)")
        for col in ("text", "type", "canonical", "offsets"):
            table.add_column(col)
        for m in mentions:
            ent = ents.get(m.entity or "")
            table.add_row(*safe_row(m.text, m.type, ent.canonical if ent else "", f"{m.start}-{m.end}"))
        console.print(table)


@app.command()
def entities(db: DbOption = Path("crosswire.duckdb"),
             name: Annotated[Optional[str], typer.Option(help="Only entities whose names contain this.")] = None) -> None:
    """List resolved entities with their aliases and document counts.

    Example: crosswire entities --db seeds.duckdb --name lavrov
    """
    with _open_store(db) as store:
        table = Table(title="entities")
        for col in ("type", "canonical", "aliases", "docs"):
            table.add_column(col, overflow="fold")
        for e in sorted(store.entities(), key=lambda e: (-len(e.docs), e.canonical)):
            if name and not any(name.lower() in a.lower() for a in [e.canonical, *e.aliases]):
                continue
            table.add_row(*safe_row(e.type, e.canonical, " | ".join(a for a in e.aliases if a != e.canonical), len(e.docs)))
        console.print(table)


@app.command()
def events(
    db: DbOption = Path("crosswire.duckdb"),
    type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO code (2 or 3 letters) of a place, actor or target.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="Earliest event date, YYYY-MM-DD.")] = None,
    to: Annotated[Optional[str], typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only events told by documents whose id starts with this.")] = None,
    modality: Annotated[Optional[str], typer.Option(
        help="Only these modalities, comma-separated: asserted, reported, stated, alleged, denied, planned, "
             "hypothetical; 'happened' = asserted,reported.")] = None,
    mentions: Annotated[bool, typer.Option(
        "--mentions", help="One row per mention (each sentence of each document) instead of per happening.")] = False,
) -> None:
    """List events: date, type/mode, actor -> target, place, dead, status (modality), sources.

    One row per happening: the mentions of one event within and across a story's documents,
    with every outlet that told it; --mentions lists each mention instead.

    Example: crosswire events --db seeds.duckdb --type ASSAULT --country SY --from 2015-09-30 --to 2015-10-07
    Example: crosswire events --db seeds.duckdb --modality happened --mentions
    """
    from .export import HAPPENED, MODALITIES
    from .query import filter_events
    from .report_view import dead_text, when_text

    for value, name in ((from_, "--from"), (to, "--to")):
        if value and not _is_iso_date(value):
            raise _fail(f"{name} takes a date as YYYY-MM-DD, not {value!r}")
    wanted: set[str] = set()
    for word in (modality or "").lower().replace(" ", "").split(","):
        if word and word != "happened" and word not in MODALITIES:
            raise _fail(f"--modality takes {', '.join(MODALITIES)} or happened, not {word!r}")
        wanted |= set(HAPPENED) if word == "happened" else {word} if word else set()
    with _open_store(db) as store:
        found = filter_events(store, type_=type_, country=country, start=from_, end=to, doc=doc, mentions=mentions)
        found = [ev for ev in found if not wanted or ev.modality in wanted]
        # A happening carries its sources; only mentions need their document's outlet (and reading
        # every document's text for it is wasted otherwise).
        outlets = {r["id"]: r["outlet"] or r["host"] or r["source"] for r in store.rows("documents")} if mentions else {}
    table = Table(title=f"{len(found)} {'event mentions' if mentions else 'events'}")
    columns = ("date", "type/mode", "actor -> target", "place", "dead", "status", "source" if mentions else "sources")
    for col in columns:
        table.add_column(col, overflow="fold")
    if not mentions:
        table.add_column("mentions", justify="right")
    for ev in found:
        who = " -> ".join(p.canonical or p.text if p else "?" for p in (ev.actor, ev.target))
        places = ", ".join(p.name for p in ev.places)
        dead = "" if ev.fatalities is None else dead_text(ev.fatalities.low, ev.fatalities.high, ev.fatalities.victims)
        kind = ev.type + (f"/{ev.mode}" if ev.mode else "")
        if mentions:
            status = ev.modality + (f" ({ev.reported_by})" if ev.reported_by else "")
            table.add_row(*safe_row(when_text(ev.date, ev.date_text, ev.date_basis), kind, who, places, dead, status,
                                    outlets.get(ev.doc, "")))
        else:
            table.add_row(*safe_row(ev.date or "", kind, who, places, dead, ev.modality, ", ".join(ev.sources),
                                    str(len(ev.events))))
    console.print(table)


def _is_iso_date(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@app.command()
def claims(
    db: DbOption = Path("crosswire.duckdb"),
    speaker: Annotated[Optional[str], typer.Option(help="Only claims whose speaker, canonical name or affiliation contains this.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="Only claims of documents whose id starts with this.")] = None,
) -> None:
    """List claims: speaker, affiliation, attribution chain, cue and what is claimed.

    Example: crosswire claims --db seeds.duckdb --speaker Lavrov
    """
    from .query import filter_claims

    with _open_store(db) as store:
        found = filter_claims(store, speaker=speaker, doc=doc)
    table = Table(title=f"{len(found)} claims")
    for col in ("speaker", "affiliation", "chain", "cue", "text"):
        table.add_column(col, overflow="fold")
    for c in found:
        who = ", ".join(sp.canonical or sp.text for sp in [c.speaker, *c.co_speakers]) if c.speaker else "?"
        text = (f"“{c.text}”" if c.direct else c.text) + ("  [denial]" if c.polarity == "negative" else "")
        table.add_row(*safe_row(who, (c.speaker.affiliation if c.speaker else None) or "", " <- ".join(c.chain),
                                c.cue, text))
    console.print(table)


@app.command()
def stories(db: DbOption = Path("crosswire.duckdb")) -> None:
    """List stories: id, dates, outlets, and how many documents, events, claims and contradictions.

    Example: crosswire stories --db seeds.duckdb
    """
    from .story_report import is_shown

    with _open_store(db) as store:
        table = Table(title="stories")
        for col in ("id", "start", "end", "title", "outlets", "docs", "events", "claims", "contradictions"):
            table.add_column(col, overflow="fold")
        for st in store.stories():
            n_events = len(store.happenings(st.id))
            n_claims = sum(len(store.claims(d)) for d in st.docs)
            n_contra = sum(1 for r in store.relations(st.id) if r.type == "contradicts" and is_shown(r))
            table.add_row(*safe_row(st.id[:12], st.start, st.end, st.title, ", ".join(st.outlets),
                                    len(st.docs), n_events, n_claims, n_contra))
        console.print(table)


@app.command()
def story(story_id: Annotated[str, typer.Argument(help="Story id (a prefix is enough).")],
          db: DbOption = Path("crosswire.duckdb"),
          json_: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead.")] = False,
          all_: Annotated[bool, typer.Option("--all", help="Also show relations below the confidence shown by default.")] = False) -> None:
    """Who says what in one story: timeline, claims by side, contradictions, differing numbers, coverage.

    Example: crosswire story 1a2b3c --db seeds.duckdb
    """
    import json

    from .story_report import story_report
    from .report_view import render_story

    with _open_store(db) as store:
        report = story_report(store, story_id, every_relation=all_)
    if report is None:
        raise _fail(f"no single story matches {story_id!r} (try `crosswire stories`)")
    if json_:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    render_story(console, report)


@app.command("export")
def export_cmd(
    db: DbOption = Path("crosswire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, or acled (events as ACLED-style CSV).")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (JSONL: stdout when absent).")] = None,
) -> None:
    """Export stored records per the JSONL contract, or as CSV/Parquet files (one per kind).

    Example: crosswire export --db seeds.duckdb --format jsonl -o seeds.jsonl
    Example: crosswire export --db seeds.duckdb --format acled -o events.csv
    """
    from .export import FORMATS, export

    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    with _open_store(db) as store:
        try:
            counts = export(store, fmt, out)
        except CrosswireError as exc:
            raise _fail(str(exc)) from None
    if out is not None:
        err.print(safe("wrote " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" -> {out}"))


# The evaluation commands live in eval_cli.py; importing it registers them on eval_app.
from .eval_cli import _metrics_table, flat_metrics  # noqa: E402,F401  (re-exported for callers)
from . import gazetteer_cli  # noqa: E402,F401  (registers the gazetteer commands on app)
from . import serve_cli  # noqa: E402,F401  (registers `serve` on app)


def main() -> None:
    """Entry point of the ``crosswire`` script."""
    app()
