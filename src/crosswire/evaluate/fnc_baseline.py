"""The FNC-1 organisers' baseline (fnc-1-baseline), reimplemented so it can be scored beside crosswire.

Its published figure was measured on other data (a hold-out of FNC-1's training split), so the
only fair comparison is to train it ourselves on the tune part of our dev split and score it on
exactly the pairs crosswire is scored on. Written from the upstream feature definitions: 44
hand-crafted counts per headline/body pair fed to ``GradientBoostingClassifier(n_estimators=200,
random_state=14128)``. Known differences from upstream, all small:

- Upstream lemmatises with NLTK's WordNet lemmatiser (nouns only); :func:`lemma` strips plural
  ``-s`` instead (NLTK is not a dependency). It only touches the Jaccard overlap and the
  refuting-word features.
- Upstream trains ten models on 9/10 of ~40k training pairs and keeps the one best on its left-out
  fold; here one model is trained on all pairs it is given (the tune part: ~5k pairs).

Upstream quirks that are kept, because they are what the published model saw: headline tokens
and n-grams are looked up as *substrings* of the cleaned body ("war" is found in "software");
char n-grams have their characters joined by spaces before the lookup (so grams above 2 chars
almost never match); the stopword-free co-occurrence count has an "early" twin that counts the
whole body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

LABELS = ("agree", "disagree", "discuss", "unrelated")
# Headline words taken as a sign of refutation, as upstream lists them (its "refute" is commented out).
REFUTING = ("fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt", "doubts",
            "bogus", "debunk", "pranks", "retract")
EARLY, FIRST = 255, 100  # the body's opening, in characters of cleaned text
CHAR_SIZES = (2, 8, 4, 16)  # upstream's order, which fixes the column order
WORD_SIZES = (2, 3, 4, 5, 6)
N_FEATURES = 4 + 3 * len(CHAR_SIZES) + 2 * len(WORD_SIZES) + 2 + len(REFUTING) + 1
N_ESTIMATORS, RANDOM_STATE = 200, 14128


def clean(text: str) -> str:
    """Lower-cased word characters joined by single spaces: punctuation is dropped, not split on.

    Example:
        >>> clean("Hoax! It's NOT true.")
        'hoax it s not true'
    """
    return " ".join(re.findall(r"\w+", text)).lower()


def lemma(word: str) -> str:
    """A crude stand-in for WordNet's noun lemma: drop a plural ``-s`` (not ``-ss``, ``-us``, ``-is``, ``-ies``).

    ``-ies`` is left alone so that "denies" stays a refuting word, as it does upstream.

    Example:
        >>> [lemma(w) for w in ("doubts", "pranks", "denies", "press", "virus", "was")]
        ['doubt', 'prank', 'denies', 'press', 'virus', 'was']
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ies")):
        return word[:-1]
    return word


def lemmas(text: str) -> list[str]:
    """The lemmas of a text's cleaned tokens."""
    return [lemma(t) for t in clean(text).split()]


def overlap(headline: str, body: str) -> list[float]:
    """Jaccard overlap of the headline's and the body's lemma sets (one column)."""
    h, b = set(lemmas(headline)), set(lemmas(body))
    union = h | b
    return [len(h & b) / len(union) if union else 0.0]


def refuting(headline: str) -> list[int]:
    """One 0/1 column per refuting word: does the headline contain it."""
    words = set(lemmas(headline))
    return [int(w in words) for w in REFUTING]


def polarity(headline: str, body: str) -> list[int]:
    """Parity of the refuting-word count in headline and in body (two columns)."""
    return [sum(t in REFUTING for t in lemmas(text)) % 2 for text in (headline, body)]


def _gram_hits(grams: Iterable[str], body: str, prefixes: Sequence[int | None]) -> list[int]:
    grams = list(grams)
    return [sum(g in body[:end] for g in grams) for end in prefixes]


def hand(headline: str, body: str) -> list[int]:
    """Upstream's "hand" features: headline tokens and n-grams found in the body and its opening (26 columns)."""
    h, b = clean(headline), clean(body)
    tokens = h.split(" ")
    content = [t for t in tokens if t not in ENGLISH_STOP_WORDS]
    out = _gram_hits(tokens, b, (None, EARLY))
    stops_free = sum(t in b for t in content)
    out += [stops_free, stops_free]  # upstream's "early" count reads the whole body too
    squeezed = " ".join(content)
    for n in CHAR_SIZES:
        grams = (" ".join(squeezed[i:i + n]) for i in range(len(squeezed) - n + 1))
        out += _gram_hits(grams, b, (None, EARLY, FIRST))
    for n in WORD_SIZES:
        grams = (" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        out += _gram_hits(grams, b, (None, EARLY))
    return out


def features(headline: str, body: str) -> list[float]:
    """All 44 columns of one pair, in upstream's order: hand, polarity, refuting, overlap."""
    return [*hand(headline, body), *polarity(headline, body), *refuting(headline), *overlap(headline, body)]


def pairs_of(records: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(headline, body, gold stance) of every pair of FNC-1 records, in record then pair order.

    The order is the one ``evaluate.stance.predict_stances`` scores in, so predictions line up.
    """
    return [(p["headline"], r["article_body"], p["stance"]) for r in records for p in r["pairs"]]


def feature_matrix(pairs: Sequence[tuple[str, str, str]]) -> np.ndarray:
    """The (pairs x 44) feature matrix of (headline, body, _) triples."""
    rows = [features(h, b) for h, b, _ in pairs]
    return np.asarray(rows, dtype=float).reshape(len(rows), N_FEATURES)


def train(records: Sequence[Mapping[str, Any]]) -> GradientBoostingClassifier:
    """Upstream's classifier, fitted on every pair of the records.

    Raises:
        ValueError: the records hold fewer than two stance classes (nothing to learn).
    """
    pairs = pairs_of(records)
    gold = [g for _, _, g in pairs]
    if len(set(gold)) < 2:
        raise ValueError("the baseline needs pairs of at least two stance classes to train on")
    model = GradientBoostingClassifier(n_estimators=N_ESTIMATORS, random_state=RANDOM_STATE)
    return model.fit(feature_matrix(pairs), gold)


def predict(model: GradientBoostingClassifier, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The model's stance for every pair of the records, in :func:`pairs_of` order."""
    pairs = pairs_of(records)
    if not pairs:
        return []
    return [str(label) for label in model.predict(feature_matrix(pairs))]
