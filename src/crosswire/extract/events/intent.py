"""Events told as still to come: aimed at, asked for, scheduled or ordered.

"Plans to strike", "urged Moscow to stop attacks", "a protest is planned for Friday",
"recommended that he be executed": the act is wanted, not done. ``modality_of`` reads these
as ``planned``; they never reach an export of what happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.extract.events.triggers import VERB_TAGS, Trigger, governing_verb, tense_of

# Verbs and adjectives whose infinitive complement is a plan or aim, not a fact ("plans to
# strike", "seeks to fight", "is prepared to resume talks"). "Began collecting" is under way,
# so "begin" is none of them.
PLAN_VERBS = frozenset(
    {
        "plan", "intend", "threaten", "vow", "pledge", "prepare", "promise", "aim", "seek", "want",
        "decide", "expect", "hope", "propose", "offer", "agree", "ready", "schedule", "arrange", "plot",
        "prepared", "willing", "determined", "eager",
        "hoping", "hoped", "hopes",  # spaCy's small model lemmatises "hoping" as "hop"
    }
)
# Nouns whose clause is an aim ("a bid to seize", "with the aim of seizing").
AIM_NOUNS = frozenset({"plan", "intention", "threat", "bid", "attempt", "need", "aim", "goal", "objective", "purpose"})

# Verbs of going or sending whose "to" clause is the purpose ("travelled to fight", "sent troops to
# help"), unlike catenatives that tell the act ("managed to kill", "began to shell").
# A "to" clause after a build-up is its purpose too ("doubled its troops to fight IS"); after an
# act it is often the act's own end ("fired tear gas to disperse them"), which stays with the act.
SENDING_VERBS = frozenset({"travel", "go", "come", "send", "deploy", "dispatch", "move", "head", "return",
                           "fly", "leave", "arrive", "join", "volunteer", "sign", "recruit", "double", "triple",
                           "increase", "authorize", "authorise", "mobilize", "mobilise", "mass", "arm", "train"})
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "train", "back", "join"})
# Two-word purpose marks ("so as to disperse", "so that"): what follows is an aim.
PURPOSE_MARKS = frozenset({"so"})

# Verbs and nouns of demands and appeals: their object or complement is wanted, not done
# ("call" only with its preposition: "called for a truce", but "called the attack a crime").
DEMAND_WORDS = frozenset({"urge", "demand", "ask", "request", "appeal", "press", "plea", "push", "recommend"})

def demanded(trigger: Trigger) -> bool:
    """Whether the trigger is what a demand or appeal asks for ("urged Moscow to stop attacks",
    "called for a ceasefire"): its object or complement, not something nested deeper."""
    first = trigger.head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "calls for a pause in fighting or a ceasefire": the ceasefire is asked for too
    for tok in {trigger.head, first, governing_verb(trigger.head)}:
        head = tok.head
        if tok.dep_ in {"xcomp", "ccomp", "dobj"} and head.lemma_.lower() in DEMAND_WORDS and head is not tok:
            return True
        if tok.dep_ == "pobj" and head.lower_ in {"for", "on", "upon"} and head.head.lemma_.lower() in DEMAND_WORDS | {"call"}:
            return True
    return False


# Verbs and modifiers by which a named event is still to come ("a protest is planned for
# Friday", "a scheduled strike"); in the past tense ("the attack was planned by X") it happened.
SCHEDULE_VERBS = frozenset({"plan", "schedule", "slate", "expect", "set", "call"})
SCHEDULE_MODIFIERS = frozenset({"planned", "scheduled", "upcoming", "proposed", "forthcoming", "expected"})


def subjunctive(verb: Token) -> bool:
    """"recommended that he be executed", "ordered that they be freed": a that-clause with a
    bare "be" asks for the act; it has not happened."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    clause = verb.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    return clause and any(a.lower_ == "be" and a.tag_ == "VB" for a in auxes) and not any(a.tag_ == "MD" for a in auxes)


def scheduled(trigger: Trigger, verb: Token) -> bool:
    """Whether an event noun is told as scheduled: the subject of "is planned/scheduled for",
    or modified by "planned"/"upcoming"."""
    head = trigger.head
    if head.pos_ in VERB_TAGS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in SCHEDULE_MODIFIERS for c in head.children):
        return True
    return (verb.i != head.i and head.dep_ == "nsubjpass" and verb.lemma_.lower() in SCHEDULE_VERBS
            and tense_of(verb) in {"present", "future"})


def aimed(verb: Token) -> bool:
    """Whether a verb is an aim: a plan word's complement, "with the aim of", "so as to"."""
    while verb.dep_ == "conj" and verb.head.pos_ in VERB_TAGS and verb.head.i < verb.i:
        verb = verb.head  # "plotted to shoot a guard and then attack a police station": both aimed at
    if verb.dep_ in {"ccomp", "xcomp", "oprd"} and verb.head.lemma_ in {"have", "get"} and verb.head.dep_ == "xcomp":
        verb = verb.head  # "planned to have the prisoners shot": the plan's complement is the having
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() in PLAN_VERBS and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return True  # "arranged for the informer to be shot"
    if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in PLAN_VERBS or verb.head.lower_ in PLAN_VERBS):
        return True
    if verb.dep_ == "acl" and verb.head.lemma_ in AIM_NOUNS:
        return True
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.lemma_ in AIM_NOUNS | PLAN_VERBS:
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if to and verb.dep_ in {"advcl", "xcomp"} and verb.head.lemma_.lower() in SENDING_VERBS:
        return True  # "doubled its troops to fight IS", "jihadis who travelled to fight": the purpose
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() in HELPING_VERBS:
        return True  # "assist Iraqi forces in fighting IS": what the help is for
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return verb.dep_ == "advcl" and bool(marks) and marks[0] in PURPOSE_MARKS
