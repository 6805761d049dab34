"""RawArticle records (or Rejections) from the entries of an RSS or Atom feed.

An entry's ``raw`` is the feed's own bytes for its ``<item>``/``<entry>`` element, so what
is stored under its hash is verbatim input; the parsed body goes to ``hints["body"]``.
"""

from __future__ import annotations

import email.utils
import os
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser

from crosswire.ingest.base import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Item, Limits, _load, _over_bytes, _over_chars, _reject
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = ["read_feed"]

# An entry element, namespaced or not ("<item>", "<atom:entry ...>", "<item/>"). Entries never
# nest, so the n-th match is the n-th entry feedparser reads; "<items>" (RSS 1.0) is not one.
_ENTRY = re.compile(
    rb"<(?P<tag>(?:[\w.-]+:)?(?:item|entry))\b[^>]*?(?:/>|>.*?</(?P=tag)\s*>)", re.S
)
# Comments and CDATA sections may hold markup that looks like an entry.
_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.S)


def read_feed(
    path: str | Path,
    raw: bytes | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """One HTML article per RSS/Atom entry that has content or a summary.

    ``source`` is ``path#<entry link>`` (``path#<n>`` without a link); hints carry the
    entry ``title``, ``published`` (ISO 8601 when the date parses) and the feed title
    as ``outlet``. An entry whose body is over ``max_chars`` is rejected with its bytes.

    Example:
        >>> [a.hints["title"] for a in read_feed("news.rss")]  # doctest: +SKIP
        ['Ceasefire talks open']
    """
    source = os.fspath(path)
    data = _load(source, raw)
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
    elements = _entry_elements(data)
    if len(elements) != len(parsed.entries):
        # Without each entry's own bytes nothing verbatim could be kept for it.
        reason = (f"feed has {len(parsed.entries)} entries but {len(elements)} <item>/<entry> elements "
                  "were found in its bytes, so entries cannot be kept verbatim; the feed is not split")
        yield _reject(source, "ingest", reason, data)
        return
    outlet = parsed.feed.get("title")
    limits = Limits(max_bytes, max_chars)
    for number, (entry, element) in enumerate(zip(parsed.entries, elements), start=1):
        yield _feed_item(source, number, entry, element, outlet, limits)


def _entry_elements(data: bytes) -> list[bytes]:
    """The bytes of every entry element of the feed, in document order."""
    # Hidden parts are blanked (same length) rather than cut, so offsets stay those of ``data``.
    visible = _HIDDEN.sub(lambda m: b" " * len(m.group()), data)
    return [data[m.start() : m.end()] for m in _ENTRY.finditer(visible)]


def _feed_item(source: str, number: int, entry: Any, element: bytes, outlet: str | None, limits: Limits) -> Item:
    link = entry.get("link")
    item_source = f"{source}#{link or number}"
    too_big = _over_bytes(item_source, f"feed entry {number}", element, limits)
    if too_big is not None:
        return too_big
    body, content_type = "", "text/html"
    if entry.get("content"):
        body, content_type = entry.content[0].get("value", ""), entry.content[0].get("type", content_type)
    elif entry.get("summary"):
        body = entry.summary
        content_type = entry.get("summary_detail", {}).get("type", content_type)
    if not body.strip():
        return _reject(item_source, "ingest", f"feed entry {number} has no content or summary", element)
    too_long = _over_chars(item_source, f"the body of feed entry {number}", body, element, limits)
    if too_long is not None:
        return too_long
    hints = {"title": entry.get("title"), "published": _iso_published(entry), "outlet": outlet}
    clean_hints = {k: v for k, v in hints.items() if isinstance(v, str) and v}
    clean_hints["body"] = body
    kind = "text" if content_type == "text/plain" else "html"
    return RawArticle(id=sha256_hex(element), source=item_source, raw=element, kind=kind, url=link, hints=clean_hints)


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
            try:
                return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
            except ValueError:  # "0000-00-00" parses to year -1: no date, not a crash
                continue
    return None
