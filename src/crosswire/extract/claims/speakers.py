"""Speakers of claims: the noun phrase that names them, who it refers to, and whom they speak for."""

from __future__ import annotations

from crosswire.nlp.text import text_of

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crosswire.extract.entities.aliases import AliasEntry, load_aliases
from crosswire.extract.claims.content import EVIDENCE_WORDS
from crosswire.records import Entity, Mention

# Dependents that are not part of the name of the speaker ("Afkham, spokesperson for ...");
# a clause is never part of a name (a quote's verb misparsed as hanging on the speaker).
NP_DROP_DEPS = frozenset({"relcl", "appos", "acl", "punct", "advmod", "prep", "ccomp", "parataxis"})
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "who": "?", "we": "p", "i": "?"}
# Heads of definite descriptions that refer back to someone named earlier ("the source").
ROLE_WORDS = frozenset(
    {
        "source", "official", "minister", "general", "president", "leader", "spokesman",
        "spokeswoman", "spokesperson", "chairman", "chairwoman", "chairperson", "secretary",
        "ambassador", "envoy", "commander", "chief", "diplomat", "senator", "governor", "premier",
        "king", "prince", "bloc", "alliance", "ministry", "department", "agency", "organisation",
        "organization", "group", "government", "army", "military", "campaign", "committee", "office",
    }
)
# Role words that stand for any head of state or government.
LEADER_WORDS = frozenset({"leader", "president", "premier", "king", "prince", "chancellor", "head"})
ORG_ROLE_WORDS = frozenset({"bloc", "alliance", "organisation", "organization", "group"})
# Words before such a noun that say the organisation is armed ("the militant group").
ARMED_DESCRIPTORS = frozenset({"terrorist", "militant", "jihadist", "extremist", "rebel", "armed", "insurgent",
                               "islamist", "separatist", "paramilitary"})
# Words of a title before a name; what is left in front of them is the organisation.
TITLE_WORDS = frozenset(
    {
        "president", "chairperson", "chairman", "chairwoman", "secretary", "minister", "premier",
        "spokesman", "spokeswoman", "spokesperson", "general", "secretary-general", "gen.",
        "colonel", "col.", "prime", "deputy", "vice", "king", "queen", "prince", "ambassador",
        "envoy", "senator", "sen.", "rep.", "representative", "commander", "chief", "leader", "head",
        "director", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "-", "of", "state",
        "foreign", "defence", "defense", "interior", "justice", "finance", "spokesperson", "adviser",
        "advisor", "governor", "mayor", "candidate", "nominee", "press", "official",
    }
)
# A minister's title names a ministry ("Foreign Minister" -> "Foreign Ministry").
TITLE_BODIES = {
    "foreign minister": "Foreign Ministry",
    "defence minister": "Defence Ministry",
    "defense minister": "Defense Ministry",
    "interior minister": "Interior Ministry",
    "justice minister": "Justice Ministry",
    "finance minister": "Finance Ministry",
    "secretary of state": "State Department",
    "defense secretary": "Defense Department",
    "defence secretary": "Defence Ministry",
}
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "madam", "queen", "chairwoman", "spokeswoman", "princess"})
MALE_TITLES = frozenset({"mr", "mr.", "king", "prince", "chairman", "spokesman", "sheikh"})
# A cheap gender hint for frequent first names in international news; unknown names are
# compatible with both pronouns, so the list only has to be precise, not complete.
FEMALE_NAMES = frozenset(
    """hillary valentina marzieh angela theresa federica maria marie anna nikki nancy
    elizabeth samantha susan condoleezza carly sarah michelle melania ivanka kellyanne
    huma debbie elizabeth tulsi kamala jill christine ursula helen julia maria
    natalia irina olga svetlana tatiana yulia ludmila marine sheikh_hasina aung
    """.split()
)
# Farther back than this many sentences a pronoun is not resolved (news pronouns refer to
# the last speaker or subject; set by hand on the seeds and tests/extract cases).
# Documents that speak for their issuer ("a statement saying", "according to a statement from X": the statement is the channel, X the source.
DOCUMENT_WORDS = frozenset({"statement", "report", "communique", "announcement", "post", "tweet", "release", "interview",
                            "message", "letter", "email", "memo", "video", "ad", "advertisement", "note", "op-ed", "column"})
