"""RawArticle records (or Rejections) from files, folders, JSONL, WARC and RSS/Atom inputs.

Ingest only *reads*: it finds the input items, hashes their bytes and says how to clean
them (``kind``). It decodes just enough to refuse what is not text (binary, empty), so
those are rejected with a clear reason before any cleaning. Every input ends as exactly
one ``RawArticle`` or one ``Rejection`` (spec/export.md), and every ``Rejection`` keeps
the bytes it was given whenever they could be read, so nothing is lost.

Where the content and the stored bytes differ (a JSONL line, whose body is a JSON
string), ``RawArticle.raw`` holds the bytes as read (the line, for hashing and storage)
and ``hints["body"]`` holds the text or HTML to clean.

The limits (``max_bytes``, ``max_chars``) apply to each input item: a file, a WARC
record, a JSONL line, a feed entry. They are checked before any decoding or cleaning
beyond what counting characters needs; containers (WARC, JSONL) are read record by record.

Folders and plain files are read here, with a file's kind taken from its name and, when
the name does not tell, from its content; JSONL in ``jsonl.py``, WARC/ARC files in
``warc.py``, RSS/Atom feeds in ``feeds.py``, bounded gunzip in ``gz.py``, and what every
reader needs (limits, loading, rejections) in ``base.py``.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosswire.clean.normalize import NotText, detect_encoding
from crosswire.errors import Errors
from crosswire.ingest.base import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Item, JsonlFields, Limits, _load, _mb, _over_bytes, _over_chars, _reject
from crosswire.ingest.fetch import fetch_url, is_url, read_stdin
from crosswire.ingest.gz import gunzip, is_gzip
from crosswire.ingest.jsonl import looks_like_jsonl, read_jsonl
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "read_inputs",
    "read_file",
    "read_text_file",
    "read_html_file",
    "read_jsonl",
    "read_warc",
    "read_feed",
]

_TEXT_EXTS = frozenset({".txt", ".text"})
_HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
_JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
_FEED_EXTS = frozenset({".rss", ".atom"})
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.I | re.S)
# An HTML fragment or a page without <html>: what a saved page or a scraper's dump starts with.
_HTML_TAG = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:head|body|meta|title|div|p|article|section|main|header|h[1-6])\b", re.I | re.S)
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(?:rss|feed|rdf:rdf)\b",
    re.I | re.S,
)
_FOLDER_DOCS = re.compile(r"(?:README|LICEN[CS]E)(?:\.[A-Za-z]+)?$", re.I)
# Bytes of a file's start that content sniffing looks at.
_SNIFF_BYTES = 4096


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS,
    jsonl_fields: JsonlFields | None = None,
) -> Iterator[RawArticle | Rejection]:
    """Every input item under ``paths``, in a deterministic order.

    ``-`` reads standard input and an http(s) address is fetched (``fetch.py``).
    Folders are walked recursively in sorted order; hidden entries (dotfiles,
    ``.DS_Store``) and a folder's README/LICENSE files are skipped; a directory reached twice through symlinks is read once,
    and a symlink that loops back to a folder being walked yields one Rejection.

    Args:
        paths: files and folders, as the user gave them (sources keep that spelling).
        max_bytes: items (files, WARC records, JSONL lines) larger than this are rejected
            (their bytes are still kept).
        max_chars: items whose decoded text is longer than this are rejected, before cleaning.
        jsonl_fields: the fields of JSON Lines records that hold the text, title, ... .

    Example:
        >>> items = list(read_inputs(["examples/corpus"]))  # doctest: +SKIP
    """
    visited: set[str] = set()
    limits = Limits(max_bytes, max_chars, jsonl_fields or JsonlFields())
    for path in paths:
        yield from _walk(os.fspath(path), visited, (), limits)


def read_file(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS,
    jsonl_fields: JsonlFields | None = None,
) -> Iterator[Item]:
    """The items in one file, dispatched on its name and, failing that, its content.

    Example:
        >>> [a.kind for a in read_file("story.html")]  # doctest: +SKIP
        ['html']
    """
    source = os.fspath(path)
    limits = Limits(max_bytes, max_chars, jsonl_fields or JsonlFields())
    if os.path.splitext(source.lower())[1] in _JSONL_EXTS:
        # A container, not one input: read line by line, each line held to the limits.
        yield from read_jsonl(source, max_bytes=max_bytes, max_chars=max_chars, fields=limits.jsonl)
        return
    raw = _load(source)
    if isinstance(raw, Rejection):
        yield raw
        return
    # The bytes are kept even though the file is refused: a rejection must never lose
    # its input, and the user may raise max_bytes and re-run from the store.
    too_big = _over_bytes(source, "file", raw, limits)
    if too_big is not None:
        yield too_big
    else:
        yield from _dispatch(source, os.path.basename(source), raw, limits)


def read_text_file(
    path: str | Path, raw: bytes | None = None, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Item]:
    """One plain-text article (kind ``"html"`` if its start sniffs as HTML).

    Args:
        path: the file, also used as the ``source``.
        raw: the file's bytes when already read (after gunzip, say); read from ``path`` if None.
        max_chars: a text longer than this is rejected before cleaning.

    Example:
        >>> next(read_text_file("a.txt", b"Hello world")).kind
        'text'
    """
    yield from _single(os.fspath(path), raw, "text", Limits(max_chars=max_chars))


def read_html_file(
    path: str | Path, raw: bytes | None = None, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Item]:
    """One HTML page, whatever its content looks like.

    Example:
        >>> next(read_html_file("a.html", b"<p>Hello</p>")).kind
        'html'
    """
    yield from _single(os.fspath(path), raw, "html", Limits(max_chars=max_chars))


# --- walking -------------------------------------------------------------------------


def _walk(path: str, visited: set[str], ancestors: tuple[str, ...], limits: Limits) -> Iterator[Item]:
    if path == "-" and not ancestors:
        yield from read_stdin(limits, _dispatch)
        return
    if is_url(path) and not ancestors:
        yield from fetch_url(path, limits, _dispatch)
        return
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
        yield from _walk_dir(path, visited, ancestors, limits)
    elif stat.S_ISREG(info.st_mode):
        yield from read_file(path, max_bytes=limits.max_bytes, max_chars=limits.max_chars, jsonl_fields=limits.jsonl)
    else:
        # Reading a FIFO would block for ever and a device has no end.
        yield _reject(path, "ingest", f"not a regular file or folder: {path}", None)


def _walk_dir(path: str, visited: set[str], ancestors: tuple[str, ...], limits: Limits) -> Iterator[Item]:
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
        yield from _walk(os.path.join(path, name), visited, (*ancestors, real), limits)


def __getattr__(name: str) -> object:
    """``read_warc`` and ``read_feed``, imported when first asked for: an unchanged re-run of a
    folder of text files should not pay for warcio and feedparser."""
    if name == "read_warc":
        from crosswire.ingest.warc import read_warc

        return read_warc
    if name == "read_feed":
        from crosswire.ingest.feeds import read_feed

        return read_feed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- dispatch ------------------------------------------------------------------------


def _dispatch(source: str, name: str, raw: bytes, limits: Limits) -> Iterator[Item]:
    lower = name.lower()
    ext = os.path.splitext(lower)[1]
    if lower.endswith(_WARC_SUFFIXES) or raw.startswith(b"WARC/"):
        from crosswire.ingest.warc import read_warc  # warcio loads only for a WARC

        yield from read_warc(source, raw, max_bytes=limits.max_bytes, max_chars=limits.max_chars)
    elif ext == ".gz":
        yield from _gzip_file(source, name[: -len(".gz")], raw, limits)
    elif ext in _JSONL_EXTS:
        yield from read_jsonl(source, raw, max_bytes=limits.max_bytes, max_chars=limits.max_chars, fields=limits.jsonl)
    elif ext in _FEED_EXTS or _FEED_START.match(raw.removeprefix(b"\xef\xbb\xbf")[:_SNIFF_BYTES]):
        from crosswire.ingest.feeds import read_feed  # feedparser loads only for a feed

        yield from read_feed(source, raw, max_bytes=limits.max_bytes, max_chars=limits.max_chars)
    elif ext == ".xml":
        yield _reject(source, "ingest", "XML file that is not an RSS or Atom feed", raw)
    elif ext in _HTML_EXTS:
        yield from _single(source, raw, "html", limits)
    elif ext in _TEXT_EXTS:
        yield from _single(source, raw, "text", limits)
    else:
        yield from _sniffed(source, name, raw, limits)


def _gzip_file(source: str, inner_name: str, raw: bytes, limits: Limits) -> Iterator[Item]:
    """A gzipped file, read as what it holds; never inflated past max_bytes."""
    data, stream = gunzip(raw, limits.max_bytes, f"{_mb(limits.max_bytes)} (max_bytes)")
    if stream.over_limit:
        reason = Errors.E105.format(what="gzip file", limit=stream.limit_text)
        yield _reject(source, "ingest", reason, raw, code="E105")
    elif stream.error is not None:
        yield _reject(source, "ingest", f"unreadable gzip file: {stream.error}", raw)
    else:
        yield from _dispatch(source, inner_name, data, limits)


def _sniffed(source: str, name: str, raw: bytes, limits: Limits) -> Iterator[Item]:
    """A file whose name does not say what it holds, read as what its content is."""
    if is_gzip(raw):
        yield from _gzip_file(source, name, raw, limits)
        return
    head = raw[:_SNIFF_BYTES].decode("utf-8", "ignore").lstrip("\ufeff")
    if looks_like_jsonl(raw):
        yield from read_jsonl(source, raw, max_bytes=limits.max_bytes, max_chars=limits.max_chars, fields=limits.jsonl)
    elif head.lstrip()[:1] in ("{", "[") and _is_json(raw):
        reason = "JSON file that is not JSON Lines (one object per line with a \"text\" or \"html\" field); skipped"
        yield _reject(source, "ingest", reason, raw)
    else:
        # Plain text, unless its start sniffs as HTML; binary files such as .png or .zip
        # are rejected by the decode check, with what they are.
        yield from _single(source, raw, "html" if _HTML_TAG.match(head) else "text", limits)


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _single(source: str, raw: bytes | None, kind: str, limits: Limits) -> Iterator[Item]:
    data = _load(source, raw)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        found = detect_encoding(data)
    except NotText as exc:
        yield _reject(source, "decode", exc.reason, data)
        return
    too_long = _over_chars(source, "text", found.text, data, limits)
    if too_long is not None:
        yield too_long
        return
    if kind == "text" and _HTML_START.match(found.text[:_SNIFF_BYTES]):
        kind = "html"
    yield RawArticle(id=sha256_hex(data), source=source, raw=data, kind=kind)
