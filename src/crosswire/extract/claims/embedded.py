"""Place names inside organisation and facility names ("Huntsville Police Department").

Geoparsing corpora annotate a toponym wherever it is written, also inside a name:
"the *Huntsville* Police Department", "the University of *Alexandria*", "*Anderson County*
Crimestoppers", "Taco Bell *Canada*". Event extraction does not want these (the police
department is an actor, not where something happened), so :func:`embedded_spans` is only
used when a caller asks for the corpora's annotation scope (``places_from_doc(...,
embedded=True)``).

Three positions are read, and each needs a gazetteer name matched by its primary name:

* the head of the name: its first one to three capitalised words ("Dublin City Council",
  "U.S. Food and Drug Administration", "Canadian Blood Services" with ``demonyms``);
* after "of" ("University of Alexandria", "Culinary Institute of America");
* the tail, for countries only ("Yum! Canada", "ABC Australia").

A town must have :data:`EMBEDDED_MIN_POPULATION` inhabitants, or its name must be used
as a place elsewhere in the document (``known``): "Whitestown Fire Department" counts in an
article that also says "in Whitestown".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from crosswire.extract.places.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    MATCH_PRIMARY,
    Gazetteer,
    normalize_name,
)
from crosswire.extract.places.countries import NORP_COUNTRIES
from crosswire.nlp.text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span

EMBEDDED_LABELS = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT")
# Swept on geoparsing-news dev (see evaluate/places.py); below it, surnames and words that
# are also hamlets ("Star", "Energy") turn into places.
EMBEDDED_MIN_POPULATION = 5_000
_STOP = frozenset({"the", "of", "and", "for", "&"})
# Words that open organisation names and are also the names of towns ("University", FL).
ORG_WORDS = frozenset({
    "university", "college", "school", "academy", "institute", "hospital", "clinic", "bank",
    "church", "department", "ministry", "office", "council", "court", "police", "army", "union",
    "national", "federal", "state", "royal", "central", "united", "international", "general",
    "first", "new", "great", "grand", "star", "energy", "mission", "alliance", "victory", "liberty",
    "independence", "progress", "unity", "metro", "capital", "commerce", "industry", "home"})


def _is_name(tok) -> bool:  # noqa: ANN001 - a spaCy Token
    return (tok.is_title or tok.is_upper) and tok.is_alpha or tok.text in ("U.S.", "U.K.", "D.C.")


def _place_kind(text: str, gaz: Gazetteer, known: Collection[str], *, countries_only: bool = False
                ) -> bool:
    key = normalize_name(text)
    for c in gaz.lookup(text):
        if c.match != MATCH_PRIMARY:
            continue
        if c.kind == KIND_COUNTRY:
            return True
        if countries_only:
            continue
        if c.kind in (KIND_ADMIN1, KIND_ADMIN2):
            return True
        if c.kind == KIND_CITY and (c.population >= EMBEDDED_MIN_POPULATION or key in known):
            return True
    return False


def embedded_spans(ent: Span, gaz: Gazetteer, *, known: Collection[str] = (),
                   demonyms: bool = False) -> list[tuple[int, int]]:
    """Character spans of the place names inside one organisation/facility entity.

    ``known`` holds normalised names the document uses as places elsewhere; ``demonyms``
    also takes a leading adjective ("Canadian Blood Services").

    Example:
        >>> embedded_spans(nlp("the Huntsville Police Department said")[0:4], gaz)  # doctest: +SKIP
        [(4, 14)]
    """
    text_all = text_of(ent.doc)
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if len(toks) < 2:
        return []
    found: list[tuple[int, int]] = []
    # Head: the longest leading run of 1-3 name words that is a place.
    for n in (3, 2, 1):
        head = toks[:n]
        if (n < len(toks) and all(_is_name(t) for t in head) and head[-1].whitespace_
                and head[0].lower_ not in ORG_WORDS):
            text = text_all[head[0].idx:head[-1].idx + len(head[-1])]
            rest = text_all[toks[n].idx:toks[-1].idx + len(toks[-1])]
            if _place_kind(rest, gaz, ()):
                continue  # "Metro Vancouver", "Greater Manchester": a region's own name
            if _place_kind(text, gaz, known) or (
                    demonyms and n == 1 and text.casefold() in NORP_COUNTRIES):
                found.append((head[0].idx, head[-1].idx + len(head[-1])))
                break
    # After "of": up to three name words ("University of the Kentucky" skips "the").
    for i, t in enumerate(toks[:-1]):
        if t.lower_ != "of":
            continue
        rest = toks[i + 1:]
        if rest and rest[0].lower_ == "the":
            rest = rest[1:]
        run = []
        for r in rest:
            if not _is_name(r) or r.lower_ in _STOP:
                break
            run.append(r)
        for n in range(min(3, len(run)), 0, -1):
            text = text_all[run[0].idx:run[n - 1].idx + len(run[n - 1])]
            if _place_kind(text, gaz, known):
                found.append((run[0].idx, run[n - 1].idx + len(run[n - 1])))
                break
    # Tail: a country name closing the entity ("Taco Bell Canada").
    for n in (2, 1):
        tail = toks[-n:]
        if n < len(toks) and all(_is_name(t) for t in tail) and toks[-n - 1].lower_ != "of":
            text = text_all[tail[0].idx:tail[-1].idx + len(tail[-1])]
            if _place_kind(text, gaz, known, countries_only=True):
                found.append((tail[0].idx, tail[-1].idx + len(tail[-1])))
                break
    out: list[tuple[int, int]] = []
    for span in sorted(set(found)):
        if not any(a < span[1] and span[0] < b for a, b in out):
            out.append(span)
    return out
