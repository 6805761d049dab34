"""What every ingest reader shares: the Item type, loading a file, and building Rejections."""

from __future__ import annotations

from crosswire.records import RawArticle, Rejection, sha256_hex

Item = RawArticle | Rejection

DEFAULT_MAX_BYTES = 20_000_000


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


def _mb(size: int) -> str:
    if size < 1_000_000:
        return f"{size:,} bytes"
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
