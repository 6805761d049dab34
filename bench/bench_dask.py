"""Throughput of `run_distributed` on a 2-process LocalCluster against the in-process `run`.

Usage: python bench/bench_dask.py [N_DOCS]   (default 120)

Both runners ingest the same generated corpus (``bench_run.article``) into fresh stores, after
a warm-up that loads every model in this process and on the workers, so neither side pays
model loading in its timing. The in-process runner is timed with spaCy's ``n_process=1`` and
``n_process=2``, the fair comparison on a 2-core machine; cluster start-up is shown apart.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench_run import article
from distributed import Client, LocalCluster

from crosswire.distributed import run_distributed
from crosswire.run import RunSummary, run
from crosswire.settings import Settings, load_settings
from crosswire.store import Store


def _timed(label: str, n_docs: int, words: int, db: Path, ingest: Callable[[Store], RunSummary]) -> float:
    """Seconds ``ingest`` takes to fill a fresh store at ``db``; prints its throughput."""
    with Store(db) as store:
        t0 = time.perf_counter()
        summary = ingest(store)
        took = time.perf_counter() - t0
    assert summary.balanced and summary.processed == n_docs, summary
    print(f"{label:<34}: {n_docs / took:7.2f} docs/s {words / took:9.0f} words/s ({took:6.1f} s, "
          f"{summary.events} events, {summary.claims} claims)")
    return took


def main(n_docs: int) -> None:
    """Write the corpus, warm up, then time each runner into its own fresh store."""
    rng = random.Random(7)
    texts = [article(i, rng) for i in range(n_docs)]
    words = sum(len(t.split()) for t in texts)
    settings: Settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus, warm = root / "corpus", root / "warm"
        corpus.mkdir()
        warm.mkdir()
        for i, text in enumerate(texts):
            (corpus / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        (warm / "w.txt").write_text(article(n_docs + 1, random.Random(1)), encoding="utf-8")
        with Store(":memory:") as store:
            run([warm], store, settings)  # loads spaCy, the gazetteer and MiniLM in this process
        print(f"corpus: {n_docs} docs, {words} words (generated, seed 7)")

        local = _timed("run (n_process=1)", n_docs, words, root / "a.duckdb",
                       lambda s: run([corpus], s, settings))
        local2 = _timed("run (n_process=2)", n_docs, words, root / "b.duckdb",
                        lambda s: run([corpus], s, replace(settings, n_process=2)))

        t0 = time.perf_counter()
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            with Store(":memory:") as store:  # each worker loads spaCy and the gazetteer once
                run_distributed([warm], store, settings, client=client)
            print(f"{'cluster start + warm-up':<34}: {time.perf_counter() - t0:6.1f} s")
            dist = _timed("run_distributed (2 workers)", n_docs, words, root / "c.duckdb",
                          lambda s: run_distributed([corpus], s, settings, client=client))
    print(f"ratio run_distributed / run (n_process=1) throughput: {local / dist:.2f}")
    print(f"ratio run_distributed / run (n_process=2) throughput: {local2 / dist:.2f}")


if __name__ == "__main__":  # Dask spawns its workers, which re-import this module
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
