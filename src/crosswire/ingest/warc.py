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
from crosswire.errors import Errors
from crosswire.ingest.base import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Item, Limits, _load, _mb, _over_chars, _reject
from crosswire.ingest.gz import Inflated, is_gzip
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = ["read_warc"]

# A WARC is a container of many pages, and gzip shrinks HTML about five- to tenfold, so
# its decompressed size may exceed max_bytes by this factor before it counts as a bomb.
# Each record is still held to max_bytes, and is read one at a time, never the whole file.
WARC_EXPANSION = 10
# Enough of the decompressed start to see the "WARC/1.0" or "filedesc://" line.
_HEAD_BYTES = 1024

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
    path: str | Path,
    raw: bytes | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """One article per HTML or plain-text ``response``/``resource`` record of a WARC.

    Request, metadata and warcinfo records, non-2xx responses and other media types are
    not articles and are skipped. A record over ``max_bytes`` (by its Content-Length, before
    it is decoded) or whose text is over ``max_chars`` is rejected with its bytes. A gzipped
    WARC is inflated as it is read, never whole, and never past ``WARC_EXPANSION`` times
    ``max_bytes``. If the file is truncated or corrupt, the records read before the break are
    kept and one Rejection for the whole file follows.

    Example:
        >>> [a.url for a in read_warc("crawl.warc.gz")]  # doctest: +SKIP
        ['https://example.org/story']
    """
    source = os.fspath(path)
    whole = _load(source, raw)
    if isinstance(whole, Rejection):
        yield whole
        return
    limits = Limits(max_bytes, max_chars)
    stream: io.BufferedReader | io.BytesIO
    inflated: Inflated | None = None
    if is_gzip(whole):
        # Inflated here (rather than by warcio) because warcio reads a truncated gzip member
        # as a clean end of file, and has no limit on what it inflates.
        cap = max_bytes * WARC_EXPANSION
        inflated = Inflated(whole, cap, f"{_mb(cap)} ({WARC_EXPANSION} x max_bytes)")
        stream = io.BufferedReader(inflated, 1 << 16)
        head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
    else:
        stream = io.BytesIO(whole)
        head = whole[:_HEAD_BYTES]
    if not head.lstrip().startswith((b"WARC/", b"filedesc://")) and (head.strip() or inflated is None or inflated.error is None):
        # warcio would read any text line as an ARC header and yield nonsense records.
        yield _not_a_warc(source, whole, max_bytes)
        return
    count, yielded, error = 0, 0, None
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            item, cut = _warc_item(source, record, limits)
            if cut:
                error = cut
                break
            count += 1
            if item is not None:
                yielded += 1
                yield item
        else:
            # warcio stops quietly at a header it cannot finish: bytes left after the last
            # record it read (blank lines between records are part of the records).
            if inflated is None:
                left = bool(whole[iterator.offset :].strip())
            else:
                inflated.drain()
                left = inflated.size > iterator.offset
            if left:
                error = "the file ends inside a record header"
    except _WARC_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"
    if inflated is not None and inflated.error is not None:
        error = inflated.error  # why the stream ended: the cut record is its symptom
    records = f"{count} record" if count == 1 else f"{count} records"
    if error is not None:
        what = f"truncated WARC: read {records}" if count else "unreadable WARC: read no records"
        yield _reject(source, "ingest", f"{what}, then {error}", whole)
    elif not yielded:
        # The file is an input too: one with nothing to read says so rather than vanish.
        reason = (f"WARC with no article: its {records} are requests, metadata, non-2xx responses "
                  "or types other than HTML and plain text" if count else "WARC with no records")
        yield _reject(source, "ingest", reason, whole)


def _not_a_warc(source: str, whole: bytes, max_bytes: int) -> Rejection:
    """Not a WARC: a gzip bomb is told apart (inflating at most ``max_bytes``, kept nowhere)."""
    if is_gzip(whole):
        probe = Inflated(whole, max_bytes, f"{_mb(max_bytes)} (max_bytes)")
        probe.drain()
        if probe.over_limit:
            return _reject(source, "ingest", Errors.E105.format(what="gzip file", limit=probe.limit_text), whole, code="E105")
    return _reject(source, "ingest", "unreadable WARC: not a WARC or ARC file", whole)


def _article_kind(record: Any) -> str | None:
    """"html" or "text" for a record that holds an article, None for any other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if headers is None:
        return None  # a response without HTTP headers (e.g. DNS): not a page
    if record.rec_type == "response" and not (headers.get_statuscode() or "").startswith("2"):
        return None  # redirects and error pages are not articles
    content_type = headers.get_header("Content-Type") or ""
    # None for images, scripts, stylesheets captured with the page
    return _WARC_CONTENT_KINDS.get(content_type.split(";")[0].strip().lower())


def _warc_item(source: str, record: Any, limits: Limits) -> tuple[Item | None, str | None]:
    """The item for one WARC record (None to skip it), or the error if the record is cut."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
        # Mandatory in WARC; warcio parses a header cut off at end of file without it.
        return None, f"record {record_id or '?'} has no Content-Length (header cut short)"
    kind = _article_kind(record)
    if kind is None:
        while record.raw_stream.read(1 << 16):  # read through, keeping nothing
            pass
        return None, _cut(record, record_id)
    block = record.raw_stream.read()  # the body as archived (HTTP headers already parsed)
    cut = _cut(record, record_id)
    if cut:
        return None, cut
    item_source = f"{source}#{record_id}"
    if int(record.length or 0) > limits.max_bytes:
        reason = Errors.E104.format(what=f"WARC record {record_id or '?'}", size=_mb(int(record.length)), limit=_mb(limits.max_bytes))
        return _reject(item_source, "ingest", reason, block, code="E104"), None
    # Transfer and content encodings are undone on the block in memory, and bounded: a
    # gzip-encoded body can inflate past any limit.
    record.raw_stream = io.BytesIO(block)
    payload = record.content_stream().read(limits.max_bytes + 1)
    if len(payload) > limits.max_bytes:
        reason = Errors.E105.format(what=f"the content of WARC record {record_id or '?'}", limit=f"{_mb(limits.max_bytes)} (max_bytes)")
        return _reject(item_source, "ingest", reason, block, code="E105"), None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    content_type = headers.get_header("Content-Type") or ""
    charset_match = _CHARSET_PARAM.search(content_type)
    try:
        found = detect_encoding(payload, charset_match.group(1) if charset_match else None)
    except NotText as exc:
        return _reject(item_source, "decode", exc.reason, payload), None
    too_long = _over_chars(item_source, f"the text of WARC record {record_id or '?'}", found.text, payload, limits)
    if too_long is not None:
        return too_long, None
    hints = {"content_type": content_type}
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        hints["warc_date"] = warc_date
    if charset_match:
        hints["charset"] = charset_match.group(1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawArticle(id=sha256_hex(payload), source=item_source, raw=payload, kind=kind, url=url, hints=hints), None


def _cut(record: Any, record_id: str) -> str | None:
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return f"record {record_id or '?'} is cut short ({missing} bytes missing)"
    return None
