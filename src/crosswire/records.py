"""The typed records that flow between stages: the single schema for store and export.

Field names follow ``shared/spec/export.md`` so that export is a projection, not a
translation. The DuckDB tables are generated from these dataclasses (see
``store/migrations.py``), so a field added here is a column there and a key in the
export, with nothing to keep in step by hand.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

# Fields whose values are nested (lists of dicts, dicts): stored as JSON text in DuckDB
# because their shapes grow with later issues and a JSON column never needs a migration.
JSON_FIELDS = frozenset(
    {"published_inferred", "boilerplate", "aliases", "docs", "headings", "extra", "meta",
     "acled", "actor", "target", "places", "fatalities", "evidence", "speaker", "chain",
     "claims", "outlets", "numbers", "events", "sources", "answers", "co_speakers"}
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


@dataclass(frozen=True, slots=True)
class Party:
    """An event's actor or target: what the text says, and who that is."""

    text: str
    canonical: str | None = None
    entity: str | None = None  # Entity.id
    country: str | None = None  # ISO 3166-1 alpha-3
    kind: str | None = None  # state | military | armed group | IGO | media | person | ...
    start: int | None = None  # offsets of ``text`` in the clean text
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved toponym: GeoNames coordinates with how precise they are."""

    text: str
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    geonames_id: int | None
    precision: str = "point"  # point | admin2 | admin1 | region | country | continent
    population: int = 0
    start: int | None = None
    end: int | None = None
    note: str | None = None  # "north of the central city of": the place is near, not at


@dataclass(frozen=True, slots=True)
class Fatalities:
    """How many died, as reported: a range, never a made-up default."""

    low: int
    high: int
    victims: str | None = None  # civilians | militants | soldiers | police | protesters | ...
    text: str | None = None  # the phrase it was read from


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where, when, with how many dead, read from one sentence."""

    id: str
    doc: str
    type: str  # PLOVER event type, or DISASTER / ACCIDENT (ontology.EXTENSION_TYPES: no ACLED code)
    mode: str | None
    acled: dict[str, str] | None  # {"event_type", "sub_event_type"}
    actor: Party | None
    target: Party | None
    places: list[Place]
    date: str | None  # when it happened (ISO), not when it was published
    date_text: str | None
    date_precision: str | None  # day | week | month | year | None
    fatalities: Fatalities | None
    according_to: str | None  # Claim.id once claims exist
    # asserted (the outlet says it happened) | reported (a cited source says so) | stated (a
    # verbal act: accusing, condemning, urging; its words are a Claim) | alleged (what an
    # accusation or a worry says happened) | denied | planned (a plan, aim, demand or the
    # future) | hypothetical (possible, conditional, a definition). Only asserted and
    # reported count as having happened (HAPPENED below; the ACLED export writes only those).
    modality: str
    reported_by: str | None  # the reporting source's words until a claim links it
    trigger: str
    evidence: Evidence
    # Where the date came from: "sentence" (an expression in the event's own sentence),
    # "context" (an earlier sentence of the same episode, see extract/events/dates.py), or None.
    date_basis: str | None = None


# The event modalities that say the event took place: the ACLED export, happenings and tolls
# that join an earlier event rely on this one set.
HAPPENED = frozenset({"asserted", "reported"})


