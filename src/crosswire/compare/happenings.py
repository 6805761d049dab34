"""Happenings: the mentions of one real-world event, within and across a story's documents.

A report names one strike three times ("Russia carried out air strikes in Syria", "the jets hit
targets around Talbiseh", "the raids over northern Homs"), and every outlet of a story reports
it again. ACLED codes the strike once, with its sources. So mentions (Events) are grouped:

- Only mentions of the same kind join: the same ACLED type and sub-type (else the same PLOVER
  type and mode), and the same status (happened, or the same other modality): a denied strike
  is not the strike that happened. Within one document, kinds that tell one happening (a strike
  and the damage it did, a protest and the police action against it) join afterwards
  (:mod:`crosswire.compare.kinds`).
- Every pair in a group must be compatible (complete link, so one vague mention cannot chain
  two strikes together): dates equal, or either unknown, or within a coarse date's span; places
  in the same country and, for two towns, within ``NEAR_KM`` (a region contains its towns);
  named actors the same entity, name or country (an actor named only by a pronoun or a bare
  noun, "its warplanes", conflicts with nobody).
- Within one document compatibility is enough: a report's vague mentions are its own event told
  again. Across documents it is not: two outlets' mentions join only when both give the same
  day and the same named actor or a place within ``NEAR_KM``, when neither is dated and both
  name one town, or when both name the same person as the one attacked (a named person is
  killed once, dated or not). Targets keep mentions
  apart only when they name two different people (two killings); otherwise never, because outlets
  disagreeing on what a strike hit is exactly what a story's claims compare.

Specific mentions (dated, placed, with a named actor) are grouped first, so a vague one joins
the happening it fits best. Fields come from all mentions: the most common day, the most precise
places, the best-named actor and target; the dead are the largest count a document gives (its
own running total) and, across outlets, the lowest of those (ACLED's conservative figure).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..extract.events.retellings import retells, sets_apart, told_as_earlier
from ..records import HAPPENED, Event, Fatalities, Happening, Party, Place, short_id
from .background import told_in_passing
from .kinds import blasts, leading_acled, may_tell_one
from .mention_fit import NEAR_KM, checks, dates_fit, kind_key, party_key, place_of, places_fit
from .named_people import one_fate, one_person, other_victims, same_person

# NEAR_KM, kind_key, party_key and places_fit are read from here by other modules and tests.
__all__ = ["NEAR_KM", "find_happenings", "group_mentions", "kind_key", "make_happening", "party_key", "places_fit"]

_PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


@dataclass(slots=True)
class _Group:
    key: tuple[str, ...]
    members: list[Event] = field(default_factory=list)

    def fit(self, ev: Event) -> int | None:
        """How well ``ev`` fits (positive matches), or None when it may not join."""
        best = 0
        joinable = False
        for other in self.members:
            found = checks(ev, other, lent_days_yield=one_person(ev.target, other.target))
            if (False in found and not one_fate(ev, other)) or other_victims(ev.target, other.target):
                return None
            # "In a separate incident, ...": one report, but not its other mentions' happening
            same_doc = ev.doc == other.doc and (ev.evidence.start == other.evidence.start
                                                or not (sets_apart(ev) or sets_apart(other)))
            date_ok, place_ok, actor_ok = found
            # "last year" in two reports is no shared day: only a day joins two outlets' mentions
            date_ok = date_ok and {ev.date_precision, other.date_precision} <= {"day", None}
            # Two outlets of one story telling an undated strike on one town tell one strike: with no
            # day on either side, the town is what they share (reports dated by no one, as copied
            # bodies are, would otherwise never join).
            undated_at_one_town = ev.date is None and other.date is None and place_ok is True and all(
                (p := place_of(x)) is not None and p.precision == "point" for x in (ev, other))
            if same_doc or (date_ok and (place_ok or actor_ok)) or same_person(ev, other) or undated_at_one_town:
                joinable = True
            best = max(best, sum(1 for c in found if c) + (1 if same_doc else 0))
        return best if joinable else None


def _specificity(ev: Event) -> int:
    place = place_of(ev)
    return (2 if ev.date else 0) + (2 if place and place.precision == "point" else 1 if place else 0) + (
        1 if party_key(ev.actor) else 0)


def _trigger_at(ev: Event) -> int:
    """Where the trigger stands in its sentence: of two events in one sentence, the one told
    first leads ("a bomber blew himself up among lawyers gathered at ..." is the bombing)."""
    at = ev.evidence.text.find(ev.trigger) if ev.trigger else -1
    return at if at >= 0 else len(ev.evidence.text)


def group_mentions(events: Sequence[Event], doc_order: Mapping[str, int]) -> list[list[Event]]:
    """Mentions grouped into happenings, each group in text order, groups by first mention."""
    def position(ev: Event) -> tuple[int, str, int, int, str]:
        return (doc_order.get(ev.doc, len(doc_order)), ev.doc, ev.evidence.start, _trigger_at(ev), ev.id)

    groups: list[_Group] = []
    for ev in sorted(events, key=lambda e: (-_specificity(e), position(e))):
        key = kind_key(ev)
        scored = [(score, -n) for n, g in enumerate(groups) if g.key == key and (score := g.fit(ev)) is not None]
        if scored:
            groups[-max(scored)[1]].members.append(ev)
        else:
            groups.append(_Group(key, [ev]))
    groups = _join_retellings(_join_one_telling(_join_kinds_within_documents(_join_named_people(groups))))
    ordered = [sorted(g.members, key=position) for g in groups]
    return sorted(ordered, key=lambda members: position(members[0]))


def _compatible(a: Event, b: Event) -> bool:
    if other_victims(a.target, b.target):
        return False
    return one_fate(a, b) or False not in checks(a, b, lent_days_yield=True)


def _join_while(groups: list[_Group], joinable: Callable[[_Group, _Group], bool]) -> list[_Group]:
    """Groups joined pair by pair, the first joinable pair first, until no pair is joinable."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(groups):
            b = next((b for b in groups[i + 1:] if joinable(a, b)), None)
            if b is not None:
                a.members.extend(b.members)
                groups.remove(b)
                merged = True
                break
    return groups


