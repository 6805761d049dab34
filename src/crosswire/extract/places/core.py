"""Resolved places (name, coordinates, country, GeoNames id) for the toponyms of a document."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from crosswire.extract.places.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_CONTINENT,
    KIND_COUNTRY,
    KIND_REGION,
    MATCH_ALT,
    MATCH_PRIMARY,
    Candidate,
    Gazetteer,
    load_gazetteer,
    normalize_name,
    strip_article,
)
from crosswire.extract.places.context import AP_STATES, CONTINENT_ADJECTIVES
from crosswire.extract.places.countries import NORP_COUNTRIES
from crosswire.extract.places.focus import SHARED_REGION_BONUS, SHARED_REGION_CAP
from crosswire.extract.places.focus import Focus as _Focus
from crosswire.extract.places.mentions import (  # noqa: F401  (re-exported for callers)
    PLACE_LABELS,
    RELABEL_LABELS,
    RELABEL_MIN_POPULATION,
    PlaceMention,
    clean_surface,
    mentions_from_doc,
    person_name_parts,
)
from crosswire.extract.places.rules import (  # noqa: F401  (haversine_km re-exported)
    haversine_km,
    lone_and_ambiguous,
    outside_focus,
    plausible_readings,
)
from crosswire.extract.places.units import smallest_unit
from crosswire.extract.places.toponyms import context_hits, fits_context, hierarchy_parents
from crosswire.nlp.text import text_of
from crosswire.extract.places.capitals import capital_places
from crosswire.records import Place  # the shared record; re-exported for callers

if TYPE_CHECKING:
    from spacy.tokens import Doc

# --- Swept on the geoparsing-news dev *tune* part only (evaluate/splits.py; 220 articles, 2,088
# toponyms). Fuzzy fallback: rapidfuzz ratio over keys with the same first letter. 80–95 given
# gold spans is flat (83.6% at 80–84, 83.4% at 88, 83.3–83.4% at 90–95): 88 kept as the lowest
# value that rejects one-letter-off neighbours of short names but matches "Salamiyya" (88.9).
FUZZY_MIN_SCORE = 88.0
FUZZY_MIN_CHARS = 5  # shorter names have too many one-edit neighbours to guess from
MAX_CANDIDATES = 60  # most-populous candidates kept per name; "San Jose" has hundreds
# Score = log10(population) + bonuses; swept one at a time on the tune part given gold spans
# (83.4% as set): country focus 0–5 → 82.9–83.4% (best 3), admin1 focus 0–4 → 83.2–83.4% (best 2),
# proximity 0–2 → 83.0–83.4% (best 1), capital 0–2 → 83.3–83.4% (0–1 tie). All kept.
# Weighing the country focus 1.5–3× for short names with readings in several countries
# (issue 11) was flat or worse on the tune part (end to end 64.6% → 64.2–64.6%); a small
# place off the focus is left unplaced instead (place_rules.outside_focus).
COUNTRY_FOCUS_WEIGHT = 3.0  # × the document's share of confident mentions in that country
ADMIN1_FOCUS_WEIGHT = 2.0  # × the share in that admin1 (local news: "Alexandria" in a Louisiana story)
PROXIMITY_KM, PROXIMITY_BONUS = 150.0, 1.0  # near another confidently placed mention
MATCH_PENALTY = {MATCH_PRIMARY: 0.0, MATCH_ALT: 0.7, 2: 1.5}  # variant = article dropped
FUZZY_PENALTY = 2.0
# On top of MATCH_VARIANT's: spelling folded, not merely an article dropped. Not swept: the
# tune part gives the same figures with and without loose matching (its names are exact).
LOOSE_PENALTY = 0.5
KIND_BONUS = {KIND_CITY: 0.0, KIND_ADMIN1: 0.0, KIND_COUNTRY: 0.5, KIND_CONTINENT: 0.5,
              KIND_ADMIN2: 0.0, KIND_REGION: 0.0}
# A country called by its own name beats a small town namesake in the focus country ("Mexico"
# in a story about Oregon is no Mexico, Missouri). Tune part 0/1/2/3: end to end 65.37/65.52/
# 65.52/65.47%, given gold spans 83.96/84.10/84.10/84.10%; the smallest best value kept.
COUNTRY_NAME_BONUS = 1.0
CAPITAL_BONUS = 1.0  # "Washington" is the US capital far more often than the state
ADMIN1_POP_FACTOR = 0.5  # cities500 sums overlap (towns inside cities); halve them
CITY_IN_NAMESAKE_REGION_BONUS = 1.0  # "in New York" → the city unless "state" is said
REGION_CUE_BONUS = 2.0  # "New York state", "the state of Washington"
QUALIFIER_BONUS = 10.0  # "Alexandria, La." names the admin1 outright
CONTEXT_BONUS = 10.0  # "Sarmin (Idlib)", "Kafr Nabl, Idlib": the reading that lies in Idlib
CONFIDENT_MARGIN = 1.0  # score gap over the runner-up that lets a mention set the doc focus
PRECISION = {KIND_CITY: "point", KIND_ADMIN1: "admin1", KIND_COUNTRY: "country",
             KIND_CONTINENT: "continent", KIND_ADMIN2: "admin2",
             KIND_REGION: "region"}
REGION_KINDS = (KIND_ADMIN1, KIND_ADMIN2)  # population = sum over their cities


_COMPASS_PART = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|North-East|North-West|"
                           r"South-East|South-West|Central|Northern|Southern|Eastern|Western)\s+([A-Z].+)$")


def candidates_for(text: str, gaz: Gazetteer, *, allow_fuzzy: bool = True
                   ) -> tuple[list[Candidate], float]:
    """Gazetteer candidates for a surface name and a penalty for how they were found.

    Exact (normalised) and article-dropped matches come first; then transliteration-folded
    ones ("Maarat al-Numan" for "Ma'arrat an Nu'man", :func:`gazetteer.loose_key`); otherwise
    a rapidfuzz match over keys sharing the first letter, if it reaches :data:`FUZZY_MIN_SCORE`.
    """
    surface = clean_surface(text)
    if not surface or not any(ch.isupper() for ch in surface):
        return [], 0.0  # lower-case words ("river", "city") are not names
    if surface.isupper() and len(surface) > 3 and "." not in surface:
        surface = surface.title()  # datelines: "BEIRUT" → "Beirut" (keys are casefolded anyway)
    adjective = surface.casefold()
    if adjective in NORP_COUNTRIES and NORP_COUNTRIES[adjective] in gaz.country_rows:
        return [gaz.candidate(gaz.country_rows[NORP_COUNTRIES[adjective]])], 0.0
    if adjective in CONTINENT_ADJECTIVES:
        return gaz.lookup(CONTINENT_ADJECTIVES[adjective]), 0.0
    found = gaz.lookup(surface)
    if found and surface.isupper() and len(surface) <= 3 and (countries := [c for c in found if c.kind == KIND_COUNTRY]):
        return countries, 0.0  # "the US, France and Britain": a country's initials, not the French village Us
    if found:
        return found, 0.0
    found = gaz.lookup_loose(surface)  # "Maarat al-Numan" for "Ma'arrat an Nu'man"
    if not found and (part := _COMPASS_PART.match(surface)) is not None:
        found = gaz.lookup(part.group(1))  # "Northeast Philadelphia": a part of Philadelphia, not New Philadelphia
    if found or not allow_fuzzy:
        return found, LOOSE_PENALTY if found else 0.0
    key = normalize_name(surface)
    if len(key.replace(" ", "")) < FUZZY_MIN_CHARS:
        return [], 0.0
    best: list[Candidate] = []
    best_score = 0.0
    for query in filter(None, (key, strip_article(key))):
        hits = process.extract(query, gaz.keys_with_prefix(query[0]), scorer=fuzz.ratio,
                               score_cutoff=FUZZY_MIN_SCORE, limit=3)
        for hit_key, score, _ in hits:
            if score > best_score:
                best, best_score = gaz.lookup_key(hit_key), score
            elif score == best_score:
                best += gaz.lookup_key(hit_key)
    return best, FUZZY_PENALTY + (100.0 - best_score) / 10.0 if best else 0.0


def _qualifier_region(qualifier: str | None, gaz: Gazetteer) -> tuple[str, str] | None:
    """(country, admin1) named by a qualifier such as "La.", "Ohio" or "Syria"."""
    if not qualifier:
        return None
    code = AP_STATES.get(qualifier.strip().rstrip(".").casefold())
    if code:
        return ("US", code)
    regions = [c for c in gaz.lookup(qualifier) if c.kind in (KIND_ADMIN1, KIND_COUNTRY)]
    if not regions:
        return None
    top = max(regions, key=lambda c: c.population)
    return (top.country, top.admin1 if top.kind == KIND_ADMIN1 else "")


def _score(c: Candidate, m: PlaceMention, penalty: float, gaz: Gazetteer, focus: _Focus,
           index: int, region: tuple[str, str] | None, namesake_regions: set[tuple[str, str]],
           context: list[Candidate]) -> float:
    pop = c.population * (ADMIN1_POP_FACTOR if c.kind in REGION_KINDS else 1.0)
    s = math.log10(pop + 1.0) + KIND_BONUS[c.kind] - MATCH_PENALTY[c.match] - penalty
    if c.kind == KIND_COUNTRY and c.match == MATCH_PRIMARY:
        s += COUNTRY_NAME_BONUS
    if c.row in gaz.capitals and c.match == MATCH_PRIMARY:
        s += CAPITAL_BONUS  # not by an old name: "Philadelphia" is no call for Amman
    country_share, admin_share = focus.shares(index, c.country, (c.country, c.admin1))
    s += COUNTRY_FOCUS_WEIGHT * country_share + ADMIN1_FOCUS_WEIGHT * admin_share
    if c.kind != KIND_COUNTRY:
        s += SHARED_REGION_BONUS * min(focus.shared(index, c), SHARED_REGION_CAP)
    if c.kind == KIND_CITY and (c.country, c.admin1) in namesake_regions and not m.region_cue:
        s += CITY_IN_NAMESAKE_REGION_BONUS
    if c.kind in (KIND_ADMIN1, KIND_COUNTRY) and m.region_cue:
        s += REGION_CUE_BONUS
    if region and c.country == region[0] and (not region[1] or c.admin1 == region[1]):
        s += QUALIFIER_BONUS
    if context and fits_context(c, context, haversine_km):
        s += CONTEXT_BONUS
    if c.kind in (KIND_CITY, KIND_ADMIN2) and any(
            i != index and haversine_km(c.lat, c.lon, la, lo) < PROXIMITY_KM
            for i, la, lo in focus.anchors):
        s += PROXIMITY_BONUS
    return s


def _ranked(m: PlaceMention, index: int, cands: list[Candidate], penalty: float,
            gaz: Gazetteer, focus: _Focus) -> list[tuple[float, Candidate]]:
    region = _qualifier_region(m.qualifier, gaz)
    namesakes = {(c.country, c.admin1) for c in cands if c.kind == KIND_ADMIN1}
    context = [y for name in m.context for y in context_hits(name, gaz)][:MAX_CANDIDATES]
    scored = [(_score(c, m, penalty, gaz, focus, index, region, namesakes, context), c)
              for c in cands]
    return sorted(scored, key=lambda sc: -sc[0])


def _anchored(m: PlaceMention, c: Candidate, gaz: Gazetteer) -> bool:
    """Whether the mention's own words place ``c``: its qualifier or its hierarchy names."""
    region = _qualifier_region(m.qualifier, gaz)
    if region and c.country == region[0] and (not region[1] or c.admin1 == region[1]):
        return True
    context = [y for name in m.context for y in context_hits(name, gaz)][:MAX_CANDIDATES]
    return bool(context) and fits_context(c, context, haversine_km)


