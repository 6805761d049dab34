"""DuckDB storage: the one place crosswire writes records to disk."""

from .db import Store

__all__ = ["Store"]
