"""Event triggers and their arguments against ECB+ mentions of actions, participants, places and times.

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) is multi-outlet web news about 43 kinds of
happening (rehab check-ins, earthquakes, shootings, product launches, ...), annotated with
mentions of actions, times, locations and participants in selected sentences. It is not a
conflict corpus: crosswire's ontology codes political and violent events (PLOVER/ACLED),
so most ECB+ actions ("checked into", "launched", "won") are outside what it looks for by
design, and recall over every action says how much of what news tells crosswire leaves out.

What is compared, per document (``evaluate_ecb_events``):

* **Text.** Each document's text is its sentence tokens rejoined, one sentence per line
  (the dataset's own ``text`` layout, so every line is its own paragraph to crosswire), with
  light detokenisation (no space before ``, . 's n't ...``, PTB quotes as ``"``) and a map
  from each ECB+ token to its characters. The URL line ECB+ docs carry first is dropped
  (as ``stories.record_sentences`` does). Events are read with no publication date.
* **Scored sentences.** Only ``coref_annotated_sentences`` (the ones ECB+ annotated
  fully). A predicted event (of any modality) counts when its trigger starts in one; a gold
  action is every mention there tagged ``ACTION_*`` or ``NEG_ACTION_*``, whatever its class.
* **Triggers.** An event's trigger span is ``Event.trigger`` located in its sentence
  (``Event.evidence``) at the offset its id was made from. It matches a gold action mention
  when their characters overlap (a mention is the set of its tokens, so "checked ... into"
  is two pieces); pairs are taken one-to-one, most overlapping characters first. Precision
  = matched / predicted events, recall = matched / every gold action mention. A second
  recall counts only the occurrence classes (``ACTION_OCCURRENCE``, ``NEG_ACTION_OCCURRENCE``:
  not reporting, state, aspectual, generic, perception or causative actions). The event's
  type is not compared: ECB+ actions carry no class a PLOVER type could be checked against.
* **Arguments of matched events.** ECB+ links mentions only by coreference chains
  (``instance_id``), never a participant, place or time to an action, so an argument is
  checked against the gold mentions of the action's sentence: the event's actor or target
  (``Party.start/end``) must overlap a ``HUMAN_PART_*``/``NON_HUMAN_PART*`` mention of the
  sentence or one in the same chain as such a mention (a pronoun's actor carries its
  antecedent's offsets, maybe in an earlier sentence); an event place (``Place.start/end``)
  must overlap a ``LOC_*`` mention of the sentence or of the same chain; ``date_text`` of a
  sentence-dated event (``date_basis="sentence"``), at its first occurrence in the event's
  sentence, must overlap a ``TIME_*`` mention of the sentence. Context-dated events are
  counted, not scored: ECB+ marks no time for a sentence that states none. Accuracy = right /
  matched events that have the argument; ``of_matched`` = right / all matched events.
* **Baseline, same run, same parse:** every spaCy ``VERB`` token (auxiliaries not) of the
  scored sentences is an event trigger, matched the same way.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosswire.evaluate.splits import select
from crosswire.evaluate.stories import read_records, record_sentences
from crosswire.records import Event, short_id

if TYPE_CHECKING:
    from spacy.language import Language

DATASET = "ecbplus"
OCCURRENCE_TAGS = frozenset({"ACTION_OCCURRENCE", "NEG_ACTION_OCCURRENCE"})
BASELINE = "every verb"
ARGUMENTS = ("participant", "location", "time")
# PTB and ECB tokenisation undone just enough for the parser to see news text: attached
# punctuation and clitics, straight quotes (crosswire reads quotations by their marks).
_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", ")", "]", "''", "”", "'s", "n't", "'m", "'ve", "'re",
                              "'d", "'ll", "%", "..."})
_NO_SPACE_AFTER = frozenset({"(", "[", "``", "“", "$"})
_SHOWN = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}

Pieces = tuple[tuple[int, int], ...]  # character ranges of one span (a mention may skip tokens)


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """A document's text and where each ECB+ sentence and token landed in it."""

    text: str
    sentences: dict[int, tuple[int, int]]  # ECB+ sentence index -> (start, end)
    tokens: dict[tuple[int, int], tuple[int, int]]  # (sentence, token number) -> (start, end)


def rebuild(record: Mapping[str, Any]) -> Rebuilt:
    """The record's text, one sentence per line, without its URL line, with token offsets.

    Example:
        >>> tokens = ["``", "Hi", "''", ",", "she", "said", "."]
        >>> r = rebuild({"url": None, "sentences": [{"index": 0, "tokens": tokens}]})
        >>> r.text, r.tokens[(0, 1)], r.sentences[0]
        ('"Hi", she said.', (1, 3), (0, 15))
    """
    ordered = sorted(record["sentences"], key=lambda s: s["index"])
    kept = ordered[len(ordered) - len(record_sentences(record)):]  # the same URL-line rule as stories
    parts: list[str] = []
    at = 0
    sentences: dict[int, tuple[int, int]] = {}
    tokens: dict[tuple[int, int], tuple[int, int]] = {}
    for sentence in kept:
        if parts:
            parts.append("\n")
            at += 1
        start, glue = at, True
        for number, token in enumerate(sentence["tokens"]):
            if not glue and token not in _NO_SPACE_BEFORE:
                parts.append(" ")
                at += 1
            shown = _SHOWN.get(token, token)
            parts.append(shown)
            tokens[(sentence["index"], number)] = (at, at + len(shown))
            at += len(shown)
            glue = token in _NO_SPACE_AFTER
        sentences[sentence["index"]] = (start, at)
    return Rebuilt("".join(parts), sentences, tokens)


