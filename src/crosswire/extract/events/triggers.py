"""Event triggers in a parsed sentence, with each trigger's tense (its modality: ``event_modality``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crosswire.extract.dates import MONTH_NAME
from crosswire.extract.events.ontology import LexEntry, Ontology, load_ontology
from crosswire.extract.events.trigger_index import may_match, multiword_matcher, verb_pairs

VERB_TAGS = frozenset({"VERB", "AUX"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# Types whose past participle modifying a noun describes it ("a man accused of theft").
VERBAL_TYPES = frozenset({"ACCUSE", "DISAPPROVE", "THREATEN", "DEMAND", "REQUEST", "REJECT", "SUPPORT"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
QUOTE_CHARS = "\"\u201c\u201d"
# Light verbs whose object noun is the event ("carried out air strikes"): the verb gives the
# actor and tense, the noun the type.
LIGHT_VERBS = frozenset(
    {
        "carry", "launch", "conduct", "stage", "mount", "wage", "unleash", "make", "hold", "lead",
        "order", "perform", "commit", "throw", "hurl", "lob", "plant", "use", "fire", "drop",
        "detonate", "deploy", "impose", "organize", "organise", "call", "establish", "set", "build",
        "reach", "sign", "open", "relocate", "move", "engage",
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon match in a sentence: its head token, its tokens and its lexicon entry."""

    head: Token
    start: int  # token index of the first matched token
    end: int
    entry: LexEntry

    @property
    def text(self) -> str:
        """The matched words as written."""
        return self.head.doc[self.start:self.end].text


def find_triggers(sent: Span, ontology: Ontology | None = None) -> list[Trigger]:
    """Every lexicon trigger in a sentence; multiword matches win over the words inside them.

    Args:
        sent: A sentence of a parsed Doc.
        ontology: The lexicon (the bundled one by default).
    """
    ontology = ontology or load_ontology()
    doc = sent.doc
    matcher, keys, needs = multiword_matcher(doc.vocab, ontology)
    found: list[Trigger] = []
    taken: set[int] = set()
    matches = sorted(matcher(sent), key=lambda m: (m[1] - m[2], m[1])) if may_match(sent, needs) else []
    for match_id, start, end in matches:
        start, end = start + sent.start, end + sent.start
        if taken.intersection(range(start, end)):
            continue
        entry = keys[doc.vocab.strings[match_id]]
        # A verb phrase's head is its first verb ("sexually assaulted" → assaulted).
        head = next((t for t in doc[start:end] if t.pos_ in VERB_TAGS), doc[start]) if entry.pos == "verb" else doc[end - 1]
        if entry.pos != "verb" and "of" in entry.pattern:
            head = doc[start:end].root  # "an exchange of fire": the exchange is what took place
        if entry.pos == "verb" and head.pos_ not in VERB_TAGS:
            continue
        found.append(Trigger(head, start, end, entry))
        taken.update(range(start, end))
    for trig in _split_phrases(sent, ontology, taken):
        found.append(trig)
        taken.add(trig.start)
    for tok in sent:
        if tok.i in taken or tok.is_punct:
            continue
        pos = "verb" if tok.pos_ in VERB_TAGS else "noun" if tok.pos_ in NOUN_TAGS else None
        if pos is None or (tok.pos_ == "PROPN" and not tok.is_lower):
            continue
        entry = next((e for w in lemma_candidates(tok) if (e := ontology.single(w, pos))), None)
        if entry is not None:
            found.append(Trigger(tok, tok.i, tok.i + 1, entry))
    return sorted(found, key=lambda t: t.start)


# Verbs by which a missile is thrown ("threw stones", "hurled petrol bombs", "pelted police with rocks").
THROW_VERBS = frozenset({"throw", "hurl", "lob", "pelt", "fling", "toss", "rain"})


def is_thrown(trigger: Trigger) -> bool:
    """Whether a missile trigger is thrown: the object of a verb of throwing, or "with" under one."""
    head = trigger.head
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "threw stones and petrol bombs"
    verb = head.head if head.dep_ in {"dobj", "nsubjpass"} else head.head.head if head.dep_ == "pobj" else None
    return verb is not None and bool(THROW_VERBS & set(lemma_candidates(verb)))


# Dependents that complete a two-word verb phrase written apart: a particle ("handed the city
# over"), an object ("took full control", "blocked the main roads") or a predicate ("took 6
# drivers hostage", "set the cars ablaze").
SPLIT_DEPS = frozenset({"prt", "prep", "dobj", "oprd", "advmod", "npadvmod", "acomp", "xcomp", "ccomp", "dative", "attr"})


