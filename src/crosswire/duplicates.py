"""Near-duplicate groups (syndicated copies, re-scrapes) found with MinHash LSH."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .records import Document

_WORD = re.compile(r"\w+", re.UNICODE)
# Pinned so signatures stored by one datasketch version still compare after an upgrade.
SCHEME = "affine32"


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word n-grams of the lower-cased text; short texts fall back to their single words."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, *, num_perm: int = 128, shingle_words: int = 5) -> MinHash:
    """MinHash of a document's clean text."""
    mh = MinHash(num_perm=num_perm, scheme=SCHEME)
    mh.update_batch(list(shingles(text, shingle_words)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """A signature as bytes for the store."""
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes, num_perm: int) -> MinHash:
    """A signature read back from the store."""
    return MinHash(num_perm=num_perm, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


def find_duplicates(
    docs: Sequence[Document],
    known: Mapping[str, bytes] = {},
    *,
    threshold: float = 0.5,
    num_perm: int = 128,
    shingle_words: int = 5,
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Map each new document that repeats an earlier one to that earlier document's id.

    ``known`` are signatures of documents already stored, which count as earlier than any
    new one; among new documents, input order decides. Candidates from LSH are confirmed
    with the estimated Jaccard, so a banding false positive never groups two reports.

    Returns:
        (duplicate id -> original id, new signatures as bytes for the store)
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs: dict[str, MinHash] = {}
    for doc_id, data in known.items():
        sigs[doc_id] = from_bytes(data, num_perm)
        lsh.insert(doc_id, sigs[doc_id])
    duplicate_of: dict[str, str] = {}
    fresh: dict[str, bytes] = {}
    for doc in docs:
        if doc.id in sigs:
            continue
        mh = signature(doc.text, num_perm=num_perm, shingle_words=shingle_words)
        best, best_score = None, threshold
        for cand in lsh.query(mh):
            score = mh.jaccard(sigs[cand])
            if score >= best_score:
                best, best_score = cand, score
        if best is not None:
            # Point at the group's first member so chains of copies share one original.
            duplicate_of[doc.id] = duplicate_of.get(best, best)
        sigs[doc.id] = mh
        lsh.insert(doc.id, mh)
        fresh[doc.id] = to_bytes(mh)
    return duplicate_of, fresh
