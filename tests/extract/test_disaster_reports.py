"""A disaster report's harm told without its cause is the hazard's, not an attack (extract/events/disaster_reports.py)."""

from __future__ import annotations

import pytest

from crosswire.extract.events.core import find_events

pytestmark = [pytest.mark.model, pytest.mark.issue(11)]

QUAKE = ("A strong earthquake shook the hill districts of Varkesh on Friday, killing at least 30 people.\n\n"
         "The quake was felt as far as the coast, the seismology bureau said.\n\n")


def _kinds(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, (e.acled or {}).get("sub_event_type")) for e in find_events(nlp(text), doc_id="t", published=None)]


@pytest.mark.parametrize("harm", [
    "Another 150 people in the county were injured, said a spokesman.",
    "A man was killed by falling debris in a shopping centre in Garel.",
    "Friday's quakes destroyed or damaged 2,000 homes, the agency said.",
])
def test_causeless_harm_in_a_quake_report_is_the_quake(nlp_sm, harm: str) -> None:
    kinds = _kinds(nlp_sm, QUAKE + harm)
    assert kinds and all(sub is None for _, sub in kinds)
    assert ("DISASTER", None) in kinds


def test_a_flood_named_in_several_sentences_makes_the_report_a_flood_report(nlp_sm) -> None:
    text = ("The flood waters kept rising across the south on Monday.\n\n"
            "Officials said 36 people have been killed in Badin, where the floods cut every road.\n\n"
            "The authorities have set up relief camps for the flood victims.")
    assert all(sub is None for _, sub in _kinds(nlp_sm, text))


@pytest.mark.parametrize("harm", [
    "Gunmen killed two aid workers in Garel on Saturday.",  # armed men: an attack whatever the quake
    "Looters shot dead a shopkeeper in Garel.",
])
def test_violence_in_a_disaster_report_stays_violence(nlp_sm, harm: str) -> None:
    assert any(sub is not None for _, sub in _kinds(nlp_sm, QUAKE + harm))


def test_harm_with_no_hazard_named_stays_an_attack(nlp_sm) -> None:
    assert ("ASSAULT", "Attack") in _kinds(nlp_sm, "A man was killed in a shopping centre in Garel on Friday.")
