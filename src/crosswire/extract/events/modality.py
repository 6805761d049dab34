"""How the text presents an event: done, said, charged or feared, denied, planned or only possible.

Only ``asserted`` (the outlet says it happened) and ``reported`` (a source it cites says so)
count as having happened. A verbal act (accusing, condemning, urging, voicing concern) is
``stated``: it happened as words, and crosswire records those words as a claim with its
speaker, so it is not an act in the world. What an accusation or a worry says happened is
``alleged``; the text presents it through someone's charge or fear, not as fact.

Some trigger mentions are not events of their own at all: the occasion of a statement ("said
during a visit to X") and a reference back to an event already told ("the targets of its air
strikes"); ``is_occasion`` and ``is_back_reference`` say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.extract.events.court import court_step
from crosswire.extract.events.intent import aimed, demanded, scheduled, subjunctive
from crosswire.extract.events.presupposed import judged_in_hindsight, presupposed_by_its_victim, told_by_its_outcome
from crosswire.extract.events.triggers import (
    NOUN_TAGS, QUOTE_CHARS, VERB_TAGS, Trigger, governing_verb, is_light_verb, tense_of,
)
from crosswire.nlp.text import text_of

# Verbs that report someone else's words: a trigger in their complement is "reported".
SPEECH_VERBS = frozenset(
    {
        "say", "report", "tell", "claim", "state", "announce", "add", "stress", "write", "note",
        "confirm", "quote", "insist", "allege", "tweet", "declare", "explain", "indicate",
        "reveal", "testify", "acknowledge", "admit", "argue", "warn", "believe", "suggest",
    }
)
# Verbs that deny their complement ("the minister dismissed claims that the raids hit ...").
DENY_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut", "disprove"})
# Parties that are no one: "nobody was hurt", "none of the hostages were killed", "killed no one".
NEGATIVE_PARTIES = frozenset({"nobody", "none", "noone", "nothing", "neither"})
# Verbs whose infinitive did not come about ("the device failed to detonate", "refused to sign
# a peace deal", "declined to attend the talks").
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
# Nouns that carry a claim which a predicate can call false ("rumours that ... were groundless").
CLAIM_NOUNS = frozenset({"rumour", "rumor", "report", "claim", "allegation", "charge", "accusation", "suggestion"})
FALSE_WORDS = frozenset({"groundless", "baseless", "false", "untrue", "unfounded", "fabricated", "lie", "fake", "wrong"})
# Nouns whose "of" names what may come ("facing the prospect of arrest", "the risk of a strike").
PROSPECT_NOUNS = frozenset({"prospect", "possibility", "risk", "threat", "danger", "spectre", "specter", "likelihood",
                            "chance", "fear", "fears", "path"})
POTENTIAL_WORDS = frozenset({"potential", "possible", "threatened", "looming", "imminent", "likely", "feared"})
# Dependency relations by which a clause is the content of a speech verb.
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "advcl"})
# A clause opened by one of these is the circumstance of a statement ("said while meeting
# Judeh"), not what was said.
CIRCUMSTANCE_MARKS = frozenset({"while", "when", "after", "before", "during", "as", "since", "upon"})
HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "would", "should", "can", "must"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Triggers that are verbal acts: the event is the saying. Summoning an ambassador, a veto or
# a signature are acts with effects, and stay out.
VERBAL_TRIGGERS = frozenset(
    {
        "accuse", "blame", "allege", "condemn", "denounce", "criticize", "criticise", "express concern",
        "demand", "urge", "call on", "ask", "request", "appeal", "call for", "threaten", "warn",
        "ultimatum", "reject", "praise", "welcome", "endorse",
    }
)
# Accusations and worries: what their clause says happened is alleged, not fact. The verbs,
# and the nouns and adjectives a verb carries them by ("is concerned", "voiced fears", "charges
# that"); "charge" is no verb here, since police charging a crowd is an act.
ATTITUDE_VERBS = frozenset({"accuse", "allege", "suspect", "fear", "worry", "concern", "alarm"})
ATTITUDE_WORDS = frozenset({"accusation", "allegation", "charge", "rumour", "rumor", "suspicion", "concern",
                            "concerned", "worry", "worried", "fear", "afraid", "alarmed", "anxious", "anxiety",
                            "apprehensive"})
# How an accusation or worry takes its content: a clause ("concerned that", "charges that"),
# or a preposition ("accused X of conducting", "concerned about reports saying").
ATTITUDE_PREPS = frozenset({"of", "about", "over", "at", "by", "for"})
# Prepositions by which a nominal occasion frames a statement ("said during a visit to X").
OCCASION_PREPS = frozenset({"during", "at", "on", "amid", "ahead"})
# Determiners that point back to an event already told ("these strikes", "its air strikes").
BACK_DETERMINERS = frozenset({"its", "their", "his", "her", "these", "this", "those", "that", "such"})


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text presents an event, and whose words report it."""

    modality: str  # asserted | reported | stated | alleged | denied | planned | hypothetical
    reported_by: str | None = None


