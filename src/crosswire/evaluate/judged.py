"""Blind judges' field-by-field verdicts on happenings, summarised: what a user reading them gets.

A verdict file (results/judged/<name>.tsv) has one row per judged happening: ``event`` (is it a
real event of roughly that kind), then ``status``, ``actor``, ``target``, ``place``, ``date``,
``fatalities`` and ``merge`` (are all its mentions the same event), each CORRECT, WRONG, UNSURE
or NA (not asked: the record is no event), and ``same_as`` (other records of the same event:
the happening was split). Its ``.recall.tsv`` lists the events a labeller found before any
output existed, with the records the judge matched to each.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crosswire.records import HAPPENED  # the modalities the ACLED export writes

FIELDS = ("status", "actor", "target", "place", "date", "fatalities", "merge")
LABELLED_HAPPENED = ("happened",)  # the labeller's status for an event that took place


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def precision(rows: Sequence[Mapping[str, str]], field: str) -> tuple[int, int, int]:
    """(correct, wrong, unsure) for one field over the rows that were asked about it."""
    values = [r.get(field, "") for r in rows]
    return values.count("CORRECT"), values.count("WRONG"), values.count("UNSURE")


def summarise(verdicts: Sequence[Mapping[str, str]], labels: Sequence[Mapping[str, str]]) -> dict[str, Any]:
    """Event precision, per-field precision over real events, splits, and recall of labelled events.

    Recall counts labels the labeller marked as having happened; a label is found when the
    judge matched a record to it. ``split`` is the share of real-event records that the judge
    said repeat another record (one event, several rows).

    Example:
        >>> v = [{"record": "a", "event": "CORRECT", "place": "WRONG", "same_as": ""},
        ...      {"record": "b", "event": "WRONG", "place": "NA", "same_as": ""}]
        >>> s = summarise(v, [{"status": "happened", "records": "a"}, {"status": "happened", "records": ""}])
        >>> s["event"], s["fields"]["place"], s["recall"]
        ((1, 1, 0), (0, 1, 0), (1, 2))
    """
    real = [r for r in verdicts if r.get("event") == "CORRECT"]
    exported = [r for r in verdicts if r.get("modality") in HAPPENED]
    happened = [lab for lab in labels if lab.get("status") in LABELLED_HAPPENED]
    return {
        "records": len(verdicts),
        "event": precision(verdicts, "event"),
        # what the ACLED export writes: records told as having happened
        "exported_event": precision(exported, "event"),
        "fields": {f: precision(real, f) for f in FIELDS},
        "split": (sum(1 for r in real if r.get("same_as")), len(real)),
        "recall": (sum(1 for lab in happened if lab.get("records")), len(happened)),
    }


def ratio(counts: Sequence[int]) -> float | None:
    right, wrong = counts[0], counts[1]
    return right / (right + wrong) if right + wrong else None
