"""Near-duplicate groups (syndicated copies, re-scrapes) found with MinHash LSH.

MinHash on word shingles sees a short report's template, not its facts: "On 3 May 2020, 4
soldiers were killed ... in Kunduz" and the same sentence with 5 soldiers or Baghlan share
most shingles. A candidate pair is therefore confirmed only when the two documents agree
on their facts as well: the numbers and capitalised names of one are (nearly) all found
in the other (see :func:`facts_agree`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from .records import Document

_WORD = re.compile(r"\w+", re.UNICODE)
# Pinned so signatures stored by one datasketch version still compare after an upgrade.
SCHEME = "affine32"

# Facts: numbers (thousands separators dropped) and words that start with a capital letter,
# apostrophes and hyphens kept inside names ("O'Neill", "Dasht-e").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Text before a word that puts it at the start of a sentence, line or bracketed aside,
# where a capital says nothing about the word being a name.
_OPENING = re.compile(r"(?:^|[.!?:;\n]|\s[-–—])[\s\"“”‘’'(\[]*$")
# Spelled numbers read as digits, so "four soldiers" and "4 soldiers" are the same fact and
# "four" and "five" are different ones.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({w: str(10 * i) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_NUMBER_WORDS.update(hundred="100", thousand="1000", million="1000000", billion="1000000000")
# Function words that open sentences; capitalised there, they are not names.
_OPENERS = frozenset(
    "a an the on in at of for to from by with as after before during when while since until but and or "
    "if it its he she they we i you this that these those there here his her their our some several many "
    "more most no not nor yet so then also however meanwhile earlier later according among about around "
    "over under between into near what who where which why how all both each every other such".split())
# Share of the smaller fact count that both documents must hold. Below 16 shared facts (any
# one- or two-sentence report) a single changed number, date or name splits the pair; a
# news article (20-65 counted facts in the sample corpus) survives one to three: a typo fixed
# in a name, an updated toll.
FACT_OVERLAP = 0.94


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


def facts(text: str) -> Counter[str]:
    """The numbers, dates and names a text states, lower-cased and counted: what a copy repeats.

    Dates come apart into their parts ("3", "may", "2020"), so "3 May 2020" and
    "May 3, 2020" state the same facts. A capitalised word opening a sentence counts unless
    it is a function word ("The", "On"), since a report may open with its actor or place.
    Facts are counted, not just listed: "On 4 May, 4 soldiers" is not "On 3 May, 4 soldiers".
    """
    found = Counter(m.group().replace(",", "").lstrip("0") or "0" for m in _NUMBER.finditer(text))
    for m in _NAME.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        lower = word.lower()
        if lower in _NUMBER_WORDS:
            found[_NUMBER_WORDS[lower]] += 1
        # Only the few characters before the word are searched, so a long text stays linear.
        elif word[0].isupper() and not (lower in _OPENERS and _OPENING.search(text, max(0, m.start() - 16), m.start())):
            found[lower] += 1
    return found


def facts_agree(a: Counter[str], b: Counter[str], overlap: float = FACT_OVERLAP) -> bool:
    """True when the facts of one document are (nearly) all facts of the other.

    The overlap coefficient |a & b| / min(|a|, |b|) over the counted facts: facts only one
    side has (a credit, chrome, a paragraph added at the end) cost nothing, facts each side
    has and the other lacks (a changed number, date or place) do. A side with no facts
    contradicts nothing.
    """
    size_a, size_b = a.total(), b.total()
    if not size_a or not size_b:
        return True
    return (a & b).total() >= overlap * min(size_a, size_b)


def to_bytes(mh: MinHash, fact_counts: Counter[str] | None = None) -> bytes:
    """A signature as bytes for the store, followed by its facts (one per line, UTF-8).

    The facts ride in the signature's blob so a later run checks stored documents without
    reading their text back; a blob stored before facts were is the bare signature.
    """
    data = mh.hashvalues.astype(np.uint64).tobytes()
    return data + "\n".join(sorted((fact_counts or Counter()).elements())).encode("utf-8")


def from_bytes(data: bytes, num_perm: int) -> MinHash:
    """A signature read back from the store."""
    return MinHash(num_perm=num_perm, hashvalues=np.frombuffer(data[: num_perm * 8], dtype=np.uint64), scheme=SCHEME)


def facts_from_bytes(data: bytes, num_perm: int) -> Counter[str]:
    """The facts stored after a signature; none for signatures stored before facts were."""
    rest = data[num_perm * 8 :].decode("utf-8", errors="replace")
    return Counter(rest.split("\n")) if rest else Counter()


class BandIndex(Protocol):
    """Where the signatures of earlier documents are looked up by band (LSH)."""

    def matches(self, scheme: str, probe: Sequence[tuple[str, int, int]]) -> list[tuple[str, str]]:
        """(probing doc, earlier doc) for each (doc, band, key) that an earlier doc shares."""
        ...

    def signatures_of(self, docs: Sequence[str]) -> dict[str, bytes]:
        """Stored signature bytes (with their facts) of these documents."""
        ...


class MemoryBands:
    """A BandIndex over given signatures, held in memory (one-shot use: ``find_duplicates``)."""

    def __init__(self, known: Mapping[str, bytes], scheme: str, num_perm: int) -> None:
        self.known = dict(known)
        self.keys: dict[tuple[int, int], list[str]] = {}
        for doc_id, data in self.known.items():
            for _, band, key in band_rows(doc_id, from_bytes(data, num_perm), scheme):
                self.keys.setdefault((band, key), []).append(doc_id)

    def matches(self, scheme: str, probe: Sequence[tuple[str, int, int]]) -> list[tuple[str, str]]:
        return [(doc, old) for doc, band, key in probe for old in self.keys.get((band, key), ())]

    def signatures_of(self, docs: Sequence[str]) -> dict[str, bytes]:
        return {d: self.known[d] for d in docs if d in self.known}


def lsh_scheme(threshold: float, num_perm: int) -> str:
    """"<num_perm>:<bands>x<rows>", the banding datasketch finds best for ``threshold``: stored
    band keys are valid only for the scheme they were cut with."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return f"{num_perm}:{lsh.b}x{lsh.r}"


