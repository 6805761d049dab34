"""RawArticle records (or Rejections) from files, folders, JSONL, WARC and RSS/Atom inputs.

Ingest only *reads*: it finds the input items, hashes their bytes and says how to clean
them (``kind``). It decodes just enough to refuse what is not text (binary, empty), so
those are rejected with a clear reason before any cleaning. Every input ends as exactly
one ``RawArticle`` or one ``Rejection`` (spec/export.md), and every ``Rejection`` keeps
the bytes it was given whenever they could be read, so nothing is lost.

Where the content and the stored bytes differ (a JSONL line, whose body is a JSON
string), ``RawArticle.raw`` holds the bytes as read (the line, for hashing and storage)
and ``hints["body"]`` holds the text or HTML to clean.

Folders, plain files and JSONL are read here; WARC/ARC files in ``warc.py``, RSS/Atom
feeds in ``feeds.py``, and what every reader needs (loading, rejections) in ``base.py``.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.clean.normalize import NotText, detect_encoding
from crosswire.errors import Errors
from crosswire.ingest.base import DEFAULT_MAX_BYTES, Item, _load, _mb, _reject
from crosswire.ingest.feeds import read_feed
from crosswire.ingest.warc import _gunzip, read_warc
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
    data = _load(source, raw)
    if isinstance(data, Rejection):
        yield data
        return
    for number, line in enumerate(data.split(b"\n"), start=1):
        line = line.rstrip(b"\r")
        if not line.strip():
            continue  # blank lines (often a trailing one) are not records
        yield _jsonl_item(f"{source}#L{number}", number, line)


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
    data = _load(source, raw)
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
