"""When events happened: dates of events in multi-paragraph news, against hand-labelled gold.

Each gold article lists some of its events by trigger word with the date a careful reader
gives them ("2024-03-12", "2021-06" for a month, "2016" for a year, null when the text
does not date the event: a habit, a span, another episode). Three readings are scored on
the same events in one run:

* ``crosswire``: dates from the event's sentence, then from context (extract/events/dates.py);
* ``stated dates only``: the same events with context dates removed (the reading before it);
* ``publication date (GDELT-style)``: every event dated on the day the article appeared.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

from crosswire.records import Event

PRECISION_OF = {10: "day", 7: "month", 4: "year"}


def read_articles(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold articles of a JSON Lines file, the first ``limit`` of them."""
    with path.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    return articles[:limit] if limit else articles


def same_date(gold: str, date: str | None, precision: str | None) -> bool:
    """Whether a predicted date is the gold one at the gold's precision.

    Example:
        >>> same_date("2021-06", "2021-06-01", "month"), same_date("2021-06", "2021-06-14", "day")
        (True, False)
    """
    return date is not None and date[:len(gold)] == gold and (precision or "day") == PRECISION_OF[len(gold)]


def match(gold_events: list[dict[str, Any]], events: list[Event]) -> list[tuple[dict[str, Any], Event | None]]:
    """Each gold event with the first unused predicted event whose trigger holds its word (or is held by it)."""
    used: set[int] = set()
    out: list[tuple[dict[str, Any], Event | None]] = []
    for gold in gold_events:
        word = gold["trigger"].lower()
        hit = next((i for i, e in enumerate(events) if i not in used
                    and (word in e.trigger.lower() or e.trigger.lower() in word)), None)
        if hit is not None:
            used.add(hit)
        out.append((gold, events[hit] if hit is not None else None))
    return out


Reading = Callable[[Event, str | None], tuple[str | None, str | None]]
READINGS: dict[str, Reading] = {
    "crosswire": lambda e, published: (e.date, e.date_precision),
    "stated dates only": lambda e, published: (e.date, e.date_precision) if e.date_basis != "context" else (None, None),
    "publication date (GDELT-style)": lambda e, published: (published, "day"),
}


Pair = tuple[dict[str, Any], Event | None, str | None]


def score(pairs: list[Pair], reading: Reading) -> dict[str, float | int]:
    """Precision (right among the dates given) and recall (right among every gold-dated event) of one reading.

    Every gold event is a pair; one crosswire did not find (``None``) gets no date, so it
    counts against recall. A date given to an event the gold leaves undated is wrong.
    Events crosswire finds that the gold does not list are not scored: the gold lists only
    some of an article's events.
    """
    dated = right = gold_dated = 0
    for gold, event, published in pairs:
        date, precision = reading(event, published) if event is not None else (None, None)
        gold_dated += gold["date"] is not None
        dated += date is not None
        right += gold["date"] is not None and same_date(gold["date"], date, precision)
    p = right / dated if dated else 0.0
    r = right / gold_dated if gold_dated else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "right": right, "dated": dated, "gold_dated": gold_dated, "gold_events": len(pairs),
            "found": sum(event is not None for _, event, _ in pairs)}


def evaluate_event_dates(path: Path, *, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    """Run crosswire on each gold article (with its publication date) and score event dates.

    Recall is over every gold-dated event, found or not (``found`` says how many gold
    events crosswire found at all); the other readings date the same found events.
    """
    from crosswire.extract.events.core import find_events

    if nlp is None:
        from crosswire.nlp.pipeline import load_nlp

        nlp = load_nlp()
    articles = read_articles(path, limit)
    pairs: list[Pair] = []
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles)):
        events = find_events(doc, doc_id=article["id"], published=article.get("published"))
        pairs += [(g, e, article.get("published")) for g, e in match(article["events"], events)]
    found = sum(e is not None for _, e, _ in pairs)
    return {
        "dataset": str(path),
        "found": f"{found} of {len(pairs)} gold events",
        "systems": {name: score(pairs, reading) for name, reading in READINGS.items()},
    }
