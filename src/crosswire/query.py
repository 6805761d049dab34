"""Read-side queries over the store: the selections the CLI lists and the API serves.

``filter_*`` return records; the ``*_list``/``*_summaries`` functions return export-contract
objects (what ``--json`` prints and ``/api/...`` answers), so both say the same thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .export import HAPPENED, MODALITIES, contract_record
from .extract.places.countries import iso2_to_iso3, iso3_by_name
from .records import SHOWN_CONFIDENCE, Claim, Document, Event, Happening, record_fields
from .store import Store


def filter_events(
    store: Store,
    *,
    type_: str | None = None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
    doc: str | None = None,
    mentions: bool = False,
) -> list[Happening] | list[Event]:
    """Happenings (or, with ``mentions``, every event mention) matching every given filter,
    in date order (undated last).

    ``country`` (ISO alpha-2 or alpha-3) matches the country of a place, the actor or the
    target: ``SY`` finds events placed in Syria, ``RUS`` also those Russia took part in.
    ``doc`` keeps a happening when any of its documents' ids starts with it.

    Example:
        >>> filter_events(store, type_="ASSAULT", country="SY")        # doctest: +SKIP
    """
    found: list = []
    for ev in store.events() if mentions else store.happenings():
        if type_ and ev.type.upper() != type_.upper():
            continue
        if doc and not any(d.startswith(doc) for d in _docs_of(ev)):
            continue
        if start and (ev.date is None or ev.date < start):
            continue
        if end and (ev.date is None or ev.date > end):
            continue
        if country and not _in_country(ev, country.upper()):
            continue
        found.append(ev)
    return sorted(found, key=lambda e: (e.date is None, e.date or "", e.doc, e.evidence.start))


def _docs_of(ev: Event | Happening) -> list[str]:
    return ev.docs if isinstance(ev, Happening) else [ev.doc]


def _in_country(ev: Event | Happening, code: str) -> bool:
    to_iso3 = iso2_to_iso3()
    iso3 = to_iso3.get(code, code) if len(code) == 2 else code
    in_places = any(to_iso3.get((p.country or "").upper()) == iso3 for p in ev.places)
    return in_places or any(p is not None and (p.country or "").upper() == iso3 for p in (ev.actor, ev.target))


def filter_claims(store: Store, *, speaker: str | None = None, doc: str | None = None) -> list[Claim]:
    """Claims whose speaker (words, canonical name or affiliation) contains ``speaker``.

    Example:
        >>> [c.cue for c in filter_claims(store, speaker="Lavrov")]      # doctest: +SKIP
    """
    needle = (speaker or "").lower()
    out = []
    for c in store.claims():
        if doc and not c.doc.startswith(doc):
            continue
        if needle:
            names = [n for sp in ([c.speaker, *c.co_speakers] if c.speaker else [])
                     for n in (sp.text, sp.canonical, sp.affiliation)]  # "NATO" finds "the US, NATO and ... said"
            if not any(needle in (n or "").lower() for n in names):
                continue
        out.append(c)
    return out


class UnknownValue(ValueError):
    """A filter value crosswire does not know; the message lists the ones it does."""


def _counts(store: Store, sql: str) -> dict[str, int]:
    return {key: int(n) for key, n in store.con.execute(sql).fetchall()}


def story_summaries(store: Store, q: str | None = None) -> list[dict[str, Any]]:
    """Stories, newest first (by their last event day; undated last), each with its counts.

    ``q`` keeps stories whose title, outlets or any document's title contain it (any case).
    """
    claims_per_doc = _counts(store, "SELECT doc, count(*) FROM claims GROUP BY doc")
    happenings = _counts(store, "SELECT story, count(*) FROM happenings GROUP BY story")
    contradictions = _counts(store, "SELECT story, count(*) FROM relations WHERE type = 'contradicts' "
                                    f"AND confidence >= {SHOWN_CONFIDENCE} GROUP BY story")
    # One dispute is one question between two sides, however many pairs of claims tell it.
    disputes = _counts(store, "SELECT story, count(DISTINCT CASE WHEN dispute <> '' THEN dispute ELSE id END) "
                              "FROM relations WHERE type = 'contradicts' "
                              f"AND confidence >= {SHOWN_CONFIDENCE} GROUP BY story")
    doc_titles = dict(store.con.execute("SELECT id, coalesce(title, '') FROM documents").fetchall())
    needle = (q or "").strip().lower()
    out = []
    for story in store.stories():
        if needle:
            words = [story.title, *story.outlets, *(doc_titles.get(d, "") for d in story.docs)]
            if not any(needle in (w or "").lower() for w in words):
                continue
        record = contract_record("story", story)
        record["counts"] = {"documents": len(story.docs), "events": happenings.get(story.id, 0),
                            "claims": sum(claims_per_doc.get(d, 0) for d in story.docs),
                            "contradictions": contradictions.get(story.id, 0), "disputes": disputes.get(story.id, 0)}
        out.append(record)
    # Newest first: two sorts, because undated stories go last whichever way dates run.
    out.sort(key=lambda r: r["end"] or r["start"] or "", reverse=True)
    out.sort(key=lambda r: (r["end"] or r["start"]) is None)
    return out


def document_summaries(store: Store, q: str | None = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Documents in source order: the contract record without its text and removed lines
    (``/api/documents/{id}`` has them), filtered by words of the title or by outlet/host."""
    needle, where = (q or "").lower(), (outlet or "").lower()
    listed = [n for n in record_fields(Document) if n not in {"text", "boilerplate", "raw"}]
    out = []
    for row in store.rows("documents", order="source, id", columns=listed):
        if needle and needle not in (row["title"] or "").lower():
            continue
        if where and not any(where in (row[k] or "").lower() for k in ("outlet", "host")):
            continue
        record = {k: v for k, v in contract_record("document", row).items() if k not in {"text", "boilerplate"}}
        out.append(record)
    return out


