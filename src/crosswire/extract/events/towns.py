"""One event per town: a sentence that tells one act in several towns tells several events.

"Mobs hurled rocks at police in one Nairobi slum and the western town of Kisumu"; "roads in
Nabatieh, Jbeil and Dahr al-Baidar were blocked"; "troops fired tear gas in Caracas and in the
border city of San Cristobal". ACLED codes an event per place and day, and a coder of real pages
listed each town as a happening of its own, where crosswire had one event placed at the first.

A sentence's event is copied once per town when its towns are a list: consecutive town
mentions joined by a comma, "and" or "or" (with "in", "the town of" and the like between), not
a route or a span ("between X and Y", "from X to Y"). The first town keeps the sentence's toll: a
count given for all towns together is no count of each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from crosswire.extract.events.retellings import retells
from crosswire.extract.events.tallies import running_toll
from crosswire.records import Event, Place, short_id

# What may stand between two towns of one list: "X, Y and Z", "X slum and the western town of Y",
# "X neighborhoods and in the border city of Y", "X or Y".
_LIST_GAP = re.compile(
    r"(?:\s+[a-z-]+)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:in\s+|at\s+|near\s+)?(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}(?:(?:town|city|village|district|suburb|neighbou?rhood|area|province|region)s?\s+of\s+)?$")
# Words before the first town that make the list a route or a span, not several scenes.
_SPAN_BEFORE = re.compile(r"\b(?:between|from|linking|connecting|road|highway|route|way)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                          re.I)


def _listed_towns(ev: Event) -> list[Place]:
    """The event's towns that its sentence lists together, in text order (none unless two or more)."""
    towns = sorted((p for p in ev.places if p.precision == "point" and p.start is not None and p.end is not None),
                   key=lambda p: p.start or 0)
    text, base = ev.evidence.text, ev.evidence.start
    listed: list[Place] = []
    joined = False  # a list ends with "and" or "or": "Kafr Nabl, Idlib" names a town and its province
    for place in towns:
        if not listed:
            listed = [place]
            continue
        gap = text[(listed[-1].end or 0) - base:(place.start or 0) - base]
        if _LIST_GAP.fullmatch(gap) and place.geonames_id != listed[-1].geonames_id:
            listed.append(place)
            joined = joined or re.search(r"\b(?:and|or)\b", gap) is not None
        elif len(listed) < 2:
            listed = [place]
        else:
            break
    if len(listed) < 2 or not joined or _SPAN_BEFORE.search(text[:(listed[0].start or 0) - base]):
        return []
    return listed


def one_event_per_town(events: Sequence[Event]) -> list[Event]:
    """The document's events, each whose sentence lists several towns copied once per town; not a
    retelling ("blamed the attack on the insurgents of Pattani, Yala and Narathiwat" tells one
    attack) nor a running count (it adds up many places already)."""
    out: list[Event] = []
    for ev in events:
        towns = [] if retells(ev) or running_toll(ev) else _listed_towns(ev)
        if not towns:
            out.append(ev)
            continue
        wider = [p for p in ev.places if p.precision != "point"]
        for n, town in enumerate(towns):
            out.append(replace(ev, id=ev.id if n == 0 else short_id(ev.id, "town", str(town.start)),
                               places=[town, *wider], fatalities=ev.fatalities if n == 0 else None))
    return out
