"""Inputs that are not files: pages and feeds fetched over HTTP(S), and standard input.

Fetching is polite and bounded: crosswire names itself in the User-Agent, waits between two
requests to one host, gives up after a timeout, and never reads more than ``max_bytes`` of
an answer. A failed fetch is a Rejection that says why (HTTP status, timeout, refused), and
the run goes on. What comes back is read as what it is: a feed as a feed (one article per
entry), a page as HTML, anything else by its content, like a file whose name says nothing.
"""

from __future__ import annotations

import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO
from urllib.parse import urlsplit

from crosswire import __version__
from crosswire.ingest.base import Item, Limits, _mb, _reject
from crosswire.records import RawArticle

USER_AGENT = f"crosswire/{__version__} (news cross-checking; one request at a time)"
TIMEOUT_SECONDS = 20.0
SAME_HOST_INTERVAL = 1.0  # seconds between two requests to one host
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,"
           "text/plain;q=0.8,*/*;q=0.5")
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                         "text/xml"})
_last_request: dict[str, float] = {}


def is_url(path: str) -> bool:
    """True for an http(s) address, the only kind ``crosswire run`` fetches."""
    return urlsplit(path).scheme in {"http", "https"} and bool(urlsplit(path).netloc)


def fetch_url(url: str, limits: Limits, dispatch) -> Iterator[Item]:  # noqa: ANN001 - ingest._dispatch
    """The items at ``url``: one page, or one per feed entry; a Rejection when it cannot be had."""
    host = urlsplit(url).netloc
    wait = _last_request.get(host, 0.0) + SAME_HOST_INTERVAL - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(limits.max_bytes + 1)
            kind = response.headers.get_content_type()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        yield _reject(url, "ingest", f"fetching {url} answered HTTP {exc.code} ({exc.reason})", None)
        return
    except (urllib.error.URLError, TimeoutError, socket.timeout, ConnectionError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        yield _reject(url, "ingest", f"cannot fetch {url}: {reason}", None)
        return
    finally:
        _last_request[host] = time.monotonic()
    if len(data) > limits.max_bytes:
        reason = f"{url} is larger than {_mb(limits.max_bytes)} (max_bytes); not read past that"
        yield _reject(url, "ingest", reason, None, code="E105")
        return
    name = urlsplit(final).path.rsplit("/", 1)[-1]
    if kind in _FEED_TYPES and not name.lower().endswith((".html", ".htm")):
        name = "feed.rss"
    elif kind in {"text/html", "application/xhtml+xml"}:
        name = "page.html"
    elif kind == "text/plain":
        name = "page.txt"
    for item in dispatch(url, name, data, limits):
        yield replace(item, url=final) if isinstance(item, RawArticle) and item.url is None else item


def read_stdin(limits: Limits, dispatch, stream: BinaryIO | None = None) -> Iterator[Item]:  # noqa: ANN001
    """Standard input as one input (source ``<stdin>``), read as a file whose name says nothing."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        yield _reject("<stdin>", "ingest", f"standard input is larger than {_mb(limits.max_bytes)} (max_bytes)", None,
                      code="E105")
        return
    yield from dispatch("<stdin>", "", data, limits)