def event_list(store: Store, *, type_: str | None = None, status: str | None = None, country: str | None = None,
               start: str | None = None, end: str | None = None, doc: str | None = None,
               mentions: bool = False) -> list[dict[str, Any]]:
    """Happenings (or every mention) matching the filters, as ``crosswire events`` selects them.

    ``status`` is a comma-separated list of modalities, or ``happened`` for those reported as
    having taken place. Unknown types and statuses raise UnknownValue naming the valid ones.
    """
    from .extract.events.ontology import EVENT_TYPES

    if type_ and type_.upper() not in EVENT_TYPES:
        raise UnknownValue(f"unknown event type {type_!r}; known: {', '.join(sorted(EVENT_TYPES))}")
    for value, flag in ((start, "from"), (end, "to")):
        if value and not _is_iso_date(value):
            raise UnknownValue(f"{flag} takes a date as YYYY-MM-DD, not {value!r}")
    wanted = statuses(status)
    try:
        country = country_code(country) if country else None
    except UnknownValue as exc:
        present = sorted({p.country for h in store.happenings() for p in h.places if p.country})
        raise UnknownValue(f"{exc}; places in this store are in {', '.join(present) or 'no country'}") from None
    found = filter_events(store, type_=type_, country=country, start=start, end=end, doc=doc, mentions=mentions)
    kind = "event" if mentions else "happening"
    return [contract_record(kind, ev) for ev in found if not wanted or ev.modality in wanted]


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def country_code(value: str) -> str:
    """An ISO code (alpha-2 or alpha-3) for a code or an English country name, any case.

    Example:
        >>> country_code("sy"), country_code("Syria"), country_code("SYR")
        ('SY', 'SYR', 'SYR')
    """
    code = value.strip().upper()
    to_iso3 = iso2_to_iso3()
    if (len(code) == 2 and code in to_iso3) or (len(code) == 3 and code in set(to_iso3.values())):
        return code
    by_name = iso3_by_name().get(value.strip().lower())
    if by_name:
        return by_name
    raise UnknownValue(f"unknown country {value!r}: give an ISO 3166 code (SY or SYR) or an English name (Syria)")


def statuses(status: str | None) -> set[str]:
    """The modalities a ``status``/``--modality`` value names ("happened" = asserted, reported)."""
    wanted: set[str] = set()
    for word in (status or "").lower().replace(" ", "").split(","):
        if not word:
            continue
        if word != "happened" and word not in MODALITIES:
            raise UnknownValue(f"unknown status {word!r}; known: {', '.join(MODALITIES)}, happened")
        wanted |= set(HAPPENED) if word == "happened" else {word}
    return wanted


def claim_list(store: Store, *, speaker: str | None = None, story: str | None = None,
               doc: str | None = None) -> list[dict[str, Any]]:
    """Claims by speaker (name, canonical name, affiliation or a co-speaker's), story or document."""
    found = filter_claims(store, speaker=speaker, doc=doc)
    if story:
        stories = [s for s in store.stories() if s.id.startswith(story)]
        docs = {d for s in stories for d in s.docs}
        found = [c for c in found if c.doc in docs]
    return [contract_record("claim", c) for c in found]


def entity_list(store: Store, *, q: str | None = None, type_: str | None = None) -> list[dict[str, Any]]:
    """Entities whose canonical name or an alias contains ``q``, most documents first."""
    needle = (q or "").lower()
    out = []
    for e in sorted(store.entities(), key=lambda e: (-len(e.docs), e.canonical)):
        if type_ and e.type.upper() != type_.upper():
            continue
        if needle and not any(needle in a.lower() for a in [e.canonical, *e.aliases]):
            continue
        out.append(contract_record("entity", e))
    return out
