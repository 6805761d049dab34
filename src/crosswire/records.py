"""The typed records that flow between stages: the single schema for store and export.

Field names follow ``shared/spec/export.md`` so that export is a projection, not a
translation. The DuckDB tables are generated from these dataclasses (see
``store/migrations.py``), so a field added here is a column there and a key in the
export, with nothing to keep in step by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

# Fields whose values are nested (lists of dicts, dicts): stored as JSON text in DuckDB
# because their shapes grow with later issues and a JSON column never needs a migration.
JSON_FIELDS = frozenset(
    {"published_inferred", "boilerplate", "aliases", "docs", "headings", "extra", "meta"}
)


def sha256_hex(data: bytes) -> str:
    """Content hash used for every raw input id."""
    return hashlib.sha256(data).hexdigest()


def short_id(*parts: str, size: int = 16) -> str:
    """A stable id derived from the parts (for records that are not raw inputs)."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:size]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a document's clean text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input item exactly as read: a file, a JSONL line, a WARC record or an RSS entry.

    ``kind`` says how to clean it: ``"text"`` (scraped plain text) or ``"html"``.
    ``hints`` carries metadata the container already knew (RSS title/date, JSONL fields,
    WARC target URI and date); cleaning prefers what the article itself says.
    """

    id: str  # sha256 of raw
    source: str  # path, path#line, path#record-id, URL: exactly as ingested
    raw: bytes
    kind: str  # "text" | "html"
    url: str | None = None
    hints: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be made into a document, and why (a sentence a user reads)."""

    id: str  # sha256 of the raw bytes, or of the path when unreadable
    source: str
    stage: str  # ingest | decode | clean | nlp | ...
    reason: str
    code: str = "E000"
    raw: bytes | None = None  # kept verbatim in the store's raw table; never exported


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: body text plus everything that was removed from it."""

    id: str
    source: str
    outlet: str | None
    host: str | None
    title: str | None
    published: str | None  # ISO date stated by the document itself
    published_inferred: dict[str, str] | None
    language: str | None  # ISO 639-1
    text: str
    boilerplate: list[str]
    duplicate_of: str | None = None
    url: str | None = None
    dateline: str | None = None  # the dateline/credit text the date and outlet were read from
    headings: list[dict[str, Any]] = field(default_factory=list)  # [{"start","end","text"}]
    encoding: str | None = None
    words: int = 0
    format: str = "text"  # text | html (what the cleaner saw)


@dataclass(frozen=True, slots=True)
class Mention:
    """One named-entity mention in a document, before/after cross-document resolution."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # spaCy label, PERSON/ORG/GPE/...
    entity: str | None = None  # resolved Entity.id


@dataclass(frozen=True, slots=True)
class Entity:
    """One referent across documents, whatever its spelling."""

    id: str
    type: str
    canonical: str
    aliases: list[str]
    docs: list[str]


def record_fields(cls: type) -> list[str]:
    """Field names of a record class, in declaration order."""
    return [f.name for f in fields(cls)]


def as_row(record: Any) -> dict[str, Any]:
    """A record as a flat dict (nested Evidence becomes a dict)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Evidence):
            value = {"start": value.start, "end": value.end, "text": value.text}
        out[f.name] = value
    return out
