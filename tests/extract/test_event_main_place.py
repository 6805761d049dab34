"""An event its sentence does not place is put at the town the report is about, when there is one."""

from __future__ import annotations

import pytest

from crosswire.records import Event

pytestmark = pytest.mark.model

# Paragraphs of two sentences: a text of one sentence per line carries a town over its lines
# instead (tests/extract/test_event_places_carried.py).
ONE_TOWN = ("Riots shake Larissa after police shooting\n\n"
            "Youths rioted in Larissa for a third night on Saturday after police shot a teenager.\n\n"
            "Officials said the unrest was the worst in years. "
            "Rioters set fire to two banks and looted shops overnight.\n\n"
            "The mayor of Larissa appealed for calm.\n")


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))


def test_an_unplaced_event_gets_the_report_town_near_not_at(nlp_sm):
    looting = [e for e in _events(nlp_sm, ONE_TOWN) if "banks" in e.evidence.text]
    assert looting and all(e.places and e.places[0].name == "Lárisa" for e in looting)
    assert looting[0].places[0].note == "the report's main place"


def test_a_capital_named_in_passing_keeps_the_report_town(nlp_sm):
    text = ONE_TOWN.replace("The mayor of Larissa appealed for calm.",
                            "The mayor of Larissa flew to Ankara, Turkey, to appeal for calm.")
    looting = [e for e in _events(nlp_sm, text) if "banks" in e.evidence.text]
    assert looting and all(e.places and e.places[0].name == "Lárisa" for e in looting)


def test_no_main_place_when_the_report_moves_between_countries(nlp_sm):
    text = ONE_TOWN.replace("The mayor of Larissa appealed for calm.",
                            "Similar riots broke out in Ankara, Izmir and Istanbul, Turkey.")
    looting = [e for e in _events(nlp_sm, text) if "banks" in e.evidence.text]
    assert looting and all(not e.places for e in looting)


def test_a_town_named_three_times_after_a_long_heading_is_the_report_town(nlp_sm):
    text = ("www.example.org/news/2008/item-41\nLOCAL NEWS\nMore unrest\nPolice report\n\n"
            "Youths rioted for a third night on Saturday in Larissa after police shot a teenager.\n\n"
            "Rioters set fire to two banks and looted shops overnight.\n\n"
            "Larissa officials said the damage was the worst in years, and the mayor of Larissa appealed for calm.\n")
    looting = [e for e in _events(nlp_sm, text) if "banks" in e.evidence.text]
    assert looting and all(e.places and e.places[0].name == "Lárisa" for e in looting)


def test_no_main_place_for_a_town_named_only_outside_the_lede_or_tied_with_another(nlp_sm):
    late = ONE_TOWN.replace("Youths rioted in Larissa", "Youths rioted").replace("shake Larissa", "shake city")
    assert all(not e.places for e in _events(nlp_sm, late) if "banks" in e.evidence.text)
    tied = (ONE_TOWN.replace("shake Larissa", "shake Larissa and Volos").replace("rioted in Larissa", "rioted in Larissa and Volos")
            .replace("The mayor of Larissa", "The mayors of Larissa and Volos"))
    assert all(not e.places for e in _events(nlp_sm, tied) if "banks" in e.evidence.text)


def test_a_statement_is_not_placed_at_the_report_town(nlp_sm):
    text = ONE_TOWN.replace("Rioters set fire to two banks and looted shops overnight.",
                            "The opposition accused police of beating detainees.")
    accused = [e for e in _events(nlp_sm, text) if "accused" in e.evidence.text]
    assert all(not e.places for e in accused if e.modality not in ("asserted", "reported"))


def test_a_town_named_only_inside_longer_names_is_no_report_town():
    import spacy

    from crosswire.extract.events.places import main_place
    from crosswire.records import Place

    doc = spacy.blank("en")("Officers of the Chino Police Department arrested a suspect.")
    chino = Place("Chino", "Chino", 34.0, -117.7, "US", 5336477, start=16, end=21)
    assert main_place([chino], doc) is None


def test_nearby_towns_are_one_area_told_by_its_first_named_town():
    import spacy

    from crosswire.extract.events.places import main_place
    from crosswire.records import Place

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = ("Riots in Brooklyn. Police shot a boy in East Flatbush on Saturday. Crowds gathered in East Flatbush "
            "and Brooklyn again. A man in Boston was arrested.")
    doc = nlp(text)

    def at(name: str, lat: float, lon: float, gid: int, n: int = 0) -> Place:
        start = [i for i in range(len(text)) if text.startswith(name, i)][n]
        return Place(name, name, lat, lon, "US", gid, start=start, end=start + len(name))

    brooklyn, flatbush = at("Brooklyn", 40.65, -73.95, 1), at("East Flatbush", 40.65, -73.93, 2)
    boston = at("Boston", 42.36, -71.06, 3)
    # Brooklyn 2 and East Flatbush 2 tie as towns, but together they outnumber Boston: one area.
    found = main_place([brooklyn, flatbush, boston], doc)
    assert found is not None and found.name == "Brooklyn" and found.note == "the report's main place"



