"""Attributions whose cue is not a reporting verb: speech nouns, stance adjectives, "in" + a survey, title-case headlines."""

from __future__ import annotations

from crosswire.nlp.text import text_of

from crosswire.extract.claims.attribution_types import Attribution
from crosswire.extract.claims.colons import MAX_COLON_SOURCE_TOKENS, ColonsMixin
from crosswire.extract.claims.content import MILITARY_WORDS, _char_range
from crosswire.extract.claims.quotes import Cue, load_cues
from crosswire.extract.claims.speakers import np_bounds, subjects_of

# Verbs that turn a speech noun into a statement by their subject ("raised questions about", "made the claim that").
LIGHT_VERBS = frozenset({"make", "raise", "issue", "express", "voice", "offer", "repeat", "renew", "reiterate", "level", "lodge", "file",
                         "have", "give", "deliver", "take", "present", "outline", "share"})
# "In the latest poll, X leads": findings of a survey, attributed to it through "in".
POLL_WORDS = frozenset({"poll", "survey", "study", "analysis", "estimate", "tally", "projection", "forecast", "average", "census"})
POLL_CUE = Cue("in", "phrase", "indirect", "positive")
# Verbs that link a subject to a stance adjective ("is confident", "remains skeptical").
COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "sound", "feel", "grow", "stay"})


class OtherCuesMixin(ColonsMixin):
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
