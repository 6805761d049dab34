"""Places named in an event's sentence for another reason than where it happened.

Local news names where a suspect lives ("Christopher Tays, 32, of Franklin"), the hospital the
wounded were taken to ("Jamaica Hospital"), the court that tried the case ("a jury in Poteau");
war news names the side that struck ("the US air strike", "US-led strikes"). None is the
event's place: :mod:`crosswire.extract.events.places` leaves them out (a residence stays the
last resort).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from crosswire.nlp.text import text_of
from crosswire.records import Place

# Where a named person lives, as local news writes it: "Christopher Tays, 32, of Franklin",
# "a 19-year-old man from Dayton", "Jane Doe of Hope". It is not where the event happened.
_AGE_THEN_OF = re.compile(r"(?:,\s*(?:age\s+)?\d{1,3},?|\b\d{1,3}-year-old(?:\s+[a-z]+){0,2}?)\s+(?:both\s+|all\s+)?(?:of|from)\s+$")
_OF_BEFORE = re.compile(r"(?:,\s*)?\b(?:of|from)\s+$")


def is_residence(place: Place, doc: Doc) -> bool:
    """Whether a place is named as where a person lives (an age or a person's name, then "of")."""
    if place.start is None:
        return False
    before = text_of(doc)[max(0, place.start - 60):place.start]
    if _AGE_THEN_OF.search(before):
        return True
    of = _OF_BEFORE.search(before)
    if of is None:
        return False
    span = doc.char_span(place.start - len(before) + of.start(), place.start, alignment_mode="expand")
    person = span.doc[span.start - 1] if span is not None and span.start > 0 else None
    return person is not None and person.ent_type_ == "PERSON"


# Things a town's name may name the kind of without saying where anything is ("a London accent",
# "the Paris agreement"). Kept to such things: before a person, an office or a shop ("a Spiro man",
# "the Lakewood sheriff's station", "an Athens phone store") the town is still the best place a
# report gives.
_KIND_HEADS = frozenset({"accent", "accents", "dialect", "agreement", "accord", "accords", "treaty", "protocol",
                         "convention", "declaration", "syndrome", "style", "cuisine", "formula", "principles",
                         "format", "model", "communique", "communiqué", "charter", "consensus", "doctrine"})


def names_a_kind(tok: Span | None) -> bool:
    """Whether a town's name (its span) only says what kind of thing something is ("a London
    accent", "the Paris agreement"), not where anything is."""
    if tok is None:
        return False
    last = tok[-1]
    head = last.head
    return last.dep_ in {"compound", "amod", "nmod"} and head.i >= tok.end and head.lemma_.lower() in _KIND_HEADS


# Participles a country's name modifies to say whose side it is ("US-led", "Iran-backed").
_SIDE_PARTICIPLES = frozenset({"led", "backed", "supported", "sponsored", "funded", "armed", "allied"})
# Nouns of attacks a country's name before them says who made ("US air strikes", "the Turkish raid").
_ATTACK_NOUNS = frozenset({"strike", "airstrike", "raid", "attack", "bombing", "bombardment", "offensive",
                           "operation", "shelling", "campaign", "incursion", "invasion", "drone"})


def _modifies_participle(tok: Span) -> bool:
    """"US-led", "Iran-backed": the toponym says who leads or backs, not where."""
    return tok.root.dep_ == "npadvmod" and (tok.root.head.tag_ == "VBN" or tok.root.head.lower_ in _SIDE_PARTICIPLES)


# Heads of the names of armed forces: "US Special Forces", "the Syrian Arab Army".
_FORCE_NOUNS = frozenset({"force", "forces", "army", "troop", "troops", "military", "navy", "marine", "marines",
                          "guard", "command", "coalition", "militia", "brigade", "battalion", "regiment"})


def _opens_a_force_name(tok: Span) -> bool:
    """A country that opens the name of an armed force ("embedded with US Special Forces"): whose force."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.start and tok.end <= e.end and e.label_ == "ORG"), None)
    return ent is not None and len(ent) > len(tok) and ent.root.lemma_.lower() in _FORCE_NOUNS


def names_a_side(place: Place, tok: Span | None) -> bool:
    """A country named as whose side an attack was: "US-led", before an attack noun ("the US
    air strike", "U.S. air strikes") or opening a force's name ("US Special Forces"); who struck,
    not where (a town there is where: "the Aleppo bombing")."""
    if tok is None:
        return False
    return _modifies_participle(tok) or (place.precision == "country" and (
        (tok.root.dep_ in {"compound", "nmod", "amod"} and tok.root.head.lemma_.lower() in _ATTACK_NOUNS)
        or _opens_a_force_name(tok)))


# Where the hurt are treated and cases tried: a town naming one is not where the event happened.
CARE_NOUNS = frozenset({"hospital", "clinic", "infirmary", "hospice", "morgue", "medical"})
COURT_NOUNS = frozenset({"jury", "court", "courthouse", "courtroom", "judge", "trial", "prosecutor", "prosecutors",
                         "grand"})


# Houses of worship are named after saints and towns: "the church of St. Peter and St. Paul",
# "Saint Mark's Cathedral" name a building, not Saint Peter (Minnesota).
WORSHIP_NOUNS = frozenset({"church", "cathedral", "chapel", "basilica", "mosque", "temple", "synagogue",
                           "monastery", "abbey", "parish", "shrine", "convent"})


def names_an_institution(tok: Span | None) -> bool:
    """A toponym that names a hospital, a court or a house of worship ("taken to Jamaica
    Hospital", "a jury in Poteau", "the Norwalk courthouse", "the church of St. Peter"): where the
    hurt were treated or the case tried, or the name of a building."""
    if tok is None:
        return False
    root = tok.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "St. Peter and St. Paul": the first names both
        root = root.head
    names = CARE_NOUNS | COURT_NOUNS | WORSHIP_NOUNS
    head, path = tok.root, []
    while head.dep_ in {"compound", "nmod", "conj"} and head.head.i != head.i:
        head = head.head
        path.append(head)
    if any(t.lemma_.lower() in names for t in path) or any(
            c.dep_ == "conj" and c.lemma_.lower() in WORSHIP_NOUNS for c in root.children):
        return True  # "Jamaica Hospital Medical Center", "the Norwalk courthouse", "Saint Peter and ... Church"
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and (
        (prep.lower_ in {"in", "at", "of"} and prep.head.lemma_.lower() in COURT_NOUNS)
        or (prep.lower_ == "of" and prep.head.lemma_.lower() in WORSHIP_NOUNS))


# A distance from a place says where the event is not: "some 160km south of the capital
# Colombo", "40 miles from Kabul". Within ACLED's 25 km the place still counts (it is "near").
_DISTANCE_FROM = re.compile(
    r"(\d[\d,.]*)\s*(km|kms|kilomet(?:er|re)s?|miles?|mi)\b[^.;:!?]{0,40}?\b(?:of|from)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_KM_PER = {"mi": 1.609, "mile": 1.609, "miles": 1.609}
NEAR_ENOUGH_KM = 25.0


def is_reference_point(place: Place, doc: Doc) -> bool:
    """Whether a place is named only to measure a distance from it, further than NEAR_ENOUGH_KM."""
    if place.start is None:
        return False
    m = _DISTANCE_FROM.search(text_of(doc)[max(0, place.start - 90):place.start])
    if m is None:
        return False
    try:
        amount = float(m.group(1).replace(",", ""))
    except ValueError:
        return False
    return amount * _KM_PER.get(m.group(2).lower(), 1.0) > NEAR_ENOUGH_KM
