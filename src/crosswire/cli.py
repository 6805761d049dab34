"""The command-line interface: thin Typer commands over the library, drawn with Rich."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .display import clean, safe, safe_row
from .errors import CrosswireError
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from rich.progress import Progress

app = typer.Typer(
    help="crosswire: a cross-checked record of what happened and who says so, from raw news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure crosswire against reference tools on evaluation data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
console = Console()
if not console.is_terminal and "COLUMNS" not in os.environ:
    # Piped to a file or another program: wide enough that no date or id breaks across lines.
    console.width = 200
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="User settings file (INI, see default.cfg).")]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print crosswire's version and exit.")] = False) -> None:
    """crosswire: a cross-checked record of what happened and who says so, from raw news."""


def _fail(message: str) -> typer.Exit:
    # Messages quote paths, ids and store errors: literal text, kept on one line for scripts.
    err.print(Text.assemble(("error:", "bold red"), " ", clean(message)), soft_wrap=True)
    return typer.Exit(2)


def _settings(config: Path | None, **flags: object) -> Settings:
    try:
        return load_settings(config, **flags)
    except CrosswireError as exc:
        raise _fail(str(exc)) from None


def _open_store(db: Path, *, write: bool = False, memory_limit: str | None = None):  # noqa: ANN202 - lazy Store
    """The store at ``db``, read-only unless the command writes.

    Read-only, reading never changes the file, works on a file nobody may write, and many
    readers can share the store. Every way opening fails is one line and exit 2.
    """
    import duckdb

    from .store import Store

    if not write and not db.exists():
        raise _fail(f"no store at {db}; run `crosswire run PATH --db {db}` first")
    try:
        store = Store(db, read_only=not write, memory_limit=memory_limit)
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


@contextmanager
def _scheduler_client(address: str | None):  # noqa: ANN202 - distributed is imported lazily
    """A client of the scheduler at ``address`` (closed after the run), or None for a local cluster."""
    if address is None:
        yield None
        return
    from distributed import Client

    try:
        client = Client(address, timeout="15s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise _fail(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        yield client
    finally:
        client.close()


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
    paths: Annotated[list[str], typer.Argument(
        help="Files or folders (searched recursively) of text, HTML, JSONL, WARC, RSS/Atom; http(s) addresses of "
             "pages or feeds (fetched); - for standard input.")],
    db: DbOption = Path("crosswire.duckdb"),
    config: ConfigOption = None,
    n_process: Annotated[Optional[int], typer.Option(help="spaCy worker processes.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run the stages on a local Dask cluster (needs the dask extra).")] = False,
    workers: Annotated[Optional[int], typer.Option(help="Dask worker processes with --dask (default: CPU count).", min=1)] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        help="Address of a running dask.distributed scheduler (tcp://HOST:8786): the stages run on its workers.")] = None,
    text_field: Annotated[Optional[str], typer.Option(help="JSONL: the field holding the article text (default text).")] = None,
    html_field: Annotated[Optional[str], typer.Option(help="JSONL: the field holding the page's HTML (default html).")] = None,
    title_field: Annotated[Optional[str], typer.Option(help="JSONL: the headline's field (default title).")] = None,
    url_field: Annotated[Optional[str], typer.Option(help="JSONL: the address's field (default url).")] = None,
    date_field: Annotated[Optional[str], typer.Option(help="JSONL: the publication date's field (default published).")] = None,
    outlet_field: Annotated[Optional[str], typer.Option(help="JSONL: the outlet's field (default outlet).")] = None,
) -> None:
    """Ingest, clean and read PATHS into the store; prints a summary that adds up to the inputs.

    Example: crosswire run examples/corpus --db crosswire.duckdb
    Example: cat article.txt | crosswire run - ; crosswire run https://example.org/feed.rss
    Example: crosswire run scrape.jsonl --text-field body --title-field headline --date-field pubdate
    Example: crosswire run corpus/ --scheduler tcp://10.0.0.5:8786
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .ingest.fetch import is_url
    from .run import run as run_pipeline

    missing = [p for p in paths if p != "-" and not is_url(p) and not Path(p).exists() and not Path(p).is_symlink()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(missing)}")
    if workers is not None and not dask:
        raise _fail("--workers needs --dask")
    if workers is not None and scheduler:
        raise _fail("--workers starts a local cluster; a --scheduler has the workers it has")
    dask = dask or scheduler is not None
    if dask:
        try:
            from .distributed import run_distributed
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in {"dask", "distributed"}:
                raise
            raise _fail("--dask needs Dask: pip install -e '.[dask]'") from None
    settings = _settings(config, n_process=n_process, jsonl_text=text_field, jsonl_html=html_field,
                         jsonl_title=title_field, jsonl_url=url_field, jsonl_published=date_field,
                         jsonl_outlet=outlet_field)
    # The scheduler is reached before the store is opened: an address that answers nothing leaves no file.
    with _warnings_tallied() as tally, _scheduler_client(scheduler) as client, _open_store(
            db, write=True, memory_limit=settings.store_memory_limit or None) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=False,
    ) as progress:
        reporter = _RichReporter(progress)
        if dask:
            summary = run_distributed(paths, store, settings, client=client, workers=workers, reporter=reporter)
        else:
            summary = run_pipeline(paths, store, settings, reporter)
    if summary.inputs == 0:
        err.print(safe(f"warning: no inputs found in {', '.join(map(str, paths))} (hidden files and a folder's "
                       "README or LICENSE are skipped)"), soft_wrap=True)
    for code, (count, example) in tally.items():
        err.print(safe(f"note: {code} x{count}, e.g. {example}"), soft_wrap=True)
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


@contextmanager
def _warnings_tallied() -> Iterator[dict[str, tuple[int, str]]]:
    """Warnings raised during a run, counted by code (W301) or message, with a first example:
    printed one by one they cut through the progress bars, and real news has hundreds of
    paragraphs whose quote marks do not pair up."""
    import warnings

    tally: dict[str, tuple[int, str]] = {}

    def count(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        text = str(message)
        code = match.group() if (match := re.match(r"W\d{3}(?=:)", text)) else f"{category.__name__}: {text}"
        seen, example = tally.get(code, (0, text))
        tally[code] = (seen + 1, example)

    with warnings.catch_warnings():
        warnings.simplefilter("always", UserWarning)  # crosswire's own (W3xx): every one counted
        warnings.showwarning = count
        yield tally


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
    if out is None:
        return
    if fmt in ("csv", "parquet"):  # one file per kind, beside the name given: say which
        from .export import kind_file

        for kind, n in counts.items():
            err.print(safe(f"wrote {n} {kind} records -> {kind_file(out, kind, fmt)}"), soft_wrap=True)
    else:
        err.print(safe("wrote " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" -> {out}"), soft_wrap=True)


# The evaluation commands live in eval_cli.py; importing it registers them on eval_app.
from .eval_cli import _metrics_table, flat_metrics  # noqa: E402,F401  (re-exported for callers)
from . import gazetteer_cli  # noqa: E402,F401  (registers the gazetteer commands on app)
from . import lists_cli, serve_cli  # noqa: E402,F401  (register the list commands and `serve` on app)


def main() -> None:
    """Entry point of the ``crosswire`` script."""
    app()
