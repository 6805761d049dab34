"""Deaths told by a noun phrase about one person or a count of persons, not by a number of dead.

"the police killing of a teenager", "the shooting death of Kimani Gray", "after the boy's death",
"he was pronounced dead", "she succumbed to her wounds" each tell one death; "the murder of two
teenagers" tells two. Read by ``extract/events/fatalities.py``, which weighs these below its
counted tolls (a stated figure wins over a phrase that implies one).

Such a phrase is often not the sentence's own event but its reason or its court step: "the
killing of a teenager sparked riots", "faces life in prison for the murder of his wife". Those
are marked ``own_only``: only an event whose trigger lies inside the phrase (the killing itself)
takes the count, never the riot or the trial beside it. One named as what a protest was over
("riots sparked by the killing of a teenager", "after the boy's death") counts for no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.extract.dates import DAY_OR_MONTH_NAME
from crosswire.extract.events.counts import _QUANT, _bounds, parse_figure
from crosswire.extract.events.victims import NAME, PERSON_NOUNS, victims_of

_PERSON = "|".join(sorted((re.escape(w) for w in PERSON_NOUNS), key=len, reverse=True))
# One person, singular: "a teenager", "his wife", "the 16-year-old", "Kimani Gray", "15-year-old Alexandros".
# A possessive is not the person ("the killing of a teenager's father" is the father's).
_ONE = (rf"(?:\b(?:a|an|the|his|her|their|its|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON})\b(?!['’]s?\b)"
        rf"|\b(?:(?:a|an|the)\s+)?\d+-year-old(?:\s+(?-i:[A-Z][\w'’-]+))?\b(?!['’]s?\b)"
        rf"|\b{NAME}\b(?!['’]s?\b))")
# Nouns that name a killing. "shooting" or "stabbing" alone may have wounded ("the shooting of a
# teenager"): only "fatal shooting" or "shooting death" is a death.
_KILLING = (r"shooting\s+deaths?|stabbing\s+deaths?|fatal\s+(?:shootings?|stabbings?|beatings?|attacks?)"
            r"|killings?|murders?|slayings?|assassinations?|executions?|lynchings?|beheadings?|deaths?")
# Modifiers before the noun that are part of its phrase ("the police killing", "the brutal murder").
_MODS = r"(?:(?:police|brutal|alleged|apparent|suspected|targeted|violent|tragic|sudden|untimely|extrajudicial|cold-blooded)\s+){0,2}"
# "attempted murder" and "near-death" are no deaths.
_NOT_AFTER = r"(?<!attempted\s)(?<!attempt\s)(?<![\w-])"
_NOMINAL_ONE = re.compile(rf"{_NOT_AFTER}(?P<phrase>{_MODS}(?:{_KILLING}))\s+of\s+(?P<np>{_ONE})", re.I)
_NOMINAL_MANY = re.compile(rf"{_NOT_AFTER}(?P<phrase>{_MODS}(?:{_KILLING}))\s+of\s+(?:{_QUANT})", re.I)
# Nouns a death word heads that are no death of the possessor ("his death threats", "her murder trial").
_COMPOUNDS = (r"threats?|penalty|sentences?|row|squads?|toll|certificates?|warrants?|wish|trial|case|charges?"
              r"|conviction|spree|plot|camp|march|knell|trap|rates?|sentence|anniversary|investigation|inquiry|probe")
# "his death", "the boy's death", "Gray's murder" ("Israel's killing of ..." is the killer's, not the dead's).
_POSSESSIVE = re.compile(
    rf"(?P<np>\b(?:his|her)|\bthe\s+(?:[\w-]+\s+){{0,2}}?(?:{_PERSON}|\d+-year-old)['’]s?|(?-i:\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s)"
    rf"\s+(?:(?:violent|tragic|untimely|sudden|brutal|alleged|apparent|shooting|stabbing)\s+)?"
    rf"(?<![\w-])(?:death|killing|murder|slaying|assassination|execution|lynching|beheading)\b(?!-)"
    rf"(?!\s+(?:of|{_COMPOUNDS})\b)", re.I)
# A singular subject and a phrase that only tells one death ("he was pronounced dead", "a man was
# hit by a bus and died at the scene"). A bare "he was killed" is left alone: its "he" may be
# anyone the paragraph named, and is read elsewhere.
_SUBJECT = rf"(?P<np>\b(?:he|she)\b|{_ONE})"
_BRIDGE = r"(?:\s+(?:was\s+|had\s+been\s+)?[a-z]+\b[^.;,]{0,50}?\s+(?:and|but)(?:\s+later)?)?"
_SINGULAR_DEATH = (
    r"(?:(?:was|had\s+been|has\s+been)\s+)?(?:(?:later|also|reportedly|subsequently)\s+)?"
    r"(?:(?:pronounced|declared|confirmed)\s+dead|fatally\s+(?:shot|stabbed|wounded|injured|hit|struck)"
    r"|killed\s+(?:instantly|on\s+the\s+spot|outright))"
    r"|(?:later\s+)?succumbed\s+to\s+(?:his|her)\s+(?:[\w-]+\s+)?(?:wounds|injuries)"
    r"|(?:later\s+)?died\s+(?:instantly|at\s+the\s+scene|on\s+the\s+spot|on\s+arrival"
    r"|of\s+(?:his|her)\s+(?:[\w-]+\s+)?(?:wounds|injuries)|(?:later\s+)?in\s+(?:a\s+|the\s+)?hospital"
    r"|on\s+the\s+way\s+to\s+(?:the\s+)?hospital)"
)
_ONE_DIED = re.compile(rf"{_SUBJECT}{_BRIDGE}\s+(?:{_SINGULAR_DEATH})\b", re.I)
# "opened fire, fatally wounding a guard".
_FATALLY_VERB = re.compile(rf"\bfatally\s+(?:wounding|wounded|injuring|injured)\s+(?P<np>{_ONE})", re.I)
# A killing verb whose object is one person: "the slug killed Deputy Ortiz", "gunmen shot dead the
# village head", "a sniper killed the deputy" (only finished killings: "tried to kill" is no death).
_KILLED_ONE = re.compile(
    rf"(?<![\w-])(?:killed|murdered|assassinated|executed|lynched|beheaded|slain|gunned\s+down|shot\s+dead"
    rf"|shot\s+and\s+killed|stabbed\s+to\s+death|beaten\s+to\s+death|beat\s+to\s+death|hacked\s+to\s+death)"
    rf"\s+(?P<np>{_ONE})(?!\s+and\b)", re.I)
# Words before a killing's noun that make it a plan, a fear or a fiction ("plotted his murder").
_UNREAL = re.compile(r"\b(?:plot(?:ted|ting|s)?|plan(?:ned|ning|s)?|order(?:ed|ing|s)?|call(?:ed|ing|s)?\s+for|fak(?:ed|ing)"
                     r"|fear(?:ed|ing|s)?(?:\s+for)?|threat(?:en(?:ed|ing|s)?)?|demand(?:ed|ing|s)?|wish(?:ed|es)?"
                     r"|avoid(?:ed|ing)?|escap(?:ed|ing)|prevent(?:ed|ing)?|stag(?:ed|ing)|to)\s+(?:the\s+)?$", re.I)
# A killing named as a protest's or a revenge's reason ("rioted over the killing of a teenager").
_REASON_BEFORE = re.compile(
    r"\b(?:after|following|follow(?:ed|s)|in\s+the\s+wake\s+of|because\s+of|since|over|against|protest(?:ed|ing|s)?(?:\s+(?:at|against|over))?|mourn(?:ed|ing|s)?|avenge|avenging"
    r"|revenge\s+for|retaliation\s+for|justice\s+for|anniversary\s+of|outrage\s+(?:at|over)|anger\s+(?:at|over)"
    r"|(?:sparked|triggered|prompted|provoked|fuel(?:l)?ed|ignited|caused|angered|enraged)\s+by|in\s+response\s+to"
    r"|condemn(?:ed|ing|s)?|denounc(?:ed|ing|es)?)\s+(?:(?:the|a|an)\s+)?$", re.I)
# ... or told as their subject: "the killing of a teenager sparked riots" (no comma between).
_REASON_AFTER = re.compile(
    r"[^,.;:]{0,50}?\b(?:sparked|triggered|prompted|provoked|ignited|fuel(?:l)?ed|set\s+off|led\s+to|caused\s+(?:riots|protests|outrage))\b", re.I)
# A killing named as a court step's ground: "faces life in prison for the murder of his wife".
_COURT_BEFORE = re.compile(
    r"\b(?:convicted|charged|charges?|accused|guilty|trial|tried|sentenced|sentence|prison|jail(?:ed)?|imprisonment"
    r"|acquitted|indicted|arrested|detained|suspects?|suspected|prosecuted|prosecution|custody|wanted|questioned)\b"
    r"[^.;]{0,40}?\b(?:for|of|in|over|with)\s+(?:(?:the|a|an)\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class NominalDeath:
    """Deaths a phrase tells (``text == sentence[start:end]``); ``own_only`` when it is a reason or a court step's ground."""

    start: int
    end: int
    low: int
    high: int
    victims: str | None
    own_only: bool


