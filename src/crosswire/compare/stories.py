"""Stories: documents grouped by the real-world happening they report, with stable ids."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..records import Document, Event, Mention, Story, short_id
from .bridge import alias_index, bridged_entities
from .clustering import average_link, mean_link
from .embeddings import Embedder, embed
from .similarity import (  # noqa: F401  (THRESHOLD and lead are read from here by callers)
    THRESHOLD, TIME_GRACE_DAYS, _ordinal, idf_weights, lead, lead_vectors, same_language, similarity_block,
    similarity_square,
)

if TYPE_CHECKING:
    from ..store.db import Store


# Event dates further before their document's date than this are background ("the war that
# began in 2011"), not the story's span.
EVENT_DATE_WINDOW_DAYS = 60

# How far below the threshold a new document's link to a stored story still keeps that story
# in the pass (_within_reach): well above float32 rounding, and keeping a story that cannot be
# joined costs only its share of the comparison.
REACH_MARGIN = 1e-3

# Documents whose mentions story_inputs reads at once.
INPUT_SLICE = 512


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What story grouping needs to know about one document."""

    id: str
    title: str | None
    text: str
    date: str | None = None  # published, else the inferred date (ISO); None if unknown
    entities: frozenset[str] = frozenset()  # canonical entity ids it mentions (salient ones)
    events: frozenset[tuple[str, str | None]] = frozenset()  # (event type, place country)
    outlet: str | None = None
    event_dates: tuple[str, ...] = ()  # ISO dates of its events, for the story's span
    duplicate_of: str | None = None
    language: str | None = None  # embeddings are compared only within one language


class StoryGrouping(NamedTuple):
    """Stories (existing ones included, updated) and every document's story id."""

    stories: list[Story]
    assignment: dict[str, str]


def _sort_key(item: StoryInput) -> tuple[str, str]:
    # Earliest first, undated last, id to break ties: the clustering never sees input order.
    return (item.date or "9999-99-99", item.id)


def _root(doc_id: str, parent: Mapping[str, str | None], known: set[str]) -> str | None:
    """The original a duplicate chain ends at, if that original is a known document."""
    seen: set[str] = set()
    current = parent.get(doc_id)
    while current is not None and current not in seen:
        seen.add(current)
        if parent.get(current) is None:
            return current if current in known else None
        current = parent.get(current)
    return None


def group_stories(
    docs: Sequence[StoryInput],
    existing: Sequence[Story] = (),
    *,
    threshold: float = THRESHOLD,
    embedder: Embedder = embed,
) -> StoryGrouping:
    """Group documents into stories, joining existing stories where they belong.

    Average-link agglomerative clustering: every document starts alone (an existing story
    starts as its members), and the two groups whose mean pairwise similarity is highest
    merge while that mean is at least ``threshold``. Two existing stories never merge, so
    their ids stay valid. Documents are sorted by (date, id) first, so the result does not
    depend on input order. A near-duplicate (``duplicate_of``) is left out of the
    similarity and joins its original's story.

    Args:
        docs: New documents, plus (optionally) the inputs of existing stories' documents:
            a document listed in an existing story keeps it and serves as a member to
            compare against. An existing story none of whose documents is given here, or
            that no new document can reach (``_within_reach``), can only gain near-duplicates.
        existing: Stories already stored.
        threshold: Minimum average-link similarity to merge (see THRESHOLD).
        embedder: Texts to unit-length vectors (injectable for tests).

    Returns:
        The stories (every existing one, updated, plus new ones) and doc id -> story id.

    Example:
        >>> a = StoryInput("a", "Quake hits Chile", "A quake hit Chile.", entities=frozenset({"chile"}))
        >>> len(group_stories([a], embedder=lambda t: np.ones((len(t), 1))).stories)
        1
    """
    by_id = {d.id: d for d in docs}
    story_of_member = {doc: s.id for s in existing for doc in s.docs}
    known = set(by_id) | set(story_of_member)
    parent = {d.id: d.duplicate_of for d in docs}
    # A duplicate stays out of the similarity in every pass, stored or new: a later pass
    # must see the same units as the first, and embed nothing the first did not.
    duplicates = {d.id: r for d in docs if (r := _root(d.id, parent, known)) is not None and r != d.id}
    units = sorted((d for d in docs if d.id not in duplicates), key=_sort_key)
    # Entity weights over every document, before any is left out: a pass's similarities do not
    # depend on which stories it compares.
    weights = idf_weights(units)
    vectors = lead_vectors(units, embedder)
    keep = _within_reach(units, vectors, story_of_member, threshold, weights)
    units, vectors = [units[i] for i in keep], vectors[keep]
    # One language (an unknown one matches any): no same-language blocks are needed at all.
    same = same_language(units) if len({u.language for u in units if u.language}) > 1 else None
    sim = similarity_square(units, vectors, same, weights)
    # The clustering keeps its sums in ``sim``; a story's own block is computed again below.
    groups = average_link(units, sim, same, story_of_member, existing, threshold, overwrite_sim=True)
    del sim

    by_story = {s.id: s for s in existing}
    stories: list[Story] = []
    assignment: dict[str, str] = {}
    for members, old_id in groups:
        items = [units[i] for i in members]
        block = (similarity_block(items, items, vectors[members], vectors[members],
                                  None if same is None else same[np.ix_(members, members)], weights)
                 if len(items) > 1 else np.zeros((1, 1), dtype=np.float32))  # one member is its own centre
        story = _make_story(items, block, by_story.get(old_id or ""))
        stories.append(story)
        assignment.update({doc: story.id for doc in story.docs})
    untouched = [s for s in existing if s.id not in {sid for _, sid in groups}]
    stories.extend(untouched)
    assignment.update({doc: s.id for s in untouched for doc in s.docs})
    # Duplicates last: their original now has a story whichever batch it came in.
    extra: dict[str, list[str]] = defaultdict(list)
    for dup in sorted(duplicates):
        sid = assignment.get(duplicates[dup]) or story_of_member.get(duplicates[dup])
        if sid is not None:
            assignment[dup] = sid
            extra[sid].append(dup)
    stories = [_with_docs(s, extra.get(s.id, []), [by_id[d] for d in extra.get(s.id, [])]) for s in stories]
    stories.sort(key=lambda s: (s.start or "9999", s.id))
    return StoryGrouping(stories, assignment)


