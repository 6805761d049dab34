"""Camps: sides that stand together in a story, read from how they relate to the other sides.

A contradiction between two critics of one government is almost always a misreading: two
voices that both dispute Moscow's account ("hit only ISIL") and both agree with each other
elsewhere do not contradict each other on the same point with a bare polarity. Sides are
countries and organisations (``compare.sides``); two sides are allies when, towards the other
sides of the story, they stand the same way (both contradict a third, or both support it)
consistently: towards every third side both relate to, and at least ALLY_MIN_SHARED of them.

Nothing here is about Russia or Syria: camps come from the relations of each story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from crosswire.records import Relation

# Third sides two sides must stand the same way towards to be allies. One shared opponent
# may be chance (two reporters each quoting a rebuttal); two, with no third they split on,
# are a pattern.
ALLY_MIN_SHARED = 2


def side_edges(relations: Iterable[Relation], side: Mapping[str, str]) -> dict[tuple[str, str], int]:
    """Net stance between pairs of sides: +1 per independent support, -1 per contradiction."""
    net: dict[tuple[str, str], int] = defaultdict(int)
    for rel in relations:
        a, b = (side.get(c) for c in rel.claims)
        if a is None or b is None or a == b:
            continue
        if rel.type == "supports" and rel.independent is False:
            continue  # a relay says nothing about who agrees with whom
        sign = 1 if rel.type == "supports" else -1
        net[(a, b)] += sign
        net[(b, a)] += sign
    return dict(net)


def allies(edges: Mapping[tuple[str, str], int]) -> set[frozenset[str]]:
    """Pairs of sides that stand the same way towards every third side both relate to, and
    towards at least ALLY_MIN_SHARED of them. Two belligerents who each dispute the monitors
    still split over someone (one side's ally), so they never become allies."""
    towards: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), weight in edges.items():
        if weight:
            towards[a][b] = 1 if weight > 0 else -1
    out: set[frozenset[str]] = set()
    sides = sorted(towards)
    for i, a in enumerate(sides):
        for b in sides[i + 1:]:
            third = (set(towards[a]) & set(towards[b])) - {a, b}
            same = [c for c in third if towards[a][c] == towards[b][c]]
            if len(same) >= ALLY_MIN_SHARED and len(same) == len(third):
                out.add(frozenset((a, b)))
    return out


# Net contradictions between two sides that make them opponents of the story.
OPPONENTS_MIN_NET = 2


def opponents(edges: Mapping[tuple[str, str], int]) -> set[frozenset[str]]:
    """Pairs of sides with OPPONENTS_MIN_NET more contradictions than supports between them."""
    return {frozenset(pair) for pair, weight in edges.items() if weight <= -OPPONENTS_MIN_NET}
