"""What every ingest reader shares: the Item type, limits, loading a file, and building Rejections."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.errors import Errors
from crosswire.records import RawArticle, Rejection, sha256_hex

Item = RawArticle | Rejection

# The defaults of settings.py's [ingest] max_bytes and max_chars (default.cfg says why).
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which field of a JSON Lines record holds what (a scraper's ``body``, ``headline``, ...)."""

    text: str = "text"
    html: str = "html"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    outlet: str = "outlet"


@dataclass(frozen=True, slots=True)
class Limits:
    """The per-input limits, applied to every input item (file, WARC record, JSONL line, feed
    entry), and how to read the fields of a JSON Lines record."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    jsonl: JsonlFields = JsonlFields()


def _load(source: str, raw: bytes | None = None) -> bytes | Rejection:
    """``raw`` when the caller already has the bytes, else the file's bytes, or a Rejection
    (without bytes) when it cannot be read."""
    if raw is not None:
        return raw
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return _reject(source, "ingest", f"cannot read {source}: {exc.strerror or exc}", None)


def _reject(source: str, stage: str, reason: str, raw: bytes | None, *, code: str = "E000") -> Rejection:
    # Without bytes, the id hashes the path: the spec's rule for unreadable inputs. Empty
    # bytes hash the path too, or every empty file would share one rejection id.
    key = raw if raw else source.encode("utf-8", "surrogateescape")
    return Rejection(id=sha256_hex(key), source=source, stage=stage, reason=reason, code=code, raw=raw)


def _over_bytes(source: str, what: str, raw: bytes, limits: Limits) -> Rejection | None:
    """A rejection when ``raw`` is over max_bytes; it keeps the bytes, so the user may raise
    the limit and re-run from the store."""
    if len(raw) <= limits.max_bytes:
        return None
    reason = Errors.E104.format(what=what, size=_mb(len(raw)), limit=_mb(limits.max_bytes))
    return _reject(source, "ingest", reason, raw, code="E104")


def _over_chars(source: str, what: str, text: str, raw: bytes, limits: Limits) -> Rejection | None:
    """A rejection when ``text`` (decoded from ``raw``) is over max_chars, before any cleaning:
    the cleaners and the parser cost time and memory in proportion to the characters."""
    if len(text) <= limits.max_chars:
        return None
    reason = Errors.E103.format(what=what, size=len(text), limit=limits.max_chars)
    return _reject(source, "ingest", reason, raw, code="E103")


def _mb(size: int) -> str:
    if size < 1_000_000:
        return f"{size:,} bytes"
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
