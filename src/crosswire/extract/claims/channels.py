"""Who speaks through what: issuers of documents, media that carry or cite, coordinated speakers, run-on cues."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re

from spacy.tokens import Doc, Token

from crosswire.extract.claims.attribution_types import Attribution
from crosswire.extract.claims.content import _char_range
from crosswire.extract.claims.speakers import DOCUMENT_WORDS, np_bounds
from crosswire.extract.entities.aliases import load_aliases

# Nouns for what someone said that a medium can carry ("in comments carried by Interfax").
REMARK_WORDS = DOCUMENT_WORDS | frozenset({"comment", "remark", "speech", "address", "briefing", "conference", "quote"})
# Documents whose issuer PolNeAR and the claim both take as the speaker ("the ministry's statement said");
# a possessor of a video, ad or report is more often what it shows or who is in it.
ISSUED_WORDS = frozenset({"statement", "communique", "announcement", "release", "message", "letter", "memo", "note", "email",
                          "tweet", "post"})
# "so that", "now that": a purpose or a time, not what was said.
NOT_CONTENT_THAT = frozenset({"so", "such", "now", "given", "except", "provided"})
# Verbs by which a medium passes on someone's words.
CARRY_VERBS = frozenset({"carry", "publish", "broadcast", "air", "run", "post", "televise", "print", "relay"})
# Words after a report verb that name where an agency has it from ("reports with reference to X", "citing X").
CITING_WORDS = frozenset({"citing", "quoting"})
MAX_CITING_GAP = 3
# Places in a clause before which a new sentence cannot start (a run-on needs a full clause first).
JOINERS = frozenset({"cc", "mark", "prep", "punct", "det", "amod", "compound", "poss", "aux", "neg"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
WORD = re.compile(r"\w+")


def conjuncts(doc: Doc, source: tuple[int, int]) -> list[tuple[int, int]]:
    """The speakers of a coordinated source ("The US, NATO and the opposition"), each as a token span.

    One span when the source is not coordinated, or when the whole is one name
    ("Bosnia and Herzegovina", "Procter and Gamble"): a name is never split.
    """
    span = doc[source[0]:source[1]]
    root = span.root
    heads = [root]
    for tok in heads:
        heads.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} and source[0] <= c.i < source[1])
    if len(heads) < 2 or load_aliases().lookup(span.text) is not None:
        return [source]
    if any(e.start <= source[0] and source[1] <= e.end for e in doc.ents):
        return [source]
    out = []
    for tok in sorted(heads, key=lambda t: t.i):
        a, b = _own_bounds(tok)
        out.append((max(a, source[0]), min(b, source[1])))
    return [s for s in out if s[1] > s[0]]


def _own_bounds(tok: Token) -> tuple[int, int]:
    """The name ``tok`` heads without its coordinated siblings ("NATO" of "NATO and the opposition")."""
    start, end = tok.i, tok.i + 1
    for child in tok.lefts:
        if child.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"}:
            start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in {"conj", "cc", "punct", "appos", "relcl", "acl"}:
            break
        end = max(end, child.right_edge.i + 1)
    return start, end


class ChannelsMixin:
    """Issuers, carriers and run-on cues for ``_Finder`` (needs doc, sents, sent_of, cue_lemmas and the helpers)."""

    def _issuer(self, subject: Token) -> tuple[tuple[int, int], tuple[int, int], int] | None:
        """ "The ministry's statement said", "A statement from the ministry said": who issued the document.

        Returns the issuer (the claim's speaker), the phrase PolNeAR marks as the source (the
        possessor with its "'s", or the whole phrase with "from X") and where the cue starts
        (the document noun, for the possessive: "statement said" is the cue there).
        """
        if subject.lemma_.lower() not in DOCUMENT_WORDS or subject.dep_ != "nsubj" or subject.head.lemma_.lower() not in self.cue_lemmas:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.tag_ not in {"WP$"}), None)
        if subject.lemma_.lower() not in ISSUED_WORDS:
            owner = None
        if owner is not None:
            phrase = (owner.left_edge.i, owner.right_edge.i + 1)
            issuer = phrase
            if issuer[1] - issuer[0] > 1 and self.doc[issuer[1] - 1].tag_ == "POS":
                issuer = (issuer[0], issuer[1] - 1)
            return issuer, phrase, phrase[1]
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
                objs = [g for g in prep.children if g.dep_ == "pobj" and self._is_source_like(g)]
                if objs:
                    return np_bounds(objs[0]), self._phrase(np_bounds(subject)), -1
        return None

    def _cited_origin(self, tok: Token, end: int, source: tuple[int, int]) -> tuple[int, int] | None:
        """ "TASS reports with reference to Rossiya 24 that ...", "RIA reported, citing Y, that ...": the
        agency relays what the medium or person it cites said (the cited one is the origin)."""
        doc = self.doc
        if not self._is_media(source):
            return None
        i = end
        while i < len(doc) and i - end < MAX_CITING_GAP and (doc[i].is_punct or doc[i].ent_type_ in {"DATE", "TIME"} or doc[i].lower_ in {"on", "in"}):
            i += 1
        words = [t.lower_ for t in doc[i:i + 3]]
        if words[:3] == ["with", "reference", "to"]:
            start = i + 3
        elif words[:1] and words[0] in CITING_WORDS:
            start = i + 1
        else:
            return None
        stop = start
        while stop < len(doc) and not doc[stop].is_punct and doc[stop].lower_ != "that" and doc[stop].pos_ in {"PROPN", "NUM", "DET", "ADJ", "NOUN"}:
            stop += 1
        return (start, stop) if stop > start and self._is_source_like(doc[start:stop].root) else None

    def _carriers(self, tok: Token, content: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """ "X said in comments carried by Interfax that ...", "X said Y, in remarks aired by state TV": the
        medium that carried the words is a link of the chain; a trailing "in comments ..." is not content."""
        doc, text = self.doc, text_of(self.doc)
        sent = self.sents[self.sent_of[tok.i]]
        relays = []
        for verb in sent:
            if verb.lemma_.lower() not in CARRY_VERBS or verb.tag_ != "VBN" or verb.head.lemma_.lower() not in REMARK_WORDS:
                continue
            noun = verb.head
            if not (noun.dep_ == "pobj" and noun.head.dep_ == "prep") or not (tok.i in {a.i for a in noun.ancestors} or self._within(noun, content)):
                continue
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not agents:
                continue
            relays.append(np_bounds(agents[0]))
            prep = noun.head
            lo, hi = doc[prep.left_edge.i].idx, doc[prep.right_edge.i].idx + len(doc[prep.right_edge.i])
            cut = []
            for a, b in content:
                if a < lo < b and not WORD.search(text, hi, b):  # the remark phrase closes the content
                    b = len(text[:lo].rstrip(" ,;\u2014-"))
                cut.append((a, b))
            content = [(a, b) for a, b in cut if b > a] or content
        return relays, content

    def _within(self, tok: Token, content: list[tuple[int, int]]) -> bool:
        return any(a <= tok.idx < b for a, b in content)

    def _stray_clause(self, tok: Token) -> list[tuple[int, int]] | None:
        """ "said in a statement that ...", "reported, citing Y, that ...": a that-clause the parser hung
        on the channel noun or made an adverbial, where the cue has no complement of its own."""
        doc = self.doc
        para = self._para(tok.idx)
        holders = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.i > tok.i for g in c.children
                           if g.dep_ == "pobj" and g.lemma_.lower() in REMARK_WORDS]
        for holder in holders:
            for c in holder.rights:
                that = [k for k in c.children if k.dep_ == "mark" and k.lower_ == "that" and doc[k.i - 1].lower_ not in NOT_CONTENT_THAT]
                if c.dep_ in {"acl", "advcl", "relcl", "ccomp"} and that and (holder is not tok or c.dep_ == "advcl"):
                    rng = self._clip(_char_range(doc, that[0].i, c.right_edge.i + 1), para)
                    return [rng] if rng[1] > rng[0] else None
        return None

    def _untangle(self, found: list[Attribution]) -> None:
        """Run-on sentences and repeated cues: "X said A Rebels said B", "X said A, X said", "X said said A".

        A finite cue with its own subject inside another attribution's content, after a whole
        clause with nothing joining them (no comma, "that" or "and"), starts a sentence of its
        own; so does one that repeats the outer speaker, wherever it stands: the outer content
        keeps only what lies outside that cue's clause.
        """
        doc, text = self.doc, text_of(self.doc)
        for att in found:
            if att.direct or att.lexeme.kind != "verb" or not att.content or att.source is None:
                continue
            cue = doc[att.cue[0]:att.cue[1]].root
            first = doc.char_span(att.content[0][0], att.content[0][1], alignment_mode="expand")
            if first is not None and first[0].lower_ == cue.lower_ and first[0].tag_ in FINITE and len(first) > 1:
                att.content[0] = (first[1].idx, att.content[0][1])  # "said said": a doubled word
            own = _words(doc, att.source)
            own_head = doc[att.source[0]:att.source[1]].root.lemma_.lower()
            for a, b in list(att.content):
                span = doc.char_span(a, b, alignment_mode="expand")
                inner = [t for t in span or [] if t.tag_ in FINITE and t.lemma_.lower() in self.cue_lemmas and t.i != cue.i
                         and t.dep_ in {"ccomp", "conj", "parataxis", "ROOT"} and not any(k.dep_ == "mark" for k in t.children)]
                for t in inner[:1]:
                    subj = next((k for k in t.children if k.dep_ == "nsubj" and k.i < t.i), None)
                    if subj is None:
                        continue
                    lo, hi = t.left_edge.i, t.right_edge.i + 1
                    before = [k for k in doc[span.start:lo] if not k.is_punct]
                    joined = lo > span.start and (doc[lo - 1].dep_ in JOINERS or doc[lo - 1].lower_ in {"that", "and", "but"})
                    clause_before = any(k.pos_ in {"VERB", "AUX"} for k in before)
                    same = _words(doc, np_bounds(subj)) == own or subj.lemma_.lower() == own_head \
                        or subj.lower_ in {"he", "she", "they"} and clause_before
                    # "said the city condemns X": a clause of the content's own verb, not a new sentence
                    outside = t.head.i == cue.i or not (span.start <= t.head.i < span.end)
                    if joined or not (same and (clause_before or lo == span.start) or clause_before and outside):
                        continue
                    lo_c, hi_c = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                    parts = [(a, len(text[:lo_c].rstrip(" ,;\u2014-"))), (hi_c, b)]
                    parts = [(x, y) for x, y in parts if y > x and WORD.search(text, x, y)]
                    parts = [self._clip(p, self._para(p[0])) for p in parts]
                    if parts:
                        i = att.content.index((a, b))
                        att.content[i:i + 1] = [p for p in parts if p[1] > p[0]]


def _words(doc: Doc, span: tuple[int, int]) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[span[0]:span[1]] if t.lower_ not in {"the", "a", "an"} and not t.is_punct)
