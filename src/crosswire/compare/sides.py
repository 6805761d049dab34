"""The side a claim speaks for: a country for state speakers, else the organisation."""

from __future__ import annotations

from ..extract.aliases import load_aliases
from ..extract.countries import name_by_iso3
from ..records import Claim

# Speakers who act for a state (a ministry, the army, a head of state) speak for its side;
# a party, armed group, IGO or news agency is a side of its own.
STATE_KINDS = frozenset({"state", "government", "military"})


def side_of(claim: Claim) -> str:
    """The side a claim speaks for: a country for state speakers, else the organisation.

    Example:
        >>> from crosswire.records import Evidence, Speaker
        >>> side_of(Claim("c", "d", Speaker("Lavrov", "Sergey Lavrov", None, "Russian Foreign Ministry"),
        ...     [], "x", False, "said", None, Evidence(0, 1, "x")))
        'Russia'
    """
    sp = claim.speaker
    if sp is None:
        return "unattributed"
    aliases = load_aliases()
    for name in (sp.affiliation, sp.canonical, sp.text):
        if not name:
            continue
        entry = aliases.lookup(name)
        if entry is None:
            continue
        if entry.kind in STATE_KINDS and entry.country:
            return name_by_iso3().get(entry.country, entry.country)
        if entry.kind != "person":
            return entry.canonical
    return sp.affiliation or sp.canonical or sp.text