def _in_quotes(sent: Span, tok: Token, paragraph_open: bool) -> bool:
    """Whether a token lies inside quotation marks (a quote may open in an earlier sentence)."""
    text = text_of(sent.doc)[sent.start_char:tok.idx]
    marks = sum(text.count(q) for q in QUOTE_CHARS)
    return (marks % 2 == 1) != paragraph_open


def _party_text(tok: Token) -> str:
    """The words of a noun phrase: its left modifiers and itself (no relative clauses)."""
    # A subject parsed as a lone quote mark has no words but itself.
    left = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct] or [tok]
    start = min(t.i for t in left)
    span = tok.doc[start:tok.i + 1]
    text = span.text.rsplit("\n", 1)[-1]  # a heading above is not part of the speaker
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _speaker(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return _party_text(c)
    return None


def is_content(below: Token) -> bool:
    """Whether ``below`` is what its speech verb says, not the circumstance it was said in."""
    if below.dep_ not in REPORTED_DEPS:
        return False
    return not (below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in below.children))


def is_verbal(trigger: Trigger) -> bool:
    """Whether a trigger is a verbal act ("accused", "urged", "expressed concern")."""
    return " ".join(trigger.entry.pattern) in VERBAL_TRIGGERS


def _holds_attitude(verb: Token) -> bool:
    """A verb that is an attitude ("accused") or carries one ("is concerned", "expressed fears")."""
    if verb.lemma_.lower() in ATTITUDE_VERBS:
        return True
    return any(c.dep_ in {"acomp", "dobj", "attr", "oprd"} and ATTITUDE_WORDS & {c.lemma_.lower(), c.lower_}
               for c in verb.children)


def _attitude_scope(trigger: Trigger) -> bool:
    """Whether the trigger is in the clause of an accusation or a worry.

    The clause is the attitude's complement ("concerned that", "charges that", "accused
    Russia of conducting raids"), its reason ("concerned because ...") or a speech verb that
    spells it out ("voiced concern, saying ..."). An event the attitude only names ("concern
    over the fighting", "accused of the attack") is taken as given: a clause must lie between.
    """
    clause = trigger.head.pos_ in VERB_TAGS
    below = trigger.head
    for anc in trigger.head.ancestors:
        if anc.pos_ in VERB_TAGS and anc is not below:
            if clause and _holds_attitude(anc) and (
                below.dep_ in {"ccomp", "xcomp"}
                or (below.dep_ == "prep" and below.lower_ in ATTITUDE_PREPS)
                or (below.dep_ == "advcl" and (any(c.lower_ == "because" for c in below.children)
                                               or below.lemma_ in SPEECH_VERBS))
            ):
                return True
            clause = True
        elif clause and anc.pos_ in NOUN_TAGS | {"ADJ"} and ATTITUDE_WORDS & {anc.lemma_.lower(), anc.lower_} and (
            below.dep_ in {"acl", "ccomp"} or (below.dep_ == "prep" and below.lower_ in ATTITUDE_PREPS)
        ):
            return True
        below = anc
    return False


def _defines(chain: list[Token]) -> bool:
    """Whether the trigger lies in a definition ("To deconflict is to ensure that aircraft do
    not clash", "Deconflicting means making sure that ..."): what it describes is a kind of
    action, not an occurrence. Both sides must be actions (an infinitive or a gerund), so
    "To them, the attack was a crime" is no definition."""
    for v in chain:
        if v.lemma_ not in {"be", "mean"} or v.pos_ not in VERB_TAGS:
            continue
        action_subject = any(
            c.dep_ == "csubj" or (c.lower_ == "to" and c.i < v.i and c.dep_ in {"prep", "aux", "mark"})
            or (c.dep_ == "nsubj" and c.tag_ == "VBG") for c in v.children)
        action_complement = any(
            c.dep_ in {"xcomp", "ccomp"} and (c.tag_ == "VBG" or any(g.lower_ == "to" for g in c.children))
            for c in v.children)
        if action_subject and action_complement:
            return True
    return False


