"""RawArticle records (or Rejections) from the entries of an RSS or Atom feed."""

from __future__ import annotations

import email.utils
import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser

from crosswire.ingest.base import Item, _load, _reject
from crosswire.records import RawArticle, Rejection, sha256_hex

__all__ = ["read_feed"]


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
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _feed_item(source, number, entry, outlet)


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
