"""The web app: read API and pages over one store opened read-only, with strict headers.

Article text is untrusted. Pages carry no script at all, so the Content-Security-Policy can
forbid every script; styles come only from the app's own stylesheet; no error ever sends a
stack trace (a 500 says only that something failed, and the server's log has the rest).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import Store
from . import api, pages

log = logging.getLogger("crosswire.web")

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                                "base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(store: Store) -> FastAPI:
    """The app serving ``store`` (opened read-only by the caller, see ``crosswire serve``).

    Example:
        >>> from fastapi.testclient import TestClient                  # doctest: +SKIP
        >>> TestClient(create_app(Store("seeds.duckdb", read_only=True))).get("/api/stories").json()["total"]
        1
    """
    app = FastAPI(title="crosswire", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only API over a crosswire store. Records follow the JSONL export contract.")
    app.state.store = store
    app.state.story_views = {}
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def no_icon() -> Response:
        return Response(status_code=204)

    answers = AnswerCache()

    @app.middleware("http")
    async def headers_and_answers(request: Request, call_next):  # noqa: ANN001, ANN202 - Starlette's signature
        key = f"{request.url.path}?{request.url.query}" if request.method == "GET" else None
        kept = answers.get(key)
        if kept is not None:
            response: Response = Response(kept[0], media_type=kept[1])
        else:
            response = await call_next(request)
            if key and response.status_code == 200 and not request.url.path.startswith("/static"):
                body = b"".join([chunk async for chunk in response.body_iterator])
                answers.put(key, body, response.media_type or response.headers.get("content-type", ""))
                response = Response(body, status_code=200, media_type=response.headers.get("content-type"))
        for key_, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key_, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, problems)

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return _error(request, 500, "internal error: the server's log says more")

    return app


class AnswerCache:
    """Answers already given, by URL: the store is read-only while the server runs and no other
    process may write it, so an answer stays right until the server stops. Bounded in bytes."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, max_item: int = 2 * 1024 * 1024) -> None:
        self.max_bytes, self.max_item = max_bytes, max_item
        self.kept: dict[str, tuple[bytes, str]] = {}
        self.size = 0

    def get(self, key: str | None) -> tuple[bytes, str] | None:
        return self.kept.get(key) if key else None

    def put(self, key: str, body: bytes, media_type: str) -> None:
        if len(body) > self.max_item:
            return
        if self.size + len(body) > self.max_bytes:  # made-up URLs must not grow it for ever
            self.kept.clear()
            self.size = 0
        self.kept[key] = (body, media_type)
        self.size += len(body)


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        response: Response = JSONResponse({"detail": detail}, status_code=status, headers=headers)
    else:
        response = pages.render("error.html", status_code=status, status=status, detail=detail, title=f"{status}",
                                twin=None)
        if headers:
            response.headers.update(headers)
    # Exception handlers run outside the header middleware for a 500: set them here too.
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    return response
