"""One happening told as several kinds within one report.

A report tells one air strike as "Israeli airstrikes hit the hospital", "explosions damaged the
second floor" and "the third floor was destroyed": three ACLED sub-types (air strike, remote
explosive, property destruction) for one strike. A raid is told as "gunmen attacked the
village" and "the clashes lasted an hour"; a protest as "thousands marched" and "police fired
tear gas at the crowd". ACLED codes each once, under its most telling sub-type. Mentions are
first grouped by exact kind (:mod:`crosswire.compare.happenings`); then, within one document
only, groups of kinds that can tell one happening join when nothing sets them apart (day, place,
actor and victims compatible) and something ties them (one day, and one place or one named actor).
Across documents kinds stay apart: two outlets' different kinds are what a story compares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..records import Event

# Sub-types that tell one happening, by family; within a family the lower rank names the
# happening better (an air strike says more than "explosions"; excessive force more than a march).
_FAMILY_RANK: dict[str, tuple[str, int]] = {
    "Air/drone strike": ("remote", 0),
    "Suicide bomb": ("remote", 0),
    "Shelling/artillery/missile attack": ("remote", 1),
    # a grenade and a planted bomb name the weapon as well: the one most mentions give wins
    # ("police initially said a grenade was thrown" beside three mentions of a roadside bomb)
    "Grenade": ("remote", 2),
    "Remote explosive/landmine/IED": ("remote", 2),
    "Armed clash": ("fight", 0),
    "Attack": ("fight", 0),
    "Excessive force against protesters": ("crowd", 0),
    "Violent demonstration": ("crowd", 1),
    "Mob violence": ("crowd", 2),
    "Protest with intervention": ("crowd", 3),
    "Peaceful protest": ("crowd", 4),
}
DESTRUCTION = "Looting/property destruction"
# Damage nobody is named as doing ("the third floor was destroyed") in a report of strikes or
# fighting is what the strike or fight did, not looting.
_DAMAGE_JOINS = frozenset({"remote", "fight"})
_LAST = 9
# ACLED keeps "excessive force" for force that kills or maims; batons that break up a sit-in
# are an intervention. Without a death among its mentions the happening is coded so.
_EXCESSIVE, _INTERVENTION = "Excessive force against protesters", "Protest with intervention"


def sub_type(ev: Event) -> str | None:
    return (ev.acled or {}).get("sub_event_type") or None


def _family(members: Sequence[Event]) -> str | None:
    families = {_FAMILY_RANK.get(sub_type(ev) or "", (None, 0))[0] for ev in members}
    return families.pop() if len(families) == 1 else None


def _is_anonymous_damage(members: Sequence[Event]) -> bool:
    return all(sub_type(ev) == DESTRUCTION and ev.actor is None for ev in members)


def may_tell_one(a: Sequence[Event], b: Sequence[Event]) -> bool:
    """Whether two groups of mentions, each of one kind, may be one happening told as two kinds:
    the same family of sub-types, or damage with no doer beside a strike or a fight."""
    fa, fb = _family(a), _family(b)
    if fa is not None and fa == fb:
        return True
    return (_is_anonymous_damage(a) and fb in _DAMAGE_JOINS) or (_is_anonymous_damage(b) and fa in _DAMAGE_JOINS)


def blasts(members: Sequence[Event]) -> bool:
    """Whether mentions are all of the explosions family (strikes, shelling, bombs, IEDs)."""
    return _family(members) == "remote"


def leading_acled(members: Sequence[Event]) -> dict[str, str] | None:
    """The ACLED coding of a happening from its mentions' codings: the best-ranked sub-type of
    its family; between equals (an attack and a clash), the one most mentions give, then the
    first told."""
    coded = [ev for ev in members if ev.acled]
    if not coded:
        return None
    counts = Counter(sub_type(ev) for ev in coded)
    deadly = any(ev.fatalities is not None and ev.fatalities.low > 0 for ev in members)

    weapon_told = any(_FAMILY_RANK.get(sub or "", ("", 0))[0] == "remote" for sub in counts)

    def rank(sub: str) -> tuple[int, int]:
        if sub == _EXCESSIVE and not deadly and _INTERVENTION in counts:
            return (_LAST, 0)
        if sub == "Attack" and weapon_told:
            return (_LAST - 1, 0)  # "the attack" of a report that names the bomb is the bombing
        return (_FAMILY_RANK.get(sub, ("", _LAST))[1], -counts[sub])  # damage and kinds of no family last

    best = min(counts, key=lambda sub: rank(sub or ""))  # counts keep first-told order among equals
    return next(ev.acled for ev in coded if sub_type(ev) == best)
