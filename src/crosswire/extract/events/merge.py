"""How the events of one paragraph are merged: tolls in later sentences, protests and police action.

A report often names its event in one sentence and counts the dead in the next ("... clashed
in Damboa. 7 soldiers and 12 militants were killed."), and a protest may be followed by the
police action that ends it. These rules fold such sentences into the paragraph's earlier
event instead of making events of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from crosswire.extract.events.fatalities import event_fatalities, find_fatalities
from crosswire.extract.events.parties import PRONOUNS, is_protesters
from crosswire.extract.events.tallies import running_toll
from crosswire.extract.events.triggers import Trigger
from crosswire.records import HAPPENED, Event, Fatalities

# Follow-up sentences that only count the dead ("7 soldiers were killed", "the ensuing clashes
# left 5 dead") add their toll to the paragraph's violent event instead of making another.
FOLLOW_UP_TYPES = frozenset({"ASSAULT", "FIGHT", "DISASTER", "ACCIDENT"})


@dataclass(slots=True)
class Cluster:
    """Triggers of one event in one sentence, and the arguments read for them."""

    primary: Trigger
    members: list[Trigger] = field(default_factory=list)
    actor: Token | None = None
    target: Token | None = None
    place_toks: list[Token] = field(default_factory=list)
    intervention: bool = False
    protesters_killed: bool = False


def _toll_target(events: list[Event], paragraph_start: int, sentence_start: int) -> int | None:
    """The paragraph's earlier violent (or protest/riot) event that a later toll belongs to:
    one told as having happened (``HAPPENED``)."""
    candidates = [n for n in range(len(events) - 1, paragraph_start - 1, -1)
                  if events[n].evidence.start != sentence_start and events[n].modality in HAPPENED]
    # An attack or clash first ("a bomber blew himself up among lawyers gathered at ..."),
    # else a protest or riot, the latest of them.
    for n in candidates:
        if events[n].type in FOLLOW_UP_TYPES:
            return n
    for n in candidates:
        if (events[n].acled or {}).get("event_type") in {"Riots", "Protests"}:
            return n
    return None


def _is_total(fatalities: Fatalities, sentence: str) -> bool:
    """Whether a toll is a running total ("the toll later rose to 18") that revises earlier counts."""
    return any(f.total and f.text == fatalities.text for f in find_fatalities(sentence))


# The attackers' side beside the side attacked: "killing six policemen ... eight militants were
# killed in the battle" counts both, as ACLED counts every side's dead.
ATTACKER_VICTIMS = frozenset({"militants"})
ATTACKED_VICTIMS = frozenset({"soldiers", "police", "security forces", "civilians", "protesters", "journalists"})


def _other_side(earlier: Fatalities, later: Fatalities) -> bool:
    sides = {earlier.victims, later.victims}
    return len(sides) == 2 and bool(sides & ATTACKER_VICTIMS) and bool(sides & ATTACKED_VICTIMS)


def _add_toll(events: list[Event], n: int, fatalities: Fatalities, sentence: str) -> None:
    earlier = events[n]
    if earlier.fatalities is None or _is_total(fatalities, sentence):
        events[n] = replace(earlier, fatalities=fatalities)
    elif _other_side(earlier.fatalities, fatalities):
        both = Fatalities(earlier.fatalities.low + fatalities.low, earlier.fatalities.high + fatalities.high, None,
                          f"{earlier.fatalities.text}; {fatalities.text}")
        events[n] = replace(earlier, fatalities=both)


def follow_up_toll(cl: Cluster, event: Event, events: list[Event], paragraph_start: int) -> bool:
    """Fold a later sentence's bare death toll into the paragraph's earlier violent event.

    The toll fills an event that has none, or replaces its count when it is a running total.
    """
    if event.type not in FOLLOW_UP_TYPES or event.fatalities is None or cl.actor is not None:
        return False
    if event.modality not in HAPPENED or running_toll(event):
        return False  # a running count is no earlier event's toll
    if cl.target is not None and cl.target.pos_ == "PROPN":
        return False  # "showing James Foley being killed": a named victim's death is its own event
    n = _toll_target(events, paragraph_start, event.evidence.start)
    if n is None:
        return False
    if event.date is not None and events[n].date != event.date:
        return False  # "... a clerk who died in a shooting early Saturday": a day of its own, an event of its own
    _add_toll(events, n, event.fatalities, event.evidence.text)
    return True


def later_toll(sent: Span, events: list[Event], paragraph_start: int) -> None:
    """A sentence that made no event of its own may still count the dead ("70 people lost
    their lives.", "The toll later rose to 18."): its toll goes to the paragraph's event."""
    fatalities = event_fatalities(sent.text)
    if fatalities is None:
        return
    n = _toll_target(events, paragraph_start, sent.start_char)
    if n is not None:
        _add_toll(events, n, fatalities, sent.text)


def drop_protest_settings(built: list[tuple[Cluster, Event]]) -> list[tuple[Cluster, Event]]:
    """"Police shot dead 3 protesters during a demonstration": ACLED codes one event, the
    police action (recast as a Protests sub-type); the demonstration is its setting."""
    recast = [cl.primary.start for cl, e in built if e.type != "PROTEST" and (e.acled or {}).get("event_type") == "Protests"]
    # Only a protest named after the police action is its setting; one named before it
    # ("protesters gathered ...; police dispersed them") takes the action in instead.
    return [(cl, e) for cl, e in built if not (e.type == "PROTEST" and any(r < cl.primary.start for r in recast))]


def absorbed_by_protest(cl: Cluster, event: Event, events: list[Event], protests: list[tuple[int, Cluster]]) -> bool:
    """Police action on protesters earlier in the paragraph becomes part of that protest event."""
    flags = cl.primary.entry.flags
    on_protesters = cl.target is None or cl.target.lower_ in PRONOUNS or is_protesters(cl.target)
    if not protests or not on_protesters:
        return False
    killing = event.type == "ASSAULT" and (event.fatalities is not None or cl.primary.head.lemma_ in {"kill", "shoot"})
    if "intervention" not in flags and not killing:
        return False
    index, pcl = protests[-1]
    if any(t.i == cl.primary.head.i for t in pcl.primary.head.subtree):
        # "gathered to protest the police killing": what the protest is about, not done to it; a bare
        # reference to it is dropped, a killing told with its victims or toll stays an event of its own
        return event.target is None and event.fatalities is None
    pcl.intervention = True
    pcl.protesters_killed = pcl.protesters_killed or killing
    protest = events[index]
    sub = "Excessive force against protesters" if pcl.protesters_killed else "Protest with intervention"
    if protest.acled and protest.acled.get("event_type") == "Protests":
        events[index] = replace(protest, acled={"event_type": "Protests", "sub_event_type": sub},
                                fatalities=protest.fatalities or event.fatalities)
    return True


def toll_to_nearest(built: list[tuple[Cluster, Event]], sent: Span) -> list[tuple[Cluster, Event]]:
    """One toll counted once: when events of a sentence told on different days read the same
    death count ("was killed on 24 June, while looking into a robbery in which he shot a man
    four days earlier"), only the event whose trigger is nearest keeps it: the other happening
    did not kill those people. Events of one day share it (a takeover and its assault)."""
    def distance(cl: Cluster, text: str) -> int:
        at = sent.text.find(text)
        offset = sent.doc[cl.primary.start].idx - sent.start_char
        return 0 if at <= offset < at + len(text) else min(abs(at - offset), abs(at + len(text) - offset))

    out = list(built)
    for n, (cl, event) in enumerate(built):
        toll = event.fatalities
        if toll is None or not toll.text or toll.text not in sent.text:
            continue
        rivals = [c for c, e in built if e is not event and e.fatalities is not None and e.fatalities.text == toll.text
                  and e.date_text != event.date_text]
        if rivals and any(distance(c, toll.text) < distance(cl, toll.text) for c in rivals):
            out[n] = (cl, replace(event, fatalities=None))
    return out
