"""Which of a document's resolved places an event happened at, and the sentence units events are read from."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.extract.events.modality import SPEECH_VERBS, is_content
from crosswire.extract.events.place_roles import (
    is_reference_point, is_residence, names_a_kind, names_a_side, names_an_institution,
)
from crosswire.extract.events.ontology import load_ontology
from crosswire.extract.events.triggers import lemma_candidates
from crosswire.clean.stated_dates import date_line, url_of_line
from crosswire.extract.dates import DAY_OR_MONTH_NAME
from crosswire.extract.places.rules import haversine_km
from crosswire.records import Place

PLACE_PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 3, "continent": 4}
# Dependency roles in which a toponym is a party (metonymy), not where something happened.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "appos"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Heads that make a party phrase a location ("the town of X", "Kandahar city").
LOCATION_NOUNS = frozenset({"town", "city", "village", "area", "district", "region", "province", "county",
                            "neighbourhood", "neighborhood", "outskirts", "suburb", "locality", "territory"})
# Sites that are held and taken like towns ("fighters seized the airport", "overran the checkpoint").
STRONGHOLDS = frozenset({"base", "camp", "position", "airport", "airbase", "airfield", "checkpoint", "crossing",
                         "outpost", "garrison", "barrack", "barracks", "headquarters", "dam", "bridge", "port",
                         "oilfield", "refinery", "hill", "hilltop", "stronghold", "compound", "prison", "palace"})
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "appos", "attr", "dative"})
# Actors that are the speaker of the statement reporting their act ("they had seized power").
SELF_PRONOUNS = frozenset({"they", "we", "i", "he", "she", "it"})
# A dateline place must start within this many characters of the document start.
DATELINE_MAX_OFFSET = 3
# The report's main town is named in its first sentences (headline, lede), or this often.
LEDE_SENTENCES = 3
MAIN_PLACE_MIN_NAMED = 3
RECENT_DAYS = 7  # an event dated this long before publication is the report's news
_MAIN_PLACE_KEY = "crosswire.main_place"  # Doc.user_data cache, like nlp/text.py's
_HEADLINE_KEY = "crosswire.headline"
_SEGMENTS_KEY = "crosswire.segments"
LOOKBACK_SENTENCES = 4  # sentences looked back over in a text of short paragraphs
MIN_LINES_TO_TELL, SHORT_PARAGRAPH, SHORT_SHARE = 5, 2, 0.8
CARRIED_PRECISIONS = frozenset({"point", "admin2"})  # a town or district carries over a line break; a country is often a party
NEAR_KM = 25.0  # towns this close are one area for the report's main place (ACLED's own radius)
# A town's name ends where no capitalised word continues it: "Los Angeles County Sheriff's"
# names no Los Angeles, "in Athens Monday" does.
_NAME_ENDS = rf"(?![\w-]|\s+(?!{DAY_OR_MONTH_NAME}\b)[A-Z][a-z])"


def _about_a_party(clause: Token) -> bool:
    """Whether a clause is background about a party: a relative clause set off by a comma
    ("France, which leads a mission carrying out raids, ..."), not about a place
    ("Idlib, where jets struck") or an event ("the attacks, which did not target IS"). A
    restrictive clause ("shot demonstrators who were blocking a bridge in X") or a bare
    participle ("students protesting quotas stormed ...") tells what the party was doing
    there, and shares the sentence's places."""
    head = clause.head
    if clause.dep_ != "relcl" or clause.pos_ not in {"VERB", "AUX"} or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    start = clause.left_edge.i
    if start == 0 or clause.doc[start - 1].text not in {",", "(", "\u2014", "\u2013"}:
        return False
    if any(c.lower_ == "where" for c in clause.children) or head.lemma_.lower() in LOCATION_NOUNS:
        return False
    if head.ent_type_ in PLACE_ENTS and head.dep_ not in SUBJECT_DEPS:
        return False
    ontology = load_ontology()
    return not any(ontology.single(w, "noun") for w in lemma_candidates(head)[:2])


