"""RawArticle records (or Rejections) from the HTML and plain-text records of a WARC or ARC file."""

from __future__ import annotations

import io
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from crosswire.clean.normalize import NotText, detect_encoding
from crosswire.ingest.base import DEFAULT_MAX_BYTES, Item, _load, _mb, _reject
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = ["read_warc"]

# A WARC is a container of many pages, and gzip shrinks HTML about five- to tenfold, so
# its decompressed size may exceed max_bytes by this factor before it counts as a bomb.
WARC_EXPANSION = 10

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.I)
_WARC_CONTENT_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
# What warcio raises on damaged input. AttributeError is in the list because warcio 1.8
# dereferences a missing header line ("'NoneType' object has no attribute 'startswith'")
# when a file is cut inside the first record's header.
_WARC_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
    AttributeError,
)


def read_warc(
    path: str | Path, raw: bytes | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """One article per HTML or plain-text ``response``/``resource`` record of a WARC.

    Request, metadata and warcinfo records, non-2xx responses and other media types are
    not articles and are skipped. If the file is truncated or corrupt, the records read
    before the break are kept and one Rejection for the whole file follows.

    Example:
        >>> [a.url for a in read_warc("crawl.warc.gz")]  # doctest: +SKIP
        ['https://example.org/story']
    """
    source = os.fspath(path)
    whole = _load(source, raw)
    if isinstance(whole, Rejection):
        yield whole
        return
    data, error = whole, None
    if whole.startswith(b"\x1f\x8b"):
        # Decompressing up front (rather than letting warcio do it) is what makes a
        # truncated gzip member detectable: warcio treats it as a clean end of file.
        data, error = _gunzip(whole, max_bytes * WARC_EXPANSION)
    if not data.lstrip().startswith((b"WARC/", b"filedesc://")) and (data.strip() or error is None):
        # warcio would read any text line as an ARC header and yield nonsense records.
        yield _reject(source, "ingest", "unreadable WARC: not a WARC or ARC file", whole)
        return
    count = 0
    iterator = ArchiveIterator(io.BytesIO(data))
    try:
        for record in iterator:
            item, cut = _warc_item(source, record)
            if cut:
                error = cut
                break
            count += 1
            if item is not None:
                yield item
        else:
            if data[iterator.offset :].strip():
                error = error or "the file ends inside a record header"
    except _WARC_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"
    if error is not None:
        records = f"{count} record" if count == 1 else f"{count} records"
        what = f"truncated WARC: read {records}" if count else "unreadable WARC: read no records"
        yield _reject(source, "ingest", f"{what}, then {error}", whole)


def _warc_item(source: str, record: Any) -> tuple[Item | None, str | None]:
    """The item for one WARC record (None to skip it), or the error if the record is cut."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
        # Mandatory in WARC; warcio parses a header cut off at end of file without it.
        return None, f"record {record_id or '?'} has no Content-Length (header cut short)"
    payload = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return None, f"record {record_id or '?'} is cut short ({missing} bytes missing)"
    if record.rec_type not in ("response", "resource"):
        return None, None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if headers is None:
        return None, None  # a response without HTTP headers (e.g. DNS): not a page
    if record.rec_type == "response" and not (headers.get_statuscode() or "").startswith("2"):
        return None, None  # redirects and error pages are not articles
    content_type = headers.get_header("Content-Type") or ""
    kind = _WARC_CONTENT_KINDS.get(content_type.split(";")[0].strip().lower())
    if kind is None:
        return None, None  # images, scripts, stylesheets captured with the page
    charset_match = _CHARSET_PARAM.search(content_type)
    item_source = f"{source}#{record_id}"
    try:
        detect_encoding(payload, charset_match.group(1) if charset_match else None)
    except NotText as exc:
        return _reject(item_source, "decode", exc.reason, payload), None
    hints = {"content_type": content_type}
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        hints["warc_date"] = warc_date
    if charset_match:
        hints["charset"] = charset_match.group(1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawArticle(id=sha256_hex(payload), source=item_source, raw=payload, kind=kind, url=url, hints=hints), None


def _gunzip(raw: bytes, limit: int) -> tuple[bytes, str | None]:
    """Decompress all gzip members, stopping at ``limit`` bytes; (data so far, error)."""
    out: list[bytes] = []
    size = 0
    rest = raw
    while rest.strip(b"\x00"):  # some writers pad the last member with NULs
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(rest, limit - size + 1)
        except zlib.error as exc:
            return b"".join(out), f"corrupt gzip data ({exc})"
        out.append(chunk)
        size += len(chunk)
        if size > limit:
            return b"".join(out), f"decompresses to over {_mb(limit)} (a gzip bomb?)"
        if not inflater.eof:
            return b"".join(out), "the gzip stream ends early (file cut short)"
        rest = inflater.unused_data
    return b"".join(out), None
