"""Helpers shared by the claim tests: attributions of a text and their spans as strings."""

from __future__ import annotations

import warnings

from crosswire.extract.entities.core import mentions_from_doc


def atts_of(nlp, text: str):
    """The parsed text and crosswire's attributions in it (warnings about stray quote marks muted)."""
    from crosswire.extract.claims.core import find_attributions

    doc = nlp(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = find_attributions(doc, mentions_from_doc(doc, "d"))
    return doc, found


def spans_of(doc, att):
    """(source phrase, cue, content parts joined by " / ") of one attribution."""
    src = doc[att.phrase[0]:att.phrase[1]].text if att.phrase else None
    return src, doc[att.cue[0]:att.cue[1]].text, " / ".join(doc.text[a:b] for a, b in att.content)
