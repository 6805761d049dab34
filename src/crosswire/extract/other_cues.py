"""Attributions whose cue is not a reporting verb: speech nouns, a colon after a name, "in" + a survey, title-case headlines."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re

from spacy.tokens import Token

from crosswire.extract.attribution_types import Attribution
from crosswire.extract.content import MILITARY_WORDS, PHYSICAL_TARGETS, PLACE_ENTITY_TYPES, _char_range, material_sense
from crosswire.extract.quotes import Cue, load_cues
from crosswire.extract.source_phrases import SOURCE_WORDS
from crosswire.extract.speakers import mention_in, np_bounds, subjects_of

# Verbs that turn a speech noun into a statement by their subject ("raised questions about", "made the claim that").
LIGHT_VERBS = frozenset({"make", "raise", "issue", "express", "voice", "offer", "repeat", "renew", "reiterate", "level", "lodge", "file",
                         "have", "give", "deliver", "take", "present", "outline", "share"})
# "Name: content" at the start of a paragraph (headlines, round-ups): at most this many tokens
# of name, which must hold a proper noun or one of COLON_SOURCES; COLON_LABELS open a label, not a source.
MAX_COLON_SOURCE_TOKENS = 8
COLON_SOURCES = frozenset({"report", "poll", "survey", "study", "source", "official", "aide", "spokesman", "spokeswoman"})
COLON_LABELS = frozenset({"update", "updated", "note", "related", "watch", "read", "editor", "photo", "video", "correction",
                          "click", "see", "listen", "share", "tags", "topics", "more", "also", "q", "a", "tel", "email",
                          "exclusive", "breaking", "analysis", "opinion", "live", "transcript", "timeline", "photos", "audio"})
# Tokens after which a name before a colon may start mid-paragraph, and how long it may be there.
SENTENCE_ENDS = frozenset({".", "?", "!", "...", "\u2026"})
MAX_MID_COLON_TOKENS = 6
# Subjects that name people whatever the mention finder says ("She went further: ...").
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
COLON_CUE = Cue(":", "colon", "both", "positive")
COLON_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
QUOTE_OPENERS = frozenset({"\u201c", '"', "\u2018"})
# "In the latest poll, X leads": findings of a survey, attributed to it through "in".
POLL_WORDS = frozenset({"poll", "survey", "study", "analysis", "estimate", "tally", "projection", "forecast", "average", "census"})
POLL_CUE = Cue("in", "phrase", "indirect", "positive")
# Verbs that link a subject to a stance adjective ("is confident", "remains skeptical").
COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "sound", "feel", "grow", "stay"})
WORD = re.compile(r"\w+")


class OtherCuesMixin:
    """Non-verb cues for ``_Finder`` (needs doc, quotes, used, paras, cue_lemmas and the source/content helpers)."""

    def _adjectives(self, found: list[Attribution]) -> list[Attribution]:
        """ "Democrats are confident that ...", "X was critical of Y": a stance adjective after a copula."""
        doc, adjectives = self.doc, load_cues().adjectives
        taken = [r for a in found for r in a.content]
        taken += [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in self.quotes]  # "I'm sure" is the quote's
        out = []
        for tok in doc:
            cue = adjectives.get(tok.lower_) if tok.dep_ == "acomp" and tok.head.lemma_ in COPULAS else None
            if cue is None or any(a <= tok.idx < b for a, b in taken):
                continue
            owners = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i and c.tag_ not in {"WDT", "WP", "EX"}]
            parts = [c for c in tok.rights if c.dep_ in {"ccomp", "xcomp"}]
            parts += [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in cue.preps and any(k.dep_ in {"pobj", "pcomp"} for k in c.children)]
            parts += [c for c in tok.head.rights if c.dep_ == "ccomp" and c.i > tok.i]  # "is confident the bill will pass"
            if not owners or not parts or owners[0].lower_ == "it":
                continue
            content = [self._clip(_char_range(doc, parts[0].left_edge.i, parts[0].right_edge.i + 1), self._para(tok.idx))]
            if content[0][1] <= content[0][0]:
                continue
            source = self._trim(np_bounds(owners[0]))
            out.append(Attribution((tok.head.i, tok.i + 1), cue, source, self._phrase(source), self._resolve(source), content, False))
        return out

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
            dashes = [n for n, t in enumerate(left) if t.text in COLON_DASHES]
            quote = next((q for q in self.quotes if not q.single and q.open_mark > tok.idx
                          and not text[tok.idx + 1:q.open_mark].strip()), None)
            breaks = [n for n, t in enumerate(left) if t.text in SENTENCE_ENDS]
            mid = False
            if dashes and text[tok.idx + 1:tok.idx + 8].lstrip()[:1] in QUOTE_OPENERS:
                left = left[dashes[-1] + 1:]  # "HEADLINE - Pollster Name: “quote”": a source after a dash, then a quote
            elif quote is not None and quote.open_mark not in self.used and breaks and self._bare_name(left[breaks[-1] + 1:]):
                # 'They differ. Bush: "..."', 'he tweeted about ... Trump: "..."': mid-paragraph, only
                # a bare name right after a sentence introduces the quote.
                left, mid = left[breaks[-1] + 1:], True
            elif not left or left[0].idx != para[0] + len(text[para[0]:left[0].idx]) - len(text[para[0]:left[0].idx].lstrip()):
                continue  # the source must open the paragraph
            if not left:
                continue
            if len(left) > MAX_COLON_SOURCE_TOKENS or any(t.pos_ in {"VERB", "AUX"} or t.like_num for t in left):
                continue  # "X said:" belongs to the verb; "10:30" is a time
            # A capitalised noun is a name too: the tagger reads a lone name before a colon as a common noun.
            if left[0].lower_ in COLON_LABELS or not any(
                    t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.text[:1].isupper() or t.lemma_.lower() in COLON_SOURCES for t in left):
                continue
            content = (quote.start, quote.end) if mid and quote is not None else self._clip((tok.idx + 1, para[1]), para)
            if len(WORD.findall(text[content[0]:content[1]])) < 3:
                continue
            inner = [q for q in self.quotes if content[0] <= q.open_mark < content[1]]
            for q in inner:
                self.used.add(q.open_mark)
            source = (left[0].i, left[-1].i + 1)
            out.append(Attribution((tok.i, tok.i + 1), COLON_CUE, source, source, self._resolve(source), [content], bool(inner)))
        return out

    def _clause_colons(self, found: list[Attribution]) -> list[Attribution]:
        """ "Rubio fired back: “...”", "She went further: “...”": a clause with a speaker subject, a
        colon, then a quote no cue has taken; the verb need not be a reporting verb."""
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
            if verb.pos_ not in {"VERB", "AUX"} or verb.i in taken or verb.i > colon[0].i or verb.lemma_ == "be":
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and not self._quoted(c)]
            if not subjects or not self._person_like(subjects[0]) or material_sense(verb) or any(
                    c.dep_ == "dobj" and (c.ent_type_ in PLACE_ENTITY_TYPES or c.lemma_.lower() in PHYSICAL_TARGETS)
                    for c in verb.children):
                continue  # "Russia shelled the town: “...”" is no speech, whoever is quoted next
            source = self._trim(np_bounds(subjects[0]))
            self.used.add(q.open_mark)
            out.append(Attribution((verb.i, verb.i + 1), COLON_CUE, source, self._phrase(source), self._resolve(source),
                                   [(q.start, q.end)], True))
        return out

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
            if not parts and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "Their fear is that ...": the copula's complement
                parts = [c for c in tok.head.rights if c.dep_ in {"ccomp", "xcomp"}][:1]
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

    def _polls(self, found: list[Attribution]) -> list[Attribution]:
        """ "In the latest poll, Trump leads by five points": a survey as the source of a finding.

        Read like "according to" (the poll is the source, the clause it modifies the content),
        unless the clause already has a cue of its own ("In a poll, 40 percent said ...").
        """
        doc = self.doc
        cued = {a.cue[0] for a in found}
        taken = [r for a in found for r in a.content]
        out = []
        for tok in doc:
            if tok.lower_ != "in" or tok.dep_ != "prep" or any(a <= tok.idx < b for a, b in taken):
                continue
            # "leads in the polls" is standing, not a finding: the survey must be a particular one.
            objs = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in POLL_WORDS
                    and any(k.dep_ in {"compound", "amod", "poss", "acl"} for k in c.children)]
            if not objs or tok.head.i in cued or any(c.i in cued for c in tok.head.children):
                continue
            att = self._according(tok.i, tok.i + 1, POLL_CUE)
            if att is not None:
                out.append(att)
        return out

    def _headline(self, found: list[Attribution]) -> list[Attribution]:
        """ "Senator Blasts Trade Deal": a title in title case, where the tagger misses the verb.

        The first line only, when no cue was found in it: a name, then the first word that
        de-inflects to a cue verb, then what it says.
        """
        doc, text = self.doc, text_of(self.doc)
        if not self.paras or any(a.cue[0] < len(doc) and doc[a.cue[0]].idx < self.paras[0][1] for a in found):
            return []
        line = [t for t in doc if t.idx < self.paras[0][1] and not t.is_space]
        verbs = load_cues().verbs
        for n, tok in enumerate(line[1:MAX_COLON_SOURCE_TOKENS + 1], start=1):
            cue = next((verbs[w] for w in _bare_forms(tok.lower_) if w in verbs), None)
            # Headlines report in the present: "Blasts", "Denies", "Vows"; a bare form is more often a noun.
            if cue is None or not tok.text[:1].isupper() or not tok.lower_.endswith("s") or tok.lower_.endswith("ss"):
                continue
            left, rest = line[:n], [t for t in line[n + 1:] if not t.is_punct]
            if any(t.lower_ in {"'s", "\u2019s", "why", "how", "what", "the", "this", "a", "an"} for t in left) \
                    or not any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in left) or len(rest) < 2:
                return []  # "Why X's Attacks On Y", "The Campaign Of": a noun phrase, not a name and a verb
            source = (left[0].i, left[-1].i + 1)
            content = self._clip((doc[tok.i + 1].idx, self.paras[0][1]), self.paras[0])
            return [Attribution((tok.i, tok.i + 1), cue, source, source, source, [content], False)]
        return []


def _bare_forms(word: str) -> list[str]:
    """The word and what it could be before an inflection ("blasts" -> "blast", "praises" -> "praise")."""
    forms = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return forms
