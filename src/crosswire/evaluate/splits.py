"""Fixed tune/report halves of each dev split, so no figure is reported on the data it was tuned on.

Every evaluation dataset in ``../shared/eval`` ships one visible split (dev). crosswire's
constants may be calibrated on a fixed *tune* part of it; the figure in the results table is
then read on the other, *report* part. Records that must stay together (an ECB+ topic's two
stories, an FNC-1 claim's bodies, a CAMEO story's sentences) share a part through their
group key. The assignment is a salted hash: stable across runs, machines and record order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

TUNE, REPORT = "tune", "report"
PARTS = (TUNE, REPORT)
# Changing the salt reshuffles every dataset: figures tuned under one salt are no longer
# separated from their report part under another, so it is fixed for good.
SALT = "crosswire-parts-v1"

# The record field that keeps related records together, per dataset; the record id otherwise.
GROUP_FIELD: dict[str, str] = {
    "ecbplus": "topic",
    "fnc1-stance": "claim_group",
    "petrarch-cameo": "doc_key",
}

R = TypeVar("R", bound=Mapping[str, Any])


def part_of(dataset: str, key: object) -> str:
    """The part (``"tune"`` or ``"report"``) a record's group key belongs to in a dataset.

    Example:
        >>> part_of("ecbplus", 1) in PARTS
        True
        >>> part_of("ecbplus", 1) == part_of("ecbplus", "1")
        True
    """
    digest = hashlib.sha256(f"{SALT}:{dataset}:{key}".encode()).digest()
    return TUNE if digest[0] % 2 == 0 else REPORT


def group_key(dataset: str, record: Mapping[str, Any]) -> object:
    """The key a record is assigned by: its group field where the dataset has one, else its id."""
    return record[GROUP_FIELD.get(dataset, "id")]


def select(dataset: str, records: Iterable[R], part: str | None) -> list[R]:
    """The records of one part (all of them when ``part`` is None), in their original order.

    Raises:
        ValueError: ``part`` is neither None nor one of :data:`PARTS`.
    """
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, not {part!r}")
    return [r for r in records if part is None or part_of(dataset, group_key(dataset, r)) == part]


def selector(dataset: str, part: str | None) -> Callable[[Iterable[R]], list[R]]:
    """:func:`select` with its dataset and part bound, for readers that filter as they load."""
    return lambda records: select(dataset, records, part)
