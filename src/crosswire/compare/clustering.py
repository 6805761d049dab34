"""Average-link clustering of documents into stories, joining the stories already stored.

Every document starts alone (an existing story starts as its members), and the two groups
whose mean pairwise similarity is highest merge while that mean is at least the threshold.
The sums are kept group by group and updated in place, so a store of n documents costs a few
n-by-n float32 blocks and one row update per merge, not a full recomputation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..records import Story

if TYPE_CHECKING:
    from .stories import StoryInput


def average_link(
    units: Sequence[StoryInput],
    sim: np.ndarray,
    same: np.ndarray | None,
    story_of_member: Mapping[str, str],
    existing: Sequence[Story],
    threshold: float,
    *,
    overwrite_sim: bool = False,
) -> list[tuple[list[int], str | None]]:
    """Average-link merging; returns (member indexes, existing story id or None) per group.

    Two groups are compared on their same-language pairs when they have any (``same``), so
    a French report that joined one English story never pulls a second English story in:
    only a group with no pair in one language is judged on its cross-language names.
    ``same`` None means every pair is in one language: the same merges, without two more
    n-by-n blocks. With ``overwrite_sim`` the sums may be kept in ``sim`` itself, whose values
    are then lost: one n-by-n block fewer again.
    """
    start: dict[str, list[int]] = defaultdict(list)
    singles: list[list[int]] = []
    for i, d in enumerate(units):
        if d.id in story_of_member:
            start[story_of_member[d.id]].append(i)
        else:
            singles.append([i])
    order = [s.id for s in existing if s.id in start]
    members: list[list[int]] = [start[sid] for sid in order] + singles
    owner: list[str | None] = list(order) + [None] * len(singles)
    k = len(members)
    if k == 0:
        return []
    # Sums of pairwise similarity between groups: merging adds rows (Lance-Williams for
    # average link), and sum / (size_i * size_j) is the average link at any time. float32 and
    # updated in place, row by row: a store of n documents holds a few n-by-n blocks, not dozens.
    label = np.empty(len(units), dtype=np.intp)
    for g, m in enumerate(members):
        label[m] = g
    total_same = pairs_same = None  # every pair in one language: the plain sums say it all
    if same is not None:
        total_same, pairs_same = _group_sums(sim * same, label, k), _group_sums(same, label, k)
    total = _group_sums(sim, label, k, in_place=overwrite_sim)
    del sim  # it may be ``total`` now
    size = np.array([len(m) for m in members], dtype=np.float32)
    fixed = np.array([o is not None for o in owner], dtype=bool)
    avg = np.empty((k, k), dtype=np.float32)
    for row in range(k):
        avg[row] = _average_link(row, total, total_same, pairs_same, size, fixed)
    while True:
        a, b = np.unravel_index(int(np.argmax(avg)), avg.shape)
        if avg[a, b] < threshold:
            break
        if owner[b] is not None:  # keep the existing story's slot as the survivor
            a, b = b, a
        members[a].extend(members[b])
        for sums in (total, total_same, pairs_same):
            if sums is None:
                continue
            sums[a, :] += sums[b, :]
            sums[:, a] += sums[:, b]
        size[a] += size[b]
        fixed[a] = fixed[a] or fixed[b]
        avg[b, :] = avg[:, b] = -1.0  # b is gone
        size[b] = 0.0
        avg[a, :] = avg[:, a] = _average_link(a, total, total_same, pairs_same, size, fixed)
    return [(sorted(members[i]), owner[i]) for i in range(k) if size[i] > 0]


def _group_sums(matrix: np.ndarray, label: np.ndarray, k: int, *, in_place: bool = False) -> np.ndarray:
    """Sums of ``matrix`` over the row groups and column groups given by ``label`` (k groups);
    ``matrix`` itself when every unit is its own group and ``in_place`` allows it."""
    if k == len(label) and np.array_equal(label, np.arange(k)):
        # Every unit its own group: nothing to add up.
        return matrix if in_place and matrix.dtype == np.float32 else np.array(matrix, dtype=np.float32)
    rows = np.zeros((k, matrix.shape[1]), dtype=np.float32)
    np.add.at(rows, label, matrix)
    out = np.zeros((k, k), dtype=np.float32)
    np.add.at(out.T, label, rows.T)
    return out


def mean_link(total: np.ndarray, total_same: np.ndarray | None, pairs_same: np.ndarray | None,
              pairs: np.ndarray) -> np.ndarray:
    """Average link from summed similarities: over same-language pairs when there are any, else
    over all ``pairs`` (stories._within_reach relies on this being the clustering's own rule).
    ``pairs_same`` None: every pair is in one language."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if total_same is None or pairs_same is None:
            return total / pairs
        return np.where(pairs_same > 0, total_same / np.maximum(pairs_same, 1.0), total / pairs)


def _average_link(row: int, total: np.ndarray, total_same: np.ndarray | None, pairs_same: np.ndarray | None,
                  size: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """One group's average link to every group: over same-language pairs when there are any,
    -1 towards itself, gone groups (size 0) and, between two existing stories, never."""
    mixed = total_same is not None and pairs_same is not None
    out = mean_link(total[row], total_same[row] if mixed else None, pairs_same[row] if mixed else None,
                    size[row] * size).astype(np.float32)
    out[(size == 0) | (fixed & fixed[row])] = -1.0
    out[row] = -1.0
    return out
