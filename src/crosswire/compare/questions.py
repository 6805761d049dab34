"""What a relation is about, made checkable: the question, each claim's answer, whether the
two sources are independent, and how far to trust it.

A contradiction is only useful to an analyst when it names the one question both claims
answer ("how many civilians killed?") and the two answers ("36" against "0"); a support is
only corroboration when the claims come from different origins: three outlets relaying one
agency's sentence are one source. ``describe`` turns a comparison's finding into those fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from crosswire.compare.sides import is_party
from crosswire.records import Claim

# "36 vs 0 (civilians killed)", '"groundless" vs "not ISIL"', "ISIL vs not ISIL (targeted)".
_VERSUS = re.compile(r"^(?P<x>.+?) vs (?P<y>.+?)(?: \((?P<what>[^()]*)\))?$")


@dataclass(frozen=True, slots=True)
class Described:
    """The checkable part of a relation."""

    question: str
    answers: list[str]  # in the order of the relation's claims


def describe(kind: str, detail: str, a_first: bool, about: str) -> Described:
    """The question two claims answer and their answers (first claim first).

    Example:
        >>> describe("number", "36 vs 0 (civilians killed)", True, "civilians")
        Described(question='how many civilians killed?', answers=['36', '0'])
        >>> describe("polarity", "ISIL vs not ISIL (targeted)", False, "targets")
        Described(question='targeted ISIL, or not?', answers=['not ISIL', 'ISIL'])
    """
    m = _VERSUS.match(detail)
    if kind == "same claim" or m is None:
        point = detail.removeprefix("both: ").split(";")[0].strip()
        return Described(f"{about or point}?", [point, point])
    x, y, what = m["x"], m["y"], m["what"] or ""
    if kind == "denial":
        said = y.strip('"')
        first, second = f"no ({x.strip(chr(34))})", f"yes: {said}"
        question = f"is it so that {said}?"
    elif kind == "number":
        first, second = x, y
        question = f"how many {what or about}?"
    elif kind in {"who", "where", "when"}:
        first, second = x, y
        verb = {"who": "who did it", "where": "where did it happen", "when": "when did it happen"}[kind]
        question = f"{verb}{f' ({about})' if about else ''}?"
    else:  # polarity: "P vs not P", or two words of opposite sense ("civilians vs ISIL")
        first, second = x, y
        question = f"{what + ' ' if what else ''}{x}, or not?" if y == f"not {x}" else f"{what or about}: {x} or {y}?"
    return Described(question, [first, second] if a_first else [second, first])


# Speakers that name an institution only by its kind: within one story, "police", "authorities"
# and "officials" are one official source however each outlet words it.
OFFICIAL_WORDS = frozenset({"police", "authorities", "officials", "official", "investigators", "officers",
                            "deputies", "prosecutors", "prosecution", "sheriff's", "department"})


def origin(claim: Claim, outlet: str | None = None) -> str:
    """Where a claim's words first come from: the end of its attribution chain ("a Syrian
    military source" in Xinhua <- RIA Novosti <- a Syrian military source), else its speaker,
    else the outlet that asserts it."""
    if len(claim.chain) > 1:
        return claim.chain[-1].lower()
    sp = claim.speaker
    if sp is not None:
        words = sp.text.lower().split()
        if words and words[-1] in OFFICIAL_WORDS and not sp.entity:
            return "officials"
        return (sp.entity or sp.canonical or sp.text).lower()
    return (outlet or claim.doc).lower()


# Share of words two claims may have in common and still be told independently: independent
# witnesses word a fact their own way, while a relayed statement or wire copy keeps its words.
RELAY_WORD_SHARE = 0.5
# Of the shorter text's words (at least this many), the share a relay of it repeats.
CARRIED_MIN_WORDS = 6
CARRIED_SHARE = 0.7
_WORD = re.compile(r"[a-z0-9]{3,}")


def relayed(x: str, y: str) -> bool:
    """Whether two texts keep one passage's words: most of all their words (RELAY_WORD_SHARE), or
    most of the shorter one's (CARRIED_SHARE), since copies cut a quote at different places."""
    a, b = set(_WORD.findall(x.lower())), set(_WORD.findall(y.lower()))
    if a and b and len(a & b) >= RELAY_WORD_SHARE * len(a | b):
        return True
    short = min(a, b, key=len)
    return len(short) >= CARRIED_MIN_WORDS and len(a & b) >= CARRIED_SHARE * len(short)


