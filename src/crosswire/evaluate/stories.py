"""B-cubed scores of story clustering on ECB+ (documents grouped by gold seminal event)."""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from crosswire.compare import similarity as _similarity
from crosswire.compare.embeddings import Embedder, embed
from crosswire.compare.stories import THRESHOLD, StoryInput, group_stories, lead
from crosswire.evaluate import splits

# Sentence-initial capitalised words that are never names; other sentence-initial words
# count as names only when the document also writes them capitalised mid-sentence.
_FUNCTION_WORDS = frozenset(
    "a an the this that these those he she it they we i you his her its their our my "
    "in on at of for from to by with as after before when while but and or if so there "
    "here what who why how".split()
)
# Capitalised words that are dates or page furniture, not names: the two stories of an
# ECB+ topic share them by chance ("Updated December 16"), which merged stories (+0.012 B3
# F1 on the ECB+ dev tune part: 0.904 without the list, 0.916 with it).
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday updated posted report gmt bst "
    "am pm et est pst last".split()
)
# The embeddings-only baseline's own best threshold, swept 0.20-0.80 (step 0.025) on the
# ECB+ dev tune part (222 docs, 9 topics): 0.861 B3 F1 at 0.475, 23 clusters (0.855 at the
# old 0.5). Cosine alone runs higher than the mixed similarity, so sharing
# compare.stories.THRESHOLD would understate it. Report part (129 docs): 0.845.
EMBEDDINGS_ONLY_THRESHOLD = 0.475

_NAME_TOKEN = re.compile(r"^[A-Z][\w'.&-]*$")
# Entity labels kept when spaCy NER supplies the entities: the names, not numbers or dates.
SPACY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"})


def read_records(dataset_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """ECB+ records of a split directory (``records.jsonl``); FNC-1 bodies as ECB+-shaped
    records whose story is their claim group (weak story clusters: bodies about one claim)."""
    with (dataset_dir / "records.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    records = [_as_ecb(r) if "article_body" in r else r for r in records]
    return records[:limit] if limit is not None else records


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])|\n+")


def _as_ecb(body: Mapping[str, Any]) -> dict[str, Any]:
    """An FNC-1 body as an ECB+-shaped record: sentences of whitespace tokens, no URL."""
    parts = [p.strip() for p in _SENTENCE_END.split(body["article_body"]) if p.strip()]
    return {"id": body["id"], "story_id": body["claim_group"], "claim_group": body["claim_group"], "url": None,
            "sentences": [{"index": i, "tokens": p.split()} for i, p in enumerate(parts)]}


def record_sentences(record: Mapping[str, Any]) -> list[list[str]]:
    """A record's sentences as token lists, without the URL line ECB+ docs carry first."""
    sentences = [s["tokens"] for s in sorted(record["sentences"], key=lambda s: s["index"])]
    if record.get("url") and sentences and sentences[0][:1] in (["http"], ["https"]):
        sentences = sentences[1:]
    return sentences


def capitalised_entities(sentences: Sequence[Sequence[str]]) -> frozenset[str]:
    """Runs of capitalised tokens and their words, lower-cased: a cheap stand-in for NER + linking.

    A sentence-initial word counts only when it is not a function word and the document
    also capitalises it mid-sentence, so "Police said" does not make "police" a name. Each
    word of a run (3+ letters) is added too, standing in for alias resolution ("Reid" is
    "Tara Reid"): +0.008 B3 F1 on the ECB+ dev tune part (0.908 without, 0.916 with).

    Example:
        >>> sorted(capitalised_entities([["Actress", "Tara", "Reid", "checked", "in", "."]]))
        ['reid', 'tara', 'tara reid']
    """
    inner = {t for s in sentences for t in s[1:] if _NAME_TOKEN.match(t)}
    found: set[str] = set()
    for tokens in sentences:
        run: list[str] = []
        for i, token in enumerate([*tokens, ""]):
            is_name = bool(_NAME_TOKEN.match(token)) and token.lower() not in _NOT_NAMES
            if i == 0 and is_name and (token.lower() in _FUNCTION_WORDS or token not in inner):
                is_name = False
            if is_name:
                run.append(token.lower())
            elif run:
                found.add(" ".join(run))
                found.update(w for w in run if len(w) > 2)
                run = []
    return frozenset(found)


def spacy_entities(texts: Sequence[str]) -> list[frozenset[str]]:
    """Lower-cased named entities of each text from the pinned spaCy model."""
    import spacy

    from crosswire.nlp.pipeline import DEFAULT_MODEL

    # NER only: the parser and crosswire's quote components cost time and add nothing here.
    nlp = spacy.load(DEFAULT_MODEL)
    names = [n for n in nlp.pipe_names if n in ("tok2vec", "ner")]
    out = []
    with nlp.select_pipes(enable=names):
        docs = list(nlp.pipe(texts, batch_size=32))
    for doc in docs:
        out.append(frozenset(e.text.lower() for e in doc.ents if e.label_ in SPACY_LABELS))
    return out


def story_inputs(records: Sequence[Mapping[str, Any]], *, entities: str = "capitalised") -> list[StoryInput]:
    """StoryInputs for ECB+ records: title = first sentence, no dates, no events.

    Args:
        records: ECB+ records.
        entities: ``"capitalised"`` (capitalised token runs), ``"spacy"`` (NER) or ``"none"``.
    """
    texts, titles, hosts = [], [], []
    sentence_lists = [record_sentences(r) for r in records]
    for r, sentences in zip(records, sentence_lists):
        lines = [" ".join(s) for s in sentences]
        titles.append(lines[0] if lines else "")
        texts.append("\n".join(lines[1:]))
        hosts.append(urlparse(r["url"]).hostname if r.get("url") else None)
    if entities == "spacy":
        ents = spacy_entities([f"{t}\n{x}" for t, x in zip(titles, texts)])
    elif entities == "capitalised":
        ents = [capitalised_entities(s) for s in sentence_lists]
    else:
        ents = [frozenset()] * len(records)
    return [StoryInput(id=r["id"], title=t, text=x, entities=e, outlet=h)
            for r, t, x, e, h in zip(records, titles, texts, ents, hosts)]


