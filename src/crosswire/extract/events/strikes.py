"""Air strikes told again in plain words.

A report of an air strike tells it once as one ("wounded in a U.S.-led airstrike on a convoy")
and then in words that name no weapon: "the attack killed his close aide", "the strike on
al-Qaim had wounded Baghdadi", "he was hit in the town of Qaim", "one of his aides was killed".
Read alone, each is a generic attack, coded by its target: an attack on militants is a battle,
on anyone else violence against civilians. An ACLED coder reads the report, not the sentence,
and codes each as the air strike. So within one document that tells an air strike as having
happened, a generic attack (no weapon of its own) whose doer is unnamed, or is the striking side,
becomes an air strike; and where the document names one side as flying its strikes, a strike told
with no doer ("the airstrike hit a convoy") is that side's, as a coder reading the report codes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from crosswire.extract.events.context import AERIAL_CUES
from crosswire.records import HAPPENED, Event, Party

AIR_STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
PLANTED_BOMB = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}
# "To bomb" and "a bombing" name no weapon: aircraft bomb ("Russian jets bombed", "the Israeli
# bombing of Gaza"), and so do planted bombs ("bombings in three southern provinces", "a day after
# bombings and shootings left 70 dead"). Real pages from Iraq and Thailand had their IEDs coded as
# air strikes, and every plain attack of the report after them (:func:`strikes_told_again`).
_BARE_BOMBING = re.compile(r"bomb(?:s|ed|ing|ings)?", re.I)
_AERIAL_WORD = re.compile(r"\b(?:" + "|".join(sorted(AERIAL_CUES)) + r")\b", re.I)
# Parties that fly: a state's forces; an armed group or a crowd plants its bombs.
_FLYING_KINDS = frozenset({"state", "military", "government"})
# Trigger words that tell an attack without naming its weapon.
_PLAIN_WORDS = ("strike", "struck", "attack", "raid", "hit", "wound", "injur", "kill", "bomb")
_GENERIC_MODES = frozenset({None, ""})


def _striking_sides(strikes: Sequence[Event]) -> set[str]:
    return {key for e in strikes if e.actor is not None for key in (e.actor.entity, e.actor.country) if key}


# Kinds of party that fly air strikes when the report names no striker ("the US-led coalition has
# carried out a bomb attack on a convoy"); an armed group named so is another side.
_AIR_POWERS = frozenset({"state", "military", "government"})


def _same_side(actor: Party | None, sides: set[str]) -> bool:
    if actor is None:
        return True
    return bool({actor.entity, actor.country} & sides) if sides else actor.kind in _AIR_POWERS


def is_plain_attack(event: Event) -> bool:
    """An attack told without a weapon: a strike, attack, raid, hit, wounding or killing."""
    trigger = (event.trigger or "").casefold()
    return event.type == "ASSAULT" and event.mode in _GENERIC_MODES and trigger.startswith(_PLAIN_WORDS)


def _bare_bombing(event: Event) -> bool:
    return event.mode == "aerial" and _BARE_BOMBING.fullmatch((event.trigger or "").strip()) is not None


def _flown(event: Event) -> bool:
    """Whether a bare bombing is told as flown: aircraft in its sentence, or a state's forces bombing."""
    return bool(_AERIAL_WORD.search(event.evidence.text)) or (
        event.actor is not None and event.actor.kind in _FLYING_KINDS)


def bombings_on_the_ground(events: Sequence[Event]) -> list[Event]:
    """The document's events, with bare bombings (:data:`_BARE_BOMBING`) coded as planted bombs
    unless the report tells of aircraft: in their sentence, by a state's forces, or an air strike
    the report names as one."""
    bare = [e for e in events if _bare_bombing(e)]
    if not bare or any(e.mode == "aerial" and (not _bare_bombing(e) or _flown(e)) for e in events):
        return list(events)
    return [replace(e, mode="explosive", acled=dict(PLANTED_BOMB)) if _bare_bombing(e) else e for e in events]


def strikes_told_again(events: Sequence[Event]) -> list[Event]:
    """The document's events, with plain attacks by no one named or by the striking side coded
    as the air strike the document tells (see the module docstring)."""
    events = bombings_on_the_ground(events)
    strikes = [e for e in events if e.mode == "aerial" and e.modality in HAPPENED]
    if not strikes:
        return list(events)
    sides = _striking_sides(strikes)
    recoded = [replace(e, mode="aerial", acled=dict(AIR_STRIKE)) if is_plain_attack(e) and _same_side(e.actor, sides)
               else e for e in events]
    striker = _one_striker(strikes)
    if striker is None:
        return recoded
    return [replace(e, actor=striker) if e.mode == "aerial" and e.actor is None else e for e in recoded]


def _one_striker(strikes: Sequence[Event]) -> Party | None:
    """The one side a document names as flying its air strikes, or None when it names none or
    several (Russian and coalition strikes in one report). Returned without offsets: the party is
    named in another sentence, not in the one it is lent to (as an implied police actor is)."""
    named = [(key, e.actor) for e in strikes if e.actor is not None and (key := _side_key(e.actor))]
    if len({key for key, _ in named}) != 1:
        return None
    return replace(named[0][1], start=None, end=None)


# Words that name an aircraft, not a side ("Russian jets", "coalition aircraft": Russia, the coalition).
_AIRCRAFT = frozenset({"jet", "jets", "warplane", "warplanes", "plane", "planes", "aircraft", "bomber", "bombers",
                       "drone", "drones", "helicopter", "helicopters", "the", "a", "an"})


def _side_key(party: Party) -> str | None:
    if party.entity or party.country:
        return party.entity or party.country
    words = [w for w in (party.canonical or party.text).casefold().split() if w not in _AIRCRAFT]
    return " ".join(words) or None
