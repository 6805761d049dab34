"""Reading: documents -> spaCy Docs -> their entities, events and claims (one chunk at a time).

Functions of a chunk's documents (and the entities already known), so the in-process runner
(run.py) and the Dask runner (distributed.py) map the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .errors import Errors
from .records import Claim, Document, Entity, Event, Mention, Rejection
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .run import Reporter


def read_documents(
    docs: Sequence[Document], settings: Settings, reporter: Reporter
) -> tuple[list[tuple[Doc, Document]], list[Rejection]]:
    """Run spaCy over documents; a document spaCy cannot read becomes a rejection.

    Documents detected in another language than the model's are stored but not read: an
    English model finds only noise in French or Russian text ("C'est" and "Vienne un" as
    names, claims cut at random).
    """
    from .nlp.pipeline import load_nlp, parse
    from .nlp.sections import without_tensor

    nlp = load_nlp(settings.model)
    docs = [d for d in docs if d.language in (None, nlp.lang)]
    by_id = {d.id: d for d in docs}
    pairs = [(d.text, d.id) for d in docs]
    parsed: list[tuple[Doc, Document]] = []
    rejected: list[Rejection] = []
    try:
        for doc, doc_id in parse(pairs, nlp, batch_size=settings.batch_size, batch_chars=settings.batch_chars,
                                   n_process=settings.n_process, rejected=rejected):
            parsed.append((without_tensor(doc), by_id[doc_id]))  # a chunk holds its Docs until extracted
            reporter.advance()
    except (ValueError, RuntimeError, MemoryError):
        # One bad document must not sink the batch: redo it one by one to find the culprit.
        parsed, rejected = [], []
        for text, doc_id in pairs:
            try:
                parsed.extend((doc, by_id[doc_id]) for doc, _ in parse([(text, doc_id)], nlp, rejected=rejected))
            except (ValueError, RuntimeError, MemoryError) as exc:
                rejected.append(Rejection(id=doc_id, source=by_id[doc_id].source, stage="nlp", reason=f"spaCy failed: {exc}", code="E202"))
    # parse() does not know sources; fill them in for its length rejections.
    rejected = [replace(r, source=by_id[r.id].source if r.id in by_id else r.source) for r in rejected]
    return parsed, rejected


@dataclass(slots=True)
class Extracted:
    """What the readers found in one chunk of parsed documents."""

    mentions: list[Mention]
    entities: list[Entity]
    events: list[Event]
    claims: list[Claim]
    failed: list[Rejection] = field(default_factory=list)  # documents a reader failed on


def events_and_claims(
    doc: Doc, d: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> tuple[list[Event], list[Claim]]:
    """The events and claims of one parsed document, given its mentions resolved to ``entities``."""
    from .extract.claims.core import find_claims
    from .extract.events.core import find_events
    from .extract.places.core import places_from_doc

    events = find_events(doc, doc_id=d.id, published=d.published, places=places_from_doc(doc), headline=d.title)
    return events, find_claims(doc, doc_id=d.id, outlet=d.outlet, mentions=mentions, entities=entities)


def extract_records(parsed: Sequence[tuple[Doc, Document]], known: Sequence[Entity], reporter: Reporter) -> Extracted:
    """Entities (resolved against ``known``), events and claims, linked to each other."""
    from .extract.entities.core import mentions_from_doc, resolve_entities
    from .extract.entities.linking import link_claims_and_events, link_events

    mentions = [m for doc, d in parsed for m in mentions_from_doc(doc, d.id)]
    entities, mentions = resolve_entities(mentions, known)
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc, []).append(m)
    reporter.stage("finding events and claims", len(parsed))
    events: list[Event] = []
    claims: list[Claim] = []
    failed: list[Rejection] = []
    for doc, d in parsed:
        found = safe_events_and_claims(doc, d, by_doc.get(d.id, []), entities)
        if isinstance(found, Rejection):
            failed.append(found)
        else:
            events.extend(found[0])
            claims.extend(found[1])
        reporter.advance()
    mentions, entities = without_documents(mentions, entities, {r.id for r in failed})
    events, claims = link_claims_and_events(link_events(events, mentions, entities), claims)
    return Extracted(mentions, entities, events, claims, failed)


def safe_events_and_claims(
    doc: Doc, d: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> tuple[list[Event], list[Claim]] | Rejection:
    """``events_and_claims``, or a Rejection naming the error: a reader's bug on one strange
    document costs that document, never the run (and the document is kept, as its rejection)."""
    try:
        return events_and_claims(doc, d, mentions, entities)
    except Exception as exc:  # noqa: BLE001 - any failure of a reader, whatever it is
        error = f"{type(exc).__name__}: {exc}"
        return Rejection(id=d.id, source=d.source, stage="extract", reason=Errors.E204.format(error=error),
                         code="E204")


def without_documents(mentions: list[Mention], entities: list[Entity], bad: set[str]) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities with the documents in ``bad`` taken out (an entity only they named goes)."""
    if not bad:
        return mentions, entities
    kept = [replace(e, docs=[x for x in e.docs if x not in bad]) for e in entities]
    return [m for m in mentions if m.doc not in bad], [e for e in kept if e.docs]
