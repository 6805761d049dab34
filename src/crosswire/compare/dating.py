"""Inferred publication dates of undated documents, read from the dated reports of their story.

An undated report still dates itself relative to its publication day ("Wednesday's
operation", "today's raids"). Another report of the same story, with a stated date, pins
the happenings down ("last Wednesday" in a report of 2015-10-07 is 2015-09-30). The
publication date inferred is the one that makes the most of the undated report's
expressions land on dates the story's dated reports give, and, among equally good dates,
the earliest: a report written on the day of the event is dated the day of the event
("Wednesday's operation" read on Wednesday itself), and one written later says so by
other expressions ("yesterday", "last Wednesday") that then decide instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extract.dates import find_dates, resolve_expression
from ..records import Document, Event

# How many days after a dated happening an undated report may have been written and
# still call it by a relative name: a bare weekday reaches back 6 days, "last <weekday>"
# up to 7. Beyond a week reports use calendar dates.
MAX_LAG_DAYS = 7

# Extra weight when the undated report's expression sits in an event of the same type as
# the dated event it matches (its "Wednesday" is the strikes, not a meeting that Wednesday).
SAME_TYPE_BONUS = 1.0

# Extra weight, up to this much, for words shared by the sentences of the expression and the
# anchor ("carried out strikes on eight targets ... on Wednesday" and "... air strikes last
# Wednesday, hitting eight targets"): without events it is what says two sentences report
# the same happening, and it keeps "today" from landing on an unrelated dated day.
CONTEXT_BONUS = 1.0
CONTEXT_SATURATION = 3  # shared content words that earn the full bonus
STEM_CHARS = 5  # words compare by their first letters: "strikes"/"strike", "Russia"/"Russian"

SHORT_ID = 8  # characters of a document id quoted in a basis

_SENTENCE_EDGE = re.compile(r"[.!?\n]")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    "that this with from have their there were which said says would will been also about "
    "after before into over than them they then when where while what other some such "
    "last since late early today tomorrow yesterday monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)


def context_words(text: str, at: int) -> frozenset[str]:
    """Stems of the content words of the sentence around offset ``at``."""
    starts = [m.end() for m in _SENTENCE_EDGE.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_EDGE.search(text, at)
    end = end_match.start() if end_match else len(text)
    words = (w.lower() for w in _CONTENT_WORD.findall(text[start:end]))
    return frozenset(w[:STEM_CHARS] for w in words if w not in _STOP)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A day that a dated report of the story gives, and where it says so."""

    date: str  # ISO day
    doc: str
    published: str
    text: str  # the expression as written ("last Wednesday")
    what: str | None = None  # the event's trigger ("airstrikes"), when an event dates it
    type: str | None = None  # the event's type, when an event dates it
    context: frozenset[str] = field(default_factory=frozenset)  # its sentence's content words


@dataclass(frozen=True, slots=True)
class Expression:
    """A relative day expression of the undated report ("Wednesday", "today")."""

    text: str
    start: int
    type: str | None = None  # type of the report's own event around it, if known
    context: frozenset[str] = field(default_factory=frozenset)


def story_anchors(dated: Sequence[Document], events: Mapping[str, Sequence[Event]]) -> list[Anchor]:
    """Every day-precise date the dated reports give: their events' dates, then their text's.

    Events come first so an anchor carries what happened when one is known; the text scan
    adds the dates no event was read for.
    """
    anchors: list[Anchor] = []
    for doc in dated:
        stated = doc.published or ""
        dated_events = [e for e in events.get(doc.id, ())
                        if e.date and e.date_text and e.date_precision in (None, "day") and e.date_basis != "context"]
        for e in dated_events:
            anchors.append(Anchor(e.date[:10], doc.id, stated, e.date_text, e.trigger, e.type,  # type: ignore[index]
                                  context_words(doc.text, e.evidence.start)))
        for m in find_dates(doc.text, doc.published):
            if not m.date or m.precision != "day":
                continue
            if any(e.date[:10] == m.date and e.evidence.start <= m.start < e.evidence.end  # type: ignore[index]
                   for e in dated_events):
                continue  # the event already stands for this date
            anchors.append(Anchor(m.date, doc.id, stated, m.text, context=context_words(doc.text, m.start)))
    return anchors


def relative_expressions(doc: Document, events: Sequence[Event] = ()) -> list[Expression]:
    """The report's relative day expressions, with the type of the event each sits in."""
    found = []
    for m in find_dates(doc.text, None):
        if not m.relative or m.precision != "day":
            continue
        kind = next((e.type for e in events if e.evidence.start <= m.start < e.evidence.end), None)
        found.append(Expression(m.text, m.start, kind, context_words(doc.text, m.start)))
    return found


