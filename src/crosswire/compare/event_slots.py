"""Two claims' events compared slot by slot: whether they tell one happening, and where they differ.

Two events of one type are one happening when actor (same country), place (near or one within the
other) and day do not disagree and at least two agree; then the third slot differing, or two tolls
that cannot both hold, is a who/where/when/number contradiction between the claims that tell them.
"""

from __future__ import annotations

from crosswire.compare.stance import actor_country, places_apart
from crosswire.records import Event, Fatalities, Party


def _party_name(party: Party | None) -> str | None:
    return (party.canonical or party.text) if party else None


def _toll(f: Fatalities) -> str:
    return f"{f.low}" if f.low == f.high else f"{f.low}-{f.high}"


def _actor_country(party: Party | None) -> str | None:
    if party is None:
        return None
    return party.country or actor_country(party.canonical or party.text)


def dates_agree(ea: Event, eb: Event) -> bool | None:
    """True/False when both events' sentences state day dates, None when either is vague,
    missing or taken from context (a context date is a reading, not the source's word)."""
    if ea.date and eb.date and ea.date_precision == eb.date_precision == "day" and "context" not in {
            ea.date_basis, eb.date_basis}:
        return ea.date == eb.date
    return None


def _places_agree(ea: Event, eb: Event) -> bool | None:
    if not ea.places or not eb.places:
        return None
    return any(not places_apart(p, q) for p in ea.places for q in eb.places)


def _actors_agree(ea: Event, eb: Event) -> bool | None:
    ca, cb = _actor_country(ea.actor), _actor_country(eb.actor)
    return None if not (ca and cb) else ca == cb


def event_mismatch(ea: Event | None, eb: Event | None) -> tuple[str, str] | None:
    """who/where/when/number differences between two reports of one event.

    Two events of one type are one event when the other two of actor (same country),
    place (within SAME_PLACE_KM or containment) and day agree; then the third slot
    differing is a contradiction. Planned or hypothetical events are not compared.
    """
    if ea is None or eb is None or ea.id == eb.id or ea.type != eb.type:
        return None
    if {ea.modality, eb.modality} & {"planned", "hypothetical"}:
        return None
    who, where, when = _actors_agree(ea, eb), _places_agree(ea, eb), dates_agree(ea, eb)
    if who is False and where and when:
        return "who", f"{_party_name(ea.actor)} vs {_party_name(eb.actor)}"
    if where is False and who and when:
        return "where", f"{ea.places[0].name} vs {eb.places[0].name}"
    if when is False and who and where:
        return "when", f"{ea.date} vs {eb.date}"
    fa, fb = ea.fatalities, eb.fatalities
    same = sum(x is True for x in (who, where, when)) >= 2
    if same and fa and fb and fa.victims == fb.victims and (fa.high < fb.low or fb.high < fa.low):
        what = f"{fa.victims} killed" if fa.victims else "killed"
        return "number", f"{_toll(fa)} vs {_toll(fb)} ({what})"
    return None


def same_event(ea: Event | None, eb: Event | None) -> bool:
    """One event id, or one type with actors, places and days that nowhere disagree and
    agree on at least two of the three."""
    if ea is None or eb is None:
        return False
    if ea.id == eb.id:
        return True
    if ea.type != eb.type or {ea.modality, eb.modality} & {"planned", "hypothetical"}:
        return False
    slots = (_actors_agree(ea, eb), _places_agree(ea, eb), dates_agree(ea, eb))
    return False not in slots and sum(x is True for x in slots) >= 2
