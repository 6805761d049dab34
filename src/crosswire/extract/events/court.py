"""Court steps about a violent act: "was convicted of murder", "sentenced for the killing".

A blind reading of real news found attacks read from court reports and dated to the verdict:
"was convicted of murder on Tuesday" tells of a verdict on Tuesday, not a murder. The act the
step names is presented through the court's charge or finding, so it is ``alleged`` (not told
as the outlet's fact), carries no ACLED code and takes only a date its own phrase states
("convicted of the 2005 murder"), never the step's day; it stays a mention of an action,
which ECB+ counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from crosswire.extract.dates import DateMention, find_dates

from crosswire.records import Place

from crosswire.extract.events.triggers import NOUN_TAGS, VERB_TAGS, Trigger

_A_YEAR = re.compile(r"(19|20)\d\d")
# Types whose triggers name the acts courts try.
CRIME_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE"})
# Legal steps about a crime: the crime is what they are about, not an event read with the step's
# date ("was convicted of murder on Tuesday" tells of a verdict on Tuesday, not a murder).
LEGAL_VERBS = frozenset({"convict", "sentence", "charge", "acquit", "indict", "jail", "imprison", "prosecute",
                         "try", "plead", "arraign", "exonerate", "pardon", "extradite", "fine", "absolve", "sue"})
LEGAL_ADJECTIVES = frozenset({"guilty", "innocent"})
LEGAL_NOUNS = frozenset({"trial", "retrial", "conviction", "verdict", "sentence", "sentencing", "indictment",
                         "acquittal", "prosecution", "charge", "plea", "arraignment", "extradition",
                         "warrant", "suspicion", "allegation"})  # "a warrant for his arrest", "on suspicion of murder", "found true the allegations of murder"
# What one does to an arrest that is a charge, not an arrest: "resisting arrest", "to avoid arrest".
EVADE_VERBS = frozenset({"resist", "evade", "avoid", "escape", "elude", "dodge"})
# What one faces in court ("faces life in prison for the shooting", "faces charges over the attack").
PENALTY_NOUNS = frozenset({"life", "charge", "trial", "prison", "jail", "sentence", "penalty", "year", "death",
                           "prosecution", "execution", "extradition", "count"})
# Prepositions by which a step names its crime ("of", "for", "with", "to", "over").
LEGAL_PREPS = frozenset({"of", "for", "with", "to", "over", "in"})
# Dependencies a crime climbs by to its step: "for the killing of X", "guilty of killing X".
CLIMB_DEPS = frozenset({"pobj", "pcomp", "prep", "conj", "compound", "agent"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _legal(tok: Token, via: Token | None) -> bool:
    """Whether a token is a legal step that names its crime through ``via`` (a preposition)."""
    lemma = _lemma(tok)
    prep_ok = via is None or via.lower_ in LEGAL_PREPS
    if tok.pos_ in VERB_TAGS:
        if lemma == "face":
            return prep_ok and any(c.dep_ == "dobj" and _lemma(c) in PENALTY_NOUNS for c in tok.children)
        if lemma == "find" and any(c.lower_ in LEGAL_ADJECTIVES for c in tok.children):
            return prep_ok  # "found guilty last month of murder with the special circumstance of murder of an officer"
        return prep_ok and lemma in LEGAL_VERBS
    if tok.pos_ == "ADJ":
        return prep_ok and tok.lower_ in LEGAL_ADJECTIVES
    return tok.pos_ in NOUN_TAGS and lemma in LEGAL_NOUNS and prep_ok


def court_step(trigger: Trigger) -> bool:
    """Whether a violent trigger is the crime a legal step is about: "convicted of murder",
    "sentenced for the killing of", "pleaded guilty to assault", "found guilty of killing",
    "faces life in prison for the shooting", "the trial over the bombing". Only what the step
    names through a preposition counts, so "the man who was convicted of murder shot a deputy"
    keeps its shooting."""
    if trigger.entry.type not in CRIME_TYPES:
        return False
    tok, via = trigger.head, None
    if trigger.entry.mode == "arrest" and ((tok.dep_ == "dobj" and _lemma(tok.head) in EVADE_VERBS) or any(
            c.dep_ == "amod" and _lemma(c) in EVADE_VERBS for c in tok.children)):
        return True  # "a record including resisting arrest", "murder to avoid arrest": a charge
    for _ in range(8):
        if tok.dep_ in {"dobj", "nsubjpass"} and via is not None and tok.pos_ in NOUN_TAGS and _legal(tok.head, via):
            return True  # "convicted a gang member of murdering": the parser hangs "of" on the person
        dated = tok.dep_ in {"npadvmod", "npmod"} and tok.ent_type_ in {"DATE", "TIME"}
        if (tok.dep_ not in CLIMB_DEPS and not dated) or tok.head is tok:
            return False  # a date climbed through: "convicted March 20 of murder" hangs "of" on March
        if tok.dep_ == "prep" and via is None:
            via = tok  # the crime's own preposition: "convicted on Tuesday of murder" names it by "of"
        tok = tok.head
        if tok.dep_ in {"prep", "agent"}:
            continue  # "found guilty by the jury of murder": the parser hangs "of" on the jury
        if _legal(tok, via):
            return True
        if tok.pos_ in VERB_TAGS and via is not None and via.lower_ == "for" and any(
                c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in NOUN_TAGS and _lemma(c) in LEGAL_NOUNS for c in tok.children):
            return True  # "a warrant was issued for his arrest": the parser hangs "for" on the verb
        if tok.pos_ in VERB_TAGS and _lemma(tok) == "lead" and tok.tag_ == "VBG" and tok.dep_ == "acl":
            return True  # "a reward for any tip leading to the arrest of the gunman": a condition
        if tok.pos_ in VERB_TAGS:
            return False  # a clause of its own: "convicted of ordering the killing" stops at ordering
    return False


def crime_date(trigger: Trigger, sent: Span, published: str | None) -> DateMention | None:
    """The date a court step gives its crime in the crime's own phrase ("convicted of the 2005
    murder", "convicted of murdering a deputy in June 2005"); the step's own day ("on Tuesday",
    "last month") is the court's."""
    head = trigger.head
    start, end = head.left_edge.idx - sent.start_char, head.right_edge.idx + len(head.right_edge) - sent.start_char
    stated = next((d for d in find_dates(sent.text, published) if start <= d.start and d.end <= end and d.date), None)
    if stated is not None:
        return stated
    year = next((c for c in head.children if c.dep_ in {"nummod", "compound", "amod"} and _A_YEAR.fullmatch(c.text)), None)
    if year is None:
        return None
    at = year.idx - sent.start_char
    return DateMention(at, at + len(year.text), year.text, f"{year.text}-01-01", "year", False)  # "the 2005 murder"


def crime_places(trigger: Trigger, places: Sequence[Place]) -> list[Place]:
    """The places a court step gives its crime: those inside the crime's own phrase ("convicted
    of killing a deputy in Hawaiian Gardens"), never the court's town ("a jury in Norwalk
    convicted him") or a party's home ("a Hawaiian Gardens gang member")."""
    own = set()
    for t in trigger.head.subtree:
        own.update(range(t.idx, t.idx + len(t.text)))
    return [p for p in places if p.start in own and not _names_a_member(trigger.head, p)]


def _names_a_member(crime: Token, place: Place) -> bool:
    """"the killing of a Hawaiian Gardens deputy": the town modifies a person, where they are from."""
    tok = next((t for t in crime.subtree if t.idx == place.start), None)
    while tok is not None and tok.dep_ == "compound":
        tok = tok.head
    return tok is not None and tok != crime and tok.pos_ in NOUN_TAGS and tok.ent_type_ not in {"GPE", "LOC", "FAC"}