def _score(published: date, expressions: Sequence[Expression], by_day: Mapping[str, list[Anchor]]
           ) -> tuple[float, list[tuple[float, Expression, Anchor]]]:
    """How well a publication date fits: the best anchor each expression then lands on."""
    total, matched = 0.0, []
    for x in expressions:
        day, _ = resolve_expression(x.text, published.isoformat())
        if day is None or day > published.isoformat():
            continue  # "tomorrow", "next week": plans, which dated reports of the past don't date
        best: tuple[float, Anchor] | None = None
        for anchor in by_day.get(day, ()):
            shared = min(len(x.context & anchor.context), CONTEXT_SATURATION) / CONTEXT_SATURATION
            weight = 1.0 + CONTEXT_BONUS * shared + (SAME_TYPE_BONUS if x.type and x.type == anchor.type else 0.0)
            if best is None or weight > best[0]:
                best = (weight, anchor)
        if best is not None:
            total += best[0]
            matched.append((best[0], x, best[1]))
    return total, matched


def _basis(matched: Sequence[tuple[float, Expression, Anchor]], n: int) -> str:
    _, x, a = max(matched, key=lambda m: (m[2].what is not None, m[0], -m[1].start))
    what = f"the {a.date} {a.what}" if a.what else f"the day {a.date}"
    return (f"its '{x.text}' matches {what} that doc {a.doc[:SHORT_ID]} dates ('{a.text}', published "
            f"{a.published}); the earliest publication date at which {len(matched)} of its {n} "
            f"relative day expressions land on days the story's dated reports give")


def infer_date(doc: Document, anchors: Sequence[Anchor], dated: Sequence[Document],
               events: Sequence[Event] = ()) -> dict[str, str] | None:
    """The inferred ``{"date", "basis"}`` of one undated report, or None without dated reports."""
    if not dated:
        return None
    expressions = relative_expressions(doc, events)
    by_day: dict[str, list[Anchor]] = {}
    for a in anchors:
        by_day.setdefault(a.date, []).append(a)
    candidates = sorted({date.fromisoformat(a.date) + timedelta(days=k)
                         for a in anchors for k in range(MAX_LAG_DAYS + 1)})
    best: tuple[float, date, list[tuple[float, Expression, Anchor]]] | None = None
    for published in candidates:  # ascending, and only a strictly better score replaces: earliest wins ties
        score, matched = _score(published, expressions, by_day)
        if score > 0 and (best is None or score > best[0]):
            best = (score, published, matched)
    if best is not None:
        return {"date": best[1].isoformat(), "basis": _basis(best[2], len(expressions))}
    earliest = min(dated, key=lambda d: (d.published or "", d.id))
    why = "none of its relative dates matches a dated report" if expressions else "it has no relative dates"
    return {"date": str(earliest.published),
            "basis": f"{why}; dated as the earliest dated report in its story (doc {earliest.id[:SHORT_ID]}, "
                     f"published {earliest.published}), {FALLBACK_NOTE}"}


# How a date with no evidence of its own is marked: it is shown with its document, and dates none
# of its events (an unrelated page clustered into a story of another year took that year's days).
FALLBACK_NOTE = "a fallback with no evidence of its own"


def is_fallback(inferred: Mapping[str, str]) -> bool:
    """Whether an inferred date is the story's earliest date only, with no evidence of its own."""
    return inferred.get("basis", "").endswith(FALLBACK_NOTE)


def infer_dates(story_docs: Sequence[Document], events: Mapping[str, Sequence[Event]] | None = None
                ) -> dict[str, dict[str, str]]:
    """Inferred publication dates of a story's documents that state none.

    Only stated dates (``published``) count as evidence; an inferred date never dates
    another document, and the date of the run is never used.

    Args:
        story_docs: The documents of one story.
        events: Events by document id (optional): they tie a date to what happened and
            raise matches between events of the same type.

    Returns:
        doc id -> ``{"date": ISO, "basis": why}`` for each undated document that could be
        dated; undated documents of a story without any dated report are left out.

    Example:
        >>> aj = Document("a", "", None, None, None, None, None, "en", "Wednesday's raids killed 4.", [])
        >>> xh = Document("x", "", None, None, None, "2015-10-07", None, "en", "The raids last Wednesday.", [])
        >>> infer_dates([aj, xh])["a"]["date"]
        '2015-09-30'
    """
    by_doc = events or {}
    dated = [d for d in story_docs if d.published]
    anchors = story_anchors(dated, by_doc)
    out: dict[str, dict[str, str]] = {}
    for doc in story_docs:
        if doc.published:
            continue
        inferred = infer_date(doc, anchors, dated, by_doc.get(doc.id, ()))
        if inferred is not None:
            out[doc.id] = inferred
    return out
