"""How alike two reports are as one story: a weighted mean of lead embeddings, salient entities
and event signatures, decayed by the time between them (what compare/stories.py clusters on)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from .embeddings import Embedder, embed

if TYPE_CHECKING:
    from .stories import StoryInput

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

# Across languages only names compare (compare/bridge.py): a cross-language pair is scaled
# by THRESHOLD / NAMES_ONLY_THRESHOLD onto the mixed scale. Swept 0.04-0.14 (step 0.01) on the
# ECB+ dev tune part, every document its own language (evaluate/stories.py "names-only"):
# best 0.09, B3 F1 0.896, 30 clusters (0.880 at the old 0.08, 0.870 at 0.1); report part 0.903.
NAMES_ONLY_THRESHOLD = 0.09

# Rows of the story similarity computed at once (similarity_square): a band's temporaries are
# a few band-by-n float32 blocks, so a pass over n documents holds about one n-by-n block more
# than its result instead of five.
ROWS_PER_BLOCK = 256

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")


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



def _set_overlap(rows: Sequence[frozenset[Hashable]], cols: Sequence[frozenset[Hashable]],
                 weights: Mapping[Hashable, float]) -> tuple[np.ndarray, np.ndarray]:
    """Weighted Jaccard (weight 1 when unlisted) of every row set with every column set, and
    where both sides have any element."""
    inter = np.zeros((len(rows), len(cols)), dtype=np.float32)
    postings: dict[Hashable, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, sets in enumerate((rows, cols)):
        for i, s in enumerate(sets):
            for e in s:
                postings[e][side].append(i)
    # An inverted index: only pairs sharing an element get work, so sparse sets stay cheap.
    for e, (in_rows, in_cols) in postings.items():
        if in_rows and in_cols:
            inter[np.ix_(np.array(in_rows), np.array(in_cols))] += weights.get(e, 1.0)
    mass_rows, mass_cols = (np.array([sum(weights.get(e, 1.0) for e in s) for s in sets], dtype=np.float32)
                            for sets in (rows, cols))
    union = mass_rows[:, None] + mass_cols[None, :]
    union -= inter
    np.divide(inter, union, out=inter, where=union > 0)  # inter becomes the Jaccard
    del union
    return inter, (mass_rows > 0)[:, None] & (mass_cols > 0)[None, :]


def lead_vectors(inputs: Sequence[StoryInput], embedder: Embedder = embed) -> np.ndarray:
    """The embedding of each document's title and lead, one float32 row each."""
    return np.asarray(embedder([lead(d.title, d.text) for d in inputs]), dtype=np.float32)


def similarity_block(rows: Sequence[StoryInput], cols: Sequence[StoryInput], row_vectors: np.ndarray,
                     col_vectors: np.ndarray, same: np.ndarray | None = None,
                     weights: Mapping[str, float] | None = None) -> np.ndarray:
    """Story similarity of every row document with every column document, in [0, 1].

    The similarity is a weighted mean of: the cosine of title+lead embeddings (W_EMBED; the
    documents' ``lead_vectors``), the IDF-weighted Jaccard of entity ids (W_ENTITY; ``weights``,
    by default the IDF over these documents) and the Jaccard of (event type, country)
    signatures (W_EVENT), each counted only when both documents have that feature. It is then
    multiplied by ``time_factor`` of the two dates when both are known. Every value depends on
    its two documents and the weights only, so a block of a larger matrix is that block.
    """
    if not rows or not cols:
        return np.zeros((len(rows), len(cols)), dtype=np.float32)
    if weights is None:
        weights = idf_weights(list({d.id: d for d in [*rows, *cols]}.values()))
    # Built up in place in float32: at n documents every temporary is an n-by-n block.
    sim = row_vectors @ col_vectors.T
    np.clip(sim, 0.0, 1.0, out=sim)
    # MiniLM is English: across languages only names (bridge.py), events and time compare.
    has_embed = (same_language(rows, cols) if same is None else same) > 0
    sim *= W_EMBED
    sim[~has_embed] = 0.0
    weight = np.where(has_embed, np.float32(W_EMBED), np.float32(0.0))
    for w, (overlap, has) in ((W_ENTITY, _set_overlap([d.entities for d in rows], [d.entities for d in cols], weights)),
                              (W_EVENT, _set_overlap([d.events for d in rows], [d.events for d in cols], {}))):
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
    days_rows, days_cols = (np.array([_ordinal(d.date) for d in docs], dtype=np.float32) for docs in (rows, cols))
    gap = np.abs(days_rows[:, None] - days_cols[None, :])  # NaN where either date is unknown: no decay
    gap -= TIME_GRACE_DAYS
    np.maximum(gap, 0.0, out=gap)
    gap /= -TIME_HALF_LIFE_DAYS
    np.exp2(gap, out=gap)
    gap[np.isnan(gap)] = 1.0
    sim *= gap
    return sim


def similarity_square(units: Sequence[StoryInput], vectors: np.ndarray, same: np.ndarray | None,
                      weights: Mapping[str, float], rows_per_block: int = ROWS_PER_BLOCK) -> np.ndarray:
    """``similarity_block`` of the documents with themselves, computed a band of rows at a time:
    the result is one n-by-n float32 block, and the temporaries are a band's, not n-by-n each."""
    out = np.empty((len(units), len(units)), dtype=np.float32)
    for lo in range(0, len(units), rows_per_block):
        hi = lo + rows_per_block
        out[lo:hi] = similarity_block(units[lo:hi], units, vectors[lo:hi], vectors,
                                      None if same is None else same[lo:hi], weights)
    return out


def same_language(rows: Sequence[StoryInput], cols: Sequence[StoryInput] | None = None) -> np.ndarray:
    """1.0 where two documents are in one language (or either language is unknown), else 0."""
    cols = rows if cols is None else cols
    codes = {lang: n for n, lang in enumerate(sorted({d.language for d in [*rows, *cols] if d.language}))}
    lang_rows, lang_cols = (np.array([codes.get(d.language, -1) if d.language else -1 for d in docs])
                            for docs in (rows, cols))
    return ((lang_rows[:, None] == lang_cols[None, :]) | (lang_rows < 0)[:, None]
            | (lang_cols < 0)[None, :]).astype(np.float32)


def _ordinal(iso: str | None) -> float:
    if not iso:
        return math.nan
    try:
        return float(date.fromisoformat(iso[:10]).toordinal())
    except ValueError:
        return math.nan

