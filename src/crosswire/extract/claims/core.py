"""Claims read from a parsed Doc: direct quotes, reported speech and "according to" statements."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crosswire.clean.metadata import match_outlet
from crosswire.extract.entities.aliases import load_aliases
from crosswire.extract.claims.attributions import Attribution, _Finder, find_attributions
from crosswire.extract.entities.core import mentions_from_doc
from crosswire.extract.claims.speakers import _clean, affiliation, canonical_of, mention_in, np_bounds
from crosswire.nlp.text import text_of
from crosswire.records import Claim, Entity, Evidence, Mention, Speaker, short_id

__all__ = ["Attribution", "find_attributions", "find_claims"]


def find_claims(
    doc: Doc,
    *,
    doc_id: str,
    outlet: str | None,
    mentions: Sequence[Mention] = (),
    entities: Sequence[Entity] = (),
) -> list[Claim]:
    """The claims of one parsed document.

    Args:
        doc: A Doc of the document's clean text, from ``load_nlp()``.
        doc_id: The Document's id.
        outlet: The outlet that published it: the first link of every chain.
        mentions: The document's mentions with resolved ``entity`` ids.
        entities: Resolved entities, to give speakers their canonical names.

    Returns:
        Claims in text order; ``evidence.text == doc.text[start:end]`` for each.

    Example:
        >>> from crosswire.nlp.pipeline import load_nlp
        >>> [c.speaker.text for c in find_claims(load_nlp()('"We will win," Lavrov said.'),
        ...                                      doc_id="d", outlet=None)]
        ['Lavrov']
    """
    own = [m for m in mentions if m.doc == doc_id] or list(mentions) or mentions_from_doc(doc, doc_id)
    by_id = {e.id: e for e in entities}
    claims = []
    for att in _Finder(doc, own).run():
        if att.source is None:
            continue  # "X is expected to ...": an attribution with no one to export as speaker
        claim = _claim(doc, att, doc_id, outlet, own, by_id)
        if not in_web_address(claim) and not says_nothing(claim):
            claims.append(claim)
    return claims


# Words of a refusal to comment ("declined to comment", "did not respond to requests for comment").
_NO_COMMENT_WORDS = frozenset({"to", "a", "an", "the", "request", "requests", "for", "comment", "comments", "message",
                               "messages", "seeking", "call", "calls", "email", "emails", "immediate", "immediately",
                               "further", "repeated", "on", "it", "matter", "story", "this", "that", "any", "specific",
                               "specifics", "details"})


def says_nothing(claim: Claim) -> bool:
    """A refusal to comment reports no statement: two of them are neither support nor conflict."""
    words = re.findall(r"[a-z]+", claim.text.lower())
    if bool(words) and {"comment", "comments"} & set(words) and set(words) <= _NO_COMMENT_WORDS:
        return True
    refused = _REFUSED.search(claim.evidence.text) is not None
    return refused and (words[:2] == ["to", "comment"] or claim.cue.lower().startswith("comment"))


# "declined to comment on the strikes", "refused to comment": what follows is what was not said.
_REFUSED = re.compile(r"\b(?:declin\w*|refus\w*|would not|wouldn't|did not|didn't)\s+(?:immediately\s+)?to\s+comment", re.I)


# A web address ("http : / / www . example . com / 2013 / police - say - ...") or a path of
# hyphenated words: a link whose slug reads like speech is no one's statement.
_WEB_ADDRESS = re.compile(r"\bhttps?\s*:\s*/\s*/|\bwww\s*\.\s*[\w-]+\s*\.|/\s*\w+(?:\s*-\s*\w+){2,}", re.I)


def in_web_address(claim: Claim) -> bool:
    """Whether the line of the claim's sentence that holds its speaker is a web address."""
    text, start = claim.evidence.text, claim.evidence.start
    at = (claim.speaker.start - start) if claim.speaker is not None and claim.speaker.start is not None else 0
    line_start = text.rfind("\n", 0, max(at, 0)) + 1
    line_end = text.find("\n", max(at, 0))
    return _WEB_ADDRESS.search(text[line_start:line_end if line_end >= 0 else len(text)]) is not None


def _claim(doc: Doc, att: Attribution, doc_id: str, outlet: str | None, mentions: Sequence[Mention], entities: dict[str, Entity]) -> Claim:
    speaker = _speaker(doc, att, mentions, entities)
    others = _co_speakers(doc, att, mentions, entities)
    if others and speaker is not None and att.source is not None:  # "Russia and Iran said": Russia, and Iran
        a, b = _conjunct_bounds(doc[att.source[0]:att.source[1]].root)
        speaker = dataclasses.replace(speaker, text=doc[a:b].text)
    origin = (speaker.canonical or _clean(speaker.text)) if speaker else None
    links = [_relay_name(doc, r, mentions) for r in att.relays]
    chain = [x for x in [outlet, *links, origin] if x]
    chain = [x for i, x in enumerate(chain) if x not in chain[:i]]
    spans = [(doc[att.cue[0]].idx, doc[att.cue[1] - 1].idx + len(doc[att.cue[1] - 1]))] + att.content
    start = min(_sent_bounds(doc, a, b)[0] for a, b in spans)
    end = max(_sent_bounds(doc, a, b)[1] for a, b in spans)
    text = " ".join(text_of(doc)[a:b].strip().rstrip(",").strip() for a, b in att.content)
    if not att.direct:
        text = re.sub(r"^that\s+", "", text)
    text = _without_run_on(text)
    cue = doc[att.cue[0]:att.cue[1]].text
    last = cue.split()[-1].lower()
    if last in _CUE_PREPOSITIONS and text.lower().startswith(last + " "):
        text = text[len(last) + 1:]  # "warning of | of unwanted results": the cue's own preposition, once
    return Claim(
        id=short_id(doc_id, str(start), str(att.content[0][0])),
        doc=doc_id,
        speaker=speaker,
        chain=chain,
        text=text,
        direct=att.direct,
        cue=cue,
        event=None,
        evidence=Evidence(start, end, text_of(doc)[start:end]),
        first_hand=not links,
        polarity=att.polarity,
        co_speakers=others,
    )


