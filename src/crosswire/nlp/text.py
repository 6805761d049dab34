"""A parsed document's text, computed once (spaCy rebuilds ``Doc.text`` on every access)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the country and alias tables import this without spaCy
    from spacy.tokens import Doc

_KEY = "crosswire.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, cached on the Doc: hot loops slice it per sentence and per trigger.

    Example:
        >>> from spacy.tokens import Doc
        >>> from spacy.vocab import Vocab
        >>> text_of(Doc(Vocab(), words=["Shells", "hit"], spaces=[True, False]))
        'Shells hit'
    """
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = doc.text
    return cached
