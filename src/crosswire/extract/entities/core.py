"""Mentions read from parsed Docs, and the cross-document Entities they resolve to."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from crosswire.extract.entities.aliases import AliasEntry, AliasTable, load_aliases
from crosswire.extract.entities.names import (
    acronym_of,
    is_acronym,
    name_key,
    name_score,
    person_parts,
    same_name,
    same_person,
)
from crosswire.records import Entity, Mention, short_id

# Mention types kept; DATE, CARDINAL, MONEY, PRODUCT... are values, not referents.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# Tie-break for type votes: a name the model calls ORG as often as GPE is more often an
# organisation acting (the Kremlin, NATO) than a place in this corpus.
TYPE_ORDER = {t: i for i, t in enumerate(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"))}
SPANS_KEY = "mentions"


def mentions_from_doc(doc: Doc, doc_id: str, spans_key: str = SPANS_KEY) -> list[Mention]:
    """The entity mentions the ``crosswire_entity_spans`` component wrote to ``doc``.

    Offsets are characters of ``doc.text`` (the Document's clean text).

    Example:
        >>> from crosswire.nlp.pipeline import load_nlp
        >>> [m.text for m in mentions_from_doc(load_nlp()("NATO met."), "d1")]
        ['NATO']
    """
    spans = doc.spans[spans_key] if spans_key in doc.spans else doc.ents
    return [
        Mention(doc=doc_id, start=s.start_char, end=s.end_char, text=s.text, type=s.label_)
        for s in spans
        if s.label_ in ENTITY_TYPES
    ]


class _Partition:
    """Union-find over string nodes that refuses to join two table entries or two known ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.tags: dict[str, set[str]] = {}

    def add(self, node: str, tag: str | None = None) -> None:
        self.parent.setdefault(node, node)
        self.tags.setdefault(node, set())
        if tag:
            self.tags[self.find(node)].add(tag)

    def find(self, node: str) -> str:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self.tags[ra], self.tags[rb]
        for prefix in ("T:", "E:"):  # one table entry and one earlier entity per cluster
            if {t for t in ta if t.startswith(prefix)} and {t for t in tb if t.startswith(prefix)} and not {
                t for t in ta & tb if t.startswith(prefix)
            }:
                return False
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        self.tags[keep] |= self.tags.pop(drop)
        return True


def _is_person(type_: str) -> bool:
    return type_ == "PERSON"


def _key_node(type_: str, key: str) -> str:
    # Exact keys merge across ORG/GPE/NORP/... (the model's labels disagree between
    # documents), but never a person with a place or organisation of the same spelling.
    return f"K:{'P' if _is_person(type_) else 'O'}:{key}"


def _table_entry(table: AliasTable, m: Mention) -> AliasEntry | None:
    entry = table.lookup(m.text)
    if entry is None or _is_person(entry.type) != _is_person(m.type):
        return None
    return entry


def _doc_links(mentions: Sequence[Mention], keys: list[str]) -> dict[int, int]:
    """Within-document links from short forms (surname, acronym) to their full mention."""
    links: dict[int, int] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_doc[m.doc].append(i)
    for idx in by_doc.values():
        full_by_surname: dict[str, set[str]] = defaultdict(set)
        first_full: dict[str, int] = {}
        for i in idx:
            given, surname = person_parts(keys[i])
            if mentions[i].type == "PERSON" and given:
                full_by_surname[surname].add(keys[i])
                first_full.setdefault(keys[i], i)
        long_forms = sorted(
            {(mentions[i].text, keys[i]) for i in idx if mentions[i].type != "PERSON" and len(keys[i].split()) >= 2}
        )
        for i in idx:
            m = mentions[i]
            given, surname = person_parts(keys[i])
            if not given and len(keys[i].split()) <= 2 and len(full_by_surname.get(surname, ())) == 1:
                # "Lavrov" -> "Sergey Lavrov"; also "Khoja" that the model called ORG.
                links[i] = first_full[next(iter(full_by_surname[surname]))]
            elif is_acronym(m.text):
                targets = {k for text, k in long_forms if acronym_of(m.text, text)}
                if len(targets) == 1:
                    target = targets.pop()
                    links[i] = min(j for j in idx if keys[j] == target)
    return links


def _vote_type(types: Iterable[str]) -> str:
    counts = Counter(types)
    return min(counts, key=lambda t: (-counts[t], TYPE_ORDER.get(t, 99), t))


def _canonical(surfaces: Counter[str], type_: str) -> str:
    """The full form seen most often (longest on ties), never a bare surname or acronym."""
    forms = list(surfaces)
    full = [f for f in forms if not is_acronym(f)] or forms
    if _is_person(type_):
        full = [f for f in full if person_parts(name_key(f))[0]] or full
    return min(full, key=lambda f: (-surfaces[f], -len(f), f))


def resolve_entities(
    mentions: Sequence[Mention],
    known: Sequence[Entity] = (),
    *,
    aliases: AliasTable | None = None,
) -> tuple[list[Entity], list[Mention]]:
    """Group mentions into cross-document entities and link each mention to its entity.

    Rules, strongest first: the alias table; exact normalised keys (spelling and
    transliteration folded, see ``names.name_key``); within one document a surname or
    acronym joins the unique full name / long form it abbreviates; then fuzzy matches of
    the same type (``names.same_person`` / ``names.same_name``). A cluster never holds two
    alias-table entries or two ``known`` entities. Edges are applied in a fixed order, so
    the grouping does not depend on the order of ``mentions``.

    Args:
        mentions: Mentions from any number of documents.
        known: Entities of earlier runs: they keep their ids and gain aliases and docs.
        aliases: Alias table; the bundled one by default.

    Returns:
        Every entity (known ones included, updated) sorted by id, and the mentions with
        ``entity`` set, in input order.

    Example:
        >>> ents, _ = resolve_entities([Mention("a", 0, 13, "Sergey Lavrov", "PERSON"),
        ...                            Mention("b", 0, 13, "Sergei Lavrov", "PERSON")])
        >>> len(ents)
        1
    """
    table = aliases if aliases is not None else load_aliases()
    # One processing order whatever the input order: ties between equally good links (two
    # mentions at one offset, say) then break the same way on every run.
    mentions = sorted(mentions, key=lambda m: (m.doc, m.start, m.end, m.text, m.type))
    keys = [name_key(m.text) for m in mentions]
    part = _Partition()
    edges: list[tuple[tuple[int, float, str, str], str, str]] = []

    def edge(rank: int, a: str, b: str, score: float = 100.0) -> None:
        edges.append(((rank, -score, *sorted((a, b))), a, b))

    links = _doc_links(mentions, keys)
    nodes = [_mention_node(m) for m in mentions]
    for i, m in enumerate(mentions):
        node = nodes[i]
        entry = _table_entry(table, m)
        part.add(node, f"T:{entry.canonical}" if entry else None)
        if entry:
            part.add(f"T:{entry.canonical}", f"T:{entry.canonical}")
            edge(0, node, f"T:{entry.canonical}")
        if i in links:
            edge(2, node, nodes[links[i]])
        elif keys[i]:  # a linked short form stays out of the global key: "Smith" is many people
            part.add(_key_node(m.type, keys[i]))
            edge(1, node, _key_node(m.type, keys[i]))
    for e in known:
        part.add(f"E:{e.id}", f"E:{e.id}")
        entry = table.lookup(e.canonical)
        if entry and _is_person(entry.type) == _is_person(e.type):
            part.add(f"T:{entry.canonical}", f"T:{entry.canonical}")
            edge(0, f"E:{e.id}", f"T:{entry.canonical}")
        for name in {e.canonical, *e.aliases}:
            if name_key(name):
                part.add(_key_node(e.type, name_key(name)))
                edge(1, f"E:{e.id}", _key_node(e.type, name_key(name)))

    # Fuzzy edges between distinct keys of one voted type, blocked on the first letter of the
    # surname (persons) or name (others) so the pairwise pass stays small.
    key_types: dict[str, list[str]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if i not in links and keys[i]:
            key_types[_key_node(m.type, keys[i])].append(m.type)
    for e in known:
        for name in {e.canonical, *e.aliases}:
            if name_key(name):
                key_types[_key_node(e.type, name_key(name))].append(e.type)
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in sorted(key_types):
        key = node[4:]
        anchor = person_parts(key)[1] if node[2] == "P" else key
        blocks[(_vote_type(key_types[node]), anchor[:1])].append(node)
    for (type_, _), block in blocks.items():
        same = same_person if _is_person(type_) else same_name
        for a, b in itertools.combinations(block, 2):
            if same(a[4:], b[4:]):
                edge(3, a, b, name_score(a[4:], b[4:]))

    for _, a, b in sorted(edges):
        part.union(a, b)
    return _build(mentions, nodes, known, table, part)


def _mention_node(m: Mention) -> str:
    # Named by content, not position, so that edge order (and so the partition) does not
    # depend on the order of the input; identical mentions are one node.
    return f"M:{m.doc}\x1f{m.start}\x1f{m.end}\x1f{m.type}\x1f{m.text}"


def _build(
    mentions: Sequence[Mention],
    nodes: list[str],
    known: Sequence[Entity],
    table: AliasTable,
    part: _Partition,
) -> tuple[list[Entity], list[Mention]]:
    """Entities from the clusters of ``part``; mentions with their entity ids."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        members[part.find(node)].append(i)
    known_by_id = {e.id: e for e in known}
    entities: dict[str, Entity] = {}
    entity_of_root: dict[str, str] = {}
    for root, idx in members.items():
        tags = part.tags[root]
        table_names = sorted(t[2:] for t in tags if t.startswith("T:"))
        entry = table.lookup(table_names[0]) if table_names else None
        known_ids = sorted(t[2:] for t in tags if t.startswith("E:"))
        old = known_by_id.get(known_ids[0]) if known_ids else None
        surfaces = Counter(mentions[i].text for i in idx)
        type_ = entry.type if entry else (old.type if old else _vote_type(mentions[i].type for i in idx))
        canonical = entry.canonical if entry else (old.canonical if old else _canonical(surfaces, type_))
        entity_id = old.id if old else short_id(type_, name_key(canonical))
        prev = entities.get(entity_id) or old
        entities[entity_id] = Entity(
            id=entity_id,
            type=type_,
            canonical=canonical,
            aliases=sorted(set(surfaces) | set(prev.aliases if prev else ())),
            docs=sorted({mentions[i].doc for i in idx} | set(prev.docs if prev else ())),
        )
        entity_of_root[root] = entity_id
    for e in known:
        entities.setdefault(e.id, e)
    linked = [
        dataclasses.replace(m, entity=entity_of_root[part.find(nodes[i])]) for i, m in enumerate(mentions)
    ]
    return sorted(entities.values(), key=lambda e: e.id), linked
