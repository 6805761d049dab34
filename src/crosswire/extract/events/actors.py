"""Who a pronoun doing something is: "She also called for ...", "They accused Russia of ...".

News names an actor once and goes on with "he", "she", "they" or "it". An event whose
actor is such a pronoun takes the most recent compatible antecedent (gender and number for
people, singular organisations and countries for "it", groups or plurals for "they"), found
the way claims find speakers (``speakers.resolve``): main-clause subjects and named people
and organisations, within a few sentences. No antecedent, no actor: never a guess.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.nlp.text import text_of
from crosswire.extract.entities.core import mentions_from_doc
from crosswire.extract.events.modality import SPEECH_VERBS
from crosswire.extract.events.ontology import STATE_KINDS
from crosswire.extract.events.parties import INSTRUMENTS, make_party
from crosswire.extract.claims.speakers import Referent, np_bounds, referent, resolve
from crosswire.records import Party

# Subject pronouns an event actor may be; "we" and "I" speak inside quotes and are the
# quoted speaker's, which the claim already records.
ACTOR_PRONOUNS = frozenset({"he", "she", "they", "it"})
QUOTE_MARKS = ('"', "\u201c", "\u201d", "``", "''")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class Antecedents:
    """The referents of one document, built on first use (most documents need none)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._tiers: list[list[Referent]] | None = None
        self._sent_of: dict[int, int] = {}

    def _build(self) -> list[list[Referent]]:
        """Subjects first (a pronoun subject continues the last subject: "Matviyenko met Judeh.
        She ..." is Matviyenko), then any named person, organisation or country."""
        doc = self.doc
        for n, sent in enumerate(doc.sents):
            for tok in sent:
                self._sent_of[tok.i] = n
        mentions = mentions_from_doc(doc, "")
        subjects, named = [], []
        for tok in doc:
            # Main clauses only: in "NATO voiced concern, saying Russia is striking rebels. They
            # also accused Russia ...", they are NATO, not the subject of the reported clause.
            main = tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")
            if main and tok.dep_ in _SUBJECTS and tok.lower_ not in ACTOR_PRONOUNS | {"who", "which", "that", "we", "i", "you"}:
                a, b = np_bounds(tok)
                subjects.append(referent(doc, a, b, tok.i, mentions, self._sent_of[tok.i]))
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.type in {"PERSON", "ORG", "GPE", "NORP"}:
                named.append(referent(doc, span.start, span.end, span.root.i, mentions, self._sent_of[span.root.i]))
        return [subjects, named]

    def party(self, pronoun: Token) -> Party | None:
        """The Party a pronoun stands for, named as at its antecedent; None if there is none."""
        if pronoun.lower_ not in ACTOR_PRONOUNS:
            return None
        if self._tiers is None:
            self._tiers = self._build()
        for refs in self._tiers:
            ref = resolve(self.doc, pronoun.i, self._sent_of[pronoun.i], [r for r in refs if self._can_act(r)])
            if ref is not None:
                if self._speaks_here(pronoun, self.doc[ref.head]):
                    return None  # '"He murdered the deputy," Stirling said': he is not Stirling
                return make_party(self.doc[ref.head])
        return None

    def _speaks_here(self, pronoun: Token, antecedent: Token) -> bool:
        """Whether the antecedent is the one who says the pronoun's sentence in quotation marks: a
        speaker quoted speaks of himself as "I", so a "he" in his words is someone else (in
        reported speech "the army said it had taken the town" the army is "it")."""
        root = pronoun.sent.root
        before = text_of(self.doc)[pronoun.sent.start_char:pronoun.idx]
        if root.lemma_.lower() not in SPEECH_VERBS or sum(before.count(q) for q in QUOTE_MARKS) % 2 == 0:
            return False
        speakers = [c for c in root.children if c.dep_ == "nsubj"]
        return any(antecedent.lower_ in {t.lower_ for t in s.subtree} for s in speakers)

    def _can_act(self, ref: Referent) -> bool:
        """Whether a referent can be the doer a pronoun stands for: not a weapon ("a .357 Magnum
        ... She shot the other three") and not a town ("in Brooklyn ... They killed my brother");
        a country can act ("Russia ... It struck")."""
        head = self.doc[ref.head]
        if head.lemma_.lower() in INSTRUMENTS or head.lower_ in INSTRUMENTS:
            return False
        if head.ent_type_ in {"GPE", "LOC", "FAC"}:
            return make_party(head).kind in STATE_KINDS
        return True