def _split_phrases(sent: Span, ontology: Ontology, taken: set[int]) -> list[Trigger]:
    """Two-word verb entries whose words are apart: the verb and one of its dependents."""
    pairs = verb_pairs(ontology)
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ not in VERB_TAGS:
            continue
        entries = [e for w in dict.fromkeys(lemma_candidates(tok)) for e in pairs.get(w, [])]
        for entry in entries:
            second = entry.pattern[1]
            # The second word may sit under a preposition: "took X into custody".
            deps = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
            if any((c.dep_ in SPLIT_DEPS or c.dep_ == "pobj") and c.i > tok.i and second in lemma_candidates(c)[:2]
                   for c in deps):
                out.append(Trigger(tok, tok.i, tok.i + 1, entry))
                break
    return out


def is_light_verb(tok: Token) -> bool:
    """Whether a token is a light verb (its lemma, or its lowercase form when the lemma is misread)."""
    return any(w in LIGHT_VERBS for w in lemma_candidates(tok))


# Irregular past-tense endings the small model leaves unlemmatized in rarer verbs.
IRREGULAR_PAST = (("took", "take"), ("taken", "take"), ("ran", "run"), ("fought", "fight"), ("struck", "strike"),
                  ("threw", "throw"), ("thrown", "throw"), ("blew", "blow"), ("shot", "shoot"), ("seized", "seize"))


def lemma_candidates(tok: Token) -> list[str]:
    """The lemma, then the lowercase form and its regular stems: the small model's lemmatizer
    misreads rare verbs ("raped" → "rap"), and a regular stem recovers them."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    for past, present in IRREGULAR_PAST:
        if low.endswith(past):  # "retook" → "retake", "overran" → "overrun"
            out.append(low[: -len(past)] + present)
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.append(low[: -len(suffix)] + repl)
    return out


def governing_verb(tok: Token) -> Token:
    """The verb that carries tense and modality for a trigger (itself, or a light verb's head).

    "carried out air strikes" → carried; "the attack on the convoy" (subject of "killed") → killed.
    """
    if tok.pos_ in VERB_TAGS:
        return tok
    head = tok.head
    if tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and head.pos_ in VERB_TAGS:
        return head
    if tok.dep_ == "pobj" and head.head.pos_ in VERB_TAGS and is_light_verb(head.head):
        return head.head
    return tok


def tense_of(verb: Token) -> str | None:
    """past | present | future | perfect for a verb (None for a bare noun trigger)."""
    if verb.pos_ not in VERB_TAGS:
        return None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lemma_ == "have" for a in auxes):
        return "past" if any(a.tag_ == "VBD" for a in auxes) else "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl", "amod"}:
        return "past"
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "present"
    return None


def quote_open_after(sent: Span, paragraph_open: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence (for the next one)."""
    marks = sum(sent.text.count(q) for q in QUOTE_CHARS)
    return (marks % 2 == 1) != paragraph_open


# Nouns for people: "captured soldiers" were taken, "captured barracks" only describe a place.
_PEOPLE_WORDS = frozenset({"soldier", "fighter", "man", "woman", "child", "girl", "boy", "people", "hostage",
                           "militant", "rebel", "civilian", "officer", "person", "worker", "journalist"})


# How long a campaign has gone on: weeks, months, years, or since a month or a year.
_CAMPAIGN_SPAN = re.compile(rf"\b(?:for (?:several |many |the past |the last )?(?:weeks|months|years)|since (?:"
                            rf"{MONTH_NAME}|(?:19|20)\d\d))\b")


def _a_campaign(head: Token) -> bool:
    """Whether a trigger's clause tells an ongoing campaign: a perfect progressive ("has been
    conducting airstrikes", "have been shelling") over weeks, months or since a month or year.
    "Have been fighting since Monday" is a battle still going on, and stays an event. A body
    described by what it does in a present-tense clause ("leads an alliance flying air raids")
    names a campaign too."""
    verb = head
    while verb.pos_ not in VERB_TAGS and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and head.tag_ == "NNS" and head.head == verb \
            and not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children):
        # "Kestria, which leads an alliance flying air raids over the delta": who the alliance is
        outer = next((a for a in verb.head.ancestors if a.pos_ in VERB_TAGS), None)
        return outer is not None and tense_of(outer) == "present"
    if verb.tag_ != "VBG" or not any(c.lower_ == "been" for c in verb.children):
        return False
    return bool(_CAMPAIGN_SPAN.search(verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text))


