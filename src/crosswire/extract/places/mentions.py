"""Toponym mentions of a parsed document: which spans are places, with their local cues."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from crosswire.extract.entities.aliases import load_aliases
from crosswire.extract.claims.embedded import EMBEDDED_LABELS, embedded_spans
from crosswire.extract.places.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    KIND_REGION,
    MATCH_PRIMARY,
    Gazetteer,
    load_gazetteer,
    normalize_name,
)
from crosswire.extract.places.context import (
    CONTINENT_ADJECTIVES,
    find_extra_spans,
    qualifier_after,
    region_cue,
    relative_note,
)
from crosswire.extract.places.countries import NORP_COUNTRIES
from crosswire.extract.places.rules import (
    BIG_CITY_POPULATION,
    is_bare_compass,
    is_capitalised_by_position,
    is_cut_off,
    is_fragment,
    is_honorific_or_number,
    is_kin_apposition,
    is_nickname,
    is_person_org,
    is_possessive,
    is_shouted_acronym,
    is_vehicle_make,
    is_weapon_name,
)
from crosswire.extract.places.units import find_unit_spans, units_after
from crosswire.extract.places.toponyms import (
    STRONG,
    cue_strength,
    find_cued_spans,
    hierarchy_parents,
    is_modifier,
    joined_part,
    repair_span,
)
from crosswire.nlp.text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
# spaCy sm tags many toponyms ORG/PERSON ("Texas" in a sports story, "Alexandria"). Such an
# entity is taken as a place when its whole text is a primary gazetteer name of a country,
# admin1, or a city at least this big. Tune part, 0–1M: end to end only rises as it falls (78.2% at
# 0, 77.4% at 20k: it never charges a wrong place); geotagging F1 peaks at 20k–30k (85.8%, 84.9% at 0).
RELABEL_LABELS = ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LANGUAGE")
RELABEL_MIN_POPULATION = 20_000
# Words that continue a place name into another, smaller place's ("Tennessee Colony", "Texas City").
# Not "City", "Valley" or "Park": "Birmingham City" and "Missouri Valley Blazers" are teams that
# the geoparsing corpora count as their towns (tune part).
SETTLEMENT_WORDS = frozenset({"colony", "springs", "heights", "falls", "beach", "village", "township",
                              "junction", "creek", "landing"})


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
    units: tuple[str, ...] = ()  # the unit word of each name after it ("district"), "" if none
    hierarchy: bool = False  # the context is an outright hierarchy, not a comma that may list



def clean_surface(text: str) -> str:
    """Strip what is not part of a name: a leading "the", a possessive, edge punctuation."""
    text = text.strip().strip(",;:!?\"“”()[]")
    text = re.sub(r"(?i)^the\s+", "", text)
    return re.sub(r"(?:'s|’s|')$", "", text).strip()



def _is_mislabelled_place(text: str, gaz: Gazetteer, min_population: int = RELABEL_MIN_POPULATION) -> bool:
    """Whether an ORG/PERSON entity's whole text is a well-known place name."""
    return any(c.match == MATCH_PRIMARY and (
        c.kind not in (KIND_CITY, KIND_ADMIN2, KIND_REGION) or c.population >= min_population)
        and c.kind != KIND_REGION
        for c in gaz.lookup(clean_surface(text)))


def _place_prefix(ent: Span, people: set[str]) -> tuple[int, int] | None:
    """Offsets of a well-known place name opening an organisation's name, if any."""
    gaz = load_gazetteer()
    text = text_of(ent.doc)
    if any(c.match == MATCH_PRIMARY for c in gaz.lookup(clean_surface(ent.text))):
        return None  # "a Forest Hill hotel room": the whole is a town's name, not "Forest" and an office
    for n in (3, 2, 1):
        if n < len(ent) and all(t.is_title or t.is_upper for t in ent[:n]):
            head = ent[:n]
            if any(c.match == MATCH_PRIMARY and c.kind in (KIND_COUNTRY, KIND_ADMIN1)
                   for c in gaz.lookup(head.text)):
                if is_person_org([t.text for t in ent[n:] if not t.is_punct],
                                 text[max(0, ent.start_char - 20):ent.start_char],
                                 text[ent.end_char:ent.end_char + 60], people):
                    return None  # "Amara Osei, a local official": a person, not an office
                if ent[n].lower_ in SETTLEMENT_WORDS:
                    return None  # "Tennessee Colony": a hamlet of Texas, not the state
                return head.start_char, head.end_char
    return None


