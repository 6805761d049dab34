"""Whether two mentions may tell one happening: their kind and status, parties, places and days.

Each check answers True (the same), None (nothing to compare) or False (two different ones);
:mod:`crosswire.compare.happenings` groups mentions with them and joins the groups after.
"""

from __future__ import annotations

from datetime import date as Date

from ..extract.places.rules import haversine_km
from ..records import HAPPENED, Event, Party, Place
from .background import SPAN_DAYS
from .named_people import one_person

# Two towns this close are one strike's area ("around Talbiseh" and "over northern Homs"); ACLED's
# own place checks use the same radius.
NEAR_KM = 25.0
# A region-level place contains a town when its centroid is this near (a province's extent).
REGION_KM = 250.0


def kind_key(ev: Event) -> tuple[str, ...]:
    """What must be equal for two mentions to be one happening: kind and status."""
    status = "happened" if ev.modality in HAPPENED else ev.modality
    if ev.acled:
        return ("acled", ev.acled.get("event_type") or "", ev.acled.get("sub_event_type") or "", status)
    return ("plover", ev.type, ev.mode or "", status)


# Words that stand for a party already named ("its warplanes", "the jets", "they"): such a
# party conflicts with nobody. Any other unnamed party ("a coalition", "gunmen") is itself.
_STAND_INS = frozenset({
    "it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our", "this", "these", "those",
    "jets", "jet", "warplanes", "warplane", "planes", "aircraft", "bombers", "fighters", "helicopters",
    "drones", "force", "forces", "air", "pilots", "artillery", "troops",
    "same",  # "the same man", "same group": the party named before
})
_DETERMINERS = frozenset({"the", "a", "an", "some", "several", "many", "two", "three", "unidentified", "unknown"})


def party_key(party: Party | None) -> str | None:
    """A party's identity for matching, or None when the text stands in for a party named elsewhere."""
    if party is None:
        return None
    if party.entity:
        return "entity:" + party.entity
    if party.canonical:
        return "name:" + party.canonical.casefold()
    words = [w for w in (w.strip(".,'\"") for w in party.text.casefold().split()) if w not in _DETERMINERS]
    if not words or words[0] in _STAND_INS or words[-1] in _STAND_INS:
        return None
    return "text:" + " ".join(words)


def parties_fit(a: Party | None, b: Party | None) -> bool | None:
    """True: the same named party; None: nothing to compare; False: two different parties."""
    ka, kb = party_key(a), party_key(b)
    if ka is None or kb is None:
        return None
    assert a is not None and b is not None
    if ka == kb or (a.canonical and b.canonical and a.canonical.casefold() == b.canonical.casefold()) \
            or one_person(a, b):  # "Hiller" and "Yvonne Hiller": one person
        return True
    if a.country and b.country:
        return a.country == b.country
    if ka.startswith("text:") and kb.startswith("text:") and a.kind is not None and a.kind == b.kind:
        return None  # "police" and "two plainclothes officers": unnamed, of one kind, maybe the same
    return False


def place_of(ev: Event) -> Place | None:
    return ev.places[0] if ev.places else None


def places_fit(a: Place | None, b: Place | None) -> bool | None:
    if a is None or b is None:
        return None
    if a.country and b.country and a.country != b.country:
        return False
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if a.precision == "point" and b.precision == "point":
        return km <= NEAR_KM
    if "continent" in (a.precision, b.precision) or "country" in (a.precision, b.precision):
        return None if a.country and a.country == b.country else False
    return None if km <= REGION_KM else False


def dates_fit(a: Event, b: Event, *, lent_days_yield: bool = False) -> bool | None:
    """True: one day; None: nothing to compare; False: two days. With ``lent_days_yield`` (two
    mentions naming one victim) a day lent by a neighbouring sentence (``date_basis="context"``)
    is no evidence against another: a named person is killed once."""
    if not a.date or not b.date:
        return None
    if a.date == b.date:
        return True
    if lent_days_yield and "context" in (a.date_basis, b.date_basis):
        return None
    try:
        gap = abs((Date.fromisoformat(a.date) - Date.fromisoformat(b.date)).days)
    except ValueError:
        return False
    span = max(SPAN_DAYS.get(a.date_precision or "", 0), SPAN_DAYS.get(b.date_precision or "", 0))
    return None if gap < span else False


def checks(a: Event, b: Event, *, lent_days_yield: bool) -> tuple[bool | None, bool | None, bool | None]:
    """Day, place and actor of two mentions: True the same, None nothing to compare, False two."""
    return (dates_fit(a, b, lent_days_yield=lent_days_yield), places_fit(place_of(a), place_of(b)),
            parties_fit(a.actor, b.actor))