_IN_CASE_OF = re.compile(r"\b(?:in\s+the\s+event\s+of|in\s+case\s+of|in\s+case)\s+(?:an?\s+|the\s+|any\s+)?[\w'.-]*(?:\s+[\w'.-]+){0,4}\s*$", re.I)


def _in_case_of(trigger: Trigger) -> bool:
    """Whether a noun is what a contingency is for ("in the event of a strike", "in case of an
    attack"), what a prospect is of ("facing the prospect of arrest", "the prospect of stars
    boycotting"), or told as potential ("a potential walkout", "a looming strike")."""
    head = trigger.head
    if head.pos_ in NOUN_TAGS and any(c.dep_ == "amod" and c.lower_ in POTENTIAL_WORDS for c in head.children):
        return True
    tok = head
    if tok.dep_ == "nsubj" and tok.head.tag_ == "VBG":
        tok = tok.head  # "the prospect of stars boycotting the honors"
    if tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PROSPECT_NOUNS:
        return True
    before = text_of(head.doc)[head.sent.start_char:head.idx]
    return head.pos_ in NOUN_TAGS and bool(_IN_CASE_OF.search(before))


def _no_one(trigger: Trigger, verb: Token) -> bool:
    """Whether the event's doer or sufferer is no one ("no one was arrested", "nobody was hurt",
    "the gunmen killed nobody"). Only the event's own verb counts: in "no group has claimed the
    attack" the claim is what nobody made, and the attack happened."""
    if verb.i != trigger.head.i and not is_light_verb(verb) and trigger.head.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    for c in verb.children:
        if c.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            continue
        if c.lower_ in NEGATIVE_PARTIES or any(d.dep_ in {"det", "neg"} and d.lower_ in {"no", "not"} for d in c.children):
            return True
    # "No-one has been injured": the tokenizer splits the hyphenated pronoun off the verb's subject
    start = trigger.head.sent.start
    opening = trigger.head.doc[start:trigger.head.i].text.lower().replace(" ", "")
    return opening.startswith(("no-one", "noone", "nobody")) and trigger.head.dep_ == "ROOT"


