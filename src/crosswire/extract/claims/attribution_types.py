"""The attribution record the finders build: token spans for source and cue, character ranges for content."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.extract.claims.quotes import Cue


@dataclass(slots=True)
class Attribution:
    """One attribution in a Doc: token spans for source and cue, character ranges for content."""

    cue: tuple[int, int]
    lexeme: Cue
    source: tuple[int, int] | None  # the words naming the speaker where the claim is
    phrase: tuple[int, int] | None  # the whole source phrase, appositions included (what PolNeAR marks)
    referent: tuple[int, int] | None  # what they refer to (a pronoun's antecedent)
    content: list[tuple[int, int]]
    direct: bool
    relays: list[tuple[int, int]] = field(default_factory=list)  # intermediaries, outlet side first
    polarity: str = "positive"
