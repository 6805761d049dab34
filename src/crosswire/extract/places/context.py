"""Text cues around toponyms: qualifiers ("Alexandria, La."), relative phrases, demonyms, missed spans."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from typing import TYPE_CHECKING

from crosswire.extract.dates import DAY_OR_MONTH_NAME
from crosswire.extract.places.gazetteer import AP_STATES as _AP
from crosswire.extract.places.gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# State abbreviations accepted as a qualifier: AP style ("La.") and postal codes ("LA").
AP_STATES: dict[str, str] = {**_AP, **{code.casefold(): code for code in set(_AP.values())}}

# Adjectives of continents; resolved through the gazetteer like a name.
CONTINENT_ADJECTIVES: dict[str, str] = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "south american": "South America",
    "north american": "North America", "latin american": "South America",
}

_QUALIFIER = re.compile(r"^ ?,\s*((?:[A-Z][a-z]*\.){1,2}(?:[A-Z][a-z]*\.?)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_REGION_AFTER = re.compile(r"^\s+(?:state|province|county|governorate|region)\b", re.I)
_REGION_BEFORE = re.compile(r"\b(?:state|province|governorate|region) of\s+(?:the\s+)?$", re.I)
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_RELATIVE = re.compile(
    r"(?:(?:\d[\d,.]*|a few|several|some)\s*(?:km|kilometers|kilometres|miles|mi)\s+)?"
    rf"(?:{_DIRECTION}\s+of|near|outside|close to|on the outskirts of|just outside|around)"
    r"\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,3}(?:city|town|village|province|region|area)\s+of\s+)?$",
    re.I)
RELATIVE_LOOKBACK = 80  # characters before a toponym searched for "30 km south of the city of"

EXTRA_MIN_POPULATION = 50_000  # gazetteer-only spans must name a sizeable city (precision)
_SKIP_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE",
                "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "NORP"}


def qualifier_after(text: str, end: int) -> str | None:
    """The admin/country qualifier right after a toponym ("La." in "Alexandria, La.")."""
    m = _QUALIFIER.match(text[end:end + 40])
    return m.group(1) if m else None


def region_cue(text: str, start: int, end: int) -> bool:
    """Whether the toponym is called a state/province ("New York state", "state of Washington")."""
    return bool(_REGION_AFTER.match(text[end:end + 20]) or _REGION_BEFORE.search(text[max(0, start - 30):start]))


def relative_note(text: str, start: int) -> str | None:
    """The relative phrase before a toponym ("30 km south of the central city of"), if any."""
    window = text[max(0, start - RELATIVE_LOOKBACK):start]
    m = _RELATIVE.search(window)
    return m.group(0).strip() if m else None


def find_extra_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Proper-noun runs spaCy left untagged that name a country, admin1 or sizeable city.

    Only runs of title-case PROPN tokens outside any entity are considered, so a place
    inside "Syrian Observatory for Human Rights" (ORG) is left alone.
    """
    taken = [False] * len(doc)
    for ent in doc.ents:
        if _misread_as_time(ent):
            continue  # "in Manbij" tagged DATE: a lone proper noun that is no day, month or holiday
        if ent.label_ in _SKIP_LABELS or ent.label_ in ("GPE", "LOC", "FAC"):
            for i in range(ent.start, ent.end):
                taken[i] = True
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or not tok.is_title or tok.pos_ != "PROPN":
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and not taken[j + 1] and doc[j + 1].is_title and doc[j + 1].pos_ == "PROPN":
            j += 1
        span = doc[i:j + 1]
        if _worth_adding(span.text, gaz):
            spans.append((span.start_char, span.end_char))
        i = j + 1
    covered = [(e.start_char, e.end_char) for e in doc.ents]
    spans += [(a, b) for a, b in find_dateline_spans(text_of(doc), gaz)
              if not any(a < y and x < b for x, y in covered)]
    return spans


_TIME_WORD = re.compile(rf"{DAY_OR_MONTH_NAME}|christmas|easter|ramadan|eid|passover|hanukkah|diwali|thanksgiving"
                        r"|halloween|lent|advent|noon|midnight|dawn|dusk", re.I)


def _misread_as_time(ent: Span) -> bool:
    """A DATE or TIME entity that is one title-case proper noun naming no time ("Manbij")."""
    return ent.label_ in ("DATE", "TIME") and len(ent) == 1 and ent[0].is_title and ent[0].pos_ == "PROPN" \
        and not _TIME_WORD.fullmatch(ent.text)


_DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?=,|\s+\(|\s+[—–-])")


def find_dateline_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """All-caps datelines opening a paragraph ("BEIRUT —", "COLUMBUS, Ohio (AP)"), which spaCy misses."""
    spans = []
    for m in _DATELINE.finditer(text):
        if gaz.lookup(m.group(1).title()):
            spans.append((m.start(1), m.end(1)))
    return spans


_DESIGNATIONS = ("County", "Parish", "Borough")


def is_designated(name: str) -> bool:
    """Whether a name carries a US-style second-level designation ("Henry County")."""
    return name.rsplit(" ", 1)[-1] in _DESIGNATIONS and " " in name


def _worth_adding(text: str, gaz: Gazetteer) -> bool:
    for c in gaz.lookup(text):
        if c.match == 2:
            continue
        if c.kind in (KIND_COUNTRY, KIND_ADMIN1) or (
                c.kind in (KIND_CITY, KIND_ADMIN2) and c.population >= EXTRA_MIN_POPULATION):
            return True
        if c.kind == KIND_ADMIN2 and c.match == 0 and is_designated(c.name):
            return True  # "Henry County": the designation says it is a place
    return False
