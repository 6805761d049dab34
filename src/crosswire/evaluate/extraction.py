"""Body-extraction scores of crosswire and bare trafilatura on one HTML dataset, in the same run."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import trafilatura
from htmldate.utils import decode_file

from crosswire.clean.html import clean_html
from crosswire.evaluate import splits

Progress = Callable[[int, int], None]  # (done, total)
TpFpFn = tuple[float, float, float]

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4  # the Zyte benchmark's ngram_n


def read_records(dataset_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a dataset split (``records.jsonl``), the first ``limit`` of them."""
    with (Path(dataset_dir) / "records.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return records[:limit] if limit is not None else records


def read_html(dataset_dir: Path, record: dict[str, Any]) -> bytes:
    """The raw (gunzipped, undecoded) bytes of a record's page."""
    return gzip.decompress((Path(dataset_dir) / record["html_file"]).read_bytes())


def crosswire_text(html_bytes: bytes, url: str | None = None) -> str:
    """The clean body crosswire extracts from raw page bytes (paragraphs joined by blank lines)."""
    cleaned = clean_html(decode_file(html_bytes), url)
    return "\n\n".join(cleaned.paragraphs)


def trafilatura_text(html_bytes: bytes, url: str | None = None) -> str:
    """Bare ``trafilatura.extract(html)`` with its defaults: the baseline to beat."""
    return trafilatura.extract(html_bytes) or ""


# --- Zyte article-extraction-benchmark scoring (upstream evaluate.py, re-implemented) --------


def _shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_match(true: str, pred: str) -> TpFpFn:
    """Per-page (tp, fp, fn) of 4-gram shingle multisets, normalised to sum to 1 like upstream.

    Example:
        >>> shingle_match("a b c d e", "a b c d")
        (0.5, 0.0, 0.5)
    """
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def zyte_metrics(counts: list[TpFpFn], exact: list[bool]) -> dict[str, float]:
    """Macro-averaged precision/recall over pages, F1 of the two, and exact-match accuracy."""

    def precision(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = sum(exact) / len(exact) if exact else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": accuracy, "n": len(counts)}


# --- trafilatura-eval segment scoring (upstream tests/eval_common.py, re-implemented) ---------


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def segment_counts(record: dict[str, Any], output: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn): "with" segments found, "without" segments found, and the complements."""
    out = _ws(output) if output else ""
    tp = sum(1 for seg in record["with"] if out and _ws(seg) in out)
    fp = sum(1 for seg in record["without"] if out and _ws(seg) in out)
    return tp, fp, len(record["with"]) - tp, len(record["without"]) - fp


def segment_metrics(counts: Iterable[tuple[int, int, int, int]]) -> dict[str, float]:
    """Micro precision/recall/F1/accuracy over all segments, as upstream's ConfusionMatrix."""
    tp = fp = fn = tn = n = 0
    for a, b, c, d in counts:
        tp, fp, fn, tn, n = tp + a, fp + b, fn + c, tn + d, n + 1
    total = tp + fp + fn + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
        "n": n,
    }


# --- the harness -------------------------------------------------------------------------------

SYSTEMS: dict[str, Callable[[bytes, str | None], str]] = {
    "crosswire": crosswire_text,
    "trafilatura": trafilatura_text,
}


def detect_scoring(record: dict[str, Any]) -> str:
    """"zyte" for gold bodies (``article_body``), "segments" for with/without snippets."""
    if "article_body" in record:
        return "zyte"
    if "with" in record and "without" in record:
        return "segments"
    raise ValueError(f"unknown extraction dataset record with fields {sorted(record)}")


def evaluate_extraction(
    dataset_dir: Path, *, limit: int | None = None, part: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Score crosswire and bare trafilatura on the same pages of one dataset split.

    Args:
        dataset_dir: a split directory holding ``records.jsonl`` and ``html/*.html.gz``; its
            parent folder names the dataset for :func:`crosswire.evaluate.splits.select`
            (``article-extraction-benchmark``, ``trafilatura-eval``).
        limit: score only the first ``limit`` records (of the part, when one is chosen).
        part: ``"tune"`` or ``"report"`` (see evaluate/splits.py); every record when None.
        progress: called as ``progress(done, total)`` after each page.

    Returns:
        ``{"dataset", "scoring", "n", "systems": {name: {precision, recall, f1, n[, accuracy]}},
        "part"}``.

    Example:
        >>> evaluate_extraction(Path("../shared/eval/article-extraction-benchmark/dev"), part="report")  # doctest: +SKIP
    """
    records = read_records(dataset_dir)
    records = splits.select(Path(dataset_dir).resolve().parent.name, records, part)[:limit]
    if not records:
        return {"dataset": str(dataset_dir), "scoring": None, "n": 0, "systems": {}, "part": part}
    scoring = detect_scoring(records[0])
    zyte: dict[str, list[TpFpFn]] = {name: [] for name in SYSTEMS}
    exact: dict[str, list[bool]] = {name: [] for name in SYSTEMS}
    segments: dict[str, list[tuple[int, int, int, int]]] = {name: [] for name in SYSTEMS}
    for done, record in enumerate(records, 1):
        page = read_html(dataset_dir, record)
        for name, system in SYSTEMS.items():
            output = system(page, record.get("url"))
            if scoring == "zyte":
                zyte[name].append(shingle_match(record["article_body"], output))
                exact[name].append(_ws(output) == _ws(record["article_body"]))
            else:
                segments[name].append(segment_counts(record, output))
        if progress is not None:
            progress(done, len(records))
    systems = {
        name: zyte_metrics(zyte[name], exact[name]) if scoring == "zyte" else segment_metrics(segments[name])
        for name in SYSTEMS
    }
    return {"dataset": str(dataset_dir), "scoring": scoring, "n": len(records), "systems": systems, "part": part}
