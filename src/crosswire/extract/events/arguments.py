"""An event trigger's actor, target and place candidates, read from the dependency parse.

Verbs give their subject (inherited through clauses when they have none), object and
prepositional phrases; nominal triggers ("a government airstrike on X", "X's attack") give
their possessor, modifiers and prepositions, or borrow a light verb's ("carried out strikes").
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.extract.events.parties import ABSTRACT_OBJECTS, PRONOUNS, country_of
from crosswire.extract.events.modality import CLAIM_NOUNS
from crosswire.extract.events.triggers import NOUN_TAGS, VERB_TAGS, Trigger, light_verb_subject
from crosswire.extract.events.victims import PERSON_NOUNS

# Entity labels that are never actors, targets or places.
NOT_ARGUMENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
QUANTITY_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "group", "scores"})
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Nouns of fixed phrases that are never arguments ("on the other hand", "on the sidelines").
DISCOURSE_NOUNS = frozenset({"hand", "behalf", "basis", "sideline", "sidelines", "condition", "part", "way", "need"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                      "today", "yesterday", "tonight", "morning", "evening", "night", "week", "month", "year"})
# Noun modifiers that name the actor of a nominal trigger ("a government airstrike").
ACTOR_MODIFIERS = frozenset({"government", "army", "police", "rebel", "military", "militant", "regime",
                             "coalition", "jihadist", "insurgent", "separatist", "militia", "security"})
# Types whose nominal trigger's participants are the clause subject ("after a meeting with X").
PARTICIPANT_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into"})
# Only these stand for the noun a relative clause modifies ("the group which attacked");
# "a video in which it beheaded X" has its own subject, "it".
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs whose subject suffered them: "Sotloff disappeared in Syria" names the victim, not a doer.
PATIENT_SUBJECT_VERBS = frozenset({"disappear", "vanish"})


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/advcl/conj/relcl/acl when it has none."""
    for step in range(4):
        shouted_is = next((c for c in verb.children if c.text == "IS" and c.dep_ in {"aux", "auxpass"} and c.i < verb.i), None)
        if shouted_is is not None:
            return shouted_is  # "IS beheaded two aid workers": the group, parsed as the verb "is"
        if step == 0 and any(c.dep_ == "auxpass" for c in verb.children) and not any(
                c.dep_ in {"nsubj", "agent"} for c in verb.children):
            return None  # "shops suffering damage or being destroyed": a passive borrows no doer
        for c in verb.children:
            if c.dep_ == "nsubj":
                if verb.tag_ == "VBN" and not any(a.dep_ in {"aux", "auxpass"} for a in verb.children):
                    return None  # "some 35-40 terrorists killed": a reduced passive, the subject is the victim
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    # "late on Friday night, which hit a convoy": a time is no doer
                    return None if verb.head.lemma_.lower() in CLAIM_NOUNS | WEEKDAYS else verb.head
                return c
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "... when he was captured": no agent told, and not the main clause's subject
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None  # "a journalist kidnapped in Syria": the noun suffered it
        if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in NOUN_TAGS:
            return verb.head if not any(c.dep_ == "nsubjpass" for c in verb.children) else None
        if verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb above a noun (the participants of a meeting noun)."""
    for anc in tok.ancestors:
        if anc.pos_ in VERB_TAGS:
            return _subject(anc)
    return None


def _pobj(prep: Token) -> Token | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in NOT_ARGUMENT_ENTS or obj.lower_ in WEEKDAYS or obj.lemma_ in DISCOURSE_NOUNS:
        return None  # "on 12 March 2019", "on Monday": when, not whom or where
    return obj


# Objects that complete an idiom and are no one ("the shooting took place", "took to the streets").
IDIOM_OBJECTS = {"take": frozenset({"place", "part", "street", "streets"}), "break": frozenset({"out"}),
                 "open": frozenset({"fire"})}  # "gunmen opened fire on X", read from the "gunmen" trigger too


def _idiom_object(verb: Token, obj: Token, trig: Trigger) -> bool:
    """Whether an object is a word of the trigger's own phrase written apart ("went on strike",
    "blocked a road") or of an idiom ("took place"): never the target."""
    if obj.lemma_.lower() in trig.entry.pattern and len(trig.entry.pattern) > 1:
        # but "expressed concerns over X" keeps "concerns", which stands for X (parties.concrete_target)
        return obj.lemma_.lower() not in ABSTRACT_OBJECTS and obj.lower_ not in ABSTRACT_OBJECTS
    return obj.lemma_.lower() in IDIOM_OBJECTS.get(verb.lemma_.lower(), ())


def _verb_arguments(verb: Token, trig: Trigger, *, with_object: bool) -> tuple[Token | None, list[Token]]:
    """Target and place candidates among a verb's dependents (object before prepositions)."""
    target = None
    if with_object:
        target = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.ent_type_ not in NOT_ARGUMENT_ENTS - {"CARDINAL"}), None)
        if target is not None and (trig.start <= target.i < trig.end or _idiom_object(verb, target, trig)):
            target = None  # "opened fire on X": "fire" is part of the trigger; "took place"
        aimed = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in trig.entry.pattern
                      and (p := _pobj(c)) is not None and not _idiom_object(verb, p, trig)), None)
        target = aimed or target  # "rammed his truck into a market": the market, not the truck
        if target is not None and (target.ent_type_ == "CARDINAL" or target.lemma_ in QUANTITY_NOUNS):
            of = next((c for c in target.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = _pobj(of) if of is not None else target  # "dozens of protesters"
        reduced = verb.tag_ == "VBN" and not any(a.dep_ in {"aux", "auxpass"} for a in verb.children)
        if target is None and reduced:
            target = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    places = [target] if target is not None else []  # "seized Goma": the object may be the place
    for c in verb.children:
        if c.dep_ == "prep" and (pobj := _pobj(c)) is not None and not _idiom_object(verb, pobj, trig):
            if target is None and (c.lower_ in TARGET_PREPS or (c.lower_ == "with" and "symmetric" in trig.entry.flags)):
                target = pobj
            places.append(pobj)
    return target, places


# Nouns of something suffered: their possessor is who suffered it ("Gray's killing", "her arrest").
# Of these, the nouns of a killing name their victim after "of" whoever did it ("the beheading of
# the journalist"); "the detention of a commander" names a captive, told often as a mere cause.
KILLING_NOUNS = frozenset({"killing", "murder", "slaying", "assassination", "execution", "beheading", "lynching"})
PATIENT_NOUNS = frozenset({"killing", "murder", "death", "slaying", "assassination", "execution", "shooting",
                           "stabbing", "beating", "kidnapping", "abduction", "arrest", "detention", "rape",
                           "lynching", "beheading", "disappearance", "injury", "torture"})


def _possessor_is_victim(noun: Token, possessor: Token) -> bool:
    """Whether a person's possessive on a noun of suffering names the victim: "Gray's killing", but
    "the army's killing of protesters" (a victim named with "of") and "Russia's strikes" name the doer."""
    if noun.lemma_.lower() not in PATIENT_NOUNS and noun.lower_ not in PATIENT_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False
    if possessor.ent_type_ in {"GPE", "ORG", "NORP", "LOC", "FAC"}:
        return False  # "Israel's killing", "the army's arrest": a state or a force does it
    return (possessor.ent_type_ == "PERSON" or possessor.pos_ == "PROPN" or possessor.lemma_.lower() in PERSON_NOUNS
            or possessor.lower_ in {"his", "her"})


# Nouns of a reaction whose object is what the reaction is about ("in protest at the killing of a
# farmer": the protest is the news, the killing its cause).
_REACTION_NOUNS = frozenset({"protest", "anger", "outrage", "fury", "grief", "condemnation", "response", "reaction"})


def _what_a_protest_is_about(noun: Token) -> bool:
    prep = noun.head  # "anger over the killing", and "in protest at the killing" however "at" attaches
    return noun.dep_ == "pobj" and (prep.head.lemma_.lower() in _REACTION_NOUNS or (
        prep.i > 0 and prep.doc[prep.i - 1].lemma_.lower() in _REACTION_NOUNS))


# Verbs a headline drops "was" before ("Woman stabbed while jogging", "Teen shot dead"): with a
# person as subject and nothing done to anyone, the person is the victim.
HEADLINE_PASSIVES = frozenset({"stab", "shoot", "kill", "wound", "injure", "attack", "beat", "rob", "kidnap", "abduct",
                               "murder", "hurt", "assault"})


def _headline_passive(verb: Token, subject: Token | None) -> bool:
    if subject is None or subject.lemma_.lower() not in PERSON_NOUNS or verb.lemma_.lower() not in HEADLINE_PASSIVES:
        return False
    if verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"dobj", "aux", "auxpass", "conj", "dative"} for c in verb.children):
        return False  # "a man shot his wife", "he shot and killed her", "she had stabbed"
    if verb.dep_ == "conj" or any(c.dep_ == "prep" and c.lower_ in {"at", "into", "through"} for c in verb.children):
        return False  # "shot at police": he fired
    return not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subject.children)


