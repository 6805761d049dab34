"""Claims read from a parsed Doc: direct quotes, reported speech and "according to" statements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from crosswire.clean.metadata import match_outlet
from crosswire.extract.aliases import load_aliases
from crosswire.extract.entities import mentions_from_doc
from crosswire.extract.quotes import Cue, QuoteSpan, cue_tokens, load_cues, paragraphs, quotes_from_doc
from crosswire.extract.speakers import (
    Referent,
    _clean,
    affiliation,
    canonical_of,
    mention_in,
    needs_resolution,
    np_bounds,
    referent,
    resolve,
)
from crosswire.records import Claim, Entity, Evidence, Mention, Speaker, short_id

# Most words of text allowed between a cue and a quote it introduces ("said on Tuesday:").
# Set by hand: covers "said in a statement on Wednesday," (6 words) without reaching a
# quote that belongs to a second clause.
MAX_GAP_WORDS = 6
# A quoted phrase of at most this many words, every one capitalised, is a title ("War and
# Peace"), not speech.
MAX_TITLE_WORDS = 8
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"})
# Content words that deny what they qualify ("rumours ... were groundless").
NEGATIVE_WORDS = re.compile(r"\b(groundless|baseless|unfounded|untrue|not true|false|fabricat\w*|lies)\b", re.I)
# A quote right after these words is the object of a phrase, not what the speaker said.
GAP_STOP_WORDS = frozenset({"of", "about", "for", "as", "to", "like", "with", "called", "dubbed", "on", "in", "the", "a", "an"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Parts of speech a name (with a parenthesis) is made of, and how long it can be, when a
# broken parse leaves "X (the upper house) Chairperson Y said" in pieces.
NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PUNCT", "ADP"})
MAX_NAME_TOKENS = 12
COMPLEMENT_DEPS = ("ccomp", "xcomp")
# Cues whose direct object is the content ("denied the charges") or the origin ("quoted X").
OBJECT_CONTENT_LEMMAS = frozenset({"deny", "dismiss", "reject", "refute"})
RELAY_LEMMAS = frozenset({"quote", "cite"})
# Heads of an object that is a person or organisation being quoted ("quoted a source as saying").
SOURCE_WORDS = frozenset({"source", "official", "officials", "sources", "spokesman", "spokeswoman", "spokesperson",
                          "diplomat", "aide", "witness", "resident", "agency", "ministry", "minister", "report", "media"})
# "according to a statement from X": the statement is the channel, X the source.
DOCUMENT_WORDS = frozenset({"statement", "report", "communique", "announcement", "post", "tweet", "release", "interview"})
WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Attribution:
    """One attribution in a Doc: token spans for source and cue, character ranges for content."""

    cue: tuple[int, int]
    lexeme: Cue
    source: tuple[int, int] | None  # the words naming the speaker where the claim is
    phrase: tuple[int, int] | None  # the whole source phrase, appositions included (what PolNeAR marks)
    referent: tuple[int, int] | None  # what they refer to (a pronoun's antecedent)
    content: list[tuple[int, int]]
    direct: bool
    relays: list[tuple[int, int]] = field(default_factory=list)  # intermediaries, outlet side first
    polarity: str = "positive"


def _gap_ok(text: str, *, allow_words: int) -> bool:
    """Whether ``text`` between a cue and a quote is short, on one line and has no full stop."""
    if "\n" in text or "." in text.replace("U.S.", "") or "?" in text or "!" in text:
        return False
    words = [w.lower() for w in WORD.findall(text)]
    if words and words[-1] in GAP_STOP_WORDS:
        return False  # "warning of “unwanted results”": the quote is a phrase, not speech
    return len(words) <= allow_words


def _is_title(text: str) -> bool:
    words = WORD.findall(text)
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return 0 < len(words) <= MAX_TITLE_WORDS and all(w[0].isupper() for w in big) and not text.rstrip().endswith((",", "."))


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters of tokens ``[start, end)`` without punctuation at either edge."""
    while start < end and doc[start].is_punct and doc[start].text not in "“\"‘":
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”\"’":
        end -= 1
    if start >= end:
        return doc[start].idx, doc[start].idx
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _subjects(tok: Token, cues: frozenset[str], depth: int = 0) -> list[Token]:
    """The subject(s) of cue ``tok``; a participle ("..., saying") borrows its clause's subject."""
    all_subs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    subs = [c for c in all_subs if not (c.lower_ in {"it", "there"} and (c.dep_ == "nsubjpass" or c.lower_ == "there"))]
    if subs or all_subs:
        return subs  # "it was reported": no speaker
    head = tok.head
    if depth >= 2 or tok.dep_ not in {"advcl", "conj", "xcomp", "pcomp"} or head.i == tok.i:
        return []
    if head.lemma_.lower() in cues or head.dep_ == "ROOT":
        return _subjects(head, cues, depth + 1)
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in cues:
        return _subjects(head.head, cues, depth + 1)  # "X added that A is B, stressing ..."
    return []


