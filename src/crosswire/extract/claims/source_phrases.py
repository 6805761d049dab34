"""Source phrases of attributions: the words naming the speaker, their PolNeAR-style extent, whom they refer to."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.clean.metadata import match_outlet
from crosswire.extract.entities.aliases import load_aliases
from crosswire.extract.claims.speakers import mention_in, needs_resolution, np_bounds, resolve

# Heads of an object that is a person or organisation being quoted ("quoted a source as saying").
SOURCE_WORDS = frozenset({"source", "official", "officials", "sources", "spokesman", "spokeswoman", "spokesperson",
                          "diplomat", "aide", "witness", "resident", "agency", "ministry", "minister", "report", "media"})
# Left dependents that open the sentence rather than name the source ("At the debate, Clinton said").
PHRASE_LEFT_DROP = frozenset({"cc", "prep", "punct", "preconj", "mark", "meta", "advcl", "npadvmod", "dep", "ccomp", "parataxis"})
PHRASE_BARRIERS = frozenset({"\u201c", "\u201d", '"', "''", ":", "\u2014", "--", "\u2013", "(", ")"})
# After the source, a colon then an opening quote mark starts what it says ("pollster Jo Ames: “...”");
# a colon or quote mark alone is often part of a title ("author of “Let the People Rule: ...”").
QUOTE_OPENERS = frozenset({"\u201c", '"', "\u2018"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
LEADING_DROP = frozenset({"and", "but", "so", "yet", "or", "also", "then", "as"})
# Focus adverbs before a source ("Even the mayor said", "Especially the young say") tell how
# surprising the speaker is, not who it is. Not "only", which counts the speakers ("only two senators").
FOCUS_ADVERBS = frozenset({"even", "also", "especially", "particularly", "notably"})
# '"...," said X': the quote mark or comma before an inverted cue, and how long X may be.
QUOTE_CLOSERS = frozenset({"\u201d", '"', "''", ","})
MAX_INVERTED_TOKENS = 10
# Dependents of a source, after a comma, that remark on it in passing rather than name it.
SIDE_REMARK_DEPS = frozenset({"acl", "advcl", "advmod", "amod"})
# Verbs of a relative clause that report another statement ("X, who added that ...", "X, who
# declined to be named"): PolNeAR gives that statement its own attribution, so the clause is
# not part of the speaker's name.
RELATIVE_SPEECH_VERBS = frozenset({"say", "add", "tell", "decline", "speak", "request", "ask", "write", "tweet", "liken",
                                   "suggest", "cite", "note", "argue", "insist", "acknowledge", "explain", "describe",
                                   "claim", "warn", "comment"})


class SourceMixin:
    """Source spans for ``_Finder`` (needs doc, mentions, quotes, sent_of, refs, other_refs, named and ``_para``)."""

    def _inverted_subject(self, tok: Token, end: int) -> tuple[int, int] | None:
        """ '"...," said Finance committee ranking member Dana Okafor.': a name after the cue the parser lost."""
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

    def _stranded_subject(self, tok: Token) -> tuple[int, int] | None:
        """ "In a statement to the Observer, her adviser, Jake Smith, said:": a finite cue whose
        subject the parser hung on the opening phrase as an apposition."""
        doc = self.doc
        if tok.tag_ not in {"VBD", "VBZ", "VBP"} or tok.i < 2:
            return None
        prev = doc[tok.i - 2] if doc[tok.i - 1].text == "," else doc[tok.i - 1]
        if prev.dep_ != "appos" or prev.sent.start != tok.sent.start or not self._is_source_like(prev):
            return None
        while prev.head.dep_ == "appos" and prev.head.i < prev.i:
            prev = prev.head
        return np_bounds(prev)

    def _after_quote_subject(self, tok: Token) -> tuple[int, int] | None:
        """ '"...," Trump, 70, told CNN': the name between a closing quote mark and the cue, when the
        parser tied the cue to a verb of the quote and left the name as a modifier."""
        doc = self.doc
        q = next((q for q in reversed(self.quotes) if q.close_mark is not None and q.close_mark < tok.idx), None)
        if q is None or q.single:
            return None
        words = [t for t in doc[:tok.i] if t.idx > q.close_mark and not t.is_punct]
        if not words or len(words) > MAX_INVERTED_TOKENS or "\n" in doc[words[0].i:tok.i].text \
                or not (words[0].pos_ == "PROPN" or words[0].text[:1].isupper()):
            return None
        if any(t.pos_ in {"VERB", "AUX", "ADP"} for t in words):
            return None
        return words[0].i, words[-1].i + 1

    def _quoted(self, tok: Token) -> bool:
        """Whether ``tok`` sits between double quote marks."""
        return any(q.start <= tok.idx < q.end for q in self.quotes if not q.single)

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

    def _phrase(self, source: tuple[int, int], *, relative: bool = True) -> tuple[int, int]:
        """The source with its appositions and relative clauses ("Cox, who runs the NRA's lobbying arm").

        Not an opening phrase before it ("At the debate, Clinton"), never across a quote mark or colon.
        Without ``relative``, a relative clause after a comma stays out ("according to the survey,
        which is prepared monthly": a remark on a source already named).
        """
        doc = self.doc
        source = self._trim(source)
        root = doc[source[0]:source[1]].root
        start, end = source
        for child in root.lefts:
            if child.i < start and child.dep_ not in PHRASE_LEFT_DROP and not _focus(child):
                start = min(start, child.left_edge.i)
        end = max(end, self._phrase_end(root, relative=relative))
        para = self._para(root.idx)
        for i in range(source[0] - 1, start - 1, -1):
            if doc[i].idx < para[0] or doc[i].text in PHRASE_BARRIERS or "\n" in doc[i].text:
                start = i + 1
                break
        for i in range(root.i + 1, end):  # nor into the next paragraph ('said Sanders.\n\n_') or a quote it introduces
            if doc[i].idx >= para[1] or "\n" in doc[i].text or self._opens_quote(i):
                end = i
                break
        while start < source[0] and (doc[start].is_punct or doc[start].is_space):
            start += 1
        prev = doc[start - 1] if start > 0 and doc[start - 1].idx >= para[0] else None
        if prev is not None and prev.pos_ in {"VERB", "ADJ"} and prev.text[:1].isupper() and prev.is_alpha \
                and not prev.is_sent_start and doc[start].pos_ in {"ADJ", "NOUN", "PROPN"}:
            start -= 1  # "Trump senior adviser X": a name the tagger read as the verb "trump"
        while end > source[1] and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return self._trim((start, end))

    def _opens_quote(self, i: int) -> bool:
        doc = self.doc
        return doc[i].text == ":" and i + 1 < len(doc) and doc[i + 1].text in QUOTE_OPENERS

    def _phrase_end(self, root: Token, *, relative: bool = True) -> int:
        """Where the source phrase headed by ``root`` ends: before a side remark set off by a comma.

        An active participle or adverb after a comma ("Trump, speaking at a rally,", "X, clearly
        frustrated,") tells what the source was doing, not who it is; PolNeAR-style spans keep
        appositions, relative clauses and passive participles ("a group, funded by donors,").
        """
        doc = self.doc
        end = root.i + 1
        for child in root.rights:
            if _when(child):
                break  # "A poll in June showed": when the source spoke is not part of its name
            after_comma = doc[child.left_edge.i - 1].text in {",", "\u2014", "--", "-"}
            if child.dep_ in SIDE_REMARK_DEPS and child.tag_ != "VBN" and after_comma:
                break
            if child.dep_ == "relcl" and after_comma and (self._reports_speech(child) or not relative):
                break
            if child.dep_ == "appos" and _clause_in_disguise(child):
                break  # "According to AP, 571 of the delegates ... supported X": the main clause, misparsed
            end = max(end, child.right_edge.i + 1)
        return end

    @staticmethod
    def _reports_speech(clause: Token) -> bool:
        """Whether a relative clause tells of another statement ("who said ...", "who declined to comment")."""
        verbs = [clause] + [c for c in clause.children if c.dep_ == "conj"]
        return any(v.lemma_.lower() in RELATIVE_SPEECH_VERBS for v in verbs)

    def _trim(self, span: tuple[int, int]) -> tuple[int, int]:
        """Without a leading conjunction or relative word ("And a third, X", "which she") or a clitic ("she's")."""
        doc = self.doc
        start, end = span
        while end - start > 1 and (doc[start].lower_ in LEADING_DROP or doc[start].tag_ in {"WDT", "WP"} or doc[start].is_punct
                                   or _focus(doc[start])) and not _degree_as(doc, start, end):
            start += 1
        if end - start > 1 and doc[end - 1].lower_ in {"'s", "\u2019s"} and doc[end - 2].tag_ == "PRP":
            end -= 1  # "she's said"
        return start, end

    def _can_speak(self, tok: Token) -> bool:
        """"citing a military source", "quoting Lavrov", "citing Reuters"; not what a report cites
        as evidence ("citing the jobless figures", "citing Exodus 18:21", "citing Americans")."""
        if tok.lemma_.lower() in SOURCE_WORDS or tok.ent_type_ in {"PERSON", "ORG"}:
            return True
        return self._is_media(np_bounds(tok))

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
        pronoun = head.lower_ in {"he", "she", "they", "it", "who", "we", "i"}
        # "According to a statement from Assad's office, the Syrian leader had asked ...": a
        # description means the one its own sentence names before it, if it names one.
        ref = None if pronoun else resolve(doc, head.i, sent, [r for r in self.named if r.sent == sent])
        ref = ref or resolve(doc, head.i, sent, self.refs) or resolve(doc, head.i, sent, self.other_refs)
        if ref is None and not pronoun:
            ref = resolve(doc, head.i, sent, self.named)
        return (ref.start, ref.end) if ref else None


def _focus(tok: Token) -> bool:
    return tok.dep_ == "advmod" and tok.lower_ in FOCUS_ADVERBS


def _degree_as(doc: Doc, start: int, end: int) -> bool:
    """ "As many as 30 percent", "as few as ten": the first "as" of a degree phrase counts the speakers."""
    return doc[start].lower_ == "as" and start + 2 < end and doc[start + 2].lower_ == "as"


def _when(tok: Token) -> bool:
    """A date or time after a noun ("in June", "Monday"): a bare date or a preposition with one."""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in TIME_ENTITIES
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    return tok.dep_ == "prep" and bool(objs) and all(o.ent_type_ in TIME_ENTITIES for o in objs)


def _clause_in_disguise(appos: Token) -> bool:
    """An "apposition" holding a finite verb as a modifier: a clause the parser folded into the source."""
    return any(t.dep_ == "acl" and t.tag_ in FINITE_TAGS for t in appos.subtree)
