"""Cost of adding one document to a stored corpus: the story pass with its vector cache against without.

Usage: python bench/bench_incremental.py [N_DOCS]   (default 60)

A stored corpus of N generated documents, then a batch of one new document. The story pass
(`crosscheck`) compares the new document with every stored one; with the `embeddings`
table it embeds one lead, without it every lead again. Both passes run on copies of the same
store in this process, so the ratio is measured, not assumed.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_run import article

from crosswire.run import run
from crosswire.settings import load_settings
from crosswire.store import Store


def main(n_docs: int) -> None:
    rng = random.Random(11)
    texts = [article(i, rng) for i in range(n_docs + 1)]
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, extra = Path(tmp) / "c", Path(tmp) / "new"
        corpus.mkdir(), extra.mkdir()
        for i, t in enumerate(texts[:-1]):
            (corpus / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        (extra / "new.txt").write_text(texts[-1], encoding="utf-8")
        base = Path(tmp) / "base.duckdb"
        with Store(base) as store:
            run([corpus], store, settings)
        timings = {}
        for label, keep_cache in (("without vector cache", False), ("with vector cache", True)):
            path = Path(tmp) / f"{keep_cache}.duckdb"
            shutil.copy(base, path)
            with Store(path) as store:
                if not keep_cache:
                    store.con.execute("DELETE FROM embeddings")
                with _story_pass_timer() as timer:
                    run([extra], store, settings)
                timings[label] = timer.seconds
    cold, warm = timings["without vector cache"], timings["with vector cache"]
    print(f"stored corpus: {n_docs} docs; one new document")
    print(f"{'story pass':28} {'seconds':>8}")
    for label, secs in timings.items():
        print(f"{label:28} {secs:8.2f}")
    print(f"ratio with/without cache: {warm / cold:.2f}")


class _story_pass_timer:
    """Times every crosscheck call made by run() while the block is open."""

    def __enter__(self) -> _story_pass_timer:
        import crosswire.compare.crosscheck as runner  # run() imports crosscheck from here at call time

        self.seconds = 0.0
        self._runner, self._real = runner, runner.crosscheck

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return self._real(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        runner.crosscheck = timed
        return self

    def __exit__(self, *exc: object) -> None:
        self._runner.crosscheck = self._real


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
