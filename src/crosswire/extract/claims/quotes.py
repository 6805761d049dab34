"""Quote spans (text between balanced quote marks, per paragraph) and reporting-cue spans of a Doc."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import csv
import functools
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span, Token
from crosswire.identity_cache import by_identity
from crosswire.nlp.base import Component

# Warning code for a paragraph whose double quote marks do not pair up (style G7: degrade
# per paragraph, say where). Kept here until errors.py grows a Warnings class.
W301 = "W301: unbalanced quote marks in the paragraph at offset {offset}; its quotes are skipped"

OPEN_DOUBLE, CLOSE_DOUBLE = "\u201c", "\u201d"
OPEN_SINGLE, CLOSE_SINGLE = "\u2018", "\u2019"
STRAIGHT_DOUBLE = '"'
TWO_APOSTROPHES = "''"
# Characters after which a straight double quote opens a quote rather than closes one.
OPENING_CONTEXT = set(" \t\n([{\u2014\u2013-/:")
# Paragraphs are separated by a blank line (the cleaner's output) or a single newline.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
# Longest cue suffix in tokens ("on its telegram channel"); bounds the suffix search.
MAX_SUFFIX_TOKENS = 4


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between a pair of quote marks; ``start``/``end`` exclude the marks.

    ``continues`` is True for a paragraph that opens a quote and leaves it open because the
    next paragraph re-opens it (the newspaper convention for multi-paragraph quotes).
    """

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote continues
    paragraph: int  # offset where the paragraph starts
    single: bool = False
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of ``data/cues.tsv``."""

    cue: str
    kind: str  # verb | phrase | suffix
    applies: str  # direct | indirect | both
    polarity: str  # positive | negative
    # What the content is: clause (a that/to complement), object (also a direct object:
    # "denied the charges"), predicate (an object with its description: "called X a Y"),
    # raising (the subject is part of the content, the source is unnamed: "X seems to Y").
    content: str = "clause"
    # Prepositions whose object is the content when no clause follows ("talked about X",
    # "referred to X", "asked about X"); from the optional ``preps`` column, comma-separated.
    preps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Reporting cues by lemma, plus multi-word phrases and channel/audience suffixes."""

    verbs: dict[str, Cue]
    phrases: dict[tuple[str, ...], Cue]
    suffixes: tuple[tuple[str, ...], ...]
    nouns: dict[str, Cue] = field(default_factory=dict)  # "Trump's claim that ...", "his call for ..."
    adjectives: dict[str, Cue] = field(default_factory=dict)  # "X is confident that ...", "X is critical of ..."


@functools.lru_cache(maxsize=2)
def load_cues(path: str | None = None) -> CueLexicon:
    """The cue lexicon at ``path``, or the one shipped in ``crosswire/data/cues.tsv``.

    Example:
        >>> load_cues().verbs["deny"].polarity
        'negative'
    """
    if path:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    else:
        text = resources.files("crosswire").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    verbs: dict[str, Cue] = {}
    phrases: dict[tuple[str, ...], Cue] = {}
    suffixes: list[tuple[str, ...]] = []
    nouns: dict[str, Cue] = {}
    adjectives: dict[str, Cue] = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        content = (row.get("content") or "clause").strip()
        preps = tuple(p for p in (row.get("preps") or "").strip().split(",") if p)
        cue = Cue(row["cue"].strip().lower(), row["kind"].strip(), row["applies"].strip(), row["polarity"].strip(), content, preps)
        if cue.kind == "verb":
            verbs[cue.cue] = cue
        elif cue.kind == "noun":
            nouns[cue.cue] = cue
        elif cue.kind == "adjective":
            adjectives[cue.cue] = cue
        elif cue.kind == "phrase":
            phrases[tuple(cue.cue.split())] = cue
        else:
            suffixes.append(tuple(cue.cue.split()))
    suffixes.sort(key=len, reverse=True)  # longest suffix wins
    return CueLexicon(verbs, phrases, tuple(suffixes), nouns, adjectives)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-empty paragraph of ``text``."""
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Double quote marks of a paragraph as ``(offset, "open"|"close")``."""
    marks: list[tuple[int, str]] = []
    depth = 0
    skip = -1
    for i in range(start, end):
        c = text[i]
        if i == skip:
            continue
        if text.startswith(TWO_APOSTROPHES, i):
            c, skip = STRAIGHT_DOUBLE, i + 1  # ''quoted'' (the New York Times' style) reads as "quoted"
        after = text[i + 1] if i + 1 < end else " "
        if c == OPEN_DOUBLE:
            # a mistyped mark: “ closing an open quote before a space ('“Apparently not,“ he said')
            kind = "close" if depth > 0 and after.isspace() else "open"
        elif c == CLOSE_DOUBLE:
            kind = "open" if depth == 0 and after.isalnum() else "close"  # and ” opening one before a word
        elif c == STRAIGHT_DOUBLE:
            before = text[i - 1] if i > start else " "
            # Straight marks alternate; context breaks the tie when the count is off.
            kind = "open" if depth == 0 and (before in OPENING_CONTEXT or i == start) else "close" if depth else "open"
        else:
            continue
        depth += 1 if kind == "open" else -1
        marks.append((i, kind))
    return marks


