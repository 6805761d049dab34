"""Attributions in a parsed Doc: who (source) said or believes what (content), through which cue."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crosswire.extract.claims.attribution_types import Attribution
from crosswire.extract.claims.content import NEGATIVE_WORDS, ContentMixin, _char_range, content_kind, material_sense
from crosswire.extract.entities.core import mentions_from_doc
from crosswire.extract.claims.other_cues import OtherCuesMixin
from crosswire.extract.claims.quotes import Cue, cue_tokens, load_cues, paragraphs, quotes_from_doc
from crosswire.extract.claims.relays import carriers_of, origin_of, phrase_chars, without
from crosswire.extract.claims.source_phrases import SourceMixin
from crosswire.extract.claims.speakers import DOCUMENT_WORDS, Referent, np_bounds, referent, subjects_of
from crosswire.records import Mention

SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELAY_LEMMAS = frozenset({"quote", "cite"})
# Cues (by ``applies``) dropped inside another attribution's content: beliefs and intentions
# ("they want", "he thinks") are part of what the outer speaker says.
NESTED_DROP = frozenset({"indirect"})

# Dependents of a verb cue that PolNeAR marks as part of it: "has also said", "did not say"; and
# the prepositions that open its content ("called for", "warned against").
GROUP_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
GROUP_PREPS = frozenset({"for", "to", "about", "of", "on", "as", "against", "at", "with"})
# Prepositions that carry what an unnamed source says of the subject of a passive cue.
PASSIVE_PREPS = frozenset({"as", "of", "for"})
WORD = re.compile(r"\w+")


class _Finder(OtherCuesMixin, SourceMixin, ContentMixin):
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
        found.extend(self._clause_colons(found))
        found.extend(self._nouns(found))
        found.extend(self._adjectives(found))
        found.extend(self._polls(found))
        found.extend(self._headline(found))
        found = self._drop_nested(found)
        self._cut_at_participles(found)
        for att in found:
            if att.lexeme.kind == "verb":
                self._verb_group(att)
        found.sort(key=lambda a: a.cue[0])
        found.extend(self._continuations(found))
        return found

    def _verb_group(self, att: Attribution) -> None:
        """Grow a verb cue to its verb group: "has also said", "did not say", "called for", "said Thursday".

        Auxiliaries, negation and adverbs right before the verb and a particle, a date or the
        preposition that opens the content right after it belong to the cue (PolNeAR marks the
        whole group). An infinitive's "to" stays out: "to say" is still the verb "say".
        """
        doc = self.doc
        start, end = att.cue
        verb = doc[start]
        stop = att.source[1] if att.source is not None and att.source[1] <= start else 0
        while start - 1 >= stop and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in GROUP_LEFT_DEPS and doc[start - 1].tag_ != "TO":
            start -= 1
        if end == verb.i + 1 and end < len(doc):
            nxt = doc[end]
            if nxt.head.i == verb.i and (nxt.dep_ == "prt" or nxt.dep_ == "npadvmod" and nxt.ent_type_ == "DATE"):
                end += 1
            elif nxt.dep_ == "prep" and nxt.lower_ in GROUP_PREPS and any(a == nxt.idx for a, _ in att.content):
                end += 1  # the content keeps it too: "about the ceasefire" reads as a claim on its own
        att.cue = (start, end)

    def _cut_at_participles(self, found: list[Attribution]) -> None:
        """ "X added that A, stressing that B": A is one claim and B another, not A-and-B plus B.

        The content of an attribution stops before a participle cue of the same speaker that
        sits inside it; the participle's own attribution keeps what follows.
        """
        doc, text = self.doc, text_of(self.doc)
        for inner in found:
            tok = doc[inner.cue[0]]
            if tok.tag_ != "VBG" or inner.source is None:
                continue
            for outer in found:
                if outer is inner or outer.source != inner.source:
                    continue
                cut = []
                for a, b in outer.content:
                    if a < tok.idx < b:
                        end = tok.idx
                        while end > a and (text[end - 1].isspace() or text[end - 1] in ",;"):
                            end -= 1
                        cut.append((a, end))
                    else:
                        cut.append((a, b))
                outer.content = [(a, b) for a, b in cut if b > a] or outer.content

    def _drop_nested(self, found: list[Attribution]) -> list[Attribution]:
        """Without belief and intention cues inside another's content ("Organizers say they want to avoid violence")."""
        doc = self.doc
        spans = [(a.cue, r) for a in found for r in a.content]
        return [a for a in found if a.lexeme.applies not in NESTED_DROP or not any(
            cue != a.cue and r[0] <= doc[a.cue[0]].idx < r[1] for cue, r in spans)]

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
        # "Asked about the vote, she said", "a program known as X": a bare passive participle names no source.
        bare_passive = tok.tag_ == "VBN" and tok.dep_ in {"advcl", "acl"} and not any(c.dep_ in {"nsubj", "aux"} for c in tok.children)
        passive = (bare_passive or any(c.dep_ == "auxpass" for c in tok.children)) and lemma not in RELAY_LEMMAS
        if content_kind(tok) == "raising" or (passive and not agents):
            return self._sourceless(start, end, cue)
        relays: list[tuple[int, int]] = []
        subjects = subjects_of(tok, self.cue_lemmas)
        # '"... the foundation, all the old stuff," said a person close to X': a noun of the
        # quote parsed as a second subject is not a speaker.
        subjects = [s for s in subjects if not self._quoted(s)] or subjects
        # "The poll showed that A led, ... and Ohio Gov. B": a name of the content the parser made a
        # second subject stays out when a subject comes before the cue.
        subjects = [s for s in subjects if s.i < tok.i] or subjects
        subjects = self._parenthetical_speaker(subjects, tok)
        if (not subjects or all(self._quoted(s) for s in subjects)) and (between := self._after_quote_subject(tok)) is not None:
            subjects = [self.doc[between[0]:between[1]].root]
        objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        if lemma in RELAY_LEMMAS and objects and self._is_source_like(objects[0]):
            relays = [self._np(subjects, tok)] if subjects else []
            source = np_bounds(objects[0])
        elif agents and (passive or tok.tag_ == "VBN"):
            source = np_bounds(agents[0])  # "X was dismissed by critics as Y", "as reported by Z": the agent speaks
        elif subjects:
            source = self._np(subjects, tok)
        elif agents:
            source = np_bounds(agents[0])
        elif (after := self._inverted_subject(tok, end)) is not None:
            source = after
        elif (before := self._stranded_subject(tok)) is not None:
            source = before
        elif (nouns := [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}]):
            source = np_bounds(nouns[-1])  # ", disclosure records show.": a subject parsed as a compound of the verb
        else:
            return None
        if lemma == "tell" and objects and self._is_media(np_bounds(objects[0])):
            relays.append(np_bounds(objects[0]))
        citing = None
        if lemma not in RELAY_LEMMAS and (cited := origin_of(tok)) is not None and self._can_speak(cited[0]):
            relays, source, citing = [source], np_bounds(cited[0]), cited[1]  # "X reported, citing a source, that"
        relays = [np_bounds(m) for m in carriers_of(tok, lambda m: self._is_media(np_bounds(m)))] + relays
        core = (min(doc[source[0]].idx, doc[start].idx), doc[max(source[1], end) - 1].idx + len(doc[max(source[1], end) - 1]))
        if source[0] > end or source[1] < start:  # subject far from the cue: the quote hugs the cue
            core = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if source[0] > end else (doc[source[0]].idx, core[1])
        got = self._content(tok, core, cue)
        if got is None and passive and agents and content_kind(tok) in {"object", "predicate"}:
            got = self._passive_content(tok)
        if got is None and cue.applies != "indirect":
            got = self._previous_quote(tok)
        if got is None:
            return None
        content, direct = got
        if citing is not None:
            content = without(content, phrase_chars(citing)) or content
        if any(a <= doc[start].idx < b for a, b in content):
            content = [] if direct else self._split_at_cue(content, tok, end, source)
            if not content:
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

    def _parenthetical_speaker(self, subjects: list[Token], tok: Token) -> list[Token]:
        """ "Ohio, Smith said, will be close": a verb has one subject, so of two set apart by a comma
        the one next to the cue speaks and the other is the subject of what is said."""
        if len(subjects) < 2 or not all(s.i < tok.i for s in subjects) or any(s.dep_ == "conj" for s in subjects):
            return subjects
        last = max(subjects, key=lambda s: s.i)
        a, _ = np_bounds(last)
        if a > 0 and self.doc[a - 1].text == "," and all(np_bounds(s)[1] <= a - 1 for s in subjects if s is not last):
            return [last]
        return subjects

    def _passive_content(self, tok: Token) -> tuple[list[tuple[int, int]], bool] | None:
        """ "Cruz was endorsed by Fiorina", "pigs are considered unclean by many": the subject is what is spoken of."""
        doc, para = self.doc, self._para(tok.idx)
        subjects = [c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i and c.tag_ not in {"WDT", "WP"}]
        if not subjects:
            return None
        rest = [c for c in tok.children if c.i > tok.i and (c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}
                                                          or c.dep_ == "prep" and c.lower_ in PASSIVE_PREPS)]
        parts = [self._clip(_char_range(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1), para)]
        parts += [self._clip(_char_range(doc, c.left_edge.i, c.right_edge.i + 1), para) for c in rest[:1]]
        parts = [(a, b) for a, b in parts if b > a]
        return (parts, False) if parts else None

    def _split_at_cue(self, content: list[tuple[int, int]], tok: Token, end: int, source: tuple[int, int]) -> list[tuple[int, int]]:
        """ "the system, which he said runs the risk of X": the content runs on both sides of "he said".

        The part before the source and the part after the cue, when the source and cue sit
        inside the clause (a relative or questioned word moved out of it); else nothing.
        """
        doc, text = self.doc, text_of(self.doc)
        if not source[1] <= tok.i:
            return []
        cut = (doc[source[0]].idx, doc[end - 1].idx + len(doc[end - 1]))
        para = self._para(tok.idx)
        parts = []
        for a, b in content:
            if a <= cut[0] and cut[1] <= b:
                parts += [self._clip((a, cut[0]), para), self._clip((cut[1], b), para)]
            else:
                parts.append((a, b))
        parts = [(a, b) for a, b in parts if b > a and WORD.search(text, a, b)]
        return parts if len(parts) == 2 else []

    def _sourceless(self, start: int, end: int, cue: Cue) -> Attribution | None:
        """ "X is expected to Y", "X seems to Y", "it was reported that Y": the subject is content, no source."""
        doc = self.doc
        tok = doc[start]
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.i > tok.i]
        if not comps and content_kind(tok) == "raising":  # "X seems stable", "X seems like a stretch"
            comps = [c for c in tok.children if c.i > tok.i and (c.dep_ in {"acomp", "attr", "oprd"} or c.dep_ == "prep" and c.lower_ == "like")][:1]
        if not comps:
            # "X was seen as Y", "X is accused of Y": the description is the rest of the content;
            # "Asked about X, she said": what was asked about
            preps = (PASSIVE_PREPS if content_kind(tok) in {"object", "predicate"} else frozenset()) | set(cue.preps)
            comps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps
                     and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)][:1]
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
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in to.children if c.dep_ == "pcomp"]  # "according to show insiders" misparsed
        if not objs:
            return None
        obj = objs[0]
        # "according to a statement from Assad's office": the office speaks through the statement;
        # the phrase naming the source keeps both (what PolNeAR marks).
        phrase = self._phrase(np_bounds(obj), relative=False)
        if obj.lemma_.lower() in DOCUMENT_WORDS:
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
        return Attribution((start, end), cue, source, phrase, self._resolve(source), content, False, [], polarity)

    # -- helpers ---------------------------------------------------------------------------

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