def _out_of_scope(trigger: Token | None, actor: Token | None) -> set[int]:
    """Character offsets of the sentence that cannot be where the trigger's event happened.

    An event in a relative clause about a party ("The US, which leads a coalition carrying
    out strikes in Syria, agrees with Russia") is background: it happened within that clause,
    never in the main clause's places, nor the main clause's event in its places.

    An event a speech verb reports did not happen where the words were said: the speech
    verb's own circumstances ("said during a visit to the United States", "told reporters in
    Moscow", "Speaking in Ankara, he said") are the statement's, and they locate only the
    speaker's own acts ("announced in Idlib that they had merged").
    """
    if trigger is None:
        return set()
    out: set[int] = set()

    def drop(tok: Token) -> None:
        for t in tok.subtree:
            out.update(range(t.idx, t.idx + len(t.text)))

    clause = next((a for a in [trigger, *trigger.ancestors] if _about_a_party(a)), None)
    if clause is not None:
        inside = {t.i for t in clause.subtree}
        for t in clause.sent:
            if t.i not in inside:
                out.update(range(t.idx, t.idx + len(t.text)))
    for t in trigger.sent:  # and the main clause's event is not where the background happened
        if t is not clause and _about_a_party(t) and trigger not in t.subtree:
            drop(t)
    below = trigger
    for anc in trigger.ancestors:
        if anc.lemma_ in SPEECH_VERBS and anc.pos_ in {"VERB", "AUX"} and is_content(below):
            speaker = next((c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if actor is not None and (actor.lower_ in SELF_PRONOUNS or (speaker is not None and actor.lemma_ == speaker.lemma_)):
                break  # "announced in Niamey that they had seized power": the speaker was there
            for c in anc.children:
                if c is not below and (c.dep_ == "advcl" and (not is_content(c) or c.i < anc.i and c.tag_ == "VBG")
                                       or c.dep_ in {"prep", "npadvmod"} and c.i > anc.i):
                    drop(c)
        below = anc  # a statement quoted in another: each has its own circumstances
    return out


def _names_a_party(tok: Span | None) -> bool:
    """A toponym in a role that names who acts: subject, possessor ("Russia says"); a side named
    as leading or backing ("US-led") never reaches here (:func:`names_a_side`)."""
    return tok is not None and tok.root.dep_ in PARTY_DEPS


def places_for(place_toks: Sequence[Token], parties: Sequence[Token | None], sent: Span, places: Sequence[Place],
               trigger: Token | None = None) -> list[Place]:
    """Places in the sentence, trigger-attached first, without those that say who a party is
    or lie outside the trigger's reach (``_out_of_scope``)."""
    away = _out_of_scope(trigger, parties[0] if parties else None)
    doc = sent.doc
    here = [p for p in places if p.start is not None and sent.start_char <= p.start < sent.end_char and p.start not in away]
    span_of = {(p.start, p.end): doc.char_span(p.start, p.end or p.start, alignment_mode="expand") for p in here}
    inside = [p for p in here if not is_residence(p, doc) and not names_a_side(p, span_of[p.start, p.end])
              and not files_the_copy(p, text_of(doc))
              and not names_an_institution(span_of[p.start, p.end]) and not is_reference_point(p, doc)
              and not names_a_kind(span_of[p.start, p.end])]
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
    kept = []
    for p in inside:
        if p.start in attached_chars:
            if p.start not in who_chars:
                kept.append(p)
            continue
        if p.start in who_chars or _names_a_party(span_of[p.start, p.end]):
            continue  # "Russia says ...", "the US, NATO and ...", "US-led": a place acting as a party
        kept.append(p)
    if not kept:  # "forces entered Manbij after the withdrawal": the sentence's one scene
        kept = [p for p in inside if p.start not in who_chars and (
            (tok := span_of[p.start, p.end]) is None or tok.root.dep_ not in SUBJECT_DEPS)]
    return sorted(kept, key=lambda p: (p.start not in attached_chars, PLACE_PRECISION_RANK.get(p.precision, 5), p.start))


def fallback_places(sent: Span, prev: Span | None, places: Sequence[Place], doc: Doc, *,
                    happened: bool = False) -> list[Place]:
    """The places of the sentences just before, else a dateline place, else (for an event told
    as having happened) the report's main place (:func:`main_place`), else where the people the
    sentence names live (:func:`is_residence`).

    The sentences before are the previous one in the same paragraph or, in a text of short
    paragraphs (agency copy, tokenised corpora), up to
    ``LOOKBACK_SENTENCES`` previous sentences, passing over heading-like lines without taking their
    places: there a line break says nothing about a change of scene.
    """
    for earlier in _earlier_sentences(sent, prev, doc, happened):
        found = [p for p in places if p.start is not None and earlier.start_char <= p.start < earlier.end_char]
        if earlier is not prev or "\n" in text_of(doc)[prev.end_char:sent.start_char]:
            found = [p for p in found if p.precision in CARRIED_PRECISIONS and not _names_a_doer(p, doc)
                     and not _opens_a_dateline(p, text_of(doc))]  # where the copy was filed
        found = [p for p in found if not is_residence(p, doc)]
        if found:
            return sorted(found, key=lambda p: (PLACE_PRECISION_RANK.get(p.precision, 5), p.start))[:1]
    head = [p for p in places if p.start is not None and p.start <= DATELINE_MAX_OFFSET]
    if head and _dateline_mark_after(text_of(doc), head[0].end or 0):
        return head[:1]
    main = _cached_main_place(places, doc) if happened else None
    if main is not None:
        return [main]
    # Where the people it names live, when nothing else says where it happened.
    homes = [p for p in places if p.start is not None and sent.start_char <= p.start < sent.end_char
             and p.precision in CARRIED_PRECISIONS and is_residence(p, doc)]
    return homes[:1]


def _names_a_doer(place: Place, doc: Doc) -> bool:
    """Whether a place is a party where it is named ("Since Moscow launched air strikes")."""
    span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS


def _dateline_mark_after(text: str, end: int) -> bool:
    """Whether what follows a place name marks a dateline: a comma, a bracket or a dash."""
    return text[end:end + 40].lstrip()[:1] in {"(", "-", "\u2014", "\u2013", ","}


# What ends a dateline that opens a line ("Kabul: At least 16 ...", "BEIRUT — ...", "LAGOS
# (Reuters) - ..."), as opposed to a place that opens a sentence as its subject ("Kabul, the
# capital, was ..."): a colon or a dash, after an optional agency in brackets.
_FILED_MARK = re.compile(r"\s*(?:\([A-Z][^()\n]{0,40}\)\s*)?(?::|--?|[\u2014\u2013])\s")


def files_the_copy(place: Place, text: str) -> bool:
    """Whether a place in a sentence is the dateline it opens with (where the copy was filed),
    not where the sentence's event happened."""
    return _opens_its_line(place, text) and _FILED_MARK.match(text, place.end or place.start or 0) is not None


def _opens_a_dateline(place: Place, text: str) -> bool:
    """Whether a place opens its line as a dateline does ("MOSCOW, Oct. 6 (Xinhua) --")."""
    return _opens_its_line(place, text) and _dateline_mark_after(text, place.end or 0)


def _opens_its_line(place: Place, text: str) -> bool:
    start = place.start or 0
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def _earlier_sentences(sent: Span, prev: Span | None, doc: Doc, happened: bool) -> list[Span]:
    """The sentences whose places carry over to ``sent``, nearest first: beyond its paragraph,
    only to an event told as having happened (a statement or a plan keeps to its own words)."""
    if prev is None:
        return []
    bounds, short = _segment_layout(doc)
    if not happened or not short:
        return [prev] if "\n" not in text_of(doc)[prev.end_char:sent.start_char] else []
    out: list[Span] = []
    for a, b in reversed(bounds):
        if len(out) == LOOKBACK_SENTENCES:
            break
        line = doc[a:b]
        if line.end_char <= sent.start_char and not _is_heading_line(line.text):
            out.append(line)
    return out


def _is_heading_line(line: str) -> bool:
    """A title or an inserted link line ("Group: Ambush attacks on officers increase"): no end stop."""
    return not line.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019", ")", ":"))


def _segment_layout(doc: Doc) -> tuple[list[tuple[int, int]], bool]:
    """The token bounds of the document's sentences (:func:`segments`) and whether nearly all of
    its lines hold one or two of them (and there are enough to tell): agency copy, where a
    paragraph break says little about a change of scene. Worked out once per document (token
    bounds, not Spans: user_data may be serialised with the Doc)."""
    cached = doc.user_data.get(_SEGMENTS_KEY)
    if cached is None:
        text = text_of(doc)
        sentences = segments(doc)
        breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        per_line = Counter(bisect_left(breaks, s.start_char) for s in sentences)
        short = len(per_line) >= MIN_LINES_TO_TELL and \
            sum(n <= SHORT_PARAGRAPH for n in per_line.values()) >= SHORT_SHARE * len(per_line)
        cached = doc.user_data[_SEGMENTS_KEY] = ([(s.start, s.end) for s in sentences], short)
    bounds, short = cached
    return [tuple(b) for b in bounds], short


def _cached_main_place(places: Sequence[Place], doc: Doc) -> Place | None:
    """:func:`main_place`, worked out once per document and its places (every unplaced event asks)."""
    signature = (doc.user_data.get(_HEADLINE_KEY), tuple((p.start, p.geonames_id) for p in places))
    cached = doc.user_data.get(_MAIN_PLACE_KEY)
    if cached is None or cached[0] != signature:
        cached = doc.user_data[_MAIN_PLACE_KEY] = (signature, main_place(places, doc))
    return cached[1]


def is_recent(day: str | None, published: str | None) -> bool:
    """Whether an event is the report's news rather than background: undated, or dated within
    ``RECENT_DAYS`` of publication ("In February, a woman opened fire at the University of
    Alabama" in a September report is another place's story, never put at the report's town)."""
    if not day or not published:
        return True
    try:
        gap = (date.fromisoformat(published[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return True
    return -1 <= gap <= RECENT_DAYS


def set_headline(doc: Doc, headline: str | None) -> None:
    """Keep a document's headline with its parse: a page's headline is stored apart from its text,
    and names the town the report is about as often as its lede does."""
    doc.user_data[_HEADLINE_KEY] = headline or ""


def main_place(places: Sequence[Place], doc: Doc) -> Place | None:
    """The town a report is about, where an ACLED coder puts an event the sentence does not place.

    It must lie in the area the report names most (towns within ``NEAR_KM`` count as one), be named in
    its headline (:func:`set_headline`), its first three sentences (lede) or at least
    ``MAIN_PLACE_MIN_NAMED`` times (the headline counting as one),
    and its country must hold most of the report's place names: a report about a town that
    mentions a far capital in passing keeps its town; one that moves between countries has
    none. Returned with a ``note`` so that the ACLED export gives it precision 2 (near, not
    at, the named town).
    """
    text = text_of(doc)
    # a town named only as where someone lives ("Burton, 57, of Dayton") is no report's town
    # nor one named only to say what kind of thing ("a London accent")
    points = [p for p in places if p.precision == "point" and p.start is not None and p.end
              and not is_residence(p, doc)
              and not names_a_kind(doc.char_span(p.start, p.end, alignment_mode="expand"))]
    # spaCy tags a town in some of its mentions only ("Riots shake X", "X officials"): count
    # every whole-word occurrence of the surfaces each place was found under.
    surfaces: dict[str, set[str]] = {}
    for p in points:
        surfaces.setdefault(p.geonames_id or p.name, set()).add(text[p.start:p.end])
    found = {key: sorted(m.start() for s in names for m in re.finditer(rf"(?<![\w-]){re.escape(s)}{_NAME_ENDS}", text))
             for key, names in surfaces.items()}
    # A headline naming the town is one more mention, read before the lede (offset -1).
    headline = doc.user_data.get(_HEADLINE_KEY) or ""
    for key, names in surfaces.items():
        if found[key] and any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", headline) for s in names):
            found[key].insert(0, -1)
    first = {key: next(p for p in points if (p.geonames_id or p.name) == key) for key in found if found[key]}
    # Towns within NEAR_KM are one area ("East Flatbush" in "Brooklyn"): their names add up, and
    # the area is told by its most named town, the first named of two named as often.
    areas: list[list[str]] = []
    for key in sorted(first, key=lambda k: (-len(found[k]), found[k][0])):
        area = next((a for a in areas if haversine_km(first[a[0]].lat, first[a[0]].lon,
                                                      first[key].lat, first[key].lon) <= NEAR_KM), None)
        if area is None:
            areas.append([key])
        else:
            area.append(key)
    named = sorted(((sum(len(found[k]) for k in a), a) for a in areas), key=lambda na: -na[0])[:2]
    if not named or (len(named) > 1 and named[1][0] == named[0][0]):
        return None
    top_area = named[0][1]
    key = top_area[0]
    offsets = sorted(o for k in top_area for o in found[k])
    # the lede is the first sentences of text: not a page address or a date line copied above it
    copied, at = [], 0
    for line in text.split("\n"):
        if url_of_line(line) or date_line(line):
            copied.append((at, at + len(line)))
        at += len(line) + 1
    sentences = [s for s in segments(doc) if not any(a <= s.start_char < b for a, b in copied)][:LEDE_SENTENCES]
    lede_end = sentences[-1].end_char if sentences else 0
    if len(offsets) < MAIN_PLACE_MIN_NAMED and offsets[0] >= lede_end:
        return None
    top = first[key]
    countries = Counter(p.country for p in places if p.country and p.precision not in {"continent", "region"})
    countries[top.country] += len(offsets) - sum(1 for p in points if (p.geonames_id or p.name) in top_area)
    if 2 * countries[top.country] <= sum(countries.values()):
        return None
    return replace(top, start=None, end=None, note="the report's main place")


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


# Labels that open a link to another story pasted into the page ("READ MORE: ...", "Related: ...").
_LINK_LINE = re.compile(r"^\s*(?:(?:read more|more|also read|read also|related|related story|related stories|"
                        r"see also|watch|listen|recommended|most read|trending)\s*[:|>-]|Related(?=[A-Z]))", re.I)


def is_heading(sent: Span) -> bool:
    """A heading in capitals, or a link to another story ("READ MORE: Guns seized in raid"): its
    words are no news of this report."""
    if _LINK_LINE.match(sent.text):
        return True
    letters = [c for c in sent.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(sent.text.split()) <= 12