def band_rows(doc_id: str, mh: MinHash, scheme: str) -> list[tuple[str, int, int]]:
    """(doc, band, key) for each band of a signature: the key is a 64-bit hash of the band's
    hash values, so two documents share a key where datasketch's LSH would put them in one
    bucket (a rare hash collision only adds a candidate, which the Jaccard check drops)."""
    bands, rows = (int(n) for n in scheme.split(":")[1].split("x"))
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    out = []
    for band in range(bands):
        digest = hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(), digest_size=8).digest()
        out.append((doc_id, band, int.from_bytes(digest, "little", signed=True)))
    return out


class DuplicateIndex:
    """Near-duplicate matching of new documents against earlier ones, a chunk at a time.

    Earlier documents are found through their LSH band keys in ``earlier`` (the store's
    ``minhash_bands`` in a run), so nothing of the corpus is held in memory: a chunk costs its
    own signatures and its candidates', whatever the size of the store.
    """

    def __init__(self, earlier: BandIndex, *, threshold: float = 0.5, num_perm: int = 128,
                 shingle_words: int = 5, fact_overlap: float = FACT_OVERLAP) -> None:
        self.earlier = earlier
        self.threshold, self.num_perm, self.shingle_words = threshold, num_perm, shingle_words
        self.fact_overlap = fact_overlap
        self.scheme = lsh_scheme(threshold, num_perm)

    def add(self, docs: Sequence[Document]) -> tuple[dict[str, str], dict[str, bytes]]:
        """Map each new document that repeats an earlier one to that one's id.

        Every earlier document counts as earlier than any new one; among new documents, input
        order decides. Candidates sharing a band are confirmed with the estimated Jaccard, so a
        banding false positive never groups two reports, and with their facts, so two reports
        in one template about different events never group either. Of several that pass, the
        most similar wins, then the smallest id.

        Returns:
            (duplicate id -> original id, new signatures as bytes for the store)
        """
        new: dict[str, tuple[MinHash, Counter[str], list[tuple[str, int, int]]]] = {}
        for doc in docs:
            if doc.id not in new:
                mh = signature(doc.text, num_perm=self.num_perm, shingle_words=self.shingle_words)
                new[doc.id] = (mh, facts(doc.text), band_rows(doc.id, mh, self.scheme))
        probe = [row for _, _, rows in new.values() for row in rows]
        stored: dict[str, set[str]] = {}
        for doc_id, old in self.earlier.matches(self.scheme, probe):
            if old not in new:
                stored.setdefault(doc_id, set()).add(old)
        known = {d: (from_bytes(b, self.num_perm), facts_from_bytes(b, self.num_perm))
                 for d, b in self.earlier.signatures_of(sorted(set().union(*stored.values()))).items()}
        duplicate_of: dict[str, str] = {}
        fresh: dict[str, bytes] = {}
        bucket: dict[tuple[int, int], list[str]] = {}  # this chunk's earlier documents, by band key
        for doc_id, (mh, fact_counts, rows) in new.items():
            here = {d for _, band, key in rows for d in bucket.get((band, key), ())}
            best, best_score = None, self.threshold
            for cand in sorted(stored.get(doc_id, set()) | here):
                other = (new[cand][0], new[cand][1]) if cand in new else known.get(cand)
                if other is None:
                    continue  # a band row whose signature is gone
                score = mh.jaccard(other[0])
                better = score > best_score or (best is None and score >= best_score)
                if better and facts_agree(fact_counts, other[1], self.fact_overlap):
                    best, best_score = cand, score
            if best is not None:
                # Point at the group's first member so chains of copies share one original.
                duplicate_of[doc_id] = duplicate_of.get(best, best)
            for _, band, key in rows:
                bucket.setdefault((band, key), []).append(doc_id)
            fresh[doc_id] = to_bytes(mh, fact_counts)
        return duplicate_of, fresh

    def band_rows(self, signatures: Mapping[str, bytes]) -> list[tuple[str, int, int]]:
        """The band rows to store with these signatures."""
        return [row for d, b in signatures.items() for row in band_rows(d, from_bytes(b, self.num_perm), self.scheme)]


def find_duplicates(
    docs: Sequence[Document],
    known: Mapping[str, bytes] = {},
    *,
    threshold: float = 0.5,
    num_perm: int = 128,
    shingle_words: int = 5,
    fact_overlap: float = FACT_OVERLAP,
) -> tuple[dict[str, str], dict[str, bytes]]:
    """One-shot :meth:`DuplicateIndex.add` over ``known`` stored signatures and ``docs``.

    Returns:
        (duplicate id -> original id, new signatures as bytes for the store)
    """
    bands = MemoryBands(known, lsh_scheme(threshold, num_perm), num_perm)
    index = DuplicateIndex(bands, threshold=threshold, num_perm=num_perm, shingle_words=shingle_words,
                           fact_overlap=fact_overlap)
    return index.add(docs)