def _within_reach(units: list[StoryInput], vectors: np.ndarray, story_of_member: Mapping[str, str],
                  threshold: float, weights: Mapping[str, float]) -> list[int]:
    """Indexes of the new documents and of the members of the stories one of them could join.

    A group of new documents joins a story when its average link to the story's members is at
    least ``threshold``. That link is a mean, over the group's documents, of each one's own
    average link to the story (over same-language pairs when there are any), so some document
    of the group reaches the threshold alone. A story no new document reaches alone can gain
    none and, as two stories never merge, changes nothing: its members are left out, and a
    pass costs new documents times stored ones, not stored ones squared. The margin covers
    float rounding between this block and the matrix clustered after.
    """
    new = [i for i, u in enumerate(units) if u.id not in story_of_member]
    members = [i for i, u in enumerate(units) if u.id in story_of_member]
    if not new or not members:
        return list(range(len(units)))
    stories = sorted({story_of_member[units[i].id] for i in members})
    column = {sid: k for k, sid in enumerate(stories)}
    label = np.array([column[story_of_member[units[i].id]] for i in members])
    rows, cols = [units[i] for i in new], [units[i] for i in members]
    same = same_language(rows, cols)
    sim = similarity_block(rows, cols, vectors[new], vectors[members], same, weights)

    def per_story(block: np.ndarray) -> np.ndarray:
        sums = np.zeros((len(stories), len(new)), dtype=np.float64)
        np.add.at(sums, label, block.T)
        return sums.T

    total, total_same, pairs_same = per_story(sim), per_story(sim * same), per_story(same)
    size = np.bincount(label, minlength=len(stories))
    link = mean_link(total, total_same, pairs_same, size)  # each new document is a group of one
    reached = {sid for sid, hit in zip(stories, (link >= threshold - REACH_MARGIN).any(axis=0)) if hit}
    return [i for i, u in enumerate(units) if u.id not in story_of_member or story_of_member[u.id] in reached]


def _event_span(items: Sequence[StoryInput]) -> tuple[str | None, str | None]:
    """Date range of the members' events near their reports, else of the reports' dates."""
    dates: list[str] = []
    for d in items:
        for iso in d.event_dates:
            if d.date and not -TIME_GRACE_DAYS <= _ordinal(d.date) - _ordinal(iso) <= EVENT_DATE_WINDOW_DAYS:
                continue  # background history, or a future plan, not this story's happening
            dates.append(iso[:10])
    if not dates:
        dates = [d.date[:10] for d in items if d.date]
    return (min(dates), max(dates)) if dates else (None, None)


def _make_story(items: Sequence[StoryInput], sim: np.ndarray, old: Story | None) -> Story:
    ordered = sorted(items, key=_sort_key)
    if len(items) > 1:
        # Rounded: in a story of two, both are equally central, and the last bits of a float
        # sum (which vary from run to run with the BLAS threads) must not pick the title.
        centrality = np.round((sim.sum(axis=1) - np.diag(sim)) / (len(items) - 1), 6)
        # The title comes from the story's main language: a report bridged in by names alone
        # is close to everything and would otherwise title an English story in Russian.
        main = Counter(d.language for d in items if d.language).most_common(1)
        centrality[[main != [] and d.language not in (None, main[0][0]) for d in items]] = -1.0
        central = items[int(np.argmax(centrality))]  # items are date-sorted: ties go to the earliest
    else:
        central = items[0]
    title = central.title or lead(None, central.text, 1)[:200]
    start, end = _event_span(items)
    outlets = {d.outlet for d in items if d.outlet}
    doc_ids = [d.id for d in ordered]
    if old is not None:
        doc_ids = list(old.docs) + [d for d in doc_ids if d not in set(old.docs)]
        start = min(filter(None, (start, old.start)), default=None)
        end = max(filter(None, (end, old.end)), default=None)
        outlets |= set(old.outlets)
    story_id = old.id if old is not None else short_id("story", ordered[0].id)
    return Story(story_id, title, doc_ids, start, end, sorted(outlets))


