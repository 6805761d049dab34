"""The pages: stories, one story, documents, one document, and the API's own docs page.

Each page draws one dict of ``views`` (its JSON twin is linked at the foot of the page).
Templates escape everything (Jinja2 autoescape); the only markup built in Python is the map,
which escapes what it takes from articles itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..store import Store
from .. import query
from . import views
from .deps import cached_story, reader
from .worldmap import map_svg

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(reader)]

templates = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                        autoescape=select_autoescape(default=True, default_for_string=True))
templates.filters["q"] = lambda value: quote(str(value), safe="")


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered to a response."""
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def index(store: StoreDep, q: Optional[str] = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
          offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    listing = views.page(query.story_summaries(store, q), limit, offset)
    twin = "/api/stories" + (f"?q={quote(q)}" if q else "")
    return render("index.html", listing=listing, q=q or "", twin=twin, title="Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(story_id: str, request: Request, store: StoreDep, all: bool = False) -> HTMLResponse:
    view = cached_story(request, store, story_id, every_relation=all)
    if view is None:
        raise HTTPException(status_code=404, detail="no single story has that id")
    report = view["report"]
    relations = report["relations"]
    return render("story.html", view=view, report=report, every=all,
                  disputes=report["disputes"],
                  supports=[r for r in relations if r["type"] == "supports"],
                  map=map_svg(view["places"]), title=view["story"]["title"] or view["story"]["id"],
                  twin=f"/api/stories/{quote(view['story']['id'])}" + ("?all=true" if all else ""))


@router.get("/documents", response_class=HTMLResponse)
def documents(store: StoreDep, q: Optional[str] = None, outlet: Optional[str] = None,
              limit: Annotated[int, Query(ge=1, le=1000)] = 200,
              offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    listing = views.page(query.document_summaries(store, q, outlet), limit, offset)
    return render("documents.html", listing=listing, q=q or "", title="Documents", twin="/api/documents")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(doc_id: str, store: StoreDep) -> HTMLResponse:
    view = views.document_view(store, doc_id)
    if view is None:
        raise HTTPException(status_code=404, detail="no single document has that id")
    doc = view["document"]
    return render("document.html", view=view, doc=doc, title=doc["title"] or doc["id"],
                  twin=f"/api/documents/{quote(doc['id'])}")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API described from its own OpenAPI schema, drawn here: no script, no CDN."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                       "type": _type_of(p.get("schema", {})), "description": p.get("description", "")}
                                      for p in op.get("parameters", [])]})
    return render("docs.html", routes=routes, title="API", twin="/openapi.json", version=spec["info"]["version"])


def _type_of(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "")
    limits = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "pattern") if k in schema]
    return kind + (f" ({', '.join(limits)})" if limits else "")