# How long a state of affairs has lasted, told on its noun: "the 17-year blockade", "a decade-long
# war", "the years-long siege". Such a noun names a condition, not one happening.
_LASTING = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty)"
                      r"[- ](?:year|decade)s?\b(?![- ]old)|\b(?:decade|decades|year|years|month|months)-long\b", re.I)
# Vague extents of land: "seized a large swathe of territory", "overrun large sections of Iraq".
# Taking one summarises a campaign; ACLED codes a change of control at a named place.
VAGUE_EXTENTS = frozenset({"swathe", "swath", "swathes", "swaths", "tract", "expanse", "chunk", "territory",
                           "section", "sections", "part", "parts", "area", "areas", "much"})
_LARGE = frozenset({"large", "vast", "huge", "big", "wide", "significant", "great", "sizeable", "sizable", "much"})


def _lasting(head: Token) -> bool:
    """Whether an event noun carries how long it has lasted ("the 17-year Israeli blockade")."""
    if head.pos_ not in NOUN_TAGS:
        return False
    left = head.doc[head.left_edge.i:head.i].text
    return bool(_LASTING.search(left))


# Long-running conflicts whose toll to date is no single happening ("the war has killed 300,000").
WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising", "crisis", "civil war", "occupation"})


def _a_toll(head: Token) -> bool:
    """Whether a verb tells what a war has done so far: its subject is a war told with the
    perfect ("the conflict has killed 300,000") or one that lasts ("the decade-long war killed")."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if head.pos_ not in VERB_TAGS or subject is None:
        return False
    if _lasting(subject):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    return perfect and subject.lemma_.lower() in WAR_NOUNS


def _vague_extent(trigger: Trigger) -> bool:
    """Whether a territorial verb takes only a vague extent of land: "territory", "a large swathe",
    "large sections of Iraq and Syria" (the parts of a named town or district stay events)."""
    head = trigger.head
    objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return False
    for obj in objects:
        word = obj.lemma_.lower()
        if word not in VAGUE_EXTENTS and obj.lower_ not in VAGUE_EXTENTS:
            return False
        if word in {"section", "part", "area"} and not any(c.lower_ in _LARGE for c in obj.children):
            return False  # "parts of the town": a place
        whole = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if whole and not whole[0].conjuncts and whole[0].lemma_.lower() not in {"territory", "country", "land"}:
            return False  # "large parts of the town of Marib": one place, taken in part
    return True


# Works whose subject an event can be: a film about a killing tells no killing.
# ("a series of explosions", "a show of force", "a play on words": no works)
WORKS = frozenset({"film", "movie", "book", "novel", "documentary", "song", "comedy", "drama", "thriller", "musical",
                   "opera", "poem", "exhibition", "memoir", "biopic", "novella", "screenplay"})
# Shares of a set of events: "many of the shootings", "most of the attacks".
_SHARE_WORDS = frozenset({"many", "most", "some", "several", "all", "few", "half", "majority", "none", "much"})

def _bare_plural(tok: Token) -> bool:
    """A plural noun with no article, number or possessor: a kind of people ("kids"), not a group."""
    return tok.tag_ == "NNS" and not any(c.dep_ in {"det", "nummod", "poss"} for c in tok.children)


ANYONE = frozenset({"anyone", "anybody", "whoever", "whomever"})  # free choice; "everyone in the room" is a set


def is_generic(trigger: Trigger) -> bool:
    """Mentions that name a kind of action, not an occurrence ("the fight against terrorism",
    "the need to fight ISIL", "anti-IS coalition", "counter-terrorism operations")."""
    head = trigger.head
    doc = head.doc
    if trigger.start > 0 and doc[trigger.start - 1].lower_ in {"anti", "counter", "-"}:
        return True
    if head.pos_ in VERB_TAGS and head.dep_ in {"acl", "xcomp"} and head.head.pos_ in NOUN_TAGS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    ):
        return True  # "the need to fight ISIL", "efforts to attack"
    if head.dep_ in {"acl", "amod"} and head.tag_ == "VBN" and (
        trigger.entry.type in VERBAL_TYPES or (head.dep_ == "amod" and trigger.entry.mode == "arrest")
    ):
        return True  # "a classmate accused of blasphemy": a description, not an event
    if head.pos_ in NOUN_TAGS and head.dep_ in {"compound", "amod"} and trigger.entry.pos != "verb" and trigger.end == head.i + 1:
        return True  # "strike aircraft", "attack helicopters", "protest movement"
    if head.tag_ == "VBN" and head.dep_ == "amod" and trigger.entry.mode == "property":
        return True  # "moralising about burned cars": the wreck described, not a burning told
    if _lasting(head) or _a_toll(head):
        return True  # "the 17-year blockade had taken its toll", "a decade-long war"
    if trigger.entry.mode == "occupy" and _vague_extent(trigger):
        return True  # "militants who have seized a large swathe of territory": a campaign summed up
    if head.tag_ == "VBN" and trigger.entry.type == "ASSAULT" and (head.dep_ == "amod" or (
            head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and any(c.lower_ == "the" for c in head.children))):
        return True  # "the injured leaders were treated", "the wounded were taken": told of, not new
    if head.dep_ == "amod" and head.tag_ == "VBN" and trigger.entry.mode == "occupy" \
            and head.head.lemma_.lower() not in _PEOPLE_WORDS:
        return True  # "two captured army barracks": a place described by its past, not a capture
    if trigger.entry.type == "FIGHT" and trigger.entry.mode == "clash" and head.tag_ == "VBG" and head.dep_ == "acl" \
            and head.head.tag_ in {"NNS", "NNPS"}:
        return True  # "500 militants fighting for IS", "nationals fighting with IS": a role, not a battle
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "past" for g in c.children)
           for c in head.children):
        return True  # "they have killed people in the past": what happens, not what happened
    if head.pos_ in NOUN_TAGS and any(c.lower_ in {"against"} for c in head.children) and trigger.entry.type == "FIGHT" \
            and (not any(c.dep_ in {"poss", "amod", "compound"} for c in head.children)
                 or (head.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children))):
        return True  # "the fight against terrorism", "large-scale military battles against terrorist groups"
    doers = [head.head] if head.dep_ == "acl" else [c for c in head.children if c.dep_ == "nsubj"]
    if trigger.entry.type == "ASSAULT" and head.tag_ == "VBG" and doers and _bare_plural(doers[0]) \
            and any(c.dep_ == "dobj" and _bare_plural(c) for c in head.children):
        return True  # "kids killing kids", "neighbours attacking neighbours": a kind of violence, no occurrence
    if head.pos_ in NOUN_TAGS and head.tag_ == "NNS" and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.lower_ in _SHARE_WORDS:
        return True  # "many of the neighborhood shootings involved kids": a kind of event summed up
    if head.pos_ in NOUN_TAGS and head.dep_ == "pobj" and head.head.lower_ in {"about", "of"} \
            and head.head.head.lemma_.lower() in WORKS:
        return True  # "a film about the assassination of Kim Jong-un": a story's subject, told of no day
    if head.dep_ == "pobj" and head.head.lower_ == "in" and trigger.entry.type == "PROTEST" and head.lower_ == "protest" \
            and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in head.children):
        return True  # "riots ... in protest at the killing": why the riot happened, no protest of its own
    if _a_campaign(head):
        return True  # "has been conducting airstrikes since August": a campaign, not one strike
    if any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in ANYONE for c in head.children):
        return True  # "they do not flinch at killing anyone who ...": a rule, not a killing
    return _habitual(governing_verb(head))


def _habitual(verb: Token) -> bool:
    """ "your rockets continue to strike our villages", "the rebels keep shelling": what goes on,
    in the present, told of no one occurrence ("continued to strike ... on Tuesday" is told)."""
    for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
        if v is not None and v.lemma_ in {"continue", "keep"} and v.tag_ in {"VBP", "VBZ"}:
            return True
    return False


def light_verb_subject(trigger: Trigger) -> Token | None:
    """The subject of the light verb that carries a noun trigger ("Russia carried out air strikes")."""
    head = trigger.head
    if head.pos_ not in NOUN_TAGS:
        return None
    while head.dep_ == "conj" and head.head.pos_ in NOUN_TAGS and head.head.i < head.i:
        head = head.head  # "fired rubber bullets and live rounds": the second object shares the verb
    verb = None
    if head.dep_ == "dobj" and is_light_verb(head.head):
        verb = head.head
    elif head.dep_ == "pobj" and is_light_verb(head.head.head):
        verb = head.head.head
    if verb is None or any(c.dep_ == "oprd" for c in verb.children):
        return None  # "called the bombing an act of terror": a name given to it, not a strike called
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in VERB_TAGS:
        # "rioters set fire to a bank and threw petrol bombs": the first verb's subject threw them
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject or (verb.head if verb.dep_ in {"relcl", "acl"} else None)


def lemma_set(nlp: Language, words: list[str]) -> set[str]:
    """Lemmas of a word list under the pipeline's lemmatizer (for tests and lexicon checks)."""
    return {t.lemma_ for t in nlp(" ".join(words))}


def doc_sentences(doc: Doc) -> list[Span]:
    """The sentences of a Doc without blank-line fragments."""
    return [s for s in doc.sents if s.text.strip()]