def arguments(trig: Trigger) -> tuple[Token | None, Token | None, list[Token]]:
    """Actor, target and place-candidate tokens from the dependency parse of one trigger."""
    head = trig.head
    actor = target = None
    places: list[Token] = []
    if head.pos_ in VERB_TAGS:
        actor = _subject(head)
        target, places = _verb_arguments(head, trig, with_object=True)
        if (head.dep_ == "amod" or (head.dep_ == "acl" and head.tag_ == "VBN")) and head.head.pos_ in NOUN_TAGS:
            target = target or head.head  # "the killed civilians", "a journalist murdered by ISIS"
        if (head.lemma_.lower() in PATIENT_SUBJECT_VERBS or _headline_passive(head, actor)) and target is None:
            actor, target = None, actor
    else:
        leader = None
        for c in head.children:
            if c.ent_type_ in NOT_ARGUMENT_ENTS or c.lower_ in WEEKDAYS or c.lower_ in PRONOUNS:
                continue  # "today's Russian air raids", "its air strikes"
            if c.dep_ == "poss" and _possessor_is_victim(head, c):
                target = target or c  # "Gray's killing", "the boy's death": whose, not by whom
            elif c.dep_ == "compound" and c.ent_type_ == "GPE" and trig.entry.type == "PROTEST":
                places.append(c)  # "the Athens demonstration": where it was, not who held it
            elif c.dep_ == "amod" and (c.lower_ == "led" or c.lower_.endswith("-led")):
                # "US-led strikes", "a U.S.-led airstrike": the leading side struck, unless the
                # noun names the side itself ("Saudi-led coalition air strikes": the coalition)
                leader = leader or (c if c.lower_ != "led" else next(
                    (g for g in c.children if g.dep_ in {"npadvmod", "compound", "nmod"}), None))
            elif c.dep_ in {"amod", "compound"} and c.ent_type_ == "GPE" and not country_of(c.text):
                places.append(c)  # "the Aleppo bombing": where it was; "the US air strike": who struck
            elif c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"}):
                actor = actor or c
            elif c.dep_ == "compound" and c.lemma_.lower() in ACTOR_MODIFIERS:
                actor = actor or c
            elif c.dep_ == "prep" and (pobj := _pobj(c)) is not None:
                if c.lower_ == "by":
                    actor = pobj
                elif c.lower_ == "between":
                    actor = pobj
                    target = next((g for g in pobj.children if g.dep_ == "conj"), None)
                elif c.lower_ in TARGET_PREPS or c.lower_ == "with" or (
                        c.lower_ in {"of", "including"} and head.lemma_.lower() in PATIENT_NOUNS
                        and ((head.lemma_.lower() in KILLING_NOUNS and not _what_a_protest_is_about(head))
                             or any(g.dep_ == "poss" for g in head.children))):
                    target = target or pobj  # "Israel's killing of three protesters", "the beheading of X"
                places.append(pobj)
            elif c.dep_ == "acl" and c.lemma_ in {"target", "hit", "kill"}:  # "a strike targeting X"
                target = target or next((g for g in c.children if g.dep_ == "dobj"), None)
        if leader is not None and country_of(leader.text.removesuffix("-led")):
            actor = actor or leader  # a state leads strikes; a "CONAIE-led strike" is a walkout
        subject = light_verb_subject(trig)
        if subject is not None:  # "militants threw a grenade at a police station"
            actor = actor or subject
            verb = trig.head.head if trig.head.dep_ == "dobj" else trig.head.head.head
            light_target, light_places = _verb_arguments(verb, trig, with_object=False)
            target = target or light_target
            places.extend(light_places)
        if actor is None and trig.entry.type in PARTICIPANT_TYPES:
            actor = _clause_subject(head)  # "Kerry said ... after a meeting with Lavrov"
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.pos_ in VERB_TAGS:
            verb = head.head  # "the airstrike killed 4 civilians": the object is the victim
            between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
            if between is not None and actor is None and (pobj := _pobj(between)) is not None:
                actor = pobj  # "fighting broke out between X and Y"
                target = target or next((g for g in pobj.children if g.dep_ == "conj"), None)
            verb_target, verb_places = _verb_arguments(verb, trig, with_object=True)
            target = target or verb_target
            places.extend(verb_places)
    if actor is not None and "symmetric" in trig.entry.flags:
        partner = next((c for c in actor.children if c.dep_ == "conj"), None)  # "X and Y clashed"
        if partner is not None and (target is None or target.ent_type_ not in PARTY_ENTS):
            target = partner
    return actor, target, places
