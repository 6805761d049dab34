"""A generic attack told with its weapon: "a mortar attack", "killed by a roadside bomb".

"Attack", "killed" and "hit" name no weapon, so alone they are coded by their target (a battle,
or violence against civilians). A coder reads the weapon beside them: "three civilians were
killed when a mortar attack hit the city" is shelling, "killed after their vehicle was hit by a
roadside bomb" an IED, whatever the victims. Real pages coded blind (realnews v, tune part) had
such killings typed as attacks and clashes. The weapon counts only where the parse ties it to
one of the event's triggers: a compound of the trigger noun ("mortar attack"), or the object of
"by", "with" or "in" on it ("hit by a roadside bomb", "killed in a rocket strike").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from crosswire.extract.events.merge import Cluster
from crosswire.extract.events.ontology import REMOTE_MODES, TARGET_DEPENDENT_MODES, LexEntry, load_ontology

# Prepositions by which a trigger names what did it ("by a bomb", "with rockets", "in a blast").
INSTRUMENT_PREPS = frozenset({"by", "with", "in"})


def _tied_nouns(head: Token) -> Iterator[Token]:
    """Nouns the parse ties to a trigger as its weapon: its compounds, and the objects of its
    instrument prepositions (an agent's "by" included)."""
    for child in head.children:
        if child.dep_ == "compound":
            yield child
        elif child.dep_ in {"prep", "agent"} and child.lower_ in INSTRUMENT_PREPS:
            yield from (g for g in child.children if g.dep_ == "pobj")


def weapon_entry(cluster: Cluster) -> LexEntry | None:
    """The lexicon entry of the weapon a generic attack is told with, or None.

    Only a trigger whose mode leaves the type to the target (``TARGET_DEPENDENT_MODES``) is
    retyped, and only by a remote-violence weapon (``REMOTE_MODES``): a gun names no sub-type.
    """
    if cluster.primary.entry.type != "ASSAULT" or cluster.primary.entry.mode not in TARGET_DEPENDENT_MODES:
        return None
    ontology = load_ontology()
    for trig in cluster.members:
        for noun in _tied_nouns(trig.head):
            entry = ontology.single(noun.lemma_.lower(), "noun") or ontology.single(noun.lower_, "noun")
            if entry is not None and entry.type == "ASSAULT" and entry.mode in REMOTE_MODES:
                # the trigger's own words and flags, the weapon's mode and ACLED sub-type
                return replace(cluster.primary.entry, mode=entry.mode, acled_event_type=entry.acled_event_type,
                               acled_sub_event_type=entry.acled_sub_event_type)
    return None