def mentions_from_doc(doc: Doc, *, demonyms: bool = False, gazetteer: Gazetteer | None = None,
                      modifiers: bool | None = None, embedded: bool = False,
                      ) -> tuple[list[PlaceMention], Counter[str]]:
    """Toponym mentions of a parsed document and the countries its demonyms point to.

    Mentions are GPE/LOC/FAC entities, ORG/PERSON entities that are exactly a well-known
    place name, gazetteer-backed proper-noun runs spaCy missed, and name runs with a
    locative cue (:mod:`crosswire.extract.places.toponyms`). NORP entities ("Syrian") only feed
    the country focus unless ``demonyms`` is set, in which case they become
    country-precision mentions too (the geoparsing corpora annotate them). Attributive
    short country names ("US troops") are left out unless ``modifiers`` (default: same as
    ``demonyms``). Place names inside organisation/facility names ("the *Huntsville*
    Police Department") only with ``embedded`` (:mod:`crosswire.extract.claims.embedded`).
    """
    gaz = gazetteer or load_gazetteer()
    known = {normalize_name(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")}
    people = person_name_parts(doc)
    names = names_of_people(doc)
    called_people = _only_ever_people(doc)
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
                and _is_mislabelled_place(text[slice(*fixed)], gaz)
                and not (label == "PERSON" and text[slice(*fixed)].casefold() in called_people
                         and not _is_mislabelled_place(text[slice(*fixed)], gaz, BIG_CITY_POPULATION))):
            if modifiers or not is_modifier(doc, *fixed):
                spans.append((*fixed, label))
        elif inner:
            spans += [(a, b, "EMBEDDED") for a, b in inner]
        elif label == "ORG":
            prefix = _place_prefix(e, people)  # "Texas" in "Texas Department of Health"
            if prefix:
                spans.append((*prefix, label))
    spans += [(s, e, "EXTRA") for s, e in find_extra_spans(doc, gaz) if not joined_part(text, s, e)]
    spans += [(t.start, t.end, "CUED") for t in find_cued_spans(doc, gaz, [(a, b) for a, b, _ in spans])]
    spans += [(a, b, "UNIT") for a, b in find_unit_spans(text, gaz, [(a, b) for a, b, _ in spans])]
    mentions = []
    for start, end, label in sorted(set(spans)):
        if mentions and mentions[-1].end is not None and start < mentions[-1].end:
            continue  # overlapping spans: the earlier (longer-first after sorting) wins
        if _is_known_actor(text[start:end]):
            continue  # "NATO", "SANA": organisations the alias table knows are not towns
        if is_fragment(text, start, end) or (is_cut_off(text, end) and not _is_mislabelled_place(
                text[start:end], gaz, BIG_CITY_POPULATION)) or (is_weapon_name(text, end) and not any(
                c.kind == KIND_COUNTRY for c in gaz.lookup(text[start:end]))):
            continue  # a truncated "... in Tur", "Grad rockets" ("US drones" name a country)
        if _not_a_place_here(text, start, end, label, names, gaz):
            continue
        units = units_after(text, end, gaz)
        mentions.append(PlaceMention(
            text[start:end], start, end, qualifier=qualifier_after(text, end),
            region_cue=region_cue(text, start, end), note=relative_note(text, start),
            allow_fuzzy=label in ("GPE", "LOC"), context=units.names, units=units.words,
            hierarchy=units.explicit))
    return _with_parent_context(text, mentions), norp


def _only_ever_people(doc: Doc) -> set[str]:
    """Words spaCy tags PERSON twice or more and never a place ("Dalton , shot in the neck")."""
    tags: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for e in doc.ents:
        key = e.text.casefold()
        tags.setdefault(key, set()).add(e.label_)
        counts[key] += e.label_ == "PERSON"
    return {k for k, n in counts.items() if n >= 2 and not tags[k] & set(PLACE_LABELS)}


def _not_a_place_here(text: str, start: int, end: int, label: str, names: PeopleNames, gaz: Gazetteer) -> bool:
    """A span that reads as a place name but is written as something else in this text: the
    surname of a person it names in full ("Gordon Lancaster ... Lancaster drank"), a given name
    of one ("the deaths of Helen, Clarence and Randy Kunz"), a nickname ("known as Montana"),
    a lone compass word ("the North's"), a car's make ("a 2013 Toyota Camry"), an acronym ("a
    SWAT unit"), or a common word capitalised as a sentence's first ("Man found guilty"),
    which only the gazetteer, not the parser, took for a name. A locative cue ("in X") or a
    big city's name outweighs a surname, unless the surname owns something ("Paris' home")."""
    surface = text[start:end]
    surnames, given = names.surnames, names.given
    key = surface.casefold()
    if (is_nickname(text, start) and not is_possessive(text, end)) or is_honorific_or_number(text, start, end) or (
            is_kin_apposition(text, start)) or (
            is_bare_compass(surface) and not qualifier_after(text, end)):
        return True
    longer = re.match(r"\s+([A-Z][a-z]+)\b", text[end:end + 20])
    if longer and longer.group(1).casefold() in SETTLEMENT_WORDS and not gaz.lookup(f"{surface} {longer.group(1)}"):
        return True  # "a Tennessee Colony man": a hamlet the gazetteer lacks, not the state
    if key in surnames and (is_possessive(text, end) or names.ends_full_name(text, end)
                            or start in names.subjects):
        return True  # "Paris' residence", "Melton Lewis Paris", "Holland recalled"
    cue = cue_strength(text, start, end)
    big = _is_mislabelled_place(surface, gaz, BIG_CITY_POPULATION)
    if key in surnames and cue == 0 and not big:
        return True
    if key in given and cue == 0 and not big and not any(
            c.kind in (KIND_ADMIN1, KIND_COUNTRY) for c in gaz.lookup(surface)):
        return True  # "Helen" of "Helen Kunz" is no town in Georgia; "Virginia" stays a state
    if is_vehicle_make(text, start, end) or is_shouted_acronym(text, start, end, gaz.lookup(surface.title())):
        return True
    return label == "EXTRA" and cue == 0 and is_capitalised_by_position(text, start, end)


@dataclass(frozen=True, slots=True)
class PeopleNames:
    """The names of a document's people, to tell "Paris" the victim from Paris the city."""

    surnames: set[str]
    given: set[str]
    full: frozenset[str]
    subjects: frozenset[int]  # character offsets of the document's clause subjects

    def ends_full_name(self, text: str, end: int) -> bool:
        """Whether the word ending at ``end`` closes a full name written out there."""
        return any(text[max(0, end - len(n)):end] == n for n in self.full)


def names_of_people(doc: Doc) -> PeopleNames:
    """Surnames, given names and full names of the document's people.

    Given names are the first words of PERSON names and, read off the text, any capitalised
    word written right before a known surname ("of Helen Kunz" when spaCy tagged only "Randy Kunz").
    """
    surnames = surnames_of(doc)
    given = set(given_names_of(doc))
    text = text_of(doc)
    written = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
    if written:  # as written, so "GM" or "ESTATES" in a shouted line is no one's surname
        alternatives = "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True))
        given |= {m.group(1).casefold() for m in re.finditer(
            rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?:{alternatives})\b", text)}
        for listed in re.finditer(rf"\b((?:[A-Z][a-z]+,\s+)+[A-Z][a-z]+),?\s+and\s+[A-Z][a-z]+\s+(?:{alternatives})\b",
                                  text):  # "Helen, Clarence, Irene and Randy Kunz": one family
            given |= {w.casefold() for w in re.findall(r"[A-Z][a-z]+", listed.group(1))}
    full = frozenset(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_alpha)
    subjects = frozenset(t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    return PeopleNames(surnames, given - surnames, full, subjects)


def surnames_of(doc: Doc) -> set[str]:
    """Last words of the document's multi-word PERSON names: a later bare "Lancaster" is him."""
    return {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_alpha}


_NOT_NAME_WORDS = frozenset({"police", "sheriff", "county", "parish", "fire", "department", "chief", "capt",
                             "sgt", "officer", "deputy", "city", "state", "court", "district", "township"})


def given_names_of(doc: Doc) -> set[str]:
    """First words of the document's two- or three-word PERSON names that read as a person's
    ("Helen Kunz"), not a place and a role run together ("Chiefland Police")."""
    return {e[0].lower_ for e in doc.ents if e.label_ == "PERSON" and 2 <= len(e) <= 3
            and all(t.is_title and t.is_alpha and t.lower_ not in _NOT_NAME_WORDS for t in e)}


def person_name_parts(doc: Doc) -> set[str]:
    """Words of the document's multi-word PERSON names ("Trapani" after "Nick Trapani").

    A later bare "Trapani" tagged PERSON/ORG is that person, not the Sicilian town.
    """
    return {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
            if t.text[:1].isupper() and not t.is_upper}  # "McAllister", "McCarthy" too


def _is_known_actor(surface: str) -> bool:
    entry = load_aliases().lookup(surface)
    return entry is not None and entry.type not in ("GPE", "LOC", "FAC")


def _with_parent_context(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Hierarchy parts ("Borno" in "Damboa (Damboa, Borno)") take their parent as context."""
    out = list(mentions)
    for j, i in hierarchy_parents(text, mentions).items():
        out[j] = replace(out[j], context=(*out[j].context, mentions[i].text))
    return out

