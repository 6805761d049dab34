"""Resolved places (name, coordinates, country, GeoNames id) for the toponyms of a document."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from crosswire.extract.aliases import load_aliases
from crosswire.extract.embedded import EMBEDDED_LABELS, embedded_spans
from crosswire.extract.place_focus import SHARED_REGION_BONUS, SHARED_REGION_CAP
from crosswire.extract.place_focus import Focus as _Focus
from crosswire.records import Place  # the shared record; re-exported for callers
from crosswire.extract.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_CONTINENT,
    KIND_REGION,
    KIND_COUNTRY,
    MATCH_ALT,
    MATCH_PRIMARY,
    Candidate,
    Gazetteer,
    load_gazetteer,
    normalize_name,
    strip_article,
)
from crosswire.extract.place_context import (
    AP_STATES,
    CONTINENT_ADJECTIVES,
    NORP_COUNTRIES,
    find_extra_spans,
    qualifier_after,
    region_cue,
    relative_note,
)
from crosswire.extract.toponyms import (
    exact_hits,
    find_cued_spans,
    fits_context,
    hierarchy_after,
    hierarchy_parents,
    is_modifier,
    joined_part,
    repair_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

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
COUNTRY_FOCUS_WEIGHT = 3.0  # × the document's share of confident mentions in that country
ADMIN1_FOCUS_WEIGHT = 2.0  # × the share in that admin1 (local news: "Alexandria" in a Louisiana story)
PROXIMITY_KM, PROXIMITY_BONUS = 150.0, 1.0  # near another confidently placed mention
MATCH_PENALTY = {MATCH_PRIMARY: 0.0, MATCH_ALT: 0.7, 2: 1.5}  # variant = article dropped
FUZZY_PENALTY = 2.0
KIND_BONUS = {KIND_CITY: 0.0, KIND_ADMIN1: 0.0, KIND_COUNTRY: 0.5, KIND_CONTINENT: 0.5,
              KIND_ADMIN2: 0.0, KIND_REGION: 0.0}
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
PLACE_LABELS = ("GPE", "LOC", "FAC")
# spaCy sm tags many toponyms ORG/PERSON ("Texas" in a sports story, "Alexandria"). Such an
# entity is taken as a place when its whole text is a primary gazetteer name of a country,
# admin1, or a city at least this big. Tune part, 0–1M: end to end only rises as it falls (78.2% at
# 0, 77.4% at 20k: it never charges a wrong place); geotagging F1 peaks at 20k–30k (85.8%, 84.9% at 0).
RELABEL_LABELS = ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LANGUAGE")
RELABEL_MIN_POPULATION = 20_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym to resolve: its surface text, optional offsets and local cues."""

    text: str
    start: int | None = None
    end: int | None = None
    qualifier: str | None = None  # the "La." of "Alexandria, La."
    region_cue: bool = False  # "state"/"province" said next to it
    note: str | None = None
    allow_fuzzy: bool = True
    context: tuple[str, ...] = ()  # hierarchy names: the "Damboa, Borno" of "Damboa (Damboa, Borno)"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def clean_surface(text: str) -> str:
    """Strip what is not part of a name: a leading "the", a possessive, edge punctuation."""
    text = text.strip().strip(",;:!?\"“”()[]")
    text = re.sub(r"(?i)^the\s+", "", text)
    return re.sub(r"(?:'s|’s|')$", "", text).strip()


