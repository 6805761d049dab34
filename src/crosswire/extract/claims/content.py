"""Content spans of attributions: the quote or complement clause a reporting cue introduces."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re

from spacy.tokens import Doc, Token

from crosswire.extract.claims.quotes import Cue, QuoteSpan, cue_lemma, load_cues

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
# Prepositions that carry the rest of an object cue's content ("accused X of Y", "described X as Y",
# "called for X", "called on X to Y").
OBJECT_PREPS = frozenset({"as", "of", "for", "about", "against"})
WORD = re.compile(r"\w+")
# "U.S.", "N.C.", "Sen.", "Gov.": full stops that do not end a sentence.
ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}|\b(?:Sen|Gov|Rep|Gen|Lt|Col|Dr|Mr|Mrs|Ms|St|Jr|Sr|Mt|Ft)\.|\b[A-Z][a-z]{1,3}\.(?=,)")
# Verbs whose object is a finding when their subject is a record ("the poll shows a tie").
EVIDENCE_CUES = frozenset({"show", "reveal", "indicate", "suggest", "find", "confirm"})
EVIDENCE_WORDS = frozenset({
    "poll", "survey", "study", "report", "analysis", "data", "record", "document", "result", "figure", "number",
    "evidence", "video", "photo", "footage", "email", "e-mail", "memo", "letter", "filing", "review", "investigation",
    "audit", "research", "statistic", "estimate", "tally", "count", "chart", "graph", "model",
})
# Cues with a material sense in conflict news ("support", "back", "attack", "defend"): not a
# stance when the one acting or acted on is a fighting force or a physical target, or the
# act comes "with" something ("blasted a checkpoint with a car bomb").
MATERIAL_SENSE_CUES = frozenset({"support", "back", "endorse", "reinforce", "attack", "blast", "defend", "hit",
                                 "target", "strike", "slam", "bombard", "pound"})
MILITARY_WORDS = frozenset({
    "troop", "troops", "force", "forces", "army", "military", "militia", "militias", "fighter", "fighters",
    "rebel", "rebels", "militant", "militants", "soldier", "soldiers", "offensive", "operation", "operations",
    "advance", "assault", "attack", "attacks", "unit", "units", "jet", "jets", "aircraft", "warplane", "warplanes",
    "airstrike", "airstrikes", "strike", "strikes", "artillery", "navy", "battalion", "brigade", "tank", "tanks",
    "helicopter", "helicopters", "drone", "drones", "gunship", "gunships", "ground", "push", "counteroffensive",
    "insurgent", "insurgents", "gunman", "gunmen", "jihadist", "jihadists", "bomber", "bombers", "police",
    "mob", "sniper", "snipers", "missile", "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs",
})
# Cues a weapon can be the subject of ("its guns had answered a drone attack"): war only then.
FORCE_SUBJECT_CUES, WEAPON_SUBJECTS = frozenset({"answer", "retaliate", "respond"}), frozenset({
    "gun", "artillery", "mortar", "battery", "howitzer", "tank", "jet", "warplane", "drone", "missile", "rocket"})
# What is hit rather than argued with: places and things ("attacked the town", "defended the border").
PHYSICAL_TARGETS = frozenset({
    "town", "towns", "city", "cities", "village", "villages", "checkpoint", "checkpoints", "convoy", "convoys",
    "base", "bases", "position", "positions", "building", "buildings", "hospital", "hospitals", "school",
    "schools", "market", "markets", "camp", "camps", "post", "posts", "border", "area", "areas", "district",
    "districts", "bridge", "airport", "depot", "headquarters", "target", "targets", "vehicle", "vehicles",
    "ship", "ships", "station", "embassy", "compound", "outpost", "territory", "stronghold", "strongholds",
})
# Entity types that are places: "attacked Aleppo" is a raid, "attacked Clinton" an argument.
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Cues that make a request of their object: "asked X to Y" (the object belongs to the content).
REQUEST_CUES = frozenset({"ask", "urge", "call", "encourage"})
# Speech verbs whose direct object is what was said when no clause follows ("said yes").
SAY_OBJECT_CUES = frozenset({"say", "explain", "predict", "recall", "describe", "reveal", "acknowledge", "disclose", "admit"})
# Cues after "said X," that speak on in the next quote ('"A," said X, explaining why ... "B."');
# a remark in passing ("referring to Y", "hinting that") leaves it to the first cue.
CONTINUING_CUES = frozenset({"explain", "add", "continue", "introduce", "tell", "write", "say"})


def _gap_ok(text: str, *, allow_words: int) -> bool:
    """Whether ``text`` between a cue and a quote is short, on one line and has no full stop."""
    if "\n" in text or "." in ABBREVIATION.sub("", text) or "?" in text or "!" in text:
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



_ANY = Cue("", "verb", "both", "positive")


def content_kind(tok: Token) -> str:
    """clause | object | predicate | raising: what the content of cue verb ``tok`` is (``data/cues.tsv``)."""
    cue = load_cues().verbs.get(cue_lemma(tok))
    return cue.content if cue is not None else "clause"


def _is_complement(cue: Token, c: Token, kind: str, takes_object: bool) -> bool:
    """Whether child ``c`` of cue verb ``cue`` is (part of) what is said or believed."""
    entry = load_cues().verbs.get(cue_lemma(cue), _ANY)
    if c.dep_ == "xcomp" and kind == "clause" and entry.applies == "direct":
        return False  # "continued campaigning": a quote verb with an action, not speech
    if c.dep_ == "xcomp" and entry.cue in REQUEST_CUES and not any(k.dep_ == "dobj" or k.dep_ == "prep" and k.lower_ == "on" for k in cue.children):
        return False  # "asked to leave": no one is asked anything; "asked X to Y", "called on X to Y" are requests
    if c.dep_ in COMPLEMENT_DEPS:
        return True
    if takes_object and c.dep_ in {"dobj", "oprd"}:
        return True
    if c.dep_ == "prep" and c.i > cue.i and c.lower_ in entry.preps:
        return not any(k.ent_type_ in {"DATE", "TIME"} for k in c.children)  # not "commented on Tuesday"  # "talked about X", "referred to X", "asked him about X"
    if takes_object and c.dep_ == "prep" and c.i > cue.i:
        if c.lower_ == "on" and kind == "predicate":
            return c.i == cue.i + 1  # "called on Congress to act", not "called her on Sunday"
        return c.lower_ in OBJECT_PREPS
    if c.dep_ == "advcl" and c.i > cue.i and any(k.dep_ == "mark" and k.lower_ == "for" for k in c.children):
        return True  # "called for his rivals to drop out": a for-to clause is what is asked
    if c.dep_ == "advcl" and c.i > cue.i and kind == "clause":
        # "said after the meeting he would resign": a complement the parser took for an adverbial.
        kids = list(c.children)
        finite = c.tag_ in {"VBD", "VBZ", "VBP"} or any(k.tag_ == "MD" for k in kids)
        return finite and any(k.dep_ == "nsubj" for k in kids) and not any(k.dep_ == "mark" for k in kids)
    return False


def _said_object(tok: Token) -> bool:
    """ "McCain says the movement ... appeals to X", "said yes": a "say" whose object is what was said."""
    if cue_lemma(tok) not in SAY_OBJECT_CUES or any(c.dep_ in COMPLEMENT_DEPS for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.i > tok.i and o.tag_ not in {"WDT", "WP"} for o in objects)  # not "the words that he said"


def _evidence_object(tok: Token) -> bool:
    """ "The poll shows a tight race", "a video showing X": what a record shows is a finding; "the army showed its tanks" is not."""
    if cue_lemma(tok) not in EVIDENCE_CUES or not any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children):
        return False
    holders = [c for c in tok.children if c.dep_ == "nsubj"] or ([tok.head] if tok.dep_ == "acl" else [])
    return any(h.lemma_.lower() in EVIDENCE_WORDS for h in holders)


def material_sense(tok: Token) -> bool:
    """ "Jets supported the advance", "backed the rebel groups", "attacked the town": acts of a
    fight, not a stance ("attacked the plan", "backed the bill" stay statements)."""
    if cue_lemma(tok) in FORCE_SUBJECT_CUES:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in WEAPON_SUBJECTS for c in tok.children)
    if cue_lemma(tok) not in MATERIAL_SENSE_CUES:
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            return True
        if c.dep_ in {"dobj", "nsubj", "nsubjpass", "agent"}:
            heads = [c] + [g for g in c.children if g.dep_ in {"pobj", "conj", "compound", "amod"}]
            if any(h.lemma_.lower() in MILITARY_WORDS or h.lower_ in MILITARY_WORDS for h in heads):
                return True
            if c.dep_ in {"dobj", "nsubjpass"} and (c.lower_ in PHYSICAL_TARGETS or c.lemma_.lower() in PHYSICAL_TARGETS
                                                    or c.ent_type_ in PLACE_ENTITY_TYPES):
                return True
    return False


class ContentMixin:
    """Content finding for ``_Finder`` (needs doc, quotes, used, paras, sents, sent_of, cue_lemmas)."""

    def _adjacent(self, core: tuple[int, int], cue: Cue) -> list[QuoteSpan]:
        text = text_of(self.doc)
        before = [q for q in self.quotes if q.close_mark is not None and q.close_mark < core[0]]
        after = [q for q in self.quotes if q.open_mark >= core[1]]
        out = []
        if before and _gap_ok(text[before[-1].close_mark + 1:core[0]], allow_words=0):
            out.append(before[-1])
        if after and _gap_ok(text[core[1]:after[0].open_mark], allow_words=MAX_GAP_WORDS):
            out.append(after[0])
        elif after and re.fullmatch(r"\s*:\s*", text[core[1]:after[0].open_mark]):
            out.append(after[0])  # "He said:" closing a paragraph, the quote opening the next one
        return [q for q in out if q.open_mark not in self.used and not _is_title(text[q.start:q.end])]

    def _para(self, char: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.paras if a <= char <= b), (0, len(text_of(self.doc))))

    def _clip(self, rng: tuple[int, int], para: tuple[int, int]) -> tuple[int, int]:
        """A range cut to one paragraph: the parser fuses a heading or a quote paragraph into a sentence."""
        a, b = max(rng[0], para[0]), min(rng[1], para[1])
        text = text_of(self.doc)
        while a < b and not (text[a].isalnum() or text[a] in "“\"‘"):
            a += 1
        return a, len(text[:b].rstrip(" ,;:\u2014-")) if b > a else a

    def _clause(self, tok: Token) -> tuple[int, int] | None:
        para = self._para(tok.idx)
        kind = content_kind(tok)
        takes_object = kind in {"object", "predicate"} or (
            tok.lemma_.lower() == "cite" and not any(c.dep_ == "dobj" and self._is_source_like(c) for c in tok.children)
        ) or _said_object(tok) or _evidence_object(tok)
        if cue_lemma(tok) in REQUEST_CUES and any(c.dep_ == "xcomp" for c in tok.children):
            takes_object = True  # "asked the Justice Department to investigate"
        comps = [c for c in tok.children if para[0] <= c.idx < para[1] and _is_complement(tok, c, kind, takes_object)]
        if kind == "predicate" and not any(c.dep_ != "dobj" for c in comps) and not _said_object(tok):
            return None  # "called his mother": no description, no claim
        if any(c.i < tok.i for c in comps) and any(c.i > tok.i for c in comps):
            comps = [c for c in comps if c.i > tok.i]  # "It's unlikely; the team says she'll go on": a clause fused from before
        if comps:
            a = min(c.left_edge.i for c in comps)
            b = max(c.right_edge.i for c in comps) + 1
            return self._clip(_char_range(self.doc, a, b), para)
        has_object = any(c.dep_ in {"dobj", "dative"} for c in tok.children)
        if tok.dep_ == "advcl" and not has_object and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            # "As Crane said, the two have become ...": the content is the clause the cue modifies
            own = {t.i for t in tok.subtree}
            sent = tok.sent
            rest = [t.i for t in tok.head.subtree if t.i not in own and sent.start <= t.i < sent.end]
            if rest:
                return self._clip(_char_range(self.doc, min(rest), max(rest) + 1), para)
        around = self._around(tok)
        if around:
            return around[0]
        return self._before_comma(tok, para)

    def _around(self, tok: Token) -> list[tuple[int, int]]:
        """ "Y, he said.", "He said, Y", "Y, he said, Z": the head clause around a parenthetical cue.

        Mid-sentence the content has two parts, before and after the cue clause.
        """
        if tok.dep_ not in {"parataxis", "ccomp"} or tok.head.pos_ not in {"VERB", "AUX"} or tok.head.i == tok.i:
            return []
        if any(c.dep_ in {"dobj", "dative"} for c in tok.children):
            return []
        doc, para = self.doc, self._para(tok.idx)
        # The parser hangs the commas that set the cue off on the cue itself: skip them.
        first, last = tok.left_edge.i, tok.right_edge.i
        while first < tok.i and doc[first].is_punct:
            first += 1
        while last > tok.i and doc[last].is_punct:
            last -= 1
        own = {t.i for t in tok.subtree}
        parts = []
        if first > 0 and doc[first - 1].text in {",", "\u2014"}:
            left = [t.i for t in tok.head.subtree if t.i < first - 1 and t.i not in own]
            if left:
                parts.append(self._clip(_char_range(doc, min(left), max(left) + 1), para))
        if last + 1 < len(doc) and doc[last + 1].text in {",", "\u2014"}:
            right = [t.i for t in tok.head.subtree if t.i > last + 1 and t.i not in own]
            if right:
                parts.append(self._clip(_char_range(doc, min(right), max(right) + 1), para))
        return [(a, b) for a, b in parts if b > a]

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
        text = text_of(self.doc)
        end = self.doc[i].idx
        stop = text.rfind(". ", para[0], end)
        start = stop + 2 if stop >= 0 else para[0]
        left = self.doc.char_span(start, end, alignment_mode="expand")
        if left is None or not any(t.pos_ in {"VERB", "AUX"} for t in left):
            return None  # "On the other hand, NATO criticized ...": a connective, not a clause
        return self._clip((start, end), para) if len(WORD.findall(text[start:end])) >= 3 else None

    def _content(self, tok: Token, core: tuple[int, int], cue: Cue) -> tuple[list[tuple[int, int]], bool] | None:
        quotes = self._adjacent(core, cue) if cue.applies != "indirect" else []
        clause = self._clause(tok)
        if tok.lemma_.lower() == "cite" and clause is None and tok.head.i != tok.i and tok.head.lemma_.lower() in self.cue_lemmas:
            clause = self._clause(tok.head)
        if clause is not None and clause[1] > clause[0]:
            # '...identity." Cruz says he is not familiar': a quote that closes its own sentence
            # belongs to the sentence before when the cue has a complement of its own.
            text = text_of(self.doc)
            quotes = [q for q in quotes if q.open_mark >= core[0] or not text[q.start:q.end].rstrip().endswith(".")]
        if quotes:
            spans = [(q.start, q.end) for q in quotes]
            touching = clause is not None and any(a < clause[1] and clause[0] < b for a, b in spans)
            around = clause is not None and clause[0] <= tok.idx < clause[1]  # '"A," Trump said during X, "B."'
            if clause is None or not touching or around or not self._outside(clause, spans + [core]):
                for q in quotes:
                    self.used.add(q.open_mark)
                return spans, True
            if any(a < clause[1] and clause[0] < b for a, b in spans):
                lo = min([clause[0]] + [q.open_mark for q in quotes if q.start < clause[1] and clause[0] < q.end])
                hi = max([clause[1]] + [q.close_mark + 1 for q in quotes if q.close_mark and q.start < clause[1] and clause[0] < q.end])
                return [(lo, hi)], False
        if clause is None or clause[1] <= clause[0]:
            return None
        around = self._around(tok)
        if len(around) == 2 and clause == around[0]:
            return around, False
        inner = [q for q in self.quotes if q.start <= clause[0] and clause[1] <= q.end]
        if inner:
            self.used.add(inner[0].open_mark)
            return [clause], True
        tail = self._quote_tail(tok, clause)
        if tail is not None:
            self.used.add(tail.open_mark)
            return [clause, (tail.start, tail.end)], False
        return [clause], False

    def _quote_tail(self, tok: Token, clause: tuple[int, int]) -> QuoteSpan | None:
        """ "X said he had offers, but “they were not serious.”": a quote that ends the clause's sentence.

        The parser often hangs it off the cue rather than the clause; it is still what X said.
        """
        text = text_of(self.doc)
        sent = self.sents[self.sent_of[tok.i]]
        q = next((q for q in self.quotes if q.open_mark >= clause[1]), None)
        if q is None or q.single or q.open_mark in self.used or q.open_mark >= sent.end_char or tok.idx > clause[0]:
            return None
        gap = text[clause[1]:q.open_mark]
        if not re.fullmatch(r"[\s,;:\u2014-]*(?:(?:but|and|as well|too)[\s,]*)?", gap):
            return None
        return q

    def _outside(self, clause: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        """Whether the clause has words outside the quotes (beyond "that")."""
        text = text_of(self.doc)
        for m in WORD.finditer(text, clause[0], clause[1]):
            if m.group().lower() == "that" or any(a <= m.start() < b for a, b in spans):
                continue
            return True
        return False

    def _previous_quote(self, tok: Token) -> tuple[list[tuple[int, int]], bool] | None:
        """ "...quote." followed by "he said." in the next sentence."""
        n = self.sent_of[tok.i]
        if n == 0 or len(WORD.findall(self.sents[n].text)) > 6:
            return None
        prev = self.sents[n - 1]
        for q in self.quotes:
            if q.open_mark in self.used or q.close_mark is None:
                continue
            # The quote ends the previous sentence: it must lie before the cue, not anywhere after it.
            if prev.start_char <= q.open_mark < prev.end_char <= q.close_mark + 2 <= tok.idx + 2 \
                    and "\n" not in text_of(self.doc)[q.close_mark:tok.idx]:
                self.used.add(q.open_mark)
                return [(q.start, q.end)], True
        return None

    def _continuations(self, found: list[Attribution]) -> list[Attribution]:
        """Quotes with no cue that carry on a direct quote just before them (same speaker)."""
        text = text_of(self.doc)
        extra = []
        for q in self.quotes:
            if q.open_mark in self.used or q.single:
                continue
            # 'X may act soon, Schiff said. "The other factor ..."': a quote goes on from reported
            # speech too, when its cue can introduce quotes.
            last = max((a for a in found if (a.direct or self._trailing_cue(a)) and a.content and a.content[-1][1] <= q.open_mark),
                       key=lambda a: a.content[-1][1], default=None)
            if last is None:
                continue
            end_ev = self._sentence_end(last)
            between = text[end_ev:q.open_mark]
            if between.strip() or between.count("\n") > 2:
                continue
            if any(a <= q.start < b for att in found for a, b in att.content):
                continue  # 'X said, adding that Y showed "Z"': already inside another cue's clause
            # '"A," said X, explaining why ... "B."': the quote goes on from the later cue.
            later = [a for a in found if a.cue[0] > last.cue[0] and a.source == last.source and a.source is not None
                     and self.doc[a.cue[0]].idx < q.open_mark and self.sent_of[a.cue[0]] == self.sent_of[last.cue[0]]]
            if later and self.doc[later[-1].cue[0]].lemma_.lower() in CONTINUING_CUES:
                last = later[-1]
            self.used.add(q.open_mark)
            last.content.append((q.start, q.end))
        return extra

    def _trailing_cue(self, att: Attribution) -> bool:
        """A speech verb after what it reports ("X may act soon, Schiff said."), which a quote may carry on."""
        cue = self.doc[att.cue[0]]
        return att.lexeme.kind == "verb" and att.lexeme.applies != "indirect" and cue.idx > att.content[0][0]

    def _sentence_end(self, att: Attribution) -> int:
        ends = [self.sents[self.sent_of[att.cue[0]]].end_char]
        for a, b in att.content:
            span = self.doc.char_span(max(a, b - 1), b, alignment_mode="expand")
            if span is not None:
                ends.append(span.sent.end_char)
        return max(ends)
