"""Bodies found with marks of violence: a killing by an unknown hand, told by its remains.

"The bodies of two men with gunshot wounds were found in a ditch" is how much of the violence
in Mexico, Honduras or Iraq reaches the news: ACLED codes it as an attack on civilians by an
unidentified actor, one dead per body. A body found after a quake or pulled from a river is
no such event, so a body counts only when the sentence names a find and a mark of violence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from crosswire.extract.events.triggers import Trigger
from crosswire.records import Fatalities

# Verbs of coming upon the dead ("were found", "was dumped", "police recovered").
FIND_VERBS = frozenset({"find", "found", "discover", "recover", "retrieve", "exhume", "dump", "dumped", "lie", "unearth",
                        "locate", "abandon", "leave"})
# Marks of violence on the dead; a gunshot or bullet makes the killing a shooting.
FIREARM_MARKS = frozenset({"gunshot", "gunshots", "bullet", "bullets", "bullet-riddled", "shot"})
VIOLENCE_MARKS = FIREARM_MARKS | frozenset({
    "stab", "stabbed", "torture", "tortured", "mutilated", "beheaded", "decapitated", "bound", "blindfolded",
    "handcuffed", "machete", "slit", "strangled", "executed", "riddled", "wounds", "bruises",
})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12, "a": 1, "an": 1, "one": 1}


# Modifiers of a body that is an institution ("a UN body found evidence of torture").
INSTITUTION_MODIFIERS = frozenset({"governing", "advisory", "legislative", "regulatory", "rights", "international",
                                   "student", "professional", "oversight", "independent", "official", "world"})


def violent_find(trig: Trigger, sent: Span) -> bool:
    """Whether a body trigger is the dead of violence found: a verb of finding and a mark of violence.

    A body that finds ("a UN body found evidence of torture") is an institution, not the dead."""
    head = trig.head
    if head.dep_ == "nsubj" or any(
        c.ent_type_ in {"ORG", "GPE", "NORP"} or c.lower_ in INSTITUTION_MODIFIERS for c in head.lefts
    ):
        return False
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if not words & VIOLENCE_MARKS:
        return False
    return any(a.lemma_.lower() in FIND_VERBS or a.lower_ in FIND_VERBS for a in (trig.head, *trig.head.ancestors))


def firearm_marks(sent: Span) -> bool:
    """Whether the marks are of firearms ("gunshot wounds", "riddled with bullets")."""
    return bool({t.lower_ for t in sent} & FIREARM_MARKS)


def _count(tok: Token) -> int | None:
    for c in tok.children:
        if c.dep_ == "nummod":
            word = c.lower_.replace(",", "")
            return int(word) if word.isdigit() else _NUMBERS.get(word)
    return None


def body_count(trig: Trigger) -> Fatalities | None:
    """The dead a body trigger counts: its number ("three bodies"), the number of "of" ("the
    bodies of two women"), one for "a body"; None for a plural with no number."""
    head = trig.head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    n = _count(head) or (_count(owner) if owner is not None else None)
    if n is None and head.tag_ in {"NN", "NNP"}:
        n = 1
    if n is None or n <= 0:
        return None
    start = min(t.i for t in head.subtree if t.i <= head.i)
    text = head.doc[start:head.i + 1].text if owner is None else head.doc[start:owner.i + 1].text
    return Fatalities(low=n, high=n, victims=None, text=re.sub(r"\s+", " ", text))
