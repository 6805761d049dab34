"""Attributions whose cue is a colon: "Name: what they said" lines and "X fired back: “...”" clauses."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re

from spacy.tokens import Token

from crosswire.extract.claims.attribution_types import Attribution
from crosswire.extract.claims.content import PHYSICAL_TARGETS, PLACE_ENTITY_TYPES, material_sense
from crosswire.extract.claims.quotes import Cue, QuoteSpan
from crosswire.extract.claims.source_phrases import SOURCE_WORDS
from crosswire.extract.claims.speakers import _entry, mention_in, np_bounds

# "Name: content" at the start of a paragraph (headlines, round-ups): at most this many tokens
# of name, which must be headed by a proper noun or one of COLON_SOURCES; COLON_LABELS open a label, not a source.
MAX_COLON_SOURCE_TOKENS = 8
COLON_SOURCES = frozenset({"report", "poll", "survey", "study", "source", "official", "aide", "spokesman", "spokeswoman"})
COLON_LABELS = frozenset({"update", "updated", "note", "related", "watch", "read", "editor", "photo", "video", "correction",
                          "click", "see", "listen", "share", "tags", "topics", "more", "also", "q", "a", "tel", "email",
                          "exclusive", "breaking", "analysis", "opinion", "live", "transcript", "timeline", "photos", "audio"})
# "Gillibrand on the Transcripts:", "Clinton to Planned Parenthood:": a headline names its
# speaker, then the topic or the audience; the topic may be long and hold verbs of its own.
TOPIC_PREPS = frozenset({"on", "to", "about"})
MAX_TOPIC_LINE_TOKENS = 18
# Tokens after which a name before a colon may start mid-paragraph, and how long it may be there.
SENTENCE_ENDS = frozenset({".", "?", "!", "...", "\u2026"})
MAX_MID_COLON_TOKENS = 6
# Subjects that name people whatever the mention finder says ("She went further: ...").
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
COLON_CUE = Cue(":", "colon", "both", "positive")
COLON_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
QUOTE_OPENERS = frozenset({"\u201c", '"', "\u2018"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
WORD = re.compile(r"\w+")


class ColonsMixin:
    """Colon cues for ``_Finder`` (needs doc, quotes, used, paras, mentions and the source/content helpers)."""

    def _colons(self, found: list[Attribution]) -> list[Attribution]:
        """ "Marco Rubio: I'm not interested", "Report: ...", "More from Jones: “...”": a short name, then a colon.

        Line-initially the name may carry a topic ("X on Y:"); mid-paragraph, after a sentence or
        a spaced dash, only a bare name or "from" + a source introduces a quote. Past the first
        line, unquoted content must be a clause with a subject: "Cruz: Just hang on." heads a
        section about Cruz, it does not quote him.
        """
        doc, text = self.doc, text_of(self.doc)
        taken = {i for a in found for i in range(*a.cue)}
        out = []
        for tok in doc:
            if tok.text != ":" or tok.i in taken or any(q.open_mark < tok.idx < (q.close_mark or q.end) for q in self.quotes):
                continue
            para = self._para(tok.idx)
            quote = next((q for q in self.quotes if not q.single and q.open_mark > tok.idx
                          and not text[tok.idx + 1:q.open_mark].strip()), None)
            placed = self._colon_left(tok, para, quote)
            if placed is None:
                continue
            left, mid = placed
            source = self._colon_source(left)
            if source is None:
                continue
            content = (quote.start, quote.end) if mid and quote is not None else self._clip((tok.idx + 1, para[1]), para)
            if len(WORD.findall(text[content[0]:content[1]])) < 3:
                continue
            inner = [q for q in self.quotes if content[0] <= q.start < content[1]]
            if not inner and self.paras and para[0] > self.paras[0][0] and not self._has_clause(content):
                continue
            for q in inner:
                self.used.add(q.open_mark)
            out.append(Attribution((tok.i, tok.i + 1), COLON_CUE, source, source, self._resolve(source), [content], bool(inner)))
        return out

    def _colon_left(self, tok: Token, para: tuple[int, int], quote: QuoteSpan | None) -> tuple[list[Token], bool] | None:
        """The tokens before a colon that may name a source, and whether they sit mid-paragraph."""
        doc, text = self.doc, text_of(self.doc)
        left = [t for t in doc[max(0, tok.i - MAX_TOPIC_LINE_TOKENS - 1):tok.i] if t.idx >= para[0] and not t.is_space]
        # A dash with spaces around it separates a heading from a source; "R-S.C." is one word.
        dashes = [n for n, t in enumerate(left) if t.text in COLON_DASHES and t.whitespace_ and (n == 0 or left[n - 1].whitespace_)]
        quoted = text[tok.idx + 1:tok.idx + 8].lstrip()[:1] in QUOTE_OPENERS
        opens = bool(left) and not text[para[0]:left[0].idx].strip()
        if dashes and quoted:
            left, opens = left[dashes[-1] + 1:], True  # "HEADLINE - Pollster Name: “quote”"
        breaks = [n for n, t in enumerate(left) if t.text in SENTENCE_ENDS]
        if quote is not None and quote.open_mark not in self.used and breaks and self._mid_name(left[breaks[-1] + 1:]):
            # 'They differ. Bush: "..."', 'he tweeted about ... Trump: "..."': mid-paragraph, only
            # a bare name right after a sentence introduces the quote.
            return left[breaks[-1] + 1:], True
        return (left, False) if left and opens else None

    def _mid_name(self, tokens: list[Token]) -> bool:
        """A bare name, or "(More) from" + a short source ("From the report", "More from Jones")."""
        rest = _after_from(tokens)
        if rest is not None:
            return 0 < len(rest) <= MAX_MID_COLON_TOKENS and (rest[-1].pos_ == "PROPN" or _source_word(rest[-1]))
        return self._bare_name(tokens)

    def _colon_source(self, left: list[Token]) -> tuple[int, int] | None:
        """The source span among the tokens before a colon, or None when they are a label or a phrase."""
        if not left:
            return None
        words = _after_from(left)
        if words is None:
            if left[0].pos_ == "ADP":
                return None  # "Of Clinton: ..." picks up a topic, not a speaker
            cut = next((n for n, t in enumerate(left) if n > 0 and t.lower_ in TOPIC_PREPS and t.tag_ == "IN"), None)
            if cut is None and len(left) > MAX_COLON_SOURCE_TOKENS:
                return None
            words = left[:cut] if cut is not None else left
        if not words or len(words) > MAX_COLON_SOURCE_TOKENS or words[0].lower_ in COLON_LABELS:
            return None
        if any(t.pos_ in {"VERB", "AUX"} and not _unknown_name(t) or t.like_num for t in words):
            return None  # "X said:" belongs to the verb; "10:30" is a time
        head = self.doc[words[0].i:words[-1].i + 1].root
        # A capitalised noun is a name too: the tagger reads a lone name before a colon as a common
        # noun. "Another problem for Sanders:" is headed by a common noun and names no one; a
        # name in front of a common noun ("Clinton camp") names a group.
        named = any(c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" for c in head.lefts)  # "Clinton camp"
        if not (head.pos_ == "PROPN" or head.text[:1].isupper() and head.pos_ == "NOUN" or _unknown_name(head) or named or _source_word(head)):
            return None
        if self._dateline(words):
            return None  # "Kabul: The U.S. military denied ...": where the copy was filed, not who spoke
        return words[0].i, words[-1].i + 1

    def _dateline(self, words: list[Token]) -> bool:
        """A town opening a paragraph before a colon: a dateline. A country may speak ("Iran: ...")."""
        span = self.doc[words[0].i:words[-1].i + 1]
        m = mention_in(self.mentions, span.start_char, span.end_char, at=span.root.idx)
        if m is None or m.type not in {"GPE", "LOC"} or m.text != span.text:
            return False
        entry = _entry(m.text)
        return entry is None or entry.kind != "state"

    def _has_clause(self, content: tuple[int, int]) -> bool:
        """Whether the content holds a main clause with a subject ("She is right"), not a fragment ("Win in a walk")."""
        span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        if span is None:
            return False
        return any(t.dep_ in SUBJECT_DEPS and span.start <= t.head.i < span.end and t.head.dep_ not in {"relcl", "acl"} for t in span)

    def _clause_colons(self, found: list[Attribution]) -> list[Attribution]:
        """ "Rubio fired back: “...”", "The result did not surprise pollster Jo Ames: “...”": a clause,
        a colon, then a quote no cue has taken; the verb need not be a reporting verb.

        The subject speaks when it is a speaker; else a named person ending the clause right
        before the colon does.
        """
        doc, text = self.doc, text_of(self.doc)
        taken = {i for a in found for i in range(*a.cue)}
        out = []
        for q in self.quotes:
            if q.single or q.open_mark in self.used or not text[:q.open_mark].rstrip().endswith(":"):
                continue
            colon = doc.char_span(text[:q.open_mark].rstrip().rfind(":"), q.open_mark, alignment_mode="expand")
            if colon is None or colon[0].text != ":" or self._para(colon[0].idx) != self._para(q.open_mark):
                continue
            verb = colon[0].head
            if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ == "dobj" and verb.i == colon[0].i - 1:
                verb = verb.head  # "... surprise pollster Jo Ames: “...”": the parser hangs the colon on the object
            if verb.pos_ not in {"VERB", "AUX"} or verb.i in taken or verb.i > colon[0].i or verb.lemma_ == "be":
                continue
            if material_sense(verb) or any(c.dep_ == "dobj" and (c.ent_type_ in PLACE_ENTITY_TYPES or c.lemma_.lower() in PHYSICAL_TARGETS)
                                           for c in verb.children):
                continue  # "Russia shelled the town: “...”" is no speech, whoever is quoted next
            speaker = self._colon_speaker(verb, colon[0])
            if speaker is None:
                continue
            source = self._trim(np_bounds(speaker))
            self.used.add(q.open_mark)
            # The subject speaks through its verb ("fired back"); an object only through the colon.
            cue = verb.i if speaker.i < verb.i else colon[0].i
            out.append(Attribution((cue, cue + 1), COLON_CUE, source, self._phrase(source), self._resolve(source),
                                   [(q.start, q.end)], True))
        return out

    def _colon_speaker(self, verb: Token, colon: Token) -> Token | None:
        """The subject of ``verb`` when it can speak, else its object when a named person ends the clause at ``colon``."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and not self._quoted(c)]
        if subjects and self._person_like(subjects[0]):
            return subjects[0]
        for obj in verb.children:
            if obj.dep_ == "dobj" and np_bounds(obj)[1] == colon.i:
                span = self.doc[obj.left_edge.i:obj.right_edge.i + 1]
                m = mention_in(self.mentions, span.start_char, span.end_char, at=obj.idx)
                if m is not None and m.type == "PERSON":
                    return obj
        return None

    def _person_like(self, tok: Token) -> bool:
        """A pronoun for people, a person or organisation by name, or a word like "spokesman"."""
        if tok.lower_ in SPEAKER_PRONOUNS or tok.lemma_.lower() in SOURCE_WORDS:
            return True
        span = self.doc[tok.left_edge.i:tok.right_edge.i + 1]
        m = mention_in(self.mentions, span.start_char, span.end_char, at=tok.idx)
        if m is None:
            return tok.pos_ == "PROPN" and tok.ent_type_ not in {"GPE", "NORP", "LOC", "FAC"}
        return m.type in {"PERSON", "ORG"}

    @staticmethod
    def _bare_name(tokens: list[Token]) -> bool:
        """A short proper name, with a title or a party tag ("Rep. X (R-S.C.)"), and nothing else."""
        return 0 < len(tokens) <= MAX_MID_COLON_TOKENS and tokens[0].text[:1].isupper() and tokens[-1].pos_ in {"PROPN", "PUNCT"} \
            and all(t.pos_ in {"PROPN", "PUNCT"} or t.text[:1].isupper() for t in tokens)


def _after_from(tokens: list[Token]) -> list[Token] | None:
    """What follows "From" or "More from" at the start of ``tokens``, or None without such an opening."""
    lowered = [t.lower_ for t in tokens[:2]]
    if lowered[:1] == ["from"]:
        return tokens[1:]
    if lowered == ["more", "from"]:
        return tokens[2:]
    return None


def _source_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in COLON_SOURCES or lemma in SOURCE_WORDS


def _unknown_name(tok: Token) -> bool:
    """A capitalised word opening a line that the tagger read as a bare verb: a name it does not know ("Gillibrand on X:")."""
    return tok.tag_ == "VB" and tok.text[:1].isupper() and tok.is_sent_start
