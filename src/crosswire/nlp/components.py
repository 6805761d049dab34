"""crosswire's spaCy components (every ``Language.factory`` registration lives here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import raise_error

from crosswire.extract.entities.aliases import AliasEntry, is_ambiguous, is_case_sensitive, load_aliases
from crosswire.extract.entities.names import acronym_of
from crosswire.extract.claims.quotes import QuoteFinder
from crosswire.nlp.base import Component

# Labels that name actors, places and events; DATE, CARDINAL, PRODUCT... are not mentions.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

# Leading words that are not part of a name ("the Nusra Front" -> "Nusra Front").
LEADING_DROP = frozenset({"the", "a", "an"})
# Job titles the small model folds into a name ("Chairperson Valentina Matviyenko" as ORG).
PERSON_TITLES = frozenset(
    {
        "president", "chairperson", "chairman", "chairwoman", "secretary", "minister", "premier",
        "spokesman", "spokeswoman", "spokesperson", "general", "gen.", "gen", "colonel", "col.",
        "prime", "foreign", "defence", "defense", "deputy", "king", "queen", "prince", "sheikh",
        "ambassador", "envoy", "senator", "sen.", "rep.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
        "dr", "dr.", "commander", "chief", "leader", "-", "secretary-general",
    }
)
# Single words the model tags as ORG out of titles ("Secretary of State", "Deputy Defense
# Minister"): they are not referents on their own.
GENERIC_WORDS = frozenset(
    {
        "state", "defense", "defence", "ministry", "government", "army", "military", "council",
        "department", "office", "agency", "forces", "coalition", "opposition", "president",
    }
)
# Heads that turn a country adjective into an organisation ("the Russian defence ministry").
ORG_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "defence ministry", "defense ministry", "foreign ministry", "interior ministry",
        "justice ministry", "finance ministry", "ministry of defence", "ministry of defense",
        "ministry of foreign affairs", "air force", "air forces", "aerospace forces",
        "armed forces", "special forces", "security forces", "military", "army", "navy",
        "government", "parliament", "embassy", "foreign office", "defence department",
        "defense department", "state department", "coast guard", "general staff",
    )
)
# Higher wins among overlapping candidates of equal length: the alias table knows the
# canonical name, the model only the label.
PRIORITY_ALIAS, PRIORITY_MERGED, PRIORITY_NER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class FoundSpan:
    """A mention span found in a Doc, by token offsets."""

    start: int
    end: int
    label: str
    kb_id: str = ""
    priority: int = PRIORITY_NER


def caps_line_tokens(doc: Doc) -> set[int]:
    """Indices of tokens on all-caps lines of two or more words (section headings).

    The model tags headings like "NATO CONCERNS" as GPE; only alias-table matches that are
    not ambiguous words are trusted there.
    """
    tokens: set[int] = set()
    offset = 0
    for line in doc.text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(line.split()) >= 2 and letters and all(c.isupper() for c in letters):
            span = doc.char_span(offset, offset + len(line), alignment_mode="expand")
            if span is not None:
                tokens.update(range(span.start, span.end))
        offset += len(line) + 1
    return tokens


def clean_span(doc: Doc, start: int, end: int, label: str) -> FoundSpan | None:
    """An NER span trimmed to the name it contains, relabelled when a title hid a person.

    Returns None when nothing name-like is left ("sec", "Defense", "MiG-29" as PERSON).
    """
    for i in range(start, end):  # a name never crosses a line break ("Al Jazeera\n\nShare")
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end and (doc[start].lower_ in LEADING_DROP or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "\u2019s", "'", "\u2019"} or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    words = doc[start:end]
    if not any(c.isupper() for c in words.text):
        return None
    if len(words) == 1 and words[0].lower_ in GENERIC_WORDS:
        return None
    if label in {"PERSON", "NORP"} and any(c.isdigit() for c in words.text):  # "MiG-29", "Su-30"
        return None
    title_end = start
    while title_end < end and doc[title_end].lower_ in PERSON_TITLES:
        title_end += 1
    rest = doc[title_end:end]
    if title_end > start and 2 <= len(rest) <= 4 and all(t.is_alpha and t.is_title for t in rest):
        return FoundSpan(title_end, end, "PERSON")
    return FoundSpan(start, end, label)


class EntitySpans(Component):
    """Clean NER spans into mention spans, add alias-table matches, write ``doc.spans``."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, aliases_path: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.table = load_aliases(aliases_path or None)
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.ambiguous = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, AliasEntry] = {}
        for alias, entry in self.table.patterns():
            self.entries[entry.canonical] = entry
            matcher = (
                self.ambiguous if is_ambiguous(alias)
                else self.exact if is_case_sensitive(alias)
                else self.folded
            )
            matcher.add(entry.canonical, [nlp.make_doc(alias)])


    def find(self, doc: Doc) -> list[FoundSpan]:
        """All mention spans of ``doc``, non-overlapping, in text order."""
        caps = caps_line_tokens(doc)
        found: list[FoundSpan] = []
        for ent in doc.ents:
            if ent.label_ not in MENTION_LABELS or caps.intersection(range(ent.start, ent.end)):
                continue
            span = clean_span(doc, ent.start, ent.end, ent.label_)
            if span is not None:
                found.append(span)
        found.extend(self._merged(doc, found))
        found.extend(self._alias_matches(doc, caps))
        found.extend(self._parenthesised_acronyms(doc, found))
        return select_spans(found)

    def set_annotations(self, doc: Doc, found: list[FoundSpan]) -> None:
        """Write the found spans to ``doc.spans[spans_key]``."""
        doc.spans[self.spans_key] = [Span(doc, f.start, f.end, label=f.label, kb_id=f.kb_id) for f in found]

    def _merged(self, doc: Doc, found: list[FoundSpan]) -> list[FoundSpan]:
        # "the Russian defence ministry": spaCy tags only "Russian" (NORP).
        merged = []
        for span in found:
            if span.label not in {"NORP", "GPE"}:
                continue
            for head in ORG_HEADS:
                stop = span.end + len(head)
                if stop <= len(doc) and tuple(t.lower_ for t in doc[span.end:stop]) == head:
                    entry = self.table.lookup(doc[span.start:stop].text)
                    kb = entry.canonical if entry else ""
                    merged.append(FoundSpan(span.start, stop, "ORG", kb, PRIORITY_MERGED))
                    break
        return merged

    def _alias_matches(self, doc: Doc, caps: set[int]) -> list[FoundSpan]:
        out = []
        for matcher, ambiguous in ((self.folded, False), (self.exact, False), (self.ambiguous, True)):
            for match_id, start, end in matcher(doc):
                entry = self.entries[doc.vocab.strings[match_id]]
                on_caps = bool(caps.intersection(range(start, end)))
                if ambiguous and on_caps:
                    continue  # "WHAT IS NEXT": a verb in a headline
                if not any(c.isupper() for c in doc[start:end].text):
                    continue  # "the white house down the road", "american" in lowercase prose
                if doc[start].lower_ == "the" and end - start > 1:
                    start += 1  # "the Kremlin" -> "Kremlin", like NER spans
                out.append(FoundSpan(start, end, entry.type, entry.canonical, PRIORITY_ALIAS))
        return out

    def _parenthesised_acronyms(self, doc: Doc, found: list[FoundSpan]) -> list[FoundSpan]:
        # "Islamic State (IS)": the acronym defined in the text is a mention of the long form.
        out = []
        for span in found:
            i = span.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                if span.label != "PERSON" and acronym_of(doc[i + 1].text, doc[span.start:span.end].text):
                    out.append(FoundSpan(i + 1, i + 2, span.label, span.kb_id, span.priority))
        return out