def b_cubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold.

    Example:
        >>> b_cubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"})["precision"]
        0.6666666666666666
    """
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item, cluster in predicted.items():
        pred_members[cluster].add(item)
    for item, cluster in gold.items():
        gold_members[cluster].add(item)
    items = [i for i in gold if i in predicted]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = r = 0.0
    for item in items:
        same = len(pred_members[predicted[item]] & gold_members[gold[item]])
        p += same / len(pred_members[predicted[item]])
        r += same / len(gold_members[gold[item]])
    p, r = p / len(items), r / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def cached(embedder: Embedder) -> Embedder:
    """An embedder that computes each distinct text once (systems share the leads)."""
    memo: dict[str, np.ndarray] = {}

    def run(texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        if todo:
            memo.update(zip(todo, embedder(todo)))
        return np.stack([memo[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    return run


def score_system(inputs: Sequence[StoryInput], gold: Mapping[str, str], *, threshold: float = THRESHOLD,
                 embedder: Embedder = embed) -> dict[str, Any]:
    """Cluster the inputs and score them: B-cubed P/R/F1, cluster counts and seconds taken."""
    started = time.perf_counter()
    grouping = group_stories(inputs, threshold=threshold, embedder=embedder)
    scores: dict[str, Any] = b_cubed(grouping.assignment, gold)
    scores.update(clusters=len(grouping.stories), gold_clusters=len(set(gold.values())), n=len(inputs),
                  threshold=threshold, seconds=round(time.perf_counter() - started, 2))
    return scores


def sweep(inputs: Sequence[StoryInput], gold: Mapping[str, str], thresholds: Sequence[float],
          embedder: Embedder = embed) -> dict[float, dict[str, Any]]:
    """Scores at each threshold (how THRESHOLD was calibrated)."""
    return {t: score_system(inputs, gold, threshold=t, embedder=embedder) for t in thresholds}


def names_only(inputs: Sequence[StoryInput]) -> list[StoryInput]:
    """The inputs as if every document were in its own language: only their names compare.

    That is compare.stories' cross-language path, entity overlap scaled by THRESHOLD /
    NAMES_ONLY_THRESHOLD: names alone cluster as if at NAMES_ONLY_THRESHOLD.
    """
    return [replace(d, language=f"names-only-{i}") for i, d in enumerate(inputs)]


def evaluate_stories(
    dataset_dir: Path,
    *,
    limit: int | None = None,
    part: str | None = None,
    entities: str = "capitalised",
    embedder: Embedder | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score crosswire's story clustering against ECB+ gold stories, beside embeddings only
    and names only (the cross-language scale).

    Args:
        dataset_dir: An ECB+ split directory with ``records.jsonl``; its parent folder names
            the dataset for :func:`crosswire.evaluate.splits.select` (``ecbplus``).
        limit: Use only the first ``limit`` records (of the part, when one is chosen).
        part: ``"tune"`` or ``"report"`` (whole topics, see evaluate/splits.py); all when None.
        entities: How the crosswire system finds entities: ``"capitalised"`` or ``"spacy"``.
        embedder: Texts to unit vectors; MiniLM (``embed``) by default.
        progress: Called with the name of each system before it runs.

    Returns:
        ``{"systems": {"crosswire": {...}, "embeddings-only": {...}, "names-only": {...}},
        "embed_seconds": s, "entities": ..., "part": part}``, each system with precision,
        recall, f1, clusters, gold_clusters, n and the threshold it clusters at.

    Example:
        >>> result = evaluate_stories(Path("../shared/eval/ecbplus/dev"), part="report")  # doctest: +SKIP
        >>> round(result["systems"]["crosswire"]["f1"], 3)  # doctest: +SKIP
        0.893
    """
    records = read_records(dataset_dir)
    records = splits.select(Path(dataset_dir).resolve().parent.name, records, part)[:limit]
    gold = {r["id"]: r["story_id"] for r in records}
    shared = cached(embedder or embed)
    full = story_inputs(records, entities=entities)
    started = time.perf_counter()
    shared([lead(d.title, d.text) for d in full])  # embed once; every system reuses it
    embed_seconds = time.perf_counter() - started
    plain = story_inputs(records, entities="none")
    systems: dict[str, Any] = {}
    for name, inputs, threshold in (("crosswire", full, THRESHOLD),
                                    ("embeddings-only", plain, EMBEDDINGS_ONLY_THRESHOLD),
                                    ("names-only", names_only(full), _similarity.THRESHOLD)):
        if progress:
            progress(name)
        systems[name] = score_system(inputs, gold, threshold=threshold, embedder=shared)
    # Names alone are grouped at THRESHOLD on the overlap scaled by THRESHOLD /
    # NAMES_ONLY_THRESHOLD (capped at 1): in effect at NAMES_ONLY_THRESHOLD.
    systems["names-only"]["threshold"] = _similarity.NAMES_ONLY_THRESHOLD
    return {"systems": systems, "embed_seconds": round(embed_seconds, 2), "entities": entities,
            "part": part}
