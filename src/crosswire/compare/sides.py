"""The side a claim speaks for: a country for state speakers, else the organisation.

A speaker's side is read from the alias table first (real countries, ministries, armed
groups). Names it does not know still say whose they are: "Kestria's interior ministry"
and "Varnian army spokesman Orlov" speak for a state by their words; a state's organ is
its country's side. Across a story one person keeps one side: "Prime Minister Irena
Sadowska" speaks for Kestria because "Kestrian Prime Minister Irena Sadowska" does
(``story_sides``). A pronoun nobody resolved ("it", "she") is no side of its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..extract.entities.aliases import load_aliases
from ..extract.places.countries import name_by_iso3
from ..extract.events.parties import country_of
from ..records import Claim

# Speakers who act for a state (a ministry, the army, a head of state) speak for its side;
# a party, armed group, IGO or news agency is a side of its own.
STATE_KINDS = frozenset({"state", "government", "military"})
UNRESOLVED = "unresolved speaker"
# Words naming an organ of a state: with a country's name or demonym they make its side.
STATE_ORGANS = frozenset({
    "ministry", "minister", "government", "army", "military", "forces", "troops", "police", "president",
    "officials", "official", "spokesman", "spokeswoman", "spokesperson", "embassy", "ambassador", "premier",
    "cabinet", "parliament", "navy", "bank", "defence", "defense", "foreign", "interior", "authorities",
    "office", "presidency", "administration",
})
# What a ministry is "of" when it is not a state ("Ministry of Interior", "of Foreign Affairs").
PORTFOLIOS = frozenset({"interior", "defence", "defense", "affairs", "justice", "finance", "health", "education",
                        "agriculture", "economy", "trade", "energy", "transport", "information", "culture", "labour"})
# Speakers that are only pointers back to someone ("it", "she", "its head").
_POINTER = re.compile(r"^(he|she|it|they|we|i|you|who|its\b.*|his\b.*|her\b.*|their\b.*)$", re.I)
_POSSESSIVE = re.compile(r"^(?:the\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['\u2019]s\s+(.+)$")
_OF_STATE = re.compile(r"^(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?(?:Republic\s+of\s+|Kingdom\s+of\s+)?([A-Z][\w-]+)$", re.I)


def _country_side(code: str) -> str:
    return name_by_iso3().get(code, code)


def _demonym_country(word: str) -> str | None:
    """The country a demonym names: the alias and country tables, else "-ian" read as "-ia"
    ("Kestrian": a country no table knows)."""
    if code := country_of(word):
        return _country_side(code)
    return word[:-1] if word.endswith("ian") and word[:1].isupper() else None


def _state_by_words(text: str) -> str | None:
    """ "Kestria's interior ministry" -> Kestria; "Varnian army spokesman X" -> Varnia."""
    words = text.replace("\u2019", "'").split()
    if words and words[0].lower() in {"a", "an", "the"}:
        words = words[1:]  # "a Syrian military source"
    if m := _POSSESSIVE.match(text.strip()):
        if {w.lower() for w in m.group(2).split()} & STATE_ORGANS:
            entry = load_aliases().lookup(m.group(1))
            return _country_side(entry.country) if entry is not None and entry.country else m.group(1)
    if len(words) > 1 and {w.lower() for w in words[1:]} & STATE_ORGANS:
        if (state := _demonym_country(words[0])) is not None:
            return state
    if (m := _OF_STATE.match(text.strip())) and {w.lower() for w in m.group(1).split()} & STATE_ORGANS \
            and m.group(2)[:1].isupper() and m.group(2).lower() not in PORTFOLIOS:
        # "Government of Kestria", "Ministry of Foreign Affairs of Kestria"; not "Ministry of Interior"
        code = country_of(m.group(2))
        return _country_side(code) if code else m.group(2)
    return None


def side_of(claim: Claim) -> str:
    """The side a claim speaks for: a country for state speakers, else the organisation.

    Example:
        >>> from crosswire.records import Evidence, Speaker
        >>> side_of(Claim("c", "d", Speaker("Lavrov", "Sergey Lavrov", None, "Russian Foreign Ministry"),
        ...     [], "x", False, "said", None, Evidence(0, 1, "x")))
        'Russia'
    """
    sp = claim.speaker
    if sp is None:
        return "unattributed"
    aliases = load_aliases()
    for name in (sp.affiliation, sp.canonical, sp.text):
        if not name:
            continue
        entry = aliases.lookup(name)
        if entry is None:
            continue
        if entry.kind in STATE_KINDS and entry.country:
            return _country_side(entry.country)
        if entry.kind != "person":
            return entry.canonical
    for name in (sp.affiliation, sp.canonical, sp.text):
        if name and (state := _state_by_words(name)):
            return state
    if sp.affiliation and (state := _demonym_country(sp.affiliation)):
        return state  # "Varnian Foreign Minister Yelena Marchuk": affiliation "Varnian"
    if sp.canonical is None and _POINTER.match(sp.text.strip()):
        return UNRESOLVED
    return sp.affiliation or sp.canonical or sp.text


def story_sides(claims: Sequence[Claim]) -> list[str]:
    """``side_of`` each claim, with one side per speaker across the story: a person whose
    side is a country or organisation in one claim keeps it where another claim names only
    the person ("Sadowska said")."""
    # A bare surname nobody resolved ("Osei said") is the one person of the story with that surname.
    people: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.speaker is not None and c.speaker.canonical and len(c.speaker.canonical.split()) > 1:
            people[c.speaker.canonical.split()[-1]].add(c.speaker.canonical)

    def named(c: Claim) -> Claim:
        sp = c.speaker
        if sp is not None and sp.canonical is None and len(people.get(sp.text, ())) == 1:
            return replace(c, speaker=replace(sp, canonical=next(iter(people[sp.text]))))
        return c

    claims = [named(c) for c in claims]
    sides = [side_of(c) for c in claims]
    own: dict[str, Counter[str]] = defaultdict(Counter)
    for claim, side in zip(claims, sides):
        sp = claim.speaker
        if sp is not None and sp.canonical and side not in {sp.canonical, UNRESOLVED, "unattributed"}:
            own[sp.canonical][side] += 1
    out = []
    for claim, side in zip(claims, sides):
        sp = claim.speaker
        known = own.get(sp.canonical) if sp is not None and sp.canonical else None
        out.append(known.most_common(1)[0][0] if known and side == sp.canonical else side)
    return out


# Speakers named only by what they are ("sources", "a nurse", "the document", "reports"): each
# may be anyone, so none is a party whose stance across a story says who stands with whom.
GENERIC_SPEAKERS = frozenset({
    "source", "sources", "report", "reports", "document", "documents", "paper", "papers", "statement",
    "statements", "witness", "witnesses", "nurse", "nurses", "doctor", "doctors", "resident", "residents",
    "analyst", "analysts", "expert", "experts", "observer", "observers", "people", "person", "man", "woman",
    "neighbour", "neighbor", "neighbours", "neighbors", "friend", "friends", "insider", "insiders", "article",
    "story", "stories", "post", "letter", "email", "memo", "website", "site", "blog", "study", "survey", "poll",
    "media", "press", "outlets", "newspaper", "tabloid", "one", "others", "someone", "critics", "supporters",
})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "his", "her", "its", "my", "your", "this", "that",
                          "these", "those", "one", "some", "several", "many", "other", "another", "local"})


def is_party(side: str) -> bool:
    """Whether a side names a party (a state, an organisation, a person), not a kind of speaker:
    its head word is no generic noun, and it is no pointer nobody resolved.

    Example:
        >>> [is_party(s) for s in ("United Kingdom", "The Foreign Office", "Sources", "a nurse", "the Mail's source")]
        [True, True, False, False, False]
    """
    if side in {UNRESOLVED, "unattributed"}:
        return False
    words = [w for w in side.replace("\u2019", "'").split() if w.lower() not in _DETERMINERS]
    return bool(words) and words[-1].lower().strip(".,'") not in GENERIC_SPEAKERS and not _POINTER.match(side.strip())


def known_affiliations(claims: Sequence[Claim]) -> list[Claim]:
    """Claims whose speaker a story names elsewhere with an affiliation ("Dr Lena Orvik, MSF's
    director", later "Dr Orvik said") carry it everywhere: one person speaks for one body, and a
    charity's toll told by its director is that charity's (a blind judge marked such a pair one
    source revising itself)."""
    def surname(name: str) -> str:
        return name.split()[-1].casefold()

    known: dict[str, set[str]] = {}
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.affiliation:
            continue
        if sp.canonical:
            known.setdefault(surname(sp.canonical), set()).add(sp.affiliation)
        # "a statement issued by Dr Lena Orvik, MSF Director of Operations, said": the title spoke,
        # and the name set before it is the same person
        for name in re.finditer(rf"([A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+)*),\s+(?:the\s+)?{re.escape(sp.affiliation)}\b",
                                c.evidence.text):
            known.setdefault(surname(name.group(1)), set()).add(sp.affiliation)
    out = []
    for c in claims:
        sp = c.speaker
        if sp is not None and not sp.affiliation and sp.canonical:
            found = known.get(surname(sp.canonical), set())
            if len(found) == 1:
                c = replace(c, speaker=replace(sp, affiliation=next(iter(found))))
        out.append(c)
    return out
