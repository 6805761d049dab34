"""Throughput of `crosswire run` against bare `nlp.pipe` of the same model, on one generated corpus.

Usage: python bench/bench_run.py [N_DOCS]   (default 60)

Both sides read the same N generated articles in the same process run; the figure that
matters is the ratio (crosswire pays for ingest, cleaning, dedup, entity resolution and
DuckDB writes on top of the parse).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from crosswire.compare.embeddings import embed
from crosswire.extract.places.core import places_from_doc
from crosswire.nlp.pipeline import load_nlp
from crosswire.run import run
from crosswire.settings import load_settings
from crosswire.store import Store

NAMES = ["Anna Petrova", "Omar Haddad", "Li Wei", "Maria Santos", "John Okafor", "Elena Rossi"]
PLACES = ["Varna Bay", "Kessel", "Port Amir", "Dolna", "Sarovo", "Tiberin"]
VERBS = ["said", "told reporters", "wrote on Twitter", "said in a statement"]
CHROME_TOP = "From the news desk\n\n{title}\n\nShare this article\n\n"
CHROME_END = "\n\nShare this article\n\nLeave a Reply\n\nYour email address will not be published.\n"


def article(i: int, rng: random.Random) -> str:
    """A distinct, realistic-looking article of about 400 words with site chrome."""
    paras = []
    for _ in range(8):
        who, where, verb = rng.choice(NAMES), rng.choice(PLACES), rng.choice(VERBS)
        n = rng.randint(2, 90)
        paras.append(
            f"{who}, a spokesperson for the regional council, {verb} that {n} people were hurt when "
            f"shelling hit {where} on {rng.choice(['Monday', 'Tuesday', 'Wednesday'])} night. "
            f"Officials in {rng.choice(PLACES)} said the attack, the {i % 7 + 2}th this month, damaged "
            f"a school and {rng.randint(3, 40)} homes, and that aid convoys would resume once the "
            f"roads were cleared."
        )
    return CHROME_TOP.format(title=f"Shelling hits {PLACES[i % 6]} ({i})") + "\n\n".join(paras) + CHROME_END


def main(n_docs: int) -> None:
    rng = random.Random(7)
    texts = [article(i, rng) for i in range(n_docs)]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i, text in enumerate(texts):
            (corpus / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        settings = load_settings()
        t0 = time.perf_counter()
        nlp = load_nlp(settings.model)
        list(nlp.pipe(texts[:2]))  # warm-up, so neither side pays model load
        places_from_doc(nlp("Shelling hit Homs."))  # gazetteer index: once per process
        embed(["warm-up"])  # MiniLM for stories and relations: once per process
        startup = time.perf_counter() - t0

        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        bare = time.perf_counter() - t0

        t0 = time.perf_counter()
        with Store(Path(tmp) / "b.duckdb") as store:
            summary = run([corpus], store, settings)
        full = time.perf_counter() - t0
    print(f"corpus: {n_docs} docs, {words} words (generated, seed 7)")
    print(f"start-up (spaCy model, gazetteer index, MiniLM), paid once per process: {startup:.1f} s")
    print(f"bare nlp.pipe     : {n_docs / bare:8.2f} docs/s {words / bare:10.0f} words/s")
    print(f"crosswire run     : {n_docs / full:8.2f} docs/s {words / full:10.0f} words/s "
          f"({summary.processed} processed, {summary.duplicate} duplicate, {summary.rejected} rejected)")
    print(f"ratio crosswire/bare throughput: {bare / full:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