def candidates_for(text: str, gaz: Gazetteer, *, allow_fuzzy: bool = True
                   ) -> tuple[list[Candidate], float]:
    """Gazetteer candidates for a surface name and a penalty for how they were found.

    Exact (normalised) and article-dropped matches come first; otherwise a rapidfuzz match
    over keys sharing the first letter, if it reaches :data:`FUZZY_MIN_SCORE`.
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
    if found or not allow_fuzzy:
        return found, 0.0
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
    if c.row in gaz.capitals:
        s += CAPITAL_BONUS
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
    context = [y for name in m.context for y in exact_hits(name, gaz)][:MAX_CANDIDATES]
    scored = [(_score(c, m, penalty, gaz, focus, index, region, namesakes, context), c)
              for c in cands]
    return sorted(scored, key=lambda sc: -sc[0])


def resolve_places(mentions: Sequence[PlaceMention | str], *,
                   context_countries: Counter[str] | None = None,
                   gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """Resolve toponyms jointly: each one's reading is ranked with the document's focus.

    A first pass ranks each mention alone; mentions whose best reading wins by
    :data:`CONFIDENT_MARGIN` set the country/admin1 focus and anchor points, which a
    second pass adds to every score. ``context_countries`` (e.g. from "Syrian", "Russia")
    seeds the country focus.

    Example:
        >>> [p.country for p in resolve_places(["Homs", "Hama"])]
        ['SY', 'SY']
    """
    gaz = gazetteer or load_gazetteer()
    ms = [PlaceMention(m) if isinstance(m, str) else m for m in mentions]
    found = []
    for m in ms:
        cands, penalty = candidates_for(m.text, gaz, allow_fuzzy=m.allow_fuzzy)
        cands = sorted(cands, key=lambda c: -c.population)[:MAX_CANDIDATES]
        found.append((cands, penalty))
    seed = Counter(context_countries or {})
    keys = [normalize_name(clean_surface(m.text)) for m in ms]
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
        countries[top.country] += 1
        admin = (top.country, top.admin1) if top.kind in (KIND_CITY, *REGION_KINDS) else None
        if admin:
            admins[admin] += 1
        votes[i] = (top.country, admin)
        if top.kind == KIND_CITY:
            anchors.append((i, top.lat, top.lon))
    focus = _Focus(countries, admins, anchors, votes)
    focus.add_regions(keys, [c for c, _ in found])
    out: list[Place | None] = []
    for i, (m, (cands, penalty)) in enumerate(zip(ms, found)):
        ranked = _ranked(m, i, cands, penalty, gaz, focus)
        if not ranked:
            out.append(None)
            continue
        c = ranked[0][1]
        out.append(Place(text=m.text, name=c.name, lat=round(c.lat, 5), lon=round(c.lon, 5),
                         country=c.country or None, geonames_id=c.geonames_id,
                         precision=PRECISION[c.kind], population=c.population,
                         start=m.start, end=m.end, note=m.note))
    return out


def _is_mislabelled_place(text: str, gaz: Gazetteer) -> bool:
    """Whether an ORG/PERSON entity's whole text is a well-known place name."""
    return any(c.match == MATCH_PRIMARY and (
        c.kind not in (KIND_CITY, KIND_ADMIN2, KIND_REGION) or c.population >= RELABEL_MIN_POPULATION)
        and c.kind != KIND_REGION
        for c in gaz.lookup(clean_surface(text)))


def _place_prefix(ent: Span) -> tuple[int, int] | None:
    """Offsets of a well-known place name opening an organisation's name, if any."""
    gaz = load_gazetteer()
    for n in (3, 2, 1):
        if n < len(ent) and all(t.is_title or t.is_upper for t in ent[:n]):
            head = ent[:n]
            if any(c.match == MATCH_PRIMARY and c.kind in (KIND_COUNTRY, KIND_ADMIN1)
                   for c in gaz.lookup(head.text)):
                return head.start_char, head.end_char
    return None


def mentions_from_doc(doc: Doc, *, demonyms: bool = False, gazetteer: Gazetteer | None = None,
                      modifiers: bool | None = None, embedded: bool = False,
                      ) -> tuple[list[PlaceMention], Counter[str]]:
    """Toponym mentions of a parsed document and the countries its demonyms point to.

    Mentions are GPE/LOC/FAC entities, ORG/PERSON entities that are exactly a well-known
    place name, gazetteer-backed proper-noun runs spaCy missed, and name runs with a
    locative cue (:mod:`crosswire.extract.toponyms`). NORP entities ("Syrian") only feed
    the country focus unless ``demonyms`` is set, in which case they become
    country-precision mentions too (the geoparsing corpora annotate them). Attributive
    short country names ("US troops") are left out unless ``modifiers`` (default: same as
    ``demonyms``). Place names inside organisation/facility names ("the *Huntsville*
    Police Department") only with ``embedded`` (:mod:`crosswire.extract.embedded`).
    """
    gaz = gazetteer or load_gazetteer()
    known = {normalize_name(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")}
    people = person_name_parts(doc)
    modifiers = demonyms if modifiers is None else modifiers
    text = text_of(doc)
    spans: list[tuple[int, int, str]] = []
    norp: Counter[str] = Counter()
    for e in doc.ents:
        label = e.label_
        adjective = clean_surface(e.text).casefold()
        if label == "NORP" and (adjective in NORP_COUNTRIES or adjective in CONTINENT_ADJECTIVES):
            if adjective in NORP_COUNTRIES:
                norp[NORP_COUNTRIES[adjective]] += 1
            if demonyms:
                spans.append((e.start_char, e.end_char, label))
            continue
        fixed = repair_span(text, e.start_char, e.end_char, label, gaz)
        if fixed is None:
            continue
        inner = embedded_spans(e, gaz, known=known, demonyms=demonyms) if (
            embedded and label in EMBEDDED_LABELS) else []
        if label == "FAC" and inner and not gaz.lookup(clean_surface(text[slice(*fixed)])):
            spans += [(a, b, "EMBEDDED") for a, b in inner]  # "Montgomery County History Center"
        elif label in PLACE_LABELS or (
                label in RELABEL_LABELS and text[slice(*fixed)].casefold() not in people
                and _is_mislabelled_place(text[slice(*fixed)], gaz)):
            if modifiers or not is_modifier(doc, *fixed):
                spans.append((*fixed, label))
        elif inner:
            spans += [(a, b, "EMBEDDED") for a, b in inner]
        elif label == "ORG":
            prefix = _place_prefix(e)  # "Texas" in "Texas Department of Health"
            if prefix:
                spans.append((*prefix, label))
    spans += [(s, e, "EXTRA") for s, e in find_extra_spans(doc, gaz) if not joined_part(text, s, e)]
    spans += [(t.start, t.end, "CUED") for t in find_cued_spans(doc, gaz, [(a, b) for a, b, _ in spans])]
    mentions = []
    for start, end, label in sorted(set(spans)):
        if mentions and mentions[-1].end is not None and start < mentions[-1].end:
            continue  # overlapping spans: the earlier (longer-first after sorting) wins
        if _is_known_actor(text[start:end]):
            continue  # "NATO", "SANA": organisations the alias table knows are not towns
        _, context, _ = hierarchy_after(text, end)
        mentions.append(PlaceMention(
            text[start:end], start, end, qualifier=qualifier_after(text, end),
            region_cue=region_cue(text, start, end), note=relative_note(text, start),
            allow_fuzzy=label in ("GPE", "LOC"), context=context))
    return _with_parent_context(text, mentions), norp


def person_name_parts(doc: Doc) -> set[str]:
    """Words of the document's multi-word PERSON names ("Trapani" after "Nick Trapani").

    A later bare "Trapani" tagged PERSON/ORG is that person, not the Sicilian town.
    """
    return {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
            if t.is_title}


def _is_known_actor(surface: str) -> bool:
    entry = load_aliases().lookup(surface)
    return entry is not None and entry.type not in ("GPE", "LOC", "FAC")


def _with_parent_context(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Hierarchy parts ("Borno" in "Damboa (Damboa, Borno)") take their parent as context."""
    out = list(mentions)
    for j, i in hierarchy_parents(text, mentions).items():
        out[j] = replace(out[j], context=(*out[j].context, mentions[i].text))
    return out


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
    return [p for p in resolved if p is not None]


def with_offsets(place: Place, start: int, end: int) -> Place:
    """A copy of a place pinned to other offsets (e.g. after re-basing a sentence)."""
    return replace(place, start=start, end=end)
