"""A sentence that tells one act in several listed towns tells an event per town (extract/events/towns.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.core import find_events
from crosswire.extract.places.core import places_from_doc

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]


def _towns(nlp, text: str, word: str) -> list[list[str]]:
    doc = nlp(text)
    return [[p.name for p in e.places if p.precision == "point"]
            for e in find_events(doc, doc_id="t", published="2020-03-10", places=places_from_doc(doc))
            if word in e.evidence.text and e.modality in {"asserted", "reported"}]


@pytest.mark.parametrize("text", [
    "Troops fired tear gas at protesters in Caracas neighborhoods and in the border city of Maracaibo on Monday.",
    "Mobs hurled rocks at police in one Nairobi slum and the western town of Kisumu on Monday.",
])
def test_each_listed_town_is_an_event_of_its_own(nlp_sm, text: str) -> None:
    towns = _towns(nlp_sm, text, "hurled" if "Mobs" in text else "tear gas")
    assert len(towns) == 2 and all(len(t) == 1 for t in towns) and towns[0] != towns[1]


def test_the_toll_stays_with_the_first_town(nlp_sm) -> None:
    doc = nlp_sm("Gunmen attacked villages in Kaduna and Zaria on Monday, killing 12 people.")
    found = [e for e in find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))
             if e.type == "ASSAULT"]
    assert [e.fatalities.low if e.fatalities else None for e in found] == [12, None]


@pytest.mark.parametrize(("text", "word"), [
    ("Protesters blocked the road between Kaduna and Zaria on Monday.", "blocked"),  # a span, not two scenes
    ("Gunmen attacked a bus travelling from Kaduna to Zaria on Monday.", "attacked"),
    ("Police blamed the attack on gangs from Kaduna and Zaria.", "attack"),  # one attack told again
    ("A government airstrike killed four civilians in Kafr Nabl, Idlib, on Monday.", "airstrike"),  # a town, its province
])
def test_a_route_a_span_or_a_retelling_stays_one_event(nlp_sm, text: str, word: str) -> None:
    assert len(_towns(nlp_sm, text, word)) <= 1