_CUE_PREPOSITIONS = frozenset({"of", "for", "to", "about", "on", "against", "at", "with"})
# A sentence run into the next without its full stop ("strikes on eight targets They included
# depots"): a page that lost its punctuation; the statement goes on, so the stop is put back.
_RUN_ON = re.compile(r"(?<=[a-z0-9%)]) (?=(?:They|It|He|She|We|The|This|These|Those|There) [a-z])")


def _without_run_on(text: str) -> str:
    return _RUN_ON.sub(". ", text)


def _sent_bounds(doc: Doc, a: int, b: int) -> tuple[int, int]:
    first = doc.char_span(a, min(b, a + 1), alignment_mode="expand")
    last = doc.char_span(max(a, b - 1), b, alignment_mode="expand")
    start = first.sent.start_char if first is not None else a
    end = last.sent.end_char if last is not None else b
    return start, len(text_of(doc)[:end].rstrip())


MAX_DATELINE_TOKENS = 3  # "Kabul:", "Mexico City:", "NEW DELHI, India:"


def _after_dateline(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int]:
    """A speaker's tokens without the dateline they open a line with ("Kabul: The U.S. military")."""
    a, b = bounds
    colons = [t.i for t in doc[a:b] if t.text == ":" and t.i - a <= MAX_DATELINE_TOKENS]
    return (colons[-1] + 1, b) if colons and colons[-1] + 1 < b else (a, b)


def _speaker(doc: Doc, att: Attribution, mentions: Sequence[Mention], entities: dict[str, Entity]) -> Speaker | None:
    if att.source is None:
        return None
    surface = doc[slice(*_after_dateline(doc, att.source))]
    if att.referent is None:
        return Speaker(text=surface.text)
    ref = doc[slice(*_after_dateline(doc, att.referent))]
    m = mention_in(mentions, ref.start_char, ref.end_char, at=ref.root.idx)
    canonical, entity = canonical_of(m, entities)
    if canonical is None and att.referent != att.source:
        canonical = _clean(ref.text)
    aff = affiliation(doc, ref.start, ref.end, mentions) or _affiliation_elsewhere(doc, m, mentions)
    start, end = (m.start, m.end) if m else (ref.start_char, ref.end_char)
    return Speaker(text=surface.text, canonical=canonical, entity=entity, affiliation=aff, start=start, end=end)


def _co_speakers(doc: Doc, att: Attribution, mentions: Sequence[Mention], entities: dict[str, Entity]) -> list[Speaker]:
    """Those named with the speaker in one coordination: "The US, NATO and the Syrian
    opposition said" is said by all three, not by the US alone."""
    if att.source is None or att.referent != att.source:
        return []  # a pronoun's antecedent is one name; "they" is not split
    root = doc[att.source[0]:att.source[1]].root
    out = []
    for conj in root.conjuncts:
        if conj.pos_ not in {"PROPN", "NOUN"} or conj.i < att.source[0]:
            continue
        a, b = _conjunct_bounds(conj)
        span = doc[a:b]
        m = mention_in(mentions, span.start_char, span.end_char, at=conj.idx)
        canonical, entity = canonical_of(m, entities)
        start, end = (m.start, m.end) if m else (span.start_char, span.end_char)
        aff = affiliation(doc, a, b, mentions)
        out.append(Speaker(text=span.text, canonical=canonical, entity=entity, affiliation=aff, start=start, end=end))
    return out


def _conjunct_bounds(conj: Token) -> tuple[int, int]:
    """One conjunct's own words: "the Syrian opposition" of "NATO and the Syrian opposition"."""
    a, b = np_bounds(conj)
    stop = next((c.i for c in conj.rights if c.dep_ in {"cc", "conj", "punct", "appos", "relcl"}), b)
    return a, min(b, stop)


def _affiliation_elsewhere(doc: Doc, m: Mention | None, mentions: Sequence[Mention]) -> str | None:
    """Affiliation from another mention of the same person ("Lavrov" -> "Russian Foreign Minister Sergey Lavrov")."""
    if m is None:
        return None
    last = m.text.split()[-1]
    for other in mentions:
        same = (m.entity and other.entity == m.entity) or other.text.split()[-1] == last
        if other is m or not same or other.type != m.type:
            continue
        span = doc.char_span(other.start, other.end, alignment_mode="expand")
        if span is None:
            continue
        a, b = np_bounds(span.root)
        aff = affiliation(doc, a, b, mentions)
        if aff:
            return aff
    return None


def _relay_name(doc: Doc, span: tuple[int, int], mentions: Sequence[Mention]) -> str:
    words = doc[span[0]:span[1]]
    m = mention_in(mentions, words.start_char, words.end_char, prefer="ORG")
    for name in ([m.text] if m else []) + [words.text]:
        outlet = match_outlet(name)
        if outlet:
            return outlet
        entry = load_aliases().lookup(name)
        if entry is not None:
            return entry.canonical
    return m.text if m else _clean(words.text)
