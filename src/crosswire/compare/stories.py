"""Stories: documents grouped by the real-world happening they report, with stable ids."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..records import Document, Event, Mention, Story, short_id
from .bridge import alias_index, bridged_entities
from .clustering import average_link
from .embeddings import Embedder, embed

if TYPE_CHECKING:
    from ..store.db import Store

# Average-link similarity a document (or group) needs to a story to join it. Swept on the
# ECB+ dev *tune* part only (evaluate/splits.py; CC BY 3.0; 222 docs, 9 topics, 18 stories;
# no dates, no events), MiniLM + capitalised-span entities (evaluate/stories.py ``sweep``):
# 0.20-0.60 in steps of 0.025 for each W_ENTITY 0.45-0.9 (step 0.05). Best: 0.275 with
# W_ENTITY 0.85, B3 F1 0.916 (24 clusters; W_ENTITY 0.9 ties; the old 0.325 / 0.6 gave 0.904);
# jagged (0.876 at 0.25, 0.900 at 0.3). Report part (129 docs, 6 topics): 0.893. The seeds'
# two reports of the Russian strikes in Syria score 0.41, well above it.
THRESHOLD = 0.275

# Weights of the similarity components, renormalised over the components both documents
# have (a document without entities or events is judged on what it does have). W_ENTITY
# swept with THRESHOLD on the tune part (best F1 per weight 0.45-0.9: 0.901 0.894 0.912 0.904
# 0.895 0.912 0.909 0.904 0.916 0.916): an ECB+ topic's two stories (two rehab check-ins) read
# alike and differ mostly in who is involved; MiniLM alone peaks at 0.861 there. ECB+ has no
# events, so W_EVENT is set by judgement and small: (type, country) pairs are shared by a
# conflict's distinct stories.
W_EMBED = 0.55
W_ENTITY = 0.85
W_EVENT = 0.15

# Dates: reports up to a week apart are one story at full similarity (follow-ups, weekly
# round-ups); beyond that similarity halves every month, so reports months apart join
# only when everything else agrees. Set by judgement: ECB+ has no dates to calibrate on.
TIME_GRACE_DAYS = 7
TIME_HALF_LIFE_DAYS = 30

# A lead is the title plus the first sentences: where news copy says what happened. Three
# sentences keeps the later background paragraphs (shared across stories) out.
LEAD_SENTENCES = 3
LEAD_MAX_CHARS = 1000

# Event dates further before their document's date than this are background ("the war that
# began in 2011"), not the story's span.
EVENT_DATE_WINDOW_DAYS = 60

# Across languages only names compare (compare/bridge.py): a cross-language pair is scaled
# by THRESHOLD / NAMES_ONLY_THRESHOLD onto the mixed scale. Swept 0.04-0.14 (step 0.01) on the
# ECB+ dev tune part, every document its own language (evaluate/stories.py "names-only"):
# best 0.09, B3 F1 0.896, 30 clusters (0.880 at the old 0.08, 0.870 at 0.1); report part 0.903.
NAMES_ONLY_THRESHOLD = 0.09

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")


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


def lead(title: str | None, text: str, sentences: int = LEAD_SENTENCES) -> str:
    """The title and the first sentences of the text: what a story's embedding is made of."""
    parts = [p.strip() for p in _SENTENCE_END.split(text.strip()) if p and p.strip()]
    body = " ".join(parts[:sentences])[:LEAD_MAX_CHARS]
    return f"{title.strip()}. {body}" if title and title.strip() else body


def idf_weights(inputs: Sequence[StoryInput]) -> dict[str, float]:
    """Smoothed inverse document frequency of each entity over these documents."""
    df: dict[str, int] = defaultdict(int)
    for item in inputs:
        for entity in item.entities:
            df[entity] += 1
    n = len(inputs)
    return {e: math.log((1 + n) / (1 + k)) + 1.0 for e, k in df.items()}


def weighted_jaccard(a: Iterable[str], b: Iterable[str], weights: Mapping[str, float]) -> float:
    """Jaccard of two sets where each element counts its weight (rare entities count more)."""
    sa, sb = set(a), set(b)
    union = sum(weights.get(e, 1.0) for e in sa | sb)
    return sum(weights.get(e, 1.0) for e in sa & sb) / union if union else 0.0


def time_factor(a: str | None, b: str | None) -> float:
    """How much two dates let two reports be one story: 1 within a week, halving monthly after."""
    if not a or not b:
        return 1.0
    try:
        gap = abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 1.0
    return 0.5 ** (max(0, gap - TIME_GRACE_DAYS) / TIME_HALF_LIFE_DAYS)