def test_the_lede_skips_a_page_address_and_a_date_line_copied_above_it(nlp_sm):
    from crosswire.extract.events.places import main_place
    from crosswire.extract.places.core import places_from_doc

    text = ("http : / / www . example . com / 2010 / 09 / woman - shoots - co - workers /\n"
            "Woman Shoots Co-workers\non September 10th , 2010\n"
            "A woman shot and killed two co-workers at a plant in Philadelphia .\n"
            "She was taken into custody after a standoff , police said .\n")
    doc = nlp_sm(text)
    found = main_place(places_from_doc(doc), doc)
    assert found is not None and found.name == "Philadelphia"


def test_background_told_with_an_old_date_is_not_put_at_the_report_town(nlp_sm):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    text = ONE_TOWN + "\nIn February, a man opened fire at a university, killing three professors.\n"
    doc = nlp_sm(text)
    events = find_events(doc, doc_id="t", published="2021-09-12", places=places_from_doc(doc))
    old = [e for e in events if "February" in e.evidence.text and e.acled]
    assert old and all(not e.places for e in old)
    looting = [e for e in events if "banks" in e.evidence.text]
    assert looting and looting[0].places and looting[0].places[0].name == "Lárisa"


def test_no_one_hurt_is_no_attack(nlp_sm):
    assert all(e.modality == "denied" for e in _events(nlp_sm, "No-one has been injured.") if e.type == "ASSAULT")


# A page's headline is stored apart from its text; the lede here names no town.
PAGE_BODY = ("Youths rioted for a third night on Saturday after police shot a teenager, officials said.\n\n"
             "Officials said the unrest was the worst in years. "
             "Rioters set fire to two banks and looted shops overnight.\n\n"
             "Shops stayed shut in Larissa on Sunday. The mayor appealed for calm.\n")


def test_a_town_the_headline_names_is_the_report_town(nlp_sm):
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp_sm(PAGE_BODY)
    places = places_from_doc(doc)

    def looting(headline):
        found = find_events(doc, doc_id="t", published=None, places=places, headline=headline)
        return [e for e in found if "banks" in e.evidence.text]

    # Named once, after the lede: not enough to say the report is about it ...
    assert looting(None) and all(not e.places for e in looting(None))
    # ... unless the headline names it too; a headline naming a town the text never names adds none.
    assert all(e.places and e.places[0].name == "Lárisa" for e in looting("Riots shake Larissa after police shooting"))
    assert all(not e.places for e in looting("Riots shake Volos after police shooting"))


def test_a_town_named_only_to_say_what_kind_of_thing_is_no_report_town(nlp_sm):
    text = ("The gunman with a Leeds accent was hurt when jets struck a meeting of commanders.\n\n"
            "He was taken to a hospital after the raid. The meeting was targeted by two jets.\n")
    raid = [e for e in _events(nlp_sm, text) if "targeted" in e.evidence.text]
    assert raid and all(not any(p.name == "Leeds" for p in e.places) for e in raid)


@pytest.mark.parametrize("dateline", ["Larissa: ", "LARISSA \u2014 ", "Larissa (Agency) - "])
def test_a_dateline_opening_the_lede_is_where_the_copy_was_filed_not_the_event(nlp_sm, dateline):
    text = (f"{dateline}Gunmen attacked a police post in the village of Kalampaka on Saturday, "
            "killing two officers, officials said.\n\nThe attackers fled on motorbikes.\n")
    attack = [e for e in _events(nlp_sm, text) if "police post" in e.evidence.text]
    assert attack and all(p.name != "Lárisa" for e in attack for p in e.places)


def test_the_town_named_again_in_the_lede_after_its_dateline_is_the_place(nlp_sm):
    text = "Larissa - Gunmen attacked a police post in Larissa, the regional capital, on Saturday.\n"
    attack = [e for e in _events(nlp_sm, text) if e.type == "ASSAULT"]
    assert attack and attack[0].places and attack[0].places[0].name == "L\u00e1risa"


@pytest.mark.parametrize(("text", "filed"), [
    ("Larissa: Gunmen attacked a post.", True),
    ("LARISSA (Agency) \u2014 Gunmen attacked a post.", True),
    ("Larissa -- Gunmen attacked a post.", True),
    ("Larissa, the capital, was calm.", False),  # a subject set off by commas
    ("Gunmen attacked Larissa: two died.", False),  # not where a line opens
    ("Larissa-based farmers marched.", False),
])
def test_only_a_place_opening_its_line_before_a_colon_or_dash_files_the_copy(text, filed):
    from crosswire.extract.events.places import files_the_copy
    from crosswire.records import Place

    start = text.index("Larissa") if "Larissa" in text else text.index("LARISSA")
    place = Place(text="Larissa", name="L\u00e1risa", lat=39.6, lon=22.4, country="GR", geonames_id=1,
                  start=start, end=start + 7)
    assert files_the_copy(place, text) is filed
