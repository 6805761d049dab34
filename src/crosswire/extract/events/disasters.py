"""Deaths that are no conflict event: natural disasters, accidents, illness.

PLOVER and ACLED code political violence. An earthquake, a flood or a bus crash that kills
people is neither, yet it is told with the same verbs ("the quake struck the province,
killing 40"; "a truck hit three pedestrians"), so a violent trigger caused by one would be
coded as an attack with "the quake" or "the Richter scale" as its actor. :func:`non_conflict`
reads the cause of a violent trigger; the event is then typed with one of crosswire's own
extension types (``ontology.EXTENSION_TYPES``: DISASTER for natural hazards, ACCIDENT for
crashes, collapses, accidental fires and stampedes), with no ACLED code and no actor, or, for
illness ("a heart attack"), is no event at all.

Precision first: a cause counts only where the parse ties it to the trigger (its actor or
target, the object of "in"/"by"/"from" on the trigger, or the verb the trigger hangs from),
and an accident never where the sentence says the act was deliberate or names weapons or
armed men.
"""

from __future__ import annotations

import re

from dataclasses import replace

from spacy.tokens import Span, Token

from crosswire.nlp.text import text_of
from crosswire.extract.events.triggers import Trigger
from crosswire.records import Event

# Natural hazards (lemma or lower-case form) and the mode they give a DISASTER event.
HAZARDS = {
    "earthquake": "earthquake", "quake": "earthquake", "tremor": "earthquake", "aftershock": "earthquake",
    "richter": "earthquake", "magnitude": "earthquake", "tsunami": "tsunami",
    "flood": "flood", "flooding": "flood", "floodwater": "flood", "deluge": "flood", "downpour": "flood",
    "rain": "flood", "rainfall": "flood", "monsoon": "flood",
    "storm": "storm", "hurricane": "storm", "typhoon": "storm", "cyclone": "storm", "tornado": "storm",
    "twister": "storm", "blizzard": "storm", "snowstorm": "storm", "thunderstorm": "storm", "hailstorm": "storm",
    "lightning": "storm", "landslide": "landslide", "mudslide": "landslide", "landslip": "landslide",
    "avalanche": "landslide", "rockfall": "landslide", "wildfire": "wildfire", "bushfire": "wildfire",
    "drought": "drought", "heatwave": "heat", "volcano": "eruption", "eruption": "eruption", "lava": "eruption",
    # An animal's attack is no conflict event either ("a brown bear mauled a fisherman").
    "bear": "animal", "shark": "animal", "crocodile": "animal", "alligator": "animal", "tiger": "animal",
    "lion": "animal", "leopard": "animal", "elephant": "animal", "wolf": "animal", "snake": "animal",
    "hippo": "animal", "hippopotamus": "animal", "jaguar": "animal", "cougar": "animal", "boar": "animal",
    # An outbreak kills too ("1,400 have been killed as waterborne diseases proliferated").
    "disease": "epidemic", "epidemic": "epidemic", "outbreak": "epidemic", "pandemic": "epidemic",
    "cholera": "epidemic", "malaria": "epidemic", "dengue": "epidemic", "ebola": "epidemic", "measles": "epidemic",
    "typhoid": "epidemic", "influenza": "epidemic", "virus": "epidemic", "infection": "epidemic", "plague": "epidemic",
}
# What is killed or shot that no conflict event counts: "officers are killing animals", "pets are being shot".
ANIMALS = frozenset({"animal", "pet", "dog", "cat", "livestock", "cattle", "cow", "horse", "sheep", "goat",
                     "wildlife", "bird", "deer", "pig", "poultry", "chicken", "stray"})
