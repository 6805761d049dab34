"""Which of a document's resolved places an event happened at, and the sentence units events are read from."""

from __future__ import annotations

from crosswire.nlp.text import text_of

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from crosswire.records import Place

PLACE_PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 3, "continent": 4}
# Dependency roles in which a toponym is a party (metonymy), not where something happened.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "appos"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Heads that make a party phrase a location ("the town of X", "Kandahar city").
LOCATION_NOUNS = frozenset({"town", "city", "village", "area", "district", "region", "province", "county",
                            "neighbourhood", "neighborhood", "outskirts", "suburb", "locality", "territory"})
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "appos", "attr", "dative"})
# A dateline place must start within this many characters of the document start.
DATELINE_MAX_OFFSET = 3


def places_for(place_toks: Sequence[Token], parties: Sequence[Token | None], sent: Span, places: Sequence[Place]) -> list[Place]:
    """Places in the sentence, trigger-attached first, without those that say who a party is."""
    inside = [p for p in places if p.start is not None and sent.start_char <= p.start < sent.end_char]
    attached_chars = set()
    for tok in place_toks:
        for t in tok.subtree:
            attached_chars.update(range(t.idx, t.idx + len(t.text)))
    who_chars = set()  # "Russia's ambassador", "Nigerian soldiers": a place naming the party
    for head in parties:
        if head is None or head.ent_type_ in PLACE_ENTS or head.lemma_.lower() in LOCATION_NOUNS:
            continue  # "seized Goma", "overran Kandahar city": the object is a place
        for child in head.lefts:
            for t in child.subtree:
                who_chars.update(range(t.idx, t.idx + len(t.text)))
    doc = sent.doc
    kept = []
    for p in inside:
        if p.start in attached_chars:
            if p.start not in who_chars:
                kept.append(p)
            continue
        tok = doc.char_span(p.start, p.end or p.start, alignment_mode="expand")
        if p.start in who_chars or (tok is not None and tok.root.dep_ in PARTY_DEPS):
            continue  # "Russia says ...", "the US, NATO and ...": a place acting as a party
        kept.append(p)
    if not kept:  # "forces entered Manbij after the withdrawal": the sentence's one scene
        kept = [p for p in inside if p.start not in who_chars and (
            (tok := doc.char_span(p.start, p.end or p.start, alignment_mode="expand")) is None
            or tok.root.dep_ not in SUBJECT_DEPS)]
    return sorted(kept, key=lambda p: (p.start not in attached_chars, PLACE_PRECISION_RANK.get(p.precision, 5), p.start))


def fallback_places(sent: Span, prev: Span | None, places: Sequence[Place], doc: Doc) -> list[Place]:
    """The previous sentence's places in the same paragraph, else a dateline place."""
    if prev is not None and "\n" not in text_of(doc)[prev.end_char:sent.start_char]:
        found = [p for p in places if p.start is not None and prev.start_char <= p.start < prev.end_char]
        if found:
            return sorted(found, key=lambda p: (PLACE_PRECISION_RANK.get(p.precision, 5), p.start))[:1]
    head = [p for p in places if p.start is not None and p.start <= DATELINE_MAX_OFFSET]
    if head and text_of(doc)[head[0].end:head[0].end + 40].lstrip()[:1] in {"(", "-", "\u2014", "\u2013", ","}:
        return head[:1]
    return []


def segments(doc: Doc) -> list[Span]:
    """Sentences split at line breaks: the small model runs a heading into the next paragraph
    ("NATO CONCERNS\n\nNATO said ...") and a quote into the following attribution."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start:tok.i])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [s for s in out if s.text.strip()]


def is_heading(sent: Span) -> bool:
    letters = [c for c in sent.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(sent.text.split()) <= 12
