"""RawArticle records (or Rejections) from JSON Lines, read one line at a time."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from crosswire.ingest.base import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Item, JsonlFields, Limits, _over_bytes, _over_chars, _reject
from crosswire.records import RawArticle, sha256_hex

__all__ = ["read_jsonl", "looks_like_jsonl"]

# Lines looked at to tell JSON Lines from other text that starts with "{".
_SNIFF_LINES = 5


def read_jsonl(
    path: str | Path,
    raw: bytes | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    fields: JsonlFields | None = None,
) -> Iterator[Item]:
    """One article per JSON Lines record; a bad line is rejected and the rest still read.

    Each line is an object with ``"html"`` or ``"text"`` (html wins when both are given:
    its structure helps boilerplate removal). ``raw`` is the line's bytes and ``source``
    is ``path#L<n>``; the body goes to ``hints["body"]`` and the other string fields
    (``url``, ``title``, ``published``/``date``, ``outlet``, ``source`` ...) to ``hints``.
    A file is a container, not one input: it is read line by line, and the limits apply to
    each line (``max_bytes`` to its bytes, ``max_chars`` to its body), however big the file.
    ``fields`` names other fields for these roles (``JsonlFields(text="body", title="headline")``).

    Example:
        >>> item = next(read_jsonl("x.jsonl", b'{"text": "Hi", "title": "T"}'))
        >>> item.source, item.hints["title"], item.hints["body"]
        ('x.jsonl#L1', 'T', 'Hi')
    """
    source = os.fspath(path)
    limits = Limits(max_bytes, max_chars, fields or JsonlFields())
    try:
        handle: IO[bytes] = io.BytesIO(raw) if raw is not None else open(source, "rb")
    except OSError as exc:
        yield _reject(source, "ingest", f"cannot read {source}: {exc.strerror or exc}", None)
        return
    number = records = 0
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                line = line.rstrip(b"\n").rstrip(b"\r")
                if line.strip():  # blank lines (often a trailing one) are not records
                    records += 1
                    yield _jsonl_item(f"{source}#L{number}", number, line, limits)
        except OSError as exc:
            reason = f"cannot read {source} after line {number}: {exc.strerror or exc}"
            yield _reject(f"{source}#L{number + 1}", "ingest", reason, None)
            return
    if not records:  # the file is an input too: an empty one says so rather than vanish
        yield _reject(source, "ingest", "JSON Lines file with no records (empty or blank lines only)",
                      raw if raw is not None else None)


def looks_like_jsonl(raw: bytes) -> bool:
    """True when the first non-blank lines of ``raw`` are each one JSON object.

    Example:
        >>> looks_like_jsonl(b'{"text": "a"}\\n{"text": "b"}\\n'), looks_like_jsonl(b'{\\n "a": 1\\n}')
        (True, False)
    """
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    # Whole lines, however long: an article per line is often longer than any sniffing window.
    pieces = raw.split(b"\n", _SNIFF_LINES * 4)
    if len(pieces) > _SNIFF_LINES * 4:
        pieces.pop()  # the unsplit rest of the file
    lines = [ln for ln in pieces if ln.strip()][:_SNIFF_LINES]
    try:
        return bool(lines) and all(isinstance(json.loads(ln), dict) for ln in lines)
    except (ValueError, RecursionError):
        return False


def _jsonl_item(source: str, number: int, line: bytes, limits: Limits) -> Item:
    too_big = _over_bytes(source, f"line {number}", line, limits)
    if too_big is not None:
        return too_big  # never parsed: json.loads of a huge line costs memory many times its size
    try:
        obj: Any = json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return _reject(source, "ingest", f"line {number} is not valid JSON ({message})", line)
    if not isinstance(obj, dict):
        return _reject(source, "ingest", f"line {number} is a JSON {type(obj).__name__}, not an object", line)
    names = limits.jsonl
    for field, kind in ((names.html, "html"), (names.text, "text")):
        body = obj.get(field)
        if isinstance(body, str) and body.strip():
            break
    else:
        has = ", ".join(k for k, v in obj.items() if isinstance(v, str)) or "none"
        reason = (f'line {number} has no non-empty "{names.text}" or "{names.html}" field (its text fields: {has}; '
                  "--text-field or --html-field names another)")
        return _reject(source, "ingest", reason, line)
    too_long = _over_chars(source, f'the "{field}" of line {number}', body, line, limits)
    if too_long is not None:
        return too_long
    hints = {k: v for k, v in obj.items() if isinstance(v, str) and k not in (names.text, names.html)}
    for role in ("title", "url", "published", "outlet"):  # the user's field names -> the roles cleaning reads
        given = getattr(names, role)
        if given != role and isinstance(obj.get(given), str):
            hints[role] = obj[given]
    if "published" not in hints and "date" in hints:
        hints["published"] = hints["date"]
    hints["body"] = body
    url = hints.get("url")
    return RawArticle(id=sha256_hex(line), source=source, raw=line, kind=kind, url=url, hints=hints)
