"""FNC-1 stance scores (weighted score, per-class F1, accuracy) of crosswire's transparent stance tests, and calibration-pair scores."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.compare.cues import Analysis, analyse
from crosswire.compare.relations import compare_claims
from crosswire.compare.stance import classify_stance, split_sentences
from crosswire.evaluate.extraction import Progress, read_records
from crosswire.evaluate.splits import REPORT, TUNE, select
from crosswire.records import Claim, Relation

Embed = Callable[[Sequence[str]], np.ndarray]

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset({"agree", "disagree", "discuss"})
# The official FNC-1 baseline's (fnc-1-baseline: hand features + gradient boosting) published
# relative score, 3538.0 of 4448.5. It was measured on a hold-out of FNC-1's *training* split
# (bodies kept out of its training folds), NOT on the competition test set our dev split is drawn
# from, so it is not a figure on our data: it is reported as published, never as a comparison.
# The comparison is the reimplemented baseline (evaluate/fnc_baseline.py) scored in the same run.
PUBLISHED_FNC1_BASELINE_ON_TRAIN_HOLDOUT = 79.53
BASELINE = "fnc1 baseline (reimplemented, trained on tune part)"
DATASET = "fnc1-stance"
# Bodies embedded per call: keeps memory flat while the model still sees full batches.
BODY_CHUNK = 64


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """(score, max score) exactly as FNC-1's scorer.py counts them.

    +0.25 when related/unrelated is right; a related pair gets +0.75 more when its
    exact class is right. The max is what a perfect system would get.

    Example:
        >>> fnc_score(["agree", "unrelated"], ["discuss", "unrelated"])
        (0.5, 1.25)
    """
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        if (g in RELATED) == (p in RELATED):
            score += 0.25
        if g in RELATED and g == p:
            score += 0.75
        best += 1.0 if g in RELATED else 0.25
    return score, best


def class_f1(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str] = LABELS) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each class."""
    out = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                      "support": tp + fn}
    return out


