"""Long texts read in sections: split at paragraph or sentence ends, parsed, joined into one Doc.

spaCy's memory grows with the length of a text (``nlp.max_length`` guards it), but a long
report or transcript is still one document. It is cut into sections under the limit, each
ending with its own separator so the sections concatenate to the text exactly, parsed, and
joined with ``Doc.from_docs``: every character offset into the joined Doc is an offset into
the text. crosswire's doc-level components (mention spans, quotes) then run once on the
joined Doc, so a quote that runs across a section boundary is still one quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["split_sections", "read_in_sections", "without_tensor", "DOC_LEVEL_COMPONENTS"]

# Components that read the whole Doc (quote marks pair across paragraphs): run on the joined
# Doc, not on the sections. Both only need what the sections' tokens carry (ents, lemma, pos).
DOC_LEVEL_COMPONENTS = ("crosswire_entity_spans", "crosswire_quotes")

# Cut points, best first: after a blank line (paragraph), after a line break, after a
# sentence end, after any whitespace. A section never ends mid-word while another cut fits.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
# A cut in the first part of the window would make tiny sections; a worse kind of cut
# later in the window is preferred to that.
_MIN_FILL = 0.5


def split_sections(text: str, limit: int) -> list[str]:
    """Pieces of ``text`` of at most ``limit`` characters that concatenate to ``text``.

    Each piece ends after a paragraph break if one falls in the second half of its window,
    else after a line break, a sentence end or whitespace, else at the limit itself.

    Example:
        >>> split_sections("One two.\\n\\nThree four.\\n\\nFive.", 16)
        ['One two.\\n\\n', 'Three four.\\n\\n', 'Five.']
    """
    if limit < 1:
        raise ValueError(f"section limit must be at least 1, not {limit}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        pieces.append(window[: _cut(window)])
        start += len(pieces[-1])
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut(window: str) -> int:
    """Where to end a section that starts at the window's start (1..len(window))."""
    fallback = 0
    for pattern in _CUTS:
        last = max((m.end() for m in pattern.finditer(window)), default=0)
        if last >= _MIN_FILL * len(window):
            return last
        fallback = fallback or last
    return fallback or len(window)


def read_in_sections(text: str, nlp: Language, *, batch_size: int = 1) -> Doc:
    """One Doc of ``text``, however long: parsed in sections under ``nlp.max_length``.

    Example:
        >>> from crosswire.nlp.pipeline import load_nlp
        >>> read_in_sections("NATO met.\\n\\nPutin spoke.", load_nlp()).text  # doctest: +SKIP
        'NATO met.\\n\\nPutin spoke.'
    """
    doc_level = [name for name in DOC_LEVEL_COMPONENTS if name in nlp.pipe_names]
    pieces = split_sections(text, nlp.max_length)
    # A section at a time by default, each without its tok2vec output (which nothing reads): the
    # parse's temporary memory is one section's, whatever the length of the text.
    docs = [without_tensor(doc) for doc in nlp.pipe(pieces, batch_size=batch_size, disable=doc_level)]
    # Spans are written again below; user_data holds only per-Doc caches (nlp/text.py), and
    # nothing downstream reads the tensor, which for a long text is hundreds of megabytes.
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["spans", "user_data", "tensor"])
    if joined.text != text:  # pieces concatenate to the text and tokens keep their whitespace
        raise RuntimeError("sections did not join back to the text they were cut from")
    return _run(joined, nlp, doc_level)


def without_tensor(doc: Doc) -> Doc:
    """The Doc without its tok2vec output, which no crosswire reader uses (a 256-article chunk's
    tensors were ~70 MB; a long text's, hundreds of megabytes)."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _run(doc: Doc, nlp: Language, names: Iterable[str]) -> Doc:
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    return doc