def overlap(a: Pieces, b: Pieces) -> int:
    """Characters two spans share.

    Example:
        >>> overlap(((0, 7), (15, 19)), ((5, 10),)), overlap(((0, 3),), ((3, 5),))
        (2, 0)
    """
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(predicted: Sequence[Pieces], gold: Sequence[Pieces]) -> dict[int, int]:
    """Predicted index -> gold index, one-to-one, greedily by characters shared (ties in text order)."""
    pairs = sorted((-overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold))
    out: dict[int, int] = {}
    used: set[int] = set()
    for shared, i, j in pairs:
        if shared < 0 and i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def trigger_span(event: Event, doc_id: str) -> tuple[int, int]:
    """Where the event's trigger is: the occurrence in its sentence its id was made from.

    ``find_events`` keys an event on its trigger's first character; the first occurrence
    stands in should no occurrence reproduce the id.
    """
    sentence, found = event.evidence, []
    at = sentence.text.find(event.trigger)
    while at >= 0:
        found.append(sentence.start + at)
        if short_id(doc_id, str(sentence.start + at), event.type) == event.id:
            return sentence.start + at, sentence.start + at + len(event.trigger)
        at = sentence.text.find(event.trigger, at + 1)
    start = found[0] if found else sentence.start
    return start, start + len(event.trigger)


def _kind(tag: str) -> str | None:
    if "ACTION_" in tag:
        return "action"
    if tag.startswith(("HUMAN_PART", "NON_HUMAN_PART")):
        return "participant"
    if tag.startswith("LOC_"):
        return "location"
    if tag.startswith("TIME_"):
        return "time"
    return None


@dataclass(frozen=True, slots=True)
class Gold:
    """One ECB+ mention with its characters."""

    tag: str
    kind: str
    sentence: int
    chain: str | None
    pieces: Pieces


def gold_mentions(record: Mapping[str, Any], rebuilt: Rebuilt) -> list[Gold]:
    """The record's mentions of actions, participants, places and times, in text order."""
    out = []
    for m in record["mentions"]:
        kind = _kind(m["tag"])
        spans = [rebuilt.tokens.get((m["sentence"], n)) for n in m["token_numbers"]]
        if kind is None or not spans or None in spans:
            continue  # a mention on the dropped URL line
        chain = m.get("instance_id") if m.get("coref") else None  # singletons share no chain
        out.append(Gold(m["tag"], kind, m["sentence"], chain, tuple(s for s in spans if s is not None)))
    return sorted(out, key=lambda g: g.pieces)


def _accepted(golds: list[Gold], kind: str, sentence: int, chains: bool) -> list[Pieces]:
    """Mentions of a kind in a sentence and, with ``chains``, every mention coreferent with one."""
    here = [g for g in golds if g.kind == kind and g.sentence == sentence]
    linked = {g.chain for g in here if g.chain} if chains else set()
    return [g.pieces for g in golds if g.kind == kind and (g.sentence == sentence or g.chain in linked)]


def _spans(items: Iterable[Any]) -> list[Pieces]:
    return [((i.start, i.end),) for i in items if i is not None and i.start is not None and i.end is not None]


def argument_checks(event: Event, sentence: int, golds: list[Gold]) -> dict[str, str | None]:
    """Each argument of a matched event: "right", "wrong", None when it has none; a date from context is "context"."""
    def check(spans: list[Pieces], kind: str, chains: bool) -> str | None:
        if not spans:
            return None
        accepted = _accepted(golds, kind, sentence, chains)
        return "right" if any(overlap(s, a) for s in spans for a in accepted) else "wrong"

    time: str | None = None
    if event.date_text and event.date_basis == "context":
        time = "context"
    elif event.date_text:
        at = event.evidence.text.find(event.date_text)
        start = event.evidence.start + at
        time = check([((start, start + len(event.date_text)),)], "time", False) if at >= 0 else "wrong"
    return {"participant": check(_spans((event.actor, event.target)), "participant", True),
            "location": check(_spans(event.places), "location", True) if _judgeable_places(event, sentence, golds)
            else None,
            "time": time}


def _judgeable_places(event: Event, sentence: int, golds: list[Gold]) -> bool:
    """ECB+ marks the places a sentence names. A place carried over from an earlier sentence
    (events/places.fallback_places) to one that names none is beyond what it can judge."""
    inside = any(p.start is not None and event.evidence.start <= p.start < event.evidence.end for p in event.places)
    return inside or any(g.kind == "location" and g.sentence == sentence for g in golds)


