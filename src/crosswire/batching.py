"""Runs of items cut by count and by a budget of their weights: chunks of a run's inputs,
spaCy batches bounded by characters, story batches bounded by member documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def runs(items: Iterable[T], size: int | None = None, *, weight: Callable[[T], int] | None = None,
         budget: int | None = None) -> Iterator[list[T]]:
    """``items`` in order, in lists of at most ``size`` items whose weights add up to at most
    ``budget``; an item heavier than the budget alone makes a list. A full list is given as soon
    as it is full, before the next item is read (a stream is never read ahead).

    Example:
        >>> list(runs("abcde", 2))
        [['a', 'b'], ['c', 'd'], ['e']]
        >>> list(runs(["ab", "cd", "efg"], weight=len, budget=4))
        [['ab', 'cd'], ['efg']]
    """
    batch: list[T] = []
    held = 0
    for item in items:
        heft = weight(item) if weight is not None else 0
        if batch and budget is not None and held + heft > budget:
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += heft
        if size is not None and len(batch) >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch
