"""Toponym spans spaCy's small model misses: cued name runs, ACLED hierarchies, whole hyphenated names.

News and conflict reports name small towns the model tags PERSON/ORG or not at all
("in Damboa (Damboa, Borno)", "near Bourem", "towards Jazan"). A capitalised *name run*
("Kafr Nabl", "Croix-des-Bouquets", "Maarrat al-Nu'man", "Lanao del Sur") is taken as a
place when it is a gazetteer name and a cue says it is a location:

* strong: "the town/village/city/district of X", "near/outside/around X", "30 km north of X",
  "X town/village/district/province", or an ACLED hierarchy right after it, "X (A, B)";
* medium: "in/at/into/towards/inside X", or a list continuing a place ("Homs and Hama").

A run that spaCy tags PERSON/ORG/… needs a strong cue, or a medium one and a sizeable
place. Names are matched whole: a hyphenated or connector-joined name ("Lanao del Sur")
never yields a part of itself ("Sur").
"""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.extract.places.gazetteer import KIND_ADMIN1, KIND_CITY, KIND_COUNTRY, MATCH_PRIMARY, Candidate, Gazetteer

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from spacy.tokens import Doc

# Lower-case particles inside names: "Lanao del Sur", "Croix-des-Bouquets", "Maarrat al-Nu'man".
CONNECTORS = ("al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "de", "del", "della", "der",
              "des", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "los", "las", "en",
              "ibn", "bin", "sur", "am", "im", "upon")
_WORD = r"(?:(?:St|Mt|Ft)\.|(?:(?:al|el|ar|as|ash|ad|an|at|az)-)?[A-Z][\w'’‘ʼ]*(?:-[A-Za-z][\w'’‘ʼ]*)*)"
_CONN = "|".join(CONNECTORS)
NAME_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:\s(?:(?:{_CONN})\s)?{_WORD}){{0,5}}(?![\w-])")
# Capitalised generic words that end a run without being part of the name ("Gao Town").
GENERIC = frozenset({"town", "city", "village", "district", "province", "region", "state",
                     "county", "governorate", "municipality", "area", "camp", "countryside",
                     "subdistrict", "sub-district", "lga", "commune", "department", "prefecture"})
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
STRONG_BEFORE = re.compile(
    r"(?:\b(?:town|village|city|district|sub-?district|province|region|governorate|county|"
    r"municipality|suburb|outskirts|neighbou?rhood|vicinity|locality|commune|department|"
    r"prefecture|camp|countryside|island|area)\s+of"
    rf"|\b(?:near|outside|nearby|around|{_DIRECTION}\s+of|(?:km|kilometres|kilometers|miles)\s+(?:from|of)))"
    r"\s+(?:the\s+)?$", re.I)
_ADJ = r"(?:(?:the|rural|northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern|downtown|nearby|neighbouring|neighboring|restive|besieged|war-torn)\s+)*"
MEDIUM_BEFORE = re.compile(rf"\b(?:in|at|into|towards?|inside|across|within|from)\s+{_ADJ}$", re.I)
STRONG_AFTER = re.compile(
    r"^\s+(?:town|village|city|district|sub-?district|province|region|governorate|county|"
    r"municipality|countryside|camp|area|LGA|commune|department|prefecture)\b", re.I)
LIST_BEFORE = re.compile(r"(?:,|\band|\bor|\()\s*$")
# "(Damboa, Borno)", "(Kala/Balge, Borno)", "(Shan-North)": title-case parts, not an acronym.
HIERARCHY = re.compile(r"^\s*\(([A-Z][\w'’ .-]*(?:\s*[,/]\s*[A-Z][\w'’ .-]*){0,3})\)")
COMMA_CONTEXT = re.compile(rf"^,\s*({_WORD}(?:\s(?:(?:{_CONN})\s)?{_WORD}){{0,3}})")

STRONG, MEDIUM = 2, 1
ENTITY_MIN_POPULATION = 20_000  # a PERSON/ORG run with only a medium cue must be a sizeable place
ALT_MIN_POPULATION = 1_000  # an alternate-name-only hit on a bare run must be a real town
_OFFICE_OF = re.compile(r"\b(?:Department|Ministry|Minister|Secretary|Office|Bureau|Commissioner|Director)\s+of\s+"
                        r"(?:the\s+)?$")
_NOT_PLACE_LABELS = ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LAW")


@dataclass(frozen=True, slots=True)
class ToponymSpan:
    """A toponym found by rule: offsets, the hierarchy names after it, and its cue strength."""

    start: int
    end: int
    context: tuple[str, ...] = ()
    cue: int = MEDIUM


def hierarchy_after(text: str, end: int) -> tuple[list[tuple[int, int]], tuple[str, ...], bool]:
    """Spans and names of an admin hierarchy right after a toponym.

    ``"Damboa (Damboa, Borno)"`` → the spans of "Damboa" and "Borno" in the brackets; a
    comma form (``"Kafr Nabl, Idlib"``) gives its one name. The flag tells the bracketed
    form (an outright hierarchy) from the comma form (which may be a list).

    Example:
        >>> hierarchy_after("Rann (Kala/Balge, Borno) x", 4)[1]
        ('Kala', 'Balge', 'Borno')
    """
    m = HIERARCHY.match(text[end:end + 90])
    if m and not m.group(1).isupper():
        base = end + m.start(1)
        spans = [(base + p.start(), base + p.end()) for p in re.finditer(r"[^,/]+", m.group(1))]
        spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip()))
                 for a, b in spans]
        spans = [(a, b) for a, b in spans if b > a]
        return spans, tuple(text[a:b] for a, b in spans), True
    m = COMMA_CONTEXT.match(text[end:end + 60])
    if m:
        return [(end + m.start(1), end + m.end(1))], (m.group(1),), False
    return [], (), False


# Words that name an institution: a name left with one of them after its generic tail is cut
# is the institution's own name ("Police Department"), not a place that has a department.
_INSTITUTION_WORDS = frozenset({"police", "fire", "health", "education", "justice", "defence", "defense",
                                "interior", "treasury", "state", "public", "works", "transport", "water"})


def _strip_generic(text: str, start: int, end: int) -> int:
    """The end of a run without trailing generic words ("Gao Town" → "Gao")."""
    words = text[start:end].split()
    while len(words) > 1 and words[-1].casefold() in GENERIC:
        words.pop()
        end = start + text[start:end].rindex(words[-1]) + len(words[-1])
    return end


def exact_hits(name: str, gaz: Gazetteer) -> list[Candidate]:
    """Gazetteer rows named exactly ``name`` (no fuzzy match), a leading article allowed,
    else by its transliteration-folded key ("Maarat al-Numan")."""
    return gaz.lookup(name) or gaz.lookup_loose(name)


_COMPASS = re.compile(r"^(?:(?:north|south|east|west|central|centre|upper|lower|middle)(?:ern)?[\s-]+){1,2}(?=\S)",
                      re.I)


def context_hits(name: str, gaz: Gazetteer) -> list[Candidate]:
    """Readings of a hierarchy name, else of the region it qualifies: "Central Tigray" (a zone
    the gazetteer lacks) lies in Tigray."""
    hits = exact_hits(name, gaz)
    if hits:
        return hits
    bare = _COMPASS.sub("", name)
    return exact_hits(bare, gaz) if bare != name else []


def _plausible(hits: list[Candidate], min_alt_population: int) -> bool:
    return any(c.match == MATCH_PRIMARY or c.kind != KIND_CITY or c.population >= min_alt_population
               for c in hits)


def cue_strength(text: str, start: int, end: int) -> int:
    """How strongly the words around a run say it is a place (0, MEDIUM or STRONG)."""
    before = text[max(0, start - 60):start]
    if STRONG_BEFORE.search(before) or STRONG_AFTER.match(text[end:end + 25]):
        return STRONG
    if HIERARCHY.match(text[end:end + 90]) and not HIERARCHY.match(text[end:end + 90]).group(1).isupper():
        return STRONG
    if MEDIUM_BEFORE.search(before):
        return MEDIUM
    return 0


def name_runs(text: str) -> list[tuple[int, int]]:
    """Capitalised name runs of a text, hyphens and particles kept inside."""
    return [(m.start(), m.end()) for m in NAME_RUN.finditer(text)]


def known_name(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, list[Candidate]]:
    """The end and gazetteer hits of a name, whole first, else without a generic tail
    ("Gaza City" stays whole; "Taiz city", "Gao Town" → "Taiz", "Gao")."""
    hits = exact_hits(text[start:end], gaz)
    if hits:
        return end, hits
    short = _strip_generic(text, start, end)
    if short == end or _INSTITUTION_WORDS & set(text[start:short].casefold().split()):
        return end, []  # "Police Department", "Fire Department": an institution, not "Police" (PL)
    return short, exact_hits(text[start:short], gaz)


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The full hyphen/particle-joined name around a span ("Croix" → "Croix-des-Bouquets")."""
    for a, b in name_runs(text[max(0, start - 60):end + 60]):
        a, b = a + max(0, start - 60), b + max(0, start - 60)
        if a <= start and end <= b:
            return a, b
    return start, end


def joined_part(text: str, start: int, end: int) -> bool:
    """Whether a span is only part of a hyphenated or particle-joined name."""
    a, b = whole_name(text, start, end)
    if (a, b) == (start, end):
        return False
    inner = text[a:start] + " " + text[end:b]
    return "-" in text[max(a, start - 1):start + 1] + text[end - 1:min(b, end + 1)] or any(
        w in CONNECTORS for w in inner.split())


def find_cued_spans(doc: Doc, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[ToponymSpan]:
    """Gazetteer-backed name runs with a locative cue, outside the spans already ``taken``."""
    text = text_of(doc)
    ent_at: dict[int, tuple[str, int, int]] = {}
    for e in doc.ents:
        for t in e:
            ent_at[t.idx] = (e.label_, e.start_char, e.end_char)
    found: list[ToponymSpan] = []
    last_end = -1
    for start, end in name_runs(text):
        if end - start < 2:
            continue  # "U" of "U.S.-led": a letter of an abbreviation, never a town
        if any(a < end and start < b for a, b in taken):
            last_end = end if any(a <= start and end <= b for a, b in taken) else last_end
            continue
        cue = cue_strength(text, start, end)
        listed = last_end >= 0 and LIST_BEFORE.search(text[last_end:start]) is not None and (
            len(text[last_end:start]) <= 6)
        if listed:
            cue = max(cue, MEDIUM)
        if not cue:
            continue
        label, ent_start, ent_end = ent_at.get(start, ("", start, end))
        if label in _NOT_PLACE_LABELS:
            continue
        end, hits = known_name(text, start, end, gaz)
        if not hits:
            continue
        in_entity = label and label not in ("GPE", "LOC", "FAC")
        if label == "ORG" and _OFFICE_OF.search(text[ent_start:start]):
            continue  # "the Department of Justice": the office's remit, not a town called Justice
        if in_entity and cue < STRONG and not listed and (
                "(" not in text[ent_start:ent_end] and ent_end > end + 1):
            continue  # part of a longer organisation or person name
        _, context, _ = hierarchy_after(text, end)
        named = _in_named_region(hits, context, gaz)  # "X, Idlib": its region says it is a place
        if in_entity and cue < STRONG and not listed:
            if not named and not any(c.population >= ENTITY_MIN_POPULATION or c.kind != KIND_CITY
                                     for c in hits):
                continue
        if not named and not _plausible(hits, ALT_MIN_POPULATION if cue < STRONG else 0):
            continue
        found.append(ToponymSpan(start, end, context, cue))
        last_end = end
    return found


def _in_named_region(hits: list[Candidate], context: tuple[str, ...], gaz: Gazetteer) -> bool:
    """Whether a reading lies in the admin1 or country named right after it ("X, Idlib")."""
    regions = [y for n in context for y in exact_hits(n, gaz) if y.kind in (KIND_ADMIN1, KIND_COUNTRY)]
    return any(c.country == y.country and (y.kind == KIND_COUNTRY or c.admin1 == y.admin1)
               for c in hits for y in regions)


CONTEXT_RADIUS_KM = 100.0  # a context city this close counts as "X lies in Y"


def fits_context(c: Candidate, context: list[Candidate], distance) -> bool:
    """Whether candidate ``c`` lies in one of its context places (same admin1/country, or near).

    ``distance`` is a haversine function; ``context`` the gazetteer readings of the names
    in "X (A, B)" or "X, Y".
    """
    for y in context:
        if not y.country or y.row == c.row or y.country != c.country:
            continue
        if y.kind == KIND_COUNTRY or c.kind == KIND_COUNTRY or (c.admin1 and c.admin1 == y.admin1):
            return True
        if distance(c.lat, c.lon, y.lat, y.lon) < CONTEXT_RADIUS_KM:
            return True
    return False


# Short country names that are mostly attributive ("a US drone strike", "UK officials").
MODIFIER_NAMES = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "America"})


def is_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether a short country name modifies a noun ("US troops") rather than naming a place."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.text not in MODIFIER_NAMES or cue_strength(text_of(doc), start, end):
        return False
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i


def repair_span(text: str, start: int, end: int, label: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """An entity span cut at "(" or "/" ("Sarmin (Idlib" → "Sarmin") and widened to the whole
    hyphenated name ("Croix" → "Croix-des-Bouquets"); None for a part of an unknown name."""
    cut = min((i for i in (text.find("(", start, end), text.find("/", start, end)) if i > start),
              default=end)
    end = start + len(text[start:cut].rstrip(" ,;"))
    if end <= start:
        return None
    if joined_part(text, start, end):
        a, b = whole_name(text, start, end)
        if exact_hits(text[a:b], gaz):
            return a, b
        return (start, end) if label in ("GPE", "LOC") else None
    short, hits = known_name(text, start, end, gaz)
    return (start, short) if hits else (start, end)


def hierarchy_parents(text: str, mentions: Sequence[Any]) -> dict[int, int]:
    """Mention index → index of the toponym whose bracketed hierarchy it sits in."""
    parents: dict[int, int] = {}
    for i, m in enumerate(mentions):
        spans, _, bracketed = hierarchy_after(text, m.end or 0)
        if not bracketed:
            continue
        for j, n in enumerate(mentions):
            if j != i and any(a <= (n.start or -1) and (n.end or 0) <= b for a, b in spans):
                parents[j] = i
    return parents
