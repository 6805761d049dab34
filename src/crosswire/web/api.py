"""The read API: JSON for every list and every page, with the CLI's filters and pagination.

Each route is a thin call to a function of ``views``; records follow the export contract.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..store import Store
from .. import query
from . import views
from .deps import cached_story, reader

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
StoreDep = Annotated[Store, Depends(reader)]


def _listed(items_of: Any, limit: int, offset: int) -> dict[str, Any]:
    try:
        return views.page(items_of(), limit, offset)
    except query.UnknownValue as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/stories", summary="Stories, newest first, with counts of documents, events, claims and contradictions")
def stories(store: StoreDep, q: Annotated[Optional[str], Query(description="Words of a title or an outlet.")] = None,
            limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return views.page(query.story_summaries(store, q), limit, offset)


@router.get("/stories/{story_id}", summary="One story: timeline, who says what by camp, relations, numbers, coverage, places")
def story(story_id: str, request: Request, store: StoreDep,
          all: Annotated[bool, Query(description="Also relations below the confidence shown by default.")] = False,
          ) -> dict[str, Any]:
    found = cached_story(request, store, story_id, every_relation=all)
    if found is None:
        raise HTTPException(status_code=404, detail="no single story has that id")
    return found


@router.get("/documents", summary="Documents (without text; see /api/documents/{id})")
def documents(store: StoreDep, q: Annotated[Optional[str], Query(description="Words of the title.")] = None,
              outlet: Annotated[Optional[str], Query(description="Part of the outlet or host.")] = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return views.page(query.document_summaries(store, q, outlet), limit, offset)


@router.get("/documents/{doc_id}", summary="One document: record, origin, events, claims, highlighted segments")
def document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    found = views.document_view(store, doc_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no single document has that id")
    return found


@router.get("/events", summary="Happenings (or every mention) filtered as `crosswire events` filters them")
def events(
    store: StoreDep,
    type: Annotated[Optional[str], Query(description="PLOVER type, e.g. ASSAULT.")] = None,
    status: Annotated[Optional[str], Query(description="Modalities, comma-separated, or 'happened'.")] = None,
    country: Annotated[Optional[str], Query(description="ISO code (2 or 3 letters) of a place, actor or target.")] = None,
    from_: Annotated[Optional[str], Query(alias="from", description="Earliest date, YYYY-MM-DD.")] = None,
    to: Annotated[Optional[str], Query(description="Latest date, YYYY-MM-DD.")] = None,
    doc: Annotated[Optional[str], Query(description="Documents whose id starts with this.")] = None,
    mentions: Annotated[bool, Query(description="One item per mention instead of per happening.")] = False,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    return _listed(lambda: query.event_list(store, type_=type, status=status, country=country, start=from_, end=to,
                                            doc=doc, mentions=mentions), limit, offset)


@router.get("/claims", summary="Claims by speaker, story or document")
def claims(
    store: StoreDep,
    speaker: Annotated[Optional[str], Query(description="Part of a speaker's words, name or affiliation.")] = None,
    story: Annotated[Optional[str], Query(description="Story id (a prefix is enough).")] = None,
    doc: Annotated[Optional[str], Query(description="Documents whose id starts with this.")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    return views.page(query.claim_list(store, speaker=speaker, story=story, doc=doc), limit, offset)


@router.get("/entities", summary="Entities resolved across spellings, most documents first")
def entities(
    store: StoreDep,
    q: Annotated[Optional[str], Query(description="Part of the canonical name or an alias.")] = None,
    type: Annotated[Optional[str], Query(description="PERSON, ORG, GPE, LOC, NORP, ...")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    return views.page(query.entity_list(store, q=q, type_=type), limit, offset)
