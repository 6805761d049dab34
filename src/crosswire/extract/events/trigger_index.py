"""The trigger lexicon indexed for lookup in sentences: built once per ontology (and vocab),
found again by identity (``crosswire.identity_cache``), since every sentence asks."""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span

from crosswire.extract.events.ontology import LexEntry, Ontology
from crosswire.identity_cache import by_identity

# Per word of a multiword pattern: the lemmas and the lowercase forms a token may have to match it.
WordForms = tuple[frozenset[str], frozenset[str]]
# Multiword patterns (each word's lemma forms and lowercase forms) by the forms of their first word.
Needs = dict[str, tuple[tuple[WordForms, ...], ...]]


@by_identity
def multiword_matcher(vocab, ontology: Ontology) -> tuple[Matcher, dict[str, LexEntry], Needs]:  # type: ignore[no-untyped-def]
    """A Matcher of the multiword entries, those entries by matcher key, and the prefilter's needs."""
    matcher = Matcher(vocab)
    keys: dict[str, LexEntry] = {}
    needs: list[tuple[WordForms, ...]] = []
    for entry in ontology.multiword():
        # Lemma or lowercase form, so that "airstrikes"/"air strikes" and "blew himself up" match.
        pattern = [{"LEMMA": {"IN": [w, w.capitalize()]}} if w.isalpha() else {"LOWER": w} for w in entry.pattern]
        alt = [{"LOWER": {"IN": [w, w + "s", w + "es", w + "d", w + "ed"]}} for w in entry.pattern]
        matcher.add(entry.key, [pattern, alt])
        keys[entry.key] = entry
        needs.append(tuple((frozenset({w, w.capitalize()} if w.isalpha() else ()),
                            frozenset({w, w + "s", w + "es", w + "d", w + "ed"})) for w in entry.pattern))
    by_first: dict[str, list[tuple[WordForms, ...]]] = {}
    for words in needs:
        for form in words[0][0] | words[0][1]:
            by_first.setdefault(form, []).append(words)
    return matcher, keys, {form: tuple(ws) for form, ws in by_first.items()}


def may_match(sent: Span, needs: Needs) -> bool:
    """Whether some multiword pattern has each of its words somewhere in the sentence.

    A sentence without one cannot match, and the Matcher (whose set tests are slow) is spared
    it: most sentences of news hold no multiword trigger at all. Only the patterns whose first
    word is in the sentence are tried.
    """
    lemmas = {t.lemma_ for t in sent}
    lowers = {t.lower_ for t in sent}
    tried = {id(words): words for form in lemmas | lowers for words in needs.get(form, ())}
    return any(all(not lemmas.isdisjoint(by_lemma) or not lowers.isdisjoint(by_lower) for by_lemma, by_lower in words)
               for words in tried.values())


@by_identity
def verb_pairs(ontology: Ontology) -> dict[str, list[LexEntry]]:
    """Two-word verb entries by their verb."""
    pairs: dict[str, list[LexEntry]] = {}
    for entry in ontology.multiword():
        if entry.pos == "verb" and len(entry.pattern) == 2:
            pairs.setdefault(entry.pattern[0], []).append(entry)
    return pairs
