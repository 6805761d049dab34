"""The Dask runner: the in-process runner's stages mapped over ``dask.bag`` partitions on a cluster."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster, default_client
from spacy.tokens import DocBin

from .extract.entities.core import mentions_from_doc, resolve_entities
from .extract.entities.linking import link_claims_and_events, link_events
from .nlp.pipeline import load_nlp
from .records import Claim, Document, Entity, Event, Mention, RawArticle, Rejection
from .reading import Extracted, read_documents, safe_events_and_claims, without_documents
from .run import Reporter, RunSummary, run_stages, to_document
from .settings import Settings
from .store import Store

# A worker with several threads shares one cached model between them; spaCy does not promise
# that concurrent calls on one Language (and its growing StringStore) are safe, so the threads
# of a process take turns. The clusters made here have one thread per worker, so this never waits.
_MODEL_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One document read by a worker: its Doc as ``DocBin`` bytes and its unresolved mentions."""

    doc_id: str
    docbin: bytes
    mentions: list[Mention]


class _Silent:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


def _convert_partition(items: Iterable[RawArticle]) -> list[Document | Rejection]:
    """Pass 1 on a worker: decode and clean raw inputs (pure, no model)."""
    return [to_document(item) for item in items]


def _read_partition(docs: Iterable[Document], settings: Settings) -> list[_Parsed | Rejection]:
    """Pass 2 on a worker: parse with the per-process cached model, ship Docs as bytes."""
    docs = list(docs)
    out: list[_Parsed | Rejection] = []
    with _MODEL_LOCK:
        # n_process=1: a Dask worker is already one of the processes, and nanny-run workers
        # are daemons, which may not start children of their own.
        parsed, rejected = read_documents(docs, replace(settings, n_process=1), _Silent())
        for doc, d in parsed:
            blob = DocBin(docs=[doc], store_user_data=False).to_bytes()
            out.append(_Parsed(d.id, blob, mentions_from_doc(doc, d.id)))
    return [*out, *rejected]


def _extract_partition(
    items: Iterable[tuple[bytes, Document, list[Mention], list[Entity]]], model: str, gazetteer: str
) -> list[tuple[list[Event], list[Claim]] | Rejection]:
    """Pass 3 on a worker: events and claims of each Doc, given its resolved mentions, with
    places resolved against the local gazetteer the run's settings name (as ``run`` does)."""
    from .extract.places.gazetteer import use_local_gazetteer

    out = []
    with _MODEL_LOCK:
        use_local_gazetteer(gazetteer)
        vocab = load_nlp(model).vocab
        for blob, d, mentions, entities in items:
            (doc,) = DocBin().from_bytes(blob).get_docs(vocab)
            out.append(safe_events_and_claims(doc, d, mentions, entities))
    return out


def _map(client: Client, items: Sequence[Any], partitions: int, func: Any, *args: Any) -> list[Any]:
    """``func`` over ``items`` in up to ``partitions`` partitions, results gathered in order."""
    if not items:
        return []
    bag = db.from_sequence(items, npartitions=max(1, min(partitions, len(items))))
    return list(bag.map_partitions(func, *args).compute(scheduler=client))


class _DaskStages:
    """The ``convert`` and ``analyse`` stages of ``run_stages``, each a bag over ``client``."""

    def __init__(self, client: Client, partitions: int) -> None:
        self.client = client
        self.partitions = partitions

    def convert(self, items: Sequence[RawArticle]) -> list[Document | Rejection]:
        """Pass 1: decode and clean each raw input on the workers."""
        return _map(self.client, items, self.partitions, _convert_partition)

    def analyse(
        self, docs: Sequence[Document], known: Sequence[Entity], settings: Settings, reporter: Reporter
    ) -> tuple[Extracted, list[Rejection]]:
        """Passes 2 and 3 on the workers; entity resolution and linking here on the client.

        Mirrors ``run.analyse_local``/``reading.extract_records`` step for step, so a chunk gives
        the same records whichever runner reads it.
        """
        reporter.stage("reading with spaCy", len(docs))
        read = _map(self.client, docs, self.partitions, _read_partition, settings)
        parsed = [r for r in read if isinstance(r, _Parsed)]
        rejected = [r for r in read if isinstance(r, Rejection)]
        reporter.advance(len(parsed))
        # Resolution needs every mention of the chunk at once, against the stored entities.
        entities, mentions = resolve_entities([m for p in parsed for m in p.mentions], known)
        by_doc: dict[str, list[Mention]] = {}
        for m in mentions:
            by_doc.setdefault(m.doc, []).append(m)
        by_entity = {e.id: e for e in entities}
        by_id = {d.id: d for d in docs}
        reporter.stage("finding events and claims", len(parsed))
        work = []
        for p in parsed:
            own = by_doc.get(p.doc_id, [])
            # Only the entities this document's mentions point at travel with it.
            needed = [by_entity[i] for i in dict.fromkeys(m.entity for m in own if m.entity) if i in by_entity]
            work.append((p.docbin, by_id[p.doc_id], own, needed))
        found = _map(self.client, work, self.partitions, _extract_partition, settings.model, settings.places_gazetteer)
        reporter.advance(len(found))
        failed = [f for f in found if isinstance(f, Rejection)]
        read = [f for f in found if not isinstance(f, Rejection)]
        events = [e for doc_events, _ in read for e in doc_events]
        claims = [c for _, doc_claims in read for c in doc_claims]
        mentions, entities = without_documents(mentions, entities, {r.id for r in failed})
        events, claims = link_claims_and_events(link_events(events, mentions, entities), claims)
        return Extracted(mentions, entities, events, claims, failed), rejected + failed


@contextmanager
def _client(client: Client | None, workers: int | None) -> Iterator[Client]:
    """The given client, else the active default one, else a local cluster closed on exit."""
    if client is not None:
        yield client
        return
    try:
        active = default_client()
    except ValueError:  # no client is active: make a cluster for this run only
        active = None
    if active is not None:
        yield active
        return
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        dashboard_address=":0", silence_logs=logging.WARNING,
    )
    try:
        with Client(cluster) as made:
            yield made
    finally:
        cluster.close()


def run_distributed(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    *,
    client: Client | None = None,
    partitions: int | None = None,
    workers: int | None = None,
    reporter: Reporter | None = None,
) -> RunSummary:
    """``run.run`` with decoding, parsing and extraction mapped over a Dask cluster.

    Inputs are read, deduplicated, resolved to entities, written and cross-checked on the
    client in the same chunks as ``run``, so both runners store the same records. With no
    ``client`` and no active default client, a process-based ``LocalCluster`` of ``workers``
    single-threaded workers is started and closed; a script calling this then needs an
    ``if __name__ == "__main__":`` guard, as Dask starts its workers by spawning.

    Args:
        paths: Files or folders to ingest.
        store: Where records go; only this process writes to it.
        settings: Run settings; ``n_process`` is ignored (the workers are the processes).
        client: A ``distributed.Client`` to run on.
        partitions: Partitions per chunk and pass (default: twice the worker threads).
        workers: Workers of the cluster made when there is no client (default: CPU count).
        reporter: Progress sink.

    Example:
        >>> with Store(":memory:") as s:                                  # doctest: +SKIP
        ...     run_distributed(["examples/corpus"], s, load_settings(), workers=2).processed
    """
    with _client(client, workers) as active:
        threads = sum(active.nthreads().values()) or 1
        stages = _DaskStages(active, partitions or 2 * threads)
        return run_stages(paths, store, settings, reporter, convert=stages.convert, analyse=stages.analyse)