@dataclass(frozen=True, slots=True)
class Happening:
    """One real-world event (date, place, actors, type) and every mention that tells of it.

    An Event is one mention: one sentence of one document. Reports name the same strike or
    clash several times, and several outlets report it; a Happening is that strike, with the
    Events that mention it (``events``), the documents and outlets that report it
    (``docs``, ``sources``), and the fields read from all of them (compare/happenings.py
    says how). The ACLED export and ``crosswire events`` list happenings.
    """

    id: str
    story: str | None
    type: str
    mode: str | None
    acled: dict[str, str] | None
    actor: Party | None
    target: Party | None
    places: list[Place]
    date: str | None
    date_precision: str | None
    fatalities: Fatalities | None
    # asserted when any mention says it in the outlet's own voice, else the mentions' modality;
    # "background" when it took place over a year before its reports (history told in passing)
    modality: str
    events: list[str]  # Event ids, the lead mention first
    docs: list[str]
    sources: list[str]  # outlets (or hosts) of those documents, in the order they first told it
    doc: str  # the lead mention's document: its sentence is ``evidence``
    evidence: Evidence
    # "text": a mention's text states the day (in its sentence or its episode); "report": no
    # mention dates it, so it is the lead report's day, "week" precision (it happened that day
    # or in the days before, as a report tells of what is recent); None: undated.
    date_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a claim, resolved where possible, and whom they speak for."""

    text: str  # the words naming the speaker where the claim is ("he", "the source", "Lavrov")
    canonical: str | None = None  # resolved name ("Sergey Lavrov"), after pronoun resolution
    entity: str | None = None  # Entity.id
    affiliation: str | None = None  # organisation or country they speak for
    start: int | None = None  # offsets of the resolved name's mention in the clean text
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement attributed to someone: a quote, reported speech or an "according to"."""

    id: str
    doc: str
    speaker: Speaker | None
    chain: list[str]  # outlet first, origin last: ["Xinhua", "RIA Novosti", "Syrian military source"]
    text: str  # the quote or the reported content
    direct: bool
    cue: str  # "said", "wrote on Twitter", "according to"
    event: str | None  # Event.id it is about
    evidence: Evidence
    first_hand: bool = True  # False when the claim reached the outlet through a chain
    polarity: str = "positive"  # positive | negative (the content is negated/denied)
    # Others named with the speaker in one coordination ("The US, NATO and the Syrian opposition
    # said"): the claim is theirs too. Extends the export contract; [] when there are none.
    co_speakers: list[Speaker] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Story:
    """Documents about the same real-world happening, with the span of its events."""

    id: str
    title: str
    docs: list[str]
    start: str | None
    end: str | None
    outlets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Relation:
    """Two claims of a story that support or contradict each other, and why."""

    id: str
    story: str
    type: str  # contradicts | supports
    claims: list[str]  # two Claim ids
    about: str
    reason: str  # a check a person can repeat: "number: 36 vs 0", "polarity: ..."
    score: float = 0.0
    # The one question both claims answer ("how many civilians killed?") and each claim's
    # answer, in the order of ``claims``.
    question: str = ""
    answers: list[str] = field(default_factory=list)
    # Whether the two claims come from different origins (the first source of each chain);
    # a quote relayed by two outlets is one origin, never corroboration.
    independent: bool | None = None
    # How likely an analyst is to judge the relation right (0-1); the story report shows
    # relations at or above SHOWN_CONFIDENCE unless asked for all.
    confidence: float = 0.0
    # Contradictions only: the dispute (one question between two sides) this pair of claims is
    # one telling of; every contradiction of one dispute carries its id (compare/disputes.py).
    dispute: str = ""


# Relations shown by default: at or above this confidence (the rest on request). Here beside
# HAPPENED, so a list can count shown contradictions without importing the story report.
SHOWN_CONFIDENCE = 0.5


def record_fields(cls: type) -> list[str]:
    """Field names of a record class, in declaration order."""
    return [f.name for f in fields(cls)]


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def as_row(record: Any) -> dict[str, Any]:
    """A record as a flat dict; nested records (Evidence, Party, Place, ...) become dicts."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Rebuild a record (nested records included) from a dict such as ``as_row`` made."""
    values: dict[str, Any] = {}
    for name, hint in _field_hints(cls):
        if name in row:
            values[name] = _typed(hint, row[name])
    return cls(**values)


@lru_cache(maxsize=None)
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    # Resolving the annotations (strings, under `from __future__ import annotations`) costs far
    # more than building the record: once per class, not once per row.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def _options(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(hint) if a is not type(None))
    return (hint,)


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    for option in _options(hint):
        if is_dataclass(option) and isinstance(value, dict):
            return from_row(option, value)
        if typing.get_origin(option) is list and isinstance(value, list):
            (inner,) = typing.get_args(option) or (Any,)
            return [_typed(inner, v) for v in value]
    return value
