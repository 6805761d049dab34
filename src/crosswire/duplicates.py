"""Near-duplicate groups (syndicated copies, re-scrapes) found with MinHash LSH."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

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


class DuplicateIndex:
    """MinHash LSH over every document seen so far; built once per run, grown chunk by chunk.

    Stored signatures are loaded once, not re-read and re-indexed for every chunk of a run.
    """

    def __init__(self, known: Mapping[str, bytes] = {}, *, threshold: float = 0.5, num_perm: int = 128,
                 shingle_words: int = 5) -> None:
        self.threshold, self.num_perm, self.shingle_words = threshold, num_perm, shingle_words
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.sigs: dict[str, MinHash] = {}
        for doc_id, data in known.items():
            self._insert(doc_id, from_bytes(data, num_perm))

    def _insert(self, doc_id: str, mh: MinHash) -> None:
        self.sigs[doc_id] = mh
        self.lsh.insert(doc_id, mh)

    def add(self, docs: Sequence[Document]) -> tuple[dict[str, str], dict[str, bytes]]:
        """Index new documents; map each that repeats an earlier one to that one's id.

        Everything already indexed counts as earlier than any new document; among new
        documents, input order decides. Candidates from LSH are confirmed with the estimated
        Jaccard, so a banding false positive never groups two reports.

        Returns:
            (duplicate id -> original id, new signatures as bytes for the store)
        """
        duplicate_of: dict[str, str] = {}
        fresh: dict[str, bytes] = {}
        for doc in docs:
            if doc.id in self.sigs:
                continue
            mh = signature(doc.text, num_perm=self.num_perm, shingle_words=self.shingle_words)
            best, best_score = None, self.threshold
            for cand in self.lsh.query(mh):
                score = mh.jaccard(self.sigs[cand])
                if score >= best_score:
                    best, best_score = cand, score
            if best is not None:
                # Point at the group's first member so chains of copies share one original.
                duplicate_of[doc.id] = duplicate_of.get(best, best)
            self._insert(doc.id, mh)
            fresh[doc.id] = to_bytes(mh)
        return duplicate_of, fresh

    def discard(self, doc_ids: Iterable[str]) -> None:
        """Forget documents that did not make it into the store (rejected after indexing)."""
        for doc_id in doc_ids:
            if self.sigs.pop(doc_id, None) is not None:
                self.lsh.remove(doc_id)


def find_duplicates(
    docs: Sequence[Document],
    known: Mapping[str, bytes] = {},
    *,
    threshold: float = 0.5,
    num_perm: int = 128,
    shingle_words: int = 5,
) -> tuple[dict[str, str], dict[str, bytes]]:
    """One-shot :meth:`DuplicateIndex.add` over ``known`` stored signatures and ``docs``.

    Returns:
        (duplicate id -> original id, new signatures as bytes for the store)
    """
    index = DuplicateIndex(known, threshold=threshold, num_perm=num_perm, shingle_words=shingle_words)
    return index.add(docs)