_SINGLE_MARK = re.compile(f"[{OPEN_SINGLE}{CLOSE_SINGLE}]")


def _single_quotes(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> list[QuoteSpan]:
    """‘...’ pairs outside double quotes; a ’ followed by a letter is an apostrophe."""
    out = []
    opened: int | None = None
    for m in _SINGLE_MARK.finditer(text, start, end):  # only the marks: the rest of the text cannot pair
        i = m.start()
        if any(a <= i < b for a, b in inside):
            continue
        c = text[i]
        if c == OPEN_SINGLE and (i == start or not text[i - 1].isalnum()):
            opened = i
        elif c == CLOSE_SINGLE and opened is not None:
            after = text[i + 1] if i + 1 < end else " "
            if not after.isalnum():
                out.append(QuoteSpan(opened + 1, i, opened, i, start, single=True))
                opened = None
    return out


def find_quote_marks(text: str) -> tuple[list[QuoteSpan], list[int]]:
    """Quote spans of ``text``, paragraph by paragraph, and the paragraphs skipped.

    A paragraph whose double quotes do not pair up is skipped (its offset is returned),
    unless it opens one quote that the next paragraph re-opens.

    Example:
        >>> spans, bad = find_quote_marks('“Yes,” he said.\\n\\nA stray ” mark.\\n\\n“No.”')
        >>> [('“Yes,” he said.\\n\\nA stray ” mark.\\n\\n“No.”')[s.start:s.end] for s in spans], bad
        (['Yes,', 'No.'], [17])
    """
    paras = list(paragraphs(text))
    spans: list[QuoteSpan] = []
    skipped: list[int] = []
    for n, (start, end) in enumerate(paras):
        marks = _double_marks(text, start, end)
        pairs: list[tuple[int, int | None]] = []
        opened: int | None = None
        ok = True
        for pos, kind in marks:
            if kind == "open" and opened is None:
                opened = pos
            elif kind == "close" and opened is not None:
                pairs.append((opened, pos))
                opened = None
            else:
                ok = False
                break
        if ok and opened is not None:
            nxt = paras[n + 1][0] if n + 1 < len(paras) else None
            if nxt is not None and text[nxt] in (OPEN_DOUBLE, STRAIGHT_DOUBLE):
                pairs.append((opened, None))
            else:
                ok = False
        if not ok:
            skipped.append(start)
            warnings.warn(W301.format(offset=start), stacklevel=2)
            continue
        inside = [(a, b if b is not None else end) for a, b in pairs]
        for a, b in pairs:
            stop = b if b is not None else end
            width = len(TWO_APOSTROPHES) if text.startswith(TWO_APOSTROPHES, a) else 1
            spans.append(QuoteSpan(a + width, stop, a, b, start, continues=b is None))
        spans.extend(_single_quotes(text, start, end, inside))
    return sorted(spans, key=lambda s: s.start), skipped


def cue_tokens(doc: Doc, lexicon: CueLexicon, quotes: list[QuoteSpan]) -> list[tuple[int, int, Cue]]:
    """Token spans ``(start, end, cue)`` of reporting cues outside quotes.

    A verb cue grows by a directly following suffix ("said" + "on its website").
    """
    inside = [(q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in quotes if not q.single]
    found = []
    for tok in doc:
        if any(a <= tok.idx <= b for a, b in inside):
            continue  # "said" inside a quotation is the quoted person's word, not a cue
        phrase = _phrase_at(doc, tok, lexicon)
        if phrase:
            found.append(phrase)
            continue
        cue = lexicon.verbs.get(cue_lemma(tok, lexicon))
        if cue is None or tok.pos_ not in {"VERB", "AUX"} and tok.tag_[:2] != "VB" and not _verb_in_function(tok):
            continue
        if tok.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in tok.children):
            continue  # "the group calling itself the Islamic State": a name it gives itself, not a statement
        end = tok.i + 1
        for suffix in lexicon.suffixes:
            words = tuple(t.lower_ for t in doc[end:end + len(suffix)])
            if words == suffix:
                end += len(suffix)
                break
        found.append((tok.i, end, cue))
    return found


REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "themself", "oneself"})
# Verbs that name their object: with a reflexive object ("calls itself X") a self-given name.
# Others keep it ("declared himself the winner" is a claim of winning).
NAMING_VERBS = frozenset({"call", "style", "dub", "name", "term", "label"})


