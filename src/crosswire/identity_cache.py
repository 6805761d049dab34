"""Results built once per object and found again by the object's identity.

The lexicons (trigger ontology, cue lexicon) are frozen dataclasses holding hundreds of entries:
hashing one for an ``lru_cache`` lookup walks every entry, which on every sentence cost more than
the lookups the cache saved. Identity is free; the object is kept beside its result, so its id
cannot be reused by another object while the result lives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def by_identity(build: Callable[..., R]) -> Callable[..., R]:
    """``build(*objects)`` computed once per combination of objects, compared by identity.

    Example:
        >>> calls = []
        >>> @by_identity
        ... def size(items):
        ...     calls.append(1)
        ...     return len(items)
        >>> words = ["a", "b"]
        >>> size(words), size(words), size(["a", "b"]), len(calls)
        (2, 2, 2, 2)
    """
    kept: dict[tuple[int, ...], tuple[tuple[Any, ...], R]] = {}

    @functools.wraps(build)
    def get(*objects: Any) -> R:
        key = tuple(id(o) for o in objects)
        hit = kept.get(key)
        if hit is None or any(a is not b for a, b in zip(hit[0], objects)):
            hit = kept[key] = (objects, build(*objects))
        return hit[1]

    return get