def independent(a: Claim, b: Claim, outlets: Mapping[str, str] | None = None) -> bool | None:
    """Whether two claims come from different origins, in words of their own: not one sentence
    told twice, not one statement or wire story relayed by two outlets. None when either origin
    names nobody in particular ("three sources", "a new report", "a nurse"): two outlets citing
    unnamed sources are as likely to relay one report as to have two.

    Example:
        >>> from crosswire.records import Evidence, Speaker
        >>> said = lambda who, text, doc: Claim(doc, doc, Speaker(who), [], text, False, "said", None,
        ...                                     Evidence(0, len(text), text))
        >>> independent(said("Kestria", "the border is shut", "d1"), said("Varnia", "nobody can cross now", "d2"))
        True
        >>> print(independent(said("Three sources", "the border is shut", "d1"), said("Varnia", "nobody can cross", "d2")))
        None
    """
    outlets = outlets or {}
    if a.evidence.text.strip() == b.evidence.text.strip() or relayed(a.text, b.text):
        return False
    first, second = origin(a, outlets.get(a.doc)), origin(b, outlets.get(b.doc))
    if _one_origin(a, b, first, second):
        return False
    return True if is_party(first) and is_party(second) else None


def one_origin(a: Claim, b: Claim, outlets: Mapping[str, str] | None = None) -> bool:
    """Whether two claims have one origin, whatever their words: one speaker or organisation named
    twice ("MSF" and "Médecins Sans Frontières" via the alias table), or a person speaking for
    the other's organisation ("Cabrol [MSF]" and "MSF")."""
    outlets = outlets or {}
    return _one_origin(a, b, origin(a, outlets.get(a.doc)), origin(b, outlets.get(b.doc)))


def _one_origin(a: Claim, b: Claim, first: str, second: str) -> bool:
    return same_origin(first, second) or any(_speaks_for(a, n) for n in _names(b, second)) \
        or any(_speaks_for(b, n) for n in _names(a, first))


def _names(claim: Claim, its_origin: str) -> set[str]:
    """A claim's origin and, where the origin is an entity id, the speaker's words for it."""
    sp = claim.speaker
    names = {its_origin}
    if sp is not None and len(claim.chain) <= 1:
        names |= {n.lower() for n in (sp.text, sp.canonical) if n}
    return names


def _speaks_for(claim: Claim, other_origin: str) -> bool:
    """Whether a claim's speaker speaks for the other claim's origin ("Brian Stelter [CNN]" and
    "CNN"): a reporter and the outlet, a spokesman and the ministry are one origin."""
    sp = claim.speaker
    if sp is None or not sp.affiliation:
        return False
    # Only when the speaker is where the claim's words start, not one link of a longer chain.
    own = len(claim.chain) <= 1 or claim.chain[-1].lower() in {sp.text.lower(), (sp.canonical or "").lower()}
    return own and same_origin(sp.affiliation.lower(), other_origin)


# Words no origin is told apart by ("a source", "the ministry", "he").
_GENERIC = OFFICIAL_WORDS | {"source", "sources", "spokesman", "spokeswoman", "spokesperson", "ministry", "minister",
                             "report", "reports", "statement", "the", "and", "his", "her", "she", "they", "its",
                             "agency", "news", "media", "site", "website", "letter", "post", "says", "said"}


def same_origin(x: str, y: str) -> bool:
    """"robert x" and "forbes' robert x", "raven" and "raven-symone": one origin named twice, its
    distinctive words in the shorter name all in the longer one."""
    if x == y:
        return True
    words = [frozenset(w.rstrip("s") for w in re.findall(r"[a-z]+", n) if len(w) >= 3 and w not in _GENERIC)
             for n in (x, y)]  # "Conners" and "Ms Conner": one name
    short, long_ = sorted(words, key=len)
    return bool(short) and short <= long_




