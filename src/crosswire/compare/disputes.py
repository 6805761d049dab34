"""Disputes: the contradictions of a story grouped by the question they answer.

One disagreement is told by many pairs of claims: Moscow's ministry, its foreign minister
and a state agency each say the strikes hit only one group, three critics each say they did
not, and every pair of them is a contradiction. An analyst wants that as one dispute with
two sides, not nine rows. Two contradictions are one dispute when they disagree on the same
slot (a name, a lexicon term, a count; ``Finding.terms``) and share a side or a claim.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from crosswire.records import Relation, short_id


def _find(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def assign_disputes(story_id: str, relations: Sequence[Relation], terms: Mapping[str, frozenset[str]],
                    side: Mapping[str, str]) -> list[Relation]:
    """The relations with each contradiction's ``dispute`` id set (supports keep "").

    Args:
        story_id: the story (part of each dispute id).
        relations: the story's relations.
        terms: relation id -> the keys of its disputed slot.
        side: claim id -> the side (or speaker) it speaks for.

    A dispute's id is made from its most confident relation, so it is stable across runs.

    Example:
        >>> r = lambda i, a, b: Relation(i, "s", "contradicts", [a, b], "", "", confidence=0.6)
        >>> out = assign_disputes("s", [r("r1", "a", "b"), r("r2", "a", "c"), r("r3", "d", "e")],
        ...                       {"r1": frozenset({"@isil"}), "r2": frozenset({"@isil"}), "r3": frozenset({"#dead"})},
        ...                       {"a": "Russia", "b": "NATO", "c": "Turkey", "d": "Russia", "e": "NATO"})
        >>> out[0].dispute == out[1].dispute != out[2].dispute
        True
    """
    contra = [i for i, r in enumerate(relations) if r.type == "contradicts"]
    parent = {i: i for i in contra}
    by_slot: dict[tuple[str, str], int] = {}
    for i in contra:
        rel = relations[i]
        # A side is joined through its claims' sides, and through the claims themselves (a claim
        # contradicted by two others is one position in one dispute).
        anchors = {side.get(c) or c for c in rel.claims} | set(rel.claims)
        for term in terms.get(rel.id, frozenset()) or {f"#{rel.id}"}:
            for anchor in anchors:
                j = by_slot.setdefault((term, anchor), i)
                parent[_find(parent, j)] = _find(parent, i)
    groups: dict[int, list[int]] = {}
    for i in contra:
        groups.setdefault(_find(parent, i), []).append(i)
    dispute_of: dict[int, str] = {}
    for members in groups.values():
        head = min(members, key=lambda i: (-relations[i].confidence, -relations[i].score, relations[i].id))
        did = short_id(story_id, "dispute", relations[head].id)
        dispute_of.update({i: did for i in members})
    return [dataclasses.replace(r, dispute=dispute_of[i]) if i in dispute_of else r for i, r in enumerate(relations)]
