"""What every request gets: its own reader of the store, and the views that never change.

The server opens the store read-only, and DuckDB lets no process write a file that another
holds open, so nothing a request reads can change while the server runs: a story's view
is built once and kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request

from ..store import Store
from . import views

def reader(request: Request) -> Iterator[Store]:
    """A cursor of the app's store for this request, closed when the request is done."""
    store = request.app.state.store.reader()
    try:
        yield store
    finally:
        store.close()


def cached_story(request: Request, store: Store, story_id: str, *, every_relation: bool) -> dict[str, Any] | None:
    """``views.story_view``, built once per server, story and choice of relations."""
    kept: dict[tuple[str, bool], dict[str, Any] | None] = request.app.state.story_views
    key = (story_id, every_relation)
    if key not in kept:
        if len(kept) > 512:  # ids a client makes up must not grow the cache for ever
            kept.clear()
        kept[key] = views.story_view(store, story_id, every_relation=every_relation)
    return kept[key]
