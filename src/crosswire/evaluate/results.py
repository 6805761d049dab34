"""Every evaluation whose data is present, run once, as one table of figures that say where they come from.

Each row names the figure, the data and the part of it the figure is read on, how many
items it counts, the baseline beside it (run in the same run, or a published constant and
where it was published) and whether that data was used to tune crosswire. The README's
results section is this table, written by ``crosswire eval all``, never typed by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crosswire.evaluate.splits import REPORT

BEGIN = "<!-- results: written by `crosswire eval all`; do not edit by hand -->"
END = "<!-- /results -->"
COLUMNS = ("task", "figure", "crosswire", "baseline", "data", "part", "n", "tuned on this data?")


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the results table."""

    task: str
    figure: str
    crosswire: str
    baseline: str  # "<name> <value> (same run)" or "<name> <value> (published: where; not run here)"
    data: str
    part: str
    n: str
    tuned: str


def fmt(value: float | None, digits: int = 3) -> str:
    """A figure as the table shows it; "n/a" where it is undefined.

    Example:
        >>> fmt(0.96732), fmt(None), fmt(78.361, 1)
        ('0.967', 'n/a', '78.4')
    """
    return "n/a" if value is None else f"{value:.{digits}f}"


def _prf(m: dict[str, Any], digits: int = 3) -> str:
    return f"P {fmt(m['precision'], digits)} / R {fmt(m['recall'], digits)} / F1 {fmt(m['f1'], digits)}"


@dataclass(frozen=True, slots=True)
class Context:
    """Where the evaluations find their data, and how they report progress."""

    shared: Path  # the ``eval`` folder of ../shared
    gold: Path  # tests/data/gold
    repo: Path  # the checkout (seeds are read from shared's parent, the sample corpus from here)
    progress: Callable[[str], None] = lambda _: None


Runner = Callable[[Context], Iterator[Figure]]
RUNNERS: dict[str, Runner] = {}


def runner(name: str) -> Callable[[Runner], Runner]:
    """Register an evaluation under the name ``crosswire eval all --only`` takes."""
    def register(function: Runner) -> Runner:
        RUNNERS[name] = function
        return function
    return register


def absent(task: str, where: Path) -> Figure:
    """The row of an evaluation whose data is not here: said, not silently dropped."""
    return Figure(task, "not run", "", "", str(where), "", "", "data absent")


def run_all(context: Context, only: set[str] | None = None) -> list[Figure]:
    """Every registered evaluation (or those in ``only``), in registration order."""
    # Imported for their registrations: the runners live beside the evaluations they call.
    from crosswire.evaluate import result_runners  # noqa: F401

    figures: list[Figure] = []
    for name, run in RUNNERS.items():
        if only and name not in only:
            continue
        context.progress(name)
        figures.extend(run(context))
    return figures


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(figures: list[Figure]) -> str:
    """The results table in Markdown, one row per figure."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for f in figures:
        lines.append("| " + " | ".join(_cell(v) for v in (f.task, f.figure, f.crosswire, f.baseline, f.data,
                                                             f.part, f.n, f.tuned)) + " |")
    return "\n".join(lines) + "\n"


def save(figures: list[Figure], path: Path) -> None:
    """The figures as JSON (the record the README table is rendered from) and Markdown beside it."""
    path.write_text(json.dumps([asdict(f) for f in figures], indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text(to_markdown(figures), encoding="utf-8")


def load(path: Path) -> list[Figure]:
    """Figures saved by :func:`save`."""
    return [Figure(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def readme_section(text: str) -> str | None:
    """The results table between the README's markers, or None when it has none."""
    match = re.search(re.escape(BEGIN) + r"\n(.*?)" + re.escape(END), text, re.S)
    return match.group(1) if match else None


def with_table(readme: str, figures: list[Figure]) -> str:
    """The README with its results section replaced by the table of ``figures``.

    Raises:
        ValueError: the README has no results markers to write between.
    """
    if readme_section(readme) is None:
        raise ValueError(f"no results section: add the lines {BEGIN!r} and {END!r} where the table goes")
    start = readme.index(BEGIN) + len(BEGIN) + 1
    return readme[:start] + to_markdown(figures) + readme[readme.index(END):]


def report_part(n_items: int, unit: str) -> str:
    """The part column for a figure read on the report part of a dev split."""
    return f"dev, {REPORT} part ({n_items} {unit})"