def _failed(verb: Token) -> bool:
    """Whether the verb is what failed to happen ("failed to detonate"), or the failing whose
    subject is the event ("the bomb failed to explode")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAIL_VERBS:
        return True
    # "the bomb failed to explode" tells a failed bomb; "the rebels refused to attend" a refusal, which happened
    return verb.lemma_.lower() == "fail" and any(c.dep_ == "xcomp" for c in verb.children)


def _unless_it_had(verb: Token) -> bool:
    """A past condition that is negated ("if the officer hadn't wounded him") tells what did happen."""
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "if" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in children) and any(c.dep_ == "neg" for c in children)


# A record (video, photo, tape) that shows an event only as its makers claim: "purports to show",
# "apparently showing", "said to show". Unhedged, the outlet asserts what the record shows.
SHOWING_VERBS = frozenset({"show", "depict", "feature", "capture"})
HEDGING_VERBS = frozenset({"purport", "claim", "appear", "seem", "say", "allege"})
HEDGING_ADVERBS = frozenset({"apparently", "purportedly", "allegedly", "reportedly", "supposedly", "seemingly"})


def _hedged_showing(trigger: Trigger) -> bool:
    """Whether an event is told only as what a record is claimed to show ("a video that purports
    to show the beheading", "apparently showing the killing"): alleged, as a coder reads it."""
    head = trigger.head
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_ not in SHOWING_VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HEDGING_ADVERBS for c in verb.children):
        return True
    # "purports to show": the parser hangs "to show" as xcomp or advcl of the hedging verb
    above = verb.head if verb.dep_ in {"xcomp", "advcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else None
    return above is not None and (above.lemma_ in HEDGING_VERBS or any(
        c.dep_ == "advmod" and c.lower_ in HEDGING_ADVERBS for c in above.children))


def modality_of(trigger: Trigger, sent: Span, *, quote_open: bool = False) -> Modality:
    """Read the modality of a trigger from its governing verb, its ancestors and quotes.

    Order of precedence: hypothetical (modal, condition, definition) > denied (negation,
    denial verb, a claim called false, "no one", "failed to") > alleged (an accusation's or a
    worry's clause, the crime a court step names) >
    planned (future, plan or aim, what a demand asks for) > stated (the trigger is a verbal
    act) > reported (speech verb, "according to", a quotation) > asserted. The reporting
    source is kept even when another modality wins, because the words are still someone's.
    """
    verb = governing_verb(trigger.head)
    chain = [verb, *verb.ancestors]
    reported_by: str | None = None
    reported = False
    below = verb
    for anc in chain[1:]:
        # Reported speech is the speech verb's complement; a clause coordinated with the
        # speech verb ("Russia says X, but NATO expressed Y") is not.
        if anc.lemma_ in SPEECH_VERBS and anc.pos_ in VERB_TAGS and is_content(below):
            reported, reported_by = True, _speaker(anc)
            break
        below = anc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            reported = True
            reported_by = reported_by or (_party_text(pobj) if pobj is not None else None)
    if _in_quotes(sent, trigger.head, quote_open):
        reported = True
        if reported_by is None:
            root = sent.root
            reported_by = _speaker(root) if root.lemma_ in SPEECH_VERBS else None

    if told_by_its_outcome(trigger, verb) or presupposed_by_its_victim(trigger) or judged_in_hindsight(trigger) \
            or _unless_it_had(verb):
        return Modality("reported" if reported else "asserted", reported_by)

    def auxes(v: Token) -> list[Token]:
        return [c for c in v.children if c.dep_ in {"aux", "auxpass"}]

    for v in chain[:3]:
        if v.pos_ not in VERB_TAGS:
            continue
        if any(a.lower_ in HYPOTHETICAL_AUX for a in auxes(v)):
            return Modality("hypothetical", reported_by)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in v.children):
            return Modality("hypothetical", reported_by)
        if v.lemma_ in SPEECH_VERBS:
            break  # the speech verb's own modality is not the event's
    if _defines(chain) or _in_case_of(trigger):
        return Modality("hypothetical", reported_by)
    if any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in trigger.head.children):
        return Modality("denied", reported_by)
    if _no_one(trigger, verb) or _failed(verb):
        return Modality("denied", reported_by)
    for anc in chain[1:]:
        if anc.lemma_ in DENY_VERBS and anc.pos_ in VERB_TAGS:
            return Modality("denied", reported_by or _speaker(anc))
        if anc.lemma_ in CLAIM_NOUNS:
            pred = anc.head
            if any(c.lemma_.lower() in FALSE_WORDS for c in pred.children if c.dep_ in {"acomp", "attr", "oprd"}):
                return Modality("denied", reported_by)
    if _hedged_showing(trigger):  # "a video that purports to show the beheading of X"
        return Modality("alleged", reported_by)
    if _attitude_scope(trigger) or court_step(trigger):  # "accused X of shelling", "convicted of murder"
        return Modality("alleged", reported_by)
    if any(t.lower_ in {"allege", "alleges"} and t.dep_ == "compound" and t.head.head == verb for t in sent):
        return Modality("alleged", reported_by)  # "Prosecutors allege Simpson shot her", "allege" parsed a noun
    tensed = verb  # "will continue to strike": the future is the catenative verb's
    while tensed.dep_ == "xcomp" and tensed.head.pos_ in VERB_TAGS:
        tensed = tensed.head
    if "future" in (tense_of(verb), tense_of(tensed)) or aimed(verb) or demanded(trigger)\
            or subjunctive(verb) or scheduled(trigger, verb):
        return Modality("planned", reported_by)
    if is_verbal(trigger):
        return Modality("stated", reported_by)
    if reported:
        return Modality("reported", reported_by)
    return Modality("asserted", None)


def is_occasion(trigger: Trigger) -> bool:
    """Whether a nominal meeting or visit only frames a statement ("said during a visit to the
    United States", "told reporters at a meeting in Brussels"): where and when the words were
    said, which their claim records. A meeting with a named partner ("said after talks with
    Lavrov") is news of its own and stays an event."""
    head = trigger.head
    if trigger.entry.type != "CONSULT" or head.pos_ not in NOUN_TAGS or head.dep_ != "pobj":
        return False
    prep = head.head
    speech = prep.head
    if prep.lower_ not in OCCASION_PREPS or speech.pos_ not in VERB_TAGS or speech.lemma_ not in SPEECH_VERBS | {"speak"}:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in head.children)


def is_back_reference(trigger: Trigger) -> bool:
    """Whether an event noun points back to an event already told, inside another noun phrase
    ("the targets of its air strikes", "the toll of these attacks"): the event was read where
    it was told, and the mention adds no new one (a toll it gives joins the earlier event)."""
    head = trigger.head
    if head.pos_ not in NOUN_TAGS or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    if head.head.head.pos_ not in NOUN_TAGS:
        return False
    return any(c.dep_ in {"poss", "det"} and c.lower_ in BACK_DETERMINERS for c in head.children)
