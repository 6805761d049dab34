"""Counts two claims give: whether they count the same thing, and whether they can both hold.

"Ten commanders killed" and "16 leaders killed" answer one question; "66 vs 36 (year-old)"
answers none (ages), nor do screen sizes or contracts. One passage told twice never
disagrees with itself, whatever a negation's scope makes of a cut.
"""

from __future__ import annotations

import re

from crosswire.compare.cues import KILL_KEYS, Analysis
from crosswire.compare.pairs import speaker_key
from crosswire.compare.questions import relayed
from crosswire.compare.stance import counts_disagree, death_counts, fmt_quantity, places_apart
from crosswire.records import Claim


def quantity_term(detail: str) -> frozenset[str]:
    """The slot of a number detail: "36 vs 0 (civilians killed)" counts civilians killed."""
    what = detail.rsplit("(", 1)[-1].rstrip(")") if "(" in detail else "count"
    return frozenset({f"#{what.lower()}"})


# What a figure counts when it is no rival answer: ages, ordinals, spans of time, sizes and sums
# (two judgements found screen sizes of two laptops and two players' contracts set against each other).
NOT_COUNTS = re.compile(r"\((?:\d+-)?(?:year-old|years?-old|th|st|nd|rd|years?|months?|weeks?|days?|hours?|minutes?|"
                        r"percent|per cent|%|inch(?:es)?|in|cm|mm|feet|foot|ft|miles?|km|kilometres?|kilometers?|"
                        r"metres?|meters?|kg|pounds?|lbs?|tons?|tonnes?|dollars?|euros?|million|billion|m|bn)\)$", re.I)


def a_count(detail: str) -> bool:
    """Whether a number detail ("36 vs 0 (civilians killed)") counts people or things, not an
    age ("66 vs 36 (year-old)"), an ordinal or a span of time."""
    return NOT_COUNTS.search(detail) is None


def toll_clash(a: Analysis, b: Analysis) -> str | None:
    """Two death tolls that cannot both be right ("fourteen civilians were killed" vs "fewer
    than five died"), unless the texts place them apart.

    Within one story two counts of the dead are two accounts of one toll even when the
    sentences share no word, so this needs no shared words; counts of different kinds of
    people ("three soldiers" vs "14 civilians") or at places far apart are not compared.

    Example:
        >>> from crosswire.compare.cues import analyse
        >>> toll_clash(analyse("fourteen civilians were killed"), analyse("fewer than five died"))
        '14 vs 0-4 (civilians killed)'
    """
    if a.places and b.places and not a.places & b.places and all(
            places_apart(a.surface(x), b.surface(y)) for x in a.places for y in b.places):
        return None
    if several_tolls(a) or several_tolls(b):
        return None
    for qa in a.quantities:
        for qb in b.quantities:
            if death_counts(qa, qb) and counts_disagree(qa, qb):
                named = [q.unit_text for q in (qa, qb) if q.unit not in KILL_KEYS]
                what = f"{named[0]} killed" if named else "dead"
                return f"{fmt_quantity(qa)} vs {fmt_quantity(qb)} ({what})"
    return None


def several_tolls(a: Analysis) -> bool:
    """Whether a text gives two or more counts of the dead ("forty died at the scene and nine in
    hospital", "31 bodies recovered and nine others died"): parts of a toll, and which of them, or
    their sum, is the toll is not said, so no one of them is set against another report's total."""
    return sum(1 for q in a.quantities if q.killed and not q.part) > 1


# A count told as possible, feared or estimated ("as many as 170 may have died", "the toll could
# rise") is no rival to a confirmed one: a blind reader marked every such pair compatible.
_HEDGED = re.compile(r"\b(?:may|might|could)\b|\bfear(?:ed|s)?\b|\bpossibl[ey]\b|\bperhaps\b|\bunconfirmed\b|"
                     r"\bfeared\b|\bup to\b|\bestimat", re.I)


def hedged(text: str) -> bool:
    """Whether a claim tells its figure as possible, feared or estimated rather than as counted.

    Example:
        >>> hedged("as many as 170 persons may have died"), hedged("52 people were killed")
        (True, False)
    """
    return _HEDGED.search(text) is not None


def one_passage(a: Claim, b: Claim, sa: Analysis, sb: Analysis, *, relays: bool = True) -> bool:
    """Whether two claims are one passage: one voice's overlapping spans of one document, or (with
    ``relays``) one statement's words carried again (``questions.relayed``): they may support as
    a relay but never contradict, whatever a negation's scope makes of a cut. Events the two
    tell that differ in a slot (``relays=False``) are read from more than the two texts."""
    one_voice = speaker_key(a) is None or speaker_key(b) is None or speaker_key(a) == speaker_key(b)
    if a.doc == b.doc and a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end and one_voice:
        return True  # two speakers may clash within one sentence ("X denied it; Y confirmed it")
    # "X was killed" / "X was not killed", "fell in Harun" / "fell in Solvik" share most words and
    # still disagree: a relay keeps its negators, denials, names, places, dates and figures too.
    return relays and relayed(a.text, b.text) and a.polarity == b.polarity \
        and _NEGATORS.findall(a.text.lower()) == _NEGATORS.findall(b.text.lower()) \
        and (sa.names, sa.places, sa.dates) == (sb.names, sb.places, sb.dates) \
        and re.findall(r"\d+", a.text) == re.findall(r"\d+", b.text)


_NEGATORS = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|den(?:y|ies|ied|ial)|"
                       r"false|untrue|groundless|baseless|unfounded)\b|n't\b")
