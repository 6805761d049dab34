"""RawArticle records (or Rejections) from files, folders, JSONL, WARC and RSS/Atom inputs.

Ingest only *reads*: it finds the input items, hashes their bytes and says how to clean
them (``kind``). It decodes just enough to refuse what is not text (binary, empty), so
those are rejected with a clear reason before any cleaning. Every input ends as exactly
one ``RawArticle`` or one ``Rejection`` (spec/export.md), and every ``Rejection`` keeps
the bytes it was given whenever they could be read, so nothing is lost.

Where the content and the stored bytes differ (a JSONL line, whose body is a JSON
string), ``RawArticle.raw`` holds the bytes as read (the line, for hashing and storage)
and ``hints["body"]`` holds the text or HTML to clean.
"""

from __future__ import annotations

import email.utils
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from crosswire.clean.normalize import NotText, detect_encoding
from crosswire.errors import Errors
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = [
    "DEFAULT_MAX_BYTES",
    "read_inputs",
    "read_file",
    "read_text_file",
    "read_html_file",
    "read_jsonl",
    "read_warc",
    "read_feed",
]

Item = RawArticle | Rejection

DEFAULT_MAX_BYTES = 20_000_000
# A WARC is a container of many pages, and gzip shrinks HTML about five- to tenfold, so
# its decompressed size may exceed max_bytes by this factor before it counts as a bomb.
WARC_EXPANSION = 10

