"""Publication-date scores of crosswire and bare htmldate on one HTML dataset, in the same run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from htmldate import find_date
from htmldate.utils import decode_file

from crosswire.clean.html import clean_html
from crosswire.evaluate.extraction import Progress, read_html, read_records
from crosswire.evaluate.splits import select


def crosswire_date(html_bytes: bytes, url: str | None = None) -> str | None:
    """The publication date crosswire reads from raw page bytes."""
    return clean_html(decode_file(html_bytes), url).published


def htmldate_date(html_bytes: bytes, url: str | None = None) -> str | None:
    """Bare ``htmldate.find_date(html, original_date=True)``: the baseline to beat."""
    return find_date(decode_file(html_bytes), original_date=True)


def date_counts(predicted: str | None, gold: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, tn, fn) of one page exactly as upstream htmldate's ``evaluate_result``.

    Upstream counts a None prediction on an undated page as both a true negative and a
    false negative; that quirk is kept so the numbers compare with its published tables.
    """
    if predicted is None:
        return (0, 0, 1, 1) if gold is None else (0, 0, 0, 1)
    return (1, 0, 0, 0) if predicted == gold else (0, 1, 0, 0)


def date_metrics(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    """Accuracy (prediction == gold, None == None included) and upstream P/R/F1."""
    tp = fp = tn = fn = 0
    for predicted, gold in pairs:
        a, b, c, d = date_counts(predicted, gold)
        tp, fp, tn, fn = tp + a, fp + b, tn + c, fn + d
    n = len(pairs)
    return {
        "accuracy": sum(p == g for p, g in pairs) / n if n else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "n": n,
    }


def evaluate_dates(
    dataset_dir: Path, *, limit: int | None = None, part: str | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Score crosswire's and bare htmldate's publication dates on the same pages.

    Args:
        dataset_dir: a split directory with ``records.jsonl`` (``date``, ``url``, ``html_file``).
        limit: score only the first ``limit`` records (of the part, when one is chosen).
        part: ``"tune"`` or ``"report"`` (evaluate/splits.py; the dataset is named by the
            split directory's parent); every record when None.
        progress: called as ``progress(done, total)`` after each page.

    Returns:
        ``{"dataset", "n", "systems": {"crosswire": {...}, "htmldate": {...}}}`` where each
        system has accuracy, precision, recall, f1 and n.

    Example:
        >>> evaluate_dates(Path("../shared/eval/htmldate-eval/dev"), limit=10)  # doctest: +SKIP
    """
    records = select(Path(dataset_dir).resolve().parent.name, read_records(dataset_dir), part)[:limit]
    pairs: dict[str, list[tuple[str | None, str | None]]] = {"crosswire": [], "htmldate": []}
    for done, record in enumerate(records, 1):
        page = read_html(dataset_dir, record)
        gold = record.get("date")
        pairs["crosswire"].append((crosswire_date(page, record.get("url")), gold))
        pairs["htmldate"].append((htmldate_date(page, record.get("url")), gold))
        if progress is not None:
            progress(done, len(records))
    return {
        "dataset": str(dataset_dir),
        "n": len(records),
        "part": part,
        "systems": {name: date_metrics(p) for name, p in pairs.items()},
    }