def _verb_in_function(tok: Token) -> bool:
    """ "Trump claims that ...": a word tagged as a noun that has a subject and a clause works as a verb."""
    kids = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and "nsubj" in kids and bool(kids & {"ccomp", "xcomp", "dobj"})


def cue_lemma(tok: Token, lexicon: CueLexicon | None = None) -> str:
    """The lexicon key of ``tok``: its lemma, or its de-inflected form when the lemmatizer slips ("hopes" -> "hop")."""
    verbs = (lexicon or load_cues()).verbs
    lemma = tok.lemma_.lower()
    if lemma in verbs or tok.pos_ not in {"VERB", "AUX"}:
        return lemma
    word = tok.lower_
    for suffix, repl in (("ies", "y"), ("es", "e"), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("d", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in verbs:
            return word[: -len(suffix)] + repl
    return lemma


def _phrase_at(doc: Doc, tok: Token, lexicon: CueLexicon) -> tuple[int, int, Cue] | None:
    # Only a phrase starting with this token's word can match; in lexicon order, first match wins.
    for words, cue in _phrases_by_first_word(lexicon).get(tok.lower_, ()):
        stop = tok.i + len(words)
        if stop <= len(doc) and tuple(t.lower_ for t in doc[tok.i:stop]) == words:
            return tok.i, stop, cue
    return None


@by_identity
def _phrases_by_first_word(lexicon: CueLexicon) -> dict[str, list[tuple[tuple[str, ...], Cue]]]:
    """The lexicon's phrases grouped by their first word (every token was tried against every
    phrase: a tenth of the claim stage on real news)."""
    grouped: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for words, cue in lexicon.phrases.items():
        grouped.setdefault(words[0], []).append((words, cue))
    return grouped


class QuoteFinder(Component):
    """spaCy component: quote content spans to ``doc.spans[quotes_key]``, cues to ``doc.spans[cues_key]``."""

    def __init__(self, name: str, *, quotes_key: str, cues_key: str, cues_path: str) -> None:
        self.name = name
        self.quotes_key = quotes_key
        self.cues_key = cues_key
        self.lexicon = load_cues(cues_path or None)


    def find(self, doc: Doc) -> tuple[list[QuoteSpan], list[tuple[int, int, Cue]]]:
        """Quote spans (character offsets) and cue spans (token offsets) of ``doc``."""
        quotes, _ = find_quote_marks(text_of(doc))
        return quotes, cue_tokens(doc, self.lexicon, quotes)

    def set_annotations(self, doc: Doc, found: tuple[list[QuoteSpan], list[tuple[int, int, Cue]]]) -> None:
        """Write quote spans (label QUOTE, or QUOTE_CONT when continued) and cue spans (label = polarity)."""
        quotes, cues = found
        qspans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and len(span):
                label = "QUOTE_CONT" if q.continues else ("SQUOTE" if q.single else "QUOTE")
                qspans.append(Span(doc, span.start, span.end, label=label))
        doc.spans[self.quotes_key] = qspans
        doc.spans[self.cues_key] = [Span(doc, a, b, label=c.polarity, kb_id=c.cue) for a, b, c in cues]


def quotes_from_doc(doc: Doc) -> list[QuoteSpan]:
    """Quote spans of a Doc: re-read from the text (exact mark offsets) for any pipeline.

    The SpanGroup holds token-aligned spans; claims need exact mark offsets, which the
    text gives back deterministically, so both views agree by construction.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the component already warned for this text
        quotes, _ = find_quote_marks(text_of(doc))
    return quotes