def stance_metrics(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """FNC-1 relative score (% of max), per-class F1, macro F1 and accuracy."""
    score, best = fnc_score(gold, predicted)
    per_class = class_f1(gold, predicted)
    return {
        "fnc_score": 100.0 * score / best if best else 0.0,
        "fnc_raw": score,
        "fnc_max": best,
        "per_class": per_class,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(per_class),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0,
        "n": len(gold),
    }


def _default_embed() -> Embed:
    from crosswire.compare.embeddings import embed

    return embed


def predict_stances(records: Sequence[dict[str, Any]], embed: Embed,
                    progress: Progress | None = None) -> list[tuple[str, str, str]]:
    """(gold, predicted, reason) for every headline/body pair of the records.

    Every distinct headline is embedded once; each body's sentences are embedded once
    (in chunks of BODY_CHUNK bodies) and reused for all of that body's headlines.
    """
    headlines = sorted({p["headline"] for r in records for p in r["pairs"]})
    head_vecs = dict(zip(headlines, embed(headlines), strict=True))
    out: list[tuple[str, str, str]] = []
    for start in range(0, len(records), BODY_CHUNK):
        chunk = records[start:start + BODY_CHUNK]
        sents = [split_sentences(r["article_body"]) or [""] for r in chunk]
        flat = [s for ss in sents for s in ss]
        vecs = embed(flat)
        offset = 0
        for record, ss in zip(chunk, sents, strict=True):
            body_vecs = vecs[offset:offset + len(ss)]
            offset += len(ss)
            analyses: list[Analysis] = [analyse(s) for s in ss]
            content = frozenset().union(*(a.content for a in analyses))
            for pair in record["pairs"]:
                sims = body_vecs @ head_vecs[pair["headline"]]
                decision = classify_stance(analyse(pair["headline"]), analyses, sims, content)
                out.append((pair["stance"], decision.label, decision.reason))
        if progress:
            progress(min(start + BODY_CHUNK, len(records)), len(records))
    return out


def evaluate_stance(dataset_dir: Path, *, limit: int | None = None, part: str | None = None,
                    embed: Embed | None = None, progress: Progress | None = None,
                    baseline_train: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score crosswire's stance tests on an FNC-1 split (``records.jsonl``: body + pairs), beside a baseline.

    How tuned these figures are: thresholds were first set on self-written pairs
    (tests/data/gold/claim_pairs.jsonl, stance_pairs.jsonl), but every rule version was then
    kept or dropped by its score on the whole dev split (MiniLM, 8,510 pairs): 77.24 with an
    earlier rule, 78.15 with the prior-majority rule (compare/stance_rules.py), 78.36 once a
    restatement in someone's mouth stopped counting as agreement; a rarity-weighted
    word-coverage test of relatedness scored 75.40 and was dropped. So the dev figure is a
    tuned figure, and the report part, a subset of that dev split, is not unseen either: it
    only keeps future tuning (done on the tune part) off the figure. No FNC-1 data is unseen
    by crosswire's rules. Measured (MiniLM): report part 78.76 (3,162 pairs, 107 bodies)
    against 63.89 for the baseline trained on the tune part; tune part 78.09 (5,348 pairs).

    The baseline (the organisers' fnc-1-baseline, reimplemented in evaluate/fnc_baseline.py) is
    trained on every pair of the tune part of the same split and scored on exactly the pairs
    crosswire is scored on, in the same run. It runs when ``part == "report"`` or when
    ``baseline_train`` is given; otherwise it would be scored on its own training data.

    Args:
        dataset_dir: split directory, e.g. ``../shared/eval/fnc1-stance/dev``.
        limit: score only the first ``limit`` bodies of the part (with all their headlines).
        part: ``"tune"``, ``"report"`` (see evaluate/splits.py) or None for every record; the
            part is selected before ``limit`` is applied.
        embed: texts → unit rows; defaults to ``compare.embeddings.embed`` (MiniLM).
        progress: called as ``progress(done, total)`` per chunk of bodies.
        baseline_train: records to train the baseline on instead of the tune part.

    Returns:
        ``{"systems": {"crosswire": metrics[, BASELINE: metrics]}, "part": part,
        "baseline": what it was trained on or why it did not run,
        "published": {"fnc1_baseline_on_train_holdout": 79.53}}``.

    Raises:
        ValueError: ``part`` is not a known part, or ``baseline_train`` shares bodies with the
            scored records.

    Example:
        >>> evaluate_stance(Path("../shared/eval/fnc1-stance/dev"), limit=5)["systems"]["crosswire"]["n"]
        137
    """
    dataset_dir = Path(dataset_dir)
    everything = read_records(dataset_dir)
    records = select(DATASET, everything, part)
    records = records[:limit] if limit is not None else records
    train_on, note = baseline_train, "trained on the pairs given as baseline_train"
    if train_on is None and part == REPORT:
        train_on, note = select(DATASET, everything, TUNE), f"trained on every pair of the tune part of {dataset_dir}"
    if train_on is not None and (shared := _bodies(train_on) & _bodies(records)):
        raise ValueError(f"the baseline would be scored on {len(shared)} bodies it was trained on")
    began = time.perf_counter()
    rows = predict_stances(records, embed or _default_embed(), progress)
    gold = [g for g, _, _ in rows]
    metrics = stance_metrics(gold, [p for _, p, _ in rows])
    metrics["seconds"] = round(time.perf_counter() - began, 1)
    metrics["bodies"] = len(records)
    result: dict[str, Any] = {"systems": {"crosswire": metrics}, "part": part,
                              "published": {"fnc1_baseline_on_train_holdout": PUBLISHED_FNC1_BASELINE_ON_TRAIN_HOLDOUT}}
    if train_on is None:
        scored = "the whole split, tune part included" if part is None else "the tune part itself"
        result["baseline"] = f"not run: part={part!r} scores {scored}, the baseline's training data"
        return result
    result["baseline"] = note
    result["systems"][BASELINE] = _score_baseline(train_on, records, gold)
    return result


def _bodies(records: Iterable[dict[str, Any]]) -> set[object]:
    """The records' body ids (their text where a record has no id), to keep training and scoring apart."""
    return {r.get("id", r["article_body"]) for r in records}


def _score_baseline(train_on: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]],
                    gold: Sequence[str]) -> dict[str, Any]:
    """Train the reimplemented FNC-1 baseline and score it on the records crosswire was scored on.

    Imported here: scikit-learn (a dependency of sentence-transformers) is only needed for this.
    """
    from crosswire.evaluate import fnc_baseline

    began = time.perf_counter()
    predicted = fnc_baseline.predict(fnc_baseline.train(train_on), records)
    if [g for _, _, g in fnc_baseline.pairs_of(records)] != list(gold):
        raise AssertionError("the baseline and crosswire were scored on different pairs")
    metrics = stance_metrics(gold, predicted)
    metrics["seconds"] = round(time.perf_counter() - began, 1)
    metrics["bodies"] = len(records)
    metrics["train_pairs"] = sum(len(r["pairs"]) for r in train_on)
    metrics["train_bodies"] = len(train_on)
    return metrics


def read_claim_pairs(path: Path) -> list[dict[str, str]]:
    """Self-written calibration pairs: ``{"id", "label", "kind", "a", "b"}`` per line."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score_claim_pairs(path: Path, *, embed: Embed | None = None) -> dict[str, Any]:
    """How often ``compare_claims`` gets a calibration pair's label, and its reason kind, right.

    Returns:
        ``{"label_accuracy", "kind_accuracy", "per_class", "n", "errors": [ids]}``; the
        cosines per gold label are included so thresholds can be re-read from them.
    """
    pairs = read_claim_pairs(path)
    embed = embed or _default_embed()
    va, vb = embed([p["a"] for p in pairs]), embed([p["b"] for p in pairs])
    cos = (np.asarray(va) * np.asarray(vb)).sum(axis=1)
    gold, pred, kinds_ok, errors = [], [], 0, []
    cosines: dict[str, list[float]] = {}
    for pair, c in zip(pairs, cos, strict=True):
        finding = compare_claims(analyse(pair["a"]), analyse(pair["b"]), float(c))
        label = finding.type if finding else "unrelated"
        kind = finding.kind if finding else "none"
        gold.append(pair["label"])
        pred.append(label)
        kinds_ok += label == pair["label"] and kind == pair["kind"]
        if label != pair["label"] or kind != pair["kind"]:
            errors.append(pair["id"])
        cosines.setdefault(pair["label"], []).append(round(float(c), 3))
    return {
        "label_accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(pairs),
        "kind_accuracy": kinds_ok / len(pairs),
        "per_class": class_f1(gold, pred, ("supports", "contradicts", "unrelated")),
        "n": len(pairs),
        "errors": errors,
        "cosines": {k: sorted(v) for k, v in cosines.items()},
    }


# --- hand-labelled relations of a whole story (tests/data/gold/story_relations.jsonl) -----


def _matches(claim: Claim, side: dict[str, str]) -> bool:
    sp = claim.speaker
    names = [x for x in ((sp.text, sp.canonical, sp.affiliation) if sp else ()) if x]
    if sp is not None and claim.co_speakers:  # "United States and NATO": the speakers of one coordination
        everyone = [sp, *claim.co_speakers]
        names += [" and ".join(x.text for x in everyone), " and ".join(x.canonical or x.text for x in everyone)]
    return any(re.search(side["speaker"], n, re.I) for n in names) and bool(re.search(side["says"], claim.text, re.I))


def score_story_relations(claims: Sequence[Claim], relations: Sequence[Relation],
                          labels: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Precision and recall of a story's relations on hand-labelled claim pairs.

    Each label names two claims by speaker and a short pattern of what they say, and
    says whether they ``contradicts``, ``supports`` or have no relation (``none``).
    Precision: of the labelled pairs the system related, the share with the right type;
    None when it related none of them (undefined, not perfect).
    Recall: of the labelled contradicts/supports pairs, the share found with that type. A
    label whose claims cannot be found is a miss: a run that extracts no claims has recall
    0, not 1. None only when no label expects a relation.

    Returns:
        ``{"precision", "recall", "related", "correct", "expected", "found",
        "unresolved": count, "unresolved_notes": [notes], "errors": [(note, gold, predicted)]}``;
        an unresolved contradicts/supports label is an error with predicted ``"unresolved"``.
    """
    by_pair = {frozenset(r.claims): r.type for r in relations}
    related = correct = expected = found = 0
    unresolved: list[str] = []
    errors: list[tuple[str, str, str]] = []
    for label in labels:
        expected += label["label"] != "none"
        xs = [c.id for c in claims if _matches(c, label["a"])]
        ys = [c.id for c in claims if _matches(c, label["b"])]
        if not xs or not ys:
            unresolved.append(label["note"])
            if label["label"] != "none":
                errors.append((label["note"], label["label"], "unresolved"))
            continue
        types = {by_pair[frozenset((x, y))] for x in xs for y in ys if frozenset((x, y)) in by_pair}
        predicted = "contradicts" if "contradicts" in types else next(iter(types), "none")
        if predicted != "none":
            related += 1
            correct += predicted == label["label"]
        found += label["label"] != "none" and predicted == label["label"]
        if predicted != label["label"]:
            errors.append((label["note"], label["label"], predicted))
    return {"precision": correct / related if related else None, "recall": found / expected if expected else None,
            "related": related, "correct": correct, "expected": expected, "found": found,
            "unresolved": len(unresolved), "unresolved_notes": unresolved, "errors": errors}


def read_story_labels(path: Path, story: str) -> list[dict[str, Any]]:
    """The labelled pairs of one labelled story (``"seed"`` or ``"examples"``)."""
    with Path(path).open(encoding="utf-8") as f:
        return [row for row in map(json.loads, filter(str.strip, f)) if row["story"] == story]
