"""Names in documents crosswire does not read (French, Russian ...) matched to known entities.

The English model does not parse other languages, so a French or Russian report of a story
has no entities and its MiniLM embedding says little across languages: it would stay a
story of its own. Names travel across languages better than anything else in news copy:
"la Kestrie", "Кестрии" and "Kestria" are one country once transliterated and allowed their
inflection. This module finds the capitalised words inside sentences of such a text
(transliterated to Latin letters with Unidecode) and matches them to the aliases of
entities already resolved in English documents, so story grouping can compare the report by
who and where it is about.

A word matches an alias word when they are equal, share their first PREFIX letters (the
stem of an inflected or localised name: Dravnomu / Dravny, Varnie / Varnia) and are still
alike (STEM_SIMILARITY), or are very alike as wholes (WORD_SIMILARITY). Set by judgement on
the project's own French and Russian sample articles; the match is only a way into story
grouping, which still needs the shared names to be a large part of both documents'.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz
from unidecode import unidecode

from ..records import Entity

PREFIX = 5
STEM_SIMILARITY = 70.0
WORD_SIMILARITY = 85.0
MIN_LETTERS = 4

_SENTENCES = re.compile(r"(?<=[.!?:;»\"])\s+|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def _ascii(text: str) -> str:
    return unidecode(text).replace("'", "")


def name_words(text: str) -> Counter[str]:
    """Capitalised words that are not the first of their sentence, lower-cased ASCII, counted.

    Example:
        >>> sorted(name_words("La Kestrie et la Varnie ont conclu un accord a Vienne."))
        ['kestrie', 'varnie', 'vienne']
    """
    out: Counter[str] = Counter()
    for sentence in _SENTENCES.split(_ascii(text)):
        words = _WORD.findall(sentence)
        for word in words[1:]:
            if word[0].isupper() and not word.isupper() and len(word) >= MIN_LETTERS:
                out[word.lower()] += 1
    return out


def alias_index(entities: Iterable[Entity]) -> dict[tuple[str, ...], set[str]]:
    """Alias (its capitalised words, lower-cased ASCII) -> ids of the entities named so."""
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entity in entities:
        for name in {entity.canonical, *entity.aliases}:
            words = tuple(w.lower() for w in _WORD.findall(_ascii(name)) if w[0].isupper() and len(w) >= MIN_LETTERS)
            if words:
                index[words].add(entity.id)
    return dict(index)


def same_word(word: str, alias: str) -> bool:
    """Whether a transliterated word is an alias word in another language or case form.

    Example:
        >>> same_word("dravnomu", "dravny"), same_word("kestrie", "kestria"), same_word("varnie", "vienne")
        (True, True, False)
    """
    if word == alias:
        return True
    if len(word) >= PREFIX and len(alias) >= PREFIX and word[:PREFIX] == alias[:PREFIX]:
        return fuzz.ratio(word, alias) >= STEM_SIMILARITY
    return fuzz.ratio(word, alias) >= WORD_SIMILARITY


def bridged_entities(text: str, index: Mapping[tuple[str, ...], set[str]], lead_chars: int = 1000) -> frozenset[str]:
    """Ids of the known entities the text names: every word of one of their aliases is a
    name word of the text ("la Kestrie" names Kestria, not the Kestrian army), counting only
    the names in the lead or used twice, as for the entities of documents crosswire reads."""
    counts = name_words(text)
    lead = name_words(text[:lead_chars])
    salient = [w for w in counts if w in lead or counts[w] >= 2]
    by_start: dict[str, list[str]] = defaultdict(list)
    for word in salient:
        by_start[word[:2]].append(word)

    def named(alias_word: str) -> bool:
        return any(same_word(w, alias_word) for w in by_start.get(alias_word[:2], ()))

    found: set[str] = set()
    for words, ids in index.items():
        if all(named(w) for w in words):
            found |= ids
    return frozenset(found)