@dataclass
class Tally:
    """Counts of one system over the scored sentences."""

    predicted: int = 0
    matched: int = 0
    by_tag: Counter[str] = field(default_factory=Counter)
    arguments: dict[str, Counter[str]] = field(default_factory=dict)  # verdicts per argument, where a system has them

    def score(self, predicted: list[Pieces], actions: list[Gold]) -> dict[int, int]:
        """Match one document's triggers to its gold actions and count them."""
        pairs = match(predicted, [g.pieces for g in actions])
        self.predicted += len(predicted)
        self.matched += len(pairs)
        self.by_tag.update(actions[j].tag for j in pairs.values())
        return pairs


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _summary(tally: Tally, gold_by_tag: Counter[str]) -> dict[str, Any]:
    gold = sum(gold_by_tag.values())
    p, r = _ratio(tally.matched, tally.predicted), _ratio(tally.matched, gold)
    occurrences = sum(tally.by_tag[t] for t in OCCURRENCE_TAGS)
    occurrence_gold = sum(gold_by_tag[t] for t in OCCURRENCE_TAGS)
    out: dict[str, Any] = {
        "triggers": {"precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 4) if p and r else 0.0,
                     "matched": tally.matched, "predicted": tally.predicted, "gold": gold},
        "occurrence_recall": {"recall": _ratio(occurrences, occurrence_gold), "matched": occurrences,
                              "gold": occurrence_gold},
        "matched_by_tag": dict(sorted(tally.by_tag.items())),
    }
    for name, c in tally.arguments.items():
        scored = c["right"] + c["wrong"]
        out[name] = {"accuracy": _ratio(c["right"], scored), "of_matched": _ratio(c["right"], tally.matched),
                     "right": c["right"], "scored": scored}
        if name == "time":
            out[name]["context_dated"] = c["context"]
    return out


def evaluate_ecb_events(dataset_dir: Path, *, limit: int | None = None, part: str | None = None,
                        nlp: Language | None = None) -> dict[str, Any]:
    """Score crosswire's event triggers and their arguments on ECB+ (see the module docstring).

    Args:
        dataset_dir: An ``ecbplus`` split folder with ``records.jsonl``.
        limit: Only the first ``limit`` documents of the part.
        part: ``"tune"`` or ``"report"`` (evaluate/splits.py; a topic stays in one part), None for all.
        nlp: A loaded pipeline (``load_nlp()`` by default).

    Returns:
        ``{"dataset", "part", "documents", "sentences", "gold_by_tag", "systems": {"crosswire":
        {...}, "every verb": {...}}}``; each system has ``triggers`` (P/R/F1 with matched,
        predicted and gold counts), ``occurrence_recall`` and ``matched_by_tag``; crosswire
        adds ``participant``, ``location`` and ``time`` for its matched events.
    """
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    if nlp is None:
        from crosswire.nlp.pipeline import load_nlp

        nlp = load_nlp()
    records = select(DATASET, read_records(Path(dataset_dir)), part)
    records = records[:limit] if limit is not None else records
    rebuilt = [rebuild(r) for r in records]
    ours, verbs = Tally(arguments={k: Counter() for k in ARGUMENTS}), Tally()
    gold_by_tag: Counter[str] = Counter()
    sentences = 0
    with warnings.catch_warnings():
        # One sentence per line makes a quotation running over sentences "unbalanced" to
        # the quote finder: expected here, and said once per paragraph it would flood the run.
        warnings.filterwarnings("ignore", message="W301")
        docs = nlp.pipe(r.text for r in rebuilt)
        for record, text, doc in zip(records, rebuilt, docs):
            scored = {i: text.sentences[i] for i in record["coref_annotated_sentences"] if i in text.sentences}
            sentences += len(scored)
            golds = gold_mentions(record, text)
            actions = [g for g in golds if g.kind == "action" and g.sentence in scored]
            gold_by_tag.update(g.tag for g in actions)
            events = find_events(doc, doc_id=record["id"], published=None, places=places_from_doc(doc))
            located: list[tuple[Event, tuple[int, int], int]] = []
            for event in events:
                span = trigger_span(event, record["id"])
                sentence = _sentence_of(span[0], scored)
                if sentence is not None:
                    located.append((event, span, sentence))
            for i in ours.score([(span,) for _, span, _ in located], actions):
                event, _, sentence = located[i]
                for name, verdict in argument_checks(event, sentence, golds).items():
                    if verdict is not None:
                        ours.arguments[name][verdict] += 1
            verbs.score([((t.idx, t.idx + len(t.text)),) for t in doc
                         if t.pos_ == "VERB" and _sentence_of(t.idx, scored) is not None], actions)
    return {"dataset": str(dataset_dir), "part": part, "documents": len(records), "sentences": sentences,
            "gold_by_tag": dict(sorted(gold_by_tag.items())),
            "systems": {"crosswire": _summary(ours, gold_by_tag), BASELINE: _summary(verbs, gold_by_tag)}}


def _sentence_of(start: int, sentences: Mapping[int, tuple[int, int]]) -> int | None:
    return next((i for i, (s, e) in sentences.items() if s <= start < e), None)
