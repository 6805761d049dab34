"""Which claim pairs of a story are worth comparing, and what a story is about.

Comparing every pair of a story's claims costs n squared and finds mostly unrelated pairs;
``candidate_pairs`` keeps, per claim, the closest few by embedding, shared words or a shared
event. ``topic_words`` are the words most of a story's claims use: sharing them says nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crosswire.compare.cues import Analysis
from crosswire.compare.stance import overlap
from crosswire.records import Claim

# Calibration: tests/data/gold/claim_pairs.jsonl (self-written, 80 pairs) with
# all-MiniLM-L6-v2: same-topic pairs (supports and contradicts) had cosines 0.56-0.96,
# unrelated pairs -0.09-0.24. 0.35 sits in the gap, nearer the unrelated side because
# a missed candidate loses a relation while an extra one only costs a comparison.
# Never tuned on FNC-1 (no licence).
CANDIDATE_COS = 0.35
# Shared content words that make a pair a candidate even below CANDIDATE_COS
# ("Lavrov ... ISIL targets" vs "Stoltenberg ... not targeted against ISIL" share 3).
CANDIDATE_SHARED = 2
# Pairs kept per claim, best first: bounds the pair count to O(k * n). On the labelled seed
# story (58 claims) 8 missed pairs at cosine 0.47-0.55 that a stronger neighbour crowded
# out: 16 finds 30 of 33 labelled relations against 27, precision unchanged (0.94).
TOP_K = 16
# A story's topic words: in a fifth of its claims, counted once it has ten claims.
TOPIC_SHARE = 0.2
TOPIC_MIN_CLAIMS = 10


def speaker_key(claim: Claim) -> str | None:
    """Who said a claim, as one key across spellings; None for a speaker who names nobody."""
    s = claim.speaker
    if s is None:
        return None
    key = s.entity or s.canonical
    if key:
        return key.lower()
    # An unresolved pronoun ("he", "the source") identifies nobody.
    text = s.text.lower().strip()
    return None if text in {"he", "she", "they", "it", "the source", "a source", "officials"} else text


def candidate_pairs(claims: Sequence[Claim], sims: np.ndarray, analyses: Sequence[Analysis],
                    *, top_k: int = TOP_K) -> list[tuple[int, int]]:
    """Index pairs worth testing: close embeddings, one event, or shared words; top-k per claim."""
    n = len(claims)
    chosen: set[tuple[int, int]] = set()
    for i in range(n):
        ranked = []
        for j in range(n):
            if i == j:
                continue
            shared = len(overlap(analyses[i], analyses[j]))
            same_event = claims[i].event is not None and claims[i].event == claims[j].event
            if sims[i, j] >= CANDIDATE_COS or same_event or shared >= CANDIDATE_SHARED:
                ranked.append((float(sims[i, j]) + 0.05 * shared + (0.5 if same_event else 0.0), j))
        for _, j in sorted(ranked, reverse=True)[:top_k]:
            chosen.add((min(i, j), max(i, j)))
    return sorted(chosen)


def topic_words(analyses: Sequence[Analysis]) -> frozenset[str]:
    """Content keys in at least TOPIC_SHARE of a story's claims (given TOPIC_MIN_CLAIMS):
    what the story is about, so sharing them says nothing about sharing a claim."""
    if len(analyses) < TOPIC_MIN_CLAIMS:
        return frozenset()
    counts: dict[str, int] = {}
    for a in analyses:
        for k in a.content:
            counts[k] = counts.get(k, 0) + 1
    return frozenset(k for k, n in counts.items() if n >= TOPIC_SHARE * len(analyses))
