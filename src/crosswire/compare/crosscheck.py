"""The cross-document stage: stories, dates inferred from them, and claim relations, stored."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..batching import runs
from ..extract.dates import resolve_expression
from ..records import Document, Event, Happening, Relation, Story
from ..store import Store
from .dating import infer_dates, is_fallback
from .embeddings import Embedder, cached
from .happenings import find_happenings
from .relations import find_relations
from .stories import group_stories, known_date, stored_story_inputs

STORIES = "crosswire.stories.v1"

# Member documents whose events, claims and claim vectors a story pass holds at once: enough
# for the claim embedding to run in large batches, few enough that a pass over a whole corpus
# (a first run) holds no more than a chunk's worth.
BATCH_DOCS = 256


@dataclass(slots=True)
class CrosscheckSummary:
    """What one pass of the cross-document stage changed."""

    stories: int = 0  # stories that gained documents in this pass
    dated: int = 0  # undated documents given an inferred date
    redated_events: int = 0  # events whose relative date resolved through that date
    relations: int = 0
    happenings: int = 0  # happenings of the recomputed stories
    touched: list[str] = field(default_factory=list, repr=False)  # ids of the stories that gained documents


def redate_events(events: list[Event], anchor: str) -> list[Event]:
    """Resolve still-undated events' relative expressions against an inferred doc date.

    The expression kept in ``date_text`` ("Wednesday's", "late on Wednesday") is what the
    event extractor could not resolve without a document date; now it can be.
    """
    out = []
    for ev in events:
        if ev.date is None and ev.date_text:
            tense = "future" if ev.modality == "planned" else None
            date, precision = resolve_expression(ev.date_text, anchor, tense=tense)
            if date is not None:
                ev = replace(ev, date=date, date_precision=precision)
        out.append(ev)
    return out


def crosscheck(store: Store, new_docs: Collection[str], *, reporter: Any = None, **provenance: str) -> CrosscheckSummary:
    """Group documents into stories, date undated ones from their story, group their events
    into happenings, relate claims.

    Only stories that gained a document in ``new_docs`` are recomputed, so a run over an
    unchanged corpus changes nothing; a new batch joins the stories already stored.
    ``reporter`` (run.Reporter) is told how many stories there are and advanced by each.
    """
    summary = CrosscheckSummary()
    if not new_docs:
        return summary
    existing = store.stories()
    embedder = cached(store)  # leads and claims embedded in earlier passes are read back, not re-embedded
    grouping = group_stories(stored_story_inputs(store), existing, embedder=embedder)
    new = set(new_docs)
    touched = [s for s in grouping.stories if not new.isdisjoint(s.docs)]
    summary.stories, summary.touched = len(touched), [s.id for s in touched]
    store.upsert("stories", touched, **provenance)
    if reporter is not None:
        reporter.stage("comparing stories", len(touched))
    members_of = {story.id: list(story.docs) for story in touched}
    for batch in _batches(touched, members_of, BATCH_DOCS):
        _compare_batch(store, batch, members_of, embedder, summary, reporter, provenance)
    return summary


def _batches(stories: list[Story], members_of: Mapping[str, list[str]], max_docs: int) -> Iterator[list[Story]]:
    """Stories in order, cut into runs of at most ``max_docs`` member documents (a larger story
    is a run of its own): a pass holds one run's events, claims and vectors at a time."""
    return runs(stories, weight=lambda story: len(members_of[story.id]), budget=max_docs)


def _compare_batch(store: Store, stories: list[Story], member_ids: Mapping[str, list[str]], embedder: Embedder,
                   summary: CrosscheckSummary, reporter: Any, provenance: Mapping[str, str]) -> None:
    """Date, group into happenings and relate the claims of some stories, and write them."""
    by_id = {d.id: d for d in store.documents([d for story in stories for d in member_ids[story.id]])}
    members_of = {story.id: [by_id[d] for d in member_ids[story.id] if d in by_id] for story in stories}
    wanted = [d.id for members in members_of.values() for d in members]
    events_of = store.events_of(wanted)
    # Only a story of two or more documents has claims to cross-check (find_relations).
    claims_of = store.claims_of([d.id for members in members_of.values() if len(members) > 1 for d in members])
    # Every claim to compare goes through the embedder in one call, here, rather than story by
    # story below (which then reads the vectors back): one large batch costs 0.6 of many small
    # ones, and the vectors differ by float noise only (2e-7).
    embedder([c.text for found in claims_of.values() for c in found])

    dated_docs: list[Document] = []
    redated: list[Event] = []
    happenings: list[Happening] = []
    relations: list[Relation] = []
    for story in stories:
        members = members_of[story.id]
        events = {d.id: events_of[d.id] for d in members}
        for doc_id, inferred in infer_dates(members, events).items():
            if by_id[doc_id].published_inferred == inferred:
                continue
            dated_docs.append(replace(by_id[doc_id], published_inferred=inferred))
            if is_fallback(inferred):
                continue  # no evidence of its own: its events keep the days their own text gives
            before = events[doc_id]
            after = redate_events(before, inferred["date"])
            redated.extend(a for a, b in zip(after, before) if a != b)
            events[doc_id] = after  # relations below compare the re-dated events

        outlets = {d.id: d.outlet or d.host or d.source for d in members}
        order = {d.id: n for n, d in enumerate(sorted(members, key=_published_order))}
        # A report dates an undated happening only by the day it states it was published: a day
        # inferred from its story is already a guess (blind judgement s: 33 undated bodies, every
        # happening dated that way wrong).
        days = {d.id: d.published for d in members}
        told = find_happenings(story.id, [e for evs in events.values() for e in evs], outlets, order, days)
        happenings.extend(told)

        claims = [c for d in members for c in claims_of.get(d.id, [])]
        events_by_id = {e.id: e for evs in events.values() for e in evs}
        happening_of = {e: h for h in told for e in h.events}
        relations.extend(find_relations(story.id, claims, events_by_id=events_by_id, outlets=outlets, embed=embedder,
                                        happening_of=happening_of))
        if reporter is not None:
            reporter.advance()
    # One write per table for the batch: a write per story cost ~2 ms each.
    ids = [story.id for story in stories]
    store.upsert("documents", dated_docs, **provenance)
    store.upsert("events", redated, **provenance)
    store.con.execute("DELETE FROM happenings WHERE story IN (SELECT unnest(?))", [ids])
    store.upsert("happenings", happenings, **provenance)
    store.con.execute("DELETE FROM relations WHERE story IN (SELECT unnest(?))", [ids])
    store.upsert("relations", relations, **provenance)
    summary.dated += len(dated_docs)
    summary.redated_events += len(redated)
    summary.happenings += len(happenings)
    summary.relations += len(relations)


def _published_order(doc: Document) -> tuple[str, str]:
    """Earliest first; undated documents (stated or inferred) after dated ones."""
    return (known_date(doc) or "9999", doc.id)


def story_of(store: Store) -> dict[str, str]:
    """Document id -> story id, for every stored story."""
    out: dict[str, str] = {}
    for story in store.stories():
        out.update({d: story.id for d in story.docs})
    return out


def story_claims(store: Store, story_id: str) -> dict[str, list]:
    """A story's claims grouped by document id (the report's who-says-what table)."""
    story = next((s for s in store.stories() if s.id == story_id), None)
    grouped: dict[str, list] = defaultdict(list)
    if story is None:
        return grouped
    for doc_id in story.docs:
        grouped[doc_id].extend(store.claims(doc_id))
    return grouped
