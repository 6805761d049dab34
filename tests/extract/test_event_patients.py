"""Whose killing: a person's possessive on a noun of suffering names the victim, not the doer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _parties(nlp, text: str) -> list[tuple[str | None, str | None]]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    events = find_events(doc, doc_id="t", published=None, places=places_from_doc(doc))
    return [(e.actor.text if e.actor else None, e.target.text if e.target else None) for e in events if e.type != "PROTEST"]


@pytest.mark.parametrize("text, actor, target", [
    ("Gray's killing sparked riots.", None, "Gray"),
    ("Ortiz's murder shocked the town.", None, "Ortiz"),
    ("Police confirmed Simpson's arrest in late June.", "police", "Simpson"),  # implied: arrests are the police's
    # a state or a force named as possessor does it; "of" names who suffered it
    ("Israel's killing of three protesters drew condemnation.", "Israel", "three protesters"),
    ("The army's shooting of protesters in Yangon killed 5.", "army", "protesters"),
    ("Boko Haram's attack on Damboa killed 12.", "Boko Haram", None),
])
def test_possessor_of_a_killing_is_its_victim_unless_a_doer_is_told(nlp_sm, text, actor, target):
    assert (actor, target) in _parties(nlp_sm, text)