def select_spans(found: list[FoundSpan]) -> list[FoundSpan]:
    """Non-overlapping spans: longest first, then alias over merged over NER, then earliest.

    Example:
        >>> [s.label for s in select_spans([FoundSpan(0, 2, "ORG"), FoundSpan(1, 3, "GPE", "", 0),
        ...                                FoundSpan(1, 4, "PERSON")])]
        ['PERSON']
    """
    taken: set[int] = set()
    chosen = []
    for span in sorted(found, key=lambda s: (s.start - s.end, s.priority, s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


# Punctuation that closes what came before it: kept with the sentence it closes.
CLOSING_MARKS = frozenset({'"', "\u201d", "\u2019", "'", "''", ")", "]", "\u00bb"})


# Double quote marks the tokenizer leaves glued inside a word ('said,"Look', 'win,”Clinton').
GLUED_QUOTE = re.compile('(["\u201c\u201d\u201e])')


class QuoteMarkSplitter:
    """Splits a double quote mark glued inside a token off it, so the words around it part.

    The default tokenizer only splits a quote mark at a token's edge, so 'said,"Look' and
    'win,”Clinton' stay single tokens and the speaker or cue beside the quote is lost. The
    pieces between the marks are tokenized again ('said,' -> 'said' ',').
    """

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer

    def pieces(self, text: str) -> list[str]:
        """The orths ``text`` splits into (``[text]`` when no mark is glued inside it)."""
        out: list[str] = []
        for part in GLUED_QUOTE.split(text):
            if GLUED_QUOTE.fullmatch(part):
                out.append(part)
            elif part:
                for t in self.tokenizer(part):
                    # Mixed punctuation the tokenizer keeps whole as an emoticon ("):").
                    mixed = len(set(t.text)) > 1 and not any(c.isalnum() for c in t.text)
                    out.extend(t.text if mixed else [t.text])
        return out

    def __call__(self, doc: Doc) -> Doc:
        splits = []
        for tok in doc:
            if len(tok.text) > 1 and GLUED_QUOTE.search(tok.text):
                orths = self.pieces(tok.text)
                if len(orths) > 1 and "".join(orths) == tok.text:
                    splits.append((tok, orths))
        if splits:
            with doc.retokenize() as retokenizer:
                for tok, orths in splits:
                    retokenizer.split(tok, orths, heads=[(tok, i) for i in range(len(orths))])
        return doc


@Language.factory("crosswire_quote_marks")
def make_quote_mark_splitter(nlp: Language, name: str) -> QuoteMarkSplitter:
    """Splits double quote marks glued inside tokens; runs first, before tagging and parsing."""
    return QuoteMarkSplitter(nlp)


# Ranks and titles the tokenizer splits from their period ("Sgt" "."), which the parser then
# takes for a sentence's end: "attacked Sgt. | Courtney Gale with a knife" loses the victim.
TITLES_BEFORE_A_NAME = frozenset({
    "sgt", "lt", "capt", "col", "maj", "cpl", "pvt", "spc", "cmdr", "det", "insp", "supt", "ofc", "dep", "tpr",
    "atty", "amb", "pres", "sec", "msgr", "fr", "hon", "rt", "cllr", "gens", "brig", "lcpl", "sgts", "cpt"})


@Language.component("crosswire_paragraphs", assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings stand alone, a quote's closing mark stays with it.
    A title's period before a name ("Sgt. Courtney Gale") ends none.

    Runs before the parser, which keeps boundaries already set. Without it the small model
    reads "WESTERN ALLIANCE'S CONCERN\n\nThe United States ... expressed concerns" as one
    sentence (a heading as its subject) and starts the next paragraph's sentence with the
    closing quote mark of the last one.
    """
    for tok in doc[:-2]:
        if tok.lower_ in TITLES_BEFORE_A_NAME and tok.is_title and doc[tok.i + 1].text == "." \
                and doc[tok.i + 2].is_title and not doc[tok.i + 2].is_stop:  # "to Sgt. He said": a new sentence
            doc[tok.i + 1].is_sent_start = False
            doc[tok.i + 2].is_sent_start = False
    for tok in doc[1:-1]:
        if not (tok.is_space and "\n\n" in tok.text):
            continue
        doc[tok.i + 1].is_sent_start = True
        tok.is_sent_start = False
        back = tok.i - 1
        while back > 0 and doc[back].text in CLOSING_MARKS:
            doc[back].is_sent_start = False
            back -= 1
    return doc


@Language.factory(
    "crosswire_entity_spans",
    requires=["doc.ents"],
    assigns=["doc.spans"],
    default_config={"spans_key": "mentions", "aliases_path": ""},
)
def make_entity_spans(nlp: Language, name: str, *, spans_key: str, aliases_path: str) -> EntitySpans:
    """Mention spans: cleaned NER spans plus alias-table matches (``aliases_path`` "" = bundled)."""
    return EntitySpans(nlp, name, spans_key=spans_key, aliases_path=aliases_path)


@Language.factory(
    "crosswire_quotes",
    requires=["token.lemma", "token.pos"],
    assigns=["doc.spans"],
    default_config={"quotes_key": "quotes", "cues_key": "cues", "cues_path": ""},
)
def make_quote_finder(nlp: Language, name: str, *, quotes_key: str, cues_key: str, cues_path: str) -> QuoteFinder:
    """Quote content spans and reporting-cue spans (``cues_path`` "" = bundled ``data/cues.tsv``)."""
    return QuoteFinder(name, quotes_key=quotes_key, cues_key=cues_key, cues_path=cues_path)


def registered_factories() -> list[str]:
    """Names of the crosswire factories this module registers (pinned by a snapshot test)."""
    return sorted(n for n in Language.factories if n.startswith("crosswire_"))