def _context(text: str, start: int, end: int) -> bool | None:
    """None when the words before make the death unreal or an earlier event's; else whether it is only its own event's.

    A killing named after a protest's reason ("rioted over the killing of a teenager") is left to
    no event, as counted grievances are: the killing's own event would carry it into the protest
    that absorbs it (``merge.absorbed_by_protest``), which would then read as a killing of protesters.
    """
    before = text[max(0, start - 70):start]
    if _UNREAL.search(before) or _REASON_BEFORE.search(before):
        return None
    return bool(_COURT_BEFORE.search(before) or _REASON_AFTER.match(text, end))


def _tail_np(text: str, pos: int) -> tuple[int, str]:
    """The counted noun after "the murder of two" ("teenagers"), up to three words, stopping at a figure or a joint."""
    end, words = pos, []
    for m in re.finditer(r"\s+([A-Za-z][\w'’-]*)", text[pos:]):
        if m.start() != end - pos or len(words) == 3 or parse_figure(m.group(1)) is not None:
            break
        if m.group(1).lower() in {"and", "or", "in", "on", "at", "by", "who", "which", "that", "was", "were", "after", "during"}:
            break
        words.append(m.group(1))
        end = pos + m.end()
    while words and victims_of(words[-1]) is None and not words[-1].lower().endswith(("s", "men", "people", "children")):
        end -= len(words.pop()) + 1
    return end, " ".join(words)