def _related(ms: list[PlaceMention]) -> dict[int, set[int]]:
    """Mention index → the mentions that are its hierarchy names or whose hierarchy it is in."""
    texts = [m.text for m in ms]
    return {i: {j for j, t in enumerate(texts) if j != i and (t in m.context or texts[i] in ms[j].context)}
            for i, m in enumerate(ms)}


def resolve_places(mentions: Sequence[PlaceMention | str], *,
                   context_countries: Counter[str] | None = None,
                   gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """Resolve toponyms jointly: each one's reading is ranked with the document's focus.

    A first pass ranks each mention alone; mentions whose best reading wins by
    :data:`CONFIDENT_MARGIN` set the country/admin1 focus and anchor points, which a
    second pass adds to every score. ``context_countries`` (e.g. from "Syrian", "Russia")
    seeds the country focus. Precision first (:mod:`crosswire.extract.places.rules`): a small
    place off the document's focus, or a lone name with rival readings abroad, gives None;
    a name read outside the units its text names ("X village of Y district, Z province")
    is placed at the smallest of them instead (:mod:`crosswire.extract.places.units`).

    Example:
        >>> [p.country for p in resolve_places(["Homs", "Hama"])]
        ['SY', 'SY']
    """
    gaz = gazetteer or load_gazetteer()
    ms = [PlaceMention(m) if isinstance(m, str) else m for m in mentions]
    keys = [normalize_name(clean_surface(m.text)) for m in ms]
    found, readings = [], []
    for m, key in zip(ms, keys):
        cands, penalty = candidates_for(m.text, gaz, allow_fuzzy=m.allow_fuzzy)
        readings.append(cands)  # all of them: the rivals that make a lone name ambiguous
        cands = sorted(plausible_readings(cands, key, m.text), key=lambda c: -c.population)
        found.append((cands[:MAX_CANDIDATES], penalty))
    seed = Counter(context_countries or {})
    focus = _Focus(seed, Counter(), [])
    focus.add_regions(keys, [c for c, _ in found])
    first = [_ranked(m, i, c, p, gaz, focus) for i, (m, (c, p)) in enumerate(zip(ms, found))]
    countries: Counter[str] = Counter(seed)
    admins: Counter[tuple[str, str]] = Counter()
    anchors = []
    votes: dict[int, tuple[str, tuple[str, str] | None]] = {}
    for i, ranked in enumerate(first):
        if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < CONFIDENT_MARGIN):
            continue
        top = ranked[0][1]
        if not top.country:
            continue  # continents say nothing about the country focus
        outright = ms[i].hierarchy or len(ms[i].context) > len(ms[i].units)  # not a comma list
        if outright and not _anchored(ms[i], top, gaz) and any(
                context_hits(n, gaz) for n in ms[i].context):
            continue  # "North" of "Tripoli (North)" read as a US hamlet: no witness of the focus
        countries[top.country] += 1
        admin = (top.country, top.admin1) if top.kind in (KIND_CITY, *REGION_KINDS) else None
        if admin:
            admins[admin] += 1
        votes[i] = (top.country, admin)
        if top.kind == KIND_CITY:
            anchors.append((i, top.lat, top.lon))
    focus = _Focus(countries, admins, anchors, votes)
    focus.add_regions(keys, [c for c, _ in found])
    focus.tops = {i: r[0][1] for i, r in enumerate(first) if r and r[0][1].country}
    focus.related, focus.seed = _related(ms), seed
    out: list[Place | None] = []
    for i, (m, (cands, penalty)) in enumerate(zip(ms, found)):
        ranked = _ranked(m, i, cands, penalty, gaz, focus)
        c = ranked[0][1] if ranked else None
        unit = _unit(m, gaz)
        if c is not None and not _anchored(m, c, gaz) and (
                (m.hierarchy and unit) or outside_focus(c, keys[i], i, focus, gaz.capitals)
                or lone_and_ambiguous(c, keys[i], readings[i], i, focus)):
            c = None  # precision first: the named unit, or nothing, rather than a namesake
        if c is not None:
            out.append(_place(m, c, PRECISION[c.kind]))
        else:
            out.append(_place(m, *unit) if unit else None)
    return out


