"""Named people in happenings: one person named two ways, and what befalls a named person once.

A named person is killed (or taken hostage) once: outlets that tell that death of one person tell
one happening whatever day, place or doer each reads; two named victims are two killings.
"""

from __future__ import annotations

from ..extract.events.parties import is_surname_of
from ..records import Event, Party


def one_person(a: Party | None, b: Party | None) -> bool:
    """Whether two parties name one person (linked to one entity, or a bare surname beside the
    name in full): a named person is killed once, so two outlets telling of that killing tell of
    one happening even when neither dates it."""
    if a is None or b is None:
        return False
    if a.entity is None or a.entity != b.entity:
        # "Gray" left unlinked beside "Kimani Gray": a bare surname is the person named in full
        full, bare = (a, b) if len(a.text.split()) > len(b.text.split()) else (b, a)
        return full.kind == "person" and full.entity is not None and bare.entity is None \
            and is_surname_of(bare.text, full.text)
    # One side's parse may not know the name is a person ("Sotloff" read as a place): the other's does.
    return "person" in (a.kind, b.kind) and {a.kind, b.kind} <= {"person", None}


def same_person(a: Event, b: Event) -> bool:
    """Whether two mentions name one person as the one attacked, or one person as the one who
    attacked ("Yvonne Hiller opened fire" in two outlets): a named person's killing, or a named
    person's shooting spree, is one happening, dated or not."""
    return one_person(a.target, b.target) or (
        a.actor is not None and b.actor is not None and one_person(a.actor, b.actor))


def _named_person(party: Party | None) -> str | None:
    """The surname of a party that is one named person ("Steven Sotloff" -> "sotloff"), else None."""
    if party is None or party.kind != "person" or not (party.entity or party.canonical):
        return None
    name = (party.canonical or party.text).split()
    return name[-1].casefold().strip(".,'\"") if name and name[-1][:1].isupper() else None


# What a named person suffers once: killed, or taken (a hostage's abduction).
_ONCE_SUB_TYPES = frozenset({"Abduction/forced disappearance"})


def _once(ev: Event) -> bool:
    return bool(ev.fatalities and ev.fatalities.low >= 1) or bool(
        ev.acled and ev.acled.get("sub_event_type") in _ONCE_SUB_TYPES)


def one_fate(a: Event, b: Event) -> bool:
    """Whether two mentions of one kind tell one named person's death (or abduction): that happens
    once, so where they disagree on its day, place or doer one of them misreads (a hometown, the
    day a video came out, "the same man"); they are one happening all the same."""
    return one_person(a.target, b.target) and _once(a) and _once(b)


def other_victims(a: Party | None, b: Party | None) -> bool:
    """Whether two mentions name two different people as the one attacked: two killings, even in
    one report ("weeks after the group killed X, it executed Y")."""
    na, nb = _named_person(a), _named_person(b)
    return na is not None and nb is not None and na != nb and not one_person(a, b)