def _set_overlap(sets: Sequence[frozenset[Hashable]], weights: Mapping[Hashable, float]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise weighted Jaccard (weight 1 when unlisted) and where both sides have any element."""
    n = len(sets)
    inter = np.zeros((n, n), dtype=np.float32)
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for e in s:
            postings[e].append(i)
    # An inverted index: only pairs sharing an element get work, so sparse sets stay cheap.
    for e, docs in postings.items():
        idx = np.array(docs)
        inter[np.ix_(idx, idx)] += weights.get(e, 1.0)
    mass = np.array([sum(weights.get(e, 1.0) for e in s) for s in sets], dtype=np.float32)
    union = mass[:, None] + mass[None, :]
    union -= inter
    np.divide(inter, union, out=inter, where=union > 0)  # inter becomes the Jaccard
    del union
    has = mass > 0
    return inter, has[:, None] & has[None, :]


def similarity_matrix(inputs: Sequence[StoryInput], embedder: Embedder = embed,
                      same: np.ndarray | None = None) -> np.ndarray:
    """Pairwise story similarity of documents, in [0, 1] (diagonal included).

    The similarity is a weighted mean of: the cosine of title+lead embeddings (W_EMBED),
    the IDF-weighted Jaccard of entity ids (W_ENTITY) and the Jaccard of (event type, country)
    signatures (W_EVENT), each counted only when both documents have that feature. It is
    then multiplied by ``time_factor`` of the two dates when both are known.
    """
    n = len(inputs)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = np.asarray(embedder([lead(d.title, d.text) for d in inputs]), dtype=np.float32)
    # Built up in place in float32: at n documents every temporary is an n-by-n block.
    sim = vectors @ vectors.T
    np.clip(sim, 0.0, 1.0, out=sim)
    # MiniLM is English: across languages only names (bridge.py), events and time compare.
    has_embed = (same_language(inputs) if same is None else same) > 0
    sim *= W_EMBED
    sim[~has_embed] = 0.0
    weight = np.where(has_embed, np.float32(W_EMBED), np.float32(0.0))
    for w, (overlap, has) in ((W_ENTITY, _set_overlap([d.entities for d in inputs], idf_weights(inputs))),
                              (W_EVENT, _set_overlap([d.events for d in inputs], {}))):
        overlap *= w
        overlap[~has] = 0.0
        sim += overlap
        weight[has] += w
        del overlap, has
    # Where no component applies (weight 0) every part was zeroed above: sim stays 0 there.
    np.divide(sim, weight, out=sim, where=weight > 0)
    del weight
    names_only = ~has_embed
    sim[names_only] = np.minimum(1.0, sim[names_only] * (THRESHOLD / NAMES_ONLY_THRESHOLD))
    del names_only, has_embed
    days = np.array([_ordinal(d.date) for d in inputs], dtype=np.float32)
    gap = np.abs(days[:, None] - days[None, :])  # NaN where either date is unknown: no decay
    gap -= TIME_GRACE_DAYS
    np.maximum(gap, 0.0, out=gap)
    gap /= -TIME_HALF_LIFE_DAYS
    np.exp2(gap, out=gap)
    gap[np.isnan(gap)] = 1.0
    sim *= gap
    return sim


def same_language(inputs: Sequence[StoryInput]) -> np.ndarray:
    """1.0 where two documents are in one language (or either language is unknown), else 0."""
    codes = {lang: n for n, lang in enumerate(sorted({d.language for d in inputs if d.language}))}
    lang = np.array([codes.get(d.language, -1) if d.language else -1 for d in inputs])
    unknown = lang < 0
    return ((lang[:, None] == lang[None, :]) | unknown[:, None] | unknown[None, :]).astype(np.float32)


def _ordinal(iso: str | None) -> float:
    if not iso:
        return math.nan
    try:
        return float(date.fromisoformat(iso[:10]).toordinal())
    except ValueError:
        return math.nan


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
            compare against. An existing story none of whose documents is given here can
            only gain near-duplicates.
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
    same = same_language(units)
    sim = similarity_matrix(units, embedder, same)
    groups = average_link(units, sim, same, story_of_member, existing, threshold)

    by_story = {s.id: s for s in existing}
    stories: list[Story] = []
    assignment: dict[str, str] = {}
    for members, old_id in groups:
        story = _make_story([units[i] for i in members], sim[np.ix_(members, members)], by_story.get(old_id or ""))
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
    signatures: set[tuple[str, str | None]] = set()
    for e in events:
        countries = {p.country for p in e.places if p.country} or {None}
        signatures.update((e.type, c) for c in countries)
    stated = known_date(doc)
    return StoryInput(
        id=doc.id, title=doc.title, text=doc.text, date=stated,
        entities=salient_entities(doc, mentions) | bridged, events=frozenset(signatures), outlet=doc.outlet,
        event_dates=tuple(sorted({e.date[:10] for e in events if e.date})), duplicate_of=doc.duplicate_of,
        language=doc.language,
    )


def story_inputs(store: Store, docs: Sequence[Document], read_language: str = "en") -> list[StoryInput]:
    """StoryInputs for documents, with their mentions and events read from the store; the
    documents in other languages than ``read_language`` get the known entities they name."""
    foreign = {d.id for d in docs if d.language not in (None, read_language)}
    index = alias_index(store.entities()) if foreign else {}
    ids = [d.id for d in docs]
    mentions, events = store.mentions_of(ids), store.events_of(ids)
    return [story_input(d, mentions[d.id], events[d.id],
                        bridged_entities(d.text, index) if d.id in foreign else frozenset()) for d in docs]