# Verbs of a death whose doer a disaster report may leave to the sentence before ("The tsunami
# struck ... More than 300 were killed in Malaysia").
DEATH_VERBS = frozenset({"kill", "die"})
# The noun of "the Richter scale" when the parse makes it the actor: the quake is meant.
SCALE_WORDS = frozenset({"scale"})
# Heads whose compound names the hazard ("flood waters", "storm surge"); other heads are people
# or things described by it ("earthquake survivors", "flood victims").
HAZARD_HEADS = frozenset({"water", "waters", "wind", "winds", "surge", "wave", "waves", "fire", "slide", "rains"})
# Nouns that stand for a group of what follows "of": "a series of earthquakes", "a wave of storms".
GROUP_HEADS = frozenset({"series", "wave", "spate", "string", "succession", "swarm", "cluster", "number", "pair",
                         "couple", "set"})
# Accidents named by a noun ("killed in a car crash") and the ACCIDENT mode they give.
ACCIDENT_NOUNS = {
    "crash": "crash", "accident": "crash", "collision": "crash", "derailment": "crash", "pileup": "crash",
    "wreck": "crash", "shipwreck": "crash", "collapse": "collapse", "fire": "fire", "blaze": "fire",
    "inferno": "fire", "flame": "fire", "stampede": "stampede", "crush": "stampede",
}
# Verbs of an accident that a killing hangs from ("a bus plunged into a ravine, killing 17").
ACCIDENT_VERBS = {
    "crash": "crash", "collide": "crash", "derail": "crash", "capsize": "crash", "overturn": "crash",
    "plunge": "crash", "sink": "crash", "skid": "crash", "collapse": "collapse", "cave": "collapse",
}
# Vehicles (and their drivers) whose hitting or killing people is a traffic accident unless the
# text says otherwise; aircraft are left out, since "planes struck" is an air strike.
VEHICLES = frozenset({"car", "bus", "minibus", "truck", "lorry", "van", "train", "vehicle", "motorcycle",
                      "motorbike", "taxi", "suv", "tractor", "tanker", "driver", "motorist", "trailer", "jeep"})
# Car makes and body styles: "hit by a silver Toyota Camry", "struck by a 2013 gray Camry".
CAR_WORDS = frozenset({"toyota", "honda", "ford", "nissan", "chevrolet", "chevy", "bmw", "mercedes", "volkswagen",
                       "hyundai", "kia", "dodge", "lexus", "audi", "mazda", "subaru", "tesla", "camry", "corolla",
                       "civic", "accord", "sedan", "pickup", "hatchback", "minivan", "cab", "automobile", "wheel"})
# Who rides in a vehicle: hurt "in the car", they were in a crash unless the text names an attack.
OCCUPANTS = frozenset({"passenger", "passengers", "driver", "drivers", "occupant", "occupants", "motorist", "rider"})
# Verbs by which a vehicle hits people, and charges that name driving.
RUN_OVER_VERBS = frozenset({"hit", "strike", "mow", "run", "knock"})
DRIVING_OFFENCES = frozenset({"dwi", "dui", "drunk-driving", "vehicular"})
DRIVERS = frozenset({"driver", "drivers", "motorist", "motorists"})
_ARSON_REPORT = re.compile(r"\barson|\bsuspicious|\bdeliberately\s+(?:set|started|lit)|\bset\s+(?:alight|ablaze|on\s+fire)"
                           r"|\bfire[\s-]?bomb|\bpetrol\s+bomb|\bmolotov", re.I)
_BOMB_REPORT = re.compile(r"\bbomb|\bexplosive device|\bIED\b|\bsuicide|\bdetonat|\bterror|\bmilitant|\battack", re.I)
_FIRE_REPORT = re.compile(r"\bfirefighter|\bfire\s+(?:department|crews?|fighters|chief|marshal|service)|\bblaze\b", re.I)
# Where an explosion is an accident: gas, industry, mining.
INDUSTRIAL = frozenset({"gas", "boiler", "plant", "factory", "mine", "refinery", "pipeline", "tanker", "firework",
                        "fireworks", "leak", "furnace", "warehouse", "chemical", "methane", "propane", "cylinder"})
