""""The capital": a report's unnamed capital city, placed where the gazetteer has it.

News names a capital by its country far more than by its name once the country is known: "in
the Afghan capital", "taken to a court in the capital", "the country's capital". A coder places
such an event in that city; a gazetteer lookup of the words finds nothing. So "the <demonym>
capital" is the capital of that demonym's country, and a bare "the capital" (or "the country's
capital") the capital of the country the report's places lie in, when one country has most of
them. "The capital of X" names X's capital by name elsewhere and is left to the resolver.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from crosswire.extract.places.gazetteer import Gazetteer, load_gazetteer
from crosswire.records import Place

_CAPITAL = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?P<adj>[A-Z][\w'\u2019-]+)\s+|(?:country|nation)['\u2019]s\s+)?capital"
    r"(?:\s+city)?\b(?!\s+(?:of|punishment|gains?|markets?|expenditure|investment|flight|ships?)\b|-)")
# A country must hold at least this share of a report's resolved places for "the capital" to be its.
FOCUS_SHARE = 0.5


def _capital_row(gaz: Gazetteer, country: str) -> int | None:
    rows = [r for r in gaz.capitals if str(gaz.country[r]) == country]
    return max(rows, key=lambda r: int(gaz.population[r])) if rows else None


def _focus_country(places: Sequence[Place]) -> str | None:
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n / sum(counts.values()) >= FOCUS_SHARE else None


def capital_places(text: str, places: Sequence[Place], gazetteer: Gazetteer | None = None) -> list[Place]:
    """Places for the unnamed capitals of ``text`` (offsets into it), beside its resolved ``places``.

    Example:
        >>> [p.name for p in capital_places("Gunmen attacked a hotel in the Afghan capital.", [])]
        ['Kabul']
    """
    from crosswire.extract.events.parties import country_of  # the demonym table lives with parties
    from crosswire.extract.places.countries import iso2_to_iso3

    gaz = gazetteer or load_gazetteer()
    iso2_of = {v: k for k, v in iso2_to_iso3().items()}
    taken = [(p.start, p.end) for p in places if p.start is not None and p.end is not None]
    out = []
    for m in _CAPITAL.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m["adj"]:
            iso3 = country_of(m["adj"])
            country = iso2_of.get(iso3 or "")
        else:
            country = _focus_country(places)
        row = _capital_row(gaz, country) if country else None
        if row is None:
            continue
        c = gaz.candidate(row)
        out.append(Place(text=m.group(0), name=c.name, lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country,
                         geonames_id=c.geonames_id, precision="point", population=c.population,
                         start=m.start(), end=m.end()))
    return out
