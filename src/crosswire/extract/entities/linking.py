"""Events whose actors and targets point at resolved entities, with country and kind."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from crosswire.records import Claim, Entity, Event, Mention, Party
from crosswire.extract.entities.aliases import load_aliases
from crosswire.extract.events.parties import country_of


def _overlap(m: Mention, start: int, end: int) -> int:
    return max(0, min(m.end, end) - max(m.start, start))


# Kinds of party that are people, whatever country names them.
PERSON_KINDS = frozenset({"person", "civilians", "media"})


def _nationality_of_a_person(party: Party, mention: Mention) -> bool:
    """Whether the only name in a person's phrase is a country or nationality modifying it."""
    return (party.kind in PERSON_KINDS and mention.type in {"NORP", "GPE"} and party.end is not None
            and mention.end < party.end)


def link_party(party: Party | None, mentions: Sequence[Mention], entities: dict[str, Entity]) -> Party | None:
    """Point a party at the entity of the mention it covers most; fill country and kind.

    A party's text can be wider than the mention ("Russian jets" holds the NORP "Russian"),
    so the best overlap wins, and among equals the longest mention.
    """
    if party is None or party.start is None or party.end is None:
        return party
    best = max(
        (m for m in mentions if m.entity and _overlap(m, party.start, party.end)),
        key=lambda m: (_overlap(m, party.start, party.end), m.end - m.start),  # type: ignore[arg-type]
        default=None,
    )
    entity = entities.get(best.entity) if best and best.entity else None
    if entity is not None and best is not None and _nationality_of_a_person(party, best):
        # "an American journalist" is a person of that country, not the United States
        return replace(party, country=party.country or country_of(entity.canonical) or country_of(party.text))
    canonical = entity.canonical if entity else party.canonical
    entry = load_aliases().lookup(canonical) if canonical else None
    country = party.country or (entry.country if entry else None) or (country_of(canonical) if canonical else None)
    return replace(
        party,
        canonical=canonical,
        entity=entity.id if entity else party.entity,
        country=country or country_of(party.text),
        kind=party.kind or (entry.kind if entry else None),
    )


def link_events(events: Iterable[Event], mentions: Sequence[Mention], entities: Sequence[Entity]) -> list[Event]:
    """Link every event's actor and target to the document's resolved mentions."""
    by_id = {e.id: e for e in entities}
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc, []).append(m)
    out = []
    for ev in events:
        doc_mentions = by_doc.get(ev.doc, [])
        out.append(replace(ev, actor=link_party(ev.actor, doc_mentions, by_id), target=link_party(ev.target, doc_mentions, by_id)))
    return out


def link_claims_and_events(events: Sequence[Event], claims: Sequence[Claim]) -> tuple[list[Event], list[Claim]]:
    """Point a reported event at the claim that reports it, and the claim at its event.

    An event is reported through a claim when the claim's evidence covers the event's
    trigger and the claim's content holds the trigger word: "SANA reported that Russian
    jets hit ..." yields both, and they should cite each other. An event the outlet states
    in its own voice keeps ``according_to`` null.
    """
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    claim_event: dict[str, str] = {}
    linked_events = []
    for ev in events:
        match = None
        if ev.modality != "asserted":
            for c in by_doc.get(ev.doc, []):
                covers = c.evidence.start <= ev.evidence.start < c.evidence.end or ev.evidence.start <= c.evidence.start < ev.evidence.end
                if covers and ev.trigger.lower() in c.text.lower():
                    match = c
                    break
        if match is not None:
            claim_event.setdefault(match.id, ev.id)
            ev = replace(ev, according_to=match.id)
        linked_events.append(ev)
    linked_claims = [replace(c, event=claim_event.get(c.id, c.event)) for c in claims]
    return linked_events, linked_claims