# Prior trust per kind of finding before anything else is known (a bare polarity is the loosest;
# two counts looked the hardest check but were wrong in all 34 blind verdicts). Set by hand from the first two blind judgements (results/judged/relations_seeds_ecbplus_a,
# relations_ecbplus_b); the third (relations_ecbplus_c, unseen stories) measures them.
KIND_PRIOR = {"number": 0.4, "denial": 0.6, "who": 0.5, "where": 0.5, "when": 0.5, "polarity": 0.4,
              "same claim": 0.45}  # a support shows from cosine 0.75; at 0.55-0.65, 16 of 27 judged were right
# Knowing both claims tell one happening (one event, or events that agree) is the strongest cue
# that they answer one question; events dated apart are two happenings.
ONE_EVENT_BONUS = 0.2
DATED_APART_PENALTY = 0.3
# Sides the story shows opposed (more contradictions than supports between them, twice) are
# where real disputes lie; a claim nobody could be named for is no side at all.
OPPONENTS_BONUS = 0.2
UNNAMED_PENALTY = 0.2
# A polarity on an untyped word ("not harmed", "no offer", "not Teixeira") was wrong in all 19
# shown cases of the third judgement: held back unless one event ties the two claims.
UNTYPED_PENALTY = 0.3
# A contradiction is only trusted about one question when something beyond the two texts ties
# them: one event (or events agreeing on actor, place and day), or, for a count, a denial or a
# complementary pair, two sides the story shows opposed. Without either, four blind judgements
# of unseen stories found the shown contradictions wrong in 65 of 65 cases (results/judged,
# relations_ecbplus_b and _c, relations_fnc1_d and _e); with opposed sides alone, a polarity on a
# name was wrong in 27 of 27 (relations_fnc1_h: "Baghdadi was wounded" against "nothing suggests
# he was killed"). Such a contradiction stays below SHOWN (held back, on request).
UNTIED_CEILING = 0.45
# A support between claims of one origin is a relay, not corroboration; between claims whose
# origins name nobody in particular it may be either (blind judgement f: 18 of 21 such shown
# supports were one report relayed), so it is held back too, above the known relays.
RELAY_CEILING = 0.1
UNKNOWN_ORIGIN_CEILING = 0.3


@dataclass(frozen=True, slots=True)
class Footing:
    """What is known about two claims beyond their texts."""

    one_event: bool = False  # one event, or events that agree
    dated_apart: bool = False  # both tied to events, on different days
    opponents: bool = False  # their sides stand opposed in the story
    named: bool = True  # both speak for a named side
    independent: bool | None = True  # different origins (None: an origin names nobody in particular)
    typed: bool = True  # the disputed slot is a known party or a lexicon pair (Finding.typed)
    needs_event: bool = False  # only one event ties the two (Finding.needs_event): a polarity, a broad pair
    hedged: bool = False  # a count told as possible or feared ("may have died"): no rival to a count


def confidence(kind: str, type_: str, cos: float, footing: Footing) -> float:
    """How far to trust a relation, 0-1 (see KIND_PRIOR and the adjustments after it).

    Example:
        >>> confidence("polarity", "contradicts", 0.7, Footing(opponents=True))
        0.64
        >>> confidence("same claim", "supports", 0.9, Footing(independent=False))
        0.1
    """
    if type_ == "supports" and footing.independent is False:
        return RELAY_CEILING
    value = KIND_PRIOR.get(kind, 0.4) + 0.2 * max(cos - 0.5, 0.0)
    if type_ == "supports" and footing.independent is None:
        return min(UNKNOWN_ORIGIN_CEILING, round(value, 3))
    value += ONE_EVENT_BONUS if footing.one_event else 0.0
    value -= DATED_APART_PENALTY if footing.dated_apart else 0.0
    if type_ == "contradicts":
        value += OPPONENTS_BONUS if footing.opponents else 0.0
        value -= 0.0 if footing.named else UNNAMED_PENALTY
        value -= 0.0 if footing.typed else UNTYPED_PENALTY
        if footing.hedged or not (footing.one_event or (footing.opponents and footing.typed and not footing.needs_event)):
            value = min(value, UNTIED_CEILING)
    return round(min(max(value, 0.0), 1.0), 3)
