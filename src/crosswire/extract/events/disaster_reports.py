"""The casualties and damage of a disaster report, told without their cause.

A report of an earthquake or a flood names its hazard once or twice and then counts its harm in
sentences of their own: "Another 150 people in the county were injured", "36 people have been
killed in Badin", "a man was killed by falling debris in a shopping centre". Read alone, each is
an attack by nobody named, and on real pages such sentences became ACLED rows of quake and flood
reports. A report that tells a hazard and no violence has no attack: its doer-less harm is the
hazard's (a DISASTER event, no ACLED code), as :mod:`~crosswire.extract.events.disasters` reads
the sentences that name it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from crosswire.extract.events.disasters import DELIBERATE, HAZARDS
from crosswire.extract.events.ontology import ARMED_KINDS, REMOTE_MODES, STATE_KINDS
from crosswire.nlp.text import text_of
from crosswire.records import HAPPENED, Event

# Hazards that strike a whole area: an animal's attack or an outbreak is told otherwise.
AREA_HAZARDS = frozenset({"earthquake", "tsunami", "flood", "storm", "landslide", "wildfire", "eruption"})
_HAZARD_WORD = re.compile(r"\b(?:" + "|".join(sorted((w for w, m in HAZARDS.items() if m in AREA_HAZARDS),
                                                     key=len, reverse=True)) + r")s?\b", re.I)
_INTENT_WORD = re.compile(r"\b(?:" + "|".join(sorted(DELIBERATE, key=len, reverse=True)) + r")\b", re.I)
# Harm with no weapon of its own: a killing, a wounding, property destroyed.
HARM_MODES = frozenset({None, "", "property"})
# Sentences naming the hazard that make a report a disaster report when it codes no hazard event.
MIN_HAZARD_SENTENCES = 2


def _violence(ev: Event) -> bool:
    """Whether an event is violence whatever the hazard: a weapon, or an armed or state doer."""
    if ev.mode in REMOTE_MODES or ev.mode == "firearms":
        return True
    return ev.type in {"ASSAULT", "FIGHT"} and ev.actor is not None and ev.actor.kind in ARMED_KINDS | STATE_KINDS


def _causeless_harm(ev: Event) -> bool:
    """A killing, wounding or destruction told as having happened with no doer (or the hazard as
    doer) and no word of intent or armed violence in its sentence."""
    if ev.modality not in HAPPENED or ev.mode not in HARM_MODES:
        return False
    if not (ev.type == "ASSAULT" or (ev.type == "COERCE" and ev.mode == "property")):
        return False
    doer = ev.actor.text if ev.actor is not None else ""
    if doer and not _HAZARD_WORD.search(doer):
        return False
    return _INTENT_WORD.search(ev.evidence.text) is None


def _hazard_of(events: Sequence[Event], doc: Doc) -> str | None:
    """The hazard a report is about: its disaster events' (most told), else a hazard named in
    several of its sentences ("flood victims", "the floods")."""
    told = Counter(ev.mode for ev in events if ev.type == "DISASTER" and ev.modality in HAPPENED and ev.mode)
    if told:
        return told.most_common(1)[0][0]
    named = [m for sent in doc.sents if (m := _HAZARD_WORD.search(sent.text))]
    if len(named) < MIN_HAZARD_SENTENCES:
        return None
    words = Counter(HAZARDS.get(m.group(0).lower().rstrip("s"), HAZARDS.get(m.group(0).lower())) for m in named)
    words.pop(None, None)
    return words.most_common(1)[0][0] if words else None


def harm_of_the_disaster(events: Sequence[Event], doc: Doc) -> list[Event]:
    """The document's events, with its causeless harm typed as the report's hazard when the report
    tells a hazard and no violence (see the module docstring)."""
    if not any(_causeless_harm(ev) for ev in events) or any(_violence(ev) for ev in events):
        return list(events)
    if _INTENT_WORD.search(text_of(doc)) is not None:
        return list(events)  # "gunmen", "attack", "bomb" anywhere: the report may tell violence too
    hazard = _hazard_of(events, doc)
    if hazard is None:
        return list(events)
    return [replace(ev, type="DISASTER", mode=hazard, acled=None, actor=None, target=None)
            if _causeless_harm(ev) else ev for ev in events]
