"""Who a reported statement came from, and who carried it, when the cue's modifiers say so.

Wire copy names its links around the cue rather than as its subject: "RIA Novosti reported,
citing a Syrian military source, that ..." (the source is the origin, the agency a relay),
"..., the agency reported with reference to a military source", "Putin said in comments
carried by TASS", "Lavrov said in an interview with CNN". The attribution finder keeps the
cue's subject as the source; these functions find the origin behind it and the carriers in
front of it, so a claim's chain reads outlet <- carriers <- subject <- origin.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Verbs by which a report names where it got its content ("citing a source", "quoting officials").
CITING_VERBS = frozenset({"cite", "quote"})
# Nouns a statement is made in that a medium can carry ("in comments carried by TASS").
CARRIER_NOUNS = frozenset({"comment", "remark", "interview", "statement", "article", "op", "column", "post", "message",
                           "broadcast", "speech", "briefing", "appearance", "address", "letter", "editorial", "video"})
# Verbs by which a medium carries a statement ("carried by", "published by", "aired on").
CARRIER_VERBS = frozenset({"carry", "publish", "broadcast", "air", "post", "run", "televise", "release", "quote",
                           "report", "print"})
# Prepositions that tie a statement's noun to the medium it was given to ("an interview with CNN").
MEDIUM_PREPS = frozenset({"with", "to", "on", "by"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def origin_of(cue: Token) -> tuple[Token, Token] | None:
    """(origin noun, the phrase's head) a cue's report names as its source: "citing a source",
    "quoting officials", "with reference to a source" ("referring to X" is talking about X).
    The phrase may hang on the cue or, by a common misparse, on its content's verb."""
    content_verbs = [c for c in cue.children if c.dep_ == "ccomp"]
    for mod in [*cue.children, *(c for v in content_verbs for c in v.children)]:
        if mod.pos_ == "VERB" and mod.tag_ == "VBG" and _lemma(mod) in CITING_VERBS:
            obj = next((c for c in mod.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, mod
        if mod.dep_ == "prep" and mod.lower_ == "with" and (ref := _pobj(mod)) is not None and _lemma(ref) == "reference":
            to = next((c for c in ref.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is not None and (obj := _pobj(to)) is not None:
                return obj, mod
    return None


def carriers_of(cue: Token, is_medium: Callable[[Token], bool]) -> list[Token]:
    """Media a statement reached the outlet through, named after the cue: "said in comments
    carried by TASS", "in an interview with CNN", "in an interview broadcast by CNN". A medium
    tied by "with"/"to"/"on" must be one (``is_medium``); "carried by X" makes X one."""
    found: list[Token] = []
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}):
        noun = _pobj(prep)
        if noun is None or _lemma(noun) not in CARRIER_NOUNS and noun.lower_ not in CARRIER_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ == "acl" and _lemma(child) in CARRIER_VERBS:
                by = next((c for c in child.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "on", "in"}), None)
                if by is not None and (medium := _pobj(by)) is not None and (by.lower_ == "by" or is_medium(medium)):
                    found.append(medium)
            elif child.dep_ == "prep" and child.lower_ in MEDIUM_PREPS and (medium := _pobj(child)) is not None \
                    and is_medium(medium):
                found.append(medium)
    return found


def phrase_chars(head: Token) -> tuple[int, int]:
    """The characters of a phrase with the comma that closes it ("citing a source, ")."""
    doc = head.doc
    end_tok = head.right_edge
    if end_tok.i + 1 < len(doc) and doc[end_tok.i + 1].text == ",":
        end_tok = doc[end_tok.i + 1]
    return head.left_edge.idx, end_tok.idx + len(end_tok.text)


def without(ranges: list[tuple[int, int]], cut: tuple[int, int]) -> list[tuple[int, int]]:
    """Character ranges with ``cut`` taken out (a range it splits becomes two)."""
    out = []
    for a, b in ranges:
        if cut[1] <= a or b <= cut[0]:
            out.append((a, b))
            continue
        out += [(x, y) for x, y in ((a, cut[0]), (cut[1], b)) if y > x]
    return out