def _join_named_people(groups: list[_Group]) -> list[_Group]:
    """Two groups of one kind that name one person as the one attacked or the one who attacked
    (:func:`same_person`), and agree on every other count, are one happening: mentions join one at
    a time, so a report's vague mentions may have started a group of their own before the mention
    naming that person came."""
    def joinable(a: _Group, b: _Group) -> bool:
        if not _one_kind(a.key, b.key) or not any(same_person(x, y) for x in a.members for y in b.members):
            return False
        if any(one_fate(x, y) for x in a.members for y in b.members):
            # One death told by two groups: each group's other mentions joined it as that death
            # told again in one report, so only a second named victim keeps them apart; one outlet
            # may tell it as a claim ("a video purporting to show"), another as fact.
            return not any(other_victims(x.target, y.target) for x in a.members for y in b.members)
        return a.key == b.key and all(_compatible(x, y) for x in a.members for y in b.members)

    return _join_while(groups, joinable)


def _one_kind(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Keys of one kind whose statuses are the same, or one told as fact and one as alleged."""
    return a[:-1] == b[:-1] and (a[-1] == b[-1] or {a[-1], b[-1]} == {"happened", "alleged"})


def _ties(a: Event, b: Event, *, blasts: bool = False) -> bool:
    """Whether two compatible mentions of one report are told of one day, and share its place or
    its named actor: the report's place alone ties nothing (every event of a one-town report has it).
    Two undated ``blasts`` (the explosions family) tie by placed mentions, one place within the
    other or the same ("a suicide car bomb in central Turkey", "the bus was hit in Kayseri"): a
    report seldom tells two undated blasts in one place, while it often tells several fights."""
    day, place, actor = checks(a, b, lent_days_yield=False)
    if a.date is None and b.date is None:
        if blasts:
            return place_of(a) is not None and place_of(b) is not None
        # Undated, one doer ties them ("gunmen killed nine officers", "the gunmen opened fire on
        # them on the road"): of 12 rows a blind coder found repeating a happening on real pages,
        # most were undated retellings. The report's town alone ties nothing: every event of a
        # one-town report has it.
        return bool(actor)
    return bool(day) and {a.date_precision, b.date_precision} <= {"day", None} and (bool(place) or bool(actor))


def _join_kinds_within_documents(groups: list[_Group]) -> list[_Group]:
    """Groups of one document and one status whose kinds may tell one happening
    (:func:`~crosswire.compare.kinds.may_tell_one`), with nothing setting them apart and
    something tying them, are one happening (see :mod:`crosswire.compare.kinds`)."""
    def joinable(a: _Group, b: _Group) -> bool:
        docs = {ev.doc for ev in a.members} | {ev.doc for ev in b.members}
        if not (len(docs) == 1 and a.key[-1] == b.key[-1] and a.key != b.key and may_tell_one(a.members, b.members)
                and all(_compatible(x, y) for x in a.members for y in b.members)):
            return False
        a_blasts = blasts(a.members)  # once per pair of groups, not per pair of mentions
        return any(_ties(x, y, blasts=a_blasts) for x in a.members for y in b.members)

    return _join_while(groups, joinable)


# ACLED event types whose mentions one sentence or one toll may tie across kinds: violence, and
# what violence did to a place ("killed 12 soldiers and briefly captured a base").
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
TERRITORY_OR_DAMAGE = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                                  "Looting/property destruction"})


def _violent(key: tuple[str, ...]) -> bool:
    return key[0] == "acled" and (key[1] in VIOLENT_TYPES or key[2] in TERRITORY_OR_DAMAGE)


def _one_telling(x: Event, y: Event) -> bool:
    """Two mentions of one report that tell one happening whatever their kinds and actors: one
    sentence (two triggers of it, or the sentence printed twice, as a caption repeats a lede), or
    the same toll of dead ("killing 10 civilians" in the lede, "killing 10 civilians" in the
    monitor's account)."""
    if x.evidence.text == y.evidence.text:
        # "This confrontation took place after the murder of six soldiers": two happenings
        return x.evidence.start != y.evidence.start or told_as_earlier(x) == told_as_earlier(y)
    return x.fatalities is not None and y.fatalities is not None and x.fatalities.low > 0 \
        and (x.fatalities.low, x.fatalities.high) == (y.fatalities.low, y.fatalities.high)


def _set_apart(x: Event, y: Event, y_place: Place | None) -> bool:
    """Whether two mentions of one report are two happenings by their victims, days or places
    (``y_place`` is where ``y`` is taken to be)."""
    return other_victims(x.target, y.target) or dates_fit(x, y) is False or places_fit(place_of(x), y_place) is False


def _join_one_telling(groups: list[_Group]) -> list[_Group]:
    """Groups of one document and one status, both violent kinds, that one sentence or one toll
    ties (:func:`_one_telling`) and no day, place or victim sets apart, are one happening.

    Real pages judged blind told one raid as a clash, an attack and a captured base from one
    sentence, and one barrel-bomb strike twice with the same toll; actors misread in one mention
    ("AFP" for the killers) kept them apart, so actors are not compared here: the sentence or the
    toll is the stronger tie. Two happenings of one report differ in day, place or victim."""
    def joinable(a: _Group, b: _Group) -> bool:
        docs = {ev.doc for ev in a.members} | {ev.doc for ev in b.members}
        if len(docs) != 1 or a.key[-1] != b.key[-1] or not (_violent(a.key) and _violent(b.key)):
            return False
        if any(_set_apart(x, y, place_of(y)) for x in a.members for y in b.members):
            return False
        return any(_one_telling(x, y) for x in a.members for y in b.members)

    return _join_while(groups, joinable)


# Kinds a misread retelling takes beside the violent ones ("the raids also caused heavy destruction": Other).
RETOLD_AS = frozenset({"Other", "Looting/property destruction"})


def _join_retellings(groups: list[_Group]) -> list[_Group]:
    """A group of one report whose every mention refers back by a definite reference
    (:func:`~crosswire.extract.events.retellings.retells`) joins the report's first happening told before it
    (else after it), of a violent kind and the same status, that no day, place, victim or toll sets apart."""
    def start(g: _Group) -> int:
        return min(ev.evidence.start for ev in g.members)

    def own_place(ev: Event) -> Place | None:
        # a retelling's place lent by the sentences before is the report's last scene, not its own
        inside = [p for p in ev.places if p.start is not None and ev.evidence.start <= p.start < ev.evidence.end]
        return inside[0] if inside else None

    def apart(x: Event, y: Event) -> bool:
        tolls = x.fatalities is not None and y.fatalities is not None and x.fatalities.low > 0 \
            and y.fatalities.low > 0 and x.fatalities.low != y.fatalities.low
        return tolls or _set_apart(x, y, own_place(y))

    def told_again(b: _Group) -> bool:
        return (_violent(b.key) or b.key[2] in RETOLD_AS) and len({ev.doc for ev in b.members}) == 1 \
            and all(retells(ev) for ev in b.members)

    def retold(a: _Group, b: _Group) -> bool:
        return (a is not b and _violent(a.key) and a.key[-1] == b.key[-1]
                and {ev.doc for ev in a.members} == {b.members[0].doc} and not told_again(a)
                and not any(apart(x, y) for x in a.members for y in b.members))

    def likeness(a: _Group, b: _Group) -> int:
        """What ties a retelling to one of several happenings: its toll, its victims' words, its kind."""
        tolls = {ev.fatalities.low for ev in a.members if ev.fatalities and ev.fatalities.low > 0}
        victims = {w for ev in a.members if ev.target for w in ev.target.text.casefold().split()}
        return (2 * any(ev.fatalities is not None and ev.fatalities.low in tolls for ev in b.members)
                + any(set(ev.target.text.casefold().split()) & victims for ev in b.members if ev.target)
                + (a.key[1] == b.key[1]))

    for b in sorted([g for g in groups if told_again(g)], key=start):
        # what it tells again is told before it, or, for a caption or a lede that opens with the
        # victim ("The man was shot in the head ..."), after it; of several, the likeliest, then the first
        fits = [a for a in groups if retold(a, b)]
        candidates = [a for a in fits if start(a) < start(b)] or fits
        first = min(candidates, key=lambda a: (-likeness(a, b), start(a)), default=None)
        if first is not None:
            first.members.extend(b.members)
            groups.remove(b)
    return groups


def _best_party(parties: Sequence[Party | None]) -> Party | None:
    # A stand-in ("the same man", "its warplanes") names no one; the mentions that name the party do.
    named = [p for p in parties if p is not None and party_key(p) is not None]
    if not named:
        return None
    counts = Counter(party_key(p) or p.text.casefold() for p in named)

    def rank(p: Party) -> tuple[int, int]:
        return (2 * bool(p.entity or p.canonical) + bool(p.country), counts[party_key(p) or p.text.casefold()])

    top = max(rank(p) for p in named)
    return next(p for p in named if rank(p) == top)


def _merged_places(members: Sequence[Event]) -> list[Place]:
    seen: dict[object, Place] = {}
    counts: Counter[object] = Counter()
    for ev in members:
        for place in ev.places:
            key = place.geonames_id if place.geonames_id is not None else (place.name, place.country)
            counts[key] += 1
            seen.setdefault(key, place)
    places = sorted(seen.items(), key=lambda kv: (_PRECISION_RANK.get(kv[1].precision, 9), -counts[kv[0]]))
    points = {p.country for _, p in places if p.precision == "point"}
    # A country or region next to a town in it says nothing more: keep the town.
    return [p for _, p in places if p.precision == "point" or p.country not in points]


def _merged_date(members: Sequence[Event]) -> tuple[str | None, str | None]:
    """The day most mentions state in their own sentence; a day lent by context only when none does."""
    dated = [ev for ev in members if ev.date and ev.date_basis != "context"] or [ev for ev in members if ev.date]
    if not dated:
        return None, None
    days = Counter(ev.date for ev in dated if ev.date_precision in (None, "day"))
    pool = days or Counter(ev.date for ev in dated)
    top = max(pool.values())
    chosen = min(d for d, n in pool.items() if n == top)
    return chosen, next(ev.date_precision for ev in dated if ev.date == chosen)


def _merged_fatalities(members: Sequence[Event]) -> Fatalities | None:
    per_doc: dict[str, Fatalities] = {}
    for ev in members:
        f = ev.fatalities
        if f is not None and (ev.doc not in per_doc or f.low > per_doc[ev.doc].low):
            per_doc[ev.doc] = f
    if not per_doc:
        return None
    return min(per_doc.values(), key=lambda f: (f.low, f.high))


def make_happening(story: str | None, members: Sequence[Event], outlets: Mapping[str, str],
                   doc_dates: Mapping[str, str | None] | None = None) -> Happening:
    """One happening from its mentions (in text order, the lead first); ``doc_dates`` (document
    id -> its day, stated or inferred) dates a happening no mention dates."""
    lead = members[0]
    date, precision = _merged_date(members)
    basis = "text" if date else None
    docs = list(dict.fromkeys(ev.doc for ev in members))
    sources = list(dict.fromkeys(outlets[d] for d in docs if outlets.get(d)))
    modalities = Counter(ev.modality for ev in members)
    # Told as fact by anyone, it happened; a source's report outweighs an allegation of the same.
    modality = "asserted" if modalities["asserted"] else "reported" if modalities["reported"] \
        else modalities.most_common(1)[0][0]
    if date is None and modality in HAPPENED:
        date, precision, basis = _report_day(members, doc_dates or {})
    acled = leading_acled(members)
    kind = [ev for ev in members if ev.acled == acled] or list(members)
    types = Counter((ev.type, ev.mode) for ev in kind).most_common(1)[0][0]
    ids = [ev.id for ev in members]
    return Happening(
        id=short_id("happening", *sorted(ids)), story=story, type=types[0], mode=types[1], acled=acled,
        actor=_best_party([ev.actor for ev in members]), target=_best_party([ev.target for ev in members]),
        places=_merged_places(members), date=date, date_precision=precision,
        fatalities=_merged_fatalities(members), modality=modality, events=ids, docs=docs, sources=sources,
        doc=lead.doc, evidence=lead.evidence, date_basis=basis,
    )


def _report_day(members: Sequence[Event], doc_dates: Mapping[str, str | None]) -> tuple[str | None, str | None, str | None]:
    """The earliest day of the reports that tell an undated happening, as a "week": news tells
    an undated happening because it is recent ("Police arrested two men", "A woman was stabbed
    while she slept"), and a coder dates it by the report rather than leave it out."""
    days = sorted(d[:10] for d in (doc_dates.get(ev.doc) for ev in members if ev.modality in HAPPENED) if d)
    return (days[0], "week", "report") if days else (None, None, None)


def find_happenings(story: str | None, events: Sequence[Event], outlets: Mapping[str, str],
                    doc_order: Mapping[str, int] | None = None,
                    doc_dates: Mapping[str, str | None] | None = None) -> list[Happening]:
    """A story's events grouped into happenings (see the module docstring for the rules).

    Args:
        story: The story id the happenings belong to.
        events: Every event of the story's documents.
        outlets: Document id -> outlet name (the happening's ``sources``).
        doc_order: Document id -> rank (earliest published first); mentions of earlier
            documents lead.
        doc_dates: Document id -> its day (stated, else inferred); dates, as a "week", a
            happening that happened but that none of its mentions dates.
    """
    order = dict(doc_order or {})
    events = told_in_passing(events, doc_dates or {})  # compare/background.py
    return [make_happening(story, members, outlets, doc_dates) for members in group_mentions(events, order)]