def nominal_deaths(text: str) -> list[NominalDeath]:
    """Deaths told by a phrase about one person or a count of persons, in text order (may overlap).

    Example:
        >>> [(d.low, d.own_only) for d in nominal_deaths("The police killing of a teenager sparked riots.")]
        [(1, True)]
    """
    found: list[NominalDeath] = []

    def add(start: int, end: int, bounds: tuple[int, int] | None, victims: str | None) -> None:
        own = _context(text, start, end)
        if bounds is not None and own is not None:
            found.append(NominalDeath(start, end, bounds[0], bounds[1], victims, own))

    for m in _NOMINAL_MANY.finditer(text):
        end, words = _tail_np(text, m.end())
        add(m.start(), end, _bounds(m), victims_of(words))
    for m in _NOMINAL_ONE.finditer(text):
        add(m.start(), m.end(), (1, 1), victims_of(m["np"]))
    for m in _POSSESSIVE.finditer(text):
        add(m.start(), m.end(), (1, 1), victims_of(m["np"]))
    for pattern in (_ONE_DIED, _FATALLY_VERB, _KILLED_ONE):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), (1, 1), victims_of(m["np"]))
    return sorted(found, key=lambda d: d.start)


# Verbs that tell a finished killing: one person as their victim is one death.
KILLING_VERBS = frozenset({"kill", "murder", "behead", "execute", "assassinate", "slay", "lynch", "decapitate"})
ONE_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_NOT_PERSON_ENTS = frozenset({"GPE", "ORG", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"})


def one_killed(verb: Token, victim: Token | None) -> bool:
    """Whether a killing verb's victim is one person: "ISIS murders Sotloff", "Sotloff was beheaded",
    "a journalist murdered by ISIS", "before he is executed". A plural, a count or a coordination
    is left to the counted tolls; "executed the plan" names no one."""
    fatal = any(c.dep_ == "advmod" and c.lower_ in {"fatally", "mortally"} for c in verb.children)
    if victim is None or verb.pos_ not in {"VERB", "AUX"} or (verb.lemma_.lower() not in KILLING_VERBS and not fatal):
        return False  # "fatally shot X" kills X as surely as "killed X" does
    if victim.lower_ in ONE_PERSON_PRONOUNS:
        return True
    if victim.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"nummod", "conj"} for c in victim.children):
        return False
    if victim.ent_type_ == "PERSON" or victim.lemma_.lower() in PERSON_NOUNS:
        return True
    return victim.pos_ == "PROPN" and victim.ent_type_ not in _NOT_PERSON_ENTS


# An active verb's object after "N <people> killed": "two officers fatally shot the teenager" counts the
# shooters, not the dead ("3 killed Saturday", "were killed the day before" are the dead).
_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|been|being)\b", re.I)
_OBJECT_AFTER = re.compile(rf"\s+(?:the|a|an|his|her|their|its|him|them|\d+|(?!(?:{DAY_OR_MONTH_NAME}|In|On|At)\b)[A-Z][a-z]+)\b")


def counts_doers(text: str, m: re.Match[str]) -> bool:
    """Whether "N <people> <killing verb>" is an active clause with an object after it: its count
    is of the doers ("two officers fatally shot the teenager"), not of the dead."""
    return not _PASSIVE_AUX.search(m.group(0)) and bool(_OBJECT_AFTER.match(text, m.end()))
