"""Near-duplicate groups (syndicated copies, re-scrapes) found with MinHash LSH.

MinHash on word shingles sees a short report's template, not its facts: "On 3 May 2020, 4
soldiers were killed ... in Kunduz" and the same sentence with 5 soldiers or Baghlan share
most shingles. A candidate pair is therefore confirmed only when the two documents agree
on their facts as well: the numbers and capitalised names of one are (nearly) all found
in the other (see :func:`facts_agree`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

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


class DuplicateIndex:
    """MinHash LSH over every document seen so far; built once per run, grown chunk by chunk.

    Stored signatures are loaded once, not re-read and re-indexed for every chunk of a run.
    """

    def __init__(self, known: Mapping[str, bytes] = {}, *, threshold: float = 0.5, num_perm: int = 128,
                 shingle_words: int = 5, fact_overlap: float = FACT_OVERLAP) -> None:
        self.threshold, self.num_perm, self.shingle_words = threshold, num_perm, shingle_words
        self.fact_overlap = fact_overlap
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.sigs: dict[str, MinHash] = {}
        self.facts: dict[str, Counter[str]] = {}
        for doc_id, data in known.items():
            self._insert(doc_id, from_bytes(data, num_perm), facts_from_bytes(data, num_perm))

    def _insert(self, doc_id: str, mh: MinHash, fact_counts: Counter[str]) -> None:
        self.sigs[doc_id] = mh
        self.facts[doc_id] = fact_counts
        self.lsh.insert(doc_id, mh)

    def add(self, docs: Sequence[Document]) -> tuple[dict[str, str], dict[str, bytes]]:
        """Index new documents; map each that repeats an earlier one to that one's id.

        Everything already indexed counts as earlier than any new document; among new
        documents, input order decides. Candidates from LSH are confirmed with the estimated
        Jaccard, so a banding false positive never groups two reports, and with their facts,
        so two reports in one template about different events never group either.

        Returns:
            (duplicate id -> original id, new signatures as bytes for the store)
        """
        duplicate_of: dict[str, str] = {}
        fresh: dict[str, bytes] = {}
        for doc in docs:
            if doc.id in self.sigs:
                continue
            mh = signature(doc.text, num_perm=self.num_perm, shingle_words=self.shingle_words)
            fact_counts = facts(doc.text)
            best, best_score = None, self.threshold
            for cand in self.lsh.query(mh):
                score = mh.jaccard(self.sigs[cand])
                if score >= best_score and facts_agree(fact_counts, self.facts[cand], self.fact_overlap):
                    best, best_score = cand, score
            if best is not None:
                # Point at the group's first member so chains of copies share one original.
                duplicate_of[doc.id] = duplicate_of.get(best, best)
            self._insert(doc.id, mh, fact_counts)
            fresh[doc.id] = to_bytes(mh, fact_counts)
        return duplicate_of, fresh

    def discard(self, doc_ids: Iterable[str]) -> None:
        """Forget documents that did not make it into the store (rejected after indexing)."""
        for doc_id in doc_ids:
            if self.sigs.pop(doc_id, None) is not None:
                self.facts.pop(doc_id, None)
                self.lsh.remove(doc_id)


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
    index = DuplicateIndex(known, threshold=threshold, num_perm=num_perm, shingle_words=shingle_words,
                           fact_overlap=fact_overlap)
    return index.add(docs)