class _Finder:
    """Builds the attributions of one Doc, in text order."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.quotes = [q for q in quotes_from_doc(doc) if q.end > q.start]
        self.sent_of = {}
        self.sents = list(doc.sents)
        for n, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = n
        self.refs: list[Referent] = []  # subjects of main clauses and speakers: what pronouns prefer
        self.other_refs: list[Referent] = []  # subjects of embedded clauses
        for tok in doc:
            if tok.dep_ in SUBJECT_DEPS and tok.lower_ not in {"he", "she", "they", "it", "who", "which", "that", "we", "i", "you"}:
                a, b = np_bounds(tok)
                main = tok.head.dep_ == "ROOT" or tok.head.lemma_.lower() in load_cues().verbs
                (self.refs if main else self.other_refs).append(referent(doc, a, b, tok.i, mentions, self.sent_of[tok.i]))
        self.named: list[Referent] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.type in {"PERSON", "ORG"}:
                self.named.append(referent(doc, span.start, span.end, span.root.i, mentions, self.sent_of[span.root.i]))
        self.cue_lemmas = frozenset(load_cues().verbs)
        self.paras = list(paragraphs(doc.text))
        self.used: set[int] = set()  # quote open marks already used as content
        self.relays_of: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def cues(self) -> list[tuple[int, int, Cue]]:
        lexicon = load_cues()
        if "cues" in self.doc.spans:
            out = []
            for s in self.doc.spans["cues"]:
                cue = lexicon.verbs.get(s.kb_id_) or lexicon.phrases.get(tuple(s.kb_id_.split()))
                if cue is not None:
                    out.append((s.start, s.end, cue))
            return out
        return cue_tokens(self.doc, lexicon, self.quotes)

    def run(self) -> list[Attribution]:
        found = []
        for start, end, cue in self.cues():
            att = self._according(start, end, cue) if cue.kind == "phrase" else self._verb(start, end, cue)
            if att is not None:
                found.append(att)
                if att.referent is not None:
                    a, b = att.referent
                    head = self.doc[a:b].root.i
                    self.refs.append(referent(self.doc, a, b, head, self.mentions, self.sent_of[head]))
                    self.relays_of[att.referent] = att.relays
        found.extend(self._continuations(found))
        return found

    # -- content ---------------------------------------------------------------------------

    def _adjacent(self, core: tuple[int, int], cue: Cue) -> list[QuoteSpan]:
        text = self.doc.text
        before = [q for q in self.quotes if q.close_mark is not None and q.close_mark < core[0]]
        after = [q for q in self.quotes if q.open_mark >= core[1]]
        out = []
        if before and _gap_ok(text[before[-1].close_mark + 1:core[0]], allow_words=0):
            out.append(before[-1])
        if after and _gap_ok(text[core[1]:after[0].open_mark], allow_words=MAX_GAP_WORDS):
            out.append(after[0])
        return [q for q in out if q.open_mark not in self.used and not _is_title(text[q.start:q.end])]

    def _para(self, char: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.paras if a <= char <= b), (0, len(self.doc.text)))

    def _clip(self, rng: tuple[int, int], para: tuple[int, int]) -> tuple[int, int]:
        """A range cut to one paragraph: the parser fuses a heading or a quote paragraph into a sentence."""
        a, b = max(rng[0], para[0]), min(rng[1], para[1])
        text = self.doc.text
        while a < b and not (text[a].isalnum() or text[a] in "“\"‘"):
            a += 1
        return a, len(text[:b].rstrip(" ,;:\u2014-")) if b > a else a

    def _clause(self, tok: Token) -> tuple[int, int] | None:
        para = self._para(tok.idx)
        takes_object = tok.lemma_.lower() in OBJECT_CONTENT_LEMMAS or (
            tok.lemma_.lower() == "cite" and not any(c.dep_ == "dobj" and self._is_source_like(c) for c in tok.children)
        )
        deps = COMPLEMENT_DEPS + (("dobj",) if takes_object else ())
        comps = [c for c in tok.children if c.dep_ in deps and para[0] <= c.idx < para[1]]
        if comps:
            a = min(c.left_edge.i for c in comps)
            b = max(c.right_edge.i for c in comps) + 1
            return self._clip(_char_range(self.doc, a, b), para)
        has_object = any(c.dep_ in {"dobj", "dative"} for c in tok.children)
        if tok.dep_ in {"parataxis", "ccomp"} and not has_object and tok.head.pos_ in {"VERB", "AUX"}:
            head = tok.head  # "Y, he said, Z": the content is the head clause around the cue
            first, last = tok.left_edge.i, tok.right_edge.i
            if first > 0 and self.doc[first - 1].text in {",", "\u2014"}:
                left = [t.i for t in head.subtree if t.i < first - 1]
                if left:
                    return self._clip(_char_range(self.doc, min(left), max(left) + 1), para)
            if last + 1 < len(self.doc) and self.doc[last + 1].text == ",":
                right = [t.i for t in head.subtree if t.i > last + 1]
                if right:
                    return self._clip(_char_range(self.doc, min(right), max(right) + 1), para)
        return self._before_comma(tok, para)

    def _before_comma(self, tok: Token, para: tuple[int, int]) -> tuple[int, int] | None:
        """ "Russia has no agenda in Syria, Chairperson X said": the parser split it in two."""
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in tok.children):
            return None
        i = subjects[0].left_edge.i - 1
        steps = 0
        # Walk back over the rest of a long name ("Federation Council (the upper house) ...").
        while i > 0 and self.doc[i].text != "," and steps < MAX_NAME_TOKENS and self.doc[i].pos_ in NAME_POS:
            i -= 1
            steps += 1
        if i <= 0 or self.doc[i].text != "," or self.doc[i].idx < para[0]:
            return None
        text = self.doc.text
        end = self.doc[i].idx
        stop = text.rfind(". ", para[0], end)
        start = stop + 2 if stop >= 0 else para[0]
        return self._clip((start, end), para) if len(WORD.findall(text[start:end])) >= 3 else None

    def _content(self, tok: Token, core: tuple[int, int], cue: Cue) -> tuple[list[tuple[int, int]], bool] | None:
        quotes = self._adjacent(core, cue) if cue.applies != "indirect" else []
        clause = self._clause(tok)
        if tok.lemma_.lower() == "cite" and clause is None and tok.head.i != tok.i and tok.head.lemma_.lower() in self.cue_lemmas:
            clause = self._clause(tok.head)
        if quotes:
            spans = [(q.start, q.end) for q in quotes]
            touching = clause is not None and any(a < clause[1] and clause[0] < b for a, b in spans)
            if clause is None or not touching or not self._outside(clause, spans + [core]):
                for q in quotes:
                    self.used.add(q.open_mark)
                return spans, True
            if any(a < clause[1] and clause[0] < b for a, b in spans):
                lo = min([clause[0]] + [q.open_mark for q in quotes if q.start < clause[1] and clause[0] < q.end])
                hi = max([clause[1]] + [q.close_mark + 1 for q in quotes if q.close_mark and q.start < clause[1] and clause[0] < q.end])
                return [(lo, hi)], False
        if clause is None or clause[1] <= clause[0]:
            return None
        inner = [q for q in self.quotes if q.start <= clause[0] and clause[1] <= q.end]
        if inner:
            self.used.add(inner[0].open_mark)
            return [clause], True
        return [clause], False

    def _outside(self, clause: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        """Whether the clause has words outside the quotes (beyond "that")."""
        text = self.doc.text
        for m in WORD.finditer(text, clause[0], clause[1]):
            if m.group().lower() == "that" or any(a <= m.start() < b for a, b in spans):
                continue
            return True
        return False

    # -- cues ------------------------------------------------------------------------------

    def _verb(self, start: int, end: int, cue: Cue) -> Attribution | None:
        doc = self.doc
        tok = doc[start]
        lemma = tok.lemma_.lower()
        if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in RELAY_LEMMAS:
            return None  # "quoted X as saying": the "quoted" cue carries it
        if tok.dep_ in {"amod", "compound"}:
            return None
        relays: list[tuple[int, int]] = []
        subjects = _subjects(tok, self.cue_lemmas)
        objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        if lemma in RELAY_LEMMAS and objects and self._is_source_like(objects[0]):
            relays = [self._np(subjects, tok)] if subjects else []
            source = np_bounds(objects[0])
        elif subjects:
            source = self._np(subjects, tok)
        else:
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not agent:
                return None
            source = np_bounds(agent[0])
        if lemma == "tell" and objects and self._is_media(np_bounds(objects[0])):
            relays.append(np_bounds(objects[0]))
        core = (min(doc[source[0]].idx, doc[start].idx), doc[max(source[1], end) - 1].idx + len(doc[max(source[1], end) - 1]))
        if source[0] > end or source[1] < start:  # subject far from the cue: the quote hugs the cue
            core = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if source[0] > end else (doc[source[0]].idx, core[1])
        got = self._content(tok, core, cue)
        if got is None:
            got = self._previous_quote(tok)
        if got is None:
            return None
        content, direct = got
        if any(a <= doc[start].idx < b for a, b in content):
            return None  # the cue sits inside its own content: a parse tangle, not an attribution
        referent_span = self._resolve(source)
        relays = relays or self.relays_of.get(referent_span or (-1, -1), [])
        polarity = "negative" if cue.polarity == "negative" or self._negated(content) else "positive"
        return Attribution((start, end), cue, source, self._phrase(source), referent_span, content, direct, relays, polarity)

    def _according(self, start: int, end: int, cue: Cue) -> Attribution | None:
        doc = self.doc
        to = doc[end - 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        obj = objs[0]
        if obj.lemma_.lower() in DOCUMENT_WORDS:  # "according to a statement from Assad's office"
            inner = [g for c in obj.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"} for g in c.children if g.dep_ == "pobj"]
            obj = inner[0] if inner else obj
        source = np_bounds(obj)
        head = doc[start].head
        while head.dep_ not in {"ROOT", "ccomp", "conj", "advcl"} and head.head.i != head.i:
            head = head.head
        skip = set(range(start, objs[0].right_edge.i + 1))
        words = [t.i for t in head.subtree if t.i not in skip]
        if not words:
            return None
        sent = self.sents[self.sent_of[start]]
        left = [i for i in words if i < start and i >= sent.start]
        right = [i for i in words if i >= source[1] and i < sent.end]
        part = right if len(right) >= len(left) else left
        if not part:
            return None
        content = [self._clip(_char_range(doc, min(part), max(part) + 1), self._para(doc[start].idx))]
        if content[0][1] <= content[0][0]:
            return None
        polarity = "negative" if self._negated(content) else "positive"
        return Attribution((start, end), cue, source, self._phrase(source), self._resolve(source), content, False, [], polarity)

    def _previous_quote(self, tok: Token) -> tuple[list[tuple[int, int]], bool] | None:
        """ "...quote." followed by "he said." in the next sentence."""
        n = self.sent_of[tok.i]
        if n == 0 or len(WORD.findall(self.sents[n].text)) > 6:
            return None
        prev = self.sents[n - 1]
        for q in self.quotes:
            if q.open_mark in self.used or q.close_mark is None:
                continue
            if prev.start_char <= q.open_mark and q.close_mark >= prev.end_char - 2 and "\n" not in self.doc.text[q.close_mark:tok.idx]:
                self.used.add(q.open_mark)
                return [(q.start, q.end)], True
        return None

    def _continuations(self, found: list[Attribution]) -> list[Attribution]:
        """Quotes with no cue that carry on a direct quote just before them (same speaker)."""
        text = self.doc.text
        extra = []
        for q in self.quotes:
            if q.open_mark in self.used or q.single:
                continue
            last = max((a for a in found if a.direct and a.content[-1][1] <= q.open_mark), key=lambda a: a.content[-1][1], default=None)
            if last is None:
                continue
            end_ev = self._sentence_end(last)
            between = text[end_ev:q.open_mark]
            if between.strip() or between.count("\n") > 2:
                continue
            self.used.add(q.open_mark)
            last.content.append((q.start, q.end))
        return extra

    def _sentence_end(self, att: Attribution) -> int:
        ends = [self.sents[self.sent_of[att.cue[0]]].end_char]
        for a, b in att.content:
            span = self.doc.char_span(max(a, b - 1), b, alignment_mode="expand")
            if span is not None:
                ends.append(span.sent.end_char)
        return max(ends)

    # -- helpers ---------------------------------------------------------------------------

    def _np(self, subjects: list[Token], cue: Token | None = None) -> tuple[int, int]:
        bounds = [np_bounds(s) for s in subjects]
        start, end = min(a for a, _ in bounds), max(b for _, b in bounds)
        if cue is not None and cue.i > start:
            para = self._para(cue.idx)
            if self.doc[start].idx < para[0]:  # a heading fused to the subject: keep the cue's paragraph
                inside = [c for s in subjects for c in s.children if c.idx >= para[0] and c.i < cue.i]
                if inside:  # "HEADING\n\nThe United States and NATO" parsed as an apposition
                    return inside[0].left_edge.i, inside[0].right_edge.i + 1
                first = next((t.i for t in self.doc[start:end] if t.idx >= para[0] and not t.is_space), None)
                if first is not None:
                    return first, end
        return start, end

    def _is_source_like(self, tok: Token) -> bool:
        """"a Syrian military source", "Reuters", "officials": someone who can be quoted."""
        if tok.pos_ == "PROPN" or tok.lemma_.lower() in SOURCE_WORDS:
            return True
        span = self.doc[tok.left_edge.i:tok.right_edge.i + 1]
        m = mention_in(self.mentions, span.start_char, span.end_char, at=tok.idx)
        return m is not None and m.type in {"PERSON", "ORG", "NORP", "GPE"}

    def _phrase(self, source: tuple[int, int]) -> tuple[int, int]:
        """The source with its appositions and relative clauses ("Cox, who runs the NRA's lobbying arm")."""
        root = self.doc[source[0]:source[1]].root
        start, end = min(source[0], root.left_edge.i), max(source[1], root.right_edge.i + 1)
        para = self._para(root.idx)
        while start < source[0] and (self.doc[start].idx < para[0] or self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > source[1] and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        return start, end

    def _is_media(self, span: tuple[int, int]) -> bool:
        text = self.doc[span[0]:span[1]].text
        m = mention_in(self.mentions, self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1]), prefer="ORG")
        names = [text] + ([m.text] if m else [])
        return any(match_outlet(n) or ((e := load_aliases().lookup(n)) is not None and e.kind == "media") for n in names)

    def _resolve(self, source: tuple[int, int]) -> tuple[int, int] | None:
        doc = self.doc
        head = doc[source[0]:source[1]].root
        if head.lower_ == "who" and head.head.dep_ == "relcl":
            return np_bounds(head.head.head)
        if not needs_resolution(doc, source[0], source[1], head.i):
            return source
        sent = self.sent_of[head.i]
        ref = resolve(doc, head.i, sent, self.refs) or resolve(doc, head.i, sent, self.other_refs)
        if ref is None and head.lower_ not in {"he", "she", "they", "it", "who", "we", "i"}:
            ref = resolve(doc, head.i, sent, self.named)
        return (ref.start, ref.end) if ref else None

    def _negated(self, content: list[tuple[int, int]]) -> bool:
        for a, b in content:
            if NEGATIVE_WORDS.search(self.doc.text, a, b):
                return True
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and any(c.dep_ == "neg" for c in span.root.children):
                return True
        return False


def find_attributions(doc: Doc, mentions: Sequence[Mention] = ()) -> list[Attribution]:
    """Every attribution of ``doc`` with token/character spans (what the evaluation scores)."""
    return _Finder(doc, list(mentions) or mentions_from_doc(doc, "")).run()


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
        claims.append(_claim(doc, att, doc_id, outlet, own, by_id))
    return claims


def _claim(doc: Doc, att: Attribution, doc_id: str, outlet: str | None, mentions: Sequence[Mention], entities: dict[str, Entity]) -> Claim:
    speaker = _speaker(doc, att, mentions, entities)
    origin = (speaker.canonical or _clean(speaker.text)) if speaker else None
    links = [_relay_name(doc, r, mentions) for r in att.relays]
    chain = [x for x in [outlet, *links, origin] if x]
    chain = [x for i, x in enumerate(chain) if x not in chain[:i]]
    spans = [(doc[att.cue[0]].idx, doc[att.cue[1] - 1].idx + len(doc[att.cue[1] - 1]))] + att.content
    start = min(_sent_bounds(doc, a, b)[0] for a, b in spans)
    end = max(_sent_bounds(doc, a, b)[1] for a, b in spans)
    text = " ".join(doc.text[a:b].strip().rstrip(",").strip() for a, b in att.content)
    if not att.direct:
        text = re.sub(r"^that\s+", "", text)
    return Claim(
        id=short_id(doc_id, str(start), str(att.content[0][0])),
        doc=doc_id,
        speaker=speaker,
        chain=chain,
        text=text,
        direct=att.direct,
        cue=doc[att.cue[0]:att.cue[1]].text,
        event=None,
        evidence=Evidence(start, end, doc.text[start:end]),
        first_hand=not links,
        polarity=att.polarity,
    )


def _sent_bounds(doc: Doc, a: int, b: int) -> tuple[int, int]:
    first = doc.char_span(a, min(b, a + 1), alignment_mode="expand")
    last = doc.char_span(max(a, b - 1), b, alignment_mode="expand")
    start = first.sent.start_char if first is not None else a
    end = last.sent.end_char if last is not None else b
    return start, len(doc.text[:end].rstrip())


def _speaker(doc: Doc, att: Attribution, mentions: Sequence[Mention], entities: dict[str, Entity]) -> Speaker | None:
    if att.source is None:
        return None
    surface = doc[att.source[0]:att.source[1]]
    if att.referent is None:
        return Speaker(text=surface.text)
    ref = doc[att.referent[0]:att.referent[1]]
    m = mention_in(mentions, ref.start_char, ref.end_char, at=ref.root.idx)
    canonical, entity = canonical_of(m, entities)
    if canonical is None and att.referent != att.source:
        canonical = _clean(ref.text)
    aff = affiliation(doc, ref.start, ref.end, mentions) or _affiliation_elsewhere(doc, m, mentions)
    start, end = (m.start, m.end) if m else (ref.start_char, ref.end_char)
    return Speaker(text=surface.text, canonical=canonical, entity=entity, affiliation=aff, start=start, end=end)


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
