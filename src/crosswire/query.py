"""Read-side queries over the store: the selections the CLI and (later) the API show."""

from __future__ import annotations

from .extract.places.countries import iso2_to_iso3
from .records import Claim, Event, Happening
from .store import Store


def filter_events(
    store: Store,
    *,
    type_: str | None = None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
    doc: str | None = None,
    mentions: bool = False,
) -> list[Happening] | list[Event]:
    """Happenings (or, with ``mentions``, every event mention) matching every given filter,
    in date order (undated last).

    ``country`` (ISO alpha-2 or alpha-3) matches the country of a place, the actor or the
    target: ``SY`` finds events placed in Syria, ``RUS`` also those Russia took part in.
    ``doc`` keeps a happening when any of its documents' ids starts with it.

    Example:
        >>> filter_events(store, type_="ASSAULT", country="SY")        # doctest: +SKIP
    """
    found: list = []
    for ev in store.events() if mentions else store.happenings():
        if type_ and ev.type.upper() != type_.upper():
            continue
        if doc and not any(d.startswith(doc) for d in _docs_of(ev)):
            continue
        if start and (ev.date is None or ev.date < start):
            continue
        if end and (ev.date is None or ev.date > end):
            continue
        if country and not _in_country(ev, country.upper()):
            continue
        found.append(ev)
    return sorted(found, key=lambda e: (e.date is None, e.date or "", e.doc, e.evidence.start))


def _docs_of(ev: Event | Happening) -> list[str]:
    return ev.docs if isinstance(ev, Happening) else [ev.doc]


def _in_country(ev: Event | Happening, code: str) -> bool:
    to_iso3 = iso2_to_iso3()
    iso3 = to_iso3.get(code, code) if len(code) == 2 else code
    in_places = any(to_iso3.get((p.country or "").upper()) == iso3 for p in ev.places)
    return in_places or any(p is not None and (p.country or "").upper() == iso3 for p in (ev.actor, ev.target))


def filter_claims(store: Store, *, speaker: str | None = None, doc: str | None = None) -> list[Claim]:
    """Claims whose speaker (words, canonical name or affiliation) contains ``speaker``.

    Example:
        >>> [c.cue for c in filter_claims(store, speaker="Lavrov")]      # doctest: +SKIP
    """
    needle = (speaker or "").lower()
    out = []
    for c in store.claims():
        if doc and not c.doc.startswith(doc):
            continue
        if needle:
            names = [n for sp in ([c.speaker, *c.co_speakers] if c.speaker else [])
                     for n in (sp.text, sp.canonical, sp.affiliation)]  # "NATO" finds "the US, NATO and ... said"
            if not any(needle in (n or "").lower() for n in names):
                continue
        out.append(c)
    return out
