"""Event parties pointed at resolved entities: a person named by nationality is not the country."""

from __future__ import annotations

from crosswire.extract.entities.linking import link_party
from crosswire.records import Entity, Mention, Party

USA = Entity(id="ent-us", type="GPE", canonical="United States", aliases=["American"], docs=["d"])


def _mention(start: int, end: int, text: str, type_: str) -> Mention:
    return Mention(doc="d", start=start, end=end, text=text, type=type_, entity="ent-us")


def test_a_person_named_by_nationality_keeps_the_country_not_the_entity():
    # "an American photographer": NORP "American" (3-11) inside the party (0-24)
    party = Party("an American photographer", start=0, end=24, kind="media")
    linked = link_party(party, [_mention(3, 11, "American", "NORP")], {"ent-us": USA})
    assert linked is not None
    assert linked.entity is None and linked.canonical is None
    assert linked.country == "USA"


def test_a_force_named_by_its_country_is_that_state():
    party = Party("American jets", start=0, end=13, kind="military")
    linked = link_party(party, [_mention(0, 8, "American", "NORP")], {"ent-us": USA})
    assert linked is not None and linked.entity == "ent-us" and linked.canonical == "United States"