def _unit(m: PlaceMention, gaz: Gazetteer) -> tuple[Candidate, str] | None:
    """The smallest admin unit the mention's hierarchy names that can be placed, if any."""
    if not m.units:
        return None  # a parent's name ("Damboa" for the "Borno" of its brackets) holds no unit
    found = smallest_unit(m.context[:len(m.units)], m.units, gaz, haversine_km)
    if found and (found[0].kind in (KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY) or found[1] != "point"):
        return found
    return None


def _place(m: PlaceMention, c: Candidate, precision: str) -> Place:
    return Place(text=m.text, name=c.name, lat=round(c.lat, 5), lon=round(c.lon, 5),
                 country=c.country or None, geonames_id=c.geonames_id, precision=precision,
                 population=c.population, start=m.start, end=m.end, note=m.note)


def places_from_doc(doc: Doc, *, demonyms: bool = False, modifiers: bool | None = None,
                    embedded: bool = False, gazetteer: Gazetteer | None = None) -> list[Place]:
    """The resolved places of a parsed document, with offsets into ``doc.text``.

    A hierarchy part that resolves outside its parent's country ("Borno" → Borna, DE in
    "Damboa (Damboa, Borno)") is dropped.

    Example:
        >>> places = places_from_doc(nlp("Shelling hit Homs and Hama, Syria."))  # doctest: +SKIP
        >>> [(p.name, p.country) for p in places]  # doctest: +SKIP
        [('Homs', 'SY'), ('Ḩamāh', 'SY'), ('Syria', 'SY')]
    """
    mentions, norp = mentions_from_doc(doc, demonyms=demonyms, gazetteer=gazetteer,
                                       modifiers=modifiers, embedded=embedded)
    resolved = resolve_places(mentions, context_countries=norp, gazetteer=gazetteer)
    for j, i in hierarchy_parents(text_of(doc), mentions).items():
        part, parent = resolved[j], resolved[i]
        if part is not None and (parent is None or part.country != parent.country):
            resolved[j] = None
    found = [p for p in resolved if p is not None]
    capitals = capital_places(text_of(doc), found, gazetteer)
    return sorted(found + capitals, key=lambda p: p.start or 0) if capitals else found


def with_offsets(place: Place, start: int, end: int) -> Place:
    """A copy of a place pinned to other offsets (e.g. after re-basing a sentence)."""
    return replace(place, start=start, end=end)
