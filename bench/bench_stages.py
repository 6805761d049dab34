"""Cost of each crosswire stage against the bare spaCy parse, on one generated corpus.

Usage: python bench/bench_stages.py [N_DOCS]   (default 60)

Prints words/s per stage and each stage's cost as a ratio of the parse time measured in
the same run (events 0.10 = the events stage adds 10 % on top of parsing).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from bench_run import article

from crosswire.compare.crosscheck import crosscheck
from crosswire.extract.claims.core import find_claims
from crosswire.extract.entities.core import mentions_from_doc, resolve_entities
from crosswire.extract.events.core import find_events
from crosswire.extract.places.core import places_from_doc
from crosswire.nlp.pipeline import load_nlp
from crosswire.run import run
from crosswire.settings import load_settings
from crosswire.store import Store


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main(n_docs: int) -> None:
    rng = random.Random(11)
    texts = [article(i, rng) for i in range(n_docs)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))
    places_from_doc(nlp("Shelling hit Homs."))  # gazetteer load is start-up, not per-doc cost
    docs, parse = timed(lambda: list(nlp.pipe(texts, batch_size=32)))
    mentions = [m for i, d in enumerate(docs) for m in mentions_from_doc(d, str(i))]
    (entities, mentions), t_ent = timed(lambda: resolve_entities(mentions))
    places, t_places = timed(lambda: [places_from_doc(d) for d in docs])
    _, t_events = timed(lambda: [find_events(d, doc_id=str(i), published="2024-03-12", places=p)
                                 for i, (d, p) in enumerate(zip(docs, places))])
    _, t_claims = timed(lambda: [find_claims(d, doc_id=str(i), outlet="Bench Wire", mentions=mentions, entities=entities)
                                 for i, d in enumerate(docs)])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c"
        corpus.mkdir()
        for i, t in enumerate(texts):
            (corpus / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        with Store(Path(tmp) / "b.duckdb") as store:
            settings = load_settings()
            summary, t_run = timed(lambda: run([corpus], store, settings))
            ids = [d.id for d in store.documents()]
            store.con.execute("DELETE FROM stories; DELETE FROM relations; DELETE FROM embeddings")  # a cold pass
            _, t_cross = timed(lambda: crosscheck(store, ids))
    print(f"corpus: {n_docs} generated docs, {words} words; {summary.events} events, {summary.claims} claims")
    print(f"{'stage':28} {'seconds':>8} {'words/s':>10} {'cost vs parse':>14}")
    for name, secs in (("spaCy parse (bare nlp.pipe)", parse), ("entity resolution", t_ent), ("places", t_places),
                       ("events", t_events), ("events + places", t_events + t_places), ("claims", t_claims),
                       ("stories + relations", t_cross), ("claims + stories", t_claims + t_cross),
                       ("whole crosswire run", t_run)):
        print(f"{name:28} {secs:8.2f} {words / secs:10.0f} {secs / parse:14.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