BLAST_WORDS = frozenset({"explosion", "blast", "explode", "blow"})
_TRAFFIC_REPORT = re.compile(r"\bhit[\s-]+and[\s-]+run\b|\bdrunk(?:en)?[\s-]+driv|\bdriving\s+(?:while\s+)?(?:drunk|intoxicated)", re.I)
# Fire that is fighting, not an accident: "killed in cross fire", "under mortar fire".
COMBAT_FIRE = frozenset({"cross", "gun", "mortar", "rocket", "artillery", "sniper", "enemy", "friendly", "tank",
                         "machine", "machine-gun", "heavy", "live", "return", "hostile", "small", "arms"})
# Words that make a crash or fire deliberate, or name armed violence: then it is no accident.
DELIBERATE = frozenset({"deliberately", "intentionally", "purposely", "purpose", "rammed", "ramming", "terror",
                        "terrorist", "terrorists", "terrorism", "attacker", "attackers", "assailant", "gunmen",
                        "gunman", "militants", "insurgents", "rebels", "arson", "arsonist", "arsonists", "torched",
                        "bomb", "bombs", "ied", "missile", "missiles", "rocket", "rockets", "grenade", "gunfire",
                        "shot", "ambush", "ambushed", "airstrike", "airstrikes", "jihadist", "jihadists", "attack",
                        "attacks", "attacked", "deliberate", "murder", "murdered"})
# Words of intent that a charge uses for a driver too ("charged with murder over a hit and run").
CHARGE_WORDS = frozenset({"murder", "murdered", "deliberate", "deliberately", "intentionally", "purposely", "purpose"})
# What people burn on purpose that harms nobody else ("burning debris requires a permit").
REFUSE = frozenset({"debris", "leaf", "leaves", "brush", "trash", "garbage", "rubbish", "waste", "stubble",
                    "yard", "branch", "limb", "pile", "grass", "weed", "item", "material"})
# "a heart attack", "an asthma attack": illness, never an event.
ILLNESS_MODIFIERS = frozenset({"heart", "asthma", "panic", "anxiety", "cardiac", "seizure", "epileptic"})
# The prepositions by which a trigger names its cause ("killed in the quake", "died from the flood").
CAUSE_PREPS = frozenset({"in", "by", "from"})
# Trigger types a cause can recast; territory and talk are never caused by weather.
RECAST_TYPES = frozenset({"ASSAULT", "FIGHT"})
RECAST_MODES = frozenset({None, "", "firearms", "beating", "clash", "property"})


