"""The admin units a report names around a toponym, and a place at the smallest of them.

Conflict reports name villages no gazetteer holds, and say where they lie: "the Kafr Sajna
village of Maarat al-Numan district, Idlib province", "Kafr Sajna (Maarat al-Numan
district, Idlib)". When the village itself cannot be placed (no reading, or none inside
the units named), it is placed at the smallest unit that can be, with that unit's precision
(admin2 for a district, admin1 for a province), as ACLED codes such events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.extract.places.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    Candidate,
    Gazetteer,
)
from crosswire.extract.places.toponyms import (
    _CONN,
    _WORD,
    HIERARCHY,
    STRONG_BEFORE,
    context_hits,
    fits_context,
    hierarchy_after,
    name_runs,
)

if TYPE_CHECKING:
    from collections.abc import Callable

# Unit words → the precision of a place known only to lie in such a unit.
LOCALITY_WORDS = ("village", "town", "area", "locality", "neighbourhood", "neighborhood",
                  "hamlet", "settlement", "camp", "suburb", "quarter")
ADMIN2_WORDS = ("district", "sub-district", "subdistrict", "county", "lga", "municipality",
                "commune", "zone", "tehsil", "upazila", "woreda", "nahiya", "sub-county")
ADMIN1_WORDS = ("province", "governorate", "state", "region", "oblast", "department",
                "prefecture", "division")
UNIT_PRECISION = {**dict.fromkeys(ADMIN2_WORDS, "admin2"), **dict.fromkeys(ADMIN1_WORDS, "admin1")}
_UNITS = "|".join(sorted((*LOCALITY_WORDS, *ADMIN2_WORDS, *ADMIN1_WORDS), key=len, reverse=True))
_NAME = rf"{_WORD}(?:\s(?:(?:{_CONN})\s)?{_WORD}){{0,4}}"
OWN_UNIT = re.compile(rf"\s+(?i:{_UNITS})\b")
_ADMIN = "|".join(sorted((*ADMIN2_WORDS, *ADMIN1_WORDS), key=len, reverse=True))
STEP = re.compile(
    rf"(?:\s*,\s*|\s+(?:of|in)\s+)(?:the\s+)?(?:(?P<pre>(?i:{_ADMIN}))\s+of\s+(?:the\s+)?)?"
    rf"(?P<name>{_NAME})(?:\s+(?P<post>(?i:{_ADMIN}))\b)?")
MAX_STEPS = 3


@dataclass(frozen=True, slots=True)
class Units:
    """The unit names after a toponym, smallest first, each with its unit word ("" if none)."""

    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    explicit: bool = False  # an outright hierarchy (brackets or unit words), not a comma list


def _split_unit(name: str) -> tuple[str, str]:
    """"Idlib Province" → ("Idlib", "province"); a name without a unit word is returned whole."""
    head, _, last = name.rpartition(" ")
    if head and last.casefold() in UNIT_PRECISION:
        return head, last.casefold()
    return name, ""


def unit_chain(text: str, end: int, is_country: Callable[[str], bool]) -> tuple[tuple[str, str], ...]:
    """(name, unit word) of the units named after a toponym: " village of Y district, Z province".

    Every step needs its unit word ("district of Y", "Y province"), except a last step that
    is a country (", Afghanistan"), so that a plain list ("Homs, Hama") is no chain.

    Example:
        >>> unit_chain("Kafr Sajna village of Maarat al-Numan district, Idlib province.", 10,
        ...            lambda n: False)
        (('Maarat al-Numan', 'district'), ('Idlib', 'province'))
    """
    own = OWN_UNIT.match(text, end)
    pos = own.end() if own else end
    out: list[tuple[str, str]] = []
    while len(out) < MAX_STEPS:
        m = STEP.match(text, pos)
        if not m:
            break
        name, word = _split_unit(m.group("name"))
        word = (m.group("pre") or m.group("post") or word).casefold()
        if not word:
            if out and is_country(name):
                out.append((name, "country"))
            break
        out.append((name, word))
        pos = m.end()
    return tuple(out)


def units_after(text: str, end: int, gaz: Gazetteer) -> Units:
    """The units after a toponym: a bracketed hierarchy, a chain of unit words, or a comma name."""
    spans, names, bracketed = hierarchy_after(text, end)
    if bracketed:
        split = [_split_unit(n) for n in names]
        return Units(tuple(n for n, _ in split), tuple(w for _, w in split), True)
    chain = unit_chain(text, end, lambda n: any(c.kind == KIND_COUNTRY for c in gaz.lookup(n)))
    if chain:
        return Units(tuple(n for n, _ in chain), tuple(w for _, w in chain), True)
    return Units(names, ("",) * len(names), False)


def find_unit_spans(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name runs the gazetteer may lack but the text calls a place inside named units:
    "the Kafr Sajna village of Y district", "the village of Kafr Sajna in Y district"."""
    found = []
    for start, end in name_runs(text):
        if any(a < end and start < b for a, b in taken):
            continue
        own = OWN_UNIT.match(text, end)
        cued = own is not None or STRONG_BEFORE.search(text[max(0, start - 60):start])
        if cued and not HIERARCHY.match(text[end:end + 90]) and unit_chain(
                text, end, lambda n: any(c.kind == KIND_COUNTRY for c in gaz.lookup(n))):
            found.append((start, end))
    return found


def _precision(c: Candidate, word: str) -> str:
    if c.kind == KIND_COUNTRY:
        return "country"
    if c.kind == KIND_ADMIN1:
        return "admin1"
    # A district or province named after its town: the unit word says what is known.
    return UNIT_PRECISION.get(word, "admin2" if c.kind == KIND_ADMIN2 else "point")


def smallest_unit(names: tuple[str, ...], words: tuple[str, ...], gaz: Gazetteer,
                  distance: Callable[[float, float, float, float], float]
                  ) -> tuple[Candidate, str] | None:
    """The reading of the smallest named unit that can be placed, and its precision.

    A unit's reading must lie in the larger units named after it when they resolve
    ("Maarat al-Numan district, Idlib": the district in Idlib); a unit word prefers the
    reading of its kind (a district's admin2 row over a namesake town).
    """
    for k, (name, word) in enumerate(zip(names, words)):
        readings = [c for c in context_hits(name, gaz) if c.country]
        if not readings:
            continue
        outer = [y for n in names[k + 1:] for y in context_hits(n, gaz)]
        if outer:
            readings = [c for c in readings if fits_context(c, outer, distance)] or (
                [] if any(y.country for y in outer) else readings)
        if not readings:
            continue
        want = {"admin2": KIND_ADMIN2, "admin1": KIND_ADMIN1}.get(UNIT_PRECISION.get(word, ""))
        best = max(readings, key=lambda c: (c.kind == want, c.kind in (KIND_CITY, KIND_ADMIN2, KIND_ADMIN1),
                                            c.match == 0, c.population))
        return best, _precision(best, word)
    return None