def _with_docs(story: Story, doc_ids: list[str], items: list[StoryInput]) -> Story:
    if not doc_ids:
        return story
    outlets = sorted(set(story.outlets) | {d.outlet for d in items if d.outlet})
    docs = list(story.docs) + [d for d in doc_ids if d not in story.docs]
    return Story(story.id, story.title, docs, story.start, story.end, outlets)


def salient_entities(doc: Document, mentions: Sequence[Mention], lead_chars: int | None = None) -> frozenset[str]:
    """Entity ids mentioned in the lead or at least twice: what the report is about."""
    cut = lead_chars if lead_chars is not None else len(lead(None, doc.text))
    counts: dict[str, int] = defaultdict(int)
    early: set[str] = set()
    for m in mentions:
        if m.entity:
            counts[m.entity] += 1
            if m.start < cut:
                early.add(m.entity)
    return frozenset(early | {e for e, n in counts.items() if n >= 2})


def known_date(doc: Document) -> str | None:
    """The document's own publication date, else the one inferred from its story, else None."""
    return doc.published or (doc.published_inferred or {}).get("date")


def story_input(doc: Document, mentions: Sequence[Mention] = (), events: Sequence[Event] = (),
                bridged: frozenset[str] = frozenset()) -> StoryInput:
    """Build a StoryInput from a stored document, its entity mentions and its events (or,
    for a document in a language crosswire does not read, the entities its names match)."""
    outlines = [(e.type, e.date, tuple(p.country for p in e.places)) for e in events]
    return _story_input(doc, mentions, outlines, bridged)


def _story_input(doc: Document, mentions: Sequence[Mention],
                 events: Sequence[tuple[str, str | None, tuple[str | None, ...]]], bridged: frozenset[str]) -> StoryInput:
    # events: (type, date, places' countries), as Store.event_outlines_of reads them
    signatures: set[tuple[str, str | None]] = set()
    for type_, _, countries in events:
        signatures.update((type_, c) for c in ({c for c in countries if c} or {None}))
    stated = known_date(doc)
    return StoryInput(
        id=doc.id, title=doc.title, text=doc.text, date=stated,
        entities=salient_entities(doc, mentions) | bridged, events=frozenset(signatures), outlet=doc.outlet,
        event_dates=tuple(sorted({day[:10] for _, day, _ in events if day})), duplicate_of=doc.duplicate_of,
        language=doc.language,
    )


def story_inputs(store: Store, docs: Sequence[Document], read_language: str = "en") -> list[StoryInput]:
    """StoryInputs for documents, with their mentions and events read from the store; the
    documents in other languages than ``read_language`` get the known entities they name."""
    aliases = functools.cache(lambda: alias_index(store.entities()))
    return [item for lo in range(0, len(docs), INPUT_SLICE)
            for item in _slice_inputs(store, docs[lo:lo + INPUT_SLICE], aliases, read_language)]


def stored_story_inputs(store: Store, read_language: str = "en") -> list[StoryInput]:
    """``story_inputs`` of every stored document, the documents read a slice at a time: the
    inputs keep what grouping needs, not whole documents (removed lines, headings, metadata)."""
    ids = [doc_id for (doc_id,) in store.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    aliases = functools.cache(lambda: alias_index(store.entities()))
    return [item for lo in range(0, len(ids), INPUT_SLICE)
            for item in _slice_inputs(store, store.documents(ids[lo:lo + INPUT_SLICE]), aliases, read_language)]


def _slice_inputs(store: Store, docs: Sequence[Document], aliases: Callable[[], dict[tuple[str, ...], set[str]]],
                  read_language: str) -> list[StoryInput]:
    # A slice of documents' mentions at a time: a corpus's mentions are many small records, and
    # only the few entity ids each document is about are kept. The alias index of the known
    # entities is built once, on the first document in another language.
    ids = [d.id for d in docs]
    mentions, events = store.mentions_of(ids), store.event_outlines_of(ids)
    return [_story_input(d, mentions[d.id], events[d.id],
                         bridged_entities(d.text, aliases()) if d.language not in (None, read_language) else frozenset())
            for d in docs]
