"""Events told as having happened whatever hedges the sentence around them.

"A stabbing that killed a passenger may have occurred after a theft": the modal doubts the
circumstances, the relative clause tells what the stabbing did. "Jihadi John may have been
injured in U.S.-led airstrikes": the doubt is whether he was hurt, not whether the strikes
were flown. :func:`crosswire.extract.events.modality.modality_of` reads these first.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.extract.events.ontology import TERRITORY_MODES, VIOLENT_TYPES
from crosswire.extract.events.triggers import NOUN_TAGS, VERB_TAGS, Trigger

# A past outcome told in a relative clause ("a stabbing that killed a passenger may have occurred
# after ...", "the bombing, which wounded 30, may have been carried out by ...") says the event
# happened: a modal above it hedges its circumstances or its author, not the event.
OUTCOME_VERBS = frozenset({"kill", "wound", "injure", "leave", "claim", "destroy", "damage", "hurt", "maim"})
_QUANTIFIERS = frozenset({"any", "every", "each", "no", "such"})


def told_by_its_outcome(trigger: Trigger, verb: Token) -> bool:
    """Whether the event is a noun whose past relative clause tells what it did ("a stabbing that
    killed a passenger"), or that clause itself; not a rule about any such event ("any strike
    that killed civilians would be ...") and not an outcome negated or hedged in its own words."""
    def done(clause: Token) -> bool:
        return clause.dep_ == "relcl" and clause.tag_ == "VBD" and clause.lemma_ in OUTCOME_VERBS \
            and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in clause.children)

    noun = trigger.head if trigger.head.pos_ in {"NOUN", "PROPN"} else verb.head if done(verb) else None
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in noun.children):
        return False
    return any(done(c) for c in noun.children)


# Verbs of what befell someone in an event ("may have been injured in US air strikes"): the doubt is
# about the person, the strike they name is told as having happened.
VICTIM_VERBS = frozenset({"injure", "wound", "kill", "hit", "die", "hurt", "maim"})
_PAST_AUX = frozenset({"have", "has", "had", "was", "were"})


def presupposed_by_its_victim(trigger: Trigger) -> bool:
    """Whether an event noun is where a past harm befell someone ("was hit in a strike near
    Falluja", "may have been injured in U.S.-led airstrikes"): whoever doubts the harm, the
    strike happened; not a harm still to come ("would be killed in a strike")."""
    head = trigger.head
    if head.pos_ not in NOUN_TAGS or head.dep_ != "pobj" or head.head.lower_ not in {"in", "during", "by"}:
        return False
    verb = head.head.head
    if verb.lemma_.lower() not in VICTIM_VERBS or verb.pos_ not in VERB_TAGS:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & _PAST_AUX))


# Determiners that point at an event the reader already knows of ("the shooting", "this attack").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def judged_in_hindsight(trigger: Trigger) -> bool:
    """Whether a definite event noun is the subject of a verdict on how it went ("the shooting
    could have been bloodier", "the attack might have been worse"): the modal weighs the
    outcome; the event itself is taken as having happened."""
    head = trigger.head
    if head.pos_ not in NOUN_TAGS or head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return False
    definite = any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in head.children)
    judged = any(c.dep_ in {"acomp", "attr"} and c.tag_ in {"JJR", "JJS", "RBR"} for c in head.head.children)
    return definite and judged


def harmed_in(noun: Trigger, verb: Trigger) -> bool:
    """Whether ``verb`` tells a harm that befell someone in the event ``noun`` names: one event,
    told as happened by the noun (:func:`presupposed_by_its_victim`)."""
    return presupposed_by_its_victim(noun) and noun.head.head.head.i == verb.head.i


# Verbs that say an event noun happened ("the shooting took place", "a gunfight broke out").
OCCUR_VERBS = frozenset({"occur", "happen", "erupt", "break", "unfold", "ensue", "rage", "take"})


def told_as_occurring(trig: Trigger) -> bool:
    """Whether the text says the event happened though it names no party: an event noun that
    "took place" or "broke out", or a verb phrase that can mean nothing else ("taken into custody")."""
    head = trig.head
    if head.pos_ in VERB_TAGS:  # not "took over the firm", "pulled out of the race", "called for calm"
        entry = trig.entry
        return len(entry.pattern) > 1 and entry.pos == "verb" and (
            "custody" in entry.pattern
            or (entry.type in VIOLENT_TYPES and "weak" not in entry.flags and entry.mode not in TERRITORY_MODES)
        )
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in OCCUR_VERBS:
        return False
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "place" for c in verb.children)
    return verb.lemma_.lower() != "break" or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