# How many governing clauses a non-finite cue may climb to find its speaker.
MAX_SUBJECT_CLIMB = 3
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A participle on a plural or proper noun names its speaker ("supporters saying", "Reuters, saying").
ACL_SPEAKER_TAGS = frozenset({"NNS", "NNP", "NNPS"})
# Verbs whose object, not their subject, does what the to-clause says ("prompted Rubio to call X").
OBJECT_CONTROL_VERBS = frozenset({"force", "prompt", "lead", "cause", "push", "press", "pressure", "urge", "encourage",
                                  "persuade", "convince", "compel", "drive", "inspire", "spur", "move", "get", "invite"})
PRONOUN_WINDOW_SENTS = 3
DESCRIPTION_WINDOW_SENTS = 12


@dataclass(frozen=True, slots=True)
class Referent:
    """Someone a later pronoun or description can point back to."""

    start: int  # token span of the noun phrase
    end: int
    head: int
    kind: str  # PERSON | ORG | GPE | NORP | OTHER
    plural: bool
    gender: str | None  # "m" | "f" | None
    country: str | None  # ISO3
    sent: int  # index of the sentence


def np_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds of the name a subject token heads, without clauses and appositions.

    Example: for "Lena Varga, spokeswoman for the Hungarian interior ministry" the
    bounds cover "Marzieh Afkham".
    """
    start, end = tok.i, tok.i + 1
    for child in tok.lefts:
        if child.dep_ not in NP_DROP_DEPS:
            start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and all(
            t.pos_ in {"PROPN", "DET"} for t in child.subtree if t.i != child.i
        ):
            end = max(end, child.right_edge.i + 1)  # "Department of Defense" is one name
            continue
        if child.dep_ == "appos" and child.left_edge.i == end and not doc_punct_between(tok, child):
            end = max(end, child.right_edge.i + 1)  # "the minister John Smith": no comma, one name
            continue
        if child.dep_ in NP_DROP_DEPS:
            break
        end = max(end, child.right_edge.i + 1)
    doc = tok.doc
    for i in range(start, end):  # a name never crosses a line break or a dateline dash or colon
        if "\n" in doc[i].text or doc[i].text in {"\u2013", "\u2014", "--"} or (doc[i].text == ":" and i < tok.i):
            if i < tok.i:
                start = i + 1
            else:
                end = i
                break
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return start, end


def doc_punct_between(a: Token, b: Token) -> bool:
    """Whether punctuation separates two tokens."""
    return any(t.is_punct for t in a.doc[a.i + 1:b.left_edge.i])


def mention_in(
    mentions: Sequence[Mention], start: int, end: int, prefer: str = "PERSON", at: int | None = None
) -> Mention | None:
    """The mention inside character range ``[start, end)``: a ``prefer`` one first, then the last.

    With ``at``, only a mention covering that character (the phrase's head) counts: "a Syrian
    military source" is not the Syrian army.
    """
    inside = [m for m in mentions if m.start >= start and m.end <= end and (at is None or m.start <= at < m.end)]
    if at is not None:
        return ([m for m in inside if m.type == prefer] or inside or [None])[-1]
    if not inside:
        inside = [m for m in mentions if m.start < end and start < m.end]
    preferred = [m for m in inside if m.type == prefer]
    pool = preferred or inside
    return pool[-1] if pool else None


def country_names() -> dict[str, str]:
    """ISO3 -> canonical name of the states in the alias table."""
    return {e.country: e.canonical for e in load_aliases().entries if e.kind == "state" and e.country}


def _entry(text: str) -> AliasEntry | None:
    return load_aliases().lookup(text)


def gender_of(doc: Doc, start: int, end: int) -> str | None:
    """"f"/"m" from a title or first name in the phrase, else None."""
    words = [t.lower_ for t in doc[start:end]]
    if any(w in FEMALE_TITLES for w in words):
        return "f"
    if any(w in MALE_TITLES for w in words):
        return "m"
    if any(w in FEMALE_NAMES for w in words):
        return "f"
    return None


def referent(doc: Doc, start: int, end: int, head: int, mentions: Sequence[Mention], sent: int) -> Referent:
    """A referent record for the phrase ``doc[start:end]``."""
    span = doc[start:end]
    m = mention_in(mentions, span.start_char, span.end_char, at=doc[head].idx)
    kind = m.type if m else "OTHER"
    entry = _entry(m.text) if m else None
    country = entry.country if entry else None
    if country is None:
        for t in span:
            e = _entry(t.text) if t.pos_ in {"ADJ", "PROPN"} else None
            if e is not None and e.kind == "state":
                country = e.country
                break
    plural = doc[head].tag_ in {"NNS", "NNPS"}
    return Referent(start, end, head, kind, plural, gender_of(doc, start, end) if kind == "PERSON" else None, country, sent)


def compatible(doc: Doc, tok: Token, ref: Referent) -> bool:
    """Whether pronoun or description ``tok`` (the head of the speaker phrase) can mean ``ref``."""
    word = tok.lower_
    if word in PRONOUNS:
        g = PRONOUNS[word]
        if g in {"m", "f"}:
            return ref.kind == "PERSON" and ref.gender in {None, g}
        if g == "n":
            return ref.kind in {"ORG", "GPE"} and not ref.plural
        if g == "p":
            return ref.kind in {"ORG", "GPE", "NORP"} or ref.plural
        return ref.kind == "PERSON"
    lemma = tok.lemma_.lower()
    ref_words = {t.lemma_.lower() for t in doc[ref.start:ref.end]}
    adjs = [c for c in tok.lefts if c.dep_ in {"amod", "compound"}]
    for adj in adjs:  # "the Syrian leader": the country must agree, or we do not guess
        e = _entry(adj.text)
        if e is not None and e.kind == "state" and ref.country != e.country:
            return False
    if lemma in ORG_ROLE_WORDS:
        entry = _entry(doc[ref.start:ref.end].text)
        if any(a.lemma_.lower() in ARMED_DESCRIPTORS for a in adjs):
            # "the terrorist group" is a group known to be armed, never any organisation named
            # "... Group" (SITE Intelligence Group had been made the speaker of a militants' threat)
            return ref.kind == "ORG" and entry is not None and entry.kind == "armed group"
        return ref.kind == "ORG" and (entry is None or entry.kind in {"IGO", "armed group", "party"})
    if lemma in LEADER_WORDS:
        return ref.kind == "PERSON" and (bool(ref_words & LEADER_WORDS) or ref.country is not None and bool(adjs))
    if ref.kind == "PERSON":
        return lemma in ref_words
    return lemma in ref_words or doc[ref.head].lemma_.lower() == lemma


def needs_resolution(doc: Doc, start: int, end: int, head: int) -> bool:
    """A pronoun, or "the"/"this" + role word with no name in it ("the source", "the bloc")."""
    tok = doc[head]
    if tok.lower_ in PRONOUNS and end - start == 1:
        return True
    if tok.lemma_.lower() not in ROLE_WORDS or doc[start].lower_ not in {"the", "this", "that"}:
        return False
    return not any(t.pos_ == "PROPN" for t in doc[start:end])


def resolve(doc: Doc, head: int, sent: int, candidates: Sequence[Referent]) -> Referent | None:
    """The most recent compatible referent before ``head``, within the window for its kind.

    A description with a country ("the Syrian leader") may reach back through the whole
    document: the country agreement is evidence enough.
    """
    tok = doc[head]
    window = PRONOUN_WINDOW_SENTS if tok.lower_ in PRONOUNS else DESCRIPTION_WINDOW_SENTS
    if any(_is_country_adj(c) for c in tok.lefts):
        window = len(doc)
    if tok.lower_ == "who" and tok.head.dep_ == "relcl":
        return None  # handled by the caller: the noun the clause modifies
    for ref in sorted(candidates, key=lambda r: -r.start):
        if ref.start >= tok.i or sent - ref.sent > window:
            continue
        if ref.start <= tok.i < ref.end:
            continue
        if compatible(doc, tok, ref):
            return ref
    return None


def _is_country_adj(tok: Token) -> bool:
    e = _entry(tok.text) if tok.dep_ in {"amod", "compound"} else None
    return e is not None and e.kind == "state"


def _clean(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,")
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


# Unnamed speakers who speak for the state their nationality word names ("a Syrian military
# source"); "the Syrian opposition", "Russian activists" do not.
STATE_VOICES = frozenset({"source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
                          "ministry", "minister", "diplomat", "diplomats", "envoy", "ambassador", "military", "army",
                          "government", "authorities", "embassy", "commander", "commanders", "officer", "officers"})


# What a title's "of" may name that is a task or a department, not the body spoken for.
DEPARTMENTS = frozenset({"operation", "operations", "communication", "communications", "programme", "programmes",
                         "program", "programs", "research", "policy", "media", "press", "affairs", "emergency",
                         "emergencies", "information", "advocacy", "logistics", "security", "strategy"})


def affiliation(doc: Doc, start: int, end: int, mentions: Sequence[Mention]) -> str | None:
    """The organisation or country the speaker named by ``doc[start:end]`` speaks for.

    From the title before a name ("National Coalition president Khaled Khoja"), an
    apposition ("Varga, spokeswoman for the Hungarian interior ministry"), or for an
    organisation its country in the alias table.
    """
    span = doc[start:end]
    person = mention_in([m for m in mentions if m.type == "PERSON"], span.start_char, span.end_char, at=span.root.idx)
    head = span.root
    for child in head.rights:  # apposition: "X, spokesperson for the Y"
        if child.dep_ == "appos":
            owner = next((c for c in child.children if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN"), None)
            if owner is not None:  # "Cabrol, MSF's (or MSF) director of operations": MSF, not "operations"
                return _clean(doc[owner.left_edge.i:owner.i + 1].text)
            for prep in child.rights:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"}:
                    obj = [c for c in prep.children if c.dep_ == "pobj"]
                    if obj and obj[0].lemma_.lower() not in DEPARTMENTS:  # "director of operations" names no body
                        return _clean(doc[obj[0].left_edge.i:obj[0].right_edge.i + 1].text)
            m = mention_in(mentions, child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if m is not None and m.type in {"ORG", "GPE", "NORP"}:
                return _org_name(doc, m.text)
    if person is not None and person.start > span.start_char:
        return _from_title(doc, text_of(doc)[span.start_char:person.start], mentions)
    if person is None:
        m = mention_in(mentions, span.start_char, span.end_char, prefer="ORG", at=span.root.idx)
        entry = _entry(m.text if m else span.text)
        if entry is not None and entry.kind != "state" and entry.country:
            return country_names().get(entry.country)
        if m is not None and m.type == "ORG":
            words = m.text.split()
            e = _entry(words[0]) if len(words) > 1 else None
            if e is not None and e.kind == "state":
                return e.canonical
        for word in (t for t in span if t.i < head.i and t.dep_ in {"amod", "compound", "nmod"}):
            e = _entry(word.text)  # "a Syrian military source", "a Russian defence ministry spokesman"
            if e is not None and e.kind == "state" and head.lemma_.lower() in STATE_VOICES:
                return e.canonical  # but "the Syrian opposition", "Syrian rebels" speak against their state
    elif person is not None:
        entry = _entry(person.text)
        if entry is not None and entry.country:
            return country_names().get(entry.country)
    if person is None and head.lower_ in TITLE_WORDS:
        # "MSF Director of Operations", "the ICRC's head": the body named before the title
        body = next((c for c in head.lefts if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"
                     and (m := mention_in(mentions, c.idx, c.idx + len(c))) is not None and m.type == "ORG"), None)
        if body is not None:
            return _clean(doc[body.left_edge.i:body.i + 1].text)
    return None


# Title words that join a title's parts rather than start one ("Secretary of State", "Vice-President").
_LINKING_TITLE_WORDS = frozenset({"of", "-", "state", "general", "prime", "deputy", "vice"})


def _from_title(doc: Doc, prefix: str, mentions: Sequence[Mention]) -> str | None:
    """"Russian Foreign Minister" -> "Russian Foreign Ministry"; "NATO Secretary-General" -> "NATO"."""
    text = re.sub(r"\([^)]*\)", " ", prefix)
    words = [w for w in re.split(r"\s+", text.strip()) if w and w.lower() not in {"the", "a", "an"}]
    lowered = " ".join(w.lower() for w in words)
    body = next((b for t, b in TITLE_BODIES.items() if lowered.endswith(t) or f" {t}" in f" {lowered}"), None)
    while words and words[-1].lower().strip(",") in TITLE_WORDS:
        words.pop()
    # "MSF Director of Operations": the title and what it directs are no part of the body's name
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower().strip(",") in TITLE_WORDS - _LINKING_TITLE_WORDS), None)
    words = words[:cut] if cut is not None else words
    org = " ".join(words).strip(" ,")
    if not org:
        return None
    entry = _entry(org)
    if body is not None and entry is not None and entry.kind == "state":
        full = f"{org} {body}"
        e = _entry(full)
        return e.canonical if e else full
    if entry is not None and entry.kind == "state" and body is None and org.lower() == entry.canonical.lower():
        return entry.canonical
    if entry is not None and entry.kind == "state":
        return entry.canonical  # "Russian President" -> Russia
    return _org_name(doc, org)


def _org_name(doc: Doc, org: str) -> str:
    """The fullest form of ``org`` the document uses ("State Department" -> "U.S. State Department")."""
    best = org
    for m in re.finditer(rf"((?:[A-Z][\w.\-]*\s+){{1,3}}){re.escape(org)}\b", text_of(doc)):
        prefix = m.group(1).strip()
        entry = _entry(prefix)
        if entry is not None and entry.kind == "state" and len(m.group(0)) > len(best):
            best = m.group(0).strip()
    return best


def canonical_of(mention: Mention | None, entities: dict[str, Entity]) -> tuple[str | None, str | None]:
    """``(canonical, entity id)`` of a mention: its resolved entity, else the alias table."""
    if mention is None:
        return None, None
    if mention.entity and mention.entity in entities:
        return entities[mention.entity].canonical, mention.entity
    entry = _entry(mention.text)
    return (entry.canonical if entry else mention.text), mention.entity


def subjects_of(tok: Token, cues: frozenset[str], depth: int = 0) -> list[Token]:
    """The subject(s) of cue ``tok``; a non-finite cue borrows the subject of the clause it hangs from.

    "..., saying", "was not willing to say", "after saying ...", "took to Twitter to say",
    "issued a statement saying": the speaker is the subject of the governing verb.
    """
    all_subs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    subs = [c for c in all_subs if not (c.lower_ in {"it", "there"} and (c.dep_ == "nsubjpass" or c.lower_ == "there"))]
    if subs or all_subs:
        return subs  # "it was reported": no speaker
    head = tok.head
    if depth >= MAX_SUBJECT_CLIMB or head.i == tok.i:
        return []
    if tok.dep_ == "acl":  # "issued a statement saying": the statement's issuer speaks
        if head.lemma_.lower() not in DOCUMENT_WORDS:
            # "officials saying X", "a new poll showing X": people, or a record that holds a finding
            return [head] if head.pos_ in {"NOUN", "PROPN"} and (head.tag_ in ACL_SPEAKER_TAGS or head.lemma_.lower() in EVIDENCE_WORDS) else []
        if head.dep_ not in {"dobj", "pobj"}:
            return []
        head = head.head
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        return subjects_of(head, cues, depth + 1) if head.pos_ in {"VERB", "AUX"} else []
    if tok.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i and c.pos_ in {"PROPN", "NOUN", "PRON"}]
        if objects and objects[0].tag_ not in {"WDT", "WP"}:
            return objects[:1]  # "forced Sanders to acknowledge X": the object does the saying
    if tok.dep_ in {"advcl", "conj", "xcomp", "pcomp"}:
        while head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"prep", "acomp", "pcomp"} and head.head.i != head.i:
            head = head.head  # "after saying" -> "after" -> the verb; "willing to say" -> "was"
        if head.pos_ not in {"VERB", "AUX"}:
            return []
        if tok.dep_ in {"conj", "advcl"} and head.dep_ == "ccomp" and head.head.lemma_.lower() in cues:
            head = head.head  # "She said she admires X and highlighted Y": the speaker highlights
        return subjects_of(head, cues, depth + 1)
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in cues:
        return subjects_of(head.head, cues, depth + 1)  # "X added that A is B, stressing ..."
    return []
