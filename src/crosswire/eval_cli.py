"""``crosswire eval ...``: each evaluation as a command, and ``eval all`` for the results table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from .cli import _fail, console, err, eval_app
from .display import safe


def flat_metrics(values: dict, prefix: str = "") -> dict[str, float | int]:
    """Numeric metrics of one system, nested ones as dotted names ("source.strict.f1"); raw counts left out.

    Example:
        >>> flat_metrics({"f1": 0.9, "source": {"strict": {"f1": 69.5}}, "counts": {"gold": 3}, "note": "x"})
        {'f1': 0.9, 'source.strict.f1': 69.5}
    """
    out: dict[str, float | int] = {}
    for key, value in values.items():
        if key == "counts":
            continue
        if isinstance(value, dict):
            out.update(flat_metrics(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[f"{prefix}{key}"] = value
    return out


def _metrics_table(title: str, result: dict) -> Table:
    """One row per metric, one column per system: evaluations report dozens of nested figures."""
    table = Table(title=safe(title))  # the title quotes the dataset path as typed
    systems = {name: flat_metrics(vals) for name, vals in result["systems"].items()}
    names = list(dict.fromkeys(m for vals in systems.values() for m in vals))
    table.add_column("metric")
    for name in systems:
        table.add_column(name, justify="right")
    for metric in names:
        cells = [systems[s].get(metric) for s in systems]
        table.add_row(metric, *("" if v is None else f"{v:.4f}" if isinstance(v, float) else str(v) for v in cells))
    for name, value in flat_metrics(result.get("published", {})).items():
        table.add_row(f"published, not run here: {name}", *([f"{value:g}"] + [""] * (len(systems) - 1)))
    return table


# name -> (module in crosswire.evaluate, function, what DATASET is, what it measures, example path).
# Every evaluation takes a dataset and --limit and prints one table of systems x metrics.
EVALUATIONS: dict[str, tuple[str, str, str, str, str]] = {
    "extraction": ("extraction", "evaluate_extraction", "A dataset dir with records.jsonl and html/.",
                   "Body extraction P/R/F1 for crosswire and bare trafilatura, on the same pages in one run.",
                   "../shared/eval/article-extraction-benchmark/dev"),
    "dates": ("dates", "evaluate_dates", "A dataset dir with records.jsonl and html/.",
              "Publication-date accuracy for crosswire and bare htmldate, on the same pages in one run.",
              "../shared/eval/htmldate-eval/dev"),
    "places": ("places", "evaluate_places", "geoparsing-news split dir with records.jsonl.",
               "Toponym accuracy end to end (exact GeoNames id or within 161 km), geotagging P/R/F1.",
               "../shared/eval/geoparsing-news/dev"),
    "cameo": ("cameo", "evaluate_cameo", "petrarch-cameo split dir with records.jsonl.",
              "PETRARCH2 validation events: P/R/F1 of event type (CAMEO root -> PLOVER) and of type + actors.",
              "../shared/eval/petrarch-cameo/dev"),
    "reports": ("events", "evaluate_reports", "JSONL of ACLED-style reports with gold fields.",
                "Self-written ACLED-style reports: the report's event's type, fatalities, place (25 km) and date; P/R over every coded event.",
                "tests/data/gold/acled_reports_c.jsonl"),
    "event-dates": ("event_dates", "evaluate_event_dates", "JSONL of news articles with gold event dates.",
                    "Event dates (stated or from context) against gold: P/R/F1, with stated-only and publication-date readings.",
                    "tests/data/gold/event_dates_b.jsonl"),
    "quotes": ("quotes", "evaluate_quotes", "polnear-attribution split dir with records.jsonl.",
               "Speaker (source), cue and content span P/R/F1 of attributions.",
               "../shared/eval/polnear-attribution/dev"),
    "stance": ("stance", "evaluate_stance", "fnc1-stance split dir with records.jsonl.",
               "FNC-1 weighted score and per-class F1 of headline/body stance (agree, disagree, discuss, unrelated).",
               "../shared/eval/fnc1-stance/dev"),
    "stories": ("stories", "evaluate_stories", "ecbplus split dir with records.jsonl.",
                "B-cubed precision/recall/F1 of grouping documents into stories.",
                "../shared/eval/ecbplus/dev"),
    "pages": ("coded_pages", "evaluate_coded", "A folder with docs.jsonl (id, url, text) and a coder's labels.jsonl.",
              "Every happening of real pages against a coder's labels: P/R of ACLED rows (one per happening) and "
              "each field over every happening.",
              "../realnews/v"),
    "ecb-events": ("ecb_events", "evaluate_ecb_events", "ecbplus split dir with records.jsonl.",
                   "Event triggers vs ECB+ action mentions (P/R, every verb as baseline) and matched events' "
                   "participant, place and time.",
                   "../shared/eval/ecbplus/dev"),
}


# The file an evaluation's folder must hold, where it is not records.jsonl.
INPUT_FILE = {"pages": "docs.jsonl"}


def _register_evaluation(name: str, module: str, function: str, argument: str, summary: str, example: str) -> None:
    def command(
        dataset: Path = typer.Argument(..., help=argument),
        limit: Optional[int] = typer.Option(None, help="Only the first N items."),
        part: Optional[str] = typer.Option(None, help="'tune' or 'report': one fixed part of a dev split "
                                                      "(evaluate/splits.py); all of it when omitted."),
    ) -> None:
        import importlib
        import inspect

        wanted = dataset if dataset.suffix == ".jsonl" else dataset / INPUT_FILE.get(name, "records.jsonl")
        if not wanted.is_file():
            raise _fail(f"{dataset}: no {wanted.name} there")
        evaluate = getattr(importlib.import_module(f"crosswire.evaluate.{module}"), function)
        options: dict[str, object] = {"limit": limit}
        if part is not None:
            if part not in ("tune", "report"):
                raise _fail(f"--part must be 'tune' or 'report', not {part!r}")
            if "part" not in inspect.signature(evaluate).parameters:
                raise _fail(f"{name} reads self-written gold with no tune/report parts; drop --part")
            options["part"] = part
        console.print(_metrics_table(f"{name}: {dataset}" + (f" ({part} part)" if part else ""),
                                     evaluate(dataset, **options)))

    command.__name__ = f"eval_{name}"
    command.__doc__ = f"{summary}\n\n    Example: crosswire eval {name} {example}\n    "
    eval_app.command(name)(command)


for _name, _spec in EVALUATIONS.items():
    _register_evaluation(_name, *_spec)


@eval_app.command("all")
def eval_all(
    shared: Annotated[Path, typer.Option(help="The shared evaluation folder.")] = Path("../shared/eval"),
    out: Annotated[Optional[Path], typer.Option(help="Write the table here (Markdown) and its figures beside it "
                                                     "(same name, .json).")] = None,
    readme: Annotated[Optional[Path], typer.Option(help="Rewrite this README's results section with the table.")] = None,
    only: Annotated[Optional[str], typer.Option(help="Comma-separated evaluations to run (default: all): "
                                                     "extraction, dates, places, cameo, quotes, stance, stories, "
                                                     "reports, event-dates, relations, ecb-events, judged.")] = None,
) -> None:
    """Run every evaluation whose data is present: one table of figures, each with its data and part.

    Each row also gives n, the baseline (run in the same run, or published and not run here)
    and whether its data was used for tuning.

    Example: crosswire eval all --out results/results.md --readme README.md
    """
    from crosswire.evaluate.results import RUNNERS, Context, run_all, save, with_table

    repo = Path(__file__).resolve().parents[2]
    wanted = set(only.split(",")) if only else None
    context = Context(shared=shared, gold=repo / "tests" / "data" / "gold", repo=repo,
                      progress=lambda name: err.print(f"running {name} ..."))
    figures = run_all(context, wanted)
    if wanted and not figures:
        raise _fail(f"no evaluation named {only!r}; known: {', '.join(RUNNERS)}")
    table = Table(title="crosswire eval all")
    for column in ("task", "figure", "crosswire", "baseline", "data", "part", "n", "tuned on this data?"):
        table.add_column(column, overflow="fold")
    for f in figures:
        table.add_row(*(Text(v) for v in (f.task, f.figure, f.crosswire, f.baseline, f.data, f.part, f.n, f.tuned)))
    console.print(table)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        save(figures, out.with_suffix(".json"))
        err.print(safe(f"wrote {out.with_suffix('.md')} and {out.with_suffix('.json')}"))
    if readme is not None:
        readme.write_text(with_table(readme.read_text(encoding="utf-8"), figures), encoding="utf-8")
        err.print(safe(f"rewrote the results section of {readme}"))
