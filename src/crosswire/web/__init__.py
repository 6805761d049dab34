"""crosswire's read API and web pages (``crosswire serve``): FastAPI over a read-only store."""

from .app import create_app

__all__ = ["create_app"]
