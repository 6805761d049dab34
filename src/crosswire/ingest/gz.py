"""Gzip data inflated only up to a limit, so a gzip bomb costs no more than the limit."""

from __future__ import annotations

import gzip
import io
import zlib

from crosswire.errors import Errors

__all__ = ["Inflated", "gunzip", "is_gzip"]

_CHUNK = 1 << 16


def is_gzip(raw: bytes) -> bool:
    """True when ``raw`` starts with the gzip magic number."""
    return raw.startswith(b"\x1f\x8b")


class Inflated(io.RawIOBase):
    """The decompressed members of gzip data as a stream that ends at ``limit`` bytes.

    ``gzip.GzipFile`` inflates lazily, member after member (NUL padding after the last member
    is allowed); this wrapper counts what it hands out and stops at the limit instead of
    inflating on. A stream that stops early leaves the reason in ``error``; ``size`` is the
    number of bytes handed out.

    Example:
        >>> s = Inflated(gzip.compress(bytes(100)), 10, "10 bytes (max_bytes)")
        >>> len(s.read()), s.error
        (10, 'gzip data decompresses to over 10 bytes (max_bytes); stopped there, not read (a gzip bomb?)')
    """

    def __init__(self, raw: bytes, limit: int, limit_text: str) -> None:
        super().__init__()
        self._gz = gzip.GzipFile(fileobj=io.BytesIO(raw), mode="rb")
        self.limit = limit
        self.limit_text = limit_text
        self.size = 0
        self.error: str | None = None
        self.over_limit = False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._gz.close()
        super().close()

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.error is not None:
            return 0
        want = min(len(buffer), self.limit + 1 - self.size)
        try:
            # read1, not read: read loops until it has ``want`` bytes, and an error on the way
            # (a cut member) would lose the good bytes it had already inflated.
            data = self._gz.read1(want)
        except EOFError:
            self.error = "the gzip stream ends early (file cut short)"
            return 0
        except (OSError, zlib.error) as exc:  # BadGzipFile is an OSError
            self.error = f"corrupt gzip data ({exc})"
            return 0
        if self.size + len(data) > self.limit:
            # Handed out up to the limit, then the stream ends; the rest is never inflated.
            data = data[: self.limit - self.size]
            self.over_limit = True
            self.error = Errors.E105.format(what="gzip data", limit=self.limit_text)
        self.size += len(data)
        buffer[: len(data)] = data
        return len(data)

    def drain(self) -> int:
        """Read on to the end (or the limit) without keeping anything; the bytes read."""
        before = self.size
        while self.read(_CHUNK):
            pass
        return self.size - before


def gunzip(raw: bytes, limit: int, limit_text: str) -> tuple[bytes, Inflated]:
    """All the decompressed bytes up to ``limit``, and the stream (``error``: why it stopped).

    Example:
        >>> data, stream = gunzip(gzip.compress(b"text"), 100, "100 bytes")
        >>> data, stream.error
        (b'text', None)
    """
    stream = Inflated(raw, limit, limit_text)
    out = bytearray()
    while chunk := stream.read(_CHUNK):
        out += chunk
    return bytes(out), stream