_TEXT_EXTS = frozenset({".txt", ".text", ""})
_HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
_JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
_FEED_EXTS = frozenset({".rss", ".atom"})
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.I | re.S)
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(?:rss|feed|rdf:rdf)\b",
    re.I | re.S,
)
_FOLDER_DOCS = re.compile(r"(?:README|LICEN[CS]E)(?:\.[A-Za-z]+)?$", re.I)
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


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Rejection]:
    """Every input item under ``paths``, in a deterministic order.

    Folders are walked recursively in sorted order; hidden entries (dotfiles,
    ``.DS_Store``) and a folder's README/LICENSE files are skipped; a directory reached twice through symlinks is read once,
    and a symlink that loops back to a folder being walked yields one Rejection.

    Args:
        paths: files and folders, as the user gave them (sources keep that spelling).
        max_bytes: files larger than this are rejected (their bytes are still kept).

    Example:
        >>> items = list(read_inputs(["examples/corpus"]))  # doctest: +SKIP
    """
    visited: set[str] = set()
    for path in paths:
        yield from _walk(os.fspath(path), visited, (), max_bytes)


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The items in one file, dispatched on its name and, failing that, its content.

    Example:
        >>> [a.kind for a in read_file("story.html")]  # doctest: +SKIP
        ['html']
    """
    source = os.fspath(path)
    raw = _load(source)
    if isinstance(raw, Rejection):
        yield raw
    elif len(raw) > max_bytes:
        # The bytes are kept even though the file is refused: a rejection must never lose
        # its input, and the user may raise max_bytes and re-run from the store.
        reason = f"file is {_mb(len(raw))}, over the {_mb(max_bytes)} limit (max_bytes)"
        yield _reject(source, "ingest", reason, raw)
    else:
        yield from _dispatch(source, os.path.basename(source), raw, max_bytes)


def read_text_file(path: str | Path, raw: bytes | None = None) -> Iterator[Item]:
    """One plain-text article (kind ``"html"`` if its start sniffs as HTML).

    Args:
        path: the file, also used as the ``source``.
        raw: the file's bytes when already read (after gunzip, say); read from ``path`` if None.

    Example:
        >>> next(read_text_file("a.txt", b"Hello world")).kind
        'text'
    """
    yield from _single(os.fspath(path), raw, "text")


def read_html_file(path: str | Path, raw: bytes | None = None) -> Iterator[Item]:
    """One HTML page, whatever its content looks like.

    Example:
        >>> next(read_html_file("a.html", b"<p>Hello</p>")).kind
        'html'
    """
    yield from _single(os.fspath(path), raw, "html")


def read_jsonl(path: str | Path, raw: bytes | None = None) -> Iterator[Item]:
    """One article per JSON Lines record; a bad line is rejected and the rest still read.

    Each line is an object with ``"html"`` or ``"text"`` (html wins when both are given:
    its structure helps boilerplate removal). ``raw`` is the line's bytes and ``source``
    is ``path#L<n>``; the body goes to ``hints["body"]`` and the other string fields
    (``url``, ``title``, ``published``/``date``, ``outlet``, ``source`` ...) to ``hints``.

    Example:
        >>> item = next(read_jsonl("x.jsonl", b'{"text": "Hi", "title": "T"}'))
        >>> item.source, item.hints["title"], item.hints["body"]
        ('x.jsonl#L1', 'T', 'Hi')
    """
    source = os.fspath(path)
    data = _load(source) if raw is None else raw
    if isinstance(data, Rejection):
        yield data
        return
    for number, line in enumerate(data.split(b"\n"), start=1):
        line = line.rstrip(b"\r")
        if not line.strip():
            continue  # blank lines (often a trailing one) are not records
        yield _jsonl_item(f"{source}#L{number}", number, line)


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
    whole = _load(source) if raw is None else raw
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


def read_feed(path: str | Path, raw: bytes | None = None) -> Iterator[Item]:
    """One HTML article per RSS/Atom entry that has content or a summary.

    ``source`` is ``path#<entry link>`` (``path#<n>`` without a link); hints carry the
    entry ``title``, ``published`` (ISO 8601 when the date parses) and the feed title
    as ``outlet``.

    Example:
        >>> [a.hints["title"] for a in read_feed("news.rss")]  # doctest: +SKIP
        ['Ceasefire talks open']
    """
    source = os.fspath(path)
    data = _load(source) if raw is None else raw
    if isinstance(data, Rejection):
        yield data
        return
    # Always bytes: given a str, feedparser would treat it as a URL and fetch it.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        else:
            reason = "RSS/Atom feed has no entries"
        yield _reject(source, "ingest", reason, data)
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _feed_item(source, number, entry, outlet)


# --- walking -------------------------------------------------------------------------


def _walk(path: str, visited: set[str], ancestors: tuple[str, ...], max_bytes: int) -> Iterator[Item]:
    try:
        info = os.stat(path)  # follows symlinks: a link is read as what it points to
    except FileNotFoundError:
        if os.path.islink(path):
            reason = f"broken symlink: {path} points to {os.readlink(path)}, which does not exist"
            yield _reject(path, "ingest", reason, None)
        else:
            yield _reject(path, "ingest", Errors.E101.format(path=path), None, code="E101")
        return
    except OSError as exc:  # ELOOP for file symlink cycles, EACCES on a parent folder
        yield _reject(path, "ingest", f"cannot read {path}: {exc.strerror or exc}", None)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk_dir(path, visited, ancestors, max_bytes)
    elif stat.S_ISREG(info.st_mode):
        yield from read_file(path, max_bytes=max_bytes)
    else:
        # Reading a FIFO would block for ever and a device has no end.
        yield _reject(path, "ingest", f"not a regular file or folder: {path}", None)


def _walk_dir(path: str, visited: set[str], ancestors: tuple[str, ...], max_bytes: int) -> Iterator[Item]:
    real = os.path.realpath(path)
    if real in ancestors:
        reason = f"directory symlink loop: {path} points back to {real}"
        yield _reject(path, "ingest", reason, None)
        return
    if real in visited:
        return  # the same folder reached by another path: already read once
    visited.add(real)
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        yield _reject(path, "ingest", f"cannot read folder {path}: {exc.strerror or exc}", None)
        return
    for name in names:
        if name.startswith(".") or _FOLDER_DOCS.match(name):
            # .DS_Store, .git, swap files, and a folder's own README/LICENSE: never
            # articles. Named explicitly as a path, such a file is still read.
            continue
        yield from _walk(os.path.join(path, name), visited, (*ancestors, real), max_bytes)


def _load(source: str) -> bytes | Rejection:
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return _reject(source, "ingest", f"cannot read {source}: {exc.strerror or exc}", None)


# --- dispatch ------------------------------------------------------------------------


def _dispatch(source: str, name: str, raw: bytes, max_bytes: int) -> Iterator[Item]:
    lower = name.lower()
    ext = os.path.splitext(lower)[1]
    if lower.endswith(_WARC_SUFFIXES) or raw.startswith(b"WARC/"):
        yield from read_warc(source, raw, max_bytes=max_bytes)
    elif ext == ".gz":
        data, error = _gunzip(raw, max_bytes)
        if error is not None:
            yield _reject(source, "ingest", f"unreadable gzip file: {error}", raw)
        else:
            yield from _dispatch(source, name[: -len(".gz")], data, max_bytes)
    elif ext in _JSONL_EXTS:
        yield from read_jsonl(source, raw)
    elif ext in _FEED_EXTS or _FEED_START.match(raw.removeprefix(b"\xef\xbb\xbf")[:4096]):
        yield from read_feed(source, raw)
    elif ext == ".xml":
        yield _reject(source, "ingest", "XML file that is not an RSS or Atom feed", raw)
    elif ext in _HTML_EXTS:
        yield from read_html_file(source, raw)
    else:
        # .txt, no extension, and unknown extensions alike: read as text if it decodes
        # (binary files such as .png or .zip are rejected by the decode check).
        yield from read_text_file(source, raw)


def _single(source: str, raw: bytes | None, kind: str) -> Iterator[Item]:
    data = _load(source) if raw is None else raw
    if isinstance(data, Rejection):
        yield data
        return
    try:
        found = detect_encoding(data)
    except NotText as exc:
        yield _reject(source, "decode", exc.reason, data)
        return
    if kind == "text" and _HTML_START.match(found.text[:4096]):
        kind = "html"
    yield RawArticle(id=sha256_hex(data), source=source, raw=data, kind=kind)


def _jsonl_item(source: str, number: int, line: bytes) -> Item:
    try:
        obj: Any = json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return _reject(source, "ingest", f"line {number} is not valid JSON ({message})", line)
    if not isinstance(obj, dict):
        return _reject(source, "ingest", f"line {number} is a JSON {type(obj).__name__}, not an object", line)
    for field, kind in (("html", "html"), ("text", "text")):
        body = obj.get(field)
        if isinstance(body, str) and body.strip():
            break
    else:
        return _reject(source, "ingest", f'line {number} has no non-empty "text" or "html" field', line)
    hints = {k: v for k, v in obj.items() if isinstance(v, str) and k not in ("text", "html")}
    if "published" not in hints and "date" in hints:
        hints["published"] = hints["date"]
    hints["body"] = body
    url = hints.get("url")
    return RawArticle(id=sha256_hex(line), source=source, raw=line, kind=kind, url=url, hints=hints)


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


def _feed_item(source: str, number: int, entry: Any, outlet: str | None) -> Item:
    link = entry.get("link")
    item_source = f"{source}#{link or number}"
    body, content_type = "", "text/html"
    if entry.get("content"):
        body, content_type = entry.content[0].get("value", ""), entry.content[0].get("type", content_type)
    elif entry.get("summary"):
        body = entry.summary
        content_type = entry.get("summary_detail", {}).get("type", content_type)
    if not body.strip():
        # No bytes of its own: keep the parsed entry as JSON so the rejection loses nothing.
        kept = json.dumps(entry, default=str, ensure_ascii=False).encode("utf-8")
        return _reject(item_source, "ingest", f"feed entry {number} has no content or summary", kept)
    raw = body.encode("utf-8")
    hints = {"title": entry.get("title"), "published": _iso_published(entry), "outlet": outlet}
    clean_hints = {k: v for k, v in hints.items() if isinstance(v, str) and v}
    kind = "text" if content_type == "text/plain" else "html"
    return RawArticle(id=sha256_hex(raw), source=item_source, raw=raw, kind=kind, url=link, hints=clean_hints)


def _iso_published(entry: Any) -> str | None:
    """The entry date in ISO 8601, keeping the feed's own UTC offset when it gives one."""
    for key in ("published", "updated", "created"):
        text = entry.get(key)
        if not text:
            continue
        try:
            return email.utils.parsedate_to_datetime(text).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()  # Atom
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's UTC struct_time, other formats
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return None


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


def _reject(source: str, stage: str, reason: str, raw: bytes | None, *, code: str = "E000") -> Rejection:
    # Without bytes, the id hashes the path: the spec's rule for unreadable inputs. Empty
    # bytes hash the path too, or every empty file would share one rejection id.
    key = raw if raw else source.encode("utf-8", "surrogateescape")
    return Rejection(id=sha256_hex(key), source=source, stage=stage, reason=reason, code=code, raw=raw)


def _mb(size: int) -> str:
    if size < 1_000_000:
        return f"{size:,} bytes"
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
