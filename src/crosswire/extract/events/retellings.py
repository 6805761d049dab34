"""Mentions that tell again a happening their report has already told, by a definite reference.

A report tells its attack, then comes back to it: "the officers killed in the ambush were on
patrol", "the raids also caused heavy destruction", "the governor confirmed the attack on the
communities", "the man was shot in the head". Read alone, each is an event of its own, often of
another kind than the lede's (an attack on civilians beside the lede's clash, "Other" for the
raids), with no day, place or toll of its own; on real pages such retellings were the largest
share of rows that repeated a happening. An ACLED coder reads the report, and codes it once.

A mention retells when what it names is definite (:func:`retells`): its trigger noun is ("the
ambush", "the Kafr Hamra attack"), or the party it happened to is ("the officers", "the man").
It is not a retelling where the sentence sets it apart ("in a separate incident", "another
attack", "days earlier") or names it as an earlier event's ("after the attack", "followed the
group's attack").
"""

from __future__ import annotations

import re

from crosswire.extract.events.victims import PERSON_NOUNS, VICTIM_CATEGORIES
from crosswire.records import Event, Party

# A definite reference just before a word, its nearest determiner: "the ambush", "The Kafr Hamra
# attack", "these raids", "today's attack".
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|(?:to|yester)day[\u2019']s|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day[\u2019']s)\s", re.I)
# What makes the reference an earlier happening's: "after the attack", "followed the raid".
_EARLIER = re.compile(r"\b(?:after|following|followed|since|before|previous|earlier|prior|like|unlike)\s+"
                      r"(?:[\w'\u2019.-]+\s+){0,4}$", re.I)
# Words that set a mention apart from what the report told before.
_APART = re.compile(r"\b(?:separate(?:ly)?|another|similar|other\s+(?:attacks?|incidents?|strikes?|clash(?:es)?)|earlier"
                    r"|previous(?:ly)?|latest|(?:second|third|fourth)\s+(?:such\s+)?(?:attack|incident|strike|clash|raid|blast)"
                    r"|last\s+(?:week|month|year)|(?:days?|weeks?|months?|years?)\s+(?:before|earlier|ago)"
                    r"|in\s+(?:19|20)\d\d)\b", re.I)


_PHRASE_WORD = re.compile(r"[\w'\u2019.-]+")
# Words that end a noun phrase: "the square during clashes" is no definite "clashes".
_PHRASE_BREAKS = frozenset({"during", "in", "on", "at", "of", "by", "for", "with", "to", "from", "after", "before",
                            "and", "or", "but", "was", "were", "is", "are", "has", "have", "had", "that", "which",
                            "who", "as", "when", "while", "into", "over", "near", "said", "says"})


def _definite_at(text: str, at: int) -> bool:
    head = text[:at]
    determiners = list(_DETERMINER.finditer(head))
    if not determiners or _EARLIER.search(head) is not None:
        return False
    gap = head[determiners[-1].end():].split()  # the words between the closest determiner and the word
    # a comma or a clause word ends the determiner's phrase: "of the military, they opened fire"
    return len(gap) <= 3 and all(_PHRASE_WORD.fullmatch(w) and w.casefold() not in _PHRASE_BREAKS for w in gap)


def _party_at(party: Party | None, ev: Event) -> int | None:
    if party is None or party.start is None:
        return None
    local = party.start - ev.evidence.start
    return local if 0 <= local <= len(ev.evidence.text) else None


def retells(ev: Event) -> bool:
    """Whether a mention refers back to a happening by a definite trigger or victim ("the ambush",
    "today's attack", "the officers"), with nothing setting it apart; a day of its own is compared
    with the happening's when they are joined."""
    text = ev.evidence.text
    if _APART.search(text):
        return False
    at = text.find(ev.trigger) if ev.trigger else -1
    if at >= 0 and _definite_at(text, at):
        return True
    target = _party_at(ev.target, ev)
    return target is not None and _is_people(ev.target) and _definite_at(text, target)


_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person", "police": "policeman"}


def _is_people(party: Party | None) -> bool:
    """Whether a party is people ("the officers", "the man"), not a thing or a place a report may
    name definitely the first time ("the US embassy", "the ruling elite")."""
    if party is None or not party.text.split():
        return False
    head = party.text.split()[-1].casefold().strip(".,'\u2019")
    head = _IRREGULAR.get(head, head)
    return head in PERSON_NOUNS or head.rstrip("s") in PERSON_NOUNS or head in VICTIM_CATEGORIES \
        or head.rstrip("s") in VICTIM_CATEGORIES


# A mention the report itself calls another happening ("in a separate incident", "another attack",
# "the second such incident in the area in weeks"): it joins no other sentence's mention merely for
# being told in the same report.
_ANOTHER = re.compile(r"\b(?:in\s+(?:a|another)\s+separate|separately|another\s+(?:\w+\s+)?(?:attack|incident|strike|clash"
                      r"|bombing|blast|raid|ambush|shooting)|(?:second|third|fourth)\s+(?:such\s+)?(?:\w+\s+)?(?:attack|"
                      r"incident|strike|clash|bombing|blast|raid|ambush|shooting)|similar\s+(?:attack|incident))\b", re.I)


def sets_apart(ev: Event) -> bool:
    """Whether a mention's sentence calls it another happening than the report's others."""
    return _ANOTHER.search(ev.evidence.text) is not None


def told_as_earlier(ev: Event) -> bool:
    """Whether a mention's trigger is named as what came before ("took place after the murder of
    six soldiers", "followed the group's attack"): another happening than its sentence's own."""
    at = ev.evidence.text.find(ev.trigger) if ev.trigger else -1
    return at > 0 and _EARLIER.search(ev.evidence.text[:at]) is not None
