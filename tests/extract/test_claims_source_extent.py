"""How far a source phrase reaches: the words PolNeAR-style annotation marks as the speaker."""

from __future__ import annotations

import pytest

from claim_helpers import atts_of, spans_of


def sources(nlp, text: str, cue: str) -> list[str | None]:
    doc, found = atts_of(nlp, text)
    return [s for s, c, _ in (spans_of(doc, a) for a in found) if c == cue]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A focus adverb says the speaker is a surprising one, it does not name them.
        ("Even the mayor of the town said the plan would fail.", "the mayor of the town"),
        ("Even Carla Diaz, a loyal party member, said the plan was a mistake.", "Carla Diaz, a loyal party member"),
        # "only" counts the speakers and stays.
        ("Only two senators said they would vote against the bill.", "Only two senators"),
        # The first "as" of "as many as" is part of the number, not a leading conjunction.
        ("As many as 30 percent of the voters said they would stay home.", "As many as 30 percent of the voters"),
        ("And the mayor said the plan would fail.", "the mayor"),
    ],
)
def test_source_phrase_left_edge(nlp_sm, text, source):
    assert source in sources(nlp_sm, text, "said")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A parenthetical cue: the parser gives "said" both nouns as subjects; the one next to it speaks.
        ("Ohio, Smith said, would be close.", "Smith"),
        ("Smith and Jones said the plan would fail.", "Smith and Jones"),
    ],
)
def test_parenthetical_cue_speaker(nlp_sm, text, source):
    assert sources(nlp_sm, text, "said") == [source]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The group calling itself the Free Delta Front has released a video of the raid, according to the Orlen Monitor.",
    "A man who calls himself Tomas Reyn posted the footage of the fire.",
])
def test_a_name_given_to_oneself_is_no_statement(nlp_sm, text: str) -> None:
    doc, found = atts_of(nlp_sm, text)
    assert not [spans_of(doc, a) for a in found if doc[a.cue[0]].lemma_ == "call"]
