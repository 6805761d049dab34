"""Attributions in a parsed Doc: who (source) said or believes what (content), through which cue."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from crosswire.clean.metadata import match_outlet
from crosswire.extract.aliases import load_aliases
from crosswire.extract.content import MILITARY_WORDS, NEGATIVE_WORDS, ContentMixin, _char_range, content_kind, material_sense
from crosswire.extract.entities import mentions_from_doc
from crosswire.extract.quotes import Cue, cue_tokens, load_cues, paragraphs, quotes_from_doc
from crosswire.extract.speakers import DOCUMENT_WORDS, Referent, mention_in, needs_resolution, np_bounds, referent, resolve, subjects_of
from crosswire.records import Mention

SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELAY_LEMMAS = frozenset({"quote", "cite"})
# Heads of an object that is a person or organisation being quoted ("quoted a source as saying").
SOURCE_WORDS = frozenset({"source", "official", "officials", "sources", "spokesman", "spokeswoman", "spokesperson",
                          "diplomat", "aide", "witness", "resident", "agency", "ministry", "minister", "report", "media"})
# Left dependents that open the sentence rather than name the source ("At the debate, Clinton said").
PHRASE_LEFT_DROP = frozenset({"cc", "prep", "punct", "preconj", "mark", "meta", "advcl", "npadvmod", "dep"})
PHRASE_BARRIERS = frozenset({"\u201c", "\u201d", '"', "''", ":", "\u2014", "--", "\u2013", "(", ")"})
LEADING_DROP = frozenset({"and", "but", "so", "yet", "or", "also", "then", "as"})
# Verbs that turn a speech noun into a statement by their subject ("raised questions about", "made the claim that").
LIGHT_VERBS = frozenset({"make", "raise", "issue", "express", "voice", "offer", "repeat", "renew", "reiterate", "level", "lodge", "file"})
# '"...," said X': the quote mark or comma before an inverted cue, and how long X may be.
QUOTE_CLOSERS = frozenset({"\u201d", '"', "''", ","})
MAX_INVERTED_TOKENS = 10
# Cues (by ``applies``) dropped inside another attribution's content: beliefs and intentions
# ("they want", "he thinks") are part of what the outer speaker says.
NESTED_DROP = frozenset({"indirect"})

# "Name: content" at the start of a paragraph (headlines, round-ups): at most this many tokens
# of name, which must hold a proper noun or one of COLON_SOURCES; COLON_LABELS open a label, not a source.
MAX_COLON_SOURCE_TOKENS = 8
COLON_SOURCES = frozenset({"report", "poll", "survey", "study", "source", "official", "aide", "spokesman", "spokeswoman"})
COLON_LABELS = frozenset({"update", "updated", "note", "related", "watch", "read", "editor", "photo", "video", "correction",
                          "click", "see", "listen", "share", "tags", "topics", "more", "also", "q", "a", "tel", "email"})
COLON_CUE = Cue(":", "colon", "both", "positive")
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


class _Finder(ContentMixin):
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
        self.paras = list(paragraphs(text_of(doc)))
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
        found.extend(self._colons(found))
        found.extend(self._nouns(found))
        found = self._drop_nested(found)
        found.sort(key=lambda a: a.cue[0])
        found.extend(self._continuations(found))
        return found

    def _colons(self, found: list[Attribution]) -> list[Attribution]:
        """ "Marco Rubio: I'm not interested", "Report: ...": a short name line-initially, then a colon."""
        doc, text = self.doc, text_of(self.doc)
        taken = {i for a in found for i in range(*a.cue)}
        out = []
        for tok in doc:
            if tok.text != ":" or tok.i in taken or any(q.open_mark < tok.idx < (q.close_mark or q.end) for q in self.quotes):
                continue
            para = self._para(tok.idx)
            left = [t for t in doc[max(0, tok.i - MAX_COLON_SOURCE_TOKENS - 1):tok.i] if t.idx >= para[0] and not t.is_space]
            if not left or left[0].idx != para[0] + len(text[para[0]:left[0].idx]) - len(text[para[0]:left[0].idx].lstrip()):
                continue  # the source must open the paragraph
            if len(left) > MAX_COLON_SOURCE_TOKENS or any(t.pos_ in {"VERB", "AUX"} or t.like_num for t in left):
                continue  # "X said:" belongs to the verb; "10:30" is a time
            if left[0].lower_ in COLON_LABELS or not any(t.pos_ == "PROPN" or t.lemma_.lower() in COLON_SOURCES for t in left):
                continue
            content = self._clip((tok.idx + 1, para[1]), para)
            if len(WORD.findall(text[content[0]:content[1]])) < 3:
                continue
            inner = [q for q in self.quotes if content[0] <= q.open_mark < content[1]]
            for q in inner:
                self.used.add(q.open_mark)
            source = (left[0].i, left[-1].i + 1)
            out.append(Attribution((tok.i, tok.i + 1), COLON_CUE, source, source, self._resolve(source), [content], bool(inner)))
        return out

    def _drop_nested(self, found: list[Attribution]) -> list[Attribution]:
        """Without belief and intention cues inside another's content ("Organizers say they want to avoid violence")."""
        doc = self.doc
        spans = [(a.cue, r) for a in found for r in a.content]
        return [a for a in found if a.lexeme.applies not in NESTED_DROP or not any(
            cue != a.cue and r[0] <= doc[a.cue[0]].idx < r[1] for cue, r in spans)]

    def _nouns(self, found: list[Attribution]) -> list[Attribution]:
        """ "Trump's claim that ...", "Clinton's call for a ban": a possessor and a speech noun.

        Not inside the content of another attribution (a claim is not counted twice), not
        inside a quote, not help in a fight ("Russia's support for the offensive").
        """
        doc, nouns = self.doc, load_cues().nouns
        taken = [r for a in found for r in a.content]
        inside = [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in self.quotes]
        out = []
        for tok in doc:
            cue = nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            if cue is None or any(a <= tok.idx < b for a, b in taken + inside):
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"]
            light = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS else None
            if not owners and light is not None:  # "X raised questions about Y", "X made the claim that Y"
                owners = [o for o in subjects_of(light, self.cue_lemmas) if o.tag_ not in {"WDT", "WP"}][:1]
            if not owners:
                continue
            parts = [c for c in tok.rights if c.dep_ in {"acl", "ccomp"} and any(k.lower_ == "that" and k.dep_ == "mark" for k in c.children)]
            parts += [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in cue.preps and any(k.dep_ == "pobj" for k in c.children)]
            if not parts or any(g.lemma_.lower() in MILITARY_WORDS for p in parts for g in p.children if g.dep_ == "pobj"):
                continue
            content = [self._clip(_char_range(doc, parts[0].left_edge.i, parts[-1].right_edge.i + 1), self._para(tok.idx))]
            if content[0][1] <= content[0][0]:
                continue
            source = self._trim(np_bounds(owners[0]))
            polarity = "negative" if cue.polarity == "negative" or self._negated(content) else "positive"
            span = (light.i, tok.i + 1) if light is not None and not any(c.dep_ == "poss" for c in tok.children) else (tok.i, tok.i + 1)
            out.append(Attribution(span, cue, source, source, self._resolve(source), content, False, [], polarity))
        return out

    # -- cues ------------------------------------------------------------------------------

    def _verb(self, start: int, end: int, cue: Cue) -> Attribution | None:
        doc = self.doc
        tok = doc[start]
        lemma = tok.lemma_.lower()
        if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in RELAY_LEMMAS:
            return None  # "quoted X as saying": the "quoted" cue carries it
        if tok.dep_ in {"amod", "compound"} or material_sense(tok):
            return None
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        passive = any(c.dep_ == "auxpass" for c in tok.children) and lemma not in RELAY_LEMMAS
        if content_kind(tok) == "raising" or (passive and not agents):
            return self._sourceless(start, end, cue)
        relays: list[tuple[int, int]] = []
        subjects = subjects_of(tok, self.cue_lemmas)
        objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        if lemma in RELAY_LEMMAS and objects and self._is_source_like(objects[0]):
            relays = [self._np(subjects, tok)] if subjects else []
            source = np_bounds(objects[0])
        elif subjects:
            source = self._np(subjects, tok)
        elif agents:
            source = np_bounds(agents[0])
        elif (after := self._inverted_subject(tok, end)) is not None:
            source = after
        else:
            return None
        if lemma == "tell" and objects and self._is_media(np_bounds(objects[0])):
            relays.append(np_bounds(objects[0]))
        core = (min(doc[source[0]].idx, doc[start].idx), doc[max(source[1], end) - 1].idx + len(doc[max(source[1], end) - 1]))
        if source[0] > end or source[1] < start:  # subject far from the cue: the quote hugs the cue
            core = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if source[0] > end else (doc[source[0]].idx, core[1])
        got = self._content(tok, core, cue)
        if got is None and cue.applies != "indirect":
            got = self._previous_quote(tok)
        if got is None:
            return None
        content, direct = got
        if any(a <= doc[start].idx < b for a, b in content):
            return None  # the cue sits inside its own content: a parse tangle, not an attribution
        referent_span = self._resolve(source)
        relays = relays or self.relays_of.get(referent_span or (-1, -1), [])
        polarity = "negative" if cue.polarity == "negative" or self._negated(content) else "positive"
        phrase = self._phrase(source)
        if phrase[0] < start < phrase[1]:  # "supporters ..., now saying": the phrase stops at the cue
            phrase = self._trim((phrase[0], max(source[1], start)))
            while phrase[1] - phrase[0] > 1 and (doc[phrase[1] - 1].is_punct or doc[phrase[1] - 1].dep_ == "advmod"):
                phrase = (phrase[0], phrase[1] - 1)
        return Attribution((start, end), cue, source, phrase, referent_span, content, direct, relays, polarity)

    def _inverted_subject(self, tok: Token, end: int) -> tuple[int, int] | None:
        """ '"...," said Oversight ranking Democrat Elijah Cummings.': a name after the cue the parser lost."""
        doc = self.doc
        if tok.i == 0 or doc[tok.i - 1].text not in QUOTE_CLOSERS or end >= len(doc) or doc[end].pos_ not in {"PROPN", "DET", "ADJ", "NOUN"}:
            return None
        stop = end
        while stop < len(doc) and stop - end < MAX_INVERTED_TOKENS and not (doc[stop].is_punct and doc[stop].text not in {".", "-"}) \
                and "\n" not in doc[stop].text and not (doc[stop].text == "." and not doc[stop - 1].text[-1:].isupper()):
            stop += 1
        if "(" in doc[end:stop].text and stop < len(doc) and doc[stop].text == ")":
            stop += 1  # "Elijah Cummings (D-Md.)"
        return (end, stop) if any(t.pos_ == "PROPN" for t in doc[end:stop]) else None

    def _sourceless(self, start: int, end: int, cue: Cue) -> Attribution | None:
        """ "X is expected to Y", "X seems to Y", "it was reported that Y": the subject is content, no source."""
        doc = self.doc
        tok = doc[start]
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.i > tok.i]
        if not comps:
            return None
        para = self._para(tok.idx)
        content = []
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in {"it", "there"} and c.i < tok.i]
        if subjects:
            content.append(self._clip(_char_range(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1), para))
        content.append(self._clip(_char_range(doc, comps[0].left_edge.i, comps[-1].right_edge.i + 1), para))
        content = [(a, b) for a, b in content if b > a]
        if not content or any(a <= tok.idx < b for a, b in content):
            return None
        aux = [c for c in tok.children if c.dep_ in {"auxpass"} and c.i == start - 1]
        cue_start = aux[0].i if aux else start
        polarity = "negative" if cue.polarity == "negative" or self._negated(content) else "positive"
        return Attribution((cue_start, end), cue, None, None, None, content, False, [], polarity)

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
        """The source with its appositions and relative clauses ("Cox, who runs the NRA's lobbying arm").

        Not an opening phrase before it ("At the debate, Clinton"), never across a quote mark or colon.
        """
        doc = self.doc
        source = self._trim(source)
        root = doc[source[0]:source[1]].root
        start, end = source
        for child in root.lefts:
            if child.i < start and child.dep_ not in PHRASE_LEFT_DROP:
                start = min(start, child.left_edge.i)
        end = max(end, root.right_edge.i + 1)
        para = self._para(root.idx)
        for i in range(source[0] - 1, start - 1, -1):
            if doc[i].idx < para[0] or doc[i].text in PHRASE_BARRIERS or "\n" in doc[i].text:
                start = i + 1
                break
        while start < source[0] and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > source[1] and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return self._trim((start, end))

    def _trim(self, span: tuple[int, int]) -> tuple[int, int]:
        """Without a leading conjunction or relative word ("And a third, X", "which she") or a clitic ("she's")."""
        doc = self.doc
        start, end = span
        while end - start > 1 and (doc[start].lower_ in LEADING_DROP or doc[start].tag_ in {"WDT", "WP"} or doc[start].is_punct):
            start += 1
        if end - start > 1 and doc[end - 1].lower_ in {"'s", "\u2019s"} and doc[end - 2].tag_ == "PRP":
            end -= 1  # "she's said"
        return start, end

    def _is_media(self, span: tuple[int, int]) -> bool:
        text = self.doc[span[0]:span[1]].text
        m = mention_in(self.mentions, self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1]), prefer="ORG")
        names = [text] + ([m.text] if m else [])
        return any(match_outlet(n) or ((e := load_aliases().lookup(n)) is not None and e.kind == "media") for n in names)

    def _resolve(self, source: tuple[int, int]) -> tuple[int, int] | None:
        doc = self.doc
        head = doc[source[0]:source[1]].root
        if head.tag_ in {"WDT", "WP"} and head.head.dep_ == "relcl" and head.head.head.i < head.i:
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
            if NEGATIVE_WORDS.search(text_of(self.doc), a, b):
                return True
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and any(c.dep_ == "neg" for c in span.root.children):
                return True
        return False


def find_attributions(doc: Doc, mentions: Sequence[Mention] = ()) -> list[Attribution]:
    """Every attribution of ``doc`` with token/character spans (what the evaluation scores)."""
    return _Finder(doc, list(mentions) or mentions_from_doc(doc, "")).run()