def _word(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _hazard(tok: Token | None) -> str | None:
    """The hazard a noun names: itself ("floods"), a compound ("flash floods"), "the Richter scale"."""
    if tok is None:
        return None
    if tok.lower_ in GROUP_HEADS or _word(tok) in GROUP_HEADS:  # "a series of earthquakes": the quakes
        return next((mode for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and (mode := _hazard(g)) is not None), None)
    # "flood waters", and a named storm ("Typhoon Haiyan"); not "earthquake survivors"
    named = tok.lower_ in HAZARD_HEADS or tok.pos_ == "PROPN"
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod"}] if named else []
    for t in (tok, *mods):
        mode = HAZARDS.get(_word(t)) or HAZARDS.get(t.lower_)
        if mode is not None:
            return mode
    if tok.lower_ in SCALE_WORDS and any(t.lower_ == "richter" for t in tok.subtree):
        return "earthquake"
    if _word(tok) == "fire" and any(_word(c) in {"forest", "bush", "brush", "grass", "wild"} for c in tok.children):
        return "wildfire"
    return None


def _accident(tok: Token | None) -> str | None:
    """The accident a noun names ("a car crash", "the collapse", "the fire"), None for combat fire."""
    if tok is None:
        return None
    word = _word(tok)
    if word not in ACCIDENT_NOUNS and tok.lower_ not in ACCIDENT_NOUNS:
        return None
    mods = {_word(c) for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    if word in {"fire", "flame"} and mods & COMBAT_FIRE:
        return None
    return ACCIDENT_NOUNS.get(word) or ACCIDENT_NOUNS.get(tok.lower_)


def _hit_and_run(tok: Token) -> bool:
    """Whether a token heads "hit-and-run" (parsed as "hit" with "run" coordinated, or "run" last)."""
    doc = tok.doc
    text = doc[max(tok.i - 4, 0):min(tok.i + 5, len(doc))].text.lower().replace(" ", "").replace("-", "")
    return tok.lower_ in {"hit", "run"} and "hitandrun" in text  # "hit-and-run", "Hit And Run"


def _names_vehicle(tok: Token) -> bool:
    """Whether a phrase names a road vehicle anywhere in it ("a 2013 gray Camry", "the driver's van")."""
    return any(_word(t) in VEHICLES or t.lower_ in VEHICLES or t.lower_ in CAR_WORDS for t in tok.subtree)


def _causes(head: Token) -> list[Token]:
    """Objects of "in"/"by"/"from" on a trigger (and on the verb it hangs from)."""
    verbs = [head] + ([head.head] if head.dep_ in {"advcl", "conj", "xcomp"} and head.head.i != head.i else [])
    return [g for v in verbs for c in v.children if c.dep_ in {"prep", "agent"} and c.lower_ in CAUSE_PREPS
            for g in c.children if g.dep_ == "pobj"]


def _clause_subjects(head: Token) -> list[Token]:
    """The subjects of the clauses that tell when or why a trigger happened ("was destroyed after a
    fire broke out", "collapsed when the blaze spread")."""
    return [g for c in head.children if c.dep_ == "advcl" for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]


def _driven(head: Token, target: Token | None, sent: Span) -> bool:
    """Whether a hit was a driver's: it is done with a car ("struck her with his 2013 Camry"), or
    the sentence names a driver or a driving charge outside what was hit ("a drunken driver
    struck her", "charged with DWI after he struck a woman"); a car park nearby is no driver."""
    hit = {t.i for t in target.subtree} if target is not None else set()
    verbs = [head, *(c for c in head.children if c.dep_ == "conj")]
    if any(_word(t) in VEHICLES or t.lower_ in CAR_WORDS for v in verbs for c in v.children
           if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
           for t in (g, *g.lefts)):
        return True
    if any(t.i not in hit and t.lower_ in DRIVERS | DRIVING_OFFENCES for t in sent):
        return True
    # a report about a hit-and-run or a drunk driver: its "hit and killed a woman" is the driver's
    return bool(_TRAFFIC_REPORT.search(text_of(sent.doc)))


def non_conflict(trigger: Trigger, actor: Token | None, target: Token | None, sent: Span) -> tuple[str | None, str] | None:
    """``(type, mode)`` when a violent trigger's cause is no conflict, else None.

    ``type`` is "DISASTER" (a natural hazard is the actor, the target fought, or the cause
    named by "in"/"by"/"from"), "ACCIDENT" (a vehicle or driver hits or kills without a word
    of intent; a crash, collapse, fire or stampede is the cause; the killing hangs from a verb
    of accident such as "crashed" or "collapsed"), or None for illness ("a heart attack"),
    which is no event.

    Example:
        >>> from crosswire.nlp.pipeline import load_nlp
        >>> doc = load_nlp()("Floods killed 23 people in Marel on Sunday.")
        >>> from crosswire.extract.events.triggers import find_triggers
        >>> non_conflict(find_triggers(doc[:])[0], doc[0], doc[3], doc[:])
        ('DISASTER', 'flood')
    """
    trigger_head, entry_type, entry_mode = trigger.head, trigger.entry.type, trigger.entry.mode
    if entry_type == "ASSAULT" and _word(trigger_head) == "attack" and any(
        _word(c) in ILLNESS_MODIFIERS for c in trigger_head.children if c.dep_ in {"compound", "amod"}
    ):
        return None, "illness"
    if entry_type == "COERCE" and entry_mode == "property":
        return _unset_fire(trigger_head, actor, target, sent)
    if entry_type == "ASSAULT" and entry_mode == "explosive" and _word(trigger_head) in BLAST_WORDS:
        return _unset_blast(trigger_head, sent)
    if entry_type not in RECAST_TYPES or entry_mode not in RECAST_MODES:
        return None
    if target is not None and _accident(target) == "fire" and not _names_intent(sent, trigger_head) \
            and not _ARSON_REPORT.search(text_of(sent.doc)):
        return "ACCIDENT", "fire"  # "crews attacked the fire from the north side": firefighting
    if target is not None and _word(target) in ANIMALS:
        return None, "animals"  # "officers are killing animals", "pets left behind are being shot"
    # The subject of a clause telling why counts only when nobody is named as the doer: "killed as
    # diseases spread", not "gunmen killed 12, days after floods hit the region".
    told_why = _clause_subjects(trigger_head) if actor is None else []
    for tok in (actor, *_causes(trigger_head), *told_why, target if entry_type == "FIGHT" else None):
        if (mode := _hazard(tok)) is not None:
            return "DISASTER", mode  # "the quake struck", "killed in the floods", "killed as diseases spread"
    if actor is None and _word(trigger_head) in DEATH_VERBS and not _names_intent(sent, trigger_head) \
            and (mode := _hazard_just_told(sent)) is not None:
        return "DISASTER", mode  # "The tsunami struck the coast. More than 300 were killed in ..."
    told_of = trigger_head.head if trigger_head.dep_ == "relcl" else None  # "a hit and run that killed a woman"
    if any(_hit_and_run(t) for t in (trigger_head, *_causes(trigger_head), actor, told_of) if t is not None) and not (
            {t.lower_ for t in sent} & (DELIBERATE - CHARGE_WORDS)):
        return "ACCIDENT", "crash"  # "killed in a hit-and-run" (even one charged as murder): a driver fled, nobody aimed
    if _names_intent(sent):
        return None

    if actor is not None and _word(actor) in VEHICLES and entry_mode in {None, ""}:
        return "ACCIDENT", "crash"
    if entry_mode in {None, ""} and any(_names_vehicle(t) for t in (actor, *_causes(trigger_head)) if t is not None):
        return "ACCIDENT", "crash"  # "was hit by a silver Toyota Camry": a car, whatever the parse made its head
    if _word(trigger_head) in RUN_OVER_VERBS and _driven(trigger_head, target, sent):
        return "ACCIDENT", "crash"  # "a driver ... struck her with his car", "he struck and killed a woman" (a DWI)
    for tok in (actor, *_causes(trigger_head), target if entry_type == "FIGHT" else None):
        if (mode := _accident(tok)) is not None:
            return "ACCIDENT", mode
    # "a bus plunged into a ravine, killing 17"; not "overturned a ruling, striking down a rule"
    verb = trigger_head.head if trigger_head.dep_ in {"advcl", "conj"} and _word(trigger_head) == "kill" else None
    if verb is not None and (mode := ACCIDENT_VERBS.get(_word(verb))) is not None:
        return "ACCIDENT", mode
    # "was killed after crashing his car", "died when his van left the road and crashed"
    # a clause hung on a coordinated verb tells the same mishap ("were killed and 35 injured after
    # their vehicle fell")
    clauses = [c for v in (trigger_head, *trigger_head.conjuncts) for c in v.children if c.dep_ == "advcl"] + [
        g for c in trigger_head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    for clause in clauses:
        for v in (clause, *clause.conjuncts):
            if (mode := ACCIDENT_VERBS.get(_word(v))) is not None:
                return "ACCIDENT", mode
            # "were killed after their vehicle fell into a gorge": a vehicle's own mishap (no word
            # of intent in the sentence, checked above)
            if any(c.dep_ in {"nsubj", "nsubjpass"} and _word(c) in VEHICLES for c in v.children):
                return "ACCIDENT", "crash"
    if entry_mode in {None, ""} and target is not None and any(
            t.lower_ in OCCUPANTS for t in target.subtree) and any(
            (_word(t) in VEHICLES or t.lower_ in CAR_WORDS) and t.lower_ not in OCCUPANTS and _word(t) not in DRIVERS
            for t in target.subtree):
        return "ACCIDENT", "crash"  # "a passenger in the car was injured"
    return None


def _hazard_just_told(sent: Span) -> str | None:
    """The hazard the sentence just before names as a noun (in the same paragraph), if any."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    if "\n\n" in text_of(sent.doc)[before.end_char:sent.start_char]:
        return None
    return next((mode for t in before if t.pos_ in {"NOUN", "PROPN"} and (mode := _hazard(t)) is not None), None)


def _names_intent(sent: Span, trigger: Token | None = None) -> bool:
    """Whether the sentence has a word of intent or armed violence (:data:`DELIBERATE`), the
    trigger's own word aside ("crews attacked the fire" is no attack for its "attacked")."""
    return any(t.lower_ in DELIBERATE for t in sent if trigger is None or t.i != trigger.i)


def _unset_blast(head: Token, sent: Span) -> tuple[str | None, str] | None:
    """An explosion nobody set off: of gas, at a plant or a mine, or in a report about a house
    fire with no word of a bomb or an attack ("it looked like an explosion blew out the wall")."""
    if _names_intent(sent, head) or _BOMB_REPORT.search(text_of(sent.doc)):
        return None
    if {_word(t) for t in sent} & INDUSTRIAL or _FIRE_REPORT.search(text_of(sent.doc)):
        return "ACCIDENT", "explosion"
    return None


def _unset_fire(head: Token, actor: Token | None, target: Token | None, sent: Span) -> tuple[str | None, str] | None:
    """Property destroyed by a fire nobody set: a wildfire's burning is a disaster, a house fire's
    an accident ("the blaze destroyed the house", "destroyed by fire"), and burning one's own
    refuse ("residents burning debris") no event at all; an arsonist or a rioter keeps the event."""
    for tok in (actor, *_causes(head)):
        if (mode := _hazard(tok)) is not None:
            return "DISASTER", mode
    if _names_intent(sent) or _ARSON_REPORT.search(text_of(sent.doc)):
        return None  # a report that calls a fire arson or suspicious keeps its fires as destruction
    for tok in (actor, *_causes(head), *_clause_subjects(head)):
        if _accident(tok) == "fire":
            return "ACCIDENT", "fire"  # "destroyed by fire", "destroyed after a fire broke out"
    if _word(head) == "burn":
        if head.dep_ in {"compound", "amod", "nmod"} or head.pos_ in {"NOUN", "ADJ"}:
            return None, "burning"  # "the burn ban", "a burning permit": a rule about burning
        if target is not None and _word(target) in REFUSE:
            return None, "burning refuse"
        if target is None and not any(c.dep_ == "dobj" for c in head.children):
            return None, "burning"  # "residents who plan to burn", "unless it burned closer": no one's property
    return None


def recast(event: Event | None, trigger: Trigger, actor: Token | None, target: Token | None, sent: Span) -> Event | None:
    """The event as :func:`non_conflict` reads its cause: unchanged, retyped DISASTER/ACCIDENT
    (no ACLED code, no actor or target, its dead and place kept), or None for illness."""
    if event is None or (kind := non_conflict(trigger, actor, target, sent)) is None:
        return event
    type_, mode = kind
    if type_ is None:
        return None
    return replace(event, type=type_, mode=mode, acled=None, actor=None, target=None)
